//! When git cannot merge (the same session edited on two machines), roast resolves it
//! without losing either side: this machine's version stays where roast reads it, the
//! other machine's version is kept whole in `conflicts/`, named after where it came from,
//! and the sync says so. No file roast reads ever holds conflict markers: each side is
//! taken as git stored it, never the marked-up merge.

use std::path::{Path, PathBuf};

use super::ShareError;
use super::git::Git;
use crate::model::slugify;
use crate::storage::{create_private_dir, write_atomic};

pub const CONFLICTS_DIR: &str = "conflicts";

/// One file both sides changed: which was kept, and where the other one is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictCopy {
    /// The file roast reads, relative to the series folder: this machine's version.
    pub kept: PathBuf,
    /// The other version, relative to the series folder.
    pub copy: PathBuf,
    /// Who wrote the other version (the author of their last commit).
    pub from: String,
}

impl ConflictCopy {
    pub fn describe(&self) -> String {
        format!(
            "{} was changed on two machines: kept this machine's; {}'s version is in {}",
            self.kept.display(),
            self.from,
            self.copy.display()
        )
    }
}

/// The copies kept from earlier conflicts, for the series list to show.
pub fn copies(series_dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(series_dir.join(CONFLICTS_DIR)) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    paths.sort();
    paths
}

/// Resolves every unmerged path of the merge in progress and stages the result.
pub fn resolve(git: &Git) -> Result<Vec<ConflictCopy>, ShareError> {
    let listing = git.run(["diff", "--name-only", "--diff-filter=U", "-z"])?;
    let paths: Vec<&str> = listing.split('\0').filter(|p| !p.is_empty()).collect();
    if paths.is_empty() {
        return Ok(Vec::new());
    }
    let from = git
        .run(["log", "-1", "--format=%an", "MERGE_HEAD"])
        .map(|s| s.trim().to_string())
        .ok()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "the other machine".into());
    let short = git
        .run(["rev-parse", "--short", "MERGE_HEAD"])
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    let mut copies = Vec::new();
    for rel in paths {
        let ours = git.show_bytes(&format!(":2:{rel}"))?;
        let theirs = git.show_bytes(&format!(":3:{rel}"))?;
        let target = git.dir().join(rel);
        match (ours, theirs) {
            (Some(ours), Some(theirs)) => {
                write(&target, &ours)?;
                let copy = copy_path(rel, &from, &short);
                write(&git.dir().join(&copy), &theirs)?;
                git.run(["add", "--", rel])?;
                git.run(["add", "--", copy.to_str().expect("built from UTF-8 parts")])?;
                copies.push(ConflictCopy {
                    kept: PathBuf::from(rel),
                    copy,
                    from: from.clone(),
                });
            }
            // One side deleted the file, the other changed it: keep the changed one, so
            // nothing typed is lost.
            (Some(only), None) | (None, Some(only)) => {
                write(&target, &only)?;
                git.run(["add", "--", rel])?;
            }
            (None, None) => {
                git.run(["rm", "--cached", "--quiet", "--ignore-unmatch", "--", rel])?;
            }
        }
    }
    Ok(copies)
}

/// `conflicts/sessions--20261122-100000-overview--from-ben-1a2b3c4.ron`: the path it
/// replaces, flattened, and who it came from.
fn copy_path(rel: &str, from: &str, short: &str) -> PathBuf {
    let (stem, ext) = match rel.rsplit_once('.') {
        Some((stem, ext)) if !ext.contains('/') => (stem, format!(".{ext}")),
        _ => (rel, String::new()),
    };
    let flat = stem.replace('/', "--");
    let mut name = format!("{flat}--from-{}", slugify(from));
    if !short.is_empty() {
        name.push('-');
        name.push_str(short);
    }
    PathBuf::from(CONFLICTS_DIR).join(format!("{name}{ext}"))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), ShareError> {
    if let Some(parent) = path.parent() {
        create_private_dir(parent).map_err(|e| ShareError::io(parent, e))?;
    }
    write_atomic(path, bytes).map_err(|e| ShareError::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_is_named_after_the_file_and_who_wrote_it() {
        assert_eq!(
            copy_path(
                "sessions/20261122-100000-overview.ron",
                "Ben Okafor",
                "1a2b3c4"
            ),
            PathBuf::from(
                "conflicts/sessions--20261122-100000-overview--from-ben-okafor-1a2b3c4.ron"
            )
        );
        assert_eq!(
            copy_path("series.ron", "x", ""),
            PathBuf::from("conflicts/series--from-x.ron")
        );
    }
}
