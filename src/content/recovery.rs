//! Finding every placeholder problem in a body, not just the first: after an
//! error, the failing expression is blanked out (keeping every line and
//! column where it was) and the body is evaluated again.
//!
//! The loop must always end, whatever the body: each round either finishes,
//! stops, or blanks out a stretch of the body that no earlier round touched,
//! so it runs at most once per byte of the body, and never more than
//! [`MAX_RENDERS`] times.

use super::budget;
use super::tokens::GAP;
use crate::problem::{Problem, line_col, suggest};
use crate::query::resolve::Fail;
use minijinja::{Error, ErrorKind};
use std::ops::Range;
use std::path::Path;

/// The placeholder functions, for suggestions.
const FUNCTIONS: [&str; 5] = ["value", "change", "benchmark", "chart", "table"];

/// How many problems one body may report before we stop looking.
pub(super) const MAX_PROBLEMS_PER_FILE: usize = 50;

/// How many times one body may be evaluated while looking for its problems.
pub(super) const MAX_RENDERS: usize = MAX_PROBLEMS_PER_FILE + 10;

/// Where earlier failures were blanked out.
#[derive(Debug, Default)]
pub(super) struct Blanked(Vec<Range<usize>>);

impl Blanked {
    /// Whether `range` touches a stretch already blanked out: an error there
    /// is the aftermath of an earlier one, not news.
    pub(super) fn overlaps(&self, range: &Range<usize>) -> bool {
        self.0
            .iter()
            .any(|b| b.start < range.end && range.start < b.end)
    }

    /// The body with the expression at `range` blanked out, if that makes
    /// progress: the stretch is new (it touches nothing blanked before) and
    /// the text changes. `None` means stop looking.
    pub(super) fn next(&mut self, source: &str, range: Range<usize>) -> Option<String> {
        self.next_with(source, range, "\"\"")
    }

    /// As [`Blanked::next`], putting the string literal `literal` in place
    /// of a failing `{{ … }}` expression when it fits (a tag's expression is
    /// blanked as usual: a gap cannot stand in an `if`).
    pub(super) fn next_with(
        &mut self,
        source: &str,
        range: Range<usize>,
        literal: &str,
    ) -> Option<String> {
        let (next, widened) = blank_out(source, range, literal)?;
        if self.overlaps(&widened) || widened.is_empty() || next == source {
            return None;
        }
        self.0.push(widened);
        Some(next)
    }
}

/// What blanking puts in place of the failing `{{ … }}` that made the
/// gap numbered `n`, when it fits: a string literal the formatter shows as
/// that gap.
pub(super) fn gap_literal(n: usize) -> String {
    format!("\"\\u{:04x}{n}\"", GAP as u32)
}

/// Each `{{ … }}` in `source` that is one placeholder call and nothing
/// else (`{{ value("x") }}`), on one line and without whitespace control:
/// the start of the call, the room blanking has there (see [`blank_out`]),
/// and the call. `None` if the body has a tag other than `if`, `elif`,
/// `else` and `endif`, or a comment: a call could then be reached more
/// than once, or out of order.
pub(super) fn print_sites(source: &str) -> Option<Vec<(usize, usize, &str)>> {
    let mut sites = Vec::new();
    let mut at = 0;
    while let Some(open) = source[at..].find('{').map(|i| i + at) {
        let rest = &source[open..];
        if rest.starts_with("{#") {
            return None;
        }
        if rest.starts_with("{%") {
            let close = rest.find("%}")?;
            let tag = rest[2..close].trim_start_matches(['-', '+']).trim_start();
            let word = tag.split(|c: char| !c.is_ascii_alphanumeric()).next()?;
            if !["if", "elif", "else", "endif"].contains(&word) {
                return None;
            }
            at = open + close + 2;
            continue;
        }
        if !rest.starts_with("{{") {
            at = open + 1;
            continue;
        }
        let close = rest.find("}}")?;
        let inner = &rest[2..close];
        at = open + close + 2;
        let call = inner.trim();
        let plain =
            !inner.contains('\n') && !inner.starts_with(['-', '+']) && !inner.ends_with(['-', '+']);
        if plain && FUNCTIONS[..3].iter().any(|f| is_call(call, f)) {
            let start = open + 2 + (inner.len() - inner.trim_start().len());
            sites.push((start, inner.chars().count(), call));
        }
    }
    Some(sites)
}

