//! How many bytes each thread has asked the allocator for, so that a body's
//! evaluation can be stopped when it makes far more than any page needs
//! ([`crate::templates::budget::MAX_ALLOCATED_BYTES`]): minijinja's fuel
//! counts steps, and a loop of a few thousand steps can copy gigabytes.
//!
//! The `outturn` binary wraps mimalloc in [`Counting`]. The count is one
//! addition to a thread-local integer per allocation, never reset and never
//! read elsewhere: an evaluation reads it before and during its work and
//! takes the difference. Where the wrapper is not installed (a library
//! user, the unit tests) the count stays 0 and no body is stopped by it.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;

thread_local! {
    static ALLOCATED: Cell<u64> = const { Cell::new(0) };
}

/// A global allocator that counts what each thread allocates, then asks `A`.
pub struct Counting<A>(pub A);

fn count(bytes: usize) {
    // `try_with`: a thread being torn down still frees and allocates.
    let _ = ALLOCATED.try_with(|n| n.set(n.get().wrapping_add(bytes as u64)));
}

/// Bytes this thread has allocated so far (growth by `realloc` included).
pub fn allocated() -> u64 {
    ALLOCATED.try_with(Cell::get).unwrap_or(0)
}

// SAFETY: every call is passed to `A` unchanged; counting allocates nothing.
unsafe impl<A: GlobalAlloc> GlobalAlloc for Counting<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: the caller's promises about `layout` are passed on.
        unsafe { self.0.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: as for `alloc`.
        unsafe { self.0.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `A` with `layout`.
        unsafe { self.0.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size.saturating_sub(layout.size()));
        // SAFETY: as for `dealloc`.
        unsafe { self.0.realloc(ptr, layout, new_size) }
    }
}
