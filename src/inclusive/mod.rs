//! Inclusive-language findings: lexicon terms found in what people said.
//!
//! The lexicons are TOML files in `lexicons/inclusive/` (schema in that folder's README),
//! embedded in the binary with `include_str!` and optionally merged with user directories
//! ([`Lexicon::with_dirs`]). [`Lexicon::find`] returns the [`Finding`]s in one utterance.
//!
//! # How matching works
//!
//! Text and terms go through the same tokeniser: lowercase, `’` read as `'`, hyphens and all
//! other punctuation as separators, apostrophes inside words kept, a possessive `'s` split off
//! as its own token. Every term is expanded by the loader into its surface forms (regular
//! inflections of the last word when `inflect = true`, explicit extra forms, and
//! hyphen / space / one-word variants). All forms of all entries go into **one**
//! Aho–Corasick automaton that runs over the normalised token stream, so a term only ever
//! matches whole tokens ("Masterson" and "résumé" never match anything inside them), and the
//! offsets are mapped back to char (Unicode scalar) offsets in the original text. There is no
//! regex in the matching path.
//!
//! # Context rules
//!
//! Per entry, as data: `exceptions` (`before`, `after`, `within`, `possessive`,
//! `proper_noun`, and the sentence-window conditions `near`, `not_near` and `impersonal`;
//! any exception that holds suppresses the finding) and `usage`.
//!
//! Engine-wide:
//!
//! - **Identity words are never flagged as such.** Gay, Jewish, Black, disabled, deaf,
//!   Muslim, Asian and the like are simply not terms; only pejorative uses and phrases
//!   ("so gay", "no homo") are.
//! - **Gendered words about a specific person or the speaker's own family are not flagged.**
//!   Kinship words and honorifics are not terms, and pronouns count only as generic
//!   pronouns (below). Address terms (`usage = "address"`, e.g. "guys", "ladies") are
//!   flagged only when they address a group or refer to one:
//!   - right after hey / hi / hello / thanks / thank you / you / morning / okay / alright /
//!     come on and a few similar greetings ("hey guys", "thanks, guys", "you guys");
//!   - at the start of a sentence followed by a comma or the end of the sentence ("Guys, …"),
//!     or after a sentence-initial filler ("So guys, …");
//!   - closing a phrase after a comma ("Let's start, guys."), or closing a clause when none
//!     of the three words before it is a determiner, possessive, number, preposition,
//!     conjunction or plural copula ("Good work guys.", but not "Ask the infra guys." or
//!     "They're nice guys.");
//!   - after a singular noun phrase, which an article cannot extend over a plural ("don't
//!     be such a pain guys", "have a good weekend guys"; but "a couple guys", "a bunch of
//!     guys" are counts);
//!   - in raw speech-to-text output (lowercase, no punctuation), as the first word of the
//!     utterance ("guys we need to start");
//!   - **group reference**: after "those", "all the", "all those" ("those guys never
//!     reply", "all the guys were there"), or after "the" when a where-phrase follows (on /
//!     in / from / at / over in / over at / down in …: "the guys on the platform team",
//!     "the girls in accounting", "the guys from infra"). Not "these guys", which in
//!     meetings mostly points at things on a screen, and not "the infra guys" or "two guys".
//!
//!   A singular "guy" is not a term.
//! - **Generic pronouns** (`usage = "generic"`: he / him / his / himself and she / her /
//!   hers / herself) count only when a generic, hypothetical or indefinite antecedent comes
//!   earlier in the same sentence, at most 12 tokens back:
//!   - *strong* antecedents are generic by themselves: each / every / any / no + a role
//!     noun (user, engineer, customer, candidate, manager, new hire, …, with up to two
//!     words between: "every new user"), "each of the engineers", and anyone / anybody /
//!     everyone / everybody / whoever / nobody / no one / each one;
//!   - *weak* antecedents (a / an / the + role noun, someone, somebody) count only in a
//!     hypothetical context: a cue before them (if, when, whenever, once, unless, until,
//!     suppose, imagine, let's say, in case, every time…) or between them and the pronoun
//!     (if, when, once, unless, until), or for a / an a modal between (should, must, can,
//!     will, needs to…); and never with a past-event marker (was, said, called, yesterday,
//!     last, ago…: "a customer called yesterday and he was upset");
//!   - nothing that points at a specific person may come between: a name (capitalised
//!     inside a sentence, in cased text), a gendered or unique person noun (man, guy, wife,
//!     dad, CEO, boss…), or my / our / your / their + role noun ("my manager");
//!   - "him" (and "her" as an object) needs a clause boundary after the antecedent
//!     ("everybody hated him" is someone else), and a subject pronoun right after a verb of
//!     saying or thinking ("everyone knows he's…") is taken as someone else.
//!
//!   "his or her" and "he/she" are the separate `he-or-she` entry (the longer span wins).
//! - **Mentions are not flagged.** A term preceded within four tokens (same sentence) by a
//!   metalinguistic cue ("the word", "the term", "called", "so-called", "stop using",
//!   "instead of", "rename(d)", "replace(d)", "quote", …; "say"/"said"/"saying" count only
//!   with at most one word between and no punctuation), or written in quotation marks, is
//!   taken as talk *about* the word. So is a term right after a metalinguistic verb
//!   (avoid, flag, ban, retire, deprecate, phase out, get rid of, move away from) when the
//!   sentence is about language: the term is followed by "as a/an …" or by "in/from the
//!   README" (a place where words are written: docs, runbook, code, slides…), or the
//!   sentence has a language word (word, term, phrase, intensifier, idiom, style guide,
//!   linter, inclusive, renamed, "changed it to"…). "Let's avoid crazy deadlines" is a use.
//! - **Titles are not flagged.** In cased text, a capitalised term joined by one or two
//!   lowercase link words (in, of, the, and, on…) to another capitalised word is taken as
//!   part of a title ("Crazy in Love came on"); a plain sentence-initial capital ("Crazy
//!   week") is not a title.
//! - **`usage = "metaphor"`** entries are figurative phrases ("blind to the risks",
//!   "crippled the release"); their literal uses are suppressed through exceptions, and bare
//!   literal words ("blind") are not terms at all.
//! - There is **no profanity list**.
//! - A multi-word term is one phrase: its match may span spaces, hyphens, slashes and
//!   quotes but not a comma, colon, semicolon, bracket or sentence end ("Man, the only
//!   reason…" is not "man the").
//! - Overlapping findings are de-duplicated: the longest span wins (then the higher severity,
//!   then the earlier entry); there is one finding per span.
//! - [`Options::allow`] is a phrase-level allow-list: a finding lying inside an allowed
//!   phrase ("scrum master") is dropped.

