//! Words, fillers, hedges, questions and listener tokens: the text side of the dynamics.
//!
//! **Words**: whitespace-separated tokens that contain a letter or digit; bracketed sound
//! annotations (`[laugh]`, `[other]`, AMI style) are not words. A token holding characters of
//! a script written without spaces (Chinese, Japanese, Thai, …, [`crate::lang::is_spaceless`])
//! or CJK punctuation is split at UAX #29 word boundaries: its words of other scripts count
//! as words, its characters of those scripts count as **characters** (the length and pace of
//! speakers of such languages, see [`crate::lang`]).
//!
//! **Fillers** (`lexicons/dynamics/fillers.txt`), **hedges** (`hedges.txt`): phrase matches
//! over normalised tokens (lower case, outer punctuation removed), counted per 100 words.
//! `like` counts as a filler only when it touches a comma (`like, we`, `so, like`) or follows
//! another filler (`um like`); otherwise it is a verb or preposition.
//!
//! **Questions**: in a punctuated transcript, sentences ending with `?`; in one without
//! sentence punctuation (fewer than one `.`/`?`/`!` per 40 words), a segment that starts with a
//! question word or auxiliary (`question-starters.txt`).
//!
//! **Backchannel**: a text made only of listener tokens (`backchannels.txt`, including
//! `[laugh]`; bracketed sounds such as `[other]` are skipped) with at most
//! [`BACKCHANNEL_MAX_WORDS`] tokens.

use crate::lang::{Lang, is_wide_terminator};
use std::collections::HashMap;
use std::sync::OnceLock;
use unicode_segmentation::UnicodeSegmentation;

/// The longest utterance (in tokens) that can be a backchannel ("yeah yeah yeah, right").
pub const BACKCHANNEL_MAX_WORDS: usize = 4;

/// Id of a token that occurs in no list.
const NO_ID: u32 = u32::MAX;

/// Every token that occurs in some list, with a dense id: phrases are matched by comparing
/// ids, and each token of a text is looked up once.
///
/// Keys of up to 16 bytes (all of the built-in lists' tokens) live in a small open-addressing
/// table keyed by the zero-padded bytes and the length, so a lookup is a multiply, a load and
/// a compare; longer keys, if a list ever has one, in a `HashMap`.
#[derive(Debug)]
struct Vocab {
    /// Zero-padded keys; `lens[i] == 0` marks an empty slot.
    keys: Vec<u128>,
    /// (key length, id) per slot.
    meta: Vec<(u8, u32)>,
    long: HashMap<Box<[u8]>, u32>,
    /// Number of ids given.
    len: u32,
    /// Longest key, in bytes: longer tokens are in no list.
    max_len: usize,
    /// By key length (up to 16): bit `c & 31` set for each first byte `c` of a key of that
    /// length. A token whose bit is clear is in no list (checked before building its key).
    first: [u32; 17],
    /// Look a token up again with `’` read as `'` (every language but English).
    fold_curly: bool,
}

/// Slots of the table (a power of two; the built-in lists have about 170 distinct tokens).
const SLOTS: usize = 512;

impl Default for Vocab {
    fn default() -> Self {
        Vocab {
            keys: vec![0; SLOTS],
            meta: vec![(0, 0); SLOTS],
            long: HashMap::new(),
            len: 0,
            max_len: 0,
            first: [0; 17],
            fold_curly: false,
        }
    }
}

/// A key of at most 16 bytes, ASCII-lower-cased and zero-padded, built in registers (no
/// store-then-load of a stack buffer, which stalls on store forwarding).
#[inline]
fn pad(key: &[u8]) -> u128 {
    let (mut lo, mut hi) = (0u64, 0u64);
    for (k, &c) in key.iter().enumerate() {
        let c = u64::from(c.to_ascii_lowercase());
        if k < 8 {
            lo |= c << (8 * k);
        } else {
            hi |= c << (8 * (k - 8));
        }
    }
    u128::from(lo) | (u128::from(hi) << 64)
}

impl Vocab {
    #[inline]
    fn slot(k: u128) -> usize {
        let h =
            ((k as u64) ^ ((k >> 64) as u64).rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> 55) as usize & (SLOTS - 1)
    }

    /// Interns a list token (already lower case).
    fn intern(&mut self, word: &str) -> u32 {
        let key = word.as_bytes();
        if let Some(id) = self.get_bytes(key) {
            return id;
        }
        let id = self.len;
        self.len += 1;
        self.max_len = self.max_len.max(key.len());
        if key.is_empty() || key.len() > 16 || key.iter().any(u8::is_ascii_uppercase) {
            // (Upper-case ASCII cannot come from `to_lowercase`; kept out of the padded
            // table, whose lookups lower-case.)
            self.long.insert(key.into(), id);
            return id;
        }
        // Keep the table at most half full.
        assert!((self.len as usize) < SLOTS / 2, "word lists too large");
        self.first[key.len()] |= 1 << (key[0] & 31);
        let k = pad(key);
        let mut i = Self::slot(k);
        while self.meta[i].0 != 0 {
            i = (i + 1) & (SLOTS - 1);
        }
        self.keys[i] = k;
        self.meta[i] = (key.len() as u8, id);
        id
    }

