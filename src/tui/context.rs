//! What every screen may use: the data directory, the clock, the agendas, the saver, the
//! theme, the series that is open for writing, and the one-line status message.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::agenda::{self, LoadedAgenda};
use crate::clock::Clock;
use crate::model::Session;
use crate::settings::{self, Settings, ThemeName};
use crate::storage::format::to_pretty_ron;
use crate::storage::room_only;
use crate::storage::{
    DataDir, FormatError, LoadedSeries, Saver, SeriesLock, Task, TaskDone, Ticket,
};
use crate::tui::inbox::Inbox;
use crate::tui::keymap::Keymap;
use crate::tui::theme::Theme;

/// How the app was started.
pub struct AppConfig {
    pub data: DataDir,
    /// `--agenda FILE`: offered alongside the others and chosen by default.
    pub agenda_file: Option<PathBuf>,
    pub minutes: u32,
    pub clock: Arc<dyn Clock>,
    /// `--theme`: this run only; otherwise the saved setting.
    pub theme: Option<ThemeName>,
    /// The `NO_COLOR` convention: emphasis only, no colours.
    pub no_color: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub kind: StatusKind,
    pub text: String,
}

/// A series this app may write: it holds the series lock for as long as it is open.
pub struct OpenSeries {
    pub loaded: LoadedSeries,
    _lock: SeriesLock,
}

impl OpenSeries {
    pub fn new(loaded: LoadedSeries, lock: SeriesLock) -> Self {
        Self {
            loaded,
            _lock: lock,
        }
    }
}

pub struct Context {
    pub data: DataDir,
    pub clock: Arc<dyn Clock>,
    pub agendas: Vec<LoadedAgenda>,
    /// Agenda files that could not be read, shown once on the series list.
    pub agenda_errors: Vec<FormatError>,
    pub default_agenda: String,
    pub minutes: u32,
    pub saver: Saver,
    pub settings: Settings,
    pub no_color: bool,
    pub theme: Theme,
    pub status: Option<Status>,
    /// Warnings that stay on screen until the user dismisses them (a skipped file, settings
    /// ignored): a passing message must never hide them.
    pub warnings: Vec<String>,
    /// The keys in force.
    pub keymap: Keymap,
    pub series: Option<OpenSeries>,
    /// The series last opened, summarised or prioritised: the list comes back on its row.
    pub last_series: Option<String>,
    /// The terminal's size, as last reported: lets `update` bound scrolling by what fits.
    pub size: ratatui::layout::Size,
    /// Set by `update` when the terminal bell should ring; the runtime rings it and clears
    /// it, so drawing stays free of side effects.
    pub bell_pending: bool,
    /// A sync with the team running in the background, if any.
    pub sync: Option<crate::tui::sync::BackgroundSync>,
    /// Set by the closing screen when the setting asks for a sync after each closing;
    /// the app starts it once the series is closed (its lock released).
    pub sync_after_close: bool,
    /// Keys, resizes and background results, in arrival order (see [`Inbox`]).
    pub inbox: Inbox,
    /// `roast follow`: nothing is written, not even the settings.
    pub read_only: bool,
    /// What to say when each task handed to the saver is done or has failed.
    pub tasks: BTreeMap<Ticket, TaskNote>,
    /// The last read asked of the background (see [`Context::read_in_background`]).
    pub next_load: crate::tui::loads::LoadTicket,
}

/// The words for a task's result: `done` (if anything is to be said) or `failed: reason`.
pub struct TaskNote {
    pub done: Option<String>,
    pub failed: String,
}

