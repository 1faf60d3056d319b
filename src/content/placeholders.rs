//! Evaluating the placeholders in a page's body: `value`, `change`, `benchmark`
//! and `period`, before the body is read as Markdown.
//!
//! One environment serves every page (it is `Sync`); what differs per page, the
//! period it is resolved as at, travels in the render context. A page with
//! several bad placeholders gets a problem for each: after an error, the failing
//! expression is blanked out (keeping every line and column where it was) and the
//! body is evaluated again (see `recovery.rs`). In the preview, a figure not
//! in the data yet is no error but a gap, and a draft with gaps is evaluated
//! once ([`Placeholders::evaluate_once`]).
//!
//! A body can do only so much: its evaluation has a budget of work and of
//! text ([`super::budget`]), and it cannot reach the page's state, which
//! sits under a name no template can write.

mod bounded;
mod marks;
mod page;

use super::budget;
use super::exhibits::{self, CHART_OPTIONS, Download, TABLE_OPTIONS};
use super::options::{self, fail};
use super::recovery::{self, Blanked, MAX_PROBLEMS_PER_FILE, MAX_RENDERS};
use crate::config::Config;
use crate::data::DataSet;
use crate::data::cell::Marker;
use crate::i18n::Language;
use crate::period::Period;
use crate::problem::{Id, Problem, Severity};
use crate::query::objects::PeriodValue;
use crate::query::resolve::{Fail, Resolver};
use minijinja::value::{Kwargs, Value};
use minijinja::{Environment, Error, ErrorKind, State, UndefinedBehavior};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use marks::markdown_formatter;
use page::{Drawings, PageState, STATE_VAR, page_state};

/// A body with its placeholders evaluated.
#[derive(Debug)]
pub struct Evaluated {
    /// Markdown, ready to convert.
    pub markdown: String,
    /// GSS markers shown in the text, for the page's key.
    pub markers: BTreeSet<Marker>,
    /// CSV files of the page's charts and tables, to write beside it.
    pub downloads: Vec<Download>,
    /// The indicators the page's placeholders used.
    pub indicators: BTreeSet<String>,
    /// The text of each placeholder, for [`super::markdown::to_html`].
    pub texts: Vec<String>,
    /// The HTML of each chart and table, for [`super::markdown::to_html`].
    pub blocks: Vec<String>,
    /// In the preview, each figure not in the data yet, shown as a gap.
    pub gaps: Vec<Problem>,
    /// Every figure shown, for the record of what was published.
    pub figures: Vec<crate::record::Shown>,
    /// Every indicator read, by any round of the evaluation.
    pub reads: BTreeSet<String>,
}

/// The environment that evaluates bodies.
pub struct Placeholders {
    env: Environment<'static>,
    /// The language of the site's root, which a body is written in unless
    /// its file is a twin (`about.cy.md`).
    language: Language,
    /// Writes a placeholder call as [`call_text`] does, without evaluating
    /// it: finds in a body the call that made a gap.
    probe: Environment<'static>,
}

