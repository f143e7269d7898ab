//! JSON transcript dialects: detection by shape, dispatch, and the helpers they share.
//!
//! Speech-to-text services and transcript tools each write their own JSON. turnstat reads
//! seven of them; each has its own module describing its shape and mapping rules:
//!
//! | dialect | module | recognised by (in this order) |
//! | --- | --- | --- |
//! | turnstat's own output | [`turnstat`] | `schema` starting with `turnstat.turns.` |
//! | Deepgram | [`deepgram`] | `results.channels`, or `results.utterances` with `metadata` |
//! | AWS Transcribe | [`aws`] | `results.items`, or `jobName` |
//! | AssemblyAI | [`assemblyai`] | `utterances` (array or null), or `words` with one of `audio_url`, `acoustic_model`, `language_model`, `speech_model` |
//! | Rev.ai | [`revai`] | `monologues` |
//! | Podcasting 2.0 | [`podcast`] | `segments[*]` with `startTime` or `body` (or an empty `segments` with `version`) |
//! | Whisper / WhisperX | [`whisper`] | `segments[*]` with `start` (or an empty `segments` otherwise) |
//!
//! The text is parsed once into a [`serde_json::Value`]; a syntax error rejects the file with
//! serde_json's line and column. A cheap second scan (`Pos`) records the line where every
//! object and array starts, so segments and warnings carry real line numbers.
//!
//! **Errors and warnings.** A forced dialect that does not fit, or a container of the wrong
//! type (`results.items` not an array), rejects the file with the JSON path of the field. A
//! bad individual segment (missing or non-numeric time, end before start, negative, NaN or
//! absurdly large time, wrong type) is a warning naming its JSON path, and the segment is
//! skipped. Times written as strings of numbers are accepted, with one tallied warning per
//! file (AWS Transcribe always writes strings, so not there). Nothing here panics on input.

pub mod assemblyai;
pub mod aws;
pub mod deepgram;
pub mod podcast;
pub mod revai;
pub mod turnstat;
pub mod whisper;

use crate::diag::{Diagnostic, Diagnostics};
use crate::ingest::InputFormat;
use crate::ingest::timestamp::MAX_MS;
use crate::model::{Parsed, RawSegment, Span, WordTime};
use serde_json::Value;

/// The JSON dialects turnstat reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// turnstat's own `turnstat.turns.v1` output, read back in.
    Turnstat,
    /// Deepgram pre-recorded API response.
    Deepgram,
    /// AssemblyAI transcript object.
    AssemblyAi,
    /// AWS Transcribe job output.
    AwsTranscribe,
    /// Rev.ai transcript (`monologues`).
    RevAi,
    /// Whisper, whisper-timestamped or WhisperX output.
    Whisper,
    /// Podcasting 2.0 JSON transcript.
    Podcast,
}

impl Dialect {
    /// The format string reported in outputs, e.g. `json/deepgram`.
    pub fn format(self) -> &'static str {
        match self {
            Dialect::Turnstat => "json/turnstat",
            Dialect::Deepgram => "json/deepgram",
            Dialect::AssemblyAi => "json/assemblyai",
            Dialect::AwsTranscribe => "json/aws-transcribe",
            Dialect::RevAi => "json/revai",
            Dialect::Whisper => "json/whisper",
            Dialect::Podcast => "json/podcast",
        }
    }

    /// The human name used in messages, e.g. `AWS Transcribe`.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Turnstat => "turnstat",
            Dialect::Deepgram => "Deepgram",
            Dialect::AssemblyAi => "AssemblyAI",
            Dialect::AwsTranscribe => "AWS Transcribe",
            Dialect::RevAi => "Rev.ai",
            Dialect::Whisper => "Whisper",
            Dialect::Podcast => "Podcasting 2.0",
        }
    }

    /// The dialect an `--input-format` value forces; `None` for `json` (detect) and for
    /// formats that are not JSON dialects.
    pub fn from_input_format(format: InputFormat) -> Option<Dialect> {
        match format {
            InputFormat::Turnstat => Some(Dialect::Turnstat),
            InputFormat::Deepgram => Some(Dialect::Deepgram),
            InputFormat::Assemblyai => Some(Dialect::AssemblyAi),
            InputFormat::AwsTranscribe => Some(Dialect::AwsTranscribe),
            InputFormat::Revai => Some(Dialect::RevAi),
            InputFormat::Whisper => Some(Dialect::Whisper),
            InputFormat::Podcast => Some(Dialect::Podcast),
            _ => None,
        }
    }
}

/// Parses a JSON transcript; `forced` picks a dialect instead of detecting it by shape.
///
/// Returns one [`Parsed`] per transcript: several only for turnstat's own format, exactly one
/// for every other dialect. A syntax error, a shape that matches no dialect, or a forced
/// dialect that does not fit rejects the file; bad individual segments are warnings.
pub fn parse(
    text: &str,
    forced: Option<InputFormat>,
    diags: &mut Diagnostics,
) -> Result<Vec<Parsed>, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Diagnostic::error(
            Some(1),
            "empty input: no JSON value; file rejected",
        ));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| syntax_error(text, &e))?;
    let pos = Pos::scan(text);
    let root = Node::root(&value, &pos);
    let forced = forced.and_then(Dialect::from_input_format);
    let dialect = match forced {
        Some(d) => d,
        None => detect(&value).ok_or_else(|| no_match(&value))?,
    };
    let mut rec = Records::default();
    let one = |r: Result<Parsed, Diagnostic>| r.map(|p| vec![p]);
    let parsed = match dialect {
        Dialect::Turnstat => turnstat::parse(&root, &mut rec, diags),
        Dialect::Deepgram => one(deepgram::parse(&root, &mut rec, diags)),
        Dialect::AssemblyAi => one(assemblyai::parse(&root, &mut rec, diags)),
        Dialect::AwsTranscribe => one(aws::parse(&root, &mut rec, diags)),
        Dialect::RevAi => one(revai::parse(&root, &mut rec, diags)),
        Dialect::Whisper => one(whisper::parse(&root, &mut rec, diags)),
        Dialect::Podcast => one(podcast::parse(&root, &mut rec, diags)),
    }?;
    if let Some(d) = forced {
        rec.check(d)?;
    }
    Ok(parsed)
}

