//! WebVTT, following the W3C "WebVTT parser algorithm" (§6.1 of the spec).
//!
//! [`parse_cues`] returns the cues (identifier, start, end, settings, raw text) exactly as the
//! spec's algorithm does in [`Mode::Spec`]: BOM and CR/CRLF handling, the `WEBVTT` signature
//! (followed by space, tab or a line end), header lines, NOTE/STYLE/REGION blocks, cue
//! identifiers, `-->` lines inside blocks, cue settings (kept as text and ignored).
//! It is checked against the web-platform-tests file-parsing suite.
//!
//! [`Mode::Lenient`] (the default for reading meetings) also reads what real exporters write
//! and the spec rejects, each reported once per file with a count: timestamps without
//! minutes, unpadded, with a comma, with odd fractions (see [`super::timestamp`]); a missing
//! `WEBVTT` signature (warning). A timing line that cannot be read at all is a warning with
//! its line, and the cue is skipped.
//!
//! [`parse`] turns cues into speaker segments: voice spans, `Name:` prefixes and `>>` caption
//! markers (see [`super::prefix`]).

use super::cuetext;
use super::prefix::{self, Unit};
use super::timestamp::{self, Leniency};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Parsed, Span};

/// How strictly timestamps and the signature are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Exactly the W3C algorithm (used by the conformance tests).
    Spec,
    /// The W3C algorithm plus the repairs listed in the module docs.
    Lenient,
}

/// One cue as the W3C algorithm produces it.
#[derive(Clone, Debug, PartialEq)]
pub struct Cue<'a> {
    /// The cue identifier ("" when absent).
    pub id: &'a str,
    /// Start in ms.
    pub start: u64,
    /// End in ms (may be before `start`, as the spec allows).
    pub end: u64,
    /// The settings text after the end time (parsed loosely, ignored).
    pub settings: &'a str,
    /// The raw cue text, lines joined by `\n` (a slice of the input: its lines are adjacent).
    pub text: &'a str,
    /// 1-based line of the timing line.
    pub line: usize,
}

struct Lines<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    fn past_end(&self) -> bool {
        self.pos >= self.text.len()
    }
    /// Collects a line up to (not including) LF; does not consume the LF.
    fn collect_line(&mut self) -> &'a str {
        let rest = &self.text[self.pos..];
        let n = rest.find('\n').unwrap_or(rest.len());
        self.pos += n;
        &rest[..n]
    }
    /// [`Lines::collect_line`], also saying whether the line contains `-->` (as
    /// [`has_arrow`] does): one pass over the line, eight bytes at a time.
    fn collect_line_arrow(&mut self) -> (&'a str, bool) {
        let b = self.text.as_bytes();
        let start = self.pos;
        let mut i = start;
        let mut arrow = false;
        let end = loop {
            match find2(b, i, b'\n', b'>') {
                None => break b.len(),
                Some(p) if b[p] == b'\n' => break p,
                Some(p) => {
                    arrow |= p >= start + 2 && b[p - 1] == b'-' && b[p - 2] == b'-';
                    i = p + 1;
                }
            }
        };
        self.pos = end;
        (&self.text[start..end], arrow)
    }
    fn skip_lf(&mut self) {
        if !self.past_end() && self.text.as_bytes()[self.pos] == b'\n' {
            self.pos += 1;
            self.line += 1;
        }
    }
}

/// Normalises line ends: CRLF and lone CR become LF (borrowed when there is no CR).
pub fn normalise(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        let b = text.as_bytes();
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        let mut i = 0;
        while let Some(p) = text[i..].find('\r') {
            let at = i + p;
            out.push_str(&text[last..at]);
            out.push('\n');
            i = if b.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
            last = i;
        }
        out.push_str(&text[last..]);
        std::borrow::Cow::Owned(out)
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

fn is_sig_end(c: u8) -> bool {
    c == b' ' || c == b'\t' || c == b'\n'
}

/// Parses the cue timings and settings line. Returns (start, end, settings).
fn parse_timing<'a>(
    line: &'a str,
    mode: Mode,
    lineno: usize,
    diags: &mut Diagnostics,
) -> Option<(u64, u64, &'a str)> {
    if let Some(r) = parse_timing_strict(line) {
        if mode == Mode::Lenient {
            // The strict start timestamp is `mm:ss.ttt` (no hours) or `h+:mm:ss.ttt`: with two
            // leading digits, the sixth byte is `.` without hours and `:` with them.
            let head = line.trim_start().as_bytes();
            let first = head.iter().take_while(|b| b.is_ascii_digit()).count();
            if first == 2 && head.get(5) == Some(&b'.') {
                diags.tally(Leniency::NoHours.describe(), lineno);
            }
        }
        return Some(r);
    }
    if mode == Mode::Spec {
        return None;
    }
    let (left, right) = line.split_once("-->")?;
    let right = right.trim_start_matches([' ', '\t']);
    let end_len = right.find([' ', '\t']).unwrap_or(right.len());
    let (start, l1) = timestamp::parse_lenient(left.trim_matches([' ', '\t']))?;
    let (end, l2) = timestamp::parse_lenient(&right[..end_len])?;
    for l in [l1, l2] {
        if l != Leniency::Exact {
            diags.tally(l.describe(), lineno);
        }
    }
    Some((start, end, right[end_len..].trim()))
}

