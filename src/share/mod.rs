//! A team shares a series through git: one repository per series (each product team sees
//! only its own roast), reached with the user's own `git`.
//!
//! - [`share`] makes a series folder a repository with a remote and pushes it;
//! - [`join`] clones a shared series into the data folder;
//! - [`sync`] commits what changed here, brings in the others' work, and pushes.
//!
//! What never leaves the machine: room-only notes (kept in `room-only/`, which the
//! repository ignores; shared session files hold only blanks for them), the writer's lock
//! and other dot-files. Before anything is committed, every session file is checked and
//! any room-only text still in it is moved out. Votes are one ballot per voter, so voters
//! never conflict; when two machines change the same file anyway, [`conflict`] keeps both.
//! When git is missing or the remote cannot be reached, the local work is still committed,
//! and the next sync sends it.

pub mod conflict;
pub mod git;
pub mod ignore;

use std::path::{Path, PathBuf};

use crate::backlog::ballot;
use crate::model::Series;
use crate::storage::format::{self, FormatError};
use crate::storage::room_only;
use crate::storage::{
    DataDir, LockError, SeriesFolder, SeriesLock, StorageError, create_private_dir,
};

pub use conflict::ConflictCopy;
pub use git::{Git, GitError};

/// The remote every shared series pushes to and pulls from.
pub const REMOTE: &str = "origin";
/// The branch `share` creates.
pub const BRANCH: &str = "main";

#[derive(Debug, thiserror::Error)]
pub enum ShareError {
    #[error(transparent)]
    Git(#[from] GitError),
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    Format(#[from] FormatError),
    #[error("{path}: {source}", path = .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Busy(#[from] LockError),
    #[error("{}: not shared yet; run `roast share {id} --remote URL` first", .dir.display())]
    NotShared { id: String, dir: PathBuf },
    #[error("{}: already shared with {url}; `roast sync` sends and brings in changes", .dir.display())]
    AlreadyShared { dir: PathBuf, url: String },
    #[error("{url} already holds a series; to work on it, run `roast join {url}`")]
    RemoteNotEmpty { url: String },
    #[error("{url} holds no roast series (no series.ron at its top)")]
    NotASeries { url: String },
    #[error("{}: a series `{id}` is already here; it was not replaced", .dir.display())]
    SeriesExists { id: String, dir: PathBuf },
}

impl ShareError {
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        ShareError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// What a sync did, in words for the user.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    pub series: String,
    /// The message of the commit made of this machine's work, if there was any.
    pub committed: Option<String>,
    /// How many commits came in from the others.
    pub received: usize,
    /// Whether the remote now has everything of this machine.
    pub pushed: bool,
    /// Files changed on two machines, both versions kept.
    pub conflicts: Vec<ConflictCopy>,
    /// Why the remote could not be reached; the local commit waits for the next sync.
    pub offline: Option<String>,
}

impl SyncReport {
    /// One line for a status bar.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if let Some(reason) = &self.offline {
            parts.push(format!(
                "{}: saved here{}, but the remote could not be reached ({reason}); the next sync sends it",
                self.series,
                if self.committed.is_some() { " and committed" } else { "" }
            ));
        } else {
            let sent = if self.committed.is_some() {
                "sent this machine's work"
            } else {
                "nothing new to send"
            };
            let got = match self.received {
                0 => "nothing new from the others".to_string(),
                1 => "1 change from the others".to_string(),
                n => format!("{n} changes from the others"),
            };
            parts.push(format!("{}: synced; {sent}, {got}", self.series));
        }
        if !self.conflicts.is_empty() {
            parts.push(format!(
                "{} changed on two machines, both kept (see conflicts/)",
                crate::progress::count(self.conflicts.len(), "file")
            ));
        }
        parts.join("; ")
    }

    /// Every line: the summary, then each conflict in full.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![self.summary()];
        lines.extend(self.conflicts.iter().map(ConflictCopy::describe));
        lines
    }
}

/// Whether a series folder is a shared repository.
pub fn is_shared(folder: &SeriesFolder) -> bool {
    folder.dir().join(".git").exists()
}

