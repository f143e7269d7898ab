//! Google Meet transcripts: the Google Doc Meet saves, as plain text, as a `.docx`, or as
//! Markdown (published copies add `#` headings and `**`/`_` emphasis, which are removed).
//!
//! What is read, line by line:
//! - the **title**, `<meeting> (2023-05-18 15:59 GMT+1) - Transcript` or, in the newer
//!   (Gemini) documents, `<meeting> - Transcript` after a date line: it starts a meeting.
//!   Lines before the first title (the Gemini "Notes" tab: summary, next steps) are not speech
//!   and are left out with a warning. A second title starts a second meeting (documents that
//!   collect several calls), reported as `source#1`, `source#2`;
//! - **`Attendees`** and the line after it: comma-separated names, the people Meet saw in the
//!   call. Note-taking bots and presented screens ([`crate::nonpeople`]) are left out; the rest
//!   become [`Parsed::attendees`], so that those who never spoke are silent attendees. A
//!   comma-separated line right after the title stands for the list when the heading is lost;
//! - **`Name: text`** paragraphs: the turns (a line without a name continues the speaker
//!   before it). A name is accepted as the prefix rules of [`super::prefix`] accept one, or
//!   when it is one of the attendees;
//! - left out: the disclaimer (`This editable transcript was computer generated…`), a lone
//!   `Transcript` heading, the footer `Meeting ended after 00:42:13 👋` or `Transcription
//!   ended after 01:05:17` (its duration is quoted in the timing warning), and the time marks.
//!
//! **Timing.** Meet writes no time per turn: only a mark (`00:05:00`) every few minutes in the
//! older documents, and one before some paragraphs in the newer ones, or none at all. A mark
//! says that the next paragraph started after that time, not when any turn started or ended,
//! so turns are read **untimed** (turn counts, words, wording; no talk time). When the file
//! has marks, a warning says how often they come and that they were not used.

use super::prefix;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Parsed, RawSegment};
use crate::speakers::name_key;
use std::borrow::Cow;

/// The disclaimer line Meet writes under the attendees (or at the end, in newer documents).
const DISCLAIMER: &str = "this editable transcript was computer generated";

/// A line with Markdown marks removed: heading `#`s, emphasis wrapping the whole line
/// (`**…**`, `_…_`), and a bold name (`**Ann Lee:** text`, `**Ann Lee**: text`).
fn unmark(line: &str) -> Cow<'_, str> {
    let mut t = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let rest = t.trim_start_matches('#');
    if rest.len() < t.len() && (rest.is_empty() || rest.starts_with([' ', '\t'])) {
        t = rest.trim();
    }
    if t.chars().all(|c| matches!(c, '*' | '_' | '-' | '>' | '#')) {
        return Cow::Borrowed("");
    }
    for m in ["**", "__", "*", "_"] {
        if t.len() > 2 * m.len() && t.starts_with(m) && t.ends_with(m) {
            t = t[m.len()..t.len() - m.len()].trim();
            break;
        }
    }
    if let Some(rest) = t.strip_prefix("**")
        && let Some((name, text)) = rest.split_once(":**").or_else(|| rest.split_once("**:"))
        && !name.contains("**")
    {
        return Cow::Owned(format!("{}: {}", name.trim(), text.trim()));
    }
    Cow::Borrowed(t)
}

/// `HH:MM:SS` (or `H:MM:SS`) in ms.
fn hms(s: &str) -> Option<u64> {
    let f: Vec<&str> = s.split(':').collect();
    let [h, m, sec] = f.as_slice() else {
        return None;
    };
    let ok =
        |x: &str, n: usize| !x.is_empty() && x.len() <= n && x.bytes().all(|b| b.is_ascii_digit());
    if !(ok(h, 3) && ok(m, 2) && m.len() == 2 && ok(sec, 2) && sec.len() == 2) {
        return None;
    }
    let (h, m, sec): (u64, u64, u64) = (h.parse().ok()?, m.parse().ok()?, sec.parse().ok()?);
    (m < 60 && sec < 60).then_some(h * 3_600_000 + m * 60_000 + sec * 1000)
}

/// The duration in `Meeting ended after 00:42:13 👋` or `Transcription ended after 01:05:17`.
fn ended(line: &str) -> Option<u64> {
    let rest = line
        .strip_prefix("Meeting ended after ")
        .or_else(|| line.strip_prefix("Transcription ended after "))?;
    let rest = rest.trim_start();
    let (time, tail) = rest.split_at(rest.find(char::is_whitespace).unwrap_or(rest.len()));
    // Only the wave (or nothing) may follow.
    tail.chars()
        .all(|c| !c.is_alphanumeric())
        .then(|| hms(time))
        .flatten()
}

