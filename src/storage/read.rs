//! Reading a file we did not write ourselves, safely: a data folder is shared (git, a
//! synced folder), so anything can turn up in it.
//!
//! - only regular files are read: a FIFO would block the reader forever and a device
//!   (`/dev/zero`) never ends, so the file is opened without blocking and checked before a
//!   byte is read;
//! - a symbolic link is followed only while its target stays inside the data folder;
//! - a file over [`MAX_FILE_BYTES`] is refused by name instead of filling memory.
//!
//! Every refusal is a [`FormatError`] naming the file, and the file is left untouched.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::storage::format::FormatError;

/// No file roast writes comes near this (a 10-hour series is a few hundred KB); a file
/// this big is not ours.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The text of the file at `path`. `confine` is the data folder: a link whose target lies
/// outside it is refused (`None` for a file the user named on the command line).
pub fn read_text(path: &Path, confine: Option<&Path>) -> Result<String, FormatError> {
    read_text_stamped(path, confine).map(|(text, _)| text)
}

/// As [`read_text`], with the file's metadata as it was just before its bytes were read
/// (a stamp taken then can only be older than the text, never newer: a change made
/// during the read changes the stamp the next look sees).
pub fn read_text_stamped(
    path: &Path,
    confine: Option<&Path>,
) -> Result<(String, std::fs::Metadata), FormatError> {
    let (bytes, meta) = read_bytes_stamped(path, confine)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        FormatError::invalid(
            path,
            format!(
                "not text (invalid UTF-8 at byte {}); is this a roast file?",
                e.utf8_error().valid_up_to()
            ),
        )
    })?;
    Ok((text, meta))
}

/// The bytes of the file at `path`, under the rules of this module.
pub fn read_bytes(path: &Path, confine: Option<&Path>) -> Result<Vec<u8>, FormatError> {
    read_bytes_stamped(path, confine).map(|(bytes, _)| bytes)
}

fn read_bytes_stamped(
    path: &Path,
    confine: Option<&Path>,
) -> Result<(Vec<u8>, std::fs::Metadata), FormatError> {
    super::guard::read();
    let file = open_checked(path, confine)?;
    let meta = file.metadata().map_err(|e| FormatError::io(path, &e))?;
    if !meta.file_type().is_file() {
        return Err(FormatError::invalid(
            path,
            format!(
                "not a regular file ({}): not read",
                describe(&meta.file_type())
            ),
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big(path, meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // The file may grow while we read it; never take more than the limit.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| FormatError::io(path, &e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(path, bytes.len() as u64));
    }
    Ok((bytes, meta))
}

fn too_big(path: &Path, len: u64) -> FormatError {
    FormatError::invalid(
        path,
        format!(
            "too big to be a roast file ({} MB; the limit is {} MB): not read",
            len / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    )
}

/// The file at `path`, opened for reading; a link is followed only when its target is
/// inside `confine`.
///
/// The file is opened without following a link first: a regular file (nearly every file,
/// and thousands of them in a long series) then costs one `open` and no separate `lstat`,
/// and cannot be swapped for a link between a check and the open. Only when the name is
/// a link (the open fails with `ELOOP`) is its target checked, then opened.
fn open_checked(path: &Path, confine: Option<&Path>) -> Result<File, FormatError> {
    let io = |e: std::io::Error| FormatError::io(path, &e);
    #[cfg(unix)]
    match open_without_blocking(path, false) {
        Ok(file) => return Ok(file),
        Err(e) if e.raw_os_error() != Some(libc::ELOOP) => return Err(io(e)),
        // A link: checked below.
        Err(_) => {}
    }
    let link = std::fs::symlink_metadata(path).map_err(io)?;
    if link.file_type().is_symlink()
        && let Some(root) = confine
    {
        let target = std::fs::canonicalize(path).map_err(io)?;
        let root = std::fs::canonicalize(root).map_err(|e| FormatError::io(root, &e))?;
        if !target.starts_with(&root) {
            return Err(FormatError::invalid(
                path,
                format!(
                    "a link to {}, outside the data folder: not followed",
                    target.display()
                ),
            ));
        }
    }
    open_without_blocking(path, true).map_err(io)
}

/// Opening a FIFO for reading blocks until a writer comes; non-blocking, it returns at
/// once, and the type check that follows refuses it. A terminal device never becomes our
/// controlling terminal. Without `follow`, a link is not opened (`ELOOP`).
fn open_without_blocking(path: &Path, follow: bool) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        let no_follow = if follow { 0 } else { libc::O_NOFOLLOW };
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY | no_follow);
    }
    #[cfg(not(unix))]
    let _ = follow;
    options.open(path)
}

fn describe(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else {
        "not a plain file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_reads_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        std::fs::write(&path, "(version: 1)").unwrap();
        assert_eq!(read_text(&path, Some(dir.path())).unwrap(), "(version: 1)");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_at_once_instead_of_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.ron");
        let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path; mkfifo only creates a node.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let err = read_text(&path, Some(dir.path())).unwrap_err();
        assert!(
            err.to_string().contains("not a regular file (a FIFO)"),
            "{err}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_out_of_the_data_folder_is_not_followed_and_one_inside_is() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir(&data).unwrap();
        let out = data.join("zero.ron");
        std::os::unix::fs::symlink("/dev/zero", &out).unwrap();
        let err = read_text(&out, Some(&data)).unwrap_err();
        assert!(err.to_string().contains("outside the data folder"), "{err}");
        std::fs::write(data.join("real.ron"), "x").unwrap();
        std::os::unix::fs::symlink(data.join("real.ron"), data.join("in.ron")).unwrap();
        assert_eq!(read_text(&data.join("in.ron"), Some(&data)).unwrap(), "x");
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_refused_even_when_named_directly() {
        let err = read_text(Path::new("/dev/zero"), None).unwrap_err();
        assert!(err.to_string().contains("a device"), "{err}");
    }

    #[test]
    fn a_file_over_the_limit_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.ron");
        let file = File::create(&path).unwrap();
        file.set_len(MAX_FILE_BYTES + 1).unwrap();
        let err = read_text(&path, None).unwrap_err();
        assert!(err.to_string().contains("big.ron: too big"), "{err}");
    }

    #[test]
    fn binary_garbage_is_refused_as_not_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.ron");
        std::fs::write(&path, [0xff, 0xfe, 0x00, 0x41]).unwrap();
        let err = read_text(&path, None).unwrap_err();
        assert!(err.to_string().contains("not text"), "{err}");
    }
}
