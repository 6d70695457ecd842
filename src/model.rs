//! The data model of a roast: series, sessions and notes, exactly as they are stored on disk.
//!
//! Every on-disk type uses plain (externally tagged) enums and carries a `version`, so an
//! older build can refuse a newer file instead of silently dropping fields it does not know.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::agenda::Agenda;
use crate::timer::TimerState;

/// The on-disk format version this build writes.
pub const FORMAT_VERSION: u32 = 1;

/// A session that carries a fix wording (see [`Note::fix`]) is written as this version, so
/// an older roast refuses it instead of dropping the wording on its next save.
pub const FIX_WORDING_VERSION: u32 = 2;

/// Backlog item files from this version on hold no votes: each voter's votes are in their
/// own ballot file, written as this version too. An older roast refuses both instead of
/// writing votes back into item files.
pub const BALLOTS_VERSION: u32 = 3;

/// The newest on-disk format this build reads.
pub const NEWEST_VERSION: u32 = BALLOTS_VERSION;

/// The 45 minutes the method recommends ("more than 1 hour is too long").
pub const DEFAULT_MINUTES: u32 = 45;

/// The whole series is meant to take about this many hours, over several weeks.
pub const TARGET_SERIES_HOURS: u32 = 10;

/// Steps through an enum's variants in declaration order, wrapping around: the role
/// picker, the note kind, the closing outcome.
pub trait Cycle: strum::VariantArray + PartialEq + Copy + 'static {
    fn step(self, by: isize) -> Self {
        let all = Self::VARIANTS;
        let n = isize::try_from(all.len()).unwrap_or(1);
        let i = isize::try_from(all.iter().position(|v| *v == self).unwrap_or(0)).unwrap_or(0);
        let at = usize::try_from((i + by).rem_euclid(n)).unwrap_or(0);
        all[at]
    }

    fn next(self) -> Self {
        self.step(1)
    }

    fn prev(self) -> Self {
        self.step(-1)
    }
}

impl<T: strum::VariantArray + PartialEq + Copy + 'static> Cycle for T {}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
pub enum Role {
    #[strum(serialize = "service owner")]
    ServiceOwner,
    #[strum(serialize = "participant")]
    Participant,
    #[strum(serialize = "scribe")]
    Scribe,
    #[strum(serialize = "moderator")]
    Moderator,
}

impl Role {
    pub const ALL: &[Role] = <Role as strum::VariantArray>::VARIANTS;

    pub fn label(self) -> &'static str {
        self.into()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub name: String,
    pub role: Role,
}

/// One roast of one service: `series.ron` in the series folder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    pub version: u32,
    /// Folder name and handle on the command line: a slug of the service name.
    pub id: String,
    pub service: String,
    /// A snapshot of the agenda the series was created with, so the folder stays
    /// self-contained when shared with someone whose agendas differ.
    pub agenda: Agenda,
    pub participants: Vec<Participant>,
    #[serde(with = "time::serde::rfc3339")]
    pub created: OffsetDateTime,
}

/// Declared in the order the notes pane groups kinds in, and the kind key cycles through.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
pub enum NoteKind {
    #[strum(serialize = "note")]
    Note,
    #[strum(serialize = "learning")]
    Learning,
    #[strum(serialize = "opportunity")]
    Opportunity,
    #[strum(serialize = "off-shoot")]
    OffShoot,
    #[strum(serialize = "question")]
    Question,
}

impl NoteKind {
    pub const ALL: &[NoteKind] = <NoteKind as strum::VariantArray>::VARIANTS;

    pub fn label(self) -> &'static str {
        self.into()
    }

    pub fn plural(self) -> &'static str {
        match self {
            NoteKind::Learning => "Learnings",
            NoteKind::Opportunity => "Opportunities",
            NoteKind::OffShoot => "Off-shoots",
            NoteKind::Question => "Questions",
            NoteKind::Note => "Notes",
        }
    }
}

/// The first line of `text` that says something, trimmed: a note's title.
pub fn first_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .to_string()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// Unique within its session; never reused, so references to a note stay valid.
    pub id: u32,
    pub kind: NoteKind,
    pub text: String,
    /// Elapsed meeting time (timer seconds) when the note was written.
    pub elapsed_secs: u32,
    /// Said in the room, stays in the room: no summary or export ever contains its text.
    #[serde(default)]
    pub room_only: bool,
    /// For a room-only opportunity: the fix in words the scribe wrote for it to leave the
    /// room. Only this wording ever leaves; until there is one, the opportunity is
    /// withheld and counted as needing one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
    /// The phrasing checker flagged this question when it was written.
    #[serde(default)]
    pub flagged: bool,
    /// The scribe replaced a flagged question with one of the suggested rewrites.
    #[serde(default)]
    pub rephrased: bool,
}

