//! Knowing the output folder: which folders outturn made, which files in one
//! it wrote, and whether a build may replace it.
//!
//! A build replaces its output folder whole, so anything else in it would be
//! deleted. Every output therefore holds a marker file listing the files
//! outturn wrote; anything not on the list stops the build before a thing is
//! replaced. The same marker tells the folders a killed build left beside the
//! output from anything else of the user's.

use crate::fsutil;
use crate::problem::{Id, Problem};
use anyhow::{Result, bail};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Component, Path, PathBuf};

/// A file every output holds, so outturn never replaces a folder it did not
/// make. It also lists the files outturn wrote there.
pub const MARKER_FILE: &str = ".outturn-output";

/// The marker's opening words, for anyone who finds the file.
const MARKER_TEXT: &str = "This folder is built by outturn. Each build replaces it whole: keep other files in the site's static/ folder, which outturn copies here.\n";

/// The line after which the marker lists the files outturn wrote.
const MANIFEST_HEADING: &str = "Files outturn wrote:";

/// How many foreign files a message names before it counts the rest.
const NAMED: usize = 5;

/// The marker with no list, written into a staging folder as soon as it is
/// made, so that one a killed build left behind is known for outturn's.
pub(super) fn marker() -> String {
    MARKER_TEXT.to_string()
}

/// The marker listing `written`, output paths with `/` between folders.
pub(super) fn marker_with_manifest<'a>(written: impl IntoIterator<Item = &'a str>) -> String {
    let mut text = format!("{MARKER_TEXT}{MANIFEST_HEADING}\n");
    for path in written {
        if path != MARKER_FILE {
            text.push_str(path);
            text.push('\n');
        }
    }
    text
}

/// The files a marker lists, or `None` for a marker written before outturn
/// kept the list: such an output is taken, once, to be all outturn's own.
fn manifest(marker: &str) -> Option<BTreeSet<String>> {
    let (_, list) = marker.split_once(&format!("{MANIFEST_HEADING}\n"))?;
    Some(list.lines().map(str::to_string).collect())
}

/// Whether `dir` is a folder outturn made: it holds the marker.
pub(super) fn is_outturns(dir: &Path) -> bool {
    fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir())
        && fs::symlink_metadata(dir.join(MARKER_FILE)).is_ok_and(|m| m.is_file())
}

/// Refuses an output folder that would overwrite the site's own files, or
/// that holds files outturn did not write, which a build would delete.
pub fn check_output_dir(root: &Path, out: &Path) -> Result<(), Problem> {
    let root_abs = absolute(root);
    let out_abs = absolute(out);
    let out = out.strip_prefix(".").unwrap_or(out);
    let refuse = |message: String| Err(Problem::error(out, message));
    if root_abs.starts_with(&out_abs) {
        return refuse(
            "the output folder contains the site itself; choose a folder inside it, such as public"
                .into(),
        );
    }
    for source in ["content", "data", "themes", "templates", "static"] {
        if out_abs.starts_with(root_abs.join(source)) {
            return refuse(format!(
                "the output folder is inside the site's {source}/ folder; choose another, such as public"
            ));
        }
    }
    if out.exists() && !out.is_dir() {
        return refuse(
            "this is a file, not a folder; the output must be a folder, such as public".into(),
        );
    }
    check_foreign(out)
}

/// Refuses an output folder holding anything outturn did not write.
pub(super) fn check_foreign(out: &Path) -> Result<(), Problem> {
    let foreign = match foreign_files(out) {
        Ok(foreign) => foreign,
        Err(e) => return Err(fsutil::unreadable(out, &format!("{e:#}"))),
    };
    let Some(first) = foreign.first() else {
        return Ok(());
    };
    let names: Vec<String> = foreign.iter().take(NAMED).map(|p| quoted(p)).collect();
    let more = match foreign.len().saturating_sub(NAMED) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    let folders = foreign.iter().filter(|p| what(p) == "a folder").count();
    let kind = match folders {
        0 => "files",
        n if n == foreign.len() => "folders",
        _ => "files and folders",
    };
    let (count, them) = if foreign.len() == 1 {
        (format!("{} that outturn did not write", what(first)), "it")
    } else {
        (
            format!("{} {kind} that outturn did not write", foreign.len()),
            "them",
        )
    };
    Err(Problem::error(
        out,
        format!(
            "the output folder holds {count}: {}{more}; a build replaces the folder whole, so it would delete {them}",
            names.join(", ")
        ),
    )
    .help(format!(
        "move {them} into the site's static/ folder, which outturn copies into every build, or delete {them}; or choose another output folder"
    )))
}

