//! What the commands do with their output when the other end is not a plain file or a
//! terminal: a closed pipe, a device, a FIFO, a file size limit, a hostile file name.

mod common;

use std::io::Read as _;
use std::path::Path;
use std::process::{Command, Stdio};

use common::fixtures::{large_series, showcase};
use roast::storage::DataDir;

fn data_with(f: common::fixtures::Fixture) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut f = f;
    f.series.id = "svc".into();
    f.write_to(&DataDir::new(dir.path()).series_folder("svc"))
        .unwrap();
    dir
}

fn roast(data: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_roast"));
    c.env("ROAST_DATA_DIR", data);
    c
}

#[test]
fn a_closed_pipe_ends_summary_and_export_quietly() {
    let data = data_with(large_series(60, 40));
    for args in [
        vec!["summary", "svc"],
        vec!["export", "svc", "-f", "json"],
        vec!["list"],
    ] {
        let mut child = roast(data.path())
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // `| head -c 10`: read a little, then go away.
        let mut out = child.stdout.take().unwrap();
        let mut first = [0u8; 10];
        let _ = out.read(&mut first);
        drop(out);
        let done = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&done.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?} is not quiet: {err}");
        assert_eq!(done.status.code(), Some(0), "{args:?}");
    }
}

#[test]
fn export_to_standard_output_with_a_dash() {
    let data = data_with(showcase());
    let out = roast(data.path())
        .args(["export", "svc", "-f", "md", "-o", "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Payments"));
    assert!(!data.path().join("-").exists());
}

#[cfg(unix)]
#[test]
fn export_onto_a_device_or_fifo_writes_into_it_and_never_replaces_it() {
    use std::os::unix::fs::FileTypeExt as _;
    let data = data_with(showcase());
    let out = roast(data.path())
        .args(["export", "svc", "-f", "md", "-o", "/dev/null"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );

    let fifo = data.path().join("pipe");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a node.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out = roast(data.path())
        .args(["export", "svc", "-f", "md", "-o"])
        .arg(&fifo)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(reader.join().unwrap().contains("Payments"));
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    let leftovers: Vec<_> = std::fs::read_dir(data.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[cfg(unix)]
#[test]
fn a_file_size_limit_is_a_write_error_not_a_kill() {
    let data = data_with(showcase());
    let target = data.path().join("out.json");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -f 2; exec '{}' export svc -f json -o '{}'",
            env!("CARGO_BIN_EXE_roast"),
            target.display()
        ))
        .env("ROAST_DATA_DIR", data.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(2),
        "killed instead of failing: {:?} {err}",
        out.status
    );
    assert!(err.contains("out.json: cannot write"), "{err}");
    assert!(!target.exists());
    let temp: Vec<_> = std::fs::read_dir(data.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".out.json"))
        .collect();
    assert!(temp.is_empty(), "a partial temp file is left: {temp:?}");
}

#[test]
fn a_crafted_file_name_cannot_drive_the_terminal_through_stderr() {
    let data = data_with(showcase());
    let sessions = DataDir::new(data.path())
        .series_folder("svc")
        .sessions_dir();
    std::fs::write(
        sessions.join("\u{1b}]0;pwned\u{7}\u{202e}x.ron"),
        "(garbage",
    )
    .unwrap();
    for args in [
        vec!["summary", "svc"],
        vec!["export", "svc", "-f", "md"],
        vec!["list"],
    ] {
        let out = roast(data.path()).args(&args).output().unwrap();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !all.contains('\u{1b}') && !all.contains('\u{7}') && !all.contains('\u{202e}'),
            "{args:?}: {all:?}"
        );
        assert!(
            all.contains("pwned"),
            "{args:?}: the file is still named: {all}"
        );
    }
}

#[test]
fn agenda_text_cannot_drive_the_terminal_through_agendas_or_agenda_check() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("agendas");
    std::fs::create_dir_all(&dir).unwrap();
    let mut agenda = roast::agenda::builtin().remove(0).agenda;
    agenda.id = "mine".into();
    agenda.title = "Mine \u{1b}]0;pwned\u{7}\u{9b}2J".into();
    // A judgmental prompt, so `agenda check` quotes it back.
    agenda.topics[0].prompts[0] = "Why did you \u{1b}[31mbreak\u{202e} it?".into();
    let path = dir.join("mine.ron");
    std::fs::write(&path, roast::storage::format::to_pretty_ron(&agenda)).unwrap();
    for args in [
        vec!["agendas"],
        vec!["agenda", "check", path.to_str().unwrap()],
    ] {
        let out = roast(data.path()).args(&args).output().unwrap();
        let all = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(
            all.contains("pwned") || all.contains("break"),
            "{args:?}: {all}"
        );
        assert!(
            !all.contains('\u{1b}') && !all.contains('\u{9b}') && !all.contains('\u{202e}'),
            "{args:?}: {all:?}"
        );
    }
}
