//! Deepgram pre-recorded API responses.
//!
//! Shape (times in seconds):
//! ```json
//! {"metadata": {"channels": 1, "duration": 25.9, ...},
//!  "results": {
//!    "channels": [{"alternatives": [{"transcript": "...",
//!        "words": [{"word": "yeah", "punctuated_word": "Yeah.", "start": 0.08, "end": 0.32,
//!                   "speaker": 0}],
//!        "paragraphs": {"paragraphs": [{"speaker": 0, "start": 0.08, "end": 3.2,
//!                                       "sentences": [{"text": "Yeah.", "start": 0.08, "end": 0.32}]}]}}]}],
//!    "utterances": [{"start": 0.08, "end": 3.22, "channel": 0, "speaker": 0,
//!                    "transcript": "Yeah. As as much as, it's worth celebrating,"}]}}
//! ```
//!
//! Mapping, in order of preference:
//! 1. `results.utterances`, when present and non-empty: one segment per utterance.
//! 2. Otherwise, per channel, its first alternative's `words`: when they carry `speaker`,
//!    consecutive words of one speaker make a segment (`punctuated_word`, else `word`).
//! 3. Without speakers: one segment per sentence of `paragraphs` when present, else per
//!    sentence of the words (split after `.`, `?`, `!`), else the whole `transcript`
//!    (untimed) when there are no words.
//!
//! Speakers are named `Speaker 0`, `Speaker 1`… as Deepgram numbers them. With more than one
//! channel (multichannel requests), speakers are `Channel 0`, `Channel 1`… when not
//! diarised, and `Channel 0 Speaker 1` when both (Deepgram numbers speakers per channel).

use super::{
    Dialect, Node, Records, StringTimes, Unit, Word, finish, group_words, label_field,
    number_sentences, push_segment, required_span, string_field,
};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Parsed, RawSegment};
use serde_json::Value;

const D: Dialect = Dialect::Deepgram;

/// Reads a Deepgram response into one transcript.
pub(super) fn parse(
    root: &Node,
    rec: &mut Records,
    diags: &mut Diagnostics,
) -> Result<Parsed, Diagnostic> {
    root.require_object(D)?;
    let results = root.require("results", "an object", Value::is_object, D)?;
    let channels = results.optional("channels", "an array", Value::is_array)?;
    let utterances = results.optional("utterances", "an array", Value::is_array)?;
    if channels.is_none() && utterances.is_none() {
        return Err(
            results.error("neither `utterances` nor `channels` is there (not Deepgram JSON)")
        );
    }
    let declared = root
        .field("metadata")
        .and_then(|m| m.field("channels"))
        .and_then(|c| c.value().as_u64())
        .unwrap_or(0);
    let count = channels.as_ref().map_or(0, Node::len);
    let multichannel = declared > 1 || count > 1;

    let mut segments = Vec::new();
    match utterances {
        Some(u) if u.len() > 0 => {
            for utt in u.elements() {
                match utterance(&utt, multichannel, diags) {
                    Ok(seg) => {
                        rec.read();
                        push_segment(&mut segments, seg, diags);
                    }
                    Err(problem) => rec.skip(diags, utt.line(), &problem, "segment"),
                }
            }
        }
        _ => {
            for (c, ch) in channels.iter().flat_map(|n| n.elements()).enumerate() {
                channel(&ch, c, multichannel, &mut segments, rec, diags)?;
            }
        }
    }
    Ok(finish(D, segments, results.line(), diags))
}

/// The speaker name for a Deepgram speaker number and channel.
fn speaker_name(
    speaker: Option<String>,
    channel: Option<String>,
    multichannel: bool,
) -> Option<String> {
    match (speaker, channel) {
        (Some(s), Some(c)) if multichannel => Some(format!("Channel {c} Speaker {s}")),
        (Some(s), _) => Some(format!("Speaker {s}")),
        (None, Some(c)) if multichannel => Some(format!("Channel {c}")),
        (None, _) => None,
    }
}

