//! `data/indicators.yaml`: what each indicator is.
//!
//! Each indicator is read on its own, so one bad entry does not hide the problems
//! of the others, and each problem points at the line of the key at fault.

use super::yaml::{field_position, id_line, yaml_problem};
use crate::problem::{Problem, quote, suggest};
use serde::Deserialize;
use serde_yaml::Value;
use std::collections::BTreeMap;

/// The file name, relative to the site root.
pub const FILE: &str = "data/indicators.yaml";

/// One indicator's definition.
#[derive(Debug, Clone)]
pub struct Indicator {
    /// The id used in CSV files and placeholders.
    pub id: String,
    /// Its name, as a heading.
    pub title: String,
    /// What its figures count.
    pub unit: Unit,
    /// Decimal places shown.
    pub decimals: u8,
    /// Which way is good.
    pub polarity: Polarity,
    /// Snapshot or total.
    pub measure: Measure,
    /// How often its figures come, when indicators.yaml says so.
    pub frequency: Option<Frequency>,
    /// What it measures, in plain words.
    pub description: String,
    /// Where its figures come from.
    pub source: String,
    /// Groups indicators on the indicators page.
    pub theme: String,
    /// Line of its id in indicators.yaml.
    pub line: usize,
    /// The national statistics file its figures are read from, if any.
    pub from: Option<From>,
    /// Its words in Welsh, from its `cy:` keys, for a bilingual site.
    pub welsh: Option<Welsh>,
}

/// An indicator's words in Welsh (`cy:` in indicators.yaml). A text left
/// out is the English one; `check` refuses a bilingual site's indicator
/// without its Welsh title.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Welsh {
    /// Its name, as a heading.
    pub title: Option<String>,
    /// What it measures.
    pub description: Option<String>,
    /// Where its figures come from.
    pub source: Option<String>,
    /// Its group on the indicators page.
    pub theme: Option<String>,
}

/// The keys of an indicator's `cy:`.
const WELSH_FIELDS: [&str; 4] = ["title", "description", "source", "theme"];

impl Indicator {
    /// The indicator with its words in `language`: each Welsh text it has
    /// in place of the English.
    pub fn in_language(&self, language: crate::i18n::Language) -> Indicator {
        let mut indicator = self.clone();
        if let (crate::i18n::Language::Welsh, Some(welsh)) = (language, &self.welsh) {
            let texts = [
                (&mut indicator.title, &welsh.title),
                (&mut indicator.description, &welsh.description),
                (&mut indicator.source, &welsh.source),
                (&mut indicator.theme, &welsh.theme),
            ];
            for (text, translated) in texts {
                if let Some(translated) = translated {
                    text.clone_from(translated);
                }
            }
        }
        indicator
    }
}

/// An entry as written: each value is checked here, not by serde, so that a
/// problem names its key and line.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    title: Option<Value>,
    unit: Option<Value>,
    decimals: Option<Value>,
    polarity: Option<Value>,
    measure: Option<Value>,
    frequency: Option<Value>,
    description: Option<Value>,
    source: Option<Value>,
    theme: Option<Value>,
    from: Option<Value>,
    cy: Option<Value>,
}

/// The longest id: an id becomes a file name, and a file name has a limit.
pub const MAX_ID_CHARS: usize = 100;

/// The most decimal places a figure is shown with.
const MAX_DECIMALS: u64 = 6;

/// A value as text, as a user may write it: YAML reads `2023` as a number and
/// `yes` as true, and either is fine as text. `Err` says what it is instead.
fn as_text(value: Option<Value>) -> Result<Option<String>, &'static str> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(Value::Bool(b)) => Ok(Some(b.to_string())),
        Some(Value::Sequence(_)) => Err("a list"),
        Some(Value::Mapping(_)) => Err("a set of keys"),
        Some(Value::Tagged(_)) => Err("a tagged value"),
    }
}

const FIELDS: [&str; 11] = [
    "title",
    "unit",
    "decimals",
    "polarity",
    "measure",
    "frequency",
    "description",
    "source",
    "theme",
    "from",
    "cy",
];

/// The ids indicators.yaml names, whether or not their entries are valid, so
/// that one bad entry does not also make every row of its figures "unknown";
/// and whether the file is valid YAML at all.
///
/// When it is not, the ids are read off the lines that start an entry, for
/// the reports' placeholders; no data row is checked against them (the
/// syntax error is the one problem to fix).
pub fn declared_ids(text: &str) -> (std::collections::BTreeSet<String>, bool) {
    match serde_yaml::from_str::<Option<serde_yaml::Mapping>>(text) {
        Ok(mapping) => (
            mapping
                .into_iter()
                .flat_map(|m| {
                    m.into_iter()
                        .filter_map(|(k, _)| k.as_str().map(str::to_string))
                })
                .collect(),
            true,
        ),
        Err(_) => (
            text.lines()
                .filter(|line| !line.starts_with([' ', '\t', '#']))
                .filter_map(|line| {
                    line.split_once(':')
                        .map(|(id, _)| id.trim().trim_matches(['"', '\'']).to_string())
                })
                .filter(|id| !id.is_empty())
                .collect(),
            false,
        ),
    }
}

