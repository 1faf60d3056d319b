//! What templates see: small serialisable views, built per page.
//!
//! Themes depend only on these names, so the internal model can change without
//! breaking a council's own templates. Every URL in a view is already relative
//! to the page it appears on.
//!
//! The views every page and the reports' and plain pages' own are here;
//! those of charts and tables are in `exhibits`, and those of the pages made
//! from the whole site in `archive`. All are named from here.

mod archive;
mod exhibits;

use crate::data::cell::Marker;
pub use archive::{
    CompareCell, CompareColumn, CompareRow, CompareSummary, CompareView, FeedEntry, IndicatorLink,
    IndicatorView, LatestView, SummaryLine, ThemeGroup,
};
pub use exhibits::{FigureView, Html, NoteView, Rows, TableCellView, TableRowView, TableView};
use serde::Serialize;

/// An entry of a page's contents list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TocEntry {
    /// The heading's id.
    pub id: String,
    /// The heading's text.
    pub text: String,
    /// 2 or 3.
    pub level: u8,
}

/// The site, on every page.
#[derive(Debug, Serialize)]
pub struct SiteView<'a> {
    /// site.toml `title`.
    pub title: &'a str,
    /// site.toml `publisher`.
    pub publisher: &'a str,
    /// site.toml `area`.
    pub area: &'a str,
    /// site.toml `language`.
    pub language: &'a str,
    /// `[brand] colour`, the header's colour, if the site sets one.
    pub brand_colour: Option<&'a str>,
    /// `[brand] logo_alt`: the logo's text alternative.
    pub logo_alt: &'a str,
}

/// A page in one of the languages it is published in: for its `hreflang`
/// links, and the link to it from its twin.
#[derive(Debug, Serialize)]
pub struct LanguageLink<'a> {
    /// Its `lang`: site.toml `language`, or a translation's code (`cy`).
    pub lang: &'a str,
    /// Relative URL.
    pub url: String,
    /// The language's name for itself: `English`, `Cymraeg`.
    pub name: &'static str,
    /// Whether it is the page being shown.
    pub current: bool,
}

/// A link in the site's main navigation.
#[derive(Debug, Serialize)]
pub struct NavItem {
    /// Link text.
    pub title: String,
    /// Relative URL.
    pub url: String,
    /// Whether it is the page being shown.
    pub current: bool,
    /// The `lang` of the page it leads to when that is not the language of
    /// the page it is on (a Welsh page's link to a page not yet in Welsh);
    /// else empty.
    pub hreflang: String,
}

/// A report as listed on the home page.
#[derive(Debug, Serialize)]
pub struct ReportLink<'a> {
    /// Its title.
    pub title: &'a str,
    /// Relative URL.
    pub url: String,
    /// `Q1 2023-24 (April to June 2023)`.
    pub period_label: String,
    /// `Q1 2023-24`.
    pub period_short: String,
    /// One sentence.
    pub summary: &'a str,
    /// The committee.
    pub committee: &'a str,
    /// `5 September 2023`, or empty.
    pub meeting: String,
    /// `2023-09-05`, or empty.
    pub meeting_iso: String,
    /// The `lang` of its title, summary and committee when the page listing
    /// it is in another language; else empty.
    pub lang: &'a str,
}

/// A financial year's reports on the home page.
#[derive(Debug, Serialize)]
pub struct YearGroup<'a> {
    /// `2023-24`.
    pub label: String,
    /// Newest first.
    pub reports: Vec<ReportLink<'a>>,
}

/// A previous or next report link.
#[derive(Debug, Serialize)]
pub struct PagerLink<'a> {
    /// Its title.
    pub title: &'a str,
    /// Relative URL.
    pub url: String,
    /// `Q4 2022-23`.
    pub period_short: String,
}

/// A GSS marker used on a page, for its key.
#[derive(Debug, Serialize)]
pub struct MarkerView {
    /// `[c]`.
    pub code: &'static str,
    /// What it means.
    pub meaning: &'static str,
}

impl From<Marker> for MarkerView {
    fn from(marker: Marker) -> MarkerView {
        MarkerView::in_language(marker, crate::i18n::Language::English)
    }
}

impl MarkerView {
    /// `marker`, its meaning in `language`.
    pub fn in_language(marker: Marker, language: crate::i18n::Language) -> MarkerView {
        MarkerView {
            code: marker.code(),
            meaning: marker.meaning_in(language),
        }
    }
}

/// A key figure at the top of a report.
#[derive(Debug, Clone, Serialize)]
pub struct KeyFigureView {
    /// The indicator's id: its page is `{{ root }}indicators/<id>/index.html`.
    pub id: String,
    /// The indicator's title.
    pub title: String,
    /// The figure as shown: `308`.
    pub value: String,
    /// The period the figure belongs to: `June 2023`.
    pub period: String,
    /// `an increase of 16 from 292 in March 2023`, or empty.
    pub change: String,
    /// `up`, `down`, `same`, or empty.
    pub direction: &'static str,
    /// `better`, `worse`, `no change`, `neutral`, or empty.
    pub assessment: &'static str,
}

/// A report's own page.
#[derive(Debug, Serialize)]
pub struct ReportView<'a> {
    /// Its title.
    pub title: &'a str,
    /// `Q1 2023-24 (April to June 2023)`.
    pub period_label: String,
    /// `Q1 2023-24`.
    pub period_short: String,
    /// One sentence, or empty.
    pub summary: &'a str,
    /// The committee, or empty.
    pub committee: &'a str,
    /// The meeting date, or empty.
    pub meeting: String,
    /// The meeting date as ISO, or empty.
    pub meeting_iso: String,
    /// The publication date (the meeting date unless front matter says), or empty.
    pub published: String,
    /// The publication date as ISO, or empty.
    pub published_iso: String,
    /// The body as HTML.
    pub body: String,
    /// Its contents list.
    pub toc: Vec<TocEntry>,
    /// The report before, if any.
    pub previous: Option<PagerLink<'a>>,
    /// The report after, if any.
    pub next: Option<PagerLink<'a>>,
    /// Markers used on the page.
    pub markers: Vec<MarkerView>,
    /// The key figures, in front-matter order.
    pub key_figures: &'a [KeyFigureView],
    /// Whether it is a draft.
    pub draft: bool,
    /// Its figures revised or corrected since it was published, oldest first.
    pub updates: Vec<UpdateView>,
    /// The report as a PDF, with `pdf = true`; none for a draft.
    pub pdf: Option<PdfLinkView>,
}

/// A report's PDF, as its page links to it: `PDF, 25 pages, 410 KB`.
#[derive(Debug, Clone, Serialize)]
pub struct PdfLinkView {
    /// Its file name, beside the page.
    pub url: String,
    /// `25 pages`.
    pub pages: String,
    /// `410 KB`.
    pub size: String,
}

/// One entry of a report's "Updates to this report".
#[derive(Debug, Serialize)]
pub struct UpdateView {
    /// `7 December 2026`.
    pub date: String,
    /// `2026-12-07`.
    pub date_iso: String,
    /// `Children looked after per 10,000, Q1 2024-25: revised to 122.4 per
    /// 10,000; this report shows 121.5 per 10,000, the figure the committee saw.`
    pub text: String,
}

/// A plain page.
#[derive(Debug, Serialize)]
pub struct PageView<'a> {
    /// Its title.
    pub title: &'a str,
    /// The body as HTML.
    pub body: String,
    /// Its contents list.
    pub toc: Vec<TocEntry>,
    /// Markers used on the page.
    pub markers: Vec<MarkerView>,
}
