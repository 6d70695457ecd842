//! Closing: how the session ended, the topic for next time, the scribe's summary of key
//! learnings and opportunities, and the area's maturity (0–5, optional).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph};
use ratatui_textarea::TextArea;

use crate::model::{ClosingDraft, Outcome, Session, TopicRef};
use crate::timer::Phase;
use crate::topic_choice::{TopicChoice, topic_choices};
use crate::tui::action::{Action, ClickTarget};
use crate::tui::context::Context;
use crate::tui::keymap::KeyContext;
use crate::tui::screens::Nav;
use crate::tui::screens::autosave::Autosave;
use crate::tui::widgets::panel::panel;
use crate::tui::widgets::pick_list;
use crate::tui::widgets::text_field::{self, field, with_text};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Outcome,
    Reason,
    NextTopic,
    Summary,
    Maturity,
}

const OUTCOMES: [&str; 3] = ["completed", "called off", "ran over"];

pub struct ClosingState {
    pub session: Session,
    pub field: Field,
    /// Index into [`OUTCOMES`].
    pub outcome: usize,
    pub reason: TextArea<'static>,
    /// The choices for next time; `None` at index 0 means "decide next time".
    pub next_choices: Vec<TopicChoice>,
    /// 0 = decide next time, otherwise 1 + index into `next_choices`.
    pub next_selected: usize,
    pub summary: TextArea<'static>,
    pub maturity: Option<u8>,
    pub autosave: Autosave,
}

impl ClosingState {
    pub fn new(ctx: &Context, session: Session) -> Self {
        let next_choices: Vec<TopicChoice> = ctx
            .open_series()
            .map(|l| {
                // Offer what is left once this session counts as held.
                let mut this = session.clone();
                this.outcome = Some(Outcome::Completed);
                let mut sessions = l.sessions.clone();
                sessions.push(this);
                topic_choices(&l.series, &sessions)
                    .into_iter()
                    .filter(|c| !c.covered)
                    .collect()
            })
            .unwrap_or_default();
        let now = ctx.now_ms();
        let (outcome, reason) = match &session.closing {
            Some(ClosingDraft {
                outcome: Outcome::CalledOff { reason },
            }) => (1, reason.clone()),
            Some(ClosingDraft {
                outcome: Outcome::RanOver,
            }) => (2, String::new()),
            Some(ClosingDraft {
                outcome: Outcome::Completed,
            }) => (0, String::new()),
            None => match session.timer.phase(now) {
                Phase::Overtime | Phase::OverAnHour => (2, String::new()),
                _ => (0, String::new()),
            },
        };
        let next_selected = session
            .next_topic
            .as_ref()
            .and_then(|t| next_choices.iter().position(|c| &c.topic == t))
            .map_or(usize::from(!next_choices.is_empty()), |i| i + 1);
        Self {
            // The outcome comes first: it is what the moderator decides as the room
            // breaks up, and the form reads top to bottom from it.
            field: Field::Outcome,
            outcome,
            reason: with_text("what made the moderator call it off", &reason),
            next_choices,
            next_selected,
            summary: with_text(
                "Key learnings and opportunities, in the scribe's words.",
                &session.summary,
            ),
            maturity: session.maturity,
            autosave: Autosave::new(now),
            session,
        }
    }

    fn outcome_value(&self) -> Outcome {
        match self.outcome {
            1 => Outcome::CalledOff {
                reason: text_field::text(&self.reason).trim().to_string(),
            },
            2 => Outcome::RanOver,
            _ => Outcome::Completed,
        }
    }

    fn next_topic(&self) -> Option<TopicRef> {
        self.next_selected
            .checked_sub(1)
            .and_then(|i| self.next_choices.get(i))
            .map(|c| c.topic.clone())
    }

    /// Copies the form into the session, still open, and hands it to the saver.
    pub fn persist(&mut self, ctx: &mut Context) {
        self.session.summary = text_field::text(&self.summary);
        self.session.next_topic = self.next_topic();
        self.session.maturity = self.maturity;
        self.session.closing = Some(ClosingDraft {
            outcome: self.outcome_value(),
        });
        ctx.save_session(&self.session);
        self.autosave.saved(ctx.now_ms());
    }

