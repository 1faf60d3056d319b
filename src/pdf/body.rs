//! A report's body, as its page shows it, read into the blocks the PDF's
//! template lays out: headings, paragraphs, lists, tables with their header
//! cells, and each chart with its caption, description and figures.
//!
//! The body is read from the HTML outturn writes for the page (Markdown,
//! placeholders and exhibits, already checked against the HTML policy), so
//! the PDF shows what the page shows and no second writer of the body can
//! drift from the first. Text stays text: it reaches the template as JSON
//! strings, never as typst markup.

use super::drawing::{self, Piece};
use html5gum::{DefaultEmitter, Token, Tokenizer};
use serde::Serialize;
use std::collections::BTreeMap;

/// A run of text in one style.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub(crate) struct Span {
    /// The text; a line break when empty and `br`.
    pub(crate) text: String,
    pub(crate) strong: bool,
    pub(crate) emph: bool,
    /// Raised: a note's number.
    pub(crate) sup: bool,
    /// A forced line break.
    pub(crate) br: bool,
}

/// Text in runs of one style each.
pub(crate) type Inlines = Vec<Span>;

/// One cell of a table.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Cell {
    pub(crate) text: Inlines,
    /// A header cell: a column's heading, or a row's.
    pub(crate) header: bool,
    /// A figure, aligned right.
    pub(crate) number: bool,
}

/// A table with its caption; `head` rows are repeated on each page.
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct Table {
    pub(crate) caption: String,
    pub(crate) head: Vec<Vec<Cell>>,
    pub(crate) rows: Vec<Vec<Cell>>,
}

/// A chart, drawn from its SVG file.
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct Chart {
    /// Its number among the charts drawn (`Figure 3`), or 0 for one figure
    /// shown as text.
    pub(crate) number: usize,
    /// What it shows, written from its figures; first in its caption.
    pub(crate) message: String,
    pub(crate) title: String,
    /// `April 2022 to June 2023`.
    pub(crate) range: String,
    /// `Source: SSDA903 return`.
    pub(crate) source: String,
    /// What the chart shows, for anyone who cannot see it: its SVG's title
    /// and description.
    pub(crate) alt: String,
    /// The SVG's path in the template's world: `/chart-1.svg`.
    pub(crate) svg: String,
    /// Its printed width in millimetres: the text's, or less for a tall
    /// chart, so that it fits on a page with its caption.
    pub(crate) width: f64,
    /// The pieces it prints in, a page each at most (see [`drawing::size`]).
    pub(crate) pieces: Vec<Piece>,
    /// One figure shown as text rather than drawn.
    pub(crate) single: Inlines,
    /// The blocks under it on the page: its key and notes.
    pub(crate) below: Vec<Block>,
    /// Its figures as a table, printed at the end of the document.
    pub(crate) table: Table,
}

/// A block of the body.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub(crate) enum Block {
    /// A heading: 2 for the body's `h2`, as on the page.
    Heading {
        level: u8,
        text: Inlines,
    },
    Paragraph {
        text: Inlines,
    },
    /// A paragraph that names what follows it (`Notes`), kept on its page.
    Label {
        text: Inlines,
    },
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    /// A description list: the key to symbols.
    Terms {
        items: Vec<(Inlines, Inlines)>,
    },
    Quote {
        blocks: Vec<Block>,
    },
    Table {
        table: Table,
    },
    Chart {
        chart: Box<Chart>,
    },
    Rule,
}

/// An element read from the body's HTML.
#[derive(Debug, Default)]
struct Element {
    name: String,
    attributes: BTreeMap<String, String>,
    children: Vec<Node>,
}

#[derive(Debug)]
enum Node {
    Element(Element),
    Text(String),
    /// An inline SVG, as written: its index in the body's SVGs.
    Svg(usize),
}

/// Elements that have no end tag.
const VOID: [&str; 10] = [
    "br", "img", "hr", "wbr", "input", "meta", "link", "col", "source", "area",
];

/// The body's blocks, and each chart's SVG markup (the chart `/chart-N.svg`
/// is the Nth, from 1).
pub(crate) fn read(html: &str) -> (Vec<Block>, Vec<String>) {
    let (root, svgs) = parse(html);
    let mut reader = Reader {
        svgs: &svgs,
        charts: Vec::new(),
    };
    let blocks = reader.blocks(&root.children);
    let charts = reader.charts;
    (blocks, charts)
}

