//! Table-driven tests for every rule in rules.ron: cases where the rule
//! fires (with the text its finding must cover), and false-positive guards
//! that must not be flagged at all. A rule without both fails
//! `every_rule_has_a_positive_case_and_a_guard`.

use super::{BUILTIN_RULES, Category, Checker, RuleError};

/// (rule id, text, the part of the text the finding covers)
#[rustfmt::skip]
const POSITIVE: &[(&str, &str, &str)] = &[
    ("why-dont-you", "Why don't you instead move the cron jobs to the queue?", "Why don't you"),
    ("why-dont-you", "why dont we use the managed queue", "why dont we"),
    ("why-dont-you", "Why won't the team adopt the shared CI templates?", "Why won't the team"),
    ("why-did-you", "Why did you use a shared database for both services?", "Why did you"),
    ("why-did-you", "Why didn't you add rate limiting to the public API?", "Why didn't you"),
    ("why-did-you", "So why did the team split the monolith this way?", "why did the team"),
    ("why-did-you", "Why'd you turn off the autoscaler?", "Why'd you"),
    ("why-did-you", "Why, exactly, did you disable the circuit breaker?", "Why, exactly, did you"),
    ("why-did-you", "日本 why did you pick Kafka?", "why did you"),
    ("why-cant-you", "Why can't you just add another replica?", "Why can't you"),
    ("why-cant-you", "why cannot we shard the queue", "why cannot we"),
    ("why-arent-you", "Why aren't you simply using the platform's load balancer?", "Why aren't you"),
    ("why-arent-you", "Why haven't you migrated off the old message bus?", "Why haven't you"),
    ("why-not", "Why not put the service behind a CDN?", "Why not"),
    ("why-not", "OK, why not just use the managed queue", "why not"),
    ("why-is", "Why is the build so slow?", "Why is"),
    ("why-is", "why would the worker pool be unbounded", "why would"),
    ("why-is", "Why on earth does staging share a database with production?", "Why on earth does"),
    ("why-is", "WHY IS THE STAGING ENVIRONMENT ALWAYS BROKEN?", "WHY IS"),
    ("why-is", "why's the build broken again", "why's"),
    ("why-is", "🚀 why is the queue so deep?", "why is"),
    ("how-come", "How come the search index is rebuilt every night?", "How come"),
    ("how-come", "and how come nobody gets paged", "how come"),
    ("why-embedded", "Can you explain why the cache is flushed on every deploy?", "why"),
    ("why-embedded", "I'm curious why the database has no read replicas.", "why"),
    ("why-embedded", "Does anyone know why the disk fills up on Mondays?", "why"),
    ("why-reason", "Is there a reason the timeouts are set to sixty seconds?", "reason"),
    ("why-reason", "For what reason did you disable the health checks?", "reason"),
    ("why-question", "Why the second message broker?", "Why"),
    ("why-question", "The build takes forty minutes, why?", "why"),
    ("why-question", "The deploy pipeline has six manual steps. Why?", "Why"),
    ("minimiser-just", "Can't you just cache the responses?", "just"),
    ("minimiser-just", "Wouldn't it be simpler to just buy a bigger machine?", "just"),
    ("minimiser-simply", "Couldn't you simply raise the connection limit?", "simply"),
    ("minimiser-obviously", "Obviously the queue is the bottleneck, isn't it?", "Obviously"),
    ("minimiser-obviously", "Surely someone noticed the error rate climbing?", "Surely"),
    ("minimiser-clearly", "Isn't it clearly a bug in the retry logic?", "clearly"),
    ("minimiser-isnt-it-obvious", "Isn't it obvious that the queue needs a dead-letter topic?", "obvious"),
    ("minimiser-isnt-it-obvious", "It's obvious that the cache is cold, isn't it?", "obvious"),
    ("minimiser-easier", "Wouldn't it be simpler to just buy a bigger machine?", "simpler"),
    ("minimiser-easier", "How hard can it be to add a second region?", "How hard can it be"),
    ("minimiser-easier", "Isn't that a one-line fix?", "one-line fix"),
    ("dismissive-even", "Did you even read the runbook?", "even"),
    ("dismissive-even", "Does the cache even work?", "even"),
    ("cf-should-have", "Shouldn't the team have caught this in code review?", "Shouldn't the team have caught"),
    ("cf-should-have", "You should've load tested this first, no?", "should've load tested"),
    ("cf-should-have", "Who should have noticed the disk filling up?", "should have noticed"),
    ("cf-how-could-you", "How could you not have a rollback plan?", "How could you not"),
    ("cf-how-could-you", "How did nobody notice the certificate expiring?", "How did nobody notice"),
    ("cf-could-have", "Couldn't you have tested the failover before launch?", "Couldn't you have"),
    ("cf-could-have", "Couldn't the team have used the existing queue?", "Couldn't the team have"),
    ("cf-didnt-anyone", "Didn't anyone review the firewall rules?", "Didn't anyone"),
    ("cf-didnt-anyone", "Wasn't anyone watching the error budget?", "Wasn't anyone"),
    ("cf-didnt-anyone", "Nobody noticed the disk filling up?", "Nobody noticed"),
    ("blame-who-decided", "Who thought a single region was enough?", "Who thought"),
    ("blame-who-decided", "Who decided to run the database on a single node?", "Who decided"),
    ("blame-who-decided", "Who approved a schema change on a Friday?", "Who approved"),
    ("blame-who-decided", "Who's to blame for the outage?", "Who's to blame"),
    ("blame-whose-fault", "Whose idea was it to deploy on Friday afternoons?", "Whose idea"),
    ("blame-whose-fault", "Whose fault was the outage?", "Whose fault"),
    ("blame-what-were-you-thinking", "What were you thinking when you disabled the health checks?", "What were you thinking"),
    ("blame-really-think", "Do you really think one replica is enough?", "Do you really think"),
    ("blame-heard-of", "Have you ever heard of blue-green deployments?", "Have you ever heard of"),
];

