//! Conversation dynamics: hand-computed values on small fixtures for every metric and every
//! overlap kind, and properties over the whole corpus.

use crate::util::{corpus, files, fixtures, load_ok, union_ms};
use turnstat::metrics::MetricsOptions;
use turnstat::report::{self, Kind, MeetingReport, SpeakerReport, Stance};

fn analyze(path: &std::path::Path, roster: &[&str]) -> MeetingReport {
    let t = load_ok(path);
    let opts = MetricsOptions {
        roster: roster.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    };
    report::analyze(&t, &opts)
}

fn speaker<'a>(m: &'a MeetingReport, name: &str) -> &'a SpeakerReport {
    m.speakers.iter().find(|s| s.name == name).unwrap()
}

/// Every figure of `fixtures/dynamics/overlaps.vtt`, computed by hand (see the fixture: Ann
/// 0–10 s and 13–20 s; Bo "Yeah." 3.0–3.4, "No." 7.0–7.3, 9.7–14.0, 26–34; Cy 5.0–6.5,
/// 21–30, 35–36).
#[test]
fn overlaps_fixture_hand_computed() {
    let m = analyze(&fixtures().join("dynamics/overlaps.vtt"), &[]);
    assert_eq!(m.duration_seconds, Some(36.0));
    // [0,20] ∪ [21,34] ∪ [35,36]
    assert_eq!(m.speech_seconds, Some(34.0));
    // 0.4 + 1.5 + 0.3 + 0.3 + 1.0 + 4.0
    assert_eq!(m.overlap_seconds, Some(7.5));
    assert_eq!(m.silence_seconds, Some(2.0));
    // Ann, Bo, Ann, Cy, Bo, Cy: 5 switches in 0.6 min.
    assert_eq!(m.switches_per_minute, Some(8.3333));

    let ann = speaker(&m, "Ann");
    assert_eq!(ann.talk_seconds, Some(17.0));
    assert_eq!(ann.talk_share, Some(0.4096));
    assert_eq!(ann.turns, 2);
    assert_eq!(ann.mean_turn_seconds, Some(8.5));
    let mono = ann.longest_monologue.as_ref().unwrap();
    assert_eq!((mono.start, mono.end, mono.seconds), (0.0, 10.0, 10.0));
    assert_eq!(ann.words, Some(22));
    assert_eq!(ann.words_per_minute, Some(77.65));
    assert_eq!(ann.fillers, Some(2)); // um, you know
    assert_eq!(ann.fillers_per_100_words, Some(9.09));
    assert_eq!(ann.questions, Some(1));
    assert_eq!(ann.response_gap_median_seconds, None);
    assert_eq!(ann.overlapped_responses, 1);
    assert_eq!(ann.overlapped_response_median_seconds, Some(-1.0));
    assert_eq!(
        (
            ann.interruptions_made,
            ann.interruptions_successful,
            ann.interruptions_received
        ),
        (1, 1, 2)
    );
    // Ann's question to Bo is cooperative; Cy's "But…" on Ann is competitive.
    assert_eq!(
        (
            ann.interruptions_competitive_made,
            ann.interruptions_cooperative_made,
            ann.interruptions_competitive_received,
            ann.interruptions_cooperative_received
        ),
        (0, 1, 1, 1)
    );

    let bo = speaker(&m, "Bo");
    assert_eq!(bo.talk_seconds, Some(13.0));
    assert_eq!(bo.talk_share, Some(0.3133));
    assert_eq!((bo.turns, bo.embedded_turns), (2, 2));
    assert_eq!(bo.mean_turn_seconds, Some(6.15));
    assert_eq!(bo.words, Some(20));
    assert_eq!(bo.words_per_minute, Some(92.31));
    assert_eq!(bo.overlapped_response_median_seconds, Some(-2.15));
    assert_eq!((bo.interruptions_made, bo.interruptions_received), (2, 1));
    assert_eq!(
        (
            bo.interruptions_competitive_made,
            bo.interruptions_cooperative_made
        ),
        (0, 2)
    );
    assert_eq!(bo.backchannels, 1);
    assert_eq!(bo.overlaps_started, 1); // the short reaction "No."

    let cy = speaker(&m, "Cy");
    assert_eq!(cy.talk_seconds, Some(11.5));
    assert_eq!(cy.talk_share, Some(0.2771));
    assert_eq!(cy.response_gap_median_seconds, Some(1.0));
    assert_eq!(cy.hedges, Some(2)); // I think, maybe
    assert_eq!((cy.interruptions_made, cy.interruptions_successful), (1, 0));
    assert_eq!(cy.interruptions_competitive_made, 1);
    assert_eq!(cy.longest_monologue.as_ref().unwrap().seconds, 9.0);

    type Row<'a> = (f64, &'a str, &'a str, String, &'a str, Option<Stance>, f64);
    let kinds: Vec<Row> = m
        .interruptions
        .iter()
        .map(|e| {
            let k = serde_json::to_value(e.kind)
                .unwrap()
                .as_str()
                .unwrap()
                .to_string();
            (
                e.time,
                e.who.as_str(),
                e.whom.as_str(),
                k,
                e.detail,
                e.stance,
                e.overlap_seconds,
            )
        })
        .collect();
    use Stance::{Competitive, Cooperative};
    assert_eq!(
        kinds,
        vec![
            (
                3.0,
                "Bo",
                "Ann",
                "backchannel".into(),
                "listener token",
                None,
                0.4
            ),
            // "But the budget is wrong." while Ann is mid-sentence; Ann goes on.
            (
                5.0,
                "Cy",
                "Ann",
                "interruption".into(),
                "unsuccessful",
                Some(Competitive),
                1.5
            ),
            (
                7.0,
                "Bo",
                "Ann",
                "overlap".into(),
                "short reaction",
                None,
                0.3
            ),
            // "Right, so I will take…" 0.3 s before Ann's last word "that.": agreement.
            (
                9.7,
                "Bo",
                "Ann",
                "interruption".into(),
                "successful",
                Some(Cooperative),
                0.3
            ),
            // Ann's question ("Can you also…") while Bo finishes: a question, cooperative.
            (
                13.0,
                "Ann",
                "Bo",
                "interruption".into(),
                "successful",
                Some(Cooperative),
                1.0
            ),
            // Bo talks for 4 s over Cy, then keeps the floor: contested, no contrast.
            (
                26.0,
                "Bo",
                "Cy",
                "interruption".into(),
                "contested",
                Some(Cooperative),
                4.0
            ),
        ]
    );
    // Every event but a listener token carries its evidence; only interruptions a stance.
    for e in &m.interruptions {
        assert_eq!(e.cues.is_empty(), e.kind == Kind::Backchannel, "{e:?}");
        assert_eq!(e.stance.is_some(), e.kind == Kind::Interruption, "{e:?}");
    }
    assert!(
        m.interruptions[1]
            .cues
            .iter()
            .any(|c| c == "opens with contrast ('but')")
    );
    assert!(m.interruptions.iter().all(|e| !e.inferred));
    assert_eq!(m.interruptions[1].who_quote, "But the budget is wrong.");
    // Matrix: Cy → Ann (competitive), Bo → Ann, Ann → Bo, Bo → Cy (cooperative).
    let idx = |n: &str| m.matrix.speakers.iter().position(|s| s == n).unwrap();
    assert_eq!(m.matrix.counts[idx("Cy")][idx("Ann")], 1);
    assert_eq!(m.matrix.counts[idx("Ann")][idx("Bo")], 1);
    assert_eq!(m.matrix.counts[idx("Bo")][idx("Ann")], 1);
    assert_eq!(m.matrix.counts[idx("Bo")][idx("Cy")], 1);
    assert_eq!(m.matrix.counts.iter().flatten().sum::<usize>(), 4);
    assert_eq!(m.matrix.competitive[idx("Cy")][idx("Ann")], 1);
    assert_eq!(m.matrix.competitive.iter().flatten().sum::<usize>(), 1);

    // Balance over the three speakers: Gini = 22/249, evenness = H/ln 3.
    assert_eq!(m.balance.covers, "speakers");
    assert_eq!(m.balance.people, 3);
    assert_eq!(m.balance.gini, Some(0.0884));
    assert_eq!(m.balance.evenness, Some(0.9875));
    assert_eq!(m.balance.max_share, Some(0.4096));
    assert_eq!(m.balance.equal_share, Some(0.3333));
    assert_eq!(m.balance.turn_gini, 0.0);
    assert!(m.roster_balance.is_none());
}

