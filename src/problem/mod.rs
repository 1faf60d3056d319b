//! Problems found in a site's files, gathered and reported together.
//!
//! A council analyst fixing a quarter's report wants every mistake at once, each
//! with the place to look and what to do, not one per build. So loading never stops
//! at the first problem: each stage pushes onto a [`Problems`] list and the build
//! stops only between stages, when it cannot go on without what failed.
//!
//! A message quotes what the user wrote, which may be anything: it is quoted
//! through [`quote`] and printed through [`printable`] (see [`text`]).

mod id;
mod text;

pub use id::Id;
pub use text::{QUOTED_CHARS, cut, find_key, line_col, printable, quote, suggest};

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The site cannot be built correctly.
    Error,
    /// The site builds, but something is probably wrong.
    Warning,
}

/// One problem, at a place in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// The kind of problem, by its stable id: every warning has one, so it
    /// can be allowed where it is meant.
    pub id: Option<Id>,
    /// The file, relative to the site root.
    pub file: PathBuf,
    /// The sheet, in a workbook: then the line and column are the cell's
    /// row and column, and the place is named as a spreadsheet names it.
    pub sheet: Option<Arc<String>>,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column in characters, when known.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
}

impl Problem {
    /// An error in `file`, not yet tied to a line.
    pub fn error(file: impl AsRef<Path>, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Error,
            id: None,
            file: file.as_ref().to_path_buf(),
            sheet: None,
            line: None,
            column: None,
            message: message.into(),
            help: None,
        }
    }

    /// A warning of kind `id` in `file`, not yet tied to a line.
    pub fn warning(id: Id, file: impl AsRef<Path>, message: impl Into<String>) -> Problem {
        Problem::error(file, message).into_warning(id)
    }

    /// The same problem as a warning of kind `id`: what stops a build may
    /// only be worth knowing in a preview.
    pub fn into_warning(self, id: Id) -> Problem {
        Problem {
            severity: Severity::Warning,
            id: Some(id),
            ..self
        }
    }

    /// Names the kind of problem.
    pub fn id(mut self, id: Id) -> Problem {
        self.id = Some(id);
        self
    }

    /// `warning[typed-figure]`, or `error` for an error with no id.
    fn heading(&self) -> String {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.id {
            Some(id) => format!("{severity}[{id}]"),
            None => severity.to_string(),
        }
    }

    /// Places the problem in a sheet of its file, a workbook: its line and
    /// column are then a cell's row and column.
    pub fn in_sheet(mut self, sheet: Option<Arc<String>>) -> Problem {
        self.sheet = sheet;
        self
    }

    /// Places the problem at a 1-based line and column.
    pub fn at(mut self, line: usize, column: usize) -> Problem {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// Places the problem at a 1-based line, column unknown.
    pub fn at_line(mut self, line: usize) -> Problem {
        self.line = Some(line);
        self
    }

    /// Adds what the user should do.
    pub fn help(mut self, help: impl Into<String>) -> Problem {
        self.help = Some(help.into());
        self
    }

    /// Adds help only when there is some.
    pub fn maybe_help(self, help: Option<String>) -> Problem {
        match help {
            Some(help) => self.help(help),
            None => self,
        }
    }

    /// `file:line:col`, as editors and terminals link it; in a workbook,
    /// `file: sheet 'Table 1', cell C4`, as a spreadsheet user finds it.
    pub fn location(&self) -> String {
        if let Some(sheet) = &self.sheet {
            let file = self.file.display();
            let sheet = printable(&sheet.replace('\'', "''")).into_owned();
            return match (self.line, self.column) {
                (Some(row), Some(column)) => {
                    format!("{file}: sheet '{sheet}', cell {}", cell_name(row, column))
                }
                (Some(row), None) => format!("{file}: sheet '{sheet}', row {row}"),
                _ => format!("{file}: sheet '{sheet}'"),
            };
        }
        let file = self.file.display();
        match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{file}:{line}:{column}"),
            (Some(line), None) => format!("{file}:{line}"),
            _ => file.to_string(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {}",
            self.location(),
            self.heading(),
            printable(&self.message)
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n    help: {}", printable(help))?;
        }
        Ok(())
    }
}

