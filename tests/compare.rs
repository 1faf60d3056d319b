//! The comparison pages and the indicator pages' list of reports, built from
//! the good fixture: what a committee member reads must be true.

mod common;

use common::*;
use std::path::Path;

fn main_of(page: &str) -> String {
    let start = page.find("<main").expect("a main element");
    let end = page.find("</main>").expect("main closes") + "</main>".len();
    page[start..end].to_string()
}

/// Builds `site` and returns the page at `path` in the output.
fn built(site: &Path, path: &str) -> String {
    let out = site.join("public");
    let output = build(site, &out, &[]);
    assert!(output.status.success(), "{}", text(&output).1);
    std::fs::read_to_string(out.join(path)).unwrap()
}

/// The quarter headings of each table, in order.
fn column_labels(page: &str) -> Vec<Vec<String>> {
    page.split("<thead>")
        .skip(1)
        .map(|table| {
            let head = &table[..table.find("</thead>").unwrap()];
            head.split("<th scope=\"col\" class=\"num\">")
                .skip(1)
                .map(|th| {
                    // The heading's text, without its link and spans.
                    let cell = &th[..th.find("</th>").unwrap()];
                    let mut text = String::new();
                    let mut in_tag = false;
                    for c in cell.chars() {
                        match c {
                            '<' => in_tag = true,
                            '>' => in_tag = false,
                            c if !in_tag => text.push(c),
                            _ => {}
                        }
                    }
                    text
                })
                .collect()
        })
        .collect()
}

#[test]
fn compare_page() {
    let site = good_site();
    let page = built(site.path(), "compare/index.html");
    insta::assert_snapshot!(main_of(&page));
}

#[test]
fn a_change_from_an_older_period_names_it_and_is_not_judged() {
    let site = good_site();
    // Nothing for Q3 2022-23 or December 2022: the quarter before Q4 2022-23
    // has no figure of its own.
    let long = site.path().join("data/long.csv");
    let mut csv = std::fs::read_to_string(&long).unwrap();
    csv.push_str("eet_19_21,2022-23 Q2,60,,,\ncla_count,2022-04,294,,,\n");
    std::fs::write(&long, csv).unwrap();
    let page = built(site.path(), "compare/index.html");
    // No ", worse" after it: the cell's change ends there.
    assert!(
        page.contains("down 8 percentage points since Q2 2022-23</span>"),
        "{page}"
    );
    assert!(page.contains("down 2 since April 2022</span>"), "{page}");
    // The latest quarter is still compared like with like, and judged.
    assert!(
        page.contains("up 3 percentage points, <strong>better</strong>"),
        "{page}"
    );
    // The summary lists only like-with-like changes.
    let summary = &page[page.find("What changed in").unwrap()..page.find("</section>").unwrap()];
    assert!(!summary.contains("Q2 2022-23"), "{summary}");
}

#[test]
fn the_newest_quarter_comes_first() {
    let site = good_site();
    let page = built(site.path(), "compare/index.html");
    for labels in column_labels(&page) {
        assert_eq!(labels, ["Q1 2023-24", "Q4 2022-23"]);
    }
}

#[test]
fn whole_years_have_their_own_table_with_year_columns() {
    let site = good_site();
    // The council's own figures for whole years, beside its quarters'.
    let long = site.path().join("data/long.csv");
    let mut csv = std::fs::read_to_string(&long).unwrap();
    csv.push_str(
        "eet_19_21,2020-21,48,,,\neet_19_21,2021-22,50,,,\nadoption_days,2020-21,121,,,\n",
    );
    std::fs::write(&long, csv).unwrap();
    let page = main_of(&built(site.path(), "compare/index.html"));
    let labels = column_labels(&page);
    let (years, quarters) = labels.split_last().unwrap();
    for labels in quarters {
        assert_eq!(labels, &["Q1 2023-24", "Q4 2022-23"]);
    }
    // 2022-23 has no figure for a whole year: only the years that have one.
    assert_eq!(years, &["2021-22"]);
    let at = page
        .find("Whole financial years</h2>")
        .expect("a table of years");
    let (by_quarter, by_year) = page.split_at(at);
    // No year's figure under a quarter.
    assert!(!by_quarter.contains("(2021-22)"), "{by_quarter}");
    assert!(!by_quarter.contains("50%"), "{by_quarter}");
    // Each year with its change from the year before, judged like with like.
    assert!(
        by_year.contains(
            "<p class=\"table-caption\" id=\"compare-caption-5\">Figures by financial year</p>"
        ),
        "{by_year}"
    );
    assert!(
        by_year.contains("<span class=\"compare-value\">50%</span><span class=\"compare-change\"><span aria-hidden=\"true\">▲ </span>up 2 percentage points, <strong>better</strong></span>"),
        "{by_year}"
    );
    // A year before the page's oldest quarter's year is not a column.
    assert!(!by_year.contains("121"), "{by_year}");
    // A year's heading is not a link when no report ends with it.
    assert!(
        by_year
            .contains("<th scope=\"col\" class=\"num\"><span class=\"period\">2021-22</span></th>"),
        "{by_year}"
    );
    assert!(by_quarter.contains("or a figure for part of the quarter. Figures for whole financial years are in a table of their own"));
}

