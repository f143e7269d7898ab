//! Renderers of the `analyze` report: Markdown, CSV, JSON Lines and the private per-speaker
//! report — snapshots on real fixtures, CSV round trip, injection, privacy and prompts.

use crate::util::fixtures;
use turnstat::ingest::{self, IngestOptions};
use turnstat::metrics::MetricsOptions;
use turnstat::model::Transcript;
use turnstat::render::speaker::{self, SpeakerOptions};
use turnstat::render::{csv, jsonl, markdown};
use turnstat::report::{self, ErrorEntry, MeetingReport, Report, SCHEMA, Tool};

const ZOOM: &str = "zoom/acdc_2026-02-19_175.vtt";
const AMI: &str = "ami/ES2005a.vtt";
const DG: &str = "stt-json/dg_utterances.json";

/// Loads a fixture under a stable, relative source name (snapshots must not hold the
/// absolute path of the checkout).
fn load(rel: &str) -> Transcript {
    let bytes = std::fs::read(fixtures().join(rel)).unwrap();
    load_bytes(&format!("fixtures/{rel}"), &bytes)
}

fn load_bytes(source: &str, bytes: &[u8]) -> Transcript {
    let mut ts = ingest::load(source, bytes, &IngestOptions::default())
        .unwrap_or_else(|r| panic!("{source} rejected: {:?}", r.diagnostics));
    assert_eq!(ts.len(), 1);
    ts.pop().unwrap()
}

fn analyze(t: &Transcript) -> MeetingReport {
    report::analyze(t, &MetricsOptions::default())
}

fn report_of(meetings: Vec<MeetingReport>, errors: Vec<ErrorEntry>) -> Report {
    Report {
        schema: SCHEMA,
        tool: Tool::default(),
        meetings,
        errors,
    }
}

fn all_three() -> Report {
    report_of(
        vec![
            analyze(&load(ZOOM)),
            analyze(&load(AMI)),
            analyze(&load(DG)),
        ],
        vec![ErrorEntry {
            source: "fixtures/bad/broken.json".into(),
            line: Some(3),
            message: "expected `results.utterances` or `results.channels`".into(),
        }],
    )
}

/// Snapshot settings: the crate version is masked so a release does not churn snapshots.
fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.add_filter(r#""version":"[^"]*""#, r#""version":"[version]""#);
    s
}

fn speaker_index(m: &MeetingReport, name: &str) -> usize {
    m.speakers.iter().position(|s| s.name == name).unwrap()
}

// ---------------------------------------------------------------------------------------
// Snapshots

#[test]
fn snapshot_markdown() {
    let _g = settings().bind_to_scope();
    for (name, rel) in [("md_zoom", ZOOM), ("md_ami", AMI), ("md_deepgram", DG)] {
        let m = analyze(&load(rel));
        insta::assert_snapshot!(name, markdown::meeting(&m));
    }
    // The report: every meeting and the errors section.
    let r = all_three();
    let md = markdown::report(&r);
    assert!(md.contains("## Errors"));
    assert!(md.starts_with(&markdown::meeting(&r.meetings[0])));
}

#[test]
fn snapshot_csv() {
    let _g = settings().bind_to_scope();
    insta::assert_snapshot!("csv_all", csv::csv(&all_three()));
}

#[test]
fn snapshot_jsonl() {
    let _g = settings().bind_to_scope();
    insta::assert_snapshot!("jsonl_all", jsonl::jsonl(&all_three()));
}

#[test]
fn snapshot_speaker_reports() {
    let _g = settings().bind_to_scope();
    let opts = SpeakerOptions::default();
    let zoom = analyze(&load(ZOOM));
    let ami = analyze(&load(AMI));
    let dg = analyze(&load(DG));
    for (snap, m, who) in [
        ("speaker_zoom_stokes", &zoom, "stokes"),
        ("speaker_zoom_josh_davis", &zoom, "Josh Davis"),
        ("speaker_ami_mee017", &ami, "MEE017 (PM)"),
        ("speaker_ami_meo020", &ami, "MEO020 (ME)"),
        ("speaker_deepgram_unknown", &dg, "unknown speaker"),
    ] {
        let i = speaker_index(m, who);
        insta::assert_snapshot!(snap, speaker::speaker_markdown(m, i, &opts));
    }
    // With names shown (a team that agreed to it).
    let named = SpeakerOptions {
        show_other_names: true,
    };
    insta::assert_snapshot!(
        "speaker_ami_fee019_named",
        speaker::speaker_markdown(&ami, speaker_index(&ami, "FEE019 (UI)"), &named)
    );
}

