#!/usr/bin/env bash
# Reading a national statistics file: DfE's care leavers file as published
# (3.3 MB), and a generated 100 MB file in the same format (the published rows
# repeated for made-up councils), with the time to read each and peak memory.
#
# usage: bench/national.sh            (OUTTURN_SHARED=DIR if ../shared is elsewhere)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
target=${CARGO_TARGET_DIR:-$PWD/target}
shared=${OUTTURN_SHARED:-../shared}
file=$shared/data/ees/la_care_leavers_activity.csv
tmp=${BENCH_DIR:-/dev/shm/outturn-national}
mkdir -p "$tmp"
big=$tmp/national-100mb-named.csv
bench/make_national.sh 100000000 "$big"
cargo build --release --quiet --example national_bench
for f in "$file" "$big"; do
  /usr/bin/time -f "  peak memory %M KiB" $target/release/examples/national_bench "$f" 2>&1
done
