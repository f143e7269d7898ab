//! AWS Transcribe job output.
//!
//! Shape (times are **strings** of seconds):
//! ```json
//! {"jobName": "03-speaker-identification", "status": "COMPLETED",
//!  "results": {
//!    "transcripts": [{"transcript": "She was gone..."}],
//!    "items": [{"type": "pronunciation", "start_time": "0.49", "end_time": "0.7",
//!               "alternatives": [{"confidence": "1.0", "content": "She"}]},
//!              {"type": "punctuation", "alternatives": [{"content": ","}]}],
//!    "speaker_labels": {"speakers": 3, "segments": [{"speaker_label": "spk_0",
//!        "start_time": "0.49", "end_time": "7.2",
//!        "items": [{"start_time": "0.49", "end_time": "0.7", "speaker_label": "spk_0"}]}]},
//!    "channel_labels": {"number_of_channels": 2, "channels": [{"channel_label": "ch_0",
//!        "items": [{"type": "pronunciation", "start_time": "15.09", ...}]}]},
//!    "audio_segments": [{"transcript": "...", "start_time": "0.49", "end_time": "7.2"}]}}
//! ```
//!
//! Mapping: `results.items` is read in order; a `pronunciation` item is a word
//! (`alternatives[0].content`), a `punctuation` item is appended to the previous word without
//! a space. Each word's speaker is, in order of preference: its own `speaker_label` (or
//! `channel_label`, newer outputs); the `speaker_labels.segments[]` entry whose `items` list
//! a word with the same times (falling back to the segment whose time range holds the
//! word); the `channel_labels.channels[]` entry whose `items` list it. Consecutive words of
//! one speaker make a segment, split where the speaker-label segments split. Labels are
//! kept as written (`spk_0`, `ch_0`).
//!
//! Without any speaker information: one segment per `results.audio_segments` entry when
//! present, else one per sentence (split after `.`, `?`, `!` punctuation items), speaker
//! unknown. Time strings are the norm here, so they draw no warning; an item whose time is
//! not a number is skipped with a warning naming its path.

use super::{
    Dialect, Node, Records, StringTimes, Unit, Word, finish, found, group_words, label_field,
    push_segment, required_span, skip, string_field,
};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Parsed, RawSegment, Span};
use serde_json::Value;
use std::collections::{HashMap, VecDeque};

const D: Dialect = Dialect::AwsTranscribe;
const S: StringTimes = StringTimes::Expected;
const NO_LABEL: &str = "words without a speaker label in `speaker_labels` or `channel_labels`";

/// A word's diarisation segment index (when it came from `speaker_labels`) and label.
type Label = (Option<usize>, String);

/// Where the speaker of a word can be looked up by the word's times.
#[derive(Default)]
struct Labels {
    /// (start, end) → the labels listed with exactly those times, in file order.
    by_time: HashMap<(u64, u64), VecDeque<Label>>,
    /// The diarisation segments' ranges, for words missing from the item lists.
    ranges: Vec<(Span, usize, String)>,
}

impl Labels {
    fn is_empty(&self) -> bool {
        self.by_time.is_empty() && self.ranges.is_empty()
    }

    fn add(&mut self, span: Span, segment: Option<usize>, label: String) {
        self.by_time
            .entry((span.start, span.end))
            .or_default()
            .push_back((segment, label));
    }

    fn lookup(&mut self, span: Span) -> Option<Label> {
        if let Some(q) = self.by_time.get_mut(&(span.start, span.end))
            && let Some(hit) = q.pop_front()
        {
            return Some(hit);
        }
        self.ranges
            .iter()
            .find(|(r, _, _)| r.start <= span.start && span.start < r.end.max(r.start + 1))
            .map(|(_, i, l)| (Some(*i), l.clone()))
    }
}

