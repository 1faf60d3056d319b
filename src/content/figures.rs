//! The figures behind a chart or table: which periods, areas and breakdowns,
//! as a grid of rows by columns, resolved as at the report's period.
//!
//! A chart and the table under it are drawn from the same [`Grid`], so the two
//! can never disagree, and the CSV download holds exactly those figures.

use super::resolve::{Fail, Resolver};
use crate::charts::Span;
use crate::data::Observation;
use crate::data::cell::Marker;
use crate::data::indicators::{Indicator, Measure, Polarity, Unit};
use crate::period::{Period, PeriodKind};

/// How a chart draws its grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// A series over time.
    Line,
    /// Categories, a few periods, or areas side by side.
    Bar,
    /// A breakdown's shares across periods.
    Stacked,
}

impl ChartKind {
    /// Reads `kind=`.
    pub fn parse(text: &str) -> Result<ChartKind, Fail> {
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

    /// `line`, `bar` or `stacked`.
    pub fn name(self) -> &'static str {
        match self {
            ChartKind::Line => "line",
            ChartKind::Bar => "bar",
            ChartKind::Stacked => "stacked",
        }
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
}

impl Grid {
    /// A bar chart's grid with a row for each of an indicator's categories.
    fn by_category(indicator: &Indicator, categories: &[String], columns: Vec<Column>) -> Grid {
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

impl Resolver<'_> {
    /// The grid for `chart(...)`.
    pub fn chart_grid(&self, selection: &Selection) -> Result<Grid, Fail> {
        let id = selection
            .ids
            .first()
            .map(String::as_str)
            .unwrap_or_default();
        let indicator = self.indicator(id)?;
        let compare = self.comparators(&selection.compare)?;
        let breakdowns: Vec<String> = if selection.breakdown.is_some() {
            Vec::new()
        } else {
            self.visible_breakdowns(id)
        };
        if let Some(b) = &selection.breakdown {
            self.check_breakdown(indicator, b)?;
        }
        let kind = selection
            .kind
            .unwrap_or(match (breakdowns.is_empty(), compare.is_empty()) {
                (false, _) if selection.from.is_some() || selection.last.is_some() => {
                    ChartKind::Stacked
                }
                (false, _) => ChartKind::Bar,
                (true, false) => ChartKind::Bar,
                (true, true) => ChartKind::Line,
            });
        match (kind, breakdowns.is_empty()) {
            (ChartKind::Stacked, true) => Err(Fail::new(
                format!("a stacked chart shows a breakdown's shares, and `{id}` has no breakdowns"),
                Some("use kind=\"line\" or kind=\"bar\"".into()),
            )),
            (ChartKind::Stacked | ChartKind::Line, false) => {
                let columns: Vec<(Option<String>, Option<String>, String)> = breakdowns
                    .iter()
                    .map(|b| (None, Some(b.clone()), b.clone()))
                    .collect();
                self.over_time(indicator, selection, &columns, kind)
            }
            (ChartKind::Bar, false) if selection.from.is_some() || selection.last.is_some() => {
                self.breakdown_by_period(indicator, selection, &breakdowns, &compare)
            }
            (ChartKind::Bar, false) => self.breakdown_bars(indicator, &breakdowns, &compare),
            (ChartKind::Bar, true)
                if !compare.is_empty() && selection.from.is_none() && selection.last.is_none() =>
            {
                self.area_bars(indicator, selection.breakdown.as_deref(), &compare)
            }
            (ChartKind::Line | ChartKind::Bar, true) => {
                let mut columns =
                    vec![(None, selection.breakdown.clone(), self.config.area.clone())];
                columns.extend(compare.iter().map(|key| {
                    (
                        Some(key.clone()),
                        selection.breakdown.clone(),
                        self.config.comparators[key].clone(),
                    )
                }));
                self.over_time(indicator, selection, &columns, kind)
            }
        }
    }

    /// The grid for `table(...)`: one indicator as its chart would show it
    /// (over time, or by breakdown), or several indicators side by side over time.
    pub fn table_grid(&self, selection: &Selection) -> Result<Grid, Fail> {
        if selection.ids.len() == 1 {
            let mut selection = selection.clone();
            if selection.kind.is_none() {
                let broken_down = selection.breakdown.is_none()
                    && !self.visible_breakdowns(&selection.ids[0]).is_empty();
                selection.kind = Some(if broken_down {
                    ChartKind::Bar
                } else {
                    ChartKind::Line
                });
            }
            return self.chart_grid(&selection);
        }
        let indicators = selection
            .ids
            .iter()
            .map(|id| self.indicator(id))
            .collect::<Result<Vec<_>, _>>()?;
        if indicators.is_empty() {
            return Err(Fail::new(
                "table needs at least one indicator",
                Some("write e.g. table([\"cla_count\", \"uasc_count\"])".into()),
            ));
        }
        let mut grid_columns = Vec::new();
        let mut all: Vec<&[Observation]> = Vec::new();
        for indicator in &indicators {
            let series = self
                .data
                .series(&indicator.id, None, selection.breakdown.as_deref())
                .ok_or_else(|| {
                    Fail::new(format!("there are no figures for `{}`", indicator.id), None)
                        .missing()
                })?;
            all.push(self.visible(&series.observations));
            grid_columns.push((indicator, series));
        }
        let periods = self.choose_periods(&all, selection)?;
        let columns = grid_columns
            .into_iter()
            .map(|(indicator, series)| Column {
                name: indicator.title.clone(),
                cells: periods
                    .iter()
                    .map(|p| {
                        // A total over a month is not a quarter's total.
                        let flow = indicator.measure == Measure::Flow;
                        series
                            .within(p)
                            .filter(|o| !flow || o.period.kind() == p.kind())
                            .map(|o| {
                                cell(
                                    indicator,
                                    o,
                                    &self.config.area,
                                    selection.breakdown.as_deref(),
                                )
                            })
                    })
                    .collect(),
                ..Column::of(indicator)
            })
            .collect();
        Ok(Grid {
            title: indicators
                .iter()
                .map(|i| i.title.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            unit: indicators[0].unit,
            decimals: indicators[0].decimals,
            row_heading: "Period",
            rows: periods.iter().map(Period::short_label).collect(),
            periods: Some(periods),
            columns,
            kind: ChartKind::Line,
            source: sources(&indicators),
            polarity: indicators[0].polarity,
            own_row: None,
        })
    }

    /// Every figure of an indicator: a row for each period of any kind, a
    /// column for each area and breakdown (the site's first, then each
    /// comparator in site.toml order).
    pub fn history_grid(&self, id: &str) -> Result<Grid, Fail> {
        let indicator = self.indicator(id)?;
        let mut series: Vec<&crate::data::Series> = self.data.all_series(id).iter().collect();
        let order = |area: &Option<String>| {
            area.as_ref().map_or(0, |a| {
                1 + self
                    .config
                    .comparators
                    .keys()
                    .position(|k| k == a)
                    .unwrap_or(0)
            })
        };
        series.sort_by_key(|s| order(&s.area));
        let mut periods: Vec<Period> = series
            .iter()
            .flat_map(|s| self.visible(&s.observations).iter().map(|o| o.period))
            .collect();
        periods.sort();
        periods.dedup();
        let columns = series
            .iter()
            .map(|s| {
                let area = self.area_name(s.area.as_deref());
                Column {
                    name: match &s.breakdown {
                        Some(b) if s.area.is_none() => b.clone(),
                        Some(b) => format!("{area}: {b}"),
                        None => area.to_string(),
                    },
                    cells: periods
                        .iter()
                        .map(|p| {
                            exactly(&s.observations, p)
                                .map(|o| cell(indicator, o, area, s.breakdown.as_deref()))
                        })
                        .collect(),
                    comparator: s.area.is_some(),
                    ..Column::of(indicator)
                }
            })
            .collect();
        Ok(Grid {
            title: format!("{}: every figure", indicator.title),
            unit: indicator.unit,
            decimals: indicator.decimals,
            row_heading: "Period",
            rows: periods.iter().map(Period::label).collect(),
            periods: Some(periods),
            columns,
            kind: ChartKind::Line,
            source: indicator.source.clone(),
            polarity: indicator.polarity,
            own_row: None,
        })
    }

    fn comparators(&self, compare: &[String]) -> Result<Vec<String>, Fail> {
        compare
            .iter()
            .map(|c| {
                self.area(Some(c))?.ok_or_else(|| {
                    Fail::new(
                        format!("`{c}` is this site's own area, not a comparator"),
                        Some("compare= lists comparators from site.toml".into()),
                    )
                })
            })
            .collect()
    }

    /// The categories with a figure on or before the report's period, so a
    /// category first reported later never appears, even empty, in an earlier report.
    fn visible_breakdowns(&self, id: &str) -> Vec<String> {
        self.data
            .all_series(id)
            .iter()
            .filter(|s| s.area.is_none() && !self.visible(&s.observations).is_empty())
            .filter_map(|s| s.breakdown.clone())
            .collect()
    }

    fn check_breakdown(&self, indicator: &Indicator, breakdown: &str) -> Result<(), Fail> {
        let known = self.data.breakdowns(&indicator.id, None);
        if known.contains(&breakdown) {
            return Ok(());
        }
        Err(Fail::new(
            format!("`{}` has no breakdown `{breakdown}`", indicator.id),
            Some(
                crate::problem::suggest(breakdown, known.iter().copied())
                    .unwrap_or_else(|| format!("the breakdowns are {}", known.join(", "))),
            ),
        ))
    }

    /// Observations a report may show: none after its period.
    pub(crate) fn visible<'o>(&self, observations: &'o [Observation]) -> &'o [Observation] {
        match self.as_at {
            Some(as_at) => {
                let n = observations.partition_point(|o| o.period.ends_by(&as_at));
                &observations[..n]
            }
            None => observations,
        }
    }

