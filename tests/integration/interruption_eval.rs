//! Interruption classifier against people's labels: the GAP development half
//! (`../shared/corpus/interruptions-gap`, read in place, never copied: CC BY-NC) and the
//! project's own labelled AMI overlaps and Zoom speaker changes (`fixtures/interruptions/`).
//!
//! Run `tests/interruptions/eval.sh` (or `cargo test --test integration interruption_eval --
//! --nocapture`) to print the tables. Each labelled row is matched to the detected event of
//! the same meeting whose B is the labelled speaker and whose start lies within 0.5 s of the
//! labelled start (the GAP README's rule); a row with no such event counts as predicted
//! "not an interruption". Scored: interruption or not (GAP's question), and for our sets
//! also competitive interruptions (positive = labelled competitive; predicted = an
//! interruption event with stance competitive).

use crate::util::{corpus, fixtures, load_ok};
use std::collections::HashMap;
use std::path::Path;
use turnstat::metrics::interruptions::{self, Event, Kind, Stance, Thresholds};
use turnstat::model::Transcript;

/// One labelled row.
struct Row {
    meeting: String,
    b: String,
    b_start: f64,
    interruption: bool,
    /// `Some(true)` when labelled competitive (our sets only).
    competitive: Option<bool>,
    id: String,
}

/// Counts of a binary confusion table.
#[derive(Default, Clone, Copy)]
struct Confusion {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
}

