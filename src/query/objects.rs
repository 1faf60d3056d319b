//! What placeholders return: values that render as text and expose attributes.
//!
//! `{{ value("cla_count") }}` prints `308`; `{{ value("cla_count").number }}` is
//! the raw 308.0 for comparisons; `.period` is the period the figure belongs to.

use crate::data::cell::Marker;
use crate::i18n::Language;
use crate::period::{Date, Period};
use minijinja::value::{Object, ObjectRepr, Value};
use std::fmt;
use std::sync::Arc;

/// A period: renders as its short label (`Q1 2023-24`) in the page's language.
#[derive(Debug, Clone)]
pub struct PeriodValue(pub Period, pub Language);

impl Object for PeriodValue {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Plain
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let (p, language) = (&self.0, self.1);
        Some(match key.as_str()? {
            "label" => Value::from(p.label_in(language)),
            "short" => Value::from(p.short_label_in(language)),
            "slug" => Value::from(p.slug()),
            "start" => Value::from_object(DateValue(p.start_date(), language)),
            "end" => Value::from_object(DateValue(p.end_date(), language)),
            "previous" => Value::from_object(PeriodValue(p.previous(), language)),
            "year_ago" => Value::from_object(PeriodValue(p.year_ago(), language)),
            "financial_year" => Value::from(p.financial_year_label()),
            _ => return None,
        })
    }

    fn render(self: &Arc<Self>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.short_label_in(self.1))
    }
}

/// A date: renders as `30 June 2023` (in the page's language); `.iso` is
/// `2023-06-30`.
#[derive(Debug, Clone)]
pub struct DateValue(pub Date, pub Language);

impl Object for DateValue {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Plain
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let d = &self.0;
        Some(match key.as_str()? {
            "iso" => Value::from(d.iso()),
            "year" => Value::from(d.year),
            "month" => Value::from(d.month),
            "day" => Value::from(d.day),
            _ => return None,
        })
    }

    fn render(self: &Arc<Self>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.long_in(self.1))
    }
}

/// One figure, formatted in its indicator's unit.
#[derive(Debug, Clone)]
pub struct FigureValue {
    /// The indicator's id.
    pub indicator: String,
    /// The figure as shown: `308`, `72%`, `12 [p]`, `[c]`.
    pub text: String,
    /// The raw number, absent for a suppressed figure.
    pub number: Option<f64>,
    /// The number rounded as shown.
    pub shown: Option<f64>,
    /// The period the figure belongs to.
    pub period: Period,
    /// Its markers.
    pub markers: Vec<Marker>,
    /// Printed with its period, `279 (June 2023)`: an older figure of an
    /// indicator whose figures come less often than the report.
    pub dated: bool,
    /// The language its text and period are written in.
    pub language: Language,
}

impl Object for FigureValue {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Plain
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        Some(match key.as_str()? {
            "number" => self.number.map_or(Value::from(()), Value::from),
            "period" => Value::from_object(PeriodValue(self.period, self.language)),
            "text" => Value::from(self.text.clone()),
            "indicator" => Value::from(self.indicator.clone()),
            "markers" => Value::from(self.markers.iter().map(|m| m.code()).collect::<Vec<_>>()),
            _ => return None,
        })
    }

    fn render(self: &Arc<Self>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)?;
        if self.dated {
            write!(f, " ({})", self.period.short_label_in(self.language))?;
        }
        Ok(())
    }
}

/// Which way a figure moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// It rose.
    Up,
    /// It fell.
    Down,
    /// It did not move (as shown, after rounding).
    Same,
}

impl Direction {
    /// `up`, `down` or `same`.
    pub fn name(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::Same => "same",
        }
    }
}

/// A change between two figures, in words.
#[derive(Debug, Clone)]
pub struct ChangeValue {
    /// `an increase of 16 from 292 in March 2023`.
    pub text: String,
    /// The change as shown (current minus earlier), when both have numbers.
    pub delta: Option<f64>,
    /// Which way, when both have numbers.
    pub direction: Option<Direction>,
    /// `better`, `worse`, `no change` or `neutral`, when both have numbers.
    pub assessment: Option<crate::query::Assessment>,
    /// The earlier figure.
    pub from: FigureValue,
    /// The current figure.
    pub to: FigureValue,
}

impl Object for ChangeValue {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Plain
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let or_none = |v: Option<Value>| v.unwrap_or(Value::from(()));
        Some(match key.as_str()? {
            "delta" | "number" => or_none(self.delta.map(Value::from)),
            "direction" => or_none(self.direction.map(|d| Value::from(d.name()))),
            "assessment" => or_none(self.assessment.map(|a| Value::from(a.name()))),
            "period" => Value::from_object(PeriodValue(self.from.period, self.from.language)),
            "from" => Value::from_object(self.from.clone()),
            "to" => Value::from_object(self.to.clone()),
            "text" => Value::from(self.text.clone()),
            _ => return None,
        })
    }

    fn render(self: &Arc<Self>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
#[path = "objects_tests.rs"]
mod tests;
