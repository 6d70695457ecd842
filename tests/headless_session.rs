//! Drives one whole roast session through the app's actions, headless, and checks that
//! every note is in the RON files, as a later `roast` would read them.

mod common;

use common::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use roast::clock::{Clock, FakeClock};
use roast::model::{NoteKind, Outcome, TopicRef};
use roast::storage::{DataDir, SeriesFolder};
use roast::tui::screens::Screen;

#[test]
fn a_whole_session_ends_up_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    create_series(&mut app);
    assert!(matches!(app.screen, Screen::Setup(_)));

    // Second topic of the agenda; start; the guidelines slide comes up first.
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Enter));
    assert!(matches!(app.screen, Screen::Live(_)));
    assert!(app.overlay.is_some(), "the guidelines open the session");
    press(&mut app, key(KeyCode::Esc));
    assert!(app.overlay.is_none());

    press(&mut app, ctrl('t'));
    clock.advance_secs(90);
    type_text(&mut app, "Requests enter through the edge proxy");
    press(&mut app, key(KeyCode::Enter));
    clock.advance_secs(60);
    press(&mut app, key(KeyCode::Tab)); // learning
    press(&mut app, key(KeyCode::Tab)); // opportunity
    type_text(&mut app, "Cache stampede after every deploy");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Tab)); // off-shoot
    type_text(&mut app, "DNS failover");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::BackTab));
    press(&mut app, key(KeyCode::BackTab));
    press(&mut app, key(KeyCode::BackTab)); // note
    press(&mut app, ctrl('r'));
    type_text(&mut app, "Bo's team is stretched thin");
    press(&mut app, key(KeyCode::Enter));

    // Fix a typo in the first note: Esc to the notes, select it, edit, save.
    press(&mut app, key(KeyCode::Esc));
    for _ in 0..5 {
        press(&mut app, key(KeyCode::Up));
    }
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, " (nginx)");
    press(&mut app, key(KeyCode::Enter));

    // Delete the off-shoot, then think better of deleting the room-only note.
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Down)); // notes: [note, note-room, opportunity, off-shoot]
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Char('d')));
    press(&mut app, key(KeyCode::Char('y')));
    press(&mut app, key(KeyCode::Esc));

    // Something half typed when the meeting ends is kept as a note.
    type_text(&mut app, "Last words");
    clock.advance_secs(45 * 60);
    end_session(&mut app);
    assert!(matches!(app.screen, Screen::Closing(_)));
    type_text(&mut app, "Edge proxy is the choke point.");
    press(&mut app, key(KeyCode::Tab)); // maturity
    type_text(&mut app, "3");
    press(&mut app, ctrl('s'));
    assert!(matches!(app.screen, Screen::SeriesList(_)));
    assert!(app.ctx.saver.flush());

    let folder = DataDir::new(dir.path()).series_folder("payments-api");
    let loaded = folder.load().expect("the series loads back");
    assert_eq!(loaded.series.service, "Payments API");
    assert_eq!(loaded.series.participants.len(), 2);
    assert_eq!(loaded.sessions.len(), 1);
    let session = &loaded.sessions[0];
    assert_eq!(
        session.topic,
        TopicRef::Agenda("architecture-dependencies".into())
    );
    assert_eq!(session.attendees, vec!["Ana", "Bo"]);
    let notes: Vec<(NoteKind, &str, u32, bool)> = session
        .notes
        .iter()
        .map(|n| (n.kind, n.text.as_str(), n.elapsed_secs, n.room_only))
        .collect();
    assert_eq!(
        notes,
        vec![
            (
                NoteKind::Note,
                "Requests enter through the edge proxy (nginx)",
                90,
                false
            ),
            (
                NoteKind::Opportunity,
                "Cache stampede after every deploy",
                150,
                false
            ),
            (NoteKind::Note, "Bo's team is stretched thin", 150, true),
            (NoteKind::Note, "Last words", 45 * 60 + 150, false),
        ]
    );
    assert_eq!(
        session.outcome,
        Some(Outcome::RanOver),
        "the timer was in overtime"
    );
    assert_eq!(session.summary, "Edge proxy is the choke point.");
    assert_eq!(session.maturity, Some(3));
    assert_eq!(session.draft, None);
    assert!(
        !session.timer.is_running(),
        "a closed session's timer is stopped"
    );
}

