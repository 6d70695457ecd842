//! Reading a flagged question for what a rewrite can keep: the thing it is
//! about, what it says is missing, the action it proposes or questions, and
//! the state it complains of.
//!
//! Everything here is conservative: a phrase is only taken when every word of
//! it can be vouched for (a noun phrase ends at the first word that is not
//! plainly part of one), and a rewrite that needs a phrase the question does
//! not cleanly give is not made. A plainer rewrite is better than a wrong one.

use super::lexicon::{
    ADJECTIVES, AUXILIARIES, CLOSED, CONTROL_VERBS, DEFINITE, EMPTY_VERBS, GENERIC_HEADS,
    INDEFINITE, JUDGEMENT, KEPT_DETERMINERS, LY_NOT_ADVERBS, MASS_NOUNS, NEUTRAL_STATES,
    NOT_TOPICS, NOUN_VERBS, PARTICLES, PEOPLE, PLURAL_DETERMINERS, PP_PREPOSITIONS, PRODUCTS,
    SARCASTIC_PRAISE, SINGULAR_S, VERB_ADVERBS, VERB_THIRD_PERSON, VERDICT_MODIFIERS,
    expects_base_verb,
};
use super::morphology::{
    Form, base_of, is_form, is_verb_form, looks_like_gerund, looks_like_participle,
};
use super::tokens::Word;

/// The longest noun phrase body a rewrite will carry.
const MAX_PHRASE_WORDS: usize = 5;

/// How a noun phrase was introduced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Det {
    /// "the", "your", "this": something known.
    Definite,
    /// "a", "another", "some": something introduced.
    Indefinite,
    /// No determiner: a name, a plural, a mass noun.
    Bare,
}

/// A noun phrase taken from the question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Phrase {
    pub det: Det,
    /// The determiner as a rewrite would write it when keeping the phrase's own
    /// reading ("a", "every"; "your" becomes "the"), if any.
    kept_det: Option<String>,
    /// The words after the determiner, as written.
    pub body: Vec<String>,
    pub plural: bool,
    /// A mass noun or a name: reads without "a".
    pub bare_ok: bool,
    /// Index one past the phrase's last word in the question.
    pub end: usize,
    /// A part of the system (not a time: "on Fridays" can end an action but is no topic).
    pub topic: bool,
    pub start: usize,
}

impl Phrase {
    fn body_text(&self) -> String {
        self.body.join(" ")
    }

    /// Something that exists: "the shared database", "Kafka", "manual deploys".
    pub fn definite(&self) -> String {
        if let Some(det) = &self.kept_det {
            // "every deploy" is asked about as "the deploy": "How does every deploy
            // work" reads badly, and the question is about the deploy process.
            if det
                .split_whitespace()
                .next()
                .is_some_and(|det| matches!(det, "every" | "each" | "all" | "both"))
            {
                return format!("the {}", self.body_text());
            }
            // "a single region" is "the single region" once it exists.
            if det.ends_with("single") {
                return format!("the single {}", self.body_text());
            }
        }
        // "your own Kafka", "the Redis": a product is named without "the".
        let product = self.is_product();
        match self.det {
            Det::Definite if product => self.body_text(),
            Det::Bare if self.bare_ok || self.plural => self.body_text(),
            _ => format!("the {}", self.body_text()),
        }
    }

    /// A product named by itself ("Vault", "Kafka"): its design is not the team's.
    pub fn is_product(&self) -> bool {
        // "Python 2", "Java 8": a name and its version.
        let versioned = self.body.len() == 2
            && self.body[1].starts_with(|c: char| c.is_ascii_digit())
            && self.body[1].chars().all(|c| c.is_ascii_digit() || c == '.')
            && self.body[0].starts_with(char::is_uppercase);
        versioned
            || self.body.len() == 1 && {
                let word = &self.body[0];
                let lower = word.to_lowercase();
                PRODUCTS.contains(&lower)
                    || self.bare_ok
                        && !MASS_NOUNS.contains(&lower)
                        && word.chars().next().is_some_and(char::is_uppercase)
                        && word.chars().skip(1).all(char::is_lowercase)
            }
    }

    /// Something that does not exist yet: "a read replica", "retries", "monitoring".
    pub fn indefinite(&self) -> String {
        if self.plural || self.bare_ok {
            return self.body_text();
        }
        let body = self.body_text();
        format!("{} {body}", a_or_an(&body))
    }

    /// As the question put it, aimed at the system ("your cache" → "the cache").
    pub fn as_written(&self) -> String {
        match &self.kept_det {
            Some(det) => format!("{det} {}", self.body_text()),
            // "turn autovacuum back on": written bare, it is a name or a mass.
            None if self.det == Det::Bare => self.body_text(),
            None => self.definite(),
        }
    }
}

/// "a" or "an" by the sound of the next word: "an SLO", "a user", "an hour".
pub(crate) fn a_or_an(next: &str) -> &'static str {
    let first_word = next.split_whitespace().next().unwrap_or("");
    let lower = first_word.to_lowercase();
    let letters: Vec<char> = first_word.chars().collect();
    let is_acronym = letters.len() >= 2
        && letters
            .iter()
            .take(2)
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    let vowel_sound = if is_acronym {
        // Letters whose names start with a vowel sound: "an SLO", "an HTTP call".
        matches!(
            letters[0],
            'A' | 'E' | 'F' | 'H' | 'I' | 'L' | 'M' | 'N' | 'O' | 'R' | 'S' | 'X'
        )
    } else if lower.starts_with("uni")
        || lower.starts_with("use")
        || lower.starts_with("usa")
        || lower.starts_with("eu")
        || lower.starts_with("one")
        || lower.starts_with("ur")
    {
        false
    } else {
        lower.starts_with(['a', 'e', 'i', 'o', 'u']) || lower.starts_with("hour")
    };
    if vowel_sound { "an" } else { "a" }
}

/// A verb and what it acts on, as a proposal or a past action by people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Action {
    /// The verb's base form.
    pub verb: String,
    /// The verb as written, in case it is not a listed verb.
    pub written: String,
    /// Whether `written` is already the base form.
    pub written_is_base: bool,
    pub particle: Option<String>,
    pub object: Phrase,
    /// A particle after the object: "turn autovacuum *back on*".
    pub particle_after: Option<String>,
    /// One prepositional phrase after the object: "for the queue".
    pub tail: Option<(String, Phrase)>,
}

impl Action {
    fn rest(&self) -> String {
        let mut rest = String::new();
        if let Some(particle) = &self.particle {
            rest.push_str(particle);
            rest.push(' ');
        }
        rest.push_str(&self.object.as_written());
        if let Some(particle) = &self.particle_after {
            rest.push(' ');
            rest.push_str(particle);
        }
        if let Some((preposition, phrase)) = &self.tail {
            rest.push(' ');
            rest.push_str(preposition);
            rest.push(' ');
            rest.push_str(&phrase.as_written());
        }
        rest
    }

    /// "use Postgres for the queue" (only from a listed verb or a base form as written).
    pub fn base(&self) -> Option<String> {
        let verb = if super::morphology::is_known_base(&self.verb) {
            self.verb.clone()
        } else if self.written_is_base {
            self.written.clone()
        } else {
            return None;
        };
        Some(format!("{verb} {}", self.rest()))
    }

    /// "using Postgres for the queue" (only from a listed verb).
    pub fn gerund(&self) -> Option<String> {
        super::morphology::is_known_base(&self.verb)
            .then(|| format!("{} {}", super::morphology::gerund(&self.verb), self.rest()))
    }

    /// "tested" (only from a listed verb).
    pub fn participle(&self) -> Option<String> {
        super::morphology::is_known_base(&self.verb).then(|| {
            let mut done = super::morphology::participle(&self.verb);
            if let Some(particle) = &self.particle
                && matches!(
                    particle.as_str(),
                    "off" | "on" | "up" | "out" | "back" | "down"
                )
            {
                done.push(' ');
                done.push_str(particle);
            }
            done
        })
    }
}

/// What a rewrite can use from a question.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Reading {
    /// The part of the system the question is about.
    pub thing: Option<Phrase>,
    /// What the question says is not there ("no runbook").
    pub missing: Option<Phrase>,
    /// An action by people, proposed or questioned.
    pub action: Option<Action>,
    /// A neutral adjective for the thing's state ("slow").
    pub state: Option<String>,
    /// The state was asked of in the past ("why *were* the backups empty").
    pub past: bool,
    /// What is done to the thing ("set to unlimited", true) or what it is doing
    /// ("hitting the database", false), after "why is/was <thing>".
    pub being: Option<(String, bool)>,
    /// Something the question brings in ("you need *a circuit breaker*"): not
    /// known to exist, so never `thing`.
    pub new_thing: Option<Phrase>,
    /// The action did not happen, or is only proposed ("never wrote",
    /// "why not add"): no rewrite may say what led to it.
    pub not_done: bool,
    /// What something is still on ("still on *Java 8*", "still using *cron*").
    pub still_on: Option<Phrase>,
    /// An event the question names ("the DNS outage"), as a rewrite writes it.
    pub event: Option<String>,
    /// What the thing does, as the question put it after "does/did <thing>":
    /// "restart every night at 2am", and whether it was asked in the past.
    pub predicate: Option<(String, bool)>,
    /// Where the missing thing would be: "the GraphQL layer" in "no request
    /// hedging on the GraphQL layer", "the service" in "a service with no runbook".
    pub host: Option<Phrase>,
    /// The line's subject is people ("you obviously didn't …", "someone set …").
    pub by_people: bool,
}

