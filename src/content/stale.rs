//! Last quarter's words left in a new report: a report started from the one
//! before it (`outturn new`) keeps that report's text, and a sentence that
//! still says "April to June 2023" in the July to September report reads as
//! true and is wrong. Only the text the analyst wrote counts: what a
//! placeholder shows (`{{ period.previous }}`) is meant.
//!
//! The words are looked for wherever a reader sees them: the prose, its
//! headings and table captions (`Table: …`), the `title="…"` of a chart or
//! table placeholder, and the front matter's title and summary. They are
//! the previous period's names (`Q1 2023-24`, `April to June 2023`,
//! `June 2023`) and, written without a year, a month of the previous
//! period that is not in this one ("In June alone" in the July to
//! September report). A month outside both periods is history written on
//! purpose ("the inspection in March"), and a month after `since` or with
//! `each year` is no period's ("since April", "at 31 March each year").
//!
//! These are warnings, found by `check` and listed in the preview: the words
//! may be meant (a comparison with last quarter written out by hand), and
//! then allowed where they are (`<!-- outturn: allow stale-period -->`).

use super::Document;
use super::typed::prose_lines;
use crate::period::{MONTHS, Period};
use crate::problem::{Id, Problem, find_key};
use std::path::Path;

/// The ways a report's text names `period`, longest first so that the
/// longest is reported where several overlap: `Q1 2023-24`, `Q1 2023/24`,
/// `April to June 2023`, `June 2023` (the end of the period: "at the end of
/// June 2023", "30 June 2023").
fn names_of(period: &Period) -> Vec<String> {
    let short = period.short_label();
    let mut names = vec![short.clone(), short.replace('-', "/")];
    if let Some((_, months)) = period.label().split_once(" (") {
        names.push(months.trim_end_matches(')').to_string());
    }
    let end = period.end_date().long();
    if let Some((_, month_year)) = end.split_once(' ') {
        names.push(month_year.to_string());
    }
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.dedup();
    names
}

/// Where `text` names the period: byte offset and the words, each place once.
fn find_names(text: &str, names: &[String]) -> Vec<(usize, String)> {
    let lower = text.to_lowercase();
    // Lowercasing keeps byte offsets only for ASCII text; elsewhere look
    // as written.
    let haystack = if lower.len() == text.len() {
        &lower
    } else {
        text
    };
    let mut found: Vec<(usize, usize)> = Vec::new();
    for name in names {
        let needle = if lower.len() == text.len() {
            name.to_lowercase()
        } else {
            name.clone()
        };
        for (at, _) in haystack.match_indices(&needle) {
            let end = at + needle.len();
            let bounded = !haystack[..at].ends_with(|c: char| c.is_alphanumeric())
                && !haystack[end..].starts_with(|c: char| c.is_alphanumeric());
            let inside = found.iter().any(|(s, e)| *s <= at && end <= *e);
            if bounded && !inside {
                found.push((at, end));
            }
        }
    }
    found.sort();
    found
        .into_iter()
        .map(|(s, e)| (s, text[s..e].to_string()))
        .collect()
}

/// The months of `period`, 1 to 12.
fn months_of(period: &Period) -> Vec<u32> {
    let (start, end) = (period.start_date(), period.end_date());
    let (mut year, mut month) = (start.year, start.month);
    let mut months = vec![month];
    while (year, month) < (end.year, end.month) {
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
        months.push(month);
    }
    months
}

/// Where `text` names a month of `months` without a year ("In June
/// alone"), outside the places in `taken`: byte offset and the month.
fn find_months(text: &str, months: &[&str], taken: &[(usize, String)]) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for month in months {
        for (at, _) in text.match_indices(month) {
            let end = at + month.len();
            let before = &text[..at];
            let after = &text[end..];
            let bounded = !before.ends_with(char::is_alphanumeric)
                && !after.starts_with(char::is_alphanumeric);
            // With a year it is a period's name, looked for as one.
            let with_year = after
                .trim_start()
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .is_some_and(|digits| digits.len() == 4);
            let lower_before = before.trim_end().to_lowercase();
            let no_periods = ["since", "each", "every"]
                .iter()
                .any(|w| lower_before.ends_with(w))
                || ["each year", "every year"]
                    .iter()
                    .any(|w| after.trim_start().to_lowercase().starts_with(w));
            let inside = taken
                .iter()
                .any(|(s, words)| *s <= at && end <= s + words.len());
            if bounded && !with_year && !no_periods && !inside {
                found.push((at, month.to_string()));
            }
        }
    }
    found
}

