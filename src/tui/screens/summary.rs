//! The series summary: progress against the ~10 hours, topics covered and remaining,
//! maturity per area as a chart, the ranked backlog and the off-shoots still waiting.
//! Read-only and lock-free, so it can be opened while a scribe is writing; `e` exports
//! every format next to the data folder, `m` the full minutes (plain notes and questions
//! too) in the formats that have a place for them.

use std::cell::RefCell;
use std::sync::Arc;

use crate::tui::display::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph, Wrap};

use crate::backlog::LoadedBacklog;
use crate::export::{ExportFormat, export};
use crate::progress::{count, hours_minutes};
use crate::storage::{LoadedSeries, Task};
use crate::summary::{Minutes, Rollup, text};
use crate::tui::action::Action;
use crate::tui::context::Context;
use crate::tui::screens::Nav;
use crate::tui::theme::Theme;
use crate::tui::widgets::panel::panel;
use crate::tui::widgets::wrap::wrap;

pub struct SummaryState {
    pub rollup: Rollup,
    /// The series and its votes as read, for the roll-up with the minutes that `m` asks
    /// for (built only then).
    loaded: LoadedSeries,
    votes: LoadedBacklog,
    /// The summary's rows as last laid out, with the width they were laid out for: the
    /// text is wrapped for the pane it is shown in (not at 80 columns and again at the
    /// pane's edge), once per width rather than on every frame.
    rows: RefCell<(u16, Arc<[String]>)>,
    pub scroll: u16,
}

impl SummaryState {
    /// The summary of `loaded` with its `votes`, both read off the UI thread.
    pub fn new(ctx: &Context, loaded: &LoadedSeries, votes: LoadedBacklog) -> Self {
        let rollup = Rollup::from_loaded(loaded, &votes, ctx.now_ms());
        Self {
            rollup,
            loaded: loaded.clone(),
            votes,
            rows: RefCell::new((0, Arc::from(Vec::new()))),
            scroll: 0,
        }
    }

    /// The summary's rows, laid out for `width` columns: nothing is cut at the edge.
    fn rows(&self, width: u16) -> Arc<[String]> {
        let mut memo = self.rows.borrow_mut();
        if memo.0 != width || memo.1.is_empty() {
            let text = text::render_within(&self.rollup, usize::from(width));
            *memo = (width, Arc::from(wrap(&text, usize::from(width))));
        }
        Arc::clone(&memo.1)
    }

    /// How far the summary can scroll in `text_area` (its panel, borders included).
    fn max_scroll(&self, text_area: Rect) -> u16 {
        let inner = ratatui::widgets::Block::bordered().inner(text_area);
        let rows = u16::try_from(self.rows(inner.width).len()).unwrap_or(u16::MAX);
        rows.saturating_sub(inner.height)
    }

    pub fn update(&mut self, ctx: &mut Context, action: &Action) -> Option<Nav> {
        let lines = self.max_scroll(layout(ctx.body_area()).text);
        match action {
            Action::Back => return Some(Nav::SeriesList),
            Action::ScrollUp => self.scroll = self.scroll.saturating_sub(1),
            Action::ScrollDown => self.scroll = (self.scroll + 1).min(lines),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(20),
            Action::PageDown => self.scroll = (self.scroll + 20).min(lines),
            Action::Export => self.export_all(ctx, Minutes::LeftOut),
            Action::ExportWithNotes => self.export_all(ctx, Minutes::Included),
            _ => {}
        }
        None
    }

