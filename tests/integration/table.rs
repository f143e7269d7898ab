//! The terminal tables and the width they are fitted to: the `analyze` table snapshotted at
//! an unknown width, 60, 80 and 120 columns and with `--wide`; one line per speaker and no
//! line wider than the terminal at any width; columns dropped in the documented order;
//! `COLUMNS`; the other tables (turns, check, report) at their natural width when the width
//! is unknown.

use crate::util::fixtures;
use assert_cmd::Command;
use turnstat::ingest::{self, IngestOptions};
use turnstat::metrics::MetricsOptions;
use turnstat::render::report::{COLUMN_PRIORITY, KEPT_COLUMNS, SpeakerColumn, meeting_table};
use turnstat::render::width::display_width;
use turnstat::report::{self, MeetingReport};

const AMI: &str = "ami/ES2005a.vtt";
const ZOOM: &str = "zoom/acdc_2026-02-19_175.vtt";

fn turnstat() -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin!("turnstat"));
    // Fixture paths relative to the checkout, as the source names of `meeting()`.
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c.env_remove("COLUMNS");
    c
}

/// A fixture's report, under the source name `fixtures/<rel>` (no absolute path in snapshots).
fn meeting(rel: &str) -> MeetingReport {
    let bytes = std::fs::read(fixtures().join(rel)).unwrap();
    let mut ts = ingest::load(
        &format!("fixtures/{rel}"),
        &bytes,
        &IngestOptions::default(),
    )
    .unwrap_or_else(|r| panic!("{rel} rejected: {:?}", r.diagnostics));
    report::analyze(&ts.remove(0), &MetricsOptions::default())
}

fn stdout(c: &mut Command) -> String {
    String::from_utf8(c.assert().code(0).get_output().stdout.clone()).unwrap()
}

/// Lines drawn by a table (borders and rows).
fn is_table_line(l: &str) -> bool {
    l.starts_with(['┌', '│', '╞', '└', '├'])
}

/// The speakers table: the first table of a meeting's text, top border to bottom border.
fn speakers_table(text: &str) -> Vec<&str> {
    text.lines()
        .skip_while(|l| !l.starts_with('┌'))
        .take_while(|l| is_table_line(l))
        .collect()
}

/// The columns a speakers table shows, read from its header line.
fn shown_columns(table: &[&str]) -> Vec<SpeakerColumn> {
    table[1]
        .split(['│', '┆'])
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .map(|h| {
            *SpeakerColumn::ALL
                .iter()
                .find(|c| c.header() == h || c.short_header() == h)
                .unwrap_or_else(|| panic!("unknown header {h:?}"))
        })
        .collect()
}

/// Every speaker on exactly one line of the speakers table, in order, under their name or
/// its start cut with `…`; no line of the speakers table wider than `w`.
fn assert_fits(m: &MeetingReport, w: u16, text: &str) {
    let table = speakers_table(text);
    // Top border, header, separator, one row per speaker, bottom border.
    assert_eq!(table.len(), m.speakers.len() + 4, "at {w}:\n{text}");
    for (row, s) in table[3..table.len() - 1].iter().zip(&m.speakers) {
        let cell = row
            .trim_start_matches('│')
            .split('┆')
            .next()
            .unwrap()
            .trim();
        let cut = cell
            .strip_suffix('…')
            .is_some_and(|start| s.name.starts_with(start));
        assert!(cell == s.name || cut, "{} at {w}: {row}", s.name);
    }
    for l in &table {
        assert!(l.chars().count() <= usize::from(w), "at {w}: {l}");
        assert!(display_width(l) <= usize::from(w), "at {w}: {l}");
    }
}

#[test]
fn snapshot_analyze_table_at_each_width() {
    let m = meeting(AMI);
    for (name, width) in [
        ("table_ami_width_unknown", Some(0)),
        ("table_ami_width_60", Some(60)),
        ("table_ami_width_80", Some(80)),
        ("table_ami_width_120", Some(120)),
    ] {
        insta::assert_snapshot!(name, meeting_table(&m, width));
    }
    // `None` and `Some(0)` are the same: unknown.
    assert_eq!(meeting_table(&m, None), meeting_table(&m, Some(0)));
}