#[test]
fn a_draft_survives_the_app_going_away_and_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    {
        let mut app = app_at(dir.path(), &clock);
        create_series(&mut app);
        press(&mut app, key(KeyCode::Enter));
        press(&mut app, key(KeyCode::Esc));
        press(&mut app, ctrl('t'));
        clock.advance_secs(120);
        type_text(&mut app, "half a thought");
        // No Enter, no quit: only the autosave tick, as in a kill -9 afterwards.
        clock.advance_ms(600);
        act(&mut app, roast::tui::action::Action::Tick);
        assert!(app.ctx.saver.flush());
        // Dropping saves nothing new: only what the tick handed over is on disk.
        drop(app);
    }
    clock.advance_secs(30);
    let app = app_at(dir.path(), &clock);
    let Screen::Live(live) = &app.screen else {
        panic!("a session in progress reopens at start-up");
    };
    assert_eq!(live.editor_text(), "half a thought");
    assert_eq!(live.session.timer.display(clock.now_ms()), "42:30");
}

#[test]
fn a_second_app_cannot_write_an_open_series() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut first = app_at(dir.path(), &clock);
    create_series(&mut first);
    let mut second = app_at(dir.path(), &clock);
    assert!(matches!(second.screen, Screen::SeriesList(_)));
    press(&mut second, key(KeyCode::Enter));
    assert!(matches!(second.screen, Screen::SeriesList(_)));
    let status = second.ctx.status.clone().expect("an error is shown");
    assert!(status.text.contains("another roast"), "{}", status.text);
    drop(first);
    press(&mut second, key(KeyCode::Enter));
    assert!(matches!(second.screen, Screen::Setup(_)));
    let _ = SeriesFolder::new(dir.path());
}

#[test]
fn typing_over_the_opening_guidelines_reaches_the_editor() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    create_series(&mut app);
    press(&mut app, key(KeyCode::Enter));
    assert!(app.overlay.is_some(), "the guidelines are up");
    type_text(&mut app, "Index rebuild takes 4 hours");
    assert!(app.overlay.is_none());
    let Screen::Live(live) = &app.screen else {
        panic!("live")
    };
    assert_eq!(live.editor_text(), "Index rebuild takes 4 hours");
}

#[test]
fn quitting_on_the_closing_screen_saves_the_summary_typed_a_moment_ago() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    start_live(&mut app);
    end_session(&mut app);
    type_text(&mut app, "Pricing is the hidden dependency.");
    // No time passes: the autosave would not be due yet. Quitting must save anyway.
    press(&mut app, ctrl('q'));
    assert!(app.quit);
    let loaded = DataDir::new(dir.path())
        .series_folder("payments-api")
        .load()
        .unwrap();
    assert_eq!(
        loaded.sessions[0].summary,
        "Pricing is the hidden dependency."
    );
}

#[test]
fn text_typed_on_a_closing_choice_field_goes_into_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    start_live(&mut app);
    end_session(&mut app);
    press(&mut app, key(KeyCode::BackTab)); // outcome → maturity, the last field
    type_text(&mut app, "3");
    type_text(&mut app, "Search owns the reindex.");
    press(&mut app, ctrl('s'));
    let loaded = DataDir::new(dir.path())
        .series_folder("payments-api")
        .load()
        .unwrap();
    assert_eq!(loaded.sessions[0].summary, "Search owns the reindex.");
    assert_eq!(
        loaded.sessions[0].maturity,
        Some(3),
        "a digit on maturity is a rating"
    );
}

fn left(app: &mut roast::tui::App, n: usize) {
    for _ in 0..n {
        press(app, key(KeyCode::Left));
    }
}

