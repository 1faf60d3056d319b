//! The words an indicator is described in: the unit of its figures, which
//! direction is better, and what kind of measure it is, each read from
//! indicators.yaml and shown on pages.

/// What an indicator's figures count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A number of people or events.
    Count,
    /// A percentage, 0 to 100.
    Percent,
    /// A rate per 10,000 of the population.
    RatePer10k,
    /// A number of days.
    Days,
    /// A score on a scale.
    Score,
    /// Pounds sterling.
    Money,
}

impl Unit {
    /// What one figure is, in words: `a rate`, `a percentage`.
    pub fn kind_of_figure(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Percent => "percentage",
            Unit::RatePer10k => "rate",
            Unit::Days => "number of days",
            Unit::Score => "score",
            Unit::Money => "sum of money",
        }
    }

    pub(super) const NAMES: [&str; 6] =
        ["count", "percent", "rate_per_10k", "days", "score", "money"];

    pub(super) fn parse(text: &str) -> Option<Unit> {
        Some(match text {
            "count" => Unit::Count,
            "percent" => Unit::Percent,
            "rate_per_10k" => Unit::RatePer10k,
            "days" => Unit::Days,
            "score" => Unit::Score,
            "money" => Unit::Money,
            _ => return None,
        })
    }

    /// The name used in indicators.yaml.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Percent => "percent",
            Unit::RatePer10k => "rate_per_10k",
            Unit::Days => "days",
            Unit::Score => "score",
            Unit::Money => "money",
        }
    }

    pub(super) fn default_decimals(self) -> u8 {
        match self {
            Unit::RatePer10k | Unit::Score => 1,
            _ => 0,
        }
    }
}

/// Which way is good.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Polarity {
    /// A rise is an improvement.
    HigherIsBetter,
    /// A fall is an improvement.
    LowerIsBetter,
    /// Neither direction is better in itself (e.g. the number in care).
    Neutral,
}

impl Polarity {
    pub(super) const NAMES: [&str; 3] = ["higher_is_better", "lower_is_better", "neutral"];

    pub(super) fn parse(text: &str) -> Option<Polarity> {
        Some(match text {
            "higher_is_better" => Polarity::HigherIsBetter,
            "lower_is_better" => Polarity::LowerIsBetter,
            "neutral" => Polarity::Neutral,
            _ => return None,
        })
    }

    /// The name used in indicators.yaml.
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// Whether a figure is a snapshot or a total over the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// As at the end of the period.
    Stock,
    /// During the period.
    Flow,
}

impl Measure {
    pub(super) const NAMES: [&str; 2] = ["stock", "flow"];

    pub(super) fn parse(text: &str) -> Option<Measure> {
        Some(match text {
            "stock" => Measure::Stock,
            "flow" => Measure::Flow,
            _ => return None,
        })
    }

    /// The name used in indicators.yaml.
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// How often an indicator's figures come, when indicators.yaml says so; else
/// the data shows it (the shortest period any of its figures covers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frequency {
    /// A figure every month.
    Monthly,
    /// A figure every quarter.
    Quarterly,
    /// A figure every year.
    Yearly,
    /// Now and then: never expected for a particular period.
    Occasional,
}

impl Frequency {
    pub(super) const NAMES: [&str; 4] = ["monthly", "quarterly", "yearly", "occasional"];

    pub(super) fn parse(text: &str) -> Option<Frequency> {
        Some(match text {
            "monthly" => Frequency::Monthly,
            "quarterly" => Frequency::Quarterly,
            "yearly" | "annual" | "annually" => Frequency::Yearly,
            "occasional" => Frequency::Occasional,
            _ => return None,
        })
    }

    /// The name used in indicators.yaml.
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// The period each figure covers; `None` for occasional figures.
    pub fn kind(self) -> Option<crate::period::PeriodKind> {
        use crate::period::PeriodKind;
        match self {
            Frequency::Monthly => Some(PeriodKind::Month),
            Frequency::Quarterly => Some(PeriodKind::Quarter),
            Frequency::Yearly => Some(PeriodKind::Year),
            Frequency::Occasional => None,
        }
    }
}
