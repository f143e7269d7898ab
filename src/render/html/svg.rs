//! Hand-written inline SVG charts for the HTML reports.
//!
//! Every chart is a `<figure>`: an `<svg role="img">` labelled by its own `<title>` and
//! `<desc>` (a sentence with the main numbers), a `<figcaption>` with the key to its marks,
//! and a `<details>` data table holding every plotted number. Each plotted mark carries a
//! `data-mark` attribute (`turn`, `interruption`, `overlap`, `share`, `turn-length`,
//! `sentiment`, `trend-point`, `team-gini`, `team-evenness`) so tests can count marks in the
//! rendered page. Identity never rests on colour alone: lanes and bars are labelled with
//! names, mark kinds differ in shape (triangle, diamond, circle, square) or fill (hatched,
//! hollow), lines differ in dash pattern, and every value is written as a number.
//!
//! Coordinates are written with one decimal, so the same model gives the same bytes.

use super::{TurnBar, Who, esc};
use crate::metrics::interruptions::{Kind, Mode};
use crate::render::markdown::{at, length};
use crate::report::team::TeamReport;
use crate::report::{EventReport, MeetingReport};
use std::fmt::Write as _;

/// The Okabe–Ito palette, ordered so that the colours with the most contrast against white
/// come first (blue, vermillion, bluish green, reddish purple, orange, sky blue, yellow,
/// black). Every bar also gets a thin dark outline, so even yellow keeps a visible edge.
pub(super) const PALETTE: [&str; 8] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000",
];
/// The highlighted person on a private page.
pub(super) const ME: &str = "#0072B2";
/// Everyone else on a private page (4.5:1 against white).
pub(super) const OTHER: &str = "#767676";
/// Text and outlines.
const INK: &str = "#1a1a1a";
/// Grid lines and lane backgrounds.
const GRID: &str = "#c8c8c8";
const LANE_BG: &str = "#f3f3f3";

/// viewBox width of the full-width charts (CSS pixels at a 960 px column).
const W: f64 = 960.0;

/// A number for an SVG attribute: one decimal, never `-0.0`.
fn n(x: f64) -> String {
    let s = format!("{x:.1}");
    if s == "-0.0" { "0.0".to_string() } else { s }
}

/// A share as a percentage with one decimal.
fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// A signed number with two decimals and a real minus sign.
fn signed(x: f64) -> String {
    if x <= -0.005 {
        format!("−{:.2}", -x)
    } else {
        format!("+{:.2}", x.abs())
    }
}

/// Seconds with one decimal.
fn secs(x: f64) -> String {
    format!("{x:.1} s")
}

/// Cuts a label to `max` characters (an ellipsis included).
fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// Opens a chart: `<figure>`, `<svg role="img">` with its title and description.
fn open(out: &mut String, id: &str, width: f64, height: f64, title: &str, desc: &str) {
    let _ = write!(
        out,
        "<figure class=\"chart\" id=\"{id}\">\n<svg role=\"img\" aria-labelledby=\"{id}-title \
         {id}-desc\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" \
         preserveAspectRatio=\"xMinYMin meet\" font-size=\"12\" fill=\"{INK}\">\n\
         <title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        n(width),
        n(height),
        n(width),
        n(height),
        esc(title),
        esc(desc)
    );
}

/// A "not available" note in place of a chart.
pub(super) fn unavailable(why: &str) -> String {
    format!("<p class=\"na\">Not available: {}.</p>\n", esc(why))
}

/// A small inline SVG of a legend key (decorative: the text next to it says the same).
fn key(body: &str) -> String {
    format!(
        "<svg class=\"key\" width=\"16\" height=\"12\" viewBox=\"0 0 16 12\" aria-hidden=\"true\" \
         focusable=\"false\">{body}</svg>"
    )
}