    /// Writes every format to `<data dir>/exports/<series>.<ext>`, or with the minutes
    /// the formats that have a place for them to `<series>-minutes.<ext>`; room-only notes
    /// are already out of the roll-up, so nothing said in the room leaves in them.
    fn export_all(&self, ctx: &mut Context, minutes: Minutes) {
        let dir = ctx.data.root().join("exports");
        let with_notes;
        let (rollup, stem, formats) = match minutes {
            Minutes::LeftOut => (
                &self.rollup,
                self.rollup.series.id.clone(),
                "Markdown, HTML, CSV and JSON",
            ),
            Minutes::Included => {
                with_notes =
                    Rollup::from_loaded_with(&self.loaded, &self.votes, ctx.now_ms(), minutes);
                (
                    &with_notes,
                    format!("{}-minutes", self.rollup.series.id),
                    "The full minutes as Markdown, HTML and JSON",
                )
            }
        };
        // Rendered here (it is quick); written by the saver, which says how it went.
        let files = ExportFormat::ALL
            .into_iter()
            .filter(|format| minutes == Minutes::LeftOut || format.carries_minutes())
            .map(|format| {
                let path = dir.join(format!("{stem}.{}", format.extension()));
                (path, export(rollup, format).into_bytes())
            })
            .collect();
        let done = format!(
            "{formats} exported to {}/{stem}.* {}{}",
            dir.display(),
            text::minutes_sentence(rollup),
            withheld_note(rollup)
        );
        ctx.run_task(Task::Write(files), Some(done), "not exported".into());
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Context) {
        let theme = &ctx.theme;
        let panes = layout(area);
        let r = &self.rollup;
        let block = panel(" Summary (↑ ↓ to scroll) ", true, theme);
        let inner = block.inner(panes.text);
        let scroll = self.scroll.min(self.max_scroll(panes.text));
        let rows: Vec<Line> = self
            .rows(inner.width)
            .iter()
            .skip(usize::from(scroll))
            .take(usize::from(inner.height))
            .map(|row| Line::raw(row.clone()))
            .collect();
        frame.render_widget(Paragraph::new(rows).block(block), panes.text);
        let (Some(gauge_area), Some(left)) = (panes.gauge, panes.left) else {
            // A small terminal: the summary text alone, which says it all.
            return;
        };
        let ratio = if r.target_secs > 0 {
            (r.meeting_secs as f64 / r.target_secs as f64).clamp(0.0, 1.0)
        } else {
            0.0
        };
        frame.render_widget(
            Gauge::default()
                .block(panel(
                    format!(
                        " {} · {} held, {} open · {}/{} topics ",
                        r.series.service,
                        count(r.sessions_held, "session"),
                        r.sessions_open,
                        r.topics.agenda_covered,
                        r.topics.agenda_total
                    ),
                    false,
                    theme,
                ))
                .gauge_style(theme.timer_on_track)
                .ratio(ratio)
                .label(format!(
                    "{} of ~{}h",
                    hours_minutes(r.meeting_secs),
                    r.target_secs / 3600
                )),
            gauge_area,
        );
        let chart_rows = u16::try_from(r.maturity.len() + 3).unwrap_or(u16::MAX);
        let [chart_area, waiting_area] =
            Layout::vertical([Constraint::Length(chart_rows), Constraint::Fill(1)]).areas(left);
        maturity_chart(frame, chart_area, r, theme);
        let waiting: Vec<Line> = if r.topics.remaining.is_empty() {
            vec![Line::styled("Every topic is covered.", theme.ok)]
        } else {
            r.topics
                .remaining
                .iter()
                .map(|t| {
                    let style = if t.is_offshoot() {
                        theme.kind_offshoot
                    } else {
                        theme.base
                    };
                    Line::styled(format!("[ ] {}", t.title()), style)
                })
                .collect()
        };
        frame.render_widget(
            Paragraph::new(waiting)
                .wrap(Wrap { trim: true })
                .block(panel(
                    " Still to cover (off-shoots in colour) ",
                    false,
                    theme,
                )),
            waiting_area,
        );
    }
}

/// Where the summary's panes go: on a roomy terminal the progress gauge above, the chart
/// and what is left on the left, the summary text on the right; on a small one the text
/// alone, since it holds all of that too.
pub struct Panes {
    pub gauge: Option<Rect>,
    pub left: Option<Rect>,
    pub text: Rect,
}

pub fn layout(area: Rect) -> Panes {
    if area.width < 80 || area.height < 16 {
        return Panes {
            gauge: None,
            left: None,
            text: area,
        };
    }
    let [gauge, rest] = Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(area);
    let [left, text] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Fill(1)]).areas(rest);
    Panes {
        gauge: Some(gauge),
        left: Some(left),
        text,
    }
}

/// One bar per area, its length the latest 0–5 rating. Each area is rated on its own
/// terms: this is never a comparison, least of all with another service.
fn maturity_chart(frame: &mut Frame, area: Rect, r: &Rollup, theme: &Theme) {
    let width = usize::from(area.width.saturating_sub(2));
    let label_width = (width.saturating_sub(12)).min(32);
    let lines: Vec<Line> = r
        .maturity
        .iter()
        .map(|m| {
            let title: String = m.topic.title().chars().take(label_width).collect();
            let bar = match m.rating {
                Some(n) => Span::styled(
                    format!(
                        "{}{} {n}",
                        "█".repeat(usize::from(n) * 2),
                        "░".repeat(10 - usize::from(n) * 2)
                    ),
                    theme.timer_on_track,
                ),
                None => Span::styled("not rated", theme.dim),
            };
            Line::from(vec![
                Span::styled(format!("{title:<label_width$} "), theme.base),
                bar,
            ])
        })
        .collect();
    frame.render_widget(
        Paragraph::new(lines).block(panel(" Maturity by area (0–5) ", false, theme)),
        area,
    );
}

fn withheld_note(r: &Rollup) -> String {
    let needing = match r.room_only_needing_fix {
        0 => String::new(),
        1 => "; 1 opportunity needs a fix wording (w on the prioritisation screen)".into(),
        n => format!("; {n} opportunities need a fix wording (w on the prioritisation screen)"),
    };
    match r.withheld_room_only {
        0 => String::new(),
        n => format!(
            " ({} withheld{needing})",
            crate::progress::count(n, "room-only note")
        ),
    }
}
