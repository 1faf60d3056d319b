//! Drawing charts: what a chart says and how it is drawn, and helpers the other chart tests share.

use super::*;

/// A series from figures, with no notes.
pub(crate) fn series(name: &str, values: &[Option<f64>]) -> ChartSeries {
    ChartSeries {
        name: name.into(),
        values: values.to_vec(),
        markers: vec![None; values.len()],
        comparator: false,
    }
}

/// The wide drawing alone, the first of the two `svg` gives.
pub(crate) fn wide(chart: &Chart) -> String {
    let both = svg(chart);
    both[..both.find("</svg>").unwrap() + "</svg>".len()].to_owned()
}

/// The site's stylesheet, which holds the rules every chart's SVG follows.
pub(crate) fn stylesheet() -> &'static str {
    include_str!("../templates/theme/static/style.css")
}

/// A comparator's series from figures, with no notes.
pub(crate) fn comparator(name: &str, values: &[Option<f64>]) -> ChartSeries {
    ChartSeries {
        comparator: true,
        ..series(name, values)
    }
}

/// `chart` with its categories as consecutive months from January 2023,
/// their spans set, as a report's chart over time is.
pub(crate) fn over_months(chart: Chart) -> Chart {
    let n = chart.categories.len() as i32;
    at_months(chart, 0..n)
}

/// `chart` with its categories as the months `months` after January 2023,
/// one each, their spans set.
pub(crate) fn at_months(mut chart: Chart, months: impl IntoIterator<Item = i32>) -> Chart {
    chart.spans = Some(
        months
            .into_iter()
            .map(|m| Span {
                start: 24276 + m,
                end: 24277 + m,
            })
            .collect(),
    );
    chart
}

/// A chart of `kind` over `categories`.
pub(crate) fn chart(kind: Kind, categories: &[&str], series: Vec<ChartSeries>) -> Chart {
    Chart {
        id: "chart-1".into(),
        kind,
        title: "Children looked after".into(),
        subject: "Children looked after".into(),
        unit: Unit::Count,
        decimals: 0,
        categories: categories.iter().map(|c| (*c).into()).collect(),
        series,
        spans: None,
        polarity: Polarity::Neutral,
        own_category: None,
        language: crate::i18n::Language::English,
    }
}

fn every_kind() -> Vec<Chart> {
    let two = || {
        vec![
            series("Thurrock", &[Some(294.0), None, Some(308.0)]),
            series("England", &[Some(280.0), Some(290.0), None]),
        ]
    };
    [Kind::Line, Kind::Bar, Kind::Stacked]
        .into_iter()
        .map(|kind| chart(kind, &["2021-22", "2022-23", "2023-24"], two()))
        .collect()
}

