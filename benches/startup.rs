//! Start-up as a person sees it: the release binary spawned in a pseudo-terminal, timed
//! from spawn until its first complete frame of the series list has been written to the
//! terminal. Two data folders: 100 series of 10 sessions, and one series of 500 sessions
//! (100 notes each, 40–300 characters).
//!
//! Run: cargo bench --bench startup -- --warm-up-time 1 --measurement-time 3

mod common;

use std::fs::File;
use std::io::Read;
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};

const COLS: u16 = 160;
const ROWS: u16 = 45;

/// The app in a new pseudo-terminal of `COLS`x`ROWS`, as its controlling terminal; returns
/// the child and the terminal's master side, where its output arrives.
fn spawn_in_pty(data: &Path) -> (Child, File) {
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize {
        ws_row: ROWS,
        ws_col: COLS,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: the out-pointers are valid; a null name and termios are allowed.
    let r = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(r, 0, "openpty: {}", std::io::Error::last_os_error());
    // SAFETY: openpty returned two fresh descriptors that nothing else owns.
    let (master, slave) = unsafe { (File::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let mut cmd = Command::new(common::roast_bin());
    cmd.arg("--data-dir")
        .arg(data)
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR")
        .stdin(Stdio::from(slave.try_clone().unwrap()))
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave));
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            // A session of its own, with the pty as its controlling terminal, as a shell
            // would start it (SIGWINCH and terminal size queries depend on it).
            if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let child = cmd.spawn().expect("roast starts");
    drop(cmd);
    (child, master)
}

/// Reads the terminal until a frame showing `expect` is complete: ratatui ends every
/// frame by hiding or showing the cursor, after all the cells.
fn wait_for_frame(term: &mut File, expect: &str) -> Vec<u8> {
    let mut seen = Vec::with_capacity(64 * 1024);
    let mut buf = [0u8; 16 * 1024];
    let shown_at = |seen: &[u8]| {
        seen.windows(expect.len())
            .position(|w| w == expect.as_bytes())
    };
    loop {
        let n = term
            .read(&mut buf)
            .unwrap_or_else(|e| panic!("roast ended before its first frame ({e}): {seen:?}"));
        assert!(n > 0, "roast closed the terminal before its first frame");
        seen.extend_from_slice(&buf[..n]);
        if let Some(at) = shown_at(&seen) {
            let rest = &seen[at..];
            if rest
                .windows(6)
                .any(|w| w == b"\x1b[?25l" || w == b"\x1b[?25h")
            {
                return seen;
            }
        }
    }
}

fn stop(mut child: Child) {
    let _ = child.kill();
    let _ = child.wait();
}

/// One start: spawn to first frame. The child is stopped outside the timing.
fn time_one_start(data: &Path, expect: &str) -> Duration {
    let start = Instant::now();
    let (child, mut term) = spawn_in_pty(data);
    wait_for_frame(&mut term, expect);
    let took = start.elapsed();
    stop(child);
    took
}

/// One start that runs to its end (Ctrl+Q) instead of being killed: the app writes the
/// series list's digests after its first frame, so the timed starts find them, as every
/// start but the very first does.
fn settle(data: &Path, expect: &str) {
    use std::io::Write as _;
    let (mut child, mut term) = spawn_in_pty(data);
    wait_for_frame(&mut term, expect);
    term.write_all(b"\x11").expect("the terminal takes Ctrl+Q");
    // Drain the terminal so the app never blocks on a full one while it quits.
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while matches!(term.read(&mut buf), Ok(n) if n > 0) {}
    });
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if child.try_wait().ok().flatten().is_some() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("roast did not quit on Ctrl+Q within 20 s");
}

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("start-up to first frame, release binary in a 160x45 pty");
    group.sample_size(20);
    for (label, series, sessions) in [
        ("100 series x 10 sessions", 100, 10),
        ("1 series x 500 sessions", 1, 500),
    ] {
        let data = common::data_dir(series, sessions, 100);
        // The first series in the list; its row is in every complete frame.
        let expect = "Large Service";
        settle(&data, expect);
        group.bench_function(label, |b| {
            b.iter_custom(|iters| (0..iters).map(|_| time_one_start(&data, expect)).sum())
        });
    }
    group.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
