//! Every colour and emphasis the app uses, in one place. Panes ask the theme for a role
//! ("the timer when amber", "a heading"), never for a colour.

use ratatui::style::{Color, Modifier, Style};

use crate::model::NoteKind;
use crate::settings::ThemeName;
use crate::timer::Phase;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
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
    /// The theme by name; with `no_color` (the `NO_COLOR` convention) colours are dropped
    /// and emphasis alone (bold, reverse, underline) carries the meaning.
    pub fn named(name: ThemeName, no_color: bool) -> Self {
        let theme = match name {
            ThemeName::Projector => Theme::projector(),
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
        };
        if no_color {
            theme.without_colour()
        } else {
            theme
        }
    }

    /// For the wall: bright, bold colours on black, using only the 16 ANSI colours so it
    /// survives a washed-out projector and a basic terminal alike.
    pub fn projector() -> Self {
        let bold = Modifier::BOLD;
        let on_black = Style::new().bg(Color::Black);
        Theme {
            name: ThemeName::Projector,
            base: on_black.fg(Color::White),
            dim: on_black.fg(Color::Gray),
            heading: on_black.fg(Color::LightYellow).add_modifier(bold),
            title: on_black.fg(Color::White).add_modifier(bold),
            border: on_black.fg(Color::Gray),
            focus_border: on_black.fg(Color::LightYellow).add_modifier(bold),
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(bold),
            key: Style::new()
                .fg(Color::Black)
                .bg(Color::White)
                .add_modifier(bold),
            error: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(bold),
            warning: on_black.fg(Color::LightYellow).add_modifier(bold),
            ok: on_black.fg(Color::LightGreen).add_modifier(bold),
            timer_ready: on_black.fg(Color::White).add_modifier(bold),
            timer_on_track: on_black.fg(Color::LightGreen).add_modifier(bold),
            timer_amber: on_black.fg(Color::LightYellow).add_modifier(bold),
            timer_overtime: on_black.fg(Color::LightRed).add_modifier(bold),
            kind_learning: on_black.fg(Color::LightCyan).add_modifier(bold),
            kind_opportunity: on_black.fg(Color::LightGreen).add_modifier(bold),
            kind_offshoot: on_black.fg(Color::LightMagenta).add_modifier(bold),
            kind_question: on_black.fg(Color::LightYellow).add_modifier(bold),
            kind_note: on_black.fg(Color::White).add_modifier(bold),
        }
    }

    /// The terminal's own background, softer colours: for the scribe's laptop.
    pub fn dark() -> Self {
        let bold = Modifier::BOLD;
        Theme {
            name: ThemeName::Dark,
            base: Style::new(),
            dim: Style::new().fg(Color::Gray),
            heading: Style::new().fg(Color::LightCyan).add_modifier(bold),
            title: Style::new().add_modifier(bold),
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
            kind_note: Style::new().add_modifier(bold),
        }
    }

    /// Dark text on white, for bright rooms. Yellow text is unreadable on white, so amber
    /// is black on a yellow background instead.
    pub fn light() -> Self {
        let bold = Modifier::BOLD;
        let on_white = Style::new().bg(Color::White);
        Theme {
            name: ThemeName::Light,
            base: on_white.fg(Color::Black),
            dim: on_white.fg(Color::DarkGray),
            heading: on_white.fg(Color::Blue).add_modifier(bold),
            title: on_white.fg(Color::Black).add_modifier(bold),
            border: on_white.fg(Color::DarkGray),
            focus_border: on_white.fg(Color::Blue).add_modifier(bold),
            selected: Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(bold),
            key: Style::new().fg(Color::White).bg(Color::Black),
            error: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(bold),
            warning: on_white.fg(Color::Red).add_modifier(bold),
            ok: on_white.fg(Color::Green).add_modifier(bold),
            timer_ready: on_white.fg(Color::DarkGray).add_modifier(bold),
            timer_on_track: on_white.fg(Color::Green).add_modifier(bold),
            timer_amber: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(bold),
            timer_overtime: on_white.fg(Color::Red).add_modifier(bold),
            kind_learning: on_white.fg(Color::Blue).add_modifier(bold),
            kind_opportunity: on_white.fg(Color::Green).add_modifier(bold),
            kind_offshoot: on_white.fg(Color::Magenta).add_modifier(bold),
            kind_question: on_white.fg(Color::Red).add_modifier(bold),
            kind_note: on_white.fg(Color::Black).add_modifier(bold),
        }
    }

    /// The same theme in emphasis only. The timer stays distinguishable: amber underlined,
    /// overtime reversed.
    fn without_colour(self) -> Self {
        let plain = |s: Style| Style {
            fg: None,
            bg: None,
            underline_color: None,
            ..s
        };
        let reversed = |s: Style| plain(s).add_modifier(Modifier::REVERSED);
        Theme {
            name: self.name,
            base: plain(self.base),
            dim: plain(self.dim),
            heading: plain(self.heading),
            title: plain(self.title),
            border: plain(self.border),
            focus_border: plain(self.focus_border),
            selected: reversed(self.selected),
            key: reversed(self.key),
            error: reversed(self.error),
            warning: plain(self.warning),
            ok: plain(self.ok),
            timer_ready: plain(self.timer_ready),
            timer_on_track: plain(self.timer_on_track),
            timer_amber: plain(self.timer_amber).add_modifier(Modifier::UNDERLINED),
            timer_overtime: reversed(self.timer_overtime),
            kind_learning: plain(self.kind_learning),
            kind_opportunity: plain(self.kind_opportunity),
            kind_offshoot: plain(self.kind_offshoot),
            kind_question: plain(self.kind_question),
            kind_note: plain(self.kind_note),
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
        Theme::projector()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_strips_every_colour_but_keeps_the_timer_states_apart() {
        for &name in ThemeName::ALL {
            let t = Theme::named(name, true);
            for style in [
                t.base,
                t.heading,
                t.selected,
                t.timer_amber,
                t.timer_overtime,
                t.error,
            ] {
                assert_eq!((style.fg, style.bg), (None, None), "{name:?}");
            }
            assert_ne!(t.timer_on_track, t.timer_amber);
            assert_ne!(t.timer_amber, t.timer_overtime);
        }
    }

    #[test]
    fn only_the_sixteen_ansi_colours_are_used() {
        for &name in ThemeName::ALL {
            let t = Theme::named(name, false);
            for style in [
                t.base,
                t.dim,
                t.heading,
                t.selected,
                t.key,
                t.timer_amber,
                t.kind_offshoot,
            ] {
                for c in [style.fg, style.bg].into_iter().flatten() {
                    assert!(
                        !matches!(c, Color::Rgb(..) | Color::Indexed(_)),
                        "{name:?} uses {c:?}"
                    );
                }
            }
        }
    }
}
