//! Who interrupts whom: overlap events classified from timing and words.
//!
//! **Observed mode** (the transcript has overlapping segments of different speakers, as
//! Teams exports and AMI do). For every turn of B that *starts* strictly inside a turn of
//! another speaker A (the floor holder: A's non-embedded turn that started earliest among
//! those still open), classify, in this order:
//! 1. **backchannel** — B's turn is only listener tokens (`lexicons/dynamics/
//!    backchannels.txt`, ≤ 4 tokens; bracketed sounds such as `[laugh]` allowed) and either
//!    lies inside A's turn or lasts at most [`Thresholds::backchannel_max_ms`] (default 2.0 s;
//!    listener tokens run 0.2–1 s, stacked ones and laughter longer). Without text (RTTM): B's turn lies inside A's and lasts ≤ 1.0 s. Not an
//!    interruption: counted as active listening for B.
//!    A longer listener-only turn that outlasts A's is an **overlap, listener turn**: nothing
//!    was brought in, so it is not an interruption either.
//! 2. B's turn lies wholly inside A's turn: B stopped and A kept the floor.
//!    - with at least [`MIN_ATTEMPT_WORDS`] (2) content words (fillers and sounds excluded):
//!      **interruption, unsuccessful** ("butting in", Ferguson 1977);
//!    - with fewer (a one-word reaction such as "No.", "Two.", "Huh?", or a false start such
//!      as "S-"): **overlap, short reaction** — not a bid for the floor.
//! 3. B takes the floor (B's turn outlasts A's). Let *remaining* = A's turn end − B's start:
//!    - remaining ≤ [`Thresholds::terminal_ms`] (default 0.5 s) → **overlap, terminal**: B
//!      started in the last moments of A's turn (Schegloff's terminal overlap; transitions
//!      in conversation cluster around 0–200 ms, so half a second covers anticipatory starts);
//!    - remaining ≤ [`Thresholds::yield_ms`] (default 2.0 s) → **interruption, successful**
//!      (Ferguson's simple interruption): A stopped soon after B came in and B took the floor;
//!    - otherwise → **overlap, completed**: A went on for more than 2 s while B talked and
//!      completed the turn before B continued (Ferguson's "overlap").
//!
//! **Inferred mode** (no two speakers' segments overlap anywhere in the file, as in Zoom
//! exports, which serialise speech): for consecutive turns A → B of different speakers where
//! B starts within [`Thresholds::inferred_gap_ms`] (default 0.5 s) of A's end and A's turn
//! *breaks off* — its text ends with `-`, `—`, `–`, `...` or `…`, or, in a transcript that
//! punctuates, without `.`, `?`, `!` — the event is a successful interruption with
//! `inferred: true`; a B turn of only listener tokens is a backchannel instead. The meeting
//! then carries a warning that interruptions are inferred.
//!
//! Every event references the two turns (indices into the transcript's turns), its time, the
//! overlap, and both quotes as evidence.

use super::wording;
use crate::model::Transcript;

/// Fewest content words (fillers and sounds excluded) for an embedded turn to count as an
/// attempt to take the floor.
pub const MIN_ATTEMPT_WORDS: usize = 2;

/// The classification thresholds (all documented defaults, see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Thresholds {
    /// Terminal-overlap window, ms (default 500).
    pub terminal_ms: u64,
    /// A must stop within this time after B's start for an interruption, ms (default 2,000).
    pub yield_ms: u64,
    /// Longest backchannel, ms (default 2,000).
    pub backchannel_max_ms: u64,
    /// Largest gap for an inferred interruption, ms (default 500).
    pub inferred_gap_ms: u64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            terminal_ms: 500,
            yield_ms: 2_000,
            backchannel_max_ms: 2_000,
            inferred_gap_ms: 500,
        }
    }
}

/// What kind of event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A listener token: not an interruption.
    Backchannel,
    /// Terminal or completed overlap: not an interruption.
    Overlap,
    /// An interruption (successful or not).
    Interruption,
}

/// One overlap event.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// B's start, ms.
    pub start: u64,
    /// Who came in (B), speaker index.
    pub by: usize,
    /// Who was speaking (A), speaker index.
    pub of: usize,
    /// The kind.
    pub kind: Kind,
    /// `terminal`, `completed`, `successful`, `unsuccessful`, `listener token`.
    pub detail: &'static str,
    /// For interruptions: B took the floor.
    pub successful: bool,
    /// Simultaneous speech, ms (0 for inferred events).
    pub overlap_ms: u64,
    /// B's turn (index into `Transcript::turns`).
    pub by_turn: usize,
    /// A's turn.
    pub of_turn: usize,
    /// True when inferred from a serialised transcript.
    pub inferred: bool,
}

/// How events were found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// From overlapping segments.
    Observed,
    /// From breaks in serialised speech.
    Inferred,
    /// Untimed input: none.
    Unavailable,
}

/// Whether any two segments of different speakers overlap (the whole file is checked).
pub fn has_cross_speaker_overlap(t: &Transcript) -> bool {
    let mut spans: Vec<(u64, u64, usize)> = t
        .segments
        .iter()
        .filter_map(|s| s.span.map(|sp| (sp.start, sp.end, s.speaker)))
        .collect();
    spans.sort_unstable();
    // Track the latest end per speaker among earlier segments: it suffices to keep the two
    // latest ends of distinct speakers.
    let mut best: [(u64, usize); 2] = [(0, usize::MAX); 2];
    for (a, b, sp) in spans {
        for &(end, who) in &best {
            if who != usize::MAX && who != sp && a < end {
                return true;
            }
        }
        if best[0].1 == sp {
            best[0].0 = best[0].0.max(b);
        } else if best[1].1 == sp {
            best[1].0 = best[1].0.max(b);
        } else if b > best[1].0 {
            best[1] = (b, sp);
        }
        if best[1].0 > best[0].0 {
            best.swap(0, 1);
        }
    }
    false
}

