//! Key bindings as data. The help bar, the F1 overlay and clicks on the bar come from this
//! one table, so what they say is always what the keys do.
//!
//! Keys are resolved through a stack of contexts, most specific first: a focused text
//! field takes every editing key (arrows, Home/End, word moves, Backspace/Delete) before
//! the screen sees it, so Left moves the cursor in a name and picks an agenda only on the
//! agenda field. A binding may also carry a condition ("there are notes"): where it does
//! not hold, the key is neither offered in the help bar nor acted on.
//!
//! A scribe's fingers know the readline/emacs editing keys from shells and text boxes:
//! Ctrl+A and Ctrl+E for the start and end of a line, Ctrl+K and Ctrl+U to delete to its
//! end or start, Ctrl+B and Ctrl+F for a character back or forward, Ctrl+P and Ctrl+N
//! for the line above or below. Pressed by habit while typing, they must edit the text,
//! never end the meeting or open a box on the wall; so a text field takes them first, and
//! the moderator's actions that used to sit on them live on function keys, which are
//! never typed text nor an editing habit: F5 checks a question (was Ctrl+K), F6 adds five
//! minutes (was Ctrl+P), F8 ends the meeting (was Ctrl+E). F8 rather than F10, which
//! GNOME Terminal keeps for its menu.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::tui::action::Action;

/// A set of bindings that apply together; the focus puts several on a stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::VariantArray)]
pub enum KeyContext {
    /// Applies everywhere, overlays and prompts included: quitting.
    Always,
    /// Applies everywhere unless an overlay or a prompt has the keyboard.
    Global,
    /// Any focused text field: cursor moves and deletions.
    TextLine,
    /// A text field of several lines: also up and down between lines.
    TextMulti,
    SeriesList,
    NewSeries,
    /// The service's name field of a new series.
    NewSeriesName,
    NewSeriesAgenda,
    /// The participant field of a new series.
    NewSeriesPeople,
    Setup,
    /// The "who is in the room" list of session setup.
    SetupPeople,
    /// Typing the name of someone who joins the series, on session setup.
    SetupAdd,
    /// Typing a new name for the series' service, on session setup.
    SetupRename,
    /// The scribe's editor has the focus.
    LiveEditor,
    /// The notes list has the focus, for editing and deleting notes.
    LiveNotes,
    Closing,
    ClosingOutcome,
    ClosingReason,
    ClosingNextTopic,
    ClosingSummary,
    ClosingMaturity,
    Guidelines,
    Help,
    Confirm,
    /// The read-only follow view on a second screen.
    Follow,
    /// The moderator's "check a question" box.
    QuestionCheck,
    /// Joint prioritisation of the series' opportunities.
    Prioritise,
    /// Typing an owner or labels on the prioritisation screen.
    PrioritiseEdit,
    /// One voter's own ballot (`roast vote`).
    Ballot,
    /// The series summary.
    Summary,
}

impl KeyContext {
    pub const ALL: &[KeyContext] = <KeyContext as strum::VariantArray>::VARIANTS;

    /// Whether a text field can have the keyboard while this context applies: a letter
    /// bound here would be taken from the text.
    pub fn beside_text(self) -> bool {
        matches!(
            self,
            KeyContext::Always
                | KeyContext::Global
                | KeyContext::TextLine
                | KeyContext::TextMulti
                | KeyContext::NewSeries
                | KeyContext::NewSeriesName
                | KeyContext::NewSeriesPeople
                | KeyContext::LiveEditor
                | KeyContext::Closing
                | KeyContext::ClosingReason
                | KeyContext::ClosingSummary
                | KeyContext::QuestionCheck
                | KeyContext::PrioritiseEdit
                | KeyContext::SetupAdd
                | KeyContext::SetupRename
        )
    }

    /// Whether a key no binding claims is passed on as typed input: text fields, and the
    /// closing screen's choices (where typing is the scribe writing the summary).
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            KeyContext::TextLine
                | KeyContext::TextMulti
                | KeyContext::ClosingOutcome
                | KeyContext::ClosingNextTopic
                | KeyContext::ClosingMaturity
        )
    }

    /// Whether this context is an overlay or prompt that keeps the screen's keys away.
    pub fn captures(self) -> bool {
        matches!(
            self,
            KeyContext::Help
                | KeyContext::Confirm
                | KeyContext::Guidelines
                | KeyContext::Follow
                | KeyContext::QuestionCheck
        )
    }

    pub fn title(self) -> &'static str {
        match self {
            KeyContext::Always => "Always",
            KeyContext::Global => "Anywhere",
            KeyContext::TextLine => "Typing",
            KeyContext::TextMulti => "Typing several lines",
            KeyContext::SeriesList => "Series list",
            KeyContext::NewSeries => "New series",
            KeyContext::NewSeriesName => "New series: the service",
            KeyContext::NewSeriesAgenda => "New series: the agenda",
            KeyContext::NewSeriesPeople => "New series: participants",
            KeyContext::Setup => "Session setup",
            KeyContext::SetupPeople => "Session setup: who is in the room",
            KeyContext::SetupAdd => "Session setup: someone joins the series",
            KeyContext::SetupRename => "Session setup: renaming the series",
            KeyContext::LiveEditor => "Live session: typing a note",
            KeyContext::LiveNotes => "Live session: notes list",
            KeyContext::Closing => "Closing",
            KeyContext::ClosingOutcome => "Closing: outcome",
            KeyContext::ClosingReason => "Closing: why it was called off",
            KeyContext::ClosingNextTopic => "Closing: next topic",
            KeyContext::ClosingSummary => "Closing: summary",
            KeyContext::ClosingMaturity => "Closing: maturity",
            KeyContext::Guidelines => "Guidelines",
            KeyContext::Help => "Help",
            KeyContext::Confirm => "Confirm",
            KeyContext::Follow => "Following (read-only)",
            KeyContext::QuestionCheck => "Check a question",
            KeyContext::Prioritise => "Joint prioritisation",
            KeyContext::PrioritiseEdit => "Prioritisation: owner or labels",
            KeyContext::Ballot => "Your ballot",
            KeyContext::Summary => "Series summary",
        }
    }
}

