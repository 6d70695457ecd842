//! Reading a clause: its subject, auxiliary and predicate.
//!
//! "Why *did you use* a shared database" and "the search index *is rebuilt*
//! every night" both come down to who or what (the subject), what happens
//! (an action or a state), and whether it is negated or proposed. The readers
//! here are forgiving heuristics over word lists, not a grammar of English.

use super::lexicon::{
    Aux, AuxKind, DUMMY_SUBJECTS, EASY_WORDS, NEGATIVE_PEOPLE, NOUN_VERBS, PREDICATE_ADVERBS,
    PREPOSITIONS, THINKING_VERBS, auxiliary, is_adjective, is_determiner, is_people_noun,
    is_person_pronoun,
};
use super::loaded::{skip_fillers, skip_leading, strip_loaded};
use super::morphology::{
    base_of_gerund, base_of_participle, base_of_past, base_of_third_person, is_base_verb,
    is_gerund, is_participle,
};
use super::phrase::NounPhrase;
use super::tokens::Word;
use super::topic::{Predicate, Subject, Topic, after_how};
use super::word_set::{WordSet, word_set};

/// A question that may open with an auxiliary ("Can't you just …"), with
/// "what if" ("What if we just …"), or be a statement ("You should have …").
pub(crate) fn read_question(input: &[Word]) -> Topic {
    let input = skip_fillers(input);
    if input.len() > 1 && input[0].is("how") && !input[1].is("come") {
        return after_how(&input[1..]);
    }
    if let Some(heard) = input
        .windows(2)
        .position(|pair| pair[0].is("heard") && pair[1].is("of"))
    {
        // "Have you ever heard of blue-green deployments?" proposes the thing named.
        let mut topic = Topic::new(
            Subject::Unstated,
            Predicate::Phrase(strip_loaded(&input[heard + 2..]).0),
        );
        topic.proposal = true;
        return topic;
    }
    let what_if = input.len() > 2
        && matches!(input[0].lower.as_str(), "what" | "how")
        && matches!(input[1].lower.as_str(), "if" | "about");
    if what_if {
        let mut topic = read_clause(&input[2..], false);
        topic.proposal = true;
        return topic;
    }
    let (cleaned, proposal_marker) = strip_loaded(input);
    if let [wh, aux_word, rest @ ..] = cleaned.as_slice()
        && matches!(
            wh.lower.as_str(),
            "what" | "which" | "who" | "where" | "when"
        )
        && let Some(aux) = auxiliary(&aux_word.lower)
    {
        // "Who should have caught this?": the wh-word stands where the
        // subject would; "who" asks about people.
        let subject = if wh.is("who") {
            Subject::Person
        } else {
            Subject::Unstated
        };
        return read_after_subject(aux, subject, rest, aux.negative, proposal_marker);
    }
    match cleaned.split_first() {
        Some((first, rest)) => match auxiliary(&first.lower) {
            Some(aux) => read_after_auxiliary(aux, rest, proposal_marker),
            None => read_clause(&cleaned, proposal_marker),
        },
        None => Topic::empty(),
    }
}

/// The part after an opening auxiliary: subject, then what is said of it.
fn read_after_auxiliary(aux: Aux, rest: &[Word], proposal_marker: bool) -> Topic {
    let mut negated = aux.negative;
    let mut rest = rest;
    if rest.first().is_some_and(|word| word.is("not")) {
        negated = true;
        rest = &rest[1..];
    }
    let Some(split) = split_subject(rest, aux.kind) else {
        // "Why have a staging environment …": the auxiliary is the main verb.
        let verb = if aux.kind == AuxKind::Do {
            "do"
        } else {
            "have"
        };
        let predicate = Predicate::Action {
            verb: verb.to_owned(),
            rest: rest.to_vec(),
        };
        return finish(
            Topic::new(Subject::Unstated, predicate),
            negated,
            false,
            aux.past,
        );
    };
    let (subject, subject_negates) = split.subject;
    let predicate_words = &rest[split.predicate_start..];
    let topic = read_after_subject(
        aux,
        subject,
        predicate_words,
        negated || subject_negates,
        proposal_marker,
    );
    through_thinking(topic)
}

