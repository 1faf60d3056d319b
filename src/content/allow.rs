//! Warnings allowed where they are meant.
//!
//! A warning says something is probably wrong; sometimes the author knows it
//! is right ("placed after the age of 14" is no typed figure, a comparison
//! with last quarter may be written out on purpose). Then one kind of warning
//! can be allowed at one line of a content file, by an HTML comment on that
//! line or alone on the line before it:
//!
//! ```markdown
//! <!-- outturn: allow typed-figure -->
//! Placed after the age of 14, most stayed.
//! ```
//!
//! or in the whole file, by a list in its front matter:
//! `allow: [typed-figure, stale-period]`. Several ids may be named at once,
//! separated by commas or spaces. An allowed warning is not shown, but it is
//! counted ("2 warnings allowed"), so nothing is dropped unseen; an id that
//! names no kind of warning is itself a warning (`unknown-allow`).

use crate::problem::{Id, Problem, suggest};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What a comment must start with to allow warnings.
const MARK: &str = "outturn:";

/// What one content file allows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Allow {
    /// Kinds allowed in the whole file.
    file: Vec<Id>,
    /// Kinds allowed at a 1-based line.
    lines: Vec<(usize, Id)>,
}

impl Allow {
    /// Reads the front matter's `allow` list (`listed`, each with its line and
    /// column in the file) and the allow comments of `body`, whose first line
    /// is line `body_line` of `file`. An id that names no kind of warning is
    /// a warning of its own.
    pub fn read(
        file: &Path,
        listed: &[(String, (usize, usize))],
        body: &str,
        body_line: usize,
    ) -> (Allow, Vec<Problem>) {
        let mut allow = Allow::default();
        let mut problems = Vec::new();
        for (name, (line, column)) in listed {
            match Id::parse(name) {
                Some(id) => allow.file.push(id),
                None => problems.push(unknown(file, name, *line, *column)),
            }
        }
        let mut fence: Option<&str> = None;
        for (n, text) in body.lines().enumerate() {
            let line = body_line + n;
            let trimmed = text.trim_start();
            // A comment inside a code block is shown, not obeyed.
            if let Some(open) = fence {
                if trimmed.starts_with(open) {
                    fence = None;
                }
                continue;
            }
            if let Some(open) = ["```", "~~~"].into_iter().find(|f| trimmed.starts_with(f)) {
                fence = Some(open);
                continue;
            }
            for (at, comment) in comments(text) {
                let Some(rest) = comment.trim_start().strip_prefix(MARK) else {
                    continue;
                };
                let column = text[..at].chars().count() + 1;
                let Some(names) = rest.trim_start().strip_prefix("allow ") else {
                    problems.push(
                        Problem::warning(
                            Id::UnknownAllow,
                            file,
                            "an `outturn:` comment says what to allow: `<!-- outturn: allow typed-figure -->`",
                        )
                        .at(line, column)
                        .help(known_ids()),
                    );
                    continue;
                };
                // Alone on its line, a comment speaks for the line after it too.
                let alone = text.trim() == format!("<!--{comment}-->");
                for name in names.split([',', ' ']).filter(|s| !s.is_empty()) {
                    match Id::parse(name) {
                        Some(id) => {
                            allow.lines.push((line, id));
                            if alone {
                                allow.lines.push((line + 1, id));
                            }
                        }
                        None => {
                            // `name` is a slice of `text`: where it starts in it.
                            let byte = name.as_ptr() as usize - text.as_ptr() as usize;
                            let column = text[..byte].chars().count() + 1;
                            problems.push(unknown(file, name, line, column));
                        }
                    }
                }
            }
        }
        (allow, problems)
    }

    /// Whether `problem` (in this file) is of a kind allowed where it is.
    pub fn allows(&self, problem: &Problem) -> bool {
        let Some(id) = problem.id else {
            return false;
        };
        self.file.contains(&id)
            || problem
                .line
                .is_some_and(|line| self.lines.contains(&(line, id)))
    }
}

/// What every content file allows, by file.
#[derive(Debug, Clone, Default)]
pub struct Allows {
    files: BTreeMap<PathBuf, Allow>,
}

impl Allows {
    /// What `documents` allow.
    pub fn of<'a>(documents: impl IntoIterator<Item = &'a super::Document>) -> Allows {
        Allows {
            files: documents
                .into_iter()
                .filter(|d| d.allow != Allow::default())
                .map(|d| (d.file.clone(), d.allow.clone()))
                .collect(),
        }
    }

    /// Whether `problem` is a warning allowed where it is.
    pub fn allows(&self, problem: &Problem) -> bool {
        self.files
            .get(&problem.file)
            .is_some_and(|allow| allow.allows(problem))
    }
}

/// Whether `html` is one `<!-- outturn: … -->` comment and nothing else:
/// what the Markdown leaves out of the page.
pub fn is_comment(html: &str) -> bool {
    let html = html.trim();
    html.strip_prefix("<!--")
        .and_then(|rest| rest.strip_suffix("-->"))
        .is_some_and(|inside| inside.trim_start().starts_with(MARK) && !inside.contains("-->"))
}