/// What the report's words name of the previous period: its names, and its
/// months without a year; byte offset, the words, and whether they are a
/// bare month.
fn find_stale(text: &str, names: &[String], months: &[&str]) -> Vec<(usize, String, bool)> {
    let named = find_names(text, names);
    let bare = find_months(text, months, &named);
    let mut found: Vec<(usize, String, bool)> = named
        .into_iter()
        .map(|(at, words)| (at, words, false))
        .chain(bare.into_iter().map(|(at, words)| (at, words, true)))
        .collect();
    found.sort();
    found
}

/// The `title="…"` arguments of the placeholders in `body`, outside code
/// blocks: 0-based line, byte offset of the text in its line, and the text.
fn placeholder_titles(body: &str) -> Vec<(usize, usize, &str)> {
    let mut found = Vec::new();
    let mut fence: Option<&str> = None;
    for (n, line) in body.lines().enumerate() {
        let trimmed = line.trim_start();
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
        let mut from = 0;
        while let Some(open) = line[from..].find("{{").map(|i| from + i) {
            let close = line[open..].find("}}").map_or(line.len(), |i| open + i);
            let inside = &line[open..close];
            let mut search = 0;
            while let Some(key) = inside[search..].find("title").map(|i| search + i) {
                search = key + "title".len();
                if inside[..key].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = inside[search..].trim_start();
                let Some(rest) = rest.strip_prefix('=') else {
                    continue;
                };
                let rest = rest.trim_start();
                let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                    continue;
                };
                let start = inside.len() - rest.len() + 1;
                let length = inside[start..]
                    .char_indices()
                    .find(|&(i, c)| c == quote && !inside[start..start + i].ends_with('\\'))
                    .map_or(inside.len() - start, |(i, _)| i);
                found.push((n, open + start, &inside[start..start + length]));
                search = start + length;
            }
            from = close;
        }
    }
    found
}

/// What each warning says and what to do: `words` name the previous
/// period, or are a month of it without a year (`bare`).
fn stale(
    file: &Path,
    this: &Period,
    previous: &Period,
    (words, bare): (&str, bool),
    line: usize,
    column: usize,
) -> Problem {
    let (message, help) = if bare {
        (
            format!(
                "this report is for {}; \"{words}\" is a month of {}, the previous report's period",
                this.short_label(),
                previous.short_label()
            ),
            "write this period's months, or {{ period }}; if the month is meant, allow it here with `<!-- outturn: allow stale-period -->`",
        )
    } else {
        (
            format!(
                "this report is for {}; \"{words}\" names {}, the previous report's period",
                this.short_label(),
                previous.short_label()
            ),
            "write {{ period }} or {{ period.previous }} (they change with the report), or write the new period",
        )
    };
    Problem::warning(Id::StalePeriod, file, message)
        .at(line, column)
        .help(help)
}

