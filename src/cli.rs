//! The command line: clap definitions, resolution of flags + `turnstat.toml` into settings,
//! and the `run` entry point of every subcommand.
//!
//! Exit codes (see [`ExitCode`]): 0 everything read and no gate failed; 1 at least one input
//! was rejected (the rest of the batch still ran and was reported); 2 usage error (bad flags,
//! bad config, nothing to read); 3 a gate failed (`--fail-on`, `[gates]`), which takes
//! precedence over 1.

use crate::batch;
use crate::config::Config;
use crate::diag::{Diagnostic, Severity};
use crate::discover::{self, DiscoverError, Input};
use crate::gates::Gate;
use crate::ingest::{IngestOptions, InputFormat, Rejected};
use crate::lang::Lang;
use crate::metrics::MetricsOptions;
use crate::metrics::interruptions::Thresholds;
use crate::model::Transcript;
use crate::pipeline::{self, Settings};
use crate::render;
use crate::report::{ErrorEntry, MeetingReport, Report};
use crate::speakers::People;
use crate::turns::TurnOptions;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Meeting-transcript analytics: who held the floor, and how.
///
/// Reads Zoom/Teams WebVTT, SRT, SBV, speech-to-text JSON (Deepgram, AssemblyAI, AWS
/// Transcribe, Rev.ai, Whisper), Podcasting 2.0 JSON, RTTM and plain `Name: text`; everything
/// stays on this machine.
#[derive(Debug, Parser)]
#[command(
    name = "turnstat",
    version,
    about,
    after_help = "Examples:\n  turnstat analyze call.vtt\n  turnstat analyze exports/ --format md --out reports/\n  turnstat analyze exports/ --fail-on 'max_talk_share > 0.6'\n  turnstat report exports/ --by month\n  turnstat turns --format json meeting.json\n  echo \"Hey guys, great job\" | turnstat check -\n\nExit codes: 0 ok, 1 some input rejected, 2 usage error, 3 a gate failed."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Configuration file (default: `turnstat.toml` in the current directory, if present).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// When to colour diagnostics on stderr (`NO_COLOR` is honoured in `auto`).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stderr is a terminal and `NO_COLOR` is unset.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stderr().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read transcripts and print their speaker turns.
    ///
    /// PATHs are files, directories (walked recursively for .vtt, .webvtt, .srt, .sbv, .json,
    /// .rttm and .txt files) or `-` for standard input. The format is detected from the
    /// content; --input-format overrides it.
    Turns(TurnsArgs),
    /// Measure each meeting: talk time, turn-taking, balance, interruptions, wording,
    /// inclusive language and sentiment.
    ///
    /// One report per transcript, in sorted input order; files are processed in parallel.
    /// Definitions and thresholds: README, section "Metrics".
    Analyze(AnalyzeArgs),
    /// Team report over many meetings: per person and per period, with the change against
    /// the previous period.
    Report(TeamArgs),
    /// Score text for sentiment and inclusive language, one utterance per line.
    Check(CheckArgs),
    /// Generate the man page or shell completions.
    Generate(GenerateArgs),
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
#[derive(Debug, Default, clap::Args)]
pub struct LanguageArgs {
    /// A directory of lexicon `*.toml` files merged over the built-in ones by entry id
    /// (repeatable): `enabled = false` silences an entry, new ids add terms.
    #[arg(long = "lexicon", value_name = "DIR")]
    pub lexicon_dirs: Vec<PathBuf>,
    /// A phrase whose findings are never reported, e.g. "scrum master" (repeatable).
    #[arg(long = "allow", value_name = "PHRASE")]
    pub allow: Vec<String>,
    /// Report only findings of at least this severity: low (default), medium, high.
    #[arg(long, value_parser = parse_severity)]
    pub min_severity: Option<crate::inclusive::Severity>,
    /// Report only these categories (repeatable; default all): gender, race-ethnicity,
    /// disability, age, lgbtq, religion, class-body.
    #[arg(long = "category", value_parser = parse_category, value_name = "CATEGORY")]
    pub categories: Vec<crate::inclusive::Category>,
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
    /// Longest silence (seconds) inside one turn of the same speaker [default: 2.0].
    #[arg(long, value_name = "SECONDS")]
    pub max_pause: Option<f64>,
    /// Treat warnings as errors (the file is rejected).
    #[arg(long)]
    pub strict: bool,
    /// Do not print warnings or progress (errors are still printed).
    #[arg(long, short)]
    pub quiet: bool,
    /// The meeting's chat export, for a single transcript (chats named `<name>.chat.txt` or
    /// `meeting_saved_chat.txt` beside their transcript are paired without it).
    #[arg(long, value_name = "FILE", conflicts_with = "no_chat")]
    pub chat: Option<PathBuf>,
    /// Leave chat exports out: no pairing, and chat files found in folders are not read (one
    /// named on the command line is read alone).
    #[arg(long)]
    pub no_chat: bool,
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
    /// Print the tables at their natural width: turn texts are not wrapped (by default a
    /// table is fitted to the terminal, or to `COLUMNS` when set).
    #[arg(long)]
    pub wide: bool,
}