// ---------------------------------------------------------------------------------------
// JSON Lines

#[test]
fn jsonl_lines_stand_alone() {
    let r = all_three();
    let out = jsonl::jsonl(&r);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4);
    assert!(out.ends_with('\n'));
    for (i, line) in lines.iter().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["schema"], SCHEMA);
        assert_eq!(v["tool"]["name"], "turnstat");
        if i < 3 {
            // Every field of the meeting model, as in the JSON report.
            let full = serde_json::to_value(&r.meetings[i]).unwrap();
            for (k, val) in full.as_object().unwrap() {
                assert_eq!(&v[k], val, "line {i} field {k}");
            }
            assert!(v.get("error").is_none());
        } else {
            assert_eq!(v["error"]["source"], "fixtures/bad/broken.json");
            assert_eq!(v["error"]["line"], 3);
        }
    }
    assert_eq!(jsonl::jsonl(&report_of(vec![], vec![])), "");
}

// ---------------------------------------------------------------------------------------
// CSV

#[test]
fn csv_parses_back_with_documented_columns() {
    let r = all_three();
    let out = csv::csv(&r);
    let mut rd = ::csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
    let documented: Vec<&str> = csv::COLUMNS.iter().map(|c| c.0).collect();
    assert_eq!(header, documented);
    for required in [
        "source",
        "format",
        "meeting_duration_seconds",
        "meeting_speakers",
        "speaker",
        "talk_seconds",
        "talk_share",
        "equal_share",
        "turns",
        "embedded_turns",
        "mean_turn_seconds",
        "longest_monologue_seconds",
        "longest_monologue_start",
        "words",
        "words_per_minute",
        "response_gap_median_seconds",
        "questions",
        "fillers_per_100_words",
        "hedges_per_100_words",
        "interruptions_made",
        "interruptions_successful",
        "interruptions_received",
        "backchannels",
        "inclusive_findings",
        "inclusive_per_1000_words",
        "sentiment_mean",
        "sentiment_positive_share",
        "sentiment_negative_share",
        "meeting_gini",
        "meeting_evenness",
        "interruption_mode",
    ] {
        assert!(documented.contains(&required), "{required}");
    }
    let col = |name: &str| documented.iter().position(|c| *c == name).unwrap();
    let rows: Vec<::csv::StringRecord> = rd.records().map(|x| x.unwrap()).collect();
    let expected: Vec<(String, String)> = r
        .meetings
        .iter()
        .flat_map(|m| {
            m.speakers
                .iter()
                .map(|s| (m.source.clone(), s.name.clone()))
        })
        .collect();
    assert_eq!(rows.len(), expected.len());
    for (row, (source, name)) in rows.iter().zip(&expected) {
        assert_eq!(row.len(), documented.len());
        assert_eq!(&row[col("source")], source);
        assert_eq!(&row[col("speaker")], name);
    }
    // Figures are the model's, as numbers; "not available" is an empty cell, never 0.
    let ami = &r.meetings[1];
    let pm = &rows[r.meetings[0].speakers.len()];
    assert_eq!(&pm[col("speaker")], "MEE017 (PM)");
    assert_eq!(
        pm[col("talk_share")].parse::<f64>().unwrap(),
        ami.speakers[0].talk_share.unwrap()
    );
    // A negative gap is a number, not neutralised text.
    assert_eq!(&pm[col("overlapped_response_median_seconds")], "-0.77");
    let dg = rows.last().unwrap();
    assert_eq!(&dg[col("response_gap_median_seconds")], "");
    assert_eq!(&dg[col("meeting_speakers")], "1");
    assert_eq!(&dg[col("interruption_mode")], "inferred");
}

