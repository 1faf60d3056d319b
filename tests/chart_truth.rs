//! A chart is true to its figures, end to end: for a breakdown published in
//! percentages and for one of counts, the chart, its table, its description
//! and its CSV download show the same numbers.

mod common;

use common::*;
use std::path::Path;

const INDICATORS: &str = "
by_ethnicity:
  title: Children looked after by ethnicity
  unit: percent
  theme: Children looked after
by_need:
  title: Children looked after by need
  unit: count
  theme: Children looked after
";

// Published percentages that total 103 and 99, as rounded figures do; and
// counts whose shares are computed.
const FIGURES: &str = "\
by_ethnicity,2022-23 Q4,70,,White,
by_ethnicity,2022-23 Q4,15,,Black or Black British,
by_ethnicity,2022-23 Q4,18,,Other,
by_ethnicity,2023-24 Q1,64,,White,
by_ethnicity,2023-24 Q1,16,,Black or Black British,
by_ethnicity,2023-24 Q1,19,,Other,
by_need,2022-23 Q4,150,,Abuse or neglect,
by_need,2022-23 Q4,50,,Other needs,
by_need,2023-24 Q1,180,,Abuse or neglect,
by_need,2023-24 Q1,101,,Other needs,
";

/// Builds the good site with the two breakdowns charted in its Q1 report,
/// and returns the report page and its folder.
fn built(root: &Path) -> (String, std::path::PathBuf) {
    let append = |file: &str, text: &str| {
        let path = root.join(file);
        let mut all = std::fs::read_to_string(&path).unwrap();
        all.push_str(text);
        std::fs::write(path, all).unwrap();
    };
    append("data/indicators.yaml", INDICATORS);
    append("data/long.csv", FIGURES);
    append(
        "content/reports/first-quarter.md",
        "\n{{ chart(\"by_ethnicity\", from=\"2022-23 Q4\", kind=\"stacked\") }}\n\n\
         {{ chart(\"by_need\", from=\"2022-23 Q4\", kind=\"stacked\") }}\n",
    );
    let out = root.join("public");
    let output = build(root, &out, &[]);
    assert!(output.status.success(), "{:?}", text(&output));
    let folder = out.join("reports/2023-24-q1");
    (
        std::fs::read_to_string(folder.join("index.html")).unwrap(),
        folder,
    )
}

/// The figure whose title is `title`: its id and markup.
fn figure<'a>(page: &'a str, title: &str) -> (String, &'a str) {
    let at = page
        .find(&format!("<span class=\"chart-title\">{title}</span>"))
        .unwrap_or_else(|| panic!("no figure {title}"));
    let start = page[..at].rfind("<figure").unwrap();
    let end = start + page[start..].find("</figure>").unwrap();
    let html = &page[start..end];
    let id = html.split("id=\"").nth(1).unwrap();
    (id[..id.find('"').unwrap()].to_string(), html)
}

/// What a screen reader hears of a chart: its figure's name opens with the
/// message, then the drawing's description goes on from it.
fn heard(figure: &str) -> String {
    let message = texts(figure, "<span class=\"chart-message\"", "</span>")
        .first()
        .copied()
        .unwrap_or_default();
    format!("{message} {}", texts(figure, "<desc", "</desc>")[0])
}

/// Texts between `open…>` and `close` in `html`.
fn texts<'a>(html: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    html.split(open)
        .skip(1)
        .map(|rest| {
            let rest = &rest[rest.find('>').unwrap() + 1..];
            &rest[..rest.find(close).unwrap()]
        })
        .collect()
}

/// The figures written on the chart's segments (on white pills).
fn drawn(svg: &str) -> Vec<String> {
    svg.split("class=\"pill\"")
        .skip(1)
        .map(|rest| texts(rest, "<text", "</text>")[0].to_string())
        .collect()
}

/// The table's figures, row by row.
fn table(html: &str) -> Vec<Vec<String>> {
    let body = &html[html.find("<tbody").unwrap()..];
    texts(body, "<tr", "</tr>")
        .iter()
        .map(|row| {
            texts(row, "<td", "</td>")
                .iter()
                .map(|cell| cell.split('<').next().unwrap().trim().to_string())
                .collect()
        })
        .collect()
}

/// The CSV's values, in file order.
fn csv_values(path: &Path) -> Vec<String> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let value = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "value")
        .unwrap();
    reader
        .records()
        .map(|r| r.unwrap()[value].to_string())
        .collect()
}

