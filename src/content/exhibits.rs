//! `chart()` and `table()`: a grid of figures turned into an accessible figure
//! (SVG chart, caption, the same figures as a table, a CSV download) or a table.
//!
//! The markup comes from the theme's `partials/figure.html` and
//! `partials/table.html`, so a council can change it like any other template.

use super::figures::{ChartKind, Grid, Selection};
use crate::charts;
use crate::data::cell::Marker;
use crate::data::tidy;
use crate::escape::escape_into;
use crate::templates;
use crate::templates::views::{FigureView, MarkerView, TableCellView, TableRowView, TableView};
use minijinja::{Environment, Error, context};

/// A CSV file a page links to, written beside it.
#[derive(Debug, Clone)]
pub struct Download {
    /// File name, relative to the page's folder: `figure-1.csv`.
    pub name: String,
    /// Its contents.
    pub contents: Vec<u8>,
}

/// The HTML for `table(...)`, and its CSV download.
pub fn table_html(
    env: &Environment<'_>,
    number: usize,
    grid: &Grid,
) -> Result<(String, Download), Error> {
    let id = format!("figure-{number}");
    let download = csv(&id, grid);
    let html = table_markup(env, &table_view(&id, grid, &download.name))?;
    Ok((html, download))
}

/// The HTML for a table whose figures are already offered as a CSV file at
/// `csv_url`, such as an indicator's every figure in `data/<id>.csv`.
pub fn table_html_with_csv(
    env: &Environment<'_>,
    number: usize,
    grid: &Grid,
    csv_url: &str,
) -> Result<String, Error> {
    table_markup(env, &table_view(&format!("figure-{number}"), grid, csv_url))
}

fn table_markup(env: &Environment<'_>, view: &TableView) -> Result<String, Error> {
    let html = if is_builtin(env, "partials/table.html")? {
        let mut html = String::new();
        builtin_table(&mut html, view);
        html
    } else {
        env.get_template("partials/table.html")?
            .render(context! { table => view })?
    };
    Ok(tidy(html))
}

/// The HTML for `chart(...)`, and its CSV download.
pub fn figure_html(
    env: &Environment<'_>,
    number: usize,
    grid: &Grid,
    title: Option<&str>,
) -> Result<(String, Download), Error> {
    let id = format!("figure-{number}");
    let download = csv(&id, grid);
    let title = title.map_or_else(|| grid.title.clone(), str::to_string);
    let chart = charts::Chart {
        id: format!("{id}-chart"),
        kind: match grid.kind {
            ChartKind::Line => charts::Kind::Line,
            ChartKind::Bar => charts::Kind::Bar,
            ChartKind::Stacked => charts::Kind::Stacked,
        },
        title: title.clone(),
        unit: grid.unit,
        decimals: grid.decimals,
        categories: grid.rows.clone(),
        spans: grid.spans(),
        series: grid
            .columns
            .iter()
            .map(|column| charts::Series {
                name: column.name.clone(),
                values: column
                    .cells
                    .iter()
                    .map(|c| c.as_ref().and_then(|c| c.value))
                    .collect(),
                markers: column
                    .cells
                    .iter()
                    .map(|c| {
                        c.as_ref().filter(|c| !c.markers.is_empty()).map(|c| {
                            c.markers
                                .iter()
                                .map(|m| m.code())
                                .collect::<Vec<_>>()
                                .join(" ")
                        })
                    })
                    .collect(),
            })
            .collect(),
    };
    let range = match grid.period_range() {
        Some((first, last)) if first == last => first.short_label(),
        Some((first, last)) => format!("{} to {}", first.short_label(), last.short_label()),
        None => String::new(),
    };
    let mut table = table_view(&id, grid, &download.name);
    table.caption = format!("{title}: the figures in the chart");
    let view = FigureView {
        id,
        title,
        range,
        svg: charts::svg(&chart),
        table,
    };
    let html =
        if is_builtin(env, "partials/figure.html")? && is_builtin(env, "partials/table.html")? {
            let mut html = String::new();
            builtin_figure(&mut html, &view);
            html
        } else {
            env.get_template("partials/figure.html")?
                .render(context! { figure => view })?
        };
    Ok((tidy(html), download))
}

