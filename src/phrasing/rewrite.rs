//! Suggestions: rewrites of a flagged question aimed at the system, not the people.
//!
//! A rewrite is chosen by what the question is after (its intent: a past
//! choice, something missing, a proposal, a failure, …; the intents and their
//! templates are data in the rule file) and filled only with phrases read
//! cleanly from the question (see `extract`). A template whose slots the
//! question cannot fill is skipped, so each intent lists its best templates
//! first and plainer ones after.
//!
//! Slots:
//! - `{thing}` — the part of the system talked about: "the gateway", "Kafka";
//!   `{does}`, `{is}`, `{has}`, `{was}` agree with it.
//! - `{missing}` — what the question says is not there: "a read replica", "retries".
//! - `{action}` / `{action_ing}` — what people did or would do: "use Postgres for
//!   the queue" / "using Postgres for the queue".
//! - `{did_ing}` — `{action_ing}`, but only when the question says it was done
//!   ("What led to {did_ing}?" must not be said of what never happened).
//! - `{done}` — the action's verb as a participle, when its object is `{thing}`:
//!   "How is the restore tested today?".
//! - `{new_thing}` — what a proposal would bring in, as the question put it: "a read replica".
//! - `{state}` — a neutral word for the state complained of: "slow";
//!   `{past_state}` when it was asked of in the past ("why were the backups empty").
//! - `{chosen}` — `{thing}`, but only when people chose or brought it in ("why did
//!   you pick Kafka"): "How does Kafka fit the needs …" must not be asked of
//!   something the question says was removed or split up.
//! - `{old}` — what the thing is still on: "Java 8" in "still on Java 8".
//! - `{does_what}` / `{did_what}` — what the thing does (did), as the question put
//!   it after "why does (did) <thing>": "What makes the pods {does_what}?".
//! - `{being_what}` / `{doing_what}` — what is done to the thing, or what it is
//!   doing, after "why is <thing>": "What led to the budget being {being_what}?",
//!   "What led to the check {doing_what}?".
//! - `{event}` — an event the question names: "the DNS outage".
//! - `{removed}` — what people took away, split up or turned off ("why did you
//!   disable TLS"): it is gone, so it is never `{thing}`.
//! - `{measure}` — a measure the question is about ("the p99", "CPU"): never
//!   `{thing}`, which is asked how it works; `{does}`/`{is}` agree with it.
//! - `{work}` — `{thing}` as a piece of work judged ("the migration plan" in
//!   "the migration plan was obviously rushed"), never what people did
//!   something to ("someone clearly didn't read the docs").
//! - `{built}` — `{thing}` when it is the team's own work, not a product
//!   ("the design of Vault" is not theirs to explain); `{product}` when it is
//!   one ("the setup of Vault" is).
//! - `{host}` — where `{missing}` would be: "the GraphQL layer" in "no request
//!   hedging on the GraphQL layer", "the service" in "a service with no
//!   runbook"; `{host_does}` agrees with it.
//!
//! A template that names nothing of the line (no slot but agreement) is only
//! tried after every template that does: a named rewrite says more.

use super::extract::Reading;

/// Words a suggestion may start with.
pub const SUGGESTION_OPENERS: &[&str] = &["How", "What", "Where", "When", "Which", "Who"];

/// At most this many suggestions per question.
pub const MAX_SUGGESTIONS: usize = 3;

/// Longer suggestions stop reading as questions.
const MAX_SUGGESTION_WORDS: usize = 25;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Thing,
    Does,
    Is,
    Has,
    Was,
    Missing,
    Action,
    ActionIng,
    DidIng,
    Done,
    NewThing,
    State,
    Chosen,
    Old,
    Removed,
    Measure,
    Event,
    DoesWhat,
    DidWhat,
    PastState,
    BeingWhat,
    DoingWhat,
    Host,
    HostDoes,
    Work,
    Built,
    Product,
}

