//! A parse cache per folder of RON files (a series' sessions, its room-only files, its
//! backlog items, its ballots), so that reading a long series for a summary or an export
//! costs one look at each file's stamp instead of opening, reading and parsing thousands
//! of files. Parsing RON is most of the cost of reading a series.
//!
//! It is derived, never the only copy of anything, and lives outside the series folders
//! (`<data dir>/.cache/parsed/<series id>/<folder>.cache`), so sharing a series never
//! carries it. Each entry records the stamp of the file it was parsed from (size,
//! modification and change times, inode), taken before the file was read; a file whose
//! stamp differs, or that is no longer a plain file, is read again under every rule of
//! [`read`](super::read). Only files that loaded cleanly and passed their check are kept,
//! so a file that fails is read (and reported) every time. A missing, unreadable, damaged
//! or older cache is ignored and rebuilt; failing to write one costs only speed.
//!
//! The file is text: a header line, then one line per file:
//! `["name",{stamp},LEN]\tVALUE\n`, where VALUE is the parsed file as LEN bytes of JSON.
//! The lengths let the reader find every entry without scanning the values, and decode
//! them on every core.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::storage::format::{self, Check, FormatError};
use crate::storage::read::MAX_FILE_BYTES;
use crate::storage::{SeriesFolder, derived, guard, ron_dir};

/// Where the caches live, under the data directory.
pub const PARSED_DIR: &str = ".cache/parsed";

/// Bumped whenever what an entry holds changes meaning; other versions are rebuilt. The
/// roast version is in the header too, so a new build never trusts an older build's
/// cache (its model types may read the same JSON differently).
const VERSION: u32 = 1;

/// A file whose last change is this recent is not cached: a second change within the file
/// system's timestamp resolution, of the same size, would leave the same stamp (what git
/// calls "racily clean").
const RACY: Duration = Duration::from_secs(2);

/// The caches of one series folder, as of `now` (which decides which files have settled).
#[derive(Debug, Clone)]
pub struct SeriesCache {
    dir: PathBuf,
    now: SystemTime,
}

impl SeriesCache {
    pub fn for_folder(folder: &SeriesFolder, now: SystemTime) -> Self {
        Self {
            dir: folder.data_root().join(PARSED_DIR).join(folder.id()),
            now,
        }
    }

    /// The cache file of the series' folder named `folder` (`sessions`, `backlog`, ...).
    pub fn file(&self, folder: &str) -> PathBuf {
        self.dir.join(format!("{folder}.cache"))
    }

    /// [`read_all`] of files in the series' folder named `folder`.
    pub fn read_all<T: DeserializeOwned + Serialize + Send>(
        &self,
        folder: &str,
        paths: &[PathBuf],
        confine: Option<&Path>,
        check: Check<T>,
    ) -> Vec<Result<T, FormatError>> {
        read_all(&self.file(folder), self.now, paths, confine, check)
    }
}

/// [`ron_dir::read_all`], through the series' cache when there is one.
pub fn read_all_maybe<T: DeserializeOwned + Serialize + Send>(
    cache: Option<&SeriesCache>,
    folder: &str,
    paths: &[PathBuf],
    confine: Option<&Path>,
    check: Check<T>,
) -> Vec<Result<T, FormatError>> {
    match cache {
        Some(cache) => cache.read_all(folder, paths, confine, check),
        None => ron_dir::read_all(paths, confine, check),
    }
}

/// What identifies one state of a file's content without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Stamp {
    len: u64,
    modified: (i64, i64),
    changed: (i64, i64),
    inode: u64,
}

impl Stamp {
    #[cfg(unix)]
    fn of(meta: &std::fs::Metadata) -> Self {
        use std::os::unix::fs::MetadataExt as _;
        Stamp {
            len: meta.len(),
            modified: (meta.mtime(), meta.mtime_nsec()),
            changed: (meta.ctime(), meta.ctime_nsec()),
            inode: meta.ino(),
        }
    }

    #[cfg(not(unix))]
    fn of(meta: &std::fs::Metadata) -> Self {
        let since = meta
            .modified()
            .ok()
            .and_then(|m| m.duration_since(SystemTime::UNIX_EPOCH).ok())
            .unwrap_or_default();
        let modified = (since.as_secs() as i64, i64::from(since.subsec_nanos()));
        Stamp {
            len: meta.len(),
            modified,
            changed: modified,
            inode: 0,
        }
    }

    /// Whether the file last changed long enough before `now` for its stamp to be
    /// trusted. The change time counts, not the modification time: anyone can set the
    /// latter back (`touch -d`, `cp -p`), but every write moves the former.
    fn settled(&self, now: SystemTime) -> bool {
        let changed = match u64::try_from(self.changed.0) {
            Ok(secs) => {
                SystemTime::UNIX_EPOCH
                    + Duration::new(secs, u32::try_from(self.changed.1).unwrap_or(0))
            }
            Err(_) => return false,
        };
        now.duration_since(changed).is_ok_and(|age| age >= RACY)
    }
}

/// The key part of an entry's line.
type Key = (String, Stamp, usize);

fn header<T>() -> String {
    format!(
        "roast parse cache {VERSION} {} {}\n",
        env!("CARGO_PKG_VERSION"),
        std::any::type_name::<T>()
    )
}

