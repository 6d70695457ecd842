//! The roll-up's facts: what counts as covered, held and remaining, the latest maturity,
//! the ranked backlog, open sessions, and the series read back from disk.

mod common;

use common::fixtures::{Fixture, large_series, showcase};
use roast::backlog::{Consensus, ItemRef, LoadedBacklog, Priority};
use roast::model::{NoteKind, TopicRef};
use roast::storage::{FormatErrorKind, SeriesFolder};
use roast::summary::{Rollup, SessionStatus, TopicEntry};

fn rollup(f: &Fixture) -> Rollup {
    Rollup::build(&f.series, &f.sessions, &f.backlog, f.now_ms)
}

fn titles(list: &[TopicEntry]) -> Vec<&str> {
    list.iter().map(TopicEntry::title).collect()
}

#[test]
fn dates_sessions_and_meeting_time_include_the_open_session() {
    let f = showcase();
    let r = rollup(&f);
    assert_eq!(r.first_date.as_deref(), Some("2026-03-02"));
    assert_eq!(r.last_date.as_deref(), Some("2026-04-20"));
    assert_eq!((r.sessions_held, r.sessions_open), (5, 1));
    // 45 + 62 + 44 + 20 + 45 closed, and 30 minutes so far of the open one.
    assert_eq!(r.meeting_secs, (45 + 62 + 44 + 20 + 45 + 30) * 60);
    assert_eq!(r.target_secs, 10 * 3600);
    assert_eq!(r.target_percent(), 41);
    assert_eq!(r.sessions.last().unwrap().status, SessionStatus::Open);
    // Later, the open session has run longer: the same data exports more time.
    let later = Rollup::build(&f.series, &f.sessions, &f.backlog, f.now_ms + 5 * 60_000);
    assert_eq!(later.meeting_secs, r.meeting_secs + 300);
}

#[test]
fn covered_and_remaining_topics_include_offshoots() {
    let r = rollup(&showcase());
    assert_eq!(
        titles(&r.topics.covered),
        [
            "Service overview",
            "Architecture and dependencies",
            "Development process",
            "Cache warm-up after deploys"
        ]
    );
    let remaining = titles(&r.topics.remaining);
    assert!(
        remaining.contains(&"Monitoring, logging, diagnostics"),
        "open: not covered yet"
    );
    assert!(
        remaining.contains(&"DNS failover between regions"),
        "a parked off-shoot"
    );
    assert!(
        remaining.contains(&"Log retention costs"),
        "parked in the open session"
    );
    assert!(
        !remaining.contains(&"Cache warm-up after deploys"),
        "taken up and covered"
    );
    assert_eq!((r.topics.agenda_covered, r.topics.agenda_total), (3, 8));
}

#[test]
fn maturity_is_the_latest_rating_of_each_area() {
    let mut f = showcase();
    // A later session on the overview rates it 5; a still later one gives no rating.
    for (day, rating) in [(21, Some(5)), (22, None)] {
        let mut s = f.sessions[0].clone();
        s.id = format!("202604{day}-100000-service-overview");
        s.started = time::macros::datetime!(2026-04-01 10:00 UTC) + time::Duration::days(day);
        s.maturity = rating;
        f.sessions.push(s);
    }
    let r = rollup(&f);
    let overview = r
        .maturity
        .iter()
        .find(|m| m.topic.title() == "Service overview")
        .unwrap();
    assert_eq!(overview.rating, Some(5));
    assert_eq!(overview.rated_on.as_deref(), Some("2026-04-22"));
    let capacity = r
        .maturity
        .iter()
        .find(|m| m.topic.title() == "Capacity planning")
        .unwrap();
    assert_eq!(capacity.rating, None, "unrated areas are listed as such");
    assert_eq!(
        r.maturity.len(),
        8 + 1,
        "every agenda topic, and the one rated off-shoot"
    );
}

#[test]
fn the_backlog_is_every_opportunity_ranked_and_sessions_point_at_their_ranks() {
    let f = showcase();
    let r = rollup(&f);
    let opportunities = f
        .sessions
        .iter()
        .flat_map(|s| &s.notes)
        .filter(|n| n.kind == NoteKind::Opportunity)
        .count();
    assert_eq!(
        r.backlog.len(),
        opportunities,
        "voted on or not, all are there"
    );
    let order: Vec<(Consensus, Priority)> = r
        .backlog
        .iter()
        .map(|e| (e.consensus, e.priority))
        .collect();
    assert_eq!(
        order,
        [
            (Consensus::Agreed, Priority::Highest),
            (Consensus::Agreed, Priority::High),
            (Consensus::NeedsDiscussion, Priority::Medium),
            (Consensus::NeedsDiscussion, Priority::Low),
            (Consensus::Unscored, Priority::Medium),
            (Consensus::Unscored, Priority::Lowest),
            (Consensus::Unscored, Priority::Lowest),
        ]
    );
    let first = &r.backlog[0];
    assert_eq!(first.spread.counts, [0, 0, 0, 1, 2, 2]);
    assert_eq!(first.mean, Some(4.2));
    assert_eq!(first.top_five, ["Ana", "Ben", "Dana"]);
    assert_eq!(first.owner.as_deref(), Some("Chen"));
    assert_eq!(first.labels, ["payments", "reliability"]);
    assert_eq!(first.title, "Add idempotency keys to the payment webhook");
    for s in &r.sessions {
        for n in &s.opportunities {
            let rank = n.rank.expect("every opportunity has a rank");
            let e = &r.backlog[rank - 1];
            assert_eq!((e.session.as_str(), e.note), (s.id.as_str(), n.id));
        }
    }
}

