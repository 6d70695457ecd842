//! The roll-up: everything a summary or an export says about one series, computed once.
//!
//! Every output format is a view of a [`Rollup`], and room-only notes are filtered out
//! here (by [`super::privacy`]) before any view sees them. The JSON export is this
//! structure serialised as it is; its shape is documented in `docs/export-json.md`, so a
//! field changed here is a change of that documented format.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use time::OffsetDateTime;

use super::privacy::{
    WITHHELD_TITLE, is_room_only_fix, leaves_the_room, needs_fix_wording, public_text,
};
use crate::backlog::{Backlog, BacklogItem, Consensus, LoadedBacklog, Priority, Score, Spread};
use crate::model::{Note, NoteKind, Outcome, Series, Session, TARGET_SERIES_HOURS, TopicRef};
use crate::storage::LoadedSeries;

/// The version of the roll-up's (and so the JSON export's) shape.
pub const ROLLUP_VERSION: u32 = 1;

/// Longest item title before it is cut (with "…"); issue trackers want short titles.
pub const TITLE_CHARS: usize = 100;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rollup {
    /// Always "roast-rollup", so a reader can tell the file apart from others.
    pub format: &'static str,
    pub version: u32,
    /// When the roll-up was made (RFC 3339, UTC); open sessions are counted up to then.
    pub generated: String,
    pub series: SeriesInfo,
    /// Dates (YYYY-MM-DD) of the first and last session, if any.
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// Closed sessions: completed, ran over or called off.
    pub sessions_held: usize,
    /// Sessions still open: the export may be made mid-meeting.
    pub sessions_open: usize,
    pub meeting_secs: i64,
    pub target_secs: i64,
    pub topics: Topics,
    pub sessions: Vec<SessionEntry>,
    /// Every opportunity of the series, ranked (voted on or not).
    pub backlog: Vec<BacklogEntry>,
    pub maturity: Vec<MaturityEntry>,
    /// Room-only notes left out of this roll-up (room-only opportunities without a fix
    /// wording among them).
    pub withheld_room_only: usize,
    /// Room-only opportunities included as the fix wording the scribe wrote for them (their
    /// own text stays in the room).
    pub room_only_fixes: usize,
    /// Room-only opportunities withheld until the scribe writes a fix wording for them.
    pub room_only_needing_fix: usize,
    /// Names of files in the series folder that could not be read, so are missing here.
    pub unreadable_files: Vec<String>,
    /// Whether the minutes (every plain note and question) are in this roll-up. By
    /// default they are not: the method's summary is learnings, opportunities and
    /// off-shoots, and the minutes leave only when asked for.
    pub with_notes: bool,
    /// Plain notes and questions that could leave the room but are not in this roll-up
    /// (both 0 with the minutes). Room-only ones are counted in `withheld_room_only`.
    pub notes_left_out: usize,
    pub questions_left_out: usize,
}

