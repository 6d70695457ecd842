//! One ballot file per voter: each person's 0–5 scores and top picks in
//! `<series>/ballots/<voter>.ron`, so any number of voters on any number of machines
//! merge in git with no conflict (each writes only their own file).
//!
//! Until format version 2, votes lived inside the item files (`backlog/`), where two
//! people scoring the same item on two machines both wrote the same file. Those files
//! still load; [`migrate`] moves their votes into ballots once and rewrites the items
//! without them.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::store::{LoadedBacklog, backlog_dir, item_path};
use super::{Backlog, BacklogItem, ItemRef, Score};
use crate::model::{BALLOTS_VERSION, slugify};
use crate::storage::format;
use crate::storage::{SeriesFolder, StorageError, create_private_dir, write_atomic};

pub const BALLOTS_DIR: &str = "ballots";

/// The first format version in which votes live in ballots, not in item files.
pub use crate::model::BALLOTS_VERSION as BALLOTS_SINCE;

/// One voter's votes on the whole series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ballot {
    pub version: u32,
    pub voter: String,
    /// At most one score per item.
    #[serde(default)]
    pub scores: Vec<BallotScore>,
    /// The items this voter picked as most important, within the series' budget.
    #[serde(default)]
    pub picks: Vec<ItemRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotScore {
    pub session: String,
    pub note: u32,
    pub value: u8,
}

/// An item file from version 2 on: what the moderator decides (owner, labels), no votes.
#[derive(Serialize)]
struct ItemFile<'a> {
    version: u32,
    session: &'a str,
    note: u32,
    owner: &'a Option<String>,
    labels: &'a [String],
}

/// The bytes of an item's file: its owner and labels; votes are in ballots.
pub fn item_file_ron(item: &BacklogItem) -> String {
    format::to_pretty_ron(&ItemFile {
        version: BALLOTS_VERSION,
        session: &item.session,
        note: item.note,
        owner: &item.owner,
        labels: &item.labels,
    })
}

pub fn ballots_dir(folder: &SeriesFolder) -> PathBuf {
    folder.dir().join(BALLOTS_DIR)
}

/// A readable, folder-safe file name for a voter. Names that differ only in what a slug
/// drops ("Ana" and "ana") share a file name, so a short hash of the exact name follows
/// whenever the slug is not the name itself.
pub fn ballot_path(folder: &SeriesFolder, voter: &str) -> PathBuf {
    let voter = voter.trim();
    let slug = slugify(voter);
    let name = if slug == voter {
        slug
    } else {
        format!("{slug}-{:08x}", fnv1a(voter.as_bytes()))
    };
    ballots_dir(folder).join(format!("{name}.ron"))
}

/// FNV-1a, 32 bits: stable across builds and platforms, unlike the std hasher.
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |h, b| {
        (h ^ u32::from(*b)).wrapping_mul(0x0100_0193)
    })
}

impl Ballot {
    /// `voter`'s votes as they are in `backlog`.
    pub fn of(backlog: &Backlog, voter: &str) -> Ballot {
        let voter = voter.trim();
        let mut ballot = Ballot {
            version: BALLOTS_VERSION,
            voter: voter.to_string(),
            scores: Vec::new(),
            picks: Vec::new(),
        };
        for item in backlog.items() {
            if let Some(value) = item.score_of(voter) {
                ballot.scores.push(BallotScore {
                    session: item.session.clone(),
                    note: item.note,
                    value,
                });
            }
            if item.picked_by(voter) {
                ballot.picks.push(item.key());
            }
        }
        ballot
    }

    pub fn to_ron(&self) -> String {
        format::to_pretty_ron(self)
    }
}

impl Backlog {
    /// Everyone who has scored or picked anything, sorted.
    pub fn voters(&self) -> BTreeSet<String> {
        self.items()
            .iter()
            .flat_map(|i| {
                i.scores
                    .iter()
                    .map(|s| s.voter.clone())
                    .chain(i.top_five.iter().cloned())
            })
            .collect()
    }

    /// Makes `ballot` the whole truth about its voter: their votes found elsewhere (old
    /// item files) are replaced by it.
    pub fn apply_ballot(&mut self, ballot: &Ballot) {
        let voter = ballot.voter.trim();
        let mut touched = Vec::new();
        for item in &self.items {
            if item.score_of(voter).is_some() || item.picked_by(voter) {
                touched.push(item.key());
            }
        }
        for key in touched {
            let item = self.entry(&key);
            item.scores.retain(|s| s.voter != voter);
            item.top_five.retain(|v| v != voter);
        }
        for score in &ballot.scores {
            if score.value > super::MAX_SCORE {
                continue;
            }
            self.entry(&ItemRef::new(score.session.clone(), score.note))
                .scores
                .push(Score {
                    voter: voter.to_string(),
                    value: score.value,
                });
        }
        for pick in &ballot.picks {
            let item = self.entry(pick);
            if !item.picked_by(voter) {
                item.top_five.push(voter.to_string());
            }
        }
    }
}

impl LoadedBacklog {
    /// Writes `voter`'s ballot as it is in `self.backlog`.
    pub fn save_ballot(&self, folder: &SeriesFolder, voter: &str) -> Result<PathBuf, StorageError> {
        let path = ballot_path(folder, voter);
        if !self.may_write(&path) {
            return Err(StorageError::Format(format::FormatError::invalid(
                &path,
                "this file could not be read, so it is not written over; fix or move it first",
            )));
        }
        let dir = ballots_dir(folder);
        create_private_dir(&dir).map_err(|e| StorageError::io(&dir, e))?;
        let bytes = Ballot::of(&self.backlog, voter).to_ron();
        write_atomic(&path, bytes.as_bytes()).map_err(|e| StorageError::io(&path, e))?;
        Ok(path)
    }
}