/// Reads an AWS Transcribe job output into one transcript.
pub(super) fn parse(
    root: &Node,
    rec: &mut Records,
    diags: &mut Diagnostics,
) -> Result<Parsed, Diagnostic> {
    root.require_object(D)?;
    let results = root.require("results", "an object", Value::is_object, D)?;
    let items = results.require("items", "an array", Value::is_array, D)?;
    let mut labels = Labels::default();
    if let Some(sl) = results.optional("speaker_labels", "an object", Value::is_object)? {
        speaker_segments(&sl, &mut labels, diags)?;
    }
    if labels.is_empty()
        && let Some(cl) = results.optional("channel_labels", "an object", Value::is_object)?
    {
        channel_items(&cl, &mut labels, diags)?;
    }
    let own_labels = items.elements().any(|i| item_label(&i).is_some());
    let diarised = own_labels || !labels.is_empty();
    if !diarised
        && let Some(audio) = results.optional("audio_segments", "an array", Value::is_array)?
        && audio.len() > 0
    {
        let mut segments = Vec::new();
        for a in audio.elements() {
            match audio_segment(&a, diags) {
                Ok(seg) => {
                    rec.read();
                    push_segment(&mut segments, seg, diags);
                }
                Err(problem) => rec.skip(diags, a.line(), &problem, "segment"),
            }
        }
        return Ok(finish(D, segments, items.line(), diags));
    }

    let mut words: Vec<Word> = Vec::new();
    let mut sentence = 0;
    for item in items.elements() {
        let kind = item.field("type").and_then(|t| t.as_str());
        let content = match content(&item) {
            Ok(c) => c,
            Err(problem) => {
                rec.skip(diags, item.line(), &problem, "item");
                continue;
            }
        };
        match kind {
            Some("punctuation") => {
                rec.read();
                if let Some(last) = words.last_mut() {
                    last.text.push_str(content.trim());
                }
                if !diarised && super::ends_sentence(content) {
                    sentence += 1;
                }
            }
            Some("pronunciation") => {
                let span =
                    match required_span(&item, "start_time", "end_time", Unit::Seconds, S, diags) {
                        Ok(s) => s,
                        Err(problem) => {
                            rec.skip(diags, item.line(), &problem, "item");
                            continue;
                        }
                    };
                let (speaker, group) = if !diarised {
                    (None, sentence)
                } else {
                    let own = item_label(&item);
                    match labels.lookup(span) {
                        Some((seg, label)) => (Some(own.unwrap_or(label)), seg.unwrap_or(0)),
                        None if own.is_some() => (own, 0),
                        None => {
                            diags.tally(NO_LABEL, item.line());
                            (None, 0)
                        }
                    }
                };
                rec.read();
                words.push(Word {
                    speaker,
                    span: Some(span),
                    text: content.trim().to_string(),
                    line: item.line(),
                    group,
                });
            }
            other => {
                let problem = match other {
                    Some(t) => format!("{}: unknown item type {t:?}", item.child_path("type")),
                    None => format!("{}: missing or not a string", item.child_path("type")),
                };
                rec.skip(diags, item.line(), &problem, "item");
            }
        }
    }
    Ok(finish(D, group_words(words), items.line(), diags))
}

/// An item's own speaker or channel label (newer outputs).
fn item_label(item: &Node) -> Option<String> {
    label_field(item, "speaker_label")
        .ok()
        .flatten()
        .or_else(|| label_field(item, "channel_label").ok().flatten())
}

/// `alternatives[0].content` of an item.
fn content<'a>(item: &Node<'a>) -> Result<&'a str, String> {
    if !item.value().is_object() {
        return Err(format!(
            "{}: expected an object, found {}",
            item.path(),
            found(item.value())
        ));
    }
    let alts = item.field("alternatives");
    let first = alts.as_ref().and_then(|a| a.elements().next());
    let Some(first) = first else {
        return Err(format!(
            "{}: missing or empty",
            item.child_path("alternatives")
        ));
    };
    string_field(&first, "content")?
        .ok_or_else(|| format!("{}: missing", first.child_path("content")))
}

