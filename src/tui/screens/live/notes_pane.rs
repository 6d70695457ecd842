//! The notes so far, grouped by kind and stamped with the meeting time they were written at.
//!
//! Only the notes that can be on screen are laid out: a long meeting's hundreds of notes
//! must not slow down drawing the keystroke the scribe just typed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};

use crate::model::{Note, NoteKind};
use crate::timer::clock_face;
use crate::tui::screens::live::{Focus, LiveState, ordered_notes};
use crate::tui::theme::Theme;
use crate::tui::widgets::panel::panel;
use crate::tui::widgets::wrap::{printable, wrap};

/// Width of the " 12:34  " stamp column.
const STAMP: usize = 9;

enum Entry<'a> {
    Heading(NoteKind, usize),
    Note(&'a Note),
}

/// Headings and notes in display order, and the index of each note's entry.
fn entries<'a>(notes: &[&'a Note]) -> (Vec<Entry<'a>>, Vec<usize>) {
    let mut counts = [0usize; NoteKind::ALL.len()];
    for note in notes {
        counts[kind_index(note.kind)] += 1;
    }
    let mut entries = Vec::with_capacity(notes.len() + NoteKind::ALL.len());
    let mut note_entries = Vec::with_capacity(notes.len());
    let mut last_kind = None;
    for note in notes {
        if last_kind != Some(note.kind) {
            entries.push(Entry::Heading(note.kind, counts[kind_index(note.kind)]));
            last_kind = Some(note.kind);
        }
        note_entries.push(entries.len());
        entries.push(Entry::Note(note));
    }
    (entries, note_entries)
}

fn kind_index(kind: NoteKind) -> usize {
    NoteKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

fn item<'a>(entry: &Entry, width: usize, theme: &Theme) -> ListItem<'a> {
    match entry {
        Entry::Heading(kind, count) => ListItem::new(Line::styled(
            format!("{} ({count})", kind.plural()),
            theme.kind(*kind),
        )),
        Entry::Note(note) => {
            let mut lines: Vec<Line> = wrap(&printable(&note.text), width)
                .into_iter()
                .enumerate()
                .map(|(i, row)| {
                    let stamp = if i == 0 {
                        format!(" {:>6}  ", clock_face(i64::from(note.elapsed_secs)))
                    } else {
                        " ".repeat(STAMP)
                    };
                    Line::from(vec![
                        Span::styled(stamp, theme.dim),
                        Span::styled(row, theme.base),
                    ])
                })
                .collect();
            if note.room_only
                && let Some(first) = lines.first_mut()
            {
                first
                    .spans
                    .push(Span::styled("  [room only]", theme.warning));
            }
            ListItem::new(lines)
        }
    }
}

/// The entries around `target` that fill `rows`: as many before it as fit with it at the
/// bottom, then whatever follows it. Returns the first index and the laid-out items.
fn window<'a>(
    entries: &[Entry],
    target: usize,
    rows: usize,
    width: usize,
    theme: &Theme,
) -> (usize, Vec<ListItem<'a>>) {
    let mut before: Vec<ListItem> = Vec::new();
    let mut used = 0;
    let mut first = target + 1;
    while first > 0 && used < rows {
        let candidate = item(&entries[first - 1], width, theme);
        if used + candidate.height() > rows && !before.is_empty() {
            break;
        }
        used += candidate.height();
        before.push(candidate);
        first -= 1;
    }
    before.reverse();
    let mut next = target + 1;
    while next < entries.len() && used < rows {
        let candidate = item(&entries[next], width, theme);
        used += candidate.height();
        before.push(candidate);
        next += 1;
    }
    (first, before)
}

pub fn draw(frame: &mut Frame, area: Rect, live: &LiveState, theme: &Theme) {
    let notes = ordered_notes(&live.session);
    let (entries, note_entries) = entries(&notes);
    let focused = live.focus != Focus::Editor;
    let title = match live.focus {
        Focus::ConfirmDelete(_) => " Delete this note? y / n ".to_string(),
        _ => format!(" Notes so far ({}) ", live.session.notes.len()),
    };
    let block = panel(title, focused, theme);
    let inner = block.inner(area);
    if inner.height == 0 || inner.width == 0 {
        frame.render_widget(block, area);
        return;
    }
    if entries.is_empty() {
        let hint = ListItem::new(Line::styled(
            "Notes appear here, grouped by kind, as the scribe saves them.",
            theme.dim,
        ));
        frame.render_widget(List::new([hint]).block(block), area);
        return;
    }
    // Keep the selected note in view; while typing, keep the newest note in view.
    let target_note = if focused {
        live.selected.min(notes.len() - 1)
    } else {
        let newest = live.session.notes.iter().map(|n| n.id).max();
        notes.iter().position(|n| Some(n.id) == newest).unwrap_or(0)
    };
    let target = note_entries[target_note];
    let width = usize::from(inner.width).saturating_sub(STAMP + 1).max(8);
    let (first, items) = window(&entries, target, usize::from(inner.height), width, theme);
    let mut state = ListState::default().with_selected(Some(target - first));
    let list = List::new(items).block(block);
    let list = if focused {
        list.highlight_style(theme.selected).highlight_symbol("▶")
    } else {
        list
    };
    frame.render_stateful_widget(list, area, &mut state);
}
