//! Hostile text typed or pasted by the room, every payload class, through the live screen,
//! `roast summary` and every export: nothing reaches a terminal or a reader as a control,
//! an escape sequence, or text that displays differently from what it says.

mod common;

use ratatui::crossterm::event::KeyCode;

use common::fixtures::showcase;
use common::{act, key, press, render, start_live};
use roast::clock::FakeClock;
use roast::export::{ExportFormat, export};
use roast::model::NoteKind;
use roast::summary::{Rollup, text};
use roast::tui::action::Action;

/// One payload of each class the adversarial run used.
fn payloads() -> Vec<(&'static str, String)> {
    vec![
        (
            "C0 and CSI",
            "red \u{1b}[31mtext\u{1b}[0m bell\u{7} back\u{8}".into(),
        ),
        (
            "OSC title",
            "\u{1b}]0;pwned\u{7} retitled \u{1b}]8;;http://x\u{1b}\\link".into(),
        ),
        (
            "C1 and DEL",
            "csi\u{9b}31m nel\u{85} del\u{7f} osc\u{9d}0;x\u{9c}".into(),
        ),
        (
            "bidi",
            "invoice\u{202e}fdp.exe \u{2066}isolated\u{2069} \u{200f}rtl".into(),
        ),
        (
            "zero-width",
            "pay\u{200b}pal \u{feff}bom wo\u{2060}rd a\u{200d}b".into(),
        ),
        (
            "formula",
            "=HYPERLINK(\"http://evil\",\"x\") +1 @SUM(A1)".into(),
        ),
        (
            "html",
            "<script>alert(1)</script><img src=x onerror=alert(2)>".into(),
        ),
        (
            "markdown link",
            "[click](javascript:alert(1)) ![i](http://x/t.png)".into(),
        ),
        ("200 KB paste", "lorem ipsum dolor sit amet ".repeat(7600)),
    ]
}

/// Characters that must never reach a reader raw.
fn forbidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
        || roast::export::escape::is_bidi_control(c)
        || roast::export::escape::is_invisible(c)
        || c == '\u{200d}'
}

/// What must never reach a terminal: controls drive it, bidi controls reorder the line.
/// (Zero-width characters cannot move the cursor or run anything there.)
fn drives_a_terminal(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
        || roast::export::escape::is_bidi_control(c)
}

fn assert_clean(what: &str, out: &str) {
    assert_none(what, out, forbidden);
}

fn assert_none(what: &str, out: &str, forbidden: fn(char) -> bool) {
    if let Some((at, c)) = out.char_indices().find(|(_, c)| forbidden(*c)) {
        let from = out[..at].char_indices().rev().nth(20).map_or(0, |(i, _)| i);
        panic!("{what}: {c:?} reaches the reader near {:?}", &out[from..at]);
    }
}

#[test]
fn every_payload_class_leaves_summary_and_every_export_harmless() {
    let mut f = showcase();
    let last = f.sessions.len() - 1;
    for (i, (_, payload)) in payloads().into_iter().enumerate() {
        let s = &mut f.sessions[last];
        let kind = [
            NoteKind::Opportunity,
            NoteKind::Learning,
            NoteKind::OffShoot,
        ][i % 3];
        s.add_note(kind, payload.clone(), false, 0);
        s.add_note(NoteKind::Opportunity, payload, false, 0);
    }
    f.sessions[last].summary = payloads()[3].1.clone();
    let r = Rollup::build(&f.series, &f.sessions, &f.backlog, f.now_ms);
    assert_clean("summary", &text::render(&r));
    for format in ExportFormat::ALL {
        let out = export(&r, format);
        assert_clean(format.name(), &out);
        // The big paste arrives whole, not cut, in the full-text formats.
        if matches!(format, ExportFormat::Json | ExportFormat::Csv) {
            assert!(
                out.contains("lorem ipsum dolor sit amet ".repeat(7600).trim_end()),
                "{format}: the 200 KB paste was cut"
            );
        }
    }
}

#[test]
fn every_payload_class_pasted_into_the_live_screen_draws_harmless() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at(common::START_MS);
    let mut app = common::app_at(dir.path(), &clock);
    start_live(&mut app);
    for (class, payload) in payloads() {
        act(&mut app, Action::Paste(payload));
        let screen = render(&app, 120, 40);
        assert_none(
            &format!("{class} in the editor"),
            &screen,
            drives_a_terminal,
        );
        press(&mut app, key(KeyCode::Enter));
        let screen = render(&app, 120, 40);
        assert_none(&format!("{class} as a note"), &screen, drives_a_terminal);
    }
}
