//! Bytes → text. Exports arrive as UTF-8 (with or without a BOM), sometimes as UTF-16 with a
//! BOM (Windows tools), and sometimes damaged. Invalid UTF-8 is decoded lossily (U+FFFD) with
//! one warning naming the first bad line; NUL bytes become U+FFFD as WebVTT asks.

use crate::diag::Diagnostics;

/// Decodes `bytes` to a `String`, stripping a byte-order mark.
pub fn decode(bytes: &[u8], diags: &mut Diagnostics) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest, diags);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes, diags);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes, diags);
    }
    utf8(bytes, diags)
}

/// [`decode`] taking the bytes: valid UTF-8 (the usual case) becomes the `String` without a
/// copy, so a large file is held once, not twice.
pub fn decode_owned(mut bytes: Vec<u8>, diags: &mut Diagnostics) -> String {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return decode(&bytes, diags);
    }
    match String::from_utf8(bytes) {
        Ok(text) => nul_free(text, diags),
        Err(e) => utf8(e.as_bytes(), diags),
    }
}

fn utf8(bytes: &[u8], diags: &mut Diagnostics) -> String {
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = 1 + good.iter().filter(|&&b| b == b'\n').count();
            let bad = String::from_utf8_lossy(bytes);
            let count = bad.matches('\u{FFFD}').count();
            diags.warn(
                line,
                format!(
                    "input is not valid UTF-8 ({count} invalid sequence(s), first on this line); \
                     decoded with U+FFFD replacement characters (is it Latin-1 or UTF-16?)"
                ),
            );
            bad.into_owned()
        }
    };
    nul_free(text, diags)
}

/// Replaces NUL bytes with U+FFFD (as WebVTT asks), with one warning.
fn nul_free(mut text: String, diags: &mut Diagnostics) -> String {
    if text.contains('\0') {
        let line = 1 + text[..text.find('\0').unwrap_or(0)].matches('\n').count();
        diags.warn(line, "input contains NUL bytes; replaced with U+FFFD");
        text = text.replace('\0', "\u{FFFD}");
    }
    text
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, diags: &mut Diagnostics) -> String {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut out = String::with_capacity(bytes.len() / 2);
    let mut bad = 0usize;
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => out.push(c),
            Err(_) => {
                bad += 1;
                out.push('\u{FFFD}');
            }
        }
    }
    if bytes.len() % 2 == 1 {
        bad += 1;
    }
    diags.warn(1, "input is UTF-16 (byte-order mark); decoded");
    if bad > 0 {
        diags.warn(
            1,
            format!("{bad} invalid UTF-16 sequence(s) replaced with U+FFFD"),
        );
    }
    if out.contains('\0') {
        out = out.replace('\0', "\u{FFFD}");
    }
    out
}