/// A roster with a silent attendee: indices over four people, the attendee counted as zero.
#[test]
fn roster_counts_silent_attendees() {
    let m = analyze(
        &fixtures().join("dynamics/overlaps.vtt"),
        &["ann", "Dee  Silent"],
    );
    assert_eq!(m.silent_attendees, vec!["Dee Silent".to_string()]);
    let r = m.roster_balance.as_ref().unwrap();
    assert_eq!((r.covers, r.people), ("roster", 4));
    assert_eq!(r.equal_share, Some(0.25));
    // [0, 11.5, 13, 17]: Σ(2i−n+1)x = −3·0 − 11.5 + 13 + 3·17 = 52.5; G = 2·52.5/(2·4·41.5)
    assert_eq!(r.gini, Some(report::round(105.0 / 332.0, 4)));
    assert!(r.gini > m.balance.gini, "silent attendees lower equality");
}

/// Zoom-style serialised speech: interruptions inferred from broken-off turns.
#[test]
fn serialised_fixture_inferred() {
    let m = analyze(&fixtures().join("dynamics/serialised.vtt"), &[]);
    assert_eq!(m.overlap_seconds, Some(0.0));
    type Row<'a> = (f64, &'a str, &'a str, &'a str, Option<Stance>, bool);
    let ev: Vec<Row> = m
        .interruptions
        .iter()
        .map(|e| {
            (
                e.time,
                e.who.as_str(),
                e.whom.as_str(),
                e.detail,
                e.stance,
                e.inferred,
            )
        })
        .collect();
    assert_eq!(
        ev,
        vec![
            // Ann broke off with "…"; Bo: "Sorry, can I ask about the budget first?"
            (
                5.2,
                "Bo",
                "Ann",
                "successful",
                Some(Stance::Competitive),
                true
            ),
            (12.2, "Cy", "Ann", "listener token", None, true), // "Okay." after 0.2 s
            // No end punctuation, but Bo only asks "Which teams?": not counted.
            (16.1, "Bo", "Ann", "weak evidence", None, true),
        ]
    );
    assert_eq!(m.interruptions[2].kind, Kind::Transition);
    assert!(m.warnings.iter().any(|w| w.contains("inferred")));
    // Cy answers Ann after 0.2 s and Bo after 2.0 s.
    assert_eq!(speaker(&m, "Cy").response_gap_median_seconds, Some(1.1));
}

