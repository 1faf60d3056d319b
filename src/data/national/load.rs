//! The figures indicators.yaml's `from:` entries ask of national files, as
//! rows like any data file's: the site's own area by `area_code`, each
//! comparator by its code, and each `average_of` comparator as the mean of
//! its councils.

use super::{Areas, Extract, Whose, average, is_national, read};
use crate::config::{self, ComparatorSource, Config};
use crate::data::indicators::{self, Indicator};
use crate::data::read::Record;
use crate::problem::{Problem, find_key, quote, suggest};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Whether a data file's text is a national statistics file's.
pub fn is_national_text(text: &str) -> bool {
    is_national(text.lines().next().unwrap_or(""))
}

/// A data file's text, and whether its header is a national file's: told
/// once, when deciding not to read it as a plain CSV file.
pub struct Text<'a> {
    /// The path, relative to the site root.
    pub file: PathBuf,
    /// Its text.
    pub text: &'a str,
    /// Whether [`is_national_text`] holds of it.
    pub national: bool,
}

/// Rows for every indicator with `from:`, read from the national files among
/// `files`; the problems; and the warnings about rows the site does not
/// read, for `check`.
pub fn rows(
    indicators: &BTreeMap<String, Indicator>,
    config: &Config,
    files: &[Text<'_>],
) -> (Vec<Record>, Vec<Problem>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut screened = Vec::new();
    let mut wanted: BTreeMap<PathBuf, Vec<Extract>> = BTreeMap::new();
    for indicator in indicators.values() {
        let Some(from) = &indicator.from else {
            continue;
        };
        wanted
            .entry(Path::new("data").join(&from.file))
            .or_default()
            .push(Extract {
                indicator: indicator.id.clone(),
                value: from.value.clone(),
                filters: from.filters.clone(),
                breakdown: from.breakdown.clone(),
                asked_at: Some((PathBuf::from(indicators::FILE), from.line)),
            });
    }
    if wanted.is_empty() {
        return (Vec::new(), problems, screened);
    }
    problems.extend(own_code_averaged(config));
    let (areas, members) = areas(config);
    if config.area_code.is_none() {
        problems.push(
            Problem::error(config::FILE, format!(
                "indicators read from national statistics files need the code of {} in them",
                quote(&config.area)
            ))
            .at_line(1)
            .help("add `area_code = \"E06000034\"` (the council's code, new or old, as the files give it) to site.toml"),
        );
    }
    let national: Vec<&Path> = files
        .iter()
        .filter(|f| f.national)
        .map(|f| f.file.as_path())
        .collect();
    let mut rows = Vec::new();
    for (path, extracts) in wanted {
        let Some(found) = files.iter().find(|f| f.file == path) else {
            for extract in &extracts {
                let listed: Vec<String> = national
                    .iter()
                    .map(|p| p.strip_prefix("data").unwrap_or(p).display().to_string())
                    .collect();
                let asked = path
                    .strip_prefix("data")
                    .unwrap_or(&path)
                    .display()
                    .to_string();
                let help = match suggest(&asked, listed.iter().map(String::as_str)) {
                    Some(near) => near,
                    None if listed.is_empty() => {
                        "put the file, as downloaded, under data/ and name its path from there"
                            .into()
                    }
                    None => format!(
                        "the national statistics files under data/ are {}",
                        listed.join(", ")
                    ),
                };
                problems.push(
                    Problem::error(
                        indicators::FILE,
                        format!(
                            "`{}` reads from {}, which is not under data/",
                            extract.indicator,
                            quote(&asked)
                        ),
                    )
                    .at_line(extract.asked_at.as_ref().map_or(1, |(_, l)| *l))
                    .help(help),
                );
            }
            continue;
        };
        if !found.national {
            for extract in &extracts {
                problems.push(
                    Problem::error(
                        indicators::FILE,
                        format!("`{}` reads from {}, which is not a national statistics file", extract.indicator, path.display()),
                    )
                    .at_line(extract.asked_at.as_ref().map_or(1, |(_, l)| *l))
                    .help("a national statistics file's header starts time_period, time_identifier, geographic_level, country_code, country_name; use the file as downloaded"),
                );
            }
            continue;
        }
        let reading = read(
            &path,
            found.text.as_bytes(),
            &extracts,
            &areas,
            config.year_start_month,
        );
        problems.extend(reading.problems);
        screened.extend(reading.screened);
        for code in &reading.codes_not_found {
            problems.push(code_not_found(config, code, &path));
        }
        let file: Arc<Path> = Arc::from(path.as_path());
        for mean in average(&reading.rows, &members) {
            rows.push(Record {
                indicator: extracts[mean.extract].indicator.clone(),
                period: mean.period,
                figure: mean.figure,
                area: Some(mean.comparator),
                breakdown: mean.breakdown,
                note: Some(mean.note),
                note_cy: None,
                file: file.clone(),
                sheet: None,
                line: 1,
                column: 1,
            });
        }
        rows.extend(reading.rows.into_iter().filter_map(|row| {
            let area = match row.whose {
                Whose::Own => None,
                Whose::Comparator(key) => Some(key),
                Whose::Member(_) => return None,
            };
            Some(Record {
                indicator: extracts[row.extract].indicator.clone(),
                period: row.period,
                figure: row.figure,
                area,
                breakdown: row.breakdown,
                note: None,
                note_cy: None,
                file: file.clone(),
                sheet: None,
                line: row.line,
                column: row.column,
            })
        }));
    }
    (rows, problems, screened)
}

/// The codes whose rows are read, and each `average_of` comparator's name
/// and councils.
fn areas(config: &Config) -> (Areas, BTreeMap<String, (String, Vec<String>)>) {
    let mut areas = Areas::default();
    let mut members = BTreeMap::new();
    if let Some(code) = &config.area_code {
        areas.add(code, Whose::Own);
    }
    for (key, source) in &config.comparator_sources {
        match source {
            ComparatorSource::Files => {}
            ComparatorSource::Code(code) => areas.add(code, Whose::Comparator(key.clone())),
            ComparatorSource::AverageOf(codes) => {
                for code in codes {
                    areas.add(code, Whose::Member(key.clone()));
                }
                members.insert(
                    key.clone(),
                    (config.comparators[key].clone(), codes.clone()),
                );
            }
        }
    }
    (areas, members)
}

/// A warning for each `average_of` comparator that names the site's own
/// area code: the council would be averaged into what it is compared with.
fn own_code_averaged(config: &Config) -> Vec<Problem> {
    let Some(own) = config.area_code.as_deref() else {
        return Vec::new();
    };
    let text = &config.text;
    (config.comparator_sources.iter())
        .filter(|(_, source)| {
            matches!(source, ComparatorSource::AverageOf(codes) if codes.iter().any(|c| c == own))
        })
        .map(|(key, _)| {
            let (line, column) = config::comparator_at(text, key, "average_of");
            // The code itself, on the comparator's line or after it.
            let from: usize = text.split_inclusive('\n').take(line - 1).map(str::len).sum();
            let (line, column) = text[from..]
                .find(&format!("\"{own}\""))
                .map_or((line, column), |at| crate::problem::line_col(text, from + at + 1));
            Problem::warning(
                crate::problem::Id::OwnCodeAveraged,
                config::FILE,
                format!(
                    "comparator `{key}` is an average that includes {}, the code of {} itself",
                    quote(own),
                    quote(&config.area)
                ),
            )
            .at(line, column)
            .help("the council's own figure would be averaged into what it is compared with: take its code out of `average_of`")
        })
        .collect()
}

/// A code no row of `file` has, placed at its line in site.toml.
fn code_not_found(config: &Config, code: &str, file: &Path) -> Problem {
    let text = &config.text;
    let (line, column) = text
        .find(&format!("\"{code}\""))
        .map(|at| crate::problem::line_col(text, at + 1))
        .or_else(|| find_key(text, "area_code", '='))
        .unwrap_or((1, 1));
    let whose = if config.area_code.as_deref() == Some(code) {
        format!("the code of {}", quote(&config.area))
    } else {
        "a comparator's code".into()
    };
    Problem::error(
        config::FILE,
        format!("no row of {} is for {} ({whose})", file.display(), quote(code)),
    )
    .at(line, column)
    .help("check the code: a council's new code (E06000034) or old one (883), a region's (E12000006) or England's (E92000001)")
}