// ---------------------------------------------------------------------------------------
// Injection

/// Speaker names and quotes with HTML, pipes, formulas, markup and an ANSI escape.
const HOSTILE_VTT: &str = "WEBVTT\n\n\
00:00:00.000 --> 00:00:05.000\n\
<v &lt;script&gt;alert(1)&lt;/script&gt; | pipe |>Hello =HYPERLINK(\"http://x\") &lt;script&gt;alert(1)&lt;/script&gt; | pipe | and \u{1b}[31m red\nsecond line\n\n\
00:00:05.000 --> 00:00:09.000\n\
<v =HYPERLINK(\"http://x\")>-1+2 is what I think, @SUM(A1) you guys, it is wrong\n\n\
00:00:06.000 --> 00:00:08.500\n\
<v -1+2>@SUM(A1) but the budget is wrong here\n\n\
00:00:08.600 --> 00:00:12.000\n\
<v @SUM(A1) \u{1b}[31m>*bold* _it_ [link](http://y) `code` done.\n\n\
00:00:12.000 --> 00:00:15.000\n\
<v -1+2>=HYPERLINK(\"http://x\") and | pipe | again, you guys\n";

/// Renames a speaker everywhere in the model (to put a newline in a name: ingestion
/// collapses whitespace, but the model is public and renderers must not trust it).
fn rename(m: &mut MeetingReport, from: &str, to: &str) {
    for s in &mut m.speakers {
        if s.name == from {
            s.name = to.to_string();
        }
    }
    for e in &mut m.interruptions {
        if e.who == from {
            e.who = to.to_string();
        }
        if e.whom == from {
            e.whom = to.to_string();
        }
    }
    for s in &mut m.matrix.speakers {
        if s == from {
            *s = to.to_string();
        }
    }
}

fn hostile() -> MeetingReport {
    let t = load_bytes("=cmd|' /C calc'!A0.vtt", HOSTILE_VTT.as_bytes());
    assert_eq!(t.speakers.len(), 4, "{:?}", t.speakers);
    let mut m = analyze(&t);
    rename(&mut m, "-1+2", "-1+2\nline two | x");
    for e in &mut m.interruptions {
        e.who_quote.push_str("\nnext | line <b>");
        e.whom_quote.push_str("\r\nnext <b>");
    }
    m
}

