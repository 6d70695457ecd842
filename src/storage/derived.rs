//! Writing derived files (digests, parse caches) under `<data dir>/.cache/`: files made
//! from the series folders, never the only copy of anything. They are replaced by
//! renaming a complete file over them, without an fsync: after a crash one may be
//! missing or empty, and its reader then rebuilds it.

use std::io::Write as _;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::storage::create_private_dir;

/// A temporary file this old was left by a process that died mid-write (a start killed
/// right after its first frame, say): no live write takes this long. Every dot-file in a
/// folder of derived files is a temporary one (older builds wrote digests through the
/// durable writer, whose temporary files are named `.<name>.<6 letters>`).
const ABANDONED: Duration = Duration::from_secs(60);

/// Replaces `path` with `bytes`: written to a temporary file beside it, then renamed over
/// it. Temporary files that earlier writers left behind in the folder are removed.
pub fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    create_private_dir(dir)?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let tmp = dir.join(format!(".{name}.{}.{nanos}.tmp", std::process::id()));
    let written = write_private(&tmp, bytes)
        .and_then(|()| std::fs::rename(&tmp, path))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        });
    remove_abandoned(dir, SystemTime::now());
    written
}

/// A new file readable by the owner only, like every file roast writes: a parse cache
/// holds room-only notes.
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    options.open(path)?.write_all(bytes)
}

/// Removes the temporary files of writes in `dir` that were abandoned before `now`.
pub fn remove_abandoned(dir: &Path, now: SystemTime) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !name.starts_with('.') {
            continue;
        }
        let abandoned = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|m| now.duration_since(m).is_ok_and(|age| age >= ABANDONED));
        if abandoned {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_replace_leaves_the_new_content_and_clears_temporary_files_left_by_dead_writers() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.json");
        let dead = dir.path().join(".x.json.123.456.tmp");
        let durable = dir.path().join(".x.json.aB3xZ9");
        let live = dir.path().join(".x.json.124.457.tmp");
        let long_ago = SystemTime::now() - Duration::from_secs(3600);
        for (file, old) in [(&dead, true), (&durable, true), (&live, false)] {
            std::fs::write(file, "part").unwrap();
            if old {
                let f = std::fs::File::options().write(true).open(file).unwrap();
                f.set_modified(long_ago).unwrap();
            }
        }
        replace(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert!(!dead.exists(), "a temporary file of a dead writer stays");
        assert!(!durable.exists(), "an older build's temporary file stays");
        assert!(live.exists(), "a write in progress lost its file");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 2);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "a derived file is readable by others");
        }
    }
}
