//! What the figures say, asked one way. Every page that shows a figure (a
//! report's placeholders, its charts and tables, key figures, the compare
//! pages, indicator pages) asks a [`Resolver`], and the rules it follows live
//! here:
//!
//! - **As at**: a report's figure is the latest that ends on or before the
//!   end of its period ([`as_at`]); nothing later is ever shown.
//! - **Like with like**: a quarter is compared with the quarter before; a
//!   total over a period only with a total over a period as long; a figure
//!   as at a date with any figure of the period named ([`earlier`]). Only a
//!   change from the figure three months before, of the same kind, may be
//!   judged better or worse on the compare pages ([`three_months_before`]).
//! - **Areas**: the site's own area or a comparator, by key or name ([`Area`]).
//! - **The basis of every change**: its [`Direction`] and [`Assessment`].
//!
//! The grids behind charts and tables are built in [`grids`] and
//! [`breakdowns`], an indicator page's history in [`history`], a change in
//! words in [`change`].

pub mod breakdowns;
pub mod change;
pub mod figures;
pub mod grids;
pub mod history;
pub mod objects;
pub mod own_period;
pub mod reader;
pub mod resolve;

use crate::config::Config;
use crate::data::Observation;
use crate::data::indicators::{Indicator, Measure, Polarity, Unit};
use crate::period::{Period, PeriodKind};

pub use objects::Direction;
pub use reader::{Reader, Reads};
pub use resolve::{Fail, Query, Resolver};

/// Whose figures: the site's own area, or a comparator from site.toml.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Area {
    /// The council the site reports on.
    Own,
    /// A comparator, by its key in site.toml.
    Comparator(String),
}

impl Area {
    /// The comparator's key, as the data is indexed by; `None` for the site's own.
    pub fn key(&self) -> Option<&str> {
        match self {
            Area::Own => None,
            Area::Comparator(key) => Some(key),
        }
    }

    /// The area's name as pages show it.
    pub fn name<'c>(&self, config: &'c Config) -> &'c str {
        match self {
            Area::Own => &config.area,
            Area::Comparator(key) => &config.comparators[key],
        }
    }

    /// Whether it is a comparator rather than the site's own area.
    pub fn is_comparator(&self) -> bool {
        matches!(self, Area::Comparator(_))
    }

    /// The site's own area, then each comparator in the order of their keys:
    /// the order every page lists areas in.
    pub fn all(config: &Config) -> Vec<Area> {
        std::iter::once(Area::Own)
            .chain(config.comparators.keys().cloned().map(Area::Comparator))
            .collect()
    }

    /// The area whose data key is `key`.
    pub fn of_key(key: Option<&str>) -> Area {
        key.map_or(Area::Own, |k| Area::Comparator(k.to_string()))
    }

    /// The area a key or name in a placeholder names, ignoring case;
    /// `None` when it names none.
    pub fn find(text: &str, config: &Config) -> Option<Area> {
        let text = text.trim();
        if text.eq_ignore_ascii_case(&config.area) {
            return Some(Area::Own);
        }
        config
            .comparators
            .iter()
            .find(|(key, name)| text.eq_ignore_ascii_case(key) || text.eq_ignore_ascii_case(name))
            .map(|(key, _)| Area::Comparator(key.clone()))
    }
}

/// Whether a change is for the better, as the indicator's polarity says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Assessment {
    /// It moved the way that is better.
    Better,
    /// It moved the way that is worse.
    Worse,
    /// It did not move (as shown).
    NoChange,
    /// It moved, and neither way is better.
    Neutral,
}

impl Assessment {
    /// `better`, `worse`, `no change` or `neutral`, as templates see it.
    pub fn name(self) -> &'static str {
        match self {
            Assessment::Better => "better",
            Assessment::Worse => "worse",
            Assessment::NoChange => "no change",
            Assessment::Neutral => "neutral",
        }
    }

    /// How a move in `direction` reads for an indicator of `polarity`.
    pub fn of(direction: Direction, polarity: Polarity) -> Assessment {
        match (direction, polarity) {
            (Direction::Same, _) => Assessment::NoChange,
            (_, Polarity::Neutral) => Assessment::Neutral,
            (Direction::Up, Polarity::HigherIsBetter)
            | (Direction::Down, Polarity::LowerIsBetter) => Assessment::Better,
            _ => Assessment::Worse,
        }
    }
}

