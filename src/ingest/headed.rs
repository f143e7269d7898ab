//! Transcripts in which each turn opens with a header line `Name  m:ss`: Otter's `.txt`
//! export and the text of a Teams transcript `.docx`.
//!
//! A **header** is a line that ends with a start time, `m:ss`, `mm:ss` (up to three minute
//! digits) or `h:mm:ss`, after the speaker's name and two or more spaces (or a tab); trailing
//! white space is allowed. A line that is only a time is a header without a name (Otter's
//! export with speaker names turned off). Every other line is text of the turn opened by the
//! last header (lines before the first header belong to no turn). Turns carry starts only;
//! [`super::starts`] gives them ends.

/// One header line: the speaker (if written) and the start in ms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header<'a> {
    /// The name as written, trimmed; `None` for a bare time.
    pub name: Option<&'a str>,
    /// Start, ms.
    pub start: u64,
}

/// Reads `h:mm:ss`, `mm:ss` or `m:ss` (all digits ASCII; seconds, and minutes after hours,
/// below 60; at most 3 minute digits without hours, at most 5 hour digits).
pub fn clock_time(s: &str) -> Option<u64> {
    let fields: Vec<&str> = s.split(':').collect();
    let num = |f: &str, max_len: usize| -> Option<u64> {
        (!f.is_empty() && f.len() <= max_len && f.bytes().all(|b| b.is_ascii_digit()))
            .then(|| f.parse().ok())
            .flatten()
    };
    let two = |f: &str| num(f, 2).filter(|&v| f.len() == 2 && v < 60);
    match fields.as_slice() {
        [m, sec] => Some(num(m, 3)? * 60_000 + two(sec)? * 1000),
        [h, m, sec] => Some(num(h, 5)? * 3_600_000 + two(m)? * 60_000 + two(sec)? * 1000),
        _ => None,
    }
}

/// The header in `line`, if it is one (see the module docs).
pub fn header(line: &str) -> Option<Header<'_>> {
    let t = line.trim_end();
    let cut = t
        .rfind(|c: char| c.is_whitespace())
        .map_or(0, |i| i + t[i..].chars().next().map_or(1, char::len_utf8));
    let time = &t[cut..];
    let start = clock_time(time)?;
    let before = &t[..cut];
    let name = before.trim();
    if name.is_empty() {
        return Some(Header { name: None, start });
    }
    // Two or more white-space characters, or a tab, between the name and the time.
    let gap = &before[before.trim_end().len()..];
    if !(gap.chars().count() >= 2 || gap.contains('\t')) || name.chars().count() > 100 {
        return None;
    }
    Some(Header {
        name: Some(name),
        start,
    })
}

/// True when `name` is Otter's label for a voice it could not identify (`Unknown Speaker`):
/// such turns get no speaker (the builder's `unknown speaker`).
pub fn is_unknown(name: &str) -> bool {
    name.trim().eq_ignore_ascii_case("unknown speaker")
}

/// The turns of a headed layout and what came before the first header.
#[derive(Debug, Default)]
pub struct Layout {
    /// The turns, in file order, with their start times and (possibly empty) texts.
    pub turns: Vec<super::starts::Stamped>,
    /// Non-blank lines before the first header, with their 1-based line numbers.
    pub preamble: Vec<(usize, String)>,
}

/// Reads `(line number, line)` pairs: headers open turns, other lines are their text (joined
/// with single spaces), lines for which `skip` is true (footers, events) are left out.
pub fn read<'a>(
    lines: impl Iterator<Item = (usize, &'a str)>,
    skip: impl Fn(&str) -> bool,
) -> Layout {
    let mut out = Layout::default();
    for (n, raw) in lines {
        let line = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
        if line.is_empty() || skip(line) {
            continue;
        }
        if let Some(h) = header(raw.trim_start_matches('\u{FEFF}')) {
            out.turns.push(super::starts::Stamped {
                speaker: h.name.filter(|n| !is_unknown(n)).map(str::to_string),
                start: h.start,
                text: String::new(),
                line: n,
            });
            continue;
        }
        match out.turns.last_mut() {
            Some(t) => {
                if !t.text.is_empty() {
                    t.text.push(' ');
                }
                t.text.push_str(&super::cuetext::collapse_ws(line));
            }
            None => out.preamble.push((n, line.to_string())),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers() {
        let h = |s| header(s).map(|h| (h.name, h.start));
        assert_eq!(h("Emma  0:00  "), Some((Some("Emma"), 0)));
        assert_eq!(h("Sidney  55:21"), Some((Some("Sidney"), 3_321_000)));
        assert_eq!(
            h("Paul O'Leary  1:02:03"),
            Some((Some("Paul O'Leary"), 3_723_000))
        );
        assert_eq!(h("Speaker 2\t10:05"), Some((Some("Speaker 2"), 605_000)));
        assert_eq!(
            h("David Mulholland   0:03\r"),
            Some((Some("David Mulholland"), 3000))
        );
        assert_eq!(
            h("👨 TANAKA Taro 田中 太郎  02:27"),
            Some((Some("👨 TANAKA Taro 田中 太郎"), 147_000))
        );
        assert_eq!(h("0:15  "), Some((None, 15_000)));
        assert_eq!(h("100:00"), Some((None, 6_000_000)));
        // One space is prose, not a header; neither are bad times.
        assert_eq!(h("We met at 10:30"), None);
        assert_eq!(h("Emma  0:60"), None);
        assert_eq!(h("Emma  0:5"), None);
        assert_eq!(h("Emma  1:2:03"), None);
        assert_eq!(h("Emma  ١:٠٠"), None);
        assert_eq!(h("Emma  0:00 extra"), None);
        assert_eq!(h(""), None);
    }

    #[test]
    fn unknown() {
        assert!(is_unknown("Unknown Speaker") && is_unknown("unknown speaker "));
        assert!(!is_unknown("Unknown") && !is_unknown("Speaker 1"));
    }
}
