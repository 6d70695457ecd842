//! The meeting timer: counts down from the planned minutes, turns amber in the last five,
//! red and counting up after zero, and warns once the meeting passes an hour.
//!
//! The state is plain data saved with the session; all arithmetic takes `now` from the
//! caller's clock, so a restarted app resumes exactly where the meeting is.

use serde::{Deserialize, Serialize};

/// Amber from this many seconds left.
pub const AMBER_SECS: i64 = 5 * 60;
/// "More than 1 hour is too long": the warning threshold, in elapsed seconds.
pub const OVER_AN_HOUR_SECS: i64 = 60 * 60;
/// What the "add time" key adds.
pub const ADD_SECS: u32 = 5 * 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimerState {
    pub planned_secs: u32,
    /// Time added during the meeting with the "+5 min" key.
    #[serde(default)]
    pub added_secs: u32,
    /// Running time accumulated before the current run, in milliseconds.
    #[serde(default)]
    pub banked_ms: i64,
    /// Wall-clock ms when the current run started; `None` while paused or not started.
    #[serde(default)]
    pub running_since_ms: Option<i64>,
}

/// How the timer should look right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Never started.
    Ready,
    /// More than five minutes left.
    OnTrack,
    /// Five minutes or less left.
    Amber,
    /// Past zero: counting overtime.
    Overtime,
    /// The meeting has run longer than an hour in total.
    OverAnHour,
}

impl TimerState {
    pub fn new(minutes: u32) -> Self {
        Self {
            planned_secs: minutes.saturating_mul(60),
            added_secs: 0,
            banked_ms: 0,
            running_since_ms: None,
        }
    }

    pub fn is_running(&self) -> bool {
        self.running_since_ms.is_some()
    }

    pub fn has_started(&self) -> bool {
        self.is_running() || self.banked_ms > 0
    }

    /// Start, or resume after a pause.
    pub fn start(&mut self, now_ms: i64) {
        if self.running_since_ms.is_none() {
            self.running_since_ms = Some(now_ms);
        }
    }

    pub fn pause(&mut self, now_ms: i64) {
        if let Some(since) = self.running_since_ms.take() {
            self.banked_ms += (now_ms - since).max(0);
        }
    }

    pub fn toggle(&mut self, now_ms: i64) {
        if self.is_running() {
            self.pause(now_ms);
        } else {
            self.start(now_ms);
        }
    }

    pub fn add_time(&mut self) {
        self.added_secs = self.added_secs.saturating_add(ADD_SECS);
    }

    /// Meeting time so far. A clock that jumps backwards never makes it shrink below what
    /// was banked.
    pub fn elapsed_ms(&self, now_ms: i64) -> i64 {
        let running = self
            .running_since_ms
            .map_or(0, |since| (now_ms - since).max(0));
        self.banked_ms + running
    }

    pub fn elapsed_secs(&self, now_ms: i64) -> i64 {
        self.elapsed_ms(now_ms) / 1000
    }

    pub fn total_secs(&self) -> i64 {
        i64::from(self.planned_secs) + i64::from(self.added_secs)
    }

    /// Seconds left; negative once in overtime.
    pub fn remaining_secs(&self, now_ms: i64) -> i64 {
        // Count down in whole seconds, rounding the elapsed part down, so the display
        // shows 45:00 at start and reaches 00:00 exactly when the time is up.
        self.total_secs() - self.elapsed_secs(now_ms)
    }

    pub fn phase(&self, now_ms: i64) -> Phase {
        if !self.has_started() {
            return Phase::Ready;
        }
        let remaining = self.remaining_secs(now_ms);
        if self.elapsed_secs(now_ms) >= OVER_AN_HOUR_SECS {
            Phase::OverAnHour
        } else if remaining <= 0 {
            Phase::Overtime
        } else if remaining <= AMBER_SECS {
            Phase::Amber
        } else {
            Phase::OnTrack
        }
    }

    /// "45:00" counting down, "+03:12" in overtime; hours appear when needed.
    pub fn display(&self, now_ms: i64) -> String {
        let remaining = self.remaining_secs(now_ms);
        if remaining >= 0 {
            clock_face(remaining)
        } else {
            format!("+{}", clock_face(-remaining))
        }
    }
}

