//! Markdown to HTML: CommonMark with tables and footnotes, plus what an
//! accessible page needs and plain CommonMark does not give.
//!
//! - Headings get ids (for the contents list and links to sections) and start at
//!   `h2`, since the page's title is its only `h1`.
//! - Tables scroll inside a focusable, labelled region, so a wide table never
//!   widens the page on a phone, and read as well as generated ones: a
//!   caption, row and column headers, figures aligned right ([`tables`]).
//! - Links written from the site root (`/about/`) become relative to the page,
//!   so the site works from any sub-path and from disk.

mod tables;

use crate::templates::views::TocEntry;
use memchr::memmem;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use std::borrow::Cow;
use std::collections::HashSet;

/// A page body as HTML.
#[derive(Debug, Clone)]
pub struct Html {
    /// The HTML.
    pub html: String,
    /// Its `h2` and `h3` headings.
    pub toc: Vec<TocEntry>,
}

/// Ids the theme uses; headings never take them.
const RESERVED_IDS: [&str; 6] = [
    "main",
    "contents-title",
    "symbols-title",
    "key-figures-title",
    "top",
    "content",
];

/// The Markdown extensions a body may use: the same for converting it and
/// for checking its raw HTML ([`super::html_policy`]).
pub(super) const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH);

/// A warning from `outturn check` for each Markdown table in `document`
/// without a `Table:` caption: a caption names the table to a screen reader
/// and in print, where a heading far above may not.
pub fn uncaptioned_tables(document: &super::Document) -> Vec<crate::problem::Problem> {
    let body = &document.body;
    tables::uncaptioned(body)
        .into_iter()
        .map(|at| {
            let before = &body[..at];
            let line = document.body_line + before.matches('\n').count();
            let line_start = before.rfind('\n').map_or(0, |n| n + 1);
            let column = before[line_start..].chars().count() + 1;
            crate::problem::Problem::warning(
                crate::problem::Id::TableCaption,
                &document.file,
                "this table has no caption",
            )
            .at(line, column)
            .help(
                "say what it shows in a paragraph just before it that starts `Table:` \
                     (`Table: Children entering care by age`); it becomes the table's caption",
            )
        })
        .collect()
}

/// Converts `markdown` for a page whose path to the site root is `root`
/// (`../../`).
///
/// `texts` are the placeholders' texts, marked in `markdown` by
/// [`super::tokens::TOKEN_START`]; each is put back, escaped, into the HTML.
pub fn to_html(markdown: &str, root: &str, texts: &[String], blocks: &[String]) -> Html {
    let mut events: Vec<Event<'_>> = Parser::new_ext(markdown, OPTIONS).collect();
    let shift = if events.iter().any(|e| {
        matches!(
            e,
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            })
        )
    }) {
        1
    } else {
        0
    };
    let mut used: HashSet<String> = RESERVED_IDS.iter().map(|s| s.to_string()).collect();
    let mut toc = Vec::new();
    let mut out: Vec<Event<'_>> = Vec::with_capacity(events.len() + 8);
    let mut last_heading = String::new();
    // What names each table's scrolling region if it has no caption.
    let mut table_labels = Vec::new();
    let mut i = 0;
    while i < events.len() {
        match &mut events[i] {
            Event::Start(Tag::Heading { .. }) => {
                let end = events[i..]
                    .iter()
                    .position(|e| matches!(e, Event::End(TagEnd::Heading(_))))
                    .map_or(events.len(), |p| i + p);
                let text = fill(&plain_text(&events[i + 1..end]), texts, false);
                let Event::Start(Tag::Heading { level, id, .. }) = &mut events[i] else {
                    unreachable!()
                };
                let new_level = demote(*level, shift);
                *level = new_level;
                let wanted = id
                    .as_deref()
                    .map(str::to_string)
                    .unwrap_or_else(|| slug(&text));
                let unique = unique_id(&wanted, &mut used);
                *id = Some(CowStr::from(unique.clone()));
                let n = new_level as u8;
                if n <= 3 {
                    toc.push(TocEntry {
                        id: unique,
                        text: text.clone(),
                        level: n,
                    });
                }
                last_heading = text;
                out.push(events[i].clone());
            }
            Event::End(TagEnd::Heading(level)) => {
                *level = demote(*level, shift);
                out.push(events[i].clone());
            }
            Event::Start(Tag::Table(_)) => {
                table_labels.push(if last_heading.is_empty() {
                    format!("Table {}", table_labels.len() + 1)
                } else {
                    format!("Table: {}", last_heading)
                });
                out.push(events[i].clone());
            }
            // What a file allows is for its authors, not its readers.
            Event::Html(html) | Event::InlineHtml(html) if super::allow::is_comment(html) => {}
            Event::Html(html) => {
                let rewritten = relative_in_html(html, root).into_owned();
                out.push(Event::Html(CowStr::from(rewritten)));
            }
            Event::InlineHtml(html) => {
                let rewritten = relative_in_html(html, root).into_owned();
                out.push(Event::InlineHtml(CowStr::from(rewritten)));
            }
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => {
                if let Some(relative) = relative_url(dest_url, root) {
                    *dest_url = CowStr::from(relative);
                }
                out.push(events[i].clone());
            }
            _ => out.push(events[i].clone()),
        }
        i += 1;
    }
    let out = tables::render(out, &table_labels, texts, &mut used);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut html, out.into_iter());
    Html {
        html: put_blocks(fill(&html, texts, true), blocks, root),
        toc,
    }
}

