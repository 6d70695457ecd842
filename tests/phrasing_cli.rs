//! `roast check` from the outside: the user's rule files, their errors, and
//! output that never carries a control character from the input.

use std::path::Path;
use std::process::{Command, Output};

fn roast(args: &[&str], data: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roast"))
        .args(args)
        .env("ROAST_DATA_DIR", data)
        .env("NO_COLOR", "1")
        .output()
        .expect("run roast")
}

const LEGACY_RULE: &str = r#"(
    version: 2,
    disable: ["how-come"],
    rules: [
        (
            id: "legacy-label",
            category: Blame,
            severity: Warning,
            pattern: r"\b(?P<hit>legacy)\b",
            message: "“{found}” labels the work instead of describing it.",
            source: "our team's style guide",
        ),
    ],
)"#;

#[test]
fn a_phrasing_ron_in_the_data_folder_adds_rules_and_turns_built_in_ones_off() {
    let data = tempfile::tempdir().expect("temp dir");
    let plain = roast(
        &["check", "How come the legacy importer locks?"],
        data.path(),
    );
    let plain = String::from_utf8_lossy(&plain.stdout);
    assert!(plain.contains("how-come"), "{plain}");

    std::fs::write(data.path().join("phrasing.ron"), LEGACY_RULE).expect("write");
    let output = roast(
        &["check", "How come the legacy importer locks?"],
        data.path(),
    );
    let report = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{report}");
    assert!(
        report.contains("warning  legacy-label  “legacy” labels the work"),
        "{report}"
    );
    assert!(!report.contains("how-come"), "{report}");
}

#[test]
fn rules_given_with_the_flag_are_layered_on_the_built_in_ones() {
    let data = tempfile::tempdir().expect("temp dir");
    let rules = data.path().join("team.ron");
    std::fs::write(&rules, LEGACY_RULE).expect("write");
    let rules = rules.to_str().expect("utf-8 path");
    let output = roast(
        &[
            "check",
            "--rules",
            rules,
            "Why is the legacy importer slow?",
        ],
        data.path(),
    );
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(report.contains("legacy-label"), "{report}");
    assert!(report.contains("why-question"), "{report}");
}

#[test]
fn a_broken_rule_file_is_one_line_naming_file_line_and_column_and_exit_two() {
    let data = tempfile::tempdir().expect("temp dir");
    let rules = data.path().join("team.ron");
    std::fs::write(
        &rules,
        "(\n    version: 2,\n    disable: [\"no-such-rule\"],\n)\n",
    )
    .expect("write");
    let path = rules.to_str().expect("utf-8 path");
    let output = roast(&["check", "--rules", path, "Why?"], data.path());
    assert_eq!(output.status.code(), Some(2));
    let error = String::from_utf8_lossy(&output.stderr);
    assert_eq!(error.lines().count(), 1, "{error}");
    assert!(error.contains(&format!("{path}:3:15: ")), "{error}");
    assert!(error.contains("no-such-rule"), "{error}");
    assert!(output.stdout.is_empty());
}

#[test]
fn output_never_carries_a_control_character_from_the_input() {
    let data = tempfile::tempdir().expect("temp dir");
    let hostile = "Why is the \u{1b}]0;owned\u{7}cache \u{1b}[2J\u{9b}31mcold \u{202e}again?";
    for format in ["text", "json"] {
        let output = roast(&["check", "--format", format, hostile], data.path());
        assert_eq!(output.status.code(), Some(1));
        let printed = String::from_utf8(output.stdout).expect("utf-8");
        let raw: Vec<char> = printed
            .chars()
            .filter(|&c| c != '\n' && roast::phrasing::safe_text::is_unsafe(c))
            .collect();
        assert!(raw.is_empty(), "{format}: {raw:?} in {printed:?}");
        if format == "json" {
            let value: serde_json::Value =
                serde_json::from_str(printed.trim()).expect("valid JSON");
            assert_eq!(value["text"], hostile, "the text survives, escaped");
        }
    }
}
