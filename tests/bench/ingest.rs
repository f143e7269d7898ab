//! Benchmark: WebVTT parse + turn building, single thread, on a generated corpus.
//!
//! Run: `cargo bench --bench ingest`. Prints throughput in MB/s per core for Zoom-style and
//! Teams-style files (40 generated 60-minute meetings each, `tests/bench/gen.rs`) and, when
//! `../shared/corpus` is present, for its real Zoom and AMI WebVTT files; and, as the baseline
//! measured in the same run, the throughput of the cheapest possible pass over the same bytes
//! (UTF-8 validation + counting lines), so the figure can be compared across machines as a
//! ratio. `tests/bench/stages.rs` times the other stages.

#[path = "gen.rs"]
mod gen_corpus;

use std::hint::black_box;
use std::time::Instant;
use turnstat::ingest::{self, IngestOptions};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn measure(name: &str, files: &[String]) {
    let bytes: usize = files.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6;
    let opts = IngestOptions::default();
    let mut ours = Vec::new();
    let mut base = Vec::new();
    for _ in 0..7 {
        let t = Instant::now();
        for f in files {
            let r = ingest::load("bench.vtt", f.as_bytes(), &opts);
            black_box(r.map(|t| t[0].turns.len()).unwrap_or(0));
        }
        ours.push(mb / t.elapsed().as_secs_f64());
        let t = Instant::now();
        for f in files {
            let s = std::str::from_utf8(black_box(f.as_bytes())).unwrap();
            black_box(s.bytes().filter(|&b| b == b'\n').count());
        }
        base.push(mb / t.elapsed().as_secs_f64());
    }
    let (o, b) = (median(ours), median(base));
    println!(
        "{name:<9} {:>7.1} MB  parse+turns {o:>7.1} MB/s per core  baseline (utf8+lines) {b:>7.1} MB/s  ratio {:.3}",
        mb,
        o / b
    );
}

fn main() {
    let zoom: Vec<String> = (0..40).map(|i| gen_corpus::zoom(i + 1, 60)).collect();
    let teams: Vec<String> = (0..40).map(|i| gen_corpus::teams(i + 101, 60)).collect();
    measure("zoom", &zoom);
    measure("teams", &teams);
    let real = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    for (name, dir) in [("real zoom", "zoom-ethereum-acd"), ("real ami", "ami-vtt")] {
        let Ok(entries) = std::fs::read_dir(real.join(dir)) else {
            continue;
        };
        let mut paths: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "vtt"))
            .collect();
        paths.sort();
        let files: Vec<String> = paths
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        if !files.is_empty() {
            measure(name, &files);
        }
    }
}
