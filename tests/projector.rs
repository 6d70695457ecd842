//! What the room sees and hears: the bell and flash at five minutes and at zero, and the
//! theme the moderator picks being remembered.

mod common;

use common::*;
use ratatui::crossterm::event::KeyCode;
use roast::clock::FakeClock;
use roast::settings::{self, ThemeName};
use roast::tui::action::Action;
use roast::tui::screens::Screen;

fn running_session(data: &std::path::Path, clock: &FakeClock) -> roast::tui::App {
    let mut app = app_at(data, clock);
    start_live(&mut app);
    press(&mut app, ctrl('t'));
    act(&mut app, Action::Tick);
    app
}

fn flashing(app: &roast::tui::App) -> bool {
    let Screen::Live(live) = &app.screen else {
        panic!("not live")
    };
    live.flash_until_ms > app.ctx.now_ms()
}

#[test]
fn the_bell_rings_once_at_five_minutes_left_and_once_at_zero() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = running_session(dir.path(), &clock);
    clock.advance_secs(39 * 60 + 59);
    act(&mut app, Action::Tick);
    assert!(!app.ctx.bell_pending);
    clock.advance_secs(1);
    act(&mut app, Action::Tick);
    assert!(app.ctx.bell_pending, "five minutes left");
    assert!(flashing(&app));
    app.ctx.bell_pending = false;
    clock.advance_secs(10);
    act(&mut app, Action::Tick);
    assert!(!app.ctx.bell_pending, "rings once, not every tick");
    clock.advance_secs(5 * 60);
    act(&mut app, Action::Tick);
    assert!(app.ctx.bell_pending, "time is up");
    clock.advance_secs(4);
    assert!(!flashing(&app), "the flash stops after a few seconds");
}

#[test]
fn the_bell_can_be_turned_off_and_that_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = running_session(dir.path(), &clock);
    press(&mut app, key(KeyCode::F(3)));
    clock.advance_secs(41 * 60);
    act(&mut app, Action::Tick);
    assert!(!app.ctx.bell_pending);
    assert!(!flashing(&app));
    assert!(!settings::load(dir.path()).0.bell);
}

#[test]
fn the_theme_chosen_in_the_app_is_remembered_but_the_flag_wins_for_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    assert_eq!(app.ctx.theme.name, ThemeName::Projector);
    press(&mut app, key(KeyCode::F(2)));
    assert_eq!(app.ctx.theme.name, ThemeName::Dark);
    drop(app);
    let app = app_at(dir.path(), &clock);
    assert_eq!(app.ctx.theme.name, ThemeName::Dark, "remembered");
    let app = app_themed(dir.path(), &clock, Some(ThemeName::Light));
    assert_eq!(app.ctx.theme.name, ThemeName::Light, "--theme for this run");
    assert_eq!(settings::load(dir.path()).0.theme, ThemeName::Dark);
}

#[test]
fn no_color_draws_without_any_colour() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = roast::tui::App::new(roast::tui::AppConfig {
        data: roast::storage::DataDir::new(dir.path()),
        agenda_file: None,
        minutes: 45,
        clock: std::sync::Arc::new(clock.clone()),
        theme: None,
        no_color: true,
    });
    start_live(&mut app);
    let buf = buffer(&app, 80, 24);
    for cell in buf.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset, "{cell:?}");
        assert_eq!(cell.bg, ratatui::style::Color::Reset, "{cell:?}");
    }
}
