//! Snapshots of every screen at 40x12 (a squeezed split), 80x24 (a laptop), 120x40, 160x45 and
//! 300x80 (projectors), and, with their colours, in each theme at 80x24.
//! Data folders are relative to the crate so the paths drawn are the same on every machine.

mod common;

use common::*;
use ratatui::crossterm::event::KeyCode;
use roast::clock::FakeClock;
use roast::settings::ThemeName;
use roast::tui::App;

const SIZES: [(u16, u16); 5] = [(40, 12), (80, 24), (120, 40), (160, 45), (300, 80)];

fn fresh_dir(name: &str) -> std::path::PathBuf {
    let dir = std::path::PathBuf::from("target/snapshot-data").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Builds the app showing one screen, in a theme, with its own data folder.
type Build = fn(&str, &FakeClock, Option<ThemeName>) -> App;

fn snapshot_everywhere(name: &str, build: Build) {
    let clock = FakeClock::at(START_MS);
    let app = build(name, &clock, None);
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(&app, w, h));
    }
    for &theme in ThemeName::ALL {
        let clock = FakeClock::at(START_MS);
        let app = build(&format!("{name}-{}", theme.label()), &clock, Some(theme));
        insta::assert_debug_snapshot!(
            format!("{name}_{}_styled_80x24", theme.label()),
            buffer(&app, 80, 24)
        );
    }
}

fn empty_list(name: &str, clock: &FakeClock, theme: Option<ThemeName>) -> App {
    app_themed(&fresh_dir(name), clock, theme)
}

fn listed(name: &str, clock: &FakeClock, theme: Option<ThemeName>) -> App {
    let dir = fresh_dir(name);
    {
        let mut app = app_themed(&dir, clock, theme);
        create_series(&mut app);
        press(&mut app, key(KeyCode::Esc));
    }
    app_themed(&dir, clock, theme)
}

fn new_series(name: &str, clock: &FakeClock, theme: Option<ThemeName>) -> App {
    let mut app = app_themed(&fresh_dir(name), clock, theme);
    press(&mut app, key(KeyCode::Char('n')));
    type_text(&mut app, "Payments API");
    press(&mut app, key(KeyCode::Tab));
    press(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "Ana");
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "B");
    app
}

fn setup(name: &str, clock: &FakeClock, theme: Option<ThemeName>) -> App {
    let mut app = app_themed(&fresh_dir(name), clock, theme);
    create_series(&mut app);
    app
}

fn guidelines(name: &str, clock: &FakeClock, theme: Option<ThemeName>) -> App {
    let mut app = setup(name, clock, theme);
    press(&mut app, key(KeyCode::Enter));
    app
}

/// A live session ten minutes in, with a note of every kind and one being typed.
fn live(name: &str, clock: &FakeClock, theme: Option<ThemeName>) -> App {
    let mut app = guidelines(name, clock, theme);
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, ctrl('t'));
    let notes = [
        "The edge proxy terminates TLS and routes by path",
        "Deploys restart every pod at once, so caches go cold",
        "Stagger restarts and pre-warm the cache",
        "How DNS failover is tested",
        "What happens to in-flight requests during a deploy?",
    ];
    for text in notes {
        clock.advance_secs(120);
        type_text(&mut app, text);
        press(&mut app, key(KeyCode::Enter));
        press(&mut app, key(KeyCode::Tab));
    }
    press(&mut app, ctrl('r'));
    type_text(&mut app, "Retries are unbounded in the");
    app
}

fn live_notes(name: &str, clock: &FakeClock, theme: Option<ThemeName>) -> App {
    let mut app = live(name, clock, theme);
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Up));
    app
}

fn closing(name: &str, clock: &FakeClock, theme: Option<ThemeName>) -> App {
    let mut app = live(name, clock, theme);
    end_session(&mut app);
    type_text(
        &mut app,
        "The edge proxy is the choke point; deploys cool the cache.",
    );
    app
}

fn help(name: &str, clock: &FakeClock, theme: Option<ThemeName>) -> App {
    let mut app = live(name, clock, theme);
    press(&mut app, key(KeyCode::F(1)));
    app
}

/// The showcase series (every feature of the summary), on the series list.
fn showcase_list(name: &str, _clock: &FakeClock, theme: Option<ThemeName>) -> App {
    let dir = fresh_dir(name);
    let fixture = common::fixtures::showcase();
    let folder = roast::storage::DataDir::new(&dir).series_folder(&fixture.series.id);
    fixture.write_to(&folder).unwrap();
    // Seen well after the showcase's last session, so nothing reopens by itself.
    let later = FakeClock::at(fixture.now_ms + 2 * roast::tui::app::RESUME_WITHIN_MS);
    app_themed(&dir, &later, theme)
}

