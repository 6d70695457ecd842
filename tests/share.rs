//! Sharing through git, end to end: a bare repository in a temporary folder is the team's
//! remote, two data folders are two machines, and the built binary runs `share`, `join`
//! and `sync` with the machine's own git identity set in its environment (never a global
//! git config). Sessions and ballots are written through the same storage calls the app
//! uses.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use roast::backlog::{ItemRef, LoadedBacklog};
use roast::model::{FORMAT_VERSION, NoteKind, Participant, Role, Series, Session, TopicRef};
use roast::storage::{DataDir, SeriesFolder, room_only};

const SERIES: &str = "payments-api";

struct Machine {
    data: PathBuf,
    home: PathBuf,
    name: &'static str,
}

struct Team {
    _tmp: tempfile::TempDir,
    remote: PathBuf,
    a: Machine,
    b: Machine,
}

fn env_for(cmd: &mut Command, home: &Path, name: &str) {
    let email = format!("{}@example.test", name.to_lowercase());
    cmd.env("HOME", home)
        .env("XDG_CONFIG_HOME", home)
        .env("GIT_CONFIG_GLOBAL", home.join("gitconfig"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", name)
        .env("GIT_AUTHOR_EMAIL", &email)
        .env("GIT_COMMITTER_NAME", name)
        .env("GIT_COMMITTER_EMAIL", &email)
        .env("GIT_TERMINAL_PROMPT", "0");
}

impl Machine {
    fn roast(&self, args: &[&str]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_roast"));
        cmd.args(args).env("ROAST_DATA_DIR", &self.data);
        env_for(&mut cmd, &self.home, self.name);
        cmd.output().expect("running roast")
    }

    /// Runs roast and insists it succeeded.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.roast(args);
        assert!(
            out.status.success(),
            "{} roast {args:?}: {}\n{}",
            self.name,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    }

    fn folder(&self) -> SeriesFolder {
        DataDir::new(&self.data).series_folder(SERIES)
    }

    fn sessions(&self) -> Vec<Session> {
        let loaded = self.folder().load().expect("series loads");
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        loaded.sessions
    }

    /// A session as the app runs one: notes, one of them room-only, saved in two files.
    fn run_session(&self, id: &str, words: &str) -> Session {
        let mut s = Session::new(
            id.into(),
            TopicRef::Agenda("architecture".into()),
            time::OffsetDateTime::UNIX_EPOCH,
            45,
            vec![self.name.into()],
        );
        s.timer.start(0);
        s.add_note(
            NoteKind::Learning,
            format!("{words}: learning"),
            false,
            60_000,
        );
        s.add_note(
            NoteKind::Opportunity,
            format!("{words}: opportunity"),
            false,
            120_000,
        );
        s.add_note(
            NoteKind::Note,
            format!("ROOMONLY {words}: said in the room"),
            true,
            180_000,
        );
        s.outcome = Some(roast::model::Outcome::Completed);
        room_only::write_session(&self.folder(), &s).unwrap();
        s
    }

    /// A voter's own ballot, saved the way the voting screen saves it.
    fn vote(&self, voter: &str, votes: &[(&ItemRef, u8, bool)]) {
        let mut loaded = LoadedBacklog::load(&self.folder());
        for (key, score, pick) in votes {
            loaded.backlog.record_score(key, voter, *score).unwrap();
            if *pick && !loaded.backlog.get(key).unwrap().picked_by(voter) {
                loaded.backlog.toggle_top_five(key, voter).unwrap();
            }
        }
        loaded.save_ballot(&self.folder(), voter).unwrap();
    }
}

fn git(dir: &Path, home: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new("git");
    cmd.arg("-C").arg(dir).args(args);
    env_for(&mut cmd, home, "Test");
    cmd.output().expect("running git")
}

fn git_ok(dir: &Path, home: &Path, args: &[&str]) -> String {
    let out = git(dir, home, args);
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Machine A has the series with one session and has shared it; B has joined.
fn team() -> Team {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_path_buf();
    let remote = root.join("remote.git");
    let home = root.join("home");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::write(home.join("gitconfig"), "").unwrap();
    git_ok(
        &root,
        &home,
        &["init", "--quiet", "--bare", remote.to_str().unwrap()],
    );
    let machine = |name: &'static str| {
        let home = root.join(format!("home-{name}"));
        std::fs::create_dir_all(&home).unwrap();
        std::fs::write(home.join("gitconfig"), "").unwrap();
        Machine {
            data: root.join(format!("data-{name}")),
            home,
            name,
        }
    };
    let (a, b) = (machine("Ana"), machine("Ben"));
    let agenda = roast::agenda::builtin().remove(0).agenda;
    a.folder()
        .create(&Series {
            version: FORMAT_VERSION,
            id: SERIES.into(),
            service: "Payments API".into(),
            agenda,
            participants: vec![
                Participant {
                    name: "Ana".into(),
                    role: Role::Moderator,
                },
                Participant {
                    name: "Ben".into(),
                    role: Role::Participant,
                },
            ],
            created: time::OffsetDateTime::UNIX_EPOCH,
        })
        .unwrap();
    // The first session as roast wrote it before sharing existed: room-only text inline,
    // in the one session file. Sharing must move it out before the first commit.
    let first = a.run_session("20261101-100000-overview", "A first");
    std::fs::remove_dir_all(room_only::room_only_dir(&a.folder())).unwrap();
    std::fs::write(
        a.folder().session_path(&first.id),
        roast::storage::format::to_pretty_ron(&first),
    )
    .unwrap();
    let url = remote.to_str().unwrap();
    a.ok(&["share", SERIES, "--remote", url]);
    let joined = b.ok(&["join", url]);
    assert!(joined.contains(SERIES), "{joined}");
    Team {
        _tmp: tmp,
        remote,
        a,
        b,
    }
}

/// Every blob the remote holds, as text.
fn remote_blobs(team: &Team) -> Vec<(String, String)> {
    let home = &team.a.home;
    let listing = git_ok(&team.remote, home, &["rev-list", "--all", "--objects"]);
    let mut blobs = Vec::new();
    for line in listing.lines() {
        let sha = line.split(' ').next().unwrap();
        let kind = git_ok(&team.remote, home, &["cat-file", "-t", sha]);
        let body = git_ok(&team.remote, home, &["cat-file", "-p", sha]);
        if kind.trim() == "blob" {
            blobs.push((line.to_string(), body));
        }
    }
    blobs
}

fn no_room_only_text_in_the_remote(team: &Team) {
    let blobs = remote_blobs(team);
    assert!(
        blobs.len() > 3,
        "the remote holds the series: {}",
        blobs.len()
    );
    for (name, body) in blobs {
        assert!(
            !body.contains("ROOMONLY"),
            "room-only text left the room in {name}:\n{body}"
        );
    }
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|n| n == ".git") {
            continue;
        }
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn no_conflict_markers(folder: &SeriesFolder) {
    for path in files_under(folder.dir()) {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            !text.contains("<<<<<<<") && !text.contains(">>>>>>>"),
            "conflict markers in {}",
            path.display()
        );
    }
}

#[test]
fn two_machines_share_sessions_and_ballots_in_any_order_with_no_conflict_and_nothing_leaves_the_room()
 {
    let team = team();
    let (a, b) = (&team.a, &team.b);
    a.run_session("20261108-100000-architecture", "A second");
    b.run_session("20261108-110000-storage", "B first");
    let a_item = ItemRef::new("20261101-100000-overview", 2);
    let b_item = ItemRef::new("20261108-110000-storage", 2);
    // Both vote on the same items, each on their own machine.
    a.vote("Ana", &[(&a_item, 5, true)]);
    b.vote("Ben", &[(&a_item, 3, false), (&b_item, 4, true)]);

    for (round, order) in [[a, b], [b, a], [a, b], [b, a]].into_iter().enumerate() {
        for m in order {
            let said = m.ok(&["sync", SERIES]);
            assert!(!said.contains("two machines"), "round {round}: {said}");
        }
        if round == 1 {
            // Later votes change a score and add a pick on the other's item.
            b.vote("Ben", &[(&a_item, 4, true)]);
            a.vote("Ana", &[(&b_item, 2, false)]);
        }
    }
    let ids = |m: &Machine| m.sessions().into_iter().map(|s| s.id).collect::<Vec<_>>();
    assert_eq!(ids(a), ids(b));
    assert_eq!(ids(a).len(), 3);
    for m in [a, b] {
        let sessions = m.sessions();
        let all_text: Vec<&str> = sessions
            .iter()
            .flat_map(|s| s.notes.iter().map(|n| n.text.as_str()))
            .collect();
        for shared in [
            "A first: learning",
            "A second: opportunity",
            "B first: learning",
        ] {
            assert!(
                all_text.iter().any(|t| t.contains(shared)),
                "{}: {shared} missing from {all_text:?}",
                m.name
            );
        }
        // Each machine still shows its own room-only notes, and only those.
        let room: Vec<&str> = all_text
            .iter()
            .copied()
            .filter(|t| t.contains("ROOMONLY"))
            .collect();
        if m.name == "Ana" {
            assert_eq!(room.len(), 2, "{room:?}");
            assert!(room.iter().all(|t| t.contains("ROOMONLY A ")), "{room:?}");
        } else {
            assert_eq!(room.len(), 1, "{room:?}");
            assert!(room[0].contains("B first"));
        }
        let votes = LoadedBacklog::load(&m.folder());
        assert!(votes.problems.is_empty(), "{:?}", votes.problems);
        assert_eq!(votes.voted, ["Ana", "Ben"]);
        let first = votes.backlog.get(&a_item).unwrap();
        assert_eq!(
            (first.score_of("Ana"), first.score_of("Ben")),
            (Some(5), Some(4))
        );
        assert!(first.picked_by("Ana") && first.picked_by("Ben"));
        let second = votes.backlog.get(&b_item).unwrap();
        assert_eq!(
            (second.score_of("Ana"), second.score_of("Ben")),
            (Some(2), Some(4))
        );
        assert!(!m.folder().dir().join("conflicts").exists());
        no_conflict_markers(&m.folder());
    }
    no_room_only_text_in_the_remote(&team);
}

#[test]
fn the_same_session_edited_on_both_machines_keeps_both_versions_and_says_so() {
    let team = team();
    let (a, b) = (&team.a, &team.b);
    let id = "20261101-100000-overview";
    let edit = |m: &Machine, text: &str| {
        let folder = m.folder();
        let mut s = folder
            .load()
            .unwrap()
            .sessions
            .into_iter()
            .find(|s| s.id == id)
            .unwrap();
        s.add_note(NoteKind::Learning, text.into(), false, 200_000);
        s.summary = format!("summary by {}", m.name);
        room_only::write_session(&folder, &s).unwrap();
    };
    edit(a, "late learning by Ana");
    edit(b, "late learning by Ben");
    a.ok(&["sync", SERIES]);
    let said = b.ok(&["sync"]);
    assert!(said.contains("changed on two machines"), "{said}");
    assert!(
        said.contains("Ana"),
        "names whose version was moved: {said}"
    );
    a.ok(&["sync", SERIES]);
    for m in [a, b] {
        let folder = m.folder();
        no_conflict_markers(&folder);
        let kept = std::fs::read_to_string(folder.session_path(id)).unwrap();
        assert!(kept.contains("late learning by Ben"), "{}: {kept}", m.name);
        let copies = roast::share::conflict::copies(folder.dir());
        assert_eq!(copies.len(), 1, "{copies:?}");
        let copy = std::fs::read_to_string(&copies[0]).unwrap();
        assert!(copy.contains("late learning by Ana"), "{copy}");
        let name = copies[0]
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert!(name.contains(id) && name.contains("from-ana"), "{name}");
        // The series still loads cleanly: the copy is not read as a session.
        assert_eq!(m.sessions().len(), 1);
    }
    no_room_only_text_in_the_remote(&team);
}

#[test]
fn an_unreachable_remote_keeps_the_work_committed_and_a_later_sync_sends_it() {
    let team = team();
    let a = &team.a;
    let away = team.remote.with_extension("away");
    std::fs::rename(&team.remote, &away).unwrap();
    a.run_session("20261108-100000-architecture", "offline");
    let out = a.roast(&["sync", SERIES]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("could not be reached") && err.contains("next sync"),
        "{err}"
    );
    let log = git_ok(
        a.folder().dir(),
        &a.home,
        &["log", "--name-only", "--format=%s"],
    );
    assert!(
        log.contains("sessions/20261108-100000-architecture.ron"),
        "{log}"
    );
    std::fs::rename(&away, &team.remote).unwrap();
    a.ok(&["sync", SERIES]);
    team.b.ok(&["sync", SERIES]);
    assert_eq!(team.b.sessions().len(), 2);
    no_room_only_text_in_the_remote(&team);
}

#[test]
fn a_series_already_in_a_remote_is_joined_not_shared_over() {
    let team = team();
    let out = team
        .b
        .roast(&["share", SERIES, "--remote", team.remote.to_str().unwrap()]);
    // B's copy is already shared with this remote: sharing again just syncs.
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let other = team.b.roast(&["join", team.remote.to_str().unwrap()]);
    assert_eq!(other.status.code(), Some(2));
    let err = String::from_utf8_lossy(&other.stderr);
    assert!(
        err.contains("already here") && err.contains(SERIES),
        "{err}"
    );
}

#[test]
fn sync_without_git_says_so_and_loses_nothing() {
    let team = team();
    let a = &team.a;
    let s = a.run_session("20261108-100000-architecture", "no git");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_roast"));
    cmd.args(["sync", SERIES])
        .env("ROAST_DATA_DIR", &a.data)
        .env("PATH", "/nonexistent");
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("git is not installed"), "{err}");
    assert!(a.sessions().contains(&s));
}
