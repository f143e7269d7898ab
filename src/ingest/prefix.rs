//! Who is speaking in cue-based formats: voice spans, `Name:` prefixes, `>>` caption marks.
//!
//! Shared by WebVTT, SRT and plain text. Each input *unit* (a cue, or one voice run of a cue)
//! is attributed as follows, by the first rule that applies to the file:
//!
//! 1. **Voices.** When any unit has a voice (`<v Name>`), voices give the speaker; a unit
//!    without one continues the previous speaker.
//! 2. **Caption marks.** Otherwise, when the file marks speaker changes with `>>` (or `>>>`,
//!    also written `&gt;&gt;`) at the start of a unit or mid-text, the text is split at each
//!    mark; each mark starts the next anonymous speaker, `unidentified 1`, `unidentified 2`, …
//!    in order of appearance (captions do not say who speaks, nor whether a speaker returns),
//!    and the transcript is flagged as having anonymous speakers. A split cue's time is shared
//!    between the parts in proportion to their length in characters.
//! 3. **Name prefixes (Zoom style).** Otherwise a unit starting with `Name: text` gives the
//!    speaker, and a unit without a prefix continues the previous speaker. Because sentences
//!    also have colons (`Note: this is…`), a prefix is accepted as a name only from evidence
//!    in the same file:
//!    - it has the shape of a name: 1 to 60 characters, at most 6 words, begins with a letter,
//!      no sentence punctuation (`? ! ; , "`), not a timestamp or URL;
//!    - its first word is not a discourse label or function word (`Note`, `Update`, `Question`,
//!      `Example`, `So`, `And`, `The`, …, see [`LABELS`]);
//!    - and it occurs as a prefix at least twice in the file, **or** once in a file where at
//!      least one other name is established by occurring twice (a one-off speaker in a Zoom
//!      call). A file with no repeated prefix has no names: `Note: this is…` stays text.
//!
//! Units before the first known speaker have no speaker (the builder calls it
//! `unknown speaker`).

use crate::model::{RawSegment, Span};
use std::collections::HashMap;

/// One piece of text to attribute.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// Voice from a `<v>` span, if any.
    pub voice: Option<String>,
    /// Plain text (markup already removed, whitespace collapsed).
    pub text: String,
    /// Timing, if the format has one.
    pub span: Option<Span>,
    /// 1-based input line.
    pub line: usize,
}

/// First words that make a `X:` prefix a label or a sentence, not a name.
pub const LABELS: &[&str] = &[
    "note",
    "notes",
    "nb",
    "ps",
    "update",
    "updates",
    "question",
    "questions",
    "answer",
    "q",
    "a",
    "example",
    "e.g",
    "eg",
    "i.e",
    "ie",
    "edit",
    "summary",
    "agenda",
    "action",
    "actions",
    "todo",
    "to-do",
    "reminder",
    "warning",
    "caution",
    "tip",
    "fyi",
    "tl;dr",
    "tldr",
    "step",
    "point",
    "option",
    "problem",
    "solution",
    "result",
    "results",
    "context",
    "background",
    "goal",
    "goals",
    "reason",
    "quote",
    "source",
    "caveat",
    "disclaimer",
    "correction",
    "clarification",
    "translation",
    "follow-up",
    "next",
    "bottom",
    "spoiler",
    "hint",
    "fun",
    "side",
    "bonus",
    "fact",
    "rule",
    "lesson",
    "key",
    "takeaway",
    "status",
    "decision",
    "decisions",
    "topic",
    "item",
    "issue",
    "proposal",
    "conclusion",
    "recap",
    "update",
    "so",
    "and",
    "but",
    "or",
    "the",
    "a",
    "an",
    "my",
    "our",
    "your",
    "their",
    "his",
    "her",
    "this",
    "that",
    "these",
    "those",
    "it",
    "it's",
    "here",
    "there",
    "well",
    "yeah",
    "yep",
    "right",
    "sure",
    "i",
    "we",
    "you",
    "they",
    "he",
    "she",
    "also",
    "because",
    "anyway",
    "basically",
    "remember",
    "look",
    "listen",
    "yes",
    "no",
    "okay",
    "ok",
    "oh",
    "um",
    "uh",
    "like",
    "if",
    "when",
    "what",
    "why",
    "how",
    "where",
    "who",
    "which",
    "one",
    "two",
    "three",
    "first",
    "second",
    "third",
    "finally",
    "then",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "http",
    "https",
    "www",
];

