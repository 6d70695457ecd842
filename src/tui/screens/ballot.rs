//! `roast vote`: one voter's own ballot in their own terminal. Every opportunity of the
//! series in full, a 0–5 consensus score for each, and a budget of top picks (five unless
//! the moderator changed it). Blind: nobody else's scores show until the moderator
//! reveals them. Each change is saved in the voter's own ballot file at once, so a sync
//! takes it to the team with no conflict.

use crate::tui::display::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

use crate::backlog::ballot::{self, Ballot};
use crate::backlog::{BacklogItem, ItemRef, LoadedBacklog, VotingRound};
use crate::storage::{FormatError, LoadedSeries, SeriesFolder};
use crate::summary::wrap::wrap;
use crate::tui::action::Action;
use crate::tui::context::Context;
use crate::tui::keymap::KeyContext;
use crate::tui::loads::Votes;
use crate::tui::screens::Nav;
use crate::tui::screens::opportunities::{Item, opportunities, spread_bar};
use crate::tui::widgets::panel::panel;

pub struct BallotState {
    pub folder: SeriesFolder,
    pub service: String,
    pub voter: String,
    pub items: Vec<Item>,
    pub votes: LoadedBacklog,
    pub round: VotingRound,
    pub selected: usize,
    dir_ready: bool,
}

impl BallotState {
    /// The series' opportunities and this voter's ballot as they are on disk.
    pub fn load(ctx: &mut Context, folder: SeriesFolder, voter: &str) -> Result<Self, FormatError> {
        let (loaded, votes) = crate::tui::loads::ballot(&folder)?;
        Ok(Self::from_read(ctx, loaded, votes, voter))
    }

    /// The ballot from a series and its votes already read (see [`crate::tui::loads`]).
    pub fn from_read(ctx: &mut Context, loaded: LoadedSeries, votes: Votes, voter: &str) -> Self {
        let Votes {
            backlog: votes,
            round,
            round_problem,
        } = votes;
        for problem in loaded
            .problems
            .iter()
            .chain(&votes.problems)
            .chain(&round_problem)
        {
            ctx.warn(format!("skipped (left untouched): {problem}"));
        }
        Self {
            items: opportunities(&loaded, &votes, ctx.now_ms()),
            service: loaded.series.service.clone(),
            folder: loaded.folder,
            voter: voter.trim().to_string(),
            votes,
            round,
            selected: 0,
            dir_ready: false,
        }
    }

    pub fn key_contexts(&self) -> Vec<KeyContext> {
        vec![KeyContext::Ballot]
    }

    fn selected_key(&self) -> Option<ItemRef> {
        self.items.get(self.selected).map(|i| i.key.clone())
    }

    fn votes_of(&self, key: &ItemRef) -> Option<&BacklogItem> {
        self.votes.backlog.get(key)
    }

    pub fn update(&mut self, ctx: &mut Context, action: &Action) -> Option<Nav> {
        let last = self.items.len().saturating_sub(1);
        match action {
            Action::PreviousItem => self.selected = self.selected.saturating_sub(1),
            Action::NextItem => self.selected = (self.selected + 1).min(last),
            Action::PageUp => self.selected = self.selected.saturating_sub(5),
            Action::PageDown => self.selected = (self.selected + 5).min(last),
            Action::Score(value) => {
                let key = self.selected_key()?;
                match self.votes.backlog.record_score(&key, &self.voter, *value) {
                    Ok(_) => self.save(ctx),
                    Err(e) => ctx.error(e.to_string()),
                }
            }
            Action::ClearScore => {
                let key = self.selected_key()?;
                if self.votes.backlog.clear_score(&key, &self.voter).is_some() {
                    self.save(ctx);
                }
            }
            Action::TogglePick => {
                let key = self.selected_key()?;
                match self
                    .votes
                    .backlog
                    .toggle_pick(&key, &self.voter, self.round.budget)
                {
                    Ok(_) => self.save(ctx),
                    Err(e) => ctx.error(e.to_string()),
                }
            }
            Action::Reload => {
                // After a sync: the others' ballots and the moderator's reveal come in,
                // read off the UI thread.
                return Some(Nav::ReloadBallot {
                    folder: self.folder.clone(),
                    voter: self.voter.clone(),
                    selected: self.selected,
                });
            }
            // The ballot is all this app was opened for: leaving it is quitting.
            Action::Back => return Some(Nav::Quit),
            _ => {}
        }
        None
    }

