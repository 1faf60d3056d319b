//! Last quarter's words left in a new report: a report started from the one
//! before it (`outturn new`) keeps that report's text, and a sentence that
//! still says "April to June 2023" in the July to September report reads as
//! true and is wrong. Only the text the analyst wrote counts: what a
//! placeholder shows (`{{ period.previous }}`) is meant.
//!
//! These are warnings, found by `check` and listed in the preview: the words
//! may be meant (a comparison with last quarter written out by hand).

use super::Document;
use super::typed::prose_lines;
use crate::period::Period;
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

/// What each warning says and what to do.
fn stale(
    file: &Path,
    this: &Period,
    previous: &Period,
    words: &str,
    line: usize,
    column: usize,
) -> Problem {
    Problem::warning(
        Id::StalePeriod,
        file,
        format!(
            "this report is for {}; \"{words}\" names {}, the previous report's period",
            this.short_label(),
            previous.short_label()
        ),
    )
    .at(line, column)
    .help("write {{ period }} or {{ period.previous }} (they change with the report), or write the new period")
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
        for (at, words) in find_names(value, &names) {
            let offset = value[..at].chars().count() + usize::from(quoted);
            problems.push(stale(file, &this, &before, &words, line, column + offset));
        }
    }
    for (n, line) in prose_lines(&report.body).iter().enumerate() {
        for (at, words) in find_names(line, &names) {
            let column = line[..at].chars().count() + 1;
            problems.push(stale(
                file,
                &this,
                &before,
                &words,
                report.body_line + n,
                column,
            ));
        }
    }
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
