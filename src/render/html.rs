//! Self-contained HTML reports: the meeting report, the private per-speaker page and the
//! team report, each one file with inline CSS and inline SVG charts.
//!
//! # One file, nothing fetched, nothing run
//!
//! A page has no JavaScript, no web font, no image file and no link to another site: the
//! styles sit in one `<style>` element and the charts are SVG written by hand into the page.
//! A `Content-Security-Policy` `<meta>` (`default-src 'none'`) backs this up, so even a
//! browser that meets injected markup would neither load nor run anything. Pages read
//! offline, and print: the print styles keep charts and tables whole on a page, and open
//! the (short) data tables that sit in `<details>` elements on screen.
//!
//! # The charts
//!
//! - **Speaker timeline** (who spoke when): one lane per speaker, a bar per turn placed at
//!   its time in the recording; turns inside someone else's turn (listening signals,
//!   attempts to come in) are hatched; interruptions are triangles on the lane of the person
//!   who came in (filled: they took the floor; hollow: the other kept it); other overlaps are
//!   diamonds. Turns come from [`TurnBar`]s (the report model holds no per-turn spans).
//! - **Talk share against equal share**: a bar per speaker with its percentage and talk
//!   time, a dashed line at the equal share and, with a roster, a dotted line at the equal
//!   share over the roster with the silent attendees listed at 0 %.
//! - **Turn lengths**: per speaker a dot per turn of their own on a logarithmic scale, the
//!   mean as a black bar, and the count, mean, median and longest written out.
//! - **Who interrupts whom**: an HTML table used as a heatmap, rows interrupting columns,
//!   each cell with its number and a shade from a sequential blue scale, plus totals.
//! - **Sentiment trajectory**: the mean VADER compound per 5-minute window, a point per
//!   window with sentences (circle positive, diamond neutral, square negative), its value
//!   written next to it, the line broken where a window had none.
//! - **Team trends** (team report): small multiples, one panel per person with their mean
//!   talk share per period on one shared scale, and the team's mean Gini (circles, solid
//!   line) and evenness (squares, dashed line) per period.
//!
//! # Accessibility
//!
//! Pages declare `lang="en"`, use the `header`/`main`/`footer` landmarks, a skip link and
//! headings in order (one `h1`). Every chart is an `<svg role="img">` labelled by its
//! `<title>` and a `<desc>` that states its numbers in words, followed by a caption with the
//! key and a data table (`<th scope>` headers) holding every plotted value. Colours come from
//! the Okabe–Ito palette, which stays distinguishable with the common colour-vision
//! deficiencies, and colour is never the only carrier of meaning: lanes and bars are named,
//! marks differ in shape, fill or dash pattern, and values are written as numbers. Text has
//! at least 4.5:1 contrast; bars have a thin dark outline so light colours keep an edge.
//! Every mark has a `data-mark` attribute, used by the browser tests to count marks.
//!
//! # Escaping and privacy
//!
//! Every name, quote, file name and message goes through [`esc`]: `<script>` as a speaker
//! name stays the text `&lt;script&gt;`. The private page of one speaker
//! ([`speaker_html`]) keeps the rule of [`crate::render::speaker`]: its words are the
//! Markdown report's, converted (only that person's own words, other people's names
//! replaced in them), and on its charts other people appear as "Participant N" (their
//! 1-based position in the meeting's speakers) unless `show_other_names`; roster names of
//! silent attendees are not shown then either, only counted.
//!
//! Output is deterministic: no clock, fixed number formats.

mod md;
mod svg;
pub use svg::{MAX_MATRIX_PEOPLE, matrix_people};

use crate::metrics::interruptions::{Kind, Mode, Stance};
use crate::render::markdown::{QUOTE_CHARS, at, excerpt_end, excerpt_start, length};
use crate::render::speaker::{SpeakerOptions, speaker_markdown};
use crate::report::team::TeamReport;
use crate::report::{EventReport, MeetingReport, Report};
use std::fmt::Write as _;

/// Most interruptions and overlaps listed (with quotes) per meeting; the rest are counted.
pub const MAX_LISTED_EVENTS: usize = 50;

/// The team page lists the people of the last this many periods in detail (one table
/// each); `team.md` and `team.json` have every period.
pub const DETAIL_PERIODS: usize = 3;

const CSS: &str = include_str!("html/style.css");

pub use crate::report::{TurnBar, turn_bars};

/// Escapes text for HTML element content and quoted attribute values: `&`, `<`, `>`, `"`
/// and `'` become character references; control characters are made inert
/// ([`crate::render::inert`]).
pub fn esc(s: &str) -> String {
    // One pass, copying the runs between characters that need a replacement (this runs
    // for every name and quote on every page).
    let mut out = String::with_capacity(s.len() + 8);
    let mut last = 0;
    for (i, c) in s.char_indices() {
        let rep = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            '\u{1b}' => "␛",
            c if c.is_control() => " ",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + c.len_utf8();
    }
    out.push_str(&s[last..]);
    out
}

/// How the people of a meeting are shown on one page.
pub(crate) struct Who {
    /// The speakers' real names (to match events).
    names: Vec<String>,
    /// What the page calls each speaker.
    labels: Vec<String>,
    /// The person a private page is for.
    me: Option<usize>,
    /// What the page calls each silent attendee.
    silent: Vec<String>,
}

impl Who {
    /// Everyone by name (the meeting report).
    fn everyone(m: &MeetingReport) -> Self {
        let names: Vec<String> = m.speakers.iter().map(|s| s.name.clone()).collect();
        Who {
            labels: names.clone(),
            names,
            me: None,
            silent: m.silent_attendees.clone(),
        }
    }

    /// The private page of `me`: others as "Participant N" unless `show`.
    fn private(m: &MeetingReport, me: usize, show: bool) -> Self {
        let names: Vec<String> = m.speakers.iter().map(|s| s.name.clone()).collect();
        let labels = names
            .iter()
            .enumerate()
            .map(|(j, n)| {
                if j == me || show {
                    n.clone()
                } else {
                    format!("Participant {}", j + 1)
                }
            })
            .collect();
        let silent = if show {
            m.silent_attendees.clone()
        } else {
            (1..=m.silent_attendees.len())
                .map(|k| format!("Silent attendee {k}"))
                .collect()
        };
        Who {
            names,
            labels,
            me: Some(me),
            silent,
        }
    }