/// Indexes `speaker_labels.segments[].items[]` by time.
fn speaker_segments(
    sl: &Node,
    labels: &mut Labels,
    diags: &mut Diagnostics,
) -> Result<(), Diagnostic> {
    let Some(segments) = sl.optional("segments", "an array", Value::is_array)? else {
        return Ok(());
    };
    for (i, seg) in segments.elements().enumerate() {
        let label = match label_field(&seg, "speaker_label") {
            Ok(Some(l)) => l,
            Ok(None) => {
                let problem = format!("{}: missing", seg.child_path("speaker_label"));
                skip(diags, seg.line(), &problem, "speaker segment");
                continue;
            }
            Err(problem) => {
                skip(diags, seg.line(), &problem, "speaker segment");
                continue;
            }
        };
        match required_span(&seg, "start_time", "end_time", Unit::Seconds, S, diags) {
            Ok(span) => labels.ranges.push((span, i, label.clone())),
            Err(problem) => diags.warn(seg.line(), format!("{problem}; its time range ignored")),
        }
        for it in seg.field("items").iter().flat_map(|n| n.elements()) {
            match required_span(&it, "start_time", "end_time", Unit::Seconds, S, diags) {
                Ok(span) => {
                    let l = label_field(&it, "speaker_label")
                        .ok()
                        .flatten()
                        .unwrap_or_else(|| label.clone());
                    labels.add(span, Some(i), l);
                }
                Err(problem) => diags.warn(it.line(), format!("{problem}; speaker item ignored")),
            }
        }
    }
    Ok(())
}

/// Indexes `channel_labels.channels[].items[]` by time.
fn channel_items(
    cl: &Node,
    labels: &mut Labels,
    diags: &mut Diagnostics,
) -> Result<(), Diagnostic> {
    let Some(channels) = cl.optional("channels", "an array", Value::is_array)? else {
        return Ok(());
    };
    for (c, ch) in channels.elements().enumerate() {
        let label = label_field(&ch, "channel_label")
            .ok()
            .flatten()
            .unwrap_or_else(|| format!("ch_{c}"));
        for it in ch.field("items").iter().flat_map(|n| n.elements()) {
            // Punctuation items have no times; they follow their word.
            if it.field("start_time").is_none() && it.field("end_time").is_none() {
                continue;
            }
            match required_span(&it, "start_time", "end_time", Unit::Seconds, S, diags) {
                Ok(span) => labels.add(span, None, label.clone()),
                Err(problem) => diags.warn(it.line(), format!("{problem}; channel item ignored")),
            }
        }
    }
    Ok(())
}

