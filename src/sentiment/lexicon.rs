//! The embedded lexicons of vaderSentiment 3.3.2 and the lookup tables built from them
//! (once per process, see [`Tables::get`]).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::rules::{BOOSTER_DICT, CONTROL_WORDS, NEGATE, SPECIAL_CASES, Word};
use super::text::is_py_space;

/// `vader_lexicon.txt` of the vaderSentiment 3.3.2 package, byte for byte (CRLF).
pub(crate) const VADER_LEXICON: &str = include_str!("../../lexicons/vader/vader_lexicon.txt");
/// `emoji_utf8_lexicon.txt` of the vaderSentiment 3.3.2 package, byte for byte (CRLF).
pub(crate) const EMOJI_LEXICON: &str = include_str!("../../lexicons/vader/emoji_utf8_lexicon.txt");

/// Hash of a lower-cased token (FxHash-style multiply/rotate over 8-byte words, with the
/// length folded in). Deterministic; only used to find slots.
#[inline]
fn hash_bytes(bytes: &[u8]) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let mut h = (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut buf = [0u8; 8];
        buf.copy_from_slice(chunk);
        h = (h ^ u64::from_le_bytes(buf))
            .wrapping_mul(K)
            .rotate_left(23);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = (h ^ u64::from_le_bytes(buf))
            .wrapping_mul(K)
            .rotate_left(23);
    }
    h ^ (h >> 29)
}

/// Everything the rules need to know about one lower-cased token, found with a single
/// lookup. Kept small (24 bytes) so the table stays in cache.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordInfo {
    lex: f64,
    booster: f64,
    flags: u8,
    /// Control word class.
    pub(crate) word: Word,
    /// Non-zero id if the word occurs in a multi-word key of `SPECIAL_CASES` or
    /// `BOOSTER_DICT`.
    pub(crate) phrase: u8,
}

const HAS_LEX: u8 = 1;
const HAS_BOOSTER: u8 = 2;
const NEGATE_WORD: u8 = 4;

impl WordInfo {
    /// Valence in `vader_lexicon.txt` (`item.lower() in self.lexicon`).
    #[inline]
    pub(crate) fn lex(&self) -> Option<f64> {
        (self.flags & HAS_LEX != 0).then_some(self.lex)
    }

    /// Value in `BOOSTER_DICT`.
    #[inline]
    pub(crate) fn booster(&self) -> Option<f64> {
        (self.flags & HAS_BOOSTER != 0).then_some(self.booster)
    }

    /// In `NEGATE` (tokens containing `n't` are negations too; checked separately).
    #[inline]
    pub(crate) fn negate(&self) -> bool {
        self.flags & NEGATE_WORD != 0
    }
}

/// One key of [`WordTable`]: its bytes in `keys[start..start + len]`.
#[derive(Clone, Copy, Debug)]
struct Entry {
    start: u32,
    len: u32,
    info: WordInfo,
}

/// An open-addressing table from lower-cased word to [`WordInfo`], built once. Compact
/// (about 360 KB for the ~7,600 keys): a slot array of `u32` (16-bit hash tag, 16-bit entry
/// number), the entries, and one blob of key bytes, so a miss usually touches only the
/// slot array. No iteration order is ever observed.
pub(crate) struct WordTable {
    slots: Vec<u32>,
    mask: usize,
    entries: Vec<Entry>,
    keys: Vec<u8>,
    max_key_len: usize,
}