    /// The colour of speaker `i`: the palette, or on a private page blue for the person and
    /// grey for everyone else.
    fn colour(&self, i: usize) -> &'static str {
        match self.me {
            None => svg::PALETTE[i % svg::PALETTE.len()],
            Some(me) if me == i => svg::ME,
            Some(_) => svg::OTHER,
        }
    }

    /// The label of a speaker given by name.
    fn label_of(&self, name: &str) -> String {
        self.names.iter().position(|n| n == name).map_or_else(
            || "another participant".to_string(),
            |j| self.labels[j].clone(),
        )
    }

    /// True when the event is shown on this page (on a private page: the person took part).
    fn involves(&self, e: &EventReport) -> bool {
        match self.me {
            None => true,
            Some(me) => e.who == self.names[me] || e.whom == self.names[me],
        }
    }
}

/// A complete page: `title` for `<title>`, the header's inner HTML, and the main content.
fn page(title: &str, header: &str, main: &str) -> String {
    let mut out = String::with_capacity(main.len() + CSS.len() + 2048);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"robots\" content=\"noindex, nofollow\">\n\
         <meta name=\"generator\" content=\"turnstat {}\">\n<title>{}</title>\n\
         <style>\n{CSS}</style>\n</head>\n<body>\n\
         <a class=\"skip\" href=\"#main\">Skip to the report</a>\n\
         <header>\n<p class=\"tool\">turnstat</p>\n{header}</header>\n\
         <main id=\"main\">\n{main}</main>\n<footer>\n<p>Made by turnstat {} from the \
         transcripts alone. This page is one self-contained file: it loads nothing from the \
         network and runs no scripts. Times are positions in the recording (m:ss); shares \
         are of all talk time; a figure that cannot be computed shows as –.</p>\n</footer>\n\
         </body>\n</html>\n",
        env!("CARGO_PKG_VERSION"),
        esc(title),
        env!("CARGO_PKG_VERSION")
    );
    out
}

fn h(level: usize, id: &str, text_html: &str) -> String {
    let l = level.min(6);
    if id.is_empty() {
        format!("<h{l}>{text_html}</h{l}>\n")
    } else {
        format!("<h{l} id=\"{id}\">{text_html}</h{l}>\n")
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_string(), |x| format!("{:.1}%", x * 100.0))
}

fn num(v: Option<f64>, places: usize) -> String {
    v.map_or_else(|| "–".to_string(), |x| format!("{x:.places$}"))
}

fn opt_length(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_string(), length)
}

fn count(v: Option<usize>) -> String {
    v.map_or_else(|| "–".to_string(), |x| x.to_string())
}

fn mode_sentence(m: Mode) -> &'static str {
    match m {
        Mode::Observed => "interruptions observed from overlapping speech",
        Mode::Inferred => {
            "interruptions inferred from turns that break off (the export has no overlapping \
             speech)"
        }
        Mode::Unavailable => "interruptions not available (no timestamps)",
    }
}

