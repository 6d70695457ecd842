//! Rule data: the types `rules.ron` is read into, and their compiled form.
//!
//! A rule file has a `vocabulary` of named regex fragments (used in patterns as
//! `{{name}}`, so shared word lists are written once), the `fallback_rewrites`
//! used when a flagged question's own rules yield too few suggestions, and the
//! `rules`. Patterns are matched case-insensitively. A pattern may mark the part
//! of its match that the finding covers with named groups whose names start
//! with `hit` (the first that took part wins); otherwise the whole match is the
//! finding's span.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use serde::{Deserialize, Serialize, Serializer};

use super::rewrite::Template;

/// The rule file's format version this build understands.
pub const RULES_FORMAT_VERSION: u32 = 1;

/// Room for the prefilter set's lazily built DFA (a cap, not an allocation).
/// With the default 2 MiB the set of all rules, fed varied questions, filled
/// its cache, cleared it again and again and fell back to a far slower engine:
/// a 10,000-question batch took ten times longer.
const PREFILTER_DFA_CACHE_BYTES: usize = 16 << 20;

/// The rules compiled into the binary.
pub const BUILTIN_RULES: &str = include_str!("rules.ron");

/// What kind of judgement a rule detects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub enum Category {
    /// A why-question, in any of its forms ("Why did you…", "How come…").
    Why,
    /// Words that belittle the work: "just", "simply", "obviously".
    Minimiser,
    /// Blame by hindsight: "should have", "didn't anyone".
    Counterfactual,
    /// Blame aimed at people: "who thought", "whose fault".
    Blame,
}

impl Category {
    /// The lower-case label used in reports and JSON.
    pub fn label(self) -> &'static str {
        match self {
            Category::Why => "why",
            Category::Minimiser => "minimiser",
            Category::Counterfactual => "counterfactual",
            Category::Blame => "blame",
        }
    }
}

impl Serialize for Category {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.label())
    }
}

/// How strongly a finding should be pushed back on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// The lower-case label used in reports and JSON.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl Serialize for Severity {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.label())
    }
}

/// Where in the text a rule's match counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub enum Scope {
    /// Everywhere.
    #[default]
    Anywhere,
    /// Only inside a question or a request: "just" in "we just shipped it." is a
    /// plain statement, in "can't you just cache it?" it belittles.
    QuestionOrRequest,
}

