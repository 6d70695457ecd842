//! Deterministic example series for tests, benchmarks and demos: [`showcase`], a small
//! series that uses every feature of the summary, and [`large_series`], a big generated
//! one for speed tests. Both are fixed in time, so outputs made from them are stable.

use time::OffsetDateTime;
use time::macros::datetime;

use crate::agenda::{self, Agenda, DEFAULT_AGENDA};
use crate::backlog::{Backlog, ItemRef, LoadedBacklog};
use crate::model::{
    DEFAULT_MINUTES, FORMAT_VERSION, Note, NoteKind, Outcome, Participant, Role, Series, Session,
    TopicRef, session_id,
};
use crate::storage::{SeriesFolder, StorageError, format, write_atomic};
use crate::timer::TimerState;

/// A series with its sessions and votes, and the "now" it is seen at.
#[derive(Debug, Clone)]
pub struct Fixture {
    pub series: Series,
    pub sessions: Vec<Session>,
    pub backlog: Backlog,
    /// Milliseconds since the epoch: pass it as `now_ms` for stable outputs.
    pub now_ms: i64,
}

impl Fixture {
    /// Writes the series into `folder` the way the app does: `series.ron`, one file per
    /// session, one file per voted-on item.
    pub fn write_to(&self, folder: &SeriesFolder) -> Result<(), StorageError> {
        folder.create(&self.series)?;
        for s in &self.sessions {
            let path = folder.session_path(&s.id);
            write_atomic(&path, format::to_pretty_ron(s).as_bytes())
                .map_err(|e| StorageError::io(&path, e))?;
        }
        let loaded = LoadedBacklog {
            backlog: self.backlog.clone(),
            problems: Vec::new(),
        };
        for item in self.backlog.items() {
            loaded.save_item(folder, &item.key())?;
        }
        Ok(())
    }
}

