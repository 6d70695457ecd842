//! Small drawing pieces shared by several screens.

pub mod big_timer;
pub mod help_bar;
pub mod help_overlay;
pub mod memo;
pub mod panel;
pub mod pick_list;
pub mod question_check;
pub mod text_field;
pub mod verdict;
pub mod wrap;
