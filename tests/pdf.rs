//! The reports' PDFs (`pdf = true`): the example site's, opened with lopdf
//! and checked for what PDF/UA-1 asks and a screen reader needs (tagged,
//! language, title shown, every chart a Figure with alt text, tables with
//! header cells, fonts embedded), for the figures the page shows, and for
//! the same bytes from every build. A validator (veraPDF) needs Java; these
//! checks need nothing but the tests.

mod common;

use common::*;
use lopdf::{Document, Object, ObjectId};
use std::collections::BTreeSet;
use std::path::Path;

const BASE_URL: &str = "https://www.example.gov.uk/performance/";

/// The example site, built into `out` at an address.
fn build_example(out: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = build(root, out, &["--base-url", BASE_URL]);
    assert!(output.status.success(), "{:?}", text(&output));
}

/// Every PDF under `out`, path → bytes.
fn pdfs(out: &Path) -> Vec<(String, Vec<u8>)> {
    read_tree(out)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".pdf"))
        .collect()
}

/// Whether `dict`'s `key` is the name `value`: `/S /Figure`.
fn is(dict: &lopdf::Dictionary, key: &[u8], value: &[u8]) -> bool {
    dict.get(key)
        .and_then(Object::as_name)
        .is_ok_and(|n| n == value)
}

/// Every structure element, by the role it has (`/S`).
fn structure_elements(doc: &Document) -> Vec<(ObjectId, &lopdf::Dictionary)> {
    doc.objects
        .iter()
        .filter_map(|(id, object)| Some((*id, object.as_dict().ok()?)))
        .filter(|(_, dict)| is(dict, b"Type", b"StructElem"))
        .collect()
}

/// Whether a structure element of role `role` is among `object`'s kids.
fn has_kid(doc: &Document, object: &Object, role: &[u8]) -> bool {
    match object {
        Object::Reference(id) => doc
            .get_object(*id)
            .is_ok_and(|object| has_kid(doc, object, role)),
        Object::Array(kids) => kids.iter().any(|kid| has_kid(doc, kid, role)),
        Object::Dictionary(dict) => {
            dict.get(b"S")
                .and_then(Object::as_name)
                .is_ok_and(|n| n == role)
                || dict.get(b"K").is_ok_and(|kids| has_kid(doc, kids, role))
        }
        _ => false,
    }
}

#[test]
fn the_example_reports_pdfs_are_tagged_titled_and_described() {
    let out = tempfile::tempdir().unwrap();
    build_example(out.path());
    let pdfs = pdfs(out.path());
    let reports = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("content/reports"))
        .unwrap()
        .count();
    assert_eq!(pdfs.len(), reports, "one PDF for each published report");
    assert_accessible(&pdfs);
}

#[test]
fn the_chart_stress_sites_pdfs_are_tagged_titled_and_described() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("chart-stress"), site.path());
    let config = site.path().join("site.toml");
    let toml = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("pdf = true\n{toml}")).unwrap();
    let out = site.path().join("public");
    let output = build(site.path(), &out, &[]);
    assert!(output.status.success(), "{:?}", text(&output));
    let pdfs = pdfs(&out);
    assert!(!pdfs.is_empty());
    assert_accessible(&pdfs);
    assert!(assert_chart_type_legible(&out) > 0);
}

/// What PDF/UA-1 asks of each of `pdfs` that a reader can check without a
/// validator.
fn assert_accessible(pdfs: &[(String, Vec<u8>)]) {
    for (path, bytes) in pdfs {
        let doc = Document::load_mem(bytes).unwrap();
        let catalog = doc.catalog().unwrap();
        let mark_info = catalog
            .get_deref(b"MarkInfo", &doc)
            .unwrap()
            .as_dict()
            .unwrap();
        assert!(
            mark_info.get(b"Marked").unwrap().as_bool().unwrap(),
            "{path}: marked"
        );
        assert!(
            catalog.get(b"StructTreeRoot").is_ok(),
            "{path}: a structure tree"
        );
        let lang = catalog.get(b"Lang").unwrap().as_str().unwrap();
        assert_eq!(lang, b"en-GB", "{path}: the site's language");
        let preferences = catalog
            .get_deref(b"ViewerPreferences", &doc)
            .unwrap()
            .as_dict()
            .unwrap();
        assert!(
            preferences
                .get(b"DisplayDocTitle")
                .unwrap()
                .as_bool()
                .unwrap(),
            "{path}: the title shown, not the file's name"
        );
        let metadata = catalog
            .get_deref(b"Metadata", &doc)
            .unwrap()
            .as_stream()
            .unwrap();
        let xmp = String::from_utf8_lossy(&metadata.content);
        assert!(
            xmp.contains("<pdfuaid:part>1</pdfuaid:part>") || xmp.contains("pdfuaid:part=\"1\""),
            "{path}: claims PDF/UA-1 in\n{xmp}"
        );

        let elements = structure_elements(&doc);
        let figures: Vec<_> = elements
            .iter()
            .filter(|(_, e)| is(e, b"S", b"Figure"))
            .collect();
        assert!(!figures.is_empty(), "{path}: its charts are figures");
        for (id, figure) in &figures {
            let alt = figure.get(b"Alt").and_then(Object::as_str).unwrap_or(b"");
            assert!(alt.len() > 20, "{path}: figure {id:?} has no description");
        }
        let tables: Vec<_> = elements
            .iter()
            .filter(|(_, e)| is(e, b"S", b"Table"))
            .collect();
        assert!(!tables.is_empty(), "{path}: its tables are tables");
        for (id, table) in tables {
            assert!(
                has_kid(&doc, table.get(b"K").unwrap(), b"TH"),
                "{path}: table {id:?} has no header cells"
            );
        }

        let mut descriptors = 0;
        for object in doc.objects.values() {
            let Ok(dict) = object.as_dict() else { continue };
            if is(dict, b"Type", b"FontDescriptor") {
                descriptors += 1;
                assert!(
                    dict.get(b"FontFile2").is_ok() || dict.get(b"FontFile3").is_ok(),
                    "{path}: a font not embedded: {dict:?}"
                );
            }
        }
        assert!(descriptors > 0, "{path}: its fonts are described");
    }
}

