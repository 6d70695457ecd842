//! Inline SVG for the HTML export: the maturity chart and each item's vote spread.
//! Plain shapes and text, no scripts, no external references; text is escaped.

use std::fmt::Write as _;

use super::escape::html as esc;
use crate::backlog::{MAX_SCORE, Spread};
use crate::summary::rollup::MaturityEntry;

const LABEL_W: u32 = 250;
const BAR_W: u32 = 300;
const ROW_H: u32 = 26;
const TOP: u32 = 24;
const LABEL_CHARS: usize = 38;

/// One horizontal bar per area on a 0–5 axis; unrated areas say so instead of a bar.
pub fn maturity(entries: &[MaturityEntry]) -> String {
    let rows = u32::try_from(entries.len()).unwrap_or(u32::MAX).max(1);
    let width = LABEL_W + BAR_W + 70;
    let height = TOP + rows * ROW_H + 8;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="maturity-chart" xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" aria-labelledby="maturity-title"><title id="maturity-title">Maturity by area, 0 to 5</title>"#
    );
    for step in 0..=MAX_SCORE {
        let x = LABEL_W + u32::from(step) * BAR_W / u32::from(MAX_SCORE);
        let _ = write!(
            svg,
            r#"<line x1="{x}" y1="{}" x2="{x}" y2="{}" class="grid"/><text x="{x}" y="14" class="axis">{step}</text>"#,
            TOP - 4,
            height - 6
        );
    }
    if entries.is_empty() {
        let _ = write!(
            svg,
            r#"<text x="{LABEL_W}" y="{}" class="unrated">no areas</text>"#,
            TOP + 17
        );
    }
    for (row, m) in (0u32..).zip(entries) {
        let y = TOP + row * ROW_H;
        let label = shorten(m.topic.title(), LABEL_CHARS);
        let _ = write!(
            svg,
            r#"<text x="{}" y="{}" class="label">{}</text>"#,
            LABEL_W - 8,
            y + 17,
            esc(&label)
        );
        match m.rating {
            Some(v) => {
                let w = u32::from(v) * BAR_W / u32::from(MAX_SCORE);
                let _ = write!(
                    svg,
                    r#"<rect x="{LABEL_W}" y="{}" width="{w}" height="{}" class="bar r{v}"><title>{}: {v} of 5</title></rect><text x="{}" y="{}" class="value">{v}/5</text>"#,
                    y + 5,
                    ROW_H - 10,
                    esc(m.topic.title()),
                    LABEL_W + w + 6,
                    y + 17
                );
            }
            None => {
                let _ = write!(
                    svg,
                    r#"<text x="{}" y="{}" class="unrated">not rated</text>"#,
                    LABEL_W + 6,
                    y + 17
                );
            }
        }
    }
    svg.push_str("</svg>");
    svg
}

/// Six small bars, one per score 0–5, heights in proportion to the votes; 4–5 stand out.
pub fn spread(s: &Spread) -> String {
    const BAR: u32 = 7;
    const GAP: u32 = 2;
    const H: u32 = 18;
    let max = s.counts.iter().copied().max().unwrap_or(0).max(1);
    let width = 6 * (BAR + GAP);
    let mut svg = format!(
        r#"<svg class="spread" xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{}" viewBox="0 0 {width} {}"><title>{}</title>"#,
        H + 2,
        H + 2,
        esc(&s.describe())
    );
    for (x, (value, count)) in (0u32..).zip(s.counts.iter().enumerate()) {
        let h = (count * H / max).max(1);
        let class = if value >= 4 { "hi" } else { "lo" };
        let _ = write!(
            svg,
            r#"<rect x="{}" y="{}" width="{BAR}" height="{h}" class="{class}{}"/>"#,
            x * (BAR + GAP),
            H + 1 - h,
            if *count == 0 { " none" } else { "" }
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Chart labels have a fixed column: long titles are cut (the full one is in the tooltip).
fn shorten(text: &str, max: usize) -> String {
    let line = text.lines().next().unwrap_or("");
    if line.chars().count() <= max {
        return line.to_string();
    }
    let mut cut: String = line.chars().take(max - 1).collect();
    cut.push('…');
    cut
}
