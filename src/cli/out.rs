//! What the commands print: standard output that a closed pipe (`roast summary X | head`)
//! ends quietly, and one-line messages made safe for a terminal, since file names and
//! file contents come from a shared folder and could carry escape sequences.

use std::io::Write as _;

use crate::safe_text::terminal_safe;

/// Writes `text` to standard output; a closed pipe comes back as an error that
/// [`is_broken_pipe`] recognises.
pub(super) fn print(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// One line on standard error, terminal-safe; a closed standard error is no reason to stop.
pub(super) fn note(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{}", terminal_safe(line));
}

/// Whether the command stopped because whoever read its output went away.
pub(super) fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
