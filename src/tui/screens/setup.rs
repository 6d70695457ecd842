//! Session setup: which topic this session drills into, and who is in the room.

use crate::tui::display::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Wrap};

use crate::model::{Cycle, Participant, Role, Session, session_id};
use crate::storage::format::to_pretty_ron;
use crate::topic_choice::{TopicChoice, topic_choices};
use crate::tui::action::{Action, ClickTarget};
use crate::tui::context::Context;
use crate::tui::keymap::KeyContext;
use crate::tui::screens::Nav;
use crate::tui::theme::Theme;
use crate::tui::widgets::panel::panel;
use crate::tui::widgets::pick_list;
use crate::tui::widgets::text_field::{self, new_field};
use ratatui_textarea::TextArea;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Topics,
    Attendees,
}

/// Topics, what the selected topic covers, and who is in the room; shared by drawing
/// and mouse hit-testing. On a small terminal the list with the focus takes the whole
/// screen (Tab switches), so neither is squeezed to one row.
pub fn layout(area: Rect, focus: Focus) -> [Rect; 3] {
    if area.height < 14 || area.width < 60 {
        return match focus {
            Focus::Topics => [area, Rect::default(), Rect::default()],
            Focus::Attendees => [Rect::default(), Rect::default(), area],
        };
    }
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(62), Constraint::Fill(1)]).areas(area);
    let [topics, covers] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(5)]).areas(left);
    [topics, covers, right]
}

pub struct SetupState {
    pub choices: Vec<TopicChoice>,
    pub selected: usize,
    /// Every participant of the series, their role, and whether they are in the room.
    pub attendees: Vec<(String, Role, bool)>,
    pub attendee_selected: usize,
    pub focus: Focus,
    /// Someone joining the series: their name being typed, and their role.
    pub adding: Option<(TextArea<'static>, Role)>,
    /// Asking before someone (by index) is taken off the series.
    pub confirm_remove: Option<usize>,
    /// A new name for the series' service, being typed.
    pub renaming: Option<TextArea<'static>>,
}

impl SetupState {
    pub fn new(ctx: &Context) -> Self {
        let (choices, attendees) = match ctx.open_series() {
            Some(l) => (
                topic_choices(&l.series, &l.sessions),
                l.series
                    .participants
                    .iter()
                    .map(|p| (p.name.clone(), p.role, true))
                    .collect(),
            ),
            None => (Vec::new(), Vec::new()),
        };
        Self {
            choices,
            selected: 0,
            attendees,
            attendee_selected: 0,
            focus: Focus::Topics,
            adding: None,
            confirm_remove: None,
            renaming: None,
        }
    }

    /// The series' service gets a new name; its id (the folder, the command-line handle)
    /// stays, so nothing that points at it breaks.
    fn update_rename(&mut self, ctx: &mut Context, action: &Action) -> bool {
        let Some(field) = &mut self.renaming else {
            return false;
        };
        match action {
            Action::SaveField => {
                let name = text_field::text(field).trim().to_string();
                self.renaming = None;
                if name.is_empty() {
                    ctx.error("A series needs a name; it keeps the one it had.");
                } else if let Some(open) = ctx.series.as_mut() {
                    open.loaded.series.service = name.clone();
                    let copy = open.loaded.series.clone();
                    ctx.saver.save_with(
                        open.loaded.folder.series_path(),
                        Box::new(move || to_pretty_ron(&copy).into_bytes()),
                    );
                    ctx.info(format!("The series is now called {name}; its id stays."));
                }
            }
            Action::Cancel => self.renaming = None,
            other => {
                text_field::feed(field, other, false);
            }
        }
        true
    }

    /// The series' participants as this screen now has them, written through the saver.
    fn save_participants(&self, ctx: &mut Context) {
        let Some(open) = ctx.series.as_mut() else {
            return;
        };
        let series = &mut open.loaded.series;
        series.participants = self
            .attendees
            .iter()
            .map(|(name, role, _)| Participant {
                name: name.clone(),
                role: *role,
            })
            .collect();
        let copy = series.clone();
        ctx.saver.save_with(
            open.loaded.folder.series_path(),
            Box::new(move || to_pretty_ron(&copy).into_bytes()),
        );
    }

