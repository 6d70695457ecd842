//! The guidelines slide: the tone rules and the ✘ why / ✔ how examples, in words the
//! moderator can read aloud at the start of a session or at any moment to reset the tone.

use crate::tui::display::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use crate::tui::theme::Theme;
use crate::tui::widgets::panel::panel;
use crate::tui::widgets::wrap::wrap;

pub const RULES: &[&str] = &[
    "This is not an attack on the service, and not a judgement of past choices.",
    "Everyone knows the service has warts; today we name them together.",
    "Ask how, what, where and when — not why. A why can sound like blame.",
    "Real contributors only; phones and laptops away (the scribe excepted).",
    "When the service owners talk among themselves, don't stop them: listen harder.",
    "What is said in the room stays in the room, except the fix.",
    "The moderator watches the tone, keeps us on topic, and may call the meeting off.",
];

pub const EXAMPLES: &[(&str, &str)] = &[
    ("Why did you…?", "How does this feature work?"),
    (
        "Why don't you instead…?",
        "When do these two pieces communicate?",
    ),
    (
        "Why can't you just…?",
        "What part of the system handles this?",
    ),
    ("Why aren't you simply…?", "Where are user requests routed?"),
];

pub fn draw(frame: &mut Frame, area: Rect, theme: &Theme) {
    let mut lines = vec![Line::raw("")];
    // Hanging indent, so a wrapped rule still reads as one bullet from across the room.
    let width = usize::from(area.width.saturating_sub(2 + 5)).max(10);
    for rule in RULES {
        for (i, row) in wrap(rule, width).into_iter().enumerate() {
            let bullet = if i == 0 { "  •  " } else { "     " };
            lines.push(Line::styled(format!("{bullet}{row}"), theme.title));
        }
    }
    lines.push(Line::raw(""));
    for (why, how) in EXAMPLES {
        lines.push(Line::from(vec![
            Span::styled(format!("  ✘  {why:<26}"), theme.timer_overtime),
            Span::styled(format!("✔  {how}"), theme.ok),
        ]));
    }
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .alignment(Alignment::Left)
            .block(panel(" Service Roast — ground rules ", true, theme)),
        area,
    );
}
