//! A pane drawn once and shown again while nothing it is drawn from has changed.
//!
//! Typing a note redraws the whole screen on every key, but only the editor changes: the
//! notes above it, the topic and its prompts stay the same. Laying those out again (text
//! split into graphemes, measured, styled cell by cell) was most of a frame on a big
//! screen. A memo keeps the cells a pane last drew, with everything that went into them
//! (the key), and copies those cells while the key is the same. It is a memo of a pure
//! function: drawing through it shows exactly what drawing afresh would; nothing else
//! reads it.

use std::cell::RefCell;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub struct Memo<K>(RefCell<Option<(K, Rect, Buffer)>>);

impl<K> Default for Memo<K> {
    fn default() -> Self {
        Self(RefCell::new(None))
    }
}

impl<K: PartialEq> Memo<K> {
    /// Draws `area` of `buf` with `render`, or copies what it drew last time when `key`
    /// and the area are the same. `key` must hold everything `render` reads, and the
    /// cells of `area` must start the same way each time (the same theme's background).
    pub fn draw(&self, buf: &mut Buffer, area: Rect, key: K, render: impl FnOnce(&mut Buffer)) {
        let area = area.intersection(buf.area);
        let mut memo = self.0.borrow_mut();
        if let Some((k, a, cells)) = memo.as_ref()
            && *a == area
            && *k == key
        {
            copy(cells, buf, area);
            return;
        }
        let mut cells = Buffer::empty(area);
        copy(buf, &mut cells, area);
        render(&mut cells);
        copy(&cells, buf, area);
        *memo = Some((key, area, cells));
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

#[cfg(test)]
mod tests {
    use ratatui::style::{Color, Style};
    use ratatui::widgets::{Paragraph, Widget};

    use super::*;

    fn text_of(buf: &Buffer) -> String {
        buf.content.iter().map(|c| c.symbol()).collect()
    }

    #[test]
    fn a_memo_draws_afresh_when_its_key_changes_and_copies_otherwise() {
        let memo = Memo::default();
        let area = Rect::new(2, 1, 5, 1);
        let mut drawn = 0;
        let frame = |text: &str, drawn: &mut i32| {
            let mut buf = Buffer::empty(Rect::new(0, 0, 8, 3));
            memo.draw(&mut buf, area, text.to_string(), |b| {
                *drawn += 1;
                Paragraph::new(text).render(area, b);
            });
            buf
        };
        let first = frame("abc", &mut drawn);
        let again = frame("abc", &mut drawn);
        assert_eq!(drawn, 1);
        assert_eq!(first, again);
        assert_eq!(
            text_of(&again),
            "        ".to_string() + "  abc   " + "        "
        );
        let changed = frame("xyz", &mut drawn);
        assert_eq!(drawn, 2);
        assert!(text_of(&changed).contains("xyz"), "{}", text_of(&changed));
    }

    #[test]
    fn a_memo_keeps_the_background_the_pane_was_drawn_on() {
        let memo = Memo::default();
        let area = Rect::new(0, 0, 4, 1);
        let mut buf = Buffer::empty(area);
        buf.set_style(area, Style::default().bg(Color::Blue));
        memo.draw(&mut buf, area, 1, |b| {
            Paragraph::new("hi").render(area, b);
        });
        assert_eq!(buf[(3, 0)].bg, Color::Blue);
        assert_eq!(buf[(0, 0)].symbol(), "h");
    }
}
