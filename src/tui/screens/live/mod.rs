//! The live session: the big timer, the topic and its prompt questions, the scribe's editor
//! and the notes so far. The editor keeps the focus; Esc moves it to the notes to fix one.

mod editor_pane;
mod notes_pane;
mod topic_pane;

use crate::tui::display::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use ratatui_textarea::TextArea;

use crate::model::{Cycle, Draft, Note, NoteKind, Series, Session, TopicRef};
use crate::phrasing::{LiveCheck, Verdict};
use crate::progress::topic_title;
use crate::timer::Phase;
use crate::tui::action::{Action, ClickTarget};
use crate::tui::context::Context;
use crate::tui::keymap::KeyContext;
use crate::tui::screens::Nav;
use crate::tui::screens::autosave::Autosave;
use crate::tui::theme::Theme;
use crate::tui::widgets::big_timer;
use crate::tui::widgets::memo::Memo;
use crate::tui::widgets::panel::panel;
use crate::tui::widgets::text_field::{self, new_field};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Editor,
    Notes,
    ConfirmDelete(u32),
    /// End the meeting was asked for (F8): it ends only on a yes.
    ConfirmEnd,
}

pub struct LiveState {
    pub session: Session,
    pub service: String,
    pub topic_title: String,
    pub prompts: Vec<String>,
    pub editor: TextArea<'static>,
    pub kind: NoteKind,
    pub room_only: bool,
    /// The note being edited, when the editor holds an existing note.
    pub editing: Option<u32>,
    pub focus: Focus,
    /// Index into [`ordered_notes`] while the notes list has the focus.
    pub selected: usize,
    /// While typing, how many notes the mouse wheel has scrolled back from the newest.
    pub scroll_back: usize,
    pub autosave: Autosave,
    /// The phrasing checker's verdict on the question being typed (questions only).
    pub verdict: Option<Verdict>,
    /// Works the verdict out off the keystroke path; `verdict` is its newest answer.
    checking: LiveCheck,
    /// Questions saved before their verdict was in: their marks are set when it comes.
    awaiting: Vec<AwaitedVerdict>,
    /// The scribe took one of the checker's rewrites for the question being typed.
    pub used_rewrite: bool,
    /// The timer phase at the last tick, to notice the moment it changes.
    pub seen_phase: Phase,
    /// The timer flashes until then, after crossing five minutes left or zero.
    pub flash_until_ms: i64,
    /// The notes as last wrapped for the notes pane (see [`notes_pane::WrapCache`]).
    wrapped: notes_pane::WrapCache,
    /// The panes as last drawn, copied while nothing they show changes (see [`Memo`]).
    drawn_notes: notes_pane::DrawnNotes,
    drawn_topic: topic_pane::DrawnTopic,
    drawn_timer: Memo<DrawnTimer>,
    /// `roast follow`: the session on a second screen, as the scribe's saves bring it. No
    /// editor, no key that changes it, nothing saved.
    pub read_only: bool,
}

/// A question saved while the checker was still on its final text: the note is
/// on disk at once, and its coaching marks follow when the verdict does.
struct AwaitedVerdict {
    note: u32,
    /// The text the verdict is for: an edit saved since has a verdict of its own.
    text: String,
    used_rewrite: bool,
    /// The marks the note had before this save (an edit keeps them).
    was: (bool, bool),
    check: LiveCheck,
}

/// A question's coaching marks, (flagged, rephrased): caught by the checker (or
/// rephrased with one of its rewrites, which it caught first), and whether the
/// saved text is clean after a rewrite. `still_flagged` is the checker's word on
/// the saved text, `None` while it is not in: the note then keeps what is known.
fn coaching_marks(
    is_question: bool,
    still_flagged: Option<bool>,
    used_rewrite: bool,
    (was_flagged, was_rephrased): (bool, bool),
) -> (bool, bool) {
    if !is_question {
        return (false, false);
    }
    let flagged = still_flagged == Some(true) || used_rewrite || was_flagged;
    let rephrased = match still_flagged {
        Some(still) => !still && (used_rewrite || was_rephrased),
        None => was_rephrased,
    };
    (flagged, rephrased)
}