/// mm:ss, or h:mm:ss past an hour.
pub fn clock_face(secs: i64) -> String {
    let (h, m, s) = (secs / 3600, (secs % 3600) / 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::{Clock, FakeClock};

    const MIN: i64 = 60;

    fn started(clock: &FakeClock) -> TimerState {
        let mut t = TimerState::new(45);
        t.start(clock.now_ms());
        t
    }

    #[test]
    fn a_new_timer_shows_the_planned_minutes_and_is_ready() {
        let t = TimerState::new(45);
        assert_eq!(t.display(0), "45:00");
        assert_eq!(t.phase(0), Phase::Ready);
        assert!(!t.is_running());
    }

    #[test]
    fn counts_down_while_running() {
        let clock = FakeClock::at(1_000_000);
        let t = started(&clock);
        clock.advance_secs(61);
        assert_eq!(t.display(clock.now_ms()), "43:59");
        assert_eq!(t.phase(clock.now_ms()), Phase::OnTrack);
    }

    #[test]
    fn pause_freezes_and_resume_continues() {
        let clock = FakeClock::at(0);
        let mut t = started(&clock);
        clock.advance_secs(10 * MIN);
        t.pause(clock.now_ms());
        clock.advance_secs(30 * MIN);
        assert_eq!(
            t.display(clock.now_ms()),
            "35:00",
            "paused time must not count"
        );
        t.start(clock.now_ms());
        clock.advance_secs(5 * MIN);
        assert_eq!(t.display(clock.now_ms()), "30:00");
    }

    #[test]
    fn toggle_alternates_start_and_pause() {
        let clock = FakeClock::at(0);
        let mut t = TimerState::new(45);
        t.toggle(clock.now_ms());
        assert!(t.is_running());
        clock.advance_secs(3);
        t.toggle(clock.now_ms());
        assert!(!t.is_running());
        assert_eq!(t.elapsed_secs(clock.now_ms()), 3);
    }

    #[test]
    fn add_time_extends_the_countdown_by_five_minutes() {
        let clock = FakeClock::at(0);
        let mut t = started(&clock);
        clock.advance_secs(44 * MIN);
        assert_eq!(t.phase(clock.now_ms()), Phase::Amber);
        t.add_time();
        assert_eq!(t.display(clock.now_ms()), "06:00");
        assert_eq!(t.phase(clock.now_ms()), Phase::OnTrack);
    }

    #[test]
    fn amber_in_the_last_five_minutes() {
        let clock = FakeClock::at(0);
        let t = started(&clock);
        clock.advance_secs(40 * MIN - 1);
        assert_eq!(t.phase(clock.now_ms()), Phase::OnTrack);
        clock.advance_secs(1);
        assert_eq!(t.phase(clock.now_ms()), Phase::Amber);
    }

    #[test]
    fn overtime_counts_up_after_zero() {
        let clock = FakeClock::at(0);
        let t = started(&clock);
        clock.advance_secs(45 * MIN);
        assert_eq!(t.display(clock.now_ms()), "00:00");
        assert_eq!(t.phase(clock.now_ms()), Phase::Overtime);
        clock.advance_secs(3 * MIN + 12);
        assert_eq!(t.display(clock.now_ms()), "+03:12");
    }

    #[test]
    fn warns_over_an_hour_of_meeting_time() {
        let clock = FakeClock::at(0);
        let t = started(&clock);
        clock.advance_secs(60 * MIN - 1);
        assert_eq!(t.phase(clock.now_ms()), Phase::Overtime);
        clock.advance_secs(1);
        assert_eq!(t.phase(clock.now_ms()), Phase::OverAnHour);
        assert_eq!(t.display(clock.now_ms()), "+15:00");
    }

    #[test]
    fn a_reloaded_running_timer_resumes_from_wall_clock() {
        let clock = FakeClock::at(5_000);
        let t = started(&clock);
        clock.advance_secs(7 * MIN);
        let saved = ron::to_string(&t).unwrap();
        // The app was killed; a new process loads the state two minutes later.
        clock.advance_secs(2 * MIN);
        let reloaded: TimerState = ron::from_str(&saved).unwrap();
        assert_eq!(reloaded.display(clock.now_ms()), "36:00");
        assert!(reloaded.is_running());
    }

    #[test]
    fn a_reloaded_paused_timer_stays_paused() {
        let clock = FakeClock::at(0);
        let mut t = started(&clock);
        clock.advance_secs(MIN);
        t.pause(clock.now_ms());
        let reloaded: TimerState = ron::from_str(&ron::to_string(&t).unwrap()).unwrap();
        clock.advance_secs(10 * MIN);
        assert_eq!(reloaded.display(clock.now_ms()), "44:00");
    }

    #[test]
    fn a_clock_that_jumps_back_never_runs_the_timer_backwards() {
        let clock = FakeClock::at(100_000);
        let t = started(&clock);
        clock.advance_secs(-50);
        assert_eq!(t.elapsed_ms(clock.now_ms()), 0);
    }

    #[test]
    fn custom_minutes() {
        assert_eq!(TimerState::new(30).display(0), "30:00");
        assert_eq!(TimerState::new(90).display(0), "1:30:00");
    }
}
