//! `ingest::load` with `--input-format` forced to `otter`: any bytes.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use turnstat::ingest::InputFormat;

fuzz_target!(|data: &[u8]| common::load_as(data, InputFormat::Otter, false));
