//! Plain text transcripts: `Name: text` lines without timestamps.
//!
//! Each non-blank line is a unit; speakers come from `Name:` prefixes by the evidence rule
//! of [`super::prefix`], and a line without a prefix continues the previous speaker. There
//! are no times: turns and words only. A file in which no line has an accepted name gets a
//! warning, since everything is then one unknown speaker.

use super::prefix::{self, Unit};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Parsed;

/// A Markdown heading line (`# Title`, `### Name：`): its text without the `#` marks and
/// bold markers, or `None` for any other line.
fn heading(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let rest = t.trim_start_matches('#');
    let level = t.len() - rest.len();
    if !(1..=6).contains(&level) || !rest.starts_with([' ', '\t']) {
        return None;
    }
    Some(rest.trim().trim_matches('*').trim())
}

/// Parses plain text.
///
/// Markdown transcripts (published transcript archives) put each speaker on a heading line
/// of their own (`### 唐鳳：` or `### Ann Lee:`), the words on the lines below: a heading
/// that is only a name and a colon is that speaker's prefix line; other headings (titles,
/// section names) are document structure, not speech, and are left out.
pub fn parse(text: &str, diags: &mut Diagnostics) -> Result<Parsed, Diagnostic> {
    let units: Vec<Unit> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .filter_map(|(i, l)| {
            let l = match heading(l) {
                Some(h) => match prefix::split_prefix(h) {
                    Some((_, "")) => h,
                    _ => return None,
                },
                None => l,
            };
            Some(Unit {
                voice: None,
                text: super::cuetext::collapse_ws(l),
                span: None,
                line: i + 1,
            })
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
        chat: None,
        attendees: Vec::new(),
    })
}
