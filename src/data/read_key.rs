//! What a page can read of an indicator as at its period, as one
//! fingerprint: the build cache keys a page by these, one for each
//! indicator the query layer noted it reading (see [`crate::query::Reads`]).
//!
//! A page made as at a period reads only figures that end by then (the "as
//! at" rule), so a new quarter's figures leave an old report's key as it
//! was; a revised old figure, a renamed file or a changed definition does
//! not. The fingerprint takes a little more than the rule lets a page show
//! (every figure that starts by the period's end, and the kinds of period
//! the indicator has at all, from which its frequency is inferred), so that
//! it can only be too careful.

use super::DataSet;
use crate::fingerprint;
use crate::period::Period;
use crate::query::reader::EVERYTHING;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

/// Each series' figures, fingerprinted one by one, by indicator: worked out
/// once per data set as pages ask. A copy of a data set starts empty, and
/// a change to one empties it.
#[derive(Debug, Default)]
pub(super) struct ReadMemo(Mutex<HashMap<String, Arc<Indicator>>>);

impl Clone for ReadMemo {
    fn clone(&self) -> ReadMemo {
        ReadMemo::default()
    }
}

impl ReadMemo {
    pub(super) fn clear(&mut self) {
        self.0.get_mut().unwrap_or_else(|e| e.into_inner()).clear();
    }
}

/// One indicator's parts, fingerprinted.
#[derive(Debug)]
struct Indicator {
    /// Its definition, which series it has, and its kinds of period.
    head: u64,
    /// Each series: each figure's first and last month, and a hash of it
    /// and every figure before it in the series (which is in order of end).
    series: Vec<Vec<(i32, i32, u64)>>,
}

impl DataSet {
    /// A fingerprint of what a page made as at `as_at` (`None`: the latest)
    /// can read of indicator `id`, or of the whole data set for
    /// [`EVERYTHING`].
    pub fn read_key(&self, id: &str, as_at: Option<Period>) -> u64 {
        if id == EVERYTHING {
            // Every id indicators.yaml names, each described indicator among them.
            let each: Vec<u64> = self
                .declared
                .iter()
                .map(|id| self.read_key(id, as_at))
                .collect();
            return fingerprint::of((&self.declared, &self.files, self.indicators_unread, each));
        }
        let indicator = self.fingerprinted(id);
        let last = as_at.map_or(i32::MAX, |at| at.month_range().1);
        let mut parts = Vec::new();
        for series in &indicator.series {
            // Every figure that ends by the last month, hashed together ...
            let ended = series.partition_point(|(_, end, _)| *end <= last);
            parts.push(ended.checked_sub(1).map_or(0, |i| series[i].2));
            // ... and any that starts by then but ends later (a year that
            // has begun), which end within a year of it.
            parts.extend(
                series[ended..]
                    .iter()
                    .take_while(|(_, end, _)| *end <= last.saturating_add(12))
                    .filter(|(start, _, _)| *start <= last)
                    .map(|(_, _, hash)| *hash),
            );
            parts.push(u64::MAX);
        }
        fingerprint::of((id, indicator.head, parts))
    }

    fn fingerprinted(&self, id: &str) -> Arc<Indicator> {
        let memo = &self.read_memo.0;
        if let Some(found) = memo.lock().unwrap_or_else(|e| e.into_inner()).get(id) {
            return found.clone();
        }
        let all = self.all_series(id);
        let mut kinds: Vec<_> = all
            .iter()
            .flat_map(|s| s.observations.iter().map(|o| o.period.kind()))
            .collect();
        kinds.sort();
        kinds.dedup();
        let names: Vec<(&Option<String>, &Option<String>)> =
            all.iter().map(|s| (&s.area, &s.breakdown)).collect();
        // Where a figure or definition was read is for messages, never on
        // a page: figures added above it in the same file leave it as it was.
        let definition = self.indicator(id).map(|i| {
            let mut i = i.clone();
            i.line = 0;
            format!("{i:?}")
        });
        let made = Arc::new(Indicator {
            head: fingerprint::of((definition, names, kinds)),
            series: all
                .iter()
                .map(|s| {
                    let mut before = 0;
                    s.observations
                        .iter()
                        .map(|o| {
                            let (start, end) = o.period.month_range();
                            // A quick hash: many thousand figures are hashed,
                            // and only the keys made of them are kept.
                            let mut hasher = std::hash::DefaultHasher::new();
                            (before, o.period, o.figure.value.map(f64::to_bits)).hash(&mut hasher);
                            (&o.figure.markers, &o.note).hash(&mut hasher);
                            before = hasher.finish();
                            (start, end, before)
                        })
                        .collect()
                })
                .collect(),
        });
        memo.lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id.to_string(), made.clone());
        made
    }
}

#[cfg(test)]
mod tests {
    use crate::data::cell::Figure;
    use crate::period::Period;
    use crate::testutil::data;
    use std::path::Path;

    const YAML: &str = "cla:\n  title: Children looked after\n  unit: count\n  polarity: neutral\n";
    const CSV: &str = "indicator,period,value\ncla,2023-24 Q1,10\ncla,2023-24 Q2,12\n";

    fn q(text: &str) -> Period {
        Period::parse(text, 4).unwrap()
    }

    fn set(data: &mut crate::data::DataSet, period: &str, value: f64) {
        let figure = Figure {
            value: Some(value),
            markers: vec![],
        };
        data.set_observation(
            "cla",
            None,
            None,
            q(period),
            figure,
            None,
            Path::new("d.csv"),
        );
    }

    #[test]
    fn a_later_figure_leaves_an_earlier_read_as_it_was_and_a_revision_does_not() {
        let data = data(YAML, CSV);
        let before = data.read_key("cla", Some(q("2023-24 Q1")));
        let latest = data.read_key("cla", None);
        let mut later = data.clone();
        set(&mut later, "2023-24 Q3", 13.0);
        assert_eq!(later.read_key("cla", Some(q("2023-24 Q1"))), before);
        assert_ne!(later.read_key("cla", None), latest);
        let mut revised = data.clone();
        // Asked before the change, then after: the memo must not keep the old.
        assert_eq!(revised.read_key("cla", Some(q("2023-24 Q1"))), before);
        set(&mut revised, "2023-24 Q1", 11.0);
        assert_ne!(revised.read_key("cla", Some(q("2023-24 Q1"))), before);
        assert_ne!(
            data.read_key("cla", None),
            data.read_key(crate::query::reader::EVERYTHING, None)
        );
    }
}
