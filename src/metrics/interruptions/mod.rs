//! Who interrupts whom: overlap events and speaker changes, read from timing and words.
//!
//! Two questions are asked of each event (README "Interruptions"). **Is it an
//! interruption?** — the GAP definition (Doyle & Serban 2024): the one coming in (B) wants the
//! turn while the one speaking (A) has not finished. **If so, competitive or cooperative?**
//! (Goldberg 1990; Murata 1994; Li 2001): did B work against A's hold on the floor, or with
//! it? Every event carries `cues`, the evidence for both answers in plain words.
//!
//! **Observed mode** (the transcript has overlapping segments of different speakers, as
//! Teams exports and AMI do). For every turn of B that *starts* strictly inside a turn of
//! another speaker A (the floor holder: A's non-embedded turn that started earliest among
//! those still open), in this order:
//! 1. **backchannel** — B's turn is only listener tokens (`lexicons/dynamics/
//!    backchannels.txt`, ≤ 4 tokens; bracketed sounds such as `[laugh]` allowed) and either
//!    lies inside A's turn or lasts at most [`Thresholds::backchannel_max_ms`] (default
//!    2.0 s). A longer listener-only turn is an **overlap, listener turn**. Neither is ever an
//!    interruption.
//! 2. Not interruptions (**overlap**, with the reason as `detail`), in this order: B started
//!    less than [`SIMULTANEOUS_MS`] after A (**simultaneous start**); B says fewer than
//!    [`MIN_ATTEMPT_WORDS`] content words (**short reaction**: "No.", "Two?"); A's own turn is
//!    only listener tokens (**no floor**); B came in on A's last word (**terminal**:
//!    A said no further word after B's start); A had just asked a complete question
//!    (**answer**).
//! 3. Otherwise an **interruption**: **unsuccessful** when B's turn lies inside A's (B
//!    stopped, A kept the floor: Ferguson's "butting in"); **successful** when A stopped within
//!    [`Thresholds::yield_ms`] (2.0 s) of B's start and B went on; **contested** when A went
//!    on for longer and B then kept the floor.
//!
//! Where B came in inside A's words comes from per-word times when the export has them
//! (`position: words`), else from A's segment's characters spread evenly over its time
//! (`position: characters`). Without text (RTTM) only timing is used: a short embedded turn
//! is a backchannel, B inside A an unsuccessful interruption, B starting within
//! [`Thresholds::terminal_ms`] of A's end a terminal overlap, A stopping within the yield
//! window a successful interruption; no stance is given.
//!
//! **Inferred mode** (no two speakers' segments overlap anywhere in the file, as in Zoom
//! exports, which serialise speech): for consecutive turns A → B of different speakers where
//! B starts within [`Thresholds::inferred_gap_ms`] (default 0.5 s) of A's end:
//! - B only listener tokens → **backchannel**;
//! - A's turn ends complete (`.`, `?`, `!`) → no event;
//! - A's turn *breaks off* (ends with `-`, `—`, `–`, `...` or `…`, or, in a transcript that
//!   punctuates, without `.`, `?`, `!`): a **transition** (shown, never counted) when A's
//!   words were a question (**answer**), ended on a hand-over trail (`handover-trails.txt`:
//!   "so…", "or…"; **hand-over**), or B spoke briefly (≤ [`BRIEF_WORDS`] words) and A went
//!   on within [`RESUME_MS`] (**A went on**); a **successful interruption** when B opens with
//!   contrast or a floor claim (≥ 3 words) or holds the floor for at least [`FLOOR_WORDS`]
//!   words without agreeing or asking; otherwise a transition (**weak evidence**).
//!
//! **Stance** of an interruption (the private `stance` function): competitive needs positive evidence
//! (contrast or a floor claim at B's start; or A broke off mid-sentence and B took the
//! floor); everything else is cooperative (agreement, a question, an answer, an addition).
//!
//! Every event references the two turns (indices into the transcript's turns), its time, the
//! overlap, and both quotes as evidence.

pub mod cues;

use super::wording;
use crate::lang::Lang;
use crate::model::{Transcript, Turn};
pub use cues::Position;
use cues::{Ending, Opening};

/// One piece of evidence, in plain words: most are fixed phrases (no allocation for the
/// tens of thousands of listener tokens in a long meeting), some carry figures.
pub type Cue = std::borrow::Cow<'static, str>;

/// Fewest content words (fillers and sounds excluded) for an embedded turn to count as an
/// attempt to take the floor.
pub const MIN_ATTEMPT_WORDS: usize = 2;

