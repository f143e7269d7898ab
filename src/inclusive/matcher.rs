//! The automaton over all surface forms and the context rules applied to its matches.

use super::forms::{inflected_terms, spelling_keys};
use super::load::LexiconError;
use super::text::{Buffers, Normalized, phrase_tokens};
use super::{Entry, Exception, Finding, Inflect, Options, Severity, Usage};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::collections::BTreeSet;

/// An exception with its phrases tokenised.
#[derive(Clone, Debug)]
struct CompiledException {
    before: Vec<Vec<String>>,
    after: Vec<Vec<String>>,
    within: Vec<Vec<String>>,
    possessive: bool,
    proper_noun: bool,
}

impl CompiledException {
    fn new(e: &Exception) -> CompiledException {
        let tok = |v: &[String]| v.iter().map(|p| phrase_tokens(p)).collect();
        CompiledException {
            before: tok(&e.before),
            after: tok(&e.after),
            within: tok(&e.within),
            possessive: e.possessive,
            proper_noun: e.proper_noun,
        }
    }

    /// Whether every condition of this exception holds for the match `i..j`.
    fn holds(&self, n: &Normalized, i: usize, j: usize) -> bool {
        (self.before.is_empty() || self.before.iter().any(|p| ends_at(n, i, p)))
            && (self.after.is_empty() || self.after.iter().any(|p| n.tokens_eq(j, p)))
            && (self.within.is_empty() || self.within.iter().any(|p| inside(n, i, j, p)))
            && (!self.possessive || possessive(n, i))
            && (!self.proper_noun || proper_noun(n, i))
    }
}

/// One automaton pattern: which entry, how many tokens.
#[derive(Clone, Copy, Debug)]
struct Pattern {
    entry: u32,
    ntoks: u32,
}

/// The compiled matcher.
#[derive(Clone, Debug)]
pub(crate) struct Matcher {
    ac: AhoCorasick,
    patterns: Vec<Pattern>,
    /// The normalised form of each pattern (for tests and debugging).
    #[allow(dead_code)]
    keys: Vec<String>,
    exceptions: Vec<Vec<CompiledException>>,
}

/// A match that passed the context rules, before de-duplication. `start..end` is the byte
/// range in the original text.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    start: usize,
    end: usize,
    entry: usize,
    severity: Severity,
}

impl Matcher {
    pub fn new(entries: &[Entry]) -> Result<Matcher, LexiconError> {
        let mut patterns = Vec::new();
        let mut keys = Vec::new();
        let mut padded = Vec::new();
        for (ei, e) in entries.iter().enumerate() {
            let mut set = BTreeSet::new();
            for form in surface_forms(e) {
                spelling_keys(&form, &mut set);
            }
            for key in set {
                patterns.push(Pattern {
                    entry: ei as u32,
                    ntoks: key.split(' ').count() as u32,
                });
                padded.push(format!(" {key} "));
                keys.push(key);
            }
        }
        let build = |kind| {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .kind(kind)
                .build(&padded)
        };
        let ac = build(Some(AhoCorasickKind::DFA))
            .or_else(|_| build(None))
            .map_err(|e| LexiconError::Build(e.to_string()))?;
        let exceptions = entries
            .iter()
            .map(|e| e.exceptions.iter().map(CompiledException::new).collect())
            .collect();
        Ok(Matcher {
            ac,
            patterns,
            keys,
            exceptions,
        })
    }

    #[cfg(test)]
    pub fn forms_of(&self, entry: usize) -> Vec<String> {
        self.patterns
            .iter()
            .zip(&self.keys)
            .filter(|(p, _)| p.entry as usize == entry)
            .map(|(_, k)| k.clone())
            .collect()
    }

    /// The automaton implementation in use (benchmark breakdown).
    #[cfg(test)]
    pub fn kind(&self) -> AhoCorasickKind {
        self.ac.kind()
    }

    /// Patterns and heap bytes of the automaton (benchmark breakdown).
    #[cfg(test)]
    pub fn size(&self) -> (usize, usize) {
        (self.ac.patterns_len(), self.ac.memory_usage())
    }

