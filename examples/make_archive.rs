//! Writes a synthetic archive of N quarterly reports, for measuring outturn at
//! scale: about 1,200 words a report, 30 placeholders, 8 charts of mixed kinds
//! and 2 tables, over 60 indicators with monthly, quarterly and yearly series,
//! three comparators and breakdowns.
//!
//! With `--hugo DIR` it also writes the same prose for Hugo, with every figure
//! typed in and no charts, so that the two generators can be timed on the same
//! words (`bench/scale.sh` does both).
//!
//! ```sh
//! cargo run --release --example make_archive -- --reports 400 --out /dev/shm/archive
//! cargo run --release --example make_archive -- --reports 400 --out /dev/shm/archive --hugo /dev/shm/hugo
//! ```

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

const MONTHLY: usize = 24;
const QUARTERLY: usize = 18;
const YEARLY: usize = 10;
const BROKEN_DOWN: usize = 8;
const BANDS: [&str; 5] = ["Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over"];
const COMPARATORS: [(&str, &str); 3] = [
    ("sn", "Statistical neighbours"),
    ("england", "England"),
    ("region", "East of England"),
];
const UNITS: [&str; 5] = ["count", "percent", "rate_per_10k", "days", "score"];
const FIRST_YEAR: usize = 2000;

fn main() {
    let mut reports = 400;
    let mut out = PathBuf::from("archive");
    let mut hugo: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--reports" => {
                reports = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--reports N")
            }
            "--out" => out = args.next().map(PathBuf::from).expect("--out DIR"),
            "--hugo" => hugo = args.next().map(PathBuf::from),
            other => panic!("unknown argument {other}; use --reports N --out DIR [--hugo DIR]"),
        }
    }
    let archive = Archive { reports };
    archive.write_outturn(&out);
    if let Some(dir) = hugo {
        archive.write_hugo(&dir);
    }
    eprintln!("wrote {reports} reports to {}", out.display());
}

struct Archive {
    reports: usize,
}

/// A deterministic wobble, so figures move but runs are repeatable.
fn wobble(seed: usize) -> f64 {
    let x = (seed as u64)
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    ((x >> 33) % 1000) as f64 / 1000.0
}

fn value(indicator: usize, step: usize, unit: &str) -> f64 {
    let base = match unit {
        "count" => 300.0,
        "percent" => 60.0,
        "rate_per_10k" => 65.0,
        "days" => 450.0,
        _ => 12.0,
    };
    let v = base * (0.9 + 0.2 * wobble(indicator * 7919 + step));
    match unit {
        "count" | "days" => v.round(),
        _ => (v * 10.0).round() / 10.0,
    }
}

/// Quarter `q` (0-based from April 2000) as `2000-01 Q1`.
fn quarter(q: usize) -> (String, String) {
    let year = FIRST_YEAR + q / 4;
    let label = format!("{year}-{:02} Q{}", (year + 1) % 100, q % 4 + 1);
    let slug = format!("{year}-{:02}-q{}", (year + 1) % 100, q % 4 + 1);
    (label, slug)
}

fn month(m: usize) -> String {
    // Months from April 2000.
    let index = 3 + m;
    format!("{}-{:02}", FIRST_YEAR + index / 12, index % 12 + 1)
}

fn year(y: usize) -> String {
    format!("{}-{:02}", FIRST_YEAR + y, (FIRST_YEAR + y + 1) % 100)
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("create folder");
    }
    fs::write(path, text).expect("write file");
}

impl Archive {
    fn months(&self) -> usize {
        self.reports * 3
    }

    fn indicator(&self, i: usize) -> (String, &'static str) {
        let kind = if i < MONTHLY {
            "monthly"
        } else if i < MONTHLY + QUARTERLY {
            "quarterly"
        } else if i < MONTHLY + QUARTERLY + YEARLY {
            "yearly"
        } else {
            "breakdown"
        };
        (format!("{kind}_{i:02}"), UNITS[i % UNITS.len()])
    }

    fn count(&self) -> usize {
        MONTHLY + QUARTERLY + YEARLY + BROKEN_DOWN
    }

