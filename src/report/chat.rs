//! The chat part of a meeting's report (`meetings[].chat`): who wrote how much, their
//! participation share, and sentiment and inclusive-language findings read from the chat,
//! labelled as chat. Private messages appear only as a count (`private_left_out`).

use super::{SpeakerInclusive, SpeakerSentiment, round, secs};
use crate::chat::{ChatClock, ChatLog};
use crate::metrics::chat::ChatMetrics;
use serde::Serialize;

/// The meeting's chat.
#[derive(Clone, Debug, Serialize)]
pub struct ChatReport {
    /// The chat file.
    pub source: String,
    /// Its layout: `zoom-chat/tab`, `zoom-chat/from` or `zoom-chat/from-to`.
    pub format: &'static str,
    /// What the chat's times measure: `recording` (offsets from the start of the recording,
    /// the transcript's clock) or `time-of-day`.
    pub clock: &'static str,
    /// How chat times were placed against the speech, in words.
    pub alignment: &'static str,
    /// Public messages.
    pub messages: usize,
    /// Reactions.
    pub reactions: usize,
    /// Reactions removed again (counted, not subtracted from anyone).
    pub removed_reactions: usize,
    /// Direct and private messages: never counted for anyone, never quoted.
    pub private_left_out: usize,
    /// The language the chat is read in.
    pub language: crate::lang::Lang,
    /// Everyone in the meeting: speakers (in the speakers' order), then people who only
    /// wrote.
    pub people: Vec<ChatPersonReport>,
}

/// One person's part in the chat.
#[derive(Clone, Debug, Serialize)]
pub struct ChatPersonReport {
    /// Display name.
    pub name: String,
    /// The person also spoke.
    pub spoke: bool,
    /// Public messages.
    pub messages: usize,
    /// Words of the messages, links left out.
    pub words: usize,
    /// Messages that ask a question.
    pub questions: usize,
    /// Links posted.
    pub links: usize,
    /// Reactions given.
    pub reactions: usize,
    /// Talk and chat on one scale (README "Chat"); 4 decimals.
    pub participation_share: Option<f64>,
    /// VADER over the sentences of the person's messages (null when none was scored, or the
    /// language is not English).
    pub sentiment: Option<SpeakerSentiment>,
    /// Inclusive-language findings in the person's messages (null when the language is not
    /// English).
    pub inclusive: Option<SpeakerInclusive>,
    /// The person's own messages (for their private report; not serialised).
    #[serde(skip)]
    pub own: Vec<ChatQuote>,
}

/// One of a person's own messages, for their private report and the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct ChatQuote {
    /// Seconds on the transcript's timeline, when the chat's clock allows it.
    pub time: Option<f64>,
    /// The time as the chat wrote it (`HH:MM:SS`).
    pub at: String,
    /// The message.
    pub text: String,
    /// The message asks a question.
    pub question: bool,
}

impl ChatReport {
    /// `; 2 private messages left out (never counted or quoted)`, or nothing when none were:
    /// the words every report uses for them.
    pub fn private_note(&self) -> String {
        match self.private_left_out {
            0 => String::new(),
            1 => "; 1 private message left out (never counted or quoted)".to_string(),
            n => format!("; {n} private messages left out (never counted or quoted)"),
        }
    }
}

/// `HH:MM:SS` of a chat time.
pub fn clock_text(ms: u64) -> String {
    let s = ms / 1000;
    format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

/// Builds the chat report from the log and its figures.
pub fn build(log: &ChatLog, m: &ChatMetrics) -> ChatReport {
    let aligned = log.clock == ChatClock::Offset;
    let mut own: Vec<Vec<ChatQuote>> = vec![Vec::new(); m.people.len()];
    let key = |n: &str| crate::speakers::name_key(n);
    for msg in &log.messages {
        let k = key(&msg.name);
        if let Some(p) = m.people.iter().position(|p| key(&p.name) == k) {
            own[p].push(ChatQuote {
                time: aligned.then(|| secs(msg.time_ms)),
                at: clock_text(msg.time_ms),
                text: msg.text.clone(),
                question: crate::metrics::chat::asks(&msg.text),
            });
        }
    }
    let people = m
        .people
        .iter()
        .zip(own)
        .enumerate()
        .map(|(i, (p, own))| {
            let english = p.language.is_english() || p.language == crate::lang::Lang::UND;
            ChatPersonReport {
                name: p.name.clone(),
                spoke: p.speaker.is_some(),
                messages: p.messages,
                words: p.words,
                questions: p.questions,
                links: p.links,
                reactions: p.reactions,
                participation_share: p.participation.map(|x| round(x, 4)),
                sentiment: super::speaker_sentiment(&m.language, i),
                inclusive: english.then(|| super::speaker_inclusive(&m.language, i, Some(p.words))),
                own,
            }
        })
        .collect();
    ChatReport {
        source: log.source.clone(),
        format: log.layout.name(),
        clock: log.clock.name(),
        alignment: if aligned {
            "chat times are offsets from the start of the recording, the transcript's clock: \
             placed as they are"
        } else {
            "chat times are times of day and the transcript's are offsets from the start of \
             the recording: the chat is not placed on the timeline"
        },
        messages: log.messages.len(),
        reactions: log.reactions.len(),
        removed_reactions: log.removed_reactions,
        private_left_out: log.private_left_out,
        language: m.chat_language,
        people,
    }
}
