//! A room-only opportunity leaves the room only as the fix, in words the scribe writes for
//! it on the prioritisation screen; until then it is listed there as needing them, and
//! every export withholds it and counts it.

mod common;

use common::*;
use ratatui::crossterm::event::KeyCode;
use roast::backlog::LoadedBacklog;
use roast::clock::FakeClock;
use roast::export::{ExportFormat, export};
use roast::storage::DataDir;
use roast::summary::Rollup;
use roast::tui::screens::Screen;

const SAID: &str = "Vendor Q overbills us every quarter and nobody checks";
const WORDING: &str = "Reconcile supplier invoices against usage each quarter";

#[test]
fn a_room_only_opportunity_waits_for_its_fix_wording_and_then_leaves_in_those_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut fixture = common::fixtures::showcase();
    // A room-only opportunity with no wording, in a closed session.
    let s = &mut fixture.sessions[0];
    let note = s.add_note(roast::model::NoteKind::Opportunity, SAID.into(), true, 0);
    let session_id = s.id.clone();
    // Close the session in progress so the app opens on the series list.
    for s in &mut fixture.sessions {
        s.outcome.get_or_insert(roast::model::Outcome::Completed);
    }
    let folder = DataDir::new(dir.path()).series_folder(&fixture.series.id);
    fixture.write_to(&folder).unwrap();
    let exports = |folder: &roast::storage::SeriesFolder| {
        let loaded = folder.load().unwrap();
        let r = Rollup::from_loaded(&loaded, &LoadedBacklog::load(folder), fixture.now_ms);
        (ExportFormat::ALL.map(|f| export(&r, f)), r)
    };
    let (before, r) = exports(&folder);
    assert_eq!(r.room_only_needing_fix, 1);
    for out in &before {
        assert!(!out.contains("Vendor Q"), "withheld until worded");
    }
    assert!(before[0].contains("needs a fix wording"), "{}", before[0]);

    let clock = FakeClock::at(fixture.now_ms);
    let mut app = app_at(dir.path(), &clock);
    assert!(matches!(app.screen, Screen::SeriesList(_)));
    press(&mut app, key(KeyCode::Char('p')));
    let Screen::Prioritise(p) = &app.screen else {
        panic!("not on the prioritisation screen");
    };
    let at = p
        .items
        .iter()
        .position(|i| i.key.session == session_id && i.key.note == note)
        .expect("the room sees it on the prioritisation screen");
    assert!(p.items[at].needs_fix);
    for _ in 0..at {
        press(&mut app, key(KeyCode::Down));
    }
    let screen = render(&app, 160, 45);
    assert!(screen.contains("needs a fix wording"), "{screen}");

    press(&mut app, key(KeyCode::Char('w')));
    type_text(&mut app, WORDING);
    press(&mut app, key(KeyCode::Enter));
    assert!(app.ctx.saver.flush());

    let (after, r) = exports(&folder);
    assert_eq!((r.room_only_needing_fix, r.room_only_fixes), (0, 2));
    for (format, out) in ExportFormat::ALL.iter().zip(&after) {
        assert!(out.contains(WORDING), "{format}: the wording leaves");
        assert!(!out.contains("Vendor Q"), "{format}: what was said stays");
    }
}
