//! Unit tests: known values from Python vaderSentiment 3.3.2 on CPython 3.11 (raw values
//! taken with the module's `round` shadowed by the identity, exactly as
//! `tests/vader/reference.py` does), the rounding, and odd inputs.

use super::lexicon::Tables;
use super::{Analyzer, Scores, but_check_indexed, but_check_literal};

/// (text, raw [compound, pos, neu, neg], rounded [compound, pos, neu, neg]) from Python.
#[allow(clippy::approx_constant)] // 0.318 is a score, not 1/π
const KNOWN: &[(&str, [f64; 4], [f64; 4])] = &[
    (
        "No problem at all.",
        [
            0.3089262410530291,
            0.42944085203499427,
            0.5705591479650057,
            0.0,
        ],
        [0.3089, 0.429, 0.571, 0.0],
    ),
    (
        "Can everyone hear me?",
        [0.0, 0.0, 1.0, 0.0],
        [0.0, 0.0, 1.0, 0.0],
    ),
    (
        "No worries, I can take that.",
        [
            0.325224313573055,
            0.31805782869612653,
            0.6819421713038735,
            0.0,
        ],
        [0.3252, 0.318, 0.682, 0.0],
    ),
    (
        "I think this is great.",
        [
            0.6248933269389457,
            0.5061728395061729,
            0.4938271604938272,
            0.0,
        ],
        [0.6249, 0.506, 0.494, 0.0],
    ),
    (
        "I love this \u{2764}",
        [
            0.8555415792658776,
            0.7368421052631579,
            0.2631578947368421,
            0.0,
        ],
        [0.8555, 0.737, 0.263, 0.0],
    ),
    (
        "I love this \u{2764}\u{fe0f}",
        [
            0.6369499429264264,
            0.5121951219512195,
            0.48780487804878053,
            0.0,
        ],
        [0.6369, 0.512, 0.488, 0.0],
    ),
    (
        "VADER is VERY SMART, handsome, and FUNNY!!!",
        [
            0.9342086844920943,
            0.7666645277581712,
            0.2333354722418289,
            0.0,
        ],
        [0.9342, 0.767, 0.233, 0.0],
    ),
    (
        "The plot was good, but the characters are uncompelling and the dialog is not great.",
        [
            -0.7041689565994302,
            0.09401668193433296,
            0.5785641965189721,
            0.327419121546695,
        ],
        [-0.7042, 0.094, 0.579, 0.327],
    ),
    (
        "At least it isn't a horrible book.",
        [
            0.43102002306105164,
            0.3220338983050848,
            0.6779661016949153,
            0.0,
        ],
        [0.431, 0.322, 0.678, 0.0],
    ),
    (
        "Without a doubt, an excellent idea.",
        [
            0.7012865169261457,
            0.5922528032619776,
            0.4077471967380224,
            0.0,
        ],
        [0.7013, 0.592, 0.408, 0.0],
    ),
    (
        "Not such a badass after all.",
        [
            -0.2584087909727581,
            0.0,
            0.7106310403638432,
            0.28936895963615694,
        ],
        [-0.2584, 0.0, 0.711, 0.289],
    ),
    (
        "it was the bomb yeah right good",
        [
            0.5993731596731062,
            0.49640287769784175,
            0.28776978417266186,
            0.2158273381294964,
        ],
        [0.5994, 0.496, 0.288, 0.216],
    ),
    (
        "Sentiment analysis has never been this good!",
        [
            0.5671530510378399,
            0.37933174718113166,
            0.6206682528188683,
            0.0,
        ],
        [0.5672, 0.379, 0.621, 0.0],
    ),
    (
        "Make sure you :) or :D today!",
        [
            0.8633021070236708,
            0.7064220183486238,
            0.29357798165137616,
            0.0,
        ],
        [0.8633, 0.706, 0.294, 0.0],
    ),
    (
        "Today only kinda sux! But I'll get by, lol",
        [
            0.5249142208642265,
            0.31693858917867496,
            0.5557540391409631,
            0.12730737168036205,
        ],
        [0.5249, 0.317, 0.556, 0.127],
    ),
    (
        "The results, if not memorable, are at least interesting.",
        [
            0.401923825269382,
            0.25233644859813087,
            0.7476635514018692,
            0.0,
        ],
        [0.4019, 0.252, 0.748, 0.0],
    ),
    (
        "NO NO NO NO NO NO NO NO NO. RT WTF WTF",
        [
            0.15707614175469983,
            0.5549210614712798,
            0.12596573731944913,
            0.31911320120927106,
        ],
        [0.1571, 0.555, 0.126, 0.319],
    ),
    (
        "Good, good, but bad, bad.",
        [
            -0.8224628936244653,
            0.2708333333333333,
            0.06944444444444445,
            0.6597222222222222,
        ],
        [-0.8225, 0.271, 0.069, 0.66],
    ),
];

