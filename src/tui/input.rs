//! Terminal input on a thread of its own.
//!
//! crossterm's reader spins forever once the terminal hangs up (a read of end-of-file is
//! retried without end, whatever the timeout), so the main loop must never sit inside
//! it: it waits on the app's inbox instead, notices the dead terminal, saves and exits.
//!
//! Many terminals send Alt+x as two bytes, ESC then x. crossterm reads them as Alt+x
//! when both arrive in one read, but as Esc and then x when the read splits them (tmux
//! passing keys on, a slow link, a busy machine): the Esc leaves the text field and the
//! letter goes to the screen, or nowhere. So an Esc is held back for a moment here: a
//! character that follows within [`ESC_WAIT`] comes with it ([`Incoming::EscThen`]), and
//! the app (`runtime::esc_then`) reads the two as Alt+character where text is typed, and as the
//! two keys they are everywhere else (Esc from the notes list and straight on typing).
//! Anything else, or nothing, lets the Esc go as it was. Terminal editors wait the same
//! way (vim's `ttimeoutlen`, tmux's `escape-time`).

use std::time::Duration;

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::tui::inbox::{Incoming, Outbox};

/// How long an Esc waits for a character that would make it Alt+character.
pub const ESC_WAIT: Duration = Duration::from_millis(50);

pub fn spawn_reader(to: Outbox) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("roast-input".into())
        .spawn(move || {
            let _ = pump(event::read, event::poll, |i| to.send_incoming(i));
            to.input_closed();
        })?;
    Ok(())
}

/// Reads events with `read` and hands them to `send` until either fails; an Esc and a
/// character that `poll` says is already there (within [`ESC_WAIT`]) go together.
/// `read` and `poll` are crossterm's in the app, scripted in tests.
pub fn pump(
    mut read: impl FnMut() -> std::io::Result<Event>,
    mut poll: impl FnMut(Duration) -> std::io::Result<bool>,
    mut send: impl FnMut(Incoming) -> bool,
) -> std::io::Result<()> {
    loop {
        let event = read()?;
        let incoming = if is_plain_esc(&event) && poll(ESC_WAIT)? {
            after_esc(read()?)
        } else {
            vec![Incoming::Event(event)]
        };
        for i in incoming {
            if !send(i) {
                return Ok(());
            }
        }
    }
}

fn is_plain_esc(event: &Event) -> bool {
    matches!(event, Event::Key(k) if k.code == KeyCode::Esc
        && k.modifiers.is_empty()
        && k.kind == KeyEventKind::Press)
}

/// What an Esc followed at once by `next` is: with a typed character, the two together;
/// else the Esc and then `next`.
pub fn after_esc(next: Event) -> Vec<Incoming> {
    match next {
        Event::Key(k)
            if matches!(k.code, KeyCode::Char(_))
                && !k
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                && k.kind == KeyEventKind::Press =>
        {
            vec![Incoming::EscThen(k)]
        }
        other => vec![
            Incoming::Event(Event::Key(KeyEvent::from(KeyCode::Esc))),
            Incoming::Event(other),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::VecDeque;

    fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::from(code))
    }

    /// What `pump` hands over for `script` (Esc and a character together as
    /// `Alt+character`, for comparing): each entry is an event and whether it was already
    /// there when the one before it was read (crossterm's poll answering yes at once).
    fn pumped(script: &[(Event, bool)]) -> Vec<Event> {
        let mut events: VecDeque<(Event, bool)> = script.iter().cloned().collect();
        let queue = std::cell::RefCell::new(&mut events);
        let mut out = Vec::new();
        let _ = pump(
            || {
                queue
                    .borrow_mut()
                    .pop_front()
                    .map(|(e, _)| e)
                    .ok_or_else(|| std::io::Error::other("end of script"))
            },
            |_| Ok(queue.borrow().front().is_some_and(|(_, ready)| *ready)),
            |i| {
                out.push(match i {
                    Incoming::Event(e) => e,
                    Incoming::EscThen(k) => {
                        Event::Key(KeyEvent::new(k.code, k.modifiers | KeyModifiers::ALT))
                    }
                    _ => panic!("the input thread sends events"),
                });
                true
            },
        );
        out
    }

    #[test]
    fn an_esc_and_a_letter_read_apart_but_at_once_are_alt_and_the_letter() {
        let got = pumped(&[
            (key(KeyCode::Char('a')), false),
            (key(KeyCode::Esc), false),
            (key(KeyCode::Char('b')), true),
            (key(KeyCode::Char('c')), true),
        ]);
        assert_eq!(
            got,
            vec![
                key(KeyCode::Char('a')),
                Event::Key(KeyEvent::new(KeyCode::Char('b'), KeyModifiers::ALT)),
                key(KeyCode::Char('c')),
            ]
        );
    }

    #[test]
    fn an_esc_on_its_own_or_before_another_key_stays_an_esc() {
        let got = pumped(&[
            (key(KeyCode::Esc), false),
            (key(KeyCode::Char('b')), false),
            (key(KeyCode::Esc), false),
            (key(KeyCode::Enter), true),
            (key(KeyCode::Esc), false),
        ]);
        assert_eq!(
            got,
            vec![
                key(KeyCode::Esc),
                key(KeyCode::Char('b')),
                key(KeyCode::Esc),
                key(KeyCode::Enter),
                key(KeyCode::Esc),
            ]
        );
    }

    #[test]
    fn an_upper_case_letter_keeps_its_shift() {
        let shifted = Event::Key(KeyEvent::new(KeyCode::Char('B'), KeyModifiers::SHIFT));
        assert_eq!(
            pumped(&[(key(KeyCode::Esc), false), (shifted, true)]),
            vec![Event::Key(KeyEvent::new(
                KeyCode::Char('B'),
                KeyModifiers::SHIFT | KeyModifiers::ALT
            ))]
        );
    }
}
