//! Reading Zoom chat exports: text → [`ChatLog`].
//!
//! # Layouts
//!
//! A chat file is a sequence of messages. A message starts at a *header line*, a line that
//! begins with a time `HH:MM:SS` (or `H:MM:SS`) in one of these forms, and runs until the next
//! header line; every line in between belongs to it, blank lines included:
//!
//! * tab ([`ChatLayout::ZoomTab`], cloud recordings): `00:18:23⇥Name:⇥message`. The name
//!   field is everything between the two tabs and ends with `:` (names may hold `:`, `|`,
//!   `(`). Times are offsets from the start of the recording ([`ChatClock::Offset`]).
//! * from ([`ChatLayout::ZoomFrom`], older local saves): `09:03:42⇥ From  Name : message`,
//!   the name ending at the first ` : `.
//! * from-to ([`ChatLayout::ZoomFromTo`], local saves): `10:01:00 From Name to Everyone:
//!   message`, with single or double spaces (`From  Name  to  Everyone : message`), a tab
//!   before `From`, `To` capitalised, or the message on the following lines, each indented
//!   by a tab (`10:01:00 From Name To Everyone:` then `⇥message`); the indentation is not
//!   part of the text.
//!
//! Header lines of both families are recognised anywhere in a file (Zoom's local recordings
//! mix tab lines with `From … to …(Privately)` lines); the file's layout and clock are those
//! of the family most of its headers belong to, `ZoomFromTo` when a public message names
//! its recipient or starts on the line after its header. The two from layouts give times of
//! day ([`ChatClock::TimeOfDay`], hours below 24). A line that merely starts with a time
//! (`02:11 PM`, `12:00:00 works for me`) without the rest of a header continues the message.
//!
//! Line ends: CRLF, LF and a lone CR each end a line (Zoom writes CRLF after a message and
//! LF or a lone CR between the lines of one), and line numbers count them that way, as
//! WebVTT does. A byte-order mark at the start is skipped.
//!
//! # Replies, reactions, removed reactions
//!
//! * A message whose text starts with `Replying to "` is a reply: the quote runs to the first
//!   line that ends with `"` (it may span lines and be cut short with `...` or `…`) and goes
//!   to [`ChatMessage::reply_to`]; the blank line after it is dropped and the rest is the
//!   text. `Replying to "quote" text` on one line is read too.
//! * A message whose whole text is `Reacted to "…" with 👍` (the quote may span lines) or
//!   `Reacted to … with "👍"` is a [`ChatReaction`], not a message. The emoji must be one
//!   word with a character outside ASCII; otherwise the text is an ordinary message.
//! * `Removed a 👍 reaction from "…"` and `Removed a reaction…` are counted in
//!   [`ChatLog::removed_reactions`] and are neither.
//!
//! # Private messages
//!
//! Only messages to everyone are kept. Any other message is counted in
//! [`ChatLog::private_left_out`] and its name and text are dropped as it is read:
//!
//! * a from header whose sender part carries `(Direct Message)` or `(Privately)` (any case,
//!   with or without a space before it);
//! * a from header addressed to anyone but `Everyone` or `All panelists and attendees`
//!   (a webinar's public choice): `to Bob`, `to Me`, `From Me to Bob`, `to All Panelists`,
//!   `to Hosts and panelists`, `to Waiting Room`, `to Everyone (in Waiting Room)`. A header
//!   with the word `to` that is not followed by a public recipient counts as addressed,
//!   so a from-layout display name with the word `to` in it (`Back to School`) is left out
//!   too: precision and privacy come first;
//! * a tab-layout name field that carries `(Direct Message)` or `(Privately)`.
//!
//! Messages of bots and note-takers are read like any other; telling people from programs
//! is left to later stages.
//!
//! # Problems
//!
//! A text with no header line at all is not a chat: [`parse`] returns an error. Everything
//! else is read: lines before the first message, a header whose time is not a time, or a
//! header without a name become warnings with their line, and the message is skipped.

use super::{ChatClock, ChatLayout, ChatLog, ChatMessage, ChatReaction};
use crate::diag::Diagnostic;
use regex::Regex;
use std::sync::LazyLock;

/// Recipients of a public message (lower case).
const PUBLIC_RECIPIENTS: &str = "everyone|all panelists and attendees";

/// `Name to Everyone: message` with the sender free of colons: the one-line from-to form.
static PUBLIC_ONE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^([^:]*?)\s+to\s+(?:{PUBLIC_RECIPIENTS})\s*:(\s.*)?$"
    ))
    .expect("valid regex")
});

