//! The commands: [`run`] dispatches a parsed command line to the module of its subcommand
//! ([`turns`], [`analyze`], [`report`], [`check`], [`generate`]), each owning its `run`
//! function; [`common`] holds what several of them share (diagnostics on stderr, the
//! expansion of input paths, the files written per meeting).
//!
//! Exit codes (see [`ExitCode`]): 0 everything read and no gate failed; 1 at least one input
//! was rejected (the rest of the batch still ran and was reported); 2 usage error (bad flags,
//! bad config, nothing to read); 3 a gate failed (`--fail-on`, `[gates]`), which takes
//! precedence over 1.

pub mod analyze;
pub mod check;
pub mod common;
pub mod generate;
pub mod report;
pub mod turns;

use crate::cli::{Cli, ColorChoice, Command};
use crate::config::Config;
use crate::settings::UsageError;
use common::Messages;
use std::io::IsTerminal;

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

/// What `--color` means at run time (the flag itself is defined in [`crate::cli`]).
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
        Command::Turns(args) => turns::run(args, &cfg, &msg),
        Command::Analyze(args) => analyze::run(args, &cfg, &msg),
        Command::Report(args) => report::run(args, &cfg, &msg.as_sink()),
        Command::Check(args) => check::run(args, &cfg),
        Command::Generate(args) => generate::run(args),
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
