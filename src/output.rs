//! Writing report files: atomically, so a failed or killed run never leaves a partial file
//! and never destroys an earlier report.
//!
//! Each file is written to a temporary file in the same directory, flushed, synced, and
//! renamed over the target (rename is atomic within a directory on POSIX systems).

use std::io::Write;
use std::path::Path;

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

/// Names of the per-meeting directories under `--out`, unique within one run: the slug of
/// the source's file stem, then `-2`, `-3`, … for a later meeting whose slug is taken
/// (`call.vtt` and `call.srt` in one folder, or an input holding several meetings). Names
/// are handed out in input order, so the same inputs always get the same directories, and
/// no meeting's files overwrite another's.
#[derive(Debug, Default)]
pub struct MeetingDirs {
    used: std::collections::HashSet<String>,
}

impl MeetingDirs {
    /// The directory name for the next meeting read from `source`.
    pub fn name(&mut self, source: &str) -> String {
        let stem = Path::new(source)
            .file_stem()
            .map(|x| x.to_string_lossy().to_string());
        let base = slug(&stem.unwrap_or_default(), "meeting");
        let mut name = base.clone();
        let mut n = 1;
        while self.used.contains(&name) {
            n += 1;
            name = format!("{base}-{n}");
        }
        self.used.insert(name.clone());
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meeting_dirs_are_unique_in_input_order() {
        let mut d = MeetingDirs::default();
        assert_eq!(d.name("a/call.vtt"), "call");
        assert_eq!(d.name("b/call.srt"), "call-2");
        assert_eq!(d.name("call-2.vtt"), "call-2-2");
        assert_eq!(d.name("call.json"), "call-3");
        assert_eq!(d.name("-"), "meeting");
        assert_eq!(d.name("…"), "meeting-2");
    }

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
