//! The README's tour says which keys do what. Every key it names must be a key of the
//! screen that step is about, and a whole session run in a real terminal with only the
//! tour's keys must work: series, meeting, notes, a checked question, closing,
//! prioritisation, summary and export.

mod common;

use std::path::Path;

use common::tmux::Tmux;
use roast::tui::keymap::{Chord, KeyContext as C, Keymap};
use roast::tui::keys_file::parse_chord;

/// The tour: its opening paragraph (step 0), then each numbered step with what follows
/// it indented, as text.
fn tour_steps() -> Vec<String> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let start = readme.find("## A short tour").expect("the tour");
    let rest = &readme[start + 3..];
    let tour = &rest[..rest.find("\n## ").unwrap_or(rest.len())];
    let mut steps = vec![String::new()];
    let mut in_step = false;
    for line in tour.lines() {
        let numbered = line
            .split_once(". **")
            .is_some_and(|(n, _)| n.len() == 1 && n.chars().all(|c| c.is_ascii_digit()));
        if numbered {
            steps.push(String::new());
            in_step = true;
        } else if in_step && !line.is_empty() && !line.starts_with(' ') {
            in_step = false;
        }
        if in_step || steps.len() == 1 {
            let step = steps.last_mut().unwrap();
            step.push_str(line);
            step.push('\n');
        }
    }
    assert_eq!(steps.len(), 8, "an opening and seven steps");
    steps
}

/// The keys a step names: `code` spans and **bold** words that read as a key.
fn keys_named(step: &str) -> Vec<(String, Chord)> {
    let mut found = Vec::new();
    for delimiter in ["`", "**"] {
        for (i, part) in step.split(delimiter).enumerate() {
            if i % 2 == 1
                && let Some(chord) = parse_chord(part)
            {
                found.push((part.to_string(), chord));
            }
        }
    }
    found
}

/// The screens each step is about; a step may also name the keys that apply everywhere
/// and, where it has a text field, the editing keys.
fn contexts_of(step: usize) -> Vec<C> {
    let mut contexts = match step {
        1 => vec![
            C::SeriesList,
            C::NewSeries,
            C::NewSeriesName,
            C::NewSeriesAgenda,
            C::NewSeriesPeople,
        ],
        2 => vec![
            C::Setup,
            C::SetupPeople,
            C::SetupAdd,
            C::SetupRename,
            C::Confirm,
        ],
        3 => vec![C::Guidelines],
        4 => vec![C::LiveEditor, C::LiveNotes, C::QuestionCheck, C::Confirm],
        5 => vec![
            C::Closing,
            C::ClosingOutcome,
            C::ClosingReason,
            C::ClosingNextTopic,
            C::ClosingSummary,
            C::ClosingMaturity,
        ],
        6 => vec![C::Prioritise, C::SeriesList],
        7 => vec![C::Summary, C::SeriesList],
        // The opening speaks of every screen.
        _ => C::ALL.to_vec(),
    };
    // The guidelines slide and the summary have no text field.
    if !matches!(step, 3 | 7) {
        contexts.extend([C::TextLine, C::TextMulti]);
    }
    contexts.extend([C::Global, C::Always]);
    contexts
}

fn bound(keymap: &Keymap, contexts: &[C], chord: &Chord) -> bool {
    keymap.bindings().iter().any(|b| {
        contexts.contains(&b.context)
            && b.chords
                .iter()
                .any(|c| c.code == chord.code && c.mods == chord.mods)
    })
}

#[test]
fn every_key_the_tour_names_is_a_key_of_that_screen() {
    let keymap = Keymap::default();
    let mut checked = 0;
    for (n, step) in tour_steps().iter().enumerate() {
        for (name, chord) in keys_named(step) {
            assert!(
                bound(&keymap, &contexts_of(n), &chord),
                "the tour's step {n} names `{name}`, which does nothing there"
            );
            checked += 1;
        }
    }
    assert!(checked > 60, "the tour names its keys ({checked} found)");
}

/// A key the tmux run presses, by the tour's step that names it and the name it is given
/// there, with tmux's name for it.
struct Press {
    step: usize,
    readme: &'static str,
    tmux: &'static str,
}

const fn p(step: usize, readme: &'static str, tmux: &'static str) -> Press {
    Press { step, readme, tmux }
}

fn pressing(t: &Tmux, keys: &[Press]) {
    let steps = tour_steps();
    for k in keys {
        assert!(
            keys_named(&steps[k.step])
                .iter()
                .any(|(name, _)| name == k.readme),
            "the run presses `{}`, which the tour's step {} does not name",
            k.readme,
            k.step
        );
        t.keys(&[k.tmux]);
    }
}

fn all_files(dir: &Path) -> String {
    let mut all = String::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            all.push_str(&std::fs::read_to_string(path).unwrap());
        }
    }
    all
}

