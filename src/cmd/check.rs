//! `outturn check`: everything `build` validates, writing nothing.

use crate::cli::CheckArgs;
use crate::site::{BuildOptions, Site};
use anyhow::Result;
use std::process::ExitCode;

/// Loads and renders in memory, drafts included, and reports every problem.
pub fn run(args: &CheckArgs) -> Result<ExitCode> {
    match Site::build(&args.common.root, BuildOptions { drafts: true }) {
        Ok((mut site, files, _)) => {
            let typed = site.typed_figures();
            site.warnings.extend(typed);
            super::report_warnings(&site.warnings);
            if !args.common.quiet {
                println!(
                    "No problems found: {} reports, {} other pages, {} files checked",
                    site.reports.len(),
                    site.pages.len(),
                    files.len()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(problems) => Ok(super::report_problems(&problems)),
    }
}
