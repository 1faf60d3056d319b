//! Small sites in memory for unit tests.

use crate::config::Config;
use crate::data::DataSet;
use crate::data::indicators;
use crate::data::read::{ReadContext, read};
use std::path::Path;

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