/// Finds and classifies the events of a transcript.
pub fn detect(t: &Transcript, th: &Thresholds) -> (Vec<Event>, Mode) {
    detect_with(t, th, || {
        wording::is_punctuated(t.segments.iter().map(|s| s.text.as_str()))
    })
}

/// [`detect`], with whether the transcript punctuates ([`wording::is_punctuated`]) supplied by
/// the caller, who has usually computed it already (it is needed in inferred mode only).
pub fn detect_with(
    t: &Transcript,
    th: &Thresholds,
    punctuated: impl FnOnce() -> bool,
) -> (Vec<Event>, Mode) {
    if !t.is_timed() {
        return (Vec::new(), Mode::Unavailable);
    }
    if has_cross_speaker_overlap(t) {
        (observed(t, th), Mode::Observed)
    } else {
        (inferred(t, th, punctuated()), Mode::Inferred)
    }
}

fn observed(t: &Transcript, th: &Thresholds) -> Vec<Event> {
    let mut events = Vec::new();
    // Open non-embedded turns (indices), pruned as time advances.
    let mut open: Vec<usize> = Vec::new();
    for (bi, b) in t.turns.iter().enumerate() {
        let Some(bs) = b.span else { continue };
        open.retain(|&ai| t.turns[ai].span.is_some_and(|s| s.end > bs.start));
        let holder = open
            .iter()
            .copied()
            .filter(|&ai| {
                let a = &t.turns[ai];
                a.speaker != b.speaker && a.span.is_some_and(|s| s.start < bs.start)
            })
            .min_by_key(|&ai| (t.turns[ai].span.map(|s| s.start), ai));
        if let Some(ai) = holder {
            let a = &t.turns[ai];
            let Some(as_) = a.span else { continue };
            let dur = bs.len_ms();
            let overlap_ms = as_.end.min(bs.end) - bs.start;
            let listener = if t.has_text {
                wording::is_backchannel(&b.text) && (b.embedded || dur <= th.backchannel_max_ms)
            } else {
                b.embedded && dur <= 1_000
            };
            let (kind, detail, successful) = if listener {
                (Kind::Backchannel, "listener token", false)
            } else if t.has_text && wording::is_backchannel(&b.text) {
                // Only listener tokens, but long and outlasting A's turn: no content was
                // brought in, so not an interruption.
                (Kind::Overlap, "listener turn", false)
            } else if b.embedded || bs.end <= as_.end {
                if t.has_text && wording::content_words(&b.text) < MIN_ATTEMPT_WORDS {
                    (Kind::Overlap, "short reaction", false)
                } else {
                    (Kind::Interruption, "unsuccessful", false)
                }
            } else {
                let remaining = as_.end - bs.start;
                if remaining <= th.terminal_ms {
                    (Kind::Overlap, "terminal", false)
                } else if remaining <= th.yield_ms {
                    (Kind::Interruption, "successful", true)
                } else {
                    (Kind::Overlap, "completed", false)
                }
            };
            events.push(Event {
                start: bs.start,
                by: b.speaker,
                of: a.speaker,
                kind,
                detail,
                successful,
                overlap_ms,
                by_turn: bi,
                of_turn: ai,
                inferred: false,
            });
        }
        if !b.embedded {
            open.push(bi);
        }
    }
    events
}

/// True when a turn's text breaks off (see the module docs).
pub fn breaks_off(text: &str, punctuated: bool) -> bool {
    let t = text.trim_end();
    if t.ends_with(['-', '—', '–', '…']) || t.ends_with("...") {
        return true;
    }
    punctuated && !t.ends_with(['.', '?', '!', '"', '\'', ')', '”', '’', ']'])
}

fn inferred(t: &Transcript, th: &Thresholds, punctuated: bool) -> Vec<Event> {
    let main: Vec<usize> = (0..t.turns.len())
        .filter(|&i| !t.turns[i].embedded)
        .collect();
    let mut events = Vec::new();
    for w in main.windows(2) {
        let (ai, bi) = (w[0], w[1]);
        let (a, b) = (&t.turns[ai], &t.turns[bi]);
        let (Some(as_), Some(bs)) = (a.span, b.span) else {
            continue;
        };
        if a.speaker == b.speaker || bs.start < as_.end || bs.start - as_.end > th.inferred_gap_ms {
            continue;
        }
        if !t.has_text {
            continue;
        }
        let (kind, detail, successful) =
            if wording::is_backchannel(&b.text) && bs.len_ms() <= th.backchannel_max_ms {
                (Kind::Backchannel, "listener token", false)
            } else if breaks_off(&a.text, punctuated) {
                (Kind::Interruption, "successful", true)
            } else {
                continue;
            };
        events.push(Event {
            start: bs.start,
            by: b.speaker,
            of: a.speaker,
            kind,
            detail,
            successful,
            overlap_ms: 0,
            by_turn: bi,
            of_turn: ai,
            inferred: true,
        });
    }
    events
}