fn number(text: &str) -> f64 {
    text.trim_end_matches('%').replace(',', "").parse().unwrap()
}

fn sorted(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(f64::total_cmp);
    v
}

#[test]
fn a_percentage_breakdown_is_drawn_tabled_described_and_downloaded_as_published() {
    let site = good_site();
    let (page, folder) = built(site.path());
    let (id, html) = figure(&page, "Children looked after by ethnicity");
    let svg = &html[html.find("<svg").unwrap()..html.find("</svg>").unwrap()];
    let desc = heard(html);

    let table: Vec<f64> = table(html).iter().flatten().map(|c| number(c)).collect();
    assert_eq!(
        sorted(table.clone()),
        sorted(vec![70., 15., 18., 64., 16., 19.])
    );
    let csv: Vec<f64> = csv_values(&folder.join(format!("{id}.csv")))
        .iter()
        .map(|v| number(v))
        .collect();
    assert_eq!(
        sorted(csv),
        sorted(table.clone()),
        "the CSV holds the table's figures"
    );
    let on_chart: Vec<f64> = drawn(svg).iter().map(|t| number(t)).collect();
    assert!(on_chart.contains(&64.0), "64% drawn as 64%: {svg}");
    for figure in &on_chart {
        assert!(
            table.contains(figure),
            "{figure} on the chart, not in the table"
        );
    }
    assert!(!svg.contains(">65%</text>"), "rescaled: {svg}");
    // The description gives the published figures and their totals.
    assert!(desc.contains("Percentages as published"), "{desc}");
    assert!(desc.contains("Bars total 99% to 103%"), "{desc}");
    assert!(desc.contains("White was 70% in Q4 2022-23."), "{desc}");
    assert!(desc.contains("White (64%)"), "{desc}");
    assert!(
        svg.contains(">Bars total 99% to 103%, as published.</text>"),
        "{svg}"
    );
}

#[test]
fn a_count_breakdown_says_its_shares_are_computed_from_the_counts() {
    let site = good_site();
    let (page, folder) = built(site.path());
    let (id, html) = figure(&page, "Children looked after by need");
    let svg = &html[html.find("<svg").unwrap()..html.find("</svg>").unwrap()];
    let desc = heard(html);

    let rows = table(html);
    let table: Vec<f64> = rows.iter().flatten().map(|c| number(c)).collect();
    assert_eq!(sorted(table.clone()), sorted(vec![150., 50., 180., 101.]));
    let csv: Vec<f64> = csv_values(&folder.join(format!("{id}.csv")))
        .iter()
        .map(|v| number(v))
        .collect();
    assert_eq!(sorted(csv), sorted(table.clone()));
    // The chart's shares are the table's counts over each period's total.
    let mut shares = Vec::new();
    for row in &rows {
        let counts: Vec<f64> = row.iter().map(|c| number(c)).collect();
        let total: f64 = counts.iter().sum();
        shares.extend(counts.iter().map(|c| (c / total * 100.0).round()));
    }
    let on_chart: Vec<f64> = drawn(svg).iter().map(|t| number(t)).collect();
    assert!(!on_chart.is_empty(), "{svg}");
    for share in &on_chart {
        assert!(
            shares.contains(share),
            "{share}% is no share of the table's counts"
        );
    }
    assert!(svg.contains(">Shares computed from the counts in the table.</text>"));
    // The description names the counts, as the table gives them, and their share.
    assert!(desc.contains("Shares, computed from the counts"), "{desc}");
    assert!(
        desc.contains("Abuse or neglect (180, 64% of the total)"),
        "{desc}"
    );
    assert!(
        desc.contains("Abuse or neglect was 150 (75% of the total) in Q4 2022-23."),
        "{desc}"
    );
}

