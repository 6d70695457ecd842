//! The command line as scripts see it: output, one-line errors naming the file, exit codes.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn roast(args: &[&str], data: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roast"))
        .args(args)
        .env("ROAST_DATA_DIR", data)
        .output()
        .expect("running roast")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const VALID: &str = r#"(
    version: 1,
    id: "mine",
    title: "My agenda",
    description: "A custom one.",
    topics: [
        (
            id: "queues",
            title: "Queues",
            covers: "The message queues.",
            prompts: [
                "How does a message get from producer to consumer?",
                "What happens when a consumer falls behind?",
                "Where are poison messages parked?",
            ],
        ),
    ],
)
"#;

#[test]
fn agendas_lists_builtins_and_user_agendas() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("agendas")).unwrap();
    std::fs::write(dir.path().join("agendas/mine.ron"), VALID).unwrap();
    let out = roast(&["agendas"], dir.path());
    assert!(out.status.success());
    let text = stdout(&out);
    for id in [
        "service-roast",
        "stability-practices",
        "on-call-readiness",
        "service-ownership",
        "mine",
    ] {
        assert!(text.contains(id), "{id} missing from:\n{text}");
    }
    assert!(text.contains("(built-in, default)"), "{text}");
    assert!(
        text.contains("capacity-planning"),
        "topics are listed:\n{text}"
    );
}

#[test]
fn agenda_check_accepts_a_valid_agenda() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.ron");
    std::fs::write(&file, VALID).unwrap();
    let out = roast(&["agenda", "check", file.to_str().unwrap()], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn agenda_check_names_file_line_and_column_of_a_syntax_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.ron");
    std::fs::write(&file, VALID.replace("title: \"Queues\",", "title: Queues,")).unwrap();
    let out = roast(&["agenda", "check", file.to_str().unwrap()], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.starts_with(&format!("{}:9:19:", file.display())),
        "{text}"
    );
    assert_eq!(text.lines().count(), 1, "one clear line: {text}");
}

#[test]
fn agenda_check_points_at_a_content_problem() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("dup.ron");
    let two_topics = VALID.replace(
        "    ],\n)",
        "        (id: \"queues\", title: \"Again\", covers: \"\", prompts: [\"How?\", \"What?\", \"Where?\"]),\n    ],\n)",
    );
    std::fs::write(&file, two_topics).unwrap();
    let out = roast(&["agenda", "check", file.to_str().unwrap()], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains(&format!("{}:17:14:", file.display())) && text.contains("used twice"),
        "{text}"
    );
}

#[test]
fn agenda_check_of_a_missing_file_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = roast(&["agenda", "check", "/nonexistent/agenda.ron"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("/nonexistent/agenda.ron"));
}

#[test]
fn a_broken_agenda_flag_is_refused_before_the_terminal_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.ron");
    std::fs::write(&file, "(version: 1,").unwrap();
    let out = roast(&["--agenda", file.to_str().unwrap()], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.ron:1:"), "{err}");
}

fn showcase_data() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let fixture = common::fixtures::showcase();
    let id = fixture.series.id.clone();
    let folder = roast::storage::DataDir::new(dir.path()).series_folder(&id);
    fixture.write_to(&folder).unwrap();
    (dir, id)
}

#[test]
fn list_shows_every_series_with_its_progress() {
    let (dir, id) = showcase_data();
    let out = roast(&["list"], dir.path());
    assert!(out.status.success());
    assert!(stdout(&out).contains(&id), "{}", stdout(&out));
}

#[test]
fn summary_and_every_export_leave_room_only_notes_out() {
    let (dir, id) = showcase_data();
    let summary = roast(&["summary", &id], dir.path());
    assert!(summary.status.success());
    assert!(
        !stdout(&summary).contains("ROOM-ONLY"),
        "{}",
        stdout(&summary)
    );
    for format in ["md", "html", "csv", "json"] {
        let out = roast(&["export", &id, "--format", format], dir.path());
        assert!(out.status.success(), "{format}");
        let text = stdout(&out);
        assert!(!text.is_empty(), "{format}");
        assert!(
            !text.contains("ROOM-ONLY"),
            "{format} leaks a room-only note"
        );
    }
}

