//! Meeting-tool exports: Google Meet transcripts, Otter.ai `.txt`, Teams and Stream `.docx`.
//! Every sample of `../shared/corpus/exports/{google-meet,otter,teams-docx}` (guarded like the
//! other corpus tests) and the copies in `fixtures/exports`: the right speakers (lists checked
//! by hand against the files), the times where the format has them (first and last turn
//! starts read off the files by hand), silent attendees for Meet, no footer or header line
//! read as speech.

use crate::util::{corpus, fixtures, load_ok, speaker_names};
use std::path::{Path, PathBuf};
use std::process::Command;
use turnstat::ingest::{self, InputFormat};
use turnstat::model::Transcript;

fn turnstat() -> Command {
    Command::new(assert_cmd::cargo::cargo_bin!("turnstat"))
}

/// `analyze -f json` of one file: its one meeting.
fn analyze(path: &Path) -> serde_json::Value {
    let out = turnstat()
        .args(["analyze", "-q", "-f", "json"])
        .arg(path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}: {:?}", path.display(), out);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let meetings = v["meetings"].as_array().unwrap();
    assert_eq!(meetings.len(), 1, "{}", path.display());
    meetings[0].clone()
}

fn strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

/// Start of the first and the last segment, in seconds.
fn first_last_start(t: &Transcript) -> (f64, f64) {
    let s = |i: usize| t.segments[i].span.unwrap().start as f64 / 1000.0;
    (s(0), s(t.segments.len() - 1))
}

/// No segment text holds an export's furniture: footers, disclaimers, headers, events.
fn no_furniture(t: &Transcript) {
    for s in &t.segments {
        for bad in [
            "Transcribed by",
            "otter.ai",
            "This editable transcript",
            "Meeting ended after",
            "started transcription",
            "stopped transcription",
            "Attendees",
            " - Transcript",
        ] {
            assert!(
                !s.text.contains(bad),
                "{}: `{bad}` in {:?}",
                t.source,
                s.text
            );
        }
        assert!(
            ingest::headed::header(&s.text).is_none(),
            "{}: a header read as speech: {:?}",
            t.source,
            s.text
        );
    }
}

struct Meet {
    file: &'static str,
    speakers: &'static [&'static str],
    silent: &'static [&'static str],
    first: &'static str,
    last: &'static str,
}

const MEET: [Meet; 2] = [
    Meet {
        file: "polygon-ppgc-03-2023.md",
        speakers: &[
            "Harry Rook",
            "Krishna Upadhyaya",
            "Pratik Patil",
            "Manav Darji",
            "Dimitri Nikolaros",
            "Jason Windawi",
            "Jackson Lewis",
            "Mateusz Rzeszowski",
        ],
        // The attendees line less the speakers, `Fireflies.ai Notetaker Michel` and the two
        // `… 's Presentation` screens.
        silent: &[
            "Alex PFL",
            "Antony Halim",
            "Bojana Tomic",
            "Dan Moore",
            "George Serntedakis",
            "Guillaume Dechaux",
            "John Hilliard",
            "Michel Muniz",
            "Mohak Agarwal",
            "Nimit Bavishi",
            "Paul O'Leary",
            "Scott Lilliston",
            "Vedant Patel",
            "Vince Reed",
            "Yuling Ma",
        ],
        first: "If a couple minutes and then, yeah, start the recording and kick it off.",
        last: "Thank you.",
    },
    Meet {
        file: "polygon-ppgc-17-2024.md",
        speakers: &[
            "Harry Rook",
            "Sandeep Sreenath",
            "Parvez Shaikh",
            "Nimit Bavishi",
            "Daniel Gretzke",
            "Tiago - Stakin",
            "Tobias Geiger",
        ],
        // Less `Fireflies.ai Notetaker Michel`, `Rahil's MeetGeek Notetaker` and
        // `Daniel Gretzke's Presentation`. `Stream` is kept: nothing says it is not a person.
        silent: &[
            "Ben Rodriguez",
            "Bienvenido Rodriguez",
            "Dimitri Nikolaros",
            "Ioannis Tsiokos",
            "Jackson Lewis",
            "Joonkyo Kim",
            "Keefer Taylor",
            "Krzysztof Urbański",
            "Liz Steininger",
            "Marcello Ardizzone",
            "Mateusz Rzeszowski",
            "Michael Mugno",
            "Mirella Guglielmi",
            "Paul O'Leary",
            "Quentin de Beauchesne",
            "Sajal Agrawal",
            "Scott Lilliston",
            "Stream",
            "Vincent Taglia",
        ],
        first: "Okay, Welcome everyone to PPGC number 17, main buckets for the agenda today are \
                updates to the Napoli upgrade on mainnet.",
        last: "Thank you sirs. Bye-bye.",
    },
];

