//! Sentence splitting of spoken text, for sentiment.
//!
//! A sentence ends at `.`, `?`, `!`, `…` or `...` (runs such as `?!` stay together) when what
//! follows is the end of the text, or whitespace and then an upper-case letter, a digit, a
//! quote or an opening bracket — so `and… and we'll` and `3.5 million` stay whole. A full
//! stop after a known abbreviation (`Mr.`, `Dr.`, `e.g.`, `etc.`, `a.m.`, `U.S.`…) or a single
//! capital letter (an initial) does not end a sentence. Text without any terminal punctuation
//! (unpunctuated speech-to-text) is one sentence: the whole segment.

/// Abbreviations whose full stop does not end a sentence (compared case-insensitively,
/// without the final stop).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "eg", "ie",
    "approx", "u.s", "u.k", "a.m", "p.m", "inc", "ltd", "co", "corp", "dept", "fig", "no", "vol",
    "est", "min", "max", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "mt", "ft", "cf", "al",
];

/// Splits `text` into sentences: (char offset of the start, the sentence, trimmed).
pub fn split(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    split_into(text, &mut out);
    out
}

/// The length in bytes of the terminal mark (`.`, `?`, `!`, `…`) at byte `i`, or 0.
#[inline]
fn mark_at(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'.' | b'?' | b'!') => 1,
        Some(0xe2) if b.get(i + 1..i + 3) == Some(&[0x80, 0xa6][..]) => 3,
        _ => 0,
    }
}

/// The first byte at or after `from` that may start a terminal mark (`.`, `?`, `!`, or
/// 0xE2, the lead byte of `…`). Eight bytes at a time: marks are sparse in text.
#[inline]
fn next_candidate(b: &[u8], from: usize) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // Bytes of `x` equal to zero get their high bit set (exact: no false positives once
    // the high bits of `x` itself are masked out).
    let zero = |x: u64| !(((x & !HI) + !HI) | x) & HI;
    let mut i = from;
    while i + 8 <= b.len() {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[i..i + 8]);
        let x = u64::from_le_bytes(w);
        let hit = zero(x ^ (LO * u64::from(b'.')))
            | zero(x ^ (LO * u64::from(b'?')))
            | zero(x ^ (LO * u64::from(b'!')))
            | zero(x ^ (LO * 0xe2));
        if hit != 0 {
            return Some(i + (hit.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    (i..b.len()).find(|&k| matches!(b[k], b'.' | b'?' | b'!' | 0xe2))
}

/// The char at byte `i` (a char boundary), if any.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&c) if c < 0x80 => Some(char::from(c)),
        Some(_) => text.get(i..).and_then(|r| r.chars().next()),
        None => None,
    }
}

/// [`split`] into a caller's vector (cleared first). Works on bytes: the marks are ASCII or
/// `…`, which no other char's bytes contain; char offsets are counted incrementally.
pub fn split_into<'a>(text: &'a str, out: &mut Vec<(usize, &'a str)>) {
    out.clear();
    let b = text.as_bytes();
    // Char offsets: chars in text[..cursor.0] = cursor.1.
    let mut cursor = (0usize, 0usize);
    let mut start = 0usize; // byte offset
    let mut i = 0;
    while let Some(p) = next_candidate(b, i) {
        i = p;
        let w = mark_at(b, i);
        if w == 0 {
            i += 1;
            continue;
        }
        // The run of terminal marks.
        let first = i;
        let mut end_b = i + w;
        loop {
            let w = mark_at(b, end_b);
            if w == 0 {
                break;
            }
            end_b += w;
        }
        let after = char_at(text, end_b);
        let spaced = after.is_none_or(char::is_whitespace);
        let boundary = spaced && {
            // The first char after the whitespace.
            let mut k = end_b;
            let next = loop {
                match char_at(text, k) {
                    Some(c) if c.is_whitespace() => k += c.len_utf8(),
                    other => break other,
                }
            };
            let opens = next.is_none_or(|c| {
                c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '\'' | '(' | '[')
            });
            let single_stop = end_b == first + 1 && b[first] == b'.';
            opens && !(single_stop && abbreviation_before(&text[start..first]))
        };
        if boundary {
            push(text, start, end_b, &mut cursor, out);
            start = end_b;
        }
        i = end_b;
    }
    push(text, start, text.len(), &mut cursor, out);
}

