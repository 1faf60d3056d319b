//! Tests of charts' and tables' markup: notes, keys, symbols, captions,
//! single figures, and the built-in partials against their templates.

use super::super::placeholders::{Evaluated, Placeholders};
use crate::i18n::Language;
use crate::period::Period;
use crate::testutil;
use std::path::Path;
use std::sync::Arc;

const YAML: &str =
    "a:\n  title: Pupils <16> & 'carers'\n  unit: count\nb:\n  title: Rate\n  unit: percent\n";
/// Notes (one on two figures, one needing escaping) and comments.
const CSV: &str = "indicator,period,area,value,note,comment\na,2023-04,,5,Three-year average,\na,2023-05,,[c],\"Fewer than 5 <children> & 'carers'\",OCR reads 3\na,2023-06,,7 [p],Three-year average,\na,2023-06,england,9,Provisional,\nb,2023-06,,55,,A remark for the team\nb,2023-05,,[x],,\n";

/// The built-in partials, with a theme's own `name` in place of one.
fn partials_with(name: &str, text: &str) -> Vec<(String, String)> {
    let mut partials = crate::templates::builtin_partials();
    for (n, t) in &mut partials {
        if n == name {
            *t = text.to_string();
        }
    }
    partials
}

fn evaluate_with(partials: &[(String, String)], body: &str) -> Evaluated {
    let data = Arc::new(testutil::data(YAML, CSV));
    let config = Arc::new(testutil::config());
    Placeholders::new(data, config, partials)
        .evaluate(
            Path::new("r.md"),
            body,
            1,
            Period::parse("2023-24 Q1", 4).ok(),
            true,
        )
        .unwrap()
}

fn evaluate(body: &str) -> Evaluated {
    evaluate_with(&crate::templates::builtin_partials(), body)
}

/// A theme that writes a table's cells itself, from `.rows`, as the
/// built-in `partials/table.html` once did in the template.
const CELLS_IN_THE_TEMPLATE: &str = r##"<tbody>
{%- for row in table.rows %}
<tr><th scope="row">{{ row.label }}</th>
{%- for cell in row.cells %}<td class="num">
{%- if cell.empty %}<span class="no-figure"><abbr class="marker" title="not available">[x]</abbr><span class="visually-hidden"> no figure</span></span>
{%- else %}{{ cell.text }}{% for m in cell.markers %}{% if cell.text %} {% endif %}<abbr class="marker" title="{{ m.meaning }}">{{ m.code }}</abbr>{% endfor %}
{%- if cell.note %}<sup class="note-ref"><a href="#{{ table.id }}-note-{{ cell.note }}"><span class="visually-hidden">Note </span>{{ cell.note }}</a></sup>{% endif %}{% endif %}</td>
{%- endfor %}</tr>
{%- endfor %}
</tbody>"##;

#[test]
fn a_theme_can_write_a_tables_cells_from_its_rows() {
    let builtin = crate::templates::builtin("partials/table.html").unwrap();
    let own = builtin.replace(
        "<tbody>\n{{- table.rows_html }}\n</tbody>",
        CELLS_IN_THE_TEMPLATE,
    );
    assert_ne!(own, builtin);
    let body = "{{ chart(\"a\", compare=[\"england\"]) }}\n\n{{ table([\"a\", \"b\"], periods=3) }}\n\n{{ chart(\"b\") }}\n\n{{ chart(\"b\", from=\"2023-06\") }}\n";
    let built_in = evaluate(body);
    let themed = evaluate_with(&partials_with("partials/table.html", &own), body);
    let all = built_in.blocks.concat();
    for part in [
        "class=\"note-ref\"",
        "no figure",
        "&lt;children&gt; &amp; &#39;carers&#39;",
        "[p]</abbr>",
        "[x]</abbr>",
        "single-figure",
    ] {
        assert!(all.contains(part), "{part}: {all}");
    }
    assert_eq!(built_in.blocks, themed.blocks);
}

