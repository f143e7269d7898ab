//! Text normalisation: the one tokeniser used for both lexicon terms and analysed text.
//!
//! The normalised form is the lowercased tokens joined by single spaces, with one space before
//! the first token and after every token (`" hey guys "`). Lexicon patterns are written the
//! same way, so every automaton match starts and ends on a token boundary by construction and
//! no boundary check is needed afterwards.
//!
//! Tokens are maximal runs of word characters (Unicode alphanumerics plus combining marks).
//! An apostrophe (`'`, `’`, `ʼ`, all written as `'`) between two word characters stays inside
//! the word (`don't`, `y'all`), except the clitic `'s`, which becomes a token of its own
//! (`master's` → `master` `'s`) so that a term still matches its possessive and an exception
//! can look at the `'s`. Everything else, hyphens included, separates tokens, so `man-hours`
//! and `man hours` normalise alike.

/// One token: its place in the normalised string and in the original text. (It ends in the
/// normalised string one byte before the next token starts; char offsets are computed only
/// for findings.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte offset of the token in the normalised string.
    pub nb: usize,
    /// Byte range in the original text.
    pub ob: usize,
    pub oe: usize,
}

/// Allocations of a [`Normalized`], kept between texts to save two allocations per call.
#[derive(Default)]
pub(crate) struct Buffers {
    norm: String,
    toks: Vec<Token>,
}

/// A text split into tokens, with the normalised string the automaton runs over.
pub(crate) struct Normalized<'a> {
    pub text: &'a str,
    pub norm: String,
    pub toks: Vec<Token>,
    /// Whether the text has both lower- and uppercase letters (computed on first use).
    cased: std::cell::OnceCell<bool>,
}

/// ASCII letters and digits, as a lookup table (the hot loop of the tokeniser).
const ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// ASCII lowercase mapping as a lookup table.
const ASCII_LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).to_ascii_lowercase();
        b += 1;
    }
    t
};

/// Letters, digits and combining marks (so that decomposed "résumé" stays one word).
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_combining_mark(c)
    }
}

#[inline]
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF | 0x200C..=0x200D | 0x20D0..=0x20FF | 0xFE00..=0xFE0F
        | 0xFE20..=0xFE2F)
}

#[inline]
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// The first char of `s`, if any.
#[inline]
fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

