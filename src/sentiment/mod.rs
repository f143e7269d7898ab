//! Sentence sentiment: a faithful Rust implementation of VADER as released in
//! **vaderSentiment 3.3.2** (PyPI), rule by rule, quirks included.
//!
//! VADER (Hutto & Gilbert, ICWSM 2014) is a lexicon- and rule-based scorer. For one text it
//! returns a `compound` score in \[-1, 1\] and the proportions `pos`, `neu`, `neg` of
//! positive, neutral and negative weight. The lexicons are the package's own files
//! (`lexicons/vader/`, MIT, © 2016 C.J. Hutto), embedded at build time; nothing is read at
//! run time. The raw scores of [`Analyzer::polarity_scores`] are equal, bit for bit, to the
//! values Python computes just before its final `round()`, and [`Scores::rounded`] equals
//! the dictionary Python returns. `tests/vader/differential.sh` checks both on VADER's
//! 23,703 ground-truth sentences and on the project's own cases.
//!
//! # The algorithm (`SentimentIntensityAnalyzer.polarity_scores`)
//!
//! 1. **Emoji.** Each code point of the text that is a key of `emoji_utf8_lexicon.txt` is
//!    replaced by its description (`😀` → `grinning face`), preceded by a space unless the
//!    previous output character was a space.
//! 2. **Tokens.** The text is split on whitespace (`str.split()`). Each token loses its
//!    leading and trailing ASCII punctuation, unless that leaves two characters or fewer.
//!    The text is "cap-differential" when some, but not all, tokens are `isupper()`.
//! 3. **Valence per token** (every comparison on the lower-cased token):
//!    - a booster word, or `kind` followed by `of`, scores 0;
//!    - a word not in the lexicon scores 0;
//!    - otherwise start from its lexicon valence, then apply in order: the "no" rules (`no`
//!      before a lexicon word scores 0; a word 1–2 tokens after `no`, or 3 after `no` with
//!      `or`/`nor` just before it, is negated, ×−0.74); ALL CAPS emphasis (±0.733, only
//!      when cap-differential); for each of the 3 preceding tokens that is *not* a lexicon
//!      word: its booster value (±0.293, scaled ×1 / ×0.95 / ×0.9 with distance, ±0.733 if
//!      the booster is in caps), then the negation check for that distance (`never so/this`
//!      ×1.25, `without doubt` unchanged, a negation word or `n't` ×−0.74), and at distance
//!      3 the idiom check (`SPECIAL_CASES` replace the valence; the bigrams `kind of`,
//!      `sort of`, `just enough` add their booster value); finally `least` just before the
//!      word negates it, except after `at`/`very`.
//! 4. **But.** If a token is `but`, valences before the first `but` are halved and those
//!    after it ×1.5.
//! 5. **Scores.** The valences are summed; `!` (0.292 each, at most 4) and `??`/`???`
//!    (0.18 each; 0.96 for 4 or more; a single `?` adds nothing) push the sum away from 0.
//!    `compound = sum / sqrt(sum² + 15)`. `pos`/`neg` are the sums of (valence ± 1) over
//!    positive/negative tokens, `neu` the number of zero tokens, the punctuation amplifier
//!    is added to the larger of pos/neg, and the three are divided by their total.
//!
//! # Quirks of 3.3.2 copied on purpose
//!
//! A faithful score needs these, even where they look like bugs:
//! - **Lower-case lookups only.** Upper-case lexicon keys (`:D`, `:P`, `XD`…) can never
//!   match; duplicate keys keep the *last* value (`ok` 1.2, `lol` 1.8).
//! - **Strip threshold.** `no,` `ok!` `:(` keep their punctuation (stripping would leave
//!   ≤ 2 characters), so `no,` is neither the word `no` nor in the lexicon.
//! - **`isupper()` semantics.** Digits and punctuation are neutral (`2ND` is caps; `:(`
//!   and `...` are not).
//! - **Caps on a zero valence.** A caps word whose valence is 0 (e.g. `NO` before a
//!   lexicon word) gets −0.733, because the test is `if valence > 0 … else`.
//! - **The "no" override.** The negation by a preceding `no` is computed from the lexicon
//!   value, so it replaces the 0 of a `no` followed by another lexicon word ("no no no"
//!   scores positive).
//! - **Modifiers only count when they are not lexicon words.** Boosters, negations and
//!   idioms at distance *d* are applied only if the token at distance *d* is not in the
//!   lexicon; the idiom check runs only when the token 3 back is not in the lexicon (so it
//!   never runs for the first 3 tokens).
//! - **Operator precedence** in the 3-back negation test:
//!   `never and (so or this) or (so or this)`, so a `so`/`this` just before the word
//!   multiplies by 1.25 on its own.
//! - **Emoji lookup per code point.** Only the 1,212 single-code-point emoji can match;
//!   `❤️` (with U+FE0F) becomes `red heart\u{fe0f}` and has no sentiment; text right after
//!   an emoji is glued to the description (`😀great` → `grinning facegreat`). The
//!   descriptions "ON! arrow" and "UP! button" add a `!` to the punctuation count.
//! - **`_but_check` uses `list.index(value)`**: each valence is scaled at the *first*
//!   position holding an equal value, so repeated equal valences can be scaled at the wrong
//!   position or twice. Only the first `but` counts.
//! - **Neutral punctuation.** The amplifier is added to the sum only when it is non-zero,
//!   and a single `?` adds nothing.
//! - **Python's float summation** (CPython ≤ 3.11: left to right, no compensation).
//!   CPython 3.12 switched `sum()` to compensated summation, so the raw values of 3.3.2 on a
//!   newer Python can differ in the last bit; the reference here is CPython 3.11.
//! - **`SENTIMENT_LADEN_IDIOMS`** ("cut the mustard", "under the weather"…) is defined
//!   but never used; the single-word `SPECIAL_CASES` key `badass` can never match.
//! - **Unicode of CPython 3.11** (14.0) for `split`, `isupper` and `lower`, including the
//!   information separators U+001C–U+001F as whitespace; characters that newer Unicode
//!   versions made cased are treated as caseless (see `text.rs`). Not reproduced:
//!   final-sigma contexts that involve characters whose case status changed after 14.0.
//!
//! Rounding (`round(x, 3)`, `round(x, 4)`) is Python's correctly rounded, ties-to-even on
//! the exact binary value; [`Scores::rounded`] uses Rust's exact decimal formatting, which
//! rounds the same way (a naive `(x * 1e3).round() / 1e3` does not, e.g. for 0.8125).
//!
//! # Performance
//!
//! The tables are built once per process (`OnceLock`, a few milliseconds); an [`Analyzer`]
//! is a reference to them, `Copy`, `Send + Sync`. Scoring uses no regex and does not
//! allocate for ASCII text: one pass splits the text, each token is lower-cased on the
//! stack and looked up once in a compact open-addressing table (slots, entries and key bytes
//! in about 360 KB, so it stays in cache) that answers lexicon, booster, negation and
//! control-word questions together; per-call buffers are reused per thread; the emoji pass
//! is skipped for ASCII text. `cargo bench --bench vader` measures it (several hundred
//! thousand sentences per second per core on VADER's ground-truth sentences).