/// Reads `words` from the word at `trigger` on (the word the finding starts at).
pub(crate) fn read(words: &[Word], trigger: usize) -> Reading {
    // A finding inside a phrase ("the *legacy* importer") reads from its start.
    let mut trigger = trigger.min(words.len().saturating_sub(1));
    // "the monitoring *strategy is …*": back to the noun phrase's first word.
    while trigger > 0
        && phrase_word(&words[trigger])
        && !words[trigger - 1].ends_clause
        && phrase_word(&words[trigger - 1])
        && !verb_only(&words[trigger - 1].lower)
    {
        trigger -= 1;
    }
    while trigger > 0
        && !words[trigger - 1].ends_clause
        && (DEFINITE.contains(&words[trigger - 1].lower) && words[trigger - 1].lower != "that"
            || INDEFINITE.contains(&words[trigger - 1].lower) && !words[trigger - 1].is("no"))
    {
        trigger -= 1;
    }
    let mut reading = Reading {
        missing: find_missing(words, trigger),
        ..Reading::default()
    };
    let mut index = trigger;
    // Past the question's opening: why-words, interjections, auxiliaries, people.
    // "Someone *clearly* didn't read …": the subject can come before the finding.
    let mut person_subject = trigger > 0
        && !words[trigger - 1].ends_clause
        && PEOPLE.contains(&words[trigger - 1].lower);
    let mut aux_before_subject = None;
    while index < words.len() {
        let lower = words[index].lower.as_str();
        if DEFINITE.contains(lower) && next_is_people_within(words, index) {
            // "the platform team": straight to the people.
            person_subject = true;
            index = (index + 1..words.len())
                .find(|&at| PEOPLE.contains(&words[at].lower))
                .unwrap_or(index);
        } else if PEOPLE.contains(lower) {
            person_subject = true;
        } else if AUXILIARIES.contains(lower) {
            if !person_subject && aux_before_subject.is_none() {
                aux_before_subject = Some(lower.to_owned());
            }
        } else {
            // Determiners start the subject ("why is *the* build …"), except
            // in "any particular reason" and the conjunction "that".
            let before_people = words
                .get(index + 1)
                .is_some_and(|next| PEOPLE.contains(&next.lower));
            let determiner = (DEFINITE.contains(lower) || INDEFINITE.contains(lower))
                && !next_is_reason(words, index)
                && !before_people
                && !at_all(words, index)
                && lower != "that";
            let skippable = at_all(words, index)
                || lower == "at" && words.get(index + 1).is_some_and(|next| next.is("all"))
                || CLOSED.contains(lower)
                || JUDGEMENT.contains(lower)
                || skippable_opener(lower)
                || INDEFINITE.contains(lower) && next_is_reason(words, index);
            if determiner || !skippable {
                break;
            }
        }
        index += 1;
        if person_subject && !at_people(words, index) {
            break;
        }
    }
    while index < words.len()
        && (VERB_ADVERBS.contains(&words[index].lower) || AUXILIARIES.contains(&words[index].lower))
    {
        index += 1;
    }
    reading.by_people = person_subject;
    if index >= words.len() {
        reading.thing = first_phrase(words, trigger, &reading.missing)
            .or_else(|| first_phrase(words, 0, &reading.missing));
        return reading;
    }
    let after_marker = index > 0
        && matches!(
            words[index - 1].lower.as_str(),
            "not" | "just" | "simply" | "merely" | "to" | "instead" | "let's" | "lets"
        );
    if after_marker && is_form(&words[index].lower, Form::Base) {
        // "why not shard by …", "just use …": a proposal, not a subject.
        reading.action = action_at(words, index);
    }
    // "just copy what …": after "just" a base verb is an order, never the subject.
    let imperative = index > 0
        && matches!(words[index - 1].lower.as_str(), "just" | "simply")
        && (index == 1 || words[index - 2].ends_clause)
        && !DEFINITE.contains(&words[index].lower)
        && !INDEFINITE.contains(&words[index].lower)
        && !PEOPLE.contains(&words[index].lower);
    let ordered_verb = after_marker && is_form(&words[index].lower, Form::Base) || imperative;
    if reading.action.is_some() || ordered_verb {
    } else if !person_subject {
        // A why-question about a thing: its subject is the thing, and what follows the
        // verb is the state it is in.
        let verb_expected = aux_before_subject.as_deref().is_some_and(expects_base_verb);
        let progressive_expected = aux_before_subject
            .as_deref()
            .is_some_and(|aux| matches!(aux, "is" | "are" | "was" | "were" | "isn't" | "aren't"));
        if let Some(mut subject) = phrase_at(words, index, verb_expected) {
            // Only after a plain "do/does/did": "why didn't the pipeline catch it"
            // must not become "What makes the pipeline catch it?".
            let plain_do = matches!(aux_before_subject.as_deref(), Some("do" | "does" | "did"));
            if plain_do {
                reading.predicate = predicate_after(words, subject.end)
                    .map(|said| (said, aux_before_subject.as_deref() == Some("did")));
            }
            reading.past = matches!(aux_before_subject.as_deref(), Some("was" | "were"))
                || words
                    .get(subject.end)
                    .is_some_and(|next| matches!(next.lower.as_str(), "was" | "were"));
            // "why is the checkout service *talking* to …": the verb, not a noun.
            if progressive_expected
                && subject.body.len() > 1
                && looks_like_gerund(&subject.body[subject.body.len() - 1].to_lowercase())
            {
                subject.body.pop();
                subject.end -= 1;
                subject.plural = is_plural(&subject.body[subject.body.len() - 1]);
            }
            let after = subject.end;
            reading.state = state_after(words, after);
            // "why was the budget *set to unlimited*", "why is the check *hitting
            // the database*": what happens to or is done by the thing.
            if progressive_expected && !negative_aux(aux_before_subject.as_deref()) {
                reading.being = words.get(after).and_then(|first| {
                    let lower = first.lower.as_str();
                    let participle = is_form(lower, Form::Participle)
                        || looks_like_participle(lower) && !NOUN_VERBS.contains(lower);
                    let gerund = is_form(lower, Form::Gerund);
                    let said = plain_clause(words, after, 10)?;
                    if participle && !gerund {
                        Some((said, true))
                    } else if gerund {
                        Some((said, false))
                    } else {
                        None
                    }
                });
            }
            reading.thing = Some(subject);
            if reading
                .missing
                .as_ref()
                .is_some_and(|m| Some(m.start) == reading.thing.as_ref().map(|t| t.start))
            {
                reading.thing = None;
            }
        }
        if reading.thing.is_none() {
            reading.action = action_at(words, index);
        }
    } else {
        reading.action = action_at(words, index);
    }
    // "Bold move, caching authenticated responses at the edge": a clause that
    // opens with a gerund and its object says what was done.
    if reading.action.is_none()
        && let Some(action) = (0..words.len())
            .filter(|&at| at == 0 || words[at - 1].ends_clause)
            .filter(|&at| is_form(&words[at].lower, Form::Gerund))
            .find_map(|at| action_at(words, at).filter(|action| action.object.topic))
    {
        if reading.thing.as_ref().is_some_and(|thing| {
            thing.start < action.object.start
                && thing.end > action.object.start - 1 - usize::from(action.particle.is_some())
        }) {
            reading.thing = None;
        }
        reading.action = Some(action);
    }
    if reading.action.is_none() && reading.thing.is_none() {
        reading.action = action_after_when(words, trigger)
            .or_else(|| first_infinitive(words, trigger))
            .or_else(|| first_gerund(words, trigger));
    }
    let before_verb = &words[trigger..index.min(words.len())];
    let have_to = before_verb.windows(2).any(|pair| {
        matches!(
            pair[0].lower.as_str(),
            "have" | "has" | "need" | "needs" | "got"
        ) && pair[1].is("to")
    });
    let proposing_marker = index > 0
        && index < words.len()
        && matches!(
            words[index - 1].lower.as_str(),
            "not" | "just" | "simply" | "merely" | "instead" | "let's" | "lets"
        );
    // "Put a timeout on the call.": a sentence that opens with a verb orders it.
    let imperative_start = reading.action.as_ref().is_some_and(|action| {
        let verb_at = action.object.start - 1 - usize::from(action.particle.is_some());
        (verb_at == 0 || words[verb_at - 1].ends_clause)
            && is_form(&words[verb_at].lower, Form::Base)
    });
    let proposed = proposing_marker
        || imperative_start
        || have_to
        || before_verb.iter().any(|word| {
            matches!(
                word.lower.as_str(),
                "not"
                    | "never"
                    | "gotta"
                    | "must"
                    | "just"
                    | "simply"
                    | "instead"
                    | "should"
                    | "could"
                    | "can't"
                    | "couldn't"
                    | "wouldn't"
                    | "shouldn't"
                    | "don't"
                    | "doesn't"
                    | "won't"
                    | "didn't"
                    | "haven't"
                    | "hasn't"
                    | "aren't"
                    | "isn't"
            )
        });
    // "I can't believe you're still deploying …": the negative is the speaker's
    // disbelief, and "still" says the action goes on; neither proposes it.
    let disbelief = words[trigger..(index + 1).min(words.len())]
        .windows(2)
        .any(|pair| {
            matches!(
                pair[0].lower.as_str(),
                "can't" | "cannot" | "don't" | "didn't" | "couldn't"
            ) && matches!(
                pair[1].lower.as_str(),
                "believe" | "understand" | "get" | "see" | "think" | "know"
            )
        });
    let ongoing = reading.action.as_ref().is_some_and(|action| {
        let verb_at = action.object.start - 1 - usize::from(action.particle.is_some());
        verb_at > 0 && words[verb_at - 1].is("still")
    });
    // "who was supposed to renew the certificate", "you forgot to rotate the
    // keys": the action was due and did not happen.
    let missed = reading.action.as_ref().is_some_and(|action| {
        let verb_at = action.object.start - 1 - usize::from(action.particle.is_some());
        words[trigger.min(verb_at)..verb_at]
            .iter()
            .rev()
            .take(3)
            .any(|word| {
                matches!(
                    word.lower.as_str(),
                    "supposed"
                        | "meant"
                        | "forgot"
                        | "forgotten"
                        | "failed"
                        | "neglected"
                        | "promised"
                        | "bother"
                        | "bothers"
                        | "bothered"
                )
            })
    });
    // "they should never have given the bot admin": it was done, and is regretted.
    let regretted = before_verb.iter().enumerate().any(|(at, word)| {
        (word.is("shouldn't")
            || word.is("should")
                && before_verb
                    .get(at + 1)
                    .is_some_and(|next| next.is("never") || next.is("not")))
            && before_verb[at..].iter().any(|later| later.is("have"))
    });
    // "why didn't you ask anyone before rewriting the logic": the rewrite happened.
    let done_around = reading.action.as_ref().is_some_and(|action| {
        let verb_at = action.object.start - 1 - usize::from(action.particle.is_some());
        verb_at > 0
            && matches!(
                words[verb_at - 1].lower.as_str(),
                "before" | "after" | "while" | "by" | "when"
            )
            && words[trigger.min(verb_at)..verb_at].iter().any(|word| {
                matches!(
                    word.lower.as_str(),
                    "didn't" | "did" | "hadn't" | "wasn't" | "weren't"
                )
            })
    });
    reading.not_done = (proposed || missed) && !disbelief && !ongoing && !regretted && !done_around;
    reading.host = reading
        .missing
        .as_ref()
        .and_then(|missing| host_of(words, missing));
    reading.still_on = still_on(words, trigger);
    reading.event = event(words);
    if reading.thing.is_none() {
        let object = reading
            .action
            .as_ref()
            .map(|action| action.object.clone())
            .filter(|object| object.topic)
            .filter(|object| {
                reading
                    .missing
                    .as_ref()
                    .is_none_or(|m| m.start != object.start)
            });
        match object {
            Some(object) if proposed && object.det == Det::Indefinite => {
                reading.new_thing = Some(object);
            }
            Some(object) => reading.thing = Some(object),
            None => {
                // "This schema was *obviously* designed in an afternoon": the
                // subject comes before the finding.
                let wrap = 0..trigger;
                // "copied this from Stack Overflow": where work was copied from is
                // no part of the system.
                let copied = words.iter().any(|word| {
                    matches!(
                        base_of(&word.lower),
                        Some("copy" | "paste" | "steal" | "borrow" | "lift")
                    )
                });
                // "This schema was obviously …": the subject of the finding's clause,
                // before it, is what the line is about.
                let subject_before = subject_before(words, trigger);
                let candidates = subject_before
                    .into_iter()
                    .chain(trigger..words.len())
                    .chain(wrap)
                    .filter(|&start| !(ordered_verb && start == index))
                    .filter(|&start| !(copied && start > 0 && words[start - 1].is("from")))
                    .filter_map(|start| starting_phrase(words, start, &reading.missing));
                // "you need a circuit breaker": brought in, not there yet.
                let wanted = words.iter().any(|word| {
                    matches!(
                        word.lower.as_str(),
                        "need"
                            | "needs"
                            | "want"
                            | "wants"
                            | "add"
                            | "introduce"
                            | "consider"
                            | "try"
                            | "buy"
                            | "get"
                    )
                });
                for phrase in candidates {
                    if phrase.det == Det::Indefinite && (proposed || wanted) {
                        reading.new_thing.get_or_insert(phrase);
                    } else {
                        reading.thing = Some(phrase);
                        break;
                    }
                }
            }
        }
    }
    reading
}