/// Puts each chart's and table's HTML in place of its mark, which Markdown
/// passed through as a line of its own (or escaped, inside code).
fn put_blocks(html: String, blocks: &[String], root: &str) -> String {
    if blocks.is_empty() {
        return html;
    }
    let (open, close) = super::tokens::BLOCK_MARK;
    let mut out = String::with_capacity(html.len() + blocks.iter().map(String::len).sum::<usize>());
    // A mark on a line of its own (as Markdown passes a block through) loses
    // its line break: the block ends with its own. A mark that is not, as
    // from `{% set c = chart(…) %}…{{ c }}` inside a sentence, is replaced
    // all the same, so that a chart is never lost.
    let close_line = format!("{close}\n");
    let mut put = vec![false; blocks.len()];
    let mut copied = 0;
    for at in memmem::find_iter(html.as_bytes(), open) {
        let number = &html[at + open.len()..];
        let digits = number.bytes().take_while(u8::is_ascii_digit).count();
        let (mark_end, own_line) = if number[digits..].starts_with(&close_line) {
            (close_line.len(), true)
        } else if number[digits..].starts_with(close) {
            (close.len(), false)
        } else {
            continue;
        };
        let Some(n) = number[..digits]
            .parse::<usize>()
            .ok()
            .filter(|&n| n < blocks.len() && !put[n])
        else {
            continue;
        };
        out.push_str(&html[copied..at]);
        let block = relative_in_html(&blocks[n], root);
        out.push_str(if own_line { &block } else { block.trim_end() });
        copied = at + open.len() + digits + mark_end;
        put[n] = true;
    }
    out.push_str(&html[copied..]);
    // A mark inside code was escaped as code text: so is the block.
    let as_code = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    for (n, block) in blocks.iter().enumerate().filter(|(n, _)| !put[*n]) {
        out = out.replacen(
            &as_code(&format!("{open}{n}{close_line}")),
            &as_code(block),
            1,
        );
    }
    out
}

/// Puts each placeholder's text in place of its mark, HTML-escaped when
/// `escape`; a gap (the preview's stand-in for a missing figure) is marked.
pub(super) fn fill(marked: &str, texts: &[String], escape: bool) -> String {
    use super::tokens::{GAP, TOKEN_END, TOKEN_START};
    if !marked.contains(TOKEN_START) {
        return marked.to_string();
    }
    let mut out =
        String::with_capacity(marked.len() + texts.iter().map(String::len).sum::<usize>());
    let mut rest = marked;
    while let Some(start) = rest.find(TOKEN_START) {
        out.push_str(&rest[..start]);
        let after = &rest[start + TOKEN_START.len_utf8()..];
        let Some(end) = after.find(TOKEN_END) else {
            rest = &rest[start..];
            break;
        };
        match after[..end]
            .parse::<usize>()
            .ok()
            .and_then(|n| texts.get(n))
        {
            Some(text) if escape => match text.strip_prefix(GAP) {
                Some(gap) => {
                    out.push_str("<mark class=\"gap\">");
                    crate::escape::escape_into(&mut out, gap);
                    out.push_str("</mark>");
                }
                None => crate::escape::escape_into(&mut out, text),
            },
            Some(text) => out.push_str(text.trim_start_matches(GAP)),
            None => {}
        }
        rest = &after[end + TOKEN_END.len_utf8()..];
    }
    out.push_str(rest);
    out
}

fn demote(level: HeadingLevel, shift: usize) -> HeadingLevel {
    use HeadingLevel::*;
    const ORDER: [HeadingLevel; 6] = [H1, H2, H3, H4, H5, H6];
    let index = ORDER.iter().position(|l| *l == level).unwrap_or(0);
    ORDER[(index + shift).min(5)]
}

fn plain_text(events: &[Event<'_>]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text.trim().to_string()
}

/// `Children looked after (CLA)` → `children-looked-after-cla`.
pub fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        "section".into()
    } else {
        slug
    }
}

fn unique_id(wanted: &str, used: &mut HashSet<String>) -> String {
    // Charts and tables take `figure-1`, `figure-1-caption`…: headings never do.
    let wanted = if wanted.starts_with("figure-") {
        format!("section-{wanted}")
    } else {
        wanted.to_string()
    };
    let wanted = wanted.as_str();
    let mut id = wanted.to_string();
    let mut n = 2;
    while used.contains(&id) {
        id = format!("{wanted}-{n}");
        n += 1;
    }
    used.insert(id.clone());
    id
}

/// Raw HTML in a page may link from the site root too: `<a href="/about/">`.
fn relative_in_html<'h>(html: &'h str, root: &str) -> Cow<'h, str> {
    // Where each attribute's value starts, in one pass for each: a chart has
    // hundreds of attributes, and few of them are links.
    let mut starts: Vec<usize> = [" href=\"", " src=\""]
        .iter()
        .flat_map(|p| memmem::find_iter(html.as_bytes(), p).map(|i| i + p.len()))
        .collect();
    starts.sort_unstable();
    if !starts.iter().any(|&s| html[s..].starts_with('/')) {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    for start in starts {
        if start < copied {
            continue;
        }
        let end = html[start..].find('"').map_or(html.len(), |e| start + e);
        let url = &html[start..end];
        if let Some(relative) = relative_url(url, root) {
            out.push_str(&html[copied..start]);
            out.push_str(&relative);
            copied = end;
        }
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// `/about/` from a page two levels down → `../../about/index.html`.
fn relative_url(url: &str, root: &str) -> Option<String> {
    let path = url
        .strip_prefix('/')
        .filter(|rest| !rest.starts_with('/'))?;
    let (path, fragment) = match path.split_once('#') {
        Some((p, f)) => (p, format!("#{f}")),
        None => (path, String::new()),
    };
    let index = if path.is_empty() || path.ends_with('/') {
        "index.html"
    } else {
        ""
    };
    Some(format!("{root}{path}{index}{fragment}"))
}

#[cfg(test)]
mod tests;
