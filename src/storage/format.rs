//! Versioned, human-readable RON on disk, and errors that name the file and the place.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::model::NEWEST_VERSION;

/// Why a file could not be used. It always names the file; the file is never touched.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct FormatError {
    pub path: PathBuf,
    /// 1-based line and column, where the problem has a place.
    pub position: Option<(usize, usize)>,
    pub kind: FormatErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatErrorKind {
    Io(String),
    Syntax(String),
    NewerVersion { found: u32 },
    Invalid(String),
}

impl FormatError {
    pub fn invalid(path: &Path, message: impl Into<String>) -> Self {
        Self {
            path: path.to_path_buf(),
            position: None,
            kind: FormatErrorKind::Invalid(message.into()),
        }
    }

    pub fn io(path: &Path, err: &std::io::Error) -> Self {
        Self {
            path: path.to_path_buf(),
            position: None,
            kind: FormatErrorKind::Io(err.to_string()),
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some((line, col)) = self.position {
            write!(f, ":{line}:{col}")?;
        }
        match &self.kind {
            FormatErrorKind::Io(e) => write!(f, ": cannot read: {e}"),
            FormatErrorKind::Syntax(e) => write!(f, ": {e}"),
            FormatErrorKind::NewerVersion { found } => write!(
                f,
                ": written by a newer roast (format version {found}; this build reads up to {NEWEST_VERSION}); upgrade roast to use it"
            ),
            FormatErrorKind::Invalid(e) => write!(f, ": {e}"),
        }
    }
}

/// Just the version, read before the rest so a newer file is refused with a clear reason
/// rather than a confusing "unknown field".
#[derive(serde::Deserialize)]
struct VersionProbe {
    version: u32,
}

/// The version of a file we wrote ourselves, found without parsing it: our files start
/// `(` then `version: N`, optionally after comments and a struct name. `None` when the
/// file is laid out otherwise; then a parse finds it.
fn leading_version(text: &str) -> Option<u32> {
    let mut rest = text.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        if let Some(comment) = rest.strip_prefix("//") {
            rest = comment.split_once('\n').map_or("", |(_, after)| after);
        } else {
            break;
        }
    }
    let rest = rest.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_');
    let rest = rest.trim_start().strip_prefix('(')?.trim_start();
    let rest = rest
        .strip_prefix("version")?
        .trim_start()
        .strip_prefix(':')?
        .trim_start();
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    rest[..digits].parse().ok()
}

/// 1-based line and column (in characters) of a byte offset into a file's text, for
/// `FILE:line:col` messages.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

pub fn from_ron_str<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, FormatError> {
    // Parsing twice (a probe for the version, then the file) would double the cost of
    // loading a long series; the common layout gives the version for free.
    let version = leading_version(text)
        .or_else(|| ron::from_str::<VersionProbe>(text).ok().map(|p| p.version));
    if let Some(version) = version
        && version > NEWEST_VERSION
    {
        return Err(FormatError {
            path: path.to_path_buf(),
            position: None,
            kind: FormatErrorKind::NewerVersion { found: version },
        });
    }
    ron::from_str(text).map_err(|e| FormatError {
        path: path.to_path_buf(),
        position: Some((e.span.start.line, e.span.start.col)),
        kind: FormatErrorKind::Syntax(e.code.to_string()),
    })
}

/// Reads and parses a RON file (see [`load`]), with no further check.
pub fn read_ron_file<T: DeserializeOwned>(
    path: &Path,
    confine: Option<&Path>,
) -> Result<T, FormatError> {
    load(path, confine, |_, _, _| Ok(()))
}

/// A check of a parsed file against its text (ids that name files, say).
pub type Check<T> = fn(&Path, &str, &T) -> Result<(), FormatError>;

/// Reads a file under the rules of [`read`](super::read) (a regular file, a link only
/// inside `confine`, a size limit), parses it and runs `check`. A file that exists but
/// fails any of it is protected: nothing in this process writes over it
/// ([`guard`](super::guard)), since it may be the only copy of someone's notes.
pub fn load<T: DeserializeOwned>(
    path: &Path,
    confine: Option<&Path>,
    check: Check<T>,
) -> Result<T, FormatError> {
    load_stamped(path, confine, check).map(|(value, _)| value)
}

/// As [`load`], with the file's metadata from just before it was read (see
/// [`read_text_stamped`](super::read::read_text_stamped)), for the parse cache.
pub fn load_stamped<T: DeserializeOwned>(
    path: &Path,
    confine: Option<&Path>,
    check: Check<T>,
) -> Result<(T, std::fs::Metadata), FormatError> {
    let result = super::read::read_text_stamped(path, confine).and_then(|(text, meta)| {
        let value = from_ron_str(path, &text)?;
        check(path, &text, &value)?;
        Ok((value, meta))
    });
    match &result {
        Ok(_) => super::guard::release(path),
        Err(_) if std::fs::symlink_metadata(path).is_ok() => super::guard::protect(path),
        Err(_) => {}
    }
    result
}

/// Pretty RON, the way people read and diff it.
pub fn to_pretty_ron<T: Serialize>(value: &T) -> String {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(8)
        .indentor("    ".to_string())
        .struct_names(false)
        .separate_tuple_members(false);
    // Serialising our own plain data types cannot fail; if it ever did, that is a bug we
    // want loudly rather than a silently empty file.
    ron::ser::to_string_pretty(value, config).expect("model types always serialise to RON")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize, PartialEq)]
    struct Thing {
        version: u32,
        name: String,
    }

    #[test]
    fn a_syntax_error_names_file_line_and_column() {
        let err =
            from_ron_str::<Thing>(Path::new("x/thing.ron"), "(\n  version: 1,\n  name: 42,\n)")
                .unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("x/thing.ron:3:"), "{text}");
    }

    #[test]
    fn a_newer_version_is_refused_by_name() {
        let err = from_ron_str::<Thing>(Path::new("t.ron"), "(version: 99, name: \"a\", extra: 1)")
            .unwrap_err();
        assert_eq!(err.kind, FormatErrorKind::NewerVersion { found: 99 });
        assert!(err.to_string().contains("newer roast"), "{err}");
    }

    #[test]
    fn the_version_is_read_without_a_parse_in_our_own_layout() {
        assert_eq!(leading_version("(\n    version: 1,\n    id: 2)"), Some(1));
        assert_eq!(
            leading_version("// a comment\n// two\nSeries(version: 12, x: 1)"),
            Some(12)
        );
        assert_eq!(leading_version("(id: 1, version: 3)"), None);
        assert_eq!(leading_version(""), None);
    }

    #[test]
    fn a_newer_version_later_in_the_file_is_still_refused() {
        let err =
            from_ron_str::<Thing>(Path::new("t.ron"), "(name: \"a\", version: 9)").unwrap_err();
        assert_eq!(err.kind, FormatErrorKind::NewerVersion { found: 9 });
    }

    #[test]
    fn the_current_version_loads() {
        let t: Thing = from_ron_str(Path::new("t.ron"), "(version: 1, name: \"a\")").unwrap();
        assert_eq!(t.name, "a");
    }
}