#[test]
fn hostile_names_and_quotes_render_inert() {
    let m = hostile();
    let r = report_of(vec![m.clone()], vec![]);

    // CSV: formula cells get a leading quote; no raw ESC.
    let out = csv::csv(&r);
    assert!(!out.contains('\u{1b}'));
    let mut rd = ::csv::Reader::from_reader(out.as_bytes());
    let rows: Vec<::csv::StringRecord> = rd.records().map(|x| x.unwrap()).collect();
    let names: Vec<&str> = rows.iter().map(|r| &r[4]).collect();
    assert!(names.contains(&"'=HYPERLINK(\"http://x\")"), "{names:?}");
    assert!(names.contains(&"'-1+2\nline two | x"), "{names:?}");
    assert!(
        names.iter().any(|n| n.starts_with("'@SUM(A1) ␛")),
        "{names:?}"
    );
    for row in &rows {
        assert!(row[0].starts_with('\''), "source {:?}", &row[0]);
        for text_col in [0, 1, 4, row.len() - 1] {
            assert!(
                !row[text_col].starts_with(['=', '+', '-', '@']),
                "{:?}",
                &row[text_col]
            );
        }
    }

    // Markdown, meeting and per speaker: escaped pipes, no HTML, no raw ESC, no newline
    // inside a cell or a line item.
    let mut docs = vec![markdown::meeting(&m), markdown::report(&r)];
    for show in [false, true] {
        for i in 0..m.speakers.len() {
            docs.push(speaker::speaker_markdown(
                &m,
                i,
                &SpeakerOptions {
                    show_other_names: show,
                },
            ));
        }
    }
    for (k, md) in docs.iter().enumerate() {
        assert!(!md.contains('\u{1b}'), "doc {k}");
        assert!(!md.contains('\r'), "doc {k}");
        assert!(!md.contains("<script"), "doc {k}");
        assert!(!md.contains("<b>"), "doc {k}");
        assert!(!md.contains("\nline two"), "doc {k}");
        assert!(!md.contains("\nnext"), "doc {k}");
        assert!(
            !md.replace("\\]", "").contains("]("),
            "doc {k}: a live link"
        );
        assert!(!md.contains(" `code` "), "doc {k}: live code span");
    }
    let md = &docs[0];
    assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt; \\| pipe \\|"));
    assert!(md.contains("\\*bold\\* \\_it\\_ \\[link\\](http://y) \\`code\\`"));
    assert!(md.contains("-1+2 line two \\| x"));
    // Every speakers-table row has exactly the header's number of unescaped pipes.
    let table: Vec<&str> = md
        .lines()
        .skip_while(|l| !l.starts_with("| speaker |"))
        .take_while(|l| l.starts_with('|'))
        .collect();
    let pipes = |l: &str| {
        let b = l.as_bytes();
        (0..b.len())
            .filter(|&i| b[i] == b'|' && (i == 0 || b[i - 1] != b'\\'))
            .count()
    };
    assert_eq!(table.len(), 2 + m.speakers.len());
    for l in &table {
        assert_eq!(pipes(l), pipes(table[0]), "{l}");
    }

    // JSON Lines: one line per meeting whatever the content.
    let j = jsonl::jsonl(&r);
    assert_eq!(j.lines().count(), 1);
    assert!(!j.contains('\u{1b}'));
}

/// The speaker's own inclusive-language findings reach their report and a prompt.
#[test]
fn own_findings_reach_the_speaker_report() {
    let m = hostile();
    let i = m
        .speakers
        .iter()
        .position(|s| s.inclusive.as_ref().is_some_and(|x| x.count > 0))
        .expect("a finding for “you guys”");
    let md = speaker::speaker_markdown(&m, i, &SpeakerOptions::default());
    assert!(md.contains("guys”"), "{md}");
    assert!(md.contains("What word fits your team?") || md.contains("What words fit"));
}

// ---------------------------------------------------------------------------------------
// Privacy and prompts

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn assert_private(t: &Transcript, m: &MeetingReport) {
    for i in 0..m.speakers.len() {
        let md = speaker::speaker_markdown(m, i, &SpeakerOptions::default());
        assert!(md.contains("Participant"), "{}", m.speakers[i].name);
        assert!(md.contains(&markdown::escape(&m.speakers[i].name)));
        for (j, other) in m.speakers.iter().enumerate() {
            if j == i {
                continue;
            }
            assert!(
                !md.contains(&other.name) && !md.contains(&markdown::escape(&other.name)),
                "{}'s report names {}",
                m.speakers[i].name,
                other.name
            );
        }
        for seg in t.segments.iter().filter(|s| s.speaker != i) {
            if words(&seg.text) >= 4 {
                for form in [seg.text.clone(), markdown::escape(&seg.text)] {
                    assert!(
                        !md.contains(&form),
                        "{}'s report quotes {}: {}",
                        m.speakers[i].name,
                        t.speakers[seg.speaker],
                        seg.text
                    );
                }
            }
        }
        // Their quotes from the events are theirs; the other side's never appear.
        for e in &m.interruptions {
            let other_words = if e.who == m.speakers[i].name {
                &e.whom_quote
            } else if e.whom == m.speakers[i].name {
                &e.who_quote
            } else {
                continue;
            };
            let probe = markdown::escape(&markdown::excerpt_start(other_words, 30));
            if words(other_words) >= 4 {
                assert!(!md.contains(&probe), "{probe}");
            }
        }
    }
}

