//! The topic and its prompt questions, for the room to read.

use crate::tui::display::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::tui::screens::live::LiveState;
use crate::tui::theme::Theme;
use crate::tui::widgets::memo::Memo;
use crate::tui::widgets::panel::panel;

/// Everything the pane is drawn from: it stays the same for a whole session, so it is
/// wrapped and drawn once and copied on every keystroke after (see [`Memo`]).
#[derive(PartialEq)]
pub struct Drawn {
    title: String,
    prompts: Vec<String>,
    theme: Theme,
}

/// The pane as last drawn.
pub type DrawnTopic = Memo<Drawn>;

pub fn draw(frame: &mut Frame, area: Rect, live: &LiveState, theme: &Theme) {
    let drawn = Drawn {
        title: live.topic_title.clone(),
        prompts: live.prompts.clone(),
        theme: theme.clone(),
    };
    live.drawn_topic
        .draw(frame, area, drawn, |buf| render(buf, area, live, theme));
}

fn render(buf: &mut ratatui::buffer::Buffer, area: Rect, live: &LiveState, theme: &Theme) {
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
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(panel(format!(" {} ", live.topic_title), false, theme))
        .render(area, buf);
}
