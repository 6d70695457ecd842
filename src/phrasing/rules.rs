//! Rule data: the types a rule file is read into, and their compiled form.
//!
//! A rule file (the built-in `rules.ron`, a user's `phrasing.ron`, or
//! `roast check --rules FILE`) has:
//! - `vocabulary`: named regex fragments, used in patterns as `{{name}}`;
//! - `disable`: ids of rules to turn off (a user file turns built-in rules off);
//! - `rules`: detection rules — a pattern, what it means, how strongly to push back;
//! - `intents`: what a flagged question is after (a past choice, something
//!   missing, …), recognised by cue patterns, each with reviewed rewrite templates.
//!
//! Patterns are matched case-insensitively. A pattern may mark the part of its
//! match that the finding covers with named groups whose names start with
//! `hit` (the first that took part wins); otherwise the whole match is the
//! finding's span. A rule's message may quote that span with `{found}`.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize, Serializer};

use super::prefilter::Prefilter;
use super::rewrite::Template;

/// The rule file's format version this build understands.
pub const RULES_FORMAT_VERSION: u32 = 2;

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
    /// Blame aimed at people: "who thought", "you broke".
    Blame,
    /// Praise that means the opposite: "Great, another …", "How original".
    Sarcasm,
}

impl Category {
    /// The lower-case label used in reports and JSON.
    pub fn label(self) -> &'static str {
        match self {
            Category::Why => "why",
            Category::Minimiser => "minimiser",
            Category::Counterfactual => "counterfactual",
            Category::Blame => "blame",
            Category::Sarcasm => "sarcasm",
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
    #[error("`disable` names `{0}`, which is not a rule")]
    UnknownDisabled(String),
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
    #[error("intent `{intent}`: rewrite template `{template}`: {problem}")]
    Template {
        intent: String,
        template: String,
        problem: String,
    },
    #[error("intent `{intent}`: `findings` names `{rule}`, which is not a rule")]
    UnknownFinding { intent: String, rule: String },
    #[error(
        "no intent named `general`: every rule set needs one, for questions no other intent fits"
    )]
    NoGeneralIntent,
}

impl RuleError {
    /// The rule, intent or disabled id the error is about, to point at it in the file.
    fn subject(&self) -> Option<&str> {
        match self {
            RuleError::DuplicateId(id) | RuleError::UnknownDisabled(id) => Some(id),
            RuleError::Empty { rule, .. }
            | RuleError::UnknownVocabulary { rule, .. }
            | RuleError::Regex { rule, .. } => Some(rule),
            RuleError::Template { intent, .. } | RuleError::UnknownFinding { intent, .. } => {
                Some(intent)
            }
            _ => None,
        }
    }
}

/// A rule file that failed, as `FILE:line:col: message`.
#[derive(Debug, thiserror::Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct RuleFileError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl RuleFileError {
    /// Places `error` in the file `text` read from `path`: RON's own position for
    /// a syntax error, else the line where the rule it is about is named.
    pub(crate) fn locate(path: &Path, text: &str, error: RuleError) -> RuleFileError {
        let (line, column, message) = match &error {
            RuleError::Parse(spanned) => (
                spanned.span.start.line,
                spanned.span.start.col,
                spanned.code.to_string(),
            ),
            other => {
                let (line, column) = other
                    .subject()
                    .and_then(|id| find_quoted(text, id))
                    .unwrap_or((1, 1));
                (line, column, other.to_string())
            }
        };
        RuleFileError {
            path: path.display().to_string(),
            line,
            column,
            message,
        }
    }
}

/// Line and column (1-based, in characters) of `"id"` in `text`.
fn find_quoted(text: &str, id: &str) -> Option<(usize, usize)> {
    let quoted = format!("\"{id}\"");
    let offset = text.find(&quoted)?;
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    Some((line, text[line_start..offset].chars().count() + 1))
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RuleFile {
    version: u32,
    #[serde(default)]
    vocabulary: BTreeMap<String, String>,
    #[serde(default)]
    disable: Vec<String>,
    #[serde(default)]
    rules: Vec<RuleSpec>,
    #[serde(default)]
    intents: Vec<IntentSpec>,
}

/// One rule as written in the RON file.
#[derive(Debug, Clone, Deserialize)]
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
    source: String,
}

