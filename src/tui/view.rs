//! Draws the whole app from its state; never changes it.

use crate::tui::display::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::{App, Overlay};
use crate::tui::context::StatusKind;
use crate::tui::screens::{Screen, guidelines};
use crate::tui::widgets::wrap::wrap;
use crate::tui::widgets::{help_bar, help_overlay, question_check};

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let theme = &app.ctx.theme;
    // Under everything, the theme's own background; a theme without one leaves the
    // terminal's.
    frame.background(if theme.base.bg.is_some() {
        theme.base
    } else {
        Style::default()
    });
    let focus = app.key_focus();
    let [header, body, warning, status, help] = regions(area, app);
    draw_header(frame, header, app);
    match &app.screen {
        Screen::SeriesList(s) => s.draw(frame, body, &app.ctx),
        Screen::NewSeries(s) => s.draw(frame, body, &app.ctx),
        Screen::Setup(s) => s.draw(frame, body, &app.ctx),
        Screen::Live(s) => s.draw(frame, body, &app.ctx),
        Screen::Closing(s) => s.draw(frame, body, &app.ctx),
        Screen::Prioritise(s) => s.draw(frame, body, &app.ctx),
        Screen::Summary(s) => s.draw(frame, body, &app.ctx),
        Screen::Ballot(s) => s.draw(frame, body, &app.ctx),
        Screen::Waiting(s) => s.draw(frame, body, &app.ctx),
        Screen::Loading(s) => s.draw(frame, body, &app.ctx),
    }
    draw_warning(frame, warning, app);
    draw_status(frame, status, app);
    help_bar::draw(frame, help, &app.ctx.keymap, &focus, theme);
    match app.overlay {
        Some(Overlay::Guidelines) => guidelines::draw(frame, body, theme),
        Some(Overlay::Help) => help_overlay::draw(
            frame,
            body,
            &app.ctx.keymap,
            &app.screen_key_focus(),
            app.help_scroll,
            theme,
        ),
        Some(Overlay::QuestionCheck) => question_check::draw(
            frame,
            body,
            &app.question_box,
            app.question_verdict.as_ref(),
            theme,
        ),
        None => {}
    }
}

/// Header, body, the oldest unread warning, status line and help bar: shared by drawing
/// and mouse hit-testing.
pub fn regions(area: Rect, app: &App) -> [Rect; 5] {
    let warning_rows = app.ctx.warnings.first().map_or(0, |w| {
        wrapped_rows(&warning_text(w, app), area.width).min(3)
    });
    // A long message ("saved to …" with its path) wraps rather than lose its end.
    let status_rows =
        status_line(app).map_or(1, |(text, _)| wrapped_rows(&text, area.width).min(3));
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(warning_rows),
        Constraint::Length(status_rows),
        Constraint::Length(help_bar::height(
            &app.ctx.keymap,
            &app.key_focus(),
            area.width,
        )),
    ])
    .areas(area)
}

fn warning_text(warning: &str, app: &App) -> String {
    let more = app.ctx.warnings.len() - 1;
    let more = if more > 0 {
        format!(" ({more} more)")
    } else {
        String::new()
    };
    format!(" ⚠ {warning}{more} — F4 to dismiss")
}

/// Rows `text` takes when wrapped at `width` columns.
fn wrapped_rows(text: &str, width: u16) -> u16 {
    u16::try_from(wrap(text, usize::from(width)).len().max(1)).unwrap_or(u16::MAX)
}

/// Text wrapped at the area's width, in one style.
fn wrapped(text: &str, area: Rect, style: Style) -> Paragraph<'static> {
    Paragraph::new(
        wrap(text, usize::from(area.width))
            .into_iter()
            .map(|row| Line::styled(row, style))
            .collect::<Vec<_>>(),
    )
}

/// The oldest warning not yet dismissed: it stays until read, whatever else is said.
fn draw_warning(frame: &mut Frame, area: Rect, app: &App) {
    if let Some(w) = app.ctx.warnings.first() {
        frame.render_widget(
            wrapped(&warning_text(w, app), area, app.ctx.theme.warning),
            area,
        );
    }
}