/// Warnings for `report` (the file's text is `text`), started from
/// `previous`: its prose, title or summary naming the previous report's
/// period, and a summary left as the previous report's.
pub fn check(report: &Document, previous: &Document, text: &str) -> Vec<Problem> {
    let (Some(this), Some(before)) = (report.front.period, previous.front.period) else {
        return Vec::new();
    };
    if this == before {
        return Vec::new();
    }
    let names = names_of(&before);
    let this_months = months_of(&this);
    let months: Vec<&str> = months_of(&before)
        .into_iter()
        .filter(|m| !this_months.contains(m))
        .map(|m| MONTHS[m as usize - 1])
        .collect();
    let file = &report.file;
    let mut problems = Vec::new();
    let summary_same =
        report.front.summary.is_some() && report.front.summary == previous.front.summary;
    for key in ["title", "summary"] {
        let value = match key {
            "title" => Some(report.front.title.as_str()),
            _ => report.front.summary.as_deref(),
        };
        let (Some(value), Some((line, column))) = (value, find_key(text, key, ':')) else {
            continue;
        };
        if key == "summary" && summary_same {
            problems.push(
                Problem::warning(
                    Id::StaleSummary,
                    file,
                    format!(
                        "the summary is the same as {}'s, the previous report",
                        before.short_label()
                    ),
                )
                .at(line, column)
                .help(format!(
                    "write what {} shows: the summary is what the list of reports and the feed say of this report",
                    this.short_label()
                )),
            );
            continue;
        }
        // A quoted value starts one character in.
        let quoted = text
            .lines()
            .nth(line - 1)
            .and_then(|l| l.chars().nth(column - 1))
            .is_some_and(|c| c == '"' || c == '\'');
        for (at, words, bare) in find_stale(value, &names, &months) {
            let offset = value[..at].chars().count() + usize::from(quoted);
            problems.push(stale(
                file,
                &this,
                &before,
                (&words, bare),
                line,
                column + offset,
            ));
        }
    }
    // The prose, with its headings and captions, and the titles of charts
    // and tables, which a reader sees as much as the prose.
    let prose = prose_lines(&report.body);
    let lines = report.body.lines().collect::<Vec<_>>();
    let titles = placeholder_titles(&report.body)
        .into_iter()
        .map(|(n, at, title)| (n, lines[n][..at].chars().count(), title));
    let texts = prose
        .iter()
        .enumerate()
        .map(|(n, line)| (n, 0, line.as_str()))
        .chain(titles);
    for (n, skipped, text) in texts {
        for (at, words, bare) in find_stale(text, &names, &months) {
            let column = skipped + text[..at].chars().count() + 1;
            problems.push(stale(
                file,
                &this,
                &before,
                (&words, bare),
                report.body_line + n,
                column,
            ));
        }
    }
    problems.sort_by_key(|p| (p.line, p.column));
    problems
}

