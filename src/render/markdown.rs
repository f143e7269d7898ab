//! GitHub-flavoured Markdown of the `analyze` report, sized for a CI step summary
//! (`$GITHUB_STEP_SUMMARY`) or a pull-request comment.
//!
//! Per meeting: a `## <source>` heading, a one-paragraph summary, the speakers table, the
//! balance line(s), the who-interrupts-whom matrix, the first interruptions, the sentiment
//! trajectory, inclusive-language findings per speaker and the data-quality warnings; then
//! one `### <speaker>` section per speaker with all their figures. [`report`] adds an
//! "Errors" section for rejected inputs.
//!
//! Everything taken from a transcript (names, quotes, file names) goes through [`escape`]:
//! it cannot open HTML, links, emphasis, code or table cells, and carries no control
//! characters. A figure that is not available prints as `–`, never `0`. The renderer only
//! formats the model: it computes no metric.

use crate::inclusive::Category;
use crate::metrics::interruptions::{Kind, Mode, Stance};
use crate::render::inert;
use crate::report::{Balance, EventReport, MeetingReport, Report, SpeakerReport};
use std::fmt::Write as _;

/// Most interruptions listed per meeting; the rest are counted ("and N more").
pub const MAX_LISTED_INTERRUPTIONS: usize = 20;

/// Longest quote excerpt, in characters (the ellipsis included).
pub const QUOTE_CHARS: usize = 80;

/// Escapes transcript text for Markdown: control characters become inert (ESC → `␛`,
/// newlines and other controls → space), `&`, `<`, `>` become character references, and
/// the characters that could form markup (`\`, `|`, `` ` ``, `*`, `_`, `[`, `]`, `~`, `$`)
/// are backslash-escaped, so the text renders literally, also inside a table
/// cell.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in inert(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '|' | '`' | '*' | '_' | '[' | ']' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A time position as `m:ss` (`h:mm:ss` from one hour), whole seconds rounded down, as a
/// media player shows it.
pub fn at(seconds: f64) -> String {
    hms((seconds.max(0.0) * 1000.0).round() as u64 / 1000)
}

/// A duration as `m:ss` (`h:mm:ss` from one hour), rounded to the nearest second.
pub fn length(seconds: f64) -> String {
    hms(seconds.max(0.0).round() as u64)
}

fn hms(s: u64) -> String {
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

/// The start of a quote in at most `n` characters, `…` included when cut; the cut falls
/// between words unless that would lose more than half of it.
pub fn excerpt_start(s: &str, n: usize) -> String {
    let s = s.trim();
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= n {
        return s.to_string();
    }
    let keep = n.saturating_sub(1);
    let mut cut = keep;
    if !chars[keep].is_whitespace()
        && let Some(space) = chars[..keep].iter().rposition(|c| c.is_whitespace())
        && space >= keep / 2
    {
        cut = space;
    }
    let mut out: String = chars[..cut].iter().collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// The end of a quote in at most `n` characters, a leading `…` included when cut; the cut
/// falls between words unless that would lose more than half of it.
pub fn excerpt_end(s: &str, n: usize) -> String {
    let s = s.trim();
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= n {
        return s.to_string();
    }
    let keep = n.saturating_sub(1);
    let from = chars.len() - keep;
    let mut start = from;
    if !chars[from - 1].is_whitespace()
        && let Some(space) = chars[from..].iter().position(|c| c.is_whitespace())
        && space <= keep / 2
    {
        start = from + space;
    }
    let tail: String = chars[start..].iter().collect();
    format!("…{}", tail.trim_start().trim_start_matches('…'))
}

/// `–` for a missing value, else the value with `places` decimals.
pub(crate) fn num(v: Option<f64>, places: usize) -> String {
    v.map_or_else(|| "–".to_string(), |x| format!("{x:.places$}"))
}

/// `–` for a missing count.
pub(crate) fn count(v: Option<usize>) -> String {
    v.map_or_else(|| "–".to_string(), |x| x.to_string())
}

/// A share (0–1) as a percentage with one decimal, `–` when missing.
pub(crate) fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_string(), |x| format!("{:.1}%", x * 100.0))
}

