//! Evaluation against data the lexicons were not written from:
//!
//! - `fixtures/inclusive/labelled.jsonl`, an independently written, labelled set of meeting
//!   sentences: term-level precision and recall, per-category recall, the errors;
//! - real meeting talk (`../shared/corpus/zoom-ethereum-acd`, `../shared/corpus/ami-vtt`):
//!   flags per 1,000 words and the first findings with their context, for reading by hand.
//!
//! Run with `cargo test --lib inclusive::eval -- --nocapture` to see the figures.
//!
//! Scoring: a finding matches an expected term when their char ranges overlap and the
//! categories are equal; each expected term is matched at most once (repeated terms are
//! located at successive occurrences), while one finding may cover several expected terms.
//! Recall counts matched expected terms, precision counts findings that match at least one.
//! The same figures are also printed category-agnostic (a finding on the expected span
//! counts whatever its category), since the issue asks for *term* precision and recall; the
//! asserts (P ≥ 0.90, R ≥ 0.90) are on the stricter category-exact figures.

use super::text::{Normalized, phrase_tokens};
use super::{Category, Finding, Lexicon, Options};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
struct Row {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    expected: Vec<Expected>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize)]
struct Expected {
    term: String,
    category: Category,
}

/// Char ranges where `term` occurs in `text`: as a token sequence (so "man hours" finds
/// "man-hours"), else as a case-insensitive substring.
fn locate(text: &str, term: &str) -> Vec<(usize, usize)> {
    let n = Normalized::new(text);
    let want = phrase_tokens(term);
    let mut out = Vec::new();
    if !want.is_empty() {
        for i in 0..n.toks.len() {
            if n.tokens_eq(i, &want) {
                let (ob, oe) = (n.toks[i].ob, n.toks[i + want.len() - 1].oe);
                let start = text[..ob].chars().count();
                out.push((start, start + text[ob..oe].chars().count()));
            }
        }
    }
    if out.is_empty() {
        let lower: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
        let t: Vec<char> = term.chars().flat_map(char::to_lowercase).collect();
        // only valid when lowercasing kept the char count (true for the texts we expect)
        if !t.is_empty() && lower.len() == text.chars().count() {
            for s in 0..lower.len().saturating_sub(t.len() - 1) {
                if lower[s..s + t.len()] == t[..] {
                    out.push((s, s + t.len()));
                }
            }
        }
    }
    out
}

#[derive(Default)]
struct Tally {
    /// expected terms matched
    tp: usize,
    /// findings that match at least one expected term
    found_ok: usize,
    /// findings that match none
    fp: usize,
    fn_: usize,
}

