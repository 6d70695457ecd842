//! A seam for tests to make writes fail on purpose, the way a real disk does: full, an
//! I/O error, or read-only. A fault applies to writes of files under one folder (so
//! tests running side by side do not disturb each other), for a number of writes.
//!
//! Production code never arms it; unarmed, it costs one uncontended lock per write.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// ENOSPC: the disk is full.
    NoSpace,
    /// EIO: the device failed.
    Io,
    /// EROFS: the file system went read-only (a USB stick pulled, a remount).
    ReadOnly,
}

impl Fault {
    fn error(self) -> std::io::Error {
        #[cfg(unix)]
        {
            let code = match self {
                Fault::NoSpace => libc::ENOSPC,
                Fault::Io => libc::EIO,
                Fault::ReadOnly => libc::EROFS,
            };
            std::io::Error::from_raw_os_error(code)
        }
        #[cfg(not(unix))]
        {
            std::io::Error::other(format!("{self:?} (injected)"))
        }
    }
}

struct Armed {
    under: PathBuf,
    fault: Fault,
    /// Writes still to fail; `None` until disarmed.
    remaining: Option<u32>,
    /// Writes that were failed, for tests to assert on.
    failed: u32,
}

static ARMED: Mutex<Vec<Armed>> = Mutex::new(Vec::new());

fn armed() -> MutexGuard<'static, Vec<Armed>> {
    ARMED.lock().unwrap_or_else(|p| p.into_inner())
}

/// Makes the next `times` writes under `under` fail with `fault` (`None`: every write,
/// until [`clear`]).
pub fn inject(under: &Path, fault: Fault, times: Option<u32>) {
    let mut list = armed();
    list.retain(|a| a.under != under);
    list.push(Armed {
        under: under.to_path_buf(),
        fault,
        remaining: times,
        failed: 0,
    });
}

/// Disarms the faults under `under`; returns how many writes they failed.
pub fn clear(under: &Path) -> u32 {
    let mut list = armed();
    let failed = list
        .iter()
        .filter(|a| a.under == under)
        .map(|a| a.failed)
        .sum();
    list.retain(|a| a.under != under);
    failed
}

pub(crate) fn check(path: &Path) -> std::io::Result<()> {
    let mut list = armed();
    if list.is_empty() {
        return Ok(());
    }
    for a in list.iter_mut().filter(|a| path.starts_with(&a.under)) {
        match &mut a.remaining {
            Some(0) => {}
            Some(n) => {
                *n -= 1;
                a.failed += 1;
                return Err(a.fault.error());
            }
            None => {
                a.failed += 1;
                return Err(a.fault.error());
            }
        }
    }
    Ok(())
}
