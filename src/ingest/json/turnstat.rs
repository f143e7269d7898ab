//! turnstat's own JSON (`turnstat turns --format json`), read back in.
//!
//! Shape:
//! ```json
//! {"schema": "turnstat.turns.v1",
//!  "transcripts": [{"source": "a.vtt", "format": "webvtt", "speakers": ["Ann", "Bo"],
//!                   "anonymous_speakers": false, "has_text": true,
//!                   "turns": [{"speaker": "Ann", "start": 1.234, "end": 2.5, "text": "Hi."}],
//!                   "diagnostics": []}]}
//! ```
//!
//! Mapping: one [`Parsed`] per transcript, one segment per turn. `start`/`end` are seconds
//! (null or absent for untimed inputs); other turn fields are ignored. `anonymous_speakers`
//! and `has_text` are kept from the file (defaults: false and true). A turn whose speaker
//! is null, or is the builder's own `unknown speaker`, gets no speaker again, so a round
//! trip keeps unknown speakers unknown. Another `turnstat.turns.*` schema version is read
//! as v1 with a warning.
//!
//! A transcript's optional `chat` object (`source`, `format`, `clock`, `removed_reactions`,
//! `private_left_out`, `messages: [{name, time, text, reply_to}]`,
//! `reactions: [{name, time, emoji, target}]`, times in seconds) is the meeting's chat as
//! `turns` wrote it; a message or reaction that cannot be read is skipped with a warning.

use super::{Dialect, Node, Records, StringTimes, Unit, found, skip, span, string_field};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Parsed, RawSegment};
use crate::speakers::UNKNOWN_SPEAKER;
use serde_json::Value;

const D: Dialect = Dialect::Turnstat;
const SCHEMA: &str = "turnstat.turns.v1";

/// Reads every transcript of a `turnstat.turns.v1` document.
pub(super) fn parse(
    root: &Node,
    rec: &mut Records,
    diags: &mut Diagnostics,
) -> Result<Vec<Parsed>, Diagnostic> {
    root.require_object(D)?;
    let schema = root.require("schema", "a schema string", Value::is_string, D)?;
    match schema.as_str() {
        Some(SCHEMA) => {}
        Some(s) if s.starts_with("turnstat.turns.") => diags.warn(
            schema.line(),
            format!("schema `{s}` is not `{SCHEMA}`; read as {SCHEMA}"),
        ),
        _ => {
            return Err(schema.error(format_args!(
                "expected \"{SCHEMA}\", found {}",
                found(schema.value())
            )));
        }
    }
    let transcripts = root.require("transcripts", "an array", Value::is_array, D)?;
    let mut out = Vec::new();
    for t in transcripts.elements() {
        if !t.value().is_object() {
            let problem = format!(
                "{}: expected an object, found {}",
                t.path(),
                found(t.value())
            );
            skip(diags, t.line(), &problem, "transcript");
            continue;
        }
        out.push(transcript(&t, rec, diags)?);
    }
    if out.is_empty() {
        diags.warn(
            transcripts.line(),
            "no transcripts: the file holds no turns",
        );
        out.push(Parsed {
            segments: Vec::new(),
            anonymous_speakers: false,
            has_text: true,
            format: D.format(),
            chat: None,
            attendees: Vec::new(),
        });
    }
    Ok(out)
}

/// Reads a boolean flag, defaulting (with a warning) when it has another type.
fn flag(t: &Node, key: &str, default: bool, diags: &mut Diagnostics) -> bool {
    match t.field(key) {
        None => default,
        Some(n) => n.value().as_bool().unwrap_or_else(|| {
            diags.warn(
                n.line(),
                format!(
                    "{}: expected true or false, found {}; taken as {default}",
                    n.path(),
                    found(n.value())
                ),
            );
            default
        }),
    }
}

