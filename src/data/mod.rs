//! `data/`: indicators.yaml, every CSV file and every workbook, loaded once into a
//! read-only [`DataSet`] of sorted series, from which [`crate::query`] picks
//! "the figure as at this period" by binary search.

pub mod cell;
pub mod format;
pub mod indicators;
pub mod national;
pub mod plausible;
pub mod read;
mod scan;
pub mod tidy;
pub mod workbook;
mod yaml;

use crate::config::Config;
use crate::fsutil;
use crate::period::Period;
use crate::problem::{Problem, Problems};
use cell::Figure;
use indicators::Indicator;
use rayon::prelude::*;
use read::{ReadContext, Row};
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
#[derive(Debug, Default)]
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
}

/// The files a data set is made from, read once, so that what is hashed to
/// tell whether they changed is what is parsed.
pub struct DataFiles {
    /// indicators.yaml, if there is one.
    yaml: Option<anyhow::Result<String>>,
    /// Each CSV file under data/, relative to the site root, with its text.
    csv: Vec<(PathBuf, anyhow::Result<String>)>,
    /// Each workbook under data/, relative to the site root, with its bytes.
    workbooks: Vec<(PathBuf, anyhow::Result<Vec<u8>>)>,
}

impl DataFiles {
    /// Reads indicators.yaml, every CSV file and every workbook under `data/`, in parallel.
    pub fn read(root: &Path) -> DataFiles {
        let yaml_path = root.join(indicators::FILE);
        DataFiles {
            yaml: yaml_path.exists().then(|| fsutil::read_text(&yaml_path)),
            csv: fsutil::files_with_extension(&root.join("data"), root, "csv")
                .into_par_iter()
                .map(|file| {
                    let text = fsutil::read_text(&root.join(&file));
                    (file, text)
                })
                .collect(),
            workbooks: workbook::read_files(root),
        }
    }

    /// A hash of every file's name and text (or why it could not be read).
    pub fn fingerprint(&self) -> u64 {
        fn text(t: &anyhow::Result<String>) -> Result<&str, String> {
            t.as_ref().map(String::as_str).map_err(|e| format!("{e:#}"))
        }
        crate::fingerprint::of((
            self.yaml.as_ref().map(text),
            self.csv
                .iter()
                .map(|(file, t)| (file, text(t)))
                .collect::<Vec<_>>(),
            self.workbooks
                .iter()
                .map(|(file, b)| (file, b.as_ref().map_err(|e| format!("{e:#}"))))
                .collect::<Vec<_>>(),
        ))
    }
}

impl DataSet {
    /// Reads indicators.yaml and every CSV file under `data/`. Whatever could be
    /// read is returned along with every problem found.
    pub fn load(root: &Path, config: &Config) -> (DataSet, Problems) {
        DataSet::from_files(&DataFiles::read(root), config)
    }

