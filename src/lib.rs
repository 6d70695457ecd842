//! roast: run a Service Roast from the terminal.
//!
//! The domain (model, agendas, timer, storage) knows nothing of the terminal; `tui` is a
//! layer on top of it and `cli` is the command line.

pub mod agenda;
pub mod backlog;
pub mod cli;
pub mod clock;
pub mod export;
pub mod follow;
pub mod model;
pub mod phrasing;
pub mod progress;
pub mod safe_text;
pub mod settings;
pub mod share;
pub mod storage;
pub mod summary;
pub mod timer;
pub mod topic_choice;
pub mod tui;
