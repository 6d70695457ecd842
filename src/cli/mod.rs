//! The command line: `roast` opens the app; subcommands serve scripts and the afterwards.
//! Errors are one line naming the file and what is wrong; exit codes follow linters:
//! 0 clean, 1 problems found, 2 usage or I/O errors.

//!
//! Each subcommand lives in its own file; this one holds the arguments and the dispatch.

mod agendas;
mod app;
mod check;
mod follow;
mod out;
mod share;
mod summary;
mod vote;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::export::ExportFormat;
use crate::model::DEFAULT_MINUTES;
use crate::settings::ThemeName;
use crate::storage::{DATA_DIR_ENV, DataDir};

pub use agendas::list_agendas;
pub use app::install_user_rules;

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
    #[arg(long, global = true, value_parser = theme_names())]
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
        /// A rule file (same format as the built-in rules) layered on the built-in
        /// rules and on `phrasing.ron` in the data folder: adds rules, turns rules off.
        #[arg(long, value_name = "FILE")]
        rules: Option<PathBuf>,
    },
    /// Every series with its progress; archived ones only with --all.
    List {
        /// Archived series too, each marked as such.
        #[arg(long)]
        all: bool,
    },
    /// A series' summary, readable in a terminal.
    Summary {
        /// The series id (its folder name, as `roast list` shows).
        series: String,
    },
    /// Export a series' summary: Markdown, self-contained HTML, CSV of the prioritised
    /// items, or JSON of everything. Plain notes and questions stay in the session files
    /// unless --with-notes; room-only notes are never included.
    Export {
        series: String,
        /// md, html, csv or json.
        #[arg(long, short)]
        format: ExportFormat,
        /// The full minutes too: every session's plain notes and questions, in order
        /// (md, html and json; room-only notes are still left out).
        #[arg(long)]
        with_notes: bool,
        /// Write to this file (atomically) instead of standard output; `-` is standard
        /// output. A device or a FIFO is written to directly, never replaced.
        #[arg(long, short, value_name = "FILE|-")]
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
    /// Share a series with the team through git: makes its folder a repository with this
    /// remote and pushes it. Room-only notes never leave this machine.
    Share {
        series: String,
        /// Where the team's copy lives: any URL or path `git` accepts (one repository per
        /// series).
        #[arg(long, value_name = "URL")]
        remote: String,
    },
    /// Bring a series someone shared into the data folder (a git clone).
    Join {
        #[arg(value_name = "URL")]
        url: String,
    },
    /// Commit what changed here, bring in the others' work, and push. Without a series,
    /// every shared series. Exit 1 when the remote cannot be reached (the work is committed
    /// here and the next sync sends it).
    Sync { series: Option<String> },
    /// Your own ballot, in your own terminal: score every opportunity 0–5 and pick your
    /// top ones. Blind until the moderator reveals the scores.
    Vote {
        series: String,
        /// Who is voting (default: your git user.name).
        #[arg(long = "as", value_name = "NAME")]
        voter: Option<String>,
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
    crate::storage::survive_file_size_limit();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // The reader of our output went away (`| head`): nothing more to say to anyone.
        Err(e) if out::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            out::note(&format!("roast: {e:#}"));
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let data = DataDir::resolve(cli.data_dir.clone())?;
    match cli.command {
        None => app::open_app(data, cli.agenda, cli.minutes, cli.theme),
        Some(Command::Check {
            text,
            file,
            format,
            rules,
        }) => check::check(&data, text, file.as_deref(), format, rules.as_deref()),
        Some(Command::List { all }) => summary::list(&data, all),
        Some(Command::Summary { series }) => summary::summary(&data, &series),
        Some(Command::Export {
            series,
            format,
            with_notes,
            output,
        }) => summary::export(&data, &series, format, with_notes, output),
        Some(Command::Follow { series }) => follow::follow(&data, series.as_deref(), cli.theme),
        Some(Command::Share { series, remote }) => share::share(&data, &series, &remote),
        Some(Command::Join { url }) => share::join(&data, &url),
        Some(Command::Sync { series }) => share::sync(&data, series.as_deref()),
        Some(Command::Vote { series, voter }) => vote::vote(data, &series, voter, cli.theme),
        Some(Command::Agendas) => {
            let list = agendas::list_agendas(&data, cli.agenda.as_deref());
            out::print(&crate::safe_text::terminal_safe(&list))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Agenda {
            command: AgendaCommand::Check { file },
        }) => Ok(agendas::check_agenda(&file)?),
    }
}

/// NO_COLOR set and not empty (https://no-color.org).
pub(crate) fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// `--theme`: the domain's theme names, offered and checked by clap (the domain itself
/// knows nothing of the command line).
fn theme_names() -> impl clap::builder::TypedValueParser<Value = ThemeName> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(ThemeName::ALL.iter().map(|t| t.label()))
        .try_map(|name| name.parse::<ThemeName>())
}
