//! A reproducible generator of meeting transcripts for benchmarks (fixed seed, no deps).
//!
//! Two exporters are imitated:
//!
//! - **Zoom**: numbered cues, CRLF, padded `hh:mm:ss.mmm` timings, `Name: text` on every cue;
//!   speech is serialised (no two speakers overlap). Turns of a few cues, a chair who talks
//!   more than the others (Zipf-like weights), short reactions ("Thanks.") between turns.
//! - **Teams**: `<v Name>text</v>` cues; every other file in the new style (GUID cue
//!   identifiers, padded timings), the rest in the old style (no identifiers, unpadded
//!   `h:m:s.mmm` timings). Overlapping turn changes, backchannels ("yeah", "mm-hmm") and
//!   short interruption attempts inside other people's cues, the odd `&amp;` entity.
//!
//! The words are drawn so that the figures match the real corpus in `../shared/corpus`
//! (51 Zoom calls of the Ethereum ACD series, 137 AMI meetings), as `turnstat analyze` measures
//! them there: Zoom ≈ 120 words, 7 cues and 10 sentences per minute, 1.6 fillers and 1
//! question per 100 words; Teams/AMI ≈ 170 words and 14 cues per minute, ≈ 5 fillers per
//! 100 words, ≈ 3 backchannels per minute and ≈ 10 % of the time overlapped; in both ≈ 0.45
//! non-inclusive terms per 1,000 words, and sentiment words (VADER lexicon) in about a third
//! of the sentences. Sentences are 3–25 words (mean ≈ 12), with contractions, commas,
//! numbers, hedges and question openers.
//!
//! The same `(seed, minutes)` always gives the same bytes.
#![allow(dead_code)]

use std::fmt::Write as _;

/// xorshift64*: small, fast, deterministic.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (mixed, so that nearby seeds give unrelated streams).
    pub fn new(seed: u64) -> Self {
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)).max(1))
    }
    /// Next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// True with probability `per_100k` / 100,000.
    pub fn chance(&mut self, per_100k: u64) -> bool {
        self.below(100_000) < per_100k
    }
    /// One element of a non-empty slice.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// The speakers' names (a prime number of them).
pub const NAMES: &[&str] = &[
    "Ana Lopez",
    "Bo Chen",
    "Chidi Okafor",
    "Dana Weiss",
    "Emeka | Org",
    "Farah Haddad",
    "Hiro Tanaka",
    "Zoë Müller",
    "José García (Guest)",
    "Priya Raman",
    "Tom O'Neill",
    "Lena Svensson",
    "Kwame Mensah",
];

/// Frequent words of spoken English (drawn most often).
const FUNCTION: &[&str] = &[
    "the", "a", "to", "and", "of", "we", "I", "that", "it", "is", "in", "so", "you", "this", "for",
    "on", "be", "have", "can", "just", "do", "if", "with", "at", "not", "are", "was", "there",
    "what", "they", "but", "about", "will", "would", "think", "one", "all", "from", "some", "it's",
    "we're", "I'm", "don't", "that's", "there's", "then", "also", "more", "need", "going", "get",
    "like", "know", "right", "yeah", "now", "here", "which", "any", "could", "should", "still",
    "already", "again", "probably", "actually", "really", "can't", "doesn't", "isn't", "we'll",
    "let's", "other", "next", "last", "two", "three",
];