#[test]
fn the_page_opens_with_what_got_better_and_worse_in_the_latest_quarter() {
    let site = good_site();
    let page = main_of(&built(site.path(), "compare/index.html"));
    let summary =
        &page[page.find("What changed in Q1 2023-24").unwrap()..page.find("</section>").unwrap()];
    let better = &summary[summary.find("Better (2)").unwrap()..summary.find("Worse (1)").unwrap()];
    assert!(
        better.contains("<a href=\"../indicators/adoption_days/index.html\">Average days from entering care to moving in with an adoptive family</a>: 498 days in Q1 2023-24, a decrease of 62 days from 560 days in Q4 2022-23."),
        "{better}"
    );
    assert!(better.contains("eet_19_21"), "{better}");
    let worse = &summary[summary.find("Worse (1)").unwrap()..];
    assert!(
        worse.contains("Children looked after per 10,000 children</a>: 67.9 per 10,000 in June 2023, an increase of 3.6 per 10,000 from 64.3 per 10,000 in March 2023."),
        "{worse}"
    );
    // The summary comes before the tables.
    assert!(page.find("What changed in").unwrap() < page.find("<table").unwrap());
}

#[test]
fn the_page_shows_the_latest_eight_quarters_and_the_other_page_all() {
    let site = good_site();
    for (year, quarter) in [
        ("2021-22", 1),
        ("2021-22", 2),
        ("2021-22", 3),
        ("2021-22", 4),
        ("2022-23", 1),
        ("2022-23", 2),
        ("2022-23", 3),
    ] {
        std::fs::write(
            site.path()
                .join(format!("content/reports/{year}-q{quarter}.md")),
            format!(
                "---\ntitle: Report, Q{quarter} {year}\nperiod: {year} Q{quarter}\n---\nText.\n"
            ),
        )
        .unwrap();
    }
    let latest = built(site.path(), "compare/index.html");
    let labels = column_labels(&latest);
    assert_eq!(labels[0].len(), 8, "{labels:?}");
    assert_eq!(labels[0][0], "Q1 2023-24");
    assert_eq!(labels[0][7], "Q2 2021-22");
    assert!(latest.contains("This page shows the latest 8 of 9 quarters."));
    let all = std::fs::read_to_string(site.path().join("public/compare/all/index.html")).unwrap();
    let labels = column_labels(&all);
    assert_eq!(labels[0].len(), 9, "{labels:?}");
    assert_eq!(labels[0][8], "Q1 2021-22");
    assert!(all.contains("This page shows all 9 quarters."));
}

#[test]
fn an_indicator_page_lists_the_reports_that_use_it_newest_first() {
    let site = good_site();
    let page = built(site.path(), "indicators/cla_count/index.html");
    let list = &page[page.find("id=\"reports\"").unwrap()..];
    let list = &list[..list.find("</ul>").unwrap()];
    let titles: Vec<&str> = list
        .split("\">")
        .skip(1)
        .filter_map(|s| s.split_once("</a>").map(|(t, _)| t))
        .collect();
    assert_eq!(
        titles,
        [
            "Performance report, Q1 2023-24",
            "Performance report, Q4 2022-23"
        ]
    );
}

#[test]
fn a_quarters_heading_keeps_its_financial_year_on_one_line() {
    let site = good_site();
    let page = main_of(&built(site.path(), "compare/index.html"));
    assert!(
        page.contains(">Q1 <span class=\"period\">2023-24</span></a></th>"),
        "{page}"
    );
}

#[test]
fn the_tables_have_a_key_to_the_symbols_they_show() {
    let site = good_site();
    let page = main_of(&built(site.path(), "compare/index.html"));
    let key_at = page
        .find("<dl class=\"marker-key\" aria-label=\"Symbols in these tables\">")
        .expect("a key");
    assert!(
        key_at < page.find("<table").unwrap(),
        "the key is before the tables"
    );
    let key = &page[key_at..];
    let key = &key[..key.find("</dl>").unwrap()];
    // A quarter without a figure shows [x]; a provisional figure [p].
    assert!(page.contains(">[x]</abbr>"));
    assert!(key.contains("<dt>[x]</dt><dd>not available</dd>"), "{key}");
    assert!(page.contains(" [p]"));
    assert!(key.contains("<dt>[p]</dt>"), "{key}");
    // Only what the tables show.
    assert!(!page.contains("[c]"));
    assert!(!key.contains("[c]"), "{key}");
}
