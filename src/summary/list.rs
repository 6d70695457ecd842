//! `roast list`: one line per series with its progress, within 80 columns.
//!
//! Each series only against its own ~10-hour target: the listing is alphabetical and
//! never ranks one service against another.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::wrap::{pad, terminal_safe};
use crate::progress::{hours_minutes, progress};
use crate::storage::digest::ListedSeries;
use crate::storage::{FormatError, LoadedSeries};

const ID_COLS: usize = 18;
const SERVICE_COLS: usize = 20;

/// The listing, one line per series in the given order (`DataDir::list_series` sorts by
/// id); a series that could not be loaded gets a line naming its file and the problem.
pub fn render(series: &[Result<LoadedSeries, FormatError>], now_ms: i64) -> String {
    render_marking(series, now_ms, &BTreeSet::new())
}

/// [`render`], with a line under each series whose id is in `archived` saying so
/// (`roast list --all`).
pub fn render_marking(
    series: &[Result<LoadedSeries, FormatError>],
    now_ms: i64,
    archived: &BTreeSet<String>,
) -> String {
    let rows: Vec<Result<Row, &FormatError>> = series
        .iter()
        .map(|s| s.as_ref().map(|l| Row::of_loaded(l, now_ms)))
        .collect();
    render_rows(&rows, archived)
}

/// [`render_marking`] from the series' digests (`DataDir::list_digests`): the same
/// lines, without reading every session of every series.
pub fn render_listed(
    series: &[Result<ListedSeries, FormatError>],
    now_ms: i64,
    archived: &BTreeSet<String>,
) -> String {
    let rows: Vec<Result<Row, &FormatError>> = series
        .iter()
        .map(|s| s.as_ref().map(|l| Row::of_listed(l, now_ms)))
        .collect();
    render_rows(&rows, archived)
}

/// What one line of the listing shows.
struct Row {
    id: String,
    service: String,
    held: usize,
    open: usize,
    meeting_secs: i64,
    target_secs: i64,
    covered: usize,
    total: usize,
    parked: usize,
    /// The files left out of the figures (unreadable).
    left_out: Vec<PathBuf>,
}

impl Row {
    fn of_loaded(loaded: &LoadedSeries, now_ms: i64) -> Self {
        let p = progress(&loaded.series, &loaded.sessions, now_ms);
        Row {
            id: loaded.series.id.clone(),
            service: loaded.series.service.clone(),
            held: p.sessions_held,
            open: loaded.sessions.len() - p.sessions_held,
            meeting_secs: p.meeting_secs,
            target_secs: p.target_secs,
            covered: p.covered_topics,
            total: p.total_topics,
            parked: p.parked_offshoots,
            left_out: loaded.problems.iter().map(|p| p.path.clone()).collect(),
        }
    }

    fn of_listed(listed: &ListedSeries, now_ms: i64) -> Self {
        let d = &listed.digest;
        let p = d.progress(now_ms);
        Row {
            id: listed.folder.id(),
            service: d.service.clone(),
            held: p.sessions_held,
            open: d.sessions_read() - p.sessions_held,
            meeting_secs: p.meeting_secs,
            target_secs: p.target_secs,
            covered: p.covered_topics,
            total: p.total_topics,
            parked: p.parked_offshoots,
            left_out: d
                .problem_paths()
                .into_iter()
                .map(Path::to_path_buf)
                .collect(),
        }
    }
}

fn render_rows(series: &[Result<Row, &FormatError>], archived: &BTreeSet<String>) -> String {
    if series.is_empty() {
        return "No series yet.\n".to_string();
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} {:>4} {:>5}  {:<13} {:>6} {:>6}",
        pad("SERIES", ID_COLS),
        pad("SERVICE", SERVICE_COLS),
        "HELD",
        "OPEN",
        "TIME OF ~10H",
        "TOPICS",
        "PARKED"
    );
    for entry in series {
        match entry {
            Ok(row) => {
                let pct = if row.target_secs > 0 {
                    row.meeting_secs * 100 / row.target_secs
                } else {
                    0
                };
                let line = format!(
                    "{} {} {:>4} {:>5}  {:<13} {:>6} {:>6}",
                    pad(&terminal_safe(&row.id).replace('\n', " "), ID_COLS),
                    pad(
                        &terminal_safe(&row.service).replace('\n', " "),
                        SERVICE_COLS
                    ),
                    row.held,
                    row.open,
                    format!("{} {pct:>3}%", hours_minutes(row.meeting_secs)),
                    format!("{}/{}", row.covered, row.total),
                    row.parked
                );
                let _ = writeln!(out, "{}", line.trim_end());
                if archived.contains(&row.id) {
                    let _ = writeln!(out, "  (archived: the app's series list leaves it out)");
                }
                if !row.left_out.is_empty() {
                    let _ = writeln!(out, "{}", partial_line(&row.left_out));
                }
            }
            Err(e) => {
                let _ = writeln!(
                    out,
                    "! {}",
                    terminal_safe(&e.to_string()).replace('\n', " ")
                );
            }
        }
    }
    out
}

/// Under a series whose figures leave files out: how many and which, so nobody takes an
/// under-count for the truth (`roast summary` says why each was skipped).
fn partial_line(left_out: &[PathBuf]) -> String {
    let names: Vec<String> = left_out
        .iter()
        .map(|p| {
            p.file_name()
                .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into())
        })
        .collect();
    let line = format!(
        "  ! partial: {} left out (unreadable): {}",
        crate::progress::count(names.len(), "file"),
        names.join(", ")
    );
    terminal_safe(&line).replace('\n', " ")
}
