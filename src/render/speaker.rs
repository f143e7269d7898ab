//! The private per-speaker report: one Markdown file per person, for a coaching
//! conversation (`speakers/<slug>.md`).
//!
//! **Privacy rule.** The file contains only this person's own words: their longest
//! monologue excerpt, their side of each interruption (`who_quote` when they came in,
//! `whom_quote` when someone came in on them), their sentiment moments and their
//! inclusive-language findings. It never contains another speaker's quotes, excerpts or
//! findings. Other people appear by name only with [`SpeakerOptions::show_other_names`];
//! otherwise as "Participant N", where N is that speaker's 1-based position in
//! `MeetingReport::speakers` — the same pseudonym in every speaker's report of the meeting.
//! Without `show_other_names`, another speaker's full name said in the person's own words
//! is replaced by the pseudonym too (as whole words, in any letter case: see
//! [`crate::namefind`]), roster names are not shown (only counted), and the title shows the
//! file name of the meeting, not its path.
//!
//! **Reflection prompts.** Three to five observations, each followed by an open question,
//! derived from the person's figures. Candidates are taken in this priority order, at most
//! five:
//!
//! 1. talk share far from the equal share: at least 1.5 × (1/n) ("What did the others have
//!    to add?") or at most 0.5 × (1/n) ("Was there something you wanted to add?"), n ≥ 2;
//! 2. interruptions made, at least 2;
//! 3. inclusive-language findings, at least 1 (the most frequent term);
//! 4. the longest monologue, at least 60 s;
//! 5. interruptions received, at least 2;
//! 6. backchannels given, at least 3 (an observation of active listening);
//! 7. few questions: at most 1 in 150 words or more;
//! 8. fillers, at least 4 per 100 words over 50 words or more, unless the meeting warns that
//!    the speech-to-text service may have removed fillers.
//!
//! When fewer than three apply, number-based fall-backs complete the list in this order:
//! talk share in context, pace against the meeting's median pace, response gap, turns taken,
//! and last a generic question about the figures.
//!
//! **Tone.** Observations, not verdicts: no "should", no "too much", no grades. The report
//! ends with the data-quality limits from the meeting's warnings and a standing reminder
//! that the numbers describe one meeting and start a conversation.

use crate::metrics::interruptions::{Kind, Mode, Stance};
use crate::namefind::pseudonym;
use crate::render::markdown::{
    QUOTE_CHARS, at, capitalise, count, escape, excerpt_end, excerpt_start, length, num, pct,
    signed,
};
use crate::report::{EventReport, MeetingReport, SpeakerReport};
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// Options of the per-speaker report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SpeakerOptions {
    /// Show other people's names instead of "Participant N" (default false).
    pub show_other_names: bool,
}

/// A talk share at least this many times the equal share is observed as high.
pub const HIGH_SHARE_FACTOR: f64 = 1.5;
/// A talk share at most this many times the equal share is observed as low.
pub const LOW_SHARE_FACTOR: f64 = 0.5;
/// Interruptions made (or received) from which a prompt is written.
pub const INTERRUPTIONS_PROMPT_MIN: usize = 2;
/// Longest monologue, s, from which a prompt is written.
pub const MONOLOGUE_PROMPT_SECONDS: f64 = 60.0;
/// Backchannels given from which active listening is observed.
pub const BACKCHANNELS_PROMPT_MIN: usize = 3;
/// Words from which "at most one question" is observed.
pub const FEW_QUESTIONS_WORDS: usize = 150;
/// Fillers per 100 words from which a prompt is written (Read.ai's guidance is under 4).
pub const FILLERS_PROMPT_PER_100: f64 = 4.0;
/// Words from which a filler rate is worth a prompt.
pub const FILLERS_PROMPT_WORDS: usize = 50;
/// Most interruptions listed in the report; the rest are counted.
pub const MAX_LISTED_EVENTS: usize = 20;

/// A file name for a speaker: [`crate::output::slug`] (transliterated to lowercase ASCII
/// letters, digits and `-`); an empty result is `speaker`.
pub fn slug(name: &str) -> String {
    crate::output::slug(name, "speaker")
}

/// Slugs for the names of one meeting, unique within it: the first of equal slugs keeps
/// it, the next ones get `-2`, `-3`, … (skipping any suffix another name already uses).
pub fn unique_slugs<S: AsRef<str>>(names: &[S]) -> Vec<String> {
    let base: Vec<String> = names.iter().map(|n| slug(n.as_ref())).collect();
    let plain: BTreeSet<&str> = base.iter().map(String::as_str).collect();
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut out = Vec::with_capacity(base.len());
    for b in &base {
        let mut candidate = b.clone();
        let mut k = 1;
        // A suffixed slug never takes one that another name has as its own.
        while taken.contains(&candidate) || (k > 1 && plain.contains(candidate.as_str())) {
            k += 1;
            candidate = format!("{b}-{k}");
        }
        taken.insert(candidate.clone());
        out.push(candidate);
    }
    out
}

