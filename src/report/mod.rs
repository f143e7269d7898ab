//! The report model: what `turnstat analyze` outputs, built from a transcript and its
//! metrics. Names here are a contract (`turnstat.report.v1`): fields may be added, never
//! renamed. Times are seconds rounded to the millisecond; shares and indices have 4
//! decimals; rates 2 decimals. Figures that cannot be computed (no times, no words) are
//! `null`, never zero. Renderers read this model and never compute metrics.

pub mod chat;
pub mod team;

pub use crate::metrics::interruptions::{Kind, Mode, Position, Stance};
use crate::metrics::{self, MeetingMetrics, balance, median};
use crate::model::Transcript;
use serde::Serialize;
use std::collections::BTreeMap;

/// Schema identifier of the report JSON.
pub const SCHEMA: &str = "turnstat.report.v1";

/// Rounds to `places` decimals the way the output prints them (half away from zero on the
/// decimal representation, as `format!` does), so JSON and tables agree.
pub fn round(x: f64, places: usize) -> f64 {
    format!("{x:.places$}").parse().unwrap_or(x)
}

fn secs(ms: u64) -> f64 {
    ms as f64 / 1000.0
}

fn secs_f(ms: f64) -> f64 {
    round(ms / 1000.0, 3)
}

/// One turn as the speaker timeline draws it: who, from when to when (seconds in the
/// recording), and whether it lies inside another speaker's turn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TurnBar {
    /// Index into the meeting's speakers (`MeetingReport::speakers`, same order as
    /// `Transcript::speakers`).
    pub speaker: usize,
    /// Start, s.
    pub start: f64,
    /// End, s.
    pub end: f64,
    /// The turn lies wholly inside another speaker's turn (drawn hatched).
    pub embedded: bool,
}

/// The timed turns of a transcript as [`TurnBar`]s, in turn order; untimed turns are left
/// out (an untimed transcript gives none, and the timeline says "not available").
pub fn turn_bars(t: &crate::model::Transcript) -> Vec<TurnBar> {
    t.turns
        .iter()
        .filter_map(|turn| {
            turn.span.map(|sp| TurnBar {
                speaker: turn.speaker,
                start: sp.start as f64 / 1000.0,
                end: sp.end as f64 / 1000.0,
                embedded: turn.embedded,
            })
        })
        .collect()
}

/// The whole output of `analyze`.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// `turnstat.report.v1`.
    pub schema: &'static str,
    /// Tool name and version.
    pub tool: Tool,
    /// One entry per meeting, in sorted input order.
    pub meetings: Vec<MeetingReport>,
    /// Inputs that were rejected.
    pub errors: Vec<ErrorEntry>,
}

/// Tool identification.
#[derive(Clone, Debug, Serialize)]
pub struct Tool {
    /// `turnstat`.
    pub name: &'static str,
    /// The crate version.
    pub version: &'static str,
}

impl Default for Tool {
    fn default() -> Self {
        Tool {
            name: "turnstat",
            version: env!("CARGO_PKG_VERSION"),
        }
    }
}

/// A rejected input.
#[derive(Clone, Debug, Serialize)]
pub struct ErrorEntry {
    /// The input.
    pub source: String,
    /// Line, when known.
    pub line: Option<usize>,
    /// What went wrong.
    pub message: String,
}

