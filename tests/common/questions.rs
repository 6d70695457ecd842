//! Ten thousand distinct meeting lines for timing the phrasing checker: what a scribe
//! types during a Service Roast, about half of it judgmental (why-questions, blame,
//! sarcasm, should-haves) and half neutral (how/what questions, decisions, owners, dates).
//!
//! Every line is built from a template and parts picked by a fixed generator, so the file
//! is the same on every machine, and no line repeats: a checker that caches per line or
//! whose automata warm up on a few repeated lines would be flattered by a repeated corpus.
//! None of these lines is labelled; they time the checker, they do not score it.
//!
//! Shared by `benches/phrasing.rs`, the `make-questions` example and tests through
//! `#[path]`; it uses nothing from roast.
#![allow(dead_code)]

use std::collections::HashSet;

/// A small deterministic generator (64-bit LCG): the same lines on every machine.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
}

/// Parts of the system a team walks SREs through.
const SYSTEMS: &[&str] = &[
    "the checkout service",
    "the payments API",
    "the session store",
    "the search indexer",
    "the billing job",
    "the auth gateway",
    "the image resizer",
    "the notification worker",
    "the inventory database",
    "the ledger",
    "the rate limiter",
    "the feature flag service",
    "the CDN config",
    "the Kafka consumer",
    "the nightly export",
    "the login page",
    "the order queue",
    "the recommendation model",
    "the metrics pipeline",
    "the DNS setup",
    "the deploy pipeline",
    "the Helm chart",
    "the Terraform module",
    "the Redis cluster",
    "the Postgres primary",
    "the read replica",
    "the batch scheduler",
    "the webhook relay",
    "the email sender",
    "the config loader",
    "the health check",
    "the cron host",
    "the service mesh",
    "the load balancer",
    "the audit log",
    "the backup job",
    "the mobile API",
    "the GraphQL layer",
    "the pricing engine",
    "the fraud scorer",
];

/// Things a system has, lacks or was given.
const THINGS: &[&str] = &[
    "a retry budget",
    "a circuit breaker",
    "a runbook",
    "an SLO",
    "a dead-letter queue",
    "a second region",
    "a canary stage",
    "connection pooling",
    "a cache in front",
    "rate limits per tenant",
    "a feature flag",
    "structured logs",
    "tracing",
    "an owner",
    "a backup restore test",
    "alerting on queue depth",
    "an on-call rotation",
    "TLS between pods",
    "a schema registry",
    "idempotency keys",
    "a load test",
    "a rollback plan",
    "a status page",
    "quotas",
    "a staging copy",
    "autoscaling",
    "read replicas",
    "a timeout on outbound calls",
    "a health endpoint",
    "a separate database",
    "a message bus",
    "an index on the user id",
    "a kill switch",
    "request hedging",
    "a warm standby",
    "a capacity plan",
];

/// Verbs in the base form, with their past form, for choices a team made.
const CHOICES: &[(&str, &str)] = &[
    ("pick", "picked"),
    ("use", "used"),
    ("build", "built"),
    ("keep", "kept"),
    ("write", "wrote"),
    ("choose", "chose"),
    ("add", "added"),
    ("move", "moved"),
    ("split", "split"),
    ("copy", "copied"),
    ("drop", "dropped"),
    ("shard", "sharded"),
    ("run", "ran"),
    ("put", "put"),
    ("turn off", "turned off"),
    ("roll out", "rolled out"),
];

/// What a team could have picked, put or built.
const OPTIONS: &[&str] = &[
    "MongoDB for the billing records",
    "a single host for the cache and the queue",
    "Java 8",
    "a YAML file for the flags",
    "one Kafka cluster per product",
    "cron for retries",
    "a shared inbox for alerts",
    "manual approvals for every deploy",
    "your own service mesh",
    "a 24-hour DNS TTL",
    "polling every second",
    "the monorepo for the charts",
    "a Google Doc as the runbook",
    "two auth systems",
    "the primary for analytics queries",
    "sticky sessions",
    "a global lock",
    "a custom ORM",
    "bare metal for the workers",
    "a sidecar per pod",
    "gRPC between the services",
    "a 30-second timeout",
];

/// States that persist.
const STATES: &[&str] = &[
    "slow on Mondays",
    "on a single node",
    "down every release",
    "paging at night",
    "still on the old cluster",
    "missing from the dashboard",
    "using the root account",
    "timing out under load",
    "out of disk again",
    "three versions behind",
    "configured differently from prod",
    "shared between teams",
    "flaky in CI",
    "full of stale keys",
    "behind on replication",
    "writing to local disk",
];

const PEOPLE: &[&str] = &[
    "Priya", "Tom", "Aiko", "Mateus", "Dana", "Olu", "Sven", "Lena",
];
const WHEN: &[&str] = &[
    "by Friday",
    "next sprint",
    "before the freeze",
    "this quarter",
    "by the 15th",
    "after the migration",
    "before Black Friday",
    "next week",
    "in Q3",
    "by end of month",
];
const NUMBERS: &[&str] = &[
    "3",
    "5",
    "12",
    "40",
    "200",
    "99.9%",
    "p99",
    "2x",
    "15 minutes",
];