impl Placeholders {
    /// Registers the placeholder functions over the site's data; `partials`
    /// are the theme's templates for charts and tables.
    pub fn new(
        data: Arc<DataSet>,
        config: Arc<Config>,
        partials: &[(String, String)],
    ) -> Placeholders {
        let language = Language::of_tag(&config.language);
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
        env.set_keep_trailing_newline(true);
        env.set_formatter(markdown_formatter);
        env.set_fuel(Some(budget::BODY_FUEL));
        // It would print the render context, and has no use in a report.
        env.remove_global("debug");
        crate::templates::translate::register(&mut env);
        for (name, source) in partials {
            // The theme loaded them already, so they compile.
            let _ = env.add_template_owned(name.clone(), source.clone());
        }

        let (d, c) = (data.clone(), config.clone());
        env.add_function("chart", move |state: &State, id: String, kwargs: Kwargs| {
            let start = crate::alloc::allocated();
            let selection = options::selection(vec![id.clone()], &kwargs, &CHART_OPTIONS)?;
            let title = options::title(&kwargs)?;
            let page = page_state(state)?;
            let number = page.exhibits() + 1;
            let key = format!("chart {number} {id:?} {:?}", Value::from(kwargs.clone()));
            let (grid, html, download) = page.drawn(key, || {
                let grid = with_resolver(state, &d, &c, |r, _| r.chart_grid(&selection))?;
                page.next_number()?;
                let (html, download) =
                    exhibits::linked_figure_html(state.env(), number, &grid, title.as_deref())
                        .map_err(partial_error)?;
                Ok((grid, html, download))
            })?;
            page.record(crate::record::shown_in(&grid, &d, &c));
            page.add(&grid, download);
            page.drawn_since(start);
            page.block(html)
        });
        let (d, c) = (data.clone(), config.clone());
        env.add_function("table", move |state: &State, ids: Value, kwargs: Kwargs| {
            let start = crate::alloc::allocated();
            let list = options::indicator_list(&ids)?;
            let mut selection = options::selection(list, &kwargs, &TABLE_OPTIONS)?;
            if let Some(n) = options::periods(&kwargs)? {
                selection.last = Some(n);
            }
            let page = page_state(state)?;
            let number = page.exhibits() + 1;
            let key = format!("table {number} {ids:?} {:?}", Value::from(kwargs.clone()));
            let (grid, html, download) = page.drawn(key, || {
                let grid = with_resolver(state, &d, &c, |r, _| r.table_grid(&selection))?;
                page.next_number()?;
                let (html, download) =
                    exhibits::table_html(state.env(), number, &grid).map_err(partial_error)?;
                Ok((grid, html, download))
            })?;
            page.record(crate::record::shown_in(&grid, &d, &c));
            page.add(&grid, download);
            page.drawn_since(start);
            page.block(html)
        });

        let (d, c) = (data.clone(), config.clone());
        env.add_function("value", move |state: &State, id: String, kwargs: Kwargs| {
            let query = options::query(&id, &kwargs, &["period", "area", "breakdown", "latest"])?;
            let call = || call_text("value", &id, None, &kwargs);
            with_figure(state, &d, &c, call, |r, page| {
                let figure = r.value(&query)?;
                page.record(crate::record::shown_figure(r, &query, &figure));
                page.note(&figure.markers);
                page.uses(&figure.indicator);
                if query.period.is_none() && query.area.is_none() {
                    page.shows(&figure.indicator, figure.period);
                }
                Ok(Value::from_object(figure))
            })
        });
        let (d, c) = (data.clone(), config.clone());
        env.add_function(
            "benchmark",
            move |state: &State, id: String, comparator: String, kwargs: Kwargs| {
                let mut query = options::query(&id, &kwargs, &["breakdown", "period", "latest"])?;
                query.area = Some(comparator.clone());
                let call = || call_text("benchmark", &id, Some(&comparator), &kwargs);
                with_figure(state, &d, &c, call, |r, page| {
                    let figure = r.benchmark(&query)?;
                    page.record(crate::record::shown_figure(r, &query, &figure));
                    page.note(&figure.markers);
                    page.uses(&figure.indicator);
                    Ok(Value::from_object(figure))
                })
            },
        );
        let (d, c) = (data, config);
        env.add_function(
            "change",
            move |state: &State, id: String, kwargs: Kwargs| {
                let query = options::query(&id, &kwargs, &["vs", "period", "area", "breakdown"])?;
                let vs = options::vs(&kwargs)?;
                let call = || call_text("change", &id, None, &kwargs);
                with_figure(state, &d, &c, call, |r, page| {
                    let change = r.change(&query, vs.as_deref().unwrap_or("previous"))?;
                    page.record(crate::record::shown_figure(r, &query, &change.from));
                    page.record(crate::record::shown_figure(r, &query, &change.to));
                    page.note(&change.from.markers);
                    page.note(&change.to.markers);
                    page.uses(&change.to.indicator);
                    if query.period.is_none() && query.area.is_none() {
                        page.shows(&change.to.indicator, change.to.period);
                    }
                    Ok(Value::from_object(change))
                })
            },
        );
        bounded::register(&mut env);
        Placeholders {
            env,
            language,
            probe: probe(),
        }
    }