#[test]
fn speaker_reports_hold_only_own_words() {
    for rel in [AMI, ZOOM] {
        let t = load(rel);
        let m = analyze(&t);
        assert_private(&t, &m);
    }
    // With names shown, other people's names appear, still without their words.
    let t = load(AMI);
    let m = analyze(&t);
    let pm = speaker::speaker_markdown(
        &m,
        0,
        &SpeakerOptions {
            show_other_names: true,
        },
    );
    assert!(pm.contains(&markdown::escape("MEE018 (ID)")));
    assert!(!pm.contains("Participant 2"));
}

/// Another speaker's name said in the person's own words is replaced by the pseudonym.
#[test]
fn other_names_in_own_words_are_pseudonymised() {
    let vtt = "WEBVTT\n\n00:00:00.000 --> 00:01:10.000\n<v Ann Lee>Thanks Bo Chen, as Bo Chen said the plan works and Bochenski agrees.\n\n\
00:01:10.500 --> 00:01:14.000\n<v Bo Chen>Thank you Ann Lee, that is kind.\n";
    let m = analyze(&load_bytes("two.vtt", vtt.as_bytes()));
    let ann = speaker::speaker_markdown(&m, 0, &SpeakerOptions::default());
    assert!(!ann.contains("Bo Chen"), "{ann}");
    assert!(
        ann.contains("Thanks Participant 2, as Participant 2 said"),
        "{ann}"
    );
    assert!(ann.contains("Bochenski"), "a longer word is not a name");
    let bo = speaker::speaker_markdown(&m, 1, &SpeakerOptions::default());
    assert!(!bo.contains("Ann Lee"), "{bo}");
}

fn prompts_of(md: &str) -> Vec<String> {
    md.lines()
        .skip_while(|l| *l != "## Reflection prompts")
        .skip(1)
        .take_while(|l| !l.starts_with("## "))
        .filter(|l| {
            l.split_once(". ")
                .is_some_and(|(n, _)| n.parse::<usize>().is_ok())
        })
        .map(String::from)
        .collect()
}

#[test]
fn three_to_five_prompts_ending_with_questions() {
    let mut meetings: Vec<MeetingReport> = [ZOOM, AMI, DG]
        .iter()
        .map(|rel| analyze(&load(rel)))
        .collect();
    meetings.push(hostile());
    for rel in [
        "dynamics/overlaps.vtt",
        "dynamics/serialised.vtt",
        "dynamics/untimed.txt",
        "stt-json/assemblyai_utterances.json",
        "stt-json/revai_transcript.json",
        "captions/cdp_seattle_brief_080221.vtt",
        "ami/ES2005a.rttm",
    ] {
        meetings.push(analyze(&load(rel)));
    }
    // RTTM: timing and speakers, no words.
    meetings.push(analyze(&load_bytes(
        "inline.rttm",
        b"SPEAKER m 1 0.00 5.00 <NA> <NA> ann <NA> <NA>\nSPEAKER m 1 5.20 1.00 <NA> <NA> bo <NA> <NA>\nSPEAKER m 1 6.50 70.00 <NA> <NA> ann <NA> <NA>\n",
    )));
    for m in &meetings {
        for i in 0..m.speakers.len() {
            let md = speaker::speaker_markdown(m, i, &SpeakerOptions::default());
            let p = prompts_of(&md);
            assert!(
                (3..=5).contains(&p.len()),
                "{} / {}: {p:#?}",
                m.source,
                m.speakers[i].name
            );
            for line in &p {
                assert!(line.ends_with('?'), "{line}");
                let lower = line.to_lowercase();
                for verdict in ["should", "too much", "too many", "too long", "grade"] {
                    assert!(!lower.contains(verdict), "{line}");
                }
            }
            assert!(md.contains("## What these numbers can and cannot say"));
            assert!(md.contains("starting point for a conversation"));
        }
    }
}

#[test]
fn renderers_are_deterministic() {
    let a = all_three();
    let b = all_three();
    assert_eq!(markdown::report(&a), markdown::report(&b));
    assert_eq!(csv::csv(&a), csv::csv(&b));
    assert_eq!(jsonl::jsonl(&a), jsonl::jsonl(&b));
    for i in 0..a.meetings[1].speakers.len() {
        assert_eq!(
            speaker::speaker_markdown(&a.meetings[1], i, &SpeakerOptions::default()),
            speaker::speaker_markdown(&b.meetings[1], i, &SpeakerOptions::default())
        );
    }
}

