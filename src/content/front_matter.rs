//! Splitting a content file into YAML front matter and body, and reading the
//! front matter.
//!
//! Lines are counted as the user sees the file, so a problem in the body is
//! reported at its line in the `.md` file, front matter included.

use crate::period::{Date, Period};
use crate::problem::{Problem, find_key};
use serde::Deserialize;
use std::path::Path;

/// What a content file's front matter says.
#[derive(Debug, Clone, Default, Hash)]
pub struct FrontMatter {
    /// The page's title.
    pub title: String,
    /// Makes the file a report for this period.
    pub period: Option<Period>,
    /// The committee the report goes to.
    pub committee: Option<String>,
    /// The date of the meeting.
    pub meeting: Option<Date>,
    /// The date the report was published, when not the meeting date.
    pub published: Option<Date>,
    /// One sentence for the archive listing.
    pub summary: Option<String>,
    /// Indicators shown at the top of the report.
    pub key_figures: Vec<String>,
    /// Line and column of `key_figures` in the file, for problems.
    pub key_figures_at: (usize, usize),
    /// Left out of `build` unless `--drafts`.
    pub draft: bool,
    /// Kinds of warning allowed in the whole file, each with its line and
    /// column in the file (see `content::allow`).
    pub allow: Vec<(String, (usize, usize))>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    title: Option<String>,
    period: Option<serde_yaml::Value>,
    committee: Option<String>,
    meeting: Option<serde_yaml::Value>,
    published: Option<serde_yaml::Value>,
    summary: Option<String>,
    #[serde(default)]
    key_figures: Vec<String>,
    #[serde(default)]
    draft: bool,
    allow: Option<serde_yaml::Value>,
}

const FIELDS: [&str; 9] = [
    "title",
    "period",
    "committee",
    "meeting",
    "published",
    "summary",
    "key_figures",
    "draft",
    "allow",
];

/// A content file split in two.
#[derive(Debug)]
pub struct Split<'a> {
    /// The YAML between the `---` lines.
    pub yaml: &'a str,
    /// The Markdown after them.
    pub body: &'a str,
    /// The 1-based line of the body's first line in the file.
    pub body_line: usize,
}

/// Splits `text` at its `---` fences.
pub fn split<'a>(file: &Path, text: &'a str) -> Result<Split<'a>, Problem> {
    let Some(rest) = text.strip_prefix("---\n") else {
        return Err(Problem::error(file, "the file does not start with front matter")
            .at(1, 1)
            .help("start the file with a `---` line, then `title: ...` (and `period: ...` for a report), then another `---` line"));
    };
    let mut offset = 0;
    for (n, line) in rest.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            return Ok(Split {
                yaml: &rest[..offset],
                body: &rest[offset + line.len()..],
                body_line: n + 3,
            });
        }
        offset += line.len();
    }
    Err(Problem::error(file, "the front matter is not closed")
        .at(1, 1)
        .help("end the front matter with a line holding only `---`"))
}

/// Reads front matter; `year_start_month` is needed to read the period.
pub fn parse(file: &Path, yaml: &str, year_start_month: u8) -> Result<FrontMatter, Vec<Problem>> {
    // Front matter starts on the file's second line.
    let at = |key: &str| find_key(yaml, key, ':').map_or((2, 1), |(l, c)| (l + 1, c));
    let raw: Raw = match serde_yaml::from_str::<Option<Raw>>(yaml) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Err(vec![missing_title(file)]),
        Err(e) => {
            let text = e.to_string();
            let message = text.split(" at line ").next().unwrap_or(&text).to_string();
            let unknown = message
                .strip_prefix("unknown field `")
                .and_then(|r| r.split('`').next());
            let (line, col) = match (unknown, e.location()) {
                (Some(key), _) => (
                    at(key).0,
                    1 + yaml
                        .lines()
                        .nth(at(key).0 - 2)
                        .map_or(0, |l| l.len() - l.trim_start().len()),
                ),
                (None, Some(loc)) => (loc.line() + 1, loc.column()),
                (None, None) => (2, 1),
            };
            let help = match unknown {
                Some(key) => crate::problem::suggest(key, FIELDS)
                    .unwrap_or_else(|| format!("front matter may hold {}", FIELDS.join(", "))),
                None => {
                    "front matter is YAML: one `key: value` a line; quote values containing `: `"
                        .into()
                }
            };
            return Err(vec![
                Problem::error(file, format!("front matter: {message}"))
                    .at(line, col)
                    .help(help),
            ]);
        }
    };
    let mut problems = Vec::new();
    let title = raw.title.unwrap_or_default().trim().to_string();
    if title.is_empty() {
        problems.push(missing_title(file));
    }
    let mut period = None;
    if let Some(value) = &raw.period {
        let text = scalar(value);
        match Period::parse(&text, year_start_month) {
            Ok(p) => period = Some(p),
            Err(e) => {
                let (line, col) = at("period");
                problems.push(Problem::error(file, e.to_string()).at(line, col));
            }
        }
    }
    let mut date = |key: &str, value: &Option<serde_yaml::Value>| -> Option<Date> {
        let text = scalar(value.as_ref()?);
        let date = Date::parse_iso(&text);
        if date.is_none() {
            let (line, col) = at(key);
            problems.push(
                Problem::error(file, format!("`{text}` is not a date"))
                    .at(line, col)
                    .help(format!(
                        "write the {key} date as year-month-day, e.g. `{key}: 2023-09-05`"
                    )),
            );
        }
        date
    };
    let meeting = date("meeting", &raw.meeting);
    let published = date("published", &raw.published);
    // `allow: typed-figure` means a list of one.
    let allow = match &raw.allow {
        None => Vec::new(),
        Some(serde_yaml::Value::Sequence(items)) => items.iter().map(scalar).collect(),
        Some(serde_yaml::Value::String(names)) => names
            .split([',', ' '])
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        Some(_) => {
            let (line, col) = at("allow");
            problems.push(
                Problem::error(file, "`allow` lists kinds of warning")
                    .at(line, col)
                    .help("write them in brackets, e.g. `allow: [typed-figure, stale-period]`"),
            );
            Vec::new()
        }
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let non_empty = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(FrontMatter {
        title,
        period,
        committee: non_empty(raw.committee),
        meeting,
        published,
        summary: non_empty(raw.summary),
        key_figures: raw.key_figures,
        key_figures_at: at("key_figures"),
        draft: raw.draft,
        allow: allow
            .into_iter()
            .map(|name| {
                let place = place_in_list(yaml, "allow", &name).unwrap_or(at("allow"));
                (name, place)
            })
            .collect(),
    })
}

