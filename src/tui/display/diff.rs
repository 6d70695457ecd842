//! The cells to send to the terminal, looked for only where a frame may have changed
//! something. It walks the cells exactly as ratatui's own diff ([`Buffer::diff_iter`])
//! does, so the terminal gets the same writes in the same order; it just does not visit
//! the cells every frame leaves alone, which on a big screen are most of them.
//!
//! That is exact as long as every cell outside the marked spans is the same in both
//! buffers (the display guarantees it). Two things then carry across a span's edges, and
//! both are handled: a wide character left of a span covers its first cells (the walk
//! steps through the span's row from its start, as ratatui's does, and over them), and a change at a span's end may
//! have to rewrite the cells a wider character used to cover (the walk goes on past it).
//! A cell that asks to be written every frame (`AlwaysUpdate`) is written only when it is
//! in a marked span; no pane of this app uses that.

use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::style::{Color, Modifier};

use crate::tui::display::marks::Marks;

/// Modifiers that show on a blank cell, so a blank cell left by a wider character that
/// had them must be written again (as ratatui does).
const VISIBLE_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::SLOW_BLINK)
    .union(Modifier::RAPID_BLINK)
    .union(Modifier::CROSSED_OUT);

/// How far left of a span a character may start and still cover part of it.
const WIDEST: usize = 4;

/// The writes that turn `prev` into `next` within the spans of `marks`, in screen order.
pub fn changes<'n>(prev: &Buffer, next: &'n Buffer, marks: &Marks) -> Vec<(u16, u16, &'n Cell)> {
    assert_eq!(prev.area, next.area, "both buffers cover the screen");
    let (cells, old) = (&next.content, &prev.content);
    let len = cells.len().min(old.len());
    let width = usize::from(next.area.width);
    let at = |i: usize| {
        (
            (i % width) as u16 + next.area.x,
            (i / width) as u16 + next.area.y,
        )
    };
    let mut out = Vec::new();
    let mut pos = 0;
    for (y, start, end) in marks.spans() {
        let first = next.index_of(start, y);
        let last = (first + usize::from(end - start)).min(len);
        pos = pos.max(aligned_start(cells, first, width));
        while pos < last {
            let i = pos;
            pos += 1;
            let (current, previous) = (&cells[i], &old[i]);
            match current.diff_option {
                CellDiffOption::Skip => {}
                _ if is_skip(current) => {}
                CellDiffOption::ForcedWidth(w) => {
                    pos = pos.saturating_add(usize::from(w.get()).saturating_sub(1));
                    if current != previous {
                        let (x, y) = at(i);
                        out.push((x, y, current));
                    }
                }
                CellDiffOption::None | CellDiffOption::AlwaysUpdate => {
                    let cell_width = usize::from(current.cell_width());
                    if current.diff_option == CellDiffOption::None && current == previous {
                        pos += cell_width.saturating_sub(1);
                        continue;
                    }
                    let (x, y) = at(i);
                    out.push((x, y, current));
                    let previous_width = usize::from(previous.cell_width());
                    let vs16 = cell_width > 1 && current.symbol().contains('\u{FE0F}');
                    if vs16 {
                        pos = trailing(cells, old, i + 1, i + cell_width, false, &at, &mut out);
                    } else if cell_width > 1 {
                        pos += cell_width - 1;
                    } else if previous_width > cell_width
                        && (previous.bg != Color::Reset
                            || previous.modifier.intersects(VISIBLE_ON_BLANK))
                    {
                        pos = trailing(cells, old, i + 1, i + previous_width, true, &at, &mut out);
                    }
                }
            }
        }
    }
    out
}

