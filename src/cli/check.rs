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
