//! A bilingual site's reports and pages and their twins: `about.cy.md` is
//! the Welsh twin of `about.md`, `reports/2024-25-q3.cy.md` of
//! `reports/2024-25-q3.md`, each published under `cy/`. What no single file
//! can say is checked here: each published report and page has its twin,
//! each twin its original and a `[translations.CODE]` to be published with,
//! and a report's twin reports on the same period, for the same meeting,
//! and is a draft only if its original is.

use crate::config::Config;
use crate::content::{Document, Report, original_of, twin_language};
use crate::data::DataSet;
use crate::fsutil;
use crate::i18n::Language;
use crate::problem::{Problem, Problems};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The reports to publish, their twins to publish (each list oldest first)
/// and the pages to publish, with the problems of every twin and of every
/// report and page without one.
pub(super) fn check(
    root: &Path,
    config: &Config,
    reports: Vec<Report>,
    pages: Vec<Document>,
    problems: &mut Problems,
) -> (Vec<Report>, Vec<Report>, Vec<Document>) {
    let codes: Vec<&str> = config
        .translations
        .iter()
        .filter(|t| t.language().is_some())
        .map(|t| t.code.as_str())
        .collect();
    let (twins, reports): (Vec<Report>, Vec<Report>) = reports
        .into_iter()
        .partition(|r| twin_language(&r.file).is_some());
    let twin_reports = report_twins(root, &codes, &reports, twins, problems);
    let originals: BTreeSet<_> = pages
        .iter()
        .filter(|p| twin_language(&p.file).is_none())
        .map(|p| p.file.clone())
        .collect();
    let twins: BTreeSet<_> = pages
        .iter()
        .filter_map(|p| Some((twin_language(&p.file)?, original_of(&p.file))))
        .collect();
    let mut kept = Vec::new();
    for page in pages {
        let problem = match twin_language(&page.file) {
            Some(code) if !codes.contains(&code) => Some(no_translation(&page.file, code)),
            Some(_) if !originals.contains(&original_of(&page.file)) => Some(no_original(
                &page.file,
                "the page it translates: `about.cy.md` beside `about.md`",
            )),
            _ => None,
        };
        if let Some(problem) = problem {
            problems.push(problem);
            continue;
        }
        if twin_language(&page.file).is_none() {
            for code in &codes {
                if !twins.contains(&(*code, page.file.clone())) {
                    let twin = page.file.with_extension(format!("{code}.md"));
                    problems.push(
                        Problem::error(&page.file, "this page has no Welsh twin")
                            .at(1, 1)
                            .help(format!(
                                "a bilingual site publishes every page in Welsh too: add {} with this page in Welsh",
                                twin.display()
                            )),
                    );
                }
            }
        }
        kept.push(page);
    }
    (reports, twin_reports, kept)
}

/// In a site with a Welsh translation, a problem for each indicator that has
/// no Welsh title: its pages and every chart of it would be half Welsh.
pub(super) fn indicators(config: &Config, data: &DataSet, problems: &mut Problems) {
    if config.translation_in(Language::Welsh).is_none() {
        return;
    }
    for indicator in data.indicators.values() {
        if indicator.welsh.as_ref().is_none_or(|w| w.title.is_none()) {
            problems.push(
                Problem::error(
                    crate::data::indicators::FILE,
                    format!("indicator `{}` has no Welsh title", indicator.id),
                )
                .at(indicator.line, 1)
                .help("a bilingual site publishes every indicator in Welsh too: add `cy:` under it, with the indicator's `title:` in Welsh indented beneath (and its `description:` and `source:` if it has them)"),
            );
        }
    }
}

/// The twins of `reports` that can be published, oldest first; a problem
/// for each that cannot and for each published report without one.
fn report_twins(
    root: &Path,
    codes: &[&str],
    reports: &[Report],
    twins: Vec<Report>,
    problems: &mut Problems,
) -> Vec<Report> {
    let originals: BTreeMap<_, &Report> = reports.iter().map(|r| (r.file.clone(), r)).collect();
    let mut translated = BTreeSet::new();
    let mut kept = Vec::new();
    for twin in twins {
        let code = twin_language(&twin.file).unwrap_or_default();
        let original_file = original_of(&twin.file);
        let problem = if !codes.contains(&code) {
            Some(no_translation(&twin.file, code))
        } else if let Some(original) = originals.get(&original_file) {
            disagreement(root, original, &twin)
        } else {
            Some(no_original(
                &twin.file,
                "the report it translates: `2024-25-q3.cy.md` beside `2024-25-q3.md`",
            ))
        };
        match problem {
            Some(problem) => problems.push(problem),
            None => {
                translated.insert((code, original_file));
                kept.push(twin);
            }
        }
    }
    for report in reports.iter().filter(|r| !r.front.draft) {
        for code in codes {
            if !translated.contains(&(*code, report.file.clone())) {
                let twin = report.file.with_extension(format!("{code}.md"));
                problems.push(
                    Problem::error(&report.file, "this report has no Welsh twin")
                        .at(1, 1)
                        .help(format!(
                            "a bilingual site publishes every report in Welsh at the same time: add {} with this report in Welsh (a draft's twin may wait)",
                            twin.display()
                        )),
                );
            }
        }
    }
    kept.sort_by_key(|r| r.period);
    kept
}

/// A twin in a language site.toml has no `[translations.CODE]` for.
fn no_translation(twin: &Path, code: &str) -> Problem {
    Problem::error(
        twin,
        format!("a Welsh twin, but site.toml has no `[translations.{code}]`"),
    )
    .at(1, 1)
    .help(format!(
        "add `[translations.{code}]` to site.toml with the site's title and publisher in Welsh, or remove this file"
    ))
}

/// A twin whose original is not there; `named_after` says what a twin is
/// named after, with an example.
fn no_original(twin: &Path, named_after: &str) -> Problem {
    Problem::error(
        twin,
        format!(
            "a Welsh twin of {}, which is not there",
            original_of(twin).display()
        ),
    )
    .at(1, 1)
    .help(format!("name the twin after {named_after}"))
}

/// The first of `period`, `meeting` and `draft` in which `twin` differs
/// from its original, as an error at that line of the twin's front matter.
fn disagreement(root: &Path, original: &Report, twin: &Report) -> Option<Problem> {
    let (a, b) = (&original.front, &twin.front);
    let field = if original.period != twin.period {
        "period"
    } else if a.meeting != b.meeting {
        "meeting"
    } else if a.draft != b.draft {
        "draft"
    } else {
        return None;
    };
    let shown = |report: &Report| match field {
        "period" => report.period.short_label(),
        "meeting" => report.front.meeting.map_or("none".into(), |d| d.iso()),
        _ => report.front.draft.to_string(),
    };
    let line = fsutil::read_text(&root.join(&twin.file))
        .ok()
        .and_then(|text| {
            text.lines()
                .position(|l| l.trim_start().starts_with(&format!("{field}:")))
        })
        .map_or(1, |i| i + 1);
    Some(
        Problem::error(
            &twin.file,
            format!(
                "`{field}` is {} here but {} in {}: a twin must agree with its original",
                shown(twin),
                shown(original),
                original.file.display()
            ),
        )
        .at(line, 1)
        .help(format!("give `{field}` the same value in both files")),
    )
}
