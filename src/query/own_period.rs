//! A figure for a period, and only that period.
//!
//! A report printed "On 30 September 2023 … 279 young adults" where 279 was
//! June's figure: the latest figure on or before a period is not always the
//! period's own. These rules say which figure belongs to a period, when a
//! figure for a period is expected at all, and when one can be worked out
//! from shorter periods:
//!
//! - A figure **belongs** to a period when it ends within it and, for a
//!   figure over a period (a flow: entries in a quarter), covers as long
//!   ([`crate::query::belongs_to`]). A stock counted in September belongs to
//!   July to September; a count of September's entries does not.
//! - A **total** (a flow counted in people or money) for a quarter or a year
//!   with only shorter periods in the data is the sum of those periods when
//!   every one of them has a figure, and is marked as worked out. A rate, a
//!   percentage or an average is never summed.
//! - A figure for a period is **expected** when the indicator's figures come
//!   as often as the period or more often: indicators.yaml's `frequency:`,
//!   else what the data shows (the shortest period any figure covers). An
//!   expected figure that is not there is a missing figure; a less frequent
//!   indicator's older figure may stand in, printed with its own period.

use crate::data::Observation;
use crate::data::cell::{Figure, Marker};
use crate::data::indicators::Indicator;
use crate::i18n::{Language, Phrase};
use crate::period::{Period, PeriodKind};
use crate::query::{belongs_to, exactly, totals, within};
use std::borrow::Cow;

/// How often `indicator`'s figures come: indicators.yaml's `frequency:`,
/// else the shortest period any of `observations` covers. `None` for an
/// occasional indicator, or one with no figures.
pub fn frequency(indicator: &Indicator, observations: &[Observation]) -> Option<PeriodKind> {
    match indicator.frequency {
        Some(frequency) => frequency.kind(),
        None => observations.iter().map(|o| o.period.kind()).min(),
    }
}

/// Whether a figure for `period` itself is to be expected: the indicator's
/// figures come as often as `period`, or more often.
pub fn expected(indicator: &Indicator, observations: &[Observation], period: &Period) -> bool {
    frequency(indicator, observations).is_some_and(|kind| kind <= period.kind())
}

/// The figure for `period` itself from `sorted`: the latest that belongs to
/// it, else a total summed from the shorter periods that make it up.
pub fn own_figure<'o>(
    indicator: &Indicator,
    sorted: &'o [Observation],
    period: &Period,
) -> Option<Cow<'o, Observation>> {
    if let Some(o) = within(sorted, period).filter(|o| belongs_to(indicator, &o.period, period)) {
        return Some(Cow::Borrowed(o));
    }
    summed(indicator, sorted, period).map(Cow::Owned)
}

/// Markers a total keeps from its parts: what qualifies a part qualifies the
/// sum. A part without a number (`[c]`, `[x]`, `[z]`, `[low]`) leaves no sum.
const KEPT: [Marker; 4] = [
    Marker::LowReliability,
    Marker::Provisional,
    Marker::Revised,
    Marker::Estimated,
];

/// A total for `period` worked out from the shorter periods that make it up,
/// when `indicator` is a total and every part has a number: quarters first,
/// then months.
pub fn summed(
    indicator: &Indicator,
    sorted: &[Observation],
    period: &Period,
) -> Option<Observation> {
    if !totals(indicator) {
        return None;
    }
    [PeriodKind::Quarter, PeriodKind::Month]
        .into_iter()
        .find_map(|kind| sum_of(sorted, period, kind))
}