    /// Looks up an exact key (any bytes).
    fn get_bytes(&self, key: &[u8]) -> Option<u32> {
        if key.is_empty() || key.len() > 16 || key.iter().any(u8::is_ascii_uppercase) {
            return if self.long.is_empty() {
                None
            } else {
                self.long.get(key).copied()
            };
        }
        self.get_padded(pad(key), key.len())
    }

    /// Looks up a key of 1 to 16 bytes given ASCII-lower-cased and zero-padded, and its
    /// length.
    #[inline]
    fn get_padded(&self, k: u128, len: usize) -> Option<u32> {
        let mut i = Self::slot(k);
        loop {
            let (sl, id) = self.meta[i];
            if sl == 0 {
                return None;
            }
            if usize::from(sl) == len && self.keys[i] == k {
                return Some(id);
            }
            i = (i + 1) & (SLOTS - 1);
        }
    }

    #[inline]
    fn get(&self, norm: &[u8]) -> u32 {
        // `’` (E2 80 99) is read as `'` (`d’accord`, `c’è`; not for English, whose figures
        // stay as they were measured): a token with it may be longer than its key.
        let curly = self.fold_curly && norm.windows(3).any(|w| w == "’".as_bytes());
        if norm.len() > self.max_len && !curly {
            return NO_ID;
        }
        match self.get_bytes(norm) {
            Some(id) => id,
            None if curly => std::str::from_utf8(norm)
                .ok()
                .map(|n| n.replace('’', "'"))
                .and_then(|n| self.get_bytes(n.as_bytes()))
                .unwrap_or(NO_ID),
            None => NO_ID,
        }
    }
}

/// A phrase list loaded from a `lexicons/dynamics/*.txt` file.
#[derive(Debug)]
pub struct PhraseList {
    /// Phrases as token ids, longest first (file order among equal lengths).
    phrases: Vec<Vec<u32>>,
    /// By first token id: the indices of the phrases starting with it, in `phrases` order.
    by_first: Vec<Vec<u16>>,
}

impl PhraseList {
    /// Parses a list: one phrase per line, `#` comments, blank lines ignored.
    fn parse(text: &str, vocab: &mut Vocab) -> PhraseList {
        let mut phrases: Vec<Vec<u32>> = text
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .map(|l| {
                l.split_whitespace()
                    .map(|w| vocab.intern(&w.to_lowercase()))
                    .collect()
            })
            .collect();
        // Longest first, so "you know" wins over a one-word entry starting the same way.
        phrases.sort_by_key(|p: &Vec<u32>| std::cmp::Reverse(p.len()));
        let mut by_first: Vec<Vec<u16>> = Vec::new();
        for (k, p) in phrases.iter().enumerate() {
            let f = p[0] as usize;
            if by_first.len() <= f {
                by_first.resize(f + 1, Vec::new());
            }
            by_first[f].push(k as u16);
        }
        PhraseList { phrases, by_first }
    }

    /// The length (in tokens) of the longest phrase matching at `tokens[i..]`.
    fn match_at(&self, tokens: &[Tok], i: usize) -> Option<usize> {
        let starts = self.by_first.get(tokens[i].id as usize)?;
        starts
            .iter()
            .map(|&k| &self.phrases[k as usize])
            .find(|p| {
                i + p.len() <= tokens.len() && p.iter().zip(&tokens[i..]).all(|(&a, t)| a == t.id)
            })
            .map(Vec::len)
    }
}

/// The built-in lists (embedded from `lexicons/dynamics/`).
pub struct Lists {
    /// Listener tokens.
    pub backchannels: PhraseList,
    /// Fillers.
    pub fillers: PhraseList,
    /// Hedges.
    pub hedges: PhraseList,
    /// Question starters.
    pub question_starters: PhraseList,
    /// The ids of every list's tokens.
    vocab: Vocab,
    /// The id of English `like` (a filler only next to a comma or after another filler);
    /// `None` for the other languages.
    like: Option<u32>,
}

/// The embedded English lists, parsed once.
pub fn lists() -> &'static Lists {
    lists_for(Lang::EN)
}

/// The embedded lists of `lang` (`lexicons/dynamics/<code>/`; English for a language
/// without lists of its own), parsed once per language.
pub fn lists_for(lang: Lang) -> &'static Lists {
    static LISTS: [OnceLock<Lists>; crate::lang::WITH_WORD_LISTS.len()] =
        [const { OnceLock::new() }; crate::lang::WITH_WORD_LISTS.len()];
    let (k, lang) = crate::lang::list_slot(lang);
    LISTS[k].get_or_init(|| {
        let mut vocab = Vocab {
            fold_curly: lang != Lang::EN,
            ..Vocab::default()
        };
        let mut parse = |stem| PhraseList::parse(crate::lang::word_list(lang, stem), &mut vocab);
        let backchannels = parse("backchannels");
        let fillers = parse("fillers");
        let hedges = parse("hedges");
        let question_starters = parse("question-starters");
        let like = (lang == Lang::EN).then(|| vocab.intern("like"));
        Lists {
            backchannels,
            fillers,
            hedges,
            question_starters,
            vocab,
            like,
        }
    })
}

