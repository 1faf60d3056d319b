//! The build cache: what each page and file of the last build was made
//! from, kept on disk, so that `build` makes again only what changed and
//! hard-links the rest from the output it is replacing.
//!
//! It lives in the site's `.outturn-cache/` folder, one `manifest.json`
//! naming, for each generator's output: its key (a blake3 fingerprint of
//! everything it read, made by this build of outturn), the indicators it
//! read (for a report or page: the query layer notes them, see
//! [`crate::query::Reads`]), and each file it wrote with the blake3 hash of
//! its bytes. A file is taken from the last output only when its key is as
//! it was and the file there still has those bytes: nothing is trusted to a
//! file's time, and an output edited or removed by hand is made again. The
//! folder is safe to delete; the next build is then a cold one. Only a
//! whole, published build writes the manifest.

use super::file::OutputFile;
use super::generator::Made;
use super::links::PageLinks;
use super::write::{Sink, Staging};
use crate::fingerprint;
use crate::templates::views::KeyFigureView;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The cache's folder, in the site's folder.
pub const DIR: &str = ".outturn-cache";
const MANIFEST: &str = "manifest.json";
/// `serve`'s own cache, in the cache's folder.
const SERVE: &str = "serve";

#[derive(Serialize, Deserialize, Default)]
struct Manifest {
    /// The build of outturn that wrote it: no other reads it.
    build: String,
    entries: HashMap<String, Entry>,
}

/// One generator's output, as the last build made it.
#[derive(Serialize, Deserialize, Clone)]
struct Entry {
    key: u64,
    /// The indicators a report or page read.
    reads: Vec<String>,
    /// Each file: its path in the output, blake3 hash and length.
    files: Vec<(String, String, u64)>,
    links: Vec<PageLinks>,
    summary: Option<StoredSummary>,
}

/// What the pages that list reports need of a report or page kept.
#[derive(Serialize, Deserialize, Clone)]
pub(super) struct StoredSummary {
    pub(super) indicators: BTreeSet<String>,
    key_figures: Vec<StoredKeyFigure>,
}

#[derive(Serialize, Deserialize, Clone)]
struct StoredKeyFigure {
    id: String,
    title: String,
    value: String,
    period: String,
    change: String,
    direction: String,
    assessment: String,
}

impl StoredSummary {
    pub(super) fn new(
        indicators: &BTreeSet<String>,
        key_figures: &[KeyFigureView],
    ) -> StoredSummary {
        StoredSummary {
            indicators: indicators.clone(),
            key_figures: key_figures
                .iter()
                .map(|k| StoredKeyFigure {
                    id: k.id.clone(),
                    title: k.title.clone(),
                    value: k.value.clone(),
                    period: k.period.clone(),
                    change: k.change.clone(),
                    direction: k.direction.to_string(),
                    assessment: k.assessment.to_string(),
                })
                .collect(),
        }
    }

    pub(super) fn key_figures(&self) -> Vec<KeyFigureView> {
        self.key_figures
            .iter()
            .map(|k| KeyFigureView {
                id: k.id.clone(),
                title: k.title.clone(),
                value: k.value.clone(),
                period: k.period.clone(),
                change: k.change.clone(),
                direction: known(&k.direction, &["up", "down", "same"]),
                assessment: known(&k.assessment, &["better", "worse", "no change", "neutral"]),
            })
            .collect()
    }
}