/// Every speaker's report of one meeting as `(relative path, Markdown)`, the path being
/// `speakers/<slug>.md` with slugs from [`unique_slugs`], in speaker order.
pub fn speaker_files(m: &MeetingReport, opts: &SpeakerOptions) -> Vec<(String, String)> {
    let names: Vec<&str> = m.speakers.iter().map(|s| s.name.as_str()).collect();
    let reports = SpeakerReports::new(m, *opts);
    unique_slugs(&names)
        .into_iter()
        .enumerate()
        .map(|(i, s)| (format!("speakers/{s}.md"), reports.markdown(i)))
        .collect()
}

/// The private reports of one meeting. Other speakers' names are found in a person's own
/// words with one [`NameFinder`](crate::namefind::NameFinder) built here once and shared by every report of the meeting
/// (one compiled regex per name and report had made `--out` spend most of its time
/// compiling). Holding the meeting and the options together keeps the names and the option
/// that says whether to hide them from coming apart.
pub struct SpeakerReports<'a> {
    m: &'a MeetingReport,
    opts: SpeakerOptions,
    redact: Redactions,
}

impl<'a> SpeakerReports<'a> {
    /// The reports of `m` with `opts`.
    pub fn new(m: &'a MeetingReport, opts: SpeakerOptions) -> Self {
        SpeakerReports {
            m,
            opts,
            redact: redactions(m, &opts),
        }
    }

    /// The private report of speaker `who` (an index into the meeting's speakers) as
    /// Markdown; an out-of-range index gives an empty string.
    pub fn markdown(&self, who: usize) -> String {
        markdown_of(self.m, who, &self.opts, &self.redact)
    }
}

/// Every speaker's name to find in a person's own words ([`crate::namefind::Redactor`]).
type Redactions = crate::namefind::Redactor;

fn redactions(m: &MeetingReport, opts: &SpeakerOptions) -> Redactions {
    // People who only wrote in the chat are other people too: Participant N after the
    // speakers.
    let names: Vec<&str> = m
        .speakers
        .iter()
        .map(|s| s.name.as_str())
        .chain(chat_only(m))
        .collect();
    Redactions::new(&names, opts.show_other_names)
}

/// The people who only wrote in the meeting's chat, in the chat's order.
fn chat_only(m: &MeetingReport) -> Vec<&str> {
    m.chat.as_ref().map_or_else(Vec::new, |c| {
        c.people
            .iter()
            .filter(|p| !p.spoke)
            .map(|p| p.name.as_str())
            .collect()
    })
}

/// How other people are named, and the person's own words made safe to print.
struct Names<'a> {
    m: &'a MeetingReport,
    me: usize,
    show: bool,
    /// The meeting's names to find (the person's own name is kept).
    redact: &'a Redactions,
}

impl<'a> Names<'a> {
    fn new(m: &'a MeetingReport, me: usize, show: bool, redact: &'a Redactions) -> Self {
        Names {
            m,
            me,
            show,
            redact,
        }
    }

    /// Another speaker, by name (escaped) or pseudonym.
    fn other(&self, name: &str) -> String {
        match self.m.speakers.iter().position(|s| s.name == name) {
            Some(j) if self.show => escape(&self.m.speakers[j].name),
            Some(j) => pseudonym(j),
            None => "another participant".to_string(),
        }
    }

    /// The person's own words with other speakers' names replaced (unless shown).
    fn redacted(&self, text: &str) -> String {
        // Another speaker's name (several speakers may share it, differing in case) becomes
        // their pseudonym; the person's own name stays.
        self.redact.own(self.me, text).into_owned()
    }

    /// The person's own words, redacted and escaped.
    fn own(&self, text: &str) -> String {
        escape(&self.redacted(text))
    }

    /// The start of the person's own words (at most [`QUOTE_CHARS`]), redacted, escaped.
    fn own_start(&self, text: &str) -> String {
        escape(&excerpt_start(&self.redacted(text), QUOTE_CHARS))
    }

    /// The end of the person's own words (at most [`QUOTE_CHARS`]), redacted, escaped.
    fn own_end(&self, text: &str) -> String {
        escape(&excerpt_end(&self.redacted(text), QUOTE_CHARS))
    }

    fn me(&self) -> &SpeakerReport {
        &self.m.speakers[self.me]
    }
}

fn file_name(source: &str) -> &str {
    source
        .rsplit(['/', '\\'])
        .next()
        .filter(|s| !s.is_empty())
        .unwrap_or(source)
}

fn times(n: usize) -> String {
    match n {
        1 => "once".to_string(),
        2 => "twice".to_string(),
        n => format!("{n} times"),
    }
}

/// A count as a word up to twelve, else as digits.
pub(crate) fn number_word(n: usize) -> String {
    const WORDS: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_string())
}

