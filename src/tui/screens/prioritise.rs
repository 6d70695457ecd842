//! Joint prioritisation at the end of a series: every opportunity from every session,
//! scored by each participant on the 0–5 consensus scale (mostly 4s and 5s: agreed;
//! mostly 0–3: talk more) and picked into each person's top five. The spread of scores
//! is shown as it is, never only an average. Owners and labels turn items into tasks.

use crate::tui::display::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};
use ratatui_textarea::TextArea;

use crate::backlog::ballot::{self, Ballot};
use crate::backlog::store::{item_path, item_ron};
use crate::backlog::{BacklogItem, ItemRef, LoadedBacklog, VotingRound, rank};
use crate::tui::action::Action;
use crate::tui::context::Context;
use crate::tui::keymap::KeyContext;
use crate::tui::screens::Nav;
use crate::tui::screens::opportunities::{Item, opportunities, spread_bar};
use crate::tui::widgets::panel::panel;
use crate::tui::widgets::text_field::{self, field, with_text};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditField {
    Owner,
    Labels,
    FixWording,
}

pub struct PrioritiseState {
    pub items: Vec<Item>,
    pub votes: LoadedBacklog,
    pub voters: Vec<String>,
    pub voter: usize,
    pub selected: usize,
    pub editing: Option<(EditField, TextArea<'static>)>,
    /// Picks per voter and whether the scores are revealed: the moderator's to change.
    pub round: VotingRound,
    backlog_dir_ready: bool,
    ballots_dir_ready: bool,
}

impl PrioritiseState {
    /// Needs the open (locked) series: scores are written to its folder.
    /// Prioritisation of the open series, with its votes as read off the UI thread.
    pub fn new(ctx: &mut Context, read: crate::tui::loads::Votes) -> Option<Self> {
        let loaded = ctx.open_series()?;
        let crate::tui::loads::Votes {
            backlog: votes,
            round,
            round_problem,
        } = read;
        let awaiting =
            crate::summary::privacy::awaiting_fix_wording(&loaded.series, &loaded.sessions);
        let items = opportunities(loaded, &votes, ctx.now_ms())
            .into_iter()
            .chain(awaiting.into_iter().map(|a| Item {
                key: ItemRef::new(a.session, a.note),
                title: a.text.lines().next().unwrap_or_default().to_string(),
                text: a.text.clone(),
                topic: a.topic,
                room_only: true,
                needs_fix: true,
            }))
            .collect();
        let mut voters: Vec<String> = loaded
            .series
            .participants
            .iter()
            .map(|p| p.name.clone())
            .collect();
        if voters.is_empty() {
            voters.push("the room".into());
        }
        for problem in votes.problems.iter().chain(&round_problem) {
            ctx.warn(format!("skipped (left untouched): {problem}"));
        }
        Some(Self {
            items,
            votes,
            voters,
            voter: 0,
            selected: 0,
            editing: None,
            round,
            backlog_dir_ready: false,
            ballots_dir_ready: false,
        })
    }

    pub fn key_contexts(&self) -> Vec<KeyContext> {
        if self.editing.is_some() {
            vec![KeyContext::TextLine, KeyContext::PrioritiseEdit]
        } else {
            vec![KeyContext::Prioritise]
        }
    }

    fn voter(&self) -> &str {
        &self.voters[self.voter]
    }

    fn selected_key(&self) -> Option<ItemRef> {
        self.items.get(self.selected).map(|i| i.key.clone())
    }

    pub fn votes_of(&self, key: &ItemRef) -> Option<&BacklogItem> {
        self.votes.backlog.get(key)
    }