/// Meeting content words.
const CONTENT: &[&str] = &[
    "release",
    "branch",
    "dashboard",
    "latency",
    "budget",
    "customer",
    "feedback",
    "roadmap",
    "review",
    "design",
    "doc",
    "merge",
    "test",
    "tests",
    "client",
    "spec",
    "proposal",
    "deploy",
    "data",
    "team",
    "meeting",
    "week",
    "Thursday",
    "Friday",
    "ticket",
    "sprint",
    "estimate",
    "server",
    "network",
    "upgrade",
    "fork",
    "testnet",
    "mainnet",
    "validators",
    "config",
    "PR",
    "version",
    "timeline",
    "number",
    "call",
    "devnet",
    "metrics",
    "agenda",
    "point",
    "question",
    "process",
    "change",
    "changes",
    "implementation",
    "client teams",
    "slot",
    "block",
    "gas",
    "limit",
    "endpoint",
    "API",
    "schema",
    "migration",
    "rollout",
    "deadline",
    "Q3",
    "2026",
    "12",
    "40",
    "3.5",
    "percent",
    "milliseconds",
    "users",
    "support",
    "docs",
    "channel",
    "thread",
    "Discord",
    "GitHub",
    "issue",
    "benchmark",
    "EIP",
    "blob",
    "bandwidth",
    "storage",
    "sync",
    "node",
    "nodes",
    "peers",
];

/// Words in the VADER lexicon, positive.
const POSITIVE: &[&str] = &[
    "good",
    "great",
    "thanks",
    "thank you",
    "nice",
    "happy",
    "agree",
    "sure",
    "perfect",
    "awesome",
    "love",
    "cool",
    "better",
    "fine",
    "excited",
    "helpful",
    "clear",
    "glad",
    "interesting",
    "please",
    "easy",
    "best",
    "well",
    "support",
    "ready",
];

/// Words in the VADER lexicon, negative.
const NEGATIVE: &[&str] = &[
    "problem",
    "bad",
    "wrong",
    "hard",
    "worried",
    "concern",
    "fail",
    "broken",
    "risk",
    "sorry",
    "difficult",
    "confused",
    "annoying",
    "terrible",
    "delay",
    "blocked",
    "bug",
    "missing",
    "no",
    "stuck",
    "lost",
    "worse",
];

/// Fillers and hedges (as the dynamics lexicons count them).
const FILLERS: &[&str] = &[
    "um",
    "uh",
    "um,",
    "uh,",
    "you know,",
    "I mean,",
    "like,",
    "basically",
    "actually",
    "hmm,",
];
const HEDGES: &[&str] = &[
    "I think",
    "maybe",
    "sort of",
    "kind of",
    "probably",
    "I guess",
    "perhaps",
    "I feel like",
];

/// Terms of the inclusive-language lexicon, as people say them.
const NON_INCLUSIVE: &[&str] = &[
    "blacklist",
    "whitelist",
    "guys",
    "manpower",
    "sanity check",
    "master branch",
    "grandfathered",
    "crazy",
    "man-hours",
    "chairman",
    "lame",
];

const QUESTION_OPENERS: &[&str] = &[
    "Can we",
    "Do you",
    "Should we",
    "Is it",
    "What about",
    "How do we",
    "Does anyone",
    "Are we",
    "Could you",
    "Why do we",
    "When can we",
    "Any",
];

const SENTENCE_OPENERS: &[&str] = &[
    "So", "Okay", "Yeah", "Right", "Well", "And", "But", "Also", "Now", "Alright",
];

const BACKCHANNELS: &[&str] = &[
    "Yeah.",
    "Mm-hmm.",
    "Right.",
    "Okay.",
    "I see.",
    "Sure.",
    "Yeah, yeah.",
    "Mm.",
    "Uh-huh.",
    "Exactly.",
    "[laugh]",
];

const REACTIONS: &[&str] = &[
    "Thanks.",
    "Okay, thanks.",
    "Sounds good.",
    "Yes.",
    "Got it.",
    "Makes sense.",
    "Thank you.",
    "Cool.",
    "Sure, go ahead.",
];

/// Which exporter a file imitates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Zoom: `Name: text`, serialised speech.
    Zoom,
    /// Teams: `<v Name>`, overlaps and backchannels.
    Teams,
}

/// Per-word rates (per 100,000 word slots) for one style.
struct Rates {
    filler: u64,
    hedge: u64,
    positive: u64,
    negative: u64,
    non_inclusive: u64,
}