/// What follows the subject: "not"/"never" negate, adverbs before a verb are
/// skipped, and a modal with "just" or a perfect ("should have …") proposes.
fn read_after_subject(
    aux: Aux,
    subject: Subject,
    predicate_words: &[Word],
    negated: bool,
    proposal_marker: bool,
) -> Topic {
    let mut negated = negated;
    let mut predicate_words = predicate_words;
    while let Some(first) = predicate_words.first()
        && (first.is("not") || first.is("never"))
    {
        negated = true;
        predicate_words = &predicate_words[1..];
    }
    let predicate_words = skip_adverbs(aux.kind, predicate_words);
    let (predicate, perfect) = read_predicate(aux.kind, predicate_words);
    let proposal = (proposal_marker && (aux.kind == AuxKind::Modal || negated))
        || (perfect && aux.kind == AuxKind::Modal);
    let topic = finish(Topic::new(subject, predicate), negated, proposal, aux.past);
    unwrap_dummy(topic)
}

pub(crate) fn finish(mut topic: Topic, negated: bool, proposal: bool, past: bool) -> Topic {
    topic.negated = negated;
    topic.proposal = proposal;
    topic.past = past;
    topic
}

/// "do you *still* deploy …": adverbs before a verb are dropped so the verb
/// is found; after "is" they stay, as part of the state ("always broken").
fn skip_adverbs(kind: AuxKind, input: &[Word]) -> &[Word] {
    if kind == AuxKind::Be {
        return input;
    }
    let skipped = input
        .iter()
        .take_while(|word| {
            PREDICATE_ADVERBS.contains(word.lower.as_str())
                && !matches!(word.lower.as_str(), "not" | "never" | "so" | "too" | "very")
        })
        .count();
    if skipped < input.len() {
        &input[skipped..]
    } else {
        input
    }
}

struct SubjectSplit {
    /// The subject, and whether it negates the question ("nobody").
    subject: (Subject, bool),
    predicate_start: usize,
}

/// Where the subject after an auxiliary ends and the predicate begins.
/// `None` when no predicate can be found.
fn split_subject(rest: &[Word], kind: AuxKind) -> Option<SubjectSplit> {
    let first = rest.first()?;
    let person = |length: usize, negates: bool| {
        Some(SubjectSplit {
            subject: (Subject::Person, negates),
            predicate_start: length,
        })
    };
    if first.is("no") && rest.get(1).is_some_and(|word| word.is("one")) {
        return person(2, true);
    }
    if first.is("you")
        && rest
            .get(1)
            .is_some_and(|word| matches!(word.lower.as_str(), "guys" | "all" | "folks" | "people"))
    {
        return person(2, false);
    }
    if is_person_pronoun(&first.lower) {
        return person(1, NEGATIVE_PEOPLE.contains(first.lower.as_str()));
    }
    let stand_in = first.is("it")
        || first.is("there")
        || (DUMMY_SUBJECTS.contains(first.lower.as_str())
            && rest
                .get(1)
                .is_none_or(|next| starts_predicate(kind, rest, 1) || next.ends_clause));
    if stand_in {
        let subject = if first.is("there") {
            Subject::There
        } else {
            Subject::Dummy
        };
        return Some(SubjectSplit {
            subject: (subject, false),
            predicate_start: 1,
        });
    }
    let min_length = if is_determiner(&first.lower) || first.lower.ends_with("'s") {
        2
    } else {
        1
    };
    let found = (min_length..rest.len())
        .find(|&index| starts_predicate(kind, rest, index))
        .or_else(|| {
            // Every verb looked like part of a compound: take the first one.
            matches!(kind, AuxKind::Do | AuxKind::Modal)
                .then(|| (min_length..rest.len()).find(|&index| is_base_verb(&rest[index].lower)))
                .flatten()
        });
    // "the token valid for a year": without a clear marker, the word before
    // the first preposition starts the state.
    let before_preposition = rest
        .iter()
        .position(|word| PREPOSITIONS.contains(word.lower.as_str()))
        .filter(|&index| index > min_length)
        .map(|index| index - 1);
    let predicate_start = match (found, kind) {
        (Some(index), _) => index,
        (None, AuxKind::Be) if before_preposition.is_some() => {
            before_preposition.unwrap_or(min_length)
        }
        (None, AuxKind::Be) if rest.len() > min_length => rest.len() - 1,
        (None, AuxKind::Be | AuxKind::Modal) => rest.len().min(min_length),
        (None, AuxKind::Do | AuxKind::Have) => return None,
    };
    Some(SubjectSplit {
        subject: (classify_subject(&rest[..predicate_start]), false),
        predicate_start,
    })
}

