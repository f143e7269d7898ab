//! Meeting series: which recurring meeting a transcript belongs to.
//!
//! A meeting's series comes from the first `[[series]]` entry of `turnstat.toml` whose glob
//! matches its path ([`SeriesRules`]), or else from its file name ([`default_series`]): the
//! name without its dates, times, counters and the words recording tools add
//! (`acdc_2026-02-05_174.vtt` → `acdc`, `GMT20240305-100001_Recording.transcript.vtt` in
//! the Zoom folder `2024-03-05 10.00.01 Weekly Sync` → `Weekly Sync`).

use std::path::Path;

/// The series names given in `turnstat.toml` and the globs that select their meetings, in
/// file order (the first entry whose glob matches wins).
#[derive(Clone, Debug, Default)]
pub struct SeriesRules {
    rules: Vec<(String, Vec<Glob>)>,
}

impl SeriesRules {
    /// From `(name, globs)` pairs in file order.
    pub fn new<'a>(entries: impl IntoIterator<Item = (&'a str, &'a [String])>) -> SeriesRules {
        SeriesRules {
            rules: entries
                .into_iter()
                .map(|(name, globs)| {
                    (
                        crate::speakers::clean_name(name),
                        globs.iter().map(|g| Glob::new(g)).collect(),
                    )
                })
                .collect(),
        }
    }

    /// The series of a meeting read from `source` (a path, or the stdin placeholder): the
    /// first configured series with a matching glob, else [`default_series`].
    pub fn series_of(&self, source: &str) -> String {
        self.rules
            .iter()
            .find(|(_, globs)| globs.iter().any(|g| g.matches_path(source)))
            .map_or_else(|| default_series(source), |(name, _)| name.clone())
    }
}

/// A glob over a path: `*` any run of characters but `/`, `?` one such character, `**` any
/// run including `/`. Letter case is ignored and `\` counts as `/`. A glob with a `/` is
/// matched against the whole path and every tail of it that starts at a folder
/// (`platform/*.vtt` matches `exports/platform/a.vtt`); a glob without one against the
/// file name only.
#[derive(Clone, Debug)]
struct Glob {
    pattern: Vec<char>,
    has_slash: bool,
}

impl Glob {
    fn new(p: &str) -> Glob {
        let p = p.replace('\\', "/").to_lowercase();
        let p = p.trim_start_matches("./");
        Glob {
            has_slash: p.contains('/'),
            pattern: p.chars().collect(),
        }
    }

    fn matches_path(&self, path: &str) -> bool {
        let path: Vec<char> = path.replace('\\', "/").to_lowercase().chars().collect();
        if !self.has_slash {
            let start = path.iter().rposition(|&c| c == '/').map_or(0, |i| i + 1);
            return glob_match(&self.pattern, &path[start..]);
        }
        if self.pattern.first() == Some(&'/') {
            return glob_match(&self.pattern, &path);
        }
        std::iter::once(0)
            .chain(
                path.iter()
                    .enumerate()
                    .filter(|(_, c)| **c == '/')
                    .map(|(i, _)| i + 1),
            )
            .any(|start| glob_match(&self.pattern, &path[start..]))
    }
}

/// Iterative glob matching with backtracking to the last star (linear in practice, never
/// exponential).
fn glob_match(p: &[char], s: &[char]) -> bool {
    // (pattern index after the star, text index it was tried at, whether `**`)
    let mut star: Option<(usize, usize, bool)> = None;
    let (mut i, mut j) = (0, 0);
    while j < s.len() {
        if i < p.len() && p[i] == '*' {
            let double = p.get(i + 1) == Some(&'*');
            i += if double { 2 } else { 1 };
            star = Some((i, j, double));
            continue;
        }
        if i < p.len() && (p[i] == s[j] || (p[i] == '?' && s[j] != '/')) {
            i += 1;
            j += 1;
            continue;
        }
        match star {
            // A single star never swallows a `/`.
            Some((si, sj, double)) if double || s[sj] != '/' => {
                star = Some((si, sj + 1, double));
                i = si;
                j = sj + 1;
            }
            _ => return false,
        }
    }
    p[i..].iter().all(|&c| c == '*')
}

