use super::*;
use crate::templates::views::{KeyFigureView, UpdateView};

/// Text a typst document would read as code, were it spliced into markup.
const HOSTILE: &str =
    r#"#set page(fill: red) $x^2$ @fig-1 <label> *bold* _em_ ] [ \ // #import "a.typ""#;

fn site() -> SiteView<'static> {
    SiteView {
        title: "Performance #{panic()}",
        publisher: "Council $1",
        area: "Area",
        language: "en-GB",
        brand_colour: None,
        logo_alt: "",
    }
}

fn report<'a>(body: &str, key_figures: &'a [KeyFigureView]) -> ReportView<'a> {
    ReportView {
        title: HOSTILE,
        period_label: "Q1 2023-24 (April to June 2023)".into(),
        period_short: "Q1 2023-24".into(),
        summary: "A summary with #emph[markup] in it.",
        committee: "Committee <x>",
        meeting: "5 September 2023".into(),
        meeting_iso: "2023-09-05".into(),
        published: String::new(),
        published_iso: String::new(),
        body: body.into(),
        toc: Vec::new(),
        previous: None,
        next: None,
        markers: Vec::new(),
        key_figures,
        draft: false,
        updates: vec![UpdateView {
            date: "7 December 2026".into(),
            date_iso: "2026-12-07".into(),
            text: "Revised to $5 #x".into(),
        }],
        pdf: None,
    }
}

