//! What the pages made from the whole site see: the indicators index, an
//! indicator's page, the compare page, and the feed's entries.

use super::{MarkerView, PagerLink};
use serde::Serialize;

/// An indicator as listed on the indicators page.
#[derive(Debug, Serialize)]
pub struct IndicatorLink {
    /// Its title.
    pub title: String,
    /// Relative URL of its page.
    pub url: String,
    /// What it measures.
    pub description: String,
    /// Its latest figure for the site's area, or empty.
    pub latest: String,
    /// The period of that figure, or empty.
    pub latest_period: String,
}

/// Indicators sharing a theme.
#[derive(Debug, Serialize)]
pub struct ThemeGroup<T> {
    /// The theme's name.
    pub name: String,
    /// Its indicators (or rows), by title.
    pub items: Vec<T>,
}

/// One area's latest figure on an indicator page.
#[derive(Debug, Serialize)]
pub struct LatestView {
    /// The area's name.
    pub area: String,
    /// The figure as shown.
    pub value: String,
    /// Its period.
    pub period: String,
}

/// An indicator's own page.
#[derive(Debug, Serialize)]
pub struct IndicatorView<'a> {
    /// The id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// What it measures.
    pub description: String,
    /// `Percentage`, `Rate per 10,000 children`…
    pub unit: String,
    /// `Higher is better`, `Lower is better`, `Neither higher nor lower is better`.
    pub polarity: String,
    /// `As at the end of each period` or `During each period`.
    pub measure: String,
    /// Where its figures come from.
    pub source: String,
    /// Its theme.
    pub theme: String,
    /// The latest figure for the site's area and each comparator.
    pub latest: Vec<LatestView>,
    /// The history chart (figure HTML), or empty.
    pub chart: String,
    /// The full history table (HTML).
    pub table: String,
    /// Reports whose text, charts or key figures use it, newest first.
    pub reports: Vec<PagerLink<'a>>,
    /// Relative URL of its CSV file.
    pub csv: String,
}

/// One cell of the comparison table.
#[derive(Debug, Serialize)]
pub struct CompareCell {
    /// The figure as at the quarter, or empty.
    pub value: String,
    /// The figure's own period, when it is older than the quarter, else empty.
    pub period_note: String,
    /// `up 16`, `down 3`, `no change`, or empty; followed by `since April
    /// 2022` when the figure it is compared with is not the quarter before's
    /// own, or this figure is not the quarter's own. In the page's language.
    pub change: String,
    /// `up`, `down`, `same`, or empty.
    pub direction: &'static str,
    /// `better` or `worse` (in the page's language: `gwell`, `gwaeth`) for
    /// a like-with-like change, else empty.
    pub assessment: String,
}

/// One indicator's change in the latest quarter, at the top of the page.
#[derive(Debug, Serialize)]
pub struct SummaryLine {
    /// The indicator's title.
    pub title: String,
    /// Relative URL of its page.
    pub url: String,
    /// The `lang` of its page when that is not the page's own, else empty.
    pub hreflang: String,
    /// `55% in Q1 2023-24, an increase of 3 percentage points from 52% in Q4 2022-23`.
    pub words: String,
}

/// What got better and worse in the latest quarter, like with like only.
#[derive(Debug, Default, Serialize)]
pub struct CompareSummary {
    /// The latest quarter: `Q1 2023-24`.
    pub period: String,
    /// Indicators that got better, in page order.
    pub better: Vec<SummaryLine>,
    /// Indicators that got worse, in page order.
    pub worse: Vec<SummaryLine>,
    /// Indicators that did not change.
    pub unchanged: Vec<SummaryLine>,
    /// How many other indicators where higher or lower is better have a
    /// figure but no like-with-like comparison.
    pub not_compared: usize,
}

/// One indicator's row in the comparison table.
#[derive(Debug, Serialize)]
pub struct CompareRow {
    /// The indicator's title.
    pub title: String,
    /// Relative URL of its page.
    pub url: String,
    /// The `lang` of its page when that is not the page's own (a Welsh
    /// page's link to a page not yet in Welsh), else empty.
    pub hreflang: String,
    /// One cell per quarter.
    pub cells: Vec<CompareCell>,
}

/// A quarter heading the comparison table.
#[derive(Debug, Serialize)]
pub struct CompareColumn {
    /// `Q1 2023-24`.
    pub label: String,
    /// The label as HTML, escaped, its financial year kept on one line:
    /// `Q1 <span class="period">2023-24</span>`, so a narrow column (on
    /// paper, with eight quarters) wraps it at the space, not the hyphen.
    pub label_html: String,
    /// Relative URL of that quarter's report.
    pub url: String,
    /// The `lang` of that report when that is not the page's own, else empty.
    pub hreflang: String,
}

/// The comparison page.
#[derive(Debug, Serialize)]
pub struct CompareView {
    /// The quarters shown, newest first.
    pub columns: Vec<CompareColumn>,
    /// Each theme's table by quarter, then the table of whole years when
    /// there is one, as HTML (from `partials/compare_table.html`).
    pub tables: Vec<String>,
    /// The symbols the tables show, for a key: `[x]` where a quarter has
    /// no figure, and the figures' own.
    pub markers: Vec<MarkerView>,
    /// Whether the last of `tables` is the table of whole years.
    pub years: bool,
    /// What changed in the latest quarter; `None` with no reports.
    pub summary: Option<CompareSummary>,
    /// Whether this page shows every quarter.
    pub all: bool,
    /// How many quarters there are in all.
    pub total: usize,
    /// Relative URL of the other comparison page (all or latest).
    pub other_url: String,
}

/// A report in the feed and sitemap.
#[derive(Debug, Serialize)]
pub struct FeedEntry {
    /// Its title.
    pub title: String,
    /// Absolute URL (or relative when base_url is empty).
    pub url: String,
    /// A stable id.
    pub id: String,
    /// RFC 3339 date.
    pub updated: String,
    /// One sentence.
    pub summary: String,
}
