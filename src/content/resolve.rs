//! Finding the figure a placeholder asks for, as at a report's period.
//!
//! A report is resolved as at its period: with no `period=`, a placeholder takes
//! the latest figure that ends on or before the report's period ends, and nothing
//! later is ever shown. So a quarter's report reads the same however much data is
//! added afterwards (promise 3).

use super::objects::{ChangeValue, Direction, FigureValue};
use crate::config::Config;
use crate::data::format;
use crate::data::indicators::{Indicator, Measure, Polarity, Unit};
use crate::data::{DataSet, Observation, Series};
use crate::period::Period;
use crate::problem::suggest;
use std::fmt;

/// Why a placeholder could not be resolved, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fail {
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub help: Option<String>,
    /// The figure or indicator may be missing only because of a problem in
    /// data/, reported on its own; such a failure is not worth a second message.
    pub missing_data: bool,
    /// A figure that is not in the data (yet): what the preview shows in its
    /// place, `no figure for Q2 2023-24 yet`. `None` for every other failure
    /// (an unknown indicator, a bad argument), which no gap can stand for.
    pub gap: Option<String>,
}

impl Fail {
    pub(crate) fn new(message: impl Into<String>, help: Option<String>) -> Fail {
        Fail {
            message: message.into(),
            help,
            missing_data: false,
            gap: None,
        }
    }

    /// A figure not in the data, shown in the preview as `gap`.
    pub(crate) fn gap(self, gap: impl Into<String>) -> Fail {
        Fail {
            gap: Some(gap.into()),
            ..self
        }
    }

    pub(crate) fn missing(self) -> Fail {
        Fail {
            missing_data: true,
            ..self
        }
    }
}

impl fmt::Display for Fail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Fail {}

/// Which figure: an indicator, optionally for a comparator, breakdown or period.
#[derive(Debug, Default, Clone)]
pub struct Query {
    /// Indicator id.
    pub id: String,
    /// A comparator key or name; `None` for the site's area.
    pub area: Option<String>,
    /// A breakdown category.
    pub breakdown: Option<String>,
    /// A period text; `None` for "as at the report".
    pub period: Option<String>,
}

impl Query {
    /// The figure of indicator `id` for the site's own area.
    pub fn of(id: &str) -> Query {
        Query {
            id: id.to_string(),
            ..Query::default()
        }
    }
}

/// Resolves placeholders against the data, as at a period.
pub struct Resolver<'a> {
    /// Every figure.
    pub data: &'a DataSet,
    /// Site settings (comparators, financial year).
    pub config: &'a Config,
    /// The report's period; `None` on plain pages, which show the latest figures.
    pub as_at: Option<Period>,
}