/// `<details>` with a data table; `head` are the column headers, the first cell of each row
/// is a row header.
fn data_table(out: &mut String, summary: &str, caption: &str, head: &[&str], rows: &[Vec<String>]) {
    let long = if rows.len() > 40 { " long" } else { "" };
    let _ = write!(
        out,
        "<details class=\"data{long}\"><summary>{}</summary>\n<div class=\"scroll\"><table>\n\
         <caption>{}</caption>\n<thead><tr>",
        esc(summary),
        esc(caption)
    );
    for h in head {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for r in rows {
        out.push_str("<tr>");
        for (k, c) in r.iter().enumerate() {
            if k == 0 {
                let _ = write!(out, "<th scope=\"row\">{}</th>", esc(c));
            } else if c.starts_with(|ch: char| ch.is_ascii_digit() || "+−–".contains(ch)) {
                let _ = write!(out, "<td>{}</td>", esc(c));
            } else {
                let _ = write!(out, "<td class=\"text\">{}</td>", esc(c));
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n</details>\n");
}

/// A tick step (seconds) giving at most ten ticks over `span` seconds.
fn time_step(span: f64) -> f64 {
    const STEPS: [f64; 14] = [
        5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 900.0, 1800.0, 3600.0, 7200.0, 14400.0,
        28800.0,
    ];
    STEPS
        .iter()
        .copied()
        .find(|s| span / s <= 10.0)
        .unwrap_or_else(|| {
            // Beyond 8-hour steps: whole days, as many as keep ten ticks.
            86400.0 * (span / 86400.0 / 10.0).ceil().max(1.0)
        })
}

/// The label of an event's kind, for tables and tooltips.
fn event_kind(e: &EventReport) -> String {
    match e.kind {
        Kind::Interruption if e.successful => "interruption, took the floor".to_string(),
        Kind::Interruption => "interruption, the other kept the floor".to_string(),
        Kind::Overlap => format!("overlap ({})", e.detail),
        Kind::Transition => format!("speaker change ({})", e.detail),
        Kind::Backchannel => "listening signal".to_string(),
    }
}

fn triangle(x: f64, y: f64, successful: bool) -> String {
    format!(
        "d=\"M{} {}l-5 -8h10z\" fill=\"{}\" stroke=\"#000\" stroke-width=\"1.2\"",
        n(x),
        n(y),
        if successful { "#000" } else { "#fff" }
    )
}

fn diamond(x: f64, y: f64) -> String {
    format!(
        "d=\"M{} {}l4 4l-4 4l-4 -4z\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"1.2\"",
        n(x),
        n(y - 4.0)
    )
}

/// The speaker timeline: one lane per speaker, one bar per turn (hatched when the turn lies
/// inside someone else's), interruptions as triangles and other overlaps as diamonds on the
/// lane of the person who came in.
/// Where a chat mark goes.
#[derive(Clone, Copy, PartialEq)]
enum Lane<'a> {
    /// The lane of speaker `i`.
    Speaker(usize),
    /// The lane of a person who only wrote.
    ChatOnly(&'a str),
}

/// One chat message on the timeline.
struct ChatMark<'a> {
    lane: Lane<'a>,
    label: &'a str,
    time: f64,
    question: bool,
}

/// The chat messages that can be placed on the timeline: none unless the chat's clock is the
/// recording's; on a private page, only the person's own.
fn chat_marks<'a>(m: &'a MeetingReport, who: &'a Who) -> Vec<ChatMark<'a>> {
    let Some(c) = &m.chat else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for p in &c.people {
        let lane = match m.speakers.iter().position(|s| s.name == p.name) {
            Some(i) => Lane::Speaker(i),
            None => Lane::ChatOnly(&p.name),
        };
        let label = match lane {
            Lane::Speaker(i) => who.labels[i].as_str(),
            Lane::ChatOnly(name) => name,
        };
        // On a private page, only the person's own messages.
        if who.me.is_some_and(|me| lane != Lane::Speaker(me)) {
            continue;
        }
        for q in &p.own {
            if let Some(time) = q.time {
                out.push(ChatMark {
                    lane,
                    label,
                    time,
                    question: q.question,
                });
            }
        }
    }
    out
}

/// The people who only wrote (with a message placed in time), for lanes of their own on the
/// meeting's page; none on a private page.
fn chat_only_lanes<'a>(m: &'a MeetingReport, who: &Who) -> Vec<&'a str> {
    let Some(c) = &m.chat else {
        return Vec::new();
    };
    if who.me.is_some() {
        return Vec::new();
    }
    c.people
        .iter()
        .filter(|p| !p.spoke && p.own.iter().any(|q| q.time.is_some()))
        .map(|p| p.name.as_str())
        .collect()
}

pub(super) fn timeline(id: &str, m: &MeetingReport, who: &Who, turns: &[TurnBar]) -> String {
    if turns.is_empty() {
        return unavailable("the transcript has no timestamps, so turns cannot be placed in time");
    }
    let t0 = turns.iter().map(|t| t.start).fold(f64::INFINITY, f64::min);
    let mut t1 = turns
        .iter()
        .map(|t| t.end)
        .fold(f64::NEG_INFINITY, f64::max);
    if t1 <= t0 {
        t1 = t0 + 1.0;
    }
    let marks = chat_marks(m, who);
    let chat_lanes: Vec<&str> = chat_only_lanes(m, who);
    let lanes = (m.speakers.len() + chat_lanes.len()).max(1);
    const X0: f64 = 180.0;
    const X1: f64 = 940.0;
    const TOP: f64 = 6.0;
    const LANE: f64 = 30.0;
    let x = |t: f64| X0 + (t - t0) / (t1 - t0) * (X1 - X0);
    let bottom = TOP + LANE * lanes as f64;
    let height = bottom + 30.0;
    let lane_of = |name: &str| m.speakers.iter().position(|s| s.name == name);
    // Events shown: interruptions and other overlaps (listening signals are the hatched
    // bars); on a private page only those the person took part in.
    let events: Vec<&EventReport> = m
        .interruptions
        .iter()
        .filter(|e| matches!(e.kind, Kind::Interruption | Kind::Overlap))
        .filter(|e| who.involves(e))
        .collect();
    let interruptions = events
        .iter()
        .filter(|e| e.kind == Kind::Interruption)
        .count();
    let overlaps = events.len() - interruptions;
    let embedded = turns.iter().filter(|t| t.embedded).count();
    let mut desc = format!(
        "{} turns of {} speakers from {} to {}, one lane per speaker, one bar per turn. {} \
         hatched bars are turns inside someone else's turn.",
        turns.len(),
        m.speakers.len(),
        at(t0),
        at(t1),
        embedded
    );
    if m.interruption_mode != Mode::Unavailable {
        let _ = write!(
            desc,
            " {} interruptions{} are marked with triangles and {} other overlaps with diamonds.",
            interruptions,
            if m.interruption_mode == Mode::Inferred {
                " (inferred)"
            } else {
                ""
            },
            overlaps
        );
    }
    if !marks.is_empty() {
        let _ = write!(
            desc,
            " {} chat messages are marked with small squares at the top of the writer's lane{}.",
            marks.len(),
            if chat_lanes.is_empty() {
                String::new()
            } else {
                format!(
                    " ({} people who only wrote have a lane of their own)",
                    chat_lanes.len()
                )
            }
        );
    }
    if let Some(me) = who.me {
        let _ = write!(
            desc,
            " Your lane, {}, is highlighted; only interruptions you took part in are marked.",
            who.labels[me]
        );
    }
    let mut out = String::new();
    open(
        &mut out,
        id,
        W,
        height,
        "Speaker timeline: who spoke when",
        &desc,
    );
    // Hatch patterns for embedded turns, one per lane colour.
    out.push_str("<defs>");
    for i in 0..m.speakers.len() {
        let _ = write!(
            out,
            "<pattern id=\"{id}-h{i}\" patternUnits=\"userSpaceOnUse\" width=\"4\" height=\"4\" \
             patternTransform=\"rotate(45)\"><rect width=\"4\" height=\"4\" fill=\"#fff\"/>\
             <rect width=\"2\" height=\"4\" fill=\"{}\"/></pattern>",
            who.colour(i)
        );
    }
    out.push_str("</defs>\n");
    // Lanes and their labels.
    for i in 0..m.speakers.len() {
        let y = TOP + LANE * i as f64;
        let mine = who.me == Some(i);
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/><text x=\"{}\" \
             y=\"{}\" text-anchor=\"end\"{}>{}</text>",
            n(X0),
            n(y + 2.0),
            n(X1 - X0),
            n(LANE - 4.0),
            if mine { "#dcebf5" } else { LANE_BG },
            n(X0 - 8.0),
            n(y + 19.0),
            if mine { " font-weight=\"bold\"" } else { "" },
            esc(&cut(&who.labels[i], 26))
        );
    }
    // Lanes of people who only wrote in the chat.
    for (k, name) in chat_lanes.iter().enumerate() {
        let y = TOP + LANE * (m.speakers.len() + k) as f64;
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{LANE_BG}\"/><text \
             x=\"{}\" y=\"{}\" text-anchor=\"end\" font-style=\"italic\">{}</text>",
            n(X0),
            n(y + 2.0),
            n(X1 - X0),
            n(LANE - 4.0),
            n(X0 - 8.0),
            n(y + 19.0),
            esc(&cut(&format!("{name} (chat)"), 26))
        );
    }
    // Time axis.
    let step = time_step(t1 - t0);
    let mut tick = (t0 / step).ceil() * step;
    while tick <= t1 + 1e-9 {
        let _ = writeln!(
            out,
            "<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"{GRID}\"/><text x=\"{0}\" \
             y=\"{3}\" text-anchor=\"middle\">{4}</text>",
            n(x(tick)),
            n(TOP),
            n(bottom + 4.0),
            n(bottom + 18.0),
            at(tick)
        );
        tick += step;
    }
    // Turns.
    for t in turns {
        let y = TOP + LANE * t.speaker as f64 + 9.0;
        let w = (x(t.end) - x(t.start)).max(1.0);
        let colour = who.colour(t.speaker);
        let fill = if t.embedded {
            format!("url(#{id}-h{})", t.speaker)
        } else {
            colour.to_string()
        };
        let _ = writeln!(
            out,
            "<rect data-mark=\"turn\" data-speaker=\"{}\"{} x=\"{}\" y=\"{}\" width=\"{}\" \
             height=\"16\" fill=\"{fill}\" stroke=\"{}\" stroke-width=\"{}\"><title>{}: {}–{} \
             ({}){}</title></rect>",
            t.speaker,
            if t.embedded {
                " data-embedded=\"true\""
            } else {
                ""
            },
            n(x(t.start)),
            n(y),
            n(w),
            if t.embedded { colour } else { INK },
            if t.embedded { "1" } else { "0.4" },
            esc(who.labels.get(t.speaker).map_or("?", String::as_str)),
            at(t.start),
            at(t.end),
            secs(t.end - t.start),
            if t.embedded {
                ", inside another turn"
            } else {
                ""
            }
        );
    }
    // Chat messages, on the writer's lane.
    for mk in &marks {
        if mk.time < t0 || mk.time > t1 {
            continue;
        }
        let lane = match mk.lane {
            Lane::Speaker(i) => i,
            Lane::ChatOnly(name) => match chat_lanes.iter().position(|n| *n == name) {
                Some(k) => m.speakers.len() + k,
                None => continue,
            },
        };
        let colour = match mk.lane {
            Lane::Speaker(i) => who.colour(i),
            Lane::ChatOnly(_) => OTHER,
        };
        let _ = writeln!(
            out,
            "<rect data-mark=\"chat\" x=\"{}\" y=\"{}\" width=\"4\" height=\"5\" \
             fill=\"{colour}\" stroke=\"{INK}\" stroke-width=\"0.4\"><title>{} wrote in the \
             chat at {}{}</title></rect>",
            n(x(mk.time) - 2.0),
            n(TOP + LANE * lane as f64 + 3.0),
            esc(mk.label),
            at(mk.time),
            if mk.question { " (a question)" } else { "" }
        );
    }
    // Events, on the lane of the person who came in.
    for e in &events {
        let Some(lane) = lane_of(&e.who) else {
            continue;
        };
        let y = TOP + LANE * lane as f64 + 9.0;
        let tip = format!(
            "{}: {} came in on {}: {}",
            at(e.time),
            who.label_of(&e.who),
            who.label_of(&e.whom),
            event_kind(e)
        );
        match e.kind {
            Kind::Interruption => {
                let _ = writeln!(
                    out,
                    "<path data-mark=\"interruption\" {}><title>{}</title></path>",
                    triangle(x(e.time), y, e.successful),
                    esc(&tip)
                );
            }
            _ => {
                let _ = writeln!(
                    out,
                    "<path data-mark=\"overlap\" {}><title>{}</title></path>",
                    diamond(x(e.time), y - 4.0),
                    esc(&tip)
                );
            }
        }
    }
    out.push_str("</svg>\n<figcaption>");
    let first = who.me.unwrap_or(0);
    let hatch = format!(
        "<rect x=\"1\" y=\"1\" width=\"14\" height=\"10\" fill=\"url(#{id}-h{first})\" \
         stroke=\"{}\"/>",
        who.colour(first)
    );
    let _ = write!(
        out,
        "{} a turn (one lane per speaker, named on the left) · {} a turn inside someone else's \
         turn (a listening signal or an attempt to come in)",
        key(&format!(
            "<rect x=\"1\" y=\"1\" width=\"14\" height=\"10\" fill=\"{}\" stroke=\"{INK}\" \
             stroke-width=\"0.4\"/>",
            who.colour(first)
        )),
        key(&hatch)
    );
    if m.interruption_mode != Mode::Unavailable {
        let _ = write!(
            out,
            " · {} interruption, the speaker took the floor · {} interruption, the other kept \
             the floor · {} overlap that was not an interruption",
            key(&format!("<path {}/>", triangle(8.0, 10.0, true))),
            key(&format!("<path {}/>", triangle(8.0, 10.0, false))),
            key(&format!("<path {}/>", diamond(8.0, 6.0)))
        );
        if m.interruption_mode == Mode::Inferred {
            out.push_str(
                ". This export never shows two people speaking at once: interruptions are \
                 inferred from turns that break off",
            );
        }
    }
    if !marks.is_empty() {
        let _ = write!(
            out,
            " · {} a chat message",
            key(&format!(
                "<rect x=\"6\" y=\"3\" width=\"4\" height=\"5\" fill=\"{}\" stroke=\"{INK}\" \
                 stroke-width=\"0.4\"/>",
                who.colour(first)
            ))
        );
    }
    out.push_str(". Times are positions in the recording.</figcaption>\n");
    let rows: Vec<Vec<String>> = turns
        .iter()
        .enumerate()
        .map(|(k, t)| {
            vec![
                (k + 1).to_string(),
                who.labels.get(t.speaker).cloned().unwrap_or_default(),
                at(t.start),
                at(t.end),
                format!("{:.1}", t.end - t.start),
                if t.embedded { "yes" } else { "" }.to_string(),
            ]
        })
        .collect();
    data_table(
        &mut out,
        &format!("Data: the {} turns", turns.len()),
        "Every turn in time order",
        &[
            "turn",
            "speaker",
            "start",
            "end",
            "seconds",
            "inside another turn",
        ],
        &rows,
    );
    if !events.is_empty() {
        let rows: Vec<Vec<String>> = events
            .iter()
            .map(|e| {
                vec![
                    at(e.time),
                    who.label_of(&e.who),
                    who.label_of(&e.whom),
                    event_kind(e),
                    format!("{:.2}", e.overlap_seconds),
                ]
            })
            .collect();
        data_table(
            &mut out,
            &format!("Data: the {} marked events", events.len()),
            "Interruptions and overlaps marked on the timeline",
            &["time", "who came in", "on whom", "what", "overlap (s)"],
            &rows,
        );
    }
    out.push_str("</figure>\n");
    out
}