/// (rule id, neutral text that looks like the rule's territory but must not be flagged)
#[rustfmt::skip]
const GUARDS: &[(&str, &str)] = &[
    ("why-dont-you", "Don't we have a dashboard for queue depth?"),
    ("why-did-you", "How did the team split the monolith?"),
    ("blame-who-decided", "Where are the runbooks, and who is allowed to use them?"),
    ("blame-who-decided", "Who's allowed to deploy on Fridays?"),
    ("why-cant-you", "What can the on-call engineer roll back without approval?"),
    ("why-arent-you", "Are you running the canary in every region?"),
    ("why-not", "Which dashboard shows the why-not-deployed reasons for a release?"),
    ("why-is", "How do you explain the \"why\" of an SLO to product managers?"),
    ("why-is", "Explaining the why is hard; how do you do it?"),
    ("how-come", "How do the cron jobs come to run twice?"),
    ("why-embedded", "How do product managers learn why an SLO was missed?"),
    ("why-embedded", "How do you explain why maintenance windows are needed?"),
    ("why-reason", "What's the reason for the second message broker?"),
    ("why-reason", "What's the reasoning behind deploying once a month?"),
    ("why-question", "How do you capture the why behind a rollback in the postmortem?"),
    ("why-question", "Which template do you use for the 5 Whys?"),
    ("why-question", "What does the whyd daemon do on the build hosts?"),
    ("why-question", "That's why we deploy on Tuesdays."),
    ("why-question", "Why-questions make people defensive; how do we avoid them?"),
    ("minimiser-just", "We just shipped it."),
    ("minimiser-just", "Is it just the EU region that sees the timeouts?"),
    ("minimiser-just", "What happens if the node dies just before the snapshot?"),
    ("minimiser-simply", "The team simply documented the steps."),
    ("minimiser-obviously", "Obviously we want the cache warm before a failover."),
    ("minimiser-clearly", "How clearly are service owners listed in the catalogue?"),
    ("minimiser-isnt-it-obvious", "Is it obvious to a new on-call engineer which dashboard to open first?"),
    ("minimiser-easier", "How easy is it to add a new region?"),
    ("minimiser-easier", "What is the simplest way to reproduce the timeout locally?"),
    ("dismissive-even", "How do you handle even and odd shard counts?"),
    ("dismissive-even", "Does the gateway retry even when the upstream times out?"),
    ("cf-should-have", "Should the cache have a TTL?"),
    ("cf-should-have", "What should have happened when the primary failed?"),
    ("cf-should-have", "Should the cache be warmed before the failover?"),
    ("cf-how-could-you", "How could we notice a full disk sooner?"),
    ("cf-could-have", "What could we have done differently?"),
    ("cf-didnt-anyone", "Doesn't the gateway retry failed requests?"),
    ("cf-didnt-anyone", "Don't we have a dashboard for that?"),
    ("blame-who-decided", "Who decides the alert thresholds?"),
    ("blame-who-decided", "Who approves changes to the firewall rules?"),
    ("blame-who-decided", "Who is on call this week?"),
    ("blame-whose-fault", "Whose responsibility is the backup job?"),
    ("blame-what-were-you-thinking", "What were the teams working on last quarter?"),
    ("blame-really-think", "What do you think the queue depth should be?"),
    ("blame-heard-of", "Have you heard back from the vendor about the outage?"),
];

#[test]
fn every_rule_fires_on_its_positive_cases() {
    let checker = Checker::builtin();
    for &(rule, text, covered) in POSITIVE {
        let verdict = checker.check(text);
        let finding = verdict
            .findings
            .iter()
            .find(|finding| finding.rule == rule)
            .unwrap_or_else(|| panic!("{rule} did not fire on {text:?}: {:?}", verdict.findings));
        let found: String = text
            .chars()
            .skip(finding.start)
            .take(finding.end - finding.start)
            .collect();
        assert_eq!(found, covered, "{rule} on {text:?}");
    }
}

