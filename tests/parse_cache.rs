//! The parse cache: a series read through it is the series read from its files, a file
//! that changed is read again, and the cache is never trusted over the files themselves
//! (damaged, stale, a file turned into a link, a FIFO or garbage).

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use common::fixtures::{Fixture, large_series, showcase};
use roast::backlog::LoadedBacklog;
use roast::storage::parse_cache::{PARSED_DIR, SeriesCache};
use roast::storage::{DataDir, LoadedSeries, SeriesFolder, guard, room_only};

fn written(f: &Fixture) -> (tempfile::TempDir, SeriesFolder) {
    let dir = tempfile::tempdir().unwrap();
    let folder = DataDir::new(dir.path()).series_folder(&f.series.id);
    f.write_to(&folder).unwrap();
    (dir, folder)
}

/// A look at the folder well after every file in it was written: all have settled.
fn later(folder: &SeriesFolder) -> SeriesCache {
    SeriesCache::for_folder(folder, SystemTime::now() + Duration::from_secs(60))
}

fn read_through(cache: &SeriesCache, folder: &SeriesFolder) -> (LoadedSeries, LoadedBacklog) {
    (
        folder.load_with(Some(cache)).unwrap(),
        LoadedBacklog::load_with(folder, Some(cache)),
    )
}

fn assert_same(cached: &(LoadedSeries, LoadedBacklog), folder: &SeriesFolder) {
    let files = folder.load().unwrap();
    let backlog = LoadedBacklog::load(folder);
    assert_eq!(cached.0.series, files.series);
    assert!(cached.0.sessions == files.sessions, "the sessions differ");
    assert_eq!(cached.0.problems, files.problems);
    assert_eq!(cached.1.backlog, backlog.backlog);
    assert_eq!(cached.1.problems, backlog.problems);
    assert_eq!(cached.1.voted, backlog.voted);
    assert_eq!(cached.1.legacy_votes, backlog.legacy_votes);
}

fn cache_files(folder: &SeriesFolder) -> Vec<PathBuf> {
    let dir = folder.data_root().join(PARSED_DIR).join(folder.id());
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

/// Each cache file's inode: a rewrite (rename over it) changes it.
fn inodes(files: &[PathBuf]) -> Vec<u64> {
    use std::os::unix::fs::MetadataExt as _;
    files
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().ino())
        .collect()
}

#[test]
fn a_series_read_through_its_cache_is_the_series_read_from_its_files() {
    for fixture in [showcase(), large_series(12, 30)] {
        let (_dir, folder) = written(&fixture);
        let cache = later(&folder);
        let first = read_through(&cache, &folder);
        assert_same(&first, &folder);
        let files = cache_files(&folder);
        let names: Vec<_> = files.iter().map(|f| f.file_name().unwrap()).collect();
        assert!(
            [
                "backlog.cache",
                "ballots.cache",
                "room-only.cache",
                "sessions.cache"
            ]
            .iter()
            .all(|n| names.contains(&std::ffi::OsStr::new(n))),
            "{names:?}"
        );
        // Read again from the cache alone: the same series, and nothing rewritten.
        let before = inodes(&files);
        let second = read_through(&cache, &folder);
        assert_same(&second, &folder);
        assert_eq!(
            inodes(&files),
            before,
            "a cache that was up to date was rewritten"
        );
    }
}

#[test]
fn files_changed_within_the_last_seconds_are_not_cached() {
    let (_dir, folder) = written(&showcase());
    let now = SeriesCache::for_folder(&folder, SystemTime::now());
    assert_same(&read_through(&now, &folder), &folder);
    assert!(
        cache_files(&folder).is_empty(),
        "fresh files were cached: {:?}",
        cache_files(&folder)
    );
    // Once they have settled, they are.
    read_through(&later(&folder), &folder);
    assert_eq!(cache_files(&folder).len(), 4);
}

#[test]
fn a_session_that_changed_since_it_was_cached_is_read_again() {
    let fixture = showcase();
    let (_dir, folder) = written(&fixture);
    read_through(&later(&folder), &folder);
    let mut session = fixture.sessions[0].clone();
    session.notes[0].text = "changed after the cache was made".into();
    room_only::write_session(&folder, &session).unwrap();
    let read = read_through(&later(&folder), &folder);
    assert_same(&read, &folder);
    let got = read.0.sessions.iter().find(|s| s.id == session.id).unwrap();
    assert_eq!(got.notes[0].text, "changed after the cache was made");
}

