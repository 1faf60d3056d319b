//! `chart()` and `table()`: a grid of figures turned into an accessible figure
//! (SVG chart, caption, the same figures as a table, a CSV download) or a table.
//!
//! Each piece of markup has one source. The theme's templates hold the
//! shape of a figure and a table (`partials/figure.html`, `table.html`, and
//! the `notes.html` and `key.html` both include), so a council can change
//! them like any other template. What repeats for every cell of a table is
//! written here (`table::rows_html`, `table::cell_html`), and handed to the
//! templates as markup: a long history has thousands of cells, and the
//! template engine took a quarter of a build to write them one by one.
//!
//! A figure's `note` from its data file is for readers: its cell carries a
//! numbered reference and the note is listed under the table, or under a
//! chart where it shows without opening the chart's table.

mod table;

use crate::charts;
use crate::data::tidy;
use crate::i18n::{Language, Phrase};
use crate::query::figures::{Grid, Selection};
use crate::templates::views::{FigureView, Html, MarkerView, TableView};
use minijinja::{Environment, Error, context};
use std::borrow::Cow;
use table::table_view;

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
    let html = table_markup(env, &table_view(&id, grid, &download.name), grid.language)?;
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
    let view = table_view(&format!("figure-{number}"), grid, csv_url);
    table_markup(env, &view, grid.language)
}

fn table_markup(
    env: &Environment<'_>,
    view: &TableView,
    language: Language,
) -> Result<String, Error> {
    let html = env
        .get_template("partials/table.html")?
        .render(context! { table => view, site => site(language) })?;
    Ok(tidy(html))
}

/// What a partial sees of the site: its language, so that `t()` writes the
/// theme's words in the page's language.
fn site(language: Language) -> minijinja::Value {
    context! { language => language.tag() }
}

/// The HTML for a chart on its own indicator's page, and its CSV download.
pub fn figure_html(
    env: &Environment<'_>,
    number: usize,
    grid: &Grid,
    title: Option<&str>,
) -> Result<(String, Download), Error> {
    chart_figure(env, number, grid, title, false)
}

/// The HTML for `chart(...)` in a page's body, its caption linking to the
/// page of the indicator it shows, and its CSV download.
///
/// The link is written from the site root (`/indicators/<id>/`), as a body's
/// links may be; the body's conversion makes it relative to the page.
pub fn linked_figure_html(
    env: &Environment<'_>,
    number: usize,
    grid: &Grid,
    title: Option<&str>,
) -> Result<(String, Download), Error> {
    chart_figure(env, number, grid, title, true)
}

