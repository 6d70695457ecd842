//! Reading a flagged question for what it is about.
//!
//! The rewriter needs the question's parts, not its words: who or what it is
//! about (the subject), what happens (an action or a state), whether it asks
//! about something that did not happen (negated) and whether it really
//! proposes a change ("can't you just …", "why not …"). This is a small,
//! forgiving reader for the shapes such questions take, not a grammar of
//! English: when it cannot find a part, it leaves it out and the rewriter
//! falls back to plainer suggestions.

use super::grammar::{action_from, read_clause, read_question};
use super::lexicon::{DUMMY_SUBJECTS, LOADED_WORDS, WHY_INTENSIFIERS, auxiliary, is_determiner};
use super::loaded::{loaded_phrase_at, skip_leading, strip_loaded};
use super::morphology::{base_of_gerund, base_of_past, is_gerund};
use super::phrase::NounPhrase;
use super::tokens::{Word, words};
use super::word_set::{WordSet, word_set};

/// Who or what the question is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Subject {
    /// People: "you", "the team", "nobody". Rewrites leave them out.
    Person,
    /// A part of the system: "the gateway".
    Thing(NounPhrase),
    /// "it", "this", "that": a stand-in with no content.
    Dummy,
    /// "there", as in "why is there no runbook".
    There,
    /// No subject at all: "Why not shard the queue?".
    Unstated,
}

/// What the question says happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Predicate {
    /// A verb in its base form and what follows it: "use" + "a shared database".
    Action { verb: String, rest: Vec<Word> },
    /// What follows "is": "so slow", "rebuilt every night".
    State(Vec<Word>),
    /// No verb found: "Why the second message broker?".
    Phrase(Vec<Word>),
}

/// A question, read for rewriting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Topic {
    pub subject: Subject,
    pub predicate: Predicate,
    /// It asks about something that did not happen ("why *didn't* you…").
    pub negated: bool,
    /// It proposes a change ("can't you *just*…", "why not…", "should have…").
    pub proposal: bool,
    /// Past tense ("why *was* the threshold set…").
    pub past: bool,
}

impl Topic {
    pub(crate) fn new(subject: Subject, predicate: Predicate) -> Topic {
        Topic {
            subject,
            predicate,
            negated: false,
            proposal: false,
            past: false,
        }
    }

    pub(crate) fn empty() -> Topic {
        Topic::new(Subject::Unstated, Predicate::Phrase(Vec::new()))
    }
}

/// Reads the question in `text` around the finding that starts at character
/// `trigger_start`.
pub(crate) fn parse(text: &str, trigger_start: usize) -> Topic {
    let mut all = words(text);
    normalise_case(text, &mut all);
    // "Why'd" is two words ("why", "did") at one offset: take the first.
    let Some(last_before) = all.iter().rposition(|word| word.start <= trigger_start) else {
        return Topic::empty();
    };
    let trigger = all
        .iter()
        .position(|word| word.start == all[last_before].start)
        .unwrap_or(last_before);
    let clause_end = clause_end_from(&all, trigger);
    let head = all[trigger].lower.as_str();
    let next_is = |lower: &str| all.get(trigger + 1).is_some_and(|word| word.is(lower));
    match head {
        "why" => after_why(&all, trigger),
        "how" if next_is("come") => read_clause(&all[trigger + 2..clause_end], false),
        "how" => after_how(&all[trigger + 1..clause_end]),
        "reason" => after_reason(&all[trigger + 1..clause_end]),
        "who" => after_who(&all[trigger + 1..clause_end]),
        "whose" => after_whose(&all[trigger + 1..clause_end]),
        _ => {
            let clause_start = clause_start_before(&all, trigger);
            let clause = &all[clause_start..clause_end];
            match clause.iter().position(|word| word.is("thinking")) {
                Some(thinking) => after_thinking(&clause[thinking + 1..]),
                None => read_question(clause),
            }
        }
    }
}

/// Shouting ("WHY IS…") is read in lower case, and a capital that only marks
/// the start of a sentence is dropped from function words ("The build…").
fn normalise_case(text: &str, all: &mut [Word]) {
    if !text.chars().any(char::is_lowercase) {
        for word in all.iter_mut() {
            word.text = word.lower.clone();
        }
        return;
    }
    for index in 0..all.len() {
        let starts_sentence = index == 0 || all[index - 1].ends_clause;
        let lower = all[index].lower.clone();
        if starts_sentence && (is_determiner(&lower) || DUMMY_SUBJECTS.contains(lower.as_str())) {
            all[index].text = lower;
        }
    }
}

/// One past the last word of the clause that contains `index`.
fn clause_end_from(all: &[Word], index: usize) -> usize {
    all[index..]
        .iter()
        .position(|word| word.ends_clause)
        .map_or(all.len(), |offset| index + offset + 1)
}

