//! The record of what was published: what the committee saw stays as it saw it.
//!
//! A published report is a committee paper. The first build that publishes a
//! report writes every figure it shows into `published/<report>.csv`, in the
//! site's folder, to be committed with the site. outturn never edits a
//! recorded row; it appends:
//!
//! - when the data later disagrees with a recorded figure, that is a
//!   **revision**: `check` names it, `build` appends a `revised` row with the
//!   date it was first seen. The report goes on showing what the committee saw
//!   and lists it under "Updates to this report"; every other page shows the
//!   current figure marked `[r]`, with a note of the earlier one.
//! - an analyst may change a `revised` row's event to `corrected` and give a
//!   reason: then the report itself shows the corrected figure, marked `[r]`,
//!   with the reason in its updates.
//!
//! A record file's rows: `event,date,indicator,area,breakdown,period,figure,note,reason`.
//! `area` is a comparator's key from site.toml, empty for the site's own;
//! `figure` is the figure as shown (`121.5`, `12 [p]`, `[c]`).

use crate::config::Config;
use crate::data::cell::{Figure, Marker, parse_cell};
use crate::data::indicators::Indicator;
use crate::data::{DataSet, Observation, format};
use crate::fsutil;
use crate::period::Period;
use crate::problem::{Id, Problem, quote, suggest};
use crate::query::figures::Grid;
use crate::query::objects::FigureValue;
use crate::query::own_period::summed;
use crate::query::{Area, Query, Resolver, exactly};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The folder of records, relative to the site root.
pub const DIR: &str = "published";

/// A record file's header.
const HEADER: &str = "event,date,indicator,area,breakdown,period,figure,note,reason";

/// What a row says happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Event {
    /// The figure as the report was first published with it.
    Published,
    /// The data changed after publication; the report keeps the published figure.
    Revised,
    /// A revision the team marked as a correction: the report shows it.
    Corrected,
}

impl Event {
    fn name(self) -> &'static str {
        match self {
            Event::Published => "published",
            Event::Revised => "revised",
            Event::Corrected => "corrected",
        }
    }

    fn parse(text: &str) -> Option<Event> {
        Some(match text {
            "published" => Event::Published,
            "revised" => Event::Revised,
            "corrected" => Event::Corrected,
            _ => return None,
        })
    }
}

/// Which figure: an indicator's, for an area and breakdown, for a period.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    /// Indicator id.
    pub indicator: String,
    /// A comparator's key; `None` for the site's own area.
    pub area: Option<String>,
    /// A breakdown category.
    pub breakdown: Option<String>,
    /// The figure's period.
    pub period: Period,
}

/// One figure a report shows, as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    /// Which figure.
    pub key: Key,
    /// The figure as shown: `121.5`, `12 [p]`, `[c]`.
    pub figure: String,
    /// Its note for readers, if any.
    pub note: String,
}

impl Shown {
    /// `observation` of `indicator`, as a report shows it.
    pub fn of(indicator: &Indicator, key: Key, observation: &Observation) -> Shown {
        Shown {
            key,
            figure: cell_text(indicator, &observation.figure),
            note: observation.note.clone().unwrap_or_default(),
        }
    }
}

/// The figures of a chart's or table's grid, as the page shows them.
pub fn shown_in(grid: &Grid, data: &DataSet, config: &Config) -> Vec<Shown> {
    let mut shown = Vec::new();
    for column in &grid.columns {
        let Some(indicator) = data.indicator(&column.indicator) else {
            continue;
        };
        for cell in column.cells.iter().flatten() {
            let area = Area::find(&cell.area, config).and_then(|a| a.key().map(str::to_string));
            let figure = Figure {
                value: cell.value,
                markers: cell.markers.clone(),
            };
            shown.push(Shown {
                key: Key {
                    indicator: indicator.id.clone(),
                    area,
                    breakdown: cell.breakdown.clone(),
                    period: cell.period,
                },
                figure: cell_text(indicator, &figure),
                note: cell.note.clone().unwrap_or_default(),
            });
        }
    }
    shown
}

/// The figure a `value()`, `benchmark()` or `change()` shows, as the page shows it.
pub fn shown_figure(resolver: &Resolver<'_>, query: &Query, figure: &FigureValue) -> Option<Shown> {
    let indicator = resolver.data.indicator(&figure.indicator)?;
    let area = resolver.area(query.area.as_deref()).ok()?;
    let cell = Figure {
        value: figure.number,
        markers: figure.markers.clone(),
    };
    Some(Shown {
        key: Key {
            indicator: indicator.id.clone(),
            area: area.key().map(str::to_string),
            breakdown: query.breakdown.clone(),
            period: figure.period,
        },
        figure: cell_text(indicator, &cell),
        note: String::new(),
    })
}

