//! Writes generated meeting transcripts for the scale test (`tests/scale/run.sh`), with the
//! benchmark generator in `tests/bench/gen.rs`. No dependencies: the script compiles it with
//! plain `rustc -O`.
//!
//! `gen dir DIR MEGABYTES` writes Zoom- and Teams-style files of 20–90 minutes (alternating)
//! until DIR holds MEGABYTES MB; `gen file PATH MEGABYTES` writes one Zoom-style file of that
//! size (a meeting of thousands of hours); `gen team DIR MEETINGS PEOPLE` writes MEETINGS
//! dated meetings of 30 minutes (one a working day from 2024-01-01, the benchmark corpus's
//! meetings) whose speakers are drawn from PEOPLE distinct names in 25 overlapping teams,
//! for the size of the team report (`turnstat report --out`).

#[path = "../bench/gen.rs"]
mod gen_corpus;

use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: gen dir DIR MEGABYTES | gen file PATH MEGABYTES | gen team DIR MEETINGS PEOPLE";
    if let [_, m, p, n, people] = args.as_slice()
        && m == "team"
    {
        team(p, n.parse().expect(usage), people.parse().expect(usage));
        return;
    }
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

/// A name of the pool of `people`: first and last names combined (20 × 15 = 300 distinct,
/// then numbered).
fn pool_name(k: usize) -> String {
    const FIRST: [&str; 20] = [
        "Ada", "Ben", "Chloé", "Dev", "Eun", "Femi", "Gita", "Hugo", "Ines", "Jun", "Kofi",
        "Lena", "Mateo", "Nia", "Omar", "Pia", "Quinn", "Rosa", "Sven", "Tariq",
    ];
    const LAST: [&str; 15] = [
        "Abara", "Berg", "Costa", "Dubois", "Eze", "Fischer", "García", "Haddad", "Ito", "Jensen",
        "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor",
    ];
    let base = format!("{} {}", FIRST[k % 20], LAST[k / 20 % 15]);
    if k < 300 { base } else { format!("{base} {}", k / 300 + 1) }
}

/// `gen team DIR MEETINGS PEOPLE`: the benchmark corpus's meetings, each speaker renamed to
/// a person of the pool: meeting i belongs to team i mod 25, whose 13 seats are people
/// 12·team … 12·team + 12 (mod PEOPLE, so neighbouring teams share one person).
fn team(dir: &str, meetings: u64, people: usize) {
    std::fs::create_dir_all(dir).unwrap();
    let mut total = 0;
    for i in 0..meetings {
        let (name, mut text) = gen_corpus::meeting(1, i, 30);
        let team = (i % 25) as usize;
        for (k, n) in gen_corpus::NAMES.iter().enumerate() {
            let who = pool_name((team * 12 + k) % people.max(1));
            text = text
                .replace(&format!("\n{n}: "), &format!("\n{who}: "))
                .replace(&format!("<v {n}>"), &format!("<v {who}>"));
        }
        std::fs::write(format!("{dir}/{name}"), &text).unwrap();
        total += text.len();
    }
    println!("{meetings} files, {total} bytes");
}