fn ms(t: OffsetDateTime) -> i64 {
    i64::try_from(t.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

fn default_agenda() -> Agenda {
    agenda::builtin()
        .into_iter()
        .find(|a| a.agenda.id == DEFAULT_AGENDA)
        .map(|a| a.agenda)
        .expect("the default agenda is built in")
}

fn participants() -> Vec<Participant> {
    [
        ("Ana", Role::Moderator),
        ("Ben", Role::Scribe),
        ("Chen", Role::ServiceOwner),
        ("Dana", Role::Participant),
        ("Eli", Role::Participant),
    ]
    .into_iter()
    .map(|(name, role)| Participant {
        name: name.into(),
        role,
    })
    .collect()
}

/// A session that started at `started` and ran `minutes` of meeting time; closed with
/// `outcome` unless that is `None` (then its timer is still running up to `now`).
fn meeting(
    started: OffsetDateTime,
    topic: TopicRef,
    slug: &str,
    minutes: i64,
    outcome: Option<Outcome>,
) -> Session {
    let mut s = Session::new(
        session_id(started, slug),
        topic,
        started,
        DEFAULT_MINUTES,
        participants().into_iter().map(|p| p.name).collect(),
    );
    let start = ms(started);
    s.timer = TimerState::new(DEFAULT_MINUTES);
    s.timer.start(start);
    if outcome.is_some() {
        s.timer.pause(start + minutes * 60_000);
        s.closed = Some(started + time::Duration::minutes(minutes));
    }
    s.outcome = outcome;
    s
}

fn note(s: &mut Session, kind: NoteKind, text: &str, room_only: bool, minute: u32) -> u32 {
    let id = s.next_note_id();
    s.notes.push(Note {
        id,
        kind,
        text: text.into(),
        elapsed_secs: minute * 60,
        room_only,
        flagged: false,
        rephrased: false,
    });
    id
}

/// The "Payments API" roast, seen mid-way through its sixth session: completed, ran-over,
/// called-off and open sessions; an off-shoot taken up and one still parked; a room-only
/// off-shoot taken up later; room-only notes of several kinds (one an opportunity, which
/// still leaves); maturity ratings; agreed, split, top-five-only and unvoted items, with
/// owners and labels; and text with characters that each format must escape.
pub fn showcase() -> Fixture {
    let agenda = default_agenda();
    let series = Series {
        version: FORMAT_VERSION,
        id: "payments-api".into(),
        service: "Payments API".into(),
        agenda,
        participants: participants(),
        created: datetime!(2026-02-23 09:00 UTC),
    };
    let agenda_topic = |id: &str| TopicRef::Agenda(id.into());

    let mut s1 = meeting(
        datetime!(2026-03-02 10:00 UTC),
        agenda_topic("service-overview"),
        "service-overview",
        45,
        Some(Outcome::Completed),
    );
    note(
        &mut s1,
        NoteKind::Learning,
        "Checkout calls the ledger synchronously on every payment.",
        false,
        4,
    );
    let idempotency = note(
        &mut s1,
        NoteKind::Opportunity,
        "Add idempotency keys to the payment webhook\nRetries from the PSP create duplicate charges about twice a month.",
        false,
        9,
    );
    let warm_up = note(
        &mut s1,
        NoteKind::OffShoot,
        "Cache warm-up after deploys",
        false,
        15,
    );
    note(
        &mut s1,
        NoteKind::Note,
        "ROOM-ONLY: Chen says the March outage was a typo in the config.",
        true,
        18,
    );
    note(
        &mut s1,
        NoteKind::Learning,
        "ROOM-ONLY: the vendor contract caps us at 200 rps.",
        true,
        22,
    );
    let password = note(
        &mut s1,
        NoteKind::Opportunity,
        "Rotate the shared admin password and move it to the vault",
        true,
        30,
    );
    note(
        &mut s1,
        NoteKind::Question,
        "How does the ledger handle a partial failure?",
        false,
        33,
    );
    s1.summary =
        "The team knows the webhook path best; the ledger is the riskiest dependency.".into();
    s1.maturity = Some(3);
    s1.next_topic = Some(agenda_topic("architecture-dependencies"));

    let mut s2 = meeting(
        datetime!(2026-03-09 10:00 UTC),
        agenda_topic("architecture-dependencies"),
        "architecture-dependencies",
        62,
        Some(Outcome::RanOver),
    );
    note(
        &mut s2,
        NoteKind::Learning,
        "Three services share one Postgres cluster | no per-service connection limits.",
        false,
        6,
    );
    let limits = note(
        &mut s2,
        NoteKind::Opportunity,
        "- Set per-service connection limits (pool size ≤ 50, \"hard\" cap)",
        false,
        12,
    );
    let runbook = note(
        &mut s2,
        NoteKind::Opportunity,
        "<b>Document</b> the ledger failover # runbook, *with* the [DNS] steps",
        false,
        20,
    );
    let vendor = note(
        &mut s2,
        NoteKind::OffShoot,
        "ROOM-ONLY: Vendor X's contract terms",
        true,
        31,
    );
    note(
        &mut s2,
        NoteKind::OffShoot,
        "DNS failover between regions",
        false,
        40,
    );
    s2.summary = "Dependencies are mostly known; connection limits are the gap.\nThe meeting ran over: 62 minutes.".into();
    s2.maturity = Some(2);

    let mut s3 = meeting(
        datetime!(2026-03-16 10:00 UTC),
        TopicRef::OffShoot {
            session: s1.id.clone(),
            note: warm_up,
            title: "Cache warm-up after deploys".into(),
        },
        "cache-warm-up",
        44,
        Some(Outcome::Completed),
    );
    note(
        &mut s3,
        NoteKind::Learning,
        "Warm-up takes 7 minutes; traffic shifts after 2.",
        false,
        10,
    );
    let gate = note(
        &mut s3,
        NoteKind::Opportunity,
        "Gate the traffic shift on the cache hit ratio",
        false,
        25,
    );
    s3.summary = "Deploys shift traffic before the cache is warm.".into();
    s3.maturity = Some(4);
    s3.next_topic = Some(agenda_topic("development-process"));

    let mut s4 = meeting(
        datetime!(2026-03-23 10:00 UTC),
        TopicRef::OffShoot {
            session: s2.id.clone(),
            note: vendor,
            title: "ROOM-ONLY: Vendor X's contract terms".into(),
        },
        "vendor-x-contract-terms",
        20,
        Some(Outcome::CalledOff {
            reason: "The discussion turned to blame; resume with the vendor's SRE present.".into(),
        }),
    );
    note(&mut s4, NoteKind::Note, "Paused at 20 minutes.", false, 20);

    let mut s5 = meeting(
        datetime!(2026-04-13 10:00 UTC),
        agenda_topic("development-process"),
        "development-process",
        45,
        Some(Outcome::Completed),
    );
    note(
        &mut s5,
        NoteKind::Learning,
        "Builds take 25 minutes.\nMost of it is the integration suite.",
        false,
        5,
    );
    note(
        &mut s5,
        NoteKind::Opportunity,
        "@channel: flaky integration tests block merges\n\nTwo of five builds fail, then pass on retry.",
        false,
        14,
    );
    s5.summary = "Fast to change, slow to verify.".into();
    s5.maturity = Some(1);
    s5.next_topic = Some(agenda_topic("monitoring-logging-diagnostics"));

    // The session under way when the export is made: its timer is still running.
    let mut s6 = meeting(
        datetime!(2026-04-20 10:00 UTC),
        agenda_topic("monitoring-logging-diagnostics"),
        "monitoring",
        0,
        None,
    );
    note(
        &mut s6,
        NoteKind::Learning,
        "Alerts page on CPU, not on user-facing errors.",
        false,
        8,
    );
    note(
        &mut s6,
        NoteKind::Opportunity,
        "Page on the checkout error rate instead of CPU",
        false,
        17,
    );
    note(
        &mut s6,
        NoteKind::OffShoot,
        "Log retention costs",
        false,
        24,
    );
    note(
        &mut s6,
        NoteKind::Learning,
        "ROOM-ONLY: nobody reads the weekly report.",
        true,
        27,
    );

    let mut backlog = Backlog::new();
    let vote = |b: &mut Backlog, session: &Session, note: u32, scores: &[(&str, u8)]| {
        let key = ItemRef::new(session.id.clone(), note);
        for (voter, value) in scores {
            b.record_score(&key, voter, *value)
                .expect("fixture scores are valid");
        }
        key
    };
    let pick = |b: &mut Backlog, key: &ItemRef, voters: &[&str]| {
        for v in voters {
            b.toggle_top_five(key, v)
                .expect("fixture picks are within five");
        }
    };
    let k = vote(
        &mut backlog,
        &s1,
        idempotency,
        &[("Ana", 5), ("Ben", 4), ("Chen", 5), ("Dana", 4), ("Eli", 3)],
    );
    pick(&mut backlog, &k, &["Ana", "Ben", "Dana"]);
    backlog.set_owner(&k, Some("Chen"));
    backlog.set_labels(&k, ["payments", "reliability"]);
    vote(
        &mut backlog,
        &s1,
        password,
        &[("Ana", 5), ("Chen", 5), ("Eli", 4)],
    );
    let k = vote(
        &mut backlog,
        &s2,
        limits,
        &[("Ana", 2), ("Ben", 3), ("Dana", 4), ("Eli", 1)],
    );
    pick(&mut backlog, &k, &["Eli"]);
    backlog.set_labels(&k, ["database"]);
    let k = vote(
        &mut backlog,
        &s2,
        runbook,
        &[("Ana", 4), ("Ben", 4), ("Chen", 2), ("Dana", 2)],
    );
    backlog.set_owner(&k, Some("Dana"));
    let k = ItemRef::new(s3.id.clone(), gate);
    pick(&mut backlog, &k, &["Ana", "Chen"]);

    Fixture {
        series,
        sessions: vec![s1, s2, s3, s4, s5, s6],
        backlog,
        now_ms: ms(datetime!(2026-04-20 10:30 UTC)),
    }
}

/// A small deterministic generator (64-bit LCG): the same series on every machine.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const WORDS: &[&str] = &[
    "the",
    "ledger",
    "retries",
    "queue",
    "deploy",
    "cache",
    "timeout",
    "alert",
    "runbook",
    "pool",
    "replica",
    "failover",
    "region",
    "latency",
    "budget",
    "error",
    "rate",
    "page",
    "on-call",
    "config",
    "secret",
    "vault",
    "webhook",
    "schema",
    "migration",
    "backfill",
    "canary",
    "rollback",
    "quota",
    "limit",
    "shard",
    "index",
    "lock",
    "batch",
    "cron",
    "job",
    "token",
    "session",
    "gateway",
    "DNS",
    "TLS",
    "certificate",
    "disk",
    "memory",
    "CPU",
    "thread",
    "connection",
    "client",
    "vendor",
    "contract",
    "SLO",
    "dashboard",
    "log",
    "trace",
    "metric",
    "sample",
    "a",
    "of",
    "for",
    "when",
    "after",
    "before",
    "is",
    "slow",
    "flaky",
    "manual",
    "undocumented",
    "shared",
    "single",
    "point",
    "failure",
];

/// Sprinkled into some notes so the large series exercises every escaping path.
const AWKWARD: &[&str] = &[
    "|",
    "<b>",
    "\"quoted\"",
    "a,b",
    "*x*",
    "&",
    "# not a heading",
];

fn sentence(rng: &mut Lcg) -> String {
    let len = 8 + rng.below(22) as usize;
    let mut words: Vec<&str> = (0..len)
        .map(|_| WORDS[rng.below(WORDS.len() as u64) as usize])
        .collect();
    if rng.below(10) == 0 {
        words.push(AWKWARD[rng.below(AWKWARD.len() as u64) as usize]);
    }
    let mut text = words.join(" ");
    if rng.below(25) == 0 {
        text.insert(0, '=');
    }
    if rng.below(12) == 0 {
        text.push_str("\nA second line with more detail.");
    }
    text
}

/// `sessions` weekly sessions of `notes_per_session` notes each, on the default agenda,
/// with off-shoots taken up, every kind of outcome (the last session still open), about
/// 5% room-only notes, about 20% opportunities, half of them scored by five participants,
/// owners, labels and full top-five picks. Deterministic: the same arguments give the
/// same series.
pub fn large_series(sessions: usize, notes_per_session: usize) -> Fixture {
    let mut rng = Lcg(0x5EED_0004);
    let agenda = default_agenda();
    let start = datetime!(2020-01-06 10:00 UTC);
    let voters: Vec<String> = participants().into_iter().map(|p| p.name).collect();
    let mut list: Vec<Session> = Vec::with_capacity(sessions);
    let mut backlog = Backlog::new();
    let mut opportunities: Vec<ItemRef> = Vec::new();
    for i in 0..sessions {
        let started = start + time::Duration::days(7 * i as i64);
        let last = i + 1 == sessions;
        let previous_offshoot = list.last().and_then(|p: &Session| {
            p.notes
                .iter()
                .find(|n| n.kind == NoteKind::OffShoot)
                .map(|n| TopicRef::OffShoot {
                    session: p.id.clone(),
                    note: n.id,
                    title: n.text.lines().next().unwrap_or("").to_string(),
                })
        });
        let (topic, slug) = match previous_offshoot {
            Some(t) if i % 7 == 3 => (t, "off-shoot".to_string()),
            _ => {
                let t = &agenda.topics[i % agenda.topics.len()];
                (TopicRef::Agenda(t.id.clone()), t.id.clone())
            }
        };
        let outcome = if last {
            None
        } else if i % 13 == 5 {
            Some(Outcome::CalledOff {
                reason: "The room needed a break.".into(),
            })
        } else if i % 9 == 4 {
            Some(Outcome::RanOver)
        } else {
            Some(Outcome::Completed)
        };
        let minutes = 30 + rng.below(35) as i64;
        let mut s = meeting(started, topic, &slug, minutes, outcome);
        for n in 0..notes_per_session {
            let kind = match rng.below(20) {
                0..=4 => NoteKind::Note,
                5..=9 => NoteKind::Learning,
                10..=13 => NoteKind::Opportunity,
                14 => NoteKind::OffShoot,
                _ => NoteKind::Question,
            };
            let minute = u32::try_from(n * 45 / notes_per_session.max(1)).unwrap_or(0);
            let room_only = rng.below(20) == 0;
            let text = sentence(&mut rng);
            let id = note(&mut s, kind, &text, room_only, minute);
            if kind == NoteKind::Opportunity {
                let key = ItemRef::new(s.id.clone(), id);
                if rng.below(2) == 0 {
                    for voter in &voters {
                        let value = u8::try_from(rng.below(6)).unwrap_or(0);
                        let _ = backlog.record_score(&key, voter, value);
                    }
                }
                if rng.below(3) == 0 {
                    backlog.set_owner(&key, Some(voters[rng.below(5) as usize].as_str()));
                    backlog.set_labels(&key, ["reliability", WORDS[rng.below(20) as usize]]);
                }
                opportunities.push(key);
            }
        }
        s.summary = sentence(&mut rng);
        s.maturity = (rng.below(4) != 0).then(|| u8::try_from(rng.below(6)).unwrap_or(0));
        list.push(s);
    }
    for voter in &voters {
        for _ in 0..crate::backlog::TOP_FIVE {
            if opportunities.is_empty() {
                break;
            }
            let key = &opportunities[rng.below(opportunities.len() as u64) as usize];
            if !backlog.get(key).is_some_and(|i| i.picked_by(voter)) {
                let _ = backlog.toggle_top_five(key, voter);
            }
        }
    }
    let now = start
        + time::Duration::days(7 * sessions.saturating_sub(1) as i64)
        + time::Duration::minutes(20);
    Fixture {
        series: Series {
            version: FORMAT_VERSION,
            id: "large-service".into(),
            service: "Large Service".into(),
            agenda,
            participants: participants(),
            created: start - time::Duration::days(7),
        },
        sessions: list,
        backlog,
        now_ms: ms(now),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_series_is_deterministic_and_sized_as_asked() {
        let a = large_series(20, 50);
        let b = large_series(20, 50);
        assert_eq!(a.sessions, b.sessions);
        assert_eq!(a.backlog, b.backlog);
        assert_eq!(a.sessions.len(), 20);
        assert!(a.sessions.iter().all(|s| s.notes.len() == 50));
        assert!(
            !a.sessions.last().unwrap().is_closed(),
            "the last one is open"
        );
        assert!(
            a.sessions
                .iter()
                .any(|s| matches!(s.topic, TopicRef::OffShoot { .. }))
        );
        for voter in ["Ana", "Ben", "Chen", "Dana", "Eli"] {
            assert!(a.backlog.picks_of(voter).len() <= crate::backlog::TOP_FIVE);
        }
    }

    #[test]
    fn the_showcase_has_an_open_session_and_room_only_notes() {
        let f = showcase();
        assert!(f.sessions.iter().any(|s| !s.is_closed()));
        assert!(
            f.sessions
                .iter()
                .flat_map(|s| &s.notes)
                .any(|n| n.room_only)
        );
    }
}
