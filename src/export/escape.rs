//! Making user text safe for each format. Every piece of text the room typed passes
//! through one of these before it is written, so it always reads as typed and never as
//! markup, script or formula.

use std::borrow::Cow;

pub use crate::safe_text::{is_bidi_control, is_invisible, replace_hidden};

/// Control characters (other than line breaks and tab), Unicode noncharacters and
/// characters that change how text displays without showing themselves become U+FFFD:
/// they have no business in a document, make an HTML parser complain, and some terminals
/// and spreadsheets act on them. CR is kept for each format to handle: a note typed on
/// Windows has CRLF line ends.
pub fn printable(text: &str) -> Cow<'_, str> {
    let bad = |c: char| {
        (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
            || ('\u{FDD0}'..='\u{FDEF}').contains(&c)
            || (u32::from(c) & 0xFFFE) == 0xFFFE
    };
    replace_hidden(text, bad)
}

/// Text for HTML element content and quoted attribute values.
pub fn html(text: &str) -> String {
    let text = printable(text);
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // A lone CR is dropped: HTML would turn it into a line break anyway.
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Inline Markdown (GitHub-flavoured) that renders exactly as typed, on one source line:
/// safe in a paragraph, a list item, a heading and a table cell.
///
/// - every character that can start inline markup (emphasis, code, links, HTML, entities,
///   strike-through, maths, table pipes) is backslash-escaped, which CommonMark allows for
///   any ASCII punctuation;
/// - the first character is escaped when it could start a block (`#`, `-`, `+`, `=`,
///   `>`, `1.`), since the text may follow a list marker or open a line;
/// - line breaks become `<br>` (the one piece of HTML GitHub keeps in table cells), so
///   a note can never end a table row or start a new block.
pub fn markdown(text: &str) -> String {
    let text = printable(text);
    let text = text.trim();
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    // Text is copied in runs between the characters that need work (all of them ASCII,
    // so a byte never splits a character): an export escapes megabytes of notes.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'|' | b'~' | b'&' | b'#'
            | b'$' | b'!' => {
                out.push_str(&text[run..i]);
                out.push('\\');
                run = i;
            }
            b'-' | b'+' | b'=' if i == 0 => {
                out.push('\\');
            }
            b'.' | b')' => {
                out.push_str(&text[run..i]);
                run = i;
                if ends_with_number_at_start(&out) {
                    out.push('\\');
                }
            }
            b'\r' => {
                out.push_str(&text[run..i]);
                run = i + 1;
            }
            b'\t' => {
                out.push_str(&text[run..i]);
                out.push(' ');
                run = i + 1;
            }
            b'\n' => {
                out.push_str(&text[run..i]);
                out.push_str("<br>");
                // Spaces after a break would be kept; leading ones mean nothing here.
                i += 1;
                while i < bytes.len() && matches!(bytes[i], b' ' | b'\t') {
                    i += 1;
                }
                run = i;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out.push_str(&text[run..]);
    out
}

/// True when everything written so far is digits: "1" before "." would make a list.
fn ends_with_number_at_start(out: &str) -> bool {
    !out.is_empty() && out.len() <= 9 && out.bytes().all(|b| b.is_ascii_digit())
}

/// A CSV cell that a spreadsheet will not run: a cell starting with `=`, `+`, `-`, `@`,
/// tab or carriage return could be taken as a formula (CSV injection), so it gets a
/// leading `'`, which spreadsheets show as text and issue trackers keep as a character.
/// Quoting of commas, quotes and newlines is left to the CSV writer.
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The escaping as first written, a character at a time: the fast one must agree.
    fn markdown_char_by_char(text: &str) -> String {
        let text = printable(text);
        let text = text.trim();
        let mut out = String::with_capacity(text.len() + text.len() / 4);
        let mut line_start = true;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\r' => {}
                '\n' => {
                    out.push_str("<br>");
                    // Spaces after a break would be kept; leading ones mean nothing here.
                    while chars.peek().is_some_and(|c| *c == ' ' || *c == '\t') {
                        chars.next();
                    }
                    continue;
                }
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '$'
                | '!' => {
                    out.push('\\');
                    out.push(c);
                }
                '-' | '+' | '=' if line_start => {
                    out.push('\\');
                    out.push(c);
                }
                '.' | ')' if ends_with_number_at_start(&out) => {
                    out.push('\\');
                    out.push(c);
                }
                '\t' => out.push(' '),
                c => out.push(c),
            }
            line_start = false;
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn markdown_escapes_exactly_as_the_character_at_a_time_escaping(
            text in r"[0-9a-z \-+=.)#*_`\\<>|~&$!\[\]\r\n\té日\u{202E}]{0,40}",
        ) {
            proptest::prop_assert_eq!(markdown(&text), markdown_char_by_char(&text));
        }
    }

    #[test]
    fn text_that_displays_differently_from_what_it_says_is_shown_as_replaced() {
        assert_eq!(printable("a\u{202E}txt.exe"), "a\u{FFFD}txt.exe");
        assert_eq!(
            printable("pay\u{200B}pal\u{FEFF}"),
            "pay\u{FFFD}pal\u{FFFD}"
        );
        assert_eq!(
            printable("x\u{85}y\u{7f}z\u{9b}"),
            "x\u{FFFD}y\u{FFFD}z\u{FFFD}"
        );
        assert_eq!(printable("a\u{200D}b"), "a\u{FFFD}b");
        // Joiners that do work stay: an emoji family and a Persian word.
        for kept in ["👩\u{200D}👧", "می\u{200C}خواهم"] {
            assert_eq!(printable(kept), kept);
        }
    }

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            html("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
        assert_eq!(html("a\u{0}b\u{7}c\u{FFFF}"), "a\u{FFFD}b\u{FFFD}c\u{FFFD}");
    }

    #[test]
    fn markdown_escapes_inline_markup() {
        assert_eq!(markdown("a | b *c* _d_ `e`"), r"a \| b \*c\* \_d\_ \`e\`");
        assert_eq!(markdown("[x](javascript:y)"), r"\[x\](javascript:y)");
        assert_eq!(
            markdown("<img src=x onerror=y>"),
            r"\<img src=x onerror=y\>"
        );
        assert_eq!(markdown("&lt; ~~s~~ $x$"), r"\&lt; \~\~s\~\~ \$x\$");
    }

    #[test]
    fn markdown_cannot_start_a_block() {
        assert_eq!(markdown("# title"), r"\# title");
        assert_eq!(markdown("- item"), r"\- item");
        assert_eq!(markdown("+ item"), r"\+ item");
        assert_eq!(markdown("> quote"), r"\> quote");
        assert_eq!(markdown("==="), r"\===");
        assert_eq!(markdown("12. twelve"), r"12\. twelve");
        assert_eq!(markdown("3) three"), r"3\) three");
        assert_eq!(markdown("fail-over at 3.5"), "fail-over at 3.5");
        assert_eq!(markdown("   indented code"), "indented code");
    }

    #[test]
    fn markdown_keeps_every_line_in_one_source_line() {
        assert_eq!(
            markdown("one\n# two\r\n  - three"),
            r"one<br>\# two<br>- three"
        );
        assert!(!markdown("a\n\nb\n|c|").contains('\n'));
    }

    #[test]
    fn csv_cells_that_look_like_formulas_are_neutralised() {
        for f in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(csv_cell(f), format!("'{f}"));
        }
        assert_eq!(csv_cell("a=1"), "a=1");
        assert_eq!(csv_cell(""), "");
    }
}
