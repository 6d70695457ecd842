//! The one event loop, run on a test terminal: what it does with input around a signal.

mod common;

use std::sync::atomic::AtomicBool;

use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode};
use roast::clock::FakeClock;
use roast::tui::display::Display;
use roast::tui::runtime::{Io, event_loop};
use roast::tui::screens::Screen;

#[test]
fn keys_typed_just_before_a_signal_are_taken_in_before_saving() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    start_live(&mut app);
    // The terminal has delivered the keys; the signal lands before the loop saw them.
    let outbox = app.ctx.inbox.outbox();
    for c in "last words".chars() {
        outbox.send_event(Event::Key(key(KeyCode::Char(c))));
    }
    let stop = AtomicBool::new(true);
    let mut terminal = Display::new(Terminal::new(TestBackend::new(100, 30)).unwrap()).unwrap();
    event_loop(
        Io {
            terminal: &mut terminal,
            bell: &mut std::io::sink(),
            alive: &|| true,
            stop: &stop,
        },
        &mut app,
    )
    .unwrap();
    let Screen::Live(live) = &app.screen else {
        panic!("still in the session");
    };
    assert_eq!(live.editor_text(), "last words");
    // …and saving then keeps them, as the draft.
    assert!(app.save_all());
    let files = std::fs::read_dir(dir.path().join("series/payments-api/sessions"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect::<String>();
    assert!(files.contains("last words"), "{files}");
}
