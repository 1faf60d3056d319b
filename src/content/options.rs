//! Reading the options of the placeholder functions (`chart("x", last=8)`),
//! each as the type it must be: an option of the wrong type is a problem
//! naming the option, what it takes and what it was given, never minijinja's
//! own "cannot convert string to usize".

use crate::problem::suggest;
use crate::query::figures::{Selection, parse_kind};
use crate::query::objects::PeriodValue;
use crate::query::resolve::{Fail, Query};
use minijinja::value::{Kwargs, Value, ValueKind};
use minijinja::{Error, ErrorKind};

/// Reads `chart()` and `table()` options.
pub(super) fn selection(
    ids: Vec<String>,
    kwargs: &Kwargs,
    allowed: &[&str],
) -> Result<Selection, Error> {
    check_options(kwargs, allowed)?;
    let kind = match text(kwargs, "kind", "\"bar\"")? {
        Some(k) => Some(parse_kind(&k).map_err(fail)?),
        None => None,
    };
    let compare = match present(kwargs, "compare")? {
        None => Vec::new(),
        Some(v) => text_list(
            &v,
            "`compare=`",
            "a comparator",
            "compare=[\"sn\", \"england\"]",
        )?,
    };
    Ok(Selection {
        ids,
        kind,
        from: period(kwargs, "from", "\"2022-23 Q1\"")?,
        last: if allowed.contains(&"last") {
            number(kwargs, "last", "8")?
        } else {
            None
        },
        compare,
        breakdown: text(kwargs, "breakdown", "\"age\"")?,
    })
}

/// `table()`'s own option: how many periods, a whole number.
pub(super) fn periods(kwargs: &Kwargs) -> Result<Option<usize>, Error> {
    number(kwargs, "periods", "4")
}

/// `chart()`'s own option: the chart's title, as text.
pub(super) fn title(kwargs: &Kwargs) -> Result<Option<String>, Error> {
    text(kwargs, "title", "\"Children looked after\"")
}

/// `change()`'s own option: the period to compare with.
pub(super) fn vs(kwargs: &Kwargs) -> Result<Option<String>, Error> {
    period(kwargs, "vs", "\"year_ago\"")
}

/// `table()`'s indicators: `"cla_count"` or `["cla_count", "uasc_count"]`.
pub(super) fn indicator_list(ids: &Value) -> Result<Vec<String>, Error> {
    text_list(
        ids,
        "`table()`",
        "an indicator id",
        "table([\"cla_count\", \"uasc_count\"])",
    )
}

/// Reads `value()`, `change()` and `benchmark()` options.
pub(super) fn query(id: &str, kwargs: &Kwargs, allowed: &[&str]) -> Result<Query, Error> {
    check_options(kwargs, allowed)?;
    let option = |name: &str, example: &str| -> Result<Option<String>, Error> {
        if !allowed.contains(&name) {
            Ok(None)
        } else if name == "period" {
            period(kwargs, name, example)
        } else {
            text(kwargs, name, example)
        }
    };
    Ok(Query {
        id: id.to_string(),
        area: option("area", "\"england\"")?,
        breakdown: option("breakdown", "\"age\"")?,
        period: option("period", "\"2023-24 Q1\"")?,
        latest: allowed.contains(&"latest") && flag(kwargs, "latest")?,
    })
}

fn check_options(kwargs: &Kwargs, allowed: &[&str]) -> Result<(), Error> {
    for name in kwargs.args() {
        if !allowed.contains(&name) {
            let help = suggest(name, allowed.iter().copied())
                .unwrap_or_else(|| format!("the options are {}", allowed.join(", ")));
            return Err(fail(Fail::new(
                format!("unknown option `{name}`"),
                Some(help),
            )));
        }
    }
    Ok(())
}

/// The option's value, if it was given one other than `none`.
fn present(kwargs: &Kwargs, name: &str) -> Result<Option<Value>, Error> {
    Ok(kwargs
        .get::<Option<Value>>(name)?
        .filter(|v| !v.is_none() && !v.is_undefined()))
}

/// An option that takes text in quotes.
fn text(kwargs: &Kwargs, name: &str, example: &str) -> Result<Option<String>, Error> {
    present(kwargs, name)?
        .map(|v| {
            v.as_str().map(str::to_string).ok_or_else(|| {
                wrong_type(
                    &format!("`{name}=`"),
                    "text in quotes",
                    &v,
                    &format!("{name}={example}"),
                )
            })
        })
        .transpose()
}

/// An option that takes `true` or `false`.
fn flag(kwargs: &Kwargs, name: &str) -> Result<bool, Error> {
    present(kwargs, name)?
        .map(|v| {
            if v.kind() == ValueKind::Bool {
                Ok(v.is_true())
            } else {
                Err(wrong_type(
                    &format!("`{name}=`"),
                    "true or false",
                    &v,
                    &format!("{name}=true"),
                ))
            }
        })
        .transpose()
        .map(Option::unwrap_or_default)
}

/// An option that takes a period: text in quotes, or a period itself
/// (`period.previous`, `period.year_ago`), written as text that reads back
/// as the same period.
fn period(kwargs: &Kwargs, name: &str, example: &str) -> Result<Option<String>, Error> {
    if let Some(p) = present(kwargs, name)?
        .as_ref()
        .and_then(|v| v.downcast_object_ref::<PeriodValue>())
    {
        return Ok(Some(p.0.written()));
    }
    text(kwargs, name, example)
}

/// An option that takes a whole number.
fn number(kwargs: &Kwargs, name: &str, example: &str) -> Result<Option<usize>, Error> {
    present(kwargs, name)?
        .map(|v| {
            v.as_usize()
                .filter(|_| v.kind() == ValueKind::Number)
                .ok_or_else(|| {
                    wrong_type(
                        &format!("`{name}=`"),
                        "a whole number",
                        &v,
                        &format!("{name}={example}"),
                    )
                })
        })
        .transpose()
}

/// Text in quotes, or a list of texts in `[ ]`: `what` is the option or
/// function, `item` what each text is, with its article.
fn text_list(value: &Value, what: &str, item: &str, example: &str) -> Result<Vec<String>, Error> {
    if let Some(text) = value.as_str() {
        return Ok(vec![text.to_string()]);
    }
    let wrong = |got: &Value| {
        let expected = format!("{item} in quotes, or a list of them in [ ]");
        wrong_type(what, &expected, got, example)
    };
    if value.kind() != ValueKind::Seq {
        return Err(wrong(value));
    }
    value
        .try_iter()?
        .map(|v| v.as_str().map(str::to_string).ok_or_else(|| wrong(&v)))
        .collect()
}

/// "`last=` takes a whole number, not the text "four"".
fn wrong_type(what: &str, expected: &str, got: &Value, example: &str) -> Error {
    let got = match got.kind() {
        ValueKind::String => format!("the text {got:?}"),
        ValueKind::Number => format!("the number {got}"),
        ValueKind::Bool => format!("{got}"),
        ValueKind::Seq => "a list".to_string(),
        ValueKind::Map => "a map".to_string(),
        _ => format!("`{got}`"),
    };
    fail(Fail::new(
        format!("{what} takes {expected}, not {got}"),
        Some(format!("e.g. {example}")),
    ))
}

/// A placeholder's problem, as minijinja carries it to [`super::recovery`].
pub(super) fn fail(fail: Fail) -> Error {
    Error::new(ErrorKind::InvalidOperation, fail.message.clone()).with_source(fail)
}