fn utterance(
    utt: &Node,
    multichannel: bool,
    diags: &mut Diagnostics,
) -> Result<RawSegment, String> {
    if !utt.value().is_object() {
        return Err(format!(
            "{}: expected an object, found {}",
            utt.path(),
            super::found(utt.value())
        ));
    }
    let span = required_span(
        utt,
        "start",
        "end",
        Unit::Seconds,
        StringTimes::Tally,
        diags,
    )?;
    let text = string_field(utt, "transcript")?
        .unwrap_or("")
        .trim()
        .to_string();
    let speaker = label_field(utt, "speaker")?;
    let channel = label_field(utt, "channel")?;
    let words = super::utterance_words(utt, &text, word);
    Ok(RawSegment {
        speaker: speaker_name(speaker, channel, multichannel),
        span: Some(span),
        text,
        line: utt.line(),
        words,
    })
}

/// Reads one channel (words, paragraphs or transcript) into `out`.
fn channel(
    ch: &Node,
    index: usize,
    multichannel: bool,
    out: &mut Vec<RawSegment>,
    rec: &mut Records,
    diags: &mut Diagnostics,
) -> Result<(), Diagnostic> {
    ch.require_object(D)?;
    let alternatives = ch.require("alternatives", "an array", Value::is_array, D)?;
    let Some(alt) = alternatives.elements().next() else {
        diags.warn(
            alternatives.line(),
            format!("{}: empty; channel skipped", alternatives.path()),
        );
        return Ok(());
    };
    alt.require_object(D)?;
    let channel_name = Some(index.to_string());
    let words_node = alt.optional("words", "an array", Value::is_array)?;
    let mut words = Vec::new();
    for w in words_node.iter().flat_map(|n| n.elements()) {
        match word(&w, diags) {
            Ok(word) => {
                rec.read();
                words.push(word);
            }
            Err(problem) => rec.skip(diags, w.line(), &problem, "word"),
        }
    }
    if words.iter().any(|w| w.speaker.is_some()) {
        for w in &mut words {
            w.speaker = speaker_name(w.speaker.take(), channel_name.clone(), multichannel);
        }
        out.extend(group_words(words));
        return Ok(());
    }
    let speaker = speaker_name(None, channel_name.clone(), multichannel);
    if let Some(paragraphs) = alt
        .optional("paragraphs", "an object", Value::is_object)?
        .map(|p| p.optional("paragraphs", "an array", Value::is_array))
        .transpose()?
        .flatten()
        .filter(|p| p.len() > 0)
    {
        for para in paragraphs.elements() {
            let para_speaker = label_field(&para, "speaker").unwrap_or(None);
            let name = speaker_name(para_speaker, channel_name.clone(), multichannel);
            let sentences = para.field("sentences");
            for s in sentences.iter().flat_map(|n| n.elements()) {
                match sentence(&s, diags) {
                    Ok(mut seg) => {
                        rec.read();
                        seg.speaker = name.clone();
                        push_segment(out, seg, diags);
                    }
                    Err(problem) => rec.skip(diags, s.line(), &problem, "segment"),
                }
            }
        }
        return Ok(());
    }
    if !words.is_empty() {
        number_sentences(&mut words);
        for w in &mut words {
            w.speaker = speaker.clone();
        }
        out.extend(group_words(words));
        return Ok(());
    }
    if let Ok(Some(text)) = string_field(&alt, "transcript") {
        let seg = RawSegment {
            speaker,
            span: None,
            text: text.trim().to_string(),
            line: alt.line(),
            words: None,
        };
        push_segment(out, seg, diags);
    }
    Ok(())
}

fn word(w: &Node, diags: &mut Diagnostics) -> Result<Word, String> {
    let span = required_span(w, "start", "end", Unit::Seconds, StringTimes::Tally, diags)?;
    let text = match string_field(w, "punctuated_word")? {
        Some(t) => t,
        None => {
            string_field(w, "word")?.ok_or_else(|| format!("{}: missing", w.child_path("word")))?
        }
    };
    Ok(Word {
        speaker: label_field(w, "speaker")?,
        span: Some(span),
        text: text.to_string(),
        line: w.line(),
        group: 0,
    })
}