/// Moves votes out of old item files into one ballot per voter, once: ballots first, then
/// the items rewritten without votes, so a crash in between loses nothing (a ballot
/// outranks the old item's copy of the same votes). Returns how many files it wrote;
/// 0 when there was nothing to move.
pub fn migrate(folder: &SeriesFolder) -> Result<usize, StorageError> {
    let loaded = LoadedBacklog::load(folder);
    if !loaded.legacy_votes {
        return Ok(0);
    }
    let mut written = 0;
    for voter in loaded.backlog.voters() {
        loaded.save_ballot(folder, &voter)?;
        written += 1;
    }
    let dir = backlog_dir(folder);
    create_private_dir(&dir).map_err(|e| StorageError::io(&dir, e))?;
    for item in loaded.backlog.items() {
        let path = item_path(folder, &item.key());
        if loaded.may_write(&path) {
            write_atomic(&path, item_file_ron(item).as_bytes())
                .map_err(|e| StorageError::io(&path, e))?;
            written += 1;
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> (tempfile::TempDir, SeriesFolder) {
        let dir = tempfile::tempdir().unwrap();
        let folder = SeriesFolder::new(dir.path().join("svc"));
        std::fs::create_dir_all(folder.dir()).unwrap();
        (dir, folder)
    }

    #[test]
    fn each_voter_writes_only_their_own_file() {
        let (_tmp, folder) = folder();
        let mut loaded = LoadedBacklog::load(&folder);
        let key = ItemRef::new("s", 1);
        loaded.backlog.record_score(&key, "Ana", 5).unwrap();
        loaded.backlog.record_score(&key, "Ben", 2).unwrap();
        loaded.backlog.toggle_top_five(&key, "Ben").unwrap();
        let ana = loaded.save_ballot(&folder, "Ana").unwrap();
        let ben = loaded.save_ballot(&folder, "Ben").unwrap();
        assert_ne!(ana, ben);
        let text = std::fs::read_to_string(&ana).unwrap();
        assert!(text.contains("Ana") && !text.contains("Ben"), "{text}");
        let again = LoadedBacklog::load(&folder);
        assert_eq!(again.backlog, loaded.backlog);
        assert_eq!(again.voted, vec!["Ana".to_string(), "Ben".to_string()]);
    }

    #[test]
    fn names_a_slug_would_merge_get_their_own_files() {
        let (_tmp, folder) = folder();
        assert_eq!(ballot_path(&folder, "ana").file_name().unwrap(), "ana.ron");
        assert_ne!(ballot_path(&folder, "Ana"), ballot_path(&folder, "ana"));
        assert_ne!(ballot_path(&folder, "Ana"), ballot_path(&folder, "ANA"));
        assert_eq!(
            ballot_path(&folder, "../x").parent().unwrap(),
            ballots_dir(&folder)
        );
    }

    #[test]
    fn old_item_files_with_votes_still_load_and_are_moved_to_ballots_once() {
        let (_tmp, folder) = folder();
        let dir = backlog_dir(&folder);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("s--1.ron"),
            "(version: 1, session: \"s\", note: 1, scores: [(voter: \"Ana\", value: 4), \
             (voter: \"Ben\", value: 1)], top_five: [\"Ana\"], owner: Some(\"Chen\"), labels: [\"db\"])",
        )
        .unwrap();
        let before = LoadedBacklog::load(&folder);
        assert!(before.legacy_votes);
        assert!(before.problems.is_empty(), "{:?}", before.problems);
        let item = before.backlog.get(&ItemRef::new("s", 1)).unwrap();
        assert_eq!(item.score_of("Ben"), Some(1));
        assert!(item.picked_by("Ana"));

        assert_eq!(migrate(&folder).unwrap(), 3, "two ballots and the item");
        let text = std::fs::read_to_string(dir.join("s--1.ron")).unwrap();
        assert!(!text.contains("Ana") && text.contains("Chen"), "{text}");
        let after = LoadedBacklog::load(&folder);
        assert!(!after.legacy_votes);
        let votes = |l: &LoadedBacklog| {
            let i = l.backlog.get(&ItemRef::new("s", 1)).unwrap().clone();
            (i.scores, i.top_five, i.owner, i.labels)
        };
        assert_eq!(votes(&after), votes(&before));
        assert_eq!(migrate(&folder).unwrap(), 0, "only once");
    }

    #[test]
    fn a_ballot_outranks_an_old_item_files_copy_of_the_same_votes() {
        let mut b = Backlog::new();
        b.record_score(&ItemRef::new("s", 1), "Ana", 1).unwrap();
        b.record_score(&ItemRef::new("s", 2), "Ana", 1).unwrap();
        b.apply_ballot(&Ballot {
            version: BALLOTS_VERSION,
            voter: "Ana".into(),
            scores: vec![BallotScore {
                session: "s".into(),
                note: 1,
                value: 5,
            }],
            picks: vec![ItemRef::new("s", 2)],
        });
        assert_eq!(
            b.get(&ItemRef::new("s", 1)).unwrap().score_of("Ana"),
            Some(5)
        );
        let two = b.get(&ItemRef::new("s", 2)).unwrap();
        assert_eq!(two.score_of("Ana"), None);
        assert!(two.picked_by("Ana"));
    }
}
