//! What raw HTML a report or page may contain: what a page needs to read
//! well, and nothing that runs, loads or restyles. No page needs JavaScript,
//! and a site is published under the council's name, so script, event
//! handlers, `javascript:` links, embedded content and inline styles are
//! errors at their file and line, not published as written.
//!
//! The check reads the body as it will be published: after its placeholders
//! are evaluated, with each placeholder's text in place. So a tag split by a
//! placeholder or a template tag (`<scr{{ "" }}ipt>`) is seen whole. The
//! HTML is read by a WHATWG tokenizer, so entities (`&#106;avascript:`),
//! odd spacing and upper case are read as a browser reads them.
//!
//! Allowed: the elements in [`ELEMENTS`], with the attributes in
//! [`GLOBAL_ATTRIBUTES`] (and `aria-*`, `data-*`) or [`element_attributes`];
//! links and images to `http:`, `https:`, `mailto:`, `tel:` or a relative
//! address, and images also as `data:image/png` (or gif, jpeg, webp).

use super::markdown::{OPTIONS, fill};
use crate::problem::{Problem, line_col};
use html5gum::{DefaultEmitter, Error as HtmlError, Token, Tokenizer};
use pulldown_cmark::{Event, Parser, Tag};
use std::ops::Range;
use std::path::Path;

mod allowed;

use allowed::URL_HELP;
pub use allowed::{
    ELEMENTS, GLOBAL_ATTRIBUTES, THEME_ID_PREFIXES, THEME_IDS, bad_url, element_attributes,
    theme_id,
};

/// The raw HTML and Markdown links of `markdown` (a body with its
/// placeholders evaluated, whose texts are `texts`) that break the policy,
/// each placed in `source`, the body as written, which starts at line
/// `first_line` of `file`.
pub fn check(
    file: &Path,
    source: &str,
    first_line: usize,
    markdown: &str,
    texts: &[String],
) -> Vec<Problem> {
    let mut found: Vec<Found> = Vec::new();
    // A block of HTML comes as one event a line: a tag may run over lines.
    let mut block = Chunk::default();
    for (event, range) in Parser::new_ext(markdown, OPTIONS).into_offset_iter() {
        match event {
            Event::Html(html) => block.push(&html, range.start),
            Event::InlineHtml(html) => {
                let mut inline = Chunk::default();
                inline.push(&html, range.start);
                inline.check(texts, &mut found);
            }
            Event::End(_) | Event::Start(_) if !block.text.is_empty() => {
                std::mem::take(&mut block).check(texts, &mut found);
                link(&event, &range, markdown, texts, &mut found);
            }
            _ => link(&event, &range, markdown, texts, &mut found),
        }
    }
    block.check(texts, &mut found);
    found
        .into_iter()
        .map(|f| f.problem(file, source, first_line, markdown))
        .collect()
}

/// A problem found in the evaluated body, not yet placed in the source.
struct Found {
    message: String,
    help: String,
    /// Where in the evaluated body.
    at: usize,
    /// Texts to look for in the source, best first.
    needles: Vec<String>,
}

impl Found {
    /// Places the problem in the source: the evaluated body's lines are the
    /// source's but for what placeholders and template tags made, so the
    /// offending text is looked for in the source, nearest that line.
    fn problem(self, file: &Path, source: &str, first_line: usize, markdown: &str) -> Problem {
        let (near, near_column) = line_col(markdown, self.at);
        let lower = source.to_ascii_lowercase();
        let place = self
            .needles
            .iter()
            .filter(|n| !n.trim().is_empty())
            .find_map(|needle| {
                let needle = needle.to_ascii_lowercase();
                lower
                    .match_indices(needle.as_str())
                    .map(|(i, _)| line_col(source, i))
                    .min_by_key(|(line, column)| {
                        (line.abs_diff(near), column.abs_diff(near_column))
                    })
            });
        let problem = Problem::error(file, self.message).help(self.help);
        match place {
            Some((line, column)) => problem.at(first_line + line - 1, column),
            None => {
                let lines = source.lines().count().max(1);
                problem.at_line(first_line + near.min(lines) - 1)
            }
        }
    }
}

/// Raw HTML that is read as one piece, with where each part of it came from.
#[derive(Default)]
struct Chunk {
    text: String,
    /// (offset in `text`, offset in the evaluated body) of each part.
    parts: Vec<(usize, usize)>,
}

