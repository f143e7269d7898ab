//! The text of a Microsoft Teams or Stream transcript (from a `.docx`, see [`super::docx`]).
//!
//! **Teams** writes a title, a date, the length of the transcript (`27m 42s`) and an event
//! line (`Nick Miller started transcription`, or its translation), then one paragraph per
//! turn: `Name   m:ss` (or `h:mm:ss`), a line break, the words (more line breaks inside long
//! turns), and at the end `… stopped transcription`. The turns are read as
//! [`super::headed`] layouts; the lines before the first turn are the heading and are left
//! out; event lines ([`EVENTS`], data in `lexicons/exports/transcription-events.txt`) are
//! never speech. Times are starts only: ends follow [`super::starts`], with the stated length
//! of the transcript as the end of the recording.
//!
//! **Stream** (and Teams' older export) writes cues as WebVTT does: a timing line
//! `0:0:5.100 --> 0:0:8.250` (optionally after the name on the same line), the speaker's name
//! on the next line when the cue has more than one line, then the words. Those times are
//! real starts and ends.

use super::headed;
use super::starts;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Parsed, RawSegment, Span};

/// The phrases of Teams' transcription events (data file, see the module docs).
pub const EVENTS: &str = include_str!("../../lexicons/exports/transcription-events.txt");

/// The event phrases, lower-cased.
fn events() -> &'static [String] {
    static LIST: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        EVENTS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase)
            .collect()
    })
}

/// True when `line` is a transcription event (`Ann Lee started transcription`): a name, then
/// one of the [`EVENTS`] phrases ending the line.
pub fn is_event(line: &str) -> bool {
    let l = line.trim();
    if l.chars().count() > 160 {
        return false;
    }
    let lower = l.to_lowercase();
    events().iter().any(|e| {
        lower
            .strip_suffix(e.as_str())
            .is_some_and(|name| !name.trim().is_empty())
    })
}

/// The transcript length Teams writes under the date (`27m 42s`, `1h 3m 5s`, `45s`), in ms.
pub fn duration(line: &str) -> Option<u64> {
    let mut total = 0u64;
    let mut parts = 0;
    for word in line.split_whitespace() {
        let (num, unit) = word.split_at(word.find(|c: char| !c.is_ascii_digit())?);
        let v: u64 = num.parse().ok().filter(|_| num.len() <= 6)?;
        total += v * match unit {
            "h" => 3_600_000,
            "m" => 60_000,
            "s" => 1000,
            _ => return None,
        };
        parts += 1;
    }
    (parts > 0).then_some(total)
}

/// Reads a Teams transcript's text (see the module docs); `format` is reported in outputs.
pub fn parse_teams(
    text: &str,
    format: &'static str,
    diags: &mut Diagnostics,
) -> Result<Parsed, Diagnostic> {
    let layout = headed::read(text.lines().enumerate().map(|(i, l)| (i + 1, l)), is_event);
    if layout.turns.is_empty() {
        return Err(Diagnostic::error(
            None,
            "no turn header (`Name   m:ss`) found in this Teams transcript; file rejected",
        ));
    }
    let known_end = layout.preamble.iter().find_map(|(_, l)| duration(l));
    Ok(Parsed {
        segments: starts::assign(layout.turns, known_end, diags),
        anonymous_speakers: false,
        has_text: true,
        format,
        attendees: Vec::new(),
        chat: None,
    })
}

/// A Stream timing line: the name written before the times (if any), start and end in ms.
fn timing(line: &str) -> Option<(Option<&str>, u64, u64)> {
    let (left, right) = line.split_once("-->")?;
    let left = left.trim();
    let (name, start) = match left.rfind(char::is_whitespace) {
        Some(i) => (Some(left[..i].trim()).filter(|n| !n.is_empty()), &left[i..]),
        None => (None, left),
    };
    let start = super::timestamp::parse_lenient(start.trim())?.0;
    let end = super::timestamp::parse_lenient(right.split_whitespace().next()?)?.0;
    Some((name, start, end))
}

/// True when one of the first lines of `text` is a Stream timing line.
pub fn is_stream(text: &str) -> bool {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .take(40)
        .any(|l| timing(l.trim()).is_some())
}

/// A line that can be a speaker's name in a Stream cue: short, and not ending a sentence.
fn name_like(line: &str) -> bool {
    line.chars().count() <= 60
        && !line.ends_with(['.', '!', '?', '。', '！', '？', '…', ',', '、', ':'])
}