/// A duration, `–` when missing.
pub(crate) fn opt_length(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_string(), length)
}

/// A signed VADER compound with 2 decimals (`+0.18`, `−0.40`).
pub(crate) fn signed(x: f64) -> String {
    if x < 0.0 {
        format!("−{:.2}", -x)
    } else {
        format!("+{x:.2}")
    }
}

/// The text with its first letter in upper case.
pub(crate) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// `observed`, `inferred` or `unavailable`.
pub(crate) fn mode_name(m: Mode) -> &'static str {
    match m {
        Mode::Observed => "observed",
        Mode::Inferred => "inferred",
        Mode::Unavailable => "unavailable",
    }
}

fn category_name(c: Category) -> &'static str {
    c.as_str()
}

fn mode_sentence(m: Mode) -> &'static str {
    match m {
        Mode::Observed => "interruptions observed from overlapping speech",
        Mode::Inferred => {
            "interruptions inferred from turns that break off (the export has no overlapping speech)"
        }
        Mode::Unavailable => "interruptions not available (no timestamps)",
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn summary(m: &MeetingReport) -> String {
    if let Some(c) = m
        .chat
        .as_ref()
        .filter(|_| m.speakers.is_empty() && m.turns == 0)
    {
        return format!(
            "A {} chat read alone, with no transcript: no speech figures; {} and {}.",
            escape(c.format),
            plural(c.messages, "message", "messages"),
            plural(c.reactions, "reaction", "reactions")
        );
    }
    let mut parts = Vec::new();
    match m.duration_seconds {
        Some(d) => parts.push(format!(
            "{} long: {} of speech, {} with two or more people speaking at once, {} of silence",
            length(d),
            opt_length(m.speech_seconds),
            opt_length(m.overlap_seconds),
            opt_length(m.silence_seconds),
        )),
        None => {
            parts.push("untimed (duration, speech, overlap and silence not available)".to_string())
        }
    }
    parts.push(match m.switches_per_minute {
        Some(s) => format!("{s:.2} speaker switches per minute"),
        None => "speaker switches per minute not available".to_string(),
    });
    parts.push(format!(
        "{}, {}",
        plural(m.speakers.len(), "speaker", "speakers"),
        plural(m.turns, "turn", "turns")
    ));
    parts.push(mode_sentence(m.interruption_mode).to_string());
    format!("{} transcript, {}.", escape(&m.format), parts.join("; "))
}

fn speakers_table(m: &MeetingReport, out: &mut String) {
    out.push_str(
        "| speaker | talk | share | turns | words | wpm | longest | gap (median) | questions | \
         fillers/100 | hedges/100 | interrupts (took floor) | interrupted | backchannels |\n",
    );
    out.push_str(
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    for s in &m.speakers {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} ({}) | {} | {} |",
            escape(&s.name),
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
            s.interruptions_made,
            s.interruptions_successful,
            s.interruptions_received,
            s.backchannels,
        );
    }
}

fn balance_line(b: &Balance) -> String {
    let who = if b.covers == "roster" {
        format!(
            "**Balance over the roster** ({}: attendees plus everyone who spoke; silent \
             attendees count as zero)",
            plural(b.people, "person", "people")
        )
    } else {
        format!(
            "**Balance over the speakers** ({} who spoke)",
            plural(b.people, "person", "people")
        )
    };
    let max_gini = if b.people > 0 {
        (b.people - 1) as f64 / b.people as f64
    } else {
        0.0
    };
    format!(
        "{who}: talk-time Gini {} (0 = equal, {max_gini:.2} = one person talks), evenness {} \
         (1 = even), largest share {} against an equal share of {}, turn Gini {:.2}.",
        num(b.gini, 2),
        num(b.evenness, 2),
        pct(b.max_share),
        pct(b.equal_share),
        b.turn_gini,
    )
}

