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
//! way (vim's `ttimeoutlen`, tmux's `escape-time`). A read can split a function key's
//! sequence the same way (ESC, then `[19~`): an Esc followed at once by `[` or `O` is
//! read on to its end and becomes the key again.

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
            let next = read()?;
            match plain_char(&next) {
                Some(intro @ ('[' | 'O')) => split_sequence(intro, &mut read, &mut poll)?,
                _ => after_esc(next),
            }
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

/// The character of a plain key press (no Ctrl, no Alt), if it is one.
fn plain_char(event: &Event) -> Option<char> {
    match event {
        Event::Key(k)
            if k.kind == KeyEventKind::Press
                && !k
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            match k.code {
                KeyCode::Char(c) => Some(c),
                _ => None,
            }
        }
        _ => None,
    }
}

/// An Esc then `[` or `O` read apart: most likely a function or cursor key whose escape
/// sequence the read split (crossterm parses it whole only when it arrives whole), so
/// the rest is read as it comes and the key is rebuilt; else F8 would type `[19~` into
/// the field. What is no known key stays what it was: Alt+`[` and the characters.
fn split_sequence(
    intro: char,
    read: &mut impl FnMut() -> std::io::Result<Event>,
    poll: &mut impl FnMut(Duration) -> std::io::Result<bool>,
) -> std::io::Result<Vec<Incoming>> {
    let mut body = String::new();
    let mut after = None;
    while poll(ESC_WAIT)? {
        let event = read()?;
        match plain_char(&event) {
            Some(c) => {
                body.push(c);
                // A CSI sequence ends at its first letter or `~`; SS3 is one character.
                if intro == 'O' || c.is_ascii_alphabetic() || c == '~' {
                    break;
                }
            }
            None => {
                after = Some(event);
                break;
            }
        }
    }
    let mut out = match sequence_key(intro, &body) {
        Some(key) => vec![Incoming::Event(Event::Key(key))],
        None => {
            let mut out = after_esc(Event::Key(KeyEvent::from(KeyCode::Char(intro))));
            out.extend(
                body.chars()
                    .map(|c| Incoming::Event(Event::Key(KeyEvent::from(KeyCode::Char(c))))),
            );
            out
        }
    };
    out.extend(after.map(Incoming::Event));
    Ok(out)
}

/// The key an xterm-style sequence names: `ESC [ 1 9 ~` is F8, `ESC [ 1 ; 5 C` is
/// Ctrl+Right, `ESC O Q` is F2. Modifier numbers are 1 + Shift(1) + Alt(2) + Ctrl(4).
fn sequence_key(intro: char, body: &str) -> Option<KeyEvent> {
    let last = body.chars().last()?;
    let params: Vec<&str> = body[..body.len() - last.len_utf8()].split(';').collect();
    let modifiers = match params.get(1) {
        Some(m) => {
            let bits = m.parse::<u8>().ok()?.checked_sub(1)?;
            let mut mods = KeyModifiers::NONE;
            if bits & 1 != 0 {
                mods |= KeyModifiers::SHIFT;
            }
            if bits & 2 != 0 {
                mods |= KeyModifiers::ALT;
            }
            if bits & 4 != 0 {
                mods |= KeyModifiers::CONTROL;
            }
            mods
        }
        None => KeyModifiers::NONE,
    };
    let lettered = |c: char| match c {
        'A' => Some(KeyCode::Up),
        'B' => Some(KeyCode::Down),
        'C' => Some(KeyCode::Right),
        'D' => Some(KeyCode::Left),
        'H' => Some(KeyCode::Home),
        'F' => Some(KeyCode::End),
        'P' => Some(KeyCode::F(1)),
        'Q' => Some(KeyCode::F(2)),
        'R' => Some(KeyCode::F(3)),
        'S' => Some(KeyCode::F(4)),
        _ => None,
    };
    let code = match (intro, last) {
        ('O', c) if body.len() == 1 => lettered(c)?,
        ('[', 'Z') if params[0].is_empty() => KeyCode::BackTab,
        ('[', '~') => match params[0].parse::<u8>().ok()? {
            1 | 7 => KeyCode::Home,
            2 => KeyCode::Insert,
            3 => KeyCode::Delete,
            4 | 8 => KeyCode::End,
            5 => KeyCode::PageUp,
            6 => KeyCode::PageDown,
            n @ 11..=15 => KeyCode::F(n - 10),
            n @ 17..=21 => KeyCode::F(n - 11),
            n @ 23..=24 => KeyCode::F(n - 12),
            _ => return None,
        },
        ('[', c) if params[0].is_empty() || params[0] == "1" => lettered(c)?,
        _ => return None,
    };
    Some(KeyEvent::new(code, modifiers))
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
    fn a_function_or_cursor_key_whose_sequence_was_read_apart_is_that_key() {
        let ready = |c: char| (key(KeyCode::Char(c)), true);
        let mut f8 = vec![(key(KeyCode::Esc), false)];
        f8.extend("[19~".chars().map(ready));
        f8.push((key(KeyCode::Char('x')), false));
        assert_eq!(
            pumped(&f8),
            vec![key(KeyCode::F(8)), key(KeyCode::Char('x'))],
            "F8, then the next key typed"
        );
        let mut ctrl_right = vec![(key(KeyCode::Esc), false)];
        ctrl_right.extend("[1;5C".chars().map(ready));
        assert_eq!(
            pumped(&ctrl_right),
            vec![Event::Key(KeyEvent::new(
                KeyCode::Right,
                KeyModifiers::CONTROL
            ))]
        );
        let mut f2 = vec![(key(KeyCode::Esc), false)];
        f2.extend("OQ".chars().map(ready));
        assert_eq!(pumped(&f2), vec![key(KeyCode::F(2))]);
    }

    #[test]
    fn alt_and_a_bracket_with_nothing_after_it_stays_alt_and_the_bracket() {
        let got = pumped(&[
            (key(KeyCode::Esc), false),
            (key(KeyCode::Char('[')), true),
            (key(KeyCode::Char('a')), false),
        ]);
        assert_eq!(
            got,
            vec![
                Event::Key(KeyEvent::new(KeyCode::Char('['), KeyModifiers::ALT)),
                key(KeyCode::Char('a')),
            ]
        );
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
