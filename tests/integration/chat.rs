//! Real Zoom chat exports: per-person counts of messages and reactions from
//! `turnstat::chat::parse` agree with an independent line scan of the raw text, and content
//! sniffing tells the chats from every other file of the corpus and the fixtures.

use crate::util::{corpus, fixtures};
use regex::Regex;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use turnstat::chat::{self, ChatClock, ChatLayout, ChatLog};

/// (messages, reactions) per person.
type Counts = BTreeMap<String, (usize, usize)>;

/// The counts in a parsed log.
fn parsed_counts(log: &ChatLog) -> Counts {
    let mut c = Counts::new();
    for m in &log.messages {
        c.entry(m.name.clone()).or_default().0 += 1;
    }
    for r in &log.reactions {
        c.entry(r.name.clone()).or_default().1 += 1;
    }
    c
}

/// An independent count: the raw text split at `\n` only, a message starting at every line
/// that `header` matches (group 1 the name) and running to the next one; a reaction is a
/// message whose first line starts with `Reacted to ` and whose last non-blank line ends
/// with an emoji after `with` (`" with 👍` or ` with "👍"`); a message whose first line starts
/// with `Removed a ` is neither.
fn scanned_counts(raw: &str, header: &Regex) -> Counts {
    let reaction_end = Regex::new(r#"(?:" with [^\s"]+|\swith "[^\s"]+")$"#).unwrap();
    let mut bodies: Vec<(String, Vec<&str>)> = Vec::new();
    for line in raw.split('\n') {
        if let Some(c) = header.captures(line) {
            let rest = &line[c.get(0).unwrap().end()..];
            bodies.push((c[1].trim().to_string(), vec![rest]));
        } else if let Some(last) = bodies.last_mut() {
            last.1.push(line);
        }
    }
    let mut c = Counts::new();
    for (name, lines) in bodies {
        let first = lines[0].trim();
        if first.starts_with("Removed a ") {
            continue;
        }
        let last = lines
            .iter()
            .rev()
            .map(|l| l.trim())
            .find(|l| !l.is_empty())
            .unwrap_or("");
        let is_reaction = first.starts_with("Reacted to ") && reaction_end.is_match(last);
        let e = c.entry(name).or_default();
        if is_reaction {
            e.1 += 1;
        } else {
            e.0 += 1;
        }
    }
    c
}

/// Parses `path` and checks its counts against the scan with `header`.
fn check_file(path: &Path, header: &Regex, layout: ChatLayout) -> (usize, usize) {
    let raw = std::fs::read_to_string(path).unwrap();
    let source = path.display().to_string();
    let log = chat::parse(&source, &raw).unwrap_or_else(|e| panic!("{source}: {e:?}"));
    assert_eq!(log.layout, layout, "{source}");
    let clock = match layout {
        ChatLayout::ZoomTab => ChatClock::Offset,
        _ => ChatClock::TimeOfDay,
    };
    assert_eq!(log.clock, clock, "{source}");
    assert!(
        log.diagnostics.is_empty(),
        "{source}: {:?}",
        log.diagnostics
    );
    assert_eq!(log.private_left_out, 0, "{source}");
    let want = scanned_counts(&raw, header);
    let got = parsed_counts(&log);
    for (name, counts) in &want {
        assert_eq!(got.get(name), Some(counts), "{source}: {name}");
    }
    assert_eq!(got, want, "{source}");
    assert!(log.messages.windows(2).all(|w| w[0].line < w[1].line));
    assert!(chat::looks_like_chat(&raw), "{source}");
    (log.messages.len(), log.reactions.len())
}

/// The cloud-recording chats (`*.chat.txt`, tab layout) of the Ethereum calls.
fn tab_chats(c: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(c.join("zoom-ethereum-acd"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".chat.txt"))
        .collect();
    v.sort();
    v
}

/// Every tab-layout chat: per person, the same numbers of messages and reactions as the scan.
#[test]
fn tab_chats_agree_with_a_line_scan() {
    let Some(c) = corpus() else { return };
    let header = Regex::new(r"^\d\d:\d\d:\d\d\t([^\t]*):\t").unwrap();
    let files = tab_chats(&c);
    assert_eq!(files.len(), 51);
    let (mut messages, mut reactions) = (0, 0);
    for f in files {
        let (m, r) = check_file(&f, &header, ChatLayout::ZoomTab);
        messages += m;
        reactions += r;
    }
    // Both kinds are well represented (about 7,500 messages and 4,000 reactions).
    assert!(
        messages > 5000 && reactions > 3000,
        "{messages} {reactions}"
    );
}

/// The two `From  Name : message` chats: per person, the same numbers as the scan.
#[test]
fn from_chats_agree_with_a_line_scan() {
    let Some(c) = corpus() else { return };
    let header = Regex::new(r"^\d\d:\d\d:\d\d\t From\s+(.+?) : ").unwrap();
    let dir = c.join("exports/zoom-chat");
    let mut n = 0;
    for name in ["certcc-ssvc-2020-09-29.txt", "agu-oss-2020-workshop.txt"] {
        let (m, _) = check_file(&dir.join(name), &header, ChatLayout::ZoomFrom);
        n += m;
    }
    assert_eq!(n, 49 + 121);
}

/// Texts of the tab chats: no reply keeps its `Replying to` header, no text a CR, and
/// replies are common. (A quote may be empty: Zoom writes `Replying to ""` for a message
/// without text.)
#[test]
fn tab_chat_replies_have_quotes() {
    let Some(c) = corpus() else { return };
    let mut replies = 0;
    for f in tab_chats(&c) {
        let raw = std::fs::read_to_string(&f).unwrap();
        let log = chat::parse("x", &raw).unwrap();
        for m in &log.messages {
            assert!(
                !m.text.starts_with("Replying to \""),
                "{}:{}",
                f.display(),
                m.line
            );
            assert!(!m.text.contains('\r'), "{}:{}", f.display(), m.line);
            if m.reply_to.is_some() {
                replies += 1;
            }
        }
    }
    assert!(replies > 2000, "{replies}");
}

/// Content sniffing: every chat of the corpus looks like a chat; no other file of the
/// corpus or of the fixtures does, but the fixture that is a chat log.
#[test]
fn only_chats_look_like_chats() {
    let mut roots = vec![fixtures()];
    if let Some(c) = corpus() {
        roots.push(c);
    }
    let (mut yes, mut no) = (0, 0);
    for root in roots {
        for entry in walkdir::WalkDir::new(&root) {
            let entry = entry.unwrap();
            if !entry.file_type().is_file() {
                continue;
            }
            let path = entry.path();
            let name = path.to_string_lossy();
            let bytes = std::fs::read(path).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            let chat = name.ends_with(".chat.txt")
                || name.ends_with("meeting_saved_chat.txt")
                || name.contains("exports/zoom-chat/")
                || name.contains("fixtures/chat/")
                    && name.ends_with(".txt")
                    && !name.contains("LICEN")
                || name.ends_with("text-zoom-chat-log.txt");
            assert_eq!(chat::looks_like_chat(&text), chat, "{name}");
            if chat {
                yes += 1;
            } else {
                no += 1;
            }
        }
    }
    assert!(yes >= 1 && no > 100, "{yes} {no}");
}