/// One token of text: the raw form and its normalised form.
///
/// This is the reference definition of tokens (allocating a `String` per token); the
/// metrics use an equivalent allocation-free tokenizer, checked against this one in the tests.
#[derive(Debug, Clone)]
pub struct Token<'a> {
    /// As written.
    pub raw: &'a str,
    /// Lower case, outer punctuation removed (`[laugh]` keeps its brackets).
    pub norm: String,
    /// True for a word (has a letter or digit and is not a bracketed sound).
    pub is_word: bool,
}

/// Splits text into tokens.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    text.split_whitespace().filter_map(token_slow).collect()
}

/// The normalised form of one whitespace-free token (see [`Token`]); `None` when empty.
fn token_slow(raw: &str) -> Option<Token<'_>> {
    let bracketed = raw.starts_with('[') && raw.trim_end_matches([',', '.']).ends_with(']');
    let norm = if bracketed {
        raw.trim_end_matches([',', '.', '?', '!']).to_lowercase()
    } else {
        raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
            .trim_matches(['\'', '-'])
            .to_lowercase()
    };
    if norm.is_empty() {
        return None;
    }
    let is_word = !bracketed && norm.chars().any(char::is_alphanumeric);
    // `'kay` keeps its apostrophe.
    let norm = if raw.to_lowercase().starts_with("'kay") {
        "'kay".to_string()
    } else {
        norm
    };
    Some(Token { raw, norm, is_word })
}

/// A token as the metrics use it: no allocation, the list id looked up once.
#[derive(Clone, Copy, Debug)]
struct Tok {
    /// Byte range of the raw token in the text.
    start: u32,
    end: u32,
    /// Id in the lists' vocabulary, or [`NO_ID`].
    id: u32,
    /// A word (letter or digit, not a bracketed sound).
    is_word: bool,
    /// The normalised form starts with `[` (a bracketed sound such as `[laugh]`).
    sound: bool,
}

impl Tok {
    fn raw<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start as usize..self.end as usize]
    }
}

/// Byte classes for scanning: ASCII non-space, ASCII whitespace (as `char::is_whitespace`
/// sees it), a lead byte of a non-ASCII char that may be whitespace (U+0085, U+00A0: 0xC2;
/// U+1680: 0xE1; U+2000–U+205F: 0xE2; U+3000: 0xE3), any other non-ASCII byte.
const OTHER: u8 = 0;
const SPACE: u8 = 1;
const MAYBE: u8 = 2;
const WIDE: u8 = 3;
const CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut k = 0x80;
    while k < 256 {
        t[k] = WIDE;
        k += 1;
    }
    t[b' ' as usize] = SPACE;
    t[b'\t' as usize] = SPACE;
    t[b'\n' as usize] = SPACE;
    t[b'\r' as usize] = SPACE;
    t[0x0b] = SPACE;
    t[0x0c] = SPACE;
    t[0xc2] = MAYBE;
    t[0xe1] = MAYBE;
    t[0xe2] = MAYBE;
    t[0xe3] = MAYBE;
    t
};

/// Whether the char at byte `i` (a char boundary) is whitespace, and whether it is ASCII.
/// Continuation bytes (inside a char) count as non-whitespace, non-ASCII: scanning byte by
/// byte then gives the same runs as scanning char by char.
#[inline]
fn ws_at(text: &str, i: usize) -> (bool, bool) {
    match CLASS[text.as_bytes()[i] as usize] {
        OTHER => (false, true),
        SPACE => (true, true),
        MAYBE => (
            text.get(i..)
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_whitespace),
            false,
        ),
        _ => (false, false),
    }
}

/// Length in bytes of the whitespace char at `i` (only called where [`ws_at`] said so).
#[inline]
fn ws_len(b: u8) -> usize {
    match b {
        0xc2 => 2,
        0xe1..=0xe3 => 3,
        _ => 1,
    }
}

/// Tokenizes `text` into `out` (cleared first), as [`tokens`] does, looking each token up in
/// the lists' vocabulary. Stops early (returning false) once more than `max_spoken` tokens
/// that are not bracketed sounds have been seen.
fn tokenize(text: &str, vocab: &Vocab, out: &mut Vec<Tok>, max_spoken: usize) -> bool {
    tokenize_counting(text, vocab, out, max_spoken, &mut (0, 0))
}

/// `.`, `?` and `!`.
const MARK: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b'.' as usize] = 1;
    t[b'?' as usize] = 1;
    t[b'!' as usize] = 1;
    t
};