/// A share as a short percentage: one decimal under 10 %, whole percent above.
fn share(x: f64) -> String {
    let p = x * 100.0;
    if p < 10.0 {
        format!("{p:.1}%")
    } else {
        format!("{p:.0}%")
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn median_of(v: Vec<f64>) -> Option<f64> {
    crate::metrics::median(v)
}

/// The person's share of all talk time, the equal share and the meeting's median share.
struct Context {
    n: usize,
    share: Option<f64>,
    equal: Option<f64>,
    median_share: Option<f64>,
    median_wpm: Option<f64>,
    median_fillers: Option<f64>,
}

impl Context {
    fn new(m: &MeetingReport, me: &SpeakerReport) -> Self {
        Context {
            n: m.speakers.len(),
            share: me.talk_share,
            equal: m.balance.equal_share,
            median_share: median_of(m.speakers.iter().filter_map(|s| s.talk_share).collect()),
            median_wpm: median_of(
                m.speakers
                    .iter()
                    .filter_map(|s| s.words_per_minute)
                    .collect(),
            ),
            median_fillers: median_of(
                m.speakers
                    .iter()
                    .filter_map(|s| s.fillers_per_100_words)
                    .collect(),
            ),
        }
    }
}

fn my_events<'e>(m: &'e MeetingReport, name: &str) -> Vec<&'e EventReport> {
    m.interruptions
        .iter()
        .filter(|e| e.kind == Kind::Interruption && (e.who == name || e.whom == name))
        .collect()
}

fn fillers_unreliable(m: &MeetingReport) -> bool {
    m.warnings
        .iter()
        .any(|w| w.contains("no filler words") || w.contains("filler rates are not meaningful"))
}

