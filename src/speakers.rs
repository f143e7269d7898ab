//! Speaker identity: one person, one index, however their name was spelled.
//!
//! Names are trimmed and inner whitespace is collapsed; names that differ only by case are
//! the same speaker (`Bankat | Gean` and `Bankat | gean`). The first spelling seen is kept
//! for display. A segment with no speaker goes to [`UNKNOWN_SPEAKER`].

pub use crate::names::clean_name;
use crate::nonpeople::NonPeople;
use std::collections::HashMap;

/// Display name for segments whose speaker the input does not give.
pub const UNKNOWN_SPEAKER: &str = "unknown speaker";

/// Interns speaker names into indices in order of first appearance.
#[derive(Debug, Default)]
pub struct SpeakerTable {
    names: Vec<String>,
    index: HashMap<String, usize>,
    unknown: Option<usize>,
    /// Names as given (before normalisation) and their index, for the first
    /// [`RAW_CACHE`] distinct spellings: a segment whose speaker is spelled as before (nearly
    /// all of them) skips the normalisation and the hash lookup.
    raw: Vec<(String, usize)>,
}

/// How many distinct raw spellings [`SpeakerTable`] remembers (a linear scan).
const RAW_CACHE: usize = 32;

/// The identity key of a name: cleaned and lower-cased.
pub fn name_key(name: &str) -> String {
    clean_name(name).to_lowercase()
}

