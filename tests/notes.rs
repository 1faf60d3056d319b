//! Notes are for readers and shown beside their figures; comments are for
//! the team and published nowhere. Key figures and charts lead to their
//! indicators' pages.

mod common;

use common::*;
use std::path::Path;

/// The good fixture's note on a figure a report charts, and a comment on
/// another row that must never leave the data file.
const NOTE: &str = "suppressed: fewer than 5 children";
const COMMENT: &str = "Read from the scan as 40; the team checked the return";

/// The good fixture with a `comment` column in its long file, built.
fn built_with_a_comment() -> (tempfile::TempDir, std::path::PathBuf) {
    let site = good_site();
    let long = site.path().join("data/long.csv");
    let csv = std::fs::read_to_string(&long).unwrap();
    let mut with_comments = String::new();
    for (i, line) in csv.lines().enumerate() {
        let comment = match i {
            0 => "comment",
            _ if line.starts_with("cla_by_age,2023-24 Q1,40,") => COMMENT,
            _ => "",
        };
        with_comments.push_str(&format!("{line},{comment}\n"));
    }
    assert!(with_comments.contains(COMMENT));
    std::fs::write(&long, with_comments).unwrap();
    let out = site.path().join("public");
    let output = build(site.path(), &out, &[]);
    assert!(output.status.success(), "{}", text(&output).1);
    (site, out)
}

fn read(out: &Path, page: &str) -> String {
    std::fs::read_to_string(out.join(page)).unwrap()
}

/// The `<figure>` on `page` whose caption starts with `title`.
fn figure<'p>(page: &'p str, title: &str) -> &'p str {
    let caption = page
        .find(&format!("<span class=\"chart-title\">{title}"))
        .unwrap_or_else(|| panic!("a chart titled {title}"));
    let start = page[..caption].rfind("<figure").unwrap();
    let end = caption + page[caption..].find("</figure>").unwrap();
    &page[start..end]
}

#[test]
fn a_note_is_shown_under_its_chart_outside_the_closed_table_and_referred_to() {
    let (_site, out) = built_with_a_comment();
    let page = read(&out, "reports/2023-24-q1/index.html");
    let chart = figure(&page, "Children looked after by age");
    let details = chart.find("<details").unwrap();
    let (outside, table) = chart.split_at(details);
    assert!(
        outside.contains(&format!(
            "<li id=\"figure-3-note-1\"><span class=\"note-figures\">Under 1:</span> {NOTE}</li>"
        )),
        "{chart}"
    );
    assert!(outside.contains("<ol aria-labelledby=\"figure-3-notes\">"));
    assert!(
        table.contains("<sup class=\"note-ref\"><a href=\"#figure-3-note-1\"><span class=\"visually-hidden\">Note </span>1</a></sup>"),
        "{chart}"
    );
    // Listed once: not again inside the table.
    assert!(!table.contains(NOTE));
}

#[test]
fn a_note_is_shown_on_its_indicators_page() {
    let (_site, out) = built_with_a_comment();
    let page = read(&out, "indicators/cla_by_age/index.html");
    let history = &page[page.find("id=\"history\"").unwrap()..];
    // Under the history chart, and under the table of every figure.
    for number in [1, 2] {
        assert!(
            history.contains(&format!(
                "<li id=\"figure-{number}-note-1\"><span class=\"note-figures\">"
            )),
            "{history}"
        );
        assert!(history.contains(&format!(
            "<a href=\"#figure-{number}-note-1\"><span class=\"visually-hidden\">Note </span>1</a>"
        )));
    }
    assert_eq!(history.matches(NOTE).count(), 2, "{history}");
}

#[test]
fn a_note_is_listed_under_its_table() {
    let site = good_site();
    std::fs::write(
        site.path().join("content/reports/first-quarter.md"),
        "---\ntitle: Q1\nperiod: 2023-24 Q1\n---\n{{ table([\"cla_by_age\"]) }}\n",
    )
    .unwrap();
    let out = site.path().join("public");
    let output = build(site.path(), &out, &[]);
    assert!(output.status.success(), "{}", text(&output).1);
    let page = read(&out, "reports/2023-24-q1/index.html");
    let table_end = page.find("</table>").unwrap();
    let note = page
        .find(&format!("</span> {NOTE}</li>"))
        .expect("the note listed");
    assert!(table_end < note, "{page}");
    assert!(page[..table_end].contains("<span class=\"visually-hidden\">Note </span>1</a></sup>"));
}

#[test]
fn a_comment_is_published_nowhere_and_a_note_is_in_the_downloads() {
    let (_site, out) = built_with_a_comment();
    let files = read_tree(&out);
    for (name, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains(COMMENT), "{name} publishes the comment");
        assert!(!text.contains("the team checked"), "{name}");
    }
    // The figure itself is published, with its note where it has one.
    for csv in [
        "reports/2023-24-q1/figure-3.csv",
        "data/cla_by_age.csv",
        "data/all.csv",
    ] {
        let text = String::from_utf8_lossy(&files[csv]);
        assert!(text.contains(NOTE), "{csv}: {text}");
        assert!(!text.lines().next().unwrap().contains("comment"), "{csv}");
    }
}

#[test]
fn key_figures_and_chart_captions_link_to_their_indicators_pages() {
    let (_site, out) = built_with_a_comment();
    let report = read(&out, "reports/2023-24-q1/index.html");
    assert!(report.contains(
        "<p class=\"kf-title\"><a href=\"../../indicators/cla_count/index.html\">Children looked after</a></p>"
    ));
    let home = read(&out, "index.html");
    assert!(home.contains(
        "<p class=\"kf-title\"><a href=\"indicators/cla_count/index.html\">Children looked after</a></p>"
    ));
    let chart = figure(&report, "Children looked after by age");
    assert!(
        chart.contains("<a class=\"chart-about\" href=\"../../indicators/cla_by_age/index.html\">About this indicator<span class=\"visually-hidden\">: Children looked after by age</span></a></figcaption>"),
        "{chart}"
    );
    assert!(out.join("indicators/cla_by_age/index.html").is_file());
    // An indicator's own page does not link its chart to itself.
    let own = read(&out, "indicators/cla_by_age/index.html");
    assert!(!own.contains("chart-about"));
}
