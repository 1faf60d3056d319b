//! `chart()` and `table()`: a grid of figures turned into an accessible figure
//! (SVG chart, caption, the same figures as a table, a CSV download) or a table.
//!
//! The markup comes from the theme's `partials/figure.html` and
//! `partials/table.html`, so a council can change it like any other template.

use super::figures::{ChartKind, Grid, Selection};
use crate::charts;
use crate::data::cell::Marker;
use crate::data::tidy;
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
    let view = table_view(&id, grid, &download.name);
    let html = env
        .get_template("partials/table.html")?
        .render(context! { table => view })?;
    Ok((tidy(&html), download))
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
    let html = env
        .get_template("partials/figure.html")?
        .render(context! { figure => view })?;
    Ok((tidy(&html), download))
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
    let mut writer = tidy::writer();
    for column in &grid.columns {
        for cell in column.cells.iter().flatten() {
            tidy::write(
                &mut writer,
                &tidy::Row {
                    indicator: &column.indicator,
                    title: &column.indicator_title,
                    area: &cell.area,
                    breakdown: cell.breakdown.as_deref().unwrap_or(""),
                    period: cell.period,
                    value: cell.value,
                    unit: column.unit,
                    markers: &cell.markers,
                    note: cell.note.as_deref().unwrap_or(""),
                },
            );
        }
    }
    Download {
        name: format!("{id}.csv"),
        contents: writer.into_inner().unwrap_or_default(),
    }
}

/// Markdown ends an HTML block at a blank line; the partials' output must have none.
fn tidy(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    for line in html.lines().filter(|l| !l.trim().is_empty()) {
        out.push_str(line);
        out.push('\n');
    }
    out
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
