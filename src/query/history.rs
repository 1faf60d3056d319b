//! An indicator's whole history, as its page charts it: every frequency it
//! has (months, quarters, years) and every comparator beside the site's own
//! area, each figure placed at its own period so the axis is to scale.
//!
//! Like is drawn with like. A figure as at a date (a stock) means the same
//! whichever period it was reported for, so a month's, a quarter's and a
//! year's figures share one axis, one point per date. A total or rate over a
//! period (a flow) is never joined to one over a period of another length: it
//! gets a chart for each frequency.

use crate::data::indicators::{Indicator, Measure};
use crate::data::{Observation, Series};
use crate::period::{Date, Period, PeriodKind};
use crate::query::figures::{ChartKind, Column, Grid, Selection};
use crate::query::{Fail, Resolver, exactly};
use std::collections::HashMap;

/// One chart of an indicator page.
#[derive(Debug, Clone)]
pub struct HistoryChart {
    /// Its figures.
    pub grid: Grid,
    /// How often its figures come, when the indicator's history needs a chart
    /// for each frequency; `None` when one chart shows it all.
    pub frequency: Option<PeriodKind>,
}

impl Resolver<'_> {
    /// The charts of `indicator`'s page: for a breakdown, its shares over time
    /// in the kind of its latest figures; for a figure as at a date, one chart
    /// of every date; for a total or rate over a period, one chart per
    /// frequency, the frequency of the site's latest figure first.
    pub fn history_charts(&self, indicator: &Indicator) -> Vec<HistoryChart> {
        if !self.data.breakdowns(&indicator.id, None).is_empty() {
            return self
                .chart_grid(&self.breakdown_selection(indicator))
                .map(|grid| HistoryChart {
                    grid,
                    frequency: None,
                })
                .into_iter()
                .collect();
        }
        let series = self.areas_series(indicator);
        if series.is_empty() {
            return Vec::new();
        }
        match indicator.measure {
            Measure::Stock => vec![HistoryChart {
                grid: self.by_date(indicator, &series),
                frequency: None,
            }],
            Measure::Flow => {
                let shown: Vec<(bool, &[Observation])> = series
                    .iter()
                    .map(|(area, s)| (area.is_none(), self.visible(&s.observations)))
                    .collect();
                let kinds = frequencies(&shown);
                let several = kinds.len() > 1;
                kinds
                    .into_iter()
                    .map(|kind| HistoryChart {
                        grid: self.of_kind(indicator, &series, kind),
                        frequency: several.then_some(kind),
                    })
                    .collect()
            }
        }
    }

    /// A breakdown's chart: its shares over time in the kind of its latest
    /// figures, or its latest figures alone when it has only one period.
    fn breakdown_selection(&self, indicator: &Indicator) -> Selection {
        let mut selection = Selection::of(vec![indicator.id.clone()]);
        let own = self
            .data
            .all_series(&indicator.id)
            .iter()
            .filter(|s| s.area.is_none());
        let latest = own
            .clone()
            .filter_map(|s| s.observations.last())
            .map(|o| o.period)
            .max();
        if let Some(latest) = latest {
            let earliest = own
                .flat_map(|s| s.observations.iter().map(|o| o.period))
                .filter(|p| p.kind() == latest.kind())
                .min();
            if earliest.is_some_and(|e| e != latest) {
                selection.from = earliest.map(|e| e.slug());
            }
        }
        selection
    }

    /// The site's own series and each comparator's that has figures, in
    /// the order of their keys.
    fn areas_series<'s>(&'s self, indicator: &Indicator) -> Vec<(Option<&'s str>, &'s Series)> {
        std::iter::once(None)
            .chain(self.config.comparators.keys().map(|k| Some(k.as_str())))
            .filter_map(|area| {
                let series = self.data.series(&indicator.id, area, None)?;
                let shown = self.visible(&series.observations);
                (!shown.is_empty()).then_some((area, series))
            })
            .collect()
    }

    /// A figure as at a date: one row per date any area has a figure for,
    /// each area's figure of that date (the shortest period's where a month
    /// and the year ending with it both have one).
    fn by_date<'s>(&self, indicator: &Indicator, series: &[(Option<&str>, &'s Series)]) -> Grid {
        let mut dates: Vec<Date> = series
            .iter()
            .flat_map(|(_, s)| self.visible(&s.observations).iter())
            .map(|o| o.period.end_date())
            .collect();
        dates.sort();
        dates.dedup();
        // Each area's figures by the date they end on, looked up once per
        // row: a long history has a row for every month.
        let by_end: Vec<HashMap<Date, &'s Observation>> = series
            .iter()
            .map(|(_, s)| ending_on(self.visible(&s.observations)))
            .collect();
        let at = |k: usize, date: Date| by_end[k].get(&date).copied();
        // A row is named for the site's own figure of its date, else the
        // comparators' shortest period ending then.
        let periods: Vec<Period> = dates
            .iter()
            .map(|&date| {
                let own = series
                    .iter()
                    .enumerate()
                    .filter(|(_, (area, _))| area.is_none())
                    .find_map(|(k, _)| at(k, date));
                own.or_else(|| {
                    (0..series.len())
                        .filter_map(|k| at(k, date))
                        .min_by_key(|o| o.period.kind())
                })
                .map(|o| o.period)
                .expect("every date is some figure's")
            })
            .collect();
        let columns = series
            .iter()
            .enumerate()
            .map(|(k, (area, _))| {
                let cells = dates.iter().map(|&date| at(k, date)).collect();
                self.history_column(indicator, *area, cells)
            })
            .collect();
        Grid::by_period(indicator, periods, columns, ChartKind::Line, self.language)
    }

    /// A total or rate over a period: the periods of `kind` any area has a
    /// figure for, and each area that has one.
    fn of_kind(
        &self,
        indicator: &Indicator,
        series: &[(Option<&str>, &Series)],
        kind: PeriodKind,
    ) -> Grid {
        // Each area that has figures of this kind, with what it shows.
        let areas: Vec<(Option<&str>, &[Observation])> = series
            .iter()
            .map(|(area, s)| (*area, self.visible(&s.observations)))
            .filter(|(_, shown)| shown.iter().any(|o| o.period.kind() == kind))
            .collect();
        let mut periods: Vec<Period> = areas
            .iter()
            .flat_map(|(_, shown)| shown.iter().map(|o| o.period))
            .filter(|p| p.kind() == kind)
            .collect();
        periods.sort();
        periods.dedup();
        let columns = areas
            .into_iter()
            .map(|(area, shown)| {
                let cells = periods.iter().map(|p| exactly(shown, p)).collect();
                self.history_column(indicator, area, cells)
            })
            .collect();
        Grid::by_period(indicator, periods, columns, ChartKind::Line, self.language)
    }

    fn history_column(
        &self,
        indicator: &Indicator,
        area: Option<&str>,
        cells: Vec<Option<&Observation>>,
    ) -> Column {
        let name = self.area_name(area);
        Column {
            name: name.to_string(),
            cells: cells
                .into_iter()
                .map(|o| o.map(|o| super::grids::cell(indicator, o, name, None, self.language)))
                .collect(),
            comparator: area.is_some(),
            ..Column::of(indicator)
        }
    }
}

