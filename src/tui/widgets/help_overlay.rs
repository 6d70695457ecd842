//! The `?` / F1 overlay: every key of the current screen and the global ones, from the keymap.

use crate::tui::display::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use crate::tui::keymap::{KeyContext, KeyFocus, Keymap};
use crate::tui::theme::Theme;
use crate::tui::widgets::panel::{centered, panel};

/// Every key in force where `focus` is, grouped by context, the most specific first.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    keymap: &Keymap,
    focus: &KeyFocus,
    scroll: u16,
    theme: &Theme,
) {
    let mut lines: Vec<Line> = Vec::new();
    let help = keymap.help_for(focus);
    // The screen's own keys first; the editing keys every text field shares come last.
    let (text, screen): (Vec<&KeyContext>, Vec<&KeyContext>) = focus
        .stack
        .iter()
        .partition(|c| matches!(c, KeyContext::TextLine | KeyContext::TextMulti));
    for context in screen.into_iter().chain(text) {
        let here: Vec<_> = help.iter().filter(|b| b.context == *context).collect();
        if here.is_empty() {
            continue;
        }
        lines.push(Line::styled(context.title(), theme.heading));
        for b in here {
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
    // Longer than the screen: it scrolls (↑ ↓), and the title says so.
    let overflow = height.saturating_sub(popup.height);
    let title = if overflow > 0 {
        " Keys — ↑ ↓ to scroll, F1 or Esc to close "
    } else {
        " Keys — F1 or Esc to close "
    };
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll.min(overflow), 0))
            .block(panel(title, true, theme)),
        popup,
    );
}
