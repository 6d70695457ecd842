//! One keystroke in the live session, handled and drawn: the scribe's hot path. The session
//! already holds 300 notes (a long, busy meeting) and the screen is projector-sized.
//!
//! Run: cargo bench --bench keystroke

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use roast::clock::FakeClock;
use roast::storage::DataDir;
use roast::tui::action::Action;
use roast::tui::app::action_for_key;
use roast::tui::{App, AppConfig, update};

fn press(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    if let Some(a) = action_for_key(app, &KeyEvent::new(code, mods)) {
        update(app, a);
    }
}

fn live_app(data: &std::path::Path, clock: &FakeClock) -> App {
    let mut app = App::new(AppConfig {
        data: DataDir::new(data),
        agenda_file: None,
        minutes: 45,
        clock: Arc::new(clock.clone()),
        theme: None,
        no_color: false,
    });
    press(&mut app, KeyCode::Char('n'), KeyModifiers::NONE);
    for c in "Payments API".chars() {
        press(&mut app, KeyCode::Char(c), KeyModifiers::NONE);
    }
    press(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    press(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    press(&mut app, KeyCode::Char('t'), KeyModifiers::CONTROL);
    for i in 0..300 {
        update(
            &mut app,
            Action::Paste(format!(
                "Note {i}: the edge proxy retries every request five times before giving up"
            )),
        );
        press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
        if i % 7 == 0 {
            press(&mut app, KeyCode::Tab, KeyModifiers::NONE);
        }
        clock.advance_secs(9);
    }
    app.ctx.saver.flush();
    app
}

fn keystroke(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(1_795_338_000_000);
    let mut app = live_app(dir.path(), &clock);
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).unwrap();
    let mut n = 0u64;
    c.bench_function("type one character and redraw (300 notes, 160x45)", |b| {
        b.iter(|| {
            n += 1;
            // Type a 60-character note, then backspace it away, so the draft stays the
            // length of a real note however many iterations criterion runs.
            let key = if (n / 60).is_multiple_of(2) {
                KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE)
            } else {
                KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE)
            };
            if let Some(a) = action_for_key(&app, &key) {
                update(&mut app, a);
            }
            terminal
                .draw(|frame| roast::tui::view::draw(frame, black_box(&app)))
                .unwrap();
        })
    });
    c.bench_function("draw only (300 notes, 160x45)", |b| {
        b.iter(|| {
            terminal
                .draw(|frame| roast::tui::view::draw(frame, black_box(&app)))
                .unwrap();
        })
    });
    c.bench_function(
        "draw only, fresh terminal each time (worst case: full repaint)",
        |b| {
            b.iter(|| {
                let mut t = Terminal::new(TestBackend::new(160, 45)).unwrap();
                t.draw(|frame| roast::tui::view::draw(frame, black_box(&app)))
                    .unwrap();
            })
        },
    );
    c.bench_function("autosave tick with a dirty draft (300 notes)", |b| {
        b.iter(|| {
            clock.advance_ms(600);
            n += 1;
            let code = if (n / 60).is_multiple_of(2) {
                KeyCode::Char('b')
            } else {
                KeyCode::Backspace
            };
            update(
                &mut app,
                Action::Input(KeyEvent::new(code, KeyModifiers::NONE)),
            );
            update(&mut app, Action::Tick);
        })
    });
    app.ctx.saver.flush();
}

criterion_group! {
    name = benches;
    config = Criterion::default().measurement_time(std::time::Duration::from_secs(3)).warm_up_time(std::time::Duration::from_secs(1));
    targets = keystroke
}
criterion_main!(benches);
