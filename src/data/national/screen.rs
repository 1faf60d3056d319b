//! What DfE's own data screener says of a national file's geography, said
//! by `check`: a code named differently in two rows, a name given two codes
//! in one year, and a row whose `geographic_level` disagrees with its code.
//!
//! A mismatch in rows the site reads may mean the figures read are another
//! council's, so it is an error. One in rows the site does not read changes
//! nothing it publishes: a warning, which `check` shows and `build` does not,
//! since only the publisher can correct their file.
//!
//! The reader streams, so the screen keeps one entry a code and one a name
//! and year, never rows; and as a file's rows come in runs of one area,
//! a row naming the same area as the row before costs a comparison.

use super::Areas;
use crate::problem::{Id, Problem, quote};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The first name seen for each code (or code for each name), and its line.
type FirstSeen = HashMap<Box<str>, (Box<str>, usize)>;

/// A code column and the name column that goes with it.
struct Pair {
    code: usize,
    name: usize,
    /// The first name seen for each code, and its line.
    by_code: FirstSeen,
    /// The first code seen for each name in each year (by year, then name),
    /// and its line: a council given a new code when its boundary changes
    /// keeps its name.
    by_name: HashMap<Box<str>, FirstSeen>,
    /// The row before's period, code and name: a run of one area is checked once.
    last: (String, String, String),
}

/// The kinds of area a `geographic_level` is read at.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Country,
    Region,
    Council,
}

impl Kind {
    fn of_level(level: &str) -> Option<Kind> {
        [
            ("National", Kind::Country),
            ("Regional", Kind::Region),
            ("Local authority", Kind::Council),
        ]
        .into_iter()
        .find(|(name, _)| level.eq_ignore_ascii_case(name))
        .map(|(_, kind)| kind)
    }

    /// The kind of area an ONS code (a letter and eight digits) is for, by
    /// its first three characters; `None` for a code of another shape (an
    /// old three-digit council code) or kind (a ward, a district).
    fn of_code(code: &str) -> Option<Option<Kind>> {
        let bytes = code.as_bytes();
        if bytes.len() != 9
            || !bytes[0].is_ascii_uppercase()
            || !bytes[1..].iter().all(u8::is_ascii_digit)
        {
            return None;
        }
        Some(match &code[..3] {
            "E92" | "K02" | "K03" | "K04" | "W92" | "S92" | "N92" => Some(Kind::Country),
            "E12" | "E13" => Some(Kind::Region),
            "E06" | "E08" | "E09" | "E10" => Some(Kind::Council),
            _ => None,
        })
    }

    fn described(self) -> &'static str {
        match self {
            Kind::Country => "a country's",
            Kind::Region => "a region's",
            Kind::Council => "a council's",
        }
    }
}

/// Why a mismatch matters, for help.
const ONE_AREA: &str =
    "a code stands for one area, and an area has one code, so one of the two rows is wrong";
const LEVELS: &str = "a council's code starts E06, E08, E09 or E10, a region's E12 or E13, England's E92, so the row is wrong";

const FINER: &str = "a National row is the country's figure and a Regional row a region's, with the finer codes left empty; a council's code there may mean a council's figure is read as England's or a region's, so the row is wrong";

/// How many errors, and how many warnings, a file gets before the rest are
/// counted in one: a file made wrongly throughout is one mistake to fix.
const SHOWN: usize = 10;

/// The screen of one file, fed every row.
pub(super) struct Screen {
    file: PathBuf,
    pairs: Vec<Pair>,
    level: usize,
    /// The code column each kind of level is read from.
    level_codes: [(Kind, Option<usize>); 3],
    /// The old council code column, which a council's row may be read by.
    old_la: Option<usize>,
    /// The header's names, for messages.
    names: Vec<String>,
    /// Mismatches already reported, so that each is reported once.
    reported: HashSet<(&'static str, Box<str>, Box<str>)>,
    /// Warnings shown and those left out.
    warnings: usize,
    /// Errors found, shown or not.
    error_count: usize,
    /// Errors, for rows the site reads.
    pub(super) errors: Vec<Problem>,
    /// Warnings, for rows it does not.
    pub(super) warned: Vec<Problem>,
}

/// Where the geography columns are, by index into the header.
pub(super) struct GeographyColumns<'n> {
    pub(super) names: &'n [String],
    pub(super) level: usize,
    pub(super) country: usize,
    pub(super) region: Option<usize>,
    pub(super) new_la: Option<usize>,
    pub(super) old_la: Option<usize>,
}