impl<'a> Normalized<'a> {
    /// Tokenise `text`.
    pub fn new(text: &'a str) -> Normalized<'a> {
        Normalized::with_buffers(text, Buffers::default())
    }

    /// Tokenise `text` into reused buffers (see [`Normalized::into_buffers`]).
    pub fn with_buffers(text: &'a str, buffers: Buffers) -> Normalized<'a> {
        let bytes = text.as_bytes();
        // Built as bytes: only ASCII bytes and whole encoded chars are pushed, so it stays
        // valid UTF-8.
        let mut norm: Vec<u8> = buffers.norm.into_bytes();
        norm.clear();
        norm.reserve(text.len() + 2);
        norm.push(b' ');
        let mut toks: Vec<Token> = buffers.toks;
        toks.clear();
        toks.reserve(text.len() / 5 + 1);
        // Start of the current word: (original byte, normalised byte).
        let mut cur: Option<(usize, usize)> = None;
        let mut i = 0usize;
        let mut buf = [0u8; 4];
        while i < bytes.len() {
            let b = bytes[i];
            if ASCII_WORD[b as usize] {
                if cur.is_none() {
                    cur = Some((i, norm.len()));
                }
                for &c in &bytes[i..] {
                    if !ASCII_WORD[c as usize] {
                        break;
                    }
                    norm.push(ASCII_LOWER[c as usize]);
                    i += 1;
                }
                continue;
            }
            if b < 0x80 && b != b'\'' {
                if let Some((ob, nb)) = cur.take() {
                    end_word(&mut norm, &mut toks, nb, ob, i);
                }
                i += 1;
                continue;
            }
            // Non-ASCII or an ASCII apostrophe.
            let c = first_char(&text[i..]).expect("in bounds");
            let len = c.len_utf8();
            if is_apostrophe(c) {
                let rest = &text[i + len..];
                let mut it = rest.chars();
                let next = it.next();
                let next2 = it.next();
                let clitic_s = matches!(next, Some('s' | 'S')) && !next2.is_some_and(is_word_char);
                if clitic_s {
                    // `'s` as its own token (after a word or standing alone).
                    if let Some((ob, nb)) = cur.take() {
                        end_word(&mut norm, &mut toks, nb, ob, i);
                    }
                    let nb = norm.len();
                    norm.extend_from_slice(b"'s");
                    end_word(&mut norm, &mut toks, nb, i, i + len + 1);
                    i += len + 1;
                    continue;
                }
                if cur.is_some() && next.is_some_and(is_word_char) {
                    norm.push(b'\'');
                    i += len;
                    continue;
                }
                if let Some((ob, nb)) = cur.take() {
                    end_word(&mut norm, &mut toks, nb, ob, i);
                }
                i += len;
                continue;
            }
            if is_word_char(c) {
                if cur.is_none() {
                    cur = Some((i, norm.len()));
                }
                for l in c.to_lowercase() {
                    norm.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
                }
            } else if let Some((ob, nb)) = cur.take() {
                end_word(&mut norm, &mut toks, nb, ob, i);
            }
            i += len;
        }
        if let Some((ob, nb)) = cur.take() {
            end_word(&mut norm, &mut toks, nb, ob, bytes.len());
        }
        let norm = String::from_utf8(norm).expect("built from whole chars");
        Normalized {
            text,
            norm,
            toks,
            cased: std::cell::OnceCell::new(),
        }
    }

    /// Give the allocations back for the next text.
    pub fn into_buffers(self) -> Buffers {
        Buffers {
            norm: self.norm,
            toks: self.toks,
        }
    }

    /// Whether the text is written in both cases, so that capitals carry information
    /// (ASR output is often all lowercase, shouting all caps).
    pub fn is_cased(&self) -> bool {
        *self.cased.get_or_init(|| {
            self.text.chars().any(char::is_lowercase) && self.text.chars().any(char::is_uppercase)
        })
    }

    /// The normalised text of token `i`.
    #[inline]
    pub fn tok(&self, i: usize) -> &str {
        let nb = self.toks[i].nb;
        let ne = match self.toks.get(i + 1) {
            Some(next) => next.nb - 1,
            None => self.norm.len() - 1,
        };
        &self.norm[nb..ne]
    }

    /// The original text between token `i - 1` and token `i` (`i == len` gives the tail,
    /// `i == 0` the head).
    pub fn gap_before(&self, i: usize) -> &'a str {
        let start = if i == 0 { 0 } else { self.toks[i - 1].oe };
        let end = if i >= self.toks.len() {
            self.text.len()
        } else {
            self.toks[i].ob
        };
        &self.text[start..end]
    }

    /// Whether token `i` begins a sentence: it is the first token, or the separators before
    /// it contain sentence-final punctuation, a colon or a line break.
    pub fn sentence_start(&self, i: usize) -> bool {
        i == 0
            || self
                .gap_before(i)
                .chars()
                .any(|c| matches!(c, '.' | '!' | '?' | '…' | ':' | '\n' | '\r'))
    }

    /// Whether the original token `i` is written with an initial capital and is not all caps.
    pub fn capitalised(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let s = &self.text[t.ob..t.oe];
        let mut chars = s.chars().filter(|c| c.is_alphabetic());
        match chars.next() {
            Some(c) if c.is_uppercase() => {
                let rest: Vec<char> = chars.collect();
                rest.is_empty() || rest.iter().any(|c| c.is_lowercase())
            }
            _ => false,
        }
    }

    /// Whether the tokens `start..` equal `phrase` (already normalised tokens).
    pub fn tokens_eq(&self, start: usize, phrase: &[String]) -> bool {
        start + phrase.len() <= self.toks.len()
            && phrase
                .iter()
                .enumerate()
                .all(|(k, p)| self.tok(start + k) == p.as_str())
    }
}

#[inline]
fn end_word(norm: &mut Vec<u8>, toks: &mut Vec<Token>, nb: usize, ob: usize, oe: usize) {
    toks.push(Token { nb, ob, oe });
    norm.push(b' ');
}

/// The normalised tokens of a lexicon phrase.
pub(crate) fn phrase_tokens(phrase: &str) -> Vec<String> {
    let n = Normalized::new(phrase);
    (0..n.toks.len()).map(|i| n.tok(i).to_string()).collect()
}

/// The normalised key of a lexicon phrase: its tokens joined by single spaces.
pub(crate) fn phrase_key(phrase: &str) -> String {
    // The normalised text is already ` tok tok … ` (one space around each token).
    Normalized::new(phrase).norm.trim_matches(' ').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        phrase_tokens(s)
    }

    #[test]
    fn splits_hyphens_keeps_inner_apostrophes_and_splits_clitic_s() {
        assert_eq!(toks("Man-hours"), ["man", "hours"]);
        assert_eq!(toks("don't y’all"), ["don't", "y'all"]);
        assert_eq!(
            toks("the master’s degree"),
            ["the", "master", "'s", "degree"]
        );
        assert_eq!(toks("old wives' tale"), ["old", "wives", "tale"]);
        assert_eq!(toks("'s"), ["'s"]);
        assert_eq!(toks("'Kay, 'guys'"), ["kay", "guys"]);
        assert_eq!(toks("it's"), ["it", "'s"]);
        assert_eq!(toks("résumé naïve"), ["résumé", "naïve"]);
        // decomposed é (e + U+0301) stays inside the word
        assert_eq!(toks("re\u{301}sume\u{301}").len(), 1);
    }

    #[test]
    fn offsets_point_into_the_original() {
        let n = Normalized::new("Café — naïve guys");
        assert_eq!(n.norm, " café naïve guys ");
        let g = n.toks[2];
        assert_eq!(n.text[..g.ob].chars().count(), 13);
        assert_eq!(&n.text[g.ob..g.oe], "guys");
        assert_eq!(n.tok(2), "guys");
        let n = Normalized::new("master’s");
        assert_eq!(n.toks.len(), 2);
        assert_eq!(n.tok(1), "'s");
        assert_eq!(&n.text[n.toks[1].ob..n.toks[1].oe], "’s");
    }

    #[test]
    fn sentence_start_and_capitals() {
        let n = Normalized::new("We watched the Masters. Master plan: Guys");
        assert!(n.sentence_start(0));
        assert!(!n.sentence_start(3));
        assert!(n.capitalised(3));
        assert!(n.sentence_start(4));
        assert!(n.sentence_start(6));
        let n = Normalized::new("the MASTER branch");
        assert!(!n.capitalised(1));
    }
}
