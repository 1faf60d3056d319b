//! An indicator's `from:`: the national statistics file its figures are read
//! from, the column that holds them, the rows to keep and the column whose
//! values are its categories.

use super::FILE;
use crate::data::yaml::field_position;
use crate::problem::{Problem, quote};
use serde_yaml::Value;
use std::path::PathBuf;

/// Where an indicator's figures come from in a national statistics file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct From {
    /// The file, relative to `data/`.
    pub file: PathBuf,
    /// The column that holds the figure.
    pub value: String,
    /// Keep only rows whose columns hold these values, in the order written.
    pub filters: Vec<(String, String)>,
    /// A filter column whose values become the indicator's categories.
    pub breakdown: Option<String>,
    /// Line of `from:` in indicators.yaml.
    pub line: usize,
}

const KEYS: [&str; 4] = ["file", "value", "where", "breakdown"];

/// Reads `from:`'s value for indicator `id`, whose entry starts at `line`.
pub(super) fn parse(
    text: &str,
    id: &str,
    line: usize,
    value: Value,
    problems: &mut Vec<Problem>,
) -> Option<From> {
    let (from_line, from_col) = field_position(text, line, "from", true);
    let fail = |problems: &mut Vec<Problem>, message: String, help: &str| {
        problems.push(
            Problem::error(FILE, format!("indicator `{id}`: {message}"))
                .at(from_line, from_col)
                .help(help.to_string()),
        );
        None
    };
    let example = "e.g. `from: { file: national/la_care_leavers_activity.csv, value: care_leaver_percent, where: { care_leaver_age: 19 to 21 years } }`";
    let Value::Mapping(mapping) = value else {
        return fail(
            problems,
            "`from` is not a set of `key: value` lines".into(),
            example,
        );
    };
    let mut file = None;
    let mut column = None;
    let mut filters = Vec::new();
    let mut breakdown = None;
    for (key, value) in mapping {
        let key = key.as_str().unwrap_or_default().to_string();
        match (key.as_str(), scalar(&value)) {
            ("file", Some(text)) => file = Some(PathBuf::from(text)),
            ("value", Some(text)) => column = Some(text),
            ("breakdown", Some(text)) => breakdown = Some(text),
            ("where", _) => {
                let Value::Mapping(pairs) = value else {
                    return fail(
                        problems,
                        "`from.where` is not a set of `column: value` lines".into(),
                        "e.g. `where: { care_leaver_age: 19 to 21 years }`",
                    );
                };
                for (column, wanted) in pairs {
                    match (scalar(&column), scalar(&wanted)) {
                        (Some(column), Some(wanted)) => filters.push((column, wanted)),
                        _ => {
                            return fail(
                                problems,
                                "each line of `from.where` is a column and the value its rows must hold".into(),
                                "e.g. `where: { care_leaver_age: 19 to 21 years }`",
                            );
                        }
                    }
                }
            }
            (known, None) if KEYS.contains(&known) => {
                return fail(problems, format!("`from.{known}` must be text"), example);
            }
            (other, _) => {
                let help = crate::problem::suggest(other, KEYS)
                    .unwrap_or_else(|| format!("the keys of `from` are {}", KEYS.join(", ")));
                return fail(
                    problems,
                    format!("`from` has an unknown key {}", quote(other)),
                    &help,
                );
            }
        }
    }
    let (Some(file), Some(value)) = (file, column) else {
        return fail(
            problems,
            "`from` needs `file` (a national statistics file under data/) and `value` (the column that holds the figure)".into(),
            example,
        );
    };
    if file.is_absolute()
        || file
            .components()
            .any(|c| matches!(c, std::path::Component::ParentDir))
    {
        return fail(
            problems,
            format!(
                "`from.file` {} is outside data/",
                quote(&file.to_string_lossy())
            ),
            "name a file under data/, e.g. `national/la_care_leavers_activity.csv`",
        );
    }
    Some(From {
        file,
        value,
        filters,
        breakdown,
        line: from_line,
    })
}

/// A YAML scalar as text: `2023` and `yes` are as good as text here.
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}
