//! Conversation metrics computed from a [`Transcript`]'s segments and turns.
//!
//! Everything here is pure: a transcript in, raw figures (milliseconds, counts) out. The
//! [`crate::report`] module rounds and names them for output. Definitions, formulas and
//! thresholds live in each submodule's docs and in the README's Metrics section.
//!
//! **Turn-taking** (this module):
//! - *turns*: a speaker's non-embedded turns (an embedded turn — a backchannel or an attempt
//!   inside someone else's turn — does not take the floor); *mean* and *median* turn length
//!   over them;
//! - *longest monologue*: the speaker's longest non-embedded turn, with start, end and an
//!   excerpt of its first 30 words;
//! - *words per minute*: words / (talk seconds / 60), over the speaker's own talk time;
//! - *speaker switches per minute*: consecutive non-embedded turns with different speakers,
//!   per minute of duration;
//! - *response gap* ("patience"): for each non-embedded turn of B that follows one of A ≠ B,
//!   B's start − A's end. The median of the gaps ≥ 0 is `response_gap_median_seconds`;
//!   negative gaps (B started before A finished) are counted and their median reported
//!   separately, never mixed into the median.

pub mod balance;
pub mod chat;
pub mod interruptions;
pub mod language;
pub mod sentences;
pub mod talk;
pub mod wording;

use crate::model::Transcript;
use interruptions::{Event, Mode, Thresholds};

/// Options of the metrics stage.
#[derive(Clone, Debug, Default)]
pub struct MetricsOptions {
    /// Interruption thresholds.
    pub thresholds: Thresholds,
    /// Expected attendees (`--attendee`): equality is also computed over them.
    pub roster: Vec<String>,
    /// The inclusive-language lexicon (`None`: the built-in one).
    pub lexicon: Option<std::sync::Arc<crate::inclusive::Lexicon>>,
    /// What the inclusive-language matcher reports.
    pub inclusive: crate::inclusive::Options,
    /// The language people speak (`--language`, `[language] spoken`): `None` detects it.
    pub language: Option<crate::lang::Lang>,
    /// Speaker names that are not people (default: the built-in list): their talk counts
    /// as speech of the meeting, but the overlap events they take part in are left out
    /// (no one's interruption), and a roster entry on the list is no silent attendee.
    pub not_people: std::sync::Arc<crate::nonpeople::NonPeople>,
}

/// Raw figures for one speaker.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SpeakerMetrics {
    /// Talk time, ms (`None` when untimed).
    pub talk_ms: Option<u64>,
    /// Non-embedded turns.
    pub turns: usize,
    /// Embedded turns (inside someone else's turn).
    pub embedded_turns: usize,
    /// Mean non-embedded turn length, ms.
    pub mean_turn_ms: Option<f64>,
    /// Median non-embedded turn length, ms.
    pub median_turn_ms: Option<f64>,
    /// Index of the longest non-embedded turn.
    pub longest_turn: Option<usize>,
    /// Response gaps ≥ 0, ms.
    pub gaps: Vec<i64>,
    /// Negative response gaps (overlapping starts), ms.
    pub overlapped_gaps: Vec<i64>,
    /// Word-level counts (`None` without text).
    pub counts: Option<wording::Counts>,
    /// Interruptions made (successful + unsuccessful).
    pub interruptions_made: usize,
    /// Successful interruptions made.
    pub interruptions_successful: usize,
    /// Interruptions received.
    pub interruptions_received: usize,
    /// Interruptions received after which this speaker stopped.
    pub interruptions_received_successful: usize,
    /// Competitive interruptions made (see [`interruptions::Stance`]).
    pub competitive_made: usize,
    /// Cooperative interruptions made.
    pub cooperative_made: usize,
    /// Competitive interruptions received.
    pub competitive_received: usize,
    /// Cooperative interruptions received.
    pub cooperative_received: usize,
    /// Backchannels given.
    pub backchannels: usize,
    /// Non-interrupting overlaps started (terminal or completed).
    pub overlaps_started: usize,
}

