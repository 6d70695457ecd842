//! Alt+letter typed fast in a text field. Many terminals send Alt+x as ESC then x; when a
//! read splits the two, crossterm hands over an Esc and then the letter. The app must not
//! take that Esc as leaving the field, nor lose the letter.

mod common;

use std::collections::VecDeque;
use std::time::Duration;

use common::tmux::Tmux;
use common::*;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use roast::clock::FakeClock;
use roast::tui::App;
use roast::tui::inbox::Incoming;
use roast::tui::screens::Screen;

/// The events crossterm produces for ESC and a letter read apart, each with whether it
/// was already waiting when the one before was read (typed fast), fed through the input
/// thread's pump into the app.
fn feed(app: &mut App, script: &[(Event, bool)]) {
    let mut events: VecDeque<(Event, bool)> = script.iter().cloned().collect();
    let queue = std::cell::RefCell::new(&mut events);
    let mut out = Vec::new();
    let _ = roast::tui::input::pump(
        || {
            queue
                .borrow_mut()
                .pop_front()
                .map(|(e, _)| e)
                .ok_or_else(|| std::io::Error::other("end of script"))
        },
        |_| Ok(queue.borrow().front().is_some_and(|(_, ready)| *ready)),
        |i| {
            out.push(i);
            true
        },
    );
    for incoming in out {
        match incoming {
            Incoming::Event(Event::Key(k)) => press(app, k),
            Incoming::EscThen(k) => roast::tui::runtime::esc_then(app, k),
            _ => panic!("the input thread sends keys here"),
        }
    }
}

fn esc_then(c: char) -> [(Event, bool); 2] {
    [
        (Event::Key(KeyEvent::from(KeyCode::Esc)), false),
        (
            Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
            true,
        ),
    ]
}

fn editor(app: &App) -> String {
    match &app.screen {
        Screen::Live(l) => {
            assert!(
                app.key_focus()
                    .stack
                    .contains(&roast::tui::keymap::KeyContext::LiveEditor),
                "the editor lost the keyboard"
            );
            l.editor_text()
        }
        _ => panic!("left the live session"),
    }
}

/// In the editor, with a note already saved so that Esc would move to the notes.
fn typing_with_a_note() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    start_live(&mut app);
    type_text(&mut app, "first note");
    press(&mut app, key(KeyCode::Enter));
    (dir, app)
}

#[test]
fn alt_b_read_as_esc_then_b_moves_a_word_back_and_stays_in_the_editor() {
    let (_dir, mut app) = typing_with_a_note();
    type_text(&mut app, "hello world");
    feed(&mut app, &esc_then('b'));
    type_text(&mut app, "big ");
    assert_eq!(editor(&app), "hello big world");
}

#[test]
fn alt_and_a_letter_with_no_binding_read_apart_types_the_letter() {
    let (_dir, mut app) = typing_with_a_note();
    type_text(&mut app, "ca");
    feed(&mut app, &esc_then('t'));
    type_text(&mut app, "s");
    assert_eq!(editor(&app), "cats");
}

#[test]
fn esc_from_the_notes_list_and_a_letter_typed_at_once_are_both_kept() {
    let (_dir, mut app) = typing_with_a_note();
    press(&mut app, key(KeyCode::Esc));
    assert!(
        app.key_focus()
            .stack
            .contains(&roast::tui::keymap::KeyContext::LiveNotes)
    );
    feed(&mut app, &esc_then('h'));
    type_text(&mut app, "ello");
    assert_eq!(
        editor(&app),
        "hello",
        "back to typing, the first letter kept"
    );
}

#[test]
fn an_esc_pressed_on_its_own_still_leaves_the_editor() {
    let (_dir, mut app) = typing_with_a_note();
    feed(
        &mut app,
        &[
            (Event::Key(KeyEvent::from(KeyCode::Esc)), false),
            (
                Event::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE)),
                false,
            ),
        ],
    );
    assert!(
        app.key_focus()
            .stack
            .contains(&roast::tui::keymap::KeyContext::LiveNotes),
        "Esc moved to the notes"
    );
}

/// The built binary in tmux: ESC and the letter written to the terminal separately, a
/// few milliseconds apart, as a terminal or tmux passing keys on does.
#[test]
fn in_a_real_terminal_esc_and_a_letter_written_apart_are_alt_and_the_letter() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let Some(t) = Tmux::start("altkeys", &Tmux::roast("", &data), 100, 30) else {
        return;
    };
    t.wait_for("No series yet");
    t.keys(&["n"]);
    t.wait_for("Service");
    t.type_text("Payments API");
    t.keys(&["Tab", "Tab"]);
    t.type_text("Ana");
    t.keys(&["Enter", "C-s"]);
    t.wait_for("Topic for this session");
    t.keys(&["Enter"]);
    t.wait_for("ground rules");
    t.keys(&["Escape"]);
    t.wait_for("Notes so far");
    t.type_text("first note");
    t.keys(&["Enter"]);
    t.wait_for("Notes so far (1)");
    t.type_text("hello world");
    t.wait_for("hello world");
    // Two writes to the pane, 5 ms apart (tmux's own timer, no process started, so the
    // gap stays short on a loaded machine): the app reads them apart.
    t.tmux(&[
        "send-keys",
        "-t",
        "altkeys",
        "Escape",
        ";",
        "run-shell",
        "-d",
        "0.005",
        ";",
        "send-keys",
        "-t",
        "altkeys",
        "b",
    ]);
    t.type_text("big ");
    t.wait_for_within("hello big world", Duration::from_secs(5));
    t.keys(&["End"]);
    t.tmux(&[
        "send-keys",
        "-t",
        "altkeys",
        "Escape",
        ";",
        "run-shell",
        "-d",
        "0.005",
        ";",
        "send-keys",
        "-t",
        "altkeys",
        "x",
    ]);
    t.wait_for_within("hello big worldx", Duration::from_secs(5));
    t.keys(&["C-q"]);
    t.wait_until_dead();
}
