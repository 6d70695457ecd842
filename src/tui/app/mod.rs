//! The app: the context every screen shares, the current screen, and the overlay on top.

pub mod follow;
pub mod navigate;

use ratatui_textarea::TextArea;

use crate::phrasing::{LiveCheck, Verdict};
use crate::tui::action::Action;
use crate::tui::context::{AppConfig, Context};
use crate::tui::keymap::{Facts, KeyContext, KeyFocus};
use crate::tui::screens::Screen;
use crate::tui::screens::series_list::SeriesListState;
use crate::tui::widgets::text_field::{self, new_field};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Guidelines,
    QuestionCheck,
}

/// How recent a session in progress must be to reopen by itself at start-up.
pub const RESUME_WITHIN_MS: i64 = 12 * 3600 * 1000;

pub struct App {
    pub ctx: Context,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    /// The moderator's "check a question" box keeps its text between openings.
    pub question_box: TextArea<'static>,
    pub question_verdict: Option<Verdict>,
    /// Works `question_verdict` out off the keystroke path.
    question_check: LiveCheck,
    /// How far the F1 key list is scrolled.
    pub help_scroll: u16,
    pub quit: bool,
    /// Set in `roast follow`'s read-only mode.
    pub follow: Option<follow::Following>,
}

impl App {
    /// Opens on the series list, or straight back into a session left in progress (the
    /// app was closed or killed mid-meeting), so the scribe's draft is right there.
    pub fn new(config: AppConfig) -> Self {
        let mut ctx = Context::new(config);
        // Before the event loop starts, the first screen is read here: nothing is on
        // screen yet for a read to hold up.
        let list = match crate::tui::loads::list(&ctx.data) {
            crate::tui::loads::Loaded::List { entries, stale } => {
                SeriesListState::from_read(&mut ctx, entries, stale, None)
            }
            _ => SeriesListState::empty(),
        };
        // A meeting interrupted today reopens by itself; one left open days ago waits on
        // the list (marked "in progress") until someone opens it.
        let recent = crate::clock::to_datetime(ctx.now_ms() - RESUME_WITHIN_MS);
        let in_progress = list
            .entries
            .iter()
            .filter_map(|e| e.as_ref().ok())
            .filter_map(|l| l.digest.open_session_started().map(|s| (s, l)))
            .filter(|(started, _)| *started >= recent)
            .max_by_key(|(started, _)| *started)
            .map(|(_, l)| l.folder.clone());
        let mut app = App::on(ctx, Screen::SeriesList(list));
        if let Some(folder) = in_progress {
            app.ctx.last_series = Some(folder.id());
            match crate::tui::loads::open(&folder, false) {
                crate::tui::loads::Loaded::Opened(Ok(opened)) => {
                    let plan = crate::tui::screens::loading::Plan::Session;
                    if let Some(screen) = navigate::opened_screen(&mut app.ctx, *opened, &plan) {
                        app.screen = screen;
                    }
                }
                crate::tui::loads::Loaded::Opened(Err(e)) => app.ctx.error(e),
                _ => {}
            }
        }
        app
    }

    /// Where the keyboard is: the contexts whose keys apply, most specific first.
    /// The app as `roast vote` opens it: one voter's own ballot, nothing else.
    pub fn voting(
        config: AppConfig,
        folder: crate::storage::SeriesFolder,
        voter: &str,
    ) -> Result<Self, crate::storage::FormatError> {
        let mut ctx = Context::new(config);
        let ballot = crate::tui::screens::ballot::BallotState::load(&mut ctx, folder, voter)?;
        Ok(App::on(ctx, Screen::Ballot(Box::new(ballot))))
    }

    /// The app on `screen`, nothing else open yet.
    fn on(ctx: Context, screen: Screen) -> Self {
        App {
            ctx,
            screen,
            overlay: None,
            question_box: new_field("e.g. Why don't you just add a cache?"),
            question_verdict: None,
            question_check: LiveCheck::new(),
            help_scroll: 0,
            quit: false,
            follow: None,
        }
    }

    /// Headless runs (tests, benches) have no event loop: this hands `update` the results
    /// that background work has queued so far, as the loop would.
    pub fn deliver_queued(&mut self) {
        for action in self.ctx.inbox.queued_actions() {
            update(self, action);
        }
    }

    /// Headless runs: waits until the saver has done everything handed to it, then
    /// hands `update` the results, as the loop would on its next turn.
    pub fn settle(&mut self) {
        self.settle_verdicts();
        // A result can lead to more work (a new series opens and is read): settle that too.
        for _ in 0..4 {
            self.ctx.saver.flush();
            let queued = self.ctx.inbox.queued_actions();
            if queued.is_empty() {
                return;
            }
            for action in queued {
                update(self, action);
            }
        }
    }

