//! The one place screens are built: a screen's `update` says where it wants to go (a
//! [`Nav`]), and this turns that into the next screen, moving the open session where it
//! is needed. The session being run is held once: by the live or closing screen, never
//! also in the open series' list.
//!
//! A screen that needs files (the list, a series opened under its lock, the summary) is
//! read off the UI thread (see [`crate::tui::loads`]): the app shows what it is reading,
//! and builds the screen here when the result comes back.

use crate::storage::SeriesFolder;
use crate::tui::app::{App, Overlay};
use crate::tui::context::{Context, OpenSeries};
use crate::tui::loads::{self, Delivery, Loaded, Opened};
use crate::tui::screens::ballot::BallotState;
use crate::tui::screens::closing::ClosingState;
use crate::tui::screens::live::LiveState;
use crate::tui::screens::loading::{LoadingState, Plan};
use crate::tui::screens::new_series::NewSeriesState;
use crate::tui::screens::prioritise::PrioritiseState;
use crate::tui::screens::series_list::SeriesListState;
use crate::tui::screens::setup::SetupState;
use crate::tui::screens::summary::SummaryState;
use crate::tui::screens::{Nav, Screen};

impl App {
    /// Goes where `nav` says. When it cannot (the series is locked by another roast, the
    /// session is gone), the screen it was asked from comes back and the status says why.
    pub fn go(&mut self, nav: Nav) {
        let ctx = &mut self.ctx;
        match nav {
            Nav::SeriesList => {
                let select = ctx.last_series.clone();
                let closed = ctx.open_series().map(|l| l.folder.clone());
                ctx.close_series();
                // The setting's sync after a closing starts once the lock is released:
                // when the list, read after the release, is back.
                let sync = closed
                    .filter(|_| std::mem::take(&mut ctx.sync_after_close))
                    .filter(crate::share::is_shared);
                let data = ctx.data.clone();
                let ticket = ctx.read_in_background(move || loads::list(&data));
                self.screen = Screen::Loading(Box::new(LoadingState {
                    label: "Reading the series…".into(),
                    ticket,
                    plan: Plan::List { select, sync },
                    back: None,
                }));
            }
            Nav::NewSeries => self.screen = Screen::NewSeries(Box::new(NewSeriesState::new(ctx))),
            Nav::OpenSeries(folder) => self.read_series(folder, Plan::Session),
            Nav::Prioritise(folder) => self.read_series(folder, Plan::Prioritise),
            Nav::Summary(folder) => self.read_series(folder, Plan::Summary),
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
            Nav::ReloadBallot {
                folder,
                voter,
                selected,
            } => self.read_series(folder, Plan::Ballot { voter, selected }),
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

    /// Asks for `folder` to be read (under its lock, unless for the summary) and shows
    /// that it is being read, keeping the current screen to come back to.
    fn read_series(&mut self, folder: SeriesFolder, plan: Plan) {
        let ctx = &mut self.ctx;
        ctx.last_series = Some(folder.id());
        // The list knows the series' name; the folder's id is all the other screens have.
        let name = match &self.screen {
            Screen::SeriesList(list) => list
                .entries
                .iter()
                .filter_map(|e| e.as_ref().ok())
                .find(|l| l.folder.id() == folder.id())
                .map(|l| l.digest.service.clone()),
            _ => None,
        }
        .unwrap_or_else(|| folder.id());
        let label = match plan {
            Plan::Summary => format!("Reading {name} for its summary…"),
            Plan::Ballot { .. } => "Reading the ballots again…".to_string(),
            _ => format!("Opening {name}…"),
        };
        let ticket = match plan {
            Plan::Summary => ctx.read_in_background(move || loads::summary(&folder)),
            Plan::Prioritise => ctx.read_in_background(move || loads::open(&folder, true)),
            Plan::Session | Plan::List { .. } => {
                ctx.read_in_background(move || loads::open(&folder, false))
            }
            Plan::Ballot { .. } => {
                ctx.read_in_background(move || Loaded::Ballot(loads::ballot(&folder).map(Box::new)))
            }
        };
        let back = Some(Box::new(self.take_screen()));
        self.screen = Screen::Loading(Box::new(LoadingState {
            label,
            ticket,
            plan,
            back,
        }));
    }

    /// A read asked for earlier is back: builds the screen it was for, if it is still
    /// awaited. A series opened for nothing (the app moved on) is closed again.
    pub fn loaded(&mut self, delivery: &Delivery) {
        let Some(result) = delivery.take() else {
            return;
        };
        let awaited = matches!(&self.screen, Screen::Loading(s) if s.ticket == delivery.ticket);
        if !awaited {
            if let Loaded::Opened(Ok(opened)) = result {
                // Released where it was taken, behind any write still on its way.
                self.ctx.saver.then(Box::new(move || drop(opened)));
            }
            return;
        }
        let Screen::Loading(loading) = self.take_screen() else {
            return;
        };
        let LoadingState { plan, back, .. } = *loading;
        let ctx = &mut self.ctx;
        let built = match (plan, result) {
            (Plan::List { select, sync }, Loaded::List { entries, stale }) => {
                let list = SeriesListState::from_read(ctx, entries, stale, select.as_deref());
                if let Some(folder) = sync {
                    ctx.start_sync(crate::tui::sync::SyncTarget::One(folder));
                }
                Some(Screen::SeriesList(list))
            }
            (Plan::Summary, Loaded::Summary(Ok(read))) => {
                let (series, votes) = *read;
                Some(Screen::Summary(Box::new(SummaryState::new(
                    ctx, &series, votes,
                ))))
            }
            (Plan::Ballot { voter, selected }, Loaded::Ballot(Ok(read))) => {
                let (loaded, votes) = *read;
                let mut ballot = BallotState::from_read(ctx, loaded, votes, &voter);
                ballot.selected = selected.min(ballot.items.len().saturating_sub(1));
                ctx.info("Read again: the latest ballots and the moderator's settings.");
                Some(Screen::Ballot(Box::new(ballot)))
            }
            (_, Loaded::Ballot(Err(e))) => {
                ctx.error(format!("cannot read the series: {e}"));
                None
            }
            (plan, Loaded::Opened(Ok(opened))) => opened_screen(ctx, *opened, &plan),
            (_, Loaded::Opened(Err(e)) | Loaded::Summary(Err(e))) => {
                ctx.error(e);
                None
            }
            // A result of another kind than asked: cannot happen, as the ticket matched.
            _ => None,
        };
        self.screen = built
            .or_else(|| back.map(|b| *b))
            .unwrap_or_else(|| Screen::SeriesList(SeriesListState::empty()));
    }

    /// The current screen, leaving an empty list in its place until the next is built.
    fn take_screen(&mut self) -> Screen {
        std::mem::replace(
            &mut self.screen,
            Screen::SeriesList(SeriesListState::empty()),
        )
    }
}

/// Makes a series locked and read fresh the open series, and builds the screen `plan`
/// asks for: its session in progress (or session setup), or prioritisation.
pub fn opened_screen(ctx: &mut Context, opened: Opened, plan: &Plan) -> Option<Screen> {
    let Opened {
        loaded,
        lock,
        votes,
    } = opened;
    // The saver writes room-only notes into this folder; a series made before it existed
    // gets it now, while the series is being opened.
    ctx.saver
        .ensure_dir(crate::storage::room_only::room_only_dir(&loaded.folder));
    for problem in &loaded.problems {
        ctx.warn(format!("skipped (left untouched): {problem}"));
    }
    ctx.series = Some(OpenSeries::new(loaded, lock));
    match (plan, votes) {
        (Plan::Prioritise, Some(votes)) => match PrioritiseState::new(ctx, votes) {
            Some(state) => Some(Screen::Prioritise(Box::new(state))),
            None => {
                ctx.close_series();
                None
            }
        },
        _ => match ctx.take_open_session() {
            Some(session) => {
                ctx.info("Resumed the session in progress.");
                Some(Screen::Live(Box::new(LiveState::from_session(
                    ctx, session,
                ))))
            }
            None => Some(Screen::Setup(Box::new(SetupState::new(ctx)))),
        },
    }
}
