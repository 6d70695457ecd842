//! Which of many patterns match a text at all, in one pass over it: which
//! rules can match, which intents' cues do.
//!
//! Only the rules this pass names run their own regex (with captures, for the
//! finding's span). A set of patterns needs no match positions, so this builds
//! one forward automaton for all of them, without capture states, and runs it
//! as a lazy DFA: `regex::RegexSet` would also compile the reverse automaton a
//! match position needs, about as costly again, and compiling the rules is
//! most of the time of a short `roast check`.

use std::fmt;
use std::sync::{Arc, OnceLock};

use regex::{RegexSet, RegexSetBuilder};
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::util::syntax;
use regex_automata::{Input, MatchKind, PatternSet};

/// Room for the lazily built DFA (a cap, not an allocation). With 2 MiB the
/// set of all rules, fed varied questions, filled its cache, cleared it again
/// and again and fell back to a far slower engine.
const DFA_CACHE_BYTES: usize = 16 << 20;

/// How many automata the patterns are split into, each taking consecutive
/// patterns of about the same total length. One automaton for all patterns
/// meets, on text it has not seen, new combinations of where each pattern is
/// in its match, and builds a state for each: on 10,000 distinct lines the
/// lazy DFA of all rules spent most of its time building states. Apart, each
/// group's states repeat far sooner; running eight automata over a line costs
/// less than the states one would build (measured: 8 groups took about 10 %
/// less CPU for `roast check` on 10,000 lines than 1, 2 or 4 groups, and
/// 16 or 33 more).
const GROUPS: usize = 8;

type MakeCache = Box<dyn Fn() -> Cache + Send + Sync>;

/// All of a rule file's patterns (already in `regex` syntax, matched
/// case-insensitively), in a few automata that each run once over a text.
pub(crate) struct Prefilter {
    patterns: Vec<String>,
    groups: Vec<Group>,
}

/// Consecutive patterns run as one automaton.
struct Group {
    /// Index of the group's first pattern.
    first: usize,
    len: usize,
    engine: Engine,
}

enum Engine {
    Lazy {
        dfa: Arc<DFA>,
        /// One search cache per thread at a time: `roast check` checks a long
        /// file on several threads.
        caches: Pool<Cache, MakeCache>,
        /// Built only if the lazy DFA ever refuses a text (it cannot today: no
        /// pattern has a Unicode word boundary, and the cache never gives up).
        fallback: OnceLock<RegexSet>,
    },
    /// Patterns the lazy DFA cannot take: the regex crate's own set.
    Set(RegexSet),
}

impl Prefilter {
    /// Compiles `patterns`; the error is the regex crate's, to name the rule.
    pub fn new(patterns: Vec<String>) -> Result<Prefilter, regex::Error> {
        let total: usize = patterns.iter().map(String::len).sum();
        let per_group = total.div_ceil(GROUPS);
        let mut groups = Vec::new();
        let mut first = 0;
        while first < patterns.len() {
            let mut end = first + 1;
            let mut size = patterns[first].len();
            while end < patterns.len() && size + patterns[end].len() <= per_group {
                size += patterns[end].len();
                end += 1;
            }
            groups.push(Group {
                first,
                len: end - first,
                engine: Engine::new(&patterns[first..end])?,
            });
            first = end;
        }
        Ok(Prefilter { patterns, groups })
    }

    /// The indexes of the patterns that match somewhere in `text`.
    pub fn matches(&self, text: &str) -> PatternSet {
        let mut found = PatternSet::new(self.patterns.len());
        for group in &self.groups {
            let patterns = &self.patterns[group.first..group.first + group.len];
            for id in group.engine.matches(patterns, text).iter() {
                found.insert(regex_automata::PatternID::must(group.first + id.as_usize()));
            }
        }
        found
    }
}

impl Engine {
    fn new(patterns: &[String]) -> Result<Engine, regex::Error> {
        let engine = match lazy_dfa(patterns) {
            Some(dfa) => {
                let dfa = Arc::new(dfa);
                let for_caches = Arc::clone(&dfa);
                let make: MakeCache = Box::new(move || Cache::new(&for_caches));
                Engine::Lazy {
                    dfa,
                    caches: Pool::new(make),
                    fallback: OnceLock::new(),
                }
            }
            None => Engine::Set(regex_set(patterns)?),
        };
        Ok(engine)
    }

    fn matches(&self, patterns: &[String], text: &str) -> PatternSet {
        let mut found = PatternSet::new(patterns.len());
        match self {
            Engine::Lazy {
                dfa,
                caches,
                fallback,
            } => {
                let input = Input::new(text);
                let mut cache = caches.get();
                if dfa
                    .try_which_overlapping_matches(&mut cache, &input, &mut found)
                    .is_err()
                {
                    found = PatternSet::new(patterns.len());
                    let set = fallback.get_or_init(|| {
                        regex_set(patterns).expect("the same patterns built a DFA")
                    });
                    insert_all(&mut found, set, text);
                }
            }
            Engine::Set(set) => insert_all(&mut found, set, text),
        }
        found
    }
}

fn insert_all(found: &mut PatternSet, set: &RegexSet, text: &str) {
    for index in set.matches(text).iter() {
        found.insert(regex_automata::PatternID::must(index));
    }
}