/// How long the timer flashes when it turns amber or reaches zero.
const FLASH_MS: i64 = 3000;

/// Notes in the order the notes pane shows them: grouped by kind, oldest first.
pub fn ordered_notes(session: &Session) -> Vec<&Note> {
    let mut notes: Vec<&Note> = session.notes.iter().collect();
    notes.sort_by_key(|n| {
        (
            NoteKind::ALL.iter().position(|k| *k == n.kind).unwrap_or(0),
            n.id,
        )
    });
    notes
}

const EDITOR_PLACEHOLDER: &str = "Type a note; Enter saves it.";

impl LiveState {
    pub fn from_session(ctx: &Context, session: Session) -> Self {
        LiveState::new(ctx.open_series().map(|l| &l.series), session, ctx.now_ms())
    }

    /// The live view of `session`; `series` supplies the service, topic and prompts.
    pub fn new(series: Option<&Series>, session: Session, now: i64) -> Self {
        let (service, topic_title, prompts) = match series {
            Some(series) => (
                series.service.clone(),
                topic_title(series, &session.topic),
                match &session.topic {
                    TopicRef::Agenda(id) => series
                        .agenda
                        .topic(id)
                        .map(|t| t.prompts.clone())
                        .unwrap_or_default(),
                    TopicRef::OffShoot { .. } => Vec::new(),
                },
            ),
            None => (String::new(), String::new(), Vec::new()),
        };
        let draft = session.draft.clone();
        let mut editor = new_field(EDITOR_PLACEHOLDER);
        if let Some(d) = &draft {
            text_field::set_text(&mut editor, &d.text);
        }
        let mut live = Self {
            service,
            topic_title,
            prompts,
            editor,
            kind: draft.as_ref().map_or(NoteKind::Note, |d| d.kind),
            room_only: draft.as_ref().is_some_and(|d| d.room_only),
            editing: draft.as_ref().and_then(|d| d.editing),
            focus: Focus::Editor,
            selected: 0,
            scroll_back: 0,
            verdict: None,
            checking: LiveCheck::new(),
            awaiting: Vec::new(),
            used_rewrite: false,
            autosave: Autosave::new(now),
            // A session reopened in overtime does not ring again.
            seen_phase: session.timer.phase(now),
            flash_until_ms: 0,
            wrapped: notes_pane::WrapCache::default(),
            drawn_notes: Memo::default(),
            drawn_topic: Memo::default(),
            drawn_timer: Memo::default(),
            read_only: false,
            session,
        };
        // A resumed draft question shows its verdict straight away.
        live.refresh_verdict();
        live
    }

    /// The same view, read-only, for `roast follow`.
    pub fn read_only(mut self) -> Self {
        self.read_only = true;
        self
    }

    pub fn key_contexts(&self) -> Vec<KeyContext> {
        if self.read_only {
            return vec![KeyContext::Follow];
        }
        match self.focus {
            Focus::Editor => vec![
                KeyContext::TextMulti,
                KeyContext::TextLine,
                KeyContext::LiveEditor,
            ],
            Focus::Notes => vec![KeyContext::LiveNotes],
            Focus::ConfirmDelete(_) | Focus::ConfirmEnd => vec![KeyContext::Confirm],
        }
    }

    pub fn editor_text(&self) -> String {
        text_field::text(&self.editor)
    }

    /// What the editor holds, as it is saved with the session.
    fn draft(&self) -> Option<Draft> {
        let text = self.editor_text();
        (!text.is_empty() || self.editing.is_some()).then_some(Draft {
            kind: self.kind,
            text,
            room_only: self.room_only,
            editing: self.editing,
        })
    }

    /// Hands the session, draft included, to the saver.
    pub fn persist(&mut self, ctx: &mut Context) {
        if self.read_only {
            return;
        }
        self.session.draft = self.draft();
        ctx.save_session(&self.session);
        self.autosave.saved(ctx.now_ms());
    }