    /// The environment, with the theme's partials, for drawing charts and
    /// tables outside a body (indicator pages).
    pub fn env(&self) -> &Environment<'static> {
        &self.env
    }

    /// Evaluates one placeholder expression (`value("cla_count")`) as at
    /// `as_at`, and says which of the site's own figures it shows "as at the
    /// page": each indicator with the period of the figure shown.
    pub fn figures_shown(
        &self,
        expression: &str,
        as_at: Period,
    ) -> Result<Vec<(String, Period)>, String> {
        let page = PageState::new(
            Some(as_at),
            self.language,
            Vec::new(),
            false,
            Arc::default(),
        );
        self.render(&format!("{{{{ {expression} }}}}"), &page)
            .map_err(|e| {
                std::error::Error::source(&e)
                    .and_then(|s| s.downcast_ref::<Fail>())
                    .map_or_else(|| e.to_string(), |f| f.message.clone())
            })?;
        let shown = page.shown.lock().map(|s| s.clone()).unwrap_or_default();
        Ok(shown)
    }

    fn render(&self, source: &str, page: &Arc<PageState>) -> Result<String, Error> {
        let as_at = page.as_at;
        let context: BTreeMap<&str, Value> = BTreeMap::from([
            (
                "period",
                Value::from(as_at.map(|p| Value::from_object(PeriodValue(p, page.language)))),
            ),
            (STATE_VAR, Value::from_dyn_object(page.clone())),
        ]);
        self.env
            .template_from_str(source)
            .and_then(|template| template.render(context))
    }

    /// Evaluates `source`, the body of `file` starting at line `first_line`, as
    /// at `as_at` (a report's period; `None` for plain pages).
    ///
    /// When `data_complete` is false, data/ had problems of its own, and a
    /// figure missing because of them is not reported again here.
    pub fn evaluate(
        &self,
        file: &Path,
        source: &str,
        first_line: usize,
        as_at: Option<Period>,
        data_complete: bool,
    ) -> Result<Evaluated, Vec<Problem>> {
        self.evaluate_in(file, source, first_line, as_at, data_complete, false)
    }

    /// As [`Placeholders::evaluate`]; with `preview`, a figure not in the
    /// data yet is no error: a marked gap takes its place and a warning
    /// says which, so an unfinished draft can be read while it is written.
    pub fn evaluate_in(
        &self,
        file: &Path,
        source: &str,
        first_line: usize,
        as_at: Option<Period>,
        data_complete: bool,
        preview: bool,
    ) -> Result<Evaluated, Vec<Problem>> {
        let page = (file, source, first_line);
        self.evaluate_drawing(page, as_at, data_complete, preview, &Arc::default())
    }

    /// As [`Placeholders::evaluate_in`], keeping the charts and tables drawn
    /// in `drawings`: each round after an error draws the same ones, so a
    /// body's charts are drawn once however many rounds it takes.
    fn evaluate_drawing(
        &self,
        page: (&Path, &str, usize),
        as_at: Option<Period>,
        data_complete: bool,
        preview: bool,
        drawings: &Arc<Drawings>,
    ) -> Result<Evaluated, Vec<Problem>> {
        let language = super::twin_language(page.0)
            .and_then(Language::of_translation)
            .unwrap_or(self.language);
        if preview
            && let Some(evaluated) =
                self.evaluate_once(page, as_at, language, data_complete, drawings)
        {
            return evaluated;
        }
        self.evaluate_rounds(page, as_at, language, data_complete, preview, drawings)
    }

    /// The preview's evaluation in one round, gaps included: each figure not
    /// in the data yet is a [`page::Gap`], printed as a marked gap, with the
    /// warning blanking it out would give. `None` when that is not sure to
    /// be the same page as [`Placeholders::evaluate_rounds`] makes (a gap
    /// used other than printed as it is, a body with loops or macros, any
    /// error), which then finds the page's problems round by round.
    fn evaluate_once(
        &self,
        (file, source, first_line): (&Path, &str, usize),
        as_at: Option<Period>,
        language: Language,
        data_complete: bool,
        drawings: &Arc<Drawings>,
    ) -> Option<Result<Evaluated, Vec<Problem>>> {
        let page = PageState::new(as_at, language, Vec::new(), true, drawings.clone());
        drawings.rounds.fetch_add(1, Ordering::Relaxed);
        let rendered = self.render(source, &page);
        if !page.within_allocation() {
            return None;
        }
        let markdown = rendered.ok()?;
        let found = page
            .gap_values
            .as_ref()
            .map(|g| std::mem::take(&mut *g.lock().unwrap_or_else(|e| e.into_inner())))
            .unwrap_or_default();
        let mut gaps = Vec::with_capacity(found.len());
        if !found.is_empty() {
            let places = self.gap_places(source, &found)?;
            for (gap, start) in found.iter().zip(places) {
                let problem = recovery::fail_problem(file, source, first_line, start, &gap.fail)
                    .into_warning(Id::MissingFigure);
                gaps.push(problem);
            }
        }
        Some(finish(
            (file, source, first_line),
            page.evaluated(markdown),
            gaps,
            Vec::new(),
            data_complete,
        ))
    }

    /// Where in `source` each of the gaps `found` was made, in order: the
    /// start of its call, which must be all of a `{{ … }}` of its own that
    /// printed it once, where blanking would put a gap. `None` if any is not
    /// so, or cannot be told apart from a call the evaluation did not make.
    fn gap_places(&self, source: &str, found: &[Arc<page::Gap>]) -> Option<Vec<usize>> {
        if found.len() >= MAX_RENDERS {
            return None;
        }
        let printed_once = |g: &Arc<page::Gap>| {
            g.printed.load(Ordering::Relaxed) == 1 && !g.misused.load(Ordering::Relaxed)
        };
        if !found.iter().all(printed_once) {
            return None;
        }
        let sites: Vec<(usize, usize, Option<String>)> = recovery::print_sites(source)?
            .into_iter()
            .map(|(start, room, call)| {
                let text = self
                    .probe
                    .compile_expression(call)
                    .and_then(|e| e.eval(()))
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string));
                (start, room, text)
            })
            .collect();
        // A body whose only tags are `if`s reaches each call once at most,
        // in order: the gaps of one call text are its sites in order, if
        // there are as many of them.
        let mut places = Vec::with_capacity(found.len());
        let mut taken: BTreeMap<&str, usize> = BTreeMap::new();
        for (index, gap) in found.iter().enumerate() {
            let same = |s: &&(usize, usize, Option<String>)| s.2.as_deref() == Some(&gap.call);
            if sites.iter().filter(same).count()
                != found.iter().filter(|g| g.call == gap.call).count()
            {
                return None;
            }
            let nth = taken.entry(gap.call.as_str()).or_default();
            let &(start, room, _) = sites.iter().filter(same).nth(*nth)?;
            *nth += 1;
            if room < recovery::gap_literal(index).len() {
                return None;
            }
            places.push(start);
        }
        Some(places)
    }

    /// Evaluates the body round by round: after each error, the failing
    /// expression is blanked out (in the preview, a gap put in its place)
    /// and the body evaluated again.
    fn evaluate_rounds(
        &self,
        (file, source, first_line): (&Path, &str, usize),
        as_at: Option<Period>,
        language: Language,
        data_complete: bool,
        preview: bool,
        drawings: &Arc<Drawings>,
    ) -> Result<Evaluated, Vec<Problem>> {
        let mut source = source.to_string();
        let mut problems: Vec<Problem> = Vec::new();
        let mut gaps: Vec<String> = Vec::new();
        let mut gap_problems: Vec<Problem> = Vec::new();
        let mut blanked = Blanked::default();
        for _ in 0..MAX_RENDERS {
            let page = PageState::new(as_at, language, gaps.clone(), false, drawings.clone());
            drawings.rounds.fetch_add(1, Ordering::Relaxed);
            let rendered = self.render(&source, &page);
            // A loop stopped for making too much ends quietly; the problem
            // is placed at the first loop over `range()`.
            if !page.within_allocation() {
                let problem = bounded::problem(file, &source, first_line, rendered.err());
                problems.push(problem);
                return Err(stopped(problems, &gap_problems));
            }
            let error = match rendered {
                Ok(markdown) => {
                    return finish(
                        (file, &source, first_line),
                        page.evaluated(markdown),
                        gap_problems,
                        problems,
                        data_complete,
                    );
                }
                Err(error) => error,
            };
            let fail = std::error::Error::source(&error).and_then(|s| s.downcast_ref::<Fail>());
            let missing_data = fail.is_some_and(|f| f.missing_data);
            let range = error.range();
            let leftover = range.as_ref().is_some_and(|r| blanked.overlaps(r));
            if let Some(gap) = fail
                .and_then(|f| f.gap.clone())
                .filter(|_| preview && !leftover)
                && let Some(range) = range.clone()
            {
                let problem = recovery::problem(file, &source, first_line, &error)
                    .into_warning(Id::MissingFigure);
                gap_problems.push(problem);
                let literal = recovery::gap_literal(gaps.len());
                gaps.push(gap);
                match blanked.next_with(&source, range, &literal) {
                    Some(next) => source = next,
                    None => return Err(stopped(problems, &gap_problems)),
                }
                continue;
            }
            if (data_complete || !missing_data) && !leftover {
                problems.push(recovery::problem(file, &source, first_line, &error));
            }
            // Running out of fuel again, after a second's work, tells nothing new.
            if budget::out_of_fuel(&error)
                || error.kind() == ErrorKind::SyntaxError
                || problems.len() >= MAX_PROBLEMS_PER_FILE
            {
                return Err(stopped(problems, &gap_problems));
            }
            match range.and_then(|r| blanked.next(&source, r)) {
                Some(next) => source = next,
                None => return Err(stopped(problems, &gap_problems)),
            }
        }
        Err(stopped(problems, &gap_problems))
    }
}

