//! Speaker identity: one person, one index, however their name was spelled.
//!
//! Names are trimmed and inner whitespace is collapsed; names that differ only by case are
//! the same speaker (`Bankat | Gean` and `Bankat | gean`). The first spelling seen is kept
//! for display. A segment with no speaker goes to [`UNKNOWN_SPEAKER`].

use std::collections::HashMap;

/// Display name for segments whose speaker the input does not give.
pub const UNKNOWN_SPEAKER: &str = "unknown speaker";

/// Interns speaker names into indices in order of first appearance.
#[derive(Debug, Default)]
pub struct SpeakerTable {
    names: Vec<String>,
    index: HashMap<String, usize>,
    unknown: Option<usize>,
    /// The last name interned, as given, and its index: consecutive segments of one speaker
    /// skip the normalisation and the hash lookup.
    last: Option<(String, usize)>,
}

/// Trims and collapses inner whitespace (any Unicode whitespace becomes one space).
pub fn clean_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The identity key of a name: cleaned and lower-cased.
pub fn name_key(name: &str) -> String {
    clean_name(name).to_lowercase()
}

impl SpeakerTable {
    /// The index for `name`, creating it on first sight; `None` or a blank name is the
    /// unknown speaker.
    pub fn intern(&mut self, name: Option<&str>) -> usize {
        if let (Some(n), Some((last, i))) = (name, &self.last)
            && n == last
        {
            return *i;
        }
        let i = self.intern_slow(name);
        if let Some(n) = name {
            self.last = Some((n.to_string(), i));
        }
        i
    }

    fn intern_slow(&mut self, name: Option<&str>) -> usize {
        let cleaned = name.map(clean_name).filter(|n| !n.is_empty());
        match cleaned {
            None => {
                if let Some(i) = self.unknown {
                    return i;
                }
                let i = self.push(UNKNOWN_SPEAKER.to_string(), format!("\0{UNKNOWN_SPEAKER}"));
                self.unknown = Some(i);
                i
            }
            Some(n) => {
                let key = n.to_lowercase();
                if let Some(&i) = self.index.get(&key) {
                    return i;
                }
                self.push(n, key)
            }
        }
    }

    fn push(&mut self, display: String, key: String) -> usize {
        let i = self.names.len();
        self.names.push(display);
        self.index.insert(key, i);
        i
    }

    /// True when some segment had no speaker.
    pub fn has_unknown(&self) -> bool {
        self.unknown.is_some()
    }

    /// The display names, by index.
    pub fn into_names(self) -> Vec<String> {
        self.names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_space_variants_are_one_speaker() {
        let mut t = SpeakerTable::default();
        let a = t.intern(Some("Bankat | Gean"));
        let b = t.intern(Some("  bankat  |\tgean "));
        assert_eq!(a, b);
        assert_eq!(t.into_names(), vec!["Bankat | Gean".to_string()]);
    }

    #[test]
    fn blank_is_unknown() {
        let mut t = SpeakerTable::default();
        let a = t.intern(None);
        let b = t.intern(Some("   "));
        assert_eq!(a, b);
        assert!(t.has_unknown());
    }
}
