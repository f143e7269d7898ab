//! Benchmark: each stage of `turnstat analyze`, timed separately on the same corpus.
//!
//! Run: `cargo bench --bench stages -- [DIR…]` (directories or files of transcripts; without
//! any, 40 generated 60-minute meetings from `tests/bench/gen.rs`). `tests/bench/run.sh`
//! runs it on the generated corpus and on `../shared/corpus`. Stages, each on one thread
//! unless said otherwise:
//!
//! | stage | what is timed | unit |
//! | --- | --- | --- |
//! | `parse_turns` | `turnstat::ingest::load` (decode, detect, WebVTT, speakers, turns) | input MB/s |
//! | `dynamics` | `turnstat::metrics::compute_dynamics` (`compute` without language) | input MB/s |
//! | `inclusive` | `turnstat::inclusive::Lexicon::find` over every segment text | text MB/s |
//! | `vader_1t`, `vader_2t` | `turnstat::sentiment::Analyzer::polarity_scores` over every sentence, rayon pools of 1 and 2 threads | sentences/s |
//! | `language` | `turnstat::metrics::language::analyze` (sentence split + VADER + inclusive + findings) | input MB/s |
//! | `report` | `turnstat::report::analyze` after ingest (all metrics and the report model) | input MB/s |
//! | `pipeline_1t`, `pipeline_2t` | ingest + report of every file, rayon pools of 1 and 2 threads | input MB/s |
//!
//! Each stage is run `BENCH_REPS` times (default 5; each run at least ~0.2 s), and the median
//! is printed, with the spread (min–max). `BENCH_ONLY=language,report` runs only those
//! stages (for profiling one with `perf record`). The load average is printed before and after, since
//! other processes on a 2-core machine skew every figure. The last lines,
//! `stage NAME value=… unit=…`, are for scripts.

#[path = "gen.rs"]
mod gen_corpus;

use rayon::prelude::*;
use std::hint::black_box;
use std::time::Instant;
use turnstat::inclusive::Options;
use turnstat::ingest::{self, IngestOptions};
use turnstat::metrics::{self, MetricsOptions, language};
use turnstat::model::Transcript;
use turnstat::sentiment::Analyzer;

const MIN_RUN_SECS: f64 = 0.2;

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "n/a".to_string())
}

/// The corpus: (name, bytes) of every transcript under the arguments, in sorted order.
fn corpus(args: &[String]) -> (String, Vec<(String, Vec<u8>)>) {
    if args.is_empty() {
        let files = (0..40)
            .map(|i| {
                let (name, text) = gen_corpus::meeting(1, i, 60);
                (name, text.into_bytes())
            })
            .collect();
        return (
            "generated: 40 meetings of 60 min (seed 1)".to_string(),
            files,
        );
    }
    let paths: Vec<std::path::PathBuf> = args.iter().map(Into::into).collect();
    let (inputs, errors) = turnstat::discover::expand(&paths);
    if inputs.is_empty() {
        eprintln!("stages: no transcript files found in the given paths");
        std::process::exit(2)
    }
    for e in errors {
        eprintln!("stages: {}: {}", e.path, e.message);
    }
    let files = inputs
        .iter()
        .filter_map(|i| {
            // Chat exports are not transcripts: the stages measure transcripts only.
            let p = i.path().filter(|p| !turnstat::discover::is_chat_file(p))?;
            std::fs::read(p).ok().map(|b| (p.display().to_string(), b))
        })
        .collect();
    (args.join(" "), files)
}

struct Stage {
    name: &'static str,
    unit: &'static str,
    /// Per run: (amount per wall second, amount per CPU second).
    values: Vec<(f64, f64)>,
}

