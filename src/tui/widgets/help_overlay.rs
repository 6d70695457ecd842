//! The `?` / F1 overlay: every key of the current screen and the global ones, from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use crate::tui::keymap::{KeyContext, active_contexts, bindings};
use crate::tui::theme::Theme;
use crate::tui::widgets::panel::{centered, panel};

pub fn draw(frame: &mut Frame, area: Rect, focus: KeyContext, theme: &Theme) {
    let mut lines: Vec<Line> = Vec::new();
    for context in active_contexts(focus) {
        lines.push(Line::styled(context.title(), theme.heading));
        for b in bindings().iter().filter(|b| b.context == context) {
            let keys = b
                .chords
                .iter()
                .map(|c| c.label())
                .collect::<Vec<_>>()
                .join(" / ");
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<22}"), theme.title),
                Span::styled(b.help, theme.base),
            ]));
        }
        lines.push(Line::raw(""));
    }
    if focus.takes_text() {
        lines.push(Line::styled(
            "Letters, digits and symbols always go into the text you are typing.",
            theme.dim,
        ));
    }
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let popup = centered(area, 72, height);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(panel(" Keys — F1 or Esc to close ", true, theme)),
        popup,
    );
}
