//! What is written is what is read back, whatever the scribe typed; and a file this build
//! cannot read is reported by name and place, never overwritten, while the rest loads.

use proptest::prelude::*;
use roast::agenda;
use roast::model::{FORMAT_VERSION, Note, NoteKind, Series, Session, TopicRef};
use roast::storage::format::{from_ron_str, to_pretty_ron};
use roast::storage::{DataDir, FormatErrorKind, SeriesFolder, write_atomic};

fn series() -> Series {
    Series {
        version: FORMAT_VERSION,
        id: "svc".into(),
        service: "Svc".into(),
        agenda: agenda::builtin().remove(0).agenda,
        participants: vec![],
        created: time::macros::datetime!(2026-11-22 09:00 UTC),
    }
}

fn session(id: &str, notes: Vec<Note>) -> Session {
    let mut s = Session::new(
        id.into(),
        TopicRef::Agenda("service-overview".into()),
        time::macros::datetime!(2026-11-22 09:00 UTC),
        45,
        vec!["Ana".into()],
    );
    s.notes = notes;
    s
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        // The awkward ones, on purpose: emoji, CJK, right-to-left, control characters,
        // CRLF, tabs, quotes and RON syntax.
        prop::collection::vec(
            prop::sample::select(vec![
                "🔥",
                "👩🏽‍💻",
                "日本語",
                "مرحبا",
                "\u{202e}",
                "\u{0}",
                "\u{7}",
                "\r\n",
                "\t",
                "\"",
                "\\",
                ")",
                "r#\"",
                "'",
                " ",
                "\n",
                "é",
                "\u{feff}",
            ]),
            0..30
        )
        .prop_map(|parts| parts.concat()),
    ]
}

fn any_kind() -> impl Strategy<Value = NoteKind> {
    prop::sample::select(NoteKind::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_notes_survive_save_and_load_unchanged(
        texts in prop::collection::vec((any_text(), any_kind(), any::<bool>(), any::<u32>()), 0..8),
        summary in any_text(),
    ) {
        let notes = texts
            .into_iter()
            .enumerate()
            .map(|(i, (text, kind, room_only, elapsed_secs))| Note {
                id: u32::try_from(i).unwrap() + 1,
                kind,
                text,
                elapsed_secs,
                room_only,
                fix: None,
                flagged: false,
                rephrased: false,
            })
            .collect();
        let mut original = session("s", notes);
        original.summary = summary;
        let dir = tempfile::tempdir().unwrap();
        let folder = SeriesFolder::new(dir.path());
        folder.create(&series()).unwrap();
        let path = folder.session_path("s");
        write_atomic(&path, to_pretty_ron(&original).as_bytes()).unwrap();
        let loaded = folder.load().unwrap();
        prop_assert_eq!(loaded.problems.len(), 0);
        prop_assert_eq!(&loaded.sessions[0], &original);
    }
}

#[test]
fn a_corrupt_session_is_named_left_untouched_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let folder = SeriesFolder::new(dir.path().join("svc"));
    folder.create(&series()).unwrap();
    let good = session("20261122-090000-good", vec![]);
    write_atomic(
        &folder.session_path(&good.id),
        to_pretty_ron(&good).as_bytes(),
    )
    .unwrap();
    let bad_path = folder.session_path("20261122-100000-bad");
    let bad = "(\n    version: 1,\n    id: \"bad\",\n    topic: Agenda(\"x\"),\n    started: 12,\n";
    std::fs::write(&bad_path, bad).unwrap();

    let loaded = folder.load().unwrap();
    assert_eq!(loaded.sessions, vec![good]);
    assert_eq!(loaded.problems.len(), 1);
    let message = loaded.problems[0].to_string();
    assert!(
        message.starts_with(&format!("{}:5:", bad_path.display())),
        "names file and line: {message}"
    );
    assert_eq!(std::fs::read_to_string(&bad_path).unwrap(), bad);
}

#[test]
fn a_newer_session_file_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let folder = SeriesFolder::new(dir.path().join("svc"));
    folder.create(&series()).unwrap();
    let mut future = to_pretty_ron(&session("s", vec![]));
    future = future.replacen(&format!("version: {FORMAT_VERSION}"), "version: 7", 1);
    future = future.replacen("notes:", "reactions: [],\n    notes:", 1);
    let path = folder.session_path("s");
    std::fs::write(&path, &future).unwrap();
    let loaded = folder.load().unwrap();
    assert!(loaded.sessions.is_empty());
    assert_eq!(
        loaded.problems[0].kind,
        FormatErrorKind::NewerVersion { found: 7 }
    );
    assert!(loaded.problems[0].to_string().contains("newer roast"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), future);
}

#[test]
fn a_corrupt_series_file_is_reported_and_other_series_still_list() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path());
    data.series_folder("good").create(&series()).unwrap();
    let broken = data.series_folder("broken");
    std::fs::create_dir_all(broken.dir()).unwrap();
    std::fs::write(broken.series_path(), "(version: 1, id: ").unwrap();
    let listed = data.list_series();
    assert_eq!(listed.len(), 2);
    let error = listed[0].as_ref().unwrap_err();
    assert!(
        error.to_string().contains("broken/series.ron:1:"),
        "{error}"
    );
    assert!(listed[1].is_ok());
    assert_eq!(
        std::fs::read_to_string(broken.series_path()).unwrap(),
        "(version: 1, id: "
    );
}

#[test]
fn files_are_pretty_and_carry_a_version() {
    let text = to_pretty_ron(&session("s", vec![]));
    assert!(
        text.starts_with(&format!("(\n    version: {FORMAT_VERSION},")),
        "{text}"
    );
    let back: Session = from_ron_str(std::path::Path::new("s.ron"), &text).unwrap();
    assert_eq!(back.id, "s");
}