/// Every problem found so far.
#[derive(Debug, Default, Clone)]
pub struct Problems {
    list: Vec<Problem>,
    /// Warnings allowed where they are: counted, never shown as warnings.
    allowed: Vec<Problem>,
}

impl Problems {
    /// No problems yet.
    pub fn new() -> Problems {
        Problems::default()
    }

    /// Records a problem.
    pub fn push(&mut self, problem: Problem) {
        self.list.push(problem);
    }

    /// Records several problems.
    pub fn extend(&mut self, problems: impl IntoIterator<Item = Problem>) {
        self.list.extend(problems);
    }

    /// Records `other`'s problems, and its allowed warnings as allowed.
    pub fn append(&mut self, other: Problems) {
        self.list.extend(other.list);
        self.allowed.extend(other.allowed);
    }

    /// Sets aside the warnings `allowed` says were allowed where they are:
    /// they are no longer shown or counted as warnings, but are counted as
    /// allowed ([`Problems::allowed`]). Errors are never allowed.
    pub fn allow(&mut self, allowed: impl Fn(&Problem) -> bool) {
        let (set_aside, kept): (Vec<Problem>, Vec<Problem>) = std::mem::take(&mut self.list)
            .into_iter()
            .partition(|p| p.severity == Severity::Warning && allowed(p));
        self.list = kept;
        self.allowed.extend(set_aside);
    }

    /// The warnings allowed where they are, in the order of [`Problems::sorted`].
    pub fn allowed(&self) -> Vec<&Problem> {
        sorted(&self.allowed)
    }

    /// Whether `problem` is among them already.
    pub fn contains(&self, problem: &Problem) -> bool {
        self.list.contains(problem)
    }

    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.list.iter().any(|p| p.severity == Severity::Error)
    }

    /// How many problems are errors.
    pub fn error_count(&self) -> usize {
        self.list
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }

    /// How many problems are warnings.
    pub fn warning_count(&self) -> usize {
        self.list.len() - self.error_count()
    }

    /// The problems that are warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.list.iter().filter(|p| p.severity == Severity::Warning)
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The problems, in a stable order: by file, then line, then column.
    pub fn sorted(&self) -> Vec<&Problem> {
        sorted(&self.list)
    }

    /// Numbered, one problem a paragraph, as the command line prints them.
    pub fn report(&self) -> String {
        self.report_with(false)
    }

    /// As [`Problems::report`], in colour when `colour` is set (for a terminal).
    pub fn report_with(&self, colour: bool) -> String {
        report(&self.sorted(), colour)
    }

    /// The allowed warnings, numbered as [`Problems::report`] numbers problems.
    pub fn report_allowed(&self, colour: bool) -> String {
        report(&self.allowed(), colour)
    }
}

/// `list` sorted by file, then line, then column, each problem once.
fn sorted(list: &[Problem]) -> Vec<&Problem> {
    let mut list: Vec<&Problem> = list.iter().collect();
    list.sort_by(|a, b| {
        (&a.file, &a.sheet, a.line, a.column, a.severity, &a.message)
            .cmp(&(&b.file, &b.sheet, b.line, b.column, b.severity, &b.message))
    });
    list.dedup();
    list
}

/// Warnings of one kind shown for one file: past them, one line says how
/// many more there are (a million breakdown categories once printed 798,000).
pub const MAX_SHOWN_OF_A_KIND: usize = 20;

/// The line that stands for the warnings of `file` left out, by kind.
fn more_like_it(
    out: &mut String,
    file: &Path,
    more: &mut BTreeMap<&str, usize>,
    bold: &console::Style,
    yellow: &console::Style,
) {
    for (id, n) in std::mem::take(more) {
        out.push_str(&format!(
            "     {}: {}: and {n} more like it\n",
            bold.apply_to(file.display()),
            yellow.apply_to(format!("warning[{id}]"))
        ));
    }
}