    /// The periods to show from `series` (each sorted): one kind only (the
    /// kind of `from=`, else of the latest figure), from `from=`, the latest
    /// `last=`. Each series is read from its end and only as far as needed, so
    /// a chart of the last 12 months costs the same in the 400th report as in
    /// the first.
    fn choose_periods(
        &self,
        series: &[&[Observation]],
        selection: &Selection,
    ) -> Result<Vec<Period>, Fail> {
        let from = selection
            .from
            .as_deref()
            .map(|f| {
                Period::parse(f, self.config.year_start_month)
                    .map_err(|e| Fail::new(e.to_string(), None))
            })
            .transpose()?;
        let kind: Option<PeriodKind> = from.map(|f| f.kind()).or_else(|| {
            series
                .iter()
                .filter_map(|s| s.last())
                .map(|o| o.period)
                .max()
                .map(|p| p.kind())
        });
        let mut periods: Vec<Period> = Vec::new();
        for observations in series {
            let wanted = observations
                .iter()
                .rev()
                .filter(|o| Some(o.period.kind()) == kind)
                .take_while(|o| from.is_none_or(|f| o.period.start_date() >= f.start_date()))
                .take(selection.last.unwrap_or(usize::MAX));
            for o in wanted {
                periods.push(o.period);
            }
        }
        periods.sort();
        periods.dedup();
        if let Some(n) = selection.last {
            if n == 0 {
                return Err(Fail::new(
                    "last=0 would show nothing",
                    Some("write last=4 for the latest four periods".into()),
                ));
            }
            let skip = periods.len().saturating_sub(n);
            periods.drain(..skip);
        }
        if periods.is_empty() {
            return Err(Fail::new(
                format!(
                    "there are no figures to show{}",
                    from.map(|f| format!(" from {}", f.short_label()))
                        .unwrap_or_default()
                ),
                Some("check from= and the data for this indicator".into()),
            )
            .missing());
        }
        Ok(periods)
    }

