//! How far a series has come: sessions held, meeting time against the ~10 hours the method
//! suggests, topics covered and still to do, and the off-shoots parked for later.
//!
//! Only ever about one series: the method forbids comparing services.

use std::collections::HashSet;

use crate::agenda::Topic;
use crate::model::{NoteKind, Series, Session, TARGET_SERIES_HOURS, TopicRef, first_line};

/// An off-shoot noted in some session and not yet taken up as a session's topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParkedOffShoot {
    pub session: String,
    pub note: u32,
    pub title: String,
}

impl ParkedOffShoot {
    pub fn topic_ref(&self) -> TopicRef {
        TopicRef::OffShoot {
            session: self.session.clone(),
            note: self.note,
            title: self.title.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// Sessions that were closed (completed, ran over or called off).
    pub sessions_held: usize,
    /// Meeting time of every session, open ones up to `now`.
    pub meeting_secs: i64,
    pub target_secs: i64,
    pub covered_topics: usize,
    pub total_topics: usize,
    pub parked_offshoots: usize,
}

/// A topic counts as covered once a session on it closed, not called off and not empty.
pub fn is_covered(sessions: &[Session], topic: &TopicRef) -> bool {
    sessions
        .iter()
        .any(|s| &s.topic == topic && s.covers_its_topic())
}

pub fn covered_agenda_topics<'a>(series: &'a Series, sessions: &[Session]) -> Vec<&'a Topic> {
    series
        .agenda
        .topics
        .iter()
        .filter(|t| is_covered(sessions, &TopicRef::Agenda(t.id.clone())))
        .collect()
}

/// Off-shoots not yet taken up by any session (open or closed), oldest first. Room-only
/// notes are parked like any other: choosing a topic does not export anything.
pub fn parked_offshoots(sessions: &[Session]) -> Vec<ParkedOffShoot> {
    let taken: HashSet<(&str, u32)> = sessions
        .iter()
        .filter_map(|s| match &s.topic {
            TopicRef::OffShoot { session, note, .. } => Some((session.as_str(), *note)),
            TopicRef::Agenda(_) => None,
        })
        .collect();
    sessions
        .iter()
        .flat_map(|s| {
            s.notes
                .iter()
                .filter(|n| n.kind == NoteKind::OffShoot)
                .map(move |n| (s, n))
        })
        .filter(|(s, n)| !taken.contains(&(s.id.as_str(), n.id)))
        .map(|(s, n)| ParkedOffShoot {
            session: s.id.clone(),
            note: n.id,
            title: first_line(&n.text),
        })
        .collect()
}

pub fn progress(series: &Series, sessions: &[Session], now_ms: i64) -> Progress {
    Progress {
        sessions_held: sessions.iter().filter(|s| s.is_closed()).count(),
        meeting_secs: sessions.iter().map(|s| s.timer.elapsed_secs(now_ms)).sum(),
        target_secs: i64::from(TARGET_SERIES_HOURS) * 3600,
        covered_topics: covered_agenda_topics(series, sessions).len(),
        total_topics: series.agenda.topics.len(),
        parked_offshoots: parked_offshoots(sessions).len(),
    }
}

/// The title a topic shows under: the agenda topic's title, or the off-shoot's text.
pub fn topic_title(series: &Series, topic: &TopicRef) -> String {
    match topic {
        TopicRef::Agenda(id) => series
            .agenda
            .topic(id)
            .map_or_else(|| id.clone(), |t| t.title.clone()),
        TopicRef::OffShoot { title, .. } => title.clone(),
    }
}

/// "1 session", "3 sessions": a count with its noun.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// "3h 05m" style duration for progress lines.
pub fn hours_minutes(secs: i64) -> String {
    let minutes = secs.max(0) / 60;
    format!("{}h {:02}m", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::Agenda;
    use crate::model::{FORMAT_VERSION, Outcome, Participant, Role};
    use time::OffsetDateTime;

    fn series() -> Series {
        let topic = |id: &str| Topic {
            id: id.into(),
            title: id.to_uppercase(),
            covers: String::new(),
            prompts: vec![],
        };
        Series {
            version: FORMAT_VERSION,
            id: "svc".into(),
            service: "Svc".into(),
            agenda: Agenda {
                version: 1,
                id: "a".into(),
                title: "A".into(),
                description: String::new(),
                topics: vec![topic("one"), topic("two"), topic("three")],
            },
            participants: vec![Participant {
                name: "Ana".into(),
                role: Role::Moderator,
            }],
            created: OffsetDateTime::UNIX_EPOCH,
        }
    }

    fn session(id: &str, topic: TopicRef, outcome: Option<Outcome>, minutes: i64) -> Session {
        let mut s = Session::new(id.into(), topic, OffsetDateTime::UNIX_EPOCH, 45, vec![]);
        s.timer.start(0);
        s.timer.pause(minutes * 60_000);
        s.outcome = outcome;
        s.summary = "Something was said.".into();
        s
    }

    #[test]
    fn an_empty_session_closed_at_once_covers_nothing() {
        let mut empty = session(
            "1",
            TopicRef::Agenda("one".into()),
            Some(Outcome::Completed),
            0,
        );
        empty.summary.clear();
        assert!(!is_covered(&[empty.clone()], &empty.topic));
        let p = progress(&series(), &[empty], 0);
        assert_eq!(p.covered_topics, 0);
    }

    #[test]
    fn counts_closed_sessions_time_and_covered_topics() {
        let sessions = vec![
            session(
                "1",
                TopicRef::Agenda("one".into()),
                Some(Outcome::Completed),
                45,
            ),
            session(
                "2",
                TopicRef::Agenda("two".into()),
                Some(Outcome::CalledOff {
                    reason: "tense".into(),
                }),
                20,
            ),
            session("3", TopicRef::Agenda("three".into()), None, 10),
        ];
        let p = progress(&series(), &sessions, 0);
        assert_eq!(p.sessions_held, 2);
        assert_eq!(p.meeting_secs, 75 * 60);
        assert_eq!(
            p.covered_topics, 1,
            "called off and open sessions do not cover"
        );
        assert_eq!(p.total_topics, 3);
        assert_eq!(hours_minutes(p.meeting_secs), "1h 15m");
        assert_eq!(count(p.sessions_held, "session"), "2 sessions");
        assert_eq!(count(1, "session"), "1 session");
    }

    #[test]
    fn offshoots_stay_parked_until_a_session_takes_them_up() {
        let mut first = session(
            "1",
            TopicRef::Agenda("one".into()),
            Some(Outcome::Completed),
            45,
        );
        let a = first.add_note(NoteKind::OffShoot, "Cache warm-up\nmore".into(), false, 0);
        first.add_note(NoteKind::OffShoot, "DNS failover".into(), false, 0);
        first.add_note(NoteKind::Learning, "not an off-shoot".into(), false, 0);
        let parked = parked_offshoots(std::slice::from_ref(&first));
        assert_eq!(parked.len(), 2);
        assert_eq!(parked[0].title, "Cache warm-up");
        let second = session("2", parked[0].topic_ref(), None, 0);
        let parked = parked_offshoots(&[first, second]);
        assert_eq!(parked.len(), 1);
        assert_ne!(parked[0].note, a);
    }
}
