//! `turnstat check`: score text for sentiment and inclusive language, one utterance per
//! line.

use super::ExitCode;
use super::common::{table_width, write_stdout};
use crate::cli::{CheckArgs, CheckFormat};
use crate::config::Config;
use crate::render;
use crate::settings::{UsageError, inclusive_options};

/// Runs `turnstat check`.
pub fn run(args: &CheckArgs, cfg: &Config) -> anyhow::Result<ExitCode> {
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