fn what(path: &Path) -> &'static str {
    if path.to_string_lossy().ends_with('/') {
        "a folder"
    } else {
        "a file"
    }
}

fn quoted(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// What `out` holds that outturn did not write, relative to it: folders
/// (ending in `/`) that hold nothing of outturn's, and other files.
fn foreign_files(out: &Path) -> Result<Vec<PathBuf>> {
    if fs::symlink_metadata(out).is_err() {
        return Ok(Vec::new());
    }
    let written = match fs::read_to_string(out.join(MARKER_FILE)) {
        Ok(marker) => match manifest(&marker) {
            Some(written) => written,
            None => return Ok(Vec::new()),
        },
        // No marker: every file is someone else's.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => BTreeSet::new(),
        Err(e) => bail!("could not read {}: {e}", out.join(MARKER_FILE).display()),
    };
    // Every folder that holds a file outturn wrote.
    let folders: BTreeSet<&str> = written
        .iter()
        .flat_map(|path| path.match_indices('/').map(|(i, _)| &path[..i]))
        .collect();
    let mut foreign = Vec::new();
    let mut entries = walkdir::WalkDir::new(out).min_depth(1).into_iter();
    while let Some(entry) = entries.next() {
        let entry = entry?;
        let relative = entry.path().strip_prefix(out)?;
        let name = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if entry.file_type().is_dir() {
            if !folders.contains(name.as_str()) {
                foreign.push(PathBuf::from(format!("{name}/")));
                entries.skip_current_dir();
            }
        } else if name != MARKER_FILE && !written.contains(&name) {
            foreign.push(PathBuf::from(name));
        }
    }
    foreign.sort();
    Ok(foreign)
}

/// Removes a folder outturn made, its marker last, so that if removing
/// fails part way the next build still knows the folder for outturn's.
pub(super) fn remove(dir: &Path) -> Result<()> {
    fsutil::remove_dir_all_but_last(dir, MARKER_FILE)
}

/// Which of a build's folders beside the output a leftover is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    /// `.NAME.building-PID`: the new site as it renders, or, once swapped
    /// by an exchange, the last one.
    Building,
    /// `.NAME.old-PID`: the last site, moved aside by the first of two renames.
    Old,
}

/// A folder of outturn's that a build no longer running left beside the output.
struct Leftover {
    path: PathBuf,
    kind: Kind,
}

impl Leftover {
    /// Whether it holds a whole site. An old folder always does: only a
    /// published output is ever moved there. A staging folder does once its
    /// marker lists the files written, which it is given only when every
    /// file is in it.
    fn is_complete(&self) -> bool {
        match self.kind {
            Kind::Old => true,
            Kind::Building => fs::read_to_string(self.path.join(MARKER_FILE))
                .is_ok_and(|marker| manifest(&marker).is_some()),
        }
    }
}

/// The staging and old folders (`.NAME.building-PID`, `.NAME.old-PID`)
/// beside the output in `parent` that builds no longer running left, and
/// only those: a folder with such a name but without outturn's marker is
/// the user's, and a process still running may be another build.
fn leftovers(parent: &Path, name: &str) -> Vec<Leftover> {
    let Ok(entries) = fs::read_dir(parent) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let Some((kind, pid)) = leftover_name(&entry.file_name().to_string_lossy(), name) else {
            continue;
        };
        let path = entry.path();
        if (pid != std::process::id() && running(pid)) || !is_outturns(&path) {
            continue;
        }
        found.push(Leftover { path, kind });
    }
    found
}

/// When the output folder is missing and a build that stopped between its
/// two renames (killed, or the machine lost power) left a whole site beside
/// it, puts that site back as the output, before anything else is done:
/// otherwise nothing would be published, and a build that then failed would
/// leave no site at all. The last published site is put back, as a build
/// that fails leaves the output as it was; failing that, a finished new one.
/// Returns the folder put back.
pub(super) fn restore(out: &Path, parent: &Path, name: &str) -> Result<Option<PathBuf>> {
    if fs::symlink_metadata(out).is_ok() {
        return Ok(None);
    }
    let modified = |path: &Path| fs::metadata(path).and_then(|m| m.modified()).ok();
    let Some(whole) = leftovers(parent, name)
        .into_iter()
        .filter(Leftover::is_complete)
        .max_by_key(|l| (l.kind, modified(&l.path)))
    else {
        return Ok(None);
    };
    fsutil::rename(&whole.path, out)?;
    Ok(Some(whole.path))
}