impl<'a> Resolver<'a> {
    /// The indicator, or an error suggesting the closest id.
    pub fn indicator(&self, id: &str) -> Result<&'a Indicator, Fail> {
        self.data.indicator(id).ok_or_else(|| {
            let fail = Fail::new(
                format!("unknown indicator `{id}`"),
                Some(
                    suggest(id, self.data.indicators.keys().map(String::as_str)).unwrap_or_else(
                        || "indicators are described in data/indicators.yaml".into(),
                    ),
                ),
            );
            if self.data.declared.contains(id) {
                fail.missing()
            } else {
                fail
            }
        })
    }

    /// A comparator key from a key or name; `None` for the site's own area.
    pub fn area(&self, text: Option<&str>) -> Result<Option<String>, Fail> {
        let Some(text) = text.map(str::trim) else {
            return Ok(None);
        };
        if text.eq_ignore_ascii_case(&self.config.area) {
            return Ok(None);
        }
        for (key, name) in &self.config.comparators {
            if text.eq_ignore_ascii_case(key) || text.eq_ignore_ascii_case(name) {
                return Ok(Some(key.clone()));
            }
        }
        let keys: Vec<&str> = self.config.comparators.keys().map(String::as_str).collect();
        Err(Fail::new(
            format!("unknown comparator `{text}`"),
            Some(suggest(text, keys.iter().copied()).unwrap_or_else(|| {
                if keys.is_empty() {
                    "there are no comparators; add them under [comparators] in site.toml".into()
                } else {
                    format!("the comparators in site.toml are {}", quote_list(&keys))
                }
            })),
        ))
    }

    fn series(
        &self,
        query: &Query,
        indicator: &Indicator,
    ) -> Result<(&'a Series, Option<String>), Fail> {
        let area = self.area(query.area.as_deref())?;
        if let Some(series) =
            self.data
                .series(&indicator.id, area.as_deref(), query.breakdown.as_deref())
        {
            return Ok((series, area));
        }
        let breakdowns = self.data.breakdowns(&indicator.id, area.as_deref());
        let place = area.as_deref().map_or_else(
            || self.config.area.clone(),
            |a| self.config.comparators[a].clone(),
        );
        let fail =
            match (query.breakdown.as_deref(), breakdowns.is_empty()) {
                (None, false) => Fail::new(
                    format!("`{}` is broken down; say which breakdown", indicator.id),
                    Some(format!(
                        "add breakdown=\"…\", one of {}",
                        quote_list(&breakdowns)
                    )),
                ),
                (Some(b), false) => Fail::new(
                    format!("`{}` has no breakdown `{b}` for {place}", indicator.id),
                    Some(suggest(b, breakdowns.iter().copied()).unwrap_or_else(|| {
                        format!("the breakdowns are {}", quote_list(&breakdowns))
                    })),
                ),
                (Some(b), true) => Fail::new(
                    format!("`{}` has no breakdowns, so none called `{b}`", indicator.id),
                    Some("remove breakdown=…".into()),
                ),
                (None, true) => Fail::new(
                    format!("there are no figures for `{}` for {place}", indicator.id),
                    Some(format!(
                        "add rows for `{}` to a CSV file under data/",
                        indicator.id
                    )),
                )
                .missing()
                .gap(self.gap_text(self.as_at)),
            };
        Err(fail)
    }

    /// The period text of a `period=` or `vs=` argument, which may not be after
    /// the report's period.
    fn period_arg(&self, text: &str) -> Result<Period, Fail> {
        let period = Period::parse(text, self.config.year_start_month)
            .map_err(|e| Fail::new(e.to_string(), None))?;
        if let Some(as_at) = self.as_at
            && !period.ends_by(&as_at)
        {
            return Err(Fail::new(
                format!(
                    "{} is after this report's period ({})",
                    period.short_label(),
                    as_at.short_label()
                ),
                Some("a report shows no figure later than its own period".into()),
            ));
        }
        Ok(period)
    }

    /// `value(id, period=?, area=?, breakdown=?)`.
    pub fn value(&self, query: &Query) -> Result<FigureValue, Fail> {
        let indicator = self.indicator(&query.id)?;
        let (series, _) = self.series(query, indicator)?;
        let observation = match query.period.as_deref() {
            Some(text) => {
                let period = self.period_arg(text)?;
                series
                    .within(&period)
                    .ok_or_else(|| self.missing(indicator, &period, "in", series))?
            }
            None => match self.as_at {
                Some(as_at) => series.as_at(&as_at).ok_or_else(|| {
                    self.missing(indicator, &as_at, "on or before the end of", series)
                })?,
                None => series.observations.last().ok_or_else(|| {
                    Fail::new(format!("there are no figures for `{}`", indicator.id), None)
                        .missing()
                        .gap(self.gap_text(None))
                })?,
            },
        };
        Ok(figure(indicator, observation))
    }

    /// `benchmark(id, comparator)`: the comparator's latest figure as at the report.
    pub fn benchmark(&self, query: &Query) -> Result<FigureValue, Fail> {
        if query.area.is_none() {
            return Err(Fail::new(
                "benchmark needs a comparator",
                Some("write e.g. benchmark(\"cla_rate\", \"england\")".into()),
            ));
        }
        self.value(query)
    }

    /// `change(id, vs=…)`: the change from an earlier figure, in words.
    pub fn change(&self, query: &Query, vs: &str) -> Result<ChangeValue, Fail> {
        let indicator = self.indicator(&query.id)?;
        let to = self.value(query)?;
        let (series, _) = self.series(query, indicator)?;
        let base = query
            .period
            .as_deref()
            .map(|p| self.period_arg(p))
            .transpose()?
            .or(self.as_at)
            .unwrap_or(to.period);
        let (earlier, within) = match vs.trim() {
            "previous" => (base.previous(), false),
            "year_ago" => (base.year_ago(), false),
            text => (
                self.period_arg(text).map_err(|f| Fail {
                    help: Some("vs= takes \"previous\", \"year_ago\" or a period".into()),
                    ..f
                })?,
                true,
            ),
        };
        // Like is compared with like: a quarter's figure with an earlier
        // quarter's, never with a year's total or a month that happens to end
        // in the period named.
        if within
            && !earlier.ends_by(&to.period.previous())
            && earlier.end_date() >= to.period.end_date()
        {
            return Err(Fail::new(
                format!(
                    "vs=\"{}\" is not earlier than the figure it is compared with ({})",
                    vs.trim(),
                    to.period.short_label()
                ),
                Some("name an earlier period, or write vs=\"previous\" or vs=\"year_ago\"".into()),
            ));
        }
        // A total over a period (entries in a quarter) is compared only with a
        // total over a period as long; a figure as at a date, or an average,
        // with any figure of the period named.
        let same_kind = |o: &&Observation| o.period.kind() == to.period.kind();
        let totals = indicator.measure == Measure::Flow
            && matches!(indicator.unit, Unit::Count | Unit::Money);
        let candidates = series.up_to(&earlier).iter().rev();
        let found = if within {
            let mut named = candidates.take_while(|o| o.period.ends_within(&earlier));
            let preferred = named.clone().find(same_kind);
            if totals {
                preferred
            } else {
                preferred.or_else(|| named.next())
            }
        } else {
            candidates.clone().find(same_kind)
        };
        if let Some(as_at) = self.as_at
            && query.period.is_none()
            && !to.period.ends_within(&as_at)
        {
            // The newest figure is older than the report: the quarter's figure
            // has not been added yet, so there is nothing to compare it with.
            return Err(Fail::new(
                format!(
                    "no figure for `{}` in {} yet: the latest is for {}",
                    indicator.id,
                    as_at.short_label(),
                    to.period.short_label()
                ),
                Some(if to.period.kind() > as_at.kind() {
                    // Yearly figures in a quarterly report: no quarter's figure will come.
                    format!(
                        "`{}` has figures for whole years only; compare two years by naming them, e.g. change(\"{}\", period=\"{}\", vs=\"{}\")",
                        indicator.id,
                        indicator.id,
                        to.period.written(),
                        to.period.previous().written()
                    )
                } else {
                    format!("add the figure for {} to a CSV file under data/", as_at.short_label())
                }),
            )
            .missing()
            .gap(self.gap_text(Some(as_at))));
        }
        let Some(observation) = found.filter(|o| o.period < to.period) else {
            return Err(self.missing(
                indicator,
                &earlier,
                if within {
                    "in"
                } else {
                    "on or before the end of"
                },
                series,
            ));
        };
        let from = figure(indicator, observation);
        Ok(describe_change(indicator, from, to))
    }
}

