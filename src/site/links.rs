//! Checking that every link between the built pages, and every link to a
//! section (`#adoption`), leads somewhere.
//!
//! Links are checked in the rendered files, after every rewrite, so what is
//! checked is what a reader will click. A broken link found in a report is
//! reported at the line of its report that names the target.

use super::file::OutputFile;
use crate::content::Document;
use crate::problem::Problem;
use memchr::memmem;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// A broken link: placed in a content file, or from a template (on many pages).
enum Broken {
    Placed(Problem),
    Template { target: String, message: String },
}

/// What the link check needs of one page: its ids and the links it makes,
/// each resolved to the file it leads to when the page is made. Kept
/// instead of the page, so the site need not stay in memory to be checked,
/// and a page kept from the last build is not read again.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub(super) struct PageLinks {
    path: String,
    ids: HashSet<String>,
    /// Every link within the site, once each, in order of `href`.
    links: Vec<Link>,
}

/// One link within the site, as it resolves: what the check needs and no
/// more (a large archive's pages make half a million links).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct Link {
    to: Target,
    /// The section it leads to (`adoption` of `#adoption`), if any.
    fragment: Option<String>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
enum Target {
    /// The page itself (`#adoption`).
    Here,
    /// Another file, from the output's root.
    File(String),
    /// A relative link that climbs out of the site: its `href`.
    Outside(String),
}

impl PageLinks {
    /// The ids and links of a built page.
    pub(super) fn of(file: &OutputFile) -> PageLinks {
        let html = &file.contents;
        let mut hrefs = attribute_values(html, "href");
        hrefs.extend(attribute_values(html, "src"));
        let mut hrefs: Vec<String> = hrefs.into_iter().filter(|h| !is_external(h)).collect();
        hrefs.sort();
        let page = file.path.as_str();
        let links = hrefs
            .into_iter()
            .map(|href| {
                let (path, fragment) = match href.split_once('#') {
                    Some((p, f)) => (p, Some(f.to_string())),
                    None => (href.as_str(), None),
                };
                let path = path.split('?').next().unwrap_or("");
                let to = if path.is_empty() {
                    Target::Here
                } else {
                    match resolve(page, path) {
                        Some(target) if target == page => Target::Here,
                        Some(target) => Target::File(target),
                        None => Target::Outside(href.clone()),
                    }
                };
                Link { to, fragment }
            })
            .collect();
        PageLinks {
            path: file.path.clone(),
            ids: attribute_values(html, "id"),
            links,
        }
    }
}

/// Every broken internal link in `pages`, given every file built (`exists`);
/// `documents` map pages back to the content files they came from.
pub(super) fn check(
    pages: &[Arc<PageLinks>],
    exists: &HashSet<&str>,
    documents: &[&Document],
) -> Vec<Problem> {
    let ids: HashMap<&str, &HashSet<String>> =
        pages.iter().map(|p| (p.path.as_str(), &p.ids)).collect();
    let sources: HashMap<&str, &Document> =
        documents.iter().map(|d| (d.output.as_str(), *d)).collect();
    let found: Vec<Broken> = pages
        .par_iter()
        .flat_map_iter(|page| broken_links(page, exists, &ids, &sources))
        .collect();
    let mut problems = Vec::new();
    // A broken link in a template breaks it on every page: say so once.
    let mut from_templates: HashMap<String, (String, usize)> = HashMap::new();
    for broken in found {
        match broken {
            Broken::Placed(problem) => problems.push(problem),
            Broken::Template { target, message } => {
                from_templates.entry(target).or_insert((message, 0)).1 += 1;
            }
        }
    }
    let mut grouped: Vec<_> = from_templates.into_values().collect();
    grouped.sort();
    for (message, pages) in grouped {
        let also = if pages > 1 {
            format!(" and {} other pages", pages - 1)
        } else {
            String::new()
        };
        problems.push(
            Problem::error("(templates)", format!("{message}{also}"))
                .help("a link on many pages comes from a template: check the site's templates/ and the theme's"),
        );
    }
    problems
}

