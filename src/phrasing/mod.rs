//! The phrasing checker: flags judgmental questions and suggests rewrites.
//!
//! A Service Roast asks *how* questions, not *why* questions: "Why did you…"
//! judges past choices, "How does … work?" asks about the system. The checker
//! flags why-questions in all their forms and judgmental phrasing without
//! "why" (minimisers, counterfactual blame, blame and sarcasm aimed at people),
//! and offers two or three rewrites aimed at the system.
//!
//! Rules are data (`rules.ron`, compiled in; a user's `phrasing.ron` adds to
//! it): adding a rule means adding an entry there and a case to the rule
//! tests, not code.
//!
//! ```
//! use roast::phrasing::Checker;
//! let verdict = Checker::builtin().check("Why did you put the cache and the queue on one host?");
//! assert!(verdict.is_flagged());
//! assert!(verdict.suggestions.iter().all(|s| !Checker::builtin().check(s).is_flagged()));
//! ```

mod context;
mod extract;
pub mod figures;
mod lexicon;
pub mod live;
mod morphology;
mod prefilter;
pub mod report;
mod rewrite;
#[cfg(test)]
mod rule_cases;
mod rules;
pub mod safe_text;
mod tokens;
mod word_set;

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::Path;
use std::sync::OnceLock;

use serde::Serialize;

pub use live::LiveCheck;
pub use rewrite::{MAX_SUGGESTIONS, SUGGESTION_OPENERS};
pub use rules::{BUILTIN_RULES, Category, RuleError, RuleFileError, Scope, Severity};

use rules::{CompiledRule, RuleFile, RuleSet};
use word_set::FastHash;

/// Checks questions against a set of rules.
#[derive(Debug)]
pub struct Checker {
    rules: RuleSet,
    /// Every word of every rewrite template and of the closed word lists: with
    /// the verb table, the words a rewrite may use that the question did not.
    /// One set, because a rewrite asks about each of its words.
    known_words: HashSet<String, FastHash>,
}

/// What the checker found in one text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    /// In order of where they start in the text.
    pub findings: Vec<Finding>,
    /// Two or three system-focused rewrites when something was flagged; none otherwise.
    pub suggestions: Vec<String>,
}

impl Verdict {
    pub fn is_flagged(&self) -> bool {
        !self.findings.is_empty()
    }
}

/// One judgmental phrase.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The id of the rule that matched.
    pub rule: String,
    pub category: Category,
    pub severity: Severity,
    /// Character (not byte) offset where the phrase starts.
    pub start: usize,
    /// Character offset one past the phrase's end.
    pub end: usize,
    /// What the rule says about the words it found, quoting them.
    pub message: String,
}

/// A rule as seen from outside: for listing rules and for tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleInfo<'a> {
    pub id: &'a str,
    pub category: Category,
    pub severity: Severity,
    pub message: &'a str,
    pub source: &'a str,
}

/// The checker the app uses: the built-in rules plus the user's `phrasing.ron`.
static INSTALLED: OnceLock<Checker> = OnceLock::new();

/// The compiled-in rules, built on first use.
static BUILTIN: OnceLock<Checker> = OnceLock::new();

