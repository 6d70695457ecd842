//! Room-only notes stay on the machine they were typed on.
//!
//! A series folder may be a git repository shared with the team, and pushing is leaving
//! the room. So a session is stored in two files:
//! - `sessions/<id>.ron`, shared: every note, but a room-only note's text is left blank
//!   (its id, kind and time stay, so ids are never reused and the other machines can say
//!   that a room-only note exists);
//! - `room-only/<id>.ron`, local: the room-only notes in full (and a room-only draft).
//!   The repository's `.gitignore` names the folder, so git never takes it.
//!
//! The local file is written first (the saver writes paths in sorted order, and
//! `room-only` sorts before `sessions`), so a crash between the two writes leaves the
//! local file newer than the shared one: a room-only note the shared file does not know
//! yet is put back whole when the session is read.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::{Draft, FORMAT_VERSION, Note, Session, TopicRef};
use crate::storage::format::{self, FormatError, FormatErrorKind};
use crate::storage::parse_cache::{SeriesCache, read_all_maybe};
use crate::storage::{SeriesFolder, StorageError, create_private_dir, write_atomic};

/// The folder of local-only files, beside `sessions/`.
pub const ROOM_ONLY_DIR: &str = "room-only";

/// What of a session never leaves this machine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoomOnlyFile {
    pub version: u32,
    pub session: String,
    /// The room-only notes in full.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// The draft being typed, when it is marked room-only.
    #[serde(default)]
    pub draft: Option<Draft>,
    /// The title of the session's topic, when it is a room-only off-shoot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic_title: Option<String>,
    /// The title of the next topic chosen at closing, when it is a room-only off-shoot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_topic_title: Option<String>,
}

pub fn room_only_dir(folder: &SeriesFolder) -> PathBuf {
    folder.dir().join(ROOM_ONLY_DIR)
}

pub fn room_only_path(folder: &SeriesFolder, session_id: &str) -> PathBuf {
    room_only_dir(folder).join(format!("{session_id}.ron"))
}

/// Whether the session holds any text that must stay in the room.
pub fn has_room_only_text(session: &Session) -> bool {
    session
        .notes
        .iter()
        .any(|n| n.room_only && !n.text.is_empty())
        || session.draft.as_ref().is_some_and(|d| d.room_only)
}

/// The session as it may be shared (room-only text blanked, a room-only draft dropped),
/// and what stays here.
pub fn split(session: &Session) -> (Session, RoomOnlyFile) {
    split_hiding(session, &|_, _| false)
}

/// Like [`split`], also keeping here the title of a topic that is an off-shoot parked as
/// a room-only note (`room_only(session, note)` says which are): an off-shoot's title is
/// the note's own text.
pub fn split_hiding(
    session: &Session,
    room_only: &dyn Fn(&str, u32) -> bool,
) -> (Session, RoomOnlyFile) {
    let mut shared = session.clone();
    let mut local = RoomOnlyFile {
        version: FORMAT_VERSION,
        session: session.id.clone(),
        notes: Vec::new(),
        draft: None,
        topic_title: None,
        next_topic_title: None,
    };
    let hide = |topic: &mut Option<&mut TopicRef>| -> Option<String> {
        match topic {
            Some(TopicRef::OffShoot {
                session,
                note,
                title,
            }) if room_only(session, *note) && !title.is_empty() => Some(std::mem::take(title)),
            _ => None,
        }
    };
    local.topic_title = hide(&mut Some(&mut shared.topic));
    local.next_topic_title = hide(&mut shared.next_topic.as_mut());
    for note in shared.notes.iter_mut().filter(|n| n.room_only) {
        local.notes.push(note.clone());
        note.text.clear();
    }
    if shared.draft.as_ref().is_some_and(|d| d.room_only) {
        local.draft = shared.draft.take();
    }
    (shared, local)
}

/// Puts what stayed here back into a session read from its shared file. Only blanks the
/// shared file marks room-only are filled: a note made shareable since keeps its shared
/// text. A local note the shared file does not have at all was saved here just before a
/// crash cut the shared write short, and is put back whole.
pub fn restore(session: &mut Session, local: RoomOnlyFile) {
    let known: BTreeSet<u32> = session.notes.iter().map(|n| n.id).collect();
    for note in local.notes {
        if !known.contains(&note.id) {
            session.restore_note(note);
        } else if let Some(shared) = session.note_mut(note.id)
            && shared.room_only
            && shared.text.is_empty()
        {
            shared.text = note.text;
        }
    }
    if session.draft.is_none() {
        session.draft = local.draft;
    }
    let fill = |topic: Option<&mut TopicRef>, kept: Option<String>| {
        if let (Some(TopicRef::OffShoot { title, .. }), Some(kept)) = (topic, kept)
            && title.is_empty()
        {
            *title = kept;
        }
    };
    fill(Some(&mut session.topic), local.topic_title);
    fill(session.next_topic.as_mut(), local.next_topic_title);
}

