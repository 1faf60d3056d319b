//! Tests of an indicator page's history charts.

use super::*;
use crate::testutil;

const YAML: &str = "stock:\n  title: Children looked after\n  unit: count\n\
entries:\n  title: Children entering care\n  unit: count\n  measure: flow\n\
rate:\n  title: Rate\n  unit: rate_per_10k\n\
adoptions:\n  title: Adoptions\n  unit: count\n  measure: flow\n\
by_age:\n  title: By age\n  unit: percent\n\
by_sex:\n  title: By sex\n  unit: percent\n";
const CSV: &str = "indicator,period,value,area,breakdown\n\
stock,2018-19,290,,\nstock,2019-20,298,,\nstock,2021-22,295,,\nstock,2022-03,295,,\n\
stock,2022-04,294,,\nstock,2023-06,308,,\nstock,2022-23,280,England,\n\
entries,2021-22,121,,\nentries,2022-23,150,,\nentries,2022-23 Q4,29,,\nentries,2023-24 Q1,48,,\n\
entries,2022-23,140,sn,\n\
rate,2021-22,70,,\nrate,2022-23,72,,\nrate,2021-22,68,sn,\nrate,2022-23,69,sn,\n\
rate,2021-22,67,England,\nrate,2022-23,71,England,\n\
adoptions,2021-22,12,,\nadoptions,2022-23,15,,\nadoptions,2022-23,14,England,\n\
by_age,2021-22,50,,Under 16\nby_age,2021-22,50,,16 and over\n\
by_age,2022-23 Q3,60,,Under 16\nby_age,2022-23 Q3,40,,16 and over\n\
by_age,2022-23 Q4,55,,Under 16\nby_age,2022-23 Q4,45,,16 and over\n\
by_age,2023-24 Q1,52,,Under 16\nby_age,2023-24 Q1,48,,16 and over\n\
by_age,2023-24 Q1,70,England,Under 16\n\
by_sex,2023-24 Q1,51,,Girls\nby_sex,2023-24 Q1,49,,Boys\n";

fn charts(id: &str) -> Vec<HistoryChart> {
    let data = testutil::data(YAML, CSV);
    let config = testutil::config();
    let resolver = Resolver::new(&data, &config, None);
    resolver.history_charts(data.indicator(id).unwrap())
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
        grid.columns[0].values(),
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
        grid.columns[1].values(),
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
    assert_eq!(years.columns[0].values(), [Some(121.0), Some(150.0)]);
    assert_eq!(years.columns[1].values(), [None, Some(140.0)]);
}

#[test]
fn every_comparator_is_charted_beside_the_sites_own_area() {
    let charts = charts("rate");
    assert_eq!(charts.len(), 1);
    let grid = &charts[0].grid;
    let names: Vec<&str> = grid.columns.iter().map(|c| c.name.as_str()).collect();
    // Comparators in the order of their keys, as everywhere else.
    assert_eq!(names, ["Thurrock", "England", "Statistical neighbours"]);
    assert_eq!(grid.columns[1].values(), [Some(67.0), Some(71.0)]);
}

#[test]
fn a_total_with_one_frequency_gets_one_chart_unlabelled() {
    let charts = charts("adoptions");
    assert_eq!(charts.len(), 1);
    assert_eq!(charts[0].frequency, None);
    assert_eq!(charts[0].grid.rows, ["2021-22", "2022-23"]);
}

#[test]
fn a_breakdown_is_charted_as_shares_over_its_latest_frequency() {
    let charts = charts("by_age");
    assert_eq!(charts.len(), 1);
    let grid = &charts[0].grid;
    assert_eq!(grid.kind, ChartKind::Stacked);
    // Every quarter from the first, and not the year before them.
    assert_eq!(grid.rows, ["Q3 2022-23", "Q4 2022-23", "Q1 2023-24"]);
    let names: Vec<&str> = grid.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Under 16", "16 and over"]);
    assert_eq!(
        grid.columns[0].values(),
        [Some(60.0), Some(55.0), Some(52.0)]
    );
}

#[test]
fn a_breakdown_of_one_period_is_charted_as_its_latest_bars() {
    let charts = charts("by_sex");
    assert_eq!(charts.len(), 1);
    let grid = &charts[0].grid;
    assert_eq!(grid.kind, ChartKind::Bar);
    assert_eq!(grid.rows, ["Girls", "Boys"]);
    assert_eq!(grid.columns[0].name, "Thurrock (Q1 2023-24)");
    assert_eq!(grid.columns[0].values(), [Some(51.0), Some(49.0)]);
}

fn every_figure(csv: &str, id: &str) -> Grid {
    let data = testutil::data(YAML, csv);
    let config = testutil::config();
    let resolver = Resolver::new(&data, &config, None);
    resolver
        .history_grid(id)
        .unwrap_or_else(|fail| panic!("{}", fail.message))
}

/// Each column's heading, whether it is a comparator's, and its numbers.
fn columns(grid: &Grid) -> Vec<(&str, bool, Vec<Option<f64>>)> {
    grid.columns
        .iter()
        .map(|c| (c.name.as_str(), c.comparator, c.values()))
        .collect()
}

#[test]
fn every_figure_lists_the_sites_own_area_then_each_comparator_by_key() {
    // Comparators written before the site's own figures, and out of key order.
    let csv = "indicator,period,value,area\n\
rate,2022-23,69,sn\nrate,2021-22,67,England\nrate,2022-23,71,England\n\
rate,2021-22,70,\nrate,2022-23 Q4,18,\n";
    let grid = every_figure(csv, "rate");
    assert_eq!(grid.title, "Rate: every figure");
    assert_eq!(
        grid.rows,
        ["2021-22", "2022-23", "Q4 2022-23 (January to March 2023)"]
    );
    assert_eq!(
        columns(&grid),
        [
            ("Thurrock", false, vec![Some(70.0), None, Some(18.0)]),
            ("England", true, vec![Some(67.0), Some(71.0), None]),
            ("Statistical neighbours", true, vec![None, Some(69.0), None]),
        ]
    );
}

#[test]
fn every_figure_names_a_comparators_categories_by_its_area() {
    let grid = every_figure(CSV, "by_age");
    let names: Vec<&str> = grid.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Under 16", "16 and over", "England: Under 16"]);
    let comparators: Vec<bool> = grid.columns.iter().map(|c| c.comparator).collect();
    assert_eq!(comparators, [false, false, true]);
}
