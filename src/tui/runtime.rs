//! The real terminal: raw mode, bracketed paste, the event loop, signals and shutdown.
//! Everything here is I/O; all decisions are in `update`.

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::backend::Backend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
};
use ratatui::crossterm::execute;

use crate::tui::action::Action;
use crate::tui::app::{App, action_for_key, update};
use crate::tui::display::Display;
use crate::tui::inbox::Incoming;
use crate::tui::view;

/// How often the loop wakes without input: the timer's second hand and autosave.
const TICK: Duration = Duration::from_millis(200);
/// How soon to look again while the phrasing checker works on a verdict (it
/// takes microseconds once its rules are built): the verdict shows this soon
/// after the keystroke, which itself never waits for it.
const VERDICT_POLL: Duration = Duration::from_millis(4);

/// Runs the app until the user quits or a signal asks it to stop. Whatever happens,
/// everything typed is handed to the saver and flushed before returning.
pub fn run(mut app: App) -> std::io::Result<()> {
    let stop = stop_on_signals()?;
    let mut terminal = match Display::new(ratatui::init()) {
        Ok(display) => display,
        Err(e) => {
            ratatui::restore();
            return Err(e);
        }
    };
    let _ = execute!(std::io::stdout(), EnableBracketedPaste, EnableMouseCapture);
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        crate::tui::input::spawn_reader(app.ctx.inbox.outbox())?;
        event_loop(
            Io {
                terminal: &mut terminal,
                bell: &mut std::io::stdout(),
                alive: &terminal_is_alive,
                stop: &stop,
            },
            &mut app,
        )
    }));
    // Save first: a failure to restore the terminal must not cost a note.
    let all_saved = app.save_all();
    let _ = execute!(
        std::io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture
    );
    ratatui::restore();
    let unsaved = (!all_saved).then(|| rescue_unsaved(&app));
    match outcome {
        Ok(result) => result.and(unsaved.map_or(Ok(()), |why| Err(std::io::Error::other(why)))),
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// What the loop talks to. The real terminal in [`run`]; a test backend, a bell that
/// fails and a flag in tests, so the loop itself is what they check.
pub struct Io<'a, B: Backend> {
    pub terminal: &'a mut Display<B>,
    /// Where the bell is rung. A bell that cannot ring is no reason to stop.
    pub bell: &'a mut dyn Write,
    /// Whether the terminal is still there (see [`terminal_is_alive`]).
    pub alive: &'a dyn Fn() -> bool,
    /// Raised by a signal: save and stop at the next turn.
    pub stop: &'a AtomicBool,
}

/// The one loop, for every mode of the app (the scribe's, `roast vote`, `roast follow`):
/// draw, wait for whatever comes first on the inbox (a key, a resize, a background
/// result), hand it to `update`, tick.
pub fn event_loop<B: Backend>(io: Io<'_, B>, app: &mut App) -> std::io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let Io {
        terminal,
        bell,
        alive,
        stop,
    } = io;
    let size = terminal.size().map_err(std::io::Error::other)?;
    update(
        app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    let mut needs_draw = true;
    let mut warming = None;
    let mut last_face = String::new();
    while !app.quit && !stop.load(Ordering::Relaxed) && alive() {
        if needs_draw {
            terminal
                .draw(|frame| view::draw(frame, app))
                .map_err(std::io::Error::other)?;
            needs_draw = false;
        }
        // Compiling the phrasing rules takes a moment: after the first frame, so it never
        // competes with start-up for a core, and off the keystroke path. A question typed
        // before it is done waits for it once.
        warming.get_or_insert_with(|| {
            std::thread::spawn(|| crate::phrasing::Checker::current().warm())
        });
        let wait = if app.verdict_pending() {
            VERDICT_POLL
        } else {
            TICK
        };
        if let Some(first) = app.ctx.inbox.next(wait) {
            // Handle everything queued (a paste, fast typing) before drawing again.
            let mut batch = vec![first];
            batch.extend(app.ctx.inbox.queued());
            for incoming in batch {
                // The input thread ended: the terminal is gone.
                if !take_in(terminal, app, incoming)? {
                    return Ok(());
                }
                needs_draw = true;
                if app.quit {
                    break;
                }
            }
        }
        let checking = app.verdict_pending();
        update(app, Action::Tick);
        // A verdict came in: show it.
        if checking && !app.verdict_pending() {
            needs_draw = true;
        }
        if std::mem::take(&mut app.ctx.bell_pending) {
            // The flash on screen says it too; a bell that cannot be written is ignored.
            let _ = bell.write_all(b"\x07").and_then(|()| bell.flush());
            needs_draw = true;
        }
        // Redraw on the timer's second even when nobody types.
        let face = clock_face_now(app);
        if face != last_face {
            last_face = face;
            needs_draw = true;
        }
        if app.ctx.saver.status().failing.is_some() {
            needs_draw = true;
        }
    }
    if stop.load(Ordering::Relaxed) && !app.quit {
        take_in_what_was_typed(terminal, app)?;
    }
    Ok(())
}

