//! How a body's output marks what is put in after Markdown: each
//! placeholder's text and each chart's or table's HTML stands in the Markdown
//! as a mark, so that the Markdown can neither break nor be broken by it.

use super::page::page_state;
use crate::content::options::fail;
use crate::query::resolve::Fail;
use minijinja::value::Value;
use minijinja::{Error, Output, State};

/// Marks where a placeholder's text goes: the text itself is kept aside and
/// put in after the Markdown is converted, HTML-escaped, so a figure is the
/// same in a paragraph, a table cell, a code span, raw HTML or an attribute,
/// and can neither inject markup nor start a list, a link or a table cell.
pub const TOKEN_START: char = '\u{E000}';
/// Ends a placeholder's mark; see [`TOKEN_START`].
pub const TOKEN_END: char = '\u{E001}';

/// Starts a placeholder's text that is a gap, a figure not in the data yet
/// (the preview only): [`crate::content::markdown::to_html`] marks it as one.
pub const GAP: char = '\u{E002}';

/// The one-line HTML block that stands for a chart or table in the
/// Markdown, around its number; see [`super::page::PageState::block`].
pub const BLOCK_MARK: (&str, &str) = ("<div data-outturn-block=\"", "\"></div>");

/// Whether `value` is a chart's or table's mark made by [`super::page::PageState::block`].
fn is_block_mark(value: &Value) -> bool {
    let (open, close) = BLOCK_MARK;
    value
        .as_str()
        .and_then(|s| s.strip_prefix(open))
        .and_then(|s| s.strip_suffix('\n'))
        .and_then(|s| s.strip_suffix(close))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

pub(super) fn markdown_formatter(
    out: &mut Output<'_>,
    state: &State<'_, '_>,
    value: &Value,
) -> Result<(), Error> {
    let html_partial = state.name().ends_with(".html");
    // In a body, the only markup let through is a chart's or table's mark:
    // `{{ "<script>"|safe }}` is shown as text like any other value.
    if value.is_safe() && (html_partial || is_block_mark(value)) {
        return crate::templates::write_as_is(out, value);
    }
    if value.is_undefined() || value.is_none() {
        if html_partial {
            return Ok(());
        }
        return Err(fail(Fail::new(
            "this placeholder has nothing to show",
            Some("a suppressed figure has no .number and its change no .assessment; test first, e.g. {% if value(\"x\").number %}…{% endif %}".into()),
        )));
    }
    let text = value.to_string();
    if html_partial {
        // Chart and table partials are HTML, which Markdown passes through as is.
        return out
            .write_str(&crate::escape::escape(&text))
            .map_err(Error::from);
    }
    let page = page_state(state)?;
    // A gap the evaluation put in place of a figure not in the data yet;
    // any other text starting so is only text.
    let text = match text.strip_prefix(GAP) {
        Some(rest) => match rest.parse::<usize>().ok().and_then(|n| page.gaps.get(n)) {
            Some(gap) => format!("{GAP}{gap}"),
            None => rest.to_string(),
        },
        None => text,
    };
    page.spend(text.len())?;
    let mut texts = page.texts.lock().unwrap_or_else(|e| e.into_inner());
    write!(out, "{TOKEN_START}{}{TOKEN_END}", texts.len()).map_err(Error::from)?;
    texts.push(text);
    Ok(())
}
