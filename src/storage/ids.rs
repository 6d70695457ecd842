//! Ids read from files become file and folder names (a session's file, an export, a
//! backlog item), so each is checked before it is used: a shared folder can hold a file
//! whose id says `../../somewhere`.

use std::path::Path;

use crate::storage::format::FormatError;

/// Longest id accepted; ours are a time stamp and a slug of a title, far shorter.
const MAX_ID_BYTES: usize = 200;

/// Why `id` cannot name a file, or `None` when it can: letters, digits, `-`, `_` and `.`,
/// not starting with a dot (no hidden files, no `..`), at most 200 bytes.
pub fn problem(id: &str) -> Option<&'static str> {
    if id.is_empty() {
        Some("is empty")
    } else if id.len() > MAX_ID_BYTES {
        Some("is longer than 200 bytes")
    } else if id.starts_with('.') {
        Some("starts with a dot")
    } else if !id
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        Some("holds a character other than letters, digits, '-', '_' and '.'")
    } else {
        None
    }
}

/// Checks the id `what` read from the file at `path` whose text is `text`; the error
/// points at the id in the file.
pub fn check(path: &Path, text: &str, what: &str, id: &str) -> Result<(), FormatError> {
    let Some(why) = problem(id) else {
        return Ok(());
    };
    let quoted = ron::to_string(&id).unwrap_or_default();
    let position = text
        .find(&quoted)
        .or_else(|| text.find(id).filter(|_| !id.is_empty()))
        .map(|offset| crate::storage::format::line_col(text, offset));
    Err(FormatError {
        position,
        ..FormatError::invalid(
            path,
            format!(
                "the {what} id {} {why}, so it cannot name a file: not used",
                crate::safe_text::terminal_safe(&quoted)
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_that_could_leave_a_folder_are_refused() {
        for bad in ["", "../x", "a/b", "..", ".hidden", "a\\b", "x\u{0}", "a b"] {
            assert!(problem(bad).is_some(), "{bad:?}");
        }
        for good in ["payments-api", "20261129-101010-café", "v1.2_x"] {
            assert_eq!(problem(good), None, "{good}");
        }
        assert!(problem(&"a".repeat(201)).is_some());
    }

    #[test]
    fn a_bad_id_is_reported_with_the_file_line_and_column() {
        let text = "(\n    version: 1,\n    id: \"../../etc\",\n)";
        let err = check(Path::new("s/series.ron"), text, "series", "../../etc").unwrap_err();
        let shown = err.to_string();
        assert!(
            shown.starts_with("s/series.ron:3:9: the series id"),
            "{shown}"
        );
    }
}
