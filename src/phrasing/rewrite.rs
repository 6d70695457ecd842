//! Suggestions: rewrites of a flagged question aimed at the system, not the people.
//!
//! Each rule lists rewrite templates such as `"What led to {choice}?"`. The
//! flagged question is read into a [`Topic`], the topic fills the template's
//! slots, and a template whose slots the topic cannot fill is skipped — so a
//! rule can list many shapes and each question gets the ones that fit it.
//!
//! Slots (all optional; a template is used only when all its slots are filled):
//! - `{to_change}` — what a proposal would do: "to add another replica",
//!   "for the logs to be centralised" (negated questions and proposals only).
//! - `{choice}` — what happened, as a gerund clause: "using a shared database
//!   for both services", "the build being so slow" (not for proposals).
//! - `{how}` — the question turned into a how-question body: "does the gateway
//!   retry every request five times", "is the shared database used for both services".
//! - `{blocker}` — what does not happen, for "What stops …?": "the service from starting".
//! - `{doing}` — people's action as a gerund: "deploying only once a month".
//! - `{thing}` — the part of the system talked about: "the shared database".
//! - `{does}` / `{is}` — "does"/"do" and "is"/"are", agreeing with `{thing}`.
//! - `{new_thing}` — what a proposal would add: "another replica".
//! - `{topic}` — any noun phrase of the question, for fallbacks.

use super::lexicon::{NO_HOW, NO_PASSIVE, PERSONAL_DETERMINERS, PHRASAL_VERBS};
use super::morphology::{gerund, is_participle, participle};
use super::phrase::{NounPhrase, phrase_at, phrases_in};
use super::tokens::Word;
use super::topic::{Predicate, Subject, Topic};

/// Words a suggestion may start with.
pub const SUGGESTION_OPENERS: &[&str] = &["How", "What", "Where", "When", "Which", "Who"];

/// At most this many suggestions per question.
pub const MAX_SUGGESTIONS: usize = 3;

/// Longer suggestions stop reading as questions.
const MAX_SUGGESTION_WORDS: usize = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    ToChange,
    Choice,
    How,
    Blocker,
    Doing,
    Thing,
    Does,
    Is,
    NewThing,
    Topic,
}

const SLOT_NAMES: &[(&str, Slot)] = &[
    ("to_change", Slot::ToChange),
    ("choice", Slot::Choice),
    ("how", Slot::How),
    ("blocker", Slot::Blocker),
    ("doing", Slot::Doing),
    ("thing", Slot::Thing),
    ("does", Slot::Does),
    ("is", Slot::Is),
    ("new_thing", Slot::NewThing),
    ("topic", Slot::Topic),
];

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    Slot(Slot),
}

/// A rewrite template from the rule file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Template {
    parts: Vec<Part>,
}

impl Template {
    /// Parses `"What led to {choice}?"`. The template must open with one of
    /// [`SUGGESTION_OPENERS`], end with "?" and use only known slots.
    pub fn parse(text: &str) -> Result<Template, String> {
        let opener = text.split_whitespace().next().unwrap_or("");
        if !SUGGESTION_OPENERS.contains(&opener) {
            return Err(format!(
                "must start with one of {}",
                SUGGESTION_OPENERS.join("/")
            ));
        }
        if !text.ends_with('?') {
            return Err("must end with \"?\"".to_owned());
        }
        let mut parts = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let close = rest[open..]
                .find('}')
                .map(|offset| open + offset)
                .ok_or_else(|| "has an unclosed \"{\"".to_owned())?;
            let name = &rest[open + 1..close];
            let slot = SLOT_NAMES
                .iter()
                .find(|(known, _)| *known == name)
                .map(|(_, slot)| *slot)
                .ok_or_else(|| format!("unknown slot {{{name}}}"))?;
            if open > 0 {
                parts.push(Part::Text(rest[..open].to_owned()));
            }
            parts.push(Part::Slot(slot));
            rest = &rest[close + 1..];
        }
        if rest.contains('}') {
            return Err("has an unopened \"}\"".to_owned());
        }
        if !rest.is_empty() {
            parts.push(Part::Text(rest.to_owned()));
        }
        Ok(Template { parts })
    }

    fn fill(&self, slots: &Slots) -> Option<String> {
        let fillable = self.parts.iter().all(|part| match part {
            Part::Text(_) => true,
            Part::Slot(slot) => slots.get(*slot).is_some(),
        });
        if !fillable {
            return None;
        }
        let mut filled = String::with_capacity(64);
        for part in &self.parts {
            match part {
                Part::Text(text) => filled.push_str(text),
                Part::Slot(slot) => filled.push_str(slots.get(*slot)?),
            }
        }
        Some(tidy(&filled))
    }
}

