//! The private page of one person over the meetings of a team report, as Markdown
//! (`people/<slug>.md`; the HTML page, [`crate::render::html::person_html`], shows the same
//! words). It reads a [`PersonPage`] only.
//!
//! **Privacy.** As the per-meeting private report ([`crate::render::speaker`]): the person's
//! own words only (already redacted in the model: [`crate::report::team::person`]); other
//! people as "Participant N" (their number in that meeting) unless names are shown; the
//! evidence of an interruption without quoted words.
//!
//! **Reflection prompts**, written for a quarterly conversation: three to five observations,
//! each followed by an open question. Candidates in this priority order:
//!
//! 1. the talk-share trend, when the person attended at least [`TREND_PROMPT_PERIODS`]
//!    periods and the slope is at least [`TREND_PROMPT_POINTS`] (2 points per period);
//! 2. the mean talk share against the mean equal share of the meetings attended: at least
//!    [`HIGH_SHARE_FACTOR`] × or at most [`LOW_SHARE_FACTOR`] × (as in the per-meeting
//!    report);
//! 3. competitive interruptions made, at least [`INTERRUPTIONS_PROMPT_MIN`] over the range;
//! 4. competitive interruptions received, at least [`INTERRUPTIONS_PROMPT_MIN`];
//! 5. inclusive-language terms, at least one (the most used term);
//! 6. the mean tone at least [`SENTIMENT_PROMPT_GAP`] below the team's.
//!
//! When fewer than three apply, open questions about the period as a whole complete the
//! list. Tone: observations, not verdicts; no "should", no grades.

use crate::render::markdown::{
    QUOTE_CHARS, at, escape, excerpt_end, excerpt_start, num, pct, signed,
};
use crate::render::speaker::{HIGH_SHARE_FACTOR, INTERRUPTIONS_PROMPT_MIN, LOW_SHARE_FACTOR};
use crate::report::team::person::{Event, PersonPage, Place};
use std::fmt::Write as _;

/// Periods attended from which the talk-share trend is a prompt.
pub const TREND_PROMPT_PERIODS: usize = 3;
/// Talk-share slope (share per period) from which the trend is a prompt: 2 points.
pub const TREND_PROMPT_POINTS: f64 = 0.02;
/// The mean tone this far below the team's is a prompt.
pub const SENTIMENT_PROMPT_GAP: f64 = 0.1;

