//! The build pipeline: [`Site::load`] reads and checks everything once
//! (`load`), [`Site::render`] turns it into files in memory, in parallel,
//! from a read-only site (`render` drives one generator per kind of output,
//! from `pages`, each through `generator`'s one cached call), and
//! [`write::replace_dir`] puts them on disk in one swap.
//!
//! Rendering never touches the disk, so `check` and the tests can keep the
//! output in memory, and a failed build never disturbs the last good one.

mod archive;
mod body;
mod cache;
mod compare;
mod file;
mod generator;
mod layout;
mod links;
mod load;
mod output;
mod pages;
mod pdf;
mod published;
mod render;
pub mod store;
mod twin_record;
mod twins;
mod web_files;
pub mod write;

use crate::config::{self, Config};
use crate::content::allow::Allows;
use crate::content::placeholders::Placeholders;
use crate::content::{self, Document, Report};
use crate::data::DataSet;
use crate::fsutil;
use crate::problem::{Id, Problem, Problems, SiteProblems};
use crate::templates::Theme;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub use cache::Cache;
pub use file::OutputFile;
pub use render::Rendered;
pub use store::Store;

/// Choices that change what a build includes.
#[derive(Debug, Clone, Copy, Default)]
pub struct BuildOptions {
    /// Include reports and pages marked `draft: true`.
    pub drafts: bool,
    /// `serve`'s preview: a figure not in the data yet shows as a marked gap
    /// with a warning, instead of stopping the build, so an unfinished
    /// quarter can be read. What `build` publishes never has a gap.
    pub preview: bool,
}

/// How long each stage took, for `--verbose` and benchmarks.
#[derive(Debug, Default, Clone)]
pub struct Timings {
    /// Stage name and time.
    pub stages: Vec<(&'static str, Duration)>,
}

impl Timings {
    /// Runs `f`, recording how long it took as `stage`.
    pub fn time<T>(&mut self, stage: &'static str, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = f();
        self.stages.push((stage, start.elapsed()));
        out
    }
}

/// A loaded, checked site, ready to render.
pub struct Site {
    /// The site's folder.
    pub root: PathBuf,
    /// site.toml.
    pub config: Arc<Config>,
    /// Every figure.
    pub data: Arc<DataSet>,
    /// Whether data/ loaded without errors.
    data_complete: bool,
    /// Whether this is `serve`'s preview; see [`BuildOptions::preview`].
    preview: bool,
    /// The placeholder functions, over this site's data.
    pub placeholders: Placeholders,
    theme: Theme,
    /// Reports to publish, oldest first.
    pub reports: Vec<Report>,
    /// Their twins in the site's translation (`2024-25-q3.cy.md`), oldest
    /// first: published under `cy/reports/`. Empty in a site of one language.
    pub twin_reports: Vec<Report>,
    /// What each twin was translated from, and the record to write.
    twin_record: twin_record::TwinRecord,
    /// Plain pages, in path order.
    pub pages: Vec<Document>,
    /// Files from the site's `static/`, by output path: where each is,
    /// relative to the root.
    static_files: BTreeMap<String, PathBuf>,
    /// Warnings: the site builds, but something is probably not as meant.
    pub warnings: Problems,
    /// The warnings the site's content files allow, drafts' included.
    allows: Allows,
    /// What `serve` kept from its last build, if this is one of its.
    cache: Option<Arc<Cache>>,
    /// The build cache on disk, if `build` keeps one.
    store: Option<Arc<Store>>,
    /// A hash of site.toml, the theme and the build's options: what every
    /// page's key starts from.
    settings: u64,
    /// The record of what was published, and each published report's view of the data.
    records: Arc<published::RecordsOf>,
    /// A hash of the data, site.toml and the theme: what every page depends on.
    inputs: u64,
    /// `inputs` and every document's front matter and address: what the
    /// pages listing reports depend on.
    shape: u64,
}

impl Site {
    /// Renders through the build cache `store`: what it kept from the last
    /// build is linked from there, and what is made is noted in it.
    pub fn use_store(&mut self, store: Arc<Store>) {
        self.store = Some(store);
    }

    /// Sets aside the warnings in `problems` that the site's content files
    /// allow where they are: counted as allowed, not shown.
    pub fn allow(&self, problems: &mut Problems) {
        problems.allow(|p| self.allows.allows(p));
    }