/// The values a topic gives the slots.
#[derive(Debug, Default)]
struct Slots {
    to_change: Option<String>,
    choice: Option<String>,
    how: Option<String>,
    blocker: Option<String>,
    doing: Option<String>,
    thing: Option<String>,
    does: Option<String>,
    is: Option<String>,
    new_thing: Option<String>,
    topic: Option<String>,
}

impl Slots {
    fn get(&self, slot: Slot) -> Option<&str> {
        let value = match slot {
            Slot::ToChange => &self.to_change,
            Slot::Choice => &self.choice,
            Slot::How => &self.how,
            Slot::Blocker => &self.blocker,
            Slot::Doing => &self.doing,
            Slot::Thing => &self.thing,
            Slot::Does => &self.does,
            Slot::Is => &self.is,
            Slot::NewThing => &self.new_thing,
            Slot::Topic => &self.topic,
        };
        value.as_deref().filter(|text| !text.trim().is_empty())
    }

    fn from_topic(topic: &Topic) -> Slots {
        let mut slots = Slots::default();
        let predicate_words: &[Word] = match &topic.predicate {
            Predicate::Action { rest, .. } => rest,
            Predicate::State(words) | Predicate::Phrase(words) => words,
        };
        let phrases: Vec<NounPhrase> = phrases_in(predicate_words)
            .into_iter()
            .map(|phrase| phrase.without_negation())
            .filter(NounPhrase::is_topic)
            .collect();
        fill_things(&mut slots, topic, &phrases);
        let changes = topic.negated || topic.proposal;
        let settled = !topic.negated && !topic.proposal;
        let not = if topic.negated { "not " } else { "" };
        match (&topic.subject, &topic.predicate) {
            (Subject::Thing(subject), Predicate::Action { verb, rest }) => {
                let who = subject.as_written();
                let rest = say(rest);
                let ing = gerund(verb);
                slots.to_change = changes.then(|| format!("for {who} to {verb} {rest}"));
                slots.choice = (!topic.proposal).then(|| format!("{who} {not}{ing} {rest}"));
                slots.blocker = topic.negated.then(|| format!("{who} from {ing} {rest}"));
                if settled && !NO_HOW.contains(verb.as_str()) {
                    let does = match (topic.past, subject.is_plural()) {
                        (true, _) => "did",
                        (false, true) => "do",
                        (false, false) => "does",
                    };
                    slots.how = Some(format!("{does} {who} {verb} {}", before_degree(&rest)));
                }
            }
            (Subject::Person | Subject::Unstated, Predicate::Action { verb, rest }) => {
                let rest_said = say(rest);
                let ing = gerund(verb);
                slots.to_change = changes.then(|| format!("to {verb} {rest_said}"));
                slots.choice = (!topic.proposal).then(|| format!("{not}{ing} {rest_said}"));
                slots.doing = settled.then(|| format!("{ing} {rest_said}"));
                if settled {
                    slots.how = passive(verb, rest);
                }
            }
            (Subject::Thing(subject), Predicate::State(words)) if !words.is_empty() => {
                let who = subject.as_written();
                let state = say(words);
                slots.to_change = changes.then(|| format!("for {who} to be {state}"));
                slots.choice = (!topic.proposal).then(|| format!("{who} {not}being {state}"));
                slots.blocker = topic.negated.then(|| format!("{who} from being {state}"));
                // "unbounded" is an adjective, not something done to the pool.
                let done_to = is_participle(&words[0].lower) && !words[0].lower.starts_with("un");
                if settled && done_to {
                    let is = match (topic.past, subject.is_plural()) {
                        (true, true) => "were",
                        (true, false) => "was",
                        (false, true) => "are",
                        (false, false) => "is",
                    };
                    slots.how = Some(format!("{is} {who} {}", before_degree(&state)));
                }
            }
            (Subject::Person, Predicate::State(words)) if !words.is_empty() => {
                let state = say(words);
                slots.to_change = changes.then(|| format!("to be {state}"));
                slots.choice = (!topic.proposal).then(|| format!("{not}being {state}"));
            }
            (Subject::There, Predicate::State(words)) if !words.is_empty() => {
                slots.choice =
                    (!topic.proposal).then(|| format!("there {not}being {}", say(words)));
            }
            (_, Predicate::Phrase(words)) if !topic.proposal => {
                slots.choice = phrase_at(words, 0)
                    .filter(|phrase| phrase.words.len() == words.len() && phrase.is_topic())
                    .map(|phrase| phrase.as_written());
            }
            _ => {}
        }
        slots
    }
}

