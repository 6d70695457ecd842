//! The runtime draws frame after frame on one terminal and sends only what changed; panes
//! that show what they showed are left on screen. Whatever happened in between (keys,
//! overlays opening and closing, a long note that wraps, the timer ticking and turning
//! amber, a theme change, another screen, the terminal changing size), what the terminal
//! then shows must be exactly what drawing the same state on a fresh terminal shows.

mod common;

use common::*;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use roast::clock::FakeClock;
use roast::tui::App;
use roast::tui::action::Action;
use roast::tui::display::Display;

const SIZES: [(u16, u16); 5] = [(40, 12), (80, 24), (120, 40), (160, 45), (300, 80)];

/// Where the first cell that differs is, and what each screen holds there.
fn first_difference(shown: &Buffer, fresh: &Buffer) -> Option<String> {
    if shown.area != fresh.area {
        return Some(format!("areas {:?} and {:?}", shown.area, fresh.area));
    }
    let i = shown
        .content
        .iter()
        .zip(&fresh.content)
        .position(|(a, b)| a != b)?;
    let (x, y) = fresh.pos_of(i);
    let row = |b: &Buffer| -> String { (0..b.area.width).map(|x| b[(x, y)].symbol()).collect() };
    Some(format!(
        "cell ({x}, {y}): {:?} instead of {:?}\nshown: {}\nfresh: {}",
        shown.content[i],
        fresh.content[i],
        row(shown),
        row(fresh)
    ))
}

/// A terminal drawn on frame after frame, and how its size changes between frames.
struct Run {
    display: Display<TestBackend>,
    sizes: Vec<(u16, u16)>,
    frames: usize,
}

impl Run {
    fn new(sizes: &[(u16, u16)]) -> Self {
        let (w, h) = sizes[0];
        Run {
            display: display(w, h),
            sizes: sizes.to_vec(),
            frames: 0,
        }
    }

    /// Draws the next frame and checks it against a fresh terminal's.
    fn frame(&mut self, app: &App, what: &str) {
        // A terminal that changes size does so every few frames.
        let (w, h) = self.sizes[self.frames / 3 % self.sizes.len()];
        self.frames += 1;
        if self.display.backend().buffer().area.as_size() != (w, h).into() {
            self.display.backend_mut().resize(w, h);
        }
        let shown = draw(&mut self.display, app);
        let fresh = buffer(app, w, h);
        if let Some(difference) = first_difference(&shown, &fresh) {
            panic!("frame {} ({what}) at {w}x{h}: {difference}", self.frames);
        }
    }

    fn press(&mut self, app: &mut App, code: KeyCode, what: &str) {
        press(app, key(code));
        self.frame(app, what);
    }

    fn type_text(&mut self, app: &mut App, text: &str, what: &str) {
        for c in text.chars() {
            self.press(app, KeyCode::Char(c), what);
        }
    }

    /// The clock moves on by `secs`, a tick at a time, with a frame after each.
    fn tick(&mut self, app: &mut App, clock: &FakeClock, secs: i64, what: &str) {
        for _ in 0..secs {
            clock.advance_ms(1000);
            act(app, Action::Tick);
            self.frame(app, what);
        }
    }
}

/// A whole meeting, framed after every step.
fn meeting(run: &mut Run, name: &str) {
    let dir = std::path::PathBuf::from("target/incremental-frames").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    let clock = FakeClock::at(START_MS);
    let mut app = app_at(&dir, &clock);
    run.frame(&app, "the empty series list");
    run.press(&mut app, KeyCode::F(1), "help over the series list");
    run.press(&mut app, KeyCode::F(1), "help closed");
    create_series(&mut app);
    run.frame(&app, "session setup");
    run.press(
        &mut app,
        KeyCode::Enter,
        "the guidelines over a new session",
    );
    run.press(&mut app, KeyCode::Esc, "the live screen");
    run.type_text(&mut app, "Payments retry", "typing a note");
    run.press(&mut app, KeyCode::Enter, "a note saved");
    let long = "The ledger writes every retry to the outbox table first and a relay \
                publishes it, so a broker outage queues payments instead of losing them; "
        .repeat(4);
    let (typed, pasted) = long.split_at(120);
    run.type_text(&mut app, typed, "a long note that wraps");
    act(&mut app, Action::Paste(pasted.to_string()));
    run.frame(&app, "the rest of the long note pasted");
    run.press(&mut app, KeyCode::Enter, "the long note saved");
    press(&mut app, ctrl('t'));
    run.frame(&app, "the timer started");
    run.tick(&mut app, &clock, 3, "the timer ticking");
    run.press(&mut app, KeyCode::Tab, "the next kind of note");
    while !matches!(&app.screen, roast::tui::screens::Screen::Live(l) if l.kind == roast::model::NoteKind::Question)
    {
        run.press(&mut app, KeyCode::Tab, "looking for questions");
    }
    run.type_text(
        &mut app,
        "Why would anyone pick Kafka?",
        "a question checked as typed",
    );
    run.press(
        &mut app,
        KeyCode::F(5),
        "the question check over the live screen",
    );
    run.press(&mut app, KeyCode::Esc, "the question check closed");
    run.press(&mut app, KeyCode::Enter, "the question saved");
    run.press(&mut app, KeyCode::F(1), "help over the live screen");
    run.tick(&mut app, &clock, 2, "the timer ticking under help");
    run.press(&mut app, KeyCode::F(1), "help closed");
    press(&mut app, ctrl('g'));
    run.frame(&app, "the guidelines over the live screen");
    run.press(&mut app, KeyCode::Esc, "the guidelines closed");
    run.press(&mut app, KeyCode::F(2), "the next theme");
    run.type_text(&mut app, "ab", "typing in the next theme");
    run.press(&mut app, KeyCode::F(2), "the theme after");
    run.press(&mut app, KeyCode::F(2), "back to the first theme");
    run.press(&mut app, KeyCode::Esc, "the notes list");
    run.press(&mut app, KeyCode::Up, "the note above");
    run.press(&mut app, KeyCode::Char('d'), "delete, asked");
    run.press(&mut app, KeyCode::Char('n'), "delete, declined");
    run.press(&mut app, KeyCode::Esc, "back to the editor");
    clock.advance_ms(38 * 60 * 1000);
    run.tick(&mut app, &clock, 4, "the timer turning amber and flashing");
    run.type_text(&mut app, "c", "typing while it flashes");
    run.press(&mut app, KeyCode::F(8), "end the meeting, asked");
    run.press(&mut app, KeyCode::Char('y'), "the closing screen");
    run.press(&mut app, KeyCode::Down, "on the closing screen");
}

#[test]
fn frames_drawn_one_after_another_show_what_a_fresh_terminal_shows_at_every_size() {
    for (w, h) in SIZES {
        meeting(&mut Run::new(&[(w, h)]), &format!("fixed-{w}x{h}"));
    }
}

#[test]
fn frames_drawn_while_the_terminal_changes_size_show_what_a_fresh_terminal_shows() {
    meeting(&mut Run::new(&SIZES), "resizing");
    meeting(
        &mut Run::new(&[(300, 80), (80, 24), (299, 80)]),
        "resizing-back",
    );
}