fn check_meet(dir: &Path) {
    for m in &MEET {
        let path = dir.join(m.file);
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(ingest::detect(&text), InputFormat::GoogleMeet, "{}", m.file);
        let t = load_ok(&path);
        assert_eq!(t.format, "google-meet");
        assert_eq!(t.speakers, m.speakers, "{}", m.file);
        assert!(!t.is_timed(), "Meet turns are untimed");
        assert!(
            t.segments[0].text.starts_with(m.first),
            "{}",
            t.segments[0].text
        );
        assert_eq!(t.segments.last().unwrap().text, m.last);
        assert!(
            t.diagnostics
                .iter()
                .any(|d| d.message.contains("marks the time only every 5 minutes")),
            "{:?}",
            t.diagnostics
        );
        no_furniture(&t);
        // Attendees: the speakers who are on the list plus the silent ones, no bots.
        for a in &t.attendees {
            assert!(
                !a.contains("Presentation") && !a.contains("Notetaker"),
                "{a}"
            );
        }
        let report = analyze(&path);
        assert_eq!(report["format"], "google-meet");
        assert_eq!(speaker_names(&report), m.speakers);
        assert_eq!(strings(&report["silent_attendees"]), m.silent, "{}", m.file);
        assert!(report["roster_balance"].is_object(), "{}", m.file);
    }
}

#[test]
fn meet_fixtures() {
    check_meet(&fixtures().join("exports/google-meet"));
}

#[test]
fn meet_corpus() {
    let Some(c) = corpus() else { return };
    check_meet(&c.join("exports/google-meet"));
}

struct Otter {
    file: &'static str,
    speakers: &'static [&'static str],
    first: f64,
    last: f64,
}

const OTTER: [Otter; 2] = [
    Otter {
        file: "ladybug-62-security.txt",
        speakers: &["Emma", "Kelly", "unknown speaker", "Tailor", "Sidney"],
        first: 0.0,
        last: 55.0 * 60.0 + 21.0,
    },
    Otter {
        file: "ladybug-67-cryptography.txt",
        speakers: &["Emma", "Kelly", "Ali", "unknown speaker"],
        first: 0.0,
        last: 34.0 * 60.0 + 25.0,
    },
];

fn check_otter(path: &Path, speakers: &[&str], first: f64, last: f64) -> Transcript {
    let text = String::from_utf8(std::fs::read(path).unwrap()).unwrap();
    assert_eq!(
        ingest::detect(&text),
        InputFormat::Otter,
        "{}",
        path.display()
    );
    let t = load_ok(path);
    assert_eq!(t.format, "otter");
    assert_eq!(t.speakers, speakers, "{}", path.display());
    assert_eq!(first_last_start(&t), (first, last), "{}", path.display());
    no_furniture(&t);
    // Turns never overlap: each ends where the next begins (or earlier, before a header
    // without words).
    for w in t.segments.windows(2) {
        assert!(w[0].span.unwrap().end <= w[1].span.unwrap().start);
    }
    // The last turn's end is an estimate, and a warning says so.
    assert!(
        t.diagnostics
            .iter()
            .any(|d| d.message.contains("estimated")),
        "{:?}",
        t.diagnostics
    );
    t
}

#[test]
fn otter_corpus() {
    let Some(c) = corpus() else { return };
    for o in &OTTER {
        let t = check_otter(
            &c.join("exports/otter").join(o.file),
            o.speakers,
            o.first,
            o.last,
        );
        assert!(t.anonymous_speakers, "`Unknown Speaker` is unnamed");
    }
}

#[test]
fn otter_fixture() {
    let path = fixtures().join("exports/otter/otter-layout-synthetic.txt");
    let t = check_otter(
        &path,
        &["Dana Whitfield", "Omar O'Brien", "unknown speaker", "Rae 2"],
        0.0,
        3610.0,
    );
    // `Rae 2  0:31` has no words: Dana's turn ends there, and 0:31–0:33 is no one's.
    let dana = &t.segments[3];
    assert_eq!(
        dana.text,
        "Let us start with light. How many hours of sun does a balcony need? Most people guess \
         too low."
    );
    assert_eq!(
        (dana.span.unwrap().start, dana.span.unwrap().end),
        (23_000, 31_000)
    );
    assert_eq!(t.segments[4].span.unwrap().start, 33_000);
}

/// The `.docx` samples: (file, format, speakers, first start, last start).
const DOCX: [(&str, &str, &[&str], f64, f64); 2] = [
    (
        "stream-style-synthetic.docx",
        "stream-docx",
        &["田中太郎", "鈴木花子", "佐藤次郎"],
        5.1,
        29.0,
    ),
    (
        "teams-style-synthetic.docx",
        "teams-docx",
        &["👨 TANAKA Taro 田中 太郎", "👩 SUZUKI Hanako 鈴木 花子"],
        147.0,
        190.0,
    ),
];