/// One meeting.
#[derive(Clone, Debug, Serialize)]
pub struct MeetingReport {
    /// The input.
    pub source: String,
    /// The meeting series it belongs to: a `[[series]]` of the config, else the file name
    /// without its dates and counters ([`crate::series`]).
    pub series: String,
    /// Detected format.
    pub format: String,
    /// Speakers are unidentified labels.
    pub anonymous_speakers: bool,
    /// The transcript has times.
    pub timed: bool,
    /// The transcript has words.
    pub has_text: bool,
    /// The language spoken: ISO 639-1, or `und` when it could not be determined (too little
    /// text, or none). Detected, or set by `--language` / `[language] spoken`.
    pub language: crate::lang::Lang,
    /// Last end − first start, s.
    pub duration_seconds: Option<f64>,
    /// Union of all speech, s.
    pub speech_seconds: Option<f64>,
    /// Time with ≥ 2 speakers, s.
    pub overlap_seconds: Option<f64>,
    /// Duration − speech, s.
    pub silence_seconds: Option<f64>,
    /// Speaker switches per minute of duration.
    pub switches_per_minute: Option<f64>,
    /// Turns (non-embedded) in the meeting.
    pub turns: usize,
    /// Per speaker who is a person, in order of first appearance.
    pub speakers: Vec<SpeakerReport>,
    /// Speakers that are not people (shared audio, presentations, bots: the non-people list,
    /// [`crate::nonpeople`]): their talk is speech of the meeting but in no one's share,
    /// balance or per-person figures. Absent when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_people: Vec<NotPersonReport>,
    /// Equality over the people who spoke.
    pub balance: Balance,
    /// Equality over the roster (with `--attendee`), silent attendees counted with zero.
    pub roster_balance: Option<Balance>,
    /// Roster members who never spoke.
    pub silent_attendees: Vec<String>,
    /// How overlap events were found: `observed`, `inferred` or `unavailable`.
    pub interruption_mode: Mode,
    /// Overlap events: interruptions, overlaps and backchannels, in time order.
    pub interruptions: Vec<EventReport>,
    /// Who interrupts whom (interruptions only).
    pub matrix: Matrix,
    /// Mean sentiment per 5-minute window, from the first segment's start; only windows
    /// holding at least one sentence are listed (a jump in `start` is a stretch without speech).
    pub sentiment_trajectory: Vec<SentimentWindow>,
    /// Inclusive-language findings per 1,000 words, whole meeting.
    pub inclusive_per_1000_words: Option<f64>,
    /// Data-quality limits of this transcript.
    pub warnings: Vec<String>,
    /// What was found while reading the file (line-level warnings).
    pub diagnostics: Vec<crate::diag::Diagnostic>,
    /// The meeting's chat, when a chat export was paired with it (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chat: Option<chat::ChatReport>,
    /// The timed turns, for the HTML timeline (not serialised: `turnstat turns` gives them).
    #[serde(skip)]
    pub turn_bars: Vec<TurnBar>,
}

/// A speaker that is not a person: what it took of the meeting.
#[derive(Clone, Debug, Serialize)]
pub struct NotPersonReport {
    /// Display name.
    pub name: String,
    /// Union of its segments, s (null when untimed).
    pub talk_seconds: Option<f64>,
    /// Non-embedded turns.
    pub turns: usize,
    /// Words (null without text).
    pub words: Option<usize>,
}

/// Longest monologue.
#[derive(Clone, Debug, Serialize)]
pub struct Monologue {
    /// Start, s.
    pub start: f64,
    /// End, s.
    pub end: f64,
    /// Length, s.
    pub seconds: f64,
    /// The first 30 words.
    pub excerpt: String,
}

/// One speaker in one meeting.
#[derive(Clone, Debug, Serialize)]
pub struct SpeakerReport {
    /// Display name.
    pub name: String,
    /// The speaker's language, only when it differs from the meeting's (a mixed meeting).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<crate::lang::Lang>,
    /// Union of the speaker's segments, s.
    pub talk_seconds: Option<f64>,
    /// Talk seconds / Σ talk seconds of the people (speakers that are not people left out
    /// of the sum), rounded to 4 places (so the shares of n people may sum to up to
    /// 1 + n × 0.00005).
    pub talk_share: Option<f64>,
    /// Non-embedded turns.
    pub turns: usize,
    /// Turns inside someone else's turn.
    pub embedded_turns: usize,
    /// Mean turn length, s.
    pub mean_turn_seconds: Option<f64>,
    /// Median turn length, s.
    pub median_turn_seconds: Option<f64>,
    /// Longest non-embedded turn.
    pub longest_monologue: Option<Monologue>,
    /// Words.
    pub words: Option<usize>,
    /// Words per minute of own talk time.
    pub words_per_minute: Option<f64>,
    /// For a language written without spaces (Chinese, Japanese, Thai, …): characters of
    /// that script, instead of words (`words` is then null). Absent for other languages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub characters: Option<usize>,
    /// Characters per minute of own talk time (the pace of a language written without
    /// spaces, as speech-rate studies of those languages count it). Absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub characters_per_minute: Option<f64>,
    /// Median gap ≥ 0 before this speaker's turns that follow someone else's, s.
    pub response_gap_median_seconds: Option<f64>,
    /// Turns started before the previous speaker finished.
    pub overlapped_responses: usize,
    /// Median of those (negative) gaps, s.
    pub overlapped_response_median_seconds: Option<f64>,
    /// Questions asked.
    pub questions: Option<usize>,
    /// Filler occurrences.
    pub fillers: Option<usize>,
    /// Fillers per 100 words.
    pub fillers_per_100_words: Option<f64>,
    /// Hedge occurrences.
    pub hedges: Option<usize>,
    /// Hedges per 100 words.
    pub hedges_per_100_words: Option<f64>,
    /// Interruptions made (successful and not).
    pub interruptions_made: usize,
    /// Successful interruptions made (took the floor).
    pub interruptions_successful: usize,
    /// Interruptions received.
    pub interruptions_received: usize,
    /// Interruptions received after which this speaker stopped (the other took the floor).
    pub interruptions_received_successful: usize,
    /// Competitive interruptions made (see README "Interruptions").
    pub interruptions_competitive_made: usize,
    /// Cooperative interruptions made.
    pub interruptions_cooperative_made: usize,
    /// Competitive interruptions received.
    pub interruptions_competitive_received: usize,
    /// Cooperative interruptions received.
    pub interruptions_cooperative_received: usize,
    /// Backchannels given (active listening).
    pub backchannels: usize,
    /// Overlaps started that were not interruptions.
    pub overlaps_started: usize,
    /// Sentiment of the speaker's sentences (null without text).
    pub sentiment: Option<SpeakerSentiment>,
    /// Inclusive-language findings (null without text).
    pub inclusive: Option<SpeakerInclusive>,
}