/// The first word of the clause that contains `index`.
fn clause_start_before(all: &[Word], index: usize) -> usize {
    all[..index]
        .iter()
        .rposition(|word| word.ends_clause)
        .map_or(0, |previous| previous + 1)
}

/// "Why [on earth] did you …", "Why not …", or a trailing "…, why?".
fn after_why(all: &[Word], trigger: usize) -> Topic {
    let mut index = trigger + 1;
    loop {
        if let Some(length) = loaded_phrase_at(all, index) {
            index += length;
        } else if all.get(index).is_some_and(|word| {
            LOADED_WORDS.contains(word.lower.as_str())
                || WHY_INTENSIFIERS.contains(word.lower.as_str())
        }) {
            index += 1;
        } else {
            break;
        }
    }
    if index >= all.len() {
        // "The build takes forty minutes, why?": the question is the clause before.
        let start = if trigger == 0 {
            0
        } else {
            clause_start_before(all, trigger - 1)
        };
        return read_clause(&all[start..trigger], false);
    }
    let body = &all[index..clause_end_from(all, index)];
    if body[0].is("not") {
        let (rest, _) = strip_loaded(&body[1..]);
        let mut topic = action_from(Subject::Unstated, &rest);
        topic.proposal = true;
        return topic;
    }
    read_question(body)
}

/// "How could nobody notice …" reads as a question after "how"; "How hard
/// can it be to add a second region?" proposes what follows "to".
pub(crate) fn after_how(rest: &[Word]) -> Topic {
    let opens_with_aux = rest
        .first()
        .is_some_and(|word| auxiliary(&word.lower).is_some());
    if opens_with_aux {
        return read_question(rest);
    }
    match rest.iter().position(|word| word.is("to")) {
        Some(to) if to + 1 < rest.len() => {
            let mut topic = action_from(Subject::Unstated, &strip_loaded(&rest[to + 1..]).0);
            topic.proposal = true;
            topic
        }
        _ => read_question(rest),
    }
}

/// "Is there a reason [why] the timeouts are …".
fn after_reason(rest: &[Word]) -> Topic {
    let skipped = rest
        .iter()
        .take_while(|word| matches!(word.lower.as_str(), "why" | "that" | "for" | "behind"))
        .count();
    read_clause(&rest[skipped..], false)
}

/// Verbs after "who" that introduce what someone believed or chose.
#[rustfmt::skip]
static THINKING: WordSet = word_set![
    "thought", "decided", "agreed", "figured", "assumed", "believed", "felt", "said", "insisted",
    "suggested", "wanted", "planned", "chose",
];

/// "Who thought a single region was enough?", "Who approved pushing …".
fn after_who(rest: &[Word]) -> Topic {
    let rest = skip_leading(rest, &["was", "is", "had", "has", "exactly", "even"]);
    let Some((verb, after)) = rest.split_first() else {
        return Topic::empty();
    };
    let (after, _) = strip_loaded(after);
    if after.first().is_some_and(|word| word.is("to")) {
        return action_from(Subject::Unstated, &after[1..]);
    }
    if after.first().is_some_and(|word| word.is("that")) {
        return read_clause(&after[1..], false);
    }
    if THINKING.contains(&verb.lower) {
        return read_clause(&after, false);
    }
    let object = skip_leading(&after, &["off", "on", "up"]);
    if let Some(first) = object.first()
        && is_gerund(&first.lower)
    {
        return gerund_action(object);
    }
    let base = base_of_past(&verb.lower).unwrap_or_else(|| verb.lower.clone());
    Topic::new(
        Subject::Unstated,
        Predicate::Action {
            verb: base,
            rest: object.to_vec(),
        },
    )
}

/// "Whose idea was it to deploy on Fridays?", "Whose fault was the outage?".
fn after_whose(rest: &[Word]) -> Topic {
    let rest = skip_leading(
        rest,
        &[
            "fault", "idea", "bright", "call", "decision", "mistake", "doing", "was", "is", "it",
        ],
    );
    match rest.first().map(|word| word.lower.as_str()) {
        Some("to") => action_from(Subject::Unstated, &strip_loaded(&rest[1..]).0),
        Some("that") => read_clause(&rest[1..], false),
        _ => Topic::new(Subject::Unstated, Predicate::Phrase(strip_loaded(rest).0)),
    }
}

/// "What were you thinking when you disabled the health checks?".
fn after_thinking(rest: &[Word]) -> Topic {
    let rest = skip_leading(rest, &["when", "with", "by", "about", "in", "of"]);
    match rest.first() {
        Some(first) if is_gerund(&first.lower) => gerund_action(rest),
        Some(_) => read_clause(rest, false),
        None => Topic::empty(),
    }
}