    /// Raw automaton matches over a normalised string (benchmark breakdown).
    #[cfg(test)]
    pub fn raw_match_count(&self, norm: &str) -> usize {
        self.ac.find_overlapping_iter(norm).count()
    }

    pub fn find(&self, entries: &[Entry], text: &str, opts: &Options) -> Vec<Finding> {
        thread_local! {
            static BUFFERS: std::cell::Cell<Buffers> = std::cell::Cell::new(Buffers::default());
        }
        let n = Normalized::with_buffers(text, BUFFERS.take());
        let found = self.find_in(entries, &n, opts);
        BUFFERS.set(n.into_buffers());
        found
    }

    fn find_in(&self, entries: &[Entry], n: &Normalized, opts: &Options) -> Vec<Finding> {
        let text = n.text;
        if n.toks.is_empty() {
            return Vec::new();
        }
        let allow: Vec<Vec<String>> = opts
            .allow
            .iter()
            .map(|p| phrase_tokens(p))
            .filter(|p| !p.is_empty())
            .collect();
        let mut cands = Vec::new();
        // Token index of the last match: matches arrive in order of their end, so the next
        // start is found by stepping from here (no binary search over a large token array).
        let mut cursor = 0usize;
        for m in self.ac.find_overlapping_iter(&n.norm) {
            let p = self.patterns[m.pattern().as_usize()];
            let ei = p.entry as usize;
            let e = &entries[ei];
            if !e.enabled
                || e.severity < opts.min_severity
                || (!opts.categories.is_empty() && !opts.categories.contains(&e.category))
            {
                continue;
            }
            let target = m.start() + 1; // patterns are padded with spaces
            while cursor + 1 < n.toks.len() && n.toks[cursor].nb < target {
                cursor += 1;
            }
            while cursor > 0 && n.toks[cursor].nb > target {
                cursor -= 1;
            }
            let i = cursor;
            debug_assert_eq!(n.toks[i].nb, target);
            let j = i + p.ntoks as usize;
            if j > n.toks.len()
                || crosses_punctuation(n, i, j)
                || !self.keep(e, ei, n, i, j, &allow)
            {
                continue;
            }
            cands.push(Candidate {
                start: n.toks[i].ob,
                end: n.toks[j - 1].oe,
                entry: ei,
                severity: e.severity,
            });
        }
        dedup(&mut cands);
        // byte offsets -> char offsets, in one pass (candidates are sorted and disjoint)
        let (mut byte, mut chr) = (0usize, 0usize);
        cands
            .into_iter()
            .map(|c| {
                chr += text[byte..c.start].chars().count();
                let start = chr;
                chr += text[c.start..c.end].chars().count();
                byte = c.end;
                Finding {
                    start,
                    end: chr,
                    text: text[c.start..c.end].to_string(),
                    entry: c.entry,
                }
            })
            .collect()
    }

    fn keep(
        &self,
        e: &Entry,
        ei: usize,
        n: &Normalized,
        i: usize,
        j: usize,
        allow: &[Vec<String>],
    ) -> bool {
        if e.usage == Usage::Address && !addresses_group(n, i, j) {
            return false;
        }
        if self.exceptions[ei].iter().any(|x| x.holds(n, i, j)) {
            return false;
        }
        if is_mention(n, i) || is_quoted(n, i, j) {
            return false;
        }
        !allow.iter().any(|p| inside(n, i, j, p))
    }
}

/// The raw surface forms of an entry: its terms, their inflections, the extra forms.
fn surface_forms(e: &Entry) -> Vec<String> {
    let mut out = Vec::new();
    for t in &e.terms {
        if e.inflect == Inflect::Regular {
            out.extend(inflected_terms(t));
        } else {
            out.push(t.clone());
        }
    }
    if let Inflect::Forms(extra) = &e.inflect {
        out.extend(extra.iter().cloned());
    }
    out
}