const SLOT_NAMES: &[(&str, Slot)] = &[
    ("thing", Slot::Thing),
    ("does", Slot::Does),
    ("is", Slot::Is),
    ("has", Slot::Has),
    ("was", Slot::Was),
    ("missing", Slot::Missing),
    ("action", Slot::Action),
    ("action_ing", Slot::ActionIng),
    ("did_ing", Slot::DidIng),
    ("done", Slot::Done),
    ("new_thing", Slot::NewThing),
    ("state", Slot::State),
    ("chosen", Slot::Chosen),
    ("old", Slot::Old),
    ("removed", Slot::Removed),
    ("measure", Slot::Measure),
    ("event", Slot::Event),
    ("does_what", Slot::DoesWhat),
    ("did_what", Slot::DidWhat),
    ("past_state", Slot::PastState),
    ("being_what", Slot::BeingWhat),
    ("doing_what", Slot::DoingWhat),
    ("host", Slot::Host),
    ("host_does", Slot::HostDoes),
    ("work", Slot::Work),
    ("built", Slot::Built),
    ("product", Slot::Product),
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
    /// Parses `"What led to {action_ing}?"`. The template must open with one of
    /// [`SUGGESTION_OPENERS`], end with its only "?" and use only known slots.
    pub fn parse(text: &str) -> Result<Template, String> {
        let opener = text.split_whitespace().next().unwrap_or("");
        if !SUGGESTION_OPENERS.contains(&opener) {
            return Err(format!(
                "must start with one of {}",
                SUGGESTION_OPENERS.join("/")
            ));
        }
        if !text.ends_with('?') || text.matches('?').count() != 1 {
            return Err("must end with its only \"?\"".to_owned());
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
                .ok_or_else(|| {
                    let names: Vec<&str> = SLOT_NAMES.iter().map(|(name, _)| *name).collect();
                    format!("unknown slot {{{name}}} (known: {})", names.join(", "))
                })?;
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

    /// Whether a slot names something of the line (not only agreement).
    pub fn names_something(&self) -> bool {
        self.parts.iter().any(|part| {
            matches!(part, Part::Slot(slot) if !matches!(
                slot,
                Slot::Does | Slot::Is | Slot::Has | Slot::Was | Slot::HostDoes
            ))
        })
    }

    /// The template's own words, lower case (they are the rewriter's vocabulary).
    pub fn words(&self) -> impl Iterator<Item = String> + '_ {
        self.parts.iter().flat_map(|part| match part {
            Part::Text(text) => text
                .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
                .filter(|word| !word.is_empty())
                .map(str::to_lowercase)
                .collect::<Vec<_>>(),
            Part::Slot(_) => Vec::new(),
        })
    }

    fn fill(&self, slots: &Slots) -> Option<String> {
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

/// The values a reading gives the slots.
#[derive(Debug, Default)]
struct Slots {
    thing: Option<String>,
    does: Option<String>,
    is: Option<String>,
    has: Option<String>,
    was: Option<String>,
    missing: Option<String>,
    action: Option<String>,
    action_ing: Option<String>,
    did_ing: Option<String>,
    done: Option<String>,
    new_thing: Option<String>,
    state: Option<String>,
    chosen: Option<String>,
    old: Option<String>,
    removed: Option<String>,
    measure: Option<String>,
    event: Option<String>,
    does_what: Option<String>,
    did_what: Option<String>,
    past_state: Option<String>,
    being_what: Option<String>,
    doing_what: Option<String>,
    host: Option<String>,
    host_does: Option<String>,
    work: Option<String>,
    built: Option<String>,
    product: Option<String>,
}

impl Slots {
    fn get(&self, slot: Slot) -> Option<&str> {
        let value = match slot {
            Slot::Thing => &self.thing,
            Slot::Does => &self.does,
            Slot::Is => &self.is,
            Slot::Has => &self.has,
            Slot::Was => &self.was,
            Slot::Missing => &self.missing,
            Slot::Action => &self.action,
            Slot::ActionIng => &self.action_ing,
            Slot::DidIng => &self.did_ing,
            Slot::Done => &self.done,
            Slot::NewThing => &self.new_thing,
            Slot::State => &self.state,
            Slot::Chosen => &self.chosen,
            Slot::Old => &self.old,
            Slot::Removed => &self.removed,
            Slot::Measure => &self.measure,
            Slot::Event => &self.event,
            Slot::DoesWhat => &self.does_what,
            Slot::DidWhat => &self.did_what,
            Slot::PastState => &self.past_state,
            Slot::BeingWhat => &self.being_what,
            Slot::DoingWhat => &self.doing_what,
            Slot::Host => &self.host,
            Slot::HostDoes => &self.host_does,
            Slot::Work => &self.work,
            Slot::Built => &self.built,
            Slot::Product => &self.product,
        };
        value.as_deref().filter(|text| !text.trim().is_empty())
    }

    fn from_reading(reading: &Reading) -> Slots {
        let mut slots = Slots::default();
        if let Some(thing) = &reading.thing {
            let plural = thing.plural;
            let head = thing.body[thing.body.len() - 1].to_lowercase();
            if is_quality(&head) && thing.det == super::extract::Det::Bare {
                // "reliability": a quality written bare stays bare.
                slots.measure = Some(thing.body.join(" "));
            } else if super::lexicon::MEASURES.contains(&head) || is_quality(&head) {
                slots.measure = Some(thing.definite());
            } else {
                slots.thing = Some(thing.definite());
            }
            slots.does = Some(if plural { "do" } else { "does" }.to_owned());
            slots.is = Some(if plural { "are" } else { "is" }.to_owned());
            slots.has = Some(if plural { "have" } else { "has" }.to_owned());
            slots.was = Some(if plural { "were" } else { "was" }.to_owned());
        }
        if !reading.by_people && reading.action.is_none() {
            slots.work.clone_from(&slots.thing);
        }
        slots.missing = reading.missing.as_ref().map(|missing| missing.indefinite());
        if let Some(host) = &reading.host {
            slots.host = Some(host.definite());
            slots.host_does = Some(if host.plural { "do" } else { "does" }.to_owned());
        }
        if reading.past {
            slots.past_state.clone_from(&reading.state);
        } else {
            slots.state.clone_from(&reading.state);
        }
        if let Some(action) = &reading.action {
            // "What would it take to {action}?" proposes: only what the question
            // proposes, never what people already do ("still deploying by hand").
            if reading.not_done {
                slots.action = action.base();
                slots.action_ing = action.gerund();
            } else if !super::lexicon::BREAKING_VERBS.contains(&action.verb) {
                // "What led to breaking prod?" asks who broke it; the failure
                // intent asks about the failure instead.
                slots.did_ing = action.gerund();
            }
            // Only what a proposal brings in is new: "turning off autovacuum" does
            // not make autovacuum something to add.
            // Nor is what is already there ("put *the flags* in a ConfigMap"), or
            // what a verb does not bring in ("flag the cert change").
            if action.object.topic
                && reading.not_done
                && action.object.det != super::extract::Det::Definite
                && super::lexicon::CHOICE_VERBS.contains(&action.verb)
            {
                slots.new_thing = Some(action.object.as_written());
            }
        }
        if let Some(new_thing) = &reading.new_thing {
            slots
                .new_thing
                .get_or_insert_with(|| new_thing.indefinite());
        }
        slots.old = reading.still_on.as_ref().map(|old| old.definite());
        slots.event.clone_from(&reading.event);
        match &reading.being {
            Some((said, true)) => slots.being_what = Some(said.clone()),
            Some((said, false)) => slots.doing_what = Some(said.clone()),
            None => {}
        }
        match &reading.predicate {
            Some((said, true)) => slots.did_what = Some(said.clone()),
            Some((said, false)) => slots.does_what = Some(said.clone()),
            None => {}
        }
        if let Some(action) = &reading.action {
            let object_is_thing = reading
                .thing
                .as_ref()
                .is_some_and(|thing| thing.start == action.object.start);
            // "set the pool size" sets a value; "set up Jenkins" brings it in.
            let set_a_value = action.verb == "set" && action.particle.as_deref() != Some("up");
            if object_is_thing
                && !reading.not_done
                && super::lexicon::CHOICE_VERBS.contains(&action.verb)
                && !set_a_value
            {
                slots.chosen.clone_from(&slots.thing);
            }
            let turned_on = action.verb == "turn" && action.particle.as_deref() == Some("on");
            if object_is_thing
                && !reading.not_done
                && super::lexicon::REMOVING_VERBS.contains(&action.verb)
                && !turned_on
            {
                // "disable TLS between the pods": without TLS *between the pods*,
                // not without TLS anywhere.
                let removed = slots.thing.take();
                let where_it_was = action.tail.as_ref().filter(|(preposition, _)| {
                    matches!(
                        preposition.as_str(),
                        "between" | "on" | "in" | "for" | "across" | "at"
                    )
                });
                slots.removed = match where_it_was {
                    Some((preposition, phrase)) => removed
                        .map(|removed| format!("{removed} {preposition} {}", phrase.as_written())),
                    None => removed,
                };
            }
            let checking = super::lexicon::PROCESS_VERBS.contains(&action.verb);
            if checking && object_is_thing && action.particle.is_none() {
                slots.done = action.participle();
            }
        }
        // After what was removed is taken out of `thing`.
        if reading
            .thing
            .as_ref()
            .is_some_and(|thing| thing.is_product())
        {
            slots.product.clone_from(&slots.thing);
        } else {
            slots.built.clone_from(&slots.thing);
        }
        slots
    }
}

/// A quality ("reliability", "slowness"): measured and driven, not a part
/// that works.
fn is_quality(head: &str) -> bool {
    (head.ends_with("ility") || head.ends_with("ivity") || head.ends_with("ness"))
        && head.len() > 6
        && head != "business"
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

/// The words of a suggestion, lower case, without its punctuation.
pub(crate) fn suggestion_words(suggestion: &str) -> impl Iterator<Item = String> + '_ {
    suggestion
        .split_whitespace()
        .map(|word| {
            let word = word.trim_end_matches(['?', ',']);
            if word.contains('’') {
                word.replace('’', "'").to_lowercase()
            } else {
                word.to_lowercase()
            }
        })
        .filter(|word| !word.is_empty())
}

/// Whether a filled template reads as a plain question about the system and
/// uses only words the rewriter knows or the question itself used.
fn reads_well(suggestion: &str, vouched: &impl Fn(&str) -> bool) -> bool {
    let opener = suggestion.split_whitespace().next().unwrap_or("");
    if !SUGGESTION_OPENERS.contains(&opener)
        || !suggestion.ends_with('?')
        || suggestion.matches('?').count() != 1
    {
        return false;
    }
    let words: Vec<String> = suggestion_words(suggestion).collect();
    let doubled = words.windows(2).any(|pair| pair[0] == pair[1]);
    // "What would it take to change the schema change?": a word said twice.
    fn stem(word: &str) -> &str {
        word.trim_end_matches('s')
    }
    let repeated = words.iter().enumerate().any(|(index, word)| {
        word.len() >= 5
            && words[index + 1..]
                .iter()
                .any(|later| stem(later) == stem(word))
    });
    let aimed_at_people = words.iter().any(|word| {
        matches!(
            word.as_str(),
            "you" | "your" | "you're" | "yourself" | "y'all" | "u"
        )
    });
    !doubled
        && !repeated
        && !aimed_at_people
        && words.len() <= MAX_SUGGESTION_WORDS
        && words.iter().all(|word| vouched(word))
}

/// Up to [`MAX_SUGGESTIONS`] rewrites from `templates` in order, keeping those
/// that read well, use only vouched-for words, and that `is_clean` (the
/// checker itself) does not flag.
/// `fallbacks` (templates that need no phrase) only make up the two a line
/// must get: a third that names nothing adds nothing.
pub(crate) fn suggest<'a>(
    reading: &Reading,
    templates: impl IntoIterator<Item = &'a Template>,
    fallbacks: impl IntoIterator<Item = &'a Template>,
    vouched: impl Fn(&str) -> bool,
    is_clean: impl Fn(&str) -> bool,
) -> Vec<String> {
    let slots = Slots::from_reading(reading);
    let mut suggestions: Vec<String> = Vec::with_capacity(MAX_SUGGESTIONS);
    let mut fallbacks = fallbacks.into_iter();
    let (named, unnamed): (Vec<&Template>, Vec<&Template>) = templates
        .into_iter()
        .partition(|template| template.names_something());
    let mut next_template = named.into_iter().chain(unnamed);
    loop {
        let template = match next_template.next() {
            Some(template) => template,
            None if suggestions.len() < 2 => match fallbacks.next() {
                Some(template) => template,
                None => break,
            },
            None => break,
        };
        if suggestions.len() == MAX_SUGGESTIONS {
            break;
        }
        let Some(suggestion) = template.fill(&slots) else {
            continue;
        };
        if !suggestions.contains(&suggestion)
            && reads_well(&suggestion, &vouched)
            && is_clean(&suggestion)
        {
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
        assert!(Template::parse("What led to {action_ing}?").is_ok());
        assert!(Template::parse("Why did {action}?").is_err());
        assert!(Template::parse("What led to {action}").is_err());
        assert!(Template::parse("What led to {nonsense}?").is_err());
        assert!(Template::parse("What led to {thing?").is_err());
        assert!(Template::parse("What? led to {thing}?").is_err());
    }

    #[test]
    fn what_was_removed_is_never_asked_how_it_works_and_keeps_where_it_was() {
        let verdict = super::super::Checker::builtin()
            .check("Why did you turn off retries between the shards?");
        assert!(
            verdict
                .suggestions
                .iter()
                .any(|s| s == "How does the system work without retries between the shards today?"),
            "{:?}",
            verdict.suggestions
        );
        assert!(
            !verdict
                .suggestions
                .iter()
                .any(|s| s.contains("retries work")),
            "{:?}",
            verdict.suggestions
        );
    }

    fn suggestions_for(line: &str) -> Vec<String> {
        let verdict = super::super::Checker::builtin().check(line);
        assert!(verdict.is_flagged(), "{line:?} is not flagged");
        verdict.suggestions
    }

    #[test]
    fn a_missing_thing_is_named_whole_and_never_asked_how_it_works() {
        let suggestions =
            suggestions_for("Why isn't there connection pooling on the billing gateway?");
        assert_eq!(
            suggestions[..2],
            [
                "What would it take to add connection pooling to the billing gateway?",
                "How does the billing gateway cope without connection pooling today?",
            ]
        );
        assert!(
            !suggestions.iter().any(|s| s.contains("work today")),
            "{suggestions:?}"
        );
    }

    #[test]
    fn what_a_missing_thing_is_said_of_is_where_it_would_be_added() {
        let suggestions = suggestions_for("Wow, yet another queue with no dead-letter topic.");
        assert!(
            suggestions
                .iter()
                .any(|s| s == "How does the queue cope without a dead-letter topic today?"),
            "{suggestions:?}"
        );
        // An activity is no place to add something to.
        let suggestions = suggestions_for("What were they thinking, migrating without a backup?");
        assert!(
            !suggestions.iter().any(|s| s.contains("to migrating")),
            "{suggestions:?}"
        );
    }

    #[test]
    fn who_did_it_asks_how_changes_are_reviewed_even_with_nothing_to_name() {
        let suggestions = suggestions_for("who signed off on this disaster");
        assert_eq!(
            suggestions,
            [
                "How are changes like this reviewed and approved today?",
                "Which step of the review or rollout would catch this earlier?",
            ]
        );
        let suggestions = suggestions_for("Which one of you changed the retry policy?");
        assert!(
            suggestions
                .iter()
                .any(|s| s == "How are changes to the retry policy reviewed and approved today?"),
            "{suggestions:?}"
        );
    }

    #[test]
    fn a_duty_that_was_missed_is_not_said_to_have_happened() {
        let suggestions = suggestions_for("Who was supposed to rotate the signing keys?");
        assert_eq!(suggestions[0], "Who owns rotating the signing keys today?");
        assert!(
            !suggestions.iter().any(|s| s.contains("led to rotating")),
            "{suggestions:?}"
        );
    }

    #[test]
    fn a_verdict_on_work_asks_what_shaped_it() {
        let suggestions = suggestions_for("The rollout plan was clearly rushed.");
        assert_eq!(
            suggestions[..2],
            [
                "What constraints shaped the rollout plan?",
                "What would improve the rollout plan most, given more time?",
            ]
        );
        // What people failed to do is no piece of work to judge.
        let suggestions = suggestions_for("Somebody obviously never read the Vault docs.");
        assert!(
            !suggestions
                .iter()
                .any(|s| s.contains("constraints shaped the")),
            "{suggestions:?}"
        );
    }

    #[test]
    fn an_order_becomes_what_the_change_would_involve() {
        let suggestions = suggestions_for("Just use SQS like everyone else.");
        assert_eq!(
            suggestions[..2],
            [
                "What would it take to use SQS?",
                "What would using SQS involve?"
            ]
        );
        // "just copy …": the ordered verb is no thing ("the copy").
        let suggestions = suggestions_for("Just copy what the search team built.");
        assert!(
            !suggestions.iter().any(|s| s.contains("the copy")),
            "{suggestions:?}"
        );
    }

    #[test]
    fn what_people_broke_is_asked_as_a_failure_not_as_a_choice() {
        let suggestions = suggestions_for("You broke staging again with that config push.");
        assert!(
            !suggestions.iter().any(|s| s.contains("breaking")),
            "{suggestions:?}"
        );
        assert!(
            suggestions
                .iter()
                .any(|s| s == "What would catch a problem with staging earlier?"),
            "{suggestions:?}"
        );
    }

    #[test]
    fn what_was_done_is_read_after_when_they_did_it() {
        let suggestions =
            suggestions_for("What were you thinking when you turned off the audit log?");
        assert_eq!(suggestions[0], "What led to turning off the audit log?");
    }

    #[test]
    fn the_subject_before_a_verdict_is_what_the_line_is_about() {
        let suggestions = suggestions_for("The billing exporter was clearly thrown together.");
        assert_eq!(
            suggestions[0],
            "What constraints shaped the billing exporter?"
        );
    }

    #[test]
    fn a_particle_after_the_object_stays_with_its_verb() {
        let suggestions = suggestions_for("just switch retries back on");
        assert_eq!(
            suggestions[0],
            "What would it take to switch retries back on?"
        );
    }

    #[test]
    fn should_never_have_says_it_was_done_and_never_proposes_it() {
        let suggestions = suggestions_for("They should never have given the CI runner root.");
        assert!(
            suggestions
                .iter()
                .any(|s| s == "What led to giving the CI runner root?"),
            "{suggestions:?}"
        );
        assert!(
            !suggestions
                .iter()
                .any(|s| s.contains("take to give") || s.contains("would giving")),
            "{suggestions:?}"
        );
    }

    #[test]
    fn what_was_done_is_read_after_an_empty_gerund_but_no_further() {
        let suggestions =
            suggestions_for("What were you thinking caching the tokens in the browser?");
        assert_eq!(
            suggestions[0],
            "What led to caching the tokens in the browser?"
        );
        let suggestions = suggestions_for("What were you thinking with rolling restarts?");
        assert!(
            !suggestions
                .iter()
                .any(|s| s.contains("rolling restarts?") && s.starts_with("What led to rolling")),
            "{suggestions:?}"
        );
    }

    #[test]
    fn a_verb_of_deciding_takes_no_object() {
        let suggestions = suggestions_for("who decided the audit log could live in Redis");
        assert!(
            !suggestions.iter().any(|s| s.contains("deciding")),
            "{suggestions:?}"
        );
    }

    #[test]
    fn what_was_turned_off_is_not_something_to_add() {
        let suggestions = suggestions_for("Bold move, switching off TLS on the edge proxy.");
        assert!(
            !suggestions
                .iter()
                .any(|s| s.contains("add TLS") || s.contains("Where would TLS")),
            "{suggestions:?}"
        );
    }

    #[test]
    fn a_product_is_named_without_the() {
        let suggestions = suggestions_for("What's the justification for running your own Consul?");
        assert!(
            suggestions
                .iter()
                .any(|s| s == "How does Consul work today?"),
            "{suggestions:?}"
        );
    }

    #[test]
    fn a_word_of_praise_alone_in_its_clause_is_no_thing() {
        for line in [
            "Marvellous, nobody tested the importer.",
            "Nobody tested the importer. Marvellous.",
        ] {
            let suggestions = suggestions_for(line);
            assert!(
                suggestions
                    .iter()
                    .all(|s| !s.contains("Marvellous") && !s.contains("Wonderful")),
                "{suggestions:?}"
            );
            assert!(
                suggestions.iter().any(|s| s.contains("the importer")),
                "{suggestions:?}"
            );
        }
    }

    #[test]
    fn praise_words_a_sarcastic_line_means_the_other_way_are_not_kept() {
        let suggestions = suggestions_for("Clearly a well-thought-out rollout plan.");
        assert!(
            !suggestions.iter().any(|s| s.contains("well-thought-out")),
            "{suggestions:?}"
        );
        let suggestions = suggestions_for("What a bold plan, one queue for every tenant. Cute.");
        assert!(
            !suggestions
                .iter()
                .any(|s| s.contains("plan") && s.contains("bold")),
            "{suggestions:?}"
        );
    }

    #[test]
    fn a_bare_word_after_a_modal_is_its_verb() {
        let suggestions = suggestions_for("Oh sure, that'll hold.");
        assert!(
            !suggestions.iter().any(|s| s.contains("hold")),
            "{suggestions:?}"
        );
    }

    #[test]
    fn a_number_with_a_unit_measures_what_follows() {
        let suggestions =
            suggestions_for("Sure, because 48 hour cache lifetimes never hurt anyone.");
        assert!(
            suggestions
                .iter()
                .any(|s| s.contains("48 hour cache lifetimes")),
            "{suggestions:?}"
        );
    }

    #[test]
    fn a_clause_opening_with_a_gerund_says_what_was_done() {
        let suggestions = suggestions_for("Bold move, storing session tokens in local storage.");
        assert_eq!(
            suggestions[0],
            "What led to storing session tokens in local storage?"
        );
    }

    #[test]
    fn lets_proposes_and_does_not_claim_the_thing_exists() {
        let suggestions = suggestions_for("Sure, let's add a fourth cache layer, why not.");
        assert!(
            !suggestions
                .iter()
                .any(|s| s.contains("the fourth cache layer")),
            "{suggestions:?}"
        );
        assert!(
            suggestions
                .iter()
                .any(|s| s == "Where would a fourth cache layer fit in the system?"),
            "{suggestions:?}"
        );
    }

    #[test]
    fn a_quality_is_measured_and_driven_not_worked() {
        let suggestions = suggestions_for("Ten points for maintainability, zero for speed.");
        assert!(
            suggestions
                .iter()
                .any(|s| s == "How is maintainability measured today?"),
            "{suggestions:?}"
        );
    }

    #[test]
    fn a_plural_followed_by_a_word_in_s_ends_at_its_verb() {
        let suggestions =
            suggestions_for("Whoever is behind the webhook retries owes finance an explanation.");
        assert!(
            !suggestions.iter().any(|s| s.contains("owes")),
            "{suggestions:?}"
        );
    }

    #[test]
    fn a_sentence_opening_with_a_verb_orders_it_and_nothing_is_said_done() {
        let suggestions = suggestions_for("Add a retry budget to the client, it's a one-line fix.");
        assert!(
            !suggestions.iter().any(|s| s.contains("led to adding")),
            "{suggestions:?}"
        );
    }

    #[test]
    fn in_front_of_is_where_a_thing_goes() {
        let suggestions = suggestions_for("Just slap Varnish in front of the catalogue API.");
        assert_eq!(
            suggestions[0],
            "What would it take to slap Varnish in front of the catalogue API?"
        );
    }

    #[test]
    fn without_something_in_mind_says_nothing_is_missing() {
        let suggestions =
            suggestions_for("The importer was obviously designed without any retries in mind.");
        assert!(
            !suggestions.iter().any(|s| s.contains("add retries")),
            "{suggestions:?}"
        );
    }

    #[test]
    fn a_time_after_the_object_is_no_part_of_it() {
        let suggestions = suggestions_for("Just rotate the keys next quarter.");
        assert_eq!(suggestions[0], "What would it take to rotate the keys?");
    }

    #[test]
    fn a_loss_is_an_event_not_a_part_of_the_system() {
        let suggestions = suggestions_for("Who is to blame for the ledger data loss?");
        assert_eq!(suggestions[0], "What led to the ledger data loss?");
    }

    #[test]
    fn rejects_suggestions_aimed_at_people_or_with_unvouched_words() {
        let known = |word: &str| word != "burneding";
        assert!(reads_well("How does the gateway work today?", &known));
        assert!(!reads_well("How does you work today?", &known));
        assert!(!reads_well("What led to the the build?", &known));
        assert!(!reads_well("What led to burneding the logs?", &known));
        assert!(!reads_well(
            "How do the auth systems fit the needs of the system today?",
            &known
        ));
        assert!(!reads_well("Why is the build slow?", &known));
    }
}
