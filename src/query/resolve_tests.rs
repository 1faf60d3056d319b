//! Tests of what a placeholder says when its figure cannot be given: the
//! message, what to do, and what the preview shows in its place.

use super::*;
use crate::testutil;

const YAML: &str = "count:\n  title: Children looked after\n  unit: count\n";
const CSV: &str = "indicator,period,value\ncount,2023-03,292\ncount,2023-06,308\n";

/// `value(...)` of `count` as at Q2 2023-24, with `period=` and `area=`.
fn value(period: Option<&str>, area: Option<&str>) -> Result<FigureValue, Fail> {
    let data = testutil::data(YAML, CSV);
    let config = testutil::config();
    let as_at = Period::parse("2023-24 Q2", 4).unwrap();
    let resolver = Resolver::new(&data, &config, Some(as_at));
    resolver.value(&Query {
        period: period.map(str::to_string),
        area: area.map(str::to_string),
        ..Query::of("count")
    })
}

#[test]
fn a_figure_before_the_first_names_the_earliest_and_is_no_gap_to_wait_for() {
    let fail = value(Some("2022-23 Q2"), None).unwrap_err();
    assert_eq!(fail.message, "no figure for `count` in Q2 2022-23");
    assert_eq!(fail.to_string(), fail.message);
    assert_eq!(
        fail.help.as_deref(),
        Some(
            "the earliest figure is for March 2023; \
add the figure for Q2 2022-23 to a CSV file under data/"
        )
    );
    assert_eq!(fail.gap.as_deref(), Some("no figure for Q2 2022-23"));
    assert!(fail.missing_data);
}

#[test]
fn the_reports_own_figure_not_yet_in_the_data_is_awaited() {
    let fail = value(Some("2023-24 Q2"), None).unwrap_err();
    assert_eq!(fail.message, "no figure for `count` in Q2 2023-24");
    assert_eq!(
        fail.help.as_deref(),
        Some("add the figure for Q2 2023-24 to a CSV file under data/")
    );
    assert_eq!(fail.gap.as_deref(), Some("no figure for Q2 2023-24 yet"));
    assert!(fail.missing_data);
}

#[test]
fn an_unknown_comparator_lists_the_comparators_there_are() {
    let fail = value(None, Some("wales")).unwrap_err();
    assert_eq!(fail.to_string(), "unknown comparator `wales`");
    assert_eq!(
        fail.help.as_deref(),
        Some("the comparators in site.toml are `england`, `sn`")
    );
    assert!(!fail.missing_data, "a bad argument is no missing figure");
    assert_eq!(fail.gap, None);
}
