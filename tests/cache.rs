//! `serve` keeps what it rendered between rebuilds. Whatever changes, a
//! rebuild from its cache must give exactly the files of a fresh build.

mod common;

use common::good_site;
use outturn::site::{BuildOptions, Cache, OutputFile, Site};
use std::fs;
use std::path::Path;
use std::sync::Arc;

fn fresh(root: &Path) -> Vec<OutputFile> {
    Site::build(root, BuildOptions::default(), None)
        .map(|(_, files, _)| files)
        .unwrap_or_else(|e| panic!("{e}"))
}

fn cached(root: &Path, cache: &Arc<Cache>) -> Vec<OutputFile> {
    Site::build(root, BuildOptions::default(), Some(cache.clone()))
        .map(|(_, files, _)| files)
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Asserts the cached rebuild equals a fresh build, naming the first file that differs.
fn assert_same(root: &Path, cache: &Arc<Cache>, after: &str) {
    let (a, b) = (cached(root, cache), fresh(root));
    let paths = |files: &[OutputFile]| files.iter().map(|f| f.path.clone()).collect::<Vec<_>>();
    assert_eq!(paths(&a), paths(&b), "after {after}: the same files");
    for (x, y) in a.iter().zip(&b) {
        assert!(
            x.contents == y.contents,
            "after {after}: {} differs",
            x.path
        );
    }
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn a_rebuild_from_the_cache_equals_a_fresh_build() {
    let site = good_site();
    let root = site.path();
    let cache = Arc::new(Cache::default());
    assert_same(root, &cache, "the first build");
    assert_same(root, &cache, "no change");

    let report = root.join("content/reports/2022-23-q4.md");
    let text = fs::read_to_string(&report).unwrap();
    fs::write(&report, format!("{text}\nA new closing sentence.\n")).unwrap();
    assert_same(root, &cache, "a report's text changed");

    edit(&report, "title: ", "title: Revised ");
    assert_same(root, &cache, "a report's title changed");

    edit(&report, "value(\"cla_count\")", "value(\"cla_cuont\")");
    assert!(
        Site::build(root, BuildOptions::default(), Some(cache.clone())).is_err(),
        "a typo fails the build"
    );
    edit(&report, "value(\"cla_cuont\")", "value(\"cla_count\")");
    assert_same(root, &cache, "a failed build was mended");

    let monthly = root.join("data/monthly.csv");
    edit(&monthly, "308", "310");
    assert_same(root, &cache, "a figure changed");

    fs::create_dir_all(root.join("templates/partials")).unwrap();
    fs::write(
        root.join("templates/partials/table.html"),
        format!(
            "<p>A council's own table.</p>\n{}",
            outturn::templates::builtin("partials/table.html").unwrap()
        ),
    )
    .unwrap();
    assert_same(root, &cache, "a partial changed");

    edit(&root.join("site.toml"), "title = \"", "title = \"New ");
    assert_same(root, &cache, "site.toml changed");

    fs::remove_file(&report).unwrap();
    assert_same(root, &cache, "a report was removed");
}
