//! How long `serve` takes to rebuild after one report is saved, and to
//! make its first build after a restart.
//!
//! Builds the site at DIR once, as `serve` does (into memory, keeping its
//! cache), then appends a sentence to the newest report and rebuilds, RUNS
//! times, printing the median time of each stage and of the whole rebuild.
//! Then times `serve`'s first build with no copy of a last preview on disk
//! and with one (a restart), the median of RUNS each. The report is put
//! back as it was at the end, and the copy on disk removed.
//!
//! cargo run --release --example rebuild_bench -- DIR [RUNS]

use outturn::site::{BuildOptions, Cache, Site, Store};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(args.next().expect("usage: rebuild_bench DIR [RUNS]"));
    let runs: usize = args
        .next()
        .map_or(9, |n| n.parse().expect("RUNS is a number"));
    let cache = Arc::new(Cache::default());
    let options = BuildOptions::default();
    let start = Instant::now();
    let (site, _, _) = Site::build(&root, options, Some(cache.clone())).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    println!("first build: {} ms", start.elapsed().as_millis());
    let report = root.join(&site.reports.last().expect("the site has a report").file);
    let original = std::fs::read_to_string(&report).expect("the report reads");
    drop(site);

    let mut totals = Vec::new();
    let mut stages: Vec<(&'static str, Vec<Duration>)> = Vec::new();
    for run in 0..runs {
        append(&report, &original, run);
        let start = Instant::now();
        let (_, _, timings) =
            Site::build(&root, options, Some(cache.clone())).unwrap_or_else(|e| panic!("{e}"));
        totals.push(start.elapsed());
        for (i, (name, time)) in timings.stages.into_iter().enumerate() {
            if stages.len() <= i {
                stages.push((name, Vec::new()));
            }
            stages[i].1.push(time);
        }
    }
    std::fs::write(&report, original).expect("the report is put back");
    let (cold, restart) = restarts(&root, options, runs);
    for (name, mut times) in stages {
        println!("  {name:<8} {:>7.1} ms", median(&mut times));
    }
    println!(
        "rebuild after one report changed: median {:.1} ms of {runs}",
        median(&mut totals)
    );
    println!("first build of serve, cold: median {cold:.1} ms of {runs}");
    println!("first build of serve after a restart: median {restart:.1} ms of {runs}");
}

/// The medians of `serve`'s first build with no copy of the last preview
/// on disk, and with one.
fn restarts(root: &Path, options: BuildOptions, runs: usize) -> (f64, f64) {
    let copy = root.join(".outturn-cache/serve");
    let first = |keep: bool| {
        let store = Arc::new(Store::for_preview(root));
        let start = Instant::now();
        let (_, files, _) =
            Site::build_with(root, options, Some(Arc::default()), Some(store.clone()))
                .unwrap_or_else(|e| panic!("{e}"));
        let took = start.elapsed();
        if keep {
            store.keep_copy(files).expect("the copy is written");
        }
        took
    };
    let (mut cold, mut warm) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        let _ = std::fs::remove_dir_all(&copy);
        cold.push(first(true));
        warm.push(first(false));
    }
    let _ = std::fs::remove_dir_all(&copy);
    (median(&mut cold), median(&mut warm))
}

fn append(report: &Path, original: &str, run: usize) {
    std::fs::write(
        report,
        format!("{original}\nA sentence added on save {run}.\n"),
    )
    .expect("the report writes");
}

fn median(times: &mut [Duration]) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}