/// Where the subject of the clause the finding is in starts, when it comes
/// before the finding and is a noun phrase followed by its verb: "*the
/// gateway config* is obviously copy-pasted …".
fn subject_before(words: &[Word], trigger: usize) -> Option<usize> {
    let clause_start = (0..trigger)
        .rev()
        .find(|&at| words[at].ends_clause)
        .map_or(0, |at| at + 1);
    (clause_start..trigger).find(|&start| {
        phrase_at(words, start, false).is_some_and(|phrase| {
            phrase.topic
                && phrase.end <= trigger
                && words.get(phrase.end).is_some_and(|verb| {
                    AUXILIARIES.contains(&verb.lower)
                        || VERB_THIRD_PERSON.contains(&verb.lower)
                        || VERB_ADVERBS.contains(&verb.lower)
                })
                && !words[phrase.end - 1].ends_clause
        })
    })
}

/// Where the missing thing would be: the phrase after it ("no retries *on the
/// gateway*") or the one it is said of ("*the cron job* has no logging", "*a
/// service* with no runbook").
fn host_of(words: &[Word], missing: &Phrase) -> Option<Phrase> {
    let after = words.get(missing.end).filter(|preposition| {
        !words[missing.end - 1].ends_clause
            && !preposition.ends_clause
            && matches!(
                preposition.lower.as_str(),
                "on" | "in" | "for" | "to" | "at" | "across" | "between" | "around" | "inside"
            )
    });
    // "shipping without a rollback": an activity is no place to add a thing to.
    let a_place = |host: &Phrase| {
        host.topic && !looks_like_gerund(&host.body[host.body.len() - 1].to_lowercase())
    };
    if after.is_some()
        && let Some(host) = phrase_at(words, missing.end + 1, false).filter(a_place)
    {
        return Some(host);
    }
    let mut link = missing.start;
    while link > 0
        && !words[link - 1].ends_clause
        && matches!(
            words[link - 1].lower.as_str(),
            "with"
                | "without"
                | "has"
                | "have"
                | "had"
                | "no"
                | "lacks"
                | "lack"
                | "lacking"
                | "doesn't"
                | "don't"
                | "didn't"
                | "does"
                | "do"
                | "not"
                | "any"
                | "a"
                | "an"
                | "still"
                | "got"
                | "zero"
                | "of"
                | "having"
                | "is"
                | "are"
                | "was"
                | "were"
        )
    {
        link -= 1;
    }
    if link == missing.start || link == 0 || words[link - 1].ends_clause {
        return None;
    }
    (link.saturating_sub(MAX_PHRASE_WORDS + 2)..link)
        .filter_map(|start| phrase_at(words, start, false))
        .find(|host| host.end == link && a_place(host))
}

fn negative_aux(aux: Option<&str>) -> bool {
    aux.is_some_and(|aux| aux.ends_with("n't") || aux.ends_with("nt"))
}

/// The rest of the clause after the subject of "why does <thing> …": "restart
/// every night at 2am". Only a plain one: a base verb first, at most eight
/// words, none of them about people or judging them.
fn predicate_after(words: &[Word], start: usize) -> Option<String> {
    let first = words.get(start)?;
    if !is_form(&first.lower, Form::Base) || EMPTY_VERBS.contains(&first.lower) && !first.is("need")
    {
        return None;
    }
    plain_clause(words, start, 8)
}

