//! Table-driven tests for every rule in rules.ron: a case where the rule fires
//! (with the words its finding covers) and a look-alike neutral line it must
//! leave alone. A rule without both fails `every_rule_has_a_case_and_a_guard`.
//! The cases are written for these tests, not taken from any corpus.

use super::{BUILTIN_RULES, Category, Checker, RuleError};

/// (rule id, text, the words the finding covers)
#[rustfmt::skip]
const POSITIVE: &[(&str, &str, &str)] = &[
    ("why-not", "Why not move the cache into the gateway?", "Why not"),
    ("why-aimed-at-people", "why did you folks pick a ring buffer", "why did you folks"),
    ("why-spelled-y", "ok y does the importer hold a lock", "y"),
    ("why-after-a-verb", "Could someone explain why the importer holds a lock?", "explain why"),
    ("why-question", "hmm whyyy is the importer single threaded", "whyyy"),
    ("how-come", "How come the importer holds a lock?", "How come"),
    ("why-in-other-words", "What made you folks pick a ring buffer?", "What made you folks"),
    ("why-as-a-reason", "Is there a reason the importer holds a lock?", "Is there a reason"),
    ("should-have-by-people", "You should have sharded the importer.", "You should have sharded"),
    ("should-have-asked-back", "Couldn't the importer have used a queue?", "Couldn't the importer have used"),
    ("could-have-asked-back", "You could have sharded the importer, no?", "You could have sharded"),
    ("would-have-by-people", "A careful team would have caught the lock.", "A careful team would have caught"),
    ("didnt-anyone", "Didn't anyone load the importer with real data?", "Didn't anyone"),
    ("how-could-you", "How could you miss the lock in the importer?", "How could you miss"),
    ("who-is-to-blame", "Who approved the importer lock?", "Who approved"),
    ("who-did-this", "Who reworked this importer?!", "Who reworked this importer"),
    ("which-of-you", "Which one of you wrote the importer?", "Which one of you"),
    ("whose-fault", "Whose idea was the importer lock?", "Whose idea"),
    ("what-were-you-thinking", "What were you thinking with the importer?", "What were you thinking"),
    ("really-think", "Do you really think one importer is enough?", "Do you really think"),
    ("heard-of", "Have you ever heard of backpressure?", "Have you ever heard of"),
    ("accusation", "You broke the importer twice.", "You broke"),
    ("disbelief", "I can't believe the importer still locks.", "I can't believe"),
    ("verdict-on-the-work", "The importer is a mess.", "is a mess."),
    ("obviously-a-verdict", "The importer was obviously never load tested.", "obviously"),
    ("sarcasm-praise-for-a-flaw", "Lovely, another importer with a global lock.", "Lovely"),
    ("sarcasm", "A global lock in the importer, how original.", "how original"),
    ("just-after-a-negative", "Can't the team just drop the lock?", "just"),
    ("just-as-an-order", "Just drop the lock in the importer.", "Just"),
    ("easy-fix", "How hard can it be to drop a lock?", "How hard can it be"),
    ("isnt-it-obvious", "Isn't it obvious the importer needs a queue?", "obvious"),
    ("surely", "Surely the importer has a timeout?", "Surely"),
    ("dismissive-even", "Did you even load the importer?", "even"),
    ("why-spelled-y", "y r u still running the importer by hand", "y"),
    ("why-spelled-y", "y'd you put the importer on a cron", "y'd"),
    ("why-spelled-y", "hwy does the importer hold a lock", "hwy"),
    ("why-question", "qhy does the importer hold a lock", "qhy"),
    ("why-in-other-words", "What led you to shard the importer by day?", "What led you to"),
    ("why-in-other-words", "How did a two hour import ever seem acceptable?", "How did a two hour import ever seem acceptable"),
    ("why-in-other-words", "Walk me through the reasoning behind a global lock.", "Walk me through the reasoning"),
    ("why-in-other-words", "I don't get what the thinking was with the importer.", "don't get what the thinking"),
    ("didnt-anyone", "Didn't a single reviewer see the lock?", "Didn't a single reviewer"),
    ("should-have-by-people", "Any reviewer worth their salt should have caught the lock.", "Any reviewer worth their salt should have caught"),
    ("should-have-been-done-by-people", "The lock should have been removed by your team last year.", "should have been removed by your team"),
    ("should-have-known", "The importer team ought to have known about the lock.", "ought to have known"),
    ("who-is-to-blame", "Who do I thank for this importer mess?", "Who do I thank for this importer mess"),
    ("who-did-this", "Who keeps hand-editing the importer config?", "Who keeps hand-editing"),
    ("who-did-this", "The importer is down again, whose change was it this time?", "whose change was it this time"),
    ("which-of-you", "Some genius turned off the importer alerts.", "Some genius turned"),
    ("which-of-you", "Which team is it that keeps pausing the importer?", "Which team is it that keeps"),
    ("answer-for-it", "Whoever owns the importer owes on-call an apology.", "owes on-call an apology"),
    ("accusation", "You left the importer bucket open to the internet.", "You left the importer bucket open"),
    ("accusation", "The importer team treats SRE like a pager service.", "treats SRE like"),
    ("accusation", "The importer team never tells anyone before a schema change.", "The importer team never tells anyone"),
    ("accusation", "Your nightly imports clog the shared queue.", "Your nightly imports clog"),
    ("accusation", "Most of last week's pages were your deploys.", "were your deploys"),
    ("accusation", "You've ignored the importer alerts for a month.", "You've ignored"),
    ("accusation", "Your team has broken the importer twice.", "Your team has broken"),
    ("accusation", "Your team sat on the importer bug for months.", "sat on the importer bug for months"),
    ("accusation", "The importer team ships schema changes without telling anyone.", "The importer team ships schema changes without telling"),
    ("cant-be-bothered", "The importer has no alerts because its owners can't be bothered.", "can't be bothered"),
    ("fed-up", "I'm sick of chasing the importer team for postmortems.", "I'm sick of chasing"),
    ("disbelief", "Can't believe the importer still locks.", "Can't believe"),
    ("verdict-on-the-work", "The importer is a pile of hacks.", "pile of hacks"),
    ("verdict-on-the-work", "The importer review was a rubber stamp.", "rubber stamp"),
    ("obviously-a-verdict", "The importer was obviously built over a weekend.", "obviously"),
    ("sarcasm-praise-for-a-flaw", "Impressive, the importer is somehow slower than a spreadsheet.", "Impressive"),
    ("sarcasm", "Behold, the importer and its global lock.", "Behold"),
    ("sarcasm", "Love the confidence of running the importer without a lock.", "Love the confidence"),
    ("sarcasm-mock-praise", "The importer takes a global lock. Splendid.", "Splendid"),
    ("sarcasm-mock-praise", "Real enterprise-grade stuff, an importer in a crontab.", "Real enterprise-grade"),
    ("sarcasm-mock-praise", "Yeah, that'll scale.", "that'll scale"),
    ("just-as-an-order", "Stop arguing and just shard the importer.", "just"),
    ("easy-fix", "Add a queue. That's it. That's the fix.", "That's the fix"),
    ("nobody-did-it", "Nobody tested the importer with real data.", "Nobody tested"),
    ("accusation-again", "The importer team broke the nightly load again.", "The importer team broke"),
    ("accusation-without", "They switched the importer to UTC without telling anyone.", "They switched"),
    ("nobody-did-it", "Was anyone going to tell us the importer moved?", "Was anyone going to tell"),
    ("dismissive-even", "Did anyone bother to load test the importer?", "bother"),
    ("didnt-anyone", "How did nobody notice the importer lock?", "How did nobody"),
    ("dismissive-even", "Was anyone even watching the importer?", "even"),
    ("sarcasm-mock-praise", "A global lock in the importer. Classic.", "Classic"),
    ("sarcasm-mock-praise", "A cron job as the importer's scheduler, very scientific.", "very scientific"),
];

