//! Mouse clicks and the wheel, turned into the same actions the keys give. Hit-testing
//! uses the layout functions the screens draw with, so a click lands where it looks.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use crate::model::NoteKind;
use crate::tui::action::{Action, ClickTarget};
use crate::tui::app::App;
use crate::tui::screens::{Screen, live, series_list, setup};
use crate::tui::view;
use crate::tui::widgets::help_bar;

pub fn action_for_mouse(app: &App, event: &MouseEvent, screen: Rect) -> Option<Action> {
    let at = Position::new(event.column, event.row);
    let [_, body, _, help] = view::regions(screen, app);
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) if help.contains(at) => {
            help_bar::hit(app.focus(), help.width, at.x - help.x, at.y - help.y)
        }
        // Overlays keep the mouse, like the keyboard, away from what is underneath.
        _ if app.overlay.is_some() => None,
        MouseEventKind::Down(MouseButton::Left) => click(app, body, at),
        MouseEventKind::ScrollUp | MouseEventKind::ScrollDown => {
            let Screen::Live(live) = &app.screen else {
                return None;
            };
            live::layout(body, true, live.kind == NoteKind::Question)
                .notes
                .contains(at)
                .then(|| {
                    if event.kind == MouseEventKind::ScrollUp {
                        Action::ScrollUp
                    } else {
                        Action::ScrollDown
                    }
                })
                .filter(|_| !live.session.notes.is_empty())
        }
        _ => None,
    }
}

fn click(app: &App, body: Rect, at: Position) -> Option<Action> {
    let (target, index) = match &app.screen {
        Screen::SeriesList(s) => {
            let [list, _] = series_list::layout(body);
            (ClickTarget::SeriesRow, list_row(list, at, s.selected)?)
        }
        Screen::Setup(s) => {
            let [topics, _, attendees] = setup::layout(body);
            if topics.contains(at) {
                (ClickTarget::Topic, list_row(topics, at, s.selected)?)
            } else {
                (
                    ClickTarget::Attendee,
                    list_row(attendees, at, s.attendee_selected)?,
                )
            }
        }
        Screen::Live(l) => {
            let notes = live::layout(body, true, l.kind == NoteKind::Question).notes;
            if !notes.contains(at) {
                return None;
            }
            (ClickTarget::Note, l.note_at(notes, at.y)?)
        }
        Screen::Closing(c) => {
            let [_, _, next, _, _] = c.layout(body);
            (ClickTarget::NextTopic, list_row(next, at, c.next_selected)?)
        }
        Screen::NewSeries(_) | Screen::Prioritise(_) | Screen::Summary(_) => return None,
    };
    Some(Action::Click { target, index })
}

/// The item of a bordered one-line-per-item list under `at`, scrolled the way ratatui
/// scrolls it: from the top until the selected item would fall off the bottom.
fn list_row(area: Rect, at: Position, selected: usize) -> Option<usize> {
    let inner = Rect::new(
        area.x + 1,
        area.y + 1,
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    );
    if !inner.contains(at) {
        return None;
    }
    let rows = usize::from(inner.height);
    let offset = (selected + 1).saturating_sub(rows);
    Some(offset + usize::from(at.y - inner.y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_rows_follow_the_scroll() {
        let area = Rect::new(0, 0, 20, 6); // four rows inside the border
        assert_eq!(list_row(area, Position::new(3, 1), 0), Some(0));
        assert_eq!(list_row(area, Position::new(3, 4), 0), Some(3));
        assert_eq!(list_row(area, Position::new(3, 0), 0), None, "the border");
        assert_eq!(
            list_row(area, Position::new(3, 1), 9),
            Some(6),
            "scrolled to show 9"
        );
    }
}
