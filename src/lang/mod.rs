//! Which language people speak, and what the metrics may say about it.
//!
//! Every word list and the sentiment model belong to one language. A number computed with
//! another language's list means nothing ("no" and "terrible" are English words, so a Spanish
//! complaint scores as English), so each meeting and each speaker gets a language, and the
//! metrics use only the lists of that language:
//!
//! - **Detection** ([`detect`]): `whatlang` trigram detection (chosen over `lingua` by
//!   measurement: see README "Languages"), on a sample of the text of at most
//!   [`SAMPLE_CHARS`] characters spread over the meeting (or over one speaker's segments).
//!   An answer whatlang marks unreliable gives `und`.
//! - **Per speaker** ([`decide`]): a speaker with at least [`SPEAKER_MIN_WORDS`] words (or
//!   twice as many characters of a script written without spaces) gets their own detection;
//!   everyone else, and every unreliable detection, takes the meeting's language. A speaker's
//!   language is reported only where it differs from the meeting's.
//! - **Override**: `--language CODE` or `[language] spoken = "CODE"` in `turnstat.toml` sets
//!   the meeting's and every speaker's language; nothing is detected.
//! - **What follows** ([`Lang::word_lists`], [`Lang::is_english`]): VADER sentiment and the
//!   inclusive-language lexicon are English; other languages get `null` there, never 0, and
//!   a warning. Listener tokens, fillers, hedges, question words and the interruption cue
//!   phrases exist for en, es, de, fr, pt, it and nl (`lexicons/dynamics/<code>/`); a meeting
//!   where someone speaks another language gets no interruption reading (mode
//!   `unavailable`) and no filler or hedge rates for that speaker. `und` (too little text to
//!   tell) keeps the English rules: the text is then a few words, too short for any rate
//!   to mean much.
//! - **Scripts without spaces** ([`is_spaceless`]): Chinese, Japanese, Thai, Lao, Khmer and
//!   Burmese are counted in characters, and their pace is characters per minute.

use crate::model::Transcript;

/// Most characters of a meeting's text sampled for its detection.
pub const SAMPLE_CHARS: usize = 3_000;

/// Most characters of one speaker's text sampled for their detection (whatlang was right on
/// every real speaker with 100 characters or more, in our measurement).
pub const SPEAKER_SAMPLE_CHARS: usize = 1_000;

/// Fewest words of a speaker's own that get a detection of their own.
pub const SPEAKER_MIN_WORDS: usize = 20;

/// A language: an ISO 639-1 code, or `und` when it could not be determined.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang(&'static str);

/// (ISO 639-1, whatlang's ISO 639-3, English name) of every language whatlang detects.
const LANGS: &[(&str, &str, &str)] = &[
    ("af", "afr", "Afrikaans"),
    ("ak", "aka", "Akan"),
    ("am", "amh", "Amharic"),
    ("ar", "ara", "Arabic"),
    ("az", "aze", "Azerbaijani"),
    ("be", "bel", "Belarusian"),
    ("bg", "bul", "Bulgarian"),
    ("bn", "ben", "Bengali"),
    ("ca", "cat", "Catalan"),
    ("cs", "ces", "Czech"),
    ("cy", "cym", "Welsh"),
    ("da", "dan", "Danish"),
    ("de", "deu", "German"),
    ("el", "ell", "Greek"),
    ("en", "eng", "English"),
    ("eo", "epo", "Esperanto"),
    ("es", "spa", "Spanish"),
    ("et", "est", "Estonian"),
    ("fa", "pes", "Persian"),
    ("fi", "fin", "Finnish"),
    ("fr", "fra", "French"),
    ("gu", "guj", "Gujarati"),
    ("he", "heb", "Hebrew"),
    ("hi", "hin", "Hindi"),
    ("hr", "hrv", "Croatian"),
    ("hu", "hun", "Hungarian"),
    ("hy", "hye", "Armenian"),
    ("id", "ind", "Indonesian"),
    ("it", "ita", "Italian"),
    ("ja", "jpn", "Japanese"),
    ("jv", "jav", "Javanese"),
    ("ka", "kat", "Georgian"),
    ("km", "khm", "Khmer"),
    ("kn", "kan", "Kannada"),
    ("ko", "kor", "Korean"),
    ("la", "lat", "Latin"),
    ("lt", "lit", "Lithuanian"),
    ("lv", "lav", "Latvian"),
    ("mk", "mkd", "Macedonian"),
    ("ml", "mal", "Malayalam"),
    ("mr", "mar", "Marathi"),
    ("my", "mya", "Burmese"),
    ("nb", "nob", "Norwegian Bokmål"),
    ("ne", "nep", "Nepali"),
    ("nl", "nld", "Dutch"),
    ("or", "ori", "Oriya"),
    ("pa", "pan", "Punjabi"),
    ("pl", "pol", "Polish"),
    ("pt", "por", "Portuguese"),
    ("ro", "ron", "Romanian"),
    ("ru", "rus", "Russian"),
    ("si", "sin", "Sinhala"),
    ("sk", "slk", "Slovak"),
    ("sl", "slv", "Slovene"),
    ("sn", "sna", "Shona"),
    ("sr", "srp", "Serbian"),
    ("sv", "swe", "Swedish"),
    ("ta", "tam", "Tamil"),
    ("te", "tel", "Telugu"),
    ("th", "tha", "Thai"),
    ("tk", "tuk", "Turkmen"),
    ("tl", "tgl", "Tagalog"),
    ("tr", "tur", "Turkish"),
    ("uk", "ukr", "Ukrainian"),
    ("ur", "urd", "Urdu"),
    ("uz", "uzb", "Uzbek"),
    ("vi", "vie", "Vietnamese"),
    ("yi", "yid", "Yiddish"),
    ("zh", "cmn", "Chinese"),
    ("zu", "zul", "Zulu"),
];