fn rates(style: Style) -> Rates {
    match style {
        Style::Zoom => Rates {
            filler: 1_050,
            hedge: 1_000,
            positive: 2_000,
            negative: 1_000,
            non_inclusive: 46,
        },
        Style::Teams => Rates {
            filler: 4_600,
            hedge: 1_000,
            positive: 2_000,
            negative: 1_000,
            non_inclusive: 46,
        },
    }
}

/// Appends one sentence to `out`; returns its number of words.
fn sentence(rng: &mut Rng, style: Style, out: &mut String) -> usize {
    let r = rates(style);
    let start = out.len();
    let question = rng.chance(11_000);
    let mut words = 0;
    if question {
        out.push_str(rng.pick(QUESTION_OPENERS));
        words += 2;
    } else if rng.chance(15_000) {
        out.push_str(rng.pick(SENTENCE_OPENERS));
        out.push(',');
        words += 1;
    }
    let n = match style {
        Style::Zoom => 3 + rng.below(8) + rng.below(8) + rng.below(6),
        Style::Teams => 2 + rng.below(6) + rng.below(6) + rng.below(4),
    };
    for _ in 0..n {
        if out.len() > start {
            out.push(' ');
        }
        let x = rng.below(100_000);
        let w = if x < r.filler {
            rng.pick(FILLERS)
        } else if x < r.filler + r.hedge {
            rng.pick(HEDGES)
        } else if x < r.filler + r.hedge + r.positive {
            rng.pick(POSITIVE)
        } else if x < r.filler + r.hedge + r.positive + r.negative {
            rng.pick(NEGATIVE)
        } else if x < r.filler + r.hedge + r.positive + r.negative + r.non_inclusive {
            rng.pick(NON_INCLUSIVE)
        } else if x < 58_000 {
            rng.pick(FUNCTION)
        } else {
            rng.pick(CONTENT)
        };
        out.push_str(w);
        words += 1 + w.bytes().filter(|&b| b == b' ').count();
        if rng.chance(6_000) && !w.ends_with(',') {
            out.push(',');
        }
    }
    // Capitalise the first letter (ASCII openers and words only).
    if let Some(b) = out.as_bytes().get(start).copied()
        && b.is_ascii_lowercase()
    {
        out.replace_range(
            start..start + 1,
            &(b.to_ascii_uppercase() as char).to_string(),
        );
    }
    if out.ends_with(',') {
        out.pop();
    }
    if question {
        out.push('?');
    } else {
        let x = rng.below(100);
        out.push_str(match x {
            0..=1 => "...",
            2..=3 => "!",
            // Broken off (an inferred interruption in a Zoom call when the next speaker
            // comes in quickly).
            4..=5 => " -",
            _ => ".",
        });
    }
    words
}

/// Appends 1–2 sentences (the text of one cue); returns the number of words.
fn cue_text(rng: &mut Rng, style: Style, out: &mut String) -> usize {
    let mut words = sentence(rng, style, out);
    if words < 14 && rng.chance(40_000) {
        out.push(' ');
        words += sentence(rng, style, out);
    }
    words
}

fn ts(out: &mut String, ms: u64, padded: bool) {
    let (h, m, s, f) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    if padded {
        let _ = write!(out, "{h:02}:{m:02}:{s:02}.{f:03}");
    } else {
        let _ = write!(out, "{h}:{m}:{s}.{f:03}");
    }
}

/// Speaking time of `words` words at ≈ 2.6 words per second, with some jitter.
fn speak_ms(rng: &mut Rng, words: usize) -> u64 {
    300 + words as u64 * (330 + rng.below(120))
}