fn check_docx(dir: &Path) {
    for (file, format, speakers, first, last) in DOCX {
        let path = dir.join(file);
        let t = load_ok(&path);
        assert_eq!(t.format, format, "{file}");
        assert_eq!(t.speakers, speakers, "{file}");
        assert_eq!(first_last_start(&t), (first, last), "{file}");
        no_furniture(&t);
        let report = analyze(&path);
        assert_eq!(report["format"], format);
        assert_eq!(speaker_names(&report), speakers);
    }
    // Stream gives real ends: the last cue ends at 0:0:32.400.
    let t = load_ok(&dir.join("stream-style-synthetic.docx"));
    assert_eq!(t.segments.last().unwrap().span.unwrap().end, 32_400);
    assert!(t.diagnostics.is_empty(), "{:?}", t.diagnostics);
}

#[test]
fn docx_fixtures() {
    check_docx(&fixtures().join("exports/teams-docx"));
}

#[test]
fn docx_corpus() {
    let Some(c) = corpus() else { return };
    check_docx(&c.join("exports/teams-docx"));
}

/// A temporary directory with the given files.
fn dir_with(files: &[(&str, Vec<u8>)]) -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(d.path().join(name), bytes).unwrap();
    }
    d
}

/// A zip of the given files.
fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in files {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A small `.docx` whose `word/document.xml` holds the given paragraphs.
fn docx_of(paragraphs: &[&str]) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>"))
        .collect();
    let xml = format!(
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:body>{body}</w:body></w:document>"
    );
    zip_of(&[("word/document.xml", xml.as_bytes())])
}

/// A directory walk keeps `.md` and `.docx` files only when they are recognised transcripts;
/// a file named on the command line is read whatever it holds.
#[test]
fn walk_keeps_only_recognised_md_and_docx() {
    let meet =
        std::fs::read(fixtures().join("exports/google-meet/polygon-ppgc-03-2023.md")).unwrap();
    let d = dir_with(&[
        ("call.md", meet),
        (
            "notes.md",
            b"# Notes\n\nAgenda: budget.\nAnn: bring the slides.\n".to_vec(),
        ),
        (
            "teams.docx",
            docx_of(&["Ann Lee   0:03", "Hello.", "Bo   0:09", "Hi."]),
        ),
        ("agenda.docx", docx_of(&["Agenda", "1. Budget"])),
        ("broken.docx", b"PK\x03\x04 not really a zip".to_vec()),
    ]);
    let (inputs, errors) = turnstat::discover::expand(&[d.path().to_path_buf()]);
    assert!(errors.is_empty());
    let names: Vec<String> = inputs
        .iter()
        .map(|i| match i.path() {
            Some(p) => p.file_name().unwrap().to_string_lossy().into(),
            None => "-".into(),
        })
        .collect();
    assert_eq!(names, vec!["call.md", "teams.docx"]);
    // Named explicitly, the note is read (as plain text).
    let notes: PathBuf = d.path().join("notes.md");
    let (inputs, _) = turnstat::discover::expand(std::slice::from_ref(&notes));
    assert_eq!(inputs.len(), 1);
}

/// A bad `.docx` is rejected with an error naming the file and the problem; the rest of the
/// batch is still reported.
#[test]
fn bad_docx_rejected_batch_continues() {
    let d = dir_with(&[
        ("a-garbage.docx", b"PK\x03\x04\x14\x00 truncated".to_vec()),
        ("b-not-word.docx", zip_of(&[("readme.txt", b"hello")])),
        (
            "c-good.docx",
            docx_of(&["Ann Lee   0:03", "Hello.", "Bo   0:09", "Hi."]),
        ),
    ]);
    let out = turnstat()
        .args(["analyze", "-f", "json"])
        .arg(d.path().join("a-garbage.docx"))
        .arg(d.path().join("b-not-word.docx"))
        .arg(d.path().join("c-good.docx"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("a-garbage.docx: error: not a readable .docx (zip) file"),
        "{stderr}"
    );
    assert!(
        stderr.contains("b-not-word.docx: error: no word/document.xml"),
        "{stderr}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["meetings"].as_array().unwrap().len(), 1);
    assert_eq!(v["meetings"][0]["format"], "teams-docx");
    assert_eq!(speaker_names(&v["meetings"][0]), ["Ann Lee", "Bo"]);
}

/// `--input-format` names the new readers.
#[test]
fn input_format_values() {
    let path = fixtures().join("exports/otter/otter-layout-synthetic.txt");
    let out = turnstat()
        .args(["turns", "-q", "-f", "json", "--input-format", "otter"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = turnstat()
        .args(["turns", "-q", "--input-format", "docx"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a .docx"));
    let out = turnstat()
        .args(["turns", "-q", "-f", "json", "--input-format", "google-meet"])
        .arg(fixtures().join("exports/google-meet/polygon-ppgc-17-2024.md"))
        .output()
        .unwrap();
    assert!(out.status.success());
}