/// A figure as a record writes it: the number rounded as shown, without
/// separators or unit, then its markers.
fn cell_text(indicator: &Indicator, figure: &Figure) -> String {
    // `[r]` is outturn's own word on a figure, not the figure.
    figure.text(
        |v| format::number(v, indicator.decimals).replace(',', ""),
        |m| m != Marker::Revised,
    )
}

/// One row of a record file.
#[derive(Debug, Clone)]
pub struct Row {
    /// Its line in the file.
    pub line: usize,
    /// What happened.
    pub event: Event,
    /// When it was first seen: `2026-12-07`.
    pub date: String,
    /// The figure.
    pub shown: Shown,
    /// Why, for a correction.
    pub reason: String,
}

/// The record of one report.
#[derive(Debug, Clone)]
pub struct Record {
    /// `published/2023-24-q1.csv`, relative to the site root.
    pub file: PathBuf,
    /// The report's period.
    pub period: Period,
    /// Its rows, in the order written.
    pub rows: Vec<Row>,
}

/// A figure whose data no longer matches what a report recorded.
#[derive(Debug, Clone)]
pub struct Revision {
    /// The record's file.
    pub file: PathBuf,
    /// The figure as it stands in the data now.
    pub now: Shown,
    /// What the report was published with.
    pub published: String,
    /// Where the data's figure is read from, for `check`'s message.
    pub source: Option<(PathBuf, usize)>,
}

/// One entry of a report's "Updates to this report".
#[derive(Debug, Clone, PartialEq)]
pub struct Update {
    /// The figure.
    pub key: Key,
    /// Revised or corrected.
    pub event: Event,
    /// When it was first seen.
    pub date: String,
    /// The figure the report was published with.
    pub published: String,
    /// The figure now.
    pub figure: String,
    /// Why, for a correction.
    pub reason: String,
}

impl Record {
    /// Reads `published/<slug>.csv`; problems name the file and line.
    pub fn parse(
        file: &Path,
        text: &str,
        config: &Config,
        data: &DataSet,
    ) -> Result<Record, Vec<Problem>> {
        let slug = file
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let period = Period::parse(slug, config.year_start_month).map_err(|e| {
            vec![Problem::error(file, format!("this record is not named for a report's period: {e}"))
                .help("a record is named for its report's period, as outturn wrote it: `published/2023-24-q1.csv`")]
        })?;
        let mut problems = Vec::new();
        let mut rows = Vec::new();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .from_reader(text.as_bytes());
        match reader.headers() {
            Ok(header) if header.iter().collect::<Vec<_>>().join(",") == HEADER => {}
            _ => {
                return Err(vec![
                    Problem::error(file, "this record's first line is not its header")
                        .at_line(1)
                        .help(format!(
                            "a record starts `{HEADER}`; restore the file from version control"
                        )),
                ]);
            }
        }
        for result in reader.records() {
            let record = match result {
                Ok(record) => record,
                Err(e) => {
                    let line = e.position().map_or(1, |p| p.line() as usize);
                    problems.push(
                        Problem::error(file, format!("this row does not read as a record's: {e}"))
                            .at_line(line)
                            .help(format!("each row has the columns {HEADER}")),
                    );
                    continue;
                }
            };
            let line = record.position().map_or(1, |p| p.line() as usize);
            let at = |column: usize| (line, column);
            let field = |i: usize| record.get(i).unwrap_or_default().trim();
            let mut bad = |column: usize, message: String, help: String| {
                let (l, c) = at(column);
                problems.push(Problem::error(file, message).at(l, c).help(help));
            };
            let Some(event) = Event::parse(field(0)) else {
                bad(
                    1,
                    format!("{} is not an event", quote(field(0))),
                    "write `published`, `revised` or `corrected`".into(),
                );
                continue;
            };
            let indicator = field(2);
            if data.indicator(indicator).is_none() {
                bad(
                    3,
                    format!("unknown indicator `{indicator}`"),
                    suggest(indicator, data.indicators.keys().map(String::as_str))
                        .unwrap_or_else(|| "the indicators are in data/indicators.yaml; an indicator a published report showed must stay there".into()),
                );
                continue;
            }
            let area = match field(3) {
                "" => None,
                key if config.comparators.contains_key(key) => Some(key.to_string()),
                key => {
                    bad(4, format!("unknown comparator `{key}`"), "a comparator a published report showed must stay in site.toml's [comparators]".into());
                    continue;
                }
            };
            let figure_period = match Period::parse(field(5), config.year_start_month) {
                Ok(p) => p,
                Err(e) => {
                    bad(
                        6,
                        e.to_string(),
                        "write the period as outturn wrote it".into(),
                    );
                    continue;
                }
            };
            if !figure_period.ends_by(&period) {
                bad(
                    6,
                    format!("{} is after this record's report ({})", figure_period.short_label(), period.short_label()),
                    "a report shows no figure later than its own period; restore the file from version control".into(),
                );
                continue;
            }
            if let Err(e) = parse_cell(field(6)) {
                bad(
                    7,
                    e,
                    "write the figure as shown: `121.5`, `12 [p]`, `[c]`".into(),
                );
                continue;
            }
            rows.push(Row {
                line,
                event,
                date: field(1).to_string(),
                shown: Shown {
                    key: Key {
                        indicator: indicator.to_string(),
                        area,
                        breakdown: Some(field(4)).filter(|b| !b.is_empty()).map(str::to_string),
                        period: figure_period,
                    },
                    figure: field(6).to_string(),
                    note: field(7).to_string(),
                },
                reason: field(8).to_string(),
            });
        }
        if problems.is_empty() {
            Ok(Record {
                file: file.to_path_buf(),
                period,
                rows,
            })
        } else {
            Err(problems)
        }
    }