mod lexicon;
mod rules;
mod text;

#[cfg(test)]
mod tests;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use lexicon::{Tables, WordInfo};
use rules::{
    ALPHA, C_INCR, EP_AMPLIFIER, EP_MAX_COUNT, N_SCALAR, QM_AMPLIFIER, QM_MAX_AMPLIFIER, Word,
};
use text::{PySplit, py_isupper, py_lower_into, strip_punc_if_word};

/// The four VADER scores of one text.
///
/// From [`Analyzer::polarity_scores`] they are raw (unrounded); [`Scores::rounded`] gives
/// the values vaderSentiment 3.3.2 returns.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct Scores {
    /// Normalised, weighted composite score in \[-1, 1\]. Conventional thresholds:
    /// ≥ 0.05 positive, ≤ −0.05 negative, neutral in between.
    pub compound: f64,
    /// Proportion of positive weight, in \[0, 1\].
    pub pos: f64,
    /// Proportion of neutral weight, in \[0, 1\].
    pub neu: f64,
    /// Proportion of negative weight, in \[0, 1\].
    pub neg: f64,
}

impl Scores {
    /// All four zero: what VADER returns for a text without tokens.
    pub const ZERO: Scores = Scores {
        compound: 0.0,
        pos: 0.0,
        neu: 0.0,
        neg: 0.0,
    };

    /// Rounded as vaderSentiment 3.3.2 rounds its output: Python's `round()` to 4 places
    /// for `compound` and 3 places for `pos`, `neu` and `neg` (correctly rounded, ties to
    /// even on the exact binary value; `-0.0` stays `-0.0`).
    #[must_use]
    pub fn rounded(&self) -> Scores {
        Scores {
            compound: py_round(self.compound, 4),
            pos: py_round(self.pos, 3),
            neu: py_round(self.neu, 3),
            neg: py_round(self.neg, 3),
        }
    }
}

