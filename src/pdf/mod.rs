//! A report as an accessible PDF (PDF/UA-1), for the committee's agenda pack.
//!
//! The PDF is made from the view the report's page is made from
//! ([`ReportView`]): its title block, key figures and updates as they are,
//! its body read back from the page's HTML into blocks ([`body`]). The
//! report reaches typst's one template (`report.typ`) as JSON data and its
//! charts as SVG files in a [`world`] of its own, so nothing a report says
//! can be read as typst code, and no system font or clock is used: the same
//! report gives the same bytes everywhere.

mod body;
mod drawing;
mod world;

use crate::i18n::Language;
use crate::templates::views::{ReportView, SiteView};
use body::{Block, Chart, Table};
use fluent_bundle::FluentArgs;
use serde::Serialize;
use typst::diag::{Severity, SourceDiagnostic};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

/// A report's PDF.
#[derive(Debug, Clone)]
pub struct Pdf {
    /// The file.
    pub bytes: Vec<u8>,
    /// How many pages it has.
    pub pages: usize,
}

/// What a report's PDF says beyond its page's view.
#[derive(Debug, Clone, Copy)]
pub struct Extras<'a> {
    /// The page's web address, when the site's is known.
    pub url: Option<&'a str>,
}

/// The report as the template reads it from `/report.json`.
#[derive(Debug, Serialize)]
struct Document<'a> {
    /// `en`, from the site's `en-GB`.
    lang: String,
    /// `gb`, or empty.
    region: String,
    site: &'a SiteView<'a>,
    report: &'a ReportView<'a>,
    /// The date the PDF carries: the report's publication date, else its
    /// meeting's, else none.
    date: Option<Date>,
    url: &'a str,
    body: Vec<Block>,
    /// Each chart's figures, by its number.
    appendix: Vec<Appendix>,
    /// The document's own words, in its language.
    words: Words,
}

/// The words the PDF says itself, around the report's (`## PDF` in the
/// message files), in the document's language. A gap the template fills is
/// written `{page}`, `{pages}` or `{number}`, and filled as text.
#[derive(Debug, Serialize, PartialEq)]
struct Words {
    period: String,
    committee: String,
    meeting: String,
    published: String,
    status: String,
    status_published: String,
    status_draft: String,
    web_version: String,
    updates_heading: String,
    updates: String,
    key_figures: String,
    /// `Key figures, Q1 2023-24`.
    key_figures_caption: String,
    indicator: String,
    figure: String,
    period_column: String,
    change: String,
    better: String,
    worse: String,
    /// The supplement before a table's number: `Table`.
    table: String,
    /// Over a later piece of a chart cut into pieces: `Figure {number}, continued`.
    figure_continued: String,
    symbols_heading: String,
    appendix_heading: String,
    appendix_lead: String,
    /// `Figure {number}: {caption}`, a chart's table's caption.
    appendix_caption: String,
    /// `Page {page} of {pages}`.
    page_of: String,
}

impl Words {
    fn of(language: Language, report: &ReportView<'_>) -> Words {
        let text = |id: &str| crate::i18n::text(language, id);
        let with = |id: &str, args: &[(&str, &str)]| {
            let mut fluent = FluentArgs::new();
            for (name, value) in args {
                fluent.set(*name, *value);
            }
            crate::i18n::message(language, id, Some(&fluent)).unwrap_or_else(|_| id.to_string())
        };
        let compared = |word: &str| with("key-figures-compared", &[("word", text(word).as_str())]);
        Words {
            period: text("pdf-period"),
            committee: text("pdf-committee"),
            meeting: text("pdf-meeting"),
            published: text("pdf-published"),
            status: text("pdf-status"),
            status_published: text("pdf-status-published"),
            status_draft: text("report-draft-title"),
            web_version: text("pdf-web-version"),
            updates_heading: text("report-updates-heading"),
            updates: text("report-updates"),
            key_figures: text("key-figures"),
            key_figures_caption: with(
                "pdf-key-figures-caption",
                &[("period", report.period_short.as_str())],
            ),
            indicator: text("pdf-indicator"),
            figure: text("pdf-figure"),
            period_column: text("pdf-key-figure-period"),
            change: text("pdf-change"),
            better: compared("key-figures-better"),
            worse: compared("key-figures-worse"),
            table: text("pdf-table"),
            figure_continued: with("pdf-figure-continued", &[("number", "{number}")]),
            symbols_heading: text("report-symbols-heading"),
            appendix_heading: text("pdf-appendix-heading"),
            appendix_lead: text("pdf-appendix-lead"),
            appendix_caption: with(
                "pdf-appendix-caption",
                &[("number", "{number}"), ("caption", "{caption}")],
            ),
            page_of: with("pdf-page-of", &[("page", "{page}"), ("pages", "{pages}")]),
        }
    }
}

#[derive(Debug, Serialize)]
struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// A chart's figures, printed after the body.
#[derive(Debug, Serialize)]
struct Appendix {
    /// The chart's number: `Figure 3`.
    number: usize,
    table: Table,
}

