//! What `serve` keeps between rebuilds, so that saving one report redraws
//! that report and not the whole archive.
//!
//! Each entry is one generator's output (see [`super::generator`]), found
//! by the generator's kind and key: a fingerprint of everything its output
//! depends on. A rebuild with a changed input simply misses and makes
//! afresh, so a cached build gives the same bytes as a fresh one (a test
//! holds it to that). The data set is kept too, by a fingerprint of data/
//! and site.toml, and the records of what was published, by their files,
//! the data, the theme and the day. `check` shares one between its two
//! passes, for the data; `build` keeps its cache on disk instead (see
//! [`super::store`]).

use super::published::RecordsOf;
use crate::data::DataSet;
use crate::problem::{Problem, Problems};
use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The records of what was published as a site reads them: the data with
/// revised figures marked, the records, and what reading them found.
pub(super) type Records = (Arc<DataSet>, Arc<RecordsOf>, Vec<Problem>);

/// Any generator's output, as the cache holds it.
pub(super) type Entry = Arc<dyn Any + Send + Sync>;

/// Outputs of the last build, and the data it loaded.
#[derive(Default)]
pub struct Cache {
    data: Slot<(Arc<DataSet>, Problems)>,
    /// The records of what was published, as read against that data.
    records: Slot<Records>,
    /// Entries from the last good build, taken as they are used again.
    previous: Mutex<HashMap<u64, Entry>>,
    /// Entries this build took from `previous`.
    reused: Mutex<HashMap<u64, Entry>>,
    /// Entries this build made.
    made: Mutex<HashMap<u64, Entry>>,
    /// How many entries have been made, ever.
    #[cfg(test)]
    makes: std::sync::atomic::AtomicUsize,
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
        kept_or(&self.data, key, || {
            let (data, problems) = load();
            (Arc::new(data), problems)
        })
    }

    /// The records read from the same files, against the same data and
    /// theme, on the same day as last time, or `load`'s.
    pub(super) fn records(&self, key: u64, load: impl FnOnce() -> Records) -> Records {
        kept_or(&self.records, key, load)
    }

    /// The entry `key`: kept from the last good build (and noted as
    /// reused), or made now. Only [`super::generator::Driver::run`] calls
    /// this, with a key that names the generator's kind.
    pub(super) fn get(
        &self,
        key: u64,
        make: impl FnOnce() -> Result<Entry, Vec<Problem>>,
    ) -> Result<Entry, Vec<Problem>> {
        let kept = lock(&self.previous).remove(&key);
        let (value, into) = match kept {
            Some(value) => (value, &self.reused),
            None => {
                #[cfg(test)]
                self.makes.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                (make()?, &self.made)
            }
        };
        lock(into).insert(key, value.clone());
        Ok(value)
    }

    /// How many entries have been made since the cache was.
    #[cfg(test)]
    pub(super) fn makes(&self) -> usize {
        self.makes.load(std::sync::atomic::Ordering::SeqCst)
    }
}

/// One value kept from the last build, with the key it was made for.
type Slot<T> = Mutex<Option<(u64, T)>>;

/// The value in `slot` if it was made for `key`, else `load`'s, kept.
fn kept_or<T: Clone>(slot: &Slot<T>, key: u64, load: impl FnOnce() -> T) -> T {
    let mut slot = lock(slot);
    if let Some((k, value)) = &*slot
        && *k == key
    {
        return value.clone();
    }
    let value = load();
    *slot = Some((key, value.clone()));
    value
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> Result<Entry, Vec<Problem>> {
        Ok(Arc::new(text.to_string()))
    }

    fn kept(cache: &Cache, key: u64) -> bool {
        cache
            .get(key, || Err(vec![Problem::error("x", "made again")]))
            .is_ok()
    }

    #[test]
    fn a_failed_build_keeps_what_the_last_good_one_made() {
        let cache = Cache::default();
        cache.get(1, || page("one")).unwrap();
        cache.finish(true);
        // A build that uses entry 1, makes 2, then fails: 1 is kept, and 2,
        // made by a build that failed, is not.
        assert!(kept(&cache, 1));
        cache.get(2, || page("two")).unwrap();
        cache.finish(false);
        assert!(kept(&cache, 1) && !kept(&cache, 2));
        cache.finish(true);
        // A good build that used nothing lets everything go.
        cache.finish(true);
        assert!(!kept(&cache, 1));
    }
}
