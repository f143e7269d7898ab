//! The command line: clap definitions and the `run` entry point.
//!
//! Exit codes (see [`ExitCode`]): 0 everything read; 1 at least one input was rejected (the
//! rest of the batch still ran and was reported); 2 usage error (bad flags, nothing to read).

use crate::batch;
use crate::discover;
use crate::ingest::{IngestOptions, InputFormat};
use crate::model::Transcript;
use crate::render;
use crate::turns::TurnOptions;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

/// Meeting-transcript analytics: who held the floor, and how.
#[derive(Debug, Parser)]
#[command(name = "turnstat", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read transcripts and print their speaker turns.
    ///
    /// PATHs are files, directories (walked recursively for .vtt, .webvtt, .srt, .json,
    /// .rttm and .txt files) or `-` for standard input. The format is detected from the
    /// content; --input-format overrides it.
    Turns(TurnsArgs),
    /// Measure each meeting: talk time, turn-taking, balance, interruptions, wording.
    ///
    /// One report per transcript, in sorted input order; files are processed in parallel.
    /// Definitions and thresholds: README, section "Metrics".
    Analyze(AnalyzeArgs),
}

fn parse_category(s: &str) -> Result<crate::inclusive::Category, String> {
    crate::inclusive::Category::ALL
        .into_iter()
        .find(|c| c.as_str() == s)
        .ok_or_else(|| {
            let all: Vec<&str> = crate::inclusive::Category::ALL
                .iter()
                .map(|c| c.as_str())
                .collect();
            format!("unknown category `{s}` (one of: {})", all.join(", "))
        })
}

fn parse_severity(s: &str) -> Result<crate::inclusive::Severity, String> {
    use crate::inclusive::Severity as S;
    [S::Low, S::Medium, S::High]
        .into_iter()
        .find(|x| x.as_str() == s)
        .ok_or_else(|| format!("unknown severity `{s}` (one of: low, medium, high)"))
}

/// Inclusive-language options shared by the commands that report findings.
#[derive(Debug, clap::Args)]
pub struct LanguageArgs {
    /// A directory of lexicon `*.toml` files merged over the built-in ones by entry id
    /// (repeatable): `enabled = false` silences an entry, new ids add terms.
    #[arg(long = "lexicon", value_name = "DIR")]
    pub lexicon_dirs: Vec<PathBuf>,
    /// A phrase whose findings are never reported, e.g. "scrum master" (repeatable).
    #[arg(long = "allow", value_name = "PHRASE")]
    pub allow: Vec<String>,
    /// Report only findings of at least this severity: low, medium, high.
    #[arg(long, value_parser = parse_severity, default_value = "low")]
    pub min_severity: crate::inclusive::Severity,
    /// Report only these categories (repeatable; default all): gender, race-ethnicity,
    /// disability, age, lgbtq, religion, class-body.
    #[arg(long = "category", value_parser = parse_category, value_name = "CATEGORY")]
    pub categories: Vec<crate::inclusive::Category>,
}

impl LanguageArgs {
    /// The matcher options.
    pub fn options(&self) -> crate::inclusive::Options {
        crate::inclusive::Options {
            min_severity: self.min_severity,
            categories: self.categories.clone(),
            allow: self.allow.clone(),
        }
    }

    /// The lexicon: the built-in one, or merged with the user's directories.
    pub fn lexicon(&self) -> Result<Option<std::sync::Arc<crate::inclusive::Lexicon>>, UsageError> {
        if self.lexicon_dirs.is_empty() {
            return Ok(None);
        }
        crate::inclusive::Lexicon::with_dirs(&self.lexicon_dirs)
            .map(|l| Some(std::sync::Arc::new(l)))
            .map_err(|e| UsageError(e.to_string()))
    }
}

/// Output formats of `analyze`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A summary and tables per meeting.
    Table,
    /// The complete `turnstat.report.v1` model.
    Json,
}

