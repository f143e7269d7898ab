//! The embedded lexicons of vaderSentiment 3.3.2 and the lookup tables built from them
//! (once per process, see [`Tables::get`]).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::rules::{BOOSTER_DICT, CONTROL_WORDS, NEGATE, SPECIAL_CASES, Word};
use super::text::is_py_space;

/// `vader_lexicon.txt` of the vaderSentiment 3.3.2 package, byte for byte (CRLF).
pub(crate) const VADER_LEXICON: &str = include_str!("../../lexicons/vader/vader_lexicon.txt");
/// `emoji_utf8_lexicon.txt` of the vaderSentiment 3.3.2 package, byte for byte (CRLF).
pub(crate) const EMOJI_LEXICON: &str = include_str!("../../lexicons/vader/emoji_utf8_lexicon.txt");

/// A small multiplicative hasher (the FxHash scheme with a final rotation), deterministic
/// and much cheaper than SipHash for the short keys looked up here. Only used for lookups;
/// nothing iterates these maps.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0xf135_7aea_2e62_a9c5;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut buf = [0u8; 8];
            buf.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(buf));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash.rotate_left(26)
    }
}

type FxBuild = BuildHasherDefault<FxHasher>;

/// Everything the rules need to know about one lower-cased token, found with a single
/// lookup.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordInfo {
    /// Valence in `vader_lexicon.txt` (`item.lower() in self.lexicon`).
    pub(crate) lex: Option<f64>,
    /// Value in `BOOSTER_DICT`.
    pub(crate) booster: Option<f64>,
    /// In `NEGATE` (tokens containing `n't` are negations too; checked separately).
    pub(crate) negate: bool,
    /// Control word class.
    pub(crate) word: Word,
    /// Non-zero id if the word occurs in a multi-word key of `SPECIAL_CASES` or
    /// `BOOSTER_DICT`.
    pub(crate) phrase: u8,
}

/// A multi-word key of `SPECIAL_CASES` or `BOOSTER_DICT` as a sequence of phrase ids.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Phrase {
    ids: [u8; 3],
    len: usize,
    /// The value in the Python table.
    pub(crate) value: f64,
}

impl Phrase {
    /// Whether the phrase is exactly the words with these phrase ids.
    #[inline]
    pub(crate) fn matches(&self, ids: &[u8]) -> bool {
        ids.len() == self.len && self.ids.get(..self.len) == Some(ids)
    }
}

/// The lookup tables, built once.
pub(crate) struct Tables {
    /// Lower-cased word → what the rules need.
    pub(crate) words: HashMap<&'static str, WordInfo, FxBuild>,
    /// Single-code-point emoji → description. Python looks the text up one code point at a
    /// time, so the multi-code-point entries of the file (ZWJ sequences, flags, keycaps,
    /// skin tones) can never match and are left out.
    pub(crate) emoji: HashMap<char, &'static str, FxBuild>,
    /// `SPECIAL_CASES` with at least two words.
    pub(crate) special_cases: Vec<Phrase>,
    /// `BOOSTER_DICT` keys with at least two words.
    pub(crate) booster_phrases: Vec<Phrase>,
    /// Number of distinct entries of `vader_lexicon.txt`.
    pub(crate) lexicon_len: usize,
    /// Number of distinct entries of `emoji_utf8_lexicon.txt`, all lengths.
    pub(crate) emoji_file_len: usize,
}

impl std::fmt::Debug for Tables {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tables")
            .field("lexicon_len", &self.lexicon_len)
            .field("emoji_file_len", &self.emoji_file_len)
            .field("single_code_point_emoji", &self.emoji.len())
            .finish_non_exhaustive()
    }
}

/// Python's `line.strip().split('\t')[0:2]`, or `None` for a line with fewer than two
/// fields (Python would raise; the embedded files have none).
fn two_fields(line: &str) -> Option<(&str, &str)> {
    let line = line.trim_matches(is_py_space);
    let mut fields = line.split('\t');
    let first = fields.next()?;
    let second = fields.next()?;
    Some((first, second))
}

/// Python's `raw.rstrip('\n').split('\n')`.
fn py_lines(raw: &str) -> std::str::Split<'_, char> {
    raw.trim_end_matches('\n').split('\n')
}

impl Tables {
    /// The tables, built on first use.
    pub(crate) fn get() -> &'static Tables {
        static TABLES: OnceLock<Tables> = OnceLock::new();
        TABLES.get_or_init(Tables::build)
    }

    fn build() -> Tables {
        let mut words: HashMap<&'static str, WordInfo, FxBuild> = HashMap::default();

        // make_lex_dict: skip empty lines, later duplicates overwrite earlier ones.
        for line in py_lines(VADER_LEXICON) {
            if line.is_empty() {
                continue;
            }
            let Some((word, measure)) = two_fields(line) else {
                continue;
            };
            let Ok(value) = measure.trim_matches(is_py_space).parse::<f64>() else {
                continue;
            };
            words.entry(word).or_default().lex = Some(value);
        }
        let lexicon_len = words.len();

        for &(word, value) in BOOSTER_DICT {
            words.entry(word).or_default().booster = Some(value);
        }
        for &word in NEGATE {
            words.entry(word).or_default().negate = true;
        }
        for &(word, class) in CONTROL_WORDS {
            words.entry(word).or_default().word = class;
        }

        // Phrase ids for the words of multi-word keys, in table order.
        let mut next_id: u8 = 0;
        let mut phrase_of = |words: &mut HashMap<&'static str, WordInfo, FxBuild>,
                             key: &'static str,
                             value: f64|
         -> Option<Phrase> {
            let parts: Vec<&'static str> = key.split(' ').collect();
            if parts.len() < 2 || parts.len() > 3 {
                return None;
            }
            let mut ids = [0u8; 3];
            for (slot, part) in ids.iter_mut().zip(&parts) {
                let info = words.entry(part).or_default();
                if info.phrase == 0 {
                    next_id += 1;
                    info.phrase = next_id;
                }
                *slot = info.phrase;
            }
            Some(Phrase {
                ids,
                len: parts.len(),
                value,
            })
        };
        let special_cases = SPECIAL_CASES
            .iter()
            .filter_map(|&(key, value)| phrase_of(&mut words, key, value))
            .collect();
        let booster_phrases = BOOSTER_DICT
            .iter()
            .filter_map(|&(key, value)| phrase_of(&mut words, key, value))
            .collect();

        // make_emoji_dict: no empty-line skip in Python, later duplicates overwrite.
        let mut emoji: HashMap<char, &'static str, FxBuild> = HashMap::default();
        let mut all_emoji: HashMap<&'static str, (), FxBuild> = HashMap::default();
        for line in py_lines(EMOJI_LEXICON) {
            let Some((key, description)) = two_fields(line) else {
                continue;
            };
            all_emoji.insert(key, ());
            let mut chars = key.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                emoji.insert(c, description);
            }
        }

        Tables {
            words,
            emoji,
            special_cases,
            booster_phrases,
            lexicon_len,
            emoji_file_len: all_emoji.len(),
        }
    }
}