    /// Each figure's rows, in the order written; see [`published`].
    fn by_key(&self) -> BTreeMap<&Key, Vec<&Row>> {
        let mut by_key: BTreeMap<&Key, Vec<&Row>> = BTreeMap::new();
        for row in &self.rows {
            by_key.entry(&row.shown.key).or_default().push(row);
        }
        by_key
    }

    /// Where the data now disagrees with the figure last recorded, and
    /// recorded figures the data no longer has (warnings).
    pub fn revisions(&self, data: &DataSet) -> (Vec<Revision>, Vec<Problem>) {
        let mut revisions = Vec::new();
        let mut gone = Vec::new();
        for (key, rows) in self.by_key() {
            let published = published(&rows);
            let last = rows.last().copied().unwrap_or(published);
            match current(data, key) {
                Some((now, source)) => {
                    if !same(&now.figure, &last.shown.figure) {
                        revisions.push(Revision {
                            file: self.file.clone(),
                            now,
                            published: published.shown.figure.clone(),
                            source,
                        });
                    }
                }
                None => gone.push(
                    Problem::warning(
                        Id::RecordedFigureGone,
                        &self.file,
                        format!(
                            "the published figure {} for `{}`, {}, is no longer in data/",
                            last.shown.figure,
                            key.indicator,
                            key.period.short_label()
                        ),
                    )
                    .at_line(last.line)
                    .help("the report goes on showing it as published; if the row was removed by mistake, put it back"),
                ),
            }
        }
        (revisions, gone)
    }

    /// The figures this report shows other than the data's: what it was
    /// published with, or a correction of it (marked `[r]`).
    pub fn standing(&self) -> Vec<(Key, Figure, Option<String>, Option<Update>)> {
        let mut out = Vec::new();
        for (key, rows) in self.by_key() {
            let published = published(&rows);
            let corrected = rows.iter().rev().find(|r| r.event == Event::Corrected);
            let revised = rows.iter().rev().find(|r| r.event != Event::Published);
            let update = revised.map(|r| Update {
                key: key.clone(),
                event: corrected.map_or(Event::Revised, |_| Event::Corrected),
                date: corrected.unwrap_or(r).date.clone(),
                published: published.shown.figure.clone(),
                figure: corrected.unwrap_or(r).shown.figure.clone(),
                reason: corrected.map(|c| c.reason.clone()).unwrap_or_default(),
            });
            let (shown, revised_marker) = match corrected {
                Some(c) => (&c.shown, true),
                None => (&published.shown, false),
            };
            let Ok(Some(mut figure)) = parse_cell(&shown.figure) else {
                continue;
            };
            if revised_marker && !figure.markers.contains(&Marker::Revised) {
                figure.markers.push(Marker::Revised);
            }
            let note = Some(shown.note.clone()).filter(|n| !n.is_empty());
            out.push((key.clone(), figure, note, update));
        }
        out
    }
}

/// The row of a figure's rows that says what was published: the
/// `published` one, else (a record written by hand) the first.
fn published<'r>(rows: &[&'r Row]) -> &'r Row {
    rows.iter()
        .find(|r| r.event == Event::Published)
        .unwrap_or(&rows[0])
}