/// A nice upper bound for a share axis: the next 10 % above `x` (5 % steps under 30 %).
fn share_axis(x: f64) -> (f64, f64) {
    let x = x.clamp(0.0, 1.0);
    if x <= 0.25 {
        ((((x + 0.025) / 0.05).ceil() * 0.05).clamp(0.05, 1.0), 0.05)
    } else if x <= 0.6 {
        ((((x + 0.05) / 0.1).ceil() * 0.1).min(1.0), 0.1)
    } else {
        (1.0, 0.2)
    }
}

/// Talk share per speaker against the equal share (and against the equal share over the
/// roster, with silent attendees at zero).
pub(super) fn share(id: &str, m: &MeetingReport, who: &Who) -> String {
    let shares: Vec<(usize, f64, Option<f64>)> = m
        .speakers
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.talk_share.map(|x| (i, x, s.talk_seconds)))
        .collect();
    if shares.is_empty() {
        return unavailable("the transcript has no timestamps, so talk time cannot be measured");
    }
    let equal = m.balance.equal_share;
    let roster = m.roster_balance.as_ref().and_then(|r| r.equal_share);
    let silent = who.silent.len();
    let rows = shares.len() + silent;
    let top = 26.0;
    const ROW: f64 = 28.0;
    const X0: f64 = 180.0;
    const X1: f64 = 780.0;
    let bottom = top + ROW * rows as f64;
    let height = bottom + 44.0;
    let max = shares.iter().map(|s| s.1).chain(equal).fold(0.0, f64::max);
    let (axis, step) = share_axis(max);
    let x = |v: f64| X0 + v / axis * (X1 - X0);
    let mut desc = format!(
        "Talk share of {} speakers{}.",
        shares.len(),
        equal.map_or_else(String::new, |e| format!(
            " against an equal share of {}",
            pct(e)
        ))
    );
    for &(i, s, _) in &shares {
        let _ = write!(desc, " {}: {}.", who.labels[i], pct(s));
    }
    if silent > 0 {
        let _ = write!(
            desc,
            " {} attendees on the roster did not speak (0%); equal share over the roster {}.",
            silent,
            roster.map_or_else(|| "–".to_string(), pct)
        );
    }
    let mut out = String::new();
    open(
        &mut out,
        id,
        W,
        height,
        "Talk share against equal share",
        &desc,
    );
    // Grid and axis.
    let mut v = 0.0;
    while v <= axis + 1e-9 {
        let _ = writeln!(
            out,
            "<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"{GRID}\"/><text x=\"{0}\" \
             y=\"{3}\" text-anchor=\"middle\">{4:.0}%</text>",
            n(x(v)),
            n(top - 4.0),
            n(bottom + 4.0),
            n(bottom + 18.0),
            v * 100.0
        );
        v += step;
    }
    // Value labels go on top of the reference lines, with a white halo.
    let mut labels = String::new();
    let mut row = 0usize;
    for &(i, s, talk) in &shares {
        let y = top + ROW * row as f64;
        let mine = who.me == Some(i);
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\"{}>{}</text><rect data-mark=\"share\" \
             data-speaker=\"{i}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" fill=\"{}\" \
             stroke=\"{INK}\" stroke-width=\"0.6\"/>",
            n(X0 - 8.0),
            n(y + 18.0),
            if mine { " font-weight=\"bold\"" } else { "" },
            esc(&cut(&who.labels[i], 26)),
            n(X0),
            n(y + 5.0),
            n(x(s) - X0),
            who.colour(i),
        );
        let _ = writeln!(
            labels,
            "<text class=\"halo\" x=\"{}\" y=\"{}\">{}{}</text>",
            n(x(s) + 6.0),
            n(y + 18.0),
            pct(s),
            talk.map_or_else(String::new, |t| format!(" · {}", length(t)))
        );
        row += 1;
    }
    for label in &who.silent {
        let y = top + ROW * row as f64;
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-style=\"italic\">{}</text>\
             <rect data-mark=\"share\" data-silent=\"true\" x=\"{}\" y=\"{}\" width=\"0\" \
             height=\"18\" fill=\"#fff\" stroke=\"{INK}\"/>",
            n(X0 - 8.0),
            n(y + 18.0),
            esc(&cut(label, 26)),
            n(X0),
            n(y + 5.0),
        );
        let _ = writeln!(
            labels,
            "<text class=\"halo\" x=\"{}\" y=\"{}\">0% · did not speak</text>",
            n(X0 + 6.0),
            n(y + 18.0)
        );
        row += 1;
    }
    if let Some(e) = equal {
        let _ = writeln!(
            out,
            "<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#000\" stroke-width=\"2\" \
             stroke-dasharray=\"6 4\"/><text class=\"halo\" x=\"{0}\" y=\"{3}\" \
             text-anchor=\"middle\" font-weight=\"bold\">equal share {4}</text>",
            n(x(e)),
            n(top - 2.0),
            n(bottom),
            n(top - 10.0),
            pct(e)
        );
    }
    if let (Some(r), true) = (roster, silent > 0) {
        let _ = writeln!(
            out,
            "<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#000\" stroke-width=\"2\" \
             stroke-dasharray=\"1 3\"/><text x=\"{0}\" y=\"{3}\" text-anchor=\"middle\" \
             font-weight=\"bold\">equal share over the roster {4}</text>",
            n(x(r)),
            n(top - 2.0),
            n(bottom),
            n(bottom + 36.0),
            pct(r)
        );
    }
    out.push_str(&labels);
    out.push_str("</svg>\n<figcaption>");
    let _ = write!(
        out,
        "Bars: each speaker's share of all talk time, with the percentage and talk time \
         written next to it. {} dashed line: the equal share (1 / number of speakers)",
        key(
            "<line x1=\"8\" x2=\"8\" y1=\"0\" y2=\"12\" stroke=\"#000\" stroke-width=\"2\" \
             stroke-dasharray=\"3 2\"/>"
        )
    );
    if silent > 0 {
        let _ = write!(
            out,
            "; {} dotted line: the equal share over the roster, counting the attendees who did \
             not speak (in italics, at 0%)",
            key(
                "<line x1=\"8\" x2=\"8\" y1=\"0\" y2=\"12\" stroke=\"#000\" \
                 stroke-width=\"2\" stroke-dasharray=\"1 2\"/>"
            )
        );
    }
    out.push_str(".</figcaption>\n");
    let mut rows: Vec<Vec<String>> = shares
        .iter()
        .map(|&(i, s, t)| {
            vec![
                who.labels[i].clone(),
                t.map_or_else(|| "–".to_string(), length),
                pct(s),
                equal.map_or_else(
                    || "–".to_string(),
                    |e| {
                        let d = (s - e) * 100.0;
                        if d <= -0.05 {
                            format!("−{:.1} pts", -d)
                        } else {
                            format!("+{:.1} pts", d.abs())
                        }
                    },
                ),
            ]
        })
        .collect();
    for label in &who.silent {
        rows.push(vec![
            label.clone(),
            "0:00".to_string(),
            "0.0%".to_string(),
            "did not speak".to_string(),
        ]);
    }
    data_table(
        &mut out,
        "Data: talk share",
        &format!(
            "Talk time and share per speaker; equal share {}{}",
            equal.map_or_else(|| "–".to_string(), pct),
            if silent > 0 {
                format!(
                    ", over the roster {}",
                    roster.map_or_else(|| "–".to_string(), pct)
                )
            } else {
                String::new()
            }
        ),
        &["speaker", "talk time", "share", "against the equal share"],
        &rows,
    );
    out.push_str("</figure>\n");
    out
}

