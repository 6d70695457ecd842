//! When typing is handed to the saver: at once for a deliberate act (a saved note, a
//! closed session), and within half a second for text still being typed, so a `kill -9`
//! loses at most that much while keystrokes never wait for serialisation.

/// Typing is saved at most this long after it changed.
pub const AUTOSAVE_MS: i64 = 500;

#[derive(Debug, Clone, Copy)]
pub struct Autosave {
    dirty: bool,
    last_save_ms: i64,
}

impl Autosave {
    pub fn new(now_ms: i64) -> Self {
        Self {
            dirty: false,
            last_save_ms: now_ms,
        }
    }

    /// Something worth saving changed.
    pub fn changed(&mut self) {
        self.dirty = true;
    }

    /// Whether a tick at `now_ms` should save.
    pub fn is_due(&self, now_ms: i64) -> bool {
        self.dirty && now_ms - self.last_save_ms >= AUTOSAVE_MS
    }

    pub fn saved(&mut self, now_ms: i64) {
        self.dirty = false;
        self.last_save_ms = now_ms;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_half_a_second_after_the_last_save_and_only_when_changed() {
        let mut a = Autosave::new(1_000);
        assert!(!a.is_due(5_000), "nothing changed");
        a.changed();
        assert!(!a.is_due(1_499));
        assert!(a.is_due(1_500));
        a.saved(1_500);
        assert!(!a.is_due(9_000));
    }
}