pub(crate) fn figure(indicator: &Indicator, observation: &Observation) -> FigureValue {
    let f = &observation.figure;
    let mut text = f.value.map(|v| indicator.format(v)).unwrap_or_default();
    for marker in &f.markers {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(marker.code());
    }
    FigureValue {
        indicator: indicator.id.clone(),
        text,
        number: f.value,
        shown: f.value.map(|v| format::round(v, indicator.decimals)),
        period: observation.period,
        markers: f.markers.clone(),
    }
}

fn describe_change(indicator: &Indicator, from: FigureValue, to: FigureValue) -> ChangeValue {
    let (Some(a), Some(b)) = (from.shown, to.shown) else {
        let suppressed = if to.number.is_none() { &to } else { &from };
        let text = format!(
            "not comparable: the figure for {} is {}",
            suppressed.period.short_label(),
            suppressed.text
        );
        return ChangeValue {
            text,
            delta: None,
            direction: None,
            assessment: None,
            from,
            to,
        };
    };
    let delta = format::round(b - a, indicator.decimals);
    let direction = if delta > 0.0 {
        Direction::Up
    } else if delta < 0.0 {
        Direction::Down
    } else {
        Direction::Same
    };
    let assessment = match (direction, indicator.polarity) {
        (Direction::Same, _) => "no change",
        (_, Polarity::Neutral) => "neutral",
        (Direction::Up, Polarity::HigherIsBetter) | (Direction::Down, Polarity::LowerIsBetter) => {
            "better"
        }
        _ => "worse",
    };
    let since = format!("from {} in {}", from.text, from.period.short_label());
    let amount = format::difference(delta, indicator.unit, indicator.decimals);
    let text = match direction {
        Direction::Up => format!("an increase of {amount} {since}"),
        Direction::Down => format!("a decrease of {amount} {since}"),
        Direction::Same => format!("no change {since}"),
    };
    ChangeValue {
        text,
        delta: Some(delta),
        direction: Some(direction),
        assessment: Some(assessment),
        from,
        to,
    }
}