    pub fn update(&mut self, ctx: &mut Context, action: &Action) -> Option<Nav> {
        let now = ctx.now_ms();
        if self.read_only {
            // Following: the clock runs and rings; nothing else changes the session here.
            if *action == Action::Tick && self.watch_timer(now, ctx.settings.bell) {
                ctx.bell_pending = true;
            }
            return None;
        }
        match action {
            Action::Tick => {
                self.collect_verdict();
                if self.mark_awaited_questions() {
                    self.persist(ctx);
                }
                if self.autosave.is_due(now) {
                    self.persist(ctx);
                }
                if self.watch_timer(now, ctx.settings.bell) {
                    ctx.bell_pending = true;
                }
            }
            Action::ToggleTimer => {
                self.session.timer.toggle(now);
                self.persist(ctx);
            }
            Action::AddTime => {
                self.session.timer.add_time();
                ctx.info("Added five minutes.");
                self.persist(ctx);
            }
            Action::EndSession if !matches!(self.focus, Focus::ConfirmDelete(_)) => {
                self.focus = Focus::ConfirmEnd;
            }
            Action::Confirm if self.focus == Focus::ConfirmEnd => {
                self.focus = Focus::Editor;
                return Some(self.end(ctx));
            }
            Action::Cancel if self.focus == Focus::ConfirmEnd => self.focus = Focus::Editor,
            Action::Click {
                target: ClickTarget::Note,
                index,
            } if *index < self.session.notes.len() => {
                self.focus = Focus::Notes;
                self.selected = *index;
            }
            // The wheel scrolls the notes without taking the focus from the editor: the
            // scribe's next keystroke still goes into the text.
            Action::ScrollUp => match self.focus {
                Focus::Notes => self.selected = self.selected.saturating_sub(1),
                _ => {
                    self.scroll_back =
                        (self.scroll_back + 1).min(self.session.notes.len().saturating_sub(1))
                }
            },
            Action::ScrollDown => match self.focus {
                Focus::Notes => {
                    self.selected =
                        (self.selected + 1).min(self.session.notes.len().saturating_sub(1))
                }
                _ => self.scroll_back = self.scroll_back.saturating_sub(1),
            },
            _ => match self.focus {
                Focus::Editor => self.update_editor(ctx, action),
                Focus::Notes => self.update_notes(ctx, action),
                Focus::ConfirmDelete(id) => self.update_confirm(ctx, action, id),
                Focus::ConfirmEnd => {}
            },
        }
        None
    }

    /// Hands the question being typed to the checker, without waiting for it; a
    /// note of another kind is not checked. The verdict comes in on a tick.
    fn refresh_verdict(&mut self) {
        if self.kind == NoteKind::Question {
            self.checking.ask(&self.editor_text());
        } else {
            self.checking.clear();
        }
        self.verdict = self.checking.verdict().cloned();
    }

    /// Checks questions with `checking` from now on (a test hands in a slow one).
    pub fn check_with(&mut self, checking: LiveCheck) {
        self.checking = checking;
        self.verdict = None;
    }

    /// Takes in a verdict the checker has finished; true when it changed.
    pub fn collect_verdict(&mut self) -> bool {
        let changed = self.checking.collect();
        if changed {
            self.verdict = self.checking.verdict().cloned();
        }
        changed
    }

    /// Waits for the verdict on the text as it is now, and for those of questions
    /// saved before theirs was in (headless runs, tests; the caller persists).
    pub fn settle_verdict(&mut self) {
        self.verdict = self.checking.settle().cloned();
        for awaited in &mut self.awaiting {
            awaited.check.settle();
        }
        self.mark_awaited_questions();
    }

    /// Whether a verdict is still being worked out: on the text being typed, or
    /// on a question saved before its verdict was in.
    pub fn verdict_pending(&self) -> bool {
        self.checking.is_pending() || !self.awaiting.is_empty()
    }

    /// Sets the marks of saved questions whose verdict has come in; true when a
    /// note changed (the caller saves the session).
    fn mark_awaited_questions(&mut self) -> bool {
        let mut changed = false;
        let session = &mut self.session;
        self.awaiting.retain_mut(|awaited| {
            awaited.check.collect();
            if awaited.check.is_pending() {
                return true;
            }
            let still_flagged = awaited.check.verdict().is_some_and(Verdict::is_flagged);
            let note = session
                .note_mut(awaited.note)
                .filter(|note| note.text == awaited.text && note.kind == NoteKind::Question);
            if let Some(note) = note {
                let marks =
                    coaching_marks(true, Some(still_flagged), awaited.used_rewrite, awaited.was);
                changed |= (note.flagged, note.rephrased) != marks;
                (note.flagged, note.rephrased) = marks;
            }
            false
        });
        changed
    }