    fn fields(&self) -> Vec<Field> {
        let mut fields = vec![Field::Outcome];
        if self.outcome == 1 {
            fields.push(Field::Reason);
        }
        fields.extend([Field::NextTopic, Field::Summary, Field::Maturity]);
        fields
    }

    fn step_field(&mut self, forward: bool) {
        let fields = self.fields();
        let i = fields.iter().position(|f| *f == self.field).unwrap_or(0);
        let n = fields.len();
        self.field = fields[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }];
    }

    pub fn key_contexts(&self) -> Vec<KeyContext> {
        let mut stack = match self.field {
            Field::Outcome => vec![KeyContext::ClosingOutcome],
            Field::Reason => vec![KeyContext::TextLine, KeyContext::ClosingReason],
            Field::NextTopic => vec![KeyContext::ClosingNextTopic],
            Field::Summary => vec![
                KeyContext::TextMulti,
                KeyContext::TextLine,
                KeyContext::ClosingSummary,
            ],
            Field::Maturity => vec![KeyContext::ClosingMaturity],
        };
        stack.push(KeyContext::Closing);
        stack
    }

    pub fn update(&mut self, ctx: &mut Context, action: &Action) -> Option<Nav> {
        match action {
            Action::Tick => {
                if self.autosave.is_due(ctx.now_ms()) {
                    self.persist(ctx);
                }
                return None;
            }
            Action::ReturnToSession => {
                self.persist(ctx);
                return Some(Nav::BackToSession);
            }
            Action::CloseSession => return self.close(ctx),
            Action::Click {
                target: ClickTarget::NextTopic,
                index,
            } if *index <= self.next_choices.len() => {
                self.field = Field::NextTopic;
                self.next_selected = *index;
                self.autosave.changed();
            }
            Action::NextField => self.step_field(true),
            Action::PreviousField => self.step_field(false),
            other => self.edit_field(other),
        }
        None
    }

    fn edit_field(&mut self, action: &Action) {
        // Text typed on a choice field (outcome, next topic, a maturity that is not a
        // digit 0–5) is the scribe writing the summary: it goes there, not nowhere.
        if self.is_text_for_the_summary(action) {
            self.field = Field::Summary;
        }
        let changed = match (self.field, action) {
            (Field::Outcome, Action::PreviousChoice) => {
                self.outcome = (self.outcome + OUTCOMES.len() - 1) % OUTCOMES.len();
                true
            }
            (Field::Outcome, Action::NextChoice) => {
                self.outcome = (self.outcome + 1) % OUTCOMES.len();
                true
            }
            (Field::NextTopic, Action::PreviousChoice) => {
                self.next_selected = self.next_selected.saturating_sub(1);
                true
            }
            (Field::NextTopic, Action::NextChoice) => {
                self.next_selected = (self.next_selected + 1).min(self.next_choices.len());
                true
            }
            (Field::Maturity, Action::PreviousChoice) => {
                self.maturity = match self.maturity {
                    None | Some(0) => None,
                    Some(n) => Some(n - 1),
                };
                true
            }
            (Field::Maturity, Action::NextChoice) => {
                self.maturity = Some(self.maturity.map_or(0, |n| (n + 1).min(5)));
                true
            }
            (Field::Maturity, Action::SetMaturity(n)) => {
                self.maturity = Some((*n).min(5));
                true
            }
            (Field::Reason, other) => text_field::feed(&mut self.reason, other, false).changed(),
            (Field::Summary, other) => text_field::feed(&mut self.summary, other, true).changed(),
            _ => false,
        };
        if changed {
            self.autosave.changed();
        }
    }

    fn is_text_for_the_summary(&self, action: &Action) -> bool {
        let typed = matches!(action, Action::Paste(_) | Action::Input(_));
        typed
            && matches!(
                self.field,
                Field::Outcome | Field::NextTopic | Field::Maturity
            )
    }

    fn close(&mut self, ctx: &mut Context) -> Option<Nav> {
        if self.outcome == 1 && text_field::text(&self.reason).trim().is_empty() {
            self.field = Field::Reason;
            ctx.error("Give the reason the session was called off.");
            return None;
        }
        let now = ctx.now_ms();
        self.persist(ctx);
        self.session.timer.pause(now);
        self.session.outcome = Some(self.outcome_value());
        self.session.closing = None;
        self.session.draft = None;
        self.session.closed = Some(crate::clock::to_datetime(now));
        ctx.save_session(&self.session);
        let path = ctx
            .open_series()
            .map(|l| l.folder.session_path(&self.session.id));
        ctx.info(match path {
            Some(p) => format!("Session closed and saved to {}", p.display()),
            None => "Session closed.".into(),
        });
        Some(Nav::SeriesList)
    }

    /// Outcome, reason, next topic, summary and maturity; shared by drawing and mouse
    /// hit-testing.
    pub fn layout(&self, area: Rect) -> [Rect; 5] {
        let reason_rows = if self.outcome == 1 { 3 } else { 0 };
        let [outcome, reason, middle, maturity] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Length(reason_rows),
            Constraint::Fill(1),
            Constraint::Length(3),
        ])
        .areas(area);
        let [next, summary] =
            Layout::horizontal([Constraint::Percentage(40), Constraint::Fill(1)]).areas(middle);
        [outcome, reason, next, summary, maturity]
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Context) {
        let theme = &ctx.theme;
        let [
            outcome_area,
            reason_area,
            next_area,
            summary_area,
            maturity_area,
        ] = self.layout(area);
        let reason_rows = reason_area.height;

        let choices: Vec<Span> = OUTCOMES
            .iter()
            .enumerate()
            .flat_map(|(i, label)| {
                let style = if i == self.outcome {
                    theme.selected
                } else {
                    theme.dim
                };
                [Span::styled(format!(" {label} "), style), Span::raw("  ")]
            })
            .collect();
        let held = crate::progress::hours_minutes(self.session.timer.elapsed_secs(ctx.now_ms()));
        let mut outcome_line = choices;
        outcome_line.push(Span::styled(format!("   meeting time {held}"), theme.dim));
        if let Some(coaching) = phrasing_coaching(&self.session) {
            outcome_line.push(Span::styled(format!("   {coaching}"), theme.dim));
        }
        frame.render_widget(
            Paragraph::new(Line::from(outcome_line)).block(panel(
                " Outcome (← →) ",
                self.field == Field::Outcome,
                theme,
            )),
            outcome_area,
        );
        if reason_rows > 0 {
            field(
                frame,
                reason_area,
                &self.reason,
                panel(
                    " Why it was called off ",
                    self.field == Field::Reason,
                    theme,
                ),
            );
        }

        let mut items = vec![ListItem::new(Line::styled("decide next time", theme.dim))];
        items.extend(self.next_choices.iter().map(|c| {
            let mut spans = vec![Span::raw(c.title.clone())];
            if c.is_offshoot {
                spans.push(Span::styled("  (off-shoot)", theme.kind_offshoot));
            }
            ListItem::new(Line::from(spans))
        }));
        pick_list::draw(
            frame,
            next_area,
            items,
            Some(self.next_selected),
            panel(" Next topic (↑ ↓) ", self.field == Field::NextTopic, theme),
            theme,
        );
        field(
            frame,
            summary_area,
            &self.summary,
            panel(" Summary ", self.field == Field::Summary, theme),
        );
        let rating = match self.maturity {
            None => "not rated".to_string(),
            Some(n) => format!("{n} / 5  {}", "■".repeat(usize::from(n))),
        };
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(rating, theme.title),
                Span::styled(
                    "   how mature this area is today, 0–5; every area differs, and that is fine",
                    theme.dim,
                ),
            ]))
            .block(panel(
                " Maturity (← → or 0–5) ",
                self.field == Field::Maturity,
                theme,
            )),
            maturity_area,
        );
    }
}

/// How the room's questions fared with the phrasing checker: a coaching signal for the
/// moderator, never a score to compare people or services.
pub fn phrasing_coaching(session: &Session) -> Option<String> {
    let questions: Vec<_> = session
        .notes
        .iter()
        .filter(|n| n.kind == crate::model::NoteKind::Question)
        .collect();
    if questions.is_empty() {
        return None;
    }
    let caught = questions.iter().filter(|n| n.flagged).count();
    let rephrased = questions.iter().filter(|n| n.rephrased).count();
    Some(format!(
        "questions: {} noted · {caught} caught by the checker · {rephrased} rephrased",
        questions.len()
    ))
}
