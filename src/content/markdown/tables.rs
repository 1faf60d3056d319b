//! Markdown tables as good as the ones outturn makes from the data: a
//! caption, header cells that say what they head, figures lined up on the
//! right, and period labels that never break across lines.
//!
//! - A paragraph starting `Table:` directly before a table (or after it, as
//!   pandoc allows) becomes its caption: a `<p class="table-caption">` just
//!   above its scrolling region (so a phone wraps it rather than scrolling
//!   it away), naming the region and the table.
//!   A paragraph between two tables captions the one after it.
//! - Header cells are `<th scope="col">`; each row's first cell is its
//!   `<th scope="row">`.
//! - A column whose cells are all figures (`1,234`, `-5`, `+3`, `64.3%`,
//!   `£1.2m`, `12 (4%)`, `308 [p]`, `[x]`) is a column of figures: its cells
//!   and its header get the class `num`, which the stylesheet right-aligns.
//!   An alignment the author wrote (`|--:|`) wins, as a class (a page has no
//!   inline styles).
//! - A period label in a header cell (`Q1 2023-24`, `2022-23`, `June 2023`)
//!   is wrapped in `<span class="period">`, which the stylesheet keeps on one
//!   line: the text itself is left alone, so screen readers and copying get
//!   the label as written.

mod caption;

use super::fill;
use crate::content::tokens::{GAP, TOKEN_END, TOKEN_START};
use crate::escape::escape;
use caption::{caption_after, caption_before, caption_content};
use pulldown_cmark::{Alignment, CowStr, Event, Tag, TagEnd};
use regex::Regex;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

/// One figure: a sign, a currency, digits (with thousands separators), a
/// decimal part and a unit; or a GSS symbol (`[x]`, `[low]`, `[note 1]`);
/// or a figure in brackets after another (`12 (4%)`).
const FIGURE: &str = r"[+\-−±]?[£$€]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:%| ?pp|k|m|bn)?";
const SYMBOL: &str = r"\[[a-z][a-z0-9 ]{0,9}\]";

static FIGURES: LazyLock<Regex> = LazyLock::new(|| {
    let item = format!(r"(?:{FIGURE}|{SYMBOL}|\({FIGURE}\))");
    // A dash or two dots alone stand for no figure, as in published tables.
    Regex::new(&format!(r"^(?:{item}(?:\s+{item})*|[-–—]|\.\.)$")).expect("valid pattern")
});

/// A month, quarter or financial year as outturn and authors write them.
const PERIOD: &str = r"(?:(?:Q[1-4]\s)?\d{4}[-/]\d{2}(?:\sQ[1-4])?|(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\s\d{4})";

static PERIODS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b{PERIOD}\b")).expect("valid pattern"));
static WHOLE_PERIOD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^{PERIOD}$")).expect("valid pattern"));

/// Whether a cell's text is a figure, or figures and symbols, or stands for
/// a missing one.
pub(super) fn is_figure(text: &str) -> bool {
    let text = text.trim().replace(['\u{a0}', '\u{202f}'], " ");
    !text.is_empty() && FIGURES.is_match(&text)
}

/// Replaces each table in `events`, and the paragraph that captions it, with
/// the table's HTML. `labels` name the regions of tables without a caption,
/// one for each table in order; `used` are the ids the page has taken.
pub(super) fn render<'a>(
    events: Vec<Event<'a>>,
    labels: &[String],
    texts: &[String],
    used: &mut HashSet<String>,
) -> Vec<Event<'a>> {
    let tables = table_ranges(&events);
    if tables.is_empty() {
        return events;
    }
    let captions = captions(&events, &tables);
    let mut out = Vec::with_capacity(events.len());
    let mut next_table = 0;
    let mut i = 0;
    while i < events.len() {
        if let Some(caption) = captions.iter().flatten().find(|r| r.start == i) {
            i = caption.end;
            continue;
        }
        if next_table < tables.len() && tables[next_table].start == i {
            let table = &tables[next_table];
            let caption = captions[next_table]
                .as_ref()
                .map(|r| caption_content(&events[r.clone()]));
            let label = labels.get(next_table).map_or("Table", String::as_str);
            out.extend(table_events(
                &events[table.clone()],
                next_table + 1,
                caption,
                label,
                texts,
                used,
            ));
            i = table.end;
            next_table += 1;
            continue;
        }
        out.push(events[i].clone());
        i += 1;
    }
    out
}

