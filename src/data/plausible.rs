//! Figures that are probably typed wrong, found once the data is loaded: a
//! percentage entered as a share (`0.57` for 57%) and a figure ten times the
//! one before it, or a tenth of it (`3080` typed for `308`). Each may be
//! right, so each is a warning at the figure's file and line, never a reason
//! to stop a build. (A percentage outside 0 to 100 and a negative count are
//! flagged as each row is read.)

use super::indicators::{Indicator, Unit};
use super::{DataSet, Observation, Series};
use crate::problem::{Id, Problem};

/// How many times the figure before a figure may be, or be of it, before the
/// change looks like a slip of the keyboard.
const JUMP: f64 = 10.0;

/// Changes among small numbers (1 child, then 12) are news, not typing: a
/// jump is looked at only when the larger figure is at least this.
const JUMP_FLOOR: f64 = 50.0;

/// Every warning for the data set, in indicator order.
pub fn check(data: &DataSet) -> Vec<Problem> {
    let mut problems = Vec::new();
    for indicator in data.indicators.values() {
        if indicator.unit == Unit::Percent {
            problems.extend(all_shares(indicator, data.all_series(&indicator.id)));
        }
        for series in data.all_series(&indicator.id) {
            let shares = if indicator.unit == Unit::Percent {
                shares(indicator, series)
            } else {
                Vec::new()
            };
            let flagged: Vec<(usize, usize)> = shares
                .iter()
                .filter_map(|p| Some((p.line?, p.column?)))
                .collect();
            problems.extend(shares);
            problems.extend(jumps(indicator, series, &flagged));
        }
    }
    problems
}

fn number(o: &Observation) -> Option<f64> {
    o.figure.value.filter(|v| v.is_finite())
}

/// `the site's`, or the comparator or breakdown the series is of.
fn of_series(series: &Series) -> String {
    match (&series.area, &series.breakdown) {
        (None, None) => String::new(),
        (Some(a), None) => format!(" for {a}"),
        (None, Some(b)) => format!(" ({b})"),
        (Some(a), Some(b)) => format!(" for {a} ({b})"),
    }
}

fn at(problem: Problem, o: &Observation) -> Problem {
    Problem {
        file: o.file.to_path_buf(),
        ..problem
    }
    .in_sheet(o.sheet.clone())
    .at(o.line, o.column)
}

/// Below this, figures of 1 or less are taken for small percentages (a
/// threshold of 0.07%), not shares: a share typed for a percentage of 20
/// or more is 0.2 or more.
const SHARE_FLOOR: f64 = 0.2;

/// A percentage indicator whose every figure, in every series, is 1 or
/// less, and not all small: shares (0.57) typed for percentages (57).
/// Warned of once, at its first such figure.
fn all_shares(indicator: &Indicator, series: &[Series]) -> Option<Problem> {
    let mut values = series
        .iter()
        .flat_map(|s| &s.observations)
        .filter_map(|o| Some((o, number(o)?)));
    if values.clone().any(|(_, v)| v > 1.0) || !values.clone().any(|(_, v)| v >= SHARE_FLOOR) {
        return None;
    }
    let (first, _) = values.find(|(_, v)| *v > 0.0)?;
    Some(at(
        Problem::warning(
            Id::Plausibility,
            "",
            format!(
                "every figure of `{}` is 1 or less, but it is a percentage: are these shares (0.57) rather than percentages (57)?",
                indicator.id
            ),
        )
        .help("write percentages from 0 to 100 (57 for 57%); if the figures are right, check the indicator's unit in data/indicators.yaml"),
        first,
    ))
}

/// One percentage written as a share: `0.57` among figures of 55 to 63.
fn shares(indicator: &Indicator, series: &Series) -> Vec<Problem> {
    let values: Vec<(&Observation, f64)> = series
        .observations
        .iter()
        .filter_map(|o| Some((o, number(o)?)))
        .collect();
    let (small, large): (Vec<_>, Vec<_>) = values.iter().partition(|(_, v)| *v <= 1.0);
    let id = &indicator.id;
    if large.is_empty() {
        return Vec::new();
    }
    let low = large.iter().map(|(_, v)| *v).fold(f64::INFINITY, f64::min);
    let high = large.iter().map(|(_, v)| *v).fold(0.0, f64::max);
    small
        .iter()
        .filter(|(_, v)| *v > 0.0 && (low / 2.0..=high * 2.0).contains(&(v * 100.0)))
        .map(|(o, v)| {
            at(
                Problem::warning(
            Id::Plausibility,
                    "",
                    format!(
                        "{v} for `{id}`{} in {} looks like a share: its other figures are percentages ({} to {})",
                        of_series(series),
                        o.period.short_label(),
                        indicator.format(low),
                        indicator.format(high)
                    ),
                )
                .help(format!(
                    "write it as a percentage, {}, if that is what it is",
                    indicator.format(v * 100.0)
                )),
                o,
            )
        })
        .collect()
}