/// Arguments of `turnstat analyze`.
#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {
    /// Inputs and reading options.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
    /// An expected attendee (repeatable): equality is also computed over the roster, with
    /// attendees who never spoke counted as zero.
    #[arg(long = "attendee", value_name = "NAME")]
    pub attendees: Vec<String>,
    /// Terminal-overlap window: an overlap that ends within this time of the start is not an
    /// interruption (seconds).
    #[arg(long, default_value_t = 0.5, value_name = "SECONDS")]
    pub terminal_overlap: f64,
    /// The interrupted speaker must stop within this time after the newcomer starts
    /// (seconds).
    #[arg(long, default_value_t = 2.0, value_name = "SECONDS")]
    pub yield_window: f64,
    /// Longest backchannel (seconds).
    #[arg(long, default_value_t = 2.0, value_name = "SECONDS")]
    pub backchannel_max: f64,
    /// Largest gap for an inferred interruption in serialised exports (seconds).
    #[arg(long, default_value_t = 0.5, value_name = "SECONDS")]
    pub inferred_gap: f64,
    /// Inclusive-language options.
    #[command(flatten)]
    pub language: LanguageArgs,
}

/// Options shared by every command that reads transcripts.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Transcript files, directories, or `-` for stdin.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Input format (default: detect from content).
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub input_format: InputFormat,
    /// Longest silence (seconds) inside one turn of the same speaker.
    #[arg(long, default_value_t = 2.0, value_name = "SECONDS")]
    pub max_pause: f64,
    /// Treat warnings as errors (the file is rejected).
    #[arg(long)]
    pub strict: bool,
    /// Do not print warnings (errors are still printed).
    #[arg(long, short)]
    pub quiet: bool,
}

/// Output formats of `turns`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TurnsFormat {
    /// A table per transcript.
    Table,
    /// `turnstat.turns.v1` JSON (reads back with `--input-format turnstat`).
    Json,
    /// One row per turn.
    Csv,
}

/// Arguments of `turnstat turns`.
#[derive(Debug, clap::Args)]
pub struct TurnsArgs {
    /// Inputs and reading options.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = TurnsFormat::Table)]
    pub format: TurnsFormat,
}

/// The process exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitCode {
    /// Everything was read.
    Ok = 0,
    /// At least one input was rejected.
    InputRejected = 1,
    /// Usage error.
    Usage = 2,
}

/// A usage problem found after clap's parsing (e.g. a bad value range).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

impl InputArgs {
    /// Validates and resolves the reading options.
    pub fn options(&self) -> Result<IngestOptions, UsageError> {
        if !self.max_pause.is_finite() || self.max_pause < 0.0 || self.max_pause > 3600.0 {
            return Err(UsageError(format!(
                "--max-pause must be between 0 and 3600 seconds, got {}",
                self.max_pause
            )));
        }
        Ok(IngestOptions {
            format: self.input_format,
            turns: TurnOptions {
                max_pause_ms: (self.max_pause * 1000.0).round() as u64,
            },
            strict: self.strict,
        })
    }
}

/// Runs a parsed command line, writing to stdout/stderr. Returns the exit code.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Turns(args) => run_turns(&args),
        Command::Analyze(args) => run_analyze(&args),
    }
}

fn seconds_flag(name: &str, v: f64) -> Result<u64, UsageError> {
    if !v.is_finite() || !(0.0..=3600.0).contains(&v) {
        return Err(UsageError(format!(
            "--{name} must be between 0 and 3600 seconds, got {v}"
        )));
    }
    Ok((v * 1000.0).round() as u64)
}

impl AnalyzeArgs {
    /// Validates and resolves the metric options.
    pub fn metrics_options(&self) -> Result<crate::metrics::MetricsOptions, UsageError> {
        Ok(crate::metrics::MetricsOptions {
            thresholds: crate::metrics::interruptions::Thresholds {
                terminal_ms: seconds_flag("terminal-overlap", self.terminal_overlap)?,
                yield_ms: seconds_flag("yield-window", self.yield_window)?,
                backchannel_max_ms: seconds_flag("backchannel-max", self.backchannel_max)?,
                inferred_gap_ms: seconds_flag("inferred-gap", self.inferred_gap)?,
            },
            roster: self.attendees.clone(),
            lexicon: self.language.lexicon()?,
            inclusive: self.language.options(),
        })
    }
}

/// Prints the diagnostics of every outcome to stderr (warnings unless `quiet`; errors
/// always) and says whether any input failed.
fn report_diagnostics(
    outcomes: &[batch::FileOutcome],
    discover_errors: &[discover::DiscoverError],
    quiet: bool,
) -> std::io::Result<bool> {
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    let mut failed = !discover_errors.is_empty();
    for e in discover_errors {
        writeln!(err, "turnstat: {}: error: {}", e.path, e.message)?;
    }
    for o in outcomes {
        match o {
            Ok(ts) => {
                if !quiet {
                    for t in ts {
                        for d in &t.diagnostics {
                            writeln!(err, "turnstat: {}", d.display_with(&t.source))?;
                        }
                    }
                }
            }
            Err(r) => {
                failed = true;
                for d in &r.diagnostics {
                    if !quiet || d.severity == crate::diag::Severity::Error {
                        writeln!(err, "turnstat: {}", d.display_with(&r.source))?;
                    }
                }
            }
        }
    }
    Ok(failed)
}

