#!/usr/bin/env bash
# Warm-build benchmark: a 400-report archive (bench/scale.sh's), built once,
# then, alternating runs, on tmpfs:
#   cold      a build with no build cache (.outturn-cache/ removed)
#   warm      a build with nothing changed
#   next      a build after the next quarter's report and figures arrive
#   copy      `cp -r` of the whole output, the floor a build is measured against
# Prints the median of each and its ratio to the copy.
#
# usage: bench/incremental.sh [N]     (default 400)
#   RUNS=5 bench/incremental.sh 400   runs of each (default 5)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
target=${CARGO_TARGET_DIR:-$PWD/target}
n=${1:-400}
runs=${RUNS:-5}
tmp=${BENCH_DIR:-/dev/shm/outturn-incremental}
rm -rf "$tmp"
mkdir -p "$tmp"

cargo build --release --quiet --example make_archive
cargo build --release --quiet
outturn=$target/release/outturn
$target/release/examples/make_archive --reports "$n" --out "$tmp/now" 2>/dev/null
$target/release/examples/make_archive --reports "$((n + 1))" --out "$tmp/next" 2>/dev/null
site=$tmp/site

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { local s; s=$(date +%s.%N); "$@" >/dev/null; awk -v s="$s" -v e="$(date +%s.%N)" 'BEGIN { printf "%.4f", e - s }'; }
build() { "$outturn" build --quiet --root "$site" --out "$tmp/out"; }
# The site as the archive of n reports, built, with its cache.
as_now() {
  rm -rf "$site/content" "$site/data"
  cp -r "$tmp/now/content" "$tmp/now/data" "$site/"
}
as_next() {
  rm -rf "$site/content" "$site/data"
  cp -r "$tmp/next/content" "$tmp/next/data" "$site/"
}

cp -r "$tmp/now" "$site"
build
cold=() warm=() next=() copy=()
for ((r = 0; r < runs; r++)); do
  rm -rf "$site/.outturn-cache"
  cold+=("$(seconds build)")
  warm+=("$(seconds build)")
  as_next
  next+=("$(seconds build)")
  as_now
  build
  rm -rf "$tmp/copy"
  copy+=("$(seconds cp -r "$tmp/out" "$tmp/copy")")
done
c=$(printf '%s\n' "${copy[@]}" | median)
files=$(find "$tmp/out" -type f | wc -l)
bytes=$(du -sm "$tmp/out" | cut -f1)
echo "$n reports: output $files files, $bytes MB; medians of $runs runs"
printf '%-10s %10s %12s\n' measure seconds per_copy
for name in cold warm next copy; do
  declare -n times=$name
  m=$(printf '%s\n' "${times[@]}" | median)
  printf '%-10s %10s %12s\n' "$name" "$m" "$(awk -v m="$m" -v c="$c" 'BEGIN { printf "%.2f", m / c }')"
done
