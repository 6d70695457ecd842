//! `roast summary SERIES`: the roll-up as plain text for a terminal, within 80 columns.
//!
//! Plain ASCII decoration (no colours, no box drawing) so it reads the same in a pipe, a
//! pager or an e-mail; user text is made terminal-safe and wrapped by display width.

use super::rollup::{BacklogEntry, MinuteEntry, NoteEntry, Rollup, SessionEntry, TopicEntry};
use super::wrap::{pad, terminal_safe, wrap};
use crate::progress::hours_minutes;

pub const COLUMNS: usize = 80;

/// The whole summary, every line at most [`COLUMNS`] wide.
pub fn render(r: &Rollup) -> String {
    render_within(r, COLUMNS)
}

/// The whole summary wrapped for a pane `columns` wide (the app's summary pane), so its
/// paragraphs are not wrapped twice: at 80 columns, then again at the pane's edge.
pub fn render_within(r: &Rollup, columns: usize) -> String {
    let mut out = Out {
        text: String::new(),
        // Narrower than this, labels and bars no longer fit beside any text.
        columns: columns.max(24),
    };
    header(&mut out, r);
    topics(&mut out, r);
    maturity(&mut out, r);
    sessions(&mut out, r);
    backlog(&mut out, r);
    footer(&mut out, r);
    out.text
}

struct Out {
    text: String,
    columns: usize,
}

impl Out {
    fn line(&mut self, text: &str) {
        self.text.push_str(text);
        self.text.push('\n');
    }

    fn wrapped(&mut self, text: &str, first: &str, rest: &str) {
        for l in wrap(text, self.columns, first, rest) {
            self.line(&l);
        }
    }

    fn heading(&mut self, text: &str, underline: char) {
        // Wrapped, never cut: a heading carries the service's name as typed.
        let lines = wrap(&one_line(text), self.columns, "", "");
        let widest = lines
            .iter()
            .map(|l| super::wrap::width(l))
            .max()
            .unwrap_or(0);
        for l in &lines {
            self.line(l);
        }
        let rule: String = std::iter::repeat_n(underline, widest).collect();
        self.line(&rule);
    }

    fn blank(&mut self) {
        self.text.push('\n');
    }
}

/// Terminal-safe text on a single line, for places that pad or underline it.
fn one_line(text: &str) -> String {
    terminal_safe(text).replace('\n', " ")
}

/// `####......` out of `len` cells for `part` of `whole`.
fn bar(part: i64, whole: i64, len: usize) -> String {
    let filled = if whole <= 0 {
        0
    } else {
        usize::try_from((part.max(0) * len as i64 / whole).min(len as i64)).unwrap_or(0)
    };
    format!("{}{}", "#".repeat(filled), ".".repeat(len - filled))
}

fn header(out: &mut Out, r: &Rollup) {
    out.heading(&format!("Service Roast summary: {}", r.series.service), '=');
    out.wrapped(
        &format!("Series {}, agenda \"{}\"", r.series.id, r.series.agenda),
        "",
        "  ",
    );
    let dates = r.date_range();
    let open = if r.sessions_open > 0 {
        format!(", {} open", r.sessions_open)
    } else {
        String::new()
    };
    if r.sessions.is_empty() {
        out.line("Sessions: none yet");
    } else {
        out.line(&format!("Sessions {dates}: {} held{open}", r.sessions_held));
    }
    out.line(&format!(
        "Meeting time {} of the ~{}h target ({}%)  [{}]",
        hours_minutes(r.meeting_secs),
        r.target_secs / 3600,
        r.target_percent(),
        bar(r.meeting_secs, r.target_secs, 20)
    ));
    out.line(&format!("Generated {}", r.generated));
    out.wrapped(&minutes_sentence(r), "", "");
    out.blank();
}

fn topic_line(out: &mut Out, mark: &str, t: &TopicEntry) {
    let suffix = if t.is_offshoot() { " (off-shoot)" } else { "" };
    out.wrapped(
        &format!("{}{suffix}", t.title()),
        &format!("  {mark} "),
        "      ",
    );
}