#[test]
fn snapshot_analyze_wide_ignores_the_width() {
    let m = meeting(AMI);
    let wide = stdout(
        turnstat()
            .env("COLUMNS", "60")
            .args(["analyze", "-q", "-f", "table", "--wide"])
            .arg(format!("fixtures/{AMI}")),
    );
    insta::assert_snapshot!("table_ami_wide", wide);
    // Every column, full headers: the table of an unknown width.
    assert_eq!(wide, format!("{}\n", meeting_table(&m, None)));
    let table = speakers_table(&wide);
    assert_eq!(shown_columns(&table), SpeakerColumn::ALL);
    assert!(table[1].contains("backchannels") && table[1].contains("gap (med)"));
}

#[test]
fn columns_sets_the_width() {
    let m = meeting(AMI);
    for w in [60u16, 80, 120] {
        let out = stdout(
            turnstat()
                .env("COLUMNS", w.to_string())
                .args(["analyze", "-q", "-f", "table"])
                .arg(format!("fixtures/{AMI}")),
        );
        assert_eq!(
            out,
            format!("{}\n", meeting_table(&m, Some(w))),
            "COLUMNS={w}"
        );
    }
    // Not a number: ignored (stdout is a pipe here, so the width is unknown).
    let out = stdout(
        turnstat()
            .env("COLUMNS", "wide")
            .args(["analyze", "-q", "-f", "table"])
            .arg(format!("fixtures/{AMI}")),
    );
    assert_eq!(out, format!("{}\n", meeting_table(&m, None)));
}

#[test]
fn one_line_per_speaker_at_80_columns() {
    for rel in [AMI, ZOOM] {
        let m = meeting(rel);
        let text = meeting_table(&m, Some(80));
        assert_fits(&m, 80, &text);
        let table = speakers_table(&text);
        for s in &m.speakers {
            let lines = table.iter().filter(|l| l.contains(s.name.as_str())).count();
            assert_eq!(lines, 1, "{}:\n{text}", s.name);
        }
        // Every table (the matrix too) fits.
        for l in text.lines().filter(|l| is_table_line(l)) {
            assert!(l.chars().count() <= 80, "{l}");
            assert!(display_width(l) <= 80, "{l}");
        }
        // Short headers, explained under the table; nothing under it wider than 80 either.
        assert!(text.contains(" = "), "{text}");
        let end = text.find('└').unwrap();
        for l in text[end..]
            .lines()
            .skip(1)
            .take_while(|l| !l.starts_with("balance"))
        {
            assert!(display_width(l) <= 80, "{l}");
        }
    }
}

#[test]
fn every_width_keeps_one_line_per_speaker_and_drops_by_priority() {
    let rels = [
        AMI,
        ZOOM,
        "stt-json/dg_utterances.json",
        "dynamics/overlaps.vtt",
        "captions/cdp_seattle_brief_080221.vtt",
    ];
    for rel in rels {
        let m = meeting(rel);
        let mut last_shown = 0;
        // From 24 columns: a cut name (8) and the share (up to `100.0%`) fit.
        for w in (24u16..=200).step_by(4) {
            let text = meeting_table(&m, Some(w));
            assert_fits(&m, w, &text);
            let shown = shown_columns(&speakers_table(&text));
            // The columns shown are the first k of the priority order, in display order.
            let k = shown.len();
            assert!(k >= KEPT_COLUMNS, "{rel} at {w}");
            let mut expected: Vec<SpeakerColumn> = COLUMN_PRIORITY[..k].to_vec();
            expected.sort_by_key(|c| SpeakerColumn::ALL.iter().position(|a| a == c));
            assert_eq!(shown, expected, "{rel} at {w}");
            // A wider terminal never shows fewer columns.
            assert!(k >= last_shown, "{rel} at {w}");
            last_shown = k;
            // Hidden columns are named under the table.
            assert_eq!(text.contains("(see --wide)"), k < SpeakerColumn::ALL.len());
        }
        assert_eq!(
            last_shown,
            SpeakerColumn::ALL.len(),
            "{rel}: all shown at 200"
        );
    }
}

/// The widest line of the speakers table.
fn table_width(text: &str) -> u16 {
    let w = speakers_table(text).iter().map(|l| display_width(l)).max();
    u16::try_from(w.unwrap()).unwrap()
}

#[test]
fn widths_are_measured_exactly() {
    for rel in [AMI, ZOOM] {
        let m = meeting(rel);
        // The full table at exactly its own width; one column less, the compact one.
        let full = meeting_table(&m, None);
        let natural = table_width(&full);
        assert_eq!(meeting_table(&m, Some(natural)), full, "{rel}");
        let compact = meeting_table(&m, Some(natural - 1));
        assert_ne!(compact, full, "{rel}");
        // The compact table with every column, at exactly its width; one less drops one.
        let all = SpeakerColumn::ALL.len();
        assert_eq!(shown_columns(&speakers_table(&compact)).len(), all, "{rel}");
        let w = table_width(&compact);
        let at = |w: u16| shown_columns(&speakers_table(&meeting_table(&m, Some(w)))).len();
        assert_eq!(at(w), all, "{rel}");
        assert_eq!(at(w - 1), all - 1, "{rel}");
    }
}

