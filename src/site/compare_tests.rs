//! Tests of the compare page: its columns, rows, summary lines and the
//! words each cell reads as.

use super::*;
use crate::testutil;

const YAML: &str = "stock:\n  title: Children looked after\n  unit: count\n  measure: stock\n\
days:\n  title: Days to adoption\n  unit: days\n  polarity: lower_is_better\n\
rhi:\n  title: Return home interviews accepted\n  unit: percent\n  polarity: higher_is_better\n  measure: flow\n\
visits:\n  title: Visits in time\n  unit: percent\n  decimals: 1\n  polarity: higher_is_better\n\
missing:\n  title: Children who went missing\n  unit: count\n  polarity: lower_is_better\n  measure: flow\n";
// Month-end figures with a gap (nothing between April 2022 and March
// 2023), quarters with a gap (nothing in Q2 2022-23), monthly shares,
// and yearly figures carried into the quarters after them.
const CSV: &str = "indicator,period,value\n\
stock,2022-04,294\nstock,2023-03,292\nstock,2023-06,308\n\
days,2022-23 Q1,300\ndays,2022-23 Q3,265\ndays,2022-23 Q4,560\ndays,2023-24 Q1,498\n\
rhi,2022-06,60\nrhi,2023-03,70\nrhi,2023-06,78\n\
visits,2021-22,91.0\nvisits,2022-23,94.0\n\
missing,2022-23 Q4,25\nmissing,2023-24 Q1,25\n";

fn cell_of(id: &str, quarter: &str) -> CompareCell {
    cell_in(Language::English, id, quarter)
}

/// The cell of indicator `id` for `period` (a quarter, or a year in the
/// table of years), in `language`.
fn cell_in(language: Language, id: &str, period: &str) -> CompareCell {
    let data = testutil::data(YAML, CSV);
    let config = testutil::config();
    let indicator = data.indicator_in(id, language).unwrap();
    let period = Period::parse(period, 4).unwrap();
    let read = if period.kind() == PeriodKind::Year {
        year_reading
    } else {
        reading
    };
    cell(
        indicator,
        read(&data, &config, indicator, period, language).as_ref(),
        &CellWords::new(language),
    )
}

/// The summary of 2023-24 Q1 in `language`, each line's link made by `url`.
fn summary_in(language: Language, url: fn(&Indicator) -> String) -> CompareSummary {
    let data = testutil::data(YAML, CSV);
    let config = testutil::config();
    let quarter = Period::parse("2023-24 Q1", 4).unwrap();
    let indicators: Vec<&Indicator> = data.indicators.values().collect();
    let readings: Vec<Option<Reading>> = indicators
        .iter()
        .map(|i| reading(&data, &config, i, quarter, language))
        .collect();
    let rows: Vec<_> = indicators
        .iter()
        .zip(&readings)
        .map(|(i, r)| (*i, (url(i), String::new()), r.as_ref()))
        .collect();
    summary(quarter, &rows, language)
}

#[test]
fn a_quarter_is_compared_with_the_quarter_before_and_judged() {
    let c = cell_of("days", "2023-24 Q1");
    assert_eq!(c.value, "498 days");
    assert_eq!(c.period_note, "");
    assert_eq!(c.change, "down 62 days");
    assert_eq!(c.direction, "down");
    assert_eq!(c.assessment, "better");
    let c = cell_of("days", "2022-23 Q4");
    assert_eq!(c.change, "up 295 days");
    assert_eq!(c.assessment, "worse");
}

#[test]
fn a_month_end_figure_is_compared_with_the_one_three_months_earlier() {
    let c = cell_of("stock", "2023-24 Q1");
    assert_eq!((c.value.as_str(), c.change.as_str()), ("308", "up 16"));
    // Neither higher nor lower is better: a change, never a judgement.
    assert_eq!(c.assessment, "");
}