/// Python's `round(x, digits)` for a float: the correctly rounded decimal with `digits`
/// places, read back as the nearest `f64`.
fn py_round(x: f64, digits: usize) -> f64 {
    if !x.is_finite() {
        return x;
    }
    format!("{x:.digits$}").parse().unwrap_or(x)
}

/// The VADER sentiment analyser (vaderSentiment 3.3.2).
///
/// Cheap to construct and to copy: the lexicon tables are built once per process, on
/// first use, and shared. `Send + Sync`; one instance can serve many threads.
#[derive(Clone, Copy, Debug)]
pub struct Analyzer {
    tables: &'static Tables,
}

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Analyzer>();
    assert_send_sync::<Scores>();
};

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

/// Per-token facts, computed once per call.
#[derive(Clone, Copy, Debug, Default)]
struct Token {
    info: WordInfo,
    /// `negated([token])`: in `NEGATE` or contains `n't`.
    negated: bool,
    /// `token.isupper()`.
    upper: bool,
}

impl Token {
    #[inline]
    fn in_lexicon(&self) -> bool {
        self.info.lex().is_some()
    }

    #[inline]
    fn is(&self, word: Word) -> bool {
        self.info.word == word
    }
}

/// Buffers reused between calls on the same thread.
#[derive(Default)]
struct Scratch {
    text: String,
    lower: String,
    tokens: Vec<Token>,
    sentiments: Vec<f64>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// ASCII tokens up to this many bytes (longer than any key) are lower-cased on the stack.
const SHORT: usize = 32;

/// Lengths above which a buffer is dropped rather than kept for the next call.
const KEEP_TEXT: usize = 1 << 16;
const KEEP_TOKENS: usize = 1 << 13;

impl Analyzer {
    /// An analyser over the embedded 3.3.2 lexicons. The first call in a process parses
    /// them (a few milliseconds); later calls are free.
    #[must_use]
    pub fn new() -> Self {
        Analyzer {
            tables: Tables::get(),
        }
    }

    /// A process-wide analyser.
    pub fn global() -> &'static Analyzer {
        static GLOBAL: std::sync::OnceLock<Analyzer> = std::sync::OnceLock::new();
        GLOBAL.get_or_init(Analyzer::new)
    }

    /// Scores `text` as vaderSentiment 3.3.2's `polarity_scores(text)` does, but returns
    /// the values *before* Python's final `round()`; call [`Scores::rounded`] for the
    /// rounded ones. Never panics; a text without tokens scores [`Scores::ZERO`].
    #[must_use]
    pub fn polarity_scores(&self, text: &str) -> Scores {
        let run = |scratch: &mut Scratch| {
            let scores = self.score(text, scratch);
            if scratch.text.capacity() > KEEP_TEXT || scratch.lower.capacity() > KEEP_TEXT {
                scratch.text = String::new();
                scratch.lower = String::new();
            }
            if scratch.tokens.capacity() > KEEP_TOKENS {
                scratch.tokens = Vec::new();
                scratch.sentiments = Vec::new();
            }
            scores
        };
        SCRATCH
            .try_with(|cell| match cell.try_borrow_mut() {
                Ok(mut scratch) => run(&mut scratch),
                Err(_) => run(&mut Scratch::default()),
            })
            .unwrap_or_else(|_| run(&mut Scratch::default()))
    }

    fn score(&self, text: &str, scratch: &mut Scratch) -> Scores {
        let Scratch {
            text: text_buf,
            lower,
            tokens,
            sentiments,
        } = scratch;
        let text = self.replace_emoji(text, text_buf);

        tokens.clear();
        for raw in PySplit::new(text) {
            tokens.push(self.token(strip_punc_if_word(raw), lower));
        }
        if tokens.is_empty() {
            return Scores::ZERO;
        }
        let n_upper = tokens.iter().filter(|t| t.upper).count();
        let cap_diff = n_upper > 0 && n_upper < tokens.len();

        sentiments.clear();
        for i in 0..tokens.len() {
            let t = tokens[i];
            if t.info.booster().is_some()
                || (t.is(Word::Kind) && tokens.get(i + 1).is_some_and(|n| n.is(Word::Of)))
            {
                sentiments.push(0.0);
                continue;
            }
            sentiments.push(self.sentiment_valence(tokens, i, cap_diff));
        }

        but_check(tokens, sentiments);
        score_valence(sentiments, text)
    }

