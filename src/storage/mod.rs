//! Everything on disk: where the data directory is, how series folders are laid out, and
//! how files are written (atomically, durably, privately, by one writer at a time).
//!
//! Layout:
//! ```text
//! <data dir>/agendas/*.ron               user agendas
//! <data dir>/series/<id>/series.ron      the series
//! <data dir>/series/<id>/sessions/*.ron  one file per session (merge-friendly)
//! <data dir>/series/<id>/room-only/*.ron room-only notes: never shared (see room_only)
//! <data dir>/series/<id>/.lock           held by the one app writing the series
//! <data dir>/.cache/digests/<id>.json   derived list rows, rebuilt when stale (digest)
//! <data dir>/.cache/parsed/<id>/*.cache  derived parsed files, rebuilt when stale (parse_cache)
//! ```

pub mod agendas;
pub mod atomic;
pub mod derived;
pub mod digest;
pub mod fault;
pub mod format;
pub mod guard;
pub mod ids;
pub mod leftovers;
pub mod lock;
pub mod parse_cache;
pub mod read;
pub mod recovery;
pub mod ron_dir;
pub mod room_only;
pub mod saver;
pub mod series_folder;

pub use atomic::{create_private_dir, remove_file, survive_file_size_limit, write_atomic};
pub use format::{FormatError, FormatErrorKind};
pub use lock::{LockError, LockLost, SeriesLock};
pub use saver::{Saver, SaverStatus, Task, TaskDone, Ticket};
pub use series_folder::{LoadedSeries, SeriesFolder};

use std::path::{Path, PathBuf};

/// The environment variable that overrides the data directory (the flag wins over it).
pub const DATA_DIR_ENV: &str = "ROAST_DATA_DIR";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("no data directory: pass --data-dir DIR or set {DATA_DIR_ENV}")]
    NoDataDir,
    #[error("{path}: {source}", path = .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Format(#[from] FormatError),
}

impl StorageError {
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        StorageError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

impl DataDir {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// `explicit` is the `--data-dir` flag or `ROAST_DATA_DIR` (clap resolves which wins);
    /// otherwise the platform's data directory for "roast".
    pub fn resolve(explicit: Option<PathBuf>) -> Result<Self, StorageError> {
        if let Some(root) = explicit {
            return Ok(Self::new(root));
        }
        directories::ProjectDirs::from("", "", "roast")
            .map(|dirs| Self::new(dirs.data_dir()))
            .ok_or(StorageError::NoDataDir)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn agendas_dir(&self) -> PathBuf {
        self.root.join("agendas")
    }

    pub fn series_root(&self) -> PathBuf {
        self.root.join("series")
    }

    pub fn series_folder(&self, id: &str) -> SeriesFolder {
        SeriesFolder::new(self.series_root().join(id))
    }

    /// Every series folder, sorted by id. Each loads on its own: one broken series never
    /// hides the others.
    pub fn list_series(&self) -> Vec<Result<LoadedSeries, FormatError>> {
        self.series_dirs()
            .into_iter()
            .map(|dir| SeriesFolder::new(dir).load())
            .collect()
    }

    /// The series folders, sorted by id.
    fn series_dirs(&self) -> Vec<PathBuf> {
        guard::read();
        let Ok(entries) = std::fs::read_dir(self.series_root()) else {
            return Vec::new();
        };
        let mut dirs: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .map(|e| e.path())
            .collect();
        dirs.sort();
        dirs
    }

    /// Every series folder as the series list shows it, sorted by id, from the digests
    /// (see [`digest`]): only files changed since the last look are read. Each series
    /// stands on its own, as in [`DataDir::list_series`].
    pub fn list_digests(&self) -> Vec<Result<digest::ListedSeries, FormatError>> {
        // A cold start (no digests yet) reads every series: spread them over the cores.
        ron_dir::parallel_map(&self.series_dirs(), 8, |d| {
            digest::list(&SeriesFolder::new(d.clone()))
        })
    }

    /// As [`DataDir::list_digests`], but the digests that changed are not written: they
    /// come back as files and bytes, for the app's saver to write off the UI thread.
    pub fn list_digests_deferred(
        &self,
    ) -> (
        Vec<Result<digest::ListedSeries, FormatError>>,
        Vec<digest::FileBytes>,
    ) {
        let mut stale = Vec::new();
        let listed = ron_dir::parallel_map(&self.series_dirs(), 8, |d| {
            digest::list_deferred(&SeriesFolder::new(d.clone()))
        })
        .into_iter()
        .map(|r| {
            r.map(|(listed, write)| {
                stale.extend(write);
                listed
            })
        })
        .collect();
        (listed, stale)
    }

    /// A folder id that is not taken yet, derived from `wanted`.
    pub fn free_series_id(&self, wanted: &str) -> String {
        guard::read();
        let taken = |id: &str| self.series_root().join(id).exists();
        if !taken(wanted) {
            return wanted.to_string();
        }
        (2..)
            .map(|n| format!("{wanted}-{n}"))
            .find(|id| !taken(id))
            .expect("an unbounded range always yields a free id")
    }
}