#[test]
fn a_themes_notes_and_key_serve_charts_and_tables_alike() {
    let body = "{{ chart(\"a\", last=3) }}\n\n{{ table([\"a\"], periods=3) }}\n";
    let mut partials = partials_with(
        "partials/notes.html",
        "<p class=\"own-notes\">{{ notes|length }} for {{ id }}</p>",
    );
    for (name, text) in &mut partials {
        if name == "partials/key.html" {
            *text = "<p class=\"own-key\">{{ label }}</p>".to_string();
        }
    }
    let blocks = evaluate_with(&partials, body).blocks;
    assert_eq!(blocks.len(), 2);
    assert!(
        blocks[0].contains("<p class=\"own-notes\">2 for figure-1</p>"),
        "{}",
        blocks[0]
    );
    assert!(
        blocks[1].contains("<p class=\"own-notes\">2 for figure-2</p>"),
        "{}",
        blocks[1]
    );
    assert!(
        blocks[0].contains("<p class=\"own-key\">Symbols in this figure</p>"),
        "{}",
        blocks[0]
    );
    assert!(
        blocks[1].contains("<p class=\"own-key\">Symbols in this table</p>"),
        "{}",
        blocks[1]
    );
    assert!(!blocks.concat().contains("figure-notes"));
}

#[test]
fn a_charts_notes_are_listed_under_it_outside_its_closed_table() {
    let html = evaluate("{{ chart(\"a\", last=3) }}\n").blocks.concat();
    let list = html
        .find("<div class=\"figure-notes\">")
        .expect("a notes list");
    let details = html.find("<details").unwrap();
    assert!(list < details, "{html}");
    // Listed once, named by the list's title, each note saying which figures.
    assert_eq!(html.matches("class=\"figure-notes\"").count(), 1);
    assert!(html.contains("<p class=\"figure-notes-title\" id=\"figure-1-notes\">Notes</p>\n<ol aria-labelledby=\"figure-1-notes\">"), "{html}");
    assert!(html.contains("<li id=\"figure-1-note-1\"><span class=\"note-figures\">April 2023 and June 2023:</span> Three-year average</li>"), "{html}");
    assert!(html.contains("<li id=\"figure-1-note-2\"><span class=\"note-figures\">May 2023:</span> Fewer than 5 &lt;children&gt; &amp; &#39;carers&#39;</li>"), "{html}");
    // The table's cells refer to them, each reference named "Note n".
    let table = &html[details..];
    assert_eq!(
        table
            .matches("<sup class=\"note-ref\"><a href=\"#figure-1-note-1\"><span class=\"visually-hidden\">Note </span>1</a></sup>")
            .count(),
        2,
        "{html}"
    );
    assert!(table.contains("#figure-1-note-2\"><span class=\"visually-hidden\">Note </span>2</a>"));
}

#[test]
fn a_note_names_its_figure_by_row_and_column_when_there_are_columns() {
    let html = evaluate("{{ chart(\"a\", compare=[\"england\"]) }}\n")
        .blocks
        .concat();
    assert!(html.contains("<li id=\"figure-1-note-2\"><span class=\"note-figures\">England (June 2023):</span> Provisional</li>"), "{html}");
    let html = evaluate("{{ table([\"a\", \"b\"], periods=3) }}\n")
        .blocks
        .concat();
    assert!(html.contains("<span class=\"note-figures\">April 2023, Pupils &lt;16&gt; &amp; &#39;carers&#39;; June 2023, Pupils"), "{html}");
}

#[test]
fn a_tables_notes_are_listed_under_it() {
    let html = evaluate("{{ table([\"a\"], periods=3) }}\n")
        .blocks
        .concat();
    let table_end = html.find("</table>").unwrap();
    let list = html
        .find("<div class=\"figure-notes\">")
        .expect("a notes list");
    assert!(table_end < list && list < html.find("class=\"table-notes\"").unwrap());
    assert!(html.contains("<li id=\"figure-1-note-1\"><span class=\"note-figures\">April 2023 and June 2023:</span> Three-year average</li>"), "{html}");
    assert!(
        html[..table_end].contains(
            "<a href=\"#figure-1-note-2\"><span class=\"visually-hidden\">Note </span>2</a>"
        ),
        "{html}"
    );
}