/// The entries of a cache file by file name: the stamp and where the value's JSON is.
fn index<T>(bytes: &[u8]) -> HashMap<String, (Stamp, Range<usize>)> {
    let mut entries = HashMap::new();
    let head = header::<T>();
    if !bytes.starts_with(head.as_bytes()) {
        return entries;
    }
    let mut at = head.len();
    // A damaged entry ends the reading: what follows it cannot be framed.
    while let Some(tab) = bytes[at..].iter().position(|&b| b == b'\t') {
        let Ok((name, stamp, len)) = serde_json::from_slice::<Key>(&bytes[at..at + tab]) else {
            break;
        };
        let start = at + tab + 1;
        let end = start.saturating_add(len);
        if bytes.get(end) != Some(&b'\n') {
            break;
        }
        entries.insert(name, (stamp, start..end));
        at = end + 1;
    }
    entries
}

/// One file's read: the value or why not, and what the new cache keeps of it.
struct Read<T> {
    result: Result<T, FormatError>,
    keep: Option<(Stamp, Kept)>,
    hit: bool,
}

enum Kept {
    /// Still the bytes in the old cache, at this range.
    Old(Range<usize>),
    New(Vec<u8>),
}

/// [`ron_dir::read_all`] through the cache file `cache`: the same results, in the same
/// order, with the same checks and the same protection of files that fail; only files
/// whose stamp changed since they were cached are read and parsed. The cache file is
/// rewritten when anything in it changed.
pub fn read_all<T: DeserializeOwned + Serialize + Send>(
    cache: &Path,
    now: SystemTime,
    paths: &[PathBuf],
    confine: Option<&Path>,
    check: Check<T>,
) -> Vec<Result<T, FormatError>> {
    guard::read();
    let old = std::fs::read(cache).unwrap_or_default();
    let entries = index::<T>(&old);
    let reads = ron_dir::parallel_map(paths, 2, |path| {
        let cached = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| entries.get(n));
        if let Some((stamp, range)) = cached
            && let Some(value) = hit(path, stamp, &old[range.clone()])
        {
            return Read {
                result: Ok(value),
                keep: Some((*stamp, Kept::Old(range.clone()))),
                hit: true,
            };
        }
        match format::load_stamped(path, confine, check) {
            Ok((value, meta)) => {
                let stamp = Stamp::of(&meta);
                let keep = (meta.is_file() && stamp.settled(now))
                    .then(|| serde_json::to_vec(&value).ok())
                    .flatten()
                    .map(|json| (stamp, Kept::New(json)));
                Read {
                    result: Ok(value),
                    keep,
                    hit: false,
                }
            }
            Err(e) => Read {
                result: Err(e),
                keep: None,
                hit: false,
            },
        }
    });
    let up_to_date = reads.iter().all(|r| r.hit) && entries.len() == paths.len();
    let nothing_to_keep = old.is_empty() && reads.iter().all(|r| r.keep.is_none());
    if !(up_to_date || nothing_to_keep) {
        let _ = write(cache, &old, paths, &reads);
    }
    reads.into_iter().map(|r| r.result).collect()
}

/// The cached value of `path`, when the file is still the plain file it was parsed from.
/// A link, a FIFO or anything else that is not a plain file is never a hit: the full read
/// refuses or checks it by name.
fn hit<T: DeserializeOwned>(path: &Path, stamp: &Stamp, json: &[u8]) -> Option<T> {
    guard::read();
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.is_file() || meta.len() > MAX_FILE_BYTES || Stamp::of(&meta) != *stamp {
        return None;
    }
    let value = serde_json::from_slice(json).ok()?;
    // The file loads as it did when it was cached: ours to write again, as after a read.
    guard::release(path);
    Some(value)
}

fn write<T>(cache: &Path, old: &[u8], paths: &[PathBuf], reads: &[Read<T>]) -> std::io::Result<()> {
    let mut out = header::<T>().into_bytes();
    for (path, read) in paths.iter().zip(reads) {
        let (Some((stamp, kept)), Some(name)) =
            (&read.keep, path.file_name().and_then(|n| n.to_str()))
        else {
            continue;
        };
        let json = match kept {
            Kept::Old(range) => &old[range.clone()],
            Kept::New(bytes) => bytes.as_slice(),
        };
        let key: Key = (name.to_string(), *stamp, json.len());
        serde_json::to_writer(&mut out, &key).map_err(std::io::Error::other)?;
        out.push(b'\t');
        out.extend_from_slice(json);
        out.push(b'\n');
    }
    derived::replace(cache, &out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_found_by_its_length_and_a_damaged_one_ends_the_index() {
        let stamp = Stamp {
            len: 3,
            modified: (1, 2),
            changed: (3, 4),
            inode: 5,
        };
        let mut bytes = header::<u32>().into_bytes();
        for (name, value) in [("a.ron", "17"), ("b\tc.ron", "\"x\\ny\"")] {
            serde_json::to_writer(&mut bytes, &(name, stamp, value.len())).unwrap();
            bytes.push(b'\t');
            bytes.extend_from_slice(value.as_bytes());
            bytes.push(b'\n');
        }
        let entries = index::<u32>(&bytes);
        let value = |name: &str| &bytes[entries[name].1.clone()];
        assert_eq!(entries["a.ron"].0, stamp);
        assert_eq!(value("a.ron"), b"17");
        assert_eq!(value("b\tc.ron"), b"\"x\\ny\"");
        // Cut short, the last entry is left out and nothing is misread.
        let cut = index::<u32>(&bytes[..bytes.len() - 3]);
        assert_eq!(cut.len(), 1);
        // Another type's cache is not this one's.
        assert!(index::<String>(&bytes).is_empty());
    }

    #[test]
    fn a_stamp_is_trusted_only_once_it_has_settled() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(100);
        let at = |secs| Stamp {
            len: 0,
            modified: (0, 0),
            changed: (secs, 0),
            inode: 0,
        };
        assert!(at(90).settled(now));
        assert!(!at(99).settled(now));
        assert!(!at(200).settled(now));
        assert!(!at(-1).settled(now));
    }
}
