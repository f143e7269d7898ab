//! The automaton over all surface forms and the context rules applied to its matches.

use super::forms::{inflected_terms, spelling_keys};
use super::load::LexiconError;
use super::text::{Buffers, Normalized, phrase_tokens};
use super::{Entry, Exception, Finding, Inflect, NEAR_WINDOW, Options, Severity, Usage};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rayon::prelude::*;
use std::collections::BTreeSet;

/// An exception with its phrases tokenised.
#[derive(Clone, Debug)]
struct CompiledException {
    before: Vec<Vec<String>>,
    after: Vec<Vec<String>>,
    within: Vec<Vec<String>>,
    possessive: bool,
    proper_noun: bool,
    near: Vec<Vec<String>>,
    not_near: Vec<Vec<String>>,
    impersonal: bool,
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
            near: tok(&e.near),
            not_near: tok(&e.not_near),
            impersonal: e.impersonal,
        }
    }

    /// Whether every condition of this exception holds for the match `i..j`.
    fn holds(&self, n: &Normalized, i: usize, j: usize) -> bool {
        (self.before.is_empty() || self.before.iter().any(|p| ends_at(n, i, p)))
            && (self.after.is_empty() || self.after.iter().any(|p| n.tokens_eq(j, p)))
            && (self.within.is_empty() || self.within.iter().any(|p| inside(n, i, j, p)))
            && (!self.possessive || possessive(n, i))
            && (!self.proper_noun || proper_noun(n, i))
            && (self.near.is_empty() || self.near.iter().any(|p| near(n, i, j, p)))
            && (self.not_near.is_empty() || !self.not_near.iter().any(|p| near(n, i, j, p)))
            && (!self.impersonal || !person_near(n, i, j))
    }
}

/// One automaton pattern: which entry, how many tokens.
#[derive(Clone, Copy, Debug)]
struct Pattern {
    entry: u32,
    ntoks: u32,
}

