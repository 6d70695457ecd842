//! Every loader over mutated valid files and arbitrary bytes: never a panic, and a
//! refusal always names the file. Property tests stand in for `cargo fuzz`, which needs a
//! nightly toolchain; `PROPTEST_CASES=20000` runs them longer.

mod common;

use std::path::Path;

use proptest::prelude::*;

use common::fixtures::showcase;
use roast::backlog::{BacklogItem, LoadedBacklog};
use roast::model::{Series, Session};
use roast::settings::Settings;
use roast::storage::format::{self, FormatError, to_pretty_ron};
use roast::storage::{DataDir, SeriesFolder};

/// `PROPTEST_CASES` when set (proptest's own reading of it is overridden by an explicit
/// count), else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// One valid file of each kind, as roast writes it.
fn valid_files() -> Vec<(&'static str, String)> {
    let f = showcase();
    let mut item = BacklogItem::new(&roast::backlog::ItemRef::new(f.sessions[0].id.clone(), 2));
    item.owner = Some("Ana".into());
    item.labels = vec!["infra".into()];
    vec![
        ("series", to_pretty_ron(&f.series)),
        ("session", to_pretty_ron(&f.sessions[0])),
        ("backlog", to_pretty_ron(&item)),
        ("settings", to_pretty_ron(&Settings::default())),
        ("agenda", to_pretty_ron(&f.series.agenda)),
    ]
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Truncate(usize),
    Duplicate(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let tokens = prop::sample::select(vec![
        b"(".to_vec(),
        b")".to_vec(),
        b"[".to_vec(),
        b"\"".to_vec(),
        b"\\".to_vec(),
        b",".to_vec(),
        b"version: 99,".to_vec(),
        b"id: \"../x\",".to_vec(),
        b"Some(".to_vec(),
        b"\xff\xfe".to_vec(),
        b"18446744073709551616".to_vec(),
        b"-1".to_vec(),
        "\u{202e}".as_bytes().to_vec(),
        b"\x00".to_vec(),
    ]);
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<usize>(), tokens).prop_map(|(i, t)| Mutation::Insert(i, t)),
        (any::<usize>(), 1..64usize).prop_map(|(i, n)| Mutation::Delete(i, n)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), 1..200usize).prop_map(|(i, n)| Mutation::Duplicate(i, n)),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len().max(1);
    match m {
        Mutation::Flip(i, b) => {
            if !bytes.is_empty() {
                bytes[i % len] ^= b | 1;
            }
        }
        Mutation::Insert(i, t) => {
            let at = i % (bytes.len() + 1);
            bytes.splice(at..at, t.iter().copied());
        }
        Mutation::Delete(i, n) => {
            let at = i % len;
            let end = (at + n).min(bytes.len());
            bytes.drain(at.min(end)..end);
        }
        Mutation::Truncate(i) => bytes.truncate(i % len),
        Mutation::Duplicate(i, n) => {
            let at = i % len;
            let end = (at + n).min(bytes.len());
            let copy: Vec<u8> = bytes[at.min(end)..end].to_vec();
            bytes.splice(end..end, copy);
        }
    }
}

/// Parses `bytes` as the given kind the way its loader does; an error must name the file.
fn load_as(kind: &str, bytes: &[u8]) {
    let path = Path::new("data/series/x/fuzzed.ron");
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let named = |e: FormatError| assert!(e.to_string().starts_with("data/series/x/fuzzed.ron"));
    match kind {
        "series" => format::from_ron_str::<Series>(path, text)
            .err()
            .map_or((), named),
        "session" => format::from_ron_str::<Session>(path, text)
            .err()
            .map_or((), named),
        "backlog" => format::from_ron_str::<BacklogItem>(path, text)
            .err()
            .map_or((), named),
        "settings" => format::from_ron_str::<Settings>(path, text)
            .err()
            .map_or((), named),
        "agenda" => match roast::storage::agendas::parse(path, text) {
            Ok(agenda) => {
                let _ = roast::agenda::validate(&agenda);
            }
            Err(e) => named(e),
        },
        other => unreachable!("{other}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(512)))]

    #[test]
    fn mutated_files_of_every_kind_never_panic_a_loader(
        which in 0..5usize,
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let (kind, valid) = &valid_files()[which];
        let mut bytes = valid.as_bytes().to_vec();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        load_as(kind, &bytes);
    }

    #[test]
    fn arbitrary_bytes_never_panic_a_loader(
        which in 0..5usize,
        bytes in prop::collection::vec(any::<u8>(), 0..2048),
    ) {
        load_as(valid_files()[which].0, &bytes);
    }
}

proptest! {
    // Through the disk, the whole folder loader (second copies, ids, the guard): fewer
    // cases, each writes files.
    #![proptest_config(ProptestConfig::with_cases(cases(64)))]

    #[test]
    fn a_series_folder_with_a_mutated_file_loads_without_panicking_and_never_writes_it(
        which in 0..3usize,
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let folder: SeriesFolder = DataDir::new(dir.path()).series_folder("svc");
        let mut f = showcase();
        f.series.id = "svc".into();
        f.write_to(&folder).unwrap();
        let target = match which {
            0 => folder.series_path(),
            1 => folder.session_path(&f.sessions[0].id),
            _ => std::fs::read_dir(folder.dir().join("backlog")).unwrap().next().unwrap().unwrap().path(),
        };
        let mut bytes = std::fs::read(&target).unwrap();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        std::fs::write(&target, &bytes).unwrap();
        let series = folder.load();
        let backlog = LoadedBacklog::load(&folder);
        if let Ok(loaded) = &series {
            let _ = roast::summary::Rollup::from_loaded(loaded, &backlog, f.now_ms);
        }
        let failed = series.as_ref().err().map(|e| e.path.clone()).into_iter()
            .chain(series.iter().flat_map(|l| l.problems.iter().map(|p| p.path.clone())))
            .chain(backlog.problems.iter().map(|p| p.path.clone()))
            .any(|p| p == target);
        if failed {
            prop_assert!(roast::storage::write_atomic(&target, b"overwritten").is_err());
            prop_assert_eq!(std::fs::read(&target).unwrap(), bytes);
        }
    }
}