/// A sentence with its time and score.
#[derive(Clone, Debug, Serialize)]
pub struct Moment {
    /// Estimated time, s (null when untimed).
    pub time: Option<f64>,
    /// VADER compound, 4 decimals.
    pub compound: f64,
    /// The sentence (the speaker's own words).
    pub quote: String,
}

/// Sentiment of one speaker (VADER 3.3.2 per sentence).
#[derive(Clone, Debug, Serialize)]
pub struct SpeakerSentiment {
    /// Sentences scored.
    pub sentences: usize,
    /// Mean compound.
    pub mean_compound: f64,
    /// Share of sentences with compound ≥ 0.05.
    pub positive_share: f64,
    /// Share with −0.05 < compound < 0.05.
    pub neutral_share: f64,
    /// Share with compound ≤ −0.05.
    pub negative_share: f64,
    /// The most positive sentence (null when none reaches +0.05).
    pub most_positive: Option<Moment>,
    /// The most negative sentence (null when none reaches −0.05).
    pub most_negative: Option<Moment>,
}

/// One inclusive-language finding.
#[derive(Clone, Debug, Serialize)]
pub struct InclusiveFinding {
    /// Estimated time, s.
    pub time: Option<f64>,
    /// The words as said.
    pub term: String,
    /// Context, the speaker's own words.
    pub quote: String,
    /// Lexicon entry id.
    pub id: String,
    /// Category.
    pub category: crate::inclusive::Category,
    /// Severity.
    pub severity: crate::inclusive::Severity,
    /// Alternatives.
    pub suggestions: Vec<String>,
    /// Why it may matter, for the coaching conversation.
    pub explanation: String,
}

/// Inclusive-language findings of one speaker.
#[derive(Clone, Debug, Serialize)]
pub struct SpeakerInclusive {
    /// Number of findings.
    pub count: usize,
    /// Findings per 1,000 of the speaker's words.
    pub per_1000_words: Option<f64>,
    /// The findings, in time order.
    pub findings: Vec<InclusiveFinding>,
}

/// Mean sentiment in one 5-minute window of the meeting.
#[derive(Clone, Debug, Serialize)]
pub struct SentimentWindow {
    /// Window start, s.
    pub start: f64,
    /// Window end, s.
    pub end: f64,
    /// Sentences in the window.
    pub sentences: usize,
    /// Their mean compound (always present: empty windows are not listed; kept optional in
    /// the schema for readers of earlier reports).
    pub mean_compound: Option<f64>,
}

/// Equality indices over a set of people.
#[derive(Clone, Debug, Serialize)]
pub struct Balance {
    /// `speakers` (people who spoke) or `roster` (attendees + speakers).
    pub covers: &'static str,
    /// Number of people in the set.
    pub people: usize,
    /// Gini of talk time (null when untimed).
    pub gini: Option<f64>,
    /// H / ln n of talk time.
    pub evenness: Option<f64>,
    /// Largest talk share.
    pub max_share: Option<f64>,
    /// 1 / n.
    pub equal_share: Option<f64>,
    /// Gini of turn counts.
    pub turn_gini: f64,
}

