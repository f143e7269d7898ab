//! Finding people's names in what was said, for `--anonymize` and for the redaction of other
//! people's names in private reports.
//!
//! A name matches where the text, lowercased (Unicode `to_lowercase`), holds the lowercased
//! name as whole words: the character before the match and the match's first character are
//! not both letters or digits, and likewise at its end (so "Ann" is found in "Ann's" and
//! "(Ann)" but not in "Annual"; "@handle" is found after a space). At each position the
//! longest matching name wins, and the text is read once for all names, so building a finder
//! costs no regex compilation (one compiled case-insensitive regex per name had been the
//! largest cost of writing per-speaker reports).

use std::borrow::Cow;
use std::collections::HashMap;

/// The names to look for, grouped by their lowercase form.
#[derive(Debug, Default)]
pub struct NameFinder {
    /// (lowercased name, indices of the names given to [`NameFinder::new`] with that form).
    groups: Vec<(Vec<char>, Vec<usize>)>,
    /// Groups by their first lowercased character, longest first.
    by_first: HashMap<char, Vec<usize>>,
}

impl NameFinder {
    /// A finder for `names`; empty names (and names that lowercase to nothing) are ignored.
    /// Matches report indices into `names`.
    pub fn new<S: AsRef<str>>(names: &[S]) -> Self {
        let mut index: HashMap<Vec<char>, usize> = HashMap::new();
        let mut groups: Vec<(Vec<char>, Vec<usize>)> = Vec::new();
        for (i, name) in names.iter().enumerate() {
            let folded: Vec<char> = name.as_ref().chars().flat_map(char::to_lowercase).collect();
            if folded.is_empty() {
                continue;
            }
            match index.get(&folded) {
                Some(&g) => groups[g].1.push(i),
                None => {
                    index.insert(folded.clone(), groups.len());
                    groups.push((folded, vec![i]));
                }
            }
        }
        let mut by_first: HashMap<char, Vec<usize>> = HashMap::new();
        for (g, (folded, _)) in groups.iter().enumerate() {
            by_first.entry(folded[0]).or_default().push(g);
        }
        for v in by_first.values_mut() {
            v.sort_by(|&a, &b| groups[b].0.len().cmp(&groups[a].0.len()).then(a.cmp(&b)));
        }
        NameFinder { groups, by_first }
    }

    /// True when there is no name to look for.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// `text` with each match replaced by what `pick` returns for it; `pick` gets the indices
    /// of the names matched (several when names differ only in case) and returns `None` to
    /// keep those words as they are (the search then goes on after them). Borrows `text`
    /// when nothing was replaced.
    pub fn replace<'t, 'r>(
        &self,
        text: &'t str,
        mut pick: impl FnMut(&[usize]) -> Option<&'r str>,
    ) -> Cow<'t, str> {
        if self.groups.is_empty() || text.is_empty() {
            return Cow::Borrowed(text);
        }
        // Each lowercased character with the byte offset of the character it comes from and
        // whether it is the first of that character's lowercase form.
        let mut folded: Vec<(char, usize, bool)> = Vec::with_capacity(text.len());
        for (b, c) in text.char_indices() {
            for (k, l) in c.to_lowercase().enumerate() {
                folded.push((l, b, k == 0));
            }
        }
        let byte_at = |i: usize| folded.get(i).map_or(text.len(), |f| f.1);
        let mut out = String::new();
        let mut last = 0;
        let mut replaced = false;
        let mut i = 0;
        while i < folded.len() {
            let (c, start, first) = folded[i];
            let mut step = 1;
            if first && let Some(candidates) = self.by_first.get(&c) {
                for &g in candidates {
                    let (name, ids) = &self.groups[g];
                    let end = i + name.len();
                    if end > folded.len()
                        || folded.get(end).is_some_and(|f| !f.2)
                        || !folded[i..end].iter().map(|f| f.0).eq(name.iter().copied())
                    {
                        continue;
                    }
                    let (s, e) = (start, byte_at(end));
                    if !whole_words(text, s, e) {
                        continue;
                    }
                    if let Some(with) = pick(ids) {
                        out.push_str(&text[last..s]);
                        out.push_str(with);
                        last = e;
                        replaced = true;
                    }
                    step = name.len();
                    break;
                }
            }
            i += step;
        }
        if !replaced {
            return Cow::Borrowed(text);
        }
        out.push_str(&text[last..]);
        Cow::Owned(out)
    }
}

/// The other people's names of one meeting, to take out of one person's own words in a
/// private report: each speaker's name (as whole words, in any letter case) becomes
/// "Participant N", N being that speaker's 1-based position in the meeting's speakers, the
/// same pseudonym in every private report of the meeting. The person's own name stays.
/// Names without a letter or digit are not looked for. Shared by the per-meeting private
/// reports ([`crate::render::speaker`]) and the person pages of the team report
/// ([`crate::report::team::person`]), so both redact alike.
#[derive(Debug, Default)]
pub struct Redactor {
    finder: NameFinder,
    /// Speaker index of each name given to the finder.
    speaker: Vec<usize>,
    /// `Participant N` of each speaker.
    pseudonyms: Vec<String>,
}