#[test]
fn no_rule_fires_on_the_guards() {
    let checker = Checker::builtin();
    for &(rule, text) in GUARDS {
        let verdict = checker.check(text);
        assert!(
            !verdict.is_flagged(),
            "guard for {rule}: {text:?} flagged {:?}",
            verdict.findings
        );
    }
}

#[test]
fn every_rule_has_a_positive_case_and_a_guard() {
    let checker = Checker::builtin();
    let ids: Vec<&str> = checker.rules().map(|rule| rule.id).collect();
    for id in &ids {
        assert!(
            POSITIVE.iter().any(|(rule, ..)| rule == id),
            "rule {id} has no positive case"
        );
        assert!(
            GUARDS.iter().any(|(rule, _)| rule == id),
            "rule {id} has no false-positive guard"
        );
    }
    for (rule, ..) in POSITIVE {
        assert!(ids.contains(rule), "positive case for unknown rule {rule}");
    }
    for (rule, _) in GUARDS {
        assert!(ids.contains(rule), "guard for unknown rule {rule}");
    }
}

#[test]
fn every_category_has_rules_and_every_rule_a_source() {
    let checker = Checker::builtin();
    for category in [
        Category::Why,
        Category::Minimiser,
        Category::Counterfactual,
        Category::Blame,
    ] {
        assert!(
            checker.rules().any(|rule| rule.category == category),
            "{category:?}"
        );
    }
    assert!(
        checker
            .rules()
            .all(|rule| !rule.source.is_empty() && !rule.message.is_empty())
    );
}

#[test]
fn labels_are_lower_case() {
    assert_eq!(Category::Why.label(), "why");
    assert_eq!(Category::Minimiser.label(), "minimiser");
    assert_eq!(Category::Counterfactual.label(), "counterfactual");
    assert_eq!(Category::Blame.label(), "blame");
    assert_eq!(super::Severity::Error.label(), "error");
    assert_eq!(super::Severity::Warning.label(), "warning");
}

const CUSTOM_RULES: &str = r#"(
    version: 1,
    vocabulary: { "tool": r"(?:jenkins|cron)" },
    fallback_rewrites: ["How does that part of the system work today?", "What led to the current design?"],
    rules: [
        (
            id: "tool-blame",
            category: Blame,
            severity: Warning,
            scope: QuestionOrRequest,
            pattern: r"\b(?P<hit>blame\s+{{tool}})\b",
            message: "Blaming the tool is still blaming.",
            rewrites: ["How {does} {thing} work today?"],
            source: "a test",
        ),
    ],
)"#;

#[test]
fn custom_rules_load_and_run() {
    let checker = Checker::from_ron(CUSTOM_RULES).expect("custom rules load");
    let verdict = checker.check("Can we blame cron for the outage?");
    assert_eq!(verdict.findings.len(), 1);
    assert_eq!(verdict.findings[0].rule, "tool-blame");
    assert_eq!(
        verdict.suggestions,
        [
            "How does the outage work today?",
            "How does that part of the system work today?",
            "What led to the current design?"
        ]
    );
    assert!(
        !checker.check("We blame cron.").is_flagged(),
        "statements are out of scope"
    );
}

#[test]
fn broken_rule_files_are_rejected_with_the_reason() {
    let with = |from: &str, to: &str| CUSTOM_RULES.replacen(from, to, 1);
    type IsExpected = fn(&RuleError) -> bool;
    let cases: Vec<(String, IsExpected)> = vec![
        (with("version: 1", "version: 9"), |e| {
            matches!(e, RuleError::Version { found: 9, .. })
        }),
        (with(r"(?P<hit>blame", r"(?P<hit>(blame"), |e| {
            matches!(e, RuleError::Regex { .. })
        }),
        (with("{{tool}}", "{{toolz}}"), |e| {
            matches!(e, RuleError::UnknownVocabulary { .. })
        }),
        (with("{does} {thing}", "{doez}"), |e| {
            matches!(e, RuleError::Template { .. })
        }),
        (with("How {does}", "Why {does}"), |e| {
            matches!(e, RuleError::Template { .. })
        }),
        (with("category: Blame", "category: Rant"), |e| {
            matches!(e, RuleError::Parse(_))
        }),
        (with("source: \"a test\"", "source: \"\""), |e| {
            matches!(
                e,
                RuleError::Empty {
                    field: "source",
                    ..
                }
            )
        }),
        (
            with(
                "    ],\n)",
                "    (id: \"tool-blame\", category: Why, severity: Error, pattern: \"x\", message: \"m\", rewrites: [\"How?\"], source: \"s\"),\n    ],\n)",
            ),
            |e| matches!(e, RuleError::DuplicateId(_)),
        ),
    ];
    for (text, expected) in cases {
        match Checker::from_ron(&text) {
            Ok(_) => panic!("accepted a broken rule file:\n{text}"),
            Err(error) => assert!(expected(&error), "unexpected error: {error}"),
        }
    }
}

#[test]
fn builtin_rules_parse_and_are_built_once() {
    assert!(Checker::from_ron(BUILTIN_RULES).is_ok());
    assert!(std::ptr::eq(Checker::builtin(), Checker::builtin()));
}