/// One overlap event.
#[derive(Clone, Debug, Serialize)]
pub struct EventReport {
    /// When the second speaker came in, s.
    pub time: f64,
    /// Who came in.
    pub who: String,
    /// Who was speaking.
    pub whom: String,
    /// Index of `who` in the meeting's `speakers`.
    pub who_index: usize,
    /// Index of `whom` in the meeting's `speakers`.
    pub whom_index: usize,
    /// `interruption`, `overlap` or `backchannel`.
    pub kind: Kind,
    /// `successful`, `unsuccessful`, `terminal`, `completed`, `listener token`.
    pub detail: &'static str,
    /// For interruptions: the newcomer took the floor.
    pub successful: bool,
    /// Inferred from serialised speech (no overlap in the export).
    pub inferred: bool,
    /// Simultaneous speech, s.
    pub overlap_seconds: f64,
    /// What the newcomer said.
    pub who_quote: String,
    /// What was being said.
    pub whom_quote: String,
    /// Index of the newcomer's turn (in `turnstat turns` order).
    pub who_turn: usize,
    /// Index of the interrupted turn.
    pub whom_turn: usize,
    /// For interruptions: `competitive` or `cooperative` (absent for other kinds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
    /// The evidence for the kind and stance, in plain words (absent for listener tokens and
    /// timing-only inputs).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cues: Vec<crate::metrics::interruptions::Cue>,
    /// How the newcomer's place in the other's words was found: `words` (per-word times
    /// in the export) or `characters` (estimated); absent in inferred mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
}

/// Who interrupts whom: `counts[i][j]` = interruptions by `speakers[i]` of `speakers[j]`;
/// `competitive[i][j]` the competitive ones among them. People only.
#[derive(Clone, Debug, Serialize)]
pub struct Matrix {
    /// Row and column names.
    pub speakers: Vec<String>,
    /// Counts (both stances).
    pub counts: Vec<Vec<usize>>,
    /// Competitive interruptions only.
    pub competitive: Vec<Vec<usize>>,
}

fn excerpt_words(text: &str, n: usize) -> String {
    let mut words = text.split_whitespace();
    let mut out: Vec<&str> = words.by_ref().take(n).collect::<Vec<_>>();
    let more = words.next().is_some();
    let mut s = std::mem::take(&mut out).join(" ");
    if more {
        s.push('…');
    }
    s
}

fn excerpt_chars_start(text: &str, n: usize) -> String {
    let mut s: String = text.chars().take(n).collect();
    if text.chars().count() > n {
        s.push('…');
    }
    s
}

fn excerpt_chars_end(text: &str, n: usize) -> String {
    let count = text.chars().count();
    if count <= n {
        return text.to_string();
    }
    let s: String = text.chars().skip(count - n).collect();
    format!("…{s}")
}

fn balance_over(covers: &'static str, talk: Option<Vec<f64>>, turns: Vec<f64>) -> Balance {
    let n = turns.len();
    let (gini, evenness, max_share, equal_share) = match talk {
        Some(t) if n > 0 => {
            let sum: f64 = t.iter().sum();
            let max = t.iter().copied().fold(0.0, f64::max);
            (
                Some(round(balance::gini(&t), 4)),
                balance::evenness(&t).map(|e| round(e, 4)),
                (sum > 0.0).then(|| round(max / sum, 4)),
                Some(round(1.0 / n as f64, 4)),
            )
        }
        _ => (None, None, None, (n > 0).then(|| round(1.0 / n as f64, 4))),
    };
    Balance {
        covers,
        people: n,
        gini,
        evenness,
        max_share,
        equal_share,
        turn_gini: round(balance::gini(&turns), 4),
    }
}

fn moment(lang: &metrics::language::Language, s: &metrics::language::Scored) -> Moment {
    Moment {
        time: s.time.map(secs),
        compound: round(s.compound, 4),
        quote: lang.text_of(s).to_string(),
    }
}

fn speaker_sentiment(lang: &metrics::language::Language, who: usize) -> Option<SpeakerSentiment> {
    let mine: Vec<&metrics::language::Scored> =
        lang.sentences.iter().filter(|s| s.speaker == who).collect();
    if mine.is_empty() {
        return None;
    }
    let n = mine.len() as f64;
    let pos = mine.iter().filter(|s| s.compound >= 0.05).count() as f64;
    let neg = mine.iter().filter(|s| s.compound <= -0.05).count() as f64;
    // Earliest on ties: strict comparisons while scanning in time order.
    let mut best = mine[0];
    let mut worst = mine[0];
    for s in &mine {
        if s.compound > best.compound {
            best = s;
        }
        if s.compound < worst.compound {
            worst = s;
        }
    }
    Some(SpeakerSentiment {
        sentences: mine.len(),
        mean_compound: round(mine.iter().map(|s| s.compound).sum::<f64>() / n, 4),
        positive_share: round(pos / n, 4),
        neutral_share: round((n - pos - neg) / n, 4),
        negative_share: round(neg / n, 4),
        most_positive: (best.compound >= 0.05).then(|| moment(lang, best)),
        most_negative: (worst.compound <= -0.05).then(|| moment(lang, worst)),
    })
}