/// A git runner for a folder, with an identity when the user has none configured (a
/// commit would fail otherwise; the user's own name always wins when set).
fn git_for(dir: &Path, interactive: bool) -> Result<Git, ShareError> {
    let git = Git::new(dir).interactive(interactive);
    if git.has_identity()? {
        return Ok(git);
    }
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "roast".into());
    Ok(git
        .with_config("user.name", &user)
        .with_config("user.email", &format!("{user}@roast.invalid")))
}

/// Everything that must hold before a commit: the ignore file, no room-only text in any
/// shared file, votes in ballots. Never touches what git would not commit.
fn prepare(folder: &SeriesFolder, git: &Git) -> Result<(), ShareError> {
    ignore::ensure(folder.dir()).map_err(|e| ShareError::io(folder.dir(), e))?;
    room_only::scrub_folder(folder)?;
    ballot::migrate(folder)?;
    // A room-only file someone added by force would otherwise stay tracked.
    git.run([
        "rm",
        "-r",
        "--cached",
        "--quiet",
        "--ignore-unmatch",
        "--",
        room_only::ROOM_ONLY_DIR,
    ])?;
    Ok(())
}

/// Commits everything that changed; returns the message, or `None` if nothing did.
fn commit_local(git: &Git, series: &str) -> Result<Option<String>, ShareError> {
    git.run(["add", "-A"])?;
    if git.check(["diff", "--cached", "--quiet"])? {
        return Ok(None);
    }
    let changed = git.run(["diff", "--cached", "--name-only"])?;
    let message = commit_message(series, changed.lines());
    git.run(["commit", "--quiet", "-m", &message])?;
    Ok(Some(message))
}

/// "roast: 1 session, 2 ballots, series (payments)": what changed, in the roast's words.
fn commit_message<'a>(series: &str, paths: impl Iterator<Item = &'a str>) -> String {
    let (mut sessions, mut ballots, mut items, mut other) = (0, 0, 0, 0);
    let mut series_file = false;
    for path in paths {
        match path.split('/').next() {
            Some("sessions") => sessions += 1,
            Some(ballot::BALLOTS_DIR) => ballots += 1,
            Some(crate::backlog::BACKLOG_DIR) => items += 1,
            Some("series.ron") => series_file = true,
            _ => other += 1,
        }
    }
    let plural = crate::progress::count;
    let mut parts = Vec::new();
    if sessions > 0 {
        parts.push(plural(sessions, "session"));
    }
    if ballots > 0 {
        parts.push(plural(ballots, "ballot"));
    }
    if items > 0 {
        parts.push(plural(items, "backlog item"));
    }
    if series_file {
        parts.push("the series".to_string());
    }
    if other > 0 {
        parts.push(plural(other, "other file"));
    }
    format!("roast ({series}): {}", parts.join(", "))
}

fn current_branch(git: &Git) -> Result<String, ShareError> {
    Ok(git
        .run(["symbolic-ref", "--short", "HEAD"])?
        .trim()
        .to_string())
}

/// Commits this machine's work, brings in the others', resolves what git cannot merge,
/// and pushes. The remote being unreachable is not an error: the report says so and the
/// work waits, committed, for the next sync.
pub fn sync(folder: &SeriesFolder, interactive: bool) -> Result<SyncReport, ShareError> {
    let id = folder
        .dir()
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !is_shared(folder) {
        return Err(ShareError::NotShared {
            id,
            dir: folder.dir().to_path_buf(),
        });
    }
    // The app writes the series while it is open; git must not change files under it.
    let _lock = lock(folder.dir())?;
    let git = git_for(folder.dir(), interactive)?;
    let mut report = SyncReport {
        series: id.clone(),
        ..SyncReport::default()
    };
    // A sync cut short in the middle of a merge (killed, power lost) is finished first.
    if git.check(["rev-parse", "-q", "--verify", "MERGE_HEAD"])? {
        report.conflicts = conflict::resolve(&git)?;
        git.run(["commit", "--quiet", "--no-edit"])?;
    }
    prepare(folder, &git)?;
    report.committed = commit_local(&git, &id)?;
    let branch = current_branch(&git)?;
    let remote_ref = format!("refs/remotes/{REMOTE}/{branch}");
    // Someone may push between our fetch and our push: then fetch and merge again.
    for _ in 0..3 {
        if let Err(e) = git.run(["fetch", "--quiet", REMOTE]) {
            report.offline = Some(reason(&e));
            return Ok(report);
        }
        if git.check(["rev-parse", "-q", "--verify", &remote_ref])? {
            let incoming = git.run(["rev-list", "--count", &format!("HEAD..{remote_ref}")])?;
            let incoming: usize = incoming.trim().parse().unwrap_or(0);
            if incoming > 0 {
                report.received += incoming;
                merge(&git, &remote_ref, &mut report)?;
            }
        }
        match git.run([
            "push",
            "--quiet",
            "-u",
            REMOTE,
            &format!("HEAD:refs/heads/{branch}"),
        ]) {
            Ok(_) => {
                report.pushed = true;
                return Ok(report);
            }
            Err(e) if is_rejected(&e) => continue,
            Err(e) => {
                report.offline = Some(reason(&e));
                return Ok(report);
            }
        }
    }
    report.offline = Some("the remote kept changing while this sync ran; sync again".into());
    Ok(report)
}

