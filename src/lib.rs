//! outturn: a static site generator for public performance reporting.
//!
//! The pipeline, in the order the modules run: [`config`] reads site.toml,
//! [`data`] reads indicators and figures, [`content`] reads reports and pages
//! and evaluates their placeholders, [`templates`] holds the theme, and [`site`]
//! drives it all: load once, run one generator per output in parallel, write
//! in one swap. Beneath them all, [`problem`], [`period`], [`i18n`] and
//! [`fingerprint`] import nothing above them.
//!
//! A module uses only those below it: the bottom ones, then [`data`], then
//! [`charts`] and [`templates`] (which draw and lay out, knowing nothing of
//! reports), then [`pdf`] (which typesets the view a report's page is made
//! from), then [`content`] with [`query`], then [`site`], then [`cmd`].

pub mod alloc;
pub mod charts;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod content;
pub mod data;
pub mod escape;
pub mod fingerprint;
pub mod fsutil;
pub mod i18n;
pub mod pdf;
pub mod period;
pub mod problem;
pub mod query;
pub mod record;
pub mod site;
pub mod templates;

#[cfg(test)]
mod testutil;

use std::process::ExitCode;

/// Runs a parsed command line.
pub fn run(cli: &cli::Cli) -> anyhow::Result<ExitCode> {
    match &cli.command {
        cli::Command::Build(args) => cmd::build::run(args),
        cli::Command::Check(args) => cmd::check::run(args),
        cli::Command::Serve(args) => cmd::serve::run(args),
        cli::Command::New(args) => cmd::new::run(args),
        cli::Command::Init(args) => cmd::init::run(args),
        cli::Command::Theme(args) => cmd::theme::run(args),
    }
}
