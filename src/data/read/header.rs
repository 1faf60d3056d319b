//! The header of a CSV file of figures: which shape the file is, and what
//! each column holds. Every column must be known, and named once.

use super::FileReader;
use crate::period::Period;
use crate::problem::{quote, suggest};

/// What a column of a long file holds, as its header names it.
#[derive(Clone, Copy)]
pub(super) enum HeaderColumn {
    Indicator,
    Period,
    Value,
    Area,
    Breakdown,
    Note,
    /// The note in Welsh, for a bilingual site's Welsh pages.
    NoteWelsh,
    /// The team's own remark on a row: read, and never published.
    Comment,
}

const LONG_COLUMNS: [(&str, HeaderColumn); 8] = [
    ("indicator", HeaderColumn::Indicator),
    ("period", HeaderColumn::Period),
    ("value", HeaderColumn::Value),
    ("area", HeaderColumn::Area),
    ("breakdown", HeaderColumn::Breakdown),
    ("note", HeaderColumn::Note),
    ("note_cy", HeaderColumn::NoteWelsh),
    ("comment", HeaderColumn::Comment),
];

/// The columns of a long file, as help says them.
const LONG_HELP: &str = "a long-shaped file has the columns indicator, period, value, and optionally area, breakdown, note, note_cy (the note in Welsh) and comment";

/// Which shape a file is, and where its parts are.
pub(super) enum Shape {
    /// Each column of a long file.
    Long(Vec<HeaderColumn>),
    /// The labels and periods of a wide file.
    Wide {
        /// (field index, column) for indicator, area, breakdown.
        labels: Vec<(usize, HeaderColumn)>,
        /// (field index, period) for every period column.
        periods: Vec<(usize, Period)>,
    },
}

impl FileReader<'_> {
    /// Whether every column of the header has a name of its own: two columns
    /// of one name would leave one of them unread.
    pub(super) fn distinct_columns(
        &mut self,
        names: &[String],
        headers: &[&str],
        line: usize,
    ) -> bool {
        let before = self.problems.len();
        for (i, name) in names.iter().enumerate() {
            let Some(first) = names[..i].iter().position(|n| n == name) else {
                continue;
            };
            // An empty name is an unknown column, and says so.
            if name.is_empty() {
                continue;
            }
            self.problem(
                line,
                i,
                format!(
                    "columns {} and {} of the header are both {}",
                    first + 1,
                    i + 1,
                    quote(headers[i])
                ),
                Some("a file has one column of each name: remove or rename one of them".into()),
            );
        }
        self.problems.len() == before
    }

    pub(super) fn long_shape(&mut self, names: &[String], line: usize) -> Option<Shape> {
        let before = self.problems.len();
        let mut columns = Vec::new();
        for (i, name) in names.iter().enumerate() {
            match LONG_COLUMNS.iter().find(|(n, _)| n == name) {
                Some((_, HeaderColumn::NoteWelsh)) if !self.cx.welsh() => {
                    self.problem(
                        line,
                        i,
                        "a `note_cy` column, but site.toml has no `[translations.cy]`".into(),
                        Some("`note_cy` is a note's Welsh, for a site published in Welsh too: add `[translations.cy]` to site.toml, or remove the column".into()),
                    );
                }
                Some((_, column)) => columns.push(*column),
                None => {
                    let help = suggest(name, LONG_COLUMNS.map(|(n, _)| n))
                        .unwrap_or_else(|| LONG_HELP.into());
                    self.problem(
                        line,
                        i,
                        format!("unknown column {}", quote(name)),
                        Some(help),
                    );
                }
            }
        }
        for required in ["indicator", "period", "value"] {
            if !names.iter().any(|n| n == required) {
                self.problem(
                    line,
                    0,
                    format!("no `{required}` column"),
                    Some(LONG_HELP.into()),
                );
            }
        }
        (self.problems.len() == before && columns.len() == names.len())
            .then_some(Shape::Long(columns))
    }

    pub(super) fn wide_shape(
        &mut self,
        names: &[String],
        headers: &[&str],
        line: usize,
    ) -> Option<Shape> {
        if names.first().map(String::as_str) != Some("indicator") {
            self.problem(
                line,
                0,
                "the first column must be `indicator`".into(),
                Some("write either a long file (indicator,period,value,…) or a wide one (indicator,<period>,<period>,…); see the README".into()),
            );
            return None;
        }
        let mut labels = vec![(0, HeaderColumn::Indicator)];
        let mut periods = Vec::new();
        let before = self.problems.len();
        for (i, name) in names.iter().enumerate().skip(1) {
            match name.as_str() {
                "area" if periods.is_empty() => labels.push((i, HeaderColumn::Area)),
                "breakdown" if periods.is_empty() => labels.push((i, HeaderColumn::Breakdown)),
                // A wide row holds many figures, so a note or comment could
                // not say which one it is about.
                "note" | "note_cy" | "comment" => self.problem(
                    line,
                    i,
                    format!("a wide file has no {} column", quote(name)),
                    Some(format!(
                        "write figures with a {name} in a long file (indicator,period,value,{name}); see the README"
                    )),
                ),
                _ => match self.cx.period(headers[i]) {
                    Ok(p) => match periods.iter().find(|(_, q)| *q == p) {
                        Some(&(first, _)) => self.problem(
                            line,
                            i,
                            format!(
                                "columns {} and {} of the header, {} and {}, are both {}",
                                first + 1,
                                i + 1,
                                quote(headers[first]),
                                quote(headers[i]),
                                p.short_label()
                            ),
                            Some("a period heads one column: remove or rename one of them".into()),
                        ),
                        None => periods.push((i, p)),
                    },
                    Err(e) => self.problem(
                        line,
                        i,
                        format!("column header {e}"),
                        Some("in a wide file every column after indicator (and area, breakdown) is headed by a period".into()),
                    ),
                },
            }
        }
        (self.problems.len() == before).then_some(Shape::Wide { labels, periods })
    }
}
