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
    let mut words: Vec<&str> = Vec::new();
    for (i, paragraph) in text.trim().split('\n').enumerate() {
        words.clear();
        words.extend(paragraph.split_whitespace());
        let indent = if i == 0 { first } else { rest };
        if words.is_empty() {
            lines.push(indent.trim_end().to_string());
        } else if paragraph.is_ascii() {
            wrap_ascii(&words, cols.max(1), indent, rest, &mut lines);
        } else {
            wrap_words(&words, cols, indent, rest, &mut lines);
        }
    }
    lines
}

/// One paragraph's words, wrapped by textwrap.
fn wrap_words(words: &[&str], cols: usize, indent: &str, rest: &str, lines: &mut Vec<String>) {
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

/// [`wrap_words`] for words of ASCII text, where a byte is a column: the same lines as
/// textwrap's first-fit wrapping with the options above, without its per-word and
/// per-line allocations (`roast summary` wraps megabytes of notes; textwrap was a third
/// of its time). A property test holds the two to the same output.
fn wrap_ascii(words: &[&str], cols: usize, indent: &str, rest: &str, lines: &mut Vec<String>) {
    let joined_len = words.iter().map(|w| w.len()).sum::<usize>() + words.len() - 1;
    if joined_len < cols && indent.is_empty() {
        lines.push(words.join(" "));
        return;
    }
    let widths = [
        cols.saturating_sub(width(indent)),
        cols.saturating_sub(width(rest)),
    ];
    // (text, followed by a space): words longer than a later line are cut into pieces
    // of that line's width, the space staying after the last piece.
    let mut pieces: Vec<(&str, bool)> = Vec::with_capacity(words.len() + 1);
    if !indent.is_empty() {
        // An empty first piece lets the first word move to the second line when it does
        // not fit after the label, as textwrap does.
        pieces.push(("", false));
    }
    for (i, word) in words.iter().enumerate() {
        let spaced = i + 1 < words.len();
        if word.len() <= widths[1] {
            pieces.push((word, spaced));
            continue;
        }
        let cut = widths[1].max(1);
        let mut start = 0;
        while start < word.len() {
            let end = (start + cut).min(word.len());
            pieces.push((&word[start..end], spaced && end == word.len()));
            start = end;
        }
    }
    let mut line = indent.to_string();
    let mut used = 0;
    let mut start = 0;
    for (i, (piece, spaced)) in pieces.iter().enumerate() {
        // The first line of the paragraph is the one that starts at the first piece.
        let room = widths[usize::from(start > 0)];
        if used + piece.len() > room && i > start {
            lines.push(line.trim_end().to_string());
            line.clear();
            line.push_str(rest);
            used = 0;
            start = i;
        }
        line.push_str(piece);
        if *spaced {
            line.push(' ');
        }
        used += piece.len() + usize::from(*spaced);
    }
    lines.push(line.trim_end().to_string());
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

    proptest::proptest! {
        #[test]
        fn ascii_text_wraps_exactly_as_textwrap_wraps_it(
            text in "[a-z]{0,12}( {1,2}[a-zA-Z0-9,.-]{0,30}){0,14}",
            cols in 1usize..40,
            first in "( |- |  Called off: |[a-z]{0,45})",
            rest in "( {0,6}|[a-z]{0,45})",
        ) {
            let words: Vec<&str> = text.split_whitespace().collect();
            proptest::prop_assume!(!words.is_empty());
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            wrap_ascii(&words, cols, &first, &rest, &mut fast);
            wrap_words(&words, cols, &first, &rest, &mut slow);
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(width("日本"), 4);
        assert_eq!(truncate("日本語テキスト", 7), "日本語…");
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(pad("abcdef", 4), "abc…");
    }
}
