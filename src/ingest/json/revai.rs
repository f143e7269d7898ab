//! Rev.ai transcripts (`application/vnd.rev.transcript.v1.0+json`).
//!
//! Shape (times in seconds):
//! ```json
//! {"monologues": [{"speaker": 0, "speaker_name": "Jack",
//!   "elements": [{"type": "text", "value": "Hi", "ts": 0.3, "end_ts": 0.52, "confidence": 1.0},
//!                {"type": "punct", "value": ","}, {"type": "punct", "value": " "},
//!                {"type": "unknown", "value": "<inaudible>"}]}]}
//! ```
//!
//! Mapping: one segment per monologue. Its text is the concatenation of the element values
//! (punctuation elements carry their own spacing), trimmed; `unknown` elements (`<inaudible>`)
//! are left out. Its time runs from the first timed `text` element's `ts` to the latest
//! `end_ts`; a monologue with no timed element is untimed. The speaker is `speaker_name`
//! when non-empty, else `Speaker N` from the `speaker` number. An element with a bad time is
//! skipped with a warning naming its path.

use super::{
    Dialect, Node, Records, StringTimes, Unit, finish, found, label_field, push_segment, skip,
    span, string_field,
};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Parsed, RawSegment, Span};
use serde_json::Value;

const D: Dialect = Dialect::RevAi;

/// Reads a Rev.ai transcript into one transcript.
pub(super) fn parse(
    root: &Node,
    rec: &mut Records,
    diags: &mut Diagnostics,
) -> Result<Parsed, Diagnostic> {
    root.require_object(D)?;
    let monologues = root.require("monologues", "an array", Value::is_array, D)?;
    let mut segments = Vec::new();
    for m in monologues.elements() {
        match monologue(&m, diags) {
            Ok(seg) => {
                rec.read();
                push_segment(&mut segments, seg, diags);
            }
            Err(problem) => rec.skip(diags, m.line(), &problem, "segment"),
        }
    }
    Ok(finish(D, segments, monologues.line(), diags))
}

fn monologue(m: &Node, diags: &mut Diagnostics) -> Result<RawSegment, String> {
    if !m.value().is_object() {
        return Err(format!(
            "{}: expected an object, found {}",
            m.path(),
            found(m.value())
        ));
    }
    let speaker = match string_field(m, "speaker_name")
        .ok()
        .flatten()
        .map(str::trim)
    {
        Some(name) if !name.is_empty() => Some(name.to_string()),
        _ => label_field(m, "speaker")?.map(|n| format!("Speaker {n}")),
    };
    let elements = m.field("elements");
    let Some(elements) = elements.filter(|e| e.value().is_array()) else {
        let what = m
            .field("elements")
            .map_or("nothing".to_string(), |e| found(e.value()));
        return Err(format!(
            "{}: expected an array, found {what}",
            m.child_path("elements")
        ));
    };
    let mut text = String::new();
    let mut times: Option<Span> = None;
    // Timed words, to place them in the final text (Rev.ai gives each a `ts`/`end_ts`).
    let mut timed: Vec<(&str, Span)> = Vec::new();
    for el in elements.elements() {
        let kind = el.field("type").and_then(|t| t.as_str());
        match kind {
            Some("text") => {
                match span(
                    &el,
                    "ts",
                    "end_ts",
                    Unit::Seconds,
                    StringTimes::Tally,
                    diags,
                ) {
                    Ok(Some(s)) => {
                        if let Ok(Some(v)) = string_field(&el, "value") {
                            timed.push((v, s));
                        }
                        times = Some(match times {
                            None => s,
                            Some(t) => Span::new(t.start.min(s.start), t.end.max(s.end)),
                        });
                    }
                    Ok(None) => {}
                    Err(problem) => {
                        skip(diags, el.line(), &problem, "element");
                        continue;
                    }
                }
                text.push_str(string_field(&el, "value").ok().flatten().unwrap_or(""));
            }
            Some("punct") => text.push_str(string_field(&el, "value").ok().flatten().unwrap_or("")),
            // `unknown` (<inaudible>, <laugh>) and future types: no words to count.
            _ => {}
        }
    }
    let text = collapse_spaces(&text);
    let words = super::align_words(&text, &timed);
    Ok(RawSegment {
        speaker,
        span: times,
        text,
        line: m.line(),
        words,
    })
}

/// Trims and collapses runs of whitespace (left where `unknown` elements were dropped).
fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;

    #[test]
    fn monologues_become_segments() {
        let doc = r#"{"monologues":[
          {"speaker":0,"elements":[
            {"type":"text","value":"Hi","ts":0.3,"end_ts":0.52},{"type":"punct","value":","},
            {"type":"punct","value":" "},{"type":"unknown","value":"<inaudible>"},
            {"type":"punct","value":" "},{"type":"text","value":"you","ts":0.6,"end_ts":0.9},
            {"type":"punct","value":"."}]},
          {"speaker":1,"speaker_name":"Ann","elements":[
            {"type":"text","value":"Yes","ts":"1.0","end_ts":"1.5"}]},
          {"speaker":2,"speaker_name":"","elements":[
            {"type":"text","value":"bad","ts":-1,"end_ts":2},
            {"type":"text","value":"ok","ts":2,"end_ts":2.5}]},
          {"speaker":3,"elements":"x"}
        ]}"#;
        let (p, d) = one(doc, None);
        assert_eq!(p.format, "json/revai");
        assert_eq!(
            no_lines(&p.segments),
            vec![
                seg(Some("Speaker 0"), Some((300, 900)), "Hi, you."),
                seg(Some("Ann"), Some((1000, 1500)), "Yes"),
                seg(Some("Speaker 2"), Some((2000, 2500)), "ok"),
            ]
        );
        assert_eq!(p.segments[1].line, 7);
        assert!(has_diag(
            &d,
            &["monologues[2].elements[0].ts: negative time -1; element skipped"]
        ));
        assert!(has_diag(
            &d,
            &["monologues[3].elements: expected an array, found \"x\"; segment skipped"]
        ));
        assert!(has_diag(&d, &["times given as strings"]));
    }

    #[test]
    fn corpus_transcript() {
        // revai_transcript.json: two monologues, both speaker 0 without a name: the first
        // from 0.3 s ("Hi") to 43.62 s ("co-founder."), the second from 44.01 to 106.33 s.
        let Some((p, d)) = corpus_one("stt-json/revai_transcript.json", "json/revai") else {
            return;
        };
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(p.segments.len(), 2);
        assert_eq!(speakers(&p.segments), vec![Some("Speaker 0".into())]);
        assert_eq!(
            p.segments[0].span.map(|s| (s.start, s.end)),
            Some((300, 43620))
        );
        assert_eq!(
            p.segments[1].span.map(|s| (s.start, s.end)),
            Some((44010, 106330))
        );
        assert!(
            p.segments[0]
                .text
                .starts_with("Hi, my name's Jack resinger. And I'm gonna be talking")
        );
        assert!(
            p.segments[0]
                .text
                .ends_with("when you're looking for a co-founder.")
        );
        assert!(
            p.segments[1]
                .text
                .starts_with("Many of the things we're gonna be talking about")
        );
        // 164 and 250 text elements; one of the latter is "New York", two words.
        let words: Vec<usize> = p
            .segments
            .iter()
            .map(|s| s.text.split(' ').count())
            .collect();
        assert_eq!(words, vec![164, 251]);
    }
}