/// The values of every `id="…"` in `svg`.
fn ids(svg: &str) -> Vec<&str> {
    svg.split(" id=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect()
}

#[test]
fn every_id_is_prefixed_with_the_chart_id() {
    for chart in every_kind() {
        let svg = svg(&chart);
        let ids = ids(&svg);
        assert!(ids.contains(&"chart-1-title") && ids.contains(&"chart-1-desc"));
        for id in ids {
            assert!(id.starts_with("chart-1-"), "{id} in {:?}", chart.kind);
        }
        for reference in svg.split("url(#").skip(1) {
            assert!(reference.starts_with("chart-1-"), "{reference}");
        }
    }
}

#[test]
fn starts_with_accessible_name_and_description() {
    for chart in every_kind() {
        let svg = svg(&chart);
        assert!(svg.starts_with("<svg "), "{svg}");
        assert!(svg.ends_with("</svg>"));
        let head = &svg[..svg.find('>').unwrap()];
        assert!(head.contains(" role=\"img\""));
        assert!(
            head.contains(" aria-labelledby=\"chart-1-title\" aria-describedby=\"chart-1-desc\"")
        );
        assert!(head.contains(" class=\"chart chart-wide\""));
        let children = &svg[svg.find('>').unwrap() + 2..];
        assert!(children.starts_with(
            "<title id=\"chart-1-title\">Children looked after</title>\n<desc id=\"chart-1-desc\">"
        ));
        assert!(!svg.contains("<?xml") && !svg.contains("DOCTYPE"));
    }
}

#[test]
fn escapes_text_from_the_data() {
    for mut chart in every_kind() {
        chart.title = "A & B".into();
        chart.series[0].name = "<script>alert(1)</script>".into();
        chart.categories[0] = "\"Q1\"".into();
        chart.series[1].markers[2] = Some("<c>".into());
        let svg = svg(&chart);
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;"), "{:?}: {svg}", chart.kind);
        assert!(svg.contains("<title id=\"chart-1-title\">A &amp; B</title>"));
        assert!(svg.contains("&quot;Q1&quot;"), "{:?}: {svg}", chart.kind);
        assert!(!svg.contains("<c>"));
    }
}

#[test]
fn output_is_deterministic() {
    for chart in every_kind() {
        assert_eq!(svg(&chart), svg(&chart.clone()));
    }
}

#[test]
fn numbers_carry_no_float_noise() {
    let mut chart = chart(
        Kind::Line,
        &["2021-22", "2022-23", "2023-24"],
        vec![series(
            "Rate",
            &[Some(0.1), Some(0.2), Some(0.30000000000000004)],
        )],
    );
    chart.decimals = 1;
    for kind in [Kind::Line, Kind::Bar, Kind::Stacked] {
        chart.kind = kind;
        let svg = svg(&chart);
        assert!(!svg.contains("0000"), "{svg}");
    }
}

#[test]
fn draws_charts_with_nothing_to_draw() {
    for kind in [Kind::Line, Kind::Bar, Kind::Stacked] {
        let empty = chart(kind, &[], vec![]);
        assert!(svg(&empty).ends_with("</svg>"));
        let blank = chart(kind, &["2022-23"], vec![series("Thurrock", &[None])]);
        assert!(svg(&blank).ends_with("</svg>"));
        let said = description(&blank);
        assert!(said.contains("no figures."), "{said}");
    }
}

#[test]
fn short_notes_and_values_are_read_safely() {
    let s = ChartSeries {
        name: "x".into(),
        values: vec![Some(1.0), Some(f64::NAN)],
        markers: vec![Some(String::new())],
        comparator: false,
    };
    assert_eq!(s.value(0), Some(1.0));
    assert_eq!(s.value(1), None);
    assert_eq!(s.value(9), None);
    assert_eq!(s.marker(0), None);
    assert_eq!(s.marker(1), None);
}

#[test]
fn the_stylesheet_holds_every_charts_rules_and_no_chart_repeats_them() {
    let css = stylesheet();
    // Font and text colour, once for every chart, as the drawing measures them.
    let root = &css[css.find("\nsvg.chart {\n").expect("a rule for svg.chart")..];
    let root = &root[..root.find('}').unwrap()];
    assert!(
        root.contains(&format!("font-size: {}px;", layout::FONT)),
        "{root}"
    );
    assert!(root.contains(&format!("fill: {};", paint::TEXT)), "{root}");
    assert!(
        root.contains("font-family: system-ui, sans-serif;"),
        "{root}"
    );
    // Forced colours: text and marks in the system's colours.
    let forced = &css[css.rfind("@media (forced-colors: active) {").unwrap()..];
    for rule in [
        "svg.chart text {\n    fill: CanvasText;",
        "svg.chart .grid * {\n    stroke: GrayText;",
        "svg.chart .axis * {\n    stroke: CanvasText;",
        "svg.chart .marks polygon {\n    fill: CanvasText;",
        "svg.chart .marks polyline {\n    stroke: CanvasText;",
        "svg.chart .pill {\n    fill: Canvas;",
    ] {
        assert!(forced.contains(rule), "{rule}");
    }
    for chart in every_kind() {
        let both = svg(&chart);
        assert!(!both.contains("<style"), "{both}");
        assert!(!both.contains(" font-family=") && !both.contains(" xmlns="));
        assert_eq!(both.matches("<svg ").count(), 2);
        assert_eq!(both.matches("<desc").count(), 1, "{both}");
        assert_eq!(both.matches("<title").count(), 2);
    }
}

#[test]
fn shapes_carry_no_attribute_svg_assumes() {
    for chart in every_kind() {
        let both = svg(&chart);
        for default in [" opacity=\"1\"", " stroke=\"none\"", " stroke-width=\"1\""] {
            assert!(!both.contains(default), "{default} in {both}");
        }
        // What differs from the defaults stays.
        assert!(both.contains(" fill=\"#0072B2\""), "{both}");
    }
    let line = wide(&chart(
        Kind::Line,
        &["2022-23", "2023-24"],
        vec![series("Thurrock", &[Some(1.0), Some(2.0)])],
    ));
    assert!(line.contains(" stroke-width=\"3\" points="), "{line}");
    // Gridlines take their colour from their group, once.
    assert!(
        line.contains("<g class=\"grid\" stroke=\"#D8DADB\">\n<line x1="),
        "{line}"
    );
    assert_eq!(line.matches("#D8DADB").count(), 1, "{line}");
}

#[test]
fn default_attributes_go_in_one_pass_and_nothing_else_does() {
    assert_eq!(
        paint::without_defaults(
            "<rect x=\"1\" opacity=\"1\" fill=\"#fff\" stroke=\"none\"/>\n\
             <line opacity=\"0.5\" stroke=\"#000\" stroke-width=\"10\" stroke-width=\"1\"/>\n"
        ),
        "<rect x=\"1\" fill=\"#fff\"/>\n<line opacity=\"0.5\" stroke=\"#000\" stroke-width=\"10\"/>\n"
    );
}
