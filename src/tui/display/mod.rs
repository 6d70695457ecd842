//! The terminal layer: what is on the screen, the next frame, and the writes between them.
//!
//! ratatui's `Terminal::draw` blanks a whole buffer, has the view draw every cell and
//! compares every cell with the last frame, on every keystroke: on a 300x80 projector
//! screen that was most of a key's cost, though a key changes a few dozen cells. Here the
//! buffer is kept between frames; panes that show what they showed last frame are left
//! alone (see [`Frame`]), and only the cells a frame may have changed are blanked and
//! compared ([`diff`]). The terminal gets exactly the writes ratatui would send.
//!
//! The first frame, and the first after the terminal changes size, is drawn whole on a
//! cleared screen. The cursor stays hidden (the editor draws its own), as ratatui hides
//! it for a frame that does not place it.

mod diff;
pub mod frame;
mod marks;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};

use frame::Kept;
pub use frame::{Drawn, Frame};
use marks::Marks;

pub struct Display<B: Backend> {
    terminal: Terminal<B>,
    /// The frame being drawn, kept from the last one.
    back: Buffer,
    /// What the terminal shows.
    front: Buffer,
    blank: Cell,
    /// Panes' cells that are in `back` (and on screen) as they were drawn.
    kept: Vec<Kept>,
    changed: Marks,
    /// Scratch for the cells `kept` covers.
    cover: Marks,
    /// The next frame starts from nothing: the first, or after a resize.
    afresh: bool,
}

impl<B: Backend> Display<B> {
    /// Draws on `terminal`'s screen, assumed blank (as ratatui assumes it).
    pub fn new(terminal: Terminal<B>) -> Result<Self, B::Error> {
        let area = Rect::from((Position::ORIGIN, terminal.size()?));
        Ok(Self {
            terminal,
            back: Buffer::empty(area),
            front: Buffer::empty(area),
            blank: Cell::EMPTY,
            kept: Vec::new(),
            changed: Marks::new(area),
            cover: Marks::new(area),
            afresh: true,
        })
    }

    pub fn size(&self) -> Result<Size, B::Error> {
        self.terminal.size()
    }

    pub fn backend(&self) -> &B {
        self.terminal.backend()
    }

    pub fn backend_mut(&mut self) -> &mut B {
        self.terminal.backend_mut()
    }

    /// Draws a frame with `render` and shows it: only what changed goes to the terminal.
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> Result<(), B::Error> {
        self.fit_to_terminal()?;
        let kept = if std::mem::take(&mut self.afresh) {
            Vec::new()
        } else {
            std::mem::take(&mut self.kept)
        };
        let mut frame = Frame::begin(
            &mut self.back,
            &mut self.blank,
            &mut self.changed,
            &mut self.cover,
            kept,
        );
        render(&mut frame);
        self.kept = frame.finish();
        self.present()
    }

    /// A terminal that changed size is cleared and drawn again whole.
    fn fit_to_terminal(&mut self) -> Result<(), B::Error> {
        let area = Rect::from((Position::ORIGIN, self.terminal.size()?));
        if area != self.back.area {
            self.terminal.resize(area)?;
            self.back = Buffer::empty(area);
            self.front = Buffer::empty(area);
            self.changed = Marks::new(area);
            self.cover = Marks::new(area);
            self.afresh = true;
        }
        Ok(())
    }

    fn present(&mut self) -> Result<(), B::Error> {
        self.changed.tidy();
        #[cfg(debug_assertions)]
        self.check_unmarked_cells_are_on_screen();
        let writes = diff::changes(&self.front, &self.back, &self.changed);
        self.terminal.backend_mut().draw(writes.into_iter())?;
        for (y, start, end) in self.changed.spans() {
            let i = self.back.index_of(start, y);
            let span = i..i + usize::from(end - start);
            self.front.content[span.clone()].clone_from_slice(&self.back.content[span]);
        }
        self.terminal.hide_cursor()?;
        self.terminal.backend_mut().flush()
    }
}

