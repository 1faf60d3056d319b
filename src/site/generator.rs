//! One small trait for every kind of output, and the one call that makes
//! any of them.
//!
//! A [`Generator`] holds what it is made from (borrowed from the loaded
//! site) and says two things: a fingerprint of those inputs, and how to make
//! its output from them. [`Driver::run`] is the only place that decides
//! whether to make an output or take it from `serve`'s [`Cache`]: nothing
//! else in the pipeline knows there is a cache. A later incremental build can
//! keep the same keys on disk.

use super::cache::Cache;
use super::file::OutputFile;
use super::links::PageLinks;
use crate::fingerprint;
use crate::problem::Problem;
use std::any::Any;
use std::path::PathBuf;
use std::sync::Arc;

/// One kind of output: what it depends on, and how to make it.
pub(super) trait Generator: Sync {
    /// What it makes: files, or (for a document's body) what its pages need.
    type Output: Send + Sync + 'static;

    /// Names the kind, so two kinds with equal inputs never share an entry.
    fn kind(&self) -> &'static str;

    /// A fingerprint of everything [`Generator::make`] reads. It must change
    /// whenever the output would, and should not change otherwise. Only
    /// worked out when there is a cache to look in.
    fn key(&self) -> u64;

    /// Makes the output afresh.
    fn make(&self) -> Result<Self::Output, Vec<Problem>>;
}

/// Files made together, with what the link check needs of each page among
/// them, and the site's own files to copy as they are: the cache keeps it
/// all, so a kept page is not read again.
#[derive(Clone, Default)]
pub(super) struct Made {
    pub(super) files: Vec<OutputFile>,
    pub(super) links: Vec<Arc<PageLinks>>,
    /// Output path and the file to copy there, relative to the site root:
    /// copied, never read whole into memory.
    pub(super) copies: Vec<(String, PathBuf)>,
}

impl Made {
    pub(super) fn new(files: Vec<OutputFile>) -> Made {
        let links = files
            .iter()
            .filter(|f| f.path.ends_with(".html"))
            .map(|f| Arc::new(PageLinks::of(f)))
            .collect();
        Made {
            files,
            links,
            copies: Vec::new(),
        }
    }
}

/// Runs generators, through `serve`'s cache when there is one.
#[derive(Clone, Copy)]
pub(super) struct Driver<'c> {
    pub(super) cache: Option<&'c Cache>,
}

impl Driver<'_> {
    /// `generator`'s output: kept from the last build when its key is as it
    /// was, or made now.
    pub(super) fn run<G: Generator + ?Sized>(
        &self,
        generator: &G,
    ) -> Result<Arc<G::Output>, Vec<Problem>> {
        let Some(cache) = self.cache else {
            return generator.make().map(Arc::new);
        };
        let key = fingerprint::of((generator.kind(), generator.key()));
        let kept = cache.get(key, || {
            generator
                .make()
                .map(|output| Arc::new(output) as Arc<dyn Any + Send + Sync>)
        })?;
        // The kind is in the key, so what is kept under it is of this type.
        Ok(kept
            .downcast::<G::Output>()
            .unwrap_or_else(|_| unreachable!("a cache entry of another kind")))
    }
}

/// Files from a generator's output, taken whole when nothing else holds them
/// (always, without a cache) and cloned otherwise, which shares each file's
/// bytes rather than copying them.
pub(super) fn owned(made: Arc<Made>) -> Made {
    Arc::try_unwrap(made).unwrap_or_else(|made| (*made).clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A page whose text is its input, counting how often it is made.
    struct Counted<'a> {
        text: &'a str,
        made: &'a AtomicUsize,
    }

    impl Generator for Counted<'_> {
        type Output = Made;
        fn kind(&self) -> &'static str {
            "counted"
        }
        fn key(&self) -> u64 {
            fingerprint::of(self.text)
        }
        fn make(&self) -> Result<Made, Vec<Problem>> {
            self.made.fetch_add(1, Ordering::SeqCst);
            Ok(Made::new(vec![OutputFile::new("a/index.html", self.text)]))
        }
    }

    fn bytes(made: &Made) -> &[u8] {
        &made.files[0].contents
    }

    #[test]
    fn without_a_cache_every_run_makes_afresh() {
        let made = AtomicUsize::new(0);
        let page = Counted {
            text: "one",
            made: &made,
        };
        let driver = Driver { cache: None };
        driver.run(&page).unwrap();
        driver.run(&page).unwrap();
        assert_eq!(made.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn the_cache_gives_the_same_bytes_until_the_key_changes() {
        let cache = Cache::default();
        let driver = Driver {
            cache: Some(&cache),
        };
        let made = AtomicUsize::new(0);
        let first = driver
            .run(&Counted {
                text: "one",
                made: &made,
            })
            .unwrap();
        cache.finish(true);
        let again = driver
            .run(&Counted {
                text: "one",
                made: &made,
            })
            .unwrap();
        assert_eq!(made.load(Ordering::SeqCst), 1, "kept, not made again");
        assert_eq!(bytes(&first), bytes(&again));
        cache.finish(true);
        let changed = driver
            .run(&Counted {
                text: "two",
                made: &made,
            })
            .unwrap();
        assert_eq!(made.load(Ordering::SeqCst), 2);
        assert_eq!(bytes(&changed), b"two");
    }

    #[test]
    fn owned_files_are_whole_whether_shared_or_not() {
        let made = Arc::new(Made::new(vec![OutputFile::new("x.html", "x")]));
        let shared = made.clone();
        assert_eq!(bytes(&owned(made)), b"x");
        assert_eq!(bytes(&owned(shared)), b"x");
    }
}
