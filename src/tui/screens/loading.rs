//! While the next screen's files are read off the UI thread: says what is being read.
//! The keys that work anywhere (help, quit) still do; the screen takes no other request,
//! so a second one cannot be asked while the first is on its way.

use crate::tui::display::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::widgets::{Paragraph, Wrap};

use crate::storage::SeriesFolder;
use crate::tui::context::Context;
use crate::tui::loads::LoadTicket;
use crate::tui::screens::Screen;

/// What the app builds once the read is back.
pub enum Plan {
    /// The series list, on the row of this series id; then the sync of this folder
    /// (after a closing), which must start only once its lock is released.
    List {
        select: Option<String>,
        sync: Option<SeriesFolder>,
    },
    /// The series' session in progress, or session setup.
    Session,
    /// Joint prioritisation.
    Prioritise,
    /// The series summary.
    Summary,
    /// One voter's ballot, read again, on the row they were on.
    Ballot { voter: String, selected: usize },
}

pub struct LoadingState {
    /// "Opening Payments API…": what the user waits for.
    pub label: String,
    pub ticket: LoadTicket,
    pub plan: Plan,
    /// The screen to go back to if the read fails (the list the series was picked on).
    pub back: Option<Box<Screen>>,
}

impl LoadingState {
    pub fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Context) {
        let [_, middle, _] = ratatui::layout::Layout::vertical([
            ratatui::layout::Constraint::Fill(1),
            ratatui::layout::Constraint::Length(2),
            ratatui::layout::Constraint::Fill(1),
        ])
        .areas(area);
        frame.render_widget(
            Paragraph::new(self.label.as_str())
                .wrap(Wrap { trim: true })
                .alignment(Alignment::Center)
                .style(ctx.theme.dim),
            middle,
        );
    }
}
