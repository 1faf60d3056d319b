//! Grids of a broken-down indicator: a bar per category at the latest
//! period, or a column per period, with comparators' figures beside.

use crate::data::Observation;
use crate::data::indicators::Indicator;
use crate::period::Period;
use crate::query::figures::{Cell, Column, Grid, Selection};
use crate::query::{Fail, Resolver, as_at, exactly};

use super::grids::cell;

impl Resolver<'_> {
    /// One bar per breakdown category at the latest period; comparators beside.
    pub(crate) fn breakdown_bars(
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
            name: format!(
                "{} ({})",
                self.area_name(None),
                latest.short_label_in(self.language)
            ),
            cells: breakdowns
                .iter()
                .map(|b| {
                    self.data
                        .series(&indicator.id, None, Some(b))
                        .and_then(|s| exactly(&s.observations, &latest))
                        .map(|o| cell(indicator, o, self.area_name(None), Some(b), self.language))
                })
                .collect(),
            ..Column::of(indicator)
        }];
        columns.extend(self.comparator_columns(indicator, breakdowns, compare, &latest));
        Ok(Grid::by_category(
            indicator,
            breakdowns,
            columns,
            self.language,
        ))
    }

    /// Each comparator's figures for each breakdown, as at `latest`, headed by
    /// the comparator's name and the period its figures are for.
    pub(crate) fn comparator_columns(
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
                        .and_then(|s| as_at(&s.observations, latest))
                        .map(|o| {
                            cell(
                                indicator,
                                o,
                                self.area_name(Some(key)),
                                Some(b),
                                self.language,
                            )
                        })
                })
                .collect();
            let period = cells.iter().flatten().map(|c| c.period).max();
            let name = self.area_name(Some(key));
            columns.push(Column {
                name: match period {
                    Some(p) => format!("{name} ({})", p.short_label_in(self.language)),
                    None => name.to_string(),
                },
                cells,
                comparator: true,
                ..Column::of(indicator)
            });
        }
        columns
    }

    /// Categories down the side, one column per period: how a breakdown moved.
    pub(crate) fn breakdown_by_period(
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
                name: p.short_label_in(self.language),
                cells: series
                    .iter()
                    .zip(breakdowns)
                    .map(|(s, b)| {
                        s.and_then(|s| exactly(&s.observations, p)).map(|o| {
                            cell(indicator, o, self.area_name(None), Some(b), self.language)
                        })
                    })
                    .collect(),
                ..Column::of(indicator)
            })
            .collect();
        if let Some(latest) = periods.last() {
            columns.extend(self.comparator_columns(indicator, breakdowns, compare, latest));
        }
        Ok(Grid::by_category(
            indicator,
            breakdowns,
            columns,
            self.language,
        ))
    }
}

#[cfg(test)]
#[path = "breakdowns_tests.rs"]
mod tests;
