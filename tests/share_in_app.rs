//! Sharing from inside the app: the series list's sync key and the sync after each
//! closing, each running in the background while the app keeps drawing. A bare
//! repository in a temporary folder is the remote; the series is shared with the library
//! call `roast share` makes. Git's identity comes from roast's own fallback, so no global
//! git configuration is needed.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::*;
use ratatui::crossterm::event::KeyCode;
use roast::clock::FakeClock;
use roast::model::{FORMAT_VERSION, Participant, Role, Series};
use roast::storage::DataDir;
use roast::tui::App;
use roast::tui::action::Action;

const SERIES: &str = "payments-api";

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A data folder whose one series is shared with a fresh bare remote.
fn shared(root: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let remote = root.join("remote.git");
    git(
        root,
        &["init", "--quiet", "--bare", remote.to_str().unwrap()],
    );
    let data = root.join("data");
    let folder = DataDir::new(&data).series_folder(SERIES);
    folder
        .create(&Series {
            version: FORMAT_VERSION,
            id: SERIES.into(),
            service: "Payments API".into(),
            agenda: roast::agenda::builtin().remove(0).agenda,
            participants: vec![Participant {
                name: "Ana".into(),
                role: Role::Moderator,
            }],
            created: time::OffsetDateTime::UNIX_EPOCH,
        })
        .unwrap();
    roast::share::share(&folder, remote.to_str().unwrap(), false).unwrap();
    (data, remote)
}

/// Ticks the app until its background sync has reported, as the event loop would.
fn wait_for_sync(app: &mut App) {
    let start = Instant::now();
    while app.ctx.sync.is_some() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the sync never ended"
        );
        std::thread::sleep(Duration::from_millis(20));
        act(app, Action::Tick);
    }
}

fn remote_log(remote: &Path) -> String {
    git(remote, &["log", "--all", "--name-only", "--format=%s"])
}

#[test]
fn the_sync_key_sends_this_machines_work_in_the_background_and_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, remote) = shared(tmp.path());
    // A ballot written since the share: only the sync sends it.
    let folder = DataDir::new(&data).series_folder(SERIES);
    let mut votes = roast::backlog::LoadedBacklog::load(&folder);
    votes
        .backlog
        .record_score(&roast::backlog::ItemRef::new("s", 1), "Ana", 4)
        .unwrap();
    votes.save_ballot(&folder, "Ana").unwrap();
    let mut app = app_at(&data, &FakeClock::at(START_MS));
    press(&mut app, key(KeyCode::Char('r')));
    assert!(app.ctx.sync.is_some(), "the sync runs in the background");
    wait_for_sync(&mut app);
    let said = app
        .ctx
        .status
        .clone()
        .expect("the sync says what it did")
        .text;
    assert!(said.contains("synced") && said.contains(SERIES), "{said}");
    assert!(remote_log(&remote).contains("ballots/ana"));
}

#[test]
fn with_the_setting_on_closing_a_session_syncs_it() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, remote) = shared(tmp.path());
    let mut app = app_at(&data, &FakeClock::at(START_MS));
    press(&mut app, key(KeyCode::Char('a')));
    assert!(app.ctx.settings.sync_after_closing);
    assert!(
        roast::settings::load(&data).0.sync_after_closing,
        "remembered"
    );
    press(&mut app, key(KeyCode::Enter)); // open the series
    press(&mut app, key(KeyCode::Enter)); // start on the first topic
    press(&mut app, key(KeyCode::Esc)); // guidelines away
    type_text(&mut app, "Retries are capped at three");
    press(&mut app, key(KeyCode::Enter));
    end_session(&mut app);
    press(&mut app, ctrl('s'));
    assert!(app.ctx.sync.is_some(), "closing started a sync");
    wait_for_sync(&mut app);
    assert!(app.ctx.warnings.is_empty(), "{:?}", app.ctx.warnings);
    let log = remote_log(&remote);
    assert!(log.contains("sessions/"), "{log}");
}

#[test]
fn an_unreachable_remote_is_a_warning_that_stays_and_the_work_is_committed() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, remote) = shared(tmp.path());
    std::fs::rename(&remote, remote.with_extension("away")).unwrap();
    let folder = DataDir::new(&data).series_folder(SERIES);
    std::fs::write(folder.dir().join("notes-by-hand.txt"), "kept").unwrap();
    let mut app = app_at(&data, &FakeClock::at(START_MS));
    press(&mut app, key(KeyCode::Char('r')));
    wait_for_sync(&mut app);
    let warning = app.ctx.warnings.join("\n");
    assert!(warning.contains("could not be reached"), "{warning}");
    assert!(git(folder.dir(), &["log", "--name-only"]).contains("notes-by-hand.txt"));
}

#[test]
fn a_session_on_a_room_only_off_shoot_is_not_named_after_it() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, _remote) = shared(tmp.path());
    let folder = DataDir::new(&data).series_folder(SERIES);
    let mut first = roast::model::Session::new(
        "20261101-100000-overview".into(),
        roast::model::TopicRef::Agenda("overview".into()),
        time::OffsetDateTime::UNIX_EPOCH,
        45,
        vec![],
    );
    first.add_note(
        roast::model::NoteKind::OffShoot,
        "Bo secretly rewrites the ledger".into(),
        true,
        0,
    );
    first.outcome = Some(roast::model::Outcome::Completed);
    roast::storage::room_only::write_session(&folder, &first).unwrap();
    let mut app = app_at(&data, &FakeClock::at(START_MS));
    press(&mut app, key(KeyCode::Enter));
    let roast::tui::screens::Screen::Setup(setup) = &mut app.screen else {
        panic!("on session setup");
    };
    setup.selected = setup
        .choices
        .iter()
        .position(|c| c.is_offshoot)
        .expect("the off-shoot is offered");
    press(&mut app, key(KeyCode::Enter));
    let roast::tui::screens::Screen::Live(live) = &app.screen else {
        panic!("the session started");
    };
    assert!(
        live.session.id.ends_with("-off-shoot"),
        "{}",
        live.session.id
    );
    assert!(!live.session.id.contains("ledger"));
}
