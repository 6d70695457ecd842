//! The one-line help bar: the keys that work where the focus is, straight from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::keymap::{KeyContext, help_for};
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame, area: Rect, focus: KeyContext, theme: &Theme) {
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0usize;
    for binding in help_for(focus).into_iter().filter(|b| b.in_bar) {
        let key = format!(" {} ", binding.chords[0].label());
        let text = format!(" {}  ", binding.help);
        let width = key.chars().count() + text.chars().count();
        // Drop whole entries rather than cut one in half.
        if used + width > usize::from(area.width) {
            break;
        }
        used += width;
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(text, theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
