//! A small digest per series: what a row of the series list shows (service, agenda,
//! sessions held, hours, topics covered, a session in progress, unreadable files), so
//! that start-up does not parse every session of every series.
//!
//! It is derived, never the only copy of anything. It lives outside the series folders
//! (`<data dir>/.cache/digests/`), so sharing a series never carries it; it records each
//! file's size and modification time, and a file whose stamp differs is read again; a
//! missing, unreadable or older-format digest is rebuilt from the files.

use std::collections::HashSet;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::model::{NoteKind, Series, Session, TARGET_SERIES_HOURS, TopicRef};
use crate::storage::format::FormatError;
use crate::storage::{SeriesFolder, derived, ron_dir, room_only};
use crate::timer::TimerState;

/// Where the digests live, under the data directory.
pub const DIGESTS_DIR: &str = ".cache/digests";

/// Bumped whenever what a digest holds changes; other versions are rebuilt.
const VERSION: u32 = 3;

/// A file modified this shortly before it was read is read again next time: a second
/// change within the file system's timestamp resolution, of the same size, would leave
/// the same stamp (what git calls "racily clean").
const RACY: Duration = Duration::from_secs(2);

/// How far a series has come, as `progress::Progress` counts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    pub sessions_held: usize,
    pub meeting_secs: i64,
    pub target_secs: i64,
    pub covered_topics: usize,
    pub total_topics: usize,
    pub parked_offshoots: usize,
}

/// A series as its row on the series list needs it.
#[derive(Debug, Clone)]
pub struct ListedSeries {
    pub folder: SeriesFolder,
    pub digest: SeriesDigest,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesDigest {
    version: u32,
    series_stamp: Option<Stamp>,
    pub service: String,
    pub agenda_title: String,
    topic_ids: Vec<String>,
    /// Every session file, sorted by name.
    sessions: Vec<SessionEntry>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    len: u64,
    secs: u64,
    nanos: u32,
}

/// The stamps of a session's two files: the shared one and its local room-only one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Stamps {
    shared: Stamp,
    local: Option<Stamp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct SessionEntry {
    file: String,
    /// `None` when a file was too fresh to trust its stamp: read it again next time.
    stamps: Option<Stamps>,
    /// What the session contributes, when its file could be used.
    facts: Option<SessionFacts>,
    /// Why a file of it could not be used: (path, message).
    problems: Vec<(PathBuf, String)>,
}

/// The few facts about a session that progress is made of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct SessionFacts {
    id: String,
    #[serde(with = "time::serde::rfc3339")]
    started: OffsetDateTime,
    closed: bool,
    timer: TimerState,
    /// The agenda topic this session covered (it closed, not called off).
    covers: Option<String>,
    /// Its off-shoot notes.
    offshoots: Vec<u32>,
    /// The off-shoot it took up as its topic: (session, note).
    takes_up: Option<(String, u32)>,
}

impl SessionFacts {
    fn of(s: &Session) -> Self {
        SessionFacts {
            id: s.id.clone(),
            started: s.started,
            closed: s.is_closed(),
            timer: s.timer,
            covers: match &s.topic {
                TopicRef::Agenda(id) if s.covers_its_topic() => Some(id.clone()),
                _ => None,
            },
            offshoots: s
                .notes
                .iter()
                .filter(|n| n.kind == NoteKind::OffShoot)
                .map(|n| n.id)
                .collect(),
            takes_up: match &s.topic {
                TopicRef::OffShoot { session, note, .. } => Some((session.clone(), *note)),
                TopicRef::Agenda(_) => None,
            },
        }
    }
}

impl SeriesDigest {
    fn facts(&self) -> impl Iterator<Item = &SessionFacts> {
        self.sessions.iter().filter_map(|s| s.facts.as_ref())
    }

