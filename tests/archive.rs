//! Archiving a finished series: it leaves the series list for the archived ones (Tab),
//! comes back with `x`, survives a restart, is written by the saver, deletes nothing, and
//! `roast list` hides it unless `--all`.

mod common;

use std::process::Command;

use common::*;
use ratatui::crossterm::event::KeyCode;
use roast::clock::FakeClock;
use roast::storage::guard::writes_on_this_thread;
use roast::tui::App;
use roast::tui::screens::Screen;

fn list(app: &App) -> &roast::tui::screens::series_list::SeriesListState {
    match &app.screen {
        Screen::SeriesList(l) => l,
        _ => panic!("not on the series list"),
    }
}

fn ids(app: &App) -> Vec<String> {
    list(app)
        .entries
        .iter()
        .map(|e| e.as_ref().unwrap().folder.id())
        .collect()
}

/// Two series of the same service, and one of another, on the list.
fn three_series(dir: &std::path::Path, clock: &FakeClock) -> App {
    let mut app = app_at(dir, clock);
    for service in ["Payments API", "Payments API", "Search"] {
        press(&mut app, key(KeyCode::Char('n')));
        type_text(&mut app, service);
        press(&mut app, ctrl('s'));
        app.settle();
        press(&mut app, key(KeyCode::Esc));
    }
    assert_eq!(ids(&app).len(), 3, "three series");
    for _ in 0..3 {
        press(&mut app, key(KeyCode::Up));
    }
    assert_eq!(list(&app).selected, 0);
    app
}

#[test]
fn an_archived_series_leaves_the_list_comes_back_and_stays_archived_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = three_series(dir.path(), &clock);
    let all = ids(&app);
    let first = all[0].clone();
    assert!(render(&app, 120, 30).contains("x  archive"));

    let before = writes_on_this_thread();
    press(&mut app, key(KeyCode::Char('x')));
    assert_eq!(
        writes_on_this_thread(),
        before,
        "update wrote the setting itself"
    );
    assert_eq!(ids(&app), all[1..].to_vec(), "off the list");
    let screen = render(&app, 120, 30);
    assert!(screen.contains("1 archived (Tab)"), "{screen}");
    assert!(screen.contains("archived: nothing deleted"), "{screen}");
    // Same service name twice: the one still listed is told apart by its id.
    assert!(
        screen.contains(&format!("Payments API ({})", all[1])),
        "{screen}"
    );

    // A restart: still archived; nothing was deleted.
    assert!(app.ctx.saver.flush());
    drop(app);
    assert!(
        dir.path()
            .join("series")
            .join(&first)
            .join("series.ron")
            .is_file()
    );
    let mut app = app_at(dir.path(), &clock);
    assert_eq!(ids(&app), all[1..].to_vec(), "archived after a restart");

    press(&mut app, key(KeyCode::Tab));
    assert_eq!(ids(&app), vec![first.clone()]);
    let screen = render(&app, 120, 30);
    assert!(screen.contains("Archived series"), "{screen}");
    assert!(
        screen.contains(&format!("Payments API ({first})")),
        "{screen}"
    );
    assert!(screen.contains("x  bring back") && screen.contains("Tab  current series"));
    // An archived series still opens its summary.
    press(&mut app, key(KeyCode::Char('s')));
    assert!(matches!(app.screen, Screen::Summary(_)));
    press(&mut app, key(KeyCode::Esc));
    assert!(list(&app).showing_archived, "back on the archived row");

    press(&mut app, key(KeyCode::Char('x')));
    assert!(ids(&app).is_empty());
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(ids(&app), all, "back on the list, in its place");
    assert!(app.ctx.saver.flush());
    drop(app);
    let app = app_at(dir.path(), &clock);
    assert_eq!(ids(&app), all, "and still after a restart");
}

#[test]
fn archiving_every_series_says_where_they_went() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(dir.path(), &clock);
    press(&mut app, key(KeyCode::Char('n')));
    type_text(&mut app, "Search");
    press(&mut app, ctrl('s'));
    app.settle();
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Char('x')));
    let screen = render(&app, 120, 30);
    assert!(screen.contains("Every series is archived"), "{screen}");
    assert!(!screen.contains("No series yet"), "{screen}");
}

fn roast(args: &[&str], data: &std::path::Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_roast"))
        .args(args)
        .env("ROAST_DATA_DIR", data)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn roast_list_hides_archived_series_unless_all() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(START_MS);
    let mut app = three_series(dir.path(), &clock);
    let all = ids(&app);
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Char('x')));
    assert!(app.ctx.saver.flush());
    drop(app);

    let listed = roast(&["list"], dir.path());
    assert!(!listed.contains(&all[1]), "{listed}");
    assert!(
        listed.contains(&all[0]) && listed.contains(&all[2]),
        "{listed}"
    );
    assert!(
        listed.contains("1 archived series not shown (roast list --all shows it)"),
        "{listed}"
    );
    let everything = roast(&["list", "--all"], dir.path());
    for id in &all {
        assert!(everything.contains(id.as_str()), "{everything}");
    }
    assert!(everything.contains("(archived"), "{everything}");
    assert!(!everything.contains("not shown"), "{everything}");
}
