//! `turnstat analyze`: one report per meeting, streamed to stdout in input order (with
//! `--out`, each meeting's files written too), and the gates checked on each.

use super::ExitCode;
use super::common::{
    Messages, Sink, error_entries, expand, meeting_files, table_width, window, write_files,
    write_stdout,
};
use crate::batch;
use crate::cli::{AnalyzeArgs, ReportFormat};
use crate::config::Config;
use crate::gates::Gate;
use crate::ingest::Rejected;
use crate::pipeline;
use crate::render;
use crate::report::{ErrorEntry, MeetingReport, Report};
use crate::settings::{resolve_gates, resolve_settings};
use std::io::IsTerminal;

/// Evaluates gates over meetings; prints one message per failure; true when any failed.
pub fn check_gates<'a>(
    gates: &[Gate],
    meetings: impl IntoIterator<Item = &'a MeetingReport>,
    sink: &Sink,
) -> bool {
    let mut failed = false;
    for m in meetings {
        for g in gates {
            for message in g.check(m) {
                sink.error(&message);
                failed = true;
            }
        }
    }
    failed
}

fn default_is_table() -> bool {
    std::io::stdout().is_terminal()
}

/// Writes a report format incrementally, meeting by meeting, in input order.
struct Streamer {
    format: ReportFormat,
    /// The width the tables are fitted to (`None`: natural width).
    width: Option<u16>,
    meetings: usize,
    /// HTML is one page: its meetings are kept until the end.
    held: Vec<MeetingReport>,
}

impl Streamer {
    fn meetings(&mut self, ms: Vec<MeetingReport>) -> String {
        let first = self.meetings == 0;
        self.meetings += ms.len();
        if ms.is_empty() {
            return String::new();
        }
        let chunk = Report {
            schema: crate::report::SCHEMA,
            tool: crate::report::Tool::default(),
            meetings: ms,
            errors: Vec::new(),
        };
        match self.format {
            ReportFormat::Html => {
                self.held.extend(chunk.meetings);
                String::new()
            }
            ReportFormat::Table => render::report::table_text(&chunk, self.width),
            ReportFormat::Jsonl => render::jsonl::jsonl(&chunk),
            ReportFormat::Md => chunk
                .meetings
                .iter()
                .map(render::markdown::meeting)
                .collect(),
            ReportFormat::Csv => {
                let text = render::csv::csv(&chunk);
                if first {
                    text
                } else {
                    // Only the first chunk carries the header row.
                    text.split_once('\n')
                        .map(|x| x.1.to_string())
                        .unwrap_or_default()
                }
            }
            ReportFormat::Json => {
                let mut out = String::new();
                if first {
                    let tool = serde_json::to_string_pretty(&chunk.tool).unwrap_or_default();
                    out.push_str(&format!(
                        "{{\n  \"schema\": \"{}\",\n  \"tool\": {},\n  \"meetings\": [",
                        crate::report::SCHEMA,
                        tool.replace('\n', "\n  ")
                    ));
                }
                for (i, m) in chunk.meetings.iter().enumerate() {
                    if !(first && i == 0) {
                        out.push(',');
                    }
                    let text = serde_json::to_string_pretty(m).unwrap_or_default();
                    out.push_str("\n    ");
                    out.push_str(&text.replace('\n', "\n    "));
                }
                out
            }
        }
    }

