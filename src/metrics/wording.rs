//! Words, fillers, hedges, questions and listener tokens: the text side of the dynamics.
//!
//! **Words**: whitespace-separated tokens that contain a letter or digit; bracketed sound
//! annotations (`[laugh]`, `[other]`, AMI style) are not words.
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

use std::collections::HashSet;
use std::sync::OnceLock;

/// The longest utterance (in tokens) that can be a backchannel ("yeah yeah yeah, right").
pub const BACKCHANNEL_MAX_WORDS: usize = 4;

/// A phrase list loaded from a `lexicons/dynamics/*.txt` file.
#[derive(Debug)]
pub struct PhraseList {
    /// Phrases as token sequences.
    phrases: Vec<Vec<String>>,
    /// First tokens, for a quick reject.
    firsts: HashSet<String>,
}

impl PhraseList {
    /// Parses a list: one phrase per line, `#` comments, blank lines ignored.
    pub fn parse(text: &str) -> PhraseList {
        let mut phrases: Vec<Vec<String>> = text
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .map(|l| l.split_whitespace().map(str::to_lowercase).collect())
            .collect();
        // Longest first, so "you know" wins over a one-word entry starting the same way.
        phrases.sort_by_key(|p: &Vec<String>| std::cmp::Reverse(p.len()));
        let firsts = phrases.iter().map(|p| p[0].clone()).collect();
        PhraseList { phrases, firsts }
    }

    /// The length (in tokens) of the longest phrase matching at `tokens[i..]`.
    pub fn match_at(&self, tokens: &[Token<'_>], i: usize) -> Option<usize> {
        if !self.firsts.contains(tokens[i].norm.as_str()) {
            return None;
        }
        self.phrases
            .iter()
            .find(|p| {
                i + p.len() <= tokens.len() && p.iter().zip(&tokens[i..]).all(|(a, t)| *a == t.norm)
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
}

/// The embedded lists, parsed once.
pub fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| Lists {
        backchannels: PhraseList::parse(include_str!("../../lexicons/dynamics/backchannels.txt")),
        fillers: PhraseList::parse(include_str!("../../lexicons/dynamics/fillers.txt")),
        hedges: PhraseList::parse(include_str!("../../lexicons/dynamics/hedges.txt")),
        question_starters: PhraseList::parse(include_str!(
            "../../lexicons/dynamics/question-starters.txt"
        )),
    })
}

/// One token of text: the raw form and its normalised form.
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
    text.split_whitespace()
        .filter_map(|raw| {
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
        })
        .collect()
}

/// Counts in one text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Words.
    pub words: usize,
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
        self.fillers += o.fillers;
        self.hedges += o.hedges;
        self.questions += o.questions;
    }
}

fn count_phrases(list: &PhraseList, toks: &[Token<'_>], like_is_filler: bool) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < toks.len() {
        if let Some(len) = list.match_at(toks, i) {
            n += 1;
            i += len;
            continue;
        }
        if like_is_filler && toks[i].norm == "like" {
            let comma_after = toks[i].raw.ends_with(',');
            let comma_before = i > 0 && toks[i - 1].raw.ends_with(',');
            let after_filler = i > 0 && list.match_at(toks, i - 1) == Some(1);
            if comma_after || comma_before || after_filler {
                n += 1;
            }
        }
        i += 1;
    }
    n
}

/// Counts words, fillers, hedges and questions in `text`. `punctuated` says whether the
/// transcript carries sentence punctuation (see [`is_punctuated`]).
pub fn count(text: &str, punctuated: bool) -> Counts {
    let l = lists();
    let toks = tokens(text);
    let words = toks.iter().filter(|t| t.is_word).count();
    let questions = if punctuated {
        count_questions(text)
    } else {
        usize::from(!toks.is_empty() && l.question_starters.match_at(&toks, 0).is_some())
    };
    Counts {
        words,
        fillers: count_phrases(&l.fillers, &toks, true),
        hedges: count_phrases(&l.hedges, &toks, false),
        questions,
    }
}

/// Sentences ending with `?` (runs of `?`/`!` count once).
fn count_questions(text: &str) -> usize {
    let mut n = 0;
    let mut prev_q = false;
    for c in text.chars() {
        let q = c == '?';
        if q && !prev_q {
            n += 1;
        }
        prev_q = q || (prev_q && c == '!');
    }
    n
}

/// Whether a transcript's texts carry sentence punctuation: at least one `.`, `?` or `!` per
/// 40 words overall.
pub fn is_punctuated<'a>(texts: impl IntoIterator<Item = &'a str>) -> bool {
    let (mut words, mut marks) = (0usize, 0usize);
    for t in texts {
        words += t.split_whitespace().count();
        marks += t
            .chars()
            .filter(|c| matches!(c, '.' | '?' | '!' | '…'))
            .count();
    }
    words > 0 && marks * 40 >= words
}

/// True when `text` is only listener tokens (at most [`BACKCHANNEL_MAX_WORDS`] tokens),
/// e.g. "Yeah.", "Mm-hmm, right.", "[laugh]".
pub fn is_backchannel(text: &str) -> bool {
    let toks = tokens(text);
    let spoken = toks.iter().filter(|t| !t.norm.starts_with('[')).count();
    if toks.is_empty() || spoken > BACKCHANNEL_MAX_WORDS {
        return false;
    }
    let l = &lists().backchannels;
    let mut i = 0;
    while i < toks.len() {
        if toks[i].norm.starts_with('[') {
            // A bracketed sound ([laugh], [other]) is a non-lexical vocalisation.
            i += 1;
            continue;
        }
        match l.match_at(&toks, i) {
            Some(len) => i += len,
            None => return false,
        }
    }
    true
}

/// Words in `text` that are neither fillers nor bracketed sounds (for the "short reaction"
/// rule of interruptions).
pub fn content_words(text: &str) -> usize {
    let toks = tokens(text);
    let fillers = &lists().fillers;
    let mut n = 0;
    let mut i = 0;
    while i < toks.len() {
        if let Some(len) = fillers.match_at(&toks, i) {
            i += len;
            continue;
        }
        if toks[i].is_word {
            n += 1;
        }
        i += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn punctuation_detection() {
        assert!(is_punctuated(["Hello there. How are you?"]));
        assert!(!is_punctuated([
            "hello there how are you doing today we should start the meeting now and talk about the roadmap for next quarter and the budget and the hiring plan and everything else that is on the list for today ok"
        ]));
    }
}