/// The HTML as a tree of elements; each top-level `<svg>` is kept as it was
/// written, for typst to draw.
fn parse(html: &str) -> (Element, Vec<String>) {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let mut stack: Vec<Element> = vec![Element::default()];
    let mut svgs = Vec::new();
    // While inside an <svg>: where it started, and how many are open.
    let mut svg: Option<(usize, usize)> = None;
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if let Some((start, depth)) = svg {
                    let nested = usize::from(name == "svg" && !tag.self_closing);
                    svg = Some((start, depth + nested));
                    continue;
                }
                if name == "svg" {
                    svg = Some((tag.span.start, 1));
                    continue;
                }
                let element = Element {
                    attributes: tag
                        .attributes
                        .iter()
                        .map(|(k, v)| {
                            (
                                String::from_utf8_lossy(k).to_string(),
                                String::from_utf8_lossy(&v.value).to_string(),
                            )
                        })
                        .collect(),
                    name,
                    children: Vec::new(),
                };
                if tag.self_closing || VOID.contains(&element.name.as_str()) {
                    push(&mut stack, Node::Element(element));
                } else {
                    stack.push(element);
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if let Some((start, depth)) = svg {
                    if name == "svg" {
                        if depth == 1 {
                            svgs.push(html[start..tag.span.end].to_string());
                            push(&mut stack, Node::Svg(svgs.len() - 1));
                            svg = None;
                        } else {
                            svg = Some((start, depth - 1));
                        }
                    }
                    continue;
                }
                // Close up to the element this ends; an end tag with no start is ignored.
                if let Some(open) = stack.iter().rposition(|e| e.name == name)
                    && open > 0
                {
                    while stack.len() > open {
                        let element = stack.pop().unwrap_or_default();
                        push(&mut stack, Node::Element(element));
                    }
                }
            }
            Token::String(text) if svg.is_none() => {
                push(
                    &mut stack,
                    Node::Text(String::from_utf8_lossy(&text).to_string()),
                );
            }
            _ => {}
        }
    }
    while stack.len() > 1 {
        let element = stack.pop().unwrap_or_default();
        push(&mut stack, Node::Element(element));
    }
    (stack.pop().unwrap_or_default(), svgs)
}

fn push(stack: &mut [Element], node: Node) {
    if let Some(parent) = stack.last_mut() {
        parent.children.push(node);
    }
}

impl Element {
    fn class(&self, class: &str) -> bool {
        self.attributes
            .get("class")
            .is_some_and(|c| c.split_ascii_whitespace().any(|c| c == class))
    }

    /// Its child elements named `name`, at any depth.
    fn find_all<'e>(&'e self, name: &str, found: &mut Vec<&'e Element>) {
        for child in &self.children {
            if let Node::Element(e) = child {
                if e.name == name {
                    found.push(e);
                } else {
                    e.find_all(name, found);
                }
            }
        }
    }

    fn first(&self, name: &str) -> Option<&Element> {
        let mut found = Vec::new();
        self.find_all(name, &mut found);
        found.into_iter().next()
    }

    /// Its text, with spaces collapsed.
    fn text(&self) -> String {
        let mut text = String::new();
        let mut spans = Vec::new();
        inlines_into(&self.children, Style::default(), &mut spans);
        for span in spans {
            text.push_str(&span.text);
        }
        collapse(&text)
    }
}

/// `a  b\n c` → `a b c`.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Debug, Clone, Copy, Default)]
struct Style {
    strong: bool,
    emph: bool,
    sup: bool,
}

/// The runs of text in `nodes`, collapsing white space as a browser does.
fn inlines(nodes: &[Node]) -> Inlines {
    let mut spans = Vec::new();
    inlines_into(nodes, Style::default(), &mut spans);
    // Collapse white space across runs, and trim the ends.
    let mut out: Inlines = Vec::new();
    let mut space_before = true;
    for span in spans {
        if span.br {
            out.push(span);
            space_before = true;
            continue;
        }
        let mut text = String::new();
        for c in span.text.chars() {
            if c.is_whitespace() && c != '\u{a0}' {
                if !space_before {
                    text.push(' ');
                }
                space_before = true;
            } else {
                text.push(c);
                space_before = false;
            }
        }
        if text.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last)
                if !last.br
                    && (last.strong, last.emph, last.sup) == (span.strong, span.emph, span.sup) =>
            {
                last.text.push_str(&text)
            }
            _ => out.push(Span { text, ..span }),
        }
    }
    if let Some(last) = out.last_mut() {
        let trimmed = last.text.trim_end().len();
        last.text.truncate(trimmed);
    }
    out.retain(|s| s.br || !s.text.is_empty());
    out
}

