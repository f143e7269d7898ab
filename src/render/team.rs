//! Renderers of the team report (`turnstat report`): tables and Markdown. Changes against
//! the previous period are marked ▲ (up) / ▼ (down) / = (same), with the signed value.
//!
//! Every output opens with the team picture: the summary table ([`summary_table`], the
//! last [`SUMMARY_PERIODS`] periods) and "what changed" ([`what_changed_lines`]); then the
//! people by meetings attended, those seen in fewer than `min_meetings` meetings folded
//! into one compact table; then the details per period. The summary's cells are built once
//! here as [`Part`]s that name the model field they show, so the HTML page can mark each
//! number with it (`data-field`, a JSON pointer into the team JSON) and tests can compare
//! the page with the model.

use crate::render::inert;
use crate::report::team::TeamReport;
use crate::report::team::summary::Moved;

/// The summary shows at most this many periods (the last ones); all periods stay in the
/// details.
pub const SUMMARY_PERIODS: usize = 12;

/// A piece of a summary cell: its text and, for a number, the model field it shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    /// The text as shown.
    pub text: String,
    /// A JSON pointer into the team JSON (`/periods/3/team/gini_mean`), for numbers.
    pub field: Option<String>,
    /// The field's value as JSON (`0.4123`, `null`, `"2026-03"`).
    pub value: String,
}

impl Part {
    fn text(s: impl Into<String>) -> Part {
        Part {
            text: s.into(),
            field: None,
            value: String::new(),
        }
    }

    fn field<V: serde::Serialize>(text: String, field: String, value: &V) -> Part {
        Part {
            text,
            field: Some(field),
            value: serde_json::to_string(value).unwrap_or_default(),
        }
    }
}

/// A cell: its parts in order.
pub type Cell = Vec<Part>;

/// The text of a cell.
pub fn cell_text(c: &[Part]) -> String {
    c.iter().map(|p| p.text.as_str()).collect()
}

/// The header of the summary table.
pub const SUMMARY_HEAD: [&str; 10] = [
    "period",
    "meetings",
    "hours",
    "Gini",
    "largest share (equal)",
    "silent",
    "competitive /h",
    "all /h (cooperative)",
    "inclusive /1,000 words",
    "sentiment",
];

fn signed3(x: f64) -> String {
    format!("{x:+.3}").replace('-', "−")
}

/// A change mark with a real minus: ` ▲+0.03`, ` ▼−1.2 pts`; ` =` when the change shows as
/// zero at this precision.
fn mark_text(x: f64, scale: f64, places: usize, unit: &str) -> String {
    if format!("{:.places$}", (x * scale).abs())
        .bytes()
        .all(|b| b == b'0' || b == b'.')
    {
        " =".to_string()
    } else if x > 0.0 {
        format!(" ▲+{:.places$}{unit}", x * scale)
    } else if x < 0.0 {
        format!(" ▼−{:.places$}{unit}", -x * scale)
    } else {
        " =".to_string()
    }
}

/// How a figure is shown: its format, and its change's scale, places and unit.
#[derive(Clone, Copy)]
struct Fmt {
    show: fn(f64) -> String,
    scale: f64,
    places: usize,
    unit: &'static str,
}

fn show_pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

fn show_f0(x: f64) -> String {
    format!("{x:.0}")
}

fn show_f1(x: f64) -> String {
    format!("{x:.1}")
}

fn show_f2(x: f64) -> String {
    format!("{x:.2}")
}

const PCT: Fmt = Fmt {
    show: show_pct,
    scale: 100.0,
    places: 1,
    unit: " pts",
};
const F0: Fmt = Fmt {
    show: show_f0,
    scale: 1.0,
    places: 0,
    unit: "",
};
const F1: Fmt = Fmt {
    show: show_f1,
    scale: 1.0,
    places: 1,
    unit: "",
};
const F2: Fmt = Fmt {
    show: show_f2,
    scale: 1.0,
    places: 2,
    unit: "",
};
const TONE: Fmt = Fmt {
    show: signed3,
    scale: 1.0,
    places: 3,
    unit: "",
};