/// What a session is about: an agenda topic, or an off-shoot parked in an earlier session.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TopicRef {
    Agenda(String),
    OffShoot {
        session: String,
        note: u32,
        title: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    Completed,
    CalledOff { reason: String },
    RanOver,
}

impl Outcome {
    pub fn label(&self) -> &'static str {
        match self {
            Outcome::Completed => "completed",
            Outcome::CalledOff { .. } => "called off",
            Outcome::RanOver => "ran over",
        }
    }
}

/// The text the scribe was typing but had not committed yet; saved so a crash loses nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub kind: NoteKind,
    pub text: String,
    #[serde(default)]
    pub room_only: bool,
    /// The note being edited, if the draft is an edit of an existing note.
    #[serde(default)]
    pub editing: Option<u32>,
}

/// The closing form as far as it was filled in, so a crash while closing loses nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosingDraft {
    pub outcome: Outcome,
}

/// One meeting: one RON file in the series' `sessions/` folder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub version: u32,
    /// File stem; sortable by start time and unique across scribes.
    pub id: String,
    pub topic: TopicRef,
    #[serde(with = "time::serde::rfc3339")]
    pub started: OffsetDateTime,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub closed: Option<OffsetDateTime>,
    pub timer: TimerState,
    pub attendees: Vec<String>,
    pub notes: Vec<Note>,
    #[serde(default)]
    pub draft: Option<Draft>,
    #[serde(default)]
    pub outcome: Option<Outcome>,
    /// The outcome picked on the closing screen before the session was closed.
    #[serde(default)]
    pub closing: Option<ClosingDraft>,
    #[serde(default)]
    pub next_topic: Option<TopicRef>,
    #[serde(default)]
    pub summary: String,
    /// The area's maturity as the room rates it, 0–5; never compared across services.
    #[serde(default)]
    pub maturity: Option<u8>,
}

impl Session {
    pub fn is_closed(&self) -> bool {
        self.outcome.is_some()
    }

    /// Whether nothing was recorded: no note and no closing summary. A session started
    /// by mistake and closed at once is this, and covers nothing.
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty() && self.summary.trim().is_empty()
    }

    /// Whether this session covered its topic: it closed without being called off, and
    /// something was recorded in it.
    pub fn covers_its_topic(&self) -> bool {
        matches!(self.outcome, Some(Outcome::Completed | Outcome::RanOver)) && !self.is_empty()
    }

    pub fn next_note_id(&self) -> u32 {
        self.notes.iter().map(|n| n.id + 1).max().unwrap_or(1)
    }

    pub fn note(&self, id: u32) -> Option<&Note> {
        self.notes.iter().find(|n| n.id == id)
    }

    /// A new session for `topic`, its timer not started yet.
    pub fn new(
        id: String,
        topic: TopicRef,
        started: OffsetDateTime,
        minutes: u32,
        attendees: Vec<String>,
    ) -> Self {
        Session {
            version: FORMAT_VERSION,
            id,
            topic,
            started,
            closed: None,
            timer: TimerState::new(minutes),
            attendees,
            notes: Vec::new(),
            draft: None,
            outcome: None,
            closing: None,
            next_topic: None,
            summary: String::new(),
            maturity: None,
        }
    }

    /// Records a note stamped with the meeting time; returns its id.
    pub fn add_note(&mut self, kind: NoteKind, text: String, room_only: bool, now_ms: i64) -> u32 {
        let id = self.next_note_id();
        let elapsed_secs = u32::try_from(self.timer.elapsed_secs(now_ms)).unwrap_or(u32::MAX);
        self.notes.push(Note {
            id,
            kind,
            text,
            elapsed_secs,
            room_only,
            fix: None,
            flagged: false,
            rephrased: false,
        });
        id
    }

    /// Sets (or, with blank text, clears) the fix wording of a note; returns whether the
    /// note exists. The session is then written in the format that keeps the wording.
    pub fn set_fix(&mut self, id: u32, wording: &str) -> bool {
        let Some(note) = self.note_mut(id) else {
            return false;
        };
        let wording = wording.trim();
        note.fix = (!wording.is_empty()).then(|| wording.to_string());
        if self.notes.iter().any(|n| n.fix.is_some()) {
            self.version = self.version.max(FIX_WORDING_VERSION);
        }
        true
    }

    pub fn note_mut(&mut self, id: u32) -> Option<&mut Note> {
        self.notes.iter_mut().find(|n| n.id == id)
    }

    /// Removes a note; returns it so the caller can offer to bring it back.
    pub fn remove_note(&mut self, id: u32) -> Option<Note> {
        let index = self.notes.iter().position(|n| n.id == id)?;
        Some(self.notes.remove(index))
    }

    /// Puts a removed note back where its id belongs.
    pub fn restore_note(&mut self, note: Note) {
        let index = self.notes.partition_point(|n| n.id < note.id);
        self.notes.insert(index, note);
    }
}