/// Whether the predicate can start at `rest[index]`, after an auxiliary of `kind`.
fn starts_predicate(kind: AuxKind, rest: &[Word], index: usize) -> bool {
    let word = rest[index].lower.as_str();
    if PREDICATE_ADVERBS.contains(word) {
        return true;
    }
    match kind {
        AuxKind::Do | AuxKind::Modal => {
            is_base_verb(word) && !is_compound_noun_part(rest, index, true)
        }
        AuxKind::Have => word == "been" || word == "got" || is_participle(word),
        AuxKind::Be => {
            let after_preposition = PREPOSITIONS.contains(rest[index - 1].lower.as_str());
            word == "being"
                || word == "been"
                || is_gerund(word)
                || is_participle(word)
                || is_adjective(word)
                || matches!(
                    word,
                    "in" | "on"
                        | "at"
                        | "behind"
                        | "under"
                        | "over"
                        | "off"
                        | "down"
                        | "up"
                        | "out"
                        | "outside"
                        | "inside"
                        | "within"
                        | "without"
                        | "from"
                        | "per"
                        | "across"
                )
                || (is_determiner(word) && !after_preposition)
        }
    }
}

/// "the *build* cache stores …": a noun-like verb followed by another verb
/// (or by an adverb, "the health *check* always returns") is more likely part
/// of the noun phrase than the predicate. After "does"/"can" only a base form
/// can follow, so only a base form counts as that other verb there.
fn is_compound_noun_part(rest: &[Word], index: usize, after_auxiliary: bool) -> bool {
    NOUN_VERBS.contains(rest[index].lower.as_str())
        && rest.get(index + 1).is_some_and(|next| {
            let next = next.lower.as_str();
            is_base_verb(next)
                || PREDICATE_ADVERBS.contains(next) && next != "not"
                || !after_auxiliary
                    && (auxiliary(next).is_some() || base_of_third_person(next).is_some())
        })
}

fn classify_subject(words: &[Word]) -> Subject {
    match words {
        [] => Subject::Unstated,
        [only] if is_person_pronoun(&only.lower) => Subject::Person,
        [only] if only.is("there") => Subject::There,
        [only] if DUMMY_SUBJECTS.contains(only.lower.as_str()) => Subject::Dummy,
        _ => {
            let phrase = NounPhrase {
                words: words.to_vec(),
            };
            if words.iter().any(|word| is_people_noun(&word.lower)) {
                Subject::Person
            } else {
                Subject::Thing(phrase)
            }
        }
    }
}