/// Untimed input: turns and words, time metrics null (not zero), a warning.
#[test]
fn untimed_has_no_time_metrics() {
    let m = analyze(&fixtures().join("dynamics/untimed.txt"), &[]);
    assert_eq!(m.format, "text");
    assert!(!m.timed);
    assert_eq!(m.duration_seconds, None);
    let bo = speaker(&m, "Bo");
    assert_eq!(
        (bo.turns, bo.words, bo.talk_seconds, bo.words_per_minute),
        (1, Some(10), None, None)
    );
    assert_eq!(bo.fillers, Some(1));
    assert_eq!(speaker(&m, "Ann").questions, Some(1));
    assert_eq!(m.balance.gini, None);
    assert!(m.warnings.iter().any(|w| w.contains("no timestamps")));
}

/// RTTM: times but no words; language metrics are "not available" (null), never zero.
#[test]
fn rttm_has_no_language_metrics() {
    let m = analyze(&fixtures().join("ami/ES2005a.rttm"), &[]);
    assert!(!m.has_text);
    assert!(
        m.speakers
            .iter()
            .all(|s| s.words.is_none() && s.questions.is_none() && s.fillers.is_none())
    );
    assert!(m.speakers.iter().all(|s| s.talk_seconds.is_some()));
    assert!(m.warnings.iter().any(|w| w.contains("no words")));
}