impl Direction {
    /// Which way a change as shown (current minus earlier) goes.
    pub fn of(delta: f64) -> Direction {
        if delta > 0.0 {
            Direction::Up
        } else if delta < 0.0 {
            Direction::Down
        } else {
            Direction::Same
        }
    }
}

/// Every figure of `sorted` ending on or before `period`'s end.
pub fn up_to<'o>(sorted: &'o [Observation], period: &Period) -> &'o [Observation] {
    let n = sorted.partition_point(|o| o.period.ends_by(period));
    &sorted[..n]
}

/// The figure as at `period`: the latest that ends on or before its end.
pub fn as_at<'o>(sorted: &'o [Observation], period: &Period) -> Option<&'o Observation> {
    latest(up_to(sorted, period), period)
}

/// The latest figure that ends within `period`.
pub fn within<'o>(sorted: &'o [Observation], period: &Period) -> Option<&'o Observation> {
    as_at(sorted, period).filter(|o| o.period.ends_within(period))
}

/// The figure for exactly `period`, if there is one.
pub fn exactly<'o>(sorted: &'o [Observation], period: &Period) -> Option<&'o Observation> {
    sorted
        .binary_search_by(|o| o.period.cmp(period))
        .ok()
        .map(|i| &sorted[i])
}

/// The last of `sorted`; where several periods end that day (June 2023 and
/// Q1 2023-24, say), the one for exactly `wanted`, else one of its kind.
fn latest<'s>(sorted: &'s [Observation], wanted: &Period) -> Option<&'s Observation> {
    let last = sorted.last()?;
    let end = last.period.end_date();
    let tied = sorted
        .iter()
        .rev()
        .take_while(|o| o.period.end_date() == end);
    tied.clone()
        .find(|o| o.period == *wanted)
        .or_else(|| tied.clone().find(|o| o.period.kind() == wanted.kind()))
        .or(Some(last))
}

/// Whether `indicator`'s figures are totals over a period (entries in a
/// quarter), which are compared only with totals over a period as long.
pub fn totals(indicator: &Indicator) -> bool {
    indicator.measure == Measure::Flow && matches!(indicator.unit, Unit::Count | Unit::Money)
}

/// The earlier figure a figure of `to`'s period is compared with, from
/// `sorted`: `earlier` is the period named (`within`) or the period whose
/// figure as at its end is wanted. A figure of `to`'s own kind is preferred;
/// a total is compared only with a total over a period as long; a figure as
/// at a date, or an average, with any figure of the period named.
pub fn earlier<'o>(
    indicator: &Indicator,
    sorted: &'o [Observation],
    to: &Period,
    earlier: &Period,
    within: bool,
) -> Option<&'o Observation> {
    let same_kind = |o: &&Observation| o.period.kind() == to.kind();
    let candidates = up_to(sorted, earlier).iter().rev();
    let found = if within {
        let mut named = candidates.take_while(|o| o.period.ends_within(earlier));
        let preferred = named.clone().find(same_kind);
        if totals(indicator) {
            preferred
        } else {
            preferred.or_else(|| named.next())
        }
    } else {
        candidates.clone().find(same_kind)
    };
    found.filter(|o| o.period < *to)
}

/// Whether a figure of `figure`'s period belongs to `period` itself: it ends
/// within it and, for a total or rate over a period, is over as long.
pub fn belongs_to(indicator: &Indicator, figure: &Period, period: &Period) -> bool {
    let shorter = indicator.measure == Measure::Flow && figure.kind() != period.kind();
    figure.ends_within(period) && !shorter
}

/// The period of the same kind three months before `period`: the quarter
/// before a quarter, the month-end three months before a month. A year has none.
pub fn three_months_before(period: Period) -> Option<Period> {
    match period.kind() {
        PeriodKind::Quarter => Some(period.previous()),
        PeriodKind::Month => Some(period.previous().previous().previous()),
        PeriodKind::Year => None,
    }
}

#[cfg(test)]
mod tests;