#[test]
fn a_note_on_several_figures_names_each_once_in_a_list() {
    let mut notes = super::table::Notes::new("figure-2", false, Language::English);
    for row in ["2020-21", "2021-22", "2022-23"] {
        assert_eq!(notes.number("Average for the year", row, "Thurrock"), 1);
    }
    assert_eq!(notes.number("Small numbers", "Q1 2023-24", "Thurrock"), 2);
    let views = notes.views();
    assert_eq!(views[0].figures, "2020-21, 2021-22 and 2022-23");
    assert_eq!(views[0].id, "figure-2-note-1");
    assert_eq!(views[1].figures, "Q1 2023-24");
    let mut notes = super::table::Notes::new("figure-2", true, Language::English);
    notes.number("Provisional", "2021-22", "England");
    notes.number("Provisional", "2022-23", "England");
    assert_eq!(
        notes.views()[0].figures,
        "2021-22, England; 2022-23, England"
    );
}

#[test]
fn figures_without_notes_have_no_notes_list() {
    let html = evaluate("{{ chart(\"b\") }}\n\n{{ table([\"b\"]) }}\n")
        .blocks
        .concat();
    assert!(
        !html.contains("figure-notes") && !html.contains("note-ref"),
        "{html}"
    );
}

#[test]
fn a_charts_caption_opens_with_its_message_then_its_title() {
    let html = evaluate("{{ chart(\"a\") }}\n").blocks.concat();
    assert!(
        html.contains("<figcaption><span class=\"chart-message\">Pupils &lt;16&gt; &amp; &#39;carers&#39; rose to 7 [p] in June 2023, from 5 in April 2023.</span> <span class=\"chart-title\">Pupils &lt;16&gt;"),
        "{html}"
    );
    // The chart's accessible name is still its title alone.
    let name = &html[html.find("<title").unwrap()..html.find("</title>").unwrap()];
    assert!(name.contains("Pupils") && !name.contains("rose"), "{name}");
}

#[test]
fn a_chart_drawn_as_its_latest_period_says_that_period_alone() {
    // Seven groups over two quarters are too many segments to stack: the
    // chart draws the latest quarter, and its caption says so.
    let mut csv = String::from("indicator,period,area,breakdown,value\n");
    for group in 1..=7 {
        for quarter in ["2022-23 Q4", "2023-24 Q1"] {
            csv.push_str(&format!("p,{quarter},,Group {group},{}\n", group * 10));
        }
    }
    let data = Arc::new(testutil::data(
        "p:\n  title: Placements\n  unit: count\n  measure: stock\n",
        &csv,
    ));
    let config = Arc::new(testutil::config());
    let html = Placeholders::new(data, config, &crate::templates::builtin_partials())
        .evaluate(
            Path::new("r.md"),
            "{{ chart(\"p\", kind=\"stacked\") }}\n",
            1,
            Period::parse("2023-24 Q1", 4).ok(),
            true,
        )
        .unwrap()
        .blocks
        .concat();
    assert!(
        html.contains("<span class=\"chart-range\">Q1 2023-24</span>"),
        "{html}"
    );
    assert!(!html.contains("Q4 2022-23 to"), "{html}");
    // The table keeps both quarters, and its caption says which the chart shows.
    assert!(
        html.contains("Placements: the figures (the chart shows Q1 2023-24)"),
        "{html}"
    );
    assert!(html.contains(">Q4 2022-23<"), "{html}");
}

#[test]
fn a_cell_without_a_figure_shows_x_not_a_dash_and_the_key_says_so() {
    let html = evaluate("{{ table([\"a\", \"b\"], periods=3) }}\n")
        .blocks
        .concat();
    assert!(html.contains("<td class=\"num\"><span class=\"no-figure\"><abbr class=\"marker\" title=\"not available\">[x]</abbr><span class=\"visually-hidden\"> no figure</span></span></td>"), "{html}");
    assert!(!html.contains('–'), "{html}");
    assert!(
        html.contains("<div><dt>[x]</dt><dd>not available</dd></div>"),
        "{html}"
    );
}