/// The dialect a parsed JSON value is written in, judged by its shape; `None` when it
/// matches none. See the module documentation for the rules and their order.
pub fn detect(value: &Value) -> Option<Dialect> {
    let obj = value.as_object()?;
    let has = |k: &str| obj.get(k).is_some_and(|v| !v.is_null());
    if obj
        .get("schema")
        .and_then(Value::as_str)
        .is_some_and(|s| s.starts_with("turnstat.turns."))
    {
        return Some(Dialect::Turnstat);
    }
    let results = obj.get("results").and_then(Value::as_object);
    if let Some(r) = results {
        let arr = |k: &str| r.get(k).is_some_and(Value::is_array);
        if arr("channels") || (arr("utterances") && has("metadata")) {
            return Some(Dialect::Deepgram);
        }
        if arr("items") {
            return Some(Dialect::AwsTranscribe);
        }
    }
    if has("jobName") {
        return Some(Dialect::AwsTranscribe);
    }
    let utterances = obj.get("utterances");
    if utterances.is_some_and(|u| u.is_array() || u.is_null())
        || (obj.get("words").is_some_and(Value::is_array)
            && [
                "audio_url",
                "acoustic_model",
                "language_model",
                "speech_model",
            ]
            .iter()
            .any(|k| has(k)))
    {
        return Some(Dialect::AssemblyAi);
    }
    if obj.get("monologues").is_some_and(Value::is_array) {
        return Some(Dialect::RevAi);
    }
    let segments = obj.get("segments").and_then(Value::as_array)?;
    let any_key = |k: &str| segments.iter().any(|s| s.get(k).is_some());
    if any_key("startTime") || any_key("body") {
        return Some(Dialect::Podcast);
    }
    if any_key("start") {
        return Some(Dialect::Whisper);
    }
    if segments.is_empty() {
        // No segment to judge by: Podcasting 2.0 files carry a `version`, Whisper ones `text`
        // and `language`.
        let podcast = has("version") && !has("text") && !has("language");
        return Some(if podcast {
            Dialect::Podcast
        } else {
            Dialect::Whisper
        });
    }
    None
}

/// The error for a value that matches no dialect, with a hint of what it holds.
fn no_match(value: &Value) -> Diagnostic {
    let hint = match value {
        Value::Object(map) if map.is_empty() => "the top level is an empty object".to_string(),
        Value::Object(map) => {
            let mut keys: Vec<String> = map.keys().take(12).map(|k| format!("`{k}`")).collect();
            if map.len() > 12 {
                keys.push(format!("… ({} keys in all)", map.len()));
            }
            format!("top-level keys seen: {}", keys.join(", "))
        }
        other => format!("the top level is {}, not an object", found(other)),
    };
    Diagnostic::error(
        None,
        format!(
            "JSON does not match any supported transcript dialect (turnstat, Deepgram, \
             AssemblyAI, AWS Transcribe, Rev.ai, Whisper, Podcasting 2.0); file rejected \
             ({hint})"
        ),
    )
}

/// Maps a serde_json error to a diagnostic with its line and (character) column.
fn syntax_error(text: &str, e: &serde_json::Error) -> Diagnostic {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let what = full.strip_suffix(&suffix).unwrap_or(&full);
    let message = if what.contains("recursion limit exceeded") {
        "JSON is nested too deeply (more than 128 levels); file rejected".to_string()
    } else if e.is_eof() {
        format!("JSON ends too early ({what}); file rejected")
    } else {
        format!("invalid JSON: {what}; file rejected")
    };
    let diag = Diagnostic::error(Some(e.line().max(1)), message);
    match char_column(text, e.line(), e.column()) {
        Some(col) => diag.at_column(col),
        None => diag,
    }
}

/// Converts serde_json's byte column on a 1-based line into a 1-based character column.
fn char_column(text: &str, line: usize, byte_col: usize) -> Option<usize> {
    if line == 0 || byte_col == 0 {
        return None;
    }
    let line_text = text.split('\n').nth(line - 1)?;
    let mut end = byte_col.min(line_text.len());
    while end > 0 && !line_text.is_char_boundary(end) {
        end -= 1;
    }
    let chars = line_text.get(..end)?.chars().count();
    Some(chars.max(1))
}

// ---------------------------------------------------------------------------------------
// Positions: the line where each object and array starts.
// ---------------------------------------------------------------------------------------

/// The start line of a JSON value, and of the values inside it that are containers.
///
/// Built by one linear scan over text that serde_json has already accepted (so it never
/// sees malformed input in practice, and stays bounds-safe if it does). Array elements are
/// all recorded, to keep indices aligned; object members only when they are containers,
/// so word-level objects full of scalars cost almost nothing.
#[derive(Debug, Default)]
pub(crate) struct Pos<'t> {
    line: usize,
    kids: Kids<'t>,
}

#[derive(Debug, Default)]
enum Kids<'t> {
    #[default]
    Leaf,
    Array(Vec<Pos<'t>>),
    Object(Vec<(&'t str, Pos<'t>)>),
}

/// Containers nested deeper than this are skipped by the position scan (serde_json has
/// already refused anything beyond 128 levels).
const MAX_SCAN_DEPTH: usize = 200;

impl<'t> Pos<'t> {
    /// Scans `text` (valid JSON) and returns the positions of its top-level value.
    pub(crate) fn scan(text: &'t str) -> Pos<'t> {
        let mut s = Scanner {
            text,
            bytes: text.as_bytes(),
            i: 0,
            line: 1,
        };
        s.value(0)
    }

    fn member(&self, key: &str) -> Option<&Pos<'t>> {
        match &self.kids {
            // serde_json keeps the last of duplicate keys; so do we.
            Kids::Object(members) => members.iter().rev().find(|(k, _)| *k == key).map(|m| &m.1),
            _ => None,
        }
    }

    fn element(&self, index: usize) -> Option<&Pos<'t>> {
        match &self.kids {
            Kids::Array(items) => items.get(index),
            _ => None,
        }
    }
}

struct Scanner<'t> {
    text: &'t str,
    bytes: &'t [u8],
    i: usize,
    line: usize,
}