    /// Rows are periods; columns are (area, breakdown, heading).
    fn over_time(
        &self,
        indicator: &Indicator,
        selection: &Selection,
        columns: &[(Option<String>, Option<String>, String)],
        kind: ChartKind,
    ) -> Result<Grid, Fail> {
        let series: Vec<_> = columns
            .iter()
            .map(|(area, breakdown, _)| {
                self.data
                    .series(&indicator.id, area.as_deref(), breakdown.as_deref())
            })
            .collect();
        // Periods come from the site's own figures; comparators are drawn where they match.
        let own: Vec<&[Observation]> = series
            .iter()
            .zip(columns)
            .filter(|(_, (area, _, _))| area.is_none())
            .filter_map(|(s, _)| s.map(|s| self.visible(&s.observations)))
            .collect();
        let periods = self.choose_periods(&own, selection)?;
        let columns = columns
            .iter()
            .zip(&series)
            .map(|((area, breakdown, name), s)| Column {
                name: name.clone(),
                cells: periods
                    .iter()
                    .map(|p| {
                        s.and_then(|s| exactly(s.observations.as_slice(), p))
                            .map(|o| {
                                cell(
                                    indicator,
                                    o,
                                    self.area_name(area.as_deref()),
                                    breakdown.as_deref(),
                                )
                            })
                    })
                    .collect(),
                comparator: area.is_some(),
                ..Column::of(indicator)
            })
            .collect();
        Ok(Grid {
            title: indicator.title.clone(),
            unit: indicator.unit,
            decimals: indicator.decimals,
            row_heading: "Period",
            rows: periods.iter().map(Period::short_label).collect(),
            periods: Some(periods),
            columns,
            kind,
            source: indicator.source.clone(),
            polarity: indicator.polarity,
            own_row: None,
        })
    }