/// Whether two figures as shown are the same figure.
fn same(a: &str, b: &str) -> bool {
    let strip = |text: &str| -> Option<(Option<f64>, Vec<Marker>)> {
        let figure = parse_cell(text).ok()??;
        let markers = figure
            .markers
            .into_iter()
            .filter(|m| !matches!(m, Marker::Revised | Marker::Provisional | Marker::Estimated))
            .collect();
        Some((figure.value, markers))
    };
    strip(a) == strip(b)
}

/// The figure `key` names in the data now, as a report would show it, and
/// where it was read.
fn current(data: &DataSet, key: &Key) -> Option<(Shown, Option<(PathBuf, usize)>)> {
    let indicator = data.indicator(&key.indicator)?;
    let series = data.series(
        &key.indicator,
        key.area.as_deref(),
        key.breakdown.as_deref(),
    )?;
    if let Some(o) = exactly(&series.observations, &key.period) {
        return Some((
            Shown::of(indicator, key.clone(), o),
            Some((o.file.to_path_buf(), o.line)),
        ));
    }
    summed(indicator, &series.observations, &key.period)
        .map(|o| (Shown::of(indicator, key.clone(), &o), None))
}

/// Every record under `published/`, by the report period it is for.
#[derive(Debug, Default, Clone)]
pub struct Records {
    /// Records by their report's period.
    pub by_period: BTreeMap<Period, Record>,
}

/// The files under `published/`, read once: what [`Records::parse`] parses,
/// and what a cache of the records is keyed by.
#[derive(Default)]
pub struct RecordFiles {
    files: Vec<(PathBuf, String)>,
    problems: Vec<Problem>,
}

impl RecordFiles {
    /// Reads every record file under `published/`.
    pub fn read(root: &Path) -> RecordFiles {
        let walk = fsutil::walk(&root.join(DIR), root, Some("csv"));
        let mut problems = walk.problems;
        let files = walk
            .files
            .into_iter()
            .filter_map(|file| match fsutil::read_text(&root.join(&file)) {
                Ok(text) => Some((file, fsutil::normalise_newlines(text))),
                Err(e) => {
                    problems.push(fsutil::read_problem(&file, &e));
                    None
                }
            })
            .collect();
        RecordFiles { files, problems }
    }

    /// A fingerprint of every file's name and text.
    pub fn fingerprint(&self) -> u64 {
        crate::fingerprint::of(&self.files)
    }
}

impl Records {
    /// Parses the records read, each file on its own thread.
    pub fn parse(read: &RecordFiles, config: &Config, data: &DataSet) -> (Records, Vec<Problem>) {
        let mut records = Records::default();
        let mut problems = read.problems.clone();
        let parsed: Vec<_> = read
            .files
            .par_iter()
            .map(|(file, text)| Record::parse(file, text, config, data))
            .collect();
        for result in parsed {
            match result {
                Ok(record) => {
                    records.by_period.insert(record.period, record);
                }
                Err(found) => problems.extend(found),
            }
        }
        (records, problems)
    }

    /// Every revision in every record.
    pub fn revisions(&self, data: &DataSet) -> (Vec<Revision>, Vec<Problem>) {
        let found: Vec<_> = self
            .by_period
            .par_iter()
            .map(|(_, record)| record.revisions(data))
            .collect();
        let mut revisions = Vec::new();
        let mut problems = Vec::new();
        for (r, p) in found {
            revisions.extend(r);
            problems.extend(p);
        }
        (revisions, problems)
    }

    /// The data as later reports, indicator pages and downloads show it:
    /// each figure that differs from what a report was published with is
    /// marked `[r]`, with a note of the earlier figure; `None` when no
    /// figure differs, and the data is shown as it is.
    pub fn mark_revised(&self, data: &DataSet, config: &Config) -> Option<DataSet> {
        // Each record compared with the data on its own thread; the data is
        // copied only when a figure differs: most builds have no revision.
        let differing: Vec<(Key, String)> = self
            .by_period
            .par_iter()
            .flat_map_iter(|(_, record)| {
                record.by_key().into_iter().filter_map(|(key, rows)| {
                    let published = published(&rows);
                    let indicator = data.indicator(&key.indicator)?;
                    let area = key.area.as_deref();
                    let now = data
                        .series(&key.indicator, area, key.breakdown.as_deref())
                        .and_then(|s| exactly(&s.observations, &key.period));
                    if now.is_none_or(|o| {
                        same(&cell_text(indicator, &o.figure), &published.shown.figure)
                    }) {
                        return None;
                    }
                    let whose = Area::of_key(area);
                    let earlier = format!(
                        "Revised: the {} report showed {}{}.",
                        record.period.short_label(),
                        published.shown.figure,
                        if whose.is_comparator() {
                            format!(" for {}", whose.name(config))
                        } else {
                            String::new()
                        }
                    );
                    Some((key.clone(), earlier))
                })
            })
            .collect();
        if differing.is_empty() {
            return None;
        }
        let mut marked = data.clone();
        for (key, earlier) in differing {
            let area = key.area.as_deref();
            let breakdown = key.breakdown.as_deref();
            let Some(o) = marked.observation_mut(&key.indicator, area, breakdown, &key.period)
            else {
                continue;
            };
            if !o.figure.markers.contains(&Marker::Revised) {
                o.figure.markers.push(Marker::Revised);
            }
            let mut note = o.note.take().unwrap_or_default();
            if !note.contains(&earlier) {
                if !note.is_empty() {
                    note.push(' ');
                }
                note.push_str(&earlier);
            }
            o.note = Some(note);
        }
        Some(marked)
    }

