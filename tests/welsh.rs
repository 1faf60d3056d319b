//! A bilingual site: `[translations.cy]` in site.toml publishes the site's
//! home page and plain pages again in Welsh under `cy/` (a plain page from
//! its twin, `about.cy.md` beside `about.md`), each linked to its twin.

mod common;

use common::*;
use std::path::Path;

const WELSH: &str = "\n[translations.cy]\ntitle = \"Perfformiad Cyngor y Gosodiadau\"\n\
                     publisher = \"Cyngor y Gosodiadau\"\narea = \"Sir y Gosodiadau\"\n\
                     [translations.cy.comparators]\nengland = \"Lloegr\"\n";

const ABOUT: &str =
    "---\ntitle: Ynglŷn â'r adroddiadau\n---\n## O ble daw'r ffigurau\n\nO ffurflenni'r cyngor.\n";

/// The good fixture with `[translations.cy]` and the Welsh twin of its
/// plain page.
fn welsh_site(site: &Path) {
    let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
    std::fs::write(site.join("site.toml"), toml + WELSH).unwrap();
    std::fs::write(site.join("content/about.cy.md"), ABOUT).unwrap();
}

/// [`welsh_site`], built; its output folder.
fn built_in_welsh(site: &Path) -> std::path::PathBuf {
    welsh_site(site);
    let out = site.join("out");
    let output = build(site, &out, &[]);
    assert!(output.status.success(), "{}", text(&output).1);
    out
}

fn page(out: &Path, path: &str) -> String {
    std::fs::read_to_string(out.join(path)).unwrap()
}

fn assert_has(page: &str, expected: &[&str]) {
    for expected in expected {
        assert!(page.contains(expected), "no {expected:?} in\n{page}");
    }
}

#[test]
fn the_welsh_home_page_is_in_welsh_and_links_to_its_english_twin() {
    let site = good_site();
    let out = built_in_welsh(site.path());
    let home = page(&out, "cy/index.html");
    assert_has(
        &home,
        &[
            "<html lang=\"cy\">",
            "<title>Perfformiad Cyngor y Gosodiadau</title>",
            "<link rel=\"alternate\" hreflang=\"en-GB\" href=\"../index.html\">",
            "<link rel=\"alternate\" hreflang=\"cy\" href=\"../cy/index.html\">",
            "<a class=\"site-title\" href=\"../cy/index.html\">Perfformiad Cyngor y Gosodiadau</a>",
            "<span class=\"site-publisher\">Cyngor y Gosodiadau</span>",
            "<a class=\"skip-link\" href=\"#main\">Neidio i'r prif gynnwys</a>",
            "<li><a href=\"../cy/index.html\" aria-current=\"page\">Adroddiadau</a></li>",
            "<li><a href=\"../indicators/index.html\" hreflang=\"en-GB\">Dangosyddion</a></li>",
            "<li><a href=\"../compare/index.html\" hreflang=\"en-GB\">Cymharu chwarteri</a></li>",
            "<p class=\"language-switch\"><a href=\"../index.html\" lang=\"en-GB\" hreflang=\"en-GB\">English</a></p>",
            "<h2>Pob adroddiad</h2>",
            "<h3>Blwyddyn ariannol 2023-24</h3>",
            "<dd>Chwarter 1 2023-24 (Ebrill i Fehefin 2023)</dd>",
            "Chwarter 4 2022-23 (Ionawr i Fawrth 2023)",
            "<time datetime=\"2023-06-06\">6 Mehefin 2023</time>",
            "<h3 class=\"latest-title\"><a href=\"../reports/2023-24-q1/index.html\" lang=\"en-GB\">Performance report, Q1 2023-24</a></h3>",
            "<a href=\"../reports/2023-24-q1/index.html\"><span lang=\"en-GB\">Performance report, Q1 2023-24</span> (Chwarter 1 2023-24)</a>",
            "Chwarter 1 2023-24 (Ebrill i Fehefin 2023). <span lang=\"en-GB\">Corporate Parenting Committee</span>, <time",
            "Cyhoeddwyd gan Cyngor y Gosodiadau. Mae'r ffigurau ar gyfer Sir y Gosodiadau",
        ],
    );
    assert!(!home.contains("Latest report"), "{home}");
}