/// Where ratatui's walk, which starts at the top left and steps over the cells a wide
/// character covers, reaches `first` or the first cell after it. Looking back a few cells
/// is not enough: in a run of wide characters that overlap (each written over the second
/// half of the one before) only a walk from the row's start knows which of them hide the
/// cells after them. Cells before `first` are the same in both buffers, so this walk
/// compares nothing; it starts one row up only if a character there reaches over the
/// row's end (ratatui's walk carries across rows).
fn aligned_start(cells: &[Cell], first: usize, width: usize) -> usize {
    let row_start = first - first % width.max(1);
    let mut pos = (1..=WIDEST.min(row_start))
        .find(|&back| usize::from(cells[row_start - back].cell_width()) > back)
        .map_or(row_start, |back| row_start - back);
    while pos < first {
        let cell = &cells[pos];
        pos += match cell.diff_option {
            CellDiffOption::ForcedWidth(w) => usize::from(w.get()).max(1),
            _ if is_skip(cell) => 1,
            _ => usize::from(cell.cell_width()).max(1),
        };
    }
    pos
}

/// The cells after a changed one that a wide character covers or covered: written again
/// when `force`d or when their symbol changed. Returns where the walk goes on.
fn trailing<'n>(
    cells: &'n [Cell],
    old: &[Cell],
    mut next: usize,
    end: usize,
    force: bool,
    at: &impl Fn(usize) -> (u16, u16),
    out: &mut Vec<(u16, u16, &'n Cell)>,
) -> usize {
    let len = cells.len().min(old.len());
    let mut end = end.min(len);
    while next < end {
        let j = next;
        next += usize::from(cells[j].cell_width().max(1));
        end = end.max(next).min(len);
        if !is_skip(&cells[j]) && (force || old[j].symbol() != cells[j].symbol()) {
            let (x, y) = at(j);
            out.push((x, y, &cells[j]));
        }
    }
    end
}

#[allow(deprecated)]
fn is_skip(cell: &Cell) -> bool {
    cell.diff_option == CellDiffOption::Skip
        || (cell.skip && cell.diff_option == CellDiffOption::None)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    use super::*;

    /// Narrow, wide, emoji with a variation selector, and blank, in a few styles.
    fn text() -> impl Strategy<Value = (String, Style)> {
        let piece = prop::sample::select(vec!["a", "bc", "日", "本語", "❤\u{FE0F}", " ", "  "]);
        let bg = prop::sample::select(vec![Color::Reset, Color::Black, Color::Blue]);
        let modifier = prop::sample::select(vec![Modifier::empty(), Modifier::REVERSED]);
        (prop::collection::vec(piece, 0..12), bg, modifier)
            .prop_map(|(pieces, bg, m)| (pieces.concat(), Style::new().bg(bg).add_modifier(m)))
    }

    fn paint(buf: &mut Buffer, area: Rect, rows: &[(u16, (String, Style))]) {
        for (dx, (s, style)) in rows {
            for y in area.top()..area.bottom() {
                let x = area.x + dx % area.width.max(1);
                if x < area.right() {
                    let room = usize::from(area.right() - x);
                    buf.set_stringn(x, y, s, room, *style);
                }
            }
        }
    }

    fn owned(writes: Vec<(u16, u16, &Cell)>) -> Vec<(u16, u16, Cell)> {
        writes
            .into_iter()
            .map(|(x, y, c)| (x, y, c.clone()))
            .collect()
    }

    proptest! {
        #[test]
        fn the_writes_within_the_changed_spans_are_exactly_ratatuis_whole_screen_diff(
            (width, height) in (1u16..24, 1u16..5),
            before in prop::collection::vec((0u16..24, text()), 0..4),
            edits in prop::collection::vec(
                ((0u16..24, 0u16..5, 1u16..24, 1u16..5), prop::collection::vec((0u16..24, text()), 1..3)),
                0..4,
            ),
        ) {
            let area = Rect::new(0, 0, width, height);
            let mut prev = Buffer::empty(area);
            paint(&mut prev, area, &before);
            let mut next = prev.clone();
            let mut marks = Marks::new(area);
            for ((x, y, w, h), rows) in &edits {
                let rect = Rect::new(*x, *y, *w, *h).intersection(area);
                paint(&mut next, rect, rows);
                marks.mark(rect);
            }
            marks.tidy();
            let ours = owned(changes(&prev, &next, &marks));
            let ratatuis = owned(prev.diff(&next));
            prop_assert_eq!(ours, ratatuis);
        }
    }
}
