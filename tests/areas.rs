//! A figure that is not the council's always names its area: a single figure
//! shown alone, and a history chart of periods only comparators have figures
//! for, on every page of the example site and of a fixture built for it.

mod common;

use common::*;
use std::path::Path;

/// Every `<figure>` of every page in `out`, with the page's path.
fn figures(out: &Path) -> Vec<(String, String)> {
    read_tree(out)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .flat_map(|(path, bytes)| {
            let html = String::from_utf8(bytes).unwrap();
            html.split("<figure")
                .skip(1)
                .map(|f| f.split("</figure>").next().unwrap().to_string())
                .map(|f| (path.clone(), f))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The areas a figure's table heads its columns with (the first heading
/// names the rows: periods, categories or areas).
fn column_areas(figure: &str) -> Vec<String> {
    let Some(head) = figure
        .split("<thead>")
        .nth(1)
        .and_then(|t| t.split("</thead>").next())
    else {
        return Vec::new();
    };
    head.split("<th scope=\"col\"")
        .skip(2)
        .filter_map(|th| th.split_once('>').map(|(_, rest)| rest))
        .filter_map(|rest| rest.split("</th>").next())
        .map(|name| name.replace("&#39;", "'"))
        .collect()
}

/// Checks every figure of the site built into `out`; returns how many were
/// single figures or comparator-only charts.
fn assert_every_figure_names_its_area(out: &Path, own: &str) -> usize {
    let mut checked = 0;
    for (page, figure) in figures(out) {
        let areas = column_areas(&figure);
        let comparators_only = !areas.is_empty() && areas.iter().all(|a| a != own);
        if !comparators_only || areas.iter().any(|a| a.contains(&format!("{own} "))) {
            continue;
        }
        if let Some(single) = figure.split("<p class=\"single-figure\">").nth(1) {
            let single = single.split("</p>").next().unwrap();
            assert!(
                single.contains(&areas[0]),
                "{page}: a single figure of {} does not say so: {single}",
                areas[0]
            );
            checked += 1;
        } else if page.starts_with("indicators/") && figure.contains("figures for") {
            let caption = figure.split("</figcaption>").next().unwrap();
            for area in &areas {
                assert!(
                    caption.contains(area.as_str()),
                    "{page}: a history of {area}'s figures alone does not say whose: {caption}"
                );
            }
            checked += 1;
        }
    }
    checked
}

#[test]
fn every_figure_of_a_comparator_names_its_area() {
    let site = good_site();
    let root = site.path();
    let yaml = root.join("data/indicators.yaml");
    let mut text = std::fs::read_to_string(&yaml).unwrap();
    text.push_str("entries:\n  title: Children who came into care\n  unit: count\n  measure: flow\n  source: Local figures\n");
    std::fs::write(&yaml, text).unwrap();
    // The council's quarters, England's whole year only.
    std::fs::write(
        root.join("data/entries.csv"),
        "indicator,period,value,area\nentries,2023-24 Q1,48,\nentries,2022-23,31000,England\n",
    )
    .unwrap();
    let out = root.join("public");
    let output = build(root, &out, &[]);
    assert!(output.status.success(), "{output:?}");
    let page = std::fs::read_to_string(out.join("indicators/entries/index.html")).unwrap();
    assert!(
        page.contains(
            "<span class=\"single-area\">England:</span> <span class=\"single-value\">31,000</span>"
        ),
        "{page}"
    );
    assert!(
        assert_every_figure_names_its_area(&out, "Fixtureshire") >= 1,
        "the fixture's comparator-only figure was not found"
    );
}

#[test]
fn the_examples_figures_each_name_their_area() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let output = build(root, out.path(), &[]);
    assert!(output.status.success(), "{output:?}");
    assert_every_figure_names_its_area(out.path(), "Thurrock");
}