/// Numbered, one problem a paragraph.
fn report(problems: &[&Problem], colour: bool) -> String {
    let style = |s: console::Style| s.force_styling(colour);
    let (bold, yellow) = (
        style(console::Style::new().bold()),
        style(console::Style::new().yellow().bold()),
    );
    let mut out = String::new();
    // How many warnings of each kind the file being listed has, and how
    // many of them are left out.
    let mut seen: HashMap<Id, usize> = HashMap::new();
    let mut more: BTreeMap<&str, usize> = BTreeMap::new();
    let mut n = 0;
    for (i, problem) in problems.iter().enumerate() {
        let last_of_file = problems
            .get(i + 1)
            .is_none_or(|next| next.file != problem.file);
        let left_out = match problem.id.filter(|_| problem.severity == Severity::Warning) {
            Some(id) => {
                let seen = seen.entry(id).or_default();
                *seen += 1;
                *seen > MAX_SHOWN_OF_A_KIND
            }
            None => false,
        };
        if left_out {
            *more.entry(problem.id.map_or("", Id::as_str)).or_default() += 1;
        } else {
            n += 1;
            push_problem(&mut out, n, problem, colour);
        }
        if last_of_file {
            more_like_it(&mut out, &problem.file, &mut more, &bold, &yellow);
            seen.clear();
        }
    }
    out
}

/// One problem's paragraph, numbered `n`.
fn push_problem(out: &mut String, n: usize, problem: &Problem, colour: bool) {
    let style = |s: console::Style| s.force_styling(colour);
    let (bold, red, yellow, cyan) = (
        style(console::Style::new().bold()),
        style(console::Style::new().red().bold()),
        style(console::Style::new().yellow().bold()),
        style(console::Style::new().cyan()),
    );
    let severity = match problem.severity {
        Severity::Error => red.apply_to(problem.heading()),
        Severity::Warning => yellow.apply_to(problem.heading()),
    };
    out.push_str(&format!(
        "{:>3}. {}: {severity}: {}\n",
        n,
        bold.apply_to(problem.location()),
        printable(&problem.message)
    ));
    if let Some(help) = &problem.help {
        out.push_str(&format!(
            "    {}: {}\n",
            cyan.apply_to("help"),
            printable(help)
        ));
    }
}

/// The problems shown: allowed warnings are left out.
impl IntoIterator for Problems {
    type Item = Problem;
    type IntoIter = std::vec::IntoIter<Problem>;
    fn into_iter(self) -> Self::IntoIter {
        self.list.into_iter()
    }
}

/// A cell's name in A1 notation from its 1-based row and column: (4, 3) is C4.
pub fn cell_name(row: usize, column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column.max(1);
    while n > 0 {
        n -= 1;
        letters.push(b'A' + (n % 26) as u8);
        n /= 26;
    }
    letters.reverse();
    format!("{}{row}", String::from_utf8_lossy(&letters))
}

/// `n` things in words that read naturally: "1 warning", "2 warnings".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// " (2 warnings allowed)" after a count of problems, or nothing when none was.
pub fn allowed(n: usize) -> String {
    match n {
        0 => String::new(),
        n => format!(" ({} allowed)", count(n, "warning", "warnings")),
    }
}

/// Raised when a build cannot go on; carries everything found.
#[derive(Debug)]
pub struct SiteProblems(pub Problems);

impl SiteProblems {
    /// The numbered problems and a closing count, in colour when `colour` is set.
    pub fn report_with(&self, colour: bool) -> String {
        format!(
            "{}\nthe site has {}; nothing was written",
            self.0.report_with(colour).trim_end(),
            self.counted()
        )
    }

    /// "2 errors", or "1 error and 3 warnings" when warnings were printed
    /// too, and "(1 warning allowed)" after it when one was allowed.
    pub fn counted(&self) -> String {
        let errors = count(self.0.error_count(), "error", "errors");
        let counted = match self.0.warning_count() {
            0 => errors,
            warnings => format!("{errors} and {}", count(warnings, "warning", "warnings")),
        };
        format!("{counted}{}", allowed(self.0.allowed().len()))
    }
}

