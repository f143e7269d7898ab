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