#[test]
fn a_charts_key_is_beside_it_with_only_the_symbols_it_uses() {
    let html = evaluate("{{ chart(\"a\", last=3, compare=[\"england\"]) }}\n")
        .blocks
        .concat();
    let at = html
        .find("<dl class=\"marker-key\" aria-label=\"Symbols in this figure\">")
        .expect("a key beside the chart");
    let details = html.find("<details").unwrap();
    assert!(at < details, "{html}");
    let key = &html[at..at + html[at..].find("</dl>").unwrap()];
    assert!(
        key.contains("<dt>[c]</dt>") && key.contains("<dt>[p]</dt>"),
        "{key}"
    );
    assert!(!key.contains("[x]") && !key.contains("[z]"), "{key}");
    // The closed table keys only what it alone shows: England's months
    // without a figure.
    let table = &html[details..];
    assert_eq!(table.matches("class=\"marker-key\"").count(), 1, "{html}");
    let key = &table[table.find("class=\"marker-key\"").unwrap()..];
    let key = &key[..key.find("</dl>").unwrap()];
    assert!(
        key.contains("<dt>[x]</dt>") && !key.contains("[c]"),
        "{key}"
    );
}

#[test]
fn one_figure_for_one_period_is_shown_as_a_figure_with_its_table() {
    let evaluated = evaluate("{{ chart(\"b\", from=\"2023-06\") }}\n");
    let html = evaluated.blocks.concat();
    assert!(!html.contains("<svg"), "{html}");
    assert!(html.contains("<p class=\"single-figure\"><span class=\"single-value\">55%</span> <span class=\"single-period\">June 2023</span></p>"), "{html}");
    assert!(html.contains("<summary>Show this figure as a table</summary>"));
    assert!(html.contains("<table class=\"figures\" aria-labelledby=\""));
    assert_eq!(evaluated.downloads.len(), 1);
    assert!(!html.contains("chart-message"), "{html}");
}

#[test]
fn an_indicators_single_figure_is_titled_by_the_indicator_not_as_a_history() {
    let data = testutil::data(YAML, "indicator,period,area,value\nb,2023-06,,55\n");
    let config = testutil::config();
    let resolver = crate::query::resolve::Resolver::new(&data, &config, None);
    let grid = resolver.history_grid("b").unwrap();
    let mut env = minijinja::Environment::new();
    crate::templates::translate::register(&mut env);
    for (name, text) in crate::templates::builtin_partials() {
        env.add_template_owned(name, text).unwrap();
    }
    let (html, _) = super::figure_html(&env, 1, &grid, Some("Rate: history")).unwrap();
    assert!(!html.contains("history"), "{html}");
    assert!(
        html.contains("<span class=\"chart-title\">Rate</span></figcaption>"),
        "{html}"
    );
    assert!(
        html.contains("<span class=\"single-period\">June 2023</span>"),
        "{html}"
    );
}

#[test]
fn a_charts_caption_links_to_its_indicators_page() {
    let html = evaluate("{{ chart(\"a\", compare=[\"england\"]) }}\n")
        .blocks
        .concat();
    let caption = &html[html.find("<figcaption>").unwrap()..html.find("</figcaption>").unwrap()];
    assert!(caption.contains("<a class=\"chart-about\" href=\"/indicators/a/\">About this indicator<span class=\"visually-hidden\">: Pupils &lt;16&gt; &amp; &#39;carers&#39;</span></a>"), "{caption}");
}

#[test]
fn downloads_have_the_notes_and_no_comment() {
    let evaluated =
        evaluate("{{ chart(\"a\", compare=[\"england\"]) }}\n\n{{ table([\"a\", \"b\"]) }}\n");
    let csv: String = evaluated
        .downloads
        .iter()
        .map(|d| String::from_utf8(d.contents.clone()).unwrap())
        .collect();
    assert!(
        csv.contains("Three-year average") && csv.contains("Provisional"),
        "{csv}"
    );
    let html = evaluated.blocks.concat();
    for comment in ["OCR reads 3", "A remark for the team"] {
        assert!(
            !csv.contains(comment) && !html.contains(comment),
            "{comment}"
        );
    }
}

