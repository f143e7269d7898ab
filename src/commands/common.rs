//! What the commands share: the diagnostic printer (`Messages`, and [`Sink`] for the team
//! report), the expansion of input paths, error entries, writing stdout, the table width,
//! and the files written per meeting with `--out`.

use crate::cli::InputArgs;
use crate::diag::{Diagnostic, Severity};
use crate::discover::{self, DiscoverError, Input};
use crate::ingest::Rejected;
use crate::render;
use crate::report::{ErrorEntry, MeetingReport, Report};
use crate::settings::UsageError;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Writes diagnostics to stderr, with optional colour.
pub(crate) struct Messages {
    pub(crate) color: bool,
    pub(crate) quiet: bool,
}

impl Messages {
    pub(crate) fn diag(&self, source: &str, d: &Diagnostic) {
        if self.quiet && d.severity == Severity::Warning {
            return;
        }
        // File names and messages may carry control characters: make them inert first.
        let mut line = crate::render::inert(&format!("turnstat: {}", d.display_with(source)));
        if self.color {
            let (word, code) = match d.severity {
                Severity::Warning => ("warning:", "33"),
                Severity::Error => ("error:", "31"),
            };
            line = line.replacen(word, &format!("\x1b[{code}m{word}\x1b[0m"), 1);
        }
        eprintln!("{line}");
    }

    pub(crate) fn error(&self, text: &str) {
        if self.color {
            eprintln!(
                "turnstat: \x1b[31merror:\x1b[0m {}",
                crate::render::inert(text)
            );
        } else {
            eprintln!("turnstat: error: {}", crate::render::inert(text));
        }
    }
}

/// What the team report needs to print diagnostics.
pub struct Sink {
    color: bool,
    quiet: bool,
}

impl Messages {
    pub(crate) fn as_sink(&self) -> Sink {
        Sink {
            color: self.color,
            quiet: self.quiet,
        }
    }
}

impl Sink {
    /// Prints one diagnostic of `source`.
    pub fn diag(&self, source: &str, d: &Diagnostic) {
        Messages {
            color: self.color,
            quiet: self.quiet,
        }
        .diag(source, d);
    }

    /// Prints an error line.
    pub fn error(&self, text: &str) {
        Messages {
            color: self.color,
            quiet: self.quiet,
        }
        .error(text);
    }

    /// Whether progress may be shown.
    pub fn progress(&self) -> bool {
        !self.quiet && std::io::stderr().is_terminal()
    }
}

/// Expands paths and pairs chats with transcripts (`--chat`, `--no-chat`, see
/// [`discover::pair`]), failing with a usage error when nothing is found.
pub fn expand(args: &InputArgs) -> Result<(Vec<Input>, Vec<DiscoverError>), UsageError> {
    let (mut inputs, errors) = discover::expand(&args.paths);
    if inputs.is_empty() && errors.is_empty() {
        return Err(UsageError(
            "no transcript files found in the given paths".into(),
        ));
    }
    if let Some(chat) = &args.chat {
        inputs.retain(|i| i.path() != Some(chat.as_path()));
        let [Input::File(t)] = inputs.as_slice() else {
            return Err(UsageError(format!(
                "--chat {} needs exactly one transcript file, and {} inputs were given",
                chat.display(),
                inputs.len()
            )));
        };
        if !chat.is_file() {
            return Err(UsageError(format!(
                "--chat {}: no such file",
                chat.display()
            )));
        }
        inputs = vec![Input::Paired {
            transcript: t.clone(),
            chat: chat.clone(),
        }];
    } else if args.no_chat {
        // Chat files found by walking a folder are left out; one named on the command line
        // is still read (alone).
        inputs.retain(|i| {
            i.path()
                .is_none_or(|p| !discover::is_chat_file(p) || args.paths.iter().any(|a| a == p))
        });
    } else {
        inputs = discover::pair(inputs);
    }
    Ok((inputs, errors))
}

/// The error entries of rejected inputs and undiscoverable paths.
pub fn error_entries<'a>(
    rejected: impl IntoIterator<Item = &'a Rejected>,
    discover_errors: &[DiscoverError],
) -> Vec<ErrorEntry> {
    rejected
        .into_iter()
        .flat_map(|r| {
            r.diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .map(|d| ErrorEntry {
                    source: r.source.clone(),
                    line: d.line,
                    message: d.message.clone(),
                })
        })
        .chain(discover_errors.iter().map(|e| ErrorEntry {
            source: e.path.clone(),
            line: None,
            message: e.message.clone(),
        }))
        .collect()
}

pub(crate) fn write_stdout(s: &str) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    lock.write_all(s.as_bytes())?;
    lock.flush()?;
    Ok(())
}

/// How far (in inputs) analysis may run ahead of the consumer, which writes results in input
/// order and drops them, so memory does not grow with the batch (see [`crate::ordered`]): 8,
/// or 4 with `--out`, where each input in flight also holds its rendered files (HTML with
/// timelines, the private reports) and a narrower window keeps both cores busy at half the
/// memory.
pub(crate) fn window(out: bool) -> usize {
    if out { 4 } else { 8 }
}

/// One meeting's files, rendered: `report.json`, `summary.md`, `report.html` and per speaker
/// `speakers/<slug>.md` and `.html` (none for [`crate::speakers::is_unnamed`] labels), as
/// paths relative to the meeting's directory, in the order they are written. Rendered by the
/// workers, written by the consumer ([`write_files`]) into a directory it names in input
/// order.
pub fn meeting_files(m: &MeetingReport, show_names: bool) -> Vec<(PathBuf, String)> {
    let one = Report {
        schema: crate::report::SCHEMA,
        tool: crate::report::Tool::default(),
        meetings: vec![m.clone()],
        errors: Vec::new(),
    };
    let mut files = vec![
        (PathBuf::from("report.json"), render::report::json(&one)),
        (PathBuf::from("summary.md"), render::markdown::meeting(m)),
        (
            PathBuf::from("report.html"),
            render::html::meeting_html(m, &m.turn_bars),
        ),
    ];
    let names: Vec<&str> = m.speakers.iter().map(|s| s.name.as_str()).collect();
    let slugs = render::speaker::unique_slugs(&names);
    let opts = render::speaker::SpeakerOptions {
        show_other_names: show_names,
    };
    let reports = render::speaker::SpeakerReports::new(m, opts);
    for (i, slug) in slugs.iter().enumerate() {
        // Caption change marks (`unidentified 3`) and `unknown speaker` are not people: no
        // private report for them (also keeps `--out` linear in a captioned session with
        // thousands of `>>` changes, each its own label).
        if crate::speakers::is_unnamed(&m.speakers[i].name) {
            continue;
        }
        let text = reports.markdown(i);
        let html = render::html::speaker_html_from(m, i, show_names, &text, &m.turn_bars);
        let dir = Path::new("speakers");
        files.push((dir.join(format!("{slug}.md")), text));
        files.push((dir.join(format!("{slug}.html")), html));
    }
    files
}

/// Writes rendered files ([`meeting_files`]) under `dir`, each atomically, in order; stops
/// at the first failure.
pub fn write_files(dir: &Path, files: &[(PathBuf, String)]) -> std::io::Result<()> {
    for (rel, text) in files {
        crate::output::write_atomic(&dir.join(rel), text.as_bytes())?;
    }
    Ok(())
}

/// The width the tables are fitted to: none with `--wide` (natural width), else
/// [`render::width::table_width`] (`COLUMNS`, then the terminal on stdout).
pub fn table_width(wide: bool) -> Option<u16> {
    if wide {
        None
    } else {
        render::width::table_width()
    }
}
