//! `turnstat report`: the command part of the team report — reading the inputs (selected by
//! `--series`), analysing each and reducing it to a [`MeetingSummary`] as it streams past,
//! the `--since`/`--until` range, `--baseline`, and writing the outputs (`--out`: the
//! per-meeting files, `team.*` and the private person pages). The model itself is
//! [`crate::report::team`].

use super::ExitCode;
use super::common::{Sink, error_entries, expand, meeting_files, table_width, window, write_files};
use crate::cli::{TeamArgs, TeamFormat};
use crate::config::Config;
use crate::dates::Date;
use crate::discover::Input;
use crate::report::team::{
    MeetingSummary, PersonOverall, TeamReport, baseline_changes, build, in_range, person,
    summarise, summary,
};
use crate::settings::{UsageError, resolve_gates, resolve_settings};
use std::collections::BTreeMap;

/// Keeps the inputs of the series asked for (`wanted`, letter case ignored); a name no
/// input belongs to is a usage error that lists the series found.
pub fn select_series(
    inputs: Vec<Input>,
    wanted: &[String],
    rules: &crate::series::SeriesRules,
) -> Result<Vec<Input>, UsageError> {
    if wanted.is_empty() {
        return Ok(inputs);
    }
    let series: Vec<String> = inputs
        .iter()
        .map(|i| rules.series_of(&i.display()))
        .collect();
    let mut found: BTreeMap<String, String> = BTreeMap::new();
    for s in &series {
        found
            .entry(crate::series::key(s))
            .or_insert_with(|| s.clone());
    }
    let keys: Vec<String> = wanted.iter().map(|w| crate::series::key(w)).collect();
    if let Some(w) = wanted
        .iter()
        .zip(&keys)
        .find(|(_, k)| !found.contains_key(*k))
        .map(|(w, _)| w)
    {
        let list: Vec<&str> = found.values().map(String::as_str).collect();
        return Err(UsageError(format!(
            "--series `{w}`: no meeting of that series among the inputs; series found: {}",
            list.join(", ")
        )));
    }
    Ok(inputs
        .into_iter()
        .zip(series)
        .filter(|(_, s)| keys.contains(&crate::series::key(s)))
        .map(|(i, _)| i)
        .collect())
}

/// Writes `people/<slug>.md` and `.html` under `dir` for everyone in `report` but the labels
/// that stand for no one ([`crate::speakers::is_unnamed`]), atomically, one page at a time.
/// Slugs come from [`crate::render::speaker::unique_slugs`] over the names in report order.
pub fn write_person_pages(
    dir: &std::path::Path,
    report: &TeamReport,
    moments: &person::PeopleMoments,
    show_names: bool,
) -> std::io::Result<()> {
    let people: Vec<&PersonOverall> = report
        .people
        .iter()
        .filter(|p| !crate::speakers::is_unnamed(&p.figures.name))
        .collect();
    let names: Vec<&str> = people.iter().map(|p| p.figures.name.as_str()).collect();
    let slugs = crate::render::speaker::unique_slugs(&names);
    for (p, slug) in people.iter().zip(&slugs) {
        let page = person::page(report, p, moments, show_names);
        let md = crate::render::person::markdown(&page);
        let html = crate::render::html::person_html(&page, &md);
        let d = dir.join("people");
        crate::output::write_atomic(&d.join(format!("{slug}.md")), md.as_bytes())?;
        crate::output::write_atomic(&d.join(format!("{slug}.html")), html.as_bytes())?;
    }
    Ok(())
}

/// What the consumer needs of one analysed meeting: its source and diagnostics, and with
/// `--out` its files, rendered by the worker ([`meeting_files`]), which the consumer writes
/// into a directory it names in input order.
struct Kept {
    source: String,
    diagnostics: Vec<crate::diag::Diagnostic>,
    files: Option<Vec<(std::path::PathBuf, String)>>,
}

