//! How fast the phrasing checker is: one flagged question, one clean
//! question, and a batch of 10,000 questions (`roast check` on a big file).
//!
//! Quick run: `cargo bench --bench phrasing` (the group below already uses a
//! 2 s measurement and 1 s warm-up; criterion's CLI flags still override).

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use roast::phrasing::Checker;

const FLAGGED: &str = "Why did you use a shared database for both services?";
const FLAGGED_WITHOUT_WHY: &str = "Wouldn't it be simpler to just buy a bigger machine?";
const CLEAN: &str = "How does the gateway decide which backend gets a request?";

/// Every line of the product examples and the tuning corpus, repeated up to `count`.
fn batch(count: usize) -> Vec<String> {
    let mut questions = Vec::new();
    for file in ["phrasing-examples.tsv", "phrasing-corpus/tune.tsv"] {
        let path = format!("{}/tests/data/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
        questions.extend(
            text.lines()
                .filter(|line| !line.starts_with('#'))
                .filter_map(|line| line.split_once('\t'))
                .map(|(_, question)| question.to_owned()),
        );
    }
    questions.iter().cycle().take(count).cloned().collect()
}

fn single_questions(c: &mut Criterion) {
    let checker = Checker::builtin();
    let mut group = c.benchmark_group("check one question");
    group.bench_function("flagged why-question (with rewrites)", |b| {
        b.iter(|| checker.check(black_box(FLAGGED)))
    });
    group.bench_function("flagged without why (with rewrites)", |b| {
        b.iter(|| checker.check(black_box(FLAGGED_WITHOUT_WHY)))
    });
    group.bench_function("clean question", |b| {
        b.iter(|| checker.check(black_box(CLEAN)))
    });
    group.finish();
}

fn ten_thousand_questions(c: &mut Criterion) {
    let checker = Checker::builtin();
    let questions = batch(10_000);
    let mut group = c.benchmark_group("check a batch");
    group.throughput(Throughput::Elements(questions.len() as u64));
    group.sample_size(10);
    group.bench_function("10,000 mixed questions", |b| {
        b.iter(|| {
            questions
                .iter()
                .filter(|question| checker.check(black_box(question)).is_flagged())
                .count()
        })
    });
    group.finish();
}

fn quick() -> Criterion {
    Criterion::default()
        .measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_secs(1))
        .configure_from_args()
}

criterion_group! {
    name = benches;
    config = quick();
    targets = single_questions, ten_thousand_questions
}
criterion_main!(benches);
