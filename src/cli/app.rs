//! `roast` with no subcommand: open the app.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use crate::clock::SystemClock;
use crate::settings::ThemeName;
use crate::storage::DataDir;

use super::no_color;

/// The user's phrasing rules (`phrasing.ron` in the data folder), compiled and installed
/// before the app starts, so that a broken file is one clear error before the terminal
/// is taken over. Without one, nothing is compiled here: the built-in rules take tens of
/// ms to compile, and the app compiles them on a thread after its first frame.
pub fn install_user_rules(data: &DataDir) -> anyhow::Result<()> {
    if data.root().join(super::check::USER_RULES_FILE).is_file() {
        let checker = super::check::checker_for(data, None)?;
        let _ = crate::phrasing::Checker::install(checker);
    }
    Ok(())
}

pub(super) fn open_app(
    data: DataDir,
    agenda_file: Option<PathBuf>,
    minutes: u32,
    theme: Option<ThemeName>,
) -> anyhow::Result<ExitCode> {
    if let Some(file) = &agenda_file {
        // A broken --agenda is a usage error: say so before taking over the terminal.
        crate::storage::agendas::load_file(file)?;
    }
    install_user_rules(&data)?;
    crate::storage::create_private_dir(data.root()).map_err(|e| {
        anyhow::anyhow!(
            "{}: cannot create the data folder: {e}",
            data.root().display()
        )
    })?;
    let app = crate::tui::App::new(crate::tui::AppConfig {
        data,
        agenda_file,
        minutes,
        clock: Arc::new(SystemClock),
        theme,
        no_color: no_color(),
    });
    crate::tui::runtime::run(app)?;
    Ok(ExitCode::SUCCESS)
}
