//! Your own keys: `<data>/keys.ron` overrides bindings per context, as gitui and atuin
//! allow. Each context names actions and the keys that should ask for them:
//!
//! ```ron
//! {
//!     "LiveEditor": { "EndSession": ["Ctrl+X"], "AddTime": ["F7"] },
//!     "SeriesList": { "NewSeries": ["a", "n"] },
//! }
//! ```
//!
//! The keys given replace that action's keys in that context. Mistakes are reported as
//! `FILE:line:col: message` and that entry is skipped; the rest still apply. The help bar
//! and F1 read the keymap, so they show the keys in force.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::tui::keymap::{Chord, KeyContext, Keymap};

pub const KEYS_FILE: &str = "keys.ron";

pub fn path(data_root: &Path) -> PathBuf {
    data_root.join(KEYS_FILE)
}

type Overrides = BTreeMap<String, BTreeMap<String, Vec<String>>>;

/// Applies `<data>/keys.ron` to `keymap`, if there is one; returns one message per
/// problem, each naming the file, line and column.
pub fn apply_file(keymap: &mut Keymap, data_root: &Path) -> Vec<String> {
    let file = path(data_root);
    match std::fs::read_to_string(&file) {
        Ok(text) => apply(keymap, &file, &text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => vec![format!("{}: cannot read: {e}", file.display())],
    }
}

/// Applies the overrides in `text` (read from `file`) to `keymap`.
pub fn apply(keymap: &mut Keymap, file: &Path, text: &str) -> Vec<String> {
    let overrides: Overrides = match ron::from_str(text) {
        Ok(o) => o,
        Err(e) => {
            return vec![format!(
                "{}:{}:{}: {}",
                file.display(),
                e.span.start.line,
                e.span.start.col,
                e.code
            )];
        }
    };
    let mut problems = Vec::new();
    let at = |needle: &str| -> String {
        let (line, col) = position_of(text, needle);
        format!("{}:{line}:{col}", file.display())
    };
    for (context_name, actions) in &overrides {
        let Some(context) = context_named(context_name) else {
            problems.push(format!(
                "{}: no such place for keys: {context_name:?}",
                at(context_name)
            ));
            continue;
        };
        for (action_name, keys) in actions {
            let mut chords = Vec::new();
            let mut bad = false;
            for key in keys {
                match parse_chord(key) {
                    Some(chord) => chords.push(chord),
                    None => {
                        problems.push(format!("{}: not a key: {key:?}", at(key)));
                        bad = true;
                    }
                }
            }
            if bad {
                continue;
            }
            if let Err(why) = keymap.rebind(context, action_name, &chords) {
                problems.push(format!("{}: {why}", at(action_name)));
            }
        }
    }
    problems
}

/// 1-based line and column of the first quoted `needle` in `text`.
fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let quoted = format!("{needle:?}");
    let offset = text
        .find(&quoted)
        .or_else(|| text.find(needle))
        .unwrap_or(0);
    crate::storage::format::line_col(text, offset)
}

fn context_named(name: &str) -> Option<KeyContext> {
    KeyContext::ALL
        .iter()
        .copied()
        .find(|c| format!("{c:?}") == name)
}

