//! One [`Generator`] for each kind of output: a report, a plain page, the
//! home page, the indicators index, an indicator's page, the compare pages,
//! the data downloads, the feed, the sitemap, robots.txt, the 404 page and
//! the static files.
//!
//! Each holds what it reads, and its key fingerprints exactly that: the
//! site's `inputs` (data, site.toml, theme) for what every page shares, its
//! `shape` (those, and every document's address and front matter) for what
//! lists or links to the documents, and then its own inputs.

use super::Site;
use super::body::{Body, BodyOf};
use super::file::OutputFile;
use super::generator::{Generator, Made};
use crate::config::Translation;
use crate::content::Document;
use crate::content::Report;
use crate::data::indicators::Indicator;
use crate::fingerprint;
use crate::i18n::Language;
use crate::problem::Problem;
use crate::templates::views::KeyFigureView;

/// A file, or its problem, as a generator's output.
fn one(file: Result<OutputFile, Problem>) -> Result<Made, Vec<Problem>> {
    file.map(|f| Made::new(vec![f])).map_err(|p| vec![p])
}

/// A document's page (and any other files of its own), made by `page`, and
/// the CSV files of its body's charts and tables beside it.
fn document_files(
    document: &Document,
    body: &Body,
    page: Result<Vec<OutputFile>, Problem>,
) -> Result<Made, Vec<Problem>> {
    let folder = document.output.trim_end_matches("index.html");
    let mut files: Vec<OutputFile> = body
        .downloads
        .iter()
        .map(|d| OutputFile::new(format!("{folder}{}", d.name), d.contents.clone()))
        .collect();
    files.extend(page.map_err(|p| vec![p])?);
    Ok(Made::new(files))
}

/// A report's page, with its neighbours' titles and addresses.
pub(super) struct ReportPage<'s> {
    pub(super) site: &'s Site,
    /// The reports it is one of: the site's, or their twins; oldest first.
    pub(super) list: &'s [Report],
    /// Its place in `list`.
    pub(super) index: usize,
    pub(super) body: &'s Body,
}

impl Generator for ReportPage<'_> {
    type Output = Made;

    fn kind(&self) -> &'static str {
        "report"
    }

    /// Its neighbours are in the shape; its body is made from what the
    /// body's key covers.
    fn key(&self) -> u64 {
        let document = &self.list[self.index];
        let body = BodyOf {
            site: self.site,
            document,
        };
        fingerprint::of((self.site.shape, body.key()))
    }

    fn make(&self) -> Result<Made, Vec<Problem>> {
        let report = &self.list[self.index];
        document_files(
            report,
            self.body,
            self.site.report_files(self.list, self.index, self.body),
        )
    }
}

/// A plain page.
pub(super) struct PlainPage<'s> {
    pub(super) site: &'s Site,
    pub(super) page: &'s Document,
    pub(super) body: &'s Body,
}

impl Generator for PlainPage<'_> {
    type Output = Made;

    fn kind(&self) -> &'static str {
        "page"
    }

    /// The navigation, which names every plain page, is in the shape.
    fn key(&self) -> u64 {
        let body = BodyOf {
            site: self.site,
            document: self.page,
        };
        fingerprint::of((self.site.shape, body.key()))
    }

    fn make(&self) -> Result<Made, Vec<Problem>> {
        document_files(
            self.page,
            self.body,
            self.site
                .plain_page(self.page, self.body)
                .map(|page| vec![page]),
        )
    }
}

/// `index.html` (or a translation's `cy/index.html`): every report by
/// year, and the newest one's key figures.
pub(super) struct Home<'s> {
    pub(super) site: &'s Site,
    pub(super) output: String,
    pub(super) latest_key_figures: &'s [KeyFigureView],
}

impl Generator for Home<'_> {
    type Output = Made;

    fn kind(&self) -> &'static str {
        "home"
    }

    fn key(&self) -> u64 {
        let key_figures = format!("{:?}", self.latest_key_figures);
        fingerprint::of((self.site.shape, &self.output, key_figures))
    }

    fn make(&self) -> Result<Made, Vec<Problem>> {
        one(self.site.home(&self.output, self.latest_key_figures))
    }
}

/// `404.html`, or a translation's `cy/404.html`.
pub(super) struct NotFound<'s> {
    pub(super) site: &'s Site,
    pub(super) translation: Option<&'s Translation>,
}

impl Generator for NotFound<'_> {
    type Output = Made;

    fn kind(&self) -> &'static str {
        "404"
    }

    /// Without an address, the page carries the stylesheet inline, and the
    /// site's own is read from disk when the page is made.
    fn key(&self) -> u64 {
        let own_css = self
            .site
            .static_files
            .get("static/style.css")
            .map(|file| std::fs::read(self.site.root.join(file)).map_err(|e| e.to_string()));
        let code = self.translation.map(|t| &t.code);
        fingerprint::of((self.site.shape, own_css, code))
    }

    fn make(&self) -> Result<Made, Vec<Problem>> {
        one(self.site.not_found(self.translation))
    }
}

/// `indicators/index.html`.
pub(super) struct IndicatorsIndex<'s> {
    pub(super) site: &'s Site,
    /// The language it is written in: the site's own, or a translation's
    /// (`cy/indicators/index.html`).
    pub(super) language: Language,
}