/// A figure ten times the one before it of the same kind (month after
/// month, quarter after quarter), or a tenth of it, leaving out figures
/// already flagged at `flagged` (line, column).
fn jumps(indicator: &Indicator, series: &Series, flagged: &[(usize, usize)]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut before: Vec<&Observation> = Vec::new();
    for o in &series.observations {
        let previous = before
            .iter()
            .rev()
            .find(|b| b.period.kind() == o.period.kind())
            .copied();
        before.push(o);
        let (Some(previous), Some(now)) = (previous, number(o)) else {
            continue;
        };
        let Some(then) = number(previous) else {
            continue;
        };
        let (small, large) = (then.min(now), then.max(now));
        let either_flagged = [previous, o].iter().any(|x| {
            flagged.contains(&(x.line, x.column)) && (&x.file, &x.sheet) == (&o.file, &o.sheet)
        });
        if small <= 0.0 || large < JUMP_FLOOR || large < small * JUMP || either_flagged {
            continue;
        }
        let times = large / small;
        let how = if now > then {
            format!("{} times", times.round())
        } else {
            format!("1/{} of", times.round())
        };
        problems.push(at(
            Problem::warning(
            Id::Plausibility,
                "",
                format!(
                    "{} for `{}`{} in {} is {how} the figure before it ({} in {}, {})",
                    indicator.format(now),
                    indicator.id,
                    of_series(series),
                    o.period.short_label(),
                    indicator.format(then),
                    previous.period.short_label(),
                    super::workbook::describe(
                        &previous.file,
                        previous.sheet.as_ref(),
                        previous.line,
                        previous.column
                    ),
                ),
            )
            .help("check both figures for a digit too many or too few; if the change is real, nothing needs doing"),
            o,
        ));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil;

    fn warnings(yaml: &str, csv: &str) -> Vec<String> {
        check(&testutil::data(yaml, csv))
            .iter()
            .map(|p| p.to_string())
            .collect()
    }

    const PERCENT: &str = "pct:\n  title: P\n  unit: percent\n";
    const COUNT: &str = "cla:\n  title: C\n  unit: count\n";

    #[test]
    fn a_percentage_typed_as_a_share_is_warned_of_at_its_place() {
        let found = warnings(
            PERCENT,
            "indicator,period,value\npct,2023-04,55\npct,2023-05,0.57\npct,2023-06,63\n",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("data/test.csv:3:")
                && found[0].contains("warning[plausibility]: 0.57 for `pct` in May 2023 looks like a share: its other figures are percentages (55% to 63%)"),
            "{found:?}"
        );
        assert!(found[0].contains("57%"), "{found:?}");
    }

    #[test]
    fn a_percentage_series_all_of_shares_is_warned_of_once() {
        let found = warnings(
            PERCENT,
            "indicator,period,value\npct,2023-04,0.55\npct,2023-05,0.57\n",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("data/test.csv:2:")
                && found[0].contains("every figure of `pct` is 1 or less"),
            "{found:?}"
        );
        // Low percentages, and noughts, are percentages; so is a small
        // group's share where other groups' are larger.
        for csv in [
            "indicator,period,value\npct,2023-04,2.5\npct,2023-05,0.5\npct,2023-06,0\n",
            "indicator,period,value\npct,2020-21,0.07\npct,2022-23,0.1\n",
            "indicator,period,value,breakdown\npct,2023-24,0.4,Small\npct,2023-24,60,Large\n",
        ] {
            assert_eq!(warnings(PERCENT, csv), Vec::<String>::new(), "{csv}");
        }
        assert!(warnings(PERCENT, "indicator,period,value\npct,2023-04,0\n").is_empty());
    }

    #[test]
    fn a_figure_ten_times_the_one_before_is_warned_of() {
        let found = warnings(
            COUNT,
            "indicator,period,value\ncla,2023-05,301\ncla,2023-06,308\ncla,2023-07,3080\ncla,2023-08,308\n",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].starts_with("data/test.csv:4:")
                && found[0].contains("warning[plausibility]: 3,080 for `cla` in July 2023 is 10 times the figure before it (308 in June 2023, data/test.csv:3)"),
            "{found:?}"
        );
        assert!(
            found[1].starts_with("data/test.csv:5:")
                && found[1].contains("is 1/10 of the figure before it"),
            "{found:?}"
        );
        // Small numbers change by more, and that is news.
        assert!(
            warnings(
                COUNT,
                "indicator,period,value\ncla,2023-05,1\ncla,2023-06,12\ncla,2023-07,0\ncla,2023-08,30\n"
            )
            .is_empty()
        );
    }
}
