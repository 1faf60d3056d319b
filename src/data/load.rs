//! Reading `data/`: every file read once into [`DataFiles`] (so that what is
//! hashed to tell whether they changed is what is parsed), then parsed in
//! parallel into a [`DataSet`].

use super::read::{self, ReadContext, Record};
use super::{DataSet, indicators, national, workbook};
use crate::config::Config;
use crate::fsutil;
use crate::problem::{Problem, Problems};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The files a data set is made from, read once, so that what is hashed to
/// tell whether they changed is what is parsed.
pub struct DataFiles {
    /// indicators.yaml, if there is one.
    pub(super) yaml: Option<anyhow::Result<String>>,
    /// Each CSV file under data/, relative to the site root, with its text.
    pub(super) csv: Vec<(PathBuf, anyhow::Result<String>)>,
    /// Each workbook under data/, relative to the site root, with its bytes.
    pub(super) workbooks: Vec<(PathBuf, anyhow::Result<Vec<u8>>)>,
    /// Why data/ itself could not be read, if it could not: then nothing in
    /// it was, and that is the one problem to report.
    pub(super) folder: Option<String>,
}

impl DataFiles {
    /// Reads indicators.yaml, every CSV file and every workbook under `data/`, in parallel.
    pub fn read(root: &Path) -> DataFiles {
        let yaml_path = root.join(indicators::FILE);
        let folder = match std::fs::read_dir(root.join("data")) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Some(e.to_string()),
            _ => None,
        };
        DataFiles {
            // A file that may be there but cannot be looked at is read, to
            // say why it cannot be; only one surely not there is missing.
            yaml: match yaml_path.try_exists() {
                Ok(false) => None,
                _ => Some(fsutil::read_text(&yaml_path)),
            },
            csv: fsutil::files_with_extension(&root.join("data"), root, "csv")
                .into_par_iter()
                .map(|file| {
                    let text = fsutil::read_text(&root.join(&file));
                    (file, text)
                })
                .collect(),
            workbooks: workbook::read_files(root),
            folder,
        }
    }

    /// A hash of every file's name and text (or why it could not be read).
    pub fn fingerprint(&self) -> u64 {
        fn text(t: &anyhow::Result<String>) -> Result<&str, String> {
            t.as_ref().map(String::as_str).map_err(|e| format!("{e:#}"))
        }
        crate::fingerprint::of((
            self.yaml.as_ref().map(text),
            self.csv
                .iter()
                .map(|(file, t)| (file, text(t)))
                .collect::<Vec<_>>(),
            self.workbooks
                .iter()
                .map(|(file, b)| (file, b.as_ref().map_err(|e| format!("{e:#}"))))
                .collect::<Vec<_>>(),
            &self.folder,
        ))
    }
}

impl DataSet {
    /// Reads indicators.yaml and every CSV file under `data/`. Whatever could be
    /// read is returned along with every problem found.
    pub fn load(root: &Path, config: &Config) -> (DataSet, Problems) {
        DataSet::from_files(&DataFiles::read(root), config)
    }

    /// Parses files [`DataFiles::read`] read.
    pub fn from_files(files: &DataFiles, config: &Config) -> (DataSet, Problems) {
        let mut problems = Problems::new();
        let mut declared = BTreeSet::new();
        // Unless indicators.yaml is read, every row would be of an unknown
        // indicator: its one problem is what to fix.
        let mut indicators_read = false;
        let indicators = match &files.yaml {
            // Nothing in data/ could be read: the folder is the problem.
            _ if files.folder.is_some() => {
                let reason = files.folder.as_deref().unwrap_or_default();
                problems.push(fsutil::unreadable(Path::new("data"), reason));
                BTreeMap::new()
            }
            Some(Ok(text)) => {
                let text = fsutil::normalise_newlines(text.clone());
                let (indicators, found) = indicators::parse(&text);
                (declared, indicators_read) = indicators::declared_ids(&text);
                problems.extend(found);
                indicators
            }
            Some(Err(e)) => {
                problems.push(fsutil::read_problem(Path::new(indicators::FILE), e));
                BTreeMap::new()
            }
            None => {
                problems.push(
                    Problem::error(indicators::FILE, "there is no indicators file").help(
                        "create data/indicators.yaml describing each indicator; see the README",
                    ),
                );
                BTreeMap::new()
            }
        };
        // With nothing described, every row would be of an unknown indicator.
        if indicators_read
            && declared.is_empty()
            && !(files.csv.is_empty() && files.workbooks.is_empty())
        {
            problems.push(
                Problem::error(indicators::FILE, "this file describes no indicators, so no figure in data/ can be read")
                    .at_line(1)
                    .help("describe each indicator the CSV files name: an id, then indented `title:` and `unit:` lines; see the README"),
            );
            indicators_read = false;
        }
        let cx = ReadContext {
            indicators: &indicators,
            declared: &declared,
            config,
            indicators_read,
        };
        // Files are parsed in parallel, and their rows are not gathered into
        // one list: a large archive's rows are hundreds of megabytes.
        // National statistics files are read only for what `from:` asks.
        // Whether each is a national file, told once from its header line.
        let national: Vec<bool> = (files.csv.iter())
            .map(|(_, text)| text.as_deref().is_ok_and(national::is_national_text))
            .collect();
        let (mut read, (national_rows, national_problems, screened)) = rayon::join(
            || {
                (files.csv.par_iter())
                    .zip(&national)
                    .map(|((file, text), &national)| match text {
                        Ok(_) if national => (Vec::new(), Vec::new()),
                        Ok(text) => read::read(file, text, &cx),
                        Err(e) => (Vec::new(), vec![fsutil::read_problem(file, e)]),
                    })
                    .collect::<Vec<(Vec<Record>, Vec<Problem>)>>()
            },
            || {
                let texts: Vec<national::Text<'_>> = (files.csv.iter().zip(&national))
                    .filter_map(|((file, text), &national)| {
                        Some(national::Text {
                            file: file.clone(),
                            text: text.as_deref().ok()?,
                            national,
                        })
                    })
                    .collect();
                national::rows(&indicators, config, &texts)
            },
        );
        read.push((national_rows, national_problems));
        read.extend(workbook::read_all(&files.workbooks, &cx));
        let mut rows = Vec::with_capacity(read.len());
        for (found_rows, found) in read {
            rows.push(found_rows);
            problems.extend(found);
        }
        let names = (files.csv.iter().map(|(file, _)| file))
            .chain(files.workbooks.iter().map(|(file, _)| file))
            .cloned()
            .collect();
        let (mut data, found) = DataSet::from_rows(indicators, rows.into_iter().flatten(), names);
        data.declared = declared;
        data.screened = screened;
        data.indicators_unread = !indicators_read;
        problems.extend(found);
        (data, problems)
    }
}