    /// The same figures as `progress::progress` gives for the loaded series (that module
    /// is not imported here: it would close a circle of imports through the model).
    pub fn progress(&self, now_ms: i64) -> Figures {
        let taken: HashSet<(&str, u32)> = self
            .facts()
            .filter_map(|f| f.takes_up.as_ref().map(|(s, n)| (s.as_str(), *n)))
            .collect();
        Figures {
            sessions_held: self.facts().filter(|f| f.closed).count(),
            meeting_secs: self.facts().map(|f| f.timer.elapsed_secs(now_ms)).sum(),
            target_secs: i64::from(TARGET_SERIES_HOURS) * 3600,
            covered_topics: self
                .topic_ids
                .iter()
                .filter(|t| self.facts().any(|f| f.covers.as_ref() == Some(*t)))
                .count(),
            total_topics: self.topic_ids.len(),
            parked_offshoots: self
                .facts()
                .flat_map(|f| f.offshoots.iter().map(move |n| (f.id.as_str(), *n)))
                .filter(|key| !taken.contains(key))
                .count(),
        }
    }

    /// When the session left open started, as [`super::LoadedSeries::open_session`]
    /// finds it (the latest one).
    pub fn open_session_started(&self) -> Option<OffsetDateTime> {
        self.facts()
            .filter(|f| !f.closed)
            .max_by(|a, b| a.started.cmp(&b.started).then(a.id.cmp(&b.id)))
            .map(|f| f.started)
    }

    /// How many sessions could be read (those the figures count).
    pub fn sessions_read(&self) -> usize {
        self.facts().count()
    }

    /// The files of the series that were left out, in the order of their paths.
    pub fn problem_paths(&self) -> Vec<&Path> {
        let mut all: Vec<&Path> = self
            .sessions
            .iter()
            .flat_map(|s| s.problems.iter().map(|(p, _)| p.as_path()))
            .collect();
        all.sort();
        all
    }

    /// Why files of the series were left out, one line each, in the order of their paths
    /// (as [`super::LoadedSeries::problems`]).
    pub fn problems(&self) -> Vec<&str> {
        let mut all: Vec<&(PathBuf, String)> =
            self.sessions.iter().flat_map(|s| &s.problems).collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        all.into_iter().map(|(_, m)| m.as_str()).collect()
    }
}

/// The digest file of the series folder `id` under the data directory `root`.
pub fn digest_path(root: &Path, id: &str) -> PathBuf {
    root.join(DIGESTS_DIR).join(format!("{id}.json"))
}

/// The series in `folder` as the list shows it: its digest brought up to date, reading
/// only the files that changed since it was last made. A series whose `series.ron`
/// cannot be used is the same error [`SeriesFolder::load`] gives. The refreshed digest is
/// written back when it changed; failing to write it costs only speed next time.
pub fn list(folder: &SeriesFolder) -> Result<ListedSeries, FormatError> {
    let (listed, stale) = list_deferred(folder)?;
    if let Some((path, _)) = stale {
        let _ = write_digest(&path, &listed.digest);
    }
    Ok(listed)
}

/// A file to write and its content.
pub type FileBytes = (PathBuf, Vec<u8>);

/// As [`list`], but the refreshed digest is not written: it comes back, as the file and
/// its bytes, for the caller to have written where writing cannot stall anyone (the app's
/// saver thread).
pub fn list_deferred(
    folder: &SeriesFolder,
) -> Result<(ListedSeries, Option<FileBytes>), FormatError> {
    let path = digest_path(&folder.data_root(), &folder.id());
    let old = read_digest(&path);
    let digest = refresh(folder, old.as_ref(), SystemTime::now())?;
    let stale = (old.as_ref() != Some(&digest))
        .then(|| serde_json::to_vec(&digest).ok().map(|bytes| (path, bytes)))
        .flatten();
    Ok((
        ListedSeries {
            folder: folder.clone(),
            digest,
        },
        stale,
    ))
}

fn read_digest(path: &Path) -> Option<SeriesDigest> {
    super::guard::read();
    let bytes = std::fs::read(path).ok()?;
    serde_json::from_slice::<SeriesDigest>(&bytes)
        .ok()
        .filter(|d| d.version == VERSION)
}

/// Replaces the digest (see [`derived::replace`]): after a crash it may be missing or
/// empty, and is then rebuilt.
fn write_digest(path: &Path, digest: &SeriesDigest) -> std::io::Result<()> {
    let bytes = serde_json::to_vec(digest).map_err(std::io::Error::other)?;
    derived::replace(path, &bytes)
}