    /// Notices the timer entering its last five minutes and reaching zero; with `alerts`
    /// on, starts the flash and returns true so the caller rings the bell, once each.
    pub fn watch_timer(&mut self, now: i64, alerts: bool) -> bool {
        let phase = self.session.timer.phase(now);
        let crossed = matches!(
            (self.seen_phase, phase),
            (Phase::Ready | Phase::OnTrack, Phase::Amber)
                | (
                    Phase::Ready | Phase::OnTrack | Phase::Amber,
                    Phase::Overtime
                )
        );
        self.seen_phase = phase;
        if crossed && alerts {
            self.flash_until_ms = now + FLASH_MS;
        }
        crossed && alerts
    }

    /// Whether the timer is in its flash right now (alternating every half second).
    pub fn flashing(&self, now: i64) -> bool {
        now < self.flash_until_ms && (self.flash_until_ms - now) / 500 % 2 == 1
    }

    fn update_editor(&mut self, ctx: &mut Context, action: &Action) {
        match action {
            Action::CommitNote => self.commit(ctx),
            Action::NextKind => {
                self.kind = self.kind.next();
                self.autosave.changed();
                self.refresh_verdict();
            }
            Action::PrevKind => {
                self.kind = self.kind.prev();
                self.autosave.changed();
                self.refresh_verdict();
            }
            Action::UseRewrite(n) => {
                let Some(rewrite) = self.verdict.as_ref().and_then(|v| v.suggestions.get(*n))
                else {
                    return;
                };
                let rewrite = rewrite.clone();
                text_field::set_text(&mut self.editor, &rewrite);
                self.used_rewrite = true;
                self.autosave.changed();
                self.refresh_verdict();
            }
            Action::ToggleRoomOnly => {
                self.room_only = !self.room_only;
                self.autosave.changed();
            }
            Action::FocusNotes if !self.session.notes.is_empty() => {
                self.focus = Focus::Notes;
                self.selected = self.newest_note_index();
            }
            Action::FocusNotes => ctx.info("No notes yet."),
            other => {
                // Only a change of the text is saved and re-checked; a cursor move is not.
                if text_field::feed(&mut self.editor, other, true).changed() {
                    self.autosave.changed();
                    self.scroll_back = 0;
                    self.refresh_verdict();
                }
            }
        }
    }

    fn update_notes(&mut self, ctx: &mut Context, action: &Action) {
        let count = self.session.notes.len();
        let selected_id = ordered_notes(&self.session)
            .get(self.selected)
            .map(|n| n.id);
        match action {
            Action::PreviousItem => self.selected = self.selected.saturating_sub(1),
            Action::NextItem => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            Action::FocusEditor => self.focus = Focus::Editor,
            Action::EditNote => {
                let Some(note) = selected_id.and_then(|id| self.session.note(id)).cloned() else {
                    return;
                };
                if !self.editor_text().trim().is_empty() {
                    ctx.error("Save or clear the note you are typing before editing another.");
                    return;
                }
                text_field::set_text(&mut self.editor, &note.text);
                self.kind = note.kind;
                self.room_only = note.room_only;
                self.editing = Some(note.id);
                self.focus = Focus::Editor;
                self.autosave.changed();
                self.refresh_verdict();
            }
            Action::ToggleRoomOnly => {
                if let Some(note) = selected_id.and_then(|id| self.session.note_mut(id)) {
                    note.room_only = !note.room_only;
                    self.persist(ctx);
                }
            }
            Action::DeleteNote => {
                if let Some(id) = selected_id {
                    self.focus = Focus::ConfirmDelete(id);
                }
            }
            _ => {}
        }
    }

