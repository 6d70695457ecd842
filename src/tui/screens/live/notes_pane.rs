//! The notes so far, grouped by kind and stamped with the meeting time they were written at.
//!
//! Only the notes that can be on screen are laid out, and each is wrapped once per change
//! of its text or of the pane's width, not once per frame: a long meeting's hundreds of
//! notes must not slow down drawing the keystroke the scribe just typed.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::tui::display::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, StatefulWidget, Widget};

use crate::model::{Note, NoteKind};
use crate::safe_text::terminal_safe;
use crate::timer::clock_face;
use crate::tui::screens::live::{Focus, LiveState, ordered_notes};
use crate::tui::theme::Theme;
use crate::tui::widgets::memo::Memo;
use crate::tui::widgets::panel::panel;
use crate::tui::widgets::wrap::wrap;

/// Width of the " 12:34  " stamp column.
const STAMP: usize = 9;

/// Each note's rows as last wrapped, by note id, with the text and width they were made
/// from. A lookup compares the note's text (a few hundred bytes) instead of wrapping it
/// again (grapheme by grapheme, every frame): any edit, however it was made, misses.
/// It is a memo of a pure function, so drawing through it shows exactly what wrapping
/// afresh would; nothing else reads it.
#[derive(Default)]
pub struct WrapCache(RefCell<HashMap<u32, Wrapped>>);

struct Wrapped {
    text: String,
    width: usize,
    rows: Vec<String>,
}

/// The cache, borrowed for one frame.
struct Wraps<'c>(std::cell::RefMut<'c, HashMap<u32, Wrapped>>);

impl WrapCache {
    fn borrow(&self, notes: usize) -> Wraps<'_> {
        let mut map = self.0.borrow_mut();
        // Deleted notes leave entries behind; start afresh rather than let them pile up.
        if map.len() > 2 * notes + 64 {
            map.clear();
        }
        Wraps(map)
    }
}

impl Wraps<'_> {
    /// Makes sure the note's rows at `width` are in the cache.
    fn ensure(&mut self, note: &Note, width: usize) {
        let fresh = self
            .0
            .get(&note.id)
            .is_some_and(|w| w.width == width && w.text == note.text);
        if !fresh {
            self.0.insert(
                note.id,
                Wrapped {
                    text: note.text.clone(),
                    width,
                    rows: wrap(&terminal_safe(&note.text), width),
                },
            );
        }
    }

    /// The note's rows; [`Wraps::ensure`] must have been called for it at this width.
    fn rows(&self, note: &Note) -> &[String] {
        self.0.get(&note.id).map_or(&[], |w| w.rows.as_slice())
    }

    /// The rows of an entry laid out by [`Wraps::height`] already.
    fn rows_of(&self, entry: &Entry) -> usize {
        match entry {
            Entry::Heading(..) => 1,
            Entry::Note(note) => self.rows(note).len(),
        }
    }

    fn height(&mut self, entry: &Entry, width: usize) -> usize {
        match entry {
            Entry::Heading(..) => 1,
            Entry::Note(note) => {
                self.ensure(note, width);
                self.rows(note).len()
            }
        }
    }
}

enum Entry<'a> {
    Heading(NoteKind, usize),
    Note(&'a Note),
}

/// Everything the pane's cells are drawn from, for [`Memo`]: typing a note changes none
/// of it, so the notes above the editor are copied instead of laid out again.
#[derive(PartialEq)]
pub struct Drawn {
    title: String,
    focused: bool,
    theme: Theme,
    empty: bool,
    /// The entries on screen, and which of them is selected.
    shown: Vec<Shown>,
    selected: usize,
}

/// An entry on screen, as drawn.
#[derive(PartialEq)]
enum Shown {
    Heading(NoteKind, usize),
    Note {
        id: u32,
        kind: NoteKind,
        elapsed_secs: u32,
        text: String,
        rephrased: bool,
        flagged: bool,
        room_only: bool,
    },
}

impl Shown {
    fn of(entry: &Entry) -> Shown {
        match entry {
            Entry::Heading(kind, count) => Shown::Heading(*kind, *count),
            Entry::Note(n) => Shown::Note {
                id: n.id,
                kind: n.kind,
                elapsed_secs: n.elapsed_secs,
                text: n.text.clone(),
                rephrased: n.rephrased,
                flagged: n.flagged,
                room_only: n.room_only,
            },
        }
    }
}

/// The pane as last drawn (see [`Memo`]).
pub type DrawnNotes = Memo<Drawn>;

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

fn item<'a>(entry: &Entry, wraps: &'a Wraps, theme: &Theme) -> ListItem<'a> {
    ListItem::new(item_lines(entry, wraps, theme))
}

