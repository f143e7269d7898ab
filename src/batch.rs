//! Runs the ingest step over many inputs in parallel, returning results in input order.

use crate::diag::Diagnostic;
use crate::discover::Input;
use crate::ingest::{self, IngestOptions, Rejected};
use crate::model::Transcript;
use rayon::prelude::*;
use std::io::Read;

/// The result of reading one input.
pub type FileOutcome = Result<Vec<Transcript>, Rejected>;

/// Reads one input (file or stdin) and ingests it. I/O failures become a rejection.
pub fn load_input(input: &Input, stdin: Option<&[u8]>, opts: &IngestOptions) -> FileOutcome {
    let source = input.display();
    let bytes = match input {
        Input::Stdin => Ok(stdin.unwrap_or_default().to_vec()),
        Input::File(p) => std::fs::read(p),
    };
    match bytes {
        Ok(b) => ingest::load_owned(&source, b, opts),
        Err(e) => Err(Rejected {
            source,
            diagnostics: vec![Diagnostic::error(
                None,
                format!("cannot read file: {e}; file rejected"),
            )],
        }),
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
