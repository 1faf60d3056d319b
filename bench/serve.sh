#!/usr/bin/env bash
# What a save costs `serve`: a synthetic archive of N reports (bench/scale.sh's),
# built once as `serve` builds it (into memory, keeping its cache), then the
# newest report saved RUNS times, each followed by a rebuild; prints the
# median of each stage and of the whole rebuild. `serve` prints the same
# figure as "Rebuilt in N ms", to which its 60 ms wait for an editor's burst
# of saves adds.
#
# usage: bench/serve.sh [N]          (default 400; RUNS=15)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
target=${CARGO_TARGET_DIR:-$PWD/target}
n=${1:-400}
tmp=${BENCH_DIR:-/dev/shm/outturn-serve}
rm -rf "$tmp"
mkdir -p "$tmp"

cargo build --release --quiet --example make_archive --example rebuild_bench
"$target/release/examples/make_archive" --reports "$n" --out "$tmp/site" 2>/dev/null
"$target/release/examples/rebuild_bench" "$tmp/site" "${RUNS:-15}"