/// Nice values for a logarithmic seconds axis.
const LOG_TICKS: [f64; 15] = [
    0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0, 3600.0, 7200.0,
];

fn tick_label(v: f64) -> String {
    if v < 1.0 {
        format!("{v:.1} s")
    } else if v < 60.0 {
        format!("{v:.0} s")
    } else {
        format!("{:.0} min", v / 60.0)
    }
}

/// Turn lengths per speaker: one dot per turn of their own (log scale), the mean as a bar,
/// and mean, median and longest written out.
pub(super) fn turn_lengths(id: &str, m: &MeetingReport, who: &Who, turns: &[TurnBar]) -> String {
    let own: Vec<&TurnBar> = turns.iter().filter(|t| !t.embedded).collect();
    if own.is_empty() {
        return unavailable("the transcript has no timestamps, so turn lengths cannot be measured");
    }
    let lens = || own.iter().map(|t| (t.end - t.start).max(0.0));
    let min = lens().filter(|&l| l > 0.0).fold(f64::INFINITY, f64::min);
    let max = lens().fold(0.0, f64::max);
    let lo = LOG_TICKS
        .iter()
        .rev()
        .copied()
        .find(|&v| v <= min)
        .unwrap_or(0.1);
    let hi = LOG_TICKS
        .iter()
        .copied()
        .find(|&v| v >= max && v > lo)
        .unwrap_or(7200.0);
    const X0: f64 = 180.0;
    const X1: f64 = 640.0;
    const TOP: f64 = 6.0;
    const ROW: f64 = 30.0;
    let x = |v: f64| {
        let v = v.clamp(lo, hi);
        X0 + (v.ln() - lo.ln()) / (hi.ln() - lo.ln()) * (X1 - X0)
    };
    let rows = m.speakers.len();
    let bottom = TOP + ROW * rows as f64;
    let height = bottom + 30.0;
    let mut desc = format!(
        "Length of each of the {} turns, one row per speaker, on a logarithmic scale from {} to \
         {}.",
        own.len(),
        tick_label(lo),
        tick_label(hi)
    );
    for (i, s) in m.speakers.iter().enumerate() {
        let _ = write!(
            desc,
            " {}: {} turns, mean {}, longest {}.",
            who.labels[i],
            s.turns,
            s.mean_turn_seconds.map_or_else(|| "–".to_string(), secs),
            s.longest_monologue
                .as_ref()
                .map_or_else(|| "–".to_string(), |l| length(l.seconds))
        );
    }
    let mut out = String::new();
    open(&mut out, id, W, height, "Turn lengths per speaker", &desc);
    for &v in LOG_TICKS.iter().filter(|&&v| v >= lo && v <= hi) {
        let _ = writeln!(
            out,
            "<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"{GRID}\"/><text x=\"{0}\" \
             y=\"{3}\" text-anchor=\"middle\">{4}</text>",
            n(x(v)),
            n(TOP),
            n(bottom + 4.0),
            n(bottom + 18.0),
            tick_label(v)
        );
    }
    for (i, s) in m.speakers.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        let mid = y + ROW / 2.0;
        let mine = who.me == Some(i);
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\"{}>{}</text>",
            n(X0 - 8.0),
            n(mid + 4.0),
            if mine { " font-weight=\"bold\"" } else { "" },
            esc(&cut(&who.labels[i], 26))
        );
        let colour = who.colour(i);
        for (k, t) in own.iter().filter(|t| t.speaker == i).enumerate() {
            let len = (t.end - t.start).max(0.0);
            let jitter = ((k % 5) as f64 - 2.0) * 2.5;
            let _ = writeln!(
                out,
                "<circle data-mark=\"turn-length\" data-speaker=\"{i}\" cx=\"{}\" cy=\"{}\" \
                 r=\"3.5\" fill=\"{colour}\" fill-opacity=\"0.55\" stroke=\"{INK}\" \
                 stroke-width=\"0.5\"><title>{}: {} turn at {}</title></circle>",
                n(x(len)),
                n(mid + jitter),
                esc(&who.labels[i]),
                secs(len),
                at(t.start)
            );
        }
        if let Some(mean) = s.mean_turn_seconds {
            let _ = writeln!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"3\" height=\"22\" fill=\"#000\"><title>mean \
                 {}</title></rect>",
                n(x(mean) - 1.5),
                n(mid - 11.0),
                secs(mean)
            );
        }
        let text = if s.turns == 0 {
            "no turns of their own".to_string()
        } else {
            format!(
                "{} · mean {} · median {} · longest {}",
                s.turns,
                s.mean_turn_seconds.map_or_else(|| "–".to_string(), secs),
                s.median_turn_seconds.map_or_else(|| "–".to_string(), secs),
                s.longest_monologue
                    .as_ref()
                    .map_or_else(|| "–".to_string(), |l| length(l.seconds))
            )
        };
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"11\">{}</text>",
            n(X1 + 12.0),
            n(mid + 4.0),
            esc(&text)
        );
    }
    out.push_str("</svg>\n<figcaption>");
    let _ = writeln!(
        out,
        "{} one dot per turn of the speaker's own (turns inside someone else's turn are left \
         out), spread a little vertically so that equal lengths stay visible · {} the mean \
         turn length. Right: number of turns, mean, median and longest. The scale is \
         logarithmic: each grid step multiplies the length.</figcaption>",
        key(&format!(
            "<circle cx=\"8\" cy=\"6\" r=\"4\" fill=\"{}\" fill-opacity=\"0.55\" \
             stroke=\"{INK}\" stroke-width=\"0.5\"/>",
            who.colour(who.me.unwrap_or(0))
        )),
        key("<rect x=\"6.5\" y=\"0\" width=\"3\" height=\"12\" fill=\"#000\"/>")
    );
    let rows: Vec<Vec<String>> = m
        .speakers
        .iter()
        .enumerate()
        .map(|(i, s)| {
            vec![
                who.labels[i].clone(),
                s.turns.to_string(),
                s.embedded_turns.to_string(),
                s.mean_turn_seconds.map_or_else(|| "–".to_string(), secs),
                s.median_turn_seconds.map_or_else(|| "–".to_string(), secs),
                s.longest_monologue
                    .as_ref()
                    .map_or_else(|| "–".to_string(), |l| length(l.seconds)),
            ]
        })
        .collect();
    data_table(
        &mut out,
        "Data: turn lengths",
        "Turns per speaker and their lengths",
        &[
            "speaker",
            "turns",
            "inside others' turns",
            "mean",
            "median",
            "longest",
        ],
        &rows,
    );
    out.push_str("</figure>\n");
    out
}