impl Chunk {
    fn push(&mut self, html: &str, at: usize) {
        self.parts.push((self.text.len(), at));
        self.text.push_str(html);
    }

    /// Where `offset` in the filled text came from in the evaluated body.
    fn origin(&self, offset: usize) -> usize {
        self.parts
            .iter()
            .rev()
            .find(|(start, _)| *start <= offset)
            .map_or(0, |(start, at)| at + (offset - start))
    }

    fn check(self, texts: &[String], found: &mut Vec<Found>) {
        if self.text.is_empty() {
            return;
        }
        let html = fill(&self.text, texts, true);
        let mut emitter = DefaultEmitter::<usize>::new_with_span();
        emitter.naively_switch_states(true);
        let at = |span: Range<usize>| self.origin(span.start.min(self.text.len()));
        let raw =
            |span: &html5gum::Span<usize>| html.get(span.start..span.end).unwrap_or("").to_string();
        for token in Tokenizer::new_with_emitter(html.as_str(), emitter).flatten() {
            match token {
                Token::StartTag(tag) => {
                    let name = String::from_utf8_lossy(&tag.name).to_string();
                    let span = tag.span.start..tag.span.end;
                    if let Some(f) = element(&name, at(span.clone())) {
                        found.push(f);
                        continue;
                    }
                    for (attribute, value) in &tag.attributes {
                        let attribute = String::from_utf8_lossy(attribute).to_string();
                        let text = String::from_utf8_lossy(&value.value).to_string();
                        let place = at(value.span.start..value.span.end);
                        let written = raw(&value.span);
                        if let Some(f) = attribute_problem(&name, &attribute, &text, place, written)
                        {
                            found.push(f);
                        }
                    }
                }
                // A browser keeps the first of two attributes of one name,
                // and another reader may keep the last: the second is never
                // checked, so it is refused.
                Token::Error(error) if error.value == HtmlError::DuplicateAttribute => {
                    let written = attribute_text(&html, error.span.start);
                    let name = written
                        .split(|c: char| c == '=' || c.is_ascii_whitespace())
                        .next()
                        .unwrap_or("")
                        .to_ascii_lowercase();
                    found.push(Found {
                        message: format!("`{name}=` is written twice on one tag"),
                        help: "write each attribute once: a browser reads only the first, and the second is never checked".into(),
                        at: at(error.span.start..error.span.end),
                        needles: vec![written, name],
                    });
                }
                // An end tag alone does nothing; its start tag is reported.
                Token::Doctype(doctype) => found.push(Found {
                    message: "a `<!DOCTYPE>` has no place in a page's body".into(),
                    help: "take it out: the theme writes the page around the body".into(),
                    at: at(doctype.span.start..doctype.span.end),
                    needles: vec!["<!doctype".into()],
                }),
                Token::Error(error) if unfinished(&error.value) => found.push(Found {
                    message: "this HTML is not finished: a tag, comment or quote is left open"
                        .into(),
                    help: "close it (`>`, `-->` or the quote) before the blank line that ends the HTML".into(),
                    at: self.parts.first().map_or(0, |p| p.1),
                    needles: vec![self.text.lines().next().unwrap_or("").trim().to_string()],
                }),
                _ => {}
            }
        }
    }
}

/// An attribute as written from `start` in `html`: its name, and its value
/// if it has one (`href="javascript:x"`).
fn attribute_text(html: &str, start: usize) -> String {
    let rest = html.get(start..).unwrap_or("");
    let name_end = rest
        .find(|c: char| c == '=' || c == '>' || c == '/' || c.is_ascii_whitespace())
        .unwrap_or(rest.len());
    let after = &rest[name_end..];
    let Some(value) = after.trim_start().strip_prefix('=') else {
        return rest[..name_end].to_string();
    };
    let value = value.trim_start();
    let value_start = rest.len() - value.len();
    let end = match value.chars().next() {
        Some(quote @ ('"' | '\'')) => value[1..].find(quote).map_or(value.len(), |e| e + 2),
        _ => value
            .find(|c: char| c == '>' || c.is_ascii_whitespace())
            .unwrap_or(value.len()),
    };
    rest[..value_start + end].to_string()
}

