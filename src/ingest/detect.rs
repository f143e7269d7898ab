//! Format detection from content (never from the file name).
//!
//! Rules, in order, on the text after a BOM and leading blank space:
//! 1. starts with `WEBVTT` → WebVTT;
//! 2. starts with `{` or `[` → JSON (the dialect is decided by its shape, see `json`);
//! 3. the first non-comment line starts with `SPEAKER ` and has at least 8 fields → RTTM;
//! 4. the first non-blank line is a cue number and the next a `-->` timing line → SRT;
//! 5. the first non-blank line is `h:mm:ss.mmm,h:mm:ss.mmm` → SBV (YouTube);
//! 6. any of the first lines is a `-->` timing line → WebVTT without a header (read
//!    leniently, with a warning);
//! 7. otherwise plain `Name: text` lines.

use super::InputFormat;

/// Detects the format of decoded text.
pub fn detect(text: &str) -> InputFormat {
    let t = text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n']);
    if t.starts_with("WEBVTT") {
        return InputFormat::Webvtt;
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
        assert_eq!(detect(""), InputFormat::Text);
    }
}
