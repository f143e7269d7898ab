//! Reading, validating and merging lexicon files.

use super::text::phrase_tokens;
use super::{Category, Entry, Exception, Inflect, Severity, Suggestion, Usage};
use rayon::prelude::*;
use serde::Deserialize;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// A lexicon file that cannot be read or used.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// A file or directory could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A file is not valid TOML, does not follow the schema, or breaks a lexicon rule
    /// (duplicate id, empty terms…).
    #[error("{}:{line}:{column}: {message}", path.display())]
    Invalid {
        /// The lexicon file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column, in chars.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The term automaton could not be built (far too many or too long terms).
    #[error("building the lexicon automaton: {0}")]
    Build(String),
}

/// The built-in lexicons, in category order, with their paths relative to the crate root.
pub(crate) fn builtin_files() -> Vec<(PathBuf, String)> {
    macro_rules! lexicon {
        ($name:literal) => {
            (
                PathBuf::from(concat!("lexicons/inclusive/", $name)),
                include_str!(concat!("../../lexicons/inclusive/", $name)).to_string(),
            )
        };
    }
    vec![
        lexicon!("gender.toml"),
        lexicon!("race-ethnicity.toml"),
        lexicon!("disability.toml"),
        lexicon!("age.toml"),
        lexicon!("lgbtq.toml"),
        lexicon!("religion.toml"),
        lexicon!("class-body.toml"),
    ]
}

/// Every `*.toml` file in `dirs`, each directory in file-name order.
pub(crate) fn read_dirs(dirs: &[PathBuf]) -> Result<Vec<(PathBuf, String)>, LexiconError> {
    let mut out = Vec::new();
    for dir in dirs {
        let io = |source| LexiconError::Io {
            path: dir.clone(),
            source,
        };
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(io)?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<_, _>>()
            .map_err(io)?;
        paths.retain(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file());
        paths.sort();
        for path in paths {
            let src = std::fs::read_to_string(&path).map_err(|source| LexiconError::Io {
                path: path.clone(),
                source,
            })?;
            out.push((path, src));
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Raw schema

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    meta: Option<Spanned<RawMeta>>,
    #[serde(default)]
    entry: Vec<Spanned<RawEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    category: Option<Category>,
    version: Spanned<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: Spanned<String>,
    category: Option<Category>,
    severity: Option<Severity>,
    terms: Option<Spanned<Vec<Spanned<String>>>>,
    inflect: Option<Spanned<RawInflect>>,
    usage: Option<Usage>,
    suggestions: Option<Vec<Spanned<RawSuggestion>>>,
    explanation: Option<String>,
    sources: Option<Vec<String>>,
    enabled: Option<bool>,
    exceptions: Option<Vec<Spanned<RawException>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawException {
    before: Option<Vec<String>>,
    after: Option<Vec<String>>,
    within: Option<Vec<String>>,
    possessive: Option<bool>,
    proper_noun: Option<bool>,
    near: Option<Vec<String>>,
    not_near: Option<Vec<String>>,
    impersonal: Option<bool>,
}

/// `"text"` or `{ text = "…", sense = "…" }`.
struct RawSuggestion(Suggestion);

impl<'de> Deserialize<'de> for RawSuggestion {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Table {
            text: String,
            sense: Option<String>,
        }
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Suggestion;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or a table { text, sense }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Suggestion, E> {
                Ok(Suggestion {
                    text: v.to_string(),
                    sense: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Suggestion, A::Error> {
                let t = Table::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Suggestion {
                    text: t.text,
                    sense: t.sense,
                })
            }
        }
        d.deserialize_any(V).map(RawSuggestion)
    }
}

/// `true` / `false` or a list of extra forms.
struct RawInflect(Inflect);

impl<'de> Deserialize<'de> for RawInflect {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Inflect;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("true, false or a list of extra forms")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Inflect, E> {
                Ok(if v { Inflect::Regular } else { Inflect::Off })
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Inflect, A::Error> {
                let mut forms = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    forms.push(s);
                }
                Ok(Inflect::Forms(forms))
            }
        }
        d.deserialize_any(V).map(RawInflect)
    }
}

// ---------------------------------------------------------------------------------------
// Positions and errors

/// 1-based line and column (in chars) of byte `offset` in `src`.
#[cfg(test)]
fn line_col(src: &str, offset: usize) -> (usize, usize) {
    line_col_with(src, &line_starts(src), offset)
}

/// Byte offsets where each line of `src` starts (computed once per file: positions are
/// asked for every entry, and a scan from the start each time was quadratic).
fn line_starts(src: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(src.match_indices('\n').map(|(k, _)| k + 1))
        .collect()
}

/// [`line_col`] with the line starts of `src` already known.
fn line_col_with(src: &str, starts: &[usize], offset: usize) -> (usize, usize) {
    let mut offset = offset.min(src.len());
    while !src.is_char_boundary(offset) {
        offset -= 1;
    }
    let line = starts.partition_point(|&k| k <= offset).max(1);
    let start = starts[line - 1];
    (line, src[start..offset].chars().count() + 1)
}

struct File<'a> {
    path: &'a Path,
    src: &'a str,
    starts: Vec<usize>,
}

