//! Closing: how the session ended, the topic for next time, the scribe's summary of key
//! learnings and opportunities, and the area's maturity (0–5, optional).

use crate::tui::display::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Wrap};
use ratatui_textarea::TextArea;

use crate::model::{ClosingDraft, Cycle, Outcome, Session, TopicRef};
use crate::storage::Task;
use crate::timer::Phase;
use crate::topic_choice::{TopicChoice, topic_choices};
use crate::tui::action::{Action, ClickTarget};
use crate::tui::context::Context;
use crate::tui::keymap::KeyContext;
use crate::tui::screens::Nav;
use crate::tui::screens::autosave::Autosave;
use crate::tui::widgets::panel::panel;
use crate::tui::widgets::text_field::{self, field, with_text};
use crate::tui::widgets::{pick_list, wrap};

/// The form's fields, in order; the order also indexes [`ClosingState::layout`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Outcome,
    Reason,
    NextTopic,
    Summary,
    Maturity,
}

/// How the meeting ended, as the form offers it; the called-off reason is its own field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::VariantArray, strum::IntoStaticStr)]
pub enum OutcomeChoice {
    #[strum(serialize = "completed")]
    Completed,
    #[strum(serialize = "called off")]
    CalledOff,
    #[strum(serialize = "ran over")]
    RanOver,
}

impl OutcomeChoice {
    pub fn label(self) -> &'static str {
        self.into()
    }
}

