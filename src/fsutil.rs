//! File helpers that always name the path in their error.
//!
//! "No such file or directory" alone tells a user nothing; every disk operation in
//! outturn goes through here so the message says which file and what was being
//! done with it.

use crate::problem::{Id, Problem};
use anyhow::{Context, Result};
use std::fs;
use std::path::{Path, PathBuf};

/// Reads a UTF-8 text file, dropping a leading byte order mark (spreadsheets
/// write one) so that exported files read exactly like clean ones.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = fs::read(path).with_context(|| format!("could not read {}", path.display()))?;
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = good.iter().filter(|b| **b == b'\n').count() + 1;
        let last_line = good.rsplit(|b| *b == b'\n').next().unwrap_or(good);
        let column = String::from_utf8_lossy(last_line).chars().count() + 1;
        anyhow::Error::new(NotUtf8 { line, column })
    })?;
    // In place: a copy would hold a national statistics file twice.
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// Writes a file, creating its folder first.
pub fn write(path: &Path, contents: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent() {
        create_dir_all(parent)?;
    }
    fs::write(path, contents).with_context(|| format!("could not write {}", path.display()))
}

/// Adds `contents` to the end of a file.
pub fn append(path: &Path, contents: &[u8]) -> Result<()> {
    use std::io::Write as _;
    fs::OpenOptions::new()
        .append(true)
        .open(path)
        .and_then(|mut f| f.write_all(contents))
        .with_context(|| format!("could not add to {}", path.display()))
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
    remove_dir_all_but_last(path, "")
}

/// As [`remove_dir_all_parallel`], removing the file `last` (directly in
/// `path`) only once everything else has gone: a folder whose removal
/// fails part way still holds it, so it is still known by it.
pub fn remove_dir_all_but_last(path: &Path, last: &str) -> Result<()> {
    use rayon::prelude::*;
    let entries = match fs::read_dir(path) {
        Ok(entries) => entries.collect::<std::io::Result<Vec<_>>>(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => Err(e),
    }
    .with_context(|| format!("could not read {}", path.display()))?;
    let remove_file = |path: &Path| {
        fs::remove_file(path).with_context(|| format!("could not remove {}", path.display()))
    };
    entries
        .par_iter()
        .filter(|entry| last.is_empty() || entry.file_name() != last)
        .try_for_each(|entry| {
            // A link to a folder is removed, not followed.
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                remove_dir_all_parallel(&entry.path())
            } else {
                remove_file(&entry.path())
            }
        })?;
    if !last.is_empty() && fs::symlink_metadata(path.join(last)).is_ok() {
        remove_file(&path.join(last))?;
    }
    remove_dir_all(path)
}

/// Renames a file or folder.
pub fn rename(from: &Path, to: &Path) -> Result<()> {
    fs::rename(from, to)
        .with_context(|| format!("could not move {} to {}", from.display(), to.display()))
}

/// Swaps two paths in one step, so that nothing looking at either ever sees
/// a gap: `renameat2` with `RENAME_EXCHANGE` on Linux, `renamex_np` with
/// `RENAME_SWAP` on macOS. Returns `Ok(false)` when the system or file
/// system cannot: Linux before 3.15, file systems without the exchange
/// (network shares, FAT), Windows.
pub fn exchange(a: &Path, b: &Path) -> Result<bool> {
    #[cfg(any(target_os = "linux", target_os = "macos"))]
    {
        use std::os::unix::ffi::OsStrExt;
        let c = |p: &Path| std::ffi::CString::new(p.as_os_str().as_bytes());
        let (Ok(ca), Ok(cb)) = (c(a), c(b)) else {
            return Ok(false);
        };
        // The system call itself: musl, which the static Linux binary is
        // built with, has no renameat2 function (nor glibc before 2.28).
        // SAFETY: both are valid NUL-terminated paths that outlive the call.
        #[cfg(target_os = "linux")]
        let status = unsafe {
            libc::syscall(
                libc::SYS_renameat2,
                libc::AT_FDCWD,
                ca.as_ptr(),
                libc::AT_FDCWD,
                cb.as_ptr(),
                libc::RENAME_EXCHANGE,
            )
        };
        // SAFETY: as above.
        #[cfg(target_os = "macos")]
        let status = unsafe { libc::renamex_np(ca.as_ptr(), cb.as_ptr(), libc::RENAME_SWAP) };
        if status == 0 {
            return Ok(true);
        }
        // What each says when the file system has no exchange.
        #[cfg(target_os = "linux")]
        let unsupported = [libc::EINVAL, libc::ENOSYS, libc::EOPNOTSUPP];
        #[cfg(target_os = "macos")]
        let unsupported = [libc::EINVAL, libc::ENOSYS, libc::ENOTSUP, libc::EOPNOTSUPP];
        let error = std::io::Error::last_os_error();
        match error.raw_os_error() {
            Some(code) if unsupported.contains(&code) => Ok(false),
            _ => Err(error)
                .with_context(|| format!("could not swap {} and {}", a.display(), b.display())),
        }
    }
    #[cfg(not(any(target_os = "linux", target_os = "macos")))]
    {
        let _ = (a, b);
        Ok(false)
    }
}