/// The classification thresholds (all documented defaults, see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Thresholds {
    /// Terminal-overlap window, ms (default 500).
    pub terminal_ms: u64,
    /// A must stop within this time after B's start for an interruption, ms (default 2,000).
    pub yield_ms: u64,
    /// Longest backchannel, ms (default 2,000).
    pub backchannel_max_ms: u64,
    /// Largest gap for an inferred interruption, ms (default 500).
    pub inferred_gap_ms: u64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            terminal_ms: 500,
            yield_ms: 2_000,
            backchannel_max_ms: 2_000,
            inferred_gap_ms: 500,
        }
    }
}

/// What kind of event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A listener token: not an interruption.
    Backchannel,
    /// Overlapping speech that is not an interruption (terminal, completed, an answer, a
    /// short reaction).
    Overlap,
    /// An interruption (successful or not).
    Interruption,
    /// Inferred mode: a speaker change after a broken-off turn that the words around it show
    /// is not an interruption (a hand-over, an answer, a completion, B spoke briefly and A
    /// went on), or where the evidence for one is too weak. Shown, never counted.
    Transition,
}

/// The second question about an interruption: did the one coming in work against the
/// speaker's hold on the floor, or with it (see the module docs and README "Interruptions").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// Contrast, a floor claim, or taking over while the speaker was mid-clause.
    Competitive,
    /// Agreement, completion, a clarification question, an answer, help with a word.
    Cooperative,
}

/// One overlap event.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// B's start, ms.
    pub start: u64,
    /// Who came in (B), speaker index.
    pub by: usize,
    /// Who was speaking (A), speaker index.
    pub of: usize,
    /// The kind.
    pub kind: Kind,
    /// `terminal`, `completed`, `successful`, `unsuccessful`, `listener token`.
    pub detail: &'static str,
    /// For interruptions: B took the floor.
    pub successful: bool,
    /// Simultaneous speech, ms (0 for inferred events).
    pub overlap_ms: u64,
    /// B's turn (index into `Transcript::turns`).
    pub by_turn: usize,
    /// A's turn.
    pub of_turn: usize,
    /// True when inferred from a serialised transcript.
    pub inferred: bool,
    /// For interruptions: competitive or cooperative (`None` for other kinds).
    pub stance: Option<Stance>,
    /// The evidence, in plain words ("A stopped mid-clause", "opens with 'but'", "A went on
    /// after 0.4 s"): why the event got its kind and stance. Empty for listener tokens (the
    /// kind says it) and for timing-only inputs.
    pub cues: Vec<Cue>,
    /// How B's place inside A's turn was found (observed mode): from word times or estimated
    /// by characters.
    pub position: Option<Position>,
}

/// How events were found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// From overlapping segments.
    Observed,
    /// From breaks in serialised speech.
    Inferred,
    /// Untimed input: none.
    Unavailable,
}

/// Whether any two segments of different speakers overlap (the whole file is checked).
pub fn has_cross_speaker_overlap(t: &Transcript) -> bool {
    let mut spans: Vec<(u64, u64, usize)> = t
        .segments
        .iter()
        .filter_map(|s| s.span.map(|sp| (sp.start, sp.end, s.speaker)))
        .collect();
    spans.sort_unstable();
    // Track the latest end per speaker among earlier segments: it suffices to keep the two
    // latest ends of distinct speakers.
    let mut best: [(u64, usize); 2] = [(0, usize::MAX); 2];
    for (a, b, sp) in spans {
        for &(end, who) in &best {
            if who != usize::MAX && who != sp && a < end {
                return true;
            }
        }
        if best[0].1 == sp {
            best[0].0 = best[0].0.max(b);
        } else if best[1].1 == sp {
            best[1].0 = best[1].0.max(b);
        } else if b > best[1].0 {
            best[1] = (b, sp);
        }
        if best[1].0 > best[0].0 {
            best.swap(0, 1);
        }
    }
    false
}

/// Finds and classifies the events of a transcript.
pub fn detect(t: &Transcript, th: &Thresholds) -> (Vec<Event>, Mode) {
    let english = vec![Lang::EN; t.speakers.len()];
    detect_with(
        t,
        th,
        || wording::is_punctuated(t.segments.iter().map(|s| s.text.as_str())),
        &english,
    )
}