impl<'t> Scanner<'t> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.i).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b) = self.peek() {
            match b {
                b'\n' => self.line += 1,
                b' ' | b'\t' | b'\r' => {}
                _ => break,
            }
            self.i += 1;
        }
    }

    /// Skips a string starting at the opening quote; returns its raw contents.
    fn string(&mut self) -> &'t str {
        let start = self.i + 1;
        self.i += 1;
        while let Some(b) = self.peek() {
            self.i += 1;
            match b {
                b'\\' => self.i += 1,
                b'"' => break,
                b'\n' => self.line += 1,
                _ => {}
            }
        }
        self.text.get(start..self.i.saturating_sub(1)).unwrap_or("")
    }

    /// Skips a whole container without recording anything (used past the depth limit).
    fn skip_container(&mut self) {
        let mut depth = 0usize;
        while let Some(b) = self.peek() {
            match b {
                b'"' => {
                    self.string();
                    continue;
                }
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        self.i += 1;
                        return;
                    }
                }
                b'\n' => self.line += 1,
                _ => {}
            }
            self.i += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Pos<'t> {
        self.skip_ws();
        let line = self.line;
        let leaf = Pos {
            line,
            kids: Kids::Leaf,
        };
        match self.peek() {
            Some(b'{' | b'[') if depth >= MAX_SCAN_DEPTH => {
                self.skip_container();
                leaf
            }
            Some(b'{') => {
                self.i += 1;
                let mut members = Vec::new();
                loop {
                    self.skip_ws();
                    match self.peek() {
                        Some(b'}') => {
                            self.i += 1;
                            break;
                        }
                        Some(b',') => self.i += 1,
                        Some(b'"') => {
                            let key = self.string();
                            self.skip_ws();
                            if self.peek() == Some(b':') {
                                self.i += 1;
                            }
                            let v = self.value(depth + 1);
                            if !matches!(v.kids, Kids::Leaf) {
                                members.push((key, v));
                            }
                        }
                        _ => break,
                    }
                }
                Pos {
                    line,
                    kids: Kids::Object(members),
                }
            }
            Some(b'[') => {
                self.i += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_ws();
                    match self.peek() {
                        Some(b']') => {
                            self.i += 1;
                            break;
                        }
                        Some(b',') => self.i += 1,
                        Some(_) => {
                            let before = self.i;
                            items.push(self.value(depth + 1));
                            if self.i == before {
                                break;
                            }
                        }
                        None => break,
                    }
                }
                Pos {
                    line,
                    kids: Kids::Array(items),
                }
            }
            Some(b'"') => {
                self.string();
                leaf
            }
            Some(_) => {
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\r' | b'\n') {
                        break;
                    }
                    self.i += 1;
                }
                leaf
            }
            None => leaf,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Nodes: a value with its JSON path and line.
// ---------------------------------------------------------------------------------------

/// A JSON value together with its path from the root (`results.items[3]`) and the line
/// where it starts, so every message can say exactly where the problem is.
#[derive(Clone, Debug)]
pub(crate) struct Node<'a> {
    value: &'a Value,
    pos: Option<&'a Pos<'a>>,
    line: usize,
    path: String,
}

impl<'a> Node<'a> {
    /// The root node of a document.
    pub(crate) fn root(value: &'a Value, pos: &'a Pos<'a>) -> Node<'a> {
        Node {
            value,
            pos: Some(pos),
            line: pos.line.max(1),
            path: String::new(),
        }
    }

    /// The value.
    pub(crate) fn value(&self) -> &'a Value {
        self.value
    }

    /// The 1-based line where the value (or, for a scalar, its container) starts.
    pub(crate) fn line(&self) -> usize {
        self.line
    }

    /// The JSON path, `(top level)` for the root.
    pub(crate) fn path(&self) -> &str {
        if self.path.is_empty() {
            "(top level)"
        } else {
            &self.path
        }
    }

    /// The path of a member of this node, even when the member is absent.
    pub(crate) fn child_path(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// The member `key` when this is an object that has it (`null` included).
    pub(crate) fn get(&self, key: &str) -> Option<Node<'a>> {
        let value = self.value.as_object()?.get(key)?;
        let pos = self.pos.and_then(|p| p.member(key));
        Some(Node {
            value,
            pos,
            line: pos.map_or(self.line, |p| p.line),
            path: self.child_path(key),
        })
    }

    /// The member `key` unless it is absent or `null`.
    pub(crate) fn field(&self, key: &str) -> Option<Node<'a>> {
        self.get(key).filter(|n| !n.value.is_null())
    }

    /// The elements, when this is an array (none otherwise).
    pub(crate) fn elements(&self) -> impl Iterator<Item = Node<'a>> + '_ {
        let items: &'a [Value] = self.value.as_array().map_or(&[], Vec::as_slice);
        items.iter().enumerate().map(move |(i, value)| {
            let pos = self.pos.and_then(|p| p.element(i));
            Node {
                value,
                pos,
                line: pos.map_or(self.line, |p| p.line),
                path: format!("{}[{i}]", self.path),
            }
        })
    }

    /// The number of elements of an array (0 for anything else).
    pub(crate) fn len(&self) -> usize {
        self.value.as_array().map_or(0, Vec::len)
    }

    /// The string value, if this is a string.
    pub(crate) fn as_str(&self) -> Option<&'a str> {
        self.value.as_str()
    }

    /// An error at this node: `path: problem; file rejected`.
    pub(crate) fn error(&self, problem: impl std::fmt::Display) -> Diagnostic {
        Diagnostic::error(
            Some(self.line),
            format!("{}: {problem}; file rejected", self.path()),
        )
    }

    /// Rejects the file unless this is an object (used for the root and for records whose
    /// shape the dialect cannot do without).
    pub(crate) fn require_object(&self, dialect: Dialect) -> Result<(), Diagnostic> {
        if self.value.is_object() {
            Ok(())
        } else {
            Err(self.error(format_args!(
                "expected an object, found {} (not {} JSON)",
                found(self.value),
                dialect.name()
            )))
        }
    }

    /// The member `key`, which must be present and of the kind `is` checks (`what` names
    /// it in the error), or the file is rejected.
    pub(crate) fn require(
        &self,
        key: &str,
        what: &str,
        is: fn(&Value) -> bool,
        dialect: Dialect,
    ) -> Result<Node<'a>, Diagnostic> {
        match self.get(key) {
            Some(n) if is(n.value) => Ok(n),
            Some(n) => Err(n.error(format_args!("expected {what}, found {}", found(n.value)))),
            None => Err(Diagnostic::error(
                Some(self.line),
                format!(
                    "{}: missing; {} JSON has {what} here; file rejected",
                    self.child_path(key),
                    dialect.name()
                ),
            )),
        }
    }

    /// The member `key` when present, not `null`, and of the kind `is` checks; a member of
    /// another kind rejects the file (`what` names the expected kind).
    pub(crate) fn optional(
        &self,
        key: &str,
        what: &str,
        is: fn(&Value) -> bool,
    ) -> Result<Option<Node<'a>>, Diagnostic> {
        match self.field(key) {
            None => Ok(None),
            Some(n) if is(n.value) => Ok(Some(n)),
            Some(n) => Err(n.error(format_args!("expected {what}, found {}", found(n.value)))),
        }
    }
}

