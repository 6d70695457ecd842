//! The help bar: the keys that work where the focus is, straight from the keymap. It wraps
//! onto a second row rather than hide a key on a narrow terminal.

use crate::tui::display::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::action::Action;
use crate::tui::keymap::{Binding, KeyFocus, Keymap};
use crate::tui::theme::Theme;

/// Most rows the bar may take; past that, entries at the end are left to the `F1` overlay.
const MAX_ROWS: usize = 2;

type Entry<'k> = (String, String, &'k Binding);

/// The bar laid out in rows of at most `width` columns, as (key, help, binding).
fn rows<'k>(keymap: &'k Keymap, focus: &KeyFocus, width: u16) -> Vec<Vec<Entry<'k>>> {
    let mut rows: Vec<Vec<Entry>> = vec![Vec::new()];
    let mut used = 0usize;
    for binding in keymap.help_for(focus).into_iter().filter(|b| b.in_bar) {
        let key = format!(" {} ", binding.chords[0].short_label());
        let text = format!(" {} ", binding.help);
        let entry_width = key.chars().count() + text.chars().count();
        if used + entry_width > usize::from(width) && used > 0 {
            if rows.len() == MAX_ROWS {
                break;
            }
            rows.push(Vec::new());
            used = 0;
        }
        used += entry_width;
        if let Some(row) = rows.last_mut() {
            row.push((key, text, binding));
        }
    }
    rows
}

/// How many rows the bar needs at this width.
pub fn height(keymap: &Keymap, focus: &KeyFocus, width: u16) -> u16 {
    u16::try_from(rows(keymap, focus, width).len()).unwrap_or(1)
}

pub fn draw(frame: &mut Frame, area: Rect, keymap: &Keymap, focus: &KeyFocus, theme: &Theme) {
    let lines: Vec<Line> = rows(keymap, focus, area.width)
        .into_iter()
        .map(|row| {
            Line::from(
                row.into_iter()
                    .flat_map(|(key, text, _)| {
                        [Span::styled(key, theme.key), Span::styled(text, theme.dim)]
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// The action of the help-bar entry at column `x` of row `y` (relative to the bar), so
/// the bar doubles as a row of buttons.
pub fn hit(keymap: &Keymap, focus: &KeyFocus, width: u16, x: u16, y: u16) -> Option<Action> {
    let row = rows(keymap, focus, width).into_iter().nth(usize::from(y))?;
    let mut left = 0usize;
    for (key, text, binding) in row {
        let right = left + key.chars().count() + text.chars().count();
        if (left..right).contains(&usize::from(x)) {
            return Some(binding.action.clone());
        }
        left = right;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::{Facts, KeyContext as C};

    #[test]
    fn clicking_an_entry_gives_its_action() {
        let keymap = Keymap::default();
        let focus = KeyFocus::new(
            vec![
                C::TextMulti,
                C::TextLine,
                C::LiveEditor,
                C::Global,
                C::Always,
            ],
            Facts::default(),
        );
        let hit = |x, y| hit(&keymap, &focus, 200, x, y);
        // " Enter  save " is the first entry of the editor's bar: 13 columns.
        assert_eq!(hit(0, 0), Some(Action::CommitNote));
        assert_eq!(hit(12, 0), Some(Action::CommitNote));
        assert_eq!(hit(13, 0), Some(Action::NextKind));
        assert_eq!(hit(199, 0), None);
        assert_eq!(hit(0, 5), None);
    }
}