/// The series lock, waiting a moment when it is this very process that holds it: the app
/// has just closed the series, and a child process another thread was starting at that
/// instant can keep the released lock alive until it runs its program.
fn lock(dir: &Path) -> Result<SeriesLock, ShareError> {
    let me = std::process::id().to_string();
    let mut tries = 0;
    loop {
        match SeriesLock::acquire(dir) {
            Err(LockError::Held { holder, .. }) if holder == me && tries < 40 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(25));
            }
            other => return Ok(other?),
        }
    }
}

fn merge(git: &Git, remote_ref: &str, report: &mut SyncReport) -> Result<(), ShareError> {
    let merged = git.output(["merge", "--quiet", "--no-edit", remote_ref])?;
    if merged.status.success() {
        return Ok(());
    }
    let copies = conflict::resolve(git)?;
    if copies.is_empty() && !git.check(["rev-parse", "-q", "--verify", "MERGE_HEAD"])? {
        // Not a conflict (unrelated histories, a hook said no…): say git's own words.
        return Err(git
            .run(["merge", "--quiet", "--no-edit", remote_ref])
            .err()
            .map_or_else(
                || {
                    ShareError::Git(GitError::Failed {
                        command: format!("merge {remote_ref}"),
                        message: "the merge failed".into(),
                    })
                },
                ShareError::Git,
            ));
    }
    let message = format!(
        "roast: merged; {} changed on two machines, both kept (this machine's in place, the other in {}/)",
        crate::progress::count(copies.len(), "file"),
        conflict::CONFLICTS_DIR
    );
    git.run(["commit", "--quiet", "-m", &message])?;
    report.conflicts.extend(copies);
    Ok(())
}

fn is_rejected(e: &GitError) -> bool {
    matches!(e, GitError::Failed { message, .. }
        if message.contains("rejected") || message.contains("fetch first") || message.contains("non-fast-forward"))
}

fn reason(e: &GitError) -> String {
    match e {
        GitError::Failed { message, .. } => message.clone(),
        other => other.to_string(),
    }
}

/// Every shared series of the data folder, sorted by id.
pub fn shared_folders(data: &DataDir) -> Vec<SeriesFolder> {
    crate::storage::guard::read();
    let Ok(entries) = std::fs::read_dir(data.series_root()) else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join(".git").exists())
        .collect();
    dirs.sort();
    dirs.into_iter().map(SeriesFolder::new).collect()
}

/// Every shared series of the data folder, synced one after the other; one failing never
/// stops the others.
pub fn sync_all(
    data: &DataDir,
    interactive: bool,
) -> Vec<(String, Result<SyncReport, ShareError>)> {
    shared_folders(data)
        .into_iter()
        .map(|folder| {
            let id = folder
                .dir()
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (id, sync(&folder, interactive))
        })
        .collect()
}

