//! Reading the words on both sides of a speaker change: how B's turn opens (contrast, a
//! floor claim, agreement, a question), how A's words end before B came in (mid-clause, a
//! question, a hand-over trail), and where in A's turn B came in.
//!
//! The phrase lists are data, written by the project (`lexicons/dynamics/contrast.txt`,
//! `floor-grabs.txt`, `agreement.txt`, `handover-trails.txt`); listener tokens, fillers and
//! question starters are the wording lists ([`super::super::wording`]). Words are compared in
//! lower case with outer punctuation removed; bracketed sounds (`[laugh]`) are skipped.
//! This runs once per candidate event, not per word of the meeting, so it favours clarity
//! over speed.

use crate::lang::Lang;
use crate::model::{Segment, Transcript, Turn};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: the phrase tables are looked up a few times per event with short keys, where
/// SipHash's set-up cost dominated.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
type FnvSet<K> = std::collections::HashSet<K, BuildHasherDefault<Fnv>>;
use std::sync::OnceLock;

/// A phrase list: each phrase a sequence of lower-case words, indexed by its first and by
/// its last word.
#[derive(Debug)]
struct Phrases {
    phrases: Vec<Vec<String>>,
    /// Phrase indices by first word, longest phrase first.
    by_first: FnvMap<String, Vec<usize>>,
    /// Phrase indices by last word, longest phrase first.
    by_last: FnvMap<String, Vec<usize>>,
}

impl Phrases {
    fn parse(text: &str) -> Phrases {
        let mut phrases: Vec<Vec<String>> = text
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .map(|l| l.split_whitespace().map(str::to_string).collect())
            .collect();
        // Longest first, so that a match is the longest phrase.
        phrases.sort_by(|a: &Vec<String>, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        let mut by_first: FnvMap<String, Vec<usize>> = FnvMap::default();
        let mut by_last: FnvMap<String, Vec<usize>> = FnvMap::default();
        for (k, p) in phrases.iter().enumerate() {
            by_first.entry(p[0].clone()).or_default().push(k);
            by_last.entry(p[p.len() - 1].clone()).or_default().push(k);
        }
        Phrases {
            phrases,
            by_first,
            by_last,
        }
    }

    /// The longest phrase that starts at `words[i]`.
    fn at(&self, words: &[String], i: usize) -> Option<&[String]> {
        self.by_first
            .get(words.get(i)?)?
            .iter()
            .map(|&k| &self.phrases[k])
            .find(|p| words.len() >= i + p.len() && words[i..i + p.len()] == p[..])
            .map(Vec::as_slice)
    }

    /// The longest phrase that ends the word list.
    fn ending(&self, words: &[String]) -> Option<&[String]> {
        self.by_last
            .get(words.last()?)?
            .iter()
            .map(|&k| &self.phrases[k])
            .find(|p| words.len() >= p.len() && words[words.len() - p.len()..] == p[..])
            .map(Vec::as_slice)
    }
}

struct Lists {
    /// Every word that can start a turn's reading: the first words of the contrast,
    /// floor-claim, agreement and listener lists, and the hesitations.
    openers: FnvSet<String>,
    /// The first words of the filler phrases (`lexicons/dynamics/fillers.txt`).
    filler_starts: FnvSet<String>,
    /// Hesitations skipped before reading how a turn opens: [`HESITATIONS`], and for the
    /// other languages their one-word fillers too (`äh, nein`, `euh, non`).
    hesitations: FnvSet<String>,
    contrast: Phrases,
    grabs: Phrases,
    agreement: Phrases,
    trails: Phrases,
    listener: Phrases,
    questions: Phrases,
}

/// The cue lists of `lang` (its own for the languages of [`crate::lang::WITH_WORD_LISTS`],
/// English otherwise), parsed once per language.
fn lists_for(lang: Lang) -> &'static Lists {
    static L: [OnceLock<Lists>; crate::lang::WITH_WORD_LISTS.len()] =
        [const { OnceLock::new() }; crate::lang::WITH_WORD_LISTS.len()];
    let (k, lang) = crate::lang::list_slot(lang);
    L[k].get_or_init(|| {
        let list = |stem| Phrases::parse(crate::lang::word_list(lang, stem));
        let contrast = list("contrast");
        let grabs = list("floor-grabs");
        let agreement = list("agreement");
        let listener = list("backchannels");
        let fillers = list("fillers");
        let mut hesitations: FnvSet<String> = HESITATIONS.iter().map(|h| h.to_string()).collect();
        if lang != Lang::EN {
            hesitations.extend(
                fillers
                    .phrases
                    .iter()
                    .filter(|p| p.len() == 1)
                    .map(|p| p[0].clone()),
            );
        }
        let openers = [&contrast, &grabs, &agreement, &listener]
            .iter()
            .flat_map(|p| p.by_first.keys().cloned())
            .chain(hesitations.iter().cloned())
            .collect();
        let filler_starts = fillers.by_first.into_keys().collect();
        Lists {
            openers,
            filler_starts,
            hesitations,
            contrast,
            grabs,
            agreement,
            trails: list("handover-trails"),
            listener,
            questions: list("question-starters"),
        }
    })
}

