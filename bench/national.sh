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
if [[ ! -s $big ]]; then
  # Every council's rows again under new made-up codes, until about 100 MB.
  # A made-up council is named after its code and has no old code, so that
  # no name or code stands for two councils (which the reader reports).
  awk -v target=100000000 'NR == 1 { print; size = length($0) + 1; next }
    { rows[++n] = $0 }
    END {
      for (copy = 0; size < target; copy++)
        for (i = 1; i <= n && size < target; i++) {
          row = rows[i]
          if (copy > 0) {
            if (row !~ /Local authority/) continue
            code = sprintf("X%07d", copy * 1000 + i % 1000)
            sub(/,E0[0-9]+,/, "," code ",", row); sub(/,[0-9][0-9][0-9],/, ",000,", row)
            p = index(row, ",000,"); q = index(row, "," code ",")
            if (p && q > p) row = substr(row, 1, p) ",Council " code substr(row, q)
          }
          print row; size += length(row) + 1
        }
    }' "$file" >"$big"
fi
cargo build --release --quiet --example national_bench
for f in "$file" "$big"; do
  /usr/bin/time -f "  peak memory %M KiB" $target/release/examples/national_bench "$f" 2>&1
done
