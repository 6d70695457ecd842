//! Hostile files of every kind, through every command: whatever turns up in a shared data
//! folder, `roast` never hangs, never panics, says which file is wrong, and leaves the
//! file exactly as it was.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::fixtures::showcase;
use roast::storage::{DataDir, SeriesFolder};

const SERIES: &str = "payments";

/// Runs the built binary with a deadline: a hang is a failure, not a stuck test run.
fn roast(args: &[&str], data: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_roast"))
        .args(args)
        .env("ROAST_DATA_DIR", data)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("running roast");
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("roast {args:?} hung on a hostile file");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// A data folder holding the showcase series as `payments`.
fn data_with_series() -> (tempfile::TempDir, SeriesFolder) {
    let dir = tempfile::tempdir().unwrap();
    let folder = DataDir::new(dir.path()).series_folder(SERIES);
    let mut f = showcase();
    f.series.id = SERIES.into();
    f.write_to(&folder).unwrap();
    (dir, folder)
}

fn first_session(folder: &SeriesFolder) -> PathBuf {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder.sessions_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.remove(0)
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a node.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

/// What a file looks like on disk, to prove it untouched: its type, link target, bytes.
fn fingerprint(path: &Path) -> String {
    let meta = std::fs::symlink_metadata(path).unwrap();
    if meta.file_type().is_symlink() {
        format!("link->{}", std::fs::read_link(path).unwrap().display())
    } else if !meta.is_file() {
        format!("node {:?}", meta.file_type())
    } else if meta.len() > 1024 * 1024 {
        format!("big {}", meta.len())
    } else {
        format!("{:?}", std::fs::read(path).unwrap())
    }
}

/// Every kind of hostile content, as (name, writer). The writer turns `path` into it.
type Hostile = (&'static str, fn(&Path, &str));

fn kinds() -> Vec<Hostile> {
    vec![
        ("garbage", |p, _| {
            std::fs::write(p, [0xde, 0xad, 0xff, 0, 7]).unwrap()
        }),
        ("empty", |p, _| std::fs::write(p, "").unwrap()),
        ("truncated", |p, valid| {
            std::fs::write(p, &valid[..valid.len() / 2]).unwrap()
        }),
        ("newer version", |p, valid| {
            std::fs::write(p, with_version(valid, "version: 99,")).unwrap()
        }),
        ("newer version with extra fields", |p, valid| {
            std::fs::write(p, with_version(valid, "version: 9, hologram: true,")).unwrap()
        }),
        ("duplicate keys", |p, valid| {
            std::fs::write(p, with_version(valid, "version: 1, version: 1,")).unwrap()
        }),
        ("huge", |p, _| {
            let f = std::fs::File::create(p).unwrap();
            f.set_len(65 * 1024 * 1024).unwrap();
        }),
        #[cfg(unix)]
        ("fifo", |p, _| mkfifo(p)),
        #[cfg(unix)]
        ("link to /dev/zero", |p, _| {
            std::os::unix::fs::symlink("/dev/zero", p).unwrap()
        }),
        #[cfg(unix)]
        ("link out of the data folder", |p, _| {
            std::os::unix::fs::symlink("/etc/hostname", p).unwrap()
        }),
        ("escape sequences", |p, valid| {
            std::fs::write(p, format!("\u{1b}]0;pwned\u{7}{valid}\u{1b}[2J")).unwrap()
        }),
    ]
}

/// `valid` with its first `version: N,` replaced by `by`.
fn with_version(valid: &str, by: &str) -> String {
    let at = valid
        .find("version: ")
        .expect("every file carries a version");
    let end = at + valid[at..].find(',').unwrap() + 1;
    let changed = format!("{}{by}{}", &valid[..at], &valid[end..]);
    assert_ne!(changed, valid);
    changed
}

/// Replaces `path` (a valid file) with each hostile kind in turn and runs `check`.
fn each_kind(path: &Path, mut check: impl FnMut(&str, &Path)) {
    let valid = std::fs::read_to_string(path).unwrap();
    for (name, make) in kinds() {
        std::fs::remove_file(path).unwrap();
        make(path, &valid);
        let before = fingerprint(path);
        check(name, path);
        assert_eq!(fingerprint(path), before, "{name}: the file was changed");
        std::fs::remove_file(path).unwrap();
        std::fs::write(path, &valid).unwrap();
    }
}

fn assert_calm(name: &str, what: &str, out: &Output) {
    let all = text(out);
    assert!(
        !all.contains("panicked"),
        "{name} / {what}: a panic:\n{all}"
    );
    assert!(
        !all.contains('\u{1b}') && !all.contains('\u{7}'),
        "{name} / {what}: an escape sequence reached the terminal:\n{all:?}"
    );
    assert!(
        matches!(out.status.code(), Some(0..=2)),
        "{name} / {what}: exit {:?}",
        out.status
    );
}

const COMMANDS: [&[&str]; 7] = [
    &["list"],
    &["summary", SERIES],
    &["export", SERIES, "-f", "md"],
    &["export", SERIES, "-f", "html"],
    &["export", SERIES, "-f", "csv"],
    &["export", SERIES, "-f", "json"],
    &["agendas"],
];

#[test]
fn a_hostile_session_file_is_skipped_by_name_by_every_command_and_left_as_it_was() {
    let (data, folder) = data_with_series();
    let path = first_session(&folder);
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    each_kind(&path, |kind, _| {
        for args in COMMANDS {
            let out = roast(args, data.path());
            assert_calm(kind, &args.join(" "), &out);
            if args[0] != "agendas" {
                assert_eq!(
                    out.status.code(),
                    Some(0),
                    "{kind} / {args:?}: {}",
                    text(&out)
                );
                assert!(
                    text(&out).contains(&name),
                    "{kind} / {args:?}: the file is not named:\n{}",
                    text(&out)
                );
            }
        }
    });
}

#[test]
fn a_hostile_series_file_is_refused_by_name_by_every_command_and_left_as_it_was() {
    let (data, folder) = data_with_series();
    each_kind(&folder.series_path(), |kind, _| {
        for args in COMMANDS {
            let out = roast(args, data.path());
            assert_calm(kind, &args.join(" "), &out);
            if args[0] != "agendas" {
                assert!(
                    text(&out).contains("series.ron"),
                    "{kind} / {args:?}: the file is not named:\n{}",
                    text(&out)
                );
            }
        }
    });
}

#[test]
fn a_hostile_backlog_item_is_skipped_by_name_and_left_as_it_was() {
    let (data, folder) = data_with_series();
    let dir = folder.dir().join("backlog");
    let mut items: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    items.sort();
    let path = items.remove(0);
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    each_kind(&path, |kind, _| {
        for args in &COMMANDS[1..6] {
            let out = roast(args, data.path());
            assert_calm(kind, &args.join(" "), &out);
            assert!(
                text(&out).contains(&name),
                "{kind} / {args:?}: the file is not named:\n{}",
                text(&out)
            );
        }
    });
}

#[test]
fn a_hostile_agenda_file_is_reported_by_name_and_left_as_it_was() {
    let (data, _folder) = data_with_series();
    let dir = data.path().join("agendas");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("mine.ron");
    let agenda = roast::agenda::builtin().remove(0).agenda;
    std::fs::write(&path, roast::storage::format::to_pretty_ron(&agenda)).unwrap();
    let path_arg = path.to_str().unwrap().to_string();
    each_kind(&path, |kind, _| {
        let out = roast(&["agenda", "check", &path_arg], data.path());
        assert_calm(kind, "agenda check", &out);
        assert_ne!(out.status.code(), Some(0), "{kind}: accepted");
        assert!(text(&out).contains("mine.ron"), "{kind}: {}", text(&out));
        let out = roast(&["agendas"], data.path());
        assert_calm(kind, "agendas", &out);
    });
}

#[test]
fn a_second_copy_of_a_session_is_reported_and_never_used() {
    let (data, folder) = data_with_series();
    let real = first_session(&folder);
    let stem = real.file_stem().unwrap().to_string_lossy().into_owned();
    // The stale copy a sync tool leaves: same id, still open, a note the real one lacks.
    let mut stale: roast::model::Session =
        roast::storage::format::read_ron_file(&real, None).unwrap();
    stale.outcome = None;
    stale.closed = None;
    stale.notes[0].text = "STALE COPY".into();
    for copy in [
        format!("{stem}.sync-conflict-20261129-101010-ABCDEF.ron"),
        format!("{stem} (conflicted copy).ron"),
    ] {
        let path = folder.sessions_dir().join(&copy);
        std::fs::write(&path, roast::storage::format::to_pretty_ron(&stale)).unwrap();
        let loaded = folder.load().unwrap();
        assert_ne!(
            loaded.open_session().map(|s| s.id.as_str()),
            Some(stem.as_str()),
            "{copy}: the stale copy was resumed"
        );
        assert!(
            loaded
                .sessions
                .iter()
                .flat_map(|s| &s.notes)
                .all(|n| n.text != "STALE COPY"),
            "{copy}: the stale copy was used"
        );
        assert!(
            loaded.problems.iter().any(|p| p.path == path
                && p.to_string()
                    .contains(&format!("a second copy of session {stem}"))
                && p.to_string().ends_with("not used")),
            "{copy}: {:?}",
            loaded.problems
        );
        let out = roast(&["export", SERIES, "-f", "md"], data.path());
        assert!(
            !text(&out).contains("STALE COPY"),
            "{copy}: merged into the export"
        );
        assert!(text(&out).contains("a second copy"), "{}", text(&out));
        // Nothing may write over it, even by mistake.
        assert!(roast::storage::write_atomic(&path, b"x").is_err());
        std::fs::remove_file(&path).unwrap();
    }
}

#[test]
fn an_id_that_climbs_out_of_the_folder_is_refused_with_file_line_and_column() {
    let (data, folder) = data_with_series();
    let series_text = std::fs::read_to_string(folder.series_path()).unwrap();
    let bad = series_text.replacen(&format!("id: \"{SERIES}\""), "id: \"../../escaped\"", 1);
    assert_ne!(bad, series_text);
    std::fs::write(folder.series_path(), &bad).unwrap();
    let out = roast(&["export", SERIES, "-f", "md"], data.path());
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out);
    assert!(err.contains("series.ron:3:"), "{err}");
    assert!(err.contains("the series id \"../../escaped\""), "{err}");
    std::fs::write(folder.series_path(), &series_text).unwrap();

    let session = first_session(&folder);
    let session_text = std::fs::read_to_string(&session).unwrap();
    let stem = session.file_stem().unwrap().to_string_lossy().into_owned();
    let bad = session_text.replacen(&format!("\"{stem}\""), "\"../../../x\"", 1);
    std::fs::write(&session, &bad).unwrap();
    let loaded = folder.load().unwrap();
    assert!(loaded.sessions.iter().all(|s| !s.id.contains('/')));
    let problem = loaded.problems.iter().find(|p| p.path == session).unwrap();
    assert!(problem.position.is_some(), "{problem}");
    assert!(problem.to_string().contains("session id"), "{problem}");
    assert!(!data.path().parent().unwrap().join("x.ron").exists());
    assert!(
        roast(&["export", "../x", "-f", "md"], data.path())
            .status
            .code()
            == Some(2)
    );
}

#[test]
fn a_session_file_named_by_a_room_only_offshoot_is_not_spelled_out_when_unreadable() {
    let (data, folder) = data_with_series();
    // The showcase holds a session about the room-only off-shoot "Vendor X pricing".
    let secret = std::fs::read_dir(folder.sessions_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("vendor"))
        .expect("the showcase has a session about the room-only off-shoot");
    std::fs::write(&secret, "(garbage").unwrap();
    for format in ["md", "html", "json", "csv"] {
        let out = roast(&["export", SERIES, "-f", format], data.path());
        let exported = String::from_utf8_lossy(&out.stdout).to_lowercase();
        assert!(!exported.contains("vendor"), "{format} names the off-shoot");
    }
}

#[cfg(unix)]
#[test]
fn leftovers_of_an_interrupted_save_are_removed_when_the_series_is_opened() {
    let (_data, folder) = data_with_series();
    let leftover = folder.sessions_dir().join(".20260302-100000-x.ron.Ab12Cd");
    std::fs::write(&leftover, "room-only words").unwrap();
    let unrelated = folder.sessions_dir().join(".keep-me");
    std::fs::write(&unrelated, "x").unwrap();
    let _lock = roast::storage::SeriesLock::acquire(folder.dir()).unwrap();
    assert!(!leftover.exists());
    assert!(unrelated.exists());
}
