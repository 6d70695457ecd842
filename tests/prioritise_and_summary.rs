//! Joint prioritisation and the summary screen, driven like the room would at the end of
//! a series, on the showcase fixture.

mod common;

use common::*;
use ratatui::crossterm::event::KeyCode;
use roast::backlog::{Consensus, ItemRef, LoadedBacklog};
use roast::clock::FakeClock;
use roast::storage::DataDir;
use roast::tui::App;
use roast::tui::screens::Screen;

fn showcase(dir: &std::path::Path) -> (FakeClock, String) {
    let fixture = common::fixtures::showcase();
    let id = fixture.series.id.clone();
    fixture
        .write_to(&DataDir::new(dir).series_folder(&id))
        .unwrap();
    (FakeClock::at(fixture.now_ms), id)
}

fn prioritise(app: &App) -> &roast::tui::screens::prioritise::PrioritiseState {
    match &app.screen {
        Screen::Prioritise(p) => p,
        _ => panic!("not on the prioritisation screen"),
    }
}

/// The app on the series list (the showcase has a session in progress, which would
/// otherwise reopen at start-up: close it first by leaving it).
fn app_on_list(dir: &std::path::Path, clock: &FakeClock) -> App {
    let mut app = app_at(dir, clock);
    if !matches!(app.screen, Screen::SeriesList(_)) {
        // Resumed the session in progress: save and go back to the list.
        end_session(&mut app);
        press(&mut app, key(KeyCode::Esc));
        app.go(roast::tui::screens::Nav::SeriesList);
        app.settle();
    }
    app
}

#[test]
fn the_room_scores_picks_and_assigns_and_it_is_all_saved() {
    let dir = tempfile::tempdir().unwrap();
    let (clock, id) = showcase(dir.path());
    let mut app = app_on_list(dir.path(), &clock);
    press(&mut app, key(KeyCode::Char('p')));
    let p = prioritise(&app);
    assert!(
        !p.items.is_empty(),
        "every opportunity of the series is listed"
    );
    let first = p.items[0].key.clone();
    let voters = p.voters.clone();

    // Each participant scores the first item; most give 4 or 5.
    for score in ['5', '4', '2'].iter().take(voters.len()) {
        press(&mut app, key(KeyCode::Char(*score)));
        press(&mut app, key(KeyCode::Right));
    }
    let p = prioritise(&app);
    let picker = p.voters[p.voter].clone();
    let picked_before = p.votes_of(&first).is_some_and(|v| v.picked_by(&picker));
    press(&mut app, key(KeyCode::Char(' '))); // a top-five pick, or taking one back
    press(&mut app, key(KeyCode::Char('o')));
    type_text(&mut app, "Ana");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Char('l')));
    type_text(&mut app, "db, reliability");
    press(&mut app, key(KeyCode::Enter));
    assert!(app.ctx.saver.flush());

    let folder = DataDir::new(dir.path()).series_folder(&id);
    let saved = LoadedBacklog::load(&folder);
    let item = saved.backlog.get(&first).expect("the scores are on disk");
    assert!(item.scores.len() >= 2, "{item:?}");
    assert_eq!(item.owner.as_deref(), Some("Ana"));
    assert_eq!(item.labels, vec!["db", "reliability"]);
    assert_eq!(item.picked_by(&picker), !picked_before);
    let screen = render(&app, 160, 45);
    assert!(screen.contains("Ana"), "{screen}");
    assert!(
        screen.contains(Consensus::Agreed.label())
            || screen.contains(Consensus::NeedsDiscussion.label()),
        "{screen}"
    );
}

#[test]
fn a_sixth_top_five_pick_is_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let (clock, _) = showcase(dir.path());
    let mut app = app_on_list(dir.path(), &clock);
    press(&mut app, key(KeyCode::Char('p')));
    let voter = prioritise(&app).voters[0].clone();
    let count = prioritise(&app).items.len();
    assert!(
        count >= 6,
        "the showcase has enough opportunities for this test"
    );
    // Pick items the voter has not picked yet until five are picked, then one more.
    let mut refused = false;
    for i in 0..count {
        let p = prioritise(&app);
        let key_i = p.items[i].key.clone();
        let already = p.votes_of(&key_i).is_some_and(|v| v.picked_by(&voter));
        let picks = p.votes.backlog.picks_of(&voter).len();
        if !already {
            press(&mut app, key(KeyCode::Char(' ')));
            if picks == 5 {
                refused = true;
                break;
            }
        }
        press(&mut app, key(KeyCode::Down));
    }
    assert!(refused, "reached a sixth pick");
    assert_eq!(prioritise(&app).votes.backlog.picks_of(&voter).len(), 5);
    let status = app.ctx.status.clone().expect("an error is shown");
    assert!(status.text.contains("already picked 5"), "{}", status.text);
}

