//! Flags + `turnstat.toml` → settings: the second half of the command line, after clap has
//! parsed the arguments ([`crate::cli`]) and before a command runs ([`crate::commands`]).
//!
//! Kept apart from the argument definitions (as ripgrep keeps its low-level arguments apart
//! from the high-level settings derived from them) so that the commands depend on resolved
//! options and the argument types stay plain data.

use crate::cli::{InputArgs, LanguageArgs, MetricArgs};
use crate::config::Config;
use crate::gates::Gate;
use crate::ingest::IngestOptions;
use crate::lang::Lang;
use crate::metrics::MetricsOptions;
use crate::metrics::interruptions::Thresholds;
use crate::pipeline::Settings;
use crate::speakers::People;
use crate::turns::TurnOptions;

/// A usage problem found after clap's parsing (bad value, bad config).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

fn seconds(name: &str, v: Option<f64>, default: f64) -> Result<u64, UsageError> {
    let v = v.unwrap_or(default);
    if !v.is_finite() || !(0.0..=3600.0).contains(&v) {
        return Err(UsageError(format!(
            "{name} must be between 0 and 3600 seconds, got {v}"
        )));
    }
    Ok((v * 1000.0).round() as u64)
}

/// The reading options of `--input-format`, `--max-pause` (or `[thresholds] max_pause`)
/// and `--strict`.
pub fn ingest_options(input: &InputArgs, cfg: &Config) -> Result<IngestOptions, UsageError> {
    Ok(IngestOptions {
        format: input.input_format,
        turns: TurnOptions {
            max_pause_ms: seconds(
                "--max-pause",
                input.max_pause.or(cfg.thresholds.max_pause),
                2.0,
            )?,
        },
        strict: input.strict,
    })
}

/// The inclusive-language lexicon (`None`: the built-in one) and options of the flags and
/// the config.
pub fn inclusive_options(
    l: &LanguageArgs,
    cfg: &Config,
) -> Result<
    (
        Option<std::sync::Arc<crate::inclusive::Lexicon>>,
        crate::inclusive::Options,
    ),
    UsageError,
> {
    let mut dirs = cfg.lexicon_dirs();
    dirs.extend(l.lexicon_dirs.iter().cloned());
    let lexicon = if dirs.is_empty() {
        None
    } else {
        Some(std::sync::Arc::new(
            crate::inclusive::Lexicon::with_dirs(&dirs).map_err(|e| UsageError(e.to_string()))?,
        ))
    };
    let mut allow = cfg.language.allow.clone();
    allow.extend(l.allow.iter().cloned());
    let opts = crate::inclusive::Options {
        min_severity: l
            .min_severity
            .or(cfg.language.min_severity)
            .unwrap_or_default(),
        categories: if l.categories.is_empty() {
            cfg.language.categories.clone()
        } else {
            l.categories.clone()
        },
        allow,
    };
    Ok((lexicon, opts))
}

/// Resolves flags and the config file into pipeline settings.
pub fn resolve_settings(
    input: &InputArgs,
    m: &MetricArgs,
    cfg: &Config,
) -> Result<Settings, UsageError> {
    let t = &cfg.thresholds;
    let (lexicon, inclusive) = inclusive_options(&m.language, cfg)?;
    let mut not_people = crate::nonpeople::NonPeople::builtin();
    not_people.extend(cfg.speakers.not_people.iter().map(String::as_str));
    not_people.extend(m.not_people.iter().map(String::as_str));
    let not_people = std::sync::Arc::new(not_people);
    let mut people = People::new(&cfg.speakers.aliases, &cfg.speakers.exclude);
    people.anonymize = m.anonymize;
    people.not_people = not_people.clone();
    Ok(Settings {
        ingest: ingest_options(input, cfg)?,
        metrics: MetricsOptions {
            thresholds: Thresholds {
                terminal_ms: seconds(
                    "--terminal-overlap",
                    m.terminal_overlap.or(t.terminal_overlap),
                    0.5,
                )?,
                yield_ms: seconds("--yield-window", m.yield_window.or(t.yield_window), 2.0)?,
                backchannel_max_ms: seconds(
                    "--backchannel-max",
                    m.backchannel_max.or(t.backchannel_max),
                    2.0,
                )?,
                inferred_gap_ms: seconds("--inferred-gap", m.inferred_gap.or(t.inferred_gap), 0.5)?,
            },
            roster: m.attendees.clone(),
            lexicon,
            inclusive,
            language: spoken_language(m.spoken.as_deref(), cfg)?,
            not_people,
        },
        people,
        config: cfg.clone(),
    })
}

/// The language set by `--language` (first) or `[language] spoken`; `None` detects it.
fn spoken_language(flag: Option<&str>, cfg: &Config) -> Result<Option<Lang>, UsageError> {
    let (code, whence) = match (flag, cfg.language.spoken.as_deref()) {
        (Some(c), _) => (c, "--language".to_string()),
        (None, Some(c)) => (
            c,
            format!(
                "{}: [language] spoken",
                cfg.path
                    .as_deref()
                    .map_or_else(|| "turnstat.toml".into(), |p| p.display().to_string())
            ),
        ),
        (None, None) => return Ok(None),
    };
    Lang::parse(code).map(Some).ok_or_else(|| {
        UsageError(format!(
            "{whence}: unknown language `{code}` (use an ISO 639-1 code such as `en`, `es`, \
             `de`, `zh`, or `und`)"
        ))
    })
}

/// The gates of the config file and the command line.
pub fn resolve_gates(m: &MetricArgs, cfg: &Config) -> Result<Vec<Gate>, UsageError> {
    cfg.gates
        .fail_on
        .iter()
        .chain(&m.fail_on)
        .map(|g| Gate::parse(g).map_err(UsageError))
        .collect()
}

/// `--by` of the command line into the grouping of the team report model.
impl From<crate::cli::Period> for crate::report::team::Period {
    fn from(p: crate::cli::Period) -> Self {
        match p {
            crate::cli::Period::Week => Self::Week,
            crate::cli::Period::Month => Self::Month,
            crate::cli::Period::Series => Self::Series,
        }
    }
}
