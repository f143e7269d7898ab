//! Plain text transcripts: `Name: text` lines without timestamps.
//!
//! Each non-blank line is a unit; speakers come from `Name:` prefixes by the evidence rule
//! of [`super::prefix`], and a line without a prefix continues the previous speaker. There
//! are no times: turns and words only. A file in which no line has an accepted name gets a
//! warning, since everything is then one unknown speaker.

use super::prefix::{self, Unit};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Parsed;

/// Parses plain text.
pub fn parse(text: &str, diags: &mut Diagnostics) -> Result<Parsed, Diagnostic> {
    let units: Vec<Unit> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| Unit {
            voice: None,
            text: super::cuetext::collapse_ws(l),
            span: None,
            line: i + 1,
        })
        .collect();
    if units.is_empty() {
        diags.warn(1, "file is empty: no text found");
    }
    let (segments, anonymous) = prefix::attribute(units, diags);
    if !segments.is_empty() && segments.iter().all(|s| s.speaker.is_none()) {
        diags.warn(1, "read as plain text, but no line starts with a speaker name (`Name: text`); all text attributed to an unknown speaker");
    }
    Ok(Parsed {
        segments,
        anonymous_speakers: anonymous,
        has_text: true,
        format: "text",
    })
}