/// [`tokenize`], also adding to `raw` the whitespace-separated tokens and the sentence marks
/// (`.?!…`) of the text, as [`is_punctuated`] counts them (only meaningful when tokenizing
/// runs to the end).
fn tokenize_counting(
    text: &str,
    vocab: &Vocab,
    out: &mut Vec<Tok>,
    max_spoken: usize,
    raw: &mut (usize, usize),
) -> bool {
    out.clear();
    let b = text.as_bytes();
    // ASCII text (nearly all of it) needs no check of multi-byte whitespace.
    let all_ascii = text.is_ascii();
    let mut spoken = 0;
    let mut i = 0;
    while i < b.len() {
        let start;
        let mut ascii = true;
        if all_ascii {
            while i < b.len() && CLASS[b[i] as usize] == SPACE {
                i += 1;
            }
            if i == b.len() {
                break;
            }
            start = i;
            let mut marks = 0;
            while i < b.len() && CLASS[b[i] as usize] != SPACE {
                marks += usize::from(MARK[b[i] as usize]);
                i += 1;
            }
            raw.0 += 1;
            raw.1 += marks;
        } else {
            let (ws, _) = ws_at(text, i);
            if ws {
                i += ws_len(b[i]);
                continue;
            }
            start = i;
            while i < b.len() {
                let (ws, a) = ws_at(text, i);
                if ws {
                    break;
                }
                ascii &= a;
                i += 1;
            }
            raw.0 += 1;
            raw.1 += text[start..i]
                .chars()
                .filter(|&c| matches!(c, '.' | '?' | '!' | '…') || is_wide_terminator(c))
                .count();
        }
        let raw = &text[start..i];
        if let Some(t) = if ascii {
            tok_ascii(b, start, i, vocab)
        } else {
            token_slow(raw).map(|t| {
                (
                    vocab.get(t.norm.as_bytes()),
                    t.is_word,
                    t.norm.starts_with('['),
                )
            })
        } {
            out.push(Tok {
                start: start as u32,
                end: i as u32,
                id: t.0,
                is_word: t.1,
                sound: t.2,
            });
            spoken += usize::from(!t.2);
            if spoken > max_spoken {
                return false;
            }
        }
    }
    true
}

/// [`token_slow`] for an ASCII token, without allocating: (id, is_word, sound).
/// The token is `text[start..end]`; the bytes after it let the lookup load whole words.
fn tok_ascii(text: &[u8], start: usize, end: usize, vocab: &Vocab) -> Option<(u32, bool, bool)> {
    let r = &text[start..end];
    // A plain word (alphanumeric at both ends): nothing to trim, a word, not a sound, not
    // `'kay`.
    if r[0].is_ascii_alphanumeric() && r[r.len() - 1].is_ascii_alphanumeric() {
        return Some((lookup_in(text, start, end, vocab), true, false));
    }
    let trim_end = |s: &[u8], set: &[u8]| {
        let mut n = s.len();
        while n > 0 && set.contains(&s[n - 1]) {
            n -= 1;
        }
        n
    };
    let bracketed = r[0] == b'[' && {
        let n = trim_end(r, b",.");
        n > 0 && r[n - 1] == b']'
    };
    let norm: &[u8] = if bracketed {
        &r[..trim_end(r, b",.?!")]
    } else {
        let keep = |c: u8| c.is_ascii_alphanumeric() || c == b'\'' || c == b'-';
        let (mut a, mut z) = (0, r.len());
        while a < z && !keep(r[a]) {
            a += 1;
        }
        while z > a && !keep(r[z - 1]) {
            z -= 1;
        }
        while a < z && matches!(r[a], b'\'' | b'-') {
            a += 1;
        }
        while z > a && matches!(r[z - 1], b'\'' | b'-') {
            z -= 1;
        }
        &r[a..z]
    };
    if norm.is_empty() {
        return None;
    }
    let is_word = !bracketed && norm.iter().any(u8::is_ascii_alphanumeric);
    let sound = norm[0] == b'[';
    let id = if r.len() >= 4 && r[..4].eq_ignore_ascii_case(b"'kay") {
        vocab.get(b"'kay")
    } else {
        let a = start + (norm.as_ptr() as usize - r.as_ptr() as usize);
        lookup_in(text, a, a + norm.len(), vocab)
    };
    Some((id, is_word, sound))
}

/// ASCII lower case of the 8 bytes of `x` (all below 0x80), in a register.
#[inline]
fn lower8(x: u64) -> u64 {
    const LO: u64 = 0x0101_0101_0101_0101;
    let ge_a = x + LO * u64::from(0x80 - b'A');
    let gt_z = x + LO * u64::from(0x7f - b'Z');
    x | (((ge_a ^ gt_z) & (LO * 0x80)) >> 2)
}

