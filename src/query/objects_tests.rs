//! Tests of what a placeholder's value prints and which attributes a
//! template can read from it.

use super::*;
use crate::i18n::Language;
use crate::query::Assessment;

fn render(template: &str, value: Value) -> String {
    minijinja::Environment::new()
        .render_str(template, minijinja::context! { v => value })
        .unwrap()
}

fn quarter() -> Period {
    Period::parse("2023-24 Q1", 4).unwrap()
}

fn figure(text: &str, number: f64, period: &str, markers: Vec<Marker>) -> FigureValue {
    FigureValue {
        indicator: "cla_count".into(),
        text: text.into(),
        number: Some(number),
        shown: Some(number),
        period: Period::parse(period, 4).unwrap(),
        markers,
        dated: false,
        language: Language::English,
    }
}

#[test]
fn a_period_prints_its_short_label_and_offers_its_other_forms() {
    let v = Value::from_object(PeriodValue(quarter(), Language::English));
    assert_eq!(render("{{ v }}", v.clone()), "Q1 2023-24");
    assert_eq!(
        render(
            "{{ v.short }}|{{ v.slug }}|{{ v.label }}|{{ v.financial_year }}",
            v.clone()
        ),
        "Q1 2023-24|2023-24-q1|Q1 2023-24 (April to June 2023)|2023-24"
    );
    assert_eq!(
        render("{{ v.previous }}|{{ v.year_ago }}", v.clone()),
        "Q4 2022-23|Q1 2022-23"
    );
    assert_eq!(
        render("{{ v.start }}|{{ v.end }}", v.clone()),
        "1 April 2023|30 June 2023"
    );
    assert_eq!(render("{{ v.nonsense }}", v), "");
}

#[test]
fn a_date_prints_in_words_and_offers_its_parts() {
    let v = Value::from_object(DateValue(quarter().end_date(), Language::English));
    assert_eq!(render("{{ v }}", v.clone()), "30 June 2023");
    assert_eq!(
        render("{{ v.iso }}|{{ v.year }}|{{ v.month }}|{{ v.day }}", v),
        "2023-06-30|2023|6|30"
    );
}

#[test]
fn a_figure_prints_as_shown_and_offers_its_number_period_and_markers() {
    let v = Value::from_object(figure(
        "308 [p]",
        308.0,
        "2023-06",
        vec![Marker::Provisional],
    ));
    assert_eq!(render("{{ v }}", v.clone()), "308 [p]");
    assert_eq!(
        render(
            "{{ v.text }}|{{ v.number }}|{{ v.indicator }}|{{ v.period }}|{{ v.markers | join(',') }}",
            v
        ),
        "308 [p]|308.0|cla_count|June 2023|[p]"
    );
}

#[test]
fn a_change_prints_in_words_and_offers_its_parts() {
    let v = Value::from_object(ChangeValue {
        text: "an increase of 16 from 292 in March 2023".into(),
        delta: Some(16.0),
        direction: Some(Direction::Up),
        assessment: Some(Assessment::Worse),
        from: figure("292", 292.0, "2023-03", vec![]),
        to: figure("308", 308.0, "2023-06", vec![]),
    });
    assert_eq!(
        render("{{ v }}", v.clone()),
        "an increase of 16 from 292 in March 2023"
    );
    assert_eq!(
        render("{{ v.text }}", v.clone()),
        "an increase of 16 from 292 in March 2023"
    );
    assert_eq!(
        render(
            "{{ v.delta }}|{{ v.number }}|{{ v.direction }}|{{ v.assessment }}",
            v.clone()
        ),
        "16.0|16.0|up|worse"
    );
    assert_eq!(
        render("{{ v.period }}|{{ v.from }}|{{ v.to }}", v),
        "March 2023|292|308"
    );
}
