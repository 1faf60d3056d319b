//! Tests of which grid a `chart()` or `table()` gets: the kind of chart its
//! options choose, the categories it shows, its columns and its sources.

use super::*;
use crate::testutil;

const YAML: &str = "count:\n  title: Children looked after\n  unit: count\n  source: DfE SSDA903\n\
plain:\n  title: Placements\n  unit: count\n\
rate:\n  title: Rate\n  unit: rate_per_10k\n  source: ONS\n\
by_age:\n  title: By age\n  unit: percent\n";
const CSV: &str = "indicator,period,value,area,breakdown\n\
count,2023-03,292,,\ncount,2023-06,308,,\ncount,2023-06,300,England,\n\
plain,2023-03,5,,\nplain,2023-06,6,,\nrate,2023-03,60,,\nrate,2023-06,61,,\n\
by_age,2022-23 Q4,60,,Under 16\nby_age,2022-23 Q4,40,,16 and over\n\
by_age,2023-24 Q1,55,,Under 16\nby_age,2023-24 Q1,45,,16 and over\n\
by_age,2023-24 Q2,50,,Under 16\nby_age,2023-24 Q2,40,,16 and over\n\
by_age,2023-24 Q2,10,,Care leavers\n\
by_age,2023-24 Q1,70,England,Under 16\nby_age,2023-24 Q1,30,England,16 and over\n";

/// The chart grid, or with `table` the table grid, as at `as_at`.
fn grid(as_at: &str, selection: &Selection, table: bool) -> Grid {
    let data = testutil::data(YAML, CSV);
    let config = testutil::config();
    let resolver = Resolver::new(&data, &config, Some(Period::parse(as_at, 4).unwrap()));
    let grid = if table {
        resolver.table_grid(selection)
    } else {
        resolver.chart_grid(selection)
    };
    grid.unwrap_or_else(|fail| panic!("{}", fail.message))
}

fn names(grid: &Grid) -> Vec<&str> {
    grid.columns.iter().map(|c| c.name.as_str()).collect()
}

fn comparators(grid: &Grid) -> Vec<bool> {
    grid.columns.iter().map(|c| c.comparator).collect()
}

#[test]
fn a_breakdown_with_from_or_last_is_charted_as_shares_over_time() {
    let mut from = Selection::of(vec!["by_age".into()]);
    from.from = Some("2022-23 Q4".into());
    let mut last = Selection::of(vec!["by_age".into()]);
    last.last = Some(2);
    for selection in [from, last] {
        let g = grid("2023-24 Q1", &selection, false);
        assert_eq!(g.kind, ChartKind::Stacked, "{selection:?}");
        assert_eq!(g.rows, ["Q4 2022-23", "Q1 2023-24"]);
        assert_eq!(names(&g), ["Under 16", "16 and over"]);
        assert_eq!(g.columns[0].values(), [Some(60.0), Some(55.0)]);
        assert_eq!(g.columns[1].values(), [Some(40.0), Some(45.0)]);
    }
}

#[test]
fn bars_of_a_breakdown_with_from_or_last_have_a_column_per_period() {
    let mut from = Selection::of(vec!["by_age".into()]);
    from.kind = Some(ChartKind::Bar);
    from.from = Some("2022-23 Q4".into());
    let mut last = from.clone();
    last.from = None;
    last.last = Some(2);
    for selection in [from, last] {
        let g = grid("2023-24 Q1", &selection, false);
        assert_eq!(g.kind, ChartKind::Bar, "{selection:?}");
        assert_eq!(g.rows, ["Under 16", "16 and over"], "{selection:?}");
        assert_eq!(names(&g), ["Q4 2022-23", "Q1 2023-24"], "{selection:?}");
        assert_eq!(g.columns[0].values(), [Some(60.0), Some(40.0)]);
        assert_eq!(g.columns[1].values(), [Some(55.0), Some(45.0)]);
    }
}

#[test]
fn a_category_first_reported_later_is_not_shown_earlier() {
    let selection = Selection::of(vec!["by_age".into()]);
    assert_eq!(
        grid("2023-24 Q1", &selection, false).rows,
        ["Under 16", "16 and over"]
    );
    assert_eq!(
        grid("2023-24 Q2", &selection, false).rows,
        ["Under 16", "16 and over", "Care leavers"]
    );
}

#[test]
fn a_table_of_a_broken_down_indicator_shows_its_latest_categories() {
    let g = grid("2023-24 Q1", &Selection::of(vec!["by_age".into()]), true);
    assert_eq!(g.row_heading, "Category");
    assert_eq!(g.rows, ["Under 16", "16 and over"]);
    assert_eq!(names(&g), ["Thurrock (Q1 2023-24)"]);
    assert_eq!(g.columns[0].values(), [Some(55.0), Some(45.0)]);
}

#[test]
fn a_table_of_one_category_lists_it_over_time_beside_comparators() {
    let mut selection = Selection::of(vec!["by_age".into()]);
    selection.breakdown = Some("Under 16".into());
    selection.compare = vec!["England".into()];
    let g = grid("2023-24 Q1", &selection, true);
    assert_eq!(g.row_heading, "Period");
    assert_eq!(g.rows, ["Q4 2022-23", "Q1 2023-24"]);
    assert_eq!(names(&g), ["Thurrock", "England"]);
    assert_eq!(g.columns[0].values(), [Some(60.0), Some(55.0)]);
    assert_eq!(g.columns[1].values(), [None, Some(70.0)]);
    assert_eq!(comparators(&g), [false, true]);
}

#[test]
fn a_table_of_one_indicator_without_breakdowns_lists_it_over_time() {
    let mut selection = Selection::of(vec!["count".into()]);
    selection.compare = vec!["England".into()];
    let g = grid("2023-24 Q1", &selection, true);
    assert_eq!(g.kind, ChartKind::Line);
    assert_eq!(g.rows, ["March 2023", "June 2023"]);
    assert_eq!(names(&g), ["Thurrock", "England"]);
    assert_eq!(g.columns[0].values(), [Some(292.0), Some(308.0)]);
    assert_eq!(g.columns[1].values(), [None, Some(300.0)]);
    assert_eq!(comparators(&g), [false, true]);
}

#[test]
fn a_table_of_several_indicators_names_each_source_it_has() {
    let selection = Selection::of(vec!["count".into(), "plain".into(), "rate".into()]);
    let g = grid("2023-24 Q1", &selection, true);
    assert_eq!(g.title, "Children looked after; Placements; Rate");
    assert_eq!(
        g.source, "DfE SSDA903; ONS",
        "an indicator with no source adds none"
    );
    assert_eq!(names(&g), ["Children looked after", "Placements", "Rate"]);
    assert_eq!(g.columns[2].values(), [Some(60.0), Some(61.0)]);
    let one = Selection::of(vec!["count".into(), "count".into()]);
    assert_eq!(grid("2023-24 Q1", &one, true).source, "DfE SSDA903");
}