    pub fn update(&mut self, ctx: &mut Context, action: &Action) -> Option<Nav> {
        if let Some((what, text)) = &mut self.editing {
            let what = *what;
            match action {
                Action::SaveField => {
                    let value = text_field::text(text);
                    self.editing = None;
                    self.apply_edit(ctx, what, &value);
                }
                Action::Cancel => self.editing = None,
                other => {
                    text_field::feed(text, other, false);
                }
            }
            return None;
        }
        let count = self.items.len();
        match action {
            Action::Back => return Some(Nav::SeriesList),
            Action::PreviousItem => self.selected = self.selected.saturating_sub(1),
            Action::NextItem => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            Action::PreviousVoter => {
                self.voter = (self.voter + self.voters.len() - 1) % self.voters.len();
            }
            Action::NextVoter => self.voter = (self.voter + 1) % self.voters.len(),
            Action::Score(value) => {
                let (Some(key), voter) = (self.selected_key(), self.voter().to_string()) else {
                    return None;
                };
                match self.votes.backlog.record_score(&key, &voter, *value) {
                    Ok(_) => self.save_vote(ctx, &key, &voter),
                    Err(e) => ctx.error(e.to_string()),
                }
            }
            Action::ClearScore => {
                let (Some(key), voter) = (self.selected_key(), self.voter().to_string()) else {
                    return None;
                };
                if self.votes.backlog.clear_score(&key, &voter).is_some() {
                    self.save_vote(ctx, &key, &voter);
                }
            }
            Action::TogglePick => {
                let (Some(key), voter) = (self.selected_key(), self.voter().to_string()) else {
                    return None;
                };
                match self
                    .votes
                    .backlog
                    .toggle_pick(&key, &voter, self.round.budget)
                {
                    Ok(_) => self.save_vote(ctx, &key, &voter),
                    Err(e) => ctx.error(e.to_string()),
                }
            }
            Action::EditOwner | Action::EditLabels => {
                let key = self.selected_key()?;
                let item = self.votes_of(&key);
                let (what, current) = if *action == Action::EditOwner {
                    (
                        EditField::Owner,
                        item.and_then(|i| i.owner.clone()).unwrap_or_default(),
                    )
                } else {
                    (
                        EditField::Labels,
                        item.map(|i| i.labels.join(", ")).unwrap_or_default(),
                    )
                };
                let hint = match what {
                    EditField::Owner => "who takes it on",
                    EditField::Labels => "labels, separated by commas",
                    EditField::FixWording => "the fix, in words that may leave the room",
                };
                // Selected, so typing replaces it and an arrow key keeps it for editing.
                let mut text = with_text(hint, &current);
                text.select_all();
                self.editing = Some((what, text));
            }
            Action::EditFixWording => {
                let item = self.items.get(self.selected)?;
                if !item.room_only {
                    ctx.info("Only a room-only opportunity needs a fix wording: this one leaves as it is.");
                    return None;
                }
                let current = ctx
                    .open_series()
                    .and_then(|l| l.sessions.iter().find(|s| s.id == item.key.session))
                    .and_then(|s| s.note(item.key.note))
                    .and_then(|n| n.fix.clone())
                    .unwrap_or_default();
                let mut text = with_text("the fix, in words that may leave the room", &current);
                text.select_all();
                self.editing = Some((EditField::FixWording, text));
            }
            Action::Rerank if !self.round.revealed => {
                ctx.error("The scores are blind: reveal them first (v), then sort.");
            }
            Action::ToggleReveal => {
                self.round.revealed = !self.round.revealed;
                self.save_round(ctx);
                ctx.info(if self.round.revealed {
                    "Revealed: everyone now sees every score and its spread."
                } else {
                    "Blind again: each voter sees only their own ballot."
                });
            }
            Action::MorePicks | Action::FewerPicks => {
                self.round
                    .change_budget(if *action == Action::MorePicks { 1 } else { -1 });
                self.save_round(ctx);
                ctx.info(format!(
                    "Each voter may now pick {}.",
                    crate::progress::count(self.round.budget, "item")
                ));
            }
            Action::Rerank => {
                let items = std::mem::take(&mut self.items);
                let backlog = &self.votes.backlog;
                self.items = rank(items, |item| backlog.get(&item.key));
                self.selected = 0;
                ctx.info("Sorted: agreed first, then top-five picks, then mean score.");
            }
            _ => {}
        }
        None
    }

    fn apply_edit(&mut self, ctx: &mut Context, what: EditField, value: &str) {
        let Some(key) = self.selected_key() else {
            return;
        };
        match what {
            EditField::FixWording => return self.save_fix_wording(ctx, &key, value),
            EditField::Owner => {
                self.votes.backlog.set_owner(&key, Some(value));
            }
            EditField::Labels => {
                let labels: Vec<&str> = value.split(',').collect();
                self.votes.backlog.set_labels(&key, &labels);
            }
        }
        self.save(ctx, &key);
    }

