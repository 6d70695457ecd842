//! `update` never reads the disk nor waits for the saver: the series list, a series opened
//! under its lock, the summary and prioritisation are read on the saver's thread, after the
//! writes handed over before them, and come back as an action. The storage layer counts
//! reads, writes and waits per thread, so the test thread (the UI thread here) can prove
//! it asked for none inside `update`.

mod common;

use common::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use roast::clock::FakeClock;
use roast::storage::SeriesLock;
use roast::storage::guard::{reads_on_this_thread, writes_on_this_thread};
use roast::storage::saver::waits_on_this_thread;
use roast::tui::action::Action;
use roast::tui::screens::Screen;
use roast::tui::{App, update};

/// What `update` asked of the disk and the saver on this thread.
#[derive(Debug, Default, PartialEq)]
struct Asked {
    reads: u64,
    writes: u64,
    waits: u64,
}

fn asked() -> Asked {
    Asked {
        reads: reads_on_this_thread(),
        writes: writes_on_this_thread(),
        waits: waits_on_this_thread(),
    }
}

/// Drives the app as the event loop does, counting around each `update` only (the test's
/// own waiting for the saver, standing in for the loop's idle time, is not counted).
struct Driver {
    app: App,
    /// Each action after which `update` had read, written or waited, with what it did.
    offences: Vec<(String, Asked)>,
}

impl Driver {
    fn update(&mut self, action: Action) {
        let name = format!("{action:?}");
        let before = asked();
        update(&mut self.app, action);
        let after = asked();
        if after != before {
            self.offences.push((
                name,
                Asked {
                    reads: after.reads - before.reads,
                    writes: after.writes - before.writes,
                    waits: after.waits - before.waits,
                },
            ));
        }
    }

    fn settle(&mut self) {
        for _ in 0..4 {
            self.app.ctx.saver.flush();
            let queued = self.app.ctx.inbox.queued_actions();
            if queued.is_empty() {
                return;
            }
            for action in queued {
                self.update(action);
            }
        }
    }

    fn press(&mut self, event: KeyEvent) {
        if let Some(action) = roast::tui::app::action_for_key(&self.app, &event) {
            self.update(action);
        }
        self.settle();
    }

    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(key(KeyCode::Char(c)));
        }
    }
}

#[test]
fn a_whole_series_is_read_without_update_reading_or_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut d = Driver {
        app: app_at(dir.path(), &clock),
        offences: Vec::new(),
    };

    // A new series, opened; a session with a note and an opportunity, closed; back on
    // the list, the summary, prioritisation with a score, and the series opened again.
    d.press(key(KeyCode::Char('n')));
    d.type_text("Payments API");
    d.press(key(KeyCode::Tab));
    d.press(key(KeyCode::Tab));
    d.type_text("Ana");
    d.press(key(KeyCode::Enter));
    d.press(ctrl('s'));
    assert!(
        matches!(d.app.screen, Screen::Setup(_)),
        "the series opened"
    );
    d.press(key(KeyCode::Enter));
    d.press(key(KeyCode::Esc));
    d.type_text("Deploys restart every pod at once");
    d.press(key(KeyCode::Enter));
    d.press(key(KeyCode::Tab));
    d.press(key(KeyCode::Tab));
    d.type_text("Stagger the restarts");
    d.press(key(KeyCode::Enter));
    d.press(key(KeyCode::F(8)));
    d.press(key(KeyCode::Char('y')));
    d.press(ctrl('s'));
    assert!(matches!(d.app.screen, Screen::SeriesList(_)));
    d.press(key(KeyCode::Char('s')));
    assert!(matches!(d.app.screen, Screen::Summary(_)));
    d.press(key(KeyCode::Esc));
    d.press(key(KeyCode::Char('p')));
    assert!(matches!(d.app.screen, Screen::Prioritise(_)));
    d.press(key(KeyCode::Char('4')));
    d.press(key(KeyCode::Esc));
    assert!(matches!(d.app.screen, Screen::SeriesList(_)));
    d.press(key(KeyCode::Enter));
    assert!(matches!(d.app.screen, Screen::Setup(_)), "opened again");
    d.press(key(KeyCode::Esc));
    assert!(matches!(d.app.screen, Screen::SeriesList(_)));
    // A sync with the team: finding the shared series reads the data folder, on the
    // sync's own thread.
    d.press(key(KeyCode::Char('r')));
    while d.app.ctx.sync.is_some() {
        std::thread::sleep(std::time::Duration::from_millis(5));
        d.update(Action::Tick);
    }
    let said = d.app.ctx.status.clone().expect("the sync says what it did");
    assert!(
        said.text.contains("No series here is shared yet"),
        "{}",
        said.text
    );

    assert_eq!(d.offences, Vec::new(), "update read, wrote or waited");
    // …and the reads did happen, on the saver's thread: the note is in the summary.
    let session_files = std::fs::read_dir(dir.path().join("series/payments-api/sessions"))
        .unwrap()
        .count();
    assert_eq!(session_files, 1);
}

