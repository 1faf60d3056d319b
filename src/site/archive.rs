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
use crate::i18n::{self, Language, Phrase};
use crate::period::PeriodKind;
use crate::problem::Problem;
use crate::query::{Area, Query, Resolver};
use crate::templates::views::{IndicatorLink, IndicatorView, LatestView, ThemeGroup};
use minijinja::context;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

impl Site {
    /// Every indicator with its figures, as at no period: the whole history,
    /// in `language`.
    fn history(&self, language: Language) -> Resolver<'_> {
        Resolver::new(&self.data, &self.config, None).in_language(language)
    }

    /// The folder of the pages in `language`: none for the site's own,
    /// `cy/` for Welsh.
    pub(super) fn folder_of(&self, language: Language) -> String {
        self.config
            .translation_in(language)
            .map_or_else(String::new, |t| format!("{}/", t.code))
    }

    /// Indicators grouped by theme, themes and indicators by their names in
    /// `language`: a Welsh reader finds them in the order of their Welsh
    /// names, on the indicators' index and on the compare pages alike.
    pub(super) fn by_theme_in(&self, language: Language) -> Vec<(String, Vec<&Indicator>)> {
        let mut themes: BTreeMap<&str, Vec<&Indicator>> = BTreeMap::new();
        for id in self.data.indicators.keys() {
            let Some(indicator) = self.data.indicator_in(id, language) else {
                continue;
            };
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

    /// `indicators/index.html`, or a translation's `cy/indicators/index.html`.
    pub(super) fn indicators_index(&self, language: Language) -> Result<OutputFile, Problem> {
        let output = format!("{}indicators/index.html", self.folder_of(language));
        let history = self.history(language);
        let themes: Vec<ThemeGroup<IndicatorLink>> = self
            .by_theme_in(language)
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
                                .map(|f| f.period.short_label_in(language))
                                .unwrap_or_default(),
                        }
                    })
                    .collect(),
            })
            .collect();
        let title = i18n::text(language, "nav-indicators");
        self.page("indicators.html", &output, &title, context! { themes })
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
        language: Language,
    ) -> Result<Vec<OutputFile>, Problem> {
        let indicator = self
            .data
            .indicator_in(&indicator.id, language)
            .unwrap_or(indicator);
        let folder = self.folder_of(language);
        let output = format!("{folder}indicators/{}/index.html", indicator.id);
        let root = root_of(&output);
        let history = self.history(language);
        let fail = |message: String| {
            Problem::error(super::super::data::indicators::FILE, message).at(indicator.line, 1)
        };
        let env = self.placeholders.env();
        let mut files = Vec::new();
        let charts = history.history_charts(indicator);
        let mut chart = String::new();
        for (n, history_chart) in charts.iter().enumerate() {
            let id = match history_chart.frequency {
                Some(PeriodKind::Month) => "indicator-chart-monthly",
                Some(PeriodKind::Quarter) => "indicator-chart-quarterly",
                Some(PeriodKind::Year) => "indicator-chart-yearly",
                None => "indicator-chart-history",
            };
            // Periods only comparators have figures for are never shown as
            // the council's history: the caption names whose they are.
            let mut caption = Phrase::new(language, id)
                .arg("title", indicator.title.as_str())
                .text();
            let columns = &history_chart.grid.columns;
            if !columns.is_empty() && columns.iter().all(|c| c.comparator) {
                let names: Vec<String> = columns.iter().map(|c| c.name.clone()).collect();
                caption = Phrase::new(language, "indicator-chart-for")
                    .arg("caption", caption)
                    .arg("areas", i18n::list(language, &names))
                    .text();
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
                format!("{folder}indicators/{}/{}", indicator.id, download.name),
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
                    area: history.area_name(area.key()).to_string(),
                    value: figure.text,
                    period: figure.period.short_label_in(language),
                })
            })
            .collect();
        let view = IndicatorView {
            id: indicator.id.clone(),
            title: indicator.title.clone(),
            description: indicator.description.clone(),
            unit: i18n::text(language, unit_words(indicator.unit)),
            polarity: i18n::text(
                language,
                match indicator.polarity {
                    Polarity::HigherIsBetter => "indicator-higher-better",
                    Polarity::LowerIsBetter => "indicator-lower-better",
                    Polarity::Neutral => "indicator-neutral",
                },
            ),
            measure: i18n::text(
                language,
                match indicator.measure {
                    Measure::Stock => "indicator-stock",
                    Measure::Flow => "indicator-flow",
                },
            ),
            source: indicator.source.clone(),
            theme: indicator.theme.clone(),
            latest,
            chart,
            table,
            // The reports in the page's language: each report's twin.
            reports: used_by
                .iter()
                .filter_map(|&i| self.report_in(&self.reports[i], language))
                .map(|report| pager_link(&root, report, language))
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

/// The id of the message naming what `unit` counts.
fn unit_words(unit: Unit) -> &'static str {
    match unit {
        Unit::Count => "indicator-unit-count",
        Unit::Percent => "indicator-unit-percent",
        Unit::RatePer10k => "indicator-unit-rate",
        Unit::Days => "indicator-unit-days",
        Unit::Score => "indicator-unit-score",
        Unit::Money => "indicator-unit-money",
    }
}
