//! Recording votes, reading the room's consensus from their spread, and ranking.

use std::cmp::Ordering;

use serde::Serialize;

use super::{Backlog, BacklogItem, ItemRef, Score};

/// The top of the consensus scale.
pub const MAX_SCORE: u8 = 5;
/// How many items each participant may pick in top-five voting.
pub const TOP_FIVE: usize = 5;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VoteError {
    #[error("a score is 0 to {MAX_SCORE}, not {0}")]
    ScoreOutOfRange(u8),
    #[error("a vote needs the voter's name")]
    NoVoter,
    #[error("{voter} has already picked {} items, as many as each voter may; drop one of them first", .picks.len())]
    TopFiveFull { voter: String, picks: Vec<ItemRef> },
}

/// How many people gave each score: `counts[v]` is the number of votes of value `v`.
/// Shown as it is, so a split room is visible rather than averaged away.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Spread {
    pub counts: [u32; MAX_SCORE as usize + 1],
}

/// What the spread says, by the rule of seed 004.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Consensus {
    /// More than half of the votes are 4 or 5: the room agrees and can move on.
    Agreed,
    /// Scored, but not by a majority at 4–5 (a tie included): talk about it more.
    NeedsDiscussion,
    /// Nobody has scored it yet.
    Unscored,
}

impl Consensus {
    pub fn label(self) -> &'static str {
        match self {
            Consensus::Agreed => "agreed",
            Consensus::NeedsDiscussion => "needs discussion",
            Consensus::Unscored => "unscored",
        }
    }

    /// A label without spaces, usable as an issue-tracker label (Jira labels have none).
    pub fn slug(self) -> &'static str {
        match self {
            Consensus::Agreed => "agreed",
            Consensus::NeedsDiscussion => "needs-discussion",
            Consensus::Unscored => "unscored",
        }
    }

    /// The ranking tier: agreed items first.
    fn tier(self) -> u8 {
        match self {
            Consensus::Agreed => 0,
            Consensus::NeedsDiscussion => 1,
            Consensus::Unscored => 2,
        }
    }
}

impl Spread {
    pub fn of(scores: &[Score]) -> Self {
        let mut spread = Spread::default();
        for s in scores {
            if let Some(c) = spread.counts.get_mut(usize::from(s.value)) {
                *c += 1;
            }
        }
        spread
    }

    pub fn votes(&self) -> u32 {
        self.counts.iter().sum()
    }

    fn sum(&self) -> u64 {
        self.counts
            .iter()
            .zip(0u64..)
            .map(|(c, v)| u64::from(*c) * v)
            .sum()
    }

    /// Votes of 4 or 5.
    pub fn agreeing(&self) -> u32 {
        self.counts[4] + self.counts[5]
    }

    pub fn mean(&self) -> Option<f64> {
        let n = self.votes();
        (n > 0).then(|| self.sum() as f64 / f64::from(n))
    }

    pub fn consensus(&self) -> Consensus {
        let n = self.votes();
        if n == 0 {
            Consensus::Unscored
        } else if self.agreeing() * 2 > n {
            Consensus::Agreed
        } else {
            Consensus::NeedsDiscussion
        }
    }

    /// "5×2 4×1 2×1": how many gave each score, highest score first, empty scores left out.
    pub fn describe(&self) -> String {
        let parts: Vec<String> = (0..=MAX_SCORE)
            .rev()
            .filter(|v| self.counts[usize::from(*v)] > 0)
            .map(|v| format!("{v}×{}", self.counts[usize::from(v)]))
            .collect();
        if parts.is_empty() {
            "no scores".to_string()
        } else {
            parts.join(" ")
        }
    }

    /// Compares means without floating point: a/n against b/m as a·m against b·n.
    fn cmp_mean(&self, other: &Spread) -> Ordering {
        match (self.votes(), other.votes()) {
            (0, 0) => Ordering::Equal,
            (0, _) => Ordering::Less,
            (_, 0) => Ordering::Greater,
            (n, m) => (self.sum() * u64::from(m)).cmp(&(other.sum() * u64::from(n))),
        }
    }
}

/// The priority an issue tracker gets, named as Jira names them (GitHub takes it as a
/// label). Agreed items lead; a top-five pick lifts an item one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Priority {
    Highest,
    High,
    Medium,
    Low,
    Lowest,
}

