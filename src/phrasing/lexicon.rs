//! Word lists the rewriter uses to find the parts of a question.
//!
//! These are closed classes (auxiliaries, determiners, pronouns) plus the verbs
//! that service reviews talk about. A verb missing here is not a failure: the
//! parser then falls back to a simpler split and the rewrites get plainer.

use super::word_set::{WordSet, word_set};
/// The kind of auxiliary that opens a question ("Why *did* you…").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AuxKind {
    /// do / does / did: a base-form verb follows the subject.
    Do,
    /// is / are / was / were: a state, participle or gerund follows.
    Be,
    /// has / have / had: a past participle follows.
    Have,
    /// can / would / should / will …: a base-form verb follows.
    Modal,
}

/// An auxiliary as found in a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Aux {
    pub kind: AuxKind,
    pub negative: bool,
    pub past: bool,
    /// The positive form: "didn't" → "did".
    pub positive: &'static str,
}

const AUXILIARIES: &[(&str, AuxKind, bool, bool, &str)] = &[
    ("do", AuxKind::Do, false, false, "do"),
    ("does", AuxKind::Do, false, false, "does"),
    ("did", AuxKind::Do, false, true, "did"),
    ("don't", AuxKind::Do, true, false, "do"),
    ("doesn't", AuxKind::Do, true, false, "does"),
    ("didn't", AuxKind::Do, true, true, "did"),
    ("is", AuxKind::Be, false, false, "is"),
    ("are", AuxKind::Be, false, false, "are"),
    ("am", AuxKind::Be, false, false, "am"),
    ("was", AuxKind::Be, false, true, "was"),
    ("were", AuxKind::Be, false, true, "were"),
    ("isn't", AuxKind::Be, true, false, "is"),
    ("aren't", AuxKind::Be, true, false, "are"),
    ("wasn't", AuxKind::Be, true, true, "was"),
    ("weren't", AuxKind::Be, true, true, "were"),
    ("has", AuxKind::Have, false, false, "has"),
    ("have", AuxKind::Have, false, false, "have"),
    ("had", AuxKind::Have, false, true, "had"),
    ("hasn't", AuxKind::Have, true, false, "has"),
    ("haven't", AuxKind::Have, true, false, "have"),
    ("hadn't", AuxKind::Have, true, true, "had"),
    ("can", AuxKind::Modal, false, false, "can"),
    ("could", AuxKind::Modal, false, false, "could"),
    ("would", AuxKind::Modal, false, false, "would"),
    ("will", AuxKind::Modal, false, false, "will"),
    ("should", AuxKind::Modal, false, false, "should"),
    ("shall", AuxKind::Modal, false, false, "shall"),
    ("must", AuxKind::Modal, false, false, "must"),
    ("might", AuxKind::Modal, false, false, "might"),
    ("may", AuxKind::Modal, false, false, "may"),
    ("can't", AuxKind::Modal, true, false, "can"),
    ("couldn't", AuxKind::Modal, true, false, "could"),
    ("wouldn't", AuxKind::Modal, true, false, "would"),
    ("won't", AuxKind::Modal, true, false, "will"),
    ("shouldn't", AuxKind::Modal, true, false, "should"),
    ("mustn't", AuxKind::Modal, true, false, "must"),
];

pub(crate) fn auxiliary(lower: &str) -> Option<Aux> {
    AUXILIARIES.iter().find(|(word, ..)| *word == lower).map(
        |&(_, kind, negative, past, positive)| Aux {
            kind,
            negative,
            past,
            positive,
        },
    )
}

/// Subjects that are people: a rewrite drops them and talks about the system.
#[rustfmt::skip]
static PERSON_PRONOUNS: WordSet = word_set![
    "you", "we", "they", "i", "he", "she", "anyone", "anybody", "someone", "somebody", "nobody",
    "everyone", "everybody", "people", "folks", "y'all", "us", "them", "u", "ya", "yall",
];

/// Person subjects that negate the question ("why did *nobody* add…").
pub(crate) static NEGATIVE_PEOPLE: WordSet = word_set!["nobody", "noone"];

pub(crate) fn is_person_pronoun(lower: &str) -> bool {
    PERSON_PRONOUNS.contains(lower) || NEGATIVE_PEOPLE.contains(lower)
}

