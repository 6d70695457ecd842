//! Following a series someone else is writing: notices the scribe's saves by polling file
//! stamps (which works the same on a local disk, a network drive and a synced folder,
//! where change notifications are unreliable), re-reads only what changed, and never
//! writes or locks anything.
//!
//! A file that is briefly missing or unreadable mid-sync keeps its last good copy.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime};

use crate::model::{Series, Session};
use crate::storage::format::{self, FormatError};
use crate::storage::{SeriesFolder, ron_dir, room_only};

/// Size and modification time: enough to notice an atomic replace.
type Stamp = (SystemTime, u64);

pub struct FolderWatch {
    folder: SeriesFolder,
    series: Option<(Stamp, Series)>,
    sessions: HashMap<PathBuf, (Stamp, Session)>,
    /// The last read failure, while it lasts.
    pub problem: Option<FormatError>,
}

/// What the follow view shows: the series and the session to follow.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub series: Series,
    /// The session in progress, or else the most recent one.
    pub session: Option<Session>,
}

/// What one look at the folder found, for whoever shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct News {
    /// The new snapshot, when anything changed since the last look.
    pub snapshot: Option<Snapshot>,
    /// Why a file could not be read, while that lasts (its last good copy is kept).
    pub problem: Option<String>,
}

/// Looks at the folder every `every` on a thread of its own, so a slow network drive
/// never stalls the screen, and hands over what changed. Stops when dropped, or when
/// `deliver` says nobody listens any more.
pub struct Watcher {
    stop: Arc<AtomicBool>,
}