fn chart_figure(
    env: &Environment<'_>,
    number: usize,
    grid: &Grid,
    title: Option<&str>,
    linked: bool,
) -> Result<(String, Download), Error> {
    let id = format!("figure-{number}");
    let download = csv(&id, grid);
    // One figure is a figure, not a chart of one point, nor a history.
    let single = grid.rows.len() == 1 && grid.columns.len() == 1;
    let title = match title {
        Some(title) if linked || !single => title.to_string(),
        Some(_) => grid.columns[0].indicator_title.clone(),
        None => grid.title.clone(),
    };
    let chart = charts::Chart {
        id: format!("{id}-chart"),
        kind: grid.kind,
        title: title.clone(),
        subject: indicator_subject(grid),
        unit: grid.unit,
        decimals: grid.decimals,
        categories: grid.rows.clone(),
        spans: grid.spans(),
        polarity: grid.polarity,
        own_category: grid.own_row,
        language: grid.language,
        series: grid
            .columns
            .iter()
            .map(|column| charts::ChartSeries {
                name: column.name.clone(),
                values: column.values(),
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
                comparator: column.comparator,
            })
            .collect(),
    };
    // A line or stacked chart of too many series is drawn as bars of its
    // latest period: the caption gives that period, not the table's range.
    let drawn_alone = match charts::as_drawn(&chart) {
        Cow::Owned(drawn) => drawn.series.first().map(|s| s.name.clone()),
        Cow::Borrowed(_) => None,
    };
    let range = match grid.period_range() {
        // A single period is said beside its figure.
        _ if single && grid.periods.is_some() => String::new(),
        _ if drawn_alone.is_some() => drawn_alone.clone().unwrap_or_default(),
        Some((first, last)) if first == last => first.short_label_in(grid.language),
        Some((first, last)) => {
            let last = last.short_label_in(grid.language);
            Phrase::new(grid.language, "chart-range")
                .arg("first", first.short_label_in(grid.language))
                .last(&last)
                .text()
        }
        None => String::new(),
    };
    let mut table = table_view(&id, grid, &download.name);
    let caption = |id| Phrase::new(grid.language, id).arg("title", title.as_str());
    table.caption = if single {
        caption("figure-caption-one").text()
    } else if let Some(period) = &drawn_alone {
        caption("figure-caption-drawn")
            .arg("period", period.as_str())
            .text()
    } else {
        caption("figure-caption").text()
    };
    // A chart's table is closed until asked for; its notes and the key to
    // the symbols the chart shows are not. The table keeps a key only to
    // what it alone shows: `[x]` where a column has no figure at all.
    let notes = std::mem::take(&mut table.notes);
    let markers: Vec<MarkerView> = grid
        .markers()
        .into_iter()
        .map(|m| MarkerView::in_language(m, grid.language))
        .collect();
    table
        .markers
        .retain(|m| !markers.iter().any(|shown| shown.code == m.code));
    // A chart shows one indicator, in every column.
    let indicator = grid
        .columns
        .first()
        .filter(|first| grid.columns.iter().all(|c| c.indicator == first.indicator));
    let (indicator_url, indicator_title) = match indicator {
        Some(column) if linked => (
            format!("/indicators/{}/", column.indicator),
            column.indicator_title.clone(),
        ),
        _ => (String::new(), String::new()),
    };
    let view = FigureView {
        id,
        title,
        message: if single {
            String::new()
        } else {
            charts::message(&chart)
        },
        range,
        svg: Html::new(if single {
            String::new()
        } else {
            charts::svg(&chart)
        }),
        single_html: Html::new(match table.rows.first().and_then(|row| row.cells.first()) {
            Some(cell) if single => {
                let mut html = String::new();
                table::cell_html(&mut html, cell, grid.language);
                html
            }
            _ => String::new(),
        }),
        single_area: match grid.columns.first() {
            Some(column) if single && column.comparator => column.name.clone(),
            _ => String::new(),
        },
        single,
        markers,
        notes,
        indicator_url,
        indicator_title,
        table,
    };
    let html = env
        .get_template("partials/figure.html")?
        .render(context! { figure => view, site => site(grid.language) })?;
    Ok((tidy(html), download))
}

/// What a chart's figures are of, to open its message: the title of the
/// indicator every column shows, or nothing when they show several.
fn indicator_subject(grid: &Grid) -> String {
    match grid.columns.split_first() {
        Some((first, rest)) if rest.iter().all(|c| c.indicator == first.indicator) => {
            first.indicator_title.clone()
        }
        _ => String::new(),
    }
}

/// The grid's figures in tidy long form: one figure a row.
/// Its header names its columns in the grid's language: English as
/// [`tidy::HEADER`], others from message `csv-columns`.
fn csv(id: &str, grid: &Grid) -> Download {
    let mut writer = match grid.language {
        Language::English => tidy::Writer::new(),
        _ => tidy::Writer::without_header(),
    }
    .in_language(grid.language);
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
    let mut contents = writer.into_bytes();
    if grid.language != Language::English {
        let mut header = crate::i18n::word(grid.language, "csv-columns")
            .as_bytes()
            .to_vec();
        header.push(b'\n');
        contents.splice(0..0, header);
    }
    Download {
        name: format!("{id}.csv"),
        contents,
    }
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
mod tests;
