//! Putting a rendered site on disk without ever leaving a half-built one.
//!
//! Files are written into a fresh folder beside the output, then swapped in.
//! On Linux the swap is one atomic exchange, so there is never a moment
//! without a complete site; elsewhere it is two renames, with a moment
//! between them when the output folder is missing. A build that fails, at
//! any point, leaves the previous output exactly as it was; a good build
//! leaves no stale files behind.

use super::OutputFile;
use super::output::{self, marker, marker_with_manifest};
use crate::fsutil;
use crate::problem::Problem;
use anyhow::{Result, anyhow, bail};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

pub use output::{MARKER_FILE, check_output_dir};

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
            contents: fsutil::read_bytes(from)?,
        })
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
    /// Leftovers of killed builds that could not be removed.
    warnings: Vec<Problem>,
}

impl Staging {
    /// Makes an empty staging folder beside `out`, holding outturn's marker
    /// from the start, after removing any that killed builds left there.
    pub fn new(out: &Path) -> Result<Staging> {
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "public".into());
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fsutil::create_dir_all(&parent)?;
        let warnings = output::remove_leftovers(&parent, &name);
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
        })
    }

    /// Replaces the output with the staging folder and removes the old
    /// output. Once the new site is in place, anything that goes wrong is a
    /// warning, returned, not an error: the site was published.
    pub fn commit(self) -> Result<Vec<Problem>> {
        self.commit_with(fsutil::exchange, output::remove)
    }

    fn commit_with(
        mut self,
        exchange: impl Fn(&Path, &Path) -> Result<bool>,
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
            return Ok(warnings);
        }
        // Looked at again now: a file may have been put there by hand
        // while the site rendered.
        output::check_foreign(&self.out).map_err(|p| match p.help {
            Some(help) => anyhow!("{}: {}\n    help: {help}", p.file.display(), p.message),
            None => anyhow!("{}: {}", p.file.display(), p.message),
        })?;
        let old = if exchange(&self.dir, &self.out)? {
            // The staging folder's name now holds the old site.
            self.dir.clone()
        } else {
            fsutil::rename(&self.out, &self.old)?;
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
                    &old,
                    format!("the new site is in place, but this copy of the last one could not be removed: {e:#}"),
                )
                .help("the next build removes it; or delete it yourself"),
            );
        }
        Ok(warnings)
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
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            contents: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn replaces_whole_and_leaves_no_stale_files() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        replace_dir(
            &out,
            &[file("a/index.html", "one"), file("old.html", "stale")],
        )
        .unwrap();
        replace_dir(&out, &[file("a/index.html", "two")]).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            "two"
        );
        assert!(!out.join("old.html").exists());
        let leftovers: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "only public/ remains");
    }

    #[test]
    fn refuses_paths_that_escape() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        assert!(replace_dir(&out, &[file("../evil.html", "x")]).is_err());
        assert!(replace_dir(&out, &[file("/etc/x", "x")]).is_err());
        assert!(!tmp.path().join("evil.html").exists());
        assert!(!out.exists());
    }

    #[test]
    fn the_marker_lists_every_file_written() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        replace_dir(&out, &[file("b.html", "b"), file("a/index.html", "a")]).unwrap();
        let marker = std::fs::read_to_string(out.join(MARKER_FILE)).unwrap();
        assert!(
            marker.ends_with("Files outturn wrote:\na/index.html\nb.html\n"),
            "{marker}"
        );
    }

    #[test]
    fn the_swap_puts_the_old_site_where_the_new_one_was_built() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        replace_dir(&out, &[file("index.html", "old")]).unwrap();
        let staging = Staging::new(&out).unwrap();
        staging.put(file("index.html", "new")).unwrap();
        let building = staging.dir.clone();
        let kept = std::sync::Mutex::new(None);
        let warnings = staging
            .commit_with(fsutil::exchange, |old| {
                let text = std::fs::read_to_string(old.join("index.html"))?;
                *kept.lock().unwrap() = Some((old.to_path_buf(), text));
                fsutil::remove_dir_all(old)
            })
            .unwrap();
        assert!(warnings.is_empty());
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "new"
        );
        let (old_path, old_text) = kept.into_inner().unwrap().unwrap();
        assert_eq!(old_text, "old");
        // Exchanged: the old site took the staging folder's name, with no
        // moment when public/ was missing.
        #[cfg(target_os = "linux")]
        assert_eq!(old_path, building);
        let _ = (old_path, building);
    }

    #[test]
    fn without_an_exchange_two_renames_do() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        replace_dir(&out, &[file("index.html", "old")]).unwrap();
        let staging = Staging::new(&out).unwrap();
        staging.put(file("index.html", "new")).unwrap();
        let warnings = staging
            .commit_with(|_, _| Ok(false), output::remove)
            .unwrap();
        assert!(warnings.is_empty());
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "new"
        );
        let leftovers: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "only public/ remains");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_exchange_is_one_step() {
        let tmp = tempfile::tempdir().unwrap();
        let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
        std::fs::create_dir(&a).unwrap();
        std::fs::write(a.join("f"), "a").unwrap();
        std::fs::create_dir(&b).unwrap();
        std::fs::write(b.join("f"), "b").unwrap();
        assert!(fsutil::exchange(&a, &b).unwrap());
        assert_eq!(std::fs::read_to_string(a.join("f")).unwrap(), "b");
        assert_eq!(std::fs::read_to_string(b.join("f")).unwrap(), "a");
    }

    #[test]
    fn an_old_copy_that_cannot_be_removed_is_a_warning_once_published() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        replace_dir(&out, &[file("index.html", "old")]).unwrap();
        let staging = Staging::new(&out).unwrap();
        staging.put(file("index.html", "new")).unwrap();
        let warnings = staging
            .commit_with(fsutil::exchange, |_| {
                Err(anyhow!("Permission denied (os error 13)"))
            })
            .unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "new"
        );
        assert_eq!(warnings.len(), 1);
        let warning = warnings[0].to_string();
        assert!(
            warning.contains("warning: the new site is in place"),
            "{warning}"
        );
        assert!(warning.contains("Permission denied"), "{warning}");
        // The copy left behind is outturn's, so the next build removes it.
        let left = warnings[0].file.clone();
        assert!(left.join(MARKER_FILE).exists());
        replace_dir(&out, &[file("index.html", "newer")]).unwrap();
        assert!(!left.exists());
    }

    #[test]
    fn a_file_put_in_the_output_while_building_stops_the_swap() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        replace_dir(&out, &[file("index.html", "old")]).unwrap();
        let staging = Staging::new(&out).unwrap();
        staging.put(file("index.html", "new")).unwrap();
        std::fs::write(out.join("budget.pdf"), "by hand").unwrap();
        let error = staging.commit().unwrap_err().to_string();
        assert!(error.contains("budget.pdf"), "{error}");
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "old"
        );
        assert!(out.join("budget.pdf").exists());
    }

    #[test]
    fn a_folder_in_the_way_of_staging_is_not_removed() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let mine = tmp
            .path()
            .join(format!(".public.building-{}", std::process::id()));
        std::fs::create_dir(&mine).unwrap();
        std::fs::write(mine.join("notes.txt"), "mine").unwrap();
        assert!(Staging::new(&out).is_err());
        assert!(mine.join("notes.txt").exists());
    }
}