/// The who-interrupts-whom tables: competitive interruptions first (the view that counts),
/// then both stances when cooperative ones exist.
fn matrix(m: &MeetingReport, out: &mut String) {
    matrix_table(
        m,
        &m.matrix.competitive,
        "**Who interrupts whom, competitive** (row interrupted column):",
        out,
    );
    let all: usize = m.matrix.counts.iter().flatten().sum();
    let comp: usize = m.matrix.competitive.iter().flatten().sum();
    if all > comp {
        matrix_table(
            m,
            &m.matrix.counts,
            "**Who interrupts whom, competitive and cooperative** (row interrupted column):",
            out,
        );
    }
}

fn matrix_table(m: &MeetingReport, c: &[Vec<usize>], title: &str, out: &mut String) {
    let total: usize = c.iter().flatten().sum();
    if total == 0 {
        return;
    }
    let active: Vec<usize> = (0..m.matrix.speakers.len())
        .filter(|&i| {
            c.get(i).is_some_and(|r| r.iter().sum::<usize>() > 0)
                || c.iter().any(|r| r.get(i).is_some_and(|&x| x > 0))
        })
        .collect();
    out.push_str(title);
    out.push_str("\n\n");
    out.push_str("| who ↓ interrupts whom → |");
    for &j in &active {
        let _ = write!(out, " {} |", escape(&m.matrix.speakers[j]));
    }
    out.push_str("\n| --- |");
    for _ in &active {
        out.push_str(" ---: |");
    }
    out.push('\n');
    for &i in &active {
        let _ = write!(out, "| {} |", escape(&m.matrix.speakers[i]));
        for &j in &active {
            if i == j {
                out.push_str(" · |");
            } else {
                let _ = write!(out, " {} |", c[i][j]);
            }
        }
        out.push('\n');
    }
    out.push('\n');
}

fn event_line(e: &EventReport) -> String {
    let how = match (e.successful, e.inferred) {
        (true, true) => "took the floor (inferred)".to_string(),
        (true, false) => format!("took the floor, {:.2} s overlap", e.overlap_seconds),
        (false, true) => format!("{} (inferred)", e.detail),
        (false, false) => format!(
            "{}: the speaker kept the floor, {:.2} s overlap",
            e.detail, e.overlap_seconds
        ),
    };
    let mut quotes = String::new();
    if !e.who_quote.trim().is_empty() {
        quotes = format!(": “{}”", escape(&excerpt_start(&e.who_quote, QUOTE_CHARS)));
        if !e.whom_quote.trim().is_empty() {
            quotes.push_str(&format!(
                " over “{}”",
                escape(&excerpt_end(&e.whom_quote, QUOTE_CHARS))
            ));
        }
    }
    let stance = match e.stance {
        Some(Stance::Competitive) => "competitive, ",
        Some(Stance::Cooperative) => "cooperative, ",
        None => "",
    };
    let cues = if e.cues.is_empty() {
        String::new()
    } else {
        format!(" — {}", escape(&e.cues.join("; ")))
    };
    format!(
        "- {} {} → {} ({stance}{how}){quotes}{cues}\n",
        at(e.time),
        escape(&e.who),
        escape(&e.whom),
    )
}

