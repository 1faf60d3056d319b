//! `site.toml`: the site's settings.
//!
//! Unknown keys are an error, not ignored: `titel = "..."` must not silently
//! leave the site untitled.

use crate::problem::{Problem, find_key, line_col, suggest};
use serde::Deserialize;
use std::collections::BTreeMap;

mod translations;
pub use translations::Translation;

/// The file name, relative to the site root.
pub const FILE: &str = "site.toml";

/// The settings in `site.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(from = "Raw")]
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
    /// Whether every published report is also written as a PDF (PDF/UA-1)
    /// beside its page.
    pub pdf: bool,
    /// The council's code in national statistics files (`E06000034`, or the
    /// old three-digit code), if its figures are read from them.
    pub area_code: Option<String>,
    /// Benchmark areas a report may compare against: key -> name.
    pub comparators: BTreeMap<String, String>,
    /// Where each comparator's figures come from, by key.
    pub comparator_sources: BTreeMap<String, ComparatorSource>,
    /// The council's look: header colour and logo.
    pub brand: Brand,
    /// The site again in other languages: `[translations.cy]`.
    pub translations: Vec<Translation>,
    /// site.toml as written, to place problems found after it is read (a
    /// comparator's code that a national file does not have).
    pub text: String,
}

/// `[brand]`: the council's colour and logo, on every page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Brand {
    /// The header's background, `#rrggbb`; white text on it keeps 4.5:1.
    pub colour: Option<String>,
    /// An image in static/, shown in the header of every page.
    pub logo: Option<String>,
    /// The logo's text alternative, usually the council's name.
    pub logo_alt: Option<String>,
}

/// Where a comparator's figures come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ComparatorSource {
    /// Only the site's own data files (`sn = "Statistical neighbours"`).
    Files,
    /// The rows of an area code in national statistics files: England's,
    /// a region's or another council's.
    Code(String),
    /// The mean of these councils' figures in national statistics files.
    AverageOf(Vec<String>),
}

/// `site.toml` as written; [`Config`] is made from it.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Raw {
    title: String,
    publisher: String,
    area: String,
    area_code: Option<String>,
    language: String,
    theme: String,
    output_dir: String,
    base_url: String,
    year_start_month: u8,
    pdf: bool,
    comparators: BTreeMap<String, RawComparator>,
    brand: Brand,
    translations: BTreeMap<String, translations::Raw>,
}

impl Default for Raw {
    fn default() -> Raw {
        let config = Config::default();
        Raw {
            title: config.title,
            publisher: config.publisher,
            area: config.area,
            area_code: None,
            language: config.language,
            theme: config.theme,
            output_dir: config.output_dir,
            base_url: config.base_url,
            year_start_month: config.year_start_month,
            pdf: config.pdf,
            comparators: BTreeMap::new(),
            brand: Brand::default(),
            translations: BTreeMap::new(),
        }
    }
}

/// A comparator: a name, or a table with its name and where its figures are.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawComparator {
    Name(String),
    Table(ComparatorTable),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ComparatorTable {
    name: String,
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    average_of: Option<Vec<String>>,
}

impl From<Raw> for Config {
    fn from(raw: Raw) -> Config {
        let mut comparators = BTreeMap::new();
        let mut comparator_sources = BTreeMap::new();
        for (key, entry) in raw.comparators {
            let (name, source) = match entry {
                RawComparator::Name(name) => (name, ComparatorSource::Files),
                RawComparator::Table(table) => {
                    let source = match (table.code, table.average_of) {
                        (Some(code), _) => ComparatorSource::Code(code.trim().to_string()),
                        (None, Some(codes)) => ComparatorSource::AverageOf(
                            codes.iter().map(|c| c.trim().to_string()).collect(),
                        ),
                        (None, None) => ComparatorSource::Files,
                    };
                    (table.name, source)
                }
            };
            comparators.insert(key.clone(), name);
            comparator_sources.insert(key, source);
        }
        let translations = translations::from_raw(raw.translations, &raw.area, &comparators);
        Config {
            title: raw.title,
            publisher: raw.publisher,
            area: raw.area,
            area_code: raw.area_code.map(|c| c.trim().to_string()),
            language: raw.language,
            theme: raw.theme,
            output_dir: raw.output_dir,
            base_url: raw.base_url,
            year_start_month: raw.year_start_month,
            pdf: raw.pdf,
            comparators,
            comparator_sources,
            brand: raw.brand,
            translations,
            text: String::new(),
        }
    }
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
            pdf: false,
            area_code: None,
            comparators: BTreeMap::new(),
            comparator_sources: BTreeMap::new(),
            brand: Brand::default(),
            translations: Vec::new(),
            text: String::new(),
        }
    }
}