/// A sender part that ends with a public recipient: `Name to Everyone`.
static PUBLIC_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^(.*?)\s+to\s+(?:{PUBLIC_RECIPIENTS})$")).expect("valid regex")
});

/// The word `to` on its own.
static TO_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|\s)to(?:\s|$)").expect("valid regex"));

/// `Removed a 👍 reaction from "…"`, `Removed a reaction`.
static REMOVED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^Removed an? (?:\S{1,32} )?reaction(?:$|\s+from\s)"#).expect("valid regex")
});

/// `Replying to "quote" text` on one line (the quote free of `"`).
static REPLY_ONE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"^Replying to "([^"]*)"\s+(\S.*)$"#).expect("valid regex"));

/// How many non-blank lines [`looks_like_chat`] looks at.
const SNIFF_LINES: usize = 1;

/// True when `text` looks like a Zoom chat export: its first non-blank line (after a
/// byte-order mark) is a chat header line of one of the layouts, with minutes and seconds
/// below 60. Reads only the start of the text.
///
/// WebVTT, SRT, JSON, `Name: text` transcripts, Otter (`Name  0:00`) and Google Meet
/// exports (a `00:05:00` line alone) are not chats.
pub fn looks_like_chat(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut seen = 0;
    for line in Lines::new(text) {
        if line.trim().is_empty() {
            continue;
        }
        match header(line) {
            Some(h) if h.clock.minutes < 60 && h.clock.seconds < 60 => seen += 1,
            _ => return false,
        }
        if seen >= SNIFF_LINES {
            return true;
        }
    }
    false
}

/// Reads a Zoom chat export. `source` names the file in the log; `text` is the decoded
/// file (a byte-order mark, CRLF, LF and lone CR are all fine).
///
/// Returns an error only when no line of `text` starts a chat message (an empty file
/// included). Lines that cannot be read become warnings in [`ChatLog::diagnostics`];
/// private messages are counted and dropped (see the module documentation).
pub fn parse(source: &str, text: &str) -> Result<ChatLog, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = Lines::new(text).collect();
    let heads: Vec<Option<Header>> = lines.iter().map(|l| header(l)).collect();
    let Some(first) = heads.iter().position(Option::is_some) else {
        return Err(not_a_chat(&lines));
    };
    let (layout, clock) = layout_of(&heads);
    let mut log = ChatLog {
        source: source.to_string(),
        layout,
        clock,
        messages: Vec::new(),
        reactions: Vec::new(),
        removed_reactions: 0,
        private_left_out: 0,
        diagnostics: Vec::new(),
    };
    preamble(&lines[..first], &mut log.diagnostics);
    let mut start = first;
    while start < lines.len() {
        let end = heads[start + 1..]
            .iter()
            .position(Option::is_some)
            .map_or(lines.len(), |p| start + 1 + p);
        if let Some(h) = &heads[start] {
            read_message(&mut log, h, start + 1, &lines[start + 1..end]);
        }
        start = end;
    }
    Ok(log)
}

/// The error for a text without a chat message: names the first non-blank line.
fn not_a_chat(lines: &[&str]) -> Diagnostic {
    match lines.iter().position(|l| !l.trim().is_empty()) {
        None => Diagnostic::error(Some(1), "empty file: no Zoom chat message found"),
        Some(i) => Diagnostic::error(
            Some(i + 1),
            "not a Zoom chat export: no line starts a chat message \
             (`HH:MM:SS<tab>Name:<tab>text` or `HH:MM:SS From Name …`), this first line included",
        ),
    }
}

/// One warning for the non-blank lines before the first message.
fn preamble(lines: &[&str], diags: &mut Vec<Diagnostic>) {
    let mut skipped = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    if let Some((i, _)) = skipped.next() {
        let n = 1 + skipped.count();
        diags.push(Diagnostic::warning(
            Some(i + 1),
            format!(
                "{n} line(s) before the first chat message are not chat messages; skipped \
                 (first here)"
            ),
        ));
    }
}

/// The layout and clock of a file: the family of most of its headers.
fn layout_of(heads: &[Option<Header>]) -> (ChatLayout, ChatClock) {
    let (mut tab, mut from, mut to) = (0usize, 0usize, false);
    for h in heads.iter().flatten() {
        match h.family {
            Family::Tab => tab += 1,
            Family::From => {
                from += 1;
                to |= h.header_only || matches!(h.sender, Sender::Public { to: true, .. });
            }
        }
    }
    if tab > from {
        (ChatLayout::ZoomTab, ChatClock::Offset)
    } else if to {
        (ChatLayout::ZoomFromTo, ChatClock::TimeOfDay)
    } else {
        (ChatLayout::ZoomFrom, ChatClock::TimeOfDay)
    }
}

/// Adds one message (header `h` on 1-based line `line`, continuation lines `rest`) to the
/// log: a message, a reaction, a removed reaction, a private message, or a warning.
fn read_message(log: &mut ChatLog, h: &Header, line: usize, rest: &[&str]) {
    let name = match h.sender {
        Sender::Private => {
            log.private_left_out += 1;
            return;
        }
        Sender::Public { name, .. } => name,
    };
    if name.is_empty() {
        log.diagnostics.push(Diagnostic::warning(
            Some(line),
            "chat message without a sender name; skipped",
        ));
        return;
    }
    let Some(time_ms) = h.clock.ms(log.clock) else {
        let what = match log.clock {
            ChatClock::Offset => "a time",
            ChatClock::TimeOfDay => "a time of day",
        };
        log.diagnostics.push(Diagnostic::warning(
            Some(line),
            format!("`{}` is not {what}; chat message skipped", h.clock.text),
        ));
        return;
    };
    let body = body_lines(h, rest);
    match classify(&body) {
        Body::Removed => log.removed_reactions += 1,
        Body::Reaction { emoji, target } => log.reactions.push(ChatReaction {
            time_ms,
            name: name.to_string(),
            emoji,
            target,
            line,
        }),
        Body::Message { text, reply_to } => log.messages.push(ChatMessage {
            time_ms,
            name: name.to_string(),
            text,
            reply_to,
            line,
        }),
    }
}

/// The lines of a message's text: the rest of the header line and the continuation lines
/// (unindented in the form whose message starts on the next line), without blank lines at
/// either end.
fn body_lines<'a>(h: &Header<'a>, rest: &[&'a str]) -> Vec<&'a str> {
    let mut v = Vec::with_capacity(rest.len() + 1);
    v.push(h.first.trim_start());
    for l in rest {
        v.push(if h.header_only {
            l.trim_start_matches([' ', '\t'])
        } else {
            l
        });
    }
    while v.last().is_some_and(|l| l.trim().is_empty()) {
        v.pop();
    }
    let lead = v.iter().take_while(|l| l.trim().is_empty()).count();
    v.drain(..lead);
    v
}

/// What a public message's text turns out to be.
#[derive(Debug, PartialEq)]
enum Body {
    /// A message, possibly a reply.
    Message {
        text: String,
        reply_to: Option<String>,
    },
    /// `Reacted to "…" with 👍`.
    Reaction { emoji: String, target: String },
    /// `Removed a 👍 reaction from "…"`.
    Removed,
}

/// Sorts a message's text lines into a message, a reaction or a removed reaction.
fn classify(lines: &[&str]) -> Body {
    let first = lines.first().map_or("", |l| l.trim());
    if REMOVED.is_match(first) {
        return Body::Removed;
    }
    let joined = join(lines);
    if let Some((emoji, target)) = reaction(&joined) {
        return Body::Reaction { emoji, target };
    }
    if first.starts_with("Replying to \"")
        && let Some((reply_to, text)) = reply(lines)
    {
        return Body::Message {
            text,
            reply_to: Some(reply_to),
        };
    }
    Body::Message {
        text: joined,
        reply_to: None,
    }
}

/// Lines joined by `\n`, each without trailing white space, the whole trimmed.
fn join(lines: &[&str]) -> String {
    lines
        .iter()
        .map(|l| l.trim_end())
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// `Reacted to "target" with 👍` or `Reacted to target with "👍"`: (emoji, target).
fn reaction(text: &str) -> Option<(String, String)> {
    let after = text.strip_prefix("Reacted to ")?;
    if let Some(inner) = after.strip_suffix('"')
        && let Some(p) = inner.rfind(" with \"")
        && let Some(emoji) = inner.get(p + 7..)
        && is_emoji(emoji)
    {
        let target = after.get(..p)?.trim();
        let target = target
            .strip_prefix('"')
            .and_then(|t| t.strip_suffix('"'))
            .unwrap_or(target);
        return Some((emoji.to_string(), target.to_string()));
    }
    let quoted = after.strip_prefix('"')?;
    let p = quoted.rfind("\" with ")?;
    let emoji = quoted.get(p + 7..)?.trim();
    is_emoji(emoji).then(|| (emoji.to_string(), quoted.get(..p).unwrap_or("").to_string()))
}

/// A reaction's emoji: one short word with a character outside ASCII (`👍`, `2️⃣`).
fn is_emoji(s: &str) -> bool {
    !s.is_empty()
        && s.chars().count() <= 32
        && !s.contains(|c: char| c.is_whitespace() || c == '"')
        && !s.is_ascii()
}

/// A reply's (quote, text), or `None` when the quote never closes.
fn reply(lines: &[&str]) -> Option<(String, String)> {
    let first = lines.first()?.trim_start();
    let open = first.strip_prefix("Replying to \"")?;
    if !first.trim_end().ends_with('"')
        && let Some(c) = REPLY_ONE_LINE.captures(first.trim_end())
    {
        let quote = c.get(1).map_or("", |m| m.as_str()).to_string();
        let mut text = vec![c.get(2).map_or("", |m| m.as_str())];
        text.extend_from_slice(lines.get(1..).unwrap_or(&[]));
        return Some((quote, join(&text)));
    }
    let mut quote: Vec<&str> = Vec::new();
    for (k, l) in lines.iter().enumerate() {
        let part = if k == 0 { open } else { l };
        let t = part.trim_end();
        if let Some(last) = t.strip_suffix('"') {
            quote.push(last);
            let mut rest = lines.get(k + 1..).unwrap_or(&[]);
            if rest.first().is_some_and(|l| l.trim().is_empty()) {
                rest = &rest[1..];
            }
            return Some((quote.join("\n"), join(rest)));
        }
        quote.push(t);
    }
    None
}

/// The two families of header lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    /// `HH:MM:SS⇥Name:⇥…`
    Tab,
    /// `HH:MM:SS From …`
    From,
}

/// Who wrote a message, as far as the header tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sender<'a> {
    /// A message to everyone: the sender (trimmed, possibly empty) and whether the header
    /// named the recipient.
    Public { name: &'a str, to: bool },
    /// Anything else: never read further.
    Private,
}

/// The time at the start of a header, as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Clock<'a> {
    text: &'a str,
    hours: u64,
    minutes: u64,
    seconds: u64,
}

impl Clock<'_> {
    /// Milliseconds, or `None` when the fields are out of range for `clock`.
    fn ms(&self, clock: ChatClock) -> Option<u64> {
        let hours_ok = match clock {
            ChatClock::Offset => true,
            ChatClock::TimeOfDay => self.hours < 24,
        };
        (hours_ok && self.minutes < 60 && self.seconds < 60)
            .then(|| ((self.hours * 60 + self.minutes) * 60 + self.seconds) * 1000)
    }
}

