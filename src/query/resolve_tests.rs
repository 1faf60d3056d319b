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

/// `value(...)` as a report of `as_at` prints it, from `yaml` and `csv`.
fn printed(yaml: &str, csv: &str, as_at: &str, query: Query) -> Result<String, Fail> {
    let data = testutil::data(yaml, csv);
    let config = testutil::config();
    let resolver = Resolver::new(&data, &config, Period::parse(as_at, 4).ok());
    let figure = resolver.value(&query)?;
    Ok(minijinja::Value::from_object(figure).to_string())
}

const LEAVERS: &str = "leavers:\n  title: Care leavers\n  unit: count\n";

#[test]
fn a_missed_quarter_is_a_missing_figure_not_last_quarters() {
    let csv = "indicator,period,value\nleavers,2023-24 Q1,279\nleavers,2023-24 Q3,300\n";
    let fail = printed(LEAVERS, csv, "2023-24 Q2", Query::of("leavers")).unwrap_err();
    assert_eq!(
        fail.message,
        "no figure for `leavers` in Q2 2023-24: the latest is for Q1 2023-24"
    );
    assert!(fail.missing_data && fail.gap.is_some(), "{fail:?}");
    // The quarter's own figure, when there is one.
    assert_eq!(
        printed(LEAVERS, csv, "2023-24 Q3", Query::of("leavers")).unwrap(),
        "300"
    );
    // Asked for explicitly, the latest figure is printed as it is.
    let latest = Query {
        latest: true,
        ..Query::of("leavers")
    };
    assert_eq!(printed(LEAVERS, csv, "2023-24 Q2", latest).unwrap(), "279");
}

#[test]
fn a_less_frequent_figure_is_printed_with_its_own_period() {
    let csv = "indicator,period,value\nleavers,2021-22,270\nleavers,2022-23,279\n";
    assert_eq!(
        printed(LEAVERS, csv, "2023-24 Q2", Query::of("leavers")).unwrap(),
        "279 (2022-23)"
    );
    let declared = "leavers:\n  title: Care leavers\n  unit: count\n  frequency: yearly\n";
    let monthly = "indicator,period,value\nleavers,2023-06,279\n";
    assert_eq!(
        printed(declared, monthly, "2023-24 Q2", Query::of("leavers")).unwrap(),
        "279 (June 2023)"
    );
    let comparator =
        "indicator,period,value,area\nleavers,2023-24 Q2,290,\nleavers,2022-23,31,England\n";
    let england = Query {
        area: Some("england".into()),
        ..Query::of("leavers")
    };
    assert_eq!(
        printed(LEAVERS, comparator, "2023-24 Q2", england).unwrap(),
        "31 (2022-23)"
    );
}

const ENTRIES: &str = "entries:\n  title: Children who came into care\n  unit: count\n  measure: flow\nrate:\n  title: Rate\n  unit: percent\n  measure: flow\n";

#[test]
fn a_quarters_flow_is_its_months_added_never_one_month() {
    let csv = "indicator,period,value\nentries,2023-07,9\nentries,2023-08,11\nentries,2023-09,12\nrate,2023-09,50\n";
    let q2 = Query {
        period: Some("2023-24 Q2".into()),
        ..Query::of("entries")
    };
    assert_eq!(printed(ENTRIES, csv, "2023-24 Q2", q2).unwrap(), "32");
    assert_eq!(
        printed(ENTRIES, csv, "2023-24 Q2", Query::of("entries")).unwrap(),
        "32"
    );
    let fail = printed(ENTRIES, csv, "2023-24 Q2", Query::of("rate")).unwrap_err();
    assert!(
        fail.help.as_deref().unwrap().contains("never added up"),
        "{fail:?}"
    );
    let gap = "indicator,period,value\nentries,2023-07,9\nentries,2023-09,12\n";
    let fail = printed(ENTRIES, gap, "2023-24 Q2", Query::of("entries")).unwrap_err();
    assert_eq!(
        fail.message,
        "no figure for `entries` in Q2 2023-24 yet: the latest is for September 2023"
    );
}