/// Whether `text` is one call of `function`, its closing bracket the last
/// character (not `value("x").text`, nor `value("x") ~ value("y")`).
fn is_call(text: &str, function: &str) -> bool {
    let Some(args) = text
        .strip_prefix(function)
        .and_then(|t| t.strip_prefix('('))
    else {
        return false;
    };
    let (mut depth, mut quote) = (1usize, None);
    for (i, c) in args.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '(' | '[' | '{') => depth += 1,
            (None, ')' | ']' | '}') => {
                depth -= 1;
                if depth == 0 {
                    return i + 1 == args.len();
                }
            }
            _ => {}
        }
    }
    false
}

/// Replaces the failing expression with `""` (or `literal`, in a `{{ … }}`
/// where it fits), padded to the same length and keeping its line breaks, so
/// every later line and column stays put.
fn blank_out(source: &str, range: Range<usize>, literal: &str) -> Option<(String, Range<usize>)> {
    let (range, printed) = widen_to_print(source, range);
    let failing = source.get(range.clone())?;
    if failing.len() < 2 {
        return None;
    }
    let fits = printed && literal.len() <= failing.chars().count() && !failing.contains('\n');
    let literal = if fits { literal } else { "\"\"" };
    let mut replacement = String::from(literal);
    replacement.extend(
        failing
            .chars()
            .skip(literal.len())
            .map(|c| if c == '\n' { '\n' } else { ' ' }),
    );
    // Pad by bytes: a multi-byte character is replaced by as many spaces.
    while replacement.len() < failing.len() {
        replacement.push(' ');
    }
    replacement.truncate(failing.len());
    let mut next = source.to_string();
    next.replace_range(range.clone(), &replacement);
    Some((next, range))
}

/// A failing call inside `{{ … }}` takes the whole expression with it, so that
/// `{{ value("x").period }}` does not fail a second time on `"".period`.
/// Says whether the range is now a whole `{{ … }}` expression.
fn widen_to_print(source: &str, range: Range<usize>) -> (Range<usize>, bool) {
    let before = source.get(..range.start).unwrap_or("");
    let Some(open) = before.rfind("{{") else {
        return (widen_to_tag(source, range), false);
    };
    let closed_since = [before.rfind("}}"), before.rfind("{%"), before.rfind("%}")]
        .into_iter()
        .flatten()
        .any(|i| i > open);
    match source.get(range.end..).and_then(|after| after.find("}}")) {
        Some(close) if !closed_since => (open + 2..range.end + close, true),
        // The `{{ … }}` before is closed: the call is in a tag after it.
        _ => (widen_to_tag(source, range), false),
    }
}

/// A failing call inside `{% if … %}` (or `for … in …`, `set … =`) takes the
/// tag's whole expression with it: `{% if "" %}` is harmless where
/// `{% if "".number > 3 %}` would fail again.
fn widen_to_tag(source: &str, range: Range<usize>) -> Range<usize> {
    let before = source.get(..range.start).unwrap_or("");
    let (Some(open), Some(close)) = (
        before.rfind("{%"),
        source
            .get(range.end..)
            .and_then(|after| after.find("%}"))
            .map(|c| c + range.end),
    ) else {
        return range;
    };
    if [before.rfind("%}"), before.rfind("{{"), before.rfind("}}")]
        .into_iter()
        .flatten()
        .any(|i| i > open)
    {
        return range;
    }
    let inner = &source[open + 2..close];
    let keyword_end = if let Some(i) = inner
        .find(" in ")
        .filter(|_| inner.trim_start().starts_with("for "))
    {
        i + " in ".len()
    } else if let Some(i) = inner
        .find('=')
        .filter(|_| inner.trim_start().starts_with("set "))
    {
        i + 1
    } else {
        let lead = inner.len() - inner.trim_start().len();
        lead + inner.trim_start().find(char::is_whitespace).unwrap_or(0)
    };
    let start = open + 2 + keyword_end;
    let end = close - (inner.len() - inner.trim_end().len());
    if start < end && start <= range.start && range.end <= end {
        start..end
    } else {
        range
    }
}

