//! The phrasing checker against the product's labelled examples (the fresh
//! corpus has its own tests in `phrasing_corpus.rs`).

mod phrasing_support;

use phrasing_support::{assert_good_suggestions, keeps_subject_matter};
use roast::phrasing::Checker;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Why,
    Blame,
    Ok,
}

struct Example {
    label: Label,
    question: String,
}

fn load(file: &str) -> Vec<Example> {
    let path = format!("{}/tests/data/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    text.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| {
            let (label, question) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("{path}: no tab in {line:?}"));
            let label = match label {
                "why" => Label::Why,
                "blame" => Label::Blame,
                "ok" => Label::Ok,
                other => panic!("{path}: unknown label {other:?}"),
            };
            Example {
                label,
                question: question.to_owned(),
            }
        })
        .collect()
}

/// How many of each label were flagged, and the misses for the failure message.
struct Score {
    why: (usize, usize),
    blame: (usize, usize),
    ok_flagged: (usize, usize),
    misses: Vec<String>,
}

fn score(examples: &[Example]) -> Score {
    let checker = Checker::builtin();
    let mut score = Score {
        why: (0, 0),
        blame: (0, 0),
        ok_flagged: (0, 0),
        misses: Vec::new(),
    };
    for example in examples {
        let flagged = checker.check(&example.question).is_flagged();
        let (counter, wrong) = match example.label {
            Label::Why => (&mut score.why, !flagged),
            Label::Blame => (&mut score.blame, !flagged),
            Label::Ok => (&mut score.ok_flagged, flagged),
        };
        counter.1 += 1;
        if flagged {
            counter.0 += 1;
        }
        if wrong {
            score
                .misses
                .push(format!("{:?}: {}", example.label, example.question));
        }
    }
    println!(
        "why {}/{}, blame {}/{}, ok flagged {}/{}",
        score.why.0,
        score.why.1,
        score.blame.0,
        score.blame.1,
        score.ok_flagged.0,
        score.ok_flagged.1
    );
    score
}

fn check_file(file: &str, why_bar: f64, blame_bar: f64, ok_bar: f64) {
    let examples = load(file);
    let score = score(&examples);
    let rate = |(hit, total): (usize, usize)| {
        if total == 0 {
            1.0
        } else {
            hit as f64 / total as f64
        }
    };
    let report = score.misses.join("\n  ");
    assert!(
        rate(score.why) >= why_bar,
        "{file}: why caught {:?}\n  {report}",
        score.why
    );
    assert!(
        rate(score.blame) >= blame_bar,
        "{file}: blame caught {:?}\n  {report}",
        score.blame
    );
    assert!(
        rate(score.ok_flagged) <= ok_bar,
        "{file}: ok flagged {:?}\n  {report}",
        score.ok_flagged
    );
    let checker = Checker::builtin();
    for example in examples.iter().filter(|example| example.label != Label::Ok) {
        let verdict = checker.check(&example.question);
        if !verdict.is_flagged() {
            continue;
        }
        assert_good_suggestions(&example.question, &verdict);
        assert!(
            keeps_subject_matter(&example.question, &verdict),
            "{} → {:?} lost the subject",
            example.question,
            verdict.suggestions
        );
    }
}

#[test]
fn product_examples_meet_the_bar() {
    // Every why flagged, at least 5 of the 6 blame lines, no ok line flagged.
    check_file("phrasing-examples.tsv", 1.0, 5.0 / 6.0, 0.0);
}

#[test]
fn product_example_rewrites_keep_the_nouns() {
    let verdict = Checker::builtin().check("Why did you use a shared database for both services?");
    assert!(
        verdict
            .suggestions
            .iter()
            .any(|s| s == "What led to using a shared database for both services?"),
        "{:?}",
        verdict.suggestions
    );
    assert!(
        verdict
            .suggestions
            .iter()
            .any(|s| s == "How does the shared database fit the needs of the system today?"),
        "{:?}",
        verdict.suggestions
    );
    assert!(
        verdict
            .suggestions
            .iter()
            .all(|s| s.contains("shared database")),
        "{:?}",
        verdict.suggestions
    );
}
