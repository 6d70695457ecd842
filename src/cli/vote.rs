//! `roast vote SERIES [--as NAME]`: a voter's own blind ballot in their own terminal.

use std::process::ExitCode;
use std::sync::Arc;

use crate::clock::SystemClock;
use crate::settings::ThemeName;
use crate::share::Git;
use crate::storage::DataDir;

use super::no_color;

pub(super) fn vote(
    data: DataDir,
    series: &str,
    voter: Option<String>,
    theme: Option<ThemeName>,
) -> anyhow::Result<ExitCode> {
    let folder = data.series_folder(series);
    anyhow::ensure!(
        folder.series_path().exists(),
        "{}: no such series (roast list shows them)",
        folder.dir().display()
    );
    let voter = match voter
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
    {
        Some(v) => v,
        None => who_am_i(folder.dir())
            .ok_or_else(|| anyhow::anyhow!("say who is voting: roast vote {series} --as NAME"))?,
    };
    let app = crate::tui::App::voting(
        crate::tui::AppConfig {
            data,
            agenda_file: None,
            minutes: crate::model::DEFAULT_MINUTES,
            clock: Arc::new(SystemClock),
            theme,
            no_color: no_color(),
        },
        folder,
        &voter,
    )?;
    crate::tui::runtime::run(app)?;
    Ok(ExitCode::SUCCESS)
}

/// The name this person commits under in the series' repository: in a shared series it
/// is who they are to the team.
fn who_am_i(dir: &std::path::Path) -> Option<String> {
    Git::new(dir)
        .run(["config", "user.name"])
        .ok()
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
}
