//! Text from the input made safe to print: a checked line can carry terminal
//! escapes (ESC, OSC sequences), C1 controls or bidirectional overrides that
//! would recolour the terminal, rewrite its title or reorder what the reader
//! sees ("Trojan Source", Boucher and Anderson, 2021). Reports never write
//! them raw: the text form shows each as `\u{…}`, the JSON form escapes it.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal or a JSON string raw.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// `text` with every unsafe character written as `\u{1b}`.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            shown.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            shown.push(c);
        }
    }
    Cow::Owned(shown)
}

/// A JSON string literal for `text` in which every unsafe character is a
/// JSON `\u` escape of four hex digits (serde_json escapes only C0 controls): parsed back, it is
/// exactly `text`.
pub fn json_string(text: &str) -> String {
    let encoded = serde_json::to_string(text).expect("a string always serialises");
    if !encoded.chars().any(is_unsafe) {
        return encoded;
    }
    let mut escaped = String::with_capacity(encoded.len() + 8);
    for c in encoded.chars() {
        if is_unsafe(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                escaped.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            escaped.push(c);
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_c1_and_bidi_overrides_but_keeps_plain_text() {
        assert_eq!(visible("plain café 🚀"), "plain café 🚀");
        assert_eq!(visible("a\u{1b}[31mred"), "a\\u{1b}[31mred");
        assert_eq!(visible("x\u{9b}y\u{202e}z"), "x\\u{9b}y\\u{202e}z");
        assert_eq!(visible("tab\there"), "tab\\u{9}here");
    }

    #[test]
    fn json_strings_round_trip_with_nothing_unsafe_left_raw() {
        for text in [
            "\u{1b}]0;title\u{7}",
            "\u{85}\u{2028}\u{2066}x",
            "\"q\"\\",
            "é",
        ] {
            let json = json_string(text);
            assert!(!json.chars().any(is_unsafe), "{json:?}");
            let back: String = serde_json::from_str(&json).expect("valid JSON");
            assert_eq!(back, text);
        }
    }
}
