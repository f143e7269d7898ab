//! CSV of the `analyze` report: one flat row per speaker per meeting, for spreadsheets and
//! data tools. Meeting-level figures repeat on every row of the meeting.
//!
//! Columns, in order (also [`COLUMNS`], as `(name, meaning)`):
//!
//! | column | meaning |
//! | --- | --- |
//! | `source` | the input file |
//! | `format` | detected input format |
//! | `meeting_duration_seconds` | last segment end − first segment start, s |
//! | `meeting_speakers` | number of people who spoke in the meeting |
//! | `speaker` | speaker name |
//! | `talk_seconds` | union of the speaker's segments, s |
//! | `talk_share` | talk_seconds / Σ talk_seconds (0–1) |
//! | `equal_share` | 1 / meeting_speakers |
//! | `turns` | non-embedded turns (taking the floor) |
//! | `embedded_turns` | turns inside someone else's turn |
//! | `mean_turn_seconds` | mean non-embedded turn length, s |
//! | `median_turn_seconds` | median non-embedded turn length, s |
//! | `longest_monologue_seconds` | length of the longest non-embedded turn, s |
//! | `longest_monologue_start` | its start, s |
//! | `words` | words spoken |
//! | `words_per_minute` | words / talk minutes |
//! | `response_gap_median_seconds` | median gap ≥ 0 before this speaker's turns that follow someone else's, s |
//! | `overlapped_responses` | turns started before the previous speaker finished |
//! | `overlapped_response_median_seconds` | median of those (negative) gaps, s |
//! | `questions` | questions asked |
//! | `fillers_per_100_words` | filler words per 100 words |
//! | `hedges_per_100_words` | hedges per 100 words |
//! | `interruptions_made` | interruptions made (successful or not) |
//! | `interruptions_successful` | interruptions made that took the floor |
//! | `interruptions_received` | interruptions received |
//! | `backchannels` | listener tokens given (active listening) |
//! | `overlaps_started` | overlaps started that were not interruptions |
//! | `inclusive_findings` | inclusive-language findings in the speaker's words |
//! | `inclusive_per_1000_words` | those per 1,000 of the speaker's words |
//! | `sentiment_sentences` | the speaker's sentences scored by VADER |
//! | `sentiment_mean` | their mean VADER compound (−1 to +1) |
//! | `sentiment_positive_share` | share of sentences with compound ≥ 0.05 |
//! | `sentiment_negative_share` | share of sentences with compound ≤ −0.05 |
//! | `meeting_gini` | Gini of talk time over the speakers (0 = equal) |
//! | `meeting_evenness` | H / ln n of talk shares over the speakers (1 = even) |
//! | `meeting_turn_gini` | Gini of turn counts over the speakers |
//! | `roster_gini` | Gini of talk time over the roster, silent attendees as zero (with `--attendee`) |
//! | `interruption_mode` | `observed`, `inferred` or `unavailable` |
//! | `series` | the meeting series (README "Series"; last, so earlier columns keep their place) |
//!
//! An empty cell means "not available" (untimed input, no words), never zero. Numbers are
//! written as in the JSON model (times to the millisecond, shares 4 decimals, rates 2).
//! Speakers that are not people (shared audio, bots) have no row: `meeting_speakers`,
//! `talk_share` and the balance columns are over people only.
//! Text cells (`source`, `format`, `speaker`, `interruption_mode`, `series`) go through
//! [`neutralise_cell`] against formula injection; numeric
//! cells are numbers and are written as they are, a negative gap included. Rejected inputs
//! have no row (they are reported on stderr and in the JSON outputs).

use crate::render::markdown::mode_name;
use crate::render::neutralise_cell;
use crate::report::{MeetingReport, Report, SpeakerReport};

