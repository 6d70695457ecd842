//! Prints the phrasing checker's figures for a labelled corpus file:
//! `cargo run --release --example phrasing_figures -- tests/data/phrasing-corpus/heldout.tsv`
//!
//! The figures: why-questions caught, blame caught, neutral lines flagged
//! (and hard negatives), per category; then the mechanical checks of every
//! flagged line's rewrites (at least two, each a How/What/… question with one
//! "?", known words only, agreement, re-checked clean). Only aggregate counts
//! are printed unless `--show` is given, so a held-out file can be scored
//! without reading its lines.

#[path = "../tests/phrasing_support/rewrite_checks.rs"]
#[allow(dead_code)]
mod rewrite_checks;

use roast::phrasing::Checker;
use roast::phrasing::figures::{measure, parse_corpus};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: phrasing_figures CORPUS.tsv [--show]");
        std::process::exit(2);
    };
    let show = args.any(|arg| arg == "--show");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        eprintln!("{path}: cannot read: {error}");
        std::process::exit(2);
    });
    let lines = parse_corpus(&text).unwrap_or_else(|error| {
        eprintln!("{path}: {error}");
        std::process::exit(2);
    });
    let checker = Checker::builtin();
    print!("{}", measure(checker, &lines));
    let mut flagged = 0;
    let mut failing = 0;
    let mut suggestions = 0;
    for line in &lines {
        let verdict = checker.check(&line.text);
        if !verdict.is_flagged() {
            if show && line.label != roast::phrasing::figures::Label::Ok {
                println!("MISSED {:?} [{}] {}", line.label, line.category, line.text);
            }
            continue;
        }
        if show && line.label == roast::phrasing::figures::Label::Ok {
            println!(
                "FALSE+ [{}] {} ← {}",
                line.category, line.text, verdict.findings[0].rule
            );
        }
        flagged += 1;
        if std::env::var_os("PHRASING_SHOW_ALL").is_some() {
            println!("{} → {:?}", line.text, verdict.suggestions);
        }
        suggestions += verdict.suggestions.len();
        let problems = rewrite_checks::problems(checker, &line.text, &verdict);
        if !problems.is_empty() {
            failing += 1;
            if show {
                println!(
                    "REWRITE {} → {:?}: {}",
                    line.text,
                    verdict.suggestions,
                    problems.join("; ")
                );
            }
        }
    }
    println!(
        "rewrites: {flagged} flagged lines, {suggestions} suggestions, {failing} lines failing the mechanical checks"
    );
}