/// Openers a scribe types before a question, half of the time nothing; after "So " or
/// "OK, " the question goes on in lower case.
const OPENERS: &[&str] = &[
    "",
    "",
    "",
    "",
    "",
    "So ",
    "OK, ",
    "Quick one: ",
    "Follow-up: ",
    "Q: ",
    "And ",
];

/// Judgmental lines: the checker should flag these.
const JUDGMENTAL: &[&str] = &[
    "{o}Why did you {past} {option}?",
    "{o}Why is {system} {state}?",
    "{o}why is {system} {state}",
    "{o}Why does {system} not have {thing}?",
    "{o}Why isn't there {thing} on {system}?",
    "{o}Why not just {verb} {option}?",
    "{o}Why on earth would you {verb} {option}?",
    "{o}Why would anyone {verb} {option} for {system}?",
    "Who decided to {verb} {option}?",
    "{o}Whose idea was it to {verb} {option}?",
    "{o}Didn't anyone think of {thing} for {system}?",
    "{o}You should have added {thing} to {system}?",
    "{o}Wouldn't it have been better to {verb} {option}?",
    "{o}Can you explain why {system} is {state}?",
    "lol why is {system} {state}",
    "wait why does {system} need {option}",
    "{o}What made you think {option} was a good idea?",
    "{o}Any particular reason {system} has no {bare_thing}?",
    "{o}Just {verb} {option} like everyone else.",
    "{o}{system_cap} was obviously rushed.",
    "{o}Someone clearly didn't read the docs for {system}.",
    "{o}Great, another service with no {bare_thing}.",
    "{o}You broke {system} again.",
    "{o}Which one of you {past} {option}?",
];

/// Neutral lines: the checker should leave these alone.
const NEUTRAL: &[&str] = &[
    "{o}How does {system} handle {thing}?",
    "{o}How does {system} behave when it is {state}?",
    "{o}What happens to {system} when {other} is down?",
    "{o}What led to {option}?",
    "{o}Where does {system} keep its state?",
    "{o}When was {system} last restored from backup?",
    "{o}Which team owns {system}?",
    "{o}Who is on call for {system} this week?",
    "{o}What would it take to add {thing} to {system}?",
    "{o}How do you know {system} is healthy?",
    "{o}What does {system} do with a request it cannot serve?",
    "{person} will add {thing} to {system} {when}.",
    "Decision: {system} gets {thing} {when}.",
    "Action: {person} to write up {thing} for {system} {when}.",
    "{system_cap} runs {number} replicas today.",
    "{system_cap} was {state} during the incident; {person} is looking into it.",
    "{o}Can you just share your screen and show {system}?",
    "{system_cap} should have returned a 503; it returned a 200.",
    "We did the 5 whys on the {number} outage of {system}.",
    "{o}What is the error budget for {system}?",
    "{o}How long does a deploy of {system} take?",
    "{o}What alerts fire when {system} is {state}?",
];

fn fill(template: &str, rng: &mut Lcg) -> String {
    let (verb, past) = CHOICES[(rng.next() % CHOICES.len() as u64) as usize];
    let system = rng.pick(SYSTEMS);
    let mut other = rng.pick(SYSTEMS);
    if other == system {
        other = SYSTEMS[0];
    }
    let thing = rng.pick(THINGS);
    let bare_thing = thing
        .strip_prefix("a ")
        .or_else(|| thing.strip_prefix("an "))
        .unwrap_or(thing);
    let mut system_cap = system.to_owned();
    if let Some(first) = system_cap.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    let opener = rng.pick(OPENERS);
    let template = match template.strip_prefix("{o}") {
        Some(rest) if opener.ends_with(", ") || matches!(opener, "So " | "And ") => {
            let mut chars = rest.chars();
            let first = chars.next().map(|c| c.to_ascii_lowercase());
            format!(
                "{opener}{}{}",
                first.map(String::from).unwrap_or_default(),
                chars.as_str()
            )
        }
        _ => template.replace("{o}", opener),
    };
    template
        .replace("{verb}", verb)
        .replace("{past}", past)
        .replace("{system_cap}", &system_cap)
        .replace("{system}", system)
        .replace("{other}", other)
        .replace("{bare_thing}", bare_thing)
        .replace("{thing}", thing)
        .replace("{option}", rng.pick(OPTIONS))
        .replace("{state}", rng.pick(STATES))
        .replace("{person}", rng.pick(PEOPLE))
        .replace("{when}", rng.pick(WHEN))
        .replace("{number}", rng.pick(NUMBERS))
}

/// `count` distinct lines, alternating judgmental and neutral templates.
pub fn questions(count: usize) -> Vec<String> {
    let mut rng = Lcg(0x5EED_0FC0_FFEE);
    let mut seen = HashSet::with_capacity(count);
    let mut lines = Vec::with_capacity(count);
    let mut tries = 0usize;
    while lines.len() < count {
        tries += 1;
        assert!(
            tries < count * 50,
            "the parts cannot make {count} distinct lines"
        );
        let pool = if lines.len() % 2 == 0 {
            JUDGMENTAL
        } else {
            NEUTRAL
        };
        let line = fill(rng.pick(pool), &mut rng);
        if seen.insert(line.clone()) {
            lines.push(line);
        }
    }
    lines
}
