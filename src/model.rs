//! The data model every later stage reads: transcripts made of speaker segments, and turns.
//!
//! Times are integer milliseconds from the start of the recording. An untimed input (plain
//! text) has no times at all (`None`), never zeros.

use crate::diag::Diagnostic;
use serde::Serialize;

/// A time interval in milliseconds, `start <= end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// Start, in ms from the beginning of the recording.
    pub start: u64,
    /// End, in ms; never before `start`.
    pub end: u64,
}

impl Span {
    /// A span; callers guarantee `start <= end`.
    pub fn new(start: u64, end: u64) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Length in ms.
    pub fn len_ms(&self) -> u64 {
        self.end - self.start
    }

    /// True when `other` lies within this span (bounds included).
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// A segment as a parser reads it, before speaker names are normalised.
#[derive(Clone, Debug, PartialEq)]
pub struct RawSegment {
    /// The speaker as written in the file; `None` when the file does not say.
    pub speaker: Option<String>,
    /// The timing, when the format has one.
    pub span: Option<Span>,
    /// The spoken text, markup removed; empty for timing-only formats (RTTM).
    pub text: String,
    /// The 1-based line of the input where the segment starts (0 when unknown).
    pub line: usize,
    /// Per-word times, where the export has them (see [`Segment::words`]).
    pub words: Option<Vec<WordTime>>,
}

/// What a parser hands to the transcript builder.
#[derive(Clone, Debug, Default)]
pub struct Parsed {
    /// The segments, in file order.
    pub segments: Vec<RawSegment>,
    /// True when the speakers are not identified by name (closed captions with `>>`).
    pub anonymous_speakers: bool,
    /// False for timing-only formats (RTTM): text metrics must say "not available".
    pub has_text: bool,
    /// The format or dialect, as reported in outputs (e.g. `webvtt`, `json/deepgram`).
    pub format: &'static str,
    /// The meeting's chat, for formats that carry it (turnstat's own turns JSON).
    pub chat: Option<crate::chat::ChatLog>,
    /// People the file lists as present (a Google Meet `Attendees` line), note-taking bots
    /// and presented screens left out; empty for formats without a roster.
    pub attendees: Vec<String>,
}

/// One speaker's timed (or untimed) stretch of text, as the input gave it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Segment {
    /// Index into [`Transcript::speakers`].
    pub speaker: usize,
    /// Timing; `None` for untimed inputs.
    pub span: Option<Span>,
    /// Text with markup removed.
    pub text: String,
    /// 1-based line in the input (0 when unknown).
    pub line: usize,
    /// Per-word times, where the export has them (Deepgram, AWS Transcribe, AssemblyAI,
    /// WhisperX, Rev.ai): they place another speaker's start exactly inside this segment's
    /// words (see [`crate::metrics::interruptions`]). `None` for cue-timed formats.
    #[serde(skip)]
    pub words: Option<Box<[WordTime]>>,
}

/// One word's time inside a [`Segment`], with its byte range in the segment's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordTime {
    /// Start, ms.
    pub start: u64,
    /// End, ms.
    pub end: u64,
    /// Byte range of the word in [`Segment::text`].
    pub range: std::ops::Range<usize>,
}

/// A maximal run of one speaker's segments; see [`crate::turns`] for the exact rule.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Turn {
    /// Index into [`Transcript::speakers`].
    pub speaker: usize,
    /// From the first segment's start to the latest end; `None` when untimed.
    pub span: Option<Span>,
    /// The segments' texts joined by a space.
    pub text: String,
    /// Indices into [`Transcript::segments`].
    pub segments: Vec<usize>,
    /// True when this turn lies wholly inside another speaker's turn (a backchannel or an
    /// attempt to interrupt); it did not split that turn.
    pub embedded: bool,
}

/// One meeting: its speakers, segments, turns and the diagnostics of reading it.
#[derive(Clone, Debug, PartialEq)]
pub struct Transcript {
    /// Where it came from (path as given, or `-` for stdin).
    pub source: String,
    /// The detected (or forced) format, e.g. `webvtt` or `json/aws-transcribe`.
    pub format: &'static str,
    /// Speaker display names, in order of first appearance; the first spelling seen wins.
    pub speakers: Vec<String>,
    /// Segments sorted by start time (file order for untimed inputs and ties).
    pub segments: Vec<Segment>,
    /// Speaker turns built from the segments.
    pub turns: Vec<Turn>,
    /// True when speakers are unidentified (e.g. `unidentified 1`, `unidentified 2`).
    pub anonymous_speakers: bool,
    /// False when the format carries no words (RTTM).
    pub has_text: bool,
    /// Warnings (and, for a rejected file, the error) found while reading it.
    pub diagnostics: Vec<Diagnostic>,
    /// The meeting's chat, when a chat export was paired with the transcript (or read alone).
    pub chat: Option<crate::chat::ChatLog>,
    /// People the file lists as present, whether or not they spoke (see
    /// [`Parsed::attendees`]); empty for formats without a roster.
    pub attendees: Vec<String>,
}

impl Transcript {
    /// True when the segments carry times.
    pub fn is_timed(&self) -> bool {
        self.segments.iter().any(|s| s.span.is_some())
    }
}
