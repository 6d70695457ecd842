//! `roast summary` and `roast export --format md` as a person runs them: the whole release
//! binary, reading a series from disk, at 50, 500 and 5,000 sessions of 100 notes (the
//! growth matters, not just one size). `cat` of the same files is the floor: no summary
//! can be faster than reading its input.
//!
//! Summary and export read the series through its parse cache (`<data>/.cache/parsed`):
//! the plain rows time the usual run, with the cache up to date (made by the run before);
//! the "parse cache rebuilt" row times the first run after every file changed, which
//! reads and parses every file and writes the cache.
//!
//! Before the timings it prints each command's peak resident memory (`wait4`'s maxrss,
//! for that process alone). Set `ROAST_PEAK_ONLY=1` to print only those.
//!
//! Run: cargo bench --bench summary -- --warm-up-time 1 --measurement-time 3

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use criterion::Criterion;

const SIZES: [usize; 3] = [50, 500, 5_000];
const SERIES: &str = "large-service";

fn roast(data: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(common::roast_bin());
    cmd.arg("--data-dir").arg(data).args(args);
    cmd
}

/// `cat` of every file of the series, in as few processes as the argument limit allows
/// (one below 500 sessions).
fn cat_commands(series_dir: &Path) -> Vec<Command> {
    let files: Vec<PathBuf> = common::files_under(series_dir)
        .into_iter()
        .map(|p| p.strip_prefix(series_dir).unwrap().to_path_buf())
        .collect();
    let mut commands = Vec::new();
    let mut chunk: Vec<&PathBuf> = Vec::new();
    let mut bytes = 0;
    for f in &files {
        bytes += f.as_os_str().len() + 1;
        chunk.push(f);
        if bytes > 1_000_000 {
            commands.push(std::mem::take(&mut chunk));
            bytes = 0;
        }
    }
    commands.push(chunk);
    commands
        .into_iter()
        .map(|chunk| {
            let mut cmd = Command::new("cat");
            cmd.current_dir(series_dir).args(chunk);
            cmd
        })
        .collect()
}

/// Peak memory of the commands run one after the other: the largest of their peaks.
fn peak_of(commands: &[Command]) -> u64 {
    commands
        .iter()
        .map(common::run_with_peak_memory)
        .max()
        .unwrap_or(0)
}

fn run_all(commands: &mut [Command]) {
    for cmd in commands {
        let status = cmd
            .stdout(std::process::Stdio::null())
            .status()
            .expect("the command starts");
        assert!(status.success(), "{cmd:?} failed: {status}");
    }
}

fn main() {
    common::measure_child_if_asked();
    let mut c = Criterion::default()
        .sample_size(10)
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1))
        .configure_from_args();
    let peak_only = std::env::var_os("ROAST_PEAK_ONLY").is_some();
    for sessions in SIZES {
        let data = common::data_dir(1, sessions, 100);
        let series_dir = data.join("series").join(SERIES);
        let files = common::files_under(&series_dir);
        let bytes: u64 = files
            .iter()
            .map(|f| f.metadata().map_or(0, |m| m.len()))
            .sum();
        eprintln!(
            "{sessions} sessions: {} files, {} on disk",
            files.len(),
            common::mb(bytes)
        );
        let mut commands: Vec<(&str, Vec<Command>)> = vec![
            ("cat of the same files", cat_commands(&series_dir)),
            ("roast summary", vec![roast(&data, &["summary", SERIES])]),
            (
                "roast export --format md",
                vec![roast(&data, &["export", SERIES, "--format", "md"])],
            ),
        ];
        for (name, cmds) in &mut commands {
            let peak = peak_of(cmds);
            eprintln!("  peak memory, {name}: {}", common::mb(peak));
        }
        if peak_only {
            continue;
        }
        let mut group =
            c.benchmark_group(format!("{sessions} sessions x 100 notes, whole process"));
        for (name, cmds) in &mut commands {
            group.bench_function(*name, |b| b.iter(|| run_all(cmds)));
        }
        let caches = data.join(".cache").join("parsed");
        let mut export = [roast(&data, &["export", SERIES, "--format", "md"])];
        group.bench_function("roast export --format md, parse cache rebuilt", |b| {
            b.iter_batched(
                || {
                    let _ = std::fs::remove_dir_all(&caches);
                },
                |()| run_all(&mut export),
                criterion::BatchSize::PerIteration,
            )
        });
        group.finish();
    }
    c.final_summary();
}
