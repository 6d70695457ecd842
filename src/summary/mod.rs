//! The series summary: one roll-up of a series ([`Rollup`]), shown as plain text for the
//! terminal ([`text`]) and exported by the `export` module. Also the `roast list` lines.
//!
//! Only ever about one series: no comparison with another series or service, anywhere.
//! Room-only notes are filtered out when the roll-up is built ([`privacy`]).

pub mod list;
pub mod privacy;
pub mod rollup;
pub mod text;
pub mod wrap;

pub use privacy::leaves_the_room;
pub use rollup::{
    BacklogEntry, MaturityEntry, MinuteEntry, Minutes, NoteEntry, ROLLUP_VERSION, Rollup,
    SeriesInfo, SessionEntry, SessionStatus, TopicEntry, Topics,
};

use crate::backlog::LoadedBacklog;
use crate::storage::{FormatError, LoadedSeries};

/// `roast summary SERIES`: the plain-text summary of a loaded series.
pub fn summary_text(loaded: &LoadedSeries, backlog: &LoadedBacklog, now_ms: i64) -> String {
    text::render(&Rollup::from_loaded(loaded, backlog, now_ms))
}

/// `roast list`: every series with its progress.
pub fn list_text(series: &[Result<LoadedSeries, FormatError>], now_ms: i64) -> String {
    list::render(series, now_ms)
}
