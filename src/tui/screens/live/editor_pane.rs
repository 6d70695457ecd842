//! The scribe's editor, titled with the kind of note being typed. For a question, the
//! phrasing checker's verdict and rewrites sit beside it, live.

use crate::tui::display::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use crate::model::NoteKind;
use crate::tui::screens::live::{Focus, LiveState};
use crate::tui::theme::Theme;
use crate::tui::widgets::panel::panel;
use crate::tui::widgets::text_field::field;
use crate::tui::widgets::verdict;

/// Narrower than this, the verdict moves into the editor's title.
const SIDE_BY_SIDE: u16 = 60;

pub fn draw(frame: &mut Frame, area: Rect, live: &LiveState, theme: &Theme) {
    let checking = live.kind == NoteKind::Question;
    let (editor_area, verdict_area) = if checking && area.width >= SIDE_BY_SIDE {
        let [e, v] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Fill(1)]).areas(area);
        (e, Some(v))
    } else {
        (area, None)
    };
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
    if live.focus == Focus::ConfirmEnd {
        let keep = if live.editor_text().trim().is_empty() {
            ""
        } else {
            " (the text below is saved as a note)"
        };
        title = vec![Span::styled(
            format!(" End the meeting now?{keep} y: end · n: keep going "),
            theme.warning,
        )];
    }
    let flagged = live.verdict.as_ref().is_some_and(|v| v.is_flagged());
    if flagged && verdict_area.is_none() {
        title.push(Span::styled(
            " ✘ judgmental: Alt+1 rewrites ",
            theme.warning,
        ));
    }
    field(
        frame,
        editor_area,
        &live.editor,
        panel(
            Line::from(title),
            matches!(live.focus, Focus::Editor | Focus::ConfirmEnd),
            theme,
        ),
    );
    if let Some(verdict_area) = verdict_area {
        let title = if flagged {
            " Phrasing: try instead "
        } else {
            " Phrasing "
        };
        verdict::draw(
            frame,
            verdict_area,
            live.verdict.as_ref(),
            true,
            panel(title, flagged, theme),
            theme,
        );
    }
}