fn times(n: usize) -> String {
    match n {
        1 => "once".to_string(),
        2 => "twice".to_string(),
        n => format!("{n} times"),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A change against the previous period: ▲/▼ with the signed size, or nothing.
fn mark(v: Option<f64>, scale: f64, places: usize, unit: &str) -> String {
    match v {
        Some(x) if x > 0.0 => format!(" ▲+{:.places$}{unit}", x * scale),
        Some(x) if x < 0.0 => format!(" ▼−{:.places$}{unit}", -x * scale),
        Some(_) => " =".to_string(),
        None => String::new(),
    }
}

fn tone(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_string(), |x| format!("{x:+.3}").replace('-', "−"))
}

/// Where a quote was said: `2026-03-05, acdc_2026-03-05_176.vtt at 12:34`.
fn place(p: &Place) -> String {
    let mut s = String::new();
    if let Some(d) = p.date {
        let _ = write!(s, "{d}, ");
    }
    s.push_str(&escape(&p.meeting));
    if let Some(t) = p.time {
        let _ = write!(s, " at {}", at(t));
    }
    s
}

/// The evidence of an event as the per-meeting private report words it.
fn evidence(e: &Event, made: bool) -> String {
    if e.cues.is_empty() {
        return String::new();
    }
    let (a, b) = if made {
        (escape(&e.other), "you".to_string())
    } else {
        ("you".to_string(), escape(&e.other))
    };
    format!(
        " Evidence: {} (A = {a}, B = {b}).",
        escape(&e.cues.join("; "))
    )
}

fn intro(p: &PersonPage, out: &mut String) {
    let f = &p.overall.figures;
    let _ = writeln!(out, "# Your meetings over time\n");
    let _ = writeln!(out, "**{}**\n", escape(&f.name));
    let _ = writeln!(
        out,
        "This page is for you. It contains only your own words; {}.\n",
        if p.show_other_names {
            "other people appear by name, never with what they said"
        } else {
            "other people appear as “Participant N”, the number they have in that meeting's \
             private reports (it changes from one meeting to the next)"
        }
    );
    let first = p.periods.first().map(|r| r.period.as_str()).unwrap_or("–");
    let last = p.periods.last().map(|r| r.period.as_str()).unwrap_or("–");
    let _ = writeln!(
        out,
        "You attended {} of the {} meetings in this report ({} to {}, by {}){}.\n",
        f.meetings,
        p.team_meetings,
        escape(first),
        escape(last),
        p.by,
        f.talk_minutes.map_or_else(String::new, |m| format!(
            ", and spoke for {m:.1} minutes in all"
        ))
    );
}

fn figures(p: &PersonPage, out: &mut String) {
    let _ = writeln!(out, "## Your figures per {}, against the team's\n", p.by);
    let _ = writeln!(
        out,
        "Talk share is your mean share of the talk time in the meetings you attended, with \
         the equal share of those meetings (1 / number of people) in brackets. Interruptions \
         are competitive ones (coming in against what someone was saying), per meeting, with \
         the team's mean per person and meeting in brackets. ▲/▼: the change against the \
         previous {} you attended.\n",
        p.by
    );
    let _ = writeln!(
        out,
        "| {} | meetings (yours / team's) | talk share (equal share) | interruptions made per meeting (team) | received per meeting (team) | inclusive /1,000 words (team) | sentiment (team) |",
        p.by
    );
    out.push_str("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for row in &p.periods {
        let team_int = num(row.team_interruptions_per_attendance, 2);
        match &row.you {
            Some(y) => {
                let _ = writeln!(
                    out,
                    "| {} | {} / {} | {}{} ({}) | {} ({team_int}) | {} ({team_int}) | {}{} ({}) | {}{} ({}) |",
                    escape(&row.period),
                    y.meetings,
                    row.team.meetings,
                    pct(y.talk_share_mean),
                    mark(y.talk_share_change, 100.0, 1, " pts"),
                    pct(y.equal_share_mean),
                    num(row.made_per_meeting, 2),
                    num(row.received_per_meeting, 2),
                    num(y.inclusive_per_1000_words, 2),
                    mark(y.inclusive_change, 1.0, 2, ""),
                    num(row.team.inclusive_per_1000_words, 2),
                    tone(y.sentiment_mean),
                    mark(y.sentiment_change, 1.0, 3, ""),
                    tone(row.team.sentiment_mean),
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    "| {} | – / {} | absent | – ({team_int}) | – ({team_int}) | – ({}) | – ({}) |",
                    escape(&row.period),
                    row.team.meetings,
                    num(row.team.inclusive_per_1000_words, 2),
                    tone(row.team.sentiment_mean),
                );
            }
        }
    }
    out.push('\n');
}

fn trend(p: &PersonPage, out: &mut String) {
    let f = &p.overall.figures;
    let t = &p.team_overall;
    let _ = writeln!(out, "## Your trend\n");
    let shares: Vec<String> = p
        .periods
        .iter()
        .filter_map(|r| {
            r.you
                .as_ref()
                .map(|y| format!("{} {}", escape(&r.period), pct(y.talk_share_mean)))
        })
        .collect();
    let _ = writeln!(
        out,
        "- **Talk share** per {}: {}. {}",
        p.by,
        if shares.is_empty() {
            "–".to_string()
        } else {
            shares.join(", ")
        },
        match p.overall.talk_share_trend {
            Some(x) => format!(
                "Trend: {}{:.1} points per {} (least-squares slope over the {}s you attended).",
                if x < 0.0 { "−" } else { "+" },
                x.abs() * 100.0,
                p.by,
                p.by
            ),
            None => format!("No trend: fewer than two {}s with a figure.", p.by),
        }
    );
    let _ = writeln!(
        out,
        "- **Over all your meetings**: talk share {} (equal share {}); competitive \
         interruptions made {} and received {} ({} and {} per meeting; the team's mean per \
         person and meeting: {}).",
        pct(f.talk_share_mean),
        pct(f.equal_share_mean),
        f.interruptions_made,
        f.interruptions_received,
        num(p.made_per_meeting, 2),
        num(p.received_per_meeting, 2),
        num(p.team_interruptions_per_attendance, 2)
    );
    let _ = writeln!(
        out,
        "- **Language and tone**: inclusive-language findings {} per 1,000 of your words (the \
         team: {}); mean tone of your sentences {} (the team: {}; VADER, −1 negative to +1 \
         positive).\n",
        num(f.inclusive_per_1000_words, 2),
        num(t.inclusive_per_1000_words, 2),
        tone(f.sentiment_mean),
        tone(t.sentiment_mean)
    );
}

fn events(list: &[Event], made: bool, out: &mut String) {
    for e in list {
        let stopped = match (made, e.successful) {
            (true, true) => "they stopped",
            (true, false) => "they kept the floor",
            (false, true) => "you stopped",
            (false, false) => "you kept the floor",
        };
        if made {
            let _ = write!(
                out,
                "- {}: you came in while {} was speaking; {stopped}.",
                place(&e.at),
                escape(&e.other)
            );
            if !e.quote.trim().is_empty() {
                let _ = write!(
                    out,
                    " You said: “{}”",
                    escape(&excerpt_start(&e.quote, QUOTE_CHARS))
                );
            }
        } else {
            let _ = write!(
                out,
                "- {}: {} came in while you were speaking; {stopped}.",
                place(&e.at),
                escape(&e.other)
            );
            if !e.quote.trim().is_empty() {
                let _ = write!(
                    out,
                    " You were saying: “{}”",
                    escape(&excerpt_end(&e.quote, QUOTE_CHARS))
                );
            }
        }
        out.push_str(&evidence(e, made));
        out.push('\n');
    }
}

fn interruptions(p: &PersonPage, out: &mut String) {
    let f = &p.overall.figures;
    let m = &p.moments;
    out.push_str("## Interruptions\n\n");
    let made = match f.interruptions_made {
        0 => "you did not come in against what someone else was saying".to_string(),
        n => format!(
            "you came in against what someone else was saying {}",
            times(n)
        ),
    };
    let received = match f.interruptions_received {
        0 => "nobody came in against what you were saying".to_string(),
        n => format!("someone came in against what you were saying {}", times(n)),
    };
    let _ = writeln!(
        out,
        "Over your {}, {made} (competitive interruptions: contrast, a claim to the floor, or \
         taking over mid-sentence); {received}.\n",
        plural(f.meetings, "meeting", "meetings"),
    );
    if !m.made.is_empty() {
        let _ = writeln!(
            out,
            "The latest {} you came in (at most {}):\n",
            if m.made.len() == 1 { "time" } else { "times" },
            crate::report::team::person::EVENTS_KEPT
        );
        events(&m.made, true, out);
        out.push('\n');
    }
    if !m.received.is_empty() {
        let _ = writeln!(
            out,
            "The latest {} someone came in on you (at most {}):\n",
            if m.received.len() == 1 {
                "time"
            } else {
                "times"
            },
            crate::report::team::person::EVENTS_KEPT
        );
        events(&m.received, false, out);
        out.push('\n');
    }
    if m.made.iter().chain(&m.received).any(|e| e.inferred) {
        out.push_str(
            "Some of these meetings were exported without overlapping speech, so their \
             interruptions are inferred from the words around each speaker change. Read the \
             moments before drawing conclusions.\n\n",
        );
    }
}

fn language(p: &PersonPage, out: &mut String) {
    let m = &p.moments;
    out.push_str("## Language\n\n");
    if m.terms.is_empty() {
        out.push_str(
            "Nothing you said in these meetings matched the inclusive-language list used by \
             turnstat (the list is English).\n\n",
        );
        return;
    }
    out.push_str("Terms from the inclusive-language list, with how often you used them:\n\n");
    let mut terms: Vec<_> = m.terms.iter().collect();
    terms.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.term.cmp(&b.term)));
    for t in terms {
        let _ = writeln!(
            out,
            "- “{}”: {}.{}",
            escape(&t.term),
            times(t.count),
            crate::render::speaker::alternatives(&t.suggestions)
        );
    }
    let _ = writeln!(
        out,
        "\nThe latest {} (at most {}):\n",
        if m.findings.len() == 1 {
            "finding"
        } else {
            "findings"
        },
        crate::report::team::person::FINDINGS_KEPT
    );
    for f in &m.findings {
        let _ = writeln!(
            out,
            "- {}: “{}”, in “{}”.{} {}",
            place(&f.at),
            escape(&f.term),
            escape(&excerpt_start(&f.quote, QUOTE_CHARS)),
            crate::render::speaker::alternatives(&f.suggestions),
            escape(&f.explanation)
        );
    }
    out.push('\n');
}

