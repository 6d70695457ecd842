//! The first screen: every series with its progress; open one or start a new one.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Wrap};

use crate::progress::{count, hours_minutes, progress};
use crate::storage::{FormatError, LoadedSeries, LockError, SeriesLock};
use crate::tui::action::{Action, ClickTarget};
use crate::tui::context::{Context, OpenSeries};
use crate::tui::screens::live::LiveState;
use crate::tui::screens::new_series::NewSeriesState;
use crate::tui::screens::prioritise::PrioritiseState;
use crate::tui::screens::setup::SetupState;
use crate::tui::screens::summary::SummaryState;
use crate::tui::screens::{Screen, Transition};
use crate::tui::widgets::panel::panel;
use crate::tui::widgets::pick_list;

pub struct SeriesListState {
    pub entries: Vec<Result<LoadedSeries, FormatError>>,
    pub selected: usize,
}

impl SeriesListState {
    pub fn load(ctx: &mut Context) -> Self {
        // What is on disk is the truth; make sure our own pending saves are part of it.
        ctx.saver.flush();
        Self {
            entries: ctx.data.list_series(),
            selected: 0,
        }
    }

    pub fn update(&mut self, ctx: &mut Context, action: &Action) -> Option<Transition> {
        match action {
            Action::PreviousItem => self.selected = self.selected.saturating_sub(1),
            Action::NextItem => {
                self.selected = (self.selected + 1).min(self.entries.len().saturating_sub(1))
            }
            Action::NewSeries => {
                return Some(Transition::To(Screen::NewSeries(Box::new(
                    NewSeriesState::new(ctx),
                ))));
            }
            Action::OpenSeries => return self.open_selected(ctx),
            Action::ShowSummary => {
                let loaded = self.entries.get(self.selected)?.as_ref().ok()?;
                return Some(Transition::To(Screen::Summary(Box::new(
                    SummaryState::new(ctx, loaded),
                ))));
            }
            Action::Prioritise => {
                let loaded = self.entries.get(self.selected)?.as_ref().ok()?.clone();
                lock_series(ctx, &loaded)?;
                return match PrioritiseState::new(ctx) {
                    Some(state) => Some(Transition::To(Screen::Prioritise(Box::new(state)))),
                    None => {
                        ctx.close_series();
                        None
                    }
                };
            }
            // A click selects; a click on the selected series opens it.
            Action::Click {
                target: ClickTarget::SeriesRow,
                index,
            } if *index < self.entries.len() => {
                if *index == self.selected {
                    return self.open_selected(ctx);
                }
                self.selected = *index;
            }
            _ => {}
        }
        None
    }