/// Copies a file's bytes without holding them in memory (and, where the file
/// system shares blocks between files, without copying them at all).
pub fn copy(from: &Path, to: &Path) -> Result<()> {
    fs::copy(from, to)
        .map(|_| ())
        .with_context(|| format!("could not copy {} to {}", from.display(), to.display()))
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
/// paths relative to `root`. A missing folder has none. What the walk could
/// not follow is left out here; [`walk`] says what and why.
pub fn files_with_extension(dir: &Path, root: &Path, ext: &str) -> Vec<PathBuf> {
    walk(dir, root, Some(ext)).files
}

/// What a walk of a folder found.
#[derive(Debug, Default)]
pub struct Walk {
    /// The files, sorted, relative to the site root.
    pub files: Vec<PathBuf>,
    /// Links it did not follow (warnings) and folders it could not read (errors).
    pub problems: Vec<Problem>,
}

/// Every file under `dir` (whose name ends in `.ext`, any case, when given),
/// sorted, as paths relative to `root`; a missing folder has none.
///
/// A link to a file or folder inside `root` is followed, so a site may share
/// a report or a folder of images between places. A link that leads outside
/// the site is a warning and is never read: a site's files are what its
/// folder holds. A link that leads nowhere, or round in a loop, is a
/// warning too, and a folder that cannot be read is an error with the
/// system's reason, so that no file is left out without a word.
pub fn walk(dir: &Path, root: &Path, ext: Option<&str>) -> Walk {
    let mut walk = Walk::default();
    if fs::symlink_metadata(dir).is_err() {
        return walk;
    }
    let real_root = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let relative = |path: &Path| path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let wanted = |path: &Path| match ext {
        None => true,
        Some(ext) => path
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case(ext)),
    };
    let mut skipped = Vec::new();
    let entries = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            if !entry.path_is_symlink() {
                return true;
            }
            let real_folder = entry.path().parent().and_then(|p| fs::canonicalize(p).ok());
            match fs::canonicalize(entry.path()) {
                // Following a link to a folder that holds it would walk
                // that folder again, from above.
                Ok(target) if real_folder.is_some_and(|f| f.starts_with(&target)) => {
                    skipped.push(loop_warning(relative(entry.path()), &target, &real_root));
                    false
                }
                Ok(target) if target.starts_with(&real_root) => true,
                Ok(target) => {
                    // A link to some other kind of file is none of outturn's business.
                    if wanted(entry.path()) || target.is_dir() {
                        skipped.push(
                            Problem::warning(
                                Id::SymlinkOutside,
                                relative(entry.path()),
                                format!(
                                    "this is a link to {}, outside the site, so outturn does not read it",
                                    target.display()
                                ),
                            )
                            .help("copy what it links to into the site, or link to a copy inside it"),
                        );
                    }
                    false
                }
                // A link that leads nowhere: the walk reports it.
                Err(_) => true,
            }
        });
    for entry in entries {
        match entry {
            Ok(entry) => {
                if entry.file_type().is_file() && wanted(entry.path()) {
                    walk.files.push(relative(entry.path()));
                }
            }
            Err(error) => {
                if let Some(problem) = walk_problem(&error, dir, &real_root, &relative, &wanted) {
                    walk.problems.push(problem);
                }
            }
        }
    }
    walk.problems.extend(skipped);
    walk.files.sort();
    walk.problems.sort_by(|a, b| a.file.cmp(&b.file));
    walk
}

