//! What leaves the room, and how: room-only notes absent from every output, and hostile
//! user text rendered as text in every format (read back with a real parser each time).

mod common;

use std::collections::HashSet;

use common::fixtures::{Fixture, large_series, showcase};
use roast::backlog::ItemRef;
use roast::export::{ExportFormat, export};
use roast::model::{NoteKind, Outcome, TopicRef};
use roast::summary::{Minutes, Rollup, text};

fn rollup(f: &Fixture) -> Rollup {
    Rollup::build(&f.series, &f.sessions, &f.backlog, f.now_ms)
}

/// The terminal summary and every export format, named, with and without the full
/// minutes ("md+notes").
fn every_output(f: &Fixture) -> Vec<(String, String)> {
    let r = rollup(f);
    let with_notes = Rollup::build_with(
        &f.series,
        &f.sessions,
        &f.backlog,
        f.now_ms,
        Minutes::Included,
    );
    let mut all = vec![
        ("summary".to_string(), text::render(&r)),
        ("summary+notes".to_string(), text::render(&with_notes)),
    ];
    for format in ExportFormat::ALL {
        all.push((format.name().to_string(), export(&r, format)));
        if format.carries_minutes() {
            all.push((format!("{format}+notes"), export(&with_notes, format)));
        }
    }
    all
}

// ---------------------------------------------------------------------------------------
// Room-only notes
// ---------------------------------------------------------------------------------------

#[test]
fn room_only_notes_are_absent_from_every_output_and_the_fix_leaves_in_its_own_words() {
    let f = showcase();
    let r = rollup(&f);
    assert_eq!(r.withheld_room_only, 4);
    assert_eq!(r.room_only_fixes, 1);
    for (name, out) in every_output(&f) {
        for secret in [
            "ROOM-ONLY",
            "typo",
            "200 rps",
            "weekly report",
            "Vendor X",
            "vendor-x",
            "Rotate the shared admin password",
        ] {
            assert!(
                !out.contains(secret),
                "{name} contains room-only text {secret:?}"
            );
        }
        assert!(
            out.contains("Move the shared admin credential"),
            "{name}: the fix leaves the room in the words written for it"
        );
        match name.as_str() {
            "csv" => {}
            "json" | "json+notes" => assert!(
                out.contains("\"withheld_room_only\": 4"),
                "json counts them"
            ),
            _ => assert!(out.contains("4 room-only notes withheld"), "{name} says so"),
        }
    }
}

#[test]
fn room_only_notes_of_a_large_series_never_leave() {
    let mut f = large_series(40, 30);
    let mut secrets = Vec::new();
    let mut fixes = Vec::new();
    let mut needing = 0;
    for s in &mut f.sessions {
        for n in s.notes.iter_mut().filter(|n| n.room_only) {
            n.text = format!("SECRET-{}-{}", s.id, n.id);
            secrets.push(n.text.clone());
            if n.kind == NoteKind::Opportunity {
                if n.id % 2 == 0 {
                    let wording = format!("FIX-{}-{}", s.id, n.id);
                    n.fix = Some(wording.clone());
                    fixes.push(wording);
                } else {
                    needing += 1;
                }
            }
        }
    }
    // Sessions about a room-only off-shoot carry its text as their topic title.
    let titles: Vec<(String, u32, String)> = f
        .sessions
        .iter()
        .flat_map(|s| {
            s.notes
                .iter()
                .map(move |n| (s.id.clone(), n.id, n.text.clone()))
        })
        .collect();
    for s in &mut f.sessions {
        if let TopicRef::OffShoot {
            session,
            note,
            title,
        } = &mut s.topic
            && let Some((_, _, text)) = titles
                .iter()
                .find(|(sid, nid, _)| sid == session && nid == note)
        {
            *title = text.clone();
        }
    }
    assert!(
        secrets.len() > 20 && !fixes.is_empty(),
        "the fixture has room-only notes"
    );
    let r = rollup(&f);
    assert!(
        needing > 0,
        "some room-only opportunities have no fix wording"
    );
    assert_eq!(r.withheld_room_only, secrets.len() - fixes.len());
    assert_eq!(r.room_only_fixes, fixes.len());
    assert_eq!(r.room_only_needing_fix, needing);
    for (name, out) in every_output(&f) {
        for secret in &secrets {
            assert!(!out.contains(secret.as_str()), "{name} leaks {secret}");
        }
        if name != "csv" {
            // The CSV carries the backlog only, where every fix wording is; the others too.
            for fix in &fixes {
                assert!(out.contains(fix.as_str()), "{name} lacks the fix {fix}");
            }
        }
    }
}

