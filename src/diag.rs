//! Diagnostics: every problem found in an input, with its position and what was done about it.
//!
//! A [`Diagnostic`] names the line (and column where it helps), says what is wrong and what
//! turnstat did (cue skipped, file rejected). Warnings never stop a file; an error rejects the
//! file it belongs to and only that file.

use serde::Serialize;
use std::fmt;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input was odd but usable; something may have been skipped or repaired.
    Warning,
    /// The input could not be used; the file is rejected.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One problem in one input file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Warning or error.
    pub severity: Severity,
    /// 1-based line in the input, when the problem has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column (in characters), when it helps.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// What is wrong and what was done, e.g. "`00:0x` is not a timestamp; cue skipped".
    pub message: String,
}

impl Diagnostic {
    /// A warning at `line`.
    pub fn warning(line: Option<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            line,
            column: None,
            message: message.into(),
        }
    }

    /// An error at `line`: the file is rejected.
    pub fn error(line: Option<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            line,
            column: None,
            message: message.into(),
        }
    }

    /// The same diagnostic with a column.
    pub fn at_column(mut self, column: usize) -> Self {
        self.column = Some(column);
        self
    }

    /// Renders `source:line:col: severity: message`, the form editors and CI logs link.
    pub fn display_with<'a>(&'a self, source: &'a str) -> impl fmt::Display + 'a {
        DisplayWith { diag: self, source }
    }
}

struct DisplayWith<'a> {
    diag: &'a Diagnostic,
    source: &'a str,
}

impl fmt::Display for DisplayWith<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.source)?;
        if let Some(line) = self.diag.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.diag.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ": {}: {}", self.diag.severity, self.diag.message)
    }
}

/// Collects the diagnostics of one file while it is parsed.
///
/// Repeated, harmless oddities (lenient timestamps) are counted and reported once per file
/// with the count and the first line, so a 3-hour export does not print 4,000 warnings.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    /// (kind description, first line, count), in order of first appearance.
    tallies: Vec<(&'static str, usize, usize)>,
}

impl Diagnostics {
    /// An empty collector.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a diagnostic.
    pub fn push(&mut self, diag: Diagnostic) {
        self.items.push(diag);
    }

    /// Records a warning at `line`.
    pub fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.items.push(Diagnostic::warning(Some(line), message));
    }

    /// Counts one occurrence of a repeated oddity; reported once by [`Diagnostics::finish`].
    pub fn tally(&mut self, kind: &'static str, line: usize) {
        if let Some(t) = self.tallies.iter_mut().find(|t| t.0 == kind) {
            t.2 += 1;
        } else {
            self.tallies.push((kind, line, 1));
        }
    }

    /// True when an error has been recorded.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// The diagnostics, with one summary warning per tallied kind, sorted by line.
    pub fn finish(mut self) -> Vec<Diagnostic> {
        for (kind, line, count) in self.tallies {
            let times = if count == 1 {
                "once".to_string()
            } else {
                format!("{count} times")
            };
            self.items.push(Diagnostic::warning(
                Some(line),
                format!("{kind} ({times} in this file, first here)"),
            ));
        }
        self.items.sort_by_key(|d| d.line.unwrap_or(0));
        self.items
    }
}