/// A report about to be published with no meeting date: committee reports
/// are read for a meeting, and `outturn new` leaves the date out on purpose.
pub fn meeting(report: &Document, text: &str) -> Option<Problem> {
    if report.front.draft || report.front.meeting.is_some() || !report.is_report() {
        return None;
    }
    let (line, column) = find_key(text, "draft", ':').unwrap_or((1, 1));
    Some(
        Problem::warning(Id::NoMeetingDate, &report.file, "this report is to be published (draft: false) but has no meeting date")
            .at(line, column)
            .help("add `meeting: YYYY-MM-DD` to its front matter, the date of the committee meeting it is for"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::front_matter;

    fn document(file: &str, text: &str) -> Document {
        let split = front_matter::split(Path::new(file), text).unwrap();
        Document {
            front: front_matter::parse(Path::new(file), split.yaml, 4).unwrap(),
            body: split.body.to_string(),
            body_line: split.body_line,
            file: file.into(),
            output: String::new(),
            allow: Default::default(),
        }
    }

    const Q1: &str = "---\ntitle: Performance, Q1 2023-24\nperiod: 2023-24 Q1\nsummary: How we did from April to June 2023.\nmeeting: 2023-09-05\n---\nIn {{ period }} we did well.\n";

    fn warnings(q2: &str) -> Vec<String> {
        let previous = document("q1.md", Q1);
        check(&document("q2.md", q2), &previous, q2)
            .iter()
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn names_of_the_previous_period_in_the_prose_are_warned_of_where_they_are() {
        let q2 = "---\ntitle: Performance, Q2 2023-24\nperiod: 2023-24 Q2\nsummary: How we did.\ndraft: true\n---\nAt the end of June 2023 we did well.\n\nIn April to June 2023, and in q1 2023-24, and {{ period.previous }}.\n";
        let found = warnings(q2);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(
            found[0].starts_with("q2.md:7:15: warning[stale-period]: this report is for Q2 2023-24; \"June 2023\" names Q1 2023-24, the previous report's period"),
            "{found:?}"
        );
        assert!(found[0].contains("{{ period.previous }}"), "{found:?}");
        assert!(
            found[1].starts_with("q2.md:9:4: warning[stale-period]:")
                && found[1].contains("\"April to June 2023\""),
            "{found:?}"
        );
        assert!(
            found[2].starts_with("q2.md:9:31: warning[stale-period]:")
                && found[2].contains("\"q1 2023-24\""),
            "{found:?}"
        );
    }

    /// Each warning's place and id, and the words it quotes.
    fn places(q2: &str) -> Vec<String> {
        let previous = document("q1.md", Q1);
        check(&document("q2.md", q2), &previous, q2)
            .iter()
            .map(|p| {
                let words = p.message.split('"').nth(1).unwrap_or_default();
                format!(
                    "{} {} {words}",
                    p.location(),
                    p.id.map_or("", |id| id.as_str())
                )
            })
            .collect()
    }

    const HEAD: &str =
        "---\ntitle: Performance, Q2 2023-24\nperiod: 2023-24 Q2\ndraft: true\n---\n";

    #[test]
    fn chart_and_table_titles_captions_and_headings_are_read_too() {
        let q2 = format!(
            "{HEAD}## Children in care in June 2023\n\n\
             {{{{ chart(\"cla_count\", from=\"2022-23 Q1\", title=\"Children looked after, June 2022 and June 2023\") }}}}\n\n\
             Table: Children at 31 March and 30 June 2023\n\n\
             {{{{ table(\"cla_count\", title='Placements, Q1 2023-24', last=4) }}}}\n\n\
             ```\n{{{{ chart(\"x\", title=\"June 2023\") }}}}\n```\n"
        );
        assert_eq!(
            places(&q2),
            [
                "q2.md:6:24 stale-period June 2023",
                "q2.md:8:86 stale-period June 2023",
                "q2.md:10:36 stale-period June 2023",
                "q2.md:12:42 stale-period Q1 2023-24",
            ]
        );
    }

    #[test]
    fn a_month_of_the_previous_period_without_a_year_is_warned_of() {
        let q2 = format!(
            "{HEAD}In June alone 30 children came into care.\n\n## May\n\n\
             Since April, and at 31 March each year, as in March and in June 2022, and from July.\n"
        );
        let found = places(&q2);
        assert_eq!(
            found,
            ["q2.md:6:4 stale-period June", "q2.md:8:4 stale-period May"]
        );
        let message = &check(&document("q2.md", &q2), &document("q1.md", Q1), &q2)[0];
        assert!(
            message
                .message
                .ends_with("\"June\" is a month of Q1 2023-24, the previous report's period")
                && message
                    .help
                    .as_deref()
                    .unwrap_or_default()
                    .contains("<!-- outturn: allow stale-period -->"),
            "{message}"
        );
    }

    #[test]
    fn the_title_and_a_summary_kept_from_the_previous_report_are_warned_of() {
        let q2 = "---\ntitle: Performance, Q1 2023-24\nperiod: 2023-24 Q2\nsummary: How we did from April to June 2023.\ndraft: true\n---\nIn {{ period }} we did well.\n";
        let found = warnings(q2);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].starts_with(
                "q2.md:2:21: warning[stale-period]: this report is for Q2 2023-24; \"Q1 2023-24\""
            ),
            "{found:?}"
        );
        assert!(
            found[1].starts_with(
                "q2.md:4:10: warning[stale-summary]: the summary is the same as Q1 2023-24's"
            ),
            "{found:?}"
        );
    }

    #[test]
    fn a_report_written_for_its_own_period_has_no_warning() {
        let q2 = "---\ntitle: Performance, Q2 2023-24\nperiod: 2023-24 Q2\nsummary: \"How we did from July to September 2023.\"\ndraft: true\n---\nIn {{ period }}, up from {{ period.previous }}; see `Q1 2023-24` and [the last report](/reports/2023-24-q1/).\n";
        assert_eq!(warnings(q2), Vec::<String>::new());
    }

    #[test]
    fn a_report_to_be_published_without_a_meeting_date_is_warned_of() {
        let text = "---\ntitle: T\nperiod: 2023-24 Q2\ndraft: false\n---\nx\n";
        let problem = meeting(&document("q2.md", text), text).unwrap();
        assert!(problem.to_string().starts_with("q2.md:4:8: warning[no-meeting-date]: this report is to be published (draft: false) but has no meeting date"), "{problem}");
        let draft = text.replace("draft: false", "draft: true");
        assert!(meeting(&document("q2.md", &draft), &draft).is_none());
        let met = text.replace("draft: false", "meeting: 2023-12-05");
        assert!(meeting(&document("q2.md", &met), &met).is_none());
    }
}
