//! AssemblyAI transcript objects (`GET /v2/transcript/{id}`).
//!
//! Shape (times in **milliseconds**):
//! ```json
//! {"id": "...", "status": "completed", "audio_url": "https://...", "text": "Yeah. As much...",
//!  "words": [{"text": "Yeah.", "start": 170, "end": 718, "confidence": 0.99, "speaker": "A"}],
//!  "utterances": [{"speaker": "A", "start": 170, "end": 25140, "text": "Yeah. As much...",
//!                  "words": [...]}]}
//! ```
//!
//! Mapping: one segment per utterance when `utterances` is a non-empty array (it is `null`
//! when speaker labels were not requested). Otherwise the top-level `words`: consecutive
//! words of one speaker make a segment, or, when no word has a speaker, one segment per
//! sentence. Without words, the whole `text` becomes one untimed segment. Speaker letters
//! become `Speaker A`, `Speaker B`… A job whose `status` is not `completed` and that has no
//! content is rejected with its `error` message.

use super::{
    Dialect, Node, Records, StringTimes, Unit, Word, finish, found, group_words, label_field,
    number_sentences, push_segment, required_span, string_field,
};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Parsed, RawSegment};
use serde_json::Value;

const D: Dialect = Dialect::AssemblyAi;

/// Reads an AssemblyAI transcript into one transcript.
pub(super) fn parse(
    root: &Node,
    rec: &mut Records,
    diags: &mut Diagnostics,
) -> Result<Parsed, Diagnostic> {
    root.require_object(D)?;
    let utterances = root.optional("utterances", "an array", Value::is_array)?;
    let words = root.optional("words", "an array", Value::is_array)?;
    let text = root.optional("text", "a string", Value::is_string)?;
    let has_content = utterances.as_ref().is_some_and(|u| u.len() > 0)
        || words.as_ref().is_some_and(|w| w.len() > 0)
        || text
            .as_ref()
            .and_then(Node::as_str)
            .is_some_and(|t| !t.trim().is_empty());
    if let Some(status) = root.field("status").and_then(|s| s.as_str())
        && status != "completed"
        && !has_content
    {
        let why = root
            .field("error")
            .and_then(|e| e.as_str())
            .unwrap_or("no error message");
        return Err(root.error(format_args!(
            "the AssemblyAI job status is `{status}` ({why}); there is no transcript"
        )));
    }
    if root.get("utterances").is_none() && words.is_none() && text.is_none() {
        return Err(Diagnostic::error(
            Some(root.line()),
            "utterances: missing (and no `words` or `text` either); not AssemblyAI JSON; \
             file rejected",
        ));
    }

    let mut segments = Vec::new();
    if let Some(u) = utterances.filter(|u| u.len() > 0) {
        for utt in u.elements() {
            match utterance(&utt, diags) {
                Ok(seg) => {
                    rec.read();
                    push_segment(&mut segments, seg, diags);
                }
                Err(problem) => rec.skip(diags, utt.line(), &problem, "segment"),
            }
        }
    } else if let Some(w) = words.filter(|w| w.len() > 0) {
        let mut list = Vec::new();
        for node in w.elements() {
            match word(&node, diags) {
                Ok(word) => {
                    rec.read();
                    list.push(word);
                }
                Err(problem) => rec.skip(diags, node.line(), &problem, "word"),
            }
        }
        if list.iter().all(|w| w.speaker.is_none()) {
            number_sentences(&mut list);
        }
        segments = group_words(list);
    } else if let Some(t) = text {
        let seg = RawSegment {
            speaker: None,
            span: None,
            text: t.as_str().unwrap_or("").trim().to_string(),
            line: t.line(),
            words: None,
        };
        push_segment(&mut segments, seg, diags);
    }
    Ok(finish(D, segments, root.line(), diags))
}

/// `"A"` → `Speaker A`.
fn speaker_name(label: Option<String>) -> Option<String> {
    label.map(|l| format!("Speaker {l}"))
}

fn utterance(utt: &Node, diags: &mut Diagnostics) -> Result<RawSegment, String> {
    if !utt.value().is_object() {
        return Err(format!(
            "{}: expected an object, found {}",
            utt.path(),
            found(utt.value())
        ));
    }
    let span = required_span(utt, "start", "end", Unit::Millis, StringTimes::Tally, diags)?;
    let text = string_field(utt, "text")?.unwrap_or("").trim().to_string();
    let words = super::utterance_words(utt, &text, word);
    Ok(RawSegment {
        speaker: speaker_name(label_field(utt, "speaker")?),
        span: Some(span),
        text,
        line: utt.line(),
        words,
    })
}