/// Returns the candidate name of `X: rest` at the start of `text`, and the rest. The colon
/// is ASCII `:` followed by whitespace (or ending the text), or the full-width `：` of CJK
/// text, which needs no space after it (`王伟：大家好`).
pub fn split_prefix(text: &str) -> Option<(&str, &str)> {
    // A name has at most 60 characters, so the colon is within the first 256 bytes.
    let head = &text.as_bytes()[..text.len().min(256)];
    let ascii = memchr::memchr(b':', head);
    // Only the head can hold the colon: a long ASCII head needs no search for `：`.
    let wide = if head.is_ascii() {
        None
    } else {
        memchr::memmem::find(head, "：".as_bytes())
    };
    let (colon, after) = match (ascii, wide) {
        (Some(a), Some(w)) if w < a => wide_colon(text, w)?,
        (None, Some(w)) => wide_colon(text, w)?,
        (Some(a), _) => {
            let after = &text[a + 1..];
            // The colon must be followed by whitespace or end the text ("Name:" alone).
            if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
                return None;
            }
            (a, after)
        }
        (None, None) => return None,
    };
    let name = text[..colon].trim();
    if !name_shaped(name) {
        return None;
    }
    Some((name, after.trim_start()))
}

/// The full-width colon at `w`, when what precedes it can be a name: Chinese prose uses
/// `：` inside sentences too ("我們有兩個話題：…"), and names in scripts without spaces
/// are short, so at most [`WIDE_NAME_MAX`] characters of such scripts may precede it.
fn wide_colon(text: &str, w: usize) -> Option<(usize, &str)> {
    let spaceless = text[..w]
        .chars()
        .filter(|&c| crate::lang::is_spaceless(c))
        .count();
    (spaceless <= WIDE_NAME_MAX).then(|| (w, &text[w + "：".len()..]))
}

/// Most characters of a script without spaces in a name before `：` (Chinese names have 2
/// to 4, Japanese ones rarely more than 8; a role such as 商業司代表 has 5).
pub const WIDE_NAME_MAX: usize = 8;

/// Abbreviations that end with a period inside names (`Dr. Thomas Wiebe`).
const TITLES: &[&str] = &[
    "dr", "mr", "mrs", "ms", "mx", "prof", "st", "jr", "sr", "sen", "rep", "gen", "col", "capt",
    "rev", "hon", "mme", "mlle", "sra", "srta", "ing", "lic", "dipl", "mag",
];

/// A word of at most 16 bytes, ASCII-lower-cased and zero-padded, as an integer (with its
/// length, so that trailing NUL bytes cannot collide).
fn label_key(word: &[u8]) -> Option<(u128, usize)> {
    if word.len() > 16 {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..word.len()].copy_from_slice(word);
    buf.make_ascii_lowercase();
    Some((u128::from_le_bytes(buf), word.len()))
}

/// [`LABELS`] as sorted keys, for binary search.
fn sorted_labels() -> &'static [(u128, usize)] {
    static SORTED: std::sync::OnceLock<Vec<(u128, usize)>> = std::sync::OnceLock::new();
    SORTED.get_or_init(|| {
        let mut v: Vec<(u128, usize)> = LABELS
            .iter()
            .filter_map(|l| label_key(l.as_bytes()))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    })
}

/// True when `word` is one of [`LABELS`], compared ASCII-case-insensitively (the labels are
/// lower-case ASCII of at most 16 bytes; checked by a test).
fn is_label(word: &str) -> bool {
    label_key(word.as_bytes()).is_some_and(|k| sorted_labels().binary_search(&k).is_ok())
}

