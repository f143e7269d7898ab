//! WebVTT cue text: tags stripped, entities decoded, voice spans kept.
//!
//! Follows the W3C cue-text tokenizer closely enough to give the same text nodes: `<...>`
//! start tags (`<c.cls>`, `<i>`, `<b>`, `<u>`, `<ruby>`, `<rt>`, `<lang en>`), end tags and
//! timestamp tags are removed; character references are decoded with the HTML rules
//! (named, legacy without `;`, decimal and hex). Voice spans `<v Name>`, `<v.class Name>`
//! set the speaker of the text that follows until `</v>` or the end of the cue (an unclosed
//! `<v>` runs to the end); a second `<v>` in the same cue starts a new run.

use super::webvtt::find2;

/// A run of cue text with the voice that speaks it (`None` outside any voice span).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoiceRun {
    /// The voice annotation (`<v Ana Lopez>` → `Ana Lopez`), whitespace collapsed.
    pub voice: Option<String>,
    /// Decoded text, whitespace (including line breaks) collapsed to single spaces, trimmed.
    pub text: String,
}

/// Bytes that may start whitespace: ASCII whitespace and the UTF-8 lead bytes of the
/// non-ASCII `White_Space` characters (U+0085, U+00A0: 0xC2; U+1680: 0xE1; U+2000–U+205F:
/// 0xE2; U+3000: 0xE3).
const MAY_BE_WS: [bool; 256] = {
    let mut t = [false; 256];
    let list = [
        b' ', b'\t', b'\n', b'\r', 0x0b, 0x0c, 0xc2, 0xe1, 0xe2, 0xe3,
    ];
    let mut k = 0;
    while k < list.len() {
        t[list[k] as usize] = true;
        k += 1;
    }
    t
};

/// Whether the char at byte `i` of `s` is whitespace, and its width (0 at the end).
#[inline]
fn ws_at(s: &str, i: usize) -> (bool, usize) {
    match s.as_bytes().get(i) {
        None => (false, 0),
        Some(&b) if b < 0x80 => (MAY_BE_WS[b as usize], 1),
        Some(&b) => {
            let c = s[i..].chars().next().unwrap_or('a');
            (MAY_BE_WS[b as usize] && c.is_whitespace(), c.len_utf8())
        }
    }
}

/// Collapses runs of whitespace (Unicode `White_Space`) to one space and trims.
///
/// Text is copied in bulk between irregular whitespace (anything but a single space between
/// two non-space characters); only bytes that may start whitespace are examined closely.
pub fn collapse_ws(s: &str) -> String {
    let s = s.trim();
    let b = s.as_bytes();
    if is_regular(b) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut copy_from = 0;
    let mut i = 0;
    while i < b.len() {
        if !MAY_BE_WS[b[i] as usize] {
            i += 1;
            continue;
        }
        let (ws, w) = ws_at(s, i);
        if !ws {
            i += w;
            continue;
        }
        // A single space before a non-space (the common case; ASCII checked inline).
        if b[i] == b' '
            && match b.get(i + 1) {
                Some(&n) if n < 0x80 => !MAY_BE_WS[n as usize],
                _ => !ws_at(s, i + 1).0,
            }
        {
            i += 1;
            continue;
        }
        out.push_str(&s[copy_from..i]);
        out.push(' ');
        loop {
            let (ws, w) = ws_at(s, i);
            if !ws {
                break;
            }
            i += w;
        }
        copy_from = i;
    }
    out.push_str(&s[copy_from..]);
    out
}

/// True when `b` is ASCII without control characters and without two spaces in a row:
/// then collapsing (after trimming) changes nothing. Eight bytes at a time.
fn is_regular(b: &[u8]) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut prev_space = false;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let v = u64::from_le_bytes(w);
        // Some byte below 0x20 (exact as a yes/no), or some byte at or above 0x80.
        if (v.wrapping_sub(LO * 0x20) & !v & HI) | (v & HI) != 0 {
            return false;
        }
        // High bit set in each space byte (exact: all bytes are below 0x80 here).
        let x = v ^ (LO * 0x20);
        let sp = !((x + !HI) | x) & HI;
        if sp & (sp << 8) != 0 || (prev_space && sp & 0x80 != 0) {
            return false;
        }
        prev_space = sp >> 63 != 0;
    }
    for &c in chunks.remainder() {
        if !(0x20..0x80).contains(&c) || (c == b' ' && prev_space) {
            return false;
        }
        prev_space = c == b' ';
    }
    true
}

fn decode_entities(raw: &str) -> std::borrow::Cow<'_, str> {
    if raw.contains('&') {
        htmlize::unescape(raw)
    } else {
        std::borrow::Cow::Borrowed(raw)
    }
}

/// The voice of a `<v …>` start tag's content (`v.loud Ana Lopez` → `Ana Lopez`), or `None`
/// when the tag is not a voice tag.
fn voice_of(tag: &str) -> Option<String> {
    // Start tag: name runs to whitespace, '.', or the end.
    let name_end = tag
        .find(|c: char| c == '.' || c.is_ascii_whitespace())
        .unwrap_or(tag.len());
    if &tag[..name_end] != "v" {
        return None;
    }
    let annotation = tag[name_end..]
        .trim_start_matches(|c: char| c != ' ' && c != '\t' && c != '\n' && c != '\x0c');
    Some(collapse_ws(&decode_entities(annotation)))
}