#[test]
fn with_no_figure_in_the_quarter_before_the_change_names_its_period_unjudged() {
    let c = cell_of("stock", "2022-23 Q4");
    assert_eq!(c.change, "down 2 since April 2022");
    assert_eq!(c.direction, "down");
    let c = cell_of("days", "2022-23 Q3");
    assert_eq!(c.change, "down 35 days since Q1 2022-23");
    assert_eq!(
        c.assessment, "",
        "an older quarter is not the quarter before"
    );
}

#[test]
fn a_shorter_periods_figure_says_its_period_and_is_judged_only_like_with_like() {
    let c = cell_of("rhi", "2023-24 Q1");
    assert_eq!(c.period_note, "June 2023");
    assert_eq!(c.change, "up 8 percentage points since March 2023");
    assert_eq!(c.assessment, "better");
    let c = cell_of("rhi", "2022-23 Q4");
    assert_eq!(c.period_note, "March 2023");
    assert_eq!(c.change, "up 10 percentage points since June 2022");
    assert_eq!(c.assessment, "");
}

#[test]
fn a_figure_older_than_its_quarter_says_its_period_and_has_no_change() {
    let c = cell_of("stock", "2022-23 Q3");
    assert_eq!(c.value, "294");
    assert_eq!(c.period_note, "April 2022");
    assert_eq!((c.change.as_str(), c.assessment.as_str()), ("", ""));
}

#[test]
fn a_years_figure_is_in_no_quarters_column() {
    // Neither the year's last quarter nor a quarter after it.
    for quarter in ["2022-23 Q4", "2023-24 Q1"] {
        let c = cell_of("visits", quarter);
        assert_eq!(c.value, "", "{quarter}");
    }
}

fn year_cell_of(id: &str, year: &str) -> CompareCell {
    let data = testutil::data(YAML, CSV);
    let config = testutil::config();
    let indicator = data.indicator(id).unwrap();
    let year = Period::parse(year, 4).unwrap();
    cell(
        indicator,
        year_reading(&data, &config, indicator, year, Language::English).as_ref(),
        &CellWords::new(Language::English),
    )
}

#[test]
fn a_year_is_compared_with_the_year_before_and_judged() {
    let c = year_cell_of("visits", "2022-23");
    assert_eq!(c.value, "94.0%");
    assert_eq!(c.period_note, "");
    assert_eq!(c.change, "up 3.0 percentage points");
    assert_eq!(c.assessment, "better");
    let c = year_cell_of("visits", "2021-22");
    assert_eq!((c.value.as_str(), c.change.as_str()), ("91.0%", ""));
}

#[test]
fn a_year_without_a_figure_of_its_own_is_empty_though_its_quarters_have_figures() {
    assert_eq!(year_cell_of("days", "2022-23").value, "");
    assert_eq!(year_cell_of("visits", "2023-24").value, "");
}

#[test]
fn the_years_beside_the_quarters_are_those_ended_back_to_the_one_before_the_oldest() {
    let p = |text: &str| Period::parse(text, 4).unwrap();
    let quarters = [p("2023-24 Q1"), p("2022-23 Q4"), p("2022-23 Q2")];
    assert_eq!(years_of(&quarters), [p("2022-23"), p("2021-22")]);
    assert_eq!(years_of(&[p("2023-24 Q4")]), [p("2023-24"), p("2022-23")]);
    assert!(years_of(&[]).is_empty());
}

#[test]
fn no_change_is_said_and_not_judged() {
    let c = cell_of("missing", "2023-24 Q1");
    assert_eq!((c.change.as_str(), c.direction), ("no change", "same"));
    assert_eq!(c.assessment, "");
}

#[test]
fn a_quarter_with_no_figure_yet_is_an_empty_cell() {
    let c = cell_of("days", "2023-24 Q2");
    assert_eq!(c.value, "498 days");
    assert_eq!(c.period_note, "Q1 2023-24");
    assert_eq!(c.change, "");
    let c = cell_of("missing", "2022-23 Q3");
    assert_eq!(c.value, "");
}

