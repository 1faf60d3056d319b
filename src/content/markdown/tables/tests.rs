//! Markdown tables: captions, header scopes, figures, period labels.

use super::super::to_html;
use super::{is_figure, uncaptioned};
use crate::content::tokens::{TOKEN_END, TOKEN_START};

fn html(markdown: &str) -> String {
    to_html(markdown, "", &[], &[]).html
}

const TABLE: &str = "| Age | Children |\n|---|---|\n| 16 | 1 |\n";

#[test]
fn a_table_line_before_or_after_the_table_becomes_its_caption_above_its_region() {
    for markdown in [
        format!("## Ages\n\nTable: Care leavers by *age*\n\n{TABLE}"),
        format!("## Ages\n\n{TABLE}\nTable: Care leavers by *age*\n"),
    ] {
        let html = html(&markdown);
        assert!(
            html.contains(
                "<p class=\"table-caption\" id=\"table-1-caption\">Care leavers by <em>age</em></p>\n<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"table-1-caption\" tabindex=\"0\">\n<table aria-labelledby=\"table-1-caption\">\n<thead>"
            ),
            "{html}"
        );
        // Outside the region that scrolls, so a phone wraps it rather than
        // cutting it off with a wide table.
        assert!(!html.contains("<caption"), "{html}");
        assert!(!html.contains("Table:"), "the line is gone: {html}");
        assert!(!html.contains("<p>"), "no paragraph left: {html}");
    }
}

#[test]
fn a_table_without_a_caption_line_has_no_caption() {
    let html = html(&format!("## Ages\n\nSome text.\n\n{TABLE}\nMore text.\n"));
    assert!(!html.contains("table-caption"), "{html}");
    assert!(html.contains("aria-label=\"Table: Ages\""), "{html}");
    assert!(
        html.contains("<p>Some text.</p>") && html.contains("<p>More text.</p>"),
        "{html}"
    );
}

#[test]
fn a_caption_between_two_tables_goes_to_the_one_after_it() {
    let html = html(&format!(
        "Table: First\n\n{TABLE}\nTable: Second\n\n{TABLE}\n{TABLE}\nTable: Third\n"
    ));
    let captions: Vec<&str> = html
        .split("<p class=\"table-caption\" id=\"")
        .skip(1)
        .map(|c| c.split("</p>").next().unwrap_or(""))
        .collect();
    assert_eq!(
        captions,
        [
            "table-1-caption\">First",
            "table-2-caption\">Second",
            "table-3-caption\">Third"
        ]
    );
    // A caption's id never takes a heading's.
    let html = html_with_heading();
    assert!(
        html.contains("<p class=\"table-caption\" id=\"table-1-caption-2\">"),
        "{html}"
    );
}

fn html_with_heading() -> String {
    html(&format!("## Table 1 caption\n\nTable: Ages\n\n{TABLE}"))
}

#[test]
fn header_cells_have_scopes_and_first_cells_head_their_rows() {
    let html =
        html("| | Boys | Girls |\n|---|---|---|\n| Under 1 | 4 | 5 |\n| 1 to 4 | 6 | [c] |\n");
    assert!(
        html.contains("<tr><td></td><th scope=\"col\" class=\"num\">Boys</th><th scope=\"col\" class=\"num\">Girls</th></tr>"),
        "{html}"
    );
    assert!(
        html.contains("<tr><th scope=\"row\">Under 1</th><td class=\"num\">4</td><td class=\"num\">5</td></tr>"),
        "{html}"
    );
    assert!(
        html.contains("<tr><th scope=\"row\">1 to 4</th><td class=\"num\">6</td><td class=\"num\">[c]</td></tr>"),
        "{html}"
    );
}

#[test]
fn figures_are_told_from_words() {
    for figure in [
        "1",
        "1,234",
        "-5",
        "−5",
        "+3",
        "64.3%",
        "0.07%",
        "+1.2 pp",
        "£1.2m",
        "[x]",
        "[low]",
        "308 [p]",
        "0% [low]",
        "12 (4%)",
        "1,234 [note 1]",
        "–",
        "..",
        "3\u{a0}[e]",
    ] {
        assert!(is_figure(figure), "{figure} is a figure");
    }
    for words in [
        "",
        "Aged 16",
        "16 to 17",
        "n/a",
        "1 in 5",
        "12 days",
        "Q1 2023-24",
        "1,23",
        "[X]",
    ] {
        assert!(!is_figure(words), "{words} is not a figure");
    }
}