/// The two files of a session, the local one first: write them in this order.
pub fn session_files(folder: &SeriesFolder, session: &Session) -> [(PathBuf, Vec<u8>); 2] {
    let (shared, local) = split(session);
    [
        (
            room_only_path(folder, &session.id),
            format::to_pretty_ron(&local).into_bytes(),
        ),
        (
            folder.session_path(&session.id),
            format::to_pretty_ron(&shared).into_bytes(),
        ),
    ]
}

/// Writes a session's two files now (atomically, local first).
pub fn write_session(folder: &SeriesFolder, session: &Session) -> Result<(), StorageError> {
    write_split(folder, split(session))
}

fn write_split(
    folder: &SeriesFolder,
    (shared, local): (Session, RoomOnlyFile),
) -> Result<(), StorageError> {
    let dir = room_only_dir(folder);
    create_private_dir(&dir).map_err(|e| StorageError::io(&dir, e))?;
    let files = [
        (
            room_only_path(folder, &shared.id),
            format::to_pretty_ron(&local).into_bytes(),
        ),
        (
            folder.session_path(&shared.id),
            format::to_pretty_ron(&shared).into_bytes(),
        ),
    ];
    for (path, bytes) in files {
        write_atomic(&path, &bytes).map_err(|e| StorageError::io(&path, e))?;
    }
    Ok(())
}

/// Reads the local file of a session, if there is one.
pub fn read_local(
    folder: &SeriesFolder,
    session_id: &str,
) -> Result<Option<RoomOnlyFile>, FormatError> {
    read_local_at(folder, &room_only_path(folder, session_id))
}

/// Read under the storage rules (no links out of the data folder, a size limit, a file
/// that fails is never written over); a missing file is simply none.
fn read_local_at(folder: &SeriesFolder, path: &Path) -> Result<Option<RoomOnlyFile>, FormatError> {
    missing_is_none(path, format::read_ron_file(path, Some(&folder.data_root())))
}

/// A local file that is not there is none, not an error. Asked only when the read failed:
/// most sessions have a local file, and a look before every read would cost a system
/// call each.
fn missing_is_none(
    path: &Path,
    read: Result<RoomOnlyFile, FormatError>,
) -> Result<Option<RoomOnlyFile>, FormatError> {
    match read {
        Err(e)
            if matches!(e.kind, FormatErrorKind::Io(_))
                && std::fs::symlink_metadata(path).is_err() =>
        {
            Ok(None)
        }
        read => read.map(Some),
    }
}

/// Fills every session of a folder from its local file. The folder is listed once, so a
/// series whose sessions have no local files pays one directory read, not one per session;
/// the files are read on every core.
/// A local file that cannot be read is reported (and, like every file, never written over
/// by a load); its session shows the blanks.
pub fn restore_all(folder: &SeriesFolder, sessions: &mut [Session]) -> Vec<FormatError> {
    restore_all_with(folder, sessions, None)
}

/// As [`restore_all`], through the series' parse cache when there is one.
pub fn restore_all_with(
    folder: &SeriesFolder,
    sessions: &mut [Session],
    cache: Option<&SeriesCache>,
) -> Vec<FormatError> {
    let dir = room_only_dir(folder);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let present: BTreeSet<std::ffi::OsString> = entries
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .collect();
    let (local, paths): (Vec<usize>, Vec<PathBuf>) = sessions
        .iter()
        .enumerate()
        .filter_map(|(i, session)| {
            let name = std::ffi::OsString::from(format!("{}.ron", session.id));
            present.contains(&name).then(|| (i, dir.join(name)))
        })
        .unzip();
    let reads = read_all_maybe::<RoomOnlyFile>(
        cache,
        ROOM_ONLY_DIR,
        &paths,
        Some(&folder.data_root()),
        |_, _, _| Ok(()),
    );
    let mut problems = Vec::new();
    for ((i, path), read) in local.iter().zip(&paths).zip(reads) {
        match missing_is_none(path, read) {
            Ok(Some(file)) => restore(&mut sessions[*i], file),
            Ok(None) => {}
            Err(e) => problems.push(e),
        }
    }
    problems
}

