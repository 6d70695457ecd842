//! The order topics are offered in when picking the next session's topic: the one chosen at
//! the last closing first, then uncovered agenda topics and parked off-shoots, then the
//! topics already covered, marked as such (a room may want to revisit one).

use crate::model::{Series, Session, TopicRef};
use crate::progress::{is_covered, parked_offshoots};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicChoice {
    pub topic: TopicRef,
    pub title: String,
    pub covered: bool,
    pub is_offshoot: bool,
    /// Chosen as "next topic" when the last session closed.
    pub chosen_last_time: bool,
}

pub fn topic_choices(series: &Series, sessions: &[Session]) -> Vec<TopicChoice> {
    let chosen = sessions
        .iter()
        .rev()
        .find(|s| s.is_closed())
        .and_then(|s| s.next_topic.clone());
    let agenda = series.agenda.topics.iter().map(|t| {
        let topic = TopicRef::Agenda(t.id.clone());
        TopicChoice {
            covered: is_covered(sessions, &topic),
            chosen_last_time: chosen.as_ref() == Some(&topic),
            title: t.title.clone(),
            is_offshoot: false,
            topic,
        }
    });
    let offshoots = parked_offshoots(sessions).into_iter().map(|p| {
        let topic = p.topic_ref();
        TopicChoice {
            covered: false,
            chosen_last_time: chosen.as_ref() == Some(&topic),
            title: p.title,
            is_offshoot: true,
            topic,
        }
    });
    let mut choices: Vec<TopicChoice> = agenda.chain(offshoots).collect();
    // Stable sort keeps agenda order within each group.
    choices.sort_by_key(|c| (!c.chosen_last_time, c.covered));
    choices
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::{Agenda, Topic};
    use crate::model::{FORMAT_VERSION, NoteKind, Outcome};
    use time::OffsetDateTime;

    fn series() -> Series {
        let t = |id: &str| Topic {
            id: id.into(),
            title: id.into(),
            covers: String::new(),
            prompts: vec![],
        };
        Series {
            version: FORMAT_VERSION,
            id: "s".into(),
            service: "S".into(),
            agenda: Agenda {
                version: 1,
                id: "a".into(),
                title: "A".into(),
                description: String::new(),
                topics: vec![t("one"), t("two"), t("three")],
            },
            participants: vec![],
            created: OffsetDateTime::UNIX_EPOCH,
        }
    }

    #[test]
    fn uncovered_and_parked_first_then_covered_with_last_choice_on_top() {
        let mut first = Session::new(
            "1".into(),
            TopicRef::Agenda("one".into()),
            OffsetDateTime::UNIX_EPOCH,
            45,
            vec![],
        );
        first.add_note(NoteKind::OffShoot, "Queue depth".into(), false, 0);
        first.outcome = Some(Outcome::Completed);
        first.next_topic = Some(TopicRef::Agenda("three".into()));
        let titles: Vec<_> = topic_choices(&series(), &[first])
            .into_iter()
            .map(|c| (c.title, c.covered))
            .collect();
        assert_eq!(
            titles,
            vec![
                ("three".to_string(), false),
                ("two".to_string(), false),
                ("Queue depth".to_string(), false),
                ("one".to_string(), true),
            ]
        );
    }
}
