//! Finding the figure a placeholder asks for, as at a report's period.
//!
//! A report is resolved as at its period: with no `period=`, a placeholder takes
//! the latest figure that ends on or before the report's period ends, and nothing
//! later is ever shown. So a quarter's report reads the same however much data is
//! added afterwards (promise 3). The rules that choose and compare figures
//! are [`crate::query`]'s; a [`Resolver`] is made with [`Resolver::new`].

use super::objects::FigureValue;
use crate::config::Config;
use crate::data::format;
use crate::data::indicators::Indicator;
use crate::data::{DataSet, Observation, Series};
use crate::i18n::Language;
use crate::period::Period;
use crate::problem::suggest;
use crate::query::own_period::{expected, own_figure};
use crate::query::{Area, Reader, Reads, as_at, totals};
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
    /// `latest=true`: the latest figure as at the report, whatever its
    /// period, printed without it (the author names the period in words).
    pub latest: bool,
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

/// Resolves placeholders against the data, as at a period. Made only with
/// [`Resolver::new`], so every page asks the same way.
pub struct Resolver<'a> {
    /// Every figure, each read noted in the page's reads.
    pub(crate) data: Reader<'a>,
    /// Site settings (comparators, financial year).
    pub(crate) config: &'a Config,
    /// The report's period; `None` on plain pages, which show the latest figures.
    pub(crate) as_at: Option<Period>,
    /// The language the page is written in: figures' words, periods and
    /// grids are written in it.
    pub(crate) language: Language,
}