fn prioritise(name: &str, clock: &FakeClock, theme: Option<ThemeName>) -> App {
    let mut app = showcase_list(name, clock, theme);
    press(&mut app, key(KeyCode::Char('p')));
    // The tallies as the room sees them once the moderator reveals them.
    press(&mut app, key(KeyCode::Char('v')));
    press(&mut app, key(KeyCode::Char('4')));
    press(&mut app, key(KeyCode::Down));
    app
}

fn summary(name: &str, clock: &FakeClock, theme: Option<ThemeName>) -> App {
    let mut app = showcase_list(name, clock, theme);
    press(&mut app, key(KeyCode::Char('s')));
    app
}

fn question_check(name: &str, clock: &FakeClock, theme: Option<ThemeName>) -> App {
    let mut app = live(name, clock, theme);
    press(&mut app, key(KeyCode::F(5)));
    type_text(&mut app, "Why can't you just add another replica?");
    app
}

#[test]
fn prioritisation() {
    snapshot_everywhere("prioritise", prioritise);
}

#[test]
fn summary_screen() {
    snapshot_everywhere("summary", summary);
}

#[test]
fn question_check_box() {
    snapshot_everywhere("question_check", question_check);
}

#[test]
fn series_list_empty() {
    snapshot_everywhere("series_list_empty", empty_list);
}

#[test]
fn series_list() {
    snapshot_everywhere("series_list", listed);
}

#[test]
fn new_series_form() {
    snapshot_everywhere("new_series", new_series);
}

#[test]
fn session_setup() {
    snapshot_everywhere("setup", setup);
}

#[test]
fn guidelines_slide() {
    snapshot_everywhere("guidelines", guidelines);
}

#[test]
fn live_session() {
    snapshot_everywhere("live", live);
}

#[test]
fn live_notes_focus() {
    snapshot_everywhere("live_notes", live_notes);
}

#[test]
fn closing_screen() {
    snapshot_everywhere("closing", closing);
}

#[test]
fn help_overlay() {
    snapshot_everywhere("help_live", help);
}

#[test]
fn the_timer_in_its_last_five_minutes_and_over_an_hour() {
    let clock = FakeClock::at(START_MS);
    let app = live("late", &clock, None);
    clock.advance_secs(31 * 60);
    insta::assert_snapshot!("live_amber_80x24", render(&app, 80, 24));
    clock.advance_secs(25 * 60);
    insta::assert_snapshot!("live_over_an_hour_160x45", render(&app, 160, 45));
}

#[test]
fn the_delete_prompt() {
    let clock = FakeClock::at(START_MS);
    let mut app = live_notes("delete", &clock, None);
    press(&mut app, key(KeyCode::Char('d')));
    insta::assert_snapshot!("live_delete_80x24", render(&app, 80, 24));
}

#[test]
fn tiny_and_odd_sizes_never_panic() {
    let clock = FakeClock::at(START_MS);
    let builds: [Build; 11] = [
        empty_list,
        listed,
        new_series,
        setup,
        guidelines,
        live,
        closing,
        help,
        prioritise,
        summary,
        question_check,
    ];
    for (i, build) in builds.into_iter().enumerate() {
        let app = build(&format!("tiny-{i}"), &clock, None);
        for w in [1, 2, 5, 13, 39, 40, 41, 79] {
            for h in [1, 2, 3, 7, 11, 12, 13, 23] {
                render(&app, w, h);
            }
        }
    }
}