fn inlines_into(nodes: &[Node], style: Style, out: &mut Inlines) {
    for node in nodes {
        match node {
            Node::Text(text) => out.push(Span {
                text: text.clone(),
                strong: style.strong,
                emph: style.emph,
                sup: style.sup,
                br: false,
            }),
            Node::Svg(_) => {}
            Node::Element(e) => {
                if hidden(e) {
                    continue;
                }
                match e.name.as_str() {
                    "br" => out.push(Span {
                        br: true,
                        ..Span::default()
                    }),
                    "img" => {
                        let alt = e.attributes.get("alt").map_or("", String::as_str);
                        out.push(Span {
                            text: alt.to_string(),
                            ..Span::default()
                        });
                    }
                    "strong" | "b" | "th" => inlines_into(
                        &e.children,
                        Style {
                            strong: true,
                            ..style
                        },
                        out,
                    ),
                    "em" | "i" | "cite" => inlines_into(
                        &e.children,
                        Style {
                            emph: true,
                            ..style
                        },
                        out,
                    ),
                    "sup" => inlines_into(&e.children, Style { sup: true, ..style }, out),
                    _ => inlines_into(&e.children, style, out),
                }
            }
        }
    }
}

/// What the page shows only on screen, or only to a screen reader beside
/// what the PDF says anyway: download links, a disclosure's summary, the
/// link to an indicator's page.
fn hidden(e: &Element) -> bool {
    e.name == "summary"
        || e.name == "script"
        || e.name == "style"
        || (e.name == "a" && (e.attributes.contains_key("download") || e.class("chart-about")))
        || e.class("visually-hidden")
        || e.class("screen-only")
}

/// Block-level elements: a run of inline content between them is a paragraph.
const BLOCKS: [&str; 22] = [
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "dl",
    "table",
    "figure",
    "div",
    "section",
    "blockquote",
    "details",
    "hr",
    "pre",
    "aside",
    "article",
    "header",
    "footer",
];

struct Reader<'s> {
    svgs: &'s [String],
    /// The SVG of each chart read so far.
    charts: Vec<String>,
}

