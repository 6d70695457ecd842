//! The verdict on a question while it is typed, worked out off the keystroke path.
//!
//! A keystroke only hands the text over ([`LiveCheck::ask`]); a worker thread
//! checks the newest text it was given, skipping any that were overtaken
//! meanwhile, and the app picks the verdict up when it next looks
//! ([`LiveCheck::collect`], on its tick). So typing never waits for the
//! checker: not for the rules to compile after start-up, not for a long paste.
//! Until the new verdict is in, the last one stays on screen.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

use super::{Checker, Verdict};

type CheckFn = Arc<dyn Fn(&str) -> Verdict + Send + Sync>;

/// The checker's verdict on the text most recently handed over.
pub struct LiveCheck {
    check: CheckFn,
    /// How many texts have been handed over; the newest is number `asked`.
    asked: u64,
    /// The number of the text `verdict` is for.
    answered: u64,
    verdict: Option<Verdict>,
    /// Started with the first text to check.
    worker: Option<Worker>,
}

struct Worker {
    texts: Sender<(u64, String)>,
    verdicts: Receiver<(u64, Verdict)>,
}

impl Default for LiveCheck {
    fn default() -> Self {
        LiveCheck::new()
    }
}

impl LiveCheck {
    /// Checks with the installed checker ([`Checker::current`]).
    pub fn new() -> LiveCheck {
        LiveCheck::with(|text| Checker::current().check(text))
    }

    /// Checks with `check` (tests hand in a slow one).
    pub fn with(check: impl Fn(&str) -> Verdict + Send + Sync + 'static) -> LiveCheck {
        LiveCheck {
            check: Arc::new(check),
            asked: 0,
            answered: 0,
            verdict: None,
            worker: None,
        }
    }

    /// A new one with the same checker and nothing asked yet: the next text goes
    /// to it while this one finishes the text it was given.
    pub fn fresh(&self) -> LiveCheck {
        LiveCheck {
            check: Arc::clone(&self.check),
            asked: 0,
            answered: 0,
            verdict: None,
            worker: None,
        }
    }

    /// Hands `text` over to be checked, and returns at once. A blank text has no
    /// verdict, straight away.
    pub fn ask(&mut self, text: &str) {
        self.asked += 1;
        if text.trim().is_empty() {
            self.answer(self.asked, None);
            return;
        }
        let worker = self.worker.get_or_insert_with(|| spawn(&self.check));
        if worker.texts.send((self.asked, text.to_owned())).is_ok() {
            return;
        }
        // The worker is gone (no thread, or it panicked): check here rather than
        // show nothing; the next text gets a new worker.
        self.worker = None;
        let verdict = (self.check)(text);
        self.answer(self.asked, Some(verdict));
    }

    /// No verdict any more (the text is no longer a question), at once.
    pub fn clear(&mut self) {
        self.asked += 1;
        self.answer(self.asked, None);
    }

    /// Takes in the verdicts the worker has finished, without waiting; true when
    /// the verdict changed.
    pub fn collect(&mut self) -> bool {
        let mut changed = false;
        while let Some(worker) = &self.worker {
            match worker.verdicts.try_recv() {
                Ok((number, verdict)) => changed |= self.answer(number, Some(verdict)),
                Err(mpsc::TryRecvError::Empty) => break,
                // It panicked: nothing more will come from it.
                Err(mpsc::TryRecvError::Disconnected) => self.worker = None,
            }
        }
        changed
    }

    /// The verdict on the newest text, waiting for the worker if it is not in yet:
    /// for saving a note, whose flag must be the checker's word on its final text.
    pub fn settle(&mut self) -> Option<&Verdict> {
        while self.is_pending() {
            let received = self.worker.as_ref().map(|worker| worker.verdicts.recv());
            match received {
                Some(Ok((number, verdict))) => {
                    self.answer(number, Some(verdict));
                }
                // The worker is gone: nothing more will come.
                Some(Err(_)) | None => self.worker = None,
            }
        }
        self.verdict()
    }

    /// The newest verdict in (possibly on an earlier text, see [`is_pending`](Self::is_pending)).
    pub fn verdict(&self) -> Option<&Verdict> {
        self.verdict.as_ref()
    }

    /// Whether the newest text's verdict is still being worked out.
    pub fn is_pending(&self) -> bool {
        self.answered < self.asked && self.worker.is_some()
    }

    /// Keeps `verdict` if it is newer than the one held; true when it was.
    fn answer(&mut self, number: u64, verdict: Option<Verdict>) -> bool {
        if number <= self.answered {
            return false;
        }
        self.answered = number;
        let changed = self.verdict != verdict;
        self.verdict = verdict;
        changed
    }
}

