//! The whole roll-up as JSON: [`Rollup`] serialised as it is, so the shape documented in
//! `docs/export-json.md` is the shape of that struct.

use super::escape::printable;
use crate::summary::rollup::Rollup;

pub fn render(r: &Rollup) -> String {
    // The roll-up is plain data (strings, numbers, lists); serialising it cannot fail.
    let text = serde_json::to_string_pretty(r).expect("the roll-up always serialises");
    let mut text = make_printable(&text);
    text.push('\n');
    text
}

/// JSON escapes C0 controls (`\u001b`), which a reader decodes back into an escape
/// sequence, and passes C1 controls, DEL, bidi overrides and invisible characters through
/// raw. Every one of them becomes U+FFFD here, as in the other formats. Outside strings
/// JSON is plain ASCII, so the raw ones can be replaced in the whole text.
fn make_printable(json: &str) -> String {
    let raw = printable(json);
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b' | 'f') => out.push_str("\\ufffd"),
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                match u32::from_str_radix(&hex, 16) {
                    Ok(code) if code < 0x20 => out.push_str("\\ufffd"),
                    _ => {
                        out.push_str("\\u");
                        out.push_str(&hex);
                    }
                }
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_hidden_characters_never_reach_a_json_reader() {
        let json = serde_json::to_string("a\u{1b}[31m b\u{9b}c\u{7f} \u{202e}d\u{200b} \\u001b\n")
            .unwrap();
        let clean: String = serde_json::from_str(&make_printable(&json)).unwrap();
        assert_eq!(
            clean,
            "a\u{FFFD}[31m b\u{FFFD}c\u{FFFD} \u{FFFD}d\u{FFFD} \\u001b\n"
        );
    }
}