/// Raw figures for one meeting.
#[derive(Clone, Debug)]
pub struct MeetingMetrics {
    /// Time figures (`None` when untimed).
    pub timeline: Option<talk::Timeline>,
    /// Per speaker, by speaker index.
    pub speakers: Vec<SpeakerMetrics>,
    /// Speaker switches between non-embedded turns.
    pub switches: usize,
    /// Overlap events.
    pub events: Vec<Event>,
    /// How events were found.
    pub mode: Mode,
    /// Whether the transcript punctuates sentences.
    pub punctuated: bool,
    /// Roster members who never spoke (names as given).
    pub silent_attendees: Vec<String>,
    /// Whether a roster was given (equality is then also computed over it).
    pub roster_given: bool,
    /// Sentiment and inclusive-language results.
    pub language: language::Language,
    /// The language of the meeting and of each speaker ([`crate::lang`]).
    pub languages: crate::lang::Languages,
    /// Chat figures, when the meeting has a chat ([`chat`]).
    pub chat: Option<chat::ChatMetrics>,
    /// Per speaker: false for a name on the non-people list ([`MetricsOptions::not_people`]).
    pub person: Vec<bool>,
    /// Overlap events left out of `events` because a speaker that is not a person took part.
    pub events_with_not_people: usize,
}

/// The median of a list (mean of the middle two for an even count).
pub fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

/// Computes every metric of a transcript.
pub fn compute(t: &Transcript, opts: &MetricsOptions) -> MeetingMetrics {
    let mut m = compute_dynamics(t, opts);
    let lexicon = opts
        .lexicon
        .as_deref()
        .unwrap_or_else(|| language::builtin_lexicon());
    m.language = language::analyze(t, lexicon, &opts.inclusive, &m.languages);
    m.chat = chat::compute(
        t,
        &m.speakers,
        &m.languages,
        lexicon,
        &chat::Who {
            person: &m.person,
            not_people: &opts.not_people,
        },
        &opts.inclusive,
        opts.language,
    );
    m
}

