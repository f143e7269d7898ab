//! Writing report files: atomically, so a failed or killed run never leaves a partial file
//! and never destroys an earlier report.
//!
//! Each file is written to a temporary file in the same directory, flushed, synced, and
//! renamed over the target (rename is atomic within a directory on POSIX systems).

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically (creating parent directories).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".turnstat-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Lower-case ASCII slug for file and directory names: alphanumerics kept, everything else
/// becomes `-`, runs collapsed, trimmed; `fallback` when nothing is left.
pub fn slug(name: &str, fallback: &str) -> String {
    let mut s = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if !s.ends_with('-') {
            s.push('-');
        }
    }
    let s = s.trim_matches('-');
    if s.is_empty() {
        fallback.to_string()
    } else {
        s.chars().take(80).collect()
    }
}

/// Makes names unique by appending `-2`, `-3`, … to repeats (in order).
pub fn unique(names: Vec<String>) -> Vec<String> {
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    names
        .into_iter()
        .map(|n| {
            let k = seen.entry(n.clone()).or_insert(0);
            *k += 1;
            if *k == 1 { n } else { format!("{n}-{k}") }
        })
        .collect()
}

/// The directory for one meeting under `--out DIR`: the slug of the source's file stem.
pub fn meeting_dir(out: &Path, slug: &str) -> PathBuf {
    out.join(slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_unique() {
        assert_eq!(slug("Bankat | Gean", "x"), "bankat-gean");
        assert_eq!(slug("Ünïcode", "x"), "n-code");
        assert_eq!(slug("<script>", "x"), "script");
        assert_eq!(slug("…", "speaker"), "speaker");
        assert_eq!(
            unique(vec!["a".into(), "b".into(), "a".into()]),
            vec!["a", "b", "a-2"]
        );
    }

    #[test]
    fn atomic_write_replaces() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("sub/r.json");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let leftovers = std::fs::read_dir(p.parent().unwrap()).unwrap().count();
        assert_eq!(leftovers, 1);
    }
}