impl Priority {
    /// - agreed and in someone's top five: Highest; agreed: High;
    /// - needs discussion and in someone's top five: Medium; needs discussion: Low;
    /// - unscored but in someone's top five: Medium; not voted on at all: Lowest.
    pub fn of(consensus: Consensus, top_five_picks: usize) -> Self {
        let picked = top_five_picks > 0;
        match (consensus, picked) {
            (Consensus::Agreed, true) => Priority::Highest,
            (Consensus::Agreed, false) => Priority::High,
            (Consensus::NeedsDiscussion | Consensus::Unscored, true) => Priority::Medium,
            (Consensus::NeedsDiscussion, false) => Priority::Low,
            (Consensus::Unscored, false) => Priority::Lowest,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Priority::Highest => "Highest",
            Priority::High => "High",
            Priority::Medium => "Medium",
            Priority::Low => "Low",
            Priority::Lowest => "Lowest",
        }
    }
}

/// The ranking rule, best first:
/// 1. consensus: agreed, then needs discussion, then unscored;
/// 2. more top-five picks;
/// 3. higher mean score;
/// 4. more scores (a mean of many votes beats the same mean of few);
/// 5. otherwise equal: the caller's order is kept (the sort is stable), which for the
///    roll-up is the order the items were raised in.
pub fn rank_cmp(a: Option<&BacklogItem>, b: Option<&BacklogItem>) -> Ordering {
    RankFacts::of(a).cmp_rank(&RankFacts::of(b))
}

/// What ranking looks at, worked out once per item rather than once per comparison.
struct RankFacts {
    spread: Spread,
    picks: usize,
}

impl RankFacts {
    fn of(item: Option<&BacklogItem>) -> Self {
        Self {
            spread: item.map(BacklogItem::spread).unwrap_or_default(),
            picks: item.map_or(0, |i| i.top_five.len()),
        }
    }

    fn cmp_rank(&self, other: &Self) -> Ordering {
        let (a, b) = (&self.spread, &other.spread);
        a.consensus()
            .tier()
            .cmp(&b.consensus().tier())
            .then(other.picks.cmp(&self.picks))
            .then(b.cmp_mean(a))
            .then(b.votes().cmp(&a.votes()))
    }
}

/// `items` in backlog order by [`rank_cmp`], keeping the given order among equals.
pub fn rank<'a, T>(items: Vec<T>, votes: impl Fn(&T) -> Option<&'a BacklogItem>) -> Vec<T> {
    let mut keyed: Vec<(RankFacts, T)> = items
        .into_iter()
        .map(|item| (RankFacts::of(votes(&item)), item))
        .collect();
    keyed.sort_by(|(a, _), (b, _)| a.cmp_rank(b));
    keyed.into_iter().map(|(_, item)| item).collect()
}

fn clean_name(name: &str) -> Result<&str, VoteError> {
    let name = name.trim();
    if name.is_empty() {
        Err(VoteError::NoVoter)
    } else {
        Ok(name)
    }
}

/// Labels go to issue trackers: trimmed, inner whitespace as `-` (Jira labels cannot hold
/// spaces) and no commas (the CSV export separates labels with them).
fn clean_label(label: &str) -> Option<String> {
    let words: Vec<&str> = label
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    (!words.is_empty()).then(|| words.join("-"))
}

impl Backlog {
    /// Records `voter`'s score for an item, replacing their earlier score.
    pub fn record_score(
        &mut self,
        key: &ItemRef,
        voter: &str,
        value: u8,
    ) -> Result<&BacklogItem, VoteError> {
        if value > MAX_SCORE {
            return Err(VoteError::ScoreOutOfRange(value));
        }
        let voter = clean_name(voter)?;
        let item = self.entry(key);
        match item.scores.iter_mut().find(|s| s.voter == voter) {
            Some(score) => score.value = value,
            None => item.scores.push(Score {
                voter: voter.to_string(),
                value,
            }),
        }
        Ok(item)
    }

    /// Takes back `voter`'s score; `None` if the item has no votes at all.
    pub fn clear_score(&mut self, key: &ItemRef, voter: &str) -> Option<&BacklogItem> {
        let voter = voter.trim();
        let i = self.position(key).ok()?;
        let item = &mut self.items[i];
        item.scores.retain(|s| s.voter != voter);
        Some(item)
    }

    /// Picks the item for `voter`'s top five, or drops it if already picked. Returns
    /// whether it is picked now. A sixth pick is refused, naming the five.
    pub fn toggle_top_five(&mut self, key: &ItemRef, voter: &str) -> Result<bool, VoteError> {
        self.toggle_pick(key, voter, TOP_FIVE)
    }