/// A browser would read what follows the HTML as part of the open tag,
/// comment or quote, beyond what was checked.
fn unfinished(error: &HtmlError) -> bool {
    matches!(
        error,
        HtmlError::EofInTag
            | HtmlError::EofInComment
            | HtmlError::EofInDoctype
            | HtmlError::EofInCdata
            | HtmlError::EofInScriptHtmlCommentLikeText
            | HtmlError::EofBeforeTagName
    )
}

/// An element that is not allowed.
fn element(name: &str, at: usize) -> Option<Found> {
    // The page's title is its one `h1`; a body's Markdown headings start at
    // `h2`, and raw HTML must too, or the headings are out of order.
    if name == "h1" {
        return Some(Found {
            message: "`<h1>` is the page's title, and a page has one".into(),
            help: "start the body's headings at `<h2>` (or `##` in Markdown): the title is the page's only top-level heading".into(),
            at,
            needles: vec!["<h1".into()],
        });
    }
    if ELEMENTS.contains(&name) {
        return None;
    }
    let help = match name {
        "script" | "noscript" => "no page needs JavaScript: take the script out".to_string(),
        "style" | "link" => {
            "style pages in the theme's stylesheet, and mark text with class=\"…\"".to_string()
        }
        "iframe" | "object" | "embed" | "frame" | "frameset" | "applet" | "video" | "audio" => {
            "embedded content loads from elsewhere: link to it instead".to_string()
        }
        _ => format!("raw HTML may use {}", ELEMENTS.join(", ")),
    };
    Some(Found {
        message: format!("`<{name}>` is not allowed in a report or page"),
        help,
        at,
        needles: vec![format!("<{name}"), format!("</{name}")],
    })
}

/// An attribute that is not allowed, or a link that is not.
fn attribute_problem(
    element: &str,
    attribute: &str,
    value: &str,
    at: usize,
    written: String,
) -> Option<Found> {
    let found = |message: String, help: &str| Found {
        message,
        help: help.to_string(),
        at,
        needles: vec![written.clone(), attribute.to_string()],
    };
    if attribute.starts_with("on") {
        return Some(found(
            format!("`{attribute}=` runs JavaScript, which no page may"),
            "take the attribute out",
        ));
    }
    if attribute == "id" && theme_id(value) {
        return Some(found(
            format!("`id=\"{value}\"` is an id the theme gives part of the page"),
            "an id is unique on a page, and the theme's links and labels need this one: choose another",
        ));
    }
    if attribute == "style" {
        return Some(found(
            "`style=` is not allowed in a report or page".into(),
            "style pages in the theme's stylesheet, and mark text with class=\"…\"",
        ));
    }
    let allowed = GLOBAL_ATTRIBUTES.contains(&attribute)
        || attribute.starts_with("aria-")
        || attribute.starts_with("data-")
        || element_attributes(element).contains(&attribute);
    if !allowed {
        let mut names: Vec<&str> = GLOBAL_ATTRIBUTES.to_vec();
        names.extend(element_attributes(element));
        return Some(found(
            format!("`{attribute}=` is not allowed on `<{element}>`"),
            &format!(
                "`<{element}>` may have {}, aria-* and data-*",
                names.join(", ")
            ),
        ));
    }
    if matches!(attribute, "href" | "src" | "cite") {
        let image = element == "img" && attribute == "src";
        return bad_url(value, image).map(|message| found(message, URL_HELP));
    }
    None
}

/// A Markdown link or image to an address that is not allowed.
fn link(
    event: &Event<'_>,
    range: &Range<usize>,
    markdown: &str,
    texts: &[String],
    found: &mut Vec<Found>,
) {
    let (url, image) = match event {
        Event::Start(Tag::Link { dest_url, .. }) => (dest_url, false),
        Event::Start(Tag::Image { dest_url, .. }) => (dest_url, true),
        _ => return,
    };
    let url = fill(url, texts, false);
    if let Some(message) = bad_url(&url, image) {
        let written = markdown.get(range.clone()).unwrap_or("");
        found.push(Found {
            message,
            help: URL_HELP.to_string(),
            at: range.start,
            needles: vec![
                written.lines().next().unwrap_or("").to_string(),
                url.trim().to_string(),
            ],
        });
    }
}

#[cfg(test)]
mod tests;
