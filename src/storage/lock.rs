//! One writer per series: a second `roast` on the same series opens it read-only.
//!
//! The lock is an OS advisory lock on a separate `.lock` file (never on a data file, which
//! is replaced by rename on every save). It is released when the process ends, however it
//! ends, so a crash never leaves a stale lock behind.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

pub const LOCK_FILE: &str = ".lock";

#[derive(Debug)]
pub struct SeriesLock {
    // Held for its lock; dropping it releases the lock.
    _file: File,
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{path}: another roast (pid {holder}) is writing this series; opening it read-only", path = .path.display())]
    Held { path: PathBuf, holder: String },
    #[error("{path}: cannot lock: {source}", path = .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl SeriesLock {
    pub fn acquire(series_dir: &Path) -> Result<SeriesLock, LockError> {
        let path = series_dir.join(LOCK_FILE);
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
                Ok(SeriesLock { _file: file })
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
}
