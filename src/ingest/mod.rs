//! Ingest: bytes of a transcript export → [`Transcript`] with normalised speakers and turns.
//!
//! The format is detected from the content, never from the file name (see [`detect()`]);
//! `--input-format` overrides it. Each format has its own module; they all produce
//! [`Parsed`] segments, which [`build`] turns into a [`Transcript`].

pub mod cuetext;
pub mod decode;
pub mod detect;
pub mod docx;
pub mod headed;
pub mod json;
pub mod meet;
pub mod otter;
pub mod plain;
pub mod prefix;
pub mod rttm;
pub mod sbv;
pub mod srt;
pub mod stamped;
pub mod starts;
pub mod teams;
pub mod timestamp;
pub mod webvtt;

use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::model::{Parsed, Transcript};
use crate::speakers::SpeakerTable;
use crate::turns::{self, TurnOptions};

pub use detect::detect;

/// The input formats turnstat reads. `Auto` detects from content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum InputFormat {
    /// Detect from the content.
    #[default]
    Auto,
    /// WebVTT (Zoom, Teams, captions, podcasts).
    Webvtt,
    /// SubRip `.srt`.
    Srt,
    /// YouTube / SubViewer `.sbv`.
    Sbv,
    /// Any supported JSON dialect, detected by its shape.
    Json,
    /// turnstat's own `turnstat.turns.v1` JSON.
    Turnstat,
    /// Deepgram pre-recorded JSON.
    Deepgram,
    /// AssemblyAI transcript JSON.
    Assemblyai,
    /// AWS Transcribe JSON.
    AwsTranscribe,
    /// Rev.ai transcript JSON.
    Revai,
    /// Whisper, whisper-timestamped or WhisperX JSON.
    Whisper,
    /// Podcasting 2.0 JSON transcript.
    Podcast,
    /// RTTM diarization output (no text).
    Rttm,
    /// Plain `Name: text` lines without times.
    Text,
    /// A Zoom chat export read alone (no transcript): the meeting's chat only.
    ZoomChat,
    /// Time-stamped `[m:ss] Name: text` or `Name (m:ss): text` lines (note-taking tools);
    /// start times only.
    Timestamped,
    /// Google Meet transcript (plain text or Markdown): title, `Attendees`, `Name: text`
    /// paragraphs; untimed.
    GoogleMeet,
    /// Otter.ai `.txt` export: `Name  m:ss` header lines, then the words; start times only.
    Otter,
    /// Word `.docx` transcript (Microsoft Teams, Stream, a Google Meet Doc), read from the zip.
    Docx,
}

/// Options for reading one file.
#[derive(Clone, Copy, Debug)]
pub struct IngestOptions {
    /// Forced format, or `Auto`.
    pub format: InputFormat,
    /// Turn building options.
    pub turns: TurnOptions,
    /// Treat warnings as errors.
    pub strict: bool,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            format: InputFormat::Auto,
            turns: TurnOptions::default(),
            strict: false,
        }
    }
}

/// A file that could not be used, with everything that was found wrong in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejected {
    /// Where it came from.
    pub source: String,
    /// The diagnostics; at least one is an error.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads one input. Returns one transcript for most formats (turnstat's own JSON may hold
/// several), or the rejection with its diagnostics. Never panics on any input.
pub fn load(source: &str, bytes: &[u8], opts: &IngestOptions) -> Result<Vec<Transcript>, Rejected> {
    if let Some(r) = load_docx(source, bytes, opts) {
        return r;
    }
    let mut diags = Diagnostics::new();
    let text = decode::decode(bytes, &mut diags);
    load_text(source, text, diags, opts)
}

/// A `.docx` is a zip, not text: with `auto` (or `docx`), bytes that start like a zip go to
/// the Word reader before any text decoding; `docx` forced on other bytes is an error.
fn load_docx(
    source: &str,
    bytes: &[u8],
    opts: &IngestOptions,
) -> Option<Result<Vec<Transcript>, Rejected>> {
    let wanted = match opts.format {
        InputFormat::Docx => true,
        InputFormat::Auto => docx::is_zip(bytes),
        _ => false,
    };
    if !wanted {
        return None;
    }
    let mut diags = Diagnostics::new();
    let parsed = if docx::is_zip(bytes) {
        docx::parse(bytes, &mut diags)
    } else {
        Err(Diagnostic::error(
            None,
            "not a .docx: a Word document is a zip archive (it starts with `PK`); file rejected",
        ))
    };
    Some(finish(source, parsed, diags, opts))
}

