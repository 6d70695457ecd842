//! Every colour and emphasis the app uses, in one place. Panes ask the theme for a role
//! ("the timer when amber", "a heading"), never for a colour.

use ratatui::style::{Color, Modifier, Style};

use crate::model::NoteKind;
use crate::timer::Phase;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub name: &'static str,
    pub base: Style,
    pub dim: Style,
    pub heading: Style,
    pub title: Style,
    pub border: Style,
    pub focus_border: Style,
    pub selected: Style,
    pub key: Style,
    pub error: Style,
    pub warning: Style,
    pub ok: Style,
    pub timer_ready: Style,
    pub timer_on_track: Style,
    pub timer_amber: Style,
    pub timer_overtime: Style,
    pub kind_learning: Style,
    pub kind_opportunity: Style,
    pub kind_offshoot: Style,
    pub kind_question: Style,
    pub kind_note: Style,
}

impl Theme {
    /// High contrast on a dark background, using only the 16 ANSI colours so it survives a
    /// washed-out projector and a basic terminal alike.
    pub fn dark() -> Self {
        let bold = Modifier::BOLD;
        Theme {
            name: "dark",
            base: Style::new().fg(Color::White),
            dim: Style::new().fg(Color::Gray),
            heading: Style::new().fg(Color::LightCyan).add_modifier(bold),
            title: Style::new().fg(Color::White).add_modifier(bold),
            border: Style::new().fg(Color::Gray),
            focus_border: Style::new().fg(Color::LightCyan).add_modifier(bold),
            selected: Style::new().fg(Color::Black).bg(Color::LightCyan),
            key: Style::new().fg(Color::Black).bg(Color::Gray),
            error: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(bold),
            warning: Style::new().fg(Color::LightYellow).add_modifier(bold),
            ok: Style::new().fg(Color::LightGreen),
            timer_ready: Style::new().fg(Color::Gray),
            timer_on_track: Style::new().fg(Color::LightGreen).add_modifier(bold),
            timer_amber: Style::new().fg(Color::Yellow).add_modifier(bold),
            timer_overtime: Style::new().fg(Color::LightRed).add_modifier(bold),
            kind_learning: Style::new().fg(Color::LightBlue).add_modifier(bold),
            kind_opportunity: Style::new().fg(Color::LightGreen).add_modifier(bold),
            kind_offshoot: Style::new().fg(Color::LightMagenta).add_modifier(bold),
            kind_question: Style::new().fg(Color::LightYellow).add_modifier(bold),
            kind_note: Style::new().fg(Color::White).add_modifier(bold),
        }
    }

    pub fn timer(&self, phase: Phase) -> Style {
        match phase {
            Phase::Ready => self.timer_ready,
            Phase::OnTrack => self.timer_on_track,
            Phase::Amber => self.timer_amber,
            Phase::Overtime | Phase::OverAnHour => self.timer_overtime,
        }
    }

    pub fn kind(&self, kind: NoteKind) -> Style {
        match kind {
            NoteKind::Learning => self.kind_learning,
            NoteKind::Opportunity => self.kind_opportunity,
            NoteKind::OffShoot => self.kind_offshoot,
            NoteKind::Question => self.kind_question,
            NoteKind::Note => self.kind_note,
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::dark()
    }
}
