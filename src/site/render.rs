//! Rendering every output file from a read-only [`Site`], in parallel.

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
use std::collections::BTreeSet;
use std::path::Path;

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

/// A document's body, evaluated and converted.
pub(super) struct Body {
    html: Html,
    markers: BTreeSet<Marker>,
    key_figures: Vec<KeyFigureView>,
    downloads: Vec<Download>,
    /// Indicators the body's placeholders used.
    pub(super) indicators: BTreeSet<String>,
}

/// `reports/2023-24-q1/index.html` → `../../`.
pub(crate) fn root_of(output: &str) -> String {
    "../".repeat(output.matches('/').count())
}

impl Site {
    /// Renders every file of the site. All problems in all documents are
    /// reported together.
    pub fn render(&self) -> Result<Vec<OutputFile>, SiteProblems> {
        self.render_with(&ProgressBar::hidden(), &mut Timings::default())
    }

    /// How many steps [`Site::render_with`] reports to its progress bar.
    pub fn render_steps(&self) -> u64 {
        (2 * (self.reports.len() + self.pages.len()) + self.data.indicators.len() + 6) as u64
    }

    /// As [`Site::render`], advancing `progress` as pages are done and timing
    /// each stage into `timings`.
    pub fn render_with(
        &self,
        progress: &ProgressBar,
        timings: &mut Timings,
    ) -> Result<Vec<OutputFile>, SiteProblems> {
        let (ok, mut problems) = timings.time("bodies", || self.bodies_with(progress));
        if problems.has_errors() {
            return Err(SiteProblems(problems));
        }
        let (report_bodies, page_bodies) = ok.split_at(self.reports.len());
        let downloads: Vec<OutputFile> = self
            .reports
            .iter()
            .chain(&self.pages)
            .zip(&ok)
            .flat_map(|(document, body)| {
                let folder = document.output.trim_end_matches("index.html").to_string();
                body.downloads.iter().map(move |d| {
                    OutputFile::new(format!("{folder}{}", d.name), d.contents.clone())
                })
            })
            .collect();
        let uses = self.reports_by_indicator(&ok);
        let latest_key_figures = report_bodies.last().map_or(&[][..], |b| &b.key_figures[..]);
        let indicators: Vec<_> = self.data.indicators.values().collect();
        // Pages of which there is one, rendered in parallel with the rest.
        type Single<'s> = Box<dyn Fn() -> Result<OutputFile, Problem> + Send + Sync + 's>;
        let singles: Vec<Single<'_>> = vec![
            Box::new(|| self.home(latest_key_figures)),
            Box::new(|| self.not_found()),
            Box::new(|| self.indicators_index()),
            Box::new(|| self.compare_page(false)),
            Box::new(|| self.compare_page(true)),
            Box::new(|| self.feed()),
        ];
        let pages: Vec<Result<Vec<OutputFile>, Problem>> = timings.time("pages", || {
            (0..self.reports.len())
                .into_par_iter()
                .map(|i| self.report_page(i, &report_bodies[i]).map(|f| vec![f]))
                .chain((0..self.pages.len()).into_par_iter().map(|i| {
                    self.plain_page(&self.pages[i], &page_bodies[i])
                        .map(|f| vec![f])
                }))
                .chain(indicators.into_par_iter().map(|indicator| {
                    let used_by = uses.get(&indicator.id).map_or(&[][..], Vec::as_slice);
                    self.indicator_page(indicator, used_by)
                }))
                .chain(singles.into_par_iter().map(|page| page().map(|f| vec![f])))
                .inspect(|_| progress.inc(1))
                .collect()
        });
        let mut files = downloads;
        files.reserve(pages.len() + 8);
        for page in pages {
            match page {
                Ok(made) => files.extend(made),
                Err(problem) => problems.push(problem),
            }
        }
        if problems.has_errors() {
            return Err(SiteProblems(problems));
        }
        let start = std::time::Instant::now();
        files.extend(self.data_downloads());
        files.push(self.robots());

