//! The comparison pages: each indicator's figure as at the end of each
//! quarter, newest quarter first, with its change from the quarter before,
//! and what got better and worse in the latest quarter. A whole year's
//! figure is never put in a quarter's column: figures for financial years
//! have a table of their own, with a column for each year.
//!
//! The change is the one `change(…, vs="previous")` gives in a report (see
//! [`Resolver::change`]); whether it is like with like (the figure three
//! months before, of the same kind), and so may be judged better or worse or
//! must name the older period it compares with, is [`crate::query`]'s rule.
//!
//! A bilingual site has the pages again in each translation's folder
//! (`cy/compare/index.html`): the same quarters and rows, in the same order,
//! with every word, figure and period in the page's language, linked to the
//! reports' twins.

use super::Site;
use super::file::{OutputFile, root_of};
use crate::config::{Config, Translation};
use crate::content::Report;
use crate::data::DataSet;
use crate::data::cell::Marker;
use crate::data::indicators::{Indicator, Polarity};
use crate::i18n::{self, Around, Language, Phrase};
use crate::period::{Period, PeriodKind};
use crate::problem::Problem;
use crate::query::objects::{ChangeValue, FigureValue};
use crate::query::{Assessment, Direction, Query, Resolver, belongs_to, three_months_before};
use crate::templates::views::{
    CompareCell, CompareColumn, CompareRow, CompareSummary, CompareView, MarkerView, SummaryLine,
    ThemeGroup,
};
use minijinja::context;
use rayon::prelude::*;
use std::collections::BTreeSet;

/// How many quarters the comparison page shows; the rest are on `compare/all/`.
const COMPARE_QUARTERS: usize = 8;

/// One indicator's figure as at the end of one quarter.
#[derive(Debug)]
pub(super) struct Reading {
    /// The latest figure ending by the quarter's end.
    pub figure: FigureValue,
    /// Whether the figure is the quarter's own: it ends within the quarter
    /// and, for a total over a period, is a total over the quarter.
    pub own: bool,
    /// The change from the figure before, when both have numbers.
    pub change: Option<ChangeValue>,
    /// Whether that change is from the figure three months earlier, of the
    /// same kind: only then may it be called better or worse.
    pub like_with_like: bool,
}

/// An indicator with its reading in each quarter shown, newest first.
type Row<'a> = (&'a Indicator, Vec<Option<Reading>>);

/// How a reading is made: [`reading`] for a quarter, [`year_reading`] for a year.
type Read = fn(&DataSet, &Config, &Indicator, Period, Language) -> Option<Reading>;

/// The words a page's cells are written in, read from the message files
/// once a page rather than once a cell.
pub(super) struct CellWords {
    language: Language,
    up: Around,
    down: Around,
    same: String,
    better: String,
    worse: String,
}

impl CellWords {
    pub(super) fn new(language: Language) -> CellWords {
        CellWords {
            language,
            up: Around::of(language, "compare-up", 1),
            down: Around::of(language, "compare-down", 1),
            same: i18n::text(language, "compare-same"),
            better: i18n::text(language, "compare-cell-better"),
            worse: i18n::text(language, "compare-cell-worse"),
        }
    }
}

/// The figure of `indicator` as at the end of `quarter`, with its change
/// from the quarter before as a report's `change(…, vs="previous")` gives
/// it, written in `language`.
pub(super) fn reading(
    data: &DataSet,
    config: &Config,
    indicator: &Indicator,
    quarter: Period,
    language: Language,
) -> Option<Reading> {
    let resolver = Resolver::new(data, config, Some(quarter)).in_language(language);
    let query = Query::of(&indicator.id);
    // The change holds the figure too: one look-up, not two, per cell. The
    // quarter's own figure first (a total worked out from its months
    // included); else the latest before it, which the cell labels with its
    // own period and which gets no change when it is older than the quarter.
    let latest = Query {
        latest: true,
        ..query.clone()
    };
    let (figure, change) = match resolver.change(&query, "previous") {
        Ok(change) => (change.to.clone(), Some(change)),
        Err(_) => match resolver.change(&latest, "previous") {
            Ok(change) => (change.to.clone(), Some(change)),
            Err(_) => (resolver.value(&latest).ok()?, None),
        },
    };
    // A year's figure is not a quarter's: it is in the table of years.
    if figure.period.kind() == PeriodKind::Year {
        return None;
    }
    let own = belongs_to(indicator, &figure.period, &quarter);
    let change = change.filter(|c| c.delta.is_some() && c.direction.is_some());
    let like_with_like = change
        .as_ref()
        .is_some_and(|c| three_months_before(c.to.period) == Some(c.from.period));
    Some(Reading {
        figure,
        own,
        change,
        like_with_like,
    })
}

