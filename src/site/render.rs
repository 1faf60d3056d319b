//! Rendering every output file from a read-only [`Site`], in parallel.

use super::links::PageLinks;
use super::write::{Memory, Sink};
use super::{Site, Timings};
use crate::content::Document;
use crate::content::exhibits::Download;
use crate::content::markdown::{self, Html};
use crate::content::resolve::{Query, Resolver};
use crate::data::cell::Marker;
use crate::problem::{Problem, Problems, SiteProblems};
use crate::templates::views::{
    KeyFigureView, MarkerView, NavItem, PageView, PagerLink, ReportLink, ReportView, SiteView,
    YearGroup,
};
use indicatif::ProgressBar;
use minijinja::{Value, context};
use rayon::prelude::*;
use std::collections::{BTreeSet, HashSet};
use std::path::Path;
use std::sync::{Arc, Mutex};

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
    links: Mutex<Vec<Arc<PageLinks>>>,
    paths: Mutex<Vec<String>>,
}

impl<'s> Collector<'s> {
    fn new(sink: &'s dyn Sink) -> Collector<'s> {
        Collector {
            sink,
            links: Mutex::new(Vec::new()),
            paths: Mutex::new(Vec::new()),
        }
    }

    fn put(&self, file: OutputFile) -> Result<(), Problem> {
        self.put_made(Made::new(vec![file]))
    }

    /// Puts files whose pages' links are known already.
    fn put_made(&self, made: Made) -> Result<(), Problem> {
        self.links
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend(made.links);
        made.files.into_iter().try_for_each(|f| self.put_only(f))
    }

    /// Copies the site's file `file` (relative to `root`) as `path`.
    fn copy(&self, path: &str, root: &Path, file: &Path) -> Result<(), Problem> {
        self.paths
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(path.to_string());
        self.sink
            .copy(path, &root.join(file))
            .map_err(|e| Problem::error(file, format!("{e:#}")))
    }

    fn put_only(&self, file: OutputFile) -> Result<(), Problem> {
        self.paths
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(file.path.clone());
        let path = file.path.clone();
        self.sink
            .put(file)
            .map_err(|e| Problem::error(path, format!("{e:#}")))
    }
}

/// One file of the built site, in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    /// Its bytes.
    pub contents: Vec<u8>,
}

impl OutputFile {
    pub(super) fn new(path: impl Into<String>, contents: impl Into<Vec<u8>>) -> OutputFile {
        OutputFile {
            path: path.into(),
            contents: contents.into(),
        }
    }
}

/// Files made together, with what the link check needs of each page among
/// them: `serve`'s cache keeps both, so a kept page is not read again.
#[derive(Clone)]
pub(super) struct Made {
    files: Vec<OutputFile>,
    links: Vec<Arc<PageLinks>>,
}

impl Made {
    pub(super) fn new(files: Vec<OutputFile>) -> Made {
        let links = files
            .iter()
            .filter(|f| f.path.ends_with(".html"))
            .map(|f| Arc::new(PageLinks::of(f)))
            .collect();
        Made { files, links }
    }
}

/// A document's body, evaluated and converted.
pub(super) struct Body {
    html: Html,
    markers: BTreeSet<Marker>,
    key_figures: Vec<KeyFigureView>,
    downloads: Vec<Download>,
    /// Indicators the body's placeholders used.
    pub(super) indicators: BTreeSet<String>,
    /// In the preview, the figures shown as gaps.
    warnings: Vec<Problem>,
}

/// A report's key figures as shown, their markers, and (in the preview) a
/// warning for each left out because its figure is not in the data yet.
type KeyFigures = (Vec<KeyFigureView>, BTreeSet<Marker>, Vec<Problem>);

/// What the pages that list reports need of a document, once its own page
/// is made.
pub(super) struct Summary {
    /// Indicators its placeholders used.
    pub(super) indicators: BTreeSet<String>,
    /// Its key figures, as shown.
    key_figures: Vec<KeyFigureView>,
    /// In the preview, the figures shown as gaps.
    warnings: Vec<Problem>,
}

/// `reports/2023-24-q1/index.html` → `../../`.
pub(crate) fn root_of(output: &str) -> String {
    "../".repeat(output.matches('/').count())
}

