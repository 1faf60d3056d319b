//! The names of the kinds of problem.
//!
//! Each kind of warning has a stable id, shown in its message as linters show
//! theirs (`warning[typed-figure]: …`), so a team can look it up, and allow it
//! at a line or in a file of content where it is meant (see
//! `content::allow`). The ids are part of the site's files once written in an
//! allow comment, so they never change; a new kind gets a new id.

use std::fmt;

/// A kind of problem, by its stable id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Id {
    /// A figure typed into a report's words instead of drawn from the data.
    TypedFigure,
    /// A report's words name the previous report's period.
    StalePeriod,
    /// A report's summary is the previous report's.
    StaleSummary,
    /// A report to be published has no meeting date.
    NoMeetingDate,
    /// A Markdown table has no caption.
    TableCaption,
    /// A figure unlike the indicator's others (a share among percentages, a jump).
    Plausibility,
    /// A figure its unit cannot have (a negative count, a percentage over 100).
    OutOfRange,
    /// A national statistics row the site does not read looks wrong.
    NationalScreen,
    /// A data file with no figures in it.
    EmptyDataFile,
    /// A workbook, or a sheet of one, that is not read.
    UnreadWorkbook,
    /// An indicator with no figures in data/.
    NoFigures,
    /// `base_url` is empty.
    NoBaseUrl,
    /// A figure not in the data yet, shown as a gap in the preview.
    MissingFigure,
    /// A symbolic link to somewhere outside the site.
    SymlinkOutside,
    /// A symbolic link that leads nowhere.
    SymlinkBroken,
    /// A symbolic link to the folder that holds it.
    SymlinkLoop,
    /// A copy of the site left behind that could not be removed.
    LeftoverCopy,
    /// An allow comment or list naming no kind of problem.
    UnknownAllow,
    /// A comparator's `average_of` includes the council's own code.
    OwnCodeAveraged,
    /// The output was missing and a whole site a stopped build left was put back.
    SiteRestored,
    /// The data now disagrees with a figure a published report recorded.
    Revision,
    /// A figure a published report recorded that the data no longer has.
    RecordedFigureGone,
    /// A published report whose record of figures was deleted.
    RecordDeleted,
    /// An error in a draft, which `build` leaves out: a warning until the
    /// draft is published (`check --drafts` counts it as an error).
    InDraft,
    /// The build cache could not be written: the next build is a cold one.
    CacheNotSaved,
    /// A page or report changed since its twin in another language last did.
    TwinBehind,
}

impl Id {
    /// Every id, in the order the README lists them.
    pub const ALL: [Id; 26] = [
        Id::TypedFigure,
        Id::StalePeriod,
        Id::StaleSummary,
        Id::NoMeetingDate,
        Id::TableCaption,
        Id::Plausibility,
        Id::OutOfRange,
        Id::NationalScreen,
        Id::EmptyDataFile,
        Id::UnreadWorkbook,
        Id::NoFigures,
        Id::NoBaseUrl,
        Id::MissingFigure,
        Id::SymlinkOutside,
        Id::SymlinkBroken,
        Id::SymlinkLoop,
        Id::LeftoverCopy,
        Id::UnknownAllow,
        Id::OwnCodeAveraged,
        Id::SiteRestored,
        Id::InDraft,
        Id::Revision,
        Id::RecordedFigureGone,
        Id::RecordDeleted,
        Id::CacheNotSaved,
        Id::TwinBehind,
    ];

    /// The id as written: `typed-figure`.
    pub fn as_str(self) -> &'static str {
        match self {
            Id::TypedFigure => "typed-figure",
            Id::StalePeriod => "stale-period",
            Id::StaleSummary => "stale-summary",
            Id::InDraft => "in-draft",
            Id::OwnCodeAveraged => "own-code-averaged",
            Id::SiteRestored => "site-restored",
            Id::Revision => "revision",
            Id::RecordedFigureGone => "recorded-figure-gone",
            Id::RecordDeleted => "record-deleted",
            Id::CacheNotSaved => "cache-not-saved",
            Id::TwinBehind => "twin-behind",
            Id::NoMeetingDate => "no-meeting-date",
            Id::TableCaption => "table-caption",
            Id::Plausibility => "plausibility",
            Id::OutOfRange => "out-of-range",
            Id::NationalScreen => "national-screen",
            Id::EmptyDataFile => "empty-data-file",
            Id::UnreadWorkbook => "unread-workbook",
            Id::NoFigures => "no-figures",
            Id::NoBaseUrl => "no-base-url",
            Id::MissingFigure => "missing-figure",
            Id::SymlinkOutside => "symlink-outside",
            Id::SymlinkBroken => "symlink-broken",
            Id::SymlinkLoop => "symlink-loop",
            Id::LeftoverCopy => "leftover-copy",
            Id::UnknownAllow => "unknown-allow",
        }
    }

    /// The id written `text`, if there is one.
    pub fn parse(text: &str) -> Option<Id> {
        Id::ALL.into_iter().find(|id| id.as_str() == text)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_is_short_kebab_case_and_reads_back() {
        for id in Id::ALL {
            let text = id.as_str();
            assert!(
                text.len() <= 20
                    && text.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
                    && !text.starts_with('-')
                    && !text.ends_with('-'),
                "{text}"
            );
            assert_eq!(Id::parse(text), Some(id));
        }
        let mut names: Vec<&str> = Id::ALL.iter().map(|id| id.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Id::ALL.len());
        assert_eq!(Id::parse("typed-figures"), None);
    }
}
