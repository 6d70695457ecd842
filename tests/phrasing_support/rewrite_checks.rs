//! Mechanical checks of a flagged line's rewrites, written apart from the
//! rewriter so that they can catch it out: at least two suggestions, each a
//! How/What/Where/When/Which/Who question with exactly one "?" at its end,
//! made only of words the rewriter knows or the line itself used, with its
//! verb agreeing with its subject, aimed at the system (no "you"), keeping
//! a word of what the line was about, and clean when checked again.

use roast::phrasing::{Checker, SUGGESTION_OPENERS, Verdict};

/// Words that say nothing about the subject matter.
const NOT_SUBJECT_MATTER: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "why", "how", "what", "where", "when", "which", "who",
    "is", "are", "was", "were", "do", "does", "did", "have", "has", "had", "not", "you", "your",
    "we", "they", "it", "this", "that", "there", "for", "to", "in", "on", "of", "with", "by", "at",
    "from", "so", "just", "still", "ever", "even", "really", "would", "could", "should", "can",
    "will", "our", "their", "them", "its", "all", "any", "some", "no", "more", "about", "again",
    "like", "lol", "then", "than", "too", "very", "one", "only", "also", "into",
];

/// Plural words that do not end in "s".
const PLURALS_WITHOUT_S: &[&str] = &["people", "children", "criteria", "indices"];

/// Words that take either agreement: "the data is" and "the data are" are both English.
const EITHER_NUMBER: &[&str] = &["data", "media"];

/// Singular words that end in "s".
const SINGULARS_WITH_S: &[&str] = &[
    "status",
    "process",
    "access",
    "bus",
    "dns",
    "redis",
    "jenkins",
    "postgres",
    "kubernetes",
    "aws",
    "https",
    "tls",
    "series",
    "analysis",
    "canvas",
    "alias",
    "nginx",
    "sqs",
    "sns",
    "ops",
    "news",
    "chaos",
    "gas",
    "analytics",
    "devops",
    "physics",
    "economics",
    "mathematics",
    "lens",
    "atlas",
    "cors",
    "ios",
    "macos",
    "ebs",
    "efs",
    "ecs",
    "eks",
    "gcs",
    "ses",
    "thanos",
    "windows",
    "travis",
];

/// Every problem with `verdict`'s rewrites of `line`; empty when they pass.
pub fn problems(checker: &Checker, line: &str, verdict: &Verdict) -> Vec<String> {
    let mut found = Vec::new();
    let count = verdict.suggestions.len();
    if !(2..=3).contains(&count) {
        found.push(format!("{count} suggestions"));
    }
    let said: Vec<String> = words(line);
    for suggestion in &verdict.suggestions {
        let mut problem = |what: String| found.push(format!("{suggestion:?}: {what}"));
        let opener = suggestion.split_whitespace().next().unwrap_or("");
        if !SUGGESTION_OPENERS.contains(&opener) {
            problem("does not open with How/What/Where/When/Which/Who".into());
        }
        if !suggestion.ends_with('?') || suggestion.matches('?').count() != 1 {
            problem("not exactly one question mark, at the end".into());
        }
        let own = words(suggestion);
        for word in &own {
            if !said.contains(word) && !checker.knows_word(word) {
                problem(format!("unknown word {word:?}"));
            }
        }
        if own
            .iter()
            .any(|word| matches!(word.as_str(), "you" | "your" | "u" | "y'all"))
        {
            problem("aimed at people".into());
        }
        if own.windows(2).any(|pair| pair[0] == pair[1]) {
            problem("a doubled word".into());
        }
        if let Some(disagreement) = disagreement(&own, suggestion) {
            problem(disagreement);
        }
        if checker.check(suggestion).is_flagged() {
            problem("flagged itself".into());
        }
    }
    let content: Vec<&String> = said
        .iter()
        .filter(|word| word.len() >= 2 && !NOT_SUBJECT_MATTER.contains(&word.as_str()))
        .collect();
    let kept = verdict
        .suggestions
        .iter()
        .any(|suggestion| words(suggestion).iter().any(|word| content.contains(&word)));
    let says_something = verdict
        .suggestions
        .iter()
        .any(|s| !s.ends_with(" here?") && !s.contains(" this"));
    if !content.is_empty() && !kept && says_something {
        found.push("no suggestion keeps a word of what the line was about".into());
    }
    found
}

/// Lower-case words without surrounding punctuation.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric())
                .replace('’', "'")
                .to_lowercase()
        })
        .filter(|word| !word.is_empty())
        .collect()
}

/// "How does the pods work", "How are the gateway tested": an auxiliary right
/// after the opener must agree with the last word of the subject after it.
fn disagreement(words: &[String], written: &str) -> Option<String> {
    if words.first()?.as_str() != "how" {
        return None;
    }
    let aux = words.get(1)?.as_str();
    let singular = match aux {
        "does" | "is" | "has" | "was" => true,
        "do" | "are" | "have" | "were" => false,
        _ => return None,
    };
    // The verb after the subject: one the templates use, else the last
    // participle-looking word ("How do the *shared* volumes work" has its
    // verb after the adjective "shared").
    let listed = words.iter().enumerate().skip(3).find(|(_, word)| {
        matches!(
            word.as_str(),
            "work" | "recover" | "fit" | "handled" | "reviewed" | "checked" | "measured"
        )
    });
    let subject_end = listed
        .or_else(|| {
            words.iter().enumerate().skip(3).rev().find(|(_, word)| {
                word.ends_with("ed") && word.len() > 4 || word.ends_with("en") && word.len() > 4
            })
        })
        .map(|(index, _)| index)?;
    // "changes to the gateway", "changes like this": the head comes before the preposition.
    let head_index = (2..subject_end)
        .find(|&index| {
            matches!(
                words[index].as_str(),
                "to" | "of" | "with" | "in" | "for" | "on" | "like"
            )
        })
        .map_or(subject_end - 1, |preposition| preposition - 1);
    let head = words[head_index].as_str();
    if EITHER_NUMBER.contains(&head) {
        return None;
    }
    // An acronym ("NFS", "DNS") is singular unless a lower-case "s" follows capitals ("APIs").
    let written_head = written
        .split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .find(|word| word.to_lowercase() == head)
        .unwrap_or(head);
    // Ending on a capital ("DNS", "bS") reads as a name or an acronym.
    let acronym = written_head.len() > 1
        && written_head
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    // "APIs", "GPUs": capitals and a lower-case "s".
    let acronym_plural = written_head.len() > 2
        && written_head.ends_with('s')
        && written_head[..written_head.len() - 1]
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    let looks_plural = acronym_plural
        || !acronym
            && (PLURALS_WITHOUT_S.contains(&head)
                || head.ends_with('s')
                    && !head.ends_with("ss")
                    && !head.ends_with("us")
                    && !head.ends_with("is")
                    && !SINGULARS_WITH_S.contains(&head));
    (singular == looks_plural).then(|| format!("\"{aux}\" does not agree with \"{head}\""))
}

/// What kind of problem, without the words of the line it was found in.
pub fn kind(problem: &str) -> &'static str {
    const KINDS: &[&str] = &[
        "suggestions",
        "does not open",
        "question mark",
        "unknown word",
        "aimed at people",
        "doubled word",
        "does not agree",
        "flagged itself",
        "no suggestion keeps",
    ];
    KINDS
        .iter()
        .find(|kind| problem.contains(*kind))
        .copied()
        .unwrap_or("other")
}