/// Hesitations skipped before reading how a turn opens ("um, no…").
const HESITATIONS: &[&str] = &[
    "um", "umm", "uh", "uhh", "uhm", "er", "erm", "err", "ah", "eh", "oh", "mm", "hmm",
];

/// Words that cannot end a complete clause: a turn whose last word is one of these stopped
/// mid-clause ("…we tie it to the", "…because").
const OPEN_ENDINGS: &[&str] = &[
    "a", "an", "the", "to", "of", "in", "on", "for", "with", "at", "by", "from", "into", "about",
    "and", "but", "because", "if", "that", "which", "who", "is", "are", "was", "were", "be",
    "been", "my", "our", "your", "their", "his", "her", "its", "this", "these", "those", "we", "i",
    "you", "they", "he", "she", "will", "would", "can", "could", "should", "have", "has", "had",
    "not", "than", "when", "where", "how", "what", "like", "just", "we're", "i'm", "it's",
    "there's", "we'll", "i'll", "gonna", "going", "want", "need",
];

thread_local! {
    /// Word buffers reused from one event to the next (an event reads a few dozen words;
    /// building a `String` for each was most of the classifier's cost).
    static POOL: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs `f` on normalised words of `text` (lower case, outer punctuation removed, bracketed
/// sounds dropped): the first `n`, or with
/// `from_end` the last `n` (in text order), built in reused buffers.
fn with_words<R>(text: &str, n: usize, from_end: bool, f: impl FnOnce(&[String]) -> R) -> R {
    let mut pool = POOL.with(|p| p.take());
    let mut k = 0;
    let put = |w: &str, pool: &mut Vec<String>, k: &mut usize| {
        if *k == pool.len() {
            pool.push(String::new());
        }
        let slot = &mut pool[*k];
        slot.clear();
        normalise_into(w, slot);
        if !slot.is_empty() {
            *k += 1;
        }
    };
    if from_end {
        for w in text.split_ascii_whitespace().rev().filter(|w| is_word(w)) {
            if k == n {
                break;
            }
            put(w, &mut pool, &mut k);
        }
        pool[..k].reverse();
    } else {
        for w in raw_words(text) {
            if k == n {
                break;
            }
            put(w, &mut pool, &mut k);
        }
    }
    let r = f(&pool[..k]);
    POOL.with(|p| *p.borrow_mut() = pool);
    r
}

/// True when the text has at least two content words (see
/// [`crate::metrics::wording::content_words`]): answered from its first two words when both
/// are plain ASCII words that start no filler phrase, else by the wording tokenizer.
pub fn two_content_words(text: &str) -> bool {
    two_content_words_in(text, Lang::EN)
}

/// [`two_content_words`] with the fillers of `lang`.
pub fn two_content_words_in(text: &str, lang: Lang) -> bool {
    let l = lists_for(lang);
    let wl = crate::metrics::wording::lists_for(lang);
    let mut first = raw_words(text);
    let (Some(w1), Some(w2)) = (first.next(), first.next()) else {
        return crate::metrics::wording::content_words_upto_in(text, 2, wl) >= 2;
    };
    let plain = |w: &str| {
        let t = w.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '\'');
        w.is_ascii()
            && !w.contains('[')
            && t.len() <= 24
            && t.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'\'')
            && t.bytes().any(|c| c.is_ascii_alphanumeric())
            && {
                let mut key = [0u8; 24];
                for (k, c) in key.iter_mut().zip(t.bytes()) {
                    *k = c.to_ascii_lowercase();
                }
                let key = std::str::from_utf8(&key[..t.len()]).unwrap_or("");
                !l.filler_starts.contains(key.trim_matches('\''))
            }
    };
    if plain(w1) && plain(w2) {
        return true;
    }
    crate::metrics::wording::content_words_upto_in(text, 2, wl) >= 2
}

/// Words in a text without building them (sounds excluded), counted up to `cap`.
pub fn count_words(text: &str, cap: usize) -> usize {
    raw_words(text).take(cap).count()
}

