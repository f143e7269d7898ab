//! `.docx` reading: any bytes through `ingest::load` (`auto`, which routes zips to the Word
//! reader, and `docx` forced) and through the walk's `ingest::recognised`.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use turnstat::ingest::{self, InputFormat};

fuzz_target!(|data: &[u8]| {
    common::load_as(data, InputFormat::Auto, false);
    common::load_as(data, InputFormat::Docx, false);
    let _ = ingest::recognised(data);
});
