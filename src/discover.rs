//! Expands the command line's paths into the list of inputs, in a deterministic order.
//!
//! A file named on the command line is always read, whatever its name. A directory is walked
//! recursively (sorted by name, symlinks not followed, hidden entries skipped) and yields
//! files with a transcript extension: `.vtt`, `.webvtt`, `.srt`, `.sbv`, `.json`, `.rttm`, `.txt`,
//! and `.md` and `.docx` **when their content is a recognised transcript** — except licence and
//! read-me files (`LICENSE*`, `LICENCE*`, `COPYING*`, `README*`, `NOTICE*`, `CHANGELOG*`),
//! which are not transcripts. Zoom chat exports are walked too and paired with their
//! transcripts (below). `-` is stdin.
//!
//! Markdown and Word files sit next to transcripts as notes and agendas as often as they hold
//! one, so a walked `.md` or `.docx` is kept only when its content has the layout of a format
//! turnstat recognises (a Google Meet transcript, Teams or Stream turns, WebVTT, …; see
//! [`crate::ingest::recognised`]), not merely text that the plain `Name: text` reader would
//! take: a note in the folder is skipped silently instead of becoming an error or a fake
//! meeting. A file named on the command line is read whatever it holds.
//! The final list is sorted and deduplicated, so output order never depends on the order of
//! arguments or on the file system.
//!
//! **Chat pairing** ([`pair`]). A Zoom chat export is paired with the transcript of the same
//! call without being asked, whether the files were named or found by the walk:
//! 1. `<name>.chat.txt` goes with `<name>.<ext>` in the same folder (`acdc_174.chat.txt` with
//!    `acdc_174.vtt`; for `x.transcript.vtt` also `x.chat.txt`);
//! 2. otherwise a chat file in a folder that holds exactly one transcript goes with it: Zoom's
//!    local recording folders hold `meeting_saved_chat.txt` beside one `*.transcript.vtt`.
//!
//! A chat file is told by its name (`*.chat.txt`, `meeting_saved_chat.txt`,
//! `*newChat.txt`) or, for other `.txt` files, by its content (Zoom's chat line layouts, see
//! [`crate::chat`]). A chat with no transcript to go with is analysed alone. `--chat FILE`
//! pairs one transcript with a chat explicitly; `--no-chat` leaves chats out (no pairing, walked chat files dropped).

use std::path::{Path, PathBuf};

/// One input to read.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    /// Standard input (`-`).
    Stdin,
    /// A file path.
    File(PathBuf),
    /// A transcript and the chat of the same meeting.
    Paired {
        /// The transcript.
        transcript: PathBuf,
        /// The chat export.
        chat: PathBuf,
    },
}

impl Input {
    /// The name used in outputs and diagnostics (a pair is named by its transcript).
    pub fn display(&self) -> String {
        match self.path() {
            None => "-".to_string(),
            Some(p) => p.display().to_string(),
        }
    }