#[test]
fn the_english_home_page_links_to_its_welsh_twin_and_other_pages_do_not_yet() {
    let site = good_site();
    let out = built_in_welsh(site.path());
    let home = page(&out, "index.html");
    assert_has(
        &home,
        &[
            "<html lang=\"en-GB\">",
            "<link rel=\"alternate\" hreflang=\"en-GB\" href=\"index.html\">",
            "<link rel=\"alternate\" hreflang=\"cy\" href=\"cy/index.html\">",
            "<p class=\"language-switch\"><a href=\"cy/index.html\" lang=\"cy\" hreflang=\"cy\">Cymraeg</a></p>",
            "<li><a href=\"index.html\" aria-current=\"page\">Reports</a></li>",
            "<h2>All reports</h2>",
        ],
    );
    assert!(!home.contains("Ynglŷn"), "{home}");
    assert!(!home.contains("<span lang="), "{home}");
    let indicators = page(&out, "indicators/index.html");
    assert!(!indicators.contains("hreflang"), "{indicators}");
    assert!(!indicators.contains("language-switch"), "{indicators}");
}

#[test]
fn a_site_without_translations_has_no_welsh_pages_and_no_language_links() {
    let site = good_site();
    let out = site.path().join("out");
    assert!(build(site.path(), &out, &[]).status.success());
    assert!(!out.join("cy").exists());
    let home = page(&out, "index.html");
    assert!(!home.contains("hreflang"), "{home}");
    assert!(!home.contains("Cymraeg"), "{home}");
}

#[test]
fn a_plain_page_is_published_in_welsh_from_its_twin() {
    let site = good_site();
    let out = built_in_welsh(site.path());
    assert_has(
        &page(&out, "cy/about/index.html"),
        &[
            "<html lang=\"cy\">",
            "<title>Ynglŷn â&#39;r adroddiadau – Perfformiad Cyngor y Gosodiadau</title>",
            "<link rel=\"alternate\" hreflang=\"en-GB\" href=\"../../about/index.html\">",
            "<link rel=\"alternate\" hreflang=\"cy\" href=\"../../cy/about/index.html\">",
            "<li><a href=\"../../cy/index.html\">Adroddiadau</a></li>",
            "<li><a href=\"../../indicators/index.html\" hreflang=\"en-GB\">Dangosyddion</a></li>",
            "<li><a href=\"../../cy/about/index.html\" aria-current=\"page\">Ynglŷn â&#39;r adroddiadau</a></li>",
            "<p class=\"language-switch\"><a href=\"../../about/index.html\" lang=\"en-GB\" hreflang=\"en-GB\">English</a></p>",
            "<h2 id=\"o-ble-daw-r-ffigurau\">O ble daw'r ffigurau</h2>",
        ],
    );
    let english = page(&out, "about/index.html");
    assert_has(
        &english,
        &[
            "<link rel=\"alternate\" hreflang=\"cy\" href=\"../cy/about/index.html\">",
            "<p class=\"language-switch\"><a href=\"../cy/about/index.html\" lang=\"cy\" hreflang=\"cy\">Cymraeg</a></p>",
            "<li><a href=\"../about/index.html\" aria-current=\"page\">About these reports</a></li>",
        ],
    );
    assert!(!english.contains("Ynglŷn"), "{english}");
    assert!(page(&out, "cy/index.html").contains("<li><a href=\"../cy/about/index.html\">Ynglŷn"));
}

#[test]
fn a_page_without_its_twin_and_a_twin_without_its_page_or_site_are_errors() {
    let check = |root: &Path| {
        let output = outturn(&["check", "--root", root.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(1));
        let (stdout, stderr) = text(&output);
        stdout + &stderr
    };
    let site = good_site();
    welsh_site(site.path());
    std::fs::remove_file(site.path().join("content/about.cy.md")).unwrap();
    std::fs::write(site.path().join("content/contact.cy.md"), ABOUT).unwrap();
    let report =
        std::fs::read_to_string(site.path().join("content/reports/first-quarter.md")).unwrap();
    std::fs::write(
        site.path().join("content/reports/first-quarter.cy.md"),
        report,
    )
    .unwrap();
    let shown = check(site.path());
    assert_has(
        &shown,
        &[
            "content/about.md:1:1: error: this page has no Welsh twin",
            "add content/about.cy.md with this page in Welsh",
            "content/contact.cy.md:1:1: error: a Welsh twin of content/contact.md, which is not there",
            "content/reports/first-quarter.cy.md:1:1: error: a report's Welsh twin is not published yet",
        ],
    );

    let site = good_site();
    std::fs::write(site.path().join("content/about.cy.md"), ABOUT).unwrap();
    assert_has(
        &check(site.path()),
        &["content/about.cy.md:1:1: error: a Welsh twin, but site.toml has no `[translations.cy]`"],
    );
}