/// The id of the ASCII token `text[start..end]` (compared lower-cased). When 16 bytes can
/// be read from `start`, the key is built from two 8-byte loads, masked and lower-cased in
/// registers; otherwise byte by byte.
#[inline]
fn lookup_in(text: &[u8], start: usize, end: usize, vocab: &Vocab) -> u32 {
    let len = end - start;
    if len > vocab.max_len || len > 16 {
        return lookup_ascii(&text[start..end], vocab);
    }
    if vocab.first[len] & (1 << (text[start].to_ascii_lowercase() & 31)) == 0 {
        return NO_ID;
    }
    let Some(w) = text.get(start..start + 16) else {
        return lookup_ascii(&text[start..end], vocab);
    };
    let load = |k: usize| {
        let mut a = [0u8; 8];
        a.copy_from_slice(&w[k..k + 8]);
        u64::from_le_bytes(a)
    };
    let mask = |n: usize| match n {
        0 => 0,
        8.. => u64::MAX,
        n => (1u64 << (8 * n)) - 1,
    };
    // Masked first: the bytes after the token may be non-ASCII.
    let lo = lower8(load(0) & mask(len));
    let hi = lower8(load(8) & mask(len.saturating_sub(8)));
    vocab
        .get_padded(u128::from(lo) | (u128::from(hi) << 64), len)
        .unwrap_or(NO_ID)
}

/// The id of an ASCII normalised token (compared lower-cased).
#[inline]
fn lookup_ascii(norm: &[u8], vocab: &Vocab) -> u32 {
    if norm.len() > vocab.max_len {
        NO_ID
    } else if norm.len() <= 16 {
        vocab.get_padded(pad(norm), norm.len()).unwrap_or(NO_ID)
    } else {
        vocab.get(&norm.to_ascii_lowercase())
    }
}

thread_local! {
    /// The token buffer, reused between calls on the same thread.
    static SCRATCH: std::cell::Cell<Vec<Tok>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Runs `f` on the tokens of `text` (in a buffer reused between calls).
/// With `max_spoken`, `f` is called with `None` when the text has more tokens than that
/// (not counting bracketed sounds).
fn with_tokens<R>(
    text: &str,
    l: &Lists,
    max_spoken: usize,
    f: impl FnOnce(&Lists, Option<&[Tok]>) -> R,
) -> R {
    let mut buf = SCRATCH.try_with(std::cell::Cell::take).unwrap_or_default();
    let complete = tokenize(text, &l.vocab, &mut buf, max_spoken);
    let r = f(l, complete.then_some(&buf[..]));
    if buf.capacity() <= 1 << 14 {
        let _ = SCRATCH.try_with(|c| c.set(buf));
    }
    r
}

/// Counts in one text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Words (whitespace-separated; a run of a script written without spaces is not a word,
    /// its characters are counted in `characters`).
    pub words: usize,
    /// Characters of scripts written without spaces (Chinese, Japanese, Thai, …; see
    /// [`crate::lang::is_spaceless`]).
    pub characters: usize,
    /// Filler occurrences.
    pub fillers: usize,
    /// Hedge occurrences.
    pub hedges: usize,
    /// Questions.
    pub questions: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.words += o.words;
        self.characters += o.characters;
        self.fillers += o.fillers;
        self.hedges += o.hedges;
        self.questions += o.questions;
    }
}

fn count_phrases(list: &PhraseList, text: &str, toks: &[Tok], like: Option<u32>) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < toks.len() {
        if let Some(len) = list.match_at(toks, i) {
            n += 1;
            i += len;
            continue;
        }
        if like.is_some_and(|id| toks[i].id == id) {
            let comma_after = toks[i].raw(text).ends_with(',');
            let comma_before = i > 0 && toks[i - 1].raw(text).ends_with(',');
            let after_filler = i > 0 && list.match_at(toks, i - 1) == Some(1);
            if comma_after || comma_before || after_filler {
                n += 1;
            }
        }
        i += 1;
    }
    n
}

/// Everything [`count`] and [`is_punctuated`] need from one text, in one pass over it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextCounts {
    /// [`count`] with `punctuated` true.
    pub punctuated: Counts,
    /// The questions [`count`] gives with `punctuated` false (0 or 1).
    pub unpunctuated_questions: usize,
    /// Whitespace-separated tokens, as [`is_punctuated`] counts words.
    pub raw_words: usize,
    /// `.`, `?`, `!` and `…`, as [`is_punctuated`] counts them.
    pub marks: usize,
}

impl TextCounts {
    /// The counts for a transcript that does (or does not) punctuate.
    pub fn counts(&self, punctuated: bool) -> Counts {
        let mut c = self.punctuated;
        if !punctuated {
            c.questions = self.unpunctuated_questions;
        }
        c
    }
}

/// [`is_punctuated`] from the summed [`TextCounts::raw_words`] and [`TextCounts::marks`].
pub fn punctuated_from(raw_words: usize, marks: usize) -> bool {
    raw_words > 0 && marks * 40 >= raw_words
}

/// [`count`] for both kinds of transcript, and the figures of [`is_punctuated`] (English
/// lists).
pub fn count_all(text: &str) -> TextCounts {
    count_all_in(text, lists())
}

