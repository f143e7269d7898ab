//! Structure-aware `.docx`: the bytes are `word/document.xml` inside a valid (stored) zip, so
//! every run reaches the XML reader and the layouts (Teams, Stream, Google Meet, plain).
#![no_main]

#[path = "common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use turnstat::diag::Diagnostics;
use turnstat::ingest::{self, InputFormat};

fuzz_target!(|data: &[u8]| {
    let zip = common::stored_zip(&[("word/document.xml", data)]);
    common::load_as(&zip, InputFormat::Auto, false);
    if let Ok(text) = ingest::docx::text(&zip, &mut Diagnostics::new()) {
        let _ = ingest::docx::parse_text(&text, &mut Diagnostics::new());
    }
});
