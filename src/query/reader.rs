//! The data as the query layer reads it. Every read names the indicator it
//! reads, into the [`Reads`] of the page being made, so the build cache can
//! key that page by exactly the figures it read (see `site/store.rs`)
//! instead of by a list kept by hand beside it.

use crate::data::indicators::Indicator;
use crate::data::{DataSet, Series};
use crate::i18n::Language;
use std::collections::BTreeSet;
use std::sync::Mutex;

/// Read in place of one indicator: the page read the whole data set (all
/// indicators' names, say), so any change to it may change the page.
pub const EVERYTHING: &str = "*";

/// The indicators one page's evaluation has read so far.
#[derive(Debug, Default)]
pub struct Reads(Mutex<BTreeSet<String>>);

impl Reads {
    fn note(&self, id: &str) {
        let mut reads = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if !reads.contains(id) {
            reads.insert(id.to_string());
        }
    }

    /// Every indicator read, [`EVERYTHING`] if the page read the whole set.
    pub fn take(&self) -> BTreeSet<String> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// The data set, noting each read in a page's [`Reads`] when there is one.
#[derive(Clone, Copy)]
pub struct Reader<'a> {
    data: &'a DataSet,
    reads: Option<&'a Reads>,
    /// The language of the indicators' words.
    language: Language,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(data: &'a DataSet, reads: Option<&'a Reads>) -> Reader<'a> {
        Reader {
            data,
            reads,
            language: Language::English,
        }
    }

    /// The same reader, giving indicators' words in `language`.
    pub(crate) fn in_language(self, language: Language) -> Reader<'a> {
        Reader { language, ..self }
    }

    fn note(&self, id: &str) {
        if let Some(reads) = self.reads {
            reads.note(id);
        }
    }

    /// The whole data set: noted as a read of everything.
    pub fn all(&self) -> &'a DataSet {
        self.note(EVERYTHING);
        self.data
    }

    /// An indicator's definition.
    pub fn indicator(&self, id: &str) -> Option<&'a Indicator> {
        self.note(id);
        self.data.indicator_in(id, self.language)
    }

    /// One series: `area` `None` is the site's own area.
    pub fn series(
        &self,
        id: &str,
        area: Option<&str>,
        breakdown: Option<&str>,
    ) -> Option<&'a Series> {
        self.note(id);
        self.data.series(id, area, breakdown)
    }

    /// Every series of an indicator.
    pub fn all_series(&self, id: &str) -> &'a [Series] {
        self.note(id);
        self.data.all_series(id)
    }

    /// The breakdown categories an indicator has for an area.
    pub fn breakdowns(&self, id: &str, area: Option<&str>) -> Vec<&'a str> {
        self.note(id);
        self.data.breakdowns(id, area)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_read_names_its_indicator_and_a_whole_read_says_so() {
        let data = DataSet::default();
        let reads = Reads::default();
        let reader = Reader::new(&data, Some(&reads));
        reader.series("cla_count", None, None);
        reader.breakdowns("uasc", None);
        assert_eq!(
            reads.take().into_iter().collect::<Vec<_>>(),
            ["cla_count", "uasc"]
        );
        reader.all();
        assert!(reads.take().contains(EVERYTHING));
    }
}