    fn finish(&mut self, errors: &[ErrorEntry]) -> String {
        match self.format {
            ReportFormat::Html => {
                let r = Report {
                    schema: crate::report::SCHEMA,
                    tool: crate::report::Tool::default(),
                    meetings: std::mem::take(&mut self.held),
                    errors: errors.to_vec(),
                };
                let bars: Vec<Vec<render::html::TurnBar>> =
                    r.meetings.iter().map(|m| m.turn_bars.clone()).collect();
                render::html::report_html(&r, &bars)
            }
            ReportFormat::Json => {
                let errs = serde_json::to_string_pretty(errors)
                    .unwrap_or_default()
                    .replace('\n', "\n  ");
                if self.meetings == 0 {
                    let tool = serde_json::to_string_pretty(&crate::report::Tool::default())
                        .unwrap_or_default();
                    format!(
                        "{{\n  \"schema\": \"{}\",\n  \"tool\": {},\n  \"meetings\": [],\n  \"errors\": {errs}\n}}\n",
                        crate::report::SCHEMA,
                        tool.replace('\n', "\n  ")
                    )
                } else {
                    format!("\n  ],\n  \"errors\": {errs}\n}}\n")
                }
            }
            ReportFormat::Jsonl | ReportFormat::Md => {
                let r = Report {
                    schema: crate::report::SCHEMA,
                    tool: crate::report::Tool::default(),
                    meetings: Vec::new(),
                    errors: errors.to_vec(),
                };
                let text = if self.format == ReportFormat::Jsonl {
                    render::jsonl::jsonl(&r)
                } else if errors.is_empty() {
                    String::new()
                } else {
                    render::markdown::report(&r)
                };
                if self.meetings == 0 && self.format == ReportFormat::Md && errors.is_empty() {
                    "No meetings.\n".to_string()
                } else {
                    text
                }
            }
            ReportFormat::Csv if self.meetings == 0 => render::csv::csv(&Report {
                schema: crate::report::SCHEMA,
                tool: crate::report::Tool::default(),
                meetings: Vec::new(),
                errors: Vec::new(),
            }),
            ReportFormat::Csv | ReportFormat::Table => String::new(),
        }
    }
}

/// Runs `turnstat analyze`.
pub(crate) fn run(args: &AnalyzeArgs, cfg: &Config, msg: &Messages) -> anyhow::Result<ExitCode> {
    let s = resolve_settings(&args.input, &args.metrics, cfg)?;
    let gates = resolve_gates(&args.metrics, cfg)?;
    let (inputs, discover_errors) = expand(&args.input)?;
    let sink = msg.as_sink();
    let format = args.format.unwrap_or(if default_is_table() {
        ReportFormat::Table
    } else {
        ReportFormat::Json
    });
    let mut streamer = Streamer {
        format,
        width: table_width(args.wide),
        meetings: 0,
        held: Vec::new(),
    };
    let progress = crate::progress::bar(inputs.len(), sink.progress());
    let stdin = batch::read_stdin_if_needed(&inputs);
    let mut failed = !discover_errors.is_empty();
    let mut gate_failed = false;
    let mut rejected: Vec<Rejected> = Vec::new();
    let mut dirs = crate::output::MeetingDirs::default();
    let show_names = cfg.speakers.show_names_in_speaker_reports;
    for e in &discover_errors {
        msg.error(&format!("{}: {}", e.path, e.message));
    }
    crate::ordered::for_each_ordered(
        &inputs,
        window(args.out.is_some()),
        |i| {
            let r = pipeline::analyze_input(i, stdin.as_deref(), &s);
            progress.inc(1);
            // With --out, each meeting's files are rendered here, in parallel; the consumer
            // names their directory (in input order) and writes them.
            let files: Vec<_> = match (&r, &args.out) {
                (Ok(ms), Some(_)) => ms.iter().map(|m| meeting_files(m, show_names)).collect(),
                _ => Vec::new(),
            };
            (r, files)
        },
        |(outcome, files)| -> anyhow::Result<()> {
            let meetings = match outcome {
                Ok(ms) => ms,
                Err(r) => {
                    failed = true;
                    for d in &r.diagnostics {
                        msg.diag(&r.source, d);
                    }
                    rejected.push(r);
                    Vec::new()
                }
            };
            for (k, m) in meetings.iter().enumerate() {
                for d in &m.diagnostics {
                    msg.diag(&m.source, d);
                }
                if let (Some(out), Some(files)) = (&args.out, files.get(k)) {
                    let dir = dirs.name(&m.source);
                    write_files(&out.join(dir), files).map_err(|e| {
                        anyhow::anyhow!("cannot write reports under {}: {e}", out.display())
                    })?;
                }
            }
            gate_failed |= check_gates(&gates, &meetings, &sink);
            write_stdout(&streamer.meetings(meetings))?;
            Ok(())
        },
    )?;
    progress.finish_and_clear();
    let errors = error_entries(&rejected, &discover_errors);
    write_stdout(&streamer.finish(&errors))?;
    if gate_failed {
        return Ok(ExitCode::GateFailed);
    }
    Ok(if failed {
        ExitCode::InputRejected
    } else {
        ExitCode::Ok
    })
}
