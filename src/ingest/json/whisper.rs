//! Whisper, whisper-timestamped and WhisperX JSON output.
//!
//! Shape (times in seconds):
//! ```json
//! {"text": " Yeah, as much as...", "language": "en",
//!  "segments": [{"id": 0, "start": 0.12, "end": 7.62, "text": " Yeah, as much as...",
//!                "speaker": "SPEAKER_00", "words": [...]}]}
//! ```
//!
//! Mapping: one segment per `segments[]` entry, text trimmed. Only WhisperX (after speaker
//! assignment) writes `speaker` (`SPEAKER_00`); it is kept as written, and segments without
//! it have no speaker. Other fields (`words`, `word_segments`, `tokens`, `avg_logprob`…) are
//! ignored. Podcasting 2.0 JSON also has `segments`, but with `startTime`/`endTime`/`body`;
//! detection tells them apart.

use super::{
    Dialect, Node, Records, StringTimes, Unit, finish, found, label_field, push_segment,
    required_span, string_field,
};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Parsed, RawSegment};
use serde_json::Value;

const D: Dialect = Dialect::Whisper;

/// Reads Whisper-family output into one transcript.
pub(super) fn parse(
    root: &Node,
    rec: &mut Records,
    diags: &mut Diagnostics,
) -> Result<Parsed, Diagnostic> {
    root.require_object(D)?;
    let list = root.require("segments", "an array", Value::is_array, D)?;
    let mut segments = Vec::with_capacity(list.len());
    for s in list.elements() {
        match segment(&s, diags) {
            Ok(seg) => {
                rec.read();
                push_segment(&mut segments, seg, diags);
            }
            Err(problem) => rec.skip(diags, s.line(), &problem, "segment"),
        }
    }
    Ok(finish(D, segments, list.line(), diags))
}

fn segment(s: &Node, diags: &mut Diagnostics) -> Result<RawSegment, String> {
    if !s.value().is_object() {
        return Err(format!(
            "{}: expected an object, found {}",
            s.path(),
            found(s.value())
        ));
    }
    let span = required_span(s, "start", "end", Unit::Seconds, StringTimes::Tally, diags)?;
    let text =
        string_field(s, "text")?.ok_or_else(|| format!("{}: missing", s.child_path("text")))?;
    let text = text.trim().to_string();
    let words = word_times(s, &text);
    Ok(RawSegment {
        speaker: label_field(s, "speaker")?,
        span: Some(span),
        text,
        line: s.line(),
        words,
    })
}

/// The segment's `words` (WhisperX: `word`; whisper-timestamped: `text`; both with `start`
/// and `end` in seconds) placed in its text. `None` when absent or when a word lacks a time
/// (WhisperX leaves numerals untimed) or cannot be placed: positions are then estimated.
fn word_times(s: &Node, text: &str) -> Option<Vec<crate::model::WordTime>> {
    let list = s.field("words")?;
    let mut scratch = Diagnostics::new();
    let mut words = Vec::with_capacity(list.len());
    for w in list.elements() {
        let value = string_field(&w, "word")
            .ok()
            .flatten()
            .or_else(|| string_field(&w, "text").ok().flatten())?;
        let sp = required_span(
            &w,
            "start",
            "end",
            Unit::Seconds,
            StringTimes::Tally,
            &mut scratch,
        )
        .ok()?;
        words.push((value, sp));
    }
    super::align_words(text, &words)
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use crate::ingest::InputFormat;

    #[test]
    fn segments_with_and_without_speakers() {
        let doc = r#"{"segments":[
            {"start":0.0,"end":1.5,"text":" Hello there. ","speaker":"SPEAKER_00"},
            {"start":1.5,"end":2.25,"text":" Hi."},
            {"start":3,"end":null,"text":"x"},
            {"start":4,"end":5},
            {"start":6,"end":7,"text":"  "}
        ],"word_segments":[]}"#;
        let (p, d) = one(doc, None);
        assert_eq!(p.format, "json/whisper");
        assert_eq!(
            no_lines(&p.segments),
            vec![
                seg(Some("SPEAKER_00"), Some((0, 1500)), "Hello there."),
                seg(None, Some((1500, 2250)), "Hi.")
            ]
        );
        assert_eq!(p.segments[1].line, 3);
        assert!(has_diag(
            &d,
            &["segments[2].end: missing end time; segment skipped"]
        ));
        assert!(has_diag(
            &d,
            &["segments[3].text: missing; segment skipped"]
        ));
        assert!(has_diag(&d, &["segments without text (skipped) (once"]));
    }

    #[test]
    fn empty_and_forced() {
        let (p, d) = one(r#"{"text":"","segments":[],"language":"en"}"#, None);
        assert!(p.segments.is_empty());
        assert!(has_diag(&d, &["no segments"]));
        let (r, _) = run(r#"{"segments":{}}"#, Some(InputFormat::Whisper));
        assert_eq!(
            r.expect_err("rejected").message,
            "segments: expected an array, found an object; file rejected"
        );
    }

    #[test]
    fn corpus_whisper_timestamped() {
        // whisper_timestamped.json: 4 segments, no speaker; the first is 0.12–7.62 s.
        let Some((p, d)) = corpus_one("stt-json/whisper_timestamped.json", "json/whisper") else {
            return;
        };
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(p.segments.len(), 4);
        assert_eq!(speakers(&p.segments), vec![None]);
        assert_eq!(
            p.segments[0].text,
            "Yeah, as much as it's worth celebrating the first spacewalk with an all-female team,"
        );
        assert_eq!(
            p.segments[0].span.map(|s| (s.start, s.end)),
            Some((120, 7620))
        );
        assert_eq!(
            p.segments[3].span.map(|s| (s.start, s.end)),
            Some((19820, 25320))
        );
        assert_eq!(p.segments[0].line, 4);
    }
}