fn draw_header(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.ctx.theme;
    let where_ = match &app.screen {
        Screen::SeriesList(_) => "Series".to_string(),
        Screen::NewSeries(_) => "New series".to_string(),
        Screen::Setup(_) => "Session setup".to_string(),
        Screen::Live(live) if live.read_only => format!("Following · {}", live.topic_title),
        Screen::Live(live) => format!("Live · {}", live.topic_title),
        Screen::Closing(_) => "Closing".to_string(),
        Screen::Prioritise(_) => "Joint prioritisation".to_string(),
        Screen::Summary(s) => format!("Summary · {}", s.rollup.series.service),
        Screen::Ballot(b) => format!("Your ballot · {}", b.service),
        Screen::Waiting(_) => "Following · waiting for the next session".to_string(),
        Screen::Loading(_) => "Reading".to_string(),
    };
    let service = app
        .ctx
        .open_series()
        .map(|l| l.series.service.clone())
        .or_else(|| app.follow.as_ref().and_then(|f| f.service.clone()));
    const BADGE: &str = " roast ";
    let room = usize::from(area.width).saturating_sub(BADGE.len());
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(BADGE, theme.selected),
            Span::styled(header_title(&where_, service.as_deref(), room), theme.title),
        ])),
        area,
    );
}

/// The header's title within `room` columns. The service's name is what someone typed,
/// so on a narrow terminal the screen's kind ("Live · ") goes first, then what follows
/// the name; only a name wider than the whole row is left for the edge to cut.
fn header_title(where_: &str, service: Option<&str>, room: usize) -> String {
    let with = |place: &str| match service {
        Some(name) if place.is_empty() => format!(" {name}"),
        Some(name) => format!(" {place} · {name}"),
        None => format!(" {place}"),
    };
    let detail = where_.split_once(" · ").map_or("", |(_, detail)| detail);
    // Without a service, a title with no place says nothing: the full one, cut, instead.
    let last = if service.is_some() { "" } else { where_ };
    [where_, detail, last]
        .into_iter()
        .filter(|place| service.is_some() || !place.is_empty())
        .map(with)
        .find(|title| unicode_width::UnicodeWidthStr::width(title.as_str()) <= room)
        .unwrap_or_else(|| with(last))
}

/// The last message, or the saver's trouble, which outranks it: the scribe must know
/// when notes are not reaching the disk.
fn status_line(app: &App) -> Option<(String, Style)> {
    let theme = &app.ctx.theme;
    if let Some((path, error)) = app.ctx.saver.status().failing {
        return Some((
            format!(
                " ⚠ cannot save {}: {error}. Notes are kept in memory and retried every second.",
                path.display()
            ),
            theme.error,
        ));
    }
    let Some(status) = app.ctx.status.as_ref() else {
        // Following: whether the scribe's saves can be read, all the time.
        return app.follow.as_ref().map(|f| match &f.problem {
            Some(e) => (format!(" waiting for a readable copy: {e}"), theme.warning),
            None => (
                " read-only: follows the scribe's saves".to_string(),
                theme.dim,
            ),
        });
    };
    let style = match status.kind {
        StatusKind::Info => theme.ok,
        StatusKind::Error => theme.warning,
    };
    Some((format!(" {}", status.text), style))
}

fn draw_status(frame: &mut Frame, area: Rect, app: &App) {
    if let Some((text, style)) = status_line(app) {
        frame.render_widget(wrapped(&text, area, style), area);
    }
}

#[cfg(test)]
mod tests {
    use super::header_title;

    #[test]
    fn a_narrow_header_drops_the_screens_kind_before_any_of_the_services_name() {
        let full = header_title("Live · Service overview", Some("Job Queue"), 80);
        assert_eq!(full, " Live · Service overview · Job Queue");
        let narrow = header_title("Live · Service overview", Some("Job Queue"), 33);
        assert_eq!(narrow, " Service overview · Job Queue");
        let narrower = header_title("Live · Service overview", Some("Job Queue"), 12);
        assert_eq!(narrower, " Job Queue");
        assert_eq!(header_title("Series", None, 5), " Series");
    }
}
