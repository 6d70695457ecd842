//! Everything that reaches the app from outside `update`, in arrival order, on one
//! channel: the terminal's events (from the input thread) and the results of work done off
//! the UI thread (a folder being followed, a file written), already as [`Action`]s.
//!
//! One channel means the loop sleeps on one thing and wakes for whichever comes first.

use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

use ratatui::crossterm::event::Event;

use crate::tui::action::Action;

pub enum Incoming {
    /// A key, a paste, a resize or a mouse event: the keymap turns it into an action.
    Event(Event),
    /// The result of background work, for `update`.
    Action(Action),
    /// An Esc and a typed character read together: Alt+character where text is typed
    /// (terminals send Alt+x as ESC x), else the two keys (see the input thread).
    EscThen(ratatui::crossterm::event::KeyEvent),
    /// The input thread ended: the terminal is gone.
    InputClosed,
}

pub struct Inbox {
    tx: Sender<Incoming>,
    rx: Receiver<Incoming>,
}

impl Default for Inbox {
    fn default() -> Self {
        let (tx, rx) = mpsc::channel();
        Self { tx, rx }
    }
}

/// What a background worker holds to hand its results to `update`.
#[derive(Clone)]
pub struct Outbox(Sender<Incoming>);

impl Outbox {
    /// Hands `action` to the app; false once the app is gone (the worker can stop).
    pub fn send(&self, action: Action) -> bool {
        self.0.send(Incoming::Action(action)).is_ok()
    }

    pub fn send_event(&self, event: Event) -> bool {
        self.0.send(Incoming::Event(event)).is_ok()
    }

    /// Hands over whatever the input thread read.
    pub fn send_incoming(&self, incoming: Incoming) -> bool {
        self.0.send(incoming).is_ok()
    }

    pub fn input_closed(&self) {
        let _ = self.0.send(Incoming::InputClosed);
    }
}

impl Inbox {
    pub fn outbox(&self) -> Outbox {
        Outbox(self.tx.clone())
    }

    /// The next thing to handle, waiting at most `timeout`.
    pub fn next(&self, timeout: Duration) -> Option<Incoming> {
        // The app holds a sender itself, so the channel never disconnects: an error is
        // the timeout.
        self.rx.recv_timeout(timeout).ok()
    }

    /// Whatever else is queued right now, without waiting.
    pub fn queued(&self) -> Vec<Incoming> {
        self.rx.try_iter().collect()
    }

    /// The background results queued right now (headless runs have no terminal events).
    pub fn queued_actions(&self) -> Vec<Action> {
        self.queued()
            .into_iter()
            .filter_map(|i| match i {
                Incoming::Action(a) => Some(a),
                _ => None,
            })
            .collect()
    }
}
