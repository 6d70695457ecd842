//! The meeting timer in digits as big as the space allows, so the back of the room can read
//! it, with its state spelled out underneath.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};

use crate::timer::{Phase, TimerState};
use crate::tui::theme::Theme;

/// Full-size digits drawn `scale` times bigger than tui-big-text's largest size, for
/// projector-sized terminals: each pixel of the 8x8 font becomes `scale` x `scale` cells.
struct ScaledDigits<'a> {
    text: &'a str,
    scale: u16,
    style: ratatui::style::Style,
}

impl ratatui::widgets::Widget for ScaledDigits<'_> {
    fn render(self, area: Rect, buf: &mut ratatui::buffer::Buffer) {
        use font8x8::UnicodeFonts as _;
        let chars = u16::try_from(self.text.chars().count()).unwrap_or(u16::MAX);
        let width = chars.saturating_mul(8 * self.scale);
        let left = area.x + area.width.saturating_sub(width) / 2;
        for (i, c) in self.text.chars().enumerate() {
            let Some(glyph) = font8x8::BASIC_FONTS.get(c) else {
                continue;
            };
            let glyph_x = left + u16::try_from(i).unwrap_or(0) * 8 * self.scale;
            for (row, bits) in glyph.iter().enumerate() {
                for col in 0..8u16 {
                    if bits & (1 << col) == 0 {
                        continue;
                    }
                    let y0 = area.y + u16::try_from(row).unwrap_or(0) * self.scale;
                    let x0 = glyph_x + col * self.scale;
                    let cells = Rect::new(x0, y0, self.scale, self.scale).intersection(area);
                    for pos in cells.positions() {
                        buf[pos].set_symbol("█").set_style(self.style);
                    }
                }
            }
        }
    }
}

/// The largest whole scale (2 or more) at which `text` fits, with the rows it needs.
fn pick_scale(text: &str, area: Rect) -> Option<(u16, u16)> {
    let chars = u16::try_from(text.chars().count())
        .unwrap_or(u16::MAX)
        .max(1);
    let scale = (area.width / (chars * 8)).min(area.height / 8);
    (scale >= 2).then_some((scale, scale * 8))
}

/// The largest glyph size whose rendering of `text` fits, with the rows it needs.
fn pick_size(text: &str, area: Rect) -> Option<(PixelSize, u16)> {
    let chars = u16::try_from(text.chars().count()).unwrap_or(u16::MAX);
    [
        (PixelSize::Full, 8, 8),
        (PixelSize::HalfHeight, 8, 4),
        // Quadrant blocks are in every common terminal font; the finer sextant and
        // octant sizes are not, and would show as boxes on a projector laptop.
        (PixelSize::Quadrant, 4, 4),
    ]
    .into_iter()
    .find(|(_, cols, rows)| chars.saturating_mul(*cols) <= area.width && *rows <= area.height)
    .map(|(size, _, rows)| (size, rows))
}

/// `rows` of digits with the status line under them, centred vertically in `area`.
fn digits_and_status(area: Rect, rows: u16) -> [Rect; 2] {
    let [_, digits, status, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(rows),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    [digits, status]
}

pub fn status_text(timer: &TimerState, now_ms: i64) -> String {
    let phase = timer.phase(now_ms);
    let mut parts: Vec<String> = Vec::new();
    parts.push(
        match (timer.is_running(), phase) {
            (false, Phase::Ready) => "ready: Ctrl+T starts the meeting",
            (false, _) => "paused",
            (true, Phase::Overtime | Phase::OverAnHour) => "overtime",
            (true, Phase::Amber) => "last five minutes",
            (true, _) => "running",
        }
        .to_string(),
    );
    if timer.added_secs > 0 {
        parts.push(format!("+{} min added", timer.added_secs / 60));
    }
    if phase == Phase::OverAnHour {
        parts.push("OVER AN HOUR: time to stop".into());
    }
    parts.join(" · ")
}

/// The timer's digits and status line, drawn into `buf` (the live screen keeps the
/// pane's cells between keys, see its `Memo`).
pub fn render(buf: &mut Buffer, area: Rect, timer: &TimerState, now_ms: i64, theme: &Theme) {
    let text = timer.display(now_ms);
    let phase = timer.phase(now_ms);
    let style = theme.timer(phase);
    let status_style = if phase == Phase::OverAnHour {
        theme.error
    } else {
        style
    };
    let status_line = Paragraph::new(Line::styled(status_text(timer, now_ms), status_style))
        .alignment(Alignment::Center);
    if area.height < 2 {
        Widget::render(
            Paragraph::new(Line::styled(text, style)).alignment(Alignment::Center),
            area,
            buf,
        );
        return;
    }
    let digits_room = Rect {
        height: area.height - 1,
        ..area
    };
    if let Some((scale, rows)) = pick_scale(&text, digits_room) {
        let [digits, status] = digits_and_status(area, rows);
        Widget::render(
            ScaledDigits {
                text: &text,
                scale,
                style,
            },
            digits,
            buf,
        );
        Widget::render(status_line, status, buf);
        return;
    }
    let status_area = match pick_size(&text, digits_room) {
        Some((size, rows)) => {
            let [digits, status] = digits_and_status(area, rows);
            let big = BigText::builder()
                .pixel_size(size)
                .style(style)
                .lines(vec![Line::from(text.clone())])
                .centered()
                .build();
            Widget::render(big, digits, buf);
            status
        }
        None => {
            let [digits, status] =
                Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
            Widget::render(
                Paragraph::new(Line::styled(text, style)).alignment(Alignment::Center),
                digits,
                buf,
            );
            status
        }
    };
    Widget::render(status_line, status_area, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_biggest_size_that_fits() {
        let area = |w, h| Rect::new(0, 0, w, h);
        assert_eq!(pick_size("45:00", area(40, 8)).map(|s| s.1), Some(8));
        assert_eq!(pick_size("45:00", area(39, 8)).map(|s| s.1), Some(4));
        assert_eq!(
            pick_size("45:00", area(20, 4)).map(|s| s.0),
            Some(PixelSize::Quadrant)
        );
        assert_eq!(pick_size("45:00", area(10, 1)), None);
    }

    #[test]
    fn scales_up_only_when_double_size_fits() {
        let area = |w, h| Rect::new(0, 0, w, h);
        assert_eq!(pick_scale("45:00", area(79, 30)), None);
        assert_eq!(pick_scale("45:00", area(80, 16)), Some((2, 16)));
        assert_eq!(pick_scale("45:00", area(200, 24)), Some((3, 24)));
    }

    #[test]
    fn status_says_what_the_timer_is_doing() {
        let mut t = TimerState::new(45);
        assert!(status_text(&t, 0).starts_with("ready"));
        t.start(0);
        t.add_time();
        assert_eq!(status_text(&t, 1000), "running · +5 min added");
        assert!(status_text(&t, 61 * 60 * 1000).contains("OVER AN HOUR"));
    }
}
