//! Shared checks of the fuzz targets: whatever the input, `ingest::load` returns (never
//! panics), a rejection carries an error, and an accepted transcript is well formed.

#![allow(dead_code)]

use turnstat::diag::Severity;
use turnstat::ingest::{self, IngestOptions, InputFormat};
use turnstat::model::Transcript;

/// Loads `data` as `format` and checks the result's invariants; with `round_trip`, an
/// accepted transcript's `turns -f json` must read back.
pub fn load_as(data: &[u8], format: InputFormat, round_trip: bool) {
    let opts = IngestOptions {
        format,
        ..Default::default()
    };
    match ingest::load("fuzz.in", data, &opts) {
        Ok(ts) => {
            for t in &ts {
                check_transcript(t);
            }
            // turnstat's own JSON reads back (README: "This JSON is also an input format").
            if let ([t], true) = (ts.as_slice(), round_trip) {
                self::round_trip(t);
            }
        }
        Err(r) => {
            assert!(
                r.diagnostics.iter().any(|d| d.severity == Severity::Error),
                "rejected without an error: {:?}",
                r.diagnostics
            );
            for d in &r.diagnostics {
                let _ = d.display_with(&r.source).to_string();
            }
        }
    }
}

/// Structural invariants of a transcript.
pub fn check_transcript(t: &Transcript) {
    let n = t.speakers.len();
    for s in &t.segments {
        assert!(s.speaker < n, "segment speaker {} of {n}", s.speaker);
        if let Some(sp) = s.span {
            assert!(sp.start <= sp.end, "segment span {sp:?}");
        }
    }
    for w in t.segments.windows(2) {
        if let (Some(a), Some(b)) = (w[0].span, w[1].span) {
            assert!(a.start <= b.start, "segments not sorted: {a:?} {b:?}");
        }
    }
    for turn in &t.turns {
        assert!(turn.speaker < n);
        assert!(!turn.segments.is_empty(), "empty turn");
        for &i in &turn.segments {
            assert!(i < t.segments.len());
            assert_eq!(t.segments[i].speaker, turn.speaker);
        }
        if let Some(sp) = turn.span {
            assert!(sp.start <= sp.end, "turn span {sp:?}");
        }
    }
    let in_turns: usize = t.turns.iter().map(|x| x.segments.len()).sum();
    assert_eq!(
        in_turns,
        t.segments.len(),
        "every segment in exactly one turn"
    );
    for d in &t.diagnostics {
        assert_eq!(
            d.severity,
            Severity::Warning,
            "accepted with an error: {d:?}"
        );
    }
}

/// `turns -f json` of an accepted transcript reads back as turnstat JSON.
pub fn round_trip(t: &Transcript) {
    let json = turnstat::render::turns::json(&[t], &[]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("turns JSON parses");
    assert!(v["transcripts"].is_array());
    let opts = IngestOptions {
        format: InputFormat::Turnstat,
        ..Default::default()
    };
    if let Ok(back) = ingest::load("fuzz.json", json.as_bytes(), &opts) {
        for b in &back {
            check_transcript(b);
        }
    }
}

/// A zip archive holding `files` stored (not compressed), with correct CRCs: the container a
/// structure-aware target wraps around fuzzed contents.
pub fn stored_zip(files: &[(&str, &[u8])]) -> Vec<u8> {
    fn crc32(data: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in data {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let crc = crc32(data);
        let size = u32::try_from(data.len()).unwrap_or(u32::MAX);
        let offset = u32::try_from(out.len()).unwrap_or(u32::MAX);
        let name_len = u16::try_from(name.len()).unwrap_or(u16::MAX);
        // Local file header.
        out.extend_from_slice(b"PK\x03\x04");
        out.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // version, flags, method, time, date
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // Central directory entry.
        central.extend_from_slice(b"PK\x01\x02");
        central.extend_from_slice(&[20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // made by, needed, flags, method, time, date
        central.extend_from_slice(&crc.to_le_bytes());
        central.extend_from_slice(&size.to_le_bytes());
        central.extend_from_slice(&size.to_le_bytes());
        central.extend_from_slice(&name_len.to_le_bytes());
        central.extend_from_slice(&[0; 12]); // extra, comment, disk, internal attrs, external attrs (4)
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let cd_offset = u32::try_from(out.len()).unwrap_or(u32::MAX);
    let cd_size = u32::try_from(central.len()).unwrap_or(u32::MAX);
    let n = u16::try_from(files.len()).unwrap_or(u16::MAX);
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06");
    out.extend_from_slice(&[0, 0, 0, 0]); // disk numbers
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&cd_size.to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}
