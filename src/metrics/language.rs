//! What people said: sentiment (VADER) per sentence and inclusive-language findings.
//!
//! **Sentiment.** Each segment is split into sentences ([`super::sentences`]); each sentence
//! is scored with [`crate::sentiment`] (VADER 3.3.2). A sentence's time is its segment's start
//! plus the segment's duration in proportion to the sentence's char offset. Per speaker: the
//! mean compound, the shares of positive (compound ≥ 0.05), neutral and negative (≤ −0.05)
//! sentences (VADER's convention), and the most positive and most negative sentence (the
//! earliest on ties). Per meeting: the mean compound in 5-minute windows from the first
//! segment's start; only windows holding a sentence are listed.
//!
//! **Inclusive language.** Each segment is matched against the lexicon
//! ([`crate::inclusive`]); each finding keeps its time (as above, by char offset), the quote
//! around it, the term and the entry. Per speaker: findings per 1,000 words.

use super::sentences;
use crate::inclusive::{self, Lexicon};
use crate::model::Transcript;
use crate::sentiment::Analyzer;
use std::sync::OnceLock;

/// Length of a sentiment trajectory window, ms (5 minutes).
pub const WINDOW_MS: u64 = 300_000;

/// The built-in inclusive lexicon, compiled once.
pub fn builtin_lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        // The embedded lexicons are validated by the unit tests; failing here is a build bug.
        Lexicon::builtin().expect("the built-in inclusive lexicons are valid")
    })
}

/// One scored sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Scored {
    /// Speaker index.
    pub speaker: usize,
    /// Estimated time, ms (`None` when untimed).
    pub time: Option<u64>,
    /// The sentence: its byte range in [`Language::sentence_texts`] (see
    /// [`Language::text_of`]). The texts of a meeting's sentences share one buffer, so
    /// scoring a sentence allocates nothing.
    pub text: std::ops::Range<usize>,
    /// Raw VADER compound.
    pub compound: f64,
}

/// One inclusive-language finding with its context.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// Speaker index.
    pub speaker: usize,
    /// Estimated time, ms.
    pub time: Option<u64>,
    /// The matched words as said.
    pub term: String,
    /// Up to 160 chars around the term.
    pub quote: String,
    /// The entry's stable id.
    pub id: String,
    /// Category.
    pub category: inclusive::Category,
    /// Severity.
    pub severity: inclusive::Severity,
    /// Suggested alternatives (text, with the sense in parentheses when tagged).
    pub suggestions: Vec<String>,
    /// The coaching explanation.
    pub explanation: String,
}

/// Language results of a meeting.
#[derive(Clone, Debug, Default)]
pub struct Language {
    /// Every scored sentence, in time order.
    pub sentences: Vec<Scored>,
    /// Every finding, in time order.
    pub findings: Vec<Found>,
    /// The texts of all `sentences`, one after the other.
    pub sentence_texts: String,
}

impl Language {
    /// The text of a sentence of this meeting (empty for a range that is not one).
    pub fn text_of(&self, s: &Scored) -> &str {
        self.sentence_texts.get(s.text.clone()).unwrap_or("")
    }
}

fn time_at(
    span: Option<crate::model::Span>,
    char_offset: usize,
    total_chars: usize,
) -> Option<u64> {
    span.map(|s| {
        let d = s.len_ms() as u128 * char_offset as u128 / total_chars.max(1) as u128;
        s.start + u64::try_from(d).unwrap_or(0)
    })
}

fn quote_around(text: &str, start: usize, end: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let a = start.saturating_sub(70);
    let z = (end + 70).min(chars.len());
    let mut q: String = chars[a..z].iter().collect();
    q = q.trim().to_string();
    if a > 0 {
        q.insert(0, '…');
    }
    if z < chars.len() {
        q.push('…');
    }
    q
}

/// Scores and matches every segment of `t`.
/// Only the segments of speakers whose language is English (or undetermined) are read:
/// VADER and the lexicon are English ([`crate::lang`]).
pub fn analyze(
    t: &Transcript,
    lexicon: &Lexicon,
    opts: &inclusive::Options,
    languages: &crate::lang::Languages,
) -> Language {
    let mut lang = Language::default();
    if !t.has_text {
        return lang;
    }
    let english = |speaker: usize| {
        languages
            .speakers
            .get(speaker)
            .is_none_or(|l| l.is_english())
    };
    let mut scratch = Vec::new();
    for seg in t.segments.iter().filter(|s| english(s.speaker)) {
        read_text_with(
            &mut lang,
            &mut scratch,
            seg.speaker,
            &seg.text,
            seg.span,
            lexicon,
            opts,
        );
    }
    lang
}

/// Whether a sentence carries sentiment: it has a letter, and not every word of it is a
/// bracketed sound.
#[inline]
fn has_words(sentence: &str) -> bool {
    let letter = if sentence.is_ascii() {
        sentence.bytes().any(|b| b.is_ascii_alphabetic())
    } else {
        sentence.chars().any(char::is_alphabetic)
    };
    letter && !sentence.split_whitespace().all(|w| w.starts_with('['))
}

/// Scores the sentences of one text (a segment, or a chat message) and matches it against the
/// lexicon, appending to `lang` under `speaker`; times are estimated inside `span` by
/// character offset.
pub fn read_text(
    lang: &mut Language,
    speaker: usize,
    text: &str,
    span: Option<crate::model::Span>,
    lexicon: &Lexicon,
    opts: &inclusive::Options,
) {
    read_text_with(lang, &mut Vec::new(), speaker, text, span, lexicon, opts);
}

/// [`read_text`] with the sentence buffer of the caller (reused between texts).
fn read_text_with<'a>(
    lang: &mut Language,
    scratch: &mut Vec<(usize, &'a str)>,
    speaker: usize,
    text: &'a str,
    span: Option<crate::model::Span>,
    lexicon: &Lexicon,
    opts: &inclusive::Options,
) {
    let vader = Analyzer::global();
    let total = if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    };
    sentences::split_into(text, scratch);
    for &(off, sentence) in scratch.iter() {
        // Sentences without a letter (bracketed sounds only) carry no sentiment.
        if !has_words(sentence) {
            continue;
        }
        let at = lang.sentence_texts.len();
        lang.sentence_texts.push_str(sentence);
        lang.sentences.push(Scored {
            speaker,
            time: time_at(span, off, total),
            text: at..lang.sentence_texts.len(),
            compound: vader.polarity_scores(sentence).compound,
        });
    }
    scratch.clear();
    for f in lexicon.find(text, opts) {
        let Some(e) = lexicon.entries().get(f.entry) else {
            continue;
        };
        lang.findings.push(Found {
            speaker,
            time: time_at(span, f.start, total),
            term: f.text.clone(),
            quote: quote_around(text, f.start, f.end),
            id: e.id.clone(),
            category: e.category,
            severity: e.severity,
            suggestions: e
                .suggestions
                .iter()
                .map(|s| match &s.sense {
                    Some(sense) => format!("{} ({sense})", s.text),
                    None => s.text.clone(),
                })
                .collect(),
            explanation: e.explanation.clone(),
        });
    }
}
