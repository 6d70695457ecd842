//! The whole roll-up as JSON: [`Rollup`] serialised as it is, so the shape documented in
//! `docs/export-json.md` is the shape of that struct.

use crate::summary::rollup::Rollup;

pub fn render(r: &Rollup) -> String {
    // The roll-up is plain data (strings, numbers, lists); serialising it cannot fail.
    let mut text = serde_json::to_string_pretty(r).expect("the roll-up always serialises");
    text.push('\n');
    text
}