    /// Parses files [`DataFiles::read`] read.
    pub fn from_files(files: &DataFiles, config: &Config) -> (DataSet, Problems) {
        let mut problems = Problems::new();
        let mut declared = BTreeSet::new();
        // Unless indicators.yaml is read, every row would be of an unknown
        // indicator: its one problem is what to fix.
        let mut indicators_read = false;
        let indicators = match &files.yaml {
            Some(Ok(text)) => {
                let text = fsutil::normalise_newlines(text.clone());
                let (indicators, found) = indicators::parse(&text);
                (declared, indicators_read) = indicators::declared_ids(&text);
                problems.extend(found);
                indicators
            }
            Some(Err(e)) => {
                problems.push(fsutil::read_problem(Path::new(indicators::FILE), e));
                BTreeMap::new()
            }
            None => {
                problems.push(
                    Problem::error(indicators::FILE, "there is no indicators file").help(
                        "create data/indicators.yaml describing each indicator; see the README",
                    ),
                );
                BTreeMap::new()
            }
        };
        // With nothing described, every row would be of an unknown indicator.
        if indicators_read
            && declared.is_empty()
            && !(files.csv.is_empty() && files.workbooks.is_empty())
        {
            problems.push(
                Problem::error(indicators::FILE, "this file describes no indicators, so no figure in data/ can be read")
                    .at_line(1)
                    .help("describe each indicator the CSV files name: an id, then indented `title:` and `unit:` lines; see the README"),
            );
            indicators_read = false;
        }
        let cx = ReadContext {
            indicators: &indicators,
            declared: &declared,
            config,
            indicators_read,
        };
        // Files are parsed in parallel, and their rows are not gathered into
        // one list: a large archive's rows are hundreds of megabytes.
        // National statistics files are read only for what `from:` asks.
        // Whether each is a national file, told once from its header line.
        let national: Vec<bool> = (files.csv.iter())
            .map(|(_, text)| text.as_deref().is_ok_and(national::is_national_text))
            .collect();
        let (mut read, (national_rows, national_problems, screened)) = rayon::join(
            || {
                (files.csv.par_iter())
                    .zip(&national)
                    .map(|((file, text), &national)| match text {
                        Ok(_) if national => (Vec::new(), Vec::new()),
                        Ok(text) => read::read(file, text, &cx),
                        Err(e) => (Vec::new(), vec![fsutil::read_problem(file, e)]),
                    })
                    .collect::<Vec<(Vec<Row>, Vec<Problem>)>>()
            },
            || {
                let texts: Vec<national::Text<'_>> = (files.csv.iter().zip(&national))
                    .filter_map(|((file, text), &national)| {
                        Some(national::Text {
                            file: file.clone(),
                            text: text.as_deref().ok()?,
                            national,
                        })
                    })
                    .collect();
                national::rows(&indicators, config, &texts)
            },
        );
        read.push((national_rows, national_problems));
        read.extend(workbook::read_all(&files.workbooks, &cx));
        let mut rows = Vec::with_capacity(read.len());
        for (found_rows, found) in read {
            rows.push(found_rows);
            problems.extend(found);
        }
        let names = (files.csv.iter().map(|(file, _)| file))
            .chain(files.workbooks.iter().map(|(file, _)| file))
            .cloned()
            .collect();
        let (mut data, found) = DataSet::from_rows(indicators, rows.into_iter().flatten(), names);
        data.declared = declared;
        data.screened = screened;
        problems.extend(found);
        (data, problems)
    }

    /// Indexes rows; two figures for the same indicator, period, area and
    /// breakdown are an error naming both places.
    pub fn from_rows(
        indicators: BTreeMap<String, Indicator>,
        rows: impl IntoIterator<Item = Row>,
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
            },
            problems,
        )
    }

    /// An indicator's definition.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.get(id)
    }

    /// One series: `area` `None` is the site's own area.
    pub fn series(&self, id: &str, area: Option<&str>, breakdown: Option<&str>) -> Option<&Series> {
        self.series.get(id)?.find(area, breakdown)
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

/// An indicator's series in first-seen order, found by area and breakdown in
/// constant time: an indicator may have tens of thousands of categories, and
/// each is looked up once for every chart, table and page that shows it.
#[derive(Debug, Default)]
struct SeriesList {
    series: Vec<Series>,
    /// Positions in `series` by the hash of their area and breakdown.
    by_key: HashMap<u64, Vec<usize>>,
}

impl SeriesList {
    fn new(series: impl IntoIterator<Item = Series>) -> SeriesList {
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

    fn find(&self, area: Option<&str>, breakdown: Option<&str>) -> Option<&Series> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn series(figures: &[(&str, f64)]) -> Series {
        let mut observations: Vec<Observation> = figures
            .iter()
            .map(|(p, v)| Observation {
                period: Period::parse(p, 4).unwrap(),
                figure: Figure {
                    value: Some(*v),
                    markers: vec![],
                },
                note: None,
                file: Arc::from(Path::new("data/x.csv")),
                sheet: None,
                line: 2,
                column: 1,
            })
            .collect();
        observations.sort_by_key(|a| a.period);
        Series {
            area: None,
            breakdown: None,
            observations,
        }
    }

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