#[test]
fn a_session_about_a_room_only_offshoot_hides_its_title_and_slug() {
    let f = showcase();
    let r = rollup(&f);
    let hidden = &r.sessions[3];
    assert_eq!(
        hidden.topic.title(),
        roast::summary::privacy::WITHHELD_TITLE
    );
    assert_eq!(hidden.id, "20260323-100000-withheld");
    assert_eq!(hidden.status, roast::summary::SessionStatus::CalledOff);
}

// ---------------------------------------------------------------------------------------
// Hostile text
// ---------------------------------------------------------------------------------------

const HOSTILE: &[&str] = &[
    "<script>alert('x')</script>",
    "\"><img src=x onerror=alert(1)>",
    "| pipe | in | a cell |",
    "# not a heading",
    "- not a list",
    "1. not an ordered list",
    "> not a quote",
    "*not emphasis* _nor this_ `nor code` ~~nor strike~~",
    "[not a link](javascript:alert(1))",
    "<https://evil.example/>",
    "&lt;entity&gt; &amp; &#60;",
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "+1+1",
    "-2-2",
    "@SUM(A1:A9)",
    "\tTabbed",
    "comma, \"quote\", and\nnewline",
    "line one\n\n---\n# heading after blank\n| x | y |",
    "\u{1b}[31mred\u{1b}[0m \u{7}bell \u{1b}]0;title\u{7}",
    "$x^2$ \\ backslash </style></svg><script>",
    "\r=CR first",
];

fn hostile(i: usize) -> String {
    HOSTILE[i % HOSTILE.len()].to_string()
}

/// The showcase with hostile text in every field the room types.
fn hostile_fixture() -> Fixture {
    let mut f = showcase();
    f.series.service = hostile(0) + " " + &hostile(2);
    f.series.id = hostile(3);
    f.series.agenda.title = hostile(1);
    for (i, t) in f.series.agenda.topics.iter_mut().enumerate() {
        t.title = hostile(i + 4);
    }
    let mut k = 0;
    for s in &mut f.sessions {
        s.summary = hostile(k + 7);
        if let Some(Outcome::CalledOff { reason }) = &mut s.outcome {
            *reason = hostile(k + 11);
        }
        if let TopicRef::OffShoot { title, .. } = &mut s.topic {
            *title = hostile(k + 13);
        }
        for n in &mut s.notes {
            n.text = hostile(k);
            k += 1;
        }
    }
    // Every hostile string as an opportunity of its own, so each reaches every format.
    let last = f.sessions.last_mut().unwrap();
    for h in HOSTILE {
        let id = last.next_note_id();
        let mut note = last.notes[0].clone();
        (note.id, note.kind, note.text, note.room_only) =
            (id, NoteKind::Opportunity, h.to_string(), false);
        last.notes.push(note);
    }
    // Votes, owners and labels from hostile hands, on every opportunity.
    let keys: Vec<ItemRef> = f
        .sessions
        .iter()
        .flat_map(|s| {
            s.notes
                .iter()
                .filter(|n| n.kind == NoteKind::Opportunity)
                .map(move |n| ItemRef::new(s.id.clone(), n.id))
        })
        .collect();
    for (i, key) in keys.iter().enumerate() {
        f.backlog
            .record_score(key, &hostile(i), (i % 6) as u8)
            .unwrap();
        f.backlog.set_owner(key, Some(&hostile(i + 1)));
        f.backlog.set_labels(key, [hostile(i + 2), hostile(i + 3)]);
        f.backlog.toggle_top_five(key, &hostile(i + 4)).unwrap();
    }
    f
}

