//! `roast follow`: the live session, read-only, on a second screen.

use std::process::ExitCode;
use std::sync::Arc;

use crate::clock::SystemClock;
use crate::settings::ThemeName;
use crate::storage::{DataDir, SeriesFolder};
use crate::tui::AppConfig;

use super::no_color;

pub(super) fn follow(
    data: &DataDir,
    wanted: Option<&str>,
    theme: Option<ThemeName>,
) -> anyhow::Result<ExitCode> {
    let folder = pick_series_to_follow(data, wanted)?;
    // The one app, in its read-only mode: following leaves every file alone.
    let app = crate::tui::App::following(
        AppConfig {
            data: data.clone(),
            agenda_file: None,
            minutes: 45,
            clock: Arc::new(SystemClock),
            theme,
            no_color: no_color(),
        },
        folder,
    )?;
    crate::tui::runtime::run(app)?;
    Ok(ExitCode::SUCCESS)
}

/// The named series, or the one with a session in progress, or the only one there is.
fn pick_series_to_follow(data: &DataDir, wanted: Option<&str>) -> anyhow::Result<SeriesFolder> {
    if let Some(id) = wanted {
        let folder = data.series_folder(id);
        anyhow::ensure!(
            folder.series_path().exists(),
            "{}: no such series (roast list shows them)",
            folder.dir().display()
        );
        return Ok(folder);
    }
    let all: Vec<_> = data
        .list_series()
        .into_iter()
        .filter_map(Result::ok)
        .collect();
    if let Some(busy) = all
        .iter()
        .filter_map(|l| l.open_session().map(|s| (s.started, l)))
        .max_by_key(|(started, _)| *started)
    {
        return Ok(busy.1.folder.clone());
    }
    match all.as_slice() {
        [only] => Ok(only.folder.clone()),
        [] => anyhow::bail!("{}: no series yet to follow", data.series_root().display()),
        many => anyhow::bail!(
            "no session in progress; name the series to follow: {}",
            many.iter()
                .map(|l| l.series.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}