    /// Like [`Backlog::toggle_top_five`], with the number of picks the moderator allows.
    pub fn toggle_pick(
        &mut self,
        key: &ItemRef,
        voter: &str,
        budget: usize,
    ) -> Result<bool, VoteError> {
        let voter = clean_name(voter)?;
        if let Some(item) = self.position(key).ok().map(|i| &mut self.items[i])
            && item.picked_by(voter)
        {
            item.top_five.retain(|v| v != voter);
            return Ok(false);
        }
        let picks = self.picks_of(voter);
        if picks.len() >= budget {
            return Err(VoteError::TopFiveFull {
                voter: voter.to_string(),
                picks,
            });
        }
        self.entry(key).top_five.push(voter.to_string());
        Ok(true)
    }

    /// Sets or clears (with `None` or a blank name) who owns the item.
    pub fn set_owner(&mut self, key: &ItemRef, owner: Option<&str>) -> &BacklogItem {
        let owner = owner.map(str::trim).filter(|o| !o.is_empty());
        let item = self.entry(key);
        item.owner = owner.map(str::to_string);
        item
    }

    /// Replaces the item's labels: cleaned, blanks dropped, duplicates (ignoring case) kept
    /// once in their first spelling.
    pub fn set_labels<S: AsRef<str>>(
        &mut self,
        key: &ItemRef,
        labels: impl IntoIterator<Item = S>,
    ) -> &BacklogItem {
        let mut clean: Vec<String> = Vec::new();
        for label in labels.into_iter().filter_map(|l| clean_label(l.as_ref())) {
            if !clean.iter().any(|c| c.eq_ignore_ascii_case(&label)) {
                clean.push(label);
            }
        }
        let item = self.entry(key);
        item.labels = clean;
        item
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u32) -> ItemRef {
        ItemRef::new("s1", n)
    }

    fn spread(values: &[u8]) -> Spread {
        let scores: Vec<Score> = values
            .iter()
            .enumerate()
            .map(|(i, v)| Score {
                voter: format!("v{i}"),
                value: *v,
            })
            .collect();
        Spread::of(&scores)
    }

    #[test]
    fn mostly_fours_and_fives_is_agreed_mostly_lower_needs_discussion() {
        assert_eq!(spread(&[4, 5, 5, 3]).consensus(), Consensus::Agreed);
        assert_eq!(spread(&[5]).consensus(), Consensus::Agreed);
        assert_eq!(
            spread(&[1, 2, 3, 5]).consensus(),
            Consensus::NeedsDiscussion
        );
        assert_eq!(
            spread(&[4, 5, 2, 3]).consensus(),
            Consensus::NeedsDiscussion,
            "a split room has not agreed"
        );
        assert_eq!(spread(&[]).consensus(), Consensus::Unscored);
    }

    #[test]
    fn the_spread_shows_every_score_not_just_the_mean() {
        let s = spread(&[0, 5, 5, 4, 0]);
        assert_eq!(s.counts, [2, 0, 0, 0, 1, 2]);
        assert_eq!(s.describe(), "5×2 4×1 0×2");
        assert_eq!(s.mean(), Some(2.8));
        assert_eq!(spread(&[]).describe(), "no scores");
        assert_eq!(spread(&[]).mean(), None);
    }

    #[test]
    fn a_voter_has_one_score_per_item_and_can_change_or_take_it_back() {
        let mut b = Backlog::new();
        b.record_score(&key(1), " Ana ", 2).unwrap();
        b.record_score(&key(1), "Ben", 5).unwrap();
        let item = b.record_score(&key(1), "Ana", 4).unwrap();
        assert_eq!(item.scores.len(), 2);
        assert_eq!(item.score_of("Ana"), Some(4));
        assert_eq!(b.clear_score(&key(1), "Ana").unwrap().score_of("Ana"), None);
        assert!(
            b.clear_score(&key(9), "Ana").is_none(),
            "no entry is made to clear"
        );
        assert_eq!(b.len(), 1);
    }

    #[test]
    fn scores_outside_the_scale_and_nameless_votes_are_refused() {
        let mut b = Backlog::new();
        assert_eq!(
            b.record_score(&key(1), "Ana", 6),
            Err(VoteError::ScoreOutOfRange(6))
        );
        assert_eq!(b.record_score(&key(1), "  ", 3), Err(VoteError::NoVoter));
        assert_eq!(b.toggle_top_five(&key(1), ""), Err(VoteError::NoVoter));
        assert!(b.is_empty());
    }

