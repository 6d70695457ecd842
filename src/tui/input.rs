//! Terminal input on a thread of its own.
//!
//! crossterm's reader spins forever once the terminal hangs up (a read of end-of-file is
//! retried without end, whatever the timeout), so the main loop must never sit inside
//! it: it waits on this channel instead, notices the dead terminal, saves and exits.

use std::sync::mpsc::{self, Receiver};

use ratatui::crossterm::event::{self, Event};

pub fn spawn_reader() -> std::io::Result<Receiver<Event>> {
    let (events, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name("roast-input".into())
        .spawn(move || {
            while let Ok(event) = event::read() {
                if events.send(event).is_err() {
                    break;
                }
            }
        })?;
    Ok(rx)
}