/// (rule id, neutral text that looks like the rule's territory but must not be flagged)
#[rustfmt::skip]
const GUARDS: &[(&str, &str)] = &[
    ("why-not", "We park the why-not list until the end."),
    ("why-aimed-at-people", "The design doc explains why we picked a ring buffer."),
    ("why-spelled-y", "Plot latency on the y axis."),
    ("why-after-a-verb", "How do you explain why an SLO was missed?"),
    ("why-question", "We ran the five whys on the importer outage."),
    ("how-come", "Where does the importer come from?"),
    ("why-in-other-words", "What made the importer slow down at noon?"),
    ("why-as-a-reason", "The reason for the lock is the shared index."),
    ("should-have-by-people", "The importer should have finished by 02:00; it took an hour."),
    ("should-have-asked-back", "Should the importer have a timeout?"),
    ("could-have-asked-back", "We could have the importer sharded by Friday."),
    ("would-have-by-people", "The queue would have absorbed the burst."),
    ("didnt-anyone", "Don't we have a dashboard for the importer?"),
    ("how-could-you", "How could we notice a stuck importer sooner?"),
    ("who-is-to-blame", "Who approves changes to the importer?"),
    ("who-did-this", "Who reviews importer changes these days?"),
    ("which-of-you", "Which dashboard shows the importer?"),
    ("whose-fault", "Whose responsibility is the importer?"),
    ("what-were-you-thinking", "What were the importer's error rates last week?"),
    ("really-think", "Do you think the importer needs a queue?"),
    ("heard-of", "Have you read the importer runbook?"),
    ("accusation", "You can find the importer runbook in the wiki."),
    ("disbelief", "I believe the importer has a timeout."),
    ("verdict-on-the-work", "Next topic: disaster recovery for the importer."),
    ("obviously-a-verdict", "The lock is clearly visible in the trace."),
    ("sarcasm-praise-for-a-flaw", "Great, thanks, that answers it."),
    ("sarcasm", "Let me guess the number before you show it."),
    ("just-after-a-negative", "We just moved the importer to the new cluster."),
    ("just-as-an-order", "Just to confirm: the importer runs hourly?"),
    ("easy-fix", "How easy is it to add a second importer?"),
    ("isnt-it-obvious", "Is it obvious to a new engineer where the importer logs go?"),
    ("surely", "We surely keep the importer logs for a week."),
    ("dismissive-even", "Does the importer handle even and odd batch sizes?"),
    ("why-spelled-y", "The y values on that chart are import counts."),
    ("why-spelled-y", "The importer runs next to the hwy-cam feed."),
    ("why-in-other-words", "What led to the importer being sharded by day?"),
    ("why-in-other-words", "How did the import time look after the change?"),
    ("why-in-other-words", "Noor walked us through the importer's retry logic."),
    ("didnt-anyone", "A single reviewer signs off importer changes."),
    ("should-have-been-done-by-people", "The batch should have been imported by 06:00; it finished at 09:00."),
    ("should-have-known", "The importer should have retried twice; it gave up after one."),
    ("who-is-to-blame", "Who do we thank for the new importer dashboard?"),
    ("who-did-this", "Whose change is next in the importer release?"),
    ("which-of-you", "Which team is it that owns the importer now?"),
    ("answer-for-it", "Whoever owns the importer needs read access to the bucket."),
    ("accusation", "You left the meeting link in the chat, thanks."),
    ("accusation", "The importer team never pages SRE for schema changes; they run them in business hours."),
    ("accusation", "Your imports were the fastest in the benchmark."),
    ("cant-be-bothered", "Don't be bothered by the red importer panel; it's a test series."),
    ("fed-up", "The importer gets tired workers recycled every hour."),
    ("fed-up", "We're tired of restarting the importer by hand, so we'll automate it."),
    ("disbelief", "The team can't believe a cached dashboard; they check the source."),
    ("verdict-on-the-work", "The importer keeps a pile of pending batches in Redis."),
    ("obviously-a-verdict", "Imports clearly drop over the weekend."),
    ("sarcasm-praise-for-a-flaw", "Impressive, the importer handled 10x the usual load."),
    ("sarcasm", "Let's list what could go wrong during the import."),
    ("sarcasm-mock-praise", "The importer passed the load test. Great."),
    ("sarcasm-mock-praise", "The import design is well thought out and documented."),
    ("just-as-an-order", "We stopped paging and just looked at the importer logs."),
    ("easy-fix", "That's it for the importer. That's the last topic."),
    ("nobody-did-it", "Nobody uses the old importer any more; it is switched off."),
    ("accusation-again", "The importer team restarted the nightly load again after the fix."),
    ("accusation-without", "They switched the importer to UTC without any downtime."),
    ("nobody-did-it", "Was anyone going to the importer review?"),
    ("dismissive-even", "Does the importer bother the database during backups?"),
];