/// Counting stops here: beyond it, how many more words were said does not change a reading
/// (cues then say "30 or more").
pub const COUNT_CAP: usize = 30;

/// A bracketed sound annotation (`[laugh]`). One with punctuation attached (`[laugh].`)
/// counts as a token here: A's laughing on after B came in is A still going.
fn is_sound(w: &str) -> bool {
    w.starts_with('[') && w.ends_with(']')
}

/// Whitespace-separated tokens that hold a letter or digit (any non-ASCII character counts
/// as one: letters outside ASCII are the common case there), sounds excluded.
fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    text.split_ascii_whitespace().filter(|w| is_word(w))
}

fn is_word(w: &str) -> bool {
    !is_sound(w) && w.bytes().any(|c| c.is_ascii_alphanumeric() || c >= 0x80)
}

fn normalise(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    normalise_into(w, &mut out);
    out
}

/// Appends `w` to `out` in lower case, outer punctuation removed, `’` as `'`.
fn normalise_into(w: &str, out: &mut String) {
    if w.is_ascii() {
        // The common case, byte by byte.
        let b = w.as_bytes();
        let keep = |c: &u8| c.is_ascii_alphanumeric() || *c == b'\'';
        let (Some(s), Some(e)) = (b.iter().position(keep), b.iter().rposition(keep)) else {
            return;
        };
        let mut t = &b[s..=e];
        while let [b'\'', rest @ ..] = t {
            t = rest;
        }
        while let [rest @ .., b'\''] = t {
            t = rest;
        }
        out.extend(t.iter().map(|c| char::from(c.to_ascii_lowercase())));
        return;
    }
    let w = w
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .trim_matches(['\'', '’']);
    for c in w.chars() {
        if c == '’' {
            out.push('\'');
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// Words read at the start of a turn (two skipped listener tokens or hesitations and the
/// longest phrase, "i just wanted to say", fit).
const OPENING_WORDS: usize = 9;

/// How far back from the end of A's words the last sentence is looked for, in bytes.
const LAST_SENTENCE_BYTES: usize = 400;

/// Words read at the end of A's words (the longest trail phrase, 3 words, fits).
const ENDING_WORDS: usize = 4;

/// How an incoming turn opens.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Opening {
    /// A contrast or disagreement word or phrase at the start ("but", "no", "wait").
    pub contrast: Option<String>,
    /// A floor claim at the start ("can I just", "sorry to interrupt").
    pub grab: Option<String>,
    /// Agreement or assessment at the start ("exactly", "good point"), when no contrast
    /// follows it.
    pub agreement: Option<String>,
    /// The turn is a question: it ends with `?`, or opens with a question word (unpunctuated
    /// transcripts).
    pub question: bool,
    /// Words of the turn (sounds excluded), counted up to the cap the caller gave.
    pub words: usize,
}

/// Reads how `text` opens.
/// `count_cap`: how far its words are counted ([`Opening::words`]); a caller that only asks
/// "at least 3 words?" passes 3.
pub fn opening(text: &str, punctuated: bool, count_cap: usize, lang: Lang) -> Opening {
    let l = lists_for(lang);
    let mut o = Opening {
        words: count_words(text, count_cap),
        question: text.trim_end().ends_with('?'),
        ..Opening::default()
    };
    // Most turns open with a word that starts no phrase of any list: then only the first
    // word is read (the phrase match would find nothing), without building it when it is
    // plain ASCII.
    let Some(raw) = raw_words(text).next() else {
        return o;
    };
    let mut key = [0u8; 24];
    let trimmed = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
    let first: std::borrow::Cow<str> = if trimmed.is_ascii() && trimmed.len() <= key.len() {
        for (k, c) in key.iter_mut().zip(trimmed.bytes()) {
            *k = c.to_ascii_lowercase();
        }
        std::borrow::Cow::Borrowed(std::str::from_utf8(&key[..trimmed.len()]).unwrap_or(""))
    } else {
        std::borrow::Cow::Owned(normalise(raw))
    };
    let first = first.trim_matches('\'');
    if !punctuated && l.questions.by_first.contains_key(first) {
        // Question starters are single words.
        o.question = true;
    }
    if !l.openers.contains(first) {
        return o;
    }
    with_words(text, OPENING_WORDS, false, |w| read_opening(l, w, &mut o));
    o
}

/// The phrase reading of [`opening`] on the turn's first words.
fn read_opening(l: &Lists, w: &[String], o: &mut Opening) {
    // Skip up to two hesitations or listener tokens; remember an agreement seen on the way.
    let mut i = 0;
    let mut agreement: Option<String> = None;
    for _ in 0..3 {
        if i >= w.len() {
            break;
        }
        if let Some(p) = l.grabs.at(w, i) {
            o.grab = Some(p.join(" "));
            break;
        }
        if let Some(p) = l.contrast.at(w, i) {
            o.contrast = Some(p.join(" "));
            break;
        }
        if let Some(p) = l.agreement.at(w, i) {
            agreement.get_or_insert_with(|| p.join(" "));
            i += p.len();
            continue;
        }
        if l.hesitations.contains(w[i].as_str()) {
            i += 1;
            continue;
        }
        if let Some(p) = l.listener.at(w, i) {
            i += p.len();
            continue;
        }
        break;
    }
    if o.contrast.is_none() && o.grab.is_none() {
        o.agreement = agreement;
    }
}

/// How A's words end at the moment B came in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ending {
    /// A's last sentence before B came in is a question.
    pub question: bool,
    /// A stopped on a word that cannot end a clause ("the", "and", "to").
    pub mid_clause: bool,
    /// A trailed off on a hand-over word or phrase ("so", "or something", "right").
    pub trail: Option<String>,
    /// A's text ends with sentence punctuation (`.`, `?`, `!`).
    pub complete: bool,
}

/// Reads how `text` (A's words up to the change) ends.
pub fn ending(text: &str, lang: Lang) -> Ending {
    let l = lists_for(lang);
    // Trailing sound annotations (`[laugh]`, `[other]`) say nothing about the words.
    let mut t = text.trim_end();
    while t.ends_with(']') {
        match t.rfind('[') {
            Some(k) => t = t[..k].trim_end(),
            None => break,
        }
    }
    let stripped = t.trim_end_matches(|c: char| {
        matches!(
            c,
            '…' | '-' | '—' | '–' | ',' | ';' | ':' | ' ' | '"' | '\'' | '”' | '’'
        ) || c == '.' && t.ends_with("...")
    });
    let complete = stripped.ends_with(['.', '?', '!']) && !t.ends_with("...");
    // The last sentence: after the last `.`, `?`, `!` that is not the final character.
    let body = stripped.trim_end_matches(['.', '?', '!']);
    // (`.?!` are ASCII: a byte search finds them without decoding characters.)
    // The last sentence (after the last `.`, `?`, `!` that is not the final character) is
    // needed only when A's words are unfinished. Only the last LAST_SENTENCE_BYTES are
    // searched: a longer last sentence is read from there (its opening words then say
    // nothing of a question, which is the safe side).
    let mut from = body.len().saturating_sub(LAST_SENTENCE_BYTES);
    while !body.is_char_boundary(from) {
        from += 1;
    }
    let last_sentence = if complete {
        ""
    } else {
        // (`.?!` are ASCII: a byte search finds them without decoding characters.)
        memchr::memrchr3(b'.', b'?', b'!', &body.as_bytes()[from..])
            .map_or(&body[from..], |k| &body[from + k + 1..])
    };
    // The words are read only when the sentence is unfinished (a complete one has no trail
    // and is not mid-clause).
    // A question just before the break: the last sentence ends with `?`, or the fragment
    // after it opens like a question ("…or are they more…", "what's the…"), or the sentence
    // before the fragment was a question ("What do you mean? I'm not…").
    let fragment_question = !complete && {
        let clause = last_sentence
            .rsplit([',', ';'])
            .next()
            .unwrap_or(last_sentence);
        with_words(clause, 4, false, |cw| {
            let skip = cw
                .iter()
                .take_while(|x| matches!(x.as_str(), "and" | "or" | "so" | "but" | "like"))
                .count();
            // "what's" asks as "what" does.
            cw.get(skip).is_some_and(|x| {
                let x = x.strip_suffix("'s").unwrap_or(x);
                l.questions.by_first.contains_key(x)
            }) && cw.len() > skip + 1
        })
    };
    let previous_question = !complete
        && body[..body.len() - last_sentence.len()]
            .trim_end()
            .ends_with('?');
    let question = stripped.ends_with('?') || fragment_question || previous_question;
    // The words are read only when the sentence is unfinished (a complete one has no trail
    // and is not mid-clause).
    let (trail, mid_clause) = if complete {
        (None, false)
    } else {
        with_words(last_sentence, ENDING_WORDS, true, |w| {
            let trail = l.trails.ending(w).map(|p| p.join(" "));
            let mid =
                trail.is_none() && w.last().is_some_and(|x| OPEN_ENDINGS.contains(&x.as_str()));
            (trail, mid)
        })
    };
    Ending {
        question,
        mid_clause,
        trail,
        complete,
    }
}

/// How the position of B's start inside A's turn was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Position {
    /// From per-word times in the export.
    Words,
    /// Estimated from the characters of A's segment, spread evenly over its time.
    Characters,
}