/// The figure of `indicator` for the financial year `year` itself, with its
/// change from the year before's, written in `language`; `None` when there
/// is no figure for the whole year (a quarter's or a month's is not one).
pub(super) fn year_reading(
    data: &DataSet,
    config: &Config,
    indicator: &Indicator,
    year: Period,
    language: Language,
) -> Option<Reading> {
    let resolver = Resolver::new(data, config, Some(year)).in_language(language);
    let query = Query {
        period: Some(year.written()),
        ..Query::of(&indicator.id)
    };
    let (figure, change) = match resolver.change(&query, "previous") {
        Ok(change) => (change.to.clone(), Some(change)),
        Err(_) => (resolver.value(&query).ok()?, None),
    };
    if figure.period != year {
        return None;
    }
    let change = change.filter(|c| c.delta.is_some() && c.direction.is_some());
    // Like with like only from the year just before.
    let like_with_like = change
        .as_ref()
        .is_some_and(|c| c.from.period == year.previous());
    Some(Reading {
        figure,
        own: true,
        change,
        like_with_like,
    })
}

/// The financial years shown beside `quarters` (newest first), newest
/// first: each that has ended by the newest quarter, back to the year
/// before the oldest quarter's, whose figures were the latest while that
/// quarter was reported on.
fn years_of(quarters: &[Period]) -> Vec<Period> {
    let (Some(newest), Some(oldest)) = (quarters.first(), quarters.last()) else {
        return Vec::new();
    };
    let first = oldest.year().previous();
    let mut years = Vec::new();
    let mut year = newest.year();
    while year >= first {
        if year.ends_by(newest) {
            years.push(year);
        }
        year = year.previous();
    }
    years
}

/// A table cell: the figure, its own period when it is not the quarter's,
/// and its change in words.
pub(super) fn cell(
    indicator: &Indicator,
    reading: Option<&Reading>,
    words: &CellWords,
) -> CompareCell {
    let language = words.language;
    let Some(reading) = reading else {
        return CompareCell {
            value: String::new(),
            period_note: String::new(),
            change: String::new(),
            direction: "",
            assessment: String::new(),
        };
    };
    let period_note = if reading.own {
        String::new()
    } else {
        reading.figure.period.short_label_in(language)
    };
    let numbers = reading
        .change
        .as_ref()
        .and_then(|c| Some((c, c.delta?, c.direction?)));
    let (change, direction, assessment) = match numbers {
        Some((c, delta, direction)) => {
            let amount = crate::data::format::difference_in(
                delta,
                indicator.unit,
                indicator.decimals,
                language,
            );
            let mut change = match direction {
                Direction::Up => words.up.around(&amount),
                Direction::Down => words.down.around(&amount),
                Direction::Same => words.same.clone(),
            };
            // The quarter before had no figure of its own, or this one is
            // not the quarter's: say which figure this is compared with.
            if !reading.like_with_like || !reading.own {
                let id = match c.from.period.kind() {
                    PeriodKind::Month => "compare-since-month",
                    PeriodKind::Quarter => "compare-since-quarter",
                    PeriodKind::Year => "compare-since-year",
                };
                let period = c.from.period.short_label_in(language);
                change = Phrase::new(language, id)
                    .arg("change", change)
                    .arg("period", period.as_str())
                    .text();
            }
            let assessment = match c.assessment {
                Some(Assessment::Better) if reading.like_with_like => words.better.clone(),
                Some(Assessment::Worse) if reading.like_with_like => words.worse.clone(),
                _ => String::new(),
            };
            (change, direction.name(), assessment)
        }
        None => (String::new(), "", String::new()),
    };
    CompareCell {
        value: reading.figure.text.clone(),
        period_note,
        change,
        direction,
        assessment,
    }
}