impl Redactor {
    /// A redactor for the speakers `names` of one meeting (in the meeting's order); with
    /// `show_other_names` it looks for no name and changes nothing.
    pub fn new<S: AsRef<str>>(names: &[S], show_other_names: bool) -> Self {
        let named: Vec<(usize, &str)> = if show_other_names {
            Vec::new()
        } else {
            names
                .iter()
                .enumerate()
                .map(|(j, s)| (j, s.as_ref()))
                .filter(|(_, s)| s.chars().any(char::is_alphanumeric))
                .collect()
        };
        let found: Vec<&str> = named.iter().map(|&(_, n)| n).collect();
        Redactor {
            finder: NameFinder::new(&found),
            speaker: named.iter().map(|&(j, _)| j).collect(),
            pseudonyms: (0..names.len()).map(pseudonym).collect(),
        }
    }

    /// The words of speaker `me` with every other speaker's name replaced by their
    /// pseudonym (several speakers may share a name differing in case: the first one that
    /// is not `me` gives it).
    pub fn own<'t>(&self, me: usize, text: &'t str) -> Cow<'t, str> {
        self.finder.replace(text, |ids| {
            ids.iter()
                .map(|&k| self.speaker[k])
                .find(|&j| j != me)
                .map(|j| self.pseudonyms[j].as_str())
        })
    }
}

/// `Participant N` for the speaker at 0-based position `j` of a meeting.
pub fn pseudonym(j: usize) -> String {
    format!("Participant {}", j + 1)
}

/// True when `text[s..e]` is not part of a longer word: at each end, the character outside
/// and the character inside are not both letters or digits.
fn whole_words(text: &str, s: usize, e: usize) -> bool {
    let inner = &text[s..e];
    let apart = |outside: Option<char>, inside: Option<char>| {
        !(outside.is_some_and(char::is_alphanumeric) && inside.is_some_and(char::is_alphanumeric))
    };
    apart(text[..s].chars().next_back(), inner.chars().next())
        && apart(text[e..].chars().next(), inner.chars().next_back())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redact(names: &[&str], text: &str) -> String {
        let with: Vec<String> = (0..names.len()).map(|i| format!("P{}", i + 1)).collect();
        NameFinder::new(names)
            .replace(text, |ids| Some(with[ids[0]].as_str()))
            .into_owned()
    }

    #[test]
    fn whole_words_only_and_case_insensitive() {
        assert_eq!(
            redact(&["Ann"], "ann said Annual ANN's (Ann)"),
            "P1 said Annual P1's (P1)"
        );
        assert_eq!(redact(&["Zoë"], "ZOË and zoë"), "P1 and P1");
        assert_eq!(
            redact(&["@handle"], "ping @handle, x@handle"),
            "ping P1, xP1"
        );
    }

    #[test]
    fn longest_first_and_shorter_when_the_longer_is_not_a_whole_word() {
        assert_eq!(redact(&["Ann", "Ann Lee"], "Ann Lee and Ann"), "P2 and P1");
        // "Ann L" is followed by a letter, so only "Ann" is a whole-word match here.
        assert_eq!(redact(&["Ann", "Ann L"], "Ann Lee"), "P1 Lee");
    }

    #[test]
    fn kept_matches_are_skipped_whole() {
        let f = NameFinder::new(&["Ann Lee", "Ann"]);
        let out = f.replace("Ann Lee, Ann", |ids| (ids[0] == 1).then_some("X"));
        assert_eq!(out, "Ann Lee, X");
    }

    #[test]
    fn names_differing_in_case_share_a_match() {
        let f = NameFinder::new(&["Ann Lee", "ann lee"]);
        let mut seen = Vec::new();
        let out = f.replace("ANN LEE", |ids| {
            seen = ids.to_vec();
            Some("X")
        });
        assert_eq!((out.as_ref(), seen), ("X", vec![0, 1]));
    }

    #[test]
    fn expansions_match_only_on_character_boundaries() {
        // 'İ' lowercases to "i̇" (two chars): "i" alone must not match its first half.
        assert_eq!(redact(&["i"], "İ i"), "İ P1");
        assert_eq!(redact(&["i̇x"], "İx"), "P1");
    }

    #[test]
    fn nothing_to_replace_borrows() {
        let f = NameFinder::new(&["Bo"]);
        assert!(matches!(
            f.replace("nobody", |_| Some("X")),
            Cow::Borrowed(_)
        ));
        assert!(NameFinder::new::<&str>(&[]).is_empty());
    }
}
