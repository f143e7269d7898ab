//! The analysis pipeline for one input: ingest → people (aliases, exclusions) → turns →
//! metrics → report model. Transcripts are dropped as soon as their report is built, so a
//! batch holds reports, never all transcripts.

use crate::batch;
use crate::config::Config;
use crate::discover::Input;
use crate::ingest::{IngestOptions, Rejected};
use crate::metrics::MetricsOptions;
use crate::report::{self, MeetingReport};
use crate::speakers::People;
use rayon::prelude::*;

/// Everything resolved from the command line and the config file.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Reading options.
    pub ingest: IngestOptions,
    /// Metric options (the roster here is the command line's; the config adds per series;
    /// the non-people list is the built-in one plus the config's and the command line's).
    pub metrics: MetricsOptions,
    /// Aliases and exclusions.
    pub people: People,
    /// The config file (rosters and `[[series]]`).
    pub config: Config,
}

/// The reports of one input, or its rejection.
pub type Outcome = Result<Vec<MeetingReport>, Rejected>;

/// Runs the pipeline on one input.
pub fn analyze_input(input: &Input, stdin: Option<&[u8]>, s: &Settings) -> Outcome {
    let transcripts = batch::load_input(input, stdin, &s.ingest)?;
    let rules = s.config.series_rules();
    Ok(transcripts
        .into_iter()
        .map(|mut t| {
            s.people.apply(&mut t, &s.ingest.turns);
            let series = rules.series_of(&t.source);
            let mut opts = s.metrics.clone();
            for name in s.config.roster_for(&t.source, &series) {
                opts.roster.push(s.people.canonical(&name).to_string());
            }
            // The people the file itself lists as present (a Google Meet `Attendees` line):
            // those who never spoke are silent attendees, like the config's roster.
            for name in &t.attendees {
                opts.roster.push(s.people.canonical(name).to_string());
            }
            opts.roster = opts
                .roster
                .iter()
                .map(|n| s.people.canonical(n).to_string())
                .collect();
            let mut r = report::analyze(&t, &opts);
            r.series = series;
            r
        })
        .collect())
}

/// Runs the pipeline on every input in parallel; results in input order.
pub fn analyze_all(inputs: &[Input], s: &Settings) -> Vec<Outcome> {
    analyze_all_with(inputs, s, &indicatif::ProgressBar::hidden())
}

/// [`analyze_all`], advancing a progress bar as inputs finish.
pub fn analyze_all_with(
    inputs: &[Input],
    s: &Settings,
    progress: &indicatif::ProgressBar,
) -> Vec<Outcome> {
    let stdin = batch::read_stdin_if_needed(inputs);
    inputs
        .par_iter()
        .map(|i| {
            let r = analyze_input(i, stdin.as_deref(), s);
            progress.inc(1);
            r
        })
        .collect()
}
