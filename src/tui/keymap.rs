//! Key bindings as data. The help bar and the `?` overlay are generated from this table, so
//! what they say is always what the keys do.
//!
//! Where the focus is a text field (the scribe's editor, a form field), only chords that
//! cannot be typed text are bound: a printable key always goes into the text.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::tui::action::Action;

/// Where the keyboard focus is; selects which bindings apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyContext {
    /// Applies everywhere unless an overlay is open.
    Global,
    SeriesList,
    NewSeries,
    Setup,
    /// The scribe's editor has the focus.
    LiveEditor,
    /// The notes list has the focus, for editing and deleting notes.
    LiveNotes,
    Closing,
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
    /// The series summary.
    Summary,
}

impl KeyContext {
    /// Whether unbound keys are typed into a text field in this context.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            KeyContext::NewSeries
                | KeyContext::LiveEditor
                | KeyContext::Closing
                | KeyContext::QuestionCheck
                | KeyContext::PrioritiseEdit
        )
    }

    pub fn title(self) -> &'static str {
        match self {
            KeyContext::Global => "Anywhere",
            KeyContext::SeriesList => "Series list",
            KeyContext::NewSeries => "New series",
            KeyContext::Setup => "Session setup",
            KeyContext::LiveEditor => "Live session: typing a note",
            KeyContext::LiveNotes => "Live session: notes list",
            KeyContext::Closing => "Closing",
            KeyContext::Guidelines => "Guidelines",
            KeyContext::Help => "Help",
            KeyContext::Confirm => "Confirm",
            KeyContext::Follow => "Following (read-only)",
            KeyContext::QuestionCheck => "Check a question",
            KeyContext::Prioritise => "Joint prioritisation",
            KeyContext::PrioritiseEdit => "Prioritisation: owner or labels",
            KeyContext::Summary => "Series summary",
        }
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
            return label + &name.to_uppercase();
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
    pub chords: &'static [Chord],
    pub action: Action,
    /// What the key does, in a few words, for the help bar and overlay.
    pub help: &'static str,
    /// Shown in the one-line help bar (all bindings appear in the `?` overlay).
    pub in_bar: bool,
}

macro_rules! bind {
    ($ctx:ident, [$($chord:expr),+], $action:ident, $help:literal, bar) => {
        Binding { context: KeyContext::$ctx, chords: &[$($chord),+], action: Action::$action, help: $help, in_bar: true }
    };
    ($ctx:ident, [$($chord:expr),+], $action:ident, $help:literal) => {
        Binding { context: KeyContext::$ctx, chords: &[$($chord),+], action: Action::$action, help: $help, in_bar: false }
    };
}

/// 0–5: the current voter's consensus score.
const fn score(n: u8) -> Binding {
    const CHORDS: [[Chord; 1]; 6] = [
        [ch('0')],
        [ch('1')],
        [ch('2')],
        [ch('3')],
        [ch('4')],
        [ch('5')],
    ];
    Binding {
        context: KeyContext::Prioritise,
        chords: &CHORDS[n as usize],
        action: Action::Score(n),
        help: "score 0–5 (4–5: agree)",
        // One entry in the bar stands for all six.
        in_bar: n == 0,
    }
}

/// Alt+1, Alt+2, Alt+3: take the checker's first, second or third rewrite.
const fn rewrite(n: usize) -> Binding {
    const CHORDS: [[Chord; 1]; 3] = [
        [alt(KeyCode::Char('1'))],
        [alt(KeyCode::Char('2'))],
        [alt(KeyCode::Char('3'))],
    ];
    const HELP: [&str; 3] = [
        "use the 1st suggested rewrite",
        "use the 2nd suggested rewrite",
        "use the 3rd suggested rewrite",
    ];
    Binding {
        context: KeyContext::LiveEditor,
        chords: &CHORDS[n],
        action: Action::UseRewrite(n),
        help: HELP[n],
        in_bar: false,
    }
}

use KeyCode::{BackTab, Delete, Down, Enter, Esc, F, Left, Right, Tab, Up};

/// The whole keymap. Order matters only for display.
pub fn bindings() -> &'static [Binding] {
    BINDINGS
}

