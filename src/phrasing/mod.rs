//! The phrasing checker: flags judgmental questions and suggests rewrites.
//!
//! A Service Roast asks *how* questions, not *why* questions: "Why did you…"
//! judges past choices, "How does … work?" asks about the system. The checker
//! flags why-questions in all their forms and judgmental phrasing without
//! "why" (minimisers, counterfactual blame, blame aimed at people), and offers
//! two or three rewrites aimed at the system.
//!
//! Rules are data (`rules.ron`, compiled in): adding a rule means adding an
//! entry there and a case to the rule tests, not code.
//!
//! ```
//! use roast::phrasing::Checker;
//! let verdict = Checker::builtin().check("Why did you use a shared database for both services?");
//! assert!(verdict.is_flagged());
//! assert!(verdict.suggestions.iter().all(|s| !Checker::builtin().check(s).is_flagged()));
//! ```

mod context;
mod grammar;
mod lexicon;
mod loaded;
mod morphology;
mod phrase;
pub mod report;
mod rewrite;
mod rules;
mod tokens;
mod topic;
mod word_set;

#[cfg(test)]
mod rule_cases;

use std::sync::OnceLock;

use serde::Serialize;

pub use rewrite::{MAX_SUGGESTIONS, SUGGESTION_OPENERS};
pub use rules::{BUILTIN_RULES, Category, RuleError, Scope, Severity};

use rules::{CompiledRule, RuleSet};

/// Checks questions against a set of rules.
#[derive(Debug)]
pub struct Checker {
    rules: RuleSet,
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

impl Checker {
    /// The compiled-in rules, built once.
    pub fn builtin() -> &'static Checker {
        static BUILTIN: OnceLock<Checker> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            Checker::from_ron(BUILTIN_RULES).expect("the compiled-in rules.ron is valid (tested)")
        })
    }

    /// A checker for the rules in a RON rule file (same format as `rules.ron`).
    pub fn from_ron(text: &str) -> Result<Checker, RuleError> {
        Ok(Checker {
            rules: rules::compile(text)?,
        })
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
        let suggestions = self.suggestions(text, &matches, &findings);
        Verdict {
            findings,
            suggestions,
        }
    }

    /// Matched rules and their byte ranges, ordered by position.
    fn matches(&self, text: &str) -> Vec<RuleMatch> {
        let candidates = self.rules.prefilter.matches(text);
        if !candidates.matched_any() {
            return Vec::new();
        }
        let mut found: Vec<RuleMatch> = Vec::new();
        for rule_index in candidates.iter() {
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
                    || is_excepted(rule, text, hit.range())
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
        keep_most_specific(&self.rules.rules, found)
    }

    fn finding(&self, text: &str, found: &RuleMatch) -> Finding {
        let rule = &self.rules.rules[found.rule_index];
        let start = text[..found.start].chars().count();
        let end = start + text[found.start..found.end].chars().count();
        Finding {
            rule: rule.id.clone(),
            category: rule.category,
            severity: rule.severity,
            start,
            end,
            message: rule.message.clone(),
        }
    }

    fn suggestions(&self, text: &str, matches: &[RuleMatch], findings: &[Finding]) -> Vec<String> {
        let topic = topic::parse(text, findings[0].start);
        let mut rule_order: Vec<usize> = Vec::with_capacity(matches.len());
        for found in matches {
            if !rule_order.contains(&found.rule_index) {
                rule_order.push(found.rule_index);
            }
        }
        let templates = rule_order
            .iter()
            .flat_map(|&index| self.rules.rules[index].rewrites.iter())
            .chain(self.rules.fallback_rewrites.iter());
        rewrite::suggest(&topic, templates, |suggestion| {
            self.matches(suggestion).is_empty()
        })
    }
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

/// An `except` pattern that overlaps the hit cancels it ("the why behind …").
fn is_excepted(rule: &CompiledRule, text: &str, hit: std::ops::Range<usize>) -> bool {
    rule.except.iter().any(|except| {
        except
            .find_iter(text)
            .any(|found| found.start() < hit.end && hit.start < found.end())
    })
}

fn in_scope(rule: &CompiledRule, text: &str, at: usize) -> bool {
    match rule.scope {
        Scope::Anywhere => true,
        Scope::QuestionOrRequest => context::is_question_or_request(text, at),
    }
}

/// One phrase, one finding per category: when rules of the same category
/// overlap, the one listed first in the rule file (the more specific) wins.
fn keep_most_specific(rules: &[CompiledRule], mut found: Vec<RuleMatch>) -> Vec<RuleMatch> {
    found.sort_by_key(|found| (found.rule_index, found.start));
    let mut kept: Vec<RuleMatch> = Vec::with_capacity(found.len());
    for candidate in found {
        let category = rules[candidate.rule_index].category;
        let shadowed = kept
            .iter()
            .any(|kept| rules[kept.rule_index].category == category && kept.overlaps(&candidate));
        if !shadowed {
            kept.push(candidate);
        }
    }
    kept.sort_by_key(|found| (found.start, found.rule_index));
    kept
}
