//! Tests of an indicator page's history charts.

use super::*;
use crate::testutil;

const YAML: &str = "stock:\n  title: Children looked after\n  unit: count\n\
entries:\n  title: Children entering care\n  unit: count\n  measure: flow\n\
rate:\n  title: Rate\n  unit: rate_per_10k\n";
const CSV: &str = "indicator,period,value,area,breakdown\n\
stock,2018-19,290,,\nstock,2019-20,298,,\nstock,2021-22,295,,\nstock,2022-03,295,,\n\
stock,2022-04,294,,\nstock,2023-06,308,,\nstock,2022-23,280,England,\n\
entries,2021-22,121,,\nentries,2022-23,150,,\nentries,2022-23 Q4,29,,\nentries,2023-24 Q1,48,,\n\
entries,2022-23,140,sn,\n\
rate,2021-22,70,,\nrate,2022-23,72,,\nrate,2021-22,68,sn,\nrate,2022-23,69,sn,\n\
rate,2021-22,67,England,\nrate,2022-23,71,England,\n";

fn charts(id: &str) -> Vec<HistoryChart> {
    let data = testutil::data(YAML, CSV);
    let config = testutil::config();
    let resolver = Resolver::new(&data, &config, None);
    resolver.history_charts(data.indicator(id).unwrap())
}

fn numbers(column: &Column) -> Vec<Option<f64>> {
    column
        .cells
        .iter()
        .map(|c| c.as_ref().and_then(|c| c.value))
        .collect()
}

#[test]
fn a_figure_as_at_a_date_is_charted_at_every_date_of_every_frequency() {
    let charts = charts("stock");
    assert_eq!(charts.len(), 1);
    let grid = &charts[0].grid;
    assert_eq!(charts[0].frequency, None);
    // March 2022 and 2021-22 end together: one point, named for the month.
    assert_eq!(
        grid.rows,
        [
            "2018-19",
            "2019-20",
            "March 2022",
            "April 2022",
            "2022-23",
            "June 2023"
        ]
    );
    assert_eq!(grid.spans().unwrap().len(), grid.rows.len());
    let names: Vec<&str> = grid.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Thurrock", "England"]);
    assert_eq!(
        numbers(&grid.columns[0]),
        [
            Some(290.0),
            Some(298.0),
            Some(295.0),
            Some(294.0),
            None,
            Some(308.0)
        ]
    );
    assert_eq!(
        numbers(&grid.columns[1]),
        [None, None, None, None, Some(280.0), None]
    );
    assert!(!grid.columns[0].comparator && grid.columns[1].comparator);
}

#[test]
fn a_total_over_a_period_gets_a_chart_for_each_frequency() {
    let charts = charts("entries");
    let frequencies: Vec<_> = charts.iter().map(|c| c.frequency).collect();
    assert_eq!(
        frequencies,
        [Some(PeriodKind::Quarter), Some(PeriodKind::Year)],
        "the latest figure's frequency first"
    );
    let quarters = &charts[0].grid;
    assert_eq!(quarters.rows, ["Q4 2022-23", "Q1 2023-24"]);
    assert_eq!(quarters.columns.len(), 1, "no comparator has quarters");
    let years = &charts[1].grid;
    assert_eq!(years.rows, ["2021-22", "2022-23"]);
    let names: Vec<&str> = years.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Thurrock", "Statistical neighbours"]);
    assert_eq!(numbers(&years.columns[0]), [Some(121.0), Some(150.0)]);
    assert_eq!(numbers(&years.columns[1]), [None, Some(140.0)]);
}

#[test]
fn every_comparator_is_charted_beside_the_sites_own_area() {
    let charts = charts("rate");
    assert_eq!(charts.len(), 1);
    let grid = &charts[0].grid;
    let names: Vec<&str> = grid.columns.iter().map(|c| c.name.as_str()).collect();
    // Comparators in the order of their keys, as everywhere else.
    assert_eq!(names, ["Thurrock", "England", "Statistical neighbours"]);
    assert_eq!(numbers(&grid.columns[1]), [Some(67.0), Some(71.0)]);
}