fn sentiment(p: &PersonPage, out: &mut String) {
    let m = &p.moments;
    out.push_str("## Sentiment\n\n");
    let f = &p.overall.figures;
    if f.sentiment_mean.is_none() {
        out.push_str(
            "Not available: none of your sentences could be scored (the sentiment word list, \
             VADER, is English).\n\n",
        );
        return;
    }
    let _ = writeln!(
        out,
        "The mean tone of your sentences was {} (the team's: {}).\n",
        tone(f.sentiment_mean),
        tone(p.team_overall.sentiment_mean)
    );
    for (label, list) in [
        ("Your most positive moments", &m.positive),
        ("Your most negative moments", &m.negative),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{label}:\n");
        for mo in list.iter() {
            let _ = writeln!(
                out,
                "- {} ({}): “{}”",
                signed(mo.compound),
                place(&mo.at),
                escape(&excerpt_start(&mo.quote, QUOTE_CHARS))
            );
        }
        out.push('\n');
    }
}

/// The reflection prompts, in the documented priority order (3 to 5).
fn prompts(p: &PersonPage) -> Vec<String> {
    let f = &p.overall.figures;
    let mut out = Vec::new();
    let attended: Vec<(&str, f64)> = p
        .periods
        .iter()
        .filter_map(|r| {
            r.you
                .as_ref()
                .and_then(|y| y.talk_share_mean)
                .map(|s| (r.period.as_str(), s))
        })
        .collect();
    // 1. The trend.
    if let (Some(t), [(p0, s0), .., (p1, s1)]) = (p.overall.talk_share_trend, attended.as_slice())
        && attended.len() >= TREND_PROMPT_PERIODS
        && t.abs() >= TREND_PROMPT_POINTS
    {
        out.push(format!(
            "Your share of the talk time went from {} in {} to {} in {} (about {}{:.1} points \
             per {}). What changed for you in these meetings?",
            pct(Some(*s0)),
            escape(p0),
            pct(Some(*s1)),
            escape(p1),
            if t < 0.0 { "−" } else { "+" },
            t.abs() * 100.0,
            p.by
        ));
    }
    // 2. Talk share against the equal share.
    if let (Some(s), Some(eq)) = (f.talk_share_mean, f.equal_share_mean) {
        if s >= HIGH_SHARE_FACTOR * eq {
            out.push(format!(
                "Across your {} you spoke {} of the time on average, where an equal share \
                 would have been {}. Whose voices would you like to hear more of?",
                plural(f.meetings, "meeting", "meetings"),
                pct(Some(s)),
                pct(Some(eq))
            ));
        } else if s <= LOW_SHARE_FACTOR * eq {
            out.push(format!(
                "Across your {} you spoke {} of the time on average, where an equal share \
                 would have been {}. Was there something you wanted to add that did not find \
                 its moment?",
                plural(f.meetings, "meeting", "meetings"),
                pct(Some(s)),
                pct(Some(eq))
            ));
        }
    }
    // 3. Competitive interruptions made.
    if f.interruptions_made >= INTERRUPTIONS_PROMPT_MIN {
        out.push(format!(
            "You came in against what someone else was saying {} over {} ({} per meeting; the \
             team's mean per person and meeting: {}). Which of those moments would you handle \
             the same way again?",
            times(f.interruptions_made),
            plural(f.meetings, "meeting", "meetings"),
            num(p.made_per_meeting, 2),
            num(p.team_interruptions_per_attendance, 2)
        ));
    }
    // 4. Received.
    if f.interruptions_received >= INTERRUPTIONS_PROMPT_MIN {
        out.push(format!(
            "Others came in against what you were saying {} over {}. What happened to the \
             points you were making?",
            times(f.interruptions_received),
            plural(f.meetings, "meeting", "meetings")
        ));
    }
    // 5. Inclusive language: the most used term (the first by term on ties).
    if let Some(t) = p.moments.terms.iter().fold(
        None,
        |best: Option<&crate::report::team::person::TermCount>, t| match best {
            Some(b) if b.count >= t.count => Some(b),
            _ => Some(t),
        },
    ) {
        out.push(format!(
            "You used “{}” {} in these meetings; some colleagues may not feel included by it. \
             What word fits your team?",
            escape(&t.term),
            times(t.count)
        ));
    }
    // 6. Tone well below the team's.
    if let (Some(me), Some(team)) = (f.sentiment_mean, p.team_overall.sentiment_mean)
        && team - me >= SENTIMENT_PROMPT_GAP
    {
        out.push(format!(
            "The tone of your sentences averaged {}, the team's {}. What was behind that \
             difference for you?",
            tone(Some(me)),
            tone(Some(team))
        ));
    }
    out.truncate(5);
    for fallback in [
        "Which of these meetings felt most like the way you want to work together, and what \
         made it so?",
        "Of the figures on this page, which one surprises you most, and why?",
        "What would you like to try in your meetings in the next few months?",
    ] {
        if out.len() >= 3 {
            break;
        }
        out.push(fallback.to_string());
    }
    out
}

