//! How a body's output marks what is put in after Markdown: each
//! placeholder's text and each chart's or table's HTML stands in the Markdown
//! as a mark, so that the Markdown can neither break nor be broken by it.

use super::page::{Gap, PageState, page_state};
use crate::content::options::fail;
use crate::content::tokens::{BLOCK_MARK, GAP, TOKEN_END, TOKEN_START};
use crate::query::resolve::Fail;
use minijinja::value::Value;
use minijinja::{Error, Output, State};

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
    if !html_partial && let Some(gap) = value.downcast_object_ref::<Gap>() {
        gap.printed
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let text = format!("{GAP}{}", gap.fail.gap.as_deref().unwrap_or_default());
        let page = page_state(state)?;
        return write_text(out, &page, text);
    }
    let text = value.to_string();
    if html_partial {
        // Chart and table partials are HTML, which Markdown passes through as is.
        return out
            .write_str(&crate::escape::escape(&text))
            .map_err(Error::from);
    }
    let page = page_state(state)?;
    // A gap a round of blanking put in place of a figure not in the data yet;
    // any other text starting so is only text.
    let text = match text.strip_prefix(GAP) {
        Some(rest) => match rest.parse::<usize>().ok().and_then(|n| page.gaps.get(n)) {
            Some(gap) => format!("{GAP}{gap}"),
            None => rest.to_string(),
        },
        None => text,
    };
    write_text(out, &page, text)
}

/// Writes the mark of a placeholder's `text`, which goes in after Markdown.
fn write_text(out: &mut Output<'_>, page: &PageState, text: String) -> Result<(), Error> {
    page.spend(text.len())?;
    let mut texts = page.texts.lock().unwrap_or_else(|e| e.into_inner());
    write!(out, "{TOKEN_START}{}{TOKEN_END}", texts.len()).map_err(Error::from)?;
    texts.push(text);
    Ok(())
}
