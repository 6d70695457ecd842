//! Property tests: generated why-questions are flagged with good rewrites,
//! generated neutral questions are not flagged, and any text at all is
//! checked without panicking and with spans inside it.

mod phrasing_support;

use phrasing_support::{assert_good_suggestions, keeps_subject_matter};
use proptest::prelude::*;
use proptest::sample::select;
use roast::phrasing::Checker;

/// Parts of the system, with whether they are plural.
const THINGS: &[(&str, bool)] = &[
    ("the gateway", false),
    ("the build", false),
    ("the search index", false),
    ("the config server", false),
    ("the worker pool", false),
    ("the cron jobs", true),
    ("the logs", true),
    ("the alert thresholds", true),
    ("staging", false),
    ("the message bus", false),
    ("the cache", false),
    ("the deploy pipeline", false),
    ("the load balancer", false),
    ("the replicas", true),
    ("the TLS certificates", true),
    ("the billing service", false),
];

/// What a person might have done: base form and gerund.
const ACTIONS: &[(&str, &str)] = &[
    ("use a shared database", "using a shared database"),
    (
        "add rate limiting to the public API",
        "adding rate limiting to the public API",
    ),
    (
        "move the cron jobs to the queue",
        "moving the cron jobs to the queue",
    ),
    ("deploy on Fridays", "deploying on Fridays"),
    ("cache the responses", "caching the responses"),
    ("shard the queue by tenant", "sharding the queue by tenant"),
    (
        "run the migrations by hand",
        "running the migrations by hand",
    ),
    (
        "put the service behind a CDN",
        "putting the service behind a CDN",
    ),
    (
        "keep two copies of the user table",
        "keeping two copies of the user table",
    ),
    (
        "page the whole team for disk alerts",
        "paging the whole team for disk alerts",
    ),
    (
        "store sessions on local disk",
        "storing sessions on local disk",
    ),
    (
        "rebuild the search index every night",
        "rebuilding the search index every night",
    ),
    ("split the monolith", "splitting the monolith"),
    ("disable the health checks", "disabling the health checks"),
    ("build a custom scheduler", "building a custom scheduler"),
    (
        "pick Cassandra for the session store",
        "picking Cassandra for the session store",
    ),
    ("turn off the autoscaler", "turning off the autoscaler"),
    (
        "migrate off the old message bus",
        "migrating off the old message bus",
    ),
];

/// What a part of the system might do (third person plural/base form).
const THING_ACTIONS: &[&str] = &[
    "retry every request",
    "share a database with production",
    "hold a global lock",
    "poll the database",
    "drop messages under load",
    "restart every hour",
    "need a restart after each deploy",
    "skip the canary stage",
];

/// What a part of the system might be.
const STATES: &[&str] = &[
    "so slow",
    "not centralised",
    "set so low",
    "unbounded",
    "rebuilt every night",
    "shared with production",
    "owned by another team",
    "still running on one node",
    "always broken",
    "duplicated across regions",
];

const PEOPLE: &[(&str, &str)] = &[
    ("you", "aren't"),
    ("we", "aren't"),
    ("they", "aren't"),
    ("the team", "isn't"),
    ("the platform team", "isn't"),
];

/// A why-question built from the parts above, in one of its many forms.
fn why_question() -> impl Strategy<Value = String> {
    let form = 0..9usize;
    (
        form,
        select(THINGS),
        select(ACTIONS),
        select(THING_ACTIONS),
        select(STATES),
        select(PEOPLE),
        select(&["", "So ", "And ", "Why on earth ", "why, exactly, "][..]),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(
                form,
                (thing, plural),
                (action, gerund),
                thing_action,
                state,
                (person, arent),
                lead,
                lower,
                mark,
            )| {
                let is = if plural { "are" } else { "is" };
                let does = if plural { "do" } else { "does" };
                let body = match form {
                    0 => format!("did {person} {action}"),
                    1 => format!("didn't {person} {action}"),
                    2 => format!("don't {person} instead {action}"),
                    3 => format!("can't {person} just {action}"),
                    4 => format!("{arent} {person} simply {gerund}"),
                    5 => format!("{is} {thing} {state}"),
                    6 => format!("{does} {thing} {thing_action}"),
                    7 => format!("not {action}"),
                    _ => format!("{thing} {is} {state}"),
                };
                let question = match (form, lead) {
                    (8, "So " | "And ") => format!("{lead}how come {body}"),
                    (8, _) => format!("How come {body}"),
                    (_, "Why on earth " | "why, exactly, ") => format!("{lead}{body}"),
                    (_, "") => format!("Why {body}"),
                    _ => format!("{lead}why {body}"),
                };
                let question = if lower {
                    question.to_lowercase()
                } else {
                    question
                };
                if mark {
                    format!("{question}?")
                } else {
                    question
                }
            },
        )
}

/// A neutral question about the same parts of the system.
fn neutral_question() -> impl Strategy<Value = String> {
    (0..8usize, select(THINGS), select(THINGS), select(ACTIONS)).prop_map(
        |(form, (thing, plural), (other, _), (action, gerund))| {
            let does = if plural { "do" } else { "does" };
            let is = if plural { "are" } else { "is" };
            match form {
                0 => format!("How {does} {thing} work?"),
                1 => format!("What part of the system handles {thing}?"),
                2 => format!("Where {is} {thing} configured?"),
                3 => format!("When do {thing} and {other} communicate?"),
                4 => format!("What would it take to {action}?"),
                5 => format!("What led to {gerund}?"),
                6 => format!("Who owns {thing}?"),
                _ => format!("Which dashboards show {thing}?"),
            }
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn generated_why_questions_are_flagged_with_good_rewrites(question in why_question()) {
        let verdict = Checker::builtin().check(&question);
        prop_assert!(verdict.is_flagged(), "not flagged: {question}");
        assert_good_suggestions(&question, &verdict);
        prop_assert!(keeps_subject_matter(&question, &verdict), "{question} → {:?}", verdict.suggestions);
    }

    #[test]
    fn generated_neutral_questions_are_not_flagged(question in neutral_question()) {
        let verdict = Checker::builtin().check(&question);
        prop_assert!(!verdict.is_flagged(), "{question}: {:?}", verdict.findings);
        prop_assert!(verdict.suggestions.is_empty());
    }

    #[test]
    fn any_text_is_checked_within_its_bounds(text in "\\PC{0,120}") {
        check_any(&text);
    }

    #[test]
    fn any_text_around_a_why_is_checked_within_its_bounds(
        before in "\\PC{0,40}",
        joint in select(&[" ", ", ", ": ", "? ", "\t", "—", "\"", "'", "🚀 ", "日本 "][..]),
        why in select(&["why", "Why", "WHY", "why'd", "how come", "why not", "Why did you", "just", "should have"][..]),
        after in "\\PC{0,40}",
    ) {
        check_any(&format!("{before}{joint}{why} {after}"));
    }
}

fn check_any(text: &str) {
    let verdict = Checker::builtin().check(text);
    let length = text.chars().count();
    let mut previous_start = 0;
    for finding in &verdict.findings {
        assert!(finding.start < finding.end, "{text:?}: {finding:?}");
        assert!(finding.end <= length, "{text:?}: {finding:?}");
        assert!(
            finding.start >= previous_start,
            "{text:?}: findings out of order"
        );
        previous_start = finding.start;
    }
    if verdict.is_flagged() {
        assert_good_suggestions(text, &verdict);
    } else {
        assert!(verdict.suggestions.is_empty());
    }
}
