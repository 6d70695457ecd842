//! Golden outputs of the summary, the listing and every export format, made from the
//! showcase series at a fixed "now". A changed snapshot is a changed output: review it.

mod common;

use common::fixtures::{Fixture, showcase};
use roast::backlog::LoadedBacklog;
use roast::export::{ExportFormat, export};
use roast::storage::{LoadedSeries, SeriesFolder};
use roast::summary::{Rollup, list, text};

fn rollup(f: &Fixture) -> Rollup {
    Rollup::build(&f.series, &f.sessions, &f.backlog, f.now_ms)
}

#[test]
fn terminal_summary() {
    let f = showcase();
    let out = text::render(&rollup(&f));
    for line in out.lines() {
        assert!(
            roast::summary::wrap::width(line) <= text::COLUMNS,
            "wider than 80 columns: {line:?}"
        );
    }
    insta::assert_snapshot!("summary.txt", out);
}

#[test]
fn series_listing() {
    let f = showcase();
    let loaded = LoadedSeries {
        folder: SeriesFolder::new("/nowhere/payments-api"),
        series: f.series.clone(),
        sessions: f.sessions.clone(),
        problems: vec![],
    };
    let broken = roast::storage::FormatError::invalid(
        std::path::Path::new("series/broken/series.ron"),
        "expected a series",
    );
    let out = list::render(&[Ok(loaded), Err(broken)], f.now_ms);
    for line in out.lines() {
        assert!(roast::summary::wrap::width(line) <= 80, "{line:?}");
    }
    insta::assert_snapshot!("list.txt", out);
}

#[test]
fn markdown_export() {
    let f = showcase();
    insta::assert_snapshot!("export.md", export(&rollup(&f), ExportFormat::Markdown));
}

#[test]
fn html_export() {
    let f = showcase();
    insta::assert_snapshot!("export.html", export(&rollup(&f), ExportFormat::Html));
}

#[test]
fn csv_export() {
    let f = showcase();
    insta::assert_snapshot!("export.csv", export(&rollup(&f), ExportFormat::Csv));
}

#[test]
fn json_export() {
    let f = showcase();
    insta::assert_snapshot!("export.json", export(&rollup(&f), ExportFormat::Json));
}

fn rollup_with_notes(f: &Fixture) -> Rollup {
    Rollup::build_with(
        &f.series,
        &f.sessions,
        &f.backlog,
        f.now_ms,
        roast::summary::Minutes::Included,
    )
}

#[test]
fn markdown_export_with_notes() {
    let f = showcase();
    insta::assert_snapshot!(
        "export-with-notes.md",
        export(&rollup_with_notes(&f), ExportFormat::Markdown)
    );
}

#[test]
fn html_export_with_notes() {
    let f = showcase();
    insta::assert_snapshot!(
        "export-with-notes.html",
        export(&rollup_with_notes(&f), ExportFormat::Html)
    );
}

#[test]
fn json_export_with_notes() {
    let f = showcase();
    insta::assert_snapshot!(
        "export-with-notes.json",
        export(&rollup_with_notes(&f), ExportFormat::Json)
    );
}

#[test]
fn an_empty_series_summarises_and_exports() {
    let mut f = showcase();
    f.sessions.clear();
    f.backlog = Default::default();
    let r = rollup(&f);
    insta::assert_snapshot!("empty-summary.txt", text::render(&r));
    for format in ExportFormat::ALL {
        assert!(!export(&r, format).is_empty(), "{format}");
    }
    let _ = LoadedBacklog::default();
}

/// Every key of the JSON export is documented in docs/export-json.md.
#[test]
fn every_json_field_is_documented() {
    fn keys(v: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    out.insert(k.clone());
                    keys(v, out);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
            _ => {}
        }
    }
    let f = showcase();
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/export-json.md"))
        .unwrap();
    let mut all = std::collections::BTreeSet::new();
    for r in [rollup(&f), rollup_with_notes(&f)] {
        let json: serde_json::Value =
            serde_json::from_str(&export(&r, ExportFormat::Json)).unwrap();
        keys(&json, &mut all);
    }
    for key in all {
        assert!(
            doc.contains(&format!("`{key}`")),
            "docs/export-json.md lacks `{key}`"
        );
    }
}