    /// The data as report `period` shows it: the figures it was published
    /// with (or their corrections), where the data now differs; `None` when
    /// it shows the data as it is.
    ///
    /// `pending` are the revisions this build finds, not yet in the record:
    /// listed as first seen `today`, as the record will say once written.
    pub fn as_published(
        &self,
        period: &Period,
        data: &DataSet,
        pending: &[Revision],
        today: &str,
    ) -> Option<(DataSet, Vec<Update>)> {
        let record = self.by_period.get(period)?;
        let mut updates: Vec<Update> = pending
            .iter()
            .filter(|r| r.file == record.file)
            .map(|r| Update {
                key: r.now.key.clone(),
                event: Event::Revised,
                date: today.to_string(),
                published: r.published.clone(),
                figure: r.now.figure.clone(),
                reason: String::new(),
            })
            .collect();
        let mut changed = Vec::new();
        for (key, figure, note, update) in record.standing() {
            if let Some(update) = update
                && !updates.iter().any(|u| u.key == update.key)
            {
                updates.push(update);
            }
            let Some(indicator) = data.indicator(&key.indicator) else {
                continue;
            };
            let now = data
                .series(
                    &key.indicator,
                    key.area.as_deref(),
                    key.breakdown.as_deref(),
                )
                .and_then(|s| exactly(&s.observations, &key.period));
            let differs = now.is_none_or(|o| {
                cell_text(indicator, &o.figure) != cell_text(indicator, &figure)
                    || o.figure.markers.contains(&Marker::Revised)
                        != figure.markers.contains(&Marker::Revised)
            });
            if differs {
                changed.push((key, figure, note));
            }
        }
        if changed.is_empty() && updates.is_empty() {
            return None;
        }
        updates.sort_by(|a, b| (&a.date, &a.key).cmp(&(&b.date, &b.key)));
        let mut shown = data.clone();
        for (key, figure, note) in changed {
            shown.set_observation(
                &key.indicator,
                key.area.as_deref(),
                key.breakdown.as_deref(),
                key.period,
                figure,
                note,
                &record.file,
            );
        }
        Some((shown, updates))
    }
}

/// A new record of report `period`'s figures.
pub fn new_record(shown: &[Shown], date: &str) -> String {
    let mut rows: Vec<&Shown> = shown.iter().collect();
    rows.sort_by(|a, b| a.key.cmp(&b.key));
    rows.dedup_by(|a, b| a.key == b.key);
    let mut out = String::from(HEADER);
    out.push('\n');
    for s in rows {
        row(&mut out, Event::Published, date, s, "");
    }
    out
}

/// Rows to append for `revisions`, first seen on `date`.
pub fn revision_rows(revisions: &[&Revision], date: &str) -> String {
    let mut out = String::new();
    for r in revisions {
        row(&mut out, Event::Revised, date, &r.now, "");
    }
    out
}

fn row(out: &mut String, event: Event, date: &str, shown: &Shown, reason: &str) {
    // Quoted as CSV needs; read back by outturn, so written as it is.
    let field = |text: &str| {
        if text.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text.to_string()
        }
    };
    let _ = writeln!(
        out,
        "{},{},{},{},{},{},{},{},{}",
        event.name(),
        date,
        field(&shown.key.indicator),
        field(shown.key.area.as_deref().unwrap_or("")),
        field(shown.key.breakdown.as_deref().unwrap_or("")),
        shown.key.period.slug(),
        field(&shown.figure),
        field(&shown.note),
        field(reason),
    );
}

/// Today, as a record writes it (`2026-12-07`): `SOURCE_DATE_EPOCH` when
/// set, as reproducible builds use it, else the system clock (UTC).
pub fn today() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    civil(seconds)
}

/// Seconds since 1970 as a civil date, `2026-12-07`.
fn civil(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
#[path = "record_tests.rs"]
mod tests;