impl Checker {
    /// The compiled-in rules, built once.
    pub fn builtin() -> &'static Checker {
        BUILTIN.get_or_init(Checker::builtin_unchecked)
    }

    /// The compiled-in rules, without building their automata up front to
    /// check them: the tests check them (`every_built_in_pattern_compiles`).
    fn builtin_unchecked() -> Checker {
        RuleFile::parse(BUILTIN_RULES)
            .and_then(RuleFile::compile)
            .and_then(Checker::new)
            .expect("the compiled-in rules.ron is valid (tested)")
    }

    /// Whether any checker has been compiled in this process yet (the built-in rules or
    /// an installed one): start-up must leave that until after its first frame.
    pub fn any_compiled() -> bool {
        BUILTIN.get().is_some() || INSTALLED.get().is_some()
    }

    /// Makes `checker` the one [`Checker::current`] returns, for the rest of the
    /// process (the app installs the user's rules once, at start-up). A second
    /// install is refused and hands the checker back.
    pub fn install(checker: Checker) -> Result<(), Box<Checker>> {
        INSTALLED.set(checker).map_err(Box::new)
    }

    /// The installed checker, or the built-in one when none was installed.
    pub fn current() -> &'static Checker {
        INSTALLED.get().unwrap_or_else(Checker::builtin)
    }

    /// A checker for one rule file standing alone (same format as `rules.ron`).
    pub fn from_ron(text: &str) -> Result<Checker, RuleError> {
        let rules = RuleFile::parse(text)?.compile()?;
        rules.validate()?;
        Checker::new(rules)
    }

    /// The built-in rules with the user's rule files layered on, in order: each
    /// may add rules and intents, replace a rule of the same id, or turn rules
    /// off with `disable`. Errors name the file, line and column.
    pub fn with_user_files(paths: &[&Path]) -> Result<Checker, RuleFileError> {
        if paths.is_empty() {
            return Ok(Checker::builtin_unchecked());
        }
        let mut combined =
            RuleFile::parse(BUILTIN_RULES).expect("the compiled-in rules.ron is valid (tested)");
        let mut last = None;
        for path in paths {
            let text = std::fs::read_to_string(path).map_err(|error| RuleFileError {
                path: path.display().to_string(),
                line: 1,
                column: 1,
                message: format!("cannot read: {error}"),
            })?;
            let locate = |error| RuleFileError::locate(path, &text, error);
            let user = RuleFile::parse(&text).map_err(locate)?;
            combined = combined.with(user).map_err(locate)?;
            last = Some((*path, text));
        }
        let compiled = combined
            .compile()
            .and_then(|rules| rules.validate().map(|()| rules))
            .and_then(Checker::new);
        compiled.map_err(|error| match &last {
            Some((path, text)) => RuleFileError::locate(path, text, error),
            None => RuleFileError {
                path: "(built-in rules)".to_owned(),
                line: 1,
                column: 1,
                message: error.to_string(),
            },
        })
    }

    fn new(rules: RuleSet) -> Result<Checker, RuleError> {
        let lists = [
            &lexicon::DEFINITE,
            &lexicon::INDEFINITE,
            &lexicon::CLOSED,
            &lexicon::AUXILIARIES,
            &lexicon::NEUTRAL_STATES,
            &lexicon::REWRITER_WORDS,
        ];
        let known_words = rules
            .intents
            .iter()
            .flat_map(|intent| intent.templates.iter())
            .flat_map(|template| template.words())
            .chain(
                lists
                    .into_iter()
                    .flat_map(|list| list.words().iter().map(|word| (*word).to_owned())),
            )
            .collect();
        Ok(Checker { rules, known_words })
    }

    /// Builds every regex the checker would otherwise build on first use, so
    /// that no keystroke pays for it: the app calls this on a background
    /// thread at start-up.
    pub fn warm(&self) {
        self.warm_share(0, 1);
        self.check("Why is the cache cold?");
    }

    /// Builds share `share` of `shares` of those automata: threads that are
    /// about to check a long file together each build a share first, instead of
    /// all waiting on the one that happens to need a rule first. The set of all
    /// rules, the largest, is the first share; the rules' own regexes, their
    /// excepts and the intents' cues (together about as costly) are dealt out
    /// to the others in turn.
    pub fn warm_share(&self, share: usize, shares: usize) {
        let shares = shares.max(1);
        if share == 0 {
            self.rules.prefilter();
        }
        let (first, step) = match shares {
            1 => (0, 1),
            _ if share == 0 => return,
            _ => (share - 1, shares - 1),
        };
        let rules = &self.rules.rules;
        let excepts = &self.rules.excepts;
        // Rules, then excepts, then the intents' cues, dealt out in turn.
        for item in (first..=rules.len() + excepts.len()).step_by(step) {
            if let Some(rule) = rules.get(item) {
                rule.matcher();
            } else if let Some(except) = excepts.get(item - rules.len()) {
                except.regex();
            } else {
                self.rules.intents_of("");
            }
        }
    }

    /// The rules, in file order.
    pub fn rules(&self) -> impl Iterator<Item = RuleInfo<'_>> {
        self.rules.rules.iter().map(|rule| RuleInfo {
            id: &rule.id,
            category: rule.category,
            severity: rule.severity,
            message: &rule.message,
            source: &rule.source,
        })
    }

    /// Whether a rewrite may use `word` (lower case) without the question having
    /// used it: a word of a template, a listed verb form, or a closed-class word.
    pub fn knows_word(&self, word: &str) -> bool {
        self.known_words.contains(word) || morphology::is_verb_form(word)
    }

    /// Checks one question (or any one line of text).
    pub fn check(&self, text: &str) -> Verdict {
        let matches = self.matches(text);
        if matches.is_empty() {
            return Verdict {
                findings: Vec::new(),
                suggestions: Vec::new(),
            };
        }
        let findings: Vec<Finding> = matches
            .iter()
            .map(|found| self.finding(text, found))
            .collect();
        let suggestions = self.suggestions(text, &matches);
        Verdict {
            findings,
            suggestions,
        }
    }

    /// Matched rules and their byte ranges, ordered by position.
    fn matches(&self, text: &str) -> Vec<RuleMatch> {
        let candidates = self.rules.prefilter().matches(text);
        if candidates.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<RuleMatch> = Vec::new();
        for rule_index in candidates.iter().map(|pattern| pattern.as_usize()) {
            let rule = &self.rules.rules[rule_index];
            let matcher = rule.matcher();
            for captures in matcher.regex.captures_iter(text) {
                let hit = matcher
                    .hit_groups
                    .iter()
                    .find_map(|&group| captures.get(group))
                    .or_else(|| captures.get(0));
                let Some(hit) = hit else {
                    continue;
                };
                if hit.is_empty()
                    || self.is_excepted(rule, text, hit.range())
                    || !in_scope(rule, text, hit.start())
                {
                    continue;
                }
                found.push(RuleMatch {
                    rule_index,
                    start: hit.start(),
                    end: hit.end(),
                });
            }
        }
        keep_most_specific(found)
    }

    fn finding(&self, text: &str, found: &RuleMatch) -> Finding {
        let rule = &self.rules.rules[found.rule_index];
        let start = text[..found.start].chars().count();
        let quoted = &text[found.start..found.end];
        let end = start + quoted.chars().count();
        let quoted: String = safe_text::visible(quoted)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        Finding {
            rule: rule.id.clone(),
            category: rule.category,
            severity: rule.severity,
            start,
            end,
            message: rule.message.replace("{found}", &quoted),
        }
    }

    fn suggestions(&self, text: &str, matches: &[RuleMatch]) -> Vec<String> {
        let (trigger_start, trigger_end) = (matches[0].start, matches[0].end);
        let words = tokens::words(text);
        let mut trigger = words
            .iter()
            .rposition(|word| word.start <= trigger_start)
            .unwrap_or(0);
        // "Can you explain why the cache …": the question starts after its why.
        if let Some(why) = (trigger..words.len())
            .take_while(|&index| words[index].start < trigger_end)
            .filter(|&index| is_why_word(&words[index].lower))
            .last()
        {
            trigger = why;
        }
        let reading = extract::read(&words, trigger);
        // The intents the findings or the line's cues point at, in file order
        // (the file lists the more telling intents first), then the general
        // and bare ones: an intent whose slots the line cannot fill yields
        // nothing, and the next one is tried.
        let mut order = self.rules.intents_of(text);
        order.extend(
            self.rules
                .intents
                .iter()
                .enumerate()
                .filter(|(_, intent)| {
                    matches.iter().any(|found| {
                        let id = &self.rules.rules[found.rule_index].id;
                        intent.findings.iter().any(|named| named == id)
                    })
                })
                .map(|(index, _)| index),
        );
        order.sort_unstable();
        order.push(self.rules.general);
        order.retain(|index| Some(*index) != self.rules.bare);
        let mut seen = Vec::with_capacity(order.len());
        order.retain(|index| {
            let first = !seen.contains(index);
            seen.push(*index);
            first
        });
        let templates = order
            .iter()
            .flat_map(|&index| self.rules.intents[index].templates.iter());
        // A line has a dozen words: a scan beats hashing copies of them. The
        // chunks are lower-cased once here, not once per word of every
        // candidate rewrite.
        let chunks: Vec<Cow<'_, str>> = text.split_whitespace().map(lower_case).collect();
        let said = |word: &str| {
            words.iter().any(|said| said.lower == word) || chunks.iter().any(|chunk| chunk == word)
        };
        let fallbacks = self
            .rules
            .bare
            .iter()
            .flat_map(|&index| self.rules.intents[index].templates.iter());
        rewrite::suggest(
            &reading,
            templates,
            fallbacks,
            // The hash lookups first: most words of a rewrite are the template's own.
            |word| self.knows_word(word) || said(word),
            |suggestion| self.matches(suggestion).is_empty(),
        )
    }
}