const KEYS: [&str; 16] = [
    "title",
    "publisher",
    "area",
    "area_code",
    "language",
    "theme",
    "output_dir",
    "base_url",
    "year_start_month",
    "pdf",
    "comparators",
    "brand",
    "colour",
    "logo",
    "logo_alt",
    "translations",
];

impl Config {
    /// The translation that publishes the site in `language` under its
    /// folder (`[translations.cy]` for Welsh); none for the site's own
    /// language, which is published at the root.
    pub fn translation_in(&self, language: crate::i18n::Language) -> Option<&Translation> {
        if language == crate::i18n::Language::of_tag(&self.language) {
            return None;
        }
        self.translations
            .iter()
            .find(|t| t.language() == Some(language))
    }

    /// Parses and validates `site.toml`; every problem names its line.
    pub fn parse(text: &str) -> Result<Config, Vec<Problem>> {
        let mut config: Config = toml::from_str(text).map_err(|e| vec![toml_problem(text, &e)])?;
        config.text = text.to_string();
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
        if config.area_code.as_deref().is_some_and(str::is_empty) {
            let (line, col) = at("area_code");
            problems.push(
                Problem::error(FILE, "`area_code` is empty")
                    .at(line, col)
                    .help("write the council's code as national statistics files give it, e.g. `area_code = \"E06000034\"`, or leave the line out"),
            );
        }
        for (key, source) in &config.comparator_sources {
            let (line, col) = at(key);
            let problem = match source {
                ComparatorSource::Code(code) if code.is_empty() => Some("has an empty `code`"),
                ComparatorSource::AverageOf(codes) if codes.is_empty() => {
                    Some("is the average of no councils")
                }
                ComparatorSource::AverageOf(codes) if codes.iter().any(String::is_empty) => {
                    Some("lists an empty code in `average_of`")
                }
                _ => None,
            };
            if let Some(problem) = problem {
                problems.push(
                    Problem::error(FILE, format!("comparator `{key}` {problem}"))
                        .at(line, col)
                        .help("give a code, e.g. `england = { name = \"England\", code = \"E92000001\" }`, or the councils whose mean it is, e.g. `sn = { name = \"Statistical neighbours\", average_of = [\"E06000035\", \"E06000030\"] }`"),
                );
            }
        }
        problems.extend(brand_problems(&config.brand, &at));
        problems.extend(translations::problems(&config, text));
        for key in both_sources(text) {
            let (line, col) = comparator_at(text, &key, "average_of");
            problems.push(
                Problem::error(FILE, format!("comparator `{key}` has both a `code` and an `average_of`"))
                    .at(line, col)
                    .help("a comparator is one area's figures (`code`) or the mean of several councils' (`average_of`), not both: keep the one you mean"),
            );
        }
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(problems)
        }
    }
}

/// The least contrast white text may have on the header's colour (WCAG 1.4.3).
const HEADER_CONTRAST: f64 = 4.5;

/// What is wrong with `[brand]`: a colour white text cannot be read on, an
/// image type a browser may not show, a logo with no text alternative.
fn brand_problems(brand: &Brand, at: &dyn Fn(&str) -> (usize, usize)) -> Vec<Problem> {
    let mut problems = Vec::new();
    if let Some(colour) = &brand.colour {
        let (line, col) = at("colour");
        match parse_colour(colour) {
            None => problems.push(
                Problem::error(
                    FILE,
                    format!(
                        "`brand.colour` {} is not a colour",
                        crate::problem::quote(colour)
                    ),
                )
                .at(line, col)
                .help("write it as a web colour, e.g. `colour = \"#00703c\"`"),
            ),
            Some(rgb) => {
                let contrast = contrast_with_white(rgb);
                if contrast < HEADER_CONTRAST {
                    // Shown rounded down, so a colour just short is not shown as 4.5:1.
                    let shown = (contrast * 100.0).floor() / 100.0;
                    problems.push(
                        Problem::error(
                            FILE,
                            format!("`brand.colour` {} gives the header's white text a contrast of {shown:.2}:1, below the 4.5:1 it needs", crate::problem::quote(colour)),
                        )
                        .at(line, col)
                        .help("choose a darker shade of the colour: a contrast checker shows its contrast against white (#ffffff)"),
                    );
                }
            }
        }
    }
    if let Some(logo) = &brand.logo {
        let (line, col) = at("logo");
        if logo_type(logo).is_none() {
            problems.push(
                Problem::error(
                    FILE,
                    format!(
                        "`brand.logo` {} is not an SVG, PNG, JPEG, GIF or WebP image",
                        crate::problem::quote(logo)
                    ),
                )
                .at(line, col)
                .help("name an image file in static/, e.g. `logo = \"council-logo.svg\"`"),
            );
        }
        if brand
            .logo_alt
            .as_deref()
            .is_none_or(|alt| alt.trim().is_empty())
        {
            problems.push(
                Problem::error(FILE, "`brand.logo` needs `brand.logo_alt`, the logo's text for people who cannot see it")
                    .at(line, col)
                    .help("add a line such as `logo_alt = \"Testshire Council\"` under [brand]"),
            );
        }
    }
    problems
}

