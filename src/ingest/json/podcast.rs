//! Podcasting 2.0 JSON transcripts (`<podcast:transcript type="application/json">`).
//!
//! Shape (times in seconds):
//! ```json
//! {"version": "1.0.0",
//!  "segments": [{"speaker": "Darth Vader", "startTime": 0.5, "endTime": 0.75, "body": "I"},
//!               {"startTime": 1, "endTime": 1.25, "body": "am"}]}
//! ```
//!
//! Mapping: one segment per `segments[]` entry (often a single word or a caption line; the
//! turn builder joins them into turns), text from `body`, trimmed. `speaker` is optional: a
//! segment without one (or with a blank one) continues the previous speaker, as the
//! specification intends; before the first named speaker there is none.

use super::{
    Dialect, Node, Records, StringTimes, Unit, finish, found, push_segment, required_span,
    string_field,
};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Parsed, RawSegment};
use serde_json::Value;

const D: Dialect = Dialect::Podcast;

/// Reads a Podcasting 2.0 JSON transcript into one transcript.
pub(super) fn parse(
    root: &Node,
    rec: &mut Records,
    diags: &mut Diagnostics,
) -> Result<Parsed, Diagnostic> {
    root.require_object(D)?;
    let list = root.require("segments", "an array", Value::is_array, D)?;
    let mut segments = Vec::with_capacity(list.len());
    let mut current: Option<String> = None;
    for s in list.elements() {
        match segment(&s, &mut current, diags) {
            Ok(seg) => {
                rec.read();
                push_segment(&mut segments, seg, diags);
            }
            Err(problem) => rec.skip(diags, s.line(), &problem, "segment"),
        }
    }
    Ok(finish(D, segments, list.line(), diags))
}

fn segment(
    s: &Node,
    current: &mut Option<String>,
    diags: &mut Diagnostics,
) -> Result<RawSegment, String> {
    if !s.value().is_object() {
        return Err(format!(
            "{}: expected an object, found {}",
            s.path(),
            found(s.value())
        ));
    }
    let span = required_span(
        s,
        "startTime",
        "endTime",
        Unit::Seconds,
        StringTimes::Tally,
        diags,
    )?;
    let body =
        string_field(s, "body")?.ok_or_else(|| format!("{}: missing", s.child_path("body")))?;
    if let Some(name) = string_field(s, "speaker")?
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        *current = Some(name.to_string());
    }
    Ok(RawSegment {
        speaker: current.clone(),
        span: Some(span),
        text: body.trim().to_string(),
        line: s.line(),
        words: None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;

    #[test]
    fn speakers_carry_over() {
        let doc = r#"{"version":"1.0.0","segments":[
            {"startTime":0,"endTime":0.4,"body":"Intro"},
            {"speaker":"Ann","startTime":0.5,"endTime":0.75,"body":"I"},
            {"startTime":1,"endTime":1.25,"body":"am"},
            {"speaker":"","startTime":1.5,"endTime":2,"body":"here."},
            {"speaker":"Bo","startTime":2.5,"endTime":"x","body":"bad"},
            {"speaker":"Bo","startTime":3,"endTime":3.5,"body":"Hi"}
        ]}"#;
        let (p, d) = one(doc, None);
        assert_eq!(p.format, "json/podcast");
        assert_eq!(
            no_lines(&p.segments),
            vec![
                seg(None, Some((0, 400)), "Intro"),
                seg(Some("Ann"), Some((500, 750)), "I"),
                seg(Some("Ann"), Some((1000, 1250)), "am"),
                seg(Some("Ann"), Some((1500, 2000)), "here."),
                seg(Some("Bo"), Some((3000, 3500)), "Hi"),
            ]
        );
        assert!(has_diag(
            &d,
            &["segments[4].endTime: expected a number, found \"x\"; segment skipped"]
        ));
    }

    #[test]
    fn corpus_namespace_example() {
        // podcast-namespace_example.json: 5 one-word segments, "I am your father." by Darth
        // Vader, then "Nooooo" by Luke.
        let Some((p, d)) = corpus_one("podcast/podcast-namespace_example.json", "json/podcast")
        else {
            return;
        };
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(
            no_lines(&p.segments),
            vec![
                seg(Some("Darth Vader"), Some((500, 750)), "I"),
                seg(Some("Darth Vader"), Some((1000, 1250)), "am"),
                seg(Some("Darth Vader"), Some((1500, 2000)), "your"),
                seg(Some("Darth Vader"), Some((2250, 2500)), "father."),
                seg(Some("Luke"), Some((2750, 3000)), "Nooooo"),
            ]
        );
        assert_eq!(p.segments[0].line, 4);
    }

    #[test]
    fn corpus_transcriptator_files() {
        // (file, segments, speakers in order of appearance, first body)
        let cases: [(&str, usize, &[&str], &str); 3] = [
            (
                "podcast/transcriptator_buzzcast.json",
                959,
                &["Alban", "Kevin", "Travis", "Tom", "Dave"],
                "It is so stinking nice to",
            ),
            (
                "podcast/transcriptator_how_to_start_a_podcast.json",
                2442,
                &["Travis", "Eric"],
                "Hey,",
            ),
            (
                "podcast/transcriptator_podnews_weekly_review_2023-05-05.json",
                122,
                &[
                    "James C",
                    "Jingles",
                    "Sam Sethi",
                    "Chris Quamme Rhoden",
                    "Nick Hilton",
                ],
                "it's Friday, the 5th of",
            ),
        ];
        for (file, count, names, first) in cases {
            let Some((p, d)) = corpus_one(file, "json/podcast") else {
                return;
            };
            assert!(d.is_empty(), "{file}: {d:?}");
            assert_eq!(p.segments.len(), count, "{file}");
            let want: Vec<Option<String>> = names.iter().map(|n| Some(n.to_string())).collect();
            assert_eq!(speakers(&p.segments), want, "{file}");
            assert_eq!(p.segments[0].text, first, "{file}");
        }
    }
}
