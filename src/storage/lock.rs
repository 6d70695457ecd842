//! One writer per series: a second `roast` on the same series is refused the lock.
//!
//! The lock is an OS advisory lock on a separate `.lock` file (never on a data file, which
//! is replaced by rename on every save). It is released when the process ends, however it
//! ends, so a crash never leaves a stale lock behind.
//!
//! An advisory lock only binds those who look at the same file: if `.lock` is deleted (a
//! clean-up script, a sync tool, `git clean`) a second roast creates a new one and locks
//! that. So the writer checks, before every write into the series, that the `.lock` on
//! disk is still the very file it locked; once it is not, it never writes the series
//! again in this run ([`check_still_held`], asked by every write).

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

pub const LOCK_FILE: &str = ".lock";

#[derive(Debug)]
pub struct SeriesLock {
    // Held for its lock; dropping it releases the lock.
    _file: File,
    id: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{path}: another roast (pid {holder}) is writing this series, so it stays closed here and nothing is overwritten; quit that one first, or watch it with `roast follow`", path = .path.display())]
    Held { path: PathBuf, holder: String },
    #[error("{path}: cannot lock: {source}", path = .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The write was refused because the series' lock is no longer ours.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{lock} was deleted or replaced, so another roast may be writing this series; stopped writing to it", lock = .lock.display())]
pub struct LockLost {
    pub lock: PathBuf,
}

struct Held {
    id: u64,
    dir: PathBuf,
    identity: Option<(u64, u64)>,
    lost: bool,
}

static HELD: Mutex<Vec<Held>> = Mutex::new(Vec::new());
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

fn held() -> MutexGuard<'static, Vec<Held>> {
    HELD.lock().unwrap_or_else(|p| p.into_inner())
}

/// Device and inode: what tells "the file we locked" from "a new file of the same name".
fn identity(meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        None
    }
}

impl SeriesLock {
    pub fn acquire(series_dir: &Path) -> Result<SeriesLock, LockError> {
        let path = series_dir.join(LOCK_FILE);
        // Taking a lock writes it: counted like any write, to keep it off the UI thread.
        super::guard::touched();
        let io = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&path).map_err(io)?;
        match file.try_lock() {
            Ok(()) => {
                // The pid is only for the message the second instance shows.
                file.set_len(0).map_err(io)?;
                file.rewind().map_err(io)?;
                write!(file, "{}", std::process::id()).map_err(io)?;
                let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
                held().push(Held {
                    id,
                    dir: series_dir.to_path_buf(),
                    identity: file.metadata().ok().as_ref().and_then(identity),
                    lost: false,
                });
                // We are the one writer now: a temporary file left here was left by a
                // writer that died mid-save, and may hold room-only notes.
                super::leftovers::remove_in_series(series_dir);
                Ok(SeriesLock { _file: file, id })
            }
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = if holder.trim().is_empty() {
                    "unknown".to_string()
                } else {
                    holder.trim().to_string()
                };
                Err(LockError::Held { path, holder })
            }
            Err(TryLockError::Error(e)) => Err(io(e)),
        }
    }

    /// Whether the `.lock` on disk is still the file this lock holds.
    pub fn is_intact(&self) -> bool {
        held()
            .iter()
            .find(|h| h.id == self.id)
            .is_some_and(|h| !h.lost && on_disk_is(h))
    }
}

impl Drop for SeriesLock {
    fn drop(&mut self) {
        held().retain(|h| h.id != self.id);
    }
}

fn on_disk_is(h: &Held) -> bool {
    match h.identity {
        None => true,
        Some(ours) => {
            std::fs::metadata(h.dir.join(LOCK_FILE))
                .ok()
                .as_ref()
                .and_then(identity)
                == Some(ours)
        }
    }
}

/// Refuses a write under a series whose lock this process held and lost. Writes outside
/// any held series (exports, settings, a recovery file) pass.
pub(crate) fn check_still_held(path: &Path) -> std::io::Result<()> {
    let mut list = held();
    for h in list.iter_mut().filter(|h| path.starts_with(&h.dir)) {
        if h.lost || !on_disk_is(h) {
            h.lost = true;
            return Err(std::io::Error::other(LockLost {
                lock: h.dir.join(LOCK_FILE),
            }));
        }
    }
    Ok(())
}

/// The lock this error is about, when a write was refused for a lost lock.
pub fn lock_lost(error: &std::io::Error) -> Option<&LockLost> {
    error.get_ref().and_then(|e| e.downcast_ref::<LockLost>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let first = SeriesLock::acquire(dir.path()).unwrap();
        let second = SeriesLock::acquire(dir.path());
        match second {
            Err(LockError::Held { holder, .. }) => {
                assert_eq!(holder, std::process::id().to_string())
            }
            other => panic!("expected the lock to be held, got {other:?}"),
        }
        drop(first);
        SeriesLock::acquire(dir.path()).expect("free again once released");
    }

    #[test]
    fn the_refusal_says_what_happens_instead_of_promising_a_read_only_view() {
        let dir = tempfile::tempdir().unwrap();
        let _first = SeriesLock::acquire(dir.path()).unwrap();
        let text = SeriesLock::acquire(dir.path()).unwrap_err().to_string();
        assert!(!text.contains("opening it read-only"), "{text}");
        assert!(text.contains("stays closed here"), "{text}");
        assert!(text.contains("roast follow"), "{text}");
    }

    #[test]
    fn a_deleted_lock_stops_writes_into_the_series_for_good() {
        let dir = tempfile::tempdir().unwrap();
        let lock = SeriesLock::acquire(dir.path()).unwrap();
        let file = dir.path().join("sessions/a.ron");
        assert!(check_still_held(&file).is_ok());
        std::fs::remove_file(dir.path().join(LOCK_FILE)).unwrap();
        let err = check_still_held(&file).unwrap_err();
        assert!(lock_lost(&err).is_some(), "{err}");
        assert!(!lock.is_intact());
        // Another roast takes a fresh lock: still not ours.
        let _other = SeriesLock::acquire(dir.path()).unwrap();
        assert!(check_still_held(&file).is_err());
        assert!(check_still_held(&dir.path().with_extension("elsewhere")).is_ok());
    }
}