impl Checker {
    /// An `except` pattern that overlaps the hit cancels it ("the why behind …").
    fn is_excepted(&self, rule: &CompiledRule, text: &str, hit: std::ops::Range<usize>) -> bool {
        self.rules.excepts_of(rule).any(|except| {
            except
                .find_iter(text)
                .any(|found| found.start() < hit.end && hit.start < found.end())
        })
    }
}

/// `chunk.to_lowercase()`, without the copy when it is already lower case.
fn lower_case(chunk: &str) -> Cow<'_, str> {
    if chunk
        .bytes()
        .any(|byte| byte.is_ascii_uppercase() || !byte.is_ascii())
    {
        Cow::Owned(chunk.to_lowercase())
    } else {
        Cow::Borrowed(chunk)
    }
}

/// "why" and its stretched or misspelt forms ("whyyy", "whhy", "wy").
fn is_why_word(lower: &str) -> bool {
    matches!(lower, "wyh" | "y" | "whi")
        || lower.starts_with("wy") && lower.trim_start_matches('w').chars().all(|c| c == 'y')
        || lower.starts_with("wh")
            && lower.ends_with('y')
            && lower
                .trim_start_matches('w')
                .trim_start_matches('h')
                .chars()
                .all(|c| c == 'y')
}

/// A rule's match, before it becomes a [`Finding`]. Offsets are bytes.
#[derive(Debug, Clone, Copy)]
struct RuleMatch {
    rule_index: usize,
    start: usize,
    end: usize,
}

