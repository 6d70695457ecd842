//! The built binary in a real terminal: a tmux server of its own per test, driven with
//! keys and read from the screen. Set ROAST_SKIP_TMUX=1 on a machine without tmux.

use std::process::Command;
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
    pub session: String,
    /// The shell command the pane runs (and runs again on [`Tmux::respawn`]).
    pub command: String,
}

impl Tmux {
    /// Starts `command` in a fresh tmux server; `None` when ROAST_SKIP_TMUX is set.
    pub fn start(name: &str, command: &str, width: u16, height: u16) -> Option<Tmux> {
        if std::env::var_os("ROAST_SKIP_TMUX").is_some() {
            eprintln!("ROAST_SKIP_TMUX is set: skipping {name}");
            return None;
        }
        let t = Tmux {
            socket: format!("roast-{name}-{}", std::process::id()),
            session: name.into(),
            command: command.into(),
        };
        let status = Command::new("tmux")
            .args(["-L", &t.socket, "-f", "/dev/null", "new-session", "-d"])
            .args([
                "-s",
                name,
                "-x",
                &width.to_string(),
                "-y",
                &height.to_string(),
            ])
            .args(["-e", "TERM=xterm-256color", command])
            .status()
            .expect("tmux must be installed (or set ROAST_SKIP_TMUX=1)");
        assert!(status.success(), "tmux new-session failed");
        t.tmux(&["set-option", "-t", name, "remain-on-exit", "on"]);
        Some(t)
    }

    /// `roast <args> --data-dir <data>`, as the pane's command.
    pub fn roast(args: &str, data: &std::path::Path) -> String {
        format!(
            "{} {args} --data-dir '{}'",
            env!("CARGO_BIN_EXE_roast"),
            data.display()
        )
    }

    pub fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("running tmux");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.session];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    pub fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", &self.session, "-l", text]);
    }

    /// The visible screen plus `history` lines above it.
    pub fn screen_with_history(&self, history: u32) -> String {
        let start = format!("-{history}");
        self.tmux(&[
            "capture-pane",
            "-p",
            "-J",
            "-S",
            &start,
            "-t",
            &self.session,
        ])
    }

    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", &self.session])
    }

    pub fn wait_for(&self, needle: &str) {
        self.wait_for_within(needle, Duration::from_secs(15));
    }

    pub fn wait_for_within(&self, needle: &str, limit: Duration) {
        let deadline = Instant::now() + limit;
        loop {
            let screen = self.screen_with_history(2000);
            if screen.contains(needle) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "waited {limit:?} for {needle:?}; the screen shows:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until `needle` is no longer on the visible screen (an overlay closed).
    pub fn wait_gone(&self, needle: &str) {
        let limit = Duration::from_secs(15);
        let deadline = Instant::now() + limit;
        while self.screen().contains(needle) {
            assert!(
                Instant::now() < deadline,
                "waited {limit:?} for {needle:?} to go; the screen shows:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn format(&self, what: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", &self.session, what])
            .trim()
            .to_string()
    }

    pub fn pane_pid(&self) -> u32 {
        self.format("#{pane_pid}").parse().expect("pane pid")
    }

    pub fn pane_dead(&self) -> bool {
        self.format("#{pane_dead}") == "1"
    }

    /// Whether the pane is still on the alternate screen (a TUI that did not restore it).
    pub fn alternate_screen_on(&self) -> bool {
        self.format("#{alternate_on}") == "1"
    }

    pub fn wait_until_dead(&self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !self.pane_dead() {
            assert!(
                Instant::now() < deadline,
                "the app did not exit:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn kill_9(&self) {
        let status = Command::new("kill")
            .args(["-KILL", &self.pane_pid().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        self.wait_until_dead();
    }

    pub fn respawn(&self) {
        self.tmux(&["respawn-pane", "-k", "-t", &self.session, &self.command]);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}
