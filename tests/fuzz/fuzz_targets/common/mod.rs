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