/// A body evaluated to the end, with the gaps it showed: checked for
/// markup, it is the page, unless there were `problems` or data/ has its own.
fn finish(
    (file, source, first_line): (&Path, &str, usize),
    mut evaluated: Evaluated,
    gaps: Vec<Problem>,
    mut problems: Vec<Problem>,
    data_complete: bool,
) -> Result<Evaluated, Vec<Problem>> {
    evaluated.gaps = gaps;
    problems.extend(super::html_policy::check(
        file,
        source,
        first_line,
        &evaluated.markdown,
        &evaluated.texts,
    ));
    if problems.is_empty() && data_complete {
        return Ok(evaluated);
    }
    Err(problems)
}

/// The problems of an evaluation that stopped. If it stopped only because
/// of what a gap left behind (`{% set c = change("x") %}…{{ c.text }}`), the
/// gaps are why, and are errors: the page cannot be shown.
fn stopped(problems: Vec<Problem>, gaps: &[Problem]) -> Vec<Problem> {
    if !problems.is_empty() {
        return problems;
    }
    gaps.iter()
        .cloned()
        .map(|p| Problem {
            severity: Severity::Error,
            ..p
        })
        .collect()
}

/// A theme's chart or table partial failed. Its place is in the partial, not
/// in the body: the problem names the partial and its line, and is placed at
/// the `chart()` or `table()` call, where minijinja puts an error that has no
/// place of its own.
fn partial_error(error: Error) -> Error {
    let Some(name) = error.name().map(str::to_string) else {
        return error;
    };
    let at = error
        .line()
        .map(|l| format!(", line {l}"))
        .unwrap_or_default();
    let what = if budget::out_of_fuel(&error) {
        budget::OUT_OF_FUEL.to_string()
    } else {
        error
            .detail()
            .map_or_else(|| error.kind().to_string(), str::to_string)
    };
    let fault = Fail::new(
        format!("the theme's `{name}`{at}: {what}"),
        Some(format!(
            "fix `{name}` in the site's templates/ or its theme"
        )),
    );
    // Of the same kind, so that running out of fuel stops the evaluation.
    Error::new(error.kind(), fault.message.clone()).with_source(fault)
}

