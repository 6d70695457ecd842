//! `roast check`: the phrasing checker as a linter.

use std::path::Path;
use std::process::ExitCode;

use super::CheckFormat;
use crate::phrasing::Checker;
use crate::storage::DataDir;

/// The user's own rules in the data folder, layered on the built-in ones.
pub(crate) const USER_RULES_FILE: &str = "phrasing.ron";

/// The checker for this data folder: the built-in rules, then `phrasing.ron`
/// in the data folder if there is one, then `extra` (`--rules FILE`).
pub(crate) fn checker_for(data: &DataDir, extra: Option<&Path>) -> anyhow::Result<Checker> {
    let user = data.root().join(USER_RULES_FILE);
    let mut files: Vec<&Path> = Vec::new();
    if user.is_file() {
        files.push(&user);
    }
    files.extend(extra);
    Ok(Checker::with_user_files(&files)?)
}

pub(super) fn check(
    data: &DataDir,
    texts: Vec<String>,
    file: Option<&Path>,
    format: CheckFormat,
    rules: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let checker = checker_for(data, rules)?;
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
    let reports = report_all(&checker, &inputs, format);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut flagged = false;
    for (report, was_flagged) in reports {
        flagged |= was_flagged;
        out.write_all(report.as_bytes())?;
    }
    out.flush()?;
    Ok(if flagged {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Each line's report (and whether it was flagged), in input order. A long
/// file is split across the machine's cores: lines are checked independently.
fn report_all(checker: &Checker, inputs: &[String], format: CheckFormat) -> Vec<(String, bool)> {
    let report = |index: usize, text: &str| {
        let verdict = checker.check(text);
        let line = index + 1;
        let report = match format {
            CheckFormat::Text => crate::phrasing::report::text_report(line, text, &verdict),
            CheckFormat::Json => {
                let mut json = crate::phrasing::report::json_line(line, text, &verdict);
                json.push('\n');
                json
            }
        };
        (report, verdict.is_flagged())
    };
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    const LINES_WORTH_A_THREAD: usize = 2_000;
    if threads < 2 || inputs.len() < LINES_WORTH_A_THREAD {
        return inputs
            .iter()
            .enumerate()
            .map(|(index, text)| report(index, text))
            .collect();
    }
    let chunk = inputs.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = inputs
            .chunks(chunk)
            .enumerate()
            .map(|(part, lines)| {
                let report = &report;
                scope.spawn(move || {
                    checker.warm_share(part, threads);
                    lines
                        .iter()
                        .enumerate()
                        .map(|(offset, text)| report(part * chunk + offset, text))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().expect("a checking thread does not panic"))
            .collect()
    })
}

fn read_stdin() -> anyhow::Result<Vec<String>> {
    std::io::stdin()
        .lines()
        .collect::<Result<_, _>>()
        .map_err(|e| anyhow::anyhow!("standard input: cannot read: {e}"))
}
