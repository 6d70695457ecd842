//! Start-up: opening the app on a data folder with a year of weekly sessions (52 sessions
//! of 100 notes each), and on a very long series (500 sessions, 50,000 notes).
//!
//! Run: cargo bench --bench startup

#[path = "../tests/common/fixtures/mod.rs"]
mod fixtures;

use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use fixtures::large_series;
use roast::clock::FakeClock;
use roast::storage::DataDir;
use roast::tui::{App, AppConfig};

fn open_app(data: &std::path::Path, now_ms: i64) -> App {
    App::new(AppConfig {
        data: DataDir::new(data),
        agenda_file: None,
        minutes: 45,
        clock: Arc::new(FakeClock::at(now_ms)),
        theme: None,
        no_color: false,
    })
}

fn startup(c: &mut Criterion) {
    for (sessions, notes) in [(52, 100), (500, 100)] {
        let dir = tempfile::tempdir().unwrap();
        let fixture = large_series(sessions, notes);
        let folder = DataDir::new(dir.path()).series_folder(&fixture.series.id);
        fixture.write_to(&folder).unwrap();
        // Seen a day later, so no session reopens by itself: the series list is drawn.
        let now = fixture.now_ms + 2 * roast::tui::app::RESUME_WITHIN_MS;
        c.bench_function(
            &format!("open the app on {sessions} sessions x {notes} notes"),
            |b| b.iter(|| open_app(dir.path(), now)),
        );
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .measurement_time(std::time::Duration::from_secs(3))
        .warm_up_time(std::time::Duration::from_secs(1));
    targets = startup
}
criterion_main!(benches);
