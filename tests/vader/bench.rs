//! Benchmark: `sentiment::Analyzer::polarity_scores` throughput on 1 and 2 threads.
//!
//! Run: `cargo bench --bench vader`. With `VADER_SENTENCES=/path/file` (one sentence per line;
//! `tests/vader/differential.sh` leaves VADER's 23,703 ground-truth sentences in its temp dir
//! and prints the path) it scores those; otherwise a generated, deterministic set of
//! meeting-style sentences. One shared analyser; rayon pools of exactly 1 and 2 threads.
//!
//! Method: `PAIRS` pairs of timed runs (each at least ~0.25 s), a 1-thread and a 2-thread run
//! back to back, the order alternating between pairs so that slow drifts of a shared machine
//! hit both sides alike. Reported: the median sentences/s of each side, and the median of the
//! per-pair ratios 2 threads / 1 thread. On Linux it also prints how busy the rest of the
//! machine was during the runs (from `/proc/stat` minus this process), since other load on
//! a 2-core machine makes the 2-thread figure meaningless. Ends with a machine-readable
//! `vader_bench sps1=… sps2=… ratio=…` line.

use std::hint::black_box;
use std::time::Instant;

use rayon::prelude::*;
use turnstat::sentiment::Analyzer;

const PAIRS: usize = 9;
const MIN_RUN_SECS: f64 = 0.25;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// CPU time counters: (all jiffies, busy jiffies of the machine, jiffies of this process).
fn cpu_counters() -> Option<(u64, u64, u64)> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let cpu: Vec<u64> = stat
        .lines()
        .next()?
        .split_whitespace()
        .skip(1)
        .take(8)
        .map(|f| f.parse().ok())
        .collect::<Option<_>>()?;
    let total: u64 = cpu.iter().sum();
    let idle = cpu.get(3)? + cpu.get(4)?;
    let own = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let rest = own.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some((total, total - idle, utime + stime))
}

/// Deterministic pseudo-random meeting sentences (xorshift; no external crates).
fn generated() -> Vec<String> {
    const OPENERS: &[&str] = &[
        "Okay so",
        "I think",
        "Honestly",
        "Yeah",
        "No problem,",
        "Sorry,",
        "Great,",
        "Well",
        "Can everyone hear me?",
        "Quick question:",
        "To be fair,",
        "Just to confirm,",
    ];
    const MIDDLES: &[&str] = &[
        "the deployment went really well",
        "we are not sure that's a great idea",
        "the numbers look kind of bad this quarter",
        "I don't hate the new design",
        "the client was extremely happy with the demo",
        "this is never so easy",
        "the build is failing again",
        "we should circle back on the budget next week",
        "that release was the bomb",
        "no worries, I can take that",
        "it's not bad at all",
        "the timeline is somewhat risky",
        "we love how the team handled it",
        "the bug report was frustrating but useful",
    ];
    const ENDINGS: &[&str] = &[
        ".",
        "!",
        "!!!",
        "?",
        "??",
        " :)",
        " 👍",
        " 😀",
        ", right?",
        ", thanks.",
        "...",
        " LOL",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    (0..20_000)
        .map(|_| {
            let mut s = String::new();
            s.push_str(OPENERS[next(OPENERS.len())]);
            s.push(' ');
            s.push_str(MIDDLES[next(MIDDLES.len())]);
            if next(3) == 0 {
                s.push_str(", but ");
                s.push_str(MIDDLES[next(MIDDLES.len())]);
            }
            s.push_str(ENDINGS[next(ENDINGS.len())]);
            if next(4) == 0 {
                s = s.to_uppercase();
            }
            s
        })
        .collect()
}

fn load() -> (String, Vec<String>) {
    if let Ok(path) = std::env::var("VADER_SENTENCES") {
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let lines = text
                    .strip_suffix('\n')
                    .unwrap_or(&text)
                    .split('\n')
                    .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string())
                    .collect();
                return (path, lines);
            }
            Err(e) => eprintln!("VADER_SENTENCES={path}: {e}; using generated sentences"),
        }
    }
    ("generated meeting-style sentences".to_string(), generated())
}

/// One timed run: scores all sentences `reps` times on `pool`; returns sentences/s.
fn run(pool: &rayon::ThreadPool, analyzer: &Analyzer, sentences: &[String], reps: usize) -> f64 {
    let start = Instant::now();
    for _ in 0..reps {
        let sum: f64 = pool.install(|| {
            sentences
                .par_iter()
                .with_min_len(64)
                .map(|s| analyzer.polarity_scores(black_box(s)).compound)
                .sum()
        });
        black_box(sum);
    }
    (sentences.len() * reps) as f64 / start.elapsed().as_secs_f64()
}

fn main() {
    let (source, sentences) = load();
    let bytes: usize = sentences.iter().map(String::len).sum();
    let avg_bytes = bytes as f64 / sentences.len().max(1) as f64;
    let analyzer = Analyzer::global();
    let pool = |n| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .expect("thread pool")
    };
    let (pool1, pool2) = (pool(1), pool(2));

    // Warm up (tables, caches, thread-local buffers) and size the runs.
    let warm = run(&pool1, analyzer, &sentences, 1);
    run(&pool2, analyzer, &sentences, 1);
    let reps = ((MIN_RUN_SECS * warm / sentences.len().max(1) as f64).ceil() as usize).max(1);

    let before = cpu_counters();
    let (mut one, mut two, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for pair in 0..PAIRS {
        let (a, b) = if pair % 2 == 0 {
            let a = run(&pool1, analyzer, &sentences, reps);
            (a, run(&pool2, analyzer, &sentences, reps * 2))
        } else {
            let b = run(&pool2, analyzer, &sentences, reps * 2);
            (run(&pool1, analyzer, &sentences, reps), b)
        };
        one.push(a);
        two.push(b);
        ratios.push(b / a);
    }
    let others = match (before, cpu_counters()) {
        (Some((t0, b0, o0)), Some((t1, b1, o1))) if t1 > t0 => {
            let others = (b1 - b0).saturating_sub(o1 - o0) as f64 / (t1 - t0) as f64;
            format!("{:.0}%", 100.0 * others)
        }
        _ => "n/a".to_string(),
    };
    let (sps1, sps2, ratio) = (median(one), median(two), median(ratios));
    println!(
        "vader: {} sentences ({source}), {avg_bytes:.1} B/sentence, {PAIRS} pairs of runs",
        sentences.len()
    );
    println!(
        "  1 thread : {sps1:>10.0} sentences/s  {:>6.1} MB/s  (median)",
        sps1 * avg_bytes / 1e6
    );
    println!(
        "  2 threads: {sps2:>10.0} sentences/s  {:>6.1} MB/s  (median)",
        sps2 * avg_bytes / 1e6
    );
    println!("  ratio 2 threads / 1 thread: {ratio:.2} (median of per-pair ratios)");
    println!("  rest of the machine busy during the runs: {others} of all CPUs");
    println!("vader_bench sps1={sps1:.0} sps2={sps2:.0} ratio={ratio:.3}");
}