static BINDINGS: &[Binding] = &[
    bind!(Global, [ctrl('g')], ShowGuidelines, "guidelines", bar),
    bind!(Global, [key(F(1))], ToggleHelp, "help", bar),
    bind!(Global, [ctrl('k')], OpenQuestionCheck, "check a question"),
    bind!(Global, [key(F(2))], CycleTheme, "next theme (remembered)"),
    bind!(
        Global,
        [key(F(3))],
        ToggleBell,
        "bell at 5 min and 0 on/off"
    ),
    bind!(Global, [ctrl('q'), ctrl('c')], Quit, "quit", bar),
    bind!(SeriesList, [key(Up), ch('k')], Up, "previous"),
    bind!(SeriesList, [key(Down), ch('j')], Down, "next"),
    bind!(SeriesList, [key(Enter)], Select, "open series", bar),
    bind!(SeriesList, [ch('n')], NewSeries, "new series", bar),
    bind!(SeriesList, [ch('p')], Prioritise, "prioritise", bar),
    bind!(SeriesList, [ch('s')], ShowSummary, "summary", bar),
    bind!(SeriesList, [ch('?')], ToggleHelp, "help"),
    bind!(SeriesList, [ch('g')], ShowGuidelines, "guidelines"),
    bind!(SeriesList, [ch('q')], Quit, "quit"),
    bind!(NewSeries, [key(Tab)], NextField, "next field", bar),
    bind!(NewSeries, [key(BackTab)], PrevField, "previous field"),
    bind!(NewSeries, [key(Left)], Left, "previous agenda"),
    bind!(NewSeries, [key(Right)], Right, "next agenda"),
    bind!(NewSeries, [key(Enter)], Select, "add", bar),
    bind!(NewSeries, [ctrl('r')], CycleRole, "role", bar),
    bind!(
        NewSeries,
        [ctrl('d')],
        RemoveParticipant,
        "remove last participant"
    ),
    bind!(NewSeries, [ctrl('s')], Submit, "create", bar),
    bind!(NewSeries, [key(Esc)], Back, "cancel", bar),
    bind!(Setup, [key(Up), ch('k')], Up, "previous"),
    bind!(Setup, [key(Down), ch('j')], Down, "next"),
    bind!(Setup, [key(Tab)], NextField, "switch list", bar),
    bind!(Setup, [ch(' ')], Toggle, "here/away", bar),
    bind!(Setup, [key(Enter), ctrl('s')], Submit, "start", bar),
    bind!(Setup, [ch('?')], ToggleHelp, "help"),
    bind!(Setup, [ch('g')], ShowGuidelines, "guidelines"),
    bind!(Setup, [key(Esc)], Back, "back", bar),
    bind!(LiveEditor, [key(Enter)], CommitNote, "save", bar),
    bind!(
        LiveEditor,
        [alt(Enter), ctrl('j')],
        InsertNewline,
        "new line"
    ),
    bind!(LiveEditor, [key(Tab)], NextKind, "kind", bar),
    bind!(LiveEditor, [key(BackTab)], PrevKind, "previous kind"),
    bind!(LiveEditor, [ctrl('r')], ToggleRoomOnly, "room-only", bar),
    bind!(LiveEditor, [ctrl('t')], ToggleTimer, "timer", bar),
    bind!(LiveEditor, [ctrl('p')], AddTime, "+5 min", bar),
    bind!(LiveEditor, [ctrl('e')], EndSession, "end", bar),
    bind!(LiveEditor, [key(Esc)], FocusNotes, "notes", bar),
    rewrite(0),
    rewrite(1),
    rewrite(2),
    bind!(LiveNotes, [key(Up), ch('k')], Up, "previous note"),
    bind!(LiveNotes, [key(Down), ch('j')], Down, "next note"),
    bind!(LiveNotes, [key(Enter), ch('e')], EditNote, "edit", bar),
    bind!(LiveNotes, [key(Delete), ch('d')], DeleteNote, "delete", bar),
    bind!(LiveNotes, [ch('r')], ToggleRoomOnly, "room-only", bar),
    bind!(LiveNotes, [ctrl('t')], ToggleTimer, "timer start/pause"),
    bind!(LiveNotes, [ctrl('p')], AddTime, "+5 min"),
    bind!(LiveNotes, [ch('?')], ToggleHelp, "help"),
    bind!(LiveNotes, [ch('g')], ShowGuidelines, "guidelines"),
    bind!(
        LiveNotes,
        [key(Esc), ch('i'), key(Tab)],
        FocusEditor,
        "type",
        bar
    ),
    bind!(LiveNotes, [ctrl('e')], EndSession, "end session"),
    bind!(Closing, [key(Tab)], NextField, "next field", bar),
    bind!(Closing, [key(BackTab)], PrevField, "previous field"),
    bind!(Closing, [key(Left)], Left, "change choice"),
    bind!(Closing, [key(Right)], Right, "change choice"),
    bind!(Closing, [key(Up)], Up, "previous topic"),
    bind!(Closing, [key(Down)], Down, "next topic"),
    bind!(Closing, [ctrl('s')], Submit, "close session", bar),
    bind!(Closing, [key(Esc)], Back, "back", bar),
    bind!(
        Guidelines,
        [key(Esc), key(Enter), ctrl('g')],
        Back,
        "continue",
        bar
    ),
    bind!(
        Help,
        [key(Esc), key(F(1)), ch('?'), ch('q')],
        ToggleHelp,
        "close help",
        bar
    ),
    bind!(Confirm, [ch('y'), key(Enter)], Confirm, "yes", bar),
    bind!(Confirm, [ch('n'), key(Esc)], Cancel, "no", bar),
    bind!(
        Follow,
        [ch('g'), ctrl('g')],
        ShowGuidelines,
        "guidelines",
        bar
    ),
    bind!(Prioritise, [key(Up), ch('k')], Up, "previous item"),
    bind!(Prioritise, [key(Down), ch('j')], Down, "next item"),
    bind!(Prioritise, [key(Left)], Left, "previous voter"),
    bind!(Prioritise, [key(Right)], Right, "next voter", bar),
    score(0),
    score(1),
    score(2),
    score(3),
    score(4),
    score(5),
    bind!(
        Prioritise,
        [ch('x'), key(Delete)],
        ClearScore,
        "clear this voter's score"
    ),
    bind!(Prioritise, [ch(' ')], Toggle, "top-five pick", bar),
    bind!(Prioritise, [ch('o')], EditOwner, "owner", bar),
    bind!(Prioritise, [ch('l')], EditLabels, "labels", bar),
    bind!(Prioritise, [ch('s')], Rerank, "sort by rank", bar),
    bind!(Prioritise, [ch('?')], ToggleHelp, "help"),
    bind!(Prioritise, [ch('g')], ShowGuidelines, "guidelines"),
    bind!(Prioritise, [key(Esc)], Back, "back", bar),
    bind!(PrioritiseEdit, [key(Enter)], Submit, "save", bar),
    bind!(PrioritiseEdit, [key(Esc)], Cancel, "cancel", bar),
    bind!(Summary, [key(Up), ch('k')], Up, "scroll up"),
    bind!(Summary, [key(Down), ch('j')], Down, "scroll down"),
    bind!(Summary, [key(KeyCode::PageUp)], Left, "page up"),
    bind!(
        Summary,
        [key(KeyCode::PageDown), ch(' ')],
        Right,
        "page down"
    ),
    bind!(Summary, [ch('e')], Export, "export md/html/csv/json", bar),
    bind!(Summary, [ch('?')], ToggleHelp, "help"),
    bind!(Summary, [ch('g')], ShowGuidelines, "guidelines"),
    bind!(Summary, [key(Esc), ch('q')], Back, "back", bar),
    bind!(QuestionCheck, [key(Esc), ctrl('k')], Back, "close", bar),
    bind!(Follow, [key(F(2)), ch('t')], CycleTheme, "next theme", bar),
    bind!(Follow, [key(F(1)), ch('?')], ToggleHelp, "help", bar),
    bind!(Follow, [ch('q'), ctrl('q'), ctrl('c')], Quit, "quit", bar),
];

