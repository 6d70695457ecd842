//! `roast list`, `roast summary` and `roast export`: the afterwards, on the command line.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::clock::{Clock, SystemClock};
use crate::export::ExportFormat;
use crate::storage::DataDir;

pub(super) fn list(data: &DataDir) -> anyhow::Result<ExitCode> {
    let now = SystemClock.now_ms();
    print!("{}", crate::summary::list_text(&data.list_series(), now));
    Ok(ExitCode::SUCCESS)
}

pub(super) fn summary(data: &DataDir, series: &str) -> anyhow::Result<ExitCode> {
    let (loaded, backlog) = load_for_summary(data, series)?;
    print!(
        "{}",
        crate::summary::summary_text(&loaded, &backlog, SystemClock.now_ms())
    );
    Ok(ExitCode::SUCCESS)
}

pub(super) fn export(
    data: &DataDir,
    series: &str,
    format: ExportFormat,
    output: Option<PathBuf>,
) -> anyhow::Result<ExitCode> {
    let (loaded, backlog) = load_for_summary(data, series)?;
    let text = crate::export::export_series(&loaded, &backlog, format, SystemClock.now_ms());
    match output {
        None => print!("{text}"),
        Some(path) => {
            crate::storage::write_atomic(&path, text.as_bytes())
                .map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", path.display()))?;
            eprintln!("wrote {}", path.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A series and its votes, read-only (no lock: summaries work while a scribe writes).
/// Unreadable files are reported on standard error and left out.
fn load_for_summary(
    data: &DataDir,
    id: &str,
) -> anyhow::Result<(crate::storage::LoadedSeries, crate::backlog::LoadedBacklog)> {
    let folder = data.series_folder(id);
    anyhow::ensure!(
        folder.series_path().exists(),
        "{}: no such series (roast list shows them)",
        folder.dir().display()
    );
    let loaded = folder.load()?;
    let backlog = crate::backlog::LoadedBacklog::load(&folder);
    for problem in loaded.problems.iter().chain(&backlog.problems) {
        eprintln!("roast: skipped {problem}");
    }
    Ok((loaded, backlog))
}
