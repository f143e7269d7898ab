//! Reports for coaching and CI, end to end through the binary: gates and exit codes, the
//! config file, `--out DIR`, `--anonymize`, the team report, `check`, `generate`.

use crate::util::{corpus, fixtures};
use assert_cmd::Command;

fn turnstat() -> Command {
    Command::new(assert_cmd::cargo::cargo_bin!("turnstat"))
}

fn zoom() -> std::path::PathBuf {
    fixtures().join("zoom/acdc_2026-02-19_175.vtt")
}

#[test]
fn gates_exit_3_with_a_message_per_failure() {
    // stokes holds 90 % of the Zoom fixture.
    let out = turnstat()
        .args([
            "analyze",
            "-q",
            "-f",
            "json",
            "--fail-on",
            "max_talk_share > 0.6",
            "--fail-on",
            "talk_share >= 0.05",
        ])
        .arg(zoom())
        .assert()
        .code(3)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("gate `max_talk_share > 0.6` failed"), "{err}");
    assert!(err.contains("stokes in"), "{err}");
    // A passing gate: exit 0.
    turnstat()
        .args([
            "analyze",
            "-q",
            "-f",
            "json",
            "--fail-on",
            "max_talk_share > 0.95",
        ])
        .arg(zoom())
        .assert()
        .code(0);
    // A bad gate is a usage error.
    let out = turnstat()
        .args(["analyze", "--fail-on", "talkshare > 1"])
        .arg(zoom())
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("unknown metric")
    );
}

#[test]
fn config_file_gates_aliases_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("turnstat.toml");
    std::fs::write(
        &cfg,
        "[speakers]\naliases = { \"Péter Szilágyi\" = [\"stokes\"] }\nexclude = [\"Trent\"]\n[gates]\nfail_on = [\"evenness < 0.5\"]\n",
    )
    .unwrap();
    let out = turnstat()
        .args(["analyze", "-q", "-f", "json", "--config"])
        .arg(&cfg)
        .arg(zoom())
        .assert()
        .code(3)
        .get_output()
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = v["meetings"][0]["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Péter Szilágyi")
            && !names.contains(&"stokes")
            && !names.contains(&"Trent"),
        "{names:?}"
    );
    // Unknown key: usage error naming the key and line.
    std::fs::write(&cfg, "[speakers]\nexclude = []\nshow_names = true\n").unwrap();
    let out = turnstat()
        .args(["analyze", "--config"])
        .arg(&cfg)
        .arg(zoom())
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("turnstat.toml:3") && err.contains("show_names"),
        "{err}"
    );
}