/// The speakers of a meeting and Zipf-like weights (the first one, the chair, talks most).
fn cast(rng: &mut Rng, min: u64, max: u64) -> (Vec<&'static str>, Vec<u64>) {
    let n = (min + rng.below(max - min + 1)) as usize;
    let first = rng.below(NAMES.len() as u64) as usize;
    // NAMES has a prime length, so any step below it visits distinct names.
    let step = 1 + 2 * rng.below(NAMES.len() as u64 / 2) as usize;
    let names: Vec<&str> = (0..n)
        .map(|k| NAMES[(first + k * step) % NAMES.len()])
        .collect();
    let weights = (0..n as u64).map(|k| 1000 / (k + 1)).collect();
    (dedup(names), weights)
}

fn dedup(mut v: Vec<&'static str>) -> Vec<&'static str> {
    let mut seen = Vec::new();
    v.retain(|x| {
        if seen.contains(x) {
            false
        } else {
            seen.push(*x);
            true
        }
    });
    v
}

fn choose(rng: &mut Rng, weights: &[u64], not: Option<usize>) -> usize {
    let total: u64 = weights
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != not)
        .map(|(_, w)| w)
        .sum();
    let mut x = rng.below(total);
    for (i, w) in weights.iter().enumerate() {
        if Some(i) == not {
            continue;
        }
        if x < *w {
            return i;
        }
        x -= w;
    }
    0
}

/// A Zoom-style meeting of about `minutes` minutes.
pub fn zoom(seed: u64, minutes: u64) -> String {
    let mut rng = Rng::new(seed);
    let (names, weights) = cast(&mut rng, 3, 12);
    let weights = &weights[..names.len()];
    let mut out = String::with_capacity(minutes as usize * 1_100);
    out.push_str("WEBVTT\r\n\r\n");
    let mut t = 2_000 + rng.below(60_000);
    let mut n = 1;
    let mut who: Option<usize> = None;
    let mut text = String::new();
    while t < minutes * 60_000 {
        let w = choose(&mut rng, weights, who);
        who = Some(w);
        let reaction = rng.chance(8_000);
        let cues = if reaction { 1 } else { 1 + rng.below(6) };
        // How the next speaker comes in: quickly, after a normal gap, or after a silence.
        let next = rng.below(100);
        for k in 0..cues {
            text.clear();
            let words = if reaction {
                text.push_str(rng.pick(REACTIONS));
                2
            } else {
                cue_text(&mut rng, Style::Zoom, &mut text)
            };
            // A turn cut short by a quick start of the next speaker (an inferred interruption).
            if k + 1 == cues && !reaction && next < 15 && rng.chance(25_000) {
                text.truncate(text.trim_end_matches(['.', '?', '!']).len());
                text.push_str(" -");
            }
            let d = speak_ms(&mut rng, words);
            let _ = write!(out, "{n}\r\n");
            ts(&mut out, t, true);
            out.push_str(" --> ");
            ts(&mut out, t + d, true);
            let _ = write!(out, "\r\n{}: {text}\r\n\r\n", names[w]);
            n += 1;
            t += d + rng.below(700);
        }
        // Between turns: a quick start, a normal gap, or a longer silence.
        t += match next {
            0..=14 => rng.below(400),
            15..=94 => 400 + rng.below(1_600),
            _ => 3_000 + rng.below(9_000),
        };
    }
    out
}

fn guid(rng: &mut Rng, out: &mut String) {
    let a = rng.next();
    let b = rng.next();
    let _ = write!(
        out,
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        (b >> 48) & 0x3fff | 0x8000,
        b & 0xffff_ffff_ffff
    );
}