/// Rewrites, split, every shared session file that still holds room-only text (written
/// before this split existed, or by hand), or the title of a room-only off-shoot as its
/// topic or next topic (the app's saver cannot tell an off-shoot is room-only; this pass
/// sees every session). Run before anything is committed, so no room-only text ever
/// reaches the repository; nothing is lost, since what leaves the shared file is kept in
/// the local one. Returns the files rewritten.
pub fn scrub_folder(folder: &SeriesFolder) -> Result<Vec<PathBuf>, StorageError> {
    let mut on_disk = Vec::new();
    for path in crate::storage::ron_dir::ron_files(&folder.sessions_dir()) {
        // A file that does not parse is not ours to rewrite; sync reports it elsewhere.
        if let Ok(shared) = format::read_ron_file::<Session>(&path, Some(&folder.data_root())) {
            let mut full = shared.clone();
            if let Some(local) = read_local(folder, &shared.id)? {
                restore(&mut full, local);
            }
            on_disk.push((path, shared, full));
        }
    }
    let room_only: BTreeSet<(String, u32)> = on_disk
        .iter()
        .flat_map(|(_, _, full)| {
            full.notes
                .iter()
                .filter(|n| n.room_only)
                .map(|n| (full.id.clone(), n.id))
        })
        .collect();
    let hidden = |session: &str, note: u32| room_only.contains(&(session.to_string(), note));
    let mut rewritten = Vec::new();
    for (path, shared, full) in on_disk {
        let split = split_hiding(&full, &hidden);
        if split.0 == shared {
            continue;
        }
        write_split(folder, split)?;
        rewritten.push(path);
    }
    Ok(rewritten)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NoteKind, TopicRef};

    fn session() -> Session {
        let mut s = Session::new(
            "20261122-100000-overview".into(),
            TopicRef::Agenda("overview".into()),
            time::OffsetDateTime::UNIX_EPOCH,
            45,
            vec![],
        );
        s.add_note(NoteKind::Learning, "shared learning".into(), false, 0);
        s.add_note(
            NoteKind::Opportunity,
            "the CEO's pet project".into(),
            true,
            0,
        );
        s
    }

    fn folder() -> (tempfile::TempDir, SeriesFolder) {
        let dir = tempfile::tempdir().unwrap();
        let folder = SeriesFolder::new(dir.path().join("svc"));
        std::fs::create_dir_all(folder.sessions_dir()).unwrap();
        (dir, folder)
    }

    #[test]
    fn the_shared_file_keeps_the_note_but_not_its_room_only_text() {
        let (_tmp, folder) = folder();
        let s = session();
        write_session(&folder, &s).unwrap();
        let shared = std::fs::read_to_string(folder.session_path(&s.id)).unwrap();
        assert!(shared.contains("shared learning"));
        assert!(!shared.contains("pet project"), "{shared}");
        let local = std::fs::read_to_string(room_only_path(&folder, &s.id)).unwrap();
        assert!(local.contains("pet project"));
        let loaded = folder.load_sessions().0;
        assert_eq!(loaded, vec![s]);
    }

    #[test]
    fn a_room_only_draft_stays_local() {
        let mut s = session();
        s.draft = Some(Draft {
            kind: NoteKind::Note,
            text: "half a secret".into(),
            room_only: true,
            editing: None,
        });
        let (shared, local) = split(&s);
        assert_eq!(shared.draft, None);
        assert_eq!(local.draft.unwrap().text, "half a secret");
    }

    #[test]
    fn a_note_made_shareable_keeps_its_shared_text() {
        let mut s = session();
        let (_, stale_local) = split(&s);
        s.note_mut(2).unwrap().room_only = false;
        s.note_mut(2).unwrap().text = "now said openly".into();
        restore(&mut s, stale_local);
        assert_eq!(s.note(2).unwrap().text, "now said openly");
    }

    #[test]
    fn a_room_only_note_the_shared_file_missed_is_put_back_whole() {
        let s = session();
        let (mut shared, local) = split(&s);
        shared.notes.retain(|n| !n.room_only);
        restore(&mut shared, local);
        assert_eq!(shared, s);
    }

    #[test]
    fn scrubbing_moves_room_only_text_out_of_an_old_shared_file() {
        let (_tmp, folder) = folder();
        let s = session();
        let path = folder.session_path(&s.id);
        std::fs::write(&path, format::to_pretty_ron(&s)).unwrap();
        assert_eq!(scrub_folder(&folder).unwrap(), vec![path.clone()]);
        assert!(
            !std::fs::read_to_string(&path)
                .unwrap()
                .contains("pet project")
        );
        assert_eq!(folder.load_sessions().0, vec![s]);
        assert!(scrub_folder(&folder).unwrap().is_empty(), "once is enough");
    }

    #[test]
    fn a_room_only_off_shoots_title_never_stays_in_a_shared_file_and_comes_back_here() {
        let (_tmp, folder) = folder();
        let mut first = session();
        let parked = first.add_note(NoteKind::OffShoot, "the CEO's pet project".into(), true, 0);
        let topic = TopicRef::OffShoot {
            session: first.id.clone(),
            note: parked,
            title: "the CEO's pet project".into(),
        };
        first.next_topic = Some(topic.clone());
        let mut second = Session::new(
            "20261129-100000-off-shoot".into(),
            topic,
            time::OffsetDateTime::UNIX_EPOCH,
            45,
            vec![],
        );
        second.add_note(NoteKind::Learning, "shared".into(), false, 0);
        // Saved as the app's saver does, without knowing the off-shoot is room-only.
        write_session(&folder, &first).unwrap();
        write_session(&folder, &second).unwrap();
        assert_eq!(scrub_folder(&folder).unwrap().len(), 2);
        for id in [&first.id, &second.id] {
            let shared = std::fs::read_to_string(folder.session_path(id)).unwrap();
            assert!(!shared.contains("pet project"), "{shared}");
        }
        let (loaded, problems) = folder.load_sessions();
        assert!(problems.is_empty(), "{problems:?}");
        assert!(loaded.contains(&first) && loaded.contains(&second));
        assert!(scrub_folder(&folder).unwrap().is_empty());
    }
}