    fn update_confirm(&mut self, ctx: &mut Context, action: &Action, id: u32) {
        match action {
            Action::Confirm => {
                if self.session.remove_note(id).is_some() {
                    if self.editing == Some(id) {
                        self.editing = None;
                    }
                    self.persist(ctx);
                    ctx.info("Note deleted.");
                }
                self.focus = if self.session.notes.is_empty() {
                    Focus::Editor
                } else {
                    Focus::Notes
                };
                self.selected = self
                    .selected
                    .min(self.session.notes.len().saturating_sub(1));
            }
            Action::Cancel => self.focus = Focus::Notes,
            _ => {}
        }
    }

    fn newest_note_index(&self) -> usize {
        let newest = self.session.notes.iter().map(|n| n.id).max();
        ordered_notes(&self.session)
            .iter()
            .position(|n| Some(n.id) == newest)
            .unwrap_or(0)
    }

    /// Saves what the editor holds as a note (new, or the one being edited), at once.
    pub fn commit(&mut self, ctx: &mut Context) {
        let text = self.editor_text();
        if text.trim().is_empty() {
            return;
        }
        let now = ctx.now_ms();
        // The coaching signal: was this question caught, and was it rephrased? It is
        // the checker's word on the final text. Saving never waits for it: when it
        // is not in yet (just after start-up the rules are still compiling), the
        // note is saved at once with what is known, and its marks follow on the
        // tick the verdict comes in.
        self.collect_verdict();
        let is_question = self.kind == NoteKind::Question;
        let still_flagged = (!self.checking.is_pending())
            .then(|| self.verdict.as_ref().is_some_and(Verdict::is_flagged));
        let id = match self.editing.filter(|id| self.session.note(*id).is_some()) {
            Some(id) => id,
            None => self
                .session
                .add_note(self.kind, text.clone(), self.room_only, now),
        };
        if let Some(note) = self.session.note_mut(id) {
            // An edit keeps what the checker saw the first time round.
            let was = (note.flagged, note.rephrased);
            note.text = text.clone();
            note.kind = self.kind;
            note.room_only = self.room_only;
            (note.flagged, note.rephrased) =
                coaching_marks(is_question, still_flagged, self.used_rewrite, was);
            if is_question && still_flagged.is_none() {
                let fresh = self.checking.fresh();
                self.awaiting.push(AwaitedVerdict {
                    note: id,
                    text,
                    used_rewrite: self.used_rewrite,
                    was,
                    // The checker on the saved text goes on with it; typing gets a new one.
                    check: std::mem::replace(&mut self.checking, fresh),
                });
            }
        }
        self.editing = None;
        self.used_rewrite = false;
        self.checking.clear();
        self.verdict = None;
        self.room_only = false;
        text_field::clear(&mut self.editor);
        self.persist(ctx);
    }

    /// Moves on to closing; whatever was being typed is kept as a note, as the
    /// confirmation said, not dropped.
    fn end(&mut self, ctx: &mut Context) -> Nav {
        if !self.editor_text().trim().is_empty() {
            self.commit(ctx);
            ctx.info("Saved the note you were typing, as the prompt said.");
        }
        // The closing screen counts the caught questions, so the marks of any still
        // being checked are waited for here: at the end of a meeting the rules were
        // compiled long ago, and that wait is one check, microseconds.
        if !self.awaiting.is_empty() {
            for awaited in &mut self.awaiting {
                awaited.check.settle();
            }
            self.mark_awaited_questions();
        }
        self.persist(ctx);
        Nav::Closing
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Context) {
        self.draw_view(frame, area, &ctx.theme, ctx.now_ms(), !self.read_only);
    }

    /// The live screen; without the editor for the read-only follow view.
    pub fn draw_view(
        &self,
        frame: &mut Frame,
        area: Rect,
        theme: &Theme,
        now: i64,
        with_editor: bool,
    ) {
        let l = layout(area, with_editor, self.kind == NoteKind::Question);
        match l.timer {
            TimerArea::Big(timer) => self.draw_timer(frame, timer, theme, now),
            TimerArea::Line(line) => self.draw_timer_line(frame, line, theme, now),
        }
        if let Some(topic) = l.topic {
            topic_pane::draw(frame, topic, self, theme);
        }
        if l.notes.height >= 3 {
            notes_pane::draw(frame, l.notes, self, theme);
        }
        if with_editor {
            editor_pane::draw(frame, l.editor, self, theme);
        }
    }