    /// The file read as the meeting's transcript; `None` for stdin.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Input::Stdin => None,
            Input::File(p) | Input::Paired { transcript: p, .. } => Some(p),
        }
    }

    /// The paired chat file, if any.
    pub fn chat(&self) -> Option<&Path> {
        match self {
            Input::Paired { chat, .. } => Some(chat),
            _ => None,
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
    if name.starts_with('.') {
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

/// True when a file's name says it is a Zoom chat export.
fn chat_by_name(path: &Path) -> bool {
    let lower = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    lower.ends_with(".chat.txt")
        || lower == "meeting_saved_chat.txt"
        || lower.ends_with("newchat.txt")
}

/// True when `path` is a chat export: by name, or a `.txt` whose first 4 KiB read as one.
pub fn is_chat_file(path: &Path) -> bool {
    if chat_by_name(path) {
        return true;
    }
    if !path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
    {
        return false;
    }
    let mut head = Vec::new();
    let Ok(f) = std::fs::File::open(path) else {
        return false;
    };
    if std::io::Read::read_to_end(&mut std::io::Read::take(f, 4096), &mut head).is_err() {
        return false;
    }
    crate::chat::looks_like_chat(&String::from_utf8_lossy(&head))
}

/// The transcript stems a chat file's name points to: `a.chat.txt` → `a`;
/// `meeting_saved_chat.txt` → none (it pairs by folder).
fn chat_stem(chat: &Path) -> Option<String> {
    let name = chat.file_name()?.to_str()?;
    let lower = name.to_ascii_lowercase();
    let cut = if lower.ends_with(".chat.txt") {
        ".chat.txt".len()
    } else if lower.ends_with("newchat.txt") {
        "newchat.txt".len()
    } else {
        return None;
    };
    let stem = &name[..name.len() - cut];
    (!stem.is_empty()).then(|| stem.to_string())
}

/// The stems a transcript answers to: `a.vtt` → `a`; `x.transcript.vtt` → `x.transcript`
/// and `x`.
fn transcript_stems(t: &Path) -> Vec<String> {
    let Some(stem) = t.file_stem().and_then(|s| s.to_str()) else {
        return Vec::new();
    };
    let mut v = vec![stem.to_string()];
    if let Some(s) = stem
        .strip_suffix(".transcript")
        .or_else(|| stem.strip_suffix(".cc"))
    {
        v.push(s.to_string());
    }
    v
}

/// Pairs chat exports with transcripts (see the module docs for the rules). Chat files among
/// `inputs` that find a transcript leave the list and ride along with it; chat files found on
/// disk beside a named transcript are paired too. The result is sorted.
pub fn pair(inputs: Vec<Input>) -> Vec<Input> {
    let (chats, mut rest): (Vec<Input>, Vec<Input>) = inputs
        .into_iter()
        .partition(|i| matches!(i, Input::File(p) if is_chat_file(p)));
    let mut chats: Vec<PathBuf> = chats
        .into_iter()
        .filter_map(|i| i.path().map(Path::to_path_buf))
        .collect();
    let given: std::collections::BTreeSet<PathBuf> = chats.iter().cloned().collect();
    // Chat files beside named transcripts, not named themselves.
    let mut dirs: Vec<PathBuf> = rest
        .iter()
        .filter_map(|i| i.path()?.parent().map(Path::to_path_buf))
        .collect();
    dirs.sort();
    dirs.dedup();
    for d in &dirs {
        let dir = if d.as_os_str().is_empty() {
            Path::new(".")
        } else {
            d.as_path()
        };
        let Ok(rd) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut found: Vec<PathBuf> = rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && chat_by_name(p))
            .map(|p| d.join(p.file_name().unwrap_or_default()))
            .collect();
        found.sort();
        chats.extend(found);
    }
    chats.sort();
    chats.dedup();
    let mut unpaired = Vec::new();
    for chat in chats {
        let dir = chat.parent().map(Path::to_path_buf).unwrap_or_default();
        let same_dir = |i: &Input| matches!(i, Input::File(p) if p.parent().map(Path::to_path_buf).unwrap_or_default() == dir);
        let by_stem = chat_stem(&chat).and_then(|stem| {
            rest.iter().position(|i| {
                same_dir(i)
                    && i.path()
                        .is_some_and(|p| transcript_stems(p).contains(&stem))
            })
        });
        // The folder must hold one transcript on disk, not merely one among the inputs.
        let by_folder = || {
            let in_dir: Vec<usize> = (0..rest.len()).filter(|&k| same_dir(&rest[k])).collect();
            (in_dir.len() == 1 && transcripts_in(&dir) == 1).then(|| in_dir[0])
        };
        match by_stem.or_else(by_folder) {
            Some(k) => {
                if let Input::File(t) = &rest[k] {
                    rest[k] = Input::Paired {
                        transcript: t.clone(),
                        chat,
                    };
                }
            }
            // A chat that was named or walked is analysed alone; one found beside a
            // transcript it does not belong to stays out.
            None if given.contains(&chat) => unpaired.push(chat),
            None => {}
        }
    }
    rest.extend(unpaired.into_iter().map(Input::File));
    // By path, as `expand` orders them: a pair sorts by its transcript.
    rest.sort_by(|a, b| a.path().cmp(&b.path()).then_with(|| a.cmp(b)));
    rest.dedup();
    rest
}

/// How many files in `dir` (not below it) a walk would read as transcripts, chat exports
/// left out.
fn transcripts_in(dir: &Path) -> usize {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    std::fs::read_dir(dir).map_or(0, |rd| {
        rd.filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && wanted(p) && !is_chat_file(p))
            .count()
    })
}
