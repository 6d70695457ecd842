//! Saves happen on a background thread so a slow disk never stalls the scribe's typing.
//!
//! The UI hands over a file's content, or a function that renders it (so even serialising
//! happens off the UI thread); the saver writes the newest content of each path atomically,
//! and keeps retrying a path that fails (a full disk, say) until it succeeds or newer
//! content replaces it. Nothing handed over is dropped while the process lives.
//!
//! Besides the newest content of a file, the UI hands over typed requests ([`Task`]): a
//! folder to make, files to write once (an export, the settings), a new series, files to
//! remove. They run here, in the order they were asked, and their result goes back
//! through the reporter the saver was started with (for the app: as an action), so the
//! UI thread never touches the disk to write.
//!
//! When the series' lock is lost (deleted or replaced: another roast may be writing the
//! series), its files are not written any more; what would have been written goes to a
//! recovery file instead ([`super::recovery`]), and the status says where.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::model::Series;
use crate::storage::{
    DataDir, SeriesFolder, create_private_dir, lock, recovery, remove_file, write_atomic,
};

const RETRY_AFTER: Duration = Duration::from_millis(1000);

thread_local! {
    /// Waits for the saver on this thread, so a test can prove the UI thread never waits.
    static WAITS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How many times this thread has waited for a saver ([`Saver::flush`]).
pub fn waits_on_this_thread() -> u64 {
    WAITS.with(std::cell::Cell::get)
}

/// Renders a file's bytes; runs on the saver thread.
pub type Render = Box<dyn FnOnce() -> Vec<u8> + Send>;

enum Job {
    Write(PathBuf, Render),
    /// A folder the next writes need, made (privately) before them and retried with them.
    Dir(PathBuf),
    Task(Ticket, Task),
    /// Work that needs the disk as the writes queued before it left it.
    Then(After),
    Flush(Sender<()>),
    Stop,
}

/// Which request a [`TaskDone`] answers.
pub type Ticket = u64;

/// What the UI asks of the disk besides keeping a file's newest content. Each runs once,
/// through the same guard as every write, and its result is reported.
#[derive(Debug)]
pub enum Task {
    /// These files, each into a private folder made as needed, in order; stops at the
    /// first failure. Exports and the settings: a failure is said, not retried.
    Write(Vec<(PathBuf, Vec<u8>)>),
    /// Derived files under `<data dir>/.cache/` (the series list's digests): replaced
    /// without an fsync (see [`super::derived`]); a failure costs only speed next time.
    WriteDerived(Vec<(PathBuf, Vec<u8>)>),
    /// A new series: its folders and its series file. The series' id is the one wanted:
    /// the first free id like it is picked here, on the saver's thread, so the UI asks
    /// the disk nothing (and two copies of the app racing get two ids, not one folder).
    CreateSeries { data: DataDir, series: Box<Series> },
    /// Files to remove (a session discarded before anything was noted), with any of their
    /// content still waiting to be written: a retry must not bring them back.
    Remove(Vec<PathBuf>),
}

/// How a [`Task`] went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskDone {
    pub ticket: Ticket,
    /// The reason, naming the file, when it failed.
    pub result: Result<(), String>,
    /// The folder of the series a `CreateSeries` made.
    pub created: Option<SeriesFolder>,
}

/// Runs on the saver thread once everything handed over before it has been tried: reads
/// for the next screen (so they see the UI's own pending saves) and the release of a
/// series' lock (so the series' last writes land while it is still held).
pub type After = Box<dyn FnOnce() + Send>;

/// Where task results go.
pub type Report = Box<dyn Fn(TaskDone) + Send>;

/// What the UI shows about saving.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaverStatus {
    /// The last failure, while any path is still failing: file and reason.
    pub failing: Option<(PathBuf, String)>,
    /// Files handed over and not written yet.
    pub pending: usize,
    /// How many writes have completed, for tests and the status line.
    pub written: u64,
    /// Files that could not go to their own place (the lock was lost) and where their
    /// newest content went instead.
    pub rescued: BTreeMap<PathBuf, PathBuf>,
}