/// Parses indicators.yaml. Problems carry the line of the entry or key at fault.
pub fn parse(text: &str) -> (BTreeMap<String, Indicator>, Vec<Problem>) {
    let mut indicators = BTreeMap::new();
    let mut problems = Vec::new();
    let mapping: serde_yaml::Mapping = match serde_yaml::from_str(text) {
        Ok(Some(m)) => m,
        Ok(None) => return (indicators, problems),
        Err(e) => {
            problems.push(yaml_problem(FILE, text, &e));
            return (indicators, problems);
        }
    };
    for (key, value) in mapping {
        let Some(id) = key.as_str().map(str::to_string) else {
            let key = serde_yaml::to_string(&key).unwrap_or_default();
            problems.push(
                Problem::error(
                    FILE,
                    format!("indicator ids must be text, not {}", quote(key.trim())),
                )
                .at_line(1),
            );
            continue;
        };
        let line = id_line(text, &id);
        if !is_id(&id) {
            let help = if id.chars().count() > MAX_ID_CHARS {
                format!("keep ids to {MAX_ID_CHARS} characters at most")
            } else {
                "use lower-case letters, digits and `_` only (the id becomes a web address), e.g. `cla_count`".into()
            };
            problems.push(
                Problem::error(FILE, format!("{} cannot be an indicator id", quote(&id)))
                    .at(line, 1)
                    .help(help),
            );
            continue;
        }
        let at = |field: &str| field_position(text, line, field, false);
        let raw: Raw = match serde_yaml::from_value(value) {
            Ok(raw) => raw,
            Err(e) => {
                let message = e.to_string();
                let unknown = message
                    .strip_prefix("unknown field `")
                    .and_then(|rest| rest.split('`').next())
                    .map(str::to_string);
                let (problem_line, col) = unknown
                    .as_deref()
                    .map_or((line, 1), |field| field_position(text, line, field, true));
                let help = match unknown.as_deref() {
                    Some(field) => suggest(field, FIELDS)
                        .unwrap_or_else(|| format!("the keys are {}", FIELDS.join(", "))),
                    None => "each indicator is indented `key: value` lines, with at least `title` and `unit`".to_string(),
                };
                // Any other error is an entry that is not keys and values;
                // serde's words for it would quote the value, however long.
                let message = match unknown {
                    Some(field) => format!("unknown field {}", quote(&field)),
                    None => "this is not a set of `key: value` lines".into(),
                };
                problems.push(
                    Problem::error(FILE, format!("indicator `{id}`: {message}"))
                        .at(problem_line, col)
                        .help(help),
                );
                continue;
            }
        };
        let before = problems.len();
        let mut text_of = |field: &str, value: Option<Value>| match as_text(value) {
            Ok(text) => text.map(|t| t.trim().to_string()),
            Err(what) => {
                let (l, c) = at(field);
                problems.push(
                    Problem::error(FILE, format!("indicator `{id}`: `{field}` is {what}"))
                        .at(l, c)
                        .help(format!("write `{field}` as text on one line")),
                );
                None
            }
        };
        let title = text_of("title", raw.title);
        let unit_name = text_of("unit", raw.unit);
        let polarity_name = text_of("polarity", raw.polarity);
        let measure_name = text_of("measure", raw.measure);
        let frequency_name = text_of("frequency", raw.frequency);
        let description = text_of("description", raw.description).unwrap_or_default();
        let source = text_of("source", raw.source).unwrap_or_default();
        let theme = text_of("theme", raw.theme).unwrap_or_default();
        let from = raw
            .from
            .and_then(|value| from::parse(text, &id, line, value, &mut problems));
        let welsh = raw
            .cy
            .and_then(|value| welsh(text, &id, line, value, &mut problems));
        let mut bad = |field: &str, value: &str, names: &[&str]| {
            let (l, c) = at(field);
            problems.push(
                Problem::error(
                    FILE,
                    format!("indicator `{id}`: {} is not a {field}", quote(value)),
                )
                .at(l, c)
                .help(
                    suggest(value, names.iter().copied())
                        .unwrap_or_else(|| format!("write one of {}", names.join(", "))),
                ),
            );
        };
        let unit = unit_name.as_deref().and_then(|u| {
            Unit::parse(u).or_else(|| {
                bad("unit", u, &Unit::NAMES);
                None
            })
        });
        let polarity = match polarity_name.as_deref() {
            None => Some(Polarity::Neutral),
            Some(p) => Polarity::parse(p).or_else(|| {
                bad("polarity", p, &Polarity::NAMES);
                None
            }),
        };
        let measure = match measure_name.as_deref() {
            None => Some(Measure::Stock),
            Some(m) => Measure::parse(m).or_else(|| {
                bad("measure", m, &Measure::NAMES);
                None
            }),
        };
        let frequency = frequency_name.as_deref().and_then(|f| {
            Frequency::parse(f).or_else(|| {
                bad("frequency", f, &Frequency::NAMES);
                None
            })
        });
        let decimals = match raw.decimals {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) if n.as_u64().is_some_and(|d| d <= MAX_DECIMALS) => {
                n.as_u64().map(|d| d as u8)
            }
            Some(other) => {
                let shown = match as_text(Some(other)) {
                    Ok(text) => quote(&text.unwrap_or_default()),
                    Err(what) => what.to_string(),
                };
                let (l, c) = at("decimals");
                problems.push(
                    Problem::error(
                        FILE,
                        format!("indicator `{id}`: `decimals` is {shown}, not a number of decimal places"),
                    )
                    .at(l, c)
                    .help(format!("write a whole number from 0 to {MAX_DECIMALS}")),
                );
                None
            }
        };
        for (field, value) in [("title", &title), ("unit", &unit_name)] {
            if value.as_deref().is_none_or(str::is_empty) && problems.len() == before {
                let (l, c) = if value.is_some() {
                    at(field)
                } else {
                    (line, 1)
                };
                problems.push(
                    Problem::error(FILE, format!("indicator `{id}` has no {field}"))
                        .at(l, c)
                        .help("each indicator needs at least `title` and `unit`"),
                );
            }
        }
        if problems.len() > before {
            continue;
        }
        let (Some(title), Some(unit), Some(polarity), Some(measure)) =
            (title, unit, polarity, measure)
        else {
            continue;
        };
        indicators.insert(
            id.clone(),
            Indicator {
                decimals: decimals.unwrap_or(unit.default_decimals()),
                id,
                title,
                unit,
                polarity,
                measure,
                frequency,
                description,
                source,
                theme: if theme.is_empty() {
                    "Other indicators".into()
                } else {
                    theme
                },
                line,
                from,
                welsh,
            },
        );
    }
    (indicators, problems)
}

