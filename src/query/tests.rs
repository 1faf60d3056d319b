//! Tests of the rules every figure is chosen and compared by.

use super::*;
use crate::testutil;

use crate::testutil::series;

fn p(text: &str) -> Period {
    Period::parse(text, 4).unwrap()
}

fn value(o: Option<&Observation>) -> Option<f64> {
    o.and_then(|o| o.figure.value)
}

#[test]
fn resolves_the_latest_figure_on_or_before_a_period() {
    let s = series(&[("2023-03", 292.0), ("2023-06", 308.0), ("2023-09", 320.0)]);
    assert_eq!(value(as_at(&s.observations, &p("2023-24 Q1"))), Some(308.0));
    assert_eq!(value(as_at(&s.observations, &p("2022-23 Q4"))), Some(292.0));
    assert_eq!(value(as_at(&s.observations, &p("2023-05"))), Some(292.0));
    assert_eq!(value(as_at(&s.observations, &p("2022-23 Q3"))), None);
    assert_eq!(
        up_to(&s.observations, &p("2023-24 Q1")).len(),
        2,
        "nothing after the period"
    );
}

#[test]
fn prefers_the_periods_own_kind_where_two_end_together() {
    let s = series(&[
        ("2023-06", 30.0),
        ("2023-24 Q1", 48.0),
        ("2022-23", 492.0),
        ("2022-23 Q4", 56.0),
    ]);
    assert_eq!(value(as_at(&s.observations, &p("2023-24 Q1"))), Some(48.0));
    assert_eq!(value(as_at(&s.observations, &p("2023-06"))), Some(30.0));
    assert_eq!(value(within(&s.observations, &p("2022-23"))), Some(492.0));
    assert_eq!(value(within(&s.observations, &p("2022-23 Q4"))), Some(56.0));
    assert_eq!(value(as_at(&s.observations, &p("2023-24 Q2"))), Some(48.0));
}

#[test]
fn within_a_period_means_ending_inside_it() {
    let s = series(&[("2022-12", 1.0), ("2023-03", 2.0)]);
    assert_eq!(value(within(&s.observations, &p("2022-23 Q4"))), Some(2.0));
    assert_eq!(value(within(&s.observations, &p("2023-24 Q1"))), None);
    assert_eq!(value(within(&s.observations, &p("2022-23 Q3"))), Some(1.0));
}

const YAML: &str = "stock:\n  title: Children looked after\n  unit: count\n\
entries:\n  title: Children entering care\n  unit: count\n  measure: flow\n\
visits:\n  title: Visits in time\n  unit: percent\n  polarity: higher_is_better\n  measure: flow\n";

fn indicator(id: &str) -> Indicator {
    testutil::data(YAML, "indicator,period,value\nstock,2023-06,1\n")
        .indicator(id)
        .unwrap()
        .clone()
}

#[test]
fn a_total_is_compared_only_with_a_total_over_a_period_as_long() {
    let entries = indicator("entries");
    // A year named, holding a year's total and a quarter's: the quarter is
    // compared with the quarter, never with the year.
    let s = series(&[("2022-23", 150.0), ("2022-23 Q4", 29.0)]);
    let to = p("2023-24 Q1");
    let found = earlier(&entries, &s.observations, &to, &p("2022-23"), true);
    assert_eq!(value(found), Some(29.0));
    // With no quarter in the year named, there is nothing to compare with.
    let s = series(&[("2022-23", 150.0), ("2023-24 Q1", 48.0)]);
    assert_eq!(
        value(earlier(&entries, &s.observations, &to, &p("2022-23"), true)),
        None
    );
    // A rate over a period is not a total: any figure of the period named.
    let visits = indicator("visits");
    assert_eq!(
        value(earlier(&visits, &s.observations, &to, &p("2022-23"), true)),
        Some(150.0)
    );
}

#[test]
fn a_figure_as_at_a_date_is_compared_with_any_figure_of_the_period_named() {
    let stock = indicator("stock");
    let s = series(&[("2021-22", 295.0), ("2023-06", 308.0)]);
    let found = earlier(&stock, &s.observations, &p("2023-06"), &p("2021-22"), true);
    assert_eq!(value(found), Some(295.0));
    // "previous": the latest of the figure's own kind by the period's end.
    let s = series(&[("2023-03", 292.0), ("2022-23", 280.0), ("2023-06", 308.0)]);
    let found = earlier(&stock, &s.observations, &p("2023-06"), &p("2023-05"), false);
    assert_eq!(value(found), Some(292.0));
}

#[test]
fn a_figure_is_never_compared_with_itself_or_a_later_one() {
    let stock = indicator("stock");
    let s = series(&[("2023-06", 308.0)]);
    let to = p("2023-06");
    assert_eq!(
        value(earlier(&stock, &s.observations, &to, &to, true)),
        None
    );
}

#[test]
fn a_figure_belongs_to_a_quarter_when_it_ends_in_it_and_is_over_as_long() {
    let stock = indicator("stock");
    let visits = indicator("visits");
    let quarter = p("2023-24 Q1");
    assert!(belongs_to(&stock, &p("2023-06"), &quarter));
    assert!(!belongs_to(&stock, &p("2023-03"), &quarter));
    // A month's rate is not the quarter's.
    assert!(!belongs_to(&visits, &p("2023-06"), &quarter));
    assert!(belongs_to(&visits, &quarter, &quarter));
}