/// The words from `start` to the end of the clause, as written, when there
/// are at most `most` of them and none is about people or judging them.
fn plain_clause(words: &[Word], start: usize, most: usize) -> Option<String> {
    let end = (start..words.len())
        .find(|&at| words[at].ends_clause)
        .map_or(words.len(), |at| at + 1);
    if end <= start || end - start > most {
        return None;
    }
    let said = &words[start..end];
    let plain = said.iter().all(|word| {
        !PEOPLE.contains(&word.lower)
            && !JUDGEMENT.contains(&word.lower)
            && !matches!(
                word.lower.as_str(),
                "just" | "even" | "still" | "always" | "never" | "so" | "really" | "ever"
            )
            && word
                .text
                .chars()
                .all(|c| c.is_alphanumeric() || "-./%'".contains(c))
    });
    plain.then(|| {
        said.iter()
            .enumerate()
            .map(|(offset, word)| spelled(words, start + offset, word))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// "the DNS outage", "last week's incident": an event named in the question.
/// Events are no topic ("How does the outage work?" says nothing), but "What
/// led to the DNS outage?" asks the right thing.
fn event(words: &[Word]) -> Option<String> {
    let at = words.iter().position(|word| {
        matches!(
            word.lower.as_str(),
            "outage"
                | "outages"
                | "incident"
                | "incidents"
                | "failure"
                | "failures"
                | "breakage"
                | "downtime"
                | "regression"
                | "regressions"
                | "breach"
                | "loss"
                | "leak"
        )
    })?;
    let mut start = at;
    while start > 0
        && at - start < 3
        && !words[start - 1].ends_clause
        && phrase_word(&words[start - 1])
        && !verb_only(&words[start - 1].lower)
        && !NOT_TOPICS.contains(&words[start - 1].lower)
    {
        start -= 1;
    }
    let det = start.checked_sub(1).map(|index| &words[index])?;
    if det.ends_clause
        || !matches!(
            det.lower.as_str(),
            "the" | "this" | "that" | "your" | "our" | "their" | "last" | "yesterday's" | "another"
        )
    {
        return None;
    }
    let body: Vec<String> = (start..=at)
        .map(|index| spelled(words, index, &words[index]))
        .collect();
    // "another outage": one more, so the latest.
    let det = if det.is("another") {
        "the latest"
    } else {
        "the"
    };
    Some(format!("{det} {}", body.join(" ")))
}

/// The phrase after "still on", "still using", "still running" …
fn still_on(words: &[Word], from: usize) -> Option<Phrase> {
    (from..words.len().saturating_sub(2)).find_map(|at| {
        let linked = words[at].is("still")
            && !words[at].ends_clause
            && matches!(
                words[at + 1].lower.as_str(),
                "on" | "using" | "running" | "stuck"
            )
            && !words[at + 1].ends_clause;
        if !linked {
            return None;
        }
        let start = if words[at + 1].is("stuck") && words[at + 2].is("on") {
            at + 3
        } else {
            at + 2
        };
        phrase_at(words, start, false).filter(|phrase| phrase.topic)
    })
}

fn skippable_opener(lower: &str) -> bool {
    // Stretched or misspelt why ("whyyy", "whhy") and words that only open a question.
    (lower.starts_with("wh") && lower.ends_with('y') && lower.len() <= 8)
        || lower.starts_with("wy") && lower.trim_start_matches('w').chars().all(|c| c == 'y')
        || lower == "whi"
        || matches!(
            lower,
            "come" | "made" | "makes" | "possessed" | "exactly" | "reason" | "particular"
        )
}

fn next_is_reason(words: &[Word], index: usize) -> bool {
    words.get(index + 1).is_some_and(|next| {
        matches!(
            next.lower.as_str(),
            "reason" | "particular" | "specific" | "good" | "real"
        )
    })
}

fn at_people(words: &[Word], index: usize) -> bool {
    words.get(index).is_some_and(|word| {
        PEOPLE.contains(&word.lower)
            || matches!(
                word.lower.as_str(),
                "the" | "your" | "our" | "their" | "all" | "on" | "of"
            ) && next_is_people_within(words, index)
    })
}

fn next_is_people_within(words: &[Word], index: usize) -> bool {
    words[index + 1..]
        .iter()
        .take(2)
        .any(|word| PEOPLE.contains(&word.lower))
}

/// "what were you thinking when you *set the pool size to 1*": what people did,
/// told after "when" or "with".
fn action_after_when(words: &[Word], from: usize) -> Option<Action> {
    (from..words.len().saturating_sub(2))
        .filter(|&at| {
            matches!(words[at].lower.as_str(), "when" | "while" | "as")
                && !words[at].ends_clause
                && PEOPLE.contains(&words[at + 1].lower)
                && !words[at + 1].ends_clause
        })
        .find_map(|at| {
            let verb = (at + 2..words.len()).find(|&verb| {
                !VERB_ADVERBS.contains(&words[verb].lower)
                    && !AUXILIARIES.contains(&words[verb].lower)
            })?;
            action_at(words, verb)
        })
}

/// "… a good idea to *share one database*", "supposed to *renew the certificate*".
fn first_infinitive(words: &[Word], from: usize) -> Option<Action> {
    (from..words.len().saturating_sub(1))
        .filter(|&index| words[index].is("to") && !words[index].ends_clause)
        // "nobody needs billing to work on weekends": what is wanted is not done.
        .filter(|&index| {
            !words[index.saturating_sub(3)..index].iter().any(|word| {
                matches!(
                    word.lower.as_str(),
                    "need"
                        | "needs"
                        | "want"
                        | "wants"
                        | "expect"
                        | "expects"
                        | "require"
                        | "requires"
                )
            })
        })
        .find_map(|index| {
            let verb =
                (index + 1..words.len()).find(|&at| !VERB_ADVERBS.contains(&words[at].lower))?;
            is_form(&words[verb].lower, Form::Base)
                .then(|| action_at(words, verb))
                .flatten()
        })
}

/// "… the logic in *disabling the circuit breaker*".
fn first_gerund(words: &[Word], from: usize) -> Option<Action> {
    (from..words.len())
        .filter(|&index| is_form(&words[index].lower, Form::Gerund))
        // "a breaking change", "the shared staging cluster": a gerund after a
        // determiner or an adjective is a modifier.
        .filter(|&index| {
            index == 0 || {
                let previous = words[index - 1].lower.as_str();
                !DEFINITE.contains(previous)
                    && !INDEFINITE.contains(previous)
                    && !ADJECTIVES.contains(previous)
                    && !NEUTRAL_STATES.contains(previous)
            }
        })
        .filter(|&index| {
            // "stop deploying on Fridays" is not a question about deploying on Fridays.
            index == 0
                || !matches!(
                    base_of(&words[index - 1].lower),
                    Some("stop" | "quit" | "avoid" | "keep")
                )
        })
        .find_map(|index| {
            // "thinking calling the geocoder in a loop": past a gerund with no
            // action to the one right after it, and no further.
            let empty = base_of(&words[index].lower).is_some_and(|base| EMPTY_VERBS.contains(base));
            let next_is_gerund = words
                .get(index + 1)
                .is_some_and(|next| is_form(&next.lower, Form::Gerund));
            match action_at(words, index) {
                Some(action) => Some(Some(action)),
                None if empty && next_is_gerund => None,
                None => Some(None),
            }
        })
        .flatten()
}

/// The first clean noun phrase from `from` on, other than the missing one.
fn first_phrase(words: &[Word], from: usize, missing: &Option<Phrase>) -> Option<Phrase> {
    (from..words.len()).find_map(|start| starting_phrase(words, start, missing))
}

/// The noun phrase that starts at `start` and not inside another one.
fn starting_phrase(words: &[Word], start: usize, missing: &Option<Phrase>) -> Option<Phrase> {
    Some(start)
        .filter(|&start| {
            let previous = start.checked_sub(1).map(|index| &words[index]);
            previous.is_none_or(|previous| {
                previous.ends_clause
                    || DEFINITE.contains(&words[start].lower)
                    || INDEFINITE.contains(&words[start].lower)
                    || !(phrase_word(previous) && !verb_only(&previous.lower)
                        || previous.lower.starts_with(|c: char| c.is_ascii_digit()))
            })
        })
        .and_then(|start| phrase_at(words, start, false))
        .filter(|phrase| missing.as_ref().is_none_or(|m| m.start != phrase.start))
}

/// What the question says is not there: "no runbook", "without a timeout",
/// "isn't there a rate limit", "doesn't have any tests".
fn find_missing(words: &[Word], from: usize) -> Option<Phrase> {
    let mut index = from;
    while index < words.len() {
        let lower = words[index].lower.as_str();
        // "why isn't there request hedging …": a bare phrase after a negative "there".
        let after_negative_there = lower == "there"
            && index > from
            && matches!(
                words[index - 1].lower.as_str(),
                "isn't" | "aren't" | "wasn't" | "weren't"
            )
            && !words[index].ends_clause
            && words.get(index + 1).is_some_and(|next| {
                phrase_word(next) && !verb_only(&next.lower) && !ADJECTIVES.contains(&next.lower)
            });
        if after_negative_there && let Some(mut phrase) = phrase_at(words, index + 1, false) {
            phrase.det = Det::Bare;
            phrase.kept_det = None;
            return Some(phrase);
        }
        // "why can't the client reconnect without a re-auth": the "without" is
        // part of what is wished for; nothing is said to be missing.
        let wished_without = lower == "without"
            && words[from..index].iter().any(|word| {
                matches!(
                    word.lower.as_str(),
                    "can't" | "cannot" | "couldn't" | "won't" | "wouldn't"
                )
            });
        // "designed without any load in mind": a manner, nothing missing.
        let in_mind = lower == "without"
            && (index + 2..(index + 6).min(words.len()))
                .any(|at| words[at].is("mind") && words[at - 1].is("in"));
        let opens = match lower {
            "without" if wished_without || in_mind => false,
            "no" | "without" | "lacks" | "lacking" | "missing" => true,
            "lack" => true,
            "any" | "a" | "an" => {
                // "isn't there a …", "doesn't have any …", "there are no …".
                words[from..index].iter().rev().take(4).any(|word| {
                    matches!(
                        word.lower.as_str(),
                        "isn't"
                            | "aren't"
                            | "wasn't"
                            | "weren't"
                            | "doesn't"
                            | "don't"
                            | "didn't"
                            | "hasn't"
                            | "haven't"
                            | "not"
                    )
                }) && words[from..index].iter().rev().take(3).any(|word| {
                    matches!(
                        word.lower.as_str(),
                        "there" | "have" | "has" | "having" | "got" | "set"
                    )
                })
            }
            _ => false,
        };
        if opens {
            let mut start = if matches!(lower, "any" | "a" | "an") {
                index
            } else {
                index + 1
            };
            if words.get(start).is_some_and(|word| word.is("of")) {
                start += 1;
            }
            if let Some(mut phrase) = phrase_at(words, start, false) {
                phrase.det = Det::Bare;
                phrase.kept_det = None;
                phrase.start = start;
                return Some(phrase);
            }
        }
        index += 1;
    }
    None
}

/// A neutral state right after the subject: "is so slow", "so flaky".
fn state_after(words: &[Word], mut index: usize) -> Option<String> {
    while index < words.len()
        && matches!(
            words[index].lower.as_str(),
            "is" | "are"
                | "was"
                | "were"
                | "so"
                | "too"
                | "this"
                | "that"
                | "always"
                | "still"
                | "getting"
                | "becoming"
                | "really"
                | "very"
                | "such"
                | "be"
                | "been"
                | "not"
                | "isn't"
                | "aren't"
        )
    {
        index += 1;
    }
    let word = words.get(index)?;
    NEUTRAL_STATES
        .contains(&word.lower)
        .then(|| word.lower.clone())
}

/// A verb (any form of a listed verb, or an unlisted word read as a base
/// verb after "to"/"not") with its object.
fn action_at(words: &[Word], mut index: usize) -> Option<Action> {
    let mut verb_word = words.get(index)?;
    let mut base = base_of(&verb_word.lower)?.to_owned();
    // "decided to run …": the action is the second verb.
    if CONTROL_VERBS.contains(&base)
        && words.get(index + 1).is_some_and(|next| next.is("to"))
        && let Some(next) = words.get(index + 2)
        && let Some(next_base) = base_of(&next.lower)
    {
        index += 2;
        verb_word = next;
        base = next_base.to_owned();
    }
    if EMPTY_VERBS.contains(&base) {
        return None;
    }
    // "decided the registry could be a spreadsheet": a verb of deciding takes a
    // clause, not an object.
    if matches!(
        base.as_str(),
        "decide"
            | "agree"
            | "suppose"
            | "mean"
            | "assume"
            | "expect"
            | "realise"
            | "realize"
            | "figure"
    ) {
        return None;
    }
    let mut at = index + 1;
    let particle = words
        .get(at)
        .filter(|word| PARTICLES.contains(&word.lower) && !verb_word.ends_clause)
        .map(|word| word.lower.clone());
    if particle.is_some() {
        at += 1;
    }
    if verb_word.ends_clause {
        return None;
    }
    let by_hand = words
        .get(at)
        .is_some_and(|by| by.is("by") && !by.ends_clause)
        && words.get(at + 1).is_some_and(|hand| hand.is("hand"));
    let object = if by_hand {
        // "deploying by hand": the manner is all the action has.
        Phrase {
            det: Det::Bare,
            kept_det: None,
            body: vec!["by".to_owned(), "hand".to_owned()],
            plural: false,
            bare_ok: true,
            start: at,
            end: at + 2,
            topic: false,
        }
    } else {
        phrase_at(words, at, false).or_else(|| time_at(words, at))?
    };
    // "deleted half the contacts", "add one more sidecar": no object to name.
    if !object.topic
        && !by_hand
        && matches!(
            object.body[0].to_lowercase().as_str(),
            "one"
                | "half"
                | "thing"
                | "things"
                | "stuff"
                | "lot"
                | "lots"
                | "bit"
                | "rest"
                | "bunch"
                | "pair"
                | "everyone"
                | "else"
                | "end"
                | "side"
                | "top"
                | "bottom"
                | "middle"
                | "front"
                | "way"
                | "ways"
                | "sense"
                | "purpose"
                | "while"
        )
    {
        return None;
    }
    let bare_gerund = object.det == Det::Bare
        && object.body.len() == 1
        && looks_like_gerund(&object.body[0].to_lowercase())
        && !MASS_NOUNS.contains(&object.body[0].to_lowercase());
    if bare_gerund {
        return None;
    }
    // "turn autovacuum back on", "switch the alerts off": the particle after the
    // object belongs to the verb, and without it the action is another one.
    let particle_after = particle
        .is_none()
        .then(|| particle_after(words, &object))
        .flatten();
    let tail = match &particle_after {
        Some(_) => None,
        None => tail_at(words, &object),
    };
    // "put the cache in front of the write path": without where, "putting the
    // cache" says something else.
    if tail.is_none()
        && matches!(
            base.as_str(),
            "put" | "place" | "stick" | "shove" | "park" | "treat"
        )
    {
        return None;
    }
    Some(Action {
        written_is_base: verb_word.lower == base,
        written: verb_word.lower.clone(),
        verb: base,
        particle,
        particle_after: particle_after.map(|(said, _)| said),
        object,
        tail,
    })
}

/// "back on", "off": a particle right after the object that ends the clause
/// (or comes before "and").
fn particle_after(words: &[Word], object: &Phrase) -> Option<(String, usize)> {
    if object.end == 0 || words[object.end - 1].ends_clause {
        return None;
    }
    let first = words.get(object.end)?;
    let (said, last) = match first.lower.as_str() {
        "back" if !first.ends_clause => {
            let second = words.get(object.end + 1)?;
            matches!(second.lower.as_str(), "on" | "off" | "up" | "in")
                .then(|| (format!("back {}", second.lower), object.end + 1))?
        }
        "on" | "off" | "up" | "down" | "out" => (first.lower.clone(), object.end),
        _ => return None,
    };
    let ends = words[last].ends_clause
        || words.get(last + 1).is_none_or(|next| {
            matches!(
                next.lower.as_str(),
                "and" | "or" | "then" | "already" | "again"
            )
        });
    ends.then_some((said, last))
}

/// "on *Fridays*", "by *hand*": a plain word that ends an action but is no topic.
fn time_at(words: &[Word], at: usize) -> Option<Phrase> {
    let word = words.get(at)?;
    (NOT_TOPICS.contains(&word.lower) && plain_token(&word.text)).then(|| Phrase {
        det: Det::Bare,
        kept_det: None,
        body: vec![word.text.clone()],
        plural: false,
        bare_ok: true,
        start: at,
        end: at + 1,
        topic: false,
    })
}

fn tail_at(words: &[Word], object: &Phrase) -> Option<(String, Phrase)> {
    let last = words.get(object.end.checked_sub(1)?)?;
    if last.ends_clause {
        return None;
    }
    let preposition = words.get(object.end)?;
    if preposition.is("by")
        && !preposition.ends_clause
        && let Some(hand) = time_at(words, object.end + 1).filter(|hand| hand.body[0] == "hand")
    {
        // "run migrations *by hand*": the manner is the point of the question.
        return Some(("by".to_owned(), hand));
    }
    // "in front of the API": one preposition in three words.
    let in_front_of = preposition.is("in")
        && words
            .get(object.end + 1)
            .is_some_and(|word| word.is("front"))
        && words.get(object.end + 2).is_some_and(|word| word.is("of"))
        && !words[object.end..object.end + 2]
            .iter()
            .any(|word| word.ends_clause);
    if in_front_of {
        let phrase = phrase_at(words, object.end + 3, false)?;
        return Some(("in front of".to_owned(), phrase));
    }
    if !PP_PREPOSITIONS.contains(&preposition.lower) || preposition.ends_clause {
        return None;
    }
    let phrase = phrase_at(words, object.end + 1, false)?;
    (phrase.det != Det::Bare || phrase.bare_ok || phrase.plural || has_capital(&phrase))
        .then(|| (preposition.lower.clone(), phrase))
}

fn has_capital(phrase: &Phrase) -> bool {
    phrase
        .body
        .iter()
        .any(|word| word.chars().any(|c| c.is_uppercase()))
}

/// Whether a token can be part of a noun phrase at all: letters and digits,
/// with inner hyphens, dots, slashes or an apostrophe ("t2.micro", "us-east-1").
fn plain_token(text: &str) -> bool {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    text.chars().nth(1).is_some()
        && first.is_alphabetic()
        && text.chars().last().is_some_and(char::is_alphanumeric)
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '/' | '\'' | '_'))
        && text.chars().any(char::is_alphabetic)
}

fn is_adverb(lower: &str) -> bool {
    lower.len() > 4 && lower.ends_with("ly") && !LY_NOT_ADVERBS.contains(lower)
}

/// Whether the word can be in a noun phrase (not yet whether it can end one).
fn phrase_word(word: &Word) -> bool {
    let lower = word.lower.as_str();
    let apostrophe_ok = !lower.contains('\'')
        || lower.strip_suffix("'s").is_some_and(|owner| {
            !owner.contains('\'')
                && !PEOPLE.contains(owner)
                && !CLOSED.contains(owner)
                && !is_verb_form(owner)
        });
    plain_token(&word.text)
        && apostrophe_ok
        && !CLOSED.contains(lower)
        && !AUXILIARIES.contains(lower)
        && !JUDGEMENT.contains(lower)
        && !PEOPLE.contains(lower)
        && !DEFINITE.contains(lower)
        && !INDEFINITE.contains(lower)
        && !is_adverb(lower)
}

/// A verb form that is not also a noun here.
fn verb_only(lower: &str) -> bool {
    is_verb_form(lower)
        && !NOUN_VERBS.contains(lower)
        && !MASS_NOUNS.contains(lower)
        && !NOUN_VERBS.contains(&plural_stem(lower))
}

fn plural_stem(lower: &str) -> std::borrow::Cow<'_, str> {
    if let Some(stem) = lower.strip_suffix("ies") {
        return std::borrow::Cow::Owned(format!("{stem}y"));
    }
    std::borrow::Cow::Borrowed(plural_stem_plain(lower))
}

