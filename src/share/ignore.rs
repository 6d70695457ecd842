//! The series repository's `.gitignore`: what git must never take from this machine.

use std::path::Path;

use crate::storage::room_only::ROOM_ONLY_DIR;
use crate::storage::write_atomic;

pub const GITIGNORE: &str = ".gitignore";

/// The lines roast needs; a user's own lines in the file are kept.
pub fn required_lines() -> Vec<String> {
    vec![
        // Room-only notes: pushing is leaving the room.
        format!("/{ROOM_ONLY_DIR}/"),
        // The writer's lock, temporary files of a save in progress, and any other
        // machine-local dot-file (caches, digests) roast keeps in the folder.
        ".*".to_string(),
        "!/.gitignore".to_string(),
    ]
}

/// Makes sure `.gitignore` holds every required line, adding the missing ones at the end.
/// Returns whether the file changed.
pub fn ensure(series_dir: &Path) -> std::io::Result<bool> {
    let path = series_dir.join(GITIGNORE);
    let current = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e),
    };
    let present: Vec<&str> = current.lines().map(str::trim).collect();
    let missing: Vec<String> = required_lines()
        .into_iter()
        .filter(|l| !present.contains(&l.as_str()))
        .collect();
    if missing.is_empty() {
        return Ok(false);
    }
    let mut text = current.clone();
    if text.is_empty() {
        text.push_str("# Written by roast: what never leaves this machine.\n");
    } else if !text.ends_with('\n') {
        text.push('\n');
    }
    for line in missing {
        text.push_str(&line);
        text.push('\n');
    }
    write_atomic(&path, text.as_bytes())?;
    Ok(true)
}