fn events(m: &MeetingReport, out: &mut String) {
    if m.interruptions.is_empty() {
        if m.interruption_mode != Mode::Unavailable {
            out.push_str("**Interruptions**: none found.\n\n");
        }
        return;
    }
    let n = |k: Kind| m.interruptions.iter().filter(|e| e.kind == k).count();
    let interruptions: Vec<&EventReport> = m
        .interruptions
        .iter()
        .filter(|e| e.kind == Kind::Interruption)
        .collect();
    let successful = interruptions.iter().filter(|e| e.successful).count();
    let competitive = interruptions
        .iter()
        .filter(|e| e.stance == Some(Stance::Competitive))
        .count();
    let transitions = if n(Kind::Transition) > 0 {
        format!(
            ", {} after a broken-off sentence read as not interrupting",
            plural(n(Kind::Transition), "speaker change", "speaker changes")
        )
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "**Interruptions** ({}): {} competitive and {} cooperative ({} took the floor), {} that did not interrupt{transitions}, {} (listening signals).\n",
        mode_name(m.interruption_mode),
        competitive,
        interruptions.len() - competitive,
        successful,
        plural(n(Kind::Overlap), "overlap", "overlaps"),
        plural(n(Kind::Backchannel), "backchannel", "backchannels"),
    );
    if interruptions.is_empty() {
        return;
    }
    // Competitive first, then cooperative, each in time order.
    let mut interruptions = interruptions;
    interruptions.sort_by_key(|e| e.stance != Some(Stance::Competitive));
    for e in interruptions.iter().take(MAX_LISTED_INTERRUPTIONS) {
        out.push_str(&event_line(e));
    }
    if interruptions.len() > MAX_LISTED_INTERRUPTIONS {
        let _ = writeln!(
            out,
            "- and {} more.",
            interruptions.len() - MAX_LISTED_INTERRUPTIONS
        );
    }
    out.push('\n');
}

fn trajectory(m: &MeetingReport, out: &mut String) {
    if m.sentiment_trajectory.is_empty() {
        return;
    }
    out.push_str(
        "**Sentiment over time** (mean VADER compound of the sentences in each 5-minute \
         window, −1 negative to +1 positive):\n\n",
    );
    out.push_str("| window | sentences | mean |\n| --- | ---: | ---: |\n");
    for w in &m.sentiment_trajectory {
        let _ = writeln!(
            out,
            "| {}–{} | {} | {} |",
            at(w.start),
            at(w.end),
            w.sentences,
            w.mean_compound.map_or_else(|| "–".to_string(), signed),
        );
    }
    out.push('\n');
}

fn inclusive(m: &MeetingReport, out: &mut String) {
    if !m.has_text {
        return;
    }
    let total: usize = m
        .speakers
        .iter()
        .filter_map(|s| s.inclusive.as_ref().map(|i| i.count))
        .sum();
    if total == 0 {
        let _ = writeln!(
            out,
            "**Inclusive language**: no findings in the words of the {} ({} per 1,000 words).\n",
            plural(m.speakers.len(), "speaker", "speakers"),
            num(m.inclusive_per_1000_words, 2),
        );
        return;
    }
    let _ = writeln!(
        out,
        "**Inclusive language**: {} ({} per 1,000 words); details in each speaker's section.\n",
        plural(total, "finding", "findings"),
        num(m.inclusive_per_1000_words, 2),
    );
    out.push_str("| speaker | findings | per 1,000 words |\n| --- | ---: | ---: |\n");
    for s in &m.speakers {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            escape(&s.name),
            count(s.inclusive.as_ref().map(|i| i.count)),
            num(s.inclusive.as_ref().and_then(|i| i.per_1000_words), 2),
        );
    }
    out.push('\n');
}