/// [`count_all`] with the lists of one language ([`lists_for`]).
pub fn count_all_in(text: &str, l: &Lists) -> TextCounts {
    let mut buf = SCRATCH.try_with(std::cell::Cell::take).unwrap_or_default();
    let mut raw = (0, 0);
    tokenize_counting(text, &l.vocab, &mut buf, usize::MAX, &mut raw);
    let toks = &buf[..];
    let (words, characters) = if text.is_ascii() {
        (toks.iter().filter(|t| t.is_word).count(), 0)
    } else {
        words_and_characters(text, toks)
    };
    let r = TextCounts {
        punctuated: Counts {
            words,
            characters,
            fillers: count_phrases(&l.fillers, text, toks, l.like),
            hedges: count_phrases(&l.hedges, text, toks, None),
            questions: count_questions(text),
        },
        unpunctuated_questions: usize::from(
            !toks.is_empty() && l.question_starters.match_at(toks, 0).is_some(),
        ),
        raw_words: raw.0,
        marks: raw.1,
    };
    if buf.capacity() <= 1 << 14 {
        let _ = SCRATCH.try_with(|c| c.set(buf));
    }
    r
}

/// Words and characters of scripts without spaces in a non-ASCII text: a token's
/// characters of such scripts count as characters; the token is a word only when it has a
/// letter or digit of another script.
fn words_and_characters(text: &str, toks: &[Tok]) -> (usize, usize) {
    let (mut words, mut characters) = (0, 0);
    for t in toks.iter().filter(|t| t.is_word) {
        let raw = t.raw(text);
        if raw.is_ascii() {
            words += 1;
            continue;
        }
        let spaceless = raw
            .chars()
            .filter(|&c| crate::lang::is_spaceless(c))
            .count();
        characters += spaceless;
        let cjk_punct = |c: char| matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFF0F);
        if spaceless > 0 || raw.chars().any(cjk_punct) {
            // No space separates the words of such a run ("我是BlueT，data、cloud"): its
            // words are found by UAX #29 word boundaries, those of scripts without spaces
            // left to the character count.
            words += raw
                .unicode_words()
                .filter(|w| !w.chars().any(crate::lang::is_spaceless))
                .count();
        } else {
            words += 1;
        }
    }
    (words, characters)
}

/// Counts words, fillers, hedges and questions in `text`. `punctuated` says whether the
/// transcript carries sentence punctuation (see [`is_punctuated`]).
pub fn count(text: &str, punctuated: bool) -> Counts {
    let lists = lists();
    with_tokens(text, lists, usize::MAX, |l, toks| {
        let toks = toks.unwrap_or_default();
        let (words, characters) = words_and_characters(text, toks);
        let questions = if punctuated {
            count_questions(text)
        } else {
            usize::from(!toks.is_empty() && l.question_starters.match_at(toks, 0).is_some())
        };
        Counts {
            words,
            characters,
            fillers: count_phrases(&l.fillers, text, toks, l.like),
            hedges: count_phrases(&l.hedges, text, toks, None),
            questions,
        }
    })
}

/// Sentences ending with `?` (runs of `?`/`!` count once).
fn count_questions(text: &str) -> usize {
    if !text.is_ascii() && text.contains(['？', '؟', '！']) {
        return count_questions_wide(text);
    }
    // Both marks are ASCII, and no byte of a multi-byte char is ASCII: bytes suffice.
    if !text.as_bytes().contains(&b'?') {
        return 0;
    }
    let mut n = 0;
    let mut prev_q = false;
    for &c in text.as_bytes() {
        let q = c == b'?';
        if q && !prev_q {
            n += 1;
        }
        prev_q = q || (prev_q && c == b'!');
    }
    n
}

/// [`count_questions`] with the question marks of every script: `?`, the full-width `？`
/// (Chinese, Japanese) and the Arabic `؟`; `!`/`！` continue a run.
fn count_questions_wide(text: &str) -> usize {
    let mut n = 0;
    let mut prev_q = false;
    for c in text.chars() {
        let q = matches!(c, '?' | '？' | '؟');
        if q && !prev_q {
            n += 1;
        }
        prev_q = q || (prev_q && matches!(c, '!' | '！'));
    }
    n
}

/// Whether a transcript's texts carry sentence punctuation: at least one `.`, `?`, `!`, `…`
/// or terminator of another script (`。？！`, [`is_wide_terminator`]) per 40 words overall.
pub fn is_punctuated<'a>(texts: impl IntoIterator<Item = &'a str>) -> bool {
    let (mut words, mut marks) = (0usize, 0usize);
    for t in texts {
        let b = t.as_bytes();
        let mut in_word = false;
        if t.is_ascii() {
            for &c in b {
                let ws = CLASS[c as usize] == SPACE;
                marks += usize::from(matches!(c, b'.' | b'?' | b'!'));
                words += usize::from(!ws && !in_word);
                in_word = !ws;
            }
            continue;
        }
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            // `.?!` are ASCII and `…` is E2 80 A6: no byte of another char matches them. The
            // terminators of other scripts ([`is_wide_terminator`]) start with a lead byte of
            // 0xD8 or above.
            marks += usize::from(matches!(c, b'.' | b'?' | b'!'))
                + usize::from(c == 0xe2 && b.get(i + 1..i + 3) == Some(&[0x80, 0xa6][..]))
                + usize::from(
                    c >= 0xd8
                        && t.get(i..)
                            .and_then(|r| r.chars().next())
                            .is_some_and(is_wide_terminator),
                );
            let (ws, _) = ws_at(t, i);
            words += usize::from(!ws && !in_word);
            in_word = !ws;
            i += if ws { ws_len(c) } else { 1 };
        }
    }
    words > 0 && marks * 40 >= words
}

