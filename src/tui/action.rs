//! Everything the user can ask for, named by what it means rather than by the key that
//! asks for it: `PreviousAgenda`, not `Left`. Keys map to these through the keymap;
//! `update` is the only place they change state.

use ratatui::crossterm::event::KeyEvent;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    // Anywhere
    Quit,
    ToggleHelp,
    ShowGuidelines,
    CycleTheme,
    ToggleBell,
    /// Put away the oldest warning still waiting to be read.
    DismissWarning,
    /// Leave the current overlay, field or screen.
    Back,
    /// Once a second and whenever the event loop is idle: redraw the timer, autosave.
    Tick,
    /// The terminal has this many columns and rows.
    Resize {
        width: u16,
        height: u16,
    },
    /// The moderator's "check a question" box, on the projector.
    OpenQuestionCheck,

    // The focused text field
    CursorLeft,
    CursorRight,
    CursorUp,
    CursorDown,
    WordLeft,
    WordRight,
    LineStart,
    LineEnd,
    DeleteBack,
    DeleteForward,
    DeleteWordBack,
    DeleteWordForward,
    /// Ctrl+K: from the cursor to the end of its line.
    DeleteToLineEnd,
    /// Ctrl+U: from the start of the cursor's line to the cursor.
    DeleteToLineStart,
    InsertNewline,
    Undo,

    // Lists and forms
    PreviousItem,
    NextItem,
    PageUp,
    PageDown,
    NextField,
    PreviousField,

    // Series list
    OpenSeries,
    NewSeries,
    /// Take the selected series off the list (nothing is deleted).
    ArchiveSeries,
    /// Put an archived series back on the list.
    RestoreSeries,
    /// Show the archived series, or the current ones again.
    ToggleArchivedView,
    Prioritise,
    ShowSummary,
    /// Sync every shared series with the team (commit, bring in, push), in the background.
    SyncWithTeam,
    /// Turn the sync after each closing on or off.
    ToggleSyncAfterClosing,

    // New series
    PreviousAgenda,
    NextAgenda,
    AddParticipant,
    CycleRole,
    RemoveParticipant,
    /// Start typing the name of someone who joins the series.
    NewParticipant,
    /// Start typing a new name for the series' service.
    RenameSeries,
    CreateSeries,

    // Session setup
    SwitchList,
    ToggleAttendance,
    StartSession,

    // Live session
    ToggleTimer,
    AddTime,
    CommitNote,
    NextKind,
    PrevKind,
    ToggleRoomOnly,
    FocusNotes,
    FocusEditor,
    EditNote,
    DeleteNote,
    /// Asks to end the meeting; a confirmation follows.
    EndSession,
    /// Replace the question being typed with the checker's n-th suggestion (from 0).
    UseRewrite(usize),

    // Closing
    PreviousChoice,
    NextChoice,
    SetMaturity(u8),
    CloseSession,
    ReturnToSession,
    /// Throw away a session in which nothing was recorded (started by mistake).
    DiscardSession,

    // Joint prioritisation
    PreviousVoter,
    NextVoter,
    /// The current voter's 0–5 consensus score for the selected item.
    Score(u8),
    ClearScore,
    TogglePick,
    EditOwner,
    EditLabels,
    /// Write the words in which a room-only opportunity leaves the room.
    EditFixWording,
    /// Sort the backlog by its current ranking.
    Rerank,
    /// Keep what was typed into the owner or labels field.
    SaveField,
    /// Show everyone's scores and their spread, or hide them again (blind voting).
    ToggleReveal,
    /// One more top pick per voter.
    MorePicks,
    /// One fewer top pick per voter.
    FewerPicks,
    /// Read the ballots and the moderator's settings again (after a sync).
    Reload,

    // Summary
    Export,
    /// The series summary: export with the full minutes (every plain note and question).
    ExportWithNotes,

    // Confirmation prompts
    Confirm,
    Cancel,

    /// A mouse click on an item of a list.
    Click {
        target: ClickTarget,
        index: usize,
    },
    /// The mouse wheel over the notes, or the summary's scroll keys.
    ScrollUp,
    ScrollDown,

    /// A key that no binding claimed, for the focused text field.
    Input(KeyEvent),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),

    // From work done off the UI thread
    /// `roast follow`'s watcher looked at the folder: what changed, and any read problem.
    Followed(Box<crate::follow::News>),
    /// The saver ran a task handed to it (an export, a new series, the settings…).
    Stored(crate::storage::TaskDone),
    /// Files read for the next screen (see `tui::loads`).
    Loaded(crate::tui::loads::Delivery),
}

impl Action {
    /// Whether this is an editing key for the focused text field.
    pub fn is_text_edit(&self) -> bool {
        matches!(
            self,
            Action::CursorLeft
                | Action::CursorRight
                | Action::CursorUp
                | Action::CursorDown
                | Action::WordLeft
                | Action::WordRight
                | Action::LineStart
                | Action::LineEnd
                | Action::DeleteBack
                | Action::DeleteForward
                | Action::DeleteWordBack
                | Action::DeleteWordForward
                | Action::DeleteToLineEnd
                | Action::DeleteToLineStart
                | Action::InsertNewline
                | Action::Undo
                | Action::Input(_)
                | Action::Paste(_)
        )
    }
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
