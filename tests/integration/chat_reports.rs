//! Chat in the pipeline: pairing without flags, private messages in no output, the turns
//! JSON round trip, chat figures and quotes in the reports.

use crate::util::{corpus, fixtures};
use std::path::{Path, PathBuf};
use std::process::Command;
use turnstat::discover::{self, Input};

fn turnstat() -> Command {
    Command::new(assert_cmd::cargo::cargo_bin!("turnstat"))
}

fn run(args: &[&str]) -> (String, i32) {
    let out = turnstat().args(args).output().expect("runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

fn standup() -> PathBuf {
    fixtures().join("chat/standup/standup.vtt")
}

fn local_folder() -> PathBuf {
    fixtures().join("chat/zoom-local/2024-03-05 10.00.01 Team Sync")
}

fn analyze_json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["analyze", "-q", "--format", "json"];
    all.extend(args);
    let (out, code) = run(&all);
    assert_eq!(code, 0, "{out}");
    serde_json::from_str(&out).expect("json")
}

#[test]
fn chats_pair_by_name_and_by_recording_folder() {
    let (inputs, errors) = discover::expand(&[fixtures().join("chat")]);
    assert!(errors.is_empty());
    let paired = discover::pair(inputs);
    let pairs: Vec<(String, String)> = paired
        .iter()
        .filter_map(|i| match i {
            Input::Paired { transcript, chat } => Some((
                transcript.file_name()?.to_string_lossy().into_owned(),
                chat.file_name()?.to_string_lossy().into_owned(),
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        pairs,
        vec![
            ("standup.vtt".to_string(), "standup.chat.txt".to_string()),
            (
                "GMT20240305-100001_Recording.transcript.vtt".to_string(),
                "meeting_saved_chat.txt".to_string()
            ),
        ]
    );
    // The two real chats without a transcript are analysed alone.
    let alone: Vec<&Path> = paired
        .iter()
        .filter_map(|i| match i {
            Input::File(p) => Some(p.as_path()),
            _ => None,
        })
        .collect();
    assert_eq!(alone.len(), 2, "{alone:?}");
    // A transcript named alone still finds its chat beside it.
    let one = discover::pair(vec![Input::File(standup())]);
    assert!(matches!(&one[..], [Input::Paired { .. }]), "{one:?}");
    // --no-chat leaves it alone.
    let r = analyze_json(&["--no-chat", standup().to_str().unwrap()]);
    assert!(r["meetings"][0].get("chat").is_none());
}

#[test]
fn explicit_chat_flag_pairs_and_needs_one_transcript() {
    let elsewhere = std::env::temp_dir().join(format!("turnstat-chat-{}", std::process::id()));
    std::fs::create_dir_all(&elsewhere).unwrap();
    let t = elsewhere.join("call.vtt");
    std::fs::copy(standup(), &t).unwrap();
    let c = fixtures().join("chat/standup/standup.chat.txt");
    let r = analyze_json(&["--chat", c.to_str().unwrap(), t.to_str().unwrap()]);
    assert_eq!(r["meetings"][0]["chat"]["messages"], 5);
    let (_, code) = run(&[
        "analyze",
        "-q",
        "--chat",
        c.to_str().unwrap(),
        t.to_str().unwrap(),
        local_folder().to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "two transcripts and one --chat is a usage error");
    std::fs::remove_dir_all(&elsewhere).ok();
}

#[test]
fn chat_figures_of_the_standup() {
    let r = analyze_json(&[standup().to_str().unwrap()]);
    let m = &r["meetings"][0];
    let c = &m["chat"];
    assert_eq!(c["format"], "zoom-chat/tab");
    assert_eq!(c["clock"], "recording");
    assert_eq!(c["messages"], 5);
    assert_eq!(c["reactions"], 2);
    assert_eq!(c["private_left_out"], 1);
    let people = c["people"].as_array().unwrap();
    let names: Vec<&str> = people.iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Ana Lima", "Ben Okafor", "Cleo Park"]);
    let cleo = &people[2];
    assert_eq!(cleo["spoke"], false);
    assert_eq!(cleo["messages"], 3);
    assert_eq!(cleo["questions"], 1);
    assert_eq!(cleo["links"], 1);
    assert_eq!(cleo["reactions"], 1);
    // "I can only listen today, my microphone is broken" (9) + "Which tenants are the big
    // ones?" (6) + "The rollback plan is here: step one, freeze writes step two, restore
    // the snapshot" (14).
    assert_eq!(cleo["words"], 29);
    // Ben: the reply's own words only ("The three in the EU region").
    assert_eq!(people[1]["messages"], 1);
    assert_eq!(people[1]["words"], 6);
    assert_eq!(people[1]["reactions"], 1);
    // Who only wrote is an attendee who did not speak: in the roster balance.
    assert_eq!(m["silent_attendees"], serde_json::json!(["Cleo Park"]));
    assert_eq!(m["roster_balance"]["people"], 3);
    // Participation: talk + chat words at the meeting's pace; sums to 1, and Cleo's is
    // her 29 words × (Σ talk / Σ spoken words) over the total.
    let talk: f64 = m["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["talk_seconds"].as_f64().unwrap())
        .sum();
    let words: f64 = m["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["words"].as_f64().unwrap())
        .sum();
    let chat_words: f64 = people.iter().map(|p| p["words"].as_f64().unwrap()).sum();
    let per_word = talk / words;
    let expected = 29.0 * per_word / (talk + chat_words * per_word);
    let got = cleo["participation_share"].as_f64().unwrap();
    assert!((got - expected).abs() < 1e-4, "{got} vs {expected}");
    let sum: f64 = people
        .iter()
        .map(|p| p["participation_share"].as_f64().unwrap())
        .sum();
    assert!((sum - 1.0).abs() < 1e-3, "{sum}");
    // Inclusive language read in the chat, labelled by where it sits: Ana's "guys".
    let ana = &people[0]["inclusive"];
    assert_eq!(ana["count"], 1, "{ana}");
    assert_eq!(ana["findings"][0]["term"], "guys");
}

/// Every output format of every command, on the meetings with private messages.
fn every_output(dir: &Path) -> Vec<(String, String)> {
    let inputs = [
        standup().to_str().unwrap().to_string(),
        local_folder().to_str().unwrap().to_string(),
    ];
    let mut outs = Vec::new();
    for (cmd, formats) in [
        ("turns", &["json", "csv", "table"][..]),
        (
            "analyze",
            &["json", "jsonl", "csv", "md", "html", "table"][..],
        ),
        ("report", &["json", "md", "html", "table"][..]),
    ] {
        for f in formats {
            let mut args = vec![cmd, "-q", "--format", f];
            args.extend(inputs.iter().map(String::as_str));
            let out = turnstat().args(&args).output().expect("runs");
            assert!(out.status.success(), "{cmd} {f}: {:?}", out);
            outs.push((
                format!("{cmd} --format {f}"),
                String::from_utf8_lossy(&out.stdout).into_owned(),
            ));
        }
    }
    // Written reports: the meeting files and every private per-speaker report.
    for (cmd, sub) in [("analyze", "a"), ("report", "r")] {
        let d = dir.join(sub);
        let mut args = vec![cmd, "-q", "--out", d.to_str().unwrap()];
        args.extend(inputs.iter().map(String::as_str));
        let out = turnstat().args(&args).output().expect("runs");
        assert!(out.status.success(), "{cmd} --out: {out:?}");
        for f in walk(&d) {
            let text = std::fs::read_to_string(&f).unwrap_or_default();
            outs.push((f.display().to_string(), text));
        }
    }
    outs
}

fn walk(d: &Path) -> Vec<PathBuf> {
    let mut v = Vec::new();
    for e in std::fs::read_dir(d).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            v.extend(walk(&p));
        } else {
            v.push(p);
        }
    }
    v.sort();
    v
}

#[test]
fn private_messages_appear_in_no_output() {
    let dir = std::env::temp_dir().join(format!("turnstat-private-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let outs = every_output(&dir);
    assert!(outs.len() > 15, "{}", outs.len());
    for (what, text) in &outs {
        assert!(!text.is_empty(), "{what} is empty");
        for secret in [
            "ZEBRAPRIVATE",
            "do not tell Ana",
            "about my review",
            "not announced",
        ] {
            assert!(
                !text.contains(secret),
                "{what} holds a private message: {secret}"
            );
        }
    }
    // The counts of what was left out are said.
    let r = analyze_json(&[
        standup().to_str().unwrap(),
        local_folder().to_str().unwrap(),
    ]);
    let left: Vec<u64> = r["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["chat"]["private_left_out"].as_u64().unwrap())
        .collect();
    assert_eq!(left, [1, 2]);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn turns_json_round_trips_the_chat() {
    let (first, code) = run(&[
        "turns",
        "-q",
        "--format",
        "json",
        standup().to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    let dir = std::env::temp_dir().join(format!("turnstat-rt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("turns.json");
    std::fs::write(&f, &first).unwrap();
    let (second, code) = run(&["turns", "-q", "--format", "json", f.to_str().unwrap()]);
    assert_eq!(code, 0);
    let a: serde_json::Value = serde_json::from_str(&first).unwrap();
    let b: serde_json::Value = serde_json::from_str(&second).unwrap();
    let (a, b) = (&a["transcripts"][0], &b["transcripts"][0]);
    assert_eq!(a["chat"], b["chat"]);
    assert_eq!(a["turns"], b["turns"]);
    assert_eq!(a["chat"]["messages"].as_array().unwrap().len(), 5);
    // The analysis of the read-back turns has the same chat figures.
    let x = analyze_json(&[standup().to_str().unwrap()]);
    let y = analyze_json(&[f.to_str().unwrap()]);
    let strip = |v: &serde_json::Value| {
        let mut c = v["meetings"][0]["chat"].clone();
        c.as_object_mut().unwrap().remove("source");
        c
    };
    assert_eq!(strip(&x), strip(&y));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn private_reports_quote_only_the_persons_own_messages() {
    let dir = std::env::temp_dir().join(format!("turnstat-chatrep-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (_, code) = run(&[
        "analyze",
        "-q",
        "--out",
        dir.to_str().unwrap(),
        standup().to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    let ben = std::fs::read_to_string(dir.join("standup/speakers/ben-okafor.md")).unwrap();
    assert!(ben.contains("## Chat"), "{ben}");
    assert!(
        ben.contains("You wrote 1 message, zero of them questions"),
        "{ben}"
    );
    assert!(ben.contains("The three in the EU region"));
    for other in [
        "Which tenants",
        "rollback plan",
        "great work guys",
        "Cleo Park",
    ] {
        assert!(!ben.contains(other), "Ben's report holds {other}");
    }
    let ana = std::fs::read_to_string(dir.join("standup/speakers/ana-lima.md")).unwrap();
    assert!(ana.contains("great work guys") && ana.contains("In the chat, “guys”"));
    assert!(!ana.contains("Which tenants") && !ana.contains("EU region"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn anonymize_renames_writers_in_the_chat() {
    let r = analyze_json(&["--anonymize", standup().to_str().unwrap()]);
    let text = r.to_string();
    for name in ["Cleo", "Park", "Ana Lima", "Okafor"] {
        assert!(!text.contains(name), "{name} left in {text}");
    }
    assert_eq!(
        r["meetings"][0]["chat"]["people"].as_array().unwrap().len(),
        3
    );
}

#[test]
fn every_zoom_call_in_the_corpus_gets_its_chat_without_flags() {
    let Some(c) = corpus() else { return };
    let dir = c.join("zoom-ethereum-acd");
    let (inputs, _) = discover::expand(std::slice::from_ref(&dir));
    let paired = discover::pair(inputs);
    let chats = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".chat.txt"))
        .count();
    assert_eq!(chats, 51);
    let pairs = paired
        .iter()
        .filter(|i| {
            matches!(i, Input::Paired { transcript, chat }
            if chat.to_string_lossy().trim_end_matches(".chat.txt")
                == transcript.to_string_lossy().trim_end_matches(".vtt"))
        })
        .count();
    assert_eq!(pairs, 51);
    assert_eq!(paired.len(), 51, "no chat left alone, no transcript lost");
}

#[test]
fn team_report_has_chat_per_person_per_period() {
    let zoom = fixtures().join("zoom/acdc_2026-02-19_175.vtt");
    let meeting = analyze_json(&[zoom.to_str().unwrap()]);
    let (out, code) = run(&["report", "-q", "-f", "json", zoom.to_str().unwrap()]);
    assert_eq!(code, 0);
    let team: serde_json::Value = serde_json::from_str(&out).unwrap();
    let people = team["periods"][0]["people"].as_array().unwrap();
    let chat = meeting["meetings"][0]["chat"]["people"].as_array().unwrap();
    let mut checked = 0;
    for p in chat {
        let name = p["name"].as_str().unwrap();
        let q = people
            .iter()
            .find(|q| q["name"] == name)
            .unwrap_or_else(|| panic!("{name} missing from the period"));
        assert_eq!(q["chat_messages"], p["messages"], "{name}");
        assert_eq!(q["chat_questions"], p["questions"], "{name}");
        assert_eq!(q["chat_reactions"], p["reactions"], "{name}");
        assert_eq!(
            q["participation_share_mean"], p["participation_share"],
            "{name}"
        );
        checked += 1;
    }
    assert!(checked > 10, "{checked}");
    let (md, _) = run(&["report", "-q", "-f", "md", zoom.to_str().unwrap()]);
    assert!(
        md.contains("| chat messages (questions) | participation |"),
        "{md}"
    );
    // Without the chat, the columns are not there.
    let (md, _) = run(&[
        "report",
        "-q",
        "--no-chat",
        "-f",
        "md",
        zoom.to_str().unwrap(),
    ]);
    assert!(!md.contains("chat messages"));
}
