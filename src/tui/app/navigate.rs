//! The one place screens are built: a screen's `update` says where it wants to go (a
//! [`Nav`]), and this turns that into the next screen, taking the series lock and moving
//! the open session where it is needed. The session being run is held once: by the live
//! or closing screen, never also in the open series' list.

use crate::storage::{LockError, SeriesFolder, SeriesLock};
use crate::tui::app::{App, Overlay};
use crate::tui::context::{Context, OpenSeries};
use crate::tui::screens::closing::ClosingState;
use crate::tui::screens::live::LiveState;
use crate::tui::screens::new_series::NewSeriesState;
use crate::tui::screens::prioritise::PrioritiseState;
use crate::tui::screens::series_list::SeriesListState;
use crate::tui::screens::setup::SetupState;
use crate::tui::screens::summary::SummaryState;
use crate::tui::screens::{Nav, Screen};

impl App {
    /// Goes where `nav` says. When it cannot (the series is locked by another roast, the
    /// session is gone), the current screen stays and the status says why.
    pub fn go(&mut self, nav: Nav) {
        let ctx = &mut self.ctx;
        match nav {
            Nav::SeriesList => {
                let select = ctx.last_series.clone();
                let closed = ctx.open_series().map(|l| l.folder.clone());
                ctx.close_series();
                // The setting's sync after a closing starts once the lock is released.
                if std::mem::take(&mut ctx.sync_after_close)
                    && let Some(folder) = closed.filter(crate::share::is_shared)
                {
                    ctx.start_sync(vec![folder]);
                }
                self.screen = Screen::SeriesList(SeriesListState::load(ctx, select.as_deref()));
            }
            Nav::NewSeries => self.screen = Screen::NewSeries(Box::new(NewSeriesState::new(ctx))),
            Nav::OpenSeries(folder) => {
                ctx.last_series = Some(folder.id());
                if let Some(screen) = open_series(ctx, &folder) {
                    self.screen = screen;
                }
            }
            Nav::Prioritise(folder) => {
                ctx.last_series = Some(folder.id());
                if lock_series(ctx, &folder).is_some() {
                    match PrioritiseState::new(ctx) {
                        Some(state) => self.screen = Screen::Prioritise(Box::new(state)),
                        None => ctx.close_series(),
                    }
                }
            }
            Nav::Summary(loaded) => {
                ctx.last_series = Some(loaded.series.id.clone());
                self.screen = Screen::Summary(Box::new(SummaryState::new(ctx, &loaded)));
            }
            Nav::StartSession(session) => {
                self.screen = Screen::Live(Box::new(LiveState::from_session(ctx, *session)));
                self.overlay = Some(Overlay::Guidelines);
            }
            Nav::Closing => {
                if let Screen::Live(live) = self.take_screen() {
                    let live = *live;
                    self.screen =
                        Screen::Closing(Box::new(ClosingState::new(&self.ctx, live.session)));
                }
            }
            Nav::Quit => self.quit = true,
            Nav::BackToSession => {
                if let Screen::Closing(closing) = self.take_screen() {
                    self.screen = Screen::Live(Box::new(LiveState::from_session(
                        &self.ctx,
                        closing.session,
                    )));
                }
            }
        }
    }

    /// The current screen, leaving an empty list in its place until the next is built.
    fn take_screen(&mut self) -> Screen {
        std::mem::replace(
            &mut self.screen,
            Screen::SeriesList(SeriesListState::empty()),
        )
    }
}

/// Takes the series' lock and builds its session in progress, or session setup.
pub fn open_series(ctx: &mut Context, folder: &SeriesFolder) -> Option<Screen> {
    lock_series(ctx, folder)?;
    match ctx.take_open_session() {
        Some(session) => {
            ctx.info("Resumed the session in progress.");
            Some(Screen::Live(Box::new(LiveState::from_session(
                ctx, session,
            ))))
        }
        None => Some(Screen::Setup(Box::new(SetupState::new(ctx)))),
    }
}

/// Takes the series' lock and makes it the open series, freshly read (another scribe may
/// have added sessions since the list loaded). `None`, with the reason shown, when
/// another roast is writing it or it cannot be read.
pub fn lock_series(ctx: &mut Context, folder: &SeriesFolder) -> Option<()> {
    let lock = match SeriesLock::acquire(folder.dir()) {
        Ok(lock) => lock,
        // Say what happens, not what the lock's own message promises: nothing opens
        // for writing; the summary and `follow` still work without the lock.
        Err(LockError::Held { holder, .. }) => {
            // Only the folder is known yet: the name comes from its series file.
            let id = folder.id();
            let service = folder
                .read_series()
                .map_or_else(|_| id.clone(), |s| s.service);
            ctx.error(format!(
                "Not opened: another roast (pid {holder}) is writing {service}. `s` shows its \
                 summary; `roast follow {id}` shows its session read-only."
            ));
            return None;
        }
        Err(e) => {
            ctx.error(e.to_string());
            return None;
        }
    };
    // The saver writes room-only notes into this folder; a series made before it existed
    // gets it now, while the series is being opened.
    ctx.saver
        .ensure_dir(crate::storage::room_only::room_only_dir(folder));
    let loaded = match folder.load() {
        Ok(fresh) => fresh,
        Err(e) => {
            ctx.error(format!("cannot open: {e}"));
            return None;
        }
    };
    for problem in &loaded.problems {
        ctx.warn(format!("skipped (left untouched): {problem}"));
    }
    ctx.series = Some(OpenSeries::new(loaded, lock));
    Some(())
}