/// Nouns naming people or groups of people ("the product *team*").
#[rustfmt::skip]
static PEOPLE_NOUNS: WordSet = word_set![
    "team", "teams", "engineer", "engineers", "developer", "developers", "dev", "devs", "folks",
    "people", "person", "owner", "owners", "manager", "managers", "management", "leadership",
    "architect", "architects", "designer", "designers", "author", "authors", "reviewer",
    "reviewers", "sre", "sres", "operator", "operators", "admin", "admins", "administrator",
    "administrators", "staff", "lead", "leads", "pm", "pms", "on-caller", "on-callers", "oncaller",
    "everyone", "anyone", "someone", "nobody", "guys", "colleagues", "contractor", "contractors",
    "ops",
];

pub(crate) fn is_people_noun(lower: &str) -> bool {
    PEOPLE_NOUNS.contains(lower)
}

/// Pronouns that stand for a thing or a situation, never a useful topic.
pub(crate) static DUMMY_SUBJECTS: WordSet =
    word_set!["it", "there", "this", "that", "these", "those"];

/// Words that open a noun phrase.
#[rustfmt::skip]
static DETERMINERS: WordSet = word_set![
    "the", "a", "an", "this", "that", "these", "those", "our", "your", "their", "its", "my", "his",
    "her", "each", "every", "all", "both", "no", "some", "any", "another", "other", "one", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "more", "many", "several",
    "few", "extra", "additional", "most",
];

pub(crate) fn is_determiner(lower: &str) -> bool {
    DETERMINERS.contains(lower) || lower.chars().all(|c| c.is_ascii_digit()) && !lower.is_empty()
}

/// Determiners that mean "something new" — the thing a proposal would add.
#[rustfmt::skip]
pub(crate) static INDEFINITE_DETERMINERS: WordSet = word_set![
    "a", "an", "another", "some", "more", "extra", "additional", "one", "any",
];

/// Determiners after which a phrase cannot be "the X" in a rewrite.
pub(crate) static QUANTIFIER_DETERMINERS: WordSet =
    word_set!["every", "each", "no", "all", "most", "few"];

/// Determiners that aim at people's belongings; rewrites say "the" instead.
pub(crate) static PERSONAL_DETERMINERS: WordSet =
    word_set!["your", "our", "their", "my", "his", "her"];

/// Determiners that make the phrase plural.
pub(crate) static PLURAL_DETERMINERS: WordSet = word_set![
    "these", "those", "both", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "many", "several", "few", "more", "all",
];

/// Words that end a noun phrase when they follow it.
static PHRASE_BREAKERS: WordSet = word_set![
    "for", "to", "in", "on", "at", "by", "with", "without", "from", "into", "onto", "behind",
    "over", "under", "across", "through", "between", "during", "before", "after", "instead",
    "rather", "than", "so", "too", "because", "when", "whenever", "while", "if", "unless", "that",
    "which", "who", "where", "and", "or", "but", "not", "every", "each", "per", "via", "as", "off",
    "up", "down", "out", "around", "about", "against", "inside", "outside", "within", "until",
    "since", "once", "twice", "times", "again", "anymore", "yet", "still", "always", "never",
    "only", "then", "there", "here", "now", "today", "first", "last", "back", "away", "straight",
    "directly",
];

pub(crate) fn breaks_phrase(lower: &str) -> bool {
    PHRASE_BREAKERS.contains(lower) || lower.ends_with("ly") && lower.len() > 4
}

/// Prepositions and particles a rewrite may skip to reach the thing talked about.
pub(crate) static PREPOSITIONS: WordSet = word_set![
    "for", "to", "in", "on", "at", "by", "with", "without", "from", "into", "onto", "behind",
    "over", "under", "across", "through", "between", "during", "off", "up", "down", "out", "of",
    "around", "about", "against", "inside", "outside", "within", "via", "per", "back", "away",
];

/// Words that are never the head of a topic: times, amounts, filler nouns.
#[rustfmt::skip]
static NOT_TOPICS: WordSet = word_set![
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mondays",
    "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays", "weekend", "weekends",
    "morning", "mornings", "afternoon", "afternoons", "evening", "evenings", "night", "nights",
    "day", "days", "week", "weeks", "month", "months", "year", "years", "quarter", "quarters",
    "hour", "hours", "minute", "minutes", "second", "seconds", "time", "times", "today", "tonight",
    "way", "thing", "things", "stuff", "lot", "bit", "hand", "purpose", "reason", "idea", "fault",
    "point", "sense", "front", "side", "top", "bottom", "middle", "place", "end", "wait", "while",
    "copy", "copies", "rest", "number", "pair", "half", "bunch",
];

/// Nouns too generic to be a topic alone ("the problem") but fine with a
/// modifier ("the capacity problem").
#[rustfmt::skip]
static GENERIC_NOUNS: WordSet = word_set![
    "part", "kind", "kinds", "sort", "case", "decision", "choice", "call", "instance", "question",
    "answer", "problem", "issue", "fix", "type", "types", "version", "versions", "gap", "bug",
    "bugs", "mistake", "oversight",
];