#[test]
fn export_with_notes_carries_the_minutes_and_never_a_room_only_note() {
    let (dir, id) = showcase_data();
    for format in ["md", "html", "json"] {
        let plain = stdout(&roast(&["export", &id, "--format", format], dir.path()));
        assert!(
            !plain.contains("How does the ledger handle a partial failure?"),
            "{format}: a question leaves only when asked for"
        );
        let out = roast(
            &["export", &id, "--format", format, "--with-notes"],
            dir.path(),
        );
        assert!(out.status.success(), "{format}");
        let text = stdout(&out);
        assert!(
            text.contains("How does the ledger handle a partial failure?")
                && text.contains("Paused at 20 minutes."),
            "{format} has the minutes"
        );
        assert!(
            !text.contains("ROOM-ONLY"),
            "{format} leaks a room-only note"
        );
    }
}

#[test]
fn a_csv_says_on_stderr_what_stays_behind_and_refuses_the_minutes_clearly() {
    let (dir, id) = showcase_data();
    let out = roast(&["export", &id, "--format", "csv"], dir.path());
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("1 note and 1 question stay in the session files")
            && err.contains("4 room-only notes withheld"),
        "{err}"
    );
    assert!(!stdout(&out).contains("stay in the session files"));
    let refused = roast(
        &["export", &id, "--format", "csv", "--with-notes"],
        dir.path(),
    );
    assert_eq!(refused.status.code(), Some(2));
    assert!(refused.stdout.is_empty());
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        err.contains("--with-notes") && err.contains("md, html or json"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn export_to_a_file_writes_it_and_an_unknown_series_is_one_clear_error() {
    let (dir, id) = showcase_data();
    let file = dir.path().join("out.html");
    let out = roast(
        &[
            "export",
            &id,
            "--format",
            "html",
            "-o",
            file.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(out.status.success());
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    let missing = roast(&["export", "nope", "--format", "md"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(
        err.contains("nope") && err.contains("no such series"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn agenda_check_flags_a_judgmental_prompt_where_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("why.ron");
    std::fs::write(
        &file,
        VALID.replace(
            "What happens when a consumer falls behind?",
            "Why don't you just drop slow consumers?",
        ),
    )
    .unwrap();
    let out = roast(&["agenda", "check", file.to_str().unwrap()], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.starts_with(&format!("{}:13:18:", file.display())),
        "{text}"
    );
    assert!(text.contains("Try: \""), "{text}");
}

#[test]
fn check_exits_by_linter_rules_and_prints_rewrites() {
    let dir = tempfile::tempdir().unwrap();
    let clean = roast(
        &["check", "How does the gateway pick a backend?"],
        dir.path(),
    );
    assert_eq!(clean.status.code(), Some(0));
    assert_eq!(stdout(&clean), "");
    let flagged = roast(&["check", "So why did you shard by user?"], dir.path());
    assert_eq!(flagged.status.code(), Some(1));
    let text = stdout(&flagged);
    assert!(text.starts_with("1:4-"), "{text}");
    assert!(text.contains("    try: "), "{text}");
    let usage = roast(&["check", "x", "--file", "y"], dir.path());
    assert_eq!(usage.status.code(), Some(2));
    let missing = roast(&["check", "--file", "/nonexistent/q.txt"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/nonexistent/q.txt"));
}

#[test]
fn check_json_is_one_object_per_line_in_order_with_char_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("q.txt");
    std::fs::write(
        &file,
        "日本 why did you pick Kafka?\n\nHow are alerts routed?\n",
    )
    .unwrap();
    let out = roast(
        &[
            "check",
            "--file",
            file.to_str().unwrap(),
            "--format",
            "json",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["line"], 1);
    assert_eq!(lines[0]["text"], "日本 why did you pick Kafka?");
    assert_eq!(lines[0]["flagged"], true);
    assert_eq!(lines[0]["findings"][0]["start"], 3);
    assert!(!lines[0]["suggestions"].as_array().unwrap().is_empty());
    assert_eq!(lines[1]["text"], "");
    assert_eq!(lines[1]["flagged"], false);
    assert_eq!(lines[2]["flagged"], false);
}
