//! `turnstat turns`: read transcripts and print their speaker turns.

use super::ExitCode;
use super::common::{Messages, expand, table_width, write_stdout};
use crate::batch;
use crate::cli::{TurnsArgs, TurnsFormat};
use crate::config::Config;
use crate::ingest::Rejected;
use crate::model::Transcript;
use crate::render;
use crate::settings::ingest_options;
use crate::speakers::People;

/// Runs `turnstat turns`.
pub(crate) fn run(args: &TurnsArgs, cfg: &Config, msg: &Messages) -> anyhow::Result<ExitCode> {
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