/// Languages with their own word lists in `lexicons/dynamics/` (English at the top level).
pub const WITH_WORD_LISTS: &[&str] = &["en", "es", "de", "fr", "pt", "it", "nl"];

impl Lang {
    /// English.
    pub const EN: Lang = Lang("en");
    /// Undetermined.
    pub const UND: Lang = Lang("und");

    /// The ISO 639-1 code, or `und`.
    pub fn code(self) -> &'static str {
        self.0
    }

    /// The English name ("Spanish"), or "undetermined".
    pub fn name(self) -> &'static str {
        LANGS
            .iter()
            .find(|l| l.0 == self.0)
            .map_or("undetermined", |l| l.2)
    }

    /// Parses an ISO 639-1 or 639-3 code or an English name, in any case (`es`, `spa`,
    /// `Spanish`); `und` is accepted.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("und") {
            return Some(Lang::UND);
        }
        LANGS
            .iter()
            .find(|l| {
                l.0.eq_ignore_ascii_case(s)
                    || l.1.eq_ignore_ascii_case(s)
                    || l.2.eq_ignore_ascii_case(s)
            })
            .map(|l| Lang(l.0))
    }

    /// Whether the English-only measures (VADER sentiment, the inclusive-language lexicon)
    /// apply: English, or undetermined.
    pub fn is_english(self) -> bool {
        self == Lang::EN || self == Lang::UND
    }

    /// The language whose word lists (listener tokens, fillers, hedges, question words,
    /// interruption cues) apply: itself when it has lists, English for `und`, `None` for a
    /// language without lists.
    pub fn word_lists(self) -> Option<Lang> {
        if self == Lang::UND {
            return Some(Lang::EN);
        }
        WITH_WORD_LISTS.contains(&self.0).then_some(self)
    }

    /// Whether the language is written without spaces between words (pace and length are
    /// then counted in characters).
    pub fn spaceless(self) -> bool {
        matches!(self.0, "zh" | "ja" | "th" | "lo" | "km" | "my")
    }

    fn from_whatlang(l: whatlang::Lang) -> Lang {
        LANGS
            .iter()
            .find(|x| x.1 == l.code())
            .map_or(Lang::UND, |x| Lang(x.0))
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

/// Whether `c` belongs to a script written without spaces between words: Han, Hiragana,
/// Katakana (and their punctuation-free extensions), Thai, Lao, Khmer, Myanmar.
pub fn is_spaceless(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x31F0..=0x31FF    // Katakana phonetic extensions
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0xFF66..=0xFF9F    // half-width Katakana
        | 0x20000..=0x3134F  // CJK extensions B–G
        | 0x0E00..=0x0EFF    // Thai, Lao
        | 0x1000..=0x109F    // Myanmar
        | 0x1780..=0x17FF    // Khmer
    )
}

/// Sentence terminators of other scripts: the ideographic full stop `。` and the full-width
/// `．！？` (Chinese, Japanese), the half-width `｡`, the Arabic `؟`, the Devanagari `।`.
pub fn is_wide_terminator(c: char) -> bool {
    matches!(c, '。' | '．' | '！' | '？' | '｡' | '؟' | '।')
}

/// Detects the language of `text`: `und` when whatlang finds none or marks its answer
/// unreliable.
pub fn detect(text: &str) -> Lang {
    match whatlang::detect(text) {
        Some(info) if info.is_reliable() => Lang::from_whatlang(info.lang()),
        // Han script is Chinese whenever no kana is present: whatlang answers by script
        // there, and its confidence says nothing more.
        Some(info) if info.lang() == whatlang::Lang::Cmn => Lang("zh"),
        _ => Lang::UND,
    }
}