/// Computes the conversation-dynamics metrics of a transcript (talk time, turn-taking,
/// wording, interruptions, roster): everything [`compute`] does except the language step
/// (sentiment and inclusive language), whose results are left empty.
pub fn compute_dynamics(t: &Transcript, opts: &MetricsOptions) -> MeetingMetrics {
    let timeline = talk::timeline(t);
    let mut speakers = vec![SpeakerMetrics::default(); t.speakers.len()];
    let languages = crate::lang::decide(t, opts.language);
    // Each speaker's word lists (English for speakers of a language without lists: their
    // rates are withheld in the report, see `crate::lang`).
    let lists: Vec<&wording::Lists> = languages
        .speakers
        .iter()
        .map(|&l| wording::lists_for(l))
        .collect();
    // One pass over each segment's text: word-level counts (for both kinds of transcript)
    // and the figures that say whether the transcript punctuates.
    let text_counts: Vec<wording::TextCounts> = t
        .segments
        .iter()
        .map(|s| {
            let l = lists.get(s.speaker).copied().unwrap_or_else(wording::lists);
            wording::count_all_in(&s.text, l)
        })
        .collect();
    let punctuated = wording::punctuated_from(
        text_counts.iter().map(|c| c.raw_words).sum(),
        text_counts.iter().map(|c| c.marks).sum(),
    );

    if let Some(tl) = &timeline {
        for (i, s) in speakers.iter_mut().enumerate() {
            s.talk_ms = Some(tl.talk[i]);
        }
    }
    // Turns.
    let mut lengths: Vec<Vec<f64>> = vec![Vec::new(); t.speakers.len()];
    let mut prev: Option<usize> = None;
    let mut switches = 0;
    for (i, turn) in t.turns.iter().enumerate() {
        let s = &mut speakers[turn.speaker];
        if turn.embedded {
            s.embedded_turns += 1;
            continue;
        }
        s.turns += 1;
        if let Some(sp) = turn.span {
            lengths[turn.speaker].push(sp.len_ms() as f64);
            let longer = s
                .longest_turn
                .and_then(|j| t.turns[j].span)
                .is_none_or(|best| sp.len_ms() > best.len_ms());
            if longer {
                s.longest_turn = Some(i);
            }
        }
        if let Some(p) = prev {
            let a = &t.turns[p];
            if a.speaker != turn.speaker {
                switches += 1;
                if let (Some(asp), Some(bsp)) = (a.span, turn.span) {
                    let gap = bsp.start as i64 - asp.end as i64;
                    let s = &mut speakers[turn.speaker];
                    if gap >= 0 {
                        s.gaps.push(gap);
                    } else {
                        s.overlapped_gaps.push(gap);
                    }
                }
            }
        }
        prev = Some(i);
    }
    for (s, l) in speakers.iter_mut().zip(lengths) {
        if !l.is_empty() {
            s.mean_turn_ms = Some(l.iter().sum::<f64>() / l.len() as f64);
            s.median_turn_ms = median(l);
        }
    }
    // Words.
    if t.has_text {
        for s in &mut speakers {
            s.counts = Some(wording::Counts::default());
        }
        for (seg, tc) in t.segments.iter().zip(&text_counts) {
            if let Some(c) = &mut speakers[seg.speaker].counts {
                *c += tc.counts(punctuated);
            }
        }
    }
    // Interruptions: an event with a speaker that is not a person (a shared video talking
    // over someone, someone talking over a bot) is no one's interruption.
    let person: Vec<bool> = t
        .speakers
        .iter()
        .map(|n| !opts.not_people.matches(n))
        .collect();
    let (mut events, mode) =
        interruptions::detect_with(t, &opts.thresholds, || punctuated, &languages.speakers);
    let before = events.len();
    events.retain(|e| person[e.by] && person[e.of]);
    let events_with_not_people = before - events.len();
    for e in &events {
        match e.kind {
            interruptions::Kind::Backchannel => speakers[e.by].backchannels += 1,
            interruptions::Kind::Overlap => speakers[e.by].overlaps_started += 1,
            interruptions::Kind::Transition => {}
            interruptions::Kind::Interruption => {
                speakers[e.by].interruptions_made += 1;
                match e.stance {
                    Some(interruptions::Stance::Competitive) => {
                        speakers[e.by].competitive_made += 1;
                        speakers[e.of].competitive_received += 1;
                    }
                    Some(interruptions::Stance::Cooperative) => {
                        speakers[e.by].cooperative_made += 1;
                        speakers[e.of].cooperative_received += 1;
                    }
                    None => {}
                }
                if e.successful {
                    speakers[e.by].interruptions_successful += 1;
                }
                speakers[e.of].interruptions_received += 1;
                if e.successful {
                    speakers[e.of].interruptions_received_successful += 1;
                }
            }
        }
    }
    let spoken: std::collections::HashSet<String> = t
        .speakers
        .iter()
        .map(|n| crate::speakers::name_key(n))
        .collect();
    let mut silent_attendees: Vec<String> = Vec::new();
    // People who only wrote in the chat attended: they count as attendees who did not speak.
    let writers = t.chat.iter().flat_map(|c| {
        let m = c.messages.iter().map(|m| &m.name);
        m.chain(c.reactions.iter().map(|r| &r.name))
    });
    for r in opts.roster.iter().chain(writers) {
        let k = crate::speakers::name_key(r);
        if !spoken.contains(&k)
            && !opts.not_people.matches(r)
            && !silent_attendees
                .iter()
                .any(|s| crate::speakers::name_key(s) == k)
        {
            silent_attendees.push(crate::speakers::clean_name(r));
        }
    }
    let roster_given = !opts.roster.is_empty() || !silent_attendees.is_empty();
    MeetingMetrics {
        timeline,
        speakers,
        switches,
        events,
        mode,
        punctuated,
        silent_attendees,
        roster_given,
        language: language::Language::default(),
        languages,
        chat: None,
        person,
        events_with_not_people,
    }
}
