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
//! `proper_noun`; any exception that holds suppresses the finding) and `usage`.
//!
//! Engine-wide:
//!
//! - **Identity words are never flagged as such.** Gay, Jewish, Black, disabled, deaf,
//!   Muslim, Asian and the like are simply not terms; only pejorative uses and phrases
//!   ("so gay", "no homo") are.
//! - **Gendered words about a specific person or the speaker's own family are not flagged.**
//!   Kinship words, honorifics and pronouns are not terms. Address terms (`usage =
//!   "address"`, e.g. "guys", "ladies") are flagged only when they address a group: right
//!   after hey / hi / hello / thanks / thank you / you / morning / okay / alright / come on
//!   (and a few similar greetings), at the start of a sentence followed by a comma or the end
//!   of the sentence ("Guys, …"), after a sentence-initial filler ("So guys, …"), or after a
//!   comma at the end of a sentence ("Let's start, guys."), or at the end of a clause when no
//!   determiner, possessive, number, preposition or plural copula comes just before ("Good
//!   work guys.", but not "the infra guys." or "they're nice guys."); in raw speech-to-text output
//!   (lowercase, unpunctuated), also as the first word of the utterance ("guys we need to start"). A singular
//!   "guy" is not a term.
//! - **Mentions are not flagged.** A term preceded within four tokens by a metalinguistic cue
//!   ("the word", "the term", "called", "so-called", "stop using", "instead of", "rename(d)",
//!   "replace(d)", "quote", …; "say"/"said"/"saying" count only with at most one word between
//!   and no punctuation), or written in quotation marks, is taken as talk *about* the word.
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
    /// Only when addressing a group ("hey guys", "you guys", "Guys, …").
    Address,
    /// A figurative phrase; literal uses are excluded through exceptions.
    Metaphor,
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
}

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