/// What a reader should see of a typed line, once the formats have done their duty:
/// control characters shown as U+FFFD, no CR, tabs as spaces, outer spaces trimmed.
fn visible_lines(text: &str) -> Vec<String> {
    text.split('\n')
        .map(|line| {
            line.chars()
                .filter(|c| *c != '\r')
                .map(|c| match c {
                    '\t' => ' ',
                    c if c.is_control() => '\u{FFFD}',
                    c => c,
                })
                .collect::<String>()
                .trim()
                .to_string()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

fn hostile_lines() -> Vec<String> {
    HOSTILE.iter().flat_map(|h| visible_lines(h)).collect()
}

#[test]
fn html_parses_cleanly_has_no_script_and_shows_hostile_text_as_text() {
    use scraper::{Html, Selector};
    let f = hostile_fixture();
    let html = export(&rollup(&f), ExportFormat::Html);
    let doc = Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "HTML parse errors: {:?}", doc.errors);
    let all = Selector::parse("*").unwrap();
    let mut names = HashSet::new();
    for el in doc.select(&all) {
        let name = el.value().name().to_string();
        for (attr, value) in el.value().attrs() {
            assert!(!attr.starts_with("on"), "event handler {attr} on <{name}>");
            assert!(
                !matches!(
                    attr,
                    "src" | "href" | "srcset" | "action" | "formaction" | "background"
                ),
                "<{name} {attr}={value:?}> could make a request"
            );
        }
        names.insert(name);
    }
    for forbidden in [
        "script", "img", "iframe", "object", "embed", "link", "a", "form", "base",
    ] {
        assert!(!names.contains(forbidden), "<{forbidden}> in the export");
    }
    assert_eq!(doc.select(&Selector::parse("style").unwrap()).count(), 1);
    assert!(
        !html.contains("url(") && !html.contains("@import"),
        "no CSS fetches"
    );
    assert!(
        html.contains("default-src 'none'"),
        "the CSP forbids everything else"
    );
    let text: String = doc.root_element().text().collect();
    for line in hostile_lines() {
        assert!(text.contains(&line), "HTML text lacks {line:?}");
    }
    assert_eq!(
        doc.select(&Selector::parse("svg.maturity-chart").unwrap())
            .count(),
        1,
        "the maturity chart is inline SVG"
    );
}

#[test]
fn markdown_keeps_its_structure_and_shows_hostile_text_as_text() {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let f = hostile_fixture();
    let r = rollup(&f);
    let md = export(&r, ExportFormat::Markdown);
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_MATH
        | Options::ENABLE_FOOTNOTES;
    let mut headings = 0;
    let mut tasks = 0;
    let mut text = String::new();
    // Every table's body rows, as the text of each cell: a stray pipe would move text
    // into another cell (or drop it, the parser trimming rows to the header's width).
    let mut tables: Vec<Vec<Vec<String>>> = Vec::new();
    let mut in_head = false;
    let mut in_table = false;
    for event in Parser::new_ext(&md, options) {
        match event {
            Event::Start(Tag::Heading { .. }) => headings += 1,
            Event::Start(Tag::Link { dest_url, .. }) => panic!("a link to {dest_url}"),
            Event::Start(Tag::Image { dest_url, .. }) => panic!("an image from {dest_url}"),
            Event::Start(Tag::CodeBlock(_) | Tag::BlockQuote(_))
                if !text.is_empty() && headings > 1 =>
            {
                panic!("user text made a block: {text:.80}")
            }
            Event::Start(Tag::Strikethrough) => panic!("user text made a strike-through"),
            Event::Code(c) => panic!("user text made code: {c}"),
            Event::InlineMath(m) | Event::DisplayMath(m) => panic!("user text made maths: {m}"),
            Event::Html(h) | Event::InlineHtml(h) => {
                assert_eq!(h.as_ref(), "<br>", "raw HTML in the Markdown");
                text.push('\n');
                cell_text(&mut tables, in_table && !in_head, "\n");
            }
            Event::TaskListMarker(_) => tasks += 1,
            Event::Start(Tag::Table(_)) => {
                tables.push(Vec::new());
                in_table = true;
            }
            Event::End(TagEnd::Table) => in_table = false,
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => tables.last_mut().unwrap().push(Vec::new()),
            Event::Start(Tag::TableCell) if !in_head => {
                let table = tables.last_mut().unwrap();
                table.last_mut().unwrap().push(String::new());
            }
            Event::Text(t) => {
                text.push_str(&t);
                cell_text(&mut tables, in_table && !in_head, &t);
            }
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            _ => {}
        }
    }
    let [maturity, votes] = &tables[..] else {
        panic!(
            "expected the maturity and the votes tables, got {}",
            tables.len()
        )
    };
    assert_eq!(maturity.len(), r.maturity.len());
    for (row, m) in maturity.iter().zip(&r.maturity) {
        let suffix = if m.topic.is_offshoot() {
            " (off-shoot)"
        } else {
            ""
        };
        assert_eq!(
            row[0],
            format!("{}{suffix}", m.topic.title()),
            "maturity row"
        );
    }
    assert_eq!(votes.len(), r.backlog.len());
    for (row, e) in votes.iter().zip(&r.backlog) {
        assert_eq!(row.len(), 7);
        assert_eq!(row[0], e.rank.to_string());
        assert_eq!(
            row[1],
            visible_lines(&e.title).join(" "),
            "votes row {}",
            e.rank
        );
        assert_eq!(row[6], e.priority.label());
    }
    // Title, Topics, Covered, Remaining, Maturity, Backlog, Votes, Sessions + one each.
    assert_eq!(
        headings,
        8 + r.sessions.len(),
        "user text made or hid headings"
    );
    assert_eq!(tasks, r.backlog.len(), "one task per backlog item");
    for line in hostile_lines() {
        assert!(text.contains(&line), "Markdown text lacks {line:?}");
    }
}

/// Adds text to the current body cell of the current table, when in a table's body.
fn cell_text(tables: &mut [Vec<Vec<String>>], in_body: bool, text: &str) {
    if !in_body {
        return;
    }
    if let Some(cell) = tables
        .last_mut()
        .and_then(|t| t.last_mut())
        .and_then(|row| row.last_mut())
    {
        cell.push_str(text);
    }
}

#[test]
fn csv_reads_back_field_for_field_with_formulas_neutralised() {
    let f = hostile_fixture();
    let r = rollup(&f);
    let out = export(&r, ExportFormat::Csv);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        &header[..5],
        ["title", "description", "labels", "priority", "owner"]
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(
        records.len(),
        r.backlog.len(),
        "every item, voted on or not"
    );
    let neutral = |s: &str| -> String {
        let s: String = s
            .chars()
            .map(|c| {
                if c.is_control() && c != '\n' && c != '\t' {
                    '\u{FFFD}'
                } else {
                    c
                }
            })
            .collect();
        match s.chars().next() {
            Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
            _ => s,
        }
    };
    for (rec, e) in records.iter().zip(&r.backlog) {
        assert_eq!(rec.len(), header.len());
        for cell in rec.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a formula cell: {cell:?}"
            );
        }
        assert_eq!(&rec[0], neutral(&e.title));
        assert!(rec[1].starts_with(&neutral(&e.text)), "{:?}", &rec[1]);
        let mut labels = e.labels.clone();
        labels.push("service-roast".into());
        assert_eq!(&rec[2], neutral(&labels.join(",")));
        assert_eq!(&rec[3], e.priority.label());
        assert_eq!(&rec[4], neutral(e.owner.as_deref().unwrap_or("")));
        assert_eq!(&rec[5], e.rank.to_string());
    }
}