/// Fills `{thing}`, `{does}`, `{is}`, `{new_thing}` and `{topic}`.
fn fill_things(slots: &mut Slots, topic: &Topic, phrases: &[NounPhrase]) {
    // "Isn't this a monitoring gap?": the phrase names what "this" is, so it
    // exists whatever the negation says.
    let names_the_subject = matches!(
        (&topic.subject, &topic.predicate),
        (Subject::Dummy, Predicate::State(_))
    );
    let settled = (!topic.negated && !topic.proposal) || names_the_subject;
    let thing = match &topic.subject {
        Subject::Thing(subject) if subject.is_topic() && !subject.is_activity() => {
            Some(subject.clone())
        }
        Subject::Thing(subject) if subject.is_activity() => phrases_in(&subject.words[1..])
            .into_iter()
            .find(|phrase| phrase.is_topic() && phrase.definite().is_some()),
        // "use a shared database": what exists can be "the shared database";
        // what a proposal would add ("add a cache") cannot.
        _ => phrases
            .iter()
            .find(|phrase| {
                (settled || !phrase.is_indefinite())
                    && phrase.definite().is_some()
                    && phrase.can_stand_alone()
                    && !phrase.is_activity()
            })
            .cloned(),
    };
    if let Some(thing) = &thing {
        slots.thing = thing.definite();
        let plural = thing.is_plural();
        slots.does = Some(if plural { "do" } else { "does" }.to_owned());
        slots.is = Some(if plural { "are" } else { "is" }.to_owned());
    }
    if topic.proposal {
        let bare_phrase_counts = matches!(topic.predicate, Predicate::Phrase(_));
        slots.new_thing = phrases
            .iter()
            .find(|phrase| phrase.is_indefinite() || bare_phrase_counts)
            .map(NounPhrase::as_written);
    }
    slots.topic = slots.thing.clone().or_else(|| {
        phrases
            .iter()
            .find(|phrase| !phrase.is_indefinite() && phrase.can_stand_alone())
            .and_then(NounPhrase::definite)
    });
}

/// "is the shared database used for both services", from "use a shared
/// database for both services" — the system as the subject.
fn passive(verb: &str, rest: &[Word]) -> Option<String> {
    if NO_PASSIVE.contains(verb) {
        return None;
    }
    let particle = rest
        .first()
        .filter(|first| PHRASAL_VERBS.contains(&(verb, first.lower.as_str())));
    let object_start = usize::from(particle.is_some());
    let object = phrase_at(rest, object_start)
        .filter(|object| object.is_topic() && !object.is_activity())?;
    // "put the database and the app on one host": a joined object reads badly.
    let joined = rest
        .get(object_start + object.words.len())
        .is_some_and(|next| next.is("and") || next.is("or"));
    if joined {
        return None;
    }
    let definite = object.definite()?;
    let is = if object.is_plural() { "are" } else { "is" };
    let mut said = format!("{is} {definite} {}", participle(verb));
    if let Some(particle) = particle {
        said.push(' ');
        said.push_str(&particle.text);
    }
    let after = say(&rest[object_start + object.words.len()..]);
    said.push(' ');
    said.push_str(&before_degree(&after));
    Some(said)
}