/// The columns, in order, as `(name, meaning)`.
pub const COLUMNS: &[(&str, &str)] = &[
    ("source", "the input file"),
    ("format", "detected input format"),
    (
        "meeting_duration_seconds",
        "last segment end − first segment start, s",
    ),
    (
        "meeting_speakers",
        "number of people who spoke in the meeting",
    ),
    ("speaker", "speaker name"),
    ("talk_seconds", "union of the speaker's segments, s"),
    ("talk_share", "talk_seconds / Σ talk_seconds (0–1)"),
    ("equal_share", "1 / meeting_speakers"),
    ("turns", "non-embedded turns (taking the floor)"),
    ("embedded_turns", "turns inside someone else's turn"),
    ("mean_turn_seconds", "mean non-embedded turn length, s"),
    ("median_turn_seconds", "median non-embedded turn length, s"),
    (
        "longest_monologue_seconds",
        "length of the longest non-embedded turn, s",
    ),
    ("longest_monologue_start", "its start, s"),
    ("words", "words spoken"),
    ("words_per_minute", "words / talk minutes"),
    (
        "response_gap_median_seconds",
        "median gap ≥ 0 before this speaker's turns that follow someone else's, s",
    ),
    (
        "overlapped_responses",
        "turns started before the previous speaker finished",
    ),
    (
        "overlapped_response_median_seconds",
        "median of those (negative) gaps, s",
    ),
    ("questions", "questions asked"),
    ("fillers_per_100_words", "filler words per 100 words"),
    ("hedges_per_100_words", "hedges per 100 words"),
    (
        "interruptions_made",
        "interruptions made (successful or not)",
    ),
    (
        "interruptions_successful",
        "interruptions made that took the floor",
    ),
    ("interruptions_received", "interruptions received"),
    ("backchannels", "listener tokens given (active listening)"),
    (
        "overlaps_started",
        "overlaps started that were not interruptions",
    ),
    (
        "inclusive_findings",
        "inclusive-language findings in the speaker's words",
    ),
    (
        "inclusive_per_1000_words",
        "those per 1,000 of the speaker's words",
    ),
    (
        "sentiment_sentences",
        "the speaker's sentences scored by VADER",
    ),
    ("sentiment_mean", "their mean VADER compound (−1 to +1)"),
    (
        "sentiment_positive_share",
        "share of sentences with compound ≥ 0.05",
    ),
    (
        "sentiment_negative_share",
        "share of sentences with compound ≤ −0.05",
    ),
    (
        "meeting_gini",
        "Gini of talk time over the speakers (0 = equal)",
    ),
    (
        "meeting_evenness",
        "H / ln n of talk shares over the speakers (1 = even)",
    ),
    ("meeting_turn_gini", "Gini of turn counts over the speakers"),
    (
        "roster_gini",
        "Gini of talk time over the roster, silent attendees as zero (with --attendee)",
    ),
    ("interruption_mode", "observed, inferred or unavailable"),
    ("series", "the meeting series"),
];

/// A number cell: empty when not available.
fn n<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map_or_else(String::new, |x| x.to_string())
}

/// A text cell, neutralised against formula injection.
fn t(s: &str) -> String {
    neutralise_cell(s)
}

fn row(m: &MeetingReport, s: &SpeakerReport) -> Vec<String> {
    let mono = s.longest_monologue.as_ref();
    let sent = s.sentiment.as_ref();
    let inc = s.inclusive.as_ref();
    vec![
        t(&m.source),
        t(&m.format),
        n(m.duration_seconds),
        m.speakers.len().to_string(),
        t(&s.name),
        n(s.talk_seconds),
        n(s.talk_share),
        n(m.balance.equal_share),
        s.turns.to_string(),
        s.embedded_turns.to_string(),
        n(s.mean_turn_seconds),
        n(s.median_turn_seconds),
        n(mono.map(|l| l.seconds)),
        n(mono.map(|l| l.start)),
        n(s.words),
        n(s.words_per_minute),
        n(s.response_gap_median_seconds),
        s.overlapped_responses.to_string(),
        n(s.overlapped_response_median_seconds),
        n(s.questions),
        n(s.fillers_per_100_words),
        n(s.hedges_per_100_words),
        s.interruptions_made.to_string(),
        s.interruptions_successful.to_string(),
        s.interruptions_received.to_string(),
        s.backchannels.to_string(),
        s.overlaps_started.to_string(),
        n(inc.map(|i| i.count)),
        n(inc.and_then(|i| i.per_1000_words)),
        n(sent.map(|x| x.sentences)),
        n(sent.map(|x| x.mean_compound)),
        n(sent.map(|x| x.positive_share)),
        n(sent.map(|x| x.negative_share)),
        n(m.balance.gini),
        n(m.balance.evenness),
        m.balance.turn_gini.to_string(),
        n(m.roster_balance.as_ref().and_then(|r| r.gini)),
        t(mode_name(m.interruption_mode)),
        t(&m.series),
    ]
}

/// The report as CSV: a header row of [`COLUMNS`], then one row per speaker per meeting,
/// in meeting and speaker order. Lines end with `\n`.
pub fn csv(report: &Report) -> String {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let _ = w.write_record(COLUMNS.iter().map(|(name, _)| *name));
    for m in &report.meetings {
        for s in &m.speakers {
            let r = row(m, s);
            debug_assert_eq!(r.len(), COLUMNS.len());
            let _ = w.write_record(&r);
        }
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
