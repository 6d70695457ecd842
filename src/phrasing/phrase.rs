//! Noun phrases: the things a question is about ("the shared database").
//!
//! Rewrites keep the question's subject matter by reusing its noun phrases,
//! so this module finds them in a run of words and says them the way a
//! system-focused question needs: "your deploy tool" → "the deploy tool".

use super::lexicon::{
    INDEFINITE_DETERMINERS, NOUN_VERBS, PERSONAL_DETERMINERS, PLURAL_DETERMINERS, PREPOSITIONS,
    QUANTIFIER_DETERMINERS, breaks_phrase, is_adjective, is_determiner, is_function_word,
    is_generic_noun, is_not_topic, is_people_noun,
};
use super::morphology::{
    base_of_past, base_of_third_person, is_base_verb, is_gerund, is_known_gerund, is_participle,
};
use super::tokens::Word;
use super::word_set::{WordSet, word_set};

/// A noun phrase: an optional determiner and the words naming the thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NounPhrase {
    pub words: Vec<Word>,
}

/// Words that are pronouns standing in for a thing: never a topic on their own.
#[rustfmt::skip]
static PRONOUN_OBJECTS: WordSet = word_set![
    "it", "this", "that", "these", "those", "them", "us", "me", "you", "him", "her", "one",
    "something", "anything", "everything", "nothing", "someone", "anyone", "everyone", "nobody",
    "what", "which", "who", "whatever", "here", "there", "so", "such",
];

/// Words that open a clause with a verb of its own.
static SUBORDINATORS: WordSet = word_set![
    "when", "whenever", "if", "unless", "because", "while", "until", "after", "before", "since",
    "once", "that", "where", "which", "who",
];

/// Singular nouns that end in "s".
#[rustfmt::skip]
static SINGULAR_S_NOUNS: WordSet = word_set![
    "status", "kubernetes", "redis", "postgres", "analysis", "series", "news", "ops", "devops",
    "bus", "process", "access", "class", "loss", "consensus", "corpus", "cors", "dns", "https",
    "tls", "sms", "aws", "gcs", "s3", "ios", "macos", "chaos", "basis", "canvas", "alias",
    "address", "progress", "business", "stress", "mess", "success",
];

impl NounPhrase {
    fn determiner(&self) -> Option<&str> {
        self.words
            .first()
            .map(|word| word.lower.as_str())
            .filter(|lower| is_determiner(lower))
    }

    /// The word the phrase is about: the last one before a preposition
    /// ("the runbook for the gateway" is about the runbook).
    fn head_word(&self) -> Option<&Word> {
        let end = self
            .words
            .iter()
            .skip(1)
            .position(|word| word.is("of") || PREPOSITIONS.contains(word.lower.as_str()))
            .map_or(self.words.len(), |offset| offset + 1);
        self.words[..end].last()
    }

    fn head(&self) -> &str {
        self.head_word()
            .map(|word| word.lower.as_str())
            .unwrap_or("")
    }

    /// "a replica", "another region", "more memory": something a proposal adds.
    pub fn is_indefinite(&self) -> bool {
        self.determiner()
            .is_some_and(|det| INDEFINITE_DETERMINERS.contains(det))
    }

    pub fn is_plural(&self) -> bool {
        if let Some(det) = self.determiner() {
            if PLURAL_DETERMINERS.contains(det) {
                return true;
            }
            if matches!(
                det,
                "a" | "an" | "this" | "that" | "another" | "one" | "each" | "every"
            ) {
                return false;
            }
        }
        let head_word = self
            .head_word()
            .map(|word| word.text.as_str())
            .unwrap_or("");
        let head = self.head();
        // "APIs", "SLOs": an acronym with a lower-case plural "s".
        let mut tail = head_word.chars().rev();
        if tail.next() == Some('s') && tail.next().is_some_and(char::is_uppercase) {
            return true;
        }
        let all_caps = head_word.chars().all(|c| !c.is_lowercase());
        head.len() > 2
            && head.ends_with('s')
            && !all_caps
            && !head.ends_with("ss")
            && !head.ends_with("us")
            && !head.ends_with("is")
            && !head.ends_with("'s")
            && !SINGULAR_S_NOUNS.contains(head)
    }

    /// The phrase as written, but aimed at the system: "your" becomes "the".
    pub fn as_written(&self) -> String {
        let mut words: Vec<&str> = self.words.iter().map(|word| word.text.as_str()).collect();
        if let Some(det) = self.determiner()
            && PERSONAL_DETERMINERS.contains(det)
        {
            words[0] = "the";
            drop_own(&mut words);
        }
        words.join(" ")
    }