#[test]
fn sorting_puts_agreed_items_first() {
    let dir = tempfile::tempdir().unwrap();
    let (clock, _) = showcase(dir.path());
    let mut app = app_on_list(dir.path(), &clock);
    press(&mut app, key(KeyCode::Char('p')));
    // Make the last item agreed by everyone, then sort.
    let count = prioritise(&app).items.len();
    for _ in 0..count {
        press(&mut app, key(KeyCode::Down));
    }
    let last = prioritise(&app).items[count - 1].key.clone();
    let voters = prioritise(&app).voters.len();
    for _ in 0..voters {
        press(&mut app, key(KeyCode::Char('5')));
        press(&mut app, key(KeyCode::Right));
    }
    press(&mut app, key(KeyCode::Char('s')));
    assert!(
        app.ctx
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("reveal them first"),
        "a blind round is not sorted: the order would give the scores away"
    );
    press(&mut app, key(KeyCode::Char('v')));
    press(&mut app, key(KeyCode::Char('s')));
    let p = prioritise(&app);
    let first_agreed = p
        .items
        .iter()
        .position(|i| {
            p.votes_of(&i.key)
                .is_some_and(|v| v.consensus() == Consensus::Agreed)
        })
        .unwrap();
    assert_eq!(first_agreed, 0);
    assert!(p.items.iter().any(|i| i.key == last));
    let _ = ItemRef::new("x", 1);
}

#[test]
fn the_summary_screen_shows_progress_and_exports_every_format_without_room_only_notes() {
    let dir = tempfile::tempdir().unwrap();
    let (clock, id) = showcase(dir.path());
    let mut app = app_on_list(dir.path(), &clock);
    press(&mut app, key(KeyCode::Char('s')));
    assert!(matches!(app.screen, Screen::Summary(_)));
    let screen = render(&app, 160, 45);
    assert!(screen.contains("Maturity by area"), "{screen}");
    assert!(screen.contains("of ~10h"), "{screen}");
    assert!(!screen.contains("ROOM-ONLY"), "{screen}");
    assert!(
        screen.contains("1 note and 1 question stay in the session"),
        "the summary screen says the minutes stay: {screen}"
    );
    assert!(screen.contains("export with notes"), "{screen}");
    press(&mut app, key(KeyCode::Char('e')));
    for ext in ["md", "html", "csv", "json"] {
        let path = dir.path().join(format!("exports/{id}.{ext}"));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.contains("ROOM-ONLY"), "{ext}");
    }
    let status = app.ctx.status.clone().unwrap();
    assert!(status.text.contains("withheld"), "{}", status.text);
    assert!(
        status
            .text
            .contains("1 note and 1 question stay in the session files"),
        "{}",
        status.text
    );
    assert!(
        !std::fs::read_to_string(dir.path().join(format!("exports/{id}.md")))
            .unwrap()
            .contains("Paused at 20 minutes."),
        "a plain note leaves only with the minutes"
    );
    press(&mut app, key(KeyCode::Char('m')));
    for ext in ["md", "html", "json"] {
        let path = dir.path().join(format!("exports/{id}-minutes.{ext}"));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("Paused at 20 minutes."), "{ext}");
        assert!(!text.contains("ROOM-ONLY"), "{ext}");
    }
    assert!(
        !dir.path()
            .join(format!("exports/{id}-minutes.csv"))
            .exists()
    );
    press(&mut app, key(KeyCode::Esc));
    assert!(matches!(app.screen, Screen::SeriesList(_)));
}

#[test]
fn the_tallies_stay_blind_until_the_moderator_reveals_them_and_every_machine_follows() {
    let dir = tempfile::tempdir().unwrap();
    let (clock, id) = showcase(dir.path());
    let mut app = app_on_list(dir.path(), &clock);
    press(&mut app, key(KeyCode::Char('p')));
    let blind = common::render(&app, 160, 45);
    assert!(
        blind.contains("Blind") && blind.contains("voted:"),
        "{blind}"
    );
    assert!(
        !blind.contains("agreed") && !blind.contains("unscored"),
        "{blind}"
    );
    press(&mut app, key(KeyCode::Char('v')));
    press(&mut app, key(KeyCode::Char('+')));
    let shown = common::render(&app, 160, 45);
    assert!(
        shown.contains("Revealed") && shown.contains("agreed"),
        "{shown}"
    );
    assert!(shown.contains("of 6 picked"), "{shown}");
    assert!(app.ctx.saver.flush());
    let folder = roast::storage::DataDir::new(dir.path()).series_folder(&id);
    let (round, problem) = roast::backlog::VotingRound::load(&folder);
    assert_eq!((round.revealed, round.budget, problem), (true, 6, None));
}