/// A parsed header line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Header<'a> {
    family: Family,
    clock: Clock<'a>,
    sender: Sender<'a>,
    /// The text after the header on the same line.
    first: &'a str,
    /// The header ends the line and the message follows on indented lines.
    header_only: bool,
}

/// `H:MM:SS` or `HH:MM:SS` at the start of `line` and the rest of the line.
fn clock_prefix(line: &str) -> Option<(Clock<'_>, &str)> {
    let b = line.as_bytes();
    let h = b.iter().take(3).take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&h) {
        return None;
    }
    let shape = |i: usize| b.get(i) == Some(&b':') && two_digits(b, i + 1).is_some();
    if !shape(h) || !shape(h + 3) || b.get(h + 6).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let hours = b[..h]
        .iter()
        .fold(0u64, |v, d| v * 10 + u64::from(d - b'0'));
    let clock = Clock {
        text: line.get(..h + 6)?,
        hours,
        minutes: two_digits(b, h + 1)?,
        seconds: two_digits(b, h + 4)?,
    };
    Some((clock, line.get(h + 6..)?))
}

/// Two ASCII digits at `i`.
fn two_digits(b: &[u8], i: usize) -> Option<u64> {
    match (b.get(i), b.get(i + 1)) {
        (Some(a), Some(c)) if a.is_ascii_digit() && c.is_ascii_digit() => {
            Some(u64::from(a - b'0') * 10 + u64::from(c - b'0'))
        }
        _ => None,
    }
}

