//! Any bytes read as a national statistics file, with one fixed extract
//! (a value column, a filter and a breakdown) and a few areas: no panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use outturn::data::national::{Areas, Extract, Whose, read};
use std::path::Path;
use std::sync::LazyLock;

static ASKED: LazyLock<(Vec<Extract>, Areas)> = LazyLock::new(|| {
    let extract = Extract {
        indicator: "m".into(),
        value: "measure".into(),
        filters: vec![("age".into(), "19 to 21 years".into())],
        breakdown: Some("breakdown".into()),
        asked_at: None,
    };
    let mut areas = Areas::default();
    areas.add("E06000034", Whose::Own);
    areas.add("E92000001", Whose::Comparator("england".into()));
    areas.add("E12000006", Whose::Comparator("region".into()));
    areas.add("801", Whose::Member("sn".into()));
    areas.add("E2", Whose::Member("sn".into()));
    (vec![extract], areas)
});

fuzz_target!(|bytes: &[u8]| {
    let (extracts, areas) = &*ASKED;
    let _ = read(Path::new("data/national.csv"), bytes, extracts, areas, 4);
});
