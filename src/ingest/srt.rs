//! SubRip (`.srt`): numbered cues, `hh:mm:ss,mmm --> hh:mm:ss,mmm` timings, text lines.
//!
//! Blocks are separated by blank lines. The cue number is optional (some tools omit it); a
//! block without a readable timing line is skipped with a warning naming its line. Tags
//! (`<i>`, `<font color=…>`) and ASS overrides (`{\an8}`) are stripped, entities decoded.
//! Speakers come from `Name:` prefixes with continuation cues (see [`super::prefix`]).
//! Timestamps are read leniently; deviations other than the SRT comma (a full stop, no
//! hours, unpadded fields) are reported once per file with a count.

use super::prefix::{self, Unit};
use super::timestamp::{self, Leniency};
use super::{cuetext, webvtt::fmt_ms};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Parsed, Span};

fn parse_timing(line: &str, lineno: usize, diags: &mut Diagnostics) -> Option<(u64, u64)> {
    let (l, r) = line.split_once("-->")?;
    let r = r.trim();
    let r = &r[..r.find(char::is_whitespace).unwrap_or(r.len())];
    let (a, la) = timestamp::parse_lenient(l.trim())?;
    let (b, lb) = timestamp::parse_lenient(r)?;
    for lev in [la, lb] {
        match lev {
            Leniency::Exact | Leniency::CommaDecimal => {}
            Leniency::NoHours
            | Leniency::NoMinutes
            | Leniency::Unpadded
            | Leniency::OddFraction => diags.tally(lev.describe(), lineno),
        }
    }
    let dotted = l.contains('.') || r.contains('.');
    if dotted {
        diags.tally("SRT timestamps with a full stop instead of a comma", lineno);
    }
    Some((a, b))
}

fn strip_ass(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(p) = rest.find("{\\") {
        out.push_str(&rest[..p]);
        match rest[p..].find('}') {
            Some(e) => rest = &rest[p + e + 1..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Parses SRT text into speaker segments.
pub fn parse(text: &str, diags: &mut Diagnostics) -> Result<Parsed, Diagnostic> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end_matches('\r')).collect();
    let mut units = Vec::new();
    let mut i = 0;
    let mut blocks = 0usize;
    while i < lines.len() {
        while i < lines.len() && lines[i].trim().is_empty() {
            i += 1;
        }
        if i >= lines.len() {
            break;
        }
        let start = i;
        while i < lines.len() && !lines[i].trim().is_empty() {
            i += 1;
        }
        blocks += 1;
        let block = &lines[start..i];
        let mut k = 0;
        if block[0].trim().bytes().all(|b| b.is_ascii_digit()) && !block[0].contains("-->") {
            k = 1;
        }
        let Some(timing) = block.get(k) else {
            diags.warn(start + 1, "cue number without a timing line; cue skipped");
            continue;
        };
        let lineno = start + k + 1;
        if !timing.contains("-->") {
            let shown: String = timing.chars().take(80).collect();
            diags.warn(lineno, format!("expected a timing line (`00:00:01,000 --> 00:00:02,000`), found `{shown}`; cue skipped"));
            continue;
        }
        let Some((a, b)) = parse_timing(timing, lineno, diags) else {
            let shown: String = timing.chars().take(80).collect();
            diags.warn(
                lineno,
                format!("`{shown}` is not a valid timing line; cue skipped"),
            );
            continue;
        };
        let span = if b < a {
            diags.warn(
                lineno,
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
        let raw = block[k + 1..].join("\n");
        let body = cuetext::plain_text(&strip_ass(&raw));
        if body.is_empty() {
            diags.tally("cues without text (skipped)", lineno);
            continue;
        }
        units.push(Unit {
            voice: None,
            text: body,
            span: Some(span),
            line: lineno + 1,
        });
    }
    if blocks > 0 && units.is_empty() {
        diags.warn(1, "no readable cues in this SRT file");
    }
    let (segments, anonymous) = prefix::attribute(units, diags);
    Ok(Parsed {
        segments,
        anonymous_speakers: anonymous,
        has_text: true,
        format: "srt",
        chat: None,
        attendees: Vec::new(),
    })
}
