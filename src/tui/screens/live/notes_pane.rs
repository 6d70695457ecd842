//! The notes so far, grouped by kind and stamped with the meeting time they were written at.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};

use crate::model::NoteKind;
use crate::timer::clock_face;
use crate::tui::screens::live::{Focus, LiveState, ordered_notes};
use crate::tui::theme::Theme;
use crate::tui::widgets::panel::panel;
use crate::tui::widgets::wrap::{printable, wrap};

pub fn draw(frame: &mut Frame, area: Rect, live: &LiveState, theme: &Theme) {
    let notes = ordered_notes(&live.session);
    let text_width = usize::from(area.width.saturating_sub(2 + 9)).max(8);
    let mut items: Vec<ListItem> = Vec::new();
    let mut note_rows: Vec<usize> = Vec::new();
    let mut last_kind: Option<NoteKind> = None;
    for note in &notes {
        if last_kind != Some(note.kind) {
            let count = notes.iter().filter(|n| n.kind == note.kind).count();
            items.push(ListItem::new(Line::styled(
                format!("{} ({count})", note.kind.plural()),
                theme.kind(note.kind),
            )));
            last_kind = Some(note.kind);
        }
        let mut lines: Vec<Line> = Vec::new();
        for (i, row) in wrap(&printable(&note.text), text_width)
            .into_iter()
            .enumerate()
        {
            let stamp = if i == 0 {
                format!(" {:>6}  ", clock_face(i64::from(note.elapsed_secs)))
            } else {
                " ".repeat(9)
            };
            lines.push(Line::from(vec![
                Span::styled(stamp, theme.dim),
                Span::styled(row, theme.base),
            ]));
        }
        if note.room_only
            && let Some(first) = lines.first_mut()
        {
            first
                .spans
                .push(Span::styled("  [room only]", theme.warning));
        }
        note_rows.push(items.len());
        items.push(ListItem::new(lines));
    }
    if items.is_empty() {
        items.push(ListItem::new(Line::styled(
            "Notes appear here, grouped by kind, as the scribe saves them.",
            theme.dim,
        )));
    }
    let focused = live.focus != Focus::Editor;
    // Keep the selected note in view; while typing, keep the newest note in view.
    let row = if focused {
        note_rows.get(live.selected).copied()
    } else {
        let newest = live.session.notes.iter().map(|n| n.id).max();
        notes
            .iter()
            .position(|n| Some(n.id) == newest)
            .and_then(|i| note_rows.get(i).copied())
    };
    let mut state = ListState::default().with_selected(row);
    let title = match live.focus {
        Focus::ConfirmDelete(_) => " Delete this note? y / n ".to_string(),
        _ => format!(" Notes so far ({}) ", live.session.notes.len()),
    };
    let list = List::new(items).block(panel(title, focused, theme));
    let list = if focused {
        list.highlight_style(theme.selected).highlight_symbol("▶")
    } else {
        list
    };
    frame.render_stateful_widget(list, area, &mut state);
}
