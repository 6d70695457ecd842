//! Speed and memory of the summary on a big series: 500 sessions of 100 notes (50,000
//! notes). Targets: roll-up plus any one output under 300 ms, under 100 MB of memory;
//! loading the series folder from disk must feel instant too.
//!
//! `cargo bench --bench summary` runs everything; before the timings it prints the peak
//! heap (counted by the allocator below) of loading, rolling up and exporting. Set
//! `ROAST_PEAK_ONLY=1` to print only those and skip the timings.

#[path = "../tests/common/fixtures/mod.rs"]
mod fixtures;

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use criterion::Criterion;
use fixtures::{Fixture, large_series};
use roast::backlog::LoadedBacklog;
use roast::export::{ExportFormat, export};
use roast::storage::SeriesFolder;
use roast::summary::{Rollup, text};

const SESSIONS: usize = 500;
const NOTES_PER_SESSION: usize = 100;

/// Counts live heap bytes and remembers the highest count, so the bench can report what
/// the work really needs rather than what the process happens to hold.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let now = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

fn shrank(bytes: usize) {
    LIVE.fetch_sub(bytes, Ordering::Relaxed);
}

// SAFETY: every call is passed straight to the system allocator; the counters only
// observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        shrank(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size > layout.size() {
                grew(new_size - layout.size());
            } else {
                shrank(layout.size() - new_size);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `work` and returns its result with the peak heap it added above what was live.
fn peak_of<T>(work: impl FnOnce() -> T) -> (T, usize) {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let out = work();
    (out, PEAK.load(Ordering::Relaxed) - base)
}

fn mb(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

fn rollup(f: &Fixture) -> Rollup {
    Rollup::build(&f.series, &f.sessions, &f.backlog, f.now_ms)
}

fn load(folder: &SeriesFolder, now_ms: i64) -> Rollup {
    let loaded = folder.load().expect("the bench series loads");
    let backlog = LoadedBacklog::load(folder);
    Rollup::from_loaded(&loaded, &backlog, now_ms)
}

/// One pass of everything with the heap counted, printed before the timings.
fn report_peaks(fixture: &Fixture, folder: &SeriesFolder) {
    let notes: usize = fixture.sessions.iter().map(|s| s.notes.len()).sum();
    eprintln!(
        "series: {} sessions, {notes} notes, {} opportunities voted on",
        fixture.sessions.len(),
        fixture.backlog.len()
    );
    let (r, peak) = peak_of(|| rollup(fixture));
    eprintln!("peak heap, roll-up: {}", mb(peak));
    let (text, peak) = peak_of(|| text::render(&r));
    eprintln!(
        "peak heap, text summary: {} ({} output)",
        mb(peak),
        mb(text.len())
    );
    drop(text);
    for format in ExportFormat::ALL {
        let start = Instant::now();
        let (out, peak) = peak_of(|| export(&r, format));
        eprintln!(
            "peak heap, export {format}: {} ({} output, {:?} once)",
            mb(peak),
            mb(out.len()),
            start.elapsed()
        );
    }
    drop(r);
    let start = Instant::now();
    let loaded = folder.load().expect("loads");
    eprintln!("load sessions (SeriesFolder::load): {:?}", start.elapsed());
    let start = Instant::now();
    let backlog = LoadedBacklog::load(folder);
    eprintln!(
        "load backlog (LoadedBacklog::load, {} files): {:?}",
        backlog.backlog.len(),
        start.elapsed()
    );
    drop((loaded, backlog));
    for format in [ExportFormat::Html, ExportFormat::Json] {
        let (out, peak) = peak_of(|| export(&load(folder, fixture.now_ms), format));
        eprintln!(
            "peak heap, `roast export --format {format}` (load from disk + roll-up + export): {}",
            mb(peak)
        );
        drop(out);
    }
    let start = Instant::now();
    let (everything, peak) = peak_of(|| {
        let r = load(folder, fixture.now_ms);
        let outputs: Vec<String> = ExportFormat::ALL.iter().map(|f| export(&r, *f)).collect();
        (text::render(&r), outputs)
    });
    eprintln!(
        "peak heap, load from disk + roll-up + text + all four exports: {} ({:?} once)",
        mb(peak),
        start.elapsed()
    );
    drop(everything);
}

fn benches(c: &mut Criterion, fixture: &Fixture, folder: &SeriesFolder) {
    let mut group = c.benchmark_group("500 sessions, 50k notes");
    group.bench_function("roll-up", |b| b.iter(|| rollup(black_box(fixture))));
    group.bench_function("roll-up + text summary", |b| {
        b.iter(|| text::render(&rollup(black_box(fixture))))
    });
    for format in ExportFormat::ALL {
        group.bench_function(format!("roll-up + export {format}"), |b| {
            b.iter(|| export(&rollup(black_box(fixture)), format))
        });
    }
    group.bench_function("load folder + roll-up", |b| {
        b.iter(|| load(black_box(folder), fixture.now_ms))
    });
    group.finish();
}

fn main() {
    let fixture = large_series(SESSIONS, NOTES_PER_SESSION);
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let folder = SeriesFolder::new(tmp.path().join("large-service"));
    fixture.write_to(&folder).expect("writing the bench series");
    report_peaks(&fixture, &folder);
    if std::env::var_os("ROAST_PEAK_ONLY").is_some() {
        return;
    }
    let mut c = Criterion::default()
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1))
        .sample_size(10)
        .configure_from_args();
    benches(&mut c, &fixture, &folder);
    c.final_summary();
}
