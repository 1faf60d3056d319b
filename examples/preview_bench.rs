//! What a gap costs `serve`'s preview: evaluates the body of the site's
//! report with the most charts COPIES times as a draft with every figure
//! (complete), then COPIES times with ten figures not in the data yet
//! (gaps), alternating, ROUNDS times, and prints the median of each and
//! their ratio (gaps / complete; 1.0 is a gap costing nothing).
//!
//! cargo run --release --example preview_bench -- DIR [COPIES [ROUNDS]]
//! (or bench/preview.sh, `PROFILE=dev` for the development profile)

use outturn::site::{BuildOptions, Site};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// A sentence with a figure for a quarter the data does not have.
const GAP: &str = "\n\nIn 2010-11: {{ value(\"cla_count\", period=\"2010-11 Q1\") }}.\n";

fn main() {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(
        args.next()
            .expect("usage: preview_bench DIR [COPIES [ROUNDS]]"),
    );
    let copies: usize = args.next().map_or(40, |n| n.parse().expect("COPIES"));
    let rounds: usize = args.next().map_or(9, |n| n.parse().expect("ROUNDS"));
    let options = BuildOptions {
        drafts: true,
        preview: true,
    };
    let site = Site::load(&root, options).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let report = site
        .reports
        .iter()
        .max_by_key(|r| r.doc.body.matches("chart(").count())
        .expect("the site has a report");
    let doc = &report.doc;
    let complete = doc.body.clone();
    let gapped = format!("{complete}{}", GAP.repeat(10));
    let evaluate = |body: &str| {
        let start = Instant::now();
        for _ in 0..copies {
            let evaluated = site
                .placeholders
                .evaluate_in(
                    &doc.file,
                    body,
                    doc.body_line,
                    Some(report.period),
                    true,
                    true,
                )
                .unwrap_or_else(|p| panic!("{p:?}"));
            let want = if body.len() == complete.len() { 0 } else { 10 };
            assert_eq!(evaluated.gaps.len(), want);
        }
        start.elapsed()
    };
    println!(
        "{}: {} charts, {copies} copies, {rounds} rounds",
        doc.file.display(),
        complete.matches("chart(").count()
    );
    let (mut whole, mut gaps) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        whole.push(evaluate(&complete));
        gaps.push(evaluate(&gapped));
    }
    let (whole, gaps) = (median(&mut whole), median(&mut gaps));
    println!("complete: median {whole:.1} ms");
    println!("10 gaps:  median {gaps:.1} ms");
    println!("ratio gaps/complete: {:.2}", gaps / whole);
}

fn median(times: &mut [Duration]) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}