/// Output formats of `analyze`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A summary and tables per meeting (default on a terminal).
    Table,
    /// The complete `turnstat.report.v1` model (default when stdout is not a terminal).
    Json,
    /// One meeting per line.
    Jsonl,
    /// One row per speaker per meeting.
    Csv,
    /// Markdown: meeting summary, then one section per speaker.
    Md,
    /// One self-contained HTML page with charts (inline CSS and SVG, no script).
    Html,
}

/// Metric options shared by `analyze` and `report`.
#[derive(Debug, clap::Args)]
pub struct MetricArgs {
    /// An expected attendee (repeatable): equality is also computed over the roster, with
    /// attendees who never spoke counted as zero.
    #[arg(long = "attendee", value_name = "NAME")]
    pub attendees: Vec<String>,
    /// A speaker name pattern that is not a person (repeatable; `*` = any characters, case
    /// ignored), added to the built-in list of shared audio, presentations and note-taker
    /// bots: its talk counts as speech but in no one's share or balance (README "Not
    /// people").
    #[arg(long = "not-person", value_name = "PATTERN")]
    pub not_people: Vec<String>,
    /// Terminal-overlap window in seconds [default: 0.5].
    #[arg(long, value_name = "SECONDS")]
    pub terminal_overlap: Option<f64>,
    /// The interrupted speaker stops within this many seconds → interruption [default: 2.0].
    #[arg(long, value_name = "SECONDS")]
    pub yield_window: Option<f64>,
    /// Longest backchannel in seconds [default: 2.0].
    #[arg(long, value_name = "SECONDS")]
    pub backchannel_max: Option<f64>,
    /// Largest gap for an inferred interruption in serialised exports [default: 0.5].
    #[arg(long, value_name = "SECONDS")]
    pub inferred_gap: Option<f64>,
    /// Replace every speaker name (and its mentions in quotes) by a stable pseudonym.
    #[arg(long)]
    pub anonymize: bool,
    /// A gate: fail with exit code 3 when `METRIC OP NUMBER` holds for any meeting or speaker,
    /// e.g. 'max_talk_share > 0.6' (repeatable; README "CI gates" lists the metrics).
    #[arg(long = "fail-on", value_name = "EXPR")]
    pub fail_on: Vec<String>,
    /// The language spoken in the meetings (ISO 639-1 code such as `es`, or an English name),
    /// instead of detecting it per meeting and per speaker (README "Languages").
    #[arg(long = "language", value_name = "CODE")]
    pub spoken: Option<String>,
    /// Inclusive-language options.
    #[command(flatten)]
    pub language: LanguageArgs,
}

/// Arguments of `turnstat analyze`.
#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {
    /// Inputs and reading options.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format [default: table on a terminal, json otherwise].
    #[arg(long, short, value_enum)]
    pub format: Option<ReportFormat>,
    /// Also write, per meeting, `summary.md`, `report.json`, `report.html` and one private
    /// file per speaker (`speakers/<slug>.md` and `.html`) under this directory (atomically).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Every table at its natural width: the speakers table with every column and its full
    /// header.
    ///
    /// By default the table is fitted to the terminal (or to `COLUMNS` when set): on a
    /// narrow one it keeps one line per speaker with short headers (explained under the
    /// table), dropping the least important columns first. `--wide` never drops or shortens
    /// anything; lines may then be longer than the terminal (try `less -S`).
    #[arg(long)]
    pub wide: bool,
    /// Metric options.
    #[command(flatten)]
    pub metrics: MetricArgs,
}