/// Whether a roll-up carries the minutes: every plain note and question, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Minutes {
    /// The method's summary only (the default everywhere).
    #[default]
    LeftOut,
    /// The full minutes too (`roast export --with-notes`).
    Included,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesInfo {
    pub id: String,
    pub service: String,
    pub agenda: String,
    pub created: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TopicEntry {
    Agenda {
        id: String,
        title: String,
    },
    /// Parked in `session` as note `note`.
    OffShoot {
        session: String,
        note: u32,
        title: String,
    },
}

impl TopicEntry {
    pub fn title(&self) -> &str {
        match self {
            TopicEntry::Agenda { title, .. } | TopicEntry::OffShoot { title, .. } => title,
        }
    }

    pub fn is_offshoot(&self) -> bool {
        matches!(self, TopicEntry::OffShoot { .. })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Topics {
    /// Agenda topics (agenda order), then off-shoots (in the order they were covered).
    pub covered: Vec<TopicEntry>,
    /// Agenda topics not covered yet, then off-shoots not covered yet.
    pub remaining: Vec<TopicEntry>,
    pub agenda_total: usize,
    pub agenda_covered: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionStatus {
    Open,
    Completed,
    CalledOff,
    RanOver,
}

impl SessionStatus {
    pub fn label(self) -> &'static str {
        match self {
            SessionStatus::Open => "open",
            SessionStatus::Completed => "completed",
            SessionStatus::CalledOff => "called off",
            SessionStatus::RanOver => "ran over",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionEntry {
    pub id: String,
    pub topic: TopicEntry,
    pub date: String,
    pub started: String,
    pub closed: Option<String>,
    pub status: SessionStatus,
    pub called_off_reason: Option<String>,
    pub meeting_secs: i64,
    pub planned_secs: i64,
    pub maturity: Option<u8>,
    /// The scribe's closing summary; empty until written.
    pub summary: String,
    pub learnings: Vec<NoteEntry>,
    pub opportunities: Vec<NoteEntry>,
    pub off_shoots: Vec<NoteEntry>,
    pub next_topic: Option<TopicEntry>,
    /// With the minutes only: the session's plain notes and questions in the order
    /// written, room-only ones left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minutes: Option<Vec<MinuteEntry>>,
}

/// A plain note or a question, as the full minutes carry it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MinuteEntry {
    pub id: u32,
    /// "note" or "question".
    pub kind: &'static str,
    pub text: String,
    pub elapsed_secs: u32,
}

/// Whether a note is part of the minutes rather than of the method's summary.
fn is_minute(note: &Note) -> bool {
    matches!(note.kind, NoteKind::Note | NoteKind::Question)
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoteEntry {
    pub id: u32,
    pub text: String,
    pub elapsed_secs: u32,
    /// For opportunities: the item's place in the ranked backlog (1 = first).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BacklogEntry {
    /// 1-based place in the ranked backlog.
    pub rank: usize,
    /// The session id as shown (withheld when it would spell out a room-only off-shoot).
    pub session: String,
    /// The real session id, which votes are keyed by; never exported.
    #[serde(skip)]
    pub source_session: String,
    pub note: u32,
    pub topic: String,
    pub date: String,
    /// The first line of the text, cut to [`TITLE_CHARS`].
    pub title: String,
    pub text: String,
    pub consensus: Consensus,
    /// How many scored 0, 1, 2, 3, 4 and 5.
    pub spread: Spread,
    pub scores: Vec<Score>,
    /// Rounded to two decimals; `None` while unscored.
    pub mean: Option<f64>,
    pub top_five: Vec<String>,
    pub priority: Priority,
    pub owner: Option<String>,
    pub labels: Vec<String>,
    /// Marked room-only: `text` is the fix wording written for it, never what was said
    /// (see `summary::privacy`).
    pub room_only: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MaturityEntry {
    pub topic: TopicEntry,
    /// The latest 0–5 rating the room gave this area, if any. Never compared across
    /// services: each service is at its own maturity in each area.
    pub rating: Option<u8>,
    pub rated_on: Option<String>,
}

impl Rollup {
    /// The roll-up of a series as loaded from its folder, naming the files that could not
    /// be read.
    pub fn from_loaded(loaded: &LoadedSeries, backlog: &LoadedBacklog, now_ms: i64) -> Rollup {
        Rollup::from_loaded_with(loaded, backlog, now_ms, Minutes::LeftOut)
    }

    /// [`Rollup::from_loaded`], with or without the minutes.
    pub fn from_loaded_with(
        loaded: &LoadedSeries,
        backlog: &LoadedBacklog,
        now_ms: i64,
        minutes: Minutes,
    ) -> Rollup {
        let mut rollup = Rollup::build_with(
            &loaded.series,
            &loaded.sessions,
            &backlog.backlog,
            now_ms,
            minutes,
        );
        rollup.unreadable_files = loaded
            .problems
            .iter()
            .chain(&backlog.problems)
            .map(|p| {
                let name = p.path.file_name().map_or_else(
                    || p.path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                shown_file_name(&loaded.series, &name)
            })
            .collect();
        rollup
    }

    /// `now_ms` is the wall clock (ms since the epoch): open sessions count up to it and it
    /// stamps `generated`, so a fixed value gives a reproducible roll-up.
    pub fn build(series: &Series, sessions: &[Session], backlog: &Backlog, now_ms: i64) -> Rollup {
        Rollup::build_with(series, sessions, backlog, now_ms, Minutes::LeftOut)
    }

    /// [`Rollup::build`], with or without the minutes.
    pub fn build_with(
        series: &Series,
        sessions: &[Session],
        backlog: &Backlog,
        now_ms: i64,
        minutes: Minutes,
    ) -> Rollup {
        let mut ordered: Vec<&Session> = sessions.iter().collect();
        ordered.sort_by(|a, b| a.started.cmp(&b.started).then(a.id.cmp(&b.id)));
        let topics = TopicNamer::new(series, &ordered);

        let raised = backlog_entries(&ordered, backlog, &topics);
        let ranked: Vec<BacklogEntry> = crate::backlog::rank(raised, |(_, item)| *item)
            .into_iter()
            .zip(1..)
            .map(|((entry, _), rank)| BacklogEntry { rank, ..entry })
            .collect();
        let session_entries: Vec<SessionEntry> = {
            let ranks: HashMap<(&str, u32), usize> = ranked
                .iter()
                .map(|e| ((e.session.as_str(), e.note), e.rank))
                .collect();
            ordered
                .iter()
                .map(|s| session_entry(s, &topics, &ranks, now_ms, minutes))
                .collect()
        };

        let notes = || ordered.iter().flat_map(|s| &s.notes);
        let left_out = |kind: NoteKind| match minutes {
            Minutes::Included => 0,
            Minutes::LeftOut => notes()
                .filter(|n| n.kind == kind && leaves_the_room(n))
                .count(),
        };
        Rollup {
            format: "roast-rollup",
            version: ROLLUP_VERSION,
            generated: rfc3339(crate::clock::to_datetime(now_ms)),
            series: SeriesInfo {
                id: series.id.clone(),
                service: series.service.clone(),
                agenda: series.agenda.title.clone(),
                created: date(series.created),
            },
            first_date: ordered.first().map(|s| date(s.started)),
            last_date: ordered.last().map(|s| date(s.started)),
            sessions_held: ordered.iter().filter(|s| s.is_closed()).count(),
            sessions_open: ordered.iter().filter(|s| !s.is_closed()).count(),
            meeting_secs: ordered.iter().map(|s| s.timer.elapsed_secs(now_ms)).sum(),
            target_secs: i64::from(TARGET_SERIES_HOURS) * 3600,
            topics: topic_lists(series, &ordered, &topics),
            sessions: session_entries,
            backlog: ranked,
            maturity: maturity(series, &ordered, &topics),
            withheld_room_only: notes().filter(|n| public_text(n).is_none()).count(),
            room_only_fixes: notes().filter(|n| is_room_only_fix(n)).count(),
            room_only_needing_fix: notes().filter(|n| needs_fix_wording(n)).count(),
            unreadable_files: Vec::new(),
            with_notes: minutes == Minutes::Included,
            notes_left_out: left_out(NoteKind::Note),
            questions_left_out: left_out(NoteKind::Question),
        }
    }

    /// Meeting time as a whole percentage of the ~10-hour target.
    /// "on 2026-03-02", "from 2026-03-02 to 2026-04-20", or "none yet": the same words
    /// in every output.
    pub fn date_range(&self) -> String {
        match (&self.first_date, &self.last_date) {
            (Some(a), Some(b)) if a == b => format!("on {a}"),
            (Some(a), Some(b)) => format!("from {a} to {b}"),
            _ => "none yet".into(),
        }
    }

    pub fn target_percent(&self) -> i64 {
        if self.target_secs <= 0 {
            0
        } else {
            self.meeting_secs * 100 / self.target_secs
        }
    }
}

/// Names topics and sessions for the roll-up, hiding what a room-only off-shoot would give
/// away: its text as a topic title, and its words in the id of a session about it (ids
/// end in a slug of the topic).
struct TopicNamer<'a> {
    series: &'a Series,
    /// Notes that must not leave the room, as (session id, note id).
    withheld: HashSet<(&'a str, u32)>,
    /// Ids of sessions about a withheld off-shoot, and what they are shown as instead.
    hidden_ids: HashMap<&'a str, String>,
}

impl<'a> TopicNamer<'a> {
    fn new(series: &'a Series, sessions: &[&'a Session]) -> Self {
        let withheld: HashSet<(&str, u32)> = sessions
            .iter()
            .flat_map(|s| s.notes.iter().map(move |n| (s, n)))
            .filter(|(_, n)| !leaves_the_room(n))
            .map(|(s, n)| (s.id.as_str(), n.id))
            .collect();
        let hidden_ids = sessions
            .iter()
            .enumerate()
            .filter(|(_, s)| match &s.topic {
                TopicRef::OffShoot { session, note, .. } => {
                    withheld.contains(&(session.as_str(), *note))
                }
                TopicRef::Agenda(_) => false,
            })
            .map(|(i, s)| (s.id.as_str(), hidden_id(&s.id, i)))
            .collect();
        Self {
            series,
            withheld,
            hidden_ids,
        }
    }

    /// The id a session is shown under.
    fn id(&self, session: &str) -> String {
        self.hidden_ids
            .get(session)
            .cloned()
            .unwrap_or_else(|| session.to_string())
    }

    fn entry(&self, topic: &TopicRef) -> TopicEntry {
        match topic {
            TopicRef::Agenda(id) => TopicEntry::Agenda {
                id: id.clone(),
                title: crate::progress::topic_title(self.series, topic),
            },
            TopicRef::OffShoot {
                session,
                note,
                title,
            } => TopicEntry::OffShoot {
                session: self.id(session),
                note: *note,
                title: if self.withheld.contains(&(session.as_str(), *note)) {
                    WITHHELD_TITLE.to_string()
                } else {
                    title.clone()
                },
            },
        }
    }
}

/// "20260323-100000-vendor-terms" becomes "20260323-100000-withheld": the time stamp
/// keeps it unique and sortable, the slug goes. An id of another shape becomes
/// "withheld-<position>".
fn hidden_id(id: &str, position: usize) -> String {
    let stamp = id.get(..15).filter(|s| {
        s.bytes().enumerate().all(|(i, b)| {
            if i == 8 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
    });
    match stamp {
        Some(stamp) => format!("{stamp}-withheld"),
        None => format!("withheld-{}", position + 1),
    }
}

/// The name of an unreadable file as a summary may show it. Session and backlog files
/// are named after a session id, which ends in a slug of its topic; for a session about a
/// room-only off-shoot that slug spells the off-shoot out, and an unreadable file cannot
/// say what it was about. So the slug is shown only when it is an agenda topic's.
fn shown_file_name(series: &Series, name: &str) -> String {
    if name == crate::storage::series_folder::SERIES_FILE {
        return name.to_string();
    }
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    let (id, note) = match stem.split_once("--") {
        Some((id, note)) => (id, format!("--{note}")),
        None => (stem, String::new()),
    };
    let slug = id.get(16..).unwrap_or("");
    let agenda_slug = series
        .agenda
        .topics
        .iter()
        .any(|t| slug == t.id || slug == crate::model::slugify(&t.title));
    if agenda_slug && !hidden_id(id, 0).starts_with("withheld-") {
        return name.to_string();
    }
    let dot = if ext.is_empty() { "" } else { "." };
    let shown = hidden_id(id, 0);
    if shown.starts_with("withheld-") {
        format!("[a file whose name is withheld]{dot}{ext}")
    } else {
        format!("{shown}{note}{dot}{ext}")
    }
}

fn covers(session: &Session) -> bool {
    session.covers_its_topic()
}

fn topic_lists(series: &Series, sessions: &[&Session], namer: &TopicNamer) -> Topics {
    let covered_refs: HashSet<&TopicRef> = sessions
        .iter()
        .filter(|s| covers(s))
        .map(|s| &s.topic)
        .collect();
    let mut covered = Vec::new();
    let mut remaining = Vec::new();
    for topic in &series.agenda.topics {
        let r = TopicRef::Agenda(topic.id.clone());
        let entry = namer.entry(&r);
        if covered_refs.contains(&r) {
            covered.push(entry);
        } else {
            remaining.push(entry);
        }
    }
    let agenda_covered = covered.len();
    // Off-shoots covered, in the order their sessions were held.
    let mut seen = HashSet::new();
    for s in sessions.iter().filter(|s| covers(s)) {
        if let TopicRef::OffShoot { session, note, .. } = &s.topic
            && seen.insert((session.as_str(), *note))
        {
            covered.push(namer.entry(&s.topic));
        }
    }
    // Off-shoots still to do: parked, or taken up by a session that was called off or is
    // still open. A room-only one is left out entirely (it is counted as withheld).
    for s in sessions {
        for n in s.notes.iter().filter(|n| n.kind == NoteKind::OffShoot) {
            if leaves_the_room(n) && !seen.contains(&(s.id.as_str(), n.id)) {
                remaining.push(TopicEntry::OffShoot {
                    session: namer.id(&s.id),
                    note: n.id,
                    title: first_line(&n.text),
                });
            }
        }
    }
    Topics {
        covered,
        remaining,
        agenda_total: series.agenda.topics.len(),
        agenda_covered,
    }
}

fn status(session: &Session) -> SessionStatus {
    match session.outcome {
        None => SessionStatus::Open,
        Some(Outcome::Completed) => SessionStatus::Completed,
        Some(Outcome::CalledOff { .. }) => SessionStatus::CalledOff,
        Some(Outcome::RanOver) => SessionStatus::RanOver,
    }
}

fn session_entry(
    s: &Session,
    namer: &TopicNamer,
    ranks: &HashMap<(&str, u32), usize>,
    now_ms: i64,
    minutes: Minutes,
) -> SessionEntry {
    let id = namer.id(&s.id);
    let of_kind = |kind: NoteKind| -> Vec<NoteEntry> {
        s.notes
            .iter()
            .filter(|n| n.kind == kind)
            .filter_map(|n| Some((n, public_text(n)?)))
            .map(|(n, text)| NoteEntry {
                id: n.id,
                text: text.trim().to_string(),
                elapsed_secs: n.elapsed_secs,
                rank: ranks.get(&(id.as_str(), n.id)).copied(),
            })
            .collect()
    };
    SessionEntry {
        topic: namer.entry(&s.topic),
        date: date(s.started),
        started: rfc3339(s.started),
        closed: s.closed.map(rfc3339),
        status: status(s),
        called_off_reason: match &s.outcome {
            Some(Outcome::CalledOff { reason }) => Some(reason.trim().to_string()),
            _ => None,
        },
        meeting_secs: s.timer.elapsed_secs(now_ms),
        planned_secs: s.timer.total_secs(),
        maturity: s.maturity.filter(|m| *m <= crate::backlog::MAX_SCORE),
        summary: s.summary.trim().to_string(),
        learnings: of_kind(NoteKind::Learning),
        opportunities: of_kind(NoteKind::Opportunity),
        off_shoots: of_kind(NoteKind::OffShoot),
        next_topic: s.next_topic.as_ref().map(|t| namer.entry(t)),
        minutes: (minutes == Minutes::Included).then(|| {
            s.notes
                .iter()
                .filter(|n| is_minute(n) && leaves_the_room(n))
                .map(|n| MinuteEntry {
                    id: n.id,
                    kind: n.kind.label(),
                    text: n.text.trim().to_string(),
                    elapsed_secs: n.elapsed_secs,
                })
                .collect()
        }),
        id,
    }
}

/// Every opportunity, in the order raised, with its votes; ranked by the caller.
fn backlog_entries<'b>(
    sessions: &[&Session],
    backlog: &'b Backlog,
    namer: &TopicNamer,
) -> Vec<(BacklogEntry, Option<&'b BacklogItem>)> {
    let mut entries = Vec::new();
    for s in sessions {
        let topic = namer.entry(&s.topic).title().to_string();
        for n in s.notes.iter().filter(|n| n.kind == NoteKind::Opportunity) {
            if public_text(n).is_none() {
                continue;
            }
            let item = backlog.get(&crate::backlog::ItemRef::new(s.id.clone(), n.id));
            entries.push((backlog_entry(s, n, namer, &topic, item), item));
        }
    }
    entries
}

fn backlog_entry(
    s: &Session,
    n: &Note,
    namer: &TopicNamer,
    topic: &str,
    item: Option<&BacklogItem>,
) -> BacklogEntry {
    let text = public_text(n).unwrap_or_default();
    let spread = item.map(BacklogItem::spread).unwrap_or_default();
    let top_five = item.map(|i| i.top_five.clone()).unwrap_or_default();
    BacklogEntry {
        rank: 0,
        session: namer.id(&s.id),
        source_session: s.id.clone(),
        note: n.id,
        topic: topic.to_string(),
        date: date(s.started),
        title: title(text),
        text: text.trim().to_string(),
        consensus: spread.consensus(),
        spread,
        scores: item.map(|i| i.scores.clone()).unwrap_or_default(),
        mean: spread.mean().map(|m| (m * 100.0).round() / 100.0),
        priority: Priority::of(spread.consensus(), top_five.len()),
        top_five,
        owner: item.and_then(|i| i.owner.clone()),
        labels: item.map(|i| i.labels.clone()).unwrap_or_default(),
        room_only: n.room_only,
    }
}

/// The latest rating of each agenda topic (all of them, rated or not), then of each
/// off-shoot that was rated, in the order they were first held.
fn maturity(series: &Series, sessions: &[&Session], namer: &TopicNamer) -> Vec<MaturityEntry> {
    let latest = |topic: &TopicRef| {
        sessions
            .iter()
            .rev()
            .filter(|s| &s.topic == topic)
            .find_map(|s| {
                s.maturity
                    .filter(|m| *m <= crate::backlog::MAX_SCORE)
                    .map(|m| (m, date(s.started)))
            })
    };
    let agenda = series
        .agenda
        .topics
        .iter()
        .map(|t| TopicRef::Agenda(t.id.clone()));
    let mut seen: HashSet<&TopicRef> = HashSet::new();
    let offshoots = sessions
        .iter()
        .map(|s| &s.topic)
        .filter(|t| matches!(t, TopicRef::OffShoot { .. }) && seen.insert(t))
        .cloned();
    agenda
        .chain(offshoots)
        .filter_map(|t| {
            let rated = latest(&t);
            (matches!(t, TopicRef::Agenda(_)) || rated.is_some()).then(|| MaturityEntry {
                topic: namer.entry(&t),
                rating: rated.as_ref().map(|(m, _)| *m),
                rated_on: rated.map(|(_, d)| d),
            })
        })
        .collect()
}

use crate::model::first_line;

fn title(text: &str) -> String {
    let line = first_line(text);
    if line.chars().count() <= TITLE_CHARS {
        return line;
    }
    let mut cut: String = line.chars().take(TITLE_CHARS - 1).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

fn date(t: OffsetDateTime) -> String {
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    t.format(&fmt).unwrap_or_default()
}

fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A roll-up of a series with no sessions, for tests of what is said about counts.
    pub(crate) fn empty_rollup() -> Rollup {
        Rollup::build(&empty_series(), &[], &Backlog::default(), 0)
    }

    /// A series on the built-in agenda with nobody in it and no sessions.
    fn empty_series() -> Series {
        Series {
            version: 1,
            id: "svc".into(),
            service: "Svc".into(),
            agenda: crate::agenda::builtin().remove(0).agenda,
            participants: vec![],
            created: OffsetDateTime::UNIX_EPOCH,
        }
    }

    #[test]
    fn an_unreadable_file_is_named_without_the_slug_of_a_topic_that_is_not_the_agendas() {
        let series = empty_series();
        let topic = &series.agenda.topics[0];
        let agenda_file = format!(
            "20260302-100000-{}.ron",
            crate::model::slugify(&topic.title)
        );
        assert_eq!(shown_file_name(&series, &agenda_file), agenda_file);
        assert_eq!(
            shown_file_name(&series, "20260323-100000-vendor-x-pricing.ron"),
            "20260323-100000-withheld.ron"
        );
        assert_eq!(
            shown_file_name(&series, "20260323-100000-vendor-x-pricing--4.ron"),
            "20260323-100000-withheld--4.ron"
        );
        assert_eq!(
            shown_file_name(&series, "vendor-x-pricing.ron"),
            "[a file whose name is withheld].ron"
        );
        assert_eq!(shown_file_name(&series, "series.ron"), "series.ron");
    }

    #[test]
    fn titles_are_the_first_non_empty_line_cut_to_length() {
        assert_eq!(title("\n  Add retries  \nmore detail"), "Add retries");
        let long = "word ".repeat(40);
        let t = title(&long);
        assert_eq!(t.chars().count(), TITLE_CHARS);
        assert!(t.ends_with("word …") || t.ends_with('…'), "{t}");
    }
}
