//! Figures typed into a report's words instead of drawn from the data.
//!
//! A typed figure is right the day it is typed and wrong the day the data is
//! revised. `outturn check` looks at each number written in a report's text
//! (not inside placeholders, code, links or HTML) and warns when it equals a
//! figure of the report's own period, naming the placeholder that gives it,
//! or when it sits just before an indicator's name but differs from its figure.

use super::Document;
use crate::data::indicators::{Indicator, Unit};
use crate::period::MONTHS;
use crate::problem::{Id, Problem};
use crate::query::resolve::{Query, Resolver};

/// A number as written in the text.
#[derive(Debug, PartialEq)]
struct Typed {
    /// As written: `1,234`, `72%`.
    text: String,
    /// Its value.
    value: f64,
    /// Written with `%` or `per cent`.
    percent: bool,
    /// Followed by `day` or `days`.
    days: bool,
    /// Written after `£`.
    money: bool,
    /// Byte offset in the line.
    at: usize,
}

/// One of the report's own figures, as a typed number would show it.
struct Known<'a> {
    indicator: &'a Indicator,
    breakdown: Option<&'a str>,
    shown: f64,
    text: String,
}

/// Warnings for the figures typed into `document`'s body.
pub fn check(document: &Document, resolver: &Resolver<'_>) -> Vec<Problem> {
    let Some(period) = document.front.period else {
        return Vec::new();
    };
    let known = known_figures(resolver, period);
    let mut warnings = Vec::new();
    for (n, line) in prose_lines(&document.body).iter().enumerate() {
        let line_number = document.body_line + n;
        for typed in numbers(line) {
            let column = line[..typed.at].chars().count() + 1;
            let fits = |k: &&Known<'_>| {
                fits_unit(&typed, k.indicator.unit) && (k.shown - typed.value).abs() < 1e-9
            };
            if let Some(k) = known.iter().find(fits) {
                warnings.push(
                    Problem::warning(
                        Id::TypedFigure,
                        &document.file,
                        format!(
                            "{} is typed in; {} gives it and keeps it right when the data changes",
                            typed.text,
                            placeholder(k)
                        ),
                    )
                    .at(line_number, column),
                );
                continue;
            }
            // A number just before an indicator's name that is not its figure.
            let after = line[typed.at + typed.text.len()..].to_lowercase();
            let after = after.trim_start();
            if let Some(k) = known.iter().find(|k| {
                fits_unit(&typed, k.indicator.unit)
                    && k.breakdown.is_none()
                    && after.starts_with(&k.indicator.title.to_lowercase())
            }) {
                warnings.push(
                    Problem::warning(
                        Id::TypedFigure,
                        &document.file,
                        format!(
                            "{} is typed before \"{}\", but the figure for {} is {}",
                            typed.text,
                            k.indicator.title.to_lowercase(),
                            period.short_label(),
                            k.text
                        ),
                    )
                    .at(line_number, column)
                    .help(format!("write {} instead", placeholder(k))),
                );
            }
        }
    }
    warnings
}

/// Every figure of the site's own area that belongs to `period`.
fn known_figures<'a>(resolver: &Resolver<'a>, period: crate::period::Period) -> Vec<Known<'a>> {
    let mut known = Vec::new();
    for indicator in resolver.data.indicators.values() {
        for series in resolver
            .data
            .all_series(&indicator.id)
            .iter()
            .filter(|s| s.area.is_none())
        {
            let query = Query {
                breakdown: series.breakdown.clone(),
                ..Query::of(&indicator.id)
            };
            let Ok(figure) = resolver.value(&query) else {
                continue;
            };
            let Some(shown) = figure.shown.filter(|_| figure.period.ends_within(&period)) else {
                continue;
            };
            known.push(Known {
                indicator,
                breakdown: series.breakdown.as_deref(),
                shown,
                text: figure.text,
            });
        }
    }
    known
}

fn placeholder(k: &Known<'_>) -> String {
    match k.breakdown {
        Some(b) => format!("{{{{ value(\"{}\", breakdown=\"{b}\") }}}}", k.indicator.id),
        None => format!("{{{{ value(\"{}\") }}}}", k.indicator.id),
    }
}

/// A typed `72%` can only be a percentage, `498 days` only days, `£6,385`
/// only money; a bare number is a count, a rate or a score.
fn fits_unit(typed: &Typed, unit: Unit) -> bool {
    match unit {
        Unit::Percent => typed.percent,
        Unit::Days => typed.days,
        Unit::Money => typed.money,
        Unit::Count | Unit::RatePer10k | Unit::Score => !typed.percent && !typed.money,
    }
}

/// The body's lines with everything that is not prose blanked out (to
/// spaces, so columns stay where they are): placeholders, code, link
/// addresses, HTML tags, footnote labels and table rules.
pub(super) fn prose_lines(body: &str) -> Vec<String> {
    let mut blanked = String::with_capacity(body.len());
    let mut chars = body.char_indices().peekable();
    let mut until: Option<&str> = None;
    let mut in_fence = false;
    while let Some((i, c)) = chars.next() {
        if let Some(end) = until {
            if body[i..].starts_with(end) {
                for _ in 0..end.len() {
                    blanked.push(' ');
                }
                for _ in 1..end.chars().count() {
                    chars.next();
                }
                until = None;
            } else {
                blanked.push(if c == '\n' { '\n' } else { ' ' });
            }
            continue;
        }
        let rest = &body[i..];
        let at_line_start = i == 0 || body[..i].ends_with('\n');
        if at_line_start && rest.starts_with("```") {
            in_fence = !in_fence;
        }
        if in_fence {
            blanked.push(if c == '\n' { '\n' } else { ' ' });
            continue;
        }
        let opener = [
            ("{{", "}}"),
            ("{%", "%}"),
            ("{#", "#}"),
            ("`", "`"),
            ("](", ")"),
            ("<", ">"),
            ("[^", "]"),
        ]
        .into_iter()
        .find(|(open, _)| rest.starts_with(open));
        match opener {
            Some((open, close)) => {
                until = Some(close);
                blanked.push(' ');
                for _ in 1..open.chars().count() {
                    chars.next();
                    blanked.push(' ');
                }
            }
            None => blanked.push(c),
        }
    }
    blanked
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("|-") || l.trim_start().starts_with("| -") {
                String::new()
            } else {
                l.to_string()
            }
        })
        .collect()
}