#[test]
fn arrow_keys_move_the_cursor_in_the_new_series_name_and_participant_fields() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    press(&mut app, key(KeyCode::Char('n')));
    type_text(&mut app, "Paymnts");
    left(&mut app, 3);
    type_text(&mut app, "e");
    press(&mut app, key(KeyCode::End));
    type_text(&mut app, " API");
    press(&mut app, key(KeyCode::Enter)); // single-line: Enter goes on to the agenda
    press(&mut app, key(KeyCode::Enter)); // and on to the participants
    type_text(&mut app, "Aa");
    press(&mut app, key(KeyCode::Home));
    press(&mut app, key(KeyCode::Delete));
    type_text(&mut app, "An");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ctrl('s'));
    assert!(matches!(app.screen, Screen::Setup(_)));
    let loaded = DataDir::new(dir.path())
        .series_folder("payments-api")
        .load()
        .unwrap();
    assert_eq!(loaded.series.service, "Payments API");
    assert_eq!(loaded.series.participants[0].name, "Ana");
}

#[test]
fn arrow_keys_move_the_cursor_in_the_closing_reason_and_summary() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    start_live(&mut app);
    end_session(&mut app);
    press(&mut app, key(KeyCode::Right)); // called off
    press(&mut app, key(KeyCode::Tab)); // the reason
    type_text(&mut app, "Fre alarm");
    press(&mut app, key(KeyCode::Home));
    press(&mut app, key(KeyCode::Right));
    type_text(&mut app, "i");
    press(&mut app, key(KeyCode::Enter)); // single-line: on to the next topic
    press(&mut app, key(KeyCode::Tab)); // the summary
    type_text(&mut app, "Evacuated.");
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "Nothing lost");
    press(&mut app, key(KeyCode::Up));
    press(&mut app, key(KeyCode::End));
    press(&mut app, key(KeyCode::Backspace));
    type_text(&mut app, "!");
    press(&mut app, ctrl('s'));
    let loaded = DataDir::new(dir.path())
        .series_folder("payments-api")
        .load()
        .unwrap();
    let session = &loaded.sessions[0];
    assert_eq!(
        session.outcome,
        Some(Outcome::CalledOff {
            reason: "Fire alarm".into()
        })
    );
    assert_eq!(session.summary, "Evacuated!\nNothing lost");
}

#[test]
fn arrow_keys_move_the_cursor_in_the_question_box_and_the_scribes_editor() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    start_live(&mut app);
    type_text(&mut app, "Cache stampede");
    press(
        &mut app,
        KeyEvent::new(KeyCode::Left, KeyModifiers::CONTROL),
    );
    type_text(&mut app, "big ");
    let Screen::Live(live) = &app.screen else {
        panic!("live")
    };
    assert_eq!(live.editor_text(), "Cache big stampede");
    press(&mut app, key(KeyCode::F(5)));
    type_text(&mut app, "How doe it fail?");
    left(&mut app, 9);
    type_text(&mut app, "s");
    assert_eq!(
        roast::tui::widgets::text_field::text(&app.question_box),
        "How does it fail?"
    );
}

#[test]
fn moving_the_cursor_does_not_mark_the_draft_for_saving() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    start_live(&mut app);
    type_text(&mut app, "abc");
    clock.advance_secs(2);
    act(&mut app, roast::tui::action::Action::Tick);
    let Screen::Live(live) = &app.screen else {
        panic!("live")
    };
    assert!(!live.autosave.is_due(clock.now_ms() + 10_000));
    left(&mut app, 2);
    press(&mut app, key(KeyCode::Home));
    let Screen::Live(live) = &app.screen else {
        panic!("live")
    };
    assert!(
        !live.autosave.is_due(clock.now_ms() + 10_000),
        "a cursor move changed nothing to save"
    );
}

#[test]
fn ending_the_meeting_asks_first_and_no_keeps_the_meeting_and_the_typed_text() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    start_live(&mut app);
    type_text(&mut app, "half a thought");
    press(&mut app, key(KeyCode::F(8)));
    assert!(matches!(app.screen, Screen::Live(_)), "nothing ends yet");
    let screen = render(&app, 100, 30);
    assert!(screen.contains("End the meeting now?"), "{screen}");
    assert!(screen.contains("saved as a note"), "{screen}");
    press(&mut app, key(KeyCode::Char('n')));
    let Screen::Live(live) = &app.screen else {
        panic!("still live")
    };
    assert_eq!(live.editor_text(), "half a thought");
    assert!(live.session.notes.is_empty(), "nothing was saved as a note");
    // A scribe typing on without reading the prompt never ends the meeting.
    press(&mut app, key(KeyCode::F(8)));
    type_text(&mut app, "x");
    assert!(matches!(app.screen, Screen::Live(_)));
}

