//! `site.toml`: the site's settings.
//!
//! Unknown keys are an error, not ignored: `titel = "..."` must not silently
//! leave the site untitled.

use crate::problem::{Problem, find_key, line_col, suggest};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The file name, relative to the site root.
pub const FILE: &str = "site.toml";

/// The settings in `site.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The site's title, shown on every page.
    pub title: String,
    /// Who publishes the reports.
    pub publisher: String,
    /// The area the figures are about; rows without an area are this one.
    pub area: String,
    /// `lang` of every page; also decides number and date formats.
    pub language: String,
    /// The theme under `themes/`; `default` is built in.
    pub theme: String,
    /// Where `build` writes, relative to the site root.
    pub output_dir: String,
    /// Absolute URL of the published site, for feeds and sitemaps.
    pub base_url: String,
    /// The month the financial year starts in (4 = April).
    pub year_start_month: u8,
    /// Benchmark areas a report may compare against: key -> name.
    pub comparators: BTreeMap<String, String>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            title: String::new(),
            publisher: String::new(),
            area: String::new(),
            language: "en-GB".into(),
            theme: "default".into(),
            output_dir: "public".into(),
            base_url: String::new(),
            year_start_month: 4,
            comparators: BTreeMap::new(),
        }
    }
}

const KEYS: [&str; 9] = [
    "title",
    "publisher",
    "area",
    "language",
    "theme",
    "output_dir",
    "base_url",
    "year_start_month",
    "comparators",
];

impl Config {
    /// Parses and validates `site.toml`; every problem names its line.
    pub fn parse(text: &str) -> Result<Config, Vec<Problem>> {
        let config: Config = toml::from_str(text).map_err(|e| vec![toml_problem(text, &e)])?;
        let mut problems = Vec::new();
        let at = |key: &str| find_key(text, key, '=').unwrap_or((1, 1));
        for (key, value) in [("title", &config.title), ("publisher", &config.publisher)] {
            if value.trim().is_empty() {
                problems.push(
                    Problem::error(FILE, format!("`{key}` is required"))
                        .help(format!("add a line such as `{key} = \"...\"`")),
                );
            }
        }
        if config.area.trim().is_empty() {
            problems.push(
                Problem::error(FILE, "`area` is required: the area the figures are about")
                    .help("add a line such as `area = \"Thurrock\"`"),
            );
        }
        if !(1..=12).contains(&config.year_start_month) {
            let (line, col) = at("year_start_month");
            problems.push(
                Problem::error(
                    FILE,
                    "`year_start_month` must be a month number from 1 to 12",
                )
                .at(line, col)
                .help("UK councils' financial years start in April: `year_start_month = 4`"),
            );
        }
        if !is_language_tag(&config.language) {
            let (line, col) = at("language");
            problems.push(
                Problem::error(FILE, format!("`{}` is not a language tag", config.language))
                    .at(line, col)
                    .help("write a BCP 47 tag such as `en-GB` or `cy-GB`"),
            );
        }
        let absolute = ["https://", "http://"]
            .iter()
            .any(|s| config.base_url.starts_with(s));
        if !config.base_url.is_empty() && !absolute {
            let (line, col) = at("base_url");
            problems.push(
                Problem::error(FILE, "`base_url` must be an absolute URL")
                    .at(line, col)
                    .help("write it in full, e.g. `base_url = \"https://www.example.gov.uk/performance/\"`, or leave it empty"),
            );
        }
        for (key, name) in &config.comparators {
            if name.trim().is_empty() || name == &config.area {
                let (line, col) = at(key);
                problems.push(
                    Problem::error(
                        FILE,
                        format!("comparator `{key}` needs a name other than the site's area"),
                    )
                    .at(line, col),
                );
            }
        }
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(problems)
        }
    }
}

fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()))
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn toml_problem(text: &str, error: &toml::de::Error) -> Problem {
    let message = error.message().trim().to_string();
    let mut problem = Problem::error(FILE, message.clone());
    if let Some(span) = error.span() {
        let (line, col) = line_col(text, span.start);
        problem = problem.at(line, col);
    }
    if let Some(key) = message
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split('`').next())
    {
        problem.message = format!("unknown setting `{key}`");
        let hint =
            suggest(key, KEYS).unwrap_or_else(|| format!("the settings are {}", KEYS.join(", ")));
        problem = problem.help(hint);
    }
    problem
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str =
        "title = \"T\"\npublisher = \"P\"\narea = \"A\"\n[comparators]\nengland = \"England\"\n";

    #[test]
    fn parses_with_defaults() {
        let config = Config::parse(GOOD).unwrap();
        assert_eq!(config.language, "en-GB");
        assert_eq!(config.year_start_month, 4);
        assert_eq!(config.output_dir, "public");
        assert_eq!(config.comparators["england"], "England");
    }

    #[test]
    fn rejects_unknown_key_with_suggestion() {
        let text = "title = \"T\"\npublisher = \"P\"\narea = \"A\"\ntheeme = \"x\"\n";
        let problems = Config::parse(text).unwrap_err();
        assert_eq!(problems.len(), 1);
        let shown = problems[0].to_string();
        assert!(
            shown.starts_with("site.toml:4:1: error: unknown setting `theeme`"),
            "{shown}"
        );
        assert!(shown.contains("did you mean `theme`?"), "{shown}");
    }

    #[test]
    fn requires_title_publisher_and_area() {
        let problems = Config::parse("").unwrap_err();
        assert_eq!(problems.len(), 3);
    }

    #[test]
    fn rejects_bad_month_and_language() {
        let text = GOOD.to_string();
        let text = text.replacen(
            "area = \"A\"\n",
            "area = \"A\"\nyear_start_month = 13\nlanguage = \"English\"\n",
            1,
        );
        let problems = Config::parse(&text).unwrap_err();
        let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(
            shown[0].starts_with("site.toml:4:20: error: `year_start_month`"),
            "{shown:?}"
        );
        assert!(
            shown[1].starts_with("site.toml:5:12: error: `English` is not a language tag"),
            "{shown:?}"
        );
    }
}
