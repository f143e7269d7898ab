//! Surface forms generated from a lexicon term: regular inflections of the last word and
//! hyphen / space / no-space variants.

use super::text::phrase_key;
use std::collections::BTreeSet;

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Vowel groups in a lowercase ASCII word (`y` counts as a vowel after a consonant).
fn syllables(w: &[u8]) -> usize {
    let mut n = 0;
    let mut prev_vowel = false;
    for (k, &c) in w.iter().enumerate() {
        let v = is_vowel(c) || (c == b'y' && k > 0 && !is_vowel(w[k - 1]));
        if v && !prev_vowel {
            n += 1;
        }
        prev_vowel = v;
    }
    n
}

/// Whether the final consonant doubles before `-ed`/`-ing`/`-er`: a one-syllable word ending
/// consonant-vowel-consonant (`gyp` → `gypped`, `man` → `manned`, but `blacklist`, `boss`).
fn doubles_final(w: &[u8]) -> bool {
    let n = w.len();
    if n < 2 || syllables(w) != 1 {
        return false;
    }
    let last = w[n - 1];
    if is_vowel(last) || matches!(last, b'w' | b'x' | b'y') || !last.is_ascii_lowercase() {
        return false;
    }
    // exactly one vowel before the final consonant ("gyp": y acts as the vowel)
    let vowel_at = |k: usize| is_vowel(w[k]) || (w[k] == b'y' && k > 0 && !is_vowel(w[k - 1]));
    vowel_at(n - 2) && (n == 2 || !vowel_at(n - 3))
}

/// Regular inflections of one word: plural/3rd person, `-ed`, `-ing`, `-er`.
///
/// Nouns in `-man` get `-men` and no verb forms; other non-ASCII words only get `-s`.
pub(crate) fn inflections(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    if word.is_empty() {
        return out;
    }
    if !word.is_ascii() || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        out.push(format!("{word}s"));
        return out;
    }
    let w = word.as_bytes();
    let n = w.len();
    let stem = |k: usize| &word[..n - k];
    // Compound nouns in -man / -woman: plural only.
    if word.ends_with("man") && n > 3 {
        out.push(format!("{}men", stem(3)));
        return out;
    }
    let last = w[n - 1];
    let cons_y = last == b'y' && n >= 2 && !is_vowel(w[n - 2]);
    // plural / third person
    if word.ends_with('s')
        || word.ends_with('x')
        || word.ends_with('z')
        || word.ends_with("ch")
        || word.ends_with("sh")
    {
        out.push(format!("{word}es"));
    } else if cons_y {
        out.push(format!("{}ies", stem(1)));
    } else {
        out.push(format!("{word}s"));
    }
    if word == "man" {
        out.extend(["men", "manned", "manning"].map(String::from));
        return out;
    }
    // -ed, -ing, -er
    if last == b'e' {
        out.push(format!("{word}d"));
        out.push(format!("{word}r"));
        if word.ends_with("ie") {
            out.push(format!("{}ying", stem(2)));
        } else if word.ends_with("ee") || word.ends_with("oe") || word.ends_with("ye") || n <= 2 {
            out.push(format!("{word}ing"));
        } else {
            out.push(format!("{}ing", stem(1)));
        }
    } else if cons_y {
        out.push(format!("{}ied", stem(1)));
        out.push(format!("{}ier", stem(1)));
        out.push(format!("{word}ing"));
    } else if last == b'c' && n >= 2 && is_vowel(w[n - 2]) {
        out.push(format!("{word}ked"));
        out.push(format!("{word}king"));
        out.push(format!("{word}ker"));
    } else if doubles_final(w) {
        let d = last as char;
        out.push(format!("{word}{d}ed"));
        out.push(format!("{word}{d}ing"));
        out.push(format!("{word}{d}er"));
    } else {
        out.push(format!("{word}ed"));
        out.push(format!("{word}ing"));
        out.push(format!("{word}er"));
    }
    out
}