/// The meeting's chat: counts, private messages left out, how times were aligned, one row
/// per person with the participation share, and the inclusive-language findings in it.
fn chat(m: &MeetingReport, out: &mut String) {
    let Some(c) = &m.chat else { return };
    let writers = c
        .people
        .iter()
        .filter(|p| p.messages + p.reactions > 0)
        .count();
    let _ = writeln!(
        out,
        "**Chat** ({}): {} and {} from {}{}. {}.\n",
        escape(&c.source),
        plural(c.messages, "message", "messages"),
        plural(c.reactions, "reaction", "reactions"),
        plural(writers, "person", "people"),
        c.private_note(),
        capitalise(c.alignment),
    );
    out.push_str(
        "| person | spoke | messages | questions | links | reactions | chat words | participation |\n\
         | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    for p in &c.people {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            escape(&p.name),
            if p.spoke { "yes" } else { "no" },
            p.messages,
            p.questions,
            p.links,
            p.reactions,
            p.words,
            pct(p.participation_share),
        );
    }
    out.push_str(
        "\nParticipation: talk time plus chat words counted at the meeting's speaking pace \
         (README \"Chat\").\n\n",
    );
    let findings: Vec<_> = c
        .people
        .iter()
        .flat_map(|p| {
            let f = p.inclusive.iter().flat_map(|i| &i.findings);
            f.map(move |f| (p, f))
        })
        .collect();
    if !findings.is_empty() {
        let _ = writeln!(
            out,
            "Inclusive language in the chat: {}.\n",
            plural(findings.len(), "finding", "findings")
        );
        for (p, f) in findings {
            let _ = writeln!(
                out,
                "- {} (chat{}): \"{}\" — consider {}",
                escape(&p.name),
                f.time.map(|t| format!(", {}", at(t))).unwrap_or_default(),
                escape(&f.quote),
                escape(&f.suggestions.join(", ")),
            );
        }
        out.push('\n');
    }
}