/// The common shape of a voiced cue, `<v Name>text</v>` (or without `</v>`), with no other
/// tag and no character reference: parsed without the general tokenizer, with the same
/// result. `None` when the cue has another shape.
fn single_voice(raw: &str) -> Option<Vec<VoiceRun>> {
    let after = raw.strip_prefix('<')?;
    let gt = after.find('>')?;
    let body = &after[gt + 1..];
    let body = body.strip_suffix("</v>").unwrap_or(body);
    if find2(body.as_bytes(), 0, b'<', b'&').is_some() || after[..gt].contains('&') {
        return None;
    }
    let voice = voice_of(&after[..gt])?;
    let text = collapse_ws(body);
    Some(if text.is_empty() {
        Vec::new()
    } else {
        vec![VoiceRun {
            voice: Some(voice),
            text,
        }]
    })
}

/// Parses raw cue text into voice runs; runs with empty text are dropped, adjacent runs of
/// the same voice are joined.
pub fn parse(raw: &str) -> Vec<VoiceRun> {
    if find2(raw.as_bytes(), 0, b'<', b'&').is_none() {
        // Fast path: plain text, the common case in meeting exports.
        let text = collapse_ws(raw);
        return if text.is_empty() {
            Vec::new()
        } else {
            vec![VoiceRun { voice: None, text }]
        };
    }
    if let Some(runs) = single_voice(raw) {
        return runs;
    }
    let mut runs: Vec<VoiceRun> = Vec::new();
    let mut voice: Option<String> = None;
    let mut buf = String::new();
    // Every flush is followed by a change of voice, so the voice is moved, not cloned.
    let flush = |runs: &mut Vec<VoiceRun>, voice: &mut Option<String>, buf: &mut String| {
        let text = collapse_ws(&decode_entities(buf));
        buf.clear();
        if text.is_empty() {
            return;
        }
        match runs.last_mut() {
            Some(last) if last.voice == *voice => {
                last.text.push(' ');
                last.text.push_str(&text);
            }
            _ => runs.push(VoiceRun {
                voice: voice.take(),
                text,
            }),
        }
    };
    let mut rest = raw;
    while let Some(lt) = rest.find('<') {
        buf.push_str(&rest[..lt]);
        let after = &rest[lt + 1..];
        let (tag, next) = match after.find('>') {
            Some(gt) => (&after[..gt], &after[gt + 1..]),
            None => (after, ""),
        };
        rest = next;
        if let Some(end) = tag.strip_prefix('/') {
            if end.trim() == "v" || end.trim().starts_with("v.") {
                flush(&mut runs, &mut voice, &mut buf);
                voice = None;
            }
            continue;
        }
        if let Some(name) = voice_of(tag) {
            flush(&mut runs, &mut voice, &mut buf);
            voice = Some(name);
        }
        // Every other tag (and timestamp tags) is dropped.
    }
    buf.push_str(rest);
    flush(&mut runs, &mut voice, &mut buf);
    runs
}

/// The cue's plain text (all runs joined), for callers that ignore voices.
pub fn plain_text(raw: &str) -> String {
    let runs = parse(raw);
    let mut out = String::new();
    for r in runs {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&r.text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(voice: Option<&str>, text: &str) -> VoiceRun {
        VoiceRun {
            voice: voice.map(str::to_string),
            text: text.to_string(),
        }
    }

    #[test]
    fn collapses_all_whitespace() {
        assert_eq!(
            collapse_ws("  a  b\tc\n\nd \u{a0}e\u{2003}f… g  "),
            "a b c d e f… g"
        );
        assert_eq!(collapse_ws("plain text here"), "plain text here");
        assert_eq!(collapse_ws(" \u{3000} "), "");
        assert_eq!(collapse_ws("x\u{85}y"), "x y");
    }

    #[test]
    fn regular_texts_are_kept() {
        for t in [
            "plain text here",
            "a  b",
            "ab cd ef gh  ij",
            "abcdefg  hij",
            "abcdefgh ijklmnop  q",
            "tab\there",
            "é",
            "x\u{a0}y",
            "12345678 12345678 1234567  8",
            "1234567 1234567 1234567 ",
            "\x7f\x01",
        ] {
            // `collapse_ws` with and without the fast check agree.
            let slow = {
                let mut out = String::new();
                for w in t.split_whitespace() {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(w);
                }
                out
            };
            assert_eq!(collapse_ws(t), slow, "{t:?}");
            let trimmed = t.trim();
            if is_regular(trimmed.as_bytes()) {
                assert_eq!(trimmed, slow, "{t:?}");
            }
        }
    }

    #[test]
    fn voices_and_tags() {
        assert_eq!(
            parse("<v Ana Lopez>Hi <i>there</i></v>"),
            vec![v(Some("Ana Lopez"), "Hi there")]
        );
        assert_eq!(parse("<v.loud Bo>Hey"), vec![v(Some("Bo"), "Hey")]);
        assert_eq!(
            parse("<v A>one</v> <v B>two</v>"),
            vec![v(Some("A"), "one"), v(Some("B"), "two")]
        );
        assert_eq!(
            parse("<v A>one<v B>two"),
            vec![v(Some("A"), "one"), v(Some("B"), "two")]
        );
        assert_eq!(parse("Q&amp;A &lt;3 &#32;x"), vec![v(None, "Q&A <3 x")]);
        assert_eq!(parse("a<00:00:01.000>b"), vec![v(None, "ab")]);
        assert_eq!(parse("<v>anon"), vec![v(Some(""), "anon")]);
        assert_eq!(
            parse("&notit; &ClockwiseContourIntegral;"),
            vec![v(None, "¬it; ∲")]
        );
        assert!(parse("<c.x></c>").is_empty());
    }
}
