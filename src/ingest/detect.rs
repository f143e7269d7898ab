//! Format detection from content (never from the file name).
//!
//! Rules, in order, on the text after a BOM and leading blank space:
//! 1. starts with `WEBVTT` → WebVTT;
//! 2. the first non-blank line is a time-stamped `[m:ss] Name: text` or `Name (m:ss): text`
//!    line and so is another of the first ten → time-stamped lines (see `stamped`); else
//!    starts with `{` or `[` → JSON (the dialect is decided by its shape, see `json`);
//! 3. the first non-comment line starts with `SPEAKER ` and has at least 8 fields → RTTM;
//! 4. the first non-blank line is a cue number and the next a `-->` timing line → SRT;
//! 5. the first non-blank line is `h:mm:ss.mmm,h:mm:ss.mmm` → SBV (YouTube);
//! 6. the Google Meet disclaimer (`This editable transcript was computer generated…`) or
//!    footer (`Meeting ended after 00:42:13`, `Transcription ended after …`) is on a line of
//!    its own, or a title line `… - Transcript` is followed by a `Name: text` line → Google
//!    Meet (see `meet::looks_like`);
//! 7. one of the first six non-blank lines is an Otter header `Name  m:ss` (two or more
//!    spaces, or a tab, before the time), and the first sixty hold another header or the
//!    footer `Transcribed by https://otter.ai` → Otter (see `otter::looks_like`);
//! 8. any of the first lines is a `-->` timing line → WebVTT without a header (read
//!    leniently, with a warning);
//! 9. otherwise plain `Name: text` lines.
//!
//! A `.docx` (a zip) never gets here: `load` routes bytes that start with `PK` to the Word
//! reader before decoding them as text.

use super::InputFormat;

/// Detects the format of decoded text.
pub fn detect(text: &str) -> InputFormat {
    let t = text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n']);
    if t.starts_with("WEBVTT") {
        return InputFormat::Webvtt;
    }
    // `[00:01:05] Ann: text` starts like a JSON array but is none.
    if super::stamped::looks_like(t) {
        return InputFormat::Timestamped;
    }
    if t.starts_with('{') || t.starts_with('[') {
        return InputFormat::Json;
    }
    let mut lines = t.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("");
    if first.starts_with("SPEAKER ") && first.split_whitespace().count() >= 8 {
        return InputFormat::Rttm;
    }
    if first.starts_with(';') {
        // RTTM allows `;;` comment lines.
        if t.lines().any(|l| l.starts_with("SPEAKER ")) {
            return InputFormat::Rttm;
        }
    }
    let second = lines.next().unwrap_or("");
    if !first.is_empty() && first.bytes().all(|b| b.is_ascii_digit()) && second.contains("-->") {
        return InputFormat::Srt;
    }
    if super::sbv::is_timing_line(first) {
        return InputFormat::Sbv;
    }
    if super::meet::looks_like(t) {
        return InputFormat::GoogleMeet;
    }
    if super::otter::looks_like(t) {
        return InputFormat::Otter;
    }
    if t.lines().take(20).any(|l| l.contains("-->")) {
        return InputFormat::Webvtt;
    }
    InputFormat::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects() {
        assert_eq!(detect("\u{FEFF}WEBVTT\n"), InputFormat::Webvtt);
        assert_eq!(detect("  {\"a\":1}"), InputFormat::Json);
        assert_eq!(
            detect("1\n00:00:00,000 --> 00:00:01,000\nhi\n"),
            InputFormat::Srt
        );
        assert_eq!(
            detect("SPEAKER m 1 0.5 1.0 <NA> <NA> A <NA> <NA>\n"),
            InputFormat::Rttm
        );
        assert_eq!(detect("Ann: hi\nBo: hello\n"), InputFormat::Text);
        assert_eq!(
            detect("Emma  0:00  \nHi.\n\nKelly  0:34\nHello.\n"),
            InputFormat::Otter
        );
        assert_eq!(
            detect("# Call (2023-05-18 15:59 GMT+1) - Transcript\n\nAnn: hi\n"),
            InputFormat::GoogleMeet
        );
        assert_eq!(
            detect("Ann: hi\n\nMeeting ended after 00:01:02 👋\n"),
            InputFormat::GoogleMeet
        );
        assert_eq!(detect(""), InputFormat::Text);
    }
}
