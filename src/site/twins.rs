//! A bilingual site's pages and their twins: `about.cy.md` is the Welsh
//! twin of `about.md`, published under `cy/`. What no single file can say
//! is checked here: each published page has its twin, each twin its original
//! and a `[translations.CODE]` to be published with.

use crate::config::Config;
use crate::content::{Document, Report, original_of, twin_language};
use crate::problem::{Problem, Problems};
use std::collections::BTreeSet;

/// `reports` and `pages` without the twins that cannot be published, and
/// the problems of every twin and every page without one.
pub(super) fn check(
    config: &Config,
    reports: Vec<Report>,
    pages: Vec<Document>,
    problems: &mut Problems,
) -> (Vec<Report>, Vec<Document>) {
    let codes: Vec<&str> = config
        .translations
        .iter()
        .filter(|t| t.language().is_some())
        .map(|t| t.code.as_str())
        .collect();
    let (twins, reports): (Vec<Report>, Vec<Report>) = reports
        .into_iter()
        .partition(|r| twin_language(&r.file).is_some());
    for twin in twins {
        problems.push(
            Problem::error(
                &twin.file,
                "a report's Welsh twin is not published yet: outturn writes the home page and plain pages in Welsh so far",
            )
            .at(1, 1)
            .help("keep the file out of content/ until Welsh reports are published"),
        );
    }
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
            Some(code) if !codes.contains(&code) => Some(
                Problem::error(
                    &page.file,
                    format!("a Welsh twin, but site.toml has no `[translations.{code}]`"),
                )
                .help(format!(
                    "add `[translations.{code}]` to site.toml with the site's title and publisher in Welsh, or remove this file"
                )),
            ),
            Some(_) if !originals.contains(&original_of(&page.file)) => Some(
                Problem::error(
                    &page.file,
                    format!(
                        "a Welsh twin of {}, which is not there",
                        original_of(&page.file).display()
                    ),
                )
                .help("name the twin after the page it translates: `about.cy.md` beside `about.md`"),
            ),
            _ => None,
        };
        if let Some(problem) = problem {
            problems.push(problem.at(1, 1));
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
    (reports, kept)
}
