//! Word wrapping by display width (textwrap), for text that ratatui does not wrap itself
//! or whose wrapped height a layout needs to know. CJK and emoji take two columns; a word
//! longer than the width is split.

use ratatui::text::Line;

/// `text` in rows of at most `width` columns; line breaks are kept.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    // Control characters (a pasted tab, say) would break the layout: one space each.
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect();
    // Never break at a hyphen: dates and paths must read whole.
    let options = textwrap::Options::new(width.max(1))
        .break_words(true)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(&clean, options)
        .into_iter()
        .map(|row| row.trim_end().to_string())
        .collect()
}

/// How many rows `lines` take in a paragraph wrapped at `width` columns.
pub fn height(lines: &[Line], width: u16) -> u16 {
    let rows: usize = lines
        .iter()
        .map(|line| {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            wrap(&text, usize::from(width)).len().max(1)
        })
        .sum();
    u16::try_from(rows).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_words_and_keeps_line_breaks() {
        assert_eq!(wrap("aaa bbb ccc", 7), vec!["aaa bbb", "ccc"]);
        assert_eq!(wrap("one\ntwo", 20), vec!["one", "two"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
    }

    #[test]
    fn dates_and_paths_are_not_broken_at_their_hyphens() {
        assert_eq!(
            wrap("from 2026-04-20 on", 12),
            vec!["from", "2026-04-20", "on"]
        );
    }

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(wrap("日本語テキスト", 6), vec!["日本語", "テキス", "ト"]);
    }
}