/// Grouping of the team report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Period {
    /// ISO weeks (Monday to Sunday).
    Week,
    /// Calendar months.
    Month,
    /// Meeting series side by side (README "Series"), instead of periods of time.
    Series,
}

/// Output formats of `report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TeamFormat {
    /// Tables (default on a terminal).
    Table,
    /// The `turnstat.team.v1` model (default otherwise).
    Json,
    /// Markdown, for a CI step summary.
    Md,
    /// A self-contained HTML page with trend charts.
    Html,
}

/// Arguments of `turnstat report`.
#[derive(Debug, clap::Args)]
pub struct TeamArgs {
    /// Inputs and reading options.
    #[command(flatten)]
    pub input: InputArgs,
    /// Only meetings on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only meetings on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Period length, or `series` to put the meeting series side by side.
    #[arg(long, value_enum, default_value_t = Period::Week)]
    pub by: Period,
    /// Only the meetings of this series (repeatable; letter case ignored). A series is a
    /// `[[series]]` of the config, else the file name without its dates and counters
    /// (`acdc_2026-02-05_174.vtt` → `acdc`).
    #[arg(long = "series", value_name = "NAME")]
    pub series: Vec<String>,
    /// Output format [default: table on a terminal, json otherwise].
    #[arg(long, short, value_enum)]
    pub format: Option<TeamFormat>,
    /// A previous `report --format json` output: adds, per person and metric, the change
    /// since then.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Also write `team.md`, `team.json`, `team.html`, the per-meeting reports and one
    /// private page per person (`people/<slug>.md` and `.html`) under this directory.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// People seen in fewer meetings than this are folded into one compact table after the
    /// others' panels [default: 2, or `[report] min_meetings`].
    #[arg(long, value_name = "N")]
    pub min_meetings: Option<usize>,
    /// Print the tables at their natural width: headers in full, nothing wrapped (by
    /// default a table is fitted to the terminal, or to `COLUMNS` when set).
    #[arg(long)]
    pub wide: bool,
    /// Metric options.
    #[command(flatten)]
    pub metrics: MetricArgs,
}

/// Output formats of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// A table.
    Table,
    /// One JSON object per input line.
    Jsonl,
}

/// Arguments of `turnstat check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// A text file, or `-` for stdin (default).
    #[arg(value_name = "FILE", default_value = "-")]
    pub file: PathBuf,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = CheckFormat::Table)]
    pub format: CheckFormat,
    /// Print the table at its natural width: long lines are not wrapped (by default the
    /// table is fitted to the terminal, or to `COLUMNS` when set).
    #[arg(long)]
    pub wide: bool,
    /// Inclusive-language options.
    #[command(flatten)]
    pub language: LanguageArgs,
}

/// What to generate.
#[derive(Debug, Subcommand)]
pub enum GenerateWhat {
    /// The man page (roff) on stdout.
    Man,
    /// Shell completions on stdout.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// Arguments of `turnstat generate`.
#[derive(Debug, clap::Args)]
pub struct GenerateArgs {
    /// What to generate.
    #[command(subcommand)]
    pub what: GenerateWhat,
}

/// The process exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitCode {
    /// Everything was read and no gate failed.
    Ok = 0,
    /// At least one input was rejected.
    InputRejected = 1,
    /// Usage error.
    Usage = 2,
    /// A gate failed.
    GateFailed = 3,
}

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

