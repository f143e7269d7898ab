//! Runs the ingest step over many inputs in parallel, returning results in input order.

use crate::diag::Diagnostic;
use crate::discover::Input;
use crate::ingest::{self, IngestOptions, Rejected};
use crate::model::Transcript;

use rayon::prelude::*;
use std::io::Read;

/// The result of reading one input.
pub type FileOutcome = Result<Vec<Transcript>, Rejected>;

/// Reads one input (file or stdin) and ingests it, with its paired chat if any. I/O
/// failures become a rejection.
pub fn load_input(input: &Input, stdin: Option<&[u8]>, opts: &IngestOptions) -> FileOutcome {
    let source = input.display();
    let bytes = match input.path() {
        None => Ok(stdin.unwrap_or_default().to_vec()),
        Some(p) => std::fs::read(p),
    };
    match bytes {
        Ok(b) => {
            let mut ts = ingest::load_owned(&source, b, opts)?;
            if let Some(chat) = input.chat() {
                attach_chat(&mut ts, chat);
            }
            Ok(ts)
        }
        Err(e) => Err(Rejected {
            source,
            diagnostics: vec![Diagnostic::error(
                None,
                format!("cannot read file: {e}; file rejected"),
            )],
        }),
    }
}

/// Reads a paired chat file and attaches it to the meeting's transcript(s). A chat that
/// cannot be read or is not a chat costs the meeting its chat, never its report: a warning
/// names the chat file, the line and the problem.
fn attach_chat(ts: &mut [Transcript], chat: &std::path::Path) {
    let name = chat.display().to_string();
    let mut diags = crate::diag::Diagnostics::new();
    let parsed = std::fs::read(chat)
        .map_err(|e| crate::diag::Diagnostic::warning(None, format!("cannot read file: {e}")))
        .and_then(|b| {
            let text = ingest::decode::decode(&b, &mut diags);
            crate::chat::parse(&name, &text)
        });
    let mut notes: Vec<Diagnostic> = diags.finish();
    let log = match parsed {
        Ok(mut log) => {
            notes.append(&mut log.diagnostics);
            Some(log)
        }
        Err(d) => {
            notes.push(Diagnostic {
                message: format!("{}; the chat is left out", d.message),
                ..d
            });
            None
        }
    };
    for t in ts.iter_mut() {
        for d in &notes {
            t.diagnostics.push(crate::chat::foreign(&name, d));
        }
        t.chat = log.clone();
    }
}

/// Reads standard input once when `-` is among the inputs.
pub fn read_stdin_if_needed(inputs: &[Input]) -> Option<Vec<u8>> {
    inputs.contains(&Input::Stdin).then(|| {
        let mut buf = Vec::new();
        // A failed read is an empty input, reported by the parser like any empty file.
        let _ = std::io::stdin().read_to_end(&mut buf);
        buf
    })
}

/// Reads all inputs in parallel (rayon); the output order is the input order.
pub fn load_all(inputs: &[Input], opts: &IngestOptions) -> Vec<FileOutcome> {
    let stdin = read_stdin_if_needed(inputs);
    inputs
        .par_iter()
        .map(|i| load_input(i, stdin.as_deref(), opts))
        .collect()
}