fn sum_of(sorted: &[Observation], period: &Period, kind: PeriodKind) -> Option<Observation> {
    let parts = period.parts(kind);
    let first = *parts.first()?;
    let found: Vec<&Observation> = parts
        .iter()
        .map(|p| exactly(sorted, p))
        .collect::<Option<_>>()?;
    let mut total = 0.0;
    let mut markers = Vec::new();
    for o in &found {
        if o.figure.markers.iter().any(|m| !KEPT.contains(m)) {
            return None;
        }
        total += o.figure.value?;
        for m in &o.figure.markers {
            if !markers.contains(m) {
                markers.push(*m);
            }
        }
    }
    markers.sort();
    let last = found.last()?;
    // The note in each language: how the total was made, then the parts'
    // own notes (a Welsh one where the data gives it).
    let note = |language: Language| {
        let first = first.short_label_in(language);
        let last = last.period.short_label_in(language);
        let id = match kind {
            PeriodKind::Month => "note-summed-months",
            PeriodKind::Quarter => "note-summed-quarters",
            PeriodKind::Year => "note-summed-years",
        };
        let mut note = Phrase::new(language, id)
            .arg("count", parts.len())
            .arg("first", first.as_str())
            .last(&last)
            .text();
        for o in &found {
            let own = match language {
                Language::Welsh => o.note_cy.as_deref().or(o.note.as_deref()),
                Language::English => o.note.as_deref(),
            };
            if let Some(own) = own {
                note.push(' ');
                note.push_str(own);
            }
        }
        note
    };
    Some(Observation {
        period: *period,
        figure: Figure {
            value: Some(total),
            markers,
        },
        note: Some(note(Language::English)),
        note_cy: Some(note(Language::Welsh)),
        ..(*last).clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::indicators::{self, Frequency};
    use crate::testutil::series;

    fn indicator(yaml: &str) -> Indicator {
        let (mut parsed, problems) = indicators::parse(yaml);
        assert!(problems.is_empty(), "{problems:?}");
        parsed.pop_first().unwrap().1
    }

    fn p(text: &str) -> Period {
        Period::parse(text, 4).unwrap()
    }

    fn flow() -> Indicator {
        indicator("cla_entries: {title: Children who came into care, unit: count, measure: flow}")
    }

    #[test]
    fn a_quarters_total_is_its_three_months_added() {
        let s = series(&[("2023-07", 9.0), ("2023-08", 11.0), ("2023-09", 12.0)]);
        let q2 = own_figure(&flow(), &s.observations, &p("2023-24 Q2")).unwrap();
        assert_eq!(q2.figure.value, Some(32.0));
        assert_eq!(q2.period, p("2023-24 Q2"));
        assert!(
            q2.note
                .as_deref()
                .unwrap()
                .contains("adding the 3 monthly figures"),
            "{q2:?}"
        );
        assert_eq!(
            q2.note.as_deref(),
            Some("Worked out by adding the 3 monthly figures, July 2023 to September 2023.")
        );
        assert_eq!(
            q2.note_cy.as_deref(),
            Some("Wedi'i gyfrifo drwy adio'r 3 ffigur misol, Gorffennaf 2023 i Fedi 2023.")
        );
    }

    #[test]
    fn a_month_missing_leaves_no_quarters_total() {
        let s = series(&[("2023-07", 9.0), ("2023-09", 12.0)]);
        assert!(own_figure(&flow(), &s.observations, &p("2023-24 Q2")).is_none());
    }

    #[test]
    fn a_rate_is_never_summed() {
        let rate = indicator(
            "ha_timely: {title: Health assessments on time, unit: percent, measure: flow}",
        );
        let s = series(&[("2023-07", 90.0), ("2023-08", 80.0), ("2023-09", 70.0)]);
        assert!(own_figure(&rate, &s.observations, &p("2023-24 Q2")).is_none());
    }

    #[test]
    fn a_stock_counted_in_the_quarter_belongs_to_it() {
        let stock = indicator("cla_count: {title: Children looked after, unit: count}");
        let s = series(&[("2023-06", 279.0), ("2023-09", 290.0)]);
        let q2 = own_figure(&stock, &s.observations, &p("2023-24 Q2")).unwrap();
        assert_eq!(q2.figure.value, Some(290.0));
        let s = series(&[("2023-06", 279.0)]);
        assert!(own_figure(&stock, &s.observations, &p("2023-24 Q2")).is_none());
    }

    #[test]
    fn a_years_total_prefers_its_quarters() {
        let s = series(&[
            ("2023-24 Q1", 10.0),
            ("2023-24 Q2", 20.0),
            ("2023-24 Q3", 30.0),
            ("2023-24 Q4", 40.0),
        ]);
        let year = own_figure(&flow(), &s.observations, &p("2023-24")).unwrap();
        assert_eq!(year.figure.value, Some(100.0));
    }

    #[test]
    fn expected_follows_the_data_or_the_declared_frequency() {
        let stock = indicator("cla_count: {title: Children looked after, unit: count}");
        let quarterly = series(&[("2023-24 Q1", 1.0)]);
        let yearly = series(&[("2022-23", 1.0)]);
        assert!(expected(&stock, &quarterly.observations, &p("2023-24 Q2")));
        assert!(!expected(&stock, &yearly.observations, &p("2023-24 Q2")));
        assert!(expected(&stock, &yearly.observations, &p("2023-24")));
        let declared = Indicator {
            frequency: Some(Frequency::Yearly),
            ..stock.clone()
        };
        assert!(!expected(
            &declared,
            &quarterly.observations,
            &p("2023-24 Q2")
        ));
        let occasional = Indicator {
            frequency: Some(Frequency::Occasional),
            ..stock
        };
        assert!(!expected(
            &occasional,
            &quarterly.observations,
            &p("2023-24")
        ));
    }
}
