//! Snapshots of every screen at a laptop size (80x24) and a projector size (160x45).
//! Data folders are relative to the crate so the paths drawn are the same on every machine.

mod common;

use common::*;
use ratatui::crossterm::event::KeyCode;
use roast::clock::FakeClock;
use roast::tui::App;

fn fresh_dir(name: &str) -> std::path::PathBuf {
    let dir = std::path::PathBuf::from("target/snapshot-data").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn snapshot_both(name: &str, app: &App) {
    insta::assert_snapshot!(format!("{name}_80x24"), render(app, 80, 24));
    insta::assert_snapshot!(format!("{name}_160x45"), render(app, 160, 45));
}

/// A live session ten minutes in, with a note of every kind.
fn live_app(name: &str, clock: &FakeClock) -> App {
    let mut app = app_at(&fresh_dir(name), clock);
    create_series(&mut app);
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, ctrl('t'));
    let notes = [
        "The edge proxy terminates TLS and routes by path",
        "Deploys restart every pod at once, so caches go cold",
        "Stagger restarts and pre-warm the cache",
        "How DNS failover is tested",
        "What happens to in-flight requests during a deploy?",
    ];
    for text in notes {
        clock.advance_secs(120);
        type_text(&mut app, text);
        press(&mut app, key(KeyCode::Enter));
        press(&mut app, key(KeyCode::Tab));
    }
    type_text(&mut app, "Retries are unbounded in the");
    app
}

#[test]
fn series_list_empty() {
    let clock = FakeClock::at(START_MS);
    let app = app_at(&fresh_dir("empty"), &clock);
    snapshot_both("series_list_empty", &app);
}

#[test]
fn series_list_with_a_series() {
    let clock = FakeClock::at(START_MS);
    let dir = fresh_dir("listed");
    {
        let mut app = app_at(&dir, &clock);
        create_series(&mut app);
        press(&mut app, key(KeyCode::Esc));
    }
    let app = app_at(&dir, &clock);
    snapshot_both("series_list", &app);
}

#[test]
fn new_series_form() {
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(&fresh_dir("new"), &clock);
    press(&mut app, key(KeyCode::Char('n')));
    type_text(&mut app, "Payments API");
    press(&mut app, key(KeyCode::Tab));
    press(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "Ana");
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "B");
    snapshot_both("new_series", &app);
}

#[test]
fn session_setup() {
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(&fresh_dir("setup"), &clock);
    create_series(&mut app);
    snapshot_both("setup", &app);
}

#[test]
fn guidelines_slide() {
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(&fresh_dir("guidelines"), &clock);
    create_series(&mut app);
    press(&mut app, key(KeyCode::Enter));
    snapshot_both("guidelines", &app);
}

#[test]
fn live_session() {
    let clock = FakeClock::at(START_MS);
    let app = live_app("live", &clock);
    snapshot_both("live", &app);
}

#[test]
fn live_session_in_the_last_five_minutes_and_overtime() {
    let clock = FakeClock::at(START_MS);
    let app = live_app("late", &clock);
    clock.advance_secs(31 * 60);
    insta::assert_snapshot!("live_amber_80x24", render(&app, 80, 24));
    clock.advance_secs(25 * 60);
    insta::assert_snapshot!("live_over_an_hour_160x45", render(&app, 160, 45));
}

#[test]
fn live_notes_focus_and_delete_prompt() {
    let clock = FakeClock::at(START_MS);
    let mut app = live_app("notes", &clock);
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Up));
    snapshot_both("live_notes", &app);
    press(&mut app, key(KeyCode::Char('d')));
    insta::assert_snapshot!("live_delete_80x24", render(&app, 80, 24));
}

#[test]
fn closing() {
    let clock = FakeClock::at(START_MS);
    let mut app = live_app("closing", &clock);
    press(&mut app, ctrl('e'));
    type_text(
        &mut app,
        "The edge proxy is the choke point; deploys cool the cache.",
    );
    snapshot_both("closing", &app);
}

#[test]
fn help_overlay() {
    let clock = FakeClock::at(START_MS);
    let app = live_app("help", &clock);
    let mut app = app;
    press(&mut app, roast_key_f1());
    snapshot_both("help_live", &app);
}

fn roast_key_f1() -> ratatui::crossterm::event::KeyEvent {
    key(KeyCode::F(1))
}