/// A Teams-style meeting with overlaps, backchannels and interruption attempts.
pub fn teams(seed: u64, minutes: u64) -> String {
    let mut rng = Rng::new(seed);
    let new_style = seed.is_multiple_of(2);
    let (names, weights) = cast(&mut rng, 3, 8);
    let weights = &weights[..names.len()];
    let mut out = String::with_capacity(minutes as usize * 1_600);
    out.push_str("WEBVTT\n\n");
    let mut t = rng.below(20_000);
    let mut cue_no = 0u64;
    let mut who: Option<usize> = None;
    let mut text = String::new();
    let mut side = String::new();
    let mut id = String::new();
    if new_style {
        guid(&mut rng, &mut id);
    }
    let mut push_cue = |out: &mut String, start: u64, end: u64, name: &str, text: &str| {
        if new_style {
            let _ = writeln!(out, "{id}/{}-0", cue_no + 12);
        }
        cue_no += 1;
        ts(out, start, new_style);
        out.push_str(" --> ");
        ts(out, end, new_style);
        let _ = write!(out, "\n<v {name}>{text}</v>\n\n");
    };
    while t < minutes * 60_000 {
        let w = choose(&mut rng, weights, who);
        who = Some(w);
        let cues = 1 + rng.below(3);
        let mut end = t;
        for _ in 0..cues {
            text.clear();
            let words = cue_text(&mut rng, Style::Teams, &mut text);
            if rng.chance(500) {
                text.push_str(" Q&amp;A");
            }
            let d = speak_ms(&mut rng, words);
            push_cue(&mut out, t, t + d, names[w], &text);
            end = t + d;
            // A listener's backchannel, or now and then an attempt to come in, inside the cue.
            let x = rng.below(100);
            if x < 32 && d > 1_500 && names.len() > 1 {
                let other = choose(&mut rng, weights, Some(w));
                let b = t + 300 + rng.below(d - 1_200);
                let bc = rng.pick(BACKCHANNELS);
                push_cue(&mut out, b, b + 250 + rng.below(650), names[other], bc);
            } else if x < 44 && d > 2_800 && names.len() > 1 {
                let other = choose(&mut rng, weights, Some(w));
                side.clear();
                let words = sentence(&mut rng, Style::Teams, &mut side).min(5);
                let b = t + 500 + rng.below(d - 2_500);
                let e = (b + speak_ms(&mut rng, words)).min(t + d - 100);
                push_cue(&mut out, b, e.max(b + 200), names[other], &side);
            }
            t += d + rng.below(500);
        }
        // The next speaker: often in overlap with the end of this turn.
        t = match rng.below(100) {
            0..=39 => end.saturating_sub(200 + rng.below(2_000)),
            40..=94 => end + rng.below(700),
            _ => end + 2_000 + rng.below(5_000),
        };
    }
    out
}

/// The style of meeting `index` of a corpus: 3 Zoom calls for every 2 Teams meetings.
pub fn style_of(index: u64) -> Style {
    if index % 5 < 3 {
        Style::Zoom
    } else {
        Style::Teams
    }
}

/// Days since 1970-01-01 → (year, month, day) (Howard Hinnant's civil_from_days).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Meeting `index` (0-based) of a corpus: its file name and its content. Meetings are dated
/// one working day apart from 2024-01-01, and the date is in the file name.
pub fn meeting(seed: u64, index: u64, minutes: u64) -> (String, String) {
    // 2024-01-01 is day 19,723 and a Monday: skip weekends.
    let day = 19_723 + (index / 5) * 7 + index % 5;
    let (y, m, d) = civil(day as i64);
    let s = seed.wrapping_mul(1_000_003).wrapping_add(index);
    match style_of(index) {
        Style::Zoom => (
            format!("{y:04}-{m:02}-{d:02}_zoom_{index:05}.vtt"),
            zoom(s, minutes),
        ),
        Style::Teams => (
            format!("{y:04}-{m:02}-{d:02}_teams_{index:05}.vtt"),
            teams(s, minutes),
        ),
    }
}

/// Writes `n` meetings of `minutes` minutes into `dir` (created if needed). Returns the
/// number of bytes written.
pub fn write_corpus(
    dir: &std::path::Path,
    seed: u64,
    n: u64,
    minutes: u64,
) -> std::io::Result<u64> {
    std::fs::create_dir_all(dir)?;
    let mut bytes = 0;
    for i in 0..n {
        let (name, text) = meeting(seed, i, minutes);
        std::fs::write(dir.join(name), &text)?;
        bytes += text.len() as u64;
    }
    Ok(bytes)
}