/// Describes a value for a message: `"abc"`, `null`, `-1.5`, `an object`.
pub(crate) fn found(v: &Value) -> String {
    match v {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => {
            let mut short: String = s.chars().take(40).collect();
            if short.len() < s.len() {
                short.push('…');
            }
            format!("{short:?}")
        }
        Value::Array(_) => "an array".to_string(),
        Value::Object(_) => "an object".to_string(),
    }
}

// ---------------------------------------------------------------------------------------
// Field readers for segments: `Err` carries a message naming the path.
// ---------------------------------------------------------------------------------------

/// The unit a dialect writes its times in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    /// Seconds, possibly fractional (most dialects).
    Seconds,
    /// Milliseconds (AssemblyAI).
    Millis,
}

/// What to do about times written as JSON strings (`"1.23"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StringTimes {
    /// Accept them, counting one tallied warning per file.
    Tally,
    /// Accept them silently: the dialect always writes strings (AWS Transcribe).
    Expected,
}

/// The tally label for times given as strings.
const STRING_TIMES: &str = "times given as strings";

/// Reads a time member as integer milliseconds (rounded to the nearest ms).
///
/// `Ok(None)` when the member is absent or `null`. `Err` (naming the path) for a value that
/// is not a number or numeric string, and for NaN, infinite, negative, or beyond
/// [`MAX_MS`] (100,000 hours) times, so later casts and sums can never overflow.
pub(crate) fn time_ms(
    node: &Node,
    key: &str,
    unit: Unit,
    strings: StringTimes,
    diags: &mut Diagnostics,
) -> Result<Option<u64>, String> {
    let Some(child) = node.field(key) else {
        return Ok(None);
    };
    let number = match child.value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => {
            let v = s.trim().parse::<f64>().ok();
            if v.is_some() && strings == StringTimes::Tally {
                diags.tally(STRING_TIMES, child.line);
            }
            v
        }
        _ => None,
    };
    let Some(x) = number else {
        return Err(format!(
            "{}: expected a number, found {}",
            child.path(),
            found(child.value)
        ));
    };
    let ms = match unit {
        Unit::Seconds => x * 1000.0,
        Unit::Millis => x,
    };
    if !ms.is_finite() {
        return Err(format!(
            "{}: {} is not a finite time",
            child.path(),
            found(child.value)
        ));
    }
    if ms < 0.0 {
        return Err(format!(
            "{}: negative time {}",
            child.path(),
            found(child.value)
        ));
    }
    let ms = ms.round();
    // MAX_MS is far below 2^53, so the comparison is exact and the cast cannot truncate.
    if ms > MAX_MS as f64 {
        return Err(format!(
            "{}: time {} is beyond 100,000 hours",
            child.path(),
            found(child.value)
        ));
    }
    Ok(Some(ms as u64))
}

/// Renders milliseconds as seconds for messages (`12.345 s`).
pub(crate) fn secs(ms: u64) -> String {
    format!("{}.{:03} s", ms / 1000, ms % 1000)
}

/// Reads a start/end pair. `Ok(None)` when both are absent (untimed); `Err` when only one
/// is there, when either is invalid (see [`time_ms`]), or when the end is before the start.
pub(crate) fn span(
    node: &Node,
    start_key: &str,
    end_key: &str,
    unit: Unit,
    strings: StringTimes,
    diags: &mut Diagnostics,
) -> Result<Option<Span>, String> {
    let start = time_ms(node, start_key, unit, strings, diags)?;
    let end = time_ms(node, end_key, unit, strings, diags)?;
    match (start, end) {
        (None, None) => Ok(None),
        (Some(_), None) => Err(format!("{}: missing end time", node.child_path(end_key))),
        (None, Some(_)) => Err(format!(
            "{}: missing start time",
            node.child_path(start_key)
        )),
        (Some(s), Some(e)) if e < s => Err(format!(
            "{}: ends ({}) before it starts ({})",
            node.path(),
            secs(e),
            secs(s)
        )),
        (Some(s), Some(e)) => Ok(Some(Span::new(s, e))),
    }
}

/// Like [`span`], but a segment without times is an error too.
pub(crate) fn required_span(
    node: &Node,
    start_key: &str,
    end_key: &str,
    unit: Unit,
    strings: StringTimes,
    diags: &mut Diagnostics,
) -> Result<Span, String> {
    span(node, start_key, end_key, unit, strings, diags)?
        .ok_or_else(|| format!("{}: missing start time", node.child_path(start_key)))
}

/// Reads a string member: `Ok(None)` when absent or `null`, `Err` for another type.
pub(crate) fn string_field<'a>(node: &Node<'a>, key: &str) -> Result<Option<&'a str>, String> {
    match node.field(key) {
        None => Ok(None),
        Some(n) => match n.value {
            Value::String(s) => Ok(Some(s.as_str())),
            other => Err(format!(
                "{}: expected a string, found {}",
                n.path(),
                found(other)
            )),
        },
    }
}

/// Reads a speaker label that may be written as a string or an integer (`"A"`, `0`), or as
/// an object `{"id", "name", "confidence"}` (diarizing Whisper pipelines): the object's
/// `name` when it has one, else its `id`. `Ok(None)` when absent or `null`, `Err` for other
/// types.
pub(crate) fn label_field(node: &Node, key: &str) -> Result<Option<String>, String> {
    match node.field(key) {
        None => Ok(None),
        Some(n) => match n.value {
            Value::String(s) => Ok(Some(s.trim().to_string()).filter(|s| !s.is_empty())),
            Value::Number(num) if num.is_u64() || num.is_i64() => Ok(Some(num.to_string())),
            Value::Object(_) => {
                for member in ["name", "id"] {
                    if let Some(label) = label_field(&n, member)? {
                        return Ok(Some(label));
                    }
                }
                Err(format!(
                    "{}: a speaker object needs a `name` or an `id`",
                    n.path()
                ))
            }
            other => Err(format!(
                "{}: expected a speaker label (string, integer or {{id, name}} object), found {}",
                n.path(),
                found(other)
            )),
        },
    }
}

