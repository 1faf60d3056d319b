//! Putting a rendered site on disk without ever leaving a half-built one.
//!
//! Files are written into a fresh folder beside the output, then swapped in with
//! two renames. A build that fails, at any point, leaves the previous output
//! exactly as it was; a good build leaves no stale files behind.

use super::OutputFile;
use crate::fsutil;
use anyhow::{Result, bail};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

/// A file every output holds, so outturn never replaces a folder it did not make.
pub const MARKER_FILE: &str = ".outturn-output";

/// Refuses an output folder that would overwrite the site's own files, or a
/// folder of other files that a build would delete.
pub fn check_output_dir(root: &Path, out: &Path) -> Result<()> {
    let root_abs = absolute(root)?;
    let out_abs = absolute(out)?;
    if root_abs.starts_with(&out_abs) {
        bail!(
            "the output folder {} contains the site itself; choose a folder inside it, such as public",
            out.display()
        );
    }
    for source in ["content", "data", "themes", "templates", "static"] {
        if out_abs.starts_with(root_abs.join(source)) {
            bail!(
                "the output folder {} is inside the site's {source}/ folder; choose another, such as public",
                out.display()
            );
        }
    }
    if out.exists() && !out.is_dir() {
        bail!(
            "{} is a file, not a folder; the output must be a folder, such as public",
            out.display()
        );
    }
    if out.is_dir() && !out.join(MARKER_FILE).exists() && out.read_dir()?.next().is_some() {
        bail!(
            "{} already holds files that outturn did not write; a build replaces its output folder whole, so choose an empty or new folder",
            out.display()
        );
    }
    Ok(())
}

/// Where rendered files go: kept in memory (`serve`, `check`, tests) or
/// written at once into a staging folder (`build`), so that a large site is
/// never held whole in memory.
pub trait Sink: Sync {
    /// Takes one file of the site.
    fn put(&self, file: OutputFile) -> Result<()>;
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
}

impl Staging {
    /// Makes an empty staging folder beside `out`.
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
        let pid = std::process::id();
        let dir = parent.join(format!(".{name}.building-{pid}"));
        fsutil::remove_dir_all(&dir)?;
        fsutil::create_dir_all(&dir)?;
        Ok(Staging {
            out: out.to_path_buf(),
            old: parent.join(format!(".{name}.old-{pid}")),
            dir,
            committed: false,
            folders: Mutex::default(),
        })
    }

    /// Replaces the output with the staging folder, in two renames.
    pub fn commit(mut self) -> Result<()> {
        if self.out.exists() {
            fsutil::remove_dir_all(&self.old)?;
            fsutil::rename(&self.out, &self.old)?;
            if let Err(e) = fsutil::rename(&self.dir, &self.out) {
                let _ = fsutil::rename(&self.old, &self.out);
                return Err(e);
            }
            fsutil::remove_dir_all_parallel(&self.old)?;
        } else {
            fsutil::rename(&self.dir, &self.out)?;
        }
        self.committed = true;
        Ok(())
    }
}

impl Sink for Staging {
    fn put(&self, file: OutputFile) -> Result<()> {
        let path = safe_join(&self.dir, &file.path)?;
        if let Some(parent) = path.parent() {
            let folders = || self.folders.lock().unwrap_or_else(|e| e.into_inner());
            if !folders().contains(parent) {
                fsutil::create_dir_all(parent)?;
                folders().insert(parent.to_path_buf());
            }
        }
        std::fs::write(&path, &file.contents)
            .map_err(|e| anyhow::anyhow!("could not write {}: {e}", path.display()))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fsutil::remove_dir_all(&self.dir);
        }
    }
}

/// Writes `files` into `out`, replacing whatever it held.
pub fn replace_dir(out: &Path, files: &[OutputFile]) -> Result<()> {
    let staging = Staging::new(out)?;
    files
        .par_iter()
        .try_for_each(|file| staging.put(file.clone()))?;
    staging.commit()
}

/// Joins a relative output path, refusing anything that could escape `dir`.
fn safe_join(dir: &Path, relative: &str) -> Result<PathBuf> {
    let path = Path::new(relative);
    if path.components().all(|c| matches!(c, Component::Normal(_))) {
        Ok(dir.join(path))
    } else {
        bail!("refusing to write {relative}: it would be outside the output folder")
    }
}

fn absolute(path: &Path) -> Result<PathBuf> {
    let path = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    // Resolve `..` lexically; the folder may not exist yet.
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    Ok(out)
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
    fn refuses_output_folders_that_would_destroy_work() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        assert!(check_output_dir(root, root).is_err());
        assert!(check_output_dir(root, &root.join("content/out")).is_err());
        let other = root.join("documents");
        std::fs::create_dir(&other).unwrap();
        std::fs::write(other.join("letter.txt"), "keep me").unwrap();
        assert!(check_output_dir(root, &other).is_err());
        assert!(check_output_dir(root, &root.join("public")).is_ok());
        std::fs::write(root.join("site.toml"), "title = \"x\"").unwrap();
        assert!(check_output_dir(root, &root.join("site.toml")).is_err());
    }
}
