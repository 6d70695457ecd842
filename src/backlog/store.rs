//! The backlog on disk: one small RON file per voted-on item under `<series>/backlog/`,
//! named `<session id>--<note id>.ron`.
//!
//! One file per item keeps the folder merge-friendly in git: two people scoring different
//! items touch different files. The file's content (not its name) says which item it is
//! about, so a renamed file still loads. Like session files, an unreadable item file is
//! reported and never written over.

use std::path::{Path, PathBuf};

use super::ballot::{self, Ballot};
use super::{Backlog, BacklogItem, ItemRef};
use crate::storage::format::FormatError;
use crate::storage::parse_cache::{SeriesCache, read_all_maybe};
use crate::storage::{SeriesFolder, StorageError, create_private_dir, ron_dir, write_atomic};

pub const BACKLOG_DIR: &str = "backlog";

/// The votes of a series as found on disk, with the files that could not be used.
#[derive(Debug, Clone, Default)]
pub struct LoadedBacklog {
    pub backlog: Backlog,
    pub problems: Vec<FormatError>,
    /// Everyone with a ballot file, sorted: who has voted.
    pub voted: Vec<String>,
    /// Some item file still holds votes (written before ballots); see [`ballot::migrate`].
    pub legacy_votes: bool,
}

pub fn backlog_dir(folder: &SeriesFolder) -> PathBuf {
    folder.dir().join(BACKLOG_DIR)
}

/// Where an item's file lives. Session ids are file stems already; anything that could
/// climb out of the folder is replaced all the same, since the id comes from a file.
pub fn item_path(folder: &SeriesFolder, key: &ItemRef) -> PathBuf {
    let safe: String = key
        .session
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    backlog_dir(folder).join(format!("{safe}--{}.ron", key.note))
}

/// The bytes of an item's file (owner and labels; votes are in ballots), for callers that
/// save through the background saver.
pub fn item_ron(item: &BacklogItem) -> String {
    ballot::item_file_ron(item)
}

impl LoadedBacklog {
    /// Reads every item file. A missing folder is an empty backlog; files that cannot be
    /// read, and second files about an item already loaded, are listed in `problems`.
    pub fn load(folder: &SeriesFolder) -> LoadedBacklog {
        Self::load_with(folder, None)
    }

    /// As [`LoadedBacklog::load`], through the series' parse cache when there is one.
    pub fn load_with(folder: &SeriesFolder, cache: Option<&SeriesCache>) -> LoadedBacklog {
        let mut loaded = LoadedBacklog::default();
        let paths = ron_dir::ron_files(&backlog_dir(folder));
        for (path, read) in paths.iter().zip(read_all_maybe::<BacklogItem>(
            cache,
            BACKLOG_DIR,
            &paths,
            Some(&folder.data_root()),
            |_, _, _| Ok(()),
        )) {
            match read {
                Ok(item) if loaded.backlog.get(&item.key()).is_some() => {
                    loaded.problems.push(FormatError::invalid(
                        path,
                        format!(
                            "a second file for note {} of session {}; only the first is used",
                            item.note, item.session
                        ),
                    ));
                }
                Ok(item) => {
                    if item.version < ballot::BALLOTS_SINCE
                        && !(item.scores.is_empty() && item.top_five.is_empty())
                    {
                        loaded.legacy_votes = true;
                    }
                    loaded.backlog.insert(item);
                }
                Err(e) => loaded.problems.push(e),
            }
        }
        let paths = ron_dir::ron_files(&ballot::ballots_dir(folder));
        for (path, read) in paths.iter().zip(read_all_maybe::<Ballot>(
            cache,
            ballot::BALLOTS_DIR,
            &paths,
            Some(&folder.data_root()),
            |_, _, _| Ok(()),
        )) {
            match read {
                Ok(b) if loaded.voted.iter().any(|v| v == b.voter.trim()) => {
                    loaded.problems.push(FormatError::invalid(
                        path,
                        format!("a second ballot of {}; only the first is used", b.voter),
                    ));
                }
                Ok(b) => {
                    loaded.backlog.apply_ballot(&b);
                    loaded.voted.push(b.voter.trim().to_string());
                }
                Err(e) => loaded.problems.push(e),
            }
        }
        loaded.voted.sort();
        loaded
    }

    /// Whether saving to `path` is allowed: never over a file that failed to load.
    pub fn may_write(&self, path: &Path) -> bool {
        !self.problems.iter().any(|p| p.path == path)
    }

