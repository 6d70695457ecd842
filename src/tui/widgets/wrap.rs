//! Word wrapping by display width, for list items that ratatui does not wrap itself.
//! CJK and emoji take two columns; a word longer than the width is split.

use unicode_width::UnicodeWidthChar;

pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut rows = Vec::new();
    for paragraph in text.split('\n') {
        let mut row = String::new();
        let mut row_width = 0;
        for word in paragraph.split_inclusive(' ') {
            let word_width: usize = word.chars().map(char_width).sum();
            if row_width + word_width.saturating_sub(usize::from(word.ends_with(' '))) > width
                && !row.is_empty()
            {
                rows.push(std::mem::take(&mut row).trim_end().to_string());
                row_width = 0;
            }
            for c in word.chars() {
                let w = char_width(c);
                if row_width + w > width && !row.is_empty() {
                    rows.push(std::mem::take(&mut row).trim_end().to_string());
                    row_width = 0;
                    if c == ' ' {
                        // A space that would start the next row is where the break is.
                        continue;
                    }
                }
                row.push(c);
                row_width += w;
            }
        }
        rows.push(row.trim_end().to_string());
    }
    rows
}

/// Control characters (a pasted tab, say) would break the layout: show them as one space.
fn char_width(c: char) -> usize {
    if c.is_control() {
        1
    } else {
        c.width().unwrap_or(1)
    }
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
    fn wide_characters_take_two_columns() {
        assert_eq!(wrap("日本語テキスト", 6), vec!["日本語", "テキス", "ト"]);
    }
}
