//! `content/`: reports and plain pages, from Markdown files with front matter.
//!
//! Loading reads and checks every file; evaluating placeholders and converting
//! Markdown happen later, in parallel, in the render stage.

pub mod allow;
pub mod exhibits;
pub mod front_matter;
#[cfg(test)]
mod hostile;
pub mod html_policy;
pub mod markdown;
mod options;
pub mod placeholders;
mod recovery;
pub mod stale;
pub mod tokens;
pub mod typed;

use crate::fsutil;
// The work budget lives with the theme, which also spends it; the bodies'
// evaluators here reach it as `super::budget`.
use crate::period::Period;
use crate::problem::Problem;
use crate::templates::budget;
use front_matter::FrontMatter;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// One content file, checked but not yet rendered.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file, relative to the site root.
    pub file: PathBuf,
    /// What its front matter says.
    pub front: FrontMatter,
    /// The Markdown body, placeholders not yet evaluated.
    pub body: String,
    /// The line of the body's first line in the file.
    pub body_line: usize,
    /// Where it is written, relative to the output: `reports/2023-24-q1/index.html`.
    pub output: String,
    /// The warnings it allows, and where.
    pub allow: allow::Allow,
}

impl Document {
    /// Whether the file is a report (it has a period).
    pub fn is_report(&self) -> bool {
        self.front.period.is_some()
    }

    /// A report if its front matter gives a period, else a plain page.
    pub fn kind(self) -> Kind {
        match self.front.period {
            Some(period) => Kind::Report(Report { doc: self, period }),
            None => Kind::Page(self),
        }
    }
}

/// A report: a document whose front matter gives its period, so code that
/// lists or links reports has the period as a plain value. Everything else
/// of the document is reached through it as through the document itself.
#[derive(Debug, Clone)]
pub struct Report {
    /// The file as read.
    pub doc: Document,
    /// The period it reports on, from its front matter.
    pub period: Period,
}

/// A document once it is known which it is.
#[derive(Debug, Clone)]
pub enum Kind {
    /// Its front matter gives a period.
    Report(Report),
    /// A plain page.
    Page(Document),
}

impl std::ops::Deref for Report {
    type Target = Document;

    fn deref(&self) -> &Document {
        &self.doc
    }
}

/// Reads every `.md` file under `content/`, in path order.
pub fn load(root: &Path, year_start_month: u8) -> (Vec<Document>, Vec<Problem>) {
    let dir = root.join("content");
    // Each file read and parsed on its own thread, then gathered in order.
    let loaded: Vec<(Option<Document>, Vec<Problem>)> =
        fsutil::files_with_extension(&dir, root, "md")
            .into_par_iter()
            .map(|file| load_one(root, &dir, file, year_start_month))
            .collect();
    let mut documents = Vec::with_capacity(loaded.len());
    let mut problems = Vec::new();
    for (document, found) in loaded {
        documents.extend(document);
        problems.extend(found);
    }
    (documents, problems)
}

/// One content file, `file` (relative to `root`), read and parsed.
fn load_one(
    root: &Path,
    dir: &Path,
    file: PathBuf,
    year_start_month: u8,
) -> (Option<Document>, Vec<Problem>) {
    let path = root.join(&file);
    let text = match fsutil::read_text(&path) {
        Ok(text) => fsutil::normalise_newlines(text),
        Err(e) => return (None, vec![fsutil::read_problem(&file, &e)]),
    };
    let split = match front_matter::split(&file, &text) {
        Ok(split) => split,
        Err(problem) => return (None, vec![problem]),
    };
    let front = match front_matter::parse(&file, split.yaml, year_start_month) {
        Ok(front) => front,
        Err(found) => return (None, found),
    };
    let relative = path.strip_prefix(dir).unwrap_or(&path);
    let output = match front.period {
        Some(period) => format!("reports/{}/index.html", period.slug()),
        None => page_output(&original_of(relative)),
    };
    // A twin in another language is published under that language's folder.
    let output = match twin_language(relative) {
        Some(code) => format!("{code}/{output}"),
        None => output,
    };
    let (allow, found) = allow::Allow::read(&file, &front.allow, split.body, split.body_line);
    let document = Document {
        allow,
        body: split.body.to_string(),
        body_line: split.body_line,
        front,
        file,
        output,
    };
    (Some(document), found)
}

