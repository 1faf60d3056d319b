//! Small sites in memory for unit tests.

use crate::config::Config;
use crate::data::cell::Figure;
use crate::data::indicators;
use crate::data::read::{ReadContext, read};
use crate::data::{DataSet, Observation, Series};
use crate::period::Period;
use std::path::Path;
use std::sync::Arc;

/// site.toml for Thurrock with two comparators.
pub(crate) fn config() -> Config {
    Config::parse(
        "title = \"T\"\npublisher = \"P\"\narea = \"Thurrock\"\n[comparators]\nsn = \"Statistical neighbours\"\nengland = \"England\"\n",
    )
    .expect("test config parses")
}

/// A data set from indicators.yaml text and one CSV file's text; panics on problems.
pub(crate) fn data(yaml: &str, csv: &str) -> DataSet {
    let config = config();
    let (indicators, problems) = indicators::parse(yaml);
    assert!(problems.is_empty(), "{problems:?}");
    let declared = indicators.keys().cloned().collect();
    let cx = ReadContext {
        indicators: &indicators,
        declared: &declared,
        config: &config,
        indicators_read: true,
    };
    let (rows, problems) = read(Path::new("data/test.csv"), csv, &cx);
    assert!(problems.is_empty(), "{problems:?}");
    let (data, problems) = DataSet::from_rows(indicators.clone(), rows, Vec::new());
    assert!(problems.is_empty(), "{problems:?}");
    data
}

/// A series of the site's own area from `(period, value)` pairs, sorted by
/// period, each as if read from line 2 of data/x.csv.
pub(crate) fn series(figures: &[(&str, f64)]) -> Series {
    let mut observations: Vec<Observation> = figures
        .iter()
        .map(|(p, v)| Observation {
            period: Period::parse(p, 4).unwrap(),
            figure: Figure {
                value: Some(*v),
                markers: vec![],
            },
            note: None,
            note_cy: None,
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

/// A copy of the good fixture site (`tests/fixtures/good`), to edit.
pub(crate) fn good_site() -> tempfile::TempDir {
    let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good");
    let dir = tempfile::tempdir().unwrap();
    for entry in walkdir::WalkDir::new(&from) {
        let entry = entry.unwrap();
        let to = dir.path().join(entry.path().strip_prefix(&from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    dir
}
