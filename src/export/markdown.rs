//! GitHub-flavoured Markdown: headings, tables for the votes and maturity, a task list
//! for the backlog (ready to paste into an issue). All user text goes through
//! [`escape::markdown`], which keeps it on one source line.

use std::fmt::Write as _;

use super::escape::markdown as md;
use crate::progress::hours_minutes;
use crate::summary::rollup::{BacklogEntry, NoteEntry, Rollup, SessionEntry, TopicEntry};
use crate::summary::text::{minute_clock, minutes_sentence, session_time, withheld_sentence};

pub fn render(r: &Rollup) -> String {
    let mut out = String::with_capacity(256 * (r.backlog.len() + r.sessions.len() + 16));
    header(&mut out, r);
    topics(&mut out, r);
    maturity(&mut out, r);
    backlog(&mut out, r);
    votes(&mut out, r);
    sessions(&mut out, r);
    out
}

fn header(out: &mut String, r: &Rollup) {
    wl!(out, "# Service Roast summary: {}\n", md(&r.series.service));
    wl!(
        out,
        "- **Series:** {} (agenda: {})",
        md(&r.series.id),
        md(&r.series.agenda)
    );
    let dates = r.date_range();
    w!(out, "- **Sessions:** {} held", r.sessions_held);
    if r.sessions_open > 0 {
        w!(out, ", {} open", r.sessions_open);
    }
    wl!(out, ", {dates}");
    wl!(
        out,
        "- **Meeting time:** {} of the ~{}h target ({}%)",
        hours_minutes(r.meeting_secs),
        r.target_secs / 3600,
        r.target_percent()
    );
    wl!(
        out,
        "- **Agenda topics covered:** {} of {}",
        r.topics.agenda_covered,
        r.topics.agenda_total
    );
    wl!(out, "- **Generated:** {}\n", r.generated);
    wl!(out, "> **Room-only:** {}", withheld_sentence(r));
    wl!(out, ">\n> **Minutes:** {}", md(&minutes_sentence(r)));
    for name in &r.unreadable_files {
        wl!(out, ">\n> **Missing:** {} could not be read.", md(name));
    }
    out.push('\n');
}

fn topic(t: &TopicEntry) -> String {
    if t.is_offshoot() {
        format!("{} *(off-shoot)*", md(t.title()))
    } else {
        md(t.title())
    }
}

fn topics(out: &mut String, r: &Rollup) {
    wl!(out, "## Topics\n");
    wl!(out, "### Covered\n");
    if r.topics.covered.is_empty() {
        wl!(out, "None yet.");
    }
    for t in &r.topics.covered {
        wl!(out, "- {}", topic(t));
    }
    wl!(out, "\n### Remaining\n");
    if r.topics.remaining.is_empty() {
        wl!(out, "None.");
    }
    for t in &r.topics.remaining {
        wl!(out, "- {}", topic(t));
    }
    out.push('\n');
}

/// "■■■□□ 3/5": a rating readable without the chart.
pub(super) fn rating_bar(rating: u8) -> String {
    let filled = usize::from(rating.min(5));
    format!(
        "{}{} {rating}/5",
        "■".repeat(filled),
        "□".repeat(5 - filled)
    )
}

fn maturity(out: &mut String, r: &Rollup) {
    wl!(out, "## Maturity by area\n");
    wl!(
        out,
        "The room's own 0–5 rating of each area, the latest given; this service only.\n"
    );
    wl!(out, "| Area | Maturity | Rated on |");
    wl!(out, "| --- | --- | --- |");
    for m in &r.maturity {
        let (rating, on) = match (m.rating, &m.rated_on) {
            (Some(v), Some(d)) => (rating_bar(v), d.as_str()),
            _ => ("not rated".to_string(), ""),
        };
        wl!(out, "| {} | {rating} | {on} |", topic(&m.topic));
    }
    out.push('\n');
}

fn owner_and_labels(e: &BacklogEntry) -> String {
    let mut parts = Vec::new();
    if let Some(owner) = &e.owner {
        parts.push(format!("owner: {}", md(owner)));
    }
    if !e.labels.is_empty() {
        let labels: Vec<String> = e.labels.iter().map(|l| md(l)).collect();
        parts.push(format!("labels: {}", labels.join(", ")));
    }
    parts.join(" · ")
}