#[test]
fn votes_on_notes_that_are_gone_or_no_longer_opportunities_are_ignored() {
    let mut f = showcase();
    let session = f.sessions[0].id.clone();
    f.backlog
        .record_score(&ItemRef::new(session.clone(), 999), "Ana", 5)
        .unwrap();
    f.backlog
        .record_score(&ItemRef::new(session, 1), "Ana", 5)
        .unwrap(); // a learning
    let r = rollup(&f);
    assert_eq!(r.backlog.len(), 7);
    assert!(r.backlog.iter().all(|e| e.note != 999));
}

#[test]
fn a_series_reads_back_from_disk_into_the_same_rollup() {
    let f = showcase();
    let tmp = tempfile::tempdir().unwrap();
    let folder = SeriesFolder::new(tmp.path().join("payments-api"));
    f.write_to(&folder).unwrap();
    assert!(folder.dir().join("backlog").read_dir().unwrap().count() >= 5);
    let loaded = folder.load().unwrap();
    let backlog = LoadedBacklog::load(&folder);
    assert!(loaded.problems.is_empty() && backlog.problems.is_empty());
    assert_eq!(Rollup::from_loaded(&loaded, &backlog, f.now_ms), rollup(&f));
}

#[test]
fn unreadable_files_are_named_in_the_rollup_without_a_slug_that_is_not_an_agenda_topic() {
    let f = showcase();
    let tmp = tempfile::tempdir().unwrap();
    let folder = SeriesFolder::new(tmp.path().join("payments-api"));
    f.write_to(&folder).unwrap();
    std::fs::write(folder.session_path("20990101-000000-broken"), "(nonsense").unwrap();
    std::fs::write(folder.dir().join("backlog/x--1.ron"), "(version: 7)").unwrap();
    let loaded = folder.load().unwrap();
    let backlog = LoadedBacklog::load(&folder);
    assert_eq!(
        backlog.problems[0].kind,
        FormatErrorKind::NewerVersion { found: 7 }
    );
    let r = Rollup::from_loaded(&loaded, &backlog, f.now_ms);
    // The slug of a session id may spell out a room-only off-shoot, and an unreadable file
    // cannot say what it was about: only an agenda topic's slug is shown.
    assert_eq!(
        r.unreadable_files,
        [
            "20990101-000000-withheld.ron",
            "[a file whose name is withheld].ron"
        ]
    );
    let text = roast::summary::text::render(&r);
    assert!(
        text.contains("20990101-000000-withheld.ron could not be read"),
        "{text}"
    );
}

#[test]
fn an_offshoot_session_is_titled_by_its_offshoot() {
    let r = rollup(&showcase());
    match &r.sessions[2].topic {
        TopicEntry::OffShoot { title, note, .. } => {
            assert_eq!(title, "Cache warm-up after deploys");
            assert_eq!(*note, 3);
        }
        other => panic!("expected an off-shoot topic, got {other:?}"),
    }
    assert!(matches!(
        common::fixtures::showcase().sessions[2].topic,
        TopicRef::OffShoot { .. }
    ));
}

#[test]
fn a_large_series_rolls_up_completely() {
    let f = large_series(60, 40);
    let r = rollup(&f);
    assert_eq!(r.sessions.len(), 60);
    assert_eq!(r.sessions_open, 1);
    let ranks: Vec<usize> = r.backlog.iter().map(|e| e.rank).collect();
    assert_eq!(ranks, (1..=r.backlog.len()).collect::<Vec<_>>());
    // Consensus tiers never interleave.
    let tiers: Vec<Consensus> = r.backlog.iter().map(|e| e.consensus).collect();
    let first_unscored = tiers
        .iter()
        .position(|c| *c == Consensus::Unscored)
        .unwrap();
    assert!(
        tiers[first_unscored..]
            .iter()
            .all(|c| *c == Consensus::Unscored)
    );
    let last_agreed = tiers.iter().rposition(|c| *c == Consensus::Agreed).unwrap();
    assert!(
        tiers[..=last_agreed]
            .iter()
            .all(|c| *c == Consensus::Agreed)
    );
}