/// Makes the series folder a repository with `url` as its remote, commits it and pushes.
/// Unreachable remote: the repository is made and committed, the report says why nothing
/// was sent, and `sync` sends it later.
pub fn share(
    folder: &SeriesFolder,
    url: &str,
    interactive: bool,
) -> Result<SyncReport, ShareError> {
    let loaded = folder.load()?;
    let dir = folder.dir();
    if is_shared(folder) {
        let git = Git::new(dir);
        let current = git
            .run(["remote", "get-url", REMOTE])
            .map(|s| s.trim().to_string());
        return match current {
            Ok(current) if current == url => sync(folder, interactive),
            Ok(current) => Err(ShareError::AlreadyShared {
                dir: dir.to_path_buf(),
                url: current,
            }),
            Err(_) => {
                git.run(["remote", "add", REMOTE, url])?;
                sync(folder, interactive)
            }
        };
    }
    // One series per repository: never mix this series into someone else's.
    let probe = Git::new(dir).interactive(interactive);
    let remote_has_branches = probe
        .run(["ls-remote", "--heads", url])
        .map(|heads| !heads.trim().is_empty());
    if let Ok(true) = remote_has_branches {
        return Err(ShareError::RemoteNotEmpty { url: url.into() });
    }
    {
        let _lock = lock(dir)?;
        let git = git_for(dir, interactive)?;
        git.run(["init", "--quiet"])?;
        git.run(["symbolic-ref", "HEAD", &format!("refs/heads/{BRANCH}")])?;
        git.run(["remote", "add", REMOTE, url])?;
        prepare(folder, &git)?;
        git.run(["add", "-A"])?;
        let message = format!(
            "roast: share the roast of {} ({})",
            loaded.series.service, loaded.series.id
        );
        git.run(["commit", "--quiet", "-m", &message])?;
    }
    sync(folder, interactive)
}

/// Clones a shared series into the data folder; returns its id. A clone that fails or
/// holds no series leaves nothing behind; an existing series is never replaced.
pub fn join(data: &DataDir, url: &str, interactive: bool) -> Result<String, ShareError> {
    let root = data.root();
    create_private_dir(root).map_err(|e| ShareError::io(root, e))?;
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    // Cloned beside `series/`, not in it, so the series list never sees a half clone.
    let tmp = root.join(format!(".joining-{}-{nanos}", std::process::id()));
    let result = clone_into(data, url, &tmp, interactive);
    if tmp.exists() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result
}

fn clone_into(
    data: &DataDir,
    url: &str,
    tmp: &Path,
    interactive: bool,
) -> Result<String, ShareError> {
    let git = Git::new(data.root()).interactive(interactive);
    git.run([
        std::ffi::OsStr::new("clone"),
        std::ffi::OsStr::new("--quiet"),
        std::ffi::OsStr::new("--"),
        std::ffi::OsStr::new(url),
        tmp.as_os_str(),
    ])?;
    let cloned = Git::new(tmp);
    if !cloned.check(["rev-parse", "-q", "--verify", "HEAD"])? {
        // The remote's HEAD names a branch that does not exist (a bare repository made
        // with another default branch than the one shared): take the shared branch.
        let branches = cloned.run(["branch", "-r", "--format=%(refname:lstrip=3)"])?;
        let names: Vec<&str> = branches
            .lines()
            .map(str::trim)
            .filter(|b| *b != "HEAD")
            .collect();
        let pick = names
            .iter()
            .find(|b| **b == BRANCH)
            .or_else(|| names.first())
            .ok_or_else(|| ShareError::NotASeries { url: url.into() })?;
        cloned.run([
            "checkout",
            "--quiet",
            "-B",
            pick,
            "--track",
            &format!("{REMOTE}/{pick}"),
        ])?;
    }
    let series_path = tmp.join(crate::storage::series_folder::SERIES_FILE);
    if !series_path.exists() {
        return Err(ShareError::NotASeries { url: url.into() });
    }
    let series: Series = format::read_ron_file(&series_path, Some(tmp))?;
    let id = crate::model::slugify(&series.id);
    let dest = data.series_folder(&id);
    if dest.dir().exists() {
        return Err(ShareError::SeriesExists {
            id,
            dir: dest.dir().to_path_buf(),
        });
    }
    let series_root = data.series_root();
    create_private_dir(&series_root).map_err(|e| ShareError::io(&series_root, e))?;
    std::fs::rename(tmp, dest.dir()).map_err(|e| ShareError::io(dest.dir(), e))?;
    let local = room_only::room_only_dir(&dest);
    create_private_dir(&local).map_err(|e| ShareError::io(&local, e))?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_commit_message_says_what_changed_in_the_roasts_words() {
        let paths = [
            "sessions/a.ron",
            "sessions/b.ron",
            "ballots/ana.ron",
            "series.ron",
            ".gitignore",
        ];
        assert_eq!(
            commit_message("payments", paths.into_iter()),
            "roast (payments): 2 sessions, 1 ballot, the series, 1 other file"
        );
    }
}