/// True when `text` is only listener tokens (at most [`BACKCHANNEL_MAX_WORDS`] tokens),
/// e.g. "Yeah.", "Mm-hmm, right.", "\[laugh\]".
pub fn is_backchannel(text: &str) -> bool {
    is_backchannel_in(text, lists())
}

/// [`is_backchannel`] with the listener tokens of one language ([`lists_for`]).
pub fn is_backchannel_in(text: &str, lists: &Lists) -> bool {
    // Tokenizing stops as soon as there are too many tokens: turns can be long.
    with_tokens(text, lists, BACKCHANNEL_MAX_WORDS, |l, toks| {
        let Some(toks) = toks.filter(|t| !t.is_empty()) else {
            return false;
        };
        let mut i = 0;
        while i < toks.len() {
            if toks[i].sound {
                // A bracketed sound ([laugh], [other]) is a non-lexical vocalisation.
                i += 1;
                continue;
            }
            match l.backchannels.match_at(toks, i) {
                Some(len) => i += len,
                None => return false,
            }
        }
        true
    })
}

/// [`content_words`], counted only up to `cap` (at least 1): the interruption rules ask
/// whether a turn has *at least* two content words, and reading a long turn to the end for
/// that was most of their cost. The first `cap + 8` tokens are read first; only when they
/// hold fewer than `cap` content words is the whole text read.
pub fn content_words_upto(text: &str, cap: usize) -> usize {
    content_words_upto_in(text, cap, lists())
}

/// [`content_words_upto`] with the fillers of one language ([`lists_for`]).
pub fn content_words_upto_in(text: &str, cap: usize, l: &Lists) -> usize {
    let cap = cap.max(1);
    let mut buf = SCRATCH.try_with(std::cell::Cell::take).unwrap_or_default();
    let complete = tokenize(text, &l.vocab, &mut buf, cap + 8);
    // When reading stopped early, a filler phrase could be cut at the end of what was read:
    // its last tokens are left out (no phrase in the lists is longer than 4 tokens).
    let limit = if complete {
        buf.len()
    } else {
        buf.len().saturating_sub(4)
    };
    let mut n = 0;
    let mut i = 0;
    while i < limit && n < cap {
        if let Some(len) = l.fillers.match_at(&buf, i) {
            i += len;
            continue;
        }
        if buf[i].is_word {
            n += 1;
        }
        i += 1;
    }
    if buf.capacity() <= 1 << 14 {
        let _ = SCRATCH.try_with(|c| c.set(buf));
    }
    if n >= cap || complete {
        n
    } else {
        content_words_in(text, l).min(cap)
    }
}

/// Words in `text` that are neither fillers nor bracketed sounds (for the "short reaction"
/// rule of interruptions).
pub fn content_words(text: &str) -> usize {
    content_words_in(text, lists())
}