impl Tally {
    fn precision(&self) -> f64 {
        ratio(self.found_ok, self.found_ok + self.fp)
    }
    fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Where an expected term is in the text (char range) and which finding matched it.
type Placed = (Option<(usize, usize)>, Option<usize>);

/// For each expected term of `row`: where it is in the text and which finding matches it.
/// A finding matches when the char ranges overlap and, if `exact`, the categories are
/// equal; a finding no other expected term has matched is preferred, but one finding may
/// cover several expected terms ("master slave" covers "master" and "slave"). Expected
/// terms are matched at most once (repeated terms take successive places).
fn match_row(lx: &Lexicon, row: &Row, found: &[Finding], exact: bool) -> Vec<Placed> {
    let mut used = vec![false; found.len()];
    let mut taken: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for exp in &row.expected {
        let places = locate(&row.text, &exp.term);
        let k = taken.entry(exp.term.to_lowercase()).or_insert(0);
        let place = places.get(*k).copied();
        *k += 1;
        let matches = |f: usize, (s, e): (usize, usize)| {
            (!exact || lx.entries()[found[f].entry].category == exp.category)
                && found[f].start < e
                && s < found[f].end
        };
        let hit = place.and_then(|p| {
            (0..found.len())
                .find(|&f| !used[f] && matches(f, p))
                .or_else(|| (0..found.len()).find(|&f| matches(f, p)))
        });
        if let Some(f) = hit {
            used[f] = true;
        }
        out.push((place, hit));
    }
    out
}

#[test]
fn labelled_set_precision_and_recall() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/inclusive/labelled.jsonl");
    let Ok(src) = std::fs::read_to_string(&path) else {
        println!("skipped: {} is absent", path.display());
        return;
    };
    let lx = Lexicon::builtin().expect("built-in lexicons load");
    let opts = Options::default();
    let mut all = Tally::default();
    let mut scored = Tally::default(); // rows whose kind is not "contested"
    let mut by_kind: BTreeMap<String, Tally> = BTreeMap::new();
    let mut recall_by_cat: BTreeMap<Category, (usize, usize)> = BTreeMap::new();
    // the same, ignoring categories (a right span under another category still counts)
    let mut all_loose = Tally::default();
    let mut scored_loose = Tally::default();
    let mut loose_recall_by_cat: BTreeMap<Category, (usize, usize)> = BTreeMap::new();
    let mut fps = Vec::new();
    let mut fns = Vec::new();
    let mut rows = 0;
    for (lineno, line) in src.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let row: Row = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), lineno + 1));
        rows += 1;
        let kind = row.kind.clone().unwrap_or_default();
        let contested = kind.eq_ignore_ascii_case("contested");
        let found: Vec<Finding> = lx.find(&row.text, &opts);
        // category-agnostic: a finding of any category on the expected span counts
        let loose = match_row(&lx, &row, &found, false);
        let mut t_loose = Tally::default();
        for (exp, (_, hit)) in row.expected.iter().zip(&loose) {
            let cat = loose_recall_by_cat.entry(exp.category).or_default();
            cat.1 += 1;
            if hit.is_some() {
                cat.0 += 1;
                t_loose.tp += 1;
            } else {
                t_loose.fn_ += 1;
            }
        }
        t_loose.found_ok = (0..found.len())
            .filter(|f| loose.iter().any(|(_, h)| *h == Some(*f)))
            .count();
        t_loose.fp = found.len() - t_loose.found_ok;
        for tally in [&mut all_loose]
            .into_iter()
            .chain((!contested).then_some(&mut scored_loose))
        {
            tally.tp += t_loose.tp;
            tally.found_ok += t_loose.found_ok;
            tally.fp += t_loose.fp;
            tally.fn_ += t_loose.fn_;
        }
        // category-exact (the asserted figures)
        let exact = match_row(&lx, &row, &found, true);
        let mut used = vec![false; found.len()];
        let mut t = Tally::default();
        for (exp, &(place, hit)) in row.expected.iter().zip(&exact) {
            let cat = recall_by_cat.entry(exp.category).or_default();
            cat.1 += 1;
            match hit {
                Some(f) => {
                    used[f] = true;
                    t.tp += 1;
                    cat.0 += 1;
                }
                None => {
                    t.fn_ += 1;
                    fns.push(format!(
                        "[{}] {:?} ({}){} in {:?}{}",
                        row.id,
                        exp.term,
                        exp.category,
                        if place.is_none() {
                            " (term not found in text)"
                        } else {
                            ""
                        },
                        row.text,
                        row.note
                            .as_deref()
                            .map(|n| format!(" — {n}"))
                            .unwrap_or_default()
                    ));
                }
            }
        }
        t.found_ok = used.iter().filter(|u| **u).count();
        for (f, u) in found.iter().zip(&used) {
            if !u {
                t.fp += 1;
                let e = &lx.entries()[f.entry];
                fps.push(format!(
                    "[{}] {:?} → {} ({}) in {:?}{}",
                    row.id,
                    f.text,
                    e.id,
                    e.category,
                    row.text,
                    row.note
                        .as_deref()
                        .map(|n| format!(" — {n}"))
                        .unwrap_or_default()
                ));
            }
        }
        for tally in [&mut all, by_kind.entry(kind).or_default()] {
            tally.tp += t.tp;
            tally.found_ok += t.found_ok;
            tally.fp += t.fp;
            tally.fn_ += t.fn_;
        }
        if !contested {
            scored.tp += t.tp;
            scored.found_ok += t.found_ok;
            scored.fp += t.fp;
            scored.fn_ += t.fn_;
        }
    }
    println!("labelled set: {rows} rows");
    println!(
        "all rows: expected terms found {} / missed {}; findings right {} / wrong {}: precision {:.3}, recall {:.3}",
        all.tp,
        all.fn_,
        all.found_ok,
        all.fp,
        all.precision(),
        all.recall()
    );
    for (kind, t) in &by_kind {
        println!(
            "  kind {kind:?}: found {} / missed {}; right {} / wrong {}: precision {:.3}, recall {:.3}",
            t.tp,
            t.fn_,
            t.found_ok,
            t.fp,
            t.precision(),
            t.recall()
        );
    }
    println!("recall by category:");
    for (cat, (hit, total)) in &recall_by_cat {
        println!("  {cat}: {hit}/{total} = {:.3}", ratio(*hit, *total));
    }
    println!("false positives ({}):", fps.len());
    for f in &fps {
        println!("  {f}");
    }
    println!("false negatives ({}):", fns.len());
    for f in &fns {
        println!("  {f}");
    }
    println!(
        "category-agnostic (a finding on the expected span counts whatever its category): \
         all rows precision {:.3}, recall {:.3}; scored precision {:.3}, recall {:.3}",
        all_loose.precision(),
        all_loose.recall(),
        scored_loose.precision(),
        scored_loose.recall()
    );
    println!("category-agnostic recall by category:");
    for (cat, (hit, total)) in &loose_recall_by_cat {
        println!("  {cat}: {hit}/{total} = {:.3}", ratio(*hit, *total));
    }
    println!(
        "scored (not contested), category-exact: precision {:.3}, recall {:.3}",
        scored.precision(),
        scored.recall()
    );
    assert!(
        scored.precision() >= 0.90,
        "precision {:.3} < 0.90",
        scored.precision()
    );
    assert!(
        scored.recall() >= 0.90,
        "recall {:.3} < 0.90",
        scored.recall()
    );
}