/// A's turn cut at the moment `at` (ms): A's text up to that moment (its last segments) and
/// the number of A's words after it (up to [`COUNT_CAP`]), from word times where the export has them, else estimated by characters.
pub fn split_at(t: &Transcript, a: &Turn, at: u64) -> (String, usize, Position) {
    let mut before = String::new();
    let mut after = 0usize;
    let mut position = Position::Characters;
    // Only the last whole segment before `at` is kept of the earlier words: how A's words
    // stood needs the last sentence or two, and a long turn would make this quadratic.
    let mut last_before: Option<&str> = None;
    for &k in &a.segments {
        let s: &Segment = &t.segments[k];
        let Some(sp) = s.span else { continue };
        if sp.end <= at {
            last_before = Some(&s.text);
            continue;
        }
        if let Some(prev) = last_before.take() {
            push(&mut before, prev);
        }
        if after >= COUNT_CAP {
            break;
        }
        if sp.start >= at {
            after += count_words(&s.text, COUNT_CAP);
        } else if let Some(w) = s
            .words
            .as_deref()
            .filter(|w| !w.is_empty() && w.iter().all(|x| s.text.get(x.range.clone()).is_some()))
        {
            position = Position::Words;
            // Up to the last word that started before `at` (and everything between words,
            // such as punctuation, up to its end).
            let cut = w
                .iter()
                .take_while(|x| x.start < at)
                .last()
                .map_or(0, |x| x.range.end);
            push(&mut before, &s.text[..cut]);
            after += w.iter().filter(|x| x.start >= at).count().min(COUNT_CAP);
        } else {
            let frac = (at - sp.start) as f64 / sp.len_ms().max(1) as f64;
            let ascii = s.text.is_ascii();
            let n = if ascii {
                s.text.len()
            } else {
                s.text.chars().count()
            };
            let cut_chars = (frac * n as f64).round() as usize;
            // Cut at the word boundary before the estimated character.
            let mut cut = if ascii {
                cut_chars.min(s.text.len())
            } else {
                s.text
                    .char_indices()
                    .nth(cut_chars)
                    .map_or(s.text.len(), |(b, _)| b)
            };
            while cut > 0 && cut < s.text.len() && !s.text[..cut].ends_with(char::is_whitespace) {
                cut = s.text[..cut]
                    .char_indices()
                    .next_back()
                    .map_or(0, |(b, _)| b);
            }
            push(&mut before, &s.text[..cut]);
            after += count_words(&s.text[cut..], COUNT_CAP);
        }
    }
    if let Some(prev) = last_before {
        push(&mut before, prev);
    }
    (before, after.min(COUNT_CAP), position)
}