impl RuleMatch {
    fn overlaps(&self, other: &RuleMatch) -> bool {
        self.start < other.end && other.start < self.end
    }
}

fn in_scope(rule: &CompiledRule, text: &str, at: usize) -> bool {
    match rule.scope {
        Scope::Anywhere => true,
        Scope::QuestionOrRequest => context::is_question_or_request(text, at),
    }
}

/// One phrase, one finding: when rules overlap, the one listed first in the
/// rule file (the more specific) wins.
fn keep_most_specific(mut found: Vec<RuleMatch>) -> Vec<RuleMatch> {
    found.sort_by_key(|found| (found.rule_index, found.start));
    let mut kept: Vec<RuleMatch> = Vec::with_capacity(found.len());
    for candidate in found {
        if !kept.iter().any(|kept| kept.overlaps(&candidate)) {
            kept.push(candidate);
        }
    }
    kept.sort_by_key(|found| (found.start, found.rule_index));
    kept
}

#[cfg(test)]
mod warm_tests {
    use super::*;

    #[test]
    fn threads_warming_a_share_each_build_every_regex_between_them() {
        for shares in 1..=4 {
            let checker = Checker::builtin_unchecked();
            assert!(!checker.rules.rules.iter().any(CompiledRule::is_built));
            assert!(!checker.rules.prefilter_is_built());
            for share in 0..shares {
                checker.warm_share(share, shares);
            }
            assert!(checker.rules.prefilter_is_built());
            assert!(checker.rules.rules.iter().all(CompiledRule::is_built));
            assert!(checker.rules.excepts.iter().all(rules::Except::is_built));
            assert!(checker.rules.cues_are_built(), "{shares} shares");
        }
    }

    #[test]
    fn of_two_threads_one_builds_the_set_of_all_rules_and_the_other_each_rule() {
        let checker = Checker::builtin_unchecked();
        checker.warm_share(0, 2);
        assert!(checker.rules.prefilter_is_built());
        assert!(!checker.rules.rules.iter().any(CompiledRule::is_built));
        checker.warm_share(1, 2);
        assert!(checker.rules.rules.iter().all(CompiledRule::is_built));
    }

    #[test]
    fn of_three_threads_the_last_two_share_the_rules() {
        let checker = Checker::builtin_unchecked();
        checker.warm_share(2, 3);
        assert!(!checker.rules.prefilter_is_built());
        let built = checker
            .rules
            .rules
            .iter()
            .filter(|rule| rule.is_built())
            .count();
        assert_eq!(built, checker.rules.rules.len() / 2);
    }

    #[test]
    fn a_user_file_is_checked_when_loaded_and_what_that_built_is_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("phrasing.ron");
        std::fs::write(&path, "(version: 2)").expect("write");
        let checker = Checker::with_user_files(&[&path]).expect("valid");
        assert!(checker.rules.prefilter_is_built());
        assert!(checker.rules.cues_are_built());
        assert!(checker.rules.excepts.iter().all(rules::Except::is_built));
    }
}
