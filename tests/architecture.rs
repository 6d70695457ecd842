//! The shape of the code, checked: screens never build or import each other (they return
//! a navigation intent and the app opens the next screen), the domain never imports the
//! terminal or the command line, and no two modules import each other in a circle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The module a file belongs to, `depth` levels deep: `src/tui/screens/live/mod.rs` at
/// depth 3 is `tui::screens::live`.
fn module_of(file: &Path, depth: usize) -> String {
    let rel = file.strip_prefix(src()).unwrap();
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .filter(|p| p != "mod" && p != "lib" && p != "main")
        .collect();
    parts.truncate(depth);
    parts.join("::")
}

/// Every `crate::a::b…` path a file names, cut to `depth` segments.
fn crate_paths(text: &str, depth: usize) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (i, _) in text.match_indices("crate::") {
        let rest = &text[i + "crate::".len()..];
        let path: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        let parts: Vec<&str> = path
            .split("::")
            .filter(|p| !p.is_empty())
            .take(depth)
            .collect();
        // A path into a module whose next segment is a type, not a module, ends there.
        let parts: Vec<&str> = parts
            .into_iter()
            .take_while(|p| p.chars().next().is_some_and(|c| c.is_lowercase()))
            .collect();
        if !parts.is_empty() {
            out.insert(parts.join("::"));
        }
    }
    out
}

#[test]
fn no_screen_imports_another_screen() {
    let screens = src().join("tui/screens");
    let shared = ["autosave", "opportunities"];
    for file in rust_files(&screens) {
        let own = module_of(&file, 3);
        let text = std::fs::read_to_string(&file).unwrap();
        for path in crate_paths(&text, 3) {
            if let Some(other) = path.strip_prefix("tui::screens::") {
                assert!(
                    own == path || shared.contains(&other),
                    "{} imports the screen {path}: screens return a Nav instead",
                    file.display()
                );
            }
            assert!(
                !path.starts_with("tui::app"),
                "{} reaches into the app ({path})",
                file.display()
            );
        }
    }
}

#[test]
fn the_domain_never_imports_the_terminal_or_the_command_line() {
    for file in rust_files(&src()) {
        let module = module_of(&file, 1);
        if ["tui", "cli", "main"].contains(&module.as_str()) || module.is_empty() {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for word in [
            "ratatui::",
            "crossterm::",
            "clap::",
            "crate::tui",
            "crate::cli",
        ] {
            assert!(
                !text.contains(word),
                "{} (domain) mentions {word}",
                file.display()
            );
        }
    }
}

/// Top-level modules and which others each imports.
fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in rust_files(&src()) {
        let from = module_of(&file, 1);
        if from.is_empty() {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let deps = graph.entry(from.clone()).or_default();
        for path in crate_paths(&text, 1) {
            if path != from {
                deps.insert(path);
            }
        }
    }
    graph
}

/// Every import `a -> b` that lies on a circle: `b` leads back to `a`.
fn edges_on_circles(graph: &BTreeMap<String, BTreeSet<String>>) -> BTreeSet<(String, String)> {
    let reaches = |from: &str, to: &str| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.to_string()];
        while let Some(node) = todo.pop() {
            for next in graph.get(&node).into_iter().flatten() {
                if next == to {
                    return true;
                }
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
        false
    };
    let mut out = BTreeSet::new();
    for (a, deps) in graph {
        for b in deps {
            if reaches(b, a) {
                out.insert((a.clone(), b.clone()));
            }
        }
    }
    out
}

/// The domain's modules depend one way: agenda ← model ← progress and storage ← backlog
/// ← summary ← export (with `phrasing`, `safe_text`, `clock` and `timer` underneath), so
/// any import that closes a circle fails here.
#[test]
fn no_two_modules_import_each_other_in_a_circle() {
    let found = edges_on_circles(&module_graph());
    assert!(found.is_empty(), "circles of imports: {found:?}");
}

#[test]
fn the_tui_modules_import_no_circle() {
    // Within the terminal layer: screens, widgets and the app.
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in rust_files(&src().join("tui")) {
        let from = module_of(&file, 2);
        let text = std::fs::read_to_string(&file).unwrap();
        let deps = graph.entry(from.clone()).or_default();
        for path in crate_paths(&text, 2) {
            if path.starts_with("tui::") && path != from {
                deps.insert(path);
            }
        }
    }
    let circles = edges_on_circles(&graph);
    assert!(circles.is_empty(), "{circles:?}");
}

/// The terminal layer hands every write to the saver (see `tests/write_path.rs`): no
/// screen touches the file system itself, and nothing in `tui/` calls a write directly.
#[test]
fn screens_never_write_remove_or_make_folders_themselves() {
    let writes = [
        "write_atomic",
        "create_private_dir",
        "remove_file",
        "remove_dir",
        "create_dir",
        "std::fs::write",
        "std::fs::rename",
        "File::create",
        "OpenOptions",
        "settings::save",
        "save_series",
        "folder.create(",
    ];
    for file in rust_files(&src().join("tui")) {
        let text = std::fs::read_to_string(&file).unwrap();
        let screen = file.starts_with(src().join("tui/screens"));
        for word in writes.iter().chain(screen.then_some(&"std::fs")) {
            assert!(
                !text.contains(word),
                "{} calls {word}: hand it to the saver (ctx.run_task / ctx.saver)",
                file.display()
            );
        }
    }
}
