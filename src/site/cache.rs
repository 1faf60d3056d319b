//! What `serve` keeps between rebuilds, so that saving one report redraws
//! that report and not the whole archive.
//!
//! Each entry is found by a hash of everything its output depends on: the
//! data, site.toml and the theme for all of them, then a document's own text
//! (for its body) or the reports an indicator page lists (for that page).
//! A rebuild with a changed input simply misses and renders afresh, so a
//! cached build gives the same bytes as a fresh one (a test holds it to that).
//! `build` and `check` use no cache.

use super::render::{Body, Made};
use crate::data::DataSet;
use crate::problem::{Problem, Problems};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Rendered parts of the last build, and the data it loaded.
#[derive(Default)]
pub struct Cache {
    data: Mutex<Option<(u64, Arc<DataSet>, Problems)>>,
    /// Entries from the last good build, taken as they are used again.
    previous: Mutex<Entries>,
    /// Entries this build took from `previous`.
    reused: Mutex<Entries>,
    /// Entries this build made.
    made: Mutex<Entries>,
}

#[derive(Default)]
struct Entries {
    bodies: HashMap<u64, Arc<Body>>,
    made: HashMap<u64, Arc<Made>>,
}

impl Entries {
    fn extend(&mut self, other: Entries) {
        self.bodies.extend(other.bodies);
        self.made.extend(other.made);
    }
}

impl Cache {
    /// Ends a build. A good one's entries are what the next may use, and
    /// what it did not use is let go. A failed one (a typo while editing)
    /// gives back what it used, so the save that mends it is as quick, and
    /// lets go of what it made, so a run of failed builds cannot fill memory.
    pub(super) fn finish(&self, good: bool) {
        let reused = std::mem::take(&mut *lock(&self.reused));
        let made = std::mem::take(&mut *lock(&self.made));
        let mut previous = lock(&self.previous);
        if good {
            *previous = reused;
            previous.extend(made);
        } else {
            previous.extend(reused);
        }
    }

    /// The data set loaded from the same files and site.toml as last time,
    /// or `load`'s.
    pub(super) fn data(
        &self,
        key: u64,
        load: impl FnOnce() -> (DataSet, Problems),
    ) -> (Arc<DataSet>, Problems) {
        let mut slot = lock(&self.data);
        if let Some((k, data, problems)) = &*slot
            && *k == key
        {
            return (data.clone(), problems.clone());
        }
        let (data, problems) = load();
        let data = Arc::new(data);
        *slot = Some((key, data.clone(), problems.clone()));
        (data, problems)
    }

    /// The body made from the same inputs last time, or `make`'s.
    pub(super) fn body(
        &self,
        key: u64,
        make: impl FnOnce() -> Result<Body, Vec<Problem>>,
    ) -> Result<Arc<Body>, Vec<Problem>> {
        self.entry(|e| &mut e.bodies, key, make)
    }

    /// The files made from the same inputs last time, or `make`'s.
    pub(super) fn made(
        &self,
        key: u64,
        make: impl FnOnce() -> Result<Made, Problem>,
    ) -> Result<Made, Problem> {
        self.entry(|e| &mut e.made, key, make)
            .map(|made| (*made).clone())
    }

    /// The entry `key` of the map `of` picks: kept from the last good build
    /// (and noted as reused), or made now.
    fn entry<T, E>(
        &self,
        of: impl Fn(&mut Entries) -> &mut HashMap<u64, Arc<T>>,
        key: u64,
        make: impl FnOnce() -> Result<T, E>,
    ) -> Result<Arc<T>, E> {
        let kept = of(&mut lock(&self.previous)).remove(&key);
        let (value, into) = match kept {
            Some(value) => (value, &self.reused),
            None => (Arc::new(make()?), &self.made),
        };
        of(&mut lock(into)).insert(key, value.clone());
        Ok(value)
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::OutputFile;

    fn page(text: &str) -> Result<Made, Problem> {
        Ok(Made::new(vec![OutputFile::new("a/index.html", text)]))
    }

    fn kept(cache: &Cache, key: u64) -> bool {
        cache
            .made(key, || Err(Problem::error("x", "made again")))
            .is_ok()
    }

    #[test]
    fn a_failed_build_keeps_what_the_last_good_one_made() {
        let cache = Cache::default();
        cache.made(1, || page("one")).unwrap();
        cache.finish(true);
        // A build that uses entry 1, makes 2, then fails: 1 is kept, and 2,
        // made by a build that failed, is not.
        assert!(kept(&cache, 1));
        cache.made(2, || page("two")).unwrap();
        cache.finish(false);
        assert!(kept(&cache, 1) && !kept(&cache, 2));
        cache.finish(true);
        // A good build that used nothing lets everything go.
        cache.finish(true);
        assert!(!kept(&cache, 1));
    }
}
