//! The `outturn` command.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = outturn::cli::Cli::parse();
    match outturn::run(&cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(1)
        }
    }
}
