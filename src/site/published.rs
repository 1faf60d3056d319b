//! The site's side of the record of what was published (see
//! [`crate::record`]): each published report rendered with the figures it
//! was published with, the data elsewhere marked where it was revised, and
//! the records written once the site is.

use super::Site;
use crate::config::Config;
use crate::content::Document;
use crate::content::placeholders::Placeholders;
use crate::data::DataSet;
use crate::data::cell::{Marker, parse_cell};
use crate::period::Date;
use crate::problem::{Id, Problem};
use crate::query::Area;
use crate::record::{self, Event, RecordFiles, Records, Revision, Update};
use crate::templates::Theme;
use crate::templates::views::UpdateView;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A published report whose figures differ from the data's now.
pub(super) struct Published {
    /// The data as the report shows it.
    pub(super) data: Arc<DataSet>,
    /// Placeholders over that data.
    pub(super) placeholders: Placeholders,
    /// Its updates: figures revised or corrected since it was published.
    pub(super) updates: Vec<Update>,
}

/// What the records say, for the site.
#[derive(Default)]
pub(super) struct RecordsOf {
    /// Every record read.
    pub(super) records: Records,
    /// Figures the data now disagrees with, not yet in a record.
    pub(super) revisions: Vec<Revision>,
    /// Reports whose figures differ from the data now, by period.
    pub(super) published: BTreeMap<crate::period::Period, Published>,
}

/// Reads `published/`, marks the figures revised since a report was
/// published in `data`, and prepares each such report's own view of the
/// data, with its updates as of `today`.
pub(super) fn load(
    files: &RecordFiles,
    config: &Arc<Config>,
    data: Arc<DataSet>,
    theme: &Theme,
    today: &str,
    problems: &mut Vec<Problem>,
) -> (Arc<DataSet>, Arc<RecordsOf>) {
    let (records, found) = Records::parse(files, config, &data);
    problems.extend(found);
    if records.by_period.is_empty() {
        return (data, Arc::default());
    }
    let (revisions, gone) = records.revisions(&data);
    problems.extend(gone);
    let marked = match records.mark_revised(&data, config) {
        Some(marked) => Arc::new(marked),
        None => data,
    };
    let published = records
        .by_period
        .par_iter()
        .filter_map(|(period, _)| {
            let (shown, updates) = records.as_published(period, &marked, &revisions, today)?;
            let shown = Arc::new(shown);
            Some((
                *period,
                Published {
                    placeholders: Placeholders::new(shown.clone(), config.clone(), &theme.partials),
                    data: shown,
                    updates,
                },
            ))
        })
        .collect();
    (
        marked,
        Arc::new(RecordsOf {
            records,
            revisions,
            published,
        }),
    )
}