        let page_paths: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
        match self.sitemap(&page_paths) {
            Ok(sitemap) => files.extend(sitemap),
            Err(problem) => {
                problems.push(problem);
                return Err(SiteProblems(problems));
            }
        }
        files.push(OutputFile::new(
            super::write::MARKER_FILE,
            "This folder is built by outturn. Each build replaces it whole: do not keep other files here.\n",
        ));
        // The site's own files first: of two at one path, the first is kept.
        for (path, bytes) in self.static_files.iter().chain(&self.theme.static_files) {
            files.push(OutputFile::new(path.clone(), bytes.clone()));
        }
        files.sort_by(|a, b| a.path.cmp(&b.path));
        // The theme's files give way to the site's own; any other clash is a mistake.
        for pair in files.windows(2).filter(|pair| pair[0].path == pair[1].path) {
            let path = &pair[0].path;
            let theirs =
                self.theme.static_files.contains_key(path) && self.static_files.contains_key(path);
            if !theirs {
                problems.push(
                    Problem::error(
                        Path::new("static").join(path),
                        format!("outturn writes {path} itself"),
                    )
                    .help("rename or remove this file from static/"),
                );
            }
        }
        if problems.has_errors() {
            return Err(SiteProblems(problems));
        }
        files.dedup_by(|later, earlier| later.path == earlier.path);
        timings.stages.push(("files", start.elapsed()));
        let documents: Vec<&Document> = self.reports.iter().chain(&self.pages).collect();
        let broken = timings.time("links", || super::links::check(&files, &documents));
        problems.extend(broken);
        if problems.has_errors() {
            return Err(SiteProblems(problems));
        }
        Ok(files)
    }

    /// Evaluates and converts every report's and page's body, in parallel:
    /// reports first, then pages, in order.
    pub(super) fn bodies(&self) -> (Vec<Body>, Problems) {
        self.bodies_with(&ProgressBar::hidden())
    }

    fn bodies_with(&self, progress: &ProgressBar) -> (Vec<Body>, Problems) {
        let documents: Vec<&Document> = self.reports.iter().chain(&self.pages).collect();
        let results: Vec<Result<Body, Vec<Problem>>> = documents
            .par_iter()
            .map(|d| self.body(d))
            .inspect(|_| progress.inc(1))
            .collect();
        let mut problems = Problems::new();
        let mut bodies = Vec::with_capacity(results.len());
        for result in results {
            match result {
                Ok(body) => bodies.push(body),
                Err(found) => problems.extend(found),
            }
        }
        (bodies, problems)
    }

    pub(super) fn body(&self, document: &Document) -> Result<Body, Vec<Problem>> {
        let inline = crate::content::inline_exhibits(document);
        if !inline.is_empty() {
            return Err(inline);
        }
        let evaluated = self.placeholders.evaluate(
            &document.file,
            &document.body,
            document.body_line,
            document.front.period,
            self.data_complete,
        );
        let key_figures = self.key_figures(document);
        let (evaluated, (key_figures, mut markers)) = match (evaluated, key_figures) {
            (Ok(e), Ok(k)) => (e, k),
            (e, k) => {
                let mut problems = e.err().unwrap_or_default();
                problems.extend(k.err().unwrap_or_default());
                return Err(problems);
            }
        };
        markers.extend(evaluated.markers);
        Ok(Body {
            html: markdown::to_html(
                &evaluated.markdown,
                &root_of(&document.output),
                &evaluated.texts,
            ),
            markers,
            key_figures,
            downloads: evaluated.downloads,
            indicators: evaluated.indicators,
        })
    }

    /// The figures named in `key_figures:`, each with its change from the
    /// period before, as at the report's period.
    fn key_figures(
        &self,
        document: &Document,
    ) -> Result<(Vec<KeyFigureView>, BTreeSet<Marker>), Vec<Problem>> {
        let resolver = Resolver {
            data: &self.data,
            config: &self.config,
            as_at: document.front.period,
        };
        let mut views = Vec::new();
        let mut markers = BTreeSet::new();
        let mut problems = Vec::new();
        for id in &document.front.key_figures {
            let query = Query {
                id: id.clone(),
                ..Query::default()
            };
            let figure = match resolver.value(&query) {
                Ok(figure) => figure,
                Err(fail) => {
                    if self.data_complete || !fail.missing_data {
                        let (line, column) = document.front.key_figures_at;
                        problems.push(
                            Problem::error(
                                &document.file,
                                format!("key_figures: {}", fail.message),
                            )
                            .at(line, column)
                            .maybe_help(fail.help),
                        );
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
            Ok((views, markers))
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
    fn nav(&self, current: &str, root: &str) -> Vec<NavItem> {
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
        self.page_at(template, output, title, extra, &root_of(output))
    }

    /// As [`Site::page`], with links from `root` (relative, or an absolute URL).
    fn page_at(
        &self,
        template: &str,
        output: &str,
        title: &str,
        extra: Value,
        root: &str,
    ) -> Result<OutputFile, Problem> {
        let context = context! {
            site => self.site_view(),
            root => root,
            nav => self.nav(output, root),
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

    /// A server shows 404.html at any address, so its links and stylesheet
    /// are absolute when the site's address is known.
    fn not_found(&self) -> Result<OutputFile, Problem> {
        let root = match self.config.base_url.trim_end_matches('/') {
            "" => String::new(),
            base => format!("{base}/"),
        };
        self.page_at("404.html", "404.html", "Page not found", context! {}, &root)
    }
}

fn pager_link<'d>(root: &str, other: &'d Document) -> PagerLink<'d> {
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
