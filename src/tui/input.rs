//! Terminal input on a thread of its own.
//!
//! crossterm's reader spins forever once the terminal hangs up (a read of end-of-file is
//! retried without end, whatever the timeout), so the main loop must never sit inside
//! it: it waits on the app's inbox instead, notices the dead terminal, saves and exits.

use ratatui::crossterm::event;

use crate::tui::inbox::Outbox;

pub fn spawn_reader(to: Outbox) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("roast-input".into())
        .spawn(move || {
            while let Ok(event) = event::read() {
                if !to.send_event(event) {
                    return;
                }
            }
            to.input_closed();
        })?;
    Ok(())
}
