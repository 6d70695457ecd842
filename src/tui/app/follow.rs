//! `roast follow`: the app in its read-only mode. The same screens, `update`, view, help
//! bar and overlays as the scribe's app; what differs is that the session comes from the
//! folder (a watcher thread reads the scribe's saves and hands them over as actions), the
//! keyboard has only the follow keys (no text field, nothing that writes), and nothing is
//! ever written, not even the settings.

use std::time::Duration;

use crate::follow::{News, Watcher};
use crate::storage::SeriesFolder;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::context::{AppConfig, Context};
use crate::tui::screens::Screen;
use crate::tui::screens::live::LiveState;
use crate::tui::screens::waiting::WaitingState;

/// How often the folder is looked at: saves show within a second.
pub const POLL: Duration = Duration::from_millis(250);

/// What follow mode knows beyond the screen: the folder, what it is called, and why a
/// file could not be read, while that lasts.
pub struct Following {
    pub folder: SeriesFolder,
    /// The service's name, once the series file has been read.
    pub service: Option<String>,
    pub problem: Option<String>,
    /// Stops looking at the folder when follow mode ends.
    _watcher: Watcher,
}

impl App {
    /// The app as `roast follow` opens it: read-only, on the series in `folder`.
    pub fn following(config: AppConfig, folder: SeriesFolder) -> std::io::Result<Self> {
        let mut ctx = Context::new(config);
        ctx.read_only = true;
        let outbox = ctx.inbox.outbox();
        let watcher = Watcher::start(folder.clone(), POLL, move |news| {
            outbox.send(Action::Followed(Box::new(news)))
        })?;
        let mut app = App::on(ctx, Screen::Waiting(WaitingState::new(folder.dir().into())));
        app.follow = Some(Following {
            folder,
            service: None,
            problem: None,
            _watcher: watcher,
        });
        Ok(app)
    }

    /// Shows what the watcher found: the session in progress, live and read-only, or the
    /// waiting screen. The timer's flash survives a fresh copy of the same session.
    pub(super) fn followed(&mut self, news: News) {
        let Some(following) = &mut self.follow else {
            return;
        };
        following.problem = news.problem;
        let Some(snapshot) = news.snapshot else {
            return;
        };
        following.service = Some(snapshot.series.service.clone());
        let now = self.ctx.now_ms();
        self.screen = match snapshot.session.filter(|s| !s.is_closed()) {
            Some(session) => {
                let mut live = LiveState::new(Some(&snapshot.series), session, now).read_only();
                if let Screen::Live(old) = &self.screen
                    && old.session.id == live.session.id
                {
                    live.seen_phase = old.seen_phase;
                    live.flash_until_ms = old.flash_until_ms;
                }
                Screen::Live(Box::new(live))
            }
            None => Screen::Waiting(WaitingState::new(following.folder.dir().into())),
        };
    }
}