/// The background of a matrix cell and its text colour (both pairs reach 4.5:1).
fn heat(count: usize, max: usize) -> (&'static str, &'static str) {
    if count == 0 || max == 0 {
        return ("#ffffff", INK);
    }
    let level = (count as f64 / max as f64 * 4.0).ceil() as usize;
    match level {
        0 | 1 => ("#deebf7", INK),
        2 => ("#9ecae1", INK),
        3 => ("#2171b5", "#ffffff"),
        _ => ("#08306b", "#ffffff"),
    }
}

/// Who interrupts whom, as a table-like heatmap: rows interrupted columns, each cell with
/// its count and a shade that grows with it, plus totals.
/// Most people in the who-interrupts-whom table: the page stays bounded (a caption file with
/// hundreds of anonymous `>>` speakers would otherwise write speakers² cells on each of the
/// speakers' pages).
pub const MAX_MATRIX_PEOPLE: usize = 20;

/// Interruptions made by person `i` (a row of the matrix).
fn made(c: &[Vec<usize>], i: usize) -> usize {
    c.get(i).map_or(0, |r| r.iter().sum())
}

/// Interruptions received by person `j` (a column of the matrix).
fn received(c: &[Vec<usize>], j: usize) -> usize {
    c.iter().filter_map(|r| r.get(j)).sum()
}

/// The people (indices into the matrix) the HTML table shows, in speaker order: everyone when
/// there are at most [`MAX_MATRIX_PEOPLE`]; otherwise the page's own person (if any) and those
/// with the most interruptions made plus received (ties: earlier speaker first).
pub fn matrix_people(m: &MeetingReport, me: Option<usize>) -> Vec<usize> {
    let c = &m.matrix.competitive;
    let k = m.matrix.speakers.len();
    if k <= MAX_MATRIX_PEOPLE {
        return (0..k).collect();
    }
    let involvement = |i: usize| made(c, i) + received(c, i);
    let mut order: Vec<usize> = (0..k).filter(|&i| Some(i) != me).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(involvement(i)), i));
    let mut shown: Vec<usize> = me.filter(|&i| i < k).into_iter().collect();
    shown.extend(order.into_iter().take(MAX_MATRIX_PEOPLE - shown.len()));
    shown.sort_unstable();
    shown
}