/// The broken links of one page.
fn broken_links(
    page_links: &PageLinks,
    exists: &HashSet<&str>,
    ids: &HashMap<&str, &HashSet<String>>,
    sources: &HashMap<&str, &Document>,
) -> Vec<Broken> {
    let page = page_links.path.as_str();
    let mut broken_links = Vec::new();
    for link in &page_links.links {
        let fragment = link.fragment.as_deref();
        let (target, href) = match &link.to {
            Target::Here => (Some(page), ""),
            Target::File(target) => (Some(target.as_str()), ""),
            Target::Outside(href) => (None, href.as_str()),
        };
        // Named as the author writes it: from the site root.
        let shown = |t: &str| {
            format!(
                "/{}{}",
                t.trim_end_matches("index.html"),
                fragment.map(|f| format!("#{f}")).unwrap_or_default()
            )
        };
        let broken = match target {
            None => Some(format!("`{href}` points outside the site")),
            Some(t) if !exists.contains(t) => {
                Some(format!("the link to `{}` leads to no page", shown(t)))
            }
            Some(t) => match fragment {
                Some(f) if !f.is_empty() && ids.get(t).is_some_and(|set| !set.contains(f)) => {
                    Some(format!(
                        "the link to `{}` leads to no section: that page has no heading or id `{f}`",
                        shown(t)
                    ))
                }
                _ => None,
            },
        };
        let Some(message) = broken else { continue };
        match locate(page, sources, href, target, fragment, &message) {
            Some(problem) => broken_links.push(Broken::Placed(problem)),
            None => broken_links.push(Broken::Template {
                target: target.unwrap_or(href).to_string(),
                message: format!("{message} (on {page})"),
            }),
        }
    }
    broken_links.sort_by(|a, b| match (a, b) {
        (Broken::Placed(a), Broken::Placed(b)) => a.message.cmp(&b.message),
        _ => std::cmp::Ordering::Equal,
    });
    broken_links
}

/// The problem, in the content file the page came from (at the line that
/// names the target, when one does); `None` for pages made from templates.
fn locate(
    page: &str,
    sources: &HashMap<&str, &Document>,
    href: &str,
    target: Option<&str>,
    fragment: Option<&str>,
    message: &str,
) -> Option<Problem> {
    let document = sources.get(page)?;
    // The source names the target as written: `/reports/2022-23-q4/`, `#adoption`.
    let needle = target
        .filter(|t| *t != page)
        .map(|t| {
            t.trim_end_matches("index.html")
                .trim_end_matches('/')
                .to_string()
        })
        .or_else(|| fragment.map(|f| format!("#{f}")))
        .unwrap_or_else(|| href.to_string());
    let place = document.body.lines().enumerate().find_map(|(n, line)| {
        line.find(&needle)
            .map(|col| (document.body_line + n, line[..col].chars().count() + 1))
    });
    let problem = Problem::error(&document.file, message)
        .help("link to other pages from the site root, e.g. [About](/about/) or [Q1](/reports/2023-24-q1/#adoption)");
    Some(match place {
        Some((line, column)) => problem.at(line, column),
        None => problem,
    })
}

fn is_external(href: &str) -> bool {
    href.starts_with("//")
        || href.contains("://")
        || ["mailto:", "tel:", "data:", "javascript:"]
            .iter()
            .any(|s| href.starts_with(s))
}

/// `../../about/` from `reports/2023-24-q1/index.html` → `about/index.html`.
fn resolve(from: &str, href: &str) -> Option<String> {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for segment in href.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut path = parts.join("/");
    if href.ends_with('/') || path.is_empty() {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    }
    Some(path)
}

/// The values of every `name="…"` attribute in an HTML text, `&amp;` decoded.
fn attribute_values(html: &[u8], name: &str) -> HashSet<String> {
    let pattern = format!(" {name}=\"");
    let mut values = HashSet::new();
    for start in memmem::find_iter(html, &pattern) {
        let rest = &html[start + pattern.len()..];
        if let Some(end) = memchr::memchr(b'"', rest) {
            let value = String::from_utf8_lossy(&rest[..end]);
            if !values.contains(value.as_ref()) {
                values.insert(value.replace("&amp;", "&"));
            }
        }
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, html: &str) -> OutputFile {
        OutputFile::new(path, html)
    }

    #[test]
    fn resolves_relative_links() {
        assert_eq!(
            resolve("reports/q1/index.html", "../../about/").as_deref(),
            Some("about/index.html")
        );
        assert_eq!(
            resolve("index.html", "reports/q1/index.html").as_deref(),
            Some("reports/q1/index.html")
        );
        assert_eq!(resolve("index.html", "../x.html"), None);
        assert_eq!(
            resolve("a/index.html", "../").as_deref(),
            Some("index.html")
        );
    }

    #[test]
    fn finds_missing_pages_and_sections() {
        let files = [
            file(
                "index.html",
                "<a href=\"about/index.html\">a</a> <a href=\"about/index.html#team\">t</a> <a href=\"#top\">top</a> <a href=\"https://example.org/\">x</a>",
            ),
            file(
                "about/index.html",
                "<h2 id=\"staff\">Staff</h2><a href=\"../gone/index.html\">g</a>",
            ),
        ];
        let pages: Vec<Arc<PageLinks>> = files.iter().map(|f| Arc::new(PageLinks::of(f))).collect();
        let exists: HashSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
        let problems: Vec<String> = check(&pages, &exists, &[])
            .iter()
            .map(|p| p.message.clone())
            .collect();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems
                .iter()
                .any(|p| p.contains("the link to `/about/#team` leads to no section"))
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("the link to `/#top` leads to no section"))
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("the link to `/gone/` leads to no page"))
        );
    }
}
