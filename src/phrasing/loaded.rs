//! Words that carry the judgement, not the subject matter.
//!
//! "Why can't you *just* add a replica?" is about adding a replica: before a
//! question is read for rewriting, its minimisers, intensifiers and fillers
//! are taken out (and noted, since "just" marks a proposal).

use super::lexicon::{
    FILLERS, LOADED_PHRASES, LOADED_WORD_RELEASERS, LOADED_WORDS, PROPOSAL_MARKERS,
};
use super::tokens::Word;

/// Removes the words that carry judgement rather than content; reports
/// whether any of them marked a proposal ("just", "instead").
pub(crate) fn strip_loaded(input: &[Word]) -> (Vec<Word>, bool) {
    let mut kept: Vec<Word> = Vec::with_capacity(input.len());
    let mut proposal = false;
    let mut index = 0;
    while index < input.len() {
        if let Some(length) = loaded_phrase_at(input, index) {
            index += length;
            continue;
        }
        let word = &input[index];
        let released = input
            .get(index + 1)
            .is_some_and(|next| LOADED_WORD_RELEASERS.contains(next.lower.as_str()));
        if LOADED_WORDS.contains(word.lower.as_str()) && !released {
            proposal |= PROPOSAL_MARKERS.contains(word.lower.as_str());
            if word.ends_clause
                && let Some(last) = kept.last_mut()
            {
                last.ends_clause = true;
            }
            index += 1;
            continue;
        }
        if let Some(article) = kept.last_mut() {
            // "such an obvious bug" → "an bug" → "a bug".
            fix_article(article, word);
        }
        kept.push(word.clone());
        index += 1;
    }
    (kept, proposal)
}

/// Makes "a"/"an" agree with the word that now follows it.
pub(crate) fn fix_article(article: &mut Word, next: &Word) {
    if !(article.is("a") || article.is("an")) {
        return;
    }
    let vowel = next
        .lower
        .chars()
        .next()
        .is_some_and(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'));
    let wanted = if vowel { "an" } else { "a" };
    if article.lower != wanted {
        let capital = article.text.starts_with('A');
        article.text = if capital {
            wanted.replacen('a', "A", 1)
        } else {
            wanted.to_owned()
        };
        article.lower = wanted.to_owned();
    }
}

pub(crate) fn loaded_phrase_at(input: &[Word], index: usize) -> Option<usize> {
    LOADED_PHRASES.iter().find_map(|phrase| {
        let matches = phrase.len() <= input.len() - index
            && phrase
                .iter()
                .zip(&input[index..])
                .all(|(expected, word)| word.is(expected));
        matches.then_some(phrase.len())
    })
}

pub(crate) fn skip_fillers(input: &[Word]) -> &[Word] {
    let skipped = input
        .iter()
        .take_while(|word| FILLERS.contains(word.lower.as_str()))
        .count();
    &input[skipped..]
}

pub(crate) fn skip_leading<'a>(input: &'a [Word], skippable: &[&str]) -> &'a [Word] {
    let skipped = input
        .iter()
        .take_while(|word| skippable.contains(&word.lower.as_str()))
        .count();
    &input[skipped..]
}
