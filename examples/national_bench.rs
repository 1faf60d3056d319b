//! Times reading a national statistics file the way a site reads one: Thurrock's
//! rows, England's, the East of England's and ten statistical neighbours', for
//! care leavers aged 19 to 21 in education, employment or training and for
//! every activity as categories.
//!
//! ```sh
//! cargo run --release --example national_bench -- ../shared/data/ees/la_care_leavers_activity.csv
//! ```
//!
//! `bench/national.sh` runs it on DfE's file and on a generated 100 MB one,
//! with peak memory.

use outturn::data::national::{Areas, Extract, Whose, read};
use std::path::Path;
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: national_bench FILE [RUNS]");
    let runs: usize = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(11);
    let mut areas = Areas::default();
    areas.add("E06000034", Whose::Own);
    areas.add("E92000001", Whose::Comparator("england".into()));
    areas.add("E12000006", Whose::Comparator("region".into()));
    for code in [
        "887", "303", "311", "866", "332", "882", "941", "894", "826", "874",
    ] {
        areas.add(code, Whose::Member("sn".into()));
    }
    let age = ("care_leaver_age".to_string(), "19 to 21 years".to_string());
    let extracts = [
        Extract {
            indicator: "care_leavers_eet".into(),
            value: "care_leaver_percent".into(),
            filters: vec![
                age.clone(),
                (
                    "breakdown".into(),
                    "Total in education, employment or training".into(),
                ),
            ],
            breakdown: None,
            asked_at: None,
        },
        Extract {
            indicator: "care_leavers_activity".into(),
            value: "care_leaver_percent".into(),
            filters: vec![age],
            breakdown: Some("breakdown".into()),
            asked_at: None,
        },
    ];
    let mut times = Vec::new();
    let mut kept = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let file = std::fs::File::open(&path).expect("a readable file");
        let reading = read(
            Path::new(&path),
            std::io::BufReader::with_capacity(1 << 16, file),
            &extracts,
            &areas,
            4,
        );
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        assert!(reading.problems.is_empty(), "{:?}", reading.problems);
        kept = reading.rows.len();
    }
    times.sort_by(f64::total_cmp);
    let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
    println!(
        "{path}: {:.1} MB, {kept} rows kept, median {:.1} ms over {runs} runs (min {:.1}, max {:.1})",
        bytes as f64 / 1e6,
        times[runs / 2],
        times[0],
        times[runs - 1]
    );
}