/// Split a raw term into words and the separators between them (`' '` or `'-'`).
fn split_words(term: &str) -> (Vec<String>, Vec<char>) {
    let mut words = Vec::new();
    let mut seps = Vec::new();
    let mut cur = String::new();
    let mut pending: Option<char> = None;
    for c in term.trim().chars() {
        if c == '-' || c == '\u{2010}' || c == '\u{2011}' || c.is_whitespace() {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
                pending = Some(if c.is_whitespace() { ' ' } else { '-' });
            } else if pending == Some(' ') && !c.is_whitespace() {
                pending = Some('-');
            }
        } else {
            if let Some(s) = pending.take() {
                seps.push(s);
            }
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    (words, seps)
}

/// The raw term with regular inflections of its last word (the term itself first).
pub(crate) fn inflected_terms(term: &str) -> Vec<String> {
    let (words, seps) = split_words(term);
    let mut out = vec![term.trim().to_string()];
    let Some(last) = words.last() else {
        return out;
    };
    let last_lower = last.to_lowercase();
    for inf in inflections(&last_lower) {
        let mut s = String::new();
        for (k, w) in words.iter().enumerate() {
            if k + 1 == words.len() {
                s.push_str(&inf);
            } else {
                s.push_str(w);
                s.push(seps[k]);
            }
        }
        out.push(s);
    }
    out
}

/// The normalised keys (tokens joined by single spaces) that a raw form matches: the form
/// itself (hyphens read as spaces) and, for a two-word form or at each hyphen, the variant
/// written as one word (`man-hours` → `man hours`, `manhours`).
pub(crate) fn spelling_keys(form: &str, out: &mut BTreeSet<String>) {
    let (words, seps) = split_words(form);
    if words.is_empty() {
        return;
    }
    let joinable: Vec<usize> = if words.len() == 2 {
        vec![0]
    } else {
        (0..seps.len()).filter(|&k| seps[k] == '-').collect()
    };
    let joinable = &joinable[..joinable.len().min(6)];
    for mask in 0u32..(1 << joinable.len()) {
        let mut s = String::new();
        for (k, w) in words.iter().enumerate() {
            s.push_str(w);
            if k < seps.len() {
                let pos = joinable.iter().position(|&j| j == k);
                let join = pos.is_some_and(|p| mask & (1 << p) != 0);
                if !join {
                    s.push(' ');
                }
            }
        }
        let key = phrase_key(&s);
        if !key.is_empty() {
            out.insert(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inf(w: &str) -> Vec<String> {
        inflections(w)
    }

    #[test]
    fn regular_inflections() {
        assert_eq!(
            inf("blacklist"),
            ["blacklists", "blacklisted", "blacklisting", "blacklister"]
        );
        assert_eq!(inf("gyp"), ["gyps", "gypped", "gypping", "gypper"]);
        assert_eq!(inf("grandfather")[1], "grandfathered");
        assert_eq!(
            inf("cripple"),
            ["cripples", "crippled", "crippler", "crippling"]
        );
        assert_eq!(inf("tie"), ["ties", "tied", "tier", "tying"]);
        assert_eq!(inf("guy"), ["guys", "guyed", "guying", "guyer"]);
        assert_eq!(inf("spy"), ["spies", "spied", "spier", "spying"]);
        assert_eq!(inf("boss"), ["bosses", "bossed", "bossing", "bosser"]);
        assert_eq!(inf("pow"), ["pows", "powed", "powing", "power"]);
        assert_eq!(inf("panic")[1], "panicked");
        assert_eq!(inf("chairman"), ["chairmen"]);
        assert_eq!(inf("policewoman"), ["policewomen"]);
        assert_eq!(inf("man"), ["mans", "men", "manned", "manning"]);
        assert_eq!(inf("tribe")[0], "tribes");
        assert_eq!(inf("wish")[0], "wishes");
        assert_eq!(inf("café"), ["cafés"]);
    }

    #[test]
    fn inflects_the_last_word_only() {
        assert_eq!(
            inflected_terms("man-hour"),
            [
                "man-hour",
                "man-hours",
                "man-houred",
                "man-houring",
                "man-hourer"
            ]
        );
        assert_eq!(inflected_terms("sanity check")[1], "sanity checks");
    }

    #[test]
    fn spelling_variants() {
        let mut s = BTreeSet::new();
        spelling_keys("man-hours", &mut s);
        assert_eq!(s.into_iter().collect::<Vec<_>>(), ["man hours", "manhours"]);
        let mut s = BTreeSet::new();
        spelling_keys("wheelchair bound", &mut s);
        assert_eq!(
            s.into_iter().collect::<Vec<_>>(),
            ["wheelchair bound", "wheelchairbound"]
        );
        let mut s = BTreeSet::new();
        spelling_keys("man-in-the-middle attack", &mut s);
        assert!(s.contains("man in the middle attack"));
        assert!(s.contains("maninthemiddle attack"));
        let mut s = BTreeSet::new();
        spelling_keys("low man on the totem pole", &mut s);
        assert_eq!(s.len(), 1);
        let mut s = BTreeSet::new();
        spelling_keys("Old Wives’ Tale", &mut s);
        assert_eq!(s.into_iter().collect::<Vec<_>>(), ["old wives tale"]);
    }
}
