//! `[translations.CODE]`: the site again in another language, with its own
//! title, publisher, area and comparator names. Welsh (`cy`) is the one
//! language outturn can write its own words in besides English, so it is the
//! only code accepted.

use super::{Config, FILE};
use crate::i18n::Language;
use crate::problem::{Problem, find_key, quote, suggest};
use serde::Deserialize;
use std::collections::BTreeMap;

/// One `[translations.CODE]` table: the site's names in that language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    /// The table's code as written: `cy`.
    pub code: String,
    /// The site's title in the language.
    pub title: String,
    /// Who publishes the reports, in the language.
    pub publisher: String,
    /// The area the figures are about; the site's own `area` when not given.
    pub area: String,
    /// Every comparator's name, by key: as given here, or the site's own.
    pub comparators: BTreeMap<String, String>,
    /// Comparator keys given here that `[comparators]` does not have.
    unknown_comparators: Vec<String>,
}

impl Translation {
    /// The language of the table, which [`Config::parse`] makes sure outturn
    /// can write.
    pub fn language(&self) -> Option<Language> {
        Language::of_translation(&self.code)
    }
}

/// `[translations.CODE]` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(super) struct Raw {
    title: String,
    publisher: String,
    area: Option<String>,
    comparators: BTreeMap<String, String>,
}

/// The translations, each with the site's own area and comparator names
/// wherever it gives none.
pub(super) fn from_raw(
    raw: BTreeMap<String, Raw>,
    area: &str,
    comparators: &BTreeMap<String, String>,
) -> Vec<Translation> {
    raw.into_iter()
        .map(|(code, raw)| {
            let unknown_comparators = raw
                .comparators
                .keys()
                .filter(|key| !comparators.contains_key(*key))
                .cloned()
                .collect();
            let mut names = comparators.clone();
            names.extend(raw.comparators);
            Translation {
                code,
                title: raw.title,
                publisher: raw.publisher,
                area: raw.area.unwrap_or_else(|| area.to_string()),
                comparators: names,
                unknown_comparators,
            }
        })
        .collect()
}

/// What is wrong with the `[translations.CODE]` tables of site.toml `text`.
pub(super) fn problems(config: &Config, text: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    for translation in &config.translations {
        let code = translation.code.as_str();
        let table = format!("translations.{code}");
        let at = |key: &str| key_at(text, &table, key);
        let Some(language) = translation.language() else {
            let (line, col) = at("");
            problems.push(
                Problem::error(
                    FILE,
                    format!(
                        "outturn cannot write its pages in {}: a translation is `[translations.cy]`, for Welsh",
                        quote(code)
                    ),
                )
                .at(line, col)
                .help(format!(
                    "for a Welsh site write `[translations.cy]`; otherwise remove `[{table}]`"
                )),
            );
            continue;
        };
        if Language::of_tag(&config.language) == language {
            let (line, col) = at("");
            problems.push(
                Problem::error(
                    FILE,
                    format!(
                        "the site is in this language already (`language = \"{}\"`), so `[{table}]` has nothing to add",
                        config.language
                    ),
                )
                .at(line, col)
                .help(format!(
                    "remove `[{table}]`, or set `language` to the language of the site's root"
                )),
            );
        }
        for (key, value) in [
            ("title", &translation.title),
            ("publisher", &translation.publisher),
        ] {
            if value.trim().is_empty() {
                let (line, col) = at(key);
                problems.push(
                    Problem::error(FILE, format!("`[{table}]` needs a `{key}`"))
                        .at(line, col)
                        .help(format!(
                            "add a line such as `{key} = \"...\"` under `[{table}]`, in the translation's language"
                        )),
                );
            }
        }
        for key in &translation.unknown_comparators {
            let (line, col) = key_at(text, &format!("{table}.comparators"), key);
            let known = config.comparators.keys().map(String::as_str);
            let help = suggest(key, known.clone()).unwrap_or_else(|| {
                format!(
                    "name only the comparators in `[comparators]`: {}",
                    known.collect::<Vec<_>>().join(", ")
                )
            });
            problems.push(
                Problem::error(
                    FILE,
                    format!(
                        "`[{table}.comparators]` names comparator {}, which `[comparators]` does not have",
                        quote(key)
                    ),
                )
                .at(line, col)
                .help(help),
            );
        }
    }
    problems
}

/// Where `key` is set in the TOML table `table` (`translations.cy`), or the
/// table's header line when the key is not there (or is "").
fn key_at(text: &str, table: &str, key: &str) -> (usize, usize) {
    let lines: Vec<&str> = text.lines().collect();
    let header = |line: &str| {
        let line = line.trim();
        line.strip_prefix('[')
            .and_then(|rest| rest.strip_suffix(']'))
            .is_some_and(|name| {
                name.split('.')
                    .map(|part| part.trim().trim_matches('"'))
                    .eq(table.split('.'))
            })
    };
    let Some(start) = lines.iter().position(|line| header(line)) else {
        // Written as dotted keys or only as a sub-table: the first line
        // that names it.
        let names = |line: &&str| line.replace(['"', ' '], "").contains(table);
        return lines.iter().position(names).map_or((1, 1), |n| (n + 1, 1));
    };
    let end = (start + 1..lines.len())
        .find(|&n| lines[n].trim_start().starts_with('['))
        .unwrap_or(lines.len());
    if !key.is_empty() {
        let within = lines[start + 1..end].join("\n");
        if let Some((line, col)) = find_key(&within, key, '=') {
            return (start + 1 + line, col);
        }
    }
    (start + 1, 1)
}
