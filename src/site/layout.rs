//! What every page shares (the site's name, the navigation, the theme's
//! frame) and the pages made from one document or from the list of
//! reports: a report, a plain page, the home page.

use super::Site;
use super::body::Body;
use super::file::{OutputFile, root_of};
use crate::content::{Document, Report};
use crate::problem::Problem;
use crate::templates::views::{
    KeyFigureView, NavItem, PageView, PagerLink, ReportLink, ReportView, SiteView, YearGroup,
};
use minijinja::{Value, context};

impl Site {
    pub(super) fn site_view(&self) -> SiteView<'_> {
        SiteView {
            title: &self.config.title,
            publisher: &self.config.publisher,
            area: &self.config.area,
            language: &self.config.language,
            brand_colour: self.config.brand.colour.as_deref().map(str::trim),
            logo_alt: self.config.brand.logo_alt.as_deref().unwrap_or(""),
        }
    }

    /// The logo's address from a page at `root` (static/ is published at
    /// the top of the output), if the site has one.
    pub(super) fn logo_url(&self, root: &str) -> Option<String> {
        let logo = self.config.brand.logo.as_deref()?;
        Some(format!("{root}{}", logo.trim_start_matches('/')))
    }

    /// Reports, Indicators, Compare quarters, then each plain page.
    pub(super) fn nav(&self, current: &str, root: &str) -> Vec<NavItem> {
        let sections = [
            ("Reports", "index.html"),
            ("Indicators", "indicators/index.html"),
            ("Compare quarters", "compare/index.html"),
        ];
        sections
            .into_iter()
            .map(|(title, output)| (title.to_string(), output))
            .chain(
                self.pages
                    .iter()
                    .map(|p| (p.front.title.clone(), p.output.as_str())),
            )
            .map(|(title, output)| NavItem {
                title,
                url: format!("{root}{output}"),
                current: output == current,
            })
            .collect()
    }

    pub(super) fn page(
        &self,
        template: &str,
        output: &str,
        title: &str,
        extra: Value,
    ) -> Result<OutputFile, Problem> {
        let root = root_of(output);
        let context = context! {
            site => self.site_view(),
            nav => self.nav(output, &root),
            // Always written, so every page can point feed readers to it.
            feed_url => format!("{root}feed.xml"),
            logo_url => self.logo_url(&root),
            root => root,
            page_title => title,
            ..extra
        };
        let html = self.theme.render(template, context)?;
        Ok(OutputFile::new(output, html))
    }

    /// What a report's page and its PDF are made from.
    pub(super) fn report_view<'s>(&'s self, index: usize, body: &'s Body) -> ReportView<'s> {
        let report = &self.reports[index];
        let root = root_of(&report.output);
        let link = |other| pager_link(&root, other);
        let period = report.period;
        let published = report.front.published;
        ReportView {
            title: &report.front.title,
            period_label: period.label(),
            period_short: period.short_label(),
            summary: report.front.summary.as_deref().unwrap_or(""),
            committee: report.front.committee.as_deref().unwrap_or(""),
            meeting: report.front.meeting.map(|d| d.long()).unwrap_or_default(),
            meeting_iso: report.front.meeting.map(|d| d.iso()).unwrap_or_default(),
            published: published.map(|d| d.long()).unwrap_or_default(),
            published_iso: published.map(|d| d.iso()).unwrap_or_default(),
            body: body.html.html.clone(),
            toc: body.html.toc.clone(),
            previous: index.checked_sub(1).map(|i| link(&self.reports[i])),
            next: self.reports.get(index + 1).map(link),
            markers: body.markers.iter().map(|&m| m.into()).collect(),
            key_figures: &body.key_figures,
            draft: report.front.draft,
            updates: body.updates.iter().map(|u| self.update_view(u)).collect(),
            pdf: None,
        }
    }

    /// A report's page, from its view; `pdf` links to the report's PDF.
    pub(super) fn report_page(
        &self,
        index: usize,
        view: ReportView<'_>,
    ) -> Result<OutputFile, Problem> {
        let report = &self.reports[index];
        self.page(
            "report.html",
            &report.output,
            &report.front.title,
            context! { report => view, canonical_url => self.web_address(&report.output) },
        )
    }

    pub(super) fn plain_page(&self, page: &Document, body: &Body) -> Result<OutputFile, Problem> {
        let view = PageView {
            title: &page.front.title,
            body: body.html.html.clone(),
            toc: body.html.toc.clone(),
            markers: body.markers.iter().map(|&m| m.into()).collect(),
        };
        self.page(
            "page.html",
            &page.output,
            &page.front.title,
            context! { page => view },
        )
    }

    fn report_link<'s>(&'s self, report: &'s Report) -> ReportLink<'s> {
        let period = report.period;
        ReportLink {
            title: &report.front.title,
            url: report.output.clone(),
            period_label: period.label(),
            period_short: period.short_label(),
            summary: report.front.summary.as_deref().unwrap_or(""),
            committee: report.front.committee.as_deref().unwrap_or(""),
            meeting: report.front.meeting.map(|d| d.long()).unwrap_or_default(),
            meeting_iso: report.front.meeting.map(|d| d.iso()).unwrap_or_default(),
        }
    }

    pub(super) fn home(&self, latest_key_figures: &[KeyFigureView]) -> Result<OutputFile, Problem> {
        let mut years: Vec<YearGroup<'_>> = Vec::new();
        for report in self.reports.iter().rev() {
            let label = report.period.financial_year_label();
            match years.last_mut() {
                Some(group) if group.label == label => group.reports.push(self.report_link(report)),
                _ => years.push(YearGroup {
                    label,
                    reports: vec![self.report_link(report)],
                }),
            }
        }
        let latest = self.reports.last().map(|r| self.report_link(r));
        self.page(
            "index.html",
            "index.html",
            &self.config.title,
            context! { latest, years, latest_key_figures },
        )
    }
}

/// A link to another report, relative to a page at `root`.
pub(super) fn pager_link<'d>(root: &str, other: &'d Report) -> PagerLink<'d> {
    PagerLink {
        title: &other.front.title,
        url: format!("{root}{}", other.output),
        period_short: other.period.short_label(),
    }
}