/// True when a file's content is a transcript of a recognised layout, not just text that the
/// plain `Name: text` reader would take: the rule by which a directory walk keeps `.md` and
/// `.docx` files (see [`crate::discover`]).
pub fn recognised(bytes: &[u8]) -> bool {
    let mut diags = Diagnostics::new();
    if docx::is_zip(bytes) {
        return docx::text(bytes, &mut diags).is_ok_and(|t| docx::layout(&t).is_some());
    }
    detect(&decode::decode(bytes, &mut diags)) != InputFormat::Text
}

/// [`load`] taking the bytes, for large files: the bytes become the text without a copy and
/// a WebVTT file's line ends are normalised before parsing with the original dropped (a
/// 200 MB file was held three times over while its cues were being read).
pub fn load_owned(
    source: &str,
    bytes: Vec<u8>,
    opts: &IngestOptions,
) -> Result<Vec<Transcript>, Rejected> {
    if let Some(r) = load_docx(source, &bytes, opts) {
        return r;
    }
    let mut diags = Diagnostics::new();
    let text = decode::decode_owned(bytes, &mut diags);
    load_text(source, text, diags, opts)
}

fn load_text(
    source: &str,
    mut text: String,
    mut diags: Diagnostics,
    opts: &IngestOptions,
) -> Result<Vec<Transcript>, Rejected> {
    let format = match opts.format {
        InputFormat::Auto if crate::chat::looks_like_chat(&text) => InputFormat::ZoomChat,
        InputFormat::Auto => detect(&text),
        other => other,
    };
    if format == InputFormat::ZoomChat {
        return load_chat(source, &text, diags, opts);
    }
    if format == InputFormat::Webvtt
        && let std::borrow::Cow::Owned(lf) = webvtt::normalise(&text)
    {
        text = lf;
    }
    let parsed = parse_as(format, &text, &mut diags);
    finish(source, parsed, diags, opts)
}

/// Turns what a parser returned into transcripts, or the rejection with its diagnostics.
fn finish(
    source: &str,
    parsed: Result<Vec<Parsed>, Diagnostic>,
    mut diags: Diagnostics,
    opts: &IngestOptions,
) -> Result<Vec<Transcript>, Rejected> {
    let parsed = match parsed {
        Ok(p) => p,
        Err(e) => {
            diags.push(e);
            return Err(Rejected {
                source: source.to_string(),
                diagnostics: diags.finish(),
            });
        }
    };
    let diagnostics = finish_or_reject(source, diags.finish(), opts.strict)?;
    let many = parsed.len() > 1;
    Ok(parsed
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let name = if many {
                format!("{source}#{}", i + 1)
            } else {
                source.to_string()
            };
            build(name, p, diagnostics.clone(), &opts.turns)
        })
        .collect())
}

/// Makes warnings errors under `--strict`; rejects the file when any error remains.
fn finish_or_reject(
    source: &str,
    mut diagnostics: Vec<Diagnostic>,
    strict: bool,
) -> Result<Vec<Diagnostic>, Rejected> {
    if strict {
        for d in &mut diagnostics {
            if d.severity == Severity::Warning {
                d.severity = Severity::Error;
                d.message.push_str(" [error because of --strict]");
            }
        }
    }
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        return Err(Rejected {
            source: source.to_string(),
            diagnostics,
        });
    }
    Ok(diagnostics)
}

/// A chat export read alone: a meeting with no speech, whose people took part in writing.
fn load_chat(
    source: &str,
    text: &str,
    diags: Diagnostics,
    opts: &IngestOptions,
) -> Result<Vec<Transcript>, Rejected> {
    let mut diagnostics = diags.finish();
    let mut log = match crate::chat::parse(source, text) {
        Ok(log) => log,
        Err(e) => {
            diagnostics.push(e);
            return Err(Rejected {
                source: source.to_string(),
                diagnostics,
            });
        }
    };
    diagnostics.append(&mut log.diagnostics);
    let diagnostics = finish_or_reject(source, diagnostics, opts.strict)?;
    Ok(vec![Transcript {
        source: source.to_string(),
        format: log.layout.name(),
        speakers: Vec::new(),
        segments: Vec::new(),
        turns: Vec::new(),
        anonymous_speakers: false,
        has_text: true,
        diagnostics,
        chat: Some(log),
        attendees: Vec::new(),
    }])
}

