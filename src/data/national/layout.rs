//! Where each column of a national file is: the time and geography columns,
//! and for each extract indicators.yaml asks for, its indicator column and
//! the filter columns it picks rows by. A column an extract names that the
//! file lacks is a problem at that extract.

use super::{Areas, Extract, GEOGRAPHY, Whose, asked};
use crate::problem::{Problem, quote, suggest};
use std::collections::BTreeSet;
use std::path::Path;

/// Where each column is.
pub(super) struct Layout {
    pub(super) time_period: usize,
    pub(super) time_identifier: usize,
    pub(super) level: usize,
    pub(super) country: usize,
    pub(super) region: Option<usize>,
    pub(super) old_la: Option<usize>,
    pub(super) new_la: Option<usize>,
    pub(super) extracts: Vec<ExtractColumns>,
    /// Filter columns named by any extract, for their values.
    pub(super) filter_columns: Vec<usize>,
    pub(super) names: Vec<String>,
}

/// An extract's columns.
pub(super) struct ExtractColumns {
    pub(super) value: usize,
    pub(super) filters: Vec<(usize, String)>,
    pub(super) breakdown: Option<usize>,
}

impl Layout {
    pub(super) fn new(
        file: &Path,
        names: &[String],
        extracts: &[Extract],
        problems: &mut Vec<Problem>,
    ) -> Option<Layout> {
        let find = |name: &str| names.iter().position(|n| n == &name.to_ascii_lowercase());
        let measures: Vec<&str> = names
            .iter()
            .map(String::as_str)
            .filter(|n| !GEOGRAPHY.contains(n))
            .collect();
        let mut missing = |extract: &Extract, what: &str, name: &str| {
            let listed = measures.join(", ");
            let message = format!("{what} {}, which is not a column", quote(name));
            problems.push(asked(file, extract, 1, message).help(
                match suggest(name, measures.iter().copied()) {
                    Some(near) => format!("{near} The file's columns are {listed}"),
                    None => format!("the file's columns are {listed}"),
                },
            ));
        };
        let mut columns = Vec::new();
        let mut complete = true;
        for extract in extracts {
            let value = find(&extract.value);
            if value.is_none() {
                missing(extract, "reads its figure from", &extract.value);
            }
            let mut filters = Vec::new();
            for (name, wanted) in &extract.filters {
                match find(name) {
                    Some(i) => filters.push((i, wanted.trim().to_string())),
                    None => missing(extract, "keeps rows by", name),
                }
            }
            let breakdown = extract.breakdown.as_deref().map(|b| (b, find(b)));
            if let Some((name, None)) = breakdown {
                missing(extract, "takes its categories from", name);
            }
            match value {
                Some(value) if filters.len() == extract.filters.len() => {
                    columns.push(ExtractColumns {
                        value,
                        filters,
                        breakdown: breakdown.and_then(|(_, i)| i),
                    })
                }
                _ => complete = false,
            }
        }
        if !complete {
            return None;
        }
        let filter_columns: BTreeSet<usize> = columns
            .iter()
            .flat_map(|c| c.filters.iter().map(|(i, _)| *i))
            .collect();
        Some(Layout {
            time_period: find("time_period")?,
            time_identifier: find("time_identifier")?,
            level: find("geographic_level")?,
            country: find("country_code")?,
            region: find("region_code"),
            old_la: find("old_la_code"),
            new_la: find("new_la_code"),
            extracts: columns,
            filter_columns: filter_columns.into_iter().collect(),
            names: names.to_vec(),
        })
    }

    /// The area code of a row and what it stands for, if the site wants it.
    /// A council matches by its new code (`E06000034`) or its old one (`883`).
    pub(super) fn place<'f, 'a>(
        &self,
        field: &impl Fn(usize) -> &'f str,
        areas: &'a Areas,
    ) -> Option<(&'f str, &'a [Whose])> {
        let level = field(self.level);
        let codes: &[Option<usize>] = if level.eq_ignore_ascii_case("National") {
            &[Some(self.country)]
        } else if level.eq_ignore_ascii_case("Regional") {
            &[self.region]
        } else if level.eq_ignore_ascii_case("Local authority") {
            &[self.new_la, self.old_la]
        } else {
            &[]
        };
        codes.iter().flatten().find_map(|&i| {
            let code = field(i);
            let roles = areas.roles(code);
            (!code.is_empty() && !roles.is_empty()).then_some((code, roles))
        })
    }
}
