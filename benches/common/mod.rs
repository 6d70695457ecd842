//! What the benches share: big series written to disk once and kept between runs, the
//! release binary, and the peak memory of one run of a process.
#![allow(dead_code)]

#[path = "../../tests/common/fixtures/mod.rs"]
pub mod fixtures;
pub mod terminal;

use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};

use roast::storage::DataDir;

/// Bumped whenever the generator's output changes, so stale data on disk is not reused.
const GENERATION: u32 = 3;

/// The `roast` binary cargo built for this bench (the release profile, as shipped), or
/// the one `ROAST_BENCH_BIN` names, to compare builds made with other profiles.
pub fn roast_bin() -> PathBuf {
    std::env::var_os("ROAST_BENCH_BIN")
        .map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_roast")), PathBuf::from)
}

/// A data folder holding `series` generated series of `sessions` sessions of `notes`
/// notes each, the same files the app writes. A big one takes a while to generate, so
/// it is made once under cargo's temporary target folder and reused while the generator
/// is unchanged.
pub fn data_dir(series: usize, sessions: usize, notes: usize) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("bench-data-g{GENERATION}"))
        .join(format!("{series}x{sessions}x{notes}"));
    let done = root.join(".complete");
    if done.exists() {
        return root;
    }
    let _ = std::fs::remove_dir_all(&root);
    eprintln!("writing {series} series x {sessions} sessions x {notes} notes to {root:?} (once)");
    let data = DataDir::new(&root);
    for n in 0..series {
        let fixture = fixtures::large_series_seeded(sessions, notes, n as u64);
        fixture
            .write_quickly_to(&data.series_folder(&fixture.series.id))
            .expect("writing the bench series");
    }
    std::fs::write(&done, b"").expect("marking the bench data complete");
    // The derived caches (digests, parse caches) trust a file's stamp only once it is two
    // seconds old; files are that old between two meetings, so wait until these are.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    root
}

/// Every file under `dir`, for `cat` to read as a baseline.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).expect("a readable folder").flatten() {
            let path = e.path();
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                todo.push(path);
            } else if !e.file_name().to_string_lossy().starts_with('.') {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Set in the environment of the bench re-run as a small go-between (see
/// [`run_with_peak_memory`]).
const MEASURE_ENV: &str = "ROAST_BENCH_MEASURE_CHILD";

/// Runs `cmd` to the end with its output thrown away, and returns its peak resident
/// memory in bytes. Linux counts a spawned child's peak from the memory of the process
/// that spawned it, so a bench holding a big series in memory would inflate every figure:
/// the command is started by a fresh, small copy of this bench instead (see
/// [`measure_child_if_asked`]), which reports `wait4`'s `ru_maxrss` for it alone.
pub fn run_with_peak_memory(cmd: &Command) -> u64 {
    let mut go_between = Command::new(std::env::current_exe().expect("the bench's own path"));
    go_between
        .env(MEASURE_ENV, "1")
        .arg(cmd.get_program())
        .args(cmd.get_args())
        .stderr(std::process::Stdio::inherit());
    if let Some(dir) = cmd.get_current_dir() {
        go_between.current_dir(dir);
    }
    let out = go_between.output().expect("the bench re-runs itself");
    assert!(out.status.success(), "{cmd:?} failed: {}", out.status);
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("the go-between prints the peak")
}

/// When this bench was started as the go-between of [`run_with_peak_memory`]: runs the
/// command in its arguments, prints its peak memory in bytes and exits (with failure
/// when the command failed). Call first thing in `main`.
pub fn measure_child_if_asked() {
    if std::env::var_os(MEASURE_ENV).is_none() {
        return;
    }
    let mut args = std::env::args_os().skip(1);
    let program = args.next().expect("a command to measure");
    let child = Command::new(program)
        .args(args)
        .env_remove(MEASURE_ENV)
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("the command starts");
    let pid = i32::try_from(child.id()).expect("a pid fits in pid_t");
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our own child, not yet waited for; status and usage are valid.
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid, "wait4: {}", std::io::Error::last_os_error());
    // The child is reaped; dropping `Child` does not wait again.
    drop(child);
    println!("{}", u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024);
    let ok = ExitStatus::from_raw(status).success();
    std::process::exit(if ok { 0 } else { 1 });
}

pub fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}
