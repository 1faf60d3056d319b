//! Putting a rendered site on disk without ever leaving a half-built one.
//!
//! Files are written into a fresh folder beside the output, then swapped in.
//! Where the system has a one-step exchange (Linux, macOS, on most local
//! file systems) there is never a moment without a complete site; elsewhere
//! (Windows, network shares) it is two renames, with a moment between them
//! when the output folder is missing. A build stopped in that moment leaves
//! both sites beside the output, and the next build puts the last one back
//! before anything else. A build that fails, at any point, leaves the
//! previous output exactly as it was; a good build leaves no stale files
//! behind.

use super::OutputFile;
use super::output::{self, marker, marker_with_manifest};
use crate::fsutil;
use crate::problem::{Id, Problem};
use anyhow::{Result, anyhow, bail};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

pub use output::{MARKER_FILE, check_output_dir};

/// The exit status of a build stopped between its two renames by
/// `OUTTURN_SWAP=rename-and-stop`: a killed process's (128 + SIGKILL).
const STOPPED: i32 = 137;

/// Where rendered files go: kept in memory (`serve`, `check`, tests) or
/// written at once into a staging folder (`build`), so that a large site is
/// never held whole in memory.
pub trait Sink: Sync {
    /// Takes one file of the site.
    fn put(&self, file: OutputFile) -> Result<()>;

    /// Takes a copy of the file at `from` as `path` of the site. A sink that
    /// writes to disk copies it there without reading it into memory.
    fn copy(&self, path: &str, from: &Path) -> Result<()> {
        self.put(OutputFile {
            path: path.to_string(),
            contents: fsutil::read_bytes(from)?.into(),
        })
    }

    /// Puts the file `from` (in the output being replaced, kept by the
    /// build cache) as `path`: a hard link where one can be made.
    fn link(&self, path: &str, from: &Path) -> Result<()> {
        self.copy(path, from)
    }
}

/// Keeps every file in memory.
#[derive(Default)]
pub struct Memory(Mutex<Vec<OutputFile>>);

impl Memory {
    /// The files, sorted by path.
    pub fn into_files(self) -> Vec<OutputFile> {
        let mut files = self.0.into_inner().unwrap_or_else(|e| e.into_inner());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

impl Sink for Memory {
    fn put(&self, file: OutputFile) -> Result<()> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(file);
        Ok(())
    }
}

/// A new folder beside the output, filled as the site renders, then swapped
/// in by [`Staging::commit`]. Dropped without a commit, it is removed and
/// the output is as it was.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    old: PathBuf,
    committed: bool,
    /// Folders made so far: a report's folder holds a page and its CSV files,
    /// and asking the file system again for each costs a system call or two.
    folders: Mutex<HashSet<PathBuf>>,
    /// Every file written, for the marker's list.
    written: Mutex<Vec<String>>,
    /// Leftovers of killed builds that could not be removed, and a site
    /// one of them left that was put back.
    warnings: Vec<Problem>,
    /// Whether whole sites killed builds left were kept, as there was no
    /// output to stand in for them, until the new site is in place.
    kept_whole: bool,
}

/// How [`Staging::commit`] swaps the new site in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Swap {
    /// The system's one-step exchange where it has one, else two renames.
    Exchange,
    /// Two renames, as on a system without an exchange.
    Rename,
    /// Two renames, the process stopping between them as if it were killed
    /// there.
    RenameAndStop,
}

impl Swap {
    /// The swap `OUTTURN_SWAP` asks for: `rename` or `rename-and-stop`, so
    /// that the two renames Windows and network shares get, and a build
    /// killed between them, can be tried on any system. Anything else, or
    /// nothing, is the exchange.
    fn from_env() -> Swap {
        match std::env::var("OUTTURN_SWAP").as_deref() {
            Ok("rename") => Swap::Rename,
            Ok("rename-and-stop") => Swap::RenameAndStop,
            _ => Swap::Exchange,
        }
    }
}

/// The folder that holds `out`, and `out`'s name in it.
fn beside(out: &Path) -> (PathBuf, String) {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "public".into());
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    (parent, name)
}

/// If `out` is missing because a build stopped between its two renames,
/// puts back the whole site that build left beside it (see
/// [`output::restore`]), and returns the warning that says so.
pub fn restore(out: &Path) -> Result<Option<Problem>> {
    let (parent, name) = beside(out);
    let Some(whole) = output::restore(out, &parent, &name)? else {
        return Ok(None);
    };
    Ok(Some(
        Problem::warning(
            crate::problem::Id::SiteRestored,
            out,
            format!(
                "this folder was missing, as a build stopped part way through putting a new site in its place; the whole site that build left in {} is back in place",
                whole.display()
            ),
        )
        .help("nothing was lost; if that build was stopped on purpose, check that this is the site you expect"),
    ))
}

impl Staging {
    /// Makes an empty staging folder beside `out`, holding outturn's marker
    /// from the start. First, if `out` is missing because a build stopped
    /// between its two renames, the whole site it left is put back; then the
    /// folders killed builds left are removed, but never the last whole site
    /// while no output stands in for it.
    pub fn new(out: &Path) -> Result<Staging> {
        let (parent, name) = beside(out);
        fsutil::create_dir_all(&parent)?;
        let mut warnings: Vec<Problem> = restore(out)?.into_iter().collect();
        let kept_whole = !output::is_outturns(out);
        warnings.extend(output::remove_leftovers(&parent, &name, kept_whole));
        let pid = std::process::id();
        let dir = parent.join(format!(".{name}.building-{pid}"));
        if std::fs::symlink_metadata(&dir).is_ok() {
            bail!(
                "{} is in the way of the build, and outturn did not make it; move or delete it",
                dir.display()
            );
        }
        fsutil::create_dir_all(&dir)?;
        fsutil::write(&dir.join(MARKER_FILE), marker().as_bytes())?;
        Ok(Staging {
            out: out.to_path_buf(),
            old: parent.join(format!(".{name}.old-{pid}")),
            dir,
            committed: false,
            folders: Mutex::default(),
            written: Mutex::default(),
            warnings,
            kept_whole,
        })
    }