/// How long, after a signal, keys typed before it may take to come through.
const SIGNAL_GRACE: Duration = Duration::from_millis(100);

/// A signal asked us to stop: keys typed before it that are still on their way from the
/// terminal (the input thread hands them over one by one) go where they were typed before
/// everything is saved, or the last words of a scribe would be lost.
fn take_in_what_was_typed<B: Backend>(terminal: &Display<B>, app: &mut App) -> std::io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let until = std::time::Instant::now() + SIGNAL_GRACE;
    while !app.quit {
        let left = until.saturating_duration_since(std::time::Instant::now());
        let Some(incoming) = app.ctx.inbox.next(left.min(Duration::from_millis(20))) else {
            break;
        };
        if !take_in(terminal, app, incoming)? {
            break;
        }
        if left.is_zero() {
            break;
        }
    }
    Ok(())
}

/// Hands what came in to `update`; `false` once the input thread has ended.
fn take_in<B: Backend>(
    terminal: &Display<B>,
    app: &mut App,
    incoming: Incoming,
) -> std::io::Result<bool>
where
    B::Error: Send + Sync + 'static,
{
    let action = match incoming {
        Incoming::Event(event) => action_for_event(terminal, app, event)?,
        Incoming::Action(action) => Some(action),
        Incoming::EscThen(key) => {
            esc_then(app, key);
            None
        }
        Incoming::InputClosed => return Ok(false),
    };
    if let Some(action) = action {
        update(app, action);
    }
    Ok(true)
}

fn action_for_event<B: Backend>(
    terminal: &Display<B>,
    app: &App,
    event: Event,
) -> std::io::Result<Option<Action>>
where
    B::Error: Send + Sync + 'static,
{
    Ok(match event {
        Event::Key(key) => action_for_key(app, &key),
        Event::Paste(text) => Some(Action::Paste(text)),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        Event::Mouse(mouse) => {
            let size = terminal.size().map_err(std::io::Error::other)?;
            let screen = ratatui::layout::Rect::new(0, 0, size.width, size.height);
            crate::tui::mouse::action_for_mouse(app, &mouse, screen)
        }
        _ => None,
    })
}

/// A flag raised by SIGTERM, SIGHUP or SIGINT, for a loop to save and stop at its next
/// turn rather than die mid-write.
pub fn stop_on_signals() -> std::io::Result<Arc<AtomicBool>> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    Ok(stop)
}

/// Whether the terminal is still there. When its window closes without a SIGHUP reaching
/// us (a killed tmux server, a dropped SSH link), reads see end-of-file forever and
/// nothing else fails while the screen is idle; asking the terminal its size does.
pub fn terminal_is_alive() -> bool {
    ratatui::crossterm::terminal::size().is_ok()
}

fn clock_face_now(app: &App) -> String {
    let now = app.ctx.now_ms();
    match &app.screen {
        crate::tui::screens::Screen::Live(live) => {
            format!("{}{}", live.session.timer.display(now), live.flashing(now))
        }
        _ => String::new(),
    }
}

/// Last resort when files could not be saved in place: copies go to recovery files (or,
/// failing that, to the terminal, for the scribe to copy out). Returns the one line that
/// says where everything went; the process then exits non-zero.
fn rescue_unsaved(app: &App) -> String {
    let status = app.ctx.saver.status();
    let mut went: Vec<String> = status
        .rescued
        .iter()
        .map(|(path, copy)| format!("{} is in {}", path.display(), copy.display()))
        .collect();
    let mut err = std::io::stderr().lock();
    for (path, result) in app.ctx.saver.rescue_unsaved() {
        match result {
            Ok(copy) => went.push(format!("{} is in {}", path.display(), copy.display())),
            Err(e) => {
                let bytes = app
                    .ctx
                    .saver
                    .unsaved()
                    .into_iter()
                    .find(|(p, _)| *p == path)
                    .map(|(_, b)| b)
                    .unwrap_or_default();
                let _ = writeln!(
                    err,
                    "roast: could not save {} anywhere ({e}). Its content follows; copy it somewhere safe:\n{}",
                    path.display(),
                    String::from_utf8_lossy(&bytes)
                );
                went.push(format!("{} is printed above", path.display()));
            }
        }
    }
    let reason = status
        .failing
        .map_or_else(String::new, |(_, e)| format!(" ({e})"));
    format!(
        "not everything could be saved in place{reason}; what was not: {}",
        went.join("; ")
    )
}

/// An Esc and `key` read together: Alt+key where text is typed (as crossterm reads ESC x
/// in one go), else Esc and then `key`, each through the keymap as it stands then.
pub fn esc_then(app: &mut App, key: ratatui::crossterm::event::KeyEvent) {
    let keys = if app.key_focus().takes_text() {
        vec![ratatui::crossterm::event::KeyEvent::new(
            key.code,
            key.modifiers | ratatui::crossterm::event::KeyModifiers::ALT,
        )]
    } else {
        vec![
            ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Esc),
            key,
        ]
    };
    for k in keys {
        if let Some(action) = crate::tui::app::action_for_key(app, &k) {
            update(app, action);
        }
    }
}