    /// Only this voter's file is written: the others' ballots are theirs.
    fn save(&mut self, ctx: &mut Context) {
        let path = ballot::ballot_path(&self.folder, &self.voter);
        if !self.votes.may_write(&path) {
            ctx.error(format!(
                "not saved: {} could not be read; fix or move it first",
                path.display()
            ));
            return;
        }
        if !self.dir_ready {
            let dir = ballot::ballots_dir(&self.folder);
            // Made by the saver before the files queued after it.
            ctx.saver.ensure_dir(dir);
            self.dir_ready = true;
        }
        let ballot = Ballot::of(&self.votes.backlog, &self.voter);
        ctx.saver
            .save_with(path, Box::new(move || ballot.to_ron().into_bytes()));
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Context) {
        let theme = &ctx.theme;
        let [top, list_area] =
            Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
        let picks = self.votes.backlog.picks_of(&self.voter).len();
        let scored = self
            .items
            .iter()
            .filter(|i| {
                self.votes_of(&i.key)
                    .and_then(|v| v.score_of(&self.voter))
                    .is_some()
            })
            .count();
        let reveal = if self.round.revealed {
            Span::styled(" Revealed: everyone's scores show ", theme.ok)
        } else {
            Span::styled(
                " Blind: only your own scores show until the moderator reveals ",
                theme.warning,
            )
        };
        frame.render_widget(
            Paragraph::new(vec![
                Line::from(vec![
                    Span::styled(" Your ballot, ", theme.dim),
                    Span::styled(format!(" {} ", self.voter), theme.selected),
                    Span::styled(
                        format!(
                            "  scored {scored} of {}   top picks: {picks} of {}   4–5 agree, 0–3 needs discussion",
                            self.items.len(),
                            self.round.budget
                        ),
                        theme.dim,
                    ),
                ]),
                Line::from(reveal),
            ]),
            top,
        );
        if self.items.is_empty() {
            frame.render_widget(
                Paragraph::new("No opportunities in this series yet.")
                    .wrap(Wrap { trim: true })
                    .style(theme.dim)
                    .block(panel(" Opportunities ", true, theme)),
                list_area,
            );
            return;
        }
        // Every opportunity in full: each wraps over as many lines as it needs.
        let cols = usize::from(list_area.width.saturating_sub(4)).max(20);
        let rows: Vec<ListItem> = self
            .items
            .iter()
            .map(|item| {
                let votes = self.votes_of(&item.key);
                let mine = votes
                    .and_then(|v| v.score_of(&self.voter))
                    .map_or_else(|| "·".to_string(), |s| s.to_string());
                let star = if votes.is_some_and(|v| v.picked_by(&self.voter)) {
                    "★"
                } else {
                    " "
                };
                let mut head = vec![
                    Span::styled(format!("{mine} {star} "), theme.title),
                    Span::styled(item.topic.clone(), theme.dim),
                ];
                if self.round.revealed {
                    let spread = votes.map(BacklogItem::spread).unwrap_or_default();
                    head.push(Span::styled(
                        format!(
                            "   room: {}  {}",
                            spread_bar(&spread),
                            spread.consensus().label()
                        ),
                        theme.dim,
                    ));
                }
                let mut lines = vec![Line::from(head)];
                lines.extend(
                    wrap(&item.text, cols, "    ", "    ")
                        .into_iter()
                        .map(Line::from),
                );
                ListItem::new(lines)
            })
            .collect();
        let list = List::new(rows).highlight_style(theme.selected).block(panel(
            format!(" {} · opportunities ({}) ", self.service, self.items.len()),
            true,
            theme,
        ));
        let mut state = ListState::default().with_selected(Some(self.selected));
        frame.render_stateful_widget(list, list_area, &mut state);
    }
}