fn table_view(id: &str, grid: &Grid, csv_name: &str) -> TableView {
    let rows = grid
        .rows
        .iter()
        .enumerate()
        .map(|(r, label)| TableRowView {
            label: label.clone(),
            cells: grid
                .columns
                .iter()
                .map(|column| match &column.cells[r] {
                    Some(cell) => TableCellView {
                        text: cell
                            .value
                            .map(|_| cell.text.split(" [").next().unwrap_or("").to_string())
                            .unwrap_or_default(),
                        markers: cell.markers.iter().map(|m| marker_view(*m)).collect(),
                        empty: false,
                    },
                    None => TableCellView {
                        text: String::new(),
                        markers: Vec::new(),
                        empty: true,
                    },
                })
                .collect(),
        })
        .collect();
    TableView {
        id: id.to_string(),
        caption: grid.title.clone(),
        row_heading: grid.row_heading,
        columns: grid.columns.iter().map(|c| c.name.clone()).collect(),
        rows,
        markers: grid.markers().into_iter().map(marker_view).collect(),
        csv: csv_name.to_string(),
        source: grid.source.clone(),
    }
}

fn marker_view(marker: Marker) -> MarkerView {
    MarkerView {
        code: marker.code(),
        meaning: marker.meaning(),
    }
}

/// The grid's figures in tidy long form: one figure a row.
fn csv(id: &str, grid: &Grid) -> Download {
    let mut writer = tidy::Writer::new();
    for column in &grid.columns {
        for cell in column.cells.iter().flatten() {
            writer.write(&tidy::Row {
                indicator: &column.indicator,
                title: &column.indicator_title,
                area: &cell.area,
                breakdown: cell.breakdown.as_deref().unwrap_or(""),
                period: cell.period,
                value: cell.value,
                unit: column.unit,
                markers: &cell.markers,
                note: cell.note.as_deref().unwrap_or(""),
            });
        }
    }
    Download {
        name: format!("{id}.csv"),
        contents: writer.into_bytes(),
    }
}

/// Whether the theme's `name` is the built-in template, unchanged.
fn is_builtin(env: &Environment<'_>, name: &str) -> Result<bool, Error> {
    Ok(Some(env.get_template(name)?.source()) == templates::builtin(name))
}

// The built-in partials, written directly. A table of a long history has
// thousands of cells, and the template engine's cost per cell made the
// indicator pages a quarter of a build; these give exactly the template's
// output (a test compares them), and a theme that changes either partial is
// rendered through its own template as before.

/// `partials/figure.html`, as the built-in template writes it.
fn builtin_figure(out: &mut String, figure: &FigureView) {
    text(
        out,
        "<figure class=\"chart-figure\" id=\"",
        &figure.id,
        "\">\n<figcaption><span class=\"chart-title\">",
    );
    escape_into(out, &figure.title);
    out.push_str("</span>");
    if !figure.range.is_empty() {
        text(
            out,
            " <span class=\"chart-range\">",
            &figure.range,
            "</span>",
        );
    }
    if !figure.table.source.is_empty() {
        text(
            out,
            " <span class=\"chart-source\">Source: ",
            &figure.table.source,
            "</span>",
        );
    }
    out.push_str("</figcaption>\n");
    out.push_str(&figure.svg);
    out.push_str("\n<details class=\"chart-data\">\n<summary>Show the figures in this chart as a table</summary>\n");
    builtin_table(out, &figure.table);
    out.push_str("\n</details>\n</figure>");
}