impl Site {
    /// Renders every file of the site. All problems in all documents are
    /// reported together.
    pub fn render(&self) -> Result<Vec<OutputFile>, SiteProblems> {
        let memory = Memory::default();
        self.render_with(&ProgressBar::hidden(), &mut Timings::default(), &memory)?;
        Ok(memory.into_files())
    }

    /// How many steps [`Site::render_with`] reports to its progress bar.
    pub fn render_steps(&self) -> u64 {
        (self.reports.len() + self.pages.len() + self.data.indicators.len() + 6) as u64
    }

    /// As [`Site::render`], putting each file into `sink` as soon as it is
    /// made, advancing `progress` as pages are done and timing each stage.
    pub fn render_with(
        &self,
        progress: &ProgressBar,
        timings: &mut Timings,
        sink: &dyn Sink,
    ) -> Result<Rendered, SiteProblems> {
        let out = Collector::new(sink);
        // Each report's page is made as soon as its body is, and the body let
        // go: a large archive's bodies need not be held all at once. A
        // problem anywhere still fails the build, and what was written goes.
        let documents: Vec<Result<Summary, Vec<Problem>>> = timings.time("reports", || {
            (0..self.reports.len())
                .into_par_iter()
                .map(|i| {
                    let report = &self.reports[i];
                    self.document_files(report, &out, |body, body_key| {
                        // Its neighbours' titles and addresses are in the shape.
                        self.cached(
                            || (self.shape, body_key),
                            || Ok(vec![self.report_page(i, body)?]),
                        )
                    })
                })
                .chain(self.pages.par_iter().map(|page| {
                    self.document_files(page, &out, |body, _| {
                        Ok(Made::new(vec![self.plain_page(page, body)?]))
                    })
                }))
                .inspect(|_| progress.inc(1))
                .collect()
        });
        let mut problems = Problems::new();
        let mut summaries = Vec::with_capacity(documents.len());
        for result in documents {
            match result {
                Ok(summary) => summaries.push(summary),
                Err(found) => problems.extend(found),
            }
        }
        if problems.has_errors() {
            return Err(SiteProblems(problems));
        }
        let uses = self.reports_by_indicator(&summaries);
        let latest_key_figures = summaries[..self.reports.len()]
            .last()
            .map_or(&[][..], |s| &s.key_figures[..]);
        let indicators: Vec<_> = self.data.indicators.values().collect();
        // Pages of which there is one, rendered in parallel with the rest.
        // Those that list every report are kept by serve's cache until a
        // report's front matter or the data changes.
        type Single<'s> = Box<dyn Fn() -> Result<Made, Problem> + Send + Sync + 's>;
        let one = |file: Result<OutputFile, Problem>| file.map(|f| vec![f]);
        let singles: Vec<Single<'_>> = vec![
            Box::new(|| one(self.home(latest_key_figures)).map(Made::new)),
            Box::new(|| one(self.not_found()).map(Made::new)),
            Box::new(|| {
                self.cached(
                    || (self.shape, "indicators"),
                    || one(self.indicators_index()),
                )
            }),
            Box::new(|| self.cached(|| (self.shape, "compare"), || one(self.compare_page(false)))),
            Box::new(|| {
                self.cached(
                    || (self.shape, "compare/all"),
                    || one(self.compare_page(true)),
                )
            }),
            Box::new(|| one(self.feed()).map(Made::new)),
        ];
        let put_all = |made: Result<Made, Problem>| made.and_then(|made| out.put_made(made));
        let pages: Vec<Result<(), Problem>> = timings.time("pages", || {
            indicators
                .into_par_iter()
                .map(|indicator| {
                    let used_by = uses.get(&indicator.id).map_or(&[][..], Vec::as_slice);
                    self.cached(
                        || (self.shape, &indicator.id, used_by),
                        || self.indicator_page(indicator, used_by),
                    )
                })
                .chain(singles.into_par_iter().map(|page| page()))
                .map(put_all)
                .inspect(|_| progress.inc(1))
                .collect()
        });
        problems.extend(pages.into_iter().filter_map(Result::err));
        if problems.has_errors() {
            return Err(SiteProblems(problems));
        }
        let start = std::time::Instant::now();
        let mut rest = self
            .cached(|| (self.inputs, "data"), || Ok(self.data_downloads()))
            .map(|made| made.files)
            .unwrap_or_default();
        rest.extend(self.robots());
        rest.push(OutputFile::new(
            super::write::MARKER_FILE,
            super::output::marker(),
        ));
        // The site's own static files are copied, never read whole into
        // memory, and replace the theme's.
        problems.extend(
            self.static_files
                .par_iter()
                .filter_map(|(path, file)| out.copy(path, &self.root, file).err())
                .collect::<Vec<_>>(),
        );
        for (path, bytes) in self
            .theme
            .static_files
            .iter()
            .filter(|(p, _)| !self.static_files.contains_key(*p))
        {
            rest.push(OutputFile::new(path.clone(), bytes.clone()));
        }
        problems.extend(
            rest.into_par_iter()
                .map(|f| out.put(f))
                .filter_map(Result::err)
                .collect::<Vec<_>>(),
        );
        let mut paths = out.paths.into_inner().unwrap_or_else(|e| e.into_inner());
        paths.sort();
        match self.sitemap(&paths) {
            Ok(Some(sitemap)) => {
                paths.push(sitemap.path.clone());
                problems.extend(
                    out.sink
                        .put(sitemap)
                        .err()
                        .map(|e| Problem::error("sitemap.xml", format!("{e:#}"))),
                );
            }
            Ok(None) => {}
            Err(problem) => problems.push(problem),
        }
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
        let documents: Vec<&Document> = self.reports.iter().chain(&self.pages).collect();
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

