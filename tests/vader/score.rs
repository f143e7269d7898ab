//! Differential-test driver: scores each line of stdin with `turnstat::sentiment`.
//!
//! Run: `cargo run --release --locked --example vader_score < sentences.txt`. Input is UTF-8;
//! lines are split on `\n` and one trailing `\r` is removed (as `BufRead::lines` does).
//! For each line it prints, tab-separated, the raw `compound pos neu neg` of
//! `Analyzer::polarity_scores(line)` and then the same four after `Scores::rounded()`, all
//! with `{:?}` (shortest round-trip). `tests/vader/reference.py` prints the same format from
//! Python vaderSentiment 3.3.2, and `tests/vader/differential.sh` compares the two.

use std::io::{Read, Write};

use anyhow::Context;
use turnstat::sentiment::{Analyzer, Scores};

fn fields(s: &Scores) -> String {
    format!("{:?}\t{:?}\t{:?}\t{:?}", s.compound, s.pos, s.neu, s.neg)
}

fn main() -> anyhow::Result<()> {
    let mut input = Vec::new();
    std::io::stdin()
        .read_to_end(&mut input)
        .context("reading stdin")?;
    let input = String::from_utf8(input).context("stdin is not UTF-8")?;
    let analyzer = Analyzer::global();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if input.is_empty() {
        return Ok(());
    }
    let body = input.strip_suffix('\n').unwrap_or(&input);
    for line in body.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let raw = analyzer.polarity_scores(line);
        writeln!(out, "{}\t{}", fields(&raw), fields(&raw.rounded()))?;
    }
    out.flush()?;
    Ok(())
}