/// One intent as written in the RON file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct IntentSpec {
    id: String,
    /// Patterns that say the question is after this; an intent without cues or
    /// findings is only used as a fallback (`general`, `bare`).
    #[serde(default)]
    cues: Vec<String>,
    /// Ids of rules whose finding says the line is after this ("who approved
    /// …" is after who did it, whatever else it says).
    #[serde(default)]
    findings: Vec<String>,
    templates: Vec<String>,
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
    /// Built on first use: most rules never match a given session's text.
    matcher: OnceLock<Matcher>,
    /// The rule's `except` patterns, as indexes into [`RuleSet::excepts`].
    excepts: Vec<usize>,
    pub message: String,
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

/// An `except` pattern, expanded. Rules share their exceptions ("why" as a
/// noun cancels most why-rules), so each distinct one is compiled once, on
/// first use.
#[derive(Debug)]
pub(crate) struct Except {
    /// A rule that uses it, to name in an error.
    rule: String,
    pattern: String,
    regex: OnceLock<Regex>,
}

impl Except {
    #[cfg(test)]
    pub fn is_built(&self) -> bool {
        self.regex.get().is_some()
    }

    pub fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| {
            build_regex(&self.rule, &self.pattern).expect("checked when the rules were loaded")
        })
    }
}

impl CompiledRule {
    #[cfg(test)]
    pub fn is_built(&self) -> bool {
        self.matcher.get().is_some()
    }

