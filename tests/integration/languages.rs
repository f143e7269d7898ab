//! Languages: real non-English transcripts (`fixtures/languages/`) get the right language,
//! no English-only figure, plausible counts, names and slugs; the corpus-wide checks run
//! where `../shared/corpus` is present.

use crate::util::{corpus, fixtures, speaker_names};
use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;
use std::path::Path;

/// `analyze --format json` of the given paths (extra flags first).
fn analyze(flags: &[&str], paths: &[&Path]) -> Vec<Value> {
    let out = cargo_bin_cmd!("turnstat")
        .arg("analyze")
        .args(["--format", "json", "-q"])
        .args(flags)
        .args(paths)
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    v["meetings"].as_array().cloned().unwrap_or_default()
}

fn lang_fixture(name: &str) -> std::path::PathBuf {
    fixtures().join("languages").join(name)
}

/// No English-only measure carries a number for a speaker of another language.
fn assert_no_english_measures(m: &Value) {
    let meeting = m["language"].as_str().unwrap();
    for s in m["speakers"].as_array().unwrap() {
        let lang = s["language"].as_str().unwrap_or(meeting);
        if lang != "en" && lang != "und" {
            assert!(s["sentiment"].is_null(), "{}: sentiment", s["name"]);
            assert!(s["inclusive"].is_null(), "{}: inclusive", s["name"]);
        }
    }
    if meeting != "en" && meeting != "und" {
        assert!(m["sentiment_trajectory"].as_array().unwrap().is_empty());
        assert!(m["inclusive_per_1000_words"].is_null());
        let w = m["warnings"].to_string();
        assert!(w.contains("English-only"), "{w}");
    }
}

#[test]
fn real_transcripts_get_their_language() {
    let cases = [
        (
            "es_ec-asamblea_agenda-change_553yq2hON_M.whisper.json",
            "es",
        ),
        ("de_magdeburg-stadtrat_2024-04-04.excerpt.vtt", "de"),
        ("fr-nuit-des-idees-radio.md", "fr"),
        ("zh-garena-visit.md", "zh"),
        ("zh-vtaiwan-premeeting.md", "zh"),
        ("mixed-en-zh-moda-meeting.md", "en"),
    ];
    for (file, want) in cases {
        let ms = analyze(&[], &[&lang_fixture(file)]);
        assert_eq!(ms.len(), 1, "{file}");
        assert_eq!(ms[0]["language"], want, "{file}");
        assert_no_english_measures(&ms[0]);
    }
}

#[test]
fn spanish_whisper_speaker_objects_are_names() {
    let ms = analyze(
        &[],
        &[&lang_fixture(
            "es_ec-asamblea_agenda-change_553yq2hON_M.whisper.json",
        )],
    );
    let names = speaker_names(&ms[0]);
    assert_eq!(
        names,
        [
            "Ana Belén Tapia Vallejo",
            "Diana Patricia Blacio Carrión",
            "No identificado",
            "Marcelo Andrés Guschmer Tamariz"
        ]
    );
    // Spanish word lists: fillers and hedges are counted (not null), with Spanish lists.
    let marcelo = &ms[0]["speakers"][3];
    assert!(marcelo["words"].as_u64().unwrap() > 500);
    assert!(marcelo["hedges"].as_u64().is_some());
    // "¿No escucharon nada de lo que dije?" is his question.
    assert!(marcelo["questions"].as_u64().unwrap() >= 1);
}