pub(crate) fn is_generic_noun(lower: &str) -> bool {
    GENERIC_NOUNS.contains(lower)
}

pub(crate) fn is_not_topic(lower: &str) -> bool {
    NOT_TOPICS.contains(lower)
}

/// Function words: never part of a topic phrase's content.
static FUNCTION_WORDS: WordSet = word_set![
    "the", "a", "an", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "have", "has",
    "had", "it", "this", "that", "these", "those", "there", "here", "so", "too", "very", "not",
    "no", "why", "how", "what", "where", "when", "which", "who", "whom", "whose", "come", "you",
    "we", "they", "i", "he", "she", "them", "us", "me", "your", "our", "their", "my", "its", "can",
    "could", "would", "will", "should", "shall", "must", "might", "may", "then", "than", "as",
    "also", "still", "even", "just", "only", "really", "ever", "never", "always", "again",
];

pub(crate) fn is_function_word(lower: &str) -> bool {
    FUNCTION_WORDS.contains(lower)
}

/// Words removed from a question before it is rewritten: they carry the
/// judgement, not the subject matter ("just", "simply", "instead").
#[rustfmt::skip]
pub(crate) static LOADED_WORDS: WordSet = word_set![
    "just", "simply", "merely", "obviously", "clearly", "surely", "even", "really", "actually",
    "honestly", "seriously", "basically", "literally", "instead", "possibly", "ever", "anyway",
    "anyways", "please", "oh", "obvious", "such", "silly", "stupid", "dumb", "trivial",
];

/// Words after which a loaded word is ordinary English: "instead *of*",
/// "even *if*", "just *before*".
pub(crate) static LOADED_WORD_RELEASERS: WordSet = word_set![
    "of", "if", "though", "when", "than", "before", "after", "as", "so", "now", "because", "in",
    "with", "without", "once", "numbers", "more", "less",
];

/// Extra intensifiers that only count right after "why" ("why *exactly*…").
pub(crate) static WHY_INTENSIFIERS: WordSet = word_set![
    "exactly", "again", "then", "oh", "so", "though", "tho", "now", "anyway", "really",
];

/// Verbs whose object is a clause ("don't you *think* the thresholds are too
/// low?"): the rewrite is about the clause, not the thinking.
pub(crate) static THINKING_VERBS: WordSet = word_set![
    "think", "believe", "feel", "agree", "know", "realise", "realize", "suppose", "expect",
    "assume", "guess", "reckon", "notice", "see",
];

/// Loaded phrases of several words, removed like `LOADED_WORDS`.
pub(crate) const LOADED_PHRASES: &[&[&str]] = &[
    &["on", "earth"],
    &["in", "the", "world"],
    &["the", "hell"],
    &["the", "heck"],
    &["of", "course"],
    &["for", "god's", "sake"],
    &["never", "mind"],
    &["no", "wait"],
];

/// Loaded words that make a question a proposal ("can't you *just* …").
pub(crate) static PROPOSAL_MARKERS: WordSet = word_set!["just", "simply", "merely", "instead"];

/// Words that may open a sentence without changing what it asks.
#[rustfmt::skip]
pub(crate) static FILLERS: WordSet = word_set![
    "so", "and", "but", "or", "ok", "okay", "well", "also", "now", "hey", "hmm", "um", "uh",
    "sorry", "yeah", "right", "then", "like", "honestly", "seriously", "look", "listen",
    "obviously", "clearly", "surely", "basically",
];

/// Adjectives that turn "wouldn't it be X to …" into a proposal.
pub(crate) static EASY_WORDS: WordSet = word_set![
    "easier", "simpler", "easy", "simple", "better", "cheaper", "faster", "quicker", "trivial",
    "safer", "smarter", "obvious", "clear", "possible", "enough",
];

/// Adverbs that sit between a subject and its verb ("the service *still* runs").
#[rustfmt::skip]
pub(crate) static PREDICATE_ADVERBS: WordSet = word_set![
    "not", "never", "still", "always", "already", "only", "also", "usually", "often", "sometimes",
    "constantly", "ever", "so", "too", "very", "now", "currently",
];