    pub fn matcher(&self) -> &Matcher {
        self.matcher.get_or_init(|| {
            let regex = build_regex(&self.id, &self.pattern)
                .expect("built-in rules are tested, a user's are validated when loaded");
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

/// An intent ready to use.
#[derive(Debug)]
pub(crate) struct CompiledIntent {
    pub id: String,
    /// Ids of the rules whose findings point at this intent.
    pub findings: Vec<String>,
    pub templates: Vec<Template>,
}

/// A whole rule file, compiled.
#[derive(Debug)]
pub(crate) struct RuleSet {
    pub rules: Vec<CompiledRule>,
    /// All rule patterns at once: one pass tells which rules can match at all.
    /// Built on first use (or by [`RuleSet::validate`]), so that a long check
    /// can build it on one thread while another builds the rules' own regexes.
    prefilter: OnceLock<Prefilter>,
    /// The rules' patterns as the prefilter takes them, in rule order.
    prefilter_patterns: Vec<String>,
    /// Every distinct `except` pattern of the rules.
    pub excepts: Vec<Except>,
    pub intents: Vec<CompiledIntent>,
    /// Cue patterns of all intents; `cue_owner[i]` is the intent of pattern `i`.
    pub(super) cue_set: OnceLock<Prefilter>,
    cue_patterns: Vec<String>,
    cue_owner: Vec<usize>,
    /// The intents `general` and (if present) `bare`, by index.
    pub general: usize,
    pub bare: Option<usize>,
}

impl RuleSet {
    /// Builds the automata shared by all rules now (they are otherwise built on
    /// first use), so that a broken pattern, `except` or cue in a user's file
    /// is reported when it is loaded; what is built is kept for checking.
    pub fn validate(&self) -> Result<(), RuleError> {
        if self.prefilter.get().is_none() {
            let prefilter = Prefilter::new(self.prefilter_patterns.clone())
                .map_err(|error| name_the_broken_rule(&self.rules, error))?;
            let _ = self.prefilter.set(prefilter);
        }
        for except in &self.excepts {
            if except.regex.get().is_none() {
                let regex = build_regex(&except.rule, &except.pattern)?;
                let _ = except.regex.set(regex);
            }
        }
        if self.cue_set.get().is_none() {
            match Prefilter::new(self.cue_set_patterns()) {
                Ok(set) => {
                    let _ = self.cue_set.set(set);
                }
                Err(set_error) => {
                    for (pattern, &owner) in self.cue_patterns.iter().zip(&self.cue_owner) {
                        build_regex(&self.intents[owner].id, pattern)?;
                    }
                    return Err(RuleError::Regex {
                        rule: "(all cues together)".to_owned(),
                        source: Box::new(set_error),
                    });
                }
            }
        }
        Ok(())
    }

    /// The set of all rule patterns, built on first use.
    pub fn prefilter(&self) -> &Prefilter {
        self.prefilter.get_or_init(|| {
            Prefilter::new(self.prefilter_patterns.clone())
                .expect("built-in rules are tested, a user's are validated when loaded")
        })
    }

    fn cue_set_patterns(&self) -> Vec<String> {
        self.cue_patterns.iter().map(|p| ascii_classes(p)).collect()
    }

    #[cfg(test)]
    pub fn cues_are_built(&self) -> bool {
        self.cue_set.get().is_some()
    }

    #[cfg(test)]
    pub fn prefilter_is_built(&self) -> bool {
        self.prefilter.get().is_some()
    }

    /// The compiled `except` patterns of `rule`.
    pub fn excepts_of<'a>(&'a self, rule: &'a CompiledRule) -> impl Iterator<Item = &'a Regex> {
        rule.excepts
            .iter()
            .map(|&index| self.excepts[index].regex())
    }

    /// Every intent (in file order) one of whose cues matches `text`.
    pub fn intents_of(&self, text: &str) -> Vec<usize> {
        let set = self.cue_set.get_or_init(|| {
            Prefilter::new(self.cue_set_patterns())
                .expect("built-in cues are tested, a user's are validated when loaded")
        });
        let mut owners: Vec<usize> = set
            .matches(text)
            .iter()
            .map(|pattern| pattern.as_usize())
            .map(|pattern| self.cue_owner[pattern])
            .collect();
        owners.sort_unstable();
        owners.dedup();
        owners
    }
}

impl RuleFile {
    pub(crate) fn parse(text: &str) -> Result<RuleFile, RuleError> {
        let file: RuleFile = ron::from_str(text)?;
        if file.version != RULES_FORMAT_VERSION {
            return Err(RuleError::Version {
                found: file.version,
                expected: RULES_FORMAT_VERSION,
            });
        }
        Ok(file)
    }

    /// This file with `user`'s additions: the user's vocabulary entries win, the
    /// rules it disables go, its rules replace built-in rules of the same id or
    /// come first, its intents come before the built-in ones (so they win).
    pub(crate) fn with(mut self, user: RuleFile) -> Result<RuleFile, RuleError> {
        let known: HashSet<&str> = self
            .rules
            .iter()
            .chain(&user.rules)
            .map(|rule| rule.id.as_str())
            .collect();
        if let Some(unknown) = user.disable.iter().find(|id| !known.contains(id.as_str())) {
            return Err(RuleError::UnknownDisabled(unknown.clone()));
        }
        self.vocabulary.extend(user.vocabulary);
        let replaced: HashSet<&str> = user.rules.iter().map(|rule| rule.id.as_str()).collect();
        self.rules
            .retain(|rule| !replaced.contains(rule.id.as_str()));
        let mut rules = user.rules;
        rules.append(&mut self.rules);
        self.rules = rules;
        self.disable.extend(user.disable);
        let replaced: HashSet<&str> = user.intents.iter().map(|i| i.id.as_str()).collect();
        self.intents
            .retain(|intent| !replaced.contains(intent.id.as_str()));
        let mut intents = user.intents;
        intents.append(&mut self.intents);
        self.intents = intents;
        Ok(self)
    }

    pub(crate) fn compile(self) -> Result<RuleSet, RuleError> {
        let disabled: HashSet<&str> = self.disable.iter().map(String::as_str).collect();
        let known: HashSet<&str> = self.rules.iter().map(|rule| rule.id.as_str()).collect();
        if let Some(unknown) = disabled.iter().find(|id| !known.contains(*id)) {
            return Err(RuleError::UnknownDisabled((*unknown).to_owned()));
        }
        let mut seen = HashSet::new();
        let mut rules = Vec::with_capacity(self.rules.len());
        let mut expanded_patterns = Vec::with_capacity(self.rules.len());
        let mut excepts: Vec<Except> = Vec::new();
        for spec in &self.rules {
            if !seen.insert(spec.id.clone()) {
                return Err(RuleError::DuplicateId(spec.id.clone()));
            }
            if disabled.contains(spec.id.as_str()) {
                continue;
            }
            check_not_empty(spec)?;
            let pattern = expand_vocabulary(&spec.id, &spec.pattern, &self.vocabulary)?;
            let mut rule_excepts = Vec::with_capacity(spec.except.len());
            for raw in &spec.except {
                let pattern = expand_vocabulary(&spec.id, raw, &self.vocabulary)?;
                let index = match excepts.iter().position(|known| known.pattern == pattern) {
                    Some(index) => index,
                    None => {
                        excepts.push(Except {
                            rule: spec.id.clone(),
                            pattern,
                            regex: OnceLock::new(),
                        });
                        excepts.len() - 1
                    }
                };
                rule_excepts.push(index);
            }
            expanded_patterns.push(ascii_classes(&pattern));
            rules.push(CompiledRule {
                id: spec.id.clone(),
                category: spec.category,
                severity: spec.severity,
                scope: spec.scope,
                pattern,
                matcher: OnceLock::new(),
                excepts: rule_excepts,
                message: spec.message.clone(),
                source: spec.source.clone(),
            });
        }
        let (intents, cue_patterns, cue_owner) = compile_intents(&self.intents, &self.vocabulary)?;
        if let Some((intent, unknown)) = intents.iter().find_map(|intent| {
            intent
                .findings
                .iter()
                .find(|id| !known.contains(id.as_str()))
                .map(|id| (intent, id))
        }) {
            return Err(RuleError::UnknownFinding {
                intent: intent.id.clone(),
                rule: unknown.clone(),
            });
        }
        let general = intents
            .iter()
            .position(|intent| intent.id == "general")
            .ok_or(RuleError::NoGeneralIntent)?;
        let bare = intents.iter().position(|intent| intent.id == "bare");
        Ok(RuleSet {
            rules,
            prefilter: OnceLock::new(),
            prefilter_patterns: expanded_patterns,
            excepts,
            intents,
            cue_set: OnceLock::new(),
            cue_patterns,
            cue_owner,
            general,
            bare,
        })
    }
}

type CompiledIntents = (Vec<CompiledIntent>, Vec<String>, Vec<usize>);

fn compile_intents(
    specs: &[IntentSpec],
    vocabulary: &BTreeMap<String, String>,
) -> Result<CompiledIntents, RuleError> {
    let mut intents = Vec::with_capacity(specs.len());
    let mut cue_patterns = Vec::new();
    let mut cue_owner = Vec::new();
    let mut seen = HashSet::new();
    for (index, spec) in specs.iter().enumerate() {
        if !seen.insert(spec.id.clone()) {
            return Err(RuleError::DuplicateId(spec.id.clone()));
        }
        if spec.templates.is_empty() {
            return Err(RuleError::Empty {
                rule: spec.id.clone(),
                field: "templates",
            });
        }
        for cue in &spec.cues {
            let expanded = expand_vocabulary(&spec.id, cue, vocabulary)?;
            cue_patterns.push(expanded);
            cue_owner.push(index);
        }
        let templates = spec
            .templates
            .iter()
            .map(|template| {
                Template::parse(template).map_err(|problem| RuleError::Template {
                    intent: spec.id.clone(),
                    template: template.clone(),
                    problem,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        intents.push(CompiledIntent {
            id: spec.id.clone(),
            findings: spec.findings.clone(),
            templates,
        });
    }
    Ok((intents, cue_patterns, cue_owner))
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
    let fields: [(&'static str, bool); 4] = [
        ("id", spec.id.trim().is_empty()),
        ("pattern", spec.pattern.trim().is_empty()),
        ("message", spec.message.trim().is_empty()),
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

fn build_regex(rule: &str, pattern: &str) -> Result<Regex, RuleError> {
    RegexBuilder::new(&ascii_classes(pattern))
        .case_insensitive(true)
        .build()
        .map_err(|source| RuleError::Regex {
            rule: rule.to_owned(),
            source: Box::new(source),
        })
}

/// `\w`, `\d` and `\b` as their ASCII forms (`\s` stays Unicode: a
/// no-break space is still a space). Questions are English; the
/// Unicode classes made the rules' automata many times larger, slower to
/// build (most of the checker's start-up) and unable to use the fast DFA on
/// text with any non-ASCII character. Letters outside ASCII still match
/// themselves, and `.`/negated classes still cover all of Unicode.
pub(crate) fn ascii_classes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut in_class = false;
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(next) = chars.next() else {
                    out.push(c);
                    break;
                };
                let replacement = match (next, in_class) {
                    ('w', false) => "[0-9A-Za-z_]",
                    ('w', true) => "0-9A-Za-z_",
                    ('W', false) => "[^0-9A-Za-z_]",
                    ('d', false) => "[0-9]",
                    ('d', true) => "0-9",
                    ('b', false) => "(?-u:\\b)",
                    _ => "",
                };
                if replacement.is_empty() {
                    out.push(c);
                    out.push(next);
                } else {
                    out.push_str(replacement);
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // A leading `]` or `^]` is literal, not the end of the class.
                if chars.peek() == Some(&'^') {
                    out.push(chars.next().expect("peeked"));
                }
                if chars.peek() == Some(&']') {
                    out.push(chars.next().expect("peeked"));
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
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