/// Extensions of transcript files and the suffixes recorders add before them.
const EXTENSIONS: &[&str] = &[
    ".vtt", ".webvtt", ".srt", ".sbv", ".json", ".txt", ".rttm", ".docx", ".md",
];

/// Word runs that name no meeting: what Zoom, Teams, Google Meet and Otter add to file names.
const GENERIC: &[&[&str]] = &[
    &["meeting", "saved", "closed", "caption"],
    &["meeting", "saved", "chat"],
    &["closed", "caption"],
    &["audio", "transcript"],
    &["meeting", "recording"],
    &["meeting", "transcript"],
    &["otter", "ai"],
    &["recording"],
    &["transcript"],
    &["transcription"],
    &["captions"],
    &["subtitles"],
];

/// Words dropped next to a date or time: `at`, `am`, months, weekdays, time zones.
const DATE_WORDS: &[&str] = &[
    "at",
    "on",
    "am",
    "pm",
    "utc",
    "gmt",
    "cet",
    "cest",
    "est",
    "edt",
    "pst",
    "pdt",
    "bst",
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
    "mon",
    "monday",
    "tue",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
];

/// A token is a number, or a number with a unit or zone stuck to it (`05t10`, `01z`,
/// `10am`, `10h30`, `gmt20240305`).
fn numeric(tok: &str) -> bool {
    let t = tok.to_lowercase();
    let t = t.strip_prefix("gmt").unwrap_or(&t);
    let digits = t.bytes().filter(u8::is_ascii_digit).count();
    digits > 0
        && t.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && t.bytes()
            .all(|b| b.is_ascii_digit() || b"tzhms".contains(&b))
        || ["am", "pm"].iter().any(|s| {
            t.strip_suffix(s)
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// The series named by a file name (and, when the name holds nothing but dates, counters
/// and recorder words, by its folder):
///
/// 1. take the file name without its extension (`.vtt`, `.json`, …) and a `.transcript`
///    before it;
/// 2. split it into words at anything that is not a letter or digit (`_`, `-`, spaces, dots,
///    brackets);
/// 3. drop numbers at either end (dates, times, counters: `2026-02-05`, `174`, `10.00.01`,
///    `GMT20240305-100001`, `20240305`), runs of numbers in the middle when they look like a
///    date or time (two or more numbers in a row, or one of four digits or more: a lone
///    `12` in `Sprint 12 review` stays), the words next to them that belong to a date
///    (`at`, `am`, months, weekdays, time zones), and the words recorders add (`Recording`,
///    `Transcript`, `meeting_saved_closed_caption`, `Meeting Recording`, `otter_ai`, …);
/// 4. the words left, with the separator that stood before each, are the series;
/// 5. nothing left: the same for the parent folder's name (Zoom's local recordings put the
///    title in the folder, `2024-03-05 10.00.01 Weekly Sync`); still nothing: the file name
///    without its extension.
pub fn default_series(source: &str) -> String {
    let source = source.replace('\\', "/");
    let path = Path::new(&source);
    let file = path
        .file_name()
        .map_or_else(|| source.clone(), |f| f.to_string_lossy().into_owned());
    let stem = strip_extensions(&file);
    if let Some(s) = title_of(&stem) {
        return s;
    }
    if let Some(s) = path
        .parent()
        .and_then(Path::file_name)
        .and_then(|d| title_of(&d.to_string_lossy()))
    {
        return s;
    }
    if stem.trim().is_empty() { file } else { stem }
}

fn strip_extensions(file: &str) -> String {
    let mut s = file.to_string();
    loop {
        let lower = s.to_lowercase();
        match EXTENSIONS
            .iter()
            .chain(&[".transcript", ".chat", ".cc"])
            .find(|e| lower.ends_with(*e) && lower.len() > e.len())
        {
            Some(e) => s.truncate(s.len() - e.len()),
            None => return s,
        }
    }
}

/// Step 2–4 of [`default_series`] on one name; `None` when nothing is left.
fn title_of(name: &str) -> Option<String> {
    // (separator before, word)
    let mut toks: Vec<(String, String)> = Vec::new();
    let mut sep = String::new();
    let mut word = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            if !word.is_empty() {
                toks.push((std::mem::take(&mut sep), std::mem::take(&mut word)));
            }
            sep.push(c);
        }
    }
    if !word.is_empty() {
        toks.push((sep, word));
    }
    let n = toks.len();
    let lower: Vec<String> = toks.iter().map(|(_, w)| w.to_lowercase()).collect();
    let is_num: Vec<bool> = toks.iter().map(|(_, w)| numeric(w)).collect();
    let mut drop = vec![false; n];
    // Recorder words.
    let mut i = 0;
    while i < n {
        let hit = GENERIC
            .iter()
            .find(|g| i + g.len() <= n && g.iter().zip(&lower[i..]).all(|(a, b)| a == b));
        match hit {
            Some(g) => {
                drop[i..i + g.len()].iter_mut().for_each(|d| *d = true);
                i += g.len();
            }
            None => i += 1,
        }
    }
    // Date words next to a number (looking past other date words: `March 5`, `at 10 am`).
    for i in (0..n).filter(|&i| is_num[i]) {
        for dir in [-1i64, 1] {
            let mut k = i as i64 + dir;
            while k >= 0 && (k as usize) < n && DATE_WORDS.contains(&lower[k as usize].as_str()) {
                drop[k as usize] = true;
                k += dir;
            }
        }
    }
    // Numbers: runs of them, split by nothing but dropped words.
    let mut i = 0;
    while i < n {
        if !is_num[i] {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && (is_num[j] || drop[j]) {
            j += 1;
        }
        let nums: Vec<usize> = (i..j).filter(|&k| is_num[k]).collect();
        let at_edge = (0..i).all(|k| drop[k] || is_num[k]) || (j..n).all(|k| drop[k]);
        let datelike = nums.len() >= 2 || nums.iter().any(|&k| toks[k].1.len() >= 4);
        if at_edge || datelike {
            for k in nums {
                drop[k] = true;
            }
        }
        i = j;
    }
    let mut out = String::new();
    for (k, (sep, w)) in toks.iter().enumerate() {
        if drop[k] {
            continue;
        }
        if !out.is_empty() {
            out.push_str(&joiner(sep));
        }
        out.push_str(w);
    }
    (!out.is_empty()).then_some(out)
}

/// The separator kept between two words of a series name: a space when the original had
/// one (or a bracket), else its first character (`_`, `-`, `.`).
fn joiner(sep: &str) -> String {
    if sep.is_empty() {
        return String::new();
    }
    if sep
        .chars()
        .any(|c| c.is_whitespace() || "()[]{}".contains(c))
    {
        return " ".to_string();
    }
    sep.chars().next().map(String::from).unwrap_or_default()
}

/// The series key: names differing only in letter case and spacing are one series.
pub fn key(series: &str) -> String {
    crate::speakers::name_key(series)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_names() {
        for (path, want) in [
            ("corpus/acdc_2026-02-05_174.vtt", "acdc"),
            ("corpus/acde_2026-03-12_231.vtt", "acde"),
            ("acdt_2026-06-01_081.vtt", "acdt"),
            (
                "rec/2024-03-05 10.00.01 Weekly Sync/GMT20240305-100001_Recording.transcript.vtt",
                "Weekly Sync",
            ),
            (
                "rec/2024-03-05 10.00.01 Weekly Sync/meeting_saved_closed_caption.txt",
                "Weekly Sync",
            ),
            (
                "rec/2024-03-05 10.00.01 Weekly Sync/closed_caption.txt",
                "Weekly Sync",
            ),
            (
                "GMT20240305-100001_Recording.cc.vtt",
                "GMT20240305-100001_Recording",
            ),
            (
                "x/Platform sync/GMT20240305-100001_Recording.vtt",
                "Platform sync",
            ),
            ("Weekly Sync.vtt", "Weekly Sync"),
            ("Weekly Sync 2024-03-05.vtt", "Weekly Sync"),
            ("2024-03-05 Weekly Sync.vtt", "Weekly Sync"),
            ("standup_20240305_1.vtt", "standup"),
            ("standup-2024_03_05-2.srt", "standup"),
            ("Sprint 12 review.vtt", "Sprint 12 review"),
            ("Sprint 12.vtt", "Sprint"),
            ("Design_review_2024-03-05_notes.vtt", "Design_review_notes"),
            (
                "Weekly Sync (2024-03-05 at 10:00 GMT-8) - Transcript.txt",
                "Weekly Sync",
            ),
            ("Weekly Sync - March 5, 2024.vtt", "Weekly Sync"),
            (
                "Team Sync-20240305_100001-Meeting Recording.vtt",
                "Team Sync",
            ),
            ("Weekly Sync_otter_ai.txt", "Weekly Sync"),
            ("2024-03-05T10:00:01Z planning.json", "planning"),
            ("Q3 planning 10am.vtt", "Q3 planning"),
            ("call.vtt", "call"),
            ("ES2005a.vtt", "ES2005a"),
            ("EN2001a.rttm", "EN2001a"),
            ("2024-03-05.vtt", "2024-03-05"),
            ("notes/2024-03-05/2024-03-05.vtt", "2024-03-05"),
            ("Marketing/2024-03-05.vtt", "Marketing"),
            ("cdp_seattle_brief_080221.vtt", "cdp_seattle_brief"),
            (
                "de_magdeburg-stadtrat_2024-04-04.excerpt.vtt",
                "de_magdeburg-stadtrat.excerpt",
            ),
            ("<stdin>", "stdin"),
            ("-", "-"),
            ("Équipe réunion 05.vtt", "Équipe réunion"),
            ("C:\\rec\\acdc_2026-02-05_174.vtt", "acdc"),
        ] {
            assert_eq!(default_series(path), want, "{path}");
        }
    }

    #[test]
    fn configured_first_match_wins() {
        let a = vec!["platform/*.vtt".to_string()];
        let b = vec!["*sync*".to_string(), "**/archive/**".to_string()];
        let r = SeriesRules::new([("Platform", a.as_slice()), ("Sync", b.as_slice())]);
        assert_eq!(r.series_of("exports/platform/weekly_sync.vtt"), "Platform");
        assert_eq!(r.series_of("exports/Weekly_SYNC_3.vtt"), "Sync");
        assert_eq!(r.series_of("old/archive/2020/x.vtt"), "Sync");
        // `*` stops at a folder: no rule matches, the default names it.
        assert_eq!(r.series_of("exports/platform/sub/a_1.vtt"), "a");
        assert_eq!(r.series_of("acdc_2026-02-05_174.vtt"), "acdc");
    }

    #[test]
    fn globs() {
        let g = |p: &str, s: &str| Glob::new(p).matches_path(s);
        assert!(g("*.vtt", "a/b/c.vtt") && !g("*.vtt", "a/b/c.srt"));
        assert!(g("a?c.vtt", "x/abc.vtt") && !g("a?c.vtt", "x/a/c.vtt"));
        assert!(g("b/*.vtt", "a/b/c.vtt") && !g("b/*.vtt", "a/b/d/c.vtt"));
        assert!(g("b/**.vtt", "a/b/d/c.vtt") && g("/a/**", "/a/b/c"));
        assert!(!g("/b/*", "/a/b/c"));
        assert!(g("ACDC_*", "x/acdc_1.vtt") && g("*", "x/y"));
        assert!(g("**", "") && !g("a", ""));
        // Many stars and a long name stay fast.
        let long = "a".repeat(5000);
        assert!(!g("*a*a*a*a*a*a*b", &long));
    }
}
