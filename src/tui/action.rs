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

    // Confirmation prompts
    Confirm,
    Cancel,

    /// A key that no binding claimed, for the focused text field.
    Input(KeyEvent),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
}