#[test]
fn every_rule_fires_on_its_positive_case() {
    let checker = Checker::builtin();
    for (rule, text, covered) in POSITIVE {
        let verdict = checker.check(text);
        let finding = verdict
            .findings
            .iter()
            .find(|finding| finding.rule == *rule)
            .unwrap_or_else(|| panic!("{rule} did not fire on {text:?}: {:?}", verdict.findings));
        let span: String = text
            .chars()
            .skip(finding.start)
            .take(finding.end - finding.start)
            .collect();
        assert_eq!(span, *covered, "{rule} on {text:?}");
        assert!(
            finding
                .message
                .contains(&span.split_whitespace().collect::<Vec<_>>().join(" ")),
            "{rule}: the message quotes the words found: {}",
            finding.message
        );
    }
}

#[test]
fn no_rule_fires_on_the_guards() {
    let checker = Checker::builtin();
    for (rule, text) in GUARDS {
        let verdict = checker.check(text);
        assert!(
            !verdict.is_flagged(),
            "{rule} guard {text:?}: {:?}",
            verdict.findings
        );
    }
}

#[test]
fn every_rule_has_a_case_and_a_guard() {
    for rule in Checker::builtin().rules() {
        assert!(
            POSITIVE.iter().any(|(id, ..)| *id == rule.id),
            "no case for {}",
            rule.id
        );
        assert!(
            GUARDS.iter().any(|(id, _)| *id == rule.id),
            "no guard for {}",
            rule.id
        );
    }
}

