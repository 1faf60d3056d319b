//! Places in a YAML text, for problems found after parsing it, and problems
//! for a YAML text that cannot be parsed.

use crate::problem::{Problem, QUOTED_CHARS, cut, printable};

/// A problem for a YAML file that cannot be read at all, at the place the
/// parser stopped, or for a file whose aliases would expand past the
/// parser's limits, at the first alias.
pub(crate) fn yaml_problem(file: &str, text: &str, e: &serde_yaml::Error) -> Problem {
    let message = e.to_string();
    if message.starts_with("repetition limit exceeded")
        || message.starts_with("recursion limit exceeded")
    {
        let (line, column, key) = first_alias(text).unwrap_or((1, 1, String::new()));
        let what = if key.is_empty() {
            "an alias".to_string()
        } else {
            format!("{}'s alias", crate::problem::quote(&key))
        };
        return Problem::error(
            file,
            format!("{what} expands too far to read: the file's aliases repeat their values too many times"),
        )
        .at(line, column)
        .help("write the values out in full instead of using `&anchor` and `*alias`");
    }
    // serde_yaml appends " at line L column C"; the problem carries the place.
    let message = match message.find(" at line ") {
        Some(i) => &message[..i],
        None => &message,
    };
    // serde quotes the text it could not read, however long it is.
    let mut problem = Problem::error(
        file,
        printable(&cut(message, 4 * QUOTED_CHARS)).into_owned(),
    );
    if let Some(loc) = e.location() {
        problem = problem.at(loc.line(), loc.column());
    }
    let help = if text.lines().any(|l| l.starts_with('\t')) {
        "YAML indents with spaces, never tabs: replace the tabs with spaces"
    } else {
        "each indicator is an id followed by indented `key: value` lines; see the README"
    };
    problem.help(help)
}

/// Line, column and key of the first `*alias` in a YAML text.
fn first_alias(text: &str) -> Option<(usize, usize, String)> {
    text.lines().enumerate().find_map(|(n, line)| {
        let at = line
            .char_indices()
            .find(|&(i, c)| c == '*' && (i == 0 || line[..i].ends_with([' ', '[', ',', ':', '-'])))?
            .0;
        let key = line[..at]
            .rsplit_once(':')
            .map(|(k, _)| k.trim().trim_start_matches("- ").to_string())
            .unwrap_or_default();
        Some((n + 1, line[..at].chars().count() + 1, key))
    })
}

/// The 1-based line where `id:` starts an entry.
pub(crate) fn id_line(text: &str, id: &str) -> usize {
    text.lines()
        .position(|line| {
            let unquoted = line.trim_start_matches(['"', '\'']);
            unquoted.strip_prefix(id).is_some_and(|rest| {
                rest.trim_start_matches(['"', '\''])
                    .trim_start()
                    .starts_with(':')
            }) && !line.starts_with([' ', '\t'])
        })
        .map_or(1, |i| i + 1)
}

/// Line and column of `field:`'s value (or of the key itself) inside the entry
/// starting at `entry_line`.
pub(crate) fn field_position(
    text: &str,
    entry_line: usize,
    field: &str,
    key: bool,
) -> (usize, usize) {
    for (i, line) in text.lines().enumerate().skip(entry_line) {
        if !line.starts_with([' ', '\t']) && !line.trim().is_empty() {
            break;
        }
        let trimmed = line.trim_start();
        if trimmed
            .strip_prefix(field)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
        {
            let indent = line.len() - trimmed.len();
            let value_col = trimmed
                .find(':')
                .map(|c| c + 1 + (trimmed[c + 1..].len() - trimmed[c + 1..].trim_start().len()))
                .unwrap_or(0);
            let column = if value_col < trimmed.len() && !key {
                indent + value_col
            } else {
                indent
            };
            return (i + 1, line[..column].chars().count() + 1);
        }
    }
    (entry_line, 1)
}