/// One `results.audio_segments[]` entry as a segment.
fn audio_segment(a: &Node, diags: &mut Diagnostics) -> Result<RawSegment, String> {
    let span = required_span(a, "start_time", "end_time", Unit::Seconds, S, diags)?;
    let text = string_field(a, "transcript")?
        .unwrap_or("")
        .trim()
        .to_string();
    let speaker = match label_field(a, "speaker_label")? {
        Some(s) => Some(s),
        None => label_field(a, "channel_label")?,
    };
    Ok(RawSegment {
        speaker,
        span: Some(span),
        text,
        line: a.line(),
        words: None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;

    fn word(start: &str, end: &str, content: &str) -> String {
        format!(
            r#"{{"type":"pronunciation","start_time":"{start}","end_time":"{end}","alternatives":[{{"confidence":"1.0","content":"{content}"}}]}}"#
        )
    }

    fn punct(content: &str) -> String {
        format!(
            r#"{{"type":"punctuation","alternatives":[{{"confidence":"0.0","content":"{content}"}}]}}"#
        )
    }

    #[test]
    fn plain_items_split_into_sentences() {
        let items = [
            word("0.49", "0.7", "She"),
            word("0.7", "0.86", "was"),
            punct("."),
            word("1.0", "1.2", "Gone"),
            punct("?"),
        ];
        let doc = format!(
            r#"{{"jobName":"j","results":{{"items":[{}]}}}}"#,
            items.join(",")
        );
        let (p, d) = one(&doc, None);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(p.format, "json/aws-transcribe");
        assert_eq!(
            no_lines(&p.segments),
            vec![
                seg(None, Some((490, 860)), "She was."),
                seg(None, Some((1000, 1200)), "Gone?")
            ]
        );
    }

    #[test]
    fn speaker_labels_map_items_and_split_segments() {
        let items = [
            word("0.0", "0.5", "Hi"),
            punct(","),
            word("0.5", "1.0", "Bo"),
            word("1.5", "2.0", "Hey"),
            word("2.5", "3.0", "Again"),
            word("9.0", "9.5", "stray"),
        ];
        let doc = format!(
            r#"{{"results":{{"items":[{}],"speaker_labels":{{"speakers":2,"segments":[
            {{"speaker_label":"spk_0","start_time":"0.0","end_time":"1.0","items":[
                {{"start_time":"0.0","end_time":"0.5","speaker_label":"spk_0"}},
                {{"start_time":"0.5","end_time":"1.0","speaker_label":"spk_0"}}]}},
            {{"speaker_label":"spk_1","start_time":"1.5","end_time":"2.0","items":[
                {{"start_time":"1.5","end_time":"2.0","speaker_label":"spk_1"}}]}},
            {{"speaker_label":"spk_1","start_time":"2.5","end_time":"3.0","items":[
                {{"start_time":"2.5","end_time":"3.0","speaker_label":"spk_1"}}]}}]}}}}}}"#,
            items.join(",")
        );
        let (p, d) = one(&doc, None);
        assert_eq!(
            no_lines(&p.segments),
            vec![
                seg(Some("spk_0"), Some((0, 1000)), "Hi, Bo"),
                seg(Some("spk_1"), Some((1500, 2000)), "Hey"),
                seg(Some("spk_1"), Some((2500, 3000)), "Again"),
                seg(None, Some((9000, 9500)), "stray"),
            ]
        );
        assert!(has_diag(&d, &["words without a speaker label"]));
    }

    #[test]
    fn labels_on_items_and_channels() {
        let doc = r#"{"results":{"items":[
            {"type":"pronunciation","start_time":"0","end_time":"1","speaker_label":"spk_1","alternatives":[{"content":"a"}]},
            {"type":"pronunciation","start_time":"1","end_time":"2","speaker_label":"spk_0","alternatives":[{"content":"b"}]}
        ]}}"#;
        let (p, _) = one(doc, None);
        assert_eq!(
            no_lines(&p.segments),
            vec![
                seg(Some("spk_1"), Some((0, 1000)), "a"),
                seg(Some("spk_0"), Some((1000, 2000)), "b")
            ]
        );
        let items = [word("0", "1", "x"), punct("."), word("1", "2", "y")];
        let doc = format!(
            r#"{{"results":{{"items":[{}],"channel_labels":{{"number_of_channels":2,"channels":[
              {{"channel_label":"ch_0","items":[{},{}]}},
              {{"channel_label":"ch_1","items":[{}]}}]}}}}}}"#,
            items.join(","),
            items[0],
            items[1],
            items[2]
        );
        let (p, _) = one(&doc, None);
        assert_eq!(
            no_lines(&p.segments),
            vec![
                seg(Some("ch_0"), Some((0, 1000)), "x."),
                seg(Some("ch_1"), Some((1000, 2000)), "y")
            ]
        );
    }

    #[test]
    fn audio_segments_and_bad_items() {
        let doc = r#"{"results":{"items":[],"audio_segments":[
            {"id":0,"transcript":"Hello there.","start_time":"0.5","end_time":"1.5","items":[0,1]},
            {"id":1,"transcript":"x","start_time":"2","end_time":"oops","items":[]}]}}"#;
        let (p, d) = one(doc, None);
        assert_eq!(
            no_lines(&p.segments),
            vec![seg(None, Some((500, 1500)), "Hello there.")]
        );
        assert!(has_diag(
            &d,
            &[
                "results.audio_segments[1].end_time: expected a number, found \"oops\"; segment skipped"
            ]
        ));
        let items = [
            word("0", "x1", "a"),
            r#"{"type":"pronunciation","start_time":"1","end_time":"2"}"#.to_string(),
            word("2", "3", "ok"),
            r#"{"type":"weird","alternatives":[{"content":"?"}]}"#.to_string(),
        ];
        let doc = format!(r#"{{"results":{{"items":[{}]}}}}"#, items.join(","));
        let (p, d) = one(&doc, None);
        assert_eq!(
            no_lines(&p.segments),
            vec![seg(None, Some((2000, 3000)), "ok")]
        );
        assert!(has_diag(
            &d,
            &["results.items[0].end_time: expected a number, found \"x1\"; item skipped"]
        ));
        assert!(has_diag(
            &d,
            &["results.items[1].alternatives: missing or empty; item skipped"]
        ));
        assert!(has_diag(
            &d,
            &["results.items[3].type: unknown item type \"weird\"; item skipped"]
        ));
        assert!(!has_diag(&d, &["times given as strings"]));
    }

    #[test]
    fn corpus_plain() {
        // aws_01-plain.json: 354 words and 38 punctuation items (26 `,`, 12 `.`), no
        // speakers: 12 full sentences plus a trailing fragment ending in "leg".
        let Some((p, d)) = corpus_one("stt-json/aws_01-plain.json", "json/aws-transcribe") else {
            return;
        };
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(p.segments.len(), 13);
        assert_eq!(speakers(&p.segments), vec![None]);
        assert_eq!(
            p.segments[0].text,
            "She was gone out into the village on some errand when, as she was descending this \
             steep street, her foot slipped on the ice and she fell."
        );
        assert_eq!(p.segments[0].span.map(|s| s.start), Some(490));
        assert!(p.segments[12].text.ends_with(" leg"));
        assert_eq!(p.segments[12].span.map(|s| s.end), Some(141540));
        let words: usize = p.segments.iter().map(|s| s.text.split(' ').count()).sum();
        assert_eq!(words, 354);
    }

    #[test]
    fn corpus_speaker_identification() {
        // aws_03-speaker-identification.json: 24 speaker-label segments (spk_0 ×11, spk_1 ×10,
        // spk_2 ×3) covering all 354 words; the first is spk_0 from 0.49 to 7.2 s.
        let Some((p, d)) = corpus_one(
            "stt-json/aws_03-speaker-identification.json",
            "json/aws-transcribe",
        ) else {
            return;
        };
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(p.segments.len(), 24);
        assert_eq!(
            speakers(&p.segments),
            vec![
                Some("spk_0".into()),
                Some("spk_1".into()),
                Some("spk_2".into())
            ]
        );
        let count = |s: &str| {
            p.segments
                .iter()
                .filter(|x| x.speaker.as_deref() == Some(s))
                .count()
        };
        assert_eq!(
            (count("spk_0"), count("spk_1"), count("spk_2")),
            (11, 10, 3)
        );
        assert_eq!(
            p.segments[0].span.map(|s| (s.start, s.end)),
            Some((490, 7200))
        );
        assert!(
            p.segments[0]
                .text
                .starts_with("She was gone out into the village")
        );
        assert_eq!(p.segments[2].speaker.as_deref(), Some("spk_1"));
        assert_eq!(
            p.segments[2].span.map(|s| (s.start, s.end)),
            Some((15090, 19800))
        );
    }

    #[test]
    fn corpus_channel_identification() {
        // aws_02-channel-identification.json: ch_1 speaks first (0.49 s), ch_0 first speaks
        // at 15.09 s; the two channels hold 149 and 205 words in 7 alternating runs.
        let Some((p, d)) = corpus_one(
            "stt-json/aws_02-channel-identification.json",
            "json/aws-transcribe",
        ) else {
            return;
        };
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(
            speakers(&p.segments),
            vec![Some("ch_1".into()), Some("ch_0".into())]
        );
        let words = |s: &str| -> usize {
            p.segments
                .iter()
                .filter(|x| x.speaker.as_deref() == Some(s))
                .map(|x| x.text.split(' ').count())
                .sum()
        };
        assert_eq!((words("ch_0"), words("ch_1")), (149, 205));
        assert_eq!(p.segments.len(), 7);
        assert_eq!(p.segments[1].span.map(|s| s.start), Some(15090));
    }
}