#[test]
fn chinese_is_counted_in_characters() {
    let path = lang_fixture("zh-garena-visit.md");
    let ms = analyze(&[], &[&path]);
    let m = &ms[0];
    let text = std::fs::read_to_string(&path).unwrap();
    let speakers = m["speakers"].as_array().unwrap();
    let names = speaker_names(m);
    assert_eq!(names, ["唐鳳", "蔡錦文", "黃偉權", "蔡心斐"]);
    let mut chars = 0;
    let mut questions = 0;
    for s in speakers {
        assert!(s["words"].is_null(), "{}", s["name"]);
        chars += s["characters"].as_u64().unwrap();
        questions += s["questions"].as_u64().unwrap();
        // No Chinese filler or hedge lists: not reported.
        assert!(s["fillers"].is_null() && s["hedges"].is_null());
    }
    // Every Han character of the speech is counted once (heading lines, the title and
    // the speakers' names, are not speech).
    let han = |t: &str| {
        t.chars()
            .filter(|&c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            .count()
    };
    let speech: usize = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(han)
        .sum();
    assert_eq!(chars as usize, speech);
    // Every full-width question mark ends a question.
    assert_eq!(questions as usize, text.matches('？').count());
    assert!(
        !m["warnings"]
            .to_string()
            .contains("no sentence punctuation")
    );
    assert!(m["warnings"].to_string().contains("characters per minute"));
}

#[test]
fn a_mixed_meeting_is_decided_per_speaker() {
    let ms = analyze(&[], &[&lang_fixture("mixed-en-zh-moda-meeting.md")]);
    let m = &ms[0];
    assert_eq!(m["language"], "en");
    for s in m["speakers"].as_array().unwrap() {
        let name = s["name"].as_str().unwrap();
        match name {
            // They introduce themselves in Mandarin.
            "I-Ting Fang" | "Finjon Kiang" => {
                assert_eq!(s["language"], "zh", "{name}");
                assert!(s["sentiment"].is_null());
            }
            _ => assert!(s.get("language").is_none(), "{name}: {}", s["language"]),
        }
    }
}

#[test]
fn language_can_be_set() {
    let path = fixtures().join("zoom").join("acdc_2026-02-19_175.vtt");
    let ms = analyze(&["--language", "es"], &[&path]);
    assert_eq!(ms[0]["language"], "es");
    assert!(ms[0]["warnings"].to_string().contains("as configured"));
    assert_no_english_measures(&ms[0]);
    let en = analyze(&[], &[&path]);
    assert_eq!(en[0]["language"], "en");
    assert!(en[0]["speakers"][0]["sentiment"].is_object());
    cargo_bin_cmd!("turnstat")
        .args(["analyze", "--language", "klingon"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("unknown language `klingon`"));
}

#[test]
fn slugs_are_transliterated_and_unique() {
    let slugs = turnstat::render::speaker::unique_slugs(&[
        "Łukasz Rozmej",
        "王伟",
        "唐鳳",
        "0xBonk",
        "Leo Alt [powdr]",
        "🎉",
        "",
        "Lukasz Rozmej",
    ]);
    assert_eq!(
        slugs,
        [
            "lukasz-rozmej",
            "wang-wei",
            "tang-feng",
            "0xbonk",
            "leo-alt-powdr",
            "tada",
            "speaker",
            "lukasz-rozmej-2"
        ]
    );
}

/// Corpus: every transcript's speakers get non-empty, unique slugs, and the non-English
/// ones (the Spanish and German sessions, the Spanish podcast, Netflix's Spanish subtitles)
/// get their language and no English-only measure.
#[test]
fn corpus_languages_and_slugs() {
    let Some(c) = corpus() else { return };
    let mut seen = 0;
    for dir in [
        "languages",
        "podcast",
        "zoom-ethereum-acd",
        "ami-vtt",
        "stt-json",
        "conformance/webvtt-py-samples",
    ] {
        for m in analyze(&[], &[&c.join(dir)]) {
            let names = speaker_names(&m);
            let slugs = turnstat::render::speaker::unique_slugs(&names);
            let set: std::collections::BTreeSet<&String> = slugs.iter().collect();
            assert_eq!(set.len(), slugs.len(), "{}", m["source"]);
            assert!(slugs.iter().all(|s| !s.is_empty()));
            assert_no_english_measures(&m);
            let src = m["source"].as_str().unwrap();
            let want = if src.contains("/languages/es_") || src.contains("kde_en_telegram") {
                Some("es")
            } else if src.contains("/languages/de_") {
                Some("de")
            } else if src.contains("zoom-ethereum-acd") || src.contains("ami-vtt") {
                Some("en")
            } else {
                None
            };
            if let Some(w) = want {
                assert_eq!(m["language"], w, "{src}");
            }
            seen += 1;
        }
    }
    assert!(seen > 190, "{seen}");
}

/// A private report names the language as the reason a figure is missing, never "no words".
#[test]
fn private_reports_name_the_language() {
    let dir = tempfile::tempdir().unwrap();
    cargo_bin_cmd!("turnstat")
        .args(["analyze", "-q", "--format", "json", "--out"])
        .arg(dir.path())
        .arg(lang_fixture("zh-garena-visit.md"))
        .assert()
        .success();
    let md = std::fs::read_to_string(
        dir.path()
            .join("zh-garena-visit")
            .join("speakers")
            .join("tang-feng.md"),
    )
    .unwrap();
    assert!(md.contains("1564 characters"), "{md}");
    assert!(md.contains("the sentiment word list (VADER) is English, and you spoke Chinese"));
    assert!(md.contains("the inclusive-language list is English, and you spoke Chinese"));
    assert!(!md.contains("the transcript has no words"), "{md}");
}

/// The team report gives no inclusive-language rate for people who spoke another language
/// (their words were never read by the English lexicon).
#[test]
fn team_report_leaves_non_english_rates_empty() {
    let out = cargo_bin_cmd!("turnstat")
        .args(["report", "-q", "--format", "json"])
        .arg(lang_fixture("de_magdeburg-stadtrat_2024-04-04.excerpt.vtt"))
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    fn rates(v: &Value, out: &mut Vec<Value>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    if k == "inclusive_per_1000_words" {
                        out.push(x.clone());
                    }
                    rates(x, out);
                }
            }
            Value::Array(a) => a.iter().for_each(|x| rates(x, out)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    rates(&v, &mut found);
    assert!(!found.is_empty());
    assert!(found.iter().all(Value::is_null), "{found:?}");
}
