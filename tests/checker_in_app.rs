//! The phrasing checker inside the app: live beside the editor for questions, one key to
//! take a rewrite, marks in the notes, the coaching count at closing, and the
//! moderator's "check a question" box.

mod common;

use common::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use roast::clock::FakeClock;
use roast::model::NoteKind;
use roast::tui::App;
use roast::tui::screens::Screen;

fn live_question(dir: &std::path::Path, clock: &FakeClock) -> App {
    let mut app = app_at(dir, clock);
    start_live(&mut app);
    // note → learning → opportunity → off-shoot → question
    for _ in 0..4 {
        press(&mut app, key(KeyCode::Tab));
    }
    app
}

fn alt(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT)
}

fn live(app: &App) -> &roast::tui::screens::live::LiveState {
    match &app.screen {
        Screen::Live(l) => l,
        _ => panic!("not live"),
    }
}

#[test]
fn a_why_question_is_caught_as_it_is_typed_and_one_key_rephrases_it() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = live_question(dir.path(), &clock);
    assert_eq!(live(&app).kind, NoteKind::Question);
    type_text(&mut app, "Why don't you just add a cache?");
    let verdict = live(&app).verdict.clone().expect("checked while typing");
    assert!(verdict.is_flagged());
    let screen = render(&app, 120, 36);
    assert!(screen.contains("Alt+1"), "{screen}");
    assert!(screen.contains(&verdict.suggestions[0]), "{screen}");

    press(&mut app, alt('1'));
    assert_eq!(live(&app).editor_text(), verdict.suggestions[0]);
    assert!(!live(&app).verdict.as_ref().unwrap().is_flagged());
    press(&mut app, key(KeyCode::Enter));

    type_text(&mut app, "Why is the build so slow?");
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "How are alerts routed?");
    press(&mut app, key(KeyCode::Enter));

    let notes = &live(&app).session.notes;
    let marks: Vec<(bool, bool)> = notes.iter().map(|n| (n.flagged, n.rephrased)).collect();
    assert_eq!(marks, vec![(true, true), (true, false), (false, false)]);
    let screen = render(&app, 120, 36);
    assert!(screen.contains("✔ rephrased"), "{screen}");
    assert!(screen.contains("✘ why-question"), "{screen}");

    end_session(&mut app);
    let screen = render(&app, 160, 45);
    assert!(
        screen.contains("questions: 3 noted · 2 caught by the checker · 1 rephrased"),
        "{screen}"
    );
}

#[test]
fn notes_of_other_kinds_are_not_checked() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = live_question(dir.path(), &clock);
    press(&mut app, key(KeyCode::Tab)); // back round to a plain note
    type_text(
        &mut app,
        "Why did you pick Kafka was asked; the answer was cost",
    );
    assert_eq!(live(&app).verdict, None);
    press(&mut app, key(KeyCode::Enter));
    assert!(!live(&app).session.notes[0].flagged);
}

#[test]
fn the_moderator_checks_a_question_on_the_projector() {
    // A folder relative to the crate: its path is drawn, and the snapshot must be stable.
    let dir = std::path::PathBuf::from("target/snapshot-data/question-check");
    let _ = std::fs::remove_dir_all(&dir);
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(&dir, &clock);
    press(&mut app, key(KeyCode::F(5)));
    type_text(&mut app, "Who thought a single region was enough?");
    let verdict = app.question_verdict.clone().expect("checked");
    assert!(verdict.is_flagged());
    let screen = render(&app, 100, 30);
    assert!(screen.contains("Check a question"), "{screen}");
    assert!(screen.contains(&verdict.suggestions[0]), "{screen}");
    insta::assert_snapshot!("question_check_100x30", screen);
    press(&mut app, key(KeyCode::Esc));
    assert!(app.overlay.is_none());
}

#[test]
fn a_verdict_comes_in_on_a_tick_after_the_keystrokes_that_asked_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = live_question(dir.path(), &clock);
    // Keys straight through `update`, as the runtime hands them over: none of them
    // waits for the checker.
    for c in "Why is the cache cold?".chars() {
        let action = roast::tui::app::action_for_key(&app, &key(KeyCode::Char(c))).unwrap();
        roast::tui::update(&mut app, action);
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while app.verdict_pending() {
        assert!(std::time::Instant::now() < deadline, "no verdict came");
        std::thread::sleep(std::time::Duration::from_millis(1));
        roast::tui::update(&mut app, roast::tui::action::Action::Tick);
    }
    let verdict = live(&app)
        .verdict
        .clone()
        .expect("the verdict came in on a tick");
    assert!(verdict.is_flagged());
    assert_eq!(
        verdict,
        roast::phrasing::Checker::current().check("Why is the cache cold?")
    );
}
