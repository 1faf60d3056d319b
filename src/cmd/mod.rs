//! The subcommands, each a `run` that returns what to exit with.

pub mod build;
pub mod check;
pub mod new;
pub mod serve;

use crate::problem::SiteProblems;
use std::process::ExitCode;

/// Exit status for a site with problems.
pub const SITE_PROBLEMS: u8 = 1;

/// Prints a site's problems to stderr and gives the exit status for them.
pub fn report_problems(problems: &SiteProblems) -> ExitCode {
    eprintln!("{problems}");
    ExitCode::from(SITE_PROBLEMS)
}
