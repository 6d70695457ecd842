//! One series folder: `series.ron` plus one file per session under `sessions/`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::model::{Series, Session};
use crate::storage::format::{self, FormatError};
use crate::storage::parse_cache::{SeriesCache, read_all_maybe};
use crate::storage::{
    StorageError, create_private_dir, guard, ids, ron_dir, room_only, write_atomic,
};

pub const SERIES_FILE: &str = "series.ron";
pub const SESSIONS_DIR: &str = "sessions";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesFolder {
    dir: PathBuf,
}

/// A series as found on disk. Session files that could not be read are listed in
/// `problems` and left untouched; everything else loads.
#[derive(Debug, Clone)]
pub struct LoadedSeries {
    pub folder: SeriesFolder,
    pub series: Series,
    /// Sorted by start time.
    pub sessions: Vec<Session>,
    pub problems: Vec<FormatError>,
}

impl LoadedSeries {
    /// Whether a session file of this id is known: read, or found and unreadable. The
    /// series is read under its lock, so no other copy adds one meanwhile; asking this
    /// instead of the disk keeps the UI thread off it.
    pub fn session_id_taken(&self, id: &str) -> bool {
        let path = self.folder.session_path(id);
        self.sessions.iter().any(|s| s.id == id) || self.problems.iter().any(|p| p.path == path)
    }

    /// The session that was left open (the app was closed mid-meeting), if any.
    pub fn open_session(&self) -> Option<&Session> {
        self.sessions.iter().rev().find(|s| !s.is_closed())
    }
}

impl SeriesFolder {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The folder's name: the series id, as `roast list` shows it.
    pub fn id(&self) -> String {
        self.dir
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    }

    /// The data folder this series lives in (`<data dir>/series/<id>`): links inside the
    /// series are followed only while they stay in it.
    pub fn data_root(&self) -> PathBuf {
        let up = |p: &Path| p.parent().map(Path::to_path_buf);
        up(&self.dir)
            .and_then(|series| up(&series))
            .filter(|root| !root.as_os_str().is_empty())
            .unwrap_or_else(|| PathBuf::from("."))
    }

    pub fn series_path(&self) -> PathBuf {
        self.dir.join(SERIES_FILE)
    }

    pub fn sessions_dir(&self) -> PathBuf {
        self.dir.join(SESSIONS_DIR)
    }

    pub fn session_path(&self, session_id: &str) -> PathBuf {
        self.sessions_dir().join(format!("{session_id}.ron"))
    }

    /// Creates the folder and writes `series.ron`. Refuses to replace an existing series.
    pub fn create(&self, series: &Series) -> Result<(), StorageError> {
        let path = self.series_path();
        if path.exists() {
            return Err(StorageError::Format(FormatError::invalid(
                &path,
                "a series with this id already exists",
            )));
        }
        for dir in [self.sessions_dir(), room_only::room_only_dir(self)] {
            create_private_dir(&dir).map_err(|e| StorageError::io(&dir, e))?;
        }
        self.save_series(series)
    }

    pub fn save_series(&self, series: &Series) -> Result<(), StorageError> {
        let path = self.series_path();
        write_atomic(&path, format::to_pretty_ron(series).as_bytes())
            .map_err(|e| StorageError::io(&path, e))
    }

    pub fn load(&self) -> Result<LoadedSeries, FormatError> {
        self.load_with(None)
    }

    /// As [`SeriesFolder::load`], through the series' parse cache when there is one:
    /// only files changed since they were cached are read and parsed (summaries and
    /// exports read a whole series every time).
    pub fn load_with(&self, cache: Option<&SeriesCache>) -> Result<LoadedSeries, FormatError> {
        let series = self.read_series()?;
        let (sessions, problems) = self.load_sessions_with(cache);
        Ok(LoadedSeries {
            folder: self.clone(),
            series,
            sessions,
            problems,
        })
    }

    /// `series.ron`, read and checked as [`SeriesFolder::load`] reads it.
    pub fn read_series(&self) -> Result<Series, FormatError> {
        format::load(
            &self.series_path(),
            Some(&self.data_root()),
            |path, text, series: &Series| ids::check(path, text, "series", &series.id),
        )
    }

    /// Every session file, each filled from its local room-only file, with the files that
    /// could not be read.
    pub fn load_sessions(&self) -> (Vec<Session>, Vec<FormatError>) {
        self.load_sessions_with(None)
    }

    fn load_sessions_with(&self, cache: Option<&SeriesCache>) -> (Vec<Session>, Vec<FormatError>) {
        let mut sessions = Vec::new();
        let mut problems = Vec::new();
        let paths = ron_dir::ron_files(&self.sessions_dir());
        let stems: HashSet<&str> = paths
            .iter()
            .filter_map(|p| p.file_stem()?.to_str())
            .collect();
        for read in self.read_sessions_with(&paths, &stems, cache) {
            match read {
                Ok(session) => sessions.push(session),
                Err(e) => problems.push(e),
            }
        }
        problems.extend(room_only::restore_all_with(self, &mut sessions, cache));
        sessions.sort_by(|a, b| a.started.cmp(&b.started).then(a.id.cmp(&b.id)));
        problems.sort_by(|a, b| a.path.cmp(&b.path));
        (sessions, problems)
    }

    /// Reads `paths`, some of the session files of the folder (`stems` are those of all
    /// of them), with every check [`SeriesFolder::load`] makes; results in the same
    /// order. The series list uses it to read only the files changed since its digest.
    pub fn read_sessions(
        &self,
        paths: &[PathBuf],
        stems: &HashSet<&str>,
    ) -> Vec<Result<Session, FormatError>> {
        self.read_sessions_with(paths, stems, None)
    }

    fn read_sessions_with(
        &self,
        paths: &[PathBuf],
        stems: &HashSet<&str>,
        cache: Option<&SeriesCache>,
    ) -> Vec<Result<Session, FormatError>> {
        let reads = read_all_maybe::<Session>(
            cache,
            SESSIONS_DIR,
            paths,
            Some(&self.data_root()),
            |p, t, s| ids::check(p, t, "session", &s.id),
        );
        paths
            .iter()
            .zip(reads)
            .map(|(path, read)| match read {
                Ok(session) if path.file_stem().and_then(|s| s.to_str()) == Some(&session.id) => {
                    Ok(session)
                }
                // A backup, or the conflict copy a sync tool makes: resuming it would
                // write a stale copy over the real session.
                Ok(session) => {
                    guard::protect(path);
                    let why = if stems.contains(session.id.as_str()) {
                        format!("a second copy of session {}", session.id)
                    } else {
                        format!(
                            "holds session {}, but a session's file is named after its id",
                            session.id
                        )
                    };
                    Err(FormatError::invalid(
                        path,
                        format!("{why} ({}.ron): not used", session.id),
                    ))
                }
                Err(e) => Err(e),
            })
            .collect()
    }
}