/// Runs `turnstat report`.
pub fn run(args: &TeamArgs, cfg: &Config, sink: &Sink) -> anyhow::Result<ExitCode> {
    let m = &args.metrics;
    let parse_date = |flag: &str, v: &Option<String>| -> Result<Option<Date>, UsageError> {
        v.as_ref()
            .map(|s| {
                Date::parse(s)
                    .filter(|_| s.len() == 10)
                    .ok_or_else(|| UsageError(format!("{flag} `{s}` is not a date (YYYY-MM-DD)")))
            })
            .transpose()
    };
    let since = parse_date("--since", &args.since)?;
    let until = parse_date("--until", &args.until)?;
    let settings = resolve_settings(&args.input, m, cfg)?;
    let gates = resolve_gates(m, cfg)?;
    let baseline_text = args
        .baseline
        .as_ref()
        .map(|p| {
            std::fs::read_to_string(p)
                .map_err(|e| UsageError(format!("{}: cannot read: {e}", p.display())))
        })
        .transpose()?;
    let (inputs, discover_errors) = expand(&args.input)?;
    let inputs = select_series(inputs, &args.series, &cfg.series_rules())?;
    for e in &discover_errors {
        sink.error(&format!("{}: {}", e.path, e.message));
    }
    let stdin = crate::batch::read_stdin_if_needed(&inputs);
    let progress = crate::progress::bar(inputs.len(), sink.progress());
    let out_dir = args.out.clone();
    let show_names = cfg.speakers.show_names_in_speaker_reports;
    // Each input is read, analysed, rendered (with --out) and reduced to a summary by the
    // workers; the consumer reports diagnostics in input order, writes the meeting files
    // into directories it names in input order (two meetings with the same file stem get
    // distinct ones, the same on every run) and keeps only summaries.
    type Item = Result<
        (Vec<MeetingSummary>, Vec<person::MeetingMoments>, Vec<Kept>),
        crate::ingest::Rejected,
    >;
    let mut failed = !discover_errors.is_empty();
    let mut summaries = Vec::new();
    // The quotes for the person pages (with --out), bounded per person as they arrive.
    let mut moments = person::PeopleMoments::default();
    let mut rejected = Vec::new();
    let mut dirs = crate::output::MeetingDirs::default();
    crate::ordered::for_each_ordered(
        &inputs,
        window(out_dir.is_some()),
        |input| -> Item {
            // The date is looked for in the first MiB only: read no more (the pipeline reads
            // the whole file itself; a second full copy doubled the memory of large files).
            let mut head = Vec::new();
            match input.path() {
                None => head.extend(stdin.iter().flatten().take(1 << 20)),
                Some(p) => {
                    if let Ok(f) = std::fs::File::open(p) {
                        let _ = std::io::Read::read_to_end(
                            &mut std::io::Read::take(f, 1 << 20),
                            &mut head,
                        );
                    }
                }
            }
            let text = String::from_utf8_lossy(&head).into_owned();
            let path = input.path();
            let (date, source) = crate::dates::meeting_date(&text, path);
            let reports = crate::pipeline::analyze_input(input, stdin.as_deref(), &settings);
            progress.inc(1);
            let reports = reports?;
            let mut kept = Vec::new();
            let mut sums = Vec::new();
            let mut quotes = Vec::new();
            for m in reports {
                sums.push(summarise(
                    &m,
                    date,
                    source,
                    gates.iter().flat_map(|g| g.check(&m)).collect(),
                ));
                // Only meetings in the range give quotes to the person pages.
                if out_dir.is_some() && date.is_some_and(|d| in_range(d, since, until)) {
                    quotes.push(person::moments(&m, date, show_names));
                }
                kept.push(Kept {
                    files: out_dir.is_some().then(|| meeting_files(&m, show_names)),
                    source: m.source,
                    diagnostics: m.diagnostics,
                });
            }
            Ok((sums, quotes, kept))
        },
        |r| -> Result<(), std::convert::Infallible> {
            match r {
                Ok((s, quotes, kept)) => {
                    for k in kept {
                        if let (Some(dir), Some(files)) = (&out_dir, &k.files) {
                            let d = dir.join("meetings").join(dirs.name(&k.source));
                            // A write failure is reported, not fatal for the rest of the
                            // batch.
                            if let Err(e) = write_files(&d, files) {
                                sink.diag(
                                    &k.source,
                                    &crate::diag::Diagnostic::error(
                                        None,
                                        format!("cannot write {}: {e}", d.display()),
                                    ),
                                );
                                failed = true;
                            }
                        }
                        for d in &k.diagnostics {
                            sink.diag(&k.source, d);
                            failed |= d.severity == crate::diag::Severity::Error;
                        }
                    }
                    summaries.extend(s);
                    for q in quotes {
                        moments.add(q);
                    }
                }
                Err(rej) => {
                    failed = true;
                    for d in &rej.diagnostics {
                        sink.diag(&rej.source, d);
                    }
                    rejected.push(rej);
                }
            }
            Ok(())
        },
    )
    .unwrap_or_else(|never| match never {});
    progress.finish_and_clear();
    let gate_failures: Vec<String> = summaries
        .iter()
        .flat_map(|s| s.gate_failures.clone())
        .collect();
    let mut report = build(summaries, args.by.into(), since, until);
    report.series = args.series.clone();
    report.min_meetings = args
        .min_meetings
        .or(cfg.report.min_meetings)
        .unwrap_or(summary::DEFAULT_MIN_MEETINGS);
    report.errors = error_entries(&rejected, &discover_errors);
    if let Some(text) = baseline_text {
        let b = args
            .baseline
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        report.baseline = Some(
            baseline_changes(&report, &text)
                .map_err(|e| UsageError(format!("--baseline {b}: {e}")))?,
        );
    }
    let json = || {
        let mut s = serde_json::to_string_pretty(&report).unwrap_or_default();
        s.push('\n');
        s
    };
    if let Some(dir) = &args.out {
        crate::output::write_atomic(&dir.join("team.json"), json().as_bytes())?;
        crate::output::write_atomic(
            &dir.join("team.md"),
            crate::render::team::markdown(&report).as_bytes(),
        )?;
        crate::output::write_atomic(
            &dir.join("team.html"),
            crate::render::html::team_html(&report).as_bytes(),
        )?;
        write_person_pages(dir, &report, &moments, show_names)?;
    }
    drop(moments);
    let format = args
        .format
        .unwrap_or(if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
            TeamFormat::Table
        } else {
            TeamFormat::Json
        });
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match format {
        // Streamed: the JSON lists every meeting (1.6 MB for 1,000), no need to hold it.
        TeamFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &report)?;
            std::io::Write::write_all(&mut out, b"\n")?;
        }
        TeamFormat::Table => std::io::Write::write_all(
            &mut out,
            crate::render::team::table(&report, table_width(args.wide)).as_bytes(),
        )?,
        TeamFormat::Md => {
            std::io::Write::write_all(&mut out, crate::render::team::markdown(&report).as_bytes())?
        }
        TeamFormat::Html => {
            std::io::Write::write_all(&mut out, crate::render::html::team_html(&report).as_bytes())?
        }
    }
    std::io::Write::flush(&mut out)?;
    drop(out);
    for g in &gate_failures {
        sink.error(g);
    }
    if !gate_failures.is_empty() {
        return Ok(ExitCode::GateFailed);
    }
    Ok(if failed {
        ExitCode::InputRejected
    } else {
        ExitCode::Ok
    })
}
