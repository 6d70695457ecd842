//! A bordered list of one-line items with a selection (series, topics, people, the next
//! topic). Drawn and hit-tested here, so a click lands on the item it appears to.

use crate::tui::display::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Block, List, ListItem, ListState};

use crate::tui::theme::Theme;

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    items: Vec<ListItem>,
    selected: Option<usize>,
    block: Block,
    theme: &Theme,
) {
    let mut state = ListState::default().with_selected(selected);
    frame.render_stateful_widget(
        List::new(items)
            .highlight_style(theme.selected)
            .highlight_symbol("▶ ")
            .block(block),
        area,
        &mut state,
    );
}

/// The item under `at`, scrolled the way ratatui scrolls a list drawn from a fresh
/// state: from the top until the selected item would fall off the bottom.
pub fn row_at(area: Rect, at: Position, selected: usize) -> Option<usize> {
    let inner = Block::bordered().inner(area);
    if !inner.contains(at) {
        return None;
    }
    let offset = (selected + 1).saturating_sub(usize::from(inner.height));
    Some(offset + usize::from(at.y - inner.y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_follow_the_scroll() {
        let area = Rect::new(0, 0, 20, 6); // four rows inside the border
        assert_eq!(row_at(area, Position::new(3, 1), 0), Some(0));
        assert_eq!(row_at(area, Position::new(3, 4), 0), Some(3));
        assert_eq!(row_at(area, Position::new(3, 0), 0), None, "the border");
        assert_eq!(
            row_at(area, Position::new(3, 1), 9),
            Some(6),
            "scrolled to show 9"
        );
    }
}
