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

/// Wraps `text` (made terminal-safe) to `cols` columns with textwrap, as the TUI does:
/// the first line starts with `first`, later ones with `rest`. Words longer than a line
/// are broken. Blank lines in the text are kept (as empty lines) so paragraphs stay apart;
/// runs of spaces within a paragraph count as one.
pub fn wrap(text: &str, cols: usize, first: &str, rest: &str) -> Vec<String> {
    let text = terminal_safe(text);
    let mut lines = Vec::new();
    for (i, paragraph) in text.trim().split('\n').enumerate() {
        let words: Vec<&str> = paragraph.split_whitespace().collect();
        let indent = if i == 0 { first } else { rest };
        if words.is_empty() {
            lines.push(indent.trim_end().to_string());
            continue;
        }
        // Never break at a hyphen: dates, ids and paths must read whole.
        let options = textwrap::Options::new(cols.max(1))
            .initial_indent(indent)
            .subsequent_indent(rest)
            .break_words(true)
            .word_separator(textwrap::WordSeparator::AsciiSpace)
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        let joined = words.join(" ");
        lines.extend(
            textwrap::wrap(&joined, options)
                .into_iter()
                .map(|l| l.trim_end().to_string()),
        );
    }
    lines
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
    fn a_word_that_fits_a_line_is_moved_whole_rather_than_broken_after_a_long_label() {
        assert_eq!(
            wrap("2026-04-20 ok", 20, "   Called off: ", "     "),
            vec!["   Called off:", "     2026-04-20 ok"]
        );
    }

    #[test]
    fn runs_of_spaces_count_as_one_and_empty_text_is_the_label_alone() {
        assert_eq!(wrap("a   b\tc", 20, "", ""), vec!["a b c"]);
        assert_eq!(wrap("", 20, "Summary: ", ""), vec!["Summary:"]);
    }

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(width("日本"), 4);
        assert_eq!(truncate("日本語テキスト", 7), "日本語…");
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(pad("abcdef", 4), "abc…");
    }
}
