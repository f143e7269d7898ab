//! JSON Lines of the `analyze` report, for log pipelines and `jq -c`: one line per meeting,
//! then one line per rejected input. Each line stands alone:
//!
//! - a meeting: `{"schema":"turnstat.report.v1","tool":{"name","version"}, …every field of
//!   the meeting as in the JSON model…}`;
//! - an error: `{"schema":"turnstat.report.v1","tool":{…},"error":{"source","line","message"}}`.
//!
//! Lines are compact JSON ending with `\n`; a consumer tells them apart by the `error` key.
//! JSON escapes control characters, so no line contains a raw newline or ESC byte.

use crate::report::{ErrorEntry, MeetingReport, Report, SCHEMA, Tool};
use serde::Serialize;

#[derive(Serialize)]
struct MeetingLine<'a> {
    schema: &'static str,
    tool: &'a Tool,
    #[serde(flatten)]
    meeting: &'a MeetingReport,
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    schema: &'static str,
    tool: &'a Tool,
    error: &'a ErrorEntry,
}

/// The report as JSON Lines: one line per meeting, then one per error (see the module
/// documentation). An empty report gives an empty string.
pub fn jsonl(report: &Report) -> String {
    let mut out = String::new();
    for m in &report.meetings {
        let line = MeetingLine {
            schema: SCHEMA,
            tool: &report.tool,
            meeting: m,
        };
        if let Ok(s) = serde_json::to_string(&line) {
            out.push_str(&s);
            out.push('\n');
        }
    }
    for e in &report.errors {
        let line = ErrorLine {
            schema: SCHEMA,
            tool: &report.tool,
            error: e,
        };
        if let Ok(s) = serde_json::to_string(&line) {
            out.push_str(&s);
            out.push('\n');
        }
    }
    out
}