/// Reads a Stream transcript's text (see the module docs).
pub fn parse_stream(text: &str, diags: &mut Diagnostics) -> Result<Parsed, Diagnostic> {
    struct Cue<'a> {
        name: Option<&'a str>,
        span: Span,
        line: usize,
        lines: Vec<&'a str>,
    }
    let mut cues: Vec<Cue> = Vec::new();
    let mut before = 0usize;
    for (i, raw) in text.lines().enumerate() {
        let l = raw.trim();
        if l.is_empty() || is_event(l) {
            continue;
        }
        if let Some((name, start, end)) = timing(l) {
            if end < start {
                diags.tally(
                    "cues that end before they start; read as lasting no time",
                    i + 1,
                );
            }
            cues.push(Cue {
                name,
                span: Span::new(start, end.max(start)),
                line: i + 1,
                lines: Vec::new(),
            });
        } else if let Some(c) = cues.last_mut() {
            c.lines.push(l);
        } else {
            before += 1;
        }
    }
    if cues.is_empty() {
        return Err(Diagnostic::error(
            None,
            "no timing line (`0:0:5.100 --> 0:0:8.250`) found in this Stream transcript; file rejected",
        ));
    }
    let _ = before; // The heading (title, date) before the first cue is not speech.
    let mut segments = Vec::with_capacity(cues.len());
    let mut current: Option<String> = None;
    for c in cues {
        let mut lines = c.lines.as_slice();
        let mut speaker = c.name.map(str::to_string);
        if speaker.is_none() && lines.len() >= 2 && name_like(lines[0]) {
            speaker = Some(lines[0].to_string());
            lines = &lines[1..];
        }
        if speaker.is_some() {
            current = speaker.clone();
        }
        let text = super::cuetext::collapse_ws(&lines.join(" "));
        if text.is_empty() {
            continue;
        }
        segments.push(RawSegment {
            speaker: speaker
                .or_else(|| current.clone())
                .filter(|n| !headed::is_unknown(n)),
            span: Some(c.span),
            text,
            line: c.line,
            words: None,
        });
    }
    Ok(Parsed {
        segments,
        anonymous_speakers: false,
        has_text: true,
        format: "stream-docx",
        attendees: Vec::new(),
        chat: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_in_several_languages() {
        for l in [
            "Nick Miller started transcription",
            "David Mulholland stopped transcription",
            "Marie Curie a démarré la transcription",
            "Anna Schmidt hat die Transkription gestartet",
            "田中 太郎 が文字起こしを開始しました",
        ] {
            assert!(is_event(l), "{l}");
        }
        for l in [
            "started transcription",
            "We started transcription work",
            "Nick Miller   0:03",
        ] {
            assert!(!is_event(l), "{l}");
        }
    }

    #[test]
    fn durations() {
        assert_eq!(duration("27m 42s"), Some(1_662_000));
        assert_eq!(duration("1h 3m 5s"), Some(3_785_000));
        assert_eq!(duration("45s"), Some(45_000));
        assert_eq!(duration("15 June 2026, 03:35am"), None);
        assert_eq!(duration(""), None);
        assert_eq!(duration("99999999999h"), None);
    }

    type Row<'a> = (Option<&'a str>, &'a str, Option<Span>);

    fn rows(p: &Parsed) -> Vec<Row<'_>> {
        p.segments
            .iter()
            .map(|s| (s.speaker.as_deref(), s.text.as_str(), s.span))
            .collect()
    }

    const TEAMS: &str = "Weekly sync-20260615_133555-Meeting Transcript\n15 June 2026, 03:35am\n\
        1m 30s\nAnn Lee started transcription\nAnn Lee   0:03\nHello all.\nShall we start?\n\
        Bo O'Neil 2   0:10\nYes.\nAnn Lee   1:02:03\nRight.\nAnn Lee stopped transcription\n";

    #[test]
    fn teams_text() {
        let mut d = Diagnostics::new();
        let p = parse_teams(TEAMS, "teams-docx", &mut d).unwrap();
        let got = rows(&p);
        assert_eq!(
            got[0],
            (
                Some("Ann Lee"),
                "Hello all. Shall we start?",
                Some(Span::new(3000, 10_000))
            )
        );
        assert_eq!(got[1].0, Some("Bo O'Neil 2"));
        assert_eq!(got[2].1, "Right.");
        assert_eq!(got.len(), 3);
        // The stated length (1m 30s) is before the last start: no cut.
        assert!(got[2].2.unwrap().end > 3_723_000);
    }

    #[test]
    fn stream_text() {
        let text = "0:0:5.100 --> 0:0:8.250\nAnn Lee\nHello there.\n\n0:0:8.500 --> 0:0:10.300\n\
            Still me.\n\nBo  0:0:11.000 --> 0:0:12.000\nYes.\n";
        let p = parse_stream(text, &mut Diagnostics::new()).unwrap();
        let got = rows(&p);
        assert_eq!(
            got,
            vec![
                (Some("Ann Lee"), "Hello there.", Some(Span::new(5100, 8250))),
                (Some("Ann Lee"), "Still me.", Some(Span::new(8500, 10_300))),
                (Some("Bo"), "Yes.", Some(Span::new(11_000, 12_000))),
            ]
        );
        assert!(parse_stream("nothing here", &mut Diagnostics::new()).is_err());
    }
}