fn word(w: &Node, diags: &mut Diagnostics) -> Result<Word, String> {
    if !w.value().is_object() {
        return Err(format!(
            "{}: expected an object, found {}",
            w.path(),
            found(w.value())
        ));
    }
    let span = required_span(w, "start", "end", Unit::Millis, StringTimes::Tally, diags)?;
    let text =
        string_field(w, "text")?.ok_or_else(|| format!("{}: missing", w.child_path("text")))?;
    Ok(Word {
        speaker: speaker_name(label_field(w, "speaker")?),
        span: Some(span),
        text: text.to_string(),
        line: w.line(),
        group: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use crate::ingest::InputFormat;

    #[test]
    fn utterances_in_milliseconds() {
        let doc = r#"{"audio_url":"x","text":"Hi. Yo.","words":[],"utterances":[
            {"speaker":"A","start":170,"end":718,"text":"Hi."},
            {"speaker":"B","start":800.4,"end":900.6,"text":"Yo."},
            {"speaker":"B","start":1000,"end":900,"text":"bad"}
        ]}"#;
        let (p, d) = one(doc, None);
        assert_eq!(p.format, "json/assemblyai");
        assert_eq!(
            no_lines(&p.segments),
            vec![
                seg(Some("Speaker A"), Some((170, 718)), "Hi."),
                seg(Some("Speaker B"), Some((800, 901)), "Yo.")
            ]
        );
        assert!(has_diag(
            &d,
            &["utterances[2]: ends (0.900 s) before it starts (1.000 s); segment skipped"]
        ));
    }

    #[test]
    fn words_when_utterances_are_null() {
        let doc = r#"{"audio_url":"x","utterances":null,"words":[
            {"text":"Hi","start":0,"end":100,"speaker":"A"},
            {"text":"there.","start":100,"end":200,"speaker":"A"},
            {"text":"Yes.","start":300,"end":400,"speaker":"B"}
        ]}"#;
        let (p, _) = one(doc, None);
        assert_eq!(
            no_lines(&p.segments),
            vec![
                seg(Some("Speaker A"), Some((0, 200)), "Hi there."),
                seg(Some("Speaker B"), Some((300, 400)), "Yes.")
            ]
        );
        let doc = r#"{"acoustic_model":"x","words":[
            {"text":"One.","start":0,"end":100,"speaker":null},
            {"text":"Two","start":100,"end":200},{"text":"three.","start":200,"end":300}
        ]}"#;
        let (p, _) = one(doc, None);
        assert_eq!(
            no_lines(&p.segments),
            vec![
                seg(None, Some((0, 100)), "One."),
                seg(None, Some((100, 300)), "Two three.")
            ]
        );
    }

    #[test]
    fn text_only_and_failed_jobs() {
        let (p, _) = one(
            r#"{"utterances":null,"words":null,"text":" Hello. "}"#,
            None,
        );
        assert_eq!(no_lines(&p.segments), vec![seg(None, None, "Hello.")]);
        let (r, _) = run(
            r#"{"status":"error","error":"Download error","utterances":null}"#,
            None,
        );
        let e = r.expect_err("rejected");
        assert!(
            e.message.contains("status is `error` (Download error)"),
            "{}",
            e.message
        );
        let (r, _) = run(r#"{"segments":[]}"#, Some(InputFormat::Assemblyai));
        assert!(
            r.expect_err("rejected")
                .message
                .starts_with("utterances: missing")
        );
    }

    #[test]
    fn corpus_utterances() {
        // assemblyai_utterances.json: one utterance by speaker A, 170–25140 ms.
        let Some((p, d)) = corpus_one("stt-json/assemblyai_utterances.json", "json/assemblyai")
        else {
            return;
        };
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(p.segments.len(), 1);
        let s = &p.segments[0];
        assert_eq!(s.speaker.as_deref(), Some("Speaker A"));
        assert_eq!(s.span.map(|x| (x.start, x.end)), Some((170, 25140)));
        assert!(
            s.text
                .starts_with("Yeah. As much as it's worth celebrating the first spacewalk")
        );
        assert!(
            s.text
                .ends_with("the same opportunities that we have today.")
        );
    }

    #[test]
    fn corpus_words_without_utterances() {
        // assemblyai_transcription.json: `utterances` is null; 60 words, all speaker A,
        // whose texts joined by spaces are exactly the top-level `text`.
        let Some(text) = corpus("stt-json/assemblyai_transcription.json") else {
            return;
        };
        let (p, d) = one(&text, None);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(p.segments.len(), 1);
        let s = &p.segments[0];
        assert_eq!(s.speaker.as_deref(), Some("Speaker A"));
        assert_eq!(s.span.map(|x| (x.start, x.end)), Some((170, 25140)));
        assert_eq!(s.text.split(' ').count(), 60);
        let value: serde_json::Value = serde_json::from_str(&text).expect("valid");
        assert_eq!(Some(s.text.as_str()), value["text"].as_str());
    }
}