    /// Adding someone, or asking before removing someone: these take the keyboard.
    fn update_people(&mut self, ctx: &mut Context, action: &Action) -> bool {
        if let Some((field, role)) = &mut self.adding {
            match action {
                Action::AddParticipant => {
                    let name = text_field::text(field).trim().to_string();
                    let role = *role;
                    self.adding = None;
                    if !name.is_empty() {
                        self.attendees.push((name.clone(), role, true));
                        self.attendee_selected = self.attendees.len() - 1;
                        self.save_participants(ctx);
                        ctx.info(format!("{name} joins the series as {}.", role.label()));
                    }
                }
                Action::CycleRole => *role = role.next(),
                Action::Cancel => self.adding = None,
                other => {
                    text_field::feed(field, other, false);
                }
            }
            return true;
        }
        if let Some(i) = self.confirm_remove {
            match action {
                Action::Confirm => {
                    self.confirm_remove = None;
                    if i < self.attendees.len() {
                        let (name, _, _) = self.attendees.remove(i);
                        self.attendee_selected = self
                            .attendee_selected
                            .min(self.attendees.len().saturating_sub(1));
                        self.save_participants(ctx);
                        ctx.info(format!(
                            "{name} is off the series; sessions they attended still name them."
                        ));
                    }
                }
                Action::Cancel => self.confirm_remove = None,
                _ => {}
            }
            return true;
        }
        false
    }

    pub fn key_contexts(&self) -> Vec<KeyContext> {
        if self.renaming.is_some() {
            return vec![KeyContext::TextLine, KeyContext::SetupRename];
        }
        if self.adding.is_some() {
            return vec![KeyContext::TextLine, KeyContext::SetupAdd];
        }
        if self.confirm_remove.is_some() {
            return vec![KeyContext::Confirm];
        }
        match self.focus {
            Focus::Topics => vec![KeyContext::Setup],
            Focus::Attendees => vec![KeyContext::SetupPeople, KeyContext::Setup],
        }
    }

    pub fn update(&mut self, ctx: &mut Context, action: &Action) -> Option<Nav> {
        if self.update_rename(ctx, action) || self.update_people(ctx, action) {
            return None;
        }
        let (cursor, len) = match self.focus {
            Focus::Topics => (&mut self.selected, self.choices.len()),
            Focus::Attendees => (&mut self.attendee_selected, self.attendees.len()),
        };
        match action {
            Action::PreviousItem => *cursor = cursor.saturating_sub(1),
            Action::NextItem => *cursor = (*cursor + 1).min(len.saturating_sub(1)),
            Action::SwitchList => {
                self.focus = match self.focus {
                    Focus::Topics => Focus::Attendees,
                    _ => Focus::Topics,
                }
            }
            Action::ToggleAttendance if self.focus == Focus::Attendees => {
                if let Some((_, _, here)) = self.attendees.get_mut(self.attendee_selected) {
                    *here = !*here;
                }
            }
            Action::RenameSeries => {
                let current = ctx
                    .open_series()
                    .map(|l| l.series.service.clone())
                    .unwrap_or_default();
                let mut field = text_field::with_text("the service's name", &current);
                // Selected: typing replaces it, an arrow key keeps it for editing.
                field.select_all();
                self.renaming = Some(field);
            }
            Action::NewParticipant if self.focus == Focus::Attendees => {
                self.adding = Some((new_field("a name, then Enter"), Role::Participant));
            }
            Action::CycleRole if self.focus == Focus::Attendees => {
                if let Some((_, role, _)) = self.attendees.get_mut(self.attendee_selected) {
                    *role = role.next();
                    self.save_participants(ctx);
                }
            }
            Action::RemoveParticipant
                if self.focus == Focus::Attendees
                    && self.attendee_selected < self.attendees.len() =>
            {
                self.confirm_remove = Some(self.attendee_selected);
            }
            Action::StartSession => return self.start(ctx),
            Action::Click {
                target: ClickTarget::Topic,
                index,
            } if *index < self.choices.len() => {
                self.focus = Focus::Topics;
                self.selected = *index;
            }
            Action::Click {
                target: ClickTarget::Attendee,
                index,
            } => {
                if let Some((_, _, here)) = self.attendees.get_mut(*index) {
                    self.focus = Focus::Attendees;
                    self.attendee_selected = *index;
                    *here = !*here;
                }
            }
            Action::Back => return Some(Nav::SeriesList),
            _ => {}
        }
        None
    }

