//! Tests of Markdown to HTML: heading ids, the contents list, tables and
//! links from the site root.

use super::*;

fn to_html_plain(markdown: &str, root: &str) -> Html {
    to_html(markdown, root, &[], &[])
}

/// A chart's HTML stands in the Markdown as a one-line block and comes
/// back whole: as the block it is, ending the paragraph before it; with
/// links from the site root made relative; and as code inside code.
#[test]
fn charts_and_tables_come_back_in_place_of_their_marks() {
    let (open, close) = crate::content::tokens::BLOCK_MARK;
    let mark = |n: usize| format!("{open}{n}{close}\n");
    let blocks = vec![
        "<figure id=\"f\">\n<a href=\"/about/\">About</a>\n</figure>\n".to_string(),
        "<div class=\"table-wrap\">x</div>\n".to_string(),
    ];
    let markdown = format!("Before\n{}\nAfter\n\n```\n{}```\n", mark(0), mark(1));
    let html = to_html(&markdown, "../../", &[], &blocks).html;
    // Set aside and shown inside a sentence, a chart is still shown.
    let inline = format!("Text {open}0{close} more.\n");
    let shown = to_html(&inline, "", &[], &blocks[..1]).html;
    assert!(shown.starts_with("<p>Text <figure id=\"f\">"), "{shown}");
    assert!(shown.contains("</figure> more.</p>"), "{shown}");
    assert_eq!(
        html,
        "<p>Before</p>\n<figure id=\"f\">\n<a href=\"../../about/index.html\">About</a>\n</figure>\n<p>After</p>\n<pre><code>&lt;div class=\"table-wrap\"&gt;x&lt;/div&gt;\n</code></pre>\n"
    );
}

#[test]
fn placeholder_text_is_the_same_in_text_code_html_and_attributes() {
    let t = |n: usize| {
        format!(
            "{}{n}{}",
            crate::content::tokens::TOKEN_START,
            crate::content::tokens::TOKEN_END
        )
    };
    let markdown = format!(
        "## Rate {}\n\n{} children, `{}`, <abbr title=\"{}\">x</abbr>\n\n<div class=\"callout\">\nThe rate is {}.\n</div>\n",
        t(0),
        t(1),
        t(1),
        t(1),
        t(1)
    );
    let texts = vec!["Q1 2023-24".to_string(), "67.9 <b>".to_string()];
    let html = to_html(&markdown, "", &texts, &[]);
    assert_eq!(html.toc[0].text, "Rate Q1 2023-24");
    assert!(html.html.contains("<p>67.9 &lt;b&gt; children, <code>67.9 &lt;b&gt;</code>, <abbr title=\"67.9 &lt;b&gt;\">"), "{}", html.html);
    assert!(
        html.html.contains("The rate is 67.9 &lt;b&gt;."),
        "{}",
        html.html
    );
    assert!(
        !html.html.contains('\\'),
        "no stray backslashes: {}",
        html.html
    );
}

#[test]
fn an_allow_comment_is_not_published_but_other_comments_are() {
    let html = to_html_plain(
        "<!-- outturn: allow typed-figure -->\nAfter the age of 14. <!-- outturn: allow typed-figure -->\n\n<!-- a note -->\n",
        "",
    )
    .html;
    assert!(!html.contains("outturn"), "{html}");
    assert!(
        html.contains("After the age of 14.") && html.contains("<!-- a note -->"),
        "{html}"
    );
}

#[test]
fn headings_get_unique_ids_and_a_contents_list() {
    let html = to_html_plain(
        "## Adoption\n\ntext\n\n### Timeliness\n\n## Adoption\n\n## Main\n",
        "",
    );
    assert!(
        html.html.contains("<h2 id=\"adoption\">Adoption</h2>"),
        "{}",
        html.html
    );
    assert!(
        html.html.contains("<h2 id=\"adoption-2\">"),
        "{}",
        html.html
    );
    assert!(html.html.contains("<h2 id=\"main-2\">"), "{}", html.html);
    let figures = to_html_plain("## Figure 1\n\n## Figure 1 caption\n", "");
    assert!(
        figures.html.contains("id=\"section-figure-1\"")
            && figures.html.contains("id=\"section-figure-1-caption\"")
    );
    let levels: Vec<u8> = html.toc.iter().map(|t| t.level).collect();
    assert_eq!(levels, [2, 3, 2, 2]);
}

#[test]
fn a_body_with_h1_is_demoted_below_the_page_title() {
    let html = to_html_plain("# Top\n\n## Under\n", "");
    assert!(
        html.html.contains("<h2 id=\"top-2\">Top</h2>"),
        "{}",
        html.html
    );
    assert!(
        html.html.contains("<h3 id=\"under\">Under</h3>"),
        "{}",
        html.html
    );
}

#[test]
fn tables_scroll_in_a_labelled_region() {
    let html = to_html_plain("## Ages\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n", "");
    assert!(html.html.contains("<div class=\"table-wrap\" role=\"region\" aria-label=\"Table: Ages\" tabindex=\"0\">\n<table>"), "{}", html.html);
    assert!(html.html.contains("</table>\n</div>"), "{}", html.html);
}

#[test]
fn root_links_become_relative() {
    let html = to_html_plain(
        "[About](/about/) [Q1](/reports/2023-24-q1/#adoption) [ext](https://example.org/)",
        "../../",
    );
    assert!(
        html.html.contains("href=\"../../about/index.html\""),
        "{}",
        html.html
    );
    assert!(
        html.html
            .contains("href=\"../../reports/2023-24-q1/index.html#adoption\""),
        "{}",
        html.html
    );
    assert!(
        html.html.contains("href=\"https://example.org/\""),
        "{}",
        html.html
    );
}

#[test]
fn root_links_in_raw_html_become_relative_too() {
    let html = to_html_plain(
        "<p><a href=\"/about/\">About</a> <img src=\"/logo.png\" alt=\"\"> <a href=\"//cdn.example\">x</a></p>\n",
        "../../",
    );
    assert!(
        html.html.contains("<a href=\"../../about/index.html\">"),
        "{}",
        html.html
    );
    assert!(
        html.html.contains("src=\"../../logo.png\""),
        "{}",
        html.html
    );
    assert!(
        html.html.contains("href=\"//cdn.example\""),
        "{}",
        html.html
    );
}

#[test]
fn slugs_are_readable() {
    assert_eq!(
        slug("Children Looked After (CLA)"),
        "children-looked-after-cla"
    );
    assert_eq!(slug("Care leavers: 19–21"), "care-leavers-19-21");
    assert_eq!(slug("!!!"), "section");
}
