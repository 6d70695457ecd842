//! Output formats for `roast check`: a linter-style text report and JSON lines.
//! Neither ever writes a control character taken from the input raw (see `safe_text`).

use super::safe_text;
use super::{Finding, Verdict};

/// The text report for one input line, or an empty string when it is clean.
///
/// One line per finding, `LINE:COL-COL  severity  rule-id  message`, where
/// `LINE` is the 1-based input line and the columns are 1-based *character*
/// columns of the flagged phrase's first and last character (both inclusive,
/// like most linters and editors), followed by the suggested rewrites, each
/// indented as `    try: …`. Every line ends with a newline.
pub fn text_report(line: usize, _text: &str, verdict: &Verdict) -> String {
    if !verdict.is_flagged() {
        return String::new();
    }
    let mut report = String::new();
    for finding in &verdict.findings {
        report.push_str(&finding_line(line, finding));
        report.push('\n');
    }
    for suggestion in &verdict.suggestions {
        report.push_str("    try: ");
        report.push_str(&safe_text::visible(suggestion));
        report.push('\n');
    }
    report
}

fn finding_line(line: usize, finding: &Finding) -> String {
    let first_column = finding.start + 1;
    let last_column = finding.end.max(finding.start + 1);
    format!(
        "{line}:{first_column}-{last_column}  {}  {}  {}",
        finding.severity.label(),
        safe_text::visible(&finding.rule),
        safe_text::visible(&finding.message)
    )
}

/// One JSON object (no trailing newline) for one input line, clean or not:
///
/// `{"line": N, "text": "...", "flagged": true|false, "findings": [{"rule": "...",
/// "category": "...", "severity": "...", "start": N, "end": N, "message": "..."}],
/// "suggestions": ["...", ...]}`
///
/// `text` is the input exactly as given; `start`/`end` are character offsets
/// into it, `end` exclusive.
pub fn json_line(line: usize, text: &str, verdict: &Verdict) -> String {
    let findings: Vec<String> = verdict
        .findings
        .iter()
        .map(|finding| {
            format!(
                "{{\"rule\": {}, \"category\": {}, \"severity\": {}, \"start\": {}, \"end\": {}, \"message\": {}}}",
                json_string(&finding.rule),
                json_string(finding.category.label()),
                json_string(finding.severity.label()),
                finding.start,
                finding.end,
                json_string(&finding.message),
            )
        })
        .collect();
    let suggestions: Vec<String> = verdict.suggestions.iter().map(|s| json_string(s)).collect();
    format!(
        "{{\"line\": {line}, \"text\": {}, \"flagged\": {}, \"findings\": [{}], \"suggestions\": [{}]}}",
        json_string(text),
        verdict.is_flagged(),
        findings.join(", "),
        suggestions.join(", "),
    )
}

/// A JSON string literal with nothing unsafe left raw.
fn json_string(text: &str) -> String {
    safe_text::json_string(text)
}

#[cfg(test)]
mod tests {
    use super::super::Checker;
    use super::*;
    use serde_json::Value;

    #[test]
    fn text_report_lists_findings_then_rewrites() {
        let text = "So why did you use a shared database?";
        let report = text_report(7, text, &Checker::builtin().check(text));
        let mut lines = report.lines();
        let first = lines.next().expect("a finding line");
        assert!(
            first.starts_with("7:4-14  error  why-aimed-at-people  “why did you”"),
            "{first}"
        );
        let rewrites: Vec<&str> = lines.collect();
        assert!((2..=3).contains(&rewrites.len()), "{report}");
        assert!(rewrites.iter().all(|line| line.starts_with("    try: ")));
        assert!(report.ends_with('\n'));
    }

    #[test]
    fn text_report_is_empty_when_clean() {
        let text = "How does the gateway work?";
        assert_eq!(text_report(1, text, &Checker::builtin().check(text)), "");
    }

    #[test]
    fn text_report_columns_count_characters() {
        let text = "🚀 日本: why is it slow";
        let report = text_report(1, text, &Checker::builtin().check(text));
        assert!(
            report.starts_with("1:7-9  error  why-question  “why”"),
            "{report}"
        );
    }

    fn round_trip(line: usize, text: &str) -> Value {
        let verdict = Checker::builtin().check(text);
        let json = json_line(line, text, &verdict);
        assert!(!json.contains('\n'), "one line: {json}");
        let value: Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(value["line"], line);
        assert_eq!(value["text"], text, "text survives exactly");
        assert_eq!(value["flagged"], verdict.is_flagged());
        assert_eq!(
            value["findings"].as_array().map(Vec::len),
            Some(verdict.findings.len())
        );
        assert_eq!(
            value["suggestions"],
            serde_json::to_value(&verdict.suggestions).expect("suggestions serialise")
        );
        // The derived Serialize of Finding agrees with the hand-written line.
        assert_eq!(
            value["findings"],
            serde_json::to_value(&verdict.findings).expect("findings serialise")
        );
        value
    }

    #[test]
    fn json_round_trips_awkward_text() {
        for text in [
            "",
            "How does the \"why\" of an SLO get explained?",
            "Why\tdid you use tabs?",
            "Why did you \\escape\\ this?",
            "Ünïcödé: why is the café's cache cold?",
            "control \u{0001} char, why?",
            "why is \u{1b}]0;pwned\u{7} the \u{9b}31m build \u{202e}slow?",
        ] {
            round_trip(3, text);
        }
    }

    #[test]
    fn no_control_character_from_the_input_is_written_raw() {
        let text = "Why is the \u{1b}[2J\u{1b}]0;title\u{7} cache \u{85}cold\u{202e}?";
        let verdict = Checker::builtin().check(text);
        assert!(verdict.is_flagged());
        let report = text_report(1, text, &verdict);
        let json = json_line(1, text, &verdict);
        for output in [&report, &json] {
            let raw: Vec<char> = output
                .chars()
                .filter(|&c| c != '\n' && safe_text::is_unsafe(c))
                .collect();
            assert!(raw.is_empty(), "{raw:?} in {output:?}");
        }
        assert!(
            report.contains("\\u{1b}") || !report.contains("[2J"),
            "{report}"
        );
    }

    #[test]
    fn json_offsets_are_characters_with_emoji_and_cjk_before_the_why() {
        let text = "🔥🔥 日本語のチーム: why did you pick a single region?";
        let value = round_trip(1, text);
        let finding = &value["findings"][0];
        let start = finding["start"].as_u64().expect("start") as usize;
        let end = finding["end"].as_u64().expect("end") as usize;
        let covered: String = text.chars().skip(start).take(end - start).collect();
        assert!(covered.to_lowercase().starts_with("why"), "{covered}");
        assert_eq!(start, 12);
    }

    #[test]
    fn json_for_clean_and_blank_lines() {
        let blank = round_trip(2, "");
        assert_eq!(blank["flagged"], false);
        assert_eq!(
            json_line(2, "", &Checker::builtin().check("")),
            r#"{"line": 2, "text": "", "flagged": false, "findings": [], "suggestions": []}"#
        );
    }

    #[test]
    fn json_has_the_documented_shape() {
        let text = "Why not add a replica?";
        let json = json_line(1, text, &Checker::builtin().check(text));
        assert!(json.starts_with(r#"{"line": 1, "text": "Why not add a replica?", "flagged": true, "findings": [{"rule": "why-not", "category": "why", "severity": "error", "start": 0, "end": 7, "message": "“Why not” "#), "{json}");
        assert!(json.contains(r#""suggestions": [""#), "{json}");
    }
}
