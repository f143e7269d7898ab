//! Meeting series (`series`, `[[series]]`, `report --series`, `--by series`) and speakers that
//! are not people (`not_people`, `[speakers] not_people`, `--not-person`), end to end through
//! the binary.

use crate::util::{corpus, fixtures, speaker_names};
use assert_cmd::Command;
use serde_json::Value;

fn turnstat() -> Command {
    Command::new(assert_cmd::cargo::cargo_bin!("turnstat"))
}

fn non_people_vtt() -> std::path::PathBuf {
    fixtures().join("people/non-people.vtt")
}

fn json_of(args: &[&str], paths: &[&std::path::Path]) -> Value {
    let mut cmd = turnstat();
    cmd.args(args);
    for p in paths {
        cmd.arg(p);
    }
    let out = cmd.assert().code(0).get_output().stdout.clone();
    serde_json::from_slice(&out).unwrap()
}

fn names(v: &Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|x| x["name"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// `analyze -f json --config CFG INPUT`.
fn analyze_with(cfg: &std::path::Path, input: &std::path::Path) -> Value {
    let mut cmd = turnstat();
    cmd.args(["analyze", "-q", "--no-chat", "-f", "json", "--config"]);
    let out = cmd
        .arg(cfg)
        .arg(input)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

/// `analyze -f json` of the fixture with a config file of this text.
fn with_config(text: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("turnstat.toml");
    std::fs::write(&cfg, text).unwrap();
    analyze_with(&cfg, &non_people_vtt())
}

/// The labels of a team report's periods (or series), in order.
fn labels(v: &Value) -> Vec<&str> {
    v["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["period"].as_str().unwrap())
        .collect()
}

fn close(a: &Value, b: f64) -> bool {
    a.as_f64().is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn non_people_have_no_per_person_figures_and_no_place_in_the_balance() {
    let v = json_of(&["analyze", "-q", "-f", "json"], &[&non_people_vtt()]);
    let m = &v["meetings"][0];
    assert_eq!(speaker_names(m), ["Ana", "Bo", "Cy"]);
    assert_eq!(
        names(m, "not_people"),
        ["Audio shared by Ana", "Fireflies.ai Notetaker Cy"]
    );
    assert!(close(&m["not_people"][0]["talk_seconds"], 30.0));
    assert!(close(&m["not_people"][1]["talk_seconds"], 5.0));
    // Their time is speech of the meeting: 0:00–1:53 is covered end to end.
    assert!(close(&m["duration_seconds"], 113.0));
    assert!(close(&m["speech_seconds"], 113.0));
    // Talk: Ana 20 + 20 = 40 s, Bo 20 s, Cy 20 s; over people only Σ = 80 s, so the shares
    // are 40/80 = 0.5, 20/80 = 0.25, 0.25 and sum to 1 (with the 35 s of shared audio and
    // bot they would be 40/115, 20/115, …).
    let shares: Vec<f64> = m["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["talk_share"].as_f64().unwrap())
        .collect();
    assert_eq!(shares, [0.5, 0.25, 0.25]);
    // Balance over the three people, x = (40, 20, 20), n = 3, μ = 80/3:
    // Σᵢ Σⱼ |xᵢ − xⱼ| = 4 × |40 − 20| = 80 (Ana against Bo and Cy, both orders);
    // Gini = 80 / (2 × 3² × 80/3) = 80 / 480 = 1/6 = 0.1667.
    // Max share 40/80 = 0.5 against the equal share 1/3 = 0.3333.
    // Evenness: H = −(0.5 ln 0.5 + 2 × 0.25 ln 0.25) = 0.34657 + 0.69315 = 1.03972;
    // H / ln 3 = 1.03972 / 1.09861 = 0.9464.
    // Turns (2, 1, 1): Σ|·| = 4 × 1 = 4; 4 / (2 × 9 × 4/3) = 4/24 = 0.1667.
    let b = &m["balance"];
    assert_eq!(b["people"], 3);
    assert!(close(&b["gini"], 0.1667), "{b}");
    assert!(close(&b["max_share"], 0.5), "{b}");
    assert!(close(&b["equal_share"], 0.3333), "{b}");
    assert!(close(&b["evenness"], 0.9464), "{b}");
    assert!(close(&b["turn_gini"], 0.1667), "{b}");
    // No event with them (Bo came in over the shared video: not an interruption of anyone),
    // and the matrix is over people.
    assert_eq!(
        m["matrix"]["speakers"],
        serde_json::json!(["Ana", "Bo", "Cy"])
    );
    for e in m["interruptions"].as_array().unwrap() {
        for k in ["who", "whom"] {
            let n = e[k].as_str().unwrap();
            assert!(["Ana", "Bo", "Cy"].contains(&n), "{e}");
        }
    }
    // A warning names each of them, and the left-out event.
    let w: Vec<&str> = m["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert!(w.contains(
        &"`Audio shared by Ana` is not a person (non-people list): its 30 s of speech counts \
          in the meeting but not in anyone's share"
    ));
    assert!(
        w.iter()
            .any(|w| w.starts_with("`Fireflies.ai Notetaker Cy` is not a person"))
    );
    assert!(
        w.iter()
            .any(|w| w.starts_with("1 overlap event with a speaker"))
    );
}

#[test]
fn non_people_in_every_format_and_in_the_team_report() {
    // No private report, no row, no table line for them.
    let dir = tempfile::tempdir().unwrap();
    turnstat()
        .args(["analyze", "-q", "-f", "csv", "--out"])
        .arg(dir.path())
        .arg(non_people_vtt())
        .assert()
        .code(0);
    let mut private: Vec<String> = std::fs::read_dir(dir.path().join("non-people/speakers"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    private.sort();
    assert_eq!(
        private,
        ["ana.html", "ana.md", "bo.html", "bo.md", "cy.html", "cy.md"]
    );
    // Bo's private report names no one else, not even inside a non-person's name.
    let bo = std::fs::read_to_string(dir.path().join("non-people/speakers/bo.md")).unwrap();
    assert!(bo.contains("Audio shared by Participant 1"), "{bo}");
    assert!(!bo.contains("Ana") && !bo.contains(" Cy"), "{bo}");
    let csv = turnstat()
        .args(["analyze", "-q", "-f", "csv"])
        .arg(non_people_vtt())
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let csv = String::from_utf8(csv).unwrap();
    assert_eq!(csv.lines().count(), 4, "{csv}");
    assert!(!csv.contains("Audio shared") && !csv.contains("Notetaker"));
    for f in ["md", "table"] {
        let out = turnstat()
            .args(["analyze", "-q", "-f", f])
            .arg(non_people_vtt())
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        let out = String::from_utf8(out).unwrap();
        assert!(out.to_lowercase().contains("not people"), "{f}: {out}");
    }
    // The team report: people only; the others summed up under `not_people`.
    let v = json_of(&["report", "-q", "-f", "json"], &[&non_people_vtt()]);
    assert_eq!(names(&v, "people"), ["Ana", "Bo", "Cy"]);
    assert_eq!(
        names(&v, "not_people"),
        ["Audio shared by Ana", "Fireflies.ai Notetaker Cy"]
    );
    assert_eq!(v["not_people"][0]["meetings"], 1);
    assert!(close(&v["not_people"][0]["talk_seconds"], 30.0));
    assert_eq!(
        names(&v["meetings"][0], "not_people"),
        ["Audio shared by Ana", "Fireflies.ai Notetaker Cy"]
    );
    assert!(close(&v["periods"][0]["team"]["gini_mean"], 0.1667));
}

#[test]
fn users_extend_the_list_in_the_config_and_on_the_command_line() {
    // Cy is not a person either: people (40, 20), shares 40/60 = 0.6667 and 0.3333;
    // Gini = 2 × 20 / (2 × 2² × 30) = 40/240 = 0.1667, max share 0.6667, equal share 0.5.
    let check = |v: &Value| {
        let m = &v["meetings"][0];
        assert_eq!(speaker_names(m), ["Ana", "Bo"]);
        assert!(names(m, "not_people").contains(&"Cy".to_string()));
        assert!(close(&m["balance"]["max_share"], 0.6667));
        assert!(close(&m["balance"]["gini"], 0.1667));
        assert!(close(&m["balance"]["equal_share"], 0.5));
    };
    check(&json_of(
        &["analyze", "-q", "-f", "json", "--not-person", "c*"],
        &[&non_people_vtt()],
    ));
    check(&with_config("[speakers]\nnot_people = [\"CY\"]\n"));
    // An alias turns a listed name into a person (the way out of a false match).
    let v = with_config("[speakers]\naliases = { \"Ana's video\" = [\"Audio shared by Ana\"] }\n");
    assert_eq!(
        speaker_names(&v["meetings"][0]),
        ["Ana", "Ana's video", "Bo", "Cy"]
    );
}

#[test]
fn anonymized_non_people_stay_non_people_and_name_no_one() {
    let v = json_of(
        &["analyze", "-q", "-f", "json", "--anonymize"],
        &[&non_people_vtt()],
    );
    let m = &v["meetings"][0];
    let np = names(m, "not_people");
    assert_eq!(np.len(), 2, "{np:?}");
    let ana = turnstat::speakers::pseudonym("Ana");
    assert_eq!(np[0], format!("Audio shared by {ana}"));
    assert!(speaker_names(m).contains(&ana));
    let text = serde_json::to_string(&v).unwrap();
    for name in ["\"Ana\"", "Ana ", " Cy", "\"Bo\""] {
        assert!(!text.contains(name), "{name} in {text}");
    }
}

/// Every speaker name in `../shared/corpus` that the built-in list takes for a non-person:
/// precision first (no person caught), and the bots found.
#[test]
fn corpus_names_on_the_non_people_list() {
    let Some(c) = corpus() else { return };
    let list = turnstat::nonpeople::NonPeople::builtin();
    let (inputs, _) = turnstat::discover::expand(&[c]);
    let mut all = std::collections::BTreeSet::new();
    for o in turnstat::batch::load_all(&inputs, &Default::default())
        .into_iter()
        .flatten()
    {
        for t in o {
            all.extend(t.speakers);
        }
    }
    let hits: Vec<&String> = all.iter().filter(|n| list.matches(n)).collect();
    eprintln!(
        "{} speaker names; on the non-people list: {hits:?}",
        all.len()
    );
    assert_eq!(hits, ["EF Zoom Bot"]);
    // Look-alikes that are people: a handle ending in `-bot`, Zoom's default user name.
    for person in ["dionysuz-bot", "Zoom user"] {
        assert!(all.contains(person) && !list.matches(person), "{person}");
    }
}

#[test]
fn series_by_default_from_the_file_name_and_side_by_side() {
    let Some(c) = corpus() else { return };
    let acd = c.join("zoom-ethereum-acd");
    let v = json_of(&["report", "-q", "--by", "series", "-f", "json"], &[&acd]);
    assert_eq!(v["by"], "series");
    assert_eq!(labels(&v), ["acdc", "acde", "acdt"]);
    let meetings = v["meetings"].as_array().unwrap();
    assert_eq!(meetings.len(), 51);
    let total: u64 = v["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["team"]["meetings"].as_u64().unwrap())
        .sum();
    assert_eq!(total, 51);
    for m in meetings {
        let file = m["source"].as_str().unwrap().rsplit('/').next().unwrap();
        assert!(
            file.starts_with(&format!("{}_", m["series"].as_str().unwrap())),
            "{m}"
        );
    }
    // Series are not a sequence: no change against "the previous" one, no trend.
    for p in v["periods"].as_array().unwrap() {
        for q in p["people"].as_array().unwrap() {
            assert!(q["talk_share_change"].is_null());
        }
    }
    assert!(
        v["people"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["talk_share_trend"].is_null())
    );

    // --series filters (letter case ignored, repeatable).
    let v = json_of(
        &[
            "report", "-q", "--by", "month", "-f", "json", "--series", "ACDE", "--series", "acdt",
        ],
        &[&acd],
    );
    let series: std::collections::BTreeSet<&str> = v["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["series"].as_str().unwrap())
        .collect();
    assert_eq!(series.into_iter().collect::<Vec<_>>(), ["acde", "acdt"]);
    assert_eq!(v["series"], serde_json::json!(["ACDE", "acdt"]));

    // An unknown series is a usage error that lists the series found.
    let out = turnstat()
        .args(["report", "-q", "--series", "acdx"])
        .arg(&acd)
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(
        err.contains("`acdx`") && err.contains("acdc, acde, acdt"),
        "{err}"
    );
}

#[test]
fn a_series_glob_in_the_config_overrides_the_default() {
    let Some(c) = corpus() else { return };
    let acd = c.join("zoom-ethereum-acd");
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("turnstat.toml");
    std::fs::write(
        &cfg,
        "[[series]]\nname = \"Core devs\"\nmatch = [\"acdc_*.vtt\", \"zoom-ethereum-acd/acde_*\"]\n\n\
         [[roster]]\nseries = \"core DEVS\"\nattendees = [\"Somebody Silent\"]\n",
    )
    .unwrap();
    let v = json_of(
        &[
            "report",
            "-q",
            "--by",
            "series",
            "-f",
            "json",
            "--config",
            cfg.to_str().unwrap(),
        ],
        &[&acd],
    );
    let periods: Vec<(&str, u64)> = v["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["period"].as_str().unwrap(),
                p["team"]["meetings"].as_u64().unwrap(),
            )
        })
        .collect();
    let acdt = std::fs::read_dir(&acd)
        .unwrap()
        .filter(|e| {
            let n = e
                .as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .into_owned();
            n.starts_with("acdt_") && n.ends_with(".vtt")
        })
        .count() as u64;
    assert_eq!(periods, [("acdt", acdt), ("Core devs", 51 - acdt)]);
    // The roster of the series applies to its meetings, not to the others (chats left out:
    // their writers are attendees too).
    let one = |name: &str| analyze_with(&cfg, &acd.join(name));
    let m = one("acdc_2026-02-05_174.vtt");
    assert_eq!(m["meetings"][0]["series"], "Core devs");
    assert_eq!(
        m["meetings"][0]["silent_attendees"],
        serde_json::json!(["Somebody Silent"])
    );
    let m = one("acdt_2026-06-01_081.vtt");
    assert_eq!(m["meetings"][0]["series"], "acdt");
    assert_eq!(m["meetings"][0]["silent_attendees"], serde_json::json!([]));
}

#[test]
fn series_of_the_fixtures_without_the_corpus() {
    let v = json_of(
        &["report", "-q", "--by", "series", "-f", "json"],
        &[&fixtures().join("zoom"), &fixtures().join("people")],
    );
    assert_eq!(labels(&v), ["acdc", "non-people"]);
    let v = json_of(
        &["analyze", "-q", "-f", "json"],
        &[&fixtures().join("zoom")],
    );
    assert_eq!(v["meetings"][0]["series"], "acdc");
}