impl Resolver<'_> {
    /// What the preview shows for a figure of `period` that is not in the
    /// data: "yet" when the period is the report's own or later, since its
    /// figure is what the analyst is waiting for.
    fn gap_text(&self, period: Option<Period>) -> String {
        match (period, self.as_at) {
            (Some(p), Some(as_at)) if as_at.ends_by(&p) => {
                format!("no figure for {} yet", p.short_label())
            }
            (Some(p), _) => format!("no figure for {}", p.short_label()),
            (None, _) => "no figure yet".to_string(),
        }
    }

    fn missing(
        &self,
        indicator: &Indicator,
        period: &Period,
        relation: &str,
        series: &Series,
    ) -> Fail {
        missing(indicator, period, relation, series).gap(self.gap_text(Some(*period)))
    }
}

fn missing(indicator: &Indicator, period: &Period, relation: &str, series: &Series) -> Fail {
    let latest = series.observations.last().map(|o| o.period);
    let help = match latest {
        Some(l) if !l.ends_by(period) => format!(
            "the earliest figure is for {}; add the figure for {} to a CSV file under data/",
            series.observations[0].period.short_label(),
            period.short_label()
        ),
        _ => format!(
            "add the figure for {} to a CSV file under data/",
            period.short_label()
        ),
    };
    Fail::missing(Fail::new(
        format!(
            "no figure for `{}` {relation} {}",
            indicator.id,
            period.short_label()
        ),
        Some(help),
    ))
}

fn quote_list(items: &[&str]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil;

    const YAML: &str = "stock:\n  title: Children looked after\n  unit: count\n\
entries:\n  title: Children entering care\n  unit: count\n  measure: flow\n\
visits:\n  title: Visits in time\n  unit: percent\n  polarity: higher_is_better\n";
    const CSV: &str = "indicator,period,value\n\
stock,2022-06,260\nstock,2023-03,292\nstock,2023-06,308\nstock,2021-22,295\n\
entries,2023-24 Q1,48\nentries,2023-06,30\nentries,2022-23,150\nentries,2022-23 Q4,29\n\
visits,2022-23,94\nvisits,2023-24 Q1,95.5\nvisits,2023-24 Q2,[c]\n";

    fn change(as_at: &str, id: &str, vs: &str) -> Result<String, String> {
        let data = testutil::data(YAML, CSV);
        let config = testutil::config();
        let resolver = Resolver {
            data: &data,
            config: &config,
            as_at: Some(Period::parse(as_at, 4).unwrap()),
        };
        resolver
            .change(&Query::of(id), vs)
            .map(|c| c.text)
            .map_err(|f| f.message)
    }

    #[test]
    fn describes_changes_in_plain_words() {
        assert_eq!(
            change("2023-24 Q1", "stock", "previous").unwrap(),
            "an increase of 16 from 292 in March 2023"
        );
        assert_eq!(
            change("2023-24 Q1", "stock", "year_ago").unwrap(),
            "an increase of 48 from 260 in June 2022"
        );
        assert_eq!(
            change("2023-24 Q1", "visits", "2022-23").unwrap(),
            "an increase of 2 percentage points from 94% in 2022-23"
        );
    }

    #[test]
    fn compares_totals_only_with_totals_as_long() {
        assert_eq!(
            change("2023-24 Q1", "entries", "previous").unwrap(),
            "an increase of 19 from 29 in Q4 2022-23"
        );
        assert_eq!(
            change("2023-24 Q1", "entries", "2022-23").unwrap(),
            "an increase of 19 from 29 in Q4 2022-23"
        );
        // As at a date, a year's figure is the stock at its end: comparable.
        assert_eq!(
            change("2023-24 Q1", "stock", "2021-22").unwrap(),
            "an increase of 13 from 295 in 2021-22"
        );
    }

    #[test]
    fn a_figure_not_yet_loaded_is_an_error_for_every_comparison() {
        for vs in ["previous", "year_ago", "2022-23"] {
            let message = change("2023-24 Q2", "stock", vs).unwrap_err();
            assert_eq!(
                message, "no figure for `stock` in Q2 2023-24 yet: the latest is for June 2023",
                "{vs}"
            );
        }
    }

    #[test]
    fn vs_must_be_earlier() {
        let message = change("2023-24 Q1", "stock", "2023-24 Q1").unwrap_err();
        assert!(
            message.contains("is not earlier than the figure"),
            "{message}"
        );
    }

    #[test]
    fn a_suppressed_figure_is_named_with_its_own_period() {
        assert_eq!(
            change("2023-24 Q2", "visits", "previous").unwrap(),
            "not comparable: the figure for Q2 2023-24 is [c]"
        );
    }
}
