//! SubViewer / YouTube `.sbv`: blocks of a `h:mm:ss.mmm,h:mm:ss.mmm` timing line followed by
//! text lines, separated by blank lines. Speakers from `Name:` prefixes as in SRT
//! ([`super::prefix`]). A block whose first line is not a readable timing is skipped with a
//! warning naming its line.

use super::prefix::{self, Unit};
use super::{cuetext, timestamp, webvtt::fmt_ms};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Parsed, Span};

/// True when `line` is an SBV timing line.
pub fn is_timing_line(line: &str) -> bool {
    parse_timing(line).is_some()
}

fn parse_timing(line: &str) -> Option<(u64, u64)> {
    let (a, b) = line.trim().split_once(',')?;
    if a.contains("-->") || !a.contains(':') || !b.contains(':') {
        return None;
    }
    Some((
        timestamp::parse_lenient(a.trim())?.0,
        timestamp::parse_lenient(b.trim())?.0,
    ))
}

/// Parses SBV text.
pub fn parse(text: &str, diags: &mut Diagnostics) -> Result<Parsed, Diagnostic> {
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end_matches('\r')).collect();
    let mut units = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim().is_empty() {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && !lines[i].trim().is_empty() {
            i += 1;
        }
        let block = &lines[start..i];
        let Some((a, b)) = parse_timing(block[0]) else {
            let shown: String = block[0].chars().take(80).collect();
            diags.warn(start + 1, format!("expected an SBV timing line (`0:00:01.000,0:00:02.000`), found `{shown}`; block skipped"));
            continue;
        };
        let span = if b < a {
            diags.warn(
                start + 1,
                format!(
                    "cue ends ({}) before it starts ({}); kept as zero-length at its start",
                    fmt_ms(b),
                    fmt_ms(a)
                ),
            );
            Span::new(a, a)
        } else {
            Span::new(a, b)
        };
        let body = cuetext::plain_text(&block[1..].join("\n"));
        if body.is_empty() {
            diags.tally("cues without text (skipped)", start + 1);
            continue;
        }
        units.push(Unit {
            voice: None,
            text: body,
            span: Some(span),
            line: start + 2,
        });
    }
    let (segments, anonymous) = prefix::attribute(units, diags);
    Ok(Parsed {
        segments,
        anonymous_speakers: anonymous,
        has_text: true,
        format: "sbv",
        chat: None,
        attendees: Vec::new(),
    })
}