fn plural_stem_plain(lower: &str) -> &str {
    lower
        .strip_suffix("es")
        .filter(|stem| stem.ends_with("ch") || stem.ends_with("sh") || stem.ends_with('x'))
        .or_else(|| lower.strip_suffix('s'))
        .unwrap_or(lower)
}

/// Whether the phrase can end on this word.
fn head_word(lower: &str, has_modifier: bool) -> bool {
    !ADJECTIVES.contains(lower)
        && !NEUTRAL_STATES.contains(lower)
        && !NOT_TOPICS.contains(lower)
        && !lower.chars().all(|c| c.is_ascii_digit() || c == '.')
        && (!verb_only(lower) || looks_like_gerund(lower) && has_modifier)
        && !(looks_like_participle(lower)
            && !NOUN_VERBS.contains(lower)
            && !is_form(lower, Form::Base)
            && !is_noun_ed(lower))
}

fn is_noun_ed(lower: &str) -> bool {
    matches!(
        lower,
        "speed" | "seed" | "feed" | "need" | "bed" | "red" | "shed" | "embed"
    )
}

/// The noun phrase that starts at `start`, if one cleanly does.
/// `verb_expected`: a base verb follows the subject ("does the gateway *retry*").
pub(crate) fn phrase_at(words: &[Word], start: usize, verb_expected: bool) -> Option<Phrase> {
    let first = words.get(start)?;
    let is_det = |word: &Word| {
        matches!(
            word.lower.as_str(),
            "the"
                | "a"
                | "an"
                | "every"
                | "each"
                | "some"
                | "any"
                | "all"
                | "both"
                | "another"
                | "single"
                | "my"
                | "your"
                | "our"
                | "their"
                | "its"
                | "more"
                | "extra"
        ) || INDEFINITE.contains(&word.lower) && PLURAL_DETERMINERS.contains(&word.lower)
            || word.lower.chars().all(|c| c.is_ascii_digit())
    };
    if at_all(words, start) {
        // "any reason at all the API …": an adverb, not "all the API".
        return None;
    }
    if start > 0
        && is_det(&words[start - 1])
        && !words[start - 1].ends_clause
        && !at_all(words, start - 1)
    {
        // Inside "a single …": the phrase starts at the first determiner.
        return None;
    }
    let (det, kept_det, body_start) = if DEFINITE.contains(&first.lower) {
        if first.ends_clause {
            return None;
        }
        let kept = KEPT_DETERMINERS
            .contains(&first.lower)
            .then(|| first.lower.clone());
        (Det::Definite, kept, start + 1)
    } else if INDEFINITE.contains(&first.lower) {
        if first.ends_clause
            || first.is("no")
            || first.is("one") && !words.get(start + 1).is_some_and(phrase_word)
        {
            return None;
        }
        let kept = KEPT_DETERMINERS
            .contains(&first.lower)
            .then(|| first.lower.clone());
        (Det::Indefinite, kept, start + 1)
    } else if first.lower.chars().all(|c| c.is_ascii_digit())
        && !first.ends_clause
        && words.get(start + 1).is_some_and(|unit| {
            matches!(
                unit.lower.as_str(),
                "second"
                    | "minute"
                    | "hour"
                    | "day"
                    | "week"
                    | "month"
                    | "year"
                    | "gb"
                    | "mb"
                    | "tb"
                    | "ms"
                    | "node"
                    | "step"
            ) && !unit.ends_clause
        })
    {
        // "24 hour TTLs": the number measures the TTLs, it does not count them.
        (Det::Bare, None, start)
    } else if first.lower.chars().all(|c| c.is_ascii_digit()) {
        // "4 load balancers": a number counts like "several".
        if first.ends_clause || first.lower == "1" {
            return None;
        }
        (Det::Indefinite, Some(first.lower.clone()), start + 1)
    } else {
        (Det::Bare, None, start)
    };
    if det == Det::Bare && VERB_THIRD_PERSON.contains(&first.lower) {
        return None;
    }
    // "the team just *clicks* around": after such an adverb a word in -s is a verb.
    if det == Det::Bare
        && start > 0
        && !words[start - 1].ends_clause
        && matches!(
            words[start - 1].lower.as_str(),
            "just" | "never" | "always" | "still" | "actually" | "simply" | "clearly" | "obviously"
        )
        && first.lower.ends_with('s')
        && !first.lower.ends_with("ss")
        && !PRODUCTS.contains(&first.lower)
        && !SINGULAR_S.contains(&first.lower)
    {
        return None;
    }
    // "very patient of us": after a word of degree comes an adjective.
    if det == Det::Bare
        && start > 0
        && !words[start - 1].ends_clause
        && matches!(
            words[start - 1].lower.as_str(),
            "very"
                | "so"
                | "too"
                | "quite"
                | "pretty"
                | "extremely"
                | "super"
                | "rather"
                | "really"
        )
    {
        return None;
    }
    // "that'll *scale*": after a modal a bare word is its verb.
    if det == Det::Bare
        && start > 0
        && !words[start - 1].ends_clause
        && (matches!(
            words[start - 1].lower.as_str(),
            "will" | "would" | "can" | "could" | "should" | "must" | "might" | "may" | "won't"
        ) || words[start - 1].lower.ends_with("'ll"))
    {
        return None;
    }
    // "hand-editing prod rows": an activity with its object, not a part of the system.
    if det == Det::Bare
        && looks_like_gerund(&first.lower)
        && !MASS_NOUNS.contains(&first.lower)
        && !first.ends_clause
        && words.get(start + 1).is_some_and(|next| {
            phrase_word(next)
                && (is_plural(&next.text)
                    || MASS_NOUNS.contains(&next.lower)
                    || PRODUCTS.contains(&next.lower))
                || DEFINITE.contains(&next.lower)
        })
    {
        return None;
    }
    // "what a confidence booster": an exclamation, not a part of the system.
    if matches!(first.lower.as_str(), "a" | "an")
        && start > 0
        && words[start - 1].is("what")
        && !words[start - 1].ends_clause
    {
        return None;
    }
    if det == Det::Bare
        && is_form(&first.lower, Form::Base)
        && !first.ends_clause
        && words
            .get(start + 1)
            .is_some_and(|next| DEFINITE.contains(&next.lower) || INDEFINITE.contains(&next.lower))
    {
        // "write your own mesh": the verb of an action, not "the write".
        return None;
    }
    let mut plural_det = PLURAL_DETERMINERS.contains(&first.lower)
        || first.lower.chars().all(|c| c.is_ascii_digit());
    let mut body_start = body_start;
    let mut kept_det = kept_det;
    // "a 90 day …", "a two hour …": a number after an article measures, it does not count.
    let article = matches!(first.lower.as_str(), "a" | "an" | "the");
    while body_start > start
        && body_start < words.len()
        && is_det(&words[body_start])
        && !words[body_start - 1].ends_clause
        && !(article && is_number(&words[body_start].lower))
    {
        let extra = &words[body_start];
        plural_det |= PLURAL_DETERMINERS.contains(&extra.lower);
        if let Some(kept) = kept_det.as_mut() {
            kept.push(' ');
            kept.push_str(&extra.lower);
        }
        body_start += 1;
    }
    if start > 0
        && VERDICT_MODIFIERS.contains(&words[start - 1].lower)
        && !words[start - 1].ends_clause
    {
        return None;
    }
    // "your own service mesh" is the service mesh; "three different clusters" the clusters.
    while body_start > start
        && body_start + 1 < words.len()
        && !words[body_start - 1].ends_clause
        && (words[body_start].is("own")
            && matches!(
                words[body_start - 1].lower.as_str(),
                "your" | "our" | "their" | "its" | "my" | "his" | "her"
            )
            || matches!(
                words[body_start].lower.as_str(),
                "different" | "separate" | "distinct"
            ) && plural_det
            || matches!(
                words[body_start].lower.as_str(),
                "same" | "whole" | "entire"
            ) && DEFINITE.contains(&words[body_start - 1].lower)
            // "the legendary CI pipeline": the pipeline, without the mock praise.
            || SARCASTIC_PRAISE.contains(&words[body_start].lower))
    {
        body_start += 1;
    }
    // "Java 8", "Python 3.11": a version after a name ends the phrase.
    let version_after_name = |at: usize| {
        at > body_start
            && words[at]
                .lower
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.')
            && words[at]
                .lower
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
            && !words[at - 1].ends_clause
            && words[at - 1]
                .text
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && words[at - 1].text.chars().any(char::is_lowercase)
    };
    // "Stack Overflow": a name ending on a word that could be a verb.
    let name_goes_on_to = |at: usize| {
        at > body_start
            && is_name(words, &words[at])
            && is_name(words, &words[at - 1])
            && !words[at - 1].ends_clause
    };
    let mut end = body_start;
    while end < words.len() && end - body_start < MAX_PHRASE_WORDS {
        let word = &words[end];
        // "a 90 day token expiry", "the 17 feature flags": a number after an article.
        let measure = end == body_start
            && (end > start || det == Det::Bare)
            && (word.lower.chars().all(|c| c.is_ascii_digit() || c == '.')
                || article && is_number(&word.lower))
            && !word.ends_clause
            && words.get(end + 1).is_some_and(phrase_word);
        if measure {
            end += 1;
            continue;
        }
        if version_after_name(end) {
            end += 1;
            break;
        }
        // "the TTL next time", "the backups every week": a time adverbial ends the phrase.
        let time_follows = words.get(end + 1).is_some_and(|unit| {
            NOT_TOPICS.contains(&unit.lower) && !unit.lower.chars().all(|c| c.is_ascii_digit())
        });
        if end > body_start
            && time_follows
            && matches!(
                word.lower.as_str(),
                "next" | "last" | "every" | "each" | "this"
            )
        {
            break;
        }
        // "disaster recovery" is a practice, not a verdict.
        let term = word.is("disaster")
            && !word.ends_clause
            && words.get(end + 1).is_some_and(|next| next.is("recovery"));
        if !phrase_word(word) && !term {
            break;
        }
        let lower = word.lower.as_str();
        let in_body = end > body_start;
        let next = words.get(end + 1);
        let next_is_noun = !word.ends_clause
            && next.is_some_and(|next| phrase_word(next) && !verb_only(&next.lower));
        // "Stack Overflow", "Cloud Build": a name goes on past a verb-like word.
        if verb_only(lower) && !name_goes_on_to(end) {
            // "the shared database", "the caching layer": a verb form as a modifier.
            let after_possessive = in_body && words[end - 1].lower.ends_with("'s");
            // "authenticated responses": a participle may open a bare phrase too,
            // but not right after its subject ("you *made* Redis the store").
            let bare_participle = det == Det::Bare
                && lower.ends_with("ed")
                && next.is_some_and(|next| {
                    // "managed Postgres": before a plural or a name in title case.
                    is_plural(&next.text)
                        || next.text.starts_with(char::is_uppercase)
                            && next.text.chars().skip(1).all(char::is_lowercase)
                            && next.text.len() > 1
                })
                && !looks_like_gerund(lower)
                && (end == 0
                    || !PEOPLE.contains(&words[end - 1].lower)
                        && !AUXILIARIES.contains(&words[end - 1].lower));
            let modifier = (looks_like_participle(lower) || looks_like_gerund(lower))
                && next_is_noun
                && (!in_body && (det != Det::Bare || bare_participle) || after_possessive);
            let takes_object = next.is_some_and(|next| {
                !word.ends_clause
                    && (DEFINITE.contains(&next.lower)
                        || INDEFINITE.contains(&next.lower)
                        || phrase_word(next))
            });
            let gerund_head = looks_like_gerund(lower) && in_body && !takes_object;
            // "a separate CDN path", "a clean shutdown": an adjective that is also a verb.
            let adjective = (ADJECTIVES.contains(lower) || NEUTRAL_STATES.contains(lower))
                && next_is_noun
                && (in_body || det != Det::Bare);
            if !(modifier || gerund_head || adjective) {
                break;
            }
        } else if verb_expected && in_body && is_form(lower, Form::Base) {
            // "does the build cache grow": "cache" is a noun only if a verb follows.
            let verb_follows = next.is_some_and(|next| is_form(&next.lower, Form::Base));
            if !verb_follows {
                break;
            }
        } else if in_body && VERB_THIRD_PERSON.contains(lower) {
            break;
        } else if in_body
            && is_plural(&words[end - 1].text)
            && !words[end - 1].text.starts_with(char::is_uppercase)
            && !words[end - 1].ends_clause
            && lower.ends_with('s')
            && !SINGULAR_S.contains(lower)
            && !lower.ends_with("ss")
            && !lower.ends_with("us")
            && !lower.ends_with("is")
        {
            // "the SMS retries owes finance": a plural noun is not followed by
            // another plural in a name, so this is its verb.
            break;
        } else if in_body
            && is_form(lower, Form::Base)
            && is_plural(&words[end - 1].text)
            && !words[end - 1].ends_clause
            && (word.ends_clause
                || next.is_none_or(|next| {
                    DEFINITE.contains(&next.lower)
                        || INDEFINITE.contains(&next.lower)
                        || CLOSED.contains(&next.lower)
                        || next.lower.chars().all(|c| c.is_ascii_digit())
                }))
        {
            // "two services write the same rows", "the pods restart at midnight":
            // the plural noun's verb, not a noun.
            break;
        } else if in_body && is_form(lower, Form::ThirdPerson) {
            // "the service restarts every hour": a verb, not "the service restarts".
            let after_adjective = ADJECTIVES.contains(&words[end - 1].lower)
                || NEUTRAL_STATES.contains(&words[end - 1].lower);
            let verb_reading = !after_adjective
                && next.is_some_and(|next| {
                    matches!(
                        next.lower.as_str(),
                        "the"
                            | "a"
                            | "an"
                            | "every"
                            | "each"
                            | "some"
                            | "any"
                            | "per"
                            | "itself"
                            | "everything"
                            | "twice"
                    ) || PEOPLE.contains(&next.lower)
                        || next
                            .lower
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_ascii_digit())
                });
            if verb_reading {
                break;
            }
        }
        end += 1;
        if word.ends_clause {
            break;
        }
    }
    // Back off to a word that can head the phrase, but never past a head that
    // is not a topic ("the March outage" is not about March).
    while end > body_start
        && !head_word(&words[end - 1].lower, end - 1 > body_start)
        && !version_after_name(end - 1)
        && !name_goes_on_to(end - 1)
    {
        if NOT_TOPICS.contains(&words[end - 1].lower) || words[end - 1].lower.ends_with("'s") {
            return None;
        }
        end -= 1;
    }
    if end > body_start && words[end - 1].lower.ends_with("'s") {
        return None;
    }
    if end == body_start {
        return None;
    }
    // "the service owner": the phrase only qualifies a person (but "a dashboard
    // nobody opens" is a dashboard).
    if end < words.len()
        && !words[end - 1].ends_clause
        && PEOPLE.contains(&words[end].lower)
        && !matches!(
            words[end].lower.as_str(),
            "nobody"
                | "anyone"
                | "anybody"
                | "someone"
                | "somebody"
                | "everyone"
                | "everybody"
                | "you"
                | "we"
                | "they"
                | "i"
                | "he"
                | "she"
                | "u"
                | "yourself"
                | "yourselves"
                | "themselves"
                | "ourselves"
                | "myself"
        )
    {
        return None;
    }
    if VERDICT_MODIFIERS.contains(&words[body_start].lower) {
        return None;
    }
    let body_words = &words[body_start..end];
    let head = &body_words[body_words.len() - 1];
    let only_generic = body_words.len() == 1
        && (NOT_TOPICS.contains(&head.lower) || GENERIC_HEADS.contains(&head.lower));
    if only_generic {
        return None;
    }
    // "Impressive, you …", "… again. Splendid.": one bare word making up a whole
    // clause is an exclamation, unless it names something.
    let whole_clause = det == Det::Bare
        && body_words.len() == 1
        && (start == 0 || words[start - 1].ends_clause)
        && head.ends_clause;
    if whole_clause
        && !PRODUCTS.contains(&head.lower)
        && !MASS_NOUNS.contains(&head.lower)
        && !is_name(words, head)
    {
        return None;
    }
    let body: Vec<String> = body_words
        .iter()
        .enumerate()
        .map(|(offset, word)| spelled(words, body_start + offset, word))
        .collect();
    // Agreement follows the head ("both Kafka and …" is no plural Kafka); a
    // determiner only decides for a head that is the same in both numbers.
    let head_text = &body[body.len() - 1];
    let plural = is_plural(head_text)
        || plural_det
            && matches!(
                head.lower.as_str(),
                "sheep" | "fish" | "aircraft" | "series"
            );
    let bare_ok = MASS_NOUNS.contains(&head.lower)
        || PRODUCTS.contains(&head.lower)
        || looks_like_gerund(&head.lower)
        || is_name(words, head)
        || version_after_name(end - 1);
    Some(Phrase {
        det,
        kept_det,
        body,
        plural,
        bare_ok,
        start,
        end,
        topic: true,
    })
}