/// `name` as one of the `names` a key figure's words are drawn from.
fn known(name: &str, names: &[&'static str]) -> &'static str {
    names.iter().find(|n| **n == name).copied().unwrap_or("")
}

/// An output kept from the last build: its files are in the last output.
pub(super) struct Kept {
    /// The last output, where its files are.
    pub(super) from: PathBuf,
    pub(super) paths: Vec<String>,
    pub(super) links: Vec<Arc<PageLinks>>,
    pub(super) summary: Option<StoredSummary>,
}

/// The last build's entries, and this build's.
pub struct Store {
    dir: PathBuf,
    /// The output being replaced, where kept files are taken from: none
    /// until the build knows it, and nothing is kept meanwhile.
    last_output: Option<PathBuf>,
    last: HashMap<String, Entry>,
    this: Mutex<HashMap<String, Entry>>,
    kept: Mutex<usize>,
}

impl Store {
    /// The cache of the site at `root`, keeping nothing until it is told
    /// where the output it replaces is ([`Store::taking_from`]): `build`
    /// reads the manifest while it loads the site, before it knows. A
    /// manifest that cannot be read, or was written by another build of
    /// outturn, is an empty cache.
    pub fn open(root: &Path) -> Store {
        Store::open_in(root.join(DIR), None)
    }

    /// `serve`'s cache of the site at `root`, in `.outturn-cache/serve/`:
    /// its manifest, and a copy of the preview's files in `site/` to take
    /// kept ones from. `serve` builds with drafts and gaps, so it shares
    /// nothing with `build`'s cache.
    pub fn for_preview(root: &Path) -> Store {
        let dir = root.join(DIR).join(SERVE);
        let out = dir.join("site");
        Store::open_in(dir, Some(out))
    }

    /// This cache, taking kept files from `out`, the output being replaced.
    pub fn taking_from(mut self, out: &Path) -> Store {
        self.last_output = Some(out.to_path_buf());
        self
    }

    fn open_in(dir: PathBuf, last_output: Option<PathBuf>) -> Store {
        let manifest = std::fs::read(dir.join(MANIFEST))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Manifest>(&bytes).ok())
            .filter(|m| m.build == fingerprint::BUILD)
            .unwrap_or_default();
        Store {
            dir,
            last_output,
            last: manifest.entries,
            this: Mutex::default(),
            kept: Mutex::default(),
        }
    }

    /// The indicators the output `name` read last time, if it was made.
    pub(super) fn reads(&self, name: &str) -> Option<&[String]> {
        self.last.get(name).map(|e| e.reads.as_slice())
    }

    /// The output `name`, if the last build made it with this `key` and its
    /// files are still in the last output as they were written.
    pub(super) fn kept(&self, name: &str, key: u64) -> Option<Kept> {
        let from = self.last_output.as_ref()?;
        let entry = self.last.get(name).filter(|e| e.key == key)?;
        let whole = entry.files.iter().all(|(path, hash, len)| {
            let file = from.join(path);
            std::fs::metadata(&file).is_ok_and(|m| m.is_file() && m.len() == *len)
                && fingerprint::file(&file).is_ok_and(|found| found == *hash)
        });
        if !whole {
            return None;
        }
        lock(&self.this).insert(name.to_string(), entry.clone());
        *lock(&self.kept) += 1;
        Some(Kept {
            from: from.clone(),
            paths: entry.files.iter().map(|(p, _, _)| p.clone()).collect(),
            links: entry.links.iter().cloned().map(Arc::new).collect(),
            summary: entry.summary.clone(),
        })
    }

    /// Notes what this build made as `name`, for the next build.
    pub(super) fn made(
        &self,
        name: String,
        key: u64,
        reads: Vec<String>,
        made: &Made,
        summary: Option<StoredSummary>,
    ) {
        if !made.copies.is_empty() {
            // The site's own files are copied by every build.
            return;
        }
        let files = made
            .files
            .iter()
            .map(|f| (f.path.clone(), stored_hash(f), f.contents.len() as u64))
            .collect();
        let links = made.links.iter().map(|l| (**l).clone()).collect();
        let entry = Entry {
            key,
            reads,
            files,
            links,
            summary,
        };
        lock(&self.this).insert(name, entry);
    }

    /// How many outputs this build kept from the last.
    pub fn kept_count(&self) -> usize {
        *lock(&self.kept)
    }

    /// Writes `files`, this build's whole output, where the next build
    /// takes kept files from, replacing what is there in one swap, then
    /// this build's manifest: for a build into memory (`serve`'s).
    pub fn keep_copy(&self, files: Vec<OutputFile>) -> anyhow::Result<()> {
        let out = (self.last_output.as_ref()).ok_or_else(|| {
            anyhow::anyhow!("the build cache was not told where to keep its copy")
        })?;
        let staging = Staging::new(out)?;
        for file in files {
            staging.put(file)?;
        }
        staging.commit()?;
        self.save()?;
        Ok(())
    }

    /// Writes this build's manifest, for the next: called once its output
    /// is in place.
    pub fn save(&self) -> std::io::Result<()> {
        let manifest = Manifest {
            build: fingerprint::BUILD.to_string(),
            entries: std::mem::take(&mut *lock(&self.this)),
        };
        std::fs::create_dir_all(&self.dir)?;
        let temporary = self.dir.join(format!("{MANIFEST}.new"));
        std::fs::write(&temporary, serde_json::to_vec(&manifest)?)?;
        std::fs::rename(&temporary, self.dir.join(MANIFEST))
    }
}

fn stored_hash(file: &OutputFile) -> String {
    fingerprint::contents(&file.contents)
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}
