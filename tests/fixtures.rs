//! The generated series the benches and tests stand on: deterministic, sized as asked,
//! and as varied as a real one (every note kind, room-only notes, votes, realistic text).

mod common;

use common::fixtures::{NOTE_CHARS, large_series, large_series_seeded, showcase};
use roast::model::{NoteKind, TopicRef};

#[test]
fn large_series_is_deterministic_and_sized_as_asked() {
    let a = large_series(20, 50);
    let b = large_series(20, 50);
    assert_eq!(a.sessions, b.sessions);
    assert_eq!(a.backlog, b.backlog);
    assert_eq!(a.sessions.len(), 20);
    assert!(a.sessions.iter().all(|s| s.notes.len() == 50));
    assert!(
        !a.sessions.last().unwrap().is_closed(),
        "the last one is open"
    );
    assert!(
        a.sessions
            .iter()
            .any(|s| matches!(s.topic, TopicRef::OffShoot { .. }))
    );
    for voter in ["Ana", "Ben", "Chen", "Dana", "Eli"] {
        assert!(a.backlog.picks_of(voter).len() <= roast::backlog::TOP_FIVE);
    }
}

#[test]
fn large_series_notes_have_every_kind_and_realistic_lengths() {
    let f = large_series(30, 100);
    let notes: Vec<_> = f.sessions.iter().flat_map(|s| &s.notes).collect();
    for kind in [
        NoteKind::Note,
        NoteKind::Learning,
        NoteKind::Opportunity,
        NoteKind::OffShoot,
        NoteKind::Question,
    ] {
        assert!(notes.iter().any(|n| n.kind == kind), "no {kind:?} note");
    }
    assert!(notes.iter().any(|n| n.room_only));
    assert!(notes.iter().any(|n| !n.room_only));
    let lengths: Vec<usize> = notes.iter().map(|n| n.text.chars().count()).collect();
    assert!(
        lengths.iter().all(|l| NOTE_CHARS.contains(l)),
        "{lengths:?}"
    );
    let short = lengths.iter().filter(|l| **l < 100).count();
    let long = lengths.iter().filter(|l| **l > 240).count();
    assert!(short > notes.len() / 10 && long > notes.len() / 10);
    assert!(f.backlog.items().iter().any(|i| !i.scores.is_empty()));
}

#[test]
fn seeded_series_differ_from_one_another() {
    let a = large_series_seeded(3, 10, 1);
    let b = large_series_seeded(3, 10, 2);
    assert_ne!(a.series.id, b.series.id);
    assert_ne!(a.sessions[0].notes, b.sessions[0].notes);
    assert_eq!(
        large_series_seeded(3, 10, 0).sessions,
        large_series(3, 10).sessions
    );
}

#[test]
fn the_showcase_has_an_open_session_and_room_only_notes() {
    let f = showcase();
    assert!(f.sessions.iter().any(|s| !s.is_closed()));
    assert!(
        f.sessions
            .iter()
            .flat_map(|s| &s.notes)
            .any(|n| n.room_only)
    );
}

#[test]
fn writing_quickly_lays_out_the_same_series_as_writing_durably() {
    let f = large_series(6, 40);
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (fa, fb) = (
        roast::storage::SeriesFolder::new(a.path().join("s")),
        roast::storage::SeriesFolder::new(b.path().join("s")),
    );
    f.write_to(&fa).unwrap();
    f.write_quickly_to(&fb).unwrap();
    let (la, lb) = (fa.load().unwrap(), fb.load().unwrap());
    assert_eq!(la.sessions, lb.sessions);
    assert_eq!(la.sessions, f.sessions);
    assert!(lb.problems.is_empty());
    let (ba, bb) = (
        roast::backlog::LoadedBacklog::load(&fa),
        roast::backlog::LoadedBacklog::load(&fb),
    );
    assert_eq!(ba.backlog, bb.backlog);
    assert_eq!(bb.backlog, f.backlog);
    assert!(bb.problems.is_empty());
}