    fn write_outturn(&self, dir: &Path) {
        let _ = fs::remove_dir_all(dir);
        let mut toml = String::from(
            "title = \"Synthetic performance archive\"\npublisher = \"Example Council\"\narea = \"Exampleshire\"\nbase_url = \"https://www.example.gov.uk/performance/\"\n\n[comparators]\n",
        );
        for (key, name) in COMPARATORS {
            let _ = writeln!(toml, "{key} = \"{name}\"");
        }
        write(&dir.join("site.toml"), &toml);

        let mut yaml = String::new();
        for i in 0..self.count() {
            let (id, unit) = self.indicator(i);
            let unit = if id.starts_with("breakdown") {
                "percent"
            } else {
                unit
            };
            let polarity = ["higher_is_better", "lower_is_better", "neutral"][i % 3];
            let _ = write!(
                yaml,
                "{id}:\n  title: Synthetic indicator {i}\n  unit: {unit}\n  polarity: {polarity}\n  description: A made-up measure for benchmarking.\n  source: Generated\n  theme: Theme {}\n",
                i % 6
            );
        }
        write(&dir.join("data/indicators.yaml"), &yaml);

        // Monthly series, wide, as a spreadsheet keeps them.
        let mut monthly = String::from("indicator");
        for m in 0..self.months() {
            let _ = write!(monthly, ",{}", month(m));
        }
        monthly.push('\n');
        for i in 0..MONTHLY {
            let (id, unit) = self.indicator(i);
            monthly.push_str(&id);
            for m in 0..self.months() {
                let _ = write!(monthly, ",{}", value(i, m, unit));
            }
            monthly.push('\n');
        }
        write(&dir.join("data/monthly.csv"), &monthly);

        // Quarterly, yearly, comparators and breakdowns, long.
        let mut long = String::from("indicator,period,value,area,breakdown,note\n");
        for i in MONTHLY..MONTHLY + QUARTERLY {
            let (id, unit) = self.indicator(i);
            for q in 0..self.reports {
                let _ = writeln!(long, "{id},{},{},,,", quarter(q).0, value(i, q, unit));
            }
        }
        let years = self.reports.div_ceil(4);
        for i in (MONTHLY + QUARTERLY..MONTHLY + QUARTERLY + YEARLY).chain(0..MONTHLY) {
            let (id, unit) = self.indicator(i);
            for y in 0..years {
                if i >= MONTHLY {
                    let _ = writeln!(long, "{id},{},{},,,", year(y), value(i, y, unit));
                }
                for (c, (_, name)) in COMPARATORS.iter().enumerate() {
                    let _ = writeln!(
                        long,
                        "{id},{},{},{name},,",
                        year(y),
                        value(i + 100 * (c + 1), y, unit)
                    );
                }
            }
        }
        for i in MONTHLY + QUARTERLY + YEARLY..self.count() {
            let (id, _) = self.indicator(i);
            for q in 0..self.reports {
                let shares = BANDS.map(|b| 5.0 + 30.0 * wobble(i * 31 + q * 7 + b.len()));
                let total: f64 = shares.iter().sum();
                for (band, share) in BANDS.iter().zip(shares) {
                    let _ = writeln!(
                        long,
                        "{id},{},{:.1},,{band},",
                        quarter(q).0,
                        share * 100.0 / total
                    );
                }
            }
            for y in 0..years {
                for band in BANDS {
                    let _ = writeln!(long, "{id},{},{:.1},England,{band},", year(y), 20.0);
                }
            }
        }
        write(&dir.join("data/figures.csv"), &long);

        write(
            &dir.join("content/about.md"),
            "---\ntitle: About these reports\n---\n## About\n\nA synthetic archive for measuring outturn.\n",
        );
        for q in 0..self.reports {
            let (label, slug) = quarter(q);
            write(
                &dir.join(format!("content/reports/{slug}.md")),
                &self.report(q, &label, false),
            );
        }
    }

