//! Rendering every output file from a read-only [`Site`], in parallel: the
//! build's order of [generators](super::pages), in three rounds.
//!
//! First each report and page (its body, then its page), since what the
//! rest lists of them is known only then; then every page made from the
//! whole site; then the sitemap, which lists what the others wrote. Within
//! a round, generators run in parallel, each through [`Driver::run`].

use super::body::{Body, BodyOf, Summary};
use super::generator::{Driver, Generator, Made, owned};
use super::links::PageLinks;
use super::pages::{
    Compare, DataDownloads, Feed, Home, IndicatorPage, IndicatorsIndex, NotFound, PlainPage,
    ReportPage, Robots, Sitemap, StaticFiles,
};
use super::store::{Kept, Store, StoredSummary};
use super::write::{Memory, Sink};
use super::{Site, Timings};
use crate::content::{Document, Report};
use crate::fingerprint;
use crate::i18n::Language;
use crate::problem::{Problem, Problems, SiteProblems};
use indicatif::ProgressBar;
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::Path;
use std::sync::{Arc, Mutex};

use super::file::OutputFile;

/// What a render made.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// HTML pages.
    pub pages: usize,
    /// Files of any kind.
    pub files: usize,
    /// Warnings found while rendering: in the preview, each gap where a
    /// figure is not in the data yet.
    pub warnings: Vec<Problem>,
}

/// Passes files to a sink, keeping what the link check needs of each page
/// and every path written, but not the files themselves.
struct Collector<'s> {
    sink: &'s dyn Sink,
    root: &'s Path,
    /// The build cache, when the build keeps one.
    store: Option<&'s Store>,
    /// What every key in the build cache starts from: this build of
    /// outturn and the settings as rendered (`build --base-url` changes
    /// them after the site is loaded).
    base: u64,
    links: Mutex<Vec<Arc<PageLinks>>>,
    paths: Mutex<Vec<String>>,
}

impl<'s> Collector<'s> {
    fn new(sink: &'s dyn Sink, site: &'s Site) -> Collector<'s> {
        let store = site.store.as_deref();
        let base = store.map_or(0, |_| {
            fingerprint::of((fingerprint::BUILD, format!("{:?}", site.config)))
        });
        Collector {
            sink,
            root: &site.root,
            store,
            base,
            links: Mutex::new(Vec::new()),
            paths: Mutex::new(Vec::new()),
        }
    }

    /// Puts a generator's files, and copies the site's files it names.
    fn put_made(&self, made: Made) -> Vec<Problem> {
        lock(&self.links).extend(made.links);
        let mut problems: Vec<Problem> = made
            .files
            .into_iter()
            .filter_map(|f| self.put(f).err())
            .collect();
        problems.extend(
            made.copies
                .par_iter()
                .filter_map(|(path, file)| self.copy(path, file).err())
                .collect::<Vec<_>>(),
        );
        problems
    }

    /// Puts the files of an output kept from the last build.
    fn put_kept(&self, kept: &Kept) -> Vec<Problem> {
        lock(&self.links).extend(kept.links.iter().cloned());
        lock(&self.paths).extend(kept.paths.iter().cloned());
        kept.paths
            .iter()
            .filter_map(|path| {
                self.sink
                    .link(path, &kept.from.join(path))
                    .map_err(|e| Problem::error(path, format!("{e:#}")))
                    .err()
            })
            .collect()
    }

    /// A generator's files: kept from the last build when the build cache
    /// has them under the same key, else made (through `driver`) and noted
    /// in the cache.
    fn generate<G: Generator<Output = Made> + ?Sized>(
        &self,
        driver: Driver<'_>,
        generator: &G,
    ) -> Vec<Problem> {
        let Some(store) = self.store else {
            return self.run_and_put(driver, generator, None);
        };
        let key = fingerprint::of((self.base, generator.kind(), generator.key()));
        let name = format!("{}:{key:016x}", generator.kind());
        if let Some(kept) = store.kept(&name, key) {
            return self.put_kept(&kept);
        }
        self.run_and_put(driver, generator, Some((store, name, key)))
    }

    /// Makes a generator's files (through `driver`) and puts them, noting
    /// them in the build cache under `name` and `key` when there is one.
    fn run_and_put<G: Generator<Output = Made> + ?Sized>(
        &self,
        driver: Driver<'_>,
        generator: &G,
        noted: Option<(&Store, String, u64)>,
    ) -> Vec<Problem> {
        match driver.run(generator) {
            Ok(made) => {
                if let Some((store, name, key)) = noted {
                    store.made(name, key, Vec::new(), &made, None);
                }
                self.put_made(owned(made))
            }
            Err(found) => found,
        }
    }

    /// Copies the site's file `file` (relative to the root) as `path`.
    fn copy(&self, path: &str, file: &Path) -> Result<(), Problem> {
        lock(&self.paths).push(path.to_string());
        self.sink
            .copy(path, &self.root.join(file))
            .map_err(|e| Problem::error(file, format!("{e:#}")))
    }

    fn put(&self, file: OutputFile) -> Result<(), Problem> {
        lock(&self.paths).push(file.path.clone());
        let path = file.path.clone();
        self.sink
            .put(file)
            .map_err(|e| Problem::error(path, format!("{e:#}")))
    }
}

