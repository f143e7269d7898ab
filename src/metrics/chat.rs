//! Chat figures of a meeting: who wrote how much, and the participation share that combines
//! talk and chat.
//!
//! Per person (speakers and people who only wrote, merged by the speaker identity rules of
//! [`crate::speakers`] after aliases):
//! - *messages*: public messages written (replies included; reactions are not messages);
//! - *words*: words of those messages, links left out (a link is one token, not prose);
//! - *questions*: messages holding a `?` (or `？`) outside a link;
//! - *links*: `http://`, `https://` and `www.` tokens;
//! - *reactions*: emoji reactions given (`Reacted to "…" with 👍`).
//!
//! **Participation share.** Talk and writing on one scale, written words counted at the
//! meeting's own speaking pace: with T = Σ talk time, W = Σ spoken words over all speakers
//! and s = T / W (time per spoken word),
//! `participation_i = (talk_i + chat_words_i × s) / Σ_j (talk_j + chat_words_j × s)`.
//! With no chat it equals the talk share. For an untimed transcript it is
//! `(spoken_words_i + chat_words_i) / Σ (spoken_words_j + chat_words_j)`; for a chat read
//! alone, written words only. Reactions do not count (a click, not a contribution of words);
//! `null` when a speaker's words cannot be counted (a language written without spaces).
//!
//! Sentiment (VADER) and inclusive-language matching run on each message of a person whose
//! language is English, as on speech ([`super::language::read_text`]).

use crate::lang::Lang;
use crate::metrics::language::{self, Language};
use crate::model::{Span, Transcript};

/// Chat figures of one person.
#[derive(Clone, Debug, PartialEq)]
pub struct ChatPerson {
    /// Display name (the speaker's, when the person also spoke).
    pub name: String,
    /// The speaker index, when the person also spoke.
    pub speaker: Option<usize>,
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
    /// The participation share (see the module docs), unrounded.
    pub participation: Option<f64>,
    /// The language the person's messages are read in.
    pub language: Lang,
}

/// Chat figures of one meeting.
#[derive(Clone, Debug)]
pub struct ChatMetrics {
    /// Speakers first (transcript order), then people who only wrote (order of first
    /// message or reaction).
    pub people: Vec<ChatPerson>,
    /// Sentences and findings of the messages; `speaker` indexes [`ChatMetrics::people`].
    pub language: Language,
    /// The chat's language, detected from its text (or configured).
    pub chat_language: Lang,
}

impl ChatPerson {
    fn new(name: String, speaker: Option<usize>, language: Lang) -> Self {
        ChatPerson {
            name,
            speaker,
            messages: 0,
            words: 0,
            questions: 0,
            links: 0,
            reactions: 0,
            participation: None,
            language,
        }
    }
}

/// True for a link token.
fn is_link(tok: &str) -> bool {
    let t = tok.trim_start_matches(['(', '<', '[', '"', '\'']);
    let lower = t.get(..8).unwrap_or(t).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.")
}

/// True when a message asks a question: a `?` (or `？`) outside its links.
pub fn asks(text: &str) -> bool {
    text.split_whitespace()
        .any(|tok| !is_link(tok) && tok.contains(['?', '？']))
}

/// The prose of a message (links left out), its words, its links and whether it asks.
fn read_message(text: &str) -> (String, usize, usize, bool) {
    let mut prose = String::with_capacity(text.len());
    let mut links = 0;
    for tok in text.split_whitespace() {
        if is_link(tok) {
            links += 1;
        } else {
            prose.push_str(tok);
            prose.push(' ');
        }
    }
    let words = crate::metrics::wording::count(&prose, true).words;
    (prose, words, links, asks(text))
}

/// Who counts as a person in the chat: speakers not on the non-people list, and writers
/// whose names are not on it (a note-taker bot posting its notice is nobody's message).
pub struct Who<'a> {
    /// Per speaker index: a person (see [`super::MeetingMetrics::person`]).
    pub person: &'a [bool],
    /// The non-people list.
    pub not_people: &'a crate::nonpeople::NonPeople,
}