/// Properties over every corpus transcript: shares sum to 1, talk ≤ speech ≤ duration,
/// events reference real turns of the right speakers; AMI overlap equals an independent
/// computation from the raw cues.
#[test]
fn corpus_properties() {
    let Some(c) = corpus() else { return };
    let mut n = 0;
    for (dir, ext) in [
        ("zoom-ethereum-acd", "vtt"),
        ("ami-vtt", "vtt"),
        ("ami-rttm", "rttm"),
        ("captions", "vtt"),
        ("podcast", "srt"),
        ("podcast", "json"),
        ("stt-json", "json"),
    ] {
        for f in files(&c.join(dir), ext) {
            let t = load_ok(&f);
            let m = report::analyze(&t, &MetricsOptions::default());
            let name = f.display().to_string();
            let shares: f64 = m.speakers.iter().filter_map(|s| s.talk_share).sum();
            assert!(
                (shares - 1.0).abs() < 1e-3,
                "{name}: shares sum to {shares}"
            );
            let (speech, duration) = (m.speech_seconds.unwrap(), m.duration_seconds.unwrap());
            assert!(speech <= duration + 1e-9, "{name}");
            for s in &m.speakers {
                assert!(
                    s.talk_seconds.unwrap() <= speech + 1e-9,
                    "{name}: {}",
                    s.name
                );
            }
            for e in &m.interruptions {
                let (a, b) = (&t.turns[e.whom_turn], &t.turns[e.who_turn]);
                assert_eq!(t.speakers[a.speaker], e.whom, "{name}");
                assert_eq!(t.speakers[b.speaker], e.who, "{name}");
                assert_eq!(b.span.unwrap().start as f64 / 1000.0, e.time, "{name}");
                assert_ne!(a.speaker, b.speaker);
                // Stance exactly on interruptions with text; evidence on every text event.
                assert_eq!(
                    e.stance.is_some(),
                    e.kind == Kind::Interruption && t.has_text,
                    "{name}: {e:?}"
                );
                if t.has_text && e.kind != Kind::Backchannel {
                    assert!(!e.cues.is_empty(), "{name}: {e:?}");
                }
                // A turn of listener tokens alone ("yeah", "mm-hmm") is never an
                // interruption.
                if t.has_text && turnstat::metrics::wording::is_backchannel(&b.text) {
                    assert_ne!(e.kind, Kind::Interruption, "{name}: {e:?}");
                }
            }
            let made: usize = m.speakers.iter().map(|s| s.interruptions_made).sum();
            let recv: usize = m.speakers.iter().map(|s| s.interruptions_received).sum();
            assert_eq!(made, recv, "{name}");
            assert_eq!(
                made,
                m.matrix.counts.iter().flatten().sum::<usize>(),
                "{name}"
            );
            // Per stance: made = received = the competitive matrix; the two stances add up.
            let comp: usize = m
                .speakers
                .iter()
                .map(|s| s.interruptions_competitive_made)
                .sum();
            let coop: usize = m
                .speakers
                .iter()
                .map(|s| s.interruptions_cooperative_made)
                .sum();
            let comp_recv: usize = m
                .speakers
                .iter()
                .map(|s| s.interruptions_competitive_received)
                .sum();
            assert_eq!(comp, comp_recv, "{name}");
            assert_eq!(
                comp,
                m.matrix.competitive.iter().flatten().sum::<usize>(),
                "{name}"
            );
            if t.has_text {
                assert_eq!(comp + coop, made, "{name}");
            }
            n += 1;
        }
    }
    assert!(n > 200);
}

