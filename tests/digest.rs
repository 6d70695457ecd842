//! The series list's digests: the same figures as reading every file, files read again
//! only when they changed, and never trusted over the files themselves.

mod common;

use std::path::Path;
use std::time::{Duration, SystemTime};

use common::fixtures::{Fixture, large_series, showcase};
use roast::model::Outcome;
use roast::storage::digest::{self, DIGESTS_DIR};
use roast::storage::{DataDir, SeriesFolder, format, room_only};

fn written(f: &Fixture) -> (tempfile::TempDir, DataDir, SeriesFolder) {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path());
    let folder = data.series_folder(&f.series.id);
    f.write_to(&folder).unwrap();
    (dir, data, folder)
}

/// Dates every file of the folder an hour back, as files are between two meetings.
fn settle(folder: &SeriesFolder) {
    let then = SystemTime::now() - Duration::from_secs(3600);
    let mut files = vec![folder.series_path()];
    for dir in [folder.sessions_dir(), room_only::room_only_dir(folder)] {
        files.extend(std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()));
    }
    for f in files {
        set_time(&f, then);
    }
}

fn set_time(path: &Path, t: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(t)
        .unwrap();
}

fn assert_agrees_with_a_full_read(folder: &SeriesFolder, now_ms: i64) {
    let listed = digest::list(folder).unwrap();
    let loaded = folder.load().unwrap();
    let full = roast::progress::progress(&loaded.series, &loaded.sessions, now_ms);
    let quick = listed.digest.progress(now_ms);
    assert_eq!(
        (
            quick.sessions_held,
            quick.meeting_secs,
            quick.target_secs,
            quick.covered_topics,
            quick.total_topics,
            quick.parked_offshoots
        ),
        (
            full.sessions_held,
            full.meeting_secs,
            full.target_secs,
            full.covered_topics,
            full.total_topics,
            full.parked_offshoots
        )
    );
    assert_eq!(
        listed.digest.open_session_started(),
        loaded.open_session().map(|s| s.started)
    );
    let problems: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert_eq!(listed.digest.problems(), problems);
    assert_eq!(listed.digest.service, loaded.series.service);
    assert_eq!(listed.digest.agenda_title, loaded.series.agenda.title);
}

#[test]
fn a_digest_gives_the_same_row_as_reading_every_file() {
    for f in [showcase(), large_series(40, 20)] {
        let (_dir, _data, folder) = written(&f);
        std::fs::write(
            folder.sessions_dir().join("broken.ron"),
            "(version: 1, id: ",
        )
        .unwrap();
        assert_agrees_with_a_full_read(&folder, f.now_ms);
        settle(&folder);
        // Once from files, once from the digest itself.
        assert_agrees_with_a_full_read(&folder, f.now_ms);
        assert_agrees_with_a_full_read(&folder, f.now_ms);
    }
}

#[test]
fn a_session_changed_since_the_digest_is_read_again() {
    let f = large_series(12, 10);
    let (_dir, _data, folder) = written(&f);
    settle(&folder);
    let before = digest::list(&folder).unwrap().digest;
    let mut open = f.sessions.last().unwrap().clone();
    assert!(before.open_session_started().is_some());
    open.outcome = Some(Outcome::Completed);
    let path = folder.session_path(&open.id);
    std::fs::write(&path, format::to_pretty_ron(&open)).unwrap();
    set_time(&path, SystemTime::now() - Duration::from_secs(60));
    let after = digest::list(&folder).unwrap().digest;
    assert_eq!(after.open_session_started(), None);
    assert_eq!(
        after.progress(f.now_ms).sessions_held,
        before.progress(f.now_ms).sessions_held + 1
    );
    assert_agrees_with_a_full_read(&folder, f.now_ms);
}

#[test]
fn an_unchanged_session_file_is_not_read_again() {
    let f = large_series(6, 10);
    let (_dir, _data, folder) = written(&f);
    settle(&folder);
    digest::list(&folder).unwrap();
    // Same size and time, different bytes: only a digest that skips the file misses it.
    let path = folder.session_path(&f.sessions[0].id);
    let then = std::fs::metadata(&path).unwrap().modified().unwrap();
    let len = std::fs::metadata(&path).unwrap().len() as usize;
    std::fs::write(&path, "x".repeat(len)).unwrap();
    set_time(&path, then);
    assert_eq!(digest::list(&folder).unwrap().digest.problems().len(), 0);
}