/// Whitespace-normalised text, so wrapped rows compare with the text they wrap.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text inside the focused (heavy-bordered) pane of a rendered screen.
fn focused_pane(screen: &str) -> String {
    screen
        .lines()
        .filter_map(|line| {
            let first = line.find('┃')?;
            let last = line.rfind('┃')?;
            (last > first).then(|| line[first + '┃'.len_utf8()..last].to_string())
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_summary_pane_wraps_its_text_rather_than_cut_it_at_120x40_and_40x12() {
    let clock = FakeClock::at(START_MS);
    let app = summary("summary-wrap", &clock, None);
    let roast::tui::screens::Screen::Summary(state) = &app.screen else {
        panic!("summary")
    };
    let whole = words(&roast::summary::text::render(&state.rollup));
    for (w, h) in [(120, 40), (40, 12)] {
        let shown = words(&focused_pane(&render(&app, w, h)));
        assert!(
            whole.starts_with(&shown),
            "at {w}x{h} the pane shows text that is not the summary's, or cut:\n{shown}"
        );
        assert!(shown.len() > 60, "at {w}x{h} the pane shows almost nothing");
    }
}

#[test]
fn prioritisation_shows_the_selected_item_whole_with_owner_and_labels() {
    let clock = FakeClock::at(START_MS);
    let mut app = prioritise("prioritise-whole", &clock, None);
    press(&mut app, key(KeyCode::Up)); // the first item: owner and labels set
    let roast::tui::screens::Screen::Prioritise(p) = &app.screen else {
        panic!("prioritise")
    };
    let title = p.items[p.selected].title.clone();
    let item = p.votes_of(&p.items[p.selected].key).unwrap();
    let labels = item.labels.join(", ");
    for (w, h) in [(120, 40), (40, 12)] {
        let screen = words(&render(&app, w, h));
        assert!(screen.contains(&words(&title)), "{w}x{h}: {screen}");
        assert!(screen.contains(&labels), "{w}x{h}: {screen}");
        assert!(
            screen.contains("agreed"),
            "{w}x{h}: the item's row is on screen"
        );
    }
}

#[test]
fn the_closing_counts_and_every_field_are_reachable_at_120x40_and_40x12() {
    let clock = FakeClock::at(START_MS);
    let mut app = closing("closing-whole", &clock, None);
    let counts = "questions: 1 noted · 0 caught by the checker · 0 rephrased";
    assert!(render(&app, 120, 40).contains(counts));
    // At 40x12 each field in turn has the screen, none squeezed out.
    for (field, expect) in [
        ("Maturity", "not rated"),
        ("Outcome", "completed"),
        ("Next topic", "decide next time"),
        ("Summary", "The edge proxy"),
    ] {
        press(&mut app, key(KeyCode::Tab));
        let screen = render(&app, 40, 12);
        assert!(screen.contains(field), "{field}:\n{screen}");
        assert!(screen.contains(expect), "{field}:\n{screen}");
    }
}

#[test]
fn the_series_list_shows_the_series_id_in_the_app() {
    let clock = FakeClock::at(START_MS);
    let app = listed("list-id", &clock, None);
    for (w, h) in [(120, 40), (40, 12)] {
        assert!(render(&app, w, h).contains("id payments-api"), "{w}x{h}");
    }
}

#[test]
fn the_key_list_scrolls_when_it_is_longer_than_the_screen() {
    let clock = FakeClock::at(START_MS);
    let mut app = help("help-scroll", &clock, None);
    let first = render(&app, 80, 24);
    assert!(first.contains("↑ ↓ to scroll"), "{first}");
    assert!(!first.contains("delete word back"), "{first}");
    for _ in 0..40 {
        press(&mut app, key(KeyCode::Down));
    }
    let last = render(&app, 80, 24);
    assert!(last.contains("delete word back"), "{last}");
    assert!(app.overlay.is_some(), "still open");
}

#[test]
fn the_summary_pane_wraps_each_paragraph_once_for_its_own_width() {
    // Wrapped at 80 columns and then again at a narrower pane's edge, a sentence came out
    // as a full line, a short one and the rest: ragged, and a row longer than needed.
    // (A data folder of its own: tests run in parallel.)
    let clock = FakeClock::at(START_MS);
    let app = summary("summary-wrap-once", &clock, None);
    let pane = focused_pane(&render(&app, 120, 40));
    let lines: Vec<&str> = pane.lines().collect();
    let first = lines
        .iter()
        .position(|l| l.contains("stay in the session files"))
        .unwrap_or_else(|| panic!("no minutes sentence in the pane:\n{pane}"));
    let last = lines
        .iter()
        .position(|l| l.contains("when asked for."))
        .unwrap_or_else(|| panic!("the minutes sentence does not end in the pane:\n{pane}"));
    let width = lines[first].chars().count();
    let sentence: usize = lines[first..=last]
        .iter()
        .map(|l| l.trim().chars().count() + 1)
        .sum();
    // Its words, with one space between each, in as few rows as wrapping needs.
    let rows = last - first + 1;
    assert!(
        rows <= (sentence - 1).div_ceil(width),
        "the sentence takes more rows than its length needs at {width} columns:\n{}",
        lines[first..=last].join("\n")
    );
}