pub struct ClosingState {
    pub session: Session,
    pub field: Field,
    pub outcome: OutcomeChoice,
    pub reason: TextArea<'static>,
    /// The topics on offer for next time.
    pub next_choices: Vec<TopicChoice>,
    /// The topic chosen for next time; `None` is "decide next time".
    pub next_topic: Option<TopicRef>,
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
            }) => (OutcomeChoice::CalledOff, reason.clone()),
            Some(ClosingDraft {
                outcome: Outcome::RanOver,
            }) => (OutcomeChoice::RanOver, String::new()),
            Some(ClosingDraft {
                outcome: Outcome::Completed,
            }) => (OutcomeChoice::Completed, String::new()),
            None => match session.timer.phase(now) {
                Phase::Overtime | Phase::OverAnHour => (OutcomeChoice::RanOver, String::new()),
                _ => (OutcomeChoice::Completed, String::new()),
            },
        };
        // The topic chosen before (if still on offer), else the first on offer.
        let next_topic = session
            .next_topic
            .clone()
            .filter(|t| next_choices.iter().any(|c| &c.topic == t))
            .or_else(|| next_choices.first().map(|c| c.topic.clone()));
        Self {
            // The outcome comes first: it is what the moderator decides as the room
            // breaks up, and the form reads top to bottom from it.
            field: Field::Outcome,
            outcome,
            reason: with_text("what made the moderator call it off", &reason),
            next_choices,
            next_topic,
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
            OutcomeChoice::CalledOff => Outcome::CalledOff {
                reason: text_field::text(&self.reason).trim().to_string(),
            },
            OutcomeChoice::RanOver => Outcome::RanOver,
            OutcomeChoice::Completed => Outcome::Completed,
        }
    }

    /// The row of the next-topic list: 0 is "decide next time", then the choices.
    pub fn next_row(&self) -> usize {
        self.next_topic
            .as_ref()
            .and_then(|t| self.next_choices.iter().position(|c| &c.topic == t))
            .map_or(0, |i| i + 1)
    }

    fn choose_next_row(&mut self, row: usize) {
        self.next_topic = row
            .checked_sub(1)
            .and_then(|i| self.next_choices.get(i))
            .map(|c| c.topic.clone());
    }

    /// Copies the form into the session, still open, and hands it to the saver.
    pub fn persist(&mut self, ctx: &mut Context) {
        self.session.summary = text_field::text(&self.summary);
        self.session.next_topic = self.next_topic.clone();
        self.session.maturity = self.maturity;
        self.session.closing = Some(ClosingDraft {
            outcome: self.outcome_value(),
        });
        ctx.save_session(&self.session);
        self.autosave.saved(ctx.now_ms());
    }

    fn fields(&self) -> Vec<Field> {
        let mut fields = vec![Field::Outcome];
        if self.outcome == OutcomeChoice::CalledOff {
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
            Action::DiscardSession if self.is_empty() => return self.discard(ctx),
            Action::Click {
                target: ClickTarget::NextTopic,
                index,
            } if *index <= self.next_choices.len() => {
                self.field = Field::NextTopic;
                self.choose_next_row(*index);
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
                self.outcome = self.outcome.prev();
                true
            }
            (Field::Outcome, Action::NextChoice) => {
                self.outcome = self.outcome.next();
                true
            }
            (Field::NextTopic, Action::PreviousChoice) => {
                self.choose_next_row(self.next_row().saturating_sub(1));
                true
            }
            (Field::NextTopic, Action::NextChoice) => {
                self.choose_next_row((self.next_row() + 1).min(self.next_choices.len()));
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

    /// Nothing was noted and no summary written: the session was started by mistake.
    pub fn is_empty(&self) -> bool {
        self.session.notes.is_empty()
            && text_field::text(&self.summary).trim().is_empty()
            && self
                .session
                .draft
                .as_ref()
                .is_none_or(|d| d.text.trim().is_empty())
    }

    /// Removes the empty session's files, so it neither counts as held nor covers its
    /// topic. Only an empty one: nothing typed is ever thrown away here.
    fn discard(&mut self, ctx: &mut Context) -> Option<Nav> {
        let folder = ctx.open_series()?.folder.clone();
        // The saver removes them after the autosaves queued before, and drops any still
        // waiting, so none brings the session back.
        ctx.run_task(
            Task::Remove(vec![
                folder.session_path(&self.session.id),
                crate::storage::room_only::room_only_path(&folder, &self.session.id),
            ]),
            Some("Discarded the empty session: it does not count as held or covered.".into()),
            "cannot discard the empty session".into(),
        );
        Some(Nav::SeriesList)
    }

    fn close(&mut self, ctx: &mut Context) -> Option<Nav> {
        if self.outcome == OutcomeChoice::CalledOff
            && text_field::text(&self.reason).trim().is_empty()
        {
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
        ctx.sync_after_close = ctx.settings.sync_after_closing;
        Some(Nav::SeriesList)
    }

    fn outcome_lines(&self, ctx: &Context) -> Vec<Line<'static>> {
        let theme = &ctx.theme;
        let mut choices: Vec<Span> = <OutcomeChoice as strum::VariantArray>::VARIANTS
            .iter()
            .flat_map(|&choice| {
                let style = if choice == self.outcome {
                    theme.selected
                } else {
                    theme.dim
                };
                [
                    Span::styled(format!(" {} ", choice.label()), style),
                    Span::raw(" "),
                ]
            })
            .collect();
        let held = crate::progress::hours_minutes(self.session.timer.elapsed_secs(ctx.now_ms()));
        choices.push(Span::styled(format!("  meeting time {held}"), theme.dim));
        let mut lines = vec![Line::from(choices)];
        if let Some(coaching) = phrasing_coaching(&self.session) {
            lines.push(Line::styled(coaching, theme.dim));
        }
        lines
    }

    fn maturity_lines(&self, ctx: &Context) -> Vec<Line<'static>> {
        let theme = &ctx.theme;
        let rating = match self.maturity {
            None => "not rated".to_string(),
            Some(n) => format!("{n} / 5  {}", "■".repeat(usize::from(n))),
        };
        vec![
            Line::styled(rating, theme.title),
            Line::styled(
                "how mature this area is today, 0–5; every area differs, and that is fine",
                theme.dim,
            ),
        ]
    }

    /// Outcome, reason, next topic, summary and maturity; shared by drawing and mouse
    /// hit-testing. On a short terminal only the field being filled in is shown (with a
    /// line naming the others), so none of them is squeezed to nothing.
    pub fn layout(&self, area: Rect, ctx: &Context) -> [Rect; 5] {
        let inner_width = area.width.saturating_sub(2);
        let outcome_rows = 2 + wrap::height(&self.outcome_lines(ctx), inner_width);
        let maturity_rows = 2 + wrap::height(&self.maturity_lines(ctx), inner_width);
        let reason_rows = if self.outcome == OutcomeChoice::CalledOff {
            3
        } else {
            0
        };
        let needed = outcome_rows + reason_rows + maturity_rows + 6;
        if area.height < needed {
            let [_, focused] =
                Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
            let mut rects = [Rect::default(); 5];
            rects[self.field as usize] = focused;
            return rects;
        }
        let [outcome, reason, middle, maturity] = Layout::vertical([
            Constraint::Length(outcome_rows),
            Constraint::Length(reason_rows),
            Constraint::Fill(1),
            Constraint::Length(maturity_rows),
        ])
        .areas(area);
        let [next, summary] =
            Layout::horizontal([Constraint::Percentage(40), Constraint::Fill(1)]).areas(middle);
        [outcome, reason, next, summary, maturity]
    }

    /// The next-topic list inside its pane: the selected topic, when the list cuts it,
    /// is shown whole under it.
    pub fn next_topic_list(&self, pane: Rect) -> (Rect, Option<Rect>) {
        let inner = ratatui::widgets::Block::bordered().inner(pane);
        let title = self.next_title();
        let rows = wrap::wrap(&title, usize::from(inner.width)).len();
        // "▶ " takes two columns in the list.
        let cut =
            unicode_width::UnicodeWidthStr::width(title.as_str()) + 2 > usize::from(inner.width);
        if !cut || pane.height < 6 + 2 {
            return (pane, None);
        }
        // Its own box: the title's rows and two borders, at most half the pane.
        let rows = (u16::try_from(rows).unwrap_or(u16::MAX) + 2).min(pane.height / 2);
        let [list, whole] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(rows)]).areas(pane);
        (list, Some(whole))
    }

    fn next_title(&self) -> String {
        self.next_topic
            .as_ref()
            .and_then(|t| self.next_choices.iter().find(|c| &c.topic == t))
            .map_or_else(|| "decide next time".to_string(), |c| c.title.clone())
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Context) {
        let theme = &ctx.theme;
        let rects = self.layout(area, ctx);
        let [
            outcome_area,
            reason_area,
            next_area,
            summary_area,
            maturity_area,
        ] = rects;
        if outcome_area.height == 0 || next_area.height == 0 || summary_area.height == 0 {
            // The short form: a line of the fields, the one being filled in marked.
            let names = ["Outcome", "Reason", "Next topic", "Summary", "Maturity"];
            let spans: Vec<Span> = self
                .fields()
                .into_iter()
                .flat_map(|f| {
                    let style = if f == self.field {
                        theme.selected
                    } else {
                        theme.dim
                    };
                    [Span::styled(names[f as usize], style), Span::raw(" ")]
                })
                .collect();
            frame.render_widget(
                Paragraph::new(Line::from(spans)),
                Rect::new(area.x, area.y, area.width, 1),
            );
        }
        if outcome_area.height > 0 {
            frame.render_widget(
                Paragraph::new(self.outcome_lines(ctx))
                    .wrap(Wrap { trim: true })
                    .block(panel(
                        " Outcome (← →) ",
                        self.field == Field::Outcome,
                        theme,
                    )),
                outcome_area,
            );
        }
        if reason_area.height > 0 {
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
        if next_area.height > 0 {
            let mut items = vec![ListItem::new(Line::styled("decide next time", theme.dim))];
            items.extend(self.next_choices.iter().map(|c| {
                let mut spans = vec![Span::raw(c.title.clone())];
                if c.is_offshoot {
                    spans.push(Span::styled("  (off-shoot)", theme.kind_offshoot));
                }
                ListItem::new(Line::from(spans))
            }));
            let (list_area, whole) = self.next_topic_list(next_area);
            pick_list::draw(
                frame,
                list_area,
                items,
                Some(self.next_row()),
                panel(" Next topic (↑ ↓) ", self.field == Field::NextTopic, theme),
                theme,
            );
            if let Some(whole) = whole {
                frame.render_widget(
                    Paragraph::new(Line::styled(self.next_title(), theme.title))
                        .wrap(Wrap { trim: true })
                        .block(panel(" Chosen ", false, theme)),
                    whole,
                );
            }
        }
        if summary_area.height > 0 {
            field(
                frame,
                summary_area,
                &self.summary,
                panel(" Summary ", self.field == Field::Summary, theme),
            );
        }
        if maturity_area.height > 0 {
            frame.render_widget(
                Paragraph::new(self.maturity_lines(ctx))
                    .wrap(Wrap { trim: true })
                    .block(panel(
                        " Maturity (← → or 0–5) ",
                        self.field == Field::Maturity,
                        theme,
                    )),
                maturity_area,
            );
        }
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
