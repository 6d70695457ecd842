//! The first screen: every series with its progress; open one or start a new one. A
//! finished series can be archived (`x`): it leaves the list for the archived series
//! (`Tab`), from which `x` brings it back. Nothing is moved or deleted; the archived ids
//! are a setting of this machine, written through the saver like the others.

use crate::tui::display::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Wrap};

use crate::progress::{count, hours_minutes};
use crate::storage::FormatError;
use crate::storage::digest::ListedSeries;
use crate::tui::action::{Action, ClickTarget};
use crate::tui::context::Context;
use crate::tui::screens::Nav;
use crate::tui::widgets::panel::panel;
use crate::tui::widgets::pick_list;

type Entry = Result<ListedSeries, FormatError>;

pub struct SeriesListState {
    /// The rows shown: each series as its digest sums it up (a series is read in full
    /// only when opened).
    pub entries: Vec<Entry>,
    pub selected: usize,
    /// The rows of the other view: the archived series while the current ones are shown,
    /// and the other way round.
    pub others: Vec<Entry>,
    /// Whether the archived series are the ones shown.
    pub showing_archived: bool,
}

impl SeriesListState {
    /// The series as read (off the UI thread, after our own pending saves: what is on
    /// disk is the truth), with the row of `select` (a series id) selected if it is there.
    pub fn from_read(
        ctx: &mut Context,
        entries: Vec<Entry>,
        stale: Vec<crate::storage::digest::FileBytes>,
        select: Option<&str>,
    ) -> Self {
        if !stale.is_empty() {
            // A cache: nothing is said if it cannot be written (it is rebuilt next time).
            ctx.saver.run(crate::storage::Task::WriteDerived(stale));
        }
        // A series that cannot be read is never archived: it stays in sight.
        let (archived, current): (Vec<Entry>, Vec<Entry>) = entries.into_iter().partition(|e| {
            e.as_ref()
                .is_ok_and(|l| ctx.settings.archived.contains(&l.folder.id()))
        });
        // Back from an archived series (its summary, say): its own view, on its row.
        let showing_archived = select.is_some_and(|id| ctx.settings.archived.contains(id));
        let (entries, others) = if showing_archived {
            (archived, current)
        } else {
            (current, archived)
        };
        let selected = select
            .and_then(|id| {
                entries
                    .iter()
                    .position(|e| e.as_ref().is_ok_and(|l| l.folder.id() == id))
            })
            .unwrap_or(0);
        Self {
            entries,
            selected,
            others,
            showing_archived,
        }
    }

    /// A list not yet read, standing in while the app builds the next screen.
    pub fn empty() -> Self {
        Self {
            entries: Vec::new(),
            selected: 0,
            others: Vec::new(),
            showing_archived: false,
        }
    }

    /// Whether another series, archived or not, has the same service name.
    fn shares_its_name(&self, series: &ListedSeries) -> bool {
        self.entries
            .iter()
            .chain(&self.others)
            .filter_map(|e| e.as_ref().ok())
            .any(|o| {
                o.folder.id() != series.folder.id() && o.digest.service == series.digest.service
            })
    }

    /// The series on the selected row, if it could be read.
    pub fn selected_series(&self) -> Option<&ListedSeries> {
        self.entries.get(self.selected)?.as_ref().ok()
    }

