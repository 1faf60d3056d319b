//! The files a web team expects beside the pages: the Atom feed, the
//! sitemap, robots.txt and the 404 page (which carries its own stylesheet,
//! since it is served at any depth).

use super::Site;
use super::file::{OutputFile, root_of};
use crate::config::Translation;
use crate::i18n;
use crate::problem::Problem;
use crate::templates::views::FeedEntry;
use minijinja::{Value, context};
use std::collections::BTreeMap;

impl Site {
    /// `feed.xml`: an Atom entry per report, newest first. With
    /// `translation`, its folder's `cy/feed.xml`, of the reports' twins, in
    /// its language: a reader follows the reports in the language they read,
    /// and is not sent each one twice.
    pub(super) fn feed(&self, translation: Option<&Translation>) -> Result<OutputFile, Problem> {
        let folder = translation.map_or(String::new(), |t| format!("{}/", t.code));
        let output = format!("{folder}feed.xml");
        let base = self.config.base_url.trim_end_matches('/');
        // Without an address, relative to the feed, as a page's links are.
        let root = root_of(&output);
        let absolute = |path: &str| {
            if base.is_empty() {
                format!("{root}{path}")
            } else {
                format!("{base}/{path}")
            }
        };
        // Without an address, ids made from the publisher (and the language
        // of a translation's feed), which stay the same from build to build.
        let urn = {
            let publisher = crate::content::markdown::slug(&self.config.publisher);
            match translation {
                Some(t) => format!("urn:outturn:{publisher}:{}", t.code),
                None => format!("urn:outturn:{publisher}"),
            }
        };
        let reports = match translation {
            Some(_) => &self.twin_reports,
            None => &self.reports,
        };
        let entries: Vec<FeedEntry> = reports
            .iter()
            .filter(|r| r.output.starts_with(&folder))
            .rev()
            .map(|r| {
                let period = r.period;
                let date = r
                    .front
                    .published
                    .or(r.front.meeting)
                    .unwrap_or(period.end_date());
                FeedEntry {
                    title: r.front.title.clone(),
                    url: absolute(&r.output),
                    id: if base.is_empty() {
                        format!("{urn}:{}", period.slug())
                    } else {
                        absolute(&r.output)
                    },
                    updated: format!("{}T00:00:00Z", date.iso()),
                    summary: r.front.summary.clone().unwrap_or_default(),
                }
            })
            .collect();
        let updated = entries
            .iter()
            .map(|e| e.updated.clone())
            .max()
            .unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
        let feed_id = if base.is_empty() {
            urn
        } else {
            absolute(&folder)
        };
        let xml = self.theme.render(
            "feed.xml",
            context! {
                site => self.site_view_at(&output),
                entries,
                updated,
                feed_id,
                home => absolute(&format!("{folder}index.html")),
                self_url => absolute(&output),
            },
        )?;
        Ok(OutputFile::new(output, xml))
    }

    /// The web address of the page at `output` (`reports/2023-24-q1/index.html`),
    /// when `base_url` gives the site's: `https://…/reports/2023-24-q1/`.
    pub(super) fn web_address(&self, output: &str) -> Option<String> {
        let base = self.config.base_url.trim_end_matches('/');
        (!base.is_empty()).then(|| {
            format!(
                "{base}/{}",
                output.strip_suffix("index.html").unwrap_or(output)
            )
        })
    }

    /// `sitemap.xml`, when `base_url` gives the absolute addresses it needs.
    pub(super) fn sitemap(&self, pages: &[String]) -> Result<Option<OutputFile>, Problem> {
        let base = self.config.base_url.trim_end_matches('/');
        if base.is_empty() {
            return Ok(None);
        }
        // A 404 page, the site's or a translation's, is no page to index.
        let not_found = |p: &str| {
            p == "404.html"
                || (self.config.translations.iter()).any(|t| p == format!("{}/404.html", t.code))
        };
        let pages: Vec<&String> = pages
            .iter()
            .filter(|p| p.ends_with(".html") && !not_found(p))
            .collect();
        let urls: Vec<String> = pages.iter().filter_map(|p| self.web_address(p)).collect();
        // A page published in more than one language names each, itself
        // included, as search engines ask.
        let alternates: BTreeMap<String, Vec<Value>> = pages
            .iter()
            .filter_map(|p| {
                let links = self.languages(p, "");
                let links: Vec<Value> = (links.iter())
                    .filter_map(|l| {
                        Some(context! { lang => l.lang, url => self.web_address(&l.url)? })
                    })
                    .collect();
                Some((self.web_address(p)?, links)).filter(|(_, links)| !links.is_empty())
            })
            .collect();
        let xml = self
            .theme
            .render("sitemap.xml", context! { urls, alternates })?;
        Ok(Some(OutputFile::new("sitemap.xml", xml)))
    }

    /// `robots.txt`: everything may be indexed, and where the sitemap is.
    /// Crawlers read only `/robots.txt` at the root of a host, so it is
    /// written only when the site is that root; under a sub-path (or at an
    /// unknown address) the host's own robots.txt governs, and the site may
    /// publish one of its own from static/.
    pub(super) fn robots(&self) -> Option<OutputFile> {
        let base = self.config.base_url.trim_end_matches('/');
        if !at_host_root(base) {
            return None;
        }
        let text = format!("User-agent: *\nAllow: /\n\nSitemap: {base}/sitemap.xml\n");
        Some(OutputFile::new("robots.txt", text))
    }

