//! RTTM (Rich Transcription Time Marked), the output of diarization tools (pyannote, NIST).
//!
//! Only `SPEAKER` lines are read: `SPEAKER <file> <channel> <onset> <duration> <NA> <NA>
//! <speaker> <NA> <NA>`, times in seconds. Other record types and `;;` comments are ignored.
//! RTTM has no words: the transcript is marked `has_text = false` and text metrics report
//! "not available", never zero. A malformed line is a warning naming it; the line is skipped.

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Parsed, RawSegment, Span};

/// Converts seconds (as text) to ms, refusing NaN, negatives and absurd values.
pub fn seconds_to_ms(s: &str) -> Option<u64> {
    let v: f64 = s.parse().ok()?;
    if !v.is_finite() || !(0.0..=3.6e8).contains(&v) {
        return None;
    }
    // Within range, so the cast is exact enough and cannot overflow.
    Some((v * 1000.0).round() as u64)
}

/// Parses RTTM text.
pub fn parse(text: &str, diags: &mut Diagnostics) -> Result<Parsed, Diagnostic> {
    let mut segments = Vec::new();
    let mut seen_speaker_line = false;
    for (i, line) in text.lines().enumerate() {
        let lineno = i + 1;
        let t = line.trim();
        if t.is_empty() || t.starts_with(";;") {
            continue;
        }
        let f: Vec<&str> = t.split_whitespace().collect();
        if f[0] != "SPEAKER" {
            continue;
        }
        seen_speaker_line = true;
        if f.len() < 8 {
            diags.warn(
                lineno,
                format!(
                    "SPEAKER line has {} fields, expected 10; line skipped",
                    f.len()
                ),
            );
            continue;
        }
        let (Some(onset), Some(dur)) = (seconds_to_ms(f[3]), seconds_to_ms(f[4])) else {
            diags.warn(lineno, format!("onset `{}` or duration `{}` is not a non-negative number of seconds; line skipped", f[3], f[4]));
            continue;
        };
        segments.push(RawSegment {
            speaker: Some(f[7].to_string()),
            span: Some(Span::new(onset, onset + dur)),
            text: String::new(),
            line: lineno,
            words: None,
        });
    }
    if !seen_speaker_line {
        return Err(Diagnostic::error(
            None,
            "no `SPEAKER` lines found; not an RTTM file; file rejected",
        ));
    }
    Ok(Parsed {
        segments,
        anonymous_speakers: false,
        has_text: false,
        format: "rttm",
        chat: None,
        attendees: Vec::new(),
    })
}
