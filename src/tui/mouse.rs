//! Mouse clicks and the wheel, turned into the same actions the keys give. Hit-testing
//! uses the layout functions the screens draw with, so a click lands where it looks.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use crate::model::NoteKind;
use crate::tui::action::{Action, ClickTarget};
use crate::tui::app::App;
use crate::tui::screens::{Screen, live, series_list, setup};
use crate::tui::view;
use crate::tui::widgets::{help_bar, pick_list};

pub fn action_for_mouse(app: &App, event: &MouseEvent, screen: Rect) -> Option<Action> {
    let at = Position::new(event.column, event.row);
    let [_, body, _, _, help] = view::regions(screen, app);
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) if help.contains(at) => help_bar::hit(
            &app.ctx.keymap,
            &app.key_focus(),
            help.width,
            at.x - help.x,
            at.y - help.y,
        ),
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
            (
                ClickTarget::SeriesRow,
                pick_list::row_at(list, at, s.selected)?,
            )
        }
        Screen::Setup(s) => {
            let [topics, _, attendees] = setup::layout(body, s.focus);
            if topics.contains(at) {
                (
                    ClickTarget::Topic,
                    pick_list::row_at(topics, at, s.selected)?,
                )
            } else {
                (
                    ClickTarget::Attendee,
                    pick_list::row_at(attendees, at, s.attendee_selected)?,
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
            let [_, _, next, _, _] = c.layout(body, &app.ctx);
            let (next, _) = c.next_topic_list(next);
            (
                ClickTarget::NextTopic,
                pick_list::row_at(next, at, c.next_row())?,
            )
        }
        Screen::NewSeries(_)
        | Screen::Prioritise(_)
        | Screen::Summary(_)
        | Screen::Ballot(_)
        | Screen::Waiting(_)
        | Screen::Loading(_) => {
            return None;
        }
    };
    Some(Action::Click { target, index })
}
