//! Publishing under faults: files put in the output by hand, folders a killed
//! build left, a build killed between the two renames of the swap used where
//! there is no exchange, an old copy that cannot be removed, links in the
//! site's folders, folders that cannot be read.

mod common;

use common::*;
use std::path::Path;
use std::process::{Command, Output};

const MARKER: &str = ".outturn-output";

/// Runs `outturn ARGS` as an account that is not root, so that file
/// permissions hold as they do for a council's analyst: as root, as
/// `nobody` (see [`give_away`]); otherwise as oneself.
/// `None` when that account may not run the binary where it was built (a
/// build folder under /root, say): the test cannot be made there.
#[cfg(unix)]
fn outturn_unprivileged(args: &[&str]) -> Option<Output> {
    use std::os::unix::process::CommandExt;
    let mut command = Command::new(env!("CARGO_BIN_EXE_outturn"));
    command.args(args);
    if is_root() {
        command.uid(NOBODY).gid(NOBODY);
    }
    match command.output() {
        Ok(output) => Some(output),
        Err(e) if is_root() && e.kind() == std::io::ErrorKind::PermissionDenied => {
            eprintln!(
                "not tested: nobody may not run {}",
                env!("CARGO_BIN_EXE_outturn")
            );
            None
        }
        Err(e) => panic!("outturn does not run: {e}"),
    }
}

#[cfg(unix)]
const NOBODY: u32 = 65534;

#[cfg(unix)]
fn is_root() -> bool {
    // SAFETY: geteuid only reads the process's own user id.
    unsafe { libc::geteuid() == 0 }
}

/// Makes everything under `dir` belong to the unprivileged account, when
/// running as root.
#[cfg(unix)]
fn give_away(dir: &Path) {
    if !is_root() {
        return;
    }
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        std::os::unix::fs::lchown(entry.path(), Some(NOBODY), Some(NOBODY)).unwrap();
    }
}

/// Takes `dir` (not what it holds) from the unprivileged account: it may
/// read the folder but no longer add to it or remove from it.
#[cfg(unix)]
fn lock(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    if is_root() {
        std::os::unix::fs::chown(dir, Some(0), Some(0)).unwrap();
    }
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
}

#[cfg(unix)]
fn unlock(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
}

fn err(output: &Output) -> String {
    text(output).1
}

fn leftovers(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public."))
        .collect();
    names.sort();
    names
}

