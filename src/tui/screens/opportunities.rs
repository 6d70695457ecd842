//! The opportunities the room votes on, shared by the moderator's prioritisation screen
//! and each voter's own ballot, so both list the same items in the same order.

use crate::backlog::{ItemRef, LoadedBacklog, Spread};
use crate::summary::Rollup;

/// One opportunity as the room sees it.
pub struct Item {
    pub key: ItemRef,
    pub title: String,
    /// The whole text (for a room-only item, the fix wording written for it).
    pub text: String,
    pub topic: String,
    pub room_only: bool,
    /// Room-only, with no fix wording yet: it stays in the room until it has one.
    pub needs_fix: bool,
}

/// Every opportunity of the series in the order it was raised, as the room votes on it.
pub fn opportunities(
    loaded: &crate::storage::LoadedSeries,
    votes: &LoadedBacklog,
    now_ms: i64,
) -> Vec<Item> {
    Rollup::from_loaded(loaded, votes, now_ms)
        .backlog
        .iter()
        .map(|e| Item {
            // Votes are keyed by the real session id, not the one a summary shows.
            key: ItemRef::new(e.source_session.clone(), e.note),
            title: e.title.clone(),
            text: e.text.clone(),
            topic: e.topic.clone(),
            room_only: e.room_only,
            needs_fix: false,
        })
        .collect()
}

/// How many gave each score, 0 to 5: the spread, not the average.
pub fn spread_bar(spread: &Spread) -> String {
    spread
        .counts
        .iter()
        .map(|&c| match c {
            0 => "·".to_string(),
            1..=9 => c.to_string(),
            _ => "+".to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spread_shows_how_many_gave_each_score() {
        let spread = Spread {
            counts: [0, 0, 1, 0, 2, 12],
        };
        assert_eq!(spread_bar(&spread), "· · 1 · 2 +");
    }
}
