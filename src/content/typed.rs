//! Figures typed into a report's words instead of drawn from the data.
//!
//! A typed figure is right the day it is typed and wrong the day the data is
//! revised. `outturn check` looks at each number written in a report's text
//! (not inside placeholders, code, links or HTML) and warns when it equals a
//! figure of the report's own period, naming the placeholder that gives it;
//! when it equals the previous period's figure (a report started from the
//! last one keeps last quarter's numbers); or when it sits just before an
//! indicator's name but differs from its figure.
//!
//! A number is taken for an indicator's figure only on two kinds of evidence,
//! both needed, since a value alone matches by chance (a report holds
//! hundreds of small counts):
//!
//! 1. It is written as a figure. Years, dates, period labels, ordinals
//!    (`14th`), ages (`aged 16`, `after the age of 14`, `14-year-olds`),
//!    ranges (`16 to 21`, `between 16 and 21`), thresholds (`16 and over`)
//!    and durations (`within 72 hours`) are never figures, whatever their
//!    value. A written unit must fit the indicator's: `72%` is only a
//!    percentage, `498 days` only days, `£6,385` only money.
//! 2. The words around it name the indicator. The sentence it is in, up to
//!    [`WINDOW`] words either side, must hold a word of the indicator's title
//!    (ignoring small words such as "of" and "number"), matched on a common
//!    stem of five letters so that "placed" names "placements" and "adopted"
//!    names "adoption". "The panel met 12 times" names nothing, so 12 is no
//!    indicator's figure, even if some indicator's figure is 12.

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

/// How many words either side of a number are read for the indicator it
/// may be.
const WINDOW: usize = 8;

