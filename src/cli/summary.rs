//! `roast list`, `roast summary` and `roast export`: the afterwards, on the command line.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::out;
use crate::clock::{Clock, SystemClock};
use crate::export::ExportFormat;
use crate::storage::DataDir;
use crate::storage::parse_cache::SeriesCache;
use crate::summary::{Minutes, Rollup};

pub(super) fn list(data: &DataDir, all: bool) -> anyhow::Result<ExitCode> {
    let now = SystemClock.now_ms();
    let (settings, problem) = crate::settings::load(data.root());
    if let Some(e) = problem {
        out::note(&format!(
            "roast: settings ignored (no series is hidden): {e}"
        ));
    }
    let archived = settings.archived;
    // From the digests, as the app's series list: only files changed since the last
    // look are read.
    let (shown, hidden): (Vec<_>, Vec<_>) = data
        .list_digests()
        .into_iter()
        .partition(|s| all || !s.as_ref().is_ok_and(|l| archived.contains(&l.folder.id())));
    let mut text = if shown.is_empty() && !hidden.is_empty() {
        String::new()
    } else {
        crate::summary::list::render_listed(&shown, now, &archived)
    };
    match hidden.len() {
        0 => {}
        1 => text.push_str("1 archived series not shown (roast list --all shows it).\n"),
        n => text.push_str(&format!(
            "{n} archived series not shown (roast list --all shows them).\n"
        )),
    }
    out::print(&text)?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn summary(data: &DataDir, series: &str) -> anyhow::Result<ExitCode> {
    let (loaded, backlog) = load_for_summary(data, series)?;
    out::print(&crate::summary::summary_text(
        &loaded,
        &backlog,
        SystemClock.now_ms(),
    ))?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn export(
    data: &DataDir,
    series: &str,
    format: ExportFormat,
    with_notes: bool,
    output: Option<PathBuf>,
) -> anyhow::Result<ExitCode> {
    let minutes = if with_notes {
        Minutes::Included
    } else {
        Minutes::LeftOut
    };
    if minutes == Minutes::Included && !format.carries_minutes() {
        return Err(crate::export::MinutesDoNotFit.into());
    }
    let (loaded, backlog) = load_for_summary(data, series)?;
    let rollup = Rollup::from_loaded_with(&loaded, &backlog, SystemClock.now_ms(), minutes);
    let text = crate::export::export(&rollup, format);
    if format == ExportFormat::Csv {
        // A CSV is rows of items with no place for a sentence; what it leaves out is said
        // here instead, so nobody takes it for the whole record.
        out::note(&format!(
            "roast: the CSV holds the prioritised items only. {} {} (The minutes: \
             --with-notes with md, html or json.)",
            crate::summary::text::minutes_sentence(&rollup),
            crate::summary::text::withheld_sentence(&rollup)
        ));
    }
    match output {
        Some(path) if path.as_os_str() != "-" => {
            write_output(&path, text.as_bytes())
                .map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", path.display()))?;
            out::note(&format!("wrote {}", path.display()));
        }
        _ => out::print(&text)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// A regular file (or a new one) is replaced atomically. A device or a FIFO (`/dev/null`,
/// a pipe to another program) is written to as it is: a rename would replace the node
/// itself, and as root `-o /dev/null` would leave a plain file where the device was.
fn write_output(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() && !meta.is_dir() => {
            let mut node = std::fs::OpenOptions::new().write(true).open(path)?;
            node.write_all(bytes)?;
            node.flush()
        }
        _ => crate::storage::write_atomic(path, bytes),
    }
}

/// A series and its votes, read-only (no lock: summaries work while a scribe writes).
/// Unreadable files are reported on standard error and left out.
fn load_for_summary(
    data: &DataDir,
    id: &str,
) -> anyhow::Result<(crate::storage::LoadedSeries, crate::backlog::LoadedBacklog)> {
    if let Some(why) = crate::storage::ids::problem(id) {
        anyhow::bail!("{id:?}: not a series id: it {why} (roast list shows them)");
    }
    let folder = data.series_folder(id);
    anyhow::ensure!(
        folder.series_path().exists(),
        "{}: no such series (roast list shows them)",
        folder.dir().display()
    );
    // The votes are thousands of small files, the sessions hundreds of big ones: read
    // both at once, so the disk and the parser each have work while the other waits.
    // Through the series' parse cache: a summary after a meeting reads and parses only
    // the files that meeting changed.
    let cache = SeriesCache::for_folder(&folder, std::time::SystemTime::now());
    let (loaded, backlog) = std::thread::scope(|scope| {
        let backlog =
            scope.spawn(|| crate::backlog::LoadedBacklog::load_with(&folder, Some(&cache)));
        let loaded = folder.load_with(Some(&cache));
        let backlog = backlog
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (loaded, backlog)
    });
    let loaded = loaded?;
    for problem in loaded.problems.iter().chain(&backlog.problems) {
        out::note(&format!("roast: skipped {problem}"));
    }
    Ok((loaded, backlog))
}