impl Watcher {
    pub fn start(
        folder: SeriesFolder,
        every: Duration,
        deliver: impl Fn(News) -> bool + Send + 'static,
    ) -> std::io::Result<Self> {
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        std::thread::Builder::new()
            .name("roast-follow".into())
            .spawn(move || {
                let mut watch = FolderWatch::new(folder);
                let mut last_problem = None;
                while !stopped.load(Ordering::Relaxed) {
                    let snapshot = watch.poll();
                    let problem = watch.problem.as_ref().map(ToString::to_string);
                    if (snapshot.is_some() || problem != last_problem)
                        && !deliver(News {
                            snapshot,
                            problem: problem.clone(),
                        })
                    {
                        return;
                    }
                    last_problem = problem;
                    std::thread::sleep(every);
                }
            })?;
        Ok(Self { stop })
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn stamp(path: &std::path::Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

impl FolderWatch {
    pub fn new(folder: SeriesFolder) -> Self {
        Self {
            folder,
            series: None,
            sessions: HashMap::new(),
            problem: None,
        }
    }

    pub fn folder(&self) -> &SeriesFolder {
        &self.folder
    }

    /// Re-reads whatever changed since the last call; returns the new snapshot when
    /// anything did.
    pub fn poll(&mut self) -> Option<Snapshot> {
        let mut changed = false;
        self.problem = None;
        let series_path = self.folder.series_path();
        if let Some(now) = stamp(&series_path)
            && self.series.as_ref().map(|(s, _)| *s) != Some(now)
        {
            match format::read_ron_file::<Series>(&series_path, Some(&self.folder.data_root())) {
                Ok(series) => {
                    self.series = Some((now, series));
                    changed = true;
                }
                Err(e) => self.problem = Some(e),
            }
        }
        for path in ron_dir::ron_files(&self.folder.sessions_dir()) {
            let Some(now) = stamp(&path) else { continue };
            if self.sessions.get(&path).map(|(s, _)| *s) == Some(now) {
                continue;
            }
            match format::read_ron_file::<Session>(&path, Some(&self.folder.data_root())) {
                Ok(mut session) => {
                    // The wall is in the room: it shows the room-only notes typed here.
                    if let Ok(Some(local)) = room_only::read_local(&self.folder, &session.id) {
                        room_only::restore(&mut session, local);
                    }
                    self.sessions.insert(path, (now, session));
                    changed = true;
                }
                // Keep the last good copy; the stamp is not recorded, so it is retried.
                Err(e) => self.problem = Some(e),
            }
        }
        if changed { self.snapshot() } else { None }
    }

    pub fn snapshot(&self) -> Option<Snapshot> {
        let (_, series) = self.series.as_ref()?;
        let sessions = || self.sessions.values().map(|(_, s)| s);
        let latest = |open: bool| {
            sessions()
                .filter(|s| !open || !s.is_closed())
                .max_by(|a, b| a.started.cmp(&b.started).then(a.id.cmp(&b.id)))
        };
        Some(Snapshot {
            series: series.clone(),
            session: latest(true).or_else(|| latest(false)).cloned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda;
    use crate::model::{FORMAT_VERSION, NoteKind, TopicRef};
    use crate::storage::format::to_pretty_ron;

    fn setup() -> (tempfile::TempDir, SeriesFolder, Session) {
        let dir = tempfile::tempdir().unwrap();
        let folder = SeriesFolder::new(dir.path().join("svc"));
        folder
            .create(&Series {
                version: FORMAT_VERSION,
                id: "svc".into(),
                service: "Svc".into(),
                agenda: agenda::builtin().remove(0).agenda,
                participants: vec![],
                created: time::OffsetDateTime::UNIX_EPOCH,
            })
            .unwrap();
        let session = Session::new(
            "s1".into(),
            TopicRef::Agenda("service-overview".into()),
            time::OffsetDateTime::UNIX_EPOCH,
            45,
            vec![],
        );
        (dir, folder, session)
    }

    /// The scribe's save, as another process makes it (this process only reads).
    fn save(folder: &SeriesFolder, session: &Session) {
        let path = folder.session_path(&session.id);
        let tmp = path.with_extension("tmp");
        std::fs::write(&tmp, to_pretty_ron(session)).unwrap();
        std::fs::rename(&tmp, &path).unwrap();
    }

    #[test]
    fn notices_a_new_note_and_is_quiet_otherwise() {
        let (_dir, folder, mut session) = setup();
        save(&folder, &session);
        let mut watch = FolderWatch::new(folder.clone());
        let first = watch.poll().expect("first look");
        assert_eq!(first.session.unwrap().notes.len(), 0);
        assert_eq!(watch.poll(), None, "nothing changed");
        session.add_note(NoteKind::Learning, "a new thing".into(), false, 0);
        save(&folder, &session);
        let next = watch.poll().expect("the save is noticed");
        assert_eq!(next.session.unwrap().notes[0].text, "a new thing");
    }

    #[test]
    fn keeps_the_last_good_copy_while_a_file_is_missing_or_half_written() {
        let (_dir, folder, mut session) = setup();
        session.add_note(NoteKind::Note, "kept".into(), false, 0);
        save(&folder, &session);
        let mut watch = FolderWatch::new(folder.clone());
        watch.poll().unwrap();
        let path = folder.session_path(&session.id);
        std::fs::remove_file(&path).unwrap();
        assert_eq!(watch.poll(), None);
        std::fs::write(&path, "(version: 1, id: \"s1\", top").unwrap();
        assert_eq!(watch.poll(), None);
        assert!(watch.problem.is_some());
        assert_eq!(
            watch.snapshot().unwrap().session.unwrap().notes[0].text,
            "kept"
        );
        session.add_note(NoteKind::Note, "back".into(), false, 0);
        save(&folder, &session);
        assert_eq!(watch.poll().unwrap().session.unwrap().notes.len(), 2);
    }

    #[test]
    fn follows_the_open_session_over_a_newer_closed_one() {
        let (_dir, folder, open) = setup();
        save(&folder, &open);
        let mut closed = open.clone();
        closed.id = "s2".into();
        closed.started = time::OffsetDateTime::UNIX_EPOCH + time::Duration::hours(1);
        closed.outcome = Some(crate::model::Outcome::Completed);
        save(&folder, &closed);
        let mut watch = FolderWatch::new(folder);
        assert_eq!(watch.poll().unwrap().session.unwrap().id, "s1");
    }
}