    /// The facts about one (stripped) token: one table lookup of its lower-cased form.
    #[inline]
    fn token(&self, word: &str, lower: &mut String) -> Token {
        let words = &self.tables.words;
        let bytes = word.as_bytes();
        if bytes.len() <= SHORT && bytes.is_ascii() {
            // Fast path: lower-case on the stack, track case while doing so.
            let mut buf = [0u8; SHORT];
            let (mut has_lower, mut has_upper) = (false, false);
            for (dst, &b) in buf.iter_mut().zip(bytes) {
                has_lower |= b.is_ascii_lowercase();
                has_upper |= b.is_ascii_uppercase();
                *dst = b.to_ascii_lowercase();
            }
            let low = &buf[..bytes.len()];
            let info = words.get(low).copied().unwrap_or_default();
            return Token {
                info,
                negated: info.negate() || contains_nt(low),
                upper: has_upper && !has_lower,
            };
        }
        py_lower_into(word, lower);
        let info = words.get(lower.as_bytes()).copied().unwrap_or_default();
        Token {
            info,
            negated: info.negate() || contains_nt(lower.as_bytes()),
            upper: py_isupper(word),
        }
    }

    /// Step 1: emoji → descriptions. Returns `text` itself when nothing is replaced.
    fn replace_emoji<'a>(&self, text: &'a str, buf: &'a mut String) -> &'a str {
        // No emoji key is ASCII (checked by a test), so ASCII text is left as it is.
        if text.is_ascii() {
            return text;
        }
        let emoji = &self.tables.emoji;
        let Some(first) = text
            .char_indices()
            .find(|&(_, c)| !c.is_ascii() && emoji.contains_key(&c))
            .map(|(at, _)| at)
        else {
            return text;
        };
        buf.clear();
        let head = text.get(..first).unwrap_or("");
        buf.push_str(head);
        let mut prev_space = head.is_empty() || head.ends_with(' ');
        for c in text.get(first..).unwrap_or("").chars() {
            match (!c.is_ascii()).then(|| emoji.get(&c)).flatten() {
                Some(description) => {
                    if !prev_space {
                        buf.push(' ');
                    }
                    buf.push_str(description);
                    prev_space = false;
                }
                None => {
                    buf.push(c);
                    prev_space = c == ' ';
                }
            }
        }
        // Python strips the result; that changes neither the tokens nor the `!`/`?` count.
        buf.as_str()
    }

    /// `sentiment_valence`: the valence of the token at `i` (not a booster).
    fn sentiment_valence(&self, toks: &[Token], i: usize, cap_diff: bool) -> f64 {
        let t = toks[i];
        let Some(lex) = t.info.lex() else {
            return 0.0;
        };
        let n = toks.len();
        let at = |k: usize| toks[k];
        let mut valence = lex;

        // "no" as a negation of the next lexicon word rather than a word of its own.
        if t.is(Word::No) && i != n - 1 && at(i + 1).in_lexicon() {
            valence = 0.0;
        }
        if (i > 0 && at(i - 1).is(Word::No))
            || (i > 1 && at(i - 2).is(Word::No))
            || (i > 2 && at(i - 3).is(Word::No) && at(i - 1).is(Word::OrNor))
        {
            valence = lex * N_SCALAR;
        }

        // ALL CAPS emphasis (a zero valence goes down: `else` branch).
        if t.upper && cap_diff {
            if valence > 0.0 {
                valence += C_INCR;
            } else {
                valence -= C_INCR;
            }
        }

        for start_i in 0..3 {
            if i > start_i && !at(i - (start_i + 1)).in_lexicon() {
                let mut s = scalar_inc_dec(&at(i - (start_i + 1)), valence, cap_diff);
                if start_i == 1 && s != 0.0 {
                    s *= 0.95;
                }
                if start_i == 2 && s != 0.0 {
                    s *= 0.9;
                }
                valence += s;
                valence = negation_check(valence, toks, start_i, i);
                if start_i == 2 {
                    valence = self.special_idioms_check(valence, toks, i);
                }
            }
        }

        least_check(valence, toks, i)
    }