impl File<'_> {
    fn err(&self, offset: usize, message: impl Into<String>) -> LexiconError {
        let (line, column) = line_col_with(self.src, &self.starts, offset);
        LexiconError::Invalid {
            path: self.path.to_path_buf(),
            line,
            column,
            message: message.into(),
        }
    }

    fn at(&self, offset: usize) -> String {
        let (line, column) = line_col_with(self.src, &self.starts, offset);
        format!("{}:{line}:{column}", self.path.display())
    }

    fn parse(&self) -> Result<RawFile, LexiconError> {
        toml::from_str::<RawFile>(self.src).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            self.err(offset, e.message().trim().to_string())
        })
    }
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

// ---------------------------------------------------------------------------------------
// Merging

/// Where an entry came from, for duplicate-id messages.
struct Origin {
    index: usize,
    at: String,
}

/// Parse the built-in files (ids must be unique, `[meta]` required), then apply the user
/// files in order (merge by id).
pub(crate) fn merge(
    builtin: &[(PathBuf, String)],
    user: &[(PathBuf, String)],
) -> Result<Vec<Entry>, LexiconError> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut ids: HashMap<String, Origin> = HashMap::new();
    for (is_builtin, files) in [(true, builtin), (false, user)] {
        // Parsing (TOML) is most of the loading time: the files are parsed in parallel,
        // then read in order (so the first error reported is the same as in a serial read).
        let parsed: Vec<(File<'_>, Result<RawFile, LexiconError>)> = files
            .par_iter()
            .map(|(path, src)| {
                let file = File {
                    path,
                    src,
                    starts: line_starts(src),
                };
                let raw = file.parse();
                (file, raw)
            })
            .collect();
        for (file, raw) in parsed {
            let raw = raw?;
            let meta_category = match &raw.meta {
                Some(m) => {
                    if *m.get_ref().version.get_ref() != 1 {
                        return Err(file.err(
                            m.get_ref().version.span().start,
                            format!(
                                "unsupported lexicon version {} (this turnstat reads version 1)",
                                m.get_ref().version.get_ref()
                            ),
                        ));
                    }
                    m.get_ref().category
                }
                None if is_builtin => return Err(file.err(0, "missing [meta] table")),
                None => None,
            };
            let mut in_this_file: HashMap<String, String> = HashMap::new();
            for raw_entry in raw.entry {
                let id = raw_entry.get_ref().id.get_ref().clone();
                let id_at = raw_entry.get_ref().id.span().start;
                if let Some(prev) = in_this_file.get(&id) {
                    return Err(file.err(id_at, format!("duplicate id `{id}` (first at {prev})")));
                }
                in_this_file.insert(id.clone(), file.at(id_at));
                match ids.get(&id) {
                    Some(origin) if is_builtin => {
                        return Err(file.err(
                            id_at,
                            format!("duplicate id `{id}` (first at {})", origin.at),
                        ));
                    }
                    Some(origin) => {
                        let e = &mut entries[origin.index];
                        apply_override(&file, e, raw_entry)?;
                    }
                    None => {
                        let e = new_entry(&file, meta_category, raw_entry)?;
                        ids.insert(
                            id,
                            Origin {
                                index: entries.len(),
                                at: file.at(id_at),
                            },
                        );
                        entries.push(e);
                    }
                }
            }
        }
    }
    Ok(entries)
}

fn new_entry(
    file: &File,
    meta_category: Option<Category>,
    raw: Spanned<RawEntry>,
) -> Result<Entry, LexiconError> {
    let at = raw.span().start;
    let raw = raw.into_inner();
    let id_span = raw.id.span().start;
    let id = raw.id.into_inner();
    if !is_kebab(&id) {
        return Err(file.err(
            id_span,
            format!("id `{id}` is not kebab-case (lowercase letters, digits and single hyphens)"),
        ));
    }
    let category = raw.category.or(meta_category).ok_or_else(|| {
        file.err(
            at,
            format!("entry `{id}` has no category and the file has no [meta] category"),
        )
    })?;
    let severity = raw
        .severity
        .ok_or_else(|| file.err(at, format!("entry `{id}`: missing field `severity`")))?;
    let Some(terms) = raw.terms else {
        return Err(file.err(at, format!("entry `{id}`: missing field `terms`")));
    };
    let mut e = Entry {
        id,
        category,
        severity,
        terms: Vec::new(),
        inflect: Inflect::Off,
        usage: raw.usage.unwrap_or_default(),
        suggestions: Vec::new(),
        explanation: raw.explanation.unwrap_or_default(),
        sources: raw.sources.unwrap_or_default(),
        enabled: raw.enabled.unwrap_or(true),
        exceptions: Vec::new(),
    };
    e.terms = check_terms(file, &e.id, terms)?;
    if let Some(inf) = raw.inflect {
        e.inflect = check_inflect(file, &e.id, inf)?;
    }
    if let Some(s) = raw.suggestions {
        e.suggestions = check_suggestions(file, &e.id, s)?;
    }
    if let Some(x) = raw.exceptions {
        e.exceptions = check_exceptions(file, &e.id, x)?;
    }
    Ok(e)
}