/// The language of a meeting and of each of its speakers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Languages {
    /// The meeting's language.
    pub meeting: Lang,
    /// Per speaker index: the speaker's language (the meeting's unless detected otherwise).
    pub speakers: Vec<Lang>,
    /// True when given by `--language` or the configuration, not detected.
    pub configured: bool,
}

impl Languages {
    /// Every speaker in English (tests, and inputs without text).
    pub fn english(speakers: usize) -> Languages {
        Languages {
            meeting: Lang::EN,
            speakers: vec![Lang::EN; speakers],
            configured: false,
        }
    }
}

/// Appends up to `budget` characters of `text` (whole words) to `out`, with a space.
fn take(out: &mut String, text: &str, budget: &mut usize) {
    if *budget == 0 {
        return;
    }
    let mut end = text.len();
    if let Some((i, _)) = text.char_indices().nth(*budget) {
        end = text[..i].rfind(char::is_whitespace).unwrap_or(i);
    }
    let piece = &text[..end];
    *budget = budget.saturating_sub(piece.chars().count() + 1);
    out.push_str(piece);
    out.push(' ');
}

/// A sample of at most `limit` characters of the given texts, taken from segments spread
/// evenly over them (a long meeting is not judged by its opening minutes alone).
fn sample(texts: &[&str], limit: usize) -> String {
    let total: usize = texts.iter().map(|t| t.len()).sum();
    let mut out = String::with_capacity(limit.min(total) * 2);
    let mut budget = limit;
    if total <= limit {
        for t in texts {
            take(&mut out, t, &mut budget);
        }
        return out;
    }
    // Every k-th segment, so that the picks (about as many as the limit holds at the
    // average segment length) cover the whole meeting.
    let picks = limit.div_ceil((total / texts.len().max(1)).max(1)).max(1);
    let step = (texts.len() / picks).max(1);
    for t in texts.iter().step_by(step) {
        take(&mut out, t, &mut budget);
        if budget == 0 {
            break;
        }
    }
    out
}

/// Words of `text` for the speaker threshold: whitespace tokens, plus one per two
/// characters of a script without spaces.
fn rough_words(text: &str) -> usize {
    let spaced = text.split_whitespace().count();
    if text.is_ascii() {
        return spaced;
    }
    spaced + text.chars().filter(|&c| is_spaceless(c)).count() / 2
}

/// Decides the languages of a transcript (see the module docs). `forced` is the
/// configured language, if any.
pub fn decide(t: &Transcript, forced: Option<Lang>) -> Languages {
    let n = t.speakers.len();
    if let Some(l) = forced {
        return Languages {
            meeting: l,
            speakers: vec![l; n],
            configured: true,
        };
    }
    if !t.has_text {
        return Languages {
            meeting: Lang::UND,
            speakers: vec![Lang::UND; n],
            configured: false,
        };
    }
    let all: Vec<&str> = t.segments.iter().map(|s| s.text.as_str()).collect();
    let meeting = detect(&sample(&all, SAMPLE_CHARS));
    let mut per: Vec<Vec<&str>> = vec![Vec::new(); n];
    for s in &t.segments {
        if let Some(v) = per.get_mut(s.speaker) {
            v.push(s.text.as_str());
        }
    }
    let speakers = per
        .iter()
        .map(|texts| {
            // Counted only until the threshold is reached: a long speaker's text is not
            // read to the end for a yes/no.
            let mut words = 0usize;
            for t in texts {
                words += rough_words(t);
                if words >= SPEAKER_MIN_WORDS {
                    break;
                }
            }
            if words < SPEAKER_MIN_WORDS {
                return meeting;
            }
            match detect(&sample(texts, SPEAKER_SAMPLE_CHARS)) {
                Lang::UND => meeting,
                l => l,
            }
        })
        .collect();
    Languages {
        meeting,
        speakers,
        configured: false,
    }
}