    #[test]
    fn top_five_toggles_and_a_sixth_pick_is_refused() {
        let mut b = Backlog::new();
        for n in 1..=5 {
            assert_eq!(b.toggle_top_five(&key(n), "Ana"), Ok(true));
        }
        match b.toggle_top_five(&key(6), "Ana") {
            Err(VoteError::TopFiveFull { voter, picks }) => {
                assert_eq!(voter, "Ana");
                assert_eq!(picks.len(), 5);
            }
            other => panic!("expected a full top five, got {other:?}"),
        }
        assert!(b.get(&key(6)).is_none(), "a refused pick leaves no entry");
        assert_eq!(
            b.toggle_top_five(&key(6), "Ben"),
            Ok(true),
            "others still pick"
        );
        assert_eq!(b.toggle_top_five(&key(3), "Ana"), Ok(false));
        assert_eq!(b.toggle_top_five(&key(6), "Ana"), Ok(true));
        assert_eq!(b.picks_of("Ana").len(), 5);
        assert_eq!(b.get(&key(6)).unwrap().top_five, vec!["Ben", "Ana"]);
    }

    #[test]
    fn owner_is_trimmed_and_blank_clears_it() {
        let mut b = Backlog::new();
        assert_eq!(
            b.set_owner(&key(1), Some(" Chen ")).owner.as_deref(),
            Some("Chen")
        );
        assert_eq!(b.set_owner(&key(1), Some("  ")).owner, None);
        b.set_owner(&key(1), Some("Dana"));
        assert_eq!(b.set_owner(&key(1), None).owner, None);
    }

    #[test]
    fn labels_are_cleaned_for_issue_trackers() {
        let mut b = Backlog::new();
        let item = b.set_labels(
            &key(1),
            ["  on call ", "", "Reliability", "reliability", "a,b", "  "],
        );
        assert_eq!(item.labels, vec!["on-call", "Reliability", "a-b"]);
        assert!(
            b.set_labels(&key(1), Vec::<String>::new())
                .labels
                .is_empty()
        );
    }

    #[test]
    fn priority_follows_consensus_and_top_five() {
        assert_eq!(Priority::of(Consensus::Agreed, 2), Priority::Highest);
        assert_eq!(Priority::of(Consensus::Agreed, 0), Priority::High);
        assert_eq!(
            Priority::of(Consensus::NeedsDiscussion, 1),
            Priority::Medium
        );
        assert_eq!(Priority::of(Consensus::Unscored, 1), Priority::Medium);
        assert_eq!(Priority::of(Consensus::NeedsDiscussion, 0), Priority::Low);
        assert_eq!(Priority::of(Consensus::Unscored, 0), Priority::Lowest);
    }

    #[test]
    fn ranking_puts_consensus_first_then_picks_then_mean_then_vote_count() {
        let mut b = Backlog::new();
        // 1: agreed, no picks. 2: needs discussion, three picks. 3: agreed, one pick.
        // 4: agreed, one pick, higher mean. 5: unvoted. 6: unscored, one pick.
        // 7: agreed like 1 but with more votes.
        for (n, scores) in [
            (1, vec![4, 4]),
            (2, vec![1, 2]),
            (3, vec![4, 4]),
            (4, vec![5, 5]),
            (7, vec![4, 4, 4]),
        ] {
            for (i, v) in scores.into_iter().enumerate() {
                b.record_score(&key(n), &format!("v{i}"), v).unwrap();
            }
        }
        for voter in ["a", "b", "c"] {
            b.toggle_top_five(&key(2), voter).unwrap();
        }
        b.toggle_top_five(&key(3), "a").unwrap();
        b.toggle_top_five(&key(4), "a").unwrap();
        b.toggle_top_five(&key(6), "a").unwrap();
        let order = rank((1..=7).collect(), |n: &u32| b.get(&key(*n)));
        assert_eq!(order, vec![4, 3, 7, 1, 2, 6, 5]);
    }

    #[test]
    fn equal_items_keep_the_order_they_were_raised_in() {
        let b = Backlog::new();
        let order = rank(vec![3, 1, 2], |n: &u32| b.get(&key(*n)));
        assert_eq!(order, vec![3, 1, 2]);
    }
}