pub(super) fn matrix(id: &str, m: &MeetingReport, who: &Who) -> String {
    if m.interruption_mode == Mode::Unavailable {
        return unavailable("the transcript has no timestamps, so interruptions cannot be found");
    }
    // Competitive interruptions: the view that counts (README "Interruptions").
    let c = &m.matrix.competitive;
    let cooperative: usize =
        m.matrix.counts.iter().flatten().sum::<usize>() - c.iter().flatten().sum::<usize>();
    let k = m.matrix.speakers.len();
    let cell = |i: usize, j: usize| c.get(i).and_then(|r| r.get(j)).copied().unwrap_or(0);
    let shown = matrix_people(m, who.me);
    let max = c.iter().flatten().copied().max().unwrap_or(0);
    let total: usize = c.iter().flatten().sum();
    let left_out = k - shown.len();
    let mut out = String::new();
    let _ = write!(
        out,
        "<figure class=\"chart matrix\" id=\"{id}\">\n<div class=\"scroll\">\n<table \
         class=\"heat\">\n<caption>Who interrupts whom: {} in all{}{}.{} Read a row: how \
         often that person interrupted each person in the columns.</caption>\n<thead><tr><td \
         class=\"corner\">who ↓ interrupts whom →</td>",
        if total == 1 {
            "1 competitive interruption".to_string()
        } else {
            format!("{total} competitive interruptions")
        },
        if cooperative > 0 {
            format!(
                " ({cooperative} cooperative {} — agreeing, completing, asking — not counted here)",
                if cooperative == 1 { "one" } else { "ones" }
            )
        } else {
            String::new()
        },
        if m.interruption_mode == Mode::Inferred {
            " (inferred)"
        } else {
            ""
        },
        if left_out > 0 {
            format!(
                " The {} people most involved are shown; {left_out} others are left out (their \
                 interruptions still count in the totals).",
                shown.len()
            )
        } else {
            String::new()
        }
    );
    for &j in &shown {
        let _ = write!(
            out,
            "<th scope=\"col\"{}>{}</th>",
            if who.me == Some(j) {
                " class=\"me\""
            } else {
                ""
            },
            esc(&who.labels[j])
        );
    }
    out.push_str("<th scope=\"col\">made in all</th></tr></thead>\n<tbody>\n");
    for &i in &shown {
        let _ = write!(
            out,
            "<tr><th scope=\"row\"{}>{}</th>",
            if who.me == Some(i) {
                " class=\"me\""
            } else {
                ""
            },
            esc(&who.labels[i])
        );
        for &j in &shown {
            if i == j {
                out.push_str("<td class=\"diag\"><span class=\"sr\">not applicable</span>·</td>");
            } else {
                let v = cell(i, j);
                let (bg, fg) = heat(v, max);
                let _ = write!(
                    out,
                    "<td data-mark=\"matrix-cell\" data-count=\"{v}\" \
                     style=\"background:{bg};color:{fg}\">{v}</td>"
                );
            }
        }
        let _ = writeln!(out, "<td class=\"total\">{}</td></tr>", made(c, i));
    }
    out.push_str("<tr><th scope=\"row\">received in all</th>");
    for &j in &shown {
        let _ = write!(out, "<td class=\"total\">{}</td>", received(c, j));
    }
    let _ = writeln!(
        out,
        "<td class=\"total\">{total}</td></tr>\n</tbody>\n</table>\n</div>"
    );
    out.push_str(
        "<figcaption>Each cell gives the number of times the row's person came in while the \
         column's person was speaking and it counted as an interruption; darker cells hold \
         more. Listening signals and overlaps that did not interrupt are not counted.\
         </figcaption>\n</figure>\n",
    );
    out
}

/// The sentiment trajectory: mean VADER compound per 5-minute window, as points joined by
/// a line (broken where windows without sentences were left out of the model).
pub(super) fn sentiment(id: &str, m: &MeetingReport) -> String {
    let ws = &m.sentiment_trajectory;
    if ws.is_empty() || ws.iter().all(|w| w.mean_compound.is_none()) {
        return unavailable(if !m.timed {
            "the transcript has no timestamps"
        } else {
            "no sentences could be scored (the transcript has no words)"
        });
    }
    const X0: f64 = 70.0;
    const X1: f64 = 940.0;
    const TOP: f64 = 22.0;
    const BOTTOM: f64 = 202.0;
    let height = 250.0;
    let extreme = ws
        .iter()
        .filter_map(|w| w.mean_compound)
        .fold(0.0f64, |a, v| a.max(v.abs()));
    let ymax = if extreme > 0.5 { 1.0 } else { 0.5 };
    let mid = (TOP + BOTTOM) / 2.0;
    let y = |v: f64| mid - v / ymax * (BOTTOM - TOP) / 2.0;
    let band = (X1 - X0) / ws.len() as f64;
    let cx = |k: usize| X0 + band * (k as f64 + 0.5);
    let label_every = ((70.0 / band).ceil() as usize).max(1);
    let with_data = ws.iter().filter(|w| w.mean_compound.is_some()).count();
    // Windows without sentences are not in the model; the line breaks where one is missing.
    let adjacent = |k: usize| k > 0 && ws[k - 1].end >= ws[k].start;
    let gaps = (1..ws.len()).filter(|&k| !adjacent(k)).count();
    let mut desc = format!(
        "Mean sentiment (VADER compound, −1 negative to +1 positive) of the sentences in each \
         5-minute window: {} windows with sentences{}.",
        with_data,
        if gaps > 0 {
            format!(", {gaps} stretches without speech left out")
        } else {
            String::new()
        }
    );
    for w in ws {
        let _ = write!(
            desc,
            " {}–{}: {}.",
            at(w.start),
            at(w.end),
            w.mean_compound.map_or_else(
                || "no sentences".to_string(),
                |v| format!("{} over {} sentences", signed(v), w.sentences)
            )
        );
    }
    let mut out = String::new();
    open(
        &mut out,
        id,
        W,
        height,
        "Sentiment trajectory by 5-minute window",
        &desc,
    );
    for (k, v) in [-1.0, -0.5, 0.0, 0.5, 1.0]
        .iter()
        .map(|f| f * ymax)
        .enumerate()
    {
        let _ = writeln!(
            out,
            "<line x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\" stroke=\"{3}\"{4}/><text x=\"{5}\" \
             y=\"{6}\" text-anchor=\"end\">{7}</text>",
            n(X0),
            n(X1),
            n(y(v)),
            if k == 2 { "#000" } else { GRID },
            if k == 2 {
                " stroke-dasharray=\"4 3\""
            } else {
                ""
            },
            n(X0 - 8.0),
            n(y(v) + 4.0),
            if v == 0.0 { "0".to_string() } else { signed(v) }
        );
    }
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"12\" font-size=\"11\">positive ↑</text><text x=\"{}\" y=\"{}\" \
         font-size=\"11\">negative ↓</text>",
        n(X0),
        n(X0),
        n(BOTTOM + 12.0)
    );
    // The line, broken where windows without sentences were left out.
    let mut d = String::new();
    let mut pen = false;
    for (k, w) in ws.iter().enumerate() {
        match w.mean_compound {
            Some(v) => {
                let lift = !pen || !adjacent(k);
                let _ = write!(
                    d,
                    "{}{} {}",
                    if lift { "M" } else { "L" },
                    n(cx(k)),
                    n(y(v))
                );
                pen = true;
            }
            None => pen = false,
        }
    }
    let _ = writeln!(
        out,
        "<path d=\"{d}\" fill=\"none\" stroke=\"{INK}\" stroke-width=\"1.5\"/>"
    );
    for (k, w) in ws.iter().enumerate() {
        let show = k % label_every == 0 || k + 1 == ws.len();
        if show {
            let _ = writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">{}–{}</text>",
                n(cx(k)),
                n(BOTTOM + 28.0),
                at(w.start),
                at(w.end)
            );
            if band * label_every as f64 >= 90.0 {
                let _ = writeln!(
                    out,
                    "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\" \
                     fill=\"#555\">{}</text>",
                    n(cx(k)),
                    n(BOTTOM + 42.0),
                    if w.sentences == 1 {
                        "1 sentence".to_string()
                    } else {
                        format!("{} sentences", w.sentences)
                    }
                );
            }
        }
        let Some(v) = w.mean_compound else {
            continue;
        };
        let (px, py) = (cx(k), y(v));
        let tip = format!(
            "{}–{}: {} over {} sentences",
            at(w.start),
            at(w.end),
            signed(v),
            w.sentences
        );
        let mark = if v >= 0.05 {
            format!(
                "<circle data-mark=\"sentiment\" cx=\"{}\" cy=\"{}\" r=\"5.5\" fill=\"#009E73\" \
                 stroke=\"#000\">",
                n(px),
                n(py)
            )
        } else if v <= -0.05 {
            format!(
                "<rect data-mark=\"sentiment\" x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" \
                 fill=\"#D55E00\" stroke=\"#000\">",
                n(px - 5.0),
                n(py - 5.0)
            )
        } else {
            format!(
                "<path data-mark=\"sentiment\" d=\"M{} {}l6 6l-6 6l-6 -6z\" fill=\"#fff\" \
                 stroke=\"#000\">",
                n(px),
                n(py - 6.0)
            )
        };
        let close = if v >= 0.05 {
            "</circle>"
        } else if v <= -0.05 {
            "</rect>"
        } else {
            "</path>"
        };
        let _ = writeln!(out, "{mark}<title>{}</title>{close}", esc(&tip));
        if show || band >= 40.0 {
            let _ = writeln!(
                out,
                "<text class=\"halo\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" \
                 font-size=\"11\" font-weight=\"bold\">{}</text>",
                n(px),
                n(if v < 0.0 { py + 19.0 } else { py - 10.0 }),
                signed(v)
            );
        }
    }
    out.push_str("</svg>\n<figcaption>");
    let _ = writeln!(
        out,
        "{} positive window (≥ +0.05) · {} neutral · {} negative (≤ −0.05); the dashed line is \
         0. Each point is the mean over the window's sentences, so a few sentences can move it \
         a lot: the number of sentences is in the data table. Sentiment comes from a word list \
         (VADER) and misses irony and context.</figcaption>",
        key("<circle cx=\"8\" cy=\"6\" r=\"5\" fill=\"#009E73\" stroke=\"#000\"/>"),
        key("<path d=\"M8 0l6 6l-6 6l-6 -6z\" fill=\"#fff\" stroke=\"#000\"/>"),
        key("<rect x=\"3\" y=\"1\" width=\"10\" height=\"10\" fill=\"#D55E00\" stroke=\"#000\"/>")
    );
    let rows: Vec<Vec<String>> = ws
        .iter()
        .map(|w| {
            vec![
                format!("{}–{}", at(w.start), at(w.end)),
                w.sentences.to_string(),
                w.mean_compound.map_or_else(|| "–".to_string(), signed),
            ]
        })
        .collect();
    data_table(
        &mut out,
        "Data: sentiment per window",
        "Mean VADER compound per 5-minute window",
        &["window", "sentences", "mean compound"],
        &rows,
    );
    out.push_str("</figure>\n");
    out
}