    /// One bar per breakdown category at the latest period; comparators beside.
    fn breakdown_bars(
        &self,
        indicator: &Indicator,
        breakdowns: &[String],
        compare: &[String],
    ) -> Result<Grid, Fail> {
        let latest = breakdowns
            .iter()
            .filter_map(|b| self.data.series(&indicator.id, None, Some(b)))
            .filter_map(|s| self.visible(&s.observations).last())
            .map(|o| o.period)
            .max()
            .ok_or_else(|| {
                Fail::new(
                    format!("there are no figures for `{}` to show", indicator.id),
                    None,
                )
                .missing()
            })?;
        let mut columns = vec![Column {
            name: format!("{} ({})", self.config.area, latest.short_label()),
            cells: breakdowns
                .iter()
                .map(|b| {
                    self.data
                        .series(&indicator.id, None, Some(b))
                        .and_then(|s| exactly(&s.observations, &latest))
                        .map(|o| cell(indicator, o, &self.config.area, Some(b)))
                })
                .collect(),
            ..Column::of(indicator)
        }];
        columns.extend(self.comparator_columns(indicator, breakdowns, compare, &latest));
        Ok(Grid::by_category(indicator, breakdowns, columns))
    }

    /// Each comparator's figures for each breakdown, as at `latest`, headed by
    /// the comparator's name and the period its figures are for.
    fn comparator_columns(
        &self,
        indicator: &Indicator,
        breakdowns: &[String],
        compare: &[String],
        latest: &Period,
    ) -> Vec<Column> {
        let mut columns = Vec::new();
        for key in compare {
            let cells: Vec<Option<Cell>> = breakdowns
                .iter()
                .map(|b| {
                    self.data
                        .series(&indicator.id, Some(key), Some(b))
                        .and_then(|s| s.as_at(latest))
                        .map(|o| cell(indicator, o, self.area_name(Some(key)), Some(b)))
                })
                .collect();
            let period = cells.iter().flatten().map(|c| c.period).max();
            let name = &self.config.comparators[key];
            columns.push(Column {
                name: match period {
                    Some(p) => format!("{name} ({})", p.short_label()),
                    None => name.clone(),
                },
                cells,
                comparator: true,
                ..Column::of(indicator)
            });
        }
        columns
    }

