//! A report's or page's body: its placeholders evaluated against the data,
//! its key figures, and its Markdown made HTML. Its page and the pages
//! that list it are made from this; [`BodyOf`] is the generator that makes
//! it, so `serve` keeps a body while only its neighbours' titles change.

use super::Site;
use super::file::root_of;
use super::generator::Generator;
use crate::content::exhibits::Download;
use crate::content::markdown::{self, Html};
use crate::content::{Document, Report};
use crate::data::cell::Marker;
use crate::fingerprint;
use crate::problem::{Problem, Problems};
use crate::query::Reads;
use crate::query::resolve::{Query, Resolver};
use crate::templates::views::KeyFigureView;
use rayon::prelude::*;
use std::collections::BTreeSet;

/// A document's body, evaluated and converted.
pub(super) struct Body {
    pub(super) html: Html,
    pub(super) markers: BTreeSet<Marker>,
    pub(super) key_figures: Vec<KeyFigureView>,
    pub(super) downloads: Vec<Download>,
    /// Indicators the body's placeholders used.
    pub(super) indicators: BTreeSet<String>,
    /// In the preview, the figures shown as gaps.
    pub(super) warnings: Vec<Problem>,
    /// Every figure shown, for the record of what was published.
    pub(super) figures: Vec<crate::record::Shown>,
    /// Updates to a published report: its figures revised or corrected since.
    pub(super) updates: Vec<crate::record::Update>,
    /// Every indicator it read, as the query layer noted them: with the
    /// data each read as at its period, what the build cache keys it by.
    pub(super) reads: BTreeSet<String>,
}

/// A report's key figures as shown, their markers, and (in the preview) a
/// warning for each left out because its figure is not in the data yet.
type KeyFigures = (
    Vec<KeyFigureView>,
    BTreeSet<Marker>,
    Vec<Problem>,
    Vec<crate::record::Shown>,
);

/// A document's body.
pub(super) struct BodyOf<'s> {
    pub(super) site: &'s Site,
    pub(super) document: &'s Document,
}

impl Generator for BodyOf<'_> {
    type Output = Body;

    fn kind(&self) -> &'static str {
        "body"
    }

    /// The data, site.toml and the theme, and the document's own text,
    /// place and front matter.
    fn key(&self) -> u64 {
        let document = self.document;
        fingerprint::of((
            self.site.inputs,
            &document.file,
            &document.body,
            document.body_line,
            &document.output,
            format!("{:?}", document.front),
        ))
    }

    fn make(&self) -> Result<Body, Vec<Problem>> {
        self.site.body(self.document)
    }
}

impl Site {
    /// What a report's or plain page's files are made from, but for the data
    /// its body reads: the settings and theme, the document, the navigation,
    /// a report's neighbours (its page links to them), and the updates a
    /// published report lists. `place` is a report's list (the reports, or
    /// their twins) and its place in it.
    pub(super) fn document_key(
        &self,
        document: &Document,
        place: Option<(&[Report], usize)>,
    ) -> u64 {
        let (previous, next) = match place {
            Some((list, i)) => {
                let neighbour =
                    |i: usize| list.get(i).map(|r| (&r.front.title, &r.output, r.period));
                (i.checked_sub(1).and_then(neighbour), neighbour(i + 1))
            }
            None => (None, None),
        };
        let index = place.map(|(_, i)| i);
        let nav: Vec<_> = self
            .pages
            .iter()
            .map(|p| (&p.front.title, &p.output))
            .collect();
        let updates = self
            .as_published(document)
            .map(|p| format!("{:?}", p.updates));
        fingerprint::of((
            fingerprint::BUILD,
            self.settings,
            index.is_some(),
            (&document.file, &document.body, document.body_line),
            (&document.output, format!("{:?}", document.front)),
            (nav, previous, next, updates),
        ))
    }

    /// `fixed` (see [`Site::document_key`]) with what the data set the
    /// document's body reads from (the data as published, for a published
    /// report) holds of each of `reads` as at its period.
    pub(super) fn read_key(&self, document: &Document, fixed: u64, reads: &[String]) -> u64 {
        let data = self
            .as_published(document)
            .map_or(&*self.data, |p| &*p.data);
        let as_at = document.front.period;
        let each: Vec<(&String, u64)> = reads
            .iter()
            .map(|id| (id, data.read_key(id, as_at)))
            .collect();
        fingerprint::of((fixed, each))
    }
}

/// What the pages that list reports need of a document, once its own page
/// is made.
pub(super) struct Summary {
    /// Indicators its placeholders used.
    pub(super) indicators: BTreeSet<String>,
    /// Its key figures, as shown.
    pub(super) key_figures: Vec<KeyFigureView>,
    /// In the preview, the figures shown as gaps.
    pub(super) warnings: Vec<Problem>,
}

