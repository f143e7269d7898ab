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

/// Lower-case ASCII slug for file and directory names: the name transliterated to ASCII
/// (`deunicode`: `Łukasz` → `lukasz`, `王伟` → `wang wei`), alphanumerics kept, everything
/// else becomes `-`, runs collapsed, trimmed, at most 80 characters; `fallback` when nothing
/// is left.
pub fn slug(name: &str, fallback: &str) -> String {
    let ascii;
    let name = if name.is_ascii() {
        name
    } else {
        ascii = deunicode::deunicode(name);
        &ascii
    };
    let mut s = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if !s.ends_with('-') {
            s.push('-');
        }
    }
    let s: String = s.trim_matches('-').chars().take(80).collect();
    let s = s.trim_end_matches('-');
    if s.is_empty() {
        fallback.to_string()
    } else {
        s.to_string()
    }
}

/// The directory for one meeting under `--out DIR`: the slug of the source's file stem.
pub fn meeting_dir(out: &Path, slug: &str) -> PathBuf {
    out.join(slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Bankat | Gean", "x"), "bankat-gean");
        assert_eq!(slug("Ünïcode", "x"), "unicode");
        assert_eq!(slug("Łukasz Rozmej", "x"), "lukasz-rozmej");
        assert_eq!(slug("王伟", "x"), "wang-wei");
        assert_eq!(slug("Leo Alt [powdr]", "x"), "leo-alt-powdr");
        assert_eq!(slug("0xBonk", "x"), "0xbonk");
        assert_eq!(slug("<script>", "x"), "script");
        assert_eq!(slug("…", "speaker"), "speaker");
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