fn as_array(s: Scores) -> [f64; 4] {
    [s.compound, s.pos, s.neu, s.neg]
}

#[test]
fn known_values_from_python() {
    let analyzer = Analyzer::new();
    for &(text, raw, rounded) in KNOWN {
        let got = analyzer.polarity_scores(text);
        assert_eq!(as_array(got), raw, "raw scores of {text:?}");
        assert_eq!(
            as_array(got.rounded()),
            rounded,
            "rounded scores of {text:?}"
        );
    }
}

#[test]
fn note_examples() {
    let a = Analyzer::global();
    assert_eq!(
        a.polarity_scores("No problem at all.").rounded().compound,
        0.3089
    );
    assert_eq!(a.polarity_scores("Can everyone hear me?").compound, 0.0);
}

#[test]
fn rounding_matches_python_round() {
    // Exact binary ties are rounded to even, as Python's round() does.
    let s = Scores {
        compound: 0.03125,
        pos: 0.8125,
        neu: 0.1875,
        neg: 0.0625,
    };
    assert_eq!(
        as_array(s.rounded()),
        [0.0312, 0.812, 0.188, 0.062],
        "ties to even"
    );
    let s = Scores {
        compound: -0.00004,
        pos: 0.0004,
        neu: 0.9996,
        neg: 1.0,
    };
    let r = s.rounded();
    assert_eq!(r.compound, 0.0);
    assert!(r.compound.is_sign_negative(), "round(-0.00004, 4) is -0.0");
    assert_eq!(as_array(r)[1..], [0.0, 1.0, 1.0]);
}

#[test]
fn empty_and_neutral_texts() {
    let a = Analyzer::new();
    assert_eq!(a.polarity_scores(""), Scores::ZERO);
    assert_eq!(a.polarity_scores(" \t\u{a0}\u{1c} "), Scores::ZERO);
    let punct = a.polarity_scores("?!");
    assert_eq!(as_array(punct), [0.0, 0.0, 1.0, 0.0]);
}

#[test]
fn odd_inputs_never_panic() {
    let a = Analyzer::new();
    let long_word = "x".repeat(10_000);
    let long_caps = format!("GOOD {} good", "B".repeat(10_000));
    let many_emoji = "\u{1f600}".repeat(3_000);
    let many_buts = "good but ".repeat(2_000);
    let inputs: Vec<&str> = vec![
        "",
        "!!!???...",
        "\u{1f600}\u{1f44d}\u{2764}",
        "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}",
        &long_word,
        &long_caps,
        &many_emoji,
        &many_buts,
        "\0",
        "good\0bad",
        "e\u{301}\u{301}\u{301} GOOD\u{301}",
        "\u{301}\u{302}",
        "\u{212a}ILL \u{130} \u{39f}\u{394}\u{39f}\u{3a3}",
        "\u{a7cb}\u{a7cb} \u{295} \u{1c5}",
        "no no no no",
        "but but but",
        "least",
        "kind",
        "the bomb",
    ];
    for text in inputs {
        let s = a.polarity_scores(text);
        for v in as_array(s) {
            assert!(v.is_finite(), "{text:?} gave {s:?}");
        }
        assert!((-1.0..=1.0).contains(&s.compound));
        let _ = s.rounded();
    }
}