/// The text of one of the word lists of `lang` (one of [`WITH_WORD_LISTS`]), by file stem
/// (`backchannels`, `fillers`, `hedges`, `question-starters`, `agreement`, `contrast`,
/// `floor-grabs`, `handover-trails`). English for any other language.
pub fn word_list(lang: Lang, stem: &str) -> &'static str {
    macro_rules! lists {
        ($($code:literal => $dir:literal),*) => {
            match lang.code() {
                $($code => match stem {
                    "backchannels" => include_str!(concat!("../../lexicons/dynamics/", $dir, "backchannels.txt")),
                    "fillers" => include_str!(concat!("../../lexicons/dynamics/", $dir, "fillers.txt")),
                    "hedges" => include_str!(concat!("../../lexicons/dynamics/", $dir, "hedges.txt")),
                    "question-starters" => include_str!(concat!("../../lexicons/dynamics/", $dir, "question-starters.txt")),
                    "agreement" => include_str!(concat!("../../lexicons/dynamics/", $dir, "agreement.txt")),
                    "contrast" => include_str!(concat!("../../lexicons/dynamics/", $dir, "contrast.txt")),
                    "floor-grabs" => include_str!(concat!("../../lexicons/dynamics/", $dir, "floor-grabs.txt")),
                    "handover-trails" => include_str!(concat!("../../lexicons/dynamics/", $dir, "handover-trails.txt")),
                    _ => "",
                },)*
                _ => word_list(Lang::EN, stem),
            }
        };
    }
    lists!("en" => "", "es" => "es/", "de" => "de/", "fr" => "fr/", "pt" => "pt/", "it" => "it/", "nl" => "nl/")
}

/// Where `lang`'s parsed word lists are kept: the index in [`WITH_WORD_LISTS`] and the
/// language whose lists they are (English for a language without lists of its own).
pub fn list_slot(lang: Lang) -> (usize, Lang) {
    let l = lang.word_lists().unwrap_or(Lang::EN);
    let k = WITH_WORD_LISTS
        .iter()
        .position(|c| *c == l.code())
        .unwrap_or(0);
    (k, Lang(WITH_WORD_LISTS[k]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_both_ways() {
        assert_eq!(Lang::parse("es"), Some(Lang("es")));
        assert_eq!(Lang::parse("SPA"), Some(Lang("es")));
        assert_eq!(Lang::parse("spanish"), Some(Lang("es")));
        assert_eq!(Lang::parse("xx"), None);
        assert_eq!(Lang("zh").name(), "Chinese");
        // Every whatlang language has a code here.
        for l in whatlang::Lang::all() {
            assert_ne!(Lang::from_whatlang(*l), Lang::UND, "{l:?}");
        }
    }

    #[test]
    fn every_language_with_lists_has_all_eight() {
        for code in WITH_WORD_LISTS {
            let l = Lang::parse(code).unwrap();
            for stem in [
                "backchannels",
                "fillers",
                "hedges",
                "question-starters",
                "agreement",
                "contrast",
                "floor-grabs",
                "handover-trails",
            ] {
                let text = word_list(l, stem);
                let entries = text
                    .lines()
                    .map(|l| l.split('#').next().unwrap_or("").trim())
                    .filter(|l| !l.is_empty())
                    .count();
                assert!(entries >= 5, "{code}/{stem}: {entries} entries");
                if *code != "en" {
                    assert_ne!(text, word_list(Lang::EN, stem), "{code}/{stem}");
                }
            }
        }
    }

    #[test]
    fn detects_meeting_sentences() {
        // Meeting-sized samples (whatlang is reliable from about 200 characters; shorter
        // texts come out `und`, which is the intended answer).
        let cases = [
            (
                "en",
                "I think we should move the release to next week, what do you all think about that? The tests are still failing on the build machine and nobody has had time to look at the logs yet, so let's give it a few more days.",
            ),
            (
                "es",
                "No estoy de acuerdo, esto es terrible y muy malo para el equipo. Creo que deberíamos hablar con los clientes antes de cambiar el plan, porque la última vez nadie nos avisó y perdimos dos semanas de trabajo.",
            ),
            (
                "de",
                "Ich glaube, wir sollten das Thema in der nächsten Sitzung noch einmal besprechen. Die Verwaltung hat uns die Unterlagen leider erst gestern geschickt, und ich hatte noch keine Zeit, alles durchzulesen.",
            ),
            (
                "fr",
                "Je pense qu'on devrait reporter la réunion à la semaine prochaine, d'accord? Les résultats ne sont pas encore prêts et il faudrait que tout le monde ait le temps de lire le rapport avant de décider.",
            ),
            (
                "zh",
                "大家好，我们开始吧。今天我们讨论一下下个月的发布计划。",
            ),
            (
                "ja",
                "皆さん、こんにちは。今日は来月のリリース計画について話しましょう。",
            ),
        ];
        for (code, text) in cases {
            assert_eq!(detect(text).code(), code, "{text}");
        }
        assert_eq!(detect("ok"), Lang::UND);
    }

    #[test]
    fn spaceless_scripts() {
        assert!("大家好".chars().all(is_spaceless));
        assert!("こんにちは".chars().all(is_spaceless));
        assert!(!"hello, Łukasz 안녕".chars().any(is_spaceless));
        assert!(!'。'.is_alphanumeric() || !is_spaceless('。'));
    }
}
