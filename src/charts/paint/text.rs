//! Text in a chart's SVG, written here rather than through plotters: each
//! `<text>` element with its anchor, size and weight, and the white pill a
//! label sits on over a coloured mark.

use crate::charts::layout::{FONT, LINE, text_width};
use crate::escape::escape_into;
use std::fmt::Write as _;

/// Where a line of text sits relative to its x.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    Start,
    Middle,
    End,
}

/// A `<text>` element: position, anchor and optional size and weight.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Text {
    pub(crate) x: i32,
    /// The baseline.
    pub(crate) y: i32,
    pub(crate) anchor: Anchor,
    /// Font size, when not the chart's [`FONT`].
    pub(crate) size: Option<i32>,
    pub(crate) bold: bool,
}

impl Text {
    /// Text at `(x, y)` anchored at its start.
    pub(crate) fn at(x: i32, y: i32) -> Text {
        Text {
            x,
            y,
            anchor: Anchor::Start,
            size: None,
            bold: false,
        }
    }

    /// The same text with another anchor.
    pub(crate) fn anchor(self, anchor: Anchor) -> Text {
        Text { anchor, ..self }
    }

    /// The same text, smaller.
    pub(crate) fn small(self) -> Text {
        Text {
            size: Some(crate::charts::layout::SMALL),
            ..self
        }
    }

    /// The same text, bold.
    pub(crate) fn bold(self) -> Text {
        Text { bold: true, ..self }
    }

    /// Writes the element containing `content`, escaped.
    pub(crate) fn write(self, out: &mut String, content: &str) {
        let _ = write!(out, "<text x=\"{}\" y=\"{}\"", self.x, self.y);
        match self.anchor {
            Anchor::Start => {}
            Anchor::Middle => out.push_str(" text-anchor=\"middle\""),
            Anchor::End => out.push_str(" text-anchor=\"end\""),
        }
        if let Some(size) = self.size {
            let _ = write!(out, " font-size=\"{size}\"");
        }
        if self.bold {
            out.push_str(" font-weight=\"bold\"");
        }
        out.push('>');
        escape_into(out, content);
        out.push_str("</text>\n");
    }
}

/// A label on a coloured mark: dark text on a white pill, so its contrast does
/// not depend on the mark's colour or pattern. `(x, y)` is the centre.
pub(crate) fn pill(out: &mut String, (x, y): (i32, i32), content: &str) {
    let w = text_width(content, FONT) + 8;
    let _ = writeln!(
        out,
        "<rect class=\"pill\" x=\"{}\" y=\"{}\" width=\"{w}\" height=\"{}\" rx=\"3\" fill=\"#fff\"/>",
        x - w / 2,
        y - LINE / 2 - 1,
        LINE + 2
    );
    Text::at(x, y + 5)
        .anchor(Anchor::Middle)
        .write(out, content);
}