/// The HTML comments in a line, outside code spans: where each starts, and
/// what is between `<!--` and `-->`.
fn comments(line: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(start) = line[from..].find("<!--").map(|i| from + i) {
        let Some(end) = line[start + 4..].find("-->").map(|i| start + 4 + i) else {
            break;
        };
        // Inside `code`, a comment is text about a comment.
        let in_code = line[..start].matches('`').count() % 2 == 1;
        if !in_code {
            found.push((start, &line[start + 4..end]));
        }
        from = end + 3;
    }
    found
}

/// The warning for `name`, allowed at a line and column but no kind of warning.
fn unknown(file: &Path, name: &str, line: usize, column: usize) -> Problem {
    let names = Id::ALL.iter().map(|id| id.as_str());
    let help = match suggest(name, names) {
        Some(guess) => format!("{guess} The kinds of warning are {}", id_list()),
        None => known_ids(),
    };
    Problem::warning(
        Id::UnknownAllow,
        file,
        format!(
            "{} is not a kind of warning, so nothing is allowed by it",
            crate::problem::quote(name)
        ),
    )
    .at(line, column)
    .help(help)
}

/// What to do, naming the ids a site may allow.
fn known_ids() -> String {
    format!("the kinds of warning are {}", id_list())
}

/// Every id, comma-separated.
fn id_list() -> String {
    let names: Vec<&str> = Id::ALL.iter().map(|id| id.as_str()).collect();
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(listed: &[&str], body: &str) -> (Allow, Vec<Problem>) {
        let listed: Vec<(String, (usize, usize))> =
            listed.iter().map(|s| (s.to_string(), (5, 9))).collect();
        Allow::read(Path::new("r.md"), &listed, body, 10)
    }

    fn warning(id: Id, line: usize) -> Problem {
        Problem::warning(id, "r.md", "x").at(line, 1)
    }

    #[test]
    fn a_comment_allows_its_kind_at_its_line_and_alone_at_the_next() {
        let body = "Some text.\n<!-- outturn: allow typed-figure -->\nAfter the age of 14.\nIn June, 30 children. <!-- outturn: allow stale-period, typed-figure -->\nNext line.\n";
        let (allow, problems) = read(&[], body);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(allow.allows(&warning(Id::TypedFigure, 12)));
        assert!(allow.allows(&warning(Id::TypedFigure, 11)));
        assert!(!allow.allows(&warning(Id::TypedFigure, 10)));
        assert!(!allow.allows(&warning(Id::StalePeriod, 12)));
        assert!(allow.allows(&warning(Id::StalePeriod, 13)));
        assert!(allow.allows(&warning(Id::TypedFigure, 13)));
        // Not alone on its line: the next line is not allowed.
        assert!(!allow.allows(&warning(Id::StalePeriod, 14)));
        assert!(!allow.allows(&warning(Id::TypedFigure, 14)));
    }

    #[test]
    fn a_front_matter_list_allows_its_kinds_in_the_whole_file() {
        let (allow, problems) = read(&["typed-figure", "stale-period"], "");
        assert!(problems.is_empty(), "{problems:?}");
        assert!(allow.allows(&warning(Id::TypedFigure, 40)));
        assert!(allow.allows(&Problem::warning(Id::StalePeriod, "r.md", "x")));
        assert!(!allow.allows(&warning(Id::TableCaption, 40)));
    }

    #[test]
    fn comments_in_code_are_not_obeyed() {
        let body = "```\n<!-- outturn: allow typed-figure -->\n```\nWrite `<!-- outturn: allow typed-figure -->` above it.\n";
        let (allow, problems) = read(&[], body);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(allow, Allow::default());
    }

    #[test]
    fn an_unknown_id_is_a_warning_naming_the_known_ones() {
        let (allow, problems) = read(
            &["typed-figures"],
            "x <!-- outturn: allow stale-periods -->\n<!-- outturn: alow typed-figure -->\n",
        );
        assert_eq!(allow, Allow::default());
        let ids: Vec<Option<Id>> = problems.iter().map(|p| p.id).collect();
        assert_eq!(ids, [Some(Id::UnknownAllow); 3]);
        let places: Vec<String> = problems.iter().map(|p| p.location()).collect();
        assert_eq!(places, ["r.md:5:9", "r.md:10:23", "r.md:11:1"]);
        let help = problems[0].help.as_deref().unwrap_or_default();
        assert!(
            help.starts_with(
                "did you mean `typed-figure`? The kinds of warning are typed-figure, "
            ) && help.contains("stale-period, stale-summary"),
            "{help}"
        );
    }

    #[test]
    fn a_site_allows_by_file() {
        let (allow, _) = read(&["table-caption"], "");
        let allows = Allows {
            files: [(PathBuf::from("r.md"), allow)].into(),
        };
        assert!(allows.allows(&warning(Id::TableCaption, 3)));
        assert!(!allows.allows(&Problem::warning(Id::TableCaption, "s.md", "x").at(3, 1)));
        assert!(!allows.allows(&Problem::error("r.md", "x").at(3, 1)));
    }
}
