//! Loading a site: site.toml, then data/ and content/ and the theme at the
//! same time, then static/, checking everything a build would and gathering
//! every problem before giving up.

use super::cache::Cache;
use super::{BuildOptions, Site, published, warnings};
use crate::config::{self, Config};
use crate::content::allow::Allows;
use crate::content::placeholders::Placeholders;
use crate::content::{self, Document, Report};
use crate::data::{DataFiles, DataSet};
use crate::problem::{Problem, Problems, Severity, SiteProblems};
use crate::record::{self, RecordFiles};
use crate::templates::Theme;
use crate::{fingerprint, fsutil};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

impl Site {
    /// Reads site.toml, data/, content/, the theme and static/, gathering every
    /// problem found before giving up.
    pub fn load(root: &Path, options: BuildOptions) -> Result<Site, SiteProblems> {
        Site::load_with(root, options, None)
    }

    /// As [`Site::load`], reusing what `cache` kept from the last build.
    pub fn load_with(
        root: &Path,
        options: BuildOptions,
        cache: Option<Arc<Cache>>,
    ) -> Result<Site, SiteProblems> {
        let mut problems = Problems::new();
        let config = load_config(root).map_err(|p| {
            let mut problems = Problems::new();
            problems.extend(p);
            SiteProblems(problems)
        })?;
        let config_key = fingerprint::of(format!("{config:?}"));
        // The data, and the rest of the site, are read at the same time.
        let ((data_key, data, found, record_files), (documents, found_in_content, theme)) =
            rayon::join(
                || {
                    let files = DataFiles::read(root);
                    let key = fingerprint::of((config_key, files.fingerprint()));
                    let (data, found) = match &cache {
                        Some(cache) => cache.data(key, || DataSet::from_files(&files, &config)),
                        None => {
                            let (data, found) = DataSet::from_files(&files, &config);
                            (Arc::new(data), found)
                        }
                    };
                    (key, data, found, RecordFiles::read(root))
                },
                || {
                    let (documents, found) = content::load(root, config.year_start_month);
                    (documents, found, Theme::load(root, &config.theme))
                },
            );
        problems.extend(found);
        let data_complete = !problems.has_errors();
        super::twins::indicators(&config, &data, &mut problems);
        problems.extend(found_in_content);
        let theme = match theme {
            Ok(theme) => Some(theme),
            Err(found) => {
                problems.extend(found);
                None
            }
        };
        let static_files = load_static(root);
        if let Some(logo) = &config.brand.logo
            && !static_files.contains_key(logo.trim_start_matches('/'))
        {
            let (line, col) = crate::problem::find_key(&config.text, "logo", '=').unwrap_or((1, 1));
            problems.push(
                Problem::error(config::FILE, format!("`brand.logo`: there is no static/{}", logo.trim_start_matches('/')))
                    .at(line, col)
                    .help("put the logo in the site's static/ folder and name it as a path under static/, e.g. `logo = \"council-logo.svg\"`"),
            );
        }
        let (walk_warnings, walk_errors): (Vec<_>, Vec<_>) = walk_problems(root, &config.theme)
            .into_iter()
            .partition(|p| p.severity == Severity::Warning);
        // data/ unreadable is data's own problem too: said once.
        let walk_errors: Vec<Problem> = (walk_errors.into_iter())
            .filter(|p| !problems.contains(p))
            .collect();
        problems.extend(walk_errors);
        // Drafts too: `check` reads the drafts' warnings.
        let allows = Allows::of(&documents);
        let (reports, pages) = arrange(documents, options, &mut problems);
        let (reports, twin_reports, pages) =
            super::twins::check(root, &config, reports, pages, &mut problems);
        let mut warnings = warnings(&data);
        let pairs: Vec<_> = (twin_reports.iter().map(|r| &r.doc))
            .chain(
                pages
                    .iter()
                    .filter(|p| content::twin_language(&p.file).is_some()),
            )
            .map(|twin| (content::original_of(&twin.file), twin.file.clone()))
            .collect();
        let twin_record = super::twin_record::check(root, &pairs);
        warnings.extend(twin_record.warnings.iter().cloned());
        // Warnings found while loading are shown too: only errors stop a build.
        warnings.extend(problems.warnings().cloned());
        warnings.extend(walk_warnings.iter().cloned());
        warnings.allow(|p| allows.allows(p));
        let Some(theme) = theme else {
            // A file left out may be why the theme failed.
            problems.extend(walk_warnings);
            problems.allow(|p| allows.allows(p));
            return Err(SiteProblems(problems));
        };
        let config = Arc::new(config);
        // The record of what was published: read once the data is, and only
        // when it read without errors (a record is checked against it).
        let records_key = record_files.fingerprint();
        let (data, records) = if data_complete {
            // `serve` keeps them while their files, the data, the theme
            // and the day are as they were: a saved report reads none again.
            let today = record::today();
            let key = fingerprint::of((data_key, theme.fingerprint, &today, records_key));
            let load = || {
                let mut found = Vec::new();
                let (data, records) = published::load(
                    &record_files,
                    &config,
                    data.clone(),
                    &theme,
                    &today,
                    &mut found,
                );
                (data, records, found)
            };
            let (data, records, found) = match &cache {
                Some(cache) => cache.records(key, load),
                None => load(),
            };
            for problem in found {
                if problem.severity == Severity::Warning {
                    warnings.push(problem);
                } else {
                    problems.push(problem);
                }
            }
            (data, records)
        } else {
            (data, Arc::default())
        };
        let inputs = fingerprint::of((data_key, theme.fingerprint, data_complete, records_key));
        let shape = fingerprint::of((
            inputs,
            reports
                .iter()
                .chain(&twin_reports)
                .map(|r| &r.doc)
                .chain(&pages)
                .map(|d| (&d.output, &d.front))
                .collect::<Vec<_>>(),
        ));
        let settings = fingerprint::of((
            config_key,
            theme.fingerprint,
            data_complete,
            options.preview,
            options.drafts,
        ));
        let site = Site {
            root: root.to_path_buf(),
            placeholders: Placeholders::new(data.clone(), config.clone(), &theme.partials),
            config,
            data,
            data_complete,
            preview: options.preview,
            theme,
            reports,
            twin_reports,
            twin_record,
            pages,
            static_files,
            warnings,
            allows,
            cache,
            store: None,
            settings,
            records,
            inputs,
            shape,
        };
        if problems.has_errors() {
            // The placeholders' own problems are worth knowing in the same run.
            problems.extend(site.body_problems(|_| true));
            problems.extend(walk_warnings);
            problems.allow(|p| site.allows.allows(p));
            return Err(SiteProblems(problems));
        }
        Ok(site)
    }
}

