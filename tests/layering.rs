//! The layering of the crate, checked on its source text (issue: the module cycle
//! cli → team → render → team → cli).
//!
//! - The models and the code they are built from (`report/`, `render/`, `metrics/`,
//!   `ingest/`, `inclusive/`, `sentiment/`, `lang/`, `chat/`) never reach up to the command
//!   line (`cli`), its resolution into settings (`settings`) or the commands (`commands`);
//!   renderers and models also do not run the pipeline (`pipeline`, `batch`).
//! - `cli.rs` holds the clap definitions only: its `crate::` paths are the few types clap
//!   parses values into.
//! - The graph of top-level modules (`report::team` counts as `report`), drawn from the
//!   `crate::…` paths of the code (comments left out), has no cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/`, sorted.
fn sources() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).expect("read src/") {
            let p = e.expect("dir entry").path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out.sort();
    out
}

/// The path of `p` relative to `src/`, with `/` separators.
fn rel(p: &Path) -> String {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    p.strip_prefix(&src)
        .expect("under src/")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// The top-level module a file belongs to (`report/team/mod.rs` → `report`); `None` for
/// the crate root and the binary.
fn top_module(rel: &str) -> Option<String> {
    if rel == "lib.rs" || rel == "main.rs" {
        return None;
    }
    let first = rel.split('/').next().unwrap_or(rel);
    Some(first.trim_end_matches(".rs").to_string())
}

/// The code of a file: line comments (doc comments included) removed, so that a link in a
/// doc comment is not a dependency.
fn code(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            // `//` inside a string literal (a URL) is rare in this crate; a quote before the
            // `//` keeps the line whole.
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The `crate::…` paths of some code, as written up to the first character that cannot be
/// part of a path; a group `crate::{a, b::c}` gives `crate::a` and `crate::b::c`.
fn crate_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        // Not the tail of another identifier (`my_crate::`).
        let before = rest[..i].chars().next_back();
        rest = &rest[i + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level items of the group (nested groups keep their prefix).
            let mut depth = 0usize;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push(format!("crate::{}", item.trim()));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
            if !item.trim().is_empty() {
                out.push(format!("crate::{}", item.trim()));
            }
        } else {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            out.push(format!("crate::{}", rest[..end].trim_end_matches(':')));
        }
    }
    out
}

/// The top-level module a `crate::…` path names.
fn target(path: &str) -> String {
    let p = path.trim_start_matches("crate::");
    p.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .next()
        .unwrap_or(p)
        .to_string()
}

/// (file relative to `src/`, its code) for every source file.
fn files() -> Vec<(String, String)> {
    sources()
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("read source");
            (rel(&p), code(&text))
        })
        .collect()
}

/// Layers that models, renderers and the metric code must not reach.
const UPPER: &[&str] = &["cli", "commands", "settings"];

/// Folders of models, renderers and the metric code.
const LOWER: &[&str] = &[
    "report/",
    "render/",
    "metrics/",
    "ingest/",
    "inclusive/",
    "sentiment/",
    "lang/",
    "chat/",
];

#[test]
fn lower_layers_do_not_reach_the_command_line() {
    let mut bad = Vec::new();
    for (file, code) in files() {
        if !LOWER.iter().any(|d| file.starts_with(d)) {
            continue;
        }
        // Renderers and models read finished models: they do not run the pipeline either.
        let pipeline = file.starts_with("report/") || file.starts_with("render/");
        for p in crate_paths(&code) {
            let t = target(&p);
            if UPPER.contains(&t.as_str()) || (pipeline && (t == "pipeline" || t == "batch")) {
                bad.push(format!("src/{file}: {p}"));
            }
        }
    }
    assert!(bad.is_empty(), "lower layers reach up:\n{}", bad.join("\n"));
}

/// What `cli.rs` may name: the types clap parses values into.
const CLI_ALLOWED: &[&str] = &[
    "crate::inclusive::Category",
    "crate::inclusive::Severity",
    "crate::ingest::InputFormat",
];

#[test]
fn cli_holds_argument_definitions_only() {
    let (_, code) = files()
        .into_iter()
        .find(|(f, _)| f == "cli.rs")
        .expect("src/cli.rs");
    let bad: Vec<String> = crate_paths(&code)
        .into_iter()
        .filter(|p| {
            !CLI_ALLOWED
                .iter()
                .any(|a| p == a || p.starts_with(&format!("{a}::")))
        })
        .collect();
    assert!(
        bad.is_empty(),
        "src/cli.rs names more than the types clap parses into: {bad:?}"
    );
}

/// The module graph: top-level module → (module it names → first file naming it).
fn graph() -> BTreeMap<String, BTreeMap<String, String>> {
    let mut g: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (file, code) in files() {
        let Some(from) = top_module(&file) else {
            continue;
        };
        let edges = g.entry(from.clone()).or_default();
        for p in crate_paths(&code) {
            let to = target(&p);
            if to != from && !to.is_empty() {
                edges
                    .entry(to)
                    .or_insert_with(|| format!("src/{file}: {p}"));
            }
        }
    }
    g
}

/// A cycle of `g`, if any, as the modules along it (first = last) with the file that makes
/// each step.
fn find_cycle(g: &BTreeMap<String, BTreeMap<String, String>>) -> Option<Vec<String>> {
    // Depth-first search; `path` is the current chain of modules.
    fn visit(
        g: &BTreeMap<String, BTreeMap<String, String>>,
        m: &str,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|x| x == m) {
            let mut cycle: Vec<String> = path[i..].to_vec();
            cycle.push(m.to_string());
            let steps = cycle
                .windows(2)
                .map(|w| format!("{} -> {}  ({})", w[0], w[1], g[&w[0]][&w[1]]))
                .collect();
            return Some(steps);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_string());
        for next in g.get(m).into_iter().flat_map(|e| e.keys()) {
            if let Some(c) = visit(g, next, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(m.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for m in g.keys() {
        if let Some(c) = visit(g, m, &mut Vec::new(), &mut done) {
            return Some(c);
        }
    }
    None
}

#[test]
fn the_layers_are_there() {
    // The graph is drawn from real paths: the layers named above are in it.
    let g = graph();
    for m in ["cli", "commands", "settings", "report", "render"] {
        assert!(g.contains_key(m), "no module `{m}` under src/");
    }
}

#[test]
fn module_graph_is_acyclic() {
    let g = graph();
    if let Some(cycle) = find_cycle(&g) {
        panic!("module cycle:\n{}", cycle.join("\n"));
    }
}

#[test]
fn the_checks_see_what_they_look_for() {
    let c =
        code("use crate::{a::B, c::{D, E}};\n/// [`crate::x`]\nlet y = crate::f::g(my_crate::h);");
    let paths = crate_paths(&c);
    assert_eq!(paths, ["crate::a::B", "crate::c::{D, E}", "crate::f::g"]);
    let targets: Vec<String> = paths.iter().map(|p| target(p)).collect();
    assert_eq!(targets, ["a", "c", "f"]);
    let mut g: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    g.entry("a".into())
        .or_default()
        .insert("b".into(), "x".into());
    g.entry("b".into())
        .or_default()
        .insert("a".into(), "y".into());
    assert!(find_cycle(&g).is_some());
    if let Some(e) = g.get_mut("b") {
        e.clear();
    }
    assert!(find_cycle(&g).is_none());
}
