//! Starting a series: which service, which agenda, and who takes part in what role.

use crate::tui::display::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui_textarea::TextArea;

use crate::model::{Cycle, FORMAT_VERSION, Participant, Role, Series, slugify};
use crate::storage::{Task, TaskDone, Ticket};
use crate::tui::action::Action;
use crate::tui::context::Context;
use crate::tui::keymap::KeyContext;
use crate::tui::screens::Nav;
use crate::tui::widgets::panel::panel;
use crate::tui::widgets::text_field::{self, field, new_field};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Service,
    Agenda,
    Participant,
}

pub struct NewSeriesState {
    pub field: Field,
    pub service: TextArea<'static>,
    pub agenda: usize,
    pub participant: TextArea<'static>,
    pub role: Role,
    pub participants: Vec<Participant>,
    /// The series handed to the saver and not created yet: its ticket.
    creating: Option<Ticket>,
}

impl NewSeriesState {
    pub fn new(ctx: &Context) -> Self {
        let agenda = ctx
            .agendas
            .iter()
            .position(|a| a.agenda.id == ctx.default_agenda)
            .unwrap_or(0);
        Self {
            field: Field::Service,
            service: new_field("e.g. Payments API"),
            agenda,
            participant: new_field("a name, then Enter"),
            role: Role::ServiceOwner,
            participants: Vec::new(),
            creating: None,
        }
    }

    pub fn key_contexts(&self) -> Vec<KeyContext> {
        match self.field {
            Field::Service => vec![
                KeyContext::TextLine,
                KeyContext::NewSeriesName,
                KeyContext::NewSeries,
            ],
            Field::Agenda => vec![KeyContext::NewSeriesAgenda, KeyContext::NewSeries],
            Field::Participant => vec![
                KeyContext::TextLine,
                KeyContext::NewSeriesPeople,
                KeyContext::NewSeries,
            ],
        }
    }

    pub fn update(&mut self, ctx: &mut Context, action: &Action) -> Option<Nav> {
        match action {
            Action::Stored(done) => return self.created(done),
            Action::Back => return Some(Nav::SeriesList),
            Action::NextField => self.field = self.next_field(),
            Action::PreviousField => self.field = self.prev_field(),
            Action::PreviousAgenda if !ctx.agendas.is_empty() => {
                self.agenda = (self.agenda + ctx.agendas.len() - 1) % ctx.agendas.len();
            }
            Action::NextAgenda if !ctx.agendas.is_empty() => {
                self.agenda = (self.agenda + 1) % ctx.agendas.len();
            }
            Action::CycleRole => self.role = self.role.next(),
            Action::RemoveParticipant => {
                self.participants.pop();
            }
            Action::AddParticipant => self.add_participant(),
            Action::CreateSeries => return self.create(ctx),
            other => {
                let field = match self.field {
                    Field::Service => &mut self.service,
                    Field::Participant => &mut self.participant,
                    Field::Agenda => return None,
                };
                text_field::feed(field, other, false);
            }
        }
        None
    }

    fn next_field(&self) -> Field {
        match self.field {
            Field::Service => Field::Agenda,
            Field::Agenda => Field::Participant,
            Field::Participant => Field::Service,
        }
    }

    fn prev_field(&self) -> Field {
        match self.field {
            Field::Service => Field::Participant,
            Field::Agenda => Field::Service,
            Field::Participant => Field::Agenda,
        }
    }

    fn add_participant(&mut self) {
        let name = text_field::text(&self.participant).trim().to_string();
        if !name.is_empty() {
            self.participants.push(Participant {
                name,
                role: self.role,
            });
            text_field::clear(&mut self.participant);
        }
    }

    fn create(&mut self, ctx: &mut Context) -> Option<Nav> {
        if self.creating.is_some() {
            // Asked twice before the first is done: one series, not two.
            return None;
        }
        let service = text_field::text(&self.service).trim().to_string();
        if service.is_empty() {
            self.field = Field::Service;
            ctx.error("Name the service first.");
            return None;
        }
        // A name typed but not yet added with Enter still counts.
        self.add_participant();
        let agenda = ctx.agendas.get(self.agenda)?.agenda.clone();
        // The id wanted; the saver takes the first free one like it (the UI reads nothing).
        let series = Series {
            version: FORMAT_VERSION,
            id: slugify(&service),
            service,
            agenda,
            participants: self.participants.clone(),
            created: crate::clock::to_datetime(ctx.now_ms()),
        };
        let ticket = ctx.run_task(
            Task::CreateSeries {
                data: ctx.data.clone(),
                series: Box::new(series),
            },
            Some("Created".into()),
            "cannot create the series".into(),
        );
        self.creating = Some(ticket);
        None
    }

