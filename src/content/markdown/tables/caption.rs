//! A table's caption: a paragraph starting `Table:` just before the table,
//! or just after it as pandoc allows, found among the Markdown events.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use std::ops::Range;

/// What a paragraph starts with to caption the table beside it.
const CAPTION_PREFIXES: [&str; 2] = ["Table:", "table:"];

/// The caption paragraph ending just before `table_start`, if there is one.
pub(super) fn caption_before(events: &[Event<'_>], table_start: usize) -> Option<Range<usize>> {
    let end = table_start.checked_sub(1)?;
    if !matches!(events[end], Event::End(TagEnd::Paragraph)) {
        return None;
    }
    let start = events[..end]
        .iter()
        .rposition(|e| matches!(e, Event::Start(Tag::Paragraph)))?;
    is_caption(&events[start..=end]).then_some(start..end + 1)
}

/// The caption paragraph starting at `after_table`, if there is one.
pub(super) fn caption_after(events: &[Event<'_>], after_table: usize) -> Option<Range<usize>> {
    if !matches!(events.get(after_table), Some(Event::Start(Tag::Paragraph))) {
        return None;
    }
    let end = events[after_table..]
        .iter()
        .position(|e| matches!(e, Event::End(TagEnd::Paragraph)))?
        + after_table;
    is_caption(&events[after_table..=end]).then_some(after_table..end + 1)
}

/// Whether a paragraph starts `Table:` and says something after it.
fn is_caption(paragraph: &[Event<'_>]) -> bool {
    let Some(Event::Text(first)) = paragraph.get(1) else {
        return false;
    };
    let more_than_first = paragraph.len() > 3;
    CAPTION_PREFIXES
        .iter()
        .filter_map(|p| first.strip_prefix(p))
        .any(|rest| !rest.trim().is_empty() || more_than_first)
}

/// A caption paragraph's content, without its `Table:`.
pub(super) fn caption_content<'a>(paragraph: &[Event<'a>]) -> Vec<Event<'a>> {
    let mut inner: Vec<Event<'a>> = paragraph[1..paragraph.len() - 1].to_vec();
    if let Some(Event::Text(t)) = inner.first_mut() {
        let rest = CAPTION_PREFIXES
            .iter()
            .find_map(|p| t.strip_prefix(p))
            .unwrap_or(t)
            .trim_start()
            .to_string();
        *t = CowStr::from(rest);
    }
    inner
}