    /// A report: ~1,200 words, 30 placeholders, 8 charts, 2 tables. With
    /// `typed`, the same words with the figures typed in and no charts.
    fn report(&self, q: usize, label: &str, typed: bool) -> String {
        let mut text = String::new();
        let _ = write!(
            text,
            "---\ntitle: \"Performance report, {label}\"\n{}committee: Corporate Parenting Committee\nsummary: How the service did in {label}.\n{}---\n",
            if typed {
                format!("date: {}-01-01\n", FIRST_YEAR + 1 + q / 4)
            } else {
                format!("period: {label}\n")
            },
            if typed {
                String::new()
            } else {
                "key_figures: [monthly_00, monthly_01, quarterly_24]\n".into()
            }
        );
        let filler = "The service kept working with families across the area, reviewing each child's plan with partners in health, education and the police, and managers met weekly to ask why any figure had moved.";
        for section in 0..10 {
            let _ = write!(text, "\n## Section {section}\n\n");
            for p in 0..3 {
                let i = (section * 3 + p) % MONTHLY;
                let (id, unit) = self.indicator(i);
                let this = value(i, q * 3 + 2, unit);
                let before = value(i, (q * 3).saturating_sub(1), unit);
                let figure = match p {
                    0 if typed => format!("{this}"),
                    0 => format!("{{{{ value(\"{id}\") }}}}"),
                    1 if typed => format!("a change from {before}"),
                    // The first report has no quarter before it to compare with.
                    1 if q == 0 => format!("{{{{ value(\"{id}\") }}}}"),
                    1 => format!("{{{{ change(\"{id}\", vs=\"previous\") }}}}"),
                    _ if typed => format!("{}", value(i + 200, q / 4, unit)),
                    _ => format!("{{{{ benchmark(\"{id}\", \"england\", latest=true) }}}}"),
                };
                let _ = write!(
                    text,
                    "At the end of the quarter the figure stood at {figure}. {filler}\n\n"
                );
            }
            if !typed && section < 8 {
                let chart = match section % 4 {
                    0 => format!("{{{{ chart(\"monthly_{:02}\", last=12) }}}}", section),
                    1 => format!(
                        "{{{{ chart(\"monthly_{:02}\", compare=[\"sn\", \"england\", \"region\"]) }}}}",
                        section
                    ),
                    2 => format!(
                        "{{{{ chart(\"breakdown_{:02}\") }}}}",
                        MONTHLY + QUARTERLY + YEARLY + section % BROKEN_DOWN
                    ),
                    _ => format!(
                        "{{{{ chart(\"breakdown_{:02}\", last=4) }}}}",
                        MONTHLY + QUARTERLY + YEARLY + section % BROKEN_DOWN
                    ),
                };
                let _ = write!(text, "{chart}\n\n");
            }
            if !typed && section < 2 {
                let _ = write!(
                    text,
                    "{{{{ table([\"quarterly_{:02}\", \"quarterly_{:02}\"], periods=4) }}}}\n\n",
                    MONTHLY + section,
                    MONTHLY + section + 1
                );
            }
        }
        text
    }

    fn write_hugo(&self, dir: &Path) {
        let _ = fs::remove_dir_all(dir);
        write(
            &dir.join("hugo.toml"),
            "baseURL = \"https://www.example.gov.uk/performance/\"\ntitle = \"Synthetic performance archive\"\nlanguageCode = \"en-gb\"\ndisableKinds = [\"taxonomy\", \"term\"]\n# Report dates run far into the future; Hugo skips those unless told.\nbuildFuture = true\n",
        );
        write(
            &dir.join("layouts/_default/baseof.html"),
            "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><main>{{ block \"main\" . }}{{ end }}</main></body></html>\n",
        );
        write(
            &dir.join("layouts/_default/single.html"),
            "{{ define \"main\" }}<h1>{{ .Title }}</h1><nav>{{ .TableOfContents }}</nav>{{ .Content }}<nav>{{ with .PrevInSection }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}</nav>{{ end }}\n",
        );
        write(
            &dir.join("layouts/_default/list.html"),
            "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n",
        );
        write(
            &dir.join("content/about.md"),
            "---\ntitle: About these reports\n---\n## About\n\nA synthetic archive for measuring outturn.\n",
        );
        for q in 0..self.reports {
            let (label, slug) = quarter(q);
            write(
                &dir.join(format!("content/reports/{slug}.md")),
                &self.report(q, &label, true),
            );
        }
    }
}