/// The label of a period on a chart axis: the month, or the first day of the week.
fn period_label(r: &TeamReport, k: usize) -> String {
    let p = &r.periods[k];
    if r.by == "week" {
        p.start.clone()
    } else {
        p.period.clone()
    }
}

/// Small multiples, compact: one panel per person in `people` (in that order) with their
/// mean talk share per period (points, joined where consecutive periods both have a value),
/// all on the same scale (the top line is its maximum, the next 10 points above the largest
/// value shown). Each panel is about 1 kB: the name,
/// a dot per period attended (one path of round-capped zero-length strokes, its
/// `data-points` the number of dots), the last value written out, and meetings and trend in
/// words; its description gives the range and the last value (the tables per period hold
/// every value).
pub(super) fn team_panels(
    r: &TeamReport,
    people: &[&crate::report::team::PersonOverall],
) -> String {
    let periods = r.periods.len();
    if periods == 0 || people.is_empty() {
        return unavailable("no dated meetings in the range");
    }
    // The scale: the largest value of the people with a panel.
    let shown: std::collections::BTreeSet<&str> =
        people.iter().map(|p| p.figures.name.as_str()).collect();
    let max = r
        .periods
        .iter()
        .flat_map(|p| {
            p.people
                .iter()
                .filter(|q| shown.contains(q.name.as_str()))
                .filter_map(|q| q.talk_share_mean)
        })
        .fold(0.0, f64::max);
    // The next 10 points above the largest value (5 points below 20 %).
    let axis = if max < 0.2 {
        (((max + 0.01) / 0.05).ceil() * 0.05).clamp(0.05, 0.2)
    } else {
        (((max + 0.02) / 0.1).ceil() * 0.1).min(1.0)
    };
    const PW: f64 = 240.0;
    const PH: f64 = 92.0;
    const X0: f64 = 6.0;
    const X1: f64 = 200.0;
    const TOP: f64 = 24.0;
    const BOTTOM: f64 = 70.0;
    let band = (X1 - X0) / periods as f64;
    let cx = |k: usize| X0 + band * (k as f64 + 0.5);
    let y = |v: f64| BOTTOM - v / axis * (BOTTOM - TOP);
    let mut out = format!(
        "<p class=\"scale\">Scale of every panel: 0 to {} talk share; periods from {} (left) \
         to {} (right).</p>\n<div class=\"multiples\">\n",
        pct(axis),
        esc(&period_label(r, 0)),
        esc(&period_label(r, periods - 1))
    );
    for (pi, person) in people.iter().enumerate() {
        let name = &person.figures.name;
        let id = format!("trend-{}", pi + 1);
        let series: Vec<Option<f64>> = r
            .periods
            .iter()
            .map(|p| {
                p.people
                    .iter()
                    .find(|q| q.name == *name)
                    .and_then(|q| q.talk_share_mean)
            })
            .collect();
        let trend = person.talk_share_trend.map_or_else(
            || "no trend".to_string(),
            |t| {
                format!(
                    "trend {}{:.1} pts",
                    if t < 0.0 { "−" } else { "+" },
                    t.abs() * 100.0
                )
            },
        );
        // A bounded description: the range and the last value (every value is in the
        // tables per period, and in team.md and team.json).
        let values: Vec<(usize, f64)> = series
            .iter()
            .enumerate()
            .filter_map(|(k, v)| v.map(|v| (k, v)))
            .collect();
        let lo = values.iter().map(|v| v.1).fold(f64::INFINITY, f64::min);
        let hi = values.iter().map(|v| v.1).fold(0.0, f64::max);
        let desc = match values.last() {
            None => format!(
                "{name}: no talk share measured; {} meetings.",
                person.figures.meetings
            ),
            Some(&(k, v)) => format!(
                "{name}, mean talk share in {} {}{}{}, last {} ({}); {} per {}; {} meetings.",
                values.len(),
                if values.len() == 1 {
                    r.by.to_string()
                } else {
                    format!("{}s", r.by)
                },
                if values.len() == 1 { "" } else { ": " },
                if values.len() == 1 {
                    String::new()
                } else {
                    format!("{} to {}", pct(lo), pct(hi))
                },
                pct(v),
                period_label(r, k),
                trend,
                r.by,
                person.figures.meetings
            ),
        };
        // A lighter opening than `open` (the CSS sizes the panel from its viewBox).
        let _ = write!(
            out,
            "<figure class=\"chart\" id=\"{id}\">\n<svg role=\"img\" aria-labelledby=\"{id}-title \
             {id}-desc\" viewBox=\"0 0 {PW} {PH}\" font-size=\"12\" fill=\"{INK}\">\n<title \
             id=\"{id}-title\">{}: talk share per {}</title>\n<desc id=\"{id}-desc\">{}</desc>\n\
             <text x=\"4\" y=\"14\" font-size=\"13\" font-weight=\"bold\">{}</text>\n\
             <path d=\"M{X0} {BOTTOM}H{X1}M{X0} {TOP}H{X1}\" stroke=\"{GRID}\"/>\n",
            esc(name),
            r.by,
            esc(&desc),
            esc(&cut(name, 30)),
        );
        let mut d = String::new();
        let mut pen = false;
        let mut marks = String::new();
        let mut points = 0;
        let mut last = None;
        for (k, s) in series.iter().enumerate() {
            match s {
                Some(s) => {
                    // Whole viewBox units: a panel is drawn about 240 px wide.
                    let (px, py) = (cx(k).round(), y(*s).round());
                    let _ = write!(d, "{}{px} {py}", if pen { "L" } else { "M" });
                    pen = true;
                    // A dot: a zero-length stroke with round caps (about 10 bytes a point).
                    let _ = write!(marks, "M{px} {py}h0");
                    points += 1;
                    last = Some(*s);
                }
                None => pen = false,
            }
        }
        let _ = writeln!(
            out,
            "<path d=\"{d}\" fill=\"none\" stroke=\"{c}\" stroke-width=\"2\"/>\n<path \
             data-mark=\"trend-points\" data-points=\"{points}\" d=\"{marks}\" stroke=\"{c}\" \
             stroke-width=\"7\" stroke-linecap=\"round\"/>",
            c = PALETTE[0]
        );
        if let Some(s) = last {
            let _ = writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" font-size=\"11\">{}</text>",
                X1 + 4.0,
                (y(s) + 4.0).round(),
                pct(s)
            );
        }
        let _ = writeln!(
            out,
            "<text x=\"4\" y=\"{}\" font-size=\"11\">{} meetings · {}</text>\n</svg>\n</figure>",
            PH - 6.0,
            person.figures.meetings,
            esc(&trend)
        );
    }
    out.push_str("</div>\n");
    out
}

