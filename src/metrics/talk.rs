//! Talk time, speech, overlap and silence.
//!
//! - **Talk time** of a speaker: the length of the union of their segments (their own
//!   overlapping segments counted once).
//! - **Share**: talk time / sum of all speakers' talk times (so shares sum to 1).
//! - **Duration**: from the first segment's start to the last segment's end (the transcribed
//!   span; recordings often start before the first words).
//! - **Speech**: the union of all segments. **Overlap**: the time during which two or more
//!   speakers talk. **Silence**: duration − speech.
//!
//! Invariants (tested on the corpus): talk ≤ speech ≤ duration for every speaker;
//! speech + overlap ≤ Σ talk; silence ≥ 0.

use crate::model::Transcript;

/// Merges intervals (sorted in place) and returns the merged list.
pub fn merge(mut spans: Vec<(u64, u64)>) -> Vec<(u64, u64)> {
    spans.sort_unstable();
    let mut out: Vec<(u64, u64)> = Vec::with_capacity(spans.len());
    for (a, b) in spans {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// Total length of merged intervals.
pub fn total(merged: &[(u64, u64)]) -> u64 {
    merged.iter().map(|(a, b)| b - a).sum()
}

/// Time figures of one meeting, in ms. `None` fields when the transcript is untimed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    /// First start.
    pub first_start: u64,
    /// Last end.
    pub last_end: u64,
    /// last_end − first_start.
    pub duration: u64,
    /// Union of all segments.
    pub speech: u64,
    /// Time with two or more speakers.
    pub overlap: u64,
    /// duration − speech.
    pub silence: u64,
    /// Talk time per speaker index.
    pub talk: Vec<u64>,
}

/// Computes the timeline; `None` for untimed transcripts.
pub fn timeline(t: &Transcript) -> Option<Timeline> {
    let mut per: Vec<Vec<(u64, u64)>> = vec![Vec::new(); t.speakers.len()];
    let mut all = Vec::with_capacity(t.segments.len());
    for s in &t.segments {
        let sp = s.span?;
        per[s.speaker].push((sp.start, sp.end));
        all.push((sp.start, sp.end));
    }
    if all.is_empty() {
        return None;
    }
    let first_start = all.iter().map(|s| s.0).min().unwrap_or(0);
    let last_end = all.iter().map(|s| s.1).max().unwrap_or(0);
    let speech = total(&merge(all));
    let merged: Vec<Vec<(u64, u64)>> = per.into_iter().map(merge).collect();
    let talk: Vec<u64> = merged.iter().map(|m| total(m)).collect();
    // Sweep over the speakers' merged intervals: +1 at a start, −1 at an end.
    let mut events: Vec<(u64, i32)> = merged
        .iter()
        .flat_map(|m| m.iter().flat_map(|&(a, b)| [(a, 1), (b, -1)]))
        .collect();
    // Ends before starts at the same instant: touching intervals do not overlap.
    events.sort_unstable();
    let mut active = 0i32;
    let mut overlap = 0u64;
    let mut last = 0u64;
    for (time, delta) in events {
        if active >= 2 {
            overlap += time - last;
        }
        active += delta;
        last = time;
    }
    let duration = last_end - first_start;
    Some(Timeline {
        first_start,
        last_end,
        duration,
        speech,
        overlap,
        silence: duration - speech,
        talk,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_and_total() {
        let m = merge(vec![(5, 8), (0, 2), (1, 3), (8, 9)]);
        assert_eq!(m, vec![(0, 3), (5, 9)]);
        assert_eq!(total(&m), 7);
    }
}