#[test]
fn opening_a_series_shows_that_it_is_opening_until_the_read_is_back() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    create_series(&mut app);
    press(&mut app, key(KeyCode::Esc));
    assert!(matches!(app.screen, Screen::SeriesList(_)));

    update(&mut app, Action::OpenSeries);
    assert!(matches!(app.screen, Screen::Loading(_)));
    assert!(
        render(&app, 80, 24).contains("Opening Payments API…"),
        "{}",
        render(&app, 80, 24)
    );
    // A second request while the first is on its way asks for nothing more.
    let asked = app.ctx.next_load;
    update(&mut app, Action::OpenSeries);
    update(&mut app, Action::ShowSummary);
    assert_eq!(app.ctx.next_load, asked);
    app.settle();
    assert!(matches!(app.screen, Screen::Setup(_)));
}

#[test]
fn quitting_while_a_series_is_opening_quits() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    create_series(&mut app);
    press(&mut app, key(KeyCode::Esc));
    update(&mut app, Action::OpenSeries);
    assert!(matches!(app.screen, Screen::Loading(_)));
    let quit = roast::tui::app::action_for_key(&app, &ctrl('q'));
    assert_eq!(quit, Some(Action::Quit));
    update(&mut app, Action::Quit);
    assert!(app.quit);
}

#[test]
fn a_series_another_copy_is_writing_says_so_and_the_list_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    create_series(&mut app);
    press(&mut app, key(KeyCode::Esc));
    let other = SeriesLock::acquire(&dir.path().join("series/payments-api")).unwrap();

    press(&mut app, key(KeyCode::Enter));
    assert!(
        matches!(app.screen, Screen::SeriesList(_)),
        "back on the list"
    );
    let status = app.ctx.status.clone().expect("the reason is shown");
    assert!(status.text.contains("another roast"), "{}", status.text);
    assert!(status.text.contains("Payments API"), "{}", status.text);
    drop(other);
    press(&mut app, key(KeyCode::Enter));
    assert!(matches!(app.screen, Screen::Setup(_)));
}

#[test]
fn closing_a_series_releases_its_lock_only_after_its_last_writes_land() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    start_live(&mut app);
    type_text(&mut app, "The last words before leaving");
    // Straight to the list from the live screen: the draft is handed to the saver and
    // the series closed in the same `update`, without waiting.
    if let Screen::Live(live) = &mut app.screen {
        live.persist(&mut app.ctx);
    }
    app.go(roast::tui::screens::Nav::SeriesList);
    assert!(app.ctx.series.is_none(), "closed at once");
    // Once the saver has got to the release, the lock is free and the draft on disk.
    app.ctx.saver.flush();
    let folder = dir.path().join("series/payments-api");
    let lock = SeriesLock::acquire(&folder);
    assert!(lock.is_ok(), "the lock was released");
    let sessions: String = std::fs::read_dir(folder.join("sessions"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert!(
        sessions.contains("The last words before leaving"),
        "{sessions}"
    );
}