/// AMI: overlap seconds equal an independent computation from the raw cue timings (a
/// millisecond grid per meeting: the time where cues of two or more speakers are active).
#[test]
fn ami_overlap_matches_independent_computation() {
    let Some(c) = corpus() else { return };
    for f in files(&c.join("ami-vtt"), "vtt") {
        let raw = std::fs::read_to_string(&f).unwrap();
        // Independent parse: "hh:mm:ss.mmm --> hh:mm:ss.mmm" then "<v NAME>".
        let mut per: std::collections::BTreeMap<String, Vec<(u64, u64)>> = Default::default();
        let lines: Vec<&str> = raw.lines().collect();
        for (i, l) in lines.iter().enumerate() {
            if let Some((a, b)) = l.split_once(" --> ") {
                let ms = |s: &str| {
                    let p: Vec<u64> = s
                        .split([':', '.'])
                        .map(|x| x.trim().parse().unwrap())
                        .collect();
                    ((p[0] * 60 + p[1]) * 60 + p[2]) * 1000 + p[3]
                };
                let who = lines[i + 1]
                    .trim_start_matches("<v ")
                    .split('>')
                    .next()
                    .unwrap()
                    .to_string();
                per.entry(who).or_default().push((ms(a), ms(b)));
            }
        }
        let end = per.values().flatten().map(|s| s.1).max().unwrap() as usize;
        let mut count = vec![0u8; end + 1];
        for spans in per.values() {
            let mut mine = vec![false; end + 1];
            for &(a, b) in spans {
                mine[a as usize..b as usize].fill(true);
            }
            for (c, m) in count.iter_mut().zip(mine) {
                *c += u8::from(m);
            }
        }
        let want = count.iter().filter(|&&c| c >= 2).count() as u64;
        let t = load_ok(&f);
        let m = report::analyze(&t, &MetricsOptions::default());
        assert_eq!(
            (m.overlap_seconds.unwrap() * 1000.0).round() as u64,
            want,
            "{}",
            f.display()
        );
        // And speech equals the union of the raw cues.
        let speech = union_ms(per.values().flatten().copied().collect());
        assert_eq!((m.speech_seconds.unwrap() * 1000.0).round() as u64, speech);
    }
}

/// A roster whose members all spoke still gets roster indices (equal to the speakers').
#[test]
fn roster_where_everyone_spoke() {
    let m = analyze(
        &fixtures().join("dynamics/overlaps.vtt"),
        &["Ann", "bo", "Cy"],
    );
    assert!(m.silent_attendees.is_empty());
    let r = m.roster_balance.as_ref().unwrap();
    assert_eq!((r.covers, r.people, r.gini), ("roster", 3, m.balance.gini));
    // Ann took the floor from Bo, Bo from Ann (on her last word); Cy came in on Ann but Ann
    // kept it.
    assert_eq!(speaker(&m, "Bo").interruptions_received_successful, 1);
    assert_eq!(speaker(&m, "Ann").interruptions_received_successful, 1);
}

