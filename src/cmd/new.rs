//! `outturn new PERIOD`: start the next report from the latest one.
//!
//! Only forwards: a period that ends by the latest report's is refused,
//! since copying the latest back in time is almost always a mistyped
//! period; `--from REPORT` names the report to copy, and allows any period.
//!
//! The new file is the latest report with its period, title and draft flag
//! changed and its meeting date removed; its placeholders then give the new
//! period's figures by themselves. What cannot be known yet is listed: every
//! placeholder that still shows an older figure, by line, so the analyst
//! knows which figures to load before the report is ready.

use crate::cli::NewArgs;
use crate::fsutil;
use crate::period::Period;
use crate::query::own_period::expected;
use crate::site::{BuildOptions, Site};
use anyhow::{Context, Result};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write;
use std::process::ExitCode;

/// Creates the new report and lists the figures it is waiting for.
pub fn run(args: &NewArgs) -> Result<ExitCode> {
    let root = &args.common.root;
    let site = match Site::load(
        root,
        BuildOptions {
            drafts: true,
            preview: false,
        },
    ) {
        Ok(site) => site,
        Err(problems) => {
            eprintln!("{problems}\nfix these before starting a new report");
            return Ok(ExitCode::from(1));
        }
    };
    let period = match Period::parse(&args.period, site.config.year_start_month) {
        Ok(period) => period,
        Err(e) => {
            eprintln!("error: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    let Some(latest) = site.reports.last() else {
        eprintln!(
            "error: there is no report to start from\n    help: write the first one by hand, as content/reports/{}.md (see the README)",
            period.slug()
        );
        return Ok(ExitCode::from(1));
    };
    if let Some(existing) = site.reports.iter().find(|r| r.period == period) {
        eprintln!(
            "error: there is already a report for {}: {}",
            period.short_label(),
            existing.file.display()
        );
        return Ok(ExitCode::from(1));
    }
    let source = match &args.from {
        Some(from) => match named_report(&site, root, from) {
            Some(report) => report,
            None => {
                eprintln!(
                    "error: --from {} is not one of the site's reports\n    help: name a report's file from the site's folder, e.g. --from {}",
                    from.display(),
                    latest.file.display()
                );
                return Ok(ExitCode::from(1));
            }
        },
        None => {
            let latest_period = latest.period;
            if period.ends_by(&latest_period) {
                // The nearest report before the new period is the likeliest
                // one to copy; failing that, the earliest.
                let suggested = site
                    .reports
                    .iter()
                    .rev()
                    .find(|r| r.period < period)
                    .unwrap_or(&site.reports[0]);
                eprintln!(
                    "error: {} is not after the latest report, {} ({}); `outturn new` starts the report after the latest\n    help: to start a report for an earlier period on purpose, name the report to copy: outturn new \"{}\" --from {}",
                    period.short_label(),
                    latest.file.display(),
                    latest_period.short_label(),
                    args.period,
                    suggested.file.display()
                );
                return Ok(ExitCode::from(1));
            }
            latest
        }
    };
    let relative = format!("content/reports/{}.md", period.slug());
    let target = root.join(&relative);
    let source_text = fsutil::normalise_newlines(fsutil::read_text(&root.join(&source.file))?);
    let source_period = source.period;
    let text = retarget(&source_text, source_period, period);
    fsutil::create_dir_all(target.parent().unwrap_or(root))?;
    // create_new: never overwrite, even a file written a moment ago.
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&target)
    {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!("error: {relative} already exists; outturn new never overwrites a file");
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(e).with_context(|| format!("could not create {relative}")),
    };
    file.write_all(text.as_bytes())
        .with_context(|| format!("could not write {relative}"))?;
    if !args.common.quiet {
        println!(
            "Created {relative} for {} from {} (marked `draft: true`; set it to false to publish).",
            period.label(),
            source.file.display()
        );
    }
    let waiting = waiting_for(&site, &text, period);
    print!("{}", waiting.listing(&relative, period));
    println!("Also read the words again: the summary and any sentence about what changed.");
    Ok(ExitCode::SUCCESS)
}

/// The report whose file is `from`: given from the site's folder (as
/// problems name files) or from the current folder.
fn named_report<'a>(
    site: &'a Site,
    root: &std::path::Path,
    from: &std::path::Path,
) -> Option<&'a crate::content::Report> {
    let wanted: Vec<_> = [root.join(from), from.to_path_buf()]
        .iter()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    site.reports.iter().find(|report| {
        std::fs::canonicalize(root.join(&report.file)).is_ok_and(|file| wanted.contains(&file))
    })
}