    /// A short terminal's timer: one line, still in the phase's colour.
    fn draw_timer_line(&self, frame: &mut Frame, area: Rect, theme: &Theme, now: i64) {
        let phase = self.session.timer.phase(now);
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(
                    format!(" {} ", self.session.timer.display(now)),
                    theme.timer(phase).add_modifier(Modifier::REVERSED),
                ),
                Span::styled(
                    format!(" {}", big_timer::status_text(&self.session.timer, now)),
                    theme.timer(phase),
                ),
            ])),
            area,
        );
    }

    /// The note index under row `y` of the screen, for a mouse click.
    pub fn note_at(&self, notes_area: Rect, y: u16) -> Option<usize> {
        notes_pane::note_at(self, notes_area, y)
    }

    fn draw_timer(&self, frame: &mut Frame, area: Rect, theme: &Theme, now: i64) {
        let flashing = self.flashing(now);
        let timer = &self.session.timer;
        // The digits change once a second; the keys typed in between copy them.
        let drawn = DrawnTimer {
            service: self.service.clone(),
            flashing,
            seen_phase: self.seen_phase,
            digits: timer.display(now),
            phase: timer.phase(now),
            status: big_timer::status_text(timer, now),
            theme: theme.clone(),
        };
        self.drawn_timer.draw(frame, area, drawn, |buf| {
            let block = panel(format!(" {} ", self.service), flashing, theme);
            let inner = block.inner(area);
            block.render(area, buf);
            if flashing {
                buf.set_style(
                    inner,
                    theme
                        .timer(self.seen_phase)
                        .add_modifier(Modifier::REVERSED),
                );
            }
            big_timer::render(buf, inner, timer, now, theme);
        });
    }
}

/// Everything the timer pane is drawn from (see [`Memo`]).
#[derive(PartialEq)]
struct DrawnTimer {
    service: String,
    flashing: bool,
    seen_phase: Phase,
    digits: String,
    phase: Phase,
    status: String,
    theme: Theme,
}

pub enum TimerArea {
    Big(Rect),
    /// A short terminal: the timer shrinks to one line.
    Line(Rect),
}

/// Where each pane of the live screen goes; shared by drawing and mouse hit-testing.
pub struct LiveLayout {
    pub timer: TimerArea,
    pub topic: Option<Rect>,
    pub notes: Rect,
    pub editor: Rect,
}

/// `question`: the editor needs room for the checker's rewrites beside it.
pub fn layout(area: Rect, with_editor: bool, question: bool) -> LiveLayout {
    if area.height < 16 {
        // The editor keeps its rows first: typing must never be squeezed out.
        let editor_rows = if with_editor {
            3.min(area.height.saturating_sub(1))
        } else {
            0
        };
        let [line, notes, editor] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(editor_rows),
        ])
        .areas(area);
        return LiveLayout {
            timer: TimerArea::Line(line),
            topic: None,
            notes,
            editor,
        };
    }
    // A question needs room beside it for the checker's message and three rewrites.
    let editor_rows = match (with_editor, area.height >= 28, question) {
        (false, _, _) => 0,
        (true, true, true) => 9,
        (true, true, false) | (true, false, true) => 6,
        (true, false, false) => 4,
    };
    // The timer's share grows with the terminal, so the digits grow on a projector.
    let top_rows = (area.height * 2 / 5).clamp(7, 30);
    let [top, notes, editor] = Layout::vertical([
        Constraint::Length(top_rows),
        Constraint::Fill(1),
        Constraint::Length(editor_rows),
    ])
    .areas(area);
    let timer_width = (area.width / 2).max(44).min(area.width);
    let [timer, topic] =
        Layout::horizontal([Constraint::Length(timer_width), Constraint::Fill(1)]).areas(top);
    LiveLayout {
        timer: TimerArea::Big(timer),
        topic: Some(topic),
        notes,
        editor,
    }
}