#[test]
fn deterministic_across_calls_and_threads() {
    let text = "it was the bomb yeah right good, but not kind of bad!!";
    let first = Analyzer::new().polarity_scores(text);
    for _ in 0..50 {
        assert_eq!(Analyzer::new().polarity_scores(text), first);
    }
    let handles: Vec<_> = (0..4)
        .map(|_| std::thread::spawn(move || Analyzer::global().polarity_scores(text)))
        .collect();
    for h in handles {
        assert_eq!(h.join().ok(), Some(first));
    }
}

#[test]
fn lexicons_parse_like_python() {
    let t = Tables::get();
    assert_eq!(t.lexicon_len, 7506, "distinct keys of vader_lexicon.txt");
    assert_eq!(
        t.emoji_file_len, 3570,
        "distinct keys of emoji_utf8_lexicon.txt"
    );
    assert_eq!(t.emoji.len(), 1212, "single-code-point emoji");
    assert!(
        t.emoji.keys().all(|c| !c.is_ascii()),
        "ASCII text skips the emoji pass"
    );
    // Duplicates keep the last value, as a Python dict does.
    let lex = |w: &str| t.words.get(w.as_bytes()).and_then(|i| i.lex());
    assert_eq!(lex("ok"), Some(1.2));
    assert_eq!(lex("lol"), Some(1.8));
    assert_eq!(lex("heart"), Some(3.2));
    assert_eq!(lex(":-\u{de}"), Some(0.9), "non-ASCII key");
    // Upper-case keys are stored but only their lower-case twins are ever hit.
    assert_eq!((lex(":P"), lex(":p")), (Some(1.4), Some(1.0)));
    assert_eq!(lex(":-\u{fe}"), None, ":-Þ can never match");
    assert_eq!(lex("the"), None);
    assert!(t.words.get(b"the").is_some_and(|i| i.phrase != 0));
    assert!(t.words.get(b"won't").is_some_and(|i| i.negate()));
    assert!(
        t.words.max_key_len() <= 32,
        "ASCII fast path covers every key"
    );
    // Every lexicon line is found, with the value of its last occurrence.
    let mut last = std::collections::BTreeMap::new();
    for line in super::lexicon::VADER_LEXICON.lines() {
        let mut fields = line.trim().split('\t');
        if let (Some(word), Some(value)) = (fields.next(), fields.next()) {
            last.insert(word, value.parse::<f64>().ok());
        }
    }
    assert_eq!(last.len(), t.lexicon_len);
    for (word, value) in &last {
        assert_eq!(lex(word), *value, "{word:?}");
    }
    assert!(
        t.words.len() > t.lexicon_len,
        "plus boosters, negations, control words"
    );
    assert_eq!(t.special_cases.len(), 8, "badass cannot match");
    assert_eq!(t.booster_phrases.len(), 3);
}

#[test]
fn serializes_with_serde() {
    let json = serde_json::to_string(&Scores::ZERO).unwrap_or_default();
    assert_eq!(json, r#"{"compound":0.0,"pos":0.0,"neu":0.0,"neg":0.0}"#);
}

#[test]
fn but_check_index_equals_literal_scan() {
    // Pseudo-random valences with many repeats, zeros and products of 0.5/1.5.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    let palette = [0.0, 1.9, -1.9, 0.95, 2.85, -0.95, 1.425, 3.1, -2.5, 0.475];
    for _ in 0..300 {
        let n = 1 + next(60) as usize;
        let values: Vec<f64> = (0..n).map(|_| palette[next(10) as usize]).collect();
        let bi = next(n as u64) as usize;
        let mut a = values.clone();
        let mut b = values.clone();
        but_check_literal(bi, &mut a);
        but_check_indexed(bi, &mut b);
        let bits = |v: &[f64]| {
            v.iter()
                .map(|x| if *x == 0.0 { 0 } else { x.to_bits() })
                .collect::<Vec<_>>()
        };
        assert_eq!(bits(&a), bits(&b), "{values:?} but at {bi}");
    }
}

#[test]
fn long_text_with_but_is_fast_and_exact() {
    let a = Analyzer::new();
    let text = format!(
        "{} but {}",
        "good great ".repeat(20_000),
        "bad nice ".repeat(20_000)
    );
    let start = std::time::Instant::now();
    let s = a.polarity_scores(&text);
    assert!(start.elapsed().as_secs_f64() < 5.0);
    assert!(s.compound.is_finite());
}