/// The problem `fail` makes at the call starting at `start` in `source`: the
/// one [`problem`] makes of the error the call fails with.
pub(super) fn fail_problem(
    file: &Path,
    source: &str,
    first_line: usize,
    start: usize,
    fail: &Fail,
) -> Problem {
    let (line, column) = line_col(source, start.min(source.trim_end().len()));
    let problem = Problem::error(file, fail.message.clone()).maybe_help(fail.help.clone());
    if column == 0 {
        problem.at_line(first_line + line - 1)
    } else {
        problem.at(first_line + line - 1, column)
    }
}

/// Turns a template error into a problem at its place in the `.md` file.
pub(super) fn problem(file: &Path, source: &str, first_line: usize, error: &Error) -> Problem {
    let (line, column) = match (error.range(), error.line()) {
        // An error at the very end (an unclosed `{% raw %}`) is placed at
        // the end of the last line, not on a line past the body.
        (Some(range), _) => line_col(source, range.start.min(source.trim_end().len())),
        (None, Some(line)) => (line.min(source.lines().count().max(1)), 0),
        (None, None) => (1, 0),
    };
    let expression = error
        .range()
        .and_then(|r| source.get(r))
        .unwrap_or("")
        .trim()
        .to_string();
    let detail = error.detail().unwrap_or("").to_string();
    let (message, help) = if let Some(f) =
        std::error::Error::source(error).and_then(|s| s.downcast_ref::<Fail>())
    {
        (f.message.clone(), f.help.clone())
    } else {
        match error.kind() {
            ErrorKind::UnknownFunction => {
                let name = detail.strip_suffix(" is unknown").unwrap_or(&detail).to_string();
                (
                    format!("unknown placeholder `{name}`"),
                    Some(suggest(&name, FUNCTIONS).unwrap_or_else(|| {
                        format!("the placeholders are {}", FUNCTIONS.map(|f| format!("{f}()")).join(", "))
                    })),
                )
            }
            ErrorKind::OutOfFuel => (
                budget::OUT_OF_FUEL.to_string(),
                Some(budget::OUT_OF_FUEL_HELP.to_string()),
            ),
            ErrorKind::SyntaxError => (
                format!("placeholder syntax error: {detail}"),
                Some("write placeholders as {{ value(\"cla_count\") }}; check the brackets and quotes".into()),
            ),
            ErrorKind::UndefinedError => (
                format!("`{expression}` is not defined here"),
                Some("reports know `period`; figures come from value(), change() and benchmark()".into()),
            ),
            ErrorKind::MissingArgument => (
                format!("`{expression}` is missing an argument"),
                Some("value(), change() and benchmark() start with an indicator id in quotes, e.g. value(\"cla_count\")".into()),
            ),
            _ => (
                format!("{}: {}", error.kind(), if detail.is_empty() { &expression } else { &detail }),
                None,
            ),
        }
    };
    let problem = Problem::error(file, message).maybe_help(help);
    if column == 0 {
        problem.at_line(first_line + line - 1)
    } else {
        problem.at(first_line + line - 1, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each round must blank out somewhere new, or the loop could go round
    /// for ever on an error that blanking does not remove.
    #[test]
    fn blanking_stops_where_it_would_not_make_progress() {
        let source = "a {{ value(\"x\") }} b {{ value(\"y\") }}";
        let mut blanked = Blanked::default();
        let first = source.find("value(\"x\")").unwrap();
        let next = blanked.next(source, first..first + 10).unwrap();
        assert_eq!(next.len(), source.len());
        assert!(
            next.contains("{{\"\"") && next.contains("value(\"y\")"),
            "{next}"
        );
        // The same place again, or any place inside what was blanked: stop.
        assert_eq!(blanked.next(&next, first..first + 10), None);
        assert_eq!(blanked.next(&next, first + 2..first + 4), None);
        // Somewhere new goes on.
        let second = next.find("value(\"y\")").unwrap();
        assert!(blanked.next(&next, second..second + 10).is_some());
    }
}
