//! Joint prioritisation: what the room thinks of each opportunity.
//!
//! Two voting methods from the consensus-building talk (seed 004), usable alone or together:
//! - the **0–5 consensus scale**: everyone scores an item; if most score 4 or 5 the room
//!   agrees and moves on, if most score 0–3 the item needs more discussion;
//! - **top-five voting**: each participant picks the five items they find most important.
//!
//! Votes are keyed by `(session id, note id)`. Each voter's votes are one ballot file (see
//! [`ballot`]) and the moderator's owner and labels one file per item (see [`store`]), so
//! any number of people voting on any number of machines never conflict.
//! The functions here are pure: they change a [`Backlog`] in memory and hand back what
//! changed, and the caller decides when to save.

pub mod ballot;
pub mod round;
pub mod store;
mod vote;

use serde::{Deserialize, Serialize};

use crate::model::BALLOTS_VERSION;

pub use ballot::{BALLOTS_DIR, Ballot};
pub use round::VotingRound;
pub use store::{BACKLOG_DIR, LoadedBacklog};
pub use vote::{Consensus, MAX_SCORE, Priority, Spread, TOP_FIVE, VoteError, rank, rank_cmp};

/// Which opportunity an item is about: a note in a session. Note ids are never reused, so
/// the reference stays valid while the note exists.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ItemRef {
    pub session: String,
    pub note: u32,
}

impl ItemRef {
    pub fn new(session: impl Into<String>, note: u32) -> Self {
        Self {
            session: session.into(),
            note,
        }
    }
}

/// One participant's score for one item on the 0–5 scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    pub voter: String,
    pub value: u8,
}

/// Everything the room decided about one opportunity: one file on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BacklogItem {
    pub version: u32,
    pub session: String,
    pub note: u32,
    /// At most one score per voter, in the order they were first given.
    #[serde(default)]
    pub scores: Vec<Score>,
    /// The voters who picked this item as one of their five most important.
    #[serde(default)]
    pub top_five: Vec<String>,
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub labels: Vec<String>,
}

impl BacklogItem {
    pub fn new(key: &ItemRef) -> Self {
        Self {
            version: BALLOTS_VERSION,
            session: key.session.clone(),
            note: key.note,
            scores: Vec::new(),
            top_five: Vec::new(),
            owner: None,
            labels: Vec::new(),
        }
    }

    pub fn key(&self) -> ItemRef {
        ItemRef::new(self.session.clone(), self.note)
    }

    fn is_about(&self, key: &ItemRef) -> bool {
        self.session == key.session && self.note == key.note
    }

    pub fn spread(&self) -> Spread {
        Spread::of(&self.scores)
    }

    pub fn consensus(&self) -> Consensus {
        self.spread().consensus()
    }

    pub fn score_of(&self, voter: &str) -> Option<u8> {
        let voter = voter.trim();
        self.scores
            .iter()
            .find(|s| s.voter == voter)
            .map(|s| s.value)
    }

    pub fn picked_by(&self, voter: &str) -> bool {
        let voter = voter.trim();
        self.top_five.iter().any(|v| v == voter)
    }
}

/// The votes of a whole series, sorted by item reference. Opportunities nobody has voted
/// on yet have no entry; they still appear (unvoted) in every summary and export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Backlog {
    items: Vec<BacklogItem>,
}

impl Backlog {
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds a backlog from items in any order; a later item for the same reference
    /// replaces an earlier one.
    pub fn from_items(items: impl IntoIterator<Item = BacklogItem>) -> Self {
        let mut backlog = Self::new();
        for item in items {
            backlog.insert(item);
        }
        backlog
    }

    pub fn items(&self) -> &[BacklogItem] {
        &self.items
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn get(&self, key: &ItemRef) -> Option<&BacklogItem> {
        self.position(key).ok().map(|i| &self.items[i])
    }

    /// Adds or replaces the item for its reference.
    pub fn insert(&mut self, item: BacklogItem) {
        match self.position(&item.key()) {
            Ok(i) => self.items[i] = item,
            Err(i) => self.items.insert(i, item),
        }
    }

    /// The items `voter` picked for their top five, in backlog order.
    pub fn picks_of(&self, voter: &str) -> Vec<ItemRef> {
        self.items
            .iter()
            .filter(|i| i.picked_by(voter))
            .map(BacklogItem::key)
            .collect()
    }

    fn position(&self, key: &ItemRef) -> Result<usize, usize> {
        self.items.binary_search_by(|i| {
            (i.session.as_str(), i.note).cmp(&(key.session.as_str(), key.note))
        })
    }

    fn entry(&mut self, key: &ItemRef) -> &mut BacklogItem {
        let i = match self.position(key) {
            Ok(i) => i,
            Err(i) => {
                self.items.insert(i, BacklogItem::new(key));
                i
            }
        };
        debug_assert!(self.items[i].is_about(key));
        &mut self.items[i]
    }
}