    /// Categories down the side, one column per period: how a breakdown moved.
    fn breakdown_by_period(
        &self,
        indicator: &Indicator,
        selection: &Selection,
        breakdowns: &[String],
        compare: &[String],
    ) -> Result<Grid, Fail> {
        let series: Vec<_> = breakdowns
            .iter()
            .map(|b| self.data.series(&indicator.id, None, Some(b)))
            .collect();
        let all: Vec<&[Observation]> = series
            .iter()
            .flatten()
            .map(|s| self.visible(&s.observations))
            .collect();
        let periods = self.choose_periods(&all, selection)?;
        let mut columns: Vec<Column> = periods
            .iter()
            .map(|p| Column {
                name: p.short_label(),
                cells: series
                    .iter()
                    .zip(breakdowns)
                    .map(|(s, b)| {
                        s.and_then(|s| exactly(&s.observations, p))
                            .map(|o| cell(indicator, o, &self.config.area, Some(b)))
                    })
                    .collect(),
                ..Column::of(indicator)
            })
            .collect();
        if let Some(latest) = periods.last() {
            columns.extend(self.comparator_columns(indicator, breakdowns, compare, latest));
        }
        Ok(Grid::by_category(indicator, breakdowns, columns))
    }

    /// The site's latest figure beside each comparator's, one bar each.
    fn area_bars(
        &self,
        indicator: &Indicator,
        breakdown: Option<&str>,
        compare: &[String],
    ) -> Result<Grid, Fail> {
        let mut rows = Vec::new();
        let mut cells = Vec::new();
        let areas = std::iter::once(None).chain(compare.iter().map(|k| Some(k.as_str())));
        for area in areas {
            let name = area.map_or(&self.config.area, |k| &self.config.comparators[k]);
            let observation = self
                .data
                .series(&indicator.id, area, breakdown)
                .and_then(|s| match self.as_at {
                    Some(as_at) => s.as_at(&as_at),
                    None => s.observations.last(),
                });
            rows.push(match observation {
                Some(o) => format!("{name} ({})", o.period.short_label()),
                None => name.clone(),
            });
            cells.push(observation.map(|o| cell(indicator, o, name, breakdown)));
        }
        Ok(Grid {
            title: indicator.title.clone(),
            unit: indicator.unit,
            decimals: indicator.decimals,
            row_heading: "Area",
            rows,
            periods: None,
            columns: vec![Column {
                name: indicator.title.clone(),
                cells,
                ..Column::of(indicator)
            }],
            kind: ChartKind::Bar,
            source: indicator.source.clone(),
            polarity: indicator.polarity,
            own_row: Some(0),
        })
    }
}

/// The figure for exactly `period`, if there is one.
pub(crate) fn exactly<'o>(
    observations: &'o [Observation],
    period: &Period,
) -> Option<&'o Observation> {
    observations
        .binary_search_by(|o| o.period.cmp(period))
        .ok()
        .map(|i| &observations[i])
}

pub(crate) fn cell(
    indicator: &Indicator,
    observation: &Observation,
    area: &str,
    breakdown: Option<&str>,
) -> Cell {
    let figure = super::resolve::figure(indicator, observation);
    Cell {
        value: figure.number,
        text: figure.text,
        markers: figure.markers,
        period: observation.period,
        area: area.to_string(),
        breakdown: breakdown.map(str::to_string),
        note: observation.note.clone(),
    }
}

impl Resolver<'_> {
    pub(crate) fn area_name<'n>(&'n self, key: Option<&'n str>) -> &'n str {
        key.map_or(&self.config.area, |k| &self.config.comparators[k])
    }
}

fn sources(indicators: &[&Indicator]) -> String {
    let mut sources: Vec<&str> = indicators
        .iter()
        .map(|i| i.source.as_str())
        .filter(|s| !s.is_empty())
        .collect();
    sources.dedup();
    sources.join("; ")
}

#[cfg(test)]
#[path = "figures_tests.rs"]
mod tests;
