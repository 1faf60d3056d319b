//! File helpers that always name the path in their error.
//!
//! "No such file or directory" alone tells a user nothing; every disk operation in
//! outturn goes through here so the message says which file and what was being
//! done with it.

use anyhow::{Context, Result};
use std::fs;
use std::path::{Path, PathBuf};

/// Reads a UTF-8 text file, dropping a leading byte order mark (spreadsheets
/// write one) so that exported files read exactly like clean ones.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = fs::read(path).with_context(|| format!("could not read {}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = good.iter().filter(|b| **b == b'\n').count() + 1;
        let last_line = good.rsplit(|b| *b == b'\n').next().unwrap_or(good);
        let column = String::from_utf8_lossy(last_line).chars().count() + 1;
        anyhow::Error::new(NotUtf8 { line, column })
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// Writes a file, creating its folder first.
pub fn write(path: &Path, contents: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent() {
        create_dir_all(parent)?;
    }
    fs::write(path, contents).with_context(|| format!("could not write {}", path.display()))
}

/// Creates a folder and its parents.
pub fn create_dir_all(path: &Path) -> Result<()> {
    fs::create_dir_all(path).with_context(|| format!("could not create folder {}", path.display()))
}

/// Removes a folder and everything in it, if it exists.
pub fn remove_dir_all(path: &Path) -> Result<()> {
    match fs::remove_dir_all(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e).with_context(|| format!("could not remove {}", path.display())),
    }
}

/// As [`remove_dir_all`], removing the folder's subfolders in parallel: the
/// last output of a large archive is thousands of folders, and removing them
/// one by one was a tenth of a build.
pub fn remove_dir_all_parallel(path: &Path) -> Result<()> {
    use rayon::prelude::*;
    let entries = match fs::read_dir(path) {
        Ok(entries) => entries.collect::<std::io::Result<Vec<_>>>(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => Err(e),
    }
    .with_context(|| format!("could not read {}", path.display()))?;
    entries.par_iter().try_for_each(|entry| {
        // A link to a folder is removed, not followed.
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            remove_dir_all_parallel(&entry.path())
        } else {
            fs::remove_file(entry.path())
                .with_context(|| format!("could not remove {}", entry.path().display()))
        }
    })?;
    remove_dir_all(path)
}

/// Renames a file or folder.
pub fn rename(from: &Path, to: &Path) -> Result<()> {
    fs::rename(from, to)
        .with_context(|| format!("could not move {} to {}", from.display(), to.display()))
}

/// Reads a file's bytes.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).with_context(|| format!("could not read {}", path.display()))
}

/// Normalises line ends to `\n`, so CRLF files from spreadsheets and Windows
/// editors parse, and report lines, exactly like clean ones.
pub fn normalise_newlines(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

/// Every file under `dir` whose name ends in `.ext` (any case), sorted, as
/// paths relative to `root`. A missing folder has none.
pub fn files_with_extension(dir: &Path, root: &Path, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            e.path()
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case(ext))
        })
        .map(|e| {
            e.path()
                .strip_prefix(root)
                .unwrap_or(e.path())
                .to_path_buf()
        })
        .collect();
    files.sort();
    files
}

/// A text file that is not UTF-8, with the place of its first bad character.
#[derive(Debug)]
pub struct NotUtf8 {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl std::fmt::Display for NotUtf8 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("this file is not UTF-8 text")
    }
}

impl std::error::Error for NotUtf8 {}

/// A problem in `file` for an error reading it, placed at the bad character
/// when the file is not UTF-8.
pub fn read_problem(file: &Path, error: &anyhow::Error) -> crate::problem::Problem {
    match error.downcast_ref::<NotUtf8>() {
        Some(bad) => crate::problem::Problem::error(file, bad.to_string())
            .at(bad.line, bad.column)
            .help(
                "save it as UTF-8 (in Excel: \"CSV UTF-8\"; in Notepad: Save as, Encoding UTF-8)",
            ),
        None => crate::problem::Problem::error(file, format!("{error:#}")),
    }
}
