//! Renderers: finished models → bytes. Renderers never compute metrics.

pub mod check;
pub mod csv;
pub mod html;
pub mod jsonl;
pub mod markdown;
pub mod person;
pub mod report;
pub mod speaker;
pub mod team;
pub mod turns;
pub mod width;

/// Makes text inert for a terminal: control characters (ANSI escapes, newlines, NUL) are
/// replaced by a visible `�`-free form (`\u{1b}` becomes `␛`, other controls a space).
pub fn inert(s: &str) -> String {
    if !has_control(s) {
        return s.to_string();
    }
    s.chars()
        .map(|c| match c {
            '\u{1b}' => '␛',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect()
}

/// Whether `s` holds a control character (`char::is_control`: U+0000–U+001F, U+007F–U+009F),
/// by bytes: the C1 controls are encoded `C2 80`–`C2 9F`.
pub(crate) fn has_control(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &x)| {
        x < 0x20
            || x == 0x7f
            || (x == 0xc2 && b.get(i + 1).is_some_and(|y| (0x80..=0x9f).contains(y)))
    })
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
