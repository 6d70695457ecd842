//! The rules every write obeys, held in one place: [`super::write_atomic`] asks here
//! before it touches the disk.
//!
//! - a file that failed to load (corrupt, from a newer roast, a second copy, not a plain
//!   file) is never written over: it may be the only copy of someone's notes;
//! - a file inside a series whose lock this process holds is written only while that lock
//!   is still ours (see [`super::lock`]);
//! - the fault-injection seam ([`super::fault`]) may fail the write on purpose.
//!
//! Paths are compared as they were built (data dir + fixed names), which is how both the
//! loaders and the writers build them.

use std::cell::Cell;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

thread_local! {
    /// Writes, removals and folders made on this thread, so a test can prove the UI
    /// thread leaves them all to the saver.
    static TOUCHED: Cell<u64> = const { Cell::new(0) };
    /// Files read and folders listed on this thread, so a test can prove the UI thread
    /// leaves reading to the worker too.
    static READS: Cell<u64> = const { Cell::new(0) };
}

/// How many files this thread has read (or folders listed, or locks tried).
pub fn reads_on_this_thread() -> u64 {
    READS.with(Cell::get)
}

/// Counts one read of a file or a folder on the calling thread.
pub(crate) fn read() {
    READS.with(|t| t.set(t.get() + 1));
}

/// How many writes, removals and new folders this thread has asked the disk for.
pub fn writes_on_this_thread() -> u64 {
    TOUCHED.with(Cell::get)
}

/// Counts one write, removal or new folder on the calling thread.
pub(crate) fn touched() {
    TOUCHED.with(|t| t.set(t.get() + 1));
}

static REFUSED: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

fn refused() -> MutexGuard<'static, BTreeSet<PathBuf>> {
    REFUSED.lock().unwrap_or_else(|p| p.into_inner())
}

/// `path` could not be used: never write over it (until it loads fine again).
pub fn protect(path: &Path) {
    refused().insert(path.to_path_buf());
}

/// `path` loaded fine: ours to write again.
pub fn release(path: &Path) {
    let mut set = refused();
    if !set.is_empty() {
        set.remove(path);
    }
}

pub fn is_protected(path: &Path) -> bool {
    let set = refused();
    !set.is_empty() && set.contains(path)
}

/// Why a write is refused, as an I/O error the callers already report and retry.
pub fn check(path: &Path) -> std::io::Result<()> {
    touched();
    super::fault::check(path)?;
    if is_protected(path) {
        return Err(std::io::Error::other(
            "this file could not be read, so it is not written over; fix or move it first",
        ));
    }
    super::lock::check_still_held(path)?;
    match std::fs::symlink_metadata(path) {
        Ok(meta) if !meta.file_type().is_file() && !meta.file_type().is_symlink() => Err(
            std::io::Error::other("not a regular file, so it is not replaced"),
        ),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_protected_path_is_refused_until_released() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.ron");
        assert!(check(&path).is_ok());
        protect(&path);
        assert!(
            check(&path)
                .unwrap_err()
                .to_string()
                .contains("not written over")
        );
        release(&path);
        assert!(check(&path).is_ok());
    }
}