fn speaker_section(m: &MeetingReport, s: &SpeakerReport, out: &mut String) {
    let _ = writeln!(out, "### {}\n", escape(&s.name));
    let _ = writeln!(
        out,
        "- Talk time: {} ({} of all talk time; equal share {})",
        opt_length(s.talk_seconds),
        pct(s.talk_share),
        pct(m.balance.equal_share),
    );
    let _ = writeln!(
        out,
        "- Turns: {}, plus {} inside someone else's turn; mean {}, median {}",
        s.turns,
        s.embedded_turns,
        s.mean_turn_seconds
            .map_or_else(|| "–".to_string(), |x| format!("{x:.1} s")),
        s.median_turn_seconds
            .map_or_else(|| "–".to_string(), |x| format!("{x:.1} s")),
    );
    match &s.longest_monologue {
        Some(l) => {
            let _ = write!(
                out,
                "- Longest monologue: {} ({}–{})",
                length(l.seconds),
                at(l.start),
                at(l.end),
            );
            if !l.excerpt.trim().is_empty() {
                let _ = write!(out, ": “{}”", escape(&l.excerpt));
            }
            out.push('\n');
        }
        None => out.push_str("- Longest monologue: –\n"),
    }
    let _ = writeln!(
        out,
        "- Words: {}; pace {} words per minute",
        count(s.words),
        num(s.words_per_minute, 0),
    );
    let _ = writeln!(
        out,
        "- Response gap (median): {}; {} started before the previous speaker finished{}",
        s.response_gap_median_seconds
            .map_or_else(|| "–".to_string(), |g| format!("{g:.2} s")),
        plural(s.overlapped_responses, "turn", "turns"),
        s.overlapped_response_median_seconds
            .map_or_else(String::new, |g| format!(" (median {g:.2} s)")),
    );
    let _ = writeln!(
        out,
        "- Questions: {}; fillers: {} ({} per 100 words); hedges: {} ({} per 100 words)",
        count(s.questions),
        count(s.fillers),
        num(s.fillers_per_100_words, 2),
        count(s.hedges),
        num(s.hedges_per_100_words, 2),
    );
    let _ = writeln!(
        out,
        "- Interruptions made: {} ({} took the floor); received: {}; backchannels given: {}; \
         other overlaps started: {}",
        s.interruptions_made,
        s.interruptions_successful,
        s.interruptions_received,
        s.backchannels,
        s.overlaps_started,
    );
    match &s.sentiment {
        Some(se) => {
            let _ = writeln!(
                out,
                "- Sentiment: mean {} over {}; {} positive, {} neutral, {} negative",
                signed(se.mean_compound),
                plural(se.sentences, "sentence", "sentences"),
                pct(Some(se.positive_share)),
                pct(Some(se.neutral_share)),
                pct(Some(se.negative_share)),
            );
            for (label, mo) in [
                ("most positive", &se.most_positive),
                ("most negative", &se.most_negative),
            ] {
                if let Some(mo) = mo {
                    let _ = writeln!(
                        out,
                        "  - {label} ({}){}: “{}”",
                        signed(mo.compound),
                        mo.time
                            .map_or_else(String::new, |t| format!(" at {}", at(t))),
                        escape(&excerpt_start(&mo.quote, QUOTE_CHARS)),
                    );
                }
            }
        }
        None => out.push_str("- Sentiment: –\n"),
    }
    match &s.inclusive {
        Some(inc) => {
            let _ = writeln!(
                out,
                "- Inclusive language: {} ({} per 1,000 words)",
                plural(inc.count, "finding", "findings"),
                num(inc.per_1000_words, 2),
            );
            for f in &inc.findings {
                let _ = writeln!(
                    out,
                    "  - {}“{}” ({}, {}) in “{}”{}",
                    f.time.map_or_else(String::new, |t| format!("{} ", at(t))),
                    escape(&f.term),
                    category_name(f.category),
                    f.severity,
                    escape(&excerpt_start(&f.quote, QUOTE_CHARS)),
                    if f.suggestions.is_empty() {
                        String::new()
                    } else {
                        format!(
                            "; alternatives: {}",
                            f.suggestions
                                .iter()
                                .map(|x| escape(x))
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    },
                );
            }
        }
        None => out.push_str("- Inclusive language: –\n"),
    }
    out.push('\n');
}

/// One meeting as Markdown (ends with a blank line).
pub fn meeting(m: &MeetingReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## {}\n", escape(&m.source));
    let _ = writeln!(out, "Series: {}.\n", escape(&m.series));
    out.push_str(&summary(m));
    out.push_str("\n\n");
    if m.speakers.is_empty() {
        out.push_str("No speakers.\n\n");
    } else {
        speakers_table(m, &mut out);
        out.push('\n');
    }
    out.push_str(&balance_line(&m.balance));
    out.push('\n');
    if let Some(r) = &m.roster_balance {
        out.push('\n');
        out.push_str(&balance_line(r));
        out.push('\n');
    }
    if !m.silent_attendees.is_empty() {
        let _ = writeln!(
            out,
            "\nSilent attendees: {}.",
            m.silent_attendees
                .iter()
                .map(|a| escape(a))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if !m.not_people.is_empty() {
        let _ = writeln!(
            out,
            "\nNot people (their speech counts in the meeting, in no one's share or balance): {}.",
            m.not_people
                .iter()
                .map(|n| match n.talk_seconds {
                    Some(t) => format!("{} ({})", escape(&n.name), length(t)),
                    None => escape(&n.name),
                })
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    out.push('\n');
    matrix(m, &mut out);
    events(m, &mut out);
    trajectory(m, &mut out);
    inclusive(m, &mut out);
    chat(m, &mut out);
    if !m.warnings.is_empty() {
        out.push_str("**Data quality**:\n\n");
        for w in &m.warnings {
            let _ = writeln!(out, "- {}", capitalise(&escape(w)));
        }
        out.push('\n');
    }
    for s in &m.speakers {
        speaker_section(m, s, &mut out);
    }
    out
}

/// The whole report as Markdown: every meeting, then an "Errors" section listing the
/// rejected inputs, if any.
pub fn report(r: &Report) -> String {
    let mut out = String::new();
    for m in &r.meetings {
        out.push_str(&meeting(m));
    }
    if !r.errors.is_empty() {
        out.push_str("## Errors\n\n");
        for e in &r.errors {
            let _ = writeln!(
                out,
                "- {}{}: {}",
                escape(&e.source),
                e.line.map_or_else(String::new, |l| format!(":{l}")),
                escape(&e.message),
            );
        }
        out.push('\n');
    }
    if out.is_empty() {
        out.push_str("No meetings.\n");
    }
    out
}