/// A finding names only what is in the text: "why just" has no negative, so
/// the why-question is the finding, not "just after a negative".
#[test]
fn a_why_before_just_is_not_called_a_negative() {
    let verdict = Checker::builtin().check("Why just the importer and not the exporter too?");
    let rules: Vec<&str> = verdict.findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["why-question"]);
}

/// "Nobody tested it" states blame; it is not a question, so it is not called one.
#[test]
fn a_statement_that_nobody_did_it_is_not_called_a_question() {
    let verdict = Checker::builtin().check("Nobody tested the importer with real data.");
    assert_eq!(verdict.findings[0].rule, "nobody-did-it");
    assert!(
        !verdict.findings[0].message.contains("question"),
        "{}",
        verdict.findings[0].message
    );
}

#[test]
fn sarcasm_is_named_as_sarcasm() {
    let verdict = Checker::builtin().check("Lovely, another importer with a global lock.");
    let finding = &verdict.findings[0];
    assert_eq!(finding.category, Category::Sarcasm);
    assert!(finding.message.contains("sarcasm"), "{}", finding.message);
}

#[test]
fn a_user_file_adds_rules_and_turns_built_in_ones_off() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("phrasing.ron");
    std::fs::write(
        &path,
        r#"(
    version: 2,
    disable: ["how-come"],
    rules: [
        (
            id: "legacy-word",
            category: Blame,
            severity: Warning,
            pattern: r"\b(?P<hit>legacy)\b",
            message: "“{found}” labels the work; name what it does.",
            source: "our team's guide",
        ),
    ],
)"#,
    )
    .expect("write");
    let checker = Checker::with_user_files(&[&path]).expect("valid user rules");
    let verdict = checker.check("How come the legacy importer locks?");
    let rules: Vec<&str> = verdict.findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["legacy-word"]);
    assert_eq!(
        verdict.findings[0].message,
        "“legacy” labels the work; name what it does."
    );
    assert!(verdict.suggestions.len() >= 2, "{:?}", verdict.suggestions);
}

#[test]
fn a_broken_user_file_is_one_error_naming_the_file_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("phrasing.ron");
    std::fs::write(
        &path,
        "(\n    version: 2,\n    rules: [\n        (\n            id: \"bad\",\n            category: Blame,\n            severity: Error,\n            pattern: \"(unclosed\",\n            message: \"m\",\n            source: \"s\",\n        ),\n    ],\n)\n",
    )
    .expect("write");
    let error = Checker::with_user_files(&[&path]).expect_err("bad regex");
    let shown = error.to_string();
    assert!(
        shown.starts_with(&format!("{}:5:17: ", path.display())),
        "{shown}"
    );
    assert!(shown.contains("rule `bad`: invalid regex"), "{shown}");

    std::fs::write(
        &path,
        "(\n    version: 2,\n    disable: [\"no-such-rule\"],\n)\n",
    )
    .expect("write");
    let shown = Checker::with_user_files(&[&path])
        .expect_err("unknown id")
        .to_string();
    assert!(
        shown.starts_with(&format!("{}:3:15: ", path.display())),
        "{shown}"
    );

    std::fs::write(&path, "(\n    version: 2,\n    rules: [ (id: ) ],\n)\n").expect("write");
    let shown = Checker::with_user_files(&[&path])
        .expect_err("syntax")
        .to_string();
    assert!(
        shown.starts_with(&format!("{}:3:", path.display())),
        "{shown}"
    );
}

#[test]
fn every_built_in_pattern_compiles() {
    Checker::builtin()
        .rules
        .validate()
        .expect("every except and cue compiles");
}

#[test]
fn the_built_in_rules_reject_what_a_rule_file_must_not_do() {
    assert!(matches!(
        Checker::from_ron(&BUILTIN_RULES.replacen("version: 2", "version: 9", 1)),
        Err(RuleError::Version { found: 9, .. })
    ));
    assert!(matches!(
        Checker::from_ron(&BUILTIN_RULES.replacen("id: \"general\"", "id: \"generic\"", 1)),
        Err(RuleError::NoGeneralIntent)
    ));
    assert!(matches!(
        Checker::from_ron(&BUILTIN_RULES.replacen("disable: []", "disable: [\"nope\"]", 1)),
        Err(RuleError::UnknownDisabled(_))
    ));
    assert!(matches!(
        Checker::from_ron(&BUILTIN_RULES.replacen(
            "findings: [\"who-is-to-blame\"",
            "findings: [\"who-is-too-blame\"",
            1
        )),
        Err(RuleError::UnknownFinding { .. })
    ));
}
