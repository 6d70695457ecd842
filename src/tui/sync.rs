//! A sync with the team, run on its own thread: git talks to the network, and the app
//! must go on drawing and taking keys meanwhile (`update` never blocks). The result
//! comes back through a channel that `update` looks at on every tick.

use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::share::{self, ShareError, SyncReport};
use crate::storage::{DataDir, SeriesFolder};

const NOTHING_SHARED: &str =
    "No series here is shared yet: `roast share SERIES --remote URL` shares one.";

pub type SyncResults = Vec<(String, Result<SyncReport, ShareError>)>;

pub struct BackgroundSync {
    results: Receiver<SyncResults>,
}

/// What to sync: one series, or every shared series of the data folder (found on the
/// sync's thread, since finding them reads the disk).
pub enum SyncTarget {
    One(SeriesFolder),
    EveryShared(DataDir),
}

impl BackgroundSync {
    /// Syncs the folders one after the other. Git may not ask anything here: a prompt
    /// would be hidden behind the full-screen app.
    pub fn start(target: SyncTarget) -> Self {
        let (tx, results) = mpsc::channel();
        std::thread::spawn(move || {
            let folders = match target {
                SyncTarget::One(folder) => vec![folder],
                SyncTarget::EveryShared(data) => share::shared_folders(&data),
            };
            let out: SyncResults = folders
                .into_iter()
                .map(|folder| {
                    let id = folder
                        .dir()
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    (id, share::sync(&folder, false))
                })
                .collect();
            let _ = tx.send(out);
        });
        Self { results }
    }

    /// The results once the sync is done; `None` while it runs.
    pub fn poll(&self) -> Option<SyncResults> {
        match self.results.try_recv() {
            Ok(results) => Some(results),
            Err(TryRecvError::Empty) => None,
            // The thread ended without a word (it panicked): say so rather than wait forever.
            Err(TryRecvError::Disconnected) => Some(vec![(
                "sync".into(),
                Err(ShareError::Io {
                    path: std::path::PathBuf::from("git"),
                    source: std::io::Error::other("the sync stopped unexpectedly"),
                }),
            )]),
        }
    }
}

/// What to tell the user: one line per series, and whether any of it needs attention
/// (a conflict kept both versions, the remote was unreachable, or the sync failed).
pub fn describe(results: &SyncResults) -> (Vec<String>, bool) {
    if results.is_empty() {
        return (vec![NOTHING_SHARED.to_string()], false);
    }
    let mut lines = Vec::new();
    let mut attention = false;
    for (id, result) in results {
        match result {
            Ok(report) => {
                attention |= report.offline.is_some() || !report.conflicts.is_empty();
                lines.extend(report.lines());
            }
            Err(e) => {
                attention = true;
                lines.push(format!("{id}: {e}"));
            }
        }
    }
    (lines, attention)
}