impl Site {
    /// The problems in the bodies of the reports and pages `wanted`.
    pub(super) fn body_problems(&self, wanted: impl Fn(&Document) -> bool + Sync) -> Problems {
        let found: Vec<Vec<Problem>> = self
            .reports
            .par_iter()
            .map(|r| &r.doc)
            .chain(&self.pages)
            .filter(|d| wanted(d))
            .filter_map(|d| self.body(d).err())
            .collect();
        let mut problems = Problems::new();
        for found in found {
            problems.extend(found);
        }
        problems
    }

    pub(super) fn body(&self, document: &Document) -> Result<Body, Vec<Problem>> {
        let inline = crate::content::inline_exhibits(document);
        if !inline.is_empty() {
            return Err(inline);
        }
        // A published report shows the figures it was published with.
        let published = self.as_published(document);
        let (placeholders, data) = match published {
            Some(p) => (&p.placeholders, &p.data),
            None => (&self.placeholders, &self.data),
        };
        let evaluated = placeholders.evaluate_in(
            &document.file,
            &document.body,
            document.body_line,
            document.front.period,
            self.data_complete,
            self.preview,
        );
        let key_figure_reads = Reads::default();
        let key_figures = self.key_figures(document, data, &key_figure_reads);
        let (evaluated, (key_figures, mut markers, mut warnings, mut figures)) =
            match (evaluated, key_figures) {
                (Ok(e), Ok(k)) => (e, k),
                (e, k) => {
                    let mut problems = e.err().unwrap_or_default();
                    problems.extend(k.err().unwrap_or_default());
                    return Err(problems);
                }
            };
        markers.extend(evaluated.markers);
        let mut reads = evaluated.reads;
        reads.extend(key_figure_reads.take());
        // The updates list names each revised figure's indicator.
        if let Some(p) = published {
            reads.extend(p.updates.iter().map(|u| u.key.indicator.clone()));
        }
        warnings.extend(evaluated.gaps);
        figures.extend(evaluated.figures);
        if !document.front.draft {
            for warning in &mut warnings {
                warning.help = Some(format!(
                    "{}; `outturn build` will not publish this report without it",
                    warning.help.as_deref().unwrap_or("add the figure to data/")
                ));
            }
        }
        Ok(Body {
            html: markdown::to_html(
                &evaluated.markdown,
                &root_of(&document.output),
                &evaluated.texts,
                &evaluated.blocks,
            ),
            markers,
            key_figures,
            downloads: evaluated.downloads,
            indicators: evaluated.indicators,
            warnings,
            figures,
            updates: published.map(|p| p.updates.clone()).unwrap_or_default(),
            reads,
        })
    }

    /// The figures named in `key_figures:`, each with its change from the
    /// period before, as at the report's period.
    fn key_figures(
        &self,
        document: &Document,
        data: &crate::data::DataSet,
        reads: &Reads,
    ) -> Result<KeyFigures, Vec<Problem>> {
        let language = self.language_of(&document.output);
        let resolver = Resolver::traced(data, &self.config, document.front.period, reads)
            .in_language(language);
        let mut figures = Vec::new();
        let mut views = Vec::new();
        let mut markers = BTreeSet::new();
        let mut problems = Vec::new();
        let mut gaps = Vec::new();
        for id in &document.front.key_figures {
            let query = Query {
                id: id.clone(),
                ..Query::default()
            };
            let figure = match resolver.value(&query) {
                Ok(figure) => figure,
                Err(fail) => {
                    let (line, column) = document.front.key_figures_at;
                    let problem =
                        Problem::error(&document.file, format!("key_figures: {}", fail.message))
                            .at(line, column)
                            .maybe_help(fail.help);
                    if self.preview && fail.gap.is_some() {
                        // Left out of the preview's key figures, and said so.
                        gaps.push(problem.into_warning(crate::problem::Id::MissingFigure));
                    } else if self.data_complete || !fail.missing_data {
                        problems.push(problem);
                    }
                    continue;
                }
            };
            markers.extend(figure.markers.iter().copied());
            figures.extend(crate::record::shown_figure(&resolver, &query, &figure));
            // A key figure with no earlier figure to compare with is shown alone.
            let change = resolver.change(&query, "previous").ok();
            if let Some(change) = &change {
                markers.extend(change.from.markers.iter().copied());
            }
            let indicator = data
                .indicator_in(id, language)
                .unwrap_or(&data.indicators[id]);
            views.push(KeyFigureView {
                id: id.clone(),
                title: indicator.title.clone(),
                value: figure.text.clone(),
                period: figure.period.short_label_in(language),
                change: change
                    .as_ref()
                    .map(|c| sentence_case(&c.text))
                    .unwrap_or_default(),
                direction: change
                    .as_ref()
                    .and_then(|c| c.direction)
                    .map_or("", |d| d.name()),
                assessment: change
                    .as_ref()
                    .and_then(|c| c.assessment)
                    .map_or("", |a| a.name()),
            });
        }
        if problems.is_empty() {
            Ok((views, markers, gaps, figures))
        } else {
            Err(problems)
        }
    }
}

/// `an increase of 16` → `An increase of 16`.
fn sentence_case(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