/// [`content_words`] with the fillers of one language ([`lists_for`]).
pub fn content_words_in(text: &str, lists: &Lists) -> usize {
    with_tokens(text, lists, usize::MAX, |l, toks| {
        let toks = toks.unwrap_or_default();
        let mut n = 0;
        let mut i = 0;
        while i < toks.len() {
            if let Some(len) = l.fillers.match_at(toks, i) {
                i += len;
                continue;
            }
            if toks[i].is_word {
                n += 1;
            }
            i += 1;
        }
        n
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_words_upto_is_the_capped_count() {
        let texts = [
            "",
            "Yeah.",
            "Um, uh, you know, I mean, like, yeah.",
            "um um um um um um um um um um um um you know budget",
            "But the budget is wrong and we should say so before Thursday, you know.",
            "[laugh] So um the the thing is, you know, kind of, whatever",
            "uh uh uh uh uh uh uh uh uh uh uh you know you know you know you know ship",
        ];
        for t in texts {
            for cap in 1..4 {
                assert_eq!(
                    content_words_upto(t, cap),
                    content_words(t).min(cap),
                    "{t:?} {cap}"
                );
            }
        }
    }

    #[test]
    fn words_skip_sounds() {
        assert_eq!(
            count("So, it's go gonna [laugh] be. [other]", true).words,
            5
        );
    }

    #[test]
    fn fillers_and_like() {
        let c = count("Um, I mean we like the plan, like, a lot. You know?", true);
        // um, i mean, like (comma after), you know; "like the plan" is a verb.
        assert_eq!(c.fillers, 4);
        assert_eq!(c.questions, 1);
        assert_eq!(count("I like it", true).fillers, 0);
    }

    #[test]
    fn hedges() {
        assert_eq!(
            count("I think maybe we could be sort of late", true).hedges,
            4
        );
    }

    #[test]
    fn questions_unpunctuated() {
        assert_eq!(count("can you hear me", false).questions, 1);
        assert_eq!(count("we can hear you", false).questions, 0);
        assert_eq!(count("Is it? Really?! Yes.", true).questions, 2);
    }

    #[test]
    fn backchannels() {
        assert!(is_backchannel("Yeah."));
        assert!(is_backchannel("Mm-hmm, right."));
        assert!(is_backchannel("[laugh]"));
        assert!(is_backchannel("Oh okay"));
        assert!(is_backchannel("'Kay."));
        assert!(is_backchannel("[other] Yeah."));
        assert_eq!(content_words("Um, uh, the budget [laugh]"), 2);
        assert!(!is_backchannel("Yeah, but the budget is wrong."));
        assert!(!is_backchannel("No."));
        assert!(!is_backchannel(""));
    }

    #[test]
    fn fast_tokens_match_reference() {
        let l = lists();
        let texts = [
            "'[x -'- Mm-hmm, 'Kay. 'KAY! [laugh], [laugh]? [other]... (um) \"Yeah\" --",
            "Ümlaut yeah İstanbul x\u{a0}y a\u{2003}b ok\u{85}ok K\u{212A}ay 'kay\u{e9}",
            "' ... I'm you know, [ ] [a]., uh-huh uh huh I see. I SEE? i think, sort-of",
            "  \t\n\x0b\x0c\r  ",
            "LIKE, like like, um like — … ‘yeah’ «ok» [Laughter]. [vocalsound]",
            "okey-dokey all right, that makes sense! Makes sense?",
            "王伟：大家好。我们开始吧！好吗？ 好的。 نعم؟",
        ];
        for text in texts {
            let mut fast = Vec::new();
            assert!(tokenize(text, &l.vocab, &mut fast, usize::MAX));
            let slow = tokens(text);
            assert_eq!(fast.len(), slow.len(), "{text}");
            for (f, s) in fast.iter().zip(&slow) {
                assert_eq!(f.raw(text), s.raw, "{text}");
                assert_eq!(f.id, l.vocab.get(s.norm.as_bytes()), "{}", s.raw);
                assert_eq!(f.is_word, s.is_word, "{}", s.raw);
                assert_eq!(f.sound, s.norm.starts_with('['), "{}", s.raw);
            }
        }
        // One pass gives what `count` and `is_punctuated` give.
        for text in texts {
            let all = count_all(text);
            assert_eq!(all.counts(true), count(text, true), "{text}");
            assert_eq!(all.counts(false), count(text, false), "{text}");
            assert_eq!(all.raw_words, text.split_whitespace().count(), "{text}");
            let marks = text
                .chars()
                .filter(|&c| matches!(c, '.' | '?' | '!' | '…') || is_wide_terminator(c))
                .count();
            assert_eq!(all.marks, marks, "{text}");
        }
        // Words and marks of `is_punctuated` as `split_whitespace` and `chars` count them.
        for text in texts {
            let words = text.split_whitespace().count();
            let marks = text
                .chars()
                .filter(|&c| matches!(c, '.' | '?' | '!' | '…') || is_wide_terminator(c))
                .count();
            assert_eq!(is_punctuated([text]), words > 0 && marks * 40 >= words);
        }
    }

    #[test]
    fn register_lower_case() {
        let all: Vec<u8> = (0u8..0x80).collect();
        for chunk in all.chunks(8) {
            let x = u64::from_le_bytes(chunk.try_into().unwrap());
            let want: Vec<u8> = chunk.iter().map(u8::to_ascii_lowercase).collect();
            assert_eq!(lower8(x).to_le_bytes().to_vec(), want);
        }
        // Keys built from loads and byte by byte agree, whatever follows the token.
        let l = lists();
        for text in [
            "Mm-hmm yeah",
            "OKAY",
            "I think so",
            "x [LAUGH] é",
            "Uh-Huh ééééééééé",
        ] {
            let b = text.as_bytes();
            for (start, end) in [(0, 2), (0, 4), (0, 6), (1, 5), (2, 9)] {
                if end <= b.len() && b[start..end].is_ascii() {
                    assert_eq!(
                        lookup_in(b, start, end, &l.vocab),
                        lookup_ascii(&b[start..end], &l.vocab),
                        "{text} {start}..{end}"
                    );
                }
            }
        }
    }

    #[test]
    fn punctuation_detection() {
        assert!(is_punctuated(["Hello there. How are you?"]));
        assert!(!is_punctuated([
            "hello there how are you doing today we should start the meeting now and talk about the roadmap for next quarter and the budget and the hiring plan and everything else that is on the list for today ok"
        ]));
    }
}
