//! Renderers of the `analyze` report: a terminal table and the JSON model.

use crate::render::inert;
use crate::report::{MeetingReport, Report};
use comfy_table::{CellAlignment, ContentArrangement, Table, presets};

/// The complete model as pretty JSON (ends with a newline).
pub fn json(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report).unwrap_or_default();
    s.push('\n');
    s
}

fn opt<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map_or_else(|| "–".to_string(), |x| x.to_string())
}

fn opt_f(v: Option<f64>, places: usize) -> String {
    v.map_or_else(|| "–".to_string(), |x| format!("{x:.places$}"))
}

fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_string(), |x| format!("{:.1}%", x * 100.0))
}

fn clock(s: Option<f64>) -> String {
    s.map_or_else(
        || "–".to_string(),
        |s| {
            let ms = (s * 1000.0).round() as u64;
            format!(
                "{}:{:02}:{:02}",
                ms / 3_600_000,
                ms / 60_000 % 60,
                ms / 1000 % 60
            )
        },
    )
}

fn table() -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    t.set_content_arrangement(ContentArrangement::Dynamic);
    t
}

/// One meeting as text: a summary line, the speakers table, balance, the who-interrupts-whom
/// matrix and the warnings.
pub fn meeting_table(m: &MeetingReport) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{} ({}): duration {}, speech {}, overlap {}, silence {}, {} switches/min, interruptions {}\n",
        inert(&m.source),
        m.format,
        clock(m.duration_seconds),
        clock(m.speech_seconds),
        clock(m.overlap_seconds),
        clock(m.silence_seconds),
        opt_f(m.switches_per_minute, 2),
        serde_json::to_value(m.interruption_mode).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default(),
    ));
    let mut t = table();
    t.set_header(vec![
        "speaker",
        "talk",
        "share",
        "turns",
        "words",
        "wpm",
        "longest",
        "gap (med)",
        "questions",
        "fillers/100",
        "interrupts",
        "interrupted",
        "backchannels",
    ]);
    for s in &m.speakers {
        t.add_row(vec![
            inert(&s.name),
            clock(s.talk_seconds),
            pct(s.talk_share),
            s.turns.to_string(),
            opt(s.words),
            opt_f(s.words_per_minute, 0),
            s.longest_monologue
                .as_ref()
                .map_or_else(|| "–".to_string(), |l| format!("{:.0}s", l.seconds)),
            opt_f(s.response_gap_median_seconds, 2),
            opt(s.questions),
            opt_f(s.fillers_per_100_words, 1),
            format!(
                "{} ({} took floor)",
                s.interruptions_made, s.interruptions_successful
            ),
            s.interruptions_received.to_string(),
            s.backchannels.to_string(),
        ]);
    }
    for i in 1..13 {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    out.push_str(&t.to_string());
    out.push('\n');
    for b in std::iter::once(&m.balance).chain(m.roster_balance.as_ref()) {
        out.push_str(&format!(
            "balance over {} {}: gini {}, evenness {}, max share {} (equal share {}), turn gini {}\n",
            b.people,
            if b.covers == "roster" { "people on the roster (silent attendees count as zero)" } else { "speakers" },
            opt_f(b.gini, 2),
            opt_f(b.evenness, 2),
            pct(b.max_share),
            pct(b.equal_share),
            format_args!("{:.2}", b.turn_gini),
        ));
    }
    if !m.silent_attendees.is_empty() {
        out.push_str(&format!(
            "silent attendees: {}\n",
            inert(&m.silent_attendees.join(", "))
        ));
    }
    let total: usize = m.matrix.counts.iter().flatten().sum();
    if total > 0 {
        let mut t = table();
        let mut header = vec!["who ↓ interrupts whom →".to_string()];
        let active: Vec<usize> = (0..m.matrix.speakers.len())
            .filter(|&i| {
                m.matrix.counts[i].iter().sum::<usize>() > 0
                    || m.matrix.counts.iter().any(|r| r[i] > 0)
            })
            .collect();
        header.extend(active.iter().map(|&i| inert(&m.matrix.speakers[i])));
        t.set_header(header);
        for &i in &active {
            let mut row = vec![inert(&m.matrix.speakers[i])];
            row.extend(active.iter().map(|&j| {
                if i == j {
                    "·".to_string()
                } else {
                    m.matrix.counts[i][j].to_string()
                }
            }));
            t.add_row(row);
        }
        out.push_str(&t.to_string());
        out.push('\n');
    }
    for w in &m.warnings {
        out.push_str(&format!("note: {w}\n"));
    }
    out
}

/// The whole report as text.
pub fn table_text(r: &Report) -> String {
    let mut out = String::new();
    for m in &r.meetings {
        out.push_str(&meeting_table(m));
        out.push('\n');
    }
    out
}
