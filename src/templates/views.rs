//! What templates see: small serialisable views, built per page.
//!
//! Themes depend only on these names, so the internal model can change without
//! breaking a council's own templates. Every URL in a view is already relative
//! to the page it appears on.

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

/// One cell of a figures table.
#[derive(Debug, Serialize)]
pub struct TableCellView {
    /// The figure without its markers: `308`, `55%`; empty when suppressed.
    pub text: String,
    /// Its markers, each with its meaning for `<abbr title>`.
    pub markers: Vec<MarkerView>,
    /// No figure at all for this row and column: shown as `[x]`, not available.
    pub empty: bool,
    /// The number of the figure's note, if it has one: its reference links
    /// to `#<table id>-note-<number>`.
    pub note: Option<usize>,
}

/// A note for readers on one or more figures of a table or chart, listed
/// under it and numbered as the figures' references are.
#[derive(Debug, Clone, Serialize)]
pub struct NoteView {
    /// 1, 2…: the notes are listed in this order.
    pub number: usize,
    /// Unique on the page: `figure-3-note-1`.
    pub id: String,
    /// The figures it is about, as a reader finds them: `Q1 2023-24`,
    /// `2021-22 and 2022-23`, or `2021-22, England; 2022-23, England` when the
    /// table has more than one column.
    pub figures: String,
    /// The note.
    pub text: String,
}

/// One row of a figures table.
#[derive(Debug, Serialize)]
pub struct TableRowView {
    /// The row's heading: a period, category or area.
    pub label: String,
    /// One cell per column.
    pub cells: Vec<TableCellView>,
}

/// A table of figures, from `table()` or under a chart.
#[derive(Debug, Serialize)]
pub struct TableView {
    /// Unique on the page: `figure-3`.
    pub id: String,
    /// The caption.
    pub caption: String,
    /// The heading over the row labels: `Period`, `Category`, `Area`.
    pub row_heading: &'static str,
    /// Column headings.
    pub columns: Vec<String>,
    /// The rows.
    pub rows: Vec<TableRowView>,
    /// Markers used in the table, for its key.
    pub markers: Vec<MarkerView>,
    /// Notes on its figures, listed under it. Empty under a chart: the
    /// chart lists them itself, outside the closed table.
    pub notes: Vec<NoteView>,
    /// The CSV file with these figures, relative to the page.
    pub csv: String,
    /// Where the figures come from.
    pub source: String,
}

/// A chart with its table, from `chart()`.
#[derive(Debug, Serialize)]
pub struct FigureView {
    /// Unique on the page: `figure-3`.
    pub id: String,
    /// The chart's title, as its author gave it.
    pub title: String,
    /// What the chart shows, in one sentence written from its figures, first
    /// in the caption: `Rose to 308 in June 2023, the highest since April
    /// 2022.`; empty for a single figure.
    pub message: String,
    /// `April 2022 to June 2023`.
    pub range: String,
    /// The chart as inline SVG; empty for a single figure.
    pub svg: String,
    /// One figure for one period, shown as a figure (the table's only cell)
    /// rather than as a chart of one point.
    pub single: bool,
    /// The symbols the chart's figures use, for a key beside it; the table
    /// closed under it keys only what it alone shows (`[x]` for no figure).
    pub markers: Vec<MarkerView>,
    /// Notes on its figures, listed under the chart where they show without
    /// opening the table; the table's cells refer to them.
    pub notes: Vec<NoteView>,
    /// Link to the page of the indicator it shows, or empty on that page itself.
    pub indicator_url: String,
    /// That indicator's title, for the link's text.
    pub indicator_title: String,
    /// The same figures as a table.
    pub table: TableView,
}

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
    pub unit: &'static str,
    /// `Higher is better`, `Lower is better`, `Neither higher nor lower is better`.
    pub polarity: &'static str,
    /// `As at the end of each period` or `During each period`.
    pub measure: &'static str,
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
    /// own, or this figure is not the quarter's own.
    pub change: String,
    /// `up`, `down`, `same`, or empty.
    pub direction: &'static str,
    /// `better` or `worse` for a like-with-like change, else empty.
    pub assessment: &'static str,
}

/// One indicator's change in the latest quarter, at the top of the page.
#[derive(Debug, Serialize)]
pub struct SummaryLine {
    /// The indicator's title.
    pub title: String,
    /// Relative URL of its page.
    pub url: String,
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
    /// One cell per quarter.
    pub cells: Vec<CompareCell>,
}

/// A quarter heading the comparison table.
#[derive(Debug, Serialize)]
pub struct CompareColumn {
    /// `Q1 2023-24`.
    pub label: String,
    /// Relative URL of that quarter's report.
    pub url: String,
}

/// The comparison page.
#[derive(Debug, Serialize)]
pub struct CompareView {
    /// The quarters shown, newest first.
    pub columns: Vec<CompareColumn>,
    /// Each theme's table, as HTML (from `partials/compare_table.html`).
    pub tables: Vec<String>,
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
