//! Writes generated meeting transcripts for the scale test (`tests/scale/run.sh`), with the
//! benchmark generator in `tests/bench/gen.rs`. No dependencies: the script compiles it with
//! plain `rustc -O`.
//!
//! `gen dir DIR MEGABYTES` writes Zoom- and Teams-style files of 20–90 minutes (alternating)
//! until DIR holds MEGABYTES MB; `gen file PATH MEGABYTES` writes one Zoom-style file of that
//! size (a meeting of thousands of hours).

#[path = "../bench/gen.rs"]
mod gen_corpus;

use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: gen dir DIR MEGABYTES | gen file PATH MEGABYTES";
    let (mode, path, mb) = match args.as_slice() {
        [_, m, p, n] => (m.as_str(), p.as_str(), n.parse::<u64>().expect(usage)),
        _ => panic!("{usage}"),
    };
    let target = mb * 1_000_000;
    match mode {
        "dir" => {
            std::fs::create_dir_all(path).unwrap();
            let (mut total, mut i) = (0u64, 0u64);
            while total < target {
                let minutes = 20 + i % 71;
                let (name, text) = if i % 2 == 0 {
                    (format!("zoom-{i:06}.vtt"), gen_corpus::zoom(i + 1, minutes))
                } else {
                    (
                        format!("teams-{i:06}.vtt"),
                        gen_corpus::teams(i + 1, minutes),
                    )
                };
                // Spread over subdirectories, as exports accumulate per month.
                let sub = format!("{path}/2026-{:02}", 1 + i % 12);
                std::fs::create_dir_all(&sub).unwrap();
                std::fs::write(format!("{sub}/{name}"), &text).unwrap();
                total += text.len() as u64;
                i += 1;
            }
            println!("{i} files, {total} bytes");
        }
        "file" => {
            // About 1.2 kB per minute of a Zoom call.
            let mut minutes = target / 1_250;
            loop {
                let text = gen_corpus::zoom(7, minutes);
                if text.len() as u64 >= target {
                    let mut f = std::fs::File::create(path).unwrap();
                    f.write_all(text.as_bytes()).unwrap();
                    println!("1 file, {} bytes, {minutes} minutes", text.len());
                    break;
                }
                minutes = minutes * (target + target / 100) / text.len().max(1) as u64 + 1;
            }
        }
        _ => panic!("{usage}"),
    }
}