fn ingest_options(input: &InputArgs, cfg: &Config) -> Result<IngestOptions, UsageError> {
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

fn inclusive_options(
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

/// Writes diagnostics to stderr, with optional colour.
struct Messages {
    color: bool,
    quiet: bool,
}

impl Messages {
    fn diag(&self, source: &str, d: &Diagnostic) {
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

    fn error(&self, text: &str) {
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

/// Runs a parsed command line, writing to stdout/stderr. Returns the exit code.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let color = cli.color.enabled();
    let quiet = match &cli.command {
        Command::Turns(a) => a.input.quiet,
        Command::Analyze(a) => a.input.quiet,
        Command::Report(a) => a.input.quiet,
        _ => false,
    };
    let msg = Messages { color, quiet };
    let cfg = match Config::load(cli.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            msg.error(&e.to_string());
            return Ok(ExitCode::Usage);
        }
    };
    let result = match &cli.command {
        Command::Turns(args) => run_turns(args, &cfg, &msg),
        Command::Analyze(args) => run_analyze(args, &cfg, &msg),
        Command::Report(args) => crate::team::run(args, &cfg, &msg.as_sink()),
        Command::Check(args) => run_check(args, &cfg),
        Command::Generate(args) => run_generate(args),
    };
    match result {
        Err(e) => match e.downcast::<UsageError>() {
            Ok(u) => {
                msg.error(&u.0);
                Ok(ExitCode::Usage)
            }
            Err(e) => Err(e),
        },
        ok => ok,
    }
}

/// What the team report needs to print diagnostics.
pub struct Sink {
    color: bool,
    quiet: bool,
}

impl Messages {
    fn as_sink(&self) -> Sink {
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

fn write_stdout(s: &str) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    lock.write_all(s.as_bytes())?;
    lock.flush()?;
    Ok(())
}

fn run_turns(args: &TurnsArgs, cfg: &Config, msg: &Messages) -> anyhow::Result<ExitCode> {
    let opts = ingest_options(&args.input, cfg)?;
    let (inputs, discover_errors) = expand(&args.input)?;
    let mut outcomes = batch::load_all(&inputs, &opts);
    let people = People::new(&cfg.speakers.aliases, &cfg.speakers.exclude);
    let mut failed = !discover_errors.is_empty();
    for e in &discover_errors {
        msg.error(&format!("{}: {}", e.path, e.message));
    }
    for o in &mut outcomes {
        match o {
            Ok(ts) => {
                for t in ts {
                    people.apply(t, &opts.turns);
                    for d in &t.diagnostics {
                        msg.diag(&t.source, d);
                    }
                }
            }
            Err(r) => {
                failed = true;
                for d in &r.diagnostics {
                    msg.diag(&r.source, d);
                }
            }
        }
    }
    let transcripts: Vec<&Transcript> = outcomes.iter().flatten().flatten().collect();
    let rejected: Vec<&Rejected> = outcomes.iter().filter_map(|o| o.as_ref().err()).collect();
    let out = match args.format {
        TurnsFormat::Table => render::turns::table(&transcripts, table_width(args.wide)),
        TurnsFormat::Json => render::turns::json(&transcripts, &rejected),
        TurnsFormat::Csv => render::turns::csv(&transcripts),
    };
    write_stdout(&out)?;
    Ok(if failed {
        ExitCode::InputRejected
    } else {
        ExitCode::Ok
    })
}

/// Writes one meeting's files under `dir`: `report.json`, `summary.md`, `report.html` and per
/// speaker `speakers/<slug>.md` and `.html` (none for [`crate::speakers::is_unnamed`] labels).
pub fn write_meeting_files(dir: &Path, m: &MeetingReport, show_names: bool) -> std::io::Result<()> {
    let one = Report {
        schema: crate::report::SCHEMA,
        tool: crate::report::Tool::default(),
        meetings: vec![m.clone()],
        errors: Vec::new(),
    };
    crate::output::write_atomic(
        &dir.join("report.json"),
        render::report::json(&one).as_bytes(),
    )?;
    crate::output::write_atomic(
        &dir.join("summary.md"),
        render::markdown::meeting(m).as_bytes(),
    )?;
    let names: Vec<&str> = m.speakers.iter().map(|s| s.name.as_str()).collect();
    let slugs = render::speaker::unique_slugs(&names);
    let opts = render::speaker::SpeakerOptions {
        show_other_names: show_names,
    };
    let reports = render::speaker::SpeakerReports::new(m, opts);
    crate::output::write_atomic(
        &dir.join("report.html"),
        render::html::meeting_html(m, &m.turn_bars).as_bytes(),
    )?;
    for (i, slug) in slugs.iter().enumerate() {
        // Caption change marks (`unidentified 3`) and `unknown speaker` are not people: no
        // private report for them (also keeps `--out` linear in a captioned session with
        // thousands of `>>` changes, each its own label).
        if crate::speakers::is_unnamed(&m.speakers[i].name) {
            continue;
        }
        let text = reports.markdown(i);
        crate::output::write_atomic(
            &dir.join("speakers").join(format!("{slug}.md")),
            text.as_bytes(),
        )?;
        let html = render::html::speaker_html_from(m, i, show_names, &text, &m.turn_bars);
        crate::output::write_atomic(
            &dir.join("speakers").join(format!("{slug}.html")),
            html.as_bytes(),
        )?;
    }
    Ok(())
}

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

/// The width the tables are fitted to: none with `--wide` (natural width), else
/// [`render::width::table_width`] (`COLUMNS`, then the terminal on stdout).
pub fn table_width(wide: bool) -> Option<u16> {
    if wide {
        None
    } else {
        render::width::table_width()
    }
}

fn default_is_table() -> bool {
    std::io::stdout().is_terminal()
}

/// How far (in inputs) analysis may run ahead of the report being written: reports stream to
/// stdout in input order and are dropped, so memory does not grow with the batch (see
/// [`crate::ordered`]).
const WINDOW: usize = 8;

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

fn run_analyze(args: &AnalyzeArgs, cfg: &Config, msg: &Messages) -> anyhow::Result<ExitCode> {
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
    let mut used_dirs: std::collections::HashMap<String, usize> = Default::default();
    for e in &discover_errors {
        msg.error(&format!("{}: {}", e.path, e.message));
    }
    crate::ordered::for_each_ordered(
        &inputs,
        WINDOW,
        |i| {
            let r = pipeline::analyze_input(i, stdin.as_deref(), &s);
            progress.inc(1);
            r
        },
        |outcome| -> anyhow::Result<()> {
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
            for m in &meetings {
                for d in &m.diagnostics {
                    msg.diag(&m.source, d);
                }
                if let Some(out) = &args.out {
                    let stem = Path::new(&m.source)
                        .file_stem()
                        .map(|x| x.to_string_lossy().to_string());
                    let base = crate::output::slug(&stem.unwrap_or_default(), "meeting");
                    let n = used_dirs.entry(base.clone()).or_insert(0);
                    *n += 1;
                    let dir = if *n == 1 { base } else { format!("{base}-{n}") };
                    write_meeting_files(
                        &out.join(dir),
                        m,
                        cfg.speakers.show_names_in_speaker_reports,
                    )
                    .map_err(|e| {
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

fn run_check(args: &CheckArgs, cfg: &Config) -> anyhow::Result<ExitCode> {
    // The VADER tables (~12 M instructions to parse) load on a second thread while the
    // inclusive lexicon (~80 M) compiles on this one: start-up is the longer of the two.
    std::thread::scope(|scope| {
        scope.spawn(crate::sentiment::Analyzer::global);
        run_check_with_lexicons(args, cfg)
    })
}

fn run_check_with_lexicons(args: &CheckArgs, cfg: &Config) -> anyhow::Result<ExitCode> {
    let (lexicon, opts) = inclusive_options(&args.language, cfg)?;
    let lexicon = lexicon
        .as_deref()
        .unwrap_or_else(|| crate::metrics::language::builtin_lexicon());
    let bytes = if args.file.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut b)?;
        b
    } else {
        std::fs::read(&args.file)
            .map_err(|e| UsageError(format!("{}: cannot read: {e}", args.file.display())))?
    };
    let text = String::from_utf8_lossy(&bytes);
    let out = render::check::render(
        &text,
        lexicon,
        &opts,
        args.format == CheckFormat::Jsonl,
        table_width(args.wide),
    );
    write_stdout(&out)?;
    Ok(ExitCode::Ok)
}

fn run_generate(args: &GenerateArgs) -> anyhow::Result<ExitCode> {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    match &args.what {
        GenerateWhat::Man => clap_mangen::Man::new(cmd).render(&mut out)?,
        GenerateWhat::Completions { shell } => {
            clap_complete::generate(*shell, &mut cmd, "turnstat", &mut out)
        }
    }
    std::io::stdout().write_all(&out)?;
    Ok(ExitCode::Ok)
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