/// An indicator's `cy:`: its texts in Welsh, each one line of text.
fn welsh(
    text: &str,
    id: &str,
    line: usize,
    value: Value,
    problems: &mut Vec<Problem>,
) -> Option<Welsh> {
    let at = |field: &str| field_position(text, line, field, false);
    let Value::Mapping(mapping) = value else {
        let (l, c) = at("cy");
        problems.push(
            Problem::error(FILE, format!("indicator `{id}`: `cy` is not a set of keys"))
                .at(l, c)
                .help("under `cy:`, indent the indicator's Welsh `title:` (and `description:`, `source:`, `theme:` if it has them)"),
        );
        return None;
    };
    let cy_line = at("cy").0;
    let mut welsh = Welsh::default();
    for (key, value) in mapping {
        let key = key.as_str().unwrap_or_default().to_string();
        let slot = match key.as_str() {
            "title" => &mut welsh.title,
            "description" => &mut welsh.description,
            "source" => &mut welsh.source,
            "theme" => &mut welsh.theme,
            _ => {
                let (l, c) = field_position(text, cy_line, &key, true);
                problems.push(
                    Problem::error(
                        FILE,
                        format!("indicator `{id}`: `cy` has no key {}", quote(&key)),
                    )
                    .at(l, c)
                    .help(suggest(&key, WELSH_FIELDS).unwrap_or_else(|| {
                        format!("the keys under `cy:` are {}", WELSH_FIELDS.join(", "))
                    })),
                );
                continue;
            }
        };
        match as_text(Some(value)) {
            Ok(value) => {
                *slot = value
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty())
            }
            Err(what) => {
                let (l, c) = field_position(text, cy_line, &key, true);
                problems.push(
                    Problem::error(FILE, format!("indicator `{id}`: `cy` `{key}` is {what}"))
                        .at(l, c)
                        .help(format!("write `{key}` as text on one line")),
                );
            }
        }
    }
    Some(welsh)
}

/// Whether `id` is safe as a file name and web address.
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

mod from;
mod kinds;
#[cfg(test)]
mod tests;

pub use from::From;
pub use kinds::{Frequency, Measure, Polarity, Unit};