impl Site {
    /// An update as its report lists it.
    pub(super) fn update_view(&self, update: &Update) -> UpdateView {
        let key = &update.key;
        let shown = |figure: &str| match (self.data.indicator(&key.indicator), parse_cell(figure)) {
            (Some(indicator), Ok(Some(f))) => {
                f.text(|v| indicator.format(v), |m| m != Marker::Revised)
            }
            _ => figure.to_string(),
        };
        let mut what = self
            .data
            .indicator(&key.indicator)
            .map_or_else(|| key.indicator.clone(), |i| i.title.clone());
        if let Some(area) = &key.area {
            what.push_str(&format!(
                ", {}",
                Area::of_key(Some(area)).name(&self.config)
            ));
        }
        if let Some(breakdown) = &key.breakdown {
            what.push_str(&format!(", {breakdown}"));
        }
        what.push_str(&format!(", {}", key.period.short_label()));
        let text = match update.event {
            Event::Corrected => format!(
                "{what}: corrected to {}{}. This report first showed {}.",
                shown(&update.figure),
                if update.reason.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", update.reason.trim_end_matches('.'))
                },
                shown(&update.published),
            ),
            _ => format!(
                "{what}: revised to {} in the data since; this report shows {}, the figure the committee saw.",
                shown(&update.figure),
                shown(&update.published),
            ),
        };
        let date = Date::parse_iso(&update.date);
        UpdateView {
            date: date
                .map(|d| d.long())
                .unwrap_or_else(|| update.date.clone()),
            date_iso: date.map(|d| d.iso()).unwrap_or_default(),
            text,
        }
    }

    /// The data a published report shows, when it differs from the data's now.
    pub(super) fn as_published(&self, document: &Document) -> Option<&Published> {
        if document.front.draft {
            return None;
        }
        self.records.published.get(&document.front.period?)
    }

    /// What `check` says of the records: each revision the data now makes,
    /// with where it is read and what the report was published with.
    pub fn revision_problems(&self) -> Vec<Problem> {
        self.records
            .revisions
            .iter()
            .map(|r| {
                let place = match &r.source {
                    Some((file, line)) => format!("{}:{line}", file.display()),
                    None => "data/".to_string(),
                };
                Problem::warning(
                    Id::Revision,
                    &r.file,
                    format!(
                        "`{}`, {}: the data now gives {} ({place}); the report was published with {}",
                        r.now.key.indicator,
                        r.now.key.period.short_label(),
                        r.now.figure,
                        r.published
                    ),
                )
                .help("`outturn build` records this as a revision: the report keeps the published figure and lists the update; mark the row `corrected` with a reason to show the new figure in the report")
            })
            .collect()
    }

    /// After a successful build: writes the record of each published report
    /// that has none, and appends the revisions first seen today. Says what
    /// it wrote, to be committed with the site.
    pub fn write_records(&self) -> Result<Vec<String>, Problem> {
        let today = record::today();
        let mut said = Vec::new();
        let mut first = Vec::new();
        for report in self.reports.iter().filter(|r| !r.front.draft) {
            if self.records.records.by_period.contains_key(&report.period) {
                continue;
            }
            let file = PathBuf::from(record::DIR).join(format!("{}.csv", report.period.slug()));
            let body = self.body(&report.doc).map_err(|mut p| p.remove(0))?;
            let text = record::new_record(&body.figures, &today);
            crate::fsutil::write(&self.root.join(&file), text.as_bytes())
                .map_err(|e| Problem::error(&file, format!("could not write the record: {e:#}")))?;
            first.push(file);
        }
        if !first.is_empty() {
            said.push(format!(
                "Recorded the figures of {} published report{} in {}/: commit {} with the site.",
                first.len(),
                if first.len() == 1 { "" } else { "s" },
                record::DIR,
                if first.len() == 1 { "it" } else { "them" },
            ));
        }
        if let Some(text) = &self.twin_record.updated {
            let file = super::twin_record::FILE;
            crate::fsutil::write(&self.root.join(file), text.as_bytes())
                .map_err(|e| Problem::error(file, format!("could not write the record: {e:#}")))?;
            said.push(format!(
                "Recorded what each Welsh twin was translated from in {file}: commit it with the site."
            ));
        }
        let mut by_file: BTreeMap<&Path, Vec<&Revision>> = BTreeMap::new();
        for r in &self.records.revisions {
            by_file.entry(&r.file).or_default().push(r);
        }
        for (file, revisions) in by_file {
            let rows = record::revision_rows(&revisions, &today);
            crate::fsutil::append(&self.root.join(file), rows.as_bytes())
                .map_err(|e| Problem::error(file, format!("could not add to the record: {e:#}")))?;
            said.push(format!(
                "Recorded {} revision{} in {}: commit it with the site.",
                revisions.len(),
                if revisions.len() == 1 { "" } else { "s" },
                file.display()
            ));
        }
        Ok(said)
    }

    /// Published reports whose record was deleted: the previous output has
    /// the report's page, but `published/` has no record of it.
    pub fn deleted_records(&self, out: &Path) -> Vec<Problem> {
        if self.records.records.by_period.is_empty() {
            return Vec::new();
        }
        self.reports
            .iter()
            .filter(|r| !r.front.draft && !self.records.records.by_period.contains_key(&r.period))
            .filter(|r| out.join(&r.doc.output).exists())
            .map(|r| {
                let file = PathBuf::from(record::DIR).join(format!("{}.csv", r.period.slug()));
                Problem::warning(
                    Id::RecordDeleted,
                    &file,
                    format!("{} was published, but its record is not there", r.period.short_label()),
                )
                .help("restore it from version control: a new record would hold today's figures, not the committee's")
            })
            .collect()
    }
}