fn speaker_inclusive(
    lang: &metrics::language::Language,
    who: usize,
    words: Option<usize>,
) -> SpeakerInclusive {
    let findings: Vec<InclusiveFinding> = lang
        .findings
        .iter()
        .filter(|f| f.speaker == who)
        .map(|f| InclusiveFinding {
            time: f.time.map(secs),
            term: f.term.clone(),
            quote: f.quote.clone(),
            id: f.id.clone(),
            category: f.category,
            severity: f.severity,
            suggestions: f.suggestions.clone(),
            explanation: f.explanation.clone(),
        })
        .collect();
    SpeakerInclusive {
        count: findings.len(),
        per_1000_words: words
            .and_then(|w| (w > 0).then(|| round(findings.len() as f64 * 1000.0 / w as f64, 2))),
        findings,
    }
}

fn trajectory(
    lang: &metrics::language::Language,
    tl: &metrics::talk::Timeline,
    person: &dyn Fn(usize) -> bool,
) -> Vec<SentimentWindow> {
    let w = metrics::language::WINDOW_MS;
    // Sparse: only windows holding a sentence exist, so a file with one cue at 0 s and one at
    // 99,990 h costs two windows, not 1.2 million.
    let mut sums: BTreeMap<u64, (f64, usize)> = BTreeMap::new();
    for s in lang.sentences.iter().filter(|s| person(s.speaker)) {
        if let Some(time) = s.time {
            let k = time.saturating_sub(tl.first_start) / w;
            let slot = sums.entry(k).or_insert((0.0, 0));
            slot.0 += s.compound;
            slot.1 += 1;
        }
    }
    sums.into_iter()
        .map(|(k, (sum, count))| {
            let start = tl.first_start + k * w;
            SentimentWindow {
                start: secs(start),
                end: secs((start + w).min(tl.last_end.max(start))),
                sentences: count,
                mean_compound: Some(round(sum / count as f64, 4)),
            }
        })
        .collect()
}

/// The warnings that name what was not measured because of the language spoken: one per
/// language other than English (sentiment, inclusive language), one per language without
/// word lists (fillers, hedges, interruptions), and the pace unit of scripts without spaces.
fn language_warnings(t: &Transcript, m: &MeetingMetrics, warnings: &mut Vec<String>) {
    if !t.has_text {
        return;
    }
    let mut langs: Vec<crate::lang::Lang> = m.languages.speakers.clone();
    langs.sort();
    langs.dedup();
    let names = |pick: &dyn Fn(crate::lang::Lang) -> bool| -> Option<String> {
        let v: Vec<String> = langs
            .iter()
            .filter(|&&l| pick(l))
            .map(|l| format!("{} ({l})", l.name()))
            .collect();
        (!v.is_empty()).then(|| v.join(", "))
    };
    let how = if m.languages.configured {
        "as configured"
    } else {
        "detected"
    };
    if let Some(n) = names(&|l| !l.is_english()) {
        warnings.push(format!(
            "language {how}: {n}: sentiment (VADER) and inclusive-language findings are \
             English-only and are not reported (null) for the speakers of this language"
        ));
    }
    if let Some(n) = names(&|l| l.word_lists().is_none()) {
        warnings.push(format!(
            "no listener-token, filler or hedge lists for {n}: fillers and hedges are not \
             reported for its speakers, and interruptions are not read in this meeting (a \
             listener token would be taken for a bid for the floor)"
        ));
    }
    if let Some(n) = names(&|l| l.spaceless()) {
        warnings.push(format!(
            "{n} is written without spaces between words: its speakers' length and pace are \
             counted in characters (characters per minute), not words"
        ));
    }
}

/// A length of speech in words: `3 m 10 s`, `45 s`, `1 h 2 m 5 s`.
fn spoken_length(ms: u64) -> String {
    let s = (ms + 500) / 1000;
    match (s / 3600, s / 60 % 60, s % 60) {
        (0, 0, sec) => format!("{sec} s"),
        (0, min, sec) => format!("{min} m {sec} s"),
        (h, min, sec) => format!("{h} h {min} m {sec} s"),
    }
}