fn topics(out: &mut Out, r: &Rollup) {
    out.heading("Topics", '-');
    out.line(&format!(
        "Covered ({} of {} agenda topics):",
        r.topics.agenda_covered, r.topics.agenda_total
    ));
    if r.topics.covered.is_empty() {
        out.line("  none yet");
    }
    for t in &r.topics.covered {
        topic_line(out, "[x]", t);
    }
    out.line("Remaining (agenda topics, then parked off-shoots):");
    if r.topics.remaining.is_empty() {
        out.line("  none");
    }
    for t in &r.topics.remaining {
        topic_line(out, "[ ]", t);
    }
    out.blank();
}

fn maturity(out: &mut Out, r: &Rollup) {
    out.heading("Maturity by area (0-5, as rated in the room)", '-');
    for m in &r.maturity {
        let title = pad(&one_line(m.topic.title()), 44);
        let line = match (m.rating, &m.rated_on) {
            (Some(v), Some(on)) => {
                format!("  {title} [{}] {v}/5  {on}", bar(i64::from(v), 5, 5))
            }
            _ => format!("  {title} [     ] not rated"),
        };
        out.line(&line);
    }
    out.blank();
}

fn notes(out: &mut Out, label: &str, notes: &[NoteEntry]) {
    if notes.is_empty() {
        return;
    }
    out.line(&format!("   {label}:"));
    for n in notes {
        let first = match n.rank {
            Some(rank) => format!("   - [#{rank}] "),
            None => "   - ".to_string(),
        };
        out.wrapped(&n.text, &first, "     ");
    }
}

fn session(out: &mut Out, number: usize, s: &SessionEntry) {
    out.wrapped(
        &format!("{}  {}", s.date, s.topic.title()),
        &format!("{number}. "),
        "   ",
    );
    let mut facts = vec![format!("{}, {}", s.status.label(), session_time(s))];
    if let Some(m) = s.maturity {
        facts.push(format!("maturity {m}/5"));
    }
    out.wrapped(&facts.join(", "), "   ", "   ");
    if let Some(reason) = &s.called_off_reason {
        out.wrapped(reason, "   Called off: ", "     ");
    }
    if !s.summary.is_empty() {
        out.wrapped(&s.summary, "   Summary: ", "     ");
    }
    notes(out, "Learnings", &s.learnings);
    notes(out, "Opportunities", &s.opportunities);
    notes(out, "Off-shoots", &s.off_shoots);
    if let Some(next) = &s.next_topic {
        out.wrapped(next.title(), "   Next topic: ", "     ");
    }
    if let Some(minutes) = s.minutes.as_deref().filter(|m| !m.is_empty()) {
        out.line("   Notes and questions:");
        for m in minutes {
            out.wrapped(&m.text, &format!("   - {} ", minute_stamp(m)), "     ");
        }
    }
}

/// "[12:05 question]": when in the meeting a line of the minutes was written, and what it
/// is.
pub fn minute_stamp(m: &MinuteEntry) -> String {
    format!("[{} {}]", minute_clock(m), m.kind)
}

/// "12:05": the meeting time on the timer when a line of the minutes was written.
pub fn minute_clock(m: &MinuteEntry) -> String {
    format!("{:02}:{:02}", m.elapsed_secs / 60, m.elapsed_secs % 60)
}

fn sessions(out: &mut Out, r: &Rollup) {
    out.heading("Sessions", '-');
    if r.sessions.is_empty() {
        out.line("No sessions yet.");
    }
    for (i, s) in r.sessions.iter().enumerate() {
        if i > 0 {
            out.blank();
        }
        session(out, i + 1, s);
    }
    out.blank();
}

fn item(out: &mut Out, e: &BacklogEntry) {
    let number = format!("{:>3}. ", e.rank);
    out.wrapped(&e.text, &number, "     ");
    let mut votes = format!("{}, {}", e.consensus.label(), e.priority.label());
    votes.push_str(&format!(" | {}", scores_phrase(e)));
    if let Some(mean) = e.mean {
        votes.push_str(&format!(", mean {mean:.1}"));
    }
    if !e.top_five.is_empty() {
        votes.push_str(&format!(
            " | top five: {} ({})",
            e.top_five.len(),
            e.top_five.join(", ")
        ));
    }
    out.wrapped(&votes, "     ", "     ");
    let mut who = Vec::new();
    if let Some(owner) = &e.owner {
        who.push(format!("owner {owner}"));
    }
    if !e.labels.is_empty() {
        who.push(format!("labels {}", e.labels.join(", ")));
    }
    who.push(format!("from {} {}", e.date, e.topic));
    out.wrapped(&who.join(" | "), "     ", "     ");
}

