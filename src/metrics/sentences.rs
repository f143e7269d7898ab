//! Sentence splitting of spoken text, for sentiment.
//!
//! A sentence ends at `.`, `?`, `!`, `…` or `...` (runs such as `?!` stay together) when what
//! follows is the end of the text, or whitespace and then an upper-case letter, a digit, a
//! quote or an opening bracket — so `and… and we'll` and `3.5 million` stay whole. A full
//! stop after a known abbreviation (`Mr.`, `Dr.`, `e.g.`, `etc.`, `a.m.`, `U.S.`…) or a single
//! capital letter (an initial) does not end a sentence. Text without any terminal punctuation
//! (unpunctuated speech-to-text) is one sentence: the whole segment.

/// Abbreviations whose full stop does not end a sentence (compared case-insensitively,
/// without the final stop).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "eg", "ie",
    "approx", "u.s", "u.k", "a.m", "p.m", "inc", "ltd", "co", "corp", "dept", "fig", "no", "vol",
    "est", "min", "max", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "mt", "ft", "cf", "al",
];

/// Splits `text` into sentences: (char offset of the start, the sentence, trimmed).
pub fn split(text: &str) -> Vec<(usize, &str)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0usize; // byte offset
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if matches!(c, '.' | '?' | '!' | '…') {
            // The run of terminal marks.
            let mut j = i;
            while j + 1 < chars.len() && matches!(chars[j + 1].1, '.' | '?' | '!' | '…') {
                j += 1;
            }
            let end_b = chars.get(j + 1).map_or(text.len(), |x| x.0);
            let next = chars[j + 1..].iter().find(|x| !x.1.is_whitespace());
            let spaced = chars.get(j + 1).is_none_or(|x| x.1.is_whitespace());
            let opens = next.is_none_or(|x| {
                x.1.is_uppercase()
                    || x.1.is_ascii_digit()
                    || matches!(x.1, '"' | '“' | '\'' | '(' | '[')
            });
            let single_stop = j == i && c == '.';
            let word_before = text[start..b].split_whitespace().last().unwrap_or("");
            let abbrev = single_stop
                && (ABBREVIATIONS
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(word_before.trim_start_matches(['(', '"'])))
                    || (word_before.chars().count() == 1
                        && word_before.chars().all(char::is_uppercase)));
            if spaced && opens && !abbrev {
                push(text, start, end_b, &mut out);
                start = end_b;
            }
            i = j + 1;
            continue;
        }
        let _ = b;
        i += 1;
    }
    push(text, start, text.len(), &mut out);
    out
}

fn push<'a>(text: &'a str, a: usize, z: usize, out: &mut Vec<(usize, &'a str)>) {
    let s = &text[a..z];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if !t.is_empty() {
        out.push((text[..a + lead].chars().count(), t));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        split(s).into_iter().map(|x| x.1).collect()
    }

    #[test]
    fn splits_carefully() {
        assert_eq!(
            texts("Hello there. How are you? Fine!"),
            ["Hello there.", "How are you?", "Fine!"]
        );
        assert_eq!(
            texts("We grew 3.5 percent. Dr. Chen agrees."),
            ["We grew 3.5 percent.", "Dr. Chen agrees."]
        );
        assert_eq!(
            texts("and… and we'll see. OK"),
            ["and… and we'll see.", "OK"]
        );
        assert_eq!(
            texts("Really?! Yes... Maybe"),
            ["Really?!", "Yes...", "Maybe"]
        );
        assert_eq!(
            texts("no punctuation at all here"),
            ["no punctuation at all here"]
        );
        assert_eq!(
            texts("See e.g. the doc. Then J. Smith said so."),
            ["See e.g. the doc.", "Then J. Smith said so."]
        );
        assert_eq!(texts("   "), Vec::<&str>::new());
        assert_eq!(split("A. b")[0].0, 0);
        assert_eq!(split("Hi. Ünder")[1], (4, "Ünder"));
    }
}