/// [`detect`], with whether the transcript punctuates ([`wording::is_punctuated`]) supplied by
/// the caller, who has usually computed it already, and each speaker's language (whose
/// listener tokens and cue phrases are used; see [`crate::lang`]). A transcript where
/// someone speaks a language without word lists has no reading (`Unavailable`): its
/// listener tokens would count as bids for the floor.
pub fn detect_with(
    t: &Transcript,
    th: &Thresholds,
    punctuated: impl FnOnce() -> bool,
    langs: &[Lang],
) -> (Vec<Event>, Mode) {
    if !t.is_timed() || (t.has_text && langs.iter().any(|l| l.word_lists().is_none())) {
        return (Vec::new(), Mode::Unavailable);
    }
    let langs = Langs(langs);
    if has_cross_speaker_overlap(t) {
        let p = t.has_text && punctuated();
        (observed(t, th, p, langs), Mode::Observed)
    } else {
        (inferred(t, th, punctuated(), langs), Mode::Inferred)
    }
}

/// Each speaker's language, by speaker index.
#[derive(Clone, Copy)]
struct Langs<'a>(&'a [Lang]);

impl Langs<'_> {
    /// The language of the speaker of `turn` (English when unknown).
    fn of(self, turn: &Turn) -> Lang {
        self.0.get(turn.speaker).copied().unwrap_or(Lang::EN)
    }

    /// Whether `turn` is only listener tokens of its speaker's language.
    fn backchannel(self, turn: &Turn) -> bool {
        wording::is_backchannel_in(&turn.text, wording::lists_for(self.of(turn)))
    }
}

/// Seconds with one decimal, for cues.
fn secs(ms: u64) -> String {
    format!("{:.1} s", ms as f64 / 1000.0)
}

/// B starting less than this after A's turn began is a simultaneous start (both took the
/// turn at once, Sacks, Schegloff & Jefferson 1974), not an interruption.
pub const SIMULTANEOUS_MS: u64 = 300;

/// Inferred mode: fewest words for B's turn after A broke off to count as taking the floor
/// (about 8 s of speech; a shorter turn is a reaction, a completion or an aside).
pub const FLOOR_WORDS: usize = 20;

/// How long A may pause after B's turn and still be going on with their own turn.
pub const RESUME_MS: u64 = 2_000;

/// Most words in an incoming turn that is "brief" (an insertion, not a bid to hold the
/// floor) when A goes on right after it.
pub const BRIEF_WORDS: usize = 8;

/// What the stance of an interruption is read from.
struct Situation<'a> {
    /// How B's turn opens.
    op: &'a Opening,
    /// A's words up to the moment B came in.
    before: &'a Ending,
    /// How A's turn ended.
    a_final: &'a Ending,
    /// B took the floor (A stopped soon after, B went on).
    took_floor: bool,
    /// A's words after B came in (0 in inferred mode).
    after_words: usize,
    /// Inferred mode (no overlap in the export).
    inferred: bool,
}

/// Fewest words in B's turn for an opening contrast or floor claim to count as competitive
/// (a bare "No." or "Wait." is a reaction).
pub const CONTRAST_MIN_WORDS: usize = 3;

/// The stance of an interruption and its cues. **Competitive** needs positive evidence
/// (README "Interruptions"):
/// - B opens with contrast or a floor claim (`contrast.txt`, `floor-grabs.txt`), says at
///   least [`CONTRAST_MIN_WORDS`] words, A was not asking a question (before B came in or
///   as A's turn ended), a bare "no" is not said inside A's turn, and (observed mode) A
///   still had at least 2 words to say; or
/// - B took the floor and A's turn broke off unfinished (no final `.`/`?`/`!`, not a
///   hand-over trail, not a question), with no agreement or question from B.
///
/// Everything else is **cooperative**: agreement, a question, an answer before A's question
/// was finished, an addition.
fn stance(x: &Situation, cues: &mut Vec<Cue>) -> Stance {
    let op = x.op;
    // A "no" to a question is an answer; a bare "no, …" said inside the other's turn,
    // without taking the floor, is a reaction.
    let bare_no = op
        .contrast
        .as_deref()
        .is_some_and(|c| matches!(c, "no" | "nope" | "nah" | "no no"));
    let enough = op.words >= CONTRAST_MIN_WORDS
        && !x.before.question
        && !x.a_final.question
        && (!bare_no || x.took_floor)
        && (x.inferred || x.after_words >= 2);
    if enough && let Some(c) = &op.contrast {
        cues.push(format!("opens with contrast ('{c}')").into());
        return Stance::Competitive;
    }
    if enough && let Some(g) = &op.grab {
        cues.push(format!("claims the floor ('{g}')").into());
        return Stance::Competitive;
    }
    let a = x.a_final;
    if x.took_floor
        && !a.complete
        && a.trail.is_none()
        && !a.question
        && op.agreement.is_none()
        && !op.question
    {
        cues.push("A broke off mid-sentence and B took the floor".into());
        return Stance::Competitive;
    }
    if let Some(a) = &op.agreement {
        cues.push(format!("agreement ('{a}')").into());
    } else if op.question {
        cues.push("asks a question".into());
    } else if x.before.question {
        cues.push("answered before A's question was finished".into());
    } else {
        cues.push("no contrast, no claim to the floor, A not cut off".into());
    }
    Stance::Cooperative
}