/// What the app knows right now that decides whether a key can do anything.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Facts {
    /// Notes in the live session.
    pub notes: usize,
    /// Rewrites the phrasing checker offers for the question being typed.
    pub rewrites: usize,
    /// Rows on the series list.
    pub series: usize,
    /// Items on the prioritisation screen.
    pub items: usize,
    /// Warnings waiting to be read.
    pub warnings: usize,
    /// The session being closed holds nothing: no note, no summary.
    pub empty_session: bool,
    /// The series list shows the archived series.
    pub archived_view: bool,
    /// Archived series not shown on the series list right now.
    pub archived_hidden: usize,
}

/// When a binding can do something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Always,
    HasNotes,
    /// The checker offers at least this many rewrites.
    Rewrites(usize),
    HasSeries,
    HasItems,
    HasWarnings,
    EmptySession,
    /// The series list shows the current series, and there is one to archive.
    CanArchive,
    /// The series list shows the archived series, and there is one to bring back.
    CanRestore,
    /// There are archived series to show.
    HasArchived,
    /// The series list shows the archived series.
    ArchivedShown,
}

impl When {
    pub fn holds(self, facts: &Facts) -> bool {
        match self {
            When::Always => true,
            When::HasNotes => facts.notes > 0,
            When::Rewrites(n) => facts.rewrites >= n,
            When::HasSeries => facts.series > 0,
            When::HasItems => facts.items > 0,
            When::HasWarnings => facts.warnings > 0,
            When::EmptySession => facts.empty_session,
            When::CanArchive => !facts.archived_view && facts.series > 0,
            When::CanRestore => facts.archived_view && facts.series > 0,
            When::HasArchived => !facts.archived_view && facts.archived_hidden > 0,
            When::ArchivedShown => facts.archived_view,
        }
    }
}

/// Where the keyboard is: the contexts that apply, most specific first, and the facts
/// their conditions read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyFocus {
    pub stack: Vec<KeyContext>,
    pub facts: Facts,
}

impl KeyFocus {
    pub fn new(stack: Vec<KeyContext>, facts: Facts) -> Self {
        Self { stack, facts }
    }

    /// The most specific context, which names where the focus is.
    pub fn top(&self) -> KeyContext {
        self.stack.first().copied().unwrap_or(KeyContext::Global)
    }

