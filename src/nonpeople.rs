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
        self.patterns.iter().any(|p| glob(p, &name))
    }
}

/// Matches `name` against a pattern split at `*`.
fn glob(pieces: &[String], name: &str) -> bool {
    let [first, rest @ ..] = pieces else {
        return name.is_empty();
    };
    let Some(mut tail) = name.strip_prefix(first.as_str()) else {
        return false;
    };
    let Some((last, middle)) = rest.split_last() else {
        // No `*`: the whole name must be the piece.
        return tail.is_empty();
    };
    for piece in middle {
        match tail.find(piece.as_str()) {
            Some(i) => tail = &tail[i + piece.len()..],
            None => return false,
        }
    }
    tail.ends_with(last.as_str())
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
}