/// Reads what follows the subject. Returns the predicate and whether it was a
/// perfect ("should *have caught*").
fn read_predicate(kind: AuxKind, input: &[Word]) -> (Predicate, bool) {
    let word = |index: usize| input.get(index).map(|word| word.lower.as_str());
    let action = |verb: String, from: usize| Predicate::Action {
        verb,
        rest: input[from.min(input.len())..].to_vec(),
    };
    let state = |from: usize| Predicate::State(input[from.min(input.len())..].to_vec());
    let Some(first) = word(0) else {
        return (Predicate::State(Vec::new()), false);
    };
    match kind {
        AuxKind::Do | AuxKind::Modal => match (first, word(1)) {
            ("be", Some(next)) if is_gerund(next) && next != "being" => {
                (action(base_of_gerund(next), 2), false)
            }
            ("be", _) => (state(1), false),
            ("have", Some("been")) => (state(2), true),
            ("have", Some(next)) if is_participle(next) => {
                (action(base_of_participle(next), 2), true)
            }
            // "should have load tested": a one-word modifier before the participle.
            ("have", Some(modifier))
                if word(2).is_some_and(is_participle) && !is_determiner(modifier) =>
            {
                let participle = word(2).unwrap_or_default();
                (
                    action(format!("{modifier} {}", base_of_participle(participle)), 3),
                    true,
                )
            }
            ("get", Some(next)) if is_participle(next) => (state(1), false),
            _ => (action(base_form(first), 1), false),
        },
        AuxKind::Be => match (first, word(1)) {
            ("being", _) => (state(1), false),
            _ if is_gerund(first) => (action(base_of_gerund(first), 1), false),
            // "is *still* running": the adverb goes, the action stays.
            (adverb, Some(next)) if is_gerund(next) && STATE_ADVERBS.contains(adverb) => {
                (action(base_of_gerund(next), 2), false)
            }
            _ => (state(0), false),
        },
        AuxKind::Have => match (first, word(1)) {
            ("been", Some(next)) if is_gerund(next) => (action(base_of_gerund(next), 2), true),
            ("been", _) => (state(1), true),
            ("got" | "gotten", _) => (action("have".to_owned(), 1), true),
            _ if is_participle(first) => (action(base_of_participle(first), 1), true),
            _ => (action("have".to_owned(), 0), false),
        },
    }
}

/// "Don't you think the thresholds are too low?" is about the thresholds:
/// a thinking verb's clause replaces the question around it.
fn through_thinking(topic: Topic) -> Topic {
    let Predicate::Action { verb, rest } = &topic.predicate else {
        return topic;
    };
    if !THINKING_VERBS.contains(verb.as_str()) || rest.len() < 2 {
        return topic;
    }
    let clause = skip_leading(rest, &["that"]);
    let inner = read_clause(clause, false);
    match inner.predicate {
        Predicate::Phrase(_) => topic,
        _ => inner,
    }
}

/// Adverbs that may stand between "is" and a gerund.
#[rustfmt::skip]
static STATE_ADVERBS: WordSet = word_set![
    "still", "always", "constantly", "now", "currently", "only", "also", "really",
];

/// The base form of a verb met after a subject: "retries" → "retry".
fn base_form(word: &str) -> String {
    if is_base_verb(word) {
        return word.to_owned();
    }
    base_of_third_person(word)
        .or_else(|| base_of_past(word))
        .unwrap_or_else(|| word.to_owned())
}

/// "Wouldn't it be simpler to buy a bigger machine?" is about buying a
/// bigger machine; "Isn't it obvious that the queue needs …" is about the queue.
fn unwrap_dummy(topic: Topic) -> Topic {
    let (Subject::Dummy, Predicate::State(state)) = (&topic.subject, &topic.predicate) else {
        return topic;
    };
    if state.first().is_some_and(|word| word.is("that")) {
        // "Why is it that the cron jobs overlap …": the question is the clause.
        return read_clause(&state[1..], false);
    }
    if state.first().is_some_and(|word| is_determiner(&word.lower)) {
        // "Isn't it [obvious] the retries are making it worse?": a clause.
        let inner = read_clause(state, false);
        let clause = matches!(inner.subject, Subject::Thing(_))
            && !matches!(inner.predicate, Predicate::Phrase(_));
        return if clause { inner } else { topic };
    }
    let opener = state
        .iter()
        .take(4)
        .position(|word| word.is("to") || word.is("that"));
    let easy = state
        .iter()
        .take(opener.unwrap_or(2))
        .any(|word| EASY_WORDS.contains(word.lower.as_str()) || is_adjective(&word.lower));
    match opener {
        Some(index) if state[index].is("to") && index + 1 < state.len() => {
            let mut inner = action_from(Subject::Unstated, &state[index + 1..]);
            inner.proposal = easy || topic.negated;
            inner.past = topic.past;
            inner
        }
        Some(index) if state[index].is("that") => read_clause(&state[index + 1..], false),
        _ if easy && state.len() > 2 => {
            let inner = read_clause(&state[1..], false);
            if matches!(inner.subject, Subject::Thing(_)) {
                inner
            } else {
                topic
            }
        }
        _ => topic,
    }
}