fn load_config(root: &Path) -> Result<Config, Vec<Problem>> {
    let path = root.join(config::FILE);
    if !path.is_file() {
        return Err(vec![
            Problem::error(
                config::FILE,
                format!("there is no site.toml in {}", root.display()),
            )
            .help("run outturn in a site's folder, or name it with --root DIR"),
        ]);
    }
    let text = fsutil::read_text(&path)
        .map_err(|e| vec![fsutil::read_problem(Path::new(config::FILE), &e)])?;
    Config::parse(&fsutil::normalise_newlines(text))
}

/// The site's own static files: output path → file, relative to the site
/// root. They are copied when the site is written, not read now: a large
/// file need never be held in memory.
fn load_static(root: &Path) -> BTreeMap<String, PathBuf> {
    let dir = root.join("static");
    fsutil::walk(&dir, root, None)
        .files
        .into_iter()
        .filter_map(|file| {
            let name = file
                .strip_prefix("static")
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            Some((name, file))
        })
        .collect()
}

/// What the walks of the site's folders could not follow or read. Each
/// reader walks its folder with [`fsutil::walk`] too, so this names exactly
/// what they leave out.
fn walk_problems(root: &Path, theme: &str) -> Vec<Problem> {
    let theme = Path::new("themes").join(theme);
    let folders = [
        (PathBuf::from("content"), Some("md")),
        (PathBuf::from("data"), Some("csv")),
        (PathBuf::from("templates"), None),
        (theme.join("templates"), None),
        (theme.join("static"), None),
        (PathBuf::from("static"), None),
    ];
    folders
        .par_iter()
        .flat_map_iter(|(dir, ext)| fsutil::walk(&root.join(dir), root, *ext).problems)
        .collect()
}

/// Splits documents into reports (sorted by period) and pages, leaving out
/// drafts unless asked, and checks what no single file can: two files at one
/// address.
fn arrange(
    documents: Vec<Document>,
    options: BuildOptions,
    problems: &mut Problems,
) -> (Vec<Report>, Vec<Document>) {
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    for reserved in ["index.html", "404.html"] {
        seen.insert(reserved.to_string(), PathBuf::from("(the home page)"));
    }
    let mut reports = Vec::new();
    let mut pages = Vec::new();
    for document in documents {
        if document.front.draft && !options.drafts {
            continue;
        }
        let generated = ["indicators/", "compare/", "data/", "static/"]
            .iter()
            .find(|prefix| document.output.starts_with(*prefix));
        if let Some(prefix) = generated {
            problems.push(
                Problem::error(
                    &document.file,
                    format!("outturn makes the pages under {prefix} itself"),
                )
                .at(1, 1)
                .help("move this page to another folder of content/"),
            );
            continue;
        }
        if let Some(first) = seen.get(&document.output) {
            let what = match document.front.period {
                Some(p) => format!("a second report for {}", p.short_label()),
                None => format!(
                    "a second page at {}",
                    document.output.trim_end_matches("index.html")
                ),
            };
            problems.push(Problem::error(&document.file, what).at(1, 1).help(format!(
                "{} has the same address; change one of them",
                first.display()
            )));
            continue;
        }
        seen.insert(document.output.clone(), document.file.clone());
        match document.kind() {
            content::Kind::Report(report) => reports.push(report),
            content::Kind::Page(page) => pages.push(page),
        }
    }
    reports.sort_by_key(|r| r.period);
    (reports, pages)
}
