//! The user's text, made safe and short to quote in a message.
//!
//! A message quotes what the user wrote, and what they wrote may be anything: a
//! terminal escape sequence, a NUL byte, a 20 MB cell. Every message quoting
//! user text goes through [`quote`], which shows control characters escaped and
//! cuts the text short; [`Problem`](super::Problem)'s printing escapes control
//! characters again ([`printable`]), as a last line of defence for a message
//! that forgot. Here too are the helpers that place a problem in a text or
//! suggest what was meant.

use std::borrow::Cow;

/// How many characters of the user's text a message quotes.
pub const QUOTED_CHARS: usize = 80;

/// The user's `text`, safe to print in a message: in backticks, with control
/// characters (and the invisible marks that reorder text) escaped as `\u{1b}`,
/// `\n` and the like, and cut to about [`QUOTED_CHARS`] characters.
///
/// Every message that quotes what a user wrote quotes it with this.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(QUOTED_CHARS) + 2);
    out.push('`');
    let mut shown = 0;
    for (i, c) in text.char_indices() {
        if shown >= QUOTED_CHARS {
            let total = text.chars().count();
            out.push_str(&format!(
                "…` (the first {} of {total} characters)",
                text[..i].chars().count()
            ));
            return out;
        }
        shown += push_printable(&mut out, c, false);
    }
    out.push('`');
    out
}

/// A message from a library, which may quote the user's text at any length,
/// cut to `chars` characters (with control characters escaped by [`printable`]
/// when it is printed).
pub fn cut(text: &str, chars: usize) -> Cow<'_, str> {
    match text.char_indices().nth(chars) {
        Some((i, _)) => Cow::Owned(format!("{}…", &text[..i])),
        None => Cow::Borrowed(text),
    }
}

/// `text` with control characters escaped, line breaks and tabs kept: what
/// [`Problem`] prints, whatever a message was built from.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| needs_escape(c, true)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_printable(&mut out, c, true);
    }
    Cow::Owned(out)
}

/// Appends `c`, escaped if it must be; returns how many characters it took.
fn push_printable(out: &mut String, c: char, keep_breaks: bool) -> usize {
    if needs_escape(c, keep_breaks) {
        let before = out.len();
        out.extend(c.escape_debug());
        out.len() - before
    } else {
        out.push(c);
        1
    }
}

/// Control characters (C0, DEL, C1), which a terminal may act on, and the
/// marks that reorder text, which can make a message read other than it is.
fn needs_escape(c: char, keep_breaks: bool) -> bool {
    if keep_breaks && (c == '\n' || c == '\t') {
        return false;
    }
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// "did you mean `cla_count`?", when one of `candidates` is close to `wanted`.
pub fn suggest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    // Comparing costs the product of the lengths: a mistyped name is short,
    // and a megabyte of text is no name at all.
    if wanted.len() > 4 * QUOTED_CHARS {
        return None;
    }
    let wanted_lower = wanted.to_lowercase();
    candidates
        .into_iter()
        .map(|c| {
            let candidate = c.to_lowercase();
            let close = strsim::normalized_damerau_levenshtein(&wanted_lower, &candidate);
            // `per_10k` is a part of `rate_per_10k`: as good a guess as a typo.
            let part = wanted_lower.len() >= 3
                && (candidate.contains(&wanted_lower) || wanted_lower.contains(&candidate));
            (if part { close.max(0.8) } else { close }, c)
        })
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| format!("did you mean {}?", quote(c)))
}

/// 1-based line and column (in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Line and column (1-based) of the value of the first `key:` (or `key =`,
/// with `sep` '=') line in a YAML or TOML text, for problems found after parsing.
pub fn find_key(text: &str, key: &str, sep: char) -> Option<(usize, usize)> {
    text.lines().enumerate().find_map(|(n, line)| {
        let trimmed = line.trim_start();
        let after = trimmed.strip_prefix(key)?.trim_start().strip_prefix(sep)?;
        let value = after.trim_start();
        let byte = line.len()
            - if value.is_empty() {
                trimmed.len()
            } else {
                value.len()
            };
        Some((n + 1, line[..byte].chars().count() + 1))
    })
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let names = ["cla_count", "cla_rate", "uasc_count"];
        assert_eq!(
            suggest("cla_cuont", names).as_deref(),
            Some("did you mean `cla_count`?")
        );
        assert_eq!(suggest("budget", names), None);
    }

    #[test]
    fn finds_line_and_column() {
        let text = "ab\ncdé\nf";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        assert_eq!(line_col(text, 7), (2, 4));
        assert_eq!(line_col(text, 8), (3, 1));
    }

    #[test]
    fn quoted_text_shows_control_characters_escaped() {
        assert_eq!(quote("72%"), "`72%`");
        assert_eq!(
            quote("a\u{1b}[2Jb\0c\nd\u{202e}"),
            "`a\\u{1b}[2Jb\\0c\\nd\\u{202e}`"
        );
    }

    #[test]
    fn quoted_text_is_cut_short() {
        let huge = "9".repeat(20_000_000);
        let quoted = quote(&huge);
        assert!(quoted.len() < 200, "{quoted}");
        assert!(
            quoted.ends_with("…` (the first 80 of 20000000 characters)"),
            "{quoted}"
        );
        assert_eq!(quote(&"é".repeat(80)), format!("`{}`", "é".repeat(80)));
    }

    #[test]
    fn a_library_message_is_cut() {
        assert_eq!(cut("short", 10), "short");
        assert_eq!(cut("ééééé", 3), "ééé…");
    }

    #[test]
    fn a_huge_name_is_not_compared() {
        let huge = "cla_count".repeat(1_000_000);
        assert_eq!(suggest(&huge, ["cla_count"]), None);
    }
}