/// What is read once per floor holder's turn, kept for every turn: a long turn of A is the
/// holder of many events (most of them listener tokens), and holders alternate; reading A's
/// words again for each event was a fifth of the dynamics stage.
struct Holders {
    /// Per turn: only listener tokens, once needed.
    listener: Vec<Option<bool>>,
    /// Per turn: how it ended, once needed.
    ending: Vec<Option<Ending>>,
}

impl Holders {
    fn new(turns: usize) -> Holders {
        Holders {
            listener: vec![None; turns],
            ending: vec![None; turns],
        }
    }

    fn listener(&mut self, t: &Transcript, ai: usize, langs: Langs) -> bool {
        *self.listener[ai].get_or_insert_with(|| t.has_text && langs.backchannel(&t.turns[ai]))
    }

    fn ending(&mut self, t: &Transcript, ai: usize, langs: Langs) -> &Ending {
        self.ending[ai]
            .get_or_insert_with(|| cues::ending(&t.turns[ai].text, langs.of(&t.turns[ai])))
    }
}

/// The floor holder of an event: A's turn, and the memo of what was read of it.
struct Holder<'m> {
    ai: usize,
    memo: &'m mut Holders,
    langs: Langs<'m>,
}

impl Holder<'_> {
    fn listener(&mut self, t: &Transcript) -> bool {
        self.memo.listener(t, self.ai, self.langs)
    }

    fn ending(&mut self, t: &Transcript) -> &Ending {
        self.memo.ending(t, self.ai, self.langs)
    }
}

fn observed(t: &Transcript, th: &Thresholds, punctuated: bool, langs: Langs) -> Vec<Event> {
    let mut events = Vec::new();
    let mut memo = Holders::new(t.turns.len());
    // Open non-embedded turns (indices), pruned as time advances.
    let mut open: Vec<usize> = Vec::new();
    for (bi, b) in t.turns.iter().enumerate() {
        let Some(bs) = b.span else { continue };
        open.retain(|&ai| t.turns[ai].span.is_some_and(|s| s.end > bs.start));
        let holder = open
            .iter()
            .copied()
            .filter(|&ai| {
                let a = &t.turns[ai];
                a.speaker != b.speaker && a.span.is_some_and(|s| s.start < bs.start)
            })
            .min_by_key(|&ai| (t.turns[ai].span.map(|s| s.start), ai));
        if let Some(ai) = holder {
            let mut h = Holder {
                ai,
                memo: &mut memo,
                langs,
            };
            if let Some(e) = classify_observed(t, th, punctuated, &mut h, bi) {
                events.push(e);
            }
        }
        if !b.embedded {
            open.push(bi);
        }
    }
    events
}

