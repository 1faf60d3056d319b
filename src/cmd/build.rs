//! `outturn build`: load, render, then replace the output folder in one swap.

use crate::cli::BuildArgs;
use crate::problem::{Problems, SiteProblems};
use crate::site::{BuildOptions, Site, Timings, write};
use anyhow::Result;
use std::process::ExitCode;
use std::time::Instant;

/// Builds the site; problems are printed and give exit status 1.
pub fn run(args: &BuildArgs) -> Result<ExitCode> {
    let start = Instant::now();
    let root = &args.common.root;
    let options = BuildOptions {
        drafts: args.drafts,
        // What is published never has a gap for a missing figure, drafts or not.
        preview: false,
    };
    let mut timings = Timings::default();
    let site = match timings.time("load", || Site::load(root, options)) {
        Ok(site) => site,
        Err(problems) => return Ok(super::report_problems(&problems)),
    };
    super::report_warnings(&site.warnings);
    let out = match &args.out {
        Some(out) => out.clone(),
        None => root.join(&site.config.output_dir),
    };
    // A symlinked output folder (a common way to deploy) is replaced where it
    // points, so the link itself stays.
    let out = match std::fs::symlink_metadata(&out) {
        Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(&out)?,
        _ => out,
    };
    if let Err(problem) = write::check_output_dir(root, &out) {
        let mut problems = Problems::new();
        problems.push(problem);
        return Ok(super::report_problems(&SiteProblems(problems)));
    }
    // Files go straight into a folder beside the output as they are made; it
    // replaces the output only if the whole build succeeds.
    let staging = write::Staging::new(&out)?;
    let progress = super::progress(site.render_steps(), args.common.quiet);
    let rendered = site.render_with(&progress, &mut timings, &staging);
    progress.finish_and_clear();
    let rendered = match rendered {
        Ok(rendered) => rendered,
        Err(problems) => return Ok(super::report_problems(&problems)),
    };
    let write_start = Instant::now();
    // Once the new site is in place, what goes wrong is a warning: the exit
    // status says whether the site was published.
    let mut warnings = Problems::new();
    warnings.extend(staging.commit()?);
    super::report_warnings(&warnings);
    timings.stages.push(("swap", write_start.elapsed()));
    if args.common.verbose {
        for (stage, time) in &timings.stages {
            eprintln!("  {stage:<8} {:>8.1} ms", time.as_secs_f64() * 1000.0);
        }
    }
    if !args.common.quiet {
        let pages = rendered.pages;
        println!(
            "Built {pages} pages ({} report{}, {} other page{}) into {} in {} ms",
            site.reports.len(),
            plural(site.reports.len()),
            site.pages.len(),
            plural(site.pages.len()),
            out.display().to_string().trim_start_matches("./"),
            start.elapsed().as_millis()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
