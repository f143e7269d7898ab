//! Timing of exports that write only when each turn starts (Otter `.txt`, Teams `.docx`).
//!
//! Such a file says when a turn begins, never when it ends. The rule:
//!
//! - a turn ends where the next turn (in time order) begins, so turns never overlap and
//!   nobody is ever shown interrupting (the export cannot show overlap);
//! - turns that start at the same second share the time up to the next start, in file order,
//!   in proportion to their length in characters (Teams writes `0:03` for two turns that
//!   began within the same second);
//! - a header with no text marks a start (ending the turn before it) but is left out, so its
//!   time is no one's;
//! - the last turn has no next start: it is given the length its text would take at the
//!   file's median pace (characters a second over the other turns), cut at the end of the
//!   recording when the file states it, and a warning says so. Without any other turn to
//!   measure a pace on, it stays zero-length, with a warning too.

use crate::diag::Diagnostics;
use crate::model::{RawSegment, Span};

/// A turn of a start-only export, before its end is known.
#[derive(Clone, Debug, PartialEq)]
pub struct Stamped {
    /// The speaker as written; `None` when the file does not say.
    pub speaker: Option<String>,
    /// Start, ms.
    pub start: u64,
    /// The text (may be empty: the header of a turn without words).
    pub text: String,
    /// 1-based line of the header.
    pub line: usize,
}

