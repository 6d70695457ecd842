//! Where notes go when their own file cannot take them: the series' lock was lost (another
//! roast may be writing it), or the disk still refuses them when the app quits.
//!
//! A recovery file is a plain copy of what would have been written, under
//! `<data dir>/recovery/<series>/`, named after the file and the moment, so two rescues
//! never overwrite each other; if the data folder refuses it too, the system's temporary
//! folder is tried.

use std::path::{Path, PathBuf};

use super::{create_private_dir, write_atomic};

pub const RECOVERY_DIR: &str = "recovery";

/// Where a copy of `original` (a file in `<data dir>/series/<id>/…`) is kept.
pub fn path_for(original: &Path, now_ms: i64) -> PathBuf {
    let file = original
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    // <data dir>/series/<id>/sessions/<file>: find the series folder above the file.
    let series_dir = original.ancestors().find(|a| {
        a.parent()
            .and_then(Path::file_name)
            .is_some_and(|n| n == "series")
    });
    let (root, series) = match series_dir {
        Some(dir) => (
            dir.parent()
                .and_then(Path::parent)
                .unwrap_or(Path::new("."))
                .to_path_buf(),
            dir.file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        ),
        None => (
            original.parent().unwrap_or(Path::new(".")).to_path_buf(),
            String::new(),
        ),
    };
    root.join(RECOVERY_DIR)
        .join(series)
        .join(format!("{now_ms}-{file}"))
}

/// Writes `bytes` to a recovery file for `original`; returns where it went.
pub fn rescue(original: &Path, bytes: &[u8], now_ms: i64) -> std::io::Result<PathBuf> {
    let first = path_for(original, now_ms);
    let fallback = std::env::temp_dir()
        .join(format!("roast-{RECOVERY_DIR}-{}", std::process::id()))
        .join(first.file_name().unwrap_or_default());
    let mut last_error = None;
    for path in [first, fallback] {
        let Some(dir) = path.parent() else { continue };
        match create_private_dir(dir).and_then(|()| write_atomic(&path, bytes)) {
            Ok(()) => return Ok(path),
            Err(e) => last_error = Some(e),
        }
    }
    Err(last_error.unwrap_or_else(|| std::io::Error::other("no place to write")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_is_rescued_beside_the_series_not_inside_it() {
        let p = path_for(Path::new("/d/series/svc/sessions/s1.ron"), 42);
        assert_eq!(p, Path::new("/d/recovery/svc/42-s1.ron"));
    }

    #[test]
    fn a_rescue_writes_a_private_copy() {
        let dir = tempfile::tempdir().unwrap();
        let original = dir.path().join("series/svc/sessions/s1.ron");
        let at = rescue(&original, b"notes", 7).unwrap();
        assert_eq!(std::fs::read(&at).unwrap(), b"notes");
        assert!(at.starts_with(dir.path().join("recovery/svc")));
    }
}