fn backlog(out: &mut Out, r: &Rollup) {
    out.heading(
        &format!("Prioritised backlog ({} items)", r.backlog.len()),
        '-',
    );
    out.wrapped(
        "Ranked: agreed first (most scored 4-5), then needs discussion, then unscored; \
         within each, more top-five picks, then a higher mean score.",
        "",
        "",
    );
    if r.backlog.is_empty() {
        out.line("No opportunities yet.");
    }
    for e in &r.backlog {
        out.blank();
        item(out, e);
    }
    out.blank();
}

fn footer(out: &mut Out, r: &Rollup) {
    out.wrapped(&withheld_sentence(r), "", "");
    for name in &r.unreadable_files {
        out.wrapped(
            &format!("{name} could not be read; what it holds is missing here."),
            "! ",
            "  ",
        );
    }
}

/// "45 min of 45 planned": a session's meeting time, in the minutes people plan in.
pub fn session_time(s: &SessionEntry) -> String {
    format!(
        "{} min of {} planned",
        s.meeting_secs.max(0) / 60,
        s.planned_secs.max(0) / 60
    )
}

/// "scores 5×2 4×1" or "no scores yet".
pub fn scores_phrase(e: &BacklogEntry) -> String {
    if e.spread.votes() == 0 {
        "no scores yet".to_string()
    } else {
        format!("scores {}", e.spread.describe())
    }
}

/// What the summary leaves in the session files, said the same way by every format:
/// "12 notes and 5 questions stay in the session files (…)". Room-only ones are counted
/// by [`withheld_sentence`] instead, so nothing is counted twice.
pub fn minutes_sentence(r: &Rollup) -> String {
    if r.with_notes {
        return "Every session's plain notes and questions are included (the full minutes), \
                room-only ones left out."
            .to_string();
    }
    let (notes, questions) = (r.notes_left_out, r.questions_left_out);
    let what = match (notes, questions) {
        (0, 0) => return "No plain notes or questions are left out.".to_string(),
        (n, 0) => crate::progress::count(n, "note"),
        (0, q) => crate::progress::count(q, "question"),
        (n, q) => format!(
            "{} and {}",
            crate::progress::count(n, "note"),
            crate::progress::count(q, "question")
        ),
    };
    let verb = if notes + questions == 1 {
        "stays"
    } else {
        "stay"
    };
    format!("{what} {verb} in the session files: the full minutes leave only when asked for.")
}

/// What was kept in the room, said the same way by every format.
pub fn withheld_sentence(r: &Rollup) -> String {
    let mut s = match r.withheld_room_only {
        1 => "1 room-only note withheld.".to_string(),
        n => format!("{n} room-only notes withheld."),
    };
    match r.room_only_fixes {
        0 => {}
        1 => s.push_str(" 1 room-only opportunity leaves as the fix wording written for it."),
        n => s.push_str(&format!(
            " {n} room-only opportunities leave as the fix wording written for them."
        )),
    }
    match r.room_only_needing_fix {
        0 => {}
        1 => s.push_str(" 1 room-only opportunity needs a fix wording before it can leave."),
        n => s.push_str(&format!(
            " {n} room-only opportunities need a fix wording before they can leave."
        )),
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_minutes_sentence_counts_with_plurals_and_agreement() {
        let f = |notes, questions| {
            let mut r = crate::summary::rollup::tests::empty_rollup();
            r.notes_left_out = notes;
            r.questions_left_out = questions;
            minutes_sentence(&r)
        };
        assert!(f(12, 5).starts_with("12 notes and 5 questions stay in the session files"));
        assert!(f(1, 1).starts_with("1 note and 1 question stay "));
        assert!(f(1, 0).starts_with("1 note stays "));
        assert!(f(0, 1).starts_with("1 question stays "));
        assert!(f(0, 2).starts_with("2 questions stay "));
        assert_eq!(f(0, 0), "No plain notes or questions are left out.");
        let mut with = crate::summary::rollup::tests::empty_rollup();
        with.with_notes = true;
        assert!(minutes_sentence(&with).starts_with("Every session's plain notes"));
    }

    #[test]
    fn bars_fill_in_proportion_and_never_overflow() {
        assert_eq!(bar(0, 10, 5), ".....");
        assert_eq!(bar(5, 10, 4), "##..");
        assert_eq!(bar(30, 10, 4), "####");
        assert_eq!(bar(3, 0, 3), "...");
    }
}