fn parse_timing_strict(line: &str) -> Option<(u64, u64, &str)> {
    let b = line.as_bytes();
    let mut i = 0;
    let ws = |b: &[u8], mut i: usize| {
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\x0c') {
            i += 1;
        }
        i
    };
    i = ws(b, i);
    let (start, n) = timestamp::parse_strict_prefix(&b[i..])?;
    i = ws(b, i + n);
    if !b[i..].starts_with(b"-->") {
        return None;
    }
    i = ws(b, i + 3);
    let (end, n) = timestamp::parse_strict_prefix(&b[i..])?;
    Some((start, end, line[i + n..].trim()))
}

/// Runs the W3C block loop over `text`, whose line ends must already be LF (see
/// [`normalise`]). Returns the cues, or an error when the signature is missing in
/// [`Mode::Spec`].
pub fn parse_cues<'a>(
    text: &'a str,
    mode: Mode,
    diags: &mut Diagnostics,
) -> Result<Vec<Cue<'a>>, Diagnostic> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let b = text.as_bytes();
    let signed = b.starts_with(b"WEBVTT") && (b.len() == 6 || is_sig_end(b[6]));
    let mut lines = Lines {
        text,
        pos: 0,
        line: 1,
    };
    let mut cues = Vec::new();
    if signed {
        lines.collect_line();
        if lines.past_end() {
            return Ok(cues);
        }
        lines.skip_lf();
        collect_block(&mut lines, true, mode, diags);
    } else {
        if mode == Mode::Spec {
            return Err(Diagnostic::error(
                Some(1),
                "missing `WEBVTT` signature on the first line; file rejected",
            ));
        }
        diags.warn(
            1,
            "missing `WEBVTT` signature on the first line; read as WebVTT anyway",
        );
    }
    skip_blank(&mut lines, mode);
    while !lines.past_end() {
        if let Some(cue) = collect_block(&mut lines, false, mode, diags) {
            cues.push(cue);
        }
        skip_blank(&mut lines, mode);
    }
    Ok(cues)
}