#[test]
fn a_file_put_in_the_output_by_hand_stops_the_build_and_is_kept() {
    let site = good_site();
    let out = site.path().join("public");
    assert!(build(site.path(), &out, &[]).status.success());
    let home = std::fs::read(out.join("index.html")).unwrap();
    std::fs::write(out.join("reports/budget-2024.pdf"), "%PDF by hand").unwrap();
    std::fs::create_dir(out.join("minutes")).unwrap();
    std::fs::write(out.join("minutes/june.docx"), "by hand").unwrap();
    std::fs::remove_file(site.path().join("content/about.md")).unwrap();

    let output = build(site.path(), &out, &[]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = err(&output);
    assert!(
        stderr.contains("outturn did not write: minutes/, reports/budget-2024.pdf;"),
        "{stderr}"
    );
    assert!(stderr.contains("static/"), "says what to do: {stderr}");
    assert_eq!(
        std::fs::read_to_string(out.join("reports/budget-2024.pdf")).unwrap(),
        "%PDF by hand"
    );
    assert!(out.join("minutes/june.docx").exists());
    assert!(out.join("about/index.html").exists(), "nothing replaced");
    assert_eq!(std::fs::read(out.join("index.html")).unwrap(), home);

    // Kept in static/, it is published with every build.
    std::fs::create_dir_all(site.path().join("static")).unwrap();
    std::fs::rename(
        out.join("reports/budget-2024.pdf"),
        site.path().join("static/budget-2024.pdf"),
    )
    .unwrap();
    std::fs::remove_dir_all(out.join("minutes")).unwrap();
    let output = build(site.path(), &out, &[]);
    assert!(output.status.success(), "{}", err(&output));
    assert!(out.join("budget-2024.pdf").exists());
    let output = build(site.path(), &out, &[]);
    assert!(output.status.success(), "{}", err(&output));
}

#[test]
fn an_output_written_before_the_list_of_files_was_kept_is_accepted() {
    let site = good_site();
    let out = site.path().join("public");
    assert!(build(site.path(), &out, &[]).status.success());
    // An earlier outturn's marker had no list.
    std::fs::write(
        out.join(MARKER),
        "This folder is built by outturn. Each build replaces it whole: do not keep other files here.\n",
    )
    .unwrap();
    std::fs::write(out.join("old-page.html"), "from then").unwrap();
    let output = build(site.path(), &out, &[]);
    assert!(output.status.success(), "{}", err(&output));
    assert!(!out.join("old-page.html").exists());
    let marker = std::fs::read_to_string(out.join(MARKER)).unwrap();
    assert!(marker.contains("\nindex.html\n"), "{marker}");
}

#[test]
fn folders_a_killed_build_left_are_removed_and_no_others() {
    let site = good_site();
    let out = site.path().join("public");
    assert!(build(site.path(), &out, &[]).status.success());
    // No process has an id this high; these builds were killed.
    let staging = site.path().join(".public.building-999999999");
    let old = site.path().join(".public.old-999999998");
    let users = site.path().join(".public.old-999999997");
    for dir in [&staging, &old, &users] {
        std::fs::create_dir(dir).unwrap();
    }
    std::fs::copy(out.join(MARKER), staging.join(MARKER)).unwrap();
    std::fs::copy(out.join(MARKER), old.join(MARKER)).unwrap();
    std::fs::write(old.join("index.html"), "last week").unwrap();
    std::fs::write(users.join("notes.txt"), "mine").unwrap();

    let output = build(site.path(), &out, &[]);
    assert!(output.status.success(), "{}", err(&output));
    assert_eq!(leftovers(site.path()), [".public.old-999999997"]);
    assert!(users.join("notes.txt").exists());
}

/// Builds the site in `root` into `out`, swapping the new site in as
/// `OUTTURN_SWAP=swap` says: `rename`, the two renames of Windows and
/// network shares; `rename-and-stop`, stopping between them as a kill would.
fn build_swapping(root: &Path, out: &Path, swap: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_outturn"))
        .args(["build", "--root", root.to_str().unwrap()])
        .args(["--out", out.to_str().unwrap()])
        .env("OUTTURN_SWAP", swap)
        .output()
        .expect("outturn runs")
}

#[test]
fn a_build_killed_between_the_two_renames_loses_no_site() {
    let site = good_site();
    let out = site.path().join("public");
    assert!(build(site.path(), &out, &[]).status.success());
    let last = read_tree(&out);
    let about = site.path().join("content/about.md");
    let text = std::fs::read_to_string(&about).unwrap();
    std::fs::write(&about, text.replace("title: About", "title: About us")).unwrap();

    // Killed with the last site moved aside and the new one not yet in.
    let output = build_swapping(site.path(), &out, "rename-and-stop");
    assert_eq!(output.status.code(), Some(137), "{}", err(&output));
    assert!(!out.exists());
    let left = leftovers(site.path());
    assert_eq!(left.len(), 2, "the last site and the new one: {left:?}");

    // The next build fails as it renders: the last site is back, as it was.
    std::fs::create_dir_all(site.path().join("static")).unwrap();
    std::fs::write(site.path().join("static/index.html"), "by hand").unwrap();
    let output = build(site.path(), &out, &[]);
    assert_eq!(output.status.code(), Some(1), "{}", err(&output));
    assert_eq!(read_tree(&out), last, "{}", err(&output));

    // And the one after publishes, with the two renames, leaving nothing beside.
    std::fs::remove_file(site.path().join("static/index.html")).unwrap();
    let output = build_swapping(site.path(), &out, "rename");
    assert!(output.status.success(), "{}", err(&output));
    let page = std::fs::read_to_string(out.join("about/index.html")).unwrap();
    assert!(page.contains("About us"), "the new site is published");
    assert_eq!(leftovers(site.path()), Vec::<String>::new());
}

#[test]
fn a_site_that_does_not_load_still_gets_the_last_site_put_back() {
    let site = good_site();
    let out = site.path().join("public");
    assert!(build(site.path(), &out, &[]).status.success());
    let last = read_tree(&out);
    let output = build_swapping(site.path(), &out, "rename-and-stop");
    assert_eq!(output.status.code(), Some(137), "{}", err(&output));
    assert!(!out.exists());

    std::fs::write(site.path().join("data/indicators.yaml"), "indicators: [").unwrap();
    // Without --out: site.toml says where the output is.
    let output = outturn(&["build", "--root", site.path().to_str().unwrap()]);
    let stderr = err(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("data/indicators.yaml"), "{stderr}");
    assert!(stderr.contains("is back in place"), "{stderr}");
    assert_eq!(read_tree(&out), last);
}

#[cfg(unix)]
#[test]
fn a_linked_output_folder_killed_between_the_renames_is_put_back_where_it_points() {
    let site = good_site();
    let www = site.path().join("www");
    std::fs::create_dir(&www).unwrap();
    let out = site.path().join("public");
    std::os::unix::fs::symlink("www/site", &out).unwrap();
    assert!(build(site.path(), &out, &[]).status.success());
    let last = read_tree(&www.join("site"));

    let output = build_swapping(site.path(), &out, "rename-and-stop");
    assert_eq!(output.status.code(), Some(137), "{}", err(&output));
    assert!(!www.join("site").exists(), "the link leads nowhere");
    let output = build(site.path(), &out, &[]);
    let stderr = err(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("is back in place"), "{stderr}");
    assert!(
        std::fs::symlink_metadata(&out)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(read_tree(&www.join("site")).len(), last.len());
    let beside: Vec<_> = std::fs::read_dir(&www).unwrap().collect();
    assert_eq!(beside.len(), 1, "only the site: {beside:?}");
}

#[test]
fn a_finished_site_a_killed_first_publish_left_is_put_in_place() {
    let site = good_site();
    let out = site.path().join("public");
    assert!(build(site.path(), &out, &[]).status.success());
    let built = read_tree(&out);
    // A build killed with its finished site still beside the output, and
    // no output: all that is left.
    let building = site.path().join(".public.building-999999999");
    std::fs::rename(&out, &building).unwrap();
    std::fs::write(
        site.path().join("content/broken.md"),
        "---\ntitle: Broken\n---\n{{ value(\"no_such_figure\") }}\n",
    )
    .unwrap();

    let output = build(site.path(), &out, &[]);
    let stderr = err(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert_eq!(read_tree(&out), built, "{stderr}");
    assert_eq!(leftovers(site.path()), Vec::<String>::new());
}

#[cfg(unix)]
#[test]
fn an_old_copy_that_cannot_be_removed_is_a_warning_and_the_build_succeeds() {
    let site = good_site();
    let out = site.path().join("public");
    assert!(build(site.path(), &out, &[]).status.success());
    let about = site.path().join("content/about.md");
    let text = std::fs::read_to_string(&about).unwrap();
    std::fs::write(&about, text.replace("title: About", "title: About us")).unwrap();
    let args = [
        "build",
        "--root",
        site.path().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];

    // The old output's reports/ cannot be emptied by the account building.
    give_away(site.path());
    lock(&out.join("reports"));
    let Some(output) = outturn_unprivileged(&args) else {
        return;
    };
    let stderr = err(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(
            "warning[leftover-copy]: the new site is in place, but this copy of the last one could not be removed"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("Permission denied"), "{stderr}");
    let page = std::fs::read_to_string(out.join("about/index.html")).unwrap();
    assert!(page.contains("About us"), "the new site is published");

    let left = leftovers(site.path());
    assert_eq!(left.len(), 1, "{left:?}");
    let left = site.path().join(&left[0]);
    unlock(&left.join("reports"));
    let output = build(site.path(), &out, &[]);
    assert!(output.status.success(), "{}", err(&output));
    assert_eq!(
        leftovers(site.path()),
        Vec::<String>::new(),
        "the next build removes it: {}",
        err(&output)
    );
}

#[cfg(unix)]
#[test]
fn links_inside_the_site_are_followed_and_others_named() {
    use std::os::unix::fs::symlink;
    let site = good_site();
    let root = site.path();
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(elsewhere.path().join("secret.txt"), "not the site's").unwrap();

    // A page and a folder of images kept elsewhere in the site.
    std::fs::create_dir_all(root.join("shared/images")).unwrap();
    std::fs::create_dir_all(root.join("static")).unwrap();
    std::fs::write(root.join("shared/images/logo.svg"), "<svg/>").unwrap();
    std::fs::write(
        root.join("shared/contact.md"),
        "---\ntitle: Contact\n---\nWrite to us.\n",
    )
    .unwrap();
    symlink("../shared/contact.md", root.join("content/contact.md")).unwrap();
    symlink("../shared/images", root.join("static/images")).unwrap();
    // One outside the site, one to nowhere, one round a loop.
    symlink(
        elsewhere.path().join("secret.txt"),
        root.join("static/secret.txt"),
    )
    .unwrap();
    symlink("missing.css", root.join("static/extra.css")).unwrap();
    symlink(".", root.join("static/again")).unwrap();

    let out = root.join("public");
    let output = build(root, &out, &[]);
    let stderr = err(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(out.join("contact/index.html").exists(), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(out.join("images/logo.svg")).unwrap(),
        "<svg/>"
    );
    assert!(!out.join("secret.txt").exists());
    assert!(
        stderr.contains("static/secret.txt: warning[symlink-outside]: this is a link to")
            && stderr.contains("outside the site, so outturn does not read it"),
        "{stderr}"
    );
    assert!(
        stderr.contains("static/extra.css: warning[symlink-broken]: this link leads nowhere"),
        "{stderr}"
    );
    assert!(
        stderr.contains("static/again: warning[symlink-loop]: this link leads back to static"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_folder_that_cannot_be_read_is_an_error_with_the_reason() {
    use std::os::unix::fs::PermissionsExt;
    let site = good_site();
    let private = site.path().join("content/private");
    std::fs::create_dir(&private).unwrap();
    std::fs::write(private.join("draft.md"), "---\ntitle: Draft\n---\n").unwrap();
    let root = site.path().to_str().unwrap().to_string();
    give_away(site.path());
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o000)).unwrap();
    let output = outturn_unprivileged(&["check", "--root", &root]);
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o755)).unwrap();
    let Some(output) = output else {
        return;
    };
    let stderr = err(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("content/private: error: outturn cannot read this: Permission denied"),
        "{stderr}"
    );
}

/// An unreadable data folder gave one "unknown indicator" error for every
/// figure the reports name, with the cause last and a wrong one beside it
/// ("there is no indicators file"). The cause comes alone.
#[cfg(unix)]
#[test]
fn a_data_folder_that_cannot_be_read_is_the_one_error() {
    use std::os::unix::fs::PermissionsExt;
    let site = good_site();
    let data = site.path().join("data");
    let root = site.path().to_str().unwrap().to_string();
    give_away(site.path());
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o000)).unwrap();
    let output = outturn_unprivileged(&["check", "--root", &root]);
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
    let Some(output) = output else {
        return;
    };
    let stderr = err(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let errors: Vec<&str> = stderr.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(
        errors,
        ["  1. data: error: outturn cannot read this: Permission denied (os error 13)"],
        "{stderr}"
    );
}