/// `partials/table.html`, as the built-in template writes it.
fn builtin_table(out: &mut String, table: &TableView) {
    text(
        out,
        "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"",
        &table.id,
        "-caption\" tabindex=\"0\">\n<table class=\"figures\">\n<caption id=\"",
    );
    escape_into(out, &table.id);
    text(
        out,
        "-caption\">",
        &table.caption,
        "</caption>\n<thead>\n<tr><th scope=\"col\">",
    );
    escape_into(out, table.row_heading);
    out.push_str("</th>");
    for column in &table.columns {
        text(out, "<th scope=\"col\" class=\"num\">", column, "</th>");
    }
    out.push_str("</tr>\n</thead>\n<tbody>");
    for row in &table.rows {
        text(out, "\n<tr><th scope=\"row\">", &row.label, "</th>");
        for cell in &row.cells {
            out.push_str("<td class=\"num\">");
            if cell.empty {
                out.push_str("<span class=\"no-figure\">–<span class=\"visually-hidden\"> no figure</span></span>");
            } else {
                escape_into(out, &cell.text);
                for marker in &cell.markers {
                    if !cell.text.is_empty() {
                        out.push(' ');
                    }
                    text(
                        out,
                        "<abbr class=\"marker\" title=\"",
                        marker.meaning,
                        "\">",
                    );
                    escape_into(out, marker.code);
                    out.push_str("</abbr>");
                }
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("\n</tbody>\n</table>\n</div>");
    if !table.markers.is_empty() {
        out.push_str("\n<dl class=\"marker-key\" aria-label=\"Symbols in this table\">");
        for marker in &table.markers {
            text(out, "<div><dt>", marker.code, "</dt><dd>");
            escape_into(out, marker.meaning);
            out.push_str("</dd></div>");
        }
        out.push_str("\n</dl>");
    }
    out.push_str("\n<p class=\"table-notes\">");
    if !table.source.is_empty() {
        text(out, "Source: ", &table.source, ". ");
    }
    text(out, "<a href=\"", &table.csv, "\" download>Download ");
    escape_into(out, &table.caption);
    out.push_str(" as CSV</a></p>");
}

/// `open`, `text` escaped, `close`.
fn text(out: &mut String, open: &str, text: &str, close: &str) {
    out.push_str(open);
    escape_into(out, text);
    out.push_str(close);
}

/// Markdown ends an HTML block at a blank line; the partials' output must have none.
fn tidy(mut html: String) -> String {
    // Mostly there is nothing to remove, and nothing need be copied.
    if !html.is_empty() && !html.contains('\r') && !has_blank_line(&html) {
        if !html.ends_with('\n') {
            html.push('\n');
        }
        return html;
    }
    let mut out = String::with_capacity(html.len());
    for line in html.lines().filter(|l| !l.trim().is_empty()) {
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Whether any of `html`'s lines is empty or only spaces, looking past a
/// line as soon as it starts with something else (a chart has thousands).
fn has_blank_line(html: &str) -> bool {
    let starts =
        std::iter::once(0).chain(memchr::memchr_iter(b'\n', html.as_bytes()).map(|i| i + 1));
    starts.filter(|&start| start < html.len()).any(|start| {
        let rest = &html[start..];
        match rest.chars().next() {
            Some(c) if !c.is_whitespace() => false,
            _ => rest[..rest.find('\n').unwrap_or(rest.len())]
                .trim()
                .is_empty(),
        }
    })
}

/// What `chart()` and `table()` accept besides the indicator.
pub const CHART_OPTIONS: [&str; 6] = ["kind", "from", "last", "compare", "breakdown", "title"];

/// What `table()` accepts besides the indicators.
pub const TABLE_OPTIONS: [&str; 5] = ["periods", "from", "last", "compare", "breakdown"];

impl Selection {
    /// An empty selection of `ids`.
    pub fn of(ids: Vec<String>) -> Selection {
        Selection {
            ids,
            ..Selection::default()
        }
    }
}

#[cfg(test)]
mod tests {
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
}
