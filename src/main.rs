//! The `turnstat` binary: parse the command line, run, map the result to an exit code.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match turnstat::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match turnstat::commands::run(cli) {
        Ok(code) => ExitCode::from(code as u8),
        Err(e) => {
            // A closed pipe (`turnstat turns … | head`) is not an error.
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("turnstat: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
