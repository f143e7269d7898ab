//! `turnstat generate`: the man page or shell completions, from the clap definitions.

use super::ExitCode;
use crate::cli::{Cli, GenerateArgs, GenerateWhat};
use std::io::Write;

/// Runs `turnstat generate`.
pub fn run(args: &GenerateArgs) -> anyhow::Result<ExitCode> {
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
