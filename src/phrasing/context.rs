//! Where a match sits: inside a question or request, or in a plain statement.
//!
//! Minimisers only belittle when they ask or ask for something: "we just
//! shipped it." reports, "can't you just cache it?" judges.

use super::word_set::{WordSet, word_set};
/// Words that open a question or a request.
#[rustfmt::skip]
static QUESTION_OPENERS: WordSet = word_set![
    "why", "how", "what", "where", "when", "which", "who", "whose", "whom", "can", "can't",
    "cannot", "could", "couldn't", "would", "wouldn't", "will", "won't", "should", "shouldn't",
    "shall", "do", "don't", "does", "doesn't", "did", "didn't", "is", "isn't", "are", "aren't",
    "was", "wasn't", "were", "weren't", "have", "haven't", "has", "hasn't", "had", "hadn't", "may",
    "might", "must", "please", "let's", "surely", "isnt", "dont", "cant", "wont", "couldnt",
    "wouldnt", "shouldnt", "didnt", "doesnt", "arent", "wasnt",
];

/// Words that may come before the opener without changing the clause's kind.
static LEAD_INS: WordSet = word_set![
    "so", "and", "but", "or", "then", "ok", "okay", "well", "also", "now", "hey", "like",
];

/// Words a tag question is made of: ", isn't it?", ", right?", ", don't you think?".
#[rustfmt::skip]
static TAG_WORDS: WordSet = word_set![
    "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't", "won't", "wouldn't",
    "can't", "couldn't", "shouldn't", "is", "it", "that", "this", "they", "you", "we", "right",
    "no", "yes", "correct", "true", "eh", "yeah", "ok", "okay", "think", "agree", "surely",
];

/// "The queue is obviously the bottleneck, isn't it?" is a question too.
fn ends_with_tag_question(after: &str) -> bool {
    let sentence_end = after
        .char_indices()
        .find(|&(_, c)| matches!(c, '.' | '!' | '?' | '\n'))
        .map_or(after.len(), |(index, _)| index);
    if !after[sentence_end..].starts_with('?') {
        return false;
    }
    let sentence = &after[..sentence_end];
    let Some(last_comma) = sentence.rfind([',', ';', '—', '–']) else {
        return false;
    };
    let tag: Vec<String> = sentence[last_comma..]
        .split_whitespace()
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .replace('’', "'")
                .to_lowercase()
        })
        .filter(|word| !word.is_empty())
        .collect();
    !tag.is_empty() && tag.len() <= 4 && tag.iter().all(|word| TAG_WORDS.contains(word.as_str()))
}

/// Marks that end a clause.
fn ends_clause(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | ';' | ',' | ':' | '\n' | '…')
}

/// Whether the clause around byte offset `at` of `text` asks a question or makes a request.
pub(crate) fn is_question_or_request(text: &str, at: usize) -> bool {
    let start = text[..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| ends_clause(c))
        .map_or(0, |(index, c)| index + c.len_utf8());
    let end_mark = text[at..].chars().find(|&c| ends_clause(c));
    if end_mark == Some('?') || ends_with_tag_question(&text[at..]) {
        return true;
    }
    let end = text[at..]
        .char_indices()
        .find(|&(_, c)| ends_clause(c))
        .map_or(text.len(), |(index, _)| at + index);
    let opener = text[start..end]
        .split_whitespace()
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .replace('’', "'")
                .to_lowercase()
        })
        .find(|word| !LEAD_INS.contains(word.as_str()));
    opener.is_some_and(|word| QUESTION_OPENERS.contains(word.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, word: &str) -> bool {
        is_question_or_request(text, text.find(word).expect("word in text"))
    }

    #[test]
    fn tells_questions_from_statements() {
        assert!(check("Can't you just page the owner?", "just"));
        assert!(check("can't you just page the owner", "just"));
        assert!(!check("We just shipped it.", "just"));
        assert!(!check("We just shipped it, can you look?", "just"));
        assert!(check("It broke again, so can’t we just roll back", "just"));
        assert!(check("You could just cache it?", "just"));
        assert!(check(
            "Obviously the queue is the bottleneck, isn't it?",
            "Obviously"
        ));
        assert!(!check("We simply shipped it, can you look?", "simply"));
    }
}