/// The stamp of the file at `path` now, and whether it is old enough to be trusted.
fn stamp(path: &Path, now: SystemTime) -> Option<(Stamp, bool)> {
    let meta = std::fs::metadata(path).ok()?;
    let modified = meta.modified().ok()?;
    let since = modified.duration_since(UNIX_EPOCH).ok()?;
    let settled = now.duration_since(modified).is_ok_and(|age| age >= RACY);
    Some((
        Stamp {
            len: meta.len(),
            secs: since.as_secs(),
            nanos: since.subsec_nanos(),
        },
        settled,
    ))
}

fn refresh(
    folder: &SeriesFolder,
    old: Option<&SeriesDigest>,
    now: SystemTime,
) -> Result<SeriesDigest, FormatError> {
    let series_now = stamp(&folder.series_path(), now);
    let header = match (old, series_now) {
        (Some(old), Some((s, _))) if old.series_stamp == Some(s) => (
            old.service.clone(),
            old.agenda_title.clone(),
            old.topic_ids.clone(),
        ),
        _ => {
            let series: Series = folder.read_series()?;
            (
                series.service,
                series.agenda.title,
                series.agenda.topics.into_iter().map(|t| t.id).collect(),
            )
        }
    };
    let paths = ron_dir::ron_files(&folder.sessions_dir());
    let stems: HashSet<&str> = paths
        .iter()
        .filter_map(|p| p.file_stem()?.to_str())
        .collect();
    // Listed once, like `room_only::restore_all`: most sessions have no local file.
    let local_dir = room_only::room_only_dir(folder);
    let locals: HashSet<OsString> = std::fs::read_dir(&local_dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.file_name())).collect())
        .unwrap_or_default();
    let known = |file: &str, s: Stamps| {
        old.and_then(|o| {
            o.sessions
                .binary_search_by(|e| e.file.as_str().cmp(file))
                .ok()
                .map(|i| &o.sessions[i])
        })
        .filter(|e| e.stamps == Some(s))
    };
    let mut sessions: Vec<Option<SessionEntry>> = Vec::with_capacity(paths.len());
    let mut to_read: Vec<(usize, PathBuf, Option<Stamps>)> = Vec::new();
    for path in &paths {
        let name = path.file_name().unwrap_or_default();
        let shared = stamp(path, now);
        let local = if locals.contains(name) {
            // There but not statable: `None` reads it again, and the reader says why.
            stamp(&local_dir.join(name), now).map(Some)
        } else {
            Some(None)
        };
        let stamps = shared.zip(local).map(|((shared, shared_settled), local)| {
            (
                Stamps {
                    shared,
                    local: local.map(|(l, _)| l),
                },
                shared_settled && local.is_none_or(|(_, settled)| settled),
            )
        });
        match stamps.and_then(|(s, _)| known(&name.to_string_lossy(), s)) {
            Some(entry) => sessions.push(Some(entry.clone())),
            None => {
                let trusted = stamps.and_then(|(s, settled)| settled.then_some(s));
                to_read.push((sessions.len(), path.clone(), trusted));
                sessions.push(None);
            }
        }
    }
    let read_paths: Vec<PathBuf> = to_read.iter().map(|(_, p, _)| p.clone()).collect();
    let reads = folder.read_sessions(&read_paths, &stems);
    for ((i, path, stamps), read) in to_read.into_iter().zip(reads) {
        let mut problems = Vec::new();
        let facts = match read {
            Ok(mut session) => {
                // The same filling from the local file as a full load.
                match room_only::read_local(folder, &session.id) {
                    Ok(Some(local)) => room_only::restore(&mut session, local),
                    Ok(None) => {}
                    Err(e) => problems.push((e.path.clone(), e.to_string())),
                }
                Some(SessionFacts::of(&session))
            }
            Err(e) => {
                problems.push((e.path.clone(), e.to_string()));
                None
            }
        };
        sessions[i] = Some(SessionEntry {
            file: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            stamps,
            facts,
            problems,
        });
    }
    let (service, agenda_title, topic_ids) = header;
    Ok(SeriesDigest {
        version: VERSION,
        series_stamp: series_now.and_then(|(s, settled)| settled.then_some(s)),
        service,
        agenda_title,
        topic_ids,
        sessions: sessions.into_iter().flatten().collect(),
    })
}
