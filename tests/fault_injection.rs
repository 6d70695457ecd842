//! The storage fault-injection seam: writes made to fail the way real disks fail (full,
//! an I/O error, read-only) and a series lock lost mid-session. Nothing handed to the
//! saver is lost, the status says what is wrong, and the write is retried.

use std::path::Path;

use roast::storage::fault::{self, Fault};
use roast::storage::{Saver, SeriesLock, create_private_dir};

fn series_dir(data: &Path) -> std::path::PathBuf {
    let dir = data.join("series/svc/sessions");
    create_private_dir(&dir).unwrap();
    data.join("series/svc")
}

#[test]
fn every_kind_of_write_failure_is_reported_retried_and_loses_nothing() {
    for (kind, words) in [
        (Fault::NoSpace, "No space left"),
        (Fault::Io, "Input/output error"),
        (Fault::ReadOnly, "Read-only file system"),
    ] {
        let data = tempfile::tempdir().unwrap();
        let series = series_dir(data.path());
        let path = series.join("sessions/s1.ron");
        let saver = Saver::start();
        // Until cleared: how often the saver tries in between is its own business.
        fault::inject(&series, kind, None);
        saver.save(path.clone(), b"note one".to_vec());
        assert!(!saver.flush(), "{kind:?}: reported as saved");
        let status = saver.status();
        let (failing, why) = status.failing.expect("the failure is shown");
        assert_eq!(failing, path);
        assert!(why.contains(words), "{kind:?}: {why}");
        // More typing while the disk refuses: only the newest content matters.
        saver.save(path.clone(), b"note one, note two".to_vec());
        assert!(!saver.flush());
        assert!(!path.exists());
        // The disk recovers: the retry writes everything.
        assert!(fault::clear(&series) >= 2);
        assert!(saver.flush(), "{kind:?}: not retried");
        assert_eq!(std::fs::read(&path).unwrap(), b"note one, note two");
        assert_eq!(saver.status().failing, None);
    }
}

#[test]
fn a_disk_that_never_recovers_leaves_the_notes_in_a_recovery_file_at_exit() {
    let data = tempfile::tempdir().unwrap();
    let series = series_dir(data.path());
    let path = series.join("sessions/s1.ron");
    let saver = Saver::start();
    fault::inject(&series, Fault::NoSpace, None);
    saver.save(path.clone(), b"precious".to_vec());
    assert!(!saver.flush());
    let rescued = saver.rescue_unsaved();
    assert_eq!(rescued.len(), 1);
    let copy = rescued[0].1.as_ref().expect("a recovery file");
    assert_eq!(std::fs::read(copy).unwrap(), b"precious");
    assert!(
        copy.starts_with(data.path().join("recovery/svc")),
        "{copy:?}"
    );
    fault::clear(&series);
}

#[test]
fn a_deleted_lock_stops_the_writer_and_keeps_the_notes_in_a_recovery_file() {
    let data = tempfile::tempdir().unwrap();
    let series = series_dir(data.path());
    let path = series.join("sessions/s1.ron");
    let lock = SeriesLock::acquire(&series).unwrap();
    let saver = Saver::start();
    saver.save(path.clone(), b"two notes".to_vec());
    assert!(saver.flush());
    std::fs::remove_file(series.join(".lock")).unwrap();
    // A second roast comes in through the gap and writes its own version.
    let second = SeriesLock::acquire(&series);
    assert!(second.is_ok(), "the gap a deleted lock opens");
    std::fs::write(&path, "the second writer's notes").unwrap();
    saver.save(path.clone(), b"two notes and a third".to_vec());
    assert!(!saver.flush(), "a rescued file is not saved in place");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "the second writer's notes",
        "the first writer stopped writing the shared file"
    );
    let status = saver.status();
    let copy = status.rescued.get(&path).expect("rescued").clone();
    assert_eq!(std::fs::read(&copy).unwrap(), b"two notes and a third");
    let (_, why) = status.failing.unwrap();
    assert!(why.contains("deleted or replaced"), "{why}");
    assert!(why.contains(&copy.display().to_string()), "{why}");
    // Later saves go to the same recovery file, not a new one each time.
    saver.save(path.clone(), b"two notes and a fourth".to_vec());
    saver.flush();
    assert_eq!(std::fs::read(&copy).unwrap(), b"two notes and a fourth");
    assert!(!lock.is_intact());
}
