//! `data/indicators.yaml`: what each indicator is.
//!
//! Each indicator is read on its own, so one bad entry does not hide the problems
//! of the others, and each problem points at the line of the key at fault.

use crate::problem::{Problem, suggest};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The file name, relative to the site root.
pub const FILE: &str = "data/indicators.yaml";

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
    const NAMES: [&str; 6] = ["count", "percent", "rate_per_10k", "days", "score", "money"];

    fn parse(text: &str) -> Option<Unit> {
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

    fn default_decimals(self) -> u8 {
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
    const NAMES: [&str; 3] = ["higher_is_better", "lower_is_better", "neutral"];

    fn parse(text: &str) -> Option<Polarity> {
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
    const NAMES: [&str; 2] = ["stock", "flow"];

    fn parse(text: &str) -> Option<Measure> {
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
    /// What it measures, in plain words.
    pub description: String,
    /// Where its figures come from.
    pub source: String,
    /// Groups indicators on the indicators page.
    pub theme: String,
    /// Line of its id in indicators.yaml.
    pub line: usize,
}

impl Indicator {
    /// A figure of this indicator, formatted in its unit.
    pub fn format(&self, value: f64) -> String {
        super::format::with_unit(value, self.unit, self.decimals)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    title: String,
    unit: String,
    decimals: Option<u8>,
    #[serde(default)]
    polarity: Option<String>,
    #[serde(default)]
    measure: Option<String>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    theme: String,
}

const FIELDS: [&str; 8] = [
    "title",
    "unit",
    "decimals",
    "polarity",
    "measure",
    "description",
    "source",
    "theme",
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
            let mut problem = Problem::error(FILE, yaml_message(&e));
            if let Some(loc) = e.location() {
                problem = problem.at(loc.line(), loc.column());
            }
            let help = if text.lines().any(|l| l.starts_with('\t')) {
                "YAML indents with spaces, never tabs: replace the tabs with spaces"
            } else {
                "each indicator is an id followed by indented `key: value` lines; see the README"
            };
            problems.push(problem.help(help));
            return (indicators, problems);
        }
    };
    for (key, value) in mapping {
        let Some(id) = key.as_str().map(str::to_string) else {
            problems.push(Problem::error(
                FILE,
                format!("indicator ids must be text, not {key:?}"),
            ));
            continue;
        };
        let line = id_line(text, &id);
        let at = |field: &str| field_position(text, line, field, false);
        if !is_id(&id) {
            problems.push(
                Problem::error(FILE, format!("`{id}` cannot be an indicator id"))
                    .at(line, 1)
                    .help("use lower-case letters, digits and `_` only (the id becomes a web address), e.g. `cla_count`"),
            );
            continue;
        }
        let raw: Raw = match serde_yaml::from_value(value) {
            Ok(raw) => raw,
            Err(e) => {
                let mut message = yaml_message(&e);
                let (problem_line, col) = message
                    .strip_prefix("unknown field `")
                    .and_then(|rest| rest.split('`').next())
                    .map_or((line, 1), |field| field_position(text, line, field, true));
                if let Some(i) = message.find(", expected") {
                    message.truncate(i);
                }
                let help = match message
                    .strip_prefix("unknown field `")
                    .and_then(|r| r.split('`').next())
                {
                    Some(field) => suggest(field, FIELDS)
                        .unwrap_or_else(|| format!("the keys are {}", FIELDS.join(", "))),
                    None => "each indicator needs at least `title` and `unit`".to_string(),
                };
                problems.push(
                    Problem::error(FILE, format!("indicator `{id}`: {message}"))
                        .at(problem_line, col)
                        .help(help),
                );
                continue;
            }
        };
        let mut bad = |field: &str, value: &str, names: &[&str]| {
            let (l, c) = at(field);
            problems.push(
                Problem::error(
                    FILE,
                    format!("indicator `{id}`: `{value}` is not a {field}"),
                )
                .at(l, c)
                .help(
                    suggest(value, names.iter().copied())
                        .unwrap_or_else(|| format!("write one of {}", names.join(", "))),
                ),
            );
        };
        let unit = Unit::parse(raw.unit.trim());
        if unit.is_none() {
            bad("unit", &raw.unit, &Unit::NAMES);
        }
        let polarity = match raw.polarity.as_deref().map(str::trim) {
            None => Some(Polarity::Neutral),
            Some(p) => Polarity::parse(p).or_else(|| {
                bad("polarity", p, &Polarity::NAMES);
                None
            }),
        };
        let measure = match raw.measure.as_deref().map(str::trim) {
            None => Some(Measure::Stock),
            Some(m) => Measure::parse(m).or_else(|| {
                bad("measure", m, &Measure::NAMES);
                None
            }),
        };
        if let Some(d) = raw.decimals
            && d > 6
        {
            let (l, c) = at("decimals");
            problems.push(
                Problem::error(
                    FILE,
                    format!("indicator `{id}`: {d} decimal places is too many"),
                )
                .at(l, c)
                .help("use 0 to 6"),
            );
            continue;
        }
        if raw.title.trim().is_empty() {
            let (l, c) = at("title");
            problems.push(
                Problem::error(FILE, format!("indicator `{id}` has an empty title")).at(l, c),
            );
            continue;
        }
        let (Some(unit), Some(polarity), Some(measure)) = (unit, polarity, measure) else {
            continue;
        };
        indicators.insert(
            id.clone(),
            Indicator {
                decimals: raw.decimals.unwrap_or(unit.default_decimals()),
                id,
                title: raw.title.trim().to_string(),
                unit,
                polarity,
                measure,
                description: raw.description.trim().to_string(),
                source: raw.source.trim().to_string(),
                theme: if raw.theme.trim().is_empty() {
                    "Other indicators".into()
                } else {
                    raw.theme.trim().to_string()
                },
                line,
            },
        );
    }
    (indicators, problems)
}

/// Whether `id` is safe as a file name and web address.
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn yaml_message(e: &serde_yaml::Error) -> String {
    let text = e.to_string();
    // serde_yaml appends " at line L column C"; the problem carries the place.
    match text.find(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// The 1-based line where `id:` starts an entry.
fn id_line(text: &str, id: &str) -> usize {
    text.lines()
        .position(|line| {
            let unquoted = line.trim_start_matches(['"', '\'']);
            unquoted.strip_prefix(id).is_some_and(|rest| {
                rest.trim_start_matches(['"', '\''])
                    .trim_start()
                    .starts_with(':')
            }) && !line.starts_with([' ', '\t'])
        })
        .map_or(1, |i| i + 1)
}

/// Line and column of `field:`'s value (or of the key itself) inside the entry
/// starting at `entry_line`.
fn field_position(text: &str, entry_line: usize, field: &str, key: bool) -> (usize, usize) {
    for (i, line) in text.lines().enumerate().skip(entry_line) {
        if !line.starts_with([' ', '\t']) && !line.trim().is_empty() {
            break;
        }
        let trimmed = line.trim_start();
        if trimmed
            .strip_prefix(field)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
        {
            let indent = line.len() - trimmed.len();
            let value_col = trimmed
                .find(':')
                .map(|c| c + 1 + (trimmed[c + 1..].len() - trimmed[c + 1..].trim_start().len()))
                .unwrap_or(0);
            let column = if value_col < trimmed.len() && !key {
                indent + value_col
            } else {
                indent
            };
            return (i + 1, line[..column].chars().count() + 1);
        }
    }
    (entry_line, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "cla_count:\n  title: Children looked after\n  unit: count\n  polarity: neutral\n  measure: stock\n\
cla_rate:\n  title: Rate\n  unit: rate_per_10k\n";

    #[test]
    fn parses_with_defaults() {
        let (indicators, problems) = parse(GOOD);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(indicators["cla_count"].unit, Unit::Count);
        assert_eq!(indicators["cla_rate"].decimals, 1);
        assert_eq!(indicators["cla_rate"].polarity, Polarity::Neutral);
        assert_eq!(indicators["cla_rate"].line, 6);
    }

    #[test]
    fn rejects_bad_unit_at_its_line_and_keeps_going() {
        let text = GOOD
            .replace("unit: count", "unit: percentage")
            .replace("title: Rate", "title: Rate\n  colour: red");
        let (indicators, problems) = parse(&text);
        assert_eq!(indicators.len(), 0);
        let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(
            shown[0].starts_with(
                "data/indicators.yaml:3:9: error: indicator `cla_count`: `percentage` is not a unit"
            ),
            "{shown:?}"
        );
        assert!(shown[0].contains("did you mean `percent`?"), "{shown:?}");
        assert!(
            shown[1].starts_with(
                "data/indicators.yaml:8:3: error: indicator `cla_rate`: unknown field `colour`"
            ),
            "{shown:?}"
        );
    }

    #[test]
    fn reports_yaml_syntax_errors_with_place() {
        let (_, problems) = parse("cla_count:\n  title: [unclosed\n");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].line.is_some());
    }

    #[test]
    fn rejects_ids_unfit_for_addresses() {
        let (_, problems) = parse("CLA Count:\n  title: X\n  unit: count\n");
        assert!(
            problems[0]
                .to_string()
                .contains("cannot be an indicator id")
        );
    }
}
