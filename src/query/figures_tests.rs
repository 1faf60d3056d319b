//! Tests of the grids behind charts and tables.

use super::*;
use crate::query::Resolver;
use crate::testutil;

const YAML: &str = "cla_count:\n  title: Children looked after\n  unit: count\n\
cla_rate:\n  title: Rate\n  unit: rate_per_10k\n\
cla_by_age:\n  title: By age\n  unit: percent\n";
const CSV: &str = "indicator,period,value,area,breakdown\n\
cla_count,2023-01,290,,\ncla_count,2023-03,292,,\ncla_count,2023-06,308,,\ncla_count,2023-09,330,,\n\
cla_count,2021-22,295,,\n\
cla_rate,2023-06,67.9,,\ncla_rate,2021-22,70,England,\ncla_rate,2021-22,68.3,sn,\ncla_rate,2023-09,75,,\n\
cla_by_age,2022-23 Q4,60,,Under 16\ncla_by_age,2022-23 Q4,40,,16 and over\n\
cla_by_age,2023-24 Q1,[c],,Under 16\ncla_by_age,2023-24 Q1,45,,16 and over\n\
cla_by_age,2023-24 Q2,50,,Under 16\ncla_by_age,2023-24 Q2,50,,16 and over\n";

fn grid(as_at: Option<&str>, selection: Selection) -> Result<Grid, Fail> {
    let data = testutil::data(YAML, CSV);
    let config = testutil::config();
    let resolver = Resolver::new(&data, &config, as_at.map(|p| Period::parse(p, 4).unwrap()));
    resolver.chart_grid(&selection)
}

#[test]
fn a_series_stops_at_the_reports_period() {
    let g = grid(Some("2023-24 Q1"), Selection::of(vec!["cla_count".into()])).unwrap();
    assert_eq!(g.kind, ChartKind::Line);
    assert_eq!(
        g.rows,
        ["January 2023", "March 2023", "June 2023"],
        "months only, none after June"
    );
    assert_eq!(
        g.columns[0].values(),
        [Some(290.0), Some(292.0), Some(308.0)]
    );
    let later = grid(Some("2023-24 Q2"), Selection::of(vec!["cla_count".into()])).unwrap();
    assert_eq!(
        later.rows.last().map(String::as_str),
        Some("September 2023")
    );
}

#[test]
fn from_and_last_choose_the_periods() {
    let mut s = Selection::of(vec!["cla_count".into()]);
    s.from = Some("2023-03".into());
    assert_eq!(
        grid(Some("2023-24 Q1"), s.clone()).unwrap().rows,
        ["March 2023", "June 2023"]
    );
    s.from = Some("2021-22".into());
    assert_eq!(
        grid(Some("2023-24 Q1"), s.clone()).unwrap().rows,
        ["2021-22"],
        "the kind of from= picks years"
    );
    s.from = None;
    s.last = Some(1);
    assert_eq!(grid(Some("2023-24 Q1"), s).unwrap().rows, ["June 2023"]);
}

#[test]
fn comparators_default_to_bars_of_latest_figures() {
    let mut s = Selection::of(vec!["cla_rate".into()]);
    s.compare = vec!["sn".into(), "England".into()];
    let g = grid(Some("2023-24 Q1"), s).unwrap();
    assert_eq!(g.kind, ChartKind::Bar);
    assert_eq!(
        g.rows,
        [
            "Thurrock (June 2023)",
            "Statistical neighbours (2021-22)",
            "England (2021-22)"
        ]
    );
    assert_eq!(g.columns[0].values(), [Some(67.9), Some(68.3), Some(70.0)]);
}

#[test]
fn breakdowns_show_the_latest_period_with_markers() {
    let g = grid(Some("2023-24 Q1"), Selection::of(vec!["cla_by_age".into()])).unwrap();
    assert_eq!(g.kind, ChartKind::Bar);
    assert_eq!(
        g.rows,
        ["Under 16", "16 and over"],
        "in the order the data gives them"
    );
    assert_eq!(g.columns[0].name, "Thurrock (Q1 2023-24)");
    assert_eq!(g.columns[0].values(), [None, Some(45.0)]);
    assert_eq!(g.markers(), [Marker::Confidential]);
}

#[test]
fn stacked_shows_a_breakdown_over_time() {
    let mut s = Selection::of(vec!["cla_by_age".into()]);
    s.kind = Some(ChartKind::Stacked);
    let g = grid(Some("2023-24 Q1"), s).unwrap();
    assert_eq!(g.rows, ["Q4 2022-23", "Q1 2023-24"]);
    assert_eq!(g.columns.len(), 2);
    let mut s = Selection::of(vec!["cla_count".into()]);
    s.kind = Some(ChartKind::Stacked);
    assert!(grid(None, s).unwrap_err().message.contains("no breakdowns"));
}

#[test]
fn bad_options_are_errors() {
    let mut s = Selection::of(vec!["cla_rate".into()]);
    s.compare = vec!["wales".into()];
    assert!(
        grid(None, s)
            .unwrap_err()
            .message
            .contains("unknown comparator `wales`")
    );
    let mut s = Selection::of(vec!["cla_by_age".into()]);
    s.breakdown = Some("Under 61".into());
    let fail = grid(None, s).unwrap_err();
    assert_eq!(fail.help.as_deref(), Some("did you mean `Under 16`?"));
    assert!(parse_kind("pie").is_err());
}

#[test]
fn periods_carry_their_place_in_time() {
    let g = grid(Some("2023-24 Q1"), Selection::of(vec!["cla_count".into()])).unwrap();
    let month = |year: i32, month: i32| Span {
        start: year * 12 + month - 1,
        end: year * 12 + month,
    };
    assert_eq!(
        g.spans(),
        Some(vec![month(2023, 1), month(2023, 3), month(2023, 6)])
    );
    let mut s = Selection::of(vec!["cla_count".into()]);
    s.from = Some("2021-22".into());
    let years = grid(Some("2023-24 Q1"), s).unwrap();
    // April 2021 to the end of March 2022.
    assert_eq!(
        years.spans(),
        Some(vec![Span {
            start: 2021 * 12 + 3,
            end: 2022 * 12 + 3
        }])
    );
    let groups = grid(Some("2023-24 Q1"), Selection::of(vec!["cla_by_age".into()])).unwrap();
    assert_eq!(groups.spans(), None);
}

#[test]
fn a_grids_period_range_runs_from_its_first_figure_to_its_last() {
    let mut s = Selection::of(vec!["cla_rate".into()]);
    s.compare = vec!["England".into()];
    let g = grid(Some("2023-24 Q1"), s).unwrap();
    // The bars' figures are for 2021-22 (England) and June 2023 (the site's).
    assert_eq!(
        g.period_range(),
        Some((
            Period::parse("2021-22", 4).unwrap(),
            Period::parse("2023-06", 4).unwrap()
        ))
    );
}
