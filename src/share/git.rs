//! The user's own `git`, run as a subprocess, so their remotes, credentials, SSH keys and
//! hooks apply exactly as they do on the command line.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Why a git command did not do its job.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GitError {
    #[error("git is not installed (or not on PATH); install git to share a series")]
    NotInstalled,
    #[error("`git {command}` failed: {message}")]
    Failed { command: String, message: String },
}

/// Runs git in one folder.
#[derive(Debug, Clone)]
pub struct Git {
    dir: PathBuf,
    /// May git ask the user (a password, a host key)? Only when a person is at a plain
    /// terminal; inside the full-screen app a prompt would be invisible and hang it.
    interactive: bool,
    /// `-c key=value` settings for every command (an identity when the user has none).
    config: Vec<String>,
}

impl Git {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: dir.into(),
            interactive: false,
            config: Vec::new(),
        }
    }

    pub fn with_config(mut self, key: &str, value: &str) -> Self {
        self.config.push(format!("{key}={value}"));
        self
    }

    pub fn interactive(mut self, yes: bool) -> Self {
        self.interactive = yes;
        self
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn command<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut cmd = Command::new("git");
        cmd.arg("-C").arg(&self.dir);
        for setting in &self.config {
            cmd.arg("-c").arg(setting);
        }
        cmd.args(args);
        if !self.interactive {
            cmd.env("GIT_TERMINAL_PROMPT", "0").stdin(Stdio::null());
        }
        cmd
    }

    /// Runs git and returns what it printed, whatever its exit status.
    pub fn output<I, S>(&self, args: I) -> Result<Output, GitError>
    where
        I: IntoIterator<Item = S> + Clone,
        S: AsRef<OsStr>,
    {
        let mut cmd = self.command(args);
        if self.interactive {
            // Prompts reach the user through the terminal; output is still captured.
            cmd.stdin(Stdio::inherit());
        }
        cmd.output().map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => GitError::NotInstalled,
            _ => GitError::Failed {
                command: "(start)".into(),
                message: e.to_string(),
            },
        })
    }

    /// Runs git; a non-zero exit is an error carrying git's own words.
    pub fn run<I, S>(&self, args: I) -> Result<String, GitError>
    where
        I: IntoIterator<Item = S> + Clone,
        S: AsRef<OsStr>,
    {
        let out = self.output(args.clone())?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            Err(failed(args, &out))
        }
    }

    /// Runs git for a yes/no answer (exit 0 or 1); anything else is an error.
    pub fn check<I, S>(&self, args: I) -> Result<bool, GitError>
    where
        I: IntoIterator<Item = S> + Clone,
        S: AsRef<OsStr>,
    {
        let out = self.output(args.clone())?;
        match out.status.code() {
            Some(0) => Ok(true),
            Some(1) => Ok(false),
            _ => Err(failed(args, &out)),
        }
    }

    /// The raw bytes of a blob, such as `:2:path` (our side of a conflict).
    pub fn show_bytes(&self, spec: &str) -> Result<Option<Vec<u8>>, GitError> {
        let out = self.output(["show", spec])?;
        Ok(out.status.success().then_some(out.stdout))
    }

    /// Whether git knows who commits here (config, or the GIT_* / EMAIL variables).
    pub fn has_identity(&self) -> Result<bool, GitError> {
        Ok(self
            .output(["var", "GIT_COMMITTER_IDENT"])?
            .status
            .success()
            && self.output(["var", "GIT_AUTHOR_IDENT"])?.status.success())
    }
}

fn failed<I, S>(args: I, out: &Output) -> GitError
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let command = args
        .into_iter()
        .map(|a| a.as_ref().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    // git's last lines carry the reason ("fatal: …", "error: …"); hints come before.
    let message = stderr
        .lines()
        .chain(stdout.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("hint:"))
        .find(|l| l.starts_with("fatal:") || l.starts_with("error:") || l.starts_with("ERROR"))
        .or_else(|| stderr.lines().map(str::trim).rfind(|l| !l.is_empty()))
        .unwrap_or("no message")
        .to_string();
    GitError::Failed { command, message }
}