/// Computes the chat figures; `None` without a chat. `speakers` gives each speaker's talk
/// time (ms) and words, by speaker index; `forced` is the configured language.
pub fn compute(
    t: &Transcript,
    speakers: &[super::SpeakerMetrics],
    languages: &crate::lang::Languages,
    lexicon: &crate::inclusive::Lexicon,
    who: &Who,
    opts: &crate::inclusive::Options,
    forced: Option<Lang>,
) -> Option<ChatMetrics> {
    let chat = t.chat.as_ref()?;
    let mut people: Vec<ChatPerson> = t
        .speakers
        .iter()
        .enumerate()
        .filter(|(i, _)| who.person.get(*i).copied().unwrap_or(true))
        .map(|(i, n)| {
            let l = languages.speakers.get(i).copied();
            ChatPerson::new(n.clone(), Some(i), l.unwrap_or(languages.meeting))
        })
        .collect();
    let mut index: std::collections::HashMap<String, usize> = people
        .iter()
        .enumerate()
        .filter(|(_, p)| !crate::speakers::is_unnamed(&p.name))
        .map(|(i, p)| (crate::speakers::name_key(&p.name), i))
        .collect();
    let sample: Vec<&str> = chat.messages.iter().map(|m| m.text.as_str()).collect();
    let chat_language = forced.unwrap_or_else(|| {
        if t.segments.is_empty() {
            crate::lang::detect(&sample.join(" "))
        } else {
            languages.meeting
        }
    });
    let mut person = |name: &str, people: &mut Vec<ChatPerson>| -> usize {
        let key = crate::speakers::name_key(name);
        *index.entry(key).or_insert_with(|| {
            people.push(ChatPerson::new(
                crate::speakers::clean_name(name),
                None,
                chat_language,
            ));
            people.len() - 1
        })
    };
    // Chat and speech share a clock only when the chat gives offsets from the recording.
    let aligned = chat.clock == crate::chat::ChatClock::Offset;
    let mut lang = Language::default();
    for m in chat
        .messages
        .iter()
        .filter(|m| !who.not_people.matches(&m.name))
    {
        let p = person(&m.name, &mut people);
        let (prose, words, links, asks) = read_message(&m.text);
        let who = &mut people[p];
        who.messages += 1;
        who.words += words;
        who.links += links;
        who.questions += usize::from(asks);
        // English, or undetermined (too little text to tell), as for speech.
        if who.language.is_english() || who.language == Lang::UND {
            let span = aligned.then(|| Span::new(m.time_ms, m.time_ms));
            language::read_text(&mut lang, p, prose.trim_end(), span, lexicon, opts);
        }
    }
    for r in chat
        .reactions
        .iter()
        .filter(|r| !who.not_people.matches(&r.name))
    {
        let p = person(&r.name, &mut people);
        people[p].reactions += 1;
    }
    participation(&mut people, speakers);
    Some(ChatMetrics {
        people,
        language: lang,
        chat_language,
    })
}

/// Fills in the participation shares (formula in the module docs).
fn participation(people: &mut [ChatPerson], speakers: &[super::SpeakerMetrics]) {
    let talk = |p: &ChatPerson| p.speaker.and_then(|i| speakers.get(i)?.talk_ms);
    let spoken = |p: &ChatPerson| -> Option<usize> {
        match p.speaker {
            None => Some(0),
            Some(i) => {
                let c = speakers.get(i)?.counts?;
                (c.characters == 0 || c.words > 0).then_some(c.words)
            }
        }
    };
    let timed = people.iter().any(|p| talk(p).is_some());
    let mut units = Vec::with_capacity(people.len());
    if timed {
        let t: u64 = people.iter().filter_map(talk).sum();
        let w: Option<usize> = people.iter().map(spoken).sum();
        let per_word = match w {
            Some(w) if w > 0 => t as f64 / w as f64,
            _ => return,
        };
        for p in people.iter() {
            units.push(talk(p).unwrap_or(0) as f64 + p.words as f64 * per_word);
        }
    } else {
        for p in people.iter() {
            let Some(w) = spoken(p) else { return };
            units.push((w + p.words) as f64);
        }
    }
    let total: f64 = units.iter().sum();
    if total <= 0.0 {
        return;
    }
    for (p, u) in people.iter_mut().zip(units) {
        p.participation = Some(u / total);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_reading() {
        let r = |t| {
            let (_, w, l, q) = read_message(t);
            (w, l, q)
        };
        assert_eq!(r("gm"), (1, 0, false));
        assert_eq!(r("see https://x.org/a?b=1 and www.y.com"), (2, 2, false));
        assert_eq!(r("is marco cutting out for anyone else?"), (7, 0, true));
        assert_eq!(r("https://x.org/?q"), (0, 1, false));
        assert_eq!(read_message("see (https://x.org) ok").0, "see ok ");
    }
}