/// Keep the longest of overlapping candidates (then the higher severity, then the earlier
/// entry); the result is sorted by start.
fn dedup(cands: &mut Vec<Candidate>) {
    if cands.len() < 2 {
        return;
    }
    cands.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<Candidate> = Vec::with_capacity(cands.len());
    let mut k = 0;
    while k < cands.len() {
        // one cluster of transitively overlapping candidates
        let mut end = cands[k].end;
        let mut m = k + 1;
        while m < cands.len() && cands[m].start < end {
            end = end.max(cands[m].end);
            m += 1;
        }
        let cluster = &mut cands[k..m];
        if cluster.len() == 1 {
            out.push(cluster[0]);
        } else {
            cluster.sort_by(|a, b| {
                (b.end - b.start)
                    .cmp(&(a.end - a.start))
                    .then(b.severity.cmp(&a.severity))
                    .then(a.entry.cmp(&b.entry))
                    .then(a.start.cmp(&b.start))
            });
            let first = out.len();
            for c in cluster.iter() {
                if out[first..]
                    .iter()
                    .all(|o| c.end <= o.start || c.start >= o.end)
                {
                    out.push(*c);
                }
            }
            out[first..].sort_by_key(|c| c.start);
        }
        k = m;
    }
    *cands = out;
}

// ---------------------------------------------------------------------------------------
// Context rules

/// A phrase is said in one go: a multi-token match may span spaces, hyphens, slashes and
/// quotes, but not a comma, colon, semicolon, bracket or the end of a sentence ("Man, the
/// only reason…" is not "man the").
fn crosses_punctuation(n: &Normalized, i: usize, j: usize) -> bool {
    (i + 1..j).any(|k| {
        n.gap_before(k)
            .contains([',', '.', ';', ':', '!', '?', '…', '(', ')', '[', ']', '\n'])
    })
}

/// The tokens just before `i` are `phrase`.
fn ends_at(n: &Normalized, i: usize, phrase: &[String]) -> bool {
    i >= phrase.len() && n.tokens_eq(i - phrase.len(), phrase)
}

/// `phrase` occurs in the text around the match `i..j` and contains it.
fn inside(n: &Normalized, i: usize, j: usize, phrase: &[String]) -> bool {
    let k = phrase.len();
    if k < j - i {
        return false;
    }
    let lo = j.saturating_sub(k);
    (lo..=i).any(|p| n.tokens_eq(p, phrase))
}

const POSSESSIVES: [&str; 6] = ["my", "our", "his", "her", "their", "your"];

/// Preceded by a possessive determiner, directly or with one word between ("my girls",
/// "our two girls").
fn possessive(n: &Normalized, i: usize) -> bool {
    (i >= 1 && POSSESSIVES.contains(&n.tok(i - 1)))
        || (i >= 2 && POSSESSIVES.contains(&n.tok(i - 2)) && !n.gap_before(i).contains(['.', ',']))
}

/// Capitalised and not sentence-initial, in a text written in both cases. A capitalised
/// sentence-initial word followed by another capitalised word counts too (a title before a
/// name: "Chairman Powell said…").
fn proper_noun(n: &Normalized, i: usize) -> bool {
    if !n.capitalised(i) {
        return false;
    }
    n.is_cased()
        && (!n.sentence_start(i)
            || (i + 1 < n.toks.len() && !n.sentence_start(i + 1) && n.capitalised(i + 1)))
}

/// Greetings and similar words after which "guys"/"ladies" address the listeners.
const ADDRESS_CUES: &[&[&str]] = &[
    &["hey"],
    &["hi"],
    &["hiya"],
    &["hello"],
    &["thanks"],
    &["thank", "you"],
    &["you"],
    &["morning"],
    &["afternoon"],
    &["evening"],
    &["night"],
    &["okay"],
    &["ok"],
    &["alright"],
    &["all", "right"],
    &["come", "on"],
    &["c'mon"],
    &["yo"],
    &["bye"],
    &["cheers"],
    &["sorry"],
    &["welcome"],
    &["congrats"],
    &["congratulations"],
];