/// Nouns that are also verbs; after a noun they are more likely part of the
/// noun phrase ("the *build* cache", "the *deploy* pipeline").
#[rustfmt::skip]
pub(crate) static NOUN_VERBS: WordSet = word_set![
    "build", "deploy", "cache", "log", "test", "page", "alert", "queue", "store", "release",
    "patch", "index", "load", "lock", "block", "batch", "schedule", "trace", "proxy", "mirror",
    "route", "stream", "host", "tag", "label", "version", "report", "plan", "design", "change",
    "update", "upgrade", "request", "record", "list", "map", "filter", "search", "query", "check",
    "limit", "rate", "scale", "split", "fix", "reset", "restart", "crash", "sync", "merge",
    "commit", "push", "pull", "flag", "monitor", "target", "package", "bundle", "document",
    "format", "profile", "sample", "measure", "benchmark", "rollout", "shard", "partition",
    "archive", "snapshot", "restore", "import", "export", "support", "time", "backup", "failover",
    "run", "start", "work", "job", "config", "review", "process", "setup", "signal", "event",
    "message", "call", "return", "access", "control", "balance", "rotate", "notify", "drain",
    "retry", "ping", "rollback", "offer", "order", "point", "name", "file", "end", "state",
    "answer", "spike", "drop", "lag", "leak", "hit", "miss", "cost", "outage",
];

/// Common adjectives: they end a subject ("the build *slow*") and never make a topic.
#[rustfmt::skip]
pub(crate) static COMMON_ADJECTIVES: WordSet = word_set![
    "slow", "fast", "low", "high", "big", "small", "large", "long", "short", "late", "early",
    "hard", "easy", "simple", "good", "bad", "new", "old", "same", "different", "enough",
    "possible", "available", "necessary", "important", "sure", "ready", "stale", "flaky", "noisy",
    "busy", "expensive", "cheap", "complex", "complicated", "manual", "broken", "down", "global",
    "local", "unbounded", "empty", "full", "single", "safe", "unsafe", "fine", "ok", "okay",
    "wrong", "right", "missing", "hot", "cold", "warm", "dead", "alive", "offline", "online",
    "flat", "tight", "loose", "brittle", "fragile", "huge", "tiny", "many", "much", "few", "often",
    "rare", "common", "separate", "shared", "public", "private", "internal", "external", "custom",
    "straight", "legacy", "synchronous", "asynchronous", "sync", "async", "idle", "healthy",
    "unhealthy", "red", "green", "obvious", "clear", "trivial", "open", "closed", "valid",
    "invalid", "secure", "insecure", "stable", "unstable", "consistent", "inconsistent",
    "redundant", "idempotent", "critical", "optional", "mandatory", "current", "outdated", "own",
    "same", "whole", "entire", "main", "primary", "secondary", "extra",
];

pub(crate) fn is_adjective(lower: &str) -> bool {
    COMMON_ADJECTIVES.contains(lower)
        || ADJECTIVE_SUFFIXES
            .iter()
            .any(|suffix| lower.len() > suffix.len() + 2 && lower.ends_with(suffix))
}

/// Adjective endings good enough to end a subject ("the migration *reversible*").
pub(crate) const ADJECTIVE_SUFFIXES: &[&str] = &["able", "ible", "ous", "ful", "less"];

/// Verb-and-particle pairs whose passive keeps the particle ("turned off").
pub(crate) const PHRASAL_VERBS: &[(&str, &str)] = &[
    ("turn", "off"),
    ("turn", "on"),
    ("roll", "back"),
    ("roll", "out"),
    ("back", "up"),
    ("set", "up"),
    ("shut", "down"),
    ("spin", "up"),
    ("spin", "down"),
    ("scale", "up"),
    ("scale", "down"),
    ("scale", "out"),
    ("tear", "down"),
    ("clean", "up"),
    ("break", "up"),
    ("split", "up"),
    ("sign", "off"),
    ("hand", "off"),
    ("take", "down"),
    ("bring", "up"),
    ("bring", "down"),
    ("switch", "off"),
    ("switch", "on"),
    ("lock", "down"),
    ("phase", "out"),
    ("warm", "up"),
    ("start", "up"),
    ("pull", "out"),
    ("put", "off"),
];

/// Verbs whose passive reads badly ("how are two tools *had*?").
pub(crate) static NO_PASSIVE: WordSet = word_set![
    "have", "need", "want", "know", "get", "go", "come", "be", "seem", "become", "let", "like",
    "think", "feel", "stay", "live", "sit", "exist", "happen", "look", "keep", "take", "try",
    "bother", "wait", "depend", "rely", "fail",
];

/// Verbs that read badly after "How does X …?" about a thing ("how does it *need*…").
pub(crate) static NO_HOW: WordSet = word_set![
    "take", "have", "need", "want", "know", "be", "seem", "become", "get", "exist", "happen",
    "lack", "deserve", "like", "stay",
];