/// The reflection prompts, in the documented priority order (3 to 5).
fn prompts(m: &MeetingReport, names: &Names, cx: &Context) -> Vec<String> {
    let me = names.me();
    let inferred = m.interruption_mode == Mode::Inferred;
    let mut out: Vec<String> = Vec::new();
    let mut share_done = false;

    // 1. Talk share far from the equal share.
    if let (Some(s), Some(eq)) = (cx.share, cx.equal)
        && cx.n >= 2
    {
        if s >= HIGH_SHARE_FACTOR * eq {
            out.push(format!(
                "You spoke {} of the time in a meeting of {} (equal share {}). What did the \
                 others have to add?",
                share(s),
                number_word(cx.n),
                share(eq)
            ));
            share_done = true;
        } else if s <= LOW_SHARE_FACTOR * eq {
            out.push(format!(
                "You spoke {} of the time in a meeting of {} (equal share {}). Was there \
                 something you wanted to add?",
                share(s),
                number_word(cx.n),
                share(eq)
            ));
            share_done = true;
        }
    }
    // 2. Competitive interruptions made (cooperative ones are not a prompt: agreeing,
    //    completing or asking is not something to reflect on as cutting someone off).
    if me.interruptions_competitive_made >= INTERRUPTIONS_PROMPT_MIN {
        let made = me.interruptions_competitive_made;
        let took = competitive(m, |e| e.who == me.name && e.successful);
        out.push(if inferred {
            format!(
                "{} you came in against what someone was saying right after their sentence \
                 broke off (inferred from the transcript; see the moments below). What \
                 prompted those moments?",
                capitalise(&times(made))
            )
        } else {
            format!(
                "You came in against what someone else was saying {}; {}. What prompted those \
                 moments?",
                times(made),
                match took {
                    0 => "each time they kept going".to_string(),
                    t if t == made => "each time they stopped".to_string(),
                    t => format!("{} they stopped", times(t)),
                }
            )
        });
    }
    // 3. Inclusive-language findings.
    if let Some(inc) = &me.inclusive
        && inc.count > 0
    {
        // The most frequent term (case-insensitive), the earliest on ties.
        let mut terms: Vec<(String, String, usize)> = Vec::new();
        for f in &inc.findings {
            let key = f.term.to_lowercase();
            match terms.iter_mut().find(|t| t.0 == key) {
                Some(t) => t.2 += 1,
                None => terms.push((key, f.term.clone(), 1)),
            }
        }
        let mut best = 0;
        for (k, t) in terms.iter().enumerate() {
            if t.2 > terms[best].2 {
                best = k;
            }
        }
        let (_, term, n) = &terms[best];
        let others = terms.len() - 1;
        out.push(if others == 0 {
            format!(
                "You used “{}” {}; some colleagues may not feel included by it. What word fits \
                 your team?",
                names.own(term),
                times(*n)
            )
        } else {
            format!(
                "You used “{}” {} and {} from the inclusive-language list; some colleagues may \
                 not feel included by them. What words fit your team?",
                names.own(term),
                times(*n),
                plural(others, "other term", "other terms")
            )
        });
    }
    // 4. The longest monologue.
    if let Some(l) = &me.longest_monologue
        && l.seconds >= MONOLOGUE_PROMPT_SECONDS
    {
        out.push(format!(
            "Your longest stretch was {} without a break, at {}. What was the listener's \
             experience?",
            length(l.seconds),
            at(l.start)
        ));
    }
    // 5. Competitive interruptions received.
    if me.interruptions_competitive_received >= INTERRUPTIONS_PROMPT_MIN {
        let got = me.interruptions_competitive_received;
        let stopped = competitive(m, |e| e.whom == me.name && e.successful);
        out.push(if inferred {
            format!(
                "{} someone came in against what you were saying right after your sentence \
                 broke off (inferred from the transcript). What happened to the points you \
                 were making?",
                capitalise(&times(got))
            )
        } else {
            format!(
                "Others came in against what you were saying {}; {}. What happened to the \
                 points you were making?",
                times(got),
                match stopped {
                    0 => "each time you kept going".to_string(),
                    s if s == got => "each time you stopped".to_string(),
                    s => format!("{} you stopped", times(s)),
                }
            )
        });
    }
    // 6. Backchannels: active listening.
    if me.backchannels >= BACKCHANNELS_PROMPT_MIN {
        out.push(format!(
            "You gave {} short listening signals (“yeah”, “mm-hmm”, “right”) while others \
             spoke, a sign of active listening. How did the others respond when they heard \
             you were following?",
            me.backchannels
        ));
    }
    // 7. Few questions.
    let mut questions_done = false;
    if let (Some(q), Some(w)) = (me.questions, me.words)
        && q <= 1
        && w >= FEW_QUESTIONS_WORDS
    {
        questions_done = true;
        out.push(format!(
            "You asked {} in {w} words. What would you have liked to learn from the others?",
            if q == 0 {
                "no questions".to_string()
            } else {
                "one question".to_string()
            }
        ));
    }
    // 8. Fillers.
    if let (Some(f), Some(w)) = (me.fillers_per_100_words, me.words)
        && f >= FILLERS_PROMPT_PER_100
        && w >= FILLERS_PROMPT_WORDS
        && !fillers_unreliable(m)
    {
        out.push(format!(
            "Filler words (“um”, “uh”, “you know”…) came to {f:.1} per 100 of your words{}. In \
             which moments did you notice them?",
            cx.median_fillers.map_or_else(String::new, |x| format!(
                "; the meeting's median speaker had {x:.1}"
            ))
        ));
    }
    out.truncate(5);
    if out.len() >= 3 {
        return out;
    }

    // Fall-backs, number-based, until there are three.
    let mut fallbacks: Vec<String> = Vec::new();
    if !share_done
        && cx.n >= 2
        && let (Some(s), Some(eq)) = (cx.share, cx.equal)
    {
        fallbacks.push(format!(
            "You spoke {} of the time in a meeting of {} (equal share {}). How does that \
             compare with how the meeting felt to you?",
            share(s),
            number_word(cx.n),
            share(eq)
        ));
    }
    if let Some(wpm) = me.words_per_minute {
        fallbacks.push(format!(
            "Your pace was {wpm:.0} words per minute{}. How might the pace have felt from the \
             listeners' side?",
            match cx.median_wpm {
                Some(x) if cx.n >= 2 => format!("; the meeting's median speaker spoke at {x:.0}"),
                _ => String::new(),
            }
        ));
    }
    if let Some(g) = me.response_gap_median_seconds {
        fallbacks.push(format!(
            "When you spoke after someone else, your median pause before starting was {g:.2} s. \
             What was happening for you in those moments?"
        ));
    }
    if !questions_done && let (Some(q), Some(w)) = (me.questions, me.words) {
        fallbacks.push(format!(
            "You said {w} words and asked {}. {}",
            match q {
                0 => "no questions".to_string(),
                1 => "one question".to_string(),
                q => format!("{q} questions"),
            },
            if q == 0 {
                "What would you have liked to learn from the others?"
            } else {
                "Which of the answers mattered most to you?"
            }
        ));
    }
    if me.turns == 1 {
        fallbacks.push(format!(
            "You took the floor once{}. What did you most want the others to take from it?",
            me.mean_turn_seconds
                .map_or_else(String::new, |x| format!(", for {x:.1} s"))
        ));
    } else if me.turns > 1 {
        fallbacks.push(format!(
            "You took the floor {}{}. Which of those moments mattered most to you?",
            times(me.turns),
            me.mean_turn_seconds
                .map_or_else(String::new, |x| format!(", for {x:.1} s on average"))
        ));
    } else {
        fallbacks.push(format!(
            "You spoke {} inside someone else's turn and did not hold the floor on your own. \
             What would have made it easier to come in?",
            times(me.embedded_turns)
        ));
    }
    fallbacks
        .push("Of the figures in this report, which one surprises you most, and why?".to_string());
    for f in fallbacks {
        if out.len() >= 3 {
            break;
        }
        out.push(f);
    }
    out
}