fn apply_override(file: &File, e: &mut Entry, raw: Spanned<RawEntry>) -> Result<(), LexiconError> {
    let raw = raw.into_inner();
    if let Some(c) = raw.category {
        e.category = c;
    }
    if let Some(s) = raw.severity {
        e.severity = s;
    }
    if let Some(t) = raw.terms {
        e.terms = check_terms(file, &e.id, t)?;
    }
    if let Some(i) = raw.inflect {
        e.inflect = check_inflect(file, &e.id, i)?;
    }
    if let Some(u) = raw.usage {
        e.usage = u;
    }
    if let Some(s) = raw.suggestions {
        e.suggestions = check_suggestions(file, &e.id, s)?;
    }
    if let Some(x) = raw.explanation {
        e.explanation = x;
    }
    if let Some(s) = raw.sources {
        e.sources = s;
    }
    if let Some(b) = raw.enabled {
        e.enabled = b;
    }
    if let Some(x) = raw.exceptions {
        let mut more = check_exceptions(file, &e.id, x)?;
        e.exceptions.append(&mut more);
    }
    Ok(())
}

fn check_terms(
    file: &File,
    id: &str,
    terms: Spanned<Vec<Spanned<String>>>,
) -> Result<Vec<String>, LexiconError> {
    if terms.get_ref().is_empty() {
        return Err(file.err(
            terms.span().start,
            format!("entry `{id}`: `terms` is empty"),
        ));
    }
    let mut out = Vec::new();
    for t in terms.into_inner() {
        if phrase_tokens(t.get_ref()).is_empty() {
            return Err(file.err(
                t.span().start,
                format!("entry `{id}`: term {:?} has no words", t.get_ref()),
            ));
        }
        out.push(t.into_inner());
    }
    Ok(out)
}

fn check_inflect(file: &File, id: &str, inf: Spanned<RawInflect>) -> Result<Inflect, LexiconError> {
    let at = inf.span().start;
    let inf = inf.into_inner().0;
    if let Inflect::Forms(forms) = &inf {
        if forms.is_empty() {
            return Err(file.err(at, format!("entry `{id}`: `inflect` list is empty")));
        }
        if let Some(f) = forms.iter().find(|f| phrase_tokens(f).is_empty()) {
            return Err(file.err(
                at,
                format!("entry `{id}`: inflected form {f:?} has no words"),
            ));
        }
    }
    Ok(inf)
}

fn check_suggestions(
    file: &File,
    id: &str,
    s: Vec<Spanned<RawSuggestion>>,
) -> Result<Vec<Suggestion>, LexiconError> {
    s.into_iter()
        .map(|s| {
            if s.get_ref().0.text.trim().is_empty() {
                Err(file.err(s.span().start, format!("entry `{id}`: empty suggestion")))
            } else {
                Ok(s.into_inner().0)
            }
        })
        .collect()
}

fn check_exceptions(
    file: &File,
    id: &str,
    xs: Vec<Spanned<RawException>>,
) -> Result<Vec<Exception>, LexiconError> {
    let mut out = Vec::new();
    for x in xs {
        let at = x.span().start;
        let r = x.into_inner();
        let e = Exception {
            before: r.before.unwrap_or_default(),
            after: r.after.unwrap_or_default(),
            within: r.within.unwrap_or_default(),
            possessive: r.possessive.unwrap_or(false),
            proper_noun: r.proper_noun.unwrap_or(false),
            near: r.near.unwrap_or_default(),
            not_near: r.not_near.unwrap_or_default(),
            impersonal: r.impersonal.unwrap_or(false),
        };
        if e.before.is_empty()
            && e.after.is_empty()
            && e.within.is_empty()
            && e.near.is_empty()
            && e.not_near.is_empty()
            && !e.possessive
            && !e.proper_noun
            && !e.impersonal
        {
            return Err(file.err(
                at,
                format!("entry `{id}`: exception has no condition (before, after, within, near, not_near, possessive, proper_noun or impersonal)"),
            ));
        }
        if let Some(p) = e
            .before
            .iter()
            .chain(&e.after)
            .chain(&e.within)
            .chain(&e.near)
            .chain(&e.not_near)
            .find(|p| phrase_tokens(p).is_empty())
        {
            return Err(file.err(
                at,
                format!("entry `{id}`: exception phrase {p:?} has no words"),
            ));
        }
        out.push(e);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::line_col;

    #[test]
    fn line_and_column() {
        let s = "a\nbé c\n";
        assert_eq!(line_col(s, 0), (1, 1));
        assert_eq!(line_col(s, 2), (2, 1));
        assert_eq!(line_col(s, 6), (2, 4));
    }
}