#[test]
fn the_summary_lists_like_with_like_changes_by_judgement() {
    let s = summary_in(Language::English, |i| format!("{}.html", i.id));
    let words = |lines: &[SummaryLine]| -> Vec<String> {
        lines
            .iter()
            .map(|l| format!("{} ({}): {}", l.title, l.url, l.words))
            .collect()
    };
    assert_eq!(
        words(&s.better),
        [
            "Days to adoption (days.html): 498 days in Q1 2023-24, a decrease of 62 days from 560 days in Q4 2022-23",
            "Return home interviews accepted (rhi.html): 78% in June 2023, an increase of 8 percentage points from 70% in March 2023",
        ]
    );
    assert!(s.worse.is_empty());
    assert_eq!(
        words(&s.unchanged),
        [
            "Children who went missing (missing.html): 25 in Q1 2023-24, no change from 25 in Q4 2022-23"
        ]
    );
    // Visits has figures for whole years only, which are not the
    // quarter's; stock is neither better nor worse.
    assert_eq!(s.not_compared, 0);
}

fn welsh_cell_of(id: &str, period: &str) -> CompareCell {
    cell_in(Language::Welsh, id, period)
}

#[test]
fn a_welsh_cell_writes_its_figure_change_period_and_judgement_in_welsh() {
    let c = welsh_cell_of("days", "2023-24 Q1");
    assert_eq!(c.value, "498 diwrnod");
    assert_eq!(c.change, "gostyngiad o 62 diwrnod");
    assert_eq!((c.direction, c.assessment.as_str()), ("down", "gwell"));
    let c = welsh_cell_of("days", "2022-23 Q4");
    assert_eq!(
        (c.change.as_str(), c.assessment.as_str()),
        ("cynnydd o 295 diwrnod", "gwaeth")
    );
    let c = welsh_cell_of("missing", "2023-24 Q1");
    assert_eq!(c.change, "dim newid");
    let c = welsh_cell_of("visits", "2022-23");
    assert_eq!(c.value, "94.0%");
    assert_eq!(c.change, "cynnydd o 3.0 pwynt canran");
}

#[test]
fn a_welsh_cell_names_the_older_period_after_ers_and_its_own_period_in_welsh() {
    let c = welsh_cell_of("stock", "2022-23 Q4");
    assert_eq!(c.change, "gostyngiad o 2 ers mis Ebrill 2022");
    let c = welsh_cell_of("days", "2022-23 Q3");
    assert_eq!(c.change, "gostyngiad o 35 diwrnod ers Chwarter 1 2022-23");
    let c = welsh_cell_of("rhi", "2023-24 Q1");
    assert_eq!(c.period_note, "Mehefin 2023");
    assert_eq!(c.change, "cynnydd o 8 pwynt canran ers mis Mawrth 2023");
    assert_eq!(c.assessment, "gwell");
    let c = welsh_cell_of("days", "2023-24 Q2");
    assert_eq!(c.period_note, "Chwarter 1 2023-24");
}

#[test]
fn the_welsh_summary_writes_each_line_in_welsh() {
    let s = summary_in(Language::Welsh, |_| String::new());
    assert_eq!(s.period, "Chwarter 1 2023-24");
    let words: Vec<&str> = s.better.iter().map(|l| l.words.as_str()).collect();
    assert_eq!(
        words,
        [
            "498 diwrnod yn Chwarter 1 2023-24, gostyngiad o 62 diwrnod o'i gymharu â 560 diwrnod yn Chwarter 4 2022-23",
            "78% ym mis Mehefin 2023, cynnydd o 8 pwynt canran o'i gymharu â 70% ym mis Mawrth 2023",
        ]
    );
    assert_eq!(
        s.unchanged[0].words,
        "25 yn Chwarter 1 2023-24, dim newid o'i gymharu â 25 yn Chwarter 4 2022-23"
    );
}