/// Each table's caption paragraph, if it has one. Captions before a table
/// first, so that one between two tables goes to the table after it; then
/// captions after tables left without one.
fn captions(events: &[Event<'_>], tables: &[Range<usize>]) -> Vec<Option<Range<usize>>> {
    let mut captions: Vec<Option<Range<usize>>> = tables
        .iter()
        .map(|t| caption_before(events, t.start))
        .collect();
    let mut taken: HashSet<usize> = captions.iter().flatten().map(|r| r.start).collect();
    for (k, table) in tables.iter().enumerate() {
        if captions[k].is_none()
            && let Some(after) = caption_after(events, table.end)
            && taken.insert(after.start)
        {
            captions[k] = Some(after);
        }
    }
    captions
}

/// Where each table in `markdown` that has no `Table:` caption starts, in
/// bytes from the start.
pub(super) fn uncaptioned(markdown: &str) -> Vec<usize> {
    let (events, offsets): (Vec<Event<'_>>, Vec<Range<usize>>) =
        pulldown_cmark::Parser::new_ext(markdown, super::OPTIONS)
            .into_offset_iter()
            .unzip();
    let tables = table_ranges(&events);
    captions(&events, &tables)
        .iter()
        .zip(&tables)
        .filter(|(caption, _)| caption.is_none())
        .map(|(_, table)| offsets[table.start].start)
        .collect()
}

/// Each table's events, from its start to just after its end.
fn table_ranges(events: &[Event<'_>]) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = None;
    for (i, event) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::Table(_)) => start = Some(i),
            Event::End(TagEnd::Table) => {
                if let Some(s) = start.take() {
                    ranges.push(s..i + 1);
                }
            }
            _ => {}
        }
    }
    ranges
}

/// A table's cells, as events, row by row; the header row first.
struct Grid<'e, 'a> {
    alignments: &'e [Alignment],
    head: Vec<&'e [Event<'a>]>,
    rows: Vec<Vec<&'e [Event<'a>]>>,
}

fn grid<'e, 'a>(table: &'e [Event<'a>]) -> Grid<'e, 'a> {
    let Event::Start(Tag::Table(alignments)) = &table[0] else {
        unreachable!("a table's events start with the table")
    };
    let mut head = Vec::new();
    let mut rows: Vec<Vec<&[Event<'a>]>> = Vec::new();
    let mut in_head = false;
    let mut cell_start = 0;
    for (i, event) in table.iter().enumerate() {
        match event {
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => cell_start = i + 1,
            Event::End(TagEnd::TableCell) => {
                let cell = &table[cell_start..i];
                match rows.last_mut() {
                    Some(row) if !in_head => row.push(cell),
                    _ => head.push(cell),
                }
            }
            _ => {}
        }
    }
    Grid {
        alignments,
        head,
        rows,
    }
}

/// The class each column's cells get: the author's alignment, or `num` for
/// a column of figures. The first column holds the rows' headers.
fn column_classes(grid: &Grid<'_, '_>, texts: &[String]) -> Vec<Option<&'static str>> {
    (0..grid.head.len())
        .map(|c| {
            let figures = c > 0 && {
                let cells: Vec<String> = grid
                    .rows
                    .iter()
                    .filter_map(|row| row.get(c))
                    .map(|cell| fill(&super::plain_text(cell), texts, false))
                    .filter(|text| !text.trim().is_empty())
                    .collect();
                !cells.is_empty() && cells.iter().all(|t| is_figure(t))
            };
            match grid.alignments.get(c) {
                Some(Alignment::Center) => Some("align-center"),
                Some(Alignment::Right) if figures => Some("num"),
                Some(Alignment::Right) => Some("align-right"),
                Some(Alignment::Left) => None,
                _ if figures => Some("num"),
                _ => None,
            }
        })
        .collect()
}

/// A table as events: its markup as HTML, and its cells' and caption's
/// content as the events they are, so that the page's one writer renders
/// them (a footnote referred to in a cell is numbered with the rest).
struct Markup<'a> {
    events: Vec<Event<'a>>,
    html: String,
}

impl<'a> Markup<'a> {
    fn tag(&mut self, html: &str) {
        self.html.push_str(html);
    }

    fn content(&mut self, events: impl IntoIterator<Item = Event<'a>>) {
        self.flush();
        self.events.extend(events);
    }

    fn flush(&mut self) {
        if !self.html.is_empty() {
            let html = std::mem::take(&mut self.html);
            self.events.push(Event::Html(CowStr::from(html)));
        }
    }

    fn finish(mut self) -> Vec<Event<'a>> {
        self.flush();
        self.events
    }

    /// A cell: `tag` is the opening tag's name and attributes.
    fn cell(
        &mut self,
        tag: &str,
        class: Option<&str>,
        cell: &[Event<'a>],
        periods: Option<&[String]>,
    ) {
        match class {
            Some(class) => self.tag(&format!("<{tag} class=\"{class}\">")),
            None => self.tag(&format!("<{tag}>")),
        }
        match periods {
            Some(texts) => self.content(cell.iter().flat_map(|e| mark_periods(e, texts))),
            None => self.content(cell.iter().cloned()),
        }
        self.tag(&format!("</{}>", tag.split(' ').next().unwrap_or(tag)));
    }
}