/// The latest report's text with the new period and title, no meeting or
/// publication date, and `draft: true`.
fn retarget(text: &str, from: Period, to: Period) -> String {
    let Ok(split) = crate::content::front_matter::split(std::path::Path::new(""), text) else {
        return text.to_string();
    };
    let (front, body) = (split.yaml, split.body);
    let mut lines = Vec::new();
    let mut draft = false;
    for line in front.lines() {
        let key = line.split(':').next().unwrap_or("").trim();
        match key {
            "period" => lines.push(format!("period: {}", to.written())),
            "title" => lines.push(
                line.replace(&from.short_label(), &to.short_label())
                    .replace(&from.written(), &to.written()),
            ),
            "meeting" | "published" => {}
            "draft" => {
                draft = true;
                lines.push("draft: true".into());
            }
            _ => lines.push(line.to_string()),
        }
    }
    if !draft {
        lines.push("draft: true".into());
    }
    format!("---\n{}\n---\n{body}", lines.join("\n"))
}

/// What a new report waits for, indicator by indicator.
#[derive(Debug, Default, PartialEq)]
struct Waiting {
    /// Indicators expected to have a figure for the new period: series that
    /// moved in the period copied from (monthly and quarterly figures), with
    /// the latest period there is and the lines that show it.
    expected: BTreeMap<String, (Option<Period>, BTreeSet<usize>)>,
    /// Indicators whose latest figure is older and not expected to move this
    /// period (yearly figures, a census): left as they are.
    later: BTreeMap<String, Period>,
}

impl Waiting {
    fn listing(&self, file: &str, period: Period) -> String {
        let mut out = String::new();
        if self.expected.is_empty() {
            let _ = writeln!(
                out,
                "Every figure expected for {} is in data/.",
                period.short_label()
            );
        } else {
            let _ = writeln!(
                out,
                "{} to add to data/ for {} (each with the lines of {file} that show it):",
                super::count(
                    self.expected.len(),
                    "indicator's figure",
                    "indicators' figures"
                ),
                period.short_label()
            );
            for (id, (latest, lines)) in &self.expected {
                let lines: Vec<String> = lines.iter().map(usize::to_string).collect();
                let latest = latest.map_or("no figure yet".to_string(), |p| {
                    format!("latest {}", p.short_label())
                });
                let _ = writeln!(
                    out,
                    "  {id}: {latest}; line{} {}",
                    if lines.len() == 1 { "" } else { "s" },
                    lines.join(", ")
                );
            }
        }
        if !self.later.is_empty() {
            let listed: Vec<String> = self
                .later
                .iter()
                .map(|(id, p)| format!("{id} ({})", p.short_label()))
                .collect();
            let _ = writeln!(
                out,
                "Not expected to change for {} (yearly or occasional figures, shown as they are): {}",
                period.short_label(),
                listed.join(", ")
            );
        }
        out
    }
}

