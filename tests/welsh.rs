//! A bilingual site: `[translations.cy]` in site.toml publishes the site's
//! home page, reports and plain pages again in Welsh under `cy/` (a report
//! or page from its twin, `about.cy.md` beside `about.md`), each linked to
//! its twin.

mod common;

use common::*;
use std::path::Path;

const ABOUT: &str =
    "---\ntitle: Ynglŷn â'r adroddiadau\n---\n## O ble daw'r ffigurau\n\nO ffurflenni'r cyngor.\n";

/// What makes the good fixture the bilingual one: `[translations.cy]`, the
/// indicators' Welsh, and the Welsh twins of its reports and page.
const WELSH_FILES: [&str; 6] = [
    "site.toml",
    "data/indicators.yaml",
    "data/long.csv",
    "content/about.cy.md",
    "content/reports/first-quarter.cy.md",
    "content/reports/2022-23-q4.cy.md",
];

/// The good fixture made bilingual, as `tests/fixtures/bilingual` is.
fn welsh_site(site: &Path) {
    let bilingual = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bilingual");
    for file in WELSH_FILES {
        std::fs::copy(bilingual.join(file), site.join(file)).unwrap();
    }
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
            "<li><a href=\"../cy/indicators/index.html\">Dangosyddion</a></li>",
            "<li><a href=\"../cy/compare/index.html\">Cymharu chwarteri</a></li>",
            "<p class=\"language-switch\"><a href=\"../index.html\" lang=\"en-GB\" hreflang=\"en-GB\">English</a></p>",
            "<h2>Pob adroddiad</h2>",
            "<h3>Blwyddyn ariannol 2023-24</h3>",
            "<dd>Chwarter 1 2023-24 (Ebrill i Fehefin 2023)</dd>",
            "Chwarter 4 2022-23 (Ionawr i Fawrth 2023)",
            "<time datetime=\"2023-06-06\">6 Mehefin 2023</time>",
            "<h3 class=\"latest-title\"><a href=\"../cy/reports/2023-24-q1/index.html\">Adroddiad perfformiad, Chwarter 1 2023-24</a></h3>",
            "<a href=\"../cy/reports/2023-24-q1/index.html\">Adroddiad perfformiad, Chwarter 1 2023-24</a>",
            "Chwarter 1 2023-24 (Ebrill i Fehefin 2023). Pwyllgor Rhianta Corfforaethol, <time datetime=\"2023-09-05\">5 Medi 2023</time>",
            "Cyhoeddwyd gan Cyngor y Gosodiadau. Mae'r ffigurau ar gyfer Sir y Gosodiadau",
        ],
    );
    assert!(!home.contains("Latest report"), "{home}");
    assert!(!home.contains("Performance report"), "{home}");
}

#[test]
fn a_report_is_published_in_welsh_from_its_twin_with_every_figure_in_welsh() {
    let site = good_site();
    let out = built_in_welsh(site.path());
    let report = page(&out, "cy/reports/2023-24-q1/index.html");
    assert_has(
        &report,
        &[
            "<html lang=\"cy\">",
            "<link rel=\"alternate\" hreflang=\"en-GB\" href=\"../../../reports/2023-24-q1/index.html\">",
            "<link rel=\"alternate\" hreflang=\"cy\" href=\"../../../cy/reports/2023-24-q1/index.html\">",
            "<p class=\"language-switch\"><a href=\"../../../reports/2023-24-q1/index.html\" lang=\"en-GB\" hreflang=\"en-GB\">English</a></p>",
            "Chwarter 1 2023-24 (Ebrill i Fehefin 2023)",
            "5 Medi 2023",
            // Key figures: the indicator's Welsh title, its period and change.
            "Plant sy&#39;n derbyn gofal fesul 10,000 o blant",
            "67.9 fesul 10,000",
            "Cynnydd o 3.6 fesul 10,000 o&#39;i gymharu â 64.3 fesul 10,000 ym mis Mawrth 2023.",
            // The body's placeholders.
            "Ar ddiwedd 30 Mehefin 2023, roedd 308 o blant yn derbyn",
            "cynnydd o 16 o&#39;i gymharu â 292 ym mis Mawrth 2023",
            "cynnydd o 3 pwynt canran o&#39;i gymharu â 52% yn Chwarter 4 2022-23",
            "Y cyfartaledd oedd 498 diwrnod.",
            "£34.5 miliwn (Ebrill 2023)",
            // The comparators and the area by their Welsh names.
            "Lloegr (2022-23)",
            "Sir y Gosodiadau (Mehefin 2023)",
            // The symbols' key.
            "cyfrinachol: mae&#39;r ffigur wedi&#39;i atal i ddiogelu unigolion",
            "dros dro: gall y ffigur newid",
            // A note's Welsh, from the data file's note_cy column.
            "wedi&#39;i atal: llai na 5 o blant",
            "Yr adroddiad blaenorol",
            "href=\"../../../cy/reports/2022-23-q4/index.html\"",
            // The breadcrumb leads back to the Welsh home page.
            "<li><a href=\"../../../cy/index.html\">Adroddiadau</a></li>\n    <li aria-current=\"page\">Chwarter 1 2023-24</li>",
        ],
    );
    // A chart's figures to download: Welsh headings and period labels.
    let csv = page(&out, "cy/reports/2023-24-q1/figure-1.csv");
    assert!(csv.contains("Mehefin 2023"), "{csv}");
    assert!(!csv.contains("June 2023"), "{csv}");
    let english = page(&out, "reports/2023-24-q1/index.html");
    assert_has(
        &english,
        &[
            "<p class=\"language-switch\"><a href=\"../../cy/reports/2023-24-q1/index.html\" lang=\"cy\" hreflang=\"cy\">Cymraeg</a></p>",
            "an increase of 16 from 292 in March 2023",
        ],
    );
    assert!(!english.contains("fesul"), "{english}");
}

