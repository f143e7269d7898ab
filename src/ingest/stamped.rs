//! Time-stamped `Name: text` lines, as note-taking tools and meeting apps export them:
//!
//! - `[00:01:05] Ann Lee: text` or `(1:05) Ann Lee: text` — the time first, in brackets
//!   or parentheses, optionally followed by ` - `;
//! - `Ann Lee (00:01:05): text` or `Ann Lee [1:05]: text` — the time after the name.
//!
//! Times are `m:ss`, `mm:ss` or `h:mm:ss` and say when a turn starts; a line that is no such
//! header continues the turn before it. Ends come from the next start (the rules of
//! [`super::starts`]). Detection asks that the first non-blank line is a header and that at
//! least two of the first ten non-blank lines are.

use super::headed::clock_time;
use super::starts::{self, Stamped};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Parsed;

/// Longest name accepted before the colon, in characters.
const MAX_NAME: usize = 60;

/// The time in `[t]` or `(t)` at the start of `s`, and the rest.
fn bracketed(s: &str) -> Option<(u64, &str)> {
    let close = match s.as_bytes().first()? {
        b'[' => ']',
        b'(' => ')',
        _ => return None,
    };
    let end = s.find(close)?;
    let t = clock_time(s[1..end].trim())?;
    Some((t, &s[end + 1..]))
}

/// A plausible speaker name: not empty, not too long, not a bare number or time.
fn name_ok(name: &str) -> bool {
    let n = name.chars().count();
    n > 0
        && n <= MAX_NAME
        && name.chars().any(char::is_alphabetic)
        && !name.contains(['[', ']', '(', ')'])
}

/// The header on `line`, if it is one: (name, start in ms, the text after the colon).
pub fn header(line: &str) -> Option<(&str, u64, &str)> {
    let l = line.trim();
    // Time first: `[00:01:05] Name: text`.
    if let Some((t, rest)) = bracketed(l) {
        let rest = rest.trim_start();
        let rest = rest.strip_prefix("- ").unwrap_or(rest);
        let (name, text) = rest.split_once(':')?;
        let name = name.trim();
        return name_ok(name).then_some((name, t, text.trim()));
    }
    // Time after the name: `Name (00:01:05): text`.
    let colon = l.find("):").or_else(|| l.find("]:"))?;
    let open = l[..colon].rfind(['(', '['])?;
    let t = clock_time(l[open + 1..colon].trim())?;
    let name = l[..open].trim();
    name_ok(name).then_some((name, t, l[colon + 2..].trim()))
}

/// True when the text reads as time-stamped lines (see the module docs).
pub fn looks_like(text: &str) -> bool {
    let mut lines = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(10);
    let Some(first) = lines.next() else {
        return false;
    };
    header(first).is_some() && lines.filter(|l| header(l).is_some()).count() >= 1
}

/// Reads time-stamped lines.
pub fn parse(text: &str, diags: &mut Diagnostics) -> Result<Parsed, Diagnostic> {
    let mut turns: Vec<Stamped> = Vec::new();
    let mut before = 0usize;
    let mut first_loose = None;
    for (i, line) in text.lines().enumerate() {
        match header(line) {
            Some((name, start, rest)) => turns.push(Stamped {
                speaker: Some(name.to_string()),
                start,
                text: rest.to_string(),
                line: i + 1,
            }),
            None if line.trim().is_empty() => {}
            None => match turns.last_mut() {
                Some(t) => {
                    if !t.text.is_empty() {
                        t.text.push(' ');
                    }
                    t.text.push_str(line.trim());
                }
                None => {
                    before += 1;
                    first_loose.get_or_insert(i + 1);
                }
            },
        }
    }
    if turns.is_empty() {
        return Err(Diagnostic::error(
            None,
            "no time-stamped `[m:ss] Name: text` line found; file rejected",
        ));
    }
    if let Some(line) = first_loose {
        diags.warn(
            line,
            format!(
                "{before} line(s) before the first time-stamped line belong to no turn; left out"
            ),
        );
    }
    Ok(Parsed {
        segments: starts::assign(turns, None, diags),
        anonymous_speakers: false,
        has_text: true,
        format: "timestamped-text",
        attendees: Vec::new(),
        chat: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers() {
        assert_eq!(
            header("[00:01:05] Ann Lee: Hello there"),
            Some(("Ann Lee", 65_000, "Hello there"))
        );
        assert_eq!(header("(1:05) Bo: ok"), Some(("Bo", 65_000, "ok")));
        assert_eq!(header("[0:07] - Ann: hi"), Some(("Ann", 7_000, "hi")));
        assert_eq!(
            header("Ann Lee (00:00:05): Hello everyone"),
            Some(("Ann Lee", 5_000, "Hello everyone"))
        );
        assert_eq!(header("Bo [12:30]: yes"), Some(("Bo", 750_000, "yes")));
        for no in [
            "[00:01:05] no colon here",
            "Ann: plain line",
            "[1:75] Ann: bad seconds",
            "[00:01] 12: digits are no name",
            "",
            "[",
            "(]",
        ] {
            assert_eq!(header(no), None, "{no}");
        }
    }

    #[test]
    fn reads_turns_with_continuations_and_ends_from_the_next_start() {
        let mut d = Diagnostics::new();
        let p = parse(
            "Weekly sync\n[00:00:05] Ann Lee: Hello everyone,\nshall we start?\n\n[00:00:09] Bo Chen: Yes.\n[00:01:15] Ann Lee: First item.\n",
            &mut d,
        )
        .unwrap();
        let segs: Vec<(Option<&str>, &str)> = p
            .segments
            .iter()
            .map(|s| (s.speaker.as_deref(), s.text.as_str()))
            .collect();
        assert_eq!(
            segs,
            [
                (Some("Ann Lee"), "Hello everyone, shall we start?"),
                (Some("Bo Chen"), "Yes."),
                (Some("Ann Lee"), "First item."),
            ]
        );
        let spans: Vec<(u64, u64)> = p
            .segments
            .iter()
            .map(|s| s.span.map(|x| (x.start, x.end)).unwrap())
            .collect();
        assert_eq!(spans[0], (5_000, 9_000));
        assert_eq!(spans[1], (9_000, 75_000));
        let diags = d.finish();
        assert!(diags.iter().any(|x| x.line == Some(1)), "{diags:?}");
    }

    #[test]
    fn detection() {
        assert!(looks_like("[00:00:05] Ann: hi\n[00:00:09] Bo: hello\n"));
        assert!(looks_like("Ann (0:05): hi\nBo (0:09): hello\n"));
        assert!(!looks_like("[00:00:05] Ann: hi\n"));
        assert!(!looks_like("Ann: hi\nBo: hello\n"));
        assert!(!looks_like("[{\"a\": 1}]"));
        assert!(!looks_like(""));
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for s in [
            "[",
            "(",
            "[é:",
            "x (é",
            "(1:00)",
            "[0:00]:",
            "a (1:00):",
            "ü [9:99]: x",
        ] {
            let _ = header(s);
            let _ = looks_like(s);
            let _ = parse(s, &mut Diagnostics::new());
        }
    }
}
