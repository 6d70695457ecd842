//! The prioritised items as CSV, one per row, for issue-tracker imports.
//!
//! The first two columns are `title` and `description`, in that order, as GitLab
//! requires; `labels` (comma-separated), `priority` (Jira's names) and `owner` follow, then
//! columns for people reading it in a spreadsheet. Quoting of commas, quotes and newlines
//! is the `csv` crate's; cells that a spreadsheet would run as a formula are neutralised
//! by [`escape::csv_cell`](super::escape::csv_cell).

use super::escape::{csv_cell, printable};
use crate::summary::rollup::{BacklogEntry, Rollup};
use crate::summary::text::scores_phrase;

pub const HEADER: [&str; 14] = [
    "title",
    "description",
    "labels",
    "priority",
    "owner",
    "rank",
    "consensus",
    "scores",
    "mean",
    "top_five",
    "session",
    "note",
    "topic",
    "date",
];

/// Added to every row's labels so the imported issues can be found again.
pub const SERIES_LABEL: &str = "service-roast";

pub fn render(r: &Rollup) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::with_capacity(512 * (r.backlog.len() + 1)));
    write_row(&mut writer, HEADER.iter().map(|h| h.to_string()));
    for e in &r.backlog {
        write_row(&mut writer, row(r, e));
    }
    // Writing into a Vec cannot fail, and every cell came from a `String`, so the bytes
    // are UTF-8; either failing would be a bug worth a loud stop.
    let bytes = writer.into_inner().expect("flushing CSV into memory");
    String::from_utf8(bytes).expect("CSV of UTF-8 cells is UTF-8")
}

fn write_row(writer: &mut csv::Writer<Vec<u8>>, cells: impl IntoIterator<Item = String>) {
    let cells: Vec<String> = cells
        .into_iter()
        .map(|c| csv_cell(&printable(&c)).into_owned())
        .collect();
    writer
        .write_record(&cells)
        .expect("writing CSV into memory cannot fail");
}

fn row(r: &Rollup, e: &BacklogEntry) -> [String; 14] {
    let mut labels = e.labels.clone();
    labels.push(SERIES_LABEL.to_string());
    [
        e.title.clone(),
        description(r, e),
        labels.join(","),
        e.priority.label().to_string(),
        e.owner.clone().unwrap_or_default(),
        e.rank.to_string(),
        e.consensus.label().to_string(),
        e.spread.describe(),
        e.mean.map(|m| format!("{m:.2}")).unwrap_or_default(),
        e.top_five.len().to_string(),
        e.session.clone(),
        e.note.to_string(),
        e.topic.clone(),
        e.date.clone(),
    ]
}

/// The item's full text, then where it came from and how the room voted.
fn description(r: &Rollup, e: &BacklogEntry) -> String {
    let mut votes = format!("Consensus: {} ({}", e.consensus.label(), scores_phrase(e));
    if let Some(mean) = e.mean {
        votes.push_str(&format!(", mean {mean:.1}"));
    }
    votes.push(')');
    if e.top_five.is_empty() {
        votes.push_str("; nobody's top-five pick.");
    } else {
        votes.push_str(&format!(
            "; picked for the top five by {}: {}.",
            e.top_five.len(),
            e.top_five.join(", ")
        ));
    }
    format!(
        "{}\n\nRaised in the {} Service Roast, session of {} on \"{}\" (backlog rank {}).\n{votes}",
        e.text, r.series.service, e.date, e.topic, e.rank
    )
}