/// Warnings for the figures typed into `document`'s body.
pub fn check(document: &Document, resolver: &Resolver<'_>) -> Vec<Problem> {
    let Some(period) = document.front.period else {
        return Vec::new();
    };
    let known = known_figures(resolver, period);
    let previous = period.previous();
    let earlier = Resolver::new(resolver.data.all(), resolver.config, Some(previous));
    let known_before = known_figures(&earlier, previous);
    let mut warnings = Vec::new();
    for (n, line) in prose_lines(&document.body).iter().enumerate() {
        let line_number = document.body_line + n;
        for typed in numbers(line) {
            let column = line[..typed.at].chars().count() + 1;
            let around = words_around(line, typed.at, typed.at + typed.text.len());
            let fits = |k: &&Known<'_>| {
                fits_unit(&typed, k.indicator.unit)
                    && (k.shown - typed.value).abs() < 1e-9
                    && names(&around, k.indicator)
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
            // Last period's figure, where this period's is another or none.
            if let Some(k) = known_before.iter().find(fits) {
                warnings.push(
                    Problem::warning(
                        Id::TypedFigure,
                        &document.file,
                        format!(
                            "{} is {}'s figure for {}; in this {} report write {}",
                            typed.text,
                            previous.short_label(),
                            k.indicator.title.to_lowercase(),
                            period.short_label(),
                            placeholder(k)
                        ),
                    )
                    .at(line_number, column)
                    .help(format!(
                        "the placeholder shows {}'s figure, and says when there is none yet; if {}'s is meant, write {}",
                        period.short_label(),
                        previous.short_label(),
                        placeholder_for(k, &previous)
                    )),
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
    for indicator in resolver.data.all().indicators.values() {
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

/// The placeholder for `k`'s figure of `period`.
fn placeholder_for(k: &Known<'_>, period: &crate::period::Period) -> String {
    let breakdown = k
        .breakdown
        .map(|b| format!(", breakdown=\"{b}\""))
        .unwrap_or_default();
    format!(
        "{{{{ value(\"{}\"{breakdown}, period=\"{}\") }}}}",
        k.indicator.id,
        period.short_label()
    )
}

/// Words too common in indicators' titles, or in any sentence, to say which
/// indicator a sentence is about.
const SMALL_WORDS: [&str; 35] = [
    "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "per", "with", "from", "who",
    "were", "was", "are", "is", "as", "an", "number", "rate", "average", "total", "after", "into",
    "more", "than", "that", "this", "their", "have", "been", "each", "all",
];

/// The words of the sentence around bytes `start..end` of `line`, up to
/// [`WINDOW`] either side, in lower case.
fn words_around(line: &str, start: usize, end: usize) -> Vec<String> {
    let ends_sentence = |w: &str| w.ends_with(['.', ';', '!', '?', ':']);
    let before: Vec<&str> = line[..start].split_whitespace().collect();
    let from = before
        .iter()
        .rposition(|w| ends_sentence(w))
        .map_or(0, |i| i + 1)
        .max(before.len().saturating_sub(WINDOW));
    let mut words: Vec<&str> = before[from..].to_vec();
    for word in line[end..].split_whitespace().take(WINDOW) {
        words.push(word);
        if ends_sentence(word) {
            break;
        }
    }
    words
        .iter()
        .flat_map(|w| w.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .map(str::to_lowercase)
        .collect()
}

/// Whether `words` hold a word of `indicator`'s title, or a word sharing its
/// first five letters with one ("placed" and "placements").
fn names(words: &[String], indicator: &Indicator) -> bool {
    let title = indicator.title.to_lowercase();
    let title_words: Vec<&str> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && !SMALL_WORDS.contains(w))
        .collect();
    words.iter().any(|word| {
        title_words.iter().any(|t| {
            *t == word
                || (t.len() >= 5 && word.len() >= 5 && t.as_bytes()[..5] == word.as_bytes()[..5])
        })
    })
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
/// words: "aged 16", "after the age of 14", "1 to 4", "between 16 and 21",
/// "16 and over", "within 72 hours", "20 miles".
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
    const BEFORE: [&str; 9] = [
        "aged", "age", "ages", "age of", "ages of", "under", "over", "within", "between",
    ];
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
    use crate::content::front_matter;
    use crate::testutil;
    use std::path::Path;

    const YAML: &str = "cla_count:\n  title: Children looked after\n  unit: count\n\
moves:\n  title: Children with three or more placements\n  unit: count\n\
adopted:\n  title: Children adopted\n  unit: count\n  measure: flow\n\
contacts:\n  title: Contacts received\n  unit: count\n  measure: flow\n";

    const CSV: &str = "indicator,period,value\ncla_count,2024-25 Q3,192\ncla_count,2024-25 Q4,201\n\
moves,2024-25 Q4,14\nadopted,2024-25 Q4,12\ncontacts,2024-25 Q4,2019\n";

    /// The warnings for a Q4 2024-25 report whose body is `body`, each as
    /// `line:column id` and its message.
    fn typed(body: &str) -> Vec<(String, String)> {
        let text = format!("---\ntitle: Q4\nperiod: 2024-25 Q4\n---\n{body}");
        let split = front_matter::split(Path::new("q4.md"), &text).unwrap();
        let document = Document {
            front: front_matter::parse(Path::new("q4.md"), split.yaml, 4).unwrap(),
            body: split.body.to_string(),
            body_line: split.body_line,
            file: "q4.md".into(),
            output: String::new(),
            allow: Default::default(),
        };
        let data = testutil::data(YAML, CSV);
        let config = testutil::config();
        let resolver = Resolver::new(&data, &config, document.front.period);
        check(&document, &resolver)
            .into_iter()
            .map(|p| {
                let id = p.id.map_or("", |id| id.as_str());
                (format!("{} {id}", p.location()), p.message)
            })
            .collect()
    }

    #[test]
    fn the_previous_reports_figure_typed_in_is_warned_of() {
        let found = typed("There were 192 children in care.\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "q4.md:5:12 typed-figure");
        assert_eq!(
            found[0].1,
            "192 is Q3 2024-25's figure for children looked after; in this Q4 2024-25 report write {{ value(\"cla_count\") }}"
        );
    }

    #[test]
    fn figures_named_by_the_words_around_them_are_warned_of() {
        let found = typed(
            "Now 201 children are looked after; 14 children had three moves; 12 were adopted; and 2,019 contacts came in.\n",
        );
        let places: Vec<&str> = found.iter().map(|(at, _)| at.as_str()).collect();
        assert_eq!(
            places,
            [
                "q4.md:5:5 typed-figure",
                "q4.md:5:36 typed-figure",
                "q4.md:5:65 typed-figure",
                "q4.md:5:86 typed-figure"
            ],
            "{found:?}"
        );
    }

    #[test]
    fn the_words_of_the_sentence_name_an_indicator_by_a_word_or_its_stem() {
        let data = testutil::data(YAML, CSV);
        let moves = &data.indicators["moves"];
        let line = "The panel met 12 times. Then 14 were placed again, after review.";
        let at = line.find("14").unwrap();
        let around = words_around(line, at, at + 2);
        assert_eq!(
            around,
            ["then", "were", "placed", "again", "after", "review"]
        );
        assert!(names(&around, moves));
        let at = line.find("12").unwrap();
        let around = words_around(line, at, at + 2);
        assert_eq!(around, ["the", "panel", "met", "times"]);
        assert!(!names(&around, moves));
    }

    #[test]
    fn ages_years_and_numbers_that_name_no_indicator_are_not_figures() {
        let found = typed(
            "Placed after the age of 14, most children stayed.\n\
             In 2019 the children's service was inspected.\n\
             The panel met 12 times.\n\
             Children aged between 14 and 18, and 14-year-olds, moved least.\n",
        );
        assert_eq!(found, Vec::<(String, String)>::new());
    }

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
