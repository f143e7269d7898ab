//! WebVTT cue text: tags stripped, entities decoded, voice spans kept.
//!
//! Follows the W3C cue-text tokenizer closely enough to give the same text nodes: `<...>`
//! start tags (`<c.cls>`, `<i>`, `<b>`, `<u>`, `<ruby>`, `<rt>`, `<lang en>`), end tags and
//! timestamp tags are removed; character references are decoded with the HTML rules
//! (named, legacy without `;`, decimal and hex). Voice spans `<v Name>`, `<v.class Name>`
//! set the speaker of the text that follows until `</v>` or the end of the cue (an unclosed
//! `<v>` runs to the end); a second `<v>` in the same cue starts a new run.

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
        if b[i] == b' ' && !ws_at(s, i + 1).0 {
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

fn decode_entities(raw: &str) -> String {
    if raw.contains('&') {
        htmlize::unescape(raw).into_owned()
    } else {
        raw.to_string()
    }
}

/// Parses raw cue text into voice runs; runs with empty text are dropped, adjacent runs of
/// the same voice are joined.
pub fn parse(raw: &str) -> Vec<VoiceRun> {
    if !raw.bytes().any(|b| b == b'<' || b == b'&') {
        // Fast path: plain text, the common case in meeting exports.
        let text = collapse_ws(raw);
        return if text.is_empty() {
            Vec::new()
        } else {
            vec![VoiceRun { voice: None, text }]
        };
    }
    let mut runs: Vec<VoiceRun> = Vec::new();
    let mut voice: Option<String> = None;
    let mut buf = String::new();
    let flush = |runs: &mut Vec<VoiceRun>, voice: &Option<String>, buf: &mut String| {
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
                voice: voice.clone(),
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
                flush(&mut runs, &voice, &mut buf);
                voice = None;
            }
            continue;
        }
        // Start tag: name runs to whitespace, '.', or the end.
        let name_end = tag
            .find(|c: char| c == '.' || c.is_ascii_whitespace())
            .unwrap_or(tag.len());
        if &tag[..name_end] == "v" {
            flush(&mut runs, &voice, &mut buf);
            let annotation = tag[name_end..]
                .trim_start_matches(|c: char| c != ' ' && c != '\t' && c != '\n' && c != '\x0c');
            let name = collapse_ws(&decode_entities(annotation));
            voice = Some(name);
        }
        // Every other tag (and timestamp tags) is dropped.
    }
    buf.push_str(rest);
    flush(&mut runs, &voice, &mut buf);
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