/// A figure and its change, each a part naming its field (the change only when known).
fn figure(cell: &mut Cell, k: usize, name: &str, value: Option<f64>, change: Option<f64>, f: Fmt) {
    cell.push(Part::field(
        value.map_or_else(|| "–".to_string(), f.show),
        format!("/periods/{k}/team/{name}"),
        &value,
    ));
    if let Some(c) = change {
        cell.push(Part::field(
            mark_text(c, f.scale, f.places, f.unit),
            format!("/periods/{k}/team_change/{name}"),
            &c,
        ));
    }
}

/// The summary table: one row per period (the last [`SUMMARY_PERIODS`]), the cells as
/// [`Part`]s.
pub fn summary_table(t: &TeamReport) -> Vec<Vec<Cell>> {
    let start = t.summary_start(SUMMARY_PERIODS);
    let mut rows = Vec::new();
    for (k, p) in t.periods.iter().enumerate().skip(start) {
        let f = &p.team;
        let c = p.team_change.as_ref();
        let fig = |name: &str, value: Option<f64>, change: Option<f64>, fmt: Fmt| {
            let mut cell = Vec::new();
            figure(&mut cell, k, name, value, change, fmt);
            cell
        };
        // A count and its (whole) change.
        let whole = |name: &str, value: Option<usize>, change: Option<i64>| {
            let mut cell = vec![Part::field(
                value.map_or_else(|| "–".to_string(), |x| x.to_string()),
                format!("/periods/{k}/team/{name}"),
                &value,
            )];
            if let Some(x) = change {
                cell.push(Part::field(
                    mark_text(x as f64, 1.0, 0, ""),
                    format!("/periods/{k}/team_change/{name}"),
                    &x,
                ));
            }
            cell
        };
        let mut largest = fig(
            "max_share_mean",
            f.max_share_mean,
            c.and_then(|c| c.max_share_mean),
            PCT,
        );
        largest.push(Part::text(" ("));
        largest.extend(fig("equal_share_mean", f.equal_share_mean, None, PCT));
        largest.push(Part::text(")"));
        let mut all = fig(
            "all_interruptions_per_hour",
            f.all_interruptions_per_hour,
            c.and_then(|c| c.all_interruptions_per_hour),
            F1,
        );
        all.push(Part::text(" ("));
        all.extend(fig(
            "cooperative_interruptions_per_hour",
            f.cooperative_interruptions_per_hour,
            None,
            F1,
        ));
        all.push(Part::text(")"));
        rows.push(vec![
            vec![Part::field(
                p.period.clone(),
                format!("/periods/{k}/period"),
                &p.period,
            )],
            whole("meetings", Some(f.meetings), c.map(|c| c.meetings)),
            fig("hours", f.hours, c.and_then(|c| c.hours), F1),
            fig("gini_mean", f.gini_mean, c.and_then(|c| c.gini_mean), F2),
            largest,
            whole(
                "silent_attendees",
                f.silent_attendees,
                c.and_then(|c| c.silent_attendees),
            ),
            fig(
                "interruptions_per_hour",
                f.interruptions_per_hour,
                c.and_then(|c| c.interruptions_per_hour),
                F1,
            ),
            all,
            fig(
                "inclusive_per_1000_words",
                f.inclusive_per_1000_words,
                c.and_then(|c| c.inclusive_per_1000_words),
                F2,
            ),
            fig(
                "sentiment_mean",
                f.sentiment_mean,
                c.and_then(|c| c.sentiment_mean),
                TONE,
            ),
        ]);
    }
    rows
}

/// How a "what changed" figure is named and shown.
fn moved_format(metric: &str) -> (&'static str, Fmt) {
    match metric {
        "gini_mean" => ("mean Gini of talk time", F2),
        "max_share_mean" => ("mean largest talk share", PCT),
        "interruptions_per_hour" => ("competitive interruptions per hour", F1),
        "all_interruptions_per_hour" => ("interruptions per hour, either stance", F1),
        "inclusive_per_1000_words" => ("inclusive findings per 1,000 words", F2),
        "sentiment_mean" => ("mean sentiment", TONE),
        "silent_attendees" => ("silent attendees", F0),
        "talk_share_mean" => ("talk share", PCT),
        _ => ("", F2),
    }
}

