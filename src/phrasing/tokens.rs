//! Splitting a question into words for the rewriter.
//!
//! The rewriter works on words, not characters: each word keeps its spelling
//! (for output), a lower-case form (for matching), where it starts (to find the
//! word a finding points at) and whether punctuation closes a clause after it.
//! Contractions that hide an auxiliary ("why'd", "it's") are spelled out, so
//! the parser sees "why did" and "it is".

use super::word_set::{WordSet, word_set};

/// One word of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    /// As written, with typographic apostrophes made plain.
    pub text: String,
    /// Lower-cased `text`.
    pub lower: String,
    /// Character offset of the word in the checked text.
    pub start: usize,
    /// A comma, semicolon, colon, dash or sentence end follows the word.
    pub ends_clause: bool,
}

impl Word {
    fn new(text: String, start: usize, ends_clause: bool) -> Word {
        let lower = if text
            .bytes()
            .any(|byte| byte.is_ascii_uppercase() || !byte.is_ascii())
        {
            text.to_lowercase()
        } else {
            text.clone()
        };
        Word {
            text,
            lower,
            start,
            ends_clause,
        }
    }

    pub fn is(&self, lower: &str) -> bool {
        self.lower == lower
    }
}

/// Contractions spelled out for parsing. Possessive "'s" on nouns stays.
const CONTRACTIONS: &[(&str, &[&str])] = &[
    ("why'd", &["why", "did"]),
    ("why's", &["why", "is"]),
    ("why're", &["why", "are"]),
    ("how'd", &["how", "did"]),
    ("how's", &["how", "is"]),
    ("what's", &["what", "is"]),
    ("who's", &["who", "is"]),
    ("where's", &["where", "is"]),
    ("it's", &["it", "is"]),
    ("that's", &["that", "is"]),
    ("there's", &["there", "is"]),
    ("here's", &["here", "is"]),
    ("he's", &["he", "is"]),
    ("she's", &["she", "is"]),
    ("you're", &["you", "are"]),
    ("we're", &["we", "are"]),
    ("they're", &["they", "are"]),
    ("i'm", &["i", "am"]),
    ("you've", &["you", "have"]),
    ("we've", &["we", "have"]),
    ("they've", &["they", "have"]),
    ("i've", &["i", "have"]),
    ("you'd", &["you", "would"]),
    ("we'd", &["we", "would"]),
    ("they'd", &["they", "would"]),
    ("i'd", &["i", "would"]),
    ("you'll", &["you", "will"]),
    ("we'll", &["we", "will"]),
    ("they'll", &["they", "will"]),
    ("should've", &["should", "have"]),
    ("could've", &["could", "have"]),
    ("would've", &["would", "have"]),
    ("might've", &["might", "have"]),
    ("must've", &["must", "have"]),
    ("cannot", &["can't"]),
];

/// Misspelt negatives typed without the apostrophe.
const BARE_NEGATIVES: &[(&str, &str)] = &[
    ("dont", "don't"),
    ("doesnt", "doesn't"),
    ("didnt", "didn't"),
    ("cant", "can't"),
    ("couldnt", "couldn't"),
    ("shouldnt", "shouldn't"),
    ("wouldnt", "wouldn't"),
    ("isnt", "isn't"),
    ("arent", "aren't"),
    ("wasnt", "wasn't"),
    ("werent", "weren't"),
    ("havent", "haven't"),
    ("hasnt", "hasn't"),
    ("hadnt", "hadn't"),
];

const LEADING_PUNCTUATION: &[char] = &['"', '“', '”', '\'', '‘', '(', '[', '{', '*', '_', '`'];
const TRAILING_PUNCTUATION: &[char] = &[
    '"', '“', '”', '\'', '’', ')', ']', '}', '*', '_', '`', '?', '!', '.', ',', ';', ':', '…',
];
const CLAUSE_MARKS: &[char] = &['?', '!', '.', ',', ';', ':', '…'];
static DASHES: WordSet = word_set!["-", "--", "–", "—"];

