//! Every file the app writes, removes or makes a folder for goes through the saver's
//! thread: `update` hands it over and returns; what it came to arrives later, as an action.
//! The storage layer counts writes per thread, so the test thread (the UI thread here)
//! can prove it asked the disk for none.

mod common;

use common::*;
use ratatui::crossterm::event::KeyCode;
use roast::clock::FakeClock;
use roast::storage::fault::{self, Fault};
use roast::storage::guard::writes_on_this_thread;
use roast::tui::action::Action;
use roast::tui::context::StatusKind;
use roast::tui::screens::Screen;
use roast::tui::update;

#[test]
fn a_whole_series_is_written_without_update_touching_the_disk() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    let before = writes_on_this_thread();

    // A new series, a setting, a session with a note, closed; the summary exported; a
    // score on prioritisation; an empty session discarded.
    create_series(&mut app);
    assert!(matches!(app.screen, Screen::Setup(_)), "the series opened");
    act(&mut app, Action::CycleTheme);
    act(&mut app, Action::ToggleBell);
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Esc));
    type_text(&mut app, "Deploys restart every pod at once");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Tab));
    press(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "Stagger the restarts");
    press(&mut app, key(KeyCode::Enter));
    end_session(&mut app);
    type_text(&mut app, "Restarts are the weak spot.");
    press(&mut app, ctrl('s'));
    assert!(matches!(app.screen, Screen::SeriesList(_)));
    press(&mut app, key(KeyCode::Char('s')));
    assert!(matches!(app.screen, Screen::Summary(_)));
    press(&mut app, key(KeyCode::Char('e')));
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Char('p')));
    assert!(matches!(app.screen, Screen::Prioritise(_)));
    press(&mut app, key(KeyCode::Char('4')));
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Esc));
    end_session(&mut app);
    press(&mut app, ctrl('d'));
    assert!(matches!(app.screen, Screen::SeriesList(_)));

    assert_eq!(
        writes_on_this_thread(),
        before,
        "update wrote, removed or made a folder itself"
    );
    // …and yet everything is on disk, written by the saver.
    assert!(app.ctx.saver.flush());
    let series = dir.path().join("series/payments-api");
    assert!(series.join("series.ron").is_file());
    assert!(dir.path().join("settings.ron").is_file());
    assert!(dir.path().join("exports/payments-api.md").is_file());
    assert!(series.join("backlog").is_dir());
    let sessions: Vec<_> = std::fs::read_dir(series.join("sessions"))
        .unwrap()
        .collect();
    assert_eq!(sessions.len(), 1, "the empty session was discarded");
}

#[test]
fn a_write_that_fails_does_not_hold_up_update_and_is_said_when_it_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    create_series(&mut app);
    press(&mut app, key(KeyCode::Esc));
    assert!(matches!(app.screen, Screen::SeriesList(_)));
    // The disk turns read-only under the whole data folder.
    fault::inject(dir.path(), Fault::ReadOnly, None);

    // The theme changes at once; that it could not be remembered comes later.
    update(&mut app, Action::CycleTheme);
    let status = app.ctx.status.clone().unwrap();
    assert_eq!(status.kind, StatusKind::Info, "{status:?}");
    app.settle();
    let status = app.ctx.status.clone().unwrap();
    assert_eq!(status.kind, StatusKind::Error, "{status:?}");
    assert!(status.text.contains("not remembered"), "{status:?}");
    assert!(status.text.contains("settings.ron"), "{status:?}");
    assert!(status.text.contains("Read-only file system"), "{status:?}");

    // The same for an export from the summary screen.
    press(&mut app, key(KeyCode::Char('s')));
    update(&mut app, Action::Export);
    assert!(
        !app.ctx
            .status
            .as_ref()
            .is_some_and(|s| s.text.contains("export")),
        "nothing is said before the saver has tried: {:?}",
        app.ctx.status
    );
    app.settle();
    let status = app.ctx.status.clone().unwrap();
    assert_eq!(status.kind, StatusKind::Error, "{status:?}");
    assert!(status.text.contains("not exported"), "{status:?}");
    assert!(status.text.contains("payments-api.md"), "{status:?}");
    fault::clear(dir.path());

    // A new series on a disk that refuses it: the form stays, with the reason.
    press(&mut app, key(KeyCode::Esc));
    fault::inject(dir.path(), Fault::ReadOnly, None);
    press(&mut app, key(KeyCode::Char('n')));
    type_text(&mut app, "Search");
    update(&mut app, Action::CreateSeries);
    assert!(matches!(app.screen, Screen::NewSeries(_)));
    app.settle();
    assert!(
        matches!(app.screen, Screen::NewSeries(_)),
        "nothing to open"
    );
    let status = app.ctx.status.clone().unwrap();
    assert!(
        status.text.contains("cannot create the series"),
        "{status:?}"
    );
    fault::clear(dir.path());
    press(&mut app, ctrl('s'));
    assert!(
        matches!(app.screen, Screen::Setup(_)),
        "the form was kept: created on the next try"
    );
}