/// The header at the start of `line`, if it is one.
fn header(line: &str) -> Option<Header<'_>> {
    let (clock, rest) = clock_prefix(line)?;
    if let Some(h) = tab_header(clock, rest) {
        return Some(h);
    }
    from_header(clock, rest)
}

/// `⇥Name:⇥message` (also `⇥Name:` ending the line).
fn tab_header<'a>(clock: Clock<'a>, rest: &'a str) -> Option<Header<'a>> {
    let rest = rest.strip_prefix('\t')?;
    let (field, first) = match rest.split_once('\t') {
        Some((f, m)) => (f, m),
        None => (rest.trim_end(), ""),
    };
    if field.starts_with([' ', '\t']) {
        // `⇥ From  Name : …` is the from layout.
        return None;
    }
    let name = field.strip_suffix(':')?;
    let sender = if has_private_marker(name) {
        Sender::Private
    } else {
        Sender::Public {
            name: name.trim(),
            to: false,
        }
    };
    Some(Header {
        family: Family::Tab,
        clock,
        sender,
        first,
        header_only: false,
    })
}

/// `From …` after the time and white space.
fn from_header<'a>(clock: Clock<'a>, rest: &'a str) -> Option<Header<'a>> {
    let r = rest.trim_start_matches([' ', '\t']);
    if r.len() == rest.len() {
        return None;
    }
    let r = r.strip_prefix("From")?;
    let r2 = r.trim_start_matches([' ', '\t']);
    if r2.len() == r.len() {
        return None;
    }
    let (sender, first, header_only) = from_sender(r2)?;
    Some(Header {
        family: Family::From,
        clock,
        sender,
        first,
        header_only,
    })
}

