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

use crate::tui::display::{Drawn, Frame};

pub struct Memo<K>(RefCell<Option<(K, Drawn)>>);

impl<K> Default for Memo<K> {
    fn default() -> Self {
        Self(RefCell::new(None))
    }
}

impl<K: PartialEq> Memo<K> {
    /// Draws `area` with `render`, or shows what it drew last time when `key` and the
    /// area are the same (which, when those cells are still on screen, costs nothing).
    /// `key` must hold everything `render` reads, and the cells of `area` must start the
    /// same way each time (the frame's background).
    pub fn draw(&self, frame: &mut Frame, area: Rect, key: K, render: impl FnOnce(&mut Buffer)) {
        let area = area.intersection(frame.area());
        let mut memo = self.0.borrow_mut();
        if let Some((k, drawn)) = memo.as_ref()
            && drawn.cells.area == area
            && *k == key
        {
            frame.keep(drawn);
            return;
        }
        let drawn = frame.draw_kept(area, render);
        *memo = Some((key, drawn));
    }
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::{Color, Style};
    use ratatui::widgets::{Paragraph, Widget};

    use super::*;
    use crate::tui::display::Display;

    fn text_of(buf: &Buffer) -> String {
        buf.content.iter().map(|c| c.symbol()).collect()
    }

    fn display(width: u16, height: u16) -> Display<TestBackend> {
        Display::new(Terminal::new(TestBackend::new(width, height)).unwrap()).unwrap()
    }

    #[test]
    fn a_memo_draws_afresh_when_its_key_changes_and_shows_its_cells_again_otherwise() {
        let memo = Memo::default();
        let area = Rect::new(2, 1, 5, 1);
        let mut drawn = 0;
        let mut display = display(8, 3);
        let mut frame = |text: &str, drawn: &mut i32| {
            display
                .draw(|frame| {
                    memo.draw(frame, area, text.to_string(), |b| {
                        *drawn += 1;
                        Paragraph::new(text).render(area, b);
                    });
                })
                .unwrap();
            display.backend().buffer().clone()
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
        let mut display = display(4, 1);
        display
            .draw(|frame| {
                frame.background(Style::default().bg(Color::Blue));
                memo.draw(frame, area, 1, |b| {
                    Paragraph::new("hi").render(area, b);
                });
            })
            .unwrap();
        let screen = display.backend().buffer();
        assert_eq!(screen[(3, 0)].bg, Color::Blue);
        assert_eq!(screen[(0, 0)].symbol(), "h");
    }
}
