//! What every page shares (the site's name, the navigation, the theme's
//! frame) and the pages made from one document or from the list of
//! reports: a report, a plain page, the home page.

use super::Site;
use super::body::Body;
use super::file::{OutputFile, root_of};
use crate::config::Translation;
use crate::content::{Document, Report};
use crate::i18n::{self, Language};
use crate::problem::Problem;
use crate::templates::views::{
    KeyFigureView, LanguageLink, MarkerView, NavItem, PageView, PagerLink, ReportLink, ReportView,
    SiteView, YearGroup,
};
use minijinja::{Value, context};

impl Site {
    /// The translation whose folder the page at `output` is in, if any.
    fn translation_of(&self, output: &str) -> Option<&Translation> {
        self.config.translations.iter().find(|t| {
            output
                .strip_prefix(t.code.as_str())
                .is_some_and(|rest| rest.starts_with('/'))
        })
    }

    /// `report` in `language`: itself, or its twin (the twin of the same
    /// period) if it has one.
    pub(super) fn report_in<'s>(
        &'s self,
        report: &'s Report,
        language: Language,
    ) -> Option<&'s Report> {
        if self.language_of(&report.output) == language {
            return Some(report);
        }
        self.twin_reports
            .iter()
            .find(|t| t.period == report.period && self.language_of(&t.output) == language)
    }

    /// The language the page at `output` is written in.
    pub(super) fn language_of(&self, output: &str) -> Language {
        self.translation_of(output)
            .and_then(Translation::language)
            .unwrap_or_else(|| Language::of_tag(&self.config.language))
    }

    /// The site as a page at `output` names it: in a translation's folder,
    /// with the translation's names and `lang`.
    pub(super) fn site_view_at(&self, output: &str) -> SiteView<'_> {
        match self.translation_of(output) {
            Some(t) => SiteView {
                title: &t.title,
                publisher: &t.publisher,
                area: &t.area,
                language: &t.code,
                ..self.site_view()
            },
            None => self.site_view(),
        }
    }

    /// Whether the site has a page at `output` in a translation's folder or
    /// its own: a home page, a compare page, a report or a plain page (a
    /// twin under `cy/`). The other pages made from the whole site are in
    /// one language so far.
    fn has_twin_at(&self, output: &str) -> bool {
        let own = match self.translation_of(output) {
            Some(t) => &output[t.code.len() + 1..],
            None => output,
        };
        own == "index.html"
            || own.starts_with("indicators/")
            || own == "compare/index.html"
            || own == "compare/all/index.html"
            || self.pages.iter().any(|p| p.output == output)
            || (self.reports.iter())
                .chain(&self.twin_reports)
                .any(|r| r.output == output)
    }

    /// Which page a page at `current` links to for the page at `own` (an
    /// address in the site's own language): its twin in `current`'s
    /// translation folder when the site publishes one, else `own`.
    pub(super) fn twin_for(&self, current: &str, own: &str) -> String {
        match self.translation_of(current) {
            Some(t) => {
                let twin = format!("{}/{own}", t.code);
                if self.has_twin_at(&twin) {
                    twin
                } else {
                    own.to_string()
                }
            }
            None => own.to_string(),
        }
    }

    /// The `hreflang` of a link from the page at `current` to the page at
    /// `output`: the language of `output` when it is not `current`'s (a
    /// Welsh page's link to a page not yet in Welsh), else empty.
    pub(super) fn hreflang_from(&self, current: &str, output: &str) -> String {
        if self.language_of(output) == self.language_of(current) {
            String::new()
        } else {
            self.site_view_at(output).language.to_string()
        }
    }

    /// The page at `output` in each language it is published in, the site's
    /// own first; none when it is published in one only.
    pub(super) fn languages(&self, output: &str, root: &str) -> Vec<LanguageLink<'_>> {
        let own = match self.translation_of(output) {
            Some(t) => &output[t.code.len() + 1..],
            None => output,
        };
        if self.config.translations.is_empty() || !self.has_twin_at(own) {
            return Vec::new();
        }
        let root_language = Language::of_tag(&self.config.language);
        let translations = self.config.translations.iter().filter_map(|t| {
            let path = format!("{}/{own}", t.code);
            let language = t.language().filter(|_| self.has_twin_at(&path))?;
            Some((t.code.as_str(), language, path))
        });
        std::iter::once((
            self.config.language.as_str(),
            root_language,
            own.to_string(),
        ))
        .chain(translations)
        .map(|(lang, language, path)| LanguageLink {
            lang,
            url: format!("{root}{path}"),
            name: language.autonym(),
            current: path == output,
        })
        .collect()
    }

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

    /// Reports, Indicators, Compare quarters, then each plain page, in the
    /// language of the page at `current`; each leads to the page in that
    /// language when the site has it.
    pub(super) fn nav(&self, current: &str, root: &str) -> Vec<NavItem> {
        let language = self.language_of(current);
        let translation = self.translation_of(current);
        let same_folder =
            |other: Option<&Translation>| other.map(|t| &t.code) == translation.map(|t| &t.code);
        let sections = [
            ("nav-reports", "index.html"),
            ("nav-indicators", "indicators/index.html"),
            ("nav-compare", "compare/index.html"),
        ];
        sections
            .into_iter()
            .map(|(id, own)| (i18n::text(language, id), self.twin_for(current, own)))
            .chain(
                self.pages
                    .iter()
                    .filter(|p| same_folder(self.translation_of(&p.output)))
                    .map(|p| (p.front.title.clone(), p.output.clone())),
            )
            .map(|(title, output)| NavItem {
                title,
                url: format!("{root}{output}"),
                current: output == current,
                hreflang: self.hreflang_from(current, &output),
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
        // The site's name leads to the home page in the page's language.
        let extra = match self.translation_of(output) {
            Some(t) => context! { home_url => format!("{root}{}/index.html", t.code), ..extra },
            None => extra,
        };
        let context = context! {
            site => self.site_view_at(output),
            nav => self.nav(output, &root),
            languages => self.languages(output, &root),
            // Always written, so every page can point feed readers to it:
            // the one in the page's language.
            feed_url => match self.translation_of(output) {
                Some(t) => format!("{root}{}/feed.xml", t.code),
                None => format!("{root}feed.xml"),
            },
            logo_url => self.logo_url(&root),
            root => root,
            page_title => title,
            ..extra
        };
        let html = self.theme.render(template, context)?;
        Ok(OutputFile::new(output, html))
    }

    /// What a report's page and its PDF are made from.
    /// The report at `index` of `list` (the reports, or their twins), in
    /// its own language.
    pub(super) fn report_view<'s>(
        &'s self,
        list: &'s [Report],
        index: usize,
        body: &'s Body,
    ) -> ReportView<'s> {
        let report = &list[index];
        let root = root_of(&report.output);
        let language = self.language_of(&report.output);
        let link = |other| pager_link(&root, other, language);
        let period = report.period;
        let published = report.front.published;
        ReportView {
            title: &report.front.title,
            period_label: period.label_in(language),
            period_short: period.short_label_in(language),
            summary: report.front.summary.as_deref().unwrap_or(""),
            committee: report.front.committee.as_deref().unwrap_or(""),
            meeting: (report.front.meeting)
                .map(|d| d.long_in(language))
                .unwrap_or_default(),
            meeting_iso: report.front.meeting.map(|d| d.iso()).unwrap_or_default(),
            published: published.map(|d| d.long_in(language)).unwrap_or_default(),
            published_iso: published.map(|d| d.iso()).unwrap_or_default(),
            body: body.html.html.clone(),
            toc: body.html.toc.clone(),
            previous: index.checked_sub(1).map(|i| link(&list[i])),
            next: list.get(index + 1).map(link),
            markers: (body.markers.iter())
                .map(|&m| MarkerView::in_language(m, language))
                .collect(),
            key_figures: &body.key_figures,
            draft: report.front.draft,
            updates: body.updates.iter().map(|u| self.update_view(u)).collect(),
            pdf: None,
        }
    }

    /// A report's page, from its view; `pdf` links to the report's PDF.
    pub(super) fn report_page(
        &self,
        report: &Report,
        view: ReportView<'_>,
    ) -> Result<OutputFile, Problem> {
        self.page(
            "report.html",
            &report.output,
            &report.front.title,
            context! { report => view, canonical_url => self.web_address(&report.output) },
        )
    }

    pub(super) fn plain_page(&self, page: &Document, body: &Body) -> Result<OutputFile, Problem> {
        let language = self.language_of(&page.output);
        let view = PageView {
            title: &page.front.title,
            body: body.html.html.clone(),
            toc: body.html.toc.clone(),
            markers: (body.markers.iter())
                .map(|&m| MarkerView::in_language(m, language))
                .collect(),
        };
        self.page(
            "page.html",
            &page.output,
            &page.front.title,
            context! { page => view },
        )
    }

    /// `report` as the home page in `language` lists it, from `root`.
    fn report_link<'s>(
        &'s self,
        report: &'s Report,
        language: Language,
        root: &str,
    ) -> ReportLink<'s> {
        let period = report.period;
        let meeting = report.front.meeting;
        ReportLink {
            title: &report.front.title,
            url: format!("{root}{}", report.output),
            period_label: period.label_in(language),
            period_short: period.short_label_in(language),
            summary: report.front.summary.as_deref().unwrap_or(""),
            committee: report.front.committee.as_deref().unwrap_or(""),
            meeting: meeting.map(|d| d.long_in(language)).unwrap_or_default(),
            meeting_iso: report.front.meeting.map(|d| d.iso()).unwrap_or_default(),
            // A report is written in the site's own language, for now.
            // A report listed on a page in another language (an English
            // draft on the Welsh home page) says which language it is in.
            lang: match self.translation_of(&report.output) {
                _ if self.language_of(&report.output) == language => "",
                Some(t) => &t.code,
                None => &self.config.language,
            },
        }
    }

    /// The home page at `output`: `index.html`, or a translation's
    /// `cy/index.html`, whose reports are listed in its language.
    pub(super) fn home(
        &self,
        output: &str,
        latest_key_figures: &[KeyFigureView],
    ) -> Result<OutputFile, Problem> {
        let language = self.language_of(output);
        let root = root_of(output);
        let link = |report| self.report_link(report, language, &root);
        // A translation's home page lists the reports' twins.
        let reports = match self.translation_of(output) {
            Some(_) => &self.twin_reports,
            None => &self.reports,
        };
        let mut years: Vec<YearGroup<'_>> = Vec::new();
        for report in reports.iter().rev() {
            let label = report.period.financial_year_label();
            match years.last_mut() {
                Some(group) if group.label == label => group.reports.push(link(report)),
                _ => years.push(YearGroup {
                    label,
                    reports: vec![link(report)],
                }),
            }
        }
        let latest = reports.last().map(link);
        self.page(
            "index.html",
            output,
            self.site_view_at(output).title,
            context! { latest, years, latest_key_figures },
        )
    }
}

/// A link to another report, relative to a page at `root`.
pub(super) fn pager_link<'d>(root: &str, other: &'d Report, language: Language) -> PagerLink<'d> {
    PagerLink {
        title: &other.front.title,
        url: format!("{root}{}", other.output),
        period_short: other.period.short_label_in(language),
    }
}