    /// A server shows 404.html at any address, so nothing on it may depend
    /// on where it is shown. With the site's address its links and
    /// stylesheet are absolute. Without it no link into the site is safe (the
    /// site may sit under a sub-path of its host), so the stylesheet is
    /// written into the page, the menu is left out, and the one link is to
    /// the root of the host, which is always there.
    ///
    /// With `translation`, the page in its folder and language
    /// (`cy/404.html`), for a server that can show a folder its own. Many
    /// static hosts show only the one at the top to every address, so in a
    /// bilingual site that one says it in each language, each part with
    /// its `lang` and its link to the home page in that language.
    pub(super) fn not_found(
        &self,
        translation: Option<&Translation>,
    ) -> Result<OutputFile, Problem> {
        let folder = translation.map_or(String::new(), |t| format!("{}/", t.code));
        let output = format!("{folder}404.html");
        let base = self.config.base_url.trim_end_matches('/');
        let (root, nav, inline_css) = match base {
            "" => ("/".to_string(), Vec::new(), Some(self.stylesheet()?)),
            base => {
                let root = format!("{base}/");
                let nav = self.nav(&output, &root);
                (root, nav, None)
            }
        };
        let home_url = |folder: &str| match base {
            "" => "/".to_string(),
            _ => format!("{root}{folder}index.html"),
        };
        // The other languages' parts of the one at the top.
        let also: Vec<Value> = match translation {
            Some(_) => Vec::new(),
            None => (self.config.translations.iter())
                .map(|t| {
                    let other = format!("{}/404.html", t.code);
                    context! {
                        site => self.site_view_at(&other),
                        home_url => home_url(&format!("{}/", t.code)),
                    }
                })
                .collect(),
        };
        let language = self.language_of(&output);
        let feed_url = format!("{root}{folder}feed.xml");
        let context = context! {
            site => self.site_view_at(&output),
            root,
            nav,
            also,
            page_title => i18n::text(language, "not-found-title"),
            // Without the site's address no link into the site is safe.
            feed_url => (!root.starts_with('/')).then_some(feed_url),
            // Without it the logo, like the stylesheet, is inside the page.
            logo_url => match inline_css {
                None => self.logo_url(&root),
                Some(_) => self.logo_data_url()?,
            },
            home_url => home_url(&folder),
            knows_address => inline_css.is_none(),
            inline_css,
        };
        let html = self.theme.render("404.html", context)?;
        Ok(OutputFile::new(output, html))
    }

    /// The logo as a `data:` URL, which works wherever the page is shown.
    fn logo_data_url(&self) -> Result<Option<String>, Problem> {
        let Some(logo) = self.config.brand.logo.as_deref() else {
            return Ok(None);
        };
        let logo = logo.trim_start_matches('/');
        let Some(file) = self.static_files.get(logo) else {
            return Ok(None);
        };
        let bytes = std::fs::read(self.root.join(file))
            .map_err(|e| Problem::error(file, format!("cannot read the logo: {e}")))?;
        let kind = crate::config::logo_type(logo).unwrap_or("application/octet-stream");
        Ok(Some(format!("data:{kind};base64,{}", base64(&bytes))))
    }

    /// The published `static/style.css`: the site's own, or else the theme's,
    /// made safe to sit inside a `<style>` element.
    fn stylesheet(&self) -> Result<String, Problem> {
        let css = match self.static_files.get("static/style.css") {
            Some(file) => std::fs::read_to_string(self.root.join(file))
                .map_err(|e| Problem::error(file, format!("cannot read the stylesheet: {e}")))?,
            None => self
                .theme
                .static_files
                .get("static/style.css")
                .map(|bytes| String::from_utf8_lossy(bytes).into_owned())
                .unwrap_or_default(),
        };
        Ok(css.replace("</", "<\\/"))
    }
}

/// Standard base64 (RFC 4648), with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Whether `base_url` is the root of its host: `https://performance.example.gov.uk/`
/// is, `https://www.example.gov.uk/performance/` and an empty one are not.
fn at_host_root(base_url: &str) -> bool {
    let Some((_, rest)) = base_url.split_once("://") else {
        return false;
    };
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    rest.split_once('/')
        .is_none_or(|(_, path)| path.trim_matches('/').is_empty())
}

#[cfg(test)]
mod tests {
    use super::{at_host_root, base64};

    #[test]
    fn base64_is_rfc_4648() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foob"), "Zm9vYg==");
        assert_eq!(base64(b"<svg/>\n"), "PHN2Zy8+Cg==");
    }

    #[test]
    fn only_an_address_at_the_root_of_its_host_gets_a_robots_txt() {
        assert!(at_host_root("https://performance.example.gov.uk"));
        assert!(at_host_root("https://performance.example.gov.uk/"));
        assert!(at_host_root("http://localhost:8000"));
        assert!(!at_host_root("https://www.example.gov.uk/performance"));
        assert!(!at_host_root("https://www.example.gov.uk/performance/"));
        assert!(!at_host_root(""));
    }
}