/// The forward lazy DFA of all patterns, or `None` when it cannot be built
/// (a Unicode word boundary, a pattern too big): the caller falls back to a
/// `RegexSet`, which also reports a broken pattern properly.
fn lazy_dfa(patterns: &[String]) -> Option<DFA> {
    let nfa = thompson::Compiler::new()
        .syntax(syntax::Config::new().case_insensitive(true))
        .configure(thompson::Config::new().which_captures(WhichCaptures::None))
        .build_many(patterns)
        .ok()?;
    DFA::builder()
        .configure(
            DFA::config()
                .match_kind(MatchKind::All)
                .cache_capacity(DFA_CACHE_BYTES),
        )
        .build_from_nfa(nfa)
        .ok()
}

fn regex_set(patterns: &[String]) -> Result<RegexSet, regex::Error> {
    RegexSetBuilder::new(patterns)
        .case_insensitive(true)
        .dfa_size_limit(DFA_CACHE_BYTES)
        .build()
}

impl fmt::Debug for Prefilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let engines: Vec<&str> = self
            .groups
            .iter()
            .map(|group| match group.engine {
                Engine::Lazy { .. } => "lazy DFA",
                Engine::Set(_) => "RegexSet",
            })
            .collect();
        f.debug_struct("Prefilter")
            .field("patterns", &self.patterns.len())
            .field("engines", &engines)
            .finish()
    }
}

#[cfg(test)]
#[path = "../../tests/common/questions.rs"]
mod questions;

#[cfg(test)]
mod tests {
    use super::*;

    fn matching(prefilter: &Prefilter, text: &str) -> Vec<usize> {
        prefilter
            .matches(text)
            .iter()
            .map(|id| id.as_usize())
            .collect()
    }

    fn all_lazy(prefilter: &Prefilter) -> bool {
        prefilter
            .groups
            .iter()
            .all(|group| matches!(group.engine, Engine::Lazy { .. }))
    }

    #[test]
    fn patterns_split_into_groups_keep_their_numbers() {
        let words = [
            "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
        ];
        let patterns: Vec<String> = words
            .iter()
            .cycle()
            .take(40)
            .enumerate()
            .map(|(index, word)| format!(r"\b{word}{index}\b"))
            .collect();
        let prefilter = Prefilter::new(patterns).unwrap();
        assert!(prefilter.groups.len() > 1, "{prefilter:?}");
        assert_eq!(
            matching(&prefilter, "Bravo1 and hotel39, not echo5"),
            [1, 39]
        );
    }

    #[test]
    fn names_every_pattern_that_matches_anywhere_in_any_case() {
        // As rule patterns reach it: with ASCII word boundaries.
        let prefilter = Prefilter::new(
            [r"\bwhy\b", r"\bjust\s+\w+", r"^ok\b"]
                .map(super::super::rules::ascii_classes)
                .to_vec(),
        )
        .unwrap();
        assert!(all_lazy(&prefilter));
        assert_eq!(matching(&prefilter, "so WHY not just cache it?"), [0, 1]);
        assert_eq!(matching(&prefilter, "ok, how does it work?"), [2]);
        assert_eq!(matching(&prefilter, "whyever"), Vec::<usize>::new());
    }

    #[test]
    fn a_pattern_the_lazy_dfa_cannot_run_falls_back_to_a_regex_set() {
        let prefilter = Prefilter::new(vec![r"(?u:\b)café\b".to_owned()]).unwrap();
        assert!(matches!(prefilter.groups[0].engine, Engine::Set(_)));
        assert_eq!(matching(&prefilter, "le CAFÉ est fermé"), [0]);
    }

    /// The built-in rules' prefilter and intent cues against the regex crate's
    /// set of the same patterns, on every line of the product examples and of
    /// every corpus file and on generated meeting lines: the same patterns must
    /// match.
    #[test]
    fn the_lazy_dfa_and_a_regex_set_agree_on_every_corpus_line() {
        let rules = &super::super::Checker::builtin().rules;
        rules.intents_of("");
        let cues = rules.cue_set.get().expect("built by intents_of");
        let root = env!("CARGO_MANIFEST_DIR");
        let mut lines: Vec<String> = Vec::new();
        let corpus = std::fs::read_dir(format!("{root}/tests/data/phrasing-corpus"))
            .unwrap()
            .map(|entry| entry.unwrap().path());
        let examples = std::path::PathBuf::from(format!("{root}/tests/data/phrasing-examples.tsv"));
        for path in corpus.chain([examples]) {
            let text = std::fs::read_to_string(&path).unwrap();
            lines.extend(
                text.lines()
                    .filter_map(|line| line.split('\t').nth(1))
                    .map(str::to_owned),
            );
        }
        assert!(lines.len() > 500, "{} lines", lines.len());
        lines.extend(questions::questions(2_000));
        for prefilter in [rules.prefilter(), cues] {
            assert!(all_lazy(prefilter));
            let set = regex_set(&prefilter.patterns).unwrap();
            for line in &lines {
                let expected: Vec<usize> = set.matches(line).iter().collect();
                assert_eq!(matching(prefilter, line), expected, "{line}");
            }
        }
    }

    #[test]
    fn a_broken_pattern_is_the_regex_crates_error() {
        assert!(Prefilter::new(vec!["(unclosed".to_owned()]).is_err());
    }
}