/// `chart()` and `table()` make blocks (a figure, a table), which cannot sit
/// inside a sentence: each must be on a line of its own.
pub fn inline_exhibits(document: &Document) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (n, line) in document.body.lines().enumerate() {
        if !line.contains("{{") {
            continue;
        }
        for (call, what, forms, trimmed) in [
            (
                "chart(",
                "chart",
                ["{{ chart(", "{{chart("],
                ["{{- chart(", "{{-chart("],
            ),
            (
                "table(",
                "table",
                ["{{ table(", "{{table("],
                ["{{- table(", "{{-table("],
            ),
        ] {
            let place = |at: usize| (document.body_line + n, line[..at].chars().count() + 1);
            // `{{-` takes away the line break before it: the chart would
            // join the paragraph above.
            if let Some(at) = trimmed.iter().find_map(|t| line.find(t)) {
                let (line, column) = place(at);
                problems.push(
                    Problem::error(&document.file, format!("`{{{{- {call})` joins the {what} to the text before it"))
                        .at(line, column)
                        .help(format!("write `{{{{ {call}…) }}}}` on a line of its own, with a blank line before and after")),
                );
                continue;
            }
            let Some(at) = forms.iter().find_map(|f| line.find(f)) else {
                continue;
            };
            let alone = line.trim_start().starts_with("{{")
                && line.trim_end().ends_with("}}")
                && line.matches("{{").count() == 1;
            if !alone {
                let (line, column) = place(at);
                problems.push(
                    Problem::error(&document.file, format!("`{call})` is inside a line of text"))
                        .at(line, column)
                        .help("put each chart and table on a line of its own, with a blank line before and after"),
                );
            }
        }
    }
    problems
}

/// The code of the language `file` is a twin in: `cy` for `about.cy.md`.
pub fn twin_language(file: &Path) -> Option<&'static str> {
    let stem = file.file_stem()?.to_str()?;
    stem.ends_with(".cy").then_some("cy")
}

/// The file a twin is the twin of: `about.cy.md` → `about.md`; any other
/// file is its own.
pub fn original_of(file: &Path) -> PathBuf {
    match (
        twin_language(file),
        file.file_name().and_then(|n| n.to_str()),
    ) {
        (Some(code), Some(name)) => {
            let original = name.replacen(&format!(".{code}.md"), ".md", 1);
            file.with_file_name(original)
        }
        _ => file.to_path_buf(),
    }
}

/// `about.md` → `about/index.html`; `help/Contact us.md` → `help/contact-us/index.html`.
fn page_output(relative: &Path) -> String {
    let mut parts: Vec<String> = relative
        .parent()
        .into_iter()
        .flat_map(|p| p.components())
        .map(|c| markdown::slug(&c.as_os_str().to_string_lossy()))
        .collect();
    let stem = relative
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    if stem != "index" && stem != "_index" {
        parts.push(markdown::slug(&stem));
    }
    parts.push("index.html".into());
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_addressed_by_path() {
        assert_eq!(page_output(Path::new("about.md")), "about/index.html");
        assert_eq!(
            page_output(Path::new("help/Contact us.md")),
            "help/contact-us/index.html"
        );
        assert_eq!(page_output(Path::new("help/index.md")), "help/index.html");
    }

    #[test]
    fn a_twin_is_known_by_its_language_before_md() {
        assert_eq!(twin_language(Path::new("about.cy.md")), Some("cy"));
        assert_eq!(
            twin_language(Path::new("help/Contact us.cy.md")),
            Some("cy")
        );
        assert_eq!(twin_language(Path::new("about.md")), None);
        assert_eq!(twin_language(Path::new("policy.md")), None);
        assert_eq!(
            original_of(Path::new("help/about.cy.md")),
            Path::new("help/about.md")
        );
        assert_eq!(original_of(Path::new("about.md")), Path::new("about.md"));
    }

    #[test]
    fn a_document_with_a_period_is_a_report_of_that_period() {
        let document = |yaml: &str| Document {
            file: "a.md".into(),
            front: front_matter::parse(Path::new("a.md"), yaml, 4).unwrap(),
            body: String::new(),
            body_line: 1,
            output: String::new(),
            allow: Default::default(),
        };
        match document("title: Q1\nperiod: Q1 2023/24\n").kind() {
            Kind::Report(report) => assert_eq!(report.period.slug(), "2023-24-q1"),
            Kind::Page(_) => panic!("a document with a period is a report"),
        }
        assert!(matches!(document("title: About\n").kind(), Kind::Page(_)));
    }
}