/// A verb phrase with no subject of its own: "shard the queue by tenant".
pub(crate) fn action_from(subject: Subject, input: &[Word]) -> Topic {
    if input.is_empty() {
        return Topic::new(subject, Predicate::Phrase(Vec::new()));
    }
    let (predicate, _) = read_predicate(AuxKind::Modal, input);
    Topic::new(subject, predicate)
}

/// A statement: "the search index is rebuilt every night", "you disabled the
/// health checks", or just a phrase ("the second message broker").
pub(crate) fn read_clause(input: &[Word], carried_marker: bool) -> Topic {
    let (cleaned, stripped_marker) = strip_loaded(skip_fillers(input));
    let proposal_marker = carried_marker || stripped_marker;
    let Some(first) = cleaned.first() else {
        return Topic::empty();
    };
    if let Some(aux) = auxiliary(&first.lower) {
        return read_after_auxiliary(aux, &cleaned[1..], proposal_marker);
    }
    let (subject_end, verb_index) = if first.is("no") && cleaned.get(1).is_some_and(|w| w.is("one"))
    {
        (2, Some(2))
    } else if is_person_pronoun(&first.lower)
        || DUMMY_SUBJECTS.contains(first.lower.as_str())
            && cleaned.len() > 1
            && finite_verb_at(&cleaned, 1)
    {
        (1, Some(1))
    } else if is_gerund(&first.lower)
        && let Some(aux_index) = cleaned.iter().position(|w| auxiliary(&w.lower).is_some())
    {
        // "storing secrets in environment files was fine": a gerund subject
        // runs up to the auxiliary, whatever verb-like nouns it holds.
        (aux_index, Some(aux_index))
    } else {
        let min_length = if is_determiner(&first.lower) { 2 } else { 1 };
        let found = (min_length..cleaned.len()).find(|&index| finite_verb_at(&cleaned, index));
        (found.unwrap_or(cleaned.len()), found)
    };
    let Some(verb_index) = verb_index.filter(|&index| index < cleaned.len()) else {
        return Topic::new(Subject::Unstated, Predicate::Phrase(cleaned));
    };
    let subject_words = &cleaned[..subject_end];
    let negates = subject_words
        .first()
        .is_some_and(|word| NEGATIVE_PEOPLE.contains(word.lower.as_str()) || word.is("no"));
    let verb = &cleaned[verb_index];
    if let Some(aux) = auxiliary(&verb.lower) {
        let subject = classify_subject(subject_words);
        let after = &cleaned[verb_index + 1..];
        let mut topic = read_after_subject(aux, subject, after, aux.negative, proposal_marker);
        topic.negated |= negates;
        return topic;
    }
    let mut subject = classify_subject(subject_words);
    if negates {
        subject = Subject::Person;
    }
    let past = base_of_past(&verb.lower).is_some() && !is_base_verb(&verb.lower);
    let after = &cleaned[verb_index + 1..];
    let predicate = match after.first() {
        Some(next) if verb.is("gets") || verb.is("get") || verb.is("got") => {
            if is_participle(&next.lower) {
                Predicate::State(after.to_vec())
            } else {
                Predicate::Action {
                    verb: "get".to_owned(),
                    rest: after.to_vec(),
                }
            }
        }
        _ => Predicate::Action {
            verb: base_form(&verb.lower),
            rest: after.to_vec(),
        },
    };
    finish(
        Topic::new(subject, predicate),
        negates,
        proposal_marker,
        past,
    )
}

/// Whether `input[index]` is the finite verb of a statement whose subject
/// is everything before it.
fn finite_verb_at(input: &[Word], index: usize) -> bool {
    let word = input[index].lower.as_str();
    if auxiliary(word).is_some() {
        return true;
    }
    let previous = input[index - 1].lower.as_str();
    // "the *logs*": right after a determiner an -s word is a plural noun.
    let third_person = base_of_third_person(word).is_some() && !is_determiner(previous);
    // A bare base form needs a plural subject: "the cron jobs *run*", not
    // "the serialization *format*".
    let plural_subject = previous.ends_with('s') && !previous.ends_with("ss");
    let base = is_base_verb(word) && plural_subject;
    let finite = third_person || base_of_past(word).is_some() || base;
    finite && !is_compound_noun_part(input, index, false) && previous != "of"
}
