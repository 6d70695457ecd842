//! Writes big generated series to disk, for trying the app, the benches and the command
//! line at sizes no real team reaches in a year.
//!
//! ```text
//! cargo run --release --example make-series -- DATA_DIR [SERIES] [SESSIONS] [NOTES]
//! ```
//!
//! writes SERIES series (default 1) of SESSIONS weekly sessions (default 500) with NOTES
//! notes each (default 100) into DATA_DIR, the way the app stores them; then
//! `roast --data-dir DATA_DIR` opens them. Nothing here is compiled into `roast` itself.

#[path = "../tests/common/fixtures/mod.rs"]
mod fixtures;

use std::process::ExitCode;

use roast::storage::DataDir;

fn number(arg: Option<String>, default: usize, what: &str) -> Result<usize, String> {
    arg.map_or(Ok(default), |a| {
        a.parse()
            .map_err(|_| format!("{what} must be a whole number, not {a:?}"))
    })
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let data = args
        .next()
        .ok_or("usage: make-series DATA_DIR [SERIES] [SESSIONS] [NOTES]")?;
    let series = number(args.next(), 1, "SERIES")?;
    let sessions = number(args.next(), 500, "SESSIONS")?;
    let notes = number(args.next(), 100, "NOTES")?;
    let dir = DataDir::new(std::path::Path::new(&data));
    for n in 0..series {
        let fixture = fixtures::large_series_seeded(sessions, notes, n as u64);
        let folder = dir.series_folder(&fixture.series.id);
        fixture
            .write_to(&folder)
            .map_err(|e| format!("writing series {}: {e}", fixture.series.id))?;
    }
    println!("{series} series x {sessions} sessions x {notes} notes written to {data}");
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("make-series: {e}");
            ExitCode::FAILURE
        }
    }
}
