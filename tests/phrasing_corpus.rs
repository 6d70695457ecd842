//! The phrasing checker against a corpus written apart from its rules
//! (`tests/data/phrasing-corpus/`): `tune.tsv` may be read while tuning,
//! `heldout.tsv` never is — only its aggregate figures are looked at:
//! `cargo run --release --example phrasing_figures -- tests/data/phrasing-corpus/heldout.tsv`.

mod phrasing_support;

use phrasing_support::rewrite_checks;
use roast::phrasing::Checker;
use roast::phrasing::figures::{CorpusLine, Figures, measure, parse_corpus};

fn corpus(name: &str) -> Vec<CorpusLine> {
    let path = format!(
        "{}/tests/data/phrasing-corpus/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    parse_corpus(&text).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// The bar: why ≥ 97 %, blame ≥ 85 %, neutral ≤ 2 %, hard negatives ≤ 3 %.
fn assert_meets_the_bar(name: &str, figures: &Figures) {
    let bar = [
        ("why caught", figures.why_caught.percent() >= 97.0),
        ("blame caught", figures.blame_caught.percent() >= 85.0),
        ("neutral flagged", figures.neutral_flagged.percent() <= 2.0),
        (
            "hard negatives flagged",
            figures.hard_negatives_flagged.percent() <= 3.0,
        ),
    ];
    let missed: Vec<&str> = bar
        .iter()
        .filter(|(_, met)| !met)
        .map(|(what, _)| *what)
        .collect();
    assert!(
        missed.is_empty(),
        "{name}: below the bar on {missed:?}\n{figures}"
    );
}

#[test]
fn the_tuning_corpus_meets_the_bar() {
    let lines = corpus("tune.tsv");
    assert!(lines.len() >= 650, "{} lines", lines.len());
    assert_meets_the_bar("tune.tsv", &measure(Checker::builtin(), &lines));
}

/// Fails today: see the figures command above and the report.
#[test]
#[ignore = "the held-out figures are below the bar (why 94.8 %, blame 69.5 %); run with --ignored"]
fn the_held_out_corpus_meets_the_bar() {
    let lines = corpus("heldout.tsv");
    assert!(lines.len() >= 450, "{} lines", lines.len());
    assert_meets_the_bar("heldout.tsv", &measure(Checker::builtin(), &lines));
}

fn rewrite_failures(name: &str, show_lines: bool) -> Vec<String> {
    let checker = Checker::builtin();
    let mut failures = Vec::new();
    for line in corpus(name) {
        let verdict = checker.check(&line.text);
        if !verdict.is_flagged() {
            continue;
        }
        for problem in rewrite_checks::problems(checker, &line.text, &verdict) {
            failures.push(if show_lines {
                format!("{name}:{}: {} → {problem}", line.line, line.text)
            } else {
                format!("{name}: {}", rewrite_checks::kind(&problem))
            });
        }
    }
    failures
}

/// Every flagged line: at least two rewrites that pass the mechanical checks.
#[test]
fn every_flagged_tuning_line_gets_mechanically_sound_rewrites() {
    let failures = rewrite_failures("tune.tsv", true);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The same on the held-out file; failures are reported by kind only, so
/// that running the test does not show its lines.
#[test]
#[ignore = "2 held-out lines fail the agreement check; run with --ignored"]
fn every_flagged_held_out_line_gets_mechanically_sound_rewrites() {
    let failures = rewrite_failures("heldout.tsv", false);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
