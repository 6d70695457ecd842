//! Text fields are `ratatui-textarea` editors; these helpers give them one behaviour
//! everywhere: what counts as their text, and how typed keys and pastes reach them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Block;
use ratatui_textarea::{TextArea, WrapMode};

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

/// Feeds typed keys and pastes to a field; returns whether the action was text for it.
/// A single-line field turns pasted line breaks into spaces.
pub fn feed(field: &mut TextArea<'static>, action: &Action, multi_line: bool) -> bool {
    match action {
        Action::Input(key) => {
            field.input(*key);
            true
        }
        Action::Paste(pasted) => {
            let normalised = pasted.replace("\r\n", "\n").replace('\r', "\n");
            if multi_line {
                field.insert_str(normalised);
            } else {
                field.insert_str(normalised.replace('\n', " "));
            }
            true
        }
        Action::InsertNewline if multi_line => {
            field.insert_newline();
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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

    #[test]
    fn set_text_replaces_everything() {
        let mut f = with_text("", "one\ntwo");
        set_text(&mut f, "three");
        assert_eq!(text(&f), "three");
        clear(&mut f);
        assert_eq!(text(&f), "");
    }
}