/// "Ctrl+X", "Alt+Enter", "Shift+Tab", "F5", "Esc", "PageDown", "a", "Space".
pub fn parse_chord(text: &str) -> Option<Chord> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = text.trim();
    loop {
        let lower = rest.to_ascii_lowercase();
        if let Some(r) = lower.strip_prefix("ctrl+") {
            mods |= KeyModifiers::CONTROL;
            rest = &rest[rest.len() - r.len()..];
        } else if let Some(r) = lower.strip_prefix("alt+") {
            mods |= KeyModifiers::ALT;
            rest = &rest[rest.len() - r.len()..];
        } else if lower == "shift+tab" {
            return Some(Chord {
                code: KeyCode::BackTab,
                mods,
            });
        } else {
            break;
        }
    }
    let code = match rest.to_ascii_lowercase().as_str() {
        "enter" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "space" => KeyCode::Char(' '),
        "up" | "↑" => KeyCode::Up,
        "down" | "↓" => KeyCode::Down,
        "left" | "←" => KeyCode::Left,
        "right" | "→" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" => KeyCode::PageUp,
        "pagedown" => KeyCode::PageDown,
        "del" | "delete" => KeyCode::Delete,
        "backspace" => KeyCode::Backspace,
        f if f.len() > 1 && f.starts_with('f') => KeyCode::F(f[1..].parse().ok()?),
        _ => {
            let mut chars = rest.chars();
            let c = chars.next()?;
            if chars.next().is_some() {
                return None;
            }
            // "Ctrl+S" and "Alt+B" are written in capitals and pressed without Shift.
            KeyCode::Char(
                if mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) {
                    c.to_ascii_lowercase()
                } else {
                    c
                },
            )
        }
    };
    Some(Chord { code, mods })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;
    use crate::tui::keymap::{Facts, KeyFocus};
    use ratatui::crossterm::event::KeyEvent;

    fn editor() -> KeyFocus {
        KeyFocus::new(
            vec![
                KeyContext::TextMulti,
                KeyContext::TextLine,
                KeyContext::LiveEditor,
                KeyContext::Global,
                KeyContext::Always,
            ],
            Facts::default(),
        )
    }

    #[test]
    fn a_users_key_replaces_the_default_and_the_help_shows_it() {
        let mut keymap = Keymap::default();
        let problems = apply(
            &mut keymap,
            Path::new("keys.ron"),
            r#"{ "LiveEditor": { "EndSession": ["Ctrl+X"] } }"#,
        );
        assert!(problems.is_empty(), "{problems:?}");
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        assert_eq!(
            keymap.action_for(&editor(), &ctrl('x')),
            Some(Action::EndSession)
        );
        assert_eq!(
            keymap.action_for(&editor(), &KeyEvent::from(KeyCode::F(8))),
            None,
            "the default key no longer ends the meeting"
        );
        let help = keymap.help_for(&editor());
        let end = help
            .iter()
            .find(|b| b.action == Action::EndSession)
            .unwrap();
        assert_eq!(end.chords[0].label(), "Ctrl+X");
    }

    #[test]
    fn mistakes_name_the_file_line_and_column_and_the_rest_still_applies() {
        let mut keymap = Keymap::default();
        let text = "{\n  \"LiveEditor\": {\n    \"EndSession\": [\"Ctrl+X\"],\n    \"Fly\": [\"F9\"],\n    \"AddTime\": [\"Hyper+Q\"],\n  },\n  \"Nowhere\": {},\n}\n";
        let problems = apply(&mut keymap, Path::new("/d/keys.ron"), text);
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems.iter().any(|p| p.starts_with("/d/keys.ron:4:5: ")),
            "{problems:?}"
        );
        assert!(
            problems.iter().any(|p| p.starts_with("/d/keys.ron:5:17: ")),
            "{problems:?}"
        );
        assert!(
            problems.iter().any(|p| p.starts_with("/d/keys.ron:7:3: ")),
            "{problems:?}"
        );
        let ctrl_x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::CONTROL);
        assert_eq!(
            keymap.action_for(&editor(), &ctrl_x),
            Some(Action::EndSession)
        );
    }

    #[test]
    fn alt_and_a_capital_letter_is_the_key_pressed_without_shift() {
        let mut keymap = Keymap::default();
        let problems = apply(
            &mut keymap,
            Path::new("keys.ron"),
            r#"{ "LiveEditor": { "EndSession": ["Alt+Q"] } }"#,
        );
        assert!(problems.is_empty(), "{problems:?}");
        let alt_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::ALT);
        assert_eq!(
            keymap.action_for(&editor(), &alt_q),
            Some(Action::EndSession)
        );
    }

    #[test]
    fn a_broken_file_is_reported_with_its_position() {
        let mut keymap = Keymap::default();
        let problems = apply(&mut keymap, Path::new("k.ron"), "{ \"LiveEditor\": ");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].starts_with("k.ron:1:"), "{problems:?}");
    }

    #[test]
    fn a_letter_cannot_become_a_command_where_text_is_typed() {
        let mut keymap = Keymap::default();
        let problems = apply(
            &mut keymap,
            Path::new("k.ron"),
            r#"{ "LiveEditor": { "EndSession": ["q"] } }"#,
        );
        assert_eq!(problems.len(), 1, "{problems:?}");
    }

    #[test]
    fn keys_read_as_the_help_writes_them() {
        for text in [
            "Ctrl+X",
            "Alt+Enter",
            "F5",
            "Esc",
            "Shift+Tab",
            "PageDown",
            "a",
            "Space",
        ] {
            let chord = parse_chord(text).unwrap_or_else(|| panic!("{text}"));
            assert!(!chord.label().is_empty());
        }
        assert_eq!(parse_chord("ctrl+x").unwrap().label(), "Ctrl+X");
        assert!(parse_chord("Hyper+Q").is_none());
        assert!(parse_chord("").is_none());
    }
}