#[test]
fn ctrl_q_and_ctrl_c_quit_from_the_guidelines_help_and_question_box() {
    for open in [ctrl('g'), key(KeyCode::F(1)), key(KeyCode::F(5))] {
        for quit in [ctrl('q'), ctrl('c')] {
            let dir = tempfile::tempdir().unwrap();
            let clock = FakeClock::at(START_MS);
            let mut app = app_at(dir.path(), &clock);
            start_live(&mut app);
            type_text(&mut app, "typed before the overlay");
            press(&mut app, open);
            assert!(app.overlay.is_some());
            press(&mut app, quit);
            assert!(app.quit, "{open:?} then {quit:?}");
            let loaded = DataDir::new(dir.path())
                .series_folder("payments-api")
                .load()
                .unwrap();
            let draft = loaded.sessions[0]
                .draft
                .clone()
                .expect("the draft is saved");
            assert_eq!(draft.text, "typed before the overlay");
        }
    }
}

#[test]
fn ctrl_q_quits_from_the_slide_that_opens_every_session() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    create_series(&mut app);
    press(&mut app, key(KeyCode::Enter));
    assert!(app.overlay.is_some(), "the guidelines are up");
    press(&mut app, ctrl('q'));
    assert!(app.quit);
}

#[test]
fn the_help_bar_offers_notes_and_rewrites_only_when_there_are_some() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    start_live(&mut app);
    let bar = |app: &roast::tui::App| {
        let screen = render(app, 200, 30);
        screen.lines().rev().take(2).collect::<Vec<_>>().join("\n")
    };
    assert!(!bar(&app).contains("notes"), "{}", bar(&app));
    assert!(!bar(&app).contains("Alt+1"), "{}", bar(&app));
    type_text(&mut app, "a note");
    press(&mut app, key(KeyCode::Enter));
    assert!(bar(&app).contains("notes"), "{}", bar(&app));
    press(&mut app, key(KeyCode::Tab));
    press(&mut app, key(KeyCode::Tab));
    press(&mut app, key(KeyCode::Tab));
    press(&mut app, key(KeyCode::Tab)); // question
    type_text(&mut app, "Why don't you just add a cache?");
    assert!(bar(&app).contains("Alt+1"), "{}", bar(&app));
}

#[test]
fn the_closing_screen_opens_on_the_outcome() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    start_live(&mut app);
    end_session(&mut app);
    let Screen::Closing(closing) = &app.screen else {
        panic!("closing")
    };
    assert_eq!(closing.field, roast::tui::screens::closing::Field::Outcome);
}

#[test]
fn start_up_warnings_stay_on_screen_after_a_session_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    {
        let mut app = app_at(dir.path(), &clock);
        start_live(&mut app);
        type_text(&mut app, "left open");
        press(&mut app, key(KeyCode::Enter));
        assert!(app.save_all());
    }
    std::fs::write(dir.path().join("settings.ron"), "(theme: Nope").unwrap();
    let folder = DataDir::new(dir.path()).series_folder("payments-api");
    std::fs::write(folder.dir().join("sessions").join("broken.ron"), "(").unwrap();
    let mut app = app_at(dir.path(), &clock);
    assert!(matches!(app.screen, Screen::Live(_)), "the session resumed");
    let screen = render(&app, 120, 40);
    assert!(screen.contains("settings ignored"), "{screen}");
    assert!(screen.contains("1 more"), "{screen}");
    // Typing on does not put them away; F4 does, one at a time.
    type_text(&mut app, "more");
    press(&mut app, key(KeyCode::Enter));
    assert!(render(&app, 120, 40).contains("settings ignored"));
    press(&mut app, key(KeyCode::F(4)));
    let screen = render(&app, 120, 40);
    assert!(screen.contains("broken.ron"), "{screen}");
    press(&mut app, key(KeyCode::F(4)));
    assert!(app.ctx.warnings.is_empty());
}

