//! Tests of the chart descriptions and messages: one for each rule.

use super::super::tests::{chart, comparator, over_months, series};
use super::super::{Chart, Kind, Span};
use super::{describe, message};
use crate::data::indicators::{Polarity, Unit};

const MONTHS: [&str; 6] = [
    "January 2023",
    "February 2023",
    "March 2023",
    "April 2023",
    "May 2023",
    "June 2023",
];

/// A chart of months, with their spans, as a report's chart over time is.
fn monthly(kind: Kind, series: Vec<super::ChartSeries>) -> Chart {
    over_months(chart(kind, &MONTHS[..series[0].values.len()], series))
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

#[test]
fn a_series_opens_with_its_subject_and_says_how_the_council_compares() {
    let mut chart = monthly(
        Kind::Line,
        vec![
            series(
                "Thurrock",
                &[
                    Some(294.0),
                    Some(299.0),
                    Some(292.0),
                    None,
                    Some(301.0),
                    Some(308.0),
                ],
            ),
            comparator("England", &[None, None, None, None, None, Some(300.0)]),
        ],
    );
    chart.series[0].markers[3] = Some("[c]".into());
    chart.series[0].markers[5] = Some("[p]".into());
    chart.polarity = Polarity::LowerIsBetter;
    let said = describe(&chart);
    // April has no figure, so June is not said to be the highest since
    // January: April's may have been higher.
    assert_eq!(
        message(&chart),
        "Children looked after rose to 308 [p] in June 2023, from 301 in May 2023. \
         In June 2023, Thurrock was worse than England (300)."
    );
    assert!(said.starts_with(&message(&chart)), "{said}");
    assert!(
        said.contains(" Line chart, January 2023 to June 2023."),
        "{said}"
    );
    assert!(said.ends_with(" No figure for April 2023 [c]."), "{said}");
    assert!(
        !said.contains("first") && !said.contains("latest") && !said.contains("highest"),
        "{said}"
    );
}

#[test]
fn a_comparator_or_a_chart_of_several_indicators_is_named_by_its_series() {
    let mut chart = monthly(
        Kind::Line,
        vec![comparator("England", &[Some(290.0), Some(300.0)])],
    );
    assert_eq!(
        message(&chart),
        "England rose to 300 in February 2023, from 290 in January 2023."
    );
    chart.series[0].comparator = false;
    assert!(message(&chart).starts_with("Children looked after rose to 300"));
    chart.subject.clear();
    chart.series[0].name = "Thurrock".into();
    assert!(message(&chart).starts_with("Thurrock rose to 300"));
}

#[test]
fn a_superlative_is_claimed_only_over_periods_that_all_have_a_figure() {
    let values = [
        Some(294.0),
        Some(299.0),
        Some(292.0),
        Some(301.0),
        Some(305.0),
        Some(308.0),
    ];
    let mut months = monthly(Kind::Line, vec![series("Thurrock", &values)]);
    assert_eq!(
        message(&months),
        "Children looked after rose to 308 in June 2023, the highest since the chart starts in January 2023."
    );
    // A missing month, or a month left out of the chart, breaks the run.
    months.series[0].values[2] = None;
    assert_eq!(
        message(&months),
        "Children looked after rose to 308 in June 2023, from 305 in May 2023."
    );
    months.series[0].values[2] = Some(292.0);
    months.spans.as_mut().unwrap()[0] = Span {
        start: 24270,
        end: 24271,
    };
    assert_eq!(
        message(&months),
        "Children looked after rose to 308 in June 2023, from 305 in May 2023."
    );
    // A year's figure followed by months: the months between are unknown.
    let mut mixed = chart(
        Kind::Line,
        &["2022-23", "April 2023", "May 2023", "June 2023"],
        vec![series(
            "Thurrock",
            &[Some(400.0), Some(290.0), Some(300.0), Some(310.0)],
        )],
    );
    mixed.spans = Some(vec![
        Span {
            start: 24267,
            end: 24279,
        },
        Span {
            start: 24279,
            end: 24280,
        },
        Span {
            start: 24280,
            end: 24281,
        },
        Span {
            start: 24281,
            end: 24282,
        },
    ]);
    assert_eq!(
        message(&mixed),
        "Children looked after rose to 310 in June 2023, from 300 in May 2023."
    );
    // Categories that are not periods have no run to claim.
    mixed.spans = None;
    assert!(!message(&mixed).contains("highest"), "{}", message(&mixed));
}

#[test]
fn a_falling_series_names_the_last_period_it_was_as_low() {
    let values = [
        Some(8.0),
        Some(3.0),
        Some(9.0),
        Some(7.0),
        Some(6.0),
        Some(5.0),
    ];
    let chart = monthly(Kind::Bar, vec![series("Thurrock", &values)]);
    assert_eq!(
        message(&chart),
        "Children looked after fell to 5 in June 2023, the lowest since February 2023, when it was 3."
    );
}

#[test]
fn one_step_is_said_from_the_figure_before_without_an_extreme() {
    let chart = monthly(
        Kind::Line,
        vec![series("Thurrock", &[Some(5.0), Some(6.0)])],
    );
    assert_eq!(
        message(&chart),
        "Children looked after rose to 6 in February 2023, from 5 in January 2023."
    );
    let values = [Some(9.0), Some(4.0), Some(5.0), Some(6.0)];
    let chart = monthly(Kind::Line, vec![series("Thurrock", &values)]);
    // January was higher, and two figures lie between: since January,
    // with January's figure.
    assert_eq!(
        message(&chart),
        "Children looked after rose to 6 in April 2023, the highest since January 2023, when it was 9."
    );
}

#[test]
fn a_flat_series_stays_where_it_was() {
    let mut chart = monthly(
        Kind::Line,
        vec![series("Thurrock", &[Some(55.04), Some(54.96)])],
    );
    chart.unit = Unit::Percent;
    assert_eq!(
        message(&chart),
        "Children looked after stayed at 55% in February 2023, as in January 2023."
    );
}

#[test]
fn a_comparator_is_compared_in_the_same_period_or_else_with_its_own_period_said() {
    let mut chart = monthly(
        Kind::Line,
        vec![
            series("Thurrock", &[Some(50.0), Some(60.0), Some(62.0)]),
            comparator("England", &[Some(54.0), None, None]),
            comparator("East of England", &[None, None, Some(70.0)]),
        ],
    );
    chart.unit = Unit::Percent;
    chart.polarity = Polarity::HigherIsBetter;
    assert!(
        message(&chart).ends_with(
            ". In March 2023, Thurrock was better than England (54% in January 2023) \
             and worse than East of England (70%)."
        ),
        "{}",
        message(&chart)
    );
    // Better or worse only where the indicator says which is better.
    chart.polarity = Polarity::Neutral;
    assert!(message(&chart).contains(
        "Thurrock was higher than England (54% in January 2023) and lower than East of England (70%)."
    ));
    chart.series[2].values[2] = Some(62.0);
    assert!(message(&chart).contains("and the same as East of England (62%)."));
    // Each relation is said once.
    chart.series[1].values[2] = Some(40.0);
    chart
        .series
        .push(comparator("Wales", &[None, None, Some(70.0)]));
    assert!(
        message(&chart).ends_with(
            "In March 2023, Thurrock was higher than England (40%), \
             the same as East of England (62%), and lower than Wales (70%)."
        ),
        "{}",
        message(&chart)
    );
}

#[test]
fn areas_compare_the_councils_figure_with_each_comparators_saying_any_other_period() {
    let mut chart = chart(
        Kind::Bar,
        &[
            "Thurrock (2022-23)",
            "England (2022-23)",
            "Statistical neighbours (2021-22)",
        ],
        vec![series(
            "Average days",
            &[Some(498.0), Some(435.0), Some(400.0)],
        )],
    );
    chart.unit = Unit::Days;
    chart.polarity = Polarity::LowerIsBetter;
    chart.own_category = Some(0);
    assert_eq!(
        message(&chart),
        "Thurrock: 498 days in 2022-23, worse than England (435 days) \
         and Statistical neighbours (400 days in 2021-22)."
    );
    chart.polarity = Polarity::Neutral;
    chart.categories[1] = "England (2021-22)".into();
    assert_eq!(
        message(&chart),
        "Thurrock: 498 days in 2022-23, higher than England (435 days in 2021-22) \
         and Statistical neighbours (400 days in 2021-22)."
    );
}

#[test]
fn a_breakdown_names_its_largest_groups_and_their_shares() {
    let chart = chart(
        Kind::Bar,
        &["Aged 16", "Aged 17 to 18", "Aged 19 to 21", "Aged 22 to 25"],
        vec![
            series(
                "Thurrock (June 2023)",
                &[Some(1.0), Some(53.0), Some(144.0), Some(81.0)],
            ),
            comparator("England (2021-22)", &[None, None, Some(120.0), None]),
        ],
    );
    let said = describe(&chart);
    assert_eq!(
        message(&chart),
        "Children looked after: in June 2023, for Thurrock, the largest groups were Aged 19 to 21 (144, 52% of the total), \
         Aged 22 to 25 (81, 29%) and Aged 17 to 18 (53, 19%)."
    );
    assert!(
        said.contains(" Aged 19 to 21: England 120 in 2021-22."),
        "{said}"
    );
    assert!(said.ends_with(" Bar chart of 4 groups."), "{said}");
    // Groups are not a sequence: nothing is first or latest among them.
    for word in ["first", "latest", "highest", "lowest"] {
        assert!(!said.contains(word), "{said}");
    }
}

#[test]
fn a_percentage_breakdown_gives_its_shares_as_published() {
    let mut chart = chart(
        Kind::Bar,
        &["White", "Mixed", "Other"],
        vec![series(
            "Thurrock (Q1 2023-24)",
            &[Some(64.0), Some(16.0), None],
        )],
    );
    chart.unit = Unit::Percent;
    assert_eq!(
        message(&chart),
        "Children looked after: in Q1 2023-24, for Thurrock, the largest groups were White (64%) and Mixed (16%)."
    );
}

#[test]
fn shares_over_time_lead_with_the_latest_largest_and_where_the_largest_began() {
    let chart = chart(
        Kind::Stacked,
        &["Q4 2022-23", "Q1 2023-24"],
        vec![
            series("Abuse or neglect", &[Some(150.0), Some(180.0)]),
            series("Other needs", &[Some(50.0), Some(101.0)]),
        ],
    );
    assert_eq!(
        describe(&chart),
        "Children looked after: in Q1 2023-24, the largest groups were Abuse or neglect (180, 64% of the total) \
         and Other needs (101, 36%). Abuse or neglect was 150 (75% of the total) in Q4 2022-23. \
         Stacked bar chart, Q4 2022-23 to Q1 2023-24. \
         Shares, computed from the counts, of 2 groups."
    );
}

#[test]
fn one_period_is_a_figure_in_that_period_not_a_history() {
    let chart = monthly(Kind::Line, vec![series("Thurrock", &[Some(308.0)])]);
    assert_eq!(
        message(&chart),
        "Children looked after: 308 in January 2023."
    );
    let said = describe(&chart);
    for word in ["first", "latest", "highest", "history", " to "] {
        assert!(!said.contains(word), "{said}");
    }
}

#[test]
fn a_chart_without_figures_says_so() {
    let chart = monthly(Kind::Line, vec![series("Thurrock", &[None, None])]);
    assert_eq!(message(&chart), "There are no figures.");
}

#[test]
fn descriptions_of_the_longest_real_charts_stay_under_sixty_words() {
    // The example site's longest: fourteen placement types over two
    // quarters, long-named; an area with three comparators; a month series
    // with a gap in time and comparators on both sides of its latest.
    let types: Vec<String> = [
        "Placed for adoption",
        "Semi-independent living (not subject to Children's Homes Regulations)",
        "Secure children's homes",
        "Children's homes subject to Children's Homes Regulations",
        "Fostered with other foster carer: long-term",
        "Fostered with other foster carer: not long-term or FFA/concurrent planning",
        "Fostered with relative or friend: long-term",
        "Fostered with relative or friend: not long-term",
        "Placed with parents or other person with parental responsibility",
        "Independent living",
        "Residential care home",
        "NHS or health trust",
        "Young offender institution or prison",
        "Other placement",
    ]
    .iter()
    .map(|s| (*s).to_string())
    .collect();
    let counts = [
        4.0, 53.0, 1.0, 30.0, 120.0, 73.0, 10.0, 5.0, 6.0, 2.0, 1.0, 0.0, 1.0, 4.0,
    ];
    let stacked = chart(
        Kind::Stacked,
        &["Q4 2022-23", "Q1 2023-24"],
        types
            .iter()
            .zip(counts)
            .map(|(name, n)| series(name, &[Some(n + 1.0), Some(n)]))
            .collect(),
    );
    let mut areas = chart(
        Kind::Bar,
        &[
            "Thurrock (June 2023)",
            "Statistical neighbours (2021-22)",
            "England (2021-22)",
            "East of England (2021-22)",
        ],
        vec![series(
            "Average days from entering care to moving in with an adoptive family",
            &[Some(498.0), Some(435.0), Some(397.0), Some(459.0)],
        )],
    );
    areas.own_category = Some(0);
    areas.unit = Unit::Days;
    let mut line = chart(
        Kind::Line,
        &[
            "April 2022",
            "March 2023",
            "April 2023",
            "May 2023",
            "June 2023",
        ],
        vec![
            series(
                "Thurrock",
                &[Some(294.0), Some(292.0), None, Some(301.0), Some(308.0)],
            ),
            comparator("England", &[Some(290.0), None, None, None, Some(300.0)]),
            comparator(
                "Statistical neighbours",
                &[Some(280.0), None, None, None, None],
            ),
        ],
    );
    line.spans = Some(
        [24268, 24279, 24280, 24281, 24282]
            .iter()
            .map(|&m| Span {
                start: m,
                end: m + 1,
            })
            .collect(),
    );
    line.series[0].markers[2] = Some("[c]".into());
    for chart in [&stacked, &areas, &line] {
        let said = describe(chart);
        assert!(words(&said) <= 60, "{} words: {said}", words(&said));
    }
    // The longest still says where its largest group began when there is room.
    assert!(!describe(&stacked).contains(" was "));
}
