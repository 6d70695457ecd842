//! Agenda files: the user's own agendas in the data folder and `--agenda FILE`, read,
//! parsed and checked, with every problem as a [`FormatError`] naming the file and, where
//! it can, line:column. The agendas themselves (and the built-ins) are plain data in
//! [`crate::agenda`].

use std::path::{Path, PathBuf};

use crate::agenda::{
    Agenda, AgendaProblem, AgendaSource, LoadedAgenda, builtin, lint_prompts, validate,
};
use crate::storage::format::{self, FormatError};

/// Parses one agenda file's text; `origin` names it in errors.
pub fn parse(origin: &Path, text: &str) -> Result<Agenda, FormatError> {
    format::from_ron_str(origin, text)
}

/// Every agenda on offer: the built-ins, then user files in `dir` (sorted by file name),
/// then `extra` (from `--agenda`). A user agenda with a built-in's id replaces it.
/// Unreadable user files are reported, not fatal: the rest still load.
pub fn catalog(dir: Option<&Path>, extra: Option<&Path>) -> (Vec<LoadedAgenda>, Vec<FormatError>) {
    let mut agendas = builtin();
    let mut errors = Vec::new();
    let mut files: Vec<PathBuf> = dir
        .and_then(|d| std::fs::read_dir(d).ok())
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files.extend(extra.map(Path::to_path_buf));
    for path in files {
        match load_file(&path) {
            Ok(agenda) => {
                agendas.retain(|a| a.agenda.id != agenda.id);
                agendas.push(LoadedAgenda {
                    agenda,
                    source: AgendaSource::File(path),
                });
            }
            Err(e) => errors.push(e),
        }
    }
    (agendas, errors)
}

/// Reads, parses and validates one agenda file for use: one read, one parse. The
/// phrasing lint is left to `roast agenda check`, so loading agendas at start-up never
/// waits for the checker's rules to compile.
pub fn load_file(path: &Path) -> Result<Agenda, FormatError> {
    let (text, agenda) = read(path)?;
    match validate(&agenda).into_iter().next() {
        Some(problem) => Err(locate(path, &text, problem)),
        None => Ok(agenda),
    }
}

/// Every problem in an agenda file, judgmental prompt questions included, each naming
/// the file and, where it can, line:column. `Err` when the file cannot be read or parsed.
pub fn check_file(path: &Path) -> Result<Vec<FormatError>, FormatError> {
    let (text, agenda) = read(path)?;
    Ok(validate(&agenda)
        .into_iter()
        .chain(lint_prompts(&agenda))
        .map(|p| locate(path, &text, p))
        .collect())
}

fn read(path: &Path) -> Result<(String, Agenda), FormatError> {
    let text = super::read::read_text(path, None)?;
    let agenda = parse(path, &text)?;
    Ok((text, agenda))
}

/// A content problem as an error pointing into the file where its anchor text is.
fn locate(path: &Path, text: &str, problem: AgendaProblem) -> FormatError {
    FormatError {
        path: path.to_path_buf(),
        position: problem.anchor.and_then(|(needle, nth)| {
            // The file may hold the text as RON escapes it (an apostrophe, say); look for
            // both spellings.
            let escaped = ron::to_string(&needle)
                .ok()
                .map(|quoted| quoted.trim_matches('"').to_string());
            std::iter::once(needle)
                .chain(escaped)
                .find_map(|spelling| {
                    text.match_indices(spelling.as_str())
                        .nth(nth)
                        .map(|(at, _)| at)
                })
                .map(|offset| format::line_col(text, offset))
        }),
        kind: super::FormatErrorKind::Invalid(problem.message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loading_checks_structure_and_check_also_lints_the_prompts() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mine.ron");
        let mut agenda = builtin().remove(0).agenda;
        agenda.topics[0].prompts[0] = "Why didn't you add rate limiting?".into();
        std::fs::write(&path, format::to_pretty_ron(&agenda)).unwrap();
        assert_eq!(load_file(&path).unwrap(), agenda);
        let problems = check_file(&path).unwrap();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].position.is_some(), "points at the prompt");
    }
}