#[test]
fn out_dir_writes_summary_report_and_private_files() {
    let dir = tempfile::tempdir().unwrap();
    turnstat()
        .args(["analyze", "-q", "-f", "json", "--out"])
        .arg(dir.path())
        .arg(zoom())
        .arg(fixtures().join("ami/ES2005a.vtt"))
        .assert()
        .code(0);
    let meeting = dir.path().join("es2005a");
    assert!(meeting.join("summary.md").is_file());
    let r: serde_json::Value =
        serde_json::from_slice(&std::fs::read(meeting.join("report.json")).unwrap()).unwrap();
    assert_eq!(r["schema"], "turnstat.report.v1");
    let names: Vec<String> = std::fs::read_dir(meeting.join("speakers"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(
        names.iter().filter(|n| n.ends_with(".md")).count(),
        4,
        "{names:?}"
    );
    assert_eq!(
        names.iter().filter(|n| n.ends_with(".html")).count(),
        4,
        "{names:?}"
    );
    assert!(meeting.join("report.html").is_file());
    assert!(
        dir.path()
            .join("acdc-2026-02-19-175/speakers/stokes.md")
            .is_file()
    );
    // No temporary files left behind.
    let leftovers = walk(dir.path())
        .into_iter()
        .filter(|p| p.to_string_lossy().contains(".turnstat-"))
        .count();
    assert_eq!(leftovers, 0);
}

fn walk(p: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut v = Vec::new();
    for e in std::fs::read_dir(p).unwrap() {
        let path = e.unwrap().path();
        if path.is_dir() {
            v.extend(walk(&path));
        } else {
            v.push(path);
        }
    }
    v
}

#[test]
fn anonymize_hides_every_name_in_every_format() {
    let t = crate::util::load_ok(&zoom());
    let names: Vec<String> = t.speakers.clone();
    let dir = tempfile::tempdir().unwrap();
    let mut outputs = Vec::new();
    for f in ["table", "json", "jsonl", "csv", "md"] {
        let out = turnstat()
            .args(["analyze", "-q", "--anonymize", "-f", f, "--out"])
            .arg(dir.path())
            .arg(zoom())
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        outputs.push((f.to_string(), String::from_utf8(out).unwrap()));
    }
    for p in walk(dir.path()) {
        outputs.push((
            p.display().to_string(),
            std::fs::read_to_string(&p).unwrap(),
        ));
    }
    for (what, text) in &outputs {
        for n in &names {
            // Whole names, and each part of 4+ letters ("Parithosh", "Jayanthi"), as whole
            // words: how names are found (a chat's "besusaurus" is not the name "Besu").
            for part in std::iter::once(n.as_str()).chain(n.split(|c: char| !c.is_alphanumeric())) {
                if part.chars().count() >= 4 {
                    assert!(
                        !crate::util::contains_word(text, part),
                        "{what} contains `{part}` of `{n}`"
                    );
                }
            }
        }
        assert!(text.contains("Person "), "{what}");
    }
    // Stable: the same pseudonym on every run.
    let a = turnstat()
        .args(["analyze", "-q", "--anonymize", "-f", "json"])
        .arg(zoom())
        .output()
        .unwrap()
        .stdout;
    let b = turnstat()
        .args(["analyze", "-q", "--anonymize", "-f", "json"])
        .arg(zoom())
        .output()
        .unwrap()
        .stdout;
    assert_eq!(a, b);
}

#[test]
fn check_scores_each_line() {
    let out = turnstat()
        .args(["check", "--format", "jsonl", "-"])
        .write_stdin("No problem at all.\nHey guys, let's do a quick sanity check.\n")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["sentiment"]["compound"], 0.3089);
    let flags = lines[1]["flags"].as_array().unwrap();
    let ids: Vec<&str> = flags.iter().map(|f| f["text"].as_str().unwrap()).collect();
    assert_eq!(ids, ["guys", "sanity check"]);
    assert_eq!(flags[0]["start"], 4);
    assert_eq!(flags[0]["end"], 8);
}

#[test]
fn generate_man_and_completions() {
    let man = turnstat()
        .args(["generate", "man"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(man).unwrap().contains(".TH turnstat"));
    let bash = turnstat()
        .args(["generate", "completions", "bash"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(bash).unwrap().contains("turnstat"));
}

#[test]
fn team_report_over_the_zoom_calls_by_month() {
    let Some(c) = corpus() else { return };
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("turnstat.toml");
    std::fs::write(
        &cfg,
        "[speakers]\naliases = { \"Marius van der Wijden\" = [\"Marius Van Der Wijden (M)\", \"marius\"], \"Justin Florentine\" = [\"Justin Florentine (Besu)\"] }\n",
    )
    .unwrap();
    let out = turnstat()
        .args(["report", "-q", "--by", "month", "-f", "json", "--config"])
        .arg(&cfg)
        .arg(c.join("zoom-ethereum-acd"))
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["schema"], "turnstat.team.v1");
    assert_eq!(v["meetings"].as_array().unwrap().len(), 51);
    // Dates come from the file names (acdc_2026-02-05_174.vtt).
    assert!(
        v["meetings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["date_source"] == "file-name")
    );
    let periods: Vec<&str> = v["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["period"].as_str().unwrap())
        .collect();
    assert_eq!(
        periods,
        [
            "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08"
        ]
    );
    let people: Vec<&str> = v["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert!(people.contains(&"Marius van der Wijden"));
    assert!(!people.iter().any(|p| p.contains("(M)")), "aliases merged");
    // The second period carries changes against the first.
    let feb_march = &v["periods"][1]["people"];
    assert!(
        feb_march
            .as_array()
            .unwrap()
            .iter()
            .any(|p| !p["talk_share_change"].is_null())
    );
    // A baseline of itself: every change is zero.
    let base = dir.path().join("base.json");
    std::fs::write(&base, &out).unwrap();
    let again = turnstat()
        .args(["report", "-q", "--by", "month", "-f", "json", "--config"])
        .arg(&cfg)
        .arg("--baseline")
        .arg(&base)
        .arg(c.join("zoom-ethereum-acd"))
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v2: serde_json::Value = serde_json::from_slice(&again).unwrap();
    for p in v2["baseline"].as_array().unwrap() {
        for (_, d) in p["metrics"].as_object().unwrap() {
            assert!(d[2].is_null() || d[2] == 0.0, "{p}");
        }
    }
}

/// A person page across meetings quotes its person only: each speaker says a word no one
/// else says; the page holds its person's word (in their quotes) and never another's, and
/// another speaker's name said by the person becomes "Participant N". The pages are written
/// for everyone, with the slugs of the per-meeting reports.
#[test]
fn person_pages_quote_only_their_person() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = |n: u32| {
        format!(
            "WEBVTT\n\n\
00:00:00.000 --> 00:00:20.000\n<v Ann Lee>I love this wonderful plan zebrafoxtrot{n}, you guys did amazing work on the release.\n\n\
00:00:15.000 --> 00:00:25.000\n<v Bo Chen>No, wait, that is wrong quokkamango{n}, the numbers are terrible and broken.\n\n\
00:00:25.500 --> 00:00:40.000\n<v Ann Lee>Thanks Bo Chen, sadly the zebrafoxtrot{n} budget is a disaster and I hate the delay.\n\n\
00:00:40.500 --> 00:00:55.000\n<v Bo Chen>Happy to help Ann Lee with quokkamango{n}, great effort and lovely progress overall.\n\n\
00:00:55.500 --> 00:01:10.000\n<v Cy Diaz>Honestly the xylophonekiwi{n} tests are awful, but the fix is a brilliant success.\n"
        )
    };
    for (k, date) in ["2026-03-02", "2026-04-06"].iter().enumerate() {
        std::fs::write(
            dir.path().join(format!("team_{date}.vtt")),
            meeting(k as u32 + 1),
        )
        .unwrap();
    }
    let out = dir.path().join("out");
    turnstat()
        .args(["report", "-q", "--by", "month", "-f", "json", "--out"])
        .arg(&out)
        .arg(dir.path().join("team_2026-03-02.vtt"))
        .arg(dir.path().join("team_2026-04-06.vtt"))
        .assert()
        .code(0);
    let words = [
        ("ann-lee", "zebrafoxtrot"),
        ("bo-chen", "quokkamango"),
        ("cy-diaz", "xylophonekiwi"),
    ];
    for (slug, mine) in words {
        for ext in ["md", "html"] {
            let page = std::fs::read_to_string(out.join(format!("people/{slug}.{ext}"))).unwrap();
            assert!(page.contains(mine), "{slug}.{ext} lacks its own words");
            for (_, theirs) in words.iter().filter(|w| w.1 != mine) {
                assert!(!page.contains(theirs), "{slug}.{ext} quotes {theirs}");
            }
            for name in ["Ann Lee", "Bo Chen", "Cy Diaz"] {
                if !slug.starts_with(&name[..2].to_lowercase()) {
                    assert!(!page.contains(name), "{slug}.{ext} names {name}");
                }
            }
        }
    }
    let ann = std::fs::read_to_string(out.join("people/ann-lee.md")).unwrap();
    assert!(ann.contains("Participant 2"), "{ann}");
    assert!(ann.contains("You attended 2 of the 2 meetings"), "{ann}");
    assert!(ann.contains("“you guys”"), "{ann}");
    // Written atomically: no temporary file left.
    assert!(
        walk(&out)
            .iter()
            .all(|p| !p.to_string_lossy().contains(".turnstat-"))
    );
    // Byte-identical on a second run.
    let again = dir.path().join("again");
    turnstat()
        .args(["report", "-q", "--by", "month", "-f", "json", "--out"])
        .arg(&again)
        .arg(dir.path().join("team_2026-04-06.vtt"))
        .arg(dir.path().join("team_2026-03-02.vtt"))
        .assert()
        .code(0);
    for f in [
        "people/ann-lee.md",
        "people/bo-chen.html",
        "team.html",
        "team.md",
    ] {
        assert_eq!(
            std::fs::read(out.join(f)).unwrap(),
            std::fs::read(again.join(f)).unwrap(),
            "{f}"
        );
    }
}

/// `--min-meetings` and `[report] min_meetings` set the fold; the flag wins.
#[test]
fn min_meetings_flag_and_config() {
    let Some(c) = corpus() else { return };
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("turnstat.toml");
    std::fs::write(&cfg, "[report]\nmin_meetings = 5\n").unwrap();
    let run = |extra: &[&str]| -> serde_json::Value {
        let out = turnstat()
            .args(["report", "-q", "--by", "month", "-f", "json", "--config"])
            .arg(&cfg)
            .args(extra)
            .arg(c.join("zoom-ethereum-acd"))
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).unwrap()
    };
    assert_eq!(run(&[])["min_meetings"], 5);
    let v = run(&["--min-meetings", "3"]);
    assert_eq!(v["min_meetings"], 3);
    // The summary model is in the JSON: per period the team's figures and their change.
    assert!(v["periods"][0]["team_change"].is_null());
    assert!(v["periods"][1]["team_change"]["gini_mean"].is_number());
    assert!(v["periods"][1]["team"]["hours"].is_number());
    assert_eq!(v["what_changed"]["to"], "2026-08");
}