impl WordTable {
    /// Builds the table from distinct keys.
    fn build(words: &BTreeMap<&str, WordInfo>) -> WordTable {
        let n = words.len();
        assert!(n < 0xFFFF, "word table holds at most 65,534 keys");
        let cap = (n * 2).next_power_of_two().max(16);
        let mut table = WordTable {
            slots: vec![0; cap],
            mask: cap - 1,
            entries: Vec::with_capacity(n),
            keys: Vec::new(),
            max_key_len: 0,
        };
        for (&key, &info) in words {
            let bytes = key.as_bytes();
            let h = hash_bytes(bytes);
            let mut idx = (h as usize) & table.mask;
            while table.slots[idx] != 0 {
                idx = (idx + 1) & table.mask;
            }
            let number = table.entries.len() as u32 + 1;
            table.slots[idx] = ((h >> 48) as u32) << 16 | number;
            table.entries.push(Entry {
                start: table.keys.len() as u32,
                len: bytes.len() as u32,
                info,
            });
            table.keys.extend_from_slice(bytes);
            table.max_key_len = table.max_key_len.max(bytes.len());
        }
        table
    }

    /// Length in bytes of the longest key; longer tokens are not looked up.
    #[cfg(test)]
    pub(crate) fn max_key_len(&self) -> usize {
        self.max_key_len
    }

    /// The entry for the lower-cased word `key`.
    #[inline]
    pub(crate) fn get(&self, key: &[u8]) -> Option<&WordInfo> {
        if key.len() > self.max_key_len {
            return None;
        }
        let h = hash_bytes(key);
        let tag = (h >> 48) as u32;
        let mut idx = (h as usize) & self.mask;
        loop {
            let slot = *self.slots.get(idx)?;
            if slot == 0 {
                return None;
            }
            if slot >> 16 == tag {
                let number = (slot & 0xFFFF) as usize;
                let entry = self.entries.get(number.checked_sub(1)?)?;
                let start = entry.start as usize;
                if self.keys.get(start..start + entry.len as usize) == Some(key) {
                    return Some(&entry.info);
                }
            }
            idx = (idx + 1) & self.mask;
        }
    }

    /// Number of keys.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }
}

type CharBuild = BuildHasherDefault<CharHasher>;

/// Hasher for the `char` keys of the emoji map: one multiply.
#[derive(Default, Clone, Copy)]
pub(crate) struct CharHasher {
    hash: u64,
}

impl Hasher for CharHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.hash = hash_bytes(bytes) ^ self.hash.rotate_left(5);
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.hash = (self.hash ^ u64::from(i)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash ^ (self.hash >> 32)
    }
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
    pub(crate) words: WordTable,
    /// Single-code-point emoji → description. Python looks the text up one code point at a
    /// time, so the multi-code-point entries of the file (ZWJ sequences, flags, keycaps,
    /// skin tones) can never match and are left out.
    pub(crate) emoji: HashMap<char, &'static str, CharBuild>,
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
        let mut words: BTreeMap<&'static str, WordInfo> = BTreeMap::new();

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
            let info = words.entry(word).or_default();
            info.lex = value;
            info.flags |= HAS_LEX;
        }
        let lexicon_len = words.len();

        for &(word, value) in BOOSTER_DICT {
            let info = words.entry(word).or_default();
            info.booster = value;
            info.flags |= HAS_BOOSTER;
        }
        for &word in NEGATE {
            words.entry(word).or_default().flags |= NEGATE_WORD;
        }
        for &(word, class) in CONTROL_WORDS {
            words.entry(word).or_default().word = class;
        }

        // Phrase ids for the words of multi-word keys, in table order.
        let mut next_id: u8 = 0;
        let mut phrase_of = |words: &mut BTreeMap<&'static str, WordInfo>,
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
        let mut emoji: HashMap<char, &'static str, CharBuild> = HashMap::default();
        let mut all_emoji: BTreeSet<&'static str> = BTreeSet::new();
        for line in py_lines(EMOJI_LEXICON) {
            let Some((key, description)) = two_fields(line) else {
                continue;
            };
            all_emoji.insert(key);
            let mut chars = key.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                emoji.insert(c, description);
            }
        }

        Tables {
            words: WordTable::build(&words),
            emoji,
            special_cases,
            booster_phrases,
            lexicon_len,
            emoji_file_len: all_emoji.len(),
        }
    }
}