/// Word times are kept from every speech-to-text export that has them, and each word's
/// range in the segment text is that word.
#[test]
fn word_times_kept_from_stt_exports() {
    let stt = fixtures().join("stt-json");
    let mut checked = 0;
    for f in files(&stt, "json") {
        let t = load_ok(&f);
        // Every export here that carries word times has them kept on its segments.
        assert!(
            t.segments.iter().any(|s| s.words.is_some()),
            "{}: no word times kept",
            f.display()
        );
        for s in &t.segments {
            let Some(words) = &s.words else { continue };
            let span = s.span.unwrap();
            let mut last = 0;
            for w in words {
                let text = &s.text[w.range.clone()];
                assert!(!text.trim().is_empty(), "{}", f.display());
                assert!(w.range.start >= last, "{}: words in order", f.display());
                assert!(
                    w.start >= span.start && w.end <= span.end,
                    "{}",
                    f.display()
                );
                last = w.range.end;
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} word times in the fixtures");
}

/// With word times, where B came in inside A's words is exact: a Deepgram export with two
/// overlapping utterances.
#[test]
fn word_times_place_the_newcomer_exactly() {
    let doc = r#"{"metadata":{"channels":1},"results":{"channels":[],"utterances":[
      {"start":0.0,"end":4.0,"speaker":0,"transcript":"We should move the launch to the end of March.",
       "words":[{"word":"we","punctuated_word":"We","start":0.0,"end":0.3},
                {"word":"should","start":0.3,"end":0.6},{"word":"move","start":0.6,"end":0.9},
                {"word":"the","start":0.9,"end":1.0},{"word":"launch","start":1.0,"end":1.4},
                {"word":"to","start":1.4,"end":1.5},{"word":"the","start":1.5,"end":1.6},
                {"word":"end","start":2.8,"end":3.1},{"word":"of","start":3.1,"end":3.2},
                {"word":"march","punctuated_word":"March.","start":3.2,"end":4.0}]},
      {"start":1.7,"end":6.0,"speaker":1,"transcript":"But the budget review is in March.",
       "words":[{"word":"but","punctuated_word":"But","start":1.7,"end":1.9}]}
    ]}}"#;
    let ts = turnstat::ingest::load("dg.json", doc.as_bytes(), &Default::default()).unwrap();
    let m = report::analyze(&ts[0], &MetricsOptions::default());
    let e = &m.interruptions[0];
    assert_eq!(e.kind, Kind::Interruption);
    assert_eq!(e.position, Some(turnstat::report::Position::Words));
    // By characters B would land near "end"; by word times A had said "…to the" and had 3
    // words left ("end of March.") when B came in.
    assert!(
        e.cues
            .iter()
            .any(|c| c == "A said 3 more words after B came in"),
        "{:?}",
        e.cues
    );
    assert!(
        e.cues.iter().any(|c| c == "A was mid-clause"),
        "{:?}",
        e.cues
    );
    assert_eq!(e.stance, Some(Stance::Competitive));
}

/// The interruption rules' fast "at least two content words" check agrees with the wording
/// tokenizer's count on every segment and turn of the fixtures (and of the corpus when
/// present).
#[test]
fn two_content_words_agrees_with_the_tokenizer() {
    use turnstat::metrics::interruptions::cues::two_content_words;
    use turnstat::metrics::wording::content_words;
    let mut paths = vec![
        fixtures().join("ami/ES2005a.vtt"),
        fixtures().join("zoom/acdc_2026-02-19_175.vtt"),
        fixtures().join("dynamics/overlaps.vtt"),
    ];
    let with_corpus = corpus();
    if let Some(c) = &with_corpus {
        paths.extend(files(&c.join("ami-vtt"), "vtt"));
        paths.extend(files(&c.join("zoom-ethereum-acd"), "vtt"));
        paths.extend(files(&c.join("interruptions-gap/vtt"), "vtt"));
    }
    let mut n = 0;
    for p in paths {
        let t = load_ok(&p);
        let texts = t.segments.iter().map(|s| s.text.as_str());
        for text in texts.chain(t.turns.iter().map(|x| x.text.as_str())) {
            assert_eq!(
                two_content_words(text),
                content_words(text) >= 2,
                "{}: {text:?}",
                p.display()
            );
            n += 1;
        }
    }
    // Fixtures alone hold a few hundred texts; the corpus tens of thousands.
    let floor = if with_corpus.is_some() { 10_000 } else { 200 };
    assert!(n > floor, "{n}");
}
