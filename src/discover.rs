//! Expands the command line's paths into the list of inputs, in a deterministic order.
//!
//! A file named on the command line is always read, whatever its name. A directory is walked
//! recursively (sorted by name, symlinks not followed, hidden entries skipped) and yields
//! files with a transcript extension: `.vtt`, `.webvtt`, `.srt`, `.sbv`, `.json`, `.rttm`, `.txt`,
//! and `.md` and `.docx` **when their content is a recognised transcript** — except Zoom's chat
//! exports (`*.chat.txt`) and licence/read-me files (`LICENSE*`, `LICENCE*`, `COPYING*`,
//! `README*`, `NOTICE*`, `CHANGELOG*`), which are not transcripts. `-` is stdin.
//!
//! Markdown and Word files sit next to transcripts as notes and agendas as often as they hold
//! one, so a walked `.md` or `.docx` is kept only when its content has the layout of a format
//! turnstat recognises (a Google Meet transcript, Teams or Stream turns, WebVTT, …; see
//! [`crate::ingest::recognised`]), not merely text that the plain `Name: text` reader would
//! take: a note in the folder is skipped silently instead of becoming an error or a fake
//! meeting. A file named on the command line is read whatever it holds.
//! The final list is sorted and deduplicated, so output order never depends on the order of
//! arguments or on the file system.

use std::path::{Path, PathBuf};

/// One input to read.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    /// Standard input (`-`).
    Stdin,
    /// A file path.
    File(PathBuf),
}

impl Input {
    /// The name used in outputs and diagnostics.
    pub fn display(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }
}

/// Extensions picked up when walking a directory.
pub const TRANSCRIPT_EXTENSIONS: &[&str] = &[
    "vtt", "webvtt", "srt", "sbv", "json", "rttm", "txt", "md", "docx",
];

/// Extensions picked up by a walk only when the content is a recognised transcript.
pub const SNIFFED_EXTENSIONS: &[&str] = &["md", "docx"];

/// Files larger than this are kept unread by the walk (the reader judges them).
const SNIFF_MAX: u64 = 256 << 20;

/// For a walked file with one of the [`SNIFFED_EXTENSIONS`]: whether its content is a
/// recognised transcript. An unreadable file is kept, so that reading it reports why.
fn keep_sniffed(path: &Path) -> bool {
    let sniffed = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| SNIFFED_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
    if !sniffed || std::fs::metadata(path).is_ok_and(|m| m.len() > SNIFF_MAX) {
        return true;
    }
    std::fs::read(path).map_or(true, |b| crate::ingest::recognised(&b))
}

fn wanted(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let lower = name.to_ascii_lowercase();
    if name.starts_with('.') || lower.ends_with(".chat.txt") {
        return false;
    }
    // Licence and read-me files that sit next to exports are not transcripts.
    if [
        "license",
        "licence",
        "copying",
        "readme",
        "notice",
        "changelog",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
    {
        return false;
    }
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| TRANSCRIPT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// A path that could not be expanded, with the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiscoverError {
    /// The path as given or found.
    pub path: String,
    /// What went wrong.
    pub message: String,
}

/// Expands `paths` into inputs; problems (missing paths, unreadable directories) are
/// returned separately so the rest of the batch still runs.
pub fn expand(paths: &[PathBuf]) -> (Vec<Input>, Vec<DiscoverError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(p) {
            Err(e) => errors.push(DiscoverError {
                path: p.display().to_string(),
                message: format!("cannot read: {e}"),
            }),
            Ok(m) if m.is_dir() => {
                let walker = walkdir::WalkDir::new(p)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_entry(|e| {
                        e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                    });
                for entry in walker {
                    match entry {
                        Ok(e)
                            if e.file_type().is_file()
                                && wanted(e.path())
                                && keep_sniffed(e.path()) =>
                        {
                            inputs.push(Input::File(e.into_path()))
                        }
                        Ok(_) => {}
                        Err(e) => errors.push(DiscoverError {
                            path: e.path().map_or_else(
                                || p.display().to_string(),
                                |x| x.display().to_string(),
                            ),
                            message: format!("cannot walk: {e}"),
                        }),
                    }
                }
            }
            Ok(_) => inputs.push(Input::File(p.clone())),
        }
    }
    inputs.sort();
    inputs.dedup();
    (inputs, errors)
}