#[test]
fn a_file_changed_moments_ago_is_never_trusted_by_its_stamp() {
    let f = large_series(6, 10);
    let (_dir, _data, folder) = written(&f);
    // Fresh files: a second change in the same clock tick would keep the stamp.
    digest::list(&folder).unwrap();
    let path = folder.session_path(&f.sessions[0].id);
    let then = std::fs::metadata(&path).unwrap().modified().unwrap();
    let len = std::fs::metadata(&path).unwrap().len() as usize;
    std::fs::write(&path, "x".repeat(len)).unwrap();
    set_time(&path, then);
    assert_eq!(digest::list(&folder).unwrap().digest.problems().len(), 1);
}

#[test]
fn a_damaged_digest_is_rebuilt_from_the_files() {
    let f = large_series(8, 10);
    let (dir, data, folder) = written(&f);
    settle(&folder);
    digest::list(&folder).unwrap();
    let path = digest::digest_path(dir.path(), &f.series.id);
    assert!(path.starts_with(dir.path().join(DIGESTS_DIR)));
    assert!(
        !path.starts_with(folder.dir()),
        "never inside the shared folder"
    );
    for damage in ["", "{\"version\": 1", "not json at all"] {
        std::fs::write(&path, damage).unwrap();
        assert_agrees_with_a_full_read(&folder, f.now_ms);
        assert_eq!(data.list_digests().len(), 1);
    }
}

#[test]
fn a_series_whose_file_is_unreadable_lists_as_the_same_error() {
    let f = large_series(3, 5);
    let (_dir, data, folder) = written(&f);
    std::fs::write(folder.series_path(), "(").unwrap();
    let listed = data.list_digests();
    let full = data.list_series();
    assert_eq!(
        listed[0].as_ref().err().map(ToString::to_string),
        full[0].as_ref().err().map(ToString::to_string)
    );
}

#[test]
fn a_change_to_a_local_room_only_file_alone_is_noticed() {
    let f = large_series(6, 10);
    let (_dir, _data, folder) = written(&f);
    settle(&folder);
    let before = digest::list(&folder).unwrap().digest;
    // A room-only off-shoot saved locally just before a crash cut the shared write short:
    // a full read puts it back, so the list must count it as parked too.
    let mut s = f.sessions[0].clone();
    let id = s.next_note_id();
    s.restore_note(roast::model::Note {
        id,
        kind: roast::model::NoteKind::OffShoot,
        text: "The vendor's webhook retries, parked for later.".into(),
        elapsed_secs: 60,
        room_only: true,
        fix: None,
        flagged: false,
        rephrased: false,
    });
    let [(local, bytes), _] = room_only::session_files(&folder, &s);
    std::fs::write(&local, bytes).unwrap();
    set_time(&local, SystemTime::now() - Duration::from_secs(60));
    let after = digest::list(&folder).unwrap().digest;
    assert_eq!(
        after.progress(f.now_ms).parked_offshoots,
        before.progress(f.now_ms).parked_offshoots + 1
    );
    assert_agrees_with_a_full_read(&folder, f.now_ms);
}

#[test]
fn roast_list_shows_from_the_digests_the_lines_a_full_read_gives_and_keeps_them() {
    let f = showcase();
    let (dir, data, folder) = written(&f);
    let other = large_series(4, 10);
    other
        .write_to(&data.series_folder(&other.series.id))
        .unwrap();
    // One session that cannot be read: the row says it is partial, naming the file.
    std::fs::write(
        folder.sessions_dir().join("broken.ron"),
        "(version: 1, id: ",
    )
    .unwrap();
    settle(&folder);
    let archived: std::collections::BTreeSet<String> = [f.series.id.clone()].into();
    let from_files = roast::summary::list::render_marking(&data.list_series(), f.now_ms, &archived);
    let from_digests =
        roast::summary::list::render_listed(&data.list_digests(), f.now_ms, &archived);
    assert!(from_files.contains("partial"), "{from_files}");
    assert_eq!(from_digests, from_files);
    // The command keeps what it read in the digests, so the next look reads nothing.
    std::fs::remove_dir_all(dir.path().join(DIGESTS_DIR)).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_roast"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["list", "--all"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("partial"));
    for id in [&f.series.id, &other.series.id] {
        assert!(
            digest::digest_path(dir.path(), id).is_file(),
            "roast list left no digest for {id}"
        );
    }
}