/// Session ids sort by start time and stay unique when two scribes add sessions to the
/// same series folder: `20261122-031500-architecture`.
pub fn session_id(started: OffsetDateTime, topic_slug: &str) -> String {
    let fmt = time::macros::format_description!("[year][month][day]-[hour][minute][second]");
    let stamp = started.format(&fmt).unwrap_or_else(|_| "session".into());
    format!("{stamp}-{}", slugify(topic_slug))
}

/// Turns a service name into a folder-safe, readable id: "Payments API" → "payments-api".
pub fn slugify(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        "series".into()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_and_kinds_cycle_in_order_and_wrap_around() {
        assert_eq!(Role::ServiceOwner.next(), Role::Participant);
        assert_eq!(Role::Moderator.next(), Role::ServiceOwner);
        assert_eq!(NoteKind::Note.prev(), NoteKind::Question);
        assert_eq!(NoteKind::Note.next(), NoteKind::Learning);
        assert_eq!(Role::ServiceOwner.label(), "service owner");
        assert_eq!(NoteKind::OffShoot.label(), "off-shoot");
    }

    #[test]
    fn the_first_line_is_the_first_that_says_something() {
        assert_eq!(
            first_line("\n  \n  Cache stampede \nafter deploys"),
            "Cache stampede"
        );
        assert_eq!(first_line(""), "");
    }

    #[test]
    fn slugify_keeps_words_and_drops_punctuation() {
        assert_eq!(slugify("Payments API"), "payments-api");
        assert_eq!(slugify("  --Edge/Gateway v2!! "), "edge-gateway-v2");
        assert_eq!(slugify("Café Ünïcode"), "café-ünïcode");
        assert_eq!(slugify("!!!"), "series");
    }

    #[test]
    fn kinds_cycle_both_ways_through_every_kind() {
        let mut k = NoteKind::Note;
        for _ in 0..NoteKind::ALL.len() {
            assert_eq!(k.next().prev(), k);
            k = k.next();
        }
        assert_eq!(k, NoteKind::Note);
    }

    #[test]
    fn notes_get_fresh_ids_and_meeting_time_stamps() {
        let mut s = Session::new(
            "s".into(),
            TopicRef::Agenda("a".into()),
            OffsetDateTime::UNIX_EPOCH,
            45,
            vec![],
        );
        s.timer.start(0);
        let a = s.add_note(NoteKind::Learning, "one".into(), false, 90_000);
        let b = s.add_note(NoteKind::Note, "two".into(), true, 125_000);
        assert_eq!((a, b), (1, 2));
        assert_eq!(s.note(b).unwrap().elapsed_secs, 125);
        let removed = s.remove_note(a).unwrap();
        assert_eq!(
            s.add_note(NoteKind::Note, "three".into(), false, 0),
            3,
            "ids are never reused"
        );
        s.restore_note(removed);
        let ids: Vec<_> = s.notes.iter().map(|n| n.id).collect();
        assert_eq!(ids, vec![1, 2, 3]);
    }

    #[test]
    fn a_fix_wording_is_kept_trimmed_and_marks_the_session_as_the_newer_format() {
        let mut s = Session::new(
            "s".into(),
            TopicRef::Agenda("a".into()),
            OffsetDateTime::UNIX_EPOCH,
            45,
            vec![],
        );
        let id = s.add_note(
            NoteKind::Opportunity,
            "Vendor X overcharges".into(),
            true,
            0,
        );
        assert_eq!(s.version, FORMAT_VERSION);
        assert!(s.set_fix(id, "  Review the vendor contract terms "));
        assert_eq!(
            s.note(id).unwrap().fix.as_deref(),
            Some("Review the vendor contract terms")
        );
        assert_eq!(s.version, FIX_WORDING_VERSION);
        assert!(s.set_fix(id, "   "));
        assert_eq!(s.note(id).unwrap().fix, None);
        assert!(!s.set_fix(99, "x"));
    }

    #[test]
    fn session_ids_sort_by_start_and_name_the_topic() {
        let t = time::macros::datetime!(2026-11-22 03:15:07 UTC);
        assert_eq!(
            session_id(t, "Capacity planning"),
            "20261122-031507-capacity-planning"
        );
    }

    #[test]
    fn roles_cycle_through_every_role() {
        let mut r = Role::ServiceOwner;
        let mut seen = vec![];
        for _ in 0..4 {
            seen.push(r);
            r = r.next();
        }
        assert_eq!(seen, Role::ALL);
    }
}
