//! Writes a reproducible benchmark corpus: `cargo run --release --example gen_corpus -- DIR N
//! M [SEED]` writes N WebVTT meetings of about M minutes each into DIR (3 Zoom-style for
//! every 2 Teams-style; see `tests/bench/gen.rs`). The same arguments always give the same
//! bytes. Prints the number of files and bytes written.

#[path = "gen.rs"]
mod gen_corpus;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_corpus DIR MEETINGS MINUTES [SEED]";
    if args.len() < 3 || args.len() > 4 {
        eprintln!("{usage}");
        return ExitCode::from(2);
    }
    let num = |s: &str| s.parse::<u64>().ok();
    let (Some(n), Some(minutes)) = (num(&args[1]), num(&args[2])) else {
        eprintln!("{usage}");
        return ExitCode::from(2);
    };
    let seed = match args.get(3) {
        Some(s) => match num(s) {
            Some(v) => v,
            None => {
                eprintln!("{usage}");
                return ExitCode::from(2);
            }
        },
        None => 1,
    };
    let dir = std::path::Path::new(&args[0]);
    match gen_corpus::write_corpus(dir, seed, n, minutes) {
        Ok(bytes) => {
            println!(
                "{n} meetings of {minutes} min (seed {seed}) in {}: {bytes} bytes",
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_corpus: {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}