fn sentence(s: &Node, diags: &mut Diagnostics) -> Result<RawSegment, String> {
    let span = required_span(s, "start", "end", Unit::Seconds, StringTimes::Tally, diags)?;
    let text = string_field(s, "text")?.unwrap_or("").trim().to_string();
    Ok(RawSegment {
        speaker: None,
        span: Some(span),
        text,
        line: s.line(),
        words: None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use crate::ingest::InputFormat;

    #[test]
    fn utterances_with_speakers() {
        let doc = r#"{"metadata":{"channels":1},"results":{"channels":[],"utterances":[
            {"start":0.5,"end":1.25,"channel":0,"speaker":0,"transcript":" Hello. "},
            {"start":1.5,"end":2,"channel":0,"speaker":1,"transcript":"Hi."},
            {"start":"x","end":2,"speaker":1,"transcript":"bad"},
            {"start":3,"end":4,"speaker":1,"transcript":""}
        ]}}"#;
        let (p, d) = one(doc, None);
        assert_eq!(p.format, "json/deepgram");
        assert_eq!(
            no_lines(&p.segments),
            vec![
                seg(Some("Speaker 0"), Some((500, 1250)), "Hello."),
                seg(Some("Speaker 1"), Some((1500, 2000)), "Hi."),
            ]
        );
        assert_eq!(p.segments[1].line, 3);
        assert!(has_diag(
            &d,
            &["results.utterances[2].start: expected a number, found \"x\"; segment skipped"]
        ));
        assert!(has_diag(&d, &["segments without text"]));
    }

    #[test]
    fn words_grouped_by_speaker_when_no_utterances() {
        let doc = r#"{"results":{"channels":[{"alternatives":[{"transcript":"","words":[
            {"word":"hi","punctuated_word":"Hi,","start":0,"end":0.2,"speaker":0},
            {"word":"you","start":0.2,"end":0.4,"speaker":0},
            {"word":"yes","punctuated_word":"Yes.","start":0.5,"end":0.7,"speaker":1},
            {"word":"ok","start":0.8,"end":0.9,"speaker":0}
        ]}]}]}}"#;
        let (p, _) = one(doc, Some(InputFormat::Deepgram));
        assert_eq!(
            no_lines(&p.segments),
            vec![
                seg(Some("Speaker 0"), Some((0, 400)), "Hi, you"),
                seg(Some("Speaker 1"), Some((500, 700)), "Yes."),
                seg(Some("Speaker 0"), Some((800, 900)), "ok"),
            ]
        );
    }

    #[test]
    fn no_speakers_uses_paragraph_sentences_or_word_sentences() {
        let paragraphs = r#"{"results":{"channels":[{"alternatives":[{"transcript":"A. B.",
            "words":[{"word":"a","start":0,"end":1},{"word":"b","start":2,"end":3}],
            "paragraphs":{"transcript":"A. B.","paragraphs":[{"sentences":[
                {"text":"A.","start":0,"end":1},{"text":"B.","start":2,"end":3}]}]}}]}]}}"#;
        let (p, _) = one(paragraphs, None);
        assert_eq!(
            no_lines(&p.segments),
            vec![
                seg(None, Some((0, 1000)), "A."),
                seg(None, Some((2000, 3000)), "B.")
            ]
        );
        let words = r#"{"results":{"channels":[{"alternatives":[{"transcript":"x",
            "words":[{"word":"a","punctuated_word":"A.","start":0,"end":1},
                     {"word":"b","start":2,"end":3},{"word":"c","punctuated_word":"c?","start":3,"end":4}]}]}]}}"#;
        let (p, _) = one(words, None);
        assert_eq!(
            no_lines(&p.segments),
            vec![
                seg(None, Some((0, 1000)), "A."),
                seg(None, Some((2000, 4000)), "b c?")
            ]
        );
        let bare = r#"{"results":{"channels":[{"alternatives":[{"transcript":"Just text."}]}]}}"#;
        let (p, _) = one(bare, None);
        assert_eq!(no_lines(&p.segments), vec![seg(None, None, "Just text.")]);
    }

    #[test]
    fn multichannel_names_channels() {
        let doc = r#"{"metadata":{"channels":2},"results":{"channels":[
            {"alternatives":[{"words":[{"word":"a","start":0,"end":1}]}]},
            {"alternatives":[{"words":[{"word":"b","start":1,"end":2,"speaker":0}]}]}
        ]}}"#;
        let (p, _) = one(doc, None);
        assert_eq!(
            no_lines(&p.segments),
            vec![
                seg(Some("Channel 0"), Some((0, 1000)), "a"),
                seg(Some("Channel 1 Speaker 0"), Some((1000, 2000)), "b")
            ]
        );
        let utts = r#"{"metadata":{"channels":2},"results":{"utterances":[
            {"start":0,"end":1,"channel":1,"transcript":"x"}]}}"#;
        let (p, _) = one(utts, None);
        assert_eq!(
            no_lines(&p.segments),
            vec![seg(Some("Channel 1"), Some((0, 1000)), "x")]
        );
    }

    #[test]
    fn structural_problems_reject() {
        let (r, _) = run(r#"{"results":{"channels":[{"alternatives":{}}]}}"#, None);
        let e = r.expect_err("rejected");
        assert_eq!(
            e.message,
            "results.channels[0].alternatives: expected an array, found an object; file rejected"
        );
        let (r, _) = run(r#"{"results":{}}"#, Some(InputFormat::Deepgram));
        assert!(
            r.expect_err("rejected")
                .message
                .contains("neither `utterances` nor `channels`")
        );
        let (p, d) = one(r#"{"results":{"channels":[]}}"#, None);
        assert!(p.segments.is_empty());
        assert!(has_diag(&d, &["no segments"]));
    }

    #[test]
    fn corpus_utterances_with_speakers() {
        // dg_speakers.json: 22 utterances by speakers 0, 1, 2 (5, 12 and 5 of them).
        let Some((p, d)) = corpus_one("stt-json/dg_speakers.json", "json/deepgram") else {
            return;
        };
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(p.segments.len(), 22);
        assert_eq!(
            speakers(&p.segments),
            vec![
                Some("Speaker 0".into()),
                Some("Speaker 1".into()),
                Some("Speaker 2".into())
            ]
        );
        let count = |s: &str| {
            p.segments
                .iter()
                .filter(|x| x.speaker.as_deref() == Some(s))
                .count()
        };
        assert_eq!(
            (count("Speaker 0"), count("Speaker 1"), count("Speaker 2")),
            (5, 12, 5)
        );
        let first = &p.segments[0];
        assert_eq!(
            (first.text.as_str(), first.span.map(|s| (s.start, s.end))),
            ("And,", Some((3040, 3540)))
        );
        let last = p.segments.last().expect("segments");
        assert_eq!(last.text, "Copy.");
        assert_eq!(last.span.map(|s| (s.start, s.end)), Some((162605, 163105)));
    }

    #[test]
    fn corpus_utterances_without_speakers() {
        // dg_utterances.json: 6 utterances, no diarisation, one channel.
        let Some((p, d)) = corpus_one("stt-json/dg_utterances.json", "json/deepgram") else {
            return;
        };
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(p.segments.len(), 6);
        assert_eq!(speakers(&p.segments), vec![None]);
        assert_eq!(
            p.segments[0].text,
            "Yeah. As as much as, it's worth celebrating,"
        );
        assert_eq!(
            p.segments[0].span.map(|s| (s.start, s.end)),
            Some((80, 3220))
        );
        assert_eq!(
            p.segments[5].span.map(|s| (s.start, s.end)),
            Some((22300, 25440))
        );
    }

    #[test]
    fn corpus_words_only() {
        // dg_transcription.json: 62 words, no speakers, no paragraphs, no utterances; the
        // punctuated words end two sentences: "Yeah." and "... we have today."
        let Some((p, d)) = corpus_one("stt-json/dg_transcription.json", "json/deepgram") else {
            return;
        };
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(p.segments.len(), 2);
        assert_eq!(p.segments[0].text, "Yeah.");
        assert_eq!(
            p.segments[0].span.map(|s| (s.start, s.end)),
            Some((80, 320))
        );
        assert!(
            p.segments[1]
                .text
                .starts_with("As as much as, it's worth celebrating,")
        );
        assert!(p.segments[1].text.ends_with("that we have today."));
        let words: usize = p
            .segments
            .iter()
            .map(|s| s.text.split_whitespace().count())
            .sum();
        assert_eq!(words, 62);
        assert_eq!(speakers(&p.segments), vec![None]);
    }
}
