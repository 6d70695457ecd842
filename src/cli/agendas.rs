//! `roast agendas` and `roast agenda check`.

use std::path::Path;
use std::process::ExitCode;

use crate::agenda::{self, AgendaSource};
use crate::storage::DataDir;

pub fn list_agendas(data: &DataDir, extra: Option<&Path>) -> String {
    let (agendas, errors) = crate::storage::agendas::catalog(Some(&data.agendas_dir()), extra);
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

/// Exit 0 when valid, 1 with a line per problem, 2 when the file cannot be read. Lines
/// quote the file's own text, so they are made terminal-safe like every command's output.
pub(super) fn check_agenda(file: &Path) -> std::io::Result<ExitCode> {
    let (text, code) = match crate::storage::agendas::check_file(file) {
        Ok(problems) if problems.is_empty() => {
            (format!("{}: ok\n", file.display()), ExitCode::SUCCESS)
        }
        Ok(problems) => (
            problems.iter().map(|p| format!("{p}\n")).collect(),
            ExitCode::from(1),
        ),
        Err(e) => {
            let code = if matches!(e.kind, crate::storage::FormatErrorKind::Io(_)) {
                2
            } else {
                1
            };
            (format!("{e}\n"), ExitCode::from(code))
        }
    };
    super::out::print(&crate::safe_text::terminal_safe(&text))?;
    Ok(code)
}
