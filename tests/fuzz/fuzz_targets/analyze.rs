//! Structure-aware: transcripts built from `arbitrary` segments — overlapping, nested,
//! identical, zero-length and far-apart timings, repeated and hostile speaker names, listener
//! tokens, fillers, questions, broken-off sentences — through `ingest::build`, aliases and
//! `--anonymize`, `report::analyze`, and every renderer (HTML included). Checks: no panic, well-formed
//! transcripts, shares in range, JSON that parses, and no raw ESC byte in text outputs.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;
use turnstat::ingest;
use turnstat::metrics::MetricsOptions;
use turnstat::metrics::interruptions::Thresholds;
use turnstat::model::{Parsed, RawSegment, Span};
use turnstat::render;
use turnstat::report::{self, Report};
use turnstat::speakers::People;
use turnstat::turns::TurnOptions;

/// The largest time a parser accepts (100,000 h).
const MAX_MS: u64 = turnstat::ingest::timestamp::MAX_MS;

const NAMES: &[&str] = &[
    "Ann Lee",
    "ann  lee",
    "Bo",
    "Chidi Okafor",
    "Speaker 1",
    "unidentified 2",
    "unknown speaker",
    "Bankat | Gean",
    "<script>alert(1)</script>",
    "=HYPERLINK(\"http://x\")",
    "\u{1b}[31mRed",
    "Zoë Ñandú",
    "-Dash",
    "@handle",
    "a\nb",
    "",
    "  ",
];

const WORDS: &[&str] = &[
    "yeah",
    "mm-hmm",
    "right",
    "okay",
    "I see",
    "[laugh]",
    "um",
    "uh",
    "like,",
    "you know",
    "I think",
    "sort of",
    "maybe",
    "what",
    "why?",
    "no.",
    "great",
    "terrible",
    "guys",
    "blacklist",
    "manpower",
    "sanity check",
    "we",
    "should",
    "ship",
    "the",
    "release",
    "on",
    "Thursday",
    "and",
    "—",
    "...",
    "…",
    "-",
    "?",
    "!",
    ".",
    ",",
    "Ann",
    "Lee",
    "Bo",
    "Chidi",
    "|",
    "<b>",
    "*",
    "`",
    "=1+1",
    "\u{1b}[0m",
    "\r\n",
    "\u{0}",
    "🙂",
    "ß",
    "İ",
    "",
];

#[derive(Arbitrary, Debug)]
enum Name {
    Pool(u8),
    Raw(String),
    Unknown,
}

impl Name {
    fn get(&self) -> Option<String> {
        match self {
            Name::Pool(i) => Some(NAMES[*i as usize % NAMES.len()].to_string()),
            Name::Raw(s) => Some(s.clone()),
            Name::Unknown => None,
        }
    }
}

#[derive(Arbitrary, Debug)]
enum Start {
    /// After the previous segment's end, by this many ms.
    After(u16),
    /// Inside the previous segment (overlap), this many ms after its start.
    Inside(u16),
    /// At the previous segment's start.
    Same,
    /// Absolute, in ms.
    Abs(u32),
    /// Near the largest accepted time.
    Huge(u16),
}

#[derive(Arbitrary, Debug)]
enum Word {
    Pool(u8),
    Raw(String),
}

#[derive(Arbitrary, Debug)]
struct Seg {
    speaker: Name,
    start: Start,
    /// Length in units of 10 ms (up to about 11 minutes).
    len: u16,
    words: Vec<Word>,
}

#[derive(Arbitrary, Debug)]
struct Meeting {
    timed: bool,
    has_text: bool,
    anonymous: bool,
    anonymize: bool,
    show_names: bool,
    max_pause_ms: u16,
    thresholds: [u16; 4],
    roster: Vec<Name>,
    aliases: Vec<(Name, Name)>,
    exclude: Option<Name>,
    segs: Vec<Seg>,
}

fn build(m: &Meeting) -> Parsed {
    let (mut prev_start, mut prev_end) = (0u64, 0u64);
    let mut segments = Vec::new();
    for (line, s) in m.segs.iter().take(300).enumerate() {
        let start = match s.start {
            Start::After(g) => prev_end + u64::from(g),
            Start::Inside(o) => prev_start + u64::from(o) % (prev_end - prev_start + 1),
            Start::Same => prev_start,
            Start::Abs(a) => u64::from(a),
            Start::Huge(h) => MAX_MS - u64::from(h),
        }
        .min(MAX_MS);
        let end = (start + u64::from(s.len) * 10).min(MAX_MS);
        (prev_start, prev_end) = (start, end);
        let text = if m.has_text {
            let words: Vec<String> = s
                .words
                .iter()
                .take(60)
                .map(|w| match w {
                    Word::Pool(i) => WORDS[*i as usize % WORDS.len()].to_string(),
                    Word::Raw(r) => r.clone(),
                })
                .collect();
            words.join(" ")
        } else {
            String::new()
        };
        segments.push(RawSegment {
            speaker: s.speaker.get(),
            span: m.timed.then(|| Span::new(start, end)),
            text,
            line: line + 1,
            words: None,
        });
    }
    Parsed {
        segments,
        anonymous_speakers: m.anonymous,
        has_text: m.has_text,
        format: if m.timed { "webvtt" } else { "text" },
        chat: None,
        attendees: Vec::new(),
    }
}

