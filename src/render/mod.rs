//! Renderers: finished models → bytes. Renderers never compute metrics.

pub mod check;
pub mod csv;
pub mod html;
pub mod jsonl;
pub mod markdown;
pub mod report;
pub mod speaker;
pub mod team;
pub mod turns;

/// Makes text inert for a terminal: control characters (ANSI escapes, newlines, NUL) are
/// replaced by a visible `�`-free form (`\u{1b}` becomes `␛`, other controls a space).
pub fn inert(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{1b}' => '␛',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect()
}

/// Neutralises a CSV cell against formula injection: a cell that starts with `=`, `+`, `-`,
/// `@`, tab or carriage return gets a leading `'` (OWASP's advice); control characters are
/// made inert as in [`inert`] except that the CSV writer quotes newlines itself.
pub fn neutralise_cell(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .map(|c| match c {
            '\u{1b}' => '␛',
            '\n' => '\n',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    if cleaned.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cleaned}")
    } else {
        cleaned
    }
}