/// Typesets `report` as a PDF/UA-1 document. The error says what typst
/// could not do, for a problem naming the report's file.
pub fn write(
    site: &SiteView<'_>,
    report: &ReportView<'_>,
    extras: Extras<'_>,
) -> Result<Pdf, String> {
    let (body, svgs) = body::read(&report.body);
    let (lang, region) = report_language(site.language);
    let date = [&report.published_iso, &report.meeting_iso]
        .into_iter()
        .find_map(|iso| date(iso));
    let document = Document {
        lang,
        region,
        site,
        report,
        date,
        url: extras.url.unwrap_or(""),
        appendix: appendix(&body),
        body,
        words: Words::of(Language::of_tag(site.language), report),
    };
    let json = serde_json::to_vec(&document).map_err(|e| e.to_string())?;
    let mut files = vec![("/report.json".to_string(), json)];
    files.extend(svgs.into_iter().enumerate().map(|(i, svg)| {
        (
            format!("/chart-{}.svg", i + 1),
            standalone_svg(&svg).into_bytes(),
        )
    }));
    let made = typeset(&world::ReportWorld::new(files));
    // typst keeps what it computed for a document in a cache of its own; a
    // site's reports share little, so it is let go after each, made or not.
    comemo::evict(0);
    made
}

fn typeset(world: &world::ReportWorld) -> Result<Pdf, String> {
    let document: PagedDocument = typst::compile(world).output.map_err(|e| messages(&e))?;
    let options = PdfOptions {
        standards: PdfStandards::new(&[PdfStandard::Ua_1]).map_err(|e| e.message().to_string())?,
        creator: typst::foundations::Smart::Custom(Some("outturn".into())),
        ..PdfOptions::default()
    };
    let bytes = typst_pdf::pdf(&document, &options).map_err(|e| messages(&e))?;
    Ok(Pdf {
        bytes,
        pages: document.pages().len(),
    })
}

/// The size, in points, that the smallest type of each chart drawn from
/// `html`, a report's body, prints at in its PDF, by the
/// chart's number.
pub fn chart_type_sizes(html: &str) -> Vec<(usize, f64)> {
    let (_, svgs) = body::read(html);
    svgs.iter()
        .enumerate()
        .map(|(i, svg)| (i + 1, drawing::size(svg).smallest_type(svg)))
        .collect()
}

/// typst's errors, one a line.
fn messages(diagnostics: &[SourceDiagnostic]) -> String {
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let hints: Vec<&str> = d.hints.iter().map(|h| h.v.as_str()).collect();
            if hints.is_empty() {
                d.message.to_string()
            } else {
                format!("{} ({})", d.message, hints.join("; "))
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// `en-GB` → (`en`, `gb`); typst wants the two apart.
fn report_language(language: &str) -> (String, String) {
    let mut parts = language.split(['-', '_']);
    let lang = parts.next().unwrap_or("en").to_ascii_lowercase();
    let region = parts
        .next()
        .filter(|r| r.len() == 2)
        .unwrap_or("")
        .to_ascii_lowercase();
    (lang, region)
}

/// `2023-09-05` → a date.
fn date(iso: &str) -> Option<Date> {
    let mut parts = iso.splitn(3, '-');
    Some(Date {
        year: parts.next()?.parse().ok()?,
        month: parts.next()?.parse().ok()?,
        day: parts.next()?.parse().ok()?,
    })
}

/// Every chart's table, in the order the charts are numbered.
fn appendix(blocks: &[Block]) -> Vec<Appendix> {
    let mut charts: Vec<&Chart> = Vec::new();
    charts_in(blocks, &mut charts);
    charts
        .into_iter()
        .filter(|c| c.number > 0 && !c.table.rows.is_empty())
        .map(|c| Appendix {
            number: c.number,
            table: c.table.clone(),
        })
        .collect()
}

fn charts_in<'b>(blocks: &'b [Block], found: &mut Vec<&'b Chart>) {
    for block in blocks {
        match block {
            Block::Chart { chart } => found.push(chart),
            Block::List { items, .. } => items.iter().for_each(|i| charts_in(i, found)),
            Block::Quote { blocks } => charts_in(blocks, found),
            _ => {}
        }
    }
}

/// An SVG written into a page, made a file of its own: its namespace, and
/// the type the page's stylesheet gives charts (`svg.chart` in style.css),
/// in the PDF's font.
fn standalone_svg(svg: &str) -> String {
    let Some(rest) = svg.strip_prefix("<svg") else {
        return svg.to_string();
    };
    let namespace = if rest.contains("xmlns=") {
        ""
    } else {
        r#" xmlns="http://www.w3.org/2000/svg""#
    };
    format!(
        r##"<svg{namespace} font-family="Liberation Sans" font-size="16px" fill="#0b0c0c"{rest}"##
    )
}

#[cfg(test)]
mod tests;