/// Whether `name` can be a display name (see the module docs). Display names seen in real
/// calls hold digits (`0xBonk`), brackets (`Leo Alt [powdr]`), emoji and any script, so the
/// shape is wide: it must hold a letter, start with a letter, digit, `@`, `_`, `(`, `[` or a
/// non-ASCII symbol, and hold no sentence punctuation of any script.
fn name_shaped(name: &str) -> bool {
    if name.is_empty() || name.len() > 4 * 60 || name.chars().count() > 60 {
        return false;
    }
    if !name.chars().next().is_some_and(|c| {
        c.is_alphanumeric()
            || matches!(c, '@' | '_' | '(' | '[')
            || !(c.is_ascii() || c.is_whitespace() || is_wide_punct(c))
    }) || !name.chars().any(char::is_alphabetic)
    {
        return false;
    }
    // Sentence punctuation: ASCII bytes, plus the curly double quotes (E2 80 9C / 9D) and
    // the full-width and CJK marks.
    if name.bytes().any(|b| {
        matches!(
            b,
            b'?' | b'!' | b';' | b',' | b'"' | b'<' | b'>' | b'{' | b'}'
        )
    }) || (!name.is_ascii()
        && name
            .chars()
            .any(|c| matches!(c, '“' | '”') || is_wide_punct(c)))
    {
        return false;
    }
    // A word of three or more letters ending with a period that is no title ends a
    // sentence ("Yeah. Both: how…"), which a name does not; initials (`J. R.`) are short.
    if name.split_whitespace().any(|w| {
        w.strip_suffix('.').is_some_and(|stem| {
            stem.chars().count() >= 3
                && !stem.contains('.')
                && !TITLES.iter().any(|t| t.eq_ignore_ascii_case(stem))
        })
    }) {
        return false;
    }
    let mut words = name.split_whitespace();
    let first = words.next().unwrap_or("").trim_end_matches('.');
    if words.count() > 5 {
        return false;
    }
    !is_label(first)
}

/// Sentence and clause punctuation of CJK and other scripts that never occurs in a name:
/// the terminators ([`crate::lang::is_wide_terminator`]) and `，、；：「」『』 ¿ ¡ ،`.
fn is_wide_punct(c: char) -> bool {
    crate::lang::is_wide_terminator(c)
        || matches!(
            c,
            '，' | '、' | '；' | '：' | '「' | '」' | '『' | '』' | '¿' | '¡' | '،'
        )
}

/// Finds the `>>` marks in a unit's text: returns the pieces, each with whether it starts
/// with a mark. Entities are already decoded, so `&gt;&gt;` arrives as `>>`.
fn split_marks(text: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut marked = false;
    while let Some(p) = rest.find(">>") {
        let before = rest[..p].trim();
        if !before.is_empty() {
            out.push((marked, before));
        } else if marked {
            // Two marks in a row: the first speaker said nothing.
        }
        marked = true;
        rest = rest[p..].trim_start_matches('>');
    }
    let tail = rest.trim();
    if !tail.is_empty() {
        out.push((marked, tail));
    }
    out
}

/// Attributes units to speakers by the rules in the module docs. Returns the segments and
/// whether the speakers are anonymous.
pub fn attribute(
    units: Vec<Unit>,
    _diags: &mut crate::diag::Diagnostics,
) -> (Vec<RawSegment>, bool) {
    let voiced = units
        .iter()
        .any(|u| u.voice.as_deref().is_some_and(|v| !v.trim().is_empty()));
    if voiced {
        return (by_voice(units), false);
    }
    if units.iter().any(|u| u.text.contains(">>")) {
        return (by_marks(units), true);
    }
    (by_prefix(units), false)
}