    /// The saver has created the series (or could not): open it, or stay with the form.
    fn created(&mut self, done: &TaskDone) -> Option<Nav> {
        if self.creating? != done.ticket {
            return None;
        }
        self.creating = None;
        done.created.clone().map(Nav::OpenSeries)
    }

    /// A short terminal: one row per field, a label before it, the people below.
    fn draw_compact(&self, frame: &mut Frame, area: Rect, ctx: &Context) {
        let theme = &ctx.theme;
        let [service, agenda, person, list] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        let label = |frame: &mut Frame, row: Rect, text: &str, field: Field| -> Rect {
            let style = if self.field == field {
                theme.selected
            } else {
                theme.dim
            };
            let width = u16::try_from(text.chars().count()).unwrap_or(0) + 1;
            let [l, rest] =
                Layout::horizontal([Constraint::Length(width), Constraint::Fill(1)]).areas(row);
            frame.render_widget(Paragraph::new(Span::styled(text.to_string(), style)), l);
            rest
        };
        let rest = label(frame, service, "Service", Field::Service);
        frame.render_widget(&self.service, rest);
        let rest = label(frame, agenda, "Agenda", Field::Agenda);
        let title = ctx
            .agendas
            .get(self.agenda)
            .map_or("", |a| a.agenda.title.as_str());
        frame.render_widget(
            Paragraph::new(Span::styled(format!("◀ {title} ▶"), theme.title)),
            rest,
        );
        let role = format!("Add as {}", self.role.label());
        let rest = label(frame, person, &role, Field::Participant);
        frame.render_widget(&self.participant, rest);
        let people: Vec<Line> = self
            .participants
            .iter()
            .map(|p| {
                Line::from(vec![
                    Span::styled(p.name.clone(), theme.base),
                    Span::styled(format!("  {}", p.role.label()), theme.dim),
                ])
            })
            .collect();
        frame.render_widget(Paragraph::new(people).wrap(Wrap { trim: true }), list);
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Context) {
        if area.height < 14 {
            return self.draw_compact(frame, area, ctx);
        }
        let theme = &ctx.theme;
        let [service_area, agenda_area, participant_area, list_area] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Length(4),
            Constraint::Length(3),
            Constraint::Fill(1),
        ])
        .areas(area);
        field(
            frame,
            service_area,
            &self.service,
            panel(" Service ", self.field == Field::Service, theme),
        );

        let agenda = ctx.agendas.get(self.agenda);
        let agenda_lines = vec![
            Line::from(vec![
                Span::styled("◀ ", theme.dim),
                Span::styled(
                    agenda.map_or("", |a| a.agenda.title.as_str()).to_string(),
                    theme.title,
                ),
                Span::styled(
                    format!(
                        " ({} topics) ▶",
                        agenda.map_or(0, |a| a.agenda.topics.len())
                    ),
                    theme.dim,
                ),
            ]),
            Line::styled(
                agenda
                    .map_or("", |a| a.agenda.description.as_str())
                    .to_string(),
                theme.dim,
            ),
        ];
        frame.render_widget(
            Paragraph::new(agenda_lines)
                .wrap(Wrap { trim: true })
                .block(panel(" Agenda (← →) ", self.field == Field::Agenda, theme)),
            agenda_area,
        );

        field(
            frame,
            participant_area,
            &self.participant,
            panel(
                format!(" Add participant as {} (Ctrl+R: role) ", self.role.label()),
                self.field == Field::Participant,
                theme,
            ),
        );

        let people: Vec<Line> = if self.participants.is_empty() {
            vec![Line::styled(
                "Service owners, roast participants, one scribe and one moderator.",
                theme.dim,
            )]
        } else {
            self.participants
                .iter()
                .map(|p| {
                    Line::from(vec![
                        Span::styled(format!("{:<28}", p.name), theme.base),
                        Span::styled(p.role.label(), theme.dim),
                    ])
                })
                .collect()
        };
        frame.render_widget(
            Paragraph::new(people)
                .wrap(Wrap { trim: true })
                .block(panel(" Participants ", false, theme)),
            list_area,
        );
    }
}
