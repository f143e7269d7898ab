//! Shared helpers: fixture and corpus paths, loading, the corpus guard.

use std::path::{Path, PathBuf};
use turnstat::ingest::{self, IngestOptions};
use turnstat::model::Transcript;

/// The speaker names of one meeting of a `turnstat.report.v1` JSON, in order.
pub fn speaker_names(meeting: &serde_json::Value) -> Vec<String> {
    meeting["speakers"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|s| s["name"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// `fixtures/` in the repository.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// `../shared/corpus` when present. When absent, returns `None` (the test skips), unless
/// `TURNSTAT_REQUIRE_CORPUS=1`, in which case it panics: CI must not skip silently.
pub fn corpus() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if p.is_dir() {
        return Some(p);
    }
    if std::env::var("TURNSTAT_REQUIRE_CORPUS").is_ok_and(|v| v == "1") {
        panic!("TURNSTAT_REQUIRE_CORPUS=1 but {} is missing", p.display());
    }
    eprintln!("skipping: {} not found", p.display());
    None
}

/// Files in `dir` with extension `ext`, sorted.
pub fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    v.sort();
    v
}

/// Loads a file that must be accepted, as exactly one transcript.
pub fn load_ok(path: &Path) -> Transcript {
    let bytes = std::fs::read(path).unwrap();
    match ingest::load(
        &path.display().to_string(),
        &bytes,
        &IngestOptions::default(),
    ) {
        Ok(mut ts) => {
            assert_eq!(ts.len(), 1, "{}", path.display());
            ts.pop().unwrap()
        }
        Err(r) => panic!("{} rejected: {:?}", path.display(), r.diagnostics),
    }
}

/// Length of the union of intervals (ms).
pub fn union_ms(mut spans: Vec<(u64, u64)>) -> u64 {
    spans.sort();
    let mut total = 0;
    let mut cur: Option<(u64, u64)> = None;
    for (a, b) in spans {
        match cur {
            Some((s, e)) if a <= e => cur = Some((s, e.max(b))),
            Some((s, e)) => {
                total += e - s;
                cur = Some((a, b));
            }
            None => cur = Some((a, b)),
        }
    }
    if let Some((s, e)) = cur {
        total += e - s;
    }
    total
}

/// True when `needle` occurs in `text` as a whole word (no letter or digit right before or
/// after it), ignoring case: how `--anonymize` finds names (README "Privacy").
pub fn contains_word(text: &str, needle: &str) -> bool {
    let (text, needle) = (text.to_lowercase(), needle.to_lowercase());
    text.match_indices(&needle).any(|(i, m)| {
        let before = text[..i].chars().next_back();
        let after = text[i + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}