#[test]
fn a_report_changed_since_its_welsh_twin_is_named_by_its_contents_until_the_twin_changes() {
    let site = good_site();
    let out = built_in_welsh(site.path());
    let record = site.path().join("published/translations.toml");
    assert!(
        std::fs::read_to_string(&record)
            .unwrap()
            .contains("[\"content/reports/first-quarter.cy.md\"]")
    );
    let report = site.path().join("content/reports/first-quarter.md");
    let words = std::fs::read_to_string(&report).unwrap();
    std::fs::write(&report, words.replace("rose in June", "rose by June")).unwrap();
    let built = build(site.path(), &out, &[]);
    assert!(built.status.success());
    let (stdout, stderr) = text(&built);
    assert!(
        (stdout + &stderr).contains("content/reports/first-quarter.md:1:1: warning[twin-behind]: this file has changed since its Welsh twin content/reports/first-quarter.cy.md last did"),
        "no twin-behind warning"
    );
    let twin = site.path().join("content/reports/first-quarter.cy.md");
    let words = std::fs::read_to_string(&twin).unwrap();
    std::fs::write(&twin, words.replace("ym mis Mehefin", "erbyn mis Mehefin")).unwrap();
    let (stdout, stderr) = text(&build(site.path(), &out, &[]));
    assert!(!(stdout + &stderr).contains("twin-behind"));
}

/// Words outturn writes in English pages, none of which a Welsh page may
/// have: navigation, labels, units, periods, changes, charts' sentences.
const ENGLISH: [&str; 40] = [
    "Reports",
    "Indicators",
    "Compare",
    "Skip to",
    "Key figures",
    "Published by",
    "Period",
    "Committee",
    "Meeting",
    "Source",
    "Download",
    "Show the figures",
    "Figure",
    "Table",
    "Notes",
    "Note",
    "Symbols",
    "not available",
    "confidential",
    "provisional",
    "Previous report",
    "Next report",
    "per 10,000",
    "days",
    "increase",
    "decrease",
    "no change",
    "better than",
    "worse than",
    "rose",
    "fell",
    "from",
    "since",
    "the chart",
    "in June",
    "Quarter",
    "Q1",
    "January",
    "Better",
    "Worse",
];

/// The text a reader meets on a page, hears or is told: what is between
/// its tags and its `alt`, `aria-label` and `title` attributes, less what
/// is marked as in another language (`lang="en-GB"`: the link to the
/// English page) and the data's own words (a breakdown's names).
fn words_of(html: &str) -> String {
    let mut html = html.to_string();
    // The link to the English twin says "English", in English, as it should.
    while let Some(start) = html.find(" lang=\"en-GB\"") {
        let open = html[..start].rfind('<').unwrap();
        let close = html[start..].find("</").map_or(html.len(), |i| start + i);
        html.replace_range(open..close, "");
    }
    for data in ["Under 1", "16 and over"] {
        html = html.replace(data, "");
    }
    let mut words = String::new();
    let mut rest = html.as_str();
    while let Some(open) = rest.find('<') {
        words.push_str(&rest[..open]);
        words.push(' ');
        let close = rest[open..].find('>').map_or(rest.len(), |i| open + i + 1);
        let tag = &rest[open..close];
        if tag.starts_with("<style") || tag.starts_with("<script") {
            let end = if tag.starts_with("<style") {
                "</style>"
            } else {
                "</script>"
            };
            rest = &rest[rest[open..].find(end).map_or(rest.len(), |i| open + i)..];
            continue;
        }
        for attribute in ["alt=\"", "aria-label=\"", "title=\""] {
            if let Some(at) = tag.find(attribute) {
                let value = &tag[at + attribute.len()..];
                words.push_str(&value[..value.find('"').unwrap_or(value.len())]);
                words.push(' ');
            }
        }
        rest = &rest[close..];
    }
    words.push_str(rest);
    words
}

