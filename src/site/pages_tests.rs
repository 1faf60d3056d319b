//! Each generator's key changes when, and only when, what it reads does;
//! a build runs each generator once, and a rebuild with nothing changed
//! makes nothing.

use super::*;
use crate::site::{BuildOptions, Cache};
use crate::testutil::good_site;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// A site loaded as `serve` loads it: with a cache, so keys are worked out.
fn load(root: &Path) -> Site {
    Site::load_with(root, BuildOptions::default(), Some(Arc::default()))
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Every generator's key, by a name for it.
fn keys(site: &Site) -> BTreeMap<String, u64> {
    let mut keys = BTreeMap::new();
    for (index, report) in site.reports.iter().enumerate() {
        let body = site.body(report).unwrap();
        let page = ReportPage {
            site,
            list: &site.reports,
            index,
            body: &body,
        };
        keys.insert(format!("report {}", report.output), page.key());
    }
    for page in &site.pages {
        let body = site.body(page).unwrap();
        let generator = PlainPage {
            site,
            page,
            body: &body,
        };
        keys.insert(format!("page {}", page.output), generator.key());
    }
    for indicator in site.data.indicators.values() {
        let page = IndicatorPage {
            site,
            indicator,
            used_by: &[0],
            language: crate::i18n::Language::English,
        };
        keys.insert(format!("indicator {}", indicator.id), page.key());
    }
    let paths = ["index.html".to_string()];
    let singles: Vec<(&str, Box<dyn Generator<Output = Made> + '_>)> = vec![
        (
            "home",
            Box::new(Home {
                site,
                output: "index.html".into(),
                latest_key_figures: &[],
            }),
        ),
        (
            "404",
            Box::new(NotFound {
                site,
                translation: None,
            }),
        ),
        (
            "indicators",
            Box::new(IndicatorsIndex {
                site,
                language: crate::i18n::Language::English,
            }),
        ),
        (
            "compare",
            Box::new(Compare {
                site,
                translation: None,
                all: false,
            }),
        ),
        (
            "compare/all",
            Box::new(Compare {
                site,
                translation: None,
                all: true,
            }),
        ),
        (
            "feed",
            Box::new(Feed {
                site,
                translation: None,
            }),
        ),
        ("data", Box::new(DataDownloads { site })),
        ("robots", Box::new(Robots { site })),
        (
            "sitemap",
            Box::new(Sitemap {
                site,
                paths: &paths,
            }),
        ),
        ("static", Box::new(StaticFiles { site })),
    ];
    for (name, generator) in singles {
        keys.insert(name.to_string(), generator.key());
    }
    keys
}

/// The names of the generators whose keys differ.
fn changed(before: &BTreeMap<String, u64>, after: &BTreeMap<String, u64>) -> Vec<String> {
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    before
        .iter()
        .filter(|(name, key)| after[*name] != **key)
        .map(|(name, _)| name.clone())
        .collect()
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// Every generator but those named.
fn all_but(keys: &BTreeMap<String, u64>, kept: &[&str]) -> Vec<String> {
    keys.keys()
        .filter(|name| !kept.contains(&name.as_str()))
        .cloned()
        .collect()
}

#[test]
fn with_nothing_changed_no_key_changes() {
    let site = good_site();
    let before = keys(&load(site.path()));
    assert_eq!(
        changed(&before, &keys(&load(site.path()))),
        Vec::<String>::new()
    );
}

#[test]
fn a_reports_words_change_its_own_page_and_nothing_else() {
    let site = good_site();
    let before = keys(&load(site.path()));
    let report = site.path().join("content/reports/2022-23-q4.md");
    edit(
        &report,
        "children were looked after",
        "children were in care",
    );
    assert_eq!(
        changed(&before, &keys(&load(site.path()))),
        ["report reports/2022-23-q4/index.html"]
    );
}

#[test]
fn a_reports_title_changes_what_lists_or_links_to_reports_but_not_the_data() {
    let site = good_site();
    let before = keys(&load(site.path()));
    let report = site.path().join("content/reports/2022-23-q4.md");
    edit(&report, "title: ", "title: Revised ");
    assert_eq!(
        changed(&before, &keys(&load(site.path()))),
        all_but(&before, &["data", "robots", "sitemap", "static"])
    );
}

#[test]
fn a_changed_figure_changes_every_key() {
    let site = good_site();
    let before = keys(&load(site.path()));
    edit(
        &site.path().join("data/long.csv"),
        "eet_19_21,2022-23 Q4,52",
        "eet_19_21,2022-23 Q4,53",
    );
    let after = keys(&load(site.path()));
    assert_eq!(changed(&before, &after), all_but(&before, &[]));
}

#[test]
fn a_new_static_file_changes_only_the_static_files() {
    let site = good_site();
    let before = keys(&load(site.path()));
    std::fs::create_dir_all(site.path().join("static")).unwrap();
    std::fs::write(site.path().join("static/logo.txt"), "logo").unwrap();
    assert_eq!(changed(&before, &keys(&load(site.path()))), ["static"]);
}

#[test]
fn the_sites_own_stylesheet_changes_the_404_page_that_carries_it() {
    let site = good_site();
    // The site's static/ is copied to the output's root, so its
    // static/style.css is the one that replaces the theme's.
    let css = site.path().join("static/static/style.css");
    std::fs::create_dir_all(css.parent().unwrap()).unwrap();
    std::fs::write(&css, "body { color: black }").unwrap();
    let before = keys(&load(site.path()));
    std::fs::write(&css, "body { color: navy }").unwrap();
    assert_eq!(changed(&before, &keys(&load(site.path()))), ["404"]);
}

#[test]
fn a_build_makes_each_output_once_and_a_rebuild_with_nothing_changed_none() {
    let site = good_site();
    let cache = Arc::new(Cache::default());
    let build = || {
        Site::build(site.path(), BuildOptions::default(), Some(cache.clone()))
            .map(|(_, files, _)| files)
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let first = build();
    let loaded = load(site.path());
    // A body and a page for each document, a page for each indicator, nine
    // more from the whole site, then the sitemap.
    let generators =
        2 * (loaded.reports.len() + loaded.pages.len()) + loaded.data.indicators.len() + 10;
    assert_eq!(cache.makes(), generators);
    let again = build();
    assert_eq!(cache.makes(), generators, "nothing made the second time");
    assert_eq!(first, again, "the same bytes from the cache");
}

/// The files a build without a cache makes, sorted by path.
fn built(root: &Path) -> Vec<crate::site::OutputFile> {
    Site::build(root, BuildOptions::default(), None)
        .map(|(_, files, _)| files)
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_build_makes_every_kind_of_output() {
    let site = good_site();
    // robots.txt is made only for a site at the root of its host.
    edit(
        &site.path().join("site.toml"),
        "area = ",
        "base_url = \"https://example.org/\"\narea = ",
    );
    let files = built(site.path());
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    for path in [
        "index.html",
        "404.html",
        "about/index.html",
        "reports/2022-23-q4/index.html",
        "indicators/index.html",
        "indicators/cla_count/index.html",
        "compare/index.html",
        "compare/all/index.html",
        "feed.xml",
        "data/all.csv",
        "robots.txt",
        "sitemap.xml",
        "static/style.css",
    ] {
        assert!(paths.contains(&path), "{path} is missing from {paths:?}");
    }
    assert!(
        files
            .iter()
            .all(|f| !f.contents.is_empty() || !f.path.ends_with(".html")),
        "no page is empty"
    );
    // A report's charts and tables can be downloaded from beside it.
    let report = files
        .iter()
        .find(|f| {
            f.path.starts_with("reports/")
                && f.path.ends_with("/index.html")
                && String::from_utf8_lossy(&f.contents)
                    .contains("Children looked after at the end of each month")
        })
        .expect("the report with charts");
    let folder = report.path.trim_end_matches("index.html");
    assert!(
        paths
            .iter()
            .any(|p| p.starts_with(folder) && p.ends_with(".csv")),
        "no CSV file beside {}",
        report.path
    );
}

#[test]
fn the_sites_own_static_file_replaces_the_themes() {
    let site = good_site();
    let css = site.path().join("static/static/style.css");
    std::fs::create_dir_all(css.parent().unwrap()).unwrap();
    std::fs::write(&css, "body { color: navy }").unwrap();
    let files = built(site.path());
    let styles: Vec<&[u8]> = files
        .iter()
        .filter(|f| f.path == "static/style.css")
        .map(|f| &f.contents[..])
        .collect();
    assert_eq!(styles, [b"body { color: navy }".as_slice()]);
}
