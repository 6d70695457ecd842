//! One frame being drawn: what the view writes into, and a record of what it changed.
//!
//! The buffer is the display's own and is kept from one frame to the next. A pane that
//! draws through a memo (`widgets::memo`) leaves [`Drawn`] cells with a [`Tag`]; when the next frame shows the same cells at the same place and nothing has
//! been drawn over them, they are neither copied again nor compared with the screen.
//! Everything else is blanked and drawn afresh each frame and marked for the diff. So a
//! keystroke costs what it changes: the editor and a few lines, not the whole screen.

use std::sync::atomic::{AtomicU64, Ordering};

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{StatefulWidget, Widget};

use crate::tui::display::marks::Marks;

/// Names one drawing of a pane's cells: two [`Drawn`] with the same tag hold the same
/// cells. Tags are never reused, so a pane drawn again, or drawn on another display,
/// never passes for what an earlier drawing left on a screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag(u64);

impl Tag {
    fn next() -> Self {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        Tag(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

/// Cells a pane drew, with the tag that names them.
pub struct Drawn {
    pub tag: Tag,
    pub cells: Buffer,
}

/// Drawn cells that are in the display's buffer, just as they were drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kept {
    pub tag: Tag,
    pub area: Rect,
}

pub struct Frame<'a> {
    buf: &'a mut Buffer,
    /// What a cell holds before anything is drawn on it: the theme's background.
    blank: &'a mut Cell,
    /// Every cell that may differ from what the screen shows.
    changed: &'a mut Marks,
    /// Kept at the end of the last frame and neither claimed nor drawn over since: still
    /// in the buffer, but stale unless this frame shows the same cells there again.
    stale: Vec<Kept>,
    /// Put in the buffer this frame (or claimed from the last one) and not drawn over.
    kept: Vec<Kept>,
}

impl<'a> Frame<'a> {
    /// Starts a frame on the buffer of the last one. Cells outside `kept` are blanked;
    /// those inside stay until this frame claims them or they turn out stale.
    pub(super) fn begin(
        buf: &'a mut Buffer,
        blank: &'a mut Cell,
        changed: &'a mut Marks,
        cover: &mut Marks,
        kept: Vec<Kept>,
    ) -> Self {
        changed.clear();
        cover.clear();
        for k in &kept {
            cover.mark(k.area);
        }
        cover.tidy();
        for (y, start, end) in cover.gaps() {
            let i = buf.index_of(start, y);
            buf.content[i..i + usize::from(end - start)].fill(blank.clone());
            changed.mark(Rect::new(start, y, end - start, 1));
        }
        Self {
            buf,
            blank,
            changed,
            stale: kept,
            kept: Vec::new(),
        }
    }

    /// What is left kept at the end of the frame; stale cells are blanked.
    pub(super) fn finish(mut self) -> Vec<Kept> {
        for s in std::mem::take(&mut self.stale) {
            self.blank_out(s.area);
        }
        self.kept
    }

    /// The whole screen.
    pub fn area(&self) -> Rect {
        self.buf.area
    }

    /// Every cell not drawn on shows `style`. Call it before drawing anything: when the
    /// style changes, the whole screen is blanked and drawn afresh.
    pub fn background(&mut self, style: Style) {
        let mut blank = Cell::EMPTY;
        blank.set_style(style);
        if blank != *self.blank {
            *self.blank = blank;
            self.buf.content.fill(self.blank.clone());
            self.stale.clear();
            self.kept.clear();
            self.changed.mark(self.buf.area);
        }
    }

    pub fn render_widget<W: Widget>(&mut self, widget: W, area: Rect) {
        self.touch(area);
        widget.render(area, self.buf);
    }

    pub fn render_stateful_widget<W: StatefulWidget>(
        &mut self,
        widget: W,
        area: Rect,
        state: &mut W::State,
    ) {
        self.touch(area);
        widget.render(area, self.buf, state);
    }

    /// Shows cells drawn earlier. When they are still on screen from the last frame,
    /// untouched, this costs nothing; otherwise they are copied in.
    pub fn keep(&mut self, drawn: &Drawn) {
        let area = drawn.cells.area;
        if let Some(i) = self
            .stale
            .iter()
            .position(|k| k.tag == drawn.tag && k.area == area)
        {
            let claimed = self.stale.swap_remove(i);
            self.kept.push(claimed);
            return;
        }
        self.touch(area);
        copy(&drawn.cells, self.buf, area);
        self.push_kept(drawn.tag, area);
    }

    /// Draws `area` afresh with `render`, over whatever is already drawn beneath it this
    /// frame, and returns the cells for [`Frame::keep`] to show again.
    pub fn draw_kept(&mut self, area: Rect, render: impl FnOnce(&mut Buffer)) -> Drawn {
        let area = area.intersection(self.buf.area);
        self.touch(area);
        let mut cells = Buffer::empty(area);
        copy(self.buf, &mut cells, area);
        render(&mut cells);
        copy(&cells, self.buf, area);
        let tag = Tag::next();
        self.push_kept(tag, area);
        Drawn { tag, cells }
    }

    fn push_kept(&mut self, tag: Tag, area: Rect) {
        if !area.is_empty() {
            self.kept.push(Kept { tag, area });
        }
    }

    /// `area` is about to be drawn on: whatever was kept under it is no longer intact,
    /// stale cells under it go back to blank first (a fresh frame has nothing there),
    /// and its cells may now differ from the screen.
    fn touch(&mut self, area: Rect) {
        let area = area.intersection(self.buf.area);
        if area.is_empty() {
            return;
        }
        let mut i = 0;
        while i < self.stale.len() {
            if self.stale[i].area.intersects(area) {
                let stale = self.stale.swap_remove(i);
                self.blank_out(stale.area);
            } else {
                i += 1;
            }
        }
        self.kept.retain(|k| !k.area.intersects(area));
        self.changed.mark(area);
    }

    fn blank_out(&mut self, area: Rect) {
        let width = usize::from(area.width);
        for y in area.top()..area.bottom() {
            let i = self.buf.index_of(area.x, y);
            self.buf.content[i..i + width].fill(self.blank.clone());
        }
        self.changed.mark(area);
    }
}

/// The cells of `area` from `from` into `to`, row by row.
fn copy(from: &Buffer, to: &mut Buffer, area: Rect) {
    if area.is_empty() {
        return;
    }
    let width = usize::from(area.width);
    for y in area.top()..area.bottom() {
        let src = from.index_of(area.x, y);
        let dst = to.index_of(area.x, y);
        to.content[dst..dst + width].clone_from_slice(&from.content[src..src + width]);
    }
}
