//! A change between two figures, in words: which earlier figure a figure is
//! compared with (like with like, see [`earlier`]), and how the change reads.

use super::{Assessment, Direction, Fail, Query, Resolver, earlier};
use crate::data::format;
use crate::data::indicators::Indicator;
use crate::i18n::{Language, Phrase};
use crate::query::objects::{ChangeValue, FigureValue};
use crate::query::own_period::summed;
use crate::query::resolve::figure;
use std::borrow::Cow;

impl Resolver<'_> {
    /// `change(id, vs=…)`: the change from an earlier figure, in words.
    pub fn change(&self, query: &Query, vs: &str) -> Result<ChangeValue, Fail> {
        let indicator = self.indicator(&query.id)?;
        let to = self.value(query)?;
        let series = self.series(query, indicator)?;
        let base = query
            .period
            .as_deref()
            .map(|p| self.period_arg(p))
            .transpose()?
            .or(self.as_at)
            .unwrap_or(to.period);
        let (before, within) = match vs.trim() {
            "previous" => (base.previous(), false),
            "year_ago" => (base.year_ago(), false),
            text => (
                self.period_arg(text).map_err(|f| Fail {
                    help: Some("vs= takes \"previous\", \"year_ago\" or a period".into()),
                    ..f
                })?,
                true,
            ),
        };
        // Like is compared with like: a quarter's figure with an earlier
        // quarter's, never with a year's total or a month that happens to end
        // in the period named.
        if within
            && !before.ends_by(&to.period.previous())
            && before.end_date() >= to.period.end_date()
        {
            return Err(Fail::new(
                format!(
                    "vs=\"{}\" is not earlier than the figure it is compared with ({})",
                    vs.trim(),
                    to.period.short_label()
                ),
                Some("name an earlier period, or write vs=\"previous\" or vs=\"year_ago\"".into()),
            ));
        }
        // Like with like: see [`earlier`].
        let found = earlier(indicator, &series.observations, &to.period, &before, within)
            .map(Cow::Borrowed)
            .or_else(|| {
                // A total worked out from shorter periods is compared with
                // one worked out the same way.
                summed(indicator, &series.observations, &before)
                    .filter(|o| o.period.kind() == to.period.kind() && o.period < to.period)
                    .map(Cow::Owned)
            });
        if let Some(as_at) = self.as_at
            && query.period.is_none()
            && !to.period.ends_within(&as_at)
        {
            // The newest figure is older than the report: the quarter's figure
            // has not been added yet, so there is nothing to compare it with.
            return Err(Fail::new(
                format!(
                    "no figure for `{}` in {} yet: the latest is for {}",
                    indicator.id,
                    as_at.short_label(),
                    to.period.short_label()
                ),
                Some(if to.period.kind() > as_at.kind() {
                    // Yearly figures in a quarterly report: no quarter's figure will come.
                    format!(
                        "`{}` has figures for whole years only; compare two years by naming them, e.g. change(\"{}\", period=\"{}\", vs=\"{}\")",
                        indicator.id,
                        indicator.id,
                        to.period.written(),
                        to.period.previous().written()
                    )
                } else {
                    format!("add the figure for {} to a CSV file under data/", as_at.short_label())
                }),
            )
            .missing()
            .gap(self.gap_text(Some(as_at))));
        }
        let Some(observation) = found else {
            return Err(self.missing(
                indicator,
                &before,
                if within {
                    "in"
                } else {
                    "on or before the end of"
                },
                series,
            ));
        };
        let from = figure(indicator, &observation, self.language);
        Ok(describe_change(indicator, from, to, self.language))
    }
}