    pub fn update(&mut self, ctx: &mut Context, action: &Action) -> Option<Nav> {
        match action {
            Action::PreviousItem => self.selected = self.selected.saturating_sub(1),
            Action::NextItem => {
                self.selected = (self.selected + 1).min(self.entries.len().saturating_sub(1))
            }
            Action::NewSeries => return Some(Nav::NewSeries),
            Action::SyncWithTeam => {
                ctx.start_sync(crate::tui::sync::SyncTarget::EveryShared(ctx.data.clone()));
            }
            Action::ToggleSyncAfterClosing => ctx.toggle_sync_after_closing(),
            Action::ArchiveSeries if !self.showing_archived => self.move_selected(ctx, true),
            Action::RestoreSeries if self.showing_archived => self.move_selected(ctx, false),
            Action::ToggleArchivedView => {
                std::mem::swap(&mut self.entries, &mut self.others);
                self.showing_archived = !self.showing_archived;
                self.selected = 0;
            }
            Action::OpenSeries => return self.open_selected(ctx),
            Action::ShowSummary => {
                // The list holds digests only; the summary needs every session, read
                // off the UI thread.
                return Some(Nav::Summary(self.selected_series()?.folder.clone()));
            }
            Action::Prioritise => {
                return Some(Nav::Prioritise(self.selected_series()?.folder.clone()));
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

    /// Archives the selected series (or brings it back): its row moves to the other view
    /// and the choice is remembered. Its folder is not touched.
    fn move_selected(&mut self, ctx: &mut Context, archive: bool) {
        let Some(listed) = self.selected_series() else {
            return;
        };
        let (id, service) = (listed.folder.id(), listed.digest.service.clone());
        let entry = self.entries.remove(self.selected);
        let at = self
            .others
            .iter()
            .position(|e| e.as_ref().is_ok_and(|l| l.folder.id() > id))
            .unwrap_or(self.others.len());
        self.others.insert(at, entry);
        self.selected = self.selected.min(self.entries.len().saturating_sub(1));
        let done = if archive {
            format!("{service} ({id}) archived: nothing deleted; Tab shows the archived series")
        } else {
            format!("{service} ({id}) is back on the list")
        };
        ctx.set_archived(&id, archive, done);
    }

    fn open_selected(&mut self, ctx: &mut Context) -> Option<Nav> {
        match self.entries.get(self.selected)? {
            Err(e) => {
                ctx.error(format!("cannot open: {e}"));
                None
            }
            Ok(listed) => Some(Nav::OpenSeries(listed.folder.clone())),
        }
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Context) {
        let theme = &ctx.theme;
        let [list_area, detail_area] = layout(area);
        let title = if self.showing_archived {
            " Archived series (nothing deleted; x brings one back) ".to_string()
        } else if self.others.is_empty() {
            " Service roasts ".to_string()
        } else {
            format!(" Service roasts · {} archived (Tab) ", self.others.len())
        };
        if self.entries.is_empty() && (self.showing_archived || !self.others.is_empty()) {
            let text = if self.showing_archived {
                "No archived series. Tab goes back to the current ones."
            } else {
                "Every series is archived. Tab shows them; n starts a new one."
            };
            frame.render_widget(
                Paragraph::new(Line::styled(text, theme.base))
                    .wrap(Wrap { trim: true })
                    .block(panel(title, true, theme)),
                list_area,
            );
        } else if self.entries.is_empty() {
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
                        let d = &l.digest;
                        let p = d.progress(now);
                        // Two series of the same service read alike: their ids tell
                        // them apart.
                        let name = if self.shares_its_name(l) {
                            format!("{} ({})", d.service, l.folder.id())
                        } else {
                            d.service.clone()
                        };
                        let mut spans = vec![
                            Span::styled(format!("{name:<24} "), theme.title),
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
                        if d.open_session_started().is_some() {
                            spans.push(Span::styled("  ● in progress", theme.warning));
                        }
                        let problems = d.problems().len();
                        if problems > 0 {
                            spans.push(Span::styled(
                                format!("  ⚠ {}", count(problems, "unreadable file")),
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
                panel(title, true, theme),
                theme,
            );
        }
        let detail = match self.entries.get(self.selected) {
            // The selected series whole, with the id `summary` and `export` take: the row
            // above may be cut on a narrow terminal.
            Some(Ok(l)) => {
                let p = l.digest.progress(ctx.now_ms());
                let mut lines = vec![
                    Line::from(vec![
                        Span::styled(l.digest.service.clone(), theme.title),
                        Span::styled("  id ", theme.dim),
                        Span::styled(l.folder.id().to_string(), theme.base),
                    ]),
                    Line::from(vec![
                        Span::styled("Agenda: ", theme.dim),
                        Span::raw(l.digest.agenda_title.clone()),
                        Span::styled(
                            format!(
                                " · {}/{} topics · {}",
                                p.covered_topics,
                                p.total_topics,
                                count(p.sessions_held, "session")
                            ),
                            theme.dim,
                        ),
                    ]),
                    Line::from(vec![
                        Span::styled("Folder: ", theme.dim),
                        Span::raw(l.folder.dir().display().to_string()),
                    ]),
                ];
                for p in l.digest.problems().into_iter().take(2) {
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
        frame.render_widget(
            Paragraph::new(detail).wrap(Wrap { trim: true }),
            detail_area,
        );
    }
}

/// The list and the details under it; shared by drawing and mouse hit-testing.
pub fn layout(area: Rect) -> [Rect; 2] {
    // The details need their rows most on a short terminal, where the list rows are cut.
    let detail = if area.height < 12 { 4 } else { 5 };
    Layout::vertical([Constraint::Fill(1), Constraint::Length(detail)]).areas(area)
}