fn limits(p: &PersonPage, out: &mut String) {
    out.push_str("## What these numbers can and cannot say\n\n");
    out.push_str(
        "- Each meeting counts once in your mean talk share, whatever its length; the equal \
         share depends on how many people were there.\n",
    );
    out.push_str(crate::render::speaker::LIMIT_INTERRUPTIONS);
    out.push_str(crate::render::speaker::LIMIT_SENTIMENT);
    let _ = writeln!(
        out,
        "- Only a few quotes are kept per person: the {} most positive and most negative \
         moments, the latest {} inclusive-language findings and the latest {} interruptions \
         each way. The per-meeting reports have the rest.",
        crate::report::team::person::MOMENTS_KEPT,
        crate::report::team::person::FINDINGS_KEPT,
        crate::report::team::person::EVENTS_KEPT
    );
    let _ = writeln!(
        out,
        "- These numbers describe {}. They are a starting point for a conversation, not a \
         judgement of you or of your contribution.",
        plural(p.overall.figures.meetings, "meeting", "meetings")
    );
}

/// The private page of one person as Markdown (module documentation: privacy, prompts).
pub fn markdown(p: &PersonPage) -> String {
    let mut out = String::new();
    intro(p, &mut out);
    figures(p, &mut out);
    trend(p, &mut out);
    interruptions(p, &mut out);
    language(p, &mut out);
    sentiment(p, &mut out);
    out.push_str("## Reflection prompts for the conversation\n\n");
    for (i, q) in prompts(p).iter().enumerate() {
        let _ = writeln!(out, "{}. {q}", i + 1);
    }
    out.push('\n');
    limits(p, &mut out);
    out
}