impl Generator for IndicatorsIndex<'_> {
    type Output = Made;

    fn kind(&self) -> &'static str {
        "indicators"
    }

    fn key(&self) -> u64 {
        fingerprint::of((self.site.shape, self.language.tag()))
    }

    fn make(&self) -> Result<Made, Vec<Problem>> {
        one(self.site.indicators_index(self.language))
    }
}

/// `indicators/<id>/index.html`, with the reports that use it.
pub(super) struct IndicatorPage<'s> {
    pub(super) site: &'s Site,
    pub(super) indicator: &'s Indicator,
    /// The reports that use it, by their place, newest first.
    pub(super) used_by: &'s [usize],
    /// The language it is written in.
    pub(super) language: Language,
}

impl Generator for IndicatorPage<'_> {
    type Output = Made;

    fn kind(&self) -> &'static str {
        "indicator"
    }

    fn key(&self) -> u64 {
        fingerprint::of((
            self.site.shape,
            &self.indicator.id,
            self.used_by,
            self.language.tag(),
        ))
    }

    fn make(&self) -> Result<Made, Vec<Problem>> {
        self.site
            .indicator_page(self.indicator, self.used_by, self.language)
            .map(Made::new)
            .map_err(|p| vec![p])
    }
}

/// `compare/index.html`, or with `all`, `compare/all/index.html`; in a
/// translation's folder when it has one.
pub(super) struct Compare<'s> {
    pub(super) site: &'s Site,
    pub(super) translation: Option<&'s Translation>,
    pub(super) all: bool,
}

impl Generator for Compare<'_> {
    type Output = Made;

    fn kind(&self) -> &'static str {
        "compare"
    }

    fn key(&self) -> u64 {
        let code = self.translation.map(|t| &t.code);
        fingerprint::of((self.site.shape, self.all, code))
    }

    fn make(&self) -> Result<Made, Vec<Problem>> {
        one(self.site.compare_page(self.translation, self.all))
    }
}

/// `feed.xml`, or a translation's `cy/feed.xml`.
pub(super) struct Feed<'s> {
    pub(super) site: &'s Site,
    pub(super) translation: Option<&'s Translation>,
}

impl Generator for Feed<'_> {
    type Output = Made;

    fn kind(&self) -> &'static str {
        "feed"
    }

    fn key(&self) -> u64 {
        let code = self.translation.map(|t| &t.code);
        fingerprint::of((self.site.shape, code))
    }

    fn make(&self) -> Result<Made, Vec<Problem>> {
        one(self.site.feed(self.translation))
    }
}

/// `data/<id>.csv` and `data/all.csv`.
pub(super) struct DataDownloads<'s> {
    pub(super) site: &'s Site,
}

impl Generator for DataDownloads<'_> {
    type Output = Made;

    fn kind(&self) -> &'static str {
        "data"
    }

    fn key(&self) -> u64 {
        self.site.inputs
    }

    fn make(&self) -> Result<Made, Vec<Problem>> {
        Ok(Made::new(self.site.data_downloads()))
    }
}

/// `robots.txt`, for a site at the root of its host.
pub(super) struct Robots<'s> {
    pub(super) site: &'s Site,
}

impl Generator for Robots<'_> {
    type Output = Made;

    fn kind(&self) -> &'static str {
        "robots"
    }

    fn key(&self) -> u64 {
        self.site.inputs
    }

    fn make(&self) -> Result<Made, Vec<Problem>> {
        Ok(Made::new(self.site.robots().into_iter().collect()))
    }
}

/// `sitemap.xml`, listing every page written.
pub(super) struct Sitemap<'s> {
    pub(super) site: &'s Site,
    /// Every file written, sorted.
    pub(super) paths: &'s [String],
}

impl Generator for Sitemap<'_> {
    type Output = Made;

    fn kind(&self) -> &'static str {
        "sitemap"
    }

    fn key(&self) -> u64 {
        fingerprint::of((self.site.inputs, self.paths))
    }

    fn make(&self) -> Result<Made, Vec<Problem>> {
        self.site
            .sitemap(self.paths)
            .map(|file| Made::new(file.into_iter().collect()))
            .map_err(|p| vec![p])
    }
}

/// The theme's static files, and the site's own, which replace the
/// theme's and are copied rather than read.
pub(super) struct StaticFiles<'s> {
    pub(super) site: &'s Site,
}

impl Generator for StaticFiles<'_> {
    type Output = Made;

    fn kind(&self) -> &'static str {
        "static"
    }

    /// The theme's files are in the inputs; the site's own are copied from
    /// disk each time, so only where they are matters.
    fn key(&self) -> u64 {
        fingerprint::of((self.site.inputs, &self.site.static_files))
    }

    fn make(&self) -> Result<Made, Vec<Problem>> {
        let own = &self.site.static_files;
        let theme = self
            .site
            .theme
            .static_files
            .iter()
            .filter(|(path, _)| !own.contains_key(*path))
            .map(|(path, bytes)| OutputFile::new(path.clone(), bytes.clone()))
            .collect();
        let mut made = Made::new(theme);
        made.copies = own
            .iter()
            .map(|(path, file)| (path.clone(), file.clone()))
            .collect();
        Ok(made)
    }
}

#[cfg(test)]
#[path = "pages_tests.rs"]
mod tests;