#[test]
fn names_are_cut_only_when_the_kept_columns_do_not_fit() {
    let m = meeting(ZOOM);
    // 24-column names: at 40 the name and share fit whole, the rest is hidden.
    let text = meeting_table(&m, Some(40));
    assert!(text.contains("Justin Florentine (Besu)"), "{text}");
    assert!(!speakers_table(&text).iter().any(|l| l.contains('…')));
    // At 30 the longest name is cut, with `…`, and still on one line; the others are whole.
    let text = meeting_table(&m, Some(30));
    assert_fits(&m, 30, &text);
    assert!(text.contains("│ Justin Florentine… ┆"), "{text}");
    assert!(text.contains("│ Parithosh Jayanthi ┆"), "{text}");
    assert_eq!(shown_columns(&speakers_table(&text)).len(), KEPT_COLUMNS);
}

#[test]
fn turns_table_natural_at_an_unknown_width_fitted_at_a_known_one() {
    let bytes = std::fs::read(fixtures().join(AMI)).unwrap();
    let t = ingest::load(
        "fixtures/ami/ES2005a.vtt",
        &bytes,
        &IngestOptions::default(),
    )
    .unwrap()
    .remove(0);
    for width in [None, Some(0)] {
        let text = turnstat::render::turns::table(&[&t], width);
        let rows = text.lines().filter(|l| is_table_line(l)).count();
        // Top border, header, separator, one line per turn, bottom border: nothing folded.
        assert_eq!(rows, t.turns.len() + 4, "{width:?}");
        assert!(
            text.contains("┆ speaker ") && text.contains("┆ text "),
            "{width:?}"
        );
    }
    let text = turnstat::render::turns::table(&[&t], Some(60));
    for l in text.lines().filter(|l| is_table_line(l)) {
        assert!(display_width(l) <= 60, "{l}");
    }
    // The binary, its stdout a pipe and no COLUMNS: the natural width.
    let out = stdout(
        turnstat()
            .args(["turns", "-q", "-f", "table"])
            .arg(format!("fixtures/{AMI}")),
    );
    assert_eq!(out, turnstat::render::turns::table(&[&t], None));
}

#[test]
fn check_table_natural_at_an_unknown_width() {
    let line = "Hey guys, this sentence is long enough that a narrow table would have to fold it \
                over several lines, which an unknown width must not do.";
    let input = format!("{line}\nThanks everyone.\n");
    let natural = stdout(turnstat().arg("check").write_stdin(input.clone()));
    let rows: Vec<&str> = natural.lines().filter(|l| is_table_line(l)).collect();
    assert_eq!(rows.len(), 2 + 4, "{natural}");
    assert!(natural.contains(line), "{natural}");
    let wide = stdout(
        turnstat()
            .env("COLUMNS", "50")
            .args(["check", "--wide"])
            .write_stdin(input.clone()),
    );
    assert_eq!(wide, natural);
    let narrow = stdout(
        turnstat()
            .env("COLUMNS", "50")
            .arg("check")
            .write_stdin(input),
    );
    assert!(narrow.lines().count() > natural.lines().count(), "{narrow}");
    for l in narrow.lines() {
        assert!(display_width(l) <= 50, "{l}");
    }
}

#[test]
fn report_tables_natural_at_an_unknown_width() {
    let run = |columns: Option<&str>, wide: bool| {
        let mut c = turnstat();
        c.args(["report", "-q", "-f", "table"]);
        if wide {
            c.arg("--wide");
        }
        if let Some(v) = columns {
            c.env("COLUMNS", v);
        }
        stdout(c.arg(format!("fixtures/{AMI}")))
    };
    let natural = run(None, false);
    // Headers whole, on one line each.
    assert!(
        natural.contains("┆ interrupts (competitive) ┆"),
        "{natural}"
    );
    assert!(natural.contains("┆ inclusive /1k words ┆"), "{natural}");
    assert_eq!(run(Some("0"), false), natural);
    assert_eq!(run(Some("60"), true), natural);
    let narrow = run(Some("60"), false);
    for l in narrow.lines().filter(|l| is_table_line(l)) {
        assert!(display_width(l) <= 60, "{l}");
    }
}
