//! `roast share`, `roast join` and `roast sync`: a series shared with the team through
//! the user's own git. Exit 0 when everything is sent and received, 1 when the remote
//! could not be reached (the work is committed here and the next sync sends it), 2 on
//! errors.

use std::io::IsTerminal;
use std::process::ExitCode;

use crate::share::{self, SyncReport};
use crate::storage::{DataDir, SeriesFolder};

/// Git may ask for a password or a host key only when a person is there to answer.
fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

fn existing_series(data: &DataDir, id: &str) -> anyhow::Result<SeriesFolder> {
    let folder = data.series_folder(id);
    anyhow::ensure!(
        folder.series_path().exists(),
        "{}: no such series (roast list shows them)",
        folder.dir().display()
    );
    Ok(folder)
}

/// A line on standard output, terminal-safe: URLs, file names and git's words come from
/// outside. A closed pipe is no reason to fail a sync that already happened.
fn say(line: &str) {
    let _ = super::out::print(&format!("{}\n", crate::safe_text::terminal_safe(line)));
}

fn print_report(report: &SyncReport) -> ExitCode {
    for line in report.lines() {
        if report.offline.is_some() {
            super::out::note(&format!("roast: {line}"));
        } else {
            say(&line);
        }
    }
    if report.offline.is_some() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

pub(super) fn share(data: &DataDir, series: &str, remote: &str) -> anyhow::Result<ExitCode> {
    let folder = existing_series(data, series)?;
    let report = share::share(&folder, remote, interactive())?;
    say(&format!(
        "{series} is shared with {remote}. Others run `roast join {remote}`; everyone runs `roast sync` to send and bring in changes."
    ));
    Ok(print_report(&report))
}

pub(super) fn join(data: &DataDir, url: &str) -> anyhow::Result<ExitCode> {
    let id = share::join(data, url, interactive())?;
    say(&format!(
        "Joined {id}: it is on the series list; `roast sync {id}` sends and brings in changes."
    ));
    Ok(ExitCode::SUCCESS)
}

pub(super) fn sync(data: &DataDir, series: Option<&str>) -> anyhow::Result<ExitCode> {
    let results = match series {
        Some(id) => {
            let folder = existing_series(data, id)?;
            vec![(id.to_string(), share::sync(&folder, interactive()))]
        }
        None => share::sync_all(data, interactive()),
    };
    if results.is_empty() {
        say("No shared series here yet; `roast share SERIES --remote URL` shares one.");
        return Ok(ExitCode::SUCCESS);
    }
    let mut worst = ExitCode::SUCCESS;
    let mut failed = false;
    for (id, result) in results {
        match result {
            Ok(report) => {
                if print_report(&report) != ExitCode::SUCCESS {
                    worst = ExitCode::from(1);
                }
            }
            Err(e) => {
                super::out::note(&format!("roast: {id}: {e}"));
                failed = true;
            }
        }
    }
    Ok(if failed { ExitCode::from(2) } else { worst })
}
