//! `roast follow` with nothing in progress: says which folder it watches and that the next
//! session shows as soon as the scribe starts it. Read-only, like the rest of follow mode.

use std::path::PathBuf;

use crate::tui::display::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::context::Context;
use crate::tui::keymap::KeyContext;

pub struct WaitingState {
    /// The series folder being followed.
    pub folder: PathBuf,
}

impl WaitingState {
    pub fn new(folder: PathBuf) -> Self {
        Self { folder }
    }

    pub fn key_contexts(&self) -> Vec<KeyContext> {
        vec![KeyContext::Follow]
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Context) {
        let text = format!(
            "Nothing in progress in {}. This screen follows the next session as soon as the \
             scribe starts it.",
            self.folder.display()
        );
        frame.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .alignment(Alignment::Center)
                .style(ctx.theme.dim),
            area,
        );
    }
}
