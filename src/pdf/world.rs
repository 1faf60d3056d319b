//! The typst [`World`] a report's PDF is compiled in: the one template, the
//! report as JSON, its charts as SVG files, and the fonts built into outturn.
//!
//! Nothing is read from disk or the system: no installed fonts, no packages,
//! no clock. So the same report gives the same bytes on every machine.

use std::collections::HashMap;
use std::sync::LazyLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Feature, Library, LibraryExt, World};

/// The template every report is typeset with.
const TEMPLATE: &str = include_str!("report.typ");

/// Liberation Sans (SIL Open Font License, `assets/fonts/OFL.txt`).
const FONT_FILES: [&[u8]; 4] = [
    include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf"),
    include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf"),
    include_bytes!("../../assets/fonts/LiberationSans-Italic.ttf"),
    include_bytes!("../../assets/fonts/LiberationSans-BoldItalic.ttf"),
];

/// The standard library and the fonts, read once and shared by every
/// report.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static SHARED: LazyLock<Shared> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONT_FILES
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect();
    Shared {
        // `pdf.header-cell`, for a table's row headings, is an extra.
        library: LazyHash::new(
            Library::builder()
                .with_features([Feature::A11yExtras].into_iter().collect())
                .build(),
        ),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

/// The template, the name the report's JSON is read under and the files
/// beside it.
pub(super) struct ReportWorld {
    main: Source,
    files: HashMap<FileId, Bytes>,
}

/// A file's id, from its path in the virtual project: `/report.json`.
/// Ids are interned for the life of the process, so the same few names are
/// used for every report.
pub(super) fn file_id(path: &str) -> FileId {
    let path = VirtualPath::new(path).unwrap_or_else(|_| VirtualPath::new("/invalid").unwrap());
    RootedPath::new(VirtualRoot::Project, path).intern()
}

impl ReportWorld {
    /// A world whose main file is the template, with `files` (path,
    /// contents) readable from it.
    pub(super) fn new(files: Vec<(String, Vec<u8>)>) -> ReportWorld {
        ReportWorld {
            main: Source::new(file_id("/report.typ"), TEMPLATE.to_string()),
            files: files
                .into_iter()
                .map(|(path, bytes)| (file_id(&path), Bytes::new(bytes)))
                .collect(),
        }
    }
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &SHARED.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &SHARED.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.text().to_string()));
        }
        self.files
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.vpath().get_without_slash().to_string().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        SHARED.fonts.get(index).cloned()
    }

    /// No clock: a report's date is its own, set by the template.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
