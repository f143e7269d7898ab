//! Output of `turnstat turns`: a table, JSON (`turnstat.turns.v1`) or CSV.
//!
//! The JSON is a documented interchange format: `turnstat` reads it back (dialect
//! `json/turnstat`) and gets the same speakers and turns.

use crate::diag::Diagnostic;
use crate::ingest::Rejected;
use crate::model::Transcript;
use serde::Serialize;

/// The schema identifier of the turns JSON.
pub const SCHEMA: &str = "turnstat.turns.v1";

/// Milliseconds → seconds with exactly millisecond precision.
pub fn secs(ms: u64) -> f64 {
    ms as f64 / 1000.0
}

#[derive(Serialize)]
struct TurnsDoc<'a> {
    schema: &'static str,
    tool: Tool,
    transcripts: Vec<TranscriptOut<'a>>,
    errors: Vec<ErrorOut<'a>>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct TranscriptOut<'a> {
    source: &'a str,
    format: &'a str,
    speakers: &'a [String],
    anonymous_speakers: bool,
    has_text: bool,
    turns: Vec<TurnOut<'a>>,
    diagnostics: &'a [Diagnostic],
    #[serde(skip_serializing_if = "Option::is_none")]
    chat: Option<ChatOut<'a>>,
}

/// The chat of a transcript, as read (private messages only counted): reads back with the
/// turns.
#[derive(Serialize)]
struct ChatOut<'a> {
    source: &'a str,
    format: &'static str,
    clock: &'static str,
    removed_reactions: usize,
    private_left_out: usize,
    messages: Vec<MessageOut<'a>>,
    reactions: Vec<ReactionOut<'a>>,
}

#[derive(Serialize)]
struct MessageOut<'a> {
    name: &'a str,
    time: f64,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reply_to: Option<&'a str>,
}

#[derive(Serialize)]
struct ReactionOut<'a> {
    name: &'a str,
    time: f64,
    emoji: &'a str,
    target: &'a str,
}

fn chat_out(c: &crate::chat::ChatLog) -> ChatOut<'_> {
    ChatOut {
        source: &c.source,
        format: c.layout.name(),
        clock: c.clock.name(),
        removed_reactions: c.removed_reactions,
        private_left_out: c.private_left_out,
        messages: c
            .messages
            .iter()
            .map(|m| MessageOut {
                name: &m.name,
                time: secs(m.time_ms),
                text: &m.text,
                reply_to: m.reply_to.as_deref(),
            })
            .collect(),
        reactions: c
            .reactions
            .iter()
            .map(|r| ReactionOut {
                name: &r.name,
                time: secs(r.time_ms),
                emoji: &r.emoji,
                target: &r.target,
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct TurnOut<'a> {
    speaker: &'a str,
    start: Option<f64>,
    end: Option<f64>,
    text: &'a str,
    embedded: bool,
}

/// One rejected file in machine-readable outputs.
#[derive(Serialize)]
pub struct ErrorOut<'a> {
    /// The input.
    pub source: &'a str,
    /// Line, when known.
    pub line: Option<usize>,
    /// The error message.
    pub message: &'a str,
}

fn errors_of<'a>(rejected: &[&'a Rejected]) -> Vec<ErrorOut<'a>> {
    rejected
        .iter()
        .flat_map(|r| {
            r.diagnostics
                .iter()
                .filter(|d| d.severity == crate::diag::Severity::Error)
                .map(|d| ErrorOut {
                    source: &r.source,
                    line: d.line,
                    message: &d.message,
                })
        })
        .collect()
}

/// Renders the turns JSON document.
pub fn json(transcripts: &[&Transcript], rejected: &[&Rejected]) -> String {
    let doc = TurnsDoc {
        schema: SCHEMA,
        tool: Tool {
            name: "turnstat",
            version: env!("CARGO_PKG_VERSION"),
        },
        transcripts: transcripts
            .iter()
            .map(|t| TranscriptOut {
                source: &t.source,
                format: t.format,
                speakers: &t.speakers,
                anonymous_speakers: t.anonymous_speakers,
                has_text: t.has_text,
                turns: t
                    .turns
                    .iter()
                    .map(|u| TurnOut {
                        speaker: &t.speakers[u.speaker],
                        start: u.span.map(|s| secs(s.start)),
                        end: u.span.map(|s| secs(s.end)),
                        text: &u.text,
                        embedded: u.embedded,
                    })
                    .collect(),
                diagnostics: &t.diagnostics,
                chat: t.chat.as_ref().map(chat_out),
            })
            .collect(),
        errors: errors_of(rejected),
    };
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

/// Formats ms as `h:mm:ss.mmm` for tables.
pub fn clock(ms: u64) -> String {
    format!(
        "{}:{:02}:{:02}.{:03}",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        ms % 1000
    )
}

/// Renders CSV: one row per turn, columns
/// `source,format,turn,speaker,start,end,embedded,text`.
pub fn csv(transcripts: &[&Transcript]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "source", "format", "turn", "speaker", "start", "end", "embedded", "text",
    ]);
    for t in transcripts {
        for (i, u) in t.turns.iter().enumerate() {
            let (a, b) = match u.span {
                Some(s) => (
                    format!("{:.3}", secs(s.start)),
                    format!("{:.3}", secs(s.end)),
                ),
                None => (String::new(), String::new()),
            };
            let _ = w.write_record([
                t.source.as_str(),
                t.format,
                &(i + 1).to_string(),
                &crate::render::neutralise_cell(&t.speakers[u.speaker]),
                &a,
                &b,
                if u.embedded { "true" } else { "false" },
                &crate::render::neutralise_cell(&u.text),
            ]);
        }
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Renders a terminal table per transcript, fitted to `width` (long texts wrapped by
/// comfy-table; `None` or `Some(0)`: natural width, see [`crate::render::width`]).
pub fn table(transcripts: &[&Transcript], width: Option<u16>) -> String {
    use comfy_table::{Table, presets};
    let mut out = String::new();
    for t in transcripts {
        out.push_str(&format!(
            "{} ({}, {} speakers, {} turns)\n",
            t.source,
            t.format,
            t.speakers.len(),
            t.turns.len()
        ));
        let mut table = Table::new();
        table.load_style(presets::UTF8_FULL_CONDENSED);
        crate::render::width::arrange(&mut table, width);
        table.set_header(vec!["#", "speaker", "start", "end", "text"]);
        for (i, u) in t.turns.iter().enumerate() {
            let (a, b) = match u.span {
                Some(s) => (clock(s.start), clock(s.end)),
                None => ("-".into(), "-".into()),
            };
            let mut text: String = u.text.chars().take(100).collect();
            if u.text.chars().count() > 100 {
                text.push('…');
            }
            let name = if u.embedded {
                format!("  ↳ {}", t.speakers[u.speaker])
            } else {
                t.speakers[u.speaker].clone()
            };
            table.add_row(vec![
                (i + 1).to_string(),
                crate::render::inert(&name),
                a,
                b,
                crate::render::inert(&text),
            ]);
        }
        crate::render::width::floor_columns(&mut table, width);
        out.push_str(&table.to_string());
        out.push_str("\n\n");
    }
    out
}