/// Sentence-initial fillers that may precede a vocative ("So guys, …").
const FILLERS: &[&str] = &[
    "so", "well", "now", "right", "look", "listen", "yeah", "and", "but", "oh", "um", "uh",
];

fn cue_before(n: &Normalized, i: usize, cues: &[&[&str]]) -> bool {
    cues.iter().any(|c| {
        let k = c.len();
        i >= k && (0..k).all(|m| n.tok(i - k + m) == c[m])
    })
}

/// Whether the separators before token `j` (or the end of the text) close a phrase.
fn followed_by_break(n: &Normalized, j: usize) -> bool {
    j >= n.toks.len()
        || n.gap_before(j)
            .contains([',', '.', '!', '?', '…', ';', ':', '\n'])
}

/// The match `i..j` addresses the listeners (see the module docs).
fn addresses_group(n: &Normalized, i: usize, j: usize) -> bool {
    let first = n.tok(i);
    if ADDRESS_CUES.iter().any(|c| c.len() == 1 && c[0] == first) && j - i > 1 {
        return true; // the term itself starts with the cue: "you guys"
    }
    let gap = n.gap_before(i);
    let sentence_break = gap.contains(['.', '!', '?', '…', '\n']);
    if !sentence_break && i > 0 && cue_before(n, i, ADDRESS_CUES) {
        return true;
    }
    if n.sentence_start(i) && followed_by_break(n, j) {
        return true;
    }
    if i > 0
        && n.sentence_start(i - 1)
        && FILLERS.contains(&n.tok(i - 1))
        && followed_by_break(n, j)
    {
        return true;
    }
    // Raw speech-to-text output (lowercase, unpunctuated) has no commas to go by: there the
    // first word of an utterance (or the first after a filler) is taken as a vocative
    // ("guys we need to start").
    let opening = i == 0 || (i == 1 && FILLERS.contains(&n.tok(0)));
    if opening
        && !n.text.contains([',', '.', '?', '!', ';', ':'])
        && !n.text.chars().any(char::is_uppercase)
    {
        return true;
    }
    if i > 0 && gap.contains(',') && followed_by_break(n, j) {
        return true;
    }
    end_of_clause_vocative(n, i, j)
}

/// Words that make a following plural noun descriptive rather than a vocative: determiners,
/// quantifiers, possessives, prepositions, conjunctions and plural copulas ("the guys.",
/// "two guys.", "for the girls.", "they're nice guys."). Singular "this"/"that" are not
/// here: they cannot determine a plural ("Sorry about this guys.", "That's fab guys.").
const NOT_BEFORE_VOCATIVE: &[&str] = &[
    "the", "a", "an", "these", "those", "some", "any", "all", "both", "many", "few", "several",
    "more", "most", "other", "others", "such", "no", "every", "each", "which", "what", "whose",
    "my", "our", "your", "his", "her", "their", "its", "for", "to", "with", "of", "from", "by",
    "about", "among", "between", "like", "than", "at", "in", "on", "into", "onto", "behind",
    "against", "without", "toward", "towards", "and", "or", "nor", "are", "'re", "they're",
    "we're", "were", "be", "been", "being", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "dozen", "hundred",
];

/// Words that end a noun phrase, so that what comes before them cannot govern the term.
const PHRASE_CLOSERS: &[&str] = &["this", "that", "it", "them", "me", "us", "him", "you"];