    /// The wording lives with the note, in its session file; only it ever leaves the room.
    fn save_fix_wording(&mut self, ctx: &mut Context, key: &ItemRef, value: &str) {
        let Some(mut session) = ctx
            .open_series()
            .and_then(|l| l.sessions.iter().find(|s| s.id == key.session))
            .cloned()
        else {
            return;
        };
        if !session.set_fix(key.note, value) {
            return;
        }
        let worded = session.note(key.note).and_then(|n| n.fix.clone());
        ctx.save_session(&session);
        if let Some(open) = ctx.series.as_mut()
            && let Some(kept) = open.loaded.sessions.iter_mut().find(|s| s.id == session.id)
        {
            *kept = session;
        }
        if let Some(item) = self.items.get_mut(self.selected) {
            item.needs_fix = worded.is_none();
            if let Some(wording) = &worded {
                item.title = wording.lines().next().unwrap_or_default().to_string();
            }
        }
        ctx.info(match worded {
            Some(_) => "Fix wording saved: only these words leave the room.",
            None => "Fix wording removed: the opportunity stays in the room until it has one.",
        });
    }

    /// A vote is saved in the voter's own ballot (one file per voter, so voters on other
    /// machines never conflict). Votes still in old item files move to ballots first, once,
    /// so that rewriting an item without its votes loses none of them.
    fn save_vote(&mut self, ctx: &mut Context, key: &ItemRef, voter: &str) {
        let Some(folder) = ctx.open_series().map(|l| l.folder.clone()) else {
            return;
        };
        let mut voters = vec![voter.to_string()];
        if std::mem::take(&mut self.votes.legacy_votes) {
            voters = self.votes.backlog.voters().into_iter().collect();
            let keys: Vec<ItemRef> = self
                .votes
                .backlog
                .items()
                .iter()
                .map(BacklogItem::key)
                .collect();
            for k in &keys {
                self.save(ctx, k);
            }
        } else {
            self.save(ctx, key);
        }
        if !self.ballots_dir_ready {
            let dir = ballot::ballots_dir(&folder);
            // Made by the saver before the files queued after it.
            ctx.saver.ensure_dir(dir);
            self.ballots_dir_ready = true;
        }
        for voter in voters {
            let path = ballot::ballot_path(&folder, &voter);
            if !self.votes.may_write(&path) {
                ctx.error(format!(
                    "not saved: {} could not be read when this screen opened; fix or remove it first",
                    path.display()
                ));
                continue;
            }
            let ballot = Ballot::of(&self.votes.backlog, &voter);
            if !self.votes.voted.contains(&voter) {
                self.votes.voted.push(voter.clone());
                self.votes.voted.sort();
            }
            ctx.saver
                .save_with(path, Box::new(move || ballot.to_ron().into_bytes()));
        }
    }

    /// The round file goes to every machine with the next sync, so every voter's screen
    /// follows the moderator's reveal and budget.
    fn save_round(&self, ctx: &mut Context) {
        let Some(folder) = ctx.open_series().map(|l| l.folder.clone()) else {
            return;
        };
        ctx.saver.save(
            crate::backlog::round::round_path(&folder),
            self.round.to_ron().into_bytes(),
        );
    }

    /// Each item is its own file (owner and labels), so two people editing different
    /// items never conflict. A file that was unreadable when loaded is never written over.
    fn save(&mut self, ctx: &mut Context, key: &ItemRef) {
        let (Some(folder), Some(item)) = (
            ctx.open_series().map(|l| l.folder.clone()),
            self.votes.backlog.get(key),
        ) else {
            return;
        };
        let path = item_path(&folder, key);
        if !self.votes.may_write(&path) {
            ctx.error(format!(
                "not saved: {} could not be read when this screen opened; fix or remove it first",
                path.display()
            ));
            return;
        }
        // The folder is made once, by the first vote, not on every keystroke.
        if !self.backlog_dir_ready {
            let dir = crate::backlog::store::backlog_dir(&folder);
            // Made by the saver before the files queued after it.
            ctx.saver.ensure_dir(dir);
            self.backlog_dir_ready = true;
        }
        ctx.saver.save(path, item_ron(item).into_bytes());
    }

