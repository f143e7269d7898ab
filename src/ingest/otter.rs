//! Otter.ai's `.txt` export: a header line `Name  m:ss` (or `h:mm:ss`, two or more spaces
//! before the time, sometimes trailing spaces), then the paragraph, which may run over several
//! lines until the next header (see [`super::headed`]).
//!
//! `Unknown Speaker` is Otter's label for a voice it could not name: those turns get no
//! speaker (the builder's `unknown speaker`, which marks the transcript as having unnamed
//! speakers). The footer `Transcribed by https://otter.ai` is left out. Times are starts
//! only; ends follow [`super::starts`].
//!
//! The same layout is what a Teams transcript becomes when saved as text (a title, a date,
//! `… started transcription`, then `Name   0:03` headers): when such an event line comes
//! before the first header, the file is read as that ([`super::teams`], format `teams-text`).

use super::{headed, starts, teams};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Parsed;

/// True for Otter's footer line, `Transcribed by https://otter.ai`.
pub fn is_footer(line: &str) -> bool {
    let l = line.trim().trim_end_matches('/').to_ascii_lowercase();
    l.strip_prefix("transcribed by")
        .map(str::trim_start)
        .is_some_and(|u| matches!(u, "https://otter.ai" | "http://otter.ai" | "otter.ai"))
}

/// True when `text` has Otter's layout: one of its first six non-blank lines is a header, and
/// its first sixty hold another header or the footer is there.
pub fn looks_like(text: &str) -> bool {
    let t = text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n']);
    let mut headers = 0usize;
    let mut first = None;
    for (n, l) in t
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(60)
        .enumerate()
    {
        if headed::header(l).is_some() {
            headers += 1;
            first.get_or_insert(n);
        }
    }
    first.is_some_and(|f| f < 6) && (headers >= 2 || t.lines().any(is_footer))
}

/// Parses an Otter `.txt` export (or a Teams transcript saved as text).
pub fn parse(text: &str, diags: &mut Diagnostics) -> Result<Parsed, Diagnostic> {
    let layout = headed::read(text.lines().enumerate().map(|(i, l)| (i + 1, l)), is_footer);
    if layout.preamble.iter().any(|(_, l)| teams::is_event(l)) {
        return teams::parse_teams(text, "teams-text", diags);
    }
    if layout.turns.is_empty() {
        return Err(Diagnostic::error(
            None,
            "no turn header (`Name  m:ss`) found: not an Otter transcript; file rejected",
        ));
    }
    if let Some((line, _)) = layout.preamble.first() {
        diags.warn(
            *line,
            format!(
                "{} line(s) before the first `Name  m:ss` header belong to no turn; left out",
                layout.preamble.len()
            ),
        );
    }
    Ok(Parsed {
        segments: starts::assign(layout.turns, None, diags),
        anonymous_speakers: false,
        has_text: true,
        format: "otter",
        attendees: Vec::new(),
        chat: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    type Segs = Vec<(Option<String>, String, Span)>;

    fn read(text: &str) -> (Segs, Vec<Diagnostic>) {
        let mut d = Diagnostics::new();
        let p = parse(text, &mut d).unwrap();
        let segs = p
            .segments
            .into_iter()
            .map(|s| (s.speaker, s.text, s.span.unwrap()))
            .collect();
        (segs, d.finish())
    }

    #[test]
    fn layout_footer_and_unknown_speaker() {
        let text = "\u{FEFF}Emma  0:00  \r\nHello and welcome.\r\nSecond line.\r\n\r\n\
            Unknown Speaker  0:10  \r\nHi.\r\n\r\nPaul O'Leary  1:02:03\r\nBye now.\r\n\r\n\
            Transcribed by https://otter.ai\r\n";
        assert!(looks_like(text));
        let (segs, diags) = read(text);
        let n = |s: &str| Some(s.to_string());
        assert_eq!(segs[0].0, n("Emma"));
        assert_eq!(segs[0].1, "Hello and welcome. Second line.");
        assert_eq!(segs[0].2, Span::new(0, 10_000));
        assert_eq!(segs[1].0, None);
        assert_eq!(segs[1].2, Span::new(10_000, 3_723_000));
        assert_eq!(segs[2].0, n("Paul O'Leary"));
        assert_eq!(segs[2].1, "Bye now.");
        assert!(segs.iter().all(|s| !s.1.contains("otter.ai")));
        // The last turn's end is estimated, and said so.
        assert!(segs[2].2.end > 3_723_000);
        assert!(diags.iter().any(|d| d.message.contains("estimated")));
    }

    #[test]
    fn empty_paragraphs_bare_times_and_preamble() {
        let text = "My podcast\n\n0:00\nIntro.\n\nSpeaker 1  0:05\n\nSpeaker 2  0:09\nYes.\n";
        let (segs, diags) = read(text);
        assert_eq!(segs.len(), 2);
        assert_eq!(segs[0].0, None);
        assert_eq!(segs[1].0.as_deref(), Some("Speaker 2"));
        assert_eq!(segs[0].2, Span::new(0, 5000));
        assert!(diags.iter().any(|d| d.message.contains("before the first")));
        assert!(diags.iter().any(|d| d.message.contains("without any text")));
    }

    #[test]
    fn detection_needs_the_layout() {
        assert!(!looks_like("Ann: hi\nBo: hello\n"));
        assert!(!looks_like("Emma  0:00\nOnly one turn, no footer.\n"));
        assert!(looks_like(
            "Emma  0:00\nOnly one turn.\n\nTranscribed by https://otter.ai\n"
        ));
        assert!(!looks_like(
            "a\nb\nc\nd\ne\nf\ng\nEmma  0:00\nx\nBo  0:05\ny\n"
        ));
        assert!(parse("no headers here", &mut Diagnostics::new()).is_err());
    }

    #[test]
    fn teams_saved_as_text() {
        let text = "Sync-Meeting Transcript\n15 June 2026, 03:35am\n2m 5s\n\
            Ann Lee started transcription\nAnn Lee   0:03\nHello.\nBo   0:10\nHi.\n\
            Ann Lee stopped transcription\n";
        assert!(looks_like(text));
        let mut d = Diagnostics::new();
        let p = parse(text, &mut d).unwrap();
        assert_eq!(p.format, "teams-text");
        assert_eq!(p.segments.len(), 2);
        assert_eq!(p.segments[1].text, "Hi.");
    }
}