impl<'a> Resolver<'a> {
    /// A resolver of figures as at `as_at` (a report's period), or of the
    /// latest figures when `None` (plain pages, indicator pages).
    pub fn new(data: &'a DataSet, config: &'a Config, as_at: Option<Period>) -> Resolver<'a> {
        Resolver {
            data: Reader::new(data, None),
            config,
            as_at,
            language: Language::of_tag(&config.language),
        }
    }

    /// The same resolver, writing its words in `language`.
    pub fn in_language(self, language: Language) -> Resolver<'a> {
        Resolver {
            data: self.data.in_language(language),
            language,
            ..self
        }
    }

    /// As [`Resolver::new`], noting every indicator read in `reads`.
    pub fn traced(
        data: &'a DataSet,
        config: &'a Config,
        as_at: Option<Period>,
        reads: &'a Reads,
    ) -> Resolver<'a> {
        Resolver {
            data: Reader::new(data, Some(reads)),
            config,
            as_at,
            language: Language::of_tag(&config.language),
        }
    }

    /// The indicator, or an error suggesting the closest id.
    pub fn indicator(&self, id: &str) -> Result<&'a Indicator, Fail> {
        self.data.indicator(id).ok_or_else(|| {
            let fail = Fail::new(
                format!("unknown indicator `{id}`"),
                Some(
                    suggest(id, self.data.all().indicators.keys().map(String::as_str))
                        .unwrap_or_else(|| {
                            "indicators are described in data/indicators.yaml".into()
                        }),
                ),
            );
            // Every indicator is unknown when indicators.yaml was not read:
            // its own problem is the one to fix.
            if self.data.all().declared.contains(id) || self.data.all().indicators_unread {
                fail.missing()
            } else {
                fail
            }
        })
    }

    /// The area a key or name names: the site's own, or a comparator.
    pub fn area(&self, text: Option<&str>) -> Result<Area, Fail> {
        let Some(text) = text.map(str::trim) else {
            return Ok(Area::Own);
        };
        if let Some(area) = Area::find(text, self.config) {
            return Ok(area);
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

    pub(crate) fn series(&self, query: &Query, indicator: &Indicator) -> Result<&'a Series, Fail> {
        let area = self.area(query.area.as_deref())?;
        if let Some(series) =
            self.data
                .series(&indicator.id, area.key(), query.breakdown.as_deref())
        {
            return Ok(series);
        }
        let breakdowns = self.data.breakdowns(&indicator.id, area.key());
        let place = self.area_name(area.key());
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
    pub(crate) fn period_arg(&self, text: &str) -> Result<Period, Fail> {
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

    /// `value(id, period=?, area=?, breakdown=?, latest=?)`: the figure for
    /// the period named, else for the report's own period (see
    /// [`crate::query::own_period`]), else the latest.
    pub fn value(&self, query: &Query) -> Result<FigureValue, Fail> {
        let indicator = self.indicator(&query.id)?;
        let series = self.series(query, indicator)?;
        match (query.period.as_deref(), self.as_at) {
            (Some(text), _) => {
                let period = self.period_arg(text)?;
                own_figure(indicator, &series.observations, &period)
                    .map(|o| figure(indicator, &o, self.language))
                    .ok_or_else(|| self.missing(indicator, &period, "in", series))
            }
            (None, Some(period)) => self.for_report(indicator, series, &period, query.latest),
            (None, None) => series
                .observations
                .last()
                .map(|o| figure(indicator, o, self.language))
                .ok_or_else(|| {
                    Fail::new(format!("there are no figures for `{}`", indicator.id), None)
                        .missing()
                        .gap(self.gap_text(None))
                }),
        }
    }

    /// The figure a report of `period` prints: the period's own; where an
    /// indicator's figures come less often than the report, the latest
    /// before it, printed with its own period (`279 (June 2023)`); with
    /// `latest`, the latest whatever its period.
    fn for_report(
        &self,
        indicator: &Indicator,
        series: &Series,
        period: &Period,
        latest: bool,
    ) -> Result<FigureValue, Fail> {
        let observations = &series.observations;
        if !latest {
            if let Some(own) = own_figure(indicator, observations, period) {
                return Ok(figure(indicator, &own, self.language));
            }
            if expected(indicator, observations, period) {
                return Err(self.expected_missing(indicator, series, period));
            }
        }
        let found = as_at(observations, period)
            .ok_or_else(|| self.missing(indicator, period, "on or before the end of", series))?;
        Ok(FigureValue {
            dated: !latest,
            ..figure(indicator, found, self.language)
        })
    }

    /// A figure the report's period should have and does not: what is
    /// there instead, and what to do.
    fn expected_missing(&self, indicator: &Indicator, series: &Series, period: &Period) -> Fail {
        let observations = &series.observations;
        let Some(before) = as_at(observations, period) else {
            return self.missing(indicator, period, "on or before the end of", series);
        };
        let mut help = format!(
            "add the figure for {} to a CSV file under data/",
            period.short_label()
        );
        let shorter = observations
            .iter()
            .any(|o| o.period.ends_within(period) && o.period.kind() < period.kind());
        if shorter && totals(indicator) {
            help = format!(
                "{help}; a total for {} is worked out from shorter periods only when every one of them has a figure",
                period.short_label()
            );
        } else if shorter {
            help = format!(
                "{help}: a {} over a period is never added up from shorter periods",
                indicator.unit.kind_of_figure()
            );
        }
        // Figures after the report's period: this one was missed, not awaited.
        let missed = observations
            .last()
            .is_some_and(|o| !o.period.ends_by(period));
        Fail::missing(Fail::new(
            format!(
                "no figure for `{}` in {}{}: the latest is for {}",
                indicator.id,
                period.short_label(),
                if missed { "" } else { " yet" },
                before.period.short_label()
            ),
            Some(help),
        ))
        .gap(self.gap_text(Some(*period)))
    }

    /// `benchmark(id, comparator)`: the comparator's figure as at the report,
    /// by the same rules as [`Resolver::value`].
    pub fn benchmark(&self, query: &Query) -> Result<FigureValue, Fail> {
        if query.area.is_none() {
            return Err(Fail::new(
                "benchmark needs a comparator",
                Some("write e.g. benchmark(\"cla_rate\", \"england\")".into()),
            ));
        }
        self.value(query)
    }
}

pub(crate) fn figure(
    indicator: &Indicator,
    observation: &Observation,
    language: Language,
) -> FigureValue {
    let f = &observation.figure;
    FigureValue {
        indicator: indicator.id.clone(),
        text: f.text(
            |v| format::with_unit_in(v, indicator.unit, indicator.decimals, language),
            |_| true,
        ),
        number: f.value,
        shown: f.value.map(|v| format::round(v, indicator.decimals)),
        period: observation.period,
        markers: f.markers.clone(),
        dated: false,
        language,
    }
}

impl Resolver<'_> {
    /// What the preview shows for a figure of `period` that is not in the
    /// data: "yet" when the period is the report's own or later, since its
    /// figure is what the analyst is waiting for.
    pub(crate) fn gap_text(&self, period: Option<Period>) -> String {
        match (period, self.as_at) {
            (Some(p), Some(as_at)) if as_at.ends_by(&p) => {
                format!("no figure for {} yet", p.short_label())
            }
            (Some(p), _) => format!("no figure for {}", p.short_label()),
            (None, _) => "no figure yet".to_string(),
        }
    }

    pub(crate) fn missing(
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

pub(crate) fn quote_list(items: &[&str]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
#[path = "resolve_tests.rs"]
mod tests;