    pub fn key_focus(&self) -> KeyFocus {
        let stack = match self.overlay {
            Some(Overlay::Help) => vec![KeyContext::Help, KeyContext::Always],
            Some(Overlay::Guidelines) => vec![KeyContext::Guidelines, KeyContext::Always],
            Some(Overlay::QuestionCheck) => vec![
                KeyContext::TextLine,
                KeyContext::QuestionCheck,
                KeyContext::Always,
            ],
            None => return self.screen_key_focus(),
        };
        KeyFocus::new(stack, self.facts())
    }

    /// The keys of the screen under any overlay, for the F1 overlay.
    pub fn screen_key_focus(&self) -> KeyFocus {
        let mut stack = match &self.screen {
            Screen::SeriesList(_) => vec![KeyContext::SeriesList],
            Screen::NewSeries(s) => s.key_contexts(),
            Screen::Setup(s) => s.key_contexts(),
            Screen::Live(live) => live.key_contexts(),
            Screen::Closing(c) => c.key_contexts(),
            Screen::Prioritise(p) => p.key_contexts(),
            Screen::Summary(_) => vec![KeyContext::Summary],
            Screen::Ballot(b) => b.key_contexts(),
            Screen::Waiting(w) => w.key_contexts(),
            Screen::Loading(_) => Vec::new(),
        };
        if !stack.iter().any(|c| c.captures()) {
            stack.push(KeyContext::Global);
        }
        stack.push(KeyContext::Always);
        KeyFocus::new(stack, self.facts())
    }

    /// What decides whether a key can do anything right now.
    pub fn facts(&self) -> Facts {
        let mut facts = Facts {
            warnings: self.ctx.warnings.len(),
            ..Facts::default()
        };
        match &self.screen {
            Screen::SeriesList(s) => {
                facts.series = s.entries.len();
                facts.archived_view = s.showing_archived;
                facts.archived_hidden = if s.showing_archived {
                    0
                } else {
                    s.others.len()
                };
            }
            Screen::Live(live) => {
                facts.notes = live.session.notes.len();
                facts.rewrites = live.verdict.as_ref().map_or(0, |v| v.suggestions.len());
            }
            Screen::Prioritise(p) => facts.items = p.items.len(),
            Screen::Closing(c) => facts.empty_session = c.is_empty(),
            Screen::Ballot(b) => facts.items = b.items.len(),
            _ => {}
        }
        facts
    }

    /// Where the focus is, by name: the screen's part that has the keyboard (a text
    /// field's own editing keys aside).
    pub fn focus(&self) -> KeyContext {
        self.key_focus()
            .stack
            .into_iter()
            .find(|c| !matches!(c, KeyContext::TextLine | KeyContext::TextMulti))
            .unwrap_or(KeyContext::Global)
    }

    /// Everything the scribe typed goes to the saver, and the saver to disk. Returns
    /// whether it is all on disk.
    pub fn save_all(&mut self) -> bool {
        match &mut self.screen {
            Screen::Live(live) => live.persist(&mut self.ctx),
            Screen::Closing(closing) => closing.persist(&mut self.ctx),
            _ => {}
        }
        self.ctx.saver.flush()
    }
}

impl App {
    /// Whether the phrasing checker is still working on a verdict the screen
    /// will show: the runtime then looks again sooner than its tick.
    pub fn verdict_pending(&self) -> bool {
        self.question_check.is_pending()
            || matches!(&self.screen, Screen::Live(live) if live.verdict_pending())
    }

    /// Waits for the phrasing verdicts being worked out (headless runs read the
    /// verdict right after typing; [`App::settle`] does this too).
    pub fn settle_verdicts(&mut self) {
        self.question_verdict = self.question_check.settle().cloned();
        if let Screen::Live(live) = &mut self.screen {
            live.settle_verdict();
        }
    }
}

/// Maps a key press to an action where the focus is.
pub fn action_for_key(app: &App, key: &ratatui::crossterm::event::KeyEvent) -> Option<Action> {
    app.ctx.keymap.action_for(&app.key_focus(), key)
}

