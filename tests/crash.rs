//! The crash test: the built binary in a real terminal (tmux), typed at like a fast scribe,
//! killed with `kill -9` at random moments and started again, over and over. Each time
//! the draft comes back, at most 2 s of typing is lost, and no half-written or leftover
//! file stays behind.
//!
//! 20 kills by default; `ROAST_CRASH_TRIES=200` for more, `ROAST_CRASH_SEED=N` to replay a
//! run (the seed is printed). Needs tmux; `ROAST_SKIP_TMUX=1` skips it.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::tmux::Tmux;
use roast::storage::{DataDir, SeriesFolder};

/// Chunks of this many characters, one every [`CHUNK_EVERY`]: 80 characters a second,
/// several times a fast typist, so a lost second shows as many characters.
const CHUNK: usize = 4;
const CHUNK_EVERY: Duration = Duration::from_millis(50);
const MAX_LOSS: Duration = Duration::from_secs(2);

/// xorshift64: enough randomness for kill moments, replayable from a printed seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn folder(data: &Path) -> SeriesFolder {
    DataDir::new(data).series_folder("payments-api")
}

/// The draft of the open session as it is on disk; every session file must parse.
fn draft_on_disk(data: &Path) -> String {
    let loaded = folder(data).load().expect("series.ron");
    assert!(
        loaded.problems.is_empty(),
        "a half-written file: {:?}",
        loaded.problems
    );
    loaded
        .open_session()
        .and_then(|s| s.draft.as_ref())
        .map(|d| d.text.clone())
        .unwrap_or_default()
}

fn leftovers(data: &Path) -> Vec<PathBuf> {
    let series = folder(data);
    [series.dir().to_path_buf(), series.sessions_dir()]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).into_iter().flatten())
        .filter_map(Result::ok)
        .filter(|e| roast::storage::leftovers::is_leftover(&e.file_name().to_string_lossy()))
        .map(|e| e.path())
        .collect()
}

/// What the scribe types: words, so the editor wraps as it would for real notes.
fn words(n: usize) -> String {
    const WORDS: [&str; 8] = [
        "latency ", "queue ", "retry ", "cache ", "deploy ", "shard ", "alert ", "quota ",
    ];
    (0..n).map(|i| WORDS[i % WORDS.len()]).collect()
}

#[test]
fn kill_9_at_random_moments_loses_at_most_two_seconds_of_typing() {
    let tries: usize = std::env::var("ROAST_CRASH_TRIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let seed: u64 = std::env::var("ROAST_CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    eprintln!("crash test: {tries} kills, ROAST_CRASH_SEED={seed}");
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let Some(t) = Tmux::start("crash", &Tmux::roast("", &data), 120, 36) else {
        return;
    };
    t.wait_for("No series yet");
    t.keys(&["n"]);
    t.wait_for("Service");
    t.type_text("Payments API");
    t.keys(&["Tab", "Tab"]);
    t.type_text("Ana");
    t.keys(&["Enter", "C-s"]);
    t.wait_for("Topic for this session");
    t.keys(&["Enter"]);
    t.wait_for("ground rules");
    t.keys(&["Escape"]);
    t.wait_for("Notes so far");

    let mut worst_chars = 0;
    let mut worst = Duration::ZERO;
    for attempt in 0..tries {
        let base = draft_on_disk(&data);
        let text = words(40);
        let chunks: Vec<&str> = text
            .as_bytes()
            .chunks(CHUNK)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        let typing = 4 + rng.below(chunks.len() as u64 - 4) as usize;
        let mut sent_at = Vec::new();
        for chunk in &chunks[..typing] {
            sent_at.push(Instant::now());
            t.type_text(chunk);
            std::thread::sleep(CHUNK_EVERY);
        }
        // Sometimes mid-typing, sometimes after a pause of up to a second.
        std::thread::sleep(Duration::from_millis(rng.below(1000)));
        let killed_at = Instant::now();
        t.kill_9();

        let typed = format!("{base}{}", chunks[..typing].concat());
        let on_disk = draft_on_disk(&data);
        assert!(
            typed.starts_with(&on_disk) && on_disk.len() >= base.len(),
            "try {attempt}: the draft on disk is not what was typed:\n{on_disk:?}\nvs\n{typed:?}"
        );
        let lost_chars = typed.len() - on_disk.len();
        // The first lost character was sent with chunk `first_lost`.
        let lost_for = if lost_chars == 0 {
            Duration::ZERO
        } else {
            let first_lost = (on_disk.len() - base.len()) / CHUNK;
            killed_at - sent_at[first_lost]
        };
        assert!(
            lost_for <= MAX_LOSS,
            "try {attempt}: lost {lost_chars} characters, {lost_for:?} of typing"
        );
        worst_chars = worst_chars.max(lost_chars);
        worst = worst.max(lost_for);

        t.respawn();
        t.wait_for("Notes so far");
        // Taking the lock again cleared whatever an interrupted save left.
        let deadline = Instant::now() + Duration::from_secs(5);
        while !leftovers(&data).is_empty() {
            assert!(
                Instant::now() < deadline,
                "try {attempt}: leftovers {:?}",
                leftovers(&data)
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        assert_eq!(
            draft_on_disk(&data),
            on_disk,
            "try {attempt}: the draft changed on restart"
        );
    }
    eprintln!(
        "crash test: {tries} kills, worst loss {worst_chars} characters ({worst:?} of typing at {} chars/s)",
        CHUNK as u128 * 1000 / CHUNK_EVERY.as_millis()
    );
    t.keys(&["C-q"]);
}
