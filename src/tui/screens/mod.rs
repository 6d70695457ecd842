//! One file per screen: its state, how actions change it, and how it is drawn. A screen
//! never builds another: its `update` returns where it wants to go, as a [`Nav`], and
//! the app alone opens the next screen.

pub mod autosave;
pub mod ballot;
pub mod closing;
pub mod guidelines;
pub mod live;
pub mod loading;
pub mod new_series;
pub mod opportunities;
pub mod prioritise;
pub mod series_list;
pub mod setup;
pub mod summary;
pub mod waiting;

use crate::model::Session;
use crate::storage::SeriesFolder;

/// What the app shows; each screen owns the state only it needs.
pub enum Screen {
    SeriesList(series_list::SeriesListState),
    NewSeries(Box<new_series::NewSeriesState>),
    Setup(Box<setup::SetupState>),
    // Boxed: the editor state is large, and screens move on every transition.
    Live(Box<live::LiveState>),
    Closing(Box<closing::ClosingState>),
    Prioritise(Box<prioritise::PrioritiseState>),
    Summary(Box<summary::SummaryState>),
    /// `roast vote`: one voter's own ballot.
    Ballot(Box<ballot::BallotState>),
    /// `roast follow` with no session in progress.
    Waiting(waiting::WaitingState),
    /// The next screen's files being read.
    Loading(Box<loading::LoadingState>),
}

/// Where a screen asks to go next; the app decides how to get there.
pub enum Nav {
    /// The series list, freshly read, on the row last used.
    SeriesList,
    NewSeries,
    /// Lock the series and go to its session in progress, or to session setup. Only the
    /// folder: it is read once, fresh, under the lock.
    OpenSeries(SeriesFolder),
    /// Lock the series and score its opportunities.
    Prioritise(SeriesFolder),
    /// The series summary: read-only, no lock.
    Summary(SeriesFolder),
    /// A session just started in the open series: live, with the guidelines up.
    StartSession(Box<Session>),
    /// From the live session to closing; the session moves with it.
    Closing,
    /// From closing back to the meeting; the session moves with it.
    BackToSession,
    /// Leave the app (the ballot is all `roast vote` opens).
    Quit,
    /// Read the series and every ballot again for this voter's ballot (after a sync),
    /// keeping the row they were on.
    ReloadBallot {
        folder: SeriesFolder,
        voter: String,
        selected: usize,
    },
}
