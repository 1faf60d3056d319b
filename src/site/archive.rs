//! The archive around the reports: the indicators index, a page per
//! indicator, and the data downloads. The files a web team expects (feed,
//! sitemap, robots.txt, the 404 page) are in [`super::web_files`].

use super::Site;
use super::body::Summary;
use super::file::{OutputFile, root_of};
use super::layout::pager_link;
use crate::content::exhibits;
use crate::data::indicators::{Indicator, Measure, Polarity, Unit};
use crate::data::tidy;
use crate::period::PeriodKind;
use crate::problem::Problem;
use crate::query::{Area, Query, Resolver};
use crate::templates::views::{IndicatorLink, IndicatorView, LatestView, ThemeGroup};
use minijinja::context;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

impl Site {
    /// Every indicator with its figures, as at no period: the whole history.
    fn history(&self) -> Resolver<'_> {
        Resolver::new(&self.data, &self.config, None)
    }

    /// Indicators grouped by theme, themes and indicators by name.
    pub(super) fn by_theme(&self) -> Vec<(String, Vec<&Indicator>)> {
        let mut themes: BTreeMap<&str, Vec<&Indicator>> = BTreeMap::new();
        for indicator in self.data.indicators.values() {
            themes.entry(&indicator.theme).or_default().push(indicator);
        }
        themes
            .into_iter()
            .map(|(name, mut list)| {
                list.sort_by(|a, b| a.title.cmp(&b.title).then(a.id.cmp(&b.id)));
                (name.to_string(), list)
            })
            .collect()
    }

    /// `indicators/index.html`.
    pub(super) fn indicators_index(&self) -> Result<OutputFile, Problem> {
        let output = "indicators/index.html";
        let history = self.history();
        let themes: Vec<ThemeGroup<IndicatorLink>> = self
            .by_theme()
            .into_iter()
            .map(|(name, list)| ThemeGroup {
                name,
                items: list
                    .into_iter()
                    .map(|i| {
                        let latest = history.value(&Query::of(&i.id)).ok();
                        IndicatorLink {
                            title: i.title.clone(),
                            url: format!("{}/index.html", i.id),
                            description: i.description.clone(),
                            latest: latest.as_ref().map(|f| f.text.clone()).unwrap_or_default(),
                            latest_period: latest
                                .map(|f| f.period.short_label())
                                .unwrap_or_default(),
                        }
                    })
                    .collect(),
            })
            .collect();
        self.page("indicators.html", output, "Indicators", context! { themes })
    }

    /// Which reports use each indicator, newest report first.
    pub(super) fn reports_by_indicator(
        &self,
        documents: &[Summary],
    ) -> BTreeMap<String, Vec<usize>> {
        let mut uses: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (index, summary) in documents.iter().enumerate().take(self.reports.len()).rev() {
            let report = &self.reports[index];
            let ids: BTreeSet<&String> = summary
                .indicators
                .iter()
                .chain(&report.front.key_figures)
                .collect();
            for id in ids {
                uses.entry(id.clone()).or_default().push(index);
            }
        }
        uses
    }

    /// `indicators/<id>/index.html`, with its chart's and table's CSV files.
    pub(super) fn indicator_page(
        &self,
        indicator: &Indicator,
        used_by: &[usize],
    ) -> Result<Vec<OutputFile>, Problem> {
        let output = format!("indicators/{}/index.html", indicator.id);
        let root = root_of(&output);
        let history = self.history();
        let fail = |message: String| {
            Problem::error(super::super::data::indicators::FILE, message).at(indicator.line, 1)
        };
        let env = self.placeholders.env();
        let mut files = Vec::new();
        let charts = history.history_charts(indicator);
        let mut chart = String::new();
        for (n, history_chart) in charts.iter().enumerate() {
            let mut caption = match history_chart.frequency {
                Some(kind) => format!("{}: {} figures", indicator.title, frequency_words(kind)),
                None => format!("{}: history", indicator.title),
            };
            // Periods only comparators have figures for are never shown as
            // the council's history: the caption names whose they are.
            let columns = &history_chart.grid.columns;
            if !columns.is_empty() && columns.iter().all(|c| c.comparator) {
                let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
                caption.push_str(&format!(" for {}", and_list(&names)));
            }
            let (html, download) =
                exhibits::figure_html(env, n + 1, &history_chart.grid, Some(&caption)).map_err(
                    |e| {
                        fail(format!(
                            "could not draw the history of `{}`: {e}",
                            indicator.id
                        ))
                    },
                )?;
            files.push(OutputFile::new(
                format!("indicators/{}/{}", indicator.id, download.name),
                download.contents,
            ));
            chart.push_str(&html);
        }
        let csv = format!("{root}data/{}.csv", indicator.id);
        // Every figure of the indicator: data/<id>.csv holds exactly these.
        let table = match history.history_grid(&indicator.id) {
            Ok(grid) if !grid.rows.is_empty() => {
                exhibits::table_html_with_csv(env, charts.len().max(1) + 1, &grid, &csv)
                    .map_err(|e| fail(format!("could not tabulate `{}`: {e}", indicator.id)))?
            }
            _ => String::new(),
        };
        let latest = Area::all(&self.config)
            .into_iter()
            .filter_map(|area| {
                let figure = history
                    .value(&Query {
                        area: area.key().map(str::to_string),
                        ..Query::of(&indicator.id)
                    })
                    .ok()?;
                Some(LatestView {
                    area: area.name(&self.config).to_string(),
                    value: figure.text,
                    period: figure.period.short_label(),
                })
            })
            .collect();
        let view = IndicatorView {
            id: indicator.id.clone(),
            title: indicator.title.clone(),
            description: indicator.description.clone(),
            unit: unit_words(indicator.unit),
            polarity: match indicator.polarity {
                Polarity::HigherIsBetter => "Higher is better",
                Polarity::LowerIsBetter => "Lower is better",
                Polarity::Neutral => "Neither higher nor lower is better in itself",
            },
            measure: match indicator.measure {
                Measure::Stock => "As at the end of each period",
                Measure::Flow => "During each period",
            },
            source: indicator.source.clone(),
            theme: indicator.theme.clone(),
            latest,
            chart,
            table,
            reports: used_by
                .iter()
                .map(|&i| pager_link(&root, &self.reports[i], self.language_of(&output)))
                .collect(),
            csv,
        };
        files.push(self.page(
            "indicator.html",
            &output,
            &indicator.title,
            context! { indicator => view },
        )?);
        Ok(files)
    }

    /// `data/<id>.csv` for each indicator and `data/all.csv`: every figure in
    /// tidy long form, one a row, with period labels and markers.
    pub(super) fn data_downloads(&self) -> Vec<OutputFile> {
        let header = tidy::Writer::new().into_bytes();
        let indicators: Vec<&Indicator> = self.data.indicators.values().collect();
        let bodies: Vec<Vec<u8>> = indicators.par_iter().map(|i| self.figures_csv(i)).collect();
        let mut all = header.clone();
        let mut files = Vec::with_capacity(indicators.len() + 1);
        for (indicator, body) in indicators.iter().zip(bodies) {
            all.extend_from_slice(&body);
            let mut one = header.clone();
            one.extend(body);
            files.push(OutputFile::new(format!("data/{}.csv", indicator.id), one));
        }
        files.push(OutputFile::new("data/all.csv", all));
        files
    }

    /// The rows of one indicator's figures, without a header.
    fn figures_csv(&self, indicator: &Indicator) -> Vec<u8> {
        let mut out = tidy::Writer::without_header();
        for series in self.data.all_series(&indicator.id) {
            let area = Area::of_key(series.area.as_deref());
            let area = area.name(&self.config);
            for o in &series.observations {
                out.write(&tidy::Row {
                    indicator: &indicator.id,
                    title: &indicator.title,
                    area,
                    breakdown: series.breakdown.as_deref().unwrap_or(""),
                    period: o.period,
                    value: o.figure.value,
                    unit: indicator.unit,
                    markers: &o.figure.markers,
                    note: o.note.as_deref().unwrap_or(""),
                });
            }
        }
        out.into_bytes()
    }
}

/// How often figures come, as a chart's caption says it.
/// `England`, `England and Wales`, `England, Wales and Scotland`.
fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn frequency_words(kind: PeriodKind) -> &'static str {
    match kind {
        PeriodKind::Month => "monthly",
        PeriodKind::Quarter => "quarterly",
        PeriodKind::Year => "yearly",
    }
}

fn unit_words(unit: Unit) -> &'static str {
    match unit {
        Unit::Count => "Number",
        Unit::Percent => "Percentage",
        Unit::RatePer10k => "Rate per 10,000 children",
        Unit::Days => "Days",
        Unit::Score => "Score",
        Unit::Money => "Pounds",
    }
}
