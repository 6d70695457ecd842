//! `roast follow` is the one app in a read-only mode: the same `update`, view, help bar
//! and runtime loop, fed by a watcher thread that reads the scribe's saves. Here the
//! scribe and the follower run headless in one process, on one data folder.

mod common;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use roast::clock::FakeClock;
use roast::storage::DataDir;
use roast::tui::action::Action;
use roast::tui::display::Display;
use roast::tui::keymap::KeyContext;
use roast::tui::runtime::{Io, event_loop};
use roast::tui::screens::Screen;
use roast::tui::{App, AppConfig};

fn follower(data: &Path, clock: &FakeClock) -> App {
    App::following(
        AppConfig {
            data: DataDir::new(data),
            agenda_file: None,
            minutes: 45,
            clock: Arc::new(clock.clone()),
            theme: None,
            no_color: false,
        },
        DataDir::new(data).series_folder("payments-api"),
    )
    .expect("the watcher starts")
}

/// Hands the follower what its watcher found until `done` holds (or a few seconds pass).
fn wait_until(app: &mut App, done: impl Fn(&App) -> bool) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        app.deliver_queued();
        if done(app) {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("the follower never got there:\n{}", render(app, 100, 30));
}

fn showing(app: &App, text: &str) -> bool {
    render(app, 100, 30).contains(text)
}

/// The scribe, in the editor of a session whose timer runs, with one note saved.
fn scribe_with_a_note(data: &Path, clock: &FakeClock) -> App {
    let mut scribe = app_at(data, clock);
    start_live(&mut scribe);
    press(&mut scribe, ctrl('t'));
    type_text(&mut scribe, "Deploys restart every pod at once");
    press(&mut scribe, key(KeyCode::Enter));
    assert!(scribe.ctx.saver.flush());
    scribe
}

/// Every file under `dir` with its bytes.
fn files_under(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else {
                out.insert(path.clone(), std::fs::read(&path).unwrap_or_default());
            }
        }
    }
    out
}

#[test]
fn the_follower_shows_the_scribes_session_and_each_new_note() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut scribe = scribe_with_a_note(dir.path(), &clock);
    let mut wall = follower(dir.path(), &clock);
    wait_until(&mut wall, |a| {
        showing(a, "Deploys restart every pod at once")
    });
    let screen = render(&wall, 100, 30);
    assert!(screen.contains("Following"), "{screen}");
    assert!(screen.contains("Payments API"), "{screen}");
    assert!(screen.contains("read-only"), "{screen}");
    assert!(
        !screen.contains("Type a note"),
        "no editor when following:\n{screen}"
    );

    type_text(&mut scribe, "Stagger the restarts");
    press(&mut scribe, key(KeyCode::Enter));
    assert!(scribe.ctx.saver.flush());
    wait_until(&mut wall, |a| showing(a, "Stagger the restarts"));

    // The meeting ends: the follower waits for the next one.
    end_session(&mut scribe);
    press(&mut scribe, ctrl('s'));
    assert!(scribe.ctx.saver.flush());
    wait_until(&mut wall, |a| matches!(a.screen, Screen::Waiting(_)));
    assert!(showing(&wall, "follows the next session"));
}

#[test]
fn following_offers_no_text_field_and_no_key_that_writes() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let scribe = scribe_with_a_note(dir.path(), &clock);
    drop(scribe);
    let mut wall = follower(dir.path(), &clock);
    wait_until(&mut wall, |a| matches!(a.screen, Screen::Live(_)));

    let focus = wall.key_focus();
    assert!(
        !focus.takes_text(),
        "a text field has the keyboard: {:?}",
        focus.stack
    );
    // What the help bar and F1 offer while following: looking, never changing.
    let reading = [
        Action::Quit,
        Action::ToggleHelp,
        Action::ShowGuidelines,
        Action::CycleTheme,
        Action::DismissWarning,
    ];
    let offered = wall.ctx.keymap.help_for(&focus);
    assert!(!offered.is_empty());
    for binding in offered {
        assert!(
            reading.contains(&binding.action),
            "{:?} ({}) is offered while following",
            binding.action,
            binding.help
        );
    }
}