/// Warns that a record is unusable: `problem; <what> skipped`.
pub(crate) fn skip(diags: &mut Diagnostics, line: usize, problem: &str, what: &str) {
    diags.warn(line, format!("{problem}; {what} skipped"));
}

/// Counts the records (segments, words, items) a reader used and skipped.
///
/// When the dialect was forced and *every* record was unusable, the file plainly is not in
/// that dialect: [`Records::check`] rejects it, naming the first problem's path, instead of
/// returning an empty transcript. (A detected dialect matched by shape, so bad records there
/// stay warnings.)
#[derive(Debug, Default)]
pub(crate) struct Records {
    read: usize,
    skipped: usize,
    first: Option<(usize, String, &'static str)>,
}

impl Records {
    /// Counts one record read.
    pub(crate) fn read(&mut self) {
        self.read += 1;
    }

    /// Warns that a record is unusable (`problem; <what> skipped`) and counts it.
    pub(crate) fn skip(
        &mut self,
        diags: &mut Diagnostics,
        line: usize,
        problem: &str,
        what: &'static str,
    ) {
        skip(diags, line, problem, what);
        self.skipped += 1;
        if self.first.is_none() {
            self.first = Some((line, problem.to_string(), what));
        }
    }

    /// Rejects the file when records were found but none was usable.
    pub(crate) fn check(&self, dialect: Dialect) -> Result<(), Diagnostic> {
        match &self.first {
            Some((line, problem, what)) if self.read == 0 => {
                let count = if self.skipped == 1 {
                    format!("its only {what} was skipped")
                } else {
                    format!("all {} {what}s were skipped", self.skipped)
                };
                Err(Diagnostic::error(
                    Some(*line),
                    format!(
                        "{problem}; {count}: this does not fit {} JSON; file rejected",
                        dialect.name()
                    ),
                ))
            }
            _ => Ok(()),
        }
    }
}

/// The tally label for segments dropped because they have no words.
const EMPTY_TEXT: &str = "segments without text (skipped)";

/// Appends a segment unless its text is blank (blank ones are tallied, not kept: they
/// would count as speech without a word).
pub(crate) fn push_segment(out: &mut Vec<RawSegment>, seg: RawSegment, diags: &mut Diagnostics) {
    if seg.text.trim().is_empty() {
        diags.tally(EMPTY_TEXT, seg.line);
    } else {
        out.push(seg);
    }
}

/// Wraps finished segments into a [`Parsed`], warning when there are none.
pub(crate) fn finish(
    dialect: Dialect,
    segments: Vec<RawSegment>,
    line: usize,
    diags: &mut Diagnostics,
) -> Parsed {
    if segments.is_empty() {
        diags.warn(line, "no segments: the transcript is empty");
    }
    Parsed {
        segments,
        anonymous_speakers: false,
        has_text: true,
        format: dialect.format(),
        chat: None,
        attendees: Vec::new(),
    }
}

// ---------------------------------------------------------------------------------------
// Word-level dialects: words → segments.
// ---------------------------------------------------------------------------------------

/// One recognised word (with any punctuation attached), as Deepgram, AssemblyAI and AWS
/// Transcribe list them.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Word {
    /// The speaker, when the service diarised.
    pub speaker: Option<String>,
    /// The word's time.
    pub span: Option<Span>,
    /// The word, punctuation included.
    pub text: String,
    /// Line of the word's object.
    pub line: usize,
    /// Words of one speaker are joined only while this stays the same (a sentence number,
    /// or a diarisation segment number).
    pub group: usize,
}

/// Joins runs of consecutive words with the same speaker and group into segments: text
/// joined by single spaces, span from the earliest start to the latest end, line of the
/// first word.
pub(crate) fn group_words(words: Vec<Word>) -> Vec<RawSegment> {
    let mut out: Vec<RawSegment> = Vec::new();
    let mut key: Option<(Option<String>, usize)> = None;
    for w in words {
        let text = w.text.trim();
        if text.is_empty() {
            continue;
        }
        let k = (w.speaker, w.group);
        if let (Some(prev), Some(seg)) = (&key, out.last_mut())
            && *prev == k
        {
            seg.text.push(' ');
            let from = seg.text.len();
            seg.text.push_str(text);
            push_word(&mut seg.words, w.span, from..seg.text.len());
            seg.span = match (seg.span, w.span) {
                (Some(a), Some(b)) => Some(Span::new(a.start.min(b.start), a.end.max(b.end))),
                (a, b) => a.or(b),
            };
            continue;
        }
        let mut words = Some(Vec::new());
        push_word(&mut words, w.span, 0..text.len());
        out.push(RawSegment {
            speaker: k.0.clone(),
            span: w.span,
            text: text.to_string(),
            line: w.line,
            words,
        });
        key = Some(k);
    }
    out
}

/// Adds one word's time to a segment's word list; a word without a time (AWS punctuation
/// items have none) is skipped, since its neighbours place it.
fn push_word(words: &mut Option<Vec<WordTime>>, span: Option<Span>, range: std::ops::Range<usize>) {
    if let (Some(list), Some(sp)) = (words.as_mut(), span) {
        list.push(WordTime {
            start: sp.start,
            end: sp.end,
            range,
        });
    }
}

/// The word times of an utterance whose `words` array the service also gave (Deepgram,
/// AssemblyAI): each word is found, in order, in the utterance's text. `None` when the
/// array is absent or a word cannot be found in the text: the position of another speaker's
/// start is then estimated from the characters instead (see `metrics::interruptions`).
pub(crate) fn utterance_words(
    utt: &Node,
    text: &str,
    word: impl Fn(&Node, &mut Diagnostics) -> Result<Word, String>,
) -> Option<Vec<WordTime>> {
    let list = utt.field("words")?;
    if list.len() == 0 {
        return None;
    }
    // The words' own diagnostics are not reported: the utterance carries the segment, and a
    // word that cannot be read only means no word times.
    let mut scratch = Diagnostics::new();
    let mut words = Vec::with_capacity(list.len());
    for node in list.elements() {
        let w = word(&node, &mut scratch).ok()?;
        words.push((w.text, w.span?));
    }
    align_words(text, &words)
}

