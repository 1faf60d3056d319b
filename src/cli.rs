//! The command line. The doc comments here are the `--help` text, written for
//! a council analyst rather than a programmer.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// outturn turns a council's performance reports (Markdown files with
/// placeholders such as {{ value("cla_count") }}) and their figures (CSV files)
/// into an accessible website that keeps every quarter's report.
#[derive(Debug, Parser)]
#[command(
    name = "outturn",
    version,
    about = "Turns performance reports (Markdown) and their figures (CSV) into an accessible website.",
    after_help = "A quarter's work, in the site's folder:\n  \
outturn new \"2023-24 Q2\"   start the report from the last one\n  \
(add the quarter's figures to the CSV files in data/)\n  \
outturn serve              preview at http://127.0.0.1:1111/ while you edit\n  \
outturn check              list every problem, and figures typed in by hand\n  \
outturn build              publish the site into public/\n\n\
Exit status: 0 all is well, 1 the site has problems (each named with file:line:column), 2 the command was mistyped."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the website into the output folder (public/ unless site.toml says otherwise).
    Build(BuildArgs),
    /// Check every report, page and data file and list all problems; writes nothing.
    Check(CheckArgs),
    /// Preview the site at http://127.0.0.1:1111/, rebuilding and reloading the page when you save.
    Serve(ServeArgs),
    /// Start the next report, e.g. `outturn new "2023-24 Q2"`, from the latest one (or from --from REPORT).
    New(NewArgs),
    /// Start a council's own site in DIR (default: this folder), which must be empty or new.
    Init(InitArgs),
    /// Work with the theme: `outturn theme export` writes out the built-in one, to change it.
    Theme(ThemeArgs),
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct Common {
    /// The site's folder: the one holding site.toml.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Print only problems.
    #[arg(short, long, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print how long each stage took.
    #[arg(short, long)]
    pub verbose: bool,
}

/// `outturn build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Site folder and output options.
    #[command(flatten)]
    pub common: Common,
    /// Write the site here instead (the folder is replaced whole).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Include reports and pages marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Publish for this address instead of site.toml's `base_url`, e.g. a
    /// staging copy: `--base-url https://staging.example.gov.uk/performance/`.
    #[arg(long, value_name = "URL", value_parser = absolute_url)]
    pub base_url: Option<String>,
}

/// `--base-url` must be written in full, as site.toml's `base_url` must.
fn absolute_url(text: &str) -> Result<String, String> {
    if ["https://", "http://"].iter().any(|s| text.starts_with(s)) {
        Ok(text.to_string())
    } else {
        Err("write the address in full, e.g. `https://staging.example.gov.uk/performance/`".into())
    }
}

/// `outturn check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Site folder and output options.
    #[command(flatten)]
    pub common: Common,
    /// Check the site as `build --drafts` publishes it: a problem in a draft
    /// then fails the check (without it, a draft's problems are warnings,
    /// since `build` leaves drafts out).
    #[arg(long)]
    pub drafts: bool,
}

/// `outturn serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Site folder and output options.
    #[command(flatten)]
    pub common: Common,
    /// The port to listen on (on 127.0.0.1 only, so nobody else can see the preview).
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Leave out drafts, as `build` does (the preview shows them by default).
    #[arg(long)]
    pub no_drafts: bool,
}

/// `outturn new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The new report's period, e.g. "2023-24 Q2" (quote it: it has a space).
    pub period: String,
    /// Copy this report instead of the latest, e.g. content/reports/2022-23-q4.md;
    /// needed to start a report for a period before the latest report's.
    #[arg(long, value_name = "REPORT")]
    pub from: Option<PathBuf>,
    /// Site folder and output options.
    #[command(flatten)]
    pub common: Common,
}

/// `outturn init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder for the new site: made if it is not there, refused if it is not empty.
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
}

/// `outturn theme`.
#[derive(Debug, Args)]
pub struct ThemeArgs {
    /// What to do with the theme.
    #[command(subcommand)]
    pub command: ThemeCommand,
}

/// The `theme` subcommands.
#[derive(Debug, Subcommand)]
pub enum ThemeCommand {
    /// Write the built-in theme's templates and stylesheet into DIR (default
    /// themes/custom), to change them; DIR must be empty or new.
    Export(ExportArgs),
}

/// `outturn theme export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Where to write the theme: themes/NAME in the site's folder, used with `theme = "NAME"`.
    #[arg(value_name = "DIR", default_value = "themes/custom")]
    pub dir: PathBuf,
}