/// True for the title line, `… - Transcript`.
fn is_title(line: &str) -> bool {
    line.strip_suffix(" - Transcript")
        .is_some_and(|t| !t.trim().is_empty() && !t.contains(": "))
}

/// True for a lone `Transcript` heading (also `📖 Transcript`).
fn is_transcript_heading(line: &str) -> bool {
    line.strip_suffix("Transcript")
        .is_some_and(|t| t.chars().all(|c| !c.is_alphanumeric()))
}

fn is_disclaimer(line: &str) -> bool {
    line.len() >= DISCLAIMER.len()
        && line.is_char_boundary(DISCLAIMER.len())
        && line[..DISCLAIMER.len()].eq_ignore_ascii_case(DISCLAIMER)
}

/// True when `text` is a Google Meet transcript: it has the disclaimer or the `… ended after`
/// footer, or a title line followed by a `Name: text` line.
pub fn looks_like(text: &str) -> bool {
    let finder = |n: &str| memchr::memmem::find(text.as_bytes(), n.as_bytes()).is_some();
    if !(finder("editable transcript was computer generated")
        || finder("ended after")
        || finder(" - Transcript"))
    {
        return false;
    }
    let mut titled = false;
    for raw in text.lines() {
        let l = unmark(raw);
        if is_disclaimer(&l) || ended(&l).is_some() {
            return true;
        }
        if is_title(&l) {
            titled = true;
        } else if titled && prefix::split_prefix(&l).is_some() {
            return true;
        }
    }
    false
}

/// The attendees of an `Attendees` line: split at commas, bots and screens left out, each
/// person once.
fn attendees(line: &str) -> Vec<String> {
    let bots = crate::nonpeople::NonPeople::builtin();
    let mut out: Vec<String> = Vec::new();
    for name in line.split(',') {
        let n = crate::speakers::clean_name(
            name.trim_matches(|c: char| c.is_whitespace() || c == '*' || c == '_'),
        );
        if n.is_empty() || bots.matches(&n) || out.iter().any(|o| name_key(o) == name_key(&n)) {
            continue;
        }
        out.push(n);
    }
    out
}

/// A comma-separated line of names (the attendees without their heading).
fn is_name_list(line: &str) -> bool {
    let items: Vec<&str> = line.split(',').map(str::trim).collect();
    items.len() >= 2
        && items.iter().all(|i| {
            !i.is_empty()
                && i.chars().count() <= 60
                && i.split_whitespace().count() <= 6
                && !i.contains([':', '.', '?', '!', ';'])
        })
}

/// The speaker and the words of a `Name: text` paragraph.
fn speaker<'a>(line: &'a str, attendees: &[String]) -> Option<(&'a str, &'a str)> {
    if let Some(p) = prefix::split_prefix(line) {
        return Some(p);
    }
    let (head, rest) = line
        .split_once(": ")
        .or_else(|| line.strip_suffix(':').map(|h| (h, "")))?;
    let k = name_key(head);
    (!k.is_empty() && attendees.iter().any(|a| name_key(a) == k))
        .then(|| (head.trim(), rest.trim_start()))
}

/// One meeting being read.
#[derive(Default)]
struct Meeting {
    attendees: Vec<String>,
    segments: Vec<RawSegment>,
    /// The time marks (line, ms).
    marks: Vec<(usize, u64)>,
    ended: Option<u64>,
    /// The line after `Attendees` is the list.
    expect_list: bool,
    current: Option<String>,
    /// Lines before the first speaker that were not recognised (line numbers).
    stray: Vec<usize>,
}

/// `every 5 minutes`, `every 53 seconds`.
fn every(ms: u64) -> String {
    let s = ms / 1000;
    match s {
        60 => "every minute".to_string(),
        _ if s.is_multiple_of(60) => format!("every {} minutes", s / 60),
        _ => format!("every {s} seconds"),
    }
}

