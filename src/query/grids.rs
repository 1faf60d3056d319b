//! The grids behind `chart()` and `table()`: which periods, areas and
//! breakdowns a selection shows, each figure as at the report's period.

use crate::data::Observation;
use crate::data::indicators::Indicator;
use crate::i18n::Language;
use crate::period::{Period, PeriodKind};
use crate::query::figures::{Cell, ChartKind, Column, Grid, Selection};
use crate::query::own_period::own_figure;
use crate::query::{Fail, Resolver, as_at, exactly};

/// Breakdown categories one chart or table may show. The largest real
/// breakdown, councils within a region, has about 150; a million categories
/// once asked for a table of a gigabyte.
pub const MAX_CATEGORIES: usize = 1_000;

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
        if breakdowns.len() > MAX_CATEGORIES {
            return Err(Fail::new(
                format!(
                    "`{id}` has {} breakdown categories, and a chart or table shows at most {MAX_CATEGORIES}",
                    breakdowns.len()
                ),
                Some(format!(
                    "show one category with breakdown=\"…\", or group the categories of `{id}` in data/ into fewer"
                )),
            ));
        }
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
                let mut columns = vec![(
                    None,
                    selection.breakdown.clone(),
                    self.area_name(None).to_string(),
                )];
                columns.extend(compare.iter().map(|key| {
                    (
                        Some(key.clone()),
                        selection.breakdown.clone(),
                        self.area_name(Some(key)).to_string(),
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
                        // A total over a month is not a quarter's total;
                        // the quarter's months added up are.
                        own_figure(indicator, &series.observations, p).map(|o| {
                            cell(
                                indicator,
                                &o,
                                self.area_name(None),
                                selection.breakdown.as_deref(),
                                self.language,
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
            rows: periods
                .iter()
                .map(|p| p.short_label_in(self.language))
                .collect(),
            periods: Some(periods),
            columns,
            kind: ChartKind::Line,
            source: sources(&indicators),
            polarity: indicators[0].polarity,
            own_row: None,
            language: self.language,
        })
    }

    /// The keys of the comparators `compare=` names.
    pub(crate) fn comparators(&self, compare: &[String]) -> Result<Vec<String>, Fail> {
        compare
            .iter()
            .map(|c| {
                let area = self.area(Some(c))?;
                area.key().map(str::to_string).ok_or_else(|| {
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
    pub(crate) fn visible_breakdowns(&self, id: &str) -> Vec<String> {
        self.data
            .all_series(id)
            .iter()
            .filter(|s| s.area.is_none() && !self.visible(&s.observations).is_empty())
            .filter_map(|s| s.breakdown.clone())
            .collect()
    }

    pub(crate) fn check_breakdown(
        &self,
        indicator: &Indicator,
        breakdown: &str,
    ) -> Result<(), Fail> {
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
            Some(period) => crate::query::up_to(observations, &period),
            None => observations,
        }
    }

    /// The periods to show from `series` (each sorted): one kind only (the
    /// kind of `from=`, else of the latest figure), from `from=`, the latest
    /// `last=`. Each series is read from its end and only as far as needed, so
    /// a chart of the last 12 months costs the same in the 400th report as in
    /// the first.
    pub(crate) fn choose_periods(
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
    pub(crate) fn over_time(
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
                                    self.language,
                                )
                            })
                    })
                    .collect(),
                comparator: area.is_some(),
                ..Column::of(indicator)
            })
            .collect();
        Ok(Grid::by_period(
            indicator,
            periods,
            columns,
            kind,
            self.language,
        ))
    }

    /// The site's latest figure beside each comparator's, one bar each.
    pub(crate) fn area_bars(
        &self,
        indicator: &Indicator,
        breakdown: Option<&str>,
        compare: &[String],
    ) -> Result<Grid, Fail> {
        let mut rows = Vec::new();
        let mut cells = Vec::new();
        let areas = std::iter::once(None).chain(compare.iter().map(|k| Some(k.as_str())));
        for area in areas {
            let name = self.area_name(area);
            let observation = self
                .data
                .series(&indicator.id, area, breakdown)
                .and_then(|s| match self.as_at {
                    Some(period) => as_at(&s.observations, &period),
                    None => s.observations.last(),
                });
            rows.push(match observation {
                Some(o) => format!("{name} ({})", o.period.short_label_in(self.language)),
                None => name.to_string(),
            });
            cells.push(observation.map(|o| cell(indicator, o, name, breakdown, self.language)));
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
            language: self.language,
        })
    }
}

pub(crate) fn cell(
    indicator: &Indicator,
    observation: &Observation,
    area: &str,
    breakdown: Option<&str>,
    language: Language,
) -> Cell {
    let figure = crate::query::resolve::figure(indicator, observation, language);
    Cell {
        value: figure.number,
        text: figure.text,
        markers: figure.markers,
        period: observation.period,
        area: area.to_string(),
        breakdown: breakdown.map(str::to_string),
        // A Welsh page shows a note's Welsh, where the data gives it.
        note: match language {
            Language::Welsh => observation
                .note_cy
                .clone()
                .or_else(|| observation.note.clone()),
            Language::English => observation.note.clone(),
        },
    }
}

impl Resolver<'_> {
    /// The name of the site's own area (`None`) or of comparator `key`, in
    /// the page's language: a translation's names where it gives them.
    pub(crate) fn area_name<'n>(&'n self, key: Option<&'n str>) -> &'n str {
        match (key, self.config.translation_in(self.language)) {
            (None, Some(t)) => &t.area,
            (None, None) => &self.config.area,
            (Some(k), t) => t
                .and_then(|t| t.comparators.get(k))
                .unwrap_or(&self.config.comparators[k]),
        }
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
#[path = "grids_tests.rs"]
mod tests;