    /// `_special_idioms_check` (only reached with `i >= 3`).
    fn special_idioms_check(&self, mut valence: f64, toks: &[Token], i: usize) -> f64 {
        let n = toks.len();
        let id = |k: usize| toks.get(k).map_or(0, |t| t.info.phrase);
        // Fast exit: no word of the window is part of any multi-word key.
        let hi = (i + 2).min(n - 1);
        if (i - 3..=hi).all(|k| id(k) == 0) {
            return valence;
        }
        let special = |ids: &[u8]| -> Option<f64> {
            if ids.contains(&0) {
                return None;
            }
            self.tables
                .special_cases
                .iter()
                .find(|p| p.matches(ids))
                .map(|p| p.value)
        };
        let (w3, w2, w1, w0) = (id(i - 3), id(i - 2), id(i - 1), id(i));
        let onezero = [w1, w0];
        let twoonezero = [w2, w1, w0];
        let twoone = [w2, w1];
        let threetwoone = [w3, w2, w1];
        let threetwo = [w3, w2];
        let sequences: [&[u8]; 5] = [&onezero, &twoonezero, &twoone, &threetwoone, &threetwo];
        for seq in sequences {
            if let Some(v) = special(seq) {
                valence = v;
                break;
            }
        }
        if n - 1 > i
            && let Some(v) = special(&[w0, id(i + 1)])
        {
            valence = v;
        }
        if n - 1 > i + 1
            && let Some(v) = special(&[w0, id(i + 1), id(i + 2)])
        {
            valence = v;
        }
        // Booster/dampener bigrams such as "sort of", "kind of".
        let n_grams: [&[u8]; 3] = [&threetwoone, &threetwo, &twoone];
        for n_gram in n_grams {
            if n_gram.contains(&0) {
                continue;
            }
            if let Some(p) = self
                .tables
                .booster_phrases
                .iter()
                .find(|p| p.matches(n_gram))
            {
                valence += p.value;
            }
        }
        valence
    }
}

/// `"n't" in word`.
#[inline]
fn contains_nt(word: &[u8]) -> bool {
    word.windows(3).any(|w| w == b"n't")
}

/// `scalar_inc_dec`: the booster/dampener contribution of a preceding token.
#[inline]
fn scalar_inc_dec(tok: &Token, valence: f64, cap_diff: bool) -> f64 {
    let Some(booster) = tok.info.booster() else {
        return 0.0;
    };
    let mut scalar = booster;
    if valence < 0.0 {
        scalar *= -1.0;
    }
    if tok.upper && cap_diff {
        if valence > 0.0 {
            scalar += C_INCR;
        } else {
            scalar -= C_INCR;
        }
    }
    scalar
}

/// `_negation_check` for the token `start_i + 1` places before `i`.
fn negation_check(valence: f64, toks: &[Token], start_i: usize, i: usize) -> f64 {
    let at = |k: usize| toks[k];
    match start_i {
        0 => {
            if at(i - 1).negated {
                return valence * N_SCALAR;
            }
        }
        1 => {
            if at(i - 2).is(Word::Never) && at(i - 1).is(Word::SoThis) {
                return valence * 1.25;
            } else if at(i - 2).is(Word::Without) && at(i - 1).is(Word::Doubt) {
                return valence;
            } else if at(i - 2).negated {
                return valence * N_SCALAR;
            }
        }
        _ => {
            // Python: `never and (so or this) or (so or this)` — precedence quirk kept.
            if (at(i - 3).is(Word::Never) && at(i - 2).is(Word::SoThis))
                || at(i - 1).is(Word::SoThis)
            {
                return valence * 1.25;
            } else if at(i - 3).is(Word::Without)
                && (at(i - 2).is(Word::Doubt) || at(i - 1).is(Word::Doubt))
            {
                return valence;
            } else if at(i - 3).negated {
                return valence * N_SCALAR;
            }
        }
    }
    valence
}

/// `_least_check`: "least X" negates X, except "at least" and "very least".
fn least_check(valence: f64, toks: &[Token], i: usize) -> f64 {
    if i > 0 && !toks[i - 1].in_lexicon() && toks[i - 1].is(Word::Least) {
        if i > 1 && toks[i - 2].is(Word::AtVery) {
            return valence;
        }
        return valence * N_SCALAR;
    }
    valence
}

/// `_but_check`, with its `list.index` behaviour: every valence is scaled at the first
/// position that holds an equal value.
fn but_check(toks: &[Token], sentiments: &mut [f64]) {
    let Some(bi) = toks.iter().position(|t| t.is(Word::But)) else {
        return;
    };
    // The literal scan is quadratic in the number of equal valences; long texts take an
    // index of positions by value instead (same result, see the test).
    if sentiments.iter().filter(|&&v| v != 0.0).count() > 256 {
        but_check_indexed(bi, sentiments);
    } else {
        but_check_literal(bi, sentiments);
    }
}