/// "pushing the schema change …" read as the action "push the schema change …".
fn gerund_action(input: &[Word]) -> Topic {
    let (rest, _) = strip_loaded(&input[1..]);
    Topic::new(
        Subject::Unstated,
        Predicate::Action {
            verb: base_of_gerund(&input[0].lower),
            rest,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Topic {
        let start = text.to_lowercase().find("why").unwrap_or(0);
        parse(text, text[..start].chars().count())
    }

    fn texts(words: &[Word]) -> String {
        words
            .iter()
            .map(|word| word.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn describe(topic: &Topic) -> String {
        let subject = match &topic.subject {
            Subject::Person => "person".to_owned(),
            Subject::Thing(phrase) => format!("thing[{}]", phrase.as_written()),
            Subject::Dummy => "dummy".to_owned(),
            Subject::There => "there".to_owned(),
            Subject::Unstated => "-".to_owned(),
        };
        let predicate = match &topic.predicate {
            Predicate::Action { verb, rest } => format!("{verb}[{}]", texts(rest)),
            Predicate::State(words) => format!("be[{}]", texts(words)),
            Predicate::Phrase(words) => format!("phrase[{}]", texts(words)),
        };
        let mut flags = String::new();
        if topic.negated {
            flags.push_str(" neg");
        }
        if topic.proposal {
            flags.push_str(" proposal");
        }
        format!("{subject} {predicate}{flags}")
    }

    #[test]
    fn reads_the_shapes_of_why_questions() {
        for (question, expected) in [
            (
                "Why did you use a shared database for both services?",
                "person use[a shared database for both services]",
            ),
            (
                "Why didn't you add rate limiting to the public API?",
                "person add[rate limiting to the public API] neg",
            ),
            (
                "Why don't you instead move the cron jobs to the queue?",
                "person move[the cron jobs to the queue] neg proposal",
            ),
            (
                "Why can't you just add another replica?",
                "person add[another replica] neg proposal",
            ),
            (
                "Why aren't you simply using the platform's load balancer?",
                "person use[the platform's load balancer] neg proposal",
            ),
            ("Why is the build so slow?", "thing[the build] be[so slow]"),
            (
                "Why are the logs not centralised?",
                "thing[the logs] be[centralised] neg",
            ),
            (
                "Why was the alert threshold set so low?",
                "thing[the alert threshold] be[set so low]",
            ),
            (
                "Why does the gateway retry every request five times?",
                "thing[the gateway] retry[every request five times]",
            ),
            (
                "Why not put the service behind a CDN?",
                "- put[the service behind a CDN] proposal",
            ),
            (
                "Why haven't you migrated off the old message bus?",
                "person migrate[off the old message bus] neg",
            ),
            (
                "How come the search index is rebuilt every night?",
                "thing[the search index] be[rebuilt every night]",
            ),
            (
                "why would the worker pool be unbounded",
                "thing[the worker pool] be[unbounded]",
            ),
            (
                "So why did the team split the monolith this way?",
                "person split[the monolith this way]",
            ),
            (
                "Why on earth does staging share a database with production?",
                "thing[staging] share[a database with production]",
            ),
            (
                "Why won't the service start without the config server?",
                "thing[the service] start[without the config server] neg",
            ),
            (
                "The build takes forty minutes, why?",
                "thing[the build] take[forty minutes]",
            ),
            (
                "Why the second message broker?",
                "- phrase[the second message broker]",
            ),
            (
                "Why'd you turn off the autoscaler?",
                "person turn[off the autoscaler]",
            ),
            (
                "Why hasn't the TLS certificate rotation been automated?",
                "thing[the TLS certificate rotation] be[automated] neg",
            ),
        ] {
            assert_eq!(describe(&read(question)), expected, "{question}");
        }
    }

    #[test]
    fn reads_judgements_without_why() {
        for (question, start_word, expected) in [
            (
                "Can't you just cache the responses?",
                "Can't",
                "person cache[the responses] neg proposal",
            ),
            (
                "Shouldn't the team have caught this in code review?",
                "Shouldn't",
                "person catch[this in code review] neg proposal",
            ),
            (
                "Who thought a single region was enough?",
                "Who",
                "thing[a single region] be[enough]",
            ),
            (
                "Wouldn't it be simpler to just buy a bigger machine?",
                "simpler",
                "- buy[a bigger machine] proposal",
            ),
            (
                "Isn't it obvious that the queue needs a dead-letter topic?",
                "obvious",
                "thing[the queue] need[a dead-letter topic]",
            ),
            (
                "What were you thinking when you disabled the health checks?",
                "What",
                "person disable[the health checks]",
            ),
            (
                "Have you ever heard of blue-green deployments?",
                "Have",
                "- phrase[blue-green deployments] proposal",
            ),
            (
                "Who decided to run the database on a single node?",
                "Who",
                "- run[the database on a single node]",
            ),
        ] {
            let start = question.find(start_word).expect("start word");
            let topic = parse(question, question[..start].chars().count());
            assert_eq!(describe(&topic), expected, "{question}");
        }
    }
}
