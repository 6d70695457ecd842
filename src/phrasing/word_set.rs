//! Fast membership tests for the word lists.
//!
//! The rewriter asks "is this word a determiner / a preposition / …" many
//! times per question; a linear scan of a hundred-word list per ask made that
//! the bulk of the checker's time. A `WordSet` is written as a plain list and
//! hashed once, on first use.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: a small, fast hash for short keys (words are a few bytes long).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Fnv1a(u64);

impl Hasher for Fnv1a {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
        const PRIME: u64 = 0x0100_0000_01b3;
        let mut hash = if self.0 == 0 { OFFSET_BASIS } else { self.0 };
        for &byte in bytes {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
        self.0 = hash;
    }
}

/// The hasher for all of the phrasing module's word maps.
pub(crate) type FastHash = BuildHasherDefault<Fnv1a>;

/// A `WordSet` from a list of lower-case words: `word_set!["a", "an", "the"]`.
/// (A macro so that rustfmt lays the words out like an array, several a line.)
macro_rules! word_set {
    ($($word:literal),* $(,)?) => {
        $crate::phrasing::word_set::WordSet::new(&[$($word),*])
    };
}
pub(crate) use word_set;

/// A fixed list of lower-case words with O(1) membership.
#[derive(Debug)]
pub(crate) struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<HashSet<&'static str, FastHash>>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    /// The words as listed.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }

    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static COLOURS: WordSet = word_set!["red", "green"];

    #[test]
    fn finds_listed_words_only() {
        assert!(COLOURS.contains("red"));
        assert!(!COLOURS.contains("blue"));
        assert!(
            !COLOURS.contains("Red"),
            "lists are lower case; callers lower-case words"
        );
    }
}