/// Removes the folders that killed builds left beside the output (see
/// [`leftovers`]); with `keep_whole`, only those that do not hold a whole
/// site, so that the last one is never removed before a new one is in
/// place. Returns a warning for each that could not be removed.
pub(super) fn remove_leftovers(parent: &Path, name: &str, keep_whole: bool) -> Vec<Problem> {
    let mut warnings = Vec::new();
    for leftover in leftovers(parent, name) {
        if keep_whole && leftover.is_complete() {
            continue;
        }
        if let Err(e) = remove(&leftover.path) {
            warnings.push(
                Problem::warning(Id::LeftoverCopy, &leftover.path, format!("a build that stopped part way left this folder, and it could not be removed: {e:#}"))
                    .help("delete it yourself; it holds nothing but an unfinished or earlier copy of the site"),
            );
        }
    }
    warnings
}

/// Which leftover `.NAME.building-PID` or `.NAME.old-PID` is, and its process id.
fn leftover_name(file_name: &str, name: &str) -> Option<(Kind, u32)> {
    let rest = file_name.strip_prefix('.')?.strip_prefix(name)?;
    let (kind, pid) = match rest.strip_prefix(".building-") {
        Some(pid) => (Kind::Building, pid),
        None => (Kind::Old, rest.strip_prefix(".old-")?),
    };
    Some((kind, pid.parse().ok()?))
}

/// Whether a process with this id is running.
fn running(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: signal 0 sends nothing; it only asks whether the process exists.
        let status = unsafe { libc::kill(pid, 0) };
        status == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(windows)]
    {
        use windows_sys::Win32::Foundation::{
            CloseHandle, ERROR_ACCESS_DENIED, GetLastError, STILL_ACTIVE,
        };
        use windows_sys::Win32::System::Threading::{
            GetExitCodeProcess, OpenProcess, PROCESS_QUERY_LIMITED_INFORMATION,
        };
        // SAFETY: the handle is checked before use and closed once; the
        // exit code is written into a local.
        unsafe {
            let process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid);
            if process.is_null() {
                // Another account's process is running; no process, not.
                return GetLastError() == ERROR_ACCESS_DENIED;
            }
            let mut code = 0u32;
            let known = GetExitCodeProcess(process, &mut code) != 0;
            CloseHandle(process);
            known && code == STILL_ACTIVE as u32
        }
    }
    #[cfg(not(any(unix, windows)))]
    {
        let _ = pid;
        false
    }
}