fn item_lines<'a>(entry: &Entry, wraps: &'a Wraps, theme: &Theme) -> Vec<Line<'a>> {
    match entry {
        Entry::Heading(kind, count) => vec![Line::styled(
            format!("{} ({count})", kind.plural()),
            theme.kind(*kind),
        )],
        Entry::Note(note) => {
            let mut lines: Vec<Line> = wraps
                .rows(note)
                .iter()
                .enumerate()
                .map(|(i, row)| {
                    let stamp = if i == 0 {
                        format!(" {:>6}  ", clock_face(i64::from(note.elapsed_secs)))
                    } else {
                        " ".repeat(STAMP)
                    };
                    Line::from(vec![
                        Span::styled(stamp, theme.dim),
                        Span::styled(row.as_str(), theme.base),
                    ])
                })
                .collect();
            if let Some(first) = lines.first_mut() {
                // The checker's marks: a coaching signal for the moderator, not a score.
                if note.rephrased {
                    first.spans.push(Span::styled("  ✔ rephrased", theme.ok));
                } else if note.flagged {
                    first
                        .spans
                        .push(Span::styled("  ✘ why-question", theme.warning));
                }
                if note.room_only {
                    first
                        .spans
                        .push(Span::styled("  [room only]", theme.warning));
                }
            }
            lines
        }
    }
}

/// The range of entries around `target` that fills `rows`: as many before it as fit with
/// it at the bottom, then whatever follows it. Only these are ever laid out.
fn window(
    entries: &[Entry],
    wraps: &mut Wraps,
    target: usize,
    rows: usize,
    width: usize,
) -> std::ops::Range<usize> {
    let mut used = 0;
    let mut first = target + 1;
    while first > 0 && used < rows {
        let h = wraps.height(&entries[first - 1], width);
        if used + h > rows && first <= target {
            break;
        }
        used += h;
        first -= 1;
    }
    let mut end = target + 1;
    while end < entries.len() && used < rows {
        used += wraps.height(&entries[end], width);
        end += 1;
    }
    first..end
}

/// What the pane shows: the entries, each note's entry index, the entry to keep in view,
/// the text width and the window of entries on screen.
struct View<'a> {
    entries: Vec<Entry<'a>>,
    note_entries: Vec<usize>,
    target: usize,
    width: usize,
    window: std::ops::Range<usize>,
}

fn view<'a>(live: &'a LiveState, wraps: &mut Wraps, inner: Rect) -> Option<View<'a>> {
    let notes = ordered_notes(&live.session);
    let (entries, note_entries) = entries(&notes);
    if entries.is_empty() || inner.height == 0 || inner.width == 0 {
        return None;
    }
    // Keep the selected note in view; while typing, the newest note (or as far back as
    // the mouse wheel went).
    let target_note = if matches!(live.focus, Focus::Editor | Focus::ConfirmEnd) {
        let newest = live.session.notes.iter().map(|n| n.id).max();
        let newest_at = notes.iter().position(|n| Some(n.id) == newest).unwrap_or(0);
        newest_at.saturating_sub(live.scroll_back)
    } else {
        live.selected.min(notes.len() - 1)
    };
    let target = note_entries[target_note];
    let width = usize::from(inner.width).saturating_sub(STAMP + 1).max(8);
    let window = window(&entries, wraps, target, usize::from(inner.height), width);
    Some(View {
        entries,
        note_entries,
        target,
        width,
        window,
    })
}

/// The note (index in display order) drawn at screen row `y`, if any.
pub fn note_at(live: &LiveState, area: Rect, y: u16) -> Option<usize> {
    let inner = Block::bordered().inner(area);
    let mut wraps = live.wrapped.borrow(live.session.notes.len());
    let v = view(live, &mut wraps, inner)?;
    let mut top = inner.y;
    for i in v.window.clone() {
        let h = u16::try_from(wraps.height(&v.entries[i], v.width)).unwrap_or(u16::MAX);
        if (top..top.saturating_add(h)).contains(&y) {
            return v.note_entries.iter().position(|e| *e == i);
        }
        top = top.saturating_add(h);
    }
    None
}

