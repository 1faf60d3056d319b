//! `outturn build`: load, render, then replace the output folder in one swap.

use crate::cli::BuildArgs;
use crate::config::Config;
use crate::fsutil;
use crate::problem::{Id, Problem};
use crate::problem::{Problems, SiteProblems};
use crate::site::{BuildOptions, Site, Store, Timings, store, write};
use anyhow::Result;
use std::path::{Path, PathBuf};
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
    // The build cache's manifest is read while the site loads.
    let (site, store) = timings.time("load", || {
        rayon::join(|| Site::load(root, options), || Store::open(root))
    });
    let mut site = match site {
        Ok(site) => site,
        Err(problems) => {
            put_back_last_site(args)?;
            return Ok(super::report_problems(&problems));
        }
    };
    if let Some(base_url) = &args.base_url {
        // A staging build: the same site, published for another address.
        // Only the files written from `site.config` use it (feed, sitemap,
        // 404 page); nothing loaded keeps its own copy of the address.
        std::sync::Arc::make_mut(&mut site.config).base_url = base_url.clone();
    }
    super::report_warnings(&site.warnings);
    let out = output_folder(args, &site.config.output_dir)?;
    if let Err(problem) = write::check_output_dir(root, &out) {
        let mut problems = Problems::new();
        problems.push(problem);
        return Ok(super::report_problems(&SiteProblems(problems)));
    }
    // Unchanged pages are taken from the output being replaced.
    let store = std::sync::Arc::new(store.taking_from(&out));
    site.use_store(store.clone());
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
    // Looked for before the swap, while the last output is there to say
    // which reports were published.
    warnings.extend(site.deleted_records(&out));
    warnings.extend(staging.commit()?);
    // The record of what was published is written into the site's folder
    // once the site it records is in place, to be committed with it; the
    // cache's manifest at the same time (neither reads the other).
    let (saved, records) = rayon::join(|| store.save(), || site.write_records());
    if let Err(e) = saved {
        warnings.push(
            Problem::warning(Id::CacheNotSaved, store::DIR, format!("could not save the build cache: {e}"))
                .help("the site was published; check that the site's folder can be written to, or delete .outturn-cache/"),
        );
    }
    match records {
        Ok(said) => {
            if !args.common.quiet {
                for line in said {
                    println!("{line}");
                }
            }
        }
        Err(problem) => warnings.push(problem),
    }
    super::report_warnings(&warnings);
    timings.stages.push(("swap", write_start.elapsed()));
    if args.common.verbose {
        eprintln!("  kept {} outputs from the last build", store.kept_count());
        for (stage, time) in &timings.stages {
            eprintln!("  {stage:<8} {:>8.1} ms", time.as_secs_f64() * 1000.0);
        }
    }
    if !args.common.quiet {
        println!(
            "{}",
            summary(
                rendered.pages,
                site.reports.len(),
                site.pages.len(),
                site.warnings.warning_count() + warnings.warning_count(),
                site.warnings.allowed().len(),
                &out.display().to_string(),
                start.elapsed().as_millis(),
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The output folder: `--out`, else site.toml's `output_dir` in the site.
/// A symlinked one (a common way to deploy) is replaced where it points, so
/// the link itself stays. Where it points may be missing, if a build stopped
/// part way through its swap: the site it left beside that place is put
/// back there.
fn output_folder(args: &BuildArgs, output_dir: &str) -> Result<PathBuf> {
    let out = match &args.out {
        Some(out) => out.clone(),
        None => args.common.root.join(output_dir),
    };
    Ok(match std::fs::symlink_metadata(&out) {
        Ok(meta) if meta.file_type().is_symlink() => match std::fs::canonicalize(&out) {
            Ok(target) => target,
            Err(_) => {
                let target = std::fs::read_link(&out)?;
                out.parent().unwrap_or(Path::new("")).join(target)
            }
        },
        _ => out,
    })
}

/// For a site that does not load: nothing is published, but if a build
/// stopped part way through its swap left the output missing, the last
/// whole site is put back, so that the site stays up while the problems are
/// put right. Without `--out`, site.toml must say where the output is.
fn put_back_last_site(args: &BuildArgs) -> Result<()> {
    let configured = || {
        let path = args.common.root.join(crate::config::FILE);
        let text = fsutil::normalise_newlines(fsutil::read_text(&path).ok()?);
        Config::parse(&text).ok().map(|config| config.output_dir)
    };
    let output_dir = match &args.out {
        Some(_) => String::new(),
        None => match configured() {
            Some(output_dir) => output_dir,
            None => return Ok(()),
        },
    };
    if let Some(warning) = write::restore(&output_folder(args, &output_dir)?)? {
        let mut warnings = Problems::new();
        warnings.push(warning);
        super::report_warnings(&warnings);
    }
    Ok(())
}

/// The closing line, in counts that read naturally, saying how many
/// warnings were printed above it.
fn summary(
    pages: usize,
    reports: usize,
    others: usize,
    warnings: usize,
    allowed: usize,
    out: &str,
    ms: u128,
) -> String {
    use super::count;
    let warned = match (warnings, allowed) {
        (0, 0) => String::new(),
        (0, n) => format!(", with {}", count(n, "warning allowed", "warnings allowed")),
        (n, allowed) => format!(
            ", with {}{}",
            count(n, "warning", "warnings"),
            crate::problem::allowed(allowed)
        ),
    };
    format!(
        "Built {} ({}, {}) into {} in {ms} ms{warned}",
        count(pages, "page", "pages"),
        count(reports, "report", "reports"),
        count(others, "other page", "other pages"),
        out.trim_start_matches("./"),
    )
}

#[cfg(test)]
mod tests {
    use super::summary;

    #[test]
    fn the_closing_line_counts_naturally_and_names_the_warnings() {
        assert_eq!(
            summary(1, 1, 0, 0, 0, "./public", 12),
            "Built 1 page (1 report, 0 other pages) into public in 12 ms"
        );
        assert_eq!(
            summary(35, 2, 1, 1, 0, "public", 300),
            "Built 35 pages (2 reports, 1 other page) into public in 300 ms, with 1 warning"
        );
        assert_eq!(
            summary(35, 2, 1, 1, 2, "public", 300),
            "Built 35 pages (2 reports, 1 other page) into public in 300 ms, with 1 warning (2 warnings allowed)"
        );
        assert_eq!(
            summary(35, 2, 1, 0, 1, "public", 300),
            "Built 35 pages (2 reports, 1 other page) into public in 300 ms, with 1 warning allowed"
        );
    }
}
