//! Timestamps of cue-based formats (WebVTT, SRT), strict and lenient.
//!
//! [`parse_strict`] is the W3C "collect a WebVTT timestamp" algorithm: `(hh+:)?mm:ss.ttt`
//! with two-digit minutes and seconds below 60 and exactly three fraction digits; hours, when
//! present, have any number of digits (a one-digit first field counts as hours).
//!
//! [`parse_lenient`] also accepts what real exporters write, each reported once per file as
//! a warning with a count (see [`Leniency`]): no minutes (`7.380`, podcast exports),
//! unpadded fields (`0:0:0.210`, Teams), comma decimals (`00:00:01,500`, SRT habits in VTT),
//! fractions with other than three digits (rounded to the millisecond), and a missing
//! fraction (`00:00:05`).

/// The ways a timestamp can deviate from the strict WebVTT syntax and still be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Leniency {
    /// Valid strict syntax.
    Exact,
    /// `mm:ss.ttt`: valid WebVTT, but worth a note (the file may be a clip of a longer one).
    NoHours,
    /// `ss.ttt`: neither hours nor minutes.
    NoMinutes,
    /// A field with fewer digits than the syntax asks for (`0:0:0.210`).
    Unpadded,
    /// A comma instead of a full stop before the fraction.
    CommaDecimal,
    /// A fraction with fewer or more than three digits, or none.
    OddFraction,
}

impl Leniency {
    /// The tally label used in the once-per-file warning.
    pub fn describe(self) -> &'static str {
        match self {
            Leniency::Exact => "exact timestamps",
            Leniency::NoHours => "timestamps without hours (mm:ss.ttt); read leniently",
            Leniency::NoMinutes => "timestamps without minutes (ss.ttt); read leniently",
            Leniency::Unpadded => "unpadded timestamps (e.g. 0:0:0.210); read leniently",
            Leniency::CommaDecimal => {
                "timestamps with a comma before the milliseconds; read leniently"
            }
            Leniency::OddFraction => {
                "timestamps without exactly three fraction digits; read leniently"
            }
        }
    }
}

/// The largest time accepted: 100,000 hours (keeps every later sum far from overflow).
pub const MAX_MS: u64 = 100_000 * 3_600_000;

fn digits(s: &[u8], mut i: usize) -> (usize, u64, bool) {
    // Returns (end index, value, overflowed).
    let mut v: u64 = 0;
    let mut over = false;
    while i < s.len() && s[i].is_ascii_digit() {
        match v
            .checked_mul(10)
            .and_then(|x| x.checked_add(u64::from(s[i] - b'0')))
        {
            Some(x) => v = x,
            None => over = true,
        }
        i += 1;
    }
    (i, v, over)
}

/// Strict W3C timestamp at the start of `s`; returns (milliseconds, bytes consumed).
pub fn parse_strict_prefix(s: &[u8]) -> Option<(u64, usize)> {
    let mut i = 0;
    if i >= s.len() || !s[i].is_ascii_digit() {
        return None;
    }
    let (e, v1, o1) = digits(s, i);
    let hours_first = e - i != 2 || v1 > 59;
    i = e;
    if i >= s.len() || s[i] != b':' {
        return None;
    }
    i += 1;
    let (e, v2, _) = digits(s, i);
    if e - i != 2 {
        return None;
    }
    i = e;
    let (h, m, sec);
    if hours_first || (i < s.len() && s[i] == b':') {
        if i >= s.len() || s[i] != b':' {
            return None;
        }
        i += 1;
        let (e, v3, _) = digits(s, i);
        if e - i != 2 {
            return None;
        }
        i = e;
        (h, m, sec) = (v1, v2, v3);
    } else {
        (h, m, sec) = (0, v1, v2);
    }
    if i >= s.len() || s[i] != b'.' {
        return None;
    }
    i += 1;
    let (e, frac, _) = digits(s, i);
    if e - i != 3 {
        return None;
    }
    i = e;
    if m > 59 || sec > 59 || o1 {
        return None;
    }
    let ms = h
        .checked_mul(3_600_000)?
        .checked_add(m * 60_000 + sec * 1000 + frac)?;
    (ms <= MAX_MS).then_some((ms, i))
}

/// Strict parse of a whole string.
pub fn parse_strict(s: &str) -> Option<u64> {
    match parse_strict_prefix(s.as_bytes()) {
        Some((ms, n)) if n == s.len() => Some(ms),
        _ => None,
    }
}

