//! `data/`: indicators.yaml, every CSV file and every workbook, loaded once into a
//! read-only [`DataSet`] of sorted series, from which [`crate::query`] picks
//! "the figure as at this period" by binary search.

pub mod cell;
pub mod format;
mod index;
pub mod indicators;
mod load;
pub mod national;
pub mod plausible;
pub mod read;
mod read_key;
mod scan;
pub mod tidy;
pub mod workbook;
mod yaml;

use crate::i18n::Language;
use crate::period::Period;
use crate::problem::Problem;
use cell::Figure;
use index::SeriesList;
use indicators::Indicator;
pub use load::DataFiles;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One figure in a series.
#[derive(Debug, Clone)]
pub struct Observation {
    /// The period it belongs to.
    pub period: Period,
    /// The number and markers.
    pub figure: Figure,
    /// A note from the data file.
    pub note: Option<String>,
    /// The note in Welsh, from the file's `note_cy` column.
    pub note_cy: Option<String>,
    /// Where it was read, relative to the site root.
    pub file: Arc<Path>,
    /// The sheet, if it was read from a workbook.
    pub sheet: Option<Arc<String>>,
    /// Its line there.
    pub line: usize,
    /// The column of its cell.
    pub column: usize,
}

/// The figures of one indicator for one area and breakdown, in period order.
#[derive(Debug, Clone)]
pub struct Series {
    /// `None` for the site's area, else a comparator key.
    pub area: Option<String>,
    /// The breakdown category, if any.
    pub breakdown: Option<String>,
    /// Sorted by period (by end date).
    pub observations: Vec<Observation>,
}

impl Series {
    /// Every figure ending on or before `period`'s end (which of them a page
    /// shows is for [`crate::query`] to say).
    pub fn up_to(&self, period: &Period) -> &[Observation] {
        let n = self
            .observations
            .partition_point(|o| o.period.ends_by(period));
        &self.observations[..n]
    }
}

/// Everything in `data/`, checked and indexed.
#[derive(Debug, Default, Clone)]
pub struct DataSet {
    /// Indicators by id.
    pub indicators: BTreeMap<String, Indicator>,
    /// Series by indicator id.
    series: HashMap<String, SeriesList>,
    /// The data files read, relative to the site root.
    pub files: Vec<PathBuf>,
    /// Every id indicators.yaml names, including entries with problems.
    pub declared: BTreeSet<String>,
    /// Warnings DfE's data screener would give about rows of national files
    /// the site does not read: `check` shows them, `build` does not, as
    /// only the publisher can act on them.
    pub screened: Vec<Problem>,
    /// indicators.yaml could not be read (or described nothing, or data/
    /// itself could not be read): every indicator is unknown, and that one
    /// problem says why, so an indicator a page names is not reported again.
    pub indicators_unread: bool,
    /// Fingerprints of what pages read, worked out as they are asked for.
    read_memo: read_key::ReadMemo,
    /// The indicators with their words in Welsh, made when a Welsh page
    /// first asks for one.
    welsh: std::sync::OnceLock<BTreeMap<String, Indicator>>,
}

