//! Names that are not people: a shared screen's audio (`Audio shared by Ana`), a presented
//! screen (`Ana's Presentation`), note-taking bots (`Fireflies.ai Notetaker Michel`,
//! `read.ai meeting notes`, `EF Zoom Bot`).
//!
//! The list is data (`lexicons/people/non-people.txt`, one `*` pattern per line, matched
//! against the whole name ignoring case and runs of spaces) and users extend it with their
//! own patterns. Such a name's time is speech of the meeting but belongs to no person.

/// The built-in patterns.
const BUILTIN: &str = include_str!("../lexicons/people/non-people.txt");

/// A list of name patterns for speakers and attendees that are not people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NonPeople {
    /// Lower-cased patterns split at `*` (an empty piece at either end means "anything").
    patterns: Vec<Vec<String>>,
}

impl Default for NonPeople {
    /// The built-in list.
    fn default() -> Self {
        Self::builtin()
    }
}

/// Lower-cases and folds runs of white space to one space, trimmed.
fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl NonPeople {
    /// The built-in list of `lexicons/people/non-people.txt`.
    pub fn builtin() -> Self {
        let mut n = NonPeople {
            patterns: Vec::new(),
        };
        n.extend(BUILTIN.lines());
        n
    }

    /// Adds patterns (blank lines and `#` comment lines are skipped).
    pub fn extend<'a>(&mut self, lines: impl IntoIterator<Item = &'a str>) {
        for l in lines {
            let l = l.trim();
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            self.patterns
                .push(fold(l).split('*').map(str::to_string).collect());
        }
    }

    /// True when `name` matches one of the patterns.
    pub fn matches(&self, name: &str) -> bool {
        let name = fold(name);
        self.patterns.iter().any(|p| glob(p, &name).is_some())
    }

    /// True when no pattern is listed.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// For `--anonymize`: a name on the list with what its first matching pattern's `*`s
    /// stand for (the sharer of `Audio shared by Ana`, the owner of `Ana's Presentation`)
    /// replaced by `pseudonym` of it, so the name still matches the list and names no one
    /// (`Audio shared by Person KTQF`). `None` when the name is not on the list. Parts
    /// without a letter or digit are kept as they are.
    pub fn anonymize(&self, name: &str, pseudonym: impl Fn(&str) -> String) -> Option<String> {
        let clean = crate::names::clean_name(name);
        let folded = fold(name);
        let spans = self.patterns.iter().find_map(|p| glob(p, &folded))?;
        // The display spelling when lower-casing kept every byte offset, else the folded one.
        let base = if clean.to_lowercase() == folded
            && clean.len() == folded.len()
            && spans
                .iter()
                .all(|r| clean.is_char_boundary(r.start) && clean.is_char_boundary(r.end))
        {
            clean
        } else {
            folded
        };
        let mut out = String::new();
        let mut at = 0;
        for r in spans {
            out.push_str(&base[at..r.start]);
            let part = &base[r.clone()];
            let word = part.trim();
            if word.chars().any(char::is_alphanumeric) {
                let lead = &part[..part.len() - part.trim_start().len()];
                let trail = &part[part.trim_end().len()..];
                out.push_str(lead);
                out.push_str(&pseudonym(word));
                out.push_str(trail);
            } else {
                out.push_str(part);
            }
            at = r.end;
        }
        out.push_str(&base[at..]);
        Some(out)
    }
}

/// Matches `name` against a pattern split at `*`: the byte ranges of `name` that the stars
/// stand for, or `None` when it does not match.
fn glob(pieces: &[String], name: &str) -> Option<Vec<std::ops::Range<usize>>> {
    let [first, rest @ ..] = pieces else {
        return name.is_empty().then(Vec::new);
    };
    let mut at = name.len() - name.strip_prefix(first.as_str())?.len();
    let Some((last, middle)) = rest.split_last() else {
        // No `*`: the whole name must be the piece.
        return (at == name.len()).then(Vec::new);
    };
    let mut spans = Vec::new();
    for piece in middle {
        let i = name[at..].find(piece.as_str())?;
        spans.push(at..at + i);
        at += i + piece.len();
    }
    let tail = &name[at..];
    if !tail.ends_with(last.as_str()) {
        return None;
    }
    spans.push(at..name.len() - last.len());
    Some(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_names() {
        let n = NonPeople::builtin();
        for bot in [
            "Audio shared by Marco De Rossi",
            "EF Zoom Bot",
            "Manav Darji's Presentation",
            "Fireflies.ai Notetaker Michel",
            "read.ai meeting notes",
            "Rahil's MeetGeek Notetaker",
            "Otter.ai",
            "Read.ai  Meeting Notes",
        ] {
            assert!(n.matches(bot), "{bot}");
        }
        for person in [
            "Marco De Rossi",
            "Audio",
            "Presentation Smith",
            "Harry Rook",
            "Otter",
            "Zoom Botha",
            "Stream",
        ] {
            assert!(!n.matches(person), "{person}");
        }
    }

    #[test]
    fn patterns() {
        let mut n = NonPeople {
            patterns: Vec::new(),
        };
        n.extend(["# c", "", "a*b*c", "exact", "*end"]);
        assert!(n.matches("abc") && n.matches("a x b y c") && n.matches("EXACT"));
        assert!(!n.matches("acb") && !n.matches("exactly") && !n.matches("ab"));
        assert!(n.matches("the end") && n.matches("end") && !n.matches("endless"));
        // Overlapping pieces must not share characters.
        n.extend(["ab*ba"]);
        assert!(!n.matches("aba") && n.matches("abba"));
    }

    #[test]
    fn anonymized_names_stay_on_the_list() {
        let n = NonPeople::builtin();
        let p = |s: &str| format!("P({s})");
        for (name, want) in [
            (
                "Audio shared by Marco De Rossi",
                "Audio shared by P(Marco De Rossi)",
            ),
            (
                "Manav Darji's Presentation",
                "P(Manav Darji)'s Presentation",
            ),
            ("EF Zoom Bot", "P(EF) Zoom Bot"),
            ("Zoom Bot", "Zoom Bot"),
            ("read.ai meeting notes", "read.ai meeting notes"),
            (
                "Fireflies.ai Notetaker  Michel",
                "Fireflies.ai Notetaker P(Michel)",
            ),
        ] {
            let a = n.anonymize(name, p).unwrap();
            assert_eq!(a, want);
            assert!(n.matches(&a), "{a}");
        }
        assert_eq!(n.anonymize("Marco De Rossi", p), None);
    }
}