/// The worker: checks the newest text waiting, drops the ones it overtook, and
/// ends when its [`LiveCheck`] is dropped.
fn spawn(check: &CheckFn) -> Worker {
    let (texts, inbox) = mpsc::channel::<(u64, String)>();
    let (outbox, verdicts) = mpsc::channel();
    let check = Arc::clone(check);
    let started = std::thread::Builder::new()
        .name("roast-checker".into())
        .spawn(move || {
            while let Ok(mut job) = inbox.recv() {
                while let Ok(newer) = inbox.try_recv() {
                    job = newer;
                }
                let verdict = check(&job.1);
                if outbox.send((job.0, verdict)).is_err() {
                    break;
                }
            }
        });
    // Without a thread (the system refused one) the channel's other end is
    // dropped, the first send fails and `ask` checks in place.
    drop(started);
    Worker { texts, verdicts }
}

impl std::fmt::Debug for LiveCheck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LiveCheck")
            .field("asked", &self.asked)
            .field("answered", &self.answered)
            .field("verdict", &self.verdict)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    use super::*;

    fn flagged_if_why(text: &str) -> Verdict {
        Checker::builtin().check(if text.contains("why") {
            "Why is the cache cold?"
        } else {
            "How is the cache warmed?"
        })
    }

    /// A checker that does not answer until the test lets it (or 10 s pass),
    /// and counts the texts it checked.
    struct Gate {
        open: Mutex<Option<mpsc::Receiver<()>>>,
        checked: AtomicUsize,
        timed_out: AtomicUsize,
    }

    #[test]
    fn handing_text_over_never_waits_for_the_checker() {
        let (release, held) = mpsc::channel();
        let gate = Arc::new(Gate {
            open: Mutex::new(Some(held)),
            checked: AtomicUsize::new(0),
            timed_out: AtomicUsize::new(0),
        });
        let seen = Arc::clone(&gate);
        let mut live = LiveCheck::with(move |text| {
            let held = seen.open.lock().unwrap().take();
            if held.is_some_and(|held| held.recv_timeout(Duration::from_secs(10)).is_err()) {
                seen.timed_out.fetch_add(1, Ordering::SeqCst);
            }
            seen.checked.fetch_add(1, Ordering::SeqCst);
            flagged_if_why(text)
        });
        // A hundred keystrokes while the checker is stuck on the first one.
        let mut typed = String::new();
        for c in "so why is the cache cold on mondays?"
            .chars()
            .cycle()
            .take(100)
        {
            typed.push(c);
            live.ask(&typed);
        }
        assert!(live.is_pending());
        assert_eq!(live.verdict(), None, "nothing is in yet");
        release.send(()).unwrap();
        let verdict = live.settle().cloned().expect("a verdict on the last text");
        assert_eq!(
            gate.timed_out.load(Ordering::SeqCst),
            0,
            "typing waited for the checker"
        );
        assert!(verdict.is_flagged());
        assert!(!live.is_pending());
        assert!(
            gate.checked.load(Ordering::SeqCst) <= 3,
            "texts overtaken while the checker was busy are skipped, {} checked",
            gate.checked.load(Ordering::SeqCst)
        );
    }

    #[test]
    fn the_verdict_arrives_for_the_newest_text_and_a_blank_text_clears_it_at_once() {
        let mut live = LiveCheck::with(flagged_if_why);
        live.ask("why is it cold");
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while !live.collect() {
            assert!(std::time::Instant::now() < deadline, "no verdict came");
            std::thread::sleep(Duration::from_millis(1));
        }
        assert!(live.verdict().unwrap().is_flagged());
        live.ask("how is it warmed");
        assert!(!live.settle().unwrap().is_flagged());
        live.ask("   ");
        assert_eq!(live.verdict(), None);
        assert!(!live.is_pending());
        live.ask("why again");
        live.clear();
        assert_eq!(
            live.settle(),
            None,
            "a verdict overtaken by a clear is dropped"
        );
    }

    #[test]
    fn the_worker_ends_with_its_live_check() {
        let mut live = LiveCheck::new();
        live.ask("Why is the cache cold?");
        assert!(live.settle().unwrap().is_flagged());
        let worker = live.worker.take().unwrap();
        let Worker { texts, verdicts } = worker;
        drop(texts);
        // The worker's loop ends when its inbox closes, dropping its outbox.
        assert!(verdicts.recv_timeout(Duration::from_secs(10)).is_err());
    }
}
