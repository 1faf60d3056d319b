//! The built-in `partials/figure.html` and `partials/table.html`, written
//! directly.
//!
//! A table of a long history has thousands of cells, and the template
//! engine's cost per cell made the indicator pages a quarter of a build.
//! These give exactly the templates' output (a test compares them), and a
//! theme that changes either partial is rendered through its own template.

use crate::escape::escape_into;
use crate::templates::views::{FigureView, MarkerView, NoteView, TableCellView, TableView};

/// `partials/figure.html`, as the built-in template writes it.
pub(super) fn figure(out: &mut String, figure: &FigureView) {
    text(
        out,
        "<figure class=\"chart-figure\" id=\"",
        &figure.id,
        "\">\n<figcaption>",
    );
    if !figure.message.is_empty() {
        text(
            out,
            "<span class=\"chart-message\">",
            &figure.message,
            "</span> ",
        );
    }
    text(out, "<span class=\"chart-title\">", &figure.title, "");
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
    if !figure.indicator_url.is_empty() {
        text(
            out,
            " <a class=\"chart-about\" href=\"",
            &figure.indicator_url,
            "\">About this indicator<span class=\"visually-hidden\">: ",
        );
        escape_into(out, &figure.indicator_title);
        out.push_str("</span></a>");
    }
    out.push_str("</figcaption>");
    let only = figure
        .table
        .rows
        .first()
        .and_then(|r| Some((r, r.cells.first()?)));
    match only {
        Some((row, cell)) if figure.single => {
            out.push_str("\n<p class=\"single-figure\"><span class=\"single-value\">");
            if cell.empty {
                not_available(out);
            } else {
                figure_text(out, cell);
            }
            text(
                out,
                "</span> <span class=\"single-period\">",
                &row.label,
                "</span></p>",
            );
        }
        _ => {
            out.push('\n');
            out.push_str(&figure.svg);
        }
    }
    key(out, "Symbols in this figure", &figure.markers);
    notes(out, &figure.id, &figure.notes);
    out.push_str("\n<details class=\"chart-data\">\n<summary>");
    out.push_str(if figure.single {
        "Show this figure as a table"
    } else {
        "Show the figures in this chart as a table"
    });
    out.push_str("</summary>\n");
    table(out, &figure.table);
    out.push_str("\n</details>\n</figure>");
}

/// `partials/table.html`, as the built-in template writes it.
pub(super) fn table(out: &mut String, table: &TableView) {
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
    for column in &table.columns_html {
        out.push_str("<th scope=\"col\" class=\"num\">");
        out.push_str(column);
        out.push_str("</th>");
    }
    out.push_str("</tr>\n</thead>\n<tbody>");
    for row in &table.rows {
        text(out, "\n<tr><th scope=\"row\">", &row.label, "</th>");
        for cell in &row.cells {
            out.push_str("<td class=\"num\">");
            if cell.empty {
                out.push_str("<span class=\"no-figure\">");
                not_available(out);
                out.push_str("<span class=\"visually-hidden\"> no figure</span></span>");
            } else {
                figure_text(out, cell);
                if let Some(note) = cell.note {
                    let number = note.to_string();
                    text(
                        out,
                        "<sup class=\"note-ref\"><a href=\"#",
                        &table.id,
                        "-note-",
                    );
                    out.push_str(&number);
                    out.push_str("\"><span class=\"visually-hidden\">Note </span>");
                    out.push_str(&number);
                    out.push_str("</a></sup>");
                }
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("\n</tbody>\n</table>\n</div>");
    notes(out, &table.id, &table.notes);
    key(out, "Symbols in this table", &table.markers);
    out.push_str("\n<p class=\"table-notes\">");
    if !table.source.is_empty() {
        text(out, "Source: ", &table.source, ". ");
    }
    text(out, "<a href=\"", &table.csv, "\" download>Download ");
    escape_into(out, &table.caption);
    out.push_str(" as CSV</a></p>");
}

/// A figure as a table's cell shows it: `308 [p]`, `[c]`.
fn figure_text(out: &mut String, cell: &TableCellView) {
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

/// `[x]`, where there is no figure at all.
fn not_available(out: &mut String) {
    out.push_str("<abbr class=\"marker\" title=\"not available\">[x]</abbr>");
}

/// The key to the symbols a chart or table uses.
fn key(out: &mut String, label: &str, markers: &[MarkerView]) {
    if markers.is_empty() {
        return;
    }
    text(
        out,
        "\n<dl class=\"marker-key\" aria-label=\"",
        label,
        "\">",
    );
    for marker in markers {
        text(out, "<div><dt>", marker.code, "</dt><dd>");
        escape_into(out, marker.meaning);
        out.push_str("</dd></div>");
    }
    out.push_str("\n</dl>");
}

/// The numbered notes under a chart or table, as both partials write them.
fn notes(out: &mut String, id: &str, notes: &[NoteView]) {
    if notes.is_empty() {
        return;
    }
    text(
        out,
        "\n<div class=\"figure-notes\">\n<p class=\"figure-notes-title\" id=\"",
        id,
        "-notes\">Notes</p>\n<ol aria-labelledby=\"",
    );
    escape_into(out, id);
    out.push_str("-notes\">");
    for note in notes {
        text(
            out,
            "<li id=\"",
            &note.id,
            "\"><span class=\"note-figures\">",
        );
        escape_into(out, &note.figures);
        text(out, ":</span> ", &note.text, "</li>");
    }
    out.push_str("</ol>\n</div>");
}

/// `open`, `text` escaped, `close`.
fn text(out: &mut String, open: &str, text: &str, close: &str) {
    out.push_str(open);
    escape_into(out, text);
    out.push_str(close);
}