    /// The problems in the bodies of the reports and pages `wanted`.
    pub(super) fn body_problems(&self, wanted: impl Fn(&Document) -> bool + Sync) -> Problems {
        let found: Vec<Vec<Problem>> = self
            .reports
            .par_iter()
            .chain(&self.pages)
            .filter(|d| wanted(d))
            .filter_map(|d| self.body(d).err())
            .collect();
        let mut problems = Problems::new();
        for found in found {
            problems.extend(found);
        }
        problems
    }

    /// Puts a document's page and its CSV files, made by `page` from its
    /// body (and, for serve's cache, the body's key), and returns what the
    /// rest of the site needs of it.
    fn document_files(
        &self,
        document: &Document,
        out: &Collector<'_>,
        page: impl FnOnce(&Body, u64) -> Result<Made, Problem>,
    ) -> Result<Summary, Vec<Problem>> {
        let (body, body_key) = self.cached_body(document)?;
        let folder = document.output.trim_end_matches("index.html");
        for d in &body.downloads {
            out.put(OutputFile::new(
                format!("{folder}{}", d.name),
                d.contents.clone(),
            ))
            .map_err(|p| vec![p])?;
        }
        page(&body, body_key)
            .and_then(|made| out.put_made(made))
            .map_err(|p| vec![p])?;
        Ok(Summary {
            indicators: body.indicators.clone(),
            key_figures: body.key_figures.clone(),
            warnings: body.warnings.clone(),
        })
    }

    /// Files from `make`, or from the cache when `key`, a hash of everything
    /// they depend on, is as it was.
    fn cached<K: std::hash::Hash>(
        &self,
        key: impl FnOnce() -> K,
        make: impl FnOnce() -> Result<Vec<OutputFile>, Problem>,
    ) -> Result<Made, Problem> {
        let make = || make().map(Made::new);
        match &self.cache {
            Some(cache) => cache.made(crate::fingerprint::of(key()), make),
            None => make(),
        }
    }

    /// The body, from the cache when its inputs are as they were, and the
    /// hash of those inputs (0 without a cache).
    fn cached_body(&self, document: &Document) -> Result<(Arc<Body>, u64), Vec<Problem>> {
        match &self.cache {
            Some(cache) => {
                let key = self.body_key(document);
                Ok((cache.body(key, || self.body(document))?, key))
            }
            None => Ok((Arc::new(self.body(document)?), 0)),
        }
    }

    /// A hash of everything a document's body depends on.
    fn body_key(&self, document: &Document) -> u64 {
        crate::fingerprint::of((
            self.inputs,
            &document.file,
            &document.body,
            document.body_line,
            &document.output,
            format!("{:?}", document.front),
        ))
    }