/// `path` made absolute, with `..` resolved by its words: the folder may not
/// exist yet.
fn absolute(path: &Path) -> PathBuf {
    let path = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
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
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &Path, text: &str) {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    #[test]
    fn refuses_output_folders_that_would_destroy_work() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        assert!(check_output_dir(root, root).is_err());
        assert!(check_output_dir(root, &root.join("content/out")).is_err());
        let other = root.join("documents");
        write(&other.join("letter.txt"), "keep me");
        let problem = check_output_dir(root, &other).unwrap_err();
        assert!(problem.message.contains("letter.txt"), "{problem}");
        assert!(check_output_dir(root, &root.join("public")).is_ok());
        write(&root.join("site.toml"), "title = \"x\"");
        assert!(check_output_dir(root, &root.join("site.toml")).is_err());
    }

    #[test]
    fn a_file_outturn_did_not_write_stops_the_build_by_name() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        write(
            &out.join(MARKER_FILE),
            &marker_with_manifest(["index.html", "reports/a/index.html"]),
        );
        write(&out.join("index.html"), "");
        write(&out.join("reports/a/index.html"), "");
        assert!(check_foreign(&out).is_ok());

        write(&out.join("reports/budget.pdf"), "by hand");
        write(&out.join("minutes/2023/june.docx"), "by hand");
        let problem = check_foreign(&out).unwrap_err();
        assert!(
            problem
                .message
                .contains("holds 2 files and folders that outturn did not write: minutes/, reports/budget.pdf;"),
            "{problem}"
        );
        assert!(problem.help.unwrap().contains("static/"));
    }

    #[test]
    fn a_long_list_of_foreign_files_is_named_in_part_and_counted() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        write(&out.join(MARKER_FILE), &marker_with_manifest([]));
        for i in 0..8 {
            write(&out.join(format!("file-{i}.txt")), "");
        }
        let problem = check_foreign(&out).unwrap_err();
        assert!(
            problem.message.contains("file-4.txt and 3 more;"),
            "{problem}"
        );
    }

    #[test]
    fn an_output_from_before_the_list_was_kept_is_taken_as_outturns() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        write(
            &out.join(MARKER_FILE),
            "This folder is built by outturn. Each build replaces it whole: do not keep other files here.\n",
        );
        write(&out.join("index.html"), "");
        assert!(check_foreign(&out).is_ok());
    }

    #[test]
    fn leftovers_of_killed_builds_go_and_nothing_else() {
        let tmp = tempfile::tempdir().unwrap();
        // No process has an id this high (Linux allows at most 2^22).
        let dead = 999_999_999;
        let staging = tmp.path().join(format!(".public.building-{dead}"));
        let old = tmp.path().join(format!(".public.old-{dead}"));
        let users = tmp.path().join(format!(".public.old-{}", dead - 1));
        let other_site = tmp.path().join(format!(".www.old-{dead}"));
        write(&staging.join(MARKER_FILE), &marker());
        write(&old.join(MARKER_FILE), &marker());
        write(&old.join("index.html"), "");
        write(&users.join("notes.txt"), "mine");
        write(&other_site.join(MARKER_FILE), &marker());
        assert!(remove_leftovers(tmp.path(), "public", false).is_empty());
        assert!(!staging.exists());
        assert!(!old.exists());
        assert!(users.join("notes.txt").exists(), "no marker: not outturn's");
        assert!(other_site.exists(), "another output's");
    }

    #[test]
    fn a_missing_output_gets_the_last_whole_site_back_and_never_an_unfinished_one() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let dead = 999_999_999;
        let unfinished = tmp.path().join(format!(".public.building-{dead}"));
        write(&unfinished.join(MARKER_FILE), &marker());
        write(&unfinished.join("index.html"), "half");
        assert_eq!(restore(&out, tmp.path(), "public").unwrap(), None);
        assert!(!out.exists());

        let finished = tmp.path().join(format!(".public.building-{}", dead - 1));
        write(
            &finished.join(MARKER_FILE),
            &marker_with_manifest(["index.html"]),
        );
        write(&finished.join("index.html"), "new");
        let old = tmp.path().join(format!(".public.old-{}", dead - 1));
        write(
            &old.join(MARKER_FILE),
            &marker_with_manifest(["index.html"]),
        );
        write(&old.join("index.html"), "last");
        assert_eq!(restore(&out, tmp.path(), "public").unwrap(), Some(old));
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "last");
        assert_eq!(restore(&out, tmp.path(), "public").unwrap(), None);

        // With no last site, the finished new one.
        fs::remove_dir_all(&out).unwrap();
        assert_eq!(restore(&out, tmp.path(), "public").unwrap(), Some(finished));
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "new");
    }

    #[test]
    fn whole_sites_are_kept_when_asked_and_unfinished_ones_go() {
        let tmp = tempfile::tempdir().unwrap();
        let dead = 999_999_999;
        let unfinished = tmp.path().join(format!(".public.building-{dead}"));
        let finished = tmp.path().join(format!(".public.building-{}", dead - 1));
        let old = tmp.path().join(format!(".public.old-{dead}"));
        write(&unfinished.join(MARKER_FILE), &marker());
        write(&finished.join(MARKER_FILE), &marker_with_manifest([]));
        write(&old.join(MARKER_FILE), &marker());
        assert!(remove_leftovers(tmp.path(), "public", true).is_empty());
        assert!(!unfinished.exists());
        assert!(finished.exists());
        assert!(old.exists(), "a published site, whatever its marker");
        assert!(remove_leftovers(tmp.path(), "public", false).is_empty());
        assert!(!finished.exists());
        assert!(!old.exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_running_build_keeps_its_staging_folder() {
        let tmp = tempfile::tempdir().unwrap();
        // The parent of this test: running, and not this process.
        let parent = std::os::unix::process::parent_id();
        let staging = tmp.path().join(format!(".public.building-{parent}"));
        write(&staging.join(MARKER_FILE), &marker());
        remove_leftovers(tmp.path(), "public", false);
        assert!(staging.exists());
    }
}