#[test]
fn the_lock_message_says_the_series_was_not_opened_and_what_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut first = app_at(dir.path(), &clock);
    create_series(&mut first);
    let mut second = app_at(dir.path(), &clock);
    press(&mut second, key(KeyCode::Enter));
    let status = second.ctx.status.clone().expect("an error is shown").text;
    assert!(status.contains("Not opened"), "{status}");
    assert!(!status.contains("read-only;"), "{status}");
    assert!(status.contains("roast follow payments-api"), "{status}");
    // What it says still works does work: the summary opens without the lock.
    press(&mut second, key(KeyCode::Char('s')));
    assert!(matches!(second.screen, Screen::Summary(_)));
}

/// Creates a series named `service` from the series list, and goes back to the list.
fn add_series(app: &mut roast::tui::App, service: &str) {
    press(app, key(KeyCode::Char('n')));
    type_text(app, service);
    press(app, ctrl('s'));
    assert!(matches!(app.screen, Screen::Setup(_)));
    press(app, key(KeyCode::Esc));
    assert!(matches!(app.screen, Screen::SeriesList(_)));
}

fn selected_service(app: &roast::tui::App) -> String {
    let Screen::SeriesList(list) = &app.screen else {
        panic!("on the series list")
    };
    list.selected_series().unwrap().digest.service.clone()
}

#[test]
fn the_series_list_keeps_its_row_so_the_summary_is_of_the_series_just_prioritised() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    add_series(&mut app, "Alpha");
    add_series(&mut app, "Beta");
    add_series(&mut app, "Gamma");
    press(&mut app, key(KeyCode::Home));
    let Screen::SeriesList(list) = &app.screen else {
        panic!("list")
    };
    let second = list.entries[1].as_ref().unwrap().digest.service.clone();
    // Down, p, Esc, s: the summary of the series that was selected, not the first.
    press(&mut app, key(KeyCode::Up));
    press(&mut app, key(KeyCode::Up));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Char('p')));
    assert!(matches!(app.screen, Screen::Prioritise(_)));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(selected_service(&app), second);
    press(&mut app, key(KeyCode::Char('s')));
    let Screen::Summary(summary) = &app.screen else {
        panic!("summary")
    };
    assert_eq!(summary.rollup.series.service, second);
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(selected_service(&app), second);
}

#[test]
fn the_session_being_run_is_held_once_not_also_in_the_open_series() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    start_live(&mut app);
    type_text(&mut app, "one");
    press(&mut app, key(KeyCode::Enter));
    let open = app.ctx.open_series().unwrap();
    assert!(open.sessions.is_empty(), "only the live screen holds it");
    end_session(&mut app);
    press(&mut app, key(KeyCode::Esc)); // back to the meeting
    let Screen::Live(live) = &app.screen else {
        panic!("live again")
    };
    assert_eq!(live.session.notes.len(), 1);
    assert!(app.ctx.open_series().unwrap().sessions.is_empty());
}

#[test]
fn an_empty_session_closed_at_once_does_not_cover_its_topic() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    start_live(&mut app);
    end_session(&mut app);
    press(&mut app, ctrl('s'));
    let loaded = DataDir::new(dir.path())
        .series_folder("payments-api")
        .load()
        .unwrap();
    assert_eq!(loaded.sessions.len(), 1, "closed, and kept");
    let p = roast::progress::progress(&loaded.series, &loaded.sessions, clock.now_ms());
    assert_eq!(p.covered_topics, 0, "an empty session covers nothing");
    let list = render(&app, 120, 30);
    assert!(list.contains("0/8 topics"), "{list}");
}

