//! The terminal a bench draws on: crossterm's backend, as the app runs it, writing its
//! escape sequences into a counter instead of a tty. Only the size is given rather than
//! asked of the tty, which a bench does not have.

use std::cell::Cell as Shared;
use std::io::{self, Write};
use std::rc::Rc;

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// Counts the bytes written and drops them.
#[derive(Clone, Default)]
pub struct Bytes(Rc<Shared<u64>>);

impl Bytes {
    pub fn total(&self) -> u64 {
        self.0.get()
    }
}

impl Write for Bytes {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.set(self.0.get() + buf.len() as u64);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

pub struct BenchTerminal {
    crossterm: CrosstermBackend<Bytes>,
    size: Size,
}

impl BenchTerminal {
    /// A `width` x `height` terminal, and the count of what is written to it.
    pub fn new(width: u16, height: u16) -> (Self, Bytes) {
        let bytes = Bytes::default();
        let terminal = BenchTerminal {
            crossterm: CrosstermBackend::new(bytes.clone()),
            size: Size::new(width, height),
        };
        (terminal, bytes)
    }
}

impl Backend for BenchTerminal {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.crossterm.draw(content)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.crossterm.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.crossterm.show_cursor()
    }

    /// Never asked by the display; a tty would answer, a bench cannot.
    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Err(io::Error::other(
            "a bench terminal cannot be asked where its cursor is",
        ))
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.crossterm.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.crossterm.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.crossterm.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        Ok(self.size)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: self.size,
            pixels: Size::default(),
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.crossterm)
    }
}
