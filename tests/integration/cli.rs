//! The binary: exit codes, output formats, determinism, batches with bad files.

use crate::util::fixtures;
use assert_cmd::Command;

fn turnstat() -> Command {
    Command::new(assert_cmd::cargo::cargo_bin!("turnstat"))
}

#[test]
fn turns_json_is_deterministic_and_exit_zero() {
    let dir = fixtures().join("podcast");
    let a = turnstat()
        .args(["turns", "--format", "json"])
        .arg(&dir)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let b = turnstat()
        .args(["turns", "--format", "json"])
        .arg(&dir)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert_eq!(a, b);
    let v: serde_json::Value = serde_json::from_slice(&a).unwrap();
    assert_eq!(v["schema"], "turnstat.turns.v1");
    let sources: Vec<&str> = v["transcripts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["source"].as_str().unwrap())
        .collect();
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted, "sorted input order");
}

#[test]
fn bad_file_rejected_rest_of_batch_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("bad.json");
    std::fs::write(&bad, "{\"results\": [1, 2,").unwrap();
    let good = fixtures().join("podcast/podcast-namespace_example.vtt");
    let out = turnstat()
        .args(["turns", "--format", "csv"])
        .arg(&bad)
        .arg(&good)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("bad.json:1:"), "{stderr}");
    assert!(stderr.contains("error"), "{stderr}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("Sarah"), "the good file is still reported");
}

#[test]
fn missing_path_and_usage_errors() {
    turnstat()
        .args(["turns", "/nonexistent/file.vtt"])
        .assert()
        .code(1);
    turnstat()
        .args(["turns", "--max-pause", "-1", "x.vtt"])
        .assert()
        .code(2);
    turnstat().args(["turns"]).assert().code(2);
    turnstat().args(["frobnicate"]).assert().code(2);
}

#[test]
fn stdin_and_forced_format() {
    turnstat()
        .args(["turns", "--format", "csv", "--input-format", "text", "-"])
        .write_stdin("Ann: hello there\nBo: hi\nAnn: bye\n")
        .assert()
        .code(0)
        .stdout(predicates::str::contains("-,text,3,Ann,,,false,bye"));
}

#[test]
fn strict_turns_warnings_into_errors() {
    let f = fixtures().join("podcast/transcriptator_podnews_daily_2024-01-25.vtt");
    turnstat()
        .args(["turns", "--format", "json"])
        .arg(&f)
        .assert()
        .code(0);
    turnstat()
        .args(["turns", "--strict", "--format", "json"])
        .arg(&f)
        .assert()
        .code(1);
}

#[test]
fn csv_cells_are_neutralised() {
    turnstat()
        .args(["turns", "--format", "csv", "-"])
        .write_stdin("Ann: =HYPERLINK(\"http://x\")\nAnn: again\n")
        .assert()
        .stdout(predicates::str::contains("'=HYPERLINK"));
}

/// `analyze` streams its output in chunks; the JSON document equals the one rendered from the
/// whole report at once, and every format is deterministic.
#[test]
fn streamed_json_equals_whole_report() {
    use turnstat::report::Report;
    let paths = vec![
        fixtures().join("podcast"),
        fixtures().join("dynamics"),
        fixtures().join("ami"),
    ];
    let mut cmd = turnstat();
    cmd.args(["analyze", "-q", "-f", "json"]);
    for p in &paths {
        cmd.arg(p);
    }
    let streamed = cmd.assert().code(0).get_output().stdout.clone();
    let (inputs, _) = turnstat::discover::expand(&paths);
    let cfg = turnstat::config::Config::default();
    let settings = turnstat::pipeline::Settings {
        ingest: Default::default(),
        metrics: Default::default(),
        people: turnstat::speakers::People::default(),
        config: cfg,
    };
    let meetings = turnstat::pipeline::analyze_all(&inputs, &settings)
        .into_iter()
        .flat_map(|o| o.unwrap())
        .collect();
    let whole = Report {
        schema: turnstat::report::SCHEMA,
        tool: turnstat::report::Tool::default(),
        meetings,
        errors: vec![],
    };
    assert_eq!(
        String::from_utf8(streamed).unwrap(),
        turnstat::render::report::json(&whole)
    );
    for f in ["table", "jsonl", "csv", "md"] {
        let run = || {
            let mut c = turnstat();
            c.args(["analyze", "-q", "-f", f]);
            for p in &paths {
                c.arg(p);
            }
            c.output().unwrap().stdout
        };
        assert_eq!(run(), run(), "{f}");
    }
}