/// Contexts whose bindings apply, most specific first. Overlays capture the keyboard.
pub fn active_contexts(focus: KeyContext) -> Vec<KeyContext> {
    match focus {
        KeyContext::Help
        | KeyContext::Confirm
        | KeyContext::Guidelines
        | KeyContext::Follow
        | KeyContext::QuestionCheck => {
            vec![focus]
        }
        _ => vec![focus, KeyContext::Global],
    }
}

/// The action a key press means where the focus is, if any.
pub fn action_for(focus: KeyContext, event: &KeyEvent) -> Option<Action> {
    // Only presses: key releases and repeats from enhanced keyboards are not commands.
    if event.kind != KeyEventKind::Press {
        return None;
    }
    for context in active_contexts(focus) {
        if let Some(b) = bindings()
            .iter()
            .find(|b| b.context == context && b.chords.iter().any(|c| c.matches(event)))
        {
            return Some(b.action.clone());
        }
    }
    match focus {
        // Any other key answers "no": a scribe typing on, unaware of the prompt, must
        // never confirm a deletion by accident.
        KeyContext::Confirm => Some(Action::Cancel),
        // Typing while the guidelines are up is the scribe getting on with it: the text
        // goes through to the editor underneath rather than being lost.
        KeyContext::Guidelines => Some(Action::Input(*event)),
        _ => focus.takes_text().then_some(Action::Input(*event)),
    }
}