fn figures(m: &MeetingReport, names: &Names, cx: &Context, out: &mut String) {
    let me = names.me();
    out.push_str("## Your figures in context\n\n");
    match (me.talk_seconds, cx.share) {
        (Some(t), Some(s)) => {
            let _ = write!(
                out,
                "- **Talk time**: you spoke for {}, {} of all talk time.",
                length(t),
                pct(Some(s))
            );
            if cx.n >= 2 {
                let _ = write!(
                    out,
                    " With {} people speaking, an equal share would be {}; the median \
                     speaker's share was {}.",
                    number_word(cx.n),
                    pct(cx.equal),
                    pct(cx.median_share)
                );
            } else {
                out.push_str(" You were the only speaker in this transcript.");
            }
            if let Some(r) = &m.roster_balance {
                let _ = write!(
                    out,
                    " Counting everyone on the roster ({} people, {} of whom did not speak), an \
                     equal share would be {}.",
                    r.people,
                    m.silent_attendees.len(),
                    pct(r.equal_share)
                );
            }
            out.push('\n');
        }
        _ => out.push_str("- **Talk time**: not available (the transcript has no timestamps).\n"),
    }
    let _ = writeln!(
        out,
        "- **Turns**: you took the floor {}{}{}.",
        times(me.turns),
        match (me.mean_turn_seconds, me.median_turn_seconds) {
            (Some(a), Some(b)) => format!(" (mean {a:.1} s, median {b:.1} s)"),
            _ => String::new(),
        },
        if me.embedded_turns > 0 {
            format!(
                ", and spoke {} more inside someone else's turn",
                times(me.embedded_turns)
            )
        } else {
            String::new()
        }
    );
    match &me.longest_monologue {
        Some(l) => {
            let _ = write!(
                out,
                "- **Longest stretch**: {} without a break, from {} to {}.",
                length(l.seconds),
                at(l.start),
                at(l.end),
            );
            if !l.excerpt.trim().is_empty() {
                let _ = write!(out, " It began: “{}”", names.own(&l.excerpt));
            }
            out.push('\n');
        }
        None => out.push_str("- **Longest stretch**: not available.\n"),
    }
    match me.words_per_minute {
        Some(w) => {
            let _ = writeln!(
                out,
                "- **Pace**: {w:.0} words per minute ({} words){}.",
                count(me.words),
                match cx.median_wpm {
                    Some(x) if cx.n >= 2 => format!("; the meeting's median speaker: {x:.0}"),
                    _ => String::new(),
                }
            );
        }
        None => match (me.words, me.characters, me.characters_per_minute) {
            (_, Some(c), Some(cpm)) => {
                let _ = writeln!(
                    out,
                    "- **Pace**: {cpm:.0} characters per minute ({c} characters; {} is written \
                     without spaces, so its pace is counted in characters).",
                    spoken(m, me).name()
                );
            }
            (None, Some(c), None) => {
                let _ = writeln!(out, "- **Pace**: not available ({c} characters).");
            }
            (Some(w), _, _) => {
                let _ = writeln!(out, "- **Pace**: not available ({w} words).");
            }
            _ => out.push_str("- **Pace**: not available (the transcript has no words).\n"),
        },
    }
    let gap = match me.response_gap_median_seconds {
        Some(g) => format!(
            "when you spoke after someone else, your median pause before starting was {g:.2} s"
        ),
        None => "no pause before your turns could be measured".to_string(),
    };
    let early = match (
        me.overlapped_responses,
        me.overlapped_response_median_seconds,
    ) {
        (0, _) => String::new(),
        (n, Some(g)) => format!(
            "; {} you started before the previous speaker had finished (median {:.2} s before)",
            times(n),
            g.abs()
        ),
        (n, None) => format!(
            "; {} you started before the previous speaker had finished",
            times(n)
        ),
    };
    let _ = writeln!(out, "- **Response gap**: {gap}{early}.");
    if !m.has_text {
        out.push_str(
            "- **Questions, fillers and hedges**: not available (the transcript has no words).\n",
        );
    } else if me.fillers.is_none() {
        let _ = writeln!(out, "- **Questions asked**: {}.", count(me.questions));
        let _ = writeln!(
            out,
            "- **Fillers and hedges**: not counted (turnstat has no list of them for {}).",
            spoken(m, me).name()
        );
    } else {
        let _ = writeln!(out, "- **Questions asked**: {}.", count(me.questions));
        // The English examples only for English; other languages name their own list.
        let lang = spoken(m, me);
        let (fillers, hedges) = if lang.is_english() {
            (" (“um”, “you know”…)", " (“I think”, “maybe”…)")
        } else {
            ("", "")
        };
        let _ = writeln!(
            out,
            "- **Fillers and hedges**: {} fillers{fillers} and {} hedges{hedges} per 100 words \
             ({} and {} in all){}.",
            num(me.fillers_per_100_words, 2),
            num(me.hedges_per_100_words, 2),
            count(me.fillers),
            count(me.hedges),
            if lang.is_english() {
                String::new()
            } else {
                format!(", from turnstat's {} lists", lang.name())
            }
        );
    }
    out.push('\n');
}

/// The language a speaker spoke: their own when it differs from the meeting's, else the
/// meeting's.
fn spoken(m: &MeetingReport, me: &SpeakerReport) -> crate::lang::Lang {
    me.language.unwrap_or(m.language)
}

/// Competitive interruptions of the meeting that satisfy `f`.
fn competitive(m: &MeetingReport, f: impl Fn(&EventReport) -> bool) -> usize {
    m.interruptions
        .iter()
        .filter(|e| e.kind == Kind::Interruption && e.stance == Some(Stance::Competitive) && f(e))
        .count()
}

