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

/// Collapses runs of whitespace to one space and trims.
pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
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