impl Screen {
    pub(super) fn new(file: &Path, columns: &GeographyColumns<'_>) -> Screen {
        let find = |name: &str| columns.names.iter().position(|n| n == name);
        let pairs = [
            (Some(columns.country), find("country_name")),
            (columns.region, find("region_name")),
            (columns.new_la, find("la_name")),
            (columns.old_la, find("la_name")),
        ]
        .into_iter()
        .filter_map(|(code, name)| {
            let (code, name) = (code?, name?);
            Some(Pair {
                code,
                name,
                by_code: HashMap::new(),
                by_name: HashMap::new(),
                last: Default::default(),
            })
        })
        .collect();
        Screen {
            file: file.to_path_buf(),
            pairs,
            level: columns.level,
            level_codes: [
                (Kind::Country, Some(columns.country)),
                (Kind::Region, columns.region),
                (Kind::Council, columns.new_la),
            ],
            old_la: columns.old_la,
            names: columns.names.to_vec(),
            reported: Default::default(),
            warnings: 0,
            error_count: 0,
            errors: Vec::new(),
            warned: Vec::new(),
        }
    }

    /// Checks one row, at `line`, of `period`.
    pub(super) fn row<'f>(
        &mut self,
        field: &impl Fn(usize) -> &'f str,
        period: &str,
        line: usize,
        areas: &Areas,
    ) {
        for p in 0..self.pairs.len() {
            let pair = &mut self.pairs[p];
            let (code, name) = (field(pair.code), field(pair.name));
            if code.is_empty() || name.is_empty() {
                continue;
            }
            let last = &mut pair.last;
            if last.0 == period && last.1 == code && last.2 == name {
                continue;
            }
            for (held, now) in [
                (&mut last.0, period),
                (&mut last.1, code),
                (&mut last.2, name),
            ] {
                held.clear();
                held.push_str(now);
            }
            let named = match pair.by_code.get(code) {
                None => {
                    pair.by_code.insert(code.into(), (name.into(), line));
                    None
                }
                Some((first, at)) if &**first != name => Some((first.to_string(), *at)),
                Some(_) => None,
            };
            let year = match pair.by_name.get_mut(period) {
                Some(year) => year,
                None => pair.by_name.entry(period.into()).or_default(),
            };
            let coded = match year.get(name) {
                None => {
                    year.insert(name.into(), (code.into(), line));
                    None
                }
                Some((first, at)) if &**first != code => Some((first.to_string(), *at)),
                Some(_) => None,
            };
            if let Some((first, at)) = named {
                let message = format!(
                    "{} is named {} here but {} on line {at}",
                    quote(code),
                    quote(name),
                    quote(&first)
                );
                let read = !areas.roles(code).is_empty();
                let column = self.pairs[p].name + 1;
                self.report(("name", code, name), read, message, line, column, ONE_AREA);
            }
            if let Some((first, at)) = coded {
                let header = &self.names[self.pairs[p].code];
                let message = format!(
                    "{} has the {header} {} here but {} on line {at}, both in time_period {}",
                    quote(name),
                    quote(code),
                    quote(&first),
                    quote(period)
                );
                let read = !areas.roles(code).is_empty() || !areas.roles(&first).is_empty();
                let column = self.pairs[p].code + 1;
                self.report(("code", name, code), read, message, line, column, ONE_AREA);
            }
        }
        self.level(field, line, areas);
    }

    /// A row whose level reads its area from a column holding a code of
    /// another kind (a country's code on a council's row), or that names an
    /// area finer than its level (a council's code on a National row, whose
    /// figure would be read as England's).
    fn level<'f>(&mut self, field: &impl Fn(usize) -> &'f str, line: usize, areas: &Areas) {
        let level = field(self.level);
        let Some(kind) = Kind::of_level(level) else {
            return;
        };
        let own = self
            .level_codes
            .iter()
            .find(|(k, _)| *k == kind)
            .and_then(|(_, column)| *column);
        if let Some(column) = own {
            self.kind_of_code(field, line, areas, level, kind, column);
        }
        let (region, council) = (self.level_codes[1].1, self.level_codes[2].1);
        let finer = match kind {
            Kind::Country => [region, council, self.old_la],
            Kind::Region => [council, self.old_la, None],
            Kind::Council => [None; 3],
        };
        for column in finer.into_iter().flatten() {
            let code = field(column);
            if code.is_empty() {
                continue;
            }
            let message = format!(
                "this row's geographic_level is {}, but its {} is {}: a {} row names no {}",
                quote(level),
                self.names[column],
                quote(code),
                level,
                if kind == Kind::Country {
                    "region or council"
                } else {
                    "council"
                },
            );
            // Read by the site as its level's area, or as the finer one's.
            let read = own.is_some_and(|own| !areas.roles(field(own)).is_empty())
                || !areas.roles(code).is_empty();
            self.report(
                ("finer", level, code),
                read,
                message,
                line,
                column + 1,
                FINER,
            );
        }
    }

    /// A code of another kind in the column the row's level reads.
    fn kind_of_code<'f>(
        &mut self,
        field: &impl Fn(usize) -> &'f str,
        line: usize,
        areas: &Areas,
        level: &str,
        kind: Kind,
        column: usize,
    ) {
        let code = field(column);
        let Some(found) = Kind::of_code(code) else {
            return;
        };
        if found == Some(kind) {
            return;
        }
        let what = found.map_or(
            "not a country's, a region's or a council's",
            Kind::described,
        );
        let message = format!(
            "this row's geographic_level is {}, but its {} {} is {what} code",
            quote(level),
            self.names[column],
            quote(code)
        );
        let read = !areas.roles(code).is_empty();
        self.report(
            ("level", level, code),
            read,
            message,
            line,
            column + 1,
            LEVELS,
        );
    }

    fn report(
        &mut self,
        (what, one, other): (&'static str, &str, &str),
        read: bool,
        message: String,
        line: usize,
        column: usize,
        help: &str,
    ) {
        if !self.reported.insert((what, one.into(), other.into())) {
            return;
        }
        if read {
            self.error_count += 1;
            if self.error_count > SHOWN {
                return;
            }
            self.errors.push(
                Problem::error(&self.file, message)
                    .at(line, column)
                    .help(format!("{help}; the figures read for this area may be another's: compare the file with the publisher's, and download it again if it was changed")),
            );
            return;
        }
        self.warnings += 1;
        if self.warnings <= SHOWN {
            self.warned.push(
                Problem::warning(Id::NationalScreen, &self.file, message)
                    .at(line, column)
                    .help("the site does not read this area's rows, so what it publishes is not affected; the publisher may want to know"),
            );
        }
    }

    /// The errors and the warnings, each with a last one counting those
    /// not shown.
    pub(super) fn finish(mut self) -> (Vec<Problem>, Vec<Problem>) {
        if self.error_count > SHOWN {
            self.errors.push(
                Problem::error(
                    &self.file,
                    format!("and {} more rows like these", self.error_count - SHOWN),
                )
                .help("compare the file with the publisher's, and download it again if it was changed"),
            );
        }
        if self.warnings > SHOWN {
            self.warned.push(
                Problem::warning(
                    Id::NationalScreen,
                    &self.file,
                    format!("and {} more rows like these", self.warnings - SHOWN),
                )
                .help("the site does not read these rows; the publisher may want to know"),
            );
        }
        (self.errors, self.warned)
    }
}