fn text_of(pdf: &Pdf) -> String {
    let doc = lopdf::Document::load_mem(&pdf.bytes).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_reports_text_is_printed_never_run_as_typst() {
    let key_figures = [KeyFigureView {
        id: "x".into(),
        title: "Key #figure".into(),
        value: "$308".into(),
        period: "June 2023".into(),
        change: "@up".into(),
        direction: "up",
        assessment: "better",
    }];
    let body = format!(
        "<h2 id=\"a\">Heading {escaped}</h2>\n<p>{escaped}</p>\n\
         <table><thead><tr><th>#a</th><th class=\"num\">$b</th></tr></thead>\
         <tbody><tr><th scope=\"row\">*c*</th><td class=\"num\">@d</td></tr></tbody></table>",
        escaped = crate::escape::escape(HOSTILE)
    );
    let pdf = write(&site(), &report(&body, &key_figures), Extras { url: None }).unwrap();
    let text = text_of(&pdf);
    for shown in [
        "#set page(fill: red) $x^2$ @fig-1 <label> *bold* _em_ ]",
        "#emph[markup]",
        "Committee <x>",
        "Council $1",
        "Key #figure",
        "$308",
        "Revised to $5 #x",
        "@d",
    ] {
        assert!(text.contains(shown), "{shown} not in\n{text}");
    }
}

#[test]
fn a_chart_typst_cannot_draw_is_an_error_not_a_panic() {
    let body = "<figure class=\"chart-figure\"><figcaption><span class=\"chart-title\">T</span>\
                </figcaption><svg class=\"chart\" viewBox=\"0 0 600 300\"><title>T</title>\
                <desc>D</desc><g><rect width=\"5\" height=\"5\"/></svg></figure>";
    let Err(error) = write(&site(), &report(body, &[]), Extras { url: None }) else {
        panic!("an SVG with an element left open was drawn");
    };
    assert!(error.to_lowercase().contains("svg"), "{error}");
    // The next report is made as if nothing had happened.
    assert!(write(&site(), &report("<p>Fine.</p>", &[]), Extras { url: None }).is_ok());
}

#[test]
fn a_language_without_a_region_is_the_documents_language() {
    let site = SiteView {
        language: "cy",
        ..site()
    };
    let pdf = write(&site, &report("<p>Croeso.</p>", &[]), Extras { url: None }).unwrap();
    let doc = lopdf::Document::load_mem(&pdf.bytes).unwrap();
    let lang = doc
        .catalog()
        .unwrap()
        .get(b"Lang")
        .unwrap()
        .as_str()
        .unwrap();
    assert_eq!(lang, b"cy");
}

#[test]
fn languages_split_for_typst() {
    assert_eq!(report_language("en-GB"), ("en".into(), "gb".into()));
    assert_eq!(report_language("cy"), ("cy".into(), String::new()));
}

#[test]
fn a_welsh_documents_own_words_are_welsh() {
    let words = Words::of(Language::Welsh, &report("", &[]));
    assert_eq!(words.period, "Cyfnod");
    assert_eq!(words.status_published, "Wedi'i gyhoeddi");
    assert_eq!(words.key_figures_caption, "Ffigurau allweddol, Q1 2023-24");
    assert_eq!(words.page_of, "Tudalen {page} o {pages}");
    assert_eq!(words.figure_continued, "Ffigur {number}, parhad");
    assert_eq!(words.appendix_caption, "Ffigur {number}: {caption}");
    assert_eq!(words.better, "Gwell na'r cyfnod blaenorol.");
    // English words are what the template said before it read them.
    let english = Words::of(Language::English, &report("", &[]));
    assert_eq!(english.page_of, "Page {page} of {pages}");
    assert_eq!(english.better, "Better than the period before.");
}

#[test]
fn a_welsh_site_gets_a_pdf_in_welsh() {
    let site = SiteView {
        language: "cy",
        ..site()
    };
    let key_figures = [KeyFigureView {
        id: "x".into(),
        title: "Plant".into(),
        value: "308".into(),
        period: "Mehefin 2023".into(),
        change: "i fyny 5".into(),
        direction: "up",
        assessment: "better",
    }];
    let body = "<figure class=\"chart-figure\"><figcaption><span class=\"chart-title\">T</span>\
                </figcaption><svg class=\"chart\" viewBox=\"0 0 600 300\"><title>T</title>\
                <desc>D</desc><text x=\"0\" y=\"20\">A</text></svg><details><p class=\"table-caption\">\
                Cap</p><table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody>\
                </table></details></figure>";
    let pdf = write(&site, &report(body, &key_figures), Extras { url: None }).unwrap();
    let text = text_of(&pdf);
    for shown in [
        "Cyfnod",
        "Pwyllgor",
        "Statws : Wedi'i gyhoeddi",
        "Ffigurau allweddol",
        "Gwell na'r cyfnod blaenorol.",
        "Diweddariadau i'r adroddiad hwn",
        "Tudalen 1 o ",
        "Ffigur 1. T.",
        "Y ffigurau yn y siartiau",
        "Ffigur 1: Cap",
    ] {
        assert!(text.contains(shown), "{shown} not in\n{text}");
    }
    for english in ["Period", "Page 1", "Figure", "Key figures", "Published"] {
        assert!(!text.contains(english), "{english} in\n{text}");
    }
}

/// The table read from `html`, as printed.
fn read_table(html: &str) -> Table {
    let (blocks, _) = body::read(html);
    let Some(Block::Table { table }) = blocks.into_iter().next() else {
        panic!("no table read from {html}");
    };
    table
}

/// The text of each cell of a table read from `html`, row by row, head first.
fn printed_table(html: &str) -> Vec<Vec<String>> {
    let table = read_table(html);
    let text = |cell: &body::Cell| cell.text.iter().map(|s| s.text.as_str()).collect();
    (table.head.iter().chain(&table.rows))
        .map(|row| row.iter().map(text).collect())
        .collect()
}

/// A table of `rows` periods by `columns` of figures headed `heading 0`,
/// `heading 1`…, as `table()` writes it.
fn grid_html(rows: usize, columns: usize, heading: &str) -> String {
    let mut html = String::from("<table><thead><tr><th>Period</th>");
    for c in 0..columns {
        html.push_str(&format!("<th class=\"num\">{heading} {c}</th>"));
    }
    html.push_str("</tr></thead><tbody>");
    for r in 0..rows {
        html.push_str(&format!("<tr><th scope=\"row\">Q{r}</th>"));
        for c in 0..columns {
            html.push_str(&format!("<td class=\"num\">{}</td>", 100 * r + c));
        }
        html.push_str("</tr>");
    }
    html + "</tbody></table>"
}

#[test]
fn a_table_too_wide_for_the_page_is_printed_turned() {
    // Five quarters of twelve placements: "Placement" twelve times over
    // runs past the page's width.
    let printed = printed_table(&grid_html(5, 12, "Placement"));
    assert_eq!(printed.len(), 13, "{printed:?}");
    assert_eq!(printed[0], ["", "Q0", "Q1", "Q2", "Q3", "Q4"]);
    // Each placement is a row, its figures each quarter's.
    for (c, row) in printed[1..].iter().enumerate() {
        assert_eq!(row[0], format!("Placement {c}"));
        let figures: Vec<String> = (0..5).map(|r| (100 * r + c).to_string()).collect();
        assert_eq!(row[1..], figures[..], "{row:?}");
    }
}

#[test]
fn a_turned_tables_headings_are_marked_and_its_corner_is_not_one() {
    let table = read_table(&grid_html(5, 12, "Placement"));
    let [head] = &table.head[..] else {
        panic!("{table:?}")
    };
    // The corner heads nothing; each quarter heads a column of figures.
    assert!(!head[0].header && head[0].text.is_empty(), "{head:?}");
    assert!(head[1..].iter().all(|c| c.header && c.number), "{head:?}");
    for row in &table.rows {
        assert!(row[0].header && !row[0].number, "{row:?}");
        assert!(row[1..].iter().all(|c| !c.header && c.number), "{row:?}");
    }
}

#[test]
fn only_a_plain_grid_is_turned() {
    let wide = grid_html(5, 12, "Placement");
    let cases = [
        // A row a cell short.
        wide.replacen("<td class=\"num\">0</td>", "", 1),
        // A heading inside a row.
        wide.replacen("<td class=\"num\">0</td>", "<th>0</th>", 1),
        // Two rows of headings.
        wide.replacen("<tbody>", "<tbody><tr><th>A</th></tr>", 1)
            .replacen("</thead>", "<tr><th>B</th></tr></thead>", 1),
        // Headings alone.
        wide[..wide.find("<tbody>").unwrap()].to_string() + "</table>",
    ];
    for html in cases {
        let printed = printed_table(&html);
        assert_eq!(printed[0][0], "Period", "{html}\n{printed:?}");
    }
}

#[test]
fn a_table_that_fits_or_would_not_fit_turned_is_printed_as_written() {
    // Twelve short headings fit; twenty long ones fit neither way round.
    for (rows, columns, heading) in [(3, 12, "M"), (20, 12, "Placement")] {
        let printed = printed_table(&grid_html(rows, columns, heading));
        assert_eq!(printed.len(), rows + 1, "{printed:?}");
        assert_eq!(printed[0][0], "Period");
        assert_eq!(printed[1][0], "Q0");
    }
}