/// The "all" of "at all".
fn at_all(words: &[Word], index: usize) -> bool {
    index > 0 && words[index].lower == "all" && words[index - 1].lower == "at"
}

/// A number written as digits or as a word ("two", "ten").
fn is_number(lower: &str) -> bool {
    lower.chars().all(|c| c.is_ascii_digit())
        || matches!(
            lower,
            "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
                | "twenty"
                | "thirty"
                | "fifty"
        )
}

/// A product or proper name: a capital not at the start of a sentence, or
/// letters mixed with digits ("Kafka", "S3", "t2.micro").
fn is_name(words: &[Word], word: &Word) -> bool {
    let sentence_start = words.first().is_some_and(|first| first.start == word.start);
    let shouting = words
        .iter()
        .all(|word| !word.text.chars().any(char::is_lowercase));
    let capital =
        word.text.chars().next().is_some_and(char::is_uppercase) && !sentence_start && !shouting;
    let inner_capital = word.text.chars().skip(1).any(char::is_uppercase) && !shouting;
    capital || inner_capital || word.text.chars().any(|c| c.is_ascii_digit())
}

/// A word as a rewrite writes it: shouted text in lower case, a capital that
/// only starts the sentence dropped from a common word.
fn spelled(words: &[Word], index: usize, word: &Word) -> String {
    let shouting = words
        .iter()
        .all(|word| !word.text.chars().any(char::is_lowercase));
    if shouting && (word.text.chars().count() > 3 || !is_acronym_like(&word.lower)) {
        return word.lower.clone();
    }
    let sentence_start = index == 0
        || words[index - 1].ends_clause && words[index - 1].text.ends_with(['.', '?', '!']);
    if sentence_start
        && (is_verb_form(&word.lower)
            || ADJECTIVES.contains(&word.lower)
            || MASS_NOUNS.contains(&word.lower))
    {
        return word.lower.clone();
    }
    word.text.clone()
}