impl Reader<'_> {
    fn blocks(&mut self, nodes: &[Node]) -> Vec<Block> {
        let mut blocks = Vec::new();
        let mut inline: Vec<&Node> = Vec::new();
        // A caption written as a paragraph before its table, as the page does.
        let mut caption: Option<String> = None;
        for node in nodes {
            let block_element = match node {
                Node::Element(e) if !hidden(e) && BLOCKS.contains(&e.name.as_str()) => Some(e),
                Node::Element(e) if hidden(e) => continue,
                _ => None,
            };
            let Some(e) = block_element else {
                inline.push(node);
                continue;
            };
            self.flush(&mut inline, &mut blocks);
            if e.name == "p" && e.class("table-caption") {
                caption = Some(e.text());
                continue;
            }
            self.block(e, &mut caption, &mut blocks);
        }
        self.flush(&mut inline, &mut blocks);
        blocks
    }

    fn flush(&self, inline: &mut Vec<&Node>, blocks: &mut Vec<Block>) {
        if inline.is_empty() {
            return;
        }
        let nodes: Vec<Node> = inline.drain(..).map(copy).collect();
        let text = inlines(&nodes);
        if !text.is_empty() {
            blocks.push(Block::Paragraph { text });
        }
    }

    fn block(&mut self, e: &Element, caption: &mut Option<String>, blocks: &mut Vec<Block>) {
        match e.name.as_str() {
            "p" if e.class("figure-notes-title") => blocks.push(Block::Label {
                text: inlines(&e.children),
            }),
            "p" | "pre" => {
                let text = inlines(&e.children);
                if !text.is_empty() {
                    blocks.push(Block::Paragraph { text });
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = e.name[1..].parse().unwrap_or(2);
                blocks.push(Block::Heading {
                    level,
                    text: inlines(&e.children),
                });
            }
            "ul" | "ol" => {
                let items = e
                    .children
                    .iter()
                    .filter_map(|n| match n {
                        Node::Element(li) if li.name == "li" => Some(self.blocks(&li.children)),
                        _ => None,
                    })
                    .collect();
                blocks.push(Block::List {
                    ordered: e.name == "ol",
                    items,
                });
            }
            "dl" => blocks.push(Block::Terms { items: terms(e) }),
            "blockquote" => blocks.push(Block::Quote {
                blocks: self.blocks(&e.children),
            }),
            "hr" => blocks.push(Block::Rule),
            "table" => blocks.push(Block::Table {
                table: table(e, caption.take().unwrap_or_default()),
            }),
            // A table written by `table()`: its caption is the paragraph before.
            "div" if e.class("table-wrap") => {
                if let Some(t) = e.first("table") {
                    blocks.push(Block::Table {
                        table: table(t, caption.take().unwrap_or_default()),
                    });
                }
            }
            // A footnote: its number, then its text.
            "div" if e.class("footnote-definition") => {
                let mut inner = self.blocks(&e.children);
                if let [
                    Block::Paragraph { text: label },
                    Block::Paragraph { text },
                    ..,
                ] = inner.as_mut_slice()
                {
                    let mut joined = std::mem::take(label);
                    joined.push(Span {
                        text: " ".into(),
                        ..Span::default()
                    });
                    joined.append(text);
                    inner.remove(0);
                    inner[0] = Block::Paragraph { text: joined };
                }
                blocks.extend(inner);
            }
            "figure" if e.class("chart-figure") => {
                let chart = self.chart(e);
                blocks.push(Block::Chart {
                    chart: Box::new(chart),
                });
            }
            _ => blocks.extend(self.blocks(&e.children)),
        }
    }

    /// A chart's figure: its caption, its drawing, what is under it, and
    /// its table.
    fn chart(&mut self, e: &Element) -> Chart {
        let mut chart = Chart::default();
        let mut rest: Vec<Node> = Vec::new();
        for child in &e.children {
            match child {
                Node::Element(c) if c.name == "figcaption" => {
                    let part = |class: &str| {
                        let mut spans = Vec::new();
                        c.find_all("span", &mut spans);
                        spans
                            .into_iter()
                            .find(|s| s.class(class))
                            .map(Element::text)
                            .unwrap_or_default()
                    };
                    chart.message = part("chart-message");
                    chart.title = part("chart-title");
                    chart.range = part("chart-range");
                    chart.source = part("chart-source");
                }
                Node::Element(c) if c.name == "details" => {
                    let caption = c
                        .first("p")
                        .filter(|p| p.class("table-caption"))
                        .map(Element::text)
                        .unwrap_or_default();
                    if let Some(t) = c.first("table") {
                        chart.table = table(t, caption);
                    }
                }
                Node::Element(c) if c.name == "p" && c.class("single-figure") => {
                    chart.single = inlines(&c.children);
                }
                Node::Svg(index) if chart.svg.is_empty() => {
                    let svg = &self.svgs[*index];
                    chart.alt = svg_alt(svg);
                    let size = drawing::size(svg);
                    chart.width = size.width;
                    chart.pieces = size.pieces;
                    self.charts.push(svg.clone());
                    chart.number = self.charts.len();
                    chart.svg = format!("/chart-{}.svg", chart.number);
                }
                // The narrow drawing, for phones, says what the wide one does.
                Node::Svg(_) => {}
                other => rest.push(copy(other)),
            }
        }
        chart.below = self.blocks(&rest);
        chart
    }
}

/// A copy of a node, to read it again among others.
fn copy(node: &Node) -> Node {
    match node {
        Node::Text(t) => Node::Text(t.clone()),
        Node::Svg(i) => Node::Svg(*i),
        Node::Element(e) => Node::Element(Element {
            name: e.name.clone(),
            attributes: e.attributes.clone(),
            children: e.children.iter().map(copy).collect(),
        }),
    }
}

fn terms(dl: &Element) -> Vec<(Inlines, Inlines)> {
    let mut dts = Vec::new();
    dl.find_all("dt", &mut dts);
    let mut dds = Vec::new();
    dl.find_all("dd", &mut dds);
    dts.iter()
        .zip(dds)
        .map(|(dt, dd)| (inlines(&dt.children), inlines(&dd.children)))
        .collect()
}

/// A table's rows: those in `thead` (or of header cells only, before any
/// other) are its head.
fn table(e: &Element, caption: String) -> Table {
    let mut rows = Vec::new();
    e.find_all("tr", &mut rows);
    let mut head_rows = Vec::new();
    if let Some(thead) = e.first("thead") {
        thead.find_all("tr", &mut head_rows);
    }
    let mut table = Table {
        caption,
        ..Table::default()
    };
    for row in rows {
        let cells: Vec<Cell> = row
            .children
            .iter()
            .filter_map(|n| match n {
                Node::Element(c) if c.name == "th" || c.name == "td" => Some(Cell {
                    text: inlines(&c.children),
                    header: c.name == "th",
                    number: c.class("num")
                        || c.attributes
                            .get("style")
                            .is_some_and(|s| s.contains("text-align: right")),
                }),
                _ => None,
            })
            .collect();
        let in_head = head_rows.iter().any(|h| std::ptr::eq(*h, row))
            || (table.rows.is_empty() && cells.iter().all(|c| c.header));
        if in_head {
            table.head.push(cells);
        } else {
            table.rows.push(cells);
        }
    }
    table.turned_if_wide()
}