fn transcript(t: &Node, rec: &mut Records, diags: &mut Diagnostics) -> Result<Parsed, Diagnostic> {
    let turns = t.require("turns", "an array", Value::is_array, D)?;
    let anonymous_speakers = flag(t, "anonymous_speakers", false, diags);
    let has_text = flag(t, "has_text", true, diags);
    let mut segments = Vec::with_capacity(turns.len());
    for turn in turns.elements() {
        match segment(&turn, diags) {
            Ok(seg) => {
                rec.read();
                segments.push(seg);
            }
            Err(problem) => rec.skip(diags, turn.line(), &problem, "segment"),
        }
    }
    if segments.is_empty() {
        diags.warn(
            turns.line(),
            format!("{}: no segments: the transcript is empty", turns.path()),
        );
    }
    let chat = t.field("chat").and_then(|c| chat(&c, diags));
    Ok(Parsed {
        segments,
        anonymous_speakers,
        has_text,
        format: D.format(),
        chat,
        attendees: Vec::new(),
    })
}

/// Reads a transcript's `chat` object; `None` (with a warning) when it is not one.
fn chat(c: &Node, diags: &mut Diagnostics) -> Option<crate::chat::ChatLog> {
    use crate::chat::{ChatClock, ChatLayout, ChatLog, ChatMessage, ChatReaction};
    if c.value().is_null() {
        return None;
    }
    let named = |key: &str| c.field(key).and_then(|n| n.as_str().map(str::to_string));
    let layout = named("format").and_then(|f| ChatLayout::from_name(&f));
    let clock = named("clock").and_then(|f| ChatClock::from_name(&f));
    let (Some(layout), Some(clock)) = (layout, clock) else {
        diags.warn(
            c.line(),
            format!(
                "{}: not a chat (needs `format` and `clock` as `turns` writes them); chat left out",
                c.path()
            ),
        );
        return None;
    };
    let count = |key: &str| {
        c.field(key)
            .and_then(|n| n.value().as_u64())
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(0)
    };
    let mut log = ChatLog {
        source: named("source").unwrap_or_default(),
        layout,
        clock,
        messages: Vec::new(),
        reactions: Vec::new(),
        removed_reactions: count("removed_reactions"),
        private_left_out: count("private_left_out"),
        diagnostics: Vec::new(),
    };
    let item = |n: &Node, diags: &mut Diagnostics| -> Result<(String, u64), String> {
        let name = string_field(n, "name")?.ok_or_else(|| format!("{}: no name", n.path()))?;
        let time = super::time_ms(n, "time", Unit::Seconds, StringTimes::Tally, diags)?
            .ok_or_else(|| format!("{}: no time", n.path()))?;
        Ok((name.to_string(), time))
    };
    for m in c.field("messages").iter().flat_map(|n| n.elements()) {
        let read = item(&m, diags).and_then(|(name, time_ms)| {
            Ok(ChatMessage {
                name,
                time_ms,
                text: string_field(&m, "text")?.unwrap_or("").to_string(),
                reply_to: string_field(&m, "reply_to")?.map(str::to_string),
                line: m.line(),
            })
        });
        match read {
            Ok(msg) => log.messages.push(msg),
            Err(problem) => skip(diags, m.line(), &problem, "chat message"),
        }
    }
    for r in c.field("reactions").iter().flat_map(|n| n.elements()) {
        let read = item(&r, diags).and_then(|(name, time_ms)| {
            Ok(ChatReaction {
                name,
                time_ms,
                emoji: string_field(&r, "emoji")?.unwrap_or("").to_string(),
                target: string_field(&r, "target")?.unwrap_or("").to_string(),
                line: r.line(),
            })
        });
        match read {
            Ok(x) => log.reactions.push(x),
            Err(problem) => skip(diags, r.line(), &problem, "chat reaction"),
        }
    }
    Some(log)
}