    /// Replaces the output with the staging folder and removes the old
    /// output. Once the new site is in place, anything that goes wrong is a
    /// warning, returned, not an error: the site was published.
    pub fn commit(self) -> Result<Vec<Problem>> {
        self.commit_with(Swap::from_env(), output::remove)
    }

    fn commit_with(
        mut self,
        swap: Swap,
        remove: impl Fn(&Path) -> Result<()>,
    ) -> Result<Vec<Problem>> {
        let mut written =
            std::mem::take(&mut *self.written.lock().unwrap_or_else(|e| e.into_inner()));
        written.sort_unstable();
        written.dedup();
        fsutil::write(
            &self.dir.join(MARKER_FILE),
            marker_with_manifest(written.iter().map(String::as_str)).as_bytes(),
        )?;
        let mut warnings = std::mem::take(&mut self.warnings);
        if std::fs::symlink_metadata(&self.out).is_err() {
            fsutil::rename(&self.dir, &self.out)?;
            self.committed = true;
            warnings.extend(self.remove_kept());
            return Ok(warnings);
        }
        // Looked at again now: a file may have been put there by hand
        // while the site rendered.
        output::check_foreign(&self.out).map_err(|p| match p.help {
            Some(help) => anyhow!("{}: {}\n    help: {help}", p.file.display(), p.message),
            None => anyhow!("{}: {}", p.file.display(), p.message),
        })?;
        let exchanged = swap == Swap::Exchange && fsutil::exchange(&self.dir, &self.out)?;
        let old = if exchanged {
            // The staging folder's name now holds the old site.
            self.dir.clone()
        } else {
            fsutil::rename(&self.out, &self.old)?;
            if swap == Swap::RenameAndStop {
                std::process::exit(STOPPED);
            }
            if let Err(e) = fsutil::rename(&self.dir, &self.out) {
                let _ = fsutil::rename(&self.old, &self.out);
                return Err(e);
            }
            self.old.clone()
        };
        self.committed = true;
        if let Err(e) = remove(&old) {
            warnings.push(
                Problem::warning(
                    Id::LeftoverCopy,
                    &old,
                    format!("the new site is in place, but this copy of the last one could not be removed: {e:#}"),
                )
                .help("the next build removes it; or delete it yourself"),
            );
        }
        warnings.extend(self.remove_kept());
        Ok(warnings)
    }

    /// Removes the whole sites killed builds left, kept by [`Staging::new`]
    /// while no output stood in for them: the new site is in place now. (The
    /// old output is never among them: one without outturn's marker is why
    /// they were kept.)
    fn remove_kept(&self) -> Vec<Problem> {
        if !self.kept_whole {
            return Vec::new();
        }
        let (parent, name) = beside(&self.out);
        output::remove_leftovers(&parent, &name, false)
    }

    /// Where `relative` goes in the staging folder, its folder made.
    fn prepare(&self, relative: &str) -> Result<PathBuf> {
        let path = safe_join(&self.dir, relative)?;
        if let Some(parent) = path.parent() {
            let folders = || self.folders.lock().unwrap_or_else(|e| e.into_inner());
            if !folders().contains(parent) {
                fsutil::create_dir_all(parent)?;
                folders().insert(parent.to_path_buf());
            }
        }
        self.written
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(relative.to_string());
        Ok(path)
    }
}

impl Sink for Staging {
    fn put(&self, file: OutputFile) -> Result<()> {
        let path = self.prepare(&file.path)?;
        std::fs::write(&path, &file.contents)
            .map_err(|e| anyhow::anyhow!("could not write {}: {e}", path.display()))
    }

    fn copy(&self, path: &str, from: &Path) -> Result<()> {
        fsutil::copy(from, &self.prepare(path)?)
    }

    fn link(&self, path: &str, from: &Path) -> Result<()> {
        let to = self.prepare(path)?;
        if std::fs::hard_link(from, &to).is_ok() {
            return Ok(());
        }
        fsutil::copy(from, &to)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = output::remove(&self.dir);
        }
    }
}

/// Writes `files` into `out`, replacing whatever it held, and returns the
/// warnings of [`Staging::commit`].
pub fn replace_dir(out: &Path, files: &[OutputFile]) -> Result<Vec<Problem>> {
    let staging = Staging::new(out)?;
    files
        .par_iter()
        .try_for_each(|file| staging.put(file.clone()))?;
    staging.commit()
}

/// Joins a relative output path, refusing anything that could escape `dir`,
/// and names that would break the marker's list of one file a line.
fn safe_join(dir: &Path, relative: &str) -> Result<PathBuf> {
    let path = Path::new(relative);
    if relative.contains(['\n', '\r']) {
        bail!("refusing to write {relative:?}: a file name cannot hold a line break")
    }
    if path.components().all(|c| matches!(c, Component::Normal(_))) {
        Ok(dir.join(path))
    } else {
        bail!("refusing to write {relative}: it would be outside the output folder")
    }
}

#[cfg(test)]
#[path = "write_tests.rs"]
mod tests;
