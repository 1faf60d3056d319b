//! `serve` rebuilds from a cache after every save: a body that would run for
//! ever, or that names the page's internal state, must fail that rebuild
//! with a problem at its line and leave the next rebuild working, as `build`
//! and `check` do (tests/fixtures/broken/runaway-loop and internal-name).

mod common;

use common::good_site;
use outturn::site::{BuildOptions, Cache, Site};
use std::fs;
use std::sync::Arc;

// What each thread allocates is counted, as in the `outturn` binary, so
// that a body's evaluation can be stopped when it makes too much.
#[global_allocator]
static ALLOCATOR: outturn::alloc::Counting<std::alloc::System> =
    outturn::alloc::Counting(std::alloc::System);

#[test]
fn a_runaway_body_fails_a_cached_rebuild_at_its_line_and_the_next_one_works() {
    let site = good_site();
    let root = site.path();
    let cache = Arc::new(Cache::default());
    let build = || Site::build(root, BuildOptions::default(), Some(cache.clone()));
    assert!(build().is_ok(), "the good site builds");

    let about = root.join("content/about.md");
    let good = fs::read_to_string(&about).unwrap();
    let lines = good.lines().count();
    for body in [
        "{% for i in range(100000) %}{% for j in range(100000) %}{{ j }}{% endfor %}{% endfor %}\n",
        "{% set __outturn_page = 1 %}{{ debug() }}\n",
        // Within the fuel, but copies 2 KB more each time round: 10 GB in all.
        "{% set ns = namespace(s=\"\") %}{% for i in range(100000) %}{% set ns.s = ns.s ~ \"x\" * 2048 %}{% endfor %}{{ ns.s|length }}\n",
        "{% set ns = namespace(s=\"x\") %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}\n",
    ] {
        fs::write(&about, format!("{good}\n{body}")).unwrap();
        let problems = match build() {
            Ok(_) => panic!("{body}: the rebuild must fail"),
            Err(problems) => problems.to_string(),
        };
        assert!(
            problems.contains(&format!("content/about.md:{}", lines + 2)),
            "{body}: {problems}"
        );
        fs::write(&about, &good).unwrap();
        assert!(build().is_ok(), "{body}: the mended site rebuilds");
    }
}
