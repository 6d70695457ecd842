//! The topic and its prompt questions, for the room to read.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::screens::live::LiveState;
use crate::tui::theme::Theme;
use crate::tui::widgets::panel::panel;

pub fn draw(frame: &mut Frame, area: Rect, live: &LiveState, theme: &Theme) {
    let lines: Vec<Line> = if live.prompts.is_empty() {
        vec![Line::styled(
            "An off-shoot from an earlier session: ask how it works today.",
            theme.dim,
        )]
    } else {
        live.prompts
            .iter()
            .map(|p| Line::styled(format!("• {p}"), theme.base))
            .collect()
    };
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(panel(
            format!(" {} ", live.topic_title),
            false,
            theme,
        )),
        area,
    );
}
