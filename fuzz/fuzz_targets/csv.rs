//! Any text read as a data CSV file, long or wide: no panic, and every
//! problem names its line.

#![no_main]

use libfuzzer_sys::fuzz_target;
use outturn::config::Config;
use outturn::data::indicators::Indicator;
use outturn::data::read::{ReadContext, read};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::LazyLock;

/// Two indicators of different units and one comparator, as a small site has.
static CONTEXT: LazyLock<(BTreeMap<String, Indicator>, BTreeSet<String>, Config)> = LazyLock::new(
    || {
        let (indicators, problems) = outturn::data::indicators::parse(
            "cla_count:\n  title: CLA\n  unit: count\ncla_share:\n  title: Share\n  unit: percent\n",
        );
        assert!(problems.is_empty());
        let declared = indicators.keys().cloned().collect();
        let config = Config::parse(
            "title = \"T\"\npublisher = \"P\"\narea = \"Thurrock\"\n[comparators]\nengland = \"England\"\n",
        )
        .expect("the fixed site.toml parses");
        (indicators, declared, config)
    },
);

fuzz_target!(|text: &str| {
    let (indicators, declared, config) = &*CONTEXT;
    let cx = ReadContext {
        indicators,
        declared,
        config,
        indicators_read: true,
    };
    let (_, problems) = read(Path::new("data/x.csv"), text, &cx);
    for problem in &problems {
        assert!(problem.line.is_some(), "no line: {problem}\n{text:?}");
    }
});