impl DataSet {
    /// An indicator's definition.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.get(id)
    }

    /// An indicator's definition with its words in `language`.
    pub fn indicator_in(&self, id: &str, language: Language) -> Option<&Indicator> {
        match language {
            Language::English => self.indicators.get(id),
            Language::Welsh => self
                .welsh
                .get_or_init(|| {
                    (self.indicators.iter())
                        .map(|(id, i)| (id.clone(), i.in_language(language)))
                        .collect()
                })
                .get(id),
        }
    }

    /// One series: `area` `None` is the site's own area.
    pub fn series(&self, id: &str, area: Option<&str>, breakdown: Option<&str>) -> Option<&Series> {
        self.series.get(id)?.find(area, breakdown)
    }

    /// The figure of one series for exactly `period`, to change it: the
    /// record of what was published marks a revised figure.
    pub fn observation_mut(
        &mut self,
        id: &str,
        area: Option<&str>,
        breakdown: Option<&str>,
        period: &Period,
    ) -> Option<&mut Observation> {
        self.read_memo.clear();
        let series = self.series.get_mut(id)?.find_mut(area, breakdown)?;
        let i = series
            .observations
            .binary_search_by(|o| o.period.cmp(period))
            .ok()?;
        Some(&mut series.observations[i])
    }

    /// Sets the figure of one series for `period`, as a published report
    /// showed it, adding it where the data no longer has it; read from
    /// `file`, a record.
    #[allow(clippy::too_many_arguments)]
    pub fn set_observation(
        &mut self,
        id: &str,
        area: Option<&str>,
        breakdown: Option<&str>,
        period: Period,
        figure: Figure,
        note: Option<String>,
        file: &Path,
    ) {
        self.read_memo.clear();
        if let Some(o) = self.observation_mut(id, area, breakdown, &period) {
            o.figure = figure;
            o.note = note;
            return;
        }
        let Some(series) = self
            .series
            .get_mut(id)
            .and_then(|list| list.find_mut(area, breakdown))
        else {
            return;
        };
        let at = series.observations.partition_point(|o| o.period < period);
        series.observations.insert(
            at,
            Observation {
                period,
                figure,
                note,
                note_cy: None,
                file: Arc::from(file),
                sheet: None,
                line: 1,
                column: 1,
            },
        );
    }

    /// Every series of an indicator.
    pub fn all_series(&self, id: &str) -> &[Series] {
        self.series
            .get(id)
            .map_or(&[], |list| list.series.as_slice())
    }

    /// The breakdown categories an indicator has for an area, in first-seen order.
    pub fn breakdowns(&self, id: &str, area: Option<&str>) -> Vec<&str> {
        self.all_series(id)
            .iter()
            .filter(|s| s.area.as_deref() == area)
            .filter_map(|s| s.breakdown.as_deref())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::testutil::series;

    fn load(yaml: Option<&str>, csv: &str) -> Vec<String> {
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("data");
        std::fs::create_dir_all(&data).unwrap();
        match yaml {
            Some(yaml) => std::fs::write(data.join("indicators.yaml"), yaml).unwrap(),
            // A folder where the file should be: the system will not read it.
            None => std::fs::create_dir(data.join("indicators.yaml")).unwrap(),
        }
        std::fs::write(data.join("x.csv"), csv).unwrap();
        let (_, problems) = DataSet::load(root.path(), &crate::testutil::config());
        problems.sorted().iter().map(|p| p.to_string()).collect()
    }

    const ROWS: &str =
        "indicator,period,value\ncla_count,2023-06,1\ncla_rate,2023-06,2\nuasc,2023-06,3\n";

    /// Without indicators.yaml, every row would be of an unknown indicator:
    /// the one problem is the file's own.
    #[test]
    fn an_unreadable_indicators_file_is_one_problem_with_its_reason() {
        let problems = load(None, ROWS);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("data/indicators.yaml: error: could not read")
                && problems[0].contains("os error"),
            "{problems:?}"
        );
    }

    #[test]
    fn an_unreadable_data_file_is_one_problem_with_its_reason() {
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let files = DataFiles {
            yaml: Some(Ok("cla_count:\n  title: X\n  unit: count\n".into())),
            csv: vec![(
                PathBuf::from("data/x.csv"),
                Err(anyhow::Error::new(denied).context("could not read data/x.csv")),
            )],
            workbooks: Vec::new(),
            folder: None,
        };
        let (_, problems) = DataSet::from_files(&files, &crate::testutil::config());
        let shown: Vec<String> = problems.sorted().iter().map(|p| p.to_string()).collect();
        assert_eq!(
            shown,
            ["data/x.csv: error: could not read data/x.csv: permission denied"]
        );
    }

    #[test]
    fn an_indicators_file_that_describes_nothing_is_one_problem() {
        for yaml in ["", "# nothing yet\n"] {
            let problems = load(Some(yaml), ROWS);
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert!(
                problems[0].starts_with(
                    "data/indicators.yaml:1: error: this file describes no indicators"
                ),
                "{problems:?}"
            );
        }
    }

    #[test]
    fn an_indicators_file_that_is_not_yaml_is_one_problem() {
        let problems = load(Some("cla_count:\n  title: [unclosed\n"), ROWS);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("data/indicators.yaml:"),
            "{problems:?}"
        );
        let problems = load(Some("cla_count: [\n"), &ROWS.replace("cla_count", "x"));
        assert_eq!(problems.len(), 1, "{problems:?}");
    }

    #[test]
    fn finds_each_series_by_area_and_breakdown() {
        let make = |area: Option<&str>, breakdown: Option<&str>, v: f64| Series {
            area: area.map(str::to_string),
            breakdown: breakdown.map(str::to_string),
            ..series(&[("2023-06", v)])
        };
        let mut all = vec![make(None, None, 1.0), make(Some("england"), None, 2.0)];
        // An empty category is not the absence of one.
        all.push(make(None, Some(""), 3.0));
        all.extend((0..1000).map(|i| make(None, Some(&format!("Category {i}")), 10.0 + i as f64)));
        let list = SeriesList::new(all);
        let found = |area, breakdown| {
            list.find(area, breakdown)
                .map(|s| s.observations[0].figure.value.unwrap())
        };
        assert_eq!(found(None, None), Some(1.0));
        assert_eq!(found(Some("england"), None), Some(2.0));
        assert_eq!(found(None, Some("")), Some(3.0));
        assert_eq!(found(None, Some("Category 999")), Some(1009.0));
        assert_eq!(found(Some("england"), Some("Category 1")), None);
        assert_eq!(found(None, Some("Category 1000")), None);
        assert_eq!(list.series.len(), 1003, "first-seen order is kept whole");
        assert_eq!(list.series[3].breakdown.as_deref(), Some("Category 0"));
    }
}