/// Line and column in the file of `item` in the list under `key`, written
/// `key: [a, b]` or as `- a` lines below it.
fn place_in_list(yaml: &str, key: &str, item: &str) -> Option<(usize, usize)> {
    let (key_line, _) = find_key(yaml, key, ':')?;
    yaml.lines()
        .enumerate()
        .skip(key_line - 1)
        .find_map(|(n, line)| {
            let byte = line.find(item)?;
            // Front matter starts on the file's second line.
            Some((n + 2, line[..byte].chars().count() + 1))
        })
}

fn missing_title(file: &Path) -> Problem {
    Problem::error(file, "the front matter has no title")
        .at(2, 1)
        .help("add a line such as `title: Children's Social Care Performance, Q1 2023-24`")
}

/// YAML reads `2022-23` as text but `2023` as a number; a period may be either.
fn scalar(value: &serde_yaml::Value) -> String {
    match value {
        serde_yaml::Value::String(s) => s.clone(),
        serde_yaml::Value::Number(n) => n.to_string(),
        other => serde_yaml::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_counts_body_lines_from_the_file_start() {
        let text = "---\ntitle: A\nperiod: 2023-24 Q1\n---\nFirst line\n";
        let split = split(Path::new("a.md"), text).unwrap();
        assert_eq!(split.yaml, "title: A\nperiod: 2023-24 Q1\n");
        assert_eq!(split.body, "First line\n");
        assert_eq!(split.body_line, 5);
    }

    #[test]
    fn reads_a_report() {
        let yaml = "title: Q1\nperiod: Q1 2023/24\nmeeting: 2023-09-05\nkey_figures: [cla_count]\n";
        let fm = parse(Path::new("a.md"), yaml, 4).unwrap();
        assert_eq!(fm.period.unwrap().slug(), "2023-24-q1");
        assert_eq!(fm.meeting.unwrap().long(), "5 September 2023");
        assert_eq!(fm.key_figures, ["cla_count"]);
        assert!(!fm.draft);
        assert!(fm.allow.is_empty());
    }

    #[test]
    fn reads_what_a_file_allows_with_each_name_where_it_is() {
        let yaml = "title: Q1\nallow: [typed-figure, stale-period]\n";
        let fm = parse(Path::new("a.md"), yaml, 4).unwrap();
        assert_eq!(
            fm.allow,
            [
                ("typed-figure".to_string(), (3, 9)),
                ("stale-period".to_string(), (3, 23))
            ]
        );
        let yaml = "title: Q1\nallow:\n  - table-caption\n";
        let fm = parse(Path::new("a.md"), yaml, 4).unwrap();
        assert_eq!(fm.allow, [("table-caption".to_string(), (4, 5))]);
        let fm = parse(Path::new("a.md"), "title: Q1\nallow: table-caption\n", 4).unwrap();
        assert_eq!(fm.allow, [("table-caption".to_string(), (3, 8))]);
        let problems = parse(Path::new("a.md"), "title: Q1\nallow: {a: 1}\n", 4).unwrap_err();
        assert!(
            problems[0]
                .to_string()
                .starts_with("a.md:3:8: error: `allow` lists kinds of warning"),
            "{problems:?}"
        );
    }

    #[test]
    fn names_bad_fields_at_their_line() {
        let yaml = "title: Q1\nperiod: Q5 2023-24\nmeeting: 5 Sept\n";
        let problems = parse(Path::new("a.md"), yaml, 4).unwrap_err();
        let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(
            shown[0].starts_with("a.md:3:9: error: `Q5 2023-24` is not a period"),
            "{shown:?}"
        );
        assert!(
            shown[1].starts_with("a.md:4:10: error: `5 Sept` is not a date"),
            "{shown:?}"
        );
        let problems = parse(Path::new("a.md"), "title: Q1\nperoid: 2023-24 Q1\n", 4).unwrap_err();
        let shown = problems[0].to_string();
        assert!(
            shown.starts_with("a.md:3:1: error: front matter: unknown field `peroid`"),
            "{shown}"
        );
        assert!(shown.contains("did you mean `period`?"), "{shown}");
    }

    #[test]
    fn rejects_missing_fences_and_titles() {
        assert!(split(Path::new("a.md"), "# Hello\n").is_err());
        assert!(split(Path::new("a.md"), "---\ntitle: x\n").is_err());
        assert!(parse(Path::new("a.md"), "summary: x\n", 4).is_err());
    }
}