fn file_name(source: &str) -> &str {
    source
        .rsplit(['/', '\\'])
        .next()
        .filter(|s| !s.is_empty())
        .unwrap_or(source)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The key figures of a meeting as a definition list.
fn figures(m: &MeetingReport, who: &Who) -> String {
    let b = &m.balance;
    let interruptions = m
        .interruptions
        .iter()
        .filter(|e| e.kind == Kind::Interruption)
        .count();
    let competitive = m
        .interruptions
        .iter()
        .filter(|e| e.kind == Kind::Interruption && e.stance == Some(Stance::Competitive))
        .count();
    let mut items: Vec<(&str, String)> = vec![
        ("Duration", opt_length(m.duration_seconds)),
        ("Speech", opt_length(m.speech_seconds)),
        ("Two or more speaking", opt_length(m.overlap_seconds)),
        ("Silence", opt_length(m.silence_seconds)),
        (
            "Speakers and turns",
            format!(
                "{}, {}",
                plural(m.speakers.len(), "speaker", "speakers"),
                plural(m.turns, "turn", "turns")
            ),
        ),
        ("Speaker switches per minute", num(m.switches_per_minute, 2)),
        ("Talk-time Gini (0 = equal)", num(b.gini, 2)),
        ("Evenness (1 = even)", num(b.evenness, 2)),
        (
            "Largest share / equal share",
            format!("{} / {}", pct(b.max_share), pct(b.equal_share)),
        ),
        (
            "Interruptions: competitive / cooperative",
            if m.interruption_mode == Mode::Unavailable {
                "–".to_string()
            } else {
                format!(
                    "{competitive} / {}{}",
                    interruptions - competitive,
                    if m.interruption_mode == Mode::Inferred {
                        " (inferred)"
                    } else {
                        ""
                    }
                )
            },
        ),
    ];
    if let Some(r) = &m.roster_balance {
        items.push((
            "Over the roster: Gini / equal share",
            format!("{} / {}", num(r.gini, 2), pct(r.equal_share)),
        ));
        items.push((
            "Silent attendees",
            if who.silent.is_empty() {
                "none".to_string()
            } else {
                who.silent.join(", ")
            },
        ));
    }
    let mut out = String::from("<dl class=\"figures\">\n");
    for (k, v) in items {
        let _ = writeln!(out, "<div><dt>{}</dt><dd>{}</dd></div>", esc(k), esc(&v));
    }
    out.push_str("</dl>\n");
    out
}

fn summary(m: &MeetingReport) -> String {
    let mut parts = Vec::new();
    match m.duration_seconds {
        Some(d) => parts.push(format!(
            "{} long, {} of speech",
            length(d),
            opt_length(m.speech_seconds)
        )),
        None => parts.push("untimed".to_string()),
    }
    parts.push(format!(
        "{}, {}",
        plural(m.speakers.len(), "speaker", "speakers"),
        plural(m.turns, "turn", "turns")
    ));
    parts.push(mode_sentence(m.interruption_mode).to_string());
    format!(
        "<p>Series: {}. A {} transcript: {}.</p>\n",
        esc(&m.series),
        esc(&m.format),
        esc(&parts.join("; "))
    )
}

fn warnings(m: &MeetingReport, level: usize) -> String {
    if m.warnings.is_empty() {
        return String::new();
    }
    let mut out = String::from("<section class=\"warn\">\n");
    out.push_str(&h(level, "", "Data-quality limits"));
    out.push_str("<ul>\n");
    for w in &m.warnings {
        let _ = writeln!(out, "<li>{}</li>", esc(&capitalise(w)));
    }
    out.push_str("</ul>\n</section>\n");
    out
}

/// The five charts of a meeting, each under a heading of `level`.
fn charts(m: &MeetingReport, who: &Who, turns: &[TurnBar], p: &str, level: usize) -> String {
    let mut out = String::new();
    let parts: [(&str, &str, String); 5] = [
        (
            "timeline",
            "Who spoke when",
            svg::timeline(&format!("{p}-timeline"), m, who, turns),
        ),
        (
            "share",
            "Talk share",
            svg::share(&format!("{p}-share"), m, who),
        ),
        (
            "lengths",
            "Turn lengths",
            svg::turn_lengths(&format!("{p}-lengths"), m, who, turns),
        ),
        (
            "matrix",
            "Who interrupts whom",
            svg::matrix(&format!("{p}-matrix"), m, who),
        ),
        (
            "sentiment",
            "Sentiment over time",
            svg::sentiment(&format!("{p}-sentiment"), m),
        ),
    ];
    for (slug, title, body) in parts {
        let _ = write!(
            out,
            "<section aria-labelledby=\"{p}-{slug}-h\">\n{}{body}</section>\n",
            h(level, &format!("{p}-{slug}-h"), title)
        );
    }
    out
}

fn speakers_table(m: &MeetingReport, level: usize, p: &str) -> String {
    let mut out = format!("<section aria-labelledby=\"{p}-speakers-h\">\n");
    out.push_str(&h(level, &format!("{p}-speakers-h"), "Speakers"));
    if m.speakers.is_empty() {
        out.push_str("<p>No speakers.</p>\n</section>\n");
        return out;
    }
    out.push_str(
        "<div class=\"scroll\"><table>\n<caption>Every speaker's figures (wpm: words per \
         minute of their own talk time; gap: median pause before their turns)</caption>\n\
         <thead><tr>",
    );
    for c in [
        "speaker",
        "talk",
        "share",
        "turns",
        "words",
        "wpm",
        "longest",
        "gap",
        "questions",
        "fillers /100",
        "hedges /100",
        "interrupts: competitive (cooperative)",
        "interrupted: competitive (cooperative)",
        "back-channels",
        "sentiment",
    ] {
        let _ = write!(out, "<th scope=\"col\">{c}</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for s in &m.speakers {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td>\
             <td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{} ({})</td>\
             <td>{} ({})</td><td>{}</td><td>{}</td></tr>",
            esc(&s.name),
            opt_length(s.talk_seconds),
            pct(s.talk_share),
            s.turns,
            count(s.words),
            num(s.words_per_minute, 0),
            s.longest_monologue
                .as_ref()
                .map_or_else(|| "–".to_string(), |l| length(l.seconds)),
            s.response_gap_median_seconds
                .map_or_else(|| "–".to_string(), |g| format!("{g:.2} s")),
            count(s.questions),
            num(s.fillers_per_100_words, 2),
            num(s.hedges_per_100_words, 2),
            s.interruptions_competitive_made,
            s.interruptions_cooperative_made,
            s.interruptions_competitive_received,
            s.interruptions_cooperative_received,
            s.backchannels,
            s.sentiment
                .as_ref()
                .map_or_else(|| "–".to_string(), |x| signed(x.mean_compound)),
        );
    }
    out.push_str("</tbody>\n</table></div>\n</section>\n");
    out
}

fn signed(x: f64) -> String {
    if x <= -0.005 {
        format!("−{:.2}", -x)
    } else {
        format!("+{:.2}", x.abs())
    }
}

fn events_table(m: &MeetingReport, level: usize, p: &str) -> String {
    if m.interruption_mode == Mode::Unavailable {
        return String::new();
    }
    let mut out = format!("<section aria-labelledby=\"{p}-events-h\">\n");
    out.push_str(&h(
        level,
        &format!("{p}-events-h"),
        "Interruptions and overlaps",
    ));
    let mut listed: Vec<&EventReport> = m
        .interruptions
        .iter()
        .filter(|e| e.kind != Kind::Backchannel)
        .collect();
    // Competitive interruptions first, then the rest, each in time order.
    listed.sort_by_key(|e| match (e.kind, e.stance) {
        (Kind::Interruption, Some(Stance::Competitive)) => 0,
        (Kind::Interruption, _) => 1,
        _ => 2,
    });
    let backchannels = m.interruptions.len() - listed.len();
    let count = |k: Kind, s: Option<Stance>| {
        listed
            .iter()
            .filter(|e| e.kind == k && (s.is_none() || e.stance == s))
            .count()
    };
    let _ = writeln!(
        out,
        "<p>{} competitive and {} cooperative, {} that did not interrupt ({}), and {} (“yeah”, “mm-hmm”…).</p>",
        plural(
            count(Kind::Interruption, Some(Stance::Competitive)),
            "interruption",
            "interruptions"
        ),
        count(Kind::Interruption, Some(Stance::Cooperative)),
        plural(
            count(Kind::Overlap, None) + count(Kind::Transition, None),
            "overlap or speaker change",
            "overlaps or speaker changes"
        ),
        if m.interruption_mode == Mode::Inferred {
            "inferred"
        } else {
            "observed"
        },
        plural(backchannels, "listening signal", "listening signals"),
    );
    if listed.is_empty() {
        out.push_str("</section>\n");
        return out;
    }
    out.push_str(
        "<div class=\"scroll\"><table>\n<caption>Each event: who came in on whom, what \
         happened, and both sides' words at that moment</caption>\n<thead><tr><th \
         scope=\"col\">time</th><th scope=\"col\">who came in</th><th scope=\"col\">on \
         whom</th><th scope=\"col\">what</th><th scope=\"col\">overlap</th><th \
         scope=\"col\">they said</th><th scope=\"col\">over</th></tr></thead>\n<tbody>\n",
    );
    for e in listed.iter().take(MAX_LISTED_EVENTS) {
        let stance = match e.stance {
            Some(Stance::Competitive) => "competitive ",
            Some(Stance::Cooperative) => "cooperative ",
            None => "",
        };
        let mut what = match e.kind {
            Kind::Interruption if e.successful => format!("{stance}interruption: took the floor"),
            Kind::Interruption => format!("{stance}interruption: the other kept the floor"),
            Kind::Transition => format!("speaker change: {}", e.detail),
            _ => format!("overlap: {}", e.detail),
        };
        if !e.cues.is_empty() {
            what.push_str(" — ");
            what.push_str(&e.cues.join("; "));
        }
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"text\">{}</td><td \
             class=\"text\">{}</td><td class=\"text\">{}{}</td><td>{:.2} s</td><td \
             class=\"text\"><q>{}</q></td><td class=\"text\"><q>{}</q></td></tr>",
            at(e.time),
            esc(&e.who),
            esc(&e.whom),
            esc(&what),
            if e.inferred { " (inferred)" } else { "" },
            e.overlap_seconds,
            esc(&excerpt_start(&e.who_quote, QUOTE_CHARS)),
            esc(&excerpt_end(&e.whom_quote, QUOTE_CHARS)),
        );
    }
    out.push_str("</tbody>\n</table></div>\n");
    if listed.len() > MAX_LISTED_EVENTS {
        let _ = writeln!(
            out,
            "<p>And {} more (all of them are in the JSON report).</p>",
            listed.len() - MAX_LISTED_EVENTS
        );
    }
    out.push_str("</section>\n");
    out
}

