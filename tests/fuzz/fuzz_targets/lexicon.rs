//! The inclusive-language lexicon loader (TOML schema, validation, merging by id) and the
//! matcher compiled from what it accepts.
//!
//! Input: up to three parts separated by a line `%%`: a base lexicon (built-in rules:
//! `[meta]` required, unique ids), a user lexicon merged over it by id, and a text to search.
//! With fewer parts the base is a small fixed lexicon and the text a fixed sentence.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use turnstat::inclusive::{Category, Lexicon, Options, Severity};

const BASE: &str = r#"[meta]
category = "gender"
version = 1

[[entry]]
id = "gender-guys"
severity = "low"
terms = ["guys", "you guys"]
suggestions = ["everyone", { text = "folks", sense = "informal" }]
explanation = "x"
exceptions = [{ before = ["the"] }, { within = ["guys and gals"] }]

[[entry]]
id = "gender-manpower"
severity = "medium"
terms = ["manpower"]
inflect = true
suggestions = ["staffing"]
explanation = "y"
"#;

const TEXT: &str =
    "Hey guys, we lack manpower. The Guys' names: GUYS! Manpowers, you guys and gals.";

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let parts: Vec<&str> = input.splitn(3, "\n%%\n").collect();
    let (base, user, text) = match parts.as_slice() {
        [user] => (BASE, *user, TEXT),
        [user, text] => (BASE, *user, *text),
        [base, user, text] => (*base, *user, *text),
        _ => unreachable!(),
    };
    let file = |name: &str, src: &str| vec![(PathBuf::from(name), src.to_string())];
    let lexicon = match Lexicon::from_texts(&file("base.toml", base), &file("user.toml", user)) {
        Ok(l) => l,
        Err(e) => {
            let _ = e.to_string();
            return;
        }
    };
    let chars: Vec<char> = text.chars().collect();
    for opts in [
        Options::default(),
        Options {
            min_severity: Severity::Medium,
            categories: vec![Category::Gender, Category::Age],
            allow: vec!["you guys".into(), text.chars().take(12).collect()],
        },
    ] {
        for f in lexicon.find(text, &opts) {
            assert!(
                f.start < f.end && f.end <= chars.len(),
                "{f:?} in {} chars",
                chars.len()
            );
            assert!(f.entry < lexicon.entries().len());
            let matched: String = chars[f.start..f.end].iter().collect();
            assert_eq!(matched, f.text, "finding text is the matched span");
        }
    }
});
