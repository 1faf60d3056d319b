//! `outturn check`: everything `build` validates, writing nothing.
//!
//! The site is checked exactly as `build` would publish it (drafts left
//! out, so a link to a draft is caught), and then the drafts' own text is
//! checked as well, since a draft is what an analyst is working on. A
//! draft's problems are warnings, as `build` leaves drafts out, so
//! `outturn check && outturn build` passes while a quarter is being written;
//! with `--drafts` the site is checked as `build --drafts` publishes it.

use crate::cli::CheckArgs;
use crate::problem::{Problem, Problems, Severity, SiteProblems};
use crate::site::{BuildOptions, Cache, Site};
use anyhow::Result;
use std::process::ExitCode;
use std::sync::Arc;

/// Loads and renders in memory and reports every problem, drafts included.
/// The data is read once: the drafts' check takes it from the published
/// check's cache, as `serve` takes it from its last build.
pub fn run(args: &CheckArgs) -> Result<ExitCode> {
    let root = &args.common.root;
    let cache = Arc::new(Cache::default());
    let published = Site::build(
        root,
        BuildOptions {
            drafts: args.drafts,
            preview: false,
        },
        Some(cache.clone()),
    );
    let drafts = draft_problems(root, args.drafts, cache);
    match published {
        Ok((mut site, files, _)) if !drafts.has_errors() => {
            let typed = site.typed_figures();
            site.warnings.extend(typed);
            site.warnings.extend(site.uncaptioned_tables());
            site.warnings
                .extend(crate::site::base_url_warning(&site.config));
            // Figures the data now gives differently from what a published
            // report recorded: `build` records each as a revision.
            site.warnings.extend(site.revision_problems());
            let out = root.join(&site.config.output_dir);
            site.warnings.extend(site.deleted_records(&out));
            // What DfE's screener would say of national rows the site does
            // not read: for `check` only, as the site cannot act on it.
            site.warnings.extend(site.data.screened.iter().cloned());
            let mut warnings = std::mem::take(&mut site.warnings);
            site.allow(&mut warnings);
            warnings.append(drafts);
            super::report_warnings(&warnings);
            let allowed = warnings.allowed().len();
            if args.common.verbose && allowed > 0 {
                eprint!(
                    "Allowed where they are, so not counted as warnings:\n{}",
                    warnings.report_allowed(console::colors_enabled_stderr())
                );
            }
            if !args.common.quiet {
                // "No problems found" only when nothing at all was printed above.
                let verdict = match warnings.warning_count() {
                    0 => "No problems found".to_string(),
                    n => format!("No errors, {}", super::count(n, "warning", "warnings")),
                };
                println!(
                    "{verdict}{}: {}, {}, {} checked",
                    crate::problem::allowed(allowed),
                    super::count(site.reports.len(), "report", "reports"),
                    super::count(site.pages.len(), "other page", "other pages"),
                    super::count(files.len(), "file", "files"),
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Ok(_) => Ok(super::report_checked(&SiteProblems(drafts))),
        Err(SiteProblems(mut problems)) => {
            problems.append(drafts);
            Ok(super::report_checked(&SiteProblems(problems)))
        }
    }
}

/// The problems in the text of drafts (none when the site does not load:
/// the published check reports why). When the drafts are `published` too,
/// that check has already found their errors and typed figures.
fn draft_problems(root: &std::path::Path, published: bool, cache: Arc<Cache>) -> Problems {
    let mut problems = Problems::new();
    if let Ok(site) = Site::load_with(
        root,
        BuildOptions {
            drafts: true,
            preview: false,
        },
        Some(cache),
    ) {
        // Last quarter's words left in the report being written.
        problems.extend(site.quarter_warnings());
        if published {
            return problems;
        }
        problems.extend(site.draft_problems().into_iter().map(as_draft_warning));
        // Figures typed into a draft are caught while it is written, not
        // when it is published.
        let drafts: Vec<&std::path::Path> = site
            .reports
            .iter()
            .filter(|r| r.front.draft)
            .map(|r| r.file.as_path())
            .collect();
        problems.extend(
            site.typed_figures()
                .into_iter()
                .filter(|p| drafts.contains(&p.file.as_path())),
        );
        site.allow(&mut problems);
    }
    problems
}

/// A draft's error, as a warning: `build` leaves the draft out, so it does
/// not stop the site being published, but the analyst writing it must see it.
fn as_draft_warning(problem: Problem) -> Problem {
    match problem.severity {
        Severity::Warning => problem,
        Severity::Error => Problem {
            message: format!(
                "{} (in a draft: `build` leaves it out; `check --drafts` counts this as an error)",
                problem.message
            ),
            ..problem.into_warning(crate::problem::Id::InDraft)
        },
    }
}