/// The indicators `text`'s placeholders wait for. A series is expected to
/// have a figure for the new period when its figures come as often as the
/// period or more often ([`expected`]); anything else is yearly or occasional.
fn waiting_for(site: &Site, text: &str, period: Period) -> Waiting {
    let offset = text.lines().position(|l| l == "---").and_then(|first| {
        text.lines()
            .skip(first + 1)
            .position(|l| l == "---")
            .map(|second| first + second + 2)
    });
    let body_start: usize = offset.map_or(0, |lines| {
        text.lines().take(lines).map(|l| l.len() + 1).sum()
    });
    let mut waiting = Waiting::default();
    let body = &text[body_start.min(text.len())..];
    let mut search = 0;
    while let Some(open) = body[search..].find("{{").map(|i| i + search) {
        let Some(close) = body[open..].find("}}").map(|i| i + open) else {
            break;
        };
        let expression = body[open + 2..close].trim();
        search = close + 2;
        let (line, _) = crate::problem::line_col(text, body_start + open);
        match site.placeholders.figures_shown(expression, period) {
            Ok(shown) => {
                for (id, shown) in shown {
                    if shown.ends_within(&period) {
                        continue;
                    }
                    // Expected by how often its figures come, not by what
                    // the last report happened to show: one missed quarter
                    // must not teach the scaffold to stop asking.
                    let moves = own_series(site, &id).any(|(indicator, observations)| {
                        expected(indicator, observations, &period)
                    });
                    if moves {
                        let entry = waiting.expected.entry(id).or_default();
                        entry.0 = entry.0.max(Some(shown));
                        entry.1.insert(line);
                    } else {
                        let entry = waiting.later.entry(id).or_insert(shown);
                        *entry = (*entry).max(shown);
                    }
                }
            }
            // A change() with no figure for the new period: its indicator
            // is the first string in the placeholder.
            Err(_) => {
                if let Some(id) = expression.split('"').nth(1) {
                    let latest = own_series(site, id)
                        .filter_map(|(_, observations)| {
                            crate::query::up_to(observations, &period).last()
                        })
                        .map(|o| o.period)
                        .max();
                    let entry = waiting.expected.entry(id.to_string()).or_default();
                    entry.0 = entry.0.max(latest);
                    entry.1.insert(line);
                }
            }
        }
    }
    // An indicator waited for somewhere is not also "not expected".
    waiting
        .later
        .retain(|id, _| !waiting.expected.contains_key(id));
    waiting
}

/// The site's own series of indicator `id`, each breakdown's, with the indicator.
fn own_series<'s>(
    site: &'s Site,
    id: &str,
) -> impl Iterator<
    Item = (
        &'s crate::data::indicators::Indicator,
        &'s [crate::data::Observation],
    ),
> {
    let indicator = site.data.indicator(id);
    site.data
        .all_series(id)
        .iter()
        .filter(|s| s.area.is_none())
        .filter_map(move |s| Some((indicator?, s.observations.as_slice())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retargets_period_title_draft_and_dates() {
        let text = "---\ntitle: Performance, Q1 2023-24\nperiod: 2023-24 Q1\nmeeting: 2023-09-05\ncommittee: CPC\n---\nBody {{ period }}\n";
        let from = Period::parse("2023-24 Q1", 4).unwrap();
        let to = Period::parse("2023-24 Q2", 4).unwrap();
        assert_eq!(
            retarget(text, from, to),
            "---\ntitle: Performance, Q2 2023-24\nperiod: 2023-24 Q2\ncommittee: CPC\ndraft: true\n---\nBody {{ period }}\n"
        );
        let trailing_space = text.replace("CPC\n---\n", "CPC\n--- \n");
        assert!(retarget(&trailing_space, from, to).contains("period: 2023-24 Q2\n"));
    }

    #[test]
    fn lists_what_is_waited_for_once_an_indicator_and_yearly_figures_apart() {
        let p = |text| Period::parse(text, 4).unwrap();
        let mut waiting = Waiting::default();
        waiting.expected.insert(
            "cla_count".into(),
            (Some(p("2023-06")), BTreeSet::from([13, 38])),
        );
        waiting
            .later
            .insert("uasc_nts_threshold".into(), p("2022/23"));
        assert_eq!(
            waiting.listing("r.md", p("2023-24 Q2")),
            "1 indicator's figure to add to data/ for Q2 2023-24 (each with the lines of r.md that show it):\n  \
             cla_count: latest June 2023; lines 13, 38\n\
             Not expected to change for Q2 2023-24 (yearly or occasional figures, shown as they are): uasc_nts_threshold (2022-23)\n"
        );
        assert_eq!(
            Waiting::default().listing("r.md", p("2023-24 Q2")),
            "Every figure expected for Q2 2023-24 is in data/.\n"
        );
    }
}