/// Splits the part after `From ` into the sender and the message's first text, and tells
/// whether the message is public. See the module documentation for the rule.
fn from_sender(r: &str) -> Option<(Sender<'_>, &str, bool)> {
    if let Some(c) = PUBLIC_ONE_LINE.captures(r) {
        let name = c.get(1).map_or("", |m| m.as_str()).trim();
        if !has_private_marker(name) {
            let first = c.get(2).map_or("", |m| m.as_str());
            let header_only = first.trim().is_empty();
            return Some((Sender::Public { name, to: true }, first, header_only));
        }
    }
    let (head, first, header_only) = split_from(r)?;
    let head = head.trim();
    let sender = if has_private_marker(head) {
        Sender::Private
    } else if let Some(c) = PUBLIC_SUFFIX.captures(head) {
        Sender::Public {
            name: c.get(1).map_or("", |m| m.as_str()).trim(),
            to: true,
        }
    } else if TO_WORD.is_match(head) {
        Sender::Private
    } else {
        Sender::Public {
            name: head,
            to: false,
        }
    };
    Some((sender, first, header_only))
}

/// The header part of a from line and the rest: at the first ` : `, else at a colon ending
/// the line (the message follows on the next lines), else at the first `: `, else at the
/// first colon. `None` without a colon.
fn split_from(r: &str) -> Option<(&str, &str, bool)> {
    let b = r.as_bytes();
    let spaced = (1..b.len()).find(|&i| {
        b[i] == b':'
            && b[i - 1].is_ascii_whitespace()
            && b.get(i + 1).is_none_or(u8::is_ascii_whitespace)
    });
    if let Some(i) = spaced {
        return Some((r.get(..i)?, r.get(i + 1..)?, false));
    }
    let t = r.trim_end();
    if let Some(head) = t.strip_suffix(':') {
        return Some((head, "", true));
    }
    let i = (0..b.len())
        .find(|&i| b[i] == b':' && b.get(i + 1).is_some_and(u8::is_ascii_whitespace))
        .or_else(|| r.find(':'))?;
    Some((r.get(..i)?, r.get(i + 1..)?, false))
}

/// `(Direct Message)` or `(Privately)` anywhere, in any case.
fn has_private_marker(s: &str) -> bool {
    let l = s.to_lowercase();
    l.contains("(direct message)") || l.contains("(privately)")
}

/// The lines of a text, split at CRLF, LF and a lone CR.
struct Lines<'a> {
    rest: Option<&'a str>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Lines { rest: Some(text) }
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let text = self.rest?;
        match text.find(['\r', '\n']) {
            None => {
                self.rest = None;
                // A final line break does not start another (empty) line.
                (!text.is_empty()).then_some(text)
            }
            Some(i) => {
                let skip = if text[i..].starts_with("\r\n") { 2 } else { 1 };
                self.rest = Some(&text[i + skip..]);
                Some(&text[..i])
            }
        }
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