#[test]
fn a_damaged_or_cut_cache_is_ignored_and_rebuilt() {
    let (_dir, folder) = written(&large_series(6, 20));
    let cache = later(&folder);
    read_through(&cache, &folder);
    let files = cache_files(&folder);
    for (i, file) in files.iter().enumerate() {
        let bytes = std::fs::read(file).unwrap();
        let damaged = match i % 3 {
            0 => bytes[..bytes.len() * 2 / 3].to_vec(),
            1 => bytes
                .iter()
                .map(|b| if *b == b':' { b';' } else { *b })
                .collect(),
            _ => vec![0; bytes.len()],
        };
        std::fs::write(file, damaged).unwrap();
    }
    assert_same(&read_through(&cache, &folder), &folder);
    // Rebuilt: read once more, it is whole again and used as it is.
    let before = inodes(&files);
    assert_same(&read_through(&cache, &folder), &folder);
    assert_eq!(inodes(&files), before);
}

#[test]
fn a_cached_file_that_turns_to_garbage_is_reported_and_protected() {
    let fixture = showcase();
    let (_dir, folder) = written(&fixture);
    let cache = later(&folder);
    read_through(&cache, &folder);
    let path = folder.session_path(&fixture.sessions[1].id);
    std::fs::write(&path, "(version: 1, id: ").unwrap();
    let read = read_through(&cache, &folder);
    assert!(
        read.0.problems.iter().any(|p| p.path == path),
        "{:?}",
        read.0.problems
    );
    assert!(guard::is_protected(&path));
    assert_same(&read, &folder);
}

#[cfg(unix)]
#[test]
fn a_cached_file_replaced_by_a_link_out_of_the_data_folder_or_a_fifo_is_refused_by_name() {
    let fixture = showcase();
    let (_dir, folder) = written(&fixture);
    let cache = later(&folder);
    read_through(&cache, &folder);
    let outside = tempfile::tempdir().unwrap();
    let stolen = outside.path().join("elsewhere.ron");
    let linked = folder.session_path(&fixture.sessions[0].id);
    std::fs::rename(&linked, &stolen).unwrap();
    std::os::unix::fs::symlink(&stolen, &linked).unwrap();
    let fifo = folder.session_path(&fixture.sessions[1].id);
    std::fs::remove_file(&fifo).unwrap();
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a node.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let read = read_through(&cache, &folder);
    let said = |path: &Path, what: &str| {
        read.0
            .problems
            .iter()
            .any(|p| p.path == path && p.to_string().contains(what))
    };
    assert!(
        said(&linked, "outside the data folder"),
        "{:?}",
        read.0.problems
    );
    assert!(said(&fifo, "a FIFO"), "{:?}", read.0.problems);
    assert_same(&read, &folder);
}

#[test]
fn the_summary_and_the_export_say_the_same_through_the_cache() {
    let mut fixture = large_series(8, 25);
    // A timer left running counts on between two runs; paused, the outputs compare.
    for session in &mut fixture.sessions {
        session.timer.running_since_ms = None;
    }
    let dir = tempfile::tempdir().unwrap();
    let folder = DataDir::new(dir.path()).series_folder(&fixture.series.id);
    fixture.write_to(&folder).unwrap();
    // Only files that settled are cached (their change time, which nothing can set
    // back, is what counts): wait until these have.
    std::thread::sleep(Duration::from_millis(2100));
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_roast"))
            .arg("--data-dir")
            .arg(dir.path())
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // The "generated" time differs between two runs.
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .filter(|l| !l.contains("enerated"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let id = fixture.series.id.as_str();
    for args in [
        vec!["summary", id],
        vec!["export", id, "--format", "json", "--with-notes"],
    ] {
        // The first run reads the files and caches them; the second reads the cache.
        let first = run(&args);
        assert!(!cache_files(&folder).is_empty(), "nothing was cached");
        let second = run(&args);
        assert_eq!(first, second, "{args:?}");
    }
}