#[test]
fn slugs_are_file_safe_and_unique() {
    assert_eq!(speaker::slug("MEE017 (PM)"), "mee017-pm");
    assert_eq!(speaker::slug("  Ann   Lee  "), "ann-lee");
    assert_eq!(speaker::slug("../../etc/passwd"), "etc-passwd");
    assert_eq!(speaker::slug("Zoë Ng"), "zoe-ng");
    assert_eq!(speaker::slug("—"), "speaker");
    assert_eq!(speaker::slug(""), "speaker");
    assert_eq!(
        speaker::unique_slugs(&["Ann", "ann!", "ANN", "ann-2", "李"]),
        vec!["ann", "ann-3", "ann-4", "ann-2", "li"]
    );
    let m = analyze(&load(AMI));
    let files = speaker::speaker_files(&m, &SpeakerOptions::default());
    let paths: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "speakers/mee017-pm.md",
            "speakers/mee018-id.md",
            "speakers/fee019-ui.md",
            "speakers/meo020-me.md"
        ]
    );
    assert_eq!(
        speaker::speaker_markdown(&m, 99, &SpeakerOptions::default()),
        ""
    );
}

/// With a roster: the roster balance is rendered; the speaker report counts silent
/// attendees without naming them.
#[test]
fn roster_is_rendered_and_silent_attendees_stay_unnamed() {
    let t = load("dynamics/overlaps.vtt");
    let m = report::analyze(
        &t,
        &MetricsOptions {
            roster: vec!["Dee Park".into()],
            ..Default::default()
        },
    );
    assert!(m.roster_balance.is_some());
    let md = markdown::meeting(&m);
    assert!(md.contains("**Balance over the roster** (4 people"), "{md}");
    assert!(md.contains("Silent attendees: Dee Park."), "{md}");
    for i in 0..m.speakers.len() {
        let s = speaker::speaker_markdown(&m, i, &SpeakerOptions::default());
        assert!(!s.contains("Dee Park"), "{s}");
        assert!(
            s.contains("Counting everyone on the roster (4 people, 1 of whom did not speak)"),
            "{s}"
        );
    }
}

/// Untimed text and RTTM without words: "not available", never 0 and no empty quotes.
#[test]
fn missing_figures_render_as_not_available() {
    let untimed = analyze(&load("dynamics/untimed.txt"));
    let rttm = analyze(&load("ami/ES2005a.rttm"));
    for m in [&untimed, &rttm] {
        let md = markdown::meeting(m);
        assert!(!md.contains("“”"), "{md}");
        assert!(!md.contains("at –"), "{md}");
        for i in 0..m.speakers.len() {
            let s = speaker::speaker_markdown(m, i, &SpeakerOptions::default());
            assert!(!s.contains("“”"), "{s}");
            assert!(!s.contains("at –"), "{s}");
            assert!(s.contains("not available"), "{s}");
        }
    }
    assert!(markdown::meeting(&untimed).contains("untimed (duration, speech"));
    let out = csv::csv(&report_of(vec![untimed.clone(), rttm.clone()], vec![]));
    let mut rd = ::csv::Reader::from_reader(out.as_bytes());
    let header = rd.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|c| c == name).unwrap();
    let rows: Vec<::csv::StringRecord> = rd.records().map(|x| x.unwrap()).collect();
    let first = &rows[0];
    assert_eq!(&first[col("talk_seconds")], "");
    assert_eq!(&first[col("meeting_gini")], "");
    assert_ne!(&first[col("words")], "");
    let last = rows.last().unwrap();
    assert_eq!(&last[col("words")], "");
    assert_eq!(&last[col("sentiment_mean")], "");
    assert_eq!(&last[col("inclusive_findings")], "");
    assert_ne!(&last[col("talk_seconds")], "");
}
