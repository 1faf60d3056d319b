//! A published report's PDF, with `pdf = true`: made from the report's view
//! before its page, which links to it with its size and pages.

use super::Site;
use super::body::Body;
use super::file::OutputFile;
use crate::content::Report;
use crate::problem::Problem;
use crate::templates::views::{PdfLinkView, ReportView};

impl Site {
    /// The PDF of the report at `index`, beside its page, if the site makes
    /// one: `reports/2023-24-q1/childrens-social-care-performance-2023-24-q1.pdf`.
    /// A draft has none.
    pub(super) fn report_pdf(
        &self,
        report: &Report,
        view: &ReportView<'_>,
    ) -> Result<Option<(OutputFile, PdfLinkView)>, Problem> {
        if !self.config.pdf || report.front.draft {
            return Ok(None);
        }
        let url = self.web_address(&report.output);
        let extras = crate::pdf::Extras {
            url: url.as_deref(),
        };
        let site = self.site_view_at(&report.output);
        let pdf = crate::pdf::write(&site, view, extras).map_err(|e| {
            Problem::error(&report.file, format!("its PDF could not be made: {e}"))
                .help("this is a fault in outturn: please report it, with this report")
        })?;
        let name = format!(
            "{}-{}.pdf",
            crate::content::markdown::slug(&site.title.replace(['\'', '’'], "")),
            report.period.slug()
        );
        let folder = report.output.trim_end_matches("index.html");
        let link = PdfLinkView {
            url: name.clone(),
            pages: match pdf.pages {
                1 => "1 page".to_string(),
                n => format!("{n} pages"),
            },
            size: size(pdf.bytes.len()),
        };
        Ok(Some((
            OutputFile::new(format!("{folder}{name}"), pdf.bytes),
            link,
        )))
    }

    /// A report's page and, with `pdf = true`, its PDF.
    pub(super) fn report_files(
        &self,
        list: &[Report],
        index: usize,
        body: &Body,
    ) -> Result<Vec<OutputFile>, Problem> {
        let report = &list[index];
        let mut view = self.report_view(list, index, body);
        let pdf = self.report_pdf(report, &view)?;
        let mut files = Vec::new();
        if let Some((file, link)) = pdf {
            view.pdf = Some(link);
            files.push(file);
        }
        files.insert(0, self.report_page(report, view)?);
        Ok(files)
    }
}

/// A file's size as GOV.UK writes it: `410 KB`, `1.2 MB`.
fn size(bytes: usize) -> String {
    let kb = bytes.div_ceil(1024);
    if kb < 1024 {
        format!("{kb} KB")
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

#[cfg(test)]
mod tests {
    use super::size;

    #[test]
    fn sizes_read_as_gov_uk_writes_them() {
        assert_eq!(size(419_000), "410 KB");
        assert_eq!(size(1), "1 KB");
        assert_eq!(size(1_300_000), "1.2 MB");
    }
}
