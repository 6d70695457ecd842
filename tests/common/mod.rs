//! Helpers to drive the app headless, the way the terminal would, with a fake clock.
#![allow(dead_code)]

use std::path::Path;
use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use roast::clock::FakeClock;
use roast::settings::ThemeName;
use roast::storage::DataDir;
use roast::tui::action::Action;
use roast::tui::display::Display;
use roast::tui::{App, AppConfig, update};

/// 2026-11-22 09:00:00 UTC, so dates in files and snapshots are stable.
pub const START_MS: i64 = 1_795_338_000_000;

pub fn app_at(data: &Path, clock: &FakeClock) -> App {
    app_themed(data, clock, None)
}

pub fn app_themed(data: &Path, clock: &FakeClock, theme: Option<ThemeName>) -> App {
    App::new(AppConfig {
        data: DataDir::new(data),
        agenda_file: None,
        minutes: 45,
        clock: Arc::new(clock.clone()),
        theme,
        no_color: false,
    })
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Presses a key as the terminal would deliver it: through the keymap. Then, as the event
/// loop would before the next key, whatever the saver did in the meantime comes back.
pub fn press(app: &mut App, event: KeyEvent) {
    if let Some(action) = roast::tui::app::action_for_key(app, &event) {
        update(app, action);
    }
    app.settle();
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, key(KeyCode::Char(c)));
    }
}

pub fn act(app: &mut App, action: Action) {
    update(app, action);
    app.settle();
}

/// Creates a series "Payments API" with two participants and lands on session setup.
pub fn create_series(app: &mut App) {
    press(app, key(KeyCode::Char('n')));
    type_text(app, "Payments API");
    press(app, key(KeyCode::Tab));
    press(app, key(KeyCode::Tab));
    type_text(app, "Ana");
    press(app, key(KeyCode::Enter));
    press(app, ctrl('r'));
    type_text(app, "Bo");
    press(app, key(KeyCode::Enter));
    press(app, ctrl('s'));
}

/// What a terminal of `width` x `height` shows of the app, drawn as the runtime draws it.
pub fn buffer(app: &App, width: u16, height: u16) -> ratatui::buffer::Buffer {
    let mut display = display(width, height);
    draw(&mut display, app)
}

/// A test terminal of `width` x `height`, drawn on as the runtime draws on the real one.
pub fn display(width: u16, height: u16) -> Display<TestBackend> {
    Display::new(Terminal::new(TestBackend::new(width, height)).unwrap()).unwrap()
}

/// Draws the app's next frame on `display` and returns what the terminal then shows.
pub fn draw(display: &mut Display<TestBackend>, app: &App) -> ratatui::buffer::Buffer {
    display
        .draw(|frame| roast::tui::view::draw(frame, app))
        .unwrap();
    display.backend().buffer().clone()
}

/// The screen as text, one line per row, trailing blanks trimmed.
/// Creates the series, starts a session on the first topic and puts the guidelines away:
/// the scribe is in the editor.
pub fn start_live(app: &mut App) {
    create_series(app);
    press(app, key(KeyCode::Enter));
    press(app, key(KeyCode::Esc));
}

pub fn render(app: &App, width: u16, height: u16) -> String {
    let buffer = buffer(app, width, height);
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        for x in 0..buffer.area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
pub mod fixtures;
pub mod tmux;

/// Ends the meeting the way the scribe does: F8, then yes to the confirmation.
pub fn end_session(app: &mut App) {
    press(app, key(KeyCode::F(8)));
    press(app, key(KeyCode::Char('y')));
}