#[test]
fn a_report_draws_time_to_scale() {
    let site = good_site();
    let root = site.path();
    let csv = root.join("data/long.csv");
    let mut all = std::fs::read_to_string(&csv).unwrap();
    all.push_str("cla_count,2022-04,281,,,\n");
    std::fs::write(&csv, all).unwrap();
    let report = root.join("content/reports/first-quarter.md");
    let mut markdown = std::fs::read_to_string(&report).unwrap();
    markdown
        .push_str("\n{{ chart(\"cla_count\", from=\"2022-04\", title=\"From April 2022\") }}\n");
    std::fs::write(&report, markdown).unwrap();
    let out = root.join("public");
    let output = build(root, &out, &[]);
    assert!(output.status.success(), "{:?}", text(&output));
    let page = std::fs::read_to_string(out.join("reports/2023-24-q1/index.html")).unwrap();
    let (_, html) = figure(&page, "From April 2022");
    let desc = heard(html);
    assert!(
        desc.contains("No periods shown between April 2022 and March 2023."),
        "{desc}"
    );
    // The ticks under the points: April 2022, then March to June 2023.
    let axis = &html[html.find("<g class=\"axis\"").unwrap()..];
    let axis = &axis[..axis.find("</g>").unwrap()];
    let x: Vec<i32> = axis
        .split(" x1=\"")
        .skip(1)
        .filter_map(|l| {
            let x1: i32 = l[..l.find('"')?].parse().ok()?;
            l.contains(&format!("x2=\"{x1}\"")).then_some(x1)
        })
        .collect();
    assert_eq!(x.len(), 5, "{axis}");
    let month = f64::from(x[4] - x[1]) / 3.0;
    let eleven = f64::from(x[1] - x[0]) / month;
    assert!((eleven - 11.0).abs() < 0.2, "{x:?}");
}

/// Ties round half away from zero, from the figures as written, and every
/// place a figure is shown agrees: the report's words, a chart's table, its
/// description and the figures drawn on it; the CSV download gives the
/// figures as written. (62.5% was shown as 62%, 68.25 as 68.2: half to even,
/// and from the binary float.)
#[test]
fn ties_round_away_from_zero_in_words_tables_charts_and_downloads_alike() {
    let site = good_site();
    let root = site.path();
    let append = |file: &str, text: &str| {
        let path = root.join(file);
        let mut all = std::fs::read_to_string(&path).unwrap();
        all.push_str(text);
        std::fs::write(path, all).unwrap();
    };
    append(
        "data/indicators.yaml",
        "tie_pct:\n  title: Ties in percent\n  unit: percent\ntie_rate:\n  title: Ties per 10,000\n  unit: rate_per_10k\n  decimals: 1\n",
    );
    append(
        "data/long.csv",
        "tie_pct,2022-23 Q4,61.5,,,\ntie_pct,2023-24 Q1,62.5,,,\ntie_rate,2022-23 Q4,68.15,,,\ntie_rate,2023-24 Q1,68.25,,,\n",
    );
    append(
        "content/reports/first-quarter.md",
        "\nTies: {{ value(\"tie_pct\") }} and {{ value(\"tie_rate\") }}, {{ change(\"tie_pct\", vs=\"previous\") }}.\n\n\
         {{ chart(\"tie_pct\", from=\"2022-23 Q4\", kind=\"bar\", title=\"Percent ties\") }}\n\n\
         {{ chart(\"tie_rate\", from=\"2022-23 Q4\", kind=\"bar\", title=\"Rate ties\") }}\n",
    );
    let out = root.join("public");
    let output = build(root, &out, &[]);
    assert!(output.status.success(), "{:?}", text(&output));
    let folder = out.join("reports/2023-24-q1");
    let page = std::fs::read_to_string(folder.join("index.html")).unwrap();
    assert!(
        page.contains("Ties: 63% and 68.3 per 10,000, an increase of 1 percentage point from 62% in Q4 2022-23."),
        "{page}"
    );
    for (title, shown, written) in [
        ("Percent ties", ["62%", "63%"], ["61.5", "62.5"]),
        (
            "Rate ties",
            ["68.2 per 10,000", "68.3 per 10,000"],
            ["68.15", "68.25"],
        ),
    ] {
        let (id, html) = figure(&page, title);
        let svg = &html[html.find("<svg").unwrap()..html.find("</svg>").unwrap()];
        let desc = heard(html);
        let cells: Vec<String> = table(html).into_iter().flatten().collect();
        assert_eq!(cells, shown, "{title}");
        let latest = shown[1].split(' ').next().unwrap();
        assert!(desc.contains(shown[1]), "{title}: {desc}");
        assert!(svg.contains(&format!(">{latest}</text>")), "{title}: {svg}");
        assert_eq!(
            csv_values(&folder.join(format!("{id}.csv"))),
            written,
            "{title}"
        );
    }
}