pub fn draw(frame: &mut Frame, area: Rect, live: &LiveState, theme: &Theme) {
    let focused = !matches!(live.focus, Focus::Editor | Focus::ConfirmEnd);
    let title = match live.focus {
        Focus::ConfirmDelete(_) => " Delete this note? y / n ".to_string(),
        _ => format!(" Notes so far ({}) ", live.session.notes.len()),
    };
    let block = panel(title.clone(), focused, theme);
    let inner = block.inner(area);
    let mut wraps = live.wrapped.borrow(live.session.notes.len());
    let v = view(live, &mut wraps, inner);
    let drawn = Drawn {
        title,
        focused,
        theme: theme.clone(),
        empty: live.session.notes.is_empty(),
        shown: v.as_ref().map_or_else(Vec::new, |v| {
            v.window.clone().map(|i| Shown::of(&v.entries[i])).collect()
        }),
        selected: v.as_ref().map_or(0, |v| v.target - v.window.start),
    };
    live.drawn_notes.draw(frame, area, drawn, |buf| match v {
        Some(v) => draw_entries(buf, area, &v, &wraps, block, focused, theme),
        None => draw_empty(buf, area, live, block, theme),
    });
}

fn draw_empty(buf: &mut Buffer, area: Rect, live: &LiveState, block: Block, theme: &Theme) {
    let hint = if live.session.notes.is_empty() {
        "Notes appear here, grouped by kind, as the scribe saves them."
    } else {
        ""
    };
    Widget::render(
        List::new([ListItem::new(Line::styled(hint, theme.dim))]).block(block),
        area,
        buf,
    );
}

fn draw_entries(
    buf: &mut Buffer,
    area: Rect,
    v: &View,
    wraps: &Wraps,
    block: Block,
    focused: bool,
    theme: &Theme,
) {
    let inner = block.inner(area);
    if wraps.rows_of(&v.entries[v.target]) > usize::from(inner.height) {
        // A note taller than the pane: a list would draw nothing at all, so show its
        // beginning; Enter on it opens the whole text in the editor.
        let lines = item_lines(&v.entries[v.target], wraps, theme);
        let style = if focused { theme.selected } else { theme.base };
        Widget::render(Paragraph::new(lines).style(style).block(block), area, buf);
        return;
    }
    let items: Vec<ListItem> = v
        .window
        .clone()
        .map(|i| item(&v.entries[i], wraps, theme))
        .collect();
    let mut state = ListState::default().with_selected(Some(v.target - v.window.start));
    let list = List::new(items).block(block);
    let list = if focused {
        list.highlight_style(theme.selected).highlight_symbol("▶")
    } else {
        list
    };
    StatefulWidget::render(list, area, buf, &mut state);
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;
    use crate::model::{Session, TopicRef};

    fn screen(live: &LiveState, width: u16) -> String {
        screen_sized(live, width, 12)
    }

    fn screen_sized(live: &LiveState, width: u16, height: u16) -> String {
        let terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        let mut t = crate::tui::display::Display::new(terminal).unwrap();
        t.draw(|f| draw(f, f.area(), live, &Theme::default()))
            .unwrap();
        let buffer = t.backend().buffer();
        (0..buffer.area.height)
            .map(|y| {
                (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn live_with(texts: &[&str]) -> LiveState {
        let mut s = Session::new(
            "20261122-100000-overview".into(),
            TopicRef::Agenda("overview".into()),
            time::OffsetDateTime::UNIX_EPOCH,
            45,
            Vec::new(),
        );
        for t in texts {
            s.add_note(NoteKind::Note, (*t).into(), false, 0);
        }
        LiveState::new(None, s, 0)
    }

    #[test]
    fn a_note_taller_than_the_pane_still_shows_its_beginning() {
        let long = "the ledger replays every event from the start of the day when a node restarts, which takes most of an hour";
        let live = live_with(&["short one", long]);
        // Two rows inside the border, as on a 40x12 terminal; the newest note needs more.
        let shown = screen_sized(&live, 40, 4);
        assert!(shown.contains("the ledger"), "{shown}");
    }

    #[test]
    fn a_note_edited_in_place_is_drawn_with_its_new_text() {
        let mut live = live_with(&["The ledger retries twice", "Backups run nightly"]);
        assert!(screen(&live, 60).contains("retries twice"));
        // Same id, same length: only a comparison of the text itself notices.
        live.session.note_mut(1).unwrap().text = "The ledger retries twelve".into();
        let after = screen(&live, 60);
        assert!(after.contains("retries twelve"), "{after}");
        assert!(!after.contains("retries twice"), "{after}");
    }

    #[test]
    fn notes_are_wrapped_again_when_the_pane_changes_width() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let live = live_with(&[text]);
        let narrow = screen(&live, 40);
        let wide = screen(&live, 100);
        assert!(!narrow.contains(text), "{narrow}");
        assert!(wide.contains(text), "{wide}");
        assert_eq!(screen(&live, 40), narrow);
    }
}