/// "What changed": the heading and one line per item (team figures first, then people), as
/// [`Part`]s; `None` with fewer than two periods.
pub fn what_changed_lines(t: &TeamReport) -> Option<(Cell, Vec<Cell>)> {
    let w = t.what_changed.as_ref()?;
    let lines = w
        .items
        .iter()
        .enumerate()
        .map(|(i, m): (usize, &Moved)| {
            let (label, f) = moved_format(m.metric);
            let at = |f: &str| format!("/what_changed/items/{i}/{f}");
            let mut cell = Vec::new();
            match &m.person {
                Some(name) => {
                    cell.push(Part::field(name.clone(), at("person"), name));
                    cell.push(Part::text(format!(": {label} ")));
                }
                None => cell.push(Part::text(format!("{} ", capitalise(label)))),
            }
            cell.push(Part::field((f.show)(m.before), at("before"), &m.before));
            cell.push(Part::text(" → "));
            cell.push(Part::field((f.show)(m.after), at("after"), &m.after));
            cell.push(Part::text(" ("));
            cell.push(Part::field(
                mark_text(m.change, f.scale, f.places, f.unit)
                    .trim()
                    .to_string(),
                at("change"),
                &m.change,
            ));
            cell.push(Part::text(")"));
            cell
        })
        .collect();
    let head = vec![
        Part::text("What changed from "),
        Part::field(w.from.clone(), "/what_changed/from".into(), &w.from),
        Part::text(" to "),
        Part::field(w.to.clone(), "/what_changed/to".into(), &w.to),
    ];
    Some((head, lines))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The line under "what changed" when nothing moved past its threshold.
pub const NOTHING_CHANGED: &str =
    "No team figure and nobody's talk share moved past its threshold (README, Team report).";

/// The sentence that says how the people are ordered and folded.
pub fn people_note(t: &TeamReport, folded: usize) -> String {
    format!(
        "Ordered by meetings attended. {} seen in fewer than {} {} folded into one table.",
        match folded {
            1 => "One person".to_string(),
            n => format!("{n} people"),
        },
        t.min_meetings,
        if t.min_meetings == 1 {
            "meeting is"
        } else if folded == 1 {
            "meetings is"
        } else {
            "meetings are"
        }
    )
}

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

/// The columns added to the per-person tables when the meetings had a chat.
pub const CHAT_HEADER: [&str; 2] = ["chat messages (questions)", "participation"];

/// True when any meeting of the report had a chat: the per-person tables then show it.
pub fn has_chat(r: &TeamReport) -> bool {
    r.people.iter().any(|p| p.figures.chat_messages.is_some())
}

/// A person's chat cells ([`CHAT_HEADER`]): messages with the questions among them, and the
/// mean participation share (talk and chat); `–` without a chat.
pub fn chat_cells(q: &crate::report::team::PersonPeriod) -> [String; 2] {
    [
        match (q.chat_messages, q.chat_questions) {
            (Some(m), Some(k)) => format!("{m} ({k})"),
            _ => "–".to_string(),
        },
        pct(q.participation_share_mean),
    ]
}

/// The per-person header, with the chat columns when the report has a chat.
fn header(r: &TeamReport) -> Vec<&'static str> {
    let mut h = HEADER.to_vec();
    if has_chat(r) {
        h.extend(CHAT_HEADER);
    }
    h
}

fn rows(r: &TeamReport) -> Vec<(String, Vec<Vec<String>>, String)> {
    let chat = has_chat(r);
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
                    .into_iter()
                    .chain(chat.then(|| chat_cells(q)).into_iter().flatten())
                    .collect()
                })
                .collect();
            (p.period.clone(), rows, team)
        })
        .collect()
}

/// The periods a person was seen in, by label (for the folded table).
fn seen_in(r: &TeamReport, name: &str) -> String {
    let v: Vec<&str> = r
        .periods
        .iter()
        .filter(|p| p.people.iter().any(|q| q.name == name))
        .map(|p| p.period.as_str())
        .collect();
    v.join(", ")
}