#[test]
fn the_figure_before_is_three_months_earlier_and_of_the_same_kind() {
    assert_eq!(three_months_before(p("2023-24 Q1")), Some(p("2022-23 Q4")));
    assert_eq!(three_months_before(p("2023-06")), Some(p("2023-03")));
    assert_eq!(three_months_before(p("2022-23")), None);
}

#[test]
fn a_change_is_judged_by_which_way_is_better() {
    use Polarity::*;
    assert_eq!(Direction::of(2.0), Direction::Up);
    assert_eq!(Direction::of(-0.5), Direction::Down);
    assert_eq!(Direction::of(0.0), Direction::Same);
    assert_eq!(
        Assessment::of(Direction::Up, HigherIsBetter),
        Assessment::Better
    );
    assert_eq!(
        Assessment::of(Direction::Down, HigherIsBetter),
        Assessment::Worse
    );
    assert_eq!(
        Assessment::of(Direction::Down, LowerIsBetter),
        Assessment::Better
    );
    assert_eq!(
        Assessment::of(Direction::Up, LowerIsBetter),
        Assessment::Worse
    );
    assert_eq!(Assessment::of(Direction::Up, Neutral), Assessment::Neutral);
    assert_eq!(
        Assessment::of(Direction::Same, LowerIsBetter),
        Assessment::NoChange
    );
    assert_eq!(Assessment::NoChange.name(), "no change");
}

#[test]
fn areas_are_found_by_key_or_name_ignoring_case() {
    let config = testutil::config();
    assert_eq!(Area::find("thurrock", &config), Some(Area::Own));
    assert_eq!(
        Area::find(" England ", &config),
        Some(Area::Comparator("england".into()))
    );
    assert_eq!(
        Area::find("SN", &config),
        Some(Area::Comparator("sn".into()))
    );
    assert_eq!(Area::find("Wales", &config), None);
    let sn = Area::of_key(Some("sn"));
    assert_eq!(sn.name(&config), "Statistical neighbours");
    assert!(sn.is_comparator() && !Area::Own.is_comparator());
    assert_eq!(Area::Own.name(&config), "Thurrock");
    assert_eq!(Area::Own.key(), None);
    assert_eq!(sn.key(), Some("sn"));
}

#[test]
fn exactly_finds_only_the_period_itself() {
    let s = series(&[("2023-03", 1.0), ("2022-23", 2.0)]);
    assert_eq!(value(exactly(&s.observations, &p("2022-23"))), Some(2.0));
    assert_eq!(value(exactly(&s.observations, &p("2022-23 Q4"))), None);
}

#[test]
fn every_area_is_listed_the_sites_own_first() {
    let config = testutil::config();
    assert_eq!(
        Area::all(&config),
        [
            Area::Own,
            Area::Comparator("england".into()),
            Area::Comparator("sn".into())
        ]
    );
}

const CHANGE_YAML: &str = "stock:\n  title: Children looked after\n  unit: count\n\
entries:\n  title: Children entering care\n  unit: count\n  measure: flow\n\
yearly:\n  title: Reviews a year\n  unit: count\n  measure: flow\n";
const CHANGE_CSV: &str = "indicator,period,value\n\
stock,2023-03,292\nstock,2023-06,308\n\
entries,2022-23 Q4,29\nentries,2023-24 Q1,48\n\
yearly,2021-22,10\nyearly,2022-23,12\n";

/// `change(id, vs=…)` as at `as_at`: the text, or the failure's message and help.
fn change(as_at: &str, id: &str, vs: &str) -> Result<String, (String, Option<String>)> {
    let data = testutil::data(CHANGE_YAML, CHANGE_CSV);
    let config = testutil::config();
    let resolver = Resolver::new(&data, &config, Some(p(as_at)));
    resolver
        .change(&Query::of(id), vs)
        .map(|c| c.text)
        .map_err(|f| (f.message, f.help))
}

#[test]
fn a_change_not_yet_possible_says_what_to_add() {
    let (message, help) = change("2023-24 Q2", "entries", "previous").unwrap_err();
    assert_eq!(
        message,
        "no figure for `entries` in Q2 2023-24 yet: the latest is for Q1 2023-24"
    );
    assert_eq!(
        help.as_deref(),
        Some("add the figure for Q2 2023-24 to a CSV file under data/")
    );
    // A month's figure in a quarterly report will be followed by one for the quarter.
    let (_, help) = change("2023-24 Q2", "stock", "previous").unwrap_err();
    assert_eq!(
        help.as_deref(),
        Some("add the figure for Q2 2023-24 to a CSV file under data/")
    );
}

#[test]
fn yearly_figures_in_a_quarterly_report_are_compared_by_naming_two_years() {
    let (message, help) = change("2023-24 Q1", "yearly", "previous").unwrap_err();
    assert_eq!(
        message,
        "no figure for `yearly` in Q1 2023-24 yet: the latest is for 2022-23"
    );
    assert_eq!(
        help.as_deref(),
        Some(
            "`yearly` has figures for whole years only; compare two years by naming them, \
e.g. change(\"yearly\", period=\"2022-23\", vs=\"2021-22\")"
        )
    );
}

#[test]
fn a_vs_that_is_no_period_says_what_vs_takes() {
    let (_, help) = change("2023-24 Q1", "stock", "last time").unwrap_err();
    assert_eq!(
        help.as_deref(),
        Some("vs= takes \"previous\", \"year_ago\" or a period")
    );
}
