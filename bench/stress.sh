#!/usr/bin/env bash
# Cost in the dimensions a real site can grow in, one at a time: a site whose
# one indicator has N breakdown categories for a single period, and a site
# whose figures are a million rows in one CSV file. Prints wall seconds and
# peak memory of `outturn build` on each (release build, output on tmpfs).
#
# usage: bench/stress.sh [CATEGORIES [ROWS]]   (default: 40000 1000000)
#   BENCH_DIR=/dev/shm/outturn-stress            where the sites are written
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
target=${CARGO_TARGET_DIR:-$PWD/target}
categories=${1:-40000}
rows=${2:-1000000}
tmp=${BENCH_DIR:-/dev/shm/outturn-stress}
rm -rf "$tmp"
mkdir -p "$tmp"
cargo build --release --quiet
outturn=$target/release/outturn

site() { # DIR: a site with one report for Q1 2023-24 and a body from stdin
  mkdir -p "$1/data" "$1/content/reports"
  printf 'title = "Stress"\npublisher = "Bench"\narea = "Here"\n[comparators]\nengland = "England"\n' >"$1/site.toml"
  { printf -- '---\ntitle: Stress\nperiod: 2023-24 Q1\nmeeting: 2023-09-05\n---\n'; cat; } >"$1/content/reports/2023-24-q1.md"
}

# One indicator, N categories in one period.
cats=$tmp/categories
site "$cats" <<'MD'
There are {{ value("placements", breakdown="Category 7") }} in category 7.

{{ table("placements") }}
MD
printf 'placements:\n  title: Placements by provider\n  unit: count\n' >"$cats/data/indicators.yaml"
awk -v n="$categories" 'BEGIN { print "indicator,period,value,area,breakdown";
  for (i = 1; i <= n; i++) printf "placements,2023-06,%d,,Category %d\n", i % 97, i }' >"$cats/data/placements.csv"

# A million rows in one long file: 1,000 indicators, each with 1,000 months
# (1940 to 2023) for the site's area and England.
long=$tmp/rows
site "$long" <<'MD'
Indicator 1 stood at {{ value("i1") }}, {{ change("i1", vs="previous") }}.

{{ chart("i1", last=24) }}
MD
per=$((rows / 1000))
awk -v per="$per" 'BEGIN {
  for (i = 1; i <= 1000; i++) printf "i%d:\n  title: Indicator %d\n  unit: count\n", i, i }' >"$long/data/indicators.yaml"
awk -v per="$per" 'BEGIN { print "indicator,period,value,area";
  for (i = 1; i <= 1000; i++) for (m = 0; m < per; m++) {
    month = 2023 * 12 + 5 - m; y = int(month / 12); mm = month % 12 + 1
    printf "i%d,%04d-%02d,%d,%s\n", i, y, mm, (i * 7 + m * 13) % 1000, (m % 2 ? "England" : "")
  } }' >"$long/data/figures.csv"

measure() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }
printf '%-34s %10s %12s\n' site wall_s peak_MiB
for s in "$cats" "$long"; do
  read -r secs kib < <(measure "$outturn" build --quiet --root "$s" --out "$tmp/out-$(basename "$s")")
  printf '%-34s %10s %12d\n' "$(basename "$s") ($(wc -l <"$s"/data/*.csv) lines)" "$secs" $((kib / 1024))
done
