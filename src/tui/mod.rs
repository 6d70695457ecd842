//! The terminal interface: a layer over the domain. Keys become [`action::Action`]s through
//! the [`keymap`]; [`app::update`] is the one place state changes; [`view::draw`] only reads.

pub mod action;
pub mod app;
pub mod context;
pub mod display;
pub mod inbox;
pub mod input;
pub mod keymap;
pub mod keys_file;
pub mod loads;
pub mod mouse;
pub mod runtime;
pub mod screens;
pub mod sync;
pub mod theme;
pub mod view;
pub mod widgets;

pub use app::{App, update};
pub use context::AppConfig;
