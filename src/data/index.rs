//! Indexing rows into series: grouped by indicator, area and breakdown,
//! sorted by period, with a second figure for the same period an error, and
//! each indicator's series found by area and breakdown in constant time.

use super::indicators::Indicator;
use super::read::Record;
use super::{DataSet, Observation, Series, workbook};
use crate::period::Period;
use crate::problem::Problem;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

impl DataSet {
    /// Indexes rows; two figures for the same indicator, period, area and
    /// breakdown are an error naming both places.
    pub fn from_rows(
        indicators: BTreeMap<String, Indicator>,
        rows: impl IntoIterator<Item = Record>,
        files: Vec<PathBuf>,
    ) -> (DataSet, Vec<Problem>) {
        type Key = (String, Option<String>, Option<String>);
        let mut problems = Vec::new();
        // Groups of rows in the order first seen: categories keep the order
        // they are first written in (an age band's order is meaningful; the
        // alphabet's is not).
        let mut groups: Vec<(Key, Vec<Observation>)> = Vec::new();
        let mut index: HashMap<Key, usize> = HashMap::new();
        let mut last: Option<usize> = None;
        for row in rows {
            // Rows mostly come in runs of one series: no look-up for those.
            let same = last.filter(|&g| {
                let (indicator, area, breakdown) = &groups[g].0;
                *indicator == row.indicator && *area == row.area && *breakdown == row.breakdown
            });
            let g = match same {
                Some(g) => g,
                None => {
                    let key = (
                        row.indicator.clone(),
                        row.area.clone(),
                        row.breakdown.clone(),
                    );
                    match index.get(&key) {
                        Some(&g) => g,
                        None => {
                            index.insert(key.clone(), groups.len());
                            groups.push((key, Vec::new()));
                            groups.len() - 1
                        }
                    }
                }
            };
            groups[g].1.push(Observation {
                period: row.period,
                figure: row.figure,
                note: row.note,
                note_cy: row.note_cy,
                file: row.file,
                sheet: row.sheet,
                line: row.line,
                column: row.column,
            });
            last = Some(g);
        }
        groups
            .par_iter_mut()
            .for_each(|(_, observations)| observations.sort_by_key(|o| o.period));
        let mut first_seen: Vec<(usize, Key, Vec<Observation>)> = groups
            .into_iter()
            .enumerate()
            .map(|(i, (key, rows))| (i, key, rows))
            .collect();
        // Problems come in the order of indicator, area and category.
        first_seen.sort_by(|a, b| a.1.cmp(&b.1));
        let mut series: HashMap<String, Vec<(usize, Series)>> = HashMap::new();
        for (seen, (indicator, area, breakdown), mut observations) in first_seen {
            // Sorted, a second figure for a period follows the first.
            let mut first = 0;
            for (i, o) in observations.iter().enumerate().skip(1) {
                if o.period != observations[first].period {
                    first = i;
                    continue;
                }
                let what = describe(&indicator, &o.period, area.as_deref(), breakdown.as_deref());
                let at = &observations[first];
                problems.push(
                    Problem::error(&o.file, format!("a second figure for {what}"))
                        .in_sheet(o.sheet.clone())
                        .at(o.line, o.column)
                        .help(format!(
                            "the first is at {}; keep one of them",
                            workbook::describe(&at.file, at.sheet.as_ref(), at.line, at.column)
                        )),
                );
            }
            observations.dedup_by_key(|o| o.period);
            series.entry(indicator).or_default().push((
                seen,
                Series {
                    area,
                    breakdown,
                    observations,
                },
            ));
        }
        let series: HashMap<String, SeriesList> = series
            .into_iter()
            .map(|(indicator, mut list)| {
                list.sort_by_key(|(seen, _)| *seen);
                (indicator, SeriesList::new(list.into_iter().map(|(_, s)| s)))
            })
            .collect();
        (
            DataSet {
                declared: indicators.keys().cloned().collect(),
                indicators,
                series,
                files,
                screened: Vec::new(),
                indicators_unread: false,
                read_memo: Default::default(),
                welsh: Default::default(),
            },
            problems,
        )
    }
}

/// An indicator's series in first-seen order, found by area and breakdown in
/// constant time: an indicator may have tens of thousands of categories, and
/// each is looked up once for every chart, table and page that shows it.
#[derive(Debug, Default, Clone)]
pub(super) struct SeriesList {
    pub(super) series: Vec<Series>,
    /// Positions in `series` by the hash of their area and breakdown.
    by_key: HashMap<u64, Vec<usize>>,
}

impl SeriesList {
    pub(super) fn new(series: impl IntoIterator<Item = Series>) -> SeriesList {
        let series: Vec<Series> = series.into_iter().collect();
        let mut by_key: HashMap<u64, Vec<usize>> = HashMap::with_capacity(series.len());
        for (i, s) in series.iter().enumerate() {
            let key = Self::key(s.area.as_deref(), s.breakdown.as_deref());
            by_key.entry(key).or_default().push(i);
        }
        SeriesList { series, by_key }
    }

    fn key(area: Option<&str>, breakdown: Option<&str>) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        (area, breakdown).hash(&mut hasher);
        hasher.finish()
    }

    pub(super) fn find_mut(
        &mut self,
        area: Option<&str>,
        breakdown: Option<&str>,
    ) -> Option<&mut Series> {
        let i = *self
            .by_key
            .get(&Self::key(area, breakdown))?
            .iter()
            .find(|&&i| {
                let s = &self.series[i];
                s.area.as_deref() == area && s.breakdown.as_deref() == breakdown
            })?;
        Some(&mut self.series[i])
    }

    pub(super) fn find(&self, area: Option<&str>, breakdown: Option<&str>) -> Option<&Series> {
        self.by_key
            .get(&Self::key(area, breakdown))?
            .iter()
            .map(|&i| &self.series[i])
            .find(|s| s.area.as_deref() == area && s.breakdown.as_deref() == breakdown)
    }
}

fn describe(
    indicator: &str,
    period: &Period,
    area: Option<&str>,
    breakdown: Option<&str>,
) -> String {
    let mut text = format!("`{indicator}` in {}", period.short_label());
    if let Some(area) = area {
        text.push_str(&format!(" for {area}"));
    }
    if let Some(breakdown) = breakdown {
        text.push_str(&format!(", breakdown {}", crate::problem::quote(breakdown)));
    }
    text
}
