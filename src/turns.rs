//! The turn builder: segments → speaker turns.
//!
//! **Rule.** Segments are taken in start order. A *turn* is a maximal run of one speaker's
//! segments such that
//! 1. no other speaker's segment *starts* in between, except one that also *ends* inside the
//!    turn as built so far (a backchannel or an attempt to interrupt: it does not split the
//!    turn; it becomes its own turn marked `embedded`), and
//! 2. no silence between consecutive segments of the turn is longer than `max_pause`
//!    (default 2.0 s, `--max-pause`): a longer pause starts a new turn of the same speaker.
//!
//! A turn spans from its first segment's start to the latest end among its segments. Untimed
//! inputs (plain text) have no pauses and no embedding: a turn is a run of consecutive
//! segments of one speaker.

use crate::model::{Segment, Span, Turn};

/// Options of the turn builder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TurnOptions {
    /// The longest silence inside one turn, in ms (default 2,000).
    pub max_pause_ms: u64,
}

impl Default for TurnOptions {
    fn default() -> Self {
        TurnOptions {
            max_pause_ms: 2_000,
        }
    }
}

/// Builds turns from segments already sorted by start time.
pub fn build_turns(segments: &[Segment], opts: &TurnOptions) -> Vec<Turn> {
    let mut turns: Vec<Turn> = Vec::new();
    // Index (in `turns`) of the open, non-embedded turn.
    let mut open: Option<usize> = None;
    for (i, seg) in segments.iter().enumerate() {
        if let Some(o) = open {
            let cur = &turns[o];
            match (cur.span, seg.span) {
                (Some(cs), Some(ss)) => {
                    if seg.speaker == cur.speaker {
                        // Silence since the turn's latest end (negative when overlapping).
                        if ss.start <= cs.end.saturating_add(opts.max_pause_ms) {
                            extend(&mut turns[o], i, seg);
                            continue;
                        }
                    } else if cs.contains(&ss) {
                        turns.push(new_turn(i, seg, true));
                        continue;
                    }
                }
                (None, None) if seg.speaker == cur.speaker => {
                    extend(&mut turns[o], i, seg);
                    continue;
                }
                // Mixed timed and untimed segments: never merge across.
                _ => {}
            }
        }
        turns.push(new_turn(i, seg, false));
        open = Some(turns.len() - 1);
    }
    turns
}

fn new_turn(i: usize, seg: &Segment, embedded: bool) -> Turn {
    Turn {
        speaker: seg.speaker,
        span: seg.span,
        text: seg.text.clone(),
        segments: vec![i],
        embedded,
    }
}

fn extend(turn: &mut Turn, i: usize, seg: &Segment) {
    if let (Some(ts), Some(ss)) = (turn.span, seg.span) {
        turn.span = Some(Span::new(ts.start, ts.end.max(ss.end)));
    }
    if !seg.text.is_empty() {
        if !turn.text.is_empty() {
            turn.text.push(' ');
        }
        turn.text.push_str(&seg.text);
    }
    turn.segments.push(i);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(speaker: usize, start: u64, end: u64) -> Segment {
        Segment {
            speaker,
            span: Some(Span::new(start, end)),
            text: format!("s{speaker}"),
            line: 0,
            words: None,
        }
    }

    fn shape(turns: &[Turn]) -> Vec<(usize, u64, u64, bool)> {
        turns
            .iter()
            .map(|t| {
                (
                    t.speaker,
                    t.span.unwrap().start,
                    t.span.unwrap().end,
                    t.embedded,
                )
            })
            .collect()
    }

    #[test]
    fn same_speaker_merges_within_pause() {
        let t = build_turns(
            &[seg(0, 0, 1000), seg(0, 2500, 4000), seg(0, 7000, 8000)],
            &TurnOptions::default(),
        );
        assert_eq!(shape(&t), vec![(0, 0, 4000, false), (0, 7000, 8000, false)]);
    }

    #[test]
    fn contained_backchannel_does_not_split() {
        let segs = [seg(0, 0, 5000), seg(1, 2000, 2500), seg(0, 5200, 9000)];
        let t = build_turns(&segs, &TurnOptions::default());
        assert_eq!(shape(&t), vec![(0, 0, 9000, false), (1, 2000, 2500, true)]);
        assert_eq!(t[0].segments, vec![0, 2]);
    }

    #[test]
    fn overlapping_takeover_splits() {
        let segs = [seg(0, 0, 5000), seg(1, 4000, 8000), seg(0, 8100, 9000)];
        let t = build_turns(&segs, &TurnOptions::default());
        assert_eq!(
            shape(&t),
            vec![
                (0, 0, 5000, false),
                (1, 4000, 8000, false),
                (0, 8100, 9000, false)
            ]
        );
    }

    #[test]
    fn untimed_runs() {
        let mk = |s| Segment {
            speaker: s,
            span: None,
            text: "x".into(),
            line: 0,
            words: None,
        };
        let t = build_turns(&[mk(0), mk(0), mk(1), mk(0)], &TurnOptions::default());
        assert_eq!(
            t.iter().map(|t| t.segments.len()).collect::<Vec<_>>(),
            vec![2, 1, 1]
        );
    }
}
