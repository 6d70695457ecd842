//! The scribe's editor, titled with the kind of note being typed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::screens::live::{Focus, LiveState};
use crate::tui::theme::Theme;
use crate::tui::widgets::panel::panel;
use crate::tui::widgets::text_field::field;

pub fn draw(frame: &mut Frame, area: Rect, live: &LiveState, theme: &Theme) {
    let mut title = vec![
        Span::raw(" "),
        Span::styled(
            match live.editing {
                Some(id) => format!("Editing note {id}: "),
                None => "New ".to_string(),
            },
            theme.heading,
        ),
        Span::styled(format!("{} ", live.kind.label()), theme.kind(live.kind)),
        Span::styled("(Tab) ", theme.dim),
    ];
    if live.room_only {
        title.push(Span::styled(" ROOM-ONLY ", theme.error));
        title.push(Span::raw(" "));
    }
    field(
        frame,
        area,
        &live.editor,
        panel(Line::from(title), live.focus == Focus::Editor, theme),
    );
}