/// The one place state changes.
pub fn update(app: &mut App, action: Action) {
    // Verdicts the checker finished since the last look (the live screen takes
    // its own on the same tick).
    if matches!(action, Action::Tick) && app.question_check.collect() {
        app.question_verdict = app.question_check.verdict().cloned();
    }
    // Results of background work: said, then offered to the screen (which may be waiting
    // for one), without dismissing what the user was last told.
    match &action {
        Action::Followed(_) => {
            if let Action::Followed(news) = action {
                app.followed(*news);
            }
            return;
        }
        Action::Loaded(delivery) => {
            app.loaded(delivery);
            return;
        }
        Action::Stored(done) => {
            app.ctx.task_done(done);
            let nav = screen_update(app, &action);
            if let Some(nav) = nav {
                app.go(nav);
            }
            return;
        }
        _ => {}
    }
    if !matches!(action, Action::Tick | Action::Resize { .. }) {
        // A new action dismisses the last message, except errors, which stay until the
        // user does something else on purpose.
        if app
            .ctx
            .status
            .as_ref()
            .is_some_and(|s| s.kind == crate::tui::context::StatusKind::Info)
        {
            app.ctx.status = None;
        }
    }
    // After the dismissal above, so the sync's report is seen even if a key brought it.
    if let Some(results) = app.ctx.sync.as_ref().and_then(|s| s.poll()) {
        app.ctx.sync = None;
        sync_done(app, &results);
    }
    match (&action, app.overlay) {
        (Action::Resize { width, height }, _) => {
            app.ctx.size = ratatui::layout::Size::new(*width, *height);
            return;
        }
        (Action::Quit, _) => {
            app.save_all();
            app.quit = true;
            return;
        }
        (Action::ToggleHelp, Some(Overlay::Help)) => {
            app.overlay = None;
            return;
        }
        (Action::ToggleHelp, _) => {
            app.overlay = Some(Overlay::Help);
            app.help_scroll = 0;
            return;
        }
        // The key list can be longer than a small terminal: it scrolls.
        (Action::ScrollUp, Some(Overlay::Help)) => {
            app.help_scroll = app.help_scroll.saturating_sub(1);
            return;
        }
        (Action::ScrollDown, Some(Overlay::Help)) => {
            app.help_scroll = app.help_scroll.saturating_add(1);
            return;
        }
        (Action::DismissWarning, _) => {
            if !app.ctx.warnings.is_empty() {
                app.ctx.warnings.remove(0);
            }
            return;
        }
        (Action::CycleTheme, _) => {
            app.ctx.cycle_theme();
            return;
        }
        (Action::ToggleBell, _) => {
            app.ctx.toggle_bell();
            return;
        }
        (Action::OpenQuestionCheck, _) => {
            app.overlay = Some(Overlay::QuestionCheck);
            return;
        }
        (Action::Back, Some(Overlay::QuestionCheck)) => {
            app.overlay = None;
            return;
        }
        (action, Some(Overlay::QuestionCheck)) if action.is_text_edit() => {
            if text_field::feed(&mut app.question_box, action, false).changed() {
                app.question_check.ask(&text_field::text(&app.question_box));
                app.question_verdict = app.question_check.verdict().cloned();
            }
            return;
        }
        (Action::ShowGuidelines, None) => {
            app.overlay = Some(Overlay::Guidelines);
            return;
        }
        (Action::Back, Some(Overlay::Guidelines)) => {
            app.overlay = None;
            return;
        }
        // Text typed over the guidelines puts them away and goes where it was meant to.
        (Action::Input(_) | Action::Paste(_), Some(Overlay::Guidelines)) => {
            app.overlay = None;
        }
        // Overlays take the keyboard but not the clock: autosave and the timer go on.
        (Action::Tick, _) | (_, None) => {}
        (_, Some(_)) => return,
    }
    if let Some(nav) = screen_update(app, &action) {
        app.go(nav);
    }
}

fn screen_update(app: &mut App, action: &Action) -> Option<crate::tui::screens::Nav> {
    let ctx = &mut app.ctx;
    match &mut app.screen {
        Screen::SeriesList(s) => s.update(ctx, action),
        Screen::NewSeries(s) => s.update(ctx, action),
        Screen::Setup(s) => s.update(ctx, action),
        Screen::Live(s) => s.update(ctx, action),
        Screen::Closing(s) => s.update(ctx, action),
        Screen::Prioritise(s) => s.update(ctx, action),
        Screen::Summary(s) => s.update(ctx, action),
        Screen::Ballot(s) => s.update(ctx, action),
        Screen::Waiting(_) | Screen::Loading(_) => None,
    }
}

/// Says what a background sync did. Anything that needs the user (a conflict whose other
/// version was kept aside, an unreachable remote, a failure) stays as a warning until it is
/// read; the list is read again, since the others' sessions may have come in.
fn sync_done(app: &mut App, results: &crate::tui::sync::SyncResults) {
    let (lines, attention) = crate::tui::sync::describe(results);
    if attention {
        for line in lines {
            app.ctx.warn(line);
        }
    } else {
        app.ctx.info(lines.join("; "));
    }
    // Nothing synced, nothing new to read.
    if !results.is_empty() && matches!(app.screen, Screen::SeriesList(_)) {
        let status = app.ctx.status.clone();
        app.go(crate::tui::screens::Nav::SeriesList);
        app.ctx.status = status;
    }
}