/// Places timed words, in order, in a segment's text (each word found after the previous
/// one): their byte ranges, for [`WordTime`]. `None` when a word is not found (the text was
/// rewritten, or the words belong to another text).
pub(crate) fn align_words<S: AsRef<str>>(text: &str, words: &[(S, Span)]) -> Option<Vec<WordTime>> {
    let mut out = Vec::with_capacity(words.len());
    let mut cursor = 0;
    for (w, sp) in words {
        let needle = w.as_ref().trim();
        if needle.is_empty() {
            continue;
        }
        let at = cursor + text.get(cursor..)?.find(needle)?;
        cursor = at + needle.len();
        out.push(WordTime {
            start: sp.start,
            end: sp.end,
            range: at..cursor,
        });
    }
    (!out.is_empty()).then_some(out)
}

/// True when a word ends a sentence (`.`, `?`, `!`, `…`, possibly followed by a closing
/// quote or bracket).
pub(crate) fn ends_sentence(word: &str) -> bool {
    let trimmed = word.trim_end_matches(['"', '\'', '”', '’', ')', ']']);
    trimmed.ends_with(['.', '?', '!', '…'])
}

/// Numbers the sentences of speakerless words (a new group after each sentence end), so
/// [`group_words`] makes one segment per sentence instead of one for the whole recording.
pub(crate) fn number_sentences(words: &mut [Word]) {
    let mut group = 0;
    for w in words {
        w.group = group;
        if ends_sentence(&w.text) {
            group += 1;
        }
    }
}

#[cfg(test)]
pub(crate) mod testutil {
    //! Helpers for the dialect tests.

    use super::*;
    use std::path::{Path, PathBuf};

    /// Parses `text` and returns the result with the finished diagnostics.
    pub(crate) fn run(
        text: &str,
        forced: Option<InputFormat>,
    ) -> (Result<Vec<Parsed>, Diagnostic>, Vec<Diagnostic>) {
        let mut diags = Diagnostics::new();
        let r = parse(text, forced, &mut diags);
        (r, diags.finish())
    }

    /// Parses `text`, which must yield exactly one transcript.
    pub(crate) fn one(text: &str, forced: Option<InputFormat>) -> (Parsed, Vec<Diagnostic>) {
        let (r, d) = run(text, forced);
        let mut v = r.unwrap_or_else(|e| panic!("rejected: {e:?}"));
        assert_eq!(v.len(), 1, "expected one transcript");
        (v.remove(0), d)
    }

    /// A segment for comparisons.
    pub(crate) fn seg(speaker: Option<&str>, span: Option<(u64, u64)>, text: &str) -> RawSegment {
        RawSegment {
            speaker: speaker.map(str::to_string),
            span: span.map(|(s, e)| Span::new(s, e)),
            text: text.to_string(),
            line: 0,
            words: None,
        }
    }

    /// Segments with lines zeroed and word times dropped, for comparisons that do not care
    /// about them (word times have their own tests).
    pub(crate) fn no_lines(segs: &[RawSegment]) -> Vec<RawSegment> {
        segs.iter()
            .cloned()
            .map(|s| RawSegment {
                line: 0,
                words: None,
                ..s
            })
            .collect()
    }

    /// True when some diagnostic's message contains all of `parts`.
    pub(crate) fn has_diag(diags: &[Diagnostic], parts: &[&str]) -> bool {
        diags
            .iter()
            .any(|d| parts.iter().all(|p| d.message.contains(p)))
    }