/// Everything that can be wrong with a rule file.
#[derive(Debug, thiserror::Error)]
pub enum RuleError {
    #[error("rules are not valid RON: {0}")]
    Parse(#[from] ron::error::SpannedError),
    #[error("rule file has format version {found}, this build reads version {expected}")]
    Version { found: u32, expected: u32 },
    #[error("rule `{0}` appears more than once")]
    DuplicateId(String),
    #[error("rule `{rule}`: field `{field}` is empty")]
    Empty { rule: String, field: &'static str },
    #[error("rule `{rule}`: unknown vocabulary entry `{{{{{name}}}}}`")]
    UnknownVocabulary { rule: String, name: String },
    #[error("rule `{rule}`: invalid regex: {source}")]
    Regex {
        rule: String,
        #[source]
        source: Box<regex::Error>,
    },
    #[error("rule `{rule}`: rewrite template `{template}`: {problem}")]
    Template {
        rule: String,
        template: String,
        problem: String,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    version: u32,
    #[serde(default)]
    vocabulary: BTreeMap<String, String>,
    fallback_rewrites: Vec<String>,
    rules: Vec<RuleSpec>,
}

/// One rule as written in the RON file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    id: String,
    category: Category,
    severity: Severity,
    #[serde(default)]
    scope: Scope,
    pattern: String,
    /// Patterns that cancel a match they overlap (e.g. "the why" as a noun).
    #[serde(default)]
    except: Vec<String>,
    message: String,
    rewrites: Vec<String>,
    source: String,
}

/// A rule ready to run.
#[derive(Debug)]
pub(crate) struct CompiledRule {
    pub id: String,
    pub category: Category,
    pub severity: Severity,
    pub scope: Scope,
    /// The pattern with its vocabulary expanded.
    pattern: String,
    /// Built on first use: compiling every rule up front doubled the time to
    /// build a checker, and most rules never match a given session's text.
    matcher: OnceLock<Matcher>,
    pub except: Vec<Regex>,
    pub message: String,
    pub rewrites: Vec<Template>,
    /// Where the rule comes from (the talk's slide, the product brief).
    pub source: String,
}

/// A rule's own regex and where in it the finding's span is.
#[derive(Debug)]
pub(crate) struct Matcher {
    pub regex: Regex,
    /// Capture groups named `hit…`, in pattern order.
    pub hit_groups: Vec<usize>,
}

impl CompiledRule {
    pub fn matcher(&self) -> &Matcher {
        self.matcher.get_or_init(|| {
            let regex = build_regex(&self.id, &self.pattern)
                .expect("the pattern already compiled as part of the prefilter set");
            let hit_groups = regex
                .capture_names()
                .enumerate()
                .filter(|(_, name)| name.is_some_and(|name| name.starts_with("hit")))
                .map(|(index, _)| index)
                .collect();
            Matcher { regex, hit_groups }
        })
    }
}

/// A whole rule file, compiled.
#[derive(Debug)]
pub(crate) struct RuleSet {
    pub rules: Vec<CompiledRule>,
    /// All rule patterns at once: one pass tells which rules can match at all.
    pub prefilter: RegexSet,
    pub fallback_rewrites: Vec<Template>,
}

pub(crate) fn compile(text: &str) -> Result<RuleSet, RuleError> {
    let file: RuleFile = ron::from_str(text)?;
    if file.version != RULES_FORMAT_VERSION {
        return Err(RuleError::Version {
            found: file.version,
            expected: RULES_FORMAT_VERSION,
        });
    }
    let fallback_rewrites = file
        .fallback_rewrites
        .iter()
        .map(|template| parse_template("fallback_rewrites", template))
        .collect::<Result<Vec<_>, _>>()?;

    let mut seen = HashSet::new();
    let mut rules = Vec::with_capacity(file.rules.len());
    let mut expanded_patterns = Vec::with_capacity(file.rules.len());
    for spec in file.rules {
        if !seen.insert(spec.id.clone()) {
            return Err(RuleError::DuplicateId(spec.id));
        }
        check_not_empty(&spec)?;
        let pattern = expand_vocabulary(&spec.id, &spec.pattern, &file.vocabulary)?;
        let except = spec
            .except
            .iter()
            .map(|raw| {
                let expanded = expand_vocabulary(&spec.id, raw, &file.vocabulary)?;
                build_regex(&spec.id, &expanded)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let rewrites = spec
            .rewrites
            .iter()
            .map(|template| parse_template(&spec.id, template))
            .collect::<Result<Vec<_>, _>>()?;
        expanded_patterns.push(pattern.clone());
        rules.push(CompiledRule {
            id: spec.id,
            category: spec.category,
            severity: spec.severity,
            scope: spec.scope,
            pattern,
            matcher: OnceLock::new(),
            except,
            message: spec.message,
            rewrites,
            source: spec.source,
        });
    }
    let prefilter = match RegexSetBuilder::new(&expanded_patterns)
        .case_insensitive(true)
        .dfa_size_limit(PREFILTER_DFA_CACHE_BYTES)
        .build()
    {
        Ok(prefilter) => prefilter,
        Err(error) => return Err(name_the_broken_rule(&rules, error)),
    };
    Ok(RuleSet {
        rules,
        prefilter,
        fallback_rewrites,
    })
}

/// The prefilter set failed to build: compile rule by rule to say which one.
fn name_the_broken_rule(rules: &[CompiledRule], set_error: regex::Error) -> RuleError {
    rules
        .iter()
        .find_map(|rule| build_regex(&rule.id, &rule.pattern).err())
        .unwrap_or_else(|| RuleError::Regex {
            rule: "(all rules together)".to_owned(),
            source: Box::new(set_error),
        })
}

fn check_not_empty(spec: &RuleSpec) -> Result<(), RuleError> {
    let fields: [(&'static str, bool); 5] = [
        ("id", spec.id.trim().is_empty()),
        ("pattern", spec.pattern.trim().is_empty()),
        ("message", spec.message.trim().is_empty()),
        ("rewrites", spec.rewrites.is_empty()),
        ("source", spec.source.trim().is_empty()),
    ];
    match fields.into_iter().find(|(_, empty)| *empty) {
        Some((field, _)) => Err(RuleError::Empty {
            rule: spec.id.clone(),
            field,
        }),
        None => Ok(()),
    }
}

fn parse_template(rule: &str, template: &str) -> Result<Template, RuleError> {
    Template::parse(template).map_err(|problem| RuleError::Template {
        rule: rule.to_owned(),
        template: template.to_owned(),
        problem,
    })
}

fn build_regex(rule: &str, pattern: &str) -> Result<Regex, RuleError> {
    RegexBuilder::new(pattern)
        .case_insensitive(true)
        .build()
        .map_err(|source| RuleError::Regex {
            rule: rule.to_owned(),
            source: Box::new(source),
        })
}

/// Replaces every `{{name}}` with `(?:fragment)`. Fragments may use other
/// fragments; the depth limit stops a fragment that (indirectly) uses itself.
fn expand_vocabulary(
    rule: &str,
    pattern: &str,
    vocabulary: &BTreeMap<String, String>,
) -> Result<String, RuleError> {
    expand_at_depth(rule, pattern, vocabulary, 0)
}

fn expand_at_depth(
    rule: &str,
    pattern: &str,
    vocabulary: &BTreeMap<String, String>,
    depth: usize,
) -> Result<String, RuleError> {
    const MAX_DEPTH: usize = 8;
    let mut expanded = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(open) = rest.find("{{") {
        let Some(close) = rest[open..].find("}}").map(|offset| open + offset) else {
            break;
        };
        let name = &rest[open + 2..close];
        let fragment = vocabulary
            .get(name)
            .ok_or_else(|| RuleError::UnknownVocabulary {
                rule: rule.to_owned(),
                name: name.to_owned(),
            })?;
        if depth >= MAX_DEPTH {
            return Err(RuleError::UnknownVocabulary {
                rule: rule.to_owned(),
                name: format!("{name} (uses itself)"),
            });
        }
        expanded.push_str(&rest[..open]);
        expanded.push_str("(?:");
        expanded.push_str(&expand_at_depth(rule, fragment, vocabulary, depth + 1)?);
        expanded.push(')');
        rest = &rest[close + 2..];
    }
    expanded.push_str(rest);
    Ok(expanded)
}