impl<B: Backend> Display<B> {
    /// The diff skips every cell no frame marked, so each must already be on screen as it
    /// is. Something drawn outside the area it was given would break that unseen; debug
    /// builds (every test) check it on every frame.
    #[cfg(debug_assertions)]
    fn check_unmarked_cells_are_on_screen(&self) {
        for (y, start, end) in self.changed.gaps() {
            for x in start..end {
                assert!(
                    self.back[(x, y)] == self.front[(x, y)],
                    "cell ({x}, {y}) changed but was not marked: {:?} over {:?}",
                    self.back[(x, y)],
                    self.front[(x, y)]
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::backend::TestBackend;
    use ratatui::style::{Color, Style};
    use ratatui::widgets::{Paragraph, Widget};

    use super::*;

    fn display(width: u16, height: u16) -> Display<TestBackend> {
        Display::new(Terminal::new(TestBackend::new(width, height)).unwrap()).unwrap()
    }

    fn shown(display: &Display<TestBackend>) -> String {
        let b = display.backend().buffer();
        (0..b.area.height)
            .map(|y| (0..b.area.width).map(|x| b[(x, y)].symbol()).collect())
            .collect::<Vec<String>>()
            .join("|")
    }

    /// A pane showing "pane" at `area`, drawn once and kept after (as a memo does).
    fn pane(frame: &mut Frame, drawn: &mut Option<Drawn>, area: Rect) {
        match drawn {
            Some(d) if d.cells.area == area => frame.keep(d),
            _ => {
                *drawn = Some(frame.draw_kept(area, |buf| Paragraph::new("pane").render(area, buf)))
            }
        }
    }

    /// A line of `text` in the first row, over a black background, and the pane.
    fn frame(frame: &mut Frame, drawn: &mut Option<Drawn>, area: Rect, text: &str) {
        frame.background(Style::new().bg(Color::Black));
        frame.render_widget(Paragraph::new(text), Rect::new(0, 0, frame.area().width, 1));
        pane(frame, drawn, area);
    }

    #[test]
    fn a_pane_that_shows_what_it_showed_is_neither_copied_nor_compared_again() {
        let mut d = display(10, 4);
        let mut drawn = None;
        let area = Rect::new(0, 2, 10, 2);
        d.draw(|f| frame(f, &mut drawn, area, "a")).unwrap();
        d.draw(|f| frame(f, &mut drawn, area, "ab")).unwrap();
        assert_eq!(shown(&d), "ab        |          |pane      |          ");
        let compared: Vec<_> = d.changed.spans().collect();
        assert_eq!(
            compared,
            [(0, 0, 10), (1, 0, 10)],
            "only the rows off the pane"
        );
        assert_eq!(d.kept.len(), 1);
    }

    #[test]
    fn a_pane_no_longer_drawn_leaves_the_background_behind() {
        let mut d = display(6, 2);
        let mut drawn = None;
        d.draw(|f| frame(f, &mut drawn, Rect::new(0, 1, 6, 1), "a"))
            .unwrap();
        d.draw(|f| f.background(Style::new().bg(Color::Black)))
            .unwrap();
        assert_eq!(shown(&d), "      |      ");
        assert_eq!(d.backend().buffer()[(0, 1)].bg, Color::Black);
    }

    #[test]
    fn a_pane_drawn_over_and_uncovered_again_is_shown_whole() {
        let mut d = display(8, 3);
        let mut drawn = None;
        let area = Rect::new(0, 1, 8, 2);
        d.draw(|f| frame(f, &mut drawn, area, "a")).unwrap();
        d.draw(|f| {
            frame(f, &mut drawn, area, "a");
            f.render_widget(Paragraph::new("over"), Rect::new(2, 1, 4, 1));
        })
        .unwrap();
        assert_eq!(shown(&d), "a       |paover  |        ");
        d.draw(|f| frame(f, &mut drawn, area, "a")).unwrap();
        assert_eq!(shown(&d), "a       |pane    |        ");
    }

    /// Writes a cell at the top left corner, whatever area it is given.
    struct Stray;

    impl Widget for Stray {
        fn render(self, _area: Rect, buf: &mut Buffer) {
            buf[(0, 0)].set_symbol("x");
        }
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "cell (0, 0) changed but was not marked")]
    fn a_widget_drawing_over_a_kept_pane_outside_its_area_is_caught_in_debug_builds() {
        let mut d = display(4, 2);
        let mut drawn = None;
        let area = Rect::new(0, 0, 4, 1);
        d.draw(|f| pane(f, &mut drawn, area)).unwrap();
        d.draw(|f| {
            pane(f, &mut drawn, area);
            f.render_widget(Stray, Rect::new(0, 1, 4, 1));
        })
        .unwrap();
    }

    #[test]
    fn a_new_background_or_size_draws_the_whole_screen_again() {
        let mut d = display(6, 2);
        let mut drawn = None;
        d.draw(|f| frame(f, &mut drawn, Rect::new(0, 1, 6, 1), "a"))
            .unwrap();
        d.draw(|f| {
            f.background(Style::new().bg(Color::Blue));
            // Like a memo's key, what the pane is drawn from holds the theme: drawn again.
            drawn = None;
            pane(f, &mut drawn, Rect::new(0, 1, 6, 1));
        })
        .unwrap();
        let screen = d.backend().buffer();
        assert!(screen.content.iter().all(|c| c.bg == Color::Blue));
        d.backend_mut().resize(4, 3);
        d.draw(|f| frame(f, &mut drawn, Rect::new(0, 2, 4, 1), "b"))
            .unwrap();
        assert_eq!(shown(&d), "b   |    |pane");
    }
}