/// The first byte at or after `from` equal to `x` or `y`, eight bytes at a time.
pub(crate) fn find2(b: &[u8], from: usize, x: u8, y: u8) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // High bit set in each zero byte of `v` (exact).
    let zero = |v: u64| !(((v & !HI) + !HI) | v) & HI;
    let (xs, ys) = (LO * u64::from(x), LO * u64::from(y));
    let mut i = from;
    while i + 8 <= b.len() {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[i..i + 8]);
        let v = u64::from_le_bytes(w);
        let hit = zero(v ^ xs) | zero(v ^ ys);
        if hit != 0 {
            return Some(i + (hit.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    (i..b.len()).find(|&k| b[k] == x || b[k] == y)
}

/// True when `line` contains `-->` (a byte scan for `>`, the rarest of the three).
fn has_arrow(line: &str) -> bool {
    let b = line.as_bytes();
    let mut i = 2;
    while i < b.len() {
        match b[i..].iter().position(|&c| c == b'>') {
            None => return false,
            Some(p) => {
                let at = i + p;
                if b[at - 1] == b'-' && b[at - 2] == b'-' {
                    return true;
                }
                i = at + 1;
            }
        }
    }
    false
}

/// Skips empty lines (and, in lenient mode, lines of only spaces and tabs).
fn skip_blank(lines: &mut Lines<'_>, mode: Mode) {
    loop {
        if lines.past_end() {
            return;
        }
        let rest = &lines.text.as_bytes()[lines.pos..];
        if rest[0] == b'\n' {
            lines.skip_lf();
            continue;
        }
        if mode == Mode::Lenient {
            let n = rest
                .iter()
                .take_while(|&&b| b == b' ' || b == b'\t')
                .count();
            if n > 0 && (n == rest.len() || rest[n] == b'\n') {
                lines.pos += n;
                continue;
            }
        }
        return;
    }
}

/// The spec's "collect a block". Returns a cue when the block is one.
fn collect_block<'a>(
    lines: &mut Lines<'a>,
    in_header: bool,
    mode: Mode,
    diags: &mut Diagnostics,
) -> Option<Cue<'a>> {
    let mut line_count = 0;
    let mut previous = (lines.pos, lines.line);
    // The spec's buffer: the lines appended to it are adjacent in the text whenever it is
    // used (cue text, identifier, or a block without a timing line), so it is a range.
    let mut buf: Option<(usize, usize)> = None;
    let text = lines.text;
    let buffer = |b: Option<(usize, usize)>| b.map_or("", |(a, z)| &text[a..z]);
    let mut seen_arrow = false;
    let mut cue: Option<Cue> = None;
    let mut timing_failed: Option<(usize, &str)> = None;
    let first_line_no = lines.line;
    loop {
        let this_line_no = lines.line;
        let line_start = lines.pos;
        let (line, arrow) = lines.collect_line_arrow();
        line_count += 1;
        let seen_eof = lines.past_end();
        if !seen_eof {
            lines.skip_lf();
        }
        debug_assert_eq!(arrow, has_arrow(line));
        if arrow {
            if !in_header && (line_count == 1 || (line_count == 2 && !seen_arrow)) {
                seen_arrow = true;
                previous = (lines.pos, lines.line);
                match parse_timing(line, mode, this_line_no, diags) {
                    Some((start, end, settings)) => {
                        cue = Some(Cue {
                            id: buffer(buf.take()),
                            start,
                            end,
                            settings,
                            text: "",
                            line: this_line_no,
                        });
                    }
                    None => {
                        cue = None;
                        timing_failed = Some((this_line_no, line));
                    }
                }
            } else {
                (lines.pos, lines.line) = previous;
                break;
            }
        } else if line.is_empty() || (mode == Mode::Lenient && line.trim().is_empty()) {
            // Lenient: a line of spaces separates blocks like an empty one.
            break;
        } else {
            buf = Some((buf.map_or(line_start, |b| b.0), line_start + line.len()));
            previous = (lines.pos, lines.line);
        }
        if seen_eof {
            break;
        }
    }
    let buffer = buffer(buf);
    if !in_header && !seen_arrow && !buffer.trim().is_empty() && !is_special_block(buffer) {
        let shown: String = buffer
            .lines()
            .next()
            .unwrap_or("")
            .chars()
            .take(60)
            .collect();
        diags.warn(
            first_line_no,
            format!("text block without a cue timing line (`{shown}`); block skipped"),
        );
    }
    if let Some((n, l)) = timing_failed
        && cue.is_none()
    {
        let shown: String = l.chars().take(80).collect();
        diags.push(Diagnostic::warning(
            Some(n),
            format!("`{shown}` is not a valid cue timing line; cue skipped"),
        ));
    }
    cue.map(|mut c| {
        c.text = buffer;
        c
    })
}

/// True for NOTE, STYLE and REGION blocks (keyword followed by space, tab, newline or end).
fn is_special_block(buffer: &str) -> bool {
    ["NOTE", "STYLE", "REGION"].iter().any(|k| {
        buffer
            .strip_prefix(k)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', '\n']))
    })
}

/// Parses a WebVTT transcript into speaker segments (lenient mode).
pub fn parse(text: &str, diags: &mut Diagnostics) -> Result<Parsed, Diagnostic> {
    let text = normalise(text);
    let cues = parse_cues(&text, Mode::Lenient, diags)?;
    let mut units = Vec::with_capacity(cues.len());
    for cue in cues {
        let span = if cue.end < cue.start {
            diags.warn(
                cue.line,
                format!(
                    "cue ends ({}) before it starts ({}); kept as zero-length at its start",
                    fmt_ms(cue.end),
                    fmt_ms(cue.start)
                ),
            );
            Span::new(cue.start, cue.start)
        } else {
            Span::new(cue.start, cue.end)
        };
        let runs = cuetext::parse(cue.text);
        if runs.is_empty() {
            diags.tally("cues without text (skipped)", cue.line);
            continue;
        }
        let text_line = cue.line + 1;
        for run in runs {
            units.push(Unit {
                voice: run.voice,
                text: run.text,
                span: Some(span),
                line: text_line,
            });
        }
    }
    let (segments, anonymous) = prefix::attribute(units, diags);
    Ok(Parsed {
        segments,
        anonymous_speakers: anonymous,
        has_text: true,
        format: "webvtt",
        chat: None,
        attendees: Vec::new(),
    })
}

/// Formats ms as `hh:mm:ss.mmm` for messages.
pub fn fmt_ms(ms: u64) -> String {
    format!(
        "{:02}:{:02}:{:02}.{:03}",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        ms % 1000
    )
}