fn inclusive_table(m: &MeetingReport, level: usize, p: &str) -> String {
    if !m.has_text {
        return String::new();
    }
    let mut out = format!("<section aria-labelledby=\"{p}-inclusive-h\">\n");
    out.push_str(&h(level, &format!("{p}-inclusive-h"), "Inclusive language"));
    let total: usize = m
        .speakers
        .iter()
        .filter_map(|s| s.inclusive.as_ref().map(|i| i.count))
        .sum();
    let _ = writeln!(
        out,
        "<p>{} from the inclusive-language list ({} per 1,000 words).</p>",
        plural(total, "phrase", "phrases"),
        num(m.inclusive_per_1000_words, 2)
    );
    if total > 0 {
        out.push_str(
            "<div class=\"scroll\"><table>\n<caption>Findings per speaker, with the words \
             they used and the suggested alternatives</caption>\n<thead><tr><th \
             scope=\"col\">speaker</th><th scope=\"col\">findings</th><th scope=\"col\">per \
             1,000 words</th><th scope=\"col\">words used → alternatives</th></tr></thead>\n\
             <tbody>\n",
        );
        for s in &m.speakers {
            let Some(inc) = &s.inclusive else { continue };
            if inc.count == 0 {
                continue;
            }
            let mut terms: Vec<String> = Vec::new();
            for f in &inc.findings {
                let t = if f.suggestions.is_empty() {
                    format!("“{}”", f.term)
                } else {
                    format!("“{}” → {}", f.term, f.suggestions.join(", "))
                };
                if !terms.contains(&t) {
                    terms.push(t);
                }
            }
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td class=\"text\">{}</td>\
                 </tr>",
                esc(&s.name),
                inc.count,
                num(inc.per_1000_words, 2),
                esc(&terms.join("; "))
            );
        }
        out.push_str("</tbody>\n</table></div>\n");
    }
    out.push_str("</section>\n");
    out
}

/// The meeting's chat: counts, what was left out, how times were aligned, and one row per
/// person with their participation share.
fn chat_table(m: &MeetingReport, level: usize, p: &str) -> String {
    let Some(c) = &m.chat else {
        return String::new();
    };
    let mut out = format!("<section aria-labelledby=\"{p}-chat-h\">\n");
    out.push_str(&h(level, &format!("{p}-chat-h"), "Chat"));
    let _ = writeln!(
        out,
        "<p>{} and {} in {}{}. {}.</p>",
        plural(c.messages, "message", "messages"),
        plural(c.reactions, "reaction", "reactions"),
        esc(file_name(&c.source)),
        c.private_note(),
        esc(&capitalise(c.alignment))
    );
    out.push_str(
        "<div class=\"scroll\"><table>\n<caption>Chat per person, and participation: talk \
         time plus chat words counted at the meeting's speaking pace</caption>\n<thead><tr><th \
         scope=\"col\">person</th><th scope=\"col\">spoke</th><th \
         scope=\"col\">messages</th><th scope=\"col\">questions</th><th \
         scope=\"col\">links</th><th scope=\"col\">reactions</th><th scope=\"col\">chat \
         words</th><th scope=\"col\">participation</th><th scope=\"col\">inclusive language \
         (chat)</th></tr></thead>\n<tbody>\n",
    );
    for q in &c.people {
        let terms: Vec<String> = q
            .inclusive
            .iter()
            .flat_map(|i| &i.findings)
            .map(|f| format!("“{}” → {}", f.term, f.suggestions.join(", ")))
            .collect();
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}\
             </td><td>{}</td><td>{}</td><td class=\"text\">{}</td></tr>",
            esc(&q.name),
            if q.spoke { "yes" } else { "no" },
            q.messages,
            q.questions,
            q.links,
            q.reactions,
            q.words,
            pct(q.participation_share),
            esc(&terms.join("; "))
        );
    }
    out.push_str("</tbody>\n</table></div>\n</section>\n");
    out
}