/// The team's mean Gini and evenness of talk time per period (0 to 1): Gini as circles on a
/// solid line, evenness as squares on a dashed line, each value written next to its point.
pub(super) fn team_balance(r: &TeamReport) -> String {
    let periods = r.periods.len();
    if periods == 0 {
        return unavailable("no dated meetings in the range");
    }
    let id = "team-balance";
    const X0: f64 = 60.0;
    const X1: f64 = 860.0;
    const TOP: f64 = 20.0;
    const BOTTOM: f64 = 200.0;
    let height = 240.0;
    let band = (X1 - X0) / periods as f64;
    let cx = |k: usize| X0 + band * (k as f64 + 0.5);
    let y = |v: f64| BOTTOM - v * (BOTTOM - TOP);
    let label_every = ((80.0 / band).ceil() as usize).max(1);
    let mut desc = format!(
        "Mean Gini (0 = equal, higher = less equal) and mean evenness (1 = even) of talk time \
         in the team's meetings, per {}:",
        r.by
    );
    for (k, p) in r.periods.iter().enumerate() {
        let _ = write!(
            desc,
            " {}: Gini {}, evenness {};",
            period_label(r, k),
            p.team
                .gini_mean
                .map_or_else(|| "–".to_string(), |v| format!("{v:.2}")),
            p.team
                .evenness_mean
                .map_or_else(|| "–".to_string(), |v| format!("{v:.2}"))
        );
    }
    desc.pop();
    desc.push('.');
    let mut out = String::new();
    open(
        &mut out,
        id,
        W,
        height,
        "Team balance of talk time per period",
        &desc,
    );
    for v in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let _ = writeln!(
            out,
            "<line x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\" stroke=\"{GRID}\"/><text x=\"{3}\" \
             y=\"{4}\" text-anchor=\"end\">{5:.2}</text>",
            n(X0),
            n(X1),
            n(y(v)),
            n(X0 - 8.0),
            n(y(v) + 4.0),
            v
        );
    }
    for k in (0..periods).filter(|k| k % label_every == 0 || k + 1 == periods) {
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            n(cx(k)),
            n(BOTTOM + 20.0),
            esc(&period_label(r, k))
        );
    }
    let series: [(&str, &str, Vec<Option<f64>>, &str); 2] = [
        (
            "team-gini",
            "Gini",
            r.periods.iter().map(|p| p.team.gini_mean).collect(),
            "",
        ),
        (
            "team-evenness",
            "evenness",
            r.periods.iter().map(|p| p.team.evenness_mean).collect(),
            " stroke-dasharray=\"7 4\"",
        ),
    ];
    for (si, (mark, name, values, dash)) in series.iter().enumerate() {
        let colour = PALETTE[si];
        let mut d = String::new();
        let mut pen = false;
        for (k, v) in values.iter().enumerate() {
            match v {
                Some(v) => {
                    let _ = write!(
                        d,
                        "{}{} {}",
                        if pen { "L" } else { "M" },
                        n(cx(k)),
                        n(y(*v))
                    );
                    pen = true;
                }
                None => pen = false,
            }
        }
        let _ = writeln!(
            out,
            "<path d=\"{d}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{dash}/>"
        );
        for (k, v) in values.iter().enumerate() {
            let Some(v) = v else { continue };
            let (px, py) = (cx(k), y(*v));
            let shape = if si == 0 {
                format!(
                    "<circle data-mark=\"{mark}\" cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"{colour}\" \
                     stroke=\"#000\">",
                    n(px),
                    n(py)
                )
            } else {
                format!(
                    "<rect data-mark=\"{mark}\" x=\"{}\" y=\"{}\" width=\"9\" height=\"9\" \
                     fill=\"{colour}\" stroke=\"#000\">",
                    n(px - 4.5),
                    n(py - 4.5)
                )
            };
            let _ = writeln!(
                out,
                "{shape}<title>{}: {name} {:.2}</title>{}",
                esc(&period_label(r, k)),
                v,
                if si == 0 { "</circle>" } else { "</rect>" }
            );
            let _ = writeln!(
                out,
                "<text class=\"halo\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" \
                 font-size=\"11\">{:.2}</text>",
                n(px),
                n(if si == 0 { py + 18.0 } else { py - 9.0 }),
                v
            );
        }
        if let Some((k, v)) = values
            .iter()
            .enumerate()
            .rev()
            .find_map(|(k, v)| v.map(|v| (k, v)))
        {
            let _ = writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" font-weight=\"bold\">{name}</text>",
                n(cx(k) + 12.0),
                n(y(v) + 4.0)
            );
        }
    }
    out.push_str("</svg>\n<figcaption>");
    let _ = writeln!(
        out,
        "{} mean Gini of talk time (0 = everyone equal) · {} mean evenness (1 = perfectly even), \
         over the meetings of each period (over the roster where one is configured).\
         </figcaption>",
        key(&format!(
            "<line x1=\"0\" x2=\"16\" y1=\"6\" y2=\"6\" stroke=\"{}\" stroke-width=\"2\"/>\
             <circle cx=\"8\" cy=\"6\" r=\"4\" fill=\"{}\" stroke=\"#000\"/>",
            PALETTE[0], PALETTE[0]
        )),
        key(&format!(
            "<line x1=\"0\" x2=\"16\" y1=\"6\" y2=\"6\" stroke=\"{}\" stroke-width=\"2\" \
             stroke-dasharray=\"4 2\"/><rect x=\"4\" y=\"2\" width=\"8\" height=\"8\" \
             fill=\"{}\" stroke=\"#000\"/>",
            PALETTE[1], PALETTE[1]
        ))
    );
    let f2 = |v: Option<f64>| v.map_or_else(|| "–".to_string(), |v| format!("{v:.2}"));
    let rows: Vec<Vec<String>> = r
        .periods
        .iter()
        .map(|p| {
            vec![
                p.period.clone(),
                p.team.meetings.to_string(),
                f2(p.team.gini_mean),
                f2(p.team.evenness_mean),
                p.team.max_share_mean.map_or_else(|| "–".to_string(), pct),
                p.team
                    .interruptions_per_hour
                    .map_or_else(|| "–".to_string(), |v| format!("{v:.1}")),
            ]
        })
        .collect();
    data_table(
        &mut out,
        "Data: team figures per period",
        "The team per period",
        &[
            "period",
            "meetings",
            "mean Gini",
            "mean evenness",
            "mean largest share",
            "interruptions per hour",
        ],
        &rows,
    );
    out.push_str("</figure>\n");
    out
}
