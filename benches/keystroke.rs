//! One keystroke in the live session, handled and drawn: the scribe's hot path. The
//! session is 20 minutes into a meeting and already holds 500 notes of 40–300 characters
//! (every kind, some room-only), opened the way the app opens it: resumed from disk.
//!
//! Each iteration is one key through the keymap and `update`, then the full frame drawn
//! and sent through the same display the runtime draws with (the view, the diff against
//! what the terminal shows, crossterm's escape sequences, counted instead of written to a
//! tty), at three sizes: a laptop terminal, a projector and a very large screen. "note"
//! types a plain note; "question" types a question, so the phrasing checker runs on
//! every key.
//!
//! Run: cargo bench --bench keystroke -- --warm-up-time 1 --measurement-time 3
//!
//! On a machine shared with other work, wall time says more about the neighbours than
//! about roast. `ROAST_CPU_TIME=1 cargo bench --bench keystroke` prints instead the CPU
//! time of this thread per keystroke (key + update + full frame), the median of seven
//! runs of 500 keys each after 200 to warm up, for every mode and size, and the bytes a
//! key sends to the terminal.

mod common;

use common::terminal::{BenchTerminal, Bytes};
use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use roast::clock::FakeClock;
use roast::model::NoteKind;
use roast::storage::DataDir;
use roast::tui::action::Action;
use roast::tui::app::action_for_key;
use roast::tui::display::Display;
use roast::tui::screens::Screen;
use roast::tui::{App, AppConfig, update};

const NOTES: usize = 500;
const SIZES: [(u16, u16); 3] = [(80, 24), (160, 45), (300, 80)];
/// Typed a key at a time, then deleted a key at a time, so the draft stays as long as a
/// real one however many iterations criterion runs.
const TYPED: &str = "How does the ledger retry a payment when the queue is full?";

fn live_app(data: &std::path::Path, kind: NoteKind) -> App {
    let fixture = common::fixtures::large_series(1, NOTES);
    fixture
        .write_to(&DataDir::new(data).series_folder(&fixture.series.id))
        .expect("writing the bench series");
    let mut app = App::new(AppConfig {
        data: DataDir::new(data),
        agenda_file: None,
        minutes: 45,
        clock: Arc::new(FakeClock::at(fixture.now_ms)),
        theme: None,
        no_color: false,
    });
    for _ in 0..NoteKind::ALL.len() {
        match &app.screen {
            Screen::Live(live) if live.kind == kind => return app,
            Screen::Live(_) => update(&mut app, Action::NextKind),
            _ => panic!("the session in progress did not reopen"),
        }
    }
    panic!("no {kind:?} in the editor's kinds");
}

/// A `width` x `height` terminal drawn on as the runtime draws (crossterm's escape
/// sequences included), and the count of bytes it is sent.
fn terminal(width: u16, height: u16) -> (Display<BenchTerminal>, Bytes) {
    let (backend, written) = BenchTerminal::new(width, height);
    let display = Display::new(Terminal::new(backend).unwrap()).unwrap();
    (display, written)
}

fn next_key(n: usize) -> KeyEvent {
    let len = TYPED.chars().count();
    let code = match n % (2 * len) {
        i if i < len => KeyCode::Char(TYPED.chars().nth(i).unwrap_or('x')),
        _ => KeyCode::Backspace,
    };
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// CPU time this thread has used, in nanoseconds.
fn thread_cpu_ns() -> u128 {
    // SAFETY: a zeroed timespec is valid for clock_gettime to fill in.
    let mut t: libc::timespec = unsafe { std::mem::zeroed() };
    // SAFETY: the clock id is valid and `t` is a valid out-pointer.
    let r = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    assert_eq!(r, 0, "clock_gettime: {}", std::io::Error::last_os_error());
    (t.tv_sec as u128) * 1_000_000_000 + t.tv_nsec as u128
}

/// See the module's documentation: CPU time per keystroke, robust to a busy machine.
fn cpu_time_per_key() {
    const RUNS: usize = 7;
    const KEYS: usize = 500;
    for (mode, kind) in [("note", NoteKind::Note), ("question", NoteKind::Question)] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = live_app(dir.path(), kind);
        for (w, h) in SIZES {
            let (mut terminal, written) = terminal(w, h);
            let mut n = 0;
            let mut one_key = |app: &mut App| {
                let key = next_key(n);
                n += 1;
                if let Some(a) = action_for_key(app, &key) {
                    update(app, a);
                }
                terminal
                    .draw(|frame| roast::tui::view::draw(frame, black_box(&*app)))
                    .unwrap();
            };
            for _ in 0..200 {
                one_key(&mut app);
            }
            let bytes_before = written.total();
            let mut runs: Vec<u128> = (0..RUNS)
                .map(|_| {
                    let start = thread_cpu_ns();
                    for _ in 0..KEYS {
                        one_key(&mut app);
                    }
                    (thread_cpu_ns() - start) / KEYS as u128
                })
                .collect();
            runs.sort_unstable();
            let bytes = (written.total() - bytes_before) / (RUNS * KEYS) as u64;
            println!(
                "{mode} mode, {NOTES} notes, {w}x{h}: {:.3} ms CPU per key (runs {:.3}-{:.3}), {bytes} bytes to the terminal per key",
                runs[RUNS / 2] as f64 / 1e6,
                runs[0] as f64 / 1e6,
                runs[RUNS - 1] as f64 / 1e6
            );
        }
        app.save_all();
    }
}

fn keystroke(c: &mut Criterion) {
    if std::env::var_os("ROAST_CPU_TIME").is_some() {
        cpu_time_per_key();
        return;
    }
    for (mode, kind) in [("note", NoteKind::Note), ("question", NoteKind::Question)] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = live_app(dir.path(), kind);
        let mut group = c.benchmark_group(format!(
            "key + update + full frame, {mode} mode, {NOTES} notes"
        ));
        for (w, h) in SIZES {
            let mut terminal = terminal(w, h).0;
            let mut n = 0;
            group.bench_function(format!("{w}x{h}"), |b| {
                b.iter(|| {
                    let key = next_key(n);
                    n += 1;
                    if let Some(a) = action_for_key(&app, &key) {
                        update(&mut app, a);
                    }
                    terminal
                        .draw(|frame| roast::tui::view::draw(frame, black_box(&app)))
                        .unwrap();
                })
            });
        }
        // The two halves at the projector size, to see where the time goes.
        let mut terminal = terminal(160, 45).0;
        let mut n = 0;
        group.bench_function("160x45, key + update only", |b| {
            b.iter(|| {
                let key = next_key(n);
                n += 1;
                if let Some(a) = action_for_key(&app, &key) {
                    update(&mut app, a);
                }
            })
        });
        group.bench_function("160x45, full frame only", |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| roast::tui::view::draw(frame, black_box(&app)))
                    .unwrap();
            })
        });
        group.finish();
        app.save_all();
    }
}

criterion_group!(benches, keystroke);
criterion_main!(benches);