fn by_voice(units: Vec<Unit>) -> Vec<RawSegment> {
    let mut current: Option<String> = None;
    units
        .into_iter()
        .map(|u| {
            if let Some(v) = u.voice.filter(|v| !v.trim().is_empty()) {
                current = Some(v);
            }
            RawSegment {
                speaker: current.clone(),
                span: u.span,
                text: u.text,
                line: u.line,
                words: None,
            }
        })
        .collect()
}

fn by_marks(units: Vec<Unit>) -> Vec<RawSegment> {
    let mut out = Vec::new();
    let mut n = 0usize;
    let mut current: Option<String> = None;
    for u in units {
        let pieces = split_marks(&u.text);
        let total: usize = pieces
            .iter()
            .map(|p| p.1.chars().count())
            .sum::<usize>()
            .max(1);
        let mut done = 0usize;
        for (marked, piece) in pieces {
            if marked || current.is_none() {
                n += 1;
                current = Some(format!("unidentified {n}"));
            }
            let len = piece.chars().count();
            let span = u.span.map(|s| {
                let d = u128::from(s.len_ms());
                let a = s.start + u64::try_from(d * done as u128 / total as u128).unwrap_or(0);
                let b =
                    s.start + u64::try_from(d * (done + len) as u128 / total as u128).unwrap_or(0);
                Span::new(a, b.min(s.end).max(a))
            });
            done += len;
            out.push(RawSegment {
                speaker: current.clone(),
                span,
                text: piece.to_string(),
                line: u.line,
                words: None,
            });
        }
    }
    out
}