fn push(out: &mut String, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openings() {
        let o = opening(
            "Yeah, but I was just thinking more of --",
            true,
            COUNT_CAP,
            Lang::EN,
        );
        assert_eq!(o.contrast.as_deref(), Some("but"));
        assert_eq!(o.agreement, None);
        let o = opening("Exactly. That's what I meant.", true, COUNT_CAP, Lang::EN);
        assert_eq!(o.agreement.as_deref(), Some("exactly"));
        let o = opening("Um, can I just add something?", true, COUNT_CAP, Lang::EN);
        assert_eq!(o.grab.as_deref(), Some("can i just"));
        assert!(o.question);
        let o = opening("The budget is fine.", true, COUNT_CAP, Lang::EN);
        assert_eq!(
            o,
            Opening {
                words: 4,
                ..Opening::default()
            }
        );
    }

    #[test]
    fn endings() {
        assert_eq!(
            ending("I'll make you presenter, so…", Lang::EN)
                .trail
                .as_deref(),
            Some("so")
        );
        assert!(ending("Do they ship, or are they more…", Lang::EN).question);
        assert!(ending("Is that okay?", Lang::EN).question);
        assert!(ending("Our song will begin in…", Lang::EN).mid_clause);
        assert!(ending("We decided that.", Lang::EN).complete);
        assert!(ending("Sorry, carry on. [laugh]", Lang::EN).complete);
        let e = ending("and then we…", Lang::EN);
        assert!(e.mid_clause && !e.complete && e.trail.is_none());
    }
}
