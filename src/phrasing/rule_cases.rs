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