    /// Writes the file of the item `key` as it is in `self.backlog` (atomically, privately).
    pub fn save_item(&self, folder: &SeriesFolder, key: &ItemRef) -> Result<PathBuf, StorageError> {
        let path = item_path(folder, key);
        if !self.may_write(&path) {
            return Err(StorageError::Format(FormatError::invalid(
                &path,
                "this file could not be read, so it is not written over; fix or move it first",
            )));
        }
        let fresh;
        let item = match self.backlog.get(key) {
            Some(item) => item,
            None => {
                fresh = BacklogItem::new(key);
                &fresh
            }
        };
        let dir = backlog_dir(folder);
        create_private_dir(&dir).map_err(|e| StorageError::io(&dir, e))?;
        write_atomic(&path, item_ron(item).as_bytes()).map_err(|e| StorageError::io(&path, e))?;
        Ok(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::FormatErrorKind;

    fn folder() -> (tempfile::TempDir, SeriesFolder) {
        let dir = tempfile::tempdir().unwrap();
        let folder = SeriesFolder::new(dir.path().join("svc"));
        (dir, folder)
    }

    #[test]
    fn items_round_trip_one_file_each() {
        let (_tmp, folder) = folder();
        let mut loaded = LoadedBacklog::load(&folder);
        assert!(loaded.backlog.is_empty() && loaded.problems.is_empty());
        let a = ItemRef::new("20260302-100000-overview", 3);
        let b = ItemRef::new("20260309-100000-architecture", 1);
        loaded.backlog.record_score(&a, "Ana", 5).unwrap();
        loaded.backlog.set_labels(&b, ["infra"]);
        loaded.save_item(&folder, &a).unwrap();
        loaded.save_item(&folder, &b).unwrap();
        loaded.save_ballot(&folder, "Ana").unwrap();
        let mut names: Vec<String> = std::fs::read_dir(backlog_dir(&folder))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            vec![
                "20260302-100000-overview--3.ron",
                "20260309-100000-architecture--1.ron"
            ]
        );
        let text = std::fs::read_to_string(item_path(&folder, &a)).unwrap();
        assert!(
            text.contains(&format!("version: {}", crate::model::BALLOTS_VERSION)),
            "versioned like every file: {text}"
        );
        let again = LoadedBacklog::load(&folder);
        assert_eq!(again.backlog, loaded.backlog);
        assert!(again.problems.is_empty());
    }

    #[test]
    fn an_unreadable_file_is_reported_and_never_overwritten() {
        let (_tmp, folder) = folder();
        let key = ItemRef::new("s", 1);
        let path = item_path(&folder, &key);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "(version: 1, session: \"s\", note: oops)").unwrap();
        let mut loaded = LoadedBacklog::load(&folder);
        assert_eq!(loaded.problems.len(), 1);
        assert!(loaded.problems[0].to_string().contains("s--1.ron:1:"));
        loaded.backlog.record_score(&key, "Ana", 3).unwrap();
        assert!(loaded.save_item(&folder, &key).is_err());
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "(version: 1, session: \"s\", note: oops)"
        );
    }

    #[test]
    fn a_newer_file_is_refused_by_version() {
        let (_tmp, folder) = folder();
        let path = item_path(&folder, &ItemRef::new("s", 1));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "(version: 99, session: \"s\", note: 1)").unwrap();
        let loaded = LoadedBacklog::load(&folder);
        assert_eq!(
            loaded.problems[0].kind,
            FormatErrorKind::NewerVersion { found: 99 }
        );
    }

    #[test]
    fn a_second_file_about_the_same_item_is_reported() {
        let (_tmp, folder) = folder();
        let key = ItemRef::new("s", 1);
        let mut item = BacklogItem::new(&key);
        item.owner = Some("Ana".into());
        let dir = backlog_dir(&folder);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.ron"), item_ron(&item)).unwrap();
        item.owner = Some("Ben".into());
        std::fs::write(dir.join("b.ron"), item_ron(&item)).unwrap();
        let loaded = LoadedBacklog::load(&folder);
        assert_eq!(
            loaded.backlog.get(&key).unwrap().owner.as_deref(),
            Some("Ana")
        );
        assert_eq!(loaded.problems.len(), 1);
        assert!(!loaded.may_write(&dir.join("b.ron")));
    }

    #[test]
    fn many_files_load_in_order_with_their_problems() {
        let (_tmp, folder) = folder();
        let mut loaded = LoadedBacklog::load(&folder);
        for n in 0..150 {
            let key = ItemRef::new("s", n);
            loaded
                .backlog
                .record_score(&key, "Ana", (n % 6) as u8)
                .unwrap();
            loaded.save_item(&folder, &key).unwrap();
        }
        loaded.save_ballot(&folder, "Ana").unwrap();
        std::fs::write(item_path(&folder, &ItemRef::new("s", 7)), "(broken").unwrap();
        let again = LoadedBacklog::load(&folder);
        assert_eq!(
            again.backlog.len(),
            150,
            "the broken item's votes are still known from the ballot"
        );
        assert_eq!(again.problems.len(), 1);
        assert!(again.problems[0].path.ends_with("s--7.ron"));
        assert_eq!(
            again
                .backlog
                .get(&ItemRef::new("s", 149))
                .unwrap()
                .score_of("Ana"),
            Some(5)
        );
    }

    #[test]
    fn item_paths_stay_inside_the_backlog_folder() {
        let (_tmp, folder) = folder();
        let path = item_path(&folder, &ItemRef::new("../../etc/passwd", 7));
        assert_eq!(path.parent().unwrap(), backlog_dir(&folder));
        assert_eq!(path.file_name().unwrap(), "______etc_passwd--7.ron");
    }
}