fn is_acronym_like(lower: &str) -> bool {
    matches!(
        lower,
        "api"
            | "db"
            | "dns"
            | "ci"
            | "cd"
            | "sre"
            | "slo"
            | "sla"
            | "aws"
            | "vm"
            | "tls"
            | "ssl"
            | "ttl"
            | "cpu"
            | "ram"
            | "ip"
            | "url"
            | "ui"
            | "vpc"
            | "waf"
            | "dr"
            | "k8s"
    )
}

/// Plural by its spelling: "retries", "APIs"; not "status", "Jenkins", "DNS".
pub(crate) fn is_plural(text: &str) -> bool {
    let lower = text.to_lowercase();
    if SINGULAR_S.contains(&lower) || lower.len() < 3 {
        return false;
    }
    if matches!(
        lower.as_str(),
        "people" | "children" | "criteria" | "indices" | "data" | "media"
    ) {
        return lower != "data" && lower != "media";
    }
    let Some(stem) = text.strip_suffix('s') else {
        return false;
    };
    let all_caps_stem = stem
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    if all_caps_stem {
        // "APIs", "SLOs", "VMs".
        return true;
    }
    // "WebSockets", "CronJobs": a word in camel case ending on a lower-case "s"
    // after a lower-case letter is many; "Node.js", "iOS" are one.
    let capitalised = text.chars().next().is_some_and(char::is_uppercase);
    let camel_plural = stem.chars().last().is_some_and(char::is_lowercase)
        && !lower.ends_with("js")
        && text.chars().skip(1).any(char::is_uppercase)
        && stem.chars().all(char::is_alphanumeric);
    if capitalised && !text.chars().skip(1).all(char::is_lowercase) && !camel_plural {
        return false;
    }
    // A capital is no sign of a name ending in "s": "Dashboards" starts a
    // sentence, "Lambdas" are many; the names that are one ("Jenkins") are listed.
    let singular_ending = ["ss", "us", "is", "'s"]
        .iter()
        .any(|ending| lower.ends_with(ending));
    !singular_ending
}