fn by_prefix(units: Vec<Unit>) -> Vec<RawSegment> {
    // Pass 1: the candidate prefix of each unit (name length, offset of the rest), and how
    // often each name (by identity key) occurs as a prefix.
    let candidates: Vec<Option<(usize, usize)>> = units
        .iter()
        .map(|u| {
            split_prefix(&u.text).map(|(name, rest)| {
                let name_start = name.as_ptr() as usize - u.text.as_ptr() as usize;
                let rest_start = rest.as_ptr() as usize - u.text.as_ptr() as usize;
                (name_start + name.len(), rest_start)
            })
        })
        .collect();
    let mut raw_counts: HashMap<&str, usize> = HashMap::new();
    // Consecutive units of one speaker repeat the same prefix: count runs, not units.
    let mut run: Option<(&str, usize)> = None;
    for (u, c) in units.iter().zip(&candidates) {
        if let Some((end, _)) = c {
            let name = u.text[..*end].trim();
            match &mut run {
                Some((last, n)) if *last == name => *n += 1,
                _ => {
                    if let Some((last, n)) = run.replace((name, 1)) {
                        *raw_counts.entry(last).or_default() += n;
                    }
                }
            }
        }
    }
    if let Some((last, n)) = run {
        *raw_counts.entry(last).or_default() += n;
    }
    let mut key_counts: HashMap<String, usize> = HashMap::new();
    for (raw, n) in &raw_counts {
        *key_counts
            .entry(crate::speakers::name_key(raw))
            .or_default() += n;
    }
    let established = key_counts.values().any(|&c| c >= 2);
    let accepted: HashMap<String, bool> = raw_counts
        .keys()
        .map(|raw| {
            let c = key_counts[&crate::speakers::name_key(raw)];
            (raw.to_string(), c >= 2 || (c == 1 && established))
        })
        .collect();
    // Pass 2: attribute.
    let mut current: Option<String> = None;
    let mut out = Vec::with_capacity(units.len());
    for (u, c) in units.into_iter().zip(&candidates) {
        let mut text = u.text;
        if let Some((end, rest)) = c {
            let name = text[..*end].trim();
            // The current speaker's own prefix again (the common case) is accepted.
            let same = current.as_deref() == Some(name);
            if same || accepted.get(name).copied().unwrap_or(false) {
                if current.as_deref() != Some(name) {
                    current = Some(name.to_string());
                }
                // In place: no new allocation for the text.
                text.drain(..*rest);
            }
        }
        if text.is_empty() {
            continue;
        }
        out.push(RawSegment {
            speaker: current.clone(),
            span: u.span,
            text,
            line: u.line,
            words: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Diagnostics;

    fn units(texts: &[&str]) -> Vec<Unit> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Unit {
                voice: None,
                text: t.to_string(),
                span: None,
                line: i + 1,
            })
            .collect()
    }

    fn speakers(texts: &[&str]) -> Vec<Option<String>> {
        attribute(units(texts), &mut Diagnostics::new())
            .0
            .into_iter()
            .map(|s| s.speaker)
            .collect()
    }

    #[test]
    fn zoom_prefixes_and_continuation() {
        let s = speakers(&[
            "Ann Lee: hi",
            "Bo | Org: hello",
            "more from Bo",
            "Ann Lee: ok",
            "Cy: once",
        ]);
        let n = |x: &str| Some(x.to_string());
        assert_eq!(
            s,
            vec![
                n("Ann Lee"),
                n("Bo | Org"),
                n("Bo | Org"),
                n("Ann Lee"),
                n("Cy")
            ]
        );
    }

    #[test]
    fn display_names_of_any_shape() {
        // Real Zoom display names: a leading digit, brackets, other scripts, emoji.
        let s = speakers(&[
            "0xBonk: gm everyone",
            "Leo Alt [powdr]: hi",
            "Łukasz Rozmej: hello",
            "🦄 Uni Corn: hey",
            "王伟：大家好，我们开始吧。",
            "0xBonk: so",
            "Leo Alt [powdr]: right",
        ]);
        let n = |x: &str| Some(x.to_string());
        assert_eq!(
            s,
            vec![
                n("0xBonk"),
                n("Leo Alt [powdr]"),
                n("Łukasz Rozmej"),
                n("🦄 Uni Corn"),
                n("王伟"),
                n("0xBonk"),
                n("Leo Alt [powdr]"),
            ]
        );
        // Still not names: numbers, times, CJK sentences, sentence punctuation.
        for text in [
            "12: the count",
            "我们开始吧，好吗：好",
            "why? because: no",
            "(1): x",
            "我們今天主要是有兩個話題：第一",
            "Yeah. Both: how you think",
        ] {
            assert_eq!(split_prefix(text), None, "{text}");
        }
        assert_eq!(split_prefix("王伟：大家好"), Some(("王伟", "大家好")));
        assert_eq!(
            split_prefix("Dr. Thomas Wiebe: ja"),
            Some(("Dr. Thomas Wiebe", "ja"))
        );
        assert_eq!(split_prefix("J. R. Smith: hi"), Some(("J. R. Smith", "hi")));
    }

    #[test]
    fn labels_fit_the_lookup() {
        // `is_label` lower-cases ASCII into 16 bytes.
        for l in LABELS {
            assert!(
                l.len() <= 16 && l.bytes().all(|b| !b.is_ascii_uppercase()),
                "{l}"
            );
            assert!(is_label(l) && is_label(&l.to_ascii_uppercase()), "{l}");
        }
        assert!(!is_label("Ann") && !is_label("notes2"));
    }

    #[test]
    fn note_is_not_a_name() {
        let s = speakers(&["Note: this is a test", "and more text"]);
        assert_eq!(s, vec![None, None]);
        let s = speakers(&["Ann: hi", "Ann: so", "Note: this matters"]);
        assert_eq!(s[2], Some("Ann".to_string()));
        // A one-off colon sentence in a file without any repeated name stays text.
        let (segs, _) = attribute(units(&["Remember: bring snacks"]), &mut Diagnostics::new());
        assert_eq!(segs[0].text, "Remember: bring snacks");
    }

    #[test]
    fn caption_marks() {
        let s = speakers(&[
            ">>> GOOD MORNING",
            "EVERYONE.",
            ">> JUAREZ?",
            ">> HERE. >> LEWIS?",
        ]);
        let n = |i: usize| Some(format!("unidentified {i}"));
        assert_eq!(s, vec![n(1), n(1), n(2), n(3), n(4)]);
    }
}
