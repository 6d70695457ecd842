//! The RON files of one folder (sessions, backlog items), read together.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::storage::format::{self, Check, FormatError};

/// The `.ron` files directly in `dir`, sorted by name. The temporary files of a save in
/// progress (dot-files) and anything else that is not ours are left out. A missing
/// folder has no files. Entries that are not regular files (a FIFO, a device, a link
/// out of the folder) are listed all the same, for the reader to refuse by name.
pub fn ron_files(dir: &Path) -> Vec<PathBuf> {
    super::guard::read();
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

/// Reads and parses the files, results in the same order, on every core: a long series
/// holds thousands of files, and parsing them one after the other is most of its load
/// time.
///
/// `confine` is the data folder (links out of it are not followed); `check` runs on each
/// parsed file (see [`format::load`]).
pub fn read_all<T: DeserializeOwned + Send>(
    paths: &[PathBuf],
    confine: Option<&Path>,
    check: Check<T>,
) -> Vec<Result<T, FormatError>> {
    // Even two files are worth a second thread: a ballot file can be hundreds of KB.
    parallel_map(paths, 2, |p| format::load(p, confine, check))
}

/// How many threads a parallel read uses, asked once: the standard library reads the
/// cgroup's CPU quota files on every call (four files), and the series list used to ask
/// once per series, hundreds of reads before the first frame.
fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get().min(8)))
}

/// How many items a thread takes at a time: small enough that no core sits idle while
/// another works through a run of big files, big enough to keep the hand-out cheap.
const BATCH: usize = 8;

/// `f` over `items`, results in the same order; spread over the cores once there are at
/// least `min_for_threads` items (below that, starting threads costs more than it saves).
///
/// The calling thread works too, and the threads take small batches in turn rather than
/// a fixed share each: files differ a lot in size (a ballot is hundreds of KB, a backlog
/// item a few hundred bytes), and fixed halves would leave one core idle at the end.
pub(crate) fn parallel_map<I: Sync, R: Send>(
    items: &[I],
    min_for_threads: usize,
    f: impl Fn(&I) -> R + Sync,
) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};

    if items.len() < min_for_threads.max(2) {
        return items.iter().map(&f).collect();
    }
    let threads = cores();
    if threads < 2 {
        return items.iter().map(&f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let start = next.fetch_add(BATCH, Ordering::Relaxed);
            if start >= items.len() {
                return done;
            }
            let end = (start + BATCH).min(items.len());
            done.extend((start..end).map(|i| (i, f(&items[i]))));
        }
    };
    let helpers = (threads - 1).min(items.len().div_ceil(BATCH) - 1);
    let mut results: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..helpers).map(|_| scope.spawn(work)).collect();
        let mine = work();
        let theirs = workers.into_iter().flat_map(|w| {
            w.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        for (i, r) in mine.into_iter().chain(theirs) {
            results[i] = Some(r);
        }
    });
    results
        .into_iter()
        .map(|r| r.expect("every item is taken by exactly one thread"))
        .collect()
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

    #[test]
    fn a_parallel_map_keeps_the_order_of_its_items_whatever_their_cost() {
        let items: Vec<u64> = (0..1_000).collect();
        let slow_then_fast = |i: &u64| {
            // The first items cost far more than the rest, as a few big files would.
            let spin = if *i < 20 { 20_000 } else { 1 };
            (0..spin).fold(*i, |acc, k| std::hint::black_box(acc ^ k))
                ^ (0..spin).fold(0, |a, k| a ^ k)
        };
        assert_eq!(parallel_map(&items, 2, slow_then_fast), items);
        assert_eq!(parallel_map(&items[..1], 2, |i| i * 2), vec![0]);
        assert!(parallel_map(&items[..0], 2, |i| i * 2).is_empty());
    }
}
