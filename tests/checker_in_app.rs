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

/// Every session file under `dir`, read.
fn session_files(dir: &std::path::Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.parent().is_some_and(|p| p.ends_with("sessions"))
                && path.extension().is_some_and(|e| e == "ron")
            {
                found.push(std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    found
}

#[test]
fn saving_a_question_never_waits_for_its_verdict_and_its_mark_follows_the_verdict() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = live_question(dir.path(), &clock);
    // A checker that cannot answer until it is let go, as just after start-up
    // while the rules compile.
    let released = Arc::new(AtomicBool::new(false));
    let gate = Arc::clone(&released);
    let slow = roast::phrasing::LiveCheck::with(move |text| {
        while !gate.load(Ordering::SeqCst) {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        roast::phrasing::Checker::current().check(text)
    });
    match &mut app.screen {
        Screen::Live(live) => live.check_with(slow),
        _ => panic!("not live"),
    }
    // Should saving wait, the checker is let go after a while, and the check
    // below that it was not let go yet fails instead of hanging.
    let letting_go = {
        let released = Arc::clone(&released);
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs(3));
            released.store(true, Ordering::SeqCst);
        })
    };
    let question = "Why is the cache cold?";
    for c in question.chars().map(KeyCode::Char).chain([KeyCode::Enter]) {
        let action = roast::tui::app::action_for_key(&app, &key(c)).unwrap();
        roast::tui::update(&mut app, action);
    }
    assert!(
        !released.load(Ordering::SeqCst),
        "Enter waited for the checker"
    );
    let note = &live(&app).session.notes[0];
    assert_eq!(note.text, question);
    assert!(!note.flagged, "no verdict yet, so no mark yet");
    assert!(live(&app).editor_text().is_empty());
    app.ctx.saver.flush();
    assert!(
        session_files(dir.path())
            .iter()
            .any(|file| file.contains(question)),
        "the question is on disk before its verdict"
    );

    released.store(true, Ordering::SeqCst);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while app.verdict_pending() {
        assert!(std::time::Instant::now() < deadline, "no verdict came");
        std::thread::sleep(std::time::Duration::from_millis(1));
        roast::tui::update(&mut app, roast::tui::action::Action::Tick);
    }
    assert!(live(&app).session.notes[0].flagged, "the mark followed");
    app.ctx.saver.flush();
    assert!(
        session_files(dir.path())
            .iter()
            .any(|file| file.contains(question) && file.contains("flagged: true")),
        "the mark is saved too"
    );
    letting_go.join().unwrap();
}
