//! The record of which text each Welsh twin was translated from, so that a
//! report or page changed after its twin last was can be named (the Welsh
//! Language Standards ask for the two to be published together).
//!
//! `published/translations.toml` holds, for each twin, a hash of its
//! original's contents and of its own, as they were when the twin last
//! changed. A later build compares contents, never file times: an original
//! whose contents differ from the record while its twin's do not has
//! changed since the twin did, and is a `twin-behind` warning. When the
//! twin changes, the record takes both files as they are. `build` writes
//! it, to be committed with the site; deleting it loses only the warnings
//! until each twin next changes.

use crate::fsutil;
use crate::problem::{Id, Problem};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where the record is, relative to the site's folder.
pub(super) const FILE: &str = "published/translations.toml";

/// The contents of an original and of its twin, as hashes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Entry {
    original: String,
    twin: String,
}

/// What the record says now, and what a build should write.
#[derive(Debug, Default)]
pub(super) struct TwinRecord {
    /// A `twin-behind` warning for each original changed since its twin.
    pub(super) warnings: Vec<Problem>,
    /// The record to write after a successful build, if it has changed.
    pub(super) updated: Option<String>,
}

/// The record of `pairs` (each an original and its twin, relative to
/// `root`), read from `root`'s `published/translations.toml`.
pub(super) fn check(root: &Path, pairs: &[(PathBuf, PathBuf)]) -> TwinRecord {
    let text = fsutil::read_text(&root.join(FILE)).unwrap_or_default();
    // A record that cannot be read is one to start again: it only warns.
    let old: BTreeMap<String, Entry> = toml::from_str(&text).unwrap_or_default();
    let mut new = BTreeMap::new();
    let mut warnings = Vec::new();
    for (original, twin) in pairs {
        let (Some(original_hash), Some(twin_hash)) = (hash(root, original), hash(root, twin))
        else {
            continue;
        };
        let key = twin.to_string_lossy().replace('\\', "/");
        let entry = match old.get(&key) {
            Some(entry) if entry.twin == twin_hash => {
                if entry.original != original_hash {
                    warnings.push(
                        Problem::warning(
                            Id::TwinBehind,
                            original,
                            format!(
                                "this file has changed since its Welsh twin {} last did",
                                twin.display()
                            ),
                        )
                        .at(1, 1)
                        .help(format!(
                            "bring {} up to date with it, so the two are published together ({FILE} records what each twin was translated from)",
                            twin.display()
                        )),
                    );
                }
                entry.clone()
            }
            _ => Entry {
                original: original_hash,
                twin: twin_hash,
            },
        };
        new.insert(key, entry);
    }
    let updated = (new != old).then(|| {
        let body = toml::to_string(&new).unwrap_or_default();
        format!(
            "# What each Welsh twin was translated from, as hashes of the two files'\n\
             # contents when the twin last changed. Written by `outturn build`: commit\n\
             # it with the site. See docs/reference.md, `twin-behind`.\n\n{body}"
        )
    });
    TwinRecord { warnings, updated }
}

/// A hash of `file`'s contents, with its line endings made `\n`.
fn hash(root: &Path, file: &Path) -> Option<String> {
    let text = fsutil::normalise_newlines(fsutil::read_text(&root.join(file)).ok()?);
    Some(blake3::hash(text.as_bytes()).to_hex()[..16].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, file: &str, text: &str) {
        std::fs::create_dir_all(root.join(file).parent().unwrap()).unwrap();
        std::fs::write(root.join(file), text).unwrap();
    }

    /// Checks and, like a successful build, writes the record.
    fn build(root: &Path, pairs: &[(PathBuf, PathBuf)]) -> Vec<Problem> {
        let record = check(root, pairs);
        if let Some(text) = &record.updated {
            write(root, FILE, text);
        }
        record.warnings
    }

    #[test]
    fn an_original_changed_since_its_twin_is_named_until_the_twin_changes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let pairs = [(
            PathBuf::from("content/about.md"),
            PathBuf::from("content/about.cy.md"),
        )];
        write(root, "content/about.md", "Hello\n");
        write(root, "content/about.cy.md", "Helo\n");
        assert!(build(root, &pairs).is_empty(), "the first build records");
        assert!(check(root, &pairs).updated.is_none(), "nothing changed");
        // Same length, same time or not: contents are compared.
        write(root, "content/about.md", "Hallo\n");
        let warnings = build(root, &pairs);
        assert_eq!(warnings.len(), 1);
        assert_eq!(
            warnings[0].message,
            "this file has changed since its Welsh twin content/about.cy.md last did"
        );
        assert_eq!(warnings[0].file, Path::new("content/about.md"));
        assert_eq!(
            build(root, &pairs).len(),
            1,
            "it stays until the twin changes"
        );
        write(root, "content/about.cy.md", "Helo!\n");
        assert!(build(root, &pairs).is_empty(), "the twin caught up");
        // Line endings alone are no change.
        write(root, "content/about.md", "Hallo\r\n");
        assert!(build(root, &pairs).is_empty());
    }

    #[test]
    fn both_changed_together_is_no_warning_and_an_unreadable_record_starts_again() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let pairs = [(PathBuf::from("a.md"), PathBuf::from("a.cy.md"))];
        write(root, "a.md", "one\n");
        write(root, "a.cy.md", "un\n");
        build(root, &pairs);
        write(root, "a.md", "two\n");
        write(root, "a.cy.md", "dau\n");
        assert!(build(root, &pairs).is_empty());
        write(root, FILE, "not [ toml");
        assert!(build(root, &pairs).is_empty());
        assert!(
            fsutil::read_text(&root.join(FILE))
                .unwrap()
                .contains("[\"a.cy.md\"]")
        );
    }
}