    pub(super) fn body(&self, document: &Document) -> Result<Body, Vec<Problem>> {
        let inline = crate::content::inline_exhibits(document);
        if !inline.is_empty() {
            return Err(inline);
        }
        let evaluated = self.placeholders.evaluate_in(
            &document.file,
            &document.body,
            document.body_line,
            document.front.period,
            self.data_complete,
            self.preview,
        );
        let key_figures = self.key_figures(document);
        let (evaluated, (key_figures, mut markers, mut warnings)) = match (evaluated, key_figures) {
            (Ok(e), Ok(k)) => (e, k),
            (e, k) => {
                let mut problems = e.err().unwrap_or_default();
                problems.extend(k.err().unwrap_or_default());
                return Err(problems);
            }
        };
        markers.extend(evaluated.markers);
        warnings.extend(evaluated.gaps);
        if !document.front.draft {
            for warning in &mut warnings {
                warning.help = Some(format!(
                    "{}; `outturn build` will not publish this report without it",
                    warning.help.as_deref().unwrap_or("add the figure to data/")
                ));
            }
        }
        Ok(Body {
            html: markdown::to_html(
                &evaluated.markdown,
                &root_of(&document.output),
                &evaluated.texts,
                &evaluated.blocks,
            ),
            markers,
            key_figures,
            downloads: evaluated.downloads,
            indicators: evaluated.indicators,
            warnings,
        })
    }

    /// The figures named in `key_figures:`, each with its change from the
    /// period before, as at the report's period.
    fn key_figures(&self, document: &Document) -> Result<KeyFigures, Vec<Problem>> {
        let resolver = Resolver {
            data: &self.data,
            config: &self.config,
            as_at: document.front.period,
        };
        let mut views = Vec::new();
        let mut markers = BTreeSet::new();
        let mut problems = Vec::new();
        let mut gaps = Vec::new();
        for id in &document.front.key_figures {
            let query = Query {
                id: id.clone(),
                ..Query::default()
            };
            let figure = match resolver.value(&query) {
                Ok(figure) => figure,
                Err(fail) => {
                    let (line, column) = document.front.key_figures_at;
                    let problem =
                        Problem::error(&document.file, format!("key_figures: {}", fail.message))
                            .at(line, column)
                            .maybe_help(fail.help);
                    if self.preview && fail.gap.is_some() {
                        // Left out of the preview's key figures, and said so.
                        gaps.push(Problem {
                            severity: crate::problem::Severity::Warning,
                            ..problem
                        });
                    } else if self.data_complete || !fail.missing_data {
                        problems.push(problem);
                    }
                    continue;
                }
            };
            markers.extend(figure.markers.iter().copied());
            // A key figure with no earlier figure to compare with is shown alone.
            let change = resolver.change(&query, "previous").ok();
            if let Some(change) = &change {
                markers.extend(change.from.markers.iter().copied());
            }
            let indicator = &self.data.indicators[id];
            views.push(KeyFigureView {
                id: id.clone(),
                title: indicator.title.clone(),
                value: figure.text.clone(),
                period: figure.period.short_label(),
                change: change
                    .as_ref()
                    .map(|c| sentence_case(&c.text))
                    .unwrap_or_default(),
                direction: change
                    .as_ref()
                    .and_then(|c| c.direction)
                    .map_or("", |d| d.name()),
                assessment: change.as_ref().and_then(|c| c.assessment).unwrap_or(""),
            });
        }
        if problems.is_empty() {
            Ok((views, markers, gaps))
        } else {
            Err(problems)
        }
    }