// ---------------------------------------------------------------------------------------
// Real meeting talk

/// The spoken text of each cue of a WebVTT file, crudely: no header, NOTE blocks, cue ids or
/// timings; `<v …>` and other tags removed; a leading `Name: ` speaker prefix removed.
pub(super) fn cue_texts(vtt: &str) -> Vec<String> {
    let mut out = Vec::new();
    for block in vtt.replace("\r\n", "\n").split("\n\n") {
        let lines: Vec<&str> = block.lines().collect();
        let Some(t) = lines.iter().position(|l| l.contains("-->")) else {
            continue;
        };
        let mut text = lines[t + 1..].join(" ");
        // strip tags
        while let Some(a) = text.find('<') {
            match text[a..].find('>') {
                Some(b) => text.replace_range(a..a + b + 1, ""),
                None => break,
            }
        }
        // strip a "Name: " prefix (short, no sentence punctuation before the colon)
        if let Some(c) = text.find(": ") {
            let name = &text[..c];
            if name.chars().count() <= 40 && !name.contains(['.', '?', '!', ',']) {
                text = text[c + 2..].to_string();
            }
        }
        let text = htmlish_unescape(text.trim());
        if !text.is_empty() {
            out.push(text);
        }
    }
    out
}

fn htmlish_unescape(s: &str) -> String {
    s.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
}

pub(super) fn corpus_dirs() -> Vec<PathBuf> {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    ["zoom-ethereum-acd", "ami-vtt"]
        .iter()
        .map(|d| base.join(d))
        .collect()
}