/// The problem for a place a walk could not go, if it matters.
fn walk_problem(
    error: &walkdir::Error,
    dir: &Path,
    real_root: &Path,
    relative: &impl Fn(&Path) -> PathBuf,
    wanted: &impl Fn(&Path) -> bool,
) -> Option<Problem> {
    let path = error.path().unwrap_or(dir);
    let reason = error
        .io_error()
        .map_or_else(|| error.to_string(), ToString::to_string);
    if let Some(ancestor) = error.loop_ancestor() {
        let ancestor = fs::canonicalize(ancestor).unwrap_or_else(|_| ancestor.to_path_buf());
        return Some(loop_warning(relative(path), &ancestor, real_root));
    }
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        // A broken link without the extension may have been a folder.
        let named_like_one = wanted(path) || path.extension().is_none();
        return named_like_one.then(|| {
            Problem::warning(
                Id::SymlinkBroken,
                relative(path),
                format!("this link leads nowhere: {reason}"),
            )
            .help("point it at a file inside the site, or remove it")
        });
    }
    Some(unreadable(&relative(path), &reason))
}

/// The warning for a link at `link` that leads back to `folder`, which holds it.
fn loop_warning(link: PathBuf, folder: &Path, real_root: &Path) -> Problem {
    let folder = match folder.strip_prefix(real_root) {
        Ok(inside) if inside.as_os_str().is_empty() => "the site's own folder".to_string(),
        Ok(inside) => inside.display().to_string(),
        Err(_) => folder.display().to_string(),
    };
    Problem::warning(
        Id::SymlinkLoop,
        link,
        format!("this link leads back to {folder}, which holds it, so outturn does not follow it"),
    )
    .help("remove the link, or point it at a folder beside it")
}

/// The problem for a folder or file that cannot be read, with the system's reason.
pub fn unreadable(path: &Path, reason: &str) -> Problem {
    Problem::error(path, format!("outturn cannot read this: {reason}"))
        .help("check that the account running outturn may read it (its permissions)")
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
pub fn read_problem(file: &Path, error: &anyhow::Error) -> Problem {
    match error.downcast_ref::<NotUtf8>() {
        Some(bad) => Problem::error(file, bad.to_string())
            .at(bad.line, bad.column)
            .help(
                "save it as UTF-8 (in Excel: \"CSV UTF-8\"; in Notepad: Save as, Encoding UTF-8)",
            ),
        None => Problem::error(file, format!("{error:#}")),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn messages(walk: &Walk) -> Vec<String> {
        walk.problems.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn folders_linked_to_each_other_are_walked_once_without_hanging() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        for (dir, other) in [("x", "../y"), ("y", "../x")] {
            fs::create_dir_all(root.join("content").join(dir)).unwrap();
            fs::write(root.join("content").join(dir).join("page.md"), "").unwrap();
            symlink(other, root.join("content").join(dir).join("other")).unwrap();
        }
        let walk = walk(&root.join("content"), root, Some("md"));
        // Each page once by its own path, and once through the other folder's link.
        assert_eq!(
            walk.files,
            [
                "content/x/other/page.md",
                "content/x/page.md",
                "content/y/other/page.md",
                "content/y/page.md"
            ]
            .map(PathBuf::from)
        );
        let messages = messages(&walk);
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages
                .iter()
                .all(|m| m.contains("leads back to content/")),
            "{messages:?}"
        );
    }

    #[test]
    fn only_links_a_walk_would_read_are_named() {
        let tmp = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        fs::write(elsewhere.path().join("notes.txt"), "").unwrap();
        fs::write(elsewhere.path().join("q1.csv"), "").unwrap();
        let data = tmp.path().join("data");
        fs::create_dir(&data).unwrap();
        symlink(elsewhere.path().join("notes.txt"), data.join("notes.txt")).unwrap();
        symlink(elsewhere.path().join("q1.csv"), data.join("q1.csv")).unwrap();
        symlink(elsewhere.path(), data.join("exports")).unwrap();
        symlink("gone.txt", data.join("gone.txt")).unwrap();
        symlink("gone.csv", data.join("gone.csv")).unwrap();
        let walk = walk(&data, tmp.path(), Some("csv"));
        assert!(walk.files.is_empty());
        let messages = messages(&walk);
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(
            messages[0].starts_with("data/exports: warning[symlink-outside]: this is a link to")
        );
        assert!(
            messages[1]
                .starts_with("data/gone.csv: warning[symlink-broken]: this link leads nowhere")
        );
        assert!(
            messages[2].starts_with("data/q1.csv: warning[symlink-outside]: this is a link to")
        );
    }
}