/// Everything about one meeting below its title; `level` is the heading level of its parts.
fn meeting_body(m: &MeetingReport, turns: &[TurnBar], p: &str, level: usize) -> String {
    let who = Who::everyone(m);
    let mut out = String::new();
    out.push_str(&summary(m));
    out.push_str(&figures(m, &who));
    out.push_str(&warnings(m, level));
    out.push_str(&charts(m, &who, turns, p, level));
    out.push_str(&speakers_table(m, level, p));
    out.push_str(&events_table(m, level, p));
    out.push_str(&inclusive_table(m, level, p));
    out.push_str(&chat_table(m, level, p));
    out
}

/// The HTML report of one meeting: summary, key figures, data-quality limits, the five
/// charts (timeline, talk share, turn lengths, who interrupts whom, sentiment), the speakers
/// table, the interruptions with quotes and inclusive-language findings. `turns` are the
/// meeting's [`TurnBar`]s (from [`turn_bars`]); empty for an untimed transcript.
pub fn meeting_html(m: &MeetingReport, turns: &[TurnBar]) -> String {
    let header = format!(
        "<h1>Meeting report: {}</h1>\n<p>{}</p>\n",
        esc(&m.source),
        esc(&format!(
            "{} · {}",
            m.duration_seconds
                .map_or_else(|| "untimed".to_string(), |d| format!("{} long", length(d))),
            plural(m.speakers.len(), "speaker", "speakers")
        ))
    );
    page(
        &format!("Meeting report: {}", file_name(&m.source)),
        &header,
        &meeting_body(m, turns, "m1", 2),
    )
}

/// The whole `analyze` report as one page: a list of the meetings, then each meeting (in
/// order) as in [`meeting_html`], then the rejected inputs. `turns[i]` are the
/// [`TurnBar`]s of `r.meetings[i]` (missing entries draw no timeline).
pub fn report_html(r: &Report, turns: &[Vec<TurnBar>]) -> String {
    let header = format!(
        "<h1>Meeting report</h1>\n<p>{}{}</p>\n",
        plural(r.meetings.len(), "meeting", "meetings"),
        if r.errors.is_empty() {
            String::new()
        } else {
            format!(
                ", {}",
                plural(r.errors.len(), "rejected input", "rejected inputs")
            )
        }
    );
    let mut main = String::new();
    if r.meetings.len() > 1 {
        main.push_str("<nav aria-label=\"Meetings\">\n<ol>\n");
        for (k, m) in r.meetings.iter().enumerate() {
            let _ = writeln!(
                main,
                "<li><a href=\"#m{}\">{}</a></li>",
                k + 1,
                esc(&m.source)
            );
        }
        main.push_str("</ol>\n</nav>\n");
    }
    if r.meetings.is_empty() {
        main.push_str("<p>No meetings.</p>\n");
    }
    for (k, m) in r.meetings.iter().enumerate() {
        let p = format!("m{}", k + 1);
        let _ = write!(
            main,
            "<section class=\"meeting\" aria-labelledby=\"{p}\">\n<h2 id=\"{p}\">{}</h2>\n{}\
             </section>\n",
            esc(&m.source),
            meeting_body(m, turns.get(k).map_or(&[], Vec::as_slice), &p, 3)
        );
    }
    if !r.errors.is_empty() {
        main.push_str(
            "<section aria-labelledby=\"errors\">\n<h2 id=\"errors\">Rejected inputs</h2>\n<ul>\n",
        );
        for e in &r.errors {
            let _ = writeln!(
                main,
                "<li>{}{}: {}</li>",
                esc(&e.source),
                e.line.map_or_else(String::new, |l| format!(":{l}")),
                esc(&e.message)
            );
        }
        main.push_str("</ul>\n</section>\n");
    }
    page("Meeting report", &header, &main)
}

/// The private page of speaker `who` (an index into `m.speakers`; out of range gives an
/// empty string): the same words as the Markdown report of [`crate::render::speaker`]
/// (their own words only, their figures in context, reflection prompts, limits), with the
/// meeting's charts where their lane, bar and row are highlighted and everyone else is
/// "Participant N" unless `show_other_names`.
pub fn speaker_html(
    m: &MeetingReport,
    who: usize,
    show_other_names: bool,
    turns: &[TurnBar],
) -> String {
    if who >= m.speakers.len() {
        return String::new();
    }
    let text = speaker_markdown(m, who, &SpeakerOptions { show_other_names });
    speaker_html_from(m, who, show_other_names, &text, turns)
}

/// [`speaker_html`] from the speaker's Markdown report already rendered (by
/// [`crate::render::speaker::SpeakerReports::markdown`]) with the same `show_other_names`:
/// `--out` writes both files and renders the words once.
pub fn speaker_html_from(
    m: &MeetingReport,
    who: usize,
    show_other_names: bool,
    markdown: &str,
    turns: &[TurnBar],
) -> String {
    if who >= m.speakers.len() {
        return String::new();
    }
    let blocks = md::blocks(markdown);
    let people = Who::private(m, who, show_other_names);
    let mut title_html = String::new();
    let mut k = 0;
    if let Some(md::Block::Heading(1, t)) = blocks.first() {
        title_html = t.clone();
        k = 1;
    }
    if title_html.is_empty() {
        title_html = format!("Your meeting report: {}", esc(file_name(&m.source)));
    }
    let header = format!(
        "<h1>{title_html}</h1>\n<p><span class=\"private\">Private</span> for {} only: it \
         holds their own words and no one else's.</p>\n",
        esc(&m.speakers[who].name)
    );
    let mut main = String::new();
    // The introduction: everything before the first second-level heading.
    k += md_intro(&blocks[k..], &mut main);
    main.push_str(
        "<section aria-labelledby=\"glance\">\n<h2 id=\"glance\">The meeting at a glance</h2>\n\
         <p>Your lane, bar and row are highlighted in blue.</p>\n",
    );
    main.push_str(&charts(m, &people, turns, "s", 3));
    main.push_str("</section>\n");
    // The rest of the report, one section per second-level heading.
    md_sections(&blocks[k..], &mut main);
    let plain_title = format!("Your meeting report: {}", file_name(&m.source));
    page(&plain_title, &header, &main)
}