/// An A4 page's text width (170 mm, report.typ's margins) in points.
const PAGE_POINTS: f64 = 482.0;

/// The type a table of `width` columns is set in, in points: report.typ's
/// `figures-table` sets a table of more than 6 columns a point smaller.
fn type_size(width: usize) -> f64 {
    if width > 6 { 10.0 } else { 11.0 }
}

/// How wide a column must be at least, in ems: its longest word (a heading
/// breaks between words, never within one) in bold at about 0.6 em a
/// character, and the cell's inset (5 pt each side).
fn least_width<'a>(column: impl Iterator<Item = &'a Cell>, size: f64) -> f64 {
    let longest = column
        .flat_map(|cell| {
            let text: String = (cell.text.iter())
                .map(|span| if span.br { " " } else { span.text.as_str() })
                .collect();
            text.split_whitespace()
                .map(|word| word.chars().count())
                .max()
        })
        .max()
        .unwrap_or(0);
    longest as f64 * 0.6 + 10.0 / size
}

/// Whether `table`, a grid of `width` columns, fits across the page without
/// a word running into the next column. The widths are estimates: 0.6 em is
/// a little more than Liberation Sans Bold's lower case and figures take
/// (about 0.55 em), a little less than its capitals (about 0.7 em).
fn fits(table: &Table, width: usize) -> bool {
    let size = type_size(width);
    let rows = || table.head.iter().chain(&table.rows);
    let least: f64 = (0..width)
        .map(|column| least_width(rows().filter_map(|row| row.get(column)), size))
        .sum();
    least <= PAGE_POINTS / size
}

impl Table {
    /// The table as printed: one whose words cannot all fit across the page
    /// is turned, its columns printed as rows (as a chart's side-by-side
    /// table reads), when turned it fits, so that no heading runs into the
    /// next. Only a plain grid is turned: one row of headings and at least
    /// one row under it, every row as long, opening with its heading and
    /// with no other. The corner named the rows, which are now the columns:
    /// it is left empty, and is not a heading.
    fn turned_if_wide(self) -> Table {
        let [head] = &self.head[..] else {
            return self;
        };
        let width = head.len();
        let plain = !self.rows.is_empty()
            && self.rows.iter().all(|row| {
                row.len() == width && row[0].header && row[1..].iter().all(|cell| !cell.header)
            });
        if !plain || fits(&self, width) {
            return self;
        }
        let heading = |cell: &Cell, number: bool| Cell {
            text: cell.text.clone(),
            header: true,
            number,
        };
        let corner = Cell {
            text: Vec::new(),
            header: false,
            number: false,
        };
        let turned_head = std::iter::once(corner)
            .chain(self.rows.iter().map(|row| {
                let figures = row[1..].iter().all(|c| c.number);
                heading(&row[0], figures)
            }))
            .collect();
        let rows = (1..width)
            .map(|column| {
                std::iter::once(heading(&head[column], false))
                    .chain(self.rows.iter().map(|row| row[column].clone()))
                    .collect()
            })
            .collect();
        let turned = Table {
            caption: self.caption.clone(),
            head: vec![turned_head],
            rows,
        };
        if fits(&turned, self.rows.len() + 1) {
            turned
        } else {
            self
        }
    }
}

/// An SVG's accessible text: its `<title>` and its `<desc>`.
fn svg_alt(svg: &str) -> String {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let mut parts: Vec<String> = Vec::new();
    let mut open: Option<String> = None;
    let mut text = String::new();
    for token in Tokenizer::new_with_emitter(svg, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if (name == "title" || name == "desc") && open.is_none() {
                    open = Some(name);
                    text.clear();
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if open.as_deref() == Some(name.as_str()) {
                    parts.push(collapse(&text));
                    open = None;
                }
            }
            Token::String(s) if open.is_some() => text.push_str(&String::from_utf8_lossy(&s)),
            _ => {}
        }
    }
    parts.retain(|p| !p.is_empty());
    parts.dedup();
    parts.join(" ")
}