impl fmt::Display for SiteProblems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.report_with(false))
    }
}

impl std::error::Error for SiteProblems {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn counts_read_naturally() {
        assert_eq!(count(0, "warning", "warnings"), "0 warnings");
        assert_eq!(count(1, "other page", "other pages"), "1 other page");
        assert_eq!(count(2, "report", "reports"), "2 reports");
    }

    #[test]
    fn a_failed_build_counts_its_errors_and_the_warnings_printed_with_them() {
        let mut problems = Problems::new();
        problems.push(Problem::error("a.csv", "bad"));
        assert_eq!(SiteProblems(problems.clone()).counted(), "1 error");
        problems.push(Problem::error("a.csv", "worse"));
        problems.push(Problem::warning(Id::Plausibility, "a.csv", "odd"));
        let report = SiteProblems(problems);
        assert_eq!(report.counted(), "2 errors and 1 warning");
        assert!(
            report
                .report_with(false)
                .ends_with("\nthe site has 2 errors and 1 warning; nothing was written")
        );
    }

    /// A file with thousands of warnings of one kind lists the first 20 and
    /// then one line for the rest; errors, and other kinds and files, are
    /// listed whole.
    #[test]
    fn repeated_warnings_of_one_kind_in_a_file_are_listed_twenty_then_counted() {
        let mut problems = Problems::new();
        for line in 1..=5000 {
            problems.push(Problem::warning(Id::Plausibility, "a.csv", "odd").at_line(line));
        }
        problems.push(Problem::warning(Id::TypedFigure, "a.csv", "typed").at_line(9000));
        problems.push(Problem::error("a.csv", "bad").at_line(9001));
        for line in 1..=3 {
            problems.push(Problem::warning(Id::Plausibility, "b.csv", "odd").at_line(line));
        }
        let report = problems.report();
        let lines: Vec<&str> = report.lines().collect();
        assert_eq!(lines.len(), 20 + 1 + 2 + 3, "{report}");
        assert!(
            lines[19].starts_with(" 20. a.csv:20: warning[plausibility]"),
            "{report}"
        );
        assert!(
            lines[20].starts_with(" 21. a.csv:9000: warning[typed-figure]"),
            "{report}"
        );
        assert!(lines[21].starts_with(" 22. a.csv:9001: error"), "{report}");
        assert_eq!(
            lines[22],
            "     a.csv: warning[plausibility]: and 4980 more like it"
        );
        assert!(
            lines[25].starts_with(" 25. b.csv:3: warning[plausibility]"),
            "{report}"
        );
        assert_eq!(problems.warning_count(), 5004);
    }

    #[test]
    fn a_problem_in_a_workbook_names_the_sheet_and_the_cell() {
        let p = Problem::error("data/q2.xlsx", "bad")
            .in_sheet(Some(Arc::new("Table 1".into())))
            .at(4, 3);
        assert_eq!(
            p.to_string(),
            "data/q2.xlsx: sheet 'Table 1', cell C4: error: bad"
        );
        let row = Problem::error("data/q2.xlsx", "x")
            .in_sheet(Some(Arc::new("Bob's".into())))
            .at_line(7);
        assert_eq!(row.location(), "data/q2.xlsx: sheet 'Bob''s', row 7");
        assert_eq!(cell_name(1, 1), "A1");
        assert_eq!(cell_name(10, 26), "Z10");
        assert_eq!(cell_name(2, 27), "AA2");
        assert_eq!(cell_name(3, 16384), "XFD3");
    }