fn hhmmss(ms: u64) -> String {
    let s = ms / 1000;
    format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

impl Meeting {
    fn finish(self, format: &'static str, diags: &mut Diagnostics) -> Parsed {
        if let Some(&(line, first)) = self.marks.first() {
            let last = self.marks.last().map_or(first, |m| m.1);
            let gaps: Vec<f64> = self
                .marks
                .windows(2)
                .map(|w| w[1].1.saturating_sub(w[0].1) as f64)
                .collect();
            let how = match crate::metrics::median(gaps) {
                Some(g) => every(g as u64),
                None => "once".to_string(),
            };
            let span = if self.marks.len() > 1 {
                format!(
                    "{} … {}, {} marks",
                    hhmmss(first),
                    hhmmss(last),
                    self.marks.len()
                )
            } else {
                hhmmss(first)
            };
            let lasted = self
                .ended
                .map(|e| format!("; the meeting lasted {}", hhmmss(e)))
                .unwrap_or_default();
            diags.warn(
                line,
                format!(
                    "Google Meet marks the time only {how} ({span}), not at each turn: the turns \
                     are read untimed (no talk time){lasted}"
                ),
            );
        }
        if let Some(&line) = self.stray.first() {
            diags.warn(
                line,
                format!(
                    "{} line(s) before the first `Name: text` paragraph are not speech; left out",
                    self.stray.len()
                ),
            );
        }
        Parsed {
            segments: self.segments,
            anonymous_speakers: false,
            has_text: true,
            format,
            attendees: self.attendees,
            chat: None,
        }
    }

    fn is_empty(&self) -> bool {
        self.segments.is_empty() && self.attendees.is_empty()
    }
}

/// Parses a Google Meet transcript (see the module docs); `format` is reported in outputs
/// (`google-meet`, or `google-meet-docx` for the Word form).
pub fn parse(
    text: &str,
    format: &'static str,
    diags: &mut Diagnostics,
) -> Result<Vec<Parsed>, Diagnostic> {
    let lines: Vec<(usize, Cow<str>)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, unmark(l)))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    let first_title = lines.iter().position(|(_, l)| is_title(l));
    if let Some(k) = first_title.filter(|&k| k > 0) {
        diags.warn(
            lines[0].0,
            format!(
                "{k} line(s) before the transcript's title (notes, summary) are not speech; left out"
            ),
        );
    }
    let mut done: Vec<Parsed> = Vec::new();
    let mut m = Meeting::default();
    for (n, l) in &lines[first_title.unwrap_or(0)..] {
        let (n, l) = (*n, l.as_ref());
        if is_title(l) {
            if !m.is_empty() {
                done.push(std::mem::take(&mut m).finish(format, diags));
            } else {
                m = Meeting::default();
            }
            continue;
        }
        if l.trim_end_matches(':').eq_ignore_ascii_case("attendees") {
            m.expect_list = true;
            continue;
        }
        if std::mem::take(&mut m.expect_list) {
            m.attendees = attendees(l);
            continue;
        }
        if is_disclaimer(l) || is_transcript_heading(l) {
            continue;
        }
        if let Some(e) = ended(l) {
            m.ended = Some(e);
            continue;
        }
        if let Some(t) = hms(l) {
            m.marks.push((n, t));
            continue;
        }
        if let Some((name, words)) = speaker(l, &m.attendees) {
            m.current = Some(name.to_string());
            if !words.is_empty() {
                m.segments.push(RawSegment {
                    speaker: m.current.clone(),
                    span: None,
                    text: super::cuetext::collapse_ws(words),
                    line: n,
                    words: None,
                });
            }
            continue;
        }
        if m.current.is_some() {
            m.segments.push(RawSegment {
                speaker: m.current.clone(),
                span: None,
                text: super::cuetext::collapse_ws(l),
                line: n,
                words: None,
            });
        } else if m.attendees.is_empty() && m.stray.is_empty() && is_name_list(l) {
            m.attendees = attendees(l);
        } else {
            m.stray.push(n);
        }
    }
    if !m.is_empty() || done.is_empty() {
        done.push(m.finish(format, diags));
    }
    if done.iter().all(|p| p.segments.is_empty()) {
        diags.warn(
            1,
            "no `Name: text` paragraph found in this Google Meet transcript",
        );
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "# Weekly Call (2023-05-18 15:59 GMT+1) - Transcript\n\n### Attendees\n\
        Ann Lee, Bo O'Neil, Cy 2, Fireflies.ai Notetaker Michel, Ann Lee's Presentation, \
        Rahil's MeetGeek Notetaker, read.ai meeting notes, Di Silent\n\n## Transcript\n\n\
        **This editable transcript was computer generated and might contain errors.**\n\n\
        Ann Lee: Hello everyone.\n\nBo O'Neil: Hi Ann.\n\n00:05:00\n\nAnn Lee: Moving on.\n\n\
        Cy 2: Bye.\n\n00:10:00\n\nMeeting ended after 00:12:13 👋\n";

    fn who(p: &Parsed) -> Vec<Option<&str>> {
        p.segments.iter().map(|s| s.speaker.as_deref()).collect()
    }

    #[test]
    fn old_layout() {
        assert!(looks_like(OLD));
        let mut d = Diagnostics::new();
        let ps = parse(OLD, "google-meet", &mut d).unwrap();
        assert_eq!(ps.len(), 1);
        let p = &ps[0];
        assert_eq!(
            who(p),
            vec![
                Some("Ann Lee"),
                Some("Bo O'Neil"),
                Some("Ann Lee"),
                Some("Cy 2")
            ]
        );
        assert_eq!(
            p.attendees,
            vec!["Ann Lee", "Bo O'Neil", "Cy 2", "Di Silent"]
        );
        assert!(p.segments.iter().all(|s| s.span.is_none()));
        assert!(p.segments.iter().all(|s| !s.text.contains("ended after")));
        let diags = d.finish();
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(
            diags[0]
                .message
                .contains("every 5 minutes (00:05:00 … 00:10:00, 2 marks)")
        );
        assert!(diags[0].message.contains("lasted 00:12:13"));
    }

    #[test]
    fn gemini_layout_with_notes_and_crlf() {
        let text = "\u{FEFF}Apr 24, 2026\r\nRound Up Call\r\nSummary\r\nBudget Talk: We agreed.\r\n\r\n\
            Apr 24, 2026\r\nRound Up Call - Transcript\r\n00:00:00\r\n\r\nAnn Lee: Yes.\r\n\
            Bo: No.\r\n00:00:53\r\nAnn Lee: Fine.\r\n\r\nTranscription ended after 00:55:19\r\n\r\n\
            This editable transcript was computer generated and might contain errors.\r\n";
        assert!(looks_like(text));
        let mut d = Diagnostics::new();
        let ps = parse(text, "google-meet", &mut d).unwrap();
        assert_eq!(ps.len(), 1);
        assert_eq!(
            who(&ps[0]),
            vec![Some("Ann Lee"), Some("Bo"), Some("Ann Lee")]
        );
        assert!(ps[0].attendees.is_empty());
        let diags = d.finish();
        assert!(
            diags
                .iter()
                .any(|x| x.message.contains("before the transcript's title"))
        );
        assert!(diags.iter().any(|x| x.message.contains("every 53 seconds")));
    }

    #[test]
    fn no_marks_no_attendees_and_two_meetings() {
        let text = "Call A (2024-07-18 15:44 GMT-7) - Transcript\nAnn, Bo, Bo's Presentation\n\
            Ann: One.\nBo: Two.\nMeeting ended after 00:04:19 👋\n\
            Call B (2024-07-18 16:06 GMT-7) - Transcript\nAnn: Three.\nmore from Ann\n";
        let mut d = Diagnostics::new();
        let ps = parse(text, "google-meet", &mut d).unwrap();
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].attendees, vec!["Ann", "Bo"]);
        assert_eq!(who(&ps[1]), vec![Some("Ann"), Some("Ann")]);
        assert!(d.finish().is_empty());
    }

    #[test]
    fn attendee_names_the_prefix_rules_reject() {
        // `So` is a discourse word for the prefix rules, but an attendee here.
        let text = "X - Transcript\nAttendees\nSo Yeon Kim, Ann\nSo Yeon Kim: Hello.\nAnn: Hi.\n";
        let ps = parse(text, "google-meet", &mut Diagnostics::new()).unwrap();
        assert_eq!(who(&ps[0]), vec![Some("So Yeon Kim"), Some("Ann")]);
    }

    #[test]
    fn markers() {
        assert_eq!(ended("Meeting ended after 00:42:13 👋"), Some(2_533_000));
        assert_eq!(ended("Meeting ended after 00:42:13 sharp"), None);
        // Found by the fuzzer: white space of several bytes before the time.
        assert_eq!(ended("Meeting ended after \u{3000}ab\u{3000}"), None);
        assert_eq!(
            ended("Meeting ended after \u{3000}00:00:05\u{3000}👋"),
            Some(5000)
        );
        assert_eq!(unmark("**Ann Lee:** hi"), "Ann Lee: hi");
        assert_eq!(
            unmark("#### _This editable transcript_"),
            "This editable transcript"
        );
        assert_eq!(unmark("**"), "");
        assert!(!looks_like("Ann: hi\nBo: hello\n"));
        assert!(!looks_like("Notes - Transcript\nnothing else"));
    }
}
