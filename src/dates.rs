//! The date of a meeting, for team reports.
//!
//! In this order, the first that gives a valid date wins, and the report says which:
//! 1. **transcript**: a date field in JSON (`created`, `created_at`, `createdAt`, `date`,
//!    `recorded_at`, `meeting_date`, `start_date`, `dateCreated`) whose value starts with
//!    `YYYY-MM-DD`, or a `YYYY-MM-DD` date in a WebVTT `NOTE` line;
//! 2. **file name**: `YYYY-MM-DD`, `YYYY_MM_DD` or `YYYYMMDD` in the file name;
//! 3. **modified**: the file's modification time (UTC);
//! 4. otherwise none (stdin): the meeting is left out of the periods, with a warning.

use serde::Serialize;
use std::path::Path;

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Date {
    /// Year.
    pub y: i32,
    /// Month 1–12.
    pub m: u32,
    /// Day 1–31.
    pub d: u32,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(y: i32, m: u32, d: u32) -> Option<Date> {
        ((1900..=2200).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m))
            .then_some(Date { y, m, d })
    }

    /// Parses `YYYY-MM-DD` at the start of `s`.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Date::new(
            s.get(0..4)?.parse().ok()?,
            s.get(5..7)?.parse().ok()?,
            s.get(8..10)?.parse().ok()?,
        )
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn days(&self) -> i64 {
        let y = i64::from(self.y) - i64::from(self.m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.m);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (`civil_from_days`).
    pub fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
        Date { y, m, d }
    }

    /// The Monday of this date's week.
    pub fn week_start(&self) -> Date {
        let days = self.days();
        // 1970-01-01 was a Thursday: Monday-based weekday = (days + 3) mod 7.
        Date::from_days(days - (days + 3).rem_euclid(7))
    }
}

/// Where a date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    /// A date inside the transcript.
    Transcript,
    /// A date in the file name.
    FileName,
    /// The file's modification time.
    Modified,
    /// No date found.
    None,
}

const JSON_KEYS: &[&str] = &[
    "created",
    "created_at",
    "createdAt",
    "date",
    "recorded_at",
    "meeting_date",
    "start_date",
    "dateCreated",
];

fn from_content(text: &str) -> Option<Date> {
    // The first MiB, cut at a char boundary (a multi-byte char may straddle the limit).
    let mut end = text.len().min(1 << 20);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    if head.trim_start().starts_with('{') || head.trim_start().starts_with('[') {
        for key in JSON_KEYS {
            let pat = format!("\"{key}\"");
            let mut rest = head;
            while let Some(p) = rest.find(&pat) {
                rest = &rest[p + pat.len()..];
                let v = rest.trim_start().strip_prefix(':').map(str::trim_start);
                if let Some(d) = v.and_then(|v| v.strip_prefix('"')).and_then(Date::parse) {
                    return Some(d);
                }
            }
        }
        return None;
    }
    head.lines()
        .filter(|l| l.starts_with("NOTE"))
        .find_map(|l| (0..l.len().saturating_sub(9)).find_map(|i| l.get(i..).and_then(Date::parse)))
}

fn from_name(name: &str) -> Option<Date> {
    let b = name.as_bytes();
    for i in 0..b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            continue;
        }
        let digits = |a: usize, z: usize| {
            name.get(a..z)
                .filter(|s| s.bytes().all(|c| c.is_ascii_digit()))
        };
        if let (Some(y), Some(sep), Some(m), Some(d)) = (
            digits(i, i + 4),
            b.get(i + 4),
            digits(i + 5, i + 7),
            digits(i + 8, i + 10),
        ) && (*sep == b'-' || *sep == b'_')
            && b.get(i + 7) == Some(sep)
            && let Some(date) = Date::new(
                y.parse().unwrap_or(0),
                m.parse().unwrap_or(0),
                d.parse().unwrap_or(0),
            )
        {
            return Some(date);
        }
        if let (Some(y), Some(m), Some(d)) =
            (digits(i, i + 4), digits(i + 4, i + 6), digits(i + 6, i + 8))
            && !b.get(i + 8).is_some_and(u8::is_ascii_digit)
            && let Some(date) = Date::new(
                y.parse().unwrap_or(0),
                m.parse().unwrap_or(0),
                d.parse().unwrap_or(0),
            )
        {
            return Some(date);
        }
    }
    None
}

/// Finds the date of a meeting from its text and path (see the module docs for the order).
pub fn meeting_date(text: &str, path: Option<&Path>) -> (Option<Date>, DateSource) {
    if let Some(d) = from_content(text) {
        return (Some(d), DateSource::Transcript);
    }
    if let Some(d) = path
        .and_then(|p| p.file_name())
        .and_then(|n| from_name(&n.to_string_lossy()))
    {
        return (Some(d), DateSource::FileName);
    }
    let modified = path
        .and_then(|p| std::fs::metadata(p).ok())
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
    match modified {
        Some(t) => (
            Some(Date::from_days((t.as_secs() / 86_400) as i64)),
            DateSource::Modified,
        ),
        None => (None, DateSource::None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip_and_weeks() {
        let d = Date::new(2026, 2, 12).unwrap();
        assert_eq!(Date::from_days(d.days()), d);
        assert_eq!(
            Date::from_days(0),
            Date {
                y: 1970,
                m: 1,
                d: 1
            }
        );
        // 2026-02-12 is a Thursday; its week starts on Monday 2026-02-09.
        assert_eq!(d.week_start(), Date::new(2026, 2, 9).unwrap());
        assert_eq!(
            Date::new(2026, 2, 9).unwrap().week_start(),
            Date::new(2026, 2, 9).unwrap()
        );
        assert_eq!(Date::new(2026, 2, 30), None);
    }

    #[test]
    fn sources_in_order() {
        let json = r#"{"metadata": {"created": "2023-08-01T10:00:00Z"}}"#;
        assert_eq!(
            meeting_date(json, Some(Path::new("x_2026-02-12.json"))).1,
            DateSource::Transcript
        );
        let vtt = "WEBVTT\n\nNOTE recorded 2024-05-06 in Berlin\n";
        assert_eq!(meeting_date(vtt, None).0, Date::new(2024, 5, 6));
        assert_eq!(
            meeting_date("WEBVTT\n", Some(Path::new("acdc_2026-02-05_174.vtt"))),
            (Date::new(2026, 2, 5), DateSource::FileName)
        );
        assert_eq!(
            meeting_date("WEBVTT\n", Some(Path::new("call-20260212.vtt"))).0,
            Date::new(2026, 2, 12)
        );
        assert_eq!(
            meeting_date("WEBVTT\n", Some(Path::new("call-2026021299.vtt"))).1,
            DateSource::None
        );
        assert_eq!(meeting_date("WEBVTT\n", None), (None, DateSource::None));
    }
}