    #[test]
    fn a_problem_in_a_workbook_keeps_the_workbook_as_its_file_and_sorts_by_sheet() {
        let sheet = |name: &str| Some(Arc::new(name.to_string()));
        let mut problems = Problems::new();
        problems.push(
            Problem::error("data/q2.xlsx", "b")
                .in_sheet(sheet("Table 2"))
                .at(1, 1),
        );
        problems.push(
            Problem::error("data/q2.xlsx", "a")
                .in_sheet(sheet("Table 1"))
                .at(9, 1),
        );
        let sorted = problems.sorted();
        assert_eq!(sorted[0].file, Path::new("data/q2.xlsx"));
        assert_eq!(
            sorted.iter().map(|p| p.location()).collect::<Vec<_>>(),
            [
                "data/q2.xlsx: sheet 'Table 1', cell A9",
                "data/q2.xlsx: sheet 'Table 2', cell A1"
            ]
        );
    }

    #[test]
    fn a_problem_prints_control_characters_escaped() {
        let problem = Problem::error("a.csv", "bad \u{1b}[31mred\u{7}")
            .at(1, 1)
            .help("no\0pe");
        let shown = problem.to_string();
        assert_eq!(
            shown,
            "a.csv:1:1: error: bad \\u{1b}[31mred\\u{7}\n    help: no\\0pe"
        );
        let mut problems = Problems::new();
        problems.push(problem);
        assert!(!problems.report().contains(['\u{1b}', '\0', '\u{7}']));
    }

    #[test]
    fn a_warning_shows_its_kind_as_linters_do() {
        let warning = Problem::warning(Id::TypedFigure, "r.md", "308 is typed in").at(7, 3);
        assert_eq!(warning.id, Some(Id::TypedFigure));
        assert_eq!(
            warning.to_string(),
            "r.md:7:3: warning[typed-figure]: 308 is typed in"
        );
        let error = Problem::error("r.md", "bad").at(1, 1);
        assert_eq!(error.to_string(), "r.md:1:1: error: bad");
        let gap = error.into_warning(Id::MissingFigure);
        assert_eq!(gap.to_string(), "r.md:1:1: warning[missing-figure]: bad");
        let mut problems = Problems::new();
        problems.push(warning);
        assert_eq!(
            problems.report(),
            "  1. r.md:7:3: warning[typed-figure]: 308 is typed in\n"
        );
    }

    #[test]
    fn an_allowed_warning_is_counted_as_allowed_not_dropped() {
        let mut problems = Problems::new();
        problems.push(Problem::warning(Id::TypedFigure, "r.md", "a").at(3, 1));
        problems.push(Problem::warning(Id::TypedFigure, "r.md", "b").at(4, 1));
        problems.push(Problem::warning(Id::StalePeriod, "r.md", "c").at(3, 1));
        problems.push(Problem::error("r.md", "d").id(Id::TypedFigure).at(3, 1));
        problems.allow(|p| p.id == Some(Id::TypedFigure) && p.line == Some(3));
        assert_eq!(problems.warning_count(), 2);
        assert_eq!(problems.error_count(), 1);
        let allowed: Vec<&str> = problems
            .allowed()
            .iter()
            .map(|p| p.message.as_str())
            .collect();
        assert_eq!(allowed, ["a"]);
        assert!(!problems.report().contains(": a\n"));
        assert!(
            problems
                .report_allowed(false)
                .contains("r.md:3:1: warning[typed-figure]: a")
        );
        let mut more = Problems::new();
        more.push(Problem::warning(Id::TableCaption, "s.md", "e"));
        more.allow(|_| true);
        problems.append(more);
        assert_eq!(problems.allowed().len(), 2);
        assert_eq!(
            SiteProblems(problems).counted(),
            "1 error and 2 warnings (2 warnings allowed)"
        );
    }

    #[test]
    fn reports_numbered_in_file_order() {
        let mut problems = Problems::new();
        problems.push(Problem::error("b.md", "second").at(2, 1));
        problems.push(Problem::error("a.md", "first").at(9, 3).help("fix it"));
        let report = problems.report();
        assert_eq!(
            report,
            "  1. a.md:9:3: error: first\n    help: fix it\n  2. b.md:2:1: error: second\n"
        );
    }
}