/// `#rrggbb` or `#rgb`.
fn parse_colour(text: &str) -> Option<[u8; 3]> {
    let hex = text.trim().strip_prefix('#')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |s: &str| u8::from_str_radix(s, 16).ok();
    match hex.len() {
        6 => Some([
            channel(&hex[0..2])?,
            channel(&hex[2..4])?,
            channel(&hex[4..6])?,
        ]),
        3 => {
            let short = |i: usize| channel(&hex[i..=i]).map(|v| v * 17);
            Some([short(0)?, short(1)?, short(2)?])
        }
        _ => None,
    }
}

/// The contrast ratio of white with `rgb`, as WCAG 2 works it out.
fn contrast_with_white(rgb: [u8; 3]) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
    1.05 / (luminance + 0.05)
}

/// The media type of a logo, by its file's extension.
pub fn logo_type(path: &str) -> Option<&'static str> {
    let extension = path.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match extension.as_str() {
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        _ => return None,
    })
}

/// The comparators given both `code` and `average_of`: only one can say
/// whose figures they are.
fn both_sources(text: &str) -> Vec<String> {
    if !text.contains("average_of") {
        return Vec::new();
    }
    let Ok(table) = toml::from_str::<toml::Table>(text) else {
        return Vec::new();
    };
    let Some(comparators) = table.get("comparators").and_then(toml::Value::as_table) else {
        return Vec::new();
    };
    comparators
        .iter()
        .filter(|(_, entry)| {
            entry
                .as_table()
                .is_some_and(|t| t.contains_key("code") && t.contains_key("average_of"))
        })
        .map(|(key, _)| key.clone())
        .collect()
}

/// Where comparator `key` is written in site.toml, at its `setting` if that
/// is on the comparator's line or in its own `[comparators.key]` table, or
/// else at the key.
pub fn comparator_at(text: &str, key: &str, setting: &str) -> (usize, usize) {
    let lines: Vec<&str> = text.lines().collect();
    let header = |line: &str| {
        let line = line.trim();
        line.strip_prefix("[comparators.")
            .and_then(|rest| rest.strip_suffix(']'))
            .is_some_and(|name| name.trim().trim_matches('"') == key)
    };
    if let Some(start) = lines.iter().position(|l| header(l)) {
        let end = (start + 1..lines.len())
            .find(|&n| lines[n].trim_start().starts_with('['))
            .unwrap_or(lines.len());
        let within = lines[start + 1..end].join("\n");
        return match find_key(&within, setting, '=') {
            Some((line, col)) => (start + 1 + line, col),
            None => (start + 1, 1),
        };
    }
    let Some((line, col)) = find_key(text, key, '=') else {
        return (1, 1);
    };
    match lines[line - 1].find(setting) {
        Some(at) => (line, lines[line - 1][..at].chars().count() + 1),
        None => (line, col),
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
    if message.contains("untagged enum RawComparator") {
        problem.message =
            "a comparator is a name or a table with `name` and `code` or `average_of`".into();
        problem = problem.help("e.g. `sn = \"Statistical neighbours\"`, `england = { name = \"England\", code = \"E92000001\" }` or `sn = { name = \"Statistical neighbours\", average_of = [\"E06000035\", \"E06000030\"] }`");
        return problem;
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
mod tests;
