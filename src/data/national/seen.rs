//! What a national file held of what was asked of it: the values of each
//! filter column and the area codes, so that a `where:` value or a code no
//! row has is named with the ones there are.

use super::{Areas, Extract, Layout, asked};
use crate::problem::{Problem, quote, suggest};
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

/// What the file held, to name what a `where:` or an area code did not find.
pub(super) struct Seen {
    /// Distinct values of each filter column (capped: a list to suggest from).
    values: HashMap<usize, BTreeSet<String>>,
    pub(super) codes: BTreeSet<String>,
}

/// How many distinct values of a column are kept for messages.
const VALUES_KEPT: usize = 200;

impl Seen {
    pub(super) fn new(layout: &Layout) -> Seen {
        Seen {
            values: layout
                .filter_columns
                .iter()
                .map(|&i| (i, BTreeSet::new()))
                .collect(),
            codes: BTreeSet::new(),
        }
    }

    pub(super) fn note<'f>(&mut self, layout: &Layout, field: &impl Fn(usize) -> &'f str) {
        for &i in &layout.filter_columns {
            let values = self.values.entry(i).or_default();
            let value = field(i);
            if values.len() < VALUES_KEPT && !values.contains(value) {
                values.insert(value.to_string());
            }
        }
    }

    pub(super) fn report(
        &self,
        file: &Path,
        layout: &Layout,
        extracts: &[Extract],
        areas: &Areas,
        problems: &mut Vec<Problem>,
        codes_not_found: &mut Vec<String>,
    ) {
        for (extract, columns) in extracts.iter().zip(&layout.extracts) {
            for (i, wanted) in &columns.filters {
                let values = &self.values[i];
                if values.contains(wanted) {
                    continue;
                }
                let listed: Vec<&str> = values.iter().map(String::as_str).collect();
                let column = &layout.names[*i];
                let message = format!(
                    "keeps rows whose `{column}` is {}, but no row has that value",
                    quote(wanted)
                );
                problems.push(asked(file, extract, i + 1, message).help(
                    match suggest(wanted, listed.iter().copied()) {
                        Some(near) => format!("{near} The values are: {}", listed.join("; ")),
                        None => format!("the values are: {}", listed.join("; ")),
                    },
                ));
            }
        }
        let mut unknown: Vec<String> = areas
            .codes
            .keys()
            .filter(|c| !self.codes.contains(*c))
            .cloned()
            .collect();
        unknown.sort();
        *codes_not_found = unknown;
    }
}