/// What a cooperative interruption did, from its first cue: "agreed out loud", "asked a
/// question", or "added to what was being said".
fn cooperative_kind(e: &EventReport) -> &'static str {
    if e.cues.iter().any(|c| c.starts_with("agreement")) {
        "agreed out loud"
    } else if e.cues.iter().any(|c| c.starts_with("asks a question")) {
        "asked a question"
    } else if e.cues.iter().any(|c| c.starts_with("answered")) {
        "answered before the question was finished"
    } else {
        "added to what was being said"
    }
}

/// An event's cues for a private report: the evidence in plain words, with "A" and "B"
/// named, and without the quoted words (those may be the other person's).
fn evidence(e: &EventReport, me: &str, names: &Names) -> String {
    let who = |n: &str| {
        if n == me {
            "you".to_string()
        } else {
            names.other(n)
        }
    };
    let cues: Vec<&str> = e
        .cues
        .iter()
        .map(|c| c.split(" ('").next().unwrap_or(c))
        .collect();
    format!(
        "Evidence: {} (A = {}, B = {}).",
        cues.join("; "),
        who(&e.whom),
        who(&e.who)
    )
}

fn interruptions(m: &MeetingReport, names: &Names, out: &mut String) {
    let me = names.me();
    out.push_str("## Interruptions\n\n");
    if m.interruption_mode == Mode::Unavailable {
        out.push_str("Not available: the transcript has no timestamps.\n\n");
        return;
    }
    let comp_made = me.interruptions_competitive_made;
    let comp_got = me.interruptions_competitive_received;
    match comp_made {
        0 => out.push_str(
            "- You did not come in against what someone else was saying (competitive \
             interruptions: contrast, a claim to the floor, or taking over mid-sentence).\n",
        ),
        n => {
            let _ = writeln!(
                out,
                "- You came in against what someone else was saying {} (competitive \
                 interruptions); {} of those times they stopped and you took the floor.",
                times(n),
                competitive(m, |e| e.who == me.name && e.successful)
            );
        }
    }
    match comp_got {
        0 => out.push_str("- Nobody came in against what you were saying.\n"),
        n => {
            let _ = writeln!(
                out,
                "- Someone came in against what you were saying {}; {} of those times you \
                 stopped.",
                times(n),
                competitive(m, |e| e.whom == me.name && e.successful)
            );
        }
    }
    // Cooperative interruptions, named for what they did.
    let mut kinds: Vec<(&str, usize)> = Vec::new();
    for e in m.interruptions.iter().filter(|e| {
        e.kind == Kind::Interruption && e.stance == Some(Stance::Cooperative) && e.who == me.name
    }) {
        let k = cooperative_kind(e);
        match kinds.iter_mut().find(|x| x.0 == k) {
            Some(x) => x.1 += 1,
            None => kinds.push((k, 1)),
        }
    }
    if !kinds.is_empty() {
        let parts: Vec<String> = kinds
            .iter()
            .map(|(k, n)| format!("{k} {}", times(*n)))
            .collect();
        let _ = writeln!(
            out,
            "- You also spoke while someone else was still speaking, without contrast or a \
             claim to the floor (read as cooperative): you {}.",
            parts.join("; ")
        );
    }
    if me.interruptions_cooperative_received > 0 {
        let _ = writeln!(
            out,
            "- Others spoke while you were still speaking, without contrast or a claim to the \
             floor, {} (read as cooperative: agreeing, asking, adding).",
            times(me.interruptions_cooperative_received)
        );
    }
    if m.interruption_mode == Mode::Inferred {
        out.push_str(
            "- This export never shows two people speaking at once, so these are inferred from \
             the words around each speaker change: a sentence that breaks off, and what the \
             next speaker says. Read the moments before drawing conclusions.\n",
        );
    }
    // The moments: competitive first, then cooperative, each in time order.
    let mut events = my_events(m, &me.name);
    events.sort_by_key(|e| e.stance != Some(Stance::Competitive));
    if !events.is_empty() {
        out.push_str("\nThe moments:\n\n");
        for e in events.iter().take(MAX_LISTED_EVENTS) {
            let stance = match e.stance {
                Some(Stance::Competitive) => "competitive",
                _ => "cooperative",
            };
            if e.who == me.name {
                let _ = write!(
                    out,
                    "- {} ({stance}): you came in while {} was speaking; {}.",
                    at(e.time),
                    names.other(&e.whom),
                    if e.successful {
                        "they stopped"
                    } else {
                        "they kept the floor"
                    },
                );
                if !e.who_quote.trim().is_empty() {
                    let _ = write!(out, " You said: “{}”", names.own_start(&e.who_quote));
                }
            } else {
                let _ = write!(
                    out,
                    "- {} ({stance}): {} came in while you were speaking; {}.",
                    at(e.time),
                    names.other(&e.who),
                    if e.successful {
                        "you stopped"
                    } else {
                        "you kept the floor"
                    },
                );
                if !e.whom_quote.trim().is_empty() {
                    let _ = write!(out, " You were saying: “{}”", names.own_end(&e.whom_quote));
                }
            }
            if !e.cues.is_empty() {
                let _ = write!(out, " {}", evidence(e, &me.name, names));
            }
            out.push('\n');
        }
        if events.len() > MAX_LISTED_EVENTS {
            let _ = writeln!(out, "- and {} more.", events.len() - MAX_LISTED_EVENTS);
        }
        out.push_str(
            "\nThese are read from timing and words, not from tone of voice, and people who read \
             the same moments disagree with some of them (measured figures: turnstat's README, \
             Interruptions). Read each moment before discussing it.\n",
        );
    }
    out.push('\n');
}