impl SpeakerTable {
    /// The index for `name`, creating it on first sight; `None` or a blank name is the
    /// unknown speaker.
    pub fn intern(&mut self, name: Option<&str>) -> usize {
        let Some(n) = name else {
            return self.intern_slow(None);
        };
        // Most recent first: the previous segment's speaker is the likeliest.
        if let Some(k) = self.raw.iter().rposition(|(r, _)| r == n) {
            let i = self.raw[k].1;
            let last = self.raw.len() - 1;
            self.raw.swap(k, last);
            return i;
        }
        let i = self.intern_slow(name);
        if self.raw.len() < RAW_CACHE {
            self.raw.push((n.to_string(), i));
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

/// Who is who across spellings, and who is left out: built from `[speakers]` in the config.
#[derive(Clone, Debug, Default)]
pub struct People {
    /// Name key of a spelling → canonical display name.
    aliases: HashMap<String, String>,
    /// Name keys of excluded speakers.
    exclude: std::collections::HashSet<String>,
    /// Replace names by stable pseudonyms (`--anonymize`).
    pub anonymize: bool,
    /// Names that are not people: `--anonymize` keeps them recognisable, pseudonymising only
    /// the person named inside (`Audio shared by Person KTQF`, [`NonPeople::anonymize`]).
    pub not_people: std::sync::Arc<NonPeople>,
}

impl People {
    /// From canonical name → spellings, and the exclusion list.
    pub fn new(
        aliases: &std::collections::BTreeMap<String, Vec<String>>,
        exclude: &[String],
    ) -> People {
        let mut map = HashMap::new();
        for (canonical, spellings) in aliases {
            let c = clean_name(canonical);
            map.insert(name_key(canonical), c.clone());
            for s in spellings {
                map.insert(name_key(s), c.clone());
            }
        }
        People {
            aliases: map,
            exclude: exclude.iter().map(|e| name_key(e)).collect(),
            anonymize: false,
            not_people: std::sync::Arc::default(),
        }
    }

    /// True when nothing would change.
    pub fn is_empty(&self) -> bool {
        self.aliases.is_empty() && self.exclude.is_empty() && !self.anonymize
    }

    /// The canonical name of a speaker.
    pub fn canonical<'a>(&'a self, name: &'a str) -> &'a str {
        self.aliases
            .get(&name_key(name))
            .map_or(name, String::as_str)
    }

    /// Applies aliases (merging speakers that are one person) and exclusions to a transcript,
    /// then rebuilds its turns.
    pub fn apply(&self, t: &mut crate::model::Transcript, turn_opts: &crate::turns::TurnOptions) {
        if self.is_empty() {
            return;
        }
        let mut table = SpeakerTable::default();
        let mut remap: Vec<Option<usize>> = Vec::with_capacity(t.speakers.len());
        for name in &t.speakers {
            let canonical = self.canonical(name);
            if self.exclude.contains(&name_key(canonical)) || self.exclude.contains(&name_key(name))
            {
                remap.push(None);
            } else if name == UNKNOWN_SPEAKER {
                remap.push(Some(table.intern(None)));
            } else {
                remap.push(Some(table.intern(Some(canonical))));
            }
        }
        let segments = std::mem::take(&mut t.segments);
        t.segments = segments
            .into_iter()
            .filter_map(|mut s| {
                s.speaker = remap[s.speaker]?;
                Some(s)
            })
            .collect();
        t.speakers = table.into_names();
        if let Some(chat) = t.chat.as_mut() {
            self.apply_to_chat(chat);
        }
        if self.anonymize {
            self.anonymize_transcript(t);
        }
        t.turns = crate::turns::build_turns(&t.segments, turn_opts);
    }

    /// The same rules for the chat: writers get their canonical names, and the messages and
    /// reactions of excluded people are dropped.
    fn apply_to_chat(&self, chat: &mut crate::chat::ChatLog) {
        let keep = |name: &mut String| {
            let canonical = self.canonical(name);
            if self.exclude.contains(&name_key(canonical)) || self.exclude.contains(&name_key(name))
            {
                return false;
            }
            *name = canonical.to_string();
            true
        };
        chat.messages.retain_mut(|m| keep(&mut m.name));
        chat.reactions.retain_mut(|r| keep(&mut r.name));
    }

    /// Every spelling this table knows for a canonical name (the name itself included).
    fn spellings_of(&self, canonical: &str) -> Vec<String> {
        let key = name_key(canonical);
        let mut v: Vec<String> = vec![canonical.to_string()];
        for (spelling, c) in &self.aliases {
            if name_key(c) == key {
                v.push(spelling.clone());
            }
        }
        v
    }

    fn anonymize_transcript(&self, t: &mut crate::model::Transcript) {
        let mut used = std::collections::HashSet::new();
        let mut needles: Vec<(String, String)> = Vec::new();
        // Speakers, then people who only wrote in the chat: everyone gets a pseudonym.
        let mut everyone: Vec<String> = t.speakers.clone();
        let mut seen: std::collections::HashSet<String> =
            everyone.iter().map(|n| name_key(n)).collect();
        if let Some(chat) = &t.chat {
            let writers = chat.messages.iter().map(|m| &m.name);
            for n in writers.chain(chat.reactions.iter().map(|r| &r.name)) {
                if seen.insert(name_key(n)) {
                    everyone.push(n.clone());
                }
            }
        }
        let mut pseudonyms: HashMap<String, String> = HashMap::new();
        for name in &everyone {
            if is_label(name) {
                pseudonyms.insert(name_key(name), name.clone());
                continue;
            }
            // Kept on the list (no numbering suffix, which could take it off).
            if let Some(p) = self.not_people.anonymize(name, pseudonym) {
                used.insert(p.clone());
                pseudonyms.insert(name_key(name), p);
                continue;
            }
            let mut p = pseudonym(name);
            let mut k = 2;
            while !used.insert(p.clone()) {
                p = format!("{} {k}", pseudonym(name));
                k += 1;
            }
            for spelling in self.spellings_of(name) {
                needles.push((spelling.clone(), p.clone()));
                // Parts of a name said on their own ("Pooja", "Ranjan"): words of 3+ letters.
                for part in spelling.split(|c: char| !c.is_alphanumeric() && c != '\'') {
                    if part.chars().count() >= 3 && part.chars().any(char::is_alphabetic) {
                        needles.push((part.to_string(), p.clone()));
                    }
                }
            }
            pseudonyms.insert(name_key(name), p);
        }
        let rename = |n: &mut String| {
            if let Some(p) = pseudonyms.get(&name_key(n)) {
                *n = p.clone();
            }
        };
        t.speakers.iter_mut().for_each(rename);
        if let Some(chat) = t.chat.as_mut() {
            chat.messages.iter_mut().for_each(|m| rename(&mut m.name));
            chat.reactions.iter_mut().for_each(|r| rename(&mut r.name));
        }
        if needles.is_empty() {
            return;
        }
        // One pass per text for all spellings; the longest wins at each position, so
        // "Pooja Ranjan" is replaced before "Pooja".
        let finder = crate::namefind::NameFinder::new(
            &needles.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
        );
        let replace = |text: &mut String| {
            if let std::borrow::Cow::Owned(new) =
                finder.replace(text, |ids| Some(needles[ids[0]].1.as_str()))
            {
                *text = new;
            }
        };
        for seg in &mut t.segments {
            replace(&mut seg.text);
        }
        if let Some(chat) = t.chat.as_mut() {
            for m in &mut chat.messages {
                replace(&mut m.text);
                if let Some(q) = m.reply_to.as_mut() {
                    replace(q);
                }
            }
            for r in &mut chat.reactions {
                replace(&mut r.target);
            }
        }
    }
}

/// Labels that stand for no one in particular: `unknown speaker` (no label at all) and the
/// caption change marks `unidentified N` (each `>>` is a new label, not a new person). Unlike
/// diarisation labels (`Speaker 1`), they are not stable across a meeting, so they get no
/// private per-speaker report.
pub fn is_unnamed(name: &str) -> bool {
    name == UNKNOWN_SPEAKER
        || name
            .strip_prefix("unidentified ")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Speaker labels that are not names (`unknown speaker`, `unidentified 3`, `Speaker 1`,
/// `SPEAKER_00`, `spk_0`, `ch_1`): kept as they are by `--anonymize`.
pub fn is_label(name: &str) -> bool {
    let k = name.to_lowercase();
    k == UNKNOWN_SPEAKER
        || [
            "unidentified ",
            "speaker ",
            "speaker_",
            "spk_",
            "ch_",
            "channel ",
        ]
        .iter()
        .any(|p| {
            k.strip_prefix(p).is_some_and(|rest| {
                !rest.is_empty() && rest.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ')
            })
        })
}

/// A stable pseudonym for a person: `Person ` + four letters derived from the FNV-1a hash of
/// the name's identity key, so the same person gets the same pseudonym in every meeting and
/// every run.
pub fn pseudonym(name: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name_key(name).bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    const LETTERS: &[u8] = b"BCDFGHJKLMNPQRSTVWXZ";
    let mut s = String::from("Person ");
    for i in 0..4 {
        s.push(char::from(
            LETTERS[((h >> (i * 8)) % LETTERS.len() as u64) as usize],
        ));
    }
    s
}

#[cfg(test)]
mod people_tests {
    use super::*;

    #[test]
    fn aliases_merge_and_exclude_drops() {
        let mut aliases = std::collections::BTreeMap::new();
        aliases.insert("Pooja Ranjan".to_string(), vec!["pooja".to_string()]);
        let p = People::new(&aliases, &["Bot".to_string()]);
        let seg = |speaker, start| crate::model::Segment {
            speaker,
            span: Some(crate::model::Span::new(start, start + 1000)),
            text: "hi".into(),
            line: 0,
            words: None,
        };
        let mut t = crate::model::Transcript {
            source: "x".into(),
            format: "webvtt",
            speakers: vec!["Pooja".into(), "bot".into(), "POOJA RANJAN".into()],
            segments: vec![seg(0, 0), seg(1, 1000), seg(2, 2000)],
            turns: vec![],
            anonymous_speakers: false,
            has_text: true,
            diagnostics: vec![],
            chat: None,
            attendees: vec![],
        };
        p.apply(&mut t, &crate::turns::TurnOptions::default());
        assert_eq!(t.speakers, vec!["Pooja Ranjan".to_string()]);
        assert_eq!(t.segments.len(), 2);
        assert_eq!(t.turns.len(), 1);
    }
}
