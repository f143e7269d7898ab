//! Format detection and the whole `--input-format auto` path: any bytes.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use turnstat::diag::Diagnostics;
use turnstat::ingest::{self, InputFormat};

fuzz_target!(|data: &[u8]| {
    let mut diags = Diagnostics::new();
    let text = ingest::decode::decode(data, &mut diags);
    let format = ingest::detect(&text);
    assert_ne!(format, InputFormat::Auto, "detect never answers `auto`");
    // Detection looks past a BOM and leading blank space (README, "Format detection").
    let padded = format!("\u{feff}\r\n \t\n{text}");
    assert_eq!(
        ingest::detect(&padded),
        format,
        "BOM and blank lines change detection"
    );
    // The meeting date is read from the same text.
    let _ = turnstat::dates::meeting_date(&text, None);
    common::load_as(data, InputFormat::Auto, true);
});
