//! End to end: the built `roast` binary in a real terminal (tmux), typed at like a scribe
//! would, then killed, restarted and quit — and the notes are in the RON files.
//!
//! Needs tmux (CI installs it). Set ROAST_SKIP_TMUX=1 to skip on a machine without it.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::tmux::Tmux;

/// The pane runs `roast [args] --data-dir <data>`.
fn start(name: &str, data: &Path, width: u16, height: u16) -> Option<Tmux> {
    start_with(name, "", data, width, height)
}

fn start_with(name: &str, args: &str, data: &Path, width: u16, height: u16) -> Option<Tmux> {
    Tmux::start(name, &Tmux::roast(args, data), width, height)
}

fn session_files(data: &Path) -> String {
    let dir = data.join("series/payments-api/sessions");
    let mut all = String::new();
    for entry in std::fs::read_dir(&dir).expect("sessions folder") {
        all.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    all
}

fn kill(pid: u32, signal: &str) {
    let status = Command::new("kill")
        .args([signal, &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// Creates a series and starts a session, leaving the scribe in the editor.
fn start_session(t: &Tmux) {
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
    t.keys(&["C-t"]);
}

#[test]
fn notes_typed_in_a_real_terminal_are_on_disk_even_after_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let Some(t) = start("kill9", &data, 120, 36) else {
        return;
    };
    start_session(&t);
    t.type_text("Requests enter through the edge proxy");
    t.keys(&["Enter", "Tab", "Tab"]);
    t.type_text("Stagger restarts to keep the cache warm");
    t.keys(&["Enter"]);
    t.wait_for("Opportunities (1)");
    t.type_text("a thought still being typed");
    // The draft autosave runs within a second of the last keystroke.
    std::thread::sleep(Duration::from_millis(1500));
    kill(t.pane_pid(), "-KILL");
    t.wait_until_dead();

    let files = session_files(&data);
    assert!(
        files.contains("Requests enter through the edge proxy"),
        "{files}"
    );
    assert!(files.contains("kind: Opportunity"), "{files}");
    assert!(
        files.contains("Stagger restarts to keep the cache warm"),
        "{files}"
    );
    assert!(
        files.contains("a thought still being typed"),
        "draft: {files}"
    );

    // The next start puts the scribe back where they were, draft and all.
    t.respawn();
    t.wait_for("Resumed the session in progress");
    t.wait_for("a thought still being typed");
    t.type_text(", and finished");
    t.keys(&["Enter", "C-q"]);
    t.wait_until_dead();
    let files = session_files(&data);
    assert!(
        files.contains("a thought still being typed, and finished"),
        "{files}"
    );
}

#[test]
fn sigterm_and_sighup_save_and_exit() {
    for signal in ["-TERM", "-HUP"] {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let Some(t) = start(&format!("sig{}", &signal[1..]), &data, 100, 30) else {
            return;
        };
        start_session(&t);
        t.type_text("typed just before the signal");
        kill(t.pane_pid(), signal);
        t.wait_until_dead();
        let files = session_files(&data);
        assert!(
            files.contains("typed just before the signal"),
            "{signal}: {files}"
        );
    }
}

#[test]
fn a_whole_session_closes_and_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let Some(t) = start("whole", &data, 100, 30) else {
        return;
    };
    start_session(&t);
    t.type_text("Deploys restart every pod at once");
    t.keys(&["Enter", "F8"]);
    t.wait_for("End the meeting now?");
    t.keys(&["y"]);
    t.wait_for("Outcome");
    t.type_text("Deploys are the weak spot.");
    t.keys(&["C-s"]);
    t.wait_for("Session closed and saved");
    t.wait_for("1 session ·");
    t.keys(&["q"]);
    t.wait_until_dead();
    let files = session_files(&data);
    assert!(files.contains("outcome: Some(Completed)"), "{files}");
    assert!(
        files.contains("summary: \"Deploys are the weak spot.\""),
        "{files}"
    );
    assert!(
        files.contains("Deploys restart every pod at once"),
        "{files}"
    );
}

#[test]
fn a_second_screen_follows_the_scribe_within_a_second() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let Some(scribe) = start("scribe", &data, 100, 30) else {
        return;
    };
    start_session(&scribe);
    let Some(wall) = start_with("wall", "follow", &data, 160, 45) else {
        return;
    };
    wall.wait_for("Notes so far (0)");
    wall.wait_for("Payments API");
    let before: Vec<_> = std::fs::read_dir(data.join("series/payments-api"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();

    scribe.type_text("Deploys restart every pod at once");
    scribe.keys(&["Enter"]);
    wall.wait_for_within(
        "Deploys restart every pod at once",
        Duration::from_millis(1500),
    );
    scribe.keys(&["Tab"]);
    scribe.type_text("Stagger the restarts");
    scribe.keys(&["Enter"]);
    wall.wait_for_within("Stagger the restarts", Duration::from_millis(1500));
    wall.wait_for("Notes so far (2)");

    // The follower wrote nothing, not even a settings file or a lock of its own.
    let after: Vec<_> = std::fs::read_dir(data.join("series/payments-api"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(before, after);
    assert!(!data.join("settings.ron").exists());
    wall.keys(&["q"]);
    wall.wait_until_dead();
    scribe.keys(&["C-q"]);
    scribe.wait_until_dead();
}

#[test]
fn a_terminal_that_vanishes_without_a_signal_saves_and_exits() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let Some(t) = start("vanish", &data, 100, 30) else {
        return;
    };
    start_session(&t);
    t.type_text("typed just before the window went away");
    t.wait_for("typed just before the window went away");
    let pid = t.pane_pid();
    t.tmux(&["kill-server"]);
    let deadline = Instant::now() + Duration::from_secs(10);
    while Path::new(&format!("/proc/{pid}")).exists() {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        if stat.contains(") Z ") {
            break; // exited, not yet reaped
        }
        assert!(
            Instant::now() < deadline,
            "roast kept running (spinning?) after its terminal vanished"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let files = session_files(&data);
    assert!(
        files.contains("typed just before the window went away"),
        "{files}"
    );
}