fn backlog(out: &mut String, r: &Rollup) {
    wl!(out, "## Prioritised backlog\n");
    wl!(
        out,
        "Ranked: agreed first (most scored 4–5), then needs discussion, then unscored; within \
         each, more top-five picks, then a higher mean score. Unvoted items are included.\n"
    );
    if r.backlog.is_empty() {
        wl!(out, "No opportunities yet.\n");
        return;
    }
    for e in &r.backlog {
        w!(
            out,
            "- [ ] **{}.** {} — **{}** · {}",
            e.rank,
            md(&e.text),
            e.priority.label(),
            e.consensus.label()
        );
        let extra = owner_and_labels(e);
        if !extra.is_empty() {
            w!(out, " · {extra}");
        }
        wl!(out, " · from {} {}", e.date, md(&e.topic));
    }
    out.push('\n');
}

fn votes(out: &mut String, r: &Rollup) {
    if r.backlog.is_empty() {
        return;
    }
    wl!(out, "## Votes\n");
    wl!(
        out,
        "Scores on the 0–5 consensus scale, shown as *score×count*; top five: how many \
         participants picked the item as one of their five most important.\n"
    );
    wl!(
        out,
        "| # | Item | Consensus | Scores | Mean | Top five | Priority |"
    );
    wl!(out, "| ---: | --- | --- | --- | ---: | --- | --- |");
    for e in &r.backlog {
        let mean = e
            .mean
            .map_or_else(|| "–".to_string(), |m| format!("{m:.1}"));
        let picks = if e.top_five.is_empty() {
            "0".to_string()
        } else {
            let who: Vec<String> = e.top_five.iter().map(|v| md(v)).collect();
            format!("{} ({})", e.top_five.len(), who.join(", "))
        };
        wl!(
            out,
            "| {} | {} | {} | {} | {mean} | {picks} | {} |",
            e.rank,
            md(&e.title),
            e.consensus.label(),
            e.spread.describe(),
            e.priority.label()
        );
    }
    out.push('\n');
}

fn note_list(out: &mut String, label: &str, notes: &[NoteEntry]) {
    if notes.is_empty() {
        return;
    }
    wl!(out, "**{label}**\n");
    for n in notes {
        match n.rank {
            Some(rank) => wl!(out, "- {} *(backlog #{rank})*", md(&n.text)),
            None => wl!(out, "- {}", md(&n.text)),
        }
    }
    out.push('\n');
}

fn session(out: &mut String, number: usize, s: &SessionEntry) {
    wl!(out, "### {number}. {} — {}\n", topic(&s.topic), s.date);
    w!(out, "*{}* · {}", s.status.label(), session_time(s));
    if let Some(m) = s.maturity {
        w!(out, " · maturity {m}/5");
    }
    out.push_str("\n\n");
    if let Some(reason) = &s.called_off_reason {
        wl!(out, "**Called off:** {}\n", md(reason));
    }
    if !s.summary.is_empty() {
        wl!(out, "**Summary:** {}\n", md(&s.summary));
    }
    note_list(out, "Learnings", &s.learnings);
    note_list(out, "Opportunities", &s.opportunities);
    note_list(out, "Off-shoots", &s.off_shoots);
    if let Some(next) = &s.next_topic {
        wl!(out, "**Next topic:** {}\n", topic(next));
    }
    if let Some(minutes) = s.minutes.as_deref().filter(|m| !m.is_empty()) {
        wl!(out, "**Notes and questions**\n");
        for m in minutes {
            wl!(
                out,
                "- **{}** *{}:* {}",
                minute_clock(m),
                m.kind,
                md(&m.text)
            );
        }
        out.push('\n');
    }
}

fn sessions(out: &mut String, r: &Rollup) {
    wl!(out, "## Sessions\n");
    if r.sessions.is_empty() {
        wl!(out, "No sessions yet.\n");
    }
    for (i, s) in r.sessions.iter().enumerate() {
        session(out, i + 1, s);
    }
}