/// Lenient parse of a whole (trimmed) timestamp: `[[h:]m:]s[(.|,)f]`. Returns the time and
/// the most notable deviation, or `None` when it is not a timestamp at all.
pub fn parse_lenient(s: &str) -> Option<(u64, Leniency)> {
    if let Some(ms) = parse_strict(s) {
        let colons = s.bytes().filter(|&b| b == b':').count();
        let first = s.bytes().take_while(u8::is_ascii_digit).count();
        let lev = if colons == 1 && first == 2 {
            Leniency::NoHours
        } else {
            Leniency::Exact
        };
        return Some((ms, lev));
    }
    let b = s.as_bytes();
    let (int_part, frac_part, sep) = match b.iter().position(|&c| c == b'.' || c == b',') {
        Some(p) => (&b[..p], Some(&b[p + 1..]), b[p]),
        None => (b, None, b'.'),
    };
    let fields: Vec<&[u8]> = int_part.split(|&c| c == b':').collect();
    if fields.is_empty() || fields.len() > 3 {
        return None;
    }
    let mut vals = [0u64; 3];
    let mut unpadded = false;
    let n = fields.len();
    for (k, f) in fields.iter().enumerate() {
        if f.is_empty() || f.len() > 12 || !f.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let v: u64 = std::str::from_utf8(f).ok()?.parse().ok()?;
        // Fields after the first must be below 60 and have two digits.
        if k > 0 {
            if v > 59 || f.len() > 2 {
                return None;
            }
            if f.len() < 2 {
                unpadded = true;
            }
        } else if n > 1 && f.len() < 2 {
            unpadded = true;
        }
        vals[3 - n + k] = v;
    }
    // With three fields the first is hours; with two, minutes; with one, seconds.
    let (h, m, sec) = (vals[0], vals[1], vals[2]);
    let mut odd_fraction = false;
    let frac_ms = match frac_part {
        None => {
            odd_fraction = true;
            0
        }
        Some(f) => {
            if f.is_empty() || f.len() > 9 || !f.iter().all(u8::is_ascii_digit) {
                return None;
            }
            if f.len() != 3 {
                odd_fraction = true;
            }
            // Round to the millisecond.
            let v: u64 = std::str::from_utf8(f).ok()?.parse().ok()?;
            let scale = 10u64.pow(u32::try_from(f.len()).ok()?);
            (v * 1000 + scale / 2) / scale
        }
    };
    let ms = h
        .checked_mul(3_600_000)?
        .checked_add(m.checked_mul(60_000)?)?
        .checked_add(sec.checked_mul(1000)?)?
        .checked_add(frac_ms)?;
    if ms > MAX_MS {
        return None;
    }
    let lev = if n == 1 {
        Leniency::NoMinutes
    } else if unpadded {
        Leniency::Unpadded
    } else if sep == b',' {
        Leniency::CommaDecimal
    } else if odd_fraction {
        Leniency::OddFraction
    } else if n == 2 {
        Leniency::NoHours
    } else {
        Leniency::Exact
    };
    Some((ms, lev))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_w3c() {
        assert_eq!(parse_strict("00:00:01.000"), Some(1000));
        assert_eq!(parse_strict("0:00:00.000"), Some(0));
        assert_eq!(parse_strict("01:02.003"), Some(62_003));
        assert_eq!(parse_strict("60:00:00.000"), Some(216_000_000));
        assert_eq!(parse_strict("00:60:00.000"), None);
        assert_eq!(parse_strict("00:0:00.000"), None);
        assert_eq!(parse_strict("00:00:00.00"), None);
        assert_eq!(parse_strict("0:00.000"), None);
        assert_eq!(parse_strict("99999999999999999999:00:00.000"), None);
    }

    #[test]
    fn lenient_forms() {
        assert_eq!(parse_lenient("0:0:0.210"), Some((210, Leniency::Unpadded)));
        assert_eq!(parse_lenient("7.380"), Some((7380, Leniency::NoMinutes)));
        assert_eq!(parse_lenient("0.860"), Some((860, Leniency::NoMinutes)));
        assert_eq!(
            parse_lenient("00:00:01,500"),
            Some((1500, Leniency::CommaDecimal))
        );
        assert_eq!(
            parse_lenient("01:02.003"),
            Some((62_003, Leniency::NoHours))
        );
        assert_eq!(
            parse_lenient("00:00:01.5"),
            Some((1500, Leniency::OddFraction))
        );
        assert_eq!(
            parse_lenient("00:00:01.0005"),
            Some((1001, Leniency::OddFraction))
        );
        assert_eq!(
            parse_lenient("1:02:03.004"),
            Some((3_723_004, Leniency::Exact))
        );
        assert_eq!(parse_lenient("x1.0"), None);
        assert_eq!(parse_lenient("00:61:00.000"), None);
        assert_eq!(parse_lenient(""), None);
        assert_eq!(parse_lenient("99999999999:00:00.000"), None);
    }
}
