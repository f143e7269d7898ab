//! WebVTT conformance: the web-platform-tests suites (bundled in `fixtures/conformance`) and
//! the webvtt-py samples.

use crate::util::{fixtures, load_ok};
use serde_json::Value;
use turnstat::diag::Diagnostics;
use turnstat::ingest::{self, IngestOptions, cuetext, decode, webvtt};

fn wpt() -> std::path::PathBuf {
    fixtures().join("conformance/wpt-webvtt")
}

/// Every WPT file-parsing case gives exactly the reference parser's ids, times and texts.
#[test]
fn wpt_file_parsing_matches_reference() {
    let dir = wpt().join("wpt-file-parsing");
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected-cues.json")).unwrap())
            .unwrap();
    let cases = expected.as_object().unwrap();
    assert_eq!(cases.len(), 37);
    let mut failures = Vec::new();
    for (name, case) in cases {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        let mut diags = Diagnostics::new();
        let text = decode::decode(&bytes, &mut diags);
        let text = webvtt::normalise(&text);
        let cues = webvtt::parse_cues(&text, webvtt::Mode::Spec, &mut diags).unwrap_or_default();
        let got: Vec<(String, u64, u64, String)> = cues
            .into_iter()
            .map(|c| (c.id.to_string(), c.start, c.end, c.text.to_string()))
            .collect();
        let want: Vec<(String, u64, u64, String)> = case["cues"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                let ms = |v: &Value| (v.as_f64().unwrap() * 1000.0).round() as u64;
                (
                    c["id"].as_str().unwrap().to_string(),
                    ms(&c["start"]),
                    ms(&c["end"]),
                    c["text"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        if got != want {
            failures.push(format!("{name}:\n  got  {got:?}\n  want {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of 37 differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Text nodes and voice titles of a WPT expected DOM tree.
fn tree_text_and_voices(tree: &str) -> (String, Vec<String>) {
    let mut text = String::new();
    let mut voices = Vec::new();
    let joined = format!("\n{tree}");
    for node in joined.split("\n| ").skip(1) {
        let node = node.trim_start_matches(' ').trim_end_matches('\n');
        if let Some(t) = node.strip_prefix('"').and_then(|n| n.strip_suffix('"')) {
            text.push_str(t);
        } else if let Some(t) = node
            .strip_prefix("title=\"")
            .and_then(|n| n.strip_suffix('"'))
        {
            voices.push(t.to_string());
        }
    }
    (text, voices)
}

fn no_ws(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The WPT cue-text cases: our text (tags stripped, entities decoded) equals the text nodes
/// of the expected tree, and our voices equal its `<v>` titles.
#[test]
fn wpt_cue_text_matches_reference_tree() {
    let dir = wpt().join("wpt-cue-parsing");
    let mut checked = 0;
    let mut failures = Vec::new();
    for suite in ["entities", "tags", "text", "timestamps", "tree-building"] {
        let cases: Vec<Value> = serde_json::from_str(
            &std::fs::read_to_string(dir.join(format!("{suite}.json"))).unwrap(),
        )
        .unwrap();
        for case in cases {
            let raw = case["text"].as_str().unwrap();
            let raw = raw.strip_suffix('\n').unwrap_or(raw);
            // A blank line ends a cue: only the first block is cue text.
            let raw = raw.split("\n\n").next().unwrap().replace('\0', "\u{FFFD}");
            let (want_text, want_voices) =
                tree_text_and_voices(case["expectedTree"].as_str().unwrap());
            let runs = cuetext::parse(&raw);
            let got_text: String = runs.iter().map(|r| r.text.as_str()).collect();
            let got_voices: Vec<String> = runs.iter().filter_map(|r| r.voice.clone()).collect();
            // Voices whose span holds no text produce no run.
            let want_voices: Vec<String> = if got_text.is_empty() {
                Vec::new()
            } else {
                want_voices
            };
            if no_ws(&got_text) != no_ws(&want_text) || got_voices != want_voices {
                failures.push(format!("{suite} {raw:?}: got {got_text:?} {got_voices:?}, want {want_text:?} {want_voices:?}"));
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 77);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// webvtt-py samples: valid ones load without warnings about cues, invalid ones give
/// diagnostics naming a line.
#[test]
fn webvtt_py_samples_behave_as_named() {
    let dir = fixtures().join("conformance/webvtt-py");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    let mut checked = 0;
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with("LICENSE") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let result = ingest::load(&name, &bytes, &IngestOptions::default());
        let diags = match &result {
            Ok(ts) => ts[0].diagnostics.clone(),
            Err(r) => r.diagnostics.clone(),
        };
        let invalid = name.starts_with("invalid") || name.starts_with("missing");
        if invalid {
            assert!(
                !diags.is_empty(),
                "{name}: invalid sample gave no diagnostic"
            );
            assert!(diags.iter().any(|d| d.line.is_some()), "{name}: {diags:?}");
        } else if name != "empty.vtt" && name != "no_captions.vtt" {
            let t = result.unwrap_or_else(|r| panic!("{name}: rejected {:?}", r.diagnostics));
            assert!(!t[0].segments.is_empty(), "{name}: no segments");
            assert!(
                t[0].diagnostics
                    .iter()
                    .all(|d| !d.message.contains("skipped")),
                "{name}: {:?}",
                t[0].diagnostics
            );
        }
        checked += 1;
    }
    assert!(checked >= 38, "{checked}");
}

/// The real 2-cue Teams export: unpadded `0:0:0.210` timings read, overlap kept.
#[test]
fn teams_timeframe_unpadded_and_overlapping() {
    let t = load_ok(&fixtures().join("conformance/webvtt-py/teams_timeframe.vtt"));
    assert_eq!(t.segments.len(), 2);
    assert_eq!(t.segments[1].span.unwrap().start, 210);
    assert_eq!(t.speakers, vec!["Yuri Bakulin", "Adrian Petrescu"]);
    assert!(
        t.diagnostics.iter().any(|d| d.message.contains("unpadded")),
        "{:?}",
        t.diagnostics
    );
    let (a, b) = (t.segments[0].span.unwrap(), t.segments[1].span.unwrap());
    assert!(b.start < a.end, "the two cues overlap in the export");
}
