//! Everything the user can ask for. Keys map to these through the keymap; `update` is the
//! only place they change state.

use ratatui::crossterm::event::KeyEvent;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    // Anywhere
    Quit,
    ToggleHelp,
    ShowGuidelines,
    CycleTheme,
    ToggleBell,
    /// Leave the current overlay, field or screen.
    Back,
    /// Once a second and whenever the event loop is idle: redraw the timer, autosave.
    Tick,

    // Lists and forms
    Up,
    Down,
    Left,
    Right,
    NextField,
    PrevField,
    Select,
    Toggle,
    Submit,
    NewSeries,
    CycleRole,
    RemoveParticipant,

    // Live session
    ToggleTimer,
    AddTime,
    CommitNote,
    InsertNewline,
    NextKind,
    PrevKind,
    ToggleRoomOnly,
    FocusNotes,
    FocusEditor,
    EditNote,
    DeleteNote,
    EndSession,
    /// Replace the question being typed with the checker's n-th suggestion (from 0).
    UseRewrite(usize),
    /// The moderator's "check a question" box, on the projector.
    OpenQuestionCheck,

    // Joint prioritisation
    /// The current voter's 0–5 consensus score for the selected item.
    Score(u8),
    ClearScore,
    EditOwner,
    EditLabels,
    /// Sort the backlog by its current ranking.
    Rerank,
    Prioritise,
    ShowSummary,
    Export,

    // Confirmation prompts
    Confirm,
    Cancel,

    /// A mouse click on an item of a list.
    Click {
        target: ClickTarget,
        index: usize,
    },
    /// The mouse wheel over the notes.
    ScrollUp,
    ScrollDown,

    /// A key that no binding claimed, for the focused text field.
    Input(KeyEvent),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
}

/// The lists a click can land in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClickTarget {
    SeriesRow,
    Topic,
    Attendee,
    /// Index into the notes in display order.
    Note,
    NextTopic,
}