#[test]
fn json_carries_hostile_text_with_controls_shown_as_replaced() {
    let f = hostile_fixture();
    let r = rollup(&f);
    let out = export(&r, ExportFormat::Json);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let shown = |t: &str| {
        t.chars()
            .map(|c| {
                if c.is_control() && !matches!(c, '\n' | '\r' | '\t') {
                    '\u{FFFD}'
                } else {
                    c
                }
            })
            .collect::<String>()
    };
    assert_eq!(v["series"]["service"], shown(&r.series.service));
    let backlog = v["backlog"].as_array().unwrap();
    assert_eq!(backlog.len(), r.backlog.len());
    for (j, e) in backlog.iter().zip(&r.backlog) {
        assert_eq!(j["text"], shown(&e.text));
        assert_eq!(
            j["owner"].as_str(),
            e.owner.as_deref().map(shown).as_deref()
        );
    }
    assert!(
        !out.contains('\u{1b}') && !out.contains("\\u001b"),
        "no escape sequence reaches a JSON reader"
    );
}

#[test]
fn the_terminal_summary_cannot_drive_the_terminal_and_fits_80_columns() {
    let f = hostile_fixture();
    let out = text::render(&rollup(&f));
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}') && !out.contains('\r'));
    for line in out.lines() {
        assert!(roast::summary::wrap::width(line) <= 80, "{line:?}");
    }
    for line in hostile_lines() {
        // Wrapping may move words to the next line; each word is still there.
        for word in line.split_whitespace() {
            assert!(out.contains(word), "summary lacks {word:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// The minutes: plain notes and questions
// ---------------------------------------------------------------------------------------

/// A large series whose plain notes and questions each say a text of their own, in the
/// order written; room-only ones say "SECRET-…".
fn series_with_minutes() -> (Fixture, Vec<String>, usize, usize) {
    let mut f = large_series(30, 20);
    let mut minutes = Vec::new();
    let (mut notes, mut questions) = (0, 0);
    f.sessions
        .sort_by(|a, b| a.started.cmp(&b.started).then(a.id.cmp(&b.id)));
    for s in &mut f.sessions {
        for n in &mut s.notes {
            if !matches!(n.kind, NoteKind::Note | NoteKind::Question) {
                continue;
            }
            if n.room_only {
                n.text = format!("SECRET-{}-{}", s.id, n.id);
                continue;
            }
            n.text = format!("MINUTE-{}-{}-", s.id, n.id);
            minutes.push(n.text.clone());
            match n.kind {
                NoteKind::Note => notes += 1,
                _ => questions += 1,
            }
        }
    }
    (f, minutes, notes, questions)
}

#[test]
fn by_default_no_export_carries_a_plain_note_or_question_and_each_says_how_many_stay() {
    let (f, minutes, notes, questions) = series_with_minutes();
    assert!(notes > 1 && questions > 1, "the fixture has minutes");
    let r = rollup(&f);
    assert_eq!((r.notes_left_out, r.questions_left_out), (notes, questions));
    let sentence = format!("{notes} notes and {questions} questions stay in the session files");
    for format in ExportFormat::ALL {
        let out = export(&r, format);
        for m in &minutes {
            assert!(!out.contains(m.as_str()), "{format} carries {m}");
        }
        match format {
            ExportFormat::Csv => {}
            ExportFormat::Json => {
                assert!(
                    out.contains(&format!("\"notes_left_out\": {notes}")),
                    "json"
                );
                assert!(out.contains(&format!("\"questions_left_out\": {questions}")));
            }
            _ => assert!(out.contains(&sentence), "{format} says {sentence:?}"),
        }
    }
    assert!(text::render(&r).contains(&sentence), "the summary says it");
}

#[test]
fn with_notes_every_plain_note_and_question_leaves_in_the_order_written_and_room_only_ones_never() {
    let (f, minutes, _, _) = series_with_minutes();
    let r = Rollup::build_with(
        &f.series,
        &f.sessions,
        &f.backlog,
        f.now_ms,
        Minutes::Included,
    );
    assert_eq!((r.notes_left_out, r.questions_left_out), (0, 0));
    assert!(r.withheld_room_only > 0, "the fixture has room-only notes");
    for format in ExportFormat::ALL
        .into_iter()
        .filter(|f| f.carries_minutes())
    {
        let out = export(&r, format);
        let mut last = 0;
        for m in &minutes {
            let at = out[last..]
                .find(m.as_str())
                .unwrap_or_else(|| panic!("{format}: {m} missing or out of order"));
            last += at + m.len();
        }
        assert!(
            !out.contains("SECRET-"),
            "{format} carries a room-only note"
        );
        let withheld = format!("{} room-only notes withheld", r.withheld_room_only);
        match format {
            ExportFormat::Json => {
                assert!(out.contains(&format!("\"withheld_room_only\": {}", r.withheld_room_only)))
            }
            _ => assert!(out.contains(&withheld), "{format} says {withheld:?}"),
        }
    }
}