/// What got better and worse in `quarter`, like with like only, for the
/// indicators where higher or lower is better, in `language`. `rows` are in
/// page order, each with its link's address and `hreflang`.
fn summary(
    quarter: Period,
    rows: &[(&Indicator, (String, String), Option<&Reading>)],
    language: Language,
) -> CompareSummary {
    let mut summary = CompareSummary {
        period: quarter.short_label_in(language),
        ..CompareSummary::default()
    };
    for (indicator, (url, hreflang), reading) in rows {
        if indicator.polarity == Polarity::Neutral {
            continue;
        }
        let Some(reading) = reading else { continue };
        let line = |words: String| SummaryLine {
            title: indicator.title.clone(),
            url: url.clone(),
            hreflang: hreflang.clone(),
            words,
        };
        match &reading.change {
            Some(c) if reading.like_with_like => {
                let period = c.to.period.short_label_in(language);
                let words = Phrase::new(language, "compare-summary-line")
                    .arg("figure", c.to.text.as_str())
                    .period(&period)
                    .arg("change", c.text.as_str())
                    .text();
                match c.assessment {
                    Some(Assessment::Better) => summary.better.push(line(words)),
                    Some(Assessment::Worse) => summary.worse.push(line(words)),
                    _ => summary.unchanged.push(line(words)),
                }
            }
            _ => summary.not_compared += 1,
        }
    }
    summary
}

