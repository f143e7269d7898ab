//! `ingest::load` with `--input-format` forced to `google-meet`: any bytes.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use turnstat::ingest::InputFormat;

fuzz_target!(|data: &[u8]| common::load_as(data, InputFormat::GoogleMeet, false));