/// The numbers written in a line, leaving out years, dates, ranges, period
/// labels (`Q1`, `2023-24`) and numbers inside words.
fn numbers(line: &str) -> Vec<Typed> {
    let bytes = line.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        if i > 0 && is_wordish(bytes[i - 1]) {
            while i < bytes.len() && (is_wordish(bytes[i])) {
                i += 1;
            }
            continue;
        }
        let start = i;
        while i < bytes.len()
            && (bytes[i].is_ascii_digit()
                || ((bytes[i] == b',' || bytes[i] == b'.')
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            i += 1;
        }
        let text = &line[start..i];
        let next = bytes.get(i).copied();
        if next.is_some_and(|b| b.is_ascii_alphabetic() || b == b'-' || b == b'/') {
            continue;
        }
        let Ok(value) = text.replace(',', "").parse::<f64>() else {
            continue;
        };
        let before = line[..start].trim_end();
        let after = line[i..].trim_start();
        let year = !text.contains(['.', ',']) && (1900.0..=2100.0).contains(&value);
        let date = MONTHS
            .iter()
            .any(|m| after.starts_with(m) || before.ends_with(m));
        if year || date || is_not_a_figure(&before.to_lowercase(), &after.to_lowercase()) {
            continue;
        }
        let percent = next == Some(b'%') || after.starts_with("per cent");
        let days = after.starts_with("day");
        let money = before.ends_with('£');
        let shown = if percent && next == Some(b'%') {
            format!("{text}%")
        } else {
            text.to_string()
        };
        let text = if money { format!("£{shown}") } else { shown };
        found.push(Typed {
            at: if money {
                start - '£'.len_utf8()
            } else {
                start
            },
            text,
            value,
            percent,
            days,
            money,
        });
    }
    found
}

/// Numbers that are ages, ranges, thresholds or durations in the text's own
/// words: "aged 16", "1 to 4", "16 and over", "within 72 hours", "20 miles".
fn is_not_a_figure(before: &str, after: &str) -> bool {
    const AFTER: [&str; 16] = [
        "hour",
        "minute",
        "week",
        "month",
        "year",
        "mile",
        "working day",
        "to ",
        "and over",
        "and under",
        "or over",
        "or more",
        "or less",
        "or fewer",
        "or higher",
        "or lower",
    ];
    const BEFORE: [&str; 6] = ["aged", "age", "ages", "under", "over", "within"];
    let range_end = before
        .strip_suffix(" to")
        .or_else(|| before.strip_suffix(" and"))
        .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()));
    AFTER.iter().any(|w| after.starts_with(w))
        || after.starts_with('+')
        || BEFORE
            .iter()
            .any(|w| before.ends_with(w) && !before.ends_with(&format!("{w}d")))
        || range_end
}

/// Part of a word or label: `Q1`, `A2`, `2023-24`, `1st`.
fn is_wordish(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'/' || b == b'.' || b == b','
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> Vec<String> {
        numbers(line).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn finds_figures_but_not_dates_years_or_labels() {
        assert_eq!(
            texts("308 children, 72% placed and 1,234 visits"),
            ["308", "72%", "1,234"]
        );
        assert_eq!(
            texts("In Q1 2023-24, on 30 June 2023 and in 2022"),
            Vec::<String>::new()
        );
        assert_eq!(
            texts("aged 16-21, A2 measure, 67.9 per 10,000"),
            ["67.9", "10,000"]
        );
        assert_eq!(texts("a budget of £34.5m and 498 days"), ["498"]);
        assert_eq!(texts("a budget of £6,385"), ["£6,385"]);
        assert_eq!(
            texts(
                "aged 16 and over, 1 to 4, within 72 hours, 20 miles, scores of 13 or higher, 12 were adopted"
            ),
            ["12"]
        );
    }

    #[test]
    fn prose_leaves_out_placeholders_code_links_and_html() {
        let lines = prose_lines(
            "{{ value(\"x\", period=\"2023-06\") }} 12 `34` [a](/r/56/) <b id=\"78\">9</b> note[^1]\n",
        );
        assert_eq!(texts(&lines[0]), ["12", "9"]);
        assert_eq!(lines[0].len(), "{{ value(\"x\", period=\"2023-06\") }} 12 `34` [a](/r/56/) <b id=\"78\">9</b> note[^1]".len());
    }

    #[test]
    fn units_decide_what_a_typed_number_can_be() {
        let typed = |s: &str| numbers(s).remove(0);
        assert!(fits_unit(&typed("72% of"), Unit::Percent));
        assert!(!fits_unit(&typed("72 children"), Unit::Percent));
        assert!(fits_unit(&typed("498 days"), Unit::Days));
        assert!(fits_unit(&typed("308 children"), Unit::Count));
    }
}