/// Characters that count for the pace (white space does not).
fn length(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// `m:ss` (or `h:mm:ss`) for messages.
pub fn clock(ms: u64) -> String {
    let s = ms / 1000;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

/// Gives every turn an end by the rules of the module docs and returns the segments in file
/// order, turns without text left out. `known_end` is the end of the recording when the file
/// states it (Teams' duration line).
pub fn assign(
    turns: Vec<Stamped>,
    known_end: Option<u64>,
    diags: &mut Diagnostics,
) -> Vec<RawSegment> {
    let n = turns.len();
    // Time order (stable: ties keep file order).
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| turns[i].start);
    for w in turns.windows(2) {
        if w[1].start < w[0].start {
            diags.tally(
                "turns that start before the turn above them; read in time order",
                w[1].line,
            );
        }
    }
    let mut ends = vec![0u64; n];
    let mut starts = vec![0u64; n];
    // Groups of equal start, in time order.
    let mut groups: Vec<&[usize]> = order
        .chunk_by(|&a, &b| turns[a].start == turns[b].start)
        .collect();
    let last = groups.pop();
    let mut paces: Vec<f64> = Vec::new();
    for (g, members) in groups.iter().enumerate() {
        let from = turns[members[0]].start;
        let to = groups
            .get(g + 1)
            .or(last.as_ref())
            .map_or(from, |next| turns[next[0]].start);
        share(&turns, members, from, to, &mut starts, &mut ends);
        for &i in *members {
            let len = length(&turns[i].text);
            let dur = ends[i] - starts[i];
            if len > 0 && dur > 0 {
                paces.push(len as f64 / dur as f64);
            }
        }
    }
    if let Some(members) = last {
        let from = turns[members[0]].start;
        let len: usize = members.iter().map(|&i| length(&turns[i].text)).sum();
        let line = turns[members[0]].line;
        let pace = crate::metrics::median(paces);
        let to = match pace {
            Some(p) if p > 0.0 => {
                let est = (len as f64 / p).min(super::timestamp::MAX_MS as f64) as u64;
                let mut to = from
                    .saturating_add(est)
                    .min(super::timestamp::MAX_MS.max(from));
                let cut = known_end.filter(|&e| e > from && e < to);
                if let Some(e) = cut {
                    to = e;
                }
                diags.warn(
                    line,
                    format!(
                        "the export gives only the time each turn starts: each turn ends where \
                         the next begins, but the last one (at {}) has no next start; its end \
                         ({}) is estimated from its {len} characters at the file's median pace \
                         of {:.1} characters a second{}",
                        clock(from),
                        clock(to),
                        p * 1000.0,
                        if cut.is_some() {
                            ", cut at the end of the recording"
                        } else {
                            ""
                        }
                    ),
                );
                to
            }
            _ => {
                diags.warn(
                    line,
                    format!(
                        "the export gives only the time each turn starts, and the last turn \
                         (at {}) has no other turn to measure a speaking pace on: it is read \
                         as lasting no time",
                        clock(from)
                    ),
                );
                from
            }
        };
        share(&turns, members, from, to, &mut starts, &mut ends);
    }
    let mut empty = 0usize;
    let mut first_empty = 0usize;
    let out: Vec<RawSegment> = turns
        .into_iter()
        .enumerate()
        .filter_map(|(i, t)| {
            if t.text.trim().is_empty() {
                if empty == 0 {
                    first_empty = t.line;
                }
                empty += 1;
                return None;
            }
            Some(RawSegment {
                speaker: t.speaker,
                span: Some(Span::new(starts[i], ends[i].max(starts[i]))),
                text: t.text,
                line: t.line,
                words: None,
            })
        })
        .collect();
    for _ in 0..empty {
        diags.tally(
            "turn headers without any text left out (their time counts as no one's)",
            first_empty,
        );
    }
    out
}

/// Shares `[from, to)` between the turns of one start, in file order, by their length.
fn share(
    turns: &[Stamped],
    members: &[usize],
    from: u64,
    to: u64,
    starts: &mut [u64],
    ends: &mut [u64],
) {
    let lens: Vec<u128> = members
        .iter()
        .map(|&i| length(&turns[i].text).max(1) as u128)
        .collect();
    let total: u128 = lens.iter().sum::<u128>().max(1);
    let d = u128::from(to.saturating_sub(from));
    let mut done = 0u128;
    for (k, &i) in members.iter().enumerate() {
        let a = from + u64::try_from(d * done / total).unwrap_or(0);
        done += lens[k];
        let b = from + u64::try_from(d * done / total).unwrap_or(0);
        starts[i] = a;
        ends[i] = b.max(a);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(speaker: &str, start: u64, text: &str, line: usize) -> Stamped {
        Stamped {
            speaker: Some(speaker.to_string()),
            start,
            text: text.to_string(),
            line,
        }
    }

    fn spans(v: &[RawSegment]) -> Vec<(u64, u64)> {
        v.iter()
            .map(|s| s.span.map(|x| (x.start, x.end)).unwrap())
            .collect()
    }

    #[test]
    fn ends_at_next_start_and_estimates_the_last() {
        let mut d = Diagnostics::new();
        // 10 characters in 10 s and 20 in 20 s: one a second; the last has 5.
        let out = assign(
            vec![
                st("A", 0, "aaaaaaaaaa", 1),
                st("B", 10_000, "bbbbbbbbbb bbbbbbbbbb", 3),
                st("A", 30_000, "ccccc", 5),
            ],
            None,
            &mut d,
        );
        assert_eq!(
            spans(&out),
            vec![(0, 10_000), (10_000, 30_000), (30_000, 35_000)]
        );
        let diags = d.finish();
        assert_eq!(diags.len(), 1);
        assert!(diags[0].message.contains("estimated"), "{diags:?}");
        assert_eq!(diags[0].line, Some(5));
    }

    #[test]
    fn known_end_cuts_the_estimate() {
        let mut d = Diagnostics::new();
        let out = assign(
            vec![
                st("A", 0, "aaaaaaaaaa", 1),
                st("B", 10_000, "bbbbbbbbbb", 3),
            ],
            Some(12_000),
            &mut d,
        );
        assert_eq!(spans(&out), vec![(0, 10_000), (10_000, 12_000)]);
    }

    #[test]
    fn equal_starts_share_by_length_and_empty_headers_are_silence() {
        let mut d = Diagnostics::new();
        let out = assign(
            vec![
                st("A", 3000, "aaa", 1),
                st("B", 3000, "b", 3),
                st("C", 7000, "", 5),
                st("A", 9000, "x", 6),
            ],
            None,
            &mut d,
        );
        // A and B share 3–7 s three to one; C's empty turn (7–9 s) is left out.
        assert_eq!(spans(&out)[..2], [(3000, 6000), (6000, 7000)]);
        assert_eq!(out.len(), 3);
        let diags = d.finish();
        assert!(diags.iter().any(|x| x.message.contains("without any text")));
    }

    #[test]
    fn a_single_turn_lasts_no_time() {
        let mut d = Diagnostics::new();
        let out = assign(vec![st("A", 5000, "hello", 1)], None, &mut d);
        assert_eq!(spans(&out), vec![(5000, 5000)]);
        assert!(d.finish()[0].message.contains("no time"));
        assert!(assign(Vec::new(), None, &mut Diagnostics::new()).is_empty());
    }

    #[test]
    fn out_of_order_starts() {
        let mut d = Diagnostics::new();
        let out = assign(
            vec![
                st("A", 10_000, "aa", 1),
                st("B", 0, "bb", 2),
                st("C", 20_000, "cc", 3),
            ],
            None,
            &mut d,
        );
        assert_eq!(spans(&out)[..2], [(10_000, 20_000), (0, 10_000)]);
        assert!(d.finish().iter().any(|x| x.message.contains("time order")));
    }
}