/// A vocative closing a clause without a comma before it: "Good work guys.", "Take it away
/// guys." The term is followed by a comma or the end of the sentence, and none of the (up to
/// three) words before it in the same clause makes it descriptive (see
/// [`NOT_BEFORE_VOCATIVE`]).
fn end_of_clause_vocative(n: &Normalized, i: usize, j: usize) -> bool {
    if i == 0 || !followed_by_break(n, j) {
        return false;
    }
    for k in (i.saturating_sub(3)..i).rev() {
        if n.gap_before(k + 1)
            .contains([',', '.', '!', '?', '…', ';', ':', '\n'])
        {
            break; // clause boundary
        }
        let t = n.tok(k);
        if PHRASE_CLOSERS.contains(&t) {
            break; // "about this guys", "take it away guys": the noun phrase ended there
        }
        if NOT_BEFORE_VOCATIVE.contains(&t) || t.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    true
}

/// Metalinguistic cues: what follows them is talked about, not used.
const MENTION_CUES: &[&[&str]] = &[
    &["the", "word"],
    &["the", "words"],
    &["the", "term"],
    &["the", "terms"],
    &["the", "phrase"],
    &["the", "expression"],
    &["that", "word"],
    &["this", "word"],
    &["that", "term"],
    &["words", "like"],
    &["terms", "like"],
    &["phrases", "like"],
    &["called"],
    &["calling", "it"],
    &["call", "it"],
    &["so", "called"],
    &["stop", "using"],
    &["stop", "saying"],
    &["instead", "of"],
    &["rename"],
    &["renamed"],
    &["renaming"],
    &["replace"],
    &["replaced"],
    &["replacing"],
    &["quote"],
];

/// Saying-verbs: a mention only when at most one word away and not across punctuation
/// ("stop saying guys", "say hey guys", but not "as I said, the master branch…" or "I said
/// we should blacklist them").
const SAY_CUES: &[&[&str]] = &[&["say"], &["says"], &["said"], &["saying"]];

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '\'' | '`'
    )
}

/// Whether the term starting at token `i` is preceded by a mention cue.
fn is_mention(n: &Normalized, i: usize) -> bool {
    // Flags over the separators between the cue's end and the term, grown one gap at a time.
    let mut punct = false;
    for gap in 0..=3usize {
        if gap > i {
            break;
        }
        let e = i - gap; // the cue ends just before token e
        for c in n.gap_before(e).chars() {
            if matches!(c, '.' | '!' | '?' | '…' | '\n') {
                return false; // cues do not reach across sentences
            }
            if !c.is_whitespace() && c != ':' && !is_quote_char(c) {
                punct = true;
            }
        }
        if cue_before(n, e, MENTION_CUES) {
            return true;
        }
        if gap <= 1 && !punct && cue_before(n, e, SAY_CUES) {
            return true;
        }
    }
    false
}

/// Whether the match `i..j` sits inside quotation marks (within six tokens either side).
fn is_quoted(n: &Normalized, i: usize, j: usize) -> bool {
    // Opening quote: the nearest quotation mark before the match, scanning backwards.
    let mut open = false;
    'back: for k in (i.saturating_sub(5)..=i).rev() {
        let g = n.gap_before(k);
        if g.len() == 1 && g.as_bytes()[0] == b' ' {
            continue; // the usual case: a single space
        }
        for (p, c) in g.char_indices().rev() {
            if matches!(c, '.' | '!' | '?' | '\n') {
                break 'back;
            }
            let touches_next = p + c.len_utf8() == g.len();
            let after_space = if p == 0 {
                k == 0
            } else {
                g[..p].chars().next_back().is_some_and(char::is_whitespace)
            };
            match c {
                '“' | '„' | '«' => {
                    open = true;
                    break 'back;
                }
                '”' | '»' => break 'back,
                '"' => {
                    open = touches_next || after_space;
                    break 'back;
                }
                '‘' if touches_next => {
                    open = true;
                    break 'back;
                }
                '\'' | '’' if touches_next && after_space => {
                    open = true;
                    break 'back;
                }
                _ => {}
            }
        }
    }
    if !open {
        return false;
    }
    // Closing quote: the nearest quotation mark after the match.
    for k in j..=(j + 5).min(n.toks.len()) {
        for (p, c) in n.gap_before(k).char_indices() {
            match c {
                '”' | '»' | '"' => return true,
                '“' | '„' | '«' => return false,
                '’' | '\'' | '‘' if p == 0 => return true,
                '.' | '!' | '?' | '\n' if k > j => return false,
                _ => {}
            }
        }
    }
    false
}