#[test]
fn a_whole_series_runs_in_a_real_terminal_with_only_the_tours_keys() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let Some(t) = Tmux::start("tour", &Tmux::roast("", &data), 120, 40) else {
        return;
    };
    t.wait_for("No series yet");

    // 1. A series.
    pressing(&t, &[p(1, "n", "n")]);
    t.wait_for("Service");
    t.type_text("Payments API");
    pressing(&t, &[p(1, "Tab", "Tab"), p(1, "Tab", "Tab")]);
    t.type_text("Ana");
    pressing(&t, &[p(1, "Enter", "Enter")]);
    t.type_text("Bo");
    pressing(&t, &[p(1, "Ctrl+R", "C-r"), p(1, "Enter", "Enter")]);
    pressing(&t, &[p(1, "Ctrl+S", "C-s")]);
    // 2. Session setup, 3. the guidelines.
    t.wait_for("Topic for this session");
    pressing(&t, &[p(2, "Enter", "Enter")]);
    t.wait_for("ground rules");
    pressing(&t, &[p(3, "Esc", "Escape")]);
    t.wait_for("Notes so far");

    // 4. The meeting: the timer, a note, an opportunity, a question checked and
    // rephrased, the moderator's box.
    pressing(&t, &[p(4, "Ctrl+T", "C-t")]);
    t.type_text("Requests enter through the edge proxy");
    pressing(&t, &[p(4, "Enter", "Enter")]);
    t.wait_for("Requests enter through the edge proxy");
    pressing(&t, &[p(4, "Tab", "Tab"), p(4, "Tab", "Tab")]);
    t.type_text("Stagger restarts to keep the cache warm");
    pressing(&t, &[p(4, "Enter", "Enter")]);
    t.wait_for("Opportunities (1)");
    pressing(&t, &[p(4, "Tab", "Tab"), p(4, "Tab", "Tab")]);
    t.type_text("Why didn't you just add a second region?");
    t.wait_for("Alt+1");
    pressing(&t, &[p(4, "Alt+1", "M-1")]);
    pressing(&t, &[p(4, "Enter", "Enter")]);
    t.wait_for("Questions (1)");
    pressing(&t, &[p(4, "F5", "F5")]);
    t.wait_for("Check a question");
    t.type_text("How does a request reach the ledger?");
    pressing(&t, &[p(4, "Esc", "Escape")]);
    // A key sent hard on the heels of Esc is read as Alt+key (a terminal cannot tell
    // them apart), as it would be for a person that fast: wait for the box to close.
    t.wait_gone("Check a question");
    pressing(&t, &[p(4, "F6", "F6")]);
    pressing(&t, &[p(4, "F8", "F8")]);
    t.wait_for("End the meeting now?");
    pressing(&t, &[p(4, "y", "y")]);

    // 5. Closing with a summary.
    t.wait_for("Outcome");
    pressing(&t, &[p(5, "Tab", "Tab"), p(5, "Tab", "Tab")]);
    t.type_text("Restarts are the weak spot.");
    pressing(&t, &[p(5, "Ctrl+S", "C-s")]);
    t.wait_for("Session closed and saved");
    t.wait_for("1 session ·");

    // 6. Prioritisation: a score and a top-five pick.
    pressing(&t, &[p(6, "p", "p")]);
    t.wait_for("Stagger restarts to keep the cache warm");
    pressing(&t, &[p(6, "5", "5"), p(6, "Space", "Space")]);
    pressing(&t, &[p(6, "Esc", "Escape")]);
    t.wait_for("1 session ·");

    // 7. The summary, exported with and without the minutes.
    pressing(&t, &[p(7, "s", "s")]);
    t.wait_for("stay in the session files");
    pressing(&t, &[p(7, "e", "e")]);
    t.wait_for("exported to");
    pressing(&t, &[p(7, "m", "m")]);
    t.wait_for("The full minutes");
    pressing(&t, &[p(7, "Esc", "Escape")]);
    t.wait_for("1 session ·");
    pressing(&t, &[p(0, "Ctrl+Q", "C-q")]);
    t.wait_until_dead();

    let series = data.join("series/payments-api");
    let sessions = all_files(&series.join("sessions"));
    for text in [
        "Requests enter through the edge proxy",
        "Stagger restarts to keep the cache warm",
        "kind: Question",
        "rephrased: true",
        "summary: \"Restarts are the weak spot.\"",
        "outcome: Some(Completed)",
    ] {
        assert!(sessions.contains(text), "{text:?} in {sessions}");
    }
    assert!(
        !sessions.contains("Why didn't you just"),
        "the question was rephrased before it was saved: {sessions}"
    );
    let votes = all_files(&series.join("ballots"));
    assert!(votes.contains('5'), "the score was saved: {votes}");
    let exports = data.join("exports");
    for ext in ["md", "html", "csv", "json"] {
        assert!(
            exports.join(format!("payments-api.{ext}")).is_file(),
            "{ext}"
        );
    }
    let minutes = std::fs::read_to_string(exports.join("payments-api-minutes.md")).unwrap();
    assert!(
        minutes.contains("Requests enter through the edge proxy"),
        "{minutes}"
    );
    let summary = std::fs::read_to_string(exports.join("payments-api.md")).unwrap();
    assert!(
        summary.contains("Stagger restarts to keep the cache warm")
            && !summary.contains("Requests enter through the edge proxy"),
        "{summary}"
    );
}