impl Confusion {
    fn add(&mut self, truth: bool, pred: bool) {
        match (truth, pred) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn line(&self, name: &str) -> String {
        format!(
            "| {name} | {} | {} | {} | {} | {:.3} | {:.3} | {:.3} |",
            self.tp,
            self.fp,
            self.fn_,
            self.tn,
            self.precision(),
            self.recall(),
            self.f1()
        )
    }
}

fn parse_tsv(text: &str) -> Vec<HashMap<String, String>> {
    let mut lines = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    lines
        .map(|l| {
            header
                .iter()
                .zip(l.split('\t'))
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// The event a labelled row refers to, if the detector produced one.
fn matching<'a>(t: &Transcript, events: &'a [Event], row: &Row) -> Option<&'a Event> {
    let at = (row.b_start * 1000.0).round() as i64;
    events
        .iter()
        .filter(|e| t.speakers[e.by] == row.b && (e.start as i64 - at).abs() <= 500)
        .min_by_key(|e| (e.start as i64 - at).abs())
}

/// The predictions for a set: (row, matched event) per row.
fn score(
    name: &str,
    rows: &[Row],
    file_of: impl Fn(&str) -> std::path::PathBuf,
    dump: &mut String,
) -> (Confusion, Option<Confusion>) {
    let mut cache: HashMap<String, (Transcript, Vec<Event>)> = HashMap::new();
    let mut intr = Confusion::default();
    let mut comp = Confusion::default();
    // Three classes (not an interruption, cooperative, competitive): [truth][prediction].
    let mut three = [[0usize; 3]; 3];
    let mut has_stance = false;
    for row in rows {
        let (t, events) = cache.entry(row.meeting.clone()).or_insert_with(|| {
            let t = load_ok(&file_of(&row.meeting));
            let (ev, _) = interruptions::detect(&t, &Thresholds::default());
            (t, ev)
        });
        let e = matching(t, events, row);
        let pred = e.is_some_and(|e| e.kind == Kind::Interruption);
        intr.add(row.interruption, pred);
        if let Some(c) = row.competitive {
            let truth = usize::from(row.interruption) + usize::from(c);
            let predicted = match e {
                Some(e) if e.kind == Kind::Interruption => {
                    1 + usize::from(e.stance == Some(Stance::Competitive))
                }
                _ => 0,
            };
            three[truth][predicted] += 1;
            has_stance = true;
            let pc = e.is_some_and(|e| {
                e.kind == Kind::Interruption && e.stance == Some(Stance::Competitive)
            });
            comp.add(c, pc);
        }
        let got = match e {
            Some(e) => format!(
                "{:?}/{}/{:?}/{}",
                e.kind,
                e.detail,
                e.stance,
                e.cues.join("; ")
            ),
            None => "no event".into(),
        };
        dump.push_str(&format!(
            "{name}\t{}\t{}\t{}\t{:.2}\t{}\t{}\t{got}\n",
            row.id,
            row.meeting,
            row.b,
            row.b_start,
            if row.interruption { "I" } else { "-" },
            match row.competitive {
                Some(true) => "comp",
                Some(false) => "",
                None => "",
            }
        ));
    }
    if has_stance {
        println!(
            "{name}: rows = people's label, columns = turnstat's\n| | not | cooperative | competitive |\n| --- | ---: | ---: | ---: |"
        );
        for (k, label) in ["not", "cooperative", "competitive"].iter().enumerate() {
            println!(
                "| {label} | {} | {} | {} |",
                three[k][0], three[k][1], three[k][2]
            );
        }
    }
    (intr, has_stance.then_some(comp))
}

fn gap_rows(dir: &Path) -> Vec<Row> {
    let text = std::fs::read_to_string(dir.join("labels.tsv")).unwrap();
    parse_tsv(&text)
        .into_iter()
        .enumerate()
        .map(|(i, r)| Row {
            meeting: r["meeting"].clone(),
            b: r["b_speaker"].clone(),
            b_start: r["b_start"].parse().unwrap(),
            interruption: r["label"] == "interruption",
            competitive: None,
            id: format!("gap-{}", i + 1),
        })
        .collect()
}

fn own_rows(path: &Path) -> Vec<Row> {
    let text = std::fs::read_to_string(path).unwrap();
    parse_tsv(&text)
        .into_iter()
        .map(|r| Row {
            meeting: r["meeting"].clone(),
            b: r["b_speaker"].clone(),
            b_start: r["b_start"].parse().unwrap(),
            interruption: r["label"] == "interruption",
            competitive: Some(r["stance"] == "competitive"),
            id: r["id"].clone(),
        })
        .collect()
}

/// Prints the tables and checks them. GAP: the issue-13 target, interruption P ≥ 0.90 and
/// F1 ≥ 0.90 (met). Own sets: the target is competitive P ≥ 0.75 and R ≥ 0.60, which
/// the classifier does **not** reach (README "Interruptions" gives the figures and why); the
/// asserts are floors a little under today's figures, so that a change that makes the
/// competitive reading worse fails.
#[test]
fn interruption_eval() {
    let Some(corpus) = corpus() else { return };
    let mut dump = String::new();
    let mut out = vec![
        "| set | TP | FP | FN | TN | precision | recall | F1 |".to_string(),
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |".to_string(),
    ];
    let gap = corpus.join("interruptions-gap");
    let (g, _) = score(
        "gap",
        &gap_rows(&gap),
        |m| gap.join("vtt").join(format!("{m}.vtt")),
        &mut dump,
    );
    out.push(g.line("GAP dev half: interruption"));
    let mut own = Vec::new();
    for (set, dir) in [("ami", "ami-vtt"), ("zoom", "zoom-ethereum-acd")] {
        let path = fixtures().join(format!("interruptions/{set}.tsv"));
        if !path.exists() {
            continue;
        }
        let d = corpus.join(dir);
        let (i, c) = score(
            set,
            &own_rows(&path),
            |m| d.join(format!("{m}.vtt")),
            &mut dump,
        );
        let c = c.unwrap();
        out.push(i.line(&format!("{set}: interruption")));
        out.push(c.line(&format!("{set}: competitive interruption")));
        own.push((set, c));
    }
    println!("{}", out.join("\n"));
    if let Ok(p) = std::env::var("TURNSTAT_EVAL_DUMP") {
        std::fs::write(p, dump).unwrap();
    }
    if std::env::var("TURNSTAT_EVAL_NO_ASSERT").is_ok() {
        return;
    }
    assert!(
        g.precision() >= 0.90 && g.f1() >= 0.90,
        "GAP: {}",
        g.line("gap")
    );
    for (set, c) in own {
        let (p, r) = match set {
            "ami" => (0.45, 0.40),
            _ => (0.50, 0.25),
        };
        assert!(
            c.precision() >= p && c.recall() >= r,
            "{set}: {} (floors P {p}, R {r})",
            c.line(set)
        );
    }
}