fn no_escape(what: &str, s: &str) {
    assert!(!s.contains('\u{1b}'), "raw ESC in {what}: {s:?}");
}

fuzz_target!(|m: Meeting| {
    let turn_opts = TurnOptions {
        max_pause_ms: u64::from(m.max_pause_ms),
    };
    let mut t = ingest::build("fuzz.vtt".into(), build(&m), Vec::new(), &turn_opts);
    common::check_transcript(&t);

    let mut aliases: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (canonical, spelling) in m.aliases.iter().take(4) {
        if let (Some(c), Some(s)) = (canonical.get(), spelling.get()) {
            aliases.entry(c).or_default().push(s);
        }
    }
    let exclude: Vec<String> = m.exclude.iter().filter_map(Name::get).collect();
    let mut people = People::new(&aliases, &exclude);
    people.anonymize = m.anonymize;
    people.apply(&mut t, &turn_opts);
    common::check_transcript(&t);

    let [terminal_ms, yield_ms, backchannel_max_ms, inferred_gap_ms] =
        m.thresholds.map(|x| u64::from(x) * 2);
    let opts = MetricsOptions {
        thresholds: Thresholds {
            terminal_ms,
            yield_ms,
            backchannel_max_ms,
            inferred_gap_ms,
        },
        roster: m.roster.iter().take(8).filter_map(Name::get).collect(),
        ..Default::default()
    };
    let meeting = report::analyze(&t, &opts);
    let sum: f64 = meeting
        .speakers
        .iter()
        .map(|s| s.talk_share.unwrap_or(0.0))
        .sum();
    // Each share is rounded to 4 places, so n shares may sum to 1 + n × 0.00005.
    let slack = 0.00005 * meeting.speakers.len() as f64 + 1e-9;
    assert!(sum <= 1.0 + slack, "talk shares sum to {sum}");
    for s in &meeting.speakers {
        if let Some(x) = s.talk_share {
            assert!((0.0..=1.0).contains(&x), "talk_share {x}");
        }
    }

    let speakers = meeting.speakers.len();
    let r = Report {
        schema: report::SCHEMA,
        tool: report::Tool::default(),
        meetings: vec![meeting],
        errors: Vec::new(),
    };
    let json = render::report::json(&r);
    serde_json::from_str::<serde_json::Value>(&json).expect("report JSON parses");
    for line in render::jsonl::jsonl(&r).lines() {
        serde_json::from_str::<serde_json::Value>(line).expect("JSONL line parses");
    }
    no_escape("table", &render::report::table_text(&r, None));
    // A narrow terminal: short headers, dropped columns and cut names.
    no_escape("narrow table", &render::report::table_text(&r, Some(24)));
    no_escape("csv", &render::csv::csv(&r));
    no_escape("md", &render::markdown::report(&r));
    no_escape("summary.md", &render::markdown::meeting(&r.meetings[0]));
    let sopts = render::speaker::SpeakerOptions {
        show_other_names: m.show_names,
    };
    let m0 = &r.meetings[0];
    no_escape(
        "report.html",
        &render::html::meeting_html(m0, &m0.turn_bars),
    );
    no_escape(
        "analyze -f html",
        &render::html::report_html(&r, std::slice::from_ref(&m0.turn_bars)),
    );
    // As `--out` writes them (the names found once, each page's HTML from its Markdown),
    // for the first and the last speaker and one index past the end (an empty page): the
    // pages differ only in whose lane, quotes and figures they show, and rendering every
    // speaker's page made this target several times slower.
    let reports = render::speaker::SpeakerReports::new(m0, sopts);
    let mut pages = vec![0, speakers.saturating_sub(1), speakers];
    pages.dedup();
    for i in pages {
        let md = reports.markdown(i);
        no_escape("speaker md", &md);
        no_escape(
            "speaker html",
            &render::html::speaker_html_from(m0, i, m.show_names, &md, &m0.turn_bars),
        );
    }
    no_escape("turns table", &render::turns::table(&[&t], None));
    no_escape("turns csv", &render::turns::csv(&[&t]));
    let tj = render::turns::json(&[&t], &[]);
    serde_json::from_str::<serde_json::Value>(&tj).expect("turns JSON parses");
});
