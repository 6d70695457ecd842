//! What may leave the room.
//!
//! The method's rule is "things said in the room don't leave it, except the fix". So:
//! - the text of a note marked room-only never appears in a summary or an export, in any
//!   format, and neither does anything derived from it (an off-shoot's title shown as a
//!   later session's topic, or in the slug that ends the id of a session about it);
//! - a room-only **opportunity** leaves only as its fix, in words the scribe wrote for
//!   that purpose ([`Note::fix`]); until it has them it is withheld like any room-only
//!   note, and counted as needing a fix wording, so nobody forgets it.
//!
//! Every summary and export is built from the roll-up, and the roll-up asks only this
//! module, so the rule lives in one place.

use crate::model::{Note, NoteKind};

/// Whether a note's own text may appear in a summary or an export.
pub fn leaves_the_room(note: &Note) -> bool {
    !note.room_only
}

/// What a summary or an export may say of a note: its text, the fix wording of a
/// room-only opportunity, or nothing.
pub fn public_text(note: &Note) -> Option<&str> {
    if leaves_the_room(note) {
        Some(&note.text)
    } else {
        fix_wording(note)
    }
}

/// The wording under which a room-only opportunity leaves the room, once written.
pub fn fix_wording(note: &Note) -> Option<&str> {
    (note.room_only && note.kind == NoteKind::Opportunity)
        .then_some(note.fix.as_deref())
        .flatten()
        .filter(|w| !w.trim().is_empty())
}

/// Whether a note is room-only yet leaves anyway, as its fix wording.
pub fn is_room_only_fix(note: &Note) -> bool {
    fix_wording(note).is_some()
}

/// A room-only opportunity that stays in the room until the scribe words its fix.
pub fn needs_fix_wording(note: &Note) -> bool {
    note.room_only && note.kind == NoteKind::Opportunity && fix_wording(note).is_none()
}

/// A room-only opportunity waiting for its fix wording, for the screens in the room to
/// list and ask about (its text is shown there, never exported).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AwaitingFix {
    pub session: String,
    pub note: u32,
    pub text: String,
    pub topic: String,
}

/// Every room-only opportunity of a series that has no fix wording yet, in the order raised.
pub fn awaiting_fix_wording(
    series: &crate::model::Series,
    sessions: &[crate::model::Session],
) -> Vec<AwaitingFix> {
    let mut ordered: Vec<&crate::model::Session> = sessions.iter().collect();
    ordered.sort_by(|a, b| a.started.cmp(&b.started).then(a.id.cmp(&b.id)));
    ordered
        .into_iter()
        .flat_map(|s| {
            s.notes
                .iter()
                .filter(|n| needs_fix_wording(n))
                .map(move |n| AwaitingFix {
                    session: s.id.clone(),
                    note: n.id,
                    text: n.text.clone(),
                    topic: crate::progress::topic_title(series, &s.topic),
                })
        })
        .collect()
}

/// What stands in for an off-shoot's text where only its room-only note could name it.
pub const WITHHELD_TITLE: &str = "[withheld: room-only]";

#[cfg(test)]
mod tests {
    use super::*;

    fn note(kind: NoteKind, room_only: bool) -> Note {
        Note {
            id: 1,
            kind,
            text: "x".into(),
            elapsed_secs: 0,
            room_only,
            fix: None,
            flagged: false,
            rephrased: false,
        }
    }

    #[test]
    fn room_only_notes_stay_and_an_opportunity_leaves_only_as_its_fix_wording() {
        for &kind in NoteKind::ALL {
            assert!(leaves_the_room(&note(kind, false)), "{kind:?}");
            assert!(!leaves_the_room(&note(kind, true)), "{kind:?}");
            assert_eq!(public_text(&note(kind, true)), None, "{kind:?}");
            assert_eq!(
                needs_fix_wording(&note(kind, true)),
                kind == NoteKind::Opportunity
            );
            let mut worded = note(kind, true);
            worded.fix = Some("Rotate the key".into());
            let expected = (kind == NoteKind::Opportunity).then_some("Rotate the key");
            assert_eq!(public_text(&worded), expected, "{kind:?}");
            assert_eq!(is_room_only_fix(&worded), kind == NoteKind::Opportunity);
            assert!(!needs_fix_wording(&worded));
        }
        let mut blank = note(NoteKind::Opportunity, true);
        blank.fix = Some("  ".into());
        assert!(needs_fix_wording(&blank), "a blank wording is no wording");
    }
}