fn classify_observed(
    t: &Transcript,
    th: &Thresholds,
    punctuated: bool,
    holder: &mut Holder<'_>,
    bi: usize,
) -> Option<Event> {
    let ai = holder.ai;
    let (a, b) = (&t.turns[ai], &t.turns[bi]);
    let (as_, bs) = (a.span?, b.span?);
    let dur = bs.len_ms();
    let overlap_ms = as_.end.min(bs.end) - bs.start;
    let remaining = as_.end - bs.start;
    let elapsed = bs.start - as_.start;
    let mut cues: Vec<Cue> = Vec::new();
    let mut stance_of = None;
    let mut position = None;
    let listener_only = t.has_text && holder.langs.backchannel(b);
    let inside = b.embedded || bs.end <= as_.end;
    let (kind, detail, successful) = if !t.has_text {
        if b.embedded && dur <= 1_000 {
            (Kind::Backchannel, "listener token", false)
        } else if inside {
            (Kind::Interruption, "unsuccessful", false)
        } else if remaining <= th.terminal_ms {
            (Kind::Overlap, "terminal", false)
        } else if remaining <= th.yield_ms {
            (Kind::Interruption, "successful", true)
        } else {
            (Kind::Overlap, "completed", false)
        }
    } else if listener_only && (b.embedded || dur <= th.backchannel_max_ms) {
        // The kind says it all; no cue (there are tens of thousands in a long batch).
        (Kind::Backchannel, "listener token", false)
    } else if listener_only {
        // Only listener tokens, but long and outlasting A's turn: no content was brought
        // in, so not an interruption.
        cues.push("only listener tokens".into());
        (Kind::Overlap, "listener turn", false)
    } else {
        // Cheap checks first: most overlaps end here (AMI: 39,000 events).
        if elapsed < SIMULTANEOUS_MS {
            cues.push(format!("A and B started together ({} apart)", secs(elapsed)).into());
            (Kind::Overlap, "simultaneous start", false)
        } else if !cues::two_content_words_in(&b.text, holder.langs.of(b)) {
            let content = wording::content_words_upto_in(
                &b.text,
                MIN_ATTEMPT_WORDS,
                wording::lists_for(holder.langs.of(b)),
            );
            cues.push(
                format!(
                    "{content} content word{}",
                    if content == 1 { "" } else { "s" }
                )
                .into(),
            );
            (Kind::Overlap, "short reaction", false)
        } else if holder.listener(t) {
            cues.push("A's turn was only listener tokens: A did not hold the floor".into());
            (Kind::Overlap, "no floor", false)
        } else {
            classify_attempt(
                t,
                th,
                punctuated,
                holder,
                (b, bs),
                &mut cues,
                &mut stance_of,
                &mut position,
            )
        }
    };
    Some(Event {
        start: bs.start,
        by: b.speaker,
        of: a.speaker,
        kind,
        detail,
        successful,
        overlap_ms,
        by_turn: bi,
        of_turn: ai,
        inferred: false,
        stance: stance_of,
        cues,
        position,
    })
}

/// An overlap with content that B started while A held the floor: terminal, an answer, or
/// an interruption (with its stance).
#[allow(clippy::too_many_arguments)]
fn classify_attempt(
    t: &Transcript,
    th: &Thresholds,
    punctuated: bool,
    holder: &mut Holder<'_>,
    (b, bs): (&Turn, crate::model::Span),
    cues: &mut Vec<Cue>,
    stance_of: &mut Option<Stance>,
    position: &mut Option<Position>,
) -> (Kind, &'static str, bool) {
    let a = &t.turns[holder.ai];
    let as_ = a.span.unwrap_or(bs);
    let remaining = as_.end - bs.start;
    let inside = b.embedded || bs.end <= as_.end;
    let op = cues::opening(&b.text, punctuated, CONTRAST_MIN_WORDS, holder.langs.of(b));
    let (before, after_words, pos) = cues::split_at(t, a, bs.start);
    *position = Some(pos);
    let end = cues::ending(&before, holder.langs.of(a));
    let against = op.contrast.is_some() || op.grab.is_some();
    let took_floor = !inside && remaining <= th.yield_ms;
    let words_left = || -> Cue {
        if after_words >= cues::COUNT_CAP {
            format!("A said {after_words} or more words after B came in").into()
        } else {
            format!(
                "A said {after_words} more word{} after B came in",
                if after_words == 1 { "" } else { "s" }
            )
            .into()
        }
    };
    if after_words == 0 {
        cues.push(
            format!(
                "B came in on A's last word, {} before A finished",
                secs(remaining)
            )
            .into(),
        );
        (Kind::Overlap, "terminal", false)
    } else if end.question && end.complete && !against {
        cues.push("A had asked a question; B answered".into());
        cues.push(words_left());
        (Kind::Overlap, "answer", false)
    } else {
        if end.mid_clause {
            cues.push("A was mid-clause".into());
        }
        cues.push(words_left());
        let (detail, successful) = if inside {
            ("unsuccessful", false)
        } else if took_floor {
            ("successful", true)
        } else {
            cues.push(
                format!(
                    "A went on for {} after B came in; then B kept the floor",
                    secs(remaining)
                )
                .into(),
            );
            ("contested", false)
        };
        // How A's turn ended matters only when B took the floor or opened with contrast or a
        // floor claim (see `stance`); otherwise it is not read.
        let unread = Ending::default();
        let a_final = if successful || op.contrast.is_some() || op.grab.is_some() {
            holder.ending(t)
        } else {
            &unread
        };
        *stance_of = Some(stance(
            &Situation {
                op: &op,
                before: &end,
                a_final,
                took_floor: successful,
                after_words,
                inferred: false,
            },
            cues,
        ));
        (Kind::Interruption, detail, successful)
    }
}

