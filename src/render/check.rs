//! Output of `turnstat check`: sentiment and inclusive-language flags per input line.
//!
//! Each line (without its line ending) is one text, scored exactly as vaderSentiment's
//! `polarity_scores(line)` (rounded as Python rounds) and matched against the lexicon.
//! `jsonl`: `{"line","text","sentiment":{"compound","pos","neu","neg"},"flags":[{"start",
//! "end","text","id","category","severity","suggestions"}]}` per line, `start`/`end` in
//! chars (Unicode scalars), end exclusive.

use crate::inclusive::{Category, Lexicon, Options, Severity};
use crate::sentiment::{Analyzer, Scores};
use serde::Serialize;

#[derive(Serialize)]
struct Flag<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    id: &'a str,
    category: Category,
    severity: Severity,
    suggestions: Vec<&'a str>,
}

#[derive(Serialize)]
struct Line<'a> {
    line: usize,
    text: &'a str,
    sentiment: Scores,
    flags: Vec<Flag<'a>>,
}

/// Renders the check of every line of `text`: JSON Lines, or a table fitted to `width`
/// (long lines wrapped by comfy-table; `None` or `Some(0)`: natural width, see
/// [`crate::render::width`]).
pub fn render(
    text: &str,
    lexicon: &Lexicon,
    opts: &Options,
    jsonl: bool,
    width: Option<u16>,
) -> String {
    let vader = Analyzer::global();
    let mut out = String::new();
    let mut table = comfy_table::Table::new();
    table.load_style(comfy_table::presets::UTF8_FULL_CONDENSED);
    crate::render::width::arrange(&mut table, width);
    table.set_header(vec!["line", "compound", "text", "flags"]);
    for (i, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.is_empty() && i > 0 && text.ends_with('\n') && i == text.split('\n').count() - 1 {
            break;
        }
        let findings = lexicon.find(line, opts);
        let flags: Vec<Flag<'_>> = findings
            .iter()
            .filter_map(|f| {
                let e = lexicon.entries().get(f.entry)?;
                Some(Flag {
                    start: f.start,
                    end: f.end,
                    text: &f.text,
                    id: &e.id,
                    category: e.category,
                    severity: e.severity,
                    suggestions: e.suggestions.iter().map(|s| s.text.as_str()).collect(),
                })
            })
            .collect();
        let sentiment = vader.polarity_scores(line).rounded();
        if jsonl {
            let rec = Line {
                line: i + 1,
                text: line,
                sentiment,
                flags,
            };
            out.push_str(&serde_json::to_string(&rec).unwrap_or_default());
            out.push('\n');
        } else {
            let f: Vec<String> = flags
                .iter()
                .map(|f| {
                    format!(
                        "“{}” ({}, {}) → {}",
                        f.text,
                        f.category,
                        f.severity,
                        f.suggestions.join(", ")
                    )
                })
                .collect();
            table.add_row(vec![
                (i + 1).to_string(),
                format!("{:.4}", sentiment.compound),
                crate::render::inert(line),
                crate::render::inert(&f.join("; ")),
            ]);
        }
    }
    if !jsonl {
        crate::render::width::floor_columns(&mut table, width);
        out = table.to_string();
        out.push('\n');
    }
    out
}
