//! Text fields are `ratatui-textarea` editors; these helpers give them one behaviour
//! everywhere: what counts as their text, and how typed keys and pastes reach them.

use crate::tui::display::Frame;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::widgets::Block;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::tui::action::Action;

/// Draws a field inside its box without cloning the editor to attach the box to it.
pub fn field(frame: &mut Frame, area: Rect, field: &TextArea, block: Block) {
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(field, inner);
}

pub fn new_field(placeholder: &str) -> TextArea<'static> {
    let mut field = TextArea::default();
    field.set_placeholder_text(placeholder);
    // Dimmed rather than the widget's dark grey: readable in every theme and colourless
    // under NO_COLOR.
    field.set_placeholder_style(
        ratatui::style::Style::default().add_modifier(ratatui::style::Modifier::DIM),
    );
    field.set_cursor_line_style(ratatui::style::Style::default());
    field.set_wrap_mode(WrapMode::WordOrGlyph);
    field
}

pub fn with_text(placeholder: &str, text: &str) -> TextArea<'static> {
    let mut field = new_field(placeholder);
    set_text(&mut field, text);
    field
}

pub fn text(field: &TextArea) -> String {
    field.lines().join("\n")
}

pub fn set_text(field: &mut TextArea<'static>, text: &str) {
    field.select_all();
    field.cut();
    field.insert_str(text);
}

pub fn clear(field: &mut TextArea<'static>) {
    set_text(field, "");
}

/// What an action did to a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fed {
    /// Not for the field.
    No,
    /// The cursor moved; the text is as it was (nothing to save, nothing to re-check).
    Moved,
    /// The text changed.
    Changed,
}

impl Fed {
    pub fn changed(self) -> bool {
        self == Fed::Changed
    }

    pub fn taken(self) -> bool {
        self != Fed::No
    }
}

/// Feeds typed keys, editing keys and pastes to a field. A single-line field turns pasted
/// line breaks into spaces and refuses new lines.
pub fn feed(field: &mut TextArea<'static>, action: &Action, multi_line: bool) -> Fed {
    let changed = |b: bool| if b { Fed::Changed } else { Fed::Moved };
    match action {
        Action::Input(key) => match key.code {
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                field.insert_char(c);
                Fed::Changed
            }
            _ => Fed::No,
        },
        Action::Paste(pasted) => {
            let normalised = pasted.replace("\r\n", "\n").replace('\r', "\n");
            if multi_line {
                field.insert_str(normalised);
            } else {
                field.insert_str(normalised.replace('\n', " "));
            }
            Fed::Changed
        }
        Action::InsertNewline if multi_line => {
            field.insert_newline();
            Fed::Changed
        }
        Action::CursorLeft => moved(field, CursorMove::Back),
        Action::CursorRight => moved(field, CursorMove::Forward),
        Action::CursorUp if multi_line => moved(field, CursorMove::Up),
        Action::CursorDown if multi_line => moved(field, CursorMove::Down),
        Action::WordLeft => moved(field, CursorMove::WordBack),
        Action::WordRight => moved(field, CursorMove::WordForward),
        Action::LineStart => moved(field, CursorMove::Head),
        Action::LineEnd => moved(field, CursorMove::End),
        Action::DeleteBack => changed(field.delete_char()),
        Action::DeleteForward => changed(field.delete_next_char()),
        Action::DeleteWordBack => changed(field.delete_word()),
        Action::DeleteWordForward => changed(field.delete_next_word()),
        Action::DeleteToLineEnd => changed(field.delete_line_by_end()),
        Action::DeleteToLineStart => changed(field.delete_line_by_head()),
        Action::Undo => changed(field.undo()),
        _ => Fed::No,
    }
}

/// A cursor move; a selection (a field opened with its text selected, ready to be typed
/// over) is let go rather than extended.
fn moved(field: &mut TextArea<'static>, to: CursorMove) -> Fed {
    field.cancel_selection();
    field.move_cursor(to);
    Fed::Moved
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEvent;

    #[test]
    fn typed_keys_and_pastes_become_text() {
        let mut f = new_field("");
        for c in "héllo".chars() {
            feed(
                &mut f,
                &Action::Input(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
                true,
            );
        }
        feed(&mut f, &Action::Paste(" a\r\nb".into()), true);
        assert_eq!(text(&f), "héllo a\nb");
        let mut single = new_field("");
        feed(&mut single, &Action::Paste("a\nb".into()), false);
        assert_eq!(text(&single), "a b");
    }

    fn typed(f: &mut TextArea<'static>, text: &str) {
        for c in text.chars() {
            feed(
                f,
                &Action::Input(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
                false,
            );
        }
    }

    #[test]
    fn arrows_move_the_cursor_so_a_letter_lands_where_it_belongs() {
        let mut f = new_field("");
        typed(&mut f, "Paymnts");
        for _ in 0..3 {
            assert_eq!(feed(&mut f, &Action::CursorLeft, false), Fed::Moved);
        }
        typed(&mut f, "e");
        assert_eq!(text(&f), "Payments");
    }

    #[test]
    fn home_end_word_moves_and_deletions_edit_a_line() {
        let mut f = new_field("");
        typed(&mut f, "cache stampede");
        feed(&mut f, &Action::LineStart, false);
        typed(&mut f, "a ");
        feed(&mut f, &Action::LineEnd, false);
        typed(&mut f, "!");
        assert_eq!(text(&f), "a cache stampede!");
        assert_eq!(feed(&mut f, &Action::DeleteBack, false), Fed::Changed);
        feed(&mut f, &Action::WordLeft, false);
        feed(&mut f, &Action::DeleteWordBack, false);
        assert_eq!(text(&f), "a stampede");
        feed(&mut f, &Action::LineStart, false);
        feed(&mut f, &Action::DeleteForward, false);
        assert_eq!(text(&f), " stampede");
        feed(&mut f, &Action::DeleteWordForward, false);
        assert_eq!(text(&f), "");
    }

    #[test]
    fn a_single_line_field_takes_no_new_line_and_no_control_keys() {
        let mut f = new_field("");
        typed(&mut f, "ab");
        assert_eq!(feed(&mut f, &Action::InsertNewline, false), Fed::No);
        let ctrl_a = KeyEvent::new(KeyCode::Char('a'), KeyModifiers::CONTROL);
        assert_eq!(feed(&mut f, &Action::Input(ctrl_a), false), Fed::No);
        assert_eq!(text(&f), "ab");
    }

    #[test]
    fn typing_over_a_selected_value_replaces_it_and_an_arrow_keeps_it() {
        let mut f = with_text("", "Ana");
        f.select_all();
        feed(&mut f, &Action::CursorRight, false);
        typed(&mut f, "!");
        assert_eq!(text(&f), "Ana!");
        let mut g = with_text("", "Ana");
        g.select_all();
        typed(&mut g, "Bo");
        assert_eq!(text(&g), "Bo");
    }

    #[test]
    fn set_text_replaces_everything() {
        let mut f = with_text("", "one\ntwo");
        set_text(&mut f, "three");
        assert_eq!(text(&f), "three");
        clear(&mut f);
        assert_eq!(text(&f), "");
    }
}