impl Site {
    /// Each of `indicators` that has figures of its own, with its reading
    /// in each of `periods` (`read` is [`reading`] for quarters,
    /// [`year_reading`] for years) in `language`; an indicator with none is
    /// left out.
    fn rows<'s>(
        &'s self,
        indicators: Vec<&'s Indicator>,
        periods: &[Period],
        read: Read,
        language: Language,
    ) -> Vec<Row<'s>> {
        indicators
            .into_par_iter()
            .filter(|i| self.data.series(&i.id, None, None).is_some())
            .map(|i| {
                let cells = periods
                    .iter()
                    .map(|p| read(&self.data, &self.config, i, *p, language))
                    .collect::<Vec<_>>();
                (i, cells)
            })
            .filter(|(_, cells)| cells.iter().any(Option::is_some))
            .collect()
    }

    /// `compare/index.html` (the latest quarters) or, with `all`,
    /// `compare/all/index.html`; in `translation`'s folder and language when
    /// given.
    pub(super) fn compare_page(
        &self,
        translation: Option<&Translation>,
        all: bool,
    ) -> Result<OutputFile, Problem> {
        let folder = translation.map_or(String::new(), |t| format!("{}/", t.code));
        let output = if all {
            format!("{folder}compare/all/index.html")
        } else {
            format!("{folder}compare/index.html")
        };
        let output = output.as_str();
        let language = self.language_of(output);
        let words = CellWords::new(language);
        let site = self.site_view_at(output);
        let root = root_of(output);
        let total = self.reports.len();
        let skip = if all {
            0
        } else {
            total.saturating_sub(COMPARE_QUARTERS)
        };
        // Newest first, so on a narrow screen the latest quarter is beside
        // the indicators' names, in view without scrolling.
        let reports: Vec<_> = self.reports[skip..].iter().rev().collect();
        let periods: Vec<Period> = reports.iter().map(|r| r.period).collect();
        // A report's twin in the page's folder (same period), else the
        // report itself (a draft's twin may be missing).
        let report_link = |report: &Report| {
            let linked = match translation {
                Some(_) => (self.twin_reports.iter())
                    .find(|t| t.period == report.period && t.output.starts_with(&folder))
                    .unwrap_or(report),
                None => report,
            };
            (
                format!("{root}{}", linked.output),
                self.hreflang_from(output, &linked.output),
            )
        };
        let columns: Vec<CompareColumn> = reports
            .iter()
            .map(|r| {
                let label = r.period.short_label_in(language);
                let (url, hreflang) = report_link(r);
                CompareColumn {
                    label_html: crate::escape::escape_keeping_years(&label),
                    label,
                    url,
                    hreflang,
                }
            })
            .collect();
        let link = |i: &Indicator| {
            let page = self.twin_for(output, &format!("indicators/{}/index.html", i.id));
            (format!("{root}{page}"), self.hreflang_from(output, &page))
        };
        let readings: Vec<(String, Vec<Row<'_>>)> = self
            .by_theme_in(language)
            .into_par_iter()
            .map(|(name, list)| (name, self.rows(list, &periods, reading, language)))
            .filter(|(_, rows)| !rows.is_empty())
            .collect();
        // Figures for whole years, by year: each year that has one.
        let mut years = years_of(&periods);
        let every = (self.by_theme_in(language).into_iter())
            .flat_map(|(_, l)| l)
            .collect();
        let mut year_rows = self.rows(every, &years, year_reading, language);
        let shown: Vec<bool> = (0..years.len())
            .map(|k| year_rows.iter().any(|(_, cells)| cells[k].is_some()))
            .collect();
        let keep = |k: &usize| shown[*k];
        years = (0..years.len()).filter(keep).map(|k| years[k]).collect();
        for (_, cells) in &mut year_rows {
            let mut k = 0;
            cells.retain(|_| {
                k += 1;
                shown[k - 1]
            });
        }
        let year_columns: Vec<CompareColumn> = years
            .iter()
            .map(|y| {
                let label = y.short_label_in(language);
                // The report for the year's last quarter, when there is one.
                let (url, hreflang) = self
                    .reports
                    .iter()
                    .find(|r| {
                        r.period.kind() == PeriodKind::Quarter
                            && r.period.year() == *y
                            && r.period.end_date() == y.end_date()
                    })
                    .map(report_link)
                    .unwrap_or_default();
                CompareColumn {
                    label_html: crate::escape::escape_keeping_years(&label),
                    label,
                    url,
                    hreflang,
                }
            })
            .collect();
        let summary = periods.first().map(|&latest| {
            let latest_rows: Vec<_> = readings
                .iter()
                .flat_map(|(_, rows)| rows)
                .map(|(i, cells)| (*i, link(i), cells.first().and_then(Option::as_ref)))
                .collect();
            summary(latest, &latest_rows, language)
        });
        let row = |(i, cells): &Row<'_>| {
            let (url, hreflang) = link(i);
            CompareRow {
                title: i.title.clone(),
                url,
                hreflang,
                cells: cells.iter().map(|r| cell(i, r.as_ref(), &words)).collect(),
            }
        };
        let themes: Vec<ThemeGroup<CompareRow>> = readings
            .iter()
            .map(|(name, rows)| ThemeGroup {
                name: name.clone(),
                items: rows.iter().map(row).collect(),
            })
            .collect();
        // Each theme's table is rendered on its own, in parallel: with every
        // quarter, the page is the largest the site has.
        let tables = themes
            .par_iter()
            .enumerate()
            .map(|(n, theme)| {
                self.theme.render(
                    "partials/compare_table.html",
                    context! { site, theme, columns => &columns, number => n + 1 },
                )
            })
            .collect::<Result<Vec<String>, Problem>>()?;
        let mut tables = tables;
        if !year_rows.is_empty() {
            let theme = ThemeGroup {
                name: i18n::text(language, "compare-years-theme"),
                items: year_rows.iter().map(row).collect(),
            };
            tables.push(self.theme.render(
                "partials/compare_table.html",
                context! {
                    site,
                    theme,
                    columns => &year_columns,
                    number => themes.len() + 1,
                    caption => i18n::text(language, "compare-years-caption"),
                    intro => i18n::text(language, "compare-years-intro"),
                },
            )?);
        }
        // A key to the symbols the tables show: `[x]` where a quarter has no
        // figure, and any figure's own (`[c]`, `[p]`).
        let markers: BTreeSet<Marker> = readings
            .iter()
            .flat_map(|(_, rows)| rows)
            .chain(&year_rows)
            .flat_map(|(_, cells)| cells)
            .flat_map(|reading| match reading {
                Some(r) => r.figure.markers.clone(),
                None => vec![Marker::NotAvailable],
            })
            .collect();
        let view = CompareView {
            columns,
            tables,
            years: !year_rows.is_empty(),
            markers: (markers.iter())
                .map(|&m| MarkerView::in_language(m, language))
                .collect(),
            summary,
            all,
            total,
            other_url: if all {
                "../index.html".into()
            } else {
                "all/index.html".into()
            },
        };
        // The pages' titles are the menu's entry and the link between them.
        let title = i18n::text(
            language,
            if all {
                "compare-show-all"
            } else {
                "nav-compare"
            },
        );
        self.page("compare.html", output, &title, context! { compare => view })
    }
}

#[cfg(test)]
#[path = "compare_tests.rs"]
mod tests;