fn listening(me: &SpeakerReport, out: &mut String) {
    out.push_str("## Listening signals\n\n");
    let _ = writeln!(
        out,
        "- Short listening signals (“yeah”, “mm-hmm”, “right”) you gave while someone else \
         was speaking: {}.",
        me.backchannels
    );
    let _ = writeln!(
        out,
        "- Times you spoke alongside someone without interrupting (at the end of their turn, \
         a short reaction, or while they completed it): {}.",
        me.overlaps_started
    );
    out.push('\n');
}

fn language(m: &MeetingReport, names: &Names, out: &mut String) {
    let me = names.me();
    out.push_str("## Language\n\n");
    match &me.inclusive {
        None if m.has_text => {
            let _ = writeln!(
                out,
                "Not available: the inclusive-language list is English, and you spoke {}.\n",
                spoken(m, me).name()
            );
        }
        None => out.push_str("Not available: the transcript has no words.\n\n"),
        Some(inc) if inc.findings.is_empty() => {
            out.push_str(
                "Nothing you said matched the inclusive-language list used by turnstat.\n\n",
            );
        }
        Some(inc) => {
            let _ = writeln!(
                out,
                "{} from the inclusive-language list ({} per 1,000 of your words; the meeting \
                 as a whole: {}):\n",
                plural(inc.count, "phrase", "phrases"),
                num(inc.per_1000_words, 2),
                num(m.inclusive_per_1000_words, 2)
            );
            for f in &inc.findings {
                let _ = writeln!(
                    out,
                    "- {}“{}”, in “{}”.{} {}",
                    f.time.map_or_else(String::new, |t| format!("{}: ", at(t))),
                    names.own(&f.term),
                    names.own_start(&f.quote),
                    alternatives(&f.suggestions),
                    escape(&f.explanation)
                );
            }
            out.push('\n');
        }
    }
}

fn sentiment(m: &MeetingReport, names: &Names, out: &mut String) {
    let me = names.me();
    out.push_str("## Sentiment\n\n");
    match &me.sentiment {
        None if m.has_text && !spoken(m, me).is_english() => {
            let _ = writeln!(
                out,
                "Not available: the sentiment word list (VADER) is English, and you spoke {}.\n",
                spoken(m, me).name()
            );
        }
        None => out.push_str("Not available: no sentences of yours could be scored.\n\n"),
        Some(s) => {
            let _ = writeln!(
                out,
                "- Mean tone of your {} (VADER, −1 negative to +1 positive): {}; {} positive, \
                 {} neutral, {} negative.",
                plural(s.sentences, "sentence", "sentences"),
                signed(s.mean_compound),
                pct(Some(s.positive_share)),
                pct(Some(s.neutral_share)),
                pct(Some(s.negative_share))
            );
            for (label, mo) in [
                ("Most positive moment", &s.most_positive),
                ("Most negative moment", &s.most_negative),
            ] {
                if let Some(mo) = mo {
                    let _ = writeln!(
                        out,
                        "- {label} ({}){}: “{}”",
                        signed(mo.compound),
                        mo.time
                            .map_or_else(String::new, |t| format!(" at {}", at(t))),
                        names.own_start(&mo.quote)
                    );
                }
            }
            out.push('\n');
        }
    }
}

/// How many of the person's messages are quoted in their report.
const CHAT_QUOTES: usize = 5;

/// The person's part in the meeting's chat: counts, the participation share next to the
/// talk share, and a few of their own messages (questions first).
fn chat(m: &MeetingReport, names: &Names, out: &mut String) {
    let Some(c) = &m.chat else { return };
    let me = names.me();
    let Some(mine) = c.people.iter().find(|p| p.spoke && p.name == me.name) else {
        return;
    };
    out.push_str("## Chat\n\n");
    if mine.messages + mine.reactions == 0 {
        out.push_str("You did not write in the chat of this meeting.\n\n");
    } else {
        let _ = writeln!(
            out,
            "You wrote {}, {} of them {}, with {}; and gave {}.",
            plural(mine.messages, "message", "messages"),
            number_word(mine.questions),
            if mine.questions == 1 {
                "a question"
            } else {
                "questions"
            },
            plural(mine.links, "link", "links"),
            plural(mine.reactions, "reaction", "reactions"),
        );
    }
    if let (Some(p), Some(t)) = (mine.participation_share, me.talk_share) {
        let _ = writeln!(
            out,
            "Your participation, talk and chat together (chat words counted at the meeting's \
             speaking pace), was {} of the meeting's; your talk share alone {}.",
            share(p),
            share(t)
        );
    }
    out.push('\n');
    let mut quotes: Vec<&crate::report::chat::ChatQuote> =
        mine.own.iter().filter(|q| q.question).collect();
    quotes.extend(mine.own.iter().filter(|q| !q.question));
    if !quotes.is_empty() {
        let _ = writeln!(
            out,
            "{}{}:\n",
            if quotes.len() > CHAT_QUOTES {
                "Some of your messages"
            } else {
                "Your messages"
            },
            if c.clock == "recording" {
                " (times in the recording)"
            } else {
                " (times of day, as the chat gives them)"
            }
        );
        let mut shown: Vec<&crate::report::chat::ChatQuote> =
            quotes.into_iter().take(CHAT_QUOTES).collect();
        shown.sort_by(|a, b| a.at.cmp(&b.at));
        for q in shown {
            let _ = writeln!(out, "- {}: “{}”", q.at, names.own_start(&q.text));
        }
        out.push('\n');
    }
    if let Some(inc) = &mine.inclusive {
        for f in &inc.findings {
            let _ = writeln!(
                out,
                "- In the chat, “{}”: you might say {}. {}",
                names.own(&f.term),
                escape(&f.suggestions.join(", ")),
                escape(&f.explanation)
            );
        }
        if !inc.findings.is_empty() {
            out.push('\n');
        }
    }
    if c.private_left_out > 0 {
        out.push_str("Private messages are never counted or quoted.\n\n");
    }
}