    fn open_selected(&mut self, ctx: &mut Context) -> Option<Transition> {
        match self.entries.get(self.selected)? {
            Err(e) => {
                ctx.error(format!("cannot open: {e}"));
                None
            }
            Ok(loaded) => open_series(ctx, loaded.clone()),
        }
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Context) {
        let theme = &ctx.theme;
        let [list_area, detail_area] = layout(area);
        if self.entries.is_empty() {
            let text = vec![
                Line::raw(""),
                Line::styled("No series yet.", theme.title),
                Line::raw(""),
                Line::raw(
                    "A series roasts one service over about ten hours of 45-minute sessions.",
                ),
                Line::from(vec![
                    Span::raw("Press "),
                    Span::styled(" n ", theme.key),
                    Span::raw(" to start one."),
                ]),
            ];
            frame.render_widget(
                Paragraph::new(text).wrap(Wrap { trim: true }).block(panel(
                    " Service roasts ",
                    true,
                    theme,
                )),
                list_area,
            );
        } else {
            let now = ctx.now_ms();
            let items: Vec<ListItem> = self
                .entries
                .iter()
                .map(|entry| match entry {
                    Ok(l) => {
                        let p = progress(&l.series, &l.sessions, now);
                        let mut spans = vec![
                            Span::styled(format!("{:<24} ", l.series.service), theme.title),
                            Span::styled(
                                format!(
                                    "{} · {} of ~{}h · {}/{} topics",
                                    count(p.sessions_held, "session"),
                                    hours_minutes(p.meeting_secs),
                                    p.target_secs / 3600,
                                    p.covered_topics,
                                    p.total_topics
                                ),
                                theme.base,
                            ),
                        ];
                        if l.open_session().is_some() {
                            spans.push(Span::styled("  ● in progress", theme.warning));
                        }
                        if !l.problems.is_empty() {
                            spans.push(Span::styled(
                                format!("  ⚠ {} unreadable file(s)", l.problems.len()),
                                theme.warning,
                            ));
                        }
                        ListItem::new(Line::from(spans))
                    }
                    Err(e) => ListItem::new(Line::styled(format!("⚠ {e}"), theme.warning)),
                })
                .collect();
            pick_list::draw(
                frame,
                list_area,
                items,
                Some(self.selected),
                panel(" Service roasts ", true, theme),
                theme,
            );
        }
        let detail = match self.entries.get(self.selected) {
            Some(Ok(l)) => {
                let mut lines = vec![Line::from(vec![
                    Span::styled("Agenda: ", theme.dim),
                    Span::raw(l.series.agenda.title.clone()),
                    Span::styled("   Folder: ", theme.dim),
                    Span::raw(l.folder.dir().display().to_string()),
                ])];
                for p in l.problems.iter().take(2) {
                    lines.push(Line::styled(format!("⚠ {p}"), theme.warning));
                }
                lines
            }
            Some(Err(e)) => vec![Line::styled(e.to_string(), theme.warning)],
            None => vec![Line::styled(
                format!("Data folder: {}", ctx.data.root().display()),
                theme.dim,
            )],
        };
        let mut detail = detail;
        for e in ctx.agenda_errors.iter().take(1) {
            detail.push(Line::styled(
                format!("⚠ agenda skipped: {e}"),
                theme.warning,
            ));
        }
        frame.render_widget(
            Paragraph::new(detail).wrap(Wrap { trim: true }),
            detail_area,
        );
    }
}

/// The list and the details under it; shared by drawing and mouse hit-testing.
pub fn layout(area: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Fill(1), Constraint::Length(4)]).areas(area)
}

/// Takes the series' lock and goes to the session in progress, or to session setup.
pub fn open_series(ctx: &mut Context, loaded: LoadedSeries) -> Option<Transition> {
    lock_series(ctx, &loaded)?;
    let open_session = ctx.open_series()?.open_session().cloned();
    match open_session {
        Some(session) => {
            ctx.info("Resumed the session in progress.");
            Some(Transition::To(Screen::Live(Box::new(
                LiveState::from_session(ctx, session),
            ))))
        }
        None => Some(Transition::To(Screen::Setup(SetupState::new(ctx)))),
    }
}

/// Takes the series' lock and makes it the open series, freshly read (another scribe may
/// have added sessions since the list loaded). `None`, with the reason shown, when
/// another roast is writing it or it cannot be read.
pub fn lock_series(ctx: &mut Context, loaded: &LoadedSeries) -> Option<()> {
    let lock = match SeriesLock::acquire(loaded.folder.dir()) {
        Ok(lock) => lock,
        // Say what happens, not what the lock's own message promises: nothing opens
        // for writing; the summary and `follow` still work without the lock.
        Err(LockError::Held { holder, .. }) => {
            ctx.error(format!(
                "Not opened: another roast (pid {holder}) is writing {}. `s` shows its summary; \
                 `roast follow {}` shows its session read-only.",
                loaded.series.service, loaded.series.id
            ));
            return None;
        }
        Err(e) => {
            ctx.error(e.to_string());
            return None;
        }
    };
    // The saver writes room-only notes into this folder; a series made before it existed
    // gets it now, while the series is being opened.
    let local = crate::storage::room_only::room_only_dir(&loaded.folder);
    if let Err(e) = crate::storage::create_private_dir(&local) {
        ctx.error(format!("{}: {e}", local.display()));
        return None;
    }
    let loaded = match loaded.folder.load() {
        Ok(fresh) => fresh,
        Err(e) => {
            ctx.error(format!("cannot open: {e}"));
            return None;
        }
    };
    for problem in &loaded.problems {
        ctx.warn(format!("skipped (left untouched): {problem}"));
    }
    ctx.series = Some(OpenSeries::new(loaded, lock));
    Some(())
}
