//! A reproducible generator of meeting transcripts for benchmarks (fixed seed, no deps).
//!
//! Zoom style: `Name: text` cues that serialise speech (no overlaps), CRLF, numbered cues.
//! Teams style: `<v Name>` cues with overlaps and short backchannels inside turns, unpadded
//! `h:m:s.mmm` timings as Teams writes them. Text mixes ordinary meeting language, fillers,
//! questions, sentiment words and some non-inclusive terms.

/// xorshift64*: small, fast, deterministic.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (0 is replaced).
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
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
}

const NAMES: &[&str] = &[
    "Ana Lopez",
    "Bo Chen",
    "Chidi Okafor",
    "Dana Weiss",
    "Emeka | Org",
    "Farah Haddad",
    "Greg K",
    "Hiro Tanaka",
];
const WORDS: &[&str] = &[
    "we",
    "should",
    "ship",
    "the",
    "release",
    "on",
    "Thursday",
    "and",
    "check",
    "metrics",
    "before",
    "that",
    "I",
    "think",
    "um",
    "uh",
    "like",
    "you",
    "know",
    "great",
    "terrible",
    "happy",
    "worried",
    "blacklist",
    "whitelist",
    "guys",
    "manpower",
    "sanity",
    "check",
    "dashboard",
    "latency",
    "budget",
    "customer",
    "feedback",
    "roadmap",
    "good",
    "problem",
    "really",
    "so",
    "okay",
    "maybe",
    "next",
    "week",
    "review",
    "design",
    "doc",
    "merge",
];
const BACKCHANNELS: &[&str] = &["yeah", "mm-hmm", "right", "okay", "I see", "sure"];

fn sentence(rng: &mut Rng) -> String {
    let n = 6 + rng.below(18) as usize;
    let mut s = String::new();
    for i in 0..n {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(WORDS[rng.below(WORDS.len() as u64) as usize]);
    }
    s.push(if rng.below(5) == 0 { '?' } else { '.' });
    s
}

fn ts(ms: u64, padded: bool) -> String {
    let (h, m, s, f) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    if padded {
        format!("{h:02}:{m:02}:{s:02}.{f:03}")
    } else {
        format!("{h}:{m}:{s}.{f:03}")
    }
}

/// A Zoom-style meeting of about `minutes` minutes.
pub fn zoom(seed: u64, minutes: u64) -> String {
    let mut rng = Rng::new(seed);
    let speakers = 3 + rng.below(5) as usize;
    let mut out = String::from("WEBVTT\r\n\r\n");
    let mut t = 1_000u64;
    let mut n = 1;
    while t < minutes * 60_000 {
        let who = NAMES[rng.below(speakers as u64) as usize];
        for _ in 0..1 + rng.below(4) {
            let d = 1_500 + rng.below(12_000);
            out.push_str(&format!(
                "{n}\r\n{} --> {}\r\n{who}: {}\r\n\r\n",
                ts(t, true),
                ts(t + d, true),
                sentence(&mut rng)
            ));
            n += 1;
            t += d + rng.below(800);
        }
        t += rng.below(1_500);
    }
    out
}

/// A Teams-style meeting with overlaps and backchannels.
pub fn teams(seed: u64, minutes: u64) -> String {
    let mut rng = Rng::new(seed);
    let speakers = 3 + rng.below(5) as usize;
    let mut out = String::from("WEBVTT\n\n");
    let mut t = 0u64;
    while t < minutes * 60_000 {
        let who = NAMES[rng.below(speakers as u64) as usize];
        let d = 2_000 + rng.below(15_000);
        out.push_str(&format!(
            "{} --> {}\n<v {who}>{}</v>\n\n",
            ts(t, false),
            ts(t + d, false),
            sentence(&mut rng)
        ));
        if rng.below(3) == 0 {
            let other = NAMES[rng.below(speakers as u64) as usize];
            let b = t + rng.below(d);
            let bc = BACKCHANNELS[rng.below(BACKCHANNELS.len() as u64) as usize];
            out.push_str(&format!(
                "{} --> {}\n<v {other}>{bc}</v>\n\n",
                ts(b, false),
                ts(b + 400, false)
            ));
        }
        // Sometimes the next speaker starts before this one ends.
        t += if rng.below(4) == 0 {
            d.saturating_sub(600)
        } else {
            d + rng.below(1_200)
        };
    }
    out
}