/// [`but_check`] as Python does it, for a `but` at `bi`.
fn but_check_literal(bi: usize, sentiments: &mut [f64]) {
    for k in 0..sentiments.len() {
        let v = sentiments[k];
        // A zero would be replaced by a zero (possibly of the other sign, which no later
        // step can observe), so zeros are skipped.
        if v == 0.0 {
            continue;
        }
        let si = sentiments[..=k].iter().position(|&x| x == v).unwrap_or(k);
        if si < bi {
            sentiments[si] = v * 0.5;
        } else if si > bi {
            sentiments[si] = v * 1.5;
        }
    }
}

/// [`but_check`] in O(n log n): for every non-zero value, the ordered set of positions
/// currently holding it. Valences are finite, and non-zero finite floats are equal exactly
/// when their bits are.
fn but_check_indexed(bi: usize, sentiments: &mut [f64]) {
    let mut positions: BTreeMap<u64, BTreeSet<usize>> = BTreeMap::new();
    for (k, &v) in sentiments.iter().enumerate() {
        if v != 0.0 {
            positions.entry(v.to_bits()).or_default().insert(k);
        }
    }
    for k in 0..sentiments.len() {
        let v = sentiments[k];
        if v == 0.0 {
            continue;
        }
        let si = positions
            .get(&v.to_bits())
            .and_then(|set| set.first().copied())
            .unwrap_or(k);
        let new = if si < bi {
            v * 0.5
        } else if si > bi {
            v * 1.5
        } else {
            continue;
        };
        sentiments[si] = new;
        if let Some(set) = positions.get_mut(&v.to_bits()) {
            set.remove(&si);
        }
        if new != 0.0 {
            positions.entry(new.to_bits()).or_default().insert(si);
        }
    }
}

/// `_punctuation_emphasis` over the (emoji-replaced) text.
fn punctuation_emphasis(text: &str) -> f64 {
    let bytes = text.as_bytes();
    let ep: usize = bytes.iter().map(|&b| usize::from(b == b'!')).sum();
    let qm: usize = bytes.iter().map(|&b| usize::from(b == b'?')).sum();
    let ep_amplifier = ep.min(EP_MAX_COUNT) as f64 * EP_AMPLIFIER;
    let qm_amplifier = if qm > 1 {
        if qm <= 3 {
            qm as f64 * QM_AMPLIFIER
        } else {
            QM_MAX_AMPLIFIER
        }
    } else {
        0.0
    };
    ep_amplifier + qm_amplifier
}

/// `normalize`: `score / sqrt(score² + alpha)`, clamped to \[-1, 1\].
fn normalize(score: f64) -> f64 {
    let norm = score / (score * score + ALPHA).sqrt();
    norm.clamp(-1.0, 1.0)
}

/// `score_valence` without the final rounding.
fn score_valence(sentiments: &[f64], text: &str) -> Scores {
    if sentiments.is_empty() {
        return Scores::ZERO;
    }
    // Python's `sum()` (CPython <= 3.11): plain left-to-right addition.
    let mut sum_s = 0.0;
    for &s in sentiments {
        sum_s += s;
    }
    let amplifier = punctuation_emphasis(text);
    if sum_s > 0.0 {
        sum_s += amplifier;
    } else if sum_s < 0.0 {
        sum_s -= amplifier;
    }
    let compound = normalize(sum_s);

    // _sift_sentiment_scores
    let (mut pos_sum, mut neg_sum, mut neu_count) = (0.0f64, 0.0f64, 0usize);
    for &s in sentiments {
        if s > 0.0 {
            pos_sum += s + 1.0;
        }
        if s < 0.0 {
            neg_sum += s - 1.0;
        }
        if s == 0.0 {
            neu_count += 1;
        }
    }
    if pos_sum > neg_sum.abs() {
        pos_sum += amplifier;
    } else if pos_sum < neg_sum.abs() {
        neg_sum -= amplifier;
    }
    let total = pos_sum + neg_sum.abs() + neu_count as f64;
    Scores {
        compound,
        pos: (pos_sum / total).abs(),
        neu: (neu_count as f64 / total).abs(),
        neg: (neg_sum / total).abs(),
    }
}
