//! The moderator's "check a question" box: type a question the room is about to ask and
//! show everyone the verdict and better questions, big, on the projector.

use crate::tui::display::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Clear;
use ratatui_textarea::TextArea;

use crate::phrasing::Verdict;
use crate::tui::theme::Theme;
use crate::tui::widgets::panel::{centered, panel};
use crate::tui::widgets::text_field::field;
use crate::tui::widgets::verdict;

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    question: &TextArea,
    result: Option<&Verdict>,
    theme: &Theme,
) {
    let popup = centered(area, area.width.saturating_sub(8).max(40), 14);
    frame.render_widget(Clear, popup);
    let [input, verdict_area] =
        Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(popup);
    field(
        frame,
        input,
        question,
        panel(" Check a question — type it; Esc closes ", true, theme),
    );
    verdict::draw(
        frame,
        verdict_area,
        result,
        false,
        panel(" How it lands ", false, theme),
        theme,
    );
}