mod forms;
mod load;
mod matcher;
mod text;

#[cfg(test)]
mod eval;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::PathBuf;

pub use load::LexiconError;

/// The topic an entry belongs to (one built-in file per category).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// Gendered address, man-compounds, job titles, stereotypes, generic pronouns.
    Gender,
    /// Colour metaphors, slavery and colonial idioms, appropriation, mocking phrases.
    RaceEthnicity,
    /// Disability, mental health and intelligence metaphors, pity framing.
    Disability,
    /// Age stereotypes.
    Age,
    /// Pejorative uses around sexual orientation and gender identity.
    Lgbtq,
    /// Religious terms as metaphors, religious slurs.
    Religion,
    /// Socioeconomic class and body size.
    ClassBody,
}

impl Category {
    /// All categories, in the order of the built-in files.
    pub const ALL: [Category; 7] = [
        Category::Gender,
        Category::RaceEthnicity,
        Category::Disability,
        Category::Age,
        Category::Lgbtq,
        Category::Religion,
        Category::ClassBody,
    ];

    /// The kebab-case name used in the lexicon files and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Gender => "gender",
            Category::RaceEthnicity => "race-ethnicity",
            Category::Disability => "disability",
            Category::Age => "age",
            Category::Lgbtq => "lgbtq",
            Category::Religion => "religion",
            Category::ClassBody => "class-body",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How strongly a term is worth raising; ordered `Low < Medium < High`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Contested or mild; worth knowing about.
    #[default]
    Low,
    /// Commonly avoided in style guides.
    Medium,
    /// Widely considered hurtful.
    High,
}

impl Severity {
    /// The lowercase name used in the lexicon files and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An alternative wording, optionally tagged with the sense it fits ("branch", "group").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// The suggested words.
    pub text: String,
    /// The sense of the term this suggestion is for, when the term has several.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sense: Option<String>,
}

/// When an entry's terms count as a use (see the module docs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Usage {
    /// Any use.
    #[default]
    Any,
    /// Only when addressing a group ("hey guys", "you guys", "Guys, …") or referring to one
    /// ("the guys on the platform team", "all the guys").
    Address,
    /// A figurative phrase; literal uses are excluded through exceptions.
    Metaphor,
    /// A pronoun used for a generic, hypothetical or indefinite person: only when such an
    /// antecedent comes earlier in the same sentence ("if a user forgets his password",
    /// "every engineer should update his laptop"), never after a name or a specific person.
    Generic,
}

/// Which extra forms the loader generates for an entry's terms.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Inflect {
    /// Only the terms as written (plus spelling variants).
    #[default]
    Off,
    /// Regular inflections of each term's last word (-s/-es/-ies, -ed, -ing, -er).
    Regular,
    /// These extra complete surface forms (irregular ones: "idiotic", "idiocy").
    Forms(Vec<String>),
}

