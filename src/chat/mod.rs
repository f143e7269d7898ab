//! Meeting chat: the messages people wrote during a call, read from Zoom's chat exports.
//!
//! In remote meetings quiet people often take part in writing: links, questions, a 👍. A chat
//! log is read by [`parse()`] into a [`ChatLog`] and attached to the transcript of the same
//! call (see [`crate::discover`] for the pairing). Private messages are never kept: the
//! parser drops their text and name on reading and only counts them
//! ([`ChatLog::private_left_out`]), so no later stage can count, quote or render one.
//!
//! Times: Zoom's cloud recordings (the tab-separated layout) give each message's offset from
//! the start of the recording, the clock the transcript uses, so chat and speech share one
//! timeline as they are. The older client layouts give the time of day
//! ([`ChatClock::TimeOfDay`]); those times are kept as read and never placed on the
//! transcript's timeline, because the recording's start time is not in either file.

pub mod parse;

pub use parse::{looks_like_chat, parse};

/// The chat export layouts turnstat reads (all Zoom's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChatLayout {
    /// `HH:MM:SS\tName:\tmessage` (cloud recordings, 2022 and later).
    ZoomTab,
    /// `HH:MM:SS\t From  Name : message` (older local saves, CRLF).
    ZoomFrom,
    /// `HH:MM:SS From Name to Everyone: message` (local saves, 2020–2022 and later; the
    /// message may start on the next line, indented by a tab).
    ZoomFromTo,
}

impl ChatLayout {
    /// The name used in outputs: `zoom-chat/tab`, `zoom-chat/from`, `zoom-chat/from-to`.
    pub fn name(self) -> &'static str {
        match self {
            ChatLayout::ZoomTab => "zoom-chat/tab",
            ChatLayout::ZoomFrom => "zoom-chat/from",
            ChatLayout::ZoomFromTo => "zoom-chat/from-to",
        }
    }
}

impl ChatLayout {
    /// The layout of a name given by [`ChatLayout::name`].
    pub fn from_name(s: &str) -> Option<ChatLayout> {
        [
            ChatLayout::ZoomTab,
            ChatLayout::ZoomFrom,
            ChatLayout::ZoomFromTo,
        ]
        .into_iter()
        .find(|l| l.name() == s)
    }
}

/// What a chat time measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChatClock {
    /// Offset from the start of the recording: the transcript's clock.
    Offset,
    /// Time of day on the clock of the computer that saved the chat.
    TimeOfDay,
}

impl ChatClock {
    /// The name used in outputs: `recording` or `time-of-day`.
    pub fn name(self) -> &'static str {
        match self {
            ChatClock::Offset => "recording",
            ChatClock::TimeOfDay => "time-of-day",
        }
    }

    /// The clock of a name given by [`ChatClock::name`].
    pub fn from_name(s: &str) -> Option<ChatClock> {
        [ChatClock::Offset, ChatClock::TimeOfDay]
            .into_iter()
            .find(|c| c.name() == s)
    }
}

/// One public message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChatMessage {
    /// Time in ms: an offset or a time of day, see [`ChatLog::clock`].
    pub time_ms: u64,
    /// The writer's display name, as written.
    pub name: String,
    /// The message (lines joined by `\n`), without a `Replying to "…"` header.
    pub text: String,
    /// The quoted start of the message this one replies to, when it is a reply.
    pub reply_to: Option<String>,
    /// 1-based line of the message's first line in the chat file.
    pub line: usize,
}

/// One reaction to a message (`Reacted to "…" with 👍`): not a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChatReaction {
    /// Time in ms, on the log's clock.
    pub time_ms: u64,
    /// Who reacted, as written.
    pub name: String,
    /// The emoji.
    pub emoji: String,
    /// The quoted start of the message reacted to.
    pub target: String,
    /// 1-based line in the chat file.
    pub line: usize,
}

/// A chat file as read: public messages and reactions in file order, private ones counted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChatLog {
    /// Where it came from (the path as given or found).
    pub source: String,
    /// The layout it was written in.
    pub layout: ChatLayout,
    /// What its times measure.
    pub clock: ChatClock,
    /// Public messages (to everyone), in file order.
    pub messages: Vec<ChatMessage>,
    /// Reactions, in file order.
    pub reactions: Vec<ChatReaction>,
    /// `Removed a 👍 reaction from "…"` lines: counted, not subtracted from anyone.
    pub removed_reactions: usize,
    /// Direct and private messages (and messages to a subgroup such as panelists): counted
    /// here, their text and names dropped on reading.
    pub private_left_out: usize,
    /// Warnings found while reading it.
    pub diagnostics: Vec<crate::diag::Diagnostic>,
}

/// A chat file's diagnostic as a warning of the meeting it belongs to: the chat file and its
/// line go into the message, because the meeting's diagnostics are read against its
/// transcript's lines.
pub fn foreign(chat: &str, d: &crate::diag::Diagnostic) -> crate::diag::Diagnostic {
    let at = match d.line {
        Some(l) => format!("{chat}:{l}"),
        None => chat.to_string(),
    };
    crate::diag::Diagnostic::warning(None, format!("in the chat {at}: {}", d.message))
}