/// The blocks before the first second-level heading, as HTML; returns how many there were.
fn md_intro(blocks: &[md::Block], main: &mut String) -> usize {
    let n = blocks
        .iter()
        .position(|b| matches!(b, md::Block::Heading(l, _) if *l <= 2))
        .unwrap_or(blocks.len());
    for b in &blocks[..n] {
        main.push_str(&md::block_html(b, 0));
    }
    n
}

/// The blocks as HTML, one `<section>` per second-level heading (ids `r1`, `r2`, …).
fn md_sections(blocks: &[md::Block], main: &mut String) {
    let mut open = false;
    let mut n = 0;
    for b in blocks {
        if let md::Block::Heading(l, t) = b
            && *l <= 2
        {
            if open {
                main.push_str("</section>\n");
            }
            n += 1;
            let _ = write!(
                main,
                "<section aria-labelledby=\"r{n}\">\n<h2 id=\"r{n}\">{t}</h2>\n"
            );
            open = true;
            continue;
        }
        main.push_str(&md::block_html(b, 0));
    }
    if open {
        main.push_str("</section>\n");
    }
}

/// The private page of one person over the meetings of a team report
/// ([`crate::render::person`]), from its Markdown already rendered by
/// [`crate::render::person::markdown`]: the same words, one section per second-level
/// heading, under a header that marks it private.
pub fn person_html(p: &crate::report::team::person::PersonPage, markdown: &str) -> String {
    let blocks = md::blocks(markdown);
    let name = &p.overall.figures.name;
    let header = format!(
        "<h1>Your meetings over time: {}</h1>\n<p><span class=\"private\">Private</span> for {} \
         only: it holds their own words and no one else's.</p>\n",
        esc(name),
        esc(name)
    );
    let mut main = String::new();
    let mut k = usize::from(matches!(blocks.first(), Some(md::Block::Heading(1, _))));
    k += md_intro(&blocks[k..], &mut main);
    md_sections(&blocks[k..], &mut main);
    page(&format!("Your meetings over time: {name}"), &header, &main)
}

fn change_f(v: Option<f64>, scale: f64, places: usize, unit: &str) -> String {
    match v {
        None => String::new(),
        Some(x) if x > 0.0 => format!(" ▲+{:.places$}{unit}", x * scale),
        Some(x) if x < 0.0 => format!(" ▼−{:.places$}{unit}", -x * scale),
        Some(_) => " =".to_string(),
    }
}

fn change_i(v: Option<i64>) -> String {
    match v {
        None => String::new(),
        Some(x) if x > 0 => format!(" ▲+{x}"),
        Some(x) if x < 0 => format!(" ▼−{}", -x),
        Some(_) => " =".to_string(),
    }
}

fn person_row(q: &crate::report::team::PersonPeriod, changes: bool, chat: bool) -> String {
    let c = |s: String| if changes { s } else { String::new() };
    let chat_cells = if chat {
        crate::render::team::chat_cells(q)
            .iter()
            .map(|x| format!("<td>{}</td>", esc(x)))
            .collect()
    } else {
        String::new()
    };
    let row = format!(
        "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}{}</td><td>{}{}</td><td>{}{}</td>\
         <td>{}{}</td><td>{}{}</td><td>{}{}</td>",
        esc(&q.name),
        q.meetings,
        pct(q.talk_share_mean),
        c(change_f(q.talk_share_change, 100.0, 1, " pts")),
        q.interruptions_made,
        c(change_i(q.interruptions_made_change)),
        q.interruptions_received,
        c(change_i(q.interruptions_received_change)),
        q.backchannels,
        c(change_i(q.backchannels_change)),
        num(q.inclusive_per_1000_words, 2),
        c(change_f(q.inclusive_change, 1.0, 2, "")),
        q.sentiment_mean
            .map_or_else(|| "–".to_string(), |x| format!("{x:+.3}").replace('-', "−")),
        c(change_f(q.sentiment_change, 1.0, 3, "")),
    );
    row + &chat_cells
}

const PERSON_HEAD: [&str; 8] = [
    "person",
    "meetings",
    "mean talk share",
    "interrupts (competitive)",
    "interrupted (competitive)",
    "back-channels",
    "inclusive /1,000 words",
    "sentiment",
];

fn person_head(extra: &[&str]) -> String {
    let mut s = String::from("<thead><tr>");
    for c in PERSON_HEAD.iter().chain(extra) {
        let _ = write!(s, "<th scope=\"col\">{c}</th>");
    }
    s.push_str("</tr></thead>\n");
    s
}

/// A summary cell as HTML: each number in a `<span data-field data-value>` naming the model
/// field it shows (a JSON pointer into the team JSON).
fn parts_html(c: &[crate::render::team::Part]) -> String {
    let mut s = String::new();
    for p in c {
        match &p.field {
            Some(f) => {
                let _ = write!(
                    s,
                    "<span data-field=\"{}\" data-value=\"{}\">{}</span>",
                    esc(f),
                    esc(&p.value),
                    esc(&p.text)
                );
            }
            None => s.push_str(&esc(&p.text)),
        }
    }
    s
}

