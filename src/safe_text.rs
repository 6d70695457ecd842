//! Characters that hide or act instead of showing: bidirectional overrides, invisible
//! characters, stray joiners and control characters. Every output (the terminal, the
//! exports, messages naming a file) replaces them the same way, so this sits below all of
//! them and imports nothing of the crate.

use std::borrow::Cow;

/// Bidirectional controls: an override can make `txt.exe` display as `exe.txt`, so
/// text reads differently from what it says (CVE-2021-42574, "Trojan Source").
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters with no width and no glyph, which hide inside a word ("pay\u{200B}pal"
/// looks like "paypal" and is not): zero-width space, word joiner and invisible
/// operators, byte-order mark, soft hyphen, Hangul fillers and tag characters.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{034F}' | '\u{115F}' | '\u{1160}' | '\u{180E}' | '\u{200B}'
        | '\u{2060}'..='\u{2064}' | '\u{3164}' | '\u{FEFF}' | '\u{FFA0}' | '\u{E0000}'..='\u{E007F}')
}

/// Zero-width (non-)joiners do work between letters of joining scripts (Persian,
/// Devanagari) and inside emoji sequences; next to ASCII, or alone, they only hide.
fn is_stray_joiner(prev: Option<char>, c: char, next: Option<char>) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
        && !(prev.is_some_and(|p| !p.is_ascii() && !p.is_whitespace())
            && next.is_some_and(|n| !n.is_ascii() && !n.is_whitespace()))
}

/// `text` with every character that `also` rejects, and every hidden one (bidi controls,
/// invisible characters, stray joiners), replaced by U+FFFD, which shows that something
/// was there and does nothing. Clean text (nearly all of it) is not copied.
pub fn replace_hidden(text: &str, also: impl Fn(char) -> bool) -> Cow<'_, str> {
    // Fast path: plain printable ASCII, line breaks and tabs are nearly all text.
    if text
        .bytes()
        .all(|b| matches!(b, b' '..=b'~' | b'\n' | b'\r' | b'\t'))
    {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let bad = |i: usize| {
        let c = chars[i];
        also(c)
            || is_bidi_control(c)
            || is_invisible(c)
            || is_stray_joiner(
                i.checked_sub(1).map(|p| chars[p]),
                c,
                chars.get(i + 1).copied(),
            )
    };
    if !(0..chars.len()).any(bad) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        (0..chars.len())
            .map(|i| if bad(i) { '\u{FFFD}' } else { chars[i] })
            .collect(),
    )
}

/// User text made safe to print on a terminal: control characters (escape sequences that
/// could recolour, retitle or clear the terminal) become `�`; tabs become a space.
/// Newlines are kept; callers split on them. Clean text (nearly all of it) is not copied.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    // Bidi overrides and invisible characters make a line read differently than it is.
    let safe = replace_hidden(text, |c| c.is_control() && c != '\n' && c != '\t');
    if !safe.contains('\t') {
        return safe;
    }
    Cow::Owned(safe.replace('\t', " "))
}
