//! A file of the built site, and where a page sits: what every generator
//! makes and every stage after them passes on. It imports nothing of the
//! rest of the site.

use bytes::Bytes;

/// One file of the built site, in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    /// Its bytes, shared: a page kept by `serve` between rebuilds is
    /// handed on without a copy.
    pub contents: Bytes,
}

impl OutputFile {
    pub(super) fn new(path: impl Into<String>, contents: impl Into<Vec<u8>>) -> OutputFile {
        OutputFile {
            path: path.into(),
            contents: Bytes::from(contents.into()),
        }
    }
}

/// `reports/2023-24-q1/index.html` → `../../`.
pub(crate) fn root_of(output: &str) -> String {
    "../".repeat(output.matches('/').count())
}
