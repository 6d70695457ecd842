//! Reading the disk for the next screen happens on the saver's thread, never in `update`:
//! `update` asks and returns, the screen says what is being read, and the result comes
//! back as an action (`Loaded`) for the app to build the next screen from. On the saver's
//! thread a read comes after every write handed over before it, so it sees the app's own
//! pending saves, and a series' lock is released only after the series' last writes.

use std::sync::{Arc, Mutex};

use crate::backlog::{LoadedBacklog, VotingRound};
use crate::storage::digest::{FileBytes, ListedSeries};
use crate::storage::parse_cache::SeriesCache;
use crate::storage::{FormatError, LoadedSeries, LockError, SeriesFolder, SeriesLock};

/// Which request a [`Loaded`] answers: only the newest one is waited for.
pub type LoadTicket = u64;

/// What a read came to.
pub enum Loaded {
    /// Every series as the list shows it, and the digests to write back.
    List {
        entries: Vec<Result<ListedSeries, FormatError>>,
        stale: Vec<FileBytes>,
    },
    /// A series locked and read fresh for writing, or why it could not be.
    Opened(Result<Box<Opened>, String>),
    /// A series read for its summary (no lock), or why it could not be.
    Summary(Result<Box<(LoadedSeries, LoadedBacklog)>, String>),
    /// A series and every ballot, read again for one voter's ballot (no lock: each voter
    /// writes only their own file), or why it could not be.
    Ballot(Result<Box<(LoadedSeries, Votes)>, FormatError>),
}

/// A series this app now holds the lock of, as read under the lock.
pub struct Opened {
    pub loaded: LoadedSeries,
    pub lock: SeriesLock,
    /// For prioritisation: the votes and the voting round, with what could not be read.
    pub votes: Option<Votes>,
}

pub struct Votes {
    pub backlog: LoadedBacklog,
    pub round: VotingRound,
    pub round_problem: Option<FormatError>,
}

/// A [`Loaded`] on its way to `update`. Actions are plain values that can be cloned and
/// compared; a lock cannot, so the result travels in a shared slot taken exactly once.
#[derive(Clone)]
pub struct Delivery {
    pub ticket: LoadTicket,
    slot: Arc<Mutex<Option<Loaded>>>,
}

impl Delivery {
    pub fn new(ticket: LoadTicket, loaded: Loaded) -> Self {
        Self {
            ticket,
            slot: Arc::new(Mutex::new(Some(loaded))),
        }
    }

    /// The result, the first time it is asked for.
    pub fn take(&self) -> Option<Loaded> {
        self.slot.lock().unwrap_or_else(|p| p.into_inner()).take()
    }
}

impl PartialEq for Delivery {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.slot, &other.slot)
    }
}

impl std::fmt::Debug for Delivery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Delivery({})", self.ticket)
    }
}

/// What the series list shows, read.
pub fn list(data: &crate::storage::DataDir) -> Loaded {
    let (entries, stale) = data.list_digests_deferred();
    Loaded::List { entries, stale }
}

/// Takes the series' lock and reads it fresh (another scribe may have added sessions
/// since the list was read), with its votes if `votes`. The error is the sentence the
/// user reads: nothing opens for writing; the summary and `follow` still work without
/// the lock.
pub fn open(folder: &SeriesFolder, votes: bool) -> Loaded {
    Loaded::Opened(open_locked(folder, votes).map(Box::new))
}

fn open_locked(folder: &SeriesFolder, votes: bool) -> Result<Opened, String> {
    let lock = match SeriesLock::acquire(folder.dir()) {
        Ok(lock) => lock,
        Err(LockError::Held { holder, .. }) => {
            // Only the folder is known yet: the name comes from its series file.
            let id = folder.id();
            let service = folder
                .read_series()
                .map_or_else(|_| id.clone(), |s| s.service);
            return Err(format!(
                "Not opened: another roast (pid {holder}) is writing {service}. `s` shows its \
                 summary; `roast follow {id}` shows its session read-only."
            ));
        }
        Err(e) => return Err(e.to_string()),
    };
    let loaded = folder.load().map_err(|e| format!("cannot open: {e}"))?;
    let votes = votes.then(|| read_votes(folder));
    Ok(Opened {
        loaded,
        lock,
        votes,
    })
}

/// The series and its votes, for the summary: through the series' parse cache, as
/// `roast summary` reads them.
pub fn summary(folder: &SeriesFolder) -> Loaded {
    let cache = SeriesCache::for_folder(folder, std::time::SystemTime::now());
    Loaded::Summary(
        folder
            .load_with(Some(&cache))
            .map(|loaded| {
                let votes = LoadedBacklog::load_with(&loaded.folder, Some(&cache));
                Box::new((loaded, votes))
            })
            .map_err(|e| format!("cannot open: {e}")),
    )
}

/// The backlog's ballots and the moderator's voting round, with what could not be read.
pub fn read_votes(folder: &SeriesFolder) -> Votes {
    let (round, round_problem) = VotingRound::load(folder);
    Votes {
        backlog: LoadedBacklog::load(folder),
        round,
        round_problem,
    }
}

/// The series and its votes as they are now, for one voter's ballot.
pub fn ballot(folder: &SeriesFolder) -> Result<(LoadedSeries, Votes), FormatError> {
    Ok((folder.load()?, read_votes(folder)))
}