    /// "the shared database" for "a shared database"; `None` for phrases that
    /// cannot become one definite thing ("every request", "no runbook").
    pub fn definite(&self) -> Option<String> {
        let mut words: Vec<&str> = self.words.iter().map(|word| word.text.as_str()).collect();
        match self.determiner() {
            Some(det) if QUANTIFIER_DETERMINERS.contains(det) || det == "any" => None,
            Some(det)
                if INDEFINITE_DETERMINERS.contains(det)
                    || PERSONAL_DETERMINERS.contains(det)
                    || matches!(det, "this" | "that" | "these" | "those") =>
            {
                if words.len() < 2 {
                    return None;
                }
                words[0] = "the";
                drop_own(&mut words);
                Some(words.join(" "))
            }
            Some("its") if words.len() > 1 => {
                words[0] = "the";
                drop_own(&mut words);
                Some(words.join(" "))
            }
            Some("both") => Some(words.join(" ")),
            Some(det) if det != "the" => Some(format!("the {}", words.join(" "))),
            _ => Some(words.join(" ")),
        }
    }

    /// The phrase with a leading "no" read as the thing itself ("no runbook" → "the runbook").
    pub fn without_negation(&self) -> NounPhrase {
        match self.determiner() {
            Some("no") if self.words.len() > 1 => {
                let mut words = self.words.clone();
                words[0] = Word::plain("the");
                NounPhrase { words }
            }
            _ => self.clone(),
        }
    }

    /// "storing secrets": an activity, not a part of the system.
    pub fn is_activity(&self) -> bool {
        self.words
            .first()
            .is_some_and(|first| is_known_gerund(&first.lower) && self.words.len() > 1)
    }

    /// Whether the phrase can be "the thing" of a rewrite on its own: "How
    /// does *customer* work?" cannot, "How does *production* work?" can.
    pub fn can_stand_alone(&self) -> bool {
        let Some(first) = self.words.first() else {
            return false;
        };
        let head = self.head();
        const MASS_ENDINGS: &[&str] = &[
            "ing", "tion", "sion", "ment", "ance", "ence", "ity", "ness", "ware", "ics", "age",
            "ship", "data",
        ];
        self.determiner().is_some()
            || self.words.len() > 1
            || self.is_plural()
            || first.text.chars().next().is_some_and(char::is_uppercase)
            || MASS_ENDINGS.iter().any(|ending| head.ends_with(ending))
    }

    /// Whether the phrase names something worth keeping as a topic.
    pub fn is_topic(&self) -> bool {
        let head = self.head();
        let modifiers = self
            .words
            .iter()
            .filter(|word| !is_determiner(&word.lower) && word.lower != head)
            .count();
        let bare_generic = is_generic_noun(head) && modifiers == 0;
        let not_a_thing = head.is_empty()
            || is_not_topic(head)
            || bare_generic
            || PRONOUN_OBJECTS.contains(head)
            || is_adjective(head)
            || is_participle(head)
            || is_determiner(head)
            || is_people_noun(head);
        !not_a_thing
    }
}

/// "the own Kafka cluster" reads badly: drop "own" after a replaced determiner.
fn drop_own(words: &mut Vec<&str>) {
    if words.len() > 2 && words[1].eq_ignore_ascii_case("own") {
        words.remove(1);
    }
}

/// The longest noun phrase starting at `words[start]`, if one starts there.
pub(crate) fn phrase_at(words: &[Word], start: usize) -> Option<NounPhrase> {
    phrase_in_clause(words, start, false)
}