/// `<p class="kf-value">308</p>` → `308`, for each key figure on a page.
fn key_figures(page: &str) -> Vec<String> {
    page.split("<p class=\"kf-value\">")
        .skip(1)
        .map(|rest| rest[..rest.find("</p>").unwrap()].replace("&amp;", "&"))
        .collect()
}

/// The text of every page of a PDF, its spaces collapsed.
fn pdf_text(bytes: &[u8]) -> String {
    let doc = Document::load_mem(bytes).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn each_pdf_has_its_pages_key_figures_address_and_link() {
    let out = tempfile::tempdir().unwrap();
    build_example(out.path());
    for (path, bytes) in pdfs(out.path()) {
        let folder = &path[..path.rfind('/').unwrap() + 1];
        let page = std::fs::read_to_string(out.path().join(folder).join("index.html")).unwrap();
        let text = pdf_text(&bytes);
        let wanted = key_figures(&page);
        assert!(!wanted.is_empty(), "{folder}: the page has key figures");
        for figure in wanted {
            assert!(text.contains(&figure), "{path}: no {figure} in\n{text}");
        }
        let address = format!("{BASE_URL}{folder}");
        assert!(text.contains(&address), "{path}: no {address}");
        // The page links to its PDF, saying what it is.
        let file = &path[folder.len()..];
        assert!(
            page.contains(&format!("<a href=\"{file}\" type=\"application/pdf\">")),
            "{path}"
        );
        let pages = Document::load_mem(&bytes).unwrap().get_pages().len();
        assert!(
            page.contains(&format!("PDF</abbr>, {pages} pages, ")),
            "{path}: its pages on the page"
        );
        assert!(!page.contains("assistive technology"), "{path}");
    }
}

#[test]
fn every_charts_type_prints_at_nine_points_or_more() {
    let out = tempfile::tempdir().unwrap();
    build_example(out.path());
    // The 2023-24 Q1 report's Figure 17, 600 by 1,470 units, among them.
    assert!(assert_chart_type_legible(out.path()) > 20);
}

/// Asserts that the smallest type of every chart in the PDFs under `out`
/// prints at 9 pt or more; how many charts there are.
fn assert_chart_type_legible(out: &Path) -> usize {
    let mut charts = 0;
    for (path, _) in pdfs(out) {
        let folder = &path[..path.rfind('/').unwrap() + 1];
        let page = std::fs::read_to_string(out.join(folder).join("index.html")).unwrap();
        let body =
            &page[page.find("<div class=\"report-body").unwrap()..page.find("</main>").unwrap()];
        for (number, points) in outturn::pdf::chart_type_sizes(body) {
            charts += 1;
            assert!(
                points >= 9.0 - 1e-9,
                "{path}: Figure {number}'s smallest type prints at {points:.1} pt"
            );
        }
    }
    charts
}

#[test]
fn the_largest_report_takes_no_more_pages_than_a_browser_prints() {
    let out = tempfile::tempdir().unwrap();
    build_example(out.path());
    let (path, bytes) = pdfs(out.path())
        .into_iter()
        .find(|(path, _)| path.starts_with("reports/2023-24-q1/"))
        .unwrap();
    // Chromium prints its page (style.css, @media print) on 26 A4 pages,
    // without the charts' tables the PDF has at its end.
    let pages = Document::load_mem(&bytes).unwrap().get_pages().len();
    assert!(pages <= 26, "{path}: {pages} pages");
}

#[test]
fn the_pdfs_are_the_same_bytes_from_every_build() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    build_example(first.path());
    build_example(second.path());
    let first = pdfs(first.path());
    assert!(!first.is_empty());
    assert!(first == pdfs(second.path()), "two builds, different PDFs");
}

#[test]
fn a_draft_gets_no_pdf_and_a_site_without_pdf_gets_none() {
    let site = good_site();
    let config = site.path().join("site.toml");
    let toml = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("pdf = true\n{toml}")).unwrap();
    let out = site.path().join("public");
    let output = build(site.path(), &out, &["--drafts"]);
    assert!(output.status.success(), "{:?}", text(&output));
    let drafts: BTreeSet<String> = std::fs::read_dir(site.path().join("content/reports"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .filter(|report| report.contains("draft: true"))
        .collect();
    assert!(!drafts.is_empty(), "the good site has a draft");
    let built = pdfs(&out);
    let pages = read_tree(&out)
        .into_keys()
        .filter(|p| p.starts_with("reports/") && p.ends_with("index.html"))
        .count();
    assert_eq!(
        built.len() + drafts.len(),
        pages,
        "{:?}",
        built.iter().map(|p| &p.0).collect::<Vec<_>>()
    );

    std::fs::write(&config, toml).unwrap();
    let output = build(site.path(), &out, &[]);
    assert!(output.status.success(), "{:?}", text(&output));
    assert!(pdfs(&out).is_empty());
}