/// Whether the last word of `before` is a known abbreviation or a single capital (an
/// initial), so that a following full stop does not end the sentence.
fn abbreviation_before(before: &str) -> bool {
    let word = before.split_whitespace().next_back().unwrap_or("");
    is_abbreviation(word.trim_start_matches(['(', '"']))
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

/// The key of an ASCII word of 1 to 8 bytes without NUL: its bytes, ASCII-lower-cased and
/// zero-padded, as one integer (distinct words give distinct keys).
#[inline]
fn key8(word: &[u8]) -> Option<u64> {
    if word.is_empty() || word.len() > 8 || word.contains(&0) {
        return None;
    }
    let mut buf = [0u8; 8];
    buf[..word.len()].copy_from_slice(word);
    buf.make_ascii_lowercase();
    Some(u64::from_le_bytes(buf))
}

/// Whether `word` is in [`ABBREVIATIONS`] (ASCII case-insensitively; they are lower-case
/// ASCII), by binary search over their sorted keys ([`key8`]): integer compares, no
/// `memcmp` call per probe.
fn is_abbreviation(word: &str) -> bool {
    static SORTED: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    // No abbreviation is empty, longer than 8 bytes or holds a NUL: such a word is none.
    let Some(k) = key8(word.as_bytes()) else {
        return false;
    };
    SORTED
        .get_or_init(|| {
            let mut v: Vec<u64> = ABBREVIATIONS
                .iter()
                .filter_map(|a| key8(a.as_bytes()))
                .collect();
            v.sort_unstable();
            v
        })
        .binary_search(&k)
        .is_ok()
}

fn push<'a>(
    text: &'a str,
    a: usize,
    z: usize,
    cursor: &mut (usize, usize),
    out: &mut Vec<(usize, &'a str)>,
) {
    let s = &text[a..z];
    let t = s.trim();
    if !t.is_empty() {
        let at = a + (s.len() - s.trim_start().len());
        cursor.1 += text[cursor.0..at].chars().count();
        cursor.0 = at;
        out.push((cursor.1, t));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        split(s).into_iter().map(|x| x.1).collect()
    }

    /// The first implementation (char by char), kept to check the byte-based one.
    fn reference(text: &str) -> Vec<(usize, &str)> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut out = Vec::new();
        let mut start = 0usize; // byte offset
        let mut i = 0;
        while i < chars.len() {
            let (b, c) = chars[i];
            if matches!(c, '.' | '?' | '!' | '…') {
                // The run of terminal marks.
                let mut j = i;
                while j + 1 < chars.len() && matches!(chars[j + 1].1, '.' | '?' | '!' | '…') {
                    j += 1;
                }
                let end_b = chars.get(j + 1).map_or(text.len(), |x| x.0);
                let next = chars[j + 1..].iter().find(|x| !x.1.is_whitespace());
                let spaced = chars.get(j + 1).is_none_or(|x| x.1.is_whitespace());
                let opens = next.is_none_or(|x| {
                    x.1.is_uppercase()
                        || x.1.is_ascii_digit()
                        || matches!(x.1, '"' | '“' | '\'' | '(' | '[')
                });
                let single_stop = j == i && c == '.';
                let word_before = text[start..b].split_whitespace().last().unwrap_or("");
                let abbrev = single_stop
                    && (ABBREVIATIONS.iter().any(|a| {
                        a.eq_ignore_ascii_case(word_before.trim_start_matches(['(', '"']))
                    }) || (word_before.chars().count() == 1
                        && word_before.chars().all(char::is_uppercase)));
                if spaced && opens && !abbrev {
                    push_ref(text, start, end_b, &mut out);
                    start = end_b;
                }
                i = j + 1;
                continue;
            }
            let _ = b;
            i += 1;
        }
        push_ref(text, start, text.len(), &mut out);
        out
    }

    fn push_ref<'a>(text: &'a str, a: usize, z: usize, out: &mut Vec<(usize, &'a str)>) {
        let s = &text[a..z];
        let lead = s.len() - s.trim_start().len();
        let t = s.trim();
        if !t.is_empty() {
            out.push((text[..a + lead].chars().count(), t));
        }
    }

    #[test]
    fn abbreviation_keys_are_exact() {
        // The integer lookup agrees with a plain case-insensitive comparison, including for
        // words with a NUL byte, non-ASCII bytes, prefixes and extensions of abbreviations.
        let words = [
            "",
            "mr",
            "MR",
            "Mr",
            "mr\0",
            "m",
            "mrs",
            "mrss",
            "e.g",
            "E.G",
            "e.g.",
            "u.s",
            "Dr",
            "sept",
            "septe",
            "approx",
            "approxim",
            "approxima",
            "é",
            "dé",
            "no",
            "No\0",
            "al",
            "\0",
            "etc",
            "ETC",
            "et",
            "co",
            "Co",
            "cf",
            "ft",
            "ftt",
        ];
        for w in words {
            let want = ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w));
            assert_eq!(is_abbreviation(w), want, "{w:?}");
        }
    }

    #[test]
    fn abbreviations_fit_the_lookup() {
        // `is_abbreviation` lower-cases ASCII into 8 bytes.
        for a in ABBREVIATIONS {
            assert!(
                a.len() <= 8 && a.bytes().all(|b| !b.is_ascii_uppercase()),
                "{a}"
            );
            assert!(
                is_abbreviation(a) && is_abbreviation(&a.to_uppercase()),
                "{a}"
            );
        }
    }

    #[test]
    fn same_as_reference() {
        let texts = [
            "Hello there. How are you? Fine!",
            "We grew 3.5 percent. Dr. Chen agrees. (Mr. X) \"E.g. this\"…  Next… and… so. ",
            "Really?! Yes... Maybe?!… Ünder the bridge. élan. «Quote». 'Single'. [laugh]. (A) B.",
            "a.b. C. J. Smith said so.\u{a0}Then.\u{2003}Über. no.\tOK.\nYes",
            "…. ? ! . ... ……. x",
            "",
            "   ",
            "U.S. troops. e.g. this. The end",
        ];
        for t in texts {
            assert_eq!(split(t), reference(t), "{t:?}");
        }
    }

    #[test]
    fn splits_carefully() {
        assert_eq!(
            texts("Hello there. How are you? Fine!"),
            ["Hello there.", "How are you?", "Fine!"]
        );
        assert_eq!(
            texts("We grew 3.5 percent. Dr. Chen agrees."),
            ["We grew 3.5 percent.", "Dr. Chen agrees."]
        );
        assert_eq!(
            texts("and… and we'll see. OK"),
            ["and… and we'll see.", "OK"]
        );
        assert_eq!(
            texts("Really?! Yes... Maybe"),
            ["Really?!", "Yes...", "Maybe"]
        );
        assert_eq!(
            texts("no punctuation at all here"),
            ["no punctuation at all here"]
        );
        assert_eq!(
            texts("See e.g. the doc. Then J. Smith said so."),
            ["See e.g. the doc.", "Then J. Smith said so."]
        );
        assert_eq!(texts("   "), Vec::<&str>::new());
        assert_eq!(split("A. b")[0].0, 0);
        assert_eq!(split("Hi. Ünder")[1], (4, "Ünder"));
    }
}