/// The words of `text`, in order. `text` is the whole checked text; offsets are
/// character offsets into it.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::with_capacity(16);
    let mut counted_bytes = 0;
    let mut counted_chars = 0;
    for token in text.split_whitespace() {
        // `token` is a slice of `text`: its distance from the start is its byte offset.
        let byte_start = token.as_ptr() as usize - text.as_ptr() as usize;
        counted_chars += text[counted_bytes..byte_start].chars().count();
        counted_bytes = byte_start;
        push_token(&mut words, token, counted_chars);
    }
    words
}

fn push_token(words: &mut Vec<Word>, raw: &str, raw_start: usize) {
    if DASHES.contains(raw) {
        if let Some(last) = words.last_mut() {
            last.ends_clause = true;
        }
        return;
    }
    let body = raw.trim_start_matches(LEADING_PUNCTUATION);
    let leading = raw[..raw.len() - body.len()].chars().count();
    let core = body.trim_end_matches(TRAILING_PUNCTUATION);
    let trailing = &body[core.len()..];
    let ends_clause = trailing.contains(CLAUSE_MARKS);
    // Emoji and other symbols carry no words: "Kafka 🤔?" is "Kafka?".
    if !core.chars().any(char::is_alphanumeric) {
        if ends_clause && let Some(last) = words.last_mut() {
            last.ends_clause = true;
        }
        return;
    }
    let start = raw_start + leading;
    let plain = if core.contains('’') {
        core.replace('’', "'")
    } else {
        core.to_owned()
    };
    let lower = plain.to_lowercase();
    // Only words with an apostrophe (or "cannot") can be contractions.
    let expansion = (lower.contains('\'') || lower == "cannot")
        .then(|| {
            CONTRACTIONS
                .iter()
                .find(|(contraction, _)| *contraction == lower)
                .map(|(_, parts)| *parts)
        })
        .flatten();
    match expansion {
        Some(parts) => {
            for (index, part) in parts.iter().enumerate() {
                let last = index + 1 == parts.len();
                let spelled = keep_initial_case(&plain, part, index == 0);
                words.push(Word::new(spelled, start, last && ends_clause));
            }
        }
        None => {
            let spelled = BARE_NEGATIVES
                .iter()
                .filter(|_| lower.ends_with("nt"))
                .find(|(bare, _)| *bare == lower)
                .map(|(_, full)| keep_initial_case(&plain, full, true))
                .unwrap_or(plain);
            words.push(Word::new(spelled, start, ends_clause));
        }
    }
}

/// "Why'd" becomes "Why" + "did": the first part keeps a capital, the rest are lower case.
fn keep_initial_case(original: &str, part: &str, first: bool) -> String {
    let capitalised = original.chars().next().is_some_and(char::is_uppercase);
    if first && capitalised {
        let mut chars = part.chars();
        match chars.next() {
            Some(first_char) => first_char.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    } else {
        part.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lowers(text: &str) -> Vec<String> {
        words(text).into_iter().map(|word| word.lower).collect()
    }

    #[test]
    fn spells_out_contractions_and_strips_punctuation() {
        assert_eq!(
            lowers("Why'd you turn off the “autoscaler”?"),
            ["why", "did", "you", "turn", "off", "the", "autoscaler"]
        );
        assert_eq!(
            lowers("it’s the platform's LB"),
            ["it", "is", "the", "platform's", "lb"]
        );
        assert_eq!(lowers("why dont you"), ["why", "don't", "you"]);
    }

    #[test]
    fn marks_clause_ends_and_character_offsets() {
        let found = words("🚀 The build — why 🤔?");
        assert_eq!(found[0].lower, "the", "emoji are not words");
        assert_eq!(found[0].start, 2);
        assert!(found[1].ends_clause, "a dash closes the clause");
        assert_eq!(found[2].start, 14);
        assert!(
            found[2].ends_clause,
            "the emoji's question mark still counts"
        );
        assert_eq!(found.len(), 3);
    }
}
