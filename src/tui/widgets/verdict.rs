//! The phrasing checker's verdict on a question: what is judgmental about it, and better
//! questions aimed at the system, numbered for the keys that take them.

use crate::tui::display::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::phrasing::Verdict;
use crate::tui::theme::Theme;

/// `keys`: show the Alt+N keys that put a rewrite into the editor.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    verdict: Option<&Verdict>,
    keys: bool,
    block: Block,
    theme: &Theme,
) {
    let lines = match verdict {
        None => vec![Line::styled(
            "Questions are checked as they are typed.",
            theme.dim,
        )],
        Some(v) if !v.is_flagged() => vec![Line::styled(
            "✔ Asks about the system, not the people.",
            theme.ok,
        )],
        Some(v) => {
            let mut lines: Vec<Line> = v
                .findings
                .iter()
                .take(1)
                .map(|f| Line::styled(format!("✘ {}", f.message), theme.warning))
                .collect();
            for (i, suggestion) in v.suggestions.iter().enumerate() {
                let key = if keys {
                    format!(" Alt+{} ", i + 1)
                } else {
                    format!(" {} ", i + 1)
                };
                lines.push(Line::from(vec![
                    Span::styled(key, theme.key),
                    Span::styled(format!(" {suggestion}"), theme.title),
                ]));
            }
            lines
        }
    };
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
        area,
    );
}