fn table_events<'a>(
    table: &[Event<'a>],
    number: usize,
    caption: Option<Vec<Event<'a>>>,
    label: &str,
    texts: &[String],
    used: &mut HashSet<String>,
) -> Vec<Event<'a>> {
    let grid = grid(table);
    let classes = column_classes(&grid, texts);
    let mut out = Markup {
        events: Vec::with_capacity(table.len() + 16),
        html: String::new(),
    };
    match caption {
        Some(caption) => {
            let id = super::unique_id(&format!("table-{number}-caption"), used);
            // Above the scrolling region, not a <caption> inside it: on a
            // phone it wraps to the screen instead of scrolling with a wide
            // table and being cut off. It names the region and the table.
            out.tag(&format!("<p class=\"table-caption\" id=\"{id}\">"));
            out.content(caption);
            out.tag(&format!(
                "</p>\n<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"{id}\" tabindex=\"0\">\n<table aria-labelledby=\"{id}\">\n"
            ));
        }
        None => out.tag(&format!(
            "<div class=\"table-wrap\" role=\"region\" aria-label=\"{}\" tabindex=\"0\">\n<table>\n",
            escape(label)
        )),
    }
    out.tag("<thead>\n<tr>");
    for (c, cell) in grid.head.iter().enumerate() {
        if c == 0 && super::plain_text(cell).is_empty() && !has_content(cell) {
            out.tag("<td></td>");
            continue;
        }
        out.cell("th scope=\"col\"", classes[c], cell, Some(texts));
    }
    out.tag("</tr>\n</thead>\n");
    if !grid.rows.is_empty() {
        out.tag("<tbody>\n");
        for row in &grid.rows {
            out.tag("<tr>");
            for (c, cell) in row.iter().enumerate() {
                let class = classes.get(c).copied().flatten();
                if c == 0 {
                    out.cell("th scope=\"row\"", class, cell, Some(texts));
                } else {
                    out.cell("td", class, cell, None);
                }
            }
            out.tag("</tr>\n");
        }
        out.tag("</tbody>\n");
    }
    out.tag("</table>\n</div>\n");
    out.finish()
}

fn has_content(cell: &[Event<'_>]) -> bool {
    cell.iter()
        .any(|e| !matches!(e, Event::Text(t) if t.trim().is_empty()))
}

/// A header's text with each period label in it wrapped in a span that
/// keeps it on one line; a placeholder is wrapped when its whole text is a
/// period label.
fn mark_periods<'a>(event: &Event<'a>, texts: &[String]) -> Vec<Event<'a>> {
    let Event::Text(text) = event else {
        return vec![event.clone()];
    };
    let mut out = Vec::new();
    let mut literal = String::new();
    let flush = |literal: &mut String, out: &mut Vec<Event<'a>>| {
        let mut copied = 0;
        for m in PERIODS.find_iter(literal) {
            out.push(Event::Text(CowStr::from(
                literal[copied..m.start()].to_string(),
            )));
            out.push(Event::InlineHtml(CowStr::from("<span class=\"period\">")));
            out.push(Event::Text(CowStr::from(m.as_str().to_string())));
            out.push(Event::InlineHtml(CowStr::from("</span>")));
            copied = m.end();
        }
        out.push(Event::Text(CowStr::from(literal[copied..].to_string())));
        literal.clear();
    };
    let mut rest: &str = text;
    while let Some(start) = rest.find(TOKEN_START) {
        literal.push_str(&rest[..start]);
        let after = &rest[start + TOKEN_START.len_utf8()..];
        let Some(end) = after.find(TOKEN_END) else {
            literal.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let token = &rest[start..start + TOKEN_START.len_utf8() + end + TOKEN_END.len_utf8()];
        let is_period = after[..end]
            .parse::<usize>()
            .ok()
            .and_then(|n| texts.get(n))
            .is_some_and(|t| WHOLE_PERIOD.is_match(t.trim_start_matches(GAP).trim()));
        if is_period {
            flush(&mut literal, &mut out);
            out.push(Event::InlineHtml(CowStr::from("<span class=\"period\">")));
            out.push(Event::Text(CowStr::from(token.to_string())));
            out.push(Event::InlineHtml(CowStr::from("</span>")));
        } else {
            literal.push_str(token);
        }
        rest = &after[end + TOKEN_END.len_utf8()..];
    }
    literal.push_str(rest);
    flush(&mut literal, &mut out);
    out.retain(|e| !matches!(e, Event::Text(t) if t.is_empty()));
    out
}

#[cfg(test)]
mod tests;