#[test]
fn no_key_pressed_while_following_writes_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let scribe = scribe_with_a_note(dir.path(), &clock);
    drop(scribe);
    let before = files_under(dir.path());
    let mut wall = follower(dir.path(), &clock);
    wait_until(&mut wall, |a| matches!(a.screen, Screen::Live(_)));

    // Every key any screen binds, every letter and digit, with and without Ctrl: none of
    // it may reach the disk (Quit last, so the rest is pressed in follow mode).
    let mut presses: Vec<KeyEvent> = Vec::new();
    for binding in wall.ctx.keymap.bindings() {
        for chord in &binding.chords {
            presses.push(KeyEvent::new(chord.code, chord.mods));
        }
    }
    for c in ('a'..='z').chain('0'..='9') {
        presses.push(key(KeyCode::Char(c)));
        presses.push(ctrl(c));
    }
    let quits = |e: &KeyEvent| {
        e.modifiers.contains(KeyModifiers::CONTROL) && matches!(e.code, KeyCode::Char('q' | 'c'))
            || e.code == KeyCode::Char('q') && e.modifiers.is_empty()
    };
    for event in presses.iter().filter(|e| !quits(e)) {
        press(&mut wall, *event);
        roast::tui::update(&mut wall, Action::Paste("pasted text".into()));
        roast::tui::update(&mut wall, Action::Tick);
        assert!(!wall.quit, "{event:?} ended follow");
        assert!(
            matches!(wall.screen, Screen::Live(_)),
            "{event:?} left the follow view"
        );
    }
    press(&mut wall, key(KeyCode::Char('q')));
    assert!(wall.quit);
    assert!(wall.ctx.saver.flush());
    let status = wall.ctx.saver.status();
    assert_eq!((status.written, status.pending), (0, 0));
    drop(wall);
    assert_eq!(files_under(dir.path()), before, "following changed a file");
}

/// A terminal whose bell cannot be written (a closed pipe, a full pty buffer).
struct BrokenBell(Arc<AtomicUsize>);

impl Write for BrokenBell {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        self.0.fetch_add(1, Ordering::SeqCst);
        Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe))
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe))
    }
}

#[test]
fn a_bell_that_cannot_be_written_does_not_end_follow() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    drop(scribe_with_a_note(dir.path(), &clock));
    let mut wall = follower(dir.path(), &clock);
    wait_until(&mut wall, |a| matches!(a.screen, Screen::Live(_)));
    assert_eq!(wall.focus(), KeyContext::Follow);

    let rung = Arc::new(AtomicUsize::new(0));
    let mut bell = BrokenBell(Arc::clone(&rung));
    let outbox = wall.ctx.inbox.outbox();
    let stop = AtomicBool::new(false);
    // Five minutes left comes while the loop runs; once the bell has been tried, a key
    // press must still be handled by the same loop.
    let driver = {
        let clock = clock.clone();
        let rung = Arc::clone(&rung);
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            clock.advance_secs(41 * 60);
            let start = Instant::now();
            while rung.load(Ordering::SeqCst) == 0 && start.elapsed() < Duration::from_secs(10) {
                std::thread::sleep(Duration::from_millis(20));
            }
            std::thread::sleep(Duration::from_millis(300));
            outbox.send_event(Event::Key(key(KeyCode::Char('?'))));
            std::thread::sleep(Duration::from_millis(300));
            outbox.send_event(Event::Key(ctrl('q')));
        })
    };
    let mut terminal = Display::new(Terminal::new(TestBackend::new(100, 30)).unwrap()).unwrap();
    let result = event_loop(
        Io {
            terminal: &mut terminal,
            bell: &mut bell,
            alive: &|| true,
            stop: &stop,
        },
        &mut wall,
    );
    driver.join().unwrap();
    assert!(result.is_ok(), "{result:?}");
    assert!(rung.load(Ordering::SeqCst) > 0, "the bell was never rung");
    assert!(
        wall.overlay.is_some(),
        "a key after the failed bell was still handled"
    );
    assert!(wall.quit, "follow ended by Ctrl+Q, not by the bell");
}
