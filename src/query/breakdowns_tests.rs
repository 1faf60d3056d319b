//! Tests of a broken-down indicator's grids: which columns stand beside the
//! site's own figures, what each is headed and what it holds.

use super::*;
use crate::query::figures::ChartKind;
use crate::testutil;

const YAML: &str = "by_age:\n  title: By age\n  unit: percent\n";
const CSV: &str = "indicator,period,value,area,breakdown\n\
by_age,2022-23 Q4,60,,Under 16\nby_age,2022-23 Q4,40,,16 and over\n\
by_age,2023-24 Q1,55,,Under 16\nby_age,2023-24 Q1,45,,16 and over\n\
by_age,2023-24 Q2,50,,Under 16\nby_age,2023-24 Q2,50,,16 and over\n\
by_age,2022-23 Q4,65,England,Under 16\nby_age,2022-23 Q4,35,England,16 and over\n\
by_age,2023-24 Q1,70,England,Under 16\nby_age,2023-24 Q1,30,England,16 and over\n";

fn grid(as_at: &str, selection: &Selection) -> Grid {
    let data = testutil::data(YAML, CSV);
    let config = testutil::config();
    let resolver = Resolver::new(&data, &config, Some(Period::parse(as_at, 4).unwrap()));
    resolver
        .chart_grid(selection)
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
fn comparators_stand_beside_a_breakdowns_latest_bars_headed_by_their_period() {
    let mut selection = Selection::of(vec!["by_age".into()]);
    selection.compare = vec!["England".into(), "sn".into()];
    let g = grid("2023-24 Q1", &selection);
    assert_eq!(g.kind, ChartKind::Bar);
    assert_eq!(g.rows, ["Under 16", "16 and over"]);
    assert_eq!(
        columns(&g),
        [
            ("Thurrock (Q1 2023-24)", false, vec![Some(55.0), Some(45.0)]),
            ("England (Q1 2023-24)", true, vec![Some(70.0), Some(30.0)]),
            // No figures at all: headed by the name alone.
            ("Statistical neighbours", true, vec![None, None]),
        ]
    );
    // A comparator's latest figures are older than the site's: its heading says so.
    let later = grid("2023-24 Q2", &selection);
    assert_eq!(
        columns(&later)[..2],
        [
            ("Thurrock (Q2 2023-24)", false, vec![Some(50.0), Some(50.0)]),
            ("England (Q1 2023-24)", true, vec![Some(70.0), Some(30.0)]),
        ]
    );
}

#[test]
fn bars_of_a_breakdown_over_periods_put_comparators_at_the_latest() {
    let mut selection = Selection::of(vec!["by_age".into()]);
    selection.kind = Some(ChartKind::Bar);
    selection.last = Some(2);
    selection.compare = vec!["England".into()];
    let g = grid("2023-24 Q2", &selection);
    assert_eq!(g.rows, ["Under 16", "16 and over"]);
    assert_eq!(
        columns(&g),
        [
            ("Q1 2023-24", false, vec![Some(55.0), Some(45.0)]),
            ("Q2 2023-24", false, vec![Some(50.0), Some(50.0)]),
            ("England (Q1 2023-24)", true, vec![Some(70.0), Some(30.0)]),
        ]
    );
}
