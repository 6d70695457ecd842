//! Agendas: the ordered topics a series works through. Built-in agendas are compiled in
//! from `agendas/*.ron`; users add their own as RON files.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

pub const DEFAULT_AGENDA: &str = "service-roast";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    pub title: String,
    /// What the session covers, one or two sentences.
    pub covers: String,
    /// 3–6 prompt questions, phrased as how/what/where/when questions.
    pub prompts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agenda {
    pub version: u32,
    pub id: String,
    pub title: String,
    pub description: String,
    pub topics: Vec<Topic>,
}

impl Agenda {
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }
}

/// The agendas shipped inside the binary, in the order they are listed.
const BUILTIN: &[(&str, &str)] = &[
    (
        "agendas/service-roast.ron",
        include_str!("../agendas/service-roast.ron"),
    ),
    (
        "agendas/stability-practices.ron",
        include_str!("../agendas/stability-practices.ron"),
    ),
    (
        "agendas/on-call-readiness.ron",
        include_str!("../agendas/on-call-readiness.ron"),
    ),
    (
        "agendas/service-ownership.ron",
        include_str!("../agendas/service-ownership.ron"),
    ),
];

/// Where an agenda came from, so listings and errors can say so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgendaSource {
    BuiltIn,
    File(PathBuf),
}

#[derive(Debug, Clone)]
pub struct LoadedAgenda {
    pub agenda: Agenda,
    pub source: AgendaSource,
}

/// A problem with an agenda's content (as opposed to its syntax).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaProblem {
    pub message: String,
    /// Text to find in the file to say where the problem is (its `n`th occurrence).
    pub anchor: Option<(String, usize)>,
}

/// Checks what RON syntax cannot: ids present and unique, 3–6 prompts per topic.
pub fn validate(agenda: &Agenda) -> Vec<AgendaProblem> {
    let mut problems = Vec::new();
    let mut say = |message: String, anchor: Option<(String, usize)>| {
        problems.push(AgendaProblem { message, anchor })
    };
    if agenda.id.trim().is_empty() {
        say("the agenda has an empty id".into(), None);
    }
    if agenda.title.trim().is_empty() {
        say("the agenda has an empty title".into(), None);
    }
    if agenda.topics.is_empty() {
        say("the agenda has no topics".into(), None);
    }
    let mut seen = std::collections::HashMap::new();
    for topic in &agenda.topics {
        let quoted = format!("\"{}\"", topic.id);
        let occurrence = *seen
            .entry(topic.id.as_str())
            .and_modify(|n| *n += 1)
            .or_insert(0usize);
        let at = Some((quoted.clone(), occurrence));
        if topic.id.trim().is_empty() {
            say(
                format!("topic \"{}\" has an empty id", topic.title),
                at.clone(),
            );
        } else if occurrence == 1 {
            say(format!("topic id {quoted} is used twice"), at.clone());
        }
        if topic.title.trim().is_empty() {
            say(format!("topic {quoted} has an empty title"), at.clone());
        }
        if !(3..=6).contains(&topic.prompts.len()) {
            say(
                format!(
                    "topic {quoted} has {} prompt questions; it needs 3 to 6",
                    topic.prompts.len()
                ),
                at.clone(),
            );
        }
        for prompt in &topic.prompts {
            if prompt.trim().is_empty() {
                say(
                    format!("topic {quoted} has an empty prompt question"),
                    at.clone(),
                );
            }
        }
    }
    problems
}

/// The built-in agendas. They are tested to parse, so a failure here is a build defect.
pub fn builtin() -> Vec<LoadedAgenda> {
    BUILTIN
        .iter()
        .map(|(name, text)| LoadedAgenda {
            agenda: ron::from_str(text)
                .unwrap_or_else(|e| panic!("built-in agenda {name} is broken: {e}")),
            source: AgendaSource::BuiltIn,
        })
        .collect()
}

/// Prompt questions the phrasing checker flags: an agenda must model the tone it asks for.
pub fn lint_prompts(agenda: &Agenda) -> Vec<AgendaProblem> {
    let checker = crate::phrasing::Checker::builtin();
    agenda
        .topics
        .iter()
        .flat_map(|t| t.prompts.iter().map(move |p| (t, p)))
        .filter_map(|(topic, prompt)| {
            let verdict = checker.check(prompt);
            let finding = verdict.findings.first()?;
            let mut message = format!(
                "topic \"{}\": prompt \"{prompt}\" is judgmental ({}): {}",
                topic.id, finding.rule, finding.message
            );
            if let Some(better) = verdict.suggestions.first() {
                message.push_str(&format!(" Try: \"{better}\""));
            }
            Some(AgendaProblem {
                message,
                anchor: Some((prompt.clone(), 0)),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_agenda_parses_and_is_valid() {
        let all = builtin();
        assert!(all.len() >= 4);
        for a in &all {
            assert_eq!(validate(&a.agenda), vec![], "agenda {}", a.agenda.id);
        }
        let ids: Vec<_> = all.iter().map(|a| a.agenda.id.as_str()).collect();
        for id in [
            "service-roast",
            "stability-practices",
            "on-call-readiness",
            "service-ownership",
        ] {
            assert!(ids.contains(&id), "missing built-in agenda {id}");
        }
    }

    #[test]
    fn default_agenda_has_the_eight_sample_topics() {
        let all = builtin();
        let default = all
            .iter()
            .find(|a| a.agenda.id == DEFAULT_AGENDA)
            .expect("default agenda");
        assert_eq!(default.agenda.topics.len(), 8);
    }

    #[test]
    fn every_builtin_prompt_is_clean_under_the_phrasing_checker() {
        for a in builtin() {
            assert_eq!(lint_prompts(&a.agenda), vec![], "{}", a.agenda.id);
            for t in &a.agenda.topics {
                for p in &t.prompts {
                    assert!(p.trim_end().ends_with('?'), "{}/{}: {p}", a.agenda.id, t.id);
                }
            }
        }
    }

    #[test]
    fn a_judgmental_prompt_is_reported_with_a_rewrite() {
        let mut agenda = builtin().remove(0).agenda;
        agenda.topics[0].prompts[0] = "Why didn't you add rate limiting?".into();
        let problems = lint_prompts(&agenda);
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].message.contains("Try: \""),
            "{}",
            problems[0].message
        );
    }

    #[test]
    fn validate_reports_duplicate_ids_and_prompt_counts() {
        let topic = Topic {
            id: "a".into(),
            title: "A".into(),
            covers: "".into(),
            prompts: vec!["How?".into()],
        };
        let agenda = Agenda {
            version: 1,
            id: "x".into(),
            title: "X".into(),
            description: "".into(),
            topics: vec![topic.clone(), topic],
        };
        let messages: Vec<_> = validate(&agenda).into_iter().map(|p| p.message).collect();
        assert!(
            messages.iter().any(|m| m.contains("used twice")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("needs 3 to 6")),
            "{messages:?}"
        );
    }
}