    pub(super) fn site_view(&self) -> SiteView<'_> {
        SiteView {
            title: &self.config.title,
            publisher: &self.config.publisher,
            area: &self.config.area,
            language: &self.config.language,
        }
    }

    /// Reports, Indicators, Compare quarters, then each plain page.
    pub(super) fn nav(&self, current: &str, root: &str) -> Vec<NavItem> {
        let sections = [
            ("Reports", "index.html"),
            ("Indicators", "indicators/index.html"),
            ("Compare quarters", "compare/index.html"),
        ];
        sections
            .into_iter()
            .map(|(title, output)| (title.to_string(), output))
            .chain(
                self.pages
                    .iter()
                    .map(|p| (p.front.title.clone(), p.output.as_str())),
            )
            .map(|(title, output)| NavItem {
                title,
                url: format!("{root}{output}"),
                current: output == current,
            })
            .collect()
    }

    pub(super) fn page(
        &self,
        template: &str,
        output: &str,
        title: &str,
        extra: Value,
    ) -> Result<OutputFile, Problem> {
        let root = root_of(output);
        let context = context! {
            site => self.site_view(),
            nav => self.nav(output, &root),
            root => root,
            page_title => title,
            ..extra
        };
        let html = self.theme.render(template, context)?;
        Ok(OutputFile::new(output, html))
    }

    fn report_page(&self, index: usize, body: &Body) -> Result<OutputFile, Problem> {
        let report = &self.reports[index];
        let root = root_of(&report.output);
        let link = |other| pager_link(&root, other);
        let period = report.front.period.expect("reports have periods");
        let published = report.front.published;
        let view = ReportView {
            title: &report.front.title,
            period_label: period.label(),
            period_short: period.short_label(),
            summary: report.front.summary.as_deref().unwrap_or(""),
            committee: report.front.committee.as_deref().unwrap_or(""),
            meeting: report.front.meeting.map(|d| d.long()).unwrap_or_default(),
            meeting_iso: report.front.meeting.map(|d| d.iso()).unwrap_or_default(),
            published: published.map(|d| d.long()).unwrap_or_default(),
            published_iso: published.map(|d| d.iso()).unwrap_or_default(),
            body: body.html.html.clone(),
            toc: body.html.toc.clone(),
            previous: index.checked_sub(1).map(|i| link(&self.reports[i])),
            next: self.reports.get(index + 1).map(link),
            markers: marker_views(&body.markers),
            key_figures: &body.key_figures,
            draft: report.front.draft,
        };
        self.page(
            "report.html",
            &report.output,
            &report.front.title,
            context! { report => view },
        )
    }

    fn plain_page(&self, page: &Document, body: &Body) -> Result<OutputFile, Problem> {
        let view = PageView {
            title: &page.front.title,
            body: body.html.html.clone(),
            toc: body.html.toc.clone(),
            markers: marker_views(&body.markers),
        };
        self.page(
            "page.html",
            &page.output,
            &page.front.title,
            context! { page => view },
        )
    }

    fn report_link<'s>(&'s self, report: &'s Document) -> ReportLink<'s> {
        let period = report.front.period.expect("reports have periods");
        ReportLink {
            title: &report.front.title,
            url: report.output.clone(),
            period_label: period.label(),
            period_short: period.short_label(),
            summary: report.front.summary.as_deref().unwrap_or(""),
            committee: report.front.committee.as_deref().unwrap_or(""),
            meeting: report.front.meeting.map(|d| d.long()).unwrap_or_default(),
            meeting_iso: report.front.meeting.map(|d| d.iso()).unwrap_or_default(),
        }
    }

    fn home(&self, latest_key_figures: &[KeyFigureView]) -> Result<OutputFile, Problem> {
        let mut years: Vec<YearGroup<'_>> = Vec::new();
        for report in self.reports.iter().rev() {
            let label = report
                .front
                .period
                .expect("reports have periods")
                .financial_year_label();
            match years.last_mut() {
                Some(group) if group.label == label => group.reports.push(self.report_link(report)),
                _ => years.push(YearGroup {
                    label,
                    reports: vec![self.report_link(report)],
                }),
            }
        }
        let latest = self.reports.last().map(|r| self.report_link(r));
        self.page(
            "index.html",
            "index.html",
            &self.config.title,
            context! { latest, years, latest_key_figures },
        )
    }
}

/// A link to another report, relative to a page at `root`.
pub(super) fn pager_link<'d>(root: &str, other: &'d Document) -> PagerLink<'d> {
    PagerLink {
        title: &other.front.title,
        url: format!("{root}{}", other.output),
        period_short: other
            .front
            .period
            .map(|p| p.short_label())
            .unwrap_or_default(),
    }
}

fn marker_views(markers: &BTreeSet<Marker>) -> Vec<MarkerView> {
    markers
        .iter()
        .map(|m| MarkerView {
            code: m.code(),
            meaning: m.meaning(),
        })
        .collect()
}

/// `an increase of 16` → `An increase of 16`.
fn sentence_case(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