/// The team report (`turnstat report`) as one page. The team picture first: the summary
/// table (every number marked with its model field) and what changed, then the balance
/// chart; then the people by meetings attended (a compact panel each, the occasional ones
/// folded into one table); then a table per period with the changes against the previous
/// one (▲/▼), each person over the range with their trend, the changes since a baseline,
/// and the meetings included and left out.
pub fn team_html(t: &TeamReport) -> String {
    use crate::render::team as rt;
    let chat = rt::has_chat(t);
    let range = match (&t.since, &t.until) {
        (Some(a), Some(b)) => format!(", from {a} to {b}"),
        (Some(a), None) => format!(", since {a}"),
        (None, Some(b)) => format!(", until {b}"),
        (None, None) => String::new(),
    };
    let header = format!(
        "<h1>Team report</h1>\n<p>{}, {} by {}{}; {}.</p>\n",
        plural(t.meetings.len(), "meeting", "meetings"),
        plural(t.periods.len(), "period", "periods"),
        esc(t.by),
        esc(&range),
        plural(t.people.len(), "person", "people")
    );
    let mut main = String::new();
    // The team at a glance.
    main.push_str(
        "<section id=\"summary\" class=\"summary\" aria-labelledby=\"summary-h\">\n<h2 \
         id=\"summary-h\">The team at a glance</h2>\n",
    );
    if t.periods.is_empty() {
        main.push_str("<p>No dated meetings in the range.</p>\n");
    } else {
        let shown = t.periods.len() - t.summary_start(rt::SUMMARY_PERIODS);
        let _ = write!(
            main,
            "<p>Per {}{}: Gini of talk time (zero: everyone equal), the mean largest talk share \
             with the equal share in brackets, silent attendees (roster members who never \
             spoke), interruptions per hour of meeting (competitive; all: either stance, \
             cooperative in brackets). ▲/▼: the change against the previous {}.</p>\n\
             <div class=\"scroll\"><table class=\"summary\">\n<caption>The team per {}</caption>\n\
             <thead><tr>",
            esc(t.by),
            if shown < t.periods.len() {
                format!(
                    ", the last {} (the earlier ones are in the details below)",
                    crate::render::speaker::number_word(shown)
                )
            } else {
                String::new()
            },
            esc(t.by),
            esc(t.by)
        );
        for h in rt::SUMMARY_HEAD {
            let _ = write!(main, "<th scope=\"col\">{}</th>", esc(h));
        }
        main.push_str("</tr></thead>\n<tbody>\n");
        for row in rt::summary_table(t) {
            main.push_str("<tr>");
            for (k, c) in row.iter().enumerate() {
                if k == 0 {
                    let _ = write!(main, "<th scope=\"row\">{}</th>", parts_html(c));
                } else {
                    let _ = write!(main, "<td>{}</td>", parts_html(c));
                }
            }
            main.push_str("</tr>\n");
        }
        main.push_str("</tbody>\n</table></div>\n");
    }
    if let Some((head, lines)) = rt::what_changed_lines(t) {
        let _ = writeln!(
            main,
            "<h3 id=\"changed-h\">{}</h3>\n<p>The team figures and the people whose talk share \
             moved past a threshold (README, Team report), largest moves first.</p>",
            parts_html(&head)
        );
        if lines.is_empty() {
            let _ = writeln!(main, "<p>{}</p>", esc(rt::NOTHING_CHANGED));
        } else {
            main.push_str("<ul class=\"changed\">\n");
            for l in &lines {
                let _ = writeln!(main, "<li>{}</li>", parts_html(l));
            }
            main.push_str("</ul>\n");
        }
    }
    main.push_str("</section>\n");
    // Team balance.
    main.push_str(
        "<section aria-labelledby=\"balance-h\">\n<h2 id=\"balance-h\">Balance per \
         period</h2>\n",
    );
    main.push_str(&svg::team_balance(t));
    main.push_str("</section>\n");
    // People.
    let (frequent, folded) = t.by_attendance();
    let _ = write!(
        main,
        "<section aria-labelledby=\"trends-h\">\n<h2 id=\"trends-h\">Talk share per person \
         over time</h2>\n<p>{} Each panel shows one person's mean talk share in the meetings \
         they attended, per period, on the same scale for everyone (the top line is the \
         scale's maximum); a period without them has no point. The trend is the least-squares \
         slope in percentage points per period; the values are in the tables per period.</p>\n",
        esc(&rt::people_note(t, folded.len()))
    );
    main.push_str(&svg::team_panels(t, &frequent));
    if !folded.is_empty() {
        let _ = write!(
            main,
            "<h3 id=\"folded-h\">Seen in fewer than {}</h3>\n<div class=\"scroll\"><table \
             class=\"compact\">\n<caption>{}: meetings attended, the periods they were seen in, \
             and their mean talk share</caption>\n<thead><tr><th scope=\"col\">person</th><th \
             scope=\"col\">meetings</th><th scope=\"col\">seen in</th><th scope=\"col\">talk \
             share</th></tr></thead>\n<tbody>\n",
            plural(t.min_meetings, "meeting", "meetings"),
            plural(folded.len(), "person", "people")
        );
        for p in &folded {
            let f = &p.figures;
            let seen: Vec<&str> = t
                .periods
                .iter()
                .filter(|q| q.people.iter().any(|x| x.name == f.name))
                .map(|q| q.period.as_str())
                .collect();
            let _ = writeln!(
                main,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"text\">{}</td><td>{}</td></tr>",
                esc(&f.name),
                f.meetings,
                esc(&seen.join(", ")),
                pct(f.talk_share_mean)
            );
        }
        main.push_str("</tbody>\n</table></div>\n");
    }
    main.push_str("</section>\n");
    // Periods.
    main.push_str(
        "<section aria-labelledby=\"periods-h\">\n<h2 id=\"periods-h\">Per period</h2>\n<p>▲/▼: \
         the change against the previous period (for people who attended both). The people with \
         a panel above; those folded into the table of occasional attendees are counted in the \
         team's figures but not listed here.</p>\n",
    );
    let listed: std::collections::BTreeSet<&str> =
        frequent.iter().map(|p| p.figures.name.as_str()).collect();
    let first = t.summary_start(DETAIL_PERIODS);
    if first > 0 {
        let _ = writeln!(
            main,
            "<p>The last {} of {} periods (the summary above has the team's figures of the \
             earlier ones); every period is in <code>team.md</code> and <code>team.json</code>.</p>",
            t.periods.len() - first,
            t.periods.len()
        );
    }
    for (k, p) in t.periods.iter().enumerate().skip(first) {
        let _ = write!(
            main,
            "<h3 id=\"period-{}\">{}</h3>\n<p>{}; mean Gini {}, evenness {}, largest share {}; \
             {} competitive interruptions per hour.</p>\n<div class=\"scroll\"><table>\n<caption>People in \
             {}</caption>\n{}<tbody>\n",
            k + 1,
            esc(&p.period),
            plural(p.team.meetings, "meeting", "meetings"),
            num(p.team.gini_mean, 2),
            num(p.team.evenness_mean, 2),
            pct(p.team.max_share_mean),
            num(p.team.interruptions_per_hour, 1),
            esc(&p.period),
            person_head(if chat {
                &crate::render::team::CHAT_HEADER
            } else {
                &[]
            })
        );
        for q in p.people.iter().filter(|q| listed.contains(q.name.as_str())) {
            let _ = writeln!(main, "{}</tr>", person_row(q, true, chat));
        }
        main.push_str("</tbody>\n</table></div>\n");
    }
    if t.periods.is_empty() {
        main.push_str("<p>No dated meetings in the range.</p>\n");
    }
    main.push_str("</section>\n");
    // Overall.
    main.push_str(
        "<section aria-labelledby=\"overall-h\">\n<h2 id=\"overall-h\">Each person over the \
         whole range</h2>\n<div class=\"scroll\"><table>\n<caption>All meetings in the \
         range, by meetings attended</caption>\n",
    );
    let mut extra: Vec<&str> = Vec::new();
    if chat {
        extra.extend(crate::render::team::CHAT_HEADER);
    }
    extra.push("talk-share trend (pts per period)");
    main.push_str(&person_head(&extra));
    main.push_str("<tbody>\n");
    for person in frequent.iter().chain(&folded) {
        let _ = writeln!(
            main,
            "{}<td>{}</td></tr>",
            person_row(&person.figures, false, chat),
            person.talk_share_trend.map_or_else(
                || "–".to_string(),
                |x| format!("{:+.1}", x * 100.0).replace('-', "−")
            )
        );
    }
    main.push_str("</tbody>\n</table></div>\n</section>\n");
    // Baseline.
    if let Some(base) = &t.baseline {
        main.push_str(
            "<section aria-labelledby=\"baseline-h\">\n<h2 id=\"baseline-h\">Changes since the \
             baseline</h2>\n<div class=\"scroll\"><table>\n<caption>Per person and metric: the \
             baseline, now, and the change</caption>\n<thead><tr><th scope=\"col\">person</th>\
             <th scope=\"col\">metric</th><th scope=\"col\">baseline</th><th \
             scope=\"col\">now</th><th scope=\"col\">change</th></tr></thead>\n<tbody>\n",
        );
        for b in base {
            for (metric, (then, now, change)) in &b.metrics {
                let _ = writeln!(
                    main,
                    "<tr><th scope=\"row\">{}</th><td class=\"text\">{}</td><td>{}</td>\
                     <td>{}</td><td>{}</td></tr>",
                    esc(&b.name),
                    esc(metric),
                    num(*then, 4),
                    num(*now, 4),
                    change
                        .map_or_else(|| "–".to_string(), |c| format!("{c:+.4}").replace('-', "−"))
                );
            }
        }
        main.push_str("</tbody>\n</table></div>\n</section>\n");
    }
    // Meetings.
    main.push_str(
        "<section aria-labelledby=\"meetings-h\">\n<h2 id=\"meetings-h\">Meetings included</h2>\n",
    );
    if t.meetings.is_empty() {
        main.push_str("<p>None.</p>\n");
    } else {
        main.push_str(
            "<div class=\"scroll\"><table>\n<caption>Each meeting with its date and where the \
             date came from</caption>\n<thead><tr><th scope=\"col\">meeting</th><th \
             scope=\"col\">date</th><th scope=\"col\">date from</th></tr></thead>\n<tbody>\n",
        );
        for m in &t.meetings {
            let _ = writeln!(
                main,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"text\">{}</td></tr>",
                esc(&m.source),
                m.date.map_or_else(|| "–".to_string(), |d| d.to_string()),
                match m.date_source {
                    crate::dates::DateSource::Transcript => "the transcript",
                    crate::dates::DateSource::FileName => "the file name",
                    crate::dates::DateSource::Modified => "the file's modification time",
                    crate::dates::DateSource::None => "nowhere",
                }
            );
        }
        main.push_str("</tbody>\n</table></div>\n");
    }
    if !t.skipped.is_empty() {
        main.push_str("<h3>Left out</h3>\n<ul>\n");
        for s in &t.skipped {
            let _ = writeln!(main, "<li>{}</li>", esc(s));
        }
        main.push_str("</ul>\n");
    }
    if !t.errors.is_empty() {
        main.push_str("<h3>Rejected inputs</h3>\n<ul>\n");
        for e in &t.errors {
            let _ = writeln!(
                main,
                "<li>{}{}: {}</li>",
                esc(&e.source),
                e.line.map_or_else(String::new, |l| format!(":{l}")),
                esc(&e.message)
            );
        }
        main.push_str("</ul>\n");
    }
    main.push_str("</section>\n");
    page("Team report", &header, &main)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn esc_equals_inert_then_escape() {
        fn reference(s: &str) -> String {
            let mut out = String::new();
            for c in crate::render::inert(s).chars() {
                match c {
                    '&' => out.push_str("&amp;"),
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    '"' => out.push_str("&quot;"),
                    '\'' => out.push_str("&#39;"),
                    c => out.push(c),
                }
            }
            out
        }
        for s in [
            "",
            "plain",
            "Zoë Ñandú 🙂",
            "a\u{0}b\u{7f}c\u{85}d\u{9f}e\u{a0}f\u{1b}[2J\r\n\t",
            "<&>\"'",
            "\u{80}\u{c2}x",
        ] {
            assert_eq!(esc(s), reference(s), "{s:?}");
        }
        assert!(crate::render::has_control("x\u{85}"));
        assert!(!crate::render::has_control("Â\u{a0}é"));
    }

    #[test]
    fn escapes_markup_quotes_and_controls() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"y\"\u{1b}[31m"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;␛[31m"
        );
    }
}