#[test]
fn columns_of_figures_align_right_with_their_header() {
    let t = |n: usize| format!("{TOKEN_START}{n}{TOKEN_END}");
    let markdown = format!(
        "| Area | Count | Share | Note |\n|---|---|---|---|\n| North | 1,234 | {} | fine |\n| South | [x] | | 5 |\n",
        t(0)
    );
    let html = to_html(&markdown, "", &["64.3%".to_string()], &[]).html;
    assert!(
        html.contains("<th scope=\"col\">Area</th><th scope=\"col\" class=\"num\">Count</th><th scope=\"col\" class=\"num\">Share</th><th scope=\"col\">Note</th>"),
        "{html}"
    );
    assert!(
        html.contains("<th scope=\"row\">North</th><td class=\"num\">1,234</td><td class=\"num\">64.3%</td><td>fine</td>"),
        "{html}"
    );
    assert!(!html.contains("style="), "{html}");
}

#[test]
fn the_authors_alignment_wins_as_a_class() {
    let html = html("| A | B | C | D |\n|---|:-:|--:|:--|\n| x | 1 | y | 2 |\n");
    assert!(
        html.contains(
            "<td class=\"align-center\">1</td><td class=\"align-right\">y</td><td>2</td>"
        ),
        "{html}"
    );
    assert!(!html.contains("style="), "{html}");
}

#[test]
fn period_labels_in_headers_are_kept_on_one_line() {
    let t = |n: usize| format!("{TOKEN_START}{n}{TOKEN_END}");
    let markdown = format!(
        "| Measure | 2018-19 | Q4 2022-23 (January to March) | {} | {} |\n|---|---|---|---|---|\n| June 2023 | 1 | 2 | 3 | 4 |\n",
        t(0),
        t(1)
    );
    let texts = ["Q1 2023-24".to_string(), "Boys".to_string()];
    let html = to_html(&markdown, "", &texts, &[]).html;
    for cell in [
        "<span class=\"period\">2018-19</span></th>",
        "<span class=\"period\">Q4 2022-23</span> (January to March)</th>",
        "<span class=\"period\">Q1 2023-24</span></th>",
        "<th scope=\"col\" class=\"num\">Boys</th>",
        "<th scope=\"row\"><span class=\"period\">June 2023</span></th>",
    ] {
        assert!(html.contains(cell), "{cell} in {html}");
    }
}

#[test]
fn a_footnote_in_a_cell_is_numbered_with_the_rest_of_the_page() {
    let html = html(
        "Text.[^first]\n\nTable: Ages[^second]\n\n| Age | Children |\n|---|---|\n| 16[^third] | 1 |\n\n[^first]: One.\n[^second]: Two.\n[^third]: Three.\n",
    );
    assert!(html.contains("<p class=\"table-caption\" id=\"table-1-caption\">Ages<sup class=\"footnote-reference\"><a href=\"#second\">2</a></sup></p>"), "{html}");
    assert!(html.contains("<th scope=\"row\">16<sup class=\"footnote-reference\"><a href=\"#third\">3</a></sup></th>"), "{html}");
}

#[test]
fn tables_without_a_caption_are_found_where_they_start() {
    // Captioned before, captioned after, none; then two tables with one
    // caption between them, which is the second's.
    let markdown = format!(
        "Table: Before\n\n{TABLE}\n{TABLE}\nTable: After\n\nSome words.\n\n{TABLE}\n{TABLE}\nTable: Between\n\n{TABLE}"
    );
    let found = uncaptioned(&markdown);
    let starts: Vec<usize> = markdown.match_indices("| Age |").map(|(i, _)| i).collect();
    assert_eq!(starts.len(), 5);
    assert_eq!(found, vec![starts[2], starts[3]]);
    assert_eq!(uncaptioned("No table.\n"), Vec::<usize>::new());
}
