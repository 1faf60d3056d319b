//! The private-use characters and the HTML block that stand in a body's
//! Markdown for what is put in after it is converted: a placeholder's text, a
//! gap in the preview, a chart's or table's HTML. The placeholders write them
//! and the Markdown conversion reads them, so they live below both.

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
/// Markdown, around its number; see `PageState::block` in the placeholders' page state.
pub const BLOCK_MARK: (&str, &str) = ("<div data-outturn-block=\"", "\"></div>");