    /// The selected item whole: the table cuts long titles and labels.
    fn detail_lines(&self, theme: &crate::tui::theme::Theme) -> Vec<Line<'static>> {
        let Some(item) = self.items.get(self.selected) else {
            return Vec::new();
        };
        let mut lines = vec![Line::styled(item.title.clone(), theme.title)];
        let votes = self.votes_of(&item.key);
        // What people typed first (owner, labels); where it came from last.
        let mut about = Vec::new();
        if let Some(owner) = votes.and_then(|v| v.owner.clone()) {
            about.push(format!("owner: {owner}"));
        }
        if let Some(labels) = votes.map(|v| v.labels.join(", ")).filter(|l| !l.is_empty()) {
            about.push(format!("labels: {labels}"));
        }
        about.push(format!("from: {}", item.topic));
        lines.push(Line::styled(about.join(" · "), theme.dim));
        if item.needs_fix {
            lines.push(Line::styled(
                "needs a fix wording: room-only, so it stays in the room until w gives the words the fix may leave in",
                theme.warning,
            ));
        } else if item.room_only {
            lines.push(Line::styled(
                "room-only: only this fix wording leaves the room (w to change it)",
                theme.warning,
            ));
        }
        lines
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Context) {
        let theme = &ctx.theme;
        // The details take what they need, wrapped, up to what the table leaves: its
        // borders and the selected row, and its header when there is room.
        let detail_rows = if self.editing.is_some() {
            3
        } else {
            crate::tui::widgets::wrap::height(&self.detail_lines(theme), area.width)
        };
        let with_header = area.height >= 14;
        let table_rows = if with_header { 4 } else { 3 };
        // On a very short terminal the round's line gives its row to the item.
        let round_rows = if area.height < 10 { 0 } else { 1 };
        let detail_rows = detail_rows.min(area.height.saturating_sub(1 + round_rows + table_rows));
        let [voter_area, round_area, table_area, detail_area] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(round_rows),
            Constraint::Fill(1),
            Constraint::Length(detail_rows),
        ])
        .areas(area);
        let picks = self.votes.backlog.picks_of(self.voter()).len();
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(" Voting as ", theme.dim),
                Span::styled(format!(" {} ", self.voter()), theme.selected),
                Span::styled(
                    format!(
                        "  (← → to change)   top picks: {picks} of {} picked   scores: 4–5 agree, 0–3 needs discussion",
                        self.round.budget
                    ),
                    theme.dim,
                ),
            ])),
            voter_area,
        );
        frame.render_widget(Paragraph::new(self.round_line(theme)), round_area);
        if self.items.is_empty() {
            frame.render_widget(
                Paragraph::new(
                    "No opportunities yet. The scribe records them as notes of kind \
                     opportunity (Tab in the editor) during the sessions.",
                )
                .wrap(Wrap { trim: true })
                .style(theme.dim)
                .block(panel(" Opportunities ", true, theme)),
                table_area,
            );
        } else {
            self.draw_table(frame, table_area, theme, with_header);
        }
        match &self.editing {
            Some((what, text)) => {
                let title = match what {
                    EditField::Owner => " Owner — Enter saves, Esc cancels ",
                    EditField::Labels => " Labels, comma-separated — Enter saves, Esc cancels ",
                    EditField::FixWording => {
                        " Fix wording: what may leave the room — Enter saves, Esc cancels "
                    }
                };
                field(frame, detail_area, text, panel(title, true, theme));
            }
            None => {
                frame.render_widget(
                    Paragraph::new(self.detail_lines(theme)).wrap(Wrap { trim: true }),
                    detail_area,
                );
            }
        }
    }

    /// Who has voted, and whether the tallies show: the moderator reveals them.
    fn round_line(&self, theme: &crate::tui::theme::Theme) -> Line<'static> {
        let voted = &self.votes.voted;
        let who = if voted.is_empty() {
            "nobody yet".to_string()
        } else {
            voted.join(", ")
        };
        let waiting: Vec<&str> = self
            .voters
            .iter()
            .filter(|v| !voted.contains(v))
            .map(String::as_str)
            .collect();
        let mut spans = vec![
            Span::styled(
                if self.round.revealed {
                    " Revealed "
                } else {
                    " Blind "
                },
                if self.round.revealed {
                    theme.ok
                } else {
                    theme.warning
                },
            ),
            Span::styled(format!("  voted: {who}"), theme.dim),
        ];
        if !waiting.is_empty() {
            spans.push(Span::styled(
                format!("   not yet: {}", waiting.join(", ")),
                theme.dim,
            ));
        }
        spans.push(Span::styled(
            if self.round.revealed {
                "   (v hides the tallies again)"
            } else {
                "   (v reveals the tallies)"
            },
            theme.dim,
        ));
        Line::from(spans)
    }

    fn draw_table(
        &self,
        frame: &mut Frame,
        area: Rect,
        theme: &crate::tui::theme::Theme,
        with_header: bool,
    ) {
        // A narrow terminal keeps the columns that decide (title, my score, my pick, the
        // consensus); the rest of the selected item is in the details below.
        let columns: &[usize] = if area.width >= 90 {
            &[0, 1, 2, 3, 4, 5, 6, 7]
        } else {
            &[0, 1, 2, 4]
        };
        let pick = |cells: Vec<Cell<'static>>| -> Vec<Cell<'static>> {
            cells
                .into_iter()
                .enumerate()
                .filter(|(i, _)| columns.contains(i))
                .map(|(_, c)| c)
                .collect()
        };
        let revealed = self.round.revealed;
        let voter = self.voter();
        let rows: Vec<Row> = self
            .items
            .iter()
            .map(|item| {
                let votes = self.votes_of(&item.key);
                let spread = votes.map(BacklogItem::spread).unwrap_or_default();
                let consensus = spread.consensus();
                let mine = votes
                    .and_then(|v| v.score_of(voter))
                    .map_or_else(|| "·".to_string(), |s| s.to_string());
                let picked = votes.is_some_and(|v| v.picked_by(voter));
                let picks = votes.map_or(0, |v| v.top_five.len());
                let owner = votes.and_then(|v| v.owner.clone()).unwrap_or_default();
                let labels = votes.map(|v| v.labels.join(",")).unwrap_or_default();
                let consensus_style = match consensus {
                    crate::backlog::Consensus::Agreed => theme.ok,
                    crate::backlog::Consensus::NeedsDiscussion => theme.warning,
                    crate::backlog::Consensus::Unscored => theme.dim,
                };
                let title = if item.needs_fix {
                    Cell::from(Line::from(vec![
                        Span::styled("needs a fix wording · ", theme.warning),
                        Span::raw(item.title.clone()),
                    ]))
                } else {
                    Cell::from(item.title.clone())
                };
                // Blind until the moderator reveals: nobody anchors on the others' scores.
                let (bar, verdict, tally) = if revealed {
                    (
                        Cell::from(spread_bar(&spread)),
                        Cell::from(consensus.label()).style(consensus_style),
                        Cell::from(if picks > 0 {
                            format!("★{picks}")
                        } else {
                            String::new()
                        }),
                    )
                } else {
                    (
                        Cell::from("  hidden").style(theme.dim),
                        Cell::from("blind").style(theme.dim),
                        Cell::from(""),
                    )
                };
                Row::new(pick(vec![
                    title,
                    Cell::from(mine).style(theme.title),
                    Cell::from(if picked { "★" } else { "" }).style(theme.warning),
                    bar,
                    verdict,
                    tally,
                    Cell::from(owner),
                    Cell::from(labels).style(theme.dim),
                ]))
            })
            .collect();
        let header = Row::new(pick(
            [
                "Opportunity",
                "mine",
                "top5",
                "0 1 2 3 4 5",
                "consensus",
                "picks",
                "owner",
                "labels",
            ]
            .map(Cell::from)
            .to_vec(),
        ))
        .style(theme.heading);
        let widths = [
            Constraint::Fill(3),
            Constraint::Length(4),
            Constraint::Length(4),
            Constraint::Length(11),
            Constraint::Length(16),
            Constraint::Length(5),
            Constraint::Fill(1),
            Constraint::Fill(1),
        ];
        let widths: Vec<Constraint> = columns.iter().map(|&i| widths[i]).collect();
        let table = Table::new(rows, widths);
        let table = if with_header {
            table.header(header)
        } else {
            table
        };
        let table = table
            .row_highlight_style(theme.selected)
            .highlight_symbol("▶ ")
            .block(panel(
                format!(" Opportunities ({}) ", self.items.len()),
                true,
                theme,
            ));
        let mut state = TableState::default().with_selected(Some(self.selected));
        frame.render_stateful_widget(table, area, &mut state);
    }
}
