//! Draws 10,000 charts of each kind, in parallel as a build does, and reports
//! charts per second and bytes per chart.
//!
//! ```sh
//! cargo run --release --example chart_bench            # 10,000 of each kind
//! cargo run --release --example chart_bench -- 2000    # fewer
//! ```

use outturn::charts::{self, Chart, ChartSeries, Kind, Span};
use outturn::data::indicators::{Polarity, Unit};
use rayon::prelude::*;
use std::time::Instant;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    println!(
        "{n} charts of each kind on {} threads",
        rayon::current_num_threads()
    );
    println!(
        "{:<8} {:>12} {:>14} {:>10}",
        "kind", "charts/s", "bytes/chart", "total ms"
    );
    for kind in [Kind::Line, Kind::Bar, Kind::Stacked] {
        let start = Instant::now();
        let bytes: usize = (0..n)
            .into_par_iter()
            .map(|i| charts::svg(&chart(kind, i)).len())
            .sum();
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{:<8} {:>12.0} {:>14} {:>10.1}",
            format!("{kind:?}").to_lowercase(),
            n as f64 / secs,
            bytes / n,
            secs * 1000.0
        );
    }
}

/// A chart like the example report's: 15 months, two areas, or five groups.
fn chart(kind: Kind, seed: usize) -> Chart {
    let wobble = |i: usize| ((seed * 7 + i * 13) % 23) as f64;
    let (categories, series): (Vec<String>, Vec<ChartSeries>) = match kind {
        Kind::Line => (
            (0..15).map(|m| format!("Month {m}")).collect(),
            ["Thurrock", "England"]
                .iter()
                .enumerate()
                .map(|(s, name)| ChartSeries {
                    name: name.to_string(),
                    values: (0..15).map(|i| Some(280.0 + wobble(i + s * 3))).collect(),
                    markers: vec![None; 15],
                    comparator: s == 1,
                })
                .collect(),
        ),
        Kind::Bar => (
            vec![
                "Thurrock (June 2023)".into(),
                "Statistical neighbours (2021-22)".into(),
                "England (2021-22)".into(),
            ],
            vec![ChartSeries {
                name: "Rate".into(),
                values: (0..3).map(|i| Some(60.0 + wobble(i))).collect(),
                markers: vec![None; 3],
                comparator: false,
            }],
        ),
        Kind::Stacked => (
            (1..=5).map(|q| format!("Q{q}")).collect(),
            ["Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over"]
                .iter()
                .enumerate()
                .map(|(s, name)| ChartSeries {
                    name: name.to_string(),
                    values: (0..5).map(|i| Some(5.0 + wobble(i + s))).collect(),
                    markers: vec![None; 5],
                    comparator: false,
                })
                .collect(),
        ),
    };
    Chart {
        id: format!("figure-{seed}"),
        kind,
        polarity: Polarity::Neutral,
        own_category: (kind == Kind::Bar).then_some(0),
        language: outturn::i18n::Language::English,
        title: "Children looked after".into(),
        subject: "Children looked after".into(),
        unit: if kind == Kind::Bar {
            Unit::RatePer10k
        } else {
            Unit::Count
        },
        decimals: if kind == Kind::Bar { 1 } else { 0 },
        // Months (line) or quarters (stacked) from April 2022, in time.
        spans: (kind != Kind::Bar).then(|| {
            let step = if kind == Kind::Line { 1 } else { 3 };
            (0..categories.len() as i32)
                .map(|i| Span {
                    start: 24267 + i * step,
                    end: 24267 + (i + 1) * step,
                })
                .collect()
        }),
        categories,
        series,
    }
}