fn trend_text(t: Option<f64>) -> String {
    mark_f(t, 100.0, 1, "").trim().to_string()
}

/// Terminal tables, fitted to `width` (wrapped by comfy-table; `None` or `Some(0)`: natural
/// width, see [`crate::render::width`]): the team at a glance and what changed, the people
/// by meetings attended (the occasional ones folded into one table), then one table per
/// period.
pub fn table(r: &TeamReport, width: Option<u16>) -> String {
    use comfy_table::{Table, presets};
    let new_table = |head: Vec<&str>| {
        let mut t = Table::new();
        t.load_style(presets::UTF8_FULL_CONDENSED);
        crate::render::width::arrange(&mut t, width);
        t.set_header(head);
        t
    };
    let finish = |mut t: Table, out: &mut String| {
        crate::render::width::floor_columns(&mut t, width);
        out.push_str(&t.to_string());
        out.push_str("\n\n");
    };
    let mut out = format!(
        "team report by {}: {} meetings in {} periods, {} people (▲/▼: change against the \
         previous period)\n\n",
        r.by,
        r.meetings.len(),
        r.periods.len(),
        r.people.len()
    );
    if !r.periods.is_empty() {
        out.push_str(&format!(
            "the team at a glance ({}): who talked, and how evenly\n",
            summary_scope(r)
        ));
        // Two tables of at most six columns, so that each fits a narrow terminal: the
        // period, then the balance; the period, then interruptions, language and tone.
        let rows = summary_table(r);
        for (k, cols) in [[0usize, 1, 2, 3, 4, 5].as_slice(), &[0, 6, 7, 8, 9]]
            .iter()
            .enumerate()
        {
            if k == 1 {
                out.push_str("interruptions, inclusive language and tone\n");
            }
            let mut t = new_table(cols.iter().map(|&c| SUMMARY_HEAD[c]).collect());
            for row in &rows {
                t.add_row(
                    cols.iter()
                        .map(|&c| inert(&cell_text(&row[c])))
                        .collect::<Vec<_>>(),
                );
            }
            finish(t, &mut out);
        }
    }
    if let Some((head, lines)) = what_changed_lines(r) {
        out.push_str(&format!("{}:\n", cell_text(&head).to_lowercase()));
        if lines.is_empty() {
            out.push_str(&format!("  {NOTHING_CHANGED}\n"));
        }
        for l in lines {
            out.push_str(&format!("  - {}\n", inert(&cell_text(&l))));
        }
        out.push('\n');
    }
    let (frequent, folded) = r.by_attendance();
    out.push_str(&format!(
        "people over the whole range (talk share trend in points per period). {}\n",
        people_note(r, folded.len())
    ));
    if frequent.is_empty() {
        out.push_str(&format!(
            "nobody was seen in {} meetings or more\n\n",
            r.min_meetings
        ));
    }
    let mut t = new_table(vec![
        "person",
        "meetings",
        "talk share",
        "trend",
        "interrupts (competitive)",
        "interrupted (competitive)",
        "backchannels",
    ]);
    for p in &frequent {
        let f = &p.figures;
        t.add_row(vec![
            inert(&f.name),
            f.meetings.to_string(),
            pct(f.talk_share_mean),
            trend_text(p.talk_share_trend),
            f.interruptions_made.to_string(),
            f.interruptions_received.to_string(),
            f.backchannels.to_string(),
        ]);
    }
    if !frequent.is_empty() {
        finish(t, &mut out);
    }
    if !folded.is_empty() {
        out.push_str(&format!("seen in fewer than {} meetings\n", r.min_meetings));
        let mut t = new_table(vec!["person", "meetings", "seen in", "talk share"]);
        for p in &folded {
            let f = &p.figures;
            t.add_row(vec![
                inert(&f.name),
                f.meetings.to_string(),
                inert(&seen_in(r, &f.name)),
                pct(f.talk_share_mean),
            ]);
        }
        finish(t, &mut out);
    }
    for (label, rows, team) in rows(r) {
        out.push_str(&format!("{label}: {team}\n"));
        let mut t = new_table(header(r));
        for row in rows {
            t.add_row(row.iter().map(|c| inert(c)).collect::<Vec<_>>());
        }
        finish(t, &mut out);
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    for s in &r.skipped {
        out.push_str(&format!("note: {}\n", inert(s)));
    }
    out
}

/// Which periods the summary shows: all, or the last [`SUMMARY_PERIODS`].
fn summary_scope(r: &TeamReport) -> String {
    if r.summary_start(SUMMARY_PERIODS) == 0 {
        format!(
            "{} {}",
            r.periods.len(),
            if r.periods.len() == 1 {
                "period"
            } else {
                "periods"
            }
        )
    } else {
        format!(
            "the last {SUMMARY_PERIODS} of {} periods; the earlier ones are in the details",
            r.periods.len()
        )
    }
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

/// Markdown for a CI step summary: the team at a glance and what changed, the people by
/// meetings attended (the occasional ones folded into one table), then one table per
/// period.
pub fn markdown(r: &TeamReport) -> String {
    let mut out = format!(
        "# Team report by {}\n\n{} meetings in {} periods, {} people. ▲/▼ mark the change \
         against the previous period.\n\n",
        r.by,
        r.meetings.len(),
        r.periods.len(),
        r.people.len()
    );
    if !r.periods.is_empty() {
        out.push_str(&format!(
            "## The team at a glance\n\nPer period ({}): Gini of talk time (zero: everyone \
             equal), the mean largest talk share with the equal share in brackets, silent \
             attendees (roster members who never spoke), interruptions per hour of meeting \
             (competitive; all: either stance, cooperative in brackets).\n\n",
            summary_scope(r)
        ));
        out.push_str(&format!("| {} |\n", SUMMARY_HEAD.join(" | ")));
        out.push_str("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for row in summary_table(r) {
            let cells: Vec<String> = row.iter().map(|c| md_cell(&cell_text(c))).collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        out.push('\n');
    }
    if let Some((head, lines)) = what_changed_lines(r) {
        out.push_str(&format!("### {}\n\n", md_cell(&cell_text(&head))));
        if lines.is_empty() {
            out.push_str(&format!("{NOTHING_CHANGED}\n"));
        }
        for l in lines {
            out.push_str(&format!("- {}\n", md_cell(&cell_text(&l))));
        }
        out.push('\n');
    }
    let (frequent, folded) = r.by_attendance();
    out.push_str(&format!(
        "## People\n\n{} The trend is the least-squares slope of the talk share, in points per \
         period.\n\n",
        people_note(r, folded.len())
    ));
    if !frequent.is_empty() {
        out.push_str(
            "| person | meetings | talk share | trend | interrupts (competitive) | interrupted \
             (competitive) | backchannels |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n",
        );
    }
    for p in &frequent {
        let f = &p.figures;
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            md_cell(&f.name),
            f.meetings,
            pct(f.talk_share_mean),
            trend_text(p.talk_share_trend),
            f.interruptions_made,
            f.interruptions_received,
            f.backchannels
        ));
    }
    if !frequent.is_empty() {
        out.push('\n');
    }
    if !folded.is_empty() {
        out.push_str(&format!(
            "### Seen in fewer than {} meetings\n\n| person | meetings | seen in | talk share |\n\
             | --- | ---: | --- | ---: |\n",
            r.min_meetings
        ));
        for p in &folded {
            let f = &p.figures;
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                md_cell(&f.name),
                f.meetings,
                md_cell(&seen_in(r, &f.name)),
                pct(f.talk_share_mean)
            ));
        }
        out.push('\n');
    }
    if !r.periods.is_empty() {
        out.push_str("## Per period\n\n");
    }
    for (label, rows, team) in rows(r) {
        out.push_str(&format!(
            "### {}\n\n{}\n\n",
            md_cell(&label),
            md_cell(&team)
        ));
        let h = header(r);
        out.push_str(&format!("| {} |\n", h.join(" | ")));
        out.push_str(&format!("| --- |{}\n", " ---: |".repeat(h.len() - 1)));
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