    /// The shared corpus directory, or `None` (test skipped) when it is absent; with
    /// `TURNSTAT_REQUIRE_CORPUS=1` an absent corpus fails the test instead.
    pub(crate) fn corpus_dir() -> Option<PathBuf> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
        if dir.is_dir() {
            return Some(dir);
        }
        if std::env::var("TURNSTAT_REQUIRE_CORPUS").as_deref() == Ok("1") {
            panic!(
                "corpus not found at {} but TURNSTAT_REQUIRE_CORPUS=1",
                dir.display()
            );
        }
        eprintln!("skipping: corpus not found at {}", dir.display());
        None
    }

    /// Reads a corpus file (path relative to the corpus directory), or `None` when the
    /// corpus is absent.
    pub(crate) fn corpus(rel: &str) -> Option<String> {
        let path = corpus_dir()?.join(rel);
        Some(
            std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display())),
        )
    }

    /// Parses a corpus file with detection, asserting the dialect's format string.
    pub(crate) fn corpus_one(rel: &str, format: &str) -> Option<(Parsed, Vec<Diagnostic>)> {
        let text = corpus(rel)?;
        let (p, d) = one(&text, None);
        assert_eq!(p.format, format, "{rel}");
        Some((p, d))
    }

    /// The distinct speakers of some segments, in order of first appearance.
    pub(crate) fn speakers(segs: &[RawSegment]) -> Vec<Option<String>> {
        let mut out: Vec<Option<String>> = Vec::new();
        for s in segs {
            if !out.contains(&s.speaker) {
                out.push(s.speaker.clone());
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::testutil::*;
    use super::*;
    use crate::diag::Severity;

    fn dialect_of(text: &str) -> Option<Dialect> {
        detect(&serde_json::from_str::<Value>(text).expect("valid JSON"))
    }

    #[test]
    fn detects_each_dialect_by_shape() {
        let cases = [
            (
                r#"{"schema":"turnstat.turns.v1","transcripts":[]}"#,
                Some(Dialect::Turnstat),
            ),
            (
                r#"{"metadata":{},"results":{"channels":[]}}"#,
                Some(Dialect::Deepgram),
            ),
            (
                r#"{"metadata":{},"results":{"utterances":[]}}"#,
                Some(Dialect::Deepgram),
            ),
            (
                r#"{"jobName":"x","results":{"items":[]}}"#,
                Some(Dialect::AwsTranscribe),
            ),
            (r#"{"results":{"items":[]}}"#, Some(Dialect::AwsTranscribe)),
            (
                r#"{"utterances":null,"text":"hi"}"#,
                Some(Dialect::AssemblyAi),
            ),
            (
                r#"{"words":[],"audio_url":"http://x"}"#,
                Some(Dialect::AssemblyAi),
            ),
            (r#"{"monologues":[]}"#, Some(Dialect::RevAi)),
            (
                r#"{"version":"1.0.0","segments":[{"startTime":0,"endTime":1,"body":"a"}]}"#,
                Some(Dialect::Podcast),
            ),
            (
                r#"{"version":"1.0.0","segments":[]}"#,
                Some(Dialect::Podcast),
            ),
            (
                r#"{"text":"","segments":[],"language":"en"}"#,
                Some(Dialect::Whisper),
            ),
            (
                r#"{"segments":[{"start":0,"end":1,"text":"a"}]}"#,
                Some(Dialect::Whisper),
            ),
            (r#"{"segments":[{"text":"a"}]}"#, None),
            (
                r#"{"jobName":"x","status":"IN_PROGRESS"}"#,
                Some(Dialect::AwsTranscribe),
            ),
            (r#"{"foo":1}"#, None),
            (r#"[1,2]"#, None),
            (r#""just a string""#, None),
        ];
        for (text, want) in cases {
            assert_eq!(dialect_of(text), want, "{text}");
        }
    }

    #[test]
    fn no_dialect_is_rejected_with_keys_hint() {
        let (r, _) = run(r#"{"foo": 1, "bar": [2]}"#, None);
        let e = r.expect_err("rejected");
        assert_eq!(e.severity, Severity::Error);
        assert!(
            e.message
                .starts_with("JSON does not match any supported transcript dialect")
        );
        assert!(e.message.contains("`bar`, `foo`"), "{}", e.message);
        let (r, _) = run("[1, 2]", None);
        assert!(
            r.expect_err("rejected")
                .message
                .contains("the top level is an array")
        );
    }

    #[test]
    fn syntax_error_has_line_and_character_column() {
        let (r, _) = run("{\n  \"segments\": [\n    {\"é\": 1,, }\n  ]\n}", None);
        let e = r.expect_err("rejected");
        assert_eq!(e.line, Some(3));
        // `    {"é": 1,,` — the second comma is the 13th character (14th byte).
        assert_eq!(e.column, Some(13), "{e:?}");
        assert!(e.message.starts_with("invalid JSON: "), "{}", e.message);
        assert!(!e.message.contains("at line"), "{}", e.message);
    }

    #[test]
    fn truncated_and_empty_inputs_are_rejected() {
        let (r, _) = run("{\"segments\": [", None);
        assert!(r.expect_err("rejected").message.contains("ends too early"));
        let (r, _) = run("  \n", None);
        assert!(r.expect_err("rejected").message.contains("empty input"));
    }

    #[test]
    fn deep_nesting_is_a_clean_error() {
        let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let (r, _) = run(&text, None);
        let e = r.expect_err("rejected");
        assert!(e.message.contains("nested too deeply"), "{}", e.message);
    }

    #[test]
    fn bom_is_ignored() {
        let (p, _) = one(
            "\u{feff}{\"segments\":[{\"start\":0,\"end\":1,\"text\":\"hi\"}]}",
            None,
        );
        assert_eq!(p.segments.len(), 1);
    }

    #[test]
    fn positions_follow_lines() {
        let text = "{\n \"a\": [\n  {\"x\": 1},\n\n  {\"x\": \"s\\\"\\n{\"},\n  [\n   2\n  ]\n ],\n \"b\": {}\n}";
        let value: Value = serde_json::from_str(text).expect("valid");
        let pos = Pos::scan(text);
        let root = Node::root(&value, &pos);
        let a = root.get("a").expect("a");
        assert_eq!(a.line(), 2);
        let lines: Vec<usize> = a.elements().map(|n| n.line()).collect();
        assert_eq!(lines, vec![3, 5, 6]);
        let paths: Vec<String> = a.elements().map(|n| n.path().to_string()).collect();
        assert_eq!(paths, vec!["a[0]", "a[1]", "a[2]"]);
        assert_eq!(root.get("b").expect("b").line(), 10);
        // A scalar member reports its container's line.
        let x = a.elements().nth(1).and_then(|n| n.get("x")).expect("x");
        assert_eq!((x.line(), x.path()), (5, "a[1].x"));
        assert_eq!(root.path(), "(top level)");
    }

    fn time_of(json: &str, unit: Unit) -> (Result<Option<u64>, String>, Vec<Diagnostic>) {
        let value: Value = serde_json::from_str(json).expect("valid");
        let pos = Pos::scan(json);
        let root = Node::root(&value, &pos);
        let mut d = Diagnostics::new();
        let r = time_ms(&root, "t", unit, StringTimes::Tally, &mut d);
        (r, d.finish())
    }

    #[test]
    fn times_are_rounded_checked_and_strings_tallied() {
        assert_eq!(time_of(r#"{"t": 0.3}"#, Unit::Seconds).0, Ok(Some(300)));
        assert_eq!(
            time_of(r#"{"t": 12.565001}"#, Unit::Seconds).0,
            Ok(Some(12565))
        );
        assert_eq!(time_of(r#"{"t": 1.0005}"#, Unit::Seconds).0, Ok(Some(1001)));
        assert_eq!(time_of(r#"{"t": 170}"#, Unit::Millis).0, Ok(Some(170)));
        assert_eq!(time_of(r#"{"t": null}"#, Unit::Seconds).0, Ok(None));
        assert_eq!(time_of(r#"{}"#, Unit::Seconds).0, Ok(None));
        let (r, d) = time_of(r#"{"t": " 1.25 "}"#, Unit::Seconds);
        assert_eq!(r, Ok(Some(1250)));
        assert!(has_diag(&d, &["times given as strings"]));
        for bad in [
            r#"{"t": "abc"}"#,
            r#"{"t": "NaN"}"#,
            r#"{"t": "inf"}"#,
            r#"{"t": "1e400"}"#,
            r#"{"t": -0.5}"#,
            r#"{"t": 1e300}"#,
            r#"{"t": 18446744073709551615}"#,
            r#"{"t": true}"#,
            r#"{"t": [1]}"#,
        ] {
            let (r, _) = time_of(bad, Unit::Seconds);
            let e = r.expect_err(bad);
            assert!(e.starts_with("t: "), "{e}");
        }
        assert_eq!(
            time_of(r#"{"t": "abc"}"#, Unit::Seconds).0,
            Err("t: expected a number, found \"abc\"".to_string())
        );
    }

    #[test]
    fn words_group_by_speaker_and_group() {
        let w = |speaker: Option<&str>, s: u64, e: u64, text: &str, group: usize| Word {
            speaker: speaker.map(str::to_string),
            span: Some(Span::new(s, e)),
            text: text.to_string(),
            line: 0,
            group,
        };
        let segs = group_words(vec![
            w(Some("A"), 0, 10, "Hi", 0),
            w(Some("A"), 10, 20, "there.", 0),
            w(Some("B"), 25, 30, "Yes", 0),
            w(Some("B"), 30, 40, "", 0),
            w(Some("B"), 40, 50, "no", 1),
            w(Some("A"), 50, 60, "ok", 1),
        ]);
        assert_eq!(
            no_lines(&segs),
            vec![
                seg(Some("A"), Some((0, 20)), "Hi there."),
                seg(Some("B"), Some((25, 30)), "Yes"),
                seg(Some("B"), Some((40, 50)), "no"),
                seg(Some("A"), Some((50, 60)), "ok"),
            ]
        );
        let mut words = vec![
            w(None, 0, 1, "One.", 0),
            w(None, 1, 2, "Two", 0),
            w(None, 2, 3, "three?\"", 0),
            w(None, 3, 4, "Four", 0),
        ];
        number_sentences(&mut words);
        let groups: Vec<usize> = words.iter().map(|w| w.group).collect();
        assert_eq!(groups, vec![0, 1, 1, 2]);
    }

    #[test]
    fn grouped_words_keep_their_times_and_ranges() {
        let w = |start: u64, end: Option<u64>, text: &str| Word {
            speaker: Some("A".into()),
            span: end.map(|e| Span::new(start, e)),
            text: text.into(),
            line: 0,
            group: 0,
        };
        let segs = group_words(vec![
            w(0, Some(10), "Hi"),
            w(10, Some(20), "there"),
            w(20, None, ","),
            w(30, Some(40), "you."),
        ]);
        assert_eq!(segs.len(), 1);
        let s = &segs[0];
        assert_eq!(s.text, "Hi there , you.");
        let words = s.words.as_ref().unwrap();
        let got: Vec<(u64, &str)> = words
            .iter()
            .map(|x| (x.start, &s.text[x.range.clone()]))
            .collect();
        // The untimed punctuation item has no entry; its neighbours place it.
        assert_eq!(got, vec![(0, "Hi"), (10, "there"), (30, "you.")]);
    }

    #[test]
    fn forced_dialect_that_does_not_fit_names_the_path() {
        let whisper = r#"{"segments":[{"start":0,"end":1,"text":"a"}]}"#;
        let (r, _) = run(whisper, Some(InputFormat::Deepgram));
        let e = r.expect_err("rejected");
        assert!(e.message.starts_with("results: missing"), "{}", e.message);
        let (r, _) = run(
            r#"{"results": {"items": 3}}"#,
            Some(InputFormat::AwsTranscribe),
        );
        let e = r.expect_err("rejected");
        assert_eq!(
            e.message,
            "results.items: expected an array, found 3; file rejected"
        );
        let (r, _) = run("[]", Some(InputFormat::Revai));
        assert!(
            r.expect_err("rejected")
                .message
                .contains("expected an object, found an array")
        );
        // `json` means detect.
        let (p, _) = one(whisper, Some(InputFormat::Json));
        assert_eq!(p.format, "json/whisper");
    }

    #[test]
    fn forced_dialect_with_no_usable_record_is_rejected() {
        let podcast = r#"{"version":"1.0.0","segments":[
            {"speaker":"A","startTime":0,"endTime":1,"body":"a"},
            {"speaker":"A","startTime":1,"endTime":2,"body":"b"}]}"#;
        let (r, d) = run(podcast, Some(InputFormat::Whisper));
        let e = r.expect_err("rejected");
        assert_eq!(
            e.message,
            "segments[0].start: missing start time; all 2 segments were skipped: this does not \
             fit Whisper JSON; file rejected"
        );
        assert_eq!(e.line, Some(2));
        assert!(has_diag(
            &d,
            &["segments[1].start: missing start time; segment skipped"]
        ));
        // Detected by shape, the same problems are only warnings.
        let bad = r#"{"segments":[{"start":"abc","end":1,"text":"a"}]}"#;
        let (p, d) = one(bad, None);
        assert!(p.segments.is_empty());
        assert!(has_diag(
            &d,
            &["segments[0].start: expected a number, found \"abc\"; segment skipped"]
        ));
        let (r, _) = run(bad, Some(InputFormat::Whisper));
        assert!(
            r.expect_err("rejected")
                .message
                .contains("its only segment was skipped")
        );
        // One bad record among good ones is a warning even when forced.
        let mixed = r#"{"metadata":{},"results":{"utterances":[
            {"start":0,"end":1,"transcript":"a"},{"start":"abc","end":1,"transcript":"b"}]}}"#;
        let (p, d) = one(mixed, Some(InputFormat::Deepgram));
        assert_eq!(p.segments.len(), 1);
        assert!(has_diag(
            &d,
            &["results.utterances[1].start: expected a number, found \"abc\""]
        ));
    }

    #[test]
    fn every_corpus_json_file_parses() {
        let Some(dir) = corpus_dir() else { return };
        let mut seen = 0;
        for sub in ["stt-json", "podcast"] {
            let entries = std::fs::read_dir(dir.join(sub)).expect("corpus folder");
            for entry in entries {
                let path = entry.expect("entry").path();
                if path.extension().is_none_or(|e| e != "json") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).expect("readable");
                let (r, d) = run(&text, None);
                let parsed = r.unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
                assert_eq!(parsed.len(), 1, "{}", path.display());
                assert!(!parsed[0].segments.is_empty(), "{}", path.display());
                assert!(
                    d.iter().all(|d| d.severity == Severity::Warning),
                    "{}: {d:?}",
                    path.display()
                );
                seen += 1;
            }
        }
        assert_eq!(seen, 14, "JSON files in stt-json/ and podcast/");
    }
}
