//! Tables on a phone: a wide table scrolls sideways in its own region, and
//! what names it stays outside that region, where it wraps to the screen.

mod common;

use common::*;

/// Every scrolling region on a page: (the HTML before it, the region itself
/// up to the end of its table).
fn regions(page: &str) -> Vec<(&str, &str)> {
    let open = "<div class=\"table-wrap\" role=\"region\"";
    page.match_indices(open)
        .map(|(at, _)| {
            let end = at
                + page[at..]
                    .find("</table>")
                    .expect("the region's table closes");
            (&page[..at], &page[at..end])
        })
        .collect()
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&tag[start..start + tag[start..].find('"')?])
}

#[test]
fn a_tables_caption_is_above_its_scrolling_region_and_names_it_and_the_table() {
    let site = good_site();
    let out = site.path().join("public");
    let output = build(site.path(), &out, &[]);
    assert!(output.status.success(), "{}", text(&output).1);
    let mut named = Vec::new();
    for page in [
        "reports/2023-24-q1/index.html",
        "indicators/cla_rate/index.html",
        "compare/index.html",
    ] {
        let html = std::fs::read_to_string(out.join(page)).unwrap();
        for (before, region) in regions(&html) {
            let id = attribute(region, "aria-labelledby")
                .unwrap_or_else(|| panic!("{page}: a region named by its caption: {region}"));
            // Nothing in the region that scrolls is a caption.
            assert!(!region.contains("<caption"), "{page}: {region}");
            assert!(!region.contains("table-caption"), "{page}: {region}");
            // The caption is the paragraph just above the region (or above
            // the line that says the table scrolls, which describes it).
            let caption = format!("<p class=\"table-caption\" id=\"{id}\">");
            let at = before
                .rfind(&caption)
                .unwrap_or_else(|| panic!("{page}: no caption {id} above {region}"));
            let between = &before[at..];
            let after_caption = &between[between.find("</p>").unwrap() + "</p>".len()..];
            match attribute(region, "aria-describedby") {
                Some(hint) => assert!(
                    after_caption.starts_with(&format!("\n<p class=\"table-hint\" id=\"{hint}\">"))
                        && after_caption.matches("</p>").count() == 1,
                    "{page}: {between}"
                ),
                None => assert_eq!(after_caption, "\n", "{page}: {between}"),
            }
            // The table has the same name as its region.
            let table = &region[region.find("<table").unwrap()..];
            let table = &table[..table.find('>').unwrap()];
            assert_eq!(attribute(table, "aria-labelledby"), Some(id), "{page}");
            named.push(id.to_string());
        }
    }
    // A Markdown table, the table under a chart, a table(), an indicator's
    // latest figures and a comparison table were all among them.
    for kind in [
        "table-1-caption",
        "figure-1-caption",
        "latest-caption",
        "compare-caption-1",
    ] {
        assert!(named.iter().any(|id| id == kind), "{kind} in {named:?}");
    }
    assert!(named.len() >= 8, "{named:?}");
}

#[test]
fn a_comparison_table_says_how_many_columns_it_has_and_that_it_scrolls() {
    let site = good_site();
    let out = site.path().join("public");
    let output = build(site.path(), &out, &[]);
    assert!(output.status.success(), "{}", text(&output).1);
    let html = std::fs::read_to_string(out.join("compare/index.html")).unwrap();
    let quarters = html
        .split("<thead>")
        .nth(1)
        .map(|head| {
            head[..head.find("</thead>").unwrap()]
                .matches("<th scope=\"col\" class=\"num\">")
                .count()
        })
        .unwrap();
    assert!(quarters > 1, "{html}");
    assert!(
        html.contains(&format!(
            "<p class=\"table-hint\" id=\"compare-hint-1\">{quarters} quarters, newest first; scroll the table sideways for any that do not fit.</p>\n<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"compare-caption-1\" aria-describedby=\"compare-hint-1\" tabindex=\"0\">"
        )),
        "{html}"
    );
}