impl Context {
    pub fn new(config: AppConfig) -> Self {
        let (agendas, agenda_errors) = crate::storage::agendas::catalog(
            Some(&config.data.agendas_dir()),
            config.agenda_file.as_deref(),
        );
        let default_agenda = match &config.agenda_file {
            Some(path) => agendas
                .iter()
                .rev()
                .find(|a| matches!(&a.source, agenda::AgendaSource::File(p) if p == path))
                .map_or_else(
                    || agenda::DEFAULT_AGENDA.to_string(),
                    |a| a.agenda.id.clone(),
                ),
            None => agenda::DEFAULT_AGENDA.to_string(),
        };
        let (settings, settings_error) = settings::load(config.data.root());
        let theme = Theme::named(config.theme.unwrap_or(settings.theme), config.no_color);
        let inbox = Inbox::default();
        let outbox = inbox.outbox();
        let mut ctx = Context {
            data: config.data,
            clock: config.clock,
            agendas,
            agenda_errors,
            default_agenda,
            minutes: config.minutes,
            // Writes happen on the saver's thread; what they come to is an action.
            saver: Saver::reporting(Box::new(move |done| {
                outbox.send(crate::tui::action::Action::Stored(done));
            })),
            settings,
            no_color: config.no_color,
            theme,
            status: None,
            warnings: Vec::new(),
            keymap: Keymap::default(),
            series: None,
            last_series: None,
            size: ratatui::layout::Size::new(80, 24),
            bell_pending: false,
            sync: None,
            sync_after_close: false,
            inbox,
            read_only: false,
            tasks: BTreeMap::new(),
            next_load: 0,
        };
        // The user's own keys, if any; a mistake is a warning, the rest still applies.
        for problem in crate::tui::keys_file::apply_file(&mut ctx.keymap, ctx.data.root()) {
            ctx.warn(problem);
        }
        for e in &ctx.agenda_errors.clone() {
            ctx.warn(format!("agenda skipped: {e}"));
        }
        if let Some(e) = settings_error {
            ctx.warn(format!("settings ignored: {e}"));
        }
        ctx
    }

    /// Starts a sync of these series in the background, unless one is running already.
    pub fn start_sync(&mut self, target: crate::tui::sync::SyncTarget) {
        if self.sync.is_some() {
            self.info("A sync is already running.");
            return;
        }
        self.info(match &target {
            crate::tui::sync::SyncTarget::One(_) => "Syncing the series with the team…",
            crate::tui::sync::SyncTarget::EveryShared(_) => "Syncing with the team…",
        });
        self.sync = Some(crate::tui::sync::BackgroundSync::start(target));
    }

    /// Turns the sync after each closing on or off, and remembers it.
    pub fn toggle_sync_after_closing(&mut self) {
        self.settings.sync_after_closing = !self.settings.sync_after_closing;
        let state = if self.settings.sync_after_closing {
            "on"
        } else {
            "off"
        };
        self.save_settings(format!("Sync with the team after each closing: {state}"));
    }

    /// Archives a series (or brings it back) on this machine, and remembers it.
    pub fn set_archived(&mut self, id: &str, archived: bool, done: String) {
        if archived {
            self.settings.archived.insert(id.to_string());
        } else {
            self.settings.archived.remove(id);
        }
        self.save_settings(done);
    }

    /// Switches to the next theme and remembers it for next time.
    pub fn cycle_theme(&mut self) {
        self.settings.theme = self.theme.name.next();
        self.theme = Theme::named(self.settings.theme, self.no_color);
        self.save_settings(format!("Theme: {}", self.settings.theme.label()));
    }

    pub fn toggle_bell(&mut self) {
        self.settings.bell = !self.settings.bell;
        let state = if self.settings.bell { "on" } else { "off" };
        self.save_settings(format!("Bell and flash at 5 minutes and at zero: {state}"));
    }

    fn save_settings(&mut self, done: String) {
        if self.read_only {
            self.info(format!(
                "{done} (this screen only: following writes nothing)"
            ));
            return;
        }
        let path = settings::path(self.data.root());
        let bytes = to_pretty_ron(&self.settings).into_bytes();
        self.run_task(
            Task::Write(vec![(path, bytes)]),
            None,
            format!("{done} (not remembered)"),
        );
        self.info(done);
    }

