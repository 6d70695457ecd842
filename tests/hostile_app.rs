//! The app itself (the built binary in tmux) against a hostile data folder and a hostile
//! machine: it starts, shows the series, answers Ctrl+Q, and touches none of the bad
//! files; under a file size limit it fails the save instead of dying, restores the
//! terminal, says where the notes went, and exits non-zero.

mod common;

use std::path::Path;

use common::fixtures::showcase;
use common::tmux::Tmux;
use roast::model::Outcome;
use roast::storage::DataDir;

fn fingerprint(path: &Path) -> String {
    let meta = std::fs::symlink_metadata(path).unwrap();
    if meta.file_type().is_symlink() {
        format!("link->{}", std::fs::read_link(path).unwrap().display())
    } else if meta.is_file() {
        format!("{:?}", std::fs::read(path).unwrap())
    } else {
        format!("node {:?}", meta.file_type())
    }
}

/// The showcase, every session closed (so the app opens on the series list).
fn write_series(data: &Path) -> roast::storage::SeriesFolder {
    let mut f = showcase();
    for s in &mut f.sessions {
        s.outcome.get_or_insert(Outcome::Completed);
    }
    let folder = DataDir::new(data).series_folder(&f.series.id);
    f.write_to(&folder).unwrap();
    folder
}

#[cfg(unix)]
#[test]
fn the_app_starts_quits_and_touches_nothing_in_a_hostile_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let folder = write_series(&data);
    let sessions = folder.sessions_dir();
    let c = std::ffi::CString::new(sessions.join("fifo.ron").to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a node.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    std::os::unix::fs::symlink("/dev/zero", sessions.join("zero.ron")).unwrap();
    std::fs::write(
        sessions.join("garbage.ron"),
        [0xff, 0, 0x1b, b'[', b'2', b'J'],
    )
    .unwrap();
    let first = std::fs::read_dir(&sessions)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("2026"))
        .unwrap();
    let copy = sessions.join(format!(
        "{} (conflicted copy).ron",
        first.file_stem().unwrap().to_string_lossy()
    ));
    std::fs::copy(&first, &copy).unwrap();
    // Settings from a newer roast, and a broken agenda.
    std::fs::write(
        data.join("settings.ron"),
        "(version: 9, theme: Dark, bell: false, chime: \"gong\")",
    )
    .unwrap();
    std::fs::create_dir_all(data.join("agendas")).unwrap();
    std::fs::write(data.join("agendas/broken.ron"), "(version: 1, id: ").unwrap();
    // Two more series: one whose series.ron is a FIFO, one whose id climbs out.
    std::fs::create_dir_all(data.join("series/fifo-series")).unwrap();
    let c = std::ffi::CString::new(data.join("series/fifo-series/series.ron").to_str().unwrap())
        .unwrap();
    // SAFETY: as above.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let series_text = std::fs::read_to_string(folder.series_path()).unwrap();
    std::fs::create_dir_all(data.join("series/climber")).unwrap();
    std::fs::write(
        data.join("series/climber/series.ron"),
        series_text.replacen("id: \"payments-api\"", "id: \"../../../tmp/x\"", 1),
    )
    .unwrap();
    let hostile: Vec<_> = [
        sessions.join("fifo.ron"),
        sessions.join("zero.ron"),
        sessions.join("garbage.ron"),
        copy.clone(),
        data.join("settings.ron"),
        data.join("agendas/broken.ron"),
        data.join("series/fifo-series/series.ron"),
        data.join("series/climber/series.ron"),
    ]
    .into_iter()
    .map(|p| {
        let f = fingerprint(&p);
        (p, f)
    })
    .collect();

    let Some(t) = Tmux::start("hostileapp", &Tmux::roast("", &data), 120, 36) else {
        return;
    };
    t.wait_for("Payments API");
    t.wait_for("climber");
    t.wait_for("fifo-series");
    // F2 and F3 would write settings: not over a file from a newer roast.
    t.keys(&["F2"]);
    t.keys(&["F3"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    t.keys(&["C-q"]);
    t.wait_until_dead();
    for (path, before) in hostile {
        assert_eq!(fingerprint(&path), before, "{} was changed", path.display());
    }
}

#[cfg(unix)]
#[test]
fn under_a_file_size_limit_the_app_fails_the_save_restores_the_terminal_and_exits_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    write_series(&data);
    // 2 KB (sh counts 512-byte blocks for -f in dash, 1 KB in bash): the series is already
    // there, a session with a long note is not allowed to be.
    let command = format!(
        "sh -c 'ulimit -f 2; {}; echo EXIT=$?; sleep 30'",
        Tmux::roast("", &data)
    );
    let Some(t) = Tmux::start("fsizeapp", &command, 120, 36) else {
        return;
    };
    t.wait_for("Payments API");
    t.keys(&["Enter"]);
    t.wait_for("Topic for this session");
    t.keys(&["Enter"]);
    t.wait_for("ground rules");
    t.keys(&["Escape"]);
    t.wait_for("Notes so far");
    let note = format!(
        "MARKER-START {} MARKER-END",
        "the ledger retries ".repeat(200)
    );
    t.tmux(&["set-buffer", "-b", "big", &note]);
    t.tmux(&["paste-buffer", "-p", "-b", "big", "-t", &t.session]);
    t.keys(&["Enter"]);
    t.wait_for("File too large");
    t.keys(&["C-q"]);
    t.wait_for("EXIT=2");
    assert!(
        !t.alternate_screen_on(),
        "the terminal was left on the alternate screen"
    );
    let screen = t.screen_with_history(5000);
    assert!(
        screen.contains("MARKER-START"),
        "the note is not shown anywhere:\n{screen}"
    );
    assert!(screen.contains("not everything could be saved"), "{screen}");
}