#[cfg(test)]
mod tests {
    use super::super::tokens::words;
    use super::*;

    /// The phrase after a leading verb: "see <phrase>".
    fn phrase(text: &str) -> Option<String> {
        let all = words(&format!("see {text}"));
        phrase_at(&all, 1, false).map(|phrase| phrase.definite())
    }

    #[test]
    fn noun_phrases_end_at_the_first_word_that_is_not_plainly_part_of_one() {
        assert_eq!(
            phrase("the shared database for both").as_deref(),
            Some("the shared database")
        );
        assert_eq!(phrase("the SLO 99.99% when").as_deref(), Some("the SLO"));
        assert_eq!(
            phrase("your deploy pipeline is slow").as_deref(),
            Some("the deploy pipeline")
        );
        assert_eq!(phrase("Kafka for the queue").as_deref(), Some("Kafka"));
        assert_eq!(
            phrase("manual deploys every week").as_deref(),
            Some("manual deploys")
        );
        assert_eq!(phrase("marked P1").as_deref(), None);
        assert_eq!(phrase("the mess").as_deref(), None);
        assert_eq!(phrase("the week").as_deref(), None);
        assert_eq!(
            phrase("a two hour deploy window").as_deref(),
            Some("the two hour deploy window")
        );
        assert_eq!(
            phrase("four workers write the same rows").as_deref(),
            Some("the workers")
        );
        assert_eq!(
            phrase("the workers restart at noon").as_deref(),
            Some("the workers")
        );
        assert_eq!(
            phrase("the workers restart policy").as_deref(),
            Some("the workers restart policy")
        );
    }

    #[test]
    fn what_a_thing_does_is_read_after_does() {
        let all = words("Why do the workers restart every night at 2am?");
        assert_eq!(
            read(&all, 0).predicate,
            Some(("restart every night at 2am".to_owned(), false))
        );
        let all = words("Why did the importer drop the column?");
        assert_eq!(
            read(&all, 0).predicate,
            Some(("drop the column".to_owned(), true))
        );
        let all = words("Why does the importer never get reviewed by anyone?");
        assert_eq!(read(&all, 0).predicate, None);
        let all = words("Why didn't the importer catch the typo?");
        assert_eq!(read(&all, 0).predicate, None);
    }

    #[test]
    fn what_is_done_to_the_thing_is_read_after_is() {
        let all = words("Why was the retry budget set to unlimited?");
        assert_eq!(
            read(&all, 0).being,
            Some(("set to unlimited".to_owned(), true))
        );
        let all = words("Why is the importer calling the ledger twice?");
        assert_eq!(
            read(&all, 0).being,
            Some(("calling the ledger twice".to_owned(), false))
        );
        let all = words("Why isn't the importer tested?");
        assert_eq!(read(&all, 0).being, None);
    }

    #[test]
    fn an_event_is_read_apart_from_the_topic() {
        let all = words("Who is to blame for the DNS outage?");
        assert_eq!(read(&all, 0).event.as_deref(), Some("the DNS outage"));
        // One more outage: the latest one, not one the question points at.
        let all = words("Another outage, another excuse.");
        assert_eq!(read(&all, 0).event.as_deref(), Some("the latest outage"));
        let all = words("Outages happen.");
        assert_eq!(read(&all, 0).event, None);
    }

    #[test]
    fn disbelief_and_still_do_not_make_a_proposal() {
        let all = words("I can't believe you're still deploying by hand.");
        let reading = read(&all, 0);
        assert!(!reading.not_done);
        assert_eq!(
            reading.action.and_then(|action| action.gerund()).as_deref(),
            Some("deploying by hand")
        );
    }

    #[test]
    fn what_a_thing_is_still_on_is_read() {
        let all = words("Why is the billing API still on Java 8?");
        let reading = read(&all, 0);
        assert_eq!(
            reading.still_on.map(|old| old.definite()).as_deref(),
            Some("Java 8")
        );
        assert_eq!(
            reading.thing.map(|thing| thing.definite()).as_deref(),
            Some("the billing API")
        );
    }

    #[test]
    fn a_progressive_verb_is_not_part_of_the_subject() {
        let all = words("Why is the billing service calling the ledger twice?");
        let thing = read(&all, 0).thing.expect("a thing");
        assert_eq!(thing.definite(), "the billing service");
    }

    #[test]
    fn your_own_and_every_read_as_the_thing() {
        assert_eq!(
            phrase("your own service mesh").as_deref(),
            Some("the service mesh")
        );
        assert_eq!(phrase("every deploy").as_deref(), Some("the deploy"));
        assert_eq!(
            phrase("three different brokers").as_deref(),
            Some("the brokers")
        );
        assert_eq!(
            phrase("the same secret in staging").as_deref(),
            Some("the secret")
        );
        assert_eq!(
            phrase("the whole migration plan").as_deref(),
            Some("the migration plan")
        );
        let all = words("You copied this from Stack Overflow.");
        assert_eq!(
            phrase_at(&all, 4, false)
                .map(|phrase| phrase.definite())
                .as_deref(),
            Some("Stack Overflow")
        );
        let all = words("Why did you write your own tracing library?");
        let reading = read(&all, 0);
        assert_eq!(
            reading
                .action
                .map(|action| action.object.definite())
                .as_deref(),
            Some("the tracing library")
        );
    }

    #[test]
    fn where_work_was_copied_from_is_no_topic() {
        let all = words("You obviously just copied this from Stack Overflow.");
        assert_eq!(read(&all, 2).thing, None);
    }

    #[test]
    fn at_all_is_an_adverb_not_a_determiner() {
        let all = words("Is there any reason at all the billing API returns a 200?");
        let thing = read(&all, 0).thing.expect("a thing");
        assert_eq!(thing.definite(), "the billing API");
        assert!(!thing.plural);
    }

    #[test]
    fn agreement_follows_the_head_noun() {
        assert!(is_plural("retries"));
        assert!(is_plural("APIs"));
        assert!(!is_plural("Jenkins"));
        assert!(!is_plural("status"));
        assert!(!is_plural("DNS"));
        assert!(!is_plural("Kubernetes"));
        assert!(is_plural("Dashboards"));
        assert!(is_plural("WebSockets"));
        assert!(!is_plural("NodeJS"));
        assert!(is_plural("metrics"));
        assert!(is_plural("pods"));
    }

    #[test]
    fn articles_follow_the_sound() {
        assert_eq!(a_or_an("SLO"), "an");
        assert_eq!(a_or_an("read replica"), "a");
        assert_eq!(a_or_an("alert"), "an");
        assert_eq!(a_or_an("user table"), "a");
        assert_eq!(a_or_an("DR plan"), "a");
        assert_eq!(a_or_an("hour"), "an");
    }

    #[test]
    fn what_is_missing_is_read_without_claiming_it_exists() {
        let all = words("why is there no read replica");
        let reading = read(&all, 0);
        assert_eq!(
            reading.missing.map(|m| m.indefinite()).as_deref(),
            Some("a read replica")
        );
        let all = words("Why don't you have any tests for the Terraform modules?");
        let reading = read(&all, 0);
        assert_eq!(
            reading.missing.map(|m| m.indefinite()).as_deref(),
            Some("tests")
        );
    }

    #[test]
    fn actions_keep_their_object_and_inflect_from_the_table() {
        let all = words("Why did you pin the client to an old release?");
        let action = read(&all, 0).action.expect("an action");
        assert_eq!(
            action.base().as_deref(),
            Some("pin the client to an old release")
        );
        assert_eq!(
            action.gerund().as_deref(),
            Some("pinning the client to an old release")
        );
        let all = words("why aren't you running the migrations");
        let action = read(&all, 0).action.expect("an action");
        assert_eq!(action.base().as_deref(), Some("run the migrations"));
    }

    #[test]
    fn the_subject_of_a_why_question_is_the_thing() {
        let all = words("Why does the gateway retry every request?");
        let reading = read(&all, 0);
        assert_eq!(
            reading.thing.map(|t| t.definite()).as_deref(),
            Some("the gateway")
        );
        let all = words("why is the index so large");
        let reading = read(&all, 0);
        assert_eq!(reading.state.as_deref(), Some("large"));
    }
}
