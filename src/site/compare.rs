//! The comparison pages: each indicator's figure as at the end of each
//! quarter, newest quarter first, with its change from the quarter before,
//! and what got better and worse in the latest quarter.
//!
//! The change is the one `change(…, vs="previous")` gives in a report (see
//! [`Resolver::change`]); whether it is like with like (the figure three
//! months before, of the same kind), and so may be judged better or worse or
//! must name the older period it compares with, is [`crate::query`]'s rule.

use super::Site;
use super::file::{OutputFile, root_of};
use crate::config::Config;
use crate::data::DataSet;
use crate::data::cell::Marker;
use crate::data::indicators::{Indicator, Polarity};
use crate::period::Period;
use crate::problem::Problem;
use crate::query::objects::{ChangeValue, FigureValue};
use crate::query::{Assessment, Direction, Query, Resolver, belongs_to, three_months_before};
use crate::templates::views::{
    CompareCell, CompareColumn, CompareRow, CompareSummary, CompareView, SummaryLine, ThemeGroup,
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

/// The figure of `indicator` as at the end of `quarter`, with its change
/// from the quarter before as a report's `change(…, vs="previous")` gives it.
pub(super) fn reading(
    data: &DataSet,
    config: &Config,
    indicator: &Indicator,
    quarter: Period,
) -> Option<Reading> {
    let resolver = Resolver::new(data, config, Some(quarter));
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

/// A table cell: the figure, its own period when it is not the quarter's,
/// and its change in words.
pub(super) fn cell(indicator: &Indicator, reading: Option<&Reading>) -> CompareCell {
    let Some(reading) = reading else {
        return CompareCell {
            value: String::new(),
            period_note: String::new(),
            change: String::new(),
            direction: "",
            assessment: "",
        };
    };
    let period_note = if reading.own {
        String::new()
    } else {
        reading.figure.period.short_label()
    };
    let numbers = reading
        .change
        .as_ref()
        .and_then(|c| Some((c, c.delta?, c.direction?)));
    let (change, direction, assessment) = match numbers {
        Some((c, delta, direction)) => {
            let amount = crate::data::format::difference(delta, indicator.unit, indicator.decimals);
            let mut words = match direction {
                Direction::Up => format!("up {amount}"),
                Direction::Down => format!("down {amount}"),
                Direction::Same => "no change".to_string(),
            };
            // The quarter before had no figure of its own, or this one is
            // not the quarter's: say which figure this is compared with.
            if !reading.like_with_like || !reading.own {
                words.push_str(&format!(" since {}", c.from.period.short_label()));
            }
            let assessment = match c.assessment {
                Some(a @ (Assessment::Better | Assessment::Worse)) if reading.like_with_like => {
                    a.name()
                }
                _ => "",
            };
            (words, direction.name(), assessment)
        }
        None => (String::new(), "", ""),
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
/// indicators where higher or lower is better. `rows` are in page order.
fn summary(quarter: Period, rows: &[(&Indicator, String, Option<&Reading>)]) -> CompareSummary {
    let mut summary = CompareSummary {
        period: quarter.short_label(),
        ..CompareSummary::default()
    };
    for (indicator, url, reading) in rows {
        if indicator.polarity == Polarity::Neutral {
            continue;
        }
        let Some(reading) = reading else { continue };
        let line = |words: String| SummaryLine {
            title: indicator.title.clone(),
            url: url.clone(),
            words,
        };
        match &reading.change {
            Some(c) if reading.like_with_like => {
                let words = format!("{} in {}, {}", c.to.text, c.to.period.short_label(), c.text);
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
    /// `compare/index.html` (the latest quarters) or `compare/all/index.html`.
    pub(super) fn compare_page(&self, all: bool) -> Result<OutputFile, Problem> {
        let output = if all {
            "compare/all/index.html"
        } else {
            "compare/index.html"
        };
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
        let columns: Vec<CompareColumn> = reports
            .iter()
            .map(|r| CompareColumn {
                label: r.period.short_label(),
                label_html: crate::escape::escape_keeping_years(&r.period.short_label()),
                url: format!("{root}{}", r.output),
            })
            .collect();
        let url = |i: &Indicator| format!("{root}indicators/{}/index.html", i.id);
        let readings: Vec<(String, Vec<Row<'_>>)> = self
            .by_theme()
            .into_par_iter()
            .map(|(name, list)| {
                let rows = list
                    .into_par_iter()
                    .filter(|i| self.data.series(&i.id, None, None).is_some())
                    .map(|i| {
                        let cells = periods
                            .iter()
                            .map(|p| reading(&self.data, &self.config, i, *p))
                            .collect::<Vec<_>>();
                        (i, cells)
                    })
                    .filter(|(_, cells)| cells.iter().any(Option::is_some))
                    .collect::<Vec<_>>();
                (name, rows)
            })
            .filter(|(_, rows)| !rows.is_empty())
            .collect();
        let summary = periods.first().map(|&latest| {
            let latest_rows: Vec<_> = readings
                .iter()
                .flat_map(|(_, rows)| rows)
                .map(|(i, cells)| (*i, url(i), cells.first().and_then(Option::as_ref)))
                .collect();
            summary(latest, &latest_rows)
        });
        let themes: Vec<ThemeGroup<CompareRow>> = readings
            .iter()
            .map(|(name, rows)| ThemeGroup {
                name: name.clone(),
                items: rows
                    .iter()
                    .map(|(i, cells)| CompareRow {
                        title: i.title.clone(),
                        url: url(i),
                        cells: cells.iter().map(|r| cell(i, r.as_ref())).collect(),
                    })
                    .collect(),
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
                    context! { theme, columns => &columns, number => n + 1 },
                )
            })
            .collect::<Result<Vec<String>, Problem>>()?;
        // A key to the symbols the tables show: `[x]` where a quarter has no
        // figure, and any figure's own (`[c]`, `[p]`).
        let markers: BTreeSet<Marker> = readings
            .iter()
            .flat_map(|(_, rows)| rows)
            .flat_map(|(_, cells)| cells)
            .flat_map(|reading| match reading {
                Some(r) => r.figure.markers.clone(),
                None => vec![Marker::NotAvailable],
            })
            .collect();
        let view = CompareView {
            columns,
            tables,
            markers: markers.iter().map(|&m| m.into()).collect(),
            summary,
            all,
            total,
            other_url: if all {
                "../index.html".into()
            } else {
                "all/index.html".into()
            },
        };
        let title = if all {
            "Compare every quarter"
        } else {
            "Compare quarters"
        };
        self.page("compare.html", output, title, context! { compare => view })
    }
}

#[cfg(test)]
#[path = "compare_tests.rs"]
mod tests;