    /// Problems in the placeholders and key figures of drafts only.
    pub fn draft_problems(&self) -> Problems {
        self.body_problems(|d| d.front.draft)
    }

    /// Warnings for figures typed into reports instead of drawn from the data.
    pub fn typed_figures(&self) -> Vec<Problem> {
        self.reports
            .par_iter()
            .flat_map_iter(|report| {
                let resolver =
                    crate::query::Resolver::new(&self.data, &self.config, Some(report.period));
                crate::content::typed::check(report, &resolver)
            })
            .collect()
    }

    /// A warning for each Markdown table in a report or page that has no
    /// caption.
    pub fn uncaptioned_tables(&self) -> Vec<Problem> {
        let reports = self.reports.iter().map(|r| &r.doc);
        reports
            .chain(&self.pages)
            .flat_map(content::markdown::uncaptioned_tables)
            .collect()
    }

    /// Warnings for the reports being written: last quarter's words left in
    /// a draft and a summary kept from the report before (a published
    /// report's comparisons with the quarter before are its author's), and
    /// no meeting date in the newest report to be published.
    pub fn quarter_warnings(&self) -> Vec<Problem> {
        let newest = self.reports.iter().rposition(|r| !r.front.draft);
        self.reports
            .iter()
            .enumerate()
            .filter(|(i, r)| r.front.draft || Some(*i) == newest)
            .flat_map(|(i, report)| {
                let Ok(text) = fsutil::read_text(&self.root.join(&report.file)) else {
                    return Vec::new();
                };
                let text = fsutil::normalise_newlines(text);
                let mut found: Vec<Problem> = i
                    .checked_sub(1)
                    .filter(|_| report.front.draft)
                    .map(|p| content::stale::check(report, &self.reports[p], &text))
                    .unwrap_or_default();
                found.extend(content::stale::meeting(report, &text));
                found
            })
            .collect()
    }

    /// Loads and renders, timing each stage.
    pub fn build(
        root: &Path,
        options: BuildOptions,
        cache: Option<Arc<Cache>>,
    ) -> Result<(Site, Vec<OutputFile>, Timings), SiteProblems> {
        Site::build_with(root, options, cache, None)
    }

    /// As [`Site::build`], taking what `store` kept from the last build
    /// (`serve`'s first build after a restart) and noting what it made.
    pub fn build_with(
        root: &Path,
        options: BuildOptions,
        cache: Option<Arc<Cache>>,
        store: Option<Arc<Store>>,
    ) -> Result<(Site, Vec<OutputFile>, Timings), SiteProblems> {
        let mut timings = Timings::default();
        let site = timings.time("load", || Site::load_with(root, options, cache.clone()));
        let rendered = site.and_then(|mut site| {
            site.store = store;
            let memory = write::Memory::default();
            let rendered =
                site.render_with(&indicatif::ProgressBar::hidden(), &mut timings, &memory)?;
            site.warnings.extend(rendered.warnings);
            let mut warnings = std::mem::take(&mut site.warnings);
            site.allow(&mut warnings);
            site.warnings = warnings;
            Ok((site, memory.into_files()))
        });
        if let Some(cache) = &cache {
            cache.finish(rendered.is_ok());
        }
        let (site, files) = rendered?;
        Ok((site, files, timings))
    }
}

/// What is allowed but probably not meant.
/// What `check` says of a site with no `base_url`. It is not a build's
/// warning: a site opened from disk or put at any address needs none, and a
/// first build should be clean; but before publishing, the team should know
/// what an address would add.
pub fn base_url_warning(config: &Config) -> Option<Problem> {
    config.base_url.is_empty().then(|| {
        Problem::warning(Id::NoBaseUrl, config::FILE, "`base_url` is empty, so no sitemap.xml is written and the feed's links are relative")
            .help("set `base_url` to the address the site is published at, e.g. \"https://www.example.gov.uk/performance/\"")
    })
}

fn warnings(data: &DataSet) -> Problems {
    let mut warnings = Problems::new();
    warnings.extend(crate::data::plausible::check(data));
    for indicator in data.indicators.values() {
        if data.all_series(&indicator.id).is_empty() {
            warnings.push(
                Problem::warning(
                    Id::NoFigures,
                    crate::data::indicators::FILE,
                    format!("indicator `{}` has no figures in data/", indicator.id),
                )
                .at(indicator.line, 1)
                .help(
                    "add its figures to a CSV file under data/, or remove it from indicators.yaml",
                ),
            );
        }
    }
    warnings
}