/// Parses text in a given (non-`Auto`) format.
fn parse_as(
    format: InputFormat,
    text: &str,
    diags: &mut Diagnostics,
) -> Result<Vec<Parsed>, Diagnostic> {
    use InputFormat as F;
    let one = |r: Result<Parsed, Diagnostic>| r.map(|p| vec![p]);
    match format {
        // A chat never reaches here (see `load_chat`).
        F::Auto | F::Webvtt | F::ZoomChat => one(webvtt::parse(text, diags)),
        F::Srt => one(srt::parse(text, diags)),
        F::Sbv => one(sbv::parse(text, diags)),
        F::Rttm => one(rttm::parse(text, diags)),
        F::Text => one(plain::parse(text, diags)),
        F::GoogleMeet => meet::parse(text, "google-meet", diags),
        F::Otter => one(otter::parse(text, diags)),
        F::Timestamped => one(stamped::parse(text, diags)),
        // Text that reached here is no zip: read it as the text of a Word transcript.
        F::Docx => docx::parse_text(text, diags),
        F::Json => json::parse(text, None, diags),
        F::Turnstat
        | F::Deepgram
        | F::Assemblyai
        | F::AwsTranscribe
        | F::Revai
        | F::Whisper
        | F::Podcast => json::parse(text, Some(format), diags),
    }
}

/// Silence longer than this between two cues is almost always a typo in an hour field.
pub const LONG_GAP_MS: u64 = 24 * 3_600_000;

/// One warning when nothing is said for more than [`LONG_GAP_MS`] (the first such gap, with
/// the count of the others): the duration and silence figures include the gap.
fn long_gap_warning(segments: &[crate::model::Segment]) -> Option<Diagnostic> {
    let mut end = None::<(u64, usize)>;
    let mut found: Option<(u64, usize, usize)> = None;
    let mut more = 0usize;
    for s in segments {
        let Some(sp) = s.span else { continue };
        if let Some((e, line)) = end
            && sp.start > e + LONG_GAP_MS
        {
            if found.is_none() {
                found = Some((sp.start - e, s.line, line));
            } else {
                more += 1;
            }
        }
        if end.is_none_or(|(e, _)| sp.end >= e) {
            end = Some((sp.end, s.line));
        }
    }
    let (gap, line, before) = found?;
    Some(Diagnostic::warning(
        Some(line),
        format!(
            "nothing is said for {} before this cue (the previous speech ends on line {before}){}; \
             is an hour field wrong? Duration and silence include the gap",
            webvtt::fmt_ms(gap),
            if more > 0 {
                format!(", and {more} more gap(s) over 24 hours")
            } else {
                String::new()
            }
        ),
    ))
}

/// Normalises speakers, sorts segments by time and builds turns (and warns of a gap of more
/// than a day, see [`LONG_GAP_MS`]).
pub fn build(
    source: String,
    parsed: Parsed,
    diagnostics: Vec<Diagnostic>,
    turn_opts: &TurnOptions,
) -> Transcript {
    let mut table = SpeakerTable::default();
    let mut segments: Vec<crate::model::Segment> = parsed
        .segments
        .into_iter()
        .map(|raw| crate::model::Segment {
            speaker: table.intern(raw.speaker.as_deref()),
            span: raw.span,
            text: raw.text,
            line: raw.line,
            words: raw.words.map(Vec::into_boxed_slice),
        })
        .collect();
    // Stable: ties and untimed segments keep file order.
    segments.sort_by_key(|s| s.span.map(|sp| sp.start));
    let mut diagnostics = diagnostics;
    diagnostics.extend(long_gap_warning(&segments));
    let anonymous = parsed.anonymous_speakers || table.has_unknown();
    let mut t = Transcript {
        source,
        format: parsed.format,
        speakers: table.into_names(),
        segments,
        turns: Vec::new(),
        anonymous_speakers: anonymous,
        has_text: parsed.has_text,
        diagnostics,
        chat: parsed.chat,
        attendees: parsed.attendees,
    };
    t.turns = turns::build_turns(&t.segments, turn_opts);
    t
}
