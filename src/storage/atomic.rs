//! Durable, atomic file writes: a half-written file must be impossible.
//!
//! `atomic-write-file` writes a temporary file in the same folder, fsyncs it, renames it over
//! the target and fsyncs the folder. Files are private (0600) on Unix: what is said in the
//! room stays in the room.
//!
//! This is the one way roast writes a file (sessions, series, backlog items, settings,
//! exports): it asks [`super::guard`] first, so the rules hold for every file kind.

use std::io::Write;
use std::path::Path;

use atomic_write_file::AtomicWriteFile;

pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    super::guard::check(path)?;
    let mut options = AtomicWriteFile::options();
    #[cfg(unix)]
    {
        use atomic_write_file::unix::OpenOptionsExt as _;
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
        options.preserve_mode(false);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.commit()
}

/// A `ulimit -f` (RLIMIT_FSIZE) kills a process that writes past it with SIGXFSZ, mid-save,
/// leaving the terminal raw and the notes unsaved. With a handler installed the write
/// fails with EFBIG instead, which the saver reports and retries like a full disk.
pub fn survive_file_size_limit() {
    #[cfg(unix)]
    {
        let ignored = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let _ = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, ignored);
    }
}

/// Removes a file under the same rules as a write: never one that failed to load, never
/// in a series whose lock is no longer ours. A file already gone is fine.
pub fn remove_file(path: &Path) -> std::io::Result<()> {
    super::guard::check(path)?;
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Creates a folder (and its parents) readable by the owner only.
pub fn create_private_dir(path: &Path) -> std::io::Result<()> {
    super::guard::touched();
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(0o700);
    }
    builder.create(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_content_and_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn files_are_0600_and_folders_0700() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("series/x");
        create_private_dir(&sub).unwrap();
        let path = sub.join("a.ron");
        write_atomic(&path, b"x").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&sub), 0o700);
        assert_eq!(mode(&path), 0o600);
    }
}
