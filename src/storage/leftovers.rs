//! Temporary files of an interrupted save. A save writes `.<name>.<6 random letters>`
//! beside its target and renames it into place; a `kill -9` or a power cut between the
//! two leaves the temporary file behind, possibly full of room-only notes. Nobody else
//! would ever remove them, so the writer that takes a series' lock does.

use std::path::Path;

/// Whether `name` is the temporary file of a save of one of our `.ron` files.
pub fn is_leftover(name: &str) -> bool {
    let Some(rest) = name.strip_prefix('.') else {
        return false;
    };
    let Some((target, suffix)) = rest.rsplit_once('.') else {
        return false;
    };
    suffix.len() == 6
        && suffix.bytes().all(|b| b.is_ascii_alphanumeric())
        && target.len() > ".ron".len()
        && target.ends_with(".ron")
}

/// Removes our leftovers in a series folder and the folders directly in it (sessions,
/// room-only, backlog, ballots…; not hidden ones such as `.git`); returns how many. Only
/// regular files with our temporary names are touched, so nothing else in a shared
/// folder is.
pub fn remove_in_series(series_dir: &Path) -> usize {
    let subfolders = std::fs::read_dir(series_dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path());
    let mut removed = 0;
    for dir in std::iter::once(series_dir.to_path_buf()).chain(subfolders) {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name();
            let is_file = entry.file_type().is_ok_and(|t| t.is_file());
            if is_file
                && name.to_str().is_some_and(is_leftover)
                && std::fs::remove_file(entry.path()).is_ok()
            {
                removed += 1;
            }
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_only_the_temporary_files_of_our_saves() {
        assert!(is_leftover(".20261129-101010-overview.ron.aB3xZ9"));
        assert!(is_leftover(".series.ron.000000"));
        assert!(!is_leftover(".series.ron"));
        assert!(!is_leftover("series.ron.aB3xZ9"));
        assert!(!is_leftover(".notes.txt.aB3xZ9"));
        assert!(!is_leftover(".x.ron.toolong7"));
        assert!(!is_leftover(".lock"));
    }

    #[test]
    fn removes_leftovers_in_every_folder_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let s = dir.path();
        std::fs::create_dir_all(s.join("sessions")).unwrap();
        std::fs::create_dir_all(s.join("backlog")).unwrap();
        std::fs::create_dir_all(s.join("room-only")).unwrap();
        std::fs::create_dir_all(s.join(".git")).unwrap();
        std::fs::write(s.join(".git/.x.ron.Ab12Cd"), "git's own").unwrap();
        for p in [
            ".series.ron.Ab12Cd",
            "sessions/.x.ron.Zz99Yy",
            "backlog/.s--1.ron.000aaa",
            "room-only/.x.ron.Qq11Ww",
        ] {
            std::fs::write(s.join(p), "room-only words").unwrap();
        }
        for keep in [
            "series.ron",
            "sessions/x.ron",
            ".gitignore",
            "sessions/.x.ron",
        ] {
            std::fs::write(s.join(keep), "keep").unwrap();
        }
        assert_eq!(remove_in_series(s), 4);
        assert!(s.join(".git/.x.ron.Ab12Cd").exists());
        for keep in [
            "series.ron",
            "sessions/x.ron",
            ".gitignore",
            "sessions/.x.ron",
        ] {
            assert!(s.join(keep).exists(), "{keep}");
        }
    }
}
