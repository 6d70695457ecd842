//! `roast vote`: one voter's own blind ballot, driven headless the way the terminal would.

mod common;

use std::sync::Arc;

use common::*;
use ratatui::crossterm::event::KeyCode;
use roast::backlog::{LoadedBacklog, VotingRound};
use roast::clock::FakeClock;
use roast::storage::{DataDir, SeriesFolder};
use roast::tui::App;
use roast::tui::screens::Screen;

fn setup(dir: &std::path::Path) -> (FakeClock, SeriesFolder) {
    let fixture = common::fixtures::showcase();
    let folder = DataDir::new(dir).series_folder(&fixture.series.id);
    fixture.write_to(&folder).unwrap();
    (FakeClock::at(fixture.now_ms), folder)
}

fn vote_as(dir: &std::path::Path, clock: &FakeClock, folder: &SeriesFolder, voter: &str) -> App {
    App::voting(
        roast::tui::AppConfig {
            data: DataDir::new(dir),
            agenda_file: None,
            minutes: 45,
            clock: Arc::new(clock.clone()),
            theme: None,
            no_color: false,
        },
        folder.clone(),
        voter,
    )
    .unwrap()
}

fn ballot(app: &App) -> &roast::tui::screens::ballot::BallotState {
    match &app.screen {
        Screen::Ballot(b) => b,
        _ => panic!("not on the ballot"),
    }
}

#[test]
fn a_voter_scores_and_picks_in_their_own_file_and_sees_only_their_own_scores() {
    let dir = tempfile::tempdir().unwrap();
    let (clock, folder) = setup(dir.path());
    let before = LoadedBacklog::load(&folder);
    let mut app = vote_as(dir.path(), &clock, &folder, "Fay");
    let screen = render(&app, 120, 60);
    assert!(screen.contains("Blind"), "{screen}");
    assert!(
        !screen.contains("agreed") && !screen.contains("room:"),
        "nobody else's scores before the reveal:\n{screen}"
    );
    // Every opportunity in full: the longest one is shown whole, not cut.
    let longest = ballot(&app)
        .items
        .iter()
        .map(|i| i.text.clone())
        .max_by_key(|t| t.len())
        .unwrap();
    let last_word = longest.split_whitespace().last().unwrap().to_string();
    assert!(
        screen.contains(&last_word),
        "{last_word} missing:\n{screen}"
    );

    press(&mut app, key(KeyCode::Char('4')));
    press(&mut app, key(KeyCode::Char(' ')));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Char('1')));
    assert!(app.ctx.saver.flush());
    let after = LoadedBacklog::load(&folder);
    assert!(after.voted.contains(&"Fay".to_string()));
    let first = &ballot(&app).items[0].key;
    assert_eq!(after.backlog.get(first).unwrap().score_of("Fay"), Some(4));
    assert!(after.backlog.get(first).unwrap().picked_by("Fay"));
    // Everyone else's votes are untouched.
    for voter in before.voted.iter() {
        assert_eq!(
            roast::backlog::Ballot::of(&after.backlog, voter),
            roast::backlog::Ballot::of(&before.backlog, voter)
        );
    }
    press(&mut app, key(KeyCode::Esc));
    assert!(app.quit, "done leaves the app");
}

#[test]
fn the_moderators_reveal_and_budget_reach_the_voter_on_a_reread() {
    let dir = tempfile::tempdir().unwrap();
    let (clock, folder) = setup(dir.path());
    let mut app = vote_as(dir.path(), &clock, &folder, "Fay");
    VotingRound {
        budget: 1,
        revealed: true,
        ..VotingRound::default()
    }
    .save(&folder)
    .unwrap();
    // Read again off the UI thread: `update` itself reads nothing.
    let reread = roast::tui::app::action_for_key(&app, &key(KeyCode::Char('r'))).unwrap();
    let reads = roast::storage::guard::reads_on_this_thread();
    roast::tui::update(&mut app, reread);
    assert_eq!(roast::storage::guard::reads_on_this_thread(), reads);
    app.settle();
    let screen = render(&app, 120, 60);
    assert!(
        screen.contains("Revealed") && screen.contains("room:"),
        "{screen}"
    );
    press(&mut app, key(KeyCode::Char(' ')));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Char(' ')));
    let status = app.ctx.status.clone().expect("the second pick is refused");
    assert!(status.text.contains("already picked 1"), "{}", status.text);
}

#[test]
fn a_vote_on_an_item_from_a_session_about_a_room_only_off_shoot_counts_under_its_real_session() {
    use roast::model::{NoteKind, Outcome, Session, TopicRef};
    let dir = tempfile::tempdir().unwrap();
    let (clock, folder) = setup(dir.path());
    let mut parked = Session::new(
        "20260101-090000-overview".into(),
        TopicRef::Agenda("overview".into()),
        time::OffsetDateTime::UNIX_EPOCH,
        45,
        vec![],
    );
    let note = parked.add_note(NoteKind::OffShoot, "said in the room".into(), true, 0);
    parked.outcome = Some(Outcome::Completed);
    let mut about = Session::new(
        "20260102-090000-off-shoot".into(),
        TopicRef::OffShoot {
            session: parked.id.clone(),
            note,
            title: "said in the room".into(),
        },
        time::OffsetDateTime::UNIX_EPOCH,
        45,
        vec![],
    );
    let raised = about.add_note(
        NoteKind::Opportunity,
        "Alert on queue depth".into(),
        false,
        0,
    );
    about.outcome = Some(Outcome::Completed);
    for s in [&parked, &about] {
        roast::storage::room_only::write_session(&folder, s).unwrap();
    }
    let mut app = vote_as(dir.path(), &clock, &folder, "Fay");
    let index = ballot(&app)
        .items
        .iter()
        .position(|i| i.text.contains("queue depth"))
        .expect("the opportunity is on the ballot");
    for _ in 0..index {
        press(&mut app, key(KeyCode::Down));
    }
    press(&mut app, key(KeyCode::Char('5')));
    assert!(app.ctx.saver.flush());
    let votes = LoadedBacklog::load(&folder);
    let item = votes
        .backlog
        .get(&roast::backlog::ItemRef::new(about.id.clone(), raised))
        .expect("the vote is keyed by the real session id");
    assert_eq!(item.score_of("Fay"), Some(5));
}