/// Every line kept but the blank ones, each ending in a line break.
fn slowly(html: &str) -> String {
    html.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn tidy_drops_blank_lines_and_only_them() {
    for html in [
        "",
        "<p>a</p>",
        "<p>a</p>\n<p>b</p>\n",
        "<p>a</p>\n\n<p>b</p>\n",
        "<p>a</p>\n  \n<p>b</p>",
        "<p>a</p>\n \u{a0}\t\n<p>b</p>\n",
        "\n<p>a</p>\n",
        "<p>a</p>\n  <p>indented</p>\n",
        "<p>a</p>\r\n<p>b</p>\r\n",
        "<p>a</p>\n\n",
    ] {
        assert_eq!(super::tidy(html.to_string()), slowly(html), "{html:?}");
    }
}

/// `body` evaluated as a Welsh twin's (`r.cy.md`).
fn evaluate_in_welsh(body: &str) -> Evaluated {
    let data = Arc::new(testutil::data(YAML, CSV));
    let config = Arc::new(testutil::config());
    Placeholders::new(data, config, &crate::templates::builtin_partials())
        .evaluate(
            Path::new("r.cy.md"),
            body,
            1,
            Period::parse("2023-24 Q1", 4).ok(),
            true,
        )
        .unwrap()
}

/// What a reader reads or hears of `html`: its text, and its `title` and
/// `aria-label` attributes.
fn read_out(html: &str) -> String {
    let mut out = String::new();
    for attribute in [" title=\"", " aria-label=\""] {
        for part in html.split(attribute).skip(1) {
            out.push_str(&part[..part.find('"').unwrap_or(0)]);
            out.push('\n');
        }
    }
    let mut inside = false;
    for c in html.chars() {
        match c {
            '<' => inside = true,
            '>' => {
                inside = false;
                out.push(' ');
            }
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn a_welsh_pages_charts_and_tables_write_their_words_in_welsh() {
    let evaluated = evaluate_in_welsh(
        "{{ chart(\"a\", last=3, compare=[\"england\"]) }}\n\n\
         {{ table([\"a\", \"b\"], periods=3) }}\n\n{{ chart(\"b\", from=\"2023-06\") }}\n",
    );
    let html = evaluated.blocks.concat();
    for said in [
        "<span class=\"chart-message\">Cododd Pupils &lt;16&gt; &amp; &#39;carers&#39; i 7 [p] ym mis \
         Mehefin 2023, o 5 ym mis Ebrill 2023. Roedd Thurrock yn is nag England (9) ym mis \
         Mehefin 2023.</span>",
        "<span class=\"chart-range\">Ebrill 2023 i Fehefin 2023</span>",
        "<summary>Dangos y ffigurau yn y siart hwn fel tabl</summary>",
        "<p class=\"table-caption\" id=\"figure-1-caption\">Pupils &lt;16&gt; &amp; &#39;carers&#39;: y \
         ffigurau yn y siart</p>",
        "<tr><th scope=\"col\">Cyfnod</th>",
        "<dd>dros dro: gall y ffigur newid</dd>",
        "<abbr class=\"marker\" title=\"ddim ar gael\">[x]</abbr><span class=\"visually-hidden\"> dim \
         ffigur</span>",
        "<span class=\"visually-hidden\">Nodyn </span>1</a>",
        "<a href=\"figure-1.csv\" download>Lawrlwytho Pupils",
        "<p class=\"table-caption\" id=\"figure-3-caption\">Rate: y ffigur</p>",
        "<summary>Dangos y ffigur hwn fel tabl</summary>",
    ] {
        assert!(html.contains(said), "{said}\nnot in\n{html}");
    }
    // The names and notes are the data's, in English here; every other
    // word is outturn's own.
    let mut words = read_out(&html);
    for data in [
        "Pupils &lt;16&gt; &amp; &#39;carers&#39;",
        "Fewer than 5 &lt;children&gt; &amp; &#39;carers&#39;",
        "Three-year average",
        "Provisional",
    ] {
        words = words.replace(data, "");
    }
    let english = crate::charts::welsh_tests::english_in(&words);
    assert!(english.is_empty(), "{english:?} in\n{words}");
    let csv = String::from_utf8(evaluated.downloads[0].contents.clone()).unwrap();
    assert!(csv.starts_with("dangosydd,teitl_dangosydd,ardal,"), "{csv}");
}
