//! `roast agendas` and `roast agenda check`.

use std::path::Path;
use std::process::ExitCode;

use crate::agenda::{self, AgendaSource};
use crate::storage::DataDir;

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

pub(super) fn check_agenda(file: &Path) -> ExitCode {
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