/// As [`with_resolver`], for a figure: in the preview's single evaluation,
/// a figure not in the data yet is a gap (see [`PageState::gap`]), which
/// `call` says how it was asked for.
fn with_figure(
    state: &State,
    data: &DataSet,
    config: &Config,
    call: impl FnOnce() -> String,
    f: impl FnOnce(&Resolver<'_>, &PageState) -> Result<Value, Fail>,
) -> Result<Value, Error> {
    let page = page_state(state)?;
    let resolver =
        Resolver::traced(data, config, page.as_at, page.reads()).in_language(page.language);
    f(&resolver, &page).or_else(|failure| page.gap(&failure, call).ok_or_else(|| fail(failure)))
}

/// How a placeholder call is written for finding it again: the function
/// and its arguments.
fn call_text(function: &str, id: &str, comparator: Option<&str>, kwargs: &Kwargs) -> String {
    format!(
        "{function} {id:?} {comparator:?} {:?}",
        Value::from(kwargs.clone())
    )
}

/// An environment whose `value`, `change` and `benchmark` evaluate to the
/// [`call_text`] of their call, and nothing else.
fn probe() -> Environment<'static> {
    let mut env = Environment::new();
    env.add_function("value", |id: String, kwargs: Kwargs| {
        call_text("value", &id, None, &kwargs)
    });
    env.add_function("change", |id: String, kwargs: Kwargs| {
        call_text("change", &id, None, &kwargs)
    });
    env.add_function(
        "benchmark",
        |id: String, comparator: String, kwargs: Kwargs| {
            call_text("benchmark", &id, Some(&comparator), &kwargs)
        },
    );
    env
}

fn with_resolver<T>(
    state: &State,
    data: &DataSet,
    config: &Config,
    f: impl FnOnce(&Resolver<'_>, &PageState) -> Result<T, Fail>,
) -> Result<T, Error> {
    let page = page_state(state)?;
    let resolver =
        Resolver::traced(data, config, page.as_at, page.reads()).in_language(page.language);
    f(&resolver, &page).map_err(fail)
}
#[cfg(test)]
mod tests;
