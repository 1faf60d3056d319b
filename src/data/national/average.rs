//! A comparator that is the mean of named councils: statistical neighbours.
//!
//! DfE gives each council ten statistical neighbours and publishes their
//! average beside the council's own figures. outturn works it out the same way
//! from the national file: for each period, filter and category, the mean of
//! the neighbours that have a figure. A neighbour with no figure, or a
//! suppressed one, is left out, and the figure's note says how many were used.

use super::{NationalFigure, Whose};
use crate::data::cell::{Figure, Marker};
use crate::period::Period;
use std::collections::BTreeMap;

/// One comparator's mean for one period and category.
#[derive(Debug, Clone, PartialEq)]
pub struct Averaged {
    /// The extract (an index into the slice given to `read`).
    pub extract: usize,
    /// The comparator's key.
    pub comparator: String,
    /// The period.
    pub period: Period,
    /// The category, if any.
    pub breakdown: Option<String>,
    /// The mean, or `[x]` when no member had a figure.
    pub figure: Figure,
    /// For readers: how the figure was made ("mean of 9 of 10 statistical
    /// neighbours").
    pub note: String,
}

/// The mean of each comparator's members, from the rows read as `Member`s of
/// it. `members` gives each comparator's name and its list of codes, so that
/// a member without a row still counts in "9 of 10".
pub fn average(
    rows: &[NationalFigure],
    members: &BTreeMap<String, (String, Vec<String>)>,
) -> Vec<Averaged> {
    type Key<'r> = (usize, &'r str, Period, Option<&'r str>);
    let mut groups: BTreeMap<Key<'_>, Vec<Option<f64>>> = BTreeMap::new();
    for row in rows {
        let Whose::Member(comparator) = &row.whose else {
            continue;
        };
        groups
            .entry((
                row.extract,
                comparator.as_str(),
                row.period,
                row.breakdown.as_deref(),
            ))
            .or_default()
            .push(row.figure.value);
    }
    groups
        .into_iter()
        .filter_map(|((extract, comparator, period, breakdown), values)| {
            let (name, codes) = members.get(comparator)?;
            let known: Vec<f64> = values.into_iter().flatten().collect();
            let of = codes.len();
            let name = name.to_lowercase();
            let (figure, note) = if known.is_empty() {
                (
                    Figure {
                        value: None,
                        markers: vec![Marker::NotAvailable],
                    },
                    format!("none of the {of} {name} has a published figure"),
                )
            } else {
                let mean = known.iter().sum::<f64>() / known.len() as f64;
                (
                    Figure {
                        value: Some(mean),
                        markers: Vec::new(),
                    },
                    format!("mean of {} of {of} {name}", known.len()),
                )
            };
            Some(Averaged {
                extract,
                comparator: comparator.to_string(),
                period,
                breakdown: breakdown.map(str::to_string),
                figure,
                note,
            })
        })
        .collect()
}