#[cfg(unix)]
#[test]
fn a_lock_deleted_mid_session_stops_the_writes_and_the_notes_go_to_a_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let folder = write_series(&data);
    let command = format!("sh -c '{}; echo EXIT=$?; sleep 30'", Tmux::roast("", &data));
    let Some(t) = Tmux::start("lockgone", &command, 120, 36) else {
        return;
    };
    t.wait_for("Payments API");
    t.keys(&["Enter"]);
    t.wait_for("Topic for this session");
    t.keys(&["Enter"]);
    t.wait_for("ground rules");
    t.keys(&["Escape"]);
    t.wait_for("Notes so far");
    t.type_text("written while the lock was ours");
    t.keys(&["Enter"]);
    let in_sessions = |needle: &str| {
        std::fs::read_dir(folder.sessions_dir())
            .unwrap()
            .filter_map(Result::ok)
            .any(|e| {
                std::fs::read_to_string(e.path())
                    .unwrap_or_default()
                    .contains(needle)
            })
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !in_sessions("written while the lock was ours") {
        assert!(
            std::time::Instant::now() < deadline,
            "the first note was never saved"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    // A clean-up script removes the lock; a second roast could now come in.
    std::fs::remove_file(folder.dir().join(".lock")).unwrap();
    t.type_text("written after the lock went");
    t.keys(&["Enter"]);
    t.wait_for("deleted or replaced");
    let recovered = |needle: &str| {
        std::fs::read_dir(data.join("recovery/payments-api"))
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .any(|e| {
                std::fs::read_to_string(e.path())
                    .unwrap_or_default()
                    .contains(needle)
            })
    };
    assert!(recovered("written after the lock went"));
    assert!(
        !in_sessions("written after the lock went"),
        "it kept writing the shared file"
    );
    t.keys(&["C-q"]);
    t.wait_for("EXIT=2");
    let screen = t.screen_with_history(2000);
    assert!(screen.contains("recovery"), "{screen}");
}
