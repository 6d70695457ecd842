//! How fast the phrasing checker is, as a person meets it:
//!
//! - **`roast check --file` on 10,000 distinct meeting lines, whole process** (spawn to
//!   exit, output thrown away): the lines come from `tests/common/questions.rs`, about
//!   half of them flagged, so half of them also get rewrites. When write-good (the npm
//!   prose linter) is installed, the same file goes through its CLI too and the bench
//!   prints both times and our share of write-good's. write-good is looked for in
//!   `ROAST_WRITE_GOOD` (a path to its CLI), then on `PATH`, then in
//!   `target/write-good/node_modules/.bin/` (`npm install write-good` there); without
//!   it, that comparison is skipped.
//! - **One keystroke's verdict** in-process: the installed checker, already warm, on a
//!   flagged question (with its rewrites) and a clean one, as the live editor asks it.
//!
//! Run: `cargo bench --bench phrasing`. The process bench times the `roast` built for
//! the bench profile; `ROAST_BENCH_BIN=target/release/roast` times the shipped one.

mod common;

#[path = "../tests/common/questions.rs"]
mod questions;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use roast::phrasing::Checker;

const LINES: usize = 10_000;

const FLAGGED: &str = "Why did you use a shared database for both services?";
const FLAGGED_WITHOUT_WHY: &str = "Wouldn't it be simpler to just buy a bigger machine?";
const CLEAN: &str = "How does the gateway decide which backend gets a request?";

/// The 10,000 lines on disk, written once per generator version.
fn question_file() -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("phrasing-10000-questions.txt");
    let mut text = questions::questions(LINES).join("\n");
    text.push('\n');
    if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
        std::fs::write(&path, text).expect("writing the question file");
    }
    path
}

fn roast_check(file: &Path, data: &Path) -> Command {
    let mut cmd = Command::new(common::roast_bin());
    cmd.arg("--data-dir")
        .arg(data)
        .arg("check")
        .arg("--file")
        .arg(file)
        .stdout(Stdio::null());
    cmd
}

/// write-good's CLI, if it is installed (see the module comment).
fn write_good() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("ROAST_WRITE_GOOD") {
        return Some(PathBuf::from(path));
    }
    let on_path = std::env::var_os("PATH").into_iter().flat_map(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("write-good"))
            .collect::<Vec<_>>()
    });
    let local = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/write-good/node_modules/.bin/write-good");
    on_path.chain([local]).find(|path| path.is_file())
}

/// Runs `cmd` to its end. `roast check` exits 1 when it flagged something and
/// write-good with its count of suggestions, so only a signal (or, for roast, an exit
/// code above 1) is a failure.
fn run(cmd: &mut Command) -> Duration {
    let start = Instant::now();
    let status = cmd.status().expect("the command starts");
    let took = start.elapsed();
    let is_roast = cmd.get_program() == common::roast_bin().as_os_str();
    let ok = match status.code() {
        Some(code) => !is_roast || code <= 1,
        None => false,
    };
    assert!(ok, "{cmd:?} failed: {status}");
    took
}

/// The CPU time (user and system) of every child process waited for so far.
fn children_cpu() -> Duration {
    // SAFETY: getrusage only writes the struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage
    };
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    time(usage.ru_utime) + time(usage.ru_stime)
}

/// The medians of a few whole runs, wall time and CPU time apart: for figures to
/// print beside write-good's, which takes seconds a run and so is not timed by
/// criterion. CPU time is what a busy machine disturbs least.
fn median_of(runs: usize, cmd: &mut Command) -> (Duration, Duration) {
    let (mut walls, mut cpus): (Vec<Duration>, Vec<Duration>) = (0..runs)
        .map(|_| {
            let before = children_cpu();
            let wall = run(cmd);
            (wall, children_cpu() - before)
        })
        .unzip();
    walls.sort();
    cpus.sort();
    (walls[runs / 2], cpus[runs / 2])
}

fn whole_process(c: &mut Criterion) {
    let file = question_file();
    let data = tempfile::tempdir().expect("a scratch data folder");
    let flagged = {
        let checker = Checker::builtin();
        questions::questions(LINES)
            .iter()
            .filter(|line| checker.check(line).is_flagged())
            .count()
    };
    eprintln!(
        "{LINES} distinct lines in {}, {flagged} of them flagged",
        file.display()
    );
    let mut ours = roast_check(&file, data.path());
    match write_good() {
        None => eprintln!(
            "write-good is not installed: skipping the comparison (see benches/phrasing.rs)"
        ),
        Some(write_good) => {
            let mut theirs = Command::new(&write_good);
            theirs
                .arg(&file)
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            let (their_wall, their_cpu) = median_of(3, &mut theirs);
            let (our_wall, our_cpu) = median_of(11, &mut ours);
            let ms = |time: Duration| time.as_secs_f64() * 1e3;
            let share = |ours: Duration, theirs: Duration| {
                100.0 * ours.as_secs_f64() / theirs.as_secs_f64()
            };
            eprintln!(
                "whole process, medians: write-good {:.0} ms wall, {:.0} ms CPU; roast check {:.1} ms wall, {:.1} ms CPU: {:.2} % of write-good's wall time, {:.2} % of its CPU time (goal ≤ 1 %)",
                ms(their_wall),
                ms(their_cpu),
                ms(our_wall),
                ms(our_cpu),
                share(our_wall, their_wall),
                share(our_cpu, their_cpu),
            );
        }
    }
    let mut group = c.benchmark_group("roast check --file, whole process");
    group.throughput(Throughput::Elements(LINES as u64));
    group.sample_size(20);
    group.bench_function("10,000 distinct meeting lines", |b| {
        b.iter(|| run(&mut ours))
    });
    group.finish();
}

fn keystroke_verdict(c: &mut Criterion) {
    let checker = Checker::current();
    checker.warm();
    let mut group = c.benchmark_group("one keystroke's verdict, warm checker");
    group.bench_function("flagged why-question (with rewrites)", |b| {
        b.iter(|| checker.check(black_box(FLAGGED)))
    });
    group.bench_function("flagged without why (with rewrites)", |b| {
        b.iter(|| checker.check(black_box(FLAGGED_WITHOUT_WHY)))
    });
    group.bench_function("clean question", |b| {
        b.iter(|| checker.check(black_box(CLEAN)))
    });
    group.finish();
}

fn main() {
    let mut c = Criterion::default()
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1))
        .configure_from_args();
    whole_process(&mut c);
    keystroke_verdict(&mut c);
    c.final_summary();
}