/// The bindings that apply where the focus is, for the help bar and overlay.
pub fn help_for(focus: KeyContext) -> Vec<&'static Binding> {
    active_contexts(focus)
        .into_iter()
        .flat_map(|context| bindings().iter().filter(move |b| b.context == context))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn no_printable_key_is_a_command_where_text_is_typed() {
        for b in bindings() {
            let typed_into = active_contexts(b.context).iter().any(|c| c.takes_text())
                || b.context == KeyContext::Global;
            if typed_into {
                for chord in b.chords {
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
    fn typing_in_the_editor_is_text_not_commands() {
        for c in "qgnedr?+ tjkQ".chars() {
            let event = press(KeyCode::Char(c), KeyModifiers::NONE);
            assert_eq!(
                action_for(KeyContext::LiveEditor, &event),
                Some(Action::Input(event)),
                "{c:?}"
            );
        }
    }

    #[test]
    fn control_chords_are_commands_in_the_editor() {
        let event = press(KeyCode::Char('t'), KeyModifiers::CONTROL);
        assert_eq!(
            action_for(KeyContext::LiveEditor, &event),
            Some(Action::ToggleTimer)
        );
        let quit = press(KeyCode::Char('q'), KeyModifiers::CONTROL);
        assert_eq!(
            action_for(KeyContext::LiveEditor, &quit),
            Some(Action::Quit)
        );
    }

    #[test]
    fn key_releases_are_ignored() {
        let mut event = press(KeyCode::Enter, KeyModifiers::NONE);
        event.kind = KeyEventKind::Release;
        assert_eq!(action_for(KeyContext::LiveEditor, &event), None);
    }

    #[test]
    fn letters_are_commands_in_lists() {
        let n = press(KeyCode::Char('n'), KeyModifiers::NONE);
        assert_eq!(
            action_for(KeyContext::SeriesList, &n),
            Some(Action::NewSeries)
        );
        let x = press(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(action_for(KeyContext::SeriesList, &x), None);
    }

    #[test]
    fn only_yes_confirms_a_deletion_and_any_other_key_cancels() {
        for (c, want) in [
            ('y', Action::Confirm),
            ('n', Action::Cancel),
            ('e', Action::Cancel),
            ('d', Action::Cancel),
        ] {
            let event = press(KeyCode::Char(c), KeyModifiers::NONE);
            assert_eq!(action_for(KeyContext::Confirm, &event), Some(want), "{c}");
        }
    }

    #[test]
    fn overlays_capture_the_keyboard() {
        let quit = press(KeyCode::Char('q'), KeyModifiers::CONTROL);
        assert_eq!(action_for(KeyContext::Help, &quit), None);
    }

    #[test]
    fn every_context_has_help_with_labels() {
        for ctx in [
            KeyContext::SeriesList,
            KeyContext::NewSeries,
            KeyContext::Setup,
            KeyContext::LiveEditor,
            KeyContext::LiveNotes,
            KeyContext::Closing,
        ] {
            let help = help_for(ctx);
            assert!(help.iter().any(|b| b.in_bar), "{ctx:?}");
            assert!(
                help.iter()
                    .any(|b| b.action == Action::Quit || ctx == KeyContext::Guidelines)
            );
        }
    }

    #[test]
    fn chord_labels_read_like_keys() {
        assert_eq!(ctrl('t').label(), "Ctrl+T");
        assert_eq!(alt(Enter).label(), "Alt+Enter");
        assert_eq!(key(F(1)).label(), "F1");
    }
}
