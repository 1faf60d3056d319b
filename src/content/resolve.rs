//! Finding the figure a placeholder asks for, as at a report's period.
//!
//! A report is resolved as at its period: with no `period=`, a placeholder takes
//! the latest figure that ends on or before the report's period ends, and nothing
//! later is ever shown. So a quarter's report reads the same however much data is
//! added afterwards (promise 3).

use super::objects::{ChangeValue, Direction, FigureValue};
use crate::config::Config;
use crate::data::format;
use crate::data::indicators::{Indicator, Polarity};
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
}

impl Fail {
    pub(crate) fn new(message: impl Into<String>, help: Option<String>) -> Fail {
        Fail {
            message: message.into(),
            help,
            missing_data: false,
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
                .missing(),
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
                    .ok_or_else(|| missing(indicator, &period, "in", series))?
            }
            None => match self.as_at {
                Some(as_at) => series
                    .as_at(&as_at)
                    .ok_or_else(|| missing(indicator, &as_at, "on or before the end of", series))?,
                None => series.observations.last().ok_or_else(|| {
                    Fail::new(format!("there are no figures for `{}`", indicator.id), None)
                        .missing()
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
        // quarter's, never with a year's total that happens to end first.
        let found = if within {
            series.within(&earlier)
        } else {
            series
                .up_to(&earlier)
                .iter()
                .rev()
                .find(|o| o.period.kind() == to.period.kind())
        };
        if let (Some(found), Some(as_at)) = (found, self.as_at)
            && found.period == to.period
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
                Some(format!(
                    "add the figure for {} to a CSV file under data/",
                    as_at.short_label()
                )),
            )
            .missing());
        }
        let Some(observation) = found.filter(|o| o.period < to.period) else {
            return Err(missing(
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
        let text = format!(
            "not comparable with {} ({})",
            from.period.short_label(),
            if from.number.is_none() {
                &from.text
            } else {
                &to.text
            }
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
