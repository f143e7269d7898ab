//! The command line's arguments: the clap definitions of `turnstat` and its subcommands, and
//! nothing else.
//!
//! What the flags mean at run time lives elsewhere: [`crate::settings`] resolves them (with
//! `turnstat.toml`) into settings, and [`crate::commands`] runs each subcommand. This module
//! names no other part of the crate than the types clap parses values into, so that the
//! layers below it never depend on it (`tests/layering.rs`).

use crate::ingest::InputFormat;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
