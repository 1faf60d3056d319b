//! The figures behind a chart or table: what a `chart()` or `table()` asks
//! for ([`Selection`]) and the grid of rows by columns it gets ([`Grid`]),
//! which [`crate::query`] fills as at the report's period.
//!
//! A chart and the table under it are drawn from the same [`Grid`], so the two
//! can never disagree, and the CSV download holds exactly those figures.

use super::resolve::Fail;
use crate::charts::Span;
use crate::data::cell::Marker;
use crate::data::indicators::{Indicator, Polarity, Unit};
use crate::i18n::Language;
use crate::period::Period;

/// How a chart draws its grid: the charts module's own kind, so a grid's
/// kind goes to the drawing as it is.
pub use crate::charts::Kind as ChartKind;

/// Reads `kind=`.
pub fn parse_kind(text: &str) -> Result<ChartKind, Fail> {
    match text {
        "line" => Ok(ChartKind::Line),
        "bar" => Ok(ChartKind::Bar),
        "stacked" => Ok(ChartKind::Stacked),
        other => Err(Fail::new(
            format!("`{other}` is not a kind of chart"),
            Some("write kind=\"line\", kind=\"bar\" or kind=\"stacked\"".into()),
        )),
    }
}

/// What a `chart()` or `table()` asked for.
#[derive(Debug, Default, Clone)]
pub struct Selection {
    /// Indicator ids: one for a chart, one or more for a table.
    pub ids: Vec<String>,
    /// `kind=`, for charts.
    pub kind: Option<ChartKind>,
    /// `from=`: the first period shown; its kind (month, quarter, year) also
    /// chooses which of an indicator's series of periods is shown.
    pub from: Option<String>,
    /// `last=`: only the latest N periods.
    pub last: Option<usize>,
    /// `compare=`: comparator keys or names.
    pub compare: Vec<String>,
    /// `breakdown=`: one category of a broken-down indicator.
    pub breakdown: Option<String>,
}

/// One cell of a grid.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The number, absent when suppressed.
    pub value: Option<f64>,
    /// As shown: `308`, `55% [p]`, `[c]`.
    pub text: String,
    /// Its markers.
    pub markers: Vec<Marker>,
    /// The period the figure belongs to.
    pub period: Period,
    /// The area's name.
    pub area: String,
    /// The breakdown category.
    pub breakdown: Option<String>,
    /// The figure's note from the data file.
    pub note: Option<String>,
}

/// A column of a grid: one area, breakdown or indicator.
#[derive(Debug, Clone)]
pub struct Column {
    /// Its heading: `Thurrock`, `England`, `16 and over`.
    pub name: String,
    /// One cell per row; `None` where there is no figure.
    pub cells: Vec<Option<Cell>>,
    /// The indicator, for the CSV download.
    pub indicator: String,
    /// Its title and unit, for the CSV download.
    pub indicator_title: String,
    /// Its unit.
    pub unit: Unit,
    /// Whether it holds a comparator's figures rather than the site's own
    /// area's, so a chart can draw it in a quieter style.
    pub comparator: bool,
}

/// Rows by columns of figures.
#[derive(Debug, Clone)]
pub struct Grid {
    /// What the grid shows: the indicator's title, or a list of them.
    pub title: String,
    /// The unit of every column (tables of several indicators mix units only
    /// in their text; `unit` is then the first indicator's).
    pub unit: Unit,
    /// Decimal places, as for the unit.
    pub decimals: u8,
    /// The heading of the row labels: `Period`, `Category` or `Area`.
    pub row_heading: &'static str,
    /// Row labels.
    pub rows: Vec<String>,
    /// The period of each row, when the rows are periods (so a chart can draw
    /// time to scale); `None` when they are groups or areas.
    pub periods: Option<Vec<Period>>,
    /// The columns.
    pub columns: Vec<Column>,
    /// The chart kind this grid suits.
    pub kind: ChartKind,
    /// Where the figures come from.
    pub source: String,
    /// Whether a higher figure is better, for the first indicator shown.
    pub polarity: Polarity,
    /// The row of the site's own area, when the rows are areas.
    pub own_row: Option<usize>,
    /// The language its labels are written in, and its chart and table are.
    pub language: Language,
}

impl Column {
    /// An empty column of `indicator`'s figures, to fill with a name and cells.
    pub(crate) fn of(indicator: &Indicator) -> Column {
        Column {
            name: String::new(),
            cells: Vec::new(),
            indicator: indicator.id.clone(),
            indicator_title: indicator.title.clone(),
            unit: indicator.unit,
            comparator: false,
        }
    }

    /// Its numbers, one per row: `None` where there is no figure or the
    /// figure is withheld.
    pub fn values(&self) -> Vec<Option<f64>> {
        self.cells
            .iter()
            .map(|c| c.as_ref().and_then(|c| c.value))
            .collect()
    }
}

impl Grid {
    /// A grid with a row for each of `periods`, drawn as `kind`.
    pub(crate) fn by_period(
        indicator: &Indicator,
        periods: Vec<Period>,
        columns: Vec<Column>,
        kind: ChartKind,
        language: Language,
    ) -> Grid {
        Grid {
            title: indicator.title.clone(),
            unit: indicator.unit,
            decimals: indicator.decimals,
            row_heading: "Period",
            rows: periods.iter().map(|p| p.short_label_in(language)).collect(),
            periods: Some(periods),
            columns,
            kind,
            source: indicator.source.clone(),
            polarity: indicator.polarity,
            own_row: None,
            language,
        }
    }

    /// A bar chart's grid with a row for each of an indicator's categories.
    pub(crate) fn by_category(
        indicator: &Indicator,
        categories: &[String],
        columns: Vec<Column>,
        language: Language,
    ) -> Grid {
        Grid {
            title: indicator.title.clone(),
            unit: indicator.unit,
            decimals: indicator.decimals,
            row_heading: "Category",
            rows: categories.to_vec(),
            periods: None,
            columns,
            kind: ChartKind::Bar,
            source: indicator.source.clone(),
            polarity: indicator.polarity,
            own_row: None,
            language,
        }
    }

    /// The first and last periods of any figure shown.
    pub fn period_range(&self) -> Option<(Period, Period)> {
        let mut periods = self
            .columns
            .iter()
            .flat_map(|c| c.cells.iter().flatten().map(|cell| cell.period));
        let first = periods.next()?;
        Some(periods.fold((first, first), |(lo, hi), p| (lo.min(p), hi.max(p))))
    }

    /// When each row's period runs, for a chart to place it in time; `None`
    /// when the rows are not periods.
    pub fn spans(&self) -> Option<Vec<Span>> {
        let months = |d: crate::period::Date| d.year * 12 + d.month as i32;
        let periods = self.periods.as_ref()?;
        Some(
            periods
                .iter()
                .map(|p| Span {
                    start: months(p.start_date()) - 1,
                    end: months(p.end_date()),
                })
                .collect(),
        )
    }

    /// Every marker shown, once each, in key order.
    pub fn markers(&self) -> Vec<Marker> {
        let mut markers: Vec<Marker> = self
            .columns
            .iter()
            .flat_map(|c| {
                c.cells
                    .iter()
                    .flatten()
                    .flat_map(|cell| cell.markers.iter().copied())
            })
            .collect();
        markers.sort();
        markers.dedup();
        markers
    }
}

#[cfg(test)]
#[path = "figures_tests.rs"]
mod tests;