#[test]
fn flags_per_thousand_words_on_real_meetings() {
    let require = std::env::var("TURNSTAT_REQUIRE_CORPUS").is_ok_and(|v| v == "1");
    let lx = Lexicon::builtin().expect("built-in lexicons load");
    let opts = Options::default();
    let mut words = 0usize;
    let mut flags = 0usize;
    let mut files = 0usize;
    let mut shown = Vec::new();
    let mut by_entry: BTreeMap<String, usize> = BTreeMap::new();
    let mut samples: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for dir in corpus_dirs() {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            assert!(!require, "corpus directory {} is absent", dir.display());
            println!("skipped: {} is absent", dir.display());
            continue;
        };
        let mut paths: Vec<PathBuf> = rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "vtt"))
            .collect();
        paths.sort();
        for path in paths {
            let Ok(src) = std::fs::read_to_string(&path) else {
                continue;
            };
            files += 1;
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            for cue in cue_texts(&src) {
                words += cue.split_whitespace().count();
                for f in lx.find(&cue, &opts) {
                    flags += 1;
                    let id = lx.entries()[f.entry].id.clone();
                    *by_entry.entry(id.clone()).or_default() += 1;
                    let line = format!("{name}: [{id}] {:?} in {:?}", f.text, cue);
                    if shown.len() < 60 {
                        shown.push(line.clone());
                    }
                    let s = samples.entry(id).or_default();
                    if s.len() < 4 {
                        s.push(line);
                    }
                }
            }
        }
    }
    if files == 0 {
        return;
    }
    let rate = flags as f64 * 1000.0 / words.max(1) as f64;
    println!("{files} files, {words} words, {flags} flags: {rate:.3} per 1,000 words");
    println!("by entry: {by_entry:?}");
    println!("first {} findings:", shown.len());
    for s in &shown {
        println!("  {s}");
    }
    println!("up to four findings per entry:");
    for s in samples.values().flatten() {
        println!("  {s}");
    }
    assert!(rate <= 1.0, "{rate:.3} flags per 1,000 words");
}

#[test]
fn cue_text_extraction() {
    let vtt = "WEBVTT\n\nNOTE x\n\n1\n00:00:01.000 --> 00:00:02.000\nMario Havel: Hey guys.\n\n\
               EN-1\n00:00:03.340 --> 00:00:03.880\n<v MEO069 (None)>'Kay.</v>\n";
    assert_eq!(cue_texts(vtt), ["Hey guys.", "'Kay."]);
}

/// Every finding of some entries on the real meetings, for reading by hand:
/// `INCLUSIVE_ENTRIES=generic-masculine-pronoun,address-guys cargo test --lib
/// print_corpus_findings -- --ignored --nocapture` (all entries when unset).
#[test]
#[ignore = "prints findings on the real corpus; run to review an entry"]
fn print_corpus_findings() {
    let want: Vec<String> = std::env::var("INCLUSIVE_ENTRIES")
        .map(|v| v.split(',').map(|s| s.trim().to_string()).collect())
        .unwrap_or_default();
    let lx = Lexicon::builtin().expect("built-in lexicons load");
    let opts = Options::default();
    for dir in corpus_dirs() {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "vtt"))
            .collect();
        paths.sort();
        for path in paths {
            let Ok(src) = std::fs::read_to_string(&path) else {
                continue;
            };
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            for cue in cue_texts(&src) {
                for f in lx.find(&cue, &opts) {
                    let id = &lx.entries()[f.entry].id;
                    if want.is_empty() || want.contains(id) {
                        let chars: Vec<char> = cue.chars().collect();
                        let lo = f.start.saturating_sub(90);
                        let hi = (f.end + 40).min(chars.len());
                        let before: String = chars[lo..f.start].iter().collect();
                        let after: String = chars[f.end..hi].iter().collect();
                        println!("{name}: [{id}] …{before}[[{}]]{after}…", f.text);
                    }
                }
            }
        }
    }
}
