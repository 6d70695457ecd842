//! The voting round of a series, as the moderator runs it: how many top picks each voter
//! has (five by default, as seed 004 says, and the moderator can change it), and whether
//! the scores are revealed. Until then every voter sees only their own ballot, so nobody
//! anchors on the others. One small file, `voting.ron`, written only by the moderator.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::TOP_FIVE;
use crate::model::BALLOTS_VERSION;
use crate::storage::format::{self, FormatError};
use crate::storage::{SeriesFolder, StorageError, write_atomic};

pub const ROUND_FILE: &str = "voting.ron";

/// The most picks a moderator can give each voter; beyond it, a pick means little.
pub const MAX_BUDGET: usize = 20;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VotingRound {
    pub version: u32,
    /// How many items each voter may pick as most important.
    #[serde(default = "default_budget")]
    pub budget: usize,
    /// Whether everyone may now see everyone's scores.
    #[serde(default)]
    pub revealed: bool,
}

fn default_budget() -> usize {
    TOP_FIVE
}

impl Default for VotingRound {
    fn default() -> Self {
        Self {
            version: BALLOTS_VERSION,
            budget: TOP_FIVE,
            revealed: false,
        }
    }
}

pub fn round_path(folder: &SeriesFolder) -> PathBuf {
    folder.dir().join(ROUND_FILE)
}

impl VotingRound {
    /// The round as the moderator set it, or the defaults (with the reason, when the file
    /// exists but cannot be used; it is then left alone).
    pub fn load(folder: &SeriesFolder) -> (VotingRound, Option<FormatError>) {
        let path = round_path(folder);
        if std::fs::symlink_metadata(&path).is_err() {
            return (VotingRound::default(), None);
        }
        match format::read_ron_file::<VotingRound>(&path, Some(&folder.data_root())) {
            Ok(round) => (round.clamped(), None),
            Err(e) => (VotingRound::default(), Some(e)),
        }
    }

    fn clamped(mut self) -> Self {
        self.budget = self.budget.clamp(1, MAX_BUDGET);
        self
    }

    /// One more (or, negative, fewer) picks per voter, within 1 and [`MAX_BUDGET`].
    pub fn change_budget(&mut self, by: isize) {
        self.budget = self.budget.saturating_add_signed(by).clamp(1, MAX_BUDGET);
    }

    pub fn to_ron(&self) -> String {
        format::to_pretty_ron(self)
    }

    pub fn save(&self, folder: &SeriesFolder) -> Result<(), StorageError> {
        let path = round_path(folder);
        write_atomic(&path, self.to_ron().as_bytes()).map_err(|e| StorageError::io(&path, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_round_is_blind_with_five_picks_and_the_moderator_changes_both() {
        let dir = tempfile::tempdir().unwrap();
        let folder = SeriesFolder::new(dir.path().join("series/svc"));
        std::fs::create_dir_all(folder.dir()).unwrap();
        let (mut round, problem) = VotingRound::load(&folder);
        assert_eq!((round.budget, round.revealed, problem), (5, false, None));
        round.change_budget(-10);
        assert_eq!(round.budget, 1);
        round.change_budget(2);
        round.revealed = true;
        round.save(&folder).unwrap();
        assert_eq!(VotingRound::load(&folder).0, round);
    }

    #[test]
    fn a_broken_round_file_means_the_defaults_and_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let folder = SeriesFolder::new(dir.path().join("series/svc"));
        std::fs::create_dir_all(folder.dir()).unwrap();
        std::fs::write(round_path(&folder), "(version: 3, budget: lots)").unwrap();
        let (round, problem) = VotingRound::load(&folder);
        assert_eq!(round, VotingRound::default());
        assert!(problem.unwrap().to_string().contains("voting.ron"));
    }
}