pub struct Saver {
    jobs: Sender<Job>,
    status: Arc<Mutex<SaverStatus>>,
    // Bytes not yet on disk, shared so that a last-resort dump can print them.
    unsaved: Arc<Mutex<BTreeMap<PathBuf, Vec<u8>>>>,
    next_ticket: AtomicU64,
    thread: Option<JoinHandle<()>>,
}

impl Saver {
    /// A saver whose task results go nowhere (the command line and tests that only save).
    pub fn start() -> Self {
        Self::reporting(Box::new(|_| {}))
    }

    /// A saver that hands each task's result to `report`, on the saver thread.
    pub fn reporting(report: Report) -> Self {
        let (jobs, rx) = mpsc::channel();
        let status = Arc::new(Mutex::new(SaverStatus::default()));
        let unsaved = Arc::new(Mutex::new(BTreeMap::new()));
        let thread = {
            let status = Arc::clone(&status);
            let unsaved = Arc::clone(&unsaved);
            std::thread::Builder::new()
                .name("roast-saver".into())
                .spawn(move || run(rx, status, unsaved, report))
                .expect("spawning the saver thread")
        };
        Self {
            jobs,
            status,
            unsaved,
            next_ticket: AtomicU64::new(1),
            thread: Some(thread),
        }
    }

    /// Makes sure `dir` exists (private) before the writes queued after this.
    pub fn ensure_dir(&self, dir: PathBuf) {
        let _ = self.jobs.send(Job::Dir(dir));
    }

    /// Queues `task`; its result comes back through the reporter with the ticket returned.
    pub fn run(&self, task: Task) -> Ticket {
        let ticket = self.next_ticket.fetch_add(1, Ordering::Relaxed);
        let _ = self.jobs.send(Job::Task(ticket, task));
        ticket
    }

    pub fn save(&self, path: PathBuf, bytes: Vec<u8>) {
        self.save_with(path, Box::new(move || bytes));
    }

    /// Queues `after` to run once every write handed over before it has been tried once
    /// (as [`Saver::flush`] waits for), without the caller waiting.
    pub fn then(&self, after: After) {
        let _ = self.jobs.send(Job::Then(after));
    }

    /// Queues `render` to produce the file's content on the saver thread.
    pub fn save_with(&self, path: PathBuf, render: Render) {
        // The thread only stops when we tell it to, so a send cannot fail before then.
        let _ = self.jobs.send(Job::Write(path, render));
    }

    /// Waits until everything handed over has been tried once more; returns whether all of
    /// it is on disk in its own file (not pending, not rescued elsewhere).
    pub fn flush(&self) -> bool {
        WAITS.with(|w| w.set(w.get() + 1));
        let (done, wait) = mpsc::channel();
        if self.jobs.send(Job::Flush(done)).is_ok() {
            let _ = wait.recv();
        }
        lock(&self.unsaved).is_empty() && lock(&self.status).rescued.is_empty()
    }

    /// Last resort at exit: writes every file still unsaved to a recovery file. Returns,
    /// for each, its own path and where it went (or why it could not go anywhere).
    pub fn rescue_unsaved(&self) -> Vec<(PathBuf, std::io::Result<PathBuf>)> {
        let now = now_ms();
        self.unsaved()
            .into_iter()
            .map(|(path, bytes)| {
                let went = recovery::rescue(&path, &bytes, now);
                (path, went)
            })
            .collect()
    }

    pub fn status(&self) -> SaverStatus {
        lock(&self.status).clone()
    }

