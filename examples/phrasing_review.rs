//! Prints every flagged line of a TUNING corpus with its label, category, the
//! rules that fired and the rewrites, for an editor to judge them one by one:
//! `cargo run --example phrasing_review -- tests/data/phrasing-corpus/tune.tsv [LABEL]`
//!
//! Never run it on a held-out file: it shows the lines (use `phrasing_figures`,
//! which prints only aggregate counts, for those).

use roast::phrasing::Checker;
use roast::phrasing::figures::{Label, parse_corpus};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: phrasing_review CORPUS.tsv [why|blame|ok]");
        std::process::exit(2);
    };
    if path.contains("heldout") {
        eprintln!("{path}: held-out files are scored with phrasing_figures, never read");
        std::process::exit(2);
    }
    let only = args.next();
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        eprintln!("{path}: cannot read: {error}");
        std::process::exit(2);
    });
    let lines = parse_corpus(&text).unwrap_or_else(|error| {
        eprintln!("{path}: {error}");
        std::process::exit(2);
    });
    let checker = Checker::builtin();
    for line in &lines {
        let label = match line.label {
            Label::Why => "why",
            Label::Blame => "blame",
            Label::Ok => "ok",
        };
        if only.as_deref().is_some_and(|only| only != label) {
            continue;
        }
        let verdict = checker.check(&line.text);
        if !verdict.is_flagged() {
            continue;
        }
        let rules: Vec<&str> = verdict.findings.iter().map(|f| f.rule.as_str()).collect();
        println!(
            "{}:{} [{label}/{}] {}",
            path, line.line, line.category, line.text
        );
        println!("    rules: {}", rules.join(", "));
        for finding in &verdict.findings {
            println!("    msg: {}", finding.message);
        }
        for suggestion in &verdict.suggestions {
            println!("    → {suggestion}");
        }
    }
}
