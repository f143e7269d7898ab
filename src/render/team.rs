//! Renderers of the team report (`turnstat report`): tables and Markdown. Changes against
//! the previous period are marked ▲ (up) / ▼ (down) / = (same), with the signed value.

use crate::render::inert;
use crate::team::TeamReport;

fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "–".into(), |x| format!("{:.1}%", x * 100.0))
}

fn num(v: Option<f64>, places: usize) -> String {
    v.map_or_else(|| "–".into(), |x| format!("{x:.places$}"))
}

fn mark_f(v: Option<f64>, scale: f64, places: usize, unit: &str) -> String {
    match v {
        None => String::new(),
        Some(x) if x > 0.0 => format!(" ▲+{:.places$}{unit}", x * scale),
        Some(x) if x < 0.0 => format!(" ▼{:.places$}{unit}", x * scale),
        Some(_) => " =".into(),
    }
}

fn mark_i(v: Option<i64>) -> String {
    match v {
        None => String::new(),
        Some(x) if x > 0 => format!(" ▲+{x}"),
        Some(x) if x < 0 => format!(" ▼{x}"),
        Some(_) => " =".into(),
    }
}

const HEADER: [&str; 8] = [
    "person",
    "meetings",
    "talk share",
    "interrupts (competitive)",
    "interrupted (competitive)",
    "backchannels",
    "inclusive /1k words",
    "sentiment",
];

fn rows(r: &TeamReport) -> Vec<(String, Vec<Vec<String>>, String)> {
    r.periods
        .iter()
        .map(|p| {
            let team = format!(
                "{} meetings; mean gini {}, evenness {}, max share {}; {} competitive interruptions/hour",
                p.team.meetings,
                num(p.team.gini_mean, 2),
                num(p.team.evenness_mean, 2),
                pct(p.team.max_share_mean),
                num(p.team.interruptions_per_hour, 1)
            );
            let rows = p
                .people
                .iter()
                .map(|q| {
                    vec![
                        q.name.clone(),
                        q.meetings.to_string(),
                        format!(
                            "{}{}",
                            pct(q.talk_share_mean),
                            mark_f(q.talk_share_change, 100.0, 1, " pts")
                        ),
                        format!(
                            "{}{}",
                            q.interruptions_made,
                            mark_i(q.interruptions_made_change)
                        ),
                        format!(
                            "{}{}",
                            q.interruptions_received,
                            mark_i(q.interruptions_received_change)
                        ),
                        format!("{}{}", q.backchannels, mark_i(q.backchannels_change)),
                        format!(
                            "{}{}",
                            num(q.inclusive_per_1000_words, 2),
                            mark_f(q.inclusive_change, 1.0, 2, "")
                        ),
                        format!(
                            "{}{}",
                            num(q.sentiment_mean, 3),
                            mark_f(q.sentiment_change, 1.0, 3, "")
                        ),
                    ]
                })
                .collect();
            (p.period.clone(), rows, team)
        })
        .collect()
}

/// Terminal tables, one per period, then the people over the whole range, fitted to `width`
/// (wrapped by comfy-table; `None` or `Some(0)`: natural width, see
/// [`crate::render::width`]).
pub fn table(r: &TeamReport, width: Option<u16>) -> String {
    use comfy_table::{Table, presets};
    let mut out = format!(
        "team report by {}: {} meetings in {} periods (▲/▼: change against the previous period)\n\n",
        r.by,
        r.meetings.len(),
        r.periods.len()
    );
    for (label, rows, team) in rows(r) {
        out.push_str(&format!("{label}: {team}\n"));
        let mut t = Table::new();
        t.load_style(presets::UTF8_FULL_CONDENSED);
        crate::render::width::arrange(&mut t, width);
        t.set_header(HEADER.to_vec());
        for row in rows {
            t.add_row(row.iter().map(|c| inert(c)).collect::<Vec<_>>());
        }
        crate::render::width::floor_columns(&mut t, width);
        out.push_str(&t.to_string());
        out.push_str("\n\n");
    }
    out.push_str("overall (talk share trend in points per period)\n");
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    crate::render::width::arrange(&mut t, width);
    t.set_header(vec![
        "person",
        "meetings",
        "talk share",
        "trend",
        "interrupts (competitive)",
        "interrupted (competitive)",
        "backchannels",
    ]);
    for p in &r.people {
        let f = &p.figures;
        t.add_row(vec![
            inert(&f.name),
            f.meetings.to_string(),
            pct(f.talk_share_mean),
            mark_f(p.talk_share_trend, 100.0, 1, "").trim().to_string(),
            f.interruptions_made.to_string(),
            f.interruptions_received.to_string(),
            f.backchannels.to_string(),
        ]);
    }
    crate::render::width::floor_columns(&mut t, width);
    out.push_str(&t.to_string());
    out.push('\n');
    for s in &r.skipped {
        out.push_str(&format!("note: {}\n", inert(s)));
    }
    out
}

fn md_cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace(['\n', '\r'], " ")
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Markdown for a CI step summary.
pub fn markdown(r: &TeamReport) -> String {
    let mut out = format!(
        "# Team report by {}\n\n{} meetings in {} periods. ▲/▼ mark the change against the previous period.\n\n",
        r.by,
        r.meetings.len(),
        r.periods.len()
    );
    for (label, rows, team) in rows(r) {
        out.push_str(&format!("## {}\n\n{}\n\n", md_cell(&label), md_cell(&team)));
        out.push_str(&format!("| {} |\n", HEADER.join(" | ")));
        out.push_str("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for row in rows {
            let cells: Vec<String> = row.iter().map(|c| md_cell(c)).collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        out.push('\n');
    }
    if let Some(b) = &r.baseline {
        out.push_str("## Since the baseline\n\n| person | metric | then | now | change |\n| --- | --- | ---: | ---: | ---: |\n");
        for p in b {
            for (k, (then, now, change)) in &p.metrics {
                if change.is_some_and(|c| c != 0.0) {
                    out.push_str(&format!(
                        "| {} | {} | {} | {} | {} |\n",
                        md_cell(&p.name),
                        k,
                        num(*then, 4),
                        num(*now, 4),
                        mark_f(*change, 1.0, 4, "").trim()
                    ));
                }
            }
        }
        out.push('\n');
    }
    for s in &r.skipped {
        out.push_str(&format!("- note: {}\n", md_cell(s)));
    }
    out
}
