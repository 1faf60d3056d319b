//! The subcommands, each a `run` that returns what to exit with.

pub mod build;
pub mod check;
pub mod init;
pub mod new;
pub mod serve;
pub mod theme;

use crate::problem::SiteProblems;
use std::process::ExitCode;

/// Exit status for a site with problems.
pub const SITE_PROBLEMS: u8 = 1;

/// Prints a site's problems to stderr and gives the exit status for them.
pub fn report_problems(problems: &SiteProblems) -> ExitCode {
    eprintln!("{}", problems.report_with(console::colors_enabled_stderr()));
    ExitCode::from(SITE_PROBLEMS)
}

/// As [`report_problems`], for `check`, which writes nothing whatever it finds.
pub fn report_checked(problems: &SiteProblems) -> ExitCode {
    eprintln!(
        "{}\nthe site has {}",
        problems
            .0
            .report_with(console::colors_enabled_stderr())
            .trim_end(),
        problems.counted()
    );
    ExitCode::from(SITE_PROBLEMS)
}

/// A progress bar that appears only on a terminal, and only once the work
/// has taken more than a second: a quick build prints nothing but its summary.
pub fn progress(steps: u64, quiet: bool) -> indicatif::ProgressBar {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    let bar = ProgressBar::with_draw_target(Some(steps), ProgressDrawTarget::hidden());
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} Building [{bar:30}] {pos}/{len} steps")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    if !quiet && console::Term::stderr().is_term() {
        let later = bar.clone();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs(1));
            if !later.is_finished() {
                later.set_draw_target(ProgressDrawTarget::stderr());
            }
        });
    }
    bar
}

pub use crate::problem::count;

/// Prints warnings to stderr, in colour on a terminal.
pub fn report_warnings(warnings: &crate::problem::Problems) {
    if !warnings.is_empty() {
        eprint!("{}", warnings.report_with(console::colors_enabled_stderr()));
    }
}
