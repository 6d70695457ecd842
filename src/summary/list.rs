//! `roast list`: one line per series with its progress, within 80 columns.
//!
//! Each series only against its own ~10-hour target: the listing is alphabetical and
//! never ranks one service against another.

use std::fmt::Write as _;

use super::wrap::{pad, terminal_safe};
use crate::progress::{hours_minutes, progress};
use crate::storage::{FormatError, LoadedSeries};

const ID_COLS: usize = 18;
const SERVICE_COLS: usize = 20;

/// The listing, one line per series in the given order (`DataDir::list_series` sorts by
/// id); a series that could not be loaded gets a line naming its file and the problem.
pub fn render(series: &[Result<LoadedSeries, FormatError>], now_ms: i64) -> String {
    render_marking(series, now_ms, &std::collections::BTreeSet::new())
}

/// [`render`], with a line under each series whose id is in `archived` saying so
/// (`roast list --all`).
pub fn render_marking(
    series: &[Result<LoadedSeries, FormatError>],
    now_ms: i64,
    archived: &std::collections::BTreeSet<String>,
) -> String {
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
            Ok(loaded) => {
                let p = progress(&loaded.series, &loaded.sessions, now_ms);
                let open = loaded.sessions.len() - p.sessions_held;
                let pct = if p.target_secs > 0 {
                    p.meeting_secs * 100 / p.target_secs
                } else {
                    0
                };
                let line = format!(
                    "{} {} {:>4} {:>5}  {:<13} {:>6} {:>6}",
                    pad(
                        &terminal_safe(&loaded.series.id).replace('\n', " "),
                        ID_COLS
                    ),
                    pad(
                        &terminal_safe(&loaded.series.service).replace('\n', " "),
                        SERVICE_COLS
                    ),
                    p.sessions_held,
                    open,
                    format!("{} {pct:>3}%", hours_minutes(p.meeting_secs)),
                    format!("{}/{}", p.covered_topics, p.total_topics),
                    p.parked_offshoots
                );
                let _ = writeln!(out, "{}", line.trim_end());
                if archived.contains(&loaded.series.id) {
                    let _ = writeln!(out, "  (archived: the app's series list leaves it out)");
                }
                if !loaded.problems.is_empty() {
                    let _ = writeln!(out, "{}", partial_line(loaded));
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
fn partial_line(loaded: &LoadedSeries) -> String {
    let names: Vec<String> = loaded
        .problems
        .iter()
        .map(|p| {
            p.path.file_name().map_or_else(
                || p.path.display().to_string(),
                |n| n.to_string_lossy().into(),
            )
        })
        .collect();
    let line = format!(
        "  ! partial: {} left out (unreadable): {}",
        crate::progress::count(names.len(), "file"),
        names.join(", ")
    );
    terminal_safe(&line).replace('\n', " ")
}