/// The figures of `shown` by the date each ends on: the shortest period's
/// where several end on one date.
fn ending_on(shown: &[Observation]) -> HashMap<Date, &Observation> {
    let mut by_end: HashMap<Date, &Observation> = HashMap::with_capacity(shown.len());
    for o in shown {
        by_end
            .entry(o.period.end_date())
            .and_modify(|kept| {
                if o.period.kind() < kept.period.kind() {
                    *kept = o;
                }
            })
            .or_insert(o);
    }
    by_end
}

/// The kinds of period among the figures shown (each area's, marked whether
/// it is the site's own): the kind of the site's latest figure first (else
/// the first comparator's), then longer periods before shorter.
fn frequencies(shown: &[(bool, &[Observation])]) -> Vec<PeriodKind> {
    let own_first = shown
        .iter()
        .filter(|(own, _)| *own)
        .chain(shown.iter())
        .find_map(|(_, observations)| observations.last())
        .map(|o| o.period.kind());
    let mut kinds: Vec<PeriodKind> = shown
        .iter()
        .flat_map(|(_, observations)| observations.iter().map(|o| o.period.kind()))
        .collect();
    kinds.sort_by(|a, b| b.cmp(a));
    kinds.dedup();
    if let Some(first) = own_first
        && let Some(i) = kinds.iter().position(|&k| k == first)
    {
        let kind = kinds.remove(i);
        kinds.insert(0, kind);
    }
    kinds
}

impl Resolver<'_> {
    /// Every figure of an indicator: a row for each period of any kind, a
    /// column for each area and breakdown (the site's first, then each
    /// comparator in the order of their keys).
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
                            exactly(&s.observations, p).map(|o| {
                                super::grids::cell(
                                    indicator,
                                    o,
                                    area,
                                    s.breakdown.as_deref(),
                                    self.language,
                                )
                            })
                        })
                        .collect(),
                    comparator: s.area.is_some(),
                    ..Column::of(indicator)
                }
            })
            .collect();
        Ok(Grid {
            title: crate::i18n::Phrase::new(self.language, "indicator-every-figure")
                .arg("title", indicator.title.as_str())
                .text(),
            unit: indicator.unit,
            decimals: indicator.decimals,
            row_heading: "Period",
            rows: periods.iter().map(|p| p.label_in(self.language)).collect(),
            periods: Some(periods),
            columns,
            kind: ChartKind::Line,
            source: indicator.source.clone(),
            polarity: indicator.polarity,
            own_row: None,
            language: self.language,
        })
    }
}

#[cfg(test)]
#[path = "history_tests.rs"]
mod tests;