#[test]
fn an_empty_session_can_be_discarded_and_one_with_notes_cannot() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    start_live(&mut app);
    end_session(&mut app);
    assert!(render(&app, 120, 30).contains("discard"), "offered");
    press(&mut app, ctrl('d'));
    assert!(matches!(app.screen, Screen::SeriesList(_)));
    let loaded = DataDir::new(dir.path())
        .series_folder("payments-api")
        .load()
        .unwrap();
    assert!(loaded.sessions.is_empty(), "the file is gone");

    // With a note in it, the key is neither offered nor acted on.
    press(&mut app, key(KeyCode::Enter)); // open the series: setup
    press(&mut app, key(KeyCode::Enter)); // start
    press(&mut app, key(KeyCode::Esc));
    type_text(&mut app, "kept");
    press(&mut app, key(KeyCode::Enter));
    end_session(&mut app);
    assert!(!render(&app, 120, 30).contains("discard"));
    press(&mut app, ctrl('d'));
    assert!(matches!(app.screen, Screen::Closing(_)));
}

#[test]
fn keys_ron_in_the_data_folder_rebinds_a_key_and_the_help_bar_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("keys.ron"),
        "{\n  \"LiveEditor\": { \"EndSession\": [\"Ctrl+X\"] },\n  \"LiveEditor \": {},\n}\n",
    )
    .unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    let screen = render(&app, 120, 30);
    assert!(
        screen.contains("keys.ron:3:3"),
        "the mistake is named: {screen}"
    );
    press(&mut app, key(KeyCode::F(4)));
    start_live(&mut app);
    let bar = render(&app, 200, 30);
    assert!(bar.contains("^X  end"), "{bar}");
    press(&mut app, key(KeyCode::F(8)));
    assert!(matches!(app.screen, Screen::Live(_)));
    press(&mut app, ctrl('x'));
    press(&mut app, key(KeyCode::Char('y')));
    assert!(matches!(app.screen, Screen::Closing(_)));
}

#[test]
fn people_join_change_role_and_leave_a_series_after_it_was_created() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    create_series(&mut app); // Ana (service owner), Bo (participant)
    press(&mut app, key(KeyCode::Tab)); // to the people
    press(&mut app, key(KeyCode::Char('a')));
    type_text(&mut app, "Chen");
    press(&mut app, ctrl('r')); // participant → scribe
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Up)); // Bo
    press(&mut app, key(KeyCode::Char('r'))); // participant → scribe
    press(&mut app, key(KeyCode::Home));
    press(&mut app, key(KeyCode::Up)); // Ana
    press(&mut app, key(KeyCode::Char('x')));
    assert!(render(&app, 120, 30).contains("Remove Ana from the series?"));
    press(&mut app, key(KeyCode::Char('n'))); // thought better of it
    press(&mut app, key(KeyCode::Down)); // Bo
    press(&mut app, key(KeyCode::Delete));
    press(&mut app, key(KeyCode::Char('y')));
    assert!(app.ctx.saver.flush());
    let series = DataDir::new(dir.path())
        .series_folder("payments-api")
        .load()
        .unwrap()
        .series;
    let people: Vec<(String, roast::model::Role)> = series
        .participants
        .into_iter()
        .map(|p| (p.name, p.role))
        .collect();
    assert_eq!(
        people,
        vec![
            ("Ana".to_string(), roast::model::Role::ServiceOwner),
            ("Chen".to_string(), roast::model::Role::Scribe),
        ]
    );
    // The session about to start has them in the room.
    press(&mut app, key(KeyCode::Enter));
    let Screen::Live(live) = &app.screen else {
        panic!("live")
    };
    assert_eq!(live.session.attendees, vec!["Ana", "Chen"]);
}

#[test]
fn a_series_can_be_renamed_and_keeps_its_id() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    create_series(&mut app);
    press(&mut app, key(KeyCode::Char('e')));
    press(&mut app, key(KeyCode::End)); // keep the name, add to it
    type_text(&mut app, " v2");
    press(&mut app, key(KeyCode::Enter));
    assert!(render(&app, 120, 30).contains("Payments API v2"));
    for size in [(120, 40), (40, 12)] {
        press(&mut app, key(KeyCode::Char('e')));
        assert!(
            render(&app, size.0, size.1).contains("Rename the series"),
            "{size:?}"
        );
        press(&mut app, key(KeyCode::Esc));
    }
    assert!(app.ctx.saver.flush());
    let series = DataDir::new(dir.path())
        .series_folder("payments-api")
        .load()
        .unwrap()
        .series;
    assert_eq!(series.service, "Payments API v2");
    assert_eq!(series.id, "payments-api");
}
