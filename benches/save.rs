//! Saving a 45-minute session the way the background saver does: serialise it to pretty
//! RON, write it to a temporary file, fsync, rename over the old file and fsync the folder.
//! The session is a long, busy one: its file is about 115 KB.
//!
//! Run: cargo bench --bench save -- --warm-up-time 1 --measurement-time 3

mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use roast::storage::{format, write_atomic};

/// The size of the session file of a long, busy 45-minute meeting.
const SESSION_BYTES: usize = 115_000;

fn save(c: &mut Criterion) {
    let mut session = common::fixtures::large_series(1, 1_000).sessions.remove(0);
    while format::to_pretty_ron(&session).len() > SESSION_BYTES {
        session.notes.pop();
    }
    let bytes = format::to_pretty_ron(&session).len();
    // On the disk the data lives on, not a RAM-backed /tmp: fsync must reach a disk.
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let path = dir.path().join("session.ron");
    c.bench_function(
        &format!(
            "save a session of {} notes ({} KB): serialise + atomic write + fsync",
            session.notes.len(),
            bytes / 1000
        ),
        |b| {
            b.iter(|| {
                let text = format::to_pretty_ron(black_box(&session));
                write_atomic(&path, text.as_bytes()).unwrap();
            })
        },
    );
    // The part of the above that is the CPU's, to tell it from the disk's.
    c.bench_function("serialise only, the same session", |b| {
        b.iter(|| format::to_pretty_ron(black_box(&session)))
    });
}

criterion_group!(benches, save);
criterion_main!(benches);
