//! `roast export`: the roll-up of a series as Markdown, self-contained HTML, CSV of the
//! prioritised items, or JSON of everything. Each format is a pure function of a
//! [`Rollup`], which has already left room-only notes out; each escapes user text its own
//! way ([`escape`]).

// Writing to a `String` cannot fail, so the formats write through these, which drop the
// always-`Ok` result (callers import `std::fmt::Write`). Defined before the modules so
// that they can use them.
macro_rules! w {
    ($out:expr, $($arg:tt)*) => {{
        let _ = $out.write_fmt(format_args!($($arg)*));
    }};
}
macro_rules! wl {
    ($out:expr, $($arg:tt)*) => {{
        let _ = $out.write_fmt(format_args!($($arg)*));
        $out.push('\n');
    }};
}

pub mod chart;
pub mod csv;
pub mod escape;
pub mod html;
pub mod json;
pub mod markdown;

use std::fmt;
use std::str::FromStr;

use crate::summary::Rollup;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    Markdown,
    Html,
    Csv,
    Json,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 4] = [
        ExportFormat::Markdown,
        ExportFormat::Html,
        ExportFormat::Csv,
        ExportFormat::Json,
    ];

    /// The name on the command line (`--format md`).
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::Html => "html",
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }

    /// Whether the format has a place for the full minutes. CSV is the prioritised items,
    /// one per row, for issue-tracker imports: a note or a question is not an item.
    pub fn carries_minutes(self) -> bool {
        self != ExportFormat::Csv
    }

    /// The file extension for `-o` defaults.
    pub fn extension(self) -> &'static str {
        self.name()
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown export format \"{0}\"; use md, html, csv or json")]
pub struct UnknownFormat(pub String);

impl FromStr for ExportFormat {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(ExportFormat::Markdown),
            "html" | "htm" => Ok(ExportFormat::Html),
            "csv" => Ok(ExportFormat::Csv),
            "json" => Ok(ExportFormat::Json),
            _ => Err(UnknownFormat(s.to_string())),
        }
    }
}

/// The roll-up in one format.
pub fn export(rollup: &Rollup, format: ExportFormat) -> String {
    match format {
        ExportFormat::Markdown => markdown::render(rollup),
        ExportFormat::Html => html::render(rollup),
        ExportFormat::Csv => csv::render(rollup),
        ExportFormat::Json => json::render(rollup),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "--with-notes: a CSV holds the prioritised items, one per row, and has no place for \
     notes and questions; export the full minutes as md, html or json"
)]
pub struct MinutesDoNotFit;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_by_name_and_alias() {
        for f in ExportFormat::ALL {
            assert_eq!(f.name().parse::<ExportFormat>(), Ok(f));
        }
        assert_eq!("Markdown".parse(), Ok(ExportFormat::Markdown));
        assert!(
            "pdf"
                .parse::<ExportFormat>()
                .unwrap_err()
                .to_string()
                .contains("md, html")
        );
    }
}
