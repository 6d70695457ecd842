//! Clicks and the wheel, aimed at where things are actually drawn.

mod common;

use common::*;
use ratatui::crossterm::event::{KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use roast::clock::FakeClock;
use roast::tui::App;
use roast::tui::keymap::KeyContext;
use roast::tui::mouse::action_for_mouse;
use roast::tui::screens::Screen;
use roast::tui::screens::live::Focus;

const W: u16 = 100;
const H: u16 = 30;

fn mouse(app: &mut App, kind: MouseEventKind, column: u16, row: u16) {
    let event = MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    if let Some(action) = action_for_mouse(app, &event, Rect::new(0, 0, W, H)) {
        act(app, action);
    }
}

fn click(app: &mut App, column: u16, row: u16) {
    mouse(app, MouseEventKind::Down(MouseButton::Left), column, row);
}

/// Where `text` is drawn on screen (column, row).
fn find(app: &App, text: &str) -> (u16, u16) {
    let screen = render(app, W, H);
    for (row, line) in screen.lines().enumerate() {
        if let Some(byte) = line.find(text) {
            let column = line[..byte].chars().count();
            return (u16::try_from(column).unwrap(), u16::try_from(row).unwrap());
        }
    }
    panic!("{text:?} is not on screen:\n{screen}");
}

#[test]
fn click_a_series_to_select_and_again_to_open() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    {
        let mut app = app_at(&dir.path().join("a"), &clock);
        create_series(&mut app);
    }
    let mut app = app_at(&dir.path().join("a"), &clock);
    let (x, y) = find(&app, "Payments API");
    click(&mut app, x, y);
    assert!(
        matches!(app.screen, Screen::Setup(_)),
        "already selected: opens"
    );
}

#[test]
fn click_a_topic_then_the_start_button_in_the_help_bar() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    create_series(&mut app);
    let (x, y) = find(&app, "Capacity planning");
    click(&mut app, x, y);
    let Screen::Setup(setup) = &app.screen else {
        panic!()
    };
    assert_eq!(setup.choices[setup.selected].title, "Capacity planning");
    let (x, y) = find(&app, "Bo");
    click(&mut app, x, y);
    let Screen::Setup(setup) = &app.screen else {
        panic!()
    };
    assert!(!setup.attendees[1].2, "a click on a person marks them away");
    let (x, y) = find(&app, " start ");
    click(&mut app, x, y);
    let Screen::Live(live) = &app.screen else {
        panic!("the help bar's start button starts the session")
    };
    assert_eq!(live.topic_title, "Capacity planning");
}

#[test]
fn click_a_note_to_select_it_and_the_wheel_scrolls_without_stealing_the_editor() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    start_live(&mut app);
    for i in 0..12 {
        type_text(&mut app, &format!("note number {i}"));
        press(&mut app, key(KeyCode::Enter));
    }
    let (x, y) = find(&app, "note number 11");
    mouse(&mut app, MouseEventKind::ScrollUp, x, y);
    mouse(&mut app, MouseEventKind::ScrollUp, x, y);
    assert_eq!(
        app.focus(),
        KeyContext::LiveEditor,
        "typing still goes to the editor"
    );
    let Screen::Live(live) = &app.screen else {
        panic!()
    };
    assert_eq!(live.scroll_back, 2);
    type_text(&mut app, "x");
    let Screen::Live(live) = &app.screen else {
        panic!()
    };
    assert_eq!(live.scroll_back, 0, "typing brings the newest note back");

    let (x, y) = find(&app, "note number 9");
    click(&mut app, x, y);
    let Screen::Live(live) = &app.screen else {
        panic!()
    };
    assert_eq!(live.focus, Focus::Notes);
    let selected = roast::tui::screens::live::ordered_notes(&live.session)[live.selected];
    assert_eq!(selected.text, "note number 9");
}
