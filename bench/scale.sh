#!/usr/bin/env bash
# Scale benchmark: builds a synthetic archive of N reports with outturn, and the
# same prose (figures typed in, no charts) with Hugo, several runs each,
# alternating, output on tmpfs; prints median wall times, their ratio and
# outturn's peak memory.
#
# usage: bench/scale.sh [N ...]          (default: 100 400 1600 4000)
#   RUNS=5 bench/scale.sh 400             runs per tool (default 5)
#   Hugo comes from Debian: apt-get install hugo. Without it, only outturn runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
target=${CARGO_TARGET_DIR:-$PWD/target}
sizes=("$@")
((${#sizes[@]})) || sizes=(100 400 1600 4000)
runs=${RUNS:-5}
tmp=${BENCH_DIR:-/dev/shm/outturn-bench}
mkdir -p "$tmp"

cargo build --release --quiet --example make_archive
cargo build --release --quiet
outturn=$target/release/outturn
have_hugo=$(command -v hugo >/dev/null && echo yes || echo no)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# Wall seconds and peak resident KiB of one run, as "SECONDS KIB".
measure() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }

printf '%8s %12s %12s %8s %14s\n' reports outturn_s hugo_s ratio outturn_MiB
for n in "${sizes[@]}"; do
  site=$tmp/site-$n hugo_site=$tmp/hugo-$n
  $target/release/examples/make_archive --reports "$n" --out "$site" --hugo "$hugo_site" 2>/dev/null
  o_times=() h_times=() peak=0
  for ((r = 0; r < runs; r++)); do
    rm -rf "$site/.outturn-cache" # cold: no build cache
    read -r secs kib < <(measure "$outturn" build --quiet --root "$site" --out "$tmp/out-$n")
    o_times+=("$secs"); ((kib > peak)) && peak=$kib
    if [[ $have_hugo == yes ]]; then
      read -r secs _ < <(measure hugo --quiet --source "$hugo_site" --destination "$tmp/hugo-out-$n")
      h_times+=("$secs")
    fi
  done
  o=$(printf '%s\n' "${o_times[@]}" | median)
  if [[ $have_hugo == yes ]]; then
    h=$(printf '%s\n' "${h_times[@]}" | median)
    ratio=$(awk -v o="$o" -v h="$h" 'BEGIN { printf "%.2f", o / h }')
  else
    h=-; ratio=-
  fi
  printf '%8s %12s %12s %8s %14.0f\n' "$n" "$o" "$h" "$ratio" "$(awk -v k="$peak" 'BEGIN { print k / 1024 }')"
done