    /// Files whose newest content is not on disk, with that content.
    pub fn unsaved(&self) -> Vec<(PathBuf, Vec<u8>)> {
        lock(&self.unsaved)
            .iter()
            .map(|(p, b)| (p.clone(), b.clone()))
            .collect()
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        self.flush();
        let _ = self.jobs.send(Job::Stop);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic while holding the lock leaves plain data behind; keep using it.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn run(
    rx: Receiver<Job>,
    status: Arc<Mutex<SaverStatus>>,
    unsaved: Arc<Mutex<BTreeMap<PathBuf, Vec<u8>>>>,
    report: Report,
) {
    let mut waiting_flush: Vec<Sender<()>> = Vec::new();
    let mut dirs: BTreeSet<PathBuf> = BTreeSet::new();
    let keep = |path: PathBuf, render: Render| {
        let mut unsaved = lock(&unsaved);
        unsaved.insert(path, render());
        lock(&status).pending = unsaved.len();
    };
    // Jobs run in the order they came: a folder is made before the files queued after it,
    // and a removal drops the removed files' pending content first.
    let handle = |job: Job, waiting_flush: &mut Vec<Sender<()>>, dirs: &mut BTreeSet<PathBuf>| {
        match job {
            Job::Stop => return false,
            Job::Flush(done) => waiting_flush.push(done),
            Job::Write(path, render) => keep(path, render),
            Job::Dir(dir) => {
                if create_private_dir(&dir).is_err() {
                    // Retried before each round of writes, as long as it fails.
                    dirs.insert(dir);
                }
            }
            Job::Task(ticket, Task::Remove(paths)) => {
                let mut waiting = lock(&unsaved);
                for path in &paths {
                    waiting.remove(path);
                }
                lock(&status).pending = waiting.len();
                drop(waiting);
                report(done(ticket, do_task(Task::Remove(paths))));
            }
            Job::Task(ticket, task) => report(done(ticket, do_task(task))),
            Job::Then(after) => {
                dirs.retain(|dir| create_private_dir(dir).is_err());
                write_all_unsaved(&status, &unsaved);
                after();
            }
        }
        true
    };
    loop {
        let timeout = if lock(&unsaved).is_empty() && dirs.is_empty() {
            Duration::from_secs(3600)
        } else {
            RETRY_AFTER
        };
        match rx.recv_timeout(timeout) {
            Ok(job) => {
                if !handle(job, &mut waiting_flush, &mut dirs) {
                    return;
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        // Drain whatever else is queued: only the newest content of each path is written.
        while let Ok(job) = rx.try_recv() {
            if !handle(job, &mut waiting_flush, &mut dirs) {
                return;
            }
        }
        dirs.retain(|dir| create_private_dir(dir).is_err());
        write_all_unsaved(&status, &unsaved);
        for done in waiting_flush.drain(..) {
            let _ = done.send(());
        }
    }
}

fn done(ticket: Ticket, result: Result<Option<SeriesFolder>, String>) -> TaskDone {
    match result {
        Ok(created) => TaskDone {
            ticket,
            result: Ok(()),
            created,
        },
        Err(e) => TaskDone {
            ticket,
            result: Err(e),
            created: None,
        },
    }
}

/// Runs one task; the error names the file. A new series answers with its folder.
fn do_task(task: Task) -> Result<Option<SeriesFolder>, String> {
    let named =
        |path: &std::path::Path, e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
    match task {
        Task::Write(files) => {
            for (path, bytes) in files {
                if let Some(dir) = path.parent() {
                    create_private_dir(dir).map_err(|e| named(dir, &e))?;
                }
                write_atomic(&path, &bytes).map_err(|e| named(&path, &e))?;
            }
            Ok(None)
        }
        Task::WriteDerived(files) => {
            for (path, bytes) in files {
                let _ = super::derived::replace(&path, &bytes);
            }
            Ok(None)
        }
        Task::CreateSeries { data, mut series } => {
            series.id = data.free_series_id(&series.id);
            let folder = data.series_folder(&series.id);
            folder.create(&series).map_err(|e| e.to_string())?;
            Ok(Some(folder))
        }
        Task::Remove(paths) => {
            for path in paths {
                remove_file(&path).map_err(|e| named(&path, &e))?;
            }
            Ok(None)
        }
    }
}

fn write_all_unsaved(status: &Mutex<SaverStatus>, unsaved: &Mutex<BTreeMap<PathBuf, Vec<u8>>>) {
    let snapshot: Vec<(PathBuf, Vec<u8>)> = lock(unsaved)
        .iter()
        .map(|(p, b)| (p.clone(), b.clone()))
        .collect();
    let mut failing = None;
    let mut written = 0;
    let mut rescued = Vec::new();
    let forget = |path: &PathBuf, bytes: &Vec<u8>| {
        let mut unsaved = lock(unsaved);
        // Only forget it if nothing newer arrived while we were writing.
        if unsaved.get(path) == Some(bytes) {
            unsaved.remove(path);
        }
    };
    for (path, bytes) in snapshot {
        match write_atomic(&path, &bytes) {
            Ok(()) => {
                written += 1;
                forget(&path, &bytes);
            }
            Err(e) if lock::lock_lost(&e).is_some() => {
                // One recovery file per file and run, however often it is saved.
                let earlier = lock(status).rescued.get(&path).cloned();
                let went = match earlier {
                    Some(copy) => write_atomic(&copy, &bytes).map(|()| copy),
                    None => recovery::rescue(&path, &bytes, now_ms()),
                };
                match went {
                    Ok(copy) => {
                        forget(&path, &bytes);
                        failing = Some((path.clone(), format!("{e}; saved to {}", copy.display())));
                        rescued.push((path, copy));
                    }
                    Err(again) => failing = Some((path, format!("{e}; no recovery file: {again}"))),
                }
            }
            Err(e) => failing = Some((path, e.to_string())),
        }
    }
    let pending = lock(unsaved).len();
    let mut status = lock(status);
    if failing.is_some() || status.rescued.is_empty() {
        status.failing = failing;
    }
    status.pending = pending;
    status.written += written;
    status.rescued.extend(rescued);
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_newest_bytes_of_each_path() {
        let dir = tempfile::tempdir().unwrap();
        let saver = Saver::start();
        let path = dir.path().join("s.ron");
        for i in 0..50 {
            saver.save(path.clone(), format!("v{i}").into_bytes());
        }
        assert!(saver.flush());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "v49");
        assert_eq!(saver.status().pending, 0);
    }

    #[test]
    fn a_failing_path_is_kept_and_reported_until_it_can_be_written() {
        let dir = tempfile::tempdir().unwrap();
        let saver = Saver::start();
        let path = dir.path().join("missing-folder/s.ron");
        saver.save(path.clone(), b"precious".to_vec());
        assert!(!saver.flush());
        let status = saver.status();
        assert_eq!(status.failing.as_ref().map(|f| &f.0), Some(&path));
        assert_eq!(saver.unsaved(), vec![(path.clone(), b"precious".to_vec())]);
        // The folder appears (space freed, drive remounted…): the retry succeeds.
        std::fs::create_dir(dir.path().join("missing-folder")).unwrap();
        assert!(saver.flush());
        assert_eq!(std::fs::read(&path).unwrap(), b"precious");
        assert_eq!(saver.status().failing, None);
    }

    #[test]
    fn work_queued_with_then_sees_the_writes_handed_over_before_it() {
        let dir = tempfile::tempdir().unwrap();
        let saver = Saver::start();
        let path = dir.path().join("s.ron");
        let (tx, rx) = mpsc::channel();
        saver.save(path.clone(), b"before".to_vec());
        let seen = path.clone();
        saver.then(Box::new(move || {
            tx.send(std::fs::read(&seen).ok()).unwrap();
        }));
        let read = rx.recv_timeout(Duration::from_secs(10)).unwrap();
        assert_eq!(read.as_deref(), Some(&b"before"[..]));
    }
}
