//! The readline/emacs editing keys a scribe presses by habit (Ctrl+A, Ctrl+E, Ctrl+K,
//! Ctrl+U, Ctrl+B, Ctrl+F; Ctrl+P and Ctrl+N in fields of several lines) edit the text in
//! every text field of the app, and never end the meeting or open a box on the wall. The
//! moderator's actions that used to sit on them are on function keys.

mod common;

use common::*;
use ratatui::crossterm::event::KeyCode;
use roast::clock::FakeClock;
use roast::storage::DataDir;
use roast::tui::App;
use roast::tui::action::Action;
use roast::tui::app::Overlay;
use roast::tui::screens::Screen;
use roast::tui::widgets::text_field::text;

/// One text field of the app: how to get there, and how to read it.
struct Field {
    name: &'static str,
    multi_line: bool,
    open: fn(&mut App),
    read: fn(&App) -> String,
}

fn fields() -> Vec<Field> {
    vec![
        Field {
            name: "new series: the service",
            multi_line: false,
            open: |app| press(app, key(KeyCode::Char('n'))),
            read: |app| match &app.screen {
                Screen::NewSeries(s) => text(&s.service),
                _ => panic!("left the new-series form"),
            },
        },
        Field {
            name: "new series: a participant",
            multi_line: false,
            open: |app| {
                press(app, key(KeyCode::Char('n')));
                type_text(app, "Svc");
                press(app, key(KeyCode::Tab));
                press(app, key(KeyCode::Tab));
            },
            read: |app| match &app.screen {
                Screen::NewSeries(s) => text(&s.participant),
                _ => panic!("left the new-series form"),
            },
        },
        Field {
            name: "session setup: someone joins",
            multi_line: false,
            open: |app| {
                create_series(app);
                press(app, key(KeyCode::Tab));
                press(app, key(KeyCode::Char('a')));
            },
            read: |app| match &app.screen {
                Screen::Setup(s) => text(&s.adding.as_ref().expect("adding someone").0),
                _ => panic!("left session setup"),
            },
        },
        Field {
            name: "session setup: renaming the series",
            multi_line: false,
            open: |app| {
                create_series(app);
                press(app, key(KeyCode::Char('e')));
            },
            read: |app| match &app.screen {
                Screen::Setup(s) => text(s.renaming.as_ref().expect("renaming")),
                _ => panic!("left session setup"),
            },
        },
        Field {
            name: "live session: the scribe's editor",
            multi_line: true,
            open: start_live,
            read: |app| match &app.screen {
                Screen::Live(l) => l.editor_text(),
                _ => panic!("left the live session"),
            },
        },
        Field {
            name: "check a question",
            multi_line: false,
            open: |app| press(app, key(KeyCode::F(5))),
            read: |app| {
                assert_eq!(app.overlay, Some(Overlay::QuestionCheck), "the box closed");
                text(&app.question_box)
            },
        },
        Field {
            name: "closing: why it was called off",
            multi_line: false,
            open: |app| {
                start_live(app);
                end_session(app);
                press(app, key(KeyCode::Right));
                press(app, key(KeyCode::Tab));
            },
            read: |app| match &app.screen {
                Screen::Closing(c) => text(&c.reason),
                _ => panic!("left the closing screen"),
            },
        },
        Field {
            name: "closing: the summary",
            multi_line: true,
            open: |app| {
                start_live(app);
                end_session(app);
                press(app, key(KeyCode::Tab));
                press(app, key(KeyCode::Tab));
            },
            read: |app| match &app.screen {
                Screen::Closing(c) => text(&c.summary),
                _ => panic!("left the closing screen"),
            },
        },
        Field {
            name: "prioritisation: an owner",
            multi_line: false,
            open: |app| {
                let fixture = common::fixtures::showcase();
                fixture
                    .write_to(&app.ctx.data.series_folder(&fixture.series.id))
                    .unwrap();
                app.go(roast::tui::screens::Nav::SeriesList);
                app.settle();
                press(app, key(KeyCode::Char('p')));
                press(app, key(KeyCode::Char('o')));
            },
            read: |app| match &app.screen {
                Screen::Prioritise(p) => text(&p.editing.as_ref().expect("editing").1),
                _ => panic!("left the prioritisation screen"),
            },
        },
    ]
}

fn in_field(field: &Field) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    (field.open)(&mut app);
    (dir, app)
}

fn times(app: &mut App, event: ratatui::crossterm::event::KeyEvent, n: usize) {
    for _ in 0..n {
        press(app, event);
    }
}

/// Nothing but the text changed: no prompt, no box, same screen.
fn still_typing(app: &App, field: &Field) {
    let screen = render(app, 120, 40);
    assert!(
        !screen.contains("End the meeting now?"),
        "{}: a habit key asked to end the meeting",
        field.name
    );
    if field.name != "check a question" {
        assert_eq!(app.overlay, None, "{}: a box opened", field.name);
    }
    let _ = (field.read)(app);
}