/// ` Alternatives: a, b.` (escaped), or nothing without suggestions.
pub(crate) fn alternatives(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        return String::new();
    }
    let all: Vec<String> = suggestions.iter().map(|s| escape(s)).collect();
    format!(" Alternatives: {}.", all.join(", "))
}

/// The limit of the interruption figures, as a list item of the limits section.
pub(crate) const LIMIT_INTERRUPTIONS: &str = "- Interruptions are classified from timing and \
    words alone: they cannot tell a welcome completion of someone's sentence from an unwelcome \
    cut-in.\n";

/// The limit of the sentiment figures, as a list item of the limits section.
pub(crate) const LIMIT_SENTIMENT: &str = "- Sentiment is scored sentence by sentence from a \
    word list (VADER): it does not catch irony, sarcasm or context.\n";

fn limits(m: &MeetingReport, names: &Names, out: &mut String) {
    out.push_str("## What these numbers can and cannot say\n\n");
    // Redacted: a warning may name someone (`Audio shared by Ana` is not a person).
    for w in &m.warnings {
        let _ = writeln!(
            out,
            "- {}.",
            capitalise(&names.own(w.trim_end_matches('.')))
        );
    }
    if m.interruption_mode != Mode::Unavailable {
        out.push_str(LIMIT_INTERRUPTIONS);
    }
    if m.has_text {
        out.push_str(LIMIT_SENTIMENT);
    }
    out.push_str(
        "- These numbers describe one meeting. They are a starting point for a conversation, \
         not a judgement of you or of your contribution.\n",
    );
}

/// The private report of speaker `who` (an index into `m.speakers`) as Markdown; an
/// out-of-range index gives an empty string. See the module documentation for the privacy
/// rule, the prompt order and the tone.
pub fn speaker_markdown(m: &MeetingReport, who: usize, opts: &SpeakerOptions) -> String {
    if who >= m.speakers.len() {
        return String::new();
    }
    SpeakerReports::new(m, *opts).markdown(who)
}

/// The report of `who` with the meeting's names to redact already found.
fn markdown_of(
    m: &MeetingReport,
    who: usize,
    opts: &SpeakerOptions,
    redact: &Redactions,
) -> String {
    if who >= m.speakers.len() {
        return String::new();
    }
    let names = Names::new(m, who, opts.show_other_names, redact);
    let me = names.me();
    let cx = Context::new(m, me);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Your meeting report: {}\n",
        escape(file_name(&m.source))
    );
    let _ = writeln!(out, "**{}**\n", escape(&me.name));
    let _ = writeln!(
        out,
        "This report is for you. It contains only your own words; {}.\n",
        if opts.show_other_names {
            "other people appear by name, never with what they said".to_string()
        } else {
            format!(
                "other people appear as “Participant N” (you are {} in everyone's report of \
                 this meeting)",
                pseudonym(who)
            )
        }
    );
    let _ = writeln!(
        out,
        "The meeting: {}, {} {} spoke, {} in all.\n",
        m.duration_seconds
            .map_or_else(|| "untimed".to_string(), |d| format!("{} long", length(d))),
        number_word(m.speakers.len()),
        if m.speakers.len() == 1 {
            "person"
        } else {
            "people"
        },
        plural(m.turns, "turn", "turns")
    );
    figures(m, &names, &cx, &mut out);
    interruptions(m, &names, &mut out);
    listening(me, &mut out);
    language(m, &names, &mut out);
    sentiment(m, &names, &mut out);
    chat(m, &names, &mut out);
    out.push_str("## Reflection prompts\n\n");
    for (i, p) in prompts(m, &names, &cx).iter().enumerate() {
        let _ = writeln!(out, "{}. {p}", i + 1);
    }
    out.push('\n');
    limits(m, &names, &mut out);
    out
}