/// Words back to text, aimed at the system: "your deploy tool" → "the deploy tool".
fn say(words: &[Word]) -> String {
    let mut said: Vec<&str> = Vec::with_capacity(words.len());
    let mut index = 0;
    while index < words.len() {
        let word = &words[index];
        let followed_by_noun = words.get(index + 1).is_some();
        if PERSONAL_DETERMINERS.contains(word.lower.as_str()) && followed_by_noun {
            said.push("the");
            if words.get(index + 1).is_some_and(|next| next.is("own")) && index + 2 < words.len() {
                index += 1;
            }
        } else {
            said.push(&word.text);
        }
        index += 1;
    }
    said.join(" ")
}

/// Cuts "set so low" to "set": a how-question asks how, not how much.
fn before_degree(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let end = words
        .iter()
        .position(|word| matches!(word.to_lowercase().as_str(), "so" | "too" | "such"))
        .unwrap_or(words.len());
    words[..end].join(" ")
}

/// Single spaces, no space before "?", a capital first letter.
fn tidy(text: &str) -> String {
    let mut tidied = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        let punctuation_only = word == "?" || word == ",";
        if !tidied.is_empty() && !punctuation_only {
            tidied.push(' ');
        }
        if tidied.is_empty() {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                tidied.extend(first.to_uppercase());
                tidied.push_str(chars.as_str());
            }
        } else {
            tidied.push_str(word);
        }
    }
    tidied
}

/// Whether a filled template reads as a natural, system-focused question.
fn reads_well(suggestion: &str) -> bool {
    let opener = suggestion.split_whitespace().next().unwrap_or("");
    if !SUGGESTION_OPENERS.contains(&opener)
        || !suggestion.ends_with('?')
        || suggestion.matches('?').count() != 1
    {
        return false;
    }
    let lower = suggestion.to_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-'))
        .collect();
    let is_article = |word: &str| matches!(word, "the" | "a" | "an");
    let doubled = words.windows(2).any(|pair| pair[0] == pair[1]);
    // "What part of the system handles the system?": a long word said twice.
    let repeated = words
        .iter()
        .enumerate()
        .any(|(index, word)| word.len() >= 5 && words[index + 1..].contains(word));
    let clashing_articles = words
        .windows(2)
        .any(|pair| is_article(pair[0]) && is_article(pair[1]));
    let aimed_at_people = words
        .iter()
        .any(|word| matches!(*word, "you" | "your" | "you're" | "yourself" | "y'all"));
    let dangling_end = words.last().is_some_and(|last| {
        is_article(last) || matches!(*last, "to" | "of" | "for" | "and" | "or")
    });
    !doubled
        && !repeated
        && !clashing_articles
        && !aimed_at_people
        && !dangling_end
        && words.len() <= MAX_SUGGESTION_WORDS
}

/// Up to [`MAX_SUGGESTIONS`] rewrites of the question read as `topic`, from
/// `templates` in order, keeping those that read well and that `is_clean`
/// (the checker itself) does not flag.
pub(crate) fn suggest<'a>(
    topic: &Topic,
    templates: impl IntoIterator<Item = &'a Template>,
    is_clean: impl Fn(&str) -> bool,
) -> Vec<String> {
    let slots = Slots::from_topic(topic);
    let mut suggestions: Vec<String> = Vec::with_capacity(MAX_SUGGESTIONS);
    for template in templates {
        if suggestions.len() == MAX_SUGGESTIONS {
            break;
        }
        let Some(suggestion) = template.fill(&slots) else {
            continue;
        };
        if reads_well(&suggestion) && !suggestions.contains(&suggestion) && is_clean(&suggestion) {
            suggestions.push(suggestion);
        }
    }
    suggestions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_must_open_with_a_question_word_and_use_known_slots() {
        assert!(Template::parse("What led to {choice}?").is_ok());
        assert!(Template::parse("Why did {choice}?").is_err());
        assert!(Template::parse("What led to {choice}").is_err());
        assert!(Template::parse("What led to {nonsense}?").is_err());
        assert!(Template::parse("What led to {choice?").is_err());
    }

    #[test]
    fn rejects_unnatural_suggestions() {
        assert!(reads_well("How does the gateway work today?"));
        assert!(!reads_well("How does you work today?"));
        assert!(!reads_well("What led to the the build?"));
        assert!(!reads_well("What led to using using it?"));
        assert!(!reads_well("What part of the system handles the?"));
        assert!(!reads_well("Why is the build slow?"));
    }
}