fn segment(turn: &Node, diags: &mut Diagnostics) -> Result<RawSegment, String> {
    if !turn.value().is_object() {
        return Err(format!(
            "{}: expected an object, found {}",
            turn.path(),
            found(turn.value())
        ));
    }
    let speaker = string_field(turn, "speaker")?
        .map(str::trim)
        .filter(|s| !s.is_empty() && !s.eq_ignore_ascii_case(UNKNOWN_SPEAKER))
        .map(str::to_string);
    let span = span(
        turn,
        "start",
        "end",
        Unit::Seconds,
        StringTimes::Tally,
        diags,
    )?;
    let text = string_field(turn, "text")?.unwrap_or("").to_string();
    Ok(RawSegment {
        speaker,
        span,
        text,
        line: turn.line(),
        words: None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use crate::ingest::InputFormat;

    const DOC: &str = r#"{
  "schema": "turnstat.turns.v1",
  "transcripts": [
    {
      "source": "a.vtt", "format": "webvtt", "speakers": ["Ann", "Bo"],
      "anonymous_speakers": false, "has_text": true,
      "turns": [
        {"speaker": "Ann", "start": 1.234, "end": 2.5, "text": "Hello there.", "words": 2},
        {"speaker": "Bo", "start": 2.6, "end": 3.0, "text": "Hi."},
        {"speaker": "unknown speaker", "start": 3.1, "end": 3.2, "text": "psst"}
      ],
      "diagnostics": []
    },
    {
      "source": "b.txt", "format": "text", "speakers": ["Cy"],
      "anonymous_speakers": true, "has_text": false,
      "turns": [
        {"speaker": "Cy", "start": null, "end": null, "text": ""},
        {"speaker": "Cy", "text": "untimed"}
      ]
    }
  ]
}"#;

    #[test]
    fn reads_every_transcript_and_turn() {
        let (r, d) = run(DOC, None);
        let v = r.expect("parses");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].format, "json/turnstat");
        assert!(!v[0].anonymous_speakers && v[0].has_text);
        assert_eq!(
            no_lines(&v[0].segments),
            vec![
                seg(Some("Ann"), Some((1234, 2500)), "Hello there."),
                seg(Some("Bo"), Some((2600, 3000)), "Hi."),
                seg(None, Some((3100, 3200)), "psst"),
            ]
        );
        assert_eq!(v[0].segments[0].line, 8);
        assert!(v[1].anonymous_speakers && !v[1].has_text);
        assert_eq!(
            no_lines(&v[1].segments),
            vec![seg(Some("Cy"), None, ""), seg(Some("Cy"), None, "untimed")]
        );
    }

    #[test]
    fn bad_turns_are_skipped_with_their_path() {
        let doc = r#"{"schema":"turnstat.turns.v1","transcripts":[{"turns":[
            {"speaker":"A","start":"x","end":1,"text":"a"},
            {"speaker":"A","start":2,"end":1,"text":"b"},
            {"speaker":"A","start":1,"text":"c"},
            {"speaker":7,"start":1,"end":2,"text":"d"},
            "nope",
            {"speaker":"A","start":"1.5","end":"2","text":"ok"}
        ]}]}"#;
        let (r, d) = run(doc, None);
        let v = r.expect("parses");
        assert_eq!(
            no_lines(&v[0].segments),
            vec![seg(Some("A"), Some((1500, 2000)), "ok")]
        );
        for (path, what) in [
            (
                "transcripts[0].turns[0].start",
                "expected a number, found \"x\"; segment skipped",
            ),
            (
                "transcripts[0].turns[1]",
                "ends (1.000 s) before it starts (2.000 s)",
            ),
            ("transcripts[0].turns[2].end", "missing end time"),
            (
                "transcripts[0].turns[3].speaker",
                "expected a string, found 7",
            ),
            ("transcripts[0].turns[4]", "expected an object"),
        ] {
            assert!(has_diag(&d, &[&format!("{path}: "), what]), "{path}: {d:?}");
        }
        assert!(has_diag(&d, &["times given as strings"]));
    }

    #[test]
    fn schema_is_checked() {
        let (r, _) = run(
            r#"{"schema":"other","transcripts":[]}"#,
            Some(InputFormat::Turnstat),
        );
        assert!(
            r.expect_err("rejected")
                .message
                .starts_with("schema: expected \"turnstat.turns.v1\"")
        );
        let (r, d) = run(r#"{"schema":"turnstat.turns.v2","transcripts":[]}"#, None);
        let v = r.expect("parses");
        assert_eq!(v.len(), 1);
        assert!(v[0].segments.is_empty());
        assert!(has_diag(&d, &["turnstat.turns.v2"]));
        assert!(has_diag(&d, &["no transcripts"]));
        let (r, _) = run(r#"{"schema":"turnstat.turns.v1","transcripts":[{}]}"#, None);
        assert!(
            r.expect_err("rejected")
                .message
                .starts_with("transcripts[0].turns: missing")
        );
    }
}
