//! Writes the 10,000 distinct meeting lines the phrasing bench times, one a line, for
//! timing `roast check --file` (or another checker) by hand:
//!
//! ```text
//! cargo run --release --example make-questions -- FILE [COUNT]
//! ```
//!
//! COUNT defaults to 10,000. The lines are the same on every machine.

#[path = "../tests/common/questions.rs"]
mod questions;

use std::process::ExitCode;

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: make-questions FILE [COUNT]")?;
    let count = match args.next() {
        None => 10_000,
        Some(count) => count
            .parse()
            .map_err(|_| format!("COUNT must be a whole number, not {count:?}"))?,
    };
    let mut text = questions::questions(count).join("\n");
    text.push('\n');
    std::fs::write(&path, text).map_err(|error| format!("{path}: {error}"))
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("make-questions: {message}");
            ExitCode::FAILURE
        }
    }
}
