//! A hash of what something was made from, to tell whether its inputs
//! changed since last time: `serve`'s cache finds its entries by one.
//!
//! It sits at the bottom of the pipeline, beside [`crate::problem`], so the
//! data, the theme and the pages can all fingerprint their inputs without
//! reaching up to the site that keeps the cache.

use std::hash::{DefaultHasher, Hash, Hasher};

/// A hash of `parts`. Equal parts give equal hashes within one run of
/// outturn, which is as long as a cache lives.
pub fn of(parts: impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    parts.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::of;

    #[test]
    fn equal_parts_agree_and_a_changed_part_does_not() {
        assert_eq!(of(("a", 1)), of(("a", 1)));
        assert_ne!(of(("a", 1)), of(("a", 2)));
    }
}