/// The automaton is a contiguous NFA: a DFA searches ~1.4× faster (146 against 107 MB/s in
/// the `inclusive` stage bench) but takes ~100 M instructions (~20 ms, half of `turnstat
/// check`'s start-up) to build and ~6 MB more memory, and made no measurable difference end to
/// end (1,000 generated meetings: 2.70 s either way).
fn build(
    padded: &[String],
    kind: Option<AhoCorasickKind>,
) -> Result<AhoCorasick, aho_corasick::BuildError> {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(kind)
        // every pattern starts with a space, so a start-byte prefilter would stop at every
        // word
        .prefilter(false)
        // dense transitions for the first 8 bytes of every pattern, where nearly all the
        // search time goes (most words leave the trie within a few bytes): 107 -> 113 MB/s
        // for 4 M more instructions at start-up
        .dense_depth(8)
        .build(padded)
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
        // The spelling variants of each entry, computed in parallel (a third of the build).
        let sets: Vec<BTreeSet<String>> = entries
            .par_iter()
            .map(|e| {
                let mut set = BTreeSet::new();
                for form in surface_forms(e) {
                    spelling_keys(&form, &mut set);
                }
                set
            })
            .collect();
        for (ei, set) in sets.into_iter().enumerate() {
            for key in set {
                patterns.push(Pattern {
                    entry: ei as u32,
                    ntoks: key.split(' ').count() as u32,
                });
                padded.push(format!(" {key} "));
                keys.push(key);
            }
        }
        let ac = build(&padded, Some(AhoCorasickKind::ContiguousNFA))
            .or_else(|_| build(&padded, None))
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
        match e.usage {
            Usage::Address if !addresses_group(n, i, j) && !refers_to_group(n, i, j) => {
                return false;
            }
            Usage::Generic if !generic_antecedent(n, i) => return false,
            _ => {}
        }
        if self.exceptions[ei].iter().any(|x| x.holds(n, i, j)) {
            return false;
        }
        if is_mention(n, i) || language_verb_mention(n, i, j) || is_quoted(n, i, j) {
            return false;
        }
        if in_title(n, i, j) {
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

/// Nouns that let "a" govern a following plural ("a couple guys", "a bunch of guys").
const QUANTITY_NOUNS: &[&str] = &[
    "couple", "few", "lot", "lots", "bunch", "group", "pair", "handful", "dozen", "number", "bit",
    "gang", "crew", "load", "ton", "team", "squad", "set", "band", "pack", "series", "row",
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
        if matches!(t, "a" | "an")
            && k + 1 < i
            && !(k + 1..i).any(|m| QUANTITY_NOUNS.contains(&n.tok(m)))
        {
            // "such a geezer guys", "have a good weekend guys": a singular article cannot
            // determine the plural term, so its noun phrase ended before it
            break;
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

// ---------------------------------------------------------------------------------------
// Sentence windows: `near`, `not_near`, `impersonal`

/// Separators that end a sentence (a colon and a line break count, as in
/// [`Normalized::sentence_start`]).
fn sentence_break_before(n: &Normalized, k: usize) -> bool {
    k > 0 && k < n.toks.len() && n.sentence_start(k)
}

/// The token range `lo..hi` around the match `i..j`: at most `before` tokens before it and
/// `after` tokens after it, within its sentence.
fn window(n: &Normalized, i: usize, j: usize, before: usize, after: usize) -> (usize, usize) {
    let mut lo = i;
    while lo > 0 && i - lo < before && !sentence_break_before(n, lo) {
        lo -= 1;
    }
    let mut hi = j;
    while hi < n.toks.len() && hi - j < after && !sentence_break_before(n, hi) {
        hi += 1;
    }
    (lo, hi)
}

/// `phrase` occurs in the same sentence within [`NEAR_WINDOW`] tokens of the match `i..j`
/// (overlapping the match counts too).
fn near(n: &Normalized, i: usize, j: usize, phrase: &[String]) -> bool {
    let (lo, hi) = window(n, i, j, NEAR_WINDOW, NEAR_WINDOW);
    hi >= lo + phrase.len() && (lo..=hi - phrase.len()).any(|s| n.tokens_eq(s, phrase))
}

/// Words that refer to a person (for the `impersonal` exception). "you" is here but not in
/// the filler "you know".
const PERSON_WORDS: &[&str] = &[
    "he",
    "she",
    "him",
    "her",
    "his",
    "hers",
    "himself",
    "herself",
    "he'd",
    "she'd",
    "he'll",
    "she'll",
    "you",
    "your",
    "you're",
    "yourself",
    "ya",
    "guy",
    "guys",
    "man",
    "men",
    "woman",
    "women",
    "lady",
    "ladies",
    "girl",
    "girls",
    "boy",
    "boys",
    "person",
    "people",
    "folks",
    "colleague",
    "colleagues",
    "coworker",
    "coworkers",
    "teammate",
    "teammates",
    "boss",
    "manager",
    "managers",
    "candidate",
    "candidates",
    "applicant",
    "applicants",
    "intern",
    "employee",
    "employees",
    "engineer",
    "engineers",
    "developer",
    "developers",
    "designer",
    "director",
    "ceo",
    "cto",
    "executive",
    "executives",
    "customer",
    "customers",
    "dad",
    "mom",
    "mum",
    "father",
    "mother",
    "grandpa",
    "grandma",
    "granddad",
    "grandmother",
    "grandfather",
    "uncle",
    "aunt",
    "brother",
    "sister",
    "husband",
    "wife",
    "son",
    "daughter",
    "kid",
    "kids",
    "friend",
    "friends",
    "neighbour",
    "neighbor",
    "someone",
    "somebody",
    "anyone",
    "anybody",
    "everyone",
    "everybody",
    "dude",
    "bloke",
    "chap",
    "fella",
    "gentleman",
    "gentlemen",
    "who",
];

/// Capitalised sentence openers that are not names even before `'s` ("It's", "That's").
const NOT_NAMES: &[&str] = &[
    "it",
    "that",
    "this",
    "there",
    "here",
    "what",
    "who",
    "where",
    "when",
    "why",
    "how",
    "he",
    "she",
    "let",
    "everything",
    "nothing",
    "something",
    "everyone",
    "someone",
    "one",
    "today",
    "tomorrow",
    "yesterday",
    "now",
    "today's",
    "the",
    "i",
    "i'm",
    "i'd",
    "i'll",
    "i've",
];

/// Whether a person is referred to near the match `i..j` (see [`Exception::impersonal`]).
fn person_near(n: &Normalized, i: usize, j: usize) -> bool {
    let (lo, hi) = window(n, i, j, NEAR_WINDOW, 3);
    (lo..hi).filter(|k| !(i..j).contains(k)).any(|k| {
        let t = n.tok(k);
        if PERSON_WORDS.contains(&t) {
            return !(t == "you" && k + 1 < n.toks.len() && n.tok(k + 1) == "know");
        }
        // a name: capitalised inside a sentence, or sentence-initial before 's ("Bob's a…")
        n.is_cased()
            && n.capitalised(k)
            && !NOT_NAMES.contains(&t)
            && (!n.sentence_start(k) || (k + 1 < n.toks.len() && n.tok(k + 1) == "'s"))
    })
}

// ---------------------------------------------------------------------------------------
// Group reference (address entries)

/// Determiners after which an address term refers to a whole group ("those guys", "all the
/// guys"). Not "these": in meetings "these guys" mostly points at things on the screen
/// ("so these guys all have to add up to one").
const GROUP_DETERMINERS: &[&[&str]] = &[
    &["those"],
    &["all", "the"],
    &["all", "those"],
    &["all", "of", "the"],
    &["all", "of", "those"],
];

/// Where-phrases that make "the guys" a reference to a team or department ("the guys on the
/// platform team", "the girls in accounting", "the guys over at infra").
const LOCATIVES: &[&[&str]] = &[
    &["on"],
    &["in"],
    &["from"],
    &["at"],
    &["over", "in"],
    &["over", "at"],
    &["over", "on"],
    &["down", "in"],
    &["down", "at"],
    &["up", "in"],
    &["up", "at"],
    &["out", "in"],
    &["out", "at"],
    &["back", "in"],
    &["back", "at"],
];

/// The match `i..j` refers to a group of colleagues rather than addressing them: "those
/// guys", "all the guys", or "the guys" followed by where they work ("the guys on the
/// platform team", "the girls in accounting").
fn refers_to_group(n: &Normalized, i: usize, j: usize) -> bool {
    // only plural terms name a group ("the young lady at the desk" is one person)
    let last = n.tok(j - 1);
    if !(last.ends_with('s') || last.ends_with("men")) {
        return false;
    }
    if i == 0
        || n.gap_before(i)
            .contains([',', '.', ';', ':', '!', '?', '…', '(', ')', '\n'])
    {
        return false;
    }
    if cue_before(n, i, GROUP_DETERMINERS) {
        return true;
    }
    if n.tok(i - 1) != "the" || j >= n.toks.len() || followed_by_break(n, j) {
        return false;
    }
    LOCATIVES.iter().any(|l| {
        let end = j + l.len();
        end < n.toks.len()
            && (0..l.len()).all(|m| n.tok(j + m) == l[m])
            && !(j + 1..=end).any(|k| followed_by_break(n, k))
    })
}

// ---------------------------------------------------------------------------------------
// Generic pronouns (`usage = "generic"`)

/// Role nouns that make a generic antecedent after a quantifier or an article.
const ROLE_NOUNS: &[&str] = &[
    "user",
    "developer",
    "engineer",
    "customer",
    "employee",
    "person",
    "candidate",
    "applicant",
    "manager",
    "admin",
    "administrator",
    "member",
    "student",
    "client",
    "player",
    "reviewer",
    "contributor",
    "author",
    "caller",
    "visitor",
    "patient",
    "driver",
    "owner",
    "maintainer",
    "operator",
    "tester",
    "designer",
    "reader",
    "writer",
    "buyer",
    "seller",
    "worker",
    "teammate",
    "hire",
    "colleague",
    "individual",
    "participant",
    "attendee",
    "subscriber",
    "consumer",
    "programmer",
    "analyst",
    "researcher",
    "scientist",
    "doctor",
    "nurse",
    "teacher",
    "lawyer",
    "agent",
    "representative",
    "rep",
    "supervisor",
    "lead",
    "intern",
    "contractor",
    "consultant",
    "volunteer",
    "recruit",
    "guest",
    "tenant",
    "learner",
    "trainee",
    "freelancer",
    "founder",
    "investor",
    "speaker",
    "presenter",
    "approver",
    "requester",
    "assignee",
    "submitter",
    "committer",
    "newcomer",
    "beginner",
    "expert",
];

/// Quantifiers that make any following role noun generic ("every engineer").
const GENERIC_QUANTIFIERS: &[&str] = &["each", "every", "any", "no"];

/// Indefinite pronouns that are generic by themselves ("everyone should bring his laptop").
const GENERIC_PRONOUNS: &[&[&str]] = &[
    &["anyone"],
    &["anybody"],
    &["everyone"],
    &["everybody"],
    &["whoever"],
    &["nobody"],
    &["no", "one"],
    &["each", "one"],
    &["every", "one"],
];

/// Indefinite pronouns that may be a specific unknown person ("someone called, he…") and are
/// generic only in a hypothetical context.
const WEAK_PRONOUNS: &[&[&str]] = &[&["someone"], &["somebody"]];

/// Words that open a hypothetical or generic context ("if a user…", "once the customer…").
const HYPOTHETICAL_CUES: &[&[&str]] = &[
    &["if"],
    &["when"],
    &["whenever"],
    &["once"],
    &["unless"],
    &["until"],
    &["suppose"],
    &["supposing"],
    &["imagine"],
    &["whether"],
    &["assuming"],
    &["in", "case"],
    &["as", "soon", "as"],
    &["every", "time"],
    &["each", "time"],
    &["let", "'s", "say"],
    &["lets", "say"],
];

/// Modals between an indefinite antecedent and the pronoun make it generic ("a developer
/// should update his…", "an admin can only see his…"); after "the" they do not count.
const GENERIC_MODALS: &[&str] = &[
    "should",
    "shouldn't",
    "must",
    "mustn't",
    "needs",
    "need",
    "ought",
    "has",
    "have",
    "supposed",
    "can",
    "can't",
    "cannot",
    "could",
    "couldn't",
    "will",
    "won't",
    "would",
    "wouldn't",
    "may",
    "might",
];

/// Signs of a past, specific event: an antecedent with an article is then taken as a
/// specific person the speaker may know ("when the customer called yesterday, he…").
const PAST_MARKERS: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "came",
    "went",
    "got",
    "called",
    "asked",
    "wanted",
    "sent",
    "emailed",
    "wrote",
    "left",
    "yesterday",
    "ago",
    "last",
];

/// Words for a specific (gendered or unique) person: a pronoun after them refers to them,
/// not to a generic antecedent further back.
const SPECIFIC_PERSON_WORDS: &[&str] = &[
    "man",
    "guy",
    "boy",
    "father",
    "dad",
    "brother",
    "son",
    "husband",
    "boyfriend",
    "uncle",
    "grandpa",
    "grandfather",
    "nephew",
    "king",
    "sir",
    "mr",
    "gentleman",
    "woman",
    "girl",
    "lady",
    "mother",
    "mom",
    "mum",
    "sister",
    "daughter",
    "wife",
    "girlfriend",
    "aunt",
    "grandma",
    "grandmother",
    "niece",
    "queen",
    "mrs",
    "ms",
    "miss",
    "ceo",
    "cto",
    "cfo",
    "coo",
    "cio",
    "president",
    "boss",
    "named",
    "called",
];

const POSSESSIVE_DETERMINERS: &[&str] = &["my", "our", "your", "their", "his", "her"];

/// How far back (in tokens) a generic antecedent is looked for.
const ANTECEDENT_WINDOW: usize = 12;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Antecedent {
    /// Generic by itself: every/each/any/no + role noun, everyone, anybody…
    Strong,
    /// a/an/the + role noun, someone: generic only in a hypothetical context; the value is
    /// the token where the antecedent starts.
    Weak(usize),
}

fn separated(n: &Normalized, k: usize) -> bool {
    n.gap_before(k)
        .contains([',', '.', ';', ':', '!', '?', '…', '(', ')', '\n'])
}

/// An antecedent ending at token `k`.
fn antecedent_at(n: &Normalized, k: usize) -> Option<Antecedent> {
    if cue_before(n, k + 1, GENERIC_PRONOUNS) {
        return Some(Antecedent::Strong);
    }
    if cue_before(n, k + 1, WEAK_PRONOUNS) {
        return Some(Antecedent::Weak(k));
    }
    let t = n.tok(k);
    if !ROLE_NOUNS.contains(&t) {
        // "each of the engineers", "every one of our users"
        let singular = t.strip_suffix('s')?;
        if !ROLE_NOUNS.contains(&singular) || k < 3 {
            return None;
        }
        let of = (1..=2).find(|&m| n.tok(k - m) == "of")?;
        if of == 2 && n.tok(k - 1) == "my" {
            return None; // "each of my reports": people the speaker knows
        }
        let q = n.tok(k - of - 1);
        let q2 = if k >= of + 2 { n.tok(k - of - 2) } else { "" };
        return (matches!(q, "each" | "any") || (q == "one" && matches!(q2, "each" | "every")))
            .then_some(Antecedent::Strong);
    }
    // a determiner up to two words before the noun ("every new user", "a senior engineer")
    for m in 1..=3 {
        if m > k || separated(n, k - m + 1) {
            return None;
        }
        let d = n.tok(k - m);
        if GENERIC_QUANTIFIERS.contains(&d) {
            return Some(Antecedent::Strong);
        }
        if matches!(d, "a" | "an" | "the") {
            return Some(Antecedent::Weak(k - m));
        }
        if POSSESSIVE_DETERMINERS.contains(&d) || matches!(d, "this" | "that" | "these" | "those") {
            return None; // "my manager", "that engineer": a specific person
        }
    }
    None
}

/// A word at `k` that makes a following pronoun refer to someone specific: a gendered or
/// unique person noun ("his wife, she…", "the CEO"), a possessive before a role noun ("my
/// manager") or, in cased text, a name ("if a user asks Tom, he…").
fn blocks_generic(n: &Normalized, k: usize) -> bool {
    let t = n.tok(k);
    if SPECIFIC_PERSON_WORDS.contains(&t) {
        return true;
    }
    if POSSESSIVE_DETERMINERS[..4].contains(&t)
        && k + 1 < n.toks.len()
        && ROLE_NOUNS.contains(&n.tok(k + 1))
    {
        return true;
    }
    n.is_cased()
        && n.capitalised(k)
        && !n.sentence_start(k)
        && !matches!(t, "i" | "i'm" | "i'd" | "i'll" | "i've")
}

/// A hypothetical cue in the same sentence before token `start`.
fn hypothetical_before(n: &Normalized, start: usize) -> bool {
    let mut k = start;
    while k > 0 && start - k < ANTECEDENT_WINDOW && !sentence_break_before(n, k) {
        if cue_before(n, k, HYPOTHETICAL_CUES) {
            return true;
        }
        k -= 1;
    }
    cue_before(n, k, HYPOTHETICAL_CUES)
}

/// The pronoun at token `i` has a generic, hypothetical or indefinite antecedent earlier in
/// its sentence, within [`ANTECEDENT_WINDOW`] tokens, and no name or specific person comes
/// between them (see the module docs).
fn generic_antecedent(n: &Normalized, i: usize) -> bool {
    let lo = i.saturating_sub(ANTECEDENT_WINDOW);
    // An object pronoun cannot refer to the subject of its own clause ("everybody hated
    // him"): "him" (and "her" as an object) needs a clause boundary after the antecedent.
    let object = match n.tok(i) {
        "him" => true,
        "her" => {
            i + 1 >= n.toks.len() || separated(n, i + 1) || OBJECT_FOLLOWERS.contains(&n.tok(i + 1))
        }
        _ => false,
    };
    let mut clause_break = false;
    // "everyone knows he's right": a subject pronoun right after a verb of saying or
    // thinking is usually someone else
    if SUBJECT_PRONOUNS.contains(&n.tok(i)) && i > 0 {
        let v = if n.tok(i - 1) == "that" && i > 1 {
            i - 2
        } else {
            i - 1
        };
        if COMPLEMENT_VERBS.contains(&n.tok(v)) {
            return false;
        }
    }
    let mut cue_between = false;
    let mut modal = false;
    let mut past = i + 1 < n.toks.len() && PAST_MARKERS.contains(&n.tok(i + 1));
    let mut k = i;
    while k > lo && !sentence_break_before(n, k) {
        clause_break |= separated(n, k);
        k -= 1;
        if blocks_generic(n, k) {
            return false;
        }
        let t = n.tok(k);
        // "has", "have", "need(s)" only as "has to", "needs to"
        let to_follows = k + 1 < i && n.tok(k + 1) == "to";
        modal |= GENERIC_MODALS.contains(&t)
            && (to_follows || !matches!(t, "has" | "have" | "need" | "needs"));
        past |= PAST_MARKERS.contains(&t);
        cue_between |= matches!(t, "if" | "when" | "whenever" | "once" | "unless" | "until");
        match antecedent_at(n, k) {
            _ if object && !clause_break && CLAUSE_OPENERS.contains(&t) => clause_break = true,
            Some(_) if object && !clause_break => return false,
            Some(Antecedent::Strong) => return true,
            Some(Antecedent::Weak(start)) => {
                // a modal is enough after "a/an" ("a developer should…"), not after "the"
                // ("the developer should send his invoice" may be someone specific)
                let indefinite = matches!(n.tok(start), "a" | "an");
                return !past
                    && ((modal && indefinite) || cue_between || hypothetical_before(n, start));
            }
            None => {}
        }
    }
    false
}

const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "he'd", "she'd", "he'll", "she'll"];

/// Verbs of saying and thinking: a subject pronoun right after them ("everyone knows he…",
/// "nobody said she…") is usually someone other than their subject.
const COMPLEMENT_VERBS: &[&str] = &[
    "know",
    "knows",
    "knew",
    "think",
    "thinks",
    "thought",
    "say",
    "says",
    "said",
    "agree",
    "agrees",
    "agreed",
    "believe",
    "believes",
    "believed",
    "hope",
    "hopes",
    "hoped",
    "expect",
    "expects",
    "expected",
    "hear",
    "heard",
    "see",
    "sees",
    "saw",
    "feel",
    "feels",
    "felt",
    "assume",
    "assumes",
    "assumed",
    "figure",
    "figured",
    "guess",
    "guessed",
    "remember",
    "remembers",
    "noticed",
    "realised",
    "realized",
    "told",
    "tell",
    "tells",
    "asked",
    "wish",
    "wishes",
    "worry",
    "worries",
    "worried",
    "doubt",
    "doubts",
    "understand",
    "understands",
];

/// Words that open a new clause (for the object-pronoun rule in [`generic_antecedent`]).
const CLAUSE_OPENERS: &[&str] = &[
    "that", "who", "whom", "which", "if", "when", "whenever", "and", "but", "or", "so", "because",
    "then", "to", "until", "unless", "once", "while", "before", "after", "since", "as", "where",
];

/// Words after which "her" is an object, not a possessive ("ask her to", "tell her about").
const OBJECT_FOLLOWERS: &[&str] = &[
    "to", "for", "about", "with", "and", "or", "in", "on", "at", "that", "the", "a", "an", "up",
    "down", "out", "back", "off", "over", "know", "if", "when", "because", "so", "but", "too",
    "again", "now", "then", "this", "some", "any", "what", "how", "why", "first", "directly",
];

// ---------------------------------------------------------------------------------------
// Titles and metalinguistic verbs

/// Lowercase words that may link the words of a title ("Crazy in Love", "Lord of the Flies").
const TITLE_LINKS: &[&str] = &[
    "of", "in", "on", "the", "a", "an", "and", "to", "for", "with", "at", "from", "by", "or",
    "over", "under", "into", "about", "without", "vs",
];

/// The capitalised match `i..j` is part of a title written in title case: it is joined by one
/// or two lowercase link words to another capitalised word ("Crazy in Love came on"). Only in
/// text that has both cases.
fn in_title(n: &Normalized, i: usize, j: usize) -> bool {
    if !n.is_cased() || !n.capitalised(i) || !n.capitalised(j - 1) {
        return false;
    }
    let titled = |k: usize| n.capitalised(k) && !matches!(n.tok(k), "i" | "i'm" | "i'll");
    let link = |k: usize| TITLE_LINKS.contains(&n.tok(k)) && !n.capitalised(k);
    // forward: match, link word(s), capitalised word
    let mut k = j;
    let mut links = 0;
    while k < n.toks.len() && !separated(n, k) && links <= 2 {
        if link(k) {
            links += 1;
            k += 1;
            continue;
        }
        if links > 0 && titled(k) {
            return true;
        }
        break;
    }
    // backward: capitalised word, link word(s), match
    let mut k = i;
    let mut links = 0;
    while k > 0 && !separated(n, k) && links <= 2 {
        k -= 1;
        if link(k) {
            links += 1;
            continue;
        }
        return links > 0 && titled(k);
    }
    false
}

/// Verbs that, in talk about language, take a word as their object ("avoid crazy as an
/// intensifier", "someone flagged sanity check in the runbook").
const LANGUAGE_VERBS: &[&[&str]] = &[
    &["avoid"],
    &["avoids"],
    &["avoided"],
    &["avoiding"],
    &["flag"],
    &["flags"],
    &["flagged"],
    &["flagging"],
    &["ban"],
    &["bans"],
    &["banned"],
    &["banning"],
    &["retire"],
    &["retired"],
    &["retiring"],
    &["deprecate"],
    &["deprecated"],
    &["deprecating"],
    &["phase", "out"],
    &["phased", "out"],
    &["phasing", "out"],
    &["get", "rid", "of"],
    &["got", "rid", "of"],
    &["getting", "rid", "of"],
    &["move", "away", "from"],
    &["moved", "away", "from"],
    &["moving", "away", "from"],
];

/// Words elsewhere in the sentence that show it is about language.
const LANGUAGE_MARKERS: &[&[&str]] = &[
    &["word"],
    &["words"],
    &["term"],
    &["terms"],
    &["phrase"],
    &["phrases"],
    &["wording"],
    &["language"],
    &["vocabulary"],
    &["intensifier"],
    &["intensifiers"],
    &["idiom"],
    &["idioms"],
    &["metaphor"],
    &["metaphors"],
    &["slur"],
    &["slurs"],
    &["euphemism"],
    &["euphemisms"],
    &["jargon"],
    &["style", "guide"],
    &["styleguide"],
    &["linter"],
    &["lint"],
    &["inclusive"],
    &["rename"],
    &["renamed"],
    &["reword"],
    &["reworded"],
    &["rewrote"],
    &["rewrite"],
    &["rephrase"],
    &["rephrased"],
    &["alternative"],
    &["alternatives"],
    &["changed", "it", "to"],
    &["change", "it", "to"],
    &["replaced", "it"],
    &["replace", "it"],
];

/// What a mentioned word is said to be or to sit in, right after it ("avoid crazy as an
/// intensifier", "flagged master in the README").
const MENTION_AS: &[&str] = &[
    "a",
    "an",
    "in",
    "being",
    "ableist",
    "sexist",
    "racist",
    "offensive",
    "problematic",
    "outdated",
    "exclusionary",
    "insensitive",
    "harmful",
    "noninclusive",
];

/// Places where words are written: "flagged master in the README".
const TEXT_PLACES: &[&str] = &[
    "readme",
    "docs",
    "doc",
    "documentation",
    "runbook",
    "runbooks",
    "code",
    "codebase",
    "comments",
    "comment",
    "config",
    "configs",
    "repo",
    "repos",
    "wiki",
    "page",
    "pages",
    "slides",
    "deck",
    "copy",
    "text",
    "strings",
    "ui",
    "messages",
    "emails",
    "tickets",
    "ticket",
    "pr",
    "prs",
    "prose",
    "spec",
    "specs",
    "template",
    "templates",
    "guide",
    "handbook",
    "channel",
    "chat",
    "slack",
    "transcript",
    "transcripts",
    "writing",
    "posts",
    "post",
    "glossary",
    "changelog",
    "notes",
];

/// A term right after a metalinguistic verb ("avoid", "flag", "ban", "phase out", …) in a
/// sentence that is about language: the term is followed by "as a/an …" or "in/from the
/// README" (a place where words are written), or the sentence has a language word (word,
/// term, phrase, intensifier, style guide, linter, renamed, "changed it to", …). "Let's avoid
/// crazy deadlines" stays a use.
fn language_verb_mention(n: &Normalized, i: usize, j: usize) -> bool {
    if i == 0 || separated(n, i) || !cue_before(n, i, LANGUAGE_VERBS) {
        return false;
    }
    let len = n.toks.len();
    if j < len && !separated(n, j) {
        let next = n.tok(j);
        if next == "as" && j + 1 < len && MENTION_AS.contains(&n.tok(j + 1)) {
            return true;
        }
        if matches!(next, "in" | "from" | "throughout" | "across")
            && (j + 1..(j + 4).min(len))
                .take_while(|&k| !separated(n, k))
                .any(|k| TEXT_PLACES.contains(&n.tok(k)))
        {
            return true;
        }
    }
    let (lo, hi) = window(n, i, j, 20, 20);
    (lo..hi)
        .filter(|k| !(i..j).contains(k))
        .any(|k| cue_before(n, k + 1, LANGUAGE_MARKERS))
}
