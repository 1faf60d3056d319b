//! Tests of writing the output: the one swap into place, and what is kept
//! or refused in a folder outturn did not write.

use super::*;

fn file(path: &str, text: &str) -> OutputFile {
    OutputFile {
        path: path.into(),
        contents: text.as_bytes().to_vec().into(),
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
        .commit_with(Swap::Exchange, |old| {
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
    let warnings = staging.commit_with(Swap::Rename, output::remove).unwrap();
    assert!(warnings.is_empty());
    assert_eq!(
        std::fs::read_to_string(out.join("index.html")).unwrap(),
        "new"
    );
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "only public/ remains");
}

#[test]
fn a_whole_site_beside_an_output_made_by_hand_is_kept_until_a_new_one_is_in() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    std::fs::create_dir(&out).unwrap();
    // No process has an id this high: a build killed between its renames.
    let old = tmp.path().join(".public.old-999999999");
    std::fs::create_dir(&old).unwrap();
    std::fs::write(old.join(MARKER_FILE), marker_with_manifest(["index.html"])).unwrap();
    std::fs::write(old.join("index.html"), "last").unwrap();

    // A build that fails keeps it.
    drop(Staging::new(&out).unwrap());
    assert!(old.join("index.html").exists());
    // One that publishes removes it, once its own site is in.
    let staging = Staging::new(&out).unwrap();
    staging.put(file("index.html", "new")).unwrap();
    assert!(
        staging
            .commit_with(Swap::Rename, output::remove)
            .unwrap()
            .is_empty()
    );
    assert!(!old.exists());
    assert_eq!(
        std::fs::read_to_string(out.join("index.html")).unwrap(),
        "new"
    );
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
        .commit_with(Swap::Exchange, |_| {
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
        warning.contains("warning[leftover-copy]: the new site is in place"),
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
