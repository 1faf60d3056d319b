//! How much work evaluating one page may take, so that a runaway template (a
//! loop of 100,000 × 100,000, a loop calling `chart()` for ever) is an error
//! at its file and line within seconds, in `build`, `check` and `serve` alike,
//! rather than a build that never ends or a preview that stops rebuilding.
//!
//! minijinja counts "fuel": one unit for nearly every instruction it runs,
//! for one render (a template and whatever it includes or calls as macros).
//! A render that runs out stops with [`ErrorKind::OutOfFuel`].
//!
//! The amounts are far above what real pages use (measured with
//! `Template::render_and_return_state` and `State::fuel_levels`), and low
//! enough that a runaway template stops after about a second in a release
//! build. Finding every problem in a body evaluates it again after each one,
//! at most 60 times, but a body that runs out of
//! fuel is not evaluated again.

use minijinja::{Error, ErrorKind};

/// Fuel for one evaluation of a report's or page's body, and for one
/// chart's or table's partial. A report of the bench archive
/// (`examples/make_archive.rs`: 1,200 words, 30 placeholders, 8 charts, 2
/// tables) uses about 200; the example site's largest body, with its loops,
/// about 1,050: a margin of a thousand times.
pub const BODY_FUEL: u64 = 1_000_000;

/// Fuel for one render of a theme's page template. The largest is the
/// compare table of the 400-report bench archive with 60 indicators, about
/// 150,000, and grows with reports × indicators: a margin of over a hundred
/// times.
pub const THEME_FUEL: u64 = 20_000_000;

/// Charts and tables one body may draw: a report has about ten. Each costs
/// far more than the fuel of the call, so a loop of them is stopped here.
pub const MAX_EXHIBITS_PER_PAGE: usize = 500;

/// Bytes of text one body's placeholders may show in all: a report shows a
/// few kilobytes. Fuel counts steps, not sizes, so this stops a loop that
/// prints a huge string a few thousand times.
pub const MAX_SHOWN_BYTES: usize = 16 << 20;

/// Bytes one body's evaluation may allocate in all, not counting what its
/// charts and tables take to draw (counted by [`crate::alloc`]). A report
/// of the bench archive allocates about 1 MB. Fuel counts steps, not sizes:
/// a loop that adds 2 KB to a string 100,000 times is within the fuel but
/// copies 10 GB; it is stopped here, at its loop.
pub const MAX_ALLOCATED_BYTES: u64 = 256 << 20;

/// What a problem says when a body allocates past [`MAX_ALLOCATED_BYTES`].
pub fn too_much_memory() -> String {
    format!(
        "this template makes more than {} MB of text and lists as it runs: a loop that adds to a string or list over and over?",
        MAX_ALLOCATED_BYTES >> 20
    )
}

/// The help that goes with [`too_much_memory`].
pub const TOO_MUCH_MEMORY_HELP: &str =
    "show each piece with {{ … }} inside the loop rather than joining them into one string first";

/// Whether `error` is a render that ran out of fuel.
pub fn out_of_fuel(error: &Error) -> bool {
    error.kind() == ErrorKind::OutOfFuel
}

/// What a problem says when a render runs out of fuel.
pub const OUT_OF_FUEL: &str =
    "this template does too much work: a loop that runs for ever, or far too many times?";

/// The help that goes with [`OUT_OF_FUEL`].
pub const OUT_OF_FUEL_HELP: &str =
    "check the loops here (`for … in range(…)`, nested loops) and what they call";