#[test]
fn line_start_end_and_character_moves_edit_every_text_field() {
    for field in fields() {
        let (_dir, mut app) = in_field(&field);
        // Whatever the field opened with goes: Ctrl+U deletes to the start of the line.
        press(&mut app, key(KeyCode::End));
        press(&mut app, ctrl('u'));
        assert_eq!((field.read)(&app), "", "{}: Ctrl+U", field.name);
        type_text(&mut app, "world");
        press(&mut app, ctrl('a'));
        type_text(&mut app, "hello ");
        press(&mut app, ctrl('e'));
        type_text(&mut app, "!");
        assert_eq!(
            (field.read)(&app),
            "hello world!",
            "{}: Ctrl+A, Ctrl+E",
            field.name
        );
        times(&mut app, ctrl('b'), 2);
        type_text(&mut app, "_");
        press(&mut app, ctrl('a'));
        times(&mut app, ctrl('f'), 5);
        type_text(&mut app, ",");
        assert_eq!(
            (field.read)(&app),
            "hello, worl_d!",
            "{}: Ctrl+B, Ctrl+F",
            field.name
        );
        still_typing(&app, &field);
    }
}

#[test]
fn ctrl_k_and_ctrl_u_delete_to_the_end_and_the_start_of_the_line_in_every_text_field() {
    for field in fields() {
        let (_dir, mut app) = in_field(&field);
        press(&mut app, key(KeyCode::End));
        press(&mut app, ctrl('u'));
        type_text(&mut app, "keep this, drop that");
        times(&mut app, key(KeyCode::Left), 11);
        press(&mut app, ctrl('k'));
        assert_eq!((field.read)(&app), "keep this", "{}: Ctrl+K", field.name);
        times(&mut app, key(KeyCode::Left), 4);
        press(&mut app, ctrl('u'));
        assert_eq!((field.read)(&app), "this", "{}: Ctrl+U", field.name);
        still_typing(&app, &field);
    }
}

#[test]
fn ctrl_p_and_ctrl_n_move_between_lines_in_fields_of_several_lines() {
    for field in fields().into_iter().filter(|f| f.multi_line) {
        let (_dir, mut app) = in_field(&field);
        type_text(&mut app, "one");
        act(&mut app, Action::Paste("\ntwo".into()));
        press(&mut app, ctrl('p'));
        press(&mut app, ctrl('e'));
        type_text(&mut app, "1");
        press(&mut app, ctrl('n'));
        press(&mut app, ctrl('a'));
        type_text(&mut app, "2");
        assert_eq!(
            (field.read)(&app),
            "one1\n2two",
            "{}: Ctrl+P, Ctrl+N",
            field.name
        );
        still_typing(&app, &field);
    }
}

#[test]
fn the_moderators_actions_moved_to_function_keys_work_and_the_help_shows_them() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    start_live(&mut app);
    let bar = render(&app, 200, 30);
    assert!(
        bar.contains("F6  +5 min") && bar.contains("F8  end"),
        "the bar shows the keys in force: {bar}"
    );
    assert!(!bar.contains("^E") && !bar.contains("^P"), "{bar}");
    press(&mut app, key(KeyCode::F(1)));
    let help = render(&app, 200, 60);
    for line in [
        "F5",
        "check a question",
        "Ctrl+K",
        "delete to end of line",
        "Ctrl+E",
        "end of line",
    ] {
        assert!(help.contains(line), "F1 lists {line:?}: {help}");
    }
    press(&mut app, key(KeyCode::Esc));
    let planned = |app: &App| match &app.screen {
        Screen::Live(l) => l.session.timer.total_secs(),
        _ => panic!("live"),
    };
    let before = planned(&app);
    press(&mut app, key(KeyCode::F(6)));
    assert_eq!(planned(&app), before + 5 * 60, "F6 adds five minutes");
    press(&mut app, key(KeyCode::F(5)));
    assert_eq!(
        app.overlay,
        Some(Overlay::QuestionCheck),
        "F5 opens the box"
    );
    press(&mut app, key(KeyCode::F(5)));
    assert_eq!(app.overlay, None, "and closes it");
    press(&mut app, key(KeyCode::F(8)));
    assert!(render(&app, 120, 40).contains("End the meeting now?"));
    press(&mut app, key(KeyCode::Char('y')));
    assert!(matches!(app.screen, Screen::Closing(_)));
}

#[test]
fn keys_ron_can_still_put_ending_the_meeting_on_ctrl_e_and_the_help_bar_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("keys.ron"),
        "{ \"LiveEditor\": { \"EndSession\": [\"Ctrl+E\"] } }\n",
    )
    .unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    start_live(&mut app);
    let bar = render(&app, 200, 30);
    assert!(bar.contains("^E  end"), "{bar}");
    press(&mut app, ctrl('e'));
    assert!(render(&app, 120, 40).contains("End the meeting now?"));
    press(&mut app, key(KeyCode::Char('y')));
    assert!(matches!(app.screen, Screen::Closing(_)));
    let _ = DataDir::new(dir.path());
}