fn describe_change(
    indicator: &Indicator,
    from: FigureValue,
    to: FigureValue,
    language: Language,
) -> ChangeValue {
    let (Some(a), Some(b)) = (from.shown, to.shown) else {
        let suppressed = if to.number.is_none() { &to } else { &from };
        let period = suppressed.period.short_label_in(language);
        let text = Phrase::new(language, "change-not-comparable")
            .arg("period", period.as_str())
            .arg("figure", suppressed.text.as_str())
            .text();
        return ChangeValue {
            text,
            delta: None,
            direction: None,
            assessment: None,
            from,
            to,
        };
    };
    let delta = format::round(b - a, indicator.decimals);
    let direction = Direction::of(delta);
    let assessment = Assessment::of(direction, indicator.polarity);
    let id = match direction {
        Direction::Up => "change-up",
        Direction::Down => "change-down",
        Direction::Same => "change-same",
    };
    let earlier = from.period.short_label_in(language);
    let text = Phrase::new(language, id)
        .arg(
            "amount",
            format::difference_in(delta, indicator.unit, indicator.decimals, language),
        )
        .arg("from", from.text.as_str())
        .earlier(&earlier)
        .text();
    ChangeValue {
        text,
        delta: Some(delta),
        direction: Some(direction),
        assessment: Some(assessment),
        from,
        to,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::period::Period;
    use crate::testutil;

    const YAML: &str = "stock:\n  title: Children looked after\n  unit: count\n\
entries:\n  title: Children entering care\n  unit: count\n  measure: flow\n\
visits:\n  title: Visits in time\n  unit: percent\n  polarity: higher_is_better\n";
    const CSV: &str = "indicator,period,value\n\
stock,2022-06,260\nstock,2023-03,292\nstock,2023-06,308\nstock,2021-22,295\n\
entries,2023-24 Q1,48\nentries,2023-06,30\nentries,2022-23,150\nentries,2022-23 Q4,29\n\
visits,2022-23,94\nvisits,2023-24 Q1,95.5\nvisits,2023-24 Q2,[c]\n";

    fn change(as_at: &str, id: &str, vs: &str) -> Result<String, String> {
        change_in(Language::English, as_at, id, vs)
    }

    fn change_in(language: Language, as_at: &str, id: &str, vs: &str) -> Result<String, String> {
        let data = testutil::data(YAML, CSV);
        let config = testutil::config();
        let resolver = Resolver::new(&data, &config, Some(Period::parse(as_at, 4).unwrap()))
            .in_language(language);
        resolver
            .change(&Query::of(id), vs)
            .map(|c| c.text)
            .map_err(|f| f.message)
    }

    #[test]
    fn describes_changes_in_plain_words() {
        assert_eq!(
            change("2023-24 Q1", "stock", "previous").unwrap(),
            "an increase of 16 from 292 in March 2023"
        );
        assert_eq!(
            change("2023-24 Q1", "stock", "year_ago").unwrap(),
            "an increase of 48 from 260 in June 2022"
        );
        assert_eq!(
            change("2023-24 Q1", "visits", "2022-23").unwrap(),
            "an increase of 2 percentage points from 94% in 2022-23"
        );
    }

    #[test]
    fn describes_changes_in_welsh() {
        let cy = Language::Welsh;
        assert_eq!(
            change_in(cy, "2023-24 Q1", "stock", "previous").unwrap(),
            "cynnydd o 16 o'i gymharu â 292 ym mis Mawrth 2023"
        );
        assert_eq!(
            change_in(cy, "2023-24 Q1", "visits", "2022-23").unwrap(),
            "cynnydd o 2 pwynt canran o'i gymharu â 94% yn 2022-23"
        );
        assert_eq!(
            change_in(cy, "2023-24 Q1", "entries", "previous").unwrap(),
            "cynnydd o 19 o'i gymharu â 29 yn Chwarter 4 2022-23"
        );
        assert_eq!(
            change_in(cy, "2023-24 Q2", "visits", "previous").unwrap(),
            "dim modd cymharu: y ffigur ar gyfer Chwarter 2 2023-24 yw [c]"
        );
    }

    #[test]
    fn compares_totals_only_with_totals_as_long() {
        assert_eq!(
            change("2023-24 Q1", "entries", "previous").unwrap(),
            "an increase of 19 from 29 in Q4 2022-23"
        );
        assert_eq!(
            change("2023-24 Q1", "entries", "2022-23").unwrap(),
            "an increase of 19 from 29 in Q4 2022-23"
        );
        // As at a date, a year's figure is the stock at its end: comparable.
        assert_eq!(
            change("2023-24 Q1", "stock", "2021-22").unwrap(),
            "an increase of 13 from 295 in 2021-22"
        );
    }

    #[test]
    fn a_figure_not_yet_loaded_is_an_error_for_every_comparison() {
        for vs in ["previous", "year_ago", "2022-23"] {
            let message = change("2023-24 Q2", "stock", vs).unwrap_err();
            assert_eq!(
                message, "no figure for `stock` in Q2 2023-24 yet: the latest is for June 2023",
                "{vs}"
            );
        }
    }

    #[test]
    fn vs_must_be_earlier() {
        let message = change("2023-24 Q1", "stock", "2023-24 Q1").unwrap_err();
        assert!(
            message.contains("is not earlier than the figure"),
            "{message}"
        );
    }

    #[test]
    fn a_suppressed_figure_is_named_with_its_own_period() {
        assert_eq!(
            change("2023-24 Q2", "visits", "previous").unwrap(),
            "not comparable: the figure for Q2 2023-24 is [c]"
        );
    }
}