#[test]
fn the_welsh_pages_have_none_of_the_english_words_outturn_writes() {
    let site = good_site();
    let out = built_in_welsh(site.path());
    let pages: Vec<_> = read_tree(&out.join("cy"))
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .collect();
    assert!(pages.len() >= 10, "{} Welsh pages", pages.len());
    let mut found = Vec::new();
    for (path, bytes) in &pages {
        let words = words_of(&String::from_utf8_lossy(bytes));
        for english in ENGLISH {
            let whole_word = words.match_indices(english).any(|(i, _)| {
                let before = words[..i].chars().next_back();
                let after = words[i + english.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            });
            if whole_word {
                found.push(format!("{path}: {english:?}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "English on Welsh pages:\n{}",
        found.join("\n")
    );
}

#[test]
fn every_indicator_has_a_welsh_page_from_its_welsh_texts() {
    let site = good_site();
    let out = built_in_welsh(site.path());
    let index = page(&out, "cy/indicators/index.html");
    assert_has(
        &index,
        &[
            "<html lang=\"cy\">",
            "<title>Dangosyddion – Perfformiad Cyngor y Gosodiadau</title>",
            "<li><a href=\"../../cy/indicators/index.html\" aria-current=\"page\">Dangosyddion</a></li>",
            "Nifer cyfartalog y diwrnodau o ddod i ofal i symud at deulu mabwysiadol",
            "498 diwrnod",
            "£34.5 miliwn",
        ],
    );
    let rate = page(&out, "cy/indicators/cla_rate/index.html");
    assert_has(
        &rate,
        &[
            "<h1>Plant sy&#39;n derbyn gofal fesul 10,000 o blant</h1>",
            "Cyfradd fesul 10,000 o blant",
            "Ar ddiwedd pob cyfnod",
            "Mae is yn well",
            "Plant sy&#39;n derbyn gofal fesul 10,000 o blant: hanes",
            "Plant sy&#39;n derbyn gofal fesul 10,000 o blant: pob ffigur",
            "Lloegr",
            "Mehefin 2023",
            "href=\"../../../cy/reports/2023-24-q1/index.html\"",
            "<a href=\"../../../indicators/cla_rate/index.html\" lang=\"en-GB\" hreflang=\"en-GB\">English</a>",
        ],
    );
    let count = page(&out, "cy/indicators/cla_count/index.html");
    assert!(count.contains("Ffurflen SSDA903"), "{count}");
    assert!(!count.contains("SSDA903 return"), "{count}");
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
    assert!(indicators.contains("<p class=\"language-switch\"><a href=\"../cy/indicators/index.html\" lang=\"cy\" hreflang=\"cy\">Cymraeg</a></p>"), "{indicators}");
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
            "<li><a href=\"../../cy/indicators/index.html\">Dangosyddion</a></li>",
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
    std::fs::remove_file(site.path().join("content/reports/2022-23-q4.cy.md")).unwrap();
    std::fs::write(
        site.path().join("content/reports/2021-22-q4.cy.md"),
        "---\ntitle: Adroddiad\nperiod: 2021-22 Q4\n---\nTestun.\n",
    )
    .unwrap();
    let twin = site.path().join("content/reports/first-quarter.cy.md");
    let text = std::fs::read_to_string(&twin).unwrap();
    std::fs::write(
        &twin,
        text.replace("meeting: 2023-09-05", "meeting: 2023-09-12"),
    )
    .unwrap();
    let indicators = site.path().join("data/indicators.yaml");
    let text = std::fs::read_to_string(&indicators).unwrap();
    std::fs::write(
        &indicators,
        text.replacen("    title: \"Cyllideb\"\n", "", 1),
    )
    .unwrap();
    let shown = check(site.path());
    assert_has(
        &shown,
        &[
            "content/about.md:1:1: error: this page has no Welsh twin",
            "add content/about.cy.md with this page in Welsh",
            "content/contact.cy.md:1:1: error: a Welsh twin of content/contact.md, which is not there",
            "content/reports/2022-23-q4.md:1:1: error: this report has no Welsh twin",
            "add content/reports/2022-23-q4.cy.md with this report in Welsh",
            "content/reports/first-quarter.cy.md:5:1: error: `meeting` is 2023-09-12 here but 2023-09-05 in content/reports/first-quarter.md: a twin must agree with its original",
            "content/reports/2021-22-q4.cy.md:1:1: error: a Welsh twin of content/reports/2021-22-q4.md, which is not there",
            "data/indicators.yaml:39:1: error: indicator `budget` has no Welsh title",
        ],
    );

    let site = good_site();
    std::fs::write(site.path().join("content/about.cy.md"), ABOUT).unwrap();
    let bilingual = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bilingual");
    std::fs::copy(
        bilingual.join("data/long.csv"),
        site.path().join("data/long.csv"),
    )
    .unwrap();
    assert_has(
        &check(site.path()),
        &[
            "content/about.cy.md:1:1: error: a Welsh twin, but site.toml has no `[translations.cy]`",
            "data/long.csv:1:44: error: a `note_cy` column, but site.toml has no `[translations.cy]`",
        ],
    );
}

#[test]
fn the_compare_pages_are_published_in_welsh_with_welsh_figures_and_links_to_the_twins() {
    let site = good_site();
    let out = built_in_welsh(site.path());
    let compare = page(&out, "cy/compare/index.html");
    assert_has(
        &compare,
        &[
            "<html lang=\"cy\">",
            "<title>Cymharu chwarteri – Perfformiad Cyngor y Gosodiadau</title>",
            "<link rel=\"alternate\" hreflang=\"en-GB\" href=\"../../compare/index.html\">",
            "<link rel=\"alternate\" hreflang=\"cy\" href=\"../../cy/compare/index.html\">",
            "<p class=\"language-switch\"><a href=\"../../compare/index.html\" lang=\"en-GB\" hreflang=\"en-GB\">English</a></p>",
            "<li><a href=\"../../cy/index.html\">Adroddiadau</a></li>",
            "<li><a href=\"../../cy/compare/index.html\" aria-current=\"page\">Cymharu chwarteri</a></li>",
            "<h1>Cymharu chwarteri</h1>",
            "<h2 id=\"latest-changes\">Beth newidiodd yn Chwarter 1 2023-24</h2>",
            "<h3>Gwell (2)</h3>",
            // The summary: Welsh titles, figures, periods and changes.
            "Nifer cyfartalog y diwrnodau o ddod i ofal i symud at deulu mabwysiadol</a>: 498 diwrnod yn Chwarter 1 2023-24, gostyngiad o 62 diwrnod o&#39;i gymharu â 560 diwrnod yn Chwarter 4 2022-23.</li>",
            "67.9 fesul 10,000 ym mis Mehefin 2023, cynnydd o 3.6 fesul 10,000 o&#39;i gymharu â 64.3 fesul 10,000 ym mis Mawrth 2023.",
            // The tables: Welsh themes, quarters linked to the reports' twins,
            // Welsh cells and the symbols' key.
            // In the order of their Welsh names, as on the Welsh indicators' index.
            "<h2 id=\"theme-1\">Cyllid</h2>",
            "<h2 id=\"theme-2\">Mabwysiadu</h2>",
            "<h2 id=\"theme-3\">Plant sy&#39;n derbyn gofal</h2>",
            "<h2 id=\"theme-4\">Pobl ifanc sy&#39;n gadael gofal</h2>",
            "Mabwysiadu: ffigurau fesul chwarter",
            "<a href=\"../../cy/reports/2023-24-q1/index.html\">Chwarter 1 <span class=\"period\">2023-24</span></a>",
            "<a href=\"../../cy/reports/2022-23-q4/index.html\">Chwarter 4 <span class=\"period\">2022-23</span></a>",
            "<th scope=\"col\">Dangosydd</th>",
            "gostyngiad o 62 diwrnod, <strong>gwell</strong>",
            "cynnydd o 3.6 fesul 10,000, <strong>gwaeth</strong>",
            "<span class=\"compare-value\">£34.5 miliwn</span><span class=\"compare-period\">(Ebrill 2023)</span>",
            "<dd>ddim ar gael</dd>",
            "<dd>dros dro: gall y ffigur newid</dd>",
        ],
    );
    // An indicator's page is linked in Welsh once the site has it; until
    // then the link says it leads to the English page.
    let indicator = if out.join("cy/indicators/cla_rate/index.html").exists() {
        "<a href=\"../../cy/indicators/cla_rate/index.html\">Plant sy&#39;n derbyn gofal fesul 10,000 o blant</a>"
    } else {
        "<a href=\"../../indicators/cla_rate/index.html\" hreflang=\"en-GB\">Plant sy&#39;n derbyn gofal fesul 10,000 o blant</a>"
    };
    assert_has(&compare, &[indicator]);
    for english in [
        "Compare",
        "up ",
        "down ",
        "better",
        "worse",
        " since ",
        " in Q",
        "Indicator",
        "not available",
    ] {
        assert!(!compare.contains(english), "{english:?} in\n{compare}");
    }
    assert_has(
        &page(&out, "cy/compare/all/index.html"),
        &[
            "<h1>Cymharu pob chwarter</h1>",
            "Mae'r dudalen hon yn dangos pob un o'r 2 chwarter. <a href=\"../index.html\">Dangos y chwarteri diweddaraf yn unig</a>.",
            "<a href=\"../../../cy/reports/2023-24-q1/index.html\">",
        ],
    );
    let english = page(&out, "compare/index.html");
    assert_has(
        &english,
        &[
            "<link rel=\"alternate\" hreflang=\"cy\" href=\"../cy/compare/index.html\">",
            "<p class=\"language-switch\"><a href=\"../cy/compare/index.html\" lang=\"cy\" hreflang=\"cy\">Cymraeg</a></p>",
            "down 62 days, <strong>better</strong>",
        ],
    );
    assert!(!english.contains("Mabwysiadu"), "{english}");
}

/// [`welsh_site`] built for `https://www.example.gov.uk/performance/`.
fn built_in_welsh_at_an_address(site: &Path) -> std::path::PathBuf {
    welsh_site(site);
    let out = site.join("out");
    let base = ["--base-url", "https://www.example.gov.uk/performance/"];
    let output = build(site, &out, &base);
    assert!(output.status.success(), "{}", text(&output).1);
    out
}

#[test]
fn the_one_404_page_a_host_shows_is_in_both_languages_and_cy_has_its_own() {
    let site = good_site();
    let out = built_in_welsh_at_an_address(site.path());
    let address = "https://www.example.gov.uk/performance/";
    let not_found = page(&out, "404.html");
    assert_has(
        &not_found,
        &[
            "<html lang=\"en-GB\">",
            "<h1>Page not found</h1>",
            &format!("<p><a href=\"{address}index.html\">Go to the list of all reports</a></p>"),
            "<section lang=\"cy\">\n<h2>Heb ddod o hyd i'r dudalen</h2>",
            "<p>Nid oes tudalen yn y cyfeiriad hwn.</p>",
            &format!(
                "<p><a href=\"{address}cy/index.html\" hreflang=\"cy\">Ewch i'r rhestr o'r holl adroddiadau</a></p>\n</section>"
            ),
        ],
    );
    let welsh = page(&out, "cy/404.html");
    assert_has(
        &welsh,
        &[
            "<html lang=\"cy\">",
            "<title>Heb ddod o hyd i'r dudalen – Perfformiad Cyngor y Gosodiadau</title>",
            "<meta name=\"robots\" content=\"noindex\">",
            &format!("<a class=\"site-title\" href=\"{address}cy/index.html\">"),
            &format!("<li><a href=\"{address}cy/compare/index.html\">Cymharu chwarteri</a></li>"),
            "<h1>Heb ddod o hyd i'r dudalen</h1>",
            &format!(
                "<p><a href=\"{address}cy/index.html\">Ewch i'r rhestr o'r holl adroddiadau</a></p>"
            ),
        ],
    );
    assert!(!welsh.contains("Page not found"), "{welsh}");
    assert!(!welsh.contains(" lang=\"en-GB\""), "{welsh}");

    // Without an address each part leads to the root of the host.
    let site = good_site();
    let out = built_in_welsh(site.path());
    assert_has(
        &page(&out, "404.html"),
        &[
            "<p><a href=\"/\">Go to the home page of this website</a></p>",
            "<p><a href=\"/\">Ewch i hafan y wefan hon</a></p>\n</section>",
        ],
    );
    assert!(
        page(&out, "cy/404.html").contains("<p><a href=\"/\">Ewch i hafan y wefan hon</a></p>")
    );
}

#[test]
fn the_sitemap_names_each_pages_twin_both_ways_and_leaves_out_the_404_pages() {
    let site = good_site();
    let out = built_in_welsh_at_an_address(site.path());
    let sitemap = page(&out, "sitemap.xml");
    let at = |path: &str| format!("https://www.example.gov.uk/performance/{path}");
    let twins = |loc: &str, english: &str, welsh: &str| {
        format!(
            "  <url><loc>{}</loc>\n    <xhtml:link rel=\"alternate\" hreflang=\"en-GB\" href=\"{}\"/>\n    <xhtml:link rel=\"alternate\" hreflang=\"cy\" href=\"{}\"/>\n  </url>\n",
            at(loc),
            at(english),
            at(welsh)
        )
    };
    assert_has(
        &sitemap,
        &[
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">",
            &twins("", "", "cy/"),
            &twins("cy/", "", "cy/"),
            &twins(
                "reports/2023-24-q1/",
                "reports/2023-24-q1/",
                "cy/reports/2023-24-q1/",
            ),
            &twins(
                "cy/reports/2023-24-q1/",
                "reports/2023-24-q1/",
                "cy/reports/2023-24-q1/",
            ),
            &twins("about/", "about/", "cy/about/"),
            &twins("cy/compare/", "compare/", "cy/compare/"),
            &twins("compare/all/", "compare/all/", "cy/compare/all/"),
            &twins("indicators/", "indicators/", "cy/indicators/"),
            &twins(
                "cy/indicators/cla_rate/",
                "indicators/cla_rate/",
                "cy/indicators/cla_rate/",
            ),
        ],
    );
    assert!(!sitemap.contains("404"), "{sitemap}");

    // A site in one language: no alternates, no second namespace.
    let site = good_site();
    let out = site.path().join("out");
    let base = ["--base-url", "https://www.example.gov.uk/performance/"];
    assert!(build(site.path(), &out, &base).status.success());
    let sitemap = page(&out, "sitemap.xml");
    assert!(!sitemap.contains("xhtml"), "{sitemap}");
    assert_has(
        &sitemap,
        &[&format!("  <url><loc>{}</loc></url>\n", at(""))],
    );
}

#[test]
fn the_welsh_reports_have_a_feed_of_their_own_named_by_every_welsh_page() {
    let site = good_site();
    let out = built_in_welsh_at_an_address(site.path());
    let at = |path: &str| format!("https://www.example.gov.uk/performance/{path}");
    let feed = page(&out, "cy/feed.xml");
    assert_has(
        &feed,
        &[
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"cy\">",
            "<title>Perfformiad Cyngor y Gosodiadau</title>",
            "<subtitle>Adroddiadau perfformiad a gyhoeddir gan Cyngor y Gosodiadau</subtitle>",
            &format!("<id>{}</id>", at("cy/")),
            &format!(
                "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
                at("cy/feed.xml")
            ),
            &format!(
                "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
                at("cy/index.html")
            ),
            "<title>Adroddiad perfformiad, Chwarter 1 2023-24</title>",
            &format!("<id>{}</id>", at("cy/reports/2023-24-q1/index.html")),
        ],
    );
    assert_eq!(feed.matches("<entry>").count(), 2, "{feed}");
    let english = page(&out, "feed.xml");
    assert!(!english.contains("cy/"), "{english}");
    assert_eq!(english.matches("<entry>").count(), 2, "{english}");
    // Each Welsh page names the Welsh feed; the home page links to it.
    let home = page(&out, "cy/index.html");
    assert_has(
        &home,
        &[
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Perfformiad Cyngor y Gosodiadau\" href=\"../cy/feed.xml\">",
            "dilynwch <a href=\"../cy/feed.xml\">ffrwd yr adroddiadau (Atom)</a>",
        ],
    );
    assert!(
        page(&out, "cy/reports/2023-24-q1/index.html").contains("href=\"../../../cy/feed.xml\"")
    );
    assert!(page(&out, "index.html").contains("href=\"feed.xml\""));

    // Without an address, its links are relative to it.
    let site = good_site();
    let out = built_in_welsh(site.path());
    let feed = page(&out, "cy/feed.xml");
    assert_has(
        &feed,
        &[
            "<id>urn:outturn:fixture-council:cy</id>",
            "<id>urn:outturn:fixture-council:cy:2023-24-q1</id>",
            "href=\"../cy/reports/2023-24-q1/index.html\"",
        ],
    );
}
