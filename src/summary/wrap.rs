//! Plain-text layout for the terminal: safe characters, display widths, word wrapping.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub use crate::safe_text::terminal_safe;

/// Display columns of `text`; ASCII (most text) is counted without a table lookup.
pub fn width(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        UnicodeWidthStr::width(text)
    }
}

/// `text` cut to at most `max` columns, ending in "…" when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `text` padded with spaces to `cols` columns (cut first if longer).
pub fn pad(text: &str, cols: usize) -> String {
    let text = truncate(text, cols);
    let fill = cols.saturating_sub(width(&text));
    format!("{text}{}", " ".repeat(fill))
}

/// Wraps `text` (made terminal-safe) to `cols` columns: the first line starts with
/// `first`, later ones with `rest`. Words longer than a line are broken. Blank lines in
/// the text are kept (as empty lines) so paragraphs stay apart.
pub fn wrap(text: &str, cols: usize, first: &str, rest: &str) -> Vec<String> {
    let text = terminal_safe(text);
    let mut out = Wrapped {
        lines: Vec::new(),
        current: first.to_string(),
        used: width(first),
        fresh: true,
        rest,
        cols,
    };
    for (i, paragraph) in text.trim().split('\n').enumerate() {
        if i > 0 {
            out.break_line();
        }
        for word in paragraph.split_whitespace() {
            let word_width = width(word);
            if !out.fresh && out.used + 1 + word_width > cols {
                out.break_line();
            } else if !out.fresh {
                out.push(' ', 1);
            }
            if word_width + out.used <= cols {
                out.current.push_str(word);
                out.used += word_width;
                out.fresh = false;
            } else {
                out.push_breaking(word);
            }
        }
    }
    out.break_line();
    out.lines
}

/// Lines being wrapped, with the width of the current one kept as it grows (measuring
/// each line again for every word would make long notes quadratic).
struct Wrapped<'a> {
    lines: Vec<String>,
    current: String,
    used: usize,
    /// Nothing but the indent on the current line yet.
    fresh: bool,
    rest: &'a str,
    cols: usize,
}

impl Wrapped<'_> {
    fn break_line(&mut self) {
        let mut line = std::mem::replace(&mut self.current, self.rest.to_string());
        line.truncate(line.trim_end().len());
        self.lines.push(line);
        self.used = width(self.rest);
        self.fresh = true;
    }

    fn push(&mut self, c: char, w: usize) {
        self.current.push(c);
        self.used += w;
        self.fresh = false;
    }

    /// A word too long for a line, broken wherever the line is full.
    fn push_breaking(&mut self, word: &str) {
        let indent = width(self.rest);
        for c in word.chars() {
            let w = c.width().unwrap_or(0);
            if self.used + w > self.cols && self.used > indent {
                self.break_line();
            }
            self.push(c, w);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_cannot_reach_the_terminal() {
        assert_eq!(
            terminal_safe("a\x1b[2Jb\r\x07\u{202E}c\td\ne"),
            "a�[2Jb���c d\ne"
        );
    }

    #[test]
    fn wraps_words_within_the_width_with_indents() {
        let lines = wrap(
            "the quick brown fox jumps over the lazy dog",
            16,
            "- ",
            "  ",
        );
        assert_eq!(
            lines,
            vec![
                "- the quick",
                "  brown fox",
                "  jumps over the",
                "  lazy dog"
            ]
        );
        for l in &lines {
            assert!(width(l) <= 16, "{l}");
        }
    }

    #[test]
    fn long_words_are_broken_and_paragraphs_kept() {
        let lines = wrap("abcdefghijkl\n\nnext", 6, "> ", "  ");
        assert_eq!(lines, vec!["> abcd", "  efgh", "  ijkl", "", "  next"]);
    }

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(width("日本"), 4);
        assert_eq!(truncate("日本語テキスト", 7), "日本語…");
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(pad("abcdef", 4), "abc…");
    }
}
