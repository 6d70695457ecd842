//! `roast follow`: the live session on a second screen, read-only. It polls the series
//! folder, so it works in another terminal or on another machine sharing the folder, and
//! it never writes a file or takes the lock.

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::crossterm::event::Event;
use ratatui::layout::{Alignment, Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::clock::Clock;
use crate::follow::{FolderWatch, Snapshot};
use crate::settings::ThemeName;
use crate::storage::SeriesFolder;
use crate::tui::action::Action;
use crate::tui::keymap::{Facts, KeyContext, KeyFocus, Keymap};
use crate::tui::screens::guidelines;
use crate::tui::screens::live::LiveState;
use crate::tui::theme::Theme;
use crate::tui::widgets::{help_bar, help_overlay};

/// How often the folder is looked at: saves show within a second.
pub const POLL: Duration = Duration::from_millis(250);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Overlay {
    Help,
    Guidelines,
}

pub struct FollowApp {
    pub watch: FolderWatch,
    pub snapshot: Option<Snapshot>,
    pub live: Option<LiveState>,
    pub theme: Theme,
    no_color: bool,
    bell: bool,
    clock: Arc<dyn Clock>,
    overlay: Option<Overlay>,
    keymap: Keymap,
    pub quit: bool,
    pub bell_pending: bool,
}

impl FollowApp {
    pub fn new(
        folder: SeriesFolder,
        theme: ThemeName,
        no_color: bool,
        bell: bool,
        clock: Arc<dyn Clock>,
    ) -> Self {
        let mut app = FollowApp {
            watch: FolderWatch::new(folder),
            snapshot: None,
            live: None,
            theme: Theme::named(theme, no_color),
            no_color,
            bell,
            clock,
            overlay: None,
            keymap: Keymap::default(),
            quit: false,
            bell_pending: false,
        };
        app.update(Action::Tick);
        app
    }

    pub fn focus(&self) -> KeyFocus {
        let top = match self.overlay {
            Some(Overlay::Help) => KeyContext::Help,
            Some(Overlay::Guidelines) => KeyContext::Guidelines,
            None => KeyContext::Follow,
        };
        KeyFocus::new(vec![top, KeyContext::Always], Facts::default())
    }

    pub fn update(&mut self, action: Action) {
        let now = self.clock.now_ms();
        match action {
            Action::Tick => {
                if let Some(snapshot) = self.watch.poll() {
                    self.show(snapshot, now);
                }
                if let Some(live) = &mut self.live
                    && live.watch_timer(now, self.bell)
                {
                    self.bell_pending = true;
                }
            }
            Action::Quit => self.quit = true,
            Action::ToggleHelp => {
                self.overlay = match self.overlay {
                    Some(Overlay::Help) => None,
                    _ => Some(Overlay::Help),
                }
            }
            Action::ShowGuidelines => self.overlay = Some(Overlay::Guidelines),
            Action::Back => self.overlay = None,
            // For this screen only: following never writes, settings included.
            Action::CycleTheme => {
                self.theme = Theme::named(self.theme.name.next(), self.no_color);
            }
            _ => {}
        }
    }

    fn show(&mut self, snapshot: Snapshot, now: i64) {
        self.live = snapshot.session.clone().map(|session| {
            let mut live = LiveState::new(Some(&snapshot.series), session, now);
            // The same session, saved again: keep the flash and what the timer was doing.
            if let Some(old) = &self.live
                && old.session.id == live.session.id
            {
                live.seen_phase = old.seen_phase;
                live.flash_until_ms = old.flash_until_ms;
            }
            live
        });
        self.snapshot = Some(snapshot);
    }

    pub fn draw(&self, frame: &mut Frame) {
        let theme = &self.theme;
        let area = frame.area();
        if theme.base.bg.is_some() {
            frame.buffer_mut().set_style(area, theme.base);
        }
        let [header, body, status, help] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(help_bar::height(&self.keymap, &self.focus(), area.width)),
        ])
        .areas(area);
        let now = self.clock.now_ms();
        let title = match (&self.snapshot, &self.live) {
            (Some(s), Some(live)) if !live.session.is_closed() => {
                format!(" {} · {}", s.series.service, live.topic_title)
            }
            (Some(s), _) => format!(" {} · waiting for the next session", s.series.service),
            (None, _) => " waiting for the series".to_string(),
        };
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(" roast follow ", theme.selected),
                Span::styled(title, theme.title),
            ])),
            header,
        );
        match &self.live {
            Some(live) if !live.session.is_closed() => {
                live.draw_view(frame, body, theme, now, false);
            }
            _ => {
                let text = format!(
                    "Nothing in progress in {}. This screen follows the next session as soon as the scribe starts it.",
                    self.watch.folder().dir().display()
                );
                frame.render_widget(
                    Paragraph::new(text)
                        .wrap(Wrap { trim: true })
                        .alignment(Alignment::Center)
                        .style(theme.dim),
                    body,
                );
            }
        }
        let status_line = match &self.watch.problem {
            Some(e) => Line::styled(format!(" waiting for a readable copy: {e}"), theme.warning),
            None => Line::styled(" read-only: follows the scribe's saves", theme.dim),
        };
        frame.render_widget(Paragraph::new(status_line), status);
        help_bar::draw(frame, help, &self.keymap, &self.focus(), theme);
        match self.overlay {
            Some(Overlay::Guidelines) => guidelines::draw(frame, body, theme),
            Some(Overlay::Help) => help_overlay::draw(
                frame,
                body,
                &self.keymap,
                &KeyFocus::new(
                    vec![KeyContext::Follow, KeyContext::Always],
                    Facts::default(),
                ),
                0,
                theme,
            ),
            None => {}
        }
    }
}

/// Runs the follow view until `q` or a signal.
pub fn run(mut app: FollowApp) -> std::io::Result<()> {
    let stop = crate::tui::runtime::stop_on_signals()?;
    let mut terminal = ratatui::init();
    let result = (|| -> std::io::Result<()> {
        let events = crate::tui::input::spawn_reader()?;
        let mut last_poll = Instant::now() - POLL;
        while !app.quit && !stop.load(Ordering::Relaxed) && crate::tui::runtime::terminal_is_alive()
        {
            terminal.draw(|frame| app.draw(frame))?;
            match events.recv_timeout(POLL.saturating_sub(last_poll.elapsed())) {
                Ok(Event::Key(key)) => {
                    if let Some(action) = app.keymap.action_for(&app.focus(), &key) {
                        app.update(action);
                    }
                }
                Ok(_) | Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => break,
            }
            if last_poll.elapsed() >= POLL {
                last_poll = Instant::now();
                app.update(Action::Tick);
                if std::mem::take(&mut app.bell_pending) {
                    let mut out = std::io::stdout();
                    out.write_all(b"\x07")?;
                    out.flush()?;
                }
            }
        }
        Ok(())
    })();
    ratatui::restore();
    result
}
