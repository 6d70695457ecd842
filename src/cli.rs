//! The command line: `roast` opens the app; subcommands serve scripts and the afterwards.
//! Errors are one line naming the file and what is wrong; exit codes follow linters:
//! 0 clean, 1 problems found, 2 usage or I/O errors.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};

use crate::agenda::{self, AgendaSource};
use crate::clock::{Clock, SystemClock};
use crate::export::ExportFormat;
use crate::model::DEFAULT_MINUTES;
use crate::settings::ThemeName;
use crate::storage::{DATA_DIR_ENV, DataDir, SeriesFolder};

#[derive(Debug, Parser)]
#[command(
    name = "roast",
    version,
    about = "Run a Service Roast: agenda, 45-minute timer, phrasing checker, scribe notes, series summary."
)]
pub struct Cli {
    /// Where series and user agendas live (default: the platform's data directory).
    #[arg(long, global = true, env = DATA_DIR_ENV, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// An agenda file to offer (and pick by default) when creating a series.
    #[arg(long, global = true, value_name = "FILE")]
    pub agenda: Option<PathBuf>,
    /// Colours: projector (high contrast), dark or light. The in-app F2 choice is remembered.
    #[arg(long, global = true, value_enum)]
    pub theme: Option<ThemeName>,
    /// Planned meeting length in minutes.
    #[arg(long, global = true, default_value_t = DEFAULT_MINUTES, value_parser = clap::value_parser!(u32).range(1..=600))]
    pub minutes: u32,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check questions for judgmental "why" phrasing and suggest how/what/where rewrites.
    /// Exit 0 when nothing is flagged, 1 when something is, 2 on usage or I/O errors.
    Check {
        /// Questions to check, one per argument.
        #[arg(conflicts_with = "file")]
        text: Vec<String>,
        /// Check each line of a file; `-` reads standard input.
        #[arg(long, value_name = "PATH|-")]
        file: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
    },
    /// Every series with its progress.
    List,
    /// A series' summary, readable in a terminal.
    Summary {
        /// The series id (its folder name, as `roast list` shows).
        series: String,
    },
    /// Export a series' summary: Markdown, self-contained HTML, CSV of the prioritised
    /// items, or JSON of everything. Room-only notes are never included.
    Export {
        series: String,
        /// md, html, csv or json.
        #[arg(long, short)]
        format: ExportFormat,
        /// Write to this file (atomically) instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// List every agenda (built-in and your own) with its topics.
    Agendas,
    /// Show the live session of a series, read-only, on a second screen (another terminal
    /// or another machine sharing the folder).
    Follow {
        /// The series id (its folder name); default: the one with a session in progress.
        series: Option<String>,
    },
    /// Work with one agenda file.
    Agenda {
        #[command(subcommand)]
        command: AgendaCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum AgendaCommand {
    /// Validate an agenda file: exit 0 when valid, 1 with FILE:line:col: message otherwise.
    Check { file: PathBuf },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("roast: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let data = DataDir::resolve(cli.data_dir.clone())?;
    match cli.command {
        None => open_app(data, cli.agenda, cli.minutes, cli.theme),
        Some(Command::Check { text, file, format }) => check(text, file.as_deref(), format),
        Some(Command::List) => {
            let now = SystemClock.now_ms();
            print!("{}", crate::summary::list_text(&data.list_series(), now));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Summary { series }) => {
            let (loaded, backlog) = load_for_summary(&data, &series)?;
            print!(
                "{}",
                crate::summary::summary_text(&loaded, &backlog, SystemClock.now_ms())
            );
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export {
            series,
            format,
            output,
        }) => {
            let (loaded, backlog) = load_for_summary(&data, &series)?;
            let text =
                crate::export::export_series(&loaded, &backlog, format, SystemClock.now_ms());
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
        Some(Command::Follow { series }) => follow(&data, series.as_deref(), cli.theme),
        Some(Command::Agendas) => {
            print!("{}", list_agendas(&data, cli.agenda.as_deref()));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Agenda {
            command: AgendaCommand::Check { file },
        }) => Ok(check_agenda(&file)),
    }
}

fn open_app(
    data: DataDir,
    agenda_file: Option<PathBuf>,
    minutes: u32,
    theme: Option<ThemeName>,
) -> anyhow::Result<ExitCode> {
    if let Some(file) = &agenda_file {
        // A broken --agenda is a usage error: say so before taking over the terminal.
        agenda::load_file(file)?;
    }
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

fn follow(
    data: &DataDir,
    wanted: Option<&str>,
    theme: Option<ThemeName>,
) -> anyhow::Result<ExitCode> {
    let folder = pick_series_to_follow(data, wanted)?;
    // Read the settings, never write them: following leaves every file alone.
    let (settings, _) = crate::settings::load(data.root());
    let app = crate::tui::follow::FollowApp::new(
        folder,
        theme.unwrap_or(settings.theme),
        no_color(),
        settings.bell,
        Arc::new(SystemClock),
    );
    crate::tui::follow::run(app)?;
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

fn check(texts: Vec<String>, file: Option<&Path>, format: CheckFormat) -> anyhow::Result<ExitCode> {
    use std::io::{IsTerminal, Read, Write};
    let inputs: Vec<String> = match file {
        None if !texts.is_empty() => texts,
        Some(path) if path == Path::new("-") => read_stdin()?,
        None if !std::io::stdin().is_terminal() => read_stdin()?,
        None => anyhow::bail!("nothing to check: give questions as arguments, or --file PATH|-"),
        Some(path) => {
            let mut bytes = Vec::new();
            std::fs::File::open(path)
                .and_then(|mut f| f.read_to_end(&mut bytes))
                .map_err(|e| anyhow::anyhow!("{}: cannot read: {e}", path.display()))?;
            String::from_utf8(bytes)
                .map_err(|e| anyhow::anyhow!("{}: not UTF-8 text: {e}", path.display()))?
                .lines()
                .map(str::to_string)
                .collect()
        }
    };
    let checker = crate::phrasing::Checker::builtin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut flagged = false;
    for (i, text) in inputs.iter().enumerate() {
        let verdict = checker.check(text);
        flagged |= verdict.is_flagged();
        match format {
            CheckFormat::Text => out.write_all(
                crate::phrasing::report::text_report(i + 1, text, &verdict).as_bytes(),
            )?,
            CheckFormat::Json => writeln!(
                out,
                "{}",
                crate::phrasing::report::json_line(i + 1, text, &verdict)
            )?,
        }
    }
    out.flush()?;
    Ok(if flagged {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn read_stdin() -> anyhow::Result<Vec<String>> {
    std::io::stdin()
        .lines()
        .collect::<Result<_, _>>()
        .map_err(|e| anyhow::anyhow!("standard input: cannot read: {e}"))
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

fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

pub fn list_agendas(data: &DataDir, extra: Option<&Path>) -> String {
    let (agendas, errors) = agenda::catalog(Some(&data.agendas_dir()), extra);
    let mut out = String::new();
    for a in &agendas {
        let source = match &a.source {
            AgendaSource::BuiltIn => "built-in".to_string(),
            AgendaSource::File(p) => p.display().to_string(),
        };
        let default = if a.agenda.id == agenda::DEFAULT_AGENDA {
            ", default"
        } else {
            ""
        };
        out.push_str(&format!(
            "{} — {} ({source}{default})\n",
            a.agenda.id, a.agenda.title
        ));
        for t in &a.agenda.topics {
            out.push_str(&format!("  {:<28} {}\n", t.id, t.title));
        }
        out.push('\n');
    }
    for e in errors {
        out.push_str(&format!("skipped: {e}\n"));
    }
    out
}

fn check_agenda(file: &Path) -> ExitCode {
    match agenda::check_file(file) {
        Ok(problems) if problems.is_empty() => {
            println!("{}: ok", file.display());
            ExitCode::SUCCESS
        }
        Ok(problems) => {
            for p in problems {
                println!("{p}");
            }
            ExitCode::from(1)
        }
        Err(e) => {
            println!("{e}");
            ExitCode::from(
                if matches!(e.kind, crate::storage::FormatErrorKind::Io(_)) {
                    2
                } else {
                    1
                },
            )
        }
    }
}