    /// Hands `task` to the saver; its result comes back as [`Action::Stored`], and
    /// `update` then says `done` (if given) or `failed: the reason`.
    ///
    /// [`Action::Stored`]: crate::tui::action::Action::Stored
    pub fn run_task(&mut self, task: Task, done: Option<String>, failed: String) -> Ticket {
        let ticket = self.saver.run(task);
        self.tasks.insert(ticket, TaskNote { done, failed });
        ticket
    }

    /// Says how a task went (see [`Context::run_task`]).
    pub fn task_done(&mut self, done: &TaskDone) {
        let Some(note) = self.tasks.remove(&done.ticket) else {
            return;
        };
        match (&done.result, note.done) {
            (Ok(()), Some(text)) => match &done.created {
                Some(folder) => self.info(format!("{text} {}", folder.dir().display())),
                None => self.info(text),
            },
            (Ok(()), None) => {}
            (Err(e), _) => self.error(format!("{}: {e}", note.failed)),
        }
    }

    /// Roughly where screens are drawn: the terminal less the header, status and help.
    pub fn body_area(&self) -> ratatui::layout::Rect {
        ratatui::layout::Rect::new(0, 1, self.size.width, self.size.height.saturating_sub(4))
    }

    pub fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            kind: StatusKind::Info,
            text: text.into(),
        });
    }

    /// A warning the user must get to read: it stays until dismissed. The same warning
    /// is not queued twice.
    pub fn warn(&mut self, text: impl Into<String>) {
        let text = text.into();
        if !self.warnings.contains(&text) {
            self.warnings.push(text);
        }
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            kind: StatusKind::Error,
            text: text.into(),
        });
    }

    /// The open series. Screens past the series list only exist while one is open.
    pub fn open_series(&self) -> Option<&LoadedSeries> {
        self.series.as_ref().map(|s| &s.loaded)
    }

    /// Hands a copy of the session to the background saver, which also serialises it, so
    /// the keystroke that triggered the save never waits for RON or the disk.
    pub fn save_session(&self, session: &Session) {
        if let Some(open) = &self.series {
            // Two files: the room-only part stays on this machine (see `room_only`). The
            // saver writes them in path order, the local one first.
            let folder = &open.loaded.folder;
            let (shared, local) = (session.clone(), session.clone());
            self.saver.save_with(
                room_only::room_only_path(folder, &session.id),
                Box::new(move || to_pretty_ron(&room_only::split(&local).1).into_bytes()),
            );
            self.saver.save_with(
                folder.session_path(&session.id),
                Box::new(move || to_pretty_ron(&room_only::split(&shared).0).into_bytes()),
            );
        }
    }

    /// Takes the session left in progress out of the open series' list: from here on the
    /// screen running it holds it, and only it.
    pub fn take_open_session(&mut self) -> Option<Session> {
        let sessions = &mut self.series.as_mut()?.loaded.sessions;
        let at = sessions.iter().rposition(|s| !s.is_closed())?;
        Some(sessions.remove(at))
    }

    /// Closes the open series without waiting: its lock is released on the saver's
    /// thread, after the writes handed over so far have been tried, so they land while
    /// the lock is still held.
    pub fn close_series(&mut self) {
        if let Some(open) = self.series.take() {
            self.saver.then(Box::new(move || drop(open)));
        }
    }

    /// Runs `read` off the UI thread, after the writes handed over so far; its result
    /// comes back as [`Action::Loaded`] with the ticket returned.
    ///
    /// [`Action::Loaded`]: crate::tui::action::Action::Loaded
    pub fn read_in_background(
        &mut self,
        read: impl FnOnce() -> crate::tui::loads::Loaded + Send + 'static,
    ) -> crate::tui::loads::LoadTicket {
        self.next_load += 1;
        let ticket = self.next_load;
        let outbox = self.inbox.outbox();
        self.saver.then(Box::new(move || {
            let delivery = crate::tui::loads::Delivery::new(ticket, read());
            outbox.send(crate::tui::action::Action::Loaded(delivery));
        }));
        ticket
    }
}
