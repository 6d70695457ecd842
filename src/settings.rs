//! The user's preferences, kept in `<data dir>/settings.ron`: the theme and whether the
//! timer rings. A missing file means the defaults, written when the user changes a
//! setting. An unreadable one (corrupt, or from a newer roast) means the defaults in
//! memory only: the storage guard refuses to write over it, so a newer roast's settings
//! are never downgraded.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::FORMAT_VERSION;
use crate::storage::format::{self, FormatError};
use crate::storage::write_atomic;

pub const SETTINGS_FILE: &str = "settings.ron";

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[strum(serialize_all = "lowercase")]
pub enum ThemeName {
    /// High contrast for a washed-out projector: bright on black, everything bold.
    Projector,
    Dark,
    Light,
}

impl ThemeName {
    pub const ALL: &[ThemeName] = <ThemeName as strum::VariantArray>::VARIANTS;

    /// The name a user types (`--theme dark`) and reads.
    pub fn label(self) -> &'static str {
        self.into()
    }

    pub fn next(self) -> ThemeName {
        let i = Self::ALL.iter().position(|t| *t == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub version: u32,
    pub theme: ThemeName,
    /// Ring the terminal bell (and flash the timer) at five minutes left and at zero.
    #[serde(default = "yes")]
    pub bell: bool,
    /// Sync a shared series with the team each time a session is closed.
    #[serde(default)]
    pub sync_after_closing: bool,
    /// Ids of the series archived on this machine: finished, off the series list and
    /// `roast list` (`--all` shows them) until brought back. Nothing of theirs is moved
    /// or deleted; this is a view, kept here rather than in the series folder so that
    /// archiving never writes into a series someone may be running or syncing.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub archived: BTreeSet<String>,
}

fn yes() -> bool {
    true
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            version: FORMAT_VERSION,
            theme: ThemeName::Projector,
            bell: true,
            sync_after_closing: false,
            archived: BTreeSet::new(),
        }
    }
}

pub fn path(data_root: &Path) -> PathBuf {
    data_root.join(SETTINGS_FILE)
}

/// The settings, or the defaults with the reason they could not be read.
pub fn load(data_root: &Path) -> (Settings, Option<FormatError>) {
    let path = path(data_root);
    if !path.exists() {
        return (Settings::default(), None);
    }
    match format::read_ron_file(&path, Some(data_root)) {
        Ok(settings) => (settings, None),
        Err(e) => (Settings::default(), Some(e)),
    }
}

pub fn save(data_root: &Path, settings: &Settings) -> std::io::Result<()> {
    write_atomic(&path(data_root), format::to_pretty_ron(settings).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_settings_load_back_and_missing_ones_are_defaults() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(dir.path()), (Settings::default(), None));
        let s = Settings {
            theme: ThemeName::Light,
            bell: false,
            archived: ["payments-api".to_string()].into(),
            ..Settings::default()
        };
        save(dir.path(), &s).unwrap();
        assert_eq!(load(dir.path()), (s, None));
    }

    #[test]
    fn a_broken_settings_file_gives_defaults_and_says_why_without_touching_it() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(path(dir.path()), "(version: 1, theme: Neon)").unwrap();
        let (settings, error) = load(dir.path());
        assert_eq!(settings, Settings::default());
        assert!(error.unwrap().to_string().contains("settings.ron:1:"));
        assert_eq!(
            std::fs::read_to_string(path(dir.path())).unwrap(),
            "(version: 1, theme: Neon)"
        );
    }

    #[test]
    fn a_corrupt_or_newer_settings_file_is_used_in_memory_only_and_never_written() {
        for text in [
            "(version: 1, theme: Neon)",
            "(version: 7, theme: Dark, bell: false, chime: \"gong\")",
        ] {
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(path(dir.path()), text).unwrap();
            let (settings, error) = load(dir.path());
            assert!(error.is_some(), "{text}");
            let changed = Settings {
                theme: settings.theme.next(),
                ..settings
            };
            let refused = save(dir.path(), &changed).unwrap_err();
            assert!(
                refused.to_string().contains("not written over"),
                "{refused}"
            );
            assert_eq!(std::fs::read_to_string(path(dir.path())).unwrap(), text);
        }
    }

    #[test]
    fn themes_cycle() {
        assert_eq!(ThemeName::Light.next(), ThemeName::Projector);
    }
}
