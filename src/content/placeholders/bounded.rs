//! What a body may build: minijinja's fuel counts steps, not sizes, so the
//! built-ins that make large values from small ones are given checks here,
//! and every loop over `range()` checks what the evaluation has allocated
//! so far ([`PageState::within_allocation`]).
//!
//! `replace()` and `indent()` work out the size of their result before
//! making it, and refuse one past [`budget::MAX_ALLOCATED_BYTES`]. A loop
//! over `range()` stops when the evaluation has allocated more than that,
//! and the evaluation is then an error at the loop. What neither catches (a
//! string doubled by `~` on forty lines with no loop) is the limit the
//! README names.

use super::page::{STATE_VAR, page_state};
use crate::content::budget;
use crate::content::options::fail;
use crate::problem::Problem;
use crate::query::resolve::Fail;
use minijinja::value::{Kwargs, StringInput, Value};
use minijinja::{Environment, Error, State, filters, functions};
use std::path::Path;

pub(super) fn register(env: &mut Environment<'static>) {
    env.add_function(
        "range",
        |state: &State, lower: isize, upper: Option<isize>, step: Option<isize>| {
            let range = functions::range(lower, upper, step)?;
            // A chart's or table's partial is rendered on its own, with no
            // page: its loops are the theme's, and are not counted.
            if state.lookup(STATE_VAR).is_none() {
                return Ok(range);
            }
            let page = page_state(state)?;
            Ok(Value::make_iterable(move || {
                let page = page.clone();
                range
                    .try_iter()
                    .into_iter()
                    .flatten()
                    .take_while(move |_| page.within_allocation())
            }))
        },
    );
    env.add_filter(
        "replace",
        |state: &State, value: &Value, from: &Value, to: &Value| {
            let (value, from, to) = (
                StringInput::new(state, value)?,
                StringInput::new(state, from)?,
                StringInput::new(state, to)?,
            );
            let (text, pattern) = (value.as_str(), from.as_str());
            let times = if pattern.is_empty() {
                text.chars().count() + 1
            } else {
                text.matches(pattern).count()
            };
            check_size(text.len() as u64 + times as u64 * to.as_str().len() as u64)?;
            filters::replace(state, value, from, to)
        },
    );
    env.add_filter(
        "indent",
        |value: StringInput<'_>,
         width: Option<usize>,
         first: Option<bool>,
         blank: Option<bool>,
         kwargs: Kwargs| {
            let chosen: Option<usize> = kwargs.peek("width")?;
            let text = value.as_str();
            let lines = text.matches('\n').count() as u64 + 1;
            let each = width.or(chosen).unwrap_or(4) as u64;
            check_size(text.len() as u64 + lines.saturating_mul(each))?;
            filters::indent(value, width, first, blank, kwargs)
        },
    );
}

/// Refuses to make a value of `size` bytes past the budget.
fn check_size(size: u64) -> Result<(), Error> {
    if size > budget::MAX_ALLOCATED_BYTES {
        return Err(fail(Fail::new(
            format!(
                "this would make {} MB of text, and a body may make at most {} MB",
                size >> 20,
                budget::MAX_ALLOCATED_BYTES >> 20
            ),
            Some(budget::TOO_MUCH_MEMORY_HELP.into()),
        )));
    }
    Ok(())
}

/// The problem of an evaluation that allocated too much: at the place of
/// `error` when a check raised one, or else at the first loop over
/// `range()`, which stopped.
pub(super) fn problem(
    file: &Path,
    source: &str,
    first_line: usize,
    error: Option<Error>,
) -> Problem {
    let ours = error.as_ref().filter(|e| {
        std::error::Error::source(e)
            .and_then(|s| s.downcast_ref::<Fail>())
            .is_some()
    });
    if let Some(error) = ours {
        return super::recovery::problem(file, source, first_line, error);
    }
    let line = source
        .lines()
        .position(|l| l.contains("range("))
        .unwrap_or(0);
    Problem::error(file, budget::too_much_memory())
        .help(budget::TOO_MUCH_MEMORY_HELP)
        .at_line(first_line + line)
}