/// Like [`phrase_at`]; `verbs_around` says the phrase sits in a clause with
/// its own verb ("when the disk *fills* up"), where an "-s" word after a noun
/// is that verb rather than a plural ("feature *flags*").
fn phrase_in_clause(words: &[Word], start: usize, verbs_around: bool) -> Option<NounPhrase> {
    const MAX_WORDS: usize = 6;
    let first = words.get(start)?;
    if !can_start_phrase(first) {
        return None;
    }
    let led_by_determiner = is_determiner(&first.lower);
    let mut end = start + 1;
    while end < words.len() && end - start < MAX_WORDS {
        let previous = &words[end - 1];
        let word = &words[end];
        // "the certificate expiring": a gerund ending a phrase is its verb.
        let trailing_gerund = led_by_determiner
            && end - start >= 2
            && is_known_gerund(&word.lower)
            && words
                .get(end + 1)
                .is_none_or(|next| breaks_phrase(&next.lower) || is_determiner(&next.lower));
        let after_determiner = is_determiner(&previous.lower);
        // "the *nightly* reindex": an -ly adjective may follow a determiner.
        let describing_ly = after_determiner
            && word.lower.ends_with("ly")
            && !PREPOSITIONS.contains(word.lower.as_str());
        // "Java *8*": a number after a name is part of it.
        let version_number = !after_determiner && word.lower.chars().all(|c| c.is_ascii_digit());
        // "this *go*": a verb that is never a noun ends the phrase.
        let plain_verb = is_base_verb(&word.lower)
            && !NOUN_VERBS.contains(word.lower.as_str())
            && !is_adjective(&word.lower)
            && after_determiner;
        let continues = !previous.ends_clause
            && !trailing_gerund
            && !plain_verb
            && (!breaks_phrase(&word.lower) || describing_ly)
            && (!is_determiner(&word.lower) || version_number)
            && !PRONOUN_OBJECTS.contains(word.lower.as_str())
            && (!is_function_word(&word.lower) || word.is("of"))
            && (base_of_third_person(&word.lower).is_none()
                || is_determiner(&previous.lower)
                || !verbs_around)
            // "the *shared* database": a participle right after a determiner describes.
            && (base_of_past(&word.lower).is_none()
                || is_base_verb(&word.lower)
                || is_determiner(&previous.lower));
        if !continues {
            break;
        }
        end += 1;
    }
    // "the rest of" must not end a phrase on "of".
    while end > start + 1 && words[end - 1].is("of") {
        end -= 1;
    }
    let phrase = NounPhrase {
        words: words[start..end].to_vec(),
    };
    (phrase.words.len() > 1 || !is_determiner(&first.lower)).then_some(phrase)
}

fn can_start_phrase(word: &Word) -> bool {
    let lower = word.lower.as_str();
    if is_determiner(lower) {
        return true;
    }
    !is_function_word(lower)
        && !PRONOUN_OBJECTS.contains(lower)
        && !PREPOSITIONS.contains(lower)
        && !breaks_phrase(lower)
        && lower.chars().any(char::is_alphanumeric)
}

/// Every noun phrase in `words`, in order, skipping prepositions, infinitives
/// ("to hand-roll") and verbs that take an object ("pushing the change").
pub(crate) fn phrases_in(words: &[Word]) -> Vec<NounPhrase> {
    let mut found = Vec::new();
    let mut index = 0;
    let mut in_subordinate_clause = false;
    while index < words.len() {
        let word = &words[index];
        let next_is_determiner = words
            .get(index + 1)
            .is_some_and(|next| is_determiner(&next.lower));
        let after_to = index > 0 && words[index - 1].is("to");
        let is_verb_here = (after_to && is_base_verb(&word.lower))
            || (is_gerund(&word.lower) && next_is_determiner)
            || base_of_third_person(&word.lower).is_some() && index > 0;
        if is_verb_here {
            index += 1;
            continue;
        }
        if SUBORDINATORS.contains(word.lower.as_str()) {
            in_subordinate_clause = true;
        }
        match phrase_in_clause(words, index, in_subordinate_clause) {
            Some(phrase) => {
                index += phrase.words.len();
                found.push(phrase);
            }
            None => index += 1,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::super::tokens::words;
    use super::*;

    fn phrases(text: &str) -> Vec<String> {
        phrases_in(&words(text))
            .into_iter()
            .map(|phrase| phrase.as_written())
            .collect()
    }

    #[test]
    fn finds_phrases_around_prepositions() {
        assert_eq!(
            phrases("a shared database for both services"),
            ["a shared database", "both services"]
        );
        assert_eq!(
            phrases("rate limiting to the public API"),
            ["rate limiting", "the public API"]
        );
        assert_eq!(
            phrases("to hand-roll the service discovery"),
            ["the service discovery"]
        );
        assert_eq!(phrases("pushing the schema change"), ["the schema change"]);
        assert_eq!(phrases("your own Kafka cluster"), ["the Kafka cluster"]);
    }

    #[test]
    fn definite_forms_and_number() {
        let phrase = |text: &str| phrase_at(&words(text), 0).expect("a phrase");
        assert_eq!(
            phrase("a shared database").definite().as_deref(),
            Some("the shared database")
        );
        assert_eq!(
            phrase("two deploy tools").definite().as_deref(),
            Some("the two deploy tools")
        );
        assert_eq!(phrase("every request").definite(), None);
        assert!(phrase("the logs").is_plural());
        assert!(!phrase("the message bus").is_plural());
        assert!(!phrase("the DNS").is_plural());
        assert!(phrase("the APIs").is_plural());
        assert!(phrase("another replica").is_indefinite());
    }
}