fn run_analyze(args: &AnalyzeArgs) -> anyhow::Result<ExitCode> {
    let (opts, mopts) = match (args.input.options(), args.metrics_options()) {
        (Ok(o), Ok(m)) => (o, m),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("turnstat: error: {e}");
            return Ok(ExitCode::Usage);
        }
    };
    let (inputs, discover_errors) = discover::expand(&args.input.paths);
    if inputs.is_empty() && discover_errors.is_empty() {
        eprintln!("turnstat: error: no transcript files found in the given paths");
        return Ok(ExitCode::Usage);
    }
    let outcomes = batch::load_all(&inputs, &opts);
    let failed = report_diagnostics(&outcomes, &discover_errors, args.input.quiet)?;
    use rayon::prelude::*;
    let transcripts: Vec<&Transcript> = outcomes.iter().flatten().flatten().collect();
    let meetings = transcripts
        .par_iter()
        .map(|t| crate::report::analyze(t, &mopts))
        .collect();
    let errors = outcomes
        .iter()
        .filter_map(|o| o.as_ref().err())
        .flat_map(|r| {
            r.diagnostics
                .iter()
                .filter(|d| d.severity == crate::diag::Severity::Error)
                .map(|d| crate::report::ErrorEntry {
                    source: r.source.clone(),
                    line: d.line,
                    message: d.message.clone(),
                })
        })
        .chain(discover_errors.iter().map(|e| crate::report::ErrorEntry {
            source: e.path.clone(),
            line: None,
            message: e.message.clone(),
        }))
        .collect();
    let report = crate::report::Report {
        schema: crate::report::SCHEMA,
        tool: crate::report::Tool::default(),
        meetings,
        errors,
    };
    let out = match args.format {
        ReportFormat::Table => render::report::table_text(&report),
        ReportFormat::Json => render::report::json(&report),
    };
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    lock.write_all(out.as_bytes())?;
    lock.flush()?;
    Ok(if failed {
        ExitCode::InputRejected
    } else {
        ExitCode::Ok
    })
}

fn run_turns(args: &TurnsArgs) -> anyhow::Result<ExitCode> {
    let opts = match args.input.options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("turnstat: error: {e}");
            return Ok(ExitCode::Usage);
        }
    };
    let (inputs, discover_errors) = discover::expand(&args.input.paths);
    let outcomes = batch::load_all(&inputs, &opts);
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    let mut failed = !discover_errors.is_empty();
    for e in &discover_errors {
        writeln!(err, "turnstat: {}: error: {}", e.path, e.message)?;
    }
    let mut transcripts: Vec<&Transcript> = Vec::new();
    let mut rejected = Vec::new();
    for o in &outcomes {
        match o {
            Ok(ts) => {
                for t in ts {
                    if !args.input.quiet {
                        for d in &t.diagnostics {
                            writeln!(err, "turnstat: {}", d.display_with(&t.source))?;
                        }
                    }
                    transcripts.push(t);
                }
            }
            Err(r) => {
                failed = true;
                for d in &r.diagnostics {
                    if !args.input.quiet || d.severity == crate::diag::Severity::Error {
                        writeln!(err, "turnstat: {}", d.display_with(&r.source))?;
                    }
                }
                rejected.push(r);
            }
        }
    }
    if inputs.is_empty() && discover_errors.is_empty() {
        writeln!(
            err,
            "turnstat: error: no transcript files found in the given paths"
        )?;
        return Ok(ExitCode::Usage);
    }
    let out = match args.format {
        TurnsFormat::Table => render::turns::table(&transcripts),
        TurnsFormat::Json => render::turns::json(&transcripts, &rejected),
        TurnsFormat::Csv => render::turns::csv(&transcripts),
    };
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    lock.write_all(out.as_bytes())?;
    lock.flush()?;
    Ok(if failed {
        ExitCode::InputRejected
    } else {
        ExitCode::Ok
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