/// CPU time of this process so far, in ns: the sum over its threads of the time they ran
/// (`/proc/self/task/*/schedstat`, Linux). `None` elsewhere.
fn cpu_ns() -> Option<u64> {
    let mut total = 0;
    for e in std::fs::read_dir("/proc/self/task").ok()? {
        let s = std::fs::read_to_string(e.ok()?.path().join("schedstat")).ok()?;
        total += s.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(total)
}

/// Runs `f` (one pass, returning the amount processed) until at least `MIN_RUN_SECS` have
/// passed; returns amount per second.
fn timed(mut f: impl FnMut() -> f64) -> (f64, f64) {
    let cpu0 = cpu_ns();
    let start = Instant::now();
    let mut amount = 0.0;
    loop {
        amount += f();
        let s = start.elapsed().as_secs_f64();
        if s >= MIN_RUN_SECS {
            let cpu = match (cpu0, cpu_ns()) {
                (Some(a), Some(b)) if b > a => (b - a) as f64 / 1e9,
                _ => f64::NAN,
            };
            return (amount / s, amount / cpu);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let reps: usize = std::env::var("BENCH_REPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5)
        .max(1);
    let only: Option<Vec<String>> = std::env::var("BENCH_ONLY")
        .ok()
        .map(|s| s.split(',').map(str::to_string).collect());
    let run = |name: &str| only.as_ref().is_none_or(|o| o.iter().any(|x| x == name));
    let (source, files) = corpus(&args);
    let input_mb = files.iter().map(|f| f.1.len()).sum::<usize>() as f64 / 1e6;
    let opts = IngestOptions::default();
    let mopts = MetricsOptions::default();
    let lexicon = language::builtin_lexicon();
    let inclusive = Options::default();
    let analyzer = Analyzer::global();

    // Everything the later stages read, prepared once (and not timed).
    let transcripts: Vec<Transcript> = files
        .iter()
        .filter_map(|(name, b)| ingest::load(name, b, &opts).ok())
        .flatten()
        .collect();
    let texts: Vec<&str> = transcripts
        .iter()
        .flat_map(|t| t.segments.iter().map(|s| s.text.as_str()))
        .collect();
    let text_mb = texts.iter().map(|t| t.len()).sum::<usize>() as f64 / 1e6;
    let sentences: Vec<&str> = texts
        .iter()
        .flat_map(|t| metrics::sentences::split(t).into_iter().map(|(_, s)| s))
        .filter(|s| {
            s.chars().any(char::is_alphabetic) && !s.split_whitespace().all(|w| w.starts_with('['))
        })
        .collect();
    let segments = texts.len();
    let turns: usize = transcripts.iter().map(|t| t.turns.len()).sum();
    println!("corpus: {source}");
    println!(
        "  {} files, {} transcripts, {input_mb:.1} MB input, {segments} segments ({text_mb:.1} MB text), {turns} turns, {} sentences",
        files.len(),
        transcripts.len(),
        sentences.len()
    );
    println!("  load average before: {}", loadavg());

    let pool = |n| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .expect("thread pool")
    };
    let (pool1, pool2) = (pool(1), pool(2));
    let mut stages = vec![
        Stage {
            name: "parse_turns",
            unit: "MB/s",
            values: vec![],
        },
        Stage {
            name: "dynamics",
            unit: "MB/s",
            values: vec![],
        },
        Stage {
            name: "inclusive",
            unit: "MB/s",
            values: vec![],
        },
        Stage {
            name: "vader_1t",
            unit: "sentences/s",
            values: vec![],
        },
        Stage {
            name: "vader_2t",
            unit: "sentences/s",
            values: vec![],
        },
        Stage {
            name: "language",
            unit: "MB/s",
            values: vec![],
        },
        Stage {
            name: "report",
            unit: "MB/s",
            values: vec![],
        },
        Stage {
            name: "pipeline_1t",
            unit: "MB/s",
            values: vec![],
        },
        Stage {
            name: "pipeline_2t",
            unit: "MB/s",
            values: vec![],
        },
    ];
    let vader = |pool: &rayon::ThreadPool| {
        pool.install(|| {
            let sum: f64 = sentences
                .par_iter()
                .with_min_len(256)
                .map(|s| analyzer.polarity_scores(black_box(s)).compound)
                .sum();
            black_box(sum);
        });
        sentences.len() as f64
    };
    let pipeline = |pool: &rayon::ThreadPool| {
        pool.install(|| {
            let n: usize = files
                .par_iter()
                .map(|(name, b)| match ingest::load(name, b, &opts) {
                    Ok(ts) => ts
                        .iter()
                        .map(|t| turnstat::report::analyze(t, &mopts).speakers.len())
                        .sum(),
                    Err(_) => 0,
                })
                .sum();
            black_box(n);
        });
        input_mb
    };
    // Warm-up: lexicons, tables, thread-local buffers.
    vader(&pool1);
    vader(&pool2);
    black_box(lexicon.find("warm up", &inclusive));
    for rep in 0..reps {
        if run("parse_turns") {
            stages[0].values.push(timed(|| {
                for (name, b) in &files {
                    black_box(ingest::load(name, b, &opts).map(|t| t.len()).unwrap_or(0));
                }
                input_mb
            }));
        }
        if run("dynamics") {
            stages[1].values.push(timed(|| {
                for t in &transcripts {
                    black_box(metrics::compute_dynamics(t, &mopts).switches);
                }
                input_mb
            }));
        }
        if run("inclusive") {
            stages[2].values.push(timed(|| {
                for t in &texts {
                    black_box(lexicon.find(t, &inclusive).len());
                }
                text_mb
            }));
        }
        // Alternate the order of the 1- and 2-thread runs so that drifts hit both alike.
        for k in [rep % 2, 1 - rep % 2] {
            let (i, name, pool) = if k == 0 {
                (3, "vader_1t", &pool1)
            } else {
                (4, "vader_2t", &pool2)
            };
            if run(name) {
                stages[i].values.push(timed(|| vader(pool)));
            }
        }
        if run("language") {
            stages[5].values.push(timed(|| {
                for t in &transcripts {
                    let langs = turnstat::lang::Languages::english(t.speakers.len());
                    black_box(
                        language::analyze(t, lexicon, &inclusive, &langs)
                            .sentences
                            .len(),
                    );
                }
                input_mb
            }));
        }
        if run("report") {
            stages[6].values.push(timed(|| {
                for t in &transcripts {
                    black_box(turnstat::report::analyze(t, &mopts).turns);
                }
                input_mb
            }));
        }
        if run("pipeline_1t") {
            stages[7].values.push(timed(|| pipeline(&pool1)));
        }
        if run("pipeline_2t") {
            stages[8].values.push(timed(|| pipeline(&pool2)));
        }
    }
    stages.retain(|s| !s.values.is_empty());
    println!("  load average after: {}", loadavg());
    println!(
        "  median of {reps} runs (min–max); per wall second, and per CPU second (= per core; \
         little affected by other load)"
    );
    let mut rows = Vec::new();
    for s in &stages {
        let mut wall: Vec<f64> = s.values.iter().map(|v| v.0).collect();
        let mut cpu: Vec<f64> = s.values.iter().map(|v| v.1).collect();
        let (lo, hi) = (
            wall.iter().copied().fold(f64::INFINITY, f64::min),
            wall.iter().copied().fold(0.0, f64::max),
        );
        let (w, c) = (median(&mut wall), median(&mut cpu));
        println!(
            "  {:<12} {w:>11.1} {:<12} ({lo:.1}–{hi:.1})   per CPU-s {c:>11.1}",
            s.name, s.unit
        );
        rows.push((s.name, s.unit, w, c));
    }
    let get = |name: &str| {
        rows.iter()
            .find(|r| r.0 == name)
            .map_or((0.0, 0.0), |r| (r.2, r.3))
    };
    for (one, two) in [("vader_1t", "vader_2t"), ("pipeline_1t", "pipeline_2t")] {
        let (a, b) = (get(one), get(two));
        if a.0 > 0.0 && b.0 > 0.0 {
            println!(
                "  {two} / {one}: {:.2} (wall; needs two idle cores); CPU efficiency of 2 threads {:.2} \
                 (2 idle cores would give ≈ {:.2}×)",
                b.0 / a.0,
                b.1 / a.1,
                2.0 * b.1 / a.1
            );
        }
    }
    for (name, unit, w, c) in &rows {
        println!("stage {name} value={w:.1} cpu_value={c:.1} unit={unit}");
    }
}