    pub fn takes_text(&self) -> bool {
        self.stack.iter().any(|c| c.takes_text())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chord {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn key(code: KeyCode) -> Chord {
    Chord {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Chord {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Chord {
    Chord {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

const fn alt(code: KeyCode) -> Chord {
    Chord {
        code,
        mods: KeyModifiers::ALT,
    }
}

impl Chord {
    pub fn matches(&self, event: &KeyEvent) -> bool {
        // Terminals report Shift on upper-case letters and some symbols inconsistently;
        // for plain characters the character itself is what counts.
        let mods = event.modifiers - KeyModifiers::SHIFT;
        let want = self.mods - KeyModifiers::SHIFT;
        match (self.code, event.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) => {
                a.eq_ignore_ascii_case(&b)
                    && (a == b || want.contains(KeyModifiers::CONTROL))
                    && mods == want
            }
            (a, b) => a == b && mods == want,
        }
    }

    /// Whether this chord would be typed text in a text field.
    pub fn is_printable(&self) -> bool {
        matches!(self.code, KeyCode::Char(_))
            && !self
                .mods
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    }

    /// The short form for the help bar: `^T` for Ctrl+T, as nano and friends write it.
    pub fn short_label(&self) -> String {
        match (self.code, self.mods.contains(KeyModifiers::CONTROL)) {
            (KeyCode::Char(c), true) => format!("^{}", c.to_ascii_uppercase()),
            _ => self.label(),
        }
    }

    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift+Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut label = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            label.push_str("Ctrl+");
            if matches!(self.code, KeyCode::Char(_)) {
                return label + &name.to_uppercase();
            }
        }
        if self.mods.contains(KeyModifiers::ALT) {
            label.push_str("Alt+");
        }
        label + &name
    }
}

#[derive(Debug, Clone)]
pub struct Binding {
    pub context: KeyContext,
    pub chords: Vec<Chord>,
    pub action: Action,
    /// What the key does, in a few words, for the help bar and overlay.
    pub help: &'static str,
    /// Shown in the one-line help bar (all bindings appear in the F1 overlay).
    pub in_bar: bool,
    pub when: When,
}

impl Binding {
    fn new(context: KeyContext, chords: &[Chord], action: Action, help: &'static str) -> Self {
        Self {
            context,
            chords: chords.to_vec(),
            action,
            help,
            in_bar: false,
            when: When::Always,
        }
    }

    fn bar(mut self) -> Self {
        self.in_bar = true;
        self
    }

    fn when(mut self, when: When) -> Self {
        self.when = when;
        self
    }
}

/// The keys in force: the defaults, possibly with a user's overrides.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Self {
            bindings: defaults(),
        }
    }
}

impl Keymap {
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// Gives `action` (by name, as `keys.ron` writes it) these keys in `context`.
    pub fn rebind(
        &mut self,
        context: KeyContext,
        action: &str,
        chords: &[Chord],
    ) -> Result<(), String> {
        let name = |b: &Binding| format!("{:?}", b.action);
        if !self
            .bindings
            .iter()
            .any(|b| b.context == context && name(b) == action)
        {
            return Err(format!("no action {action:?} in {context:?}"));
        }
        if chords.is_empty() {
            return Err(format!("{action:?} needs at least one key"));
        }
        for chord in chords {
            if chord.is_printable() && context.beside_text() {
                return Err(format!(
                    "{} is typed text here; use Ctrl, Alt or a function key",
                    chord.label()
                ));
            }
            if let Some(other) = self.bindings.iter().find(|b| {
                b.context == context
                    && name(b) != action
                    && b.chords
                        .iter()
                        .any(|c| c.code == chord.code && c.mods == chord.mods)
            }) {
                return Err(format!(
                    "{} already does \"{}\" here",
                    chord.label(),
                    other.help
                ));
            }
        }
        for b in self
            .bindings
            .iter_mut()
            .filter(|b| b.context == context && format!("{:?}", b.action) == action)
        {
            b.chords = chords.to_vec();
        }
        // A text field takes its editing keys before the screen does, so a key bound on
        // purpose to a screen's action where text is typed (Ctrl+E to end the meeting, say)
        // would never reach it: the user's own choice wins over the editing habit.
        if context.beside_text() && !matches!(context, KeyContext::TextLine | KeyContext::TextMulti)
        {
            for b in self
                .bindings
                .iter_mut()
                .filter(|b| matches!(b.context, KeyContext::TextLine | KeyContext::TextMulti))
            {
                b.chords
                    .retain(|c| !chords.iter().any(|o| o.code == c.code && o.mods == c.mods));
            }
        }
        Ok(())
    }

    /// The action a key press means where the focus is, if any.
    pub fn action_for(&self, focus: &KeyFocus, event: &KeyEvent) -> Option<Action> {
        // Only presses: key releases and repeats from enhanced keyboards are not commands.
        if event.kind != KeyEventKind::Press {
            return None;
        }
        for context in &focus.stack {
            if let Some(b) = self.bindings.iter().find(|b| {
                b.context == *context
                    && b.when.holds(&focus.facts)
                    && b.chords.iter().any(|c| c.matches(event))
            }) {
                return Some(b.action.clone());
            }
        }
        match focus.top() {
            // Any other key answers "no": a scribe typing on, unaware of the prompt, must
            // never confirm a deletion by accident.
            KeyContext::Confirm => Some(Action::Cancel),
            // Typing while the guidelines are up is the scribe getting on with it: the text
            // goes through to the editor underneath rather than being lost.
            KeyContext::Guidelines => is_typed_text(event).then_some(Action::Input(*event)),
            _ if !focus.takes_text() => None,
            _ if is_typed_text(event) => Some(Action::Input(*event)),
            // Alt and a character nothing here is bound to: typed fast, Alt+x reaches us
            // as ESC x from many terminals, and the scribe meant the letter. Keys bound
            // with Alt here (Alt+1 with no rewrite on offer) stay keys, not text.
            _ if is_alt_char(event) && !self.names(focus, event) => {
                let mut plain = *event;
                plain.modifiers -= KeyModifiers::ALT;
                Some(Action::Input(plain))
            }
            _ => None,
        }
    }

    /// Whether any binding where the focus is names this key, whether it can act or not.
    fn names(&self, focus: &KeyFocus, event: &KeyEvent) -> bool {
        self.bindings
            .iter()
            .any(|b| focus.stack.contains(&b.context) && b.chords.iter().any(|c| c.matches(event)))
    }

    /// The bindings that apply where the focus is, for the help bar and overlay: only
    /// those whose condition holds, and none hidden by a more specific one.
    pub fn help_for(&self, focus: &KeyFocus) -> Vec<&Binding> {
        let mut shown: Vec<&Binding> = Vec::new();
        for context in &focus.stack {
            for b in self
                .bindings
                .iter()
                .filter(|b| b.context == *context && b.when.holds(&focus.facts))
            {
                let shadowed = b.chords.iter().all(|c| {
                    shown.iter().any(|s| {
                        s.chords
                            .iter()
                            .any(|o| o.code == c.code && o.mods == c.mods)
                    })
                });
                if !shadowed {
                    shown.push(b);
                }
            }
        }
        shown
    }
}

/// A key that would be typed text: a character without Ctrl or Alt.
fn is_typed_text(event: &KeyEvent) -> bool {
    matches!(event.code, KeyCode::Char(_))
        && !event
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

/// Alt and a character, without Ctrl.
fn is_alt_char(event: &KeyEvent) -> bool {
    matches!(event.code, KeyCode::Char(_))
        && event.modifiers.contains(KeyModifiers::ALT)
        && !event.modifiers.contains(KeyModifiers::CONTROL)
}

fn with(code: KeyCode, mods: KeyModifiers) -> Chord {
    Chord { code, mods }
}

use KeyCode::{BackTab, Backspace, Delete, Down, End, Enter, Esc, F, Home, Left, Right, Tab, Up};
use KeyContext as C;

/// The default keymap. Order matters only for display.
pub fn defaults() -> Vec<Binding> {
    let b = Binding::new;
    let ctl = KeyModifiers::CONTROL;
    let mut all = vec![
        b(C::Always, &[ctrl('q'), ctrl('c')], Action::Quit, "quit").bar(),
        b(
            C::Global,
            &[ctrl('g')],
            Action::ShowGuidelines,
            "guidelines",
        )
        .bar(),
        b(C::Global, &[key(F(1))], Action::ToggleHelp, "help").bar(),
        b(
            C::Global,
            &[key(F(4))],
            Action::DismissWarning,
            "dismiss warning",
        )
        .bar()
        .when(When::HasWarnings),
        b(
            C::Global,
            &[key(F(5))],
            Action::OpenQuestionCheck,
            "check a question",
        ),
        b(
            C::Global,
            &[key(F(2))],
            Action::CycleTheme,
            "next theme (remembered)",
        ),
        b(
            C::Global,
            &[key(F(3))],
            Action::ToggleBell,
            "bell at 5 min and 0 on/off",
        ),
        // Editing keys of every text field.
        b(
            C::TextLine,
            &[key(Left), ctrl('b')],
            Action::CursorLeft,
            "cursor left",
        ),
        b(
            C::TextLine,
            &[key(Right), ctrl('f')],
            Action::CursorRight,
            "cursor right",
        ),
        b(
            C::TextLine,
            &[with(Left, ctl), alt(KeyCode::Char('b'))],
            Action::WordLeft,
            "word left",
        ),
        b(
            C::TextLine,
            &[with(Right, ctl), alt(KeyCode::Char('f'))],
            Action::WordRight,
            "word right",
        ),
        b(
            C::TextLine,
            &[key(Home), ctrl('a')],
            Action::LineStart,
            "start of line",
        ),
        b(
            C::TextLine,
            &[key(End), ctrl('e')],
            Action::LineEnd,
            "end of line",
        ),
        b(
            C::TextLine,
            &[key(Backspace)],
            Action::DeleteBack,
            "delete back",
        ),
        b(
            C::TextLine,
            &[key(Delete)],
            Action::DeleteForward,
            "delete forward",
        ),
        b(
            C::TextLine,
            &[ctrl('w'), with(Backspace, ctl), alt(Backspace)],
            Action::DeleteWordBack,
            "delete word back",
        ),
        b(
            C::TextLine,
            &[with(Delete, ctl), alt(KeyCode::Char('d'))],
            Action::DeleteWordForward,
            "delete word forward",
        ),
        b(
            C::TextLine,
            &[ctrl('k')],
            Action::DeleteToLineEnd,
            "delete to end of line",
        ),
        b(
            C::TextLine,
            &[ctrl('u')],
            Action::DeleteToLineStart,
            "delete to start of line",
        ),
        b(C::TextLine, &[ctrl('z')], Action::Undo, "undo"),
        b(
            C::TextMulti,
            &[key(Up), ctrl('p')],
            Action::CursorUp,
            "line up",
        ),
        b(
            C::TextMulti,
            &[key(Down), ctrl('n')],
            Action::CursorDown,
            "line down",
        ),
        // Series list
        b(
            C::SeriesList,
            &[key(Up), ch('k')],
            Action::PreviousItem,
            "previous",
        ),
        b(
            C::SeriesList,
            &[key(Down), ch('j')],
            Action::NextItem,
            "next",
        ),
        b(
            C::SeriesList,
            &[key(Enter)],
            Action::OpenSeries,
            "open series",
        )
        .bar()
        .when(When::HasSeries),
        b(C::SeriesList, &[ch('n')], Action::NewSeries, "new series").bar(),
        b(C::SeriesList, &[ch('p')], Action::Prioritise, "prioritise")
            .bar()
            .when(When::HasSeries),
        b(C::SeriesList, &[ch('s')], Action::ShowSummary, "summary")
            .bar()
            .when(When::HasSeries),
        b(
            C::SeriesList,
            &[ch('r')],
            Action::SyncWithTeam,
            "sync with the team",
        )
        .bar()
        .when(When::HasSeries),
        b(
            C::SeriesList,
            &[ch('a')],
            Action::ToggleSyncAfterClosing,
            "sync after each closing: on/off",
        ),
        // Archiving: `x` as in "cross off" (the series is done), reversible, nothing
        // deleted; Tab switches between the current and the archived series.
        b(C::SeriesList, &[ch('x')], Action::ArchiveSeries, "archive")
            .bar()
            .when(When::CanArchive),
        b(
            C::SeriesList,
            &[ch('x')],
            Action::RestoreSeries,
            "bring back",
        )
        .bar()
        .when(When::CanRestore),
        b(
            C::SeriesList,
            &[key(Tab)],
            Action::ToggleArchivedView,
            "archived series",
        )
        .bar()
        .when(When::HasArchived),
        b(
            C::SeriesList,
            &[key(Tab)],
            Action::ToggleArchivedView,
            "current series",
        )
        .bar()
        .when(When::ArchivedShown),
        b(C::SeriesList, &[ch('?')], Action::ToggleHelp, "help"),
        b(
            C::SeriesList,
            &[ch('g')],
            Action::ShowGuidelines,
            "guidelines",
        ),
        b(C::SeriesList, &[ch('q')], Action::Quit, "quit"),
        // New series
        b(
            C::NewSeriesName,
            &[key(Enter)],
            Action::NextField,
            "next field",
        ),
        b(
            C::NewSeriesAgenda,
            &[key(Left)],
            Action::PreviousAgenda,
            "previous agenda",
        )
        .bar(),
        b(
            C::NewSeriesAgenda,
            &[key(Right)],
            Action::NextAgenda,
            "next agenda",
        )
        .bar(),
        b(
            C::NewSeriesAgenda,
            &[key(Enter)],
            Action::NextField,
            "next field",
        ),
        b(
            C::NewSeriesPeople,
            &[key(Enter)],
            Action::AddParticipant,
            "add",
        )
        .bar(),
        b(C::NewSeriesPeople, &[ctrl('r')], Action::CycleRole, "role").bar(),
        b(
            C::NewSeriesPeople,
            &[ctrl('d')],
            Action::RemoveParticipant,
            "remove last participant",
        ),
        b(C::NewSeries, &[key(Tab)], Action::NextField, "next field").bar(),
        b(
            C::NewSeries,
            &[key(BackTab)],
            Action::PreviousField,
            "previous field",
        ),
        b(C::NewSeries, &[ctrl('s')], Action::CreateSeries, "create").bar(),
        b(C::NewSeries, &[key(Esc)], Action::Back, "cancel").bar(),
        // Session setup
        b(
            C::SetupPeople,
            &[ch(' ')],
            Action::ToggleAttendance,
            "here/away",
        )
        .bar(),
        b(
            C::SetupPeople,
            &[ch('a')],
            Action::NewParticipant,
            "add someone",
        )
        .bar(),
        b(C::SetupPeople, &[ch('r')], Action::CycleRole, "change role").bar(),
        b(
            C::SetupPeople,
            &[key(Delete), ch('x')],
            Action::RemoveParticipant,
            "remove from the series",
        ),
        b(C::SetupAdd, &[key(Enter)], Action::AddParticipant, "add").bar(),
        b(C::SetupAdd, &[ctrl('r')], Action::CycleRole, "role").bar(),
        b(C::SetupAdd, &[key(Esc)], Action::Cancel, "cancel").bar(),
        b(
            C::Setup,
            &[ch('e')],
            Action::RenameSeries,
            "rename the series",
        )
        .bar(),
        b(C::SetupRename, &[key(Enter)], Action::SaveField, "save").bar(),
        b(C::SetupRename, &[key(Esc)], Action::Cancel, "cancel").bar(),
        b(
            C::Setup,
            &[key(Up), ch('k')],
            Action::PreviousItem,
            "previous",
        ),
        b(C::Setup, &[key(Down), ch('j')], Action::NextItem, "next"),
        b(
            C::Setup,
            &[key(Tab), key(BackTab)],
            Action::SwitchList,
            "switch list",
        )
        .bar(),
        b(
            C::Setup,
            &[key(Enter), ctrl('s')],
            Action::StartSession,
            "start",
        )
        .bar(),
        b(C::Setup, &[ch('?')], Action::ToggleHelp, "help"),
        b(C::Setup, &[ch('g')], Action::ShowGuidelines, "guidelines"),
        b(C::Setup, &[key(Esc)], Action::Back, "back").bar(),
        // Live session, typing
        b(C::LiveEditor, &[key(Enter)], Action::CommitNote, "save").bar(),
        b(
            C::LiveEditor,
            &[alt(Enter), ctrl('j')],
            Action::InsertNewline,
            "new line",
        ),
        b(C::LiveEditor, &[key(Tab)], Action::NextKind, "kind").bar(),
        b(
            C::LiveEditor,
            &[key(BackTab)],
            Action::PrevKind,
            "previous kind",
        ),
        b(
            C::LiveEditor,
            &[ctrl('r')],
            Action::ToggleRoomOnly,
            "room-only",
        )
        .bar(),
        b(C::LiveEditor, &[ctrl('t')], Action::ToggleTimer, "timer").bar(),
        b(C::LiveEditor, &[key(F(6))], Action::AddTime, "+5 min").bar(),
        b(C::LiveEditor, &[key(F(8))], Action::EndSession, "end").bar(),
        b(C::LiveEditor, &[key(Esc)], Action::FocusNotes, "notes")
            .bar()
            .when(When::HasNotes),
        b(
            C::LiveEditor,
            &[alt(KeyCode::Char('1'))],
            Action::UseRewrite(0),
            "use the 1st suggested rewrite",
        )
        .bar()
        .when(When::Rewrites(1)),
        b(
            C::LiveEditor,
            &[alt(KeyCode::Char('2'))],
            Action::UseRewrite(1),
            "use the 2nd suggested rewrite",
        )
        .when(When::Rewrites(2)),
        b(
            C::LiveEditor,
            &[alt(KeyCode::Char('3'))],
            Action::UseRewrite(2),
            "use the 3rd suggested rewrite",
        )
        .when(When::Rewrites(3)),
        // Live session, the notes list
        b(
            C::LiveNotes,
            &[key(Up), ch('k')],
            Action::PreviousItem,
            "previous note",
        ),
        b(
            C::LiveNotes,
            &[key(Down), ch('j')],
            Action::NextItem,
            "next note",
        ),
        b(
            C::LiveNotes,
            &[key(Enter), ch('e')],
            Action::EditNote,
            "edit",
        )
        .bar(),
        b(
            C::LiveNotes,
            &[key(Delete), ch('d')],
            Action::DeleteNote,
            "delete",
        )
        .bar(),
        b(
            C::LiveNotes,
            &[ch('r')],
            Action::ToggleRoomOnly,
            "room-only",
        )
        .bar(),
        b(
            C::LiveNotes,
            &[ctrl('t')],
            Action::ToggleTimer,
            "timer start/pause",
        ),
        b(C::LiveNotes, &[key(F(6))], Action::AddTime, "+5 min"),
        b(C::LiveNotes, &[ch('?')], Action::ToggleHelp, "help"),
        b(
            C::LiveNotes,
            &[ch('g')],
            Action::ShowGuidelines,
            "guidelines",
        ),
        b(
            C::LiveNotes,
            &[key(Esc), ch('i'), key(Tab)],
            Action::FocusEditor,
            "type",
        )
        .bar(),
        b(
            C::LiveNotes,
            &[key(F(8))],
            Action::EndSession,
            "end session",
        ),
        // Closing
        b(
            C::ClosingOutcome,
            &[key(Left)],
            Action::PreviousChoice,
            "previous outcome",
        ),
        b(
            C::ClosingOutcome,
            &[key(Right)],
            Action::NextChoice,
            "next outcome",
        )
        .bar(),
        b(
            C::ClosingReason,
            &[key(Enter)],
            Action::NextField,
            "next field",
        ),
        b(
            C::ClosingNextTopic,
            &[key(Up), key(Left)],
            Action::PreviousChoice,
            "previous topic",
        ),
        b(
            C::ClosingNextTopic,
            &[key(Down), key(Right)],
            Action::NextChoice,
            "next topic",
        )
        .bar(),
        b(
            C::ClosingSummary,
            &[key(Enter)],
            Action::InsertNewline,
            "new line",
        ),
        b(
            C::ClosingMaturity,
            &[key(Left)],
            Action::PreviousChoice,
            "lower",
        ),
        b(
            C::ClosingMaturity,
            &[key(Right)],
            Action::NextChoice,
            "higher",
        )
        .bar(),
        b(C::Closing, &[key(Tab)], Action::NextField, "next field").bar(),
        b(
            C::Closing,
            &[key(BackTab)],
            Action::PreviousField,
            "previous field",
        ),
        b(
            C::Closing,
            &[ctrl('s')],
            Action::CloseSession,
            "close session",
        )
        .bar(),
        b(
            C::Closing,
            &[key(Esc)],
            Action::ReturnToSession,
            "back to the meeting",
        )
        .bar(),
        b(
            C::Closing,
            &[ctrl('d')],
            Action::DiscardSession,
            "discard (nothing noted)",
        )
        .bar()
        .when(When::EmptySession),
        // Overlays and prompts
        b(
            C::Guidelines,
            &[key(Esc), key(Enter), ctrl('g')],
            Action::Back,
            "continue",
        )
        .bar(),
        b(
            C::Help,
            &[key(Esc), key(F(1)), ch('?'), ch('q')],
            Action::ToggleHelp,
            "close help",
        )
        .bar(),
        b(C::Help, &[key(Up), ch('k')], Action::ScrollUp, "scroll up"),
        b(
            C::Help,
            &[key(Down), ch('j')],
            Action::ScrollDown,
            "scroll down",
        )
        .bar(),
        b(C::Confirm, &[ch('y'), key(Enter)], Action::Confirm, "yes").bar(),
        b(C::Confirm, &[ch('n'), key(Esc)], Action::Cancel, "no").bar(),
        b(
            C::QuestionCheck,
            &[key(Esc), key(F(5))],
            Action::Back,
            "close",
        )
        .bar(),
        // Joint prioritisation
        b(
            C::Prioritise,
            &[key(Up), ch('k')],
            Action::PreviousItem,
            "previous item",
        ),
        b(
            C::Prioritise,
            &[key(Down), ch('j')],
            Action::NextItem,
            "next item",
        ),
        b(
            C::Prioritise,
            &[key(Left)],
            Action::PreviousVoter,
            "previous voter",
        ),
        b(
            C::Prioritise,
            &[key(Right)],
            Action::NextVoter,
            "next voter",
        )
        .bar(),
    ];
    for n in 0..=5u8 {
        let digit = char::from(b'0' + n);
        let mut rate = b(
            C::ClosingMaturity,
            &[ch(digit)],
            Action::SetMaturity(n),
            "rate 0–5",
        );
        rate.in_bar = n == 0;
        all.push(rate);
        // One entry in the bar stands for all six.
        let mut score = b(
            C::Prioritise,
            &[ch(digit)],
            Action::Score(n),
            "score 0–5 (4–5: agree)",
        )
        .when(When::HasItems);
        score.in_bar = n == 0;
        all.push(score);
        let mut own = b(
            C::Ballot,
            &[ch(digit)],
            Action::Score(n),
            "your score 0–5 (4–5: agree)",
        )
        .when(When::HasItems);
        own.in_bar = n == 0;
        all.push(own);
    }
    all.extend([
        b(
            C::Prioritise,
            &[ch('x'), key(Delete)],
            Action::ClearScore,
            "clear this voter's score",
        )
        .when(When::HasItems),
        b(
            C::Prioritise,
            &[ch(' ')],
            Action::TogglePick,
            "top-five pick",
        )
        .bar()
        .when(When::HasItems),
        b(C::Prioritise, &[ch('o')], Action::EditOwner, "owner")
            .bar()
            .when(When::HasItems),
        b(C::Prioritise, &[ch('l')], Action::EditLabels, "labels")
            .bar()
            .when(When::HasItems),
        b(
            C::Prioritise,
            &[ch('w')],
            Action::EditFixWording,
            "fix wording (room-only)",
        )
        .when(When::HasItems),
        b(C::Prioritise, &[ch('s')], Action::Rerank, "sort by rank")
            .bar()
            .when(When::HasItems),
        b(
            C::Prioritise,
            &[ch('v')],
            Action::ToggleReveal,
            "reveal / hide tallies",
        )
        .bar(),
        b(
            C::Prioritise,
            &[ch('+'), ch('=')],
            Action::MorePicks,
            "one more pick each",
        ),
        b(
            C::Prioritise,
            &[ch('-')],
            Action::FewerPicks,
            "one fewer pick each",
        ),
        b(C::Prioritise, &[ch('?')], Action::ToggleHelp, "help"),
        b(
            C::Prioritise,
            &[ch('g')],
            Action::ShowGuidelines,
            "guidelines",
        ),
        b(C::Prioritise, &[key(Esc)], Action::Back, "back").bar(),
        b(C::PrioritiseEdit, &[key(Enter)], Action::SaveField, "save").bar(),
        // One voter's ballot
        b(
            C::Ballot,
            &[key(Up), ch('k')],
            Action::PreviousItem,
            "previous",
        ),
        b(C::Ballot, &[key(Down), ch('j')], Action::NextItem, "next"),
        b(
            C::Ballot,
            &[key(KeyCode::PageUp)],
            Action::PageUp,
            "page up",
        ),
        b(
            C::Ballot,
            &[key(KeyCode::PageDown)],
            Action::PageDown,
            "page down",
        ),
        b(
            C::Ballot,
            &[ch('x'), key(Delete)],
            Action::ClearScore,
            "clear your score",
        )
        .when(When::HasItems),
        b(C::Ballot, &[ch(' ')], Action::TogglePick, "top pick")
            .bar()
            .when(When::HasItems),
        b(
            C::Ballot,
            &[ch('r')],
            Action::Reload,
            "read again (after a sync)",
        )
        .bar(),
        b(C::Ballot, &[ch('?')], Action::ToggleHelp, "help"),
        b(C::Ballot, &[key(Esc), ch('q')], Action::Back, "done").bar(),
        b(C::PrioritiseEdit, &[key(Esc)], Action::Cancel, "cancel").bar(),
        // Summary
        b(
            C::Summary,
            &[key(Up), ch('k')],
            Action::ScrollUp,
            "scroll up",
        ),
        b(
            C::Summary,
            &[key(Down), ch('j')],
            Action::ScrollDown,
            "scroll down",
        ),
        b(
            C::Summary,
            &[key(KeyCode::PageUp)],
            Action::PageUp,
            "page up",
        ),
        b(
            C::Summary,
            &[key(KeyCode::PageDown), ch(' ')],
            Action::PageDown,
            "page down",
        ),
        b(C::Summary, &[ch('e')], Action::Export, "export").bar(),
        b(
            C::Summary,
            &[ch('m')],
            Action::ExportWithNotes,
            "export with notes",
        )
        .bar(),
        b(C::Summary, &[ch('?')], Action::ToggleHelp, "help"),
        b(C::Summary, &[ch('g')], Action::ShowGuidelines, "guidelines"),
        b(C::Summary, &[key(Esc), ch('q')], Action::Back, "back").bar(),
        // Follow
        b(
            C::Follow,
            &[ch('g'), ctrl('g')],
            Action::ShowGuidelines,
            "guidelines",
        )
        .bar(),
        b(
            C::Follow,
            &[key(F(2)), ch('t')],
            Action::CycleTheme,
            "next theme (this screen)",
        )
        .bar(),
        b(C::Follow, &[key(F(1)), ch('?')], Action::ToggleHelp, "help").bar(),
        b(
            C::Follow,
            &[key(F(4))],
            Action::DismissWarning,
            "dismiss warning",
        )
        .bar()
        .when(When::HasWarnings),
        b(C::Follow, &[ch('q')], Action::Quit, "quit"),
    ]);
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    fn at(stack: &[KeyContext]) -> KeyFocus {
        KeyFocus::new(stack.to_vec(), Facts::default())
    }

    /// Every stack the app builds where a text field has the keyboard.
    fn typing_stacks() -> Vec<Vec<KeyContext>> {
        vec![
            vec![
                C::TextLine,
                C::NewSeriesName,
                C::NewSeries,
                C::Global,
                C::Always,
            ],
            vec![
                C::TextLine,
                C::NewSeriesPeople,
                C::NewSeries,
                C::Global,
                C::Always,
            ],
            vec![
                C::TextMulti,
                C::TextLine,
                C::LiveEditor,
                C::Global,
                C::Always,
            ],
            vec![
                C::TextLine,
                C::ClosingReason,
                C::Closing,
                C::Global,
                C::Always,
            ],
            vec![
                C::TextMulti,
                C::TextLine,
                C::ClosingSummary,
                C::Closing,
                C::Global,
                C::Always,
            ],
            vec![C::TextLine, C::QuestionCheck, C::Always],
            vec![C::TextLine, C::PrioritiseEdit, C::Global, C::Always],
            vec![C::TextLine, C::SetupAdd, C::Global, C::Always],
            vec![C::TextLine, C::SetupRename, C::Global, C::Always],
        ]
    }

    #[test]
    fn no_printable_key_is_a_command_where_text_is_typed() {
        let keymap = Keymap::default();
        for stack in typing_stacks() {
            for b in keymap
                .bindings()
                .iter()
                .filter(|b| stack.contains(&b.context))
            {
                for chord in &b.chords {
                    assert!(
                        !chord.is_printable(),
                        "{:?} binds printable {} to {:?}",
                        b.context,
                        chord.label(),
                        b.action
                    );
                }
            }
        }
    }

    #[test]
    fn every_text_field_takes_the_editing_keys_before_the_screen() {
        let keymap = Keymap::default();
        for stack in typing_stacks() {
            let focus = at(&stack);
            for (code, mods, want) in [
                (KeyCode::Char('a'), KeyModifiers::CONTROL, Action::LineStart),
                (KeyCode::Char('e'), KeyModifiers::CONTROL, Action::LineEnd),
                (
                    KeyCode::Char('b'),
                    KeyModifiers::CONTROL,
                    Action::CursorLeft,
                ),
                (
                    KeyCode::Char('f'),
                    KeyModifiers::CONTROL,
                    Action::CursorRight,
                ),
                (
                    KeyCode::Char('k'),
                    KeyModifiers::CONTROL,
                    Action::DeleteToLineEnd,
                ),
                (
                    KeyCode::Char('u'),
                    KeyModifiers::CONTROL,
                    Action::DeleteToLineStart,
                ),
                (Left, KeyModifiers::NONE, Action::CursorLeft),
                (Right, KeyModifiers::NONE, Action::CursorRight),
                (Home, KeyModifiers::NONE, Action::LineStart),
                (End, KeyModifiers::NONE, Action::LineEnd),
                (Left, KeyModifiers::CONTROL, Action::WordLeft),
                (Right, KeyModifiers::CONTROL, Action::WordRight),
                (Backspace, KeyModifiers::NONE, Action::DeleteBack),
                (Delete, KeyModifiers::NONE, Action::DeleteForward),
            ] {
                assert_eq!(
                    keymap.action_for(&focus, &press(code, mods)),
                    Some(want),
                    "{stack:?}"
                );
            }
        }
    }

    #[test]
    fn fields_of_several_lines_take_ctrl_p_and_ctrl_n_as_line_up_and_down() {
        let keymap = Keymap::default();
        for stack in typing_stacks() {
            let focus = at(&stack);
            let multi = stack.contains(&C::TextMulti);
            for (c, want) in [('p', Action::CursorUp), ('n', Action::CursorDown)] {
                let got =
                    keymap.action_for(&focus, &press(KeyCode::Char(c), KeyModifiers::CONTROL));
                if multi {
                    assert_eq!(got, Some(want), "{stack:?}");
                } else {
                    assert_eq!(
                        got, None,
                        "Ctrl+{c} does nothing in a single line: {stack:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn arrows_pick_an_agenda_only_on_the_agenda_field() {
        let keymap = Keymap::default();
        let left = press(Left, KeyModifiers::NONE);
        let agenda = at(&[C::NewSeriesAgenda, C::NewSeries, C::Global, C::Always]);
        assert_eq!(
            keymap.action_for(&agenda, &left),
            Some(Action::PreviousAgenda)
        );
        let name = at(&[
            C::TextLine,
            C::NewSeriesName,
            C::NewSeries,
            C::Global,
            C::Always,
        ]);
        assert_eq!(keymap.action_for(&name, &left), Some(Action::CursorLeft));
    }

    #[test]
    fn typing_in_the_editor_is_text_not_commands() {
        let keymap = Keymap::default();
        let focus = at(&typing_stacks()[2]);
        for c in "qgnedr?+ tjkQ".chars() {
            let event = press(KeyCode::Char(c), KeyModifiers::NONE);
            assert_eq!(
                keymap.action_for(&focus, &event),
                Some(Action::Input(event)),
                "{c:?}"
            );
        }
    }

    #[test]
    fn control_chords_are_commands_in_the_editor() {
        let keymap = Keymap::default();
        let focus = at(&typing_stacks()[2]);
        let event = press(KeyCode::Char('t'), KeyModifiers::CONTROL);
        assert_eq!(keymap.action_for(&focus, &event), Some(Action::ToggleTimer));
        let quit = press(KeyCode::Char('q'), KeyModifiers::CONTROL);
        assert_eq!(keymap.action_for(&focus, &quit), Some(Action::Quit));
    }

    #[test]
    fn alt_and_a_letter_nothing_is_bound_to_is_the_letter_in_a_text_field() {
        let keymap = Keymap::default();
        for stack in typing_stacks() {
            let focus = at(&stack);
            let alt_x = press(KeyCode::Char('x'), KeyModifiers::ALT);
            assert_eq!(
                keymap.action_for(&focus, &alt_x),
                Some(Action::Input(press(KeyCode::Char('x'), KeyModifiers::NONE))),
                "{stack:?}"
            );
            let alt_b = press(KeyCode::Char('b'), KeyModifiers::ALT);
            assert_eq!(keymap.action_for(&focus, &alt_b), Some(Action::WordLeft));
        }
        let editor = at(&typing_stacks()[2]);
        let alt_1 = press(KeyCode::Char('1'), KeyModifiers::ALT);
        assert_eq!(
            keymap.action_for(&editor, &alt_1),
            None,
            "a rewrite key with no rewrite on offer is not typed"
        );
        let list = at(&[C::SeriesList, C::Global, C::Always]);
        let alt_n = press(KeyCode::Char('n'), KeyModifiers::ALT);
        assert_eq!(
            keymap.action_for(&list, &alt_n),
            None,
            "only where text is typed"
        );
    }

    #[test]
    fn key_releases_are_ignored() {
        let mut event = press(Enter, KeyModifiers::NONE);
        event.kind = KeyEventKind::Release;
        let focus = at(&typing_stacks()[2]);
        assert_eq!(Keymap::default().action_for(&focus, &event), None);
    }

    #[test]
    fn letters_are_commands_in_lists() {
        let keymap = Keymap::default();
        let focus = at(&[C::SeriesList, C::Global, C::Always]);
        let n = press(KeyCode::Char('n'), KeyModifiers::NONE);
        assert_eq!(keymap.action_for(&focus, &n), Some(Action::NewSeries));
        let x = press(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(keymap.action_for(&focus, &x), None);
    }

    #[test]
    fn only_yes_confirms_and_any_other_key_cancels() {
        let keymap = Keymap::default();
        let focus = at(&[C::Confirm, C::Always]);
        for (c, want) in [
            ('y', Action::Confirm),
            ('n', Action::Cancel),
            ('e', Action::Cancel),
            ('d', Action::Cancel),
        ] {
            let event = press(KeyCode::Char(c), KeyModifiers::NONE);
            assert_eq!(keymap.action_for(&focus, &event), Some(want), "{c}");
        }
    }

    #[test]
    fn quit_works_in_every_overlay_and_prompt() {
        let keymap = Keymap::default();
        for stack in [
            vec![C::Help, C::Always],
            vec![C::Guidelines, C::Always],
            vec![C::Confirm, C::Always],
            vec![C::TextLine, C::QuestionCheck, C::Always],
        ] {
            for c in ['q', 'c'] {
                let event = press(KeyCode::Char(c), KeyModifiers::CONTROL);
                assert_eq!(
                    keymap.action_for(&at(&stack), &event),
                    Some(Action::Quit),
                    "{stack:?}"
                );
            }
        }
    }

    #[test]
    fn a_key_whose_condition_fails_is_neither_offered_nor_acted_on() {
        let keymap = Keymap::default();
        let mut focus = at(&typing_stacks()[2]);
        let esc = press(Esc, KeyModifiers::NONE);
        assert_eq!(keymap.action_for(&focus, &esc), None);
        assert!(
            !keymap
                .help_for(&focus)
                .iter()
                .any(|b| b.action == Action::FocusNotes)
        );
        assert!(
            !keymap
                .help_for(&focus)
                .iter()
                .any(|b| b.action == Action::UseRewrite(0))
        );
        focus.facts.notes = 1;
        focus.facts.rewrites = 2;
        assert_eq!(keymap.action_for(&focus, &esc), Some(Action::FocusNotes));
        let help = keymap.help_for(&focus);
        assert!(help.iter().any(|b| b.action == Action::UseRewrite(1)));
        assert!(!help.iter().any(|b| b.action == Action::UseRewrite(2)));
    }

    #[test]
    fn every_context_has_help_with_labels_and_quit() {
        let keymap = Keymap::default();
        let mut stacks = typing_stacks();
        stacks.extend([
            vec![C::SeriesList, C::Global, C::Always],
            vec![C::Setup, C::Global, C::Always],
            vec![C::LiveNotes, C::Global, C::Always],
            vec![C::Guidelines, C::Always],
        ]);
        for stack in stacks {
            let help = keymap.help_for(&at(&stack));
            assert!(help.iter().any(|b| b.in_bar), "{stack:?}");
            assert!(help.iter().any(|b| b.action == Action::Quit), "{stack:?}");
        }
    }

    #[test]
    fn chord_labels_read_like_keys() {
        assert_eq!(ctrl('t').label(), "Ctrl+T");
        assert_eq!(alt(Enter).label(), "Alt+Enter");
        assert_eq!(key(F(1)).label(), "F1");
        assert_eq!(key(Home).label(), "Home");
    }
}