    fn start(&mut self, ctx: &mut Context) -> Option<Nav> {
        let choice = self.choices.get(self.selected)?.clone();
        let started = crate::clock::to_datetime(ctx.now_ms());
        // Two sessions started in the same second on the same topic get distinct files.
        // A session's id names its file, and file names travel with a shared series: a
        // room-only off-shoot's title (what was said in the room) must not be in it.
        let room_only = match &choice.topic {
            crate::model::TopicRef::OffShoot { session, note, .. } => ctx
                .open_series()?
                .sessions
                .iter()
                .find(|s| &s.id == session)
                .and_then(|s| s.note(*note))
                .is_some_and(|n| n.room_only),
            crate::model::TopicRef::Agenda(_) => false,
        };
        let slug = if room_only {
            "off-shoot"
        } else {
            &choice.title
        };
        let base = session_id(started, slug);
        let id = std::iter::once(base.clone())
            .chain((2..).map(|n| format!("{base}-{n}")))
            .find(|id| !ctx.open_series().is_some_and(|o| o.session_id_taken(id)))?;
        let attendees = self
            .attendees
            .iter()
            .filter(|(_, _, here)| *here)
            .map(|(name, _, _)| name.clone())
            .collect();
        let session = Session::new(id, choice.topic, started, ctx.minutes, attendees);
        ctx.save_session(&session);
        Some(Nav::StartSession(Box::new(session)))
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Context) {
        let theme = &ctx.theme;
        let [topics_area, covers_area, right] = layout(area, self.focus);
        let items: Vec<ListItem> = self
            .choices
            .iter()
            .map(|c| {
                let mut spans = vec![Span::styled(
                    c.title.clone(),
                    if c.covered { theme.dim } else { theme.base },
                )];
                if c.chosen_last_time {
                    spans.push(Span::styled("  ★ chosen last time", theme.warning));
                }
                if c.is_offshoot {
                    spans.push(Span::styled("  (parked off-shoot)", theme.kind_offshoot));
                }
                if c.covered {
                    spans.push(Span::styled("  ✔ covered", theme.ok));
                }
                ListItem::new(Line::from(spans))
            })
            .collect();
        pick_list::draw(
            frame,
            topics_area,
            items,
            Some(self.selected),
            panel(
                " Topic for this session ",
                self.focus == Focus::Topics,
                theme,
            ),
            theme,
        );
        if let Some(field) = &self.renaming {
            // A small terminal has no covers pane: the field goes on top of the list.
            let field_area = if covers_area.height >= 3 {
                covers_area
            } else {
                Rect::new(area.x, area.y, area.width, 3.min(area.height))
            };
            text_field::field(
                frame,
                field_area,
                field,
                panel(" Rename the series (its id stays) ", true, theme),
            );
            return self.draw_people(frame, right, theme);
        }
        let covers = self
            .choices
            .get(self.selected)
            .and_then(|c| match &c.topic {
                crate::model::TopicRef::Agenda(id) => ctx
                    .open_series()
                    .and_then(|l| l.series.agenda.topic(id))
                    .map(|t| t.covers.clone()),
                // The scribe's own words, whole: the list above may cut them.
                crate::model::TopicRef::OffShoot { .. } => {
                    Some(format!("Parked in an earlier session: {}", c.title))
                }
            })
            .unwrap_or_default();
        frame.render_widget(
            Paragraph::new(covers)
                .wrap(Wrap { trim: true })
                .style(theme.dim)
                .block(panel(" Covers ", false, theme)),
            covers_area,
        );
        self.draw_people(frame, right, theme);
    }

    fn draw_people(&self, frame: &mut Frame, right: Rect, theme: &Theme) {
        let people: Vec<ListItem> = if self.attendees.is_empty() {
            vec![ListItem::new(Line::styled(
                "No participants yet: Tab here, then a to add someone.",
                theme.dim,
            ))]
        } else {
            self.attendees
                .iter()
                .map(|(name, role, here)| {
                    ListItem::new(Line::from(vec![
                        Span::raw(format!("[{}] {name} ", if *here { "x" } else { " " })),
                        Span::styled(role.label(), theme.dim),
                    ]))
                })
                .collect()
        };
        // Someone joining: their name is typed in a box under the list.
        let (list_area, add_area) = match &self.adding {
            Some(_) => {
                let [list, add] =
                    Layout::vertical([Constraint::Fill(1), Constraint::Length(3)]).areas(right);
                (list, Some(add))
            }
            None => (right, None),
        };
        let title = match self.confirm_remove.and_then(|i| self.attendees.get(i)) {
            Some((name, _, _)) => format!(" Remove {name} from the series? y / n "),
            None => " In the room (Space) ".to_string(),
        };
        pick_list::draw(
            frame,
            list_area,
            people,
            (self.focus == Focus::Attendees).then_some(self.attendee_selected),
            panel(title, self.focus == Focus::Attendees, theme),
            theme,
        );
        if let (Some((field, role)), Some(area)) = (&self.adding, add_area) {
            text_field::field(
                frame,
                area,
                field,
                panel(
                    format!(" Joins as {} (Ctrl+R: role) ", role.label()),
                    true,
                    theme,
                ),
            );
        }
    }
}