/// A generator's files, as the driver gives them.
type Files = Result<Arc<Made>, Vec<Problem>>;

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

impl Site {
    /// Renders every file of the site. All problems in all documents are
    /// reported together.
    pub fn render(&self) -> Result<Vec<OutputFile>, SiteProblems> {
        let memory = Memory::default();
        self.render_with(&ProgressBar::hidden(), &mut Timings::default(), &memory)?;
        Ok(memory.into_files())
    }

    /// How many steps [`Site::render_with`] reports to its progress bar: one
    /// for each generator of the first two rounds.
    pub fn render_steps(&self) -> u64 {
        let translations = self.config.translations.len();
        (self.reports.len()
            + self.twin_reports.len()
            + self.pages.len()
            + self.data.indicators.len() * (1 + translations)
            + 9
            + 6 * translations) as u64
    }

    /// As [`Site::render`], putting each file into `sink` as soon as it is
    /// made, advancing `progress` as generators finish and timing each round.
    pub fn render_with(
        &self,
        progress: &ProgressBar,
        timings: &mut Timings,
        sink: &dyn Sink,
    ) -> Result<Rendered, SiteProblems> {
        let driver = Driver {
            cache: self.cache.as_deref(),
        };
        let out = Collector::new(sink, self);
        let mut problems = Problems::new();
        let summaries = timings.time("reports", || self.documents(driver, &out, progress));
        let summaries = match summaries {
            Ok(summaries) => summaries,
            Err(found) => return Err(SiteProblems(found)),
        };
        let uses = self.reports_by_indicator(&summaries);
        let latest_key_figures = summaries[..self.reports.len()]
            .last()
            .map_or(&[][..], |s| &s.key_figures[..]);
        // Every page made from the whole site, in parallel: the indicators'
        // pages in each language the site is published in.
        let languages: Vec<Language> = std::iter::once(Language::of_tag(&self.config.language))
            .chain(self.config.translations.iter().filter_map(|t| t.language()))
            .collect();
        let indicator_pages: Vec<IndicatorPage<'_>> = languages
            .iter()
            .flat_map(|&language| {
                self.data
                    .indicators
                    .values()
                    .map(move |indicator| (language, indicator))
            })
            .map(|(language, indicator)| IndicatorPage {
                site: self,
                indicator,
                used_by: uses.get(&indicator.id).map_or(&[][..], Vec::as_slice),
                language,
            })
            .collect();
        let mut singles: Vec<Box<dyn Generator<Output = Made> + '_>> = vec![
            Box::new(Home {
                site: self,
                output: "index.html".into(),
                latest_key_figures,
            }),
            Box::new(NotFound {
                site: self,
                translation: None,
            }),
            Box::new(IndicatorsIndex {
                site: self,
                language: languages[0],
            }),
            Box::new(Compare {
                site: self,
                translation: None,
                all: false,
            }),
            Box::new(Compare {
                site: self,
                translation: None,
                all: true,
            }),
            Box::new(Feed {
                site: self,
                translation: None,
            }),
            Box::new(DataDownloads { site: self }),
            Box::new(Robots { site: self }),
            Box::new(StaticFiles { site: self }),
        ];
        // A translation's home page, with its latest report's key figures.
        let twins = &summaries[self.reports.len() + self.pages.len()..];
        let latest_twin_key_figures = twins.last().map_or(&[][..], |s| &s.key_figures[..]);
        for translation in &self.config.translations {
            singles.push(Box::new(Home {
                site: self,
                output: format!("{}/index.html", translation.code),
                latest_key_figures: latest_twin_key_figures,
            }));
            if let Some(language) = translation.language() {
                singles.push(Box::new(IndicatorsIndex {
                    site: self,
                    language,
                }));
            }
            let translation = Some(translation);
            for all in [false, true] {
                singles.push(Box::new(Compare {
                    site: self,
                    translation,
                    all,
                }));
            }
            singles.push(Box::new(NotFound {
                site: self,
                translation,
            }));
            singles.push(Box::new(Feed {
                site: self,
                translation,
            }));
        }
        let found: Vec<Vec<Problem>> = timings.time("pages", || {
            indicator_pages
                .par_iter()
                .map(|page| out.generate(driver, page))
                .chain(singles.par_iter().map(|page| out.generate(driver, &**page)))
                .inspect(|_| progress.inc(1))
                .collect()
        });
        found.into_iter().for_each(|found| problems.extend(found));
        if let Err(problem) = out.put(OutputFile::new(
            super::write::MARKER_FILE,
            super::output::marker(),
        )) {
            problems.push(problem);
        }
        if problems.has_errors() {
            return Err(SiteProblems(problems));
        }
        let start = std::time::Instant::now();
        let mut paths = std::mem::take(&mut *lock(&out.paths));
        paths.sort();
        problems.extend(out.generate(
            driver,
            &Sitemap {
                site: self,
                paths: &paths,
            },
        ));
        paths.extend(std::mem::take(&mut *lock(&out.paths)));
        paths.sort();
        // Any file written twice is a site file at a generated address.
        for pair in paths.windows(2).filter(|pair| pair[0] == pair[1]) {
            problems.push(
                Problem::error(
                    Path::new("static").join(&pair[0]),
                    format!("outturn writes {} itself", pair[0]),
                )
                .help("rename or remove this file from static/"),
            );
        }
        if problems.has_errors() {
            return Err(SiteProblems(problems));
        }
        timings.stages.push(("files", start.elapsed()));
        let documents: Vec<&Document> = (self.reports.iter())
            .chain(&self.twin_reports)
            .map(|r| &r.doc)
            .chain(&self.pages)
            .collect();
        let links = out.links.into_inner().unwrap_or_else(|e| e.into_inner());
        let exists: HashSet<&str> = paths.iter().map(String::as_str).collect();
        let broken = timings.time("links", || super::links::check(&links, &exists, &documents));
        problems.extend(broken);
        if problems.has_errors() {
            return Err(SiteProblems(problems));
        }
        Ok(Rendered {
            pages: links.len(),
            files: paths.len(),
            warnings: summaries.iter().flat_map(|s| s.warnings.clone()).collect(),
        })
    }

    /// The first round: each report's and page's body, then its page. A
    /// page is made as soon as its body is, and the body let go (unless the
    /// cache keeps it): a large archive's bodies need not be held all at
    /// once. Returns what the rest of the site needs of each, reports first.
    fn documents(
        &self,
        driver: Driver<'_>,
        out: &Collector<'_>,
        progress: &ProgressBar,
    ) -> Result<Vec<Summary>, Problems> {
        let made = |document: &Document,
                    place: Option<(&[Report], usize)>,
                    page: &dyn Fn(&Body) -> Files| {
            let name = format!("page:{}", document.output);
            let fixed = out
                .store
                .map(|_| fingerprint::of((out.base, self.document_key(document, place))));
            if let (Some(store), Some(fixed)) = (out.store, fixed)
                && let Some(reads) = store.reads(&name)
                && let Some(kept) = store.kept(&name, self.read_key(document, fixed, reads))
                && let Some(summary) = &kept.summary
            {
                let found = out.put_kept(&kept);
                if !found.is_empty() {
                    return Err(found);
                }
                return Ok(Summary {
                    indicators: summary.indicators.clone(),
                    key_figures: summary.key_figures(),
                    warnings: Vec::new(),
                });
            }
            let body = driver.run(&BodyOf {
                site: self,
                document,
            })?;
            let made = page(&body)?;
            if let (Some(store), Some(fixed)) = (out.store, fixed)
                && body.warnings.is_empty()
            {
                let reads: Vec<String> = body.reads.iter().cloned().collect();
                let key = self.read_key(document, fixed, &reads);
                let summary = StoredSummary::new(&body.indicators, &body.key_figures);
                store.made(name, key, reads, &made, Some(summary));
            }
            let found = out.put_made(owned(made));
            if !found.is_empty() {
                return Err(found);
            }
            Ok(Summary {
                indicators: body.indicators.clone(),
                key_figures: body.key_figures.clone(),
                warnings: body.warnings.clone(),
            })
        };
        let report = |list: &'_ [Report], index: usize| {
            made(&list[index], Some((list, index)), &|body| {
                driver.run(&ReportPage {
                    site: self,
                    list,
                    index,
                    body,
                })
            })
        };
        // Reports, pages, then the reports' twins: the rest of the site
        // finds each report's summary at its place among the reports.
        let documents: Vec<Result<Summary, Vec<Problem>>> = (0..self.reports.len())
            .into_par_iter()
            .map(|index| report(&self.reports, index))
            .chain(self.pages.par_iter().map(|page| {
                made(page, None, &|body| {
                    driver.run(&PlainPage {
                        site: self,
                        page,
                        body,
                    })
                })
            }))
            .chain(
                (0..self.twin_reports.len())
                    .into_par_iter()
                    .map(|index| report(&self.twin_reports, index)),
            )
            .inspect(|_| progress.inc(1))
            .collect();
        let mut problems = Problems::new();
        let mut summaries = Vec::with_capacity(documents.len());
        for result in documents {
            match result {
                Ok(summary) => summaries.push(summary),
                Err(found) => problems.extend(found),
            }
        }
        if problems.has_errors() {
            return Err(problems);
        }
        Ok(summaries)
    }
}
