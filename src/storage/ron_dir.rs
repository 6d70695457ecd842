//! The RON files of one folder (sessions, backlog items), read together.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::storage::format::{self, Check, FormatError};

/// The `.ron` files directly in `dir`, sorted by name. The temporary files of a save in
/// progress (dot-files) and anything else that is not ours are left out. A missing
/// folder has no files. Entries that are not regular files (a FIFO, a device, a link
/// out of the folder) are listed all the same, for the reader to refuse by name.
pub fn ron_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "ron")
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    paths.sort();
    paths
}

/// Reads and parses the files, results in the same order, on a few threads when there are
/// many: a long series holds hundreds of files, and parsing them one after the other is
/// most of its load time.
///
/// `confine` is the data folder (links out of it are not followed); `check` runs on each
/// parsed file (see [`format::load`]).
pub fn read_all<T: DeserializeOwned + Send>(
    paths: &[PathBuf],
    confine: Option<&Path>,
    check: Check<T>,
) -> Vec<Result<T, FormatError>> {
    parallel_map(paths, 64, |p| format::load(p, confine, check))
}

/// `f` over `items`, results in the same order; spread over a few threads once there are
/// at least `min_for_threads` items (below that, starting threads costs more than it saves).
pub(crate) fn parallel_map<I: Sync, R: Send>(
    items: &[I],
    min_for_threads: usize,
    f: impl Fn(&I) -> R + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if threads < 2 || items.len() < min_for_threads.max(2) {
        return items.iter().map(&f).collect();
    }
    let f = &f;
    std::thread::scope(|scope| {
        let workers: Vec<_> = items
            .chunks(items.len().div_ceil(threads))
            .map(|chunk| scope.spawn(move || chunk.iter().map(f).collect::<Vec<_>>()))
            .collect();
        workers
            .into_iter()
            .flat_map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_our_files_only_and_reads_them_in_order() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..70 {
            std::fs::write(dir.path().join(format!("{i:03}.ron")), format!("{i}")).unwrap();
        }
        std::fs::write(dir.path().join(".050.ron.tmp"), "x").unwrap();
        std::fs::write(dir.path().join(".051.ron"), "x").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
        let files = ron_files(dir.path());
        assert_eq!(files.len(), 70);
        let values: Vec<u32> = read_all::<u32>(&files, Some(dir.path()), |_, _, _| Ok(()))
            .into_iter()
            .map(Result::unwrap)
            .collect();
        assert_eq!(values, (0..70).collect::<Vec<_>>());
        assert!(ron_files(&dir.path().join("missing")).is_empty());
    }
}