/// Builds the report of one meeting. Speakers that are not people (`m.person`) are listed
/// in `not_people` and left out of every per-person figure, the balance and the matrix;
/// their talk stays in the meeting's duration, speech and overlap.
pub fn meeting(t: &Transcript, m: &MeetingMetrics) -> MeetingReport {
    let tl = m.timeline.as_ref();
    let is_person = |i: usize| m.person.get(i).copied().unwrap_or(true);
    let total_talk: u64 = tl.map_or(0, |tl| {
        tl.talk
            .iter()
            .enumerate()
            .filter(|&(i, _)| is_person(i))
            .map(|(_, x)| x)
            .sum()
    });
    let all_speakers: Vec<SpeakerReport> = m
        .speakers
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let lang = m
                .languages
                .speakers
                .get(i)
                .copied()
                .unwrap_or(crate::lang::Lang::EN);
            let spaceless = lang.spaceless();
            let lists = lang.word_lists().is_some();
            let words = s.counts.filter(|_| !spaceless).map(|c| c.words);
            // Characters of scripts without spaces: the length of a speaker of such a
            // language, and kept for anyone else who used them (a Chinese aside in English).
            let characters = s
                .counts
                .filter(|c| spaceless || c.characters > 0)
                .map(|c| c.characters);
            let per_minute = |n: Option<usize>| match (n, s.talk_ms) {
                (Some(w), Some(ms)) if ms > 0 => Some(round(w as f64 * 60_000.0 / ms as f64, 2)),
                _ => None,
            };
            let per100 = |x: usize| {
                s.counts.and_then(|c| {
                    (c.words > 0).then(|| round(x as f64 * 100.0 / c.words as f64, 2))
                })
            };
            // Counts that need the speaker's word lists.
            let listed = s.counts.filter(|_| lists && !spaceless);
            SpeakerReport {
                name: t.speakers[i].clone(),
                language: (lang != m.languages.meeting).then_some(lang),
                talk_seconds: s.talk_ms.map(secs),
                talk_share: s.talk_ms.and_then(|ms| {
                    (total_talk > 0).then(|| round(ms as f64 / total_talk as f64, 4))
                }),
                turns: s.turns,
                embedded_turns: s.embedded_turns,
                mean_turn_seconds: s.mean_turn_ms.map(secs_f),
                median_turn_seconds: s.median_turn_ms.map(secs_f),
                longest_monologue: s.longest_turn.and_then(|j| {
                    let turn = &t.turns[j];
                    turn.span.map(|sp| Monologue {
                        start: secs(sp.start),
                        end: secs(sp.end),
                        seconds: secs(sp.len_ms()),
                        excerpt: excerpt_words(&turn.text, 30),
                    })
                }),
                words,
                words_per_minute: per_minute(words),
                characters,
                characters_per_minute: per_minute(characters.filter(|_| spaceless)),
                response_gap_median_seconds: median(s.gaps.iter().map(|&g| g as f64).collect())
                    .map(secs_f),
                overlapped_responses: s.overlapped_gaps.len(),
                overlapped_response_median_seconds: median(
                    s.overlapped_gaps.iter().map(|&g| g as f64).collect(),
                )
                .map(secs_f),
                // Without the language's question words, only punctuation can tell.
                questions: s
                    .counts
                    .filter(|_| lists || m.punctuated)
                    .map(|c| c.questions),
                fillers: listed.map(|c| c.fillers),
                fillers_per_100_words: listed.and_then(|c| per100(c.fillers)),
                hedges: listed.map(|c| c.hedges),
                hedges_per_100_words: listed.and_then(|c| per100(c.hedges)),
                interruptions_made: s.interruptions_made,
                interruptions_successful: s.interruptions_successful,
                interruptions_received: s.interruptions_received,
                interruptions_received_successful: s.interruptions_received_successful,
                interruptions_competitive_made: s.competitive_made,
                interruptions_cooperative_made: s.cooperative_made,
                interruptions_competitive_received: s.competitive_received,
                interruptions_cooperative_received: s.cooperative_received,
                backchannels: s.backchannels,
                overlaps_started: s.overlaps_started,
                sentiment: t
                    .has_text
                    .then(|| speaker_sentiment(&m.language, i))
                    .flatten(),
                inclusive: (t.has_text && lang.is_english())
                    .then(|| speaker_inclusive(&m.language, i, words)),
            }
        })
        .collect();
    // People keep their order; `index[i]` is speaker i's place among them.
    let mut index: Vec<Option<usize>> = Vec::with_capacity(all_speakers.len());
    let mut speakers = Vec::with_capacity(all_speakers.len());
    let mut not_people = Vec::new();
    let mut warnings = Vec::new();
    for (i, s) in all_speakers.into_iter().enumerate() {
        if is_person(i) {
            index.push(Some(speakers.len()));
            speakers.push(s);
            continue;
        }
        index.push(None);
        let talk_ms = tl.map(|tl| tl.talk[i]);
        warnings.push(match talk_ms {
            Some(ms) => format!(
                "`{}` is not a person (non-people list): its {} of speech counts in the \
                 meeting but not in anyone's share",
                s.name,
                spoken_length(ms)
            ),
            None => format!(
                "`{}` is not a person (non-people list): its turns count in the meeting but \
                 in no one's figures",
                s.name
            ),
        });
        not_people.push(NotPersonReport {
            name: s.name,
            talk_seconds: s.talk_seconds,
            turns: s.turns,
            words: s.words,
        });
    }
    if m.events_with_not_people > 0 {
        warnings.push(format!(
            "{} overlap event{} with a speaker that is not a person {} left out of the \
             interruptions, the matrix and everyone's counts",
            m.events_with_not_people,
            if m.events_with_not_people == 1 {
                ""
            } else {
                "s"
            },
            if m.events_with_not_people == 1 {
                "is"
            } else {
                "are"
            },
        ));
    }
    let person_of = |i: usize| index.get(i).copied().flatten();
    let talk: Option<Vec<f64>> = tl.map(|tl| {
        tl.talk
            .iter()
            .enumerate()
            .filter(|&(i, _)| is_person(i))
            .map(|(_, &x)| x as f64)
            .collect()
    });
    let turns: Vec<f64> = m
        .speakers
        .iter()
        .enumerate()
        .filter(|&(i, _)| is_person(i))
        .map(|(_, s)| s.turns as f64)
        .collect();
    let balance_speakers = balance_over("speakers", talk.clone(), turns.clone());
    let roster_balance = m.roster_given.then(|| {
        let zeros = m.silent_attendees.len();
        let t2 = talk.clone().map(|mut v| {
            v.extend(std::iter::repeat_n(0.0, zeros));
            v
        });
        let mut u2 = turns.clone();
        u2.extend(std::iter::repeat_n(0.0, zeros));
        balance_over("roster", t2, u2)
    });
    let mut counts = vec![vec![0usize; speakers.len()]; speakers.len()];
    let mut competitive = counts.clone();
    let events: Vec<EventReport> = m
        .events
        .iter()
        .filter_map(|e| Some((e, person_of(e.by)?, person_of(e.of)?)))
        .map(|(e, by, of)| {
            if e.kind == Kind::Interruption {
                counts[by][of] += 1;
                if e.stance == Some(Stance::Competitive) {
                    competitive[by][of] += 1;
                }
            }
            let of_turn = &t.turns[e.of_turn];
            // A's words at the moment B came in: A's segment covering (or last before) it.
            let whom_text = of_turn
                .segments
                .iter()
                .rev()
                .map(|&k| &t.segments[k])
                .find(|s| s.span.is_some_and(|sp| sp.start <= e.start))
                .map_or(of_turn.text.as_str(), |s| s.text.as_str());
            EventReport {
                time: secs(e.start),
                who: t.speakers[e.by].clone(),
                whom: t.speakers[e.of].clone(),
                who_index: by,
                whom_index: of,
                kind: e.kind,
                detail: e.detail,
                successful: e.successful,
                inferred: e.inferred,
                overlap_seconds: secs(e.overlap_ms),
                who_quote: excerpt_chars_start(&t.turns[e.by_turn].text, 160),
                whom_quote: excerpt_chars_end(whom_text, 160),
                who_turn: e.by_turn,
                whom_turn: e.of_turn,
                stance: e.stance,
                cues: e.cues.clone(),
                position: e.position,
            }
        })
        .collect();
    // The data-quality limits first, then what was left to no one.
    let not_people_warnings = std::mem::take(&mut warnings);
    if t.anonymous_speakers {
        warnings.push(
            "speakers are not identified by name (unidentified or unknown speakers): per-speaker \
             figures describe labels, not necessarily people"
                .to_string(),
        );
    }
    if tl.is_none() {
        warnings.push(
            "the transcript has no timestamps: talk time, pace, gaps, balance of talk time and \
             interruptions are not available"
                .to_string(),
        );
    }
    if !t.has_text {
        warnings.push(
            "the transcript has no words (RTTM): words, pace, questions, fillers and language \
             metrics are not available; backchannels are judged by duration only"
                .to_string(),
        );
    }
    if t.diagnostics
        .iter()
        .any(|d| d.message.contains("read leniently"))
    {
        warnings.push(
            "some timestamps were malformed and read leniently (see the diagnostics): timings \
             may be approximate"
                .to_string(),
        );
    }
    if m.mode == Mode::Inferred && tl.is_some() {
        warnings.push(
            "no two speakers overlap anywhere in this export (it serialises speech, as Zoom \
             does): interruptions are inferred from turns that break off followed by a quick \
             start, backchannels from short listener turns"
                .to_string(),
        );
    }
    let total_words: usize = m
        .speakers
        .iter()
        .filter_map(|s| s.counts.map(|c| c.words))
        .sum();
    let total_fillers: usize = m
        .speakers
        .iter()
        .filter_map(|s| s.counts.map(|c| c.fillers))
        .sum();
    if t.has_text && total_words >= 200 && total_fillers == 0 {
        warnings.push(
            "no filler words in the whole transcript: the speech-to-text service may have removed \
             them (AssemblyAI and others do by default), so filler rates are not meaningful"
                .to_string(),
        );
    }
    if t.has_text && !m.punctuated {
        warnings.push(
            "the transcript has no sentence punctuation: questions are detected from question \
             words at the start of segments"
                .to_string(),
        );
    }
    language_warnings(t, m, &mut warnings);
    warnings.extend(not_people_warnings);
    let minutes = tl.map(|tl| tl.duration as f64 / 60_000.0);
    // The meeting's language figures are the people's: a shared video's or a bot's words
    // are not.
    let sentiment_trajectory =
        tl.map_or_else(Vec::new, |tl| trajectory(&m.language, tl, &is_person));
    // Over the words of the people the English lexicon was run on.
    let english_words: usize = m
        .speakers
        .iter()
        .zip(&m.languages.speakers)
        .enumerate()
        .filter(|&(i, (_, l))| l.is_english() && is_person(i))
        .filter_map(|(_, (s, _))| s.counts.map(|c| c.words))
        .sum();
    let findings = m
        .language
        .findings
        .iter()
        .filter(|f| is_person(f.speaker))
        .count();
    let inclusive_per_1000_words = (t.has_text && english_words > 0)
        .then(|| round(findings as f64 * 1000.0 / english_words as f64, 2));
    let names: Vec<String> = speakers.iter().map(|s| s.name.clone()).collect();
    let bars = turn_bars(t)
        .into_iter()
        .filter_map(|b| {
            Some(TurnBar {
                speaker: person_of(b.speaker)?,
                ..b
            })
        })
        .collect();
    MeetingReport {
        source: t.source.clone(),
        series: crate::series::default_series(&t.source),
        format: t.format.to_string(),
        anonymous_speakers: t.anonymous_speakers,
        timed: tl.is_some(),
        has_text: t.has_text,
        language: m.languages.meeting,
        duration_seconds: tl.map(|tl| secs(tl.duration)),
        speech_seconds: tl.map(|tl| secs(tl.speech)),
        overlap_seconds: tl.map(|tl| secs(tl.overlap)),
        silence_seconds: tl.map(|tl| secs(tl.silence)),
        switches_per_minute: minutes
            .and_then(|min| (min > 0.0).then(|| round(m.switches as f64 / min, 4))),
        turns: m.speakers.iter().map(|s| s.turns).sum(),
        speakers,
        not_people,
        balance: balance_speakers,
        roster_balance,
        silent_attendees: m.silent_attendees.clone(),
        interruption_mode: m.mode,
        interruptions: events,
        matrix: Matrix {
            speakers: names,
            counts,
            competitive,
        },
        sentiment_trajectory,
        inclusive_per_1000_words,
        warnings,
        diagnostics: t.diagnostics.clone(),
        chat: t
            .chat
            .as_ref()
            .zip(m.chat.as_ref())
            .map(|(log, cm)| chat::build(log, cm)),
        turn_bars: bars,
    }
}

/// Computes metrics and the report of one transcript.
pub fn analyze(t: &Transcript, opts: &metrics::MetricsOptions) -> MeetingReport {
    meeting(t, &metrics::compute(t, opts))
}
