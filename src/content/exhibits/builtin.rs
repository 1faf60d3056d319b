//! The built-in `partials/figure.html` and `partials/table.html`, written
//! directly.
//!
//! A table of a long history has thousands of cells, and the template
//! engine's cost per cell made the indicator pages a quarter of a build.
//! These give exactly the templates' output (a test compares them), and a
//! theme that changes either partial is rendered through its own template.

use crate::escape::escape_into;
use crate::templates::views::{FigureView, NoteView, TableView};

/// `partials/figure.html`, as the built-in template writes it.
pub(super) fn figure(out: &mut String, figure: &FigureView) {
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
    out.push_str("</figcaption>\n");
    out.push_str(&figure.svg);
    notes(out, &figure.id, &figure.notes);
    out.push_str("\n<details class=\"chart-data\">\n<summary>Show the figures in this chart as a table</summary>\n");
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
