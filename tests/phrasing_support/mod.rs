//! Checks shared by the phrasing integration tests (each test file uses some of them).
#![allow(dead_code)]

pub mod rewrite_checks;

use roast::phrasing::{Checker, SUGGESTION_OPENERS, Verdict};

/// Asserts what every flagged question's suggestions must be: two or three,
/// each opening with How/What/Where/When/Which/Who, ending with "?", clean
/// under the checker, aimed at the system, and plain English (no doubled
/// words, no "the the", no "How does you").
pub fn assert_good_suggestions(question: &str, verdict: &Verdict) {
    let checker = Checker::builtin();
    let problems = rewrite_checks::problems(checker, question, verdict);
    assert!(problems.is_empty(), "{question:?}: {problems:?}");
    assert!(
        (2..=3).contains(&verdict.suggestions.len()),
        "{question:?}: {} suggestions {:?}",
        verdict.suggestions.len(),
        verdict.suggestions
    );
    for suggestion in &verdict.suggestions {
        let context = format!("{question:?} → {suggestion:?}");
        let opener = suggestion.split_whitespace().next().unwrap_or("");
        assert!(SUGGESTION_OPENERS.contains(&opener), "{context}: opener");
        assert!(suggestion.ends_with('?'), "{context}: no question mark");
        assert!(
            !checker.check(suggestion).is_flagged(),
            "{context}: flagged itself"
        );
        let lower = suggestion.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| c.is_whitespace() || c == '?' || c == ',')
            .filter(|word| !word.is_empty())
            .collect();
        assert!(
            !words.windows(2).any(|pair| pair[0] == pair[1]),
            "{context}: doubled word"
        );
        for bad in [
            "how does you",
            "how do you",
            "how do we",
            "the the",
            "a the",
            "the a",
            "an the",
        ] {
            let bad_words: Vec<&str> = bad.split(' ').collect();
            assert!(
                !words
                    .windows(bad_words.len())
                    .any(|window| window == bad_words.as_slice()),
                "{context}: {bad}"
            );
        }
        assert!(
            !words.contains(&"you") && !words.contains(&"your"),
            "{context}: aimed at people"
        );
    }
}

/// The longer words of `text` that are not question scaffolding.
pub fn content_words(text: &str) -> Vec<String> {
    #[rustfmt::skip]
    const SKIP: &[&str] = &[
        "didn't", "don't", "instead", "can't", "just", "aren't", "simply", "both", "come", "every",
        "were", "does", "have", "haven't", "wasn't", "isn't", "would", "won't", "even", "earth",
        "team", "this", "that", "with", "from", "into", "anyone", "someone", "nobody", "thought",
        "whose", "what", "thinking", "should", "shouldn't", "could", "couldn't", "ever", "heard",
        "exactly", "when", "obvious", "obviously", "wouldn't", "simpler", "easier", "surely",
        "clearly", "there", "their", "your", "they", "them", "doesn't", "really", "still", "only",
        "anybody", "somebody", "idea", "decided", "approved", "think", "hard", "trivial",
        "possibly", "engineer", "engineers", "people", "customers",
    ];
    text.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .map(str::to_lowercase)
        .filter(|word| word.len() > 3 && !SKIP.contains(&word.as_str()))
        .collect()
}

/// Whether some suggestion keeps at least one content word of `question`.
pub fn keeps_subject_matter(question: &str, verdict: &Verdict) -> bool {
    let kept = content_words(question);
    kept.is_empty()
        || verdict.suggestions.iter().any(|suggestion| {
            let lower = suggestion.to_lowercase();
            kept.iter().any(|word| lower.contains(word.as_str()))
        })
}
