//! What may leave the room.
//!
//! The method's rule is "things said in the room don't leave it, except the fix". So:
//! - a note marked room-only never appears in a summary or an export, in any format, and
//!   neither does anything derived from it (an off-shoot's title shown as a later
//!   session's topic, or in the slug that ends the id of a session about it): the
//!   summary only counts how many notes were withheld;
//! - an **opportunity** is the fix: it always leaves, even when marked room-only, because
//!   it is what becomes a bug or a task. The roll-up counts these separately so the export
//!   can say so. Whoever wants an opportunity kept in the room should reword it instead.
//!
//! Every summary and export is built from the roll-up, and the roll-up asks only this
//! module, so the rule lives in one place.

use crate::model::{Note, NoteKind};

/// Whether a note may appear in a summary or an export.
pub fn leaves_the_room(note: &Note) -> bool {
    !note.room_only || note.kind == NoteKind::Opportunity
}

/// Whether a note is room-only yet leaves anyway, being a fix.
pub fn is_room_only_fix(note: &Note) -> bool {
    note.room_only && note.kind == NoteKind::Opportunity
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
            flagged: false,
            rephrased: false,
        }
    }

    #[test]
    fn room_only_notes_stay_except_the_fix() {
        for kind in NoteKind::ALL {
            assert!(leaves_the_room(&note(kind, false)), "{kind:?}");
            assert_eq!(
                leaves_the_room(&note(kind, true)),
                kind == NoteKind::Opportunity,
                "{kind:?}"
            );
            assert_eq!(
                is_room_only_fix(&note(kind, true)),
                kind == NoteKind::Opportunity
            );
            assert!(!is_room_only_fix(&note(kind, false)));
        }
    }
}