/// A context in which an entry's finding is suppressed. All conditions given in one
/// exception must hold; any holding exception suppresses the finding.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Exception {
    /// Phrases, one of which must come right before the match.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub before: Vec<String>,
    /// Phrases, one of which must come right after the match.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<String>,
    /// Phrases, one of which must contain the match.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub within: Vec<String>,
    /// The match follows my/our/his/her/their/your (+ optionally one more word).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub possessive: bool,
    /// The match is capitalised, not sentence-initial, in a text that has both cases.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub proper_noun: bool,
    /// Phrases, one of which must occur in the same sentence within
    /// [`NEAR_WINDOW`] tokens of the match (the match itself included): context words of
    /// a literal sense ("powwow" near "dances", "blind spot" near "mirror").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub near: Vec<String>,
    /// Phrases none of which may occur in the same sentence within [`NEAR_WINDOW`] tokens
    /// of the match: the context a sense needs ("lifestyle choice" only near "gay",
    /// "trans", …).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_near: Vec<String>,
    /// No person is referred to in the same sentence, in the [`NEAR_WINDOW`] tokens before
    /// the match or the three after it: no he/she/him/her/his/you, no person noun (guy,
    /// colleague, candidate…) and, in cased text, no name. For words that are only a
    /// problem when said about a person ("a total dinosaur", "gotten fat").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub impersonal: bool,
}

/// How many tokens either side of a match the `near`, `not_near` and `impersonal`
/// exception conditions look at (never across the end of a sentence).
pub const NEAR_WINDOW: usize = 8;

/// One lexicon entry: a concept with its surface forms, advice and context rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// Stable kebab-case id, unique across all files; the key for user overrides.
    pub id: String,
    /// Topic.
    pub category: Category,
    /// How strongly it is worth raising.
    pub severity: Severity,
    /// Surface forms as written in the lexicon.
    pub terms: Vec<String>,
    /// Which extra forms are generated.
    pub inflect: Inflect,
    /// When a match counts as a use.
    pub usage: Usage,
    /// Alternatives, in order of preference.
    pub suggestions: Vec<Suggestion>,
    /// One sentence for a coaching conversation.
    pub explanation: String,
    /// Public guidance backing the entry (URLs).
    pub sources: Vec<String>,
    /// Disabled entries never match (users silence built-in entries this way).
    pub enabled: bool,
    /// Contexts that suppress a finding.
    pub exceptions: Vec<Exception>,
}

/// One term found in a text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Char (Unicode scalar) offset of the first char of the match in the text.
    pub start: usize,
    /// Char offset just past the match (exclusive).
    pub end: usize,
    /// The matched span as written.
    pub text: String,
    /// Index into [`Lexicon::entries`].
    pub entry: usize,
}

/// What to report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Findings of lower severity are dropped.
    pub min_severity: Severity,
    /// Categories to report; empty means all.
    pub categories: Vec<Category>,
    /// Phrase-level allow-list: a finding inside one of these phrases is dropped.
    pub allow: Vec<String>,
}

/// The compiled lexicon: entries plus one automaton over all their surface forms.
/// Build it once and share it (it is `Send + Sync`).
#[derive(Clone, Debug)]
pub struct Lexicon {
    entries: Vec<Entry>,
    matcher: matcher::Matcher,
}

impl Lexicon {
    /// The seven built-in lexicons.
    pub fn builtin() -> Result<Lexicon, LexiconError> {
        let entries = load::merge(&load::builtin_files(), &[])?;
        Lexicon::compile(entries)
    }

    /// The built-in lexicons merged with every `*.toml` in `dirs` (each directory in file-name
    /// order). Entries merge by id: an existing id's given fields override the built-in ones
    /// (`enabled = false` silences it; `exceptions` are appended), a new id adds an entry.
    pub fn with_dirs(dirs: &[PathBuf]) -> Result<Lexicon, LexiconError> {
        let user = load::read_dirs(dirs)?;
        let entries = load::merge(&load::builtin_files(), &user)?;
        Lexicon::compile(entries)
    }

    /// A lexicon from in-memory files: `base` files follow the built-in rules (`[meta]`
    /// required, unique ids), `user` files merge over them by id as in [`Lexicon::with_dirs`].
    /// For the fuzz targets (`tests/fuzz`), which cannot afford the built-ins on every input.
    #[doc(hidden)]
    pub fn from_texts(
        base: &[(PathBuf, String)],
        user: &[(PathBuf, String)],
    ) -> Result<Lexicon, LexiconError> {
        Lexicon::compile(load::merge(base, user)?)
    }

    fn compile(entries: Vec<Entry>) -> Result<Lexicon, LexiconError> {
        let matcher = matcher::Matcher::new(&entries)?;
        Ok(Lexicon { entries, matcher })
    }

    /// All entries (disabled ones included); [`Finding::entry`] indexes this slice.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The findings in `text`, sorted by start, one per span.
    pub fn find(&self, text: &str, opts: &Options) -> Vec<Finding> {
        self.matcher.find(&self.entries, text, opts)
    }
}

#[cfg(test)]
impl Lexicon {
    /// A lexicon from in-memory files only (no built-ins), for tests.
    pub(crate) fn from_test_files(files: &[(&str, &str)]) -> Result<Lexicon, LexiconError> {
        let files: Vec<(PathBuf, String)> = files
            .iter()
            .map(|(p, s)| (PathBuf::from(p), s.to_string()))
            .collect();
        let entries = load::merge(&files, &[])?;
        Lexicon::compile(entries)
    }

    /// All normalised surface-form keys of entry `i`.
    pub(crate) fn forms_of(&self, i: usize) -> Vec<String> {
        self.matcher.forms_of(i)
    }
}