/// True when a turn's text breaks off (see the module docs).
pub fn breaks_off(text: &str, punctuated: bool) -> bool {
    let t = text.trim_end();
    if t.ends_with(['-', '—', '–', '…']) || t.ends_with("...") {
        return true;
    }
    punctuated && !t.ends_with(['.', '?', '!', '"', '\'', ')', '”', '’', ']'])
}

fn inferred(t: &Transcript, th: &Thresholds, punctuated: bool, langs: Langs) -> Vec<Event> {
    if !t.has_text {
        return Vec::new();
    }
    let main: Vec<usize> = (0..t.turns.len())
        .filter(|&i| !t.turns[i].embedded)
        .collect();
    let mut events = Vec::new();
    for (k, w) in main.windows(2).enumerate() {
        let (ai, bi) = (w[0], w[1]);
        let (a, b) = (&t.turns[ai], &t.turns[bi]);
        let (Some(as_), Some(bs)) = (a.span, b.span) else {
            continue;
        };
        if a.speaker == b.speaker || bs.start < as_.end || bs.start - as_.end > th.inferred_gap_ms {
            continue;
        }
        let next = main.get(k + 2).map(|&n| &t.turns[n]);
        if let Some(e) = classify_inferred(th, punctuated, langs, (ai, a), (bi, b), next) {
            events.push(e);
        }
    }
    events
}

fn classify_inferred(
    th: &Thresholds,
    punctuated: bool,
    langs: Langs,
    (ai, a): (usize, &Turn),
    (bi, b): (usize, &Turn),
    next: Option<&Turn>,
) -> Option<Event> {
    let bs = b.span?;
    let mut cues: Vec<Cue> = Vec::new();
    let mut stance_of = None;
    let (kind, detail, successful) = if langs.backchannel(b) && bs.len_ms() <= th.backchannel_max_ms
    {
        (Kind::Backchannel, "listener token", false)
    } else if !breaks_off(&a.text, punctuated) {
        return None;
    } else {
        let end = cues::ending(&a.text, langs.of(a));
        let op = cues::opening(&b.text, punctuated, FLOOR_WORDS, langs.of(b));
        let resumed = next
            .filter(|n| n.speaker == a.speaker)
            .and_then(|n| n.span)
            .filter(|s| s.start <= bs.end + RESUME_MS)
            .map(|s| s.start.saturating_sub(bs.end));
        let brief = op.words <= BRIEF_WORDS;
        let against = op.contrast.is_some() || op.grab.is_some();
        cues.push("A's turn broke off".into());
        if end.question {
            cues.push("A's question trailed off; B answered".into());
            (Kind::Transition, "answer", false)
        } else if let Some(tr) = &end.trail {
            cues.push(format!("A trailed off on '{tr}' (a hand-over)").into());
            (Kind::Transition, "hand-over", false)
        } else if (against && op.words >= CONTRAST_MIN_WORDS)
            || (op.words >= FLOOR_WORDS && op.agreement.is_none() && !op.question)
        {
            if end.mid_clause {
                cues.push("A stopped mid-clause".into());
            }
            cues.push(format!("B held the floor for {}", secs(bs.len_ms())).into());
            stance_of = Some(stance(
                &Situation {
                    op: &op,
                    before: &end,
                    a_final: &end,
                    took_floor: true,
                    after_words: 0,
                    inferred: true,
                },
                &mut cues,
            ));
            (Kind::Interruption, "successful", true)
        } else if let Some(r) = resumed.filter(|_| brief) {
            cues.push(format!("B spoke briefly; A went on after {}", secs(r)).into());
            (Kind::Transition, "A went on", false)
        } else {
            if op.agreement.is_some() {
                cues.push("B agreed".into());
            }
            cues.push("no sign that B took the floor from A".into());
            (Kind::Transition, "weak evidence", false)
        }
    };
    Some(Event {
        start: bs.start,
        by: b.speaker,
        of: a.speaker,
        kind,
        detail,
        successful,
        overlap_ms: 0,
        by_turn: bi,
        of_turn: ai,
        inferred: true,
        stance: stance_of,
        cues,
        position: None,
    })
}
