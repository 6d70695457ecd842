//! One file per screen: its state, how actions change it, and how it is drawn.

pub mod autosave;
pub mod closing;
pub mod guidelines;
pub mod live;
pub mod new_series;
pub mod prioritise;
pub mod series_list;
pub mod setup;
pub mod summary;

use crate::tui::context::Context;

/// What the app shows; each screen owns the state only it needs.
pub enum Screen {
    SeriesList(series_list::SeriesListState),
    NewSeries(Box<new_series::NewSeriesState>),
    Setup(setup::SetupState),
    // Boxed: the editor state is large, and screens move on every transition.
    Live(Box<live::LiveState>),
    Closing(Box<closing::ClosingState>),
    Prioritise(Box<prioritise::PrioritiseState>),
    Summary(Box<summary::SummaryState>),
}

/// What a screen's update asks the app to do next.
pub enum Transition {
    To(Screen),
    /// Go to a screen and put the guidelines slide up in front of it.
    ToWithGuidelines(Screen),
}

impl Screen {
    pub fn series_list(ctx: &mut Context) -> Screen {
        Screen::SeriesList(series_list::SeriesListState::load(ctx))
    }
}
